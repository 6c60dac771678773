"""The "is it a quote?" classifier: its features and its decisions."""
from __future__ import annotations

import pytest

from quotes.attribution.model import AttributionModel, HashedLinear
from quotes.training.model_files import load_model_file, model_paths
from quotes.attribution.model import use_model
from quotes.attribution.front import prepare
from quotes.attribution.quote_filter import filter_spans, span_rows


def test_features_describe_shape_position_and_context():
    text = 'He read the book "The Art of the Deal" and said: "We will win this time."'
    rows = span_rows(prepare(text))
    title, speech = rows
    assert title["reason=title"] == 1.0
    assert title["w-1=book"] == 1.0
    assert title["all_caps_title"] == 1.0
    assert speech["reason=None"] == 1.0
    assert speech["first_person"] == 1.0
    assert speech["has_verb"] == 1.0
    assert speech["cue_before"] == 1.0


class _Fixed:
    """A stand-in classifier returning fixed probabilities, in order."""

    def __init__(self, probs):
        self.probs = probs

    def predict_proba(self, rows):
        import numpy as np

        return np.asarray(self.probs[: len(rows)], dtype=float)


@pytest.mark.parametrize("probs, kept", [((0.9, 0.9), 1), ((0.9, 0.1), 0)])
def test_model_drops_weak_spans_and_rule_rejects_stand(probs, kept):
    text = 'The film "Gone With the Wind" was shown. "We loved it," said Ann Lee.'
    front = prepare(text)
    model = AttributionModel(quote_filter=_Fixed(probs), quote_threshold=0.5, ranker=None)
    with use_model(model):
        spans, rejected = filter_spans(front)
    assert len(spans) == kept
    reasons = [r for _, r in rejected]
    assert "title" in reasons  # the rule rejected it; p=0.9 does not rescue it
    if not kept:
        assert any(r.startswith("not speech (p=0.10") for r in reasons)


def test_hashed_linear_filter_matches_the_sklearn_pipeline():
    text = ('He read "The Art of the Deal" and said: "We will win." Critics called it "nonsense". '
            '“Ça va,” dit-elle. "" "A" "We\'ll see about that," said Mr O\'Neill.')
    rows = span_rows(prepare(text))
    pipeline = load_model_file(*model_paths())[0]["quote_filter"]
    assert len(rows) >= 5
    assert HashedLinear.from_sklearn(pipeline).predict_proba(rows).tolist() == pytest.approx(
        pipeline.predict_proba(rows)[:, 1].tolist(), abs=1e-12)


def test_short_terms_are_found_outside_the_marks_as_whole_words():
    from quotes.attribution.quote_filter import _found_outside, _words

    text = ('The "Big Apple" plan won. Critics called it a big-apple scheme; "the plan" '
            'was the mayor\'s. Big applesauce is not it, nor "fake news", but fake  news\n'
            'spreads. "New" and "New York" rivals: new york.')
    doc = prepare(text)
    spans = doc.spans
    terms = {_words(text[s.start:s.end]) for s in spans} - {()}
    assert terms == {("big", "apple"), ("the", "plan"), ("fake", "news"), ("new",), ("new", "york")}
    # "big-apple" counts (words split on any other character), "applesauce" does
    # not; "the plan" stands only inside marks; two terms can start at one word.
    assert _found_outside(text, spans, terms) == {("big", "apple"), ("fake", "news"), ("new",), ("new", "york")}
    assert "unquoted_too" in span_rows(doc)[0]

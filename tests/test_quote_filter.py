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


# -- what the paragraph and the document say about a span (issue #15) --------------

def _row(text: str, n: int = 0) -> dict:
    return span_rows(prepare(text))[n]


@pytest.mark.parametrize(("text", "shape"), [
    # a short term in marks, no reporting verb anywhere near: a scare quote or a title
    ("The app lets you “dial up” your hours.", "shape=short|cue=0|line=0|upper=0"),
    ("We watched “Wild Rose” last night.", "shape=short|cue=0|line=0|upper=1"),
    # the same shape beside "said" is a partial quote
    ("The plan was “dead on arrival,” Ann Lee said.", "shape=short|cue=1|line=1|upper=0"),
    # a long clause with a reporting verb
    ("“We will reopen the school early next week,” said Grace Okafor.", "shape=long|cue=1|line=1|upper=1"),
    # a reporting verb elsewhere in the paragraph, not in the span's sentence
    ("Users want a “frunk” in every new car they buy. Ann Lee said so.", "shape=short|cue=0|line=1|upper=0"),
])
def test_shape_is_crossed_with_a_reporting_verb_in_reach(text, shape):
    row = _row(text)
    assert row[shape] == 1.0
    assert sum(1 for k in row if k.startswith("shape=")) == 1


@pytest.mark.parametrize(("text", "weak", "person"), [
    ("Senator Ann Lee called the deal “a disaster” on Monday.", True, True),
    ("The deal was described as “a disaster” by the press.", True, False),
    ("Ann Lee’s “exception” was short-lived.", False, True),
    ("The “exception” was short-lived.", False, False),
    # beyond the sentence neither counts
    ("Ann Lee called on Monday. The “exception” was short-lived.", False, False),
])
def test_weak_reporting_verbs_and_people_near_the_marks(text, weak, person):
    row = _row(text)
    assert row["weak_cue_near"] == float(weak)
    assert row["person_near"] == float(person)


def test_document_style_features_are_shares_of_its_spans():
    # two short bare terms and one long quote with "said"
    text = ('Owners love the “frunk” and the “gigacast” body.\n\n'
            '“We built the car for families who need room,” said Ann Lee.')
    rows = span_rows(prepare(text))
    assert len(rows) == 3
    for row in rows:
        assert row["doc_long_share"] == pytest.approx(1 / 3)
        assert row["doc_bare_short_share"] == pytest.approx(2 / 3)
        assert 0.0 < row["doc_cues_per_sentence"] <= 1.0
    assert rows[0]["other_long_in_line"] == 0.0 and rows[2]["other_long_in_line"] == 0.0
    assert rows[2]["cue_in_line"] == 1.0 and rows[1]["cue_in_line"] == 0.0
    assert rows[0]["cue_line_before"] == 0.0

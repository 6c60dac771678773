"""The learned name model (quotes/text/name_model.py) and its training (quotes/training/names.py)."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from quotes.model_arrays import arrays_path
from quotes.resources import models_dir
from quotes.text.name_model import NameModel, load_name_model, token_features, ArticleUsage, is_title_case
from quotes.text.names import find_names, mention_tokens
from quotes.text.parsed import ParsedDoc

ROOT = Path(__file__).resolve().parents[1]


def _runs(text):
    doc = ParsedDoc.from_text(text)
    doc.mark_quoted([])
    names = find_names(doc, use_model=False)
    out = []
    for m in names:
        ks = mention_tokens(doc, m)
        lo, hi = doc.line_tokens(next(line for line in doc.lines if line.start <= m.start < line.end))
        out.append((m, ks, is_title_case(doc, lo, hi), lo, hi))
    usage = ArticleUsage.build(doc, [(ks, h, lo) for _, ks, h, lo, _ in out])
    return doc, [(m, token_features(doc, ks, h, lo, hi, usage)) for m, ks, h, lo, hi in out]


def test_features_describe_word_run_line_and_article():
    doc, runs = _runs("Wayne Rogers runs the firm.\nIn Memphis, CEO Wayne Rogers said Tuesday it was over.\n")
    words = {m.text: f for m, f in runs}
    rogers = words["Wayne Rogers"]
    assert "lex:first" in rogers[0] and "pos:first" in rogers[0] and "left:first" in rogers[1]
    assert "use:after_first" in rogers[1]          # "Wayne Rogers" again in the article
    memphis = words["Memphis"][0]
    assert "lex:place" in memphis and "pos:only" in memphis and "use:lower0" in memphis


def test_headline_and_label_lines_are_features():
    _, runs = _runs("Hillary Clinton Praised The Plan In A Speech\n\nThe NATO chief spoke.\n\nWORLD NEWS TODAY\n")
    feats = {m.text: fs for m, fs in runs}
    assert "line:headline" in feats["Hillary Clinton"][0]
    assert "shape:allcaps" in feats["NATO"][0] and "line:allcaps" not in feats["NATO"][0]
    assert all("line:allcaps" in f and "shape:allcaps" in f for f in feats["WORLD NEWS TODAY"])


def test_model_scores_like_a_logistic_regression():
    model = NameModel(["a", "b", "c"], [1.0, -2.0, 0.5], 0.25, 0.5)
    for feats in (["a"], ["a", "b"], ["c", "zzz"], []):
        z = 0.25 + sum({"a": 1.0, "b": -2.0, "c": 0.5}.get(f, 0.0) for f in feats)
        assert model.probability(feats) == pytest.approx(1 / (1 + np.exp(-z)))


@pytest.mark.skipif(not arrays_path("names").exists(), reason="models/names.npz not built")
def test_shipped_arrays_give_the_skops_models_probabilities():
    sio = pytest.importorskip("skops.io")
    folder = models_dir()
    est = sio.load(folder / "names.skops", trusted=sio.get_untrusted_types(file=folder / "names.skops"))
    model = load_name_model()
    _, runs = _runs("Rival Jane Doe said Monday that Acme Corp would sue.\n")
    rows = [f for _, fs in runs for f in fs]
    card = json.loads((folder / "names.json").read_text())
    groups = set(card["feature_groups"])
    sel = [{f: 1 for f in r if f.split(":", 1)[0] in groups} for r in rows]
    want = est.predict_proba(sel)[:, 1]
    got = [model.probability([f for f in r if f.split(":", 1)[0] in groups]) for r in rows]
    assert np.allclose(got, want)
    assert card["cv_grouped_5fold"]["gold_mentions"] > 1000


def _retrained() -> bool:
    """The shipped name model learnt from the web set and BBC train and judges word surnames alone (names-4)."""
    return arrays_path("names").exists() and load_name_model().judges_surnames


_NEEDS_RETRAINED = pytest.mark.skipif(
    not _retrained(), reason="the shipped name model predates names-4 (not retrained on the web set and BBC train: "
                             "`quotes train names --extra web --extra bbc-train`, issue #15)")


@_NEEDS_RETRAINED
def test_name_model_cross_validated_figures_hold():
    """Floors of the shipped card's grouped 5-fold CV over PolNeAR train, the web set
    and BBC train (names-4: mentions cut exactly 0.9824, non-names cut 0.979,
    invented sentences 0.833; names-5, with BBC train2 and the glued-word features:
    0.9833, 0.9795, 0.854; names-6, a demonym after a first name or a title labelled a
    surname: 0.9838, 0.9790, 0.853).

    names-7 learns from main's 351 BBC training articles (train to train5, the 9
    repeats of a test or earlier article left out: 1311 articles, 4671 gold
    mentions), on which the same CV of names-6's code gives 0.9831 and 0.9799 (and
    0.856 on its 161 invented sentences). names-7 adds the lexicon's part of speech
    and the lower-case-elsewhere features, and labels a dictionary word that opens a
    line, that the article writes in lower case elsewhere and never capitalises inside
    a sentence, as no name (more and harder non-name words): 0.9827, 0.9789, and
    0.8643 on 224 invented sentences. It gives up 2 of 4671 gold mentions for the
    glued role words and plain openers it cuts ("Rapper Jay-Z", "Songwriter Guy
    Chambers", "Pop", "New Yorker Dick Morris"; the pipeline with the shipped ranker
    on the web set and those BBC training articles: 316 attribution errors with
    names-6, 297 with names-7). The floors of each training set hold for that set."""
    card = json.loads((models_dir() / "names.json").read_text())
    cv = card["cv_grouped_5fold"]
    assert cv["docs"] >= 1080 and cv["gold_mentions"] >= 4100
    if cv["docs"] == 1080:  # PolNeAR train, the web set, BBC train and train2 (names-4 to names-6)
        assert cv["gold_mentions_exact"] >= 0.9835
        assert cv["non_names_cut"] >= 0.979
        assert card["cv_invented_5fold"] >= 0.853
    else:  # and BBC train3 to train5 (names-7 on)
        assert cv["docs"] >= 1311 and cv["gold_mentions"] >= 4671
        assert cv["gold_mentions_exact"] >= 0.9827
        assert cv["non_names_cut"] >= 0.9789
        assert card["cv_invented_5fold"] >= 0.864


@pytest.mark.skipif(not arrays_path("names").exists(), reason="models/names.npz not built")
@pytest.mark.parametrize("text, dirty, clean", [
    ("“It is done,” said CEO Laura Finch.\n", "CEO", "Laura Finch"),          # role before the name
    ("“We lost,” Coach Danny Webb said.\n", "Coach", "Danny Webb"),
    ("Paul Hardy Wednesday said the deal was off.\n", "Wednesday", "Paul Hardy"),  # date after it
])
def test_model_judges_glued_words_as_no_name(text, dirty, clean):
    """Invented sentences of each kind (not those it was trained on): the glued
    word scores lower than the name's words."""
    model = load_name_model()
    _, runs = _runs(text)
    for m, feats in runs:
        if clean.split()[-1] in m.words and dirty in m.words:
            probs = dict(zip(m.words, (model.probability(f) for f in feats)))
            assert probs[dirty] < min(probs[w] for w in clean.split())
            return
    # the grammar already left the glued word out: nothing for the model to do
    assert any(m.text == clean for m, _ in runs)


def test_invented_examples_cover_every_kind():
    from quotes.training.names import EXAMPLES, invented_examples

    lines = [line for line in EXAMPLES.read_text().splitlines() if line and not line.startswith("#")]
    examples = invented_examples()
    assert len(examples) == len(lines) >= 60
    labels = [v for _, y in examples for v in y]
    assert 0.3 < sum(labels) / len(labels) < 0.8


def _names(text):
    doc = ParsedDoc.from_text(text + "\n")
    doc.mark_quoted([])
    return [m.text for m in find_names(doc)]


# CheckList-style suites on invented sentences (none of them is a training example).
@pytest.mark.skipif(not arrays_path("names").exists(), reason="models/names.npz not built")
@pytest.mark.parametrize("text, name", [
    # roles and titles glued before the name
    ("“We won,” said CFO Nadia Perez.", "Nadia Perez"),
    ("Striker Jamie Vardy said the goal was lucky.", "Jamie Vardy"),
    ("Singer George Michael said he was tired.", "George Michael"),
    ("Tory MP Boris Johnson said he was sorry.", "Boris Johnson"),
    # adjectives and nouns before it
    ("Rival Tom Harper said the bid was weak.", "Tom Harper"),
    # a date after it
    ("Gary Lineker Thursday said the show would go on.", "Gary Lineker"),
])
def test_glued_words_leave_the_name(text, name):
    assert _names(text) == [name]


@pytest.mark.skipif(not arrays_path("names").exists(), reason="models/names.npz not built")
@pytest.mark.parametrize("text", [
    "Denver officials said the road was shut.",      # a place
    "Chinese officials said the plant would reopen.",  # a demonym
])
def test_capitalised_non_names_are_no_names(text):
    assert _names(text) == []


@pytest.mark.skipif(not arrays_path("names").exists(), reason="models/names.npz not built")
@pytest.mark.parametrize("text, name", [
    # look-alikes that stay whole: surnames that are words, organisations, particles, titles
    ("Philip Bump said the poll was wrong.", "Philip Bump"),
    ("Doug Usher said so.", "Doug Usher"),
    ("The White House said no.", "White House"),
    ("The Department of Justice said no.", "Department of Justice"),
    ("Ludwig van Beethoven wrote it.", "Ludwig van Beethoven"),
    ("Mr. Brown said he was sorry.", "Brown"),
    ("Sen. Rand Paul said no.", "Rand Paul"),
    ("NATO said the drills would go ahead.", "NATO"),
    ("Anthony Blunt said he regretted it.", "Anthony Blunt"),
    ("Prime Minister Theresa May said the vote would go ahead.", "Theresa May"),  # a month as surname
    ("Peter Frost said the plan was sound.", "Peter Frost"),
    ("Aston Villa said the manager would stay.", "Aston Villa"),  # organisations that start with a place
    ("The Welsh Assembly said it would vote.", "Welsh Assembly"),
])
def test_names_stay_whole(text, name):
    assert _names(text) == [name]


@pytest.mark.skipif(not arrays_path("names").exists(), reason="models/names.npz not built")
def test_a_role_cut_off_becomes_a_descriptor():
    doc = ParsedDoc.from_text("Striker Harry Wilson said the goal was lucky.\n")
    doc.mark_quoted([])
    (mention,) = find_names(doc)
    assert mention.words == ("Harry", "Wilson") and "striker" in mention.descriptors
    assert doc.text[mention.start:mention.end] == "Harry Wilson" and mention.gender == "m"


def test_name_block_takes_the_last_kept_block():
    from quotes.text.name_model import name_block

    assert name_block([True, False, True, True], ("Tory", "MP", "Boris", "Johnson")) == (2, 4)
    assert name_block([True, True, False], ("John", "Podesta", "Tuesday")) == (0, 2)
    assert name_block([True, True, True], ("Department", "of", "Justice")) == (0, 3)
    assert name_block([False, False], ("Women", "MPs")) is None


@pytest.mark.skipif(not arrays_path("names").exists(), reason="models/names.npz not built")
@pytest.mark.parametrize("text, names", [
    # a place or party word before an organisation's name is part of it ...
    ("The Liberal Democrats said the tax was unfair.", ["Liberal Democrats"]),
    ("The Dublin Port Company said ships were waiting.", ["Dublin Port Company"]),
    # ... but before a person's name it describes the person
    ("Republican Donald Trump said so.", ["Donald Trump"]),
    ("Texas Senator Ted Cruz said no.", ["Ted Cruz"]),
])
def test_place_and_party_words_join_organisations_not_people(text, names):
    assert _names(text) == names


@pytest.mark.skipif(not arrays_path("names").exists(), reason="models/names.npz not built")
def test_split_scoring_gives_the_full_features_probabilities():
    from quotes.text.name_model import token_feature_parts

    text = ("Hillary Clinton Praised The Plan\n\nCEO Wayne Rogers said Tuesday that Acme Corp and "
            "Memphis police agreed. Rogers, 52, said: “Fine.” Wayne Rogers Tuesday left.\n")
    doc = ParsedDoc.from_text(text)
    doc.mark_quoted([])
    model = load_name_model()
    runs = []
    for m in find_names(doc, use_model=False):
        ks = mention_tokens(doc, m)
        lo, hi = doc.line_tokens(next(line for line in doc.lines if line.start <= m.start < line.end))
        runs.append((ks, is_title_case(doc, lo, hi), lo, hi))
    usage = ArticleUsage.build(doc, [(ks, h, lo) for ks, h, lo, _ in runs])
    for _ in range(2):  # the second pass scores from the word cache
        for ks, h, lo, hi in runs:
            full = [model.probability(f) for f in token_features(doc, ks, h, lo, hi, usage)]
            split = model.probabilities(*token_feature_parts(doc, ks, h, lo, hi, usage))
            assert split == pytest.approx(full, abs=1e-12)


# A surname that is a word (a month, a day, a common noun), alone, in an article
# that writes it after a first name elsewhere: that person (the grammar leaves it
# to the model, which reads how the article uses the word).
@_NEEDS_RETRAINED
@pytest.mark.parametrize("text, names", [
    ("Theresa May met the press. The talks will go on, May said.", ["Theresa May", "May"]),   # a month
    ("Peter Frost chaired it. Frost said the plan was sound.", ["Peter Frost", "Frost"]),      # a noun
    ("Kevin Friday scored late. Friday said the team deserved it.", ["Kevin Friday", "Friday"]),  # a day
    ("Gordon Brown met the unions, and later Brown said the deal was fair.", ["Gordon Brown", "Brown"]),
])
def test_a_word_surname_alone_is_the_person_the_article_names(text, names):
    assert _names(text) == names


@pytest.mark.skipif(not arrays_path("names").exists(), reason="models/names.npz not built")
@pytest.mark.parametrize("text, names", [
    # look-alikes: the word in its own sense, in an article with that surname
    ("Theresa May will travel to Brussels in May.", ["Theresa May"]),
    pytest.param("Kevin Friday scored twice on Friday.", ["Kevin Friday"], marks=_NEEDS_RETRAINED),
    # negation: no first name before the word anywhere, so a month stays no name
    ("The talks will go on in May, officials said.", []),
    ("In May the council said the road would close.", []),
])
def test_the_word_in_its_own_sense_stays_no_name(text, names):
    assert _names(text) == names


def test_surnames_after_first_names_are_read_from_the_article():
    from quotes.text.names import _surnames_after_first_names

    doc = ParsedDoc.from_text("Theresa May and Jeremy Hunt's aide met. In May, Hunt spoke.\n")
    assert _surnames_after_first_names(doc) == {"may", "hunt"}

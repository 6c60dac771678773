"""Speaker candidates, their feature rows, and the ranker's choice."""
from __future__ import annotations

import time

import pytest

from quotes.attribution.rules import attribute
from quotes.attribution.candidates import CANDIDATE_FEATURES, CATEGORICAL_FEATURES, DocCandidates, quote_rows
from quotes.attribution.features import TAG_CODES, DocContext, coarse_tag
from quotes.attribution.front import prepare
from quotes.attribution.rank import candidate_table

TEXT = ("Anthony Blunt worked for MI5 for years.\n\n"
        "The former spy later wrote a memoir.\n\n"
        '"It was the biggest mistake of my life," he said.\n\n'
        "Nothing else happened.\n\n"
        "Far away, Jane Doe said nothing.")


@pytest.fixture(scope="module")
def front():
    return prepare(TEXT)


def _table(front):
    spans = [s for s, r in zip(front.spans, front.reasons) if r is None]
    rules = attribute(front.parsed, spans, front.index)
    return spans, rules, candidate_table(front, spans, rules)


def test_candidates_cover_names_pronouns_and_descriptions(front):
    cands = DocCandidates(front.parsed, front.index, front.names, front.ctx)
    kinds = {(c.mention.text, c.mention.kind) for c in cands.all}
    assert ("Anthony Blunt", "name") in kinds
    assert ("he", "pronoun") in kinds
    assert ("The former spy", "description") in kinds
    # offsets point at the words
    for c in cands.all:
        assert TEXT[c.mention.start:c.mention.end] == c.mention.text


def test_window_is_the_quote_paragraph_and_its_neighbours(front):
    spans, rules, (_, lists, rows) = _table(front)
    (quote_cands,) = lists
    texts = [c.mention.text for c in quote_cands]
    assert "he" in texts and "The former spy" in texts
    assert "Jane Doe" not in texts  # two paragraphs after the quote
    assert "Anthony Blunt" not in texts  # two paragraphs before it


def test_rows_have_one_column_per_feature(front):
    _, _, (_, lists, rows) = _table(front)
    assert len(rows) == sum(len(x) for x in lists)
    assert all(len(r) == len(CANDIDATE_FEATURES) for r in rows)
    assert set(CATEGORICAL_FEATURES) <= set(CANDIDATE_FEATURES)


def test_features_mark_the_subject_of_the_reporting_verb(front):
    _, _, (_, lists, rows) = _table(front)
    col = {name: i for i, name in enumerate(CANDIDATE_FEATURES)}
    by_text = {c.mention.text: r for c, r in zip(lists[0], rows)}
    he = by_text["he"]
    assert he[col["subject_of_cue"]] == 1.0
    assert he[col["rule_chose"]] == 1.0  # the verb-after rule picked "he"
    assert he[col["side"]] == 1.0  # after the quote
    assert he[col["same_sentence"]] == 1.0
    spy = by_text["The former spy"]
    assert spy[col["line_distance"]] == 1.0
    assert spy[col["same_sentence"]] == 0.0


def test_rules_mention_is_added_when_outside_the_window():
    text = ("Jane Doe spoke first.\n\nShe paused.\n\nThen more.\n\n"
            '"One," said Jane Doe.\n\nA line.\n\nAnother line.\n\n"Two."')
    f = prepare(text)
    spans = [s for s, r in zip(f.spans, f.reasons) if r is None]
    rules = attribute(f.parsed, spans, f.index)
    cands = DocCandidates(f.parsed, f.index, f.names, f.ctx)
    second = cands.for_quote(spans[1], rules[1], rules[0])
    assert any(c.mention.text == "Jane Doe" for c in second)  # the previous quote's speaker


@pytest.mark.parametrize("word, tag", [
    ("said", "VBD"), ("the", "DT"), ("Blunt", "NNP"), ("spy", "N"), (",", "PUNCT"), ("“", "QUOTE"),
])
def test_lexicon_tags_need_no_tagger(word, tag):
    from quotes.resources import word_tags

    assert coarse_tag(word, word_tags()) == TAG_CODES[tag]


def test_doc_context_counts_and_sentences():
    f = prepare('Blunt said, "Yes." Then, he left.\n\nA new paragraph, here.')
    ctx: DocContext = f.ctx
    n = len(f.parsed.tokens)
    assert len(ctx.sentence) == n and len(ctx.commas) == n + 1
    assert ctx.sentence[-1] > ctx.sentence[0]
    assert ctx.count(ctx.commas, 0, n) == 3
    assert ctx.count(ctx.cues, 0, n) == 1


def test_quote_rows_of_a_quote_without_candidates():
    f = prepare('"Nobody here."')
    spans = [s for s, r in zip(f.spans, f.reasons) if r is None]
    rules = attribute(f.parsed, spans, f.index)
    cands = DocCandidates(f.parsed, f.index, f.names, f.ctx)
    assert quote_rows(f.ctx, cands, spans[0], 1, 0, rules[0], None, []) == []


def _sklearn_model() -> dict:
    from quotes.training.model_files import load_model_file, model_paths

    return load_model_file(*model_paths())[0]


def test_packed_trees_match_scikit_learn():
    import numpy as np

    from quotes.attribution.model import PackedTrees

    ranker = _sklearn_model()["ranker"]
    X = np.random.default_rng(0).random((300, ranker.n_features_in_)) * 20
    np.testing.assert_allclose(PackedTrees.from_sklearn(ranker).predict_proba(X.tolist(), block=64),
                               ranker.predict_proba(X)[:, 1])


def _walked_probabilities(ranker, X):
    """P(class 1) by walking every tree node by node (the reference the packed
    trees must match bit for bit: same leaves, summed along each row)."""
    import numpy as np

    leaves = np.empty((len(X), len(ranker._predictors)))
    for t, (predictor,) in enumerate(ranker._predictors):
        nodes = predictor.nodes
        for r, x in enumerate(X):
            node = 0
            while not nodes["is_leaf"][node]:
                go_left = x[nodes["feature_idx"][node]] <= nodes["num_threshold"][node]
                node = nodes["left"][node] if go_left else nodes["right"][node]
            leaves[r, t] = nodes["value"][node]
    raw = leaves.sum(axis=1) + float(np.ravel(ranker._baseline_prediction)[0])
    return 1.0 / (1.0 + np.exp(-raw))


def test_packed_trees_are_exact():
    import numpy as np

    from quotes.attribution.model import PackedTrees

    ranker = _sklearn_model()["ranker"]
    rng = np.random.default_rng(1)
    X = rng.integers(0, 12, (200, ranker.n_features_in_)).astype(float)
    X[:50] = rng.random((50, ranker.n_features_in_)) * 20
    X[0, :] = np.nan  # a missing value fails every test: right at every split
    packed = PackedTrees.from_sklearn(ranker)
    assert np.array_equal(packed.predict_proba(X.tolist(), block=64), _walked_probabilities(ranker, X))
    assert len(packed.predict_proba([])) == 0


def test_calibrator_matches_isotonic_predict():
    import numpy as np

    from quotes.attribution.model import Isotonic

    fitted = _sklearn_model()["calibrator"]
    # the shipped calibrator: a learned one (a linear score, then one isotonic map) or,
    # in models before attribution-model-16, isotonic maps by group
    maps = {"isotonic": fitted["isotonic"]} if "isotonic" in fitted else fitted
    assert "isotonic" in maps or {"name", "other", "all"} <= set(maps)
    for calibrator in maps.values():
        top = [0.0, 1.0, -1.0, 2.0, *calibrator.X_thresholds_.tolist(),
               *np.random.default_rng(2).random(500).tolist()]
        assert Isotonic.from_sklearn(calibrator).predict(top) == [float(p) for p in calibrator.predict(np.asarray(top))]


def test_shipped_scoring_arrays_are_those_of_the_shipped_skops_model(tmp_path):
    """attribution.npz is written from attribution.skops at training; a stale one fails here."""
    import numpy as np

    from quotes.attribution.model import AttributionModel
    from quotes.model_arrays import arrays_path, load_arrays

    rebuilt = AttributionModel.from_sklearn(_sklearn_model()).save(tmp_path / "attribution.npz")
    (arrays, meta), (shipped, shipped_meta) = load_arrays(rebuilt), load_arrays(arrays_path("attribution"))
    assert meta == shipped_meta
    assert arrays.keys() == shipped.keys()
    for name in arrays:
        assert np.array_equal(arrays[name], shipped[name]), name


@pytest.mark.parametrize(("text", "offered"), [
    # an expletive "it" stands for the clause after it, and names no one
    ("It is hardly surprising that the council wants “a fresh start,” Dr Ivo Brandt said.", False),
    ("It’s been common for critics to call the plan “a mess,” Dr Ivo Brandt said.", False),
    ("It would be wrong to call this “a victory,” Dr Ivo Brandt said.", False),
    # a referring "it", the subject of a reporting or an ordinary verb, stays
    ("The union met on Monday. It said the offer was “an insult.”", True),
    ("The union is angry. It’s denouncing what it calls “an insult.”", True),
    ("The bill failed. It would lift limits that kept “small firms” out.", True),
])
def test_expletive_it_is_no_speaker_candidate(text, offered):
    f = prepare(text)
    cands = DocCandidates(f.parsed, f.index, f.names, f.ctx)
    first_it = [c for c in cands.all if c.mention.kind == "pronoun" and c.words[0].lower().startswith("it")][:1]
    assert bool(first_it and first_it[0].lo == next(
        k for k, t in enumerate(f.parsed.tokens) if t.text.lower().startswith("it"))) == offered


def _dense_seconds(n: int) -> tuple[float, list]:
    """The best of two CPU timings of extract on one paragraph of ``n`` quotes (CPU
    time, not wall time: other processes on a shared machine do not count)."""
    from quotes import extract

    text = '"x" said Al Bo. ' * n
    best, found = float("inf"), []
    for _ in range(2):
        started = time.process_time()
        found = extract(text)
        best = min(best, time.process_time() - started)
    return best, found


def test_a_paragraph_dense_with_quotes_costs_time_linear_in_its_length():
    # issue #14: every quote's candidates once came from the whole paragraph, so
    # ten times the quotes took a hundred times as long (and as much memory)
    from quotes import extract

    extract('"a" said B.')  # (models loaded before timing)
    small, _ = _dense_seconds(300)
    large, found = _dense_seconds(3000)
    assert len(found) == 3000
    assert {q.speaker for q in found} == {"Al Bo"}
    # linear work gives about 10 (measured 8-12), quadratic about 100: 30 leaves room
    # for the noise of a shared machine without letting a quadratic stage through
    assert large / small < 30, f"3,000 quotes took {large / small:.1f} times as long as 300"


def test_a_quote_in_a_long_paragraph_sees_a_bounded_window():
    f = prepare('"x" said Al Bo. ' * 200)
    spans = [s for s, r in zip(f.spans, f.reasons) if r is None]
    rules = attribute(f.parsed, spans, f.index)
    _, lists, rows = candidate_table(f, spans, rules)
    assert max(len(x) for x in lists) <= 2 * 3 + 1  # the speaker of its sentence and of 3 either side
    assert len(rows) == sum(len(x) for x in lists)
    col = CANDIDATE_FEATURES.index("entity_candidates")
    assert {r[col] for r in rows} == {200.0}  # counted over the paragraph window, not the narrowed one


def test_packed_trees_on_byte_bins_are_exact_at_every_threshold():
    # issue #14: the trees' tests run on each value's bin among its feature's
    # thresholds (one byte); at a threshold, a hair either side of it, at the
    # infinities and at NaN they must answer as the float tests do
    import numpy as np

    from quotes.attribution import model
    from quotes.attribution.model import PackedTrees

    ranker = _sklearn_model()["ranker"]
    packed = PackedTrees.from_sklearn(ranker)
    assert packed._binned is not None
    rng = np.random.default_rng(2)
    feature, threshold = packed.feature.ravel(), packed.threshold.ravel()
    finite = np.isfinite(threshold)
    X = rng.integers(0, 12, (600, ranker.n_features_in_)).astype(float)
    for r in range(len(X)):
        for _ in range(8):
            j = rng.choice(np.flatnonzero(finite))
            t = threshold[j]
            X[r, feature[j]] = (t, np.nextafter(t, np.inf), np.nextafter(t, -np.inf))[r % 3]
    X[::7, rng.integers(0, ranker.n_features_in_)] = np.nan
    X[::11, rng.integers(0, ranker.n_features_in_)] = np.inf
    X[::13, rng.integers(0, ranker.n_features_in_)] = -np.inf
    assert len(X) >= model._BINNED_FROM
    binned = packed.predict_proba(X, block=64)
    assert np.array_equal(binned, _walked_probabilities(ranker, X))
    packed._binned = None  # the float tests
    assert np.array_equal(packed.predict_proba(X, block=64), binned)


def test_picks_and_features_do_not_depend_on_the_score_batch_or_dropped_features(monkeypatch):
    # issue #14: the ranker scores rows in batches and keeps each quote's pick only,
    # and candidates behind the window drop their static features; neither may
    # change what a document gets
    import quotes.attribution.rank as rank
    from quotes.attribution.rank import rank_speakers

    text = ('"x" said Al Bo. "y," he added. ' * 30 + "\n\n" + TEXT + "\n\n"
            + '“We won,” Jane Doe told reporters. The senator said: "Not yet." ' * 20)
    f = prepare(text)
    spans = [s for s, r in zip(f.spans, f.reasons) if r is None]
    rules = attribute(f.parsed, spans, f.index)
    whole = rank_speakers(f, spans, rules)
    monkeypatch.setattr(rank, "_SCORE_BATCH", 5)
    assert rank_speakers(f, spans, rules) == whole
    # the rows are the same whether candidates' static features were kept, dropped
    # behind the window or computed anew for every quote
    import quotes.attribution.candidates as candidates

    _, _, rows = candidate_table(f, spans, rules)
    monkeypatch.setattr(DocCandidates, "static", lambda self, ctx, c: candidates._static_features(ctx, self, c))
    assert candidate_table(f, spans, rules)[2] == rows


# -- confidence maps (issue #15) ------------------------------------------------------

def _isotonic(x, y):
    import numpy as np
    from sklearn.isotonic import IsotonicRegression

    return IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(np.asarray(x, float), np.asarray(y, float))


def test_calibration_maps_by_group_match_isotonic_predict_and_fall_back():
    import numpy as np

    from quotes.attribution.model import Calibration

    rng = np.random.default_rng(5)
    x = rng.random(300)
    fitted = {"name+agree": _isotonic(x, x > 0.3), "name": _isotonic(x, x > 0.5),
              "other": _isotonic(x, x > 0.8), "all": _isotonic(x, x > 0.6)}
    cal = Calibration.from_sklearn(fitted)
    for s in [0.0, 0.25, 0.55, 0.9, 1.0]:
        assert cal.confidence(s, "name", True, 0.0) == float(fitted["name+agree"].predict([s])[0])
        # no "name+model" map: the map of names
        assert cal.confidence(s, "name", False, 0.0) == float(fitted["name"].predict([s])[0])
        # pronouns and descriptions share the "other" map
        assert cal.confidence(s, "pronoun", True, 0.0) == float(fitted["other"].predict([s])[0])
        assert cal.confidence(s, "description", False, 0.0) == float(fitted["other"].predict([s])[0])
    # the model had no say: the rule's confidence stands
    assert cal.confidence(-1.0, "name", True, 0.77) == 0.77
    only_all = Calibration.from_sklearn(fitted["all"])  # a model of one map for all quotes
    assert only_all.confidence(0.55, "pronoun", False, 0.0) == float(fitted["all"].predict([0.55])[0])


def test_calibration_maps_survive_the_scoring_arrays(tmp_path):
    import numpy as np

    from quotes.attribution.model import AttributionModel, Calibration

    model = _sklearn_model()
    x = np.linspace(0, 1, 50)
    model = {**model, "calibrator": {"name": _isotonic(x, x > 0.4), "other": _isotonic(x, x > 0.9)}}
    loaded = AttributionModel.load(AttributionModel.from_sklearn(model).save(tmp_path / "a.npz"))
    assert isinstance(loaded.calibrator, Calibration)
    assert sorted(loaded.calibrator.maps) == ["name", "other"]
    for s in (0.1, 0.45, 0.95):
        assert loaded.calibrator.confidence(s, "pronoun", True, 0.0) == float(
            model["calibrator"]["other"].predict([s])[0])


def test_a_recording_calibration_sees_each_quote_with_a_mention_once():
    from quotes.attribution.model import Calibration, load_attribution_model, use_model
    from quotes.pipeline import extract_document
    from quotes.records import Document

    shipped = load_attribution_model()
    recorder = Calibration.recording()
    model = type(shipped)(shipped.quote_filter, shipped.quote_threshold, shipped.ranker, recorder,
                          shipped.certain_rules)
    text = ('“We will reopen,” said Grace Okafor. “It is time,” she added.\n\n'
            '“Nobody told us,” a parent said.')
    with use_model(model):
        quotes = extract_document(Document("d", text))
    with_mention = [q for q in quotes if q.speaker_mention is not None]
    assert len(recorder.record) == len(with_mention) == 3
    assert [r[1] for r in recorder.record] == ["name", "pronoun", "description"]
    # (score, kind, agreement, margin over the runner-up, number of candidates, rule)
    for score, _, agree, margin, n_cands, rule in recorder.record:
        assert 0.0 <= margin <= score <= 1.0 and n_cands >= 1 and isinstance(rule, str) and rule
    # recording keeps the ranker's scores as they are
    for (score, *_), q in zip(recorder.record, with_mention):
        assert q.confidence == round(score * (1.0 if q.speaker else 0.5), 3)

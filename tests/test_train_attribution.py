"""Training, persisting and loading the attribution model (skops, trusted types, card checks)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from quotes.errors import ModelError
from quotes.corpus.evaluate import load_gold
from quotes.training.model_files import (
    TRUSTED_TYPES,
    check_card,
    dump_model,
    file_sha256,
    library_versions,
    load_model_file,
    model_paths,
)
from quotes.attribution.model import use_model
from quotes.pipeline import extract
from quotes.training.attribution import make_quote_filter, make_ranker, train_attribution

from .conftest import CORPORA


@pytest.fixture(scope="module")
def tiny_model():
    """A model dict shaped like the shipped one, fitted on toy data in seconds."""
    from sklearn.isotonic import IsotonicRegression

    rng = np.random.default_rng(0)
    rows = [{"bias": 1.0, "w-1=said": float(i % 2), "words_log": float(i % 5)} for i in range(40)]
    quote_filter = make_quote_filter().fit(rows, [i % 2 for i in range(40)])
    X = rng.random((200, 5))
    y = (X[:, 0] > 0.5).astype(int)
    ranker = make_ranker().set_params(max_iter=5).fit(X, y)
    calibrator = IsotonicRegression(out_of_bounds="clip").fit(X[:, 0], y)
    model = {"quote_filter": quote_filter, "quote_threshold": 0.5, "ranker": ranker,
             "calibrator": calibrator, "certain_rules": ["verb-after"]}
    return model, rows, X


def _card():
    return {"name": "attribution", "library_versions": library_versions()}


def test_skops_round_trip_with_trusted_types(tiny_model, tmp_path):
    import skops.io as sio

    model, rows, X = tiny_model
    model_path, card_path = dump_model(model, _card(), tmp_path)
    assert set(sio.get_untrusted_types(file=model_path)) <= set(TRUSTED_TYPES)
    loaded, card = load_model_file(model_path, card_path)
    assert card["library_versions"] == library_versions()
    np.testing.assert_allclose(loaded["ranker"].predict_proba(X), model["ranker"].predict_proba(X))
    np.testing.assert_allclose(loaded["quote_filter"].predict_proba(rows), model["quote_filter"].predict_proba(rows))
    assert loaded["certain_rules"] == ["verb-after"]
    # nothing pickled: the file is a skops zip archive
    assert model_path.read_bytes()[:2] == b"PK"


def test_card_with_other_library_versions_is_refused(tiny_model, tmp_path):
    model, _, _ = tiny_model
    card = _card()
    card["library_versions"]["scikit-learn"] = "0.0.1"
    model_path, card_path = dump_model(model, card, tmp_path)
    with pytest.raises(ModelError, match="scikit-learn 0.0.1"):
        load_model_file(model_path, card_path)
    with pytest.raises(ModelError, match="library_versions"):
        check_card({}, card_path)


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="quotes train attribution"):
        load_model_file(*model_paths(folder=tmp_path))


def test_shipped_model_loads_and_its_card_is_complete():
    model_path, card_path = model_paths()
    card = json.loads(card_path.read_text(encoding="utf-8"))
    for key in ("training_data", "library_versions", "code_version", "cross_validation", "date",
                "candidate_features", "trusted_types"):
        assert key in card, key
    assert len(card["training_data"]["sha256"]) == 64
    loaded, _ = load_model_file(model_path, card_path)
    assert {"quote_filter", "ranker", "calibrator", "quote_threshold"} <= set(loaded)
    # the card names the scoring arrays written with the model, byte for byte
    scoring = model_path.with_name(card["scoring_file"]["name"])
    assert file_sha256(scoring) == card["scoring_file"]["sha256"]
    # the shipped files stay small enough for git
    assert model_path.stat().st_size < 5_000_000


def test_confidence_is_a_probability():
    quotes = extract('"It was a mistake," said Anthony Blunt.\n\n"I regret it," he added.')
    assert quotes and all(0.0 <= q.confidence <= 1.0 for q in quotes)


def test_train_on_a_small_corpus_writes_model_and_card(tmp_path):
    docs = load_gold(CORPORA)[:12]
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    out = tmp_path / "models"
    card = train_attribution(data, out_dir=out)
    assert (out / "attribution.skops").exists() and (out / "attribution.json").exists()
    assert card["training_data"]["documents"] == 12
    assert card["cross_validation"]["folds"] == 5
    model, _ = load_model_file(out / "attribution.skops", out / "attribution.json")
    with use_model(model):
        quotes = extract('"We will reopen," said Grace Okafor.')
    assert [q.speaker for q in quotes] == ["Grace Okafor"]


def test_scoring_arrays_refuse_missing_corrupt_and_foreign_files(tmp_path):
    from quotes.model_arrays import load_arrays, save_arrays

    with pytest.raises(ModelError, match="missing.npz.*quotes train missing"):
        load_arrays(tmp_path / "missing.npz")
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip file")
    with pytest.raises(ModelError, match="bad.npz: cannot read"):
        load_arrays(bad)
    good = save_arrays(tmp_path / "good.npz", {"w": np.arange(3.0)}, {"name": "x"})
    arrays, meta = load_arrays(good)
    assert arrays["w"].tolist() == [0.0, 1.0, 2.0] and meta["name"] == "x"
    # a file of another layout is refused with the command that rebuilds it
    np.savez(tmp_path / "old.npz", __meta__=np.array('{"format": 0}'))
    with pytest.raises(ModelError, match="format 0"):
        load_arrays(tmp_path / "old.npz")


# -- the web set in training (issue #15) ------------------------------------------------

def test_a_second_set_is_dealt_round_the_folds_without_moving_the_first():
    from quotes.training.attribution import N_FOLDS, _folds

    alone, both = _folds(40), _folds(40, 10)
    assert [f & set(range(40)) for f in both] == alone
    assert [len(f - set(range(40))) for f in both] == [10 // N_FOLDS] * N_FOLDS
    assert set().union(*both) == set(range(50))


def test_threshold_keeps_each_sources_recall():
    from quotes.training.attribution import _threshold_keeping_recall

    # source 0: 100 quotes, one at p=0.2; source 1: 10 quotes, one at p=0.3; non-quotes below
    probs = [0.2] + [0.9] * 99 + [0.3] + [0.9] * 9 + [0.1, 0.25, 0.35]
    labels = [1] * 110 + [0, 0, 0]
    keeps = [True] * 113
    sources = [0] * 100 + [1] * 10 + [1, 1, 1]
    # pooled, losing 2 of 110 is within 2%; per source, losing source 1's quote is 10%
    assert _threshold_keeping_recall(probs, labels, keeps, 0.02) == 0.35
    assert _threshold_keeping_recall(probs, labels, keeps, 0.02, sources) == 0.25
    # each source its own limit: source 1 may lose its quote (10%), source 0 none
    assert _threshold_keeping_recall(probs, labels, keeps, {0: 0.0, 1: 0.1}, sources) == 0.1
    assert _threshold_keeping_recall(probs, labels, keeps, {0: 0.01, 1: 0.1}, sources) == 0.35


def test_the_best_f1_threshold_trades_lost_quotes_for_dropped_non_quotes():
    from quotes.training.attribution import _best_f1_threshold

    # 20 quotes at 0.9, 2 partial quotes at 0.4, 6 titles and slogans at 0.3-0.35, one at 0.5
    probs = [0.9] * 20 + [0.4, 0.4] + [0.3, 0.3, 0.3, 0.35, 0.35, 0.35] + [0.5]
    labels = [1] * 22 + [0] * 7
    keeps = [True] * 29
    # keeping down to 0.4: P 22/23, R 1 (F1 0.978); to 0.9 alone: P 1, R 20/22 (0.952)
    assert _best_f1_threshold(probs, labels, keeps) == 0.4
    # a span the rules drop is lost whatever the threshold: the F1 counts it
    assert _best_f1_threshold(probs + [0.95], labels + [1], keeps + [False]) == 0.4
    # three more titles at 0.45: the best F1 gives up the partial quotes (0.9: F1 0.952; 0.4: 0.917)
    more = probs + [0.45] * 3
    assert _best_f1_threshold(more, labels + [0] * 3, keeps + [True] * 3) == 0.9
    # unless the source may lose none of its quotes (the highest such threshold keeps the 0.35s)
    assert _best_f1_threshold(more, labels + [0] * 3, keeps + [True] * 3, None, 0.0) == 0.35
    assert _best_f1_threshold([], [], []) == 0.0


def test_calibration_takes_pronouns_from_the_resolved_set_alone():
    from quotes.training.attribution import fit_calibration

    rng = np.random.default_rng(3)
    outcomes = []
    for n in range(600):  # PolNeAR-like: pronoun mentions right 95% of the time
        s = float(rng.random())
        outcomes.append((n % 50, s, "pronoun", True, bool(rng.random() < 0.95)))
        outcomes.append((n % 50, s, "name", True, bool(rng.random() < s)))
    for n in range(200):  # web-like (groups from 50 on): pronouns resolved right 60% of the time
        s = float(rng.random())
        outcomes.append((50 + n % 20, s, "pronoun", True, bool(rng.random() < 0.6)))
    maps = fit_calibration(outcomes, 50)
    assert {"all", "name", "name+agree", "other"} <= set(maps)
    assert "name+model" not in maps  # no outcomes of that group
    high = float(maps["other"].predict([0.99])[0])
    assert 0.4 < high < 0.8  # the web's rate, not PolNeAR's mention rate
    assert fit_calibration([(0, 0.5, "name", True, True)] * 3, 1) == {}


def test_train_with_a_web_set_reports_its_out_of_fold_figures(tmp_path):
    docs = load_gold(CORPORA)
    data, web = tmp_path / "train.jsonl", tmp_path / "web.jsonl"
    data.write_text("\n".join(json.dumps(d) for d in docs[:12]) + "\n", encoding="utf-8")
    web.write_text("\n".join(json.dumps(d) for d in docs[12:18]) + "\n", encoding="utf-8")
    out = tmp_path / "models"
    card = train_attribution(data, out_dir=out, web_path=web)
    cv = card["cross_validation"]
    assert card["training_data"]["web"]["documents"] == 6
    assert cv["quote_filter"]["spans"] + cv["quote_filter"]["web_out_of_fold"]["spans"] == \
        card["training_data"]["spans"] + card["training_data"]["web"]["spans"]
    assert cv["pipeline_web_out_of_fold"]["docs"] == 6 and cv["pipeline"]["docs"] == 12
    assert {"polnear_train", "web"} <= set(cv["calibration"])
    model, _ = load_model_file(out / "attribution.skops", out / "attribution.json")
    with use_model(model):
        quotes = extract('"We will reopen," said Grace Okafor.')
    assert [q.speaker for q in quotes] == ["Grace Okafor"] and 0.0 <= quotes[0].confidence <= 1.0


def test_the_he_she_weights_are_refitted_inside_each_fold(monkeypatch):
    """The training's CV fits the resolution weights on each fold's training
    documents only, before the pipeline runs on its held-out ones: the outcomes the
    confidence maps learn from never come from weights fitted on the same quotes."""
    from quotes.text import entities
    from quotes.training import attribution as ta

    n = len(entities.RESOLVE_FEATURES)
    # one invented example per web document (groups 10..19)
    examples = [(10 + g, [tuple([0.0] * n), tuple([1.0] + [0.0] * (n - 1))], [False, True]) for g in range(10)]
    monkeypatch.setattr(ta, "LEARN_RESOLVE_WEIGHTS", True)
    monkeypatch.setattr(ta, "resolve_examples", lambda docs, first: examples)
    seen: list = []

    def fake_fit(ex, *args, **kwargs):
        seen.append(sorted(e[0] for e in ex))
        return np.asarray(entities.W_RESOLVE_HAND)

    monkeypatch.setattr(ta, "fit_resolve_weights", fake_fit)
    in_force: list = []

    def fake_cv(ex, n_docs, docs, web_ex, web_docs, fold_setup=None):
        for fold in ta._folds(n_docs, len(web_docs)):
            fold_setup(fold)
            in_force.append((fold, entities.W_RESOLVE))
        raise StopIteration  # (stop before fitting the final models)

    monkeypatch.setattr(ta, "cross_validate", fake_cv)
    monkeypatch.setattr(ta, "build_examples", lambda docs, **kw: {})
    monkeypatch.setattr(ta, "load_gold", lambda path: [{}] * 10)
    with pytest.raises(StopIteration):
        ta._train("train.jsonl", None, None, "web.jsonl")
    assert len(seen) == ta.N_FOLDS
    for (fold, weights), fitted_on in zip(in_force, seen):
        assert fitted_on and not set(fitted_on) & fold  # (never the held-out documents)
        assert weights == entities.W_RESOLVE_HAND
    assert entities.W_RESOLVE is None  # (training leaves the shipped weights in force)


def test_the_resolution_fit_prefers_the_feature_that_picks_the_right_mention():
    from quotes.text import entities
    from quotes.training.attribution import fit_resolve_weights

    n = len(entities.RESOLVE_FEATURES)
    subject = entities.RESOLVE_FEATURES.index("subject")
    right = tuple(1.0 if i == subject else 0.0 for i in range(n))
    examples = [(g, [tuple([0.0] * n), right], [False, True]) for g in range(20)]
    hand = np.asarray(entities.W_RESOLVE_HAND)
    w = fit_resolve_weights(examples)
    assert w[subject] > hand[subject]  # (pulled up from the hand-set weight)
    assert np.allclose(fit_resolve_weights([]), hand)  # (no examples: the hand-set weights)


def test_a_model_carries_its_resolution_weights_through_its_arrays(tiny_model, tmp_path):
    from quotes.attribution.model import AttributionModel
    from quotes.text import entities

    model = dict(tiny_model[0], resolve_weights=[0.25] * len(entities.RESOLVE_FEATURES))
    scoring = AttributionModel.from_sklearn(model)
    loaded = AttributionModel.load(scoring.save(tmp_path / "attribution.npz"))
    assert loaded.resolve_weights == (0.25,) * len(entities.RESOLVE_FEATURES)
    with use_model(loaded):
        assert entities.resolve_weights() == loaded.resolve_weights
    assert entities.W_RESOLVE is None
    assert AttributionModel.from_sklearn(tiny_model[0]).resolve_weights is None

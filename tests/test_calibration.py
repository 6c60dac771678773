"""The learned confidence calibrator (issue #15): a logistic regression over
more than the ranker's score, then an isotonic map, scored from numpy arrays."""
from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest

from quotes.attribution.model import (
    CALIBRATION_INPUTS,
    AttributionModel,
    Calibration,
    LearnedCalibration,
    calibration_row,
    load_attribution_model,
)
from quotes.errors import ModelError
from quotes.model_arrays import load_arrays, save_arrays

KINDS = ("name", "pronoun", "description")
RULES = ("verb-after", "verb-before", "same-paragraph", "sentence-subject", "colon", "none")


def _outcomes(seed: int = 5, n_polnear: int = 40, n_web: int = 20) -> list[tuple]:
    """Synthetic out-of-fold outcomes (group, score, kind, agree, right, margin,
    candidates, rule): right more often at a higher score and margin, less often
    for pronouns and when the model overruled the rule."""
    rng = np.random.default_rng(seed)
    out = []
    for n in range(3000):
        group = n % n_polnear if n < 2000 else n_polnear + n % n_web
        score = float(rng.random())
        margin = float(score * rng.random())
        kind = KINDS[int(rng.integers(3))]
        agree = bool(rng.random() < 0.8)
        cands = int(rng.integers(1, 30))
        rule = RULES[int(rng.integers(len(RULES)))]
        p = 0.2 + 0.5 * score + 0.25 * margin - (0.15 if kind != "name" else 0.0) - (0.1 if not agree else 0.0)
        out.append((group, score, kind, agree, bool(rng.random() < p), margin, cands, rule))
    return out


@pytest.fixture(scope="module")
def fitted():
    from quotes.training.attribution import fit_learned_calibration

    fit = fit_learned_calibration(_outcomes(), 40)
    assert fit is not None
    return fit


def _every_context():
    return itertools.product(KINDS, (True, False), (0.0, 0.05, 0.3, 0.9), (1, 4, 40), RULES + ("a-rule-unseen",))


def test_confidence_rises_with_the_score_when_the_other_inputs_are_fixed(fitted):
    cal = LearnedCalibration.from_sklearn(fitted)
    scores = np.linspace(0.0, 1.0, 41).tolist()
    for kind, agree, margin, n, rule in _every_context():
        conf = [cal.confidence(s, kind, agree, -1.0, margin, n, rule) for s in scores]
        assert all(b >= a for a, b in zip(conf, conf[1:])), (kind, agree, margin, n, rule)


def test_confidence_stays_within_zero_and_one_even_for_odd_inputs(fitted):
    cal = LearnedCalibration.from_sklearn(fitted)
    for kind, agree, margin, n, rule in _every_context():
        for s in (0.0, 1e-12, 0.5, 1.0 - 1e-12, 1.0):
            for m in (margin, 5.0, -5.0):
                for k in (n, 0, 10 ** 6):
                    assert 0.0 <= cal.confidence(s, kind, agree, -1.0, m, k, rule) <= 1.0


def test_it_learns_more_than_the_score(fitted):
    """At one score, a pronoun the model chose against the rule is less sure than
    a name both agree on (the maps of one score cannot tell them apart)."""
    cal = LearnedCalibration.from_sklearn(fitted)
    sure = cal.confidence(0.8, "name", True, -1.0, 0.6, 3, "verb-after")
    unsure = cal.confidence(0.8, "pronoun", False, -1.0, 0.05, 30, "verb-after")
    assert sure > unsure + 0.1


def test_a_negative_score_keeps_the_rules_confidence(fitted):
    cal = LearnedCalibration.from_sklearn(fitted)
    assert cal.confidence(-1.0, "name", True, 0.42, 0.0, 3, "colon") == 0.42


def test_the_arrays_give_what_the_fitted_estimators_give(fitted):
    cal = LearnedCalibration.from_sklearn(fitted)
    iso = fitted["isotonic"]
    for kind, agree, margin, n, rule in itertools.islice(_every_context(), 0, None, 7):
        for s in (0.01, 0.3, 0.77, 0.99):
            row = np.asarray(calibration_row(s, kind, agree, margin, n, fitted["rules"], rule))
            z = float(row @ fitted["coef"] + fitted["intercept"])
            assert cal.confidence(s, kind, agree, -1.0, margin, n, rule) == pytest.approx(
                float(iso.predict([z])[0]), abs=1e-12)


def test_the_fit_never_lets_the_score_lower_confidence():
    from quotes.training.attribution import fit_learned_calibration

    # outcomes where a higher score is wrong more often: the score's weight is held at 0
    flipped = [(o[0], 1.0 - o[1], *o[2:]) for o in _outcomes(seed=9)]
    fit = fit_learned_calibration(flipped, 40)
    assert fit is not None and fit["coef"][0] == 0.0
    cal = LearnedCalibration.from_sklearn(fit)
    conf = [cal.confidence(s, "name", True, -1.0, 0.2, 3, "colon") for s in np.linspace(0, 1, 11)]
    assert all(b >= a for a, b in zip(conf, conf[1:]))


def test_the_fit_reads_polnear_names_and_every_web_outcome():
    """PolNeAR's pronoun outcomes say only whether the mention was right (see
    _outcomes): they are left out, and a PolNeAR-only pronoun pattern leaves no mark."""
    from quotes.training.attribution import fit_learned_calibration

    base = _outcomes(seed=11)
    # PolNeAR's pronoun quotes all right: the fit must not learn that pronouns are sure
    skewed = [(o[0], o[1], o[2], o[3], True if (o[0] < 40 and o[2] == "pronoun") else o[4], *o[5:]) for o in base]
    a, b = fit_learned_calibration(base, 40), fit_learned_calibration(skewed, 40)
    assert np.allclose(a["coef"], b["coef"]) and a["intercept"] == pytest.approx(b["intercept"])
    assert fit_learned_calibration(base[:10], 40) is None  # too few outcomes
    assert fit_learned_calibration([(o[0], o[1], o[2], o[3], True, *o[5:]) for o in base], 40) is None  # all right


def _model_with(calibrator) -> AttributionModel:
    return dataclasses.replace(load_attribution_model(), calibrator=calibrator)


def test_the_learned_calibrator_survives_the_scoring_arrays(tmp_path, fitted):
    cal = LearnedCalibration.from_sklearn(fitted)
    path = _model_with(cal).save(tmp_path / "attribution.npz")
    loaded = AttributionModel.load(path).calibrator
    assert isinstance(loaded, LearnedCalibration) and loaded.rules == cal.rules
    for kind, agree, margin, n, rule in itertools.islice(_every_context(), 0, None, 5):
        for s in (0.1, 0.5, 0.95):
            assert loaded.confidence(s, kind, agree, -1.0, margin, n, rule) == \
                cal.confidence(s, kind, agree, -1.0, margin, n, rule)


def test_the_shipped_file_of_maps_by_group_still_loads():
    assert isinstance(load_attribution_model().calibrator, (Calibration, LearnedCalibration))


def _corrupt(tmp_path, fitted, change) -> AttributionModel:
    path = _model_with(LearnedCalibration.from_sklearn(fitted)).save(tmp_path / "attribution.npz")
    arrays, meta = load_arrays(path)
    meta.pop("format")
    change(arrays, meta)
    save_arrays(path, arrays, meta)
    return AttributionModel.load(path)


@pytest.mark.parametrize("change, message", [
    (lambda a, m: a.pop("calibrator_coef"), "arrays missing: calibrator_coef"),
    (lambda a, m: a.pop("calibrator_iso_y"), "arrays missing: calibrator_iso_y"),
    (lambda a, m: a.__setitem__("calibrator_coef", a["calibrator_coef"][:-1]), "coefficients"),
    (lambda a, m: a.__setitem__("calibrator_coef", -np.abs(a["calibrator_coef"]) - 1), "negative"),
    (lambda a, m: a.__setitem__("calibrator_iso_y", a["calibrator_iso_y"][::-1] + 0.5), "non-decreasing"),
    (lambda a, m: a.__setitem__("calibrator_iso_x", np.full(len(a["calibrator_iso_x"]), np.nan)), "not finite"),
    (lambda a, m: a.__setitem__("calibrator_iso_x", a["calibrator_iso_x"][:1]), "knots"),
    (lambda a, m: m["calibration"].__setitem__("inputs", ["score_logit"]), "inputs"),
    (lambda a, m: m["calibration"].pop("intercept"), "intercept"),
])
def test_a_corrupt_or_missing_calibrator_array_is_refused_with_a_clear_error(tmp_path, fitted, change, message):
    with pytest.raises(ModelError, match="unusable calibrator.*" + message):
        _corrupt(tmp_path, fitted, change)


def test_the_row_has_one_column_per_input_and_rule():
    row = calibration_row(0.9, "pronoun", False, 0.4, 7, ("colon", "none"), "colon")
    assert len(row) == len(CALIBRATION_INPUTS) + 2
    assert row[1:] == [0.4, 0.0, 1.0, 0.0, pytest.approx(np.log(8)), 1.0, 0.0]
    assert row[0] == pytest.approx(np.log(9)) and calibration_row(1.0, "name", True, 0, 0, (), "x")[0] < 10

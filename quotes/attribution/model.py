"""The shipped attribution model as plain arrays: quote filter, speaker ranker, calibrator.

Training (:mod:`quotes.training.attribution`) fits scikit-learn estimators and
saves them with skops (``attribution.skops``, the model of record);
:meth:`AttributionModel.from_sklearn` takes out the numbers scoring needs, and
:meth:`AttributionModel.save` writes them to ``attribution.npz``, which is what
``quotes extract`` loads. Each part computes what its scikit-learn estimator's
``predict_proba`` or ``predict`` computes (``tests/test_rank.py`` and
``tests/test_quote_filter.py`` check it), with numpy alone and without the
per-call input checks that dominate a one-document call.
"""
from __future__ import annotations

import contextlib
import functools
import math
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from quotes.errors import ModelError
from quotes.hashing import dict_margins
from quotes.model_arrays import arrays_path, load_arrays, save_arrays

ATTRIBUTION_NAME = "attribution"


class HashedLinear:
    """``Pipeline([FeatureHasher(input_type="dict"), LogisticRegression])`` of a binary label."""

    def __init__(self, coef: np.ndarray, intercept: float, n_features: int, alternate_sign: bool) -> None:
        self.coef, self.intercept = np.asarray(coef, dtype=np.float64), float(intercept)
        self.n_features, self.alternate_sign = int(n_features), bool(alternate_sign)
        self._coef = self.coef.tolist()

    @classmethod
    def from_sklearn(cls, pipeline) -> HashedLinear:
        hasher, model = pipeline[0], pipeline[-1]
        if hasher.input_type != "dict" or len(model.classes_) != 2:
            raise ValueError("expected a dict FeatureHasher and a binary linear model")
        return cls(model.coef_[0], model.intercept_[0], hasher.n_features, hasher.alternate_sign)

    def predict_proba(self, rows: Sequence[Mapping[str, float | str]]) -> np.ndarray:
        """P(class 1) of each feature dict."""
        # (the bincount of hash_dicts' arrays, summed in compiled code)
        z = np.array(dict_margins(rows, self.n_features, self.alternate_sign, self._coef),
                     dtype=np.float64) + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


class Isotonic:
    """A fitted ``IsotonicRegression(out_of_bounds="clip")``: clip, then interpolate its knots."""

    def __init__(self, x: np.ndarray, y: np.ndarray) -> None:
        self.x, self.y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)

    @classmethod
    def from_sklearn(cls, calibrator) -> Isotonic:
        if calibrator.out_of_bounds != "clip" or len(calibrator.X_thresholds_) < 2:
            raise ValueError("expected a clipping IsotonicRegression with at least two knots")
        return cls(calibrator.X_thresholds_, calibrator.y_thresholds_)

    def predict(self, scores: Sequence[float]) -> list[float]:
        # IsotonicRegression.predict clips to [X_min_, X_max_] (its first and last
        # knots), then interpolates linearly, as np.interp does.
        clipped = np.clip(np.asarray(scores, dtype=np.float64), self.x[0], self.x[-1])
        return np.interp(clipped, self.x, self.y).tolist()


# Which calibration map a quote's score goes through: whether its chosen
# mention is a name ("name") or a pronoun or description ("other"), and whether
# the ranker's pick is the rule's own mention ("name+agree", "name+model"). A
# map for the group is used when training fitted one; else the map of the
# mention's class alone; else the map of all quotes ("all").
def calibration_groups(kind: str, agree: bool) -> tuple[str, str, str]:
    """The calibration groups of a quote, most specific first."""
    cls = "name" if kind == "name" else "other"
    return (f"{cls}+{'agree' if agree else 'model'}", cls, "all")


class Calibration:
    """Maps a quote's best ranker score to the probability that its speaker is
    right: one isotonic map per group of quotes (:func:`calibration_groups`),
    fitted on out-of-fold pipeline outcomes (see :mod:`quotes.training.attribution`)."""

    def __init__(self, maps: Mapping[str, Isotonic],
                 record: list[tuple[float, str, bool, float, int, str]] | None = None) -> None:
        if not maps and record is None:
            raise ValueError("a calibration needs at least one map")
        self.maps = dict(maps)
        self.record = record
        self._memo: dict[tuple[str, bool], Isotonic] = {}

    @classmethod
    def recording(cls) -> Calibration:
        """A calibration that keeps scores as they are and records, per quote
        with a mention, (score, mention kind, agreement, margin, number of
        candidates, rule) in ``record``: training collects the out-of-fold
        inputs of the calibrator this way."""
        return cls({}, [])

    @classmethod
    def from_sklearn(cls, calibrator) -> Calibration:
        """From a fitted ``IsotonicRegression`` (one map for all quotes) or a dict of them by group."""
        if isinstance(calibrator, Mapping):
            return cls({group: Isotonic.from_sklearn(c) for group, c in calibrator.items()})
        return cls({"all": Isotonic.from_sklearn(calibrator)})

    def map_for(self, kind: str, agree: bool) -> Isotonic:
        """The map a quote of this mention kind and agreement goes through."""
        key = (kind, agree)
        found = self._memo.get(key)
        if found is None:
            groups = [g for g in calibration_groups(kind, agree) if g in self.maps]
            found = self._memo[key] = self.maps[groups[0] if groups else sorted(self.maps)[0]]
        return found

    def confidence(self, score: float, kind: str, agree: bool, fallback: float, margin: float = 0.0,
                   n_candidates: int = 0, rule: str = "") -> float:
        """P(right) of a quote whose best candidate scored ``score``; a negative
        score means the model had no say, and ``fallback`` (the rule's) stands.
        (The maps read the score, kind and agreement; the other inputs are
        recorded for training, see :class:`LearnedCalibration`.)"""
        if self.record is not None:
            self.record.append((score, kind, agree, margin, n_candidates, rule))
        if score < 0:
            return fallback
        if not self.maps:
            return score
        return self.map_for(kind, agree).predict([score])[0]


# The inputs of the learned calibrator besides one column per frequent rule:
# the winner's score (as a logit), its margin over the runner-up, whether model
# and rule chose the same mention, the mention's kind, and the number of
# candidates (log). Training (quotes.training.attribution) chose them by nested
# grouped CV.
CALIBRATION_INPUTS: tuple[str, ...] = ("score_logit", "margin", "agree", "pronoun", "description",
                                       "log_candidates")
_LOGIT_CLIP = 1e-4


def calibration_row(score: float, kind: str, agree: bool, margin: float, n_candidates: int,
                    rules: Sequence[str], rule: str) -> list[float]:
    """The learned calibrator's input row of one quote (:data:`CALIBRATION_INPUTS`,
    then one 0/1 column per rule of ``rules``)."""
    p = min(max(score, _LOGIT_CLIP), 1.0 - _LOGIT_CLIP)
    return [math.log(p / (1.0 - p)), float(margin), float(bool(agree)), float(kind == "pronoun"),
            float(kind == "description"), math.log1p(max(0, n_candidates)),
            *(float(rule == r) for r in rules)]


class LearnedCalibration:
    """P(the speaker is right) from more than the ranker's score: a linear score
    over :func:`calibration_row` (a logistic regression's coefficients) mapped
    through an isotonic map of that linear score, both fitted on out-of-fold
    pipeline outcomes (:mod:`quotes.training.attribution`).

    Its coefficient of the score is never negative, and the isotonic map never
    falls, so with the other inputs fixed a higher score never lowers the
    confidence; the map's values lie in [0, 1].
    """

    ARRAYS: ClassVar[tuple[str, ...]] = ("calibrator_coef", "calibrator_iso_x", "calibrator_iso_y")

    def __init__(self, coef, intercept: float, rules: Sequence[str], iso: Isotonic) -> None:
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = float(intercept)
        self.rules = tuple(str(r) for r in rules)
        self.iso = iso
        _check_learned(self)
        self._coef = self.coef.tolist()

    @classmethod
    def from_sklearn(cls, fitted: Mapping[str, Any]) -> LearnedCalibration:
        """From training's dict: ``coef``, ``intercept``, ``rules`` and ``isotonic``
        (a fitted clipping ``IsotonicRegression`` of the linear score)."""
        return cls(fitted["coef"], float(fitted["intercept"]), list(fitted["rules"]),
                   Isotonic.from_sklearn(fitted["isotonic"]))

    def linear(self, score: float, kind: str, agree: bool, margin: float, n_candidates: int, rule: str) -> float:
        row = calibration_row(score, kind, agree, margin, n_candidates, self.rules, rule)
        return self.intercept + sum(c * x for c, x in zip(self._coef, row))

    def confidence(self, score: float, kind: str, agree: bool, fallback: float, margin: float = 0.0,
                   n_candidates: int = 0, rule: str = "") -> float:
        """P(right) of a quote whose best candidate scored ``score`` (a negative
        score: the model had no say, and ``fallback``, the rule's, stands)."""
        if score < 0:
            return fallback
        z = self.linear(score, kind, agree, margin, n_candidates, rule)
        return self.iso.predict([z])[0]

    def arrays(self) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        """The arrays and settings :meth:`AttributionModel.save` writes."""
        return ({"calibrator_coef": self.coef, "calibrator_iso_x": self.iso.x, "calibrator_iso_y": self.iso.y},
                {"kind": "learned", "inputs": list(CALIBRATION_INPUTS), "rules": list(self.rules),
                 "intercept": self.intercept})

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]) -> LearnedCalibration:
        """Read what :meth:`arrays` gave.

        Raises:
            ValueError: an array or setting is missing, or the inputs differ from
                :data:`CALIBRATION_INPUTS`, or the arrays are not a valid calibrator.
        """
        missing = [name for name in cls.ARRAYS if name not in arrays]
        if missing:
            raise ValueError(f"learned calibrator: arrays missing: {', '.join(missing)}")
        if list(meta.get("inputs", ())) != list(CALIBRATION_INPUTS):
            raise ValueError(f"learned calibrator: inputs {meta.get('inputs')} are not {list(CALIBRATION_INPUTS)}")
        if "intercept" not in meta or "rules" not in meta:
            raise ValueError("learned calibrator: intercept or rules missing")
        return cls(arrays["calibrator_coef"], float(meta["intercept"]), list(meta["rules"]),
                   Isotonic(arrays["calibrator_iso_x"], arrays["calibrator_iso_y"]))


def _check_learned(cal: LearnedCalibration) -> None:
    """Raise ValueError unless ``cal``'s arrays form a valid calibrator."""
    width = len(CALIBRATION_INPUTS) + len(cal.rules)
    if cal.coef.shape != (width,):
        raise ValueError(f"learned calibrator: {cal.coef.shape} coefficients, expected ({width},)")
    x, y = cal.iso.x, cal.iso.y
    if x.ndim != 1 or x.shape != y.shape or len(x) < 2:
        raise ValueError("learned calibrator: the isotonic map needs two or more knots, as many x as y")
    if not (np.isfinite(cal.coef).all() and np.isfinite(cal.intercept) and np.isfinite(x).all()
            and np.isfinite(y).all()):
        raise ValueError("learned calibrator: arrays hold values that are not finite")
    if cal.coef[0] < 0:
        raise ValueError("learned calibrator: the score's coefficient is negative (confidence would fall "
                         "as the score rises)")
    if (np.diff(x) < 0).any() or (np.diff(y) < 0).any() or y[0] < 0 or y[-1] > 1:
        raise ValueError("learned calibrator: the isotonic map is not non-decreasing within [0, 1]")


def calibration_from_sklearn(fitted: Any) -> Calibration | LearnedCalibration | None:
    """The scoring form of a fitted calibrator as training gives it: a learned one
    (a dict with ``coef``), isotonic maps (one, or a dict of them by group), or
    none (None or empty)."""
    if not fitted:
        return None
    if isinstance(fitted, Mapping) and "coef" in fitted:
        return LearnedCalibration.from_sklearn(fitted)
    return Calibration.from_sklearn(fitted)


class PackedTrees:
    """A fitted binary HistGradientBoostingClassifier's trees packed into flat
    arrays, evaluated for all rows and all trees at once with numpy.

    scikit-learn's own ``predict_proba`` walks its trees one by one, with a
    thread team per tree; for the hundred-odd candidate rows of one article that
    overhead is most of the cost. The result is the same (tested): the sum of
    the leaf values plus the baseline, through the logistic link.

    Notes:
        The leaf a row reaches is found without walking the tree (the bit-vector
        scheme of QuickScorer, Lucchese et al. 2015): number each tree's leaves
        from left to right; every split whose test fails (the row goes right)
        rules out the leaves of its left subtree; the leftmost leaf not ruled out
        is the one the row reaches. So all the splits of all the trees are tested
        at once, the ruled-out leaves of each tree are ANDed away as bit masks, and
        the lowest set bit names the leaf. A missing value (NaN) fails every test
        and goes right, as in a walk that tests ``x <= threshold``.
    """

    # The arrays that define the packed trees (see from_sklearn).
    FIELDS: ClassVar[tuple[str, ...]] = ("feature", "threshold", "keep", "first_leaf", "value", "baseline")

    def __init__(self, feature, threshold, keep, first_leaf, value, baseline) -> None:
        self.feature = np.asarray(feature, dtype=np.intp)  # (trees, splits): feature tested
        self.threshold = np.asarray(threshold, dtype=np.float64)  # (trees, splits)
        self.keep = np.asarray(keep)  # (trees, splits): leaves left when the test fails
        self.mask_type = self.keep.dtype.type
        self.first_leaf = np.asarray(first_leaf, dtype=np.intp)  # where each tree's leaves start
        self.value = np.asarray(value, dtype=np.float64)
        self.baseline = float(baseline)
        self.n_trees, self.n_splits = self.feature.shape
        # one column per (tree, split), for rows transposed to (feature, row)
        self._feature = self.feature.ravel()
        self._threshold = self.threshold.ravel()[:, None]
        self._keep = self.keep.ravel()[:, None]
        self._binned = _Bins.of(self._feature, self.threshold.ravel())

    @classmethod
    def from_sklearn(cls, model) -> PackedTrees:
        trees = [predictor.nodes for (predictor,) in model._predictors]
        if any(nodes["is_categorical"].any() for nodes in trees):
            raise ValueError("categorical splits are not supported")
        n_leaves = max(int(nodes["is_leaf"].sum()) for nodes in trees)
        n_splits = max(1, max(len(nodes) - int(nodes["is_leaf"].sum()) for nodes in trees))
        if n_leaves > 64:
            raise ValueError("trees of more than 64 leaves are not supported")
        mask_type = next(t for t in (np.uint8, np.uint16, np.uint32, np.uint64) if np.iinfo(t).bits >= n_leaves)
        every = (1 << np.iinfo(mask_type).bits) - 1
        # per tree, n_splits tests (padded with tests that always pass)
        feature = np.zeros((len(trees), n_splits), dtype=np.intp)
        threshold = np.full((len(trees), n_splits), np.inf)
        keep = np.full((len(trees), n_splits), every, dtype=mask_type)
        first_leaf = np.zeros(len(trees), dtype=np.intp)
        values: list[float] = []
        for t, nodes in enumerate(trees):
            first_leaf[t] = len(values)
            for s, (node, left_leaves) in enumerate(_splits_and_left_leaves(nodes, values)):
                feature[t, s] = nodes["feature_idx"][node]
                threshold[t, s] = nodes["num_threshold"][node]
                keep[t, s] = every & ~sum(1 << b for b in left_leaves)
        return cls(feature, threshold, keep, first_leaf, values, np.ravel(model._baseline_prediction)[0])

    def predict_proba(self, rows, block: int = 256) -> np.ndarray:
        """Return P(class 1) for each row (a list of equal-length number lists, or
        a matrix), ``block`` rows at a time so that memory stays flat on long
        documents."""
        if not len(rows):
            return np.empty(0)
        X = _as_matrix(rows)
        bins = self._binned
        if bins is None or len(X) < _BINNED_FROM:
            # (tree and split, row): whether each row passes each test. The rows
            # are transposed to (feature, row) first, so that each test's row is
            # one contiguous copy.
            return np.concatenate([
                self._proba(np.ascontiguousarray(X[i:i + block].T).take(self._feature, axis=0) <= self._threshold)
                for i in range(0, len(X), block)])
        # The same tests on small integers: each row's bin of each feature tested
        # (one byte, not eight, copied per test) against each split's bin.
        B = bins.bin(X)
        return np.concatenate([self._proba(B[:, i:i + block].take(bins.split_row, axis=0) <= bins.split_bin)
                               for i in range(0, len(X), block)])

    def _proba(self, passed: np.ndarray) -> np.ndarray:
        """P(class 1) of each row from ``passed`` (tree and split, row): whether
        the row passes each test."""
        n = passed.shape[1]
        # The leaves still possible after each test. A passed test keeps every
        # leaf: OR with all ones (-True as int8 is -1, all ones once cast), five
        # times faster than np.where.
        keep = self._keep | (-passed.view(np.int8)).astype(self.mask_type)
        alive = np.bitwise_and.reduce(keep.reshape(self.n_trees, self.n_splits, n), axis=1)
        # the lowest set bit 2**b alone, then b = the number of ones below it
        one = self.mask_type(1)
        leaf = np.bitwise_count((alive & (~alive + one)) - one) + self.first_leaf[:, None]
        # a C-ordered (row, tree) array, summed along the row as before: same floats
        raw = np.ascontiguousarray(self.value[leaf.T]).sum(axis=1) + self.baseline
        return 1.0 / (1.0 + np.exp(-raw))


# Rows from which the byte bins pay (their one search per feature tested costs
# more than it saves on an article's hundred-odd rows); both give the same floats.
_BINNED_FROM = 256


class _Bins:
    """The trees' tests ``x[f] <= t`` as tests on small integers.

    Per feature the trees test, its distinct thresholds in order; a value's bin
    is how many of them lie below it (``searchsorted``, left). For a threshold
    ``t`` of bin ``b`` (``b`` thresholds below it), ``x <= t`` exactly when
    ``bin(x) <= b``: every threshold below ``x`` is then below ``t``, and
    ``x > t`` puts ``t`` and all below it under ``x``. NaN sorts last, past every
    bin, and fails every test, as it does against a float. So each test gives
    the float test's answer, on one byte per value.
    """

    def __init__(self, features: list[int], edges: list[np.ndarray], split_row: np.ndarray,
                 split_bin: np.ndarray) -> None:
        self.features = features  # the features tested, in order
        self.edges = edges  # per feature tested, its distinct thresholds, ascending
        self.split_row = split_row  # per (tree, split), its feature's place in ``features``
        self.split_bin = split_bin  # per (tree, split), (its threshold's bin, 1)

    @classmethod
    def of(cls, feature: np.ndarray, threshold: np.ndarray) -> _Bins | None:
        """The bins of the tests (``feature``, ``threshold``: one per tree and
        split), or None when a feature has more thresholds than a byte counts."""
        features = sorted(set(feature.tolist()))
        edges = [np.unique(threshold[feature == f]) for f in features]
        if any(len(e) > 254 or np.isnan(e).any() for e in edges):
            return None
        row_of = {f: r for r, f in enumerate(features)}
        split_row = np.array([row_of[f] for f in feature.tolist()], dtype=np.intp)
        split_bin = np.array([np.searchsorted(edges[row_of[f]], t, side="left")
                              for f, t in zip(feature.tolist(), threshold.tolist())], dtype=np.uint8)
        return cls(features, edges, split_row, split_bin[:, None])

    def bin(self, X: np.ndarray) -> np.ndarray:
        """(feature tested, row): each row's bin of each feature tested."""
        out = np.empty((len(self.features), len(X)), dtype=np.uint8)
        for r, f in enumerate(self.features):
            out[r] = np.searchsorted(self.edges[r], X[:, f], side="left")
        return out


def _as_matrix(rows) -> np.ndarray:
    """Rows (lists of equal length, or an array) as a float matrix."""
    if isinstance(rows, np.ndarray):
        return rows.astype(float, copy=False)
    # struct packs a flat list of numbers into C doubles in one call: a third of
    # the instructions of np.fromiter, which converts value by value.
    width = len(rows[0])
    flat: list[float] = []
    for row in rows:
        flat.extend(row)
    return np.frombuffer(struct.pack(f"{len(flat)}d", *flat), dtype=np.float64).reshape(len(rows), width)


def _splits_and_left_leaves(nodes, values: list[float]) -> list[tuple[int, list[int]]]:
    """Number one tree's leaves from left to right (appending their values to
    ``values``) and return, per split node, the numbers of its left subtree's leaves."""
    splits: list[tuple[int, list[int]]] = []
    first = len(values)

    def walk(node: int) -> list[int]:
        if nodes["is_leaf"][node]:
            values.append(float(nodes["value"][node]))
            return [len(values) - 1 - first]
        left = walk(int(nodes["left"][node]))
        right = walk(int(nodes["right"][node]))
        splits.append((node, left))
        return left + right

    walk(0)
    return splits


@dataclass
class AttributionModel:
    """What the pipeline's two trained stages use.

    Attributes:
        quote_filter: P(a quote-mark span is a quote) from its feature dict.
        quote_threshold: spans below it are dropped (see :mod:`quotes.attribution.quote_filter`).
        ranker: P(a candidate is the speaker) from its feature row.
        calibrator: maps a quote's best ranker score, its mention's kind and whether
            the model agreed with the rule to P(the speaker is right); None keeps scores.
        certain_rules: rules whose choice the ranker does not overturn.
        resolve_weights: the he/she resolution weights learned with it (one per
            :data:`quotes.text.entities.RESOLVE_FEATURES`), or None for the hand-set ones.
    """

    quote_filter: Any
    quote_threshold: float
    ranker: Any
    calibrator: Calibration | LearnedCalibration | None = None
    certain_rules: tuple[str, ...] = ()
    resolve_weights: tuple[float, ...] | None = None

    @classmethod
    def from_sklearn(cls, model: Mapping[str, Any]) -> AttributionModel:
        """The scoring form of the dict of fitted estimators that training builds and skops stores."""
        return cls(HashedLinear.from_sklearn(model["quote_filter"]), float(model["quote_threshold"]),
                   PackedTrees.from_sklearn(model["ranker"]), calibration_from_sklearn(model.get("calibrator")),
                   tuple(model.get("certain_rules", ())),
                   tuple(float(w) for w in model["resolve_weights"]) if model.get("resolve_weights") else None)

    def save(self, path: Path) -> Path:
        """Write the arrays to ``path`` (an ``.npz`` file, see :mod:`quotes.model_arrays`)."""
        f, r = self.quote_filter, self.ranker
        arrays = {"filter_coef": f.coef, **{f"ranker_{name}": np.asarray(getattr(r, name)) for name in r.FIELDS}}
        groups: list[str] = []
        learned = None
        if isinstance(self.calibrator, LearnedCalibration):
            cal_arrays, learned = self.calibrator.arrays()
            arrays.update(cal_arrays)
        elif self.calibrator is not None:
            for n, (group, iso) in enumerate(sorted(self.calibrator.maps.items())):
                arrays.update({f"calibrator_{n}_x": iso.x, f"calibrator_{n}_y": iso.y})
                groups.append(group)
        meta = {"quote_filter": {"intercept": f.intercept, "n_features": f.n_features,
                                 "alternate_sign": f.alternate_sign},
                "quote_threshold": self.quote_threshold, "certain_rules": list(self.certain_rules),
                "calibration_groups": groups}
        if learned is not None:
            meta["calibration"] = learned
        if self.resolve_weights is not None:
            meta["resolve_weights"] = [float(w) for w in self.resolve_weights]
        return save_arrays(path, arrays, meta)

    @classmethod
    def load(cls, path: Path) -> AttributionModel:
        """Read what :meth:`save` wrote.

        Raises:
            ModelError: the file is missing, unreadable or of another format.
        """
        arrays, meta = load_arrays(path)
        f = meta["quote_filter"]
        ranker = PackedTrees(*(arrays[f"ranker_{name}"] for name in PackedTrees.FIELDS))
        calibrator: Calibration | LearnedCalibration | None = None
        if meta.get("calibration"):  # (a learned calibrator; files before it hold maps by group)
            try:
                calibrator = LearnedCalibration.from_arrays(arrays, meta["calibration"])
            except (ValueError, TypeError) as exc:
                raise ModelError(f"{path}: unusable calibrator ({exc})") from exc
        elif meta.get("calibration_groups"):
            calibrator = Calibration({group: Isotonic(arrays[f"calibrator_{n}_x"], arrays[f"calibrator_{n}_y"])
                                      for n, group in enumerate(meta["calibration_groups"])})
        elif "calibrator_x" in arrays:  # (a file of one map for all quotes)
            calibrator = Calibration({"all": Isotonic(arrays["calibrator_x"], arrays["calibrator_y"])})
        return cls(HashedLinear(arrays["filter_coef"], f["intercept"], f["n_features"], f["alternate_sign"]),
                   float(meta["quote_threshold"]), ranker, calibrator, tuple(meta["certain_rules"]),
                   tuple(float(w) for w in meta["resolve_weights"]) if meta.get("resolve_weights") else None)


# A model set by use_model() (training scores a model before writing it).
_OVERRIDE: list[Any] = []


def load_attribution_model():
    """Return the shipped attribution model's scoring form (an
    :class:`AttributionModel`), loaded once per process.

    Raises:
        ModelError: the model is missing or unreadable.
    """
    if _OVERRIDE:
        return _OVERRIDE[-1]
    return _load_shipped()


@functools.lru_cache(maxsize=1)
def _load_shipped():
    return AttributionModel.load(arrays_path(ATTRIBUTION_NAME))


@contextlib.contextmanager
def use_model(model):
    """Run the pipeline with ``model`` instead of the shipped one, inside a ``with`` block.

    Args:
        model: an :class:`AttributionModel`, or the dict
            of fitted estimators that training builds (converted to one).
    """
    from quotes.text import entities

    if isinstance(model, dict):
        model = AttributionModel.from_sklearn(model)
    _OVERRIDE.append(model)
    resolve = entities.W_RESOLVE
    if model.resolve_weights is not None:  # (its he/she weights too, for the block)
        entities.W_RESOLVE = model.resolve_weights
    try:
        yield model
    finally:
        _OVERRIDE.pop()
        entities.W_RESOLVE = resolve

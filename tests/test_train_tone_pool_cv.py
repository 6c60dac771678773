"""tools/tone_pool_cv.py: the pieces of its learning curve and its sample-noise intervals."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

_TOOLS = Path(__file__).resolve().parents[1] / "tools"
pytest.importorskip("sklearn")
_spec = importlib.util.spec_from_file_location("tone_pool_cv", _TOOLS / "tone_pool_cv.py")
tone_pool_cv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tone_pool_cv)


def test_a_learning_curve_point_keeps_whole_articles():
    groups = np.array(["a", "a", "b", "c", "c", "c", "d", "e", "e", "f"])
    positions = np.arange(len(groups))
    for seed in range(20):
        kept = tone_pool_cv.subsample_groups(positions, groups, 0.5, np.random.default_rng(seed))
        names = set(groups[kept])
        assert len(names) == 3
        # every quote of a kept article, none of the others
        assert set(kept) == {i for i in positions if groups[i] in names}


def test_the_whole_share_and_a_tiny_share():
    groups = np.array(["a", "b", "b", "c"])
    positions = np.array([0, 1, 2, 3])
    assert (tone_pool_cv.subsample_groups(positions, groups, 1.0, np.random.default_rng(0)) == positions).all()
    assert len(set(groups[tone_pool_cv.subsample_groups(positions, groups, 0.01, np.random.default_rng(0))])) == 1


def test_only_the_training_positions_are_subsampled():
    groups = np.array(["a", "a", "b", "c", "d", "d"])
    positions = np.array([0, 1, 2])  # articles a and b only
    kept = tone_pool_cv.subsample_groups(positions, groups, 0.5, np.random.default_rng(3))
    assert set(kept) <= {0, 1, 2} and len(set(groups[kept])) == 1


def test_group_bootstrap_brackets_the_figure_and_is_exact_without_spread():
    rng = np.random.default_rng(0)
    n = 400
    y = np.zeros((n, 2), int)
    y[rng.choice(n, 40, replace=False), 0] = 1
    y[rng.choice(n, 40, replace=False), 1] = 1
    p = np.where(y == 1, 0.9, 0.1).astype(float)
    p[np.flatnonzero(y[:, 0])[:10], 0] = 0.1  # 10 misses: F1 = 60 / 70
    groups = np.array([f"g{i // 4}" for i in range(n)])
    interval = tone_pool_cv.bootstrap(y, p, groups, n=300)
    assert interval["shock"] == (1.0, 1.0)
    low, high = interval["regret"]
    assert low < 60 / 70 < high and 0.7 < low and high < 1.0


def test_summary_is_the_mean_and_spread_over_seeds():
    runs = [{t: {"precision": 0.5, "recall": r, "f1": f, "average_precision": 0.4} for t in ("regret", "shock")}
            for r, f in ((0.4, 0.6), (0.6, 0.8))]
    table = tone_pool_cv.summary(runs)
    assert table["regret"]["f1"] == pytest.approx((0.7, 0.1))
    assert table["shock"]["recall"] == pytest.approx((0.5, 0.1))

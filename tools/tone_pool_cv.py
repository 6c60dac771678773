"""How much would more labelled news buy, and does pooling the parts help? (issue #16)

All figures are F1 at 0.5 over out-of-fold quotes of the project's set
(``annotation/tone``), with the procedure of ``quotes train tone`` inside each
fold: the text models are the GoEmotions ones (no news quote reaches them);
each fold's combiners learn from GoEmotions train and the fold's training news
quotes; the rule floors' and ceilings' precisions are measured on the fold's
training news quotes only; with ``--nested``, each tone's combiner settings
(``COMBINER_GRID`` and the cue-less choice) are chosen by an inner grouped
5-fold CV over the fold's training news quotes, as the training chooses them.
Folds are grouped by article (copies and shared quotes in one group,
:func:`quotes.training.tone.cv_groups`) and stratified by the two labels.

Studies (``--study``):

- ``curve``: grouped 5-fold CV on the train part (and the shared
  ``news-quotes-dev.jsonl`` rows outside the dev part, as the training reads
  them), each outer fold's training groups subsampled to 25/50/75/100%; test
  folds stay whole. Mean ± sd over seeds (each seed: its own fold split and
  its own subsample).
- ``pooled``: grouped 5-fold CV over train + dev parts together (every quote
  but the held-out tone articles'), against train-only CV with the same seeds.
  The pooled out-of-fold F1 is also reported on the train-part quotes and the
  dev-part quotes apart, and beside it a dev-only CV (the dev part's quotes
  scored by models that saw only other dev-part quotes).
- ``mirror``: the model trained on the train part (selection by CV on it)
  scored on the dev part, and the model trained on the dev part scored on the
  train part. The cue lexicon was written reading the train part, so a
  one-sided gap (dev -> train high, train -> dev low) says the rules carry
  to the quotes they were mined from, not to new ones.

Besides the spread over seeds (which only moves the fold split), each figure
gets a 90% interval from 1,000 bootstrap resamples of the groups of its
out-of-fold quotes (seed 0): the sample noise of ~50 positives.

The dev part is only scored (F1 over all its quotes), never read quote by quote.

Results on 2026-12-07 (tone-14; the parts of ``annotation/tone/build.py``
after the training's de-duplication: train part 5,676 quotes, 46 regret and 56
shock positives; dev part 5,792, 47 and 55; F1 at 0.5 pooled over each run's
out-of-fold quotes; mean ± sd over seeds; [a 90% group-bootstrap interval of
seed 0's run]):

Learning curve, train part, settings of the card (5 seeds, about 1 min):

| training folds' articles | regret F1 (P, R) | shock F1 (P, R) | combiners alone (--learned-only): regret / shock |
|---|---|---|---|
| 25% | 0.645 ± 0.021 (0.691, 0.604) | 0.719 ± 0.009 (0.741, 0.700) | 0.466 ± 0.054 / 0.659 ± 0.011 |
| 50% | 0.646 ± 0.017 (0.696, 0.604) | 0.729 ± 0.012 (0.758, 0.704) | 0.534 ± 0.047 / 0.676 ± 0.021 |
| 75% | 0.659 ± 0.000 (0.691, 0.630) | 0.742 ± 0.005 (0.772, 0.714) | 0.538 ± 0.037 / 0.716 ± 0.024 |
| 100% | 0.659 ± 0.000 (0.691, 0.630) [0.53-0.75] | 0.746 ± 0.011 (0.769, 0.725) [0.66-0.83] | 0.534 ± 0.023 / 0.737 ± 0.015 |

With the settings chosen inside each fold (--nested, seed 0): 25% 0.659 /
0.727, 50% 0.659 / 0.736, 100% 0.659 / 0.736.

- Regret at 0.5 is the standing cues' F1 whatever the amount of data: every
  decision is a rule floor's (the floor's precision, about 0.69, is over 0.5 in
  every fold from 75% on; under it in some folds at 25-50%). The combiners alone
  rise from 25% to 50% and then stay at 0.53.
- Shock gains about +0.01 to +0.017 per doubling (25 -> 50 -> 100%), inside
  one to two sd of the seeds and far inside a bootstrap interval; 75 -> 100%
  adds +0.004. The combiners alone still rise (+0.06 from 50 to 100%) but stay
  under the model with its floors.

Pooled train + dev (grouped 5-fold CV over both, 11,468 quotes, 93 regret and
111 shock positives; --nested: each fold chooses its settings as the training
does; 3 seeds, about 10 min a seed on the shared cores):

| CV (nested, seeds 0-2) | regret F1 (P, R) | shock F1 (P, R) |
|---|---|---|
| train-only CV | 0.659 ± 0.000 (0.691, 0.630) [0.53-0.75] | 0.741 ± 0.005 (0.778, 0.708) [0.64-0.82] |
| pooled CV, all its project quotes | 0.530 ± 0.000 (0.603, 0.473) [0.44-0.61] | 0.655 ± 0.006 (0.633, 0.679) [0.59-0.72] |
| pooled CV, its train-part quotes | 0.659 ± 0.000 (0.691, 0.630) [0.54-0.75] | 0.736 ± 0.006 (0.752, 0.720) [0.65-0.82] |
| pooled CV, its dev-part quotes | 0.385 ± 0.000 (0.484, 0.319) [0.26-0.50] | 0.582 ± 0.006 (0.536, 0.636) [0.48-0.67] |
| dev-only CV | 0.310 ± 0.011 (0.437, 0.241) [0.18-0.40] | 0.567 ± 0.005 (0.515, 0.630) [0.46-0.65] |

With the card's settings (5 seeds) the same rows read 0.659 / 0.746, 0.530 /
0.660, 0.659 / 0.735, 0.385 / 0.593 and 0.278 / 0.557.

(Three shock figures on the dev part, three settings: 0.582 is the pooled
CV's dev-part quotes with --nested (above), 0.593 the same with the card's
settings, 0.602 the mirror's train -> dev model with --nested (below). The
shipped model's own dev figure, 0.597 in the README, is ``news_dev`` of
``models/tone.json``: one training run with the settings it chose. All lie
inside the bootstrap interval of one run, 0.50-0.68.)

Mirror (--nested, the settings chosen by CV on the part trained on):

| trained on -> scored on | regret P / R / F1 | shock P / R / F1 |
|---|---|---|
| train -> dev | 0.484 / 0.319 / 0.385 [0.26-0.50] | 0.544 / 0.673 / 0.602 [0.50-0.68] |
| dev -> train | 0.731 / 0.413 / 0.528 [0.38-0.65] | 0.765 / 0.696 / 0.729 [0.63-0.81] |

- Pooling buys nothing beyond the spread: the dev-part quotes score the same
  out of fold with the dev part's other articles added (regret 0.385 both,
  shock 0.582 against 0.602), and the train-part quotes the same with the dev
  part added (0.659 both, shock 0.736 against 0.741).
- The gap is one-sided: the train-part quotes score high whichever part the
  model learns from (shock 0.741 / 0.729, regret 0.659 / 0.528), the dev-part
  quotes low (shock 0.602 / 0.567, regret 0.385 / 0.310). The quote set decides
  the figure, not the data: the cue lists were written reading the train part
  (its standing regret cues cover 63% of its positives at precision 0.69,
  the dev part's 32% at 0.48; in BBC and PolNeAR quotes alike, ``python -m
  quotes.training.tone score``). Trained on the dev part, the regret floor is
  measured at about 0.48, under 0.5, so its decisions fall to the combiners
  (recall 0.41).

    PYTHONPATH=. python annotation/tone/build.py /work/shared --train /tmp/tt.jsonl --dev /tmp/td.jsonl
    PYTHONPATH=.:tools python tools/tone_pool_cv.py --cache /tmp/tone8-cache --train /tmp/tt.jsonl \\
        --dev /tmp/td.jsonl --study curve --seeds 0 1 2 3 4
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from pathlib import Path

# one BLAS thread when run as a script: the combiners' fits (about 49,000 rows by
# 80 columns) ran five times faster than with two threads on the 2 shared cores
if __name__ == "__main__":
    for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_name, "1")

import numpy as np
from sklearn.base import clone

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.training.tone import (
    CEILING_SMOOTHING,
    COMBINER_GRID,
    COMBINER_SETTINGS,
    CUELESS_CHOICES,
    HELDOUT_DOCS,
    RANDOM_STATE,
    TONES,
    _ceiling_columns,
    _scores,
    apply_ceilings,
    clone_heads_ceilings,
    combiner_probe,
    combiner_weights,
    cv_groups,
    fold_rows,
    news_folds,
    prepare_stack,
    read_doc_list,
    read_news_files,
    split_docs,
)

FRACTIONS = (0.25, 0.5, 0.75, 1.0)


class Study:
    """The stack over every labelled news quote (train part, dev part, the shared
    file; the held-out tone articles left out), and the procedure of the training
    run on any subset of its news rows."""

    def __init__(self, shared: Path, train: Path, dev: Path, cache: Path, say, learned_only: bool = False) -> None:
        tone_dir, emotions = shared / "data" / "tone", shared / "data" / "emotions"
        self.say, self.learned_only = say, learned_only
        excluded = read_doc_list(tone_dir / HELDOUT_DOCS)
        news_files = [train, dev, tone_dir / "news-quotes-dev.jsonl"]
        files = {name: emotions / name for name in ("goemotions-train.tsv", "goemotions-dev.tsv", "emotions.txt")}
        stack = prepare_stack(files, news_files, excluded, cache, say)
        self.stack = stack
        fields: dict[str, list] = {"group": []}
        self.texts, y_check, self.articles = read_news_files(news_files, excluded, fields=fields)
        self.declared = fields["group"]
        self.heads = stack["pipeline"].named_steps["heads"]
        self.bases, self.scores = stack["bases"], stack["scores"]
        self.names, self.lex_all, self.Y_all = stack["lexicon_names"], stack["lexicon"], stack["Y"]
        self.is_reddit = stack["is_reddit"]
        self.is_news = (~self.is_reddit).astype(float)
        self.n_reddit = int(self.is_reddit.sum())
        self.y = self.Y_all[~self.is_reddit]
        self.lex = self.lex_all[~self.is_reddit]
        self.news_scores = self.scores[~self.is_reddit]
        assert len(self.texts) == len(self.y) and (y_check == self.y).all()
        dev_docs = set(split_docs(ROOT / "annotation" / "tone" / "split.json"))
        in_dev = np.array([a in dev_docs for a in self.articles])
        project = stack["from_split"]
        # train: the rows `quotes train tone` reads (train part + shared rows outside the dev part);
        # scored: the project's set (the shared file's rows are trained on, never scored)
        self.train_rows = ~in_dev
        self.dev_rows = in_dev
        self.train_part = project & ~in_dev
        self.dev_part = project & in_dev
        self.project = project
        self.ceiling_columns = _ceiling_columns(self.names)
        say(f"news rows {len(self.y)}: train part {self.train_part.sum()} "
            f"({self.y[self.train_part].sum(0).tolist()} positives), dev part {self.dev_part.sum()} "
            f"({self.y[self.dev_part].sum(0).tolist()}), other {(~project).sum()}")

    def groups_of(self, rows: np.ndarray) -> np.ndarray:
        """The CV groups of a subset of the news rows, as the training forms them over those rows."""
        idx = np.flatnonzero(rows)
        return np.asarray(cv_groups([self.articles[i] for i in idx], [self.texts[i] for i in idx],
                                    [self.declared[i] for i in idx]))

    # -- the procedure -------------------------------------------------------------------

    def fit_predict(self, fit_idx: np.ndarray, eval_idx: np.ndarray, settings: dict) -> np.ndarray:
        """Combiners on GoEmotions + news rows ``fit_idx``, floors and ceilings from
        ``fit_idx``; news probabilities of ``eval_idx`` (indices among the news rows).
        With ``learned_only`` set, the combiners alone (no rule floors, no ceilings):
        the part of the model that labelled data teaches."""
        weights = combiner_weights(self.Y_all, self.is_reddit, settings)
        probe = combiner_probe(self.heads, settings, self.names)
        if self.learned_only:
            probe.set_params(rules=[[] for _ in TONES])
        rows = fold_rows(self.is_reddit, fit_idx)
        fitted = clone(probe).fit_from_scores(self.bases, self.scores[rows], self.lex_all[rows], self.Y_all[rows],
                                              weights[rows], self.is_news[rows])
        p = fitted.proba_from_scores(self.news_scores[eval_idx], self.lex[eval_idx], "news")
        if self.learned_only:
            return p
        ceilings = clone_heads_ceilings(self.heads, self.lex[fit_idx], self.y[fit_idx], self.ceiling_columns,
                                        CEILING_SMOOTHING)
        return apply_ceilings(p, self.lex[eval_idx], ceilings)

    def cv(self, idx: np.ndarray, groups: np.ndarray, settings: dict, seed: int) -> np.ndarray:
        """Out-of-fold probabilities of the news rows ``idx`` (grouped 5-fold, seed ``seed``)."""
        out = np.zeros((len(idx), len(TONES)))
        for a, b in news_folds(self.y[idx], groups, seed):
            out[b] = self.fit_predict(idx[a], idx[b], settings)
        return out

    def select(self, idx: np.ndarray, groups: np.ndarray) -> dict:
        """Each tone's combiner settings, chosen as ``train_tone`` chooses them: the grid
        then the cue-less input, by grouped 5-fold CV over the rows ``idx`` (seed
        ``RANDOM_STATE``), F1 at 0.5 on those of the project's set."""
        scored = self.project[idx]
        grid = [dict(zip(COMBINER_GRID, values)) for values in itertools.product(*COMBINER_GRID.values())]
        selection: dict[str, list] = {t: [] for t in TONES}
        for point in grid:
            settings = as_settings(point)
            p = self.cv(idx, groups, settings, RANDOM_STATE)
            for k, tone in enumerate(TONES):
                selection[tone].append({**point, "f1": _scores(self.y[idx][scored, k], p[scored, k])["f1"]})
        chosen = {}
        for tone in TONES:
            best = max(selection[tone], key=lambda s: (s["f1"], -s["news_weight"], -s["C"]))
            chosen[tone] = {**as_settings(best)[tone], "cueless": False, "f1": best["f1"]}
        for flag in CUELESS_CHOICES:
            if not flag:
                continue
            trial = {t: {**chosen[t], "cueless": flag} for t in TONES}
            p = self.cv(idx, groups, trial, RANDOM_STATE)
            for k, tone in enumerate(TONES):
                f1 = _scores(self.y[idx][scored, k], p[scored, k])["f1"]
                if f1 > chosen[tone]["f1"]:
                    chosen[tone]["cueless"], chosen[tone]["f1"] = flag, f1
        return {t: {k: v for k, v in chosen[t].items() if k != "f1"} for t in TONES}

    def outer_cv(self, rows: np.ndarray, seed: int, fraction: float = 1.0, nested: bool = False,
                 fixed: dict | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, list]:
        """Out-of-fold probabilities over the news rows ``rows`` (a mask).

        Each outer fold's training groups are subsampled to ``fraction`` (seeded);
        with ``nested``, its settings are chosen inside it (:meth:`select`), else
        ``fixed`` (default: the shipped card's).

        Returns:
            (indices of the rows, their probabilities, their groups, the settings chosen per fold).
        """
        idx = np.flatnonzero(rows)
        groups = self.groups_of(rows)
        out = np.zeros((len(idx), len(TONES)))
        rng = np.random.default_rng(1000 + seed)
        chosen_per_fold = []
        for a, b in news_folds(self.y[idx], groups, seed):
            a = subsample_groups(a, groups, fraction, rng)
            if nested:
                settings = self.select(idx[a], groups[a])
            else:
                settings = fixed or shipped_settings()
            chosen_per_fold.append(settings)
            out[b] = self.fit_predict(idx[a], idx[b], settings)
        return idx, out, groups, chosen_per_fold

    def fit_on(self, fit_rows: np.ndarray, eval_rows: np.ndarray, nested: bool = True) -> tuple[np.ndarray, dict]:
        """Train on the news rows ``fit_rows`` as the training does (settings chosen by
        CV over them), and return the probabilities of ``eval_rows``."""
        fit_idx = np.flatnonzero(fit_rows)
        settings = self.select(fit_idx, self.groups_of(fit_rows)) if nested else shipped_settings()
        return self.fit_predict(fit_idx, np.flatnonzero(eval_rows), settings), settings


def subsample_groups(positions: np.ndarray, groups: np.ndarray, fraction: float,
                     rng: np.random.Generator) -> np.ndarray:
    """The ``positions`` (into ``groups``) of a random ``fraction`` of their groups,
    every quote of a kept group kept (a learning-curve point keeps articles whole)."""
    if fraction >= 1.0:
        return positions
    names = np.unique(groups[positions])
    keep = rng.choice(names, size=max(1, round(fraction * len(names))), replace=False)
    return positions[np.isin(groups[positions], keep)]


def as_settings(point: dict) -> dict:
    return {t: {"C": point["C"], "news_weight": point["news_weight"],
                "positive_weight": {"social": COMBINER_SETTINGS[t]["positive_weight"]["social"],
                                    "news": point["news_positive_weight"]}} for t in TONES}


def shipped_settings() -> dict:
    return json.loads((ROOT / "models" / "tone.json").read_text(encoding="utf-8"))["settings"]["combiners"]


def f1s(y: np.ndarray, p: np.ndarray) -> dict[str, dict[str, float]]:
    return {t: _scores(y[:, k], p[:, k]) for k, t in enumerate(TONES)}


def bootstrap(y: np.ndarray, p: np.ndarray, groups: np.ndarray, n: int = 1000, seed: int = 0) -> dict:
    """Per tone, the 5th and 95th percentiles of F1 at 0.5 over resamples of the groups."""
    names, inverse = np.unique(groups, return_inverse=True)
    rng = np.random.default_rng(seed)
    hits = np.zeros((len(names), len(TONES), 3))  # tp, fp, fn per group
    found, truth = p >= 0.5, y == 1
    for k in range(len(TONES)):
        np.add.at(hits[:, k, 0], inverse, found[:, k] & truth[:, k])
        np.add.at(hits[:, k, 1], inverse, found[:, k] & ~truth[:, k])
        np.add.at(hits[:, k, 2], inverse, ~found[:, k] & truth[:, k])
    out = {}
    draws = rng.integers(0, len(names), size=(n, len(names)))
    for k, tone in enumerate(TONES):
        sums = hits[draws, k, :].sum(axis=1)
        f1 = 2 * sums[:, 0] / np.maximum(2 * sums[:, 0] + sums[:, 1] + sums[:, 2], 1)
        out[tone] = (float(np.percentile(f1, 5)), float(np.percentile(f1, 95)))
    return out


def summary(runs: list[dict]) -> dict:
    """Mean and sd over seeds of P, R, F1 per tone."""
    return {t: {m: (float(np.mean([r[t][m] for r in runs])), float(np.std([r[t][m] for r in runs])))
                for m in ("precision", "recall", "f1", "average_precision")} for t in TONES}


def cell(s: dict, tone: str) -> str:
    return (f"{s[tone]['f1'][0]:.3f} ± {s[tone]['f1'][1]:.3f} "
            f"(P {s[tone]['precision'][0]:.3f} R {s[tone]['recall'][0]:.3f} AP {s[tone]['average_precision'][0]:.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="the --cache folder of training runs")
    parser.add_argument("--train", type=Path, required=True, help="the train part (annotation/tone/build.py)")
    parser.add_argument("--dev", type=Path, required=True, help="the dev part (annotation/tone/build.py)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--study", choices=["curve", "pooled", "mirror"], required=True)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--fractions", type=float, nargs="+", default=list(FRACTIONS))
    parser.add_argument("--nested", action="store_true", help="choose the combiner settings inside each fold")
    parser.add_argument("--learned-only", action="store_true",
                        help="the combiners alone: no rule floors and no ceilings (what the labelled data teaches)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    options = parser.parse_args()
    started = time.perf_counter()

    def say(message: str) -> None:
        print(f"[{time.perf_counter() - started:5.0f}s] {message}", file=sys.stderr, flush=True)

    study = Study(options.shared, options.train, options.dev, options.cache, say, options.learned_only)
    y = study.y
    report: dict = {"study": options.study, "seeds": options.seeds, "nested": options.nested,
                    "learned_only": options.learned_only}
    if options.study == "curve":
        rows = study.train_rows
        table = {}
        for fraction in options.fractions:
            runs, intervals = [], None
            for seed in options.seeds:
                idx, p, groups, _ = study.outer_cv(rows, seed, fraction, options.nested)
                scored = study.project[idx]
                runs.append(f1s(y[idx][scored], p[scored]))
                if intervals is None:
                    intervals = bootstrap(y[idx][scored], p[scored], groups[scored])
                say(f"{fraction:.2f} seed {seed}: " + ", ".join(
                    f"{t} {runs[-1][t]['f1']:.3f} (AP {runs[-1][t]['average_precision']:.3f})" for t in TONES))
            table[fraction] = {"summary": summary(runs), "runs": runs, "bootstrap_seed0": intervals}
        report["table"] = {str(k): v for k, v in table.items()}
        print("| training folds' articles | regret F1 mean ± sd (P, R, AP) | shock F1 mean ± sd (P, R, AP) |")
        print("|---|---|---|")
        for fraction, row in table.items():
            print(f"| {fraction:.0%} | {cell(row['summary'], 'regret')} | {cell(row['summary'], 'shock')} |")
    elif options.study == "pooled":
        everything = study.train_rows | study.dev_rows
        runs: dict[str, list] = {"train-only CV": [], "pooled CV: all": [], "pooled CV: train-part quotes": [],
                                 "pooled CV: dev-part quotes": [], "dev-only CV": []}
        intervals = {}
        for seed in options.seeds:
            for name, rows in (("train-only CV", study.train_rows), ("pooled CV", everything),
                               ("dev-only CV", study.dev_rows)):
                idx, p, groups, chosen = study.outer_cv(rows, seed, 1.0, options.nested)
                parts = ({"all": study.project[idx], "train-part quotes": study.train_part[idx],
                          "dev-part quotes": study.dev_part[idx]} if name == "pooled CV"
                         else {"": study.project[idx]})
                for part, scored in parts.items():
                    key = f"{name}: {part}" if part else name
                    runs[key].append(f1s(y[idx][scored], p[scored]))
                    if seed == options.seeds[0]:
                        intervals[key] = bootstrap(y[idx][scored], p[scored], groups[scored])
                    say(f"seed {seed} {key}: " + ", ".join(
                        f"{t} {runs[key][-1][t]['f1']:.3f} (P {runs[key][-1][t]['precision']:.3f} "
                        f"R {runs[key][-1][t]['recall']:.3f} AP {runs[key][-1][t]['average_precision']:.3f})" for t in TONES)
                        + (f" settings {[{t: s[t] for t in TONES} for s in chosen][:1]}" if options.nested else ""))
        report["table"] = {k: {"summary": summary(v), "runs": v, "bootstrap_seed0": intervals.get(k)}
                           for k, v in runs.items()}
        print("| CV | regret F1 mean ± sd (P, R, AP) [90% bootstrap] | shock F1 mean ± sd (P, R, AP) [90% bootstrap] |")
        print("|---|---|---|")
        for key, value in report["table"].items():
            s, b = value["summary"], value["bootstrap_seed0"]
            print(f"| {key} | " + " | ".join(f"{cell(s, t)} [{b[t][0]:.2f}-{b[t][1]:.2f}]" for t in TONES) + " |")
    else:
        table = {}
        for name, fit_rows, eval_rows, scored in (
                ("train -> dev", study.train_rows, study.dev_rows, study.dev_part),
                ("dev -> train", study.dev_rows, study.train_rows, study.train_part)):
            p, settings = study.fit_on(fit_rows, eval_rows, options.nested)
            keep = scored[eval_rows]
            idx = np.flatnonzero(eval_rows)
            figures = f1s(y[idx][keep], p[keep])
            groups = study.groups_of(eval_rows)
            table[name] = {"figures": figures, "settings": settings,
                           "bootstrap": bootstrap(y[idx][keep], p[keep], groups[keep])}
            say(f"{name}: " + ", ".join(f"{t} {figures[t]['f1']:.3f} (P {figures[t]['precision']:.3f} "
                                        f"R {figures[t]['recall']:.3f})" for t in TONES) + f" settings {settings}")
        report["table"] = table
        print("| trained on -> scored on | regret P / R / F1 [90% bootstrap] | shock P / R / F1 [90% bootstrap] |")
        print("|---|---|---|")
        for name, row in table.items():
            f, b = row["figures"], row["bootstrap"]
            print(f"| {name} | " + " | ".join(
                f"{f[t]['precision']:.3f} / {f[t]['recall']:.3f} / {f[t]['f1']:.3f} [{b[t][0]:.2f}-{b[t][1]:.2f}]"
                for t in TONES) + " |")
    report["seconds"] = round(time.perf_counter() - started)
    say("done")
    if options.json:
        options.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

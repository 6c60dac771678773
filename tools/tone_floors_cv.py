"""Should each kind of standing cue have its own floor? (issue #16, idea 3)

Grouped 5-fold CV by article over the news quotes, scored on the quotes of the
project's train part, with the folds, combiner settings and ceilings of
``quotes train tone`` (as ``tools/tone_cueless_cv.py``). The dev part is never
read. Variants of the rule floors (``RULES`` in ``quotes/training/tone.py``),
each floor's precision measured on the fold's training rows only:

- shipped: one floor per tone, the precision of all its standing kinds together
  (regret: "I regret" = regret_self, and no one named = regret_none);
- per kind: each kind its own floor (the highest of those that fire);
- per kind, smoothed: the same with Laplace smoothing (+1 positive, +2 rows),
  so that a kind seen on a few quotes stays cautious;
- per kind and cue group: each (kind, group) pair its own floor (regret_self
  of "apology" apart from regret_self of "regret"), smoothed; the group counts
  come from the lexicon's standing-cue columns, so a quote with two groups
  takes the higher;
- no floors at all (combiners and ceilings only).

Result on 2026-12-07 (tone-11; train part 5,676 quotes, 46 regret and 56 shock
positives), F1 / P / R at 0.5 on the train part:

| floors | regret | shock |
|---|---|---|
| shipped: one per tone | **0.612** / 0.667 / 0.565 | 0.710 / 0.745 / 0.679 |
| per kind | 0.568 / 0.657 / 0.500 | 0.710 / 0.745 / 0.679 |
| per kind, smoothed | 0.568 / 0.657 / 0.500 | 0.710 / 0.745 / 0.679 |
| per kind and group, smoothed | 0.612 / 0.667 / 0.565 | 0.710 / 0.745 / 0.679 |
| none | 0.486 / 0.643 / 0.391 | 0.724 / 0.775 / 0.679 |

Rerun under tone-12 (5,692 quotes): shipped 0.619 / 0.684 / 0.565 (shock 0.710),
per kind 0.575, per kind and group 0.619, none 0.493 (shock 0.724): the same order.

Per kind, regret_none's own floor is measured at 0.36-0.67 across folds (its
quotes are few: "a terrible mistake on our side", "deeply regrets any
inconvenience"), under 0.5 in three folds, and the quotes it held up fall:
three positives lost, one false alarm saved. One floor per tone stays (tone-11
ships it). Without floors shock gains one quote (0.710 -> 0.724, as noted in
``quotes/training/tone.py``) and regret loses eight; the floors stay.

    python annotation/tone/build.py ../shared --train /tmp/tone-train.jsonl --dev /tmp/tone-dev.jsonl
    python tools/tone_floors_cv.py --cache /tmp/tone-cache --train /tmp/tone-train.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.base import clone

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.tone.model import rule_fires
# tools/ is on the path when this runs as a script
from tone_stack import combiner_probe, news_folds, news_stack  # noqa: E402
from quotes.training.tone import (
    CEILING_SMOOTHING,
    RULES,
    TONES,
    _ceiling_columns,
    _scores,
    apply_ceilings,
    clone_heads_ceilings,
    combiner_weights,
    fold_rows,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="the --cache folder of training runs")
    parser.add_argument("--train", type=Path, required=True, help="the train part (annotation/tone/build.py)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "tone.json",
                        help="the card whose combiner settings are used")
    options = parser.parse_args()
    started = time.time()
    stack, news_files, excluded = news_stack(options.shared, options.train, options.cache)
    pipeline, bases, scores = stack["pipeline"], stack["bases"], stack["scores"]
    names, lex_all, Y_all = stack["lexicon_names"], stack["lexicon"], stack["Y"]
    is_reddit, part = stack["is_reddit"], stack["from_split"]
    groups = np.asarray(stack["groups"])
    heads = pipeline.named_steps["heads"]
    y_news, lex_news, news_scores = Y_all[~is_reddit], lex_all[~is_reddit], scores[~is_reddit]
    is_news = (~is_reddit).astype(float)
    folds = news_folds(y_news, groups)
    chosen = json.loads(options.model.read_text(encoding="utf-8"))["settings"]["combiners"]
    weights = combiner_weights(Y_all, is_reddit, chosen)
    probe = combiner_probe(heads, chosen, names)
    group_columns = {t: [j for j, n in enumerate(names) if n.startswith(f"{t}_") and n.endswith("_standing")]
                     for t in TONES}

    # Per fold: the combiners' probabilities without floors, and what a floor may read.
    raw = np.zeros(y_news.shape)
    fold_of = np.zeros(len(y_news), dtype=int)
    for fold, (train_idx, test_idx) in enumerate(folds):
        rows = fold_rows(is_reddit, train_idx)
        fitted = clone(probe).fit_from_scores(bases, scores[rows], lex_all[rows], Y_all[rows], weights[rows],
                                              is_news[rows])
        fitted.rules = [[] for _ in TONES]
        raw[test_idx] = fitted.proba_from_scores(news_scores[test_idx], lex_news[test_idx], "news")
        fold_of[test_idx] = fold

    def kinds(variant: str, k: int) -> list[np.ndarray]:
        """The floor's kinds of tone k: boolean masks over the news rows."""
        tone = TONES[k]
        columns = [names.index(n) for n in RULES[tone]]
        if variant == "shipped":
            return [rule_fires(lex_news, columns)]
        if variant.startswith("per kind and group"):
            out = []
            for c in columns:
                for g in group_columns[tone]:
                    out.append((lex_news[:, c] != 0) & (lex_news[:, g] != 0))
            return out
        return [lex_news[:, c] != 0 for c in columns]

    def cross_validate(variant: str) -> tuple[np.ndarray, list]:
        out = raw.copy()
        floors = []
        smooth = 1.0 if "smoothed" in variant else 0.0
        for fold, (train_idx, test_idx) in enumerate(folds):
            for k in range(len(TONES)):
                if variant == "none":
                    continue
                fold_floors = []
                for mask in kinds(variant, k):
                    hits = mask[train_idx]
                    precision = (y_news[train_idx][hits, k].sum() + smooth) / (hits.sum() + 2 * smooth) \
                        if hits.sum() + smooth else 0.0
                    fires = mask[test_idx]
                    out[test_idx[fires], k] = np.maximum(out[test_idx[fires], k], precision)
                    fold_floors.append(round(float(precision), 2))
                floors.append((fold, TONES[k], fold_floors))
            ceilings = clone_heads_ceilings(heads, lex_news[train_idx], y_news[train_idx],
                                            _ceiling_columns(names), CEILING_SMOOTHING)
            out[test_idx] = apply_ceilings(out[test_idx], lex_news[test_idx], ceilings)
        return out, floors

    for variant in ("shipped", "per kind", "per kind, smoothed", "per kind and group, smoothed", "none"):
        p, floors = cross_validate(variant)
        print(f"== {variant} ({time.time() - started:.0f}s)")
        for k, tone in enumerate(TONES):
            s = _scores(y_news[part, k], p[part, k])
            print(f"   {tone}: F1 {s['f1']:.3f} P {s['precision']:.3f} R {s['recall']:.3f} "
                  f"AP {s['average_precision']:.3f}")
        if variant in ("per kind", "per kind, smoothed"):
            print("   floors per fold:", [f for f in floors])
        sys.stdout.flush()


if __name__ == "__main__":
    main()

"""Can a clause feature of owned failings find cue-less regret? (issue #16, idea 2)

Blum-Kulka and Olshtain's apology strategies (CCSARP) include "taking on
responsibility" without an apology word: self-blame, admitting a failing,
self-deficiency ("I did a lousy job", "I was rude to the press", "we did not
adjust our plans quickly enough", "I didn't realize"). This tries two general
clause features, with no cue list, as extra combiner inputs (as
``tools/tone_cueless_cv.py`` (b) and (c)), in grouped 5-fold CV by article over
the news quotes, scored on the train part (the dev part is never read):

- own negative evaluation: in a clause whose subject is "I"/"we" and whose
  verb group is past ("was", "did", "-ed"...), the most negative VADER valence
  of the words after the subject, up to another person or a name (scaled /4);
- past negated: such a clause holds a negator ("didn't", "never", "failed").

Result on 2026-12-07 (tone-11; train part 5,676 quotes, 46 regret positives,
20 with no standing cue): the first fires on 144 train quotes holding 15 of
the 46 positives (precision 0.10, twelve times the base rate; most of the rest
are the speaker's feelings, "we are disappointed", "I was so nervous"), the
second on 94 with 5. Regret F1 at 0.5 stays 0.612 with either or both (no
decision at 0.5 changes); average precision 0.456 -> 0.504 (first), 0.451
(second), 0.495 (both). Nothing was shipped: at precision 0.10 no quote it
marks reaches 0.5, and a new lexicon column means a new model for no change
at the threshold the figures use.

    python annotation/tone/build.py ../shared --train /tmp/tone-train.jsonl --dev /tmp/tone-dev.jsonl
    python tools/tone_own_failing_cv.py --cache /tmp/tone-cache --train /tmp/tone-train.jsonl
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

from quotes.tone.lexicon import _clause_marks, _vader, tokenize
# tools/ is on the path when this runs as a script
from tone_stack import combiner_probe, news_folds, news_stack  # noqa: E402
from quotes.training.tone import (
    CEILING_SMOOTHING,
    _ceiling_columns,
    _scores,
    apply_ceilings,
    clone_heads_ceilings,
    combiner_weights,
    read_goemotions,
    read_news_files,
    fold_rows,
)

PAST = {"was", "were", "did", "didn't", "had", "hadn't", "wasn't", "weren't", "got", "made", "let", "could",
        "couldn't"}
NEGATORS = {"not", "never", "didn't", "wasn't", "weren't", "couldn't", "hadn't", "failed"}
OTHERS = {"he", "she", "they", "them", "him", "her", "you", "his", "their", "your", "it", "this", "that"}
BOUNDARIES = frozenset({"but", "however", "although", "though", "because", "while", "whereas", "and"})


def own_failing(text: str) -> list[float]:
    """[own negative evaluation, past negated] of one text."""
    lexicon = _vader().lexicon
    tokens, capitals, _ = tokenize(text)
    marks = _clause_marks(tokens, BOUNDARIES)
    evaluation = negated = 0.0
    for i, t in enumerate(tokens):
        if t not in ("i", "we"):
            continue
        kept = []
        for k, w in enumerate(tokens[i + 1:min(marks[i][1], i + 9)]):
            if w in ".!?;:" or w in OTHERS or (capitals[i + 1 + k] and w.isalpha()):
                break
            kept.append(w)
        if not kept or not any(w in PAST or w.endswith("ed") for w in kept):
            continue
        lowest = min(lexicon.get(w, 0.0) for w in kept)
        evaluation = max(evaluation, -lowest / 4.0) if lowest < 0 else evaluation
        negated = max(negated, float(any(w in NEGATORS for w in kept)))
    return [evaluation, negated]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="the --cache folder of training runs")
    parser.add_argument("--train", type=Path, required=True, help="the train part (annotation/tone/build.py)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "tone.json")
    options = parser.parse_args()
    emotions = options.shared / "data" / "emotions"
    stack, news_files, excluded = news_stack(options.shared, options.train, options.cache)
    pipeline, bases, scores = stack["pipeline"], stack["bases"], stack["scores"]
    names, lex_all, Y_all = stack["lexicon_names"], stack["lexicon"], stack["Y"]
    is_reddit, part, groups = stack["is_reddit"], stack["from_split"], np.asarray(stack["groups"])
    n_train, n_lex = int(is_reddit.sum()), len(names)
    heads = pipeline.named_steps["heads"]
    news_texts, _, _ = read_news_files(news_files, excluded)
    label_names = [n.strip() for n in (emotions / "emotions.txt").read_text(encoding="utf-8").splitlines()
                   if n.strip()]
    reddit_texts, _ = read_goemotions(emotions / "goemotions-train.tsv", label_names)
    started = time.time()
    FN = np.array([own_failing(str(t)) for t in news_texts])
    FR = np.array([own_failing(str(t)) for t in reddit_texts])
    print(f"features in {time.time() - started:.0f}s")
    y_news, lex_news, news_scores = Y_all[~is_reddit], lex_all[~is_reddit], scores[~is_reddit]
    for j, label in enumerate(("own negative evaluation", "past negated")):
        fires = FN[part, j] != 0
        print(f"{label}: fires on {int(fires.sum())} train-part quotes, with "
              f"{int(y_news[part][fires, 0].sum())} of {int(y_news[part, 0].sum())} regret positives")
    is_news = (~is_reddit).astype(float)
    folds = news_folds(y_news, groups)
    chosen = json.loads(options.model.read_text(encoding="utf-8"))["settings"]["combiners"]
    weights = combiner_weights(Y_all, is_reddit, chosen)
    probe = combiner_probe(heads, chosen, names)

    def cross_validate(columns: list[int]) -> np.ndarray:
        out = np.zeros(y_news.shape)
        for train_idx, test_idx in folds:
            rows = fold_rows(is_reddit, train_idx)
            lex_fit, lex_test, model = lex_all, lex_news[test_idx], clone(probe)
            if columns:
                extra = np.zeros((len(Y_all), len(columns)))
                extra[is_reddit], extra[n_train + train_idx] = FR[:, columns], FN[train_idx][:, columns]
                lex_fit = np.column_stack([lex_all, extra])
                lex_test = np.column_stack([lex_test, FN[test_idx][:, columns]])
                added = list(range(n_lex, n_lex + len(columns)))
                model.set_params(n_lexicon=n_lex + len(added),
                                 combiner_lexicon=[list(probe.combiner_lexicon[0]) + added,
                                                   list(probe.combiner_lexicon[1])])
            fitted = model.fit_from_scores(bases, scores[rows], lex_fit[rows], Y_all[rows], weights[rows],
                                           is_news[rows])
            p = fitted.proba_from_scores(news_scores[test_idx], lex_test, "news")
            ceilings = clone_heads_ceilings(heads, lex_news[train_idx], y_news[train_idx],
                                            _ceiling_columns(names), CEILING_SMOOTHING)
            out[test_idx] = apply_ceilings(p, lex_news[test_idx], ceilings)
        return out

    for label, columns in (("baseline", []), ("+ own negative evaluation", [0]), ("+ past negated", [1]),
                           ("+ both", [0, 1])):
        s = _scores(y_news[part, 0], cross_validate(columns)[part, 0])
        print(f"{label}: regret F1 {s['f1']:.3f} P {s['precision']:.3f} R {s['recall']:.3f} "
              f"AP {s['average_precision']:.3f}", flush=True)


if __name__ == "__main__":
    main()

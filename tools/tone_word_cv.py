"""Can a word model learnt from news quotes carry to news quotes it was not built from? (issue #16)

Repeated grouped 5-fold CV by article (several seeds of the fold split) over
the news quotes, scored by F1 at 0.5 on the quotes of the project's train
part, with the combiner settings, rule floors and ceilings of the shipped card
(``models/tone.json``), everything measured on each fold's training rows only.
The dev part is never read. Variants of the word side:

- shipped: the GoEmotions text models' scores (as ``quotes train tone``);
- news words: one more combiner input per tone, news rows only: the score of
  a word model (NB-scaled logistic regression) fitted on the fold's training
  news quotes over the shipped hashed word and character n-grams; the fold's
  training quotes get it out of fold (an inner grouped CV), its test quotes
  from the model fitted on all of the fold's training quotes;
- news clause words: the same over clause-marked tokens (:func:`clause_tokens`:
  a token inside a negation scope as ``not_x``, after a modal or "if" as
  ``mod_x``, and the two tokens after a subject pronoun joined to its person,
  ``p1_regret`` for "I/we regret", ``p3_regret`` for "he/they regret");
- news words + clause words: both feature sets in one model.

Each variant prints P / R / F1 per seed and their mean and spread (the
standard deviation over seeds); a change whose gain is inside the spread is
not shipped.

Result on 2026-12-07 (tone-12, before tone-13's cue lists were merged: its
cue lists change the text models' cache key; news train part 5,692 quotes, 46 regret and 56
shock positives; F1 at 0.5 pooled over the out-of-fold quotes of each seed;
news word model C 0.5, positive weight 10):

| variant | seeds | regret P / R / F1 | shock F1 per seed | shock F1 mean ± sd |
|---|---|---|---|---|
| shipped | 0-4 | 0.684 / 0.565 / 0.619 (every seed) | 0.710 0.717 0.705 0.692 0.697 | 0.704 ± 0.009 |
| news clause words | 0-2 | 0.684 / 0.565 / 0.619 (every seed) | 0.717 0.724 0.710 | 0.717 ± 0.006 |
| news words (word and character n-grams) | 0 | 0.684 / 0.565 / 0.619 | 0.717 | |

Seed for seed the clause words add one shock quote of precision (+0.005 to
+0.007, inside the spread of 0.009 over seeds) and no regret quote; the word and
character n-grams model (about 700 s a seed) the same on seed 0. Nothing ships.

Why the word side cannot move regret at 0.5, measured on the train part:

- Every regret decision at 0.5 is the rule floor's: in the shipped model
  (fitted on these very quotes, so at its most flattering) no quote without a
  standing regret cue gets a combiner probability above 0.17, and the
  grouped-CV F1 is the same for every seed of the fold split (the floor's
  precision, 26 of 38 quotes, is above 0.5 in every fold).
- The cue-less regret positives are 18 of 5,579 cue-less quotes (0.32%). The
  GoEmotions text score ranks them at AUC 0.742 but average precision 0.008:
  none in its top 100, 2 in its top 200. A news word model learns them from
  about 14 positives a fold; to count at 0.5 it would need precision above
  one half on them. Shock's cue-less positives: 15 of 5,570, AP 0.005.
- 0.5 is already the best threshold in CV for both tones
  (``news_train_cv_best_threshold`` of the card), so a nested threshold
  cannot help either.

Run times (2 shared cores under a load of about 18): shipped about 30 s a
seed; clause words about 400 s a seed (inner grouped 5-fold CV per outer fold
and tone, liblinear).

    python annotation/tone/build.py ../shared --train /tmp/tone-train.jsonl --dev /tmp/tone-dev.jsonl
    PYTHONPATH=.:tools python tools/tone_word_cv.py --cache /tmp/tone-cache --train /tmp/tone-train.jsonl \\
        --seeds 0 1 2 3 4 --variants shipped
    PYTHONPATH=.:tools python tools/tone_word_cv.py --cache /tmp/tone-cache --train /tmp/tone-train.jsonl \\
        --seeds 0 1 2 --variants clause
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.preprocessing import normalize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# tools/ is on the path when this runs as a script
from tone_stack import combiner_probe, news_folds, news_stack  # noqa: E402
from quotes.tone.lexicon import tokenize  # noqa: E402
from quotes.tone.model import apply_rule_floors, stack_inputs  # noqa: E402
from quotes.training.tone import (  # noqa: E402
    CEILING_SMOOTHING,
    TONES,
    _ceiling_columns,
    _scores,
    apply_ceilings,
    clone_heads_ceilings,
    combiner_weights,
    read_news_files,
    fold_rows,
)
from quotes.training.tone_features import LogCountRatio  # noqa: E402

NEGATORS = {"not", "no", "never", "nothing", "nobody", "none", "without", "neither", "nor", "cannot"}
MODALS = {"would", "could", "should", "might", "may", "if", "unless", "whether", "must", "ought"}
PERSONS = {"i": "p1", "we": "p1", "me": "p1", "us": "p1", "you": "p2",
           "he": "p3", "she": "p3", "they": "p3", "it": "p3", "him": "p3", "her": "p3", "them": "p3"}
BOUNDARY = re.compile(r"^[^\w']+$")


def clause_tokens(text: str) -> str:
    """The text's tokens, each also marked by the clause reading around it (see the module doc)."""
    tokens, _, _ = tokenize(text)
    out: list[str] = []
    negated = modal = False
    person, reach = "", 0
    for tok in tokens:
        if BOUNDARY.match(tok) or tok in {"but", "and", "because", "although", "though", "that", "which"}:
            negated = modal = False
            reach = 0
            if BOUNDARY.match(tok):
                continue
        out.append(tok)
        if negated:
            out.append("not_" + tok)
        if modal:
            out.append("mod_" + tok)
        if reach:
            out.append(f"{person}_{tok}")
            reach -= 1
        if tok in NEGATORS or tok.endswith("n't"):
            negated = True
        if tok in MODALS:
            modal = True
        if tok in PERSONS:
            person, reach = PERSONS[tok], 2
    return " ".join(out)


def clause_matrix(texts: list[str]) -> sp.csr_matrix:
    hasher = HashingVectorizer(n_features=2 ** 18, token_pattern=r"\S+", lowercase=False, alternate_sign=False,
                               norm=None, ngram_range=(1, 1))
    X = hasher.transform([clause_tokens(t) for t in texts])
    X.data = np.log1p(X.data)
    return normalize(X)


def word_model(C: float, positive_weight: float):
    from sklearn.pipeline import Pipeline

    return Pipeline([("nb", LogCountRatio()),
                     ("lr", LogisticRegression(C=C, solver="liblinear", class_weight={0: 1.0, 1: positive_weight}))])


def news_word_scores(X, y, groups, train_idx, test_idx, model, seed) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold scores of the training rows (inner grouped CV), and the test rows' scores."""
    inner = np.zeros(len(train_idx))
    strata = y[train_idx]
    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed + 100)
    for a, b in folds.split(np.zeros(len(train_idx)), strata, np.asarray(groups)[train_idx]):
        fitted = clone(model).fit(X[train_idx[a]], y[train_idx[a]])
        inner[b] = fitted.decision_function(X[train_idx[b]])
    fitted = clone(model).fit(X[train_idx], y[train_idx])
    return inner, fitted.decision_function(X[test_idx])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="the --cache folder of training runs")
    parser.add_argument("--train", type=Path, required=True, help="the train part (annotation/tone/build.py)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "tone.json")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4], help="seeds of the fold split")
    parser.add_argument("--variants", nargs="+", default=["shipped", "words", "clause", "words+clause"])
    parser.add_argument("--C", type=float, default=0.5, help="the news word model's C")
    parser.add_argument("--positive-weight", type=float, default=10.0)
    options = parser.parse_args()
    started = time.perf_counter()

    stack, news_files, excluded = news_stack(options.shared, options.train, options.cache)
    settings = json.loads(options.model.read_text(encoding="utf-8"))["settings"]["combiners"]
    pipeline, bases, scores = stack["pipeline"], stack["bases"], stack["scores"]
    names, lex_all, Y_all = stack["lexicon_names"], stack["lexicon"], stack["Y"]
    is_reddit, groups, part = stack["is_reddit"], stack["groups"], stack["from_split"]
    n_train = int(is_reddit.sum())
    y_news, lex_news, news_scores = Y_all[~is_reddit], lex_all[~is_reddit], scores[~is_reddit]
    is_news = (~is_reddit).astype(float)
    weights = combiner_weights(Y_all, is_reddit, settings)
    heads = pipeline.named_steps["heads"]
    probe = combiner_probe(heads, settings, names)
    ceiling_columns = _ceiling_columns(names)

    texts, y_check, _ = read_news_files(news_files, excluded)
    assert len(texts) == len(y_news) and (y_check == y_news).all()
    # the word n-gram block of the shipped features (GoEmotions idf); the character block makes
    # every fit ten times slower (about 700 s a seed) and moved nothing in a first run
    X_words = pipeline.named_steps["features"].transformer_list[0][1].transformer_list[0][1].transform(texts).tocsr()
    X_clause = clause_matrix(texts)
    matrices = {"words": X_words, "clause": X_clause, "words+clause": sp.hstack([X_words, X_clause]).tocsr()}
    print(f"features in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    model = word_model(options.C, options.positive_weight)

    def cross_validate(variant: str, seed: int) -> np.ndarray:
        folds = news_folds(y_news, groups, seed)
        out = np.zeros(y_news.shape)
        for train_idx, test_idx in folds:
            rows = fold_rows(is_reddit, train_idx)
            fitted = clone(probe).fit_from_scores(bases, scores[rows], lex_all[rows], Y_all[rows],
                                                  weights[rows], is_news[rows])
            if variant == "shipped":
                p = fitted.proba_from_scores(news_scores[test_idx], lex_news[test_idx], "news")
            else:
                X = matrices[variant]
                p = np.zeros((len(test_idx), len(TONES)))
                inputs_fit = stack_inputs(scores[rows], lex_all[rows], is_news[rows], fitted.scaler_)
                inputs_test = stack_inputs(news_scores[test_idx], lex_news[test_idx], "news", fitted.scaler_)
                for k in range(len(TONES)):
                    inner, outer = news_word_scores(X, y_news[:, k], groups, train_idx, test_idx, model, seed)
                    mu, sd = inner.mean(), inner.std() or 1.0
                    extra_fit = np.zeros(int(rows.sum()))
                    extra_fit[n_train:] = np.clip((inner - mu) / sd, -5, 5)  # news rows only (Reddit: 0)
                    cols = fitted.combiner_input_columns(k)
                    combiner = LogisticRegression(C=settings[TONES[k]]["C"], max_iter=5000).fit(
                        np.column_stack([inputs_fit[:, cols], extra_fit]), Y_all[rows, k],
                        sample_weight=weights[rows, k])
                    p[:, k] = combiner.predict_proba(np.column_stack(
                        [inputs_test[:, cols], np.clip((outer - mu) / sd, -5, 5)]))[:, 1]
                p = apply_rule_floors(p, lex_news[test_idx], fitted.rules, fitted.rule_precision_, "news")
            ceilings = clone_heads_ceilings(heads, lex_news[train_idx], y_news[train_idx], ceiling_columns,
                                            CEILING_SMOOTHING)
            out[test_idx] = apply_ceilings(p, lex_news[test_idx], ceilings)
        return out

    table = {}
    for variant in options.variants:
        runs = []
        for seed in options.seeds:
            p = cross_validate(variant, seed)
            run = {t: _scores(y_news[part, k], p[part, k]) for k, t in enumerate(TONES)}
            runs.append(run)
            print(f"{variant} seed {seed}: " + ", ".join(
                f"{t} {run[t]['precision']:.3f}/{run[t]['recall']:.3f}/{run[t]['f1']:.3f}" for t in TONES)
                + f" ({time.perf_counter() - started:.0f}s)", file=sys.stderr)
        table[variant] = {t: {m: (float(np.mean([r[t][m] for r in runs])), float(np.std([r[t][m] for r in runs])))
                              for m in ("precision", "recall", "f1")} for t in TONES}
    print("| variant | regret P / R / F1 | shock P / R / F1 |")
    print("|---|---|---|")
    for variant, row in table.items():
        print(f"| {variant} | " + " | ".join(
            " / ".join(f"{row[t][m][0]:.3f}" for m in ("precision", "recall")) + f" / {row[t]['f1'][0]:.3f} "
            f"± {row[t]['f1'][1]:.3f}" for t in TONES) + " |")


if __name__ == "__main__":
    main()

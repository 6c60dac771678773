"""Can a learned component find the news tone positives the cue rules miss? (issue #16)

Grouped 5-fold CV by article over the news quotes, scored on the quotes of the
project's train part (``annotation/tone``), exactly as ``quotes train tone``
chooses its combiners (same folds, shipped combiner settings, floors and
ceilings measured per fold). The dev part is never read. For each variant it
prints F1, precision and recall at 0.5, and the precision and recall on
*cue-less* quotes: those where none of the tone's standing cues is read
(``CEILINGS[tone][1]``, e.g. "I regret", "I was stunned").

Variants:

- baseline: the shipped design;
- combiners alone: no rule floors, no ceilings (do they cap cue-less quotes?);
- (a) a second threshold for cue-less quotes, chosen on the other folds;
- (b) a news-trained n-gram model (the shipped hashed word and character
  n-grams, logistic regression, balanced classes) fitted inside each fold,
  its scores (inner out-of-fold for the fitting rows) a combiner input;
- (c) clause features from a general lexicon instead of the cue lists: first
  person x VADER negative score, x |compound|, x pattern subjectivity;
- (d) the training's own choice, a cue-less copy of each tone's text score as a
  combiner input (``CUELESS_CHOICES``), on and off for both tones;
- the ranking of cue-less quotes by each learned score (AUC, AP, positives in
  the top 10), out of fold.

Result on 2026-12-06 (tone-9; train part 1,494 quotes, 31 regret and 39 shock
positives, of which only 7 and 5 have no standing cue): every variant leaves
F1 at 0.5 unchanged (regret 0.696, shock 0.868) and finds no cue-less
positive (0/7, 0/5); the nested cue-less threshold stays 0.5 in every fold.
The combiners squash cue-less quotes (regret's best cue-less positive gets
0.034 although the GoEmotions text score ranks two of them 2nd and 7th of
1,456). The news n-gram model's cue-less top 10 holds 3 regret positives, but
two are one quote printed in two BBC articles (a duplicate across groups), so
it finds 1 of 5 otherwise. At 7 and 5 positives the train CV cannot show a
gain worth one quote (about 0.03 F1), so nothing was shipped.

Result on 2026-12-07 (tone-10, after the rest round: every quote of the pool
labelled; train part 5,676 quotes in 1,032 article groups, 46 regret and 56
shock positives, of which 20 and 18 have no standing cue; 13 and 13 of those
are rest quotes): no variant finds a cue-less positive at 0.5 (0/20, 0/18).
F1 on the train part: baseline regret 0.584, shock 0.710; (a) the same, the
cue-less threshold stays 0.5 in every fold; (b) 0.584, 0.717 (one false
positive fewer, no positive more); (c) 0.584, 0.704; (d) 0.584, 0.710. The best
cue-less positive gets 0.05 (regret) and 0.05 (shock). Ranking of cue-less
quotes (AUC): regret, GoEmotions text score 0.764, news n-grams 0.753,
combiners 0.822; shock 0.595, 0.791, 0.599. At a base rate of about 0.4% no
learned score lifts a cue-less quote above 0.5 with precision; nothing was
shipped (the training's own cue-less input, (d), was not kept).

The folds are those of ``quotes train tone``: grouped by
:func:`quotes.training.tone.cv_groups` (copies of an article and articles that
print one quote share a fold). Besides the train part as a whole, each
variant is scored on its ``rest`` quotes (the second labelling round: every
quote of the pool without a candidate cue word, never read while the cue lists
were written), when it has some.

It builds the training's stack itself (features and text models from
``--cache`` when a training run with the same cue lists and code left them
there, else built and kept there, about 8 minutes)::

    python annotation/tone/build.py ../shared --train /tmp/tone-train.jsonl --dev /tmp/tone-dev.jsonl
    python tools/tone_cueless_cv.py --cache /tmp/tone-cache --train /tmp/tone-train.jsonl  # ~10 min on 2 busy cores
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# tools/ is on the path when this runs as a script
from tone_stack import combiner_probe, news_folds, news_stack  # noqa: E402
from quotes.training.tone import (  # noqa: E402
    CEILING_SMOOTHING, CEILINGS, TONES, _ceiling_columns, _scores,
    apply_ceilings, clone_heads_ceilings, combiner_weights, read_goemotions,
    read_news_files, fold_rows)
from quotes.tone.model import rule_fires  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="the --cache folder of training runs")
    parser.add_argument("--train", type=Path, required=True, help="the train part (annotation/tone/build.py)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--C", type=float, default=1.0, help="(b): the n-gram model's C")
    parser.add_argument("--article-folds", action="store_true",
                        help="group the folds by article alone (as before near-duplicate articles were joined)")
    options = parser.parse_args()
    started = time.time()
    stack, news_files, excluded = news_stack(options.shared, options.train, options.cache)
    pipeline, bases, scores = stack["pipeline"], stack["bases"], stack["scores"]
    names, lex_all, Y_all = stack["lexicon_names"], stack["lexicon"], stack["Y"]
    is_reddit, part = stack["is_reddit"], stack["from_split"]
    groups = np.asarray(stack["articles"] if options.article_folds else stack["groups"])
    n_train, n_lex = int(is_reddit.sum()), len(names)
    heads = pipeline.named_steps["heads"]
    news_texts, _, _ = read_news_files(news_files, excluded)
    y_news, lex_news, news_scores = Y_all[~is_reddit], lex_all[~is_reddit], scores[~is_reddit]
    rest = np.array([s == "rest" for s in stack["sample"]])
    is_news = (~is_reddit).astype(float)
    strata = y_news[:, 0] + 2 * y_news[:, 1]  # (the inner folds below stratify as news_folds does)
    folds = news_folds(y_news, groups)
    chosen = json.loads((ROOT / "models" / "tone.json").read_text(encoding="utf-8"))["settings"]["combiners"]
    standing = np.column_stack([rule_fires(lex_news, [names.index(n) for n in CEILINGS[t][1]]) for t in TONES])

    def report(label: str, p: np.ndarray) -> None:
        print(f"== {label} ({time.time() - started:.0f}s)")
        for k, tone in enumerate(TONES):
            for name, rows in (("train part", part), ("its rest quotes", part & rest)):
                if not rows.any():
                    continue
                y, found, cueless = y_news[rows, k] == 1, p[rows, k] >= 0.5, ~standing[rows, k]
                s = _scores(y_news[rows, k], p[rows, k])
                hits = int((found & cueless & y).sum())
                print(f"   {tone}, {name}: F1 {s['f1']:.3f} P {s['precision']:.3f} R {s['recall']:.3f} "
                      f"AP {s['average_precision']:.3f} | cue-less: {int((cueless & y).sum())} positives, "
                      f"{hits} found, {int((found & cueless).sum())} flagged")
        sys.stdout.flush()

    def cross_validate(extra=None, floors_and_ceilings: bool = True, cueless: bool | None = None) -> np.ndarray:
        settings = chosen if cueless is None else {t: {**chosen[t], "cueless": cueless} for t in TONES}
        weights = combiner_weights(Y_all, is_reddit, settings)
        probe = combiner_probe(heads, settings, names)
        out = np.zeros(y_news.shape)
        for fold, (train_idx, test_idx) in enumerate(folds):
            rows = fold_rows(is_reddit, train_idx)
            lex_fit, lex_test, model = lex_all, lex_news[test_idx], clone(probe)
            if extra is not None:
                fit_x, test_x, reddit_x = extra(train_idx, test_idx)
                column = np.zeros((len(Y_all), fit_x.shape[1]))
                column[is_reddit], column[n_train + train_idx] = reddit_x, fit_x
                lex_fit, lex_test = np.column_stack([lex_all, column]), np.column_stack([lex_test, test_x])
                added = list(range(n_lex, n_lex + fit_x.shape[1]))
                model.set_params(n_lexicon=n_lex + len(added),
                                 combiner_lexicon=[list(c) + added for c in probe.combiner_lexicon])
            fitted = model.fit_from_scores(bases, scores[rows], lex_fit[rows], Y_all[rows], weights[rows],
                                           is_news[rows])
            if not floors_and_ceilings:
                fitted.rules = [[] for _ in TONES]
            p = fitted.proba_from_scores(news_scores[test_idx], lex_test, "news")
            if floors_and_ceilings:
                ceilings = clone_heads_ceilings(heads, lex_news[train_idx], y_news[train_idx],
                                                _ceiling_columns(names), CEILING_SMOOTHING)
                p = apply_ceilings(p, lex_news[test_idx], ceilings)
            out[test_idx] = p
        return out

    p_base = cross_validate()
    report("baseline: the shipped design", p_base)
    p_raw = cross_validate(floors_and_ceilings=False)
    report("combiners alone (no floors, no ceilings)", p_raw)
    for k, tone in enumerate(TONES):
        positives = part & ~standing[:, k] & (y_news[:, k] == 1)
        print(f"   {tone} cue-less positives, CV p: {np.round(np.sort(p_base[positives, k])[::-1], 3).tolist()},"
              f" combiners alone: {np.round(np.sort(p_raw[positives, k])[::-1], 3).tolist()}")

    # (a) a cue-less threshold chosen on the other folds' quotes
    p_a, thresholds = p_base.copy(), {t: [] for t in TONES}
    for train_idx, test_idx in folds:
        fit = np.zeros(len(y_news), bool)
        fit[train_idx] = True
        fit &= part
        for k, tone in enumerate(TONES):
            def f1_at(th, k=k, fit=fit):
                pred = np.where(standing[fit, k], p_base[fit, k] >= 0.5, p_base[fit, k] >= th)
                return 2 * (pred & (y_news[fit, k] == 1)).sum() / max(1, pred.sum() + y_news[fit, k].sum())
            th = max(np.arange(0.05, 0.55, 0.05)[::-1], key=f1_at)
            thresholds[tone].append(round(float(th), 2))
            rows = test_idx[~standing[test_idx, k]]
            p_a[rows, k] = np.where(p_base[rows, k] >= th, np.maximum(p_base[rows, k], 0.5),
                                    np.minimum(p_base[rows, k], 0.49))
    report(f"(a) cue-less threshold chosen on the other folds {thresholds}", p_a)

    # (b) a news n-gram model as a combiner input, fitted inside each fold
    features = pipeline.named_steps["features"]
    label_names = [n.strip() for n in (options.shared / "data" / "emotions" / "emotions.txt")
                   .read_text(encoding="utf-8").splitlines() if n.strip()]
    reddit_texts, _ = read_goemotions(options.shared / "data" / "emotions" / "goemotions-train.tsv", label_names)
    XN = features.transform(news_texts).tocsr()
    XN = XN[:, :XN.shape[1] - n_lex]
    XR = features.transform(reddit_texts).tocsr()
    XR = XR[:, :XR.shape[1] - n_lex]

    def ngram_model():
        return LogisticRegression(C=options.C, class_weight="balanced", max_iter=3000)

    def ngram_extra(train_idx, test_idx):
        fit_x = np.zeros((len(train_idx), len(TONES)))
        inner = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=1)
        for a, b in inner.split(np.zeros(len(train_idx)), strata[train_idx], groups[train_idx]):
            for k in range(len(TONES)):
                fit_x[b, k] = ngram_model().fit(XN[train_idx[a]], y_news[train_idx[a], k]).decision_function(
                    XN[train_idx[b]])
        test_x, reddit_x = np.zeros((len(test_idx), len(TONES))), np.zeros((XR.shape[0], len(TONES)))
        for k in range(len(TONES)):
            model = ngram_model().fit(XN[train_idx], y_news[train_idx, k])
            test_x[:, k], reddit_x[:, k] = model.decision_function(XN[test_idx]), model.decision_function(XR)
        return fit_x, test_x, reddit_x

    report(f"(b) + news n-gram model (C={options.C}) as combiner inputs", cross_validate(ngram_extra))

    # (c) clause features from a general lexicon
    def clause(lex):
        first = (lex[:, names.index("first_person")] > 0).astype(float)
        return np.column_stack([first * lex[:, names.index("vader_neg")],
                                first * np.abs(lex[:, names.index("vader_compound")]),
                                first * lex[:, names.index("pattern_subjectivity")]])

    p_c = cross_validate(lambda tr, te: (clause(lex_news[tr]), clause(lex_news[te]), clause(lex_all[is_reddit])))
    report("(c) + first person x general affect (VADER neg, |compound|, subjectivity)", p_c)

    # (d) the training's cue-less score input (quotes.tone.model.stack_inputs), on and off for both tones
    shipped = {t: bool(chosen[t].get("cueless")) for t in TONES}
    for flag in (True, False):
        if any(shipped[t] != flag for t in TONES):
            report(f"(d) cue-less text score input {'on' if flag else 'off'} for both tones (shipped: {shipped})",
                   cross_validate(cueless=flag))

    # How well each learned score ranks the cue-less quotes (out of fold)
    ngram_oof = np.zeros(y_news.shape)
    for train_idx, test_idx in folds:
        for k in range(len(TONES)):
            ngram_oof[test_idx, k] = ngram_model().fit(XN[train_idx], y_news[train_idx, k]).decision_function(
                XN[test_idx])
    for k, tone in enumerate(TONES):
        rows = part & ~standing[:, k]
        y = y_news[rows, k]
        print(f"== {tone}: cue-less ranking ({int(rows.sum())} quotes, {int(y.sum())} positives)")
        for label, s in (("GoEmotions text score", news_scores[:, k]), ("news n-gram, out of fold", ngram_oof[:, k]),
                         ("combiners alone", p_raw[:, k]), ("combiners + clause", p_c[:, k])):
            top = int(y[np.argsort(-s[rows])[:10]].sum())
            print(f"   {label}: AUC {roc_auc_score(y, s[rows]):.3f} AP {average_precision_score(y, s[rows]):.3f}"
                  f" positives in the top 10: {top}")


if __name__ == "__main__":
    main()

"""Does meaning beyond the cue words help the tone combiners? Word vectors distilled
from a sentence encoder, against the shipped design (issue #16; not shipped).

The vectors (``tools/tone_vectors.py``: all-MiniLM-L6-v2 applied to each word of
a 18,734-word vocabulary alone, PCA to 128 dimensions, float16, 4.5 MB) give a
text the SIF-weighted mean of its words' vectors. A logistic regression per tone
on that vector (standardised, C 0.1, the text models' positive weights 16 and
8) becomes one more input of that tone's combiner (beside its own cue columns;
the rule floors and ceilings stay). Its GoEmotions rows get out-of-fold scores
(5 folds), like the text models'. The combiners' CV is ``quotes train tone``'s:
5 folds grouped by article over the news quotes, F1 at 0.5 on the project's
train part, each tone's C / news weight / news positive weight chosen from
``COMBINER_GRID`` on the seed-0 folds, then the chosen settings scored on the
folds of seeds 0-4 (the spread over seeds is the noise). The dev part is never
read. Variants:

- ``base``: the shipped inputs;
- ``wv-go``: the vector model learnt from GoEmotions train;
- ``wv-go+news``: learnt from GoEmotions train and the fold's news training
  quotes (weight 10; their own scores out of fold by an inner 3-fold split);
- ``st-go``, ``st-go+news``: the same on the full MiniLM sentence embedding of
  each text (384 dimensions), the upper bound of the distillation.

Result on 2026-12-07 (tone-19; train part 5,692 quotes, 46 regret and 56 shock
positives; F1 at 0.5 mean ± sd over the 5 seeds, average precision mean):

| combiner inputs, all 43,410 GoEmotions train rows | regret F1 | regret AP | shock F1 | shock AP |
|---|---|---|---|---|
| shipped | 0.659 ± 0.000 | 0.490 | 0.746 ± 0.011 | 0.637 |
| + word-vector score (GoEmotions) | 0.659 ± 0.000 | 0.481 | 0.750 ± 0.011 | 0.634 |

The sentence encoder is too slow here to embed all 43,410 comments (16 min for
5,898), so the upper bound compares on a subsample: the combiners see every
GoEmotions positive (1,898) and 4,000 negatives weighted 10.38 (their share),
and the vector models learn from the same rows:

| combiner inputs, GoEmotions subsample (5,898 rows) | regret F1 | regret AP | shock F1 | shock AP |
|---|---|---|---|---|
| shipped | 0.659 ± 0.000 | 0.476 | 0.746 ± 0.010 | 0.641 |
| + word-vector score (GoEmotions) | 0.659 ± 0.000 | 0.467 | 0.749 ± 0.009 | 0.624 |
| + MiniLM sentence-embedding score (GoEmotions), upper bound | 0.659 ± 0.000 | 0.477 | 0.741 ± 0.005 | 0.684 |

Per seed, shock F1: shipped 0.748, 0.748, 0.755, 0.727, 0.752; word vectors
0.746, 0.752, 0.759, 0.734, 0.752; sentence embeddings 0.736, 0.743, 0.743,
0.748, 0.736. The full sentence embedding ranks shock better (AP +0.043) but
moves no quote across 0.5 for the better; the distilled word vectors keep none
of that gain (AP -0.017). The ``+news`` variants were not run to the end (CPU).

Why, measured on the train part with vector models fitted on GoEmotions train
(``wv`` on all of it, ``st`` on the subsample), average precision (AUC) of the
score alone (``--diagnose``):

| score | regret | shock | regret, no standing cue (17 positives in 5,634) | shock, no standing cue (18 in 5,629) |
|---|---|---|---|---|
| n-gram text model (shipped) | 0.363 (0.899) | 0.571 (0.867) | 0.035 (0.743) | 0.018 (0.631) |
| word vectors | 0.037 (0.778) | 0.041 (0.753) | 0.009 (0.703) | 0.007 (0.748) |
| sentence embeddings | 0.157 (0.843) | 0.261 (0.854) | 0.046 (0.829) | 0.027 (0.848) |

The positives with no cue word are one quote in 300; a score would need
precision above one half on them to count at 0.5, and even the full encoder
is at a few percent.

Regret at 0.5 is the rule floors' in every variant (the same F1 for every seed,
as ``tools/tone_word_cv.py`` found for a news word model): no extra input lifts
a cue-less quote over one half. Shock's seed-paired differences, wv-go minus
shipped: -0.007, -0.007, +0.026, +0.007, 0.000 (mean +0.004, inside the seeds'
spread of 0.011), and average precision falls a little for both tones. The
word-vector model alone scores GoEmotions dev at average precision 0.269
(regret) and 0.137 (shock). Nothing to ship: main's model stays.

Run times (2 shared cores under a load of 9 to 17): the word vectors 4 min to
build (18,734 words); the sentence embeddings of the 5,706 news quotes 8 min
and of a GoEmotions subsample of 5,898 comments 16 min (which is why the
sentence upper bound uses the subsample); the CV about 14 min a variant on all
GoEmotions rows, about 20 min on the subsample (the same load). A quote's
SIF vector costs 16.5 us of CPU (5,706 quotes in 0.094 s), so speed was no obstacle.

    python annotation/tone/build.py ../shared --train /tmp/tone-train.jsonl --dev /tmp/tone-dev.jsonl
    HF_HUB_OFFLINE=1 PYTHONPATH=. /work/venv-embed/bin/python tools/tone_vectors.py ../shared --out /tmp/tv
    PYTHONPATH=.:tools python tools/tone_vectors_cv.py --cache /tmp/tone-cache --train /tmp/tone-train.jsonl \\
        --vectors /tmp/tv/tone-vectors.npz --variants base wv-go
    # the subsample and the sentence embeddings (texts written by --write-texts, embedded in the
    # encoder's environment):
    PYTHONPATH=.:tools python tools/tone_vectors_cv.py ... --subsample /tmp/tv --write-texts /tmp/tv/texts.json
    HF_HUB_OFFLINE=1 PYTHONPATH=. /work/venv-embed/bin/python tools/tone_vectors.py ../shared --out /tmp/tv \\
        --embed-texts /tmp/tv/texts.json
    PYTHONPATH=.:tools python tools/tone_vectors_cv.py ... --subsample /tmp/tv --variants base wv-go st-go
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler
from tone_stack import ROOT, news_stack

from quotes.training import tone as T
from quotes.training.tone_features import TONES

VECTOR_C = 0.1
# The text models' positive weights (BASE_SETTINGS), for the vector models too.
POSITIVE_WEIGHT = {t: T.BASE_SETTINGS[t]["positive_weight"] for t in TONES}
NEWS_WEIGHT = 10.0
SUBSAMPLE_NEGATIVES = 4000


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Experiment:
    """The training stack and the combiner CV with optional extra columns."""

    def __init__(self, shared: Path, train: Path, cache: Path, subsample: Path | None) -> None:
        stack, news_files, excluded = news_stack(shared, train, cache)
        emotions = shared / "data" / "emotions"
        labels = [n.strip() for n in (emotions / "emotions.txt").read_text(encoding="utf-8").split("\n") if n.strip()]
        self.go_texts, self.y_go = T.read_goemotions(emotions / "goemotions-train.tsv", labels)
        self.news_texts, y_check, _ = T.read_news_files(news_files, excluded)
        assert (np.vstack([self.y_go, y_check]) == stack["Y"]).all()
        self.scores, self.lex, self.Y = stack["scores"], stack["lexicon"], stack["Y"]
        self.is_reddit, self.groups, self.part = stack["is_reddit"], stack["groups"], stack["from_split"]
        self.names = stack["lexicon_names"]
        self.bases, self.heads = stack["bases"], stack["pipeline"].named_steps["heads"]
        self.n_go = int(self.is_reddit.sum())
        self.y_news = self.Y[~self.is_reddit]
        self.own = T.own_lexicon(self.names)
        # The combiners' GoEmotions rows: all, or a subsample (every positive and
        # SUBSAMPLE_NEGATIVES negatives, weighted back to their share).
        self.keep = np.ones(len(self.Y), bool)
        self.sample_weight = np.ones(len(self.Y))
        self.go_index = np.arange(self.n_go)
        if subsample is not None:
            index_file = subsample / "go_index.npy"
            if not index_file.exists():
                positive = np.flatnonzero(self.y_go.any(axis=1))
                negative = np.flatnonzero(~self.y_go.any(axis=1))
                chosen = np.random.default_rng(0).choice(negative, SUBSAMPLE_NEGATIVES, replace=False)
                np.save(index_file, np.sort(np.r_[positive, chosen]))
            self.go_index = np.load(index_file)
            self.keep[:self.n_go] = False
            self.keep[self.go_index] = True
            negatives = ~self.y_go.any(axis=1)
            rate = self.keep[:self.n_go][negatives].mean()
            self.sample_weight[:self.n_go][negatives] = 1 / rate
            say(f"subsample: {len(self.go_index)} GoEmotions rows, negatives weighted {1 / rate:.2f}")

    def cross_validate(self, settings, extra, folds) -> np.ndarray:
        """``train_tone``'s CV; ``extra(train_idx)`` gives ``(rows, 2)`` columns, one more input per tone."""
        weights = T.combiner_weights(self.Y, self.is_reddit, settings) * self.sample_weight[:, None]
        n_lex = len(self.names)
        lex_news, news_scores, is_news = self.lex[~self.is_reddit], self.scores[~self.is_reddit], (~self.is_reddit) * 1.0
        out = np.zeros(self.y_news.shape)
        for train_idx, test_idx in folds:
            probe = T.combiner_probe(self.heads, settings, self.names)
            lex = self.lex
            if extra is not None:
                lex = np.column_stack([self.lex, extra(train_idx)])
                probe.set_params(n_lexicon=n_lex + 2,
                                 combiner_lexicon=[self.own[0] + [n_lex], self.own[1] + [n_lex + 1]])
            rows = T.fold_rows(self.is_reddit, train_idx) & self.keep
            fitted = clone(probe).fit_from_scores(self.bases, self.scores[rows], lex[rows], self.Y[rows],
                                                  weights[rows], is_news[rows])
            ceilings = T.clone_heads_ceilings(self.heads, lex_news[train_idx], self.y_news[train_idx],
                                              T._ceiling_columns(self.names), T.CEILING_SMOOTHING)
            p = fitted.proba_from_scores(news_scores[test_idx], lex[~self.is_reddit][test_idx], "news")
            out[test_idx] = T.apply_ceilings(p, lex_news[test_idx], ceilings)
        return out

    def run(self, name, extra, seeds) -> dict:
        """Choose each tone's grid point on the seed-0 folds, then score it on every seed's folds."""
        started = time.time()
        grid = [dict(zip(T.COMBINER_GRID, v)) for v in itertools.product(*T.COMBINER_GRID.values())]

        def settings_of(point, tone):
            return {"C": point["C"], "news_weight": point["news_weight"],
                    "positive_weight": {"social": T.COMBINER_SETTINGS[tone]["positive_weight"]["social"],
                                        "news": point["news_positive_weight"]}}
        folds0 = T.news_folds(self.y_news, self.groups, 0)
        tried = {t: [] for t in TONES}
        for point in grid:
            p = self.cross_validate({t: settings_of(point, t) for t in TONES}, extra, folds0)
            for k, t in enumerate(TONES):
                f1 = T._scores(self.y_news[self.part, k], p[self.part, k])["f1"]
                tried[t].append(((f1, -point["news_weight"], -point["C"]), point))
        chosen = {t: settings_of(max(tried[t], key=lambda s: s[0])[1], t) for t in TONES}
        result = {"chosen": chosen}
        per_seed = {}
        for seed in seeds:
            p = self.cross_validate(chosen, extra, T.news_folds(self.y_news, self.groups, seed))
            per_seed[seed] = {t: T._scores(self.y_news[self.part, k], p[self.part, k]) for k, t in enumerate(TONES)}
        for t in TONES:
            f1 = [per_seed[s][t]["f1"] for s in seeds]
            ap = [per_seed[s][t]["average_precision"] for s in seeds]
            result[t] = {"f1_mean": round(float(np.mean(f1)), 4), "f1_sd": round(float(np.std(f1)), 4), "f1": f1,
                         "ap_mean": round(float(np.mean(ap)), 4), "ap": ap}
        say(f"{name}: " + "; ".join(f"{t} F1 {result[t]['f1_mean']:.3f} ± {result[t]['f1_sd']:.3f} {result[t]['f1']}"
                                    f" AP {result[t]['ap_mean']:.3f}" for t in TONES)
            + f" ({time.time() - started:.0f}s)")
        return result

    def vector_columns(self, V_go, V_news, with_news: bool):
        """The extra columns of a vector model: ``extra(train_idx)`` for :meth:`cross_validate`.

        ``V_go`` holds the vectors of the combiners' GoEmotions rows (all, or the subsample's)."""
        scaler = StandardScaler().fit(V_go)
        A_go, A_news = scaler.transform(V_go), scaler.transform(V_news)
        y_go, w_go = self.y_go[self.go_index], self.sample_weight[self.go_index]
        go_scores = np.zeros((self.n_go, 2))
        news_scores = np.zeros((len(A_news), 2))
        for k, t in enumerate(TONES):
            w = np.where(y_go[:, k] == 1, POSITIVE_WEIGHT[t], 1.0) * w_go
            for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(A_go, y_go[:, k]):
                model = LogisticRegression(C=VECTOR_C, max_iter=2000).fit(A_go[train], y_go[train, k], sample_weight=w[train])
                go_scores[self.go_index[test], k] = model.decision_function(A_go[test])
            model = LogisticRegression(C=VECTOR_C, max_iter=2000).fit(A_go, y_go[:, k], sample_weight=w)
            news_scores[:, k] = model.decision_function(A_news)
        fixed = np.vstack([go_scores, news_scores])
        if not with_news:
            return lambda train_idx: fixed
        memo: dict[bytes, np.ndarray] = {}

        def fit(k, news_rows):
            t = TONES[k]
            X = np.vstack([A_go, A_news[news_rows]])
            y = np.r_[y_go[:, k], self.y_news[news_rows, k]]
            w = np.r_[np.where(y_go[:, k] == 1, POSITIVE_WEIGHT[t], 1.0) * w_go, np.full(len(news_rows), NEWS_WEIGHT)]
            return LogisticRegression(C=VECTOR_C, max_iter=2000).fit(X, y, sample_weight=w)

        def extra(train_idx):
            key = train_idx.tobytes()
            if key not in memo:
                columns = fixed.copy()
                for k in range(len(TONES)):
                    scored = fit(k, train_idx).decision_function(A_news)
                    # the fold's own training quotes: out of fold by an inner split
                    for inner_train, inner_test in StratifiedKFold(3, shuffle=True, random_state=0).split(
                            train_idx, self.y_news[train_idx, k]):
                        scored[train_idx[inner_test]] = fit(k, train_idx[inner_train]).decision_function(
                            A_news[train_idx[inner_test]])
                    columns[self.n_go:, k] = scored
                memo[key] = columns
            return memo[key]
        return extra


def diagnose(experiment: Experiment, options) -> None:
    """Average precision and AUC of the text models' and the vector models' scores alone on the
    train part, and on its quotes with no standing cue (no rule floor), per tone."""
    from sklearn.metrics import average_precision_score, roc_auc_score

    e = experiment
    part = e.part
    lex = e.lex[~e.is_reddit][part]
    sources = {"text model": e.scores[~e.is_reddit][part]}
    for kind in ("wv", "st"):
        if kind == "wv" and options.vectors is not None:
            from tone_vectors import WordVectors

            vectors = WordVectors(options.vectors)
            V_go, V_news = vectors.transform([e.go_texts[i] for i in e.go_index]), vectors.transform(e.news_texts)
        elif kind == "st" and options.subsample is not None and (options.subsample / "st_go.npy").exists():
            V_go, V_news = np.load(options.subsample / "st_go.npy"), np.load(options.subsample / "st_news.npy")
        else:
            continue
        columns = e.vector_columns(V_go, V_news, False)(np.arange(0))
        sources[kind] = columns[e.n_go:][part]
    for k, tone in enumerate(TONES):
        y = e.y_news[part, k]
        quiet = ~T.rule_fires(lex, [e.names.index(n) for n in T.RULES[tone]])
        for name, scores in sources.items():
            s = scores[:, k]
            print(f"{tone} {name}: AP {average_precision_score(y, s):.3f} (AUC {roc_auc_score(y, s):.3f}); "
                  f"no standing cue ({int(y[quiet].sum())} positives in {int(quiet.sum())}): "
                  f"AP {average_precision_score(y[quiet], s[quiet]):.3f} (AUC {roc_auc_score(y[quiet], s[quiet]):.3f})")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--train", type=Path, required=True, help="the train part (annotation/tone/build.py)")
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--vectors", type=Path, help="tools/tone_vectors.py's tone-vectors.npz")
    parser.add_argument("--subsample", type=Path, default=None,
                        help="a folder: the combiners see a GoEmotions subsample (its index is kept there), "
                             "and the sentence embeddings st_go.npy (of the subsample) and st_news.npy are read there")
    parser.add_argument("--write-texts", type=Path, default=None,
                        help="write the texts to embed (the subsample's and the news quotes') as JSON and stop")
    parser.add_argument("--variants", nargs="+", default=["base", "wv-go"],
                        choices=["base", "wv-go", "wv-go+news", "st-go", "st-go+news"])
    parser.add_argument("--seeds", nargs="+", type=int, default=[0, 1, 2, 3, 4])
    parser.add_argument("--diagnose", action="store_true",
                        help="instead: how each vector model's score alone ranks the train part's positives")
    options = parser.parse_args(argv)
    experiment = Experiment(options.shared, options.train, options.cache, options.subsample)
    if options.write_texts is not None:
        options.write_texts.write_text(json.dumps({"go": [experiment.go_texts[i] for i in experiment.go_index],
                                                   "news": experiment.news_texts}), encoding="utf-8")
        return
    if options.diagnose:
        diagnose(experiment, options)
        return
    results = {}
    for variant in options.variants:
        extra = None
        if variant != "base":
            if variant.startswith("wv"):
                from tone_vectors import WordVectors

                vectors = WordVectors(options.vectors)
                V_go = vectors.transform([experiment.go_texts[i] for i in experiment.go_index])
                V_news = vectors.transform(experiment.news_texts)
            else:
                V_go = np.load(options.subsample / "st_go.npy")
                V_news = np.load(options.subsample / "st_news.npy")
            extra = experiment.vector_columns(V_go, V_news, variant.endswith("+news"))
        results[variant] = experiment.run(variant, extra, options.seeds)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()

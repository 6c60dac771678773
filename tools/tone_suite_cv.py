"""Leave-one-suite-out CV: do the blind probe suites help as training rows of the tone models?

Issue #16. The blind CheckList suites (tests/data/blind-probes-2.jsonl to -12.jsonl,
each row one sentence labelled 0/1 for one tone) are added as rows of the tone
combiners (the logistic regressions over both text scores and the lexicon
columns, :class:`quotes.training.tone_features.ToneHeads`), in the news domain,
each with weight ``w`` in its own tone's combiner and 0 in the other's (a row
says nothing of the other tone). The text models (GoEmotions n-grams) are not
refitted: they stay as :func:`quotes.training.tone.prepare_stack` builds them.
The rule floors and the ceilings are measured, as in training, on the news
quotes only (a suite is no sample of news: its share of positives is no
precision).

For each weight (0 = the procedure without any suite, the baseline) it prints:

- leave-one-suite-out: for each suite k, the combiners are fitted on GoEmotions
  train + every news quote + every suite but k, and suite k is scored (share
  right at 0.5, per tone and all);
- the news train CV: 5 folds grouped by article (those of training), every
  suite in each fold's fitting rows, F1 at 0.5 on the project's train part;
- GoEmotions dev F1 (domain "social"), fitted on every row.

``--where text-models`` puts the suite rows in the text models instead (GoEmotions
train + every suite but k, refitted per held-out suite; each suite row weighs
``w`` GoEmotions rows whatever its class), the combiners then fitted as without
suites (an approximation: GoEmotions train keeps the out-of-fold scores of the
GoEmotions-only text models). ``--no-floors-or-ceilings`` turns the rule floors
and the ceilings off, so the combiners alone (with the suites) decide what each
reading of a cue means.

With ``--dev``, also the news dev part's F1 under the combiners fitted on every
row, for each weight given (pass only the chosen one, once, at the end). The combiner settings are the
shipped card's (``settings.combiners``); the grid is not rerun.

Findings (2026-12-07, tone-27 lexicon, shipped card's combiner settings; LOSO =
mean share right over suites 2-12; news train CV F1 regret/shock; GoEmotions dev F1):

- no suite (baseline): LOSO 0.9828; news CV 0.713/0.811; GoEmotions dev 0.699/0.561.
- suites in the combiners, w = 1, 3, 10, 30: LOSO 0.9828 at every weight (no
  held-out row changes side); news CV shock 0.811 -> 0.800 (w 1-10), regret
  0.713 -> 0.697 at w 30. 53 of the baseline's 81 errors sit under a rule floor
  or a ceiling, which the combiners cannot move; even in sample (w 10) 81 -> 80.
- the same without floors or ceilings: LOSO 0.929 (w 0) -> 0.983 (w 3-30): the
  suites teach the combiners what the floors and ceilings state, no more; news
  CV regret 0.683-0.691 (< 0.713).
- suites in the text models, w 3: LOSO 0.9828 (unchanged), news CV shock 0.819,
  GoEmotions dev regret 0.699 -> 0.626. Yet the text model alone, trained on the
  other suites, ranks a held-out suite (5) at AUC 0.994 (GoEmotions-only: 0.714)
  and its sign alone gets 0.976 of it right (the whole stack: 0.976): the
  combiners, fitted on news and Reddit, give its score too little weight to use it.

Usage (the two parts from annotation/tone/build.py; the text models are cached)::

    PYTHONPATH=. python tools/tone_suite_cv.py --news /tmp/tone-train.jsonl \\
        --news /work/shared/data/tone/news-quotes-dev.jsonl \\
        --emotions /work/shared/data/emotions --cache /tmp/tone-cache --weights 0 1 3 10 [--dev /tmp/tone-dev.jsonl]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import clone

from quotes.training.tone import (
    CEILING_SMOOTHING,
    HELDOUT_DOCS,
    TONES,
    _ceiling_columns,
    _scores,
    apply_ceilings,
    clone_heads_ceilings,
    combiner_probe,
    combiner_weights,
    lexicon_block_of,
    news_folds,
    prepare_stack,
    read_doc_list,
    read_goemotions,
    read_news,
    read_news_files,
    split_docs,
)
from quotes.tone.model import rule_fires

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
SUITES = [f"blind-probes-{k}.jsonl" for k in range(2, 13)]


def read_suite(path: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """A suite's texts, ``(n, 2)`` labels (0 in the tone a row does not label) and ``(n, 2)``
    masks (1 in the column of the tone it labels)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    y = np.zeros((len(rows), len(TONES)), dtype=int)
    mask = np.zeros((len(rows), len(TONES)))
    for i, row in enumerate(rows):
        k = TONES.index(row["tone"])
        y[i, k], mask[i, k] = int(row["expected"]), 1.0
    return [row["text"] for row in rows], y, mask


def suite_block(stack: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """Every suite's text scores, lexicon columns, labels, masks and suite index."""
    features = stack["pipeline"].named_steps["features"]
    texts, ys, masks, which = [], [], [], []
    for k, name in enumerate(names):
        t, y, m = read_suite(DATA / name)
        texts += t
        ys.append(y)
        masks.append(m)
        which += [k] * len(t)
    X = features.transform(texts)
    scores = np.column_stack([b.decision_function(X) for b in stack["bases"]])
    return {"scores": scores, "lexicon": lexicon_block_of(X, len(stack["lexicon_names"])),
            "y": np.vstack(ys), "mask": np.vstack(masks), "suite": np.asarray(which)}


# Whether the rule floors and the news ceilings apply (--no-floors-or-ceilings turns them off,
# so that the combiners alone decide what each reading of a cue means).
FLOORS_AND_CEILINGS = True


def fit_predict(stack, settings, weight, base_rows, suite_rows, suites, evals):
    """Fit the combiners on ``base_rows`` of the stack and ``suite_rows`` of the suites (weight
    ``weight``), floors and ceilings measured on the news rows among ``base_rows``; return the
    probabilities of each ``(scores, lexicon, domain)`` of ``evals``."""
    heads = stack["pipeline"].named_steps["heads"]
    names = stack["lexicon_names"]
    is_reddit = stack["is_reddit"]
    w_base = combiner_weights(stack["Y"], is_reddit, settings)[base_rows]
    S = np.vstack([stack["scores"][base_rows], suites["scores"][suite_rows]])
    L = np.vstack([stack["lexicon"][base_rows], suites["lexicon"][suite_rows]])
    Y = np.vstack([stack["Y"][base_rows], suites["y"][suite_rows]])
    W = np.vstack([w_base, weight * suites["mask"][suite_rows]])
    is_news = np.r_[(~is_reddit[base_rows]).astype(float), np.ones(int(suite_rows.sum()))]
    probe = combiner_probe(heads, settings, names)
    fitted = clone(probe).fit_from_scores(stack["bases"], S, L, Y, W, is_news)
    # The rule floors' precision: on the GoEmotions and news rows only.
    lex_b, y_b, news_b = stack["lexicon"][base_rows], stack["Y"][base_rows], ~is_reddit[base_rows]
    fitted.rule_precision_ = []
    for k, rule in enumerate(fitted.rules):
        fires = rule_fires(lex_b, rule)
        fitted.rule_precision_.append({d: float(y_b[fires & rows, k].mean()) if (fires & rows).any() else 0.0
                                       for d, rows in (("social", ~news_b), ("news", news_b))})
    ceilings = clone_heads_ceilings(heads, lex_b[news_b], y_b[news_b], _ceiling_columns(names), CEILING_SMOOTHING)
    if not FLOORS_AND_CEILINGS:
        fitted.rules = [[] for _ in TONES]
    out = []
    for scores, lexicon, domain in evals:
        p = fitted.proba_from_scores(scores, lexicon, domain)
        out.append(apply_ceilings(p, lexicon, ceilings) if domain == "news" and FLOORS_AND_CEILINGS else p)
    return out


def right_share(suites, rows, p) -> dict[str, float]:
    """Share right at 0.5 of the suite rows ``rows``, per tone and all."""
    y, mask = suites["y"][rows], suites["mask"][rows].astype(bool)
    ok = ((p >= 0.5) == (y == 1))[mask]  # one entry a row, in row order
    tone = np.argmax(mask, axis=1)
    return {"all": round(float(ok.mean()), 4), "n": int(len(ok)),
            **{t: round(float(ok[tone == k].mean()), 4) for k, t in enumerate(TONES)}}


def evaluate(stack, suites, settings, weight, part, folds, held_out=SUITES) -> dict[str, Any]:
    n = len(stack["Y"])
    everything = np.ones(n, bool)
    news_idx = np.flatnonzero(~stack["is_reddit"])
    result: dict[str, Any] = {"weight": weight, "loso": {}}
    for k, name in enumerate(SUITES):
        if name not in held_out:
            continue
        test = suites["suite"] == k
        (p,) = fit_predict(stack, settings, weight, everything, ~test, suites,
                           [(suites["scores"][test], suites["lexicon"][test], "news")])
        result["loso"][name] = right_share(suites, test, p)
    shares = [v["all"] for v in result["loso"].values()]
    result["loso_mean"] = round(float(np.mean(shares)), 4)
    # news train CV, every suite in each fold's fitting rows
    y_news = stack["Y"][news_idx]
    p_cv = np.zeros(y_news.shape)
    all_suites = np.ones(len(suites["y"]), bool)
    for train_idx, test_idx in folds:
        rows = stack["is_reddit"].copy()
        rows[news_idx[train_idx]] = True
        (p_cv[test_idx],) = fit_predict(stack, settings, weight, rows, all_suites, suites,
                                        [(stack["scores"][news_idx[test_idx]], stack["lexicon"][news_idx[test_idx]],
                                          "news")])
    result["news_train_cv"] = {t: _scores(y_news[part, k], p_cv[part, k])["f1"] for k, t in enumerate(TONES)}
    (p_ge,) = fit_predict(stack, settings, weight, everything, all_suites, suites,
                          [(stack["dev_scores"], stack["dev_lexicon"], "social")])
    result["goemotions_dev"] = {t: _scores(stack["y_dev"][:, k], p_ge[:, k])["f1"] for k, t in enumerate(TONES)}
    return result


def base_scores(stack, suites, ge_X, weight, texts_X, held_out: int | None, extra) -> dict[str, np.ndarray]:
    """Text scores from text models refitted on GoEmotions train + the suite rows of their
    tone (all but suite ``held_out``), each suite row weighing ``weight`` GoEmotions rows
    whatever its class (the text models' positive class weight is divided out).

    Returns:
        ``{name: (n, 2) scores}`` for the suite rows (``"suites"``) and each ``extra`` matrix.
    """
    templates = stack["pipeline"].named_steps["heads"].bases
    out = {"suites": np.zeros((texts_X.shape[0], len(TONES))), **{n: np.zeros((m.shape[0], len(TONES)))
                                                                    for n, m in extra.items()}}
    y_ge = stack["Y"][stack["is_reddit"]]
    for k, template in enumerate(templates):
        rows = suites["mask"][:, k].astype(bool)
        if held_out is not None:
            rows &= suites["suite"] != held_out
        X = sp.vstack([ge_X, texts_X[rows]]).tocsr()
        y = np.r_[y_ge[:, k], suites["y"][rows, k]]
        positive_weight = template.named_steps["lr"].class_weight[1]
        w = np.r_[np.ones(ge_X.shape[0]), np.where(suites["y"][rows, k] == 1, weight / positive_weight, weight)]
        model = clone(template).fit(X, y, lr__sample_weight=w)
        out["suites"][:, k] = model.decision_function(texts_X)
        for name, m in extra.items():
            out[name][:, k] = model.decision_function(m)
    return out


def evaluate_text_models(stack, suites, settings, weight, part, folds, ge_X, suite_X, news_X, say) -> dict[str, Any]:
    """As :func:`evaluate`, with the suites as rows of the text models (not of the combiners)."""
    n = len(stack["Y"])
    everything = np.ones(n, bool)
    no_suites = np.zeros(len(suites["y"]), bool)
    news_idx = np.flatnonzero(~stack["is_reddit"])
    dev_X = stack["dev_X"]
    result: dict[str, Any] = {"weight": weight, "where": "text models", "loso": {}}

    def with_scores(news_scores):
        s = dict(stack)
        s["scores"] = stack["scores"].copy()
        s["scores"][news_idx] = news_scores
        return s

    for k, name in enumerate(SUITES):
        test = suites["suite"] == k
        sc = base_scores(stack, suites, ge_X, weight, suite_X, k, {"news": news_X})
        (p,) = fit_predict(with_scores(sc["news"]), settings, 0.0, everything, no_suites, suites,
                           [(sc["suites"][test], suites["lexicon"][test], "news")])
        result["loso"][name] = right_share(suites, test, p)
        say(f"  w={weight} {name}: {result['loso'][name]}")
    result["loso_mean"] = round(float(np.mean([v["all"] for v in result["loso"].values()])), 4)
    sc = base_scores(stack, suites, ge_X, weight, suite_X, None, {"news": news_X, "dev": dev_X})
    s = with_scores(sc["news"])
    y_news = stack["Y"][news_idx]
    p_cv = np.zeros(y_news.shape)
    for train_idx, test_idx in folds:
        rows = stack["is_reddit"].copy()
        rows[news_idx[train_idx]] = True
        (p_cv[test_idx],) = fit_predict(s, settings, 0.0, rows, no_suites, suites,
                                        [(sc["news"][test_idx], stack["lexicon"][news_idx[test_idx]], "news")])
    result["news_train_cv"] = {t: _scores(y_news[part, k], p_cv[part, k])["f1"] for k, t in enumerate(TONES)}
    (p_ge,) = fit_predict(s, settings, 0.0, everything, no_suites, suites,
                          [(sc["dev"], stack["dev_lexicon"], "social")])
    result["goemotions_dev"] = {t: _scores(stack["y_dev"][:, k], p_ge[:, k])["f1"] for k, t in enumerate(TONES)}
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--news", type=Path, action="append", required=True)
    parser.add_argument("--emotions", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--weights", type=float, nargs="+", default=[0.0, 1.0, 3.0, 10.0])
    parser.add_argument("--dev", type=Path, default=None, help="the news dev part: scored once, at the end")
    parser.add_argument("--card", type=Path, default=REPO / "models" / "tone.json")
    parser.add_argument("--where", choices=("combiners", "text-models"), default="combiners",
                        help="which models the suite rows train: the combiners, or the text models")
    parser.add_argument("--no-floors-or-ceilings", action="store_true",
                        help="the combiners alone: no rule floors, no news ceilings")
    options = parser.parse_args(argv)
    global FLOORS_AND_CEILINGS
    FLOORS_AND_CEILINGS = not options.no_floors_or_ceilings
    say = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    files = {n: options.emotions / n for n in ("goemotions-train.tsv", "goemotions-dev.tsv", "emotions.txt")}
    files.update({p.name: p for p in options.news})
    excluded = split_docs(REPO / "annotation" / "tone" / "split.json")
    heldout = options.emotions.parent / "tone" / HELDOUT_DOCS
    if heldout.exists():
        excluded += read_doc_list(heldout)
    stack = prepare_stack(files, options.news, excluded, options.cache, say)
    settings = json.loads(options.card.read_text(encoding="utf-8"))["settings"]["combiners"]
    suites = suite_block(stack, SUITES)
    part = stack["from_split"]
    folds = news_folds(stack["Y"][~stack["is_reddit"]], stack["groups"])
    results = []
    if options.where == "text-models":
        features = stack["pipeline"].named_steps["features"]
        label_names = [n.strip() for n in files["emotions.txt"].read_text(encoding="utf-8").split("\n") if n.strip()]
        ge_X = features.transform(read_goemotions(files["goemotions-train.tsv"], label_names)[0]).tocsr()
        stack["dev_X"] = features.transform(read_goemotions(files["goemotions-dev.tsv"], label_names)[0]).tocsr()
        suite_X = features.transform([t for name in SUITES for t in read_suite(DATA / name)[0]]).tocsr()
        news_X = features.transform(read_news_files(options.news, excluded)[0]).tocsr()
        say("features of GoEmotions, the suites and the news quotes")
    for weight in options.weights:
        if options.where == "text-models":
            r = evaluate_text_models(stack, suites, settings, weight, part, folds, ge_X, suite_X, news_X, say)
        else:
            r = evaluate(stack, suites, settings, weight, part, folds)
        results.append(r)
        say(f"w={weight}: LOSO mean {r['loso_mean']:.4f} " + " ".join(
            f"{name.split('-')[-1].split('.')[0]}:{v['all']:.3f}" for name, v in r["loso"].items())
            + f" | news train CV {r['news_train_cv']} | GoEmotions dev {r['goemotions_dev']}")
    if options.dev is not None:
        texts, y_dev, _ = read_news(options.dev)
        X = stack["pipeline"].named_steps["features"].transform(texts)
        scores = np.column_stack([b.decision_function(X) for b in stack["bases"]])
        lex = lexicon_block_of(X, len(stack["lexicon_names"]))
        for r in results:
            (p,) = fit_predict(stack, settings, r["weight"], np.ones(len(stack["Y"]), bool),
                               np.ones(len(suites["y"]), bool), suites, [(scores, lex, "news")])
            r["news_dev"] = {t: _scores(y_dev[:, k], p[:, k])["f1"] for k, t in enumerate(TONES)}
            say(f"w={r['weight']}: news dev {r['news_dev']}")
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The quote filter's threshold rule and the confidence calibrator, chosen by
grouped CV over all training sources (issue #15).

One grouped 5-fold CV by article over PolNeAR train and ``--web`` (the web set
plus the BBC training articles), exactly as ``quotes train attribution`` runs
it (:func:`quotes.training.attribution.cross_validate`: the folds' quote filters
and rankers, the pipeline on each fold's held-out articles). Then, from those
fold models:

- **threshold rules**: each rule's threshold from the out-of-fold span scores;
  the span P/R/F1 out of fold of PolNeAR train, the web set and BBC train apart,
  and the whole pipeline out of fold on the web set and BBC train (strict e2e
  F1; the same fold models, the threshold alone differs); and the gold quotes of
  web + BBC the threshold drops beyond what the shipped rule drops, with the
  partial ones (inside a reported sentence: starting lower case) counted.
- **calibrators**: nested grouped CV (``calibration_cv``) of the outcomes of the
  pipeline at the chosen threshold: the share right at confidence >= 0.9 on web,
  BBC and PolNeAR train, how many quotes reach it, and the Brier score.

PolNeAR dev and the BBC test sets are never read.

Usage::

    python annotation/web/build_gold.py /tmp/web.gold.jsonl ../shared
    python annotation/bbc/build_gold.py /tmp/bbc-train.gold.jsonl ../shared --train
    cat /tmp/web.gold.jsonl /tmp/bbc-train.gold.jsonl > /tmp/other.gold.jsonl
    python tools/threshold_calibration_cv.py --data ../shared/data/quotes/polnear-train.jsonl \\
        --web /tmp/other.gold.jsonl --cache /tmp/tc-cache
"""
from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.corpus.evaluate import load_gold, overlap_ratio, trim_span  # noqa: E402
from quotes.text import entities  # noqa: E402
from quotes.training import attribution as ta  # noqa: E402


def _cv(data: str, web: str, cache: Path | None):
    """(PolNeAR docs, web docs, the CV result), from ``cache`` when it holds them."""
    docs, web_docs = load_gold(data), load_gold(web)
    if cache is not None and (cache / "cv.pkl").exists():
        with open(cache / "cv.pkl", "rb") as fh:
            return docs, web_docs, pickle.load(fh)
    from threadpoolctl import threadpool_limits

    entities.W_RESOLVE = entities.W_RESOLVE_HAND  # (as training builds its examples)
    with threadpool_limits(1):
        ex = ta.build_examples(docs)
        web_ex = ta.build_examples(web_docs, first_group=len(docs))
        cv = ta.cross_validate(ex, len(docs), docs, web_ex, web_docs)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        with open(cache / "cv.pkl", "wb") as fh:
            pickle.dump(cv, fh)
    return docs, web_docs, cv


def _spans(oof, y, keep, mask, threshold) -> tuple[float, float, float]:
    pred = keep & (oof >= threshold) & mask
    tp = int((pred & (y == 1)).sum())
    p, r = tp / max(1, int(pred.sum())), tp / max(1, int((y[mask] == 1).sum()))
    return p, r, 2 * p * r / max(1e-9, p + r)


def threshold_rules(cv, n_docs: int) -> dict[str, float]:
    """The threshold each rule gives on the out-of-fold span scores."""
    oof, y, keep, web = cv["span_oof"], cv["span_y"], cv["rules_keep"], cv["span_web"]
    rules: dict[str, float] = {}
    for loss in (0.002, 0.004, 0.007, 0.01, 0.015, 0.02):
        rules[f"recall {loss:g} each"] = ta._threshold_keeping_recall(oof.tolist(), y.tolist(), keep.tolist(), loss,
                                                                      web.tolist())
    for p_loss, w_loss in ((0.004, 0.01), (0.004, 0.02), (0.01, 0.01), (0.01, 0.02)):
        rules[f"recall {p_loss:g} PolNeAR, {w_loss:g} web"] = ta._threshold_keeping_recall(
            oof.tolist(), y.tolist(), keep.tolist(), {False: p_loss, True: w_loss}, web.tolist())
    rules["f1 pooled"] = ta._best_f1_threshold(oof, y, keep)
    for loss in (0.004, 0.01):
        rules[f"f1 pooled, each loses <= {loss:g}"] = ta._best_f1_threshold(oof, y, keep, web, loss)
    for recall in (0.98, 0.985):
        rules[f"f1 pooled, each recall >= {recall:g}"] = ta._best_f1_threshold(oof, y, keep, web, min_recall=recall)
    return rules


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="PolNeAR train gold JSONL")
    ap.add_argument("--web", required=True, help="the web set + BBC train gold JSONL")
    ap.add_argument("--cache", type=Path, help="keep the CV result here (reruns skip the CV)")
    ap.add_argument("--part", choices=("threshold", "calibration", "both"), default="both")
    ap.add_argument("--rules", nargs="*", help="only the threshold rules whose name starts so")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    docs, web_docs, cv = _cv(args.data, args.web, args.cache)
    n = len(docs)
    print(f"CV ready ({time.perf_counter() - t0:.0f} s); shipped rule's threshold {cv['threshold']:.4f}", flush=True)
    if args.part in ("threshold", "both"):
        _threshold_part(cv, docs, web_docs, args.rules)
    if args.part in ("calibration", "both"):
        _calibration_part(cv, n, web_docs)


def _threshold_part(cv, docs, web_docs, only=None) -> None:
    from threadpoolctl import threadpool_limits

    n = len(docs)
    oof, y, keep, groups = cv["span_oof"], cv["span_y"], cv["rules_keep"], cv["span_groups"]
    is_bbc = np.asarray([g >= n and str(web_docs[g - n].get("doc_id", web_docs[g - n].get("id", ""))).startswith("bbc")
                         for g in groups.tolist()])
    polnear, web = groups < n, (groups >= n) & ~is_bbc
    base = cv["threshold"]
    print(f"{'rule':34s} {'thr':>6s}  {'PolNeAR P/R/F1':20s}  {'web P/R/F1':20s}  {'BBC P/R/F1':20s}  "
          f"{'e2e web':>7s} {'e2e BBC':>7s} {'e2e both':>8s}  lost(partial)", flush=True)
    entities.W_RESOLVE = entities.W_RESOLVE_HAND
    seen: dict[float, dict[str, float]] = {}
    for name, thr in threshold_rules(cv, n).items():
        if only and not any(name.startswith(o) for o in only):
            continue
        cells = []
        for mask in (polnear, web, is_bbc):
            cells.append("%.4f/%.4f/%.4f" % _spans(oof, y, keep, mask, thr))
        if thr not in seen:
            with threadpool_limits(1):
                seen[thr] = _e2e_by_source(docs, cv["fold_models"], float(thr), web_docs)
        web_e2e = seen[thr]
        lo, hi = min(base, thr), max(base, thr)
        changed = _changed_quotes(cv, web_docs, n, lo, hi)
        partial = sum(1 for t in changed if t[:1].islower())
        sign = "-" if thr > base else "+"
        print(f"{name:34s} {thr:6.3f}  {cells[0]:20s}  {cells[1]:20s}  {cells[2]:20s}  {web_e2e['web']:7.4f} "
              f"{web_e2e['bbc']:7.4f} {web_e2e['both']:8.4f}  {sign}{len(changed)}({partial})", flush=True)


def _changed_quotes(cv, web_docs, n: int, lo: float, hi: float) -> list[str]:
    """The texts of web + BBC gold quotes (rules-kept spans) scored in [lo, hi)."""
    from quotes.attribution.front import prepare
    from quotes.attribution.quote_filter import CERTAIN_REJECTS

    oof, y, keep, groups = cv["span_oof"], cv["span_y"], cv["rules_keep"], cv["span_groups"]
    rows = np.flatnonzero(keep & (y == 1) & (groups >= n) & (oof >= lo) & (oof < hi))
    if not len(rows):
        return []
    # the span rows of a document come in its spans' order, certain rejects left out
    first_row = {}
    for i, g in enumerate(groups.tolist()):
        first_row.setdefault(g, i)
    texts = []
    for i in rows.tolist():
        g = int(groups[i])
        doc = web_docs[g - n]
        front = prepare(doc["text"])
        spans = [s for s, r in zip(front.spans, front.reasons) if r not in CERTAIN_REJECTS]
        s = spans[i - first_row[g]]
        texts.append(doc["text"][s.start:s.end])
    return texts


def _e2e_by_source(docs, fold_models, threshold: float, web_docs) -> dict[str, float]:
    """Strict e2e F1 out of fold of the web set and BBC train apart."""
    from quotes.corpus.evaluate import gold_document, score_document, summarise
    from quotes.pipeline import extract_document
    from quotes.attribution.model import AttributionModel, HashedLinear, PackedTrees, use_model

    n = len(docs)
    counts = {"web": Counter(), "bbc": Counter(), "both": Counter()}
    for fold, quote_filter, ranker in fold_models:
        model = AttributionModel(HashedLinear.from_sklearn(quote_filter), threshold,
                                 PackedTrees.from_sklearn(ranker), None, ())
        with use_model(model):
            for d in sorted(fold):
                if d < n:
                    continue
                doc = web_docs[d - n]
                src = "bbc" if str(doc.get("doc_id", doc.get("id", ""))).startswith("bbc") else "web"
                pred = extract_document(gold_document(doc))
                for key in (src, "both"):
                    counts[key]["docs"] += 1
                    score_document(doc["text"], doc["quotes"], pred, counts[key])
    return {k: summarise(c, [])["e2e"]["f1"] for k, c in counts.items()}


def _calibration_part(cv, n: int, web_docs) -> None:
    outcomes = cv["outcomes"]
    bbc_groups = {n + i for i, d in enumerate(web_docs) if str(d.get("doc_id", d.get("id", ""))).startswith("bbc")}
    right = np.asarray([o[4] for o in outcomes], dtype=float)
    src = np.asarray(["bbc" if o[0] in bbc_groups else "web" if o[0] >= n else "polnear" for o in outcomes])
    named = np.asarray([o[2] == "name" for o in outcomes])
    score = np.asarray([o[1] for o in outcomes])
    print(f"outcomes: {len(outcomes)} ({Counter(src.tolist())})", flush=True)

    def fig(conf, mask) -> str:
        high = mask & (conf >= ta.HIGH_CONFIDENCE)
        at = right[high].mean() if high.any() else float("nan")
        brier = ((conf[mask] - right[mask]) ** 2).mean()
        return f"{at:.4f} {int(high.sum()):5d} {brier:.4f}"

    print(f"{'calibrator':44s} {'web+BBC @0.9 n Brier':22s} {'web':18s} {'BBC':18s} {'PolNeAR':18s} "
          f"{'PolNeAR named':18s}", flush=True)

    def row(name, conf) -> None:
        wb = src != "polnear"
        print(f"{name:44s} {fig(conf, wb):22s} {fig(conf, src == 'web'):18s} {fig(conf, src == 'bbc'):18s} "
              f"{fig(conf, src == 'polnear'):18s} {fig(conf, (src == 'polnear') & named):18s}", flush=True)

    row("ranker score", score)
    for w in (3.0, 10.0):
        ta.CALIBRATION_WEB_WEIGHT, keep_w = w, ta.CALIBRATION_WEB_WEIGHT
        row(f"isotonic by group, web weight {w:g}", ta.calibrated_out_of_fold(outcomes, n, ta.fit_calibration))
        ta.CALIBRATION_WEB_WEIGHT = keep_w
    sets = {
        "score": ("score_logit",),
        "score+agree+kind": ("score_logit", "agree", "pronoun", "description"),
        "+margin": ("score_logit", "agree", "pronoun", "description", "margin"),
        "+margin+candidates": ("score_logit", "agree", "pronoun", "description", "margin", "log_candidates"),
        "+margin+candidates+rule (all)": None,
    }
    for w in (1.0, 3.0, 10.0):
        for name, inputs in sets.items():
            def fit(o, nd, inputs=inputs, w=w):
                return ta.fit_learned_calibration(o, nd, web_weight=w, inputs=inputs)
            row(f"LR+iso {name}, w {w:g}", ta.calibrated_out_of_fold(outcomes, n, fit))
    for C in (0.1, 10.0):
        def fit(o, nd, C=C):
            return ta.fit_learned_calibration(o, nd, C=C)
        row(f"LR+iso all, shipped w, C {C:g}", ta.calibrated_out_of_fold(outcomes, n, fit))


if __name__ == "__main__":
    main()

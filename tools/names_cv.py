"""Experiment (#15): the name model judged by grouped 5-fold CV (group = article)
over PolNeAR train plus other gold sets (the web set, BBC train), for a choice
of weights on the other sets' examples (weight 0: the other sets are only
scored, as when the model learnt from PolNeAR alone).

For each weight and feature set it prints, apart for PolNeAR train and for the
other sets, the share of gold speaker mentions the model cuts exactly to the
gold name words and the share of non-name words it cuts. No dev set is read.

Usage::

    python tools/names_cv.py --data ../shared/data/quotes/polnear-train.jsonl \\
        --extra /tmp/web.gold.jsonl /tmp/bbc-train.gold.jsonl --weights 0 1 3 [--without use]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from quotes.training import names as tn


def _load(path: str) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def subset_scores(probs: np.ndarray, ex: dict, keep_doc, threshold: float) -> dict:
    """:func:`quotes.training.names._scores` over the examples and mentions of the kept documents."""
    doc = np.asarray(ex["doc"])
    mask = np.array([keep_doc(d) for d in doc], dtype=bool)
    new_index = np.cumsum(mask) - 1
    mentions = [dict(m, start=int(new_index[m["start"]])) for m in ex["mentions"] if keep_doc(m["doc"])]
    return tn._scores(probs[mask], np.asarray(ex["y"])[mask], mentions, threshold)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--extra", nargs="+", required=True)
    ap.add_argument("--weights", type=float, nargs="+", default=[0.0, 1.0, 3.0])
    ap.add_argument("--C", type=float, default=3.0)
    ap.add_argument("--without", nargs="*", default=[], action="append",
                    help="feature groups to leave out (repeat for several trials)")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--no-lower-labels", action="store_true",
                    help="leave unlabelled the dictionary words the article writes in lower case elsewhere "
                         "(names-6's labels)")
    options = ap.parse_args()
    if options.no_lower_labels:
        tn.LOWER_LABELS = False
    t0 = time.perf_counter()
    docs = _load(options.data)
    n = len(docs)
    for path in options.extra:
        docs += _load(path)
    base = tn.build(docs)
    print(f"examples {len(base['y'])} ({len(docs)} docs, {len(docs) - n} other): {time.perf_counter() - t0:.0f} s",
          flush=True)
    w0 = list(base["w"])
    trials = options.without or [[]]
    for without in trials:
        groups = tuple(g for g in tn.GROUPS if g not in without)
        for weight in options.weights:
            ex = dict(base, w=[v * (weight if d >= n else 1.0) for v, d in zip(w0, base["doc"])])
            probs: list = []
            tn.cross_validate(ex, groups, options.C, threshold=options.threshold, probs_out=probs)
            pol = subset_scores(probs[0], ex, lambda d: d < n, options.threshold)
            oth = subset_scores(probs[0], ex, lambda d: d >= n, options.threshold)
            print(f"without {without or '-'} C {options.C:g} other weight {weight:g}: "
                  f"PolNeAR mentions exact {pol['gold_mentions_exact']:.4f} (n {pol['gold_mentions']}, grammar "
                  f"{pol['grammar_exact']:.4f}) non-names cut {pol['non_names_cut']:.4f} | other mentions exact "
                  f"{oth['gold_mentions_exact']:.4f} (n {oth['gold_mentions']}, grammar {oth['grammar_exact']:.4f}) "
                  f"non-names cut {oth['non_names_cut']:.4f} acc {oth['accuracy']:.4f} "
                  f"[{time.perf_counter() - t0:.0f} s]", flush=True)


if __name__ == "__main__":
    main()

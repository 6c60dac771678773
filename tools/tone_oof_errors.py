"""The news train part's out-of-fold tone errors, grouped by how the lexicon read them.

Runs the refit of ``quotes train tone --refit`` (:func:`quotes.training.tone.refit_clause_parts`)
into a scratch folder (the shipped model is not touched) and writes the train
CV's out-of-fold predictions, one JSON line a quote: its id, text, labels,
probabilities, and the readings behind them (``quotes tone --explain``). It
prints the false negatives and false positives of each tone grouped by the
reading of their cue (the feature, or "no cue"), the largest kinds first, and
the train CV F1. The news dev part is only passed through (the refit scores it
for its card); nothing here prints it.

Usage:
    PYTHONPATH=. python tools/tone_oof_errors.py /tmp/tone-tt.jsonl /tmp/tone-td.jsonl \\
        --emotions ../shared/data/emotions --out /tmp/tone-oof.jsonl [--goemotions-train]

``--goemotions-train`` also scores GoEmotions train (``--domain social``) with
the refitted model and prints its F1 (a training-set figure: the text models
saw it; it shows what a reading change does there).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from quotes.training.tone import TONES, read_goemotions, refit_clause_parts


def _f1(y, p) -> float:
    y, p = np.asarray(y, bool), np.asarray(p) >= 0.5
    tp = int((y & p).sum())
    return 2 * tp / max(1, 2 * tp + int((~y & p).sum()) + int((y & ~p).sum()))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("train")
    parser.add_argument("dev")
    parser.add_argument("--emotions", required=True)
    parser.add_argument("--out", required=True, help="JSONL of the out-of-fold predictions")
    parser.add_argument("--goemotions-train", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print this many texts of each kind")
    args = parser.parse_args(argv)

    from quotes.tone.lexicon import CueLexicon, current_tables

    oof: dict = {}
    with tempfile.TemporaryDirectory() as scratch:
        refit_clause_parts(Path(args.train), Path(args.dev), Path(args.emotions), Path(scratch), oof=oof)
        ge = None
        if args.goemotions_train:
            from quotes.training.model_files import load_model_file
            from quotes.training.tone_features import TRUSTED_TYPES

            pipeline, _ = load_model_file(Path(scratch) / "tone.skops", Path(scratch) / "tone.json",
                                          trusted=TRUSTED_TYPES)
            names_file = Path(args.emotions) / "emotions.txt"
            labels = [n.strip() for n in names_file.read_text(encoding="utf-8").split("\n") if n.strip()]
            texts, y = read_goemotions(Path(args.emotions) / "goemotions-train.tsv", labels)
            p = pipeline.predict_proba(texts, domain="social")
            ge = {t: _f1(y[:, k], p[:, k]) for k, t in enumerate(TONES)}
    lexicon = CueLexicon(**current_tables())
    p, y, texts = oof["p"], oof["y"], oof["texts"]
    kinds: dict[tuple[str, str], Counter] = defaultdict(Counter)
    examples: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    with open(args.out, "w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            readings = lexicon.readings(text)
            row = {"i": i, "article": oof["articles"][i], "text": text}
            for k, tone in enumerate(TONES):
                row[tone] = int(y[i, k])
                row[f"p_{tone}"] = round(float(p[i, k]), 4)
                mine = [r for r in readings if r.tone == tone]
                row[f"readings_{tone}"] = [f"{r.cue}:{r.feature}" for r in mine]
                wrong = (p[i, k] >= 0.5) != bool(y[i, k])
                if wrong:
                    error = "FN" if y[i, k] else "FP"
                    kind = ",".join(sorted({r.feature for r in mine})) or "no cue"
                    kinds[(tone, error)][kind] += 1
                    examples[(tone, error, kind)].append(text)
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    for k, tone in enumerate(TONES):
        print(f"{tone}: train CV F1 {_f1(y[:, k], p[:, k]):.4f} (smoothing {oof['smoothing']})"
              + (f", GoEmotions train F1 {ge[tone]:.4f}" if ge else ""))
        for error in ("FN", "FP"):
            print(f"  {error}: " + ", ".join(f"{kind} {n}" for kind, n in kinds[(tone, error)].most_common()))
            if args.show:
                for kind, _ in kinds[(tone, error)].most_common():
                    for text in examples[(tone, error, kind)][:args.show]:
                        print(f"    [{kind}] {text[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

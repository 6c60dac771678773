"""Merge annotators A and B and the third reader's decisions into ``labels.jsonl``.

    python annotation/tone/adjudicate.py [ANNOT_DIR]

ANNOT_DIR (default ``$TONE_ANNOT`` or ``../annot/tone`` next to the repository
root) holds the items ``part*.items.jsonl`` and the labels
``{A,B}-part*.labels.jsonl``. The third reader's decisions are in
``adjudication.jsonl`` beside this file (one line per settled item, with the
rule of ADJUDICATION.md that decided it).

Final labels:
- a bad span (see ``is_bad_span``) is 0/0 with ``bad_span: true``;
- otherwise, where A and B agree, their label;
- where they differ, the decision in ``adjudication.jsonl`` (it must exist).
``adjudicated`` is true when the final label is not a label A and B agreed on
(a disagreement, or an agreed positive on a bad span).

Writes ``labels.jsonl`` (offsets and labels only, no quote text), sorted by id;
rows of a later round already there (``add_labels.py``) are kept as they are.
Stdlib only.
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
TONES = ("regret", "shock")

# The sampler pairs double quotes left to right within a paragraph. Where a quote
# mark is missing or the quote goes on into the next paragraph, it pairs a
# closing mark with the next opening one, and the "quote" is the narration between
# them: it then starts with a space or with the punctuation after the real quote
# (", he said. "). "..." opening a real quote is not such a case.
_NARRATION_START = re.compile(r"^(\s|[,.;:!?)](?!\.\.))")


def is_bad_span(item: dict) -> bool:
    return item["source"] == "bbc" and _NARRATION_START.match(item["text"]) is not None


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def by_id(rows: list[dict], what: str) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for row in rows:
        if row["id"] in out:
            sys.exit(f"{what}: id {row['id']} twice")
        out[row["id"]] = row
    return out


def main() -> None:
    default = os.environ.get("TONE_ANNOT") or str(REPO.parent / "annot" / "tone")
    annot = Path(sys.argv[1] if len(sys.argv) > 1 else default)
    items = by_id([r for p in sorted(annot.glob("part*.items.jsonl")) for r in read_jsonl(p)], "items")
    a = by_id([r for p in sorted(annot.glob("A-part*.labels.jsonl")) for r in read_jsonl(p)], "A")
    b = by_id([r for p in sorted(annot.glob("B-part*.labels.jsonl")) for r in read_jsonl(p)], "B")
    decisions = by_id(read_jsonl(HERE / "adjudication.jsonl"), "adjudication")
    if not (set(items) == set(a) == set(b)):
        sys.exit("items, A and B do not cover the same ids")
    unknown = set(decisions) - set(items)
    if unknown:
        sys.exit(f"decisions for unknown ids: {sorted(unknown)}")

    rows = []
    missing = []
    for qid in sorted(items):
        item = items[qid]
        la = [int(a[qid][t]) for t in TONES]
        lb = [int(b[qid][t]) for t in TONES]
        bad = is_bad_span(item)
        if bad:
            final = [0, 0]
        elif la == lb:
            final = la
        elif qid in decisions:
            final = [int(decisions[qid][t]) for t in TONES]
        else:
            missing.append(qid)
            continue
        if qid in decisions and bad:
            sys.exit(f"{qid}: a decision for a bad span")
        rows.append({
            "id": qid,
            "source": item["source"],
            "doc_id": item["doc_id"],
            "start": item["start"],
            "end": item["end"],
            "regret": final[0],
            "shock": final[1],
            "a": la,
            "b": lb,
            "adjudicated": la != lb or final != la,
            "sample": item["sample"],
            "bad_span": bad,
        })
    if missing:
        sys.exit(f"{len(missing)} disagreements without a decision: {missing}")

    # The BBC file holds some articles twice: the same quote in the same paragraph
    # must end with the same label.
    same: dict[tuple[str, str], set] = defaultdict(set)
    for row in rows:
        item = items[row["id"]]
        same[(item["text"].strip(), item["paragraph"])].add((row["regret"], row["shock"]))
    clashes = [k[0][:60] for k, v in same.items() if len(v) > 1]
    if clashes:
        sys.exit(f"identical quotes labelled differently: {clashes}")

    out = HERE / "labels.jsonl"
    # Rows of later rounds (add_labels.py) are not in these items: they stay as they are.
    later = [r for r in read_jsonl(out) if r["id"] not in items] if out.exists() else []
    rows = sorted(rows + later, key=lambda r: r["id"])
    with open(out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    good = [r for r in rows if not r["bad_span"]]
    print(f"{len(rows)} items -> {out}")
    print(f"adjudicated {sum(r['adjudicated'] for r in rows)} "
          f"(A/B differ {sum(r['a'] != r['b'] for r in rows)}), bad spans {len(rows) - len(good)}")
    for i, t in enumerate(TONES):
        print(f"{t}: {sum(r[t] for r in good)} positives in {len(good)} quotes "
              f"(keyword {sum(r[t] for r in good if r['sample'] == 'keyword')}, "
              f"random {sum(r[t] for r in good if r['sample'] == 'random')})")


if __name__ == "__main__":
    main()

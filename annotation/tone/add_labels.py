"""Add a settled labelling round to ``labels.jsonl`` (issue #16).

    python annotation/tone/add_labels.py FINAL.jsonl [SHARED]

FINAL.jsonl holds one row per newly labelled quote, with the fields of
``labels.jsonl`` (``id, source, doc_id, start, end, regret, shock, a, b,
adjudicated, sample, bad_span``): e.g. the second round, every quote of the pool
without a candidate cue word (``sample: "rest"``), two annotators per half,
disagreements settled. Each row is checked before anything is written:

- its fields, and its id (``source:doc_id:start-end``) against them;
- an id already in ``labels.jsonl`` is refused (a quote is labelled once);
- a row not adjudicated carries the label its two annotators agreed on, and an
  adjudicated one was a disagreement (or a bad span);
- a bad span is 0/0.

Narration caught between two quotation marks is marked a bad span by the rule
of the first round (``adjudicate.is_bad_span``, which reads the quote's text
from the shared articles: SHARED, else ``$QUOTES_SHARED``, else ``../shared``
next to the repository root): 0/0, ``adjudicated`` when that changes the
label. Then ``labels.jsonl`` is written again, every row sorted by id. Run
``agreement.py``, ``split.py`` (which extends the split: no placed article
moves) and ``build.py`` after it. Stdlib only.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
FIELDS = ("id", "source", "doc_id", "start", "end", "regret", "shock", "a", "b", "adjudicated", "sample",
          "bad_span")
SOURCES = ("polnear-train", "bbc")


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def check_row(row: dict) -> str | None:
    """What is wrong with a new row, or None."""
    missing = [f for f in FIELDS if f not in row]
    if missing:
        return f"missing fields {missing}"
    if row["source"] not in SOURCES:
        return f"unknown source {row['source']!r}"
    if row["id"] != f"{row['source']}:{row['doc_id']}:{row['start']}-{row['end']}":
        return "the id does not name its source, article and offsets"
    labels = [row["regret"], row["shock"], *row["a"], *row["b"]]
    if len(row["a"]) != 2 or len(row["b"]) != 2 or any(x not in (0, 1) for x in labels):
        return "labels must be 0/1, and a and b [regret, shock]"
    final = [row["regret"], row["shock"]]
    if row["bad_span"] and final != [0, 0]:
        return "a bad span is 0/0"
    agreed = list(row["a"]) == list(row["b"])
    if not row["adjudicated"] and (not agreed or list(row["a"]) != final):
        return "not adjudicated, so its label must be the one both annotators gave"
    if row["adjudicated"] and agreed and not row["bad_span"]:
        return "adjudicated, but its annotators agreed"
    return None


def merged(old: list[dict], new: list[dict]) -> list[dict]:
    """``old`` and ``new`` rows sorted by id, after checking the new ones; exits on the first problem."""
    seen = {r["id"] for r in old}
    for n, row in enumerate(new, 1):
        problem = check_row(row)
        if problem is None and row["id"] in seen:
            problem = "already labelled"
        if problem:
            sys.exit(f"row {n} ({row.get('id')}): {problem}; nothing written")
        seen.add(row["id"])
    return sorted([*old, *({f: r[f] for f in FIELDS} for r in new)], key=lambda r: r["id"])


def mark_bad_spans(rows: list[dict], shared: Path) -> int:
    """Set ``bad_span`` (and 0/0) on the rows whose span is narration; returns how many."""
    sys.path.insert(0, str(HERE))
    from adjudicate import is_bad_span
    from build import read_docs

    docs = read_docs(shared / "data", {(r["source"], r["doc_id"]) for r in rows})
    marked = 0
    for row in rows:
        doc = docs.get((row["source"], row["doc_id"]))
        if doc is None:
            sys.exit(f"{row['id']}: article not found in {shared / 'data'}; nothing written")
        item = {"source": row["source"], "text": doc["text"][row["start"]:row["end"]]}
        if is_bad_span(item) and not row["bad_span"]:
            marked += 1
            row["bad_span"] = True
            row["regret"] = row["shock"] = 0
            row["adjudicated"] = list(row["a"]) != list(row["b"]) or list(row["a"]) != [0, 0]
    return marked


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[1])
    new = read_jsonl(Path(sys.argv[1]))
    shared = Path(sys.argv[2] if len(sys.argv) > 2 else os.environ.get("QUOTES_SHARED") or REPO.parent / "shared")
    bad = mark_bad_spans(new, shared)
    path = HERE / "labels.jsonl"
    old = read_jsonl(path)
    rows = merged(old, new)
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    pos = {t: sum(r[t] for r in new) for t in ("regret", "shock")}
    print(f"added {len(new)} quotes (regret {pos['regret']}, shock {pos['shock']}, "
          f"{sum(r['adjudicated'] for r in new)} adjudicated, {bad} narration spans marked bad) "
          f"-> {path}: {len(rows)} quotes")


if __name__ == "__main__":
    main()

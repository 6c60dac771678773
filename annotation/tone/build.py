"""Build the train and dev files of the tone labels from offsets + the shared texts.

    python annotation/tone/build.py [SHARED] [--train OUT] [--dev OUT]

Reads ``labels.jsonl`` and ``split.json`` beside this file and the article texts
from SHARED/data (SHARED from argv, else ``$QUOTES_SHARED``, else ``../shared``
next to the repository root): PolNeAR quotes from ``quotes/polnear-train.jsonl``,
BBC quotes from ``news/bbc-2004-2005.jsonl``. Writes one JSON line per quote,
sorted by id:

    {"id", "source", "doc_id", "group", "sample", "text", "context", "regret", "shock"}

``text`` is the quote (``article[start:end]``), ``context`` its paragraph (the
line of the article that holds it, as the annotators saw it). ``group`` names
the articles that must stay on one side of a split or a CV fold with it (copies
of one article, articles sharing a quote: :mod:`quotes.training.article_groups`,
over every labelled article), ``sample`` how the quote was drawn (``keyword``,
``random`` or ``rest``, see ``sample.py``). Bad spans are
skipped. Each quote is checked against its source: a PolNeAR quote must be a
gold quote of its article with these offsets and this text; a BBC quote must sit
between double quotation marks. A train quote whose text (20 characters or
more) is also a dev quote is left out of train. The outputs hold licensed text: keep them out of
the repository (defaults are in /tmp). Stdlib and ``quotes.training.article_groups``.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from quotes.training.article_groups import labelled_article_groups, quote_fingerprint  # noqa: E402

SOURCE_FILES = {"polnear-train": "quotes/polnear-train.jsonl", "bbc": "news/bbc-2004-2005.jsonl"}
OPENING, CLOSING = "\"“", "\"”"


def paragraph(text: str, start: int, end: int) -> str:
    """The line of ``text`` around [start, end) (same rule as sample.py)."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a : b if b >= 0 else len(text)]


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_docs(data: Path, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    docs = {}
    for source, rel in SOURCE_FILES.items():
        with open(data / rel, encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                if (source, doc["doc_id"]) in wanted:
                    docs[(source, doc["doc_id"])] = doc
    return docs


def quote_text(row: dict, doc: dict) -> str:
    """The quote's text, after checking the offsets against the source; exits on a mismatch."""
    text, start, end = doc["text"], row["start"], row["end"]
    if not 0 <= start < end <= len(text):
        sys.exit(f"{row['id']}: offsets outside the article")
    quote = text[start:end]
    if row["source"] == "polnear-train":
        gold = [q for q in doc["quotes"] if q["start"] == start and q["end"] == end]
        if not gold or gold[0].get("text", quote) != quote:
            sys.exit(f"{row['id']}: not a gold quote of {row['doc_id']} with these offsets")
    elif row["source"] == "bbc":
        if not (start > 0 and text[start - 1] in OPENING and end < len(text) and text[end] in CLOSING):
            sys.exit(f"{row['id']}: not between double quotation marks in {row['doc_id']}")
    else:
        sys.exit(f"{row['id']}: unknown source {row['source']}")
    return quote


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", nargs="?", help="the shared folder (default $QUOTES_SHARED or ../shared)")
    parser.add_argument("--train", default="/tmp/tone-train.jsonl")
    parser.add_argument("--dev", default="/tmp/tone-dev.jsonl")
    args = parser.parse_args()
    shared = Path(args.shared or os.environ.get("QUOTES_SHARED") or REPO.parent / "shared")

    labels = read_jsonl(HERE / "labels.jsonl")
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    part_of = {key: part for part in ("train", "dev") for key in split[part]}
    docs = read_docs(shared / "data", {(r["source"], r["doc_id"]) for r in labels})
    missing = {(r["source"], r["doc_id"]) for r in labels} - set(docs)
    if missing:
        sys.exit(f"{len(missing)} labelled articles not found in {shared / 'data'}: {sorted(missing)[:3]}")
    group_of = labelled_article_groups(labels, {f"{s}:{d}": doc["text"] for (s, d), doc in docs.items()})

    out = {"train": [], "dev": []}
    skipped = 0
    for row in sorted(labels, key=lambda r: r["id"]):
        if row["bad_span"]:
            skipped += 1
            continue
        key = f"{row['source']}:{row['doc_id']}"
        if key not in part_of:
            sys.exit(f"{row['id']}: article {key} is in neither part of split.json")
        doc = docs[(row["source"], row["doc_id"])]
        quote = quote_text(row, doc)
        out[part_of[key]].append({
            "id": row["id"],
            "source": row["source"],
            "doc_id": row["doc_id"],
            "group": group_of[key],
            "sample": row["sample"],
            "text": quote,
            "context": paragraph(doc["text"], row["start"], row["end"]),
            "regret": row["regret"],
            "shock": row["shock"],
        })

    # A quote printed by a train and a dev article (whose groups a later round's
    # quotes joined after both were placed, see split.py) is scored in dev and
    # not trained on.
    in_dev = {quote_fingerprint(r["text"]) for r in out["dev"]} - {None}
    shared_with_dev = [r for r in out["train"] if quote_fingerprint(r["text"]) in in_dev]
    out["train"] = [r for r in out["train"] if quote_fingerprint(r["text"]) not in in_dev]

    for part, path in (("train", args.train), ("dev", args.dev)):
        rows = out[part]
        with open(path, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{part}: {len(rows)} quotes, regret {sum(r['regret'] for r in rows)}, "
              f"shock {sum(r['shock'] for r in rows)} -> {path}")
    print(f"skipped {skipped} bad spans, and {len(shared_with_dev)} train quotes also printed in a dev article")


if __name__ == "__main__":
    main()

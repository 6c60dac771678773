"""Split the labelled tone quotes into train and dev by article (issue #16).

    python annotation/tone/split.py [SHARED]

Reads ``labels.jsonl`` beside this file and the article texts from SHARED/data
(SHARED from argv, else ``$QUOTES_SHARED``, else ``../shared`` next to the
repository root), and writes ``split.json``:
``{"train": ["source:doc_id", ...], "dev": [...]}``, every labelled article in
exactly one part.

- Articles are kept whole. Articles that are copies of each other (the BBC file
  holds some stories twice, some in two versions) or that share a quote of 20 or
  more characters are kept together in one group, so no quote text is in both
  parts.
- Positives are rare, so the split is stratified: groups are shuffled with a fixed
  seed, groups with positives are placed first (most positives first), and each
  group in turn goes to the part that keeps dev closest to half of the regret
  positives, half of the shock positives and half of the quotes placed so far.
Bad spans count as quotes of neither tone here (build.py skips them).
Stdlib only; the output depends only on the inputs and SEED.
"""
from __future__ import annotations

import json
import os
import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SEED = 16
DEV_SHARE = 0.5
MIN_SHARED_QUOTE = 20  # characters: shorter quotes ("a mistake") recur in unrelated stories
SOURCE_FILES = {"polnear-train": "quotes/polnear-train.jsonl", "bbc": "news/bbc-2004-2005.jsonl"}


def shared_dir() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    return Path(os.environ.get("QUOTES_SHARED") or REPO.parent / "shared")


def doc_key(source: str, doc_id: str) -> str:
    return f"{source}:{doc_id}"


def read_labels(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_texts(data: Path, wanted: set[str]) -> dict[str, str]:
    texts = {}
    for source, rel in SOURCE_FILES.items():
        with open(data / rel, encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                key = doc_key(source, doc["doc_id"])
                if key in wanted:
                    texts[key] = doc["text"]
    missing = wanted - set(texts)
    if missing:
        sys.exit(f"{len(missing)} labelled articles not found in {data}: {sorted(missing)[:5]}")
    return texts


class Groups:
    """Union-find over article keys."""

    def __init__(self, keys):
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def article_groups(labels: list[dict], texts: dict[str, str]) -> list[list[str]]:
    groups = Groups(texts)
    first_with: dict[str, str] = {}

    def link(fingerprint: str, key: str) -> None:
        if fingerprint in first_with:
            groups.join(first_with[fingerprint], key)
        else:
            first_with[fingerprint] = key

    for key, text in texts.items():
        link("doc:" + " ".join(text.split()), key)
    for row in labels:
        if row["bad_span"]:
            continue
        key = doc_key(row["source"], row["doc_id"])
        quote = " ".join(texts[key][row["start"]:row["end"]].split())
        if len(quote) >= MIN_SHARED_QUOTE:
            link("quote:" + quote, key)
    members = defaultdict(list)
    for key in texts:
        members[groups.find(key)].append(key)
    return sorted(sorted(m) for m in members.values())


def main() -> None:
    data = shared_dir() / "data"
    labels = read_labels(HERE / "labels.jsonl")
    keys = {doc_key(r["source"], r["doc_id"]) for r in labels}
    texts = read_texts(data, keys)
    groups = article_groups(labels, texts)

    counts = defaultdict(lambda: [0, 0, 0])  # article -> [quotes, regret, shock]
    for r in labels:
        c = counts[doc_key(r["source"], r["doc_id"])]
        c[0] += 1
        if not r["bad_span"]:
            c[1] += r["regret"]
            c[2] += r["shock"]

    def size(group):
        return [sum(counts[k][i] for k in group) for i in range(3)]

    rng = random.Random(SEED)
    rng.shuffle(groups)
    # Stable sort: groups with positives first, most positives first; shuffled order within ties.
    groups.sort(key=lambda g: -(size(g)[1] + size(g)[2]))

    def distance(dev: list[int], placed: list[int]) -> float:
        """How far dev is from DEV_SHARE of what has been placed, in quotes, regret and shock."""
        return sum(((d - p * DEV_SHARE) / max(p * DEV_SHARE, 1)) ** 2 for d, p in zip(dev, placed))

    dev_counts, placed = [0, 0, 0], [0, 0, 0]
    assigned = {"train": [], "dev": []}
    for g in groups:
        s = size(g)
        placed = [p + x for p, x in zip(placed, s)]
        with_g = [d + x for d, x in zip(dev_counts, s)]
        # Judged against the share of what is placed so far, so that dev and train take turns
        # instead of dev filling up first. Ties go to dev.
        if distance(with_g, placed) <= distance(dev_counts, placed):
            assigned["dev"].append(g)
            dev_counts = with_g
        else:
            assigned["train"].append(g)

    split = {part: sorted(k for g in assigned[part] for k in g) for part in ("train", "dev")}
    out = HERE / "split.json"
    out.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")

    multi = [g for g in groups if len(g) > 1]
    print(f"{len(keys)} articles in {len(groups)} groups ({len(multi)} groups of 2+ articles, "
          f"largest {max(map(len, groups))}) -> {out}")
    print(f"{'part':5} {'articles':>8} {'quotes':>7} {'usable':>7} {'regret':>7} {'shock':>6}")
    for part in ("train", "dev"):
        ks = set(split[part])
        rows = [r for r in labels if doc_key(r["source"], r["doc_id"]) in ks]
        usable = [r for r in rows if not r["bad_span"]]
        print(f"{part:5} {len(ks):>8} {len(rows):>7} {len(usable):>7} "
              f"{sum(r['regret'] for r in usable):>7} {sum(r['shock'] for r in usable):>6}")


if __name__ == "__main__":
    main()

"""Split the labelled tone quotes into train and dev by article (issue #16).

    python annotation/tone/split.py [SHARED] [--fresh]

Reads ``labels.jsonl`` beside this file and the article texts from SHARED/data
(SHARED from argv, else ``$QUOTES_SHARED``, else ``../shared`` next to the
repository root), and writes ``split.json``:
``{"train": ["source:doc_id", ...], "dev": [...]}``, every labelled article in
exactly one part.

- Articles are kept whole. Articles that are copies of each other (the BBC file
  holds some stories twice, some in two versions) or that share a quote of 20 or
  more characters are kept together in one group, so no quote text is in both
  parts (the rule is :mod:`quotes.training.article_groups`, which the tone
  training's grouped CV uses too).
- Positives are rare, so the split is stratified: groups are shuffled with a fixed
  seed, groups with positives are placed first (most positives first), and each
  group in turn goes to the part that keeps dev closest to half of the regret
  positives, half of the shock positives and half of the quotes placed so far.
- **Extending** (the default when ``split.json`` exists): no article already in
  it moves. The dev part must stay unseen by the cue lists, which were written
  reading train quotes. A new article that groups with placed ones follows them
  (if its group already spans both parts, which a new shared quote can make, it
  follows the part holding most of the group's placed articles, train on a tie,
  and the script says so); the other new groups are placed by the rule above,
  counting what is already placed. ``--fresh`` splits from scratch.
Bad spans count as quotes of neither tone here (build.py skips them).
Stdlib and ``quotes.training.article_groups``; the output depends only on the
inputs, the split it extends and SEED.
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
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from quotes.training.article_groups import labelled_article_groups  # noqa: E402

SEED = 16
DEV_SHARE = 0.5
PARTS = ("train", "dev")
SOURCE_FILES = {"polnear-train": "quotes/polnear-train.jsonl", "bbc": "news/bbc-2004-2005.jsonl"}


def shared_dir(args: list[str]) -> Path:
    if args:
        return Path(args[0])
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


def article_groups(labels: list[dict], texts: dict[str, str]) -> list[list[str]]:
    """The groups of articles that must stay together, each sorted, in sorted order."""
    members = defaultdict(list)
    for key, group in labelled_article_groups(labels, texts).items():
        members[group].append(key)
    return sorted(sorted(m) for m in members.values())


def article_counts(labels: list[dict]) -> dict[str, list[int]]:
    """Per article: [quotes, regret positives, shock positives] (bad spans are quotes of neither tone)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in labels:
        c = counts[doc_key(r["source"], r["doc_id"])]
        c[0] += 1
        if not r["bad_span"]:
            c[1] += r["regret"]
            c[2] += r["shock"]
    return counts


def assign(groups: list[list[str]], counts: dict[str, list[int]],
           placed: dict[str, str] | None = None) -> tuple[dict[str, list[str]], list[list[str]]]:
    """Put every article in a part.

    Args:
        groups: the article groups (:func:`article_groups`).
        counts: per article, [quotes, regret, shock] (:func:`article_counts`).
        placed: articles already in a part (an existing split.json): they
            stay there; None or empty splits from scratch.

    Returns:
        ``{"train": [...], "dev": [...]}`` (sorted keys), and the groups whose
        placed articles were already in both parts.
    """
    placed = dict(placed or {})

    def size(group):
        return [sum(counts[k][i] for k in group) for i in range(3)]

    part_of: dict[str, str] = {}
    conflicts, new_groups = [], []
    for g in groups:
        parts = [placed[k] for k in g if k in placed]
        if not parts:
            new_groups.append(g)
            continue
        if len(set(parts)) > 1:
            conflicts.append(g)
        follow = "dev" if parts.count("dev") > parts.count("train") else "train"
        for k in g:
            part_of[k] = placed.get(k, follow)
    # What is placed already counts in the balance the new groups are judged by.
    dev_counts, total = [0, 0, 0], [0, 0, 0]
    for k, part in part_of.items():
        total = [t + x for t, x in zip(total, counts[k])]
        if part == "dev":
            dev_counts = [d + x for d, x in zip(dev_counts, counts[k])]

    rng = random.Random(SEED)
    rng.shuffle(new_groups)
    # Stable sort: groups with positives first, most positives first; shuffled order within ties.
    new_groups.sort(key=lambda g: -(size(g)[1] + size(g)[2]))

    def distance(dev: list[int], placed_so_far: list[int]) -> float:
        """How far dev is from DEV_SHARE of what has been placed, in quotes, regret and shock."""
        return sum(((d - p * DEV_SHARE) / max(p * DEV_SHARE, 1)) ** 2 for d, p in zip(dev, placed_so_far))

    for g in new_groups:
        s = size(g)
        total = [t + x for t, x in zip(total, s)]
        with_g = [d + x for d, x in zip(dev_counts, s)]
        # Judged against the share of what is placed so far, so that dev and train take turns
        # instead of dev filling up first. Ties go to dev.
        if distance(with_g, total) <= distance(dev_counts, total):
            dev_counts = with_g
            part = "dev"
        else:
            part = "train"
        for k in g:
            part_of[k] = part
    split = {part: sorted(k for k, p in part_of.items() if p == part) for part in PARTS}
    return split, conflicts


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    fresh = "--fresh" in args
    args = [a for a in args if a != "--fresh"]
    data = shared_dir(args) / "data"
    out = HERE / "split.json"
    labels = read_labels(HERE / "labels.jsonl")
    keys = {doc_key(r["source"], r["doc_id"]) for r in labels}
    texts = read_texts(data, keys)
    groups = article_groups(labels, texts)
    placed: dict[str, str] = {}
    if out.exists() and not fresh:
        old = json.loads(out.read_text(encoding="utf-8"))
        placed = {k: part for part in PARTS for k in old[part]}
        gone = set(placed) - keys
        if gone:
            sys.exit(f"{len(gone)} articles of {out} have no label any more ({sorted(gone)[:3]}); "
                     "an extension never drops an article: use --fresh to split again")
    split, conflicts = assign(groups, article_counts(labels), placed)
    out.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")

    multi = [g for g in groups if len(g) > 1]
    print(f"{len(keys)} articles in {len(groups)} groups ({len(multi)} groups of 2+ articles, "
          f"largest {max(map(len, groups))}) -> {out}")
    if placed:
        new = {part: sum(1 for k in split[part] if k not in placed) for part in PARTS}
        print(f"extended: {len(placed)} articles kept where they were; new articles: "
              f"{new['train']} train, {new['dev']} dev")
    for g in conflicts:
        print(f"warning: a group spans both parts (a quote of one is in the other): {g}")
    print(f"{'part':5} {'articles':>8} {'quotes':>7} {'usable':>7} {'regret':>7} {'shock':>6}")
    for part in PARTS:
        ks = set(split[part])
        rows = [r for r in labels if doc_key(r["source"], r["doc_id"]) in ks]
        usable = [r for r in rows if not r["bad_span"]]
        print(f"{part:5} {len(ks):>8} {len(rows):>7} {len(usable):>7} "
              f"{sum(r['regret'] for r in usable):>7} {sum(r['shock'] for r in usable):>6}")


if __name__ == "__main__":
    main()

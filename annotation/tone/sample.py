"""Draw the news quotes to label for regret and shock (issue #16).

Pool: the gold quotes of PolNeAR train (minus the articles of
``data/tone/heldout-docs.txt``, which a held-out tone test uses) and every
double-quoted span of the BBC articles in ``data/news/``. Every quote with a
candidate cue word is taken (``sample: "keyword"``), plus a seeded random share
of the rest (``"random"``), so that positives are not rare but the negatives
still look like ordinary news. A second round labelled every other quote of the
pool (``"rest"``: no candidate cue word; added with ``add_labels.py``), so the
whole pool is labelled.

Writes one JSON line per quote with the text and its paragraph, for the
annotators. Only offsets and labels are committed (``labels.jsonl``); the texts
stay in ``../shared``.

    python annotation/tone/sample.py ../shared/data > /tmp/tone-items.jsonl
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

# Words that may carry regret or shock: broad on purpose (recall of the sample,
# not a classifier); most matches are negatives the annotators mark 0.
CUE = re.compile(
    r"regret|sorry|apolog|mistake|wrong|naive|naïve|should have|shouldn['’]t have|should not have"
    r"|wish|fault|blame|responsib|ashamed|shame|embarrass|remorse|misjudg|error"
    r"|shock|stun|surpris|astonish|amaz|unbelievabl|believe|incredibl|appal|disbelief|jaw"
    r"|speechless|outrage|horrif|horror|stagger|startl|oh my god|oh god|oh no|wow|dismay"
    r"|taken aback|gobsmack|flabbergast|bewilder|dumbfound|disgust|sicken",
    re.IGNORECASE,
)
_DQ = re.compile(r"[\"“]([^\"“”\n]{2,}?)[\"”]")
RANDOM_SHARE = 2400
SEED = 16


def _paragraph(text: str, start: int, end: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a : b if b >= 0 else len(text)]


def pool(shared: Path):
    held = {x.strip() for x in (shared / "tone/heldout-docs.txt").read_text().split() if x.strip()}
    with open(shared / "quotes/polnear-train.jsonl", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if doc["doc_id"] in held:
                continue
            for q in doc["quotes"]:
                yield "polnear-train", doc, q["start"], q["end"], q.get("speaker")
    with open(shared / "news/bbc-2004-2005.jsonl", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            for m in _DQ.finditer(doc["text"]):
                if len(m.group(1).split()) >= 2:
                    yield "bbc", doc, m.start(1), m.end(1), None


def main() -> None:
    shared = Path(sys.argv[1])
    keyword, rest = [], []
    for source, doc, start, end, speaker in pool(shared):
        text = doc["text"]
        item = {
            "id": f"{source}:{doc['doc_id']}:{start}-{end}",
            "source": source,
            "doc_id": doc["doc_id"],
            "start": start,
            "end": end,
            "text": text[start:end],
            "speaker": speaker,
            "paragraph": _paragraph(text, start, end),
        }
        hit = CUE.search(item["text"]) is not None
        item["sample"] = "keyword" if hit else "random"
        (keyword if hit else rest).append(item)
    rng = random.Random(SEED)
    chosen = keyword + rng.sample(rest, min(RANDOM_SHARE, len(rest)))
    chosen.sort(key=lambda i: (i["source"], i["doc_id"], i["start"]))
    for item in chosen:
        print(json.dumps(item, ensure_ascii=False))
    print(f"keyword {len(keyword)}, random {min(RANDOM_SHARE, len(rest))} of {len(rest)}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Draw the 40 BBC articles of the BBC gold set and render them for the annotators.

    python annotation/bbc/sample.py ../shared/data > /tmp/bbc-articles.txt
    python annotation/bbc/sample.py ../shared/data --train > /tmp/bbc-train-articles.txt
    python annotation/bbc/sample.py ../shared/data --third > /tmp/bbc-third-articles.txt
    python annotation/bbc/sample.py ../shared/data --fourth > /tmp/bbc-fourth-articles.txt
    python annotation/bbc/sample.py ../shared/data --fifth > /tmp/bbc-fifth-articles.txt
    python annotation/bbc/sample.py ../shared/data --sixth > /tmp/bbc-sixth-articles.txt
    python annotation/bbc/sample.py ../shared/data --seventh > /tmp/bbc-seventh-articles.txt
    python annotation/bbc/sample.py ../shared/data --eighth > /tmp/bbc-eighth-articles.txt
    python annotation/bbc/sample.py ../shared/data --ninth > /tmp/bbc-ninth-articles.txt

The first draws the test set (``gold.jsonl``); ``--train`` draws 16 other articles
per section with another seed, leaving out the test set's articles (``train.jsonl``).
``--third`` draws 16 more per section with a third seed, leaving out both: the
first 8 of each section are a second test set (``gold2.jsonl``), the other 8 more
training data (``train2.jsonl``). ``--fourth`` draws 16 more per section with a fourth
seed, leaving out all three: all of them training data (``train3.jsonl``); ``--fifth``
likewise, leaving out the fourth too (``train4.jsonl``); ``--sixth`` likewise, leaving
out the fifth too; ``--seventh`` likewise, leaving out the sixth too (``train5.jsonl``);
``--eighth`` likewise, leaving out the seventh too (``train6.jsonl``); ``--ninth``
likewise, leaving out the eighth too (``train7.jsonl``).

Eight articles per section (business, entertainment, politics, sport, tech), drawn
with a fixed seed from the articles of ``news/bbc-2004-2005.jsonl`` with at least four
double quote marks. Every span between two double marks of a paragraph (an unpaired
last mark runs to the paragraph's end) is shown inline as ``⟦Cn: …⟧``; the detector is
naive on purpose, so the annotators accept, reject and add quotes themselves.
Stdlib only; the output depends only on the data and SEED.
"""
from __future__ import annotations

import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

# Each draw: its flag, seed, articles per section, and the files of the earlier draws
# whose articles it leaves out.
DRAWS = {
    "": (2026, 8, []),  # the test set, gold.jsonl
    "--train": (2027, 16, ["gold.jsonl"]),
    "--third": (2028, 16, ["gold.jsonl", "train.jsonl"]),
    "--fourth": (2029, 16, ["gold.jsonl", "train.jsonl", "gold2.jsonl", "train2.jsonl"]),
    "--fifth": (2030, 16, ["gold.jsonl", "train.jsonl", "gold2.jsonl", "train2.jsonl", "train3.jsonl"]),
    "--sixth": (2031, 16, ["gold.jsonl", "train.jsonl", "gold2.jsonl", "train2.jsonl", "train3.jsonl", "train4.jsonl"]),
    "--seventh": (2032, 16, ["gold.jsonl", "train.jsonl", "gold2.jsonl", "train2.jsonl", "train3.jsonl", "train4.jsonl",
                             "train5.jsonl"]),
    "--eighth": (2033, 16, ["gold.jsonl", "train.jsonl", "gold2.jsonl", "train2.jsonl", "train3.jsonl", "train4.jsonl",
                            "train5.jsonl", "train6.jsonl"]),
    "--ninth": (2034, 16, ["gold.jsonl", "train.jsonl", "gold2.jsonl", "train2.jsonl", "train3.jsonl", "train4.jsonl",
                           "train5.jsonl", "train6.jsonl", "train7.jsonl"]),
}


def candidates(text: str) -> list[tuple[int, int]]:
    out = []
    for para in re.finditer(r"[^\n]+", text):
        marks = [m.start() for m in re.finditer(r"[\"“”]", para.group())]
        for k in range(0, len(marks), 2):
            s = marks[k] + 1
            e = marks[k + 1] if k + 1 < len(marks) else len(para.group().rstrip())
            seg = para.group()[s:e]
            a, b = s + len(seg) - len(seg.lstrip()), s + len(seg.rstrip())
            if b > a:
                out.append((para.start() + a, para.start() + b))
    return out


def main() -> None:
    data = Path(sys.argv[1])
    flags = [a for a in sys.argv[2:] if a in DRAWS]
    if len(flags) > 1:
        sys.exit(f"give one draw, not {' '.join(flags)}")
    seed, per_section, earlier = DRAWS[flags[0] if flags else ""]
    test_docs = set()
    here = Path(__file__).resolve().parent
    for name in earlier:
        with open(here / name, encoding="utf-8") as f:
            test_docs |= {json.loads(line)["doc_id"] for line in f if line.strip()}
    by_section = defaultdict(list)
    with open(data / "news/bbc-2004-2005.jsonl", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if doc["text"].count('"') >= 4 and doc["doc_id"] not in test_docs:
                by_section[doc["doc_id"].split("-")[1]].append(doc)
    rng = random.Random(seed)
    chosen = [d for section in sorted(by_section) for d in rng.sample(by_section[section], per_section)]
    for n, doc in enumerate(chosen, 1):
        text, last, out = doc["text"], 0, []
        for j, (s, e) in enumerate(candidates(text), 1):
            out += [text[last:s], f"⟦C{j}: ", text[s:e], "⟧"]
            last = e
        out.append(text[last:])
        print(f"######## ARTICLE {n} doc_id={doc['doc_id']}\n{''.join(out)}\n")


if __name__ == "__main__":
    main()

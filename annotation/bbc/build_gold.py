"""Build the BBC gold set in the format `quotes evaluate` reads (stdlib only).

gold.jsonl (next to this script) holds offsets and names only; the article texts
stay in SHARED/data/news/bbc-2004-2005.jsonl. This script joins the two and writes
one line per article, as annotation/web/build_gold.py does for the web set (whose
offset checks and writer it uses):

    {"doc_id", "source": "bbc", "text",
     "quotes": [{"start", "end", "text", "speaker", "speaker_mention",
                 "speaker_start", "speaker_end", "cue"}]}

Usage: python3 build_gold.py OUT.jsonl [SHARED] [--train | --second]
SHARED is the second argument, else $QUOTES_SHARED, else ../shared beside the repo.
With --train it builds the training set (train.jsonl to train5.jsonl, 360 other
articles drawn, 351 kept: see below) instead of the test set (gold.jsonl); with
--second, the second test set (gold2.jsonl, 40 articles of the third draw, see sample.py).

The BBC collection holds the same story more than once under two ids (a story filed
again with a new headline or a word changed). The draws leave out earlier ids, not
earlier stories, so a training article may repeat a test article or an earlier
training article. The training set leaves such an article out: a test article's
twin in training would score the test set on text the model learnt, and twins on
both sides of a cross-validation split would do the same to its figures. Two
articles are twins when at least half of the shorter one's 6-word runs occur in the
other (the nine twins among the 440 drawn articles share 96-100%; the closest other
pair, two stories of one debate, shares 25%).
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "web"))
from build_gold import check, shared_dir, write_gold  # noqa: E402  (annotation/web/build_gold.py)


def main(argv):
    sets = {"--train": ["train.jsonl", "train2.jsonl", "train3.jsonl", "train4.jsonl", "train5.jsonl", "train6.jsonl",
                      "train7.jsonl", "train8.jsonl"],
            "--second": ["gold2.jsonl"]}
    if all(flag in argv for flag in sets):
        sys.exit("--train and --second build different sets (training data, a test set): give one")
    names = [name for flag, files in sets.items() if flag in argv for name in files] or ["gold.jsonl"]
    training = "--train" in argv
    argv = [a for a in argv if a not in sets]
    if len(argv) < 2:
        sys.exit(__doc__)
    out = Path(argv[1])
    source = shared_dir(argv) / "data" / "news" / "bbc-2004-2005.jsonl"
    gold = _read(names)
    tests = _read(["gold.jsonl", "gold2.jsonl"]) if training else []
    wanted = {g["doc_id"] for g in gold + tests}
    texts = {}
    with open(source, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                if d["doc_id"] in wanted:
                    texts[d["doc_id"]] = d["text"]
    errors, records = [], []
    if tests:
        gold, twins = _without_twins(gold, [texts[t["doc_id"]] for t in tests if t["doc_id"] in texts], texts)
        print(f"left out {len(twins)} training articles that repeat a test or earlier training article: "
              f"{', '.join(twins)}", file=sys.stderr)
    for g in gold:
        text = texts.get(g["doc_id"])
        if text is None:
            errors.append(f"{g['doc_id']}: not in {source}")
            continue
        errors += check(g["doc_id"], text, g["quotes"])
        quotes = [dict(q, text=text[q["start"]:q["end"]]) for q in g["quotes"]]
        records.append({"doc_id": g["doc_id"], "source": "bbc", "text": text, "quotes": quotes})
    write_gold(out, records, errors)


def _read(names):
    gold = []
    for name in names:
        with open(HERE / name, encoding="utf-8") as f:
            gold += [json.loads(line) for line in f if line.strip()]
    return gold


def _runs(text, n=6):
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def _twins(a, b):
    return bool(a) and bool(b) and len(a & b) >= 0.5 * min(len(a), len(b))


def _without_twins(gold, test_texts, texts):
    """The training articles in order, less each one that repeats a test article or
    an earlier kept training article; and the ids left out."""
    seen = [_runs(t) for t in test_texts]
    kept, twins = [], []
    for g in gold:
        text = texts.get(g["doc_id"])
        runs = _runs(text) if text is not None else set()
        if any(_twins(runs, other) for other in seen):
            twins.append(g["doc_id"])
            continue
        seen.append(runs)
        kept.append(g)
    return kept, twins


if __name__ == "__main__":
    main(sys.argv)

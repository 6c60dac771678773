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
With --train it builds the training set (train.jsonl to train4.jsonl, 280 other
articles) instead of the test set (gold.jsonl); with --second, the second test set
(gold2.jsonl, 40 articles of the third draw, see sample.py).
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "web"))
from build_gold import check, shared_dir, write_gold  # noqa: E402  (annotation/web/build_gold.py)


def main(argv):
    sets = {"--train": ["train.jsonl", "train2.jsonl", "train3.jsonl", "train4.jsonl"], "--second": ["gold2.jsonl"]}
    if all(flag in argv for flag in sets):
        sys.exit("--train and --second build different sets (training data, a test set): give one")
    names = [name for flag, files in sets.items() if flag in argv for name in files] or ["gold.jsonl"]
    argv = [a for a in argv if a not in sets]
    if len(argv) < 2:
        sys.exit(__doc__)
    out = Path(argv[1])
    source = shared_dir(argv) / "data" / "news" / "bbc-2004-2005.jsonl"
    gold = []
    for name in names:
        with open(HERE / name, encoding="utf-8") as f:
            gold += [json.loads(line) for line in f if line.strip()]
    wanted = {g["doc_id"] for g in gold}
    texts = {}
    with open(source, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                if d["doc_id"] in wanted:
                    texts[d["doc_id"]] = d["text"]
    errors, records = [], []
    for g in gold:
        text = texts.get(g["doc_id"])
        if text is None:
            errors.append(f"{g['doc_id']}: not in {source}")
            continue
        errors += check(g["doc_id"], text, g["quotes"])
        quotes = [dict(q, text=text[q["start"]:q["end"]]) for q in g["quotes"]]
        records.append({"doc_id": g["doc_id"], "source": "bbc", "text": text, "quotes": quotes})
    write_gold(out, records, errors)


if __name__ == "__main__":
    main(sys.argv)

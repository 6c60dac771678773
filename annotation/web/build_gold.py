"""Build the web gold set in the format `quotes evaluate` reads (stdlib only).

gold.jsonl (next to this script) holds offsets and names only; the article texts
stay in SHARED/data/html/ground-truth.jsonl. This script joins the two and writes
one line per article:

    {"doc_id", "source": "web", "text",
     "quotes": [{"start", "end", "text", "speaker", "speaker_mention",
                 "speaker_start", "speaker_end", "cue"}]}

Usage: python3 build_gold.py OUT.jsonl [SHARED]
SHARED is the second argument, else $QUOTES_SHARED, else ../shared beside the repo.

Every span and mention is checked against the text (quote spans non-empty, with
no surrounding whitespace, ordered and not overlapping; a mention present exactly
when the speaker is, and overlapping no quote). Any failure stops the build.
"""
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def shared_dir(argv):
    if len(argv) > 2:
        return Path(argv[2])
    return Path(os.environ.get("QUOTES_SHARED", ROOT.parent / "shared"))


def check(doc_id, text, quotes):
    errors = []
    spans = [(q["start"], q["end"]) for q in quotes]
    prev_end = 0
    for n, q in enumerate(quotes):
        where = f"{doc_id[:12]} quote {n} [{q['start']}:{q['end']}]"
        s, e = q["start"], q["end"]
        if not (0 <= s < e <= len(text)):
            errors.append(f"{where}: span out of range")
            continue
        piece = text[s:e]
        if piece != piece.strip():
            errors.append(f"{where}: surrounding whitespace")
        if s < prev_end:
            errors.append(f"{where}: out of order or overlapping")
        prev_end = e
        has_speaker = q["speaker"] is not None
        mention = (q["speaker_mention"], q["speaker_start"], q["speaker_end"])
        if not has_speaker:
            if mention != (None, None, None):
                errors.append(f"{where}: mention without a speaker")
            continue
        if None in mention:
            errors.append(f"{where}: speaker without a mention")
            continue
        ms, me = q["speaker_start"], q["speaker_end"]
        if text[ms:me] != q["speaker_mention"]:
            errors.append(f"{where}: mention {q['speaker_mention']!r} != text {text[ms:me]!r}")
        if any(ms < qe and me > qs for qs, qe in spans):
            errors.append(f"{where}: mention overlaps a quote")
    return errors


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    out = Path(argv[1])
    source = shared_dir(argv) / "data" / "html" / "ground-truth.jsonl"
    with open(source, encoding="utf-8") as f:
        texts = {}
        order = []
        for line in f:
            if line.strip():
                d = json.loads(line)
                texts[d["doc_id"]] = d["text"]
                order.append(d["doc_id"])
    with open(HERE / "gold.jsonl", encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]

    errors = []
    if [g["doc_id"] for g in gold] != order:
        errors.append("gold.jsonl does not list the ground-truth articles in order")
    records = []
    for g in gold:
        text = texts.get(g["doc_id"])
        if text is None:
            errors.append(f"{g['doc_id'][:12]}: not in {source}")
            continue
        errors += check(g["doc_id"], text, g["quotes"])
        quotes = [{
            "start": q["start"], "end": q["end"], "text": text[q["start"]:q["end"]],
            "speaker": q["speaker"], "speaker_mention": q["speaker_mention"],
            "speaker_start": q["speaker_start"], "speaker_end": q["speaker_end"],
            "cue": q["cue"],
        } for q in g["quotes"]]
        records.append({"doc_id": g["doc_id"], "source": "web", "text": text, "quotes": quotes})
    write_gold(out, records, errors)


def write_gold(out, records, errors):
    """Write the joined records, one JSON line each, or exit listing the problems
    found (annotation/bbc/build_gold.py writes its sets with it too)."""
    if errors:
        sys.exit("build_gold: %d problem(s):\n  " % len(errors) + "\n  ".join(errors))
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = sum(len(r["quotes"]) for r in records)
    nulls = sum(q["speaker"] is None for r in records for q in r["quotes"])
    print(f"wrote {out}: {len(records)} articles, {n} quotes, {nulls} null speakers; offsets verified")


if __name__ == "__main__":
    main(sys.argv)

"""Inter-annotator agreement for the web quote annotation (stdlib only).

Usage: python3 agreement.py [ANNOT_DIR] [OUT_JSON]
  ANNOT_DIR  folder with web-items.jsonl, annotatorA.jsonl, annotatorB.jsonl
             (default /work/annot/web)
  OUT_JSON   default: agreement.json next to this script

Figures:
  spans     exact-span precision/recall/F1 of B against A (F1 is symmetric),
            and Cohen's kappa on accept/reject over the candidates both
            annotators judged (a candidate is accepted when a quote carries
            its cid, whatever span the annotator gave it).
  speakers  over the quotes both accepted with the same span: the share with
            the same speaker (case-insensitive exact string; null == null),
            and a lenient share where one name's words contain the other's
            ("Trump" ~ "Donald Trump").
  counts    per annotator: quotes, null speakers, additions (quotes with no
            candidate id).
"""
import json
import os
import re
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def kappa(pairs):
    """Cohen's kappa for a list of (a, b) booleans."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(a == b for a, b in pairs) / n
    pa = sum(a for a, _ in pairs) / n
    pb = sum(b for _, b in pairs) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def words(name):
    return set(re.findall(r"\w+", name.casefold()))


def same_speaker(a, b):
    if a is None or b is None:
        return a is None and b is None
    return a.strip().casefold() == b.strip().casefold()


def lenient_speaker(a, b):
    if a is None or b is None:
        return a is None and b is None
    wa, wb = words(a), words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    annot = sys.argv[1] if len(sys.argv) > 1 else "/work/annot/web"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "agreement.json")
    items = load(os.path.join(annot, "web-items.jsonl"))
    ann = {k: {d["doc_id"]: d for d in load(os.path.join(annot, f"annotator{k}.jsonl"))}
           for k in "AB"}

    spans = {"A": set(), "B": set()}
    decisions = []          # (A accepted, B accepted) per shared candidate
    speaker_pairs = []      # (speaker A, speaker B) on same-span quotes
    counts = {k: {"quotes": 0, "null_speakers": 0, "additions": 0} for k in "AB"}

    for item in items:
        doc = item["doc_id"]
        by_span = {}
        judged = {}
        for k in "AB":
            rec = ann[k].get(doc, {"quotes": [], "rejected": []})
            accepted = {q["cid"] for q in rec["quotes"] if q.get("cid")}
            judged[k] = {c: True for c in accepted}
            judged[k].update({c: False for c in rec["rejected"]})
            for q in rec["quotes"]:
                spans[k].add((doc, q["start"], q["end"]))
                by_span.setdefault((q["start"], q["end"]), {})[k] = q["speaker"]
                counts[k]["quotes"] += 1
                counts[k]["null_speakers"] += q["speaker"] is None
                counts[k]["additions"] += not q.get("cid")
        for c in item["candidates"]:
            if c["cid"] in judged["A"] and c["cid"] in judged["B"]:
                decisions.append((judged["A"][c["cid"]], judged["B"][c["cid"]]))
        for pair in by_span.values():
            if len(pair) == 2:
                speaker_pairs.append((pair["A"], pair["B"]))

    both = len(spans["A"] & spans["B"])
    p = both / len(spans["B"]) if spans["B"] else 0.0
    r = both / len(spans["A"]) if spans["A"] else 0.0
    f1 = 2 * both / (len(spans["A"]) + len(spans["B"])) if spans["A"] or spans["B"] else 1.0
    n_sp = len(speaker_pairs)
    exact = sum(same_speaker(a, b) for a, b in speaker_pairs)
    lenient = sum(lenient_speaker(a, b) for a, b in speaker_pairs)

    result = {
        "articles": len(items),
        "spans": {
            "quotes_A": len(spans["A"]), "quotes_B": len(spans["B"]),
            "same_span": both,
            "only_A": len(spans["A"] - spans["B"]), "only_B": len(spans["B"] - spans["A"]),
            "precision_B_vs_A": round(p, 4), "recall_B_vs_A": round(r, 4),
            "exact_span_f1": round(f1, 4),
        },
        "candidates": {
            "shared": len(decisions),
            "both_accept": sum(a and b for a, b in decisions),
            "both_reject": sum(not a and not b for a, b in decisions),
            "A_only_accept": sum(a and not b for a, b in decisions),
            "B_only_accept": sum(b and not a for a, b in decisions),
            "raw_agreement": round(sum(a == b for a, b in decisions) / len(decisions), 4)
            if decisions else None,
            "cohen_kappa": round(kappa(decisions), 4) if decisions else None,
        },
        "speakers": {
            "same_span_quotes": n_sp,
            "same_speaker": exact,
            "same_speaker_share": round(exact / n_sp, 4) if n_sp else None,
            "lenient_same": lenient,
            "lenient_share": round(lenient / n_sp, 4) if n_sp else None,
        },
        "counts": counts,
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

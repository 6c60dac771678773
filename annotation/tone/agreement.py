"""Inter-annotator agreement of the regret/shock labelling (issue #16).

Reads ``labels.jsonl`` beside this file, whose every row keeps the two
independent labels it was given (``a`` and ``b``: ``[regret, shock]``, before
any adjudication), and reports, for each tone, raw agreement, Cohen's kappa and
the number of positives each annotator gave: over the whole set and per
labelling round. Writes ``agreement.json`` beside this file.

    python annotation/tone/agreement.py

Rounds (by the row's ``sample``, see ``sample.py``):

- ``first``: ``keyword`` and ``random``, the 3,107 quotes with a candidate cue
  word and a random share of the others; annotators A and B each labelled all
  of them;
- ``rest``: every other quote of the pool (no candidate cue word); two
  annotators per half, A and B naming the first and the second reader of each
  half.

Stdlib only.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TONES = ("regret", "shock")
ROUNDS = {"first": ("keyword", "random"), "rest": ("rest",)}


def read_labels(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cohen_kappa(a: list[int], b: list[int]) -> float:
    """Cohen's kappa of two 0/1 label lists of the same items."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    if expected == 1:  # both annotators gave one constant label: kappa undefined, agreement perfect
        return 1.0
    return (observed - expected) / (1 - expected)


def tone_stats(a: list[int], b: list[int]) -> dict:
    n = len(a)
    both = sum(x and y for x, y in zip(a, b))
    return {
        "items": n,
        "raw_agreement": round(sum(x == y for x, y in zip(a, b)) / n, 4),
        "kappa": round(cohen_kappa(a, b), 4),
        "positives_a": sum(a),
        "positives_b": sum(b),
        "positives_both": both,
        "only_a": sum(a) - both,
        "only_b": sum(b) - both,
    }


def agreement(rows: list[dict]) -> dict:
    """Agreement of ``a`` and ``b`` over ``rows``, per tone, and the final positives."""
    result: dict = {"items": len(rows)}
    for k, tone in enumerate(TONES):
        result[tone] = tone_stats([int(r["a"][k]) for r in rows], [int(r["b"][k]) for r in rows])
        result[tone]["positives_final"] = sum(int(r[tone]) for r in rows if not r["bad_span"])
    result["items_differing_on_either"] = sum(list(r["a"]) != list(r["b"]) for r in rows)
    result["adjudicated"] = sum(bool(r["adjudicated"]) for r in rows)
    result["bad_spans"] = sum(bool(r["bad_span"]) for r in rows)
    return result


def report(rows: list[dict]) -> dict:
    """The whole set's agreement (top-level keys) and each round's (``by_round``)."""
    samples = {r["sample"] for r in rows}
    unknown = samples - {s for kinds in ROUNDS.values() for s in kinds}
    if unknown:
        sys.exit(f"rows of an unknown sample {sorted(unknown)}: add it to ROUNDS")
    result = agreement(rows)
    result["by_round"] = {name: agreement([r for r in rows if r["sample"] in kinds])
                          for name, kinds in ROUNDS.items() if any(r["sample"] in kinds for r in rows)}
    return result


def main() -> None:
    result = report(read_labels(HERE / "labels.jsonl"))
    out = HERE / "agreement.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for name, part in [("all", result), *result["by_round"].items()]:
        print(f"{name}: {part['items']} items, differing on either tone {part['items_differing_on_either']}")
        for tone in TONES:
            s = part[tone]
            print(f"  {tone:6}  kappa {s['kappa']:.3f}  agreement {s['raw_agreement']:.4f}  "
                  f"positives A {s['positives_a']}  B {s['positives_b']}  both {s['positives_both']}  "
                  f"final {s['positives_final']}")
    print(f"-> {out}")


if __name__ == "__main__":
    main()

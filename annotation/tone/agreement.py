"""Inter-annotator agreement of the regret/shock labelling (issue #16).

Joins annotator A's and annotator B's labels by quote id and, for each tone,
reports raw agreement, Cohen's kappa and the number of positives each annotator
gave. Writes ``agreement.json`` beside this file.

    python annotation/tone/agreement.py [ANNOT_DIR]

ANNOT_DIR holds ``A-part*.labels.jsonl`` and ``B-part*.labels.jsonl`` (default:
``$TONE_ANNOT`` or ``../annot/tone`` next to the repository root). Stdlib only.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
TONES = ("regret", "shock")


def load_labels(annot: Path, annotator: str) -> dict[str, dict]:
    """All labels of one annotator, by id, from every ``{annotator}-part*.labels.jsonl``."""
    labels: dict[str, dict] = {}
    files = sorted(annot.glob(f"{annotator}-part*.labels.jsonl"))
    if not files:
        sys.exit(f"no {annotator}-part*.labels.jsonl in {annot}")
    for path in files:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                if row["id"] in labels:
                    sys.exit(f"{path}:{n}: id {row['id']} labelled twice by {annotator}")
                labels[row["id"]] = row
    return labels


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


def main() -> None:
    default = os.environ.get("TONE_ANNOT") or str(REPO.parent / "annot" / "tone")
    annot = Path(sys.argv[1] if len(sys.argv) > 1 else default)
    a, b = load_labels(annot, "A"), load_labels(annot, "B")
    if set(a) != set(b):
        sys.exit(f"A and B labelled different items: {len(set(a) - set(b))} only A, {len(set(b) - set(a))} only B")
    ids = sorted(a)
    result: dict = {"items": len(ids)}
    for tone in TONES:
        result[tone] = tone_stats([int(a[i][tone]) for i in ids], [int(b[i][tone]) for i in ids])
    result["items_differing_on_either"] = sum(
        any(int(a[i][t]) != int(b[i][t]) for t in TONES) for i in ids
    )
    out = HERE / "agreement.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for tone in TONES:
        s = result[tone]
        print(f"{tone:6}  kappa {s['kappa']:.3f}  agreement {s['raw_agreement']:.4f}  "
              f"positives A {s['positives_a']}  B {s['positives_b']}  both {s['positives_both']}")
    print(f"items {result['items']}, differing on either tone {result['items_differing_on_either']} -> {out}")


if __name__ == "__main__":
    main()

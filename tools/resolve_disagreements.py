"""Experiment (#15, round 8): he/she resolution on a gold set whose pronouns are not
linked to names (PolNeAR train), judged where two settings disagree.

PolNeAR train's gold speaker of a "he said" quote is the pronoun, so no figure
says whom it means, and tools/ranker_cv.py scores its mention only. This tool runs
the pipeline twice over a gold file, with the he/she weights of rounds 1-7
(W_RESOLVE_HAND with sentences_back, reported, object and pronoun at 0 and no
pronoun mentions: the "before") and with round 8's (entities.with_sentence_cost and
pronoun mentions, not shipped: the "after"), and
lists the quotes with a he/she speaker mention whose speaker differs. A reader
judges each (the article's text before the quote is printed) into a labels file,
{"doc_id|mention offset": right name, or "(neither)"}; the tool then counts, over
the judged ones, how many each setting puts right, and writes the unjudged ones
to ``--unjudged``. Nothing else changes between the runs, so the difference of
the two counts is the change in right he/she quotes over the whole file.

Round 8 (PolNeAR train, 840 articles, 2027 quotes with a he/she mention; the
weights were fitted on the web set + BBC train only, so PolNeAR train is out of
sample for them): the sentence cost alone (-0.3, rounds 6-7): 43 right after, 21
right before (12 neither); sentences_back -0.75, reported -0.73, object -0.5: 88
against 44 (23 neither); with pronoun mentions too (shipped): 96 against 37 (22
neither), not shipped (held-out floors, tools/resolve_cv.py round 8). Where the before was right: pronoun chains ("He married ... He wrote ...
'…,' he said") broken by a nearer name, a name in a reported clause or an object,
a description ("the admiral chuckled"), organisations that the pronouns after
them vote male ("Pacific Command", "Our Revolution").

Usage::

    PYTHONPATH=. python tools/resolve_disagreements.py ../shared/data/quotes/polnear-train.jsonl \\
        --labels /tmp/labels.json --unjudged /tmp/unjudged.jsonl
"""
from __future__ import annotations

import argparse
import json

from quotes.corpus.evaluate import gold_document, load_gold
from quotes.pipeline import extract_document
from quotes.text import entities

_HE_SHE = ("he", "she", "him", "her")
_ROUND_8 = ("sentences_back", "reported", "object", "pronoun")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--labels", help="judged quotes (JSON: key -> right name or '(neither)')")
    ap.add_argument("--unjudged", required=True, help="write the disagreements not in --labels here (JSONL)")
    options = ap.parse_args()
    labels = json.load(open(options.labels)) if options.labels else {}
    after = list(entities.with_sentence_cost(entities.resolve_weights()))
    before = list(after)
    for feature in _ROUND_8:
        before[entities.RESOLVE_FEATURES.index(feature)] = 0.0
    counts = {"after": 0, "before": 0, "neither": 0, "unjudged": 0}
    in_force, mentions = entities.W_RESOLVE, entities.PRONOUN_MENTIONS
    with open(options.unjudged, "w") as out:
        try:
            for doc in load_gold(options.gold):
                runs = []
                for weights, pronoun_mentions in ((before, False), (after, True)):
                    entities.W_RESOLVE, entities.PRONOUN_MENTIONS = tuple(weights), pronoun_mentions
                    runs.append(extract_document(gold_document(doc)))
                by_span = {(q.start, q.end): q for q in runs[1]}
                for q in runs[0]:
                    if not q.speaker_mention or q.speaker_mention.lower() not in _HE_SHE:
                        continue
                    other = by_span.get((q.start, q.end))
                    if other is None or other.speaker == q.speaker:
                        continue
                    key = f"{doc['doc_id']}|{q.speaker_start}"
                    right = labels.get(key)
                    if right is None:
                        counts["unjudged"] += 1
                        out.write(json.dumps({"key": key, "before": q.speaker, "after": other.speaker,
                                              "context": doc["text"][max(0, q.start - 700):q.end + 60]}) + "\n")
                    elif right == other.speaker:
                        counts["after"] += 1
                    elif right == q.speaker:
                        counts["before"] += 1
                    else:
                        counts["neither"] += 1
        finally:
            entities.W_RESOLVE, entities.PRONOUN_MENTIONS = in_force, mentions
    print(f"disagreements judged right: after {counts['after']}, before {counts['before']}, "
          f"neither {counts['neither']}; unjudged {counts['unjudged']} (in {options.unjudged})")


if __name__ == "__main__":
    main()

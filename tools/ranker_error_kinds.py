"""Experiment (#15): group the named-mention errors that ``tools/ranker_cv.py --errors``
wrote by kind, to see which mechanism would mend the most.

For each error whose gold mention is a name, the document is prepared again and
the quote's candidates built (the features do not depend on the model), and the
error is put in one group:

- ``right mention, wrong name``: the ranker picked the gold mention; the name it
  maps to (the entity's canonical name, or a pronoun's antecedent) is wrong; with
  ``--causes``, split by cause (:func:`_cause`): a description's or pronoun's
  antecedent, no name, extra words in the name, a spelling variant, another name;
- ``gold not a candidate``: no candidate overlaps the gold mention;
- ``picked a person`` / ``a place`` / ``an organisation`` / ``a work or marked
  name`` / ``another name``: the kind of entity behind the wrong pick, as the
  article says (:class:`quotes.text.entities.Entity`);
- ``picked a pronoun`` / ``a description`` / ``the rule's mention``.

Usage::

    PYTHONPATH=. python tools/ranker_error_kinds.py /tmp/errors.jsonl /tmp/gold.jsonl [--source bbc|web] [--show 20]

Study training errors only (never PolNeAR dev's or the BBC test sets').
"""
from __future__ import annotations

import argparse
import json
from collections import Counter

from quotes.attribution.front import prepare
from quotes.attribution.rank import candidate_table
from quotes.attribution.rules import attribute
from quotes.corpus.evaluate import load_gold
from quotes.training.attribution import _match_gold


def _kind_of(c) -> str:
    e = c.entity
    if c.mention.kind != "name":
        return f"picked a {c.mention.kind}"
    if e is None:
        return "picked another name"
    if e.person:
        return "picked a person"
    if e.place:
        return "picked a place"
    if e.no_person_forms:
        return "picked a work or marked name"
    if e.org:
        return "picked an organisation"
    return "picked another name"


def _cause(e: dict, gold_kind: str) -> str:
    """Why the right mention got the wrong name (names-8)."""
    from quotes.corpus.evaluate import name_words
    from quotes.text.entities import _one_edit_apart

    if gold_kind != "name":
        return "a description's or pronoun's antecedent"
    if not e["predicted"]:
        return "no name"
    g, p = name_words(e["gold"]), name_words(e["predicted"])
    if g < p:
        return "extra words in the name"
    if len(g) == len(p) and any(_one_edit_apart(a, b) for a in g - p for b in p - g):
        return "a spelling variant"
    return "another name"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("errors")
    ap.add_argument("gold")
    ap.add_argument("--source", choices=("bbc", "web", "all"), default="all")
    ap.add_argument("--show", type=int, default=0, help="print this many errors of each group")
    ap.add_argument("--causes", action="store_true", help="split 'right mention, wrong name' by cause")
    options = ap.parse_args()
    with open(options.errors, encoding="utf-8") as f:
        errors = [json.loads(line) for line in f]
    docs = {d["doc_id"]: d for d in load_gold(options.gold)}
    errors = [e for e in errors if e["gold_kind"] == "named" and e["doc_id"] in docs
              and (options.source == "all" or e["doc_id"].startswith("bbc-") == (options.source == "bbc"))]
    built: dict[str, tuple] = {}
    groups: dict[str, list[str]] = {}
    for e in errors:
        doc = docs[e["doc_id"]]
        if e["doc_id"] not in built:
            front = prepare(doc["text"])
            match = _match_gold(doc["text"], front.spans, doc["quotes"])
            kept = [s for s, m in zip(front.spans, match) if m is not None]
            rules = attribute(front.parsed, kept, front.index)
            built[e["doc_id"]] = (kept, [m for m in match if m is not None],
                                  candidate_table(front, kept, rules)[1])
        kept, matched, lists = built[e["doc_id"]]
        at = next((i for i, s in enumerate(kept) if doc["text"][s.start:s.end].startswith(e["quote"][:40])), None)
        if at is None:
            continue
        g = doc["quotes"][matched[at]]
        cands = lists[at]
        gs, ge = g.get("speaker_start"), g.get("speaker_end")
        picked = [c for c in cands if c.mention.text == e["predicted_mention"]]
        if e["mention_ok"]:
            group = "right mention, wrong name"
            if options.causes:
                at_gold = [c for c in cands if c.mention.start < ge and gs < c.mention.end] if gs is not None else []
                group += ": " + _cause(e, at_gold[0].mention.kind if at_gold else "name")
        elif gs is None or not any(c.mention.start < ge and gs < c.mention.end for c in cands):
            group = "gold not a candidate"
        elif not picked:
            group = "picked the rule's mention"
        else:
            group = _kind_of(picked[0])
        groups.setdefault(group, []).append(
            f"{e['doc_id']}: gold {e['gold']!r} ({e['gold_mention']!r}), picked {e['predicted']!r} "
            f"({e['predicted_mention']!r}) by {e['rule']}")
    counts = Counter({k: len(v) for k, v in groups.items()})
    print(f"{sum(counts.values())} named-mention errors")
    for group, n in counts.most_common():
        print(f"{n:5d}  {group}")
        for line in groups[group][:options.show]:
            print("        ", line)


if __name__ == "__main__":
    main()

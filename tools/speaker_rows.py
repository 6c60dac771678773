"""List the rows of a speakers table that are not one clean person or organisation name.

Issue #15: among the top rows of ``quotes speakers`` (by quotes), a row named
"Wing Christophe Dominici", "Women MPs", "R&B" or "Stolen Penrith" is not a
clean name. This script flags such rows with a heuristic detector, one reason
per row, for a person to check by hand:

- ``title/role``: a title or job word in the name ("CEO Wayne Rogers", "Wing ...");
- ``date``: a day or month in it ("John Podesta Tuesday");
- ``verb``: a reporting verb in it ("Hillary Clinton Praised");
- ``common word``: it starts with, or is, a common English word that is no
  first name ("Stolen Penrith", "Rival Jane Doe", "Between"); a full name whose
  first word is a known first name of any list ("Curt Schilling") is not flagged;
- ``group``: a plural group noun ("Women MPs", "Officials");
- ``place/demonym``: a place or a nationality ("Memphis", "Republican"; a party's
  plural, "Democrats", is the party);
- ``label/symbol``: all capitals but no acronym, or symbols ("PARTICIPANT", "R&B", "TV");
- ``first name only``: a first name alone ("Bob"), no one in particular: the
  "Bob"s of several articles merged. A row that is one article's "Bob" (a speaker
  kept per article, whose id is that article's: ``speakers.article_speaker_id``)
  is one particular person, the one that article names so, and is not flagged.

Usage::

    python tools/speaker_rows.py --db /tmp/polnear.db [--top 300] [--json]
    python tools/speaker_rows.py --corpus ../shared/data/news/bbc-2004-2005.jsonl  # analyses into a temporary db
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from quotes.corpus.speakers import article_speaker_id
from quotes.corpus.store import Store
from quotes.resources import any_first_names, census_first_names, common_words, hypocorisms, places, word_tags
from quotes.text.names import is_hyphenated_given_name
from quotes.vocabulary import DAY_WORDS, ORG_HEADS, PARTY_WORDS, REPORTING_VERBS, ROLE_WORDS, TITLES

_MONTHS = frozenset("january february march april june july august september october november december".split())
_DEMONYM = re.compile(r"(an|ian|ean|ish|ese|i)$")
_GROUP_NOUNS = frozenset("""mps officials women men people fans voters residents workers police critics
    officers leaders ministers members supporters players analysts experts activists lawmakers""".split())
# Capitalised words that are names far more often than the common words they spell.
_NAME_LIKE = frozenset("bush brown white black green king young may rice price hope will".split())
_COUNTRIES = frozenset("US UK U.S. U.K. USA America".split())
# Brill tags of ordinary words (a capitalised one at a name's start is no part of it).
_ORDINARY_TAGS = ("JJ", "VBD", "VBG", "VBN", "DT", "IN", "PRP")


def reason(name: str) -> str | None:
    """Why ``name`` is not one clean person or organisation name, or None."""
    words = name.split()
    if not words:
        return "empty"
    lows = [w.strip(".,’'").lower() for w in words]
    if re.search(r"[^\w\s.’'&-]", name) or ("&" in name and len(name) <= 4):
        return "label/symbol"
    if len(words) == 1 and name.isupper() and len(name) > 5:
        return "label/symbol"
    if len(words) > 1 and name.isupper():
        return "label/symbol"
    if name in _COUNTRIES:
        return "place/demonym"
    if len(words) == 1 and name.isupper() and len(name) <= 3 and word_tags().get(lows[0]) in ("NN", "NNS"):
        return "label/symbol"  # "TV", "PC": a common noun's abbreviation
    if any(w in DAY_WORDS or w in _MONTHS for w in lows):
        return "date"
    if len(words) > 1 and any(w in REPORTING_VERBS or word_tags().get(w) in ("VBD", "VBZ") for w in lows[1:]):
        return "verb"
    if len(words) > 1 and (lows[0] in TITLES or lows[0] in ROLE_WORDS
                           or lows[0] in ("wing", "striker", "coach", "rival", "veteran", "singer", "actor",
                                          "actress", "star", "captain", "boss", "chief", "shadow", "dj")):
        return "title/role"
    if any(w in ROLE_WORDS or w in ("mp", "mep", "msp", "professor") for w in lows[1:-1]):
        return "title/role"  # "Tory MP Boris Johnson", "Carnegie Mellon Professor Raj Reddy"
    if lows[-1] in _GROUP_NOUNS:
        return "group"
    if name in _COUNTRIES or any(w.endswith("-based") for w in lows) \
            or (len(words) > 2 and " ".join(lows[-2:]) in places()):
        return "place/demonym"
    if len(words) == 1 and lows[0] in any_first_names() and lows[0] not in _NAME_LIKE:
        return "first name only"
    # (a party's plural, "Democrats" or "Republicans", names the party, an organisation;
    # its singular, "Republican", is an adjective or one member, no one in particular)
    if " ".join(lows) in places() or (len(words) == 1 and ((lows[0] in PARTY_WORDS and not lows[0].endswith("s")) or (
            _DEMONYM.search(lows[0]) and lows[0] in common_words()))):
        return "place/demonym"
    common = common_words()
    first = any_first_names()
    if len(words) > 1:
        # A full name's first word may be a first name of the census list or a pet form
        # ("Dustin Hoffman", "Curt Schilling", "Pat Caddell") that the lexicon also spells
        # as an ordinary word ("dustin'", "curt", "pat"): a first name, not a common word.
        first = first | census_first_names().keys() | hypocorisms().keys()
    if words[-1] in ORG_HEADS or lows[0] in ("new", "national", "united", "liberal"):
        return None  # an organisation's name ("Supreme Court", "New York Times")
    ordinary = lows[0] in common or (len(words) > 1 and word_tags().get(lows[0]) in _ORDINARY_TAGS)
    if len(words) > 1 and is_hyphenated_given_name(words[1]):
        return None  # a family name before a Korean given name ("Ban Ki-moon", "Moon Jae-in")
    if ordinary and lows[0] not in first and lows[0] not in _NAME_LIKE and not name.isupper():
        return "common word"
    return None


def is_article_speaker(store: Store, row: dict) -> bool:
    """True when a speakers row is one article's own speaker (issue #15: a given
    name alone, kept per article, whose id is its article's and its shown
    form's), not a name merged across articles. ``store``: open read-only once
    for every row (each opening may resolve the corpus again)."""
    quotes = store.quotes(speaker=row["speaker_id"], limit=1)
    return bool(quotes) and row["speaker_id"] == article_speaker_id(quotes[0]["doc_id"], row["name"])


def speakers_of(db: Path, top: int) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "quotes", "speakers", "--db", str(db), "--top", str(top),
                          "--format", "json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="a database `quotes analyse` wrote")
    ap.add_argument("--corpus", type=Path, nargs="*", help="articles to analyse into a temporary database")
    ap.add_argument("--top", type=int, default=300)
    ap.add_argument("--json", action="store_true", help="one JSON object: counts and flagged rows")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if args.corpus:
            db = Path(tmp) / "speakers.db"
            subprocess.run([sys.executable, "-m", "quotes", "analyse", *map(str, args.corpus), "--db", str(db)],
                           check=True, capture_output=True)
        if db is None:
            ap.error("give --db or --corpus")
        rows = speakers_of(db, args.top)
        with Store(db, readonly=True) as store:
            flagged = [{"rank": k + 1, "name": r["name"], "quotes": r["quotes"], "reason": why}
                       for k, r in enumerate(rows) if (why := reason(r["name"]))
                       and not (why == "first name only" and is_article_speaker(store, r))]
    if args.json:
        print(json.dumps({"rows": len(rows), "flagged": len(flagged), "list": flagged}, indent=1))
    else:
        for f in flagged:
            print(f"{f['rank']:>4} {f['quotes']:>4}  {f['reason']:<14} {f['name']}")
        print(f"{len(flagged)} of the top {len(rows)} rows flagged")
    return 0


if __name__ == "__main__":
    sys.exit(main())

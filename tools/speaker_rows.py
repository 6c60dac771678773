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
  is one particular person, the one that article names so, and is not flagged;
- ``title/role`` also for a title written after the name ("Guy Mansfield QC");
- ``group``: also a nationality's plural ("Americans", "Iraqis") and a family's
  ("Clintons": a surname of the table with an s, two or more people);
- ``description``: a place before a party or a nationality ("New Hampshire
  Republican": one of its voters, no one named);
- ``event``: a show, a service, a contest ("Consumer Electronics Show",
  "Christmas Midnight Mass") speaks no words;
- ``glued word``: a word before an organisation's acronym ("Eurosceptic SVP");
- ``two people merged``: the row's forms give it a title of the other sex than
  its first name ("Kathy Butler" with "Lord Butler");
- ``surname only``: a surname alone where an article behind the row writes a
  first name before it ("Calderon" where it says "Felipe Calderon"; "Johnson"
  where the articles say "Jade Johnson" and "Benita Johnson").

A name made of an adjective and an ordinary noun ("Judicial Watch", "Common
Cause") is an organisation's name, not an ordinary word glued to a name.
A country or a state is flagged (``place/demonym``) for a person to read its
quotes: by the annotation guidelines a country speaks by its government ("the US
said"; "South Korea" in the BBC training gold), so the row is right when its
quotes are such.

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
from quotes.resources import (any_first_names, census_first_names, common_words, demonyms, first_names,
                              hypocorisms, places, word_tags)
from quotes.text.names import is_hyphenated_given_name
from quotes.vocabulary import DAY_WORDS, ORG_HEADS, PARTY_WORDS, REPORTING_VERBS, ROLE_WORDS, TITLES

_MONTHS = frozenset("january february march april june july august september october november december".split())
_DEMONYM = re.compile(r"(an|ian|ean|ish|ese|i)$")
_GROUP_NOUNS = frozenset("""mps officials women men people fans voters residents workers police critics
    officers leaders ministers members supporters players analysts experts activists lawmakers""".split())
# Capitalised words that are names far more often than the common words they spell.
_NAME_LIKE = frozenset("bush brown white black green king young may rice price hope will".split())
_COUNTRIES = frozenset("US UK U.S. U.K. USA America".split())
# Titles and honours written after a name ("Guy Mansfield QC", "Jane Doe MP").
_POST_TITLES = frozenset("qc kc mp mep msp obe cbe mbe phd".split())
# Last words of events, shows and services: they speak no words.
_EVENT_HEADS = frozenset("""show mass festival conference summit olympics games awards cup championship
    championships tournament election elections caucus caucuses debate expo fair concert ceremony marathon
    programme program""".split())
# Titles that say a man or a woman whatever the name: peerages and honours, and a
# married woman's or a girl's. ("Mr." and "Ms." are left out: a given name of both
# sexes, "Lee", "Leslie", gets either, and the first-name lists give it one sex.)
_MALE_TITLES = frozenset("sir lord baron duke king prince".split())
_FEMALE_TITLES = frozenset("mrs miss dame lady baroness duchess queen princess".split())
# Brill tags of ordinary words (a capitalised one at a name's start is no part of it).
_ORDINARY_TAGS = ("JJ", "VBD", "VBG", "VBN", "DT", "IN", "PRP")


def reason(name: str, surnames: frozenset[str] = frozenset()) -> str | None:
    """Why ``name`` is not one clean person or organisation name, or None.
    ``surnames``: the lower-cased last words of the table's full person names
    (a family's plural, "Clintons", is one of them with an s)."""
    words = name.split()
    if not words:
        return "empty"
    lows = [w.strip(".,’'").lower() for w in words]
    if len(words) > 1 and lows[-1] in _POST_TITLES:
        return "title/role"
    if len(words) > 1 and lows[-1] in _EVENT_HEADS:
        return "event"
    if len(words) == 1 and lows[0].endswith("s") and lows[0] not in PARTY_WORDS \
            and (lows[0][:-1] in demonyms() or lows[0][:-1] in surnames):
        return "group"  # "Americans", "Clintons"
    if len(words) > 1 and (lows[-1] in PARTY_WORDS or lows[-1].removesuffix("s") in demonyms()) \
            and " ".join(lows[:-1]) in places():
        return "description"  # "New Hampshire Republican", "Ohio Democrats"
    if len(words) == 2 and words[1].isupper() and len(words[1]) >= 2 and words[1].isalpha() \
            and not words[0].isupper() and lows[0] not in any_first_names():
        return "glued word"  # "Eurosceptic SVP"
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
    if len(words) == 1 and lows[0].endswith("s") and lows[0][:-1] in PARTY_WORDS - {"independent"}:
        # a party's plural names the party, as "Democrats" does: "the Conservatives" in the
        # BBC gold (its guideline names an organisation as the article writes it, so
        # "Conservatives" where it writes that, "Tories" where it writes only "the Tories");
        # "Independents" are people outside the parties, no party
        return None
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
    last_tag = word_tags().get(lows[-1], "NNP")
    if len(words) > 1 and word_tags().get(lows[0]) == "JJ" and last_tag[:1] in "NV" \
            and not last_tag.startswith("NNP") and lows[-1] not in first:
        return None  # an adjective and an ordinary noun: an organisation's name ("Judicial Watch")
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


def merged_people(row: dict) -> bool:
    """True when a row's forms give it a title of the other sex than its first name
    ("Kathy Butler" with the alias "Lord Butler"): two people merged."""
    words = row["name"].split()
    sex = first_names().get(words[0].lower()) if len(words) > 1 else None
    if not sex:
        return False
    other = _MALE_TITLES if sex == "f" else _FEMALE_TITLES
    return any(a.split()[0].lower().rstrip(".") in other for a in row.get("aliases") or [] if a.split())


def surname_only(store: Store, row: dict) -> bool:
    """True when a one-word row is a surname that an article behind it writes after
    a first name ("Felipe Calderon" in the article of the row "Calderon")."""
    name = row["name"]
    if " " in name or not name[:1].isupper() or name.isupper() or name.lower() in any_first_names() \
            or name in ORG_HEADS:
        return False
    given = any_first_names() | census_first_names().keys() | hypocorisms().keys()
    before = re.compile(r"\b([A-Z][a-z]+)\s+" + re.escape(name) + r"\b")
    docs = {q["doc_id"] for q in store.quotes(speaker=row["speaker_id"])}
    for doc_id in sorted(docs):
        text = store.document_text(doc_id) or ""
        if any(m.group(1).lower() in given for m in before.finditer(text)):
            return True
    return False


def row_reason(store: Store, row: dict, surnames: frozenset[str]) -> str | None:
    """Why a speakers row is not one clean name, or None: :func:`reason` of its
    name, then what its forms and its articles show."""
    why = reason(row["name"], surnames)
    if why == "first name only" and is_article_speaker(store, row):
        return None
    if why is None and merged_people(row):
        return "two people merged"
    if why is None and surname_only(store, row):
        return "surname only"
    return why


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
        surnames = frozenset(r["name"].split()[-1].lower() for r in rows
                             if len(r["name"].split()) > 1 and r["name"].split()[0].lower() in any_first_names())
        with Store(db, readonly=True) as store:
            flagged = [{"rank": k + 1, "name": r["name"], "quotes": r["quotes"], "reason": why}
                       for k, r in enumerate(rows) if (why := row_reason(store, r, surnames))]
    if args.json:
        print(json.dumps({"rows": len(rows), "flagged": len(flagged), "list": flagged}, indent=1))
    else:
        for f in flagged:
            print(f"{f['rank']:>4} {f['quotes']:>4}  {f['reason']:<14} {f['name']}")
        print(f"{len(flagged)} of the top {len(rows)} rows flagged")
    return 0


if __name__ == "__main__":
    sys.exit(main())

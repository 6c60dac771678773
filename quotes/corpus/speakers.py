"""Cross-article speaker identity: one id, one name and its aliases per person or organisation.

Within an article the pipeline already groups "Anthony Blunt", "Blunt" and "Mr
Blunt" into one entity named by its fullest form (entities.py). Across articles
this module decides which of those per-article names are the same speaker.
It is a pure function of the multiset of ``(doc_id, name, mention)`` rows, so the
answer does not depend on the order documents arrived in, on how many workers
analysed them, or on whether a run was interrupted and resumed.

The rules, from safest to boldest:

1. Organisations merge on their normalised name: case, punctuation, a leading
   "the" and a possessive do not count ("The Washington Post" = "Washington Post").
2. Full person names merge on (first name, surname, generational suffix); a
   middle name or initial may be present or absent ("Donald J. Trump" = "Donald
   Trump", "Hillary Rodham Clinton" = "Hillary Clinton") unless the corpus holds
   two incompatible middles for the same first and last name ("George H. W. Bush"
   and "George W. Bush" stay apart). "Donald Trump Jr." is not "Donald Trump".
3. A surname alone ("Blunt", "Mr Blunt", "Mrs. Clinton") joins the full name it
   stands for when the corpus makes that safe: only one full name with that
   surname (and a compatible gender, from the title, or from a title of rank
   in its mentions: "Butler" written "Lord Butler" is no "Kathy Butler") is known, or one of them is
   named in at least :data:`DOMINANCE` of the articles that name any of them
   ("Trump" in a 2016 corpus is Donald; "Mr. Clinton" is Bill, the only male
   Clinton). Otherwise the surname stays a speaker of its own ("Blunt" =
   "Mr Blunt" when no full name is known). Full names are never merged with each
   other on a surname, so "Bill Clinton" and "Hillary Clinton" stay apart.
4. A given name alone is a speaker per article. When an article's fullest form
   for a person is one word that is a given name ("Bob", "Melanie": a caller, a
   voter, a child the article names by first name only; "Uncle Bob": kinship
   goes before a given name only), nothing
   ties that person to another article's "Bob", nor to a "Bob Dole" elsewhere:
   each article's "Bob" is a speaker of its own, shown as "Bob" (its id carries
   the document and the shown form: :meth:`Resolution.speaker_id`). Within one
   article "Bob" after "Bob Dole" is already "Bob Dole" (entities.py). The word
   merges across articles as before when the corpus gives a reason to:

   - it is a surname: the corpus holds a full name with that surname whose
     first word is a first name ("Warren" beside "Elizabeth Warren"; not
     "Little Bobby"), or writes a surname's title before it in any name or
     mention ("Mr Howard", "Lord Winston", "Dr Grant"; not "Uncle":
     :data:`~quotes.vocabulary.GIVEN_NAME_TITLES`, nor "Father", "Coach"),
     or a mention of the name puts a first name before it ("Michael Howard");
   - it is a public figure known by a given name: a royal, religious or
     honorific title goes before it in a name or a mention ("Prince Harry",
     "Queen Elizabeth", "Pope John", "Sir Alex":
     :data:`~quotes.vocabulary.PUBLIC_GIVEN_NAME_TITLES`), or in the text of
     more than half of the articles that quote the name (entities.py keeps
     "Harry" as the name, so the text is read for the title; a saint's title
     is not read there: "St. Louis", "St Patrick's Day");
   - most of its articles address the person by a title written before given
     names and surnames alike ("Father Ryan", "Coach Ryan", "Sister Mary":
     :data:`~quotes.vocabulary.NEUTRAL_NAME_TITLES`): no private person
     known by a first name only, so the name merges as a surname alone (3);
     one article's "Father John" among other Johns changes nothing;
   - it names a body, which merges on its name: a mention speaks of it as one
     ("it", "Chelsea's statement": a club issues statements, a person known by
     a first name only is quoted in person);
   - it is a place ("Virginia"): a state speaks by its name far more often
     than someone the article knows only by that first name.

   Known limit: an organisation named like a given name ("Chelsea", "Victoria")
   that no mention calls "it" or gives a statement is kept per article: no
   cheap, general signal tells a club's "Chelsea said" from a woman's (the
   pipeline has no organisation tagger for single words).

A nationality before an ordinary noun names a body, never a person ("British
Phonographic Industry", "British Industry": no given name is a nationality), so
such names merge as organisations (1), not on a "surname" ("Industry").

Two repairs of headline noise come first: reporting verbs, weekdays and function
words after a name are dropped ("Trump Wednesday", "Donald Trump As"), and
capitalised headline words before a known full name are dropped when they are not
first names ("Rival Hillary Clinton", "Says Donald Trump").

Notes:
    Speaker ids are sha1 digests of the cluster key (kind, first name, surname,
    ...), not of the display name, so an id survives a change of the preferred
    spelling. An id can change only when new documents change what is *safe*
    (a surname that was unique becomes ambiguous, or the reverse).
"""
from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from quotes.vocabulary import (
    GIVEN_NAME_TITLES,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NEUTER_PRONOUNS,
    NEUTRAL_NAME_TITLES,
    NON_PERSON_HEADS,
    ORG_HEADS,
    ORG_NOUNS,
    PUBLIC_GIVEN_NAME_TITLES,
    REPORTING_VERBS,
    SAINT_TITLES,
    TIME_WORDS,
    TITLES,
)
from quotes.resources import any_first_names, demonyms, first_names, places, word_tags

# Share of the articles naming any full name with a surname that one full name
# must hold before the bare surname is taken to mean that person.
DOMINANCE = 0.8
# The version of these rules: a database whose speakers were resolved by another
# version resolves them again (store.py keeps it in ``state``). Raise it whenever
# a change here can give a stored quote another speaker.
SPEAKER_RULES_VERSION = 7

# Words that qualify a title ("former President Bill Clinton").
TITLE_MODIFIERS = frozenset("former late acting then ex interim outgoing incoming deputy vice".split())
# Words a name never ends with: headline run-ons ("Donald Trump As", "Trump Wednesday").
# Only the inflected reporting verbs ("Says", "Tweets", "Warned"): a bare form may
# be a surname ("Stevie Wonder").
_TRAILING_NOISE = (TIME_WORDS
                   | frozenset(v for v in REPORTING_VERBS if v.endswith(("s", "ed")) or v in ("said", "told"))
                   | frozenset("as and or to of for in on at by with from over after about".split()))
_POSSESSIVE = re.compile(r"[’']s?$")
_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A speaker string taken apart.

    Attributes:
        surface: the name as written, white space collapsed, possessive and
            headline noise removed (titles kept: "Mr. Trump").
        kind: ``"person"`` or ``"org"``.
        first: lower-cased first name, "" for a surname alone ("Mr Blunt").
        middles: lower-cased middle names or initials.
        surname: lower-cased surname with its particles ("de blasio"); for an
            organisation, its normalised full name.
        suffix: "jr", "sr", "ii", ... or "".
        gender: "m" or "f" from a title ("Mr", "Mrs"), else "".
        titled: True when a title was written before the name.
    """

    surface: str
    kind: str
    first: str = ""
    middles: tuple[str, ...] = ()
    surname: str = ""
    suffix: str = ""
    gender: str = ""
    titled: bool = False

    @property
    def full(self) -> bool:
        """True for a person named with a first name and a surname."""
        return self.kind == "person" and bool(self.first)

    @property
    def person_key(self) -> tuple[str, str, str]:
        """(first name, surname, suffix): what identifies a full person name."""
        return (self.first, self.surname, self.suffix)


@dataclass(frozen=True, slots=True)
class Speaker:
    """One speaker of the corpus.

    Attributes:
        speaker_id: 16 hex digits, derived from the identity key (stable).
        name: the preferred name: the full form used in the most articles.
        kind: ``"person"`` or ``"org"``.
        aliases: every form the corpus uses for the speaker, ``name`` first,
            then by number of quotes: speaker names and name-like mentions
            ("Mr. Trump"), never pronouns or descriptions.
    """

    speaker_id: str
    name: str
    kind: str
    aliases: tuple[str, ...]


def article_speaker_id(doc_id: str, name: str) -> str:
    """The speaker id of a name kept per article (rule 4), from its document and
    its display form (``Resolution.per_article[name]``)."""
    return _speaker_id(("article", doc_id, name))


@dataclass(frozen=True)
class Resolution:
    """The corpus-level identity of every per-article speaker name.

    Attributes:
        speakers: speaker id -> :class:`Speaker`, for the names that mean one
            speaker in every article.
        assignments: per-article speaker name (as given) -> speaker id, for those names.
        per_article: the names kept per article (rule 4: a given name alone) ->
            their display form ("Bob"). Each article's use of one is a speaker
            of its own: :meth:`speaker_id` and :meth:`speaker_at` take the document.
            The id is the document's and the display form's, so the names of one
            article shown alike ("Bob", "Bob's") are one speaker.
    """

    speakers: dict[str, Speaker]
    assignments: dict[str, str]
    per_article: dict[str, str] = field(default_factory=dict)

    def speaker_of(self, name: str) -> Speaker | None:
        """The speaker a name means in every article; None for an unknown name and
        for one kept per article (:meth:`speaker_at` takes its document)."""
        sid = self.assignments.get(name)
        return self.speakers[sid] if sid else None

    def speaker_id(self, doc_id: str, name: str | None) -> str | None:
        """The speaker id of ``name`` as the article ``doc_id`` uses it (None for no name)."""
        if not name:
            return None
        if name in self.per_article:
            return article_speaker_id(doc_id, self.per_article[name])
        return self.assignments.get(name)

    def speaker_at(self, doc_id: str, name: str | None) -> Speaker | None:
        """The :class:`Speaker` of ``name`` as the article ``doc_id`` uses it."""
        if name and name in self.per_article:
            form = self.per_article[name]
            return Speaker(article_speaker_id(doc_id, form), form, "person", (form,))
        return self.speaker_of(name) if name else None


def _key(word: str) -> str:
    return _NON_WORD.sub("", word.casefold())


def _clean_surface(name: str) -> str:
    name = " ".join(name.split())
    return _POSSESSIVE.sub("", name).strip(" ,;:-–—\"“”'‘’()") if name else ""


def _is_title(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low in TITLES or low in TITLE_MODIFIERS


def _is_org(words: list[str]) -> bool:
    """True when a name is an organisation (or a place, a building: never a person)."""
    last = words[-1]
    low = last.lower().rstrip(".")
    if last in ORG_HEADS or low in ORG_NOUNS or low in NON_PERSON_HEADS:
        return True
    if words[0].lower() == "the":
        return True
    if len(words) > 1 and _nation_and_noun(words):
        return True
    # "CNN", "FBI", "U.S.": acronyms name bodies, not people
    return len(words) == 1 and len(_key(last)) >= 2 and last.replace(".", "").isupper()


def _nation_and_noun(words: list[str]) -> bool:
    """True for a nationality and an ordinary noun ("British Phonographic Industry",
    "British Industry", "American Express"): a body's name. No one's given name is
    a nationality, and no one's surname an ordinary noun the lexicon spells lower-case
    ("British Andy Murray" keeps its person)."""
    first, last = words[0].lower(), words[-1].lower()
    if first not in demonyms() or first in any_first_names():
        return False
    tag = word_tags().get(last)
    return tag is not None and tag.startswith(("NN", "JJ")) and not tag.startswith("NNP")


# Cached: corpus-level resolution parses each name once for itself and again
# for every mention compared with it.
@functools.lru_cache(maxsize=65536)
def parse_name(name: str) -> ParsedName | None:
    """Take a speaker string apart into first name, middles, surname and suffix.

    Args:
        name: a per-article speaker name ("Donald J. Trump", "Mr Blunt",
            "The Washington Post", "Trump Wednesday").

    Returns:
        The parsed name, or None when nothing name-like is left.
    """
    surface = _clean_surface(name)
    words = [w for w in surface.split() if _key(w)]
    if len(words) > 2 and words[0].lower() == "the" and _is_title(words[1]):
        words = words[1:]  # "The Rev. Al Sharpton" is a person
    if not words:
        return None
    if _is_org(words):
        body = words[1:] if words[0].lower() == "the" and len(words) > 1 else words
        return ParsedName(" ".join(words), "org", surname=" ".join(_key(w) for w in body))
    # headline run-ons after the name: "Trump Wednesday", "Donald Trump As"
    while len(words) > 1 and words[-1].lower().rstrip(".,") in _TRAILING_NOISE:
        words.pop()
    display = list(words)
    gender, titled = "", False
    while len(words) > 1 and _is_title(words[0]):
        gender = gender or TITLES.get(words[0].lower().rstrip("."), "")
        titled = True
        words = words[1:]
    suffix = ""
    if len(words) > 1 and words[-1].lower().rstrip(",") in NAME_SUFFIXES:
        suffix = _key(words[-1])
        words = words[:-1]
    # the surname takes its particles with it: "Bill de Blasio", "Osama bin Laden"
    cut = len(words) - 1
    while cut > 0 and words[cut - 1].lower() in NAME_PARTICLES:
        if cut == 1 and words[0][:1].isupper():
            break  # "Al Sharpton", "Van Jones": a capitalised first word is a first name
        cut -= 1
    surname = " ".join(_key(w) for w in words[cut:])
    given = [_key(w) for w in words[:cut]]
    return ParsedName(" ".join(display), "person", first=given[0] if given else "",
                      middles=tuple(given[1:]), surname=surname, suffix=suffix,
                      gender=gender, titled=titled)


def _strip_headline(parsed: ParsedName, known: set[tuple[str, str, str]]) -> ParsedName:
    """Drop capitalised headline words before a full name the corpus knows.

    "Rival Hillary Clinton" becomes "Hillary Clinton" when "Hillary Clinton" is a
    speaker elsewhere; a word that is a first name is never dropped, so "Chris
    Christie Calls Hillary Clinton" is left alone.
    """
    names = first_names()
    if not parsed.full or parsed.first in names:
        return parsed
    given = (parsed.first,) + parsed.middles
    words = parsed.surface.split()
    for drop in range(1, len(given)):
        if given[drop - 1] in names:
            break
        rest = given[drop:]
        if rest[0] in names and (rest[0], parsed.surname, parsed.suffix) in known:
            # the surface loses the same number of leading words (titles came first)
            offset = len(words) - len(given) - len(parsed.surname.split()) - (1 if parsed.suffix else 0)
            surface = " ".join(words[max(0, offset) + drop:])
            return ParsedName(surface, "person", first=rest[0], middles=rest[1:],
                              surname=parsed.surname, suffix=parsed.suffix,
                              gender=parsed.gender, titled=parsed.titled)
    return parsed


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names agree: equal, or initials of each other ("j" ~ "john")."""
    if len(a) != len(b):
        return False
    return all(x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
               for x, y in zip(a, b))


def _speaker_id(key: tuple[str, ...]) -> str:
    return hashlib.sha1("\x1f".join(key).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _rank_form(form: str, parsed: ParsedName | None, docs: int, quotes: int) -> tuple:
    full = bool(parsed and (parsed.full or parsed.kind == "org"))
    titled = bool(parsed and parsed.titled)
    return (not full, -docs, -quotes, titled, -len(form), form)


Family = tuple[str, ...]


def _family(name: str) -> Family:
    """The names that may turn out to be one speaker share a family: a person's
    surname and suffix ("Trump", "Mr. Trump", "Donald J. Trump", "Ivanka Trump"),
    an organisation's normalised name, or an unparsable string itself. Every
    merge and every count of :func:`resolve_statistics` stays within one family."""
    p = parse_name(name)
    if p is None:
        return ("raw", name.casefold())
    if p.kind == "org":
        return ("org", p.surname)
    return ("person", p.surname, p.suffix)


@dataclass
class NameStatistics:
    """What corpus-level identity needs from the quotes, per article speaker name.

    Additive: the statistics of two disjoint sets of documents combine with
    :func:`combine_statistics` into those of their union, so a corpus split into
    partitions is resolved from per-partition statistics (``--engine dask``)
    exactly as from the whole table.

    Attributes:
        groups: (family, names) -> how many documents have quotes spoken by
            exactly those names of that family (see :func:`_family`). The
            resolution counts documents only in unions of names of one family,
            so these counts give every such union's size, and documents
            themselves are not kept: the statistics grow with the distinct
            names and the distinct combinations of a family's names in one
            article, not with the number of articles.
        quotes: name -> number of quotes.
        mentions: name -> cleaned mention ("Mr. Trump", "he") -> number of quotes.
        public: a name that may be a given name alone ("Harry") -> number of
            documents whose text writes a royal, religious or honorific title
            before it ("Prince Harry": :data:`~quotes.vocabulary.PUBLIC_GIVEN_NAME_TITLES`),
            which the quote's own mention may lack (entities.py drops titles from the name).
        addressed: a name that may be a given name alone ("Ryan") -> number of
            documents where a mention of it carries a title written before given
            names and surnames alike ("Father Ryan", "Coach Kelly":
            :data:`~quotes.vocabulary.NEUTRAL_NAME_TITLES`).
    """

    groups: Counter[tuple[Family, frozenset[str]]] = field(default_factory=Counter)
    quotes: Counter[str] = field(default_factory=Counter)
    mentions: dict[str, Counter[str]] = field(default_factory=dict)
    public: Counter[str] = field(default_factory=Counter)
    addressed: Counter[str] = field(default_factory=Counter)

    def pairs(self) -> int:
        """Distinct (name, document) pairs counted."""
        return sum(len(names) * n for (_, names), n in self.groups.items())

    def update(self, other: NameStatistics) -> None:
        """Add the statistics of other documents to these, in place."""
        self.groups.update(other.groups)
        self.quotes.update(other.quotes)
        self.public.update(other.public)
        self.addressed.update(other.addressed)
        for name, counts in other.mentions.items():
            self.mentions.setdefault(name, Counter()).update(counts)

    def size(self) -> int:
        """Entries held: groups, names and mention counts (what memory grows with)."""
        return (len(self.groups) + len(self.quotes) + sum(len(c) for c in self.mentions.values())
                + len(self.public) + len(self.addressed))


def name_statistics(rows: Iterable[tuple],
                    text_of: Callable[[str], str | None] | None = None) -> NameStatistics:
    """The :class:`NameStatistics` of quote rows (as :func:`resolve_speakers` takes them).

    ``text_of(doc_id)`` gives a document's text (None when unknown); it is asked
    only for the documents that quote a name which may be a given name alone.
    """
    stats = NameStatistics()
    names_of_doc: dict[str, set[str]] = defaultdict(set)
    addressed: set[tuple[str, str]] = set()
    for row in rows:
        doc_id, name = row[0], row[1]
        if not name:
            continue
        names_of_doc[doc_id].add(name)
        stats.quotes[name] += 1
        mention = row[2] if len(row) > 2 else None
        if mention:
            surface = _clean_surface(mention)
            stats.mentions.setdefault(name, Counter())[surface] += 1
            if (doc_id, name) not in addressed and _title_kind(parse_name(surface)) == "neutral":
                addressed.add((doc_id, name))
    for names in names_of_doc.values():
        by_family: dict[Family, set[str]] = defaultdict(set)
        for name in names:
            by_family[_family(name)].add(name)
        for family, members in by_family.items():
            stats.groups[(family, frozenset(members))] += 1
    stats.addressed.update(name for _, name in addressed if may_be_given_name(name))
    if text_of is not None:
        for doc_id in sorted(names_of_doc):
            given = sorted(n for n in names_of_doc[doc_id] if may_be_given_name(n))
            text = text_of(doc_id) if given else None
            for name in given if text else ():
                if _public_title_before(text, parse_name(name).surface):
                    stats.public[name] += 1
    return stats


def may_be_given_name(name: str) -> bool:
    """True for a person's name of one word that is a given name ("Harry", "Uncle Bob")."""
    p = parse_name(name)
    return (p is not None and p.kind == "person" and not p.first and not p.suffix
            and " " not in p.surname and p.surname in any_first_names())


@functools.lru_cache(maxsize=4096)
def _public_title_pattern(word: str) -> re.Pattern[str]:
    titles = "|".join(sorted(t.capitalize() for t in PUBLIC_GIVEN_NAME_TITLES - SAINT_TITLES))
    # the title and the name on one line, one word apart; not inside a longer
    # name ("the King George Hospital", a regnal number may follow: "George V"),
    # nor a possessive's ("Prince George's County")
    return re.compile(rf"(?<![\w.])(?:{titles})[ \t]+{re.escape(word)}(?![\w'’])"
                      r"(?![ \t]+(?![IVX]+\b)[A-Z])")


# a capitalised word just before a title, not a possessive: the title ends a
# name ("Burger King Mary", "Stephen King Harry"), not "Britain's Prince Harry"
_NAME_BEFORE_TITLE = re.compile(r"(?<![\w'’])[A-Z][\w-]*(?<!['’]s)[ \t]+$")


def _public_title_before(text: str, surface: str) -> bool:
    """True when ``text`` writes a public figure's title before the name's last
    word: "Prince Harry", "Pope John", "Sir Alex", "Queen Elizabeth II"
    (capitalised, as a title is, one space or tab between them), not inside a
    longer name ("the Prince Charles Cinema", "Prince George's County", "Stephen
    King Harry"), not across a sentence ("covers of Queen. Bob said") and never a
    saint's ("St. Louis", "St Mary's Hospital"). A thing named after one in lower
    case ("the Queen Mary liner") looks the same and counts."""
    word = surface.split()[-1] if surface.split() else ""
    if not word:
        return False
    for match in _public_title_pattern(word).finditer(text):
        if not _NAME_BEFORE_TITLE.search(text, max(0, match.start() - 40), match.start()):
            return True
    return False


def combine_statistics(*parts: NameStatistics) -> NameStatistics:
    """The statistics of the union of the parts' documents (a new object)."""
    out = NameStatistics()
    for part in parts:
        out.update(part)
    return out


def resolve_speakers(rows: Iterable[tuple], dominance: float = DOMINANCE,
                     text_of: Callable[[str], str | None] | None = None) -> Resolution:
    """Give every per-article speaker name a corpus-level speaker.

    Args:
        rows: one row per attributed quote: ``(doc_id, name)`` or
            ``(doc_id, name, mention)``, where ``name`` is the article's
            canonical speaker and ``mention`` the words the attribution rests
            on ("Mr. Trump", "he"); rows whose name is None are ignored.
        dominance: see :data:`DOMINANCE`.
        text_of: a document's text by doc_id (None when unknown), read for a
            public figure's title before a given name ("Prince Harry" when the
            quote names "Harry"); without it only the names and mentions count.

    Returns:
        The speakers, and the speaker id of every name. The result depends only
        on the multiset of rows (and the texts), never on their order. A name
        means the same speaker in every article, except a given name alone
        (rule 4: ``Resolution.per_article``), which is a speaker of each article
        that uses it; otherwise what an article's own entity grouping could not
        tell apart is not split by document here.
    """
    return resolve_statistics(name_statistics(rows, text_of), dominance)


def resolve_statistics(stats: NameStatistics, dominance: float = DOMINANCE) -> Resolution:
    """:func:`resolve_speakers` from (combined) :class:`NameStatistics`."""
    # a name's documents, as the groups that hold it; a union's size is its weight
    weights: list[int] = []
    docs_of: dict[str, set[int]] = defaultdict(set)
    for (_, members), n in stats.groups.items():
        for name in members:
            docs_of[name].add(len(weights))
        weights.append(n)

    def weight(groups: set[int]) -> int:
        return sum(weights[g] for g in groups)

    raw_names = sorted(stats.quotes)
    parsed: dict[str, ParsedName | None] = {n: parse_name(n) for n in raw_names}
    names_gender = first_names()
    # full names that start with a real first name: the targets of headline repair
    known = {p.person_key for p in parsed.values() if p is not None and p.full and p.first in names_gender}
    parsed = {n: (_strip_headline(p, known) if p is not None else None) for n, p in parsed.items()}

    key_of_name: dict[str, tuple[str, ...]] = {}
    # 1. organisations, and anything unparsable, merge on their normalised name
    for name in raw_names:
        p = parsed[name]
        if p is None:
            key_of_name[name] = ("raw", name.casefold())
        elif p.kind == "org":
            key_of_name[name] = ("org", p.surname)

    # 2. full person names: (first, surname, suffix), split by incompatible middles
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for name in raw_names:
        p = parsed[name]
        if p is not None and p.full:
            groups[p.person_key].append(name)
    cluster_docs: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for pkey, names in sorted(groups.items()):
        base = ("person",) + pkey
        middle_docs: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for name in names:
            if parsed[name].middles:
                middle_docs[parsed[name].middles] |= docs_of[name]
        classes: list[list[tuple[str, ...]]] = []
        for mid in sorted(middle_docs, key=lambda m: (-weight(middle_docs[m]), m)):
            for cls in classes:
                if all(_compatible(mid, other) for other in cls):
                    cls.append(mid)
                    break
            else:
                classes.append([mid])
        if len(classes) <= 1:
            for name in names:
                key_of_name[name] = base
            continue
        class_key = {mid: base + ("middle", " ".join(cls[0])) for cls in classes for mid in cls}
        class_docs = Counter({class_key[m]: 0 for m in middle_docs})
        for m, d in middle_docs.items():
            class_docs[class_key[m]] += weight(d)
        top, top_n = min(class_docs.items(), key=lambda kv: (-kv[1], kv[0]))
        bare = top if top_n >= dominance * sum(class_docs.values()) else base
        for name in names:
            mids = parsed[name].middles
            key_of_name[name] = class_key[mids] if mids else bare
    for name, key in key_of_name.items():
        if key[0] == "person":
            cluster_docs[key] |= docs_of[name]

    # 3. a surname alone joins a full name when that is safe
    candidates: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
    cluster_gender: dict[tuple[str, ...], str] = {}
    for key in sorted(cluster_docs):
        first, surname, suffix = key[1], key[2], key[3]
        candidates[(surname, suffix)].append(key)
        cluster_gender[key] = names_gender.get(first, "")
    titled_gender: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for name, key in key_of_name.items():
        p = parsed[name]
        if key in cluster_gender and p is not None and p.gender:
            titled_gender[key][p.gender] += 1
    for key, votes in titled_gender.items():
        if not cluster_gender[key] and len(votes) == 1:
            cluster_gender[key] = next(iter(votes))

    def dominant(surname: str, suffix: str, gender: str,
                 among: list[tuple[str, ...]] | None = None) -> tuple[str, ...] | None:
        pool = [k for k in (candidates.get((surname, suffix), []) if among is None else among)
                if not gender or not cluster_gender[k] or cluster_gender[k] == gender]
        if not pool:
            return None
        counts = {k: weight(cluster_docs[k]) for k in pool}
        top = min(pool, key=lambda k: (-counts[k], k))
        return top if counts[top] >= dominance * sum(counts.values()) else None

    # 4. a given name alone, with no full name of that surname in the corpus (one
    # whose first word is a first name: not "Little Bobby"), is a speaker per
    # article; with one, it is a surname alone (3) among those full names
    surnamed, public = _title_evidence(raw_names, parsed, stats, lambda n: weight(docs_of[n]))
    unresolved: list[str] = []
    per_article: dict[str, str] = {}
    for name in raw_names:
        if name in key_of_name:
            continue
        p = parsed[name]
        given = (_given_name_alone(p, stats.mentions.get(name, {}), surnamed | public)
                 and not _most(stats.addressed[name], weight(docs_of[name])))
        real = [k for k in candidates.get((p.surname, p.suffix), []) if k[1] in any_first_names()]
        if given and not real:
            per_article[name] = p.surface
            continue
        target = dominant(p.surname, p.suffix, p.gender or _mentions_gender(stats.mentions.get(name, {})),
                          real if given else None)
        if target is None:
            unresolved.append(name)
        else:
            key_of_name[name] = target
    # an unresolved surname is one speaker ("Blunt" = "Mr Blunt"), unless titles
    # show both a man and a woman use it ("Mr. Clinton", "Mrs. Clinton")
    genders: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name in unresolved:
        p = parsed[name]
        if p.gender:
            genders[(p.surname, p.suffix)].add(p.gender)
    for name in unresolved:
        p = parsed[name]
        split = len(genders[(p.surname, p.suffix)]) > 1
        key_of_name[name] = ("short", p.surname, p.suffix, (p.gender or "?") if split else "")

    # display names and aliases
    form_docs: dict[tuple[str, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    form_quotes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    form_parsed: dict[str, ParsedName | None] = {}
    alias_quotes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for name in raw_names:
        if name in per_article:
            continue
        n_quotes = stats.quotes[name]
        key = key_of_name[name]
        p = parsed[name]
        form = p.surface if p is not None else " ".join(name.split())
        form_parsed.setdefault(form, p)
        form_docs[key][form] |= docs_of[name]
        form_quotes[key][form] += n_quotes
        alias_quotes[key][form] += n_quotes
        for mention, n in stats.mentions.get(name, {}).items():
            if _names_same(mention, key):
                alias_quotes[key][mention] += n

    speakers: dict[str, Speaker] = {}
    for key in sorted(form_docs):
        forms = form_docs[key]
        best = min(forms, key=lambda f: _rank_form(f, form_parsed.get(f), weight(forms[f]), form_quotes[key][f]))
        aliases = alias_quotes[key]
        aliases[best] += 0
        ordered = sorted(aliases, key=lambda a: (a != best, -aliases[a], a))
        sid = _speaker_id(key)
        kind = "org" if key[0] == "org" else "person"
        speakers[sid] = Speaker(sid, best, kind, tuple(a for a in ordered if a))
    return Resolution(speakers, {name: _speaker_id(key) for name, key in key_of_name.items()}, per_article)


def _titles(parsed: ParsedName) -> list[str]:
    """The titles written before a person's name, lower-cased ("Former Uncle Bob": ["uncle"])."""
    out = []
    for word in parsed.surface.split()[:-1]:
        low = word.lower().rstrip(".")
        if low not in TITLES and low not in TITLE_MODIFIERS:
            break
        if low in TITLES:
            out.append(low)
    return out


def _title_kind(parsed: ParsedName | None) -> str:
    """What the titles before a person's name say of the word after them:
    ``"surname"`` ("Mr Howard", "Lord Winston", "Dr Jones"), ``"public"`` (a
    public figure's given name: "Prince Harry", "Pope John", "Sir Alex"),
    ``"neutral"`` (either: "Father John", "Father Ryan", "Coach Kelly"),
    ``"given"`` (a given name: "Uncle Bob", "Aunt Sally") or ""."""
    if parsed is None or parsed.kind != "person":
        return ""
    titles = _titles(parsed)
    if any(t not in GIVEN_NAME_TITLES and t not in PUBLIC_GIVEN_NAME_TITLES
           and t not in NEUTRAL_NAME_TITLES for t in titles):
        return "surname"
    if any(t in PUBLIC_GIVEN_NAME_TITLES for t in titles):
        return "public"
    if any(t in NEUTRAL_NAME_TITLES for t in titles):
        return "neutral"
    return "given" if titles else ""


def _most(part: int, whole: int) -> bool:
    """True when ``part`` documents are more than half of ``whole``."""
    return 2 * part > whole


def _title_evidence(raw_names: list[str], parsed: dict[str, ParsedName | None],
                    stats: NameStatistics, docs: Callable[[str], int]) -> tuple[set[str], set[str]]:
    """The one-word names the corpus writes after a surname's title ("Mr Howard")
    and those it gives a public figure's title ("Prince Harry"), in any name or
    any mention, or (``stats.public``) in the texts of more than half of the
    ``docs(name)`` articles that quote the name."""
    surnamed: set[str] = set()
    public: set[str] = set()
    forms = [parsed[n] for n in raw_names] + [parse_name(m) for c in stats.mentions.values() for m in c]
    for p in forms:
        if p is None or p.kind != "person" or " " in p.surname:
            continue
        kind = _title_kind(p)
        if kind == "surname":
            surnamed.add(p.surname)
        elif kind == "public" and not p.first:
            public.add(p.surname)
    public.update(p.surname for n, k in stats.public.items()
                  if _most(k, docs(n)) and (p := parse_name(n)) is not None)
    return surnamed, public


# Titles of rank a name's mentions may carry (peerages, honours, royalty): the
# sex they give is the bearer's. ("Mr." and "Ms." are left out: the first-name
# lists give a given name of both sexes one, "Lee Epstein" is "Ms. Epstein".)
_RANK_TITLES = frozenset("sir lord baron duke king prince dame lady baroness duchess queen princess".split())


def _mentions_gender(mentions: dict[str, int]) -> str:
    """The sex the titles of rank of a name's mentions give it ("Lord Butler": "m"),
    when they give one only; else "". A surname written "Butler" in its article and
    "Lord Butler" in a mention is no woman's ("Kathy Butler" of another article)."""
    sexes = {p.gender for m in mentions if m.split() and m.split()[0].lower().rstrip(".") in _RANK_TITLES
             and (p := parse_name(m)) is not None and p.gender}
    return next(iter(sexes)) if len(sexes) == 1 else ""


def _given_name_alone(parsed: ParsedName, mentions: dict[str, int], evidence: set[str]) -> bool:
    """True when a person's name is one given name ("Bob", "Melanie", "Uncle
    Bob"), with no title of a surname or of a public figure before it, no use of
    the word in the corpus as a surname or after a public figure's title
    (``evidence``: "Mr Howard", "Prince Harry" anywhere), no mention of it with a
    first name before it ("Michael Howard") and none that speaks of a body ("it",
    "Chelsea's statement")."""
    word = parsed.surname
    if parsed.kind != "person" or parsed.first or parsed.suffix or " " in word:
        return False
    if _title_kind(parsed) in ("surname", "public", "neutral"):
        return False
    if word not in any_first_names() or word in places() or word in evidence:
        return False
    for mention in mentions:
        if mention.casefold() in NEUTER_PRONOUNS:
            return False
        head = mention.split(maxsplit=1)
        if len(head) > 1 and _POSSESSIVE.search(head[0]) and _key(_POSSESSIVE.sub("", head[0])) == word:
            return False  # the name's statement, spokesman, website: a body's
        m = parse_name(mention)
        if m is not None and m.kind == "person" and m.surname == word and m.first in any_first_names():
            return False
    return True


def _names_same(mention: str, key: tuple[str, ...]) -> bool:
    """True when a mention names the speaker of ``key`` ("Mr. Trump" for Donald
    Trump), never for a pronoun or a description ("he", "the newspaper")."""
    m = parse_name(mention)
    if m is None:
        return False
    if key[0] == "org":
        return m.kind == "org" and m.surname == key[1]
    if key[0] == "raw" or m.kind != "person":
        return False
    if key[0] == "short":
        return not m.first and (m.surname, m.suffix) == (key[1], key[2])
    first, surname, suffix = key[1], key[2], key[3]
    return m.surname == surname and m.suffix in ("", suffix) and m.first in ("", first)

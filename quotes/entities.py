"""Group name mentions into entities and resolve pronouns and descriptions to them.

Within one article, "Anthony Blunt", "Blunt" and "Mr Blunt" are one entity; its
canonical name is the fullest form the article uses. A short form joins the most
recently mentioned compatible entity, so "Clinton" after "Bill Clinton" is Bill,
and a gendered title or first name keeps "Mrs Clinton" away from him.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .cues import FEMALE_PRONOUNS, MALE_PRONOUNS, ORG_NOUNS, TITLES
from .names import NameMention
from .parsed import ParsedDoc
from .resources import common_words, first_names

_NORM = re.compile(r"[^a-z0-9]+")
_PRONOUN_SCOPE_LINES = 4  # a pronoun looks back this many paragraphs for its antecedent


def _key(word: str) -> str:
    return _NORM.sub("", word.lower())


@dataclass
class Entity:
    """One person or organisation of the article."""

    id: int
    forms: list[tuple[str, ...]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    first: str = ""  # lower-cased first name when known
    gender: str = ""
    org: bool = False
    titles: set[str] = field(default_factory=set)
    descriptors: set[str] = field(default_factory=set)
    speaker_votes: int = 0
    gender_votes: dict[str, int] = field(default_factory=lambda: {"m": 0, "f": 0})

    @property
    def canonical(self) -> str:
        """The fullest name form: most words, then the first seen."""
        best = max(self.forms, key=len)
        return " ".join(best)

    @property
    def person(self) -> bool:
        """True when the entity is probably a person (not an organisation or place)."""
        if self.org:
            return False
        if self.gender or self.first or self.titles or self.speaker_votes:
            return True
        return max(len(f) for f in self.forms) > 1 and sum(self.gender_votes.values()) > 0

    def guessed_gender(self) -> str:
        """Gender from title or first name, else from the pronouns that follow it."""
        if self.gender:
            return self.gender
        m, f = self.gender_votes["m"], self.gender_votes["f"]
        if m > f:
            return "m"
        if f > m:
            return "f"
        return ""


class EntityIndex:
    """The entities of one document and the positions where each is mentioned."""

    def __init__(self, doc: ParsedDoc, names: list[NameMention]) -> None:
        self.doc = doc
        self.entities: list[Entity] = []
        self.positions: list[int] = []  # mention start offsets, sorted
        self.mention_entities: list[int] = []  # entity id per position
        self.mention_tokens: list[int] = []
        self.mention_subject: list[bool] = []
        self._by_offset: dict[int, int] = {}
        for name in names:
            entity = self._attach(name)
            self.positions.append(name.start)
            self.mention_entities.append(entity.id)
            self.mention_tokens.append(name.token)
            self.mention_subject.append(_looks_like_subject(doc, name))
            self._by_offset[name.start] = entity.id
        self._vote_genders()

    # -- building -------------------------------------------------------------
    def _attach(self, name: NameMention) -> Entity:
        keys = tuple(_key(w) for w in name.words if _key(w))
        first = keys[0] if len(keys) > 1 and keys[0] in first_names() else ""
        entity = self._match(keys, first, name)
        if entity is None:
            entity = Entity(id=len(self.entities), org=name.org)
            self.entities.append(entity)
        entity.forms.append(name.words)
        entity.keys.update(keys)
        if first and not entity.first:
            entity.first = first
        if name.gender and not entity.gender:
            entity.gender = name.gender
        if name.title:
            entity.titles.update(name.title.split())
        entity.descriptors.update(name.descriptors)
        return entity

    def _match(self, keys: tuple[str, ...], first: str, name: NameMention) -> Entity | None:
        """Return the most recently mentioned entity this name can be, if any."""
        key_set = set(keys)
        if not key_set:
            return None
        seen: set[int] = set()
        for eid in reversed(self.mention_entities):
            if eid in seen:
                continue
            seen.add(eid)
            entity = self.entities[eid]
            if not (key_set <= entity.keys or entity.keys <= key_set):
                continue
            if entity.keys <= key_set and len(key_set) > len(entity.keys) and any(
                    len(f) > 1 for f in entity.forms):
                # a fuller name may only extend a short one ("Clinton" -> "Bill
                # Clinton"), never a different full name ("Hillary Clinton").
                if not all(k in key_set for f in entity.forms for k in map(_key, f)):
                    continue
            if first and entity.first and first != entity.first:
                continue
            if name.gender and entity.gender and name.gender != entity.gender:
                continue
            if len(key_set) == 1 and next(iter(key_set)) == entity.first and len(entity.keys) > 1:
                # a lone first name ("Hillary") matches its entity as well
                return entity
            return entity
        return None

    def _vote_genders(self) -> None:
        """Let he/she right after a mention vote on that entity's gender."""
        tokens = self.doc.tokens
        for idx, tok in enumerate(tokens):
            low = tok.text.lower()
            if low not in MALE_PRONOUNS and low not in FEMALE_PRONOUNS:
                continue
            if self.doc.quoted[idx]:
                continue
            k = bisect.bisect_right(self.mention_tokens, idx) - 1
            if k < 0 or idx - self.mention_tokens[k] > 25:
                continue
            entity = self.entities[self.mention_entities[k]]
            if not entity.org:
                entity.gender_votes["m" if low in MALE_PRONOUNS else "f"] += 1

    # -- queries ----------------------------------------------------------------
    def entity_at(self, offset: int) -> Entity | None:
        """Return the entity whose name mention starts at ``offset``."""
        eid = self._by_offset.get(offset)
        return None if eid is None else self.entities[eid]

    def entity_in(self, start: int, end: int) -> Entity | None:
        """Return the entity of the last name mention inside [start, end)."""
        k = bisect.bisect_left(self.positions, end) - 1
        if k >= 0 and self.positions[k] >= start:
            return self.entities[self.mention_entities[k]]
        return None

    def resolve_pronoun(self, pronoun: str, offset: int, prefer: Entity | None = None) -> Entity | None:
        """Return the entity a pronoun at ``offset`` most probably refers to.

        Candidates are the compatible name mentions of the last few paragraphs.
        A mention in subject position wins over a more recent one in object
        position ("Trump attacked Clinton ... he said" is Trump), since news
        prose keeps its subject; with no subject mention, the most recent
        compatible mention, then the previous quote's speaker.
        """
        low = pronoun.lower()
        want = "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else ""
        wants_org = low in ("it", "its", "which")
        wants_group = low in ("they", "them", "their", "we")
        line_of = self.doc.line_of_token
        here_token = self.doc.token_index(offset)
        here_line = line_of[min(here_token, len(line_of) - 1)] if line_of else 0
        k = bisect.bisect_left(self.positions, offset) - 1
        fallback: Entity | None = None
        while k >= 0:
            token = self.mention_tokens[k]
            if here_line - line_of[token] > _PRONOUN_SCOPE_LINES:
                break
            entity = self.entities[self.mention_entities[k]]
            subject = self.mention_subject[k]
            k -= 1
            if wants_org or wants_group:
                if entity.org:
                    return entity
                continue
            if not entity.person:
                continue
            gender = entity.guessed_gender()
            if want and gender and gender != want:
                continue
            if subject:
                return entity
            if fallback is None:
                fallback = entity
        if fallback is not None:
            return fallback
        if prefer is not None and not wants_org:
            pg = prefer.guessed_gender()
            if not want or not pg or pg == want:
                return prefer
        return None

    def resolve_description(self, words: list[str], offset: int) -> Entity | None:
        """Return the entity a description ("the former spy") refers to, if clear."""
        head = words[-1].lower() if words else ""
        if not head:
            return None
        k = bisect.bisect_left(self.positions, offset) - 1
        while k >= 0:
            entity = self.entities[self.mention_entities[k]]
            k -= 1
            if head in entity.descriptors or head in entity.titles:
                return entity
            if head in ORG_NOUNS and entity.org and _org_fits(head, entity):
                return entity
        return None


_ORG_HEAD_WORDS = {
    "newspaper": {"post", "times", "journal", "news", "herald", "tribune", "telegraph", "guardian",
                  "mail", "express", "mirror", "sun", "star", "globe", "chronicle", "gazette",
                  "observer", "independent", "examiner", "inquirer", "ledger"},
    "paper": {"post", "times", "journal", "news", "herald", "tribune", "telegraph", "guardian",
              "mail", "globe", "chronicle", "gazette", "ledger"},
    "police": {"police"},
    "council": {"council"},
    "company": {"inc", "corp", "corporation", "company", "ltd", "group", "llc"},
}


def _org_fits(head: str, entity: Entity) -> bool:
    words = _ORG_HEAD_WORDS.get(head)
    if words is None:
        return head in entity.keys
    return bool(words & entity.keys)


def surname_of(entity: Entity) -> str:
    """Return the last word of the canonical name, lower-cased."""
    return _key(entity.canonical.split()[-1]) if entity.forms else ""


def is_common(word: str) -> bool:
    """True when ``word`` is an ordinary English word (for sentence-initial caps)."""
    return word.lower() in common_words()


__all__ = ["Entity", "EntityIndex", "TITLES", "surname_of", "is_common"]


_NOT_VERBS = frozenset(
    "of and or in for to on at with from by as about but than nor versus vs over into".split()
)


def _looks_like_subject(doc: ParsedDoc, name: NameMention) -> bool:
    """True when a name mention is probably a clause's subject: it opens its
    sentence, or a verb-like lower-case word or an appositive comma follows it."""
    tokens = doc.tokens
    k = doc.token_index(name.end)
    if k < len(tokens) and tokens[k].start == name.end:
        nxt = tokens[k].text
    else:
        nxt = tokens[k].text if k < len(tokens) else ""
    if name.end < len(doc.text) and doc.text[name.end] in "’'":
        return False  # possessive: "Trump's plan"
    first = name.token
    while first > 0 and tokens[first - 1].text.rstrip(".").lower() in TITLES:
        first -= 1
    if first == 0 or tokens[first - 1].text in (".", "!", "?", ";", ":", "“", '"'):
        return True
    if nxt == ",":
        return True
    return nxt.isalpha() and nxt.islower() and nxt not in _NOT_VERBS

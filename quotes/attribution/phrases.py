"""The noun-phrase and sentence grammar that the attribution rules share.

Over the tokens of a :class:`~quotes.text.parsed.ParsedDoc`: where sentences
start and end, introductory phrases and datelines to skip, and the noun phrase
(a name, a pronoun, a description such as "the former spy" or "Cruz's
lawyers") that ends or starts at a token, with appositives. Every function
returns a :class:`~quotes.records.Mention` with its words, or None.
"""
from __future__ import annotations

import re

from collections.abc import Sequence
from typing import Final

from quotes.vocabulary import (
    COUNTRY_ABBREVIATIONS,
    OBJECT_VERBS,
    PARTY_WORDS,
    POSSESSIVE_DETS,
    PREPOSITIONS,
    QUOTE_MARKS,
    DAY_WORDS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NON_NAME_CAPS,
    ORG_HEADS,
    REPORTING_VERBS,
    SPEAKER_NOUNS,
    STATE_ABBREVIATIONS,
    TIME_NOUNS,
    TIME_WORDS,
    TITLES,
    VERB_PREFIXES,
    WEAK_VERBS,
)
from quotes.text.entities import PERSON_HEADS, is_place
from quotes.text.names import is_common_noun_abbreviation
from quotes.text.parsed import ParsedDoc
from quotes.records import Mention
from quotes.resources import any_first_names, common_words, word_tags


PRONOUNS: Final = frozenset("he she they i we it who".split())
# "He’s", "They’re", "I’ll": a pronoun with a contracted verb is still the pronoun
CONTRACTION: Final = re.compile(r"[’'](?:s|re|ll|d|ve|m)$")
_DETERMINERS: Final = frozenset("the a an this that our".split()) | POSSESSIVE_DETS
# Nouns for things a person writes; "his memoir says" speaks for him.
DOCUMENT_NOUNS: Final = frozenset(
    "manuscript memoir memoirs book letter diary autobiography statement website account "
    "tweet tweets post blog column essay op-ed speech remarks testimony".split()
)
_SENTENCE_END: Final = frozenset(".!?;")
RIGHT_STOP: Final = frozenset(
    ", . ; : ! ? ( ) — – who which that in at on during after before when while about to as "
    "of from with because since".split()
) | QUOTE_MARKS
MAX_SUBJECT_SPAN = 16  # tokens between a subject and its verb (appositives)


def _ends_sentence(doc: ParsedDoc, k: int) -> bool:
    """True when token ``k`` ends a sentence ("." before ")" or a lower-case word does not)."""
    if doc.tokens[k].text not in _SENTENCE_END or doc.quoted[k]:
        return False
    if k + 1 < len(doc.tokens):
        nxt = doc.tokens[k + 1].text
        if nxt in (")", ",") or nxt[:1].islower():
            return False
    return True


def closes_sentence(doc: ParsedDoc, qlo: int, qhi: int) -> bool:
    """True when the quote over tokens [qlo, qhi) ends with a full stop (or ! or ?)
    just inside its closing mark."""
    tokens = doc.tokens
    k = qhi - 1
    if k <= qlo or tokens[k].text not in QUOTE_MARKS:
        return False
    return tokens[k - 1].text in (".", "!", "?")


def after_last_sentence_end(doc: ParsedDoc, lo: int, hi: int) -> int:
    for k in range(hi - 1, lo - 1, -1):
        if _ends_sentence(doc, k):
            return k + 1
    return lo


def before_first_sentence_end(doc: ParsedDoc, lo: int, hi: int) -> int:
    for k in range(lo, hi):
        if _ends_sentence(doc, k):
            return k
    return hi


_DATELINE_DASHES: Final = frozenset(("—", "–", "-", "--"))
# Words that take a contracted verb without naming anyone ("It’s", "There’s").
_EXPLETIVES: Final = frozenset("it that there here what this".split())
_INTRO_WORDS: Final = frozenset(
    "during in at after on before while following as since when with from for by like unlike "
    "speaking asked addressing writing".split()
)


def _opens_intro(doc: ParsedDoc, k: int, hi: int) -> bool:
    """True when token ``k`` opens an introductory phrase that ends at a comma:
    a preposition or conjunction ("During a speech, …"), a participle ("Facing
    criticism from Democrats, …", "Reached by Politico, …") or a day ("Tuesday
    at the rally, …")."""
    tokens = doc.tokens
    low = tokens[k].text.lower()
    if low in _INTRO_WORDS:
        return True
    nxt = tokens[k + 1].text if k + 1 < hi else ""
    if not (nxt[:1].islower() and nxt.isalpha()) or nxt in REPORTING_VERBS or low == "according":
        return False  # ("Manning said", "Tuesday, Trump"; "According to X, …" names its source)
    if low.endswith("ing") and nxt in _INTRO_OR_DETERMINER:
        return True  # "Reading from a prepared text, …" (the lexicon has "reading" as a noun)
    if nxt == "by" and word_tags().get(low) in ("VBN", "VBD"):
        return True  # "Reached by Politico, …", "Flanked by his wife, …": a passive participle
    return word_tags().get(low) == "VBG" or (low in DAY_WORDS and nxt in _INTRO_WORDS)


_INTRO_OR_DETERMINER = _INTRO_WORDS | _DETERMINERS
_MAX_INTRO_PARTS = 4  # comma-separated parts of one introductory phrase


def skip_intro(doc: ParsedDoc, k: int, hi: int) -> int:
    """The first token after an introductory phrase opening at ``k``: past its
    comma, and past the parts that continue it ("At a rally in Portsmouth, N.H.,
    on Tuesday, Sanders said": a state after a town, then another phrase)."""
    tokens = doc.tokens
    while k < hi and tokens[k].text != ",":
        k += 1
    k += 1
    for _ in range(_MAX_INTRO_PARTS):
        c = k
        while c < hi and c - k < 5 and tokens[c].text != "," and not doc.quoted[c]:
            c += 1
        if c >= hi or tokens[c].text != "," or c == k:
            break
        words = tuple(t.text for t in tokens[k:c])
        place = is_place(words) or (len(words) == 1 and words[0].lower() in STATE_ABBREVIATIONS)
        if not place and words[0].lower() not in _INTRO_WORDS:
            break
        if not place:  # another phrase: to its own comma
            c = k
            while c < hi and tokens[c].text != "," and not doc.quoted[c]:
                c += 1
            if c >= hi or tokens[c].text != ",":
                break
        k = c + 1
    return k


def past_intro(doc: ParsedDoc, k: int, hi: int) -> int:
    """The first token after the introductory phrase opening at ``k``, or ``k``
    when none opens there."""
    return skip_intro(doc, k, hi) if k < hi and _opens_intro(doc, k, hi) else k


def sentence_subject(doc: ParsedDoc, lo: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    """Return the first name or pronoun of the sentence [lo, hi), skipping an
    introductory phrase ("During a speech in Ohio, Trump ..."): the subject of
    the main clause, which a trailing participle ("…, saying") refers to."""
    tokens = doc.tokens
    k = past_intro(doc, after_dateline(doc, lo, hi), hi)
    # a sentence that opens with "Blunt's memoir" / "Trump's accusation" is the possessor's word
    first_k = k
    while k < hi and not doc.quoted[k]:
        text = tokens[k].text
        low = text.lower()
        bare = CONTRACTION.sub("", low) if ("’" in low or "'" in low) else low
        if bare in PRONOUNS - {"who", "it"}:
            return make_mention(doc, k, k + 1, "pronoun")  # "He", "He’s"
        if bare != low and bare in _EXPLETIVES:
            k += 1  # "It’s", "There’s", "Here’s": no one's name
            continue
        if k in doc.no_name_tokens:
            # a capitalised word the names stage took for no name: opening the sentence
            # it is the subject, and no one's name ("Deaths in custody have reached
            # “shocking” levels", "- Encouraging ... “all available means”"), unless
            # it opens a role before a name ("Pop star Britney Spears", "Wild
            # defenseman Ryan Suter"); further in, no subject ("Memphis police")
            if k == first_k and not _name_after_lower_words(doc, k + 1, hi):
                return None
            k += 1
            continue
        if is_name_token(text) and text not in NON_NAME_CAPS and not is_common_noun_abbreviation(text) and not (
                k == lo and text.lower() in common_words() and not (k + 1 < hi and is_name_token(tokens[k + 1].text))):
            # (a sentence-initial ordinary word alone, "Later" or "Much", is no subject; "TV" is a thing)
            e = k
            while e + 1 < hi and not doc.quoted[e + 1] and not tokens[e].text.endswith(("’s", "'s")) and (
                    is_name_token(tokens[e + 1].text) or tokens[e + 1].text.lower() in NAME_PARTICLES):
                e += 1
            if tokens[e].text.endswith(("’s", "'s")):
                if k == first_k:
                    # "Hillary Clinton’s campaign manager Robby Mook said": the person named
                    named = _name_after_role(doc, e + 1, hi) or _possessed_speaker(doc, k, e + 1, hi)
                    if named is not None:
                        return named
                    possessor = make_mention(doc, k, e + 1, "name")
                    words = tuple(w[:-2] if w.endswith(("’s", "'s")) else w for w in possessor[1])
                    return possessor[0], words
                k = e + 1
                continue
            found = _name_after_role(doc, e + 1, hi) or _description_around(doc, k, e + 1, hi) \
                or make_mention(doc, k, e + 1, "name")
            if k > first_k and _object_of_preposition(doc, k, first_k):
                # "Here in Columbia, Sanders …", "marched through Center City": a place
                # or an object, never the subject, even when no other name follows
                # ("the exit polls in New Hampshire, 24% of voters …", "a club in Orlando")
                k = e + 1
                continue
            return found
        if text in (",", ";", ":") and k > lo + 12:
            break
        k += 1
    return None


# Prepositions whose object is not the sentence's subject ("shares of Valeant",
# "a rally in Nice", "marched through Center City").
# ("by", "to", "for", "with", "between" often lead to the speaker: "an email sent
# by Sanders", "To Sharp, Trump is …", "between Clinton and her aide").
_OBJECT_PREPOSITIONS: Final = frozenset("in at of from on into over under through near across around inside outside "
                                 "within".split())


def _object_of_preposition(doc: ParsedDoc, k: int, lo: int) -> bool:
    """True when the name at token ``k`` is the object of a preposition (after
    it, or after it and a determiner: "in the Democratic Party"), not before ``lo``."""
    tokens = doc.tokens
    j = k - 1
    if j >= lo and tokens[j].text.lower() in ("the", "a", "an") and not doc.quoted[j]:
        j -= 1
    return j >= lo and not doc.quoted[j] and tokens[j].text.lower() in _OBJECT_PREPOSITIONS


def _description_around(doc: ParsedDoc, k: int, e: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    """The description that capitalised words [k, e) only modify: "The Republican
    nominee", "the New York businessman" (a determiner before them, a person
    noun after them, with at most two lower-case words between). Up to two
    lower-case modifiers may stand between the determiner and the capitals: "the
    double Olympic champion", "the former Labour minister" (adjectives, numbers,
    adverbs: no noun, so "the man Smith hired" stays out)."""
    tokens = doc.tokens
    d = k - 1
    tags = word_tags()
    while d >= 0 and k - d <= 2 and not doc.quoted[d] and tokens[d].text.islower() \
            and tags.get(tokens[d].text, "")[:2] in _PRE_CAPITAL_TAGS:
        d -= 1
    if d < 0 or tokens[d].text.lower() not in ("the", "a", "an", "this", "that") or doc.quoted[d]:
        return None
    j = e
    while j < hi and j < e + 3 and not doc.quoted[j] and tokens[j].text.isalpha() and tokens[j].text.islower():
        if tokens[j].text in PERSON_HEADS:
            return make_mention(doc, d, j + 1, "description")
        j += 1
    return None


# Tags of the lower-case words between a determiner and a description's capitalised
# modifiers: adjectives ("double", "former", "two-time"), numbers, adverbs.
_PRE_CAPITAL_TAGS: Final = frozenset(("JJ", "CD", "RB"))


_MAX_ROLE_WORDS = 4  # lower-case words of a role between a modifier and a name
# Lexicon tags a role's words never have: verbs, function words, plurals (a
# headline's "Trump slams Clinton" is a verb, not a role).
_NOT_ROLE_TAGS: Final = frozenset("VB VBD VBZ VBP VBN VBG MD IN DT CC TO PRP PRP$ WDT WP WRB RB EX NNS".split())


def _name_after_role(doc: ParsedDoc, j: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    """The name that a role ending at a capitalised modifier leads up to:
    "Republican presidential front-runner Donald Trump", "Latvian journalist
    Dainis Ivans", "Former Obama speechwriter Jon Favreau" (the modifier run
    ends before token ``j``). The person is the name after the role words,
    not the party, nationality or employer before them."""
    tokens = doc.tokens
    tags = word_tags()
    start = j
    while j < hi and j - start < _MAX_ROLE_WORDS and not doc.quoted[j]:
        word = tokens[j].text
        tag = tags.get(word)
        if not (word.islower() and word.replace("-", "").isalpha()) or word in REPORTING_VERBS \
                or tag in _NOT_ROLE_TAGS or (tag is None and word.endswith(("s", "ed"))):
            break  # (a word the lexicon lacks may be a verb: "Cruz exhorted Republicans")
        j += 1
    if j == start or j >= hi or doc.quoted[j] or tags.get(tokens[j - 1].text, "NN") != "NN":
        return None
    if not is_name_token(tokens[j].text) or tokens[j].text in NON_NAME_CAPS:
        return None
    e = j
    while e + 1 < hi and not doc.quoted[e + 1] and (is_name_token(tokens[e + 1].text)
                                                    or tokens[e + 1].text.lower() in NAME_PARTICLES):
        e += 1
    if tokens[e].text.endswith(("’s", "'s")):
        return None
    return make_mention(doc, j, e + 1, "name")


_MAX_POSSESSED_WORDS = 3  # lower-case words of "Cruz’s (campaign) lawyers"


def _possessed_speaker(doc: ParsedDoc, k: int, j: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    """The speaker a sentence-opening possessive [k, j) owns: "Cruz’s lawyers
    argued", "Ryan’s campaign shrugged off", or the name in an appositive after
    it ("Schilling’s son, Grant, defended"). The lawyers or the campaign speak,
    not their owner; a document ("Blunt’s memoir says") is left to its owner."""
    tokens = doc.tokens
    e = j  # past the last speaker noun of the phrase ("campaign manager", "defense counsel")
    for c in range(j, min(hi, j + _MAX_POSSESSED_WORDS)):
        word = tokens[c].text
        if doc.quoted[c] or not (word.isalpha() and word.islower()) or word in REPORTING_VERBS:
            break
        if word in SPEAKER_NOUNS:
            e = c + 1
    if e == j or tokens[e - 1].text in DOCUMENT_NOUNS:
        return None
    if e + 1 < hi and tokens[e].text == ",":
        name = leading_name(doc, e + 1, hi)
        if name is not None and doc.token_index(name[0].end) < hi and tokens[doc.token_index(name[0].end)].text == ",":
            return name  # "Trump’s campaign chairman, Paul Manafort, said"
    return make_mention(doc, k, e, "description")


_MAX_DATELINE_TAIL = 12  # tokens of state, date and agency after a dateline's place


def after_dateline(doc: ParsedDoc, lo: int, hi: int) -> int:
    """The first token after a dateline that opens a paragraph ("WASHINGTON —",
    "RYE, N.H. -", "FORT PIERCE, Fla. (AP) —", "Washington (AFP) –"), or ``lo`` when there is none: the
    place in capitals is where the story was filed, not the sentence's subject."""
    if lo >= hi:
        return lo
    tokens = doc.tokens
    # (the sentence may start after the dateline's own "Fla." or "Ore.")
    start, _ = doc.line_tokens(doc.lines[doc.line_of_token[lo]])
    k = start
    while k < hi and k - start < 4 and tokens[k].text.isupper() and tokens[k].text.isalpha() \
            and len(tokens[k].text) > 1:
        k += 1
    # a place in title case ("Washington (AFP) –") is one only with an agency after it
    needs_agency = k == start
    while needs_agency and k < hi and k - start < 3 and tokens[k].text[:1].isupper() and tokens[k].text.isalpha():
        k += 1
    if k == start:
        return lo
    # then at most a few words of state, date or agency, none of them lower-case
    # ("FLINT, Mich., Oct. 4 (UPI) —": the tokens split "Mich" from its full stop)
    end = min(hi, k + _MAX_DATELINE_TAIL)
    agency = False
    while k < end and tokens[k].text not in _DATELINE_DASHES:
        if tokens[k].text[:1].islower() or doc.quoted[k]:
            return lo
        agency = agency or (tokens[k].text == "(" and k + 1 < end and tokens[k + 1].text.isupper())
        k += 1
    if k >= end or (needs_agency and not agency):
        return lo
    while k < hi and tokens[k].text in _DATELINE_DASHES:
        k += 1
    return max(k, lo)


def is_sentence_start(doc: ParsedDoc, k: int) -> bool:
    """True when token ``k`` opens its paragraph or follows a sentence end or an opening mark."""
    if k == 0 or doc.line_of_token[k - 1] != doc.line_of_token[k]:
        return True
    prev = doc.tokens[k - 1].text
    return prev in ("“", '"', "‘", "—", "–", ":") or _ends_sentence(doc, k - 1)


def only_prefixes(doc: ParsedDoc, lo: int, hi: int) -> bool:
    return all(doc.tokens[k].text.lower() in VERB_PREFIXES for k in range(lo, hi))


_NAME_TOKENS: Final[dict[str, bool]] = {}  # token text -> is_name_token (str.isupper is a slow call once compiled)


def is_name_token(text: str) -> bool:
    found = _NAME_TOKENS.get(text)
    if found is None:
        if len(_NAME_TOKENS) > 100_000:
            _NAME_TOKENS.clear()
        found = _NAME_TOKENS[text] = (text[:1].isupper() and text[:1].isalpha()) or (
            len(text) == 2 and text[1] == "." and text[0].isupper())
    return found


def _name_after_lower_words(doc: ParsedDoc, k: int, hi: int) -> bool:
    """True when one to three lower-case words from token ``k`` lead to a capitalised
    word the names stage kept ("star Britney", "defenseman Ryan")."""
    tokens = doc.tokens
    n = k
    while n < hi and n < k + 3 and tokens[n].text.isalpha() and tokens[n].text.islower():
        n += 1
    return k < n < hi and is_name_token(tokens[n].text) and n not in doc.no_name_tokens and not doc.quoted[n]


def make_mention(doc: ParsedDoc, lo: int, hi: int, kind: str) -> tuple[Mention, tuple[str, ...]]:
    """Build a mention over tokens [lo, hi)."""
    tokens = doc.tokens
    start, end = tokens[lo].start, tokens[hi - 1].end
    text = doc.text[start:end]
    words = tuple(t.text for t in tokens[lo:hi])
    return Mention(start, end, text, kind), words


def left_np(doc: ParsedDoc, v: int, bound: int, allow_comma: bool = True
             ) -> tuple[Mention, tuple[str, ...]] | None:
    """Return the subject noun phrase that ends right before token ``v``."""
    tokens = doc.tokens
    k = v - 1
    while k >= bound and not tokens[k].is_cap and (
            tokens[k].text.lower() in VERB_PREFIXES or tokens[k].text.endswith("ly")):
        k -= 1
    if k >= bound and tokens[k].text == ")":
        while k >= bound and tokens[k].text != "(":
            k -= 1
        k -= 1
    appositive: tuple[int, int] | None = None
    if k >= bound and tokens[k].text in (",", "—", "–") and allow_comma:
        c = k - 1
        while c >= bound and c > k - MAX_SUBJECT_SPAN and tokens[c].text not in (",", "—", "–"):
            if doc.quoted[c] or _ends_sentence(doc, c):  # "McConnell, R-Ky., said": that "." ends nothing
                return None
            c -= 1
        if c < bound or tokens[c].text not in (",", "—", "–"):
            return None
        appositive = (c + 1, k)
        k = c - 1
    if k < bound or doc.quoted[k]:
        return None
    np = np_ending_at(doc, k, bound)
    if np is None:
        return None
    if appositive is not None:
        if np[0].kind == "pronoun" and np[1][0].lower() == "who":
            return None
        if np[0].kind != "pronoun":
            # "Giovanni Maria Vian, the editor in chief of the Vatican's newspaper,
            # L'Osservatore Romano, said": the role's object and its appositive hang
            # on the name that opens the sentence
            head = _unclosed_appositive_head(doc, doc.token_index(np[0].start), bound)
            if head is not None:
                return head
        if np[0].kind == "description" and tokens[appositive[0]].text.lower() not in PREPOSITIONS:
            # "the economist, Jared Bernstein, said" (not "His manuscript, at the Library in London, says")
            name = trailing_name(doc, *appositive)
            if name is not None:
                return name
    if np[0].kind == "pronoun" and np[1][0].lower() in ("who", "which"):
        # "Blunt, who was a spy, said": the relative pronoun's antecedent
        if k - 1 >= bound and tokens[k - 1].text == ",":
            return np_ending_at(doc, k - 2, bound)
        return None
    if appositive is None and np[0].kind == "name":
        head = _unclosed_appositive_head(doc, doc.token_index(np[0].start), bound)
        if head is not None:
            return head
    return np


# Prepositions that tie a name to the role in an appositive ("an analyst at
# the Cook Political Report", "a former agent for President Bill Clinton").
_APPOSITIVE_PREPS: Final = frozenset("of for at with from to".split())
_APPOSITIVE_OPENERS: Final = frozenset("a an the who whose one".split())


def _unclosed_appositive_head(doc: ParsedDoc, s: int, bound: int) -> tuple[Mention, tuple[str, ...]] | None:
    """The name an appositive hangs on when its closing comma is missing.

    In "Katie Packer, who is chairman of Our Principles Pac said" or "Gary
    Byrne, a former Secret Service agent for President Bill Clinton has written",
    the name right before the verb (at token ``s``) is the object of the
    appositive's preposition; the subject is the name before the comma, which
    opens the sentence.
    """
    tokens = doc.tokens
    if s - 1 < bound or tokens[s - 1].text.lower() not in _APPOSITIVE_PREPS:
        return None
    c = s - 2
    while c >= bound and c > s - MAX_SUBJECT_SPAN and tokens[c].text != ",":
        if doc.quoted[c] or _ends_sentence(doc, c) or tokens[c].text in ("—", "–", "(", ")"):
            return None
        c -= 1
    if c - 1 < bound or tokens[c].text != "," or doc.quoted[c - 1]:
        return None
    opener = tokens[c + 1].text
    if opener.lower() not in _APPOSITIVE_OPENERS and not (opener.islower() and opener.isalpha()):
        return None  # "Columbia, South Carolina": a place, no appositive
    head = np_ending_at(doc, c - 1, bound)
    if head is None or head[0].kind != "name":
        return None
    first = doc.token_index(head[0].start)
    if first != bound and not is_sentence_start(doc, first):
        return None
    return head


def np_ending_at(doc: ParsedDoc, k: int, bound: int) -> tuple[Mention, tuple[str, ...]] | None:
    """Return the name, pronoun or description that ends at token ``k``."""
    tokens = doc.tokens
    if k < bound:
        return None
    text = tokens[k].text
    low = text.lower()
    if low in PRONOUNS or (("’" in low or "'" in low) and CONTRACTION.sub("", low) in PRONOUNS):
        return make_mention(doc, k, k + 1, "pronoun")
    if is_name_token(text) and not doc.quoted[k] and text not in NON_NAME_CAPS:
        s = k
        while s - 1 >= bound and not doc.quoted[s - 1]:
            prev = tokens[s - 1].text
            if is_name_token(prev) and not prev.endswith(("’s", "'s")):
                s -= 1
            elif prev.lower() in NAME_PARTICLES and s - 2 >= bound and is_name_token(tokens[s - 2].text):
                s -= 1
            else:
                break
        # drop sentence-initial function words ("But Blunt wrote")
        while s < k and tokens[s].text in ("But", "And", "So", "Yet", "Or", "Then", "Now", "However", "The", "In", "On", "At",
                                           "As"):
            s += 1
        # drop a sentence-initial ordinary word glued to the name ("Later Carson said")
        if s < k and is_sentence_start(doc, s) and tokens[s].text.lower() in common_words():
            s += 1
        member = _member_of(doc, s, k, bound)
        if member is not None:
            return member
        return make_mention(doc, s, k + 1, "name")
    if text.isalpha() and text.islower() and low in SPEAKER_NOUNS:
        s = k
        while s - 1 >= bound and k - s < _MAX_DESCRIPTION_WORDS and not doc.quoted[s - 1]:
            prev = tokens[s - 1].text
            if prev.lower() in _DETERMINERS and prev.lower() not in ("that", "this"):
                s -= 1
                break
            # ("the former first lady and U.S. senator")
            if prev.isalpha() or prev.endswith(("’s", "'s")) or "-" in prev or _is_abbreviation(prev):
                s -= 1
            else:
                break
        if k - s >= 6 and tokens[s].text.lower() not in _DETERMINERS:
            s = k - 5  # a long run with no determiner is no one phrase
        return make_mention(doc, s, k + 1, "description")
    return None


def _member_of(doc: ParsedDoc, s: int, k: int, bound: int) -> tuple[Mention, tuple[str, ...]] | None:
    """The person in "Mr. Morgan of the Sierra Club said" / "Drew Heiserman of CORE
    Teachers said" / "David Noone from Intervoice said", where the name [s, k] is an organisation the person belongs
    to: the person speaks, not the organisation."""
    tokens = doc.tokens
    o = s - 1
    if o - 1 >= bound and tokens[o].text.lower() == "the":
        o -= 1
    elif tokens[k].text not in ORG_HEADS and not (o >= bound and tokens[o].text == "from"):
        # ("from" never joins the words of one name: "David Noone from Intervoice said")
        return None
    if o - 1 < bound or tokens[o].text not in ("of", "from") or doc.quoted[o - 1]:
        return None
    e = o - 1
    p = e
    while p - 1 >= bound and not doc.quoted[p - 1] and e - p < 3 and is_name_token(tokens[p - 1].text) \
            and not tokens[p - 1].text.endswith(("’s", "'s")):
        p -= 1
    words = [t.text for t in tokens[p:e + 1]]
    if not all(is_name_token(w) for w in words) or words[-1] in ORG_HEADS or words[-1].isupper():
        return None
    titled = words[0].rstrip(".").lower() in TITLES
    while words and words[0].rstrip(".").lower() in TITLES:
        words = words[1:]
    if not words:
        return None
    if not titled and not (len(words) > 1 and words[0].lower() in any_first_names()) and (
            len(words) > 1 or words[0].lower() in common_words()):
        return None
    return make_mention(doc, p, e + 1, "name")


# Words a description may span back to its determiner ("the former secretary of
# state and current Democratic presidential nominee").
_MAX_DESCRIPTION_WORDS = 10


def _is_abbreviation(text: str) -> bool:
    """True for dotted capitals such as "U.S." or "U.N."."""
    return len(text) >= 4 and text.endswith(".") and text.replace(".", "").isalpha() and text.replace(".", "").isupper()


def trailing_name(doc: ParsedDoc, lo: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    """Return a name that ends the token range [lo, hi), if it does."""
    tokens = doc.tokens
    k = hi - 1
    if k < lo or not is_name_token(tokens[k].text):
        return None
    s = k
    while s - 1 >= lo and (is_name_token(tokens[s - 1].text) or tokens[s - 1].text.lower() in NAME_PARTICLES):
        s -= 1
    return make_mention(doc, s, k + 1, "name")


def right_np(doc: ParsedDoc, lo: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    """Return the noun phrase that follows a cue ("said Blunt", "said the spy")."""
    tokens = doc.tokens
    k = lo
    while k < hi and tokens[k].text.lower() in TIME_WORDS:
        k += 1
    if k >= hi or doc.quoted[k]:
        return None
    if CONTRACTION.sub("", tokens[k].text.lower()) in PRONOUNS - {"who"}:
        return make_mention(doc, k, k + 1, "pronoun")
    end = k
    while end < hi and end - k < 9 and not doc.quoted[end]:
        t = tokens[end].text
        low = t.lower()
        if low in RIGHT_STOP and not (low == "of" and end > k and is_name_token(tokens[end - 1].text)
                                         and end + 1 < hi and is_name_token(tokens[end + 1].text)):
            break
        if not (t[:1].isalnum() or t in ("’s", "'s", "&", "-")):
            break
        end += 1
    if end == k:
        return None
    # "said Rep. Charles B. Rangel of New York", "wrote Cameron Easley for
    # Morning Consult": a titled or first-named person before "of" or "for" is
    # the speaker; the place or body after it only says where from.
    for o in range(k + 1, end - 1):
        if tokens[o].text.lower() in ("of", "for", "from") and is_name_token(tokens[o - 1].text):
            first = k
            while first < o and not is_name_token(tokens[first].text):
                first += 1
            head = tokens[first].text.lower().rstrip(".")
            # a person: a title or a first name first, or two name words that do
            # not end in an organisation's head ("Cameron Easley", not "National
            # Institutes of Health")
            two_words = o - first >= 2 and tokens[o - 1].text not in ORG_HEADS
            if first < o and (head in TITLES or head in any_first_names() or two_words):
                return make_mention(doc, first, o, "name")
            break
    # The last run of capitalised words, when it ends the phrase, is the name.
    s = end
    while s - 1 >= k and (is_name_token(tokens[s - 1].text)
                          or tokens[s - 1].text.lower().rstrip(".") in NAME_SUFFIXES
                          or (tokens[s - 1].text.lower() in NAME_PARTICLES and s - 1 > k)):
        s -= 1
    if s < end:
        # keep a title right before the name inside the mention ("Mr. Garin")
        while s - 1 >= k and tokens[s - 1].text.lower().rstrip(".") in TITLES and tokens[s - 1].is_cap:
            s -= 1
        if end < hi and tokens[end].text == "," and end + 1 < hi:
            pass
        return make_mention(doc, s, end, "name")
    heads = [j for j in range(k, end) if tokens[j].text.lower() in SPEAKER_NOUNS]
    if heads:
        phrase_end = heads[-1] + 1
        # "said the economist, Jared Bernstein": the appositive name wins
        if phrase_end == end and end + 1 < hi and tokens[end].text == ",":
            name = leading_name(doc, end + 1, hi)
            if name is not None:
                return name
        return make_mention(doc, k, phrase_end, "description")
    return None


_MODIFIER_RUN = 3  # lower-case words from a modifying place to the noun it modifies
_MODIFIED_TAGS: Final = frozenset(("JJ", "NN", "NNS"))


def modified_noun_end(doc: ParsedDoc, lo: int, hi: int) -> int:
    """When the name at tokens [lo, hi) is a place or a party word that only
    modifies the common noun after it ("The UK operator is appealing", "US critics
    were less kind", "Ohio voters said", "Republican presidential candidates"),
    the token past that noun; else -1.

    A place or party before a noun is an adjective: the speaker, if any, is the
    noun phrase, not the country. "The US said", "in the US today", "the
    Republican said" and "Britain plans to" keep the name (a verb, a time, no noun).
    """
    tokens = doc.tokens
    n = len(tokens)
    if hi >= n or hi <= lo or doc.quoted[hi] or not tokens[hi].text.islower():
        return -1  # (most names: no lower-case word after them)
    words = tuple(t.text for t in tokens[lo:hi])
    if len(words) > 1 and words[0].lower() in PARTY_WORDS:
        words = words[1:]  # "The Independent Vermont senator"
    if not (is_place(words) or " ".join(words) in COUNTRY_ABBREVIATIONS
            or (len(words) == 1 and words[0].lower() in PARTY_WORDS and not words[0].lower().endswith("s"))):
        return -1
    if tokens[hi - 1].end < len(doc.text) and doc.text[tokens[hi - 1].end:tokens[hi - 1].end + 1] in "’'":
        return -1  # a possessive: "Britain's ministers" belong to it
    tags = word_tags()
    j, end = hi, -1
    while j < n and j - hi < _MODIFIER_RUN and not doc.quoted[j]:
        word = tokens[j].text
        tag = tags.get(word)
        if not (word.isalpha() and word.islower()) or tag not in _MODIFIED_TAGS or word in TIME_NOUNS \
                or word in REPORTING_VERBS or word in WEAK_VERBS or word in OBJECT_VERBS:
            break
        j += 1
        if tag != "JJ":
            end = j
    if end < 0 or (end < n and tokens[end].text.lower() in ("to", "that")):
        return -1  # ("Britain plans to …", "Russia warns that …": the noun is a verb)
    return end


def is_bare_title(words: Sequence[str]) -> bool:
    """True for a "name" that is only a title ("Mayor"), which names nobody."""
    return all(w.lower().rstrip(".") in TITLES for w in words)


def leading_name(doc: ParsedDoc, lo: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    tokens = doc.tokens
    e = lo
    while e < hi and is_name_token(tokens[e].text) and not doc.quoted[e]:
        e += 1
    if e == lo:
        return None
    return make_mention(doc, lo, e, "name")

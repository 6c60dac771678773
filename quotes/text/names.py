"""Find proper-name mentions (people and organisations) outside quotation marks.

A name is a run of capitalised words, initials and name particles. Leading
function words ("The", "However") and titles ("Mr.", "Sen.") are split off; the
title's gender and the lower-case words right before the name ("former spy")
are kept, since pronoun and description resolution need them.
"""
from __future__ import annotations

import re

from collections.abc import Sequence, Set as AbstractSet
from typing import Final

from quotes.vocabulary import (
    HYPHEN_MODIFIER_PARTICIPLES,
    HYPHEN_PREFIXES,
    NAME_BREAKING_PREPOSITIONS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NON_NAME_CAPS,
    ORG_HEADS,
    PARTY_OR_NATION_ADJECTIVES,
    PARTY_WORDS,
    POST_NOMINALS,
    REPORTING_VERBS,
    ROLE_WORDS,
    SPEAKER_NOUNS,
    TITLES,
)
from quotes.text.parsed import ParsedDoc
from quotes.resources import census_first_names, common_words, demonyms, first_names, places, word_tags
from quotes.text.segment import Token

# A capitalised word starts with an upper-case letter (str.isupper(): "Émile", "Ørsted",
# "Łukasz" as well as "Anna"); ASCII letters are looked up in a set first, a cheaper
# test than a method call once compiled.
_ASCII_UPPER: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_LOWER: Final = frozenset("abcdefghijklmnopqrstuvwxyz")
# Determiners before a description ("the Sheffield Central MP", "a Tory MP").
_DETERMINERS: Final = frozenset(("the", "a", "an", "this", "that"))
# Words that join an organisation's name ("Department of Justice").
_ORG_JOINERS: Final = frozenset(("of", "for", "on"))
# Titles that may stand inside a run before the name ("Ohio Gov. John Kasich");
# "King" or "St." inside a run belong to the name ("Martin Luther King Jr.").
_INNER_TITLES: Final = frozenset(
    "mr mrs ms dr prof gen lt col capt sgt adm rev detective inspector congressman congresswoman "
    "councilman councilwoman vice prime professor councillor cllr".split()
)
# Office titles that take "of" before the office ("Secretary of State").
_FIRST_PERSON_CONTRACTION: Final = re.compile(r"I[’'](?:m|ll|ve|d)$")
_OFFICE_TITLES: Final = frozenset(
    "secretary minister director attorney chairman chairwoman chair president chief chancellor speaker".split()
)
_ROLE_OR_INNER: Final = ROLE_WORDS | _INNER_TITLES
# Capitalised words that are lower-case words in a title-case headline.
_HEADLINE_SHARE: Final = 0.6


class NameMention:
    """A proper name in the text, split into its parts (treat as immutable).

    Attributes:
        start, end: offsets of the name itself (title excluded).
        words: the name's words, without title or possessive ("Anthony", "Blunt").
        title: the title before it, lower-cased, or "".
        gender: "m", "f" or "" from the title or the first name.
        descriptors: lower-case words right before the name ("former", "spy").
        org: True when the name looks like an organisation's.
        token: index of the name's first token.
    """

    # A plain class rather than a frozen dataclass, whose __init__ is ten times
    # slower once compiled (see segment.Token).
    __slots__ = ("start", "end", "words", "title", "gender", "descriptors", "org", "token")

    def __init__(self, start: int, end: int, words: tuple[str, ...], title: str, gender: str,
                 descriptors: tuple[str, ...], org: bool, token: int) -> None:
        self.start = start
        self.end = end
        self.words = words
        self.title = title
        self.gender = gender
        self.descriptors = descriptors
        self.org = org
        self.token = token

    def _key(self) -> tuple[int, int, tuple[str, ...], str, str, tuple[str, ...], bool, int]:
        return (self.start, self.end, self.words, self.title, self.gender, self.descriptors, self.org, self.token)

    def __eq__(self, other: object) -> bool:
        return self._key() == other._key() if isinstance(other, NameMention) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"NameMention{self._key()!r}"

    @property
    def text(self) -> str:
        """The name as written, without title."""
        return " ".join(self.words)


def _is_cap_word(text: str) -> bool:
    first = text[:1]
    if first in _ASCII_UPPER:
        return True
    if first in _ASCII_LOWER or first < "\x80":
        return False
    # a non-ASCII capital ("Émile", "Ørsted"); a titlecase digraph ("ǅ") counts too
    return first.isupper() or first.istitle()


def is_hyphen_modifier(word: str) -> bool:
    """A hyphenated participial modifier ("Paris-based", "Texas-born", "Labour-led"):
    its last part is a lower-case participle such as "based" or "born", where a
    hyphenated name's last part is a name ("Lloyd-Webber", "Jean-Pierre", "Al-Assad")."""
    cut = word.rfind("-")
    return 0 < cut < len(word) - 1 and word[cut + 1:] in HYPHEN_MODIFIER_PARTICIPLES


_HYPHENATED_GIVEN_NAME: Final = re.compile(r"([A-Z][a-z]{1,4})-([a-z]{1,5})")


def is_hyphenated_given_name(word: str) -> bool:
    """A romanised Korean given name: two syllables joined by a hyphen, the second in
    lower case ("Ki-moon", "Geun-hye", "Jae-in", "Jong-un"). It follows the family name
    ("Ban Ki-moon"), which is part of the same name even when it spells a common word
    ("Ban", "Moon"). A look-alike's first part is an English word or prefix the lexicon
    or HYPHEN_PREFIXES knows ("Pre-war", "Anti-war", "Self-made", "Co-op", "Sci-fi")."""
    m = _HYPHENATED_GIVEN_NAME.fullmatch(word)
    if m is None or is_hyphen_modifier(word):
        return False
    first = m.group(1).lower()
    return first not in word_tags() and first not in HYPHEN_PREFIXES


def is_common_noun_abbreviation(word: str) -> bool:
    """An abbreviation in two capitals that the lexicon knows as a common noun
    written in lower case ("TV", "AD", "HR"): a thing, no one's name."""
    low = word.lower()
    return len(word) == 2 and word.isupper() and low in common_words() and word_tags().get(low) in ("NN", "NNS")


def _is_initial(text: str) -> bool:
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def is_headline_line(doc: ParsedDoc, lo: int, hi: int) -> bool:
    """True for a title-case line ("Hillary Clinton Was Headed to ER"), where
    capitals do not mark names."""
    # Callers ask again for the same lines (names, entities, features): cache per document.
    key = lo * (len(doc.tokens) + 1) + hi
    cached = doc.headline_lines.get(key)
    if cached is None:
        cached = _is_headline_tokens(doc.tokens, lo, hi)
        doc.headline_lines[key] = cached
    return cached


def _is_headline_tokens(tokens: list[Token], lo: int, hi: int) -> bool:
    words = capitals = 0  # words that start with a letter, and those with a capital
    for k in range(lo, hi):
        first = tokens[k].text[:1]
        # set look-ups for ASCII letters: str.isalpha and str.isupper are slow calls once compiled
        if first in _ASCII_LOWER:
            if tokens[k].text in REPORTING_VERBS:
                # Title case capitalises verbs ("Clinton Says She Will Run"): a lower-case
                # reporting verb makes the line a sentence, however short and full of
                # names ('"No," said Park Geun-hye.', 'John Smith said Tuesday.').
                return False
            words += 1
        elif first in _ASCII_UPPER:
            words += 1
            capitals += 1
        elif first.isalnum() and first.isalpha():  # isalnum, a cheap primitive, rules out punctuation
            words += 1
            if first.isupper():
                capitals += 1
    if words < 4:
        return False
    return capitals / words >= _HEADLINE_SHARE


def _org_complement_goes_on(tokens: Sequence[Token], j: int, hi: int, complement: int,
                            common: frozenset[str]) -> bool:
    """Whether the lower-case word at ``j`` joins an organisation's name to the
    capitalised noun after it: "of the"/"for the" after a head word ("Society for the
    Protection"); inside the complement "of"/"for", and "and" before a capitalised
    common noun that is no first name ("and Skills", "and Red Crescent Societies", not
    "and Oxfam" or "and Tony Blair"); "to" only in a "for the"/"of the" complement
    ("Prevention of Cruelty to Children")."""
    low = tokens[j].text.lower()
    nxt = tokens[j + 1].text if j + 1 < hi else ""
    if low in ("of", "for") and nxt == "the":
        after = tokens[j + 2].text if j + 2 < hi else ""
        return _is_org_head(tokens[j - 1].text) and _is_cap_word(after) and after not in NON_NAME_CAPS \
            and _dictionary_noun(after, common)
    if not complement or not _is_cap_word(nxt) or nxt in NON_NAME_CAPS:
        return False
    if low == "to" and complement < 2:
        return False
    if low == "and":
        # the capitalised words after "and": a singular head word among them starts
        # another body ("the Ministry of Defence and Foreign Office"); a plural one is
        # the head both sides share ("Payment and Clearing Services", "the Red Cross and
        # Red Crescent Societies"). (Left alone: "Bank of England and Treasury
        # officials" has the form of "Department of Trade and Industry officials".)
        k = j + 1
        while k < hi and _is_cap_word(tokens[k].text):
            word = tokens[k].text
            if word in ORG_HEADS and not (word[-1:] == "s" and _is_org_head(word[:-1])):
                return False
            k += 1
    if low in ("and", "to"):
        return _dictionary_noun(nxt, common) and nxt.lower() not in first_names()
    return False


def _is_org_head(word: str) -> bool:
    """A word that ends an organisation's name, or its plural ("Centers for Disease
    Control", "National Institutes of Health", "Red Crescent Societies")."""
    return word in ORG_HEADS or (word[-1:] == "s" and word[:-1] in ORG_HEADS) \
        or (word[-3:] == "ies" and word[:-3] + "y" in ORG_HEADS)


def _dictionary_noun(word: str, common: frozenset[str]) -> bool:
    """A capitalised word that is a dictionary word, not a proper noun ("Prevention",
    "Skills", "Red"; not "Oxfam")."""
    low = word.lower()
    return low in common or word_tags().get(low, "NNP") not in ("NNP", "NNPS")


def find_names(doc: ParsedDoc, use_model: bool = True) -> list[NameMention]:
    """Return every name mention outside quotation marks, in document order.

    The grammar finds capitalised runs and splits off titles and roles; the
    learned name model (:mod:`quotes.text.name_model`) then cuts the words at a
    run's edges that are no part of a name and drops runs with no name word
    (``use_model=False``: the grammar alone, as the model's training sees it).
    """
    common = common_words()
    # a word surname alone ("May said") goes to a model trained to judge it (and to training)
    surnames = _surnames_after_first_names(doc) if not use_model or _model_judges_surnames() else frozenset()
    names: list[NameMention] = []
    from_headline: list[bool] = []
    line_of: list[tuple[int, int]] = []
    tokens = doc.tokens
    quoted = doc.quoted
    for line in doc.lines:
        lo, hi = doc.line_tokens(line)
        headline = is_headline_line(doc, lo, hi)
        i = lo
        while i < hi:
            if quoted[i] or not _is_cap_word(tokens[i].text) \
                    or tokens[i].text.lower() in NAME_BREAKING_PREPOSITIONS:
                i += 1
                continue
            j = i
            skip: set[int] = set()
            # inside an organisation's complement ("Department for Education | and Skills",
            # "Society for the | Prevention of Cruelty to Children"): 1 after "of"/"for",
            # 2 after "of the"/"for the"
            complement = 0
            while j < hi:
                if doc.quoted[j]:
                    # a quoted nickname inside a name: Robert C. "Bobby" Scott
                    nick = _nickname_end(doc, j, hi) if j > i else None
                    if nick is None:
                        break
                    skip.update(range(j, nick))
                    j = nick
                    continue
                t = tokens[j].text
                low = t.lower()
                if headline and j > i and low in common and not _is_cap_sure(t):
                    break
                if j > i and low in REPORTING_VERBS and low in common:
                    break  # a headline verb ends the name ("Obama Says ...")
                if j > i and low in NAME_BREAKING_PREPOSITIONS:
                    break  # "HUFFPOLLSTER VIA EMAIL": a preposition, no part of a name
                if _is_cap_word(t) or _is_initial(t):
                    if len(t) > 2 and t[-2:] in ("’s", "'s"):  # (a possessive: see _strip_possessive)
                        j += 1
                        break
                    j += 1
                    continue
                nxt = tokens[j + 1].text if j + 1 < hi else ""
                if low == "of" and nxt == "the" and j > i and tokens[j - 1].text.rstrip(".").lower() in _OFFICE_TITLES \
                        and _first_name_in_run(tokens, j + 2, hi):
                    # "Chancellor of the Exchequer Gordon Brown", "Speaker of the House Paul
                    # Ryan": an office, then the name (_make_mention splits them); not "the
                    # President of the United States" (no first name: a place)
                    j += 2
                    continue
                if (low in NAME_PARTICLES or low in _ORG_JOINERS) and _is_cap_word(nxt) and j > i \
                        and nxt not in NON_NAME_CAPS:  # "the Times on Saturday" is no name
                    if low in _ORG_JOINERS and not _is_org_head(tokens[j - 1].text) and not complement \
                            and not (low == "of" and tokens[j - 1].text.rstrip(".").lower() in _OFFICE_TITLES):
                        break  # ("Secretary of State John Kerry" goes on: an office, then the name)
                    if low in _ORG_JOINERS and _is_org_head(tokens[j - 1].text):
                        complement = max(complement, 1)
                    j += 1
                    continue
                if j > i and _org_complement_goes_on(tokens, j, hi, complement, common):
                    # An organisation's name runs on through its complement, whose nouns are
                    # capitalised: "Royal Society for the Protection of Birds", "Department of
                    # Trade and Industry", "Centers for Disease Control and Prevention"
                    # (look-alikes: "the Department of Health and Oxfam", "the Bank of
                    # England to Treasury officials", "the Royal Society for the first time")
                    if low in ("of", "for") and nxt == "the":
                        complement = 2
                        j += 2
                    else:
                        j += 1
                    continue
                if low.rstrip(".") in NAME_SUFFIXES and j > i and t[:1].isupper():
                    j += 1
                    continue
                break
            mention = _make_mention(doc, lo, i, j, common, headline, skip, surnames)
            if mention is not None:
                names.append(mention)
                from_headline.append(headline)
                line_of.append((lo, hi))
            i = max(j, i + 1)
    if use_model and names:
        names, from_headline = _apply_name_model(doc, names, from_headline, line_of)
    if any(from_headline):
        names = _trim_headline_names(doc, names, from_headline)
    return names


def mention_tokens(doc: ParsedDoc, mention: NameMention) -> list[int] | None:
    """The token of each of the mention's words, or None when they do not line up."""
    tokens, quoted = doc.tokens, doc.quoted
    ks: list[int] = []
    k = mention.token
    while k < len(tokens) and tokens[k].start < mention.end:
        if not quoted[k]:
            ks.append(k)
        k += 1
    return ks if len(ks) == len(mention.words) else None


def _apply_name_model(doc: ParsedDoc, names: list[NameMention], from_headline: list[bool],
                      line_of: list[tuple[int, int]]) -> tuple[list[NameMention], list[bool]]:
    """Cut each mention to the words the name model takes for a name; drop the
    mentions with none (unless a title marks them: "Mr. Pink")."""
    from quotes.text.name_model import ArticleUsage, load_name_model, name_block, token_feature_parts

    model = load_name_model()
    if not model.applied:
        return names, from_headline
    runs = [(mention_tokens(doc, m), h) for m, h in zip(names, from_headline)]
    usage = ArticleUsage.build(doc, [(ks, h, lo) for (ks, h), (lo, _) in zip(runs, line_of) if ks])
    out: list[NameMention] = []
    out_headline: list[bool] = []
    dropped: list[int] = []
    threshold = model.threshold
    for mention, (ks, headline), (lo, hi) in zip(names, runs, line_of):
        if ks is None:
            out.append(mention)
            out_headline.append(headline)
            continue
        keep = [p >= threshold for p in model.probabilities(*token_feature_parts(doc, ks, headline, lo, hi, usage))]
        # joiners stay, and so does the word after "of" ("Department of Justice")
        words = mention.words
        keep = [k or w[:1].islower() or (p > 0 and words[p - 1] in _ORG_JOINERS)
                for p, (k, w) in enumerate(zip(keep, words))]
        # an organisation's complement is one name, from its head word to the last noun
        # after a joiner ("Department for Education and Skills", "Organisation for
        # Economic Co-operation and Development"): the grammar joined it (see
        # _org_complement_goes_on); the words after it stay the model's to judge
        head = next((p for p in range(len(words) - 1) if _is_org_head(words[p]) and words[p + 1] in _ORG_JOINERS), -1)
        if head >= 0:
            last = max((p for p in range(head + 2, len(words)) if words[p - 1][:1].islower()), default=head)
            # ... and on to a head word closing it ("and Red Crescent Societies")
            last = max((p for p in range(last + 1, len(words)) if _is_org_head(words[p])
                        and all(w[:1].isupper() for w in words[last + 1:p + 1])), default=last)
            keep[head:last + 1] = [True] * (last + 1 - head)
        # a family name and its hyphenated given name are one name ("Moon Jae-in")
        for p in range(1, len(words)):
            if is_hyphenated_given_name(words[p]) and (keep[p] or keep[p - 1]):
                keep[p] = keep[p - 1] = True
            elif not keep[p] and keep[p - 1] and _title_surname(words[p - 1], words[p]):
                keep[p] = True
        glued = _glued_before_first_name(words)
        if glued:
            keep[:glued] = [False] * glued
        if len(words) > 1 and " ".join(words).lower() in places():
            # a place of several words is one name ("South Africa", "Saudi Arabia",
            # "Northern Ireland"): the model judges words, and "South" or "Arabia"
            # alone looks like a name's edge
            keep = [True] * len(words)
        if all(keep):
            out.append(mention)
            out_headline.append(headline)
            continue
        block = name_block(keep, mention.words)
        if block is not None and block[0] > 0:
            block = (org_prefix(words, block[0], block[1]), block[1])
        if block is None:
            if not mention.title:
                dropped.append(len(out))  # left out below, with what it tells the subject rule
            out.append(mention)
            out_headline.append(headline)
            continue
        out.append(_cut_mention(doc, mention, ks, block[0], block[1]))
        out_headline.append(headline)
    if dropped:
        return _drop_no_names(doc, out, out_headline, dropped)
    return out, out_headline


def _glued_before_first_name(words: tuple[str, ...]) -> int:
    """How many words glued before a person's name open the run: a first name with
    a surname after it opens the name, and dictionary words, demonyms, places and
    all-caps labels before it are the person's team, role or outlet ("Browns DL
    Sheldon Richardson", "NBC Chuck Todd", "Kentuckian Rand Paul", "Affairs Wendy
    Sherman"). A run that opens with a first name ("Billie Jean King") or a word
    on no list ("Norbert Leo Butz", "Booz Allen Hamilton") or an initial ("J.
    Michael Pearson") is one name; 0 then."""
    from quotes.text.name_model import lexicon_flags

    names = first_names()
    rarer = census_first_names()
    if len(words) < 3 or words[0].lower() in names or words[0].lower() in rarer:
        return 0
    for m in range(1, len(words) - 1):
        low = words[m].lower()
        if (low in names or low in rarer) and words[m + 1][:1].isupper():
            break
    else:
        return 0
    for word in words[:m]:
        low = word.lower()
        letters = word.replace("-", "")
        if len(word.rstrip(".")) < 2:
            return 0  # an initial ("W. Neil Eggleston")
        if letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 5:
            continue  # a label or outlet in capitals ("DL", "NBC")
        flags = set(lexicon_flags(low))
        if low.endswith("s") and len(low) > 3:
            flags.update(lexicon_flags(low[:-1]))  # a team's plural ("Browns", "Patriots")
        if not {"tag_noun", "tag_adj", "tag_verb", "demonym", "place", "party"} & flags:
            return 0
    return m


def _title_surname(before: str, word: str) -> bool:
    """True when title word ``word`` follows first name ``before``: a title opens a
    name and never follows a first name, so there it is the surname ("John
    Major", "Stephen King", "Howard Dean", "Erik Prince"; not "Major John
    Smith")."""
    return word[:1].isupper() and word.rstrip(".").lower() in TITLES and before.lower() in first_names()


def _drop_no_names(doc: ParsedDoc, names: list[NameMention], from_headline: list[bool],
                   dropped: list[int]) -> tuple[list[NameMention], list[bool]]:
    """Leave out the mentions at ``dropped``, whose words the name model took for no
    name, and record their tokens as no subject's name either (ParsedDoc.no_name_tokens)
    when they are plain English words (:func:`plain_word`) the article names nothing
    with: a place, people, party or organisation's head the model calls no
    person's or organisation's name may still act and speak ("Russia plans ...").

    A word alone that is the last word of a longer organisation's name the article
    keeps stays: a head noun that stands for that name ("Police" for "North Fells
    Police", "Council" for "Kelderdale Council"); so does a word the article keeps
    alone as a name elsewhere, no person's surname ("Wild" beside "the Wild")."""
    gone_tokens = {n: mention_tokens(doc, names[n]) or [] for n in dropped}
    gone = set(gone_tokens)
    # (an organisation's name, no person's: a word surname alone is judged apart, "in May"
    # beside "Theresa May" stays no name)
    given = first_names()
    heads = {_strip_possessive(m.words[-1]).lower() for n, m in enumerate(names)
             if n not in gone and len(m.words) > 1 and m.words[0].lower() not in given}
    # a word the article keeps alone as a name elsewhere names the same here (one
    # sense a discourse: "Wild defenseman Ryan Suter" beside "the Wild's win", the
    # team), unless it is a person's surname ("in May" beside "Theresa May ... May said")
    surnames = {_strip_possessive(m.words[-1]).lower() for n, m in enumerate(names)
                if n not in gone and len(m.words) > 1 and m.words[0].lower() in given}
    heads |= {_strip_possessive(m.words[0]).lower() for n, m in enumerate(names)
              if n not in gone and len(m.words) == 1} - surnames
    # (a place that ends an organisation's name, "... Commission for Europe", does
    # not stand for it: "Europe's growth" is the continent's)
    heads = {w for w in heads if w not in places()}
    named = {_strip_possessive(w).lower() for n, m in enumerate(names) if n not in gone for w in m.words}
    named |= _capitalised_inside_sentences(doc, {k for ks in gone_tokens.values() for k in ks})
    out: list[NameMention] = []
    out_headline: list[bool] = []
    for n, (mention, headline) in enumerate(zip(names, from_headline)):
        if n in gone and not (len(mention.words) == 1 and _strip_possessive(mention.words[0]).lower() in heads):
            ks = gone_tokens[n]
            # (a word the article keeps as a name, or in one, elsewhere may name
            # here too: "Next" beside "shares in Next", "Labour" beside "the Labour party")
            if all(plain_word(doc.tokens[k].text) and _strip_possessive(doc.tokens[k].text).lower() not in named
                   for k in ks):
                doc.no_name_tokens.update(ks)
            continue
        out.append(mention)
        out_headline.append(headline)
    return out, out_headline


def _capitalised_inside_sentences(doc: ParsedDoc, ks: set[int]) -> set[str]:
    """The lower-cased words of tokens ``ks`` that the article also writes with a
    capital inside a sentence, where a capital marks a name ("the Wild's 4-1 win"
    beside "Wild defenseman Ryan Suter": the team)."""
    from quotes.text.name_model import OPENERS

    words = {_strip_possessive(doc.tokens[k].text) for k in ks}
    if not words:
        return set()
    tokens, text = doc.tokens, doc.text
    out: set[str] = set()
    for k in range(1, len(tokens)):
        word = _strip_possessive(tokens[k].text)
        if k in ks or word not in words:
            continue
        prev = tokens[k - 1]
        if prev.text not in OPENERS and "\n" not in text[prev.end:tokens[k].start]:
            out.add(word.lower())
    return out


def plain_word(text: str) -> bool:
    """True for a capitalised word that is a plain English word and nothing that can
    speak: a common noun, adjective, verb or adverb of the lexicon ("Deaths",
    "Nuclear", "Pop"), not a proper noun there, no place, demonym or party
    ("Russia plans ...", "The German said", "Republicans said": a country, a
    people or a party acts and speaks) and no organisation's head ("Police said",
    "Government sources": the body the article names)."""
    from quotes.text.name_model import lexicon_flags, tag_class

    word = _strip_possessive(text)
    if not word or word in ORG_HEADS:
        return False
    low = word.lower()
    if tag_class(low) is None:
        return False
    return not {"place", "demonym", "party", "first"} & set(lexicon_flags(low))


def org_prefix(words: tuple[str, ...], a: int, b: int) -> int:
    """Where the name starts when the model cut words before ``words[a:b]``.

    A place, party or demonym before a person's name describes the person
    ("Texan Ted Cruz", "Republican Donald Trump", "American Andy Roddick"), but
    before an organisation's name it is part of it ("Manchester City", "London
    Stock Exchange", "Liberal Democrats", "American Airlines", "Welsh Water"):
    when the kept words hold no first name, the place and party words right
    before them join the name, and so do demonyms when the kept words end in an
    organisation's head or a dictionary word ("Airlines", "Water", "Legion"),
    not in a surname the dictionary does not know ("Australian Lleyton Hewitt").
    """
    from quotes.text.name_model import lexicon_flags

    names = first_names()
    if any(w.lower() in names for w in words[a:b]):
        return a
    last = _strip_possessive(words[b - 1])
    tag = word_tags().get(last.lower())
    org_like = last in ORG_HEADS or (tag is not None and not tag.startswith("NNP"))
    while a > 0:
        flags = lexicon_flags(_strip_possessive(words[a - 1]).lower())
        if "place" not in flags and "party" not in flags and not ("demonym" in flags and org_like):
            break
        a -= 1
    return a


def _cut_mention(doc: ParsedDoc, mention: NameMention, ks: list[int], a: int, b: int) -> NameMention:
    """The mention's words [a, b); the words cut off before it become descriptors."""
    words = mention.words[a:b]
    tokens = doc.tokens
    start = tokens[ks[a]].start
    end = tokens[ks[b - 1]].start + len(words[-1])
    descriptors = mention.descriptors + tuple(w.rstrip(".").lower() for w in mention.words[:a])
    gender = mention.gender
    if a > 0 and not mention.title:
        gender = first_names().get(words[0].lower(), "") if len(words) > 1 else ""
    return NameMention(start, end, words, mention.title, gender, descriptors, _is_org(words, gender), ks[a])


def is_plural_title(words: tuple[str, ...] | list[str]) -> bool:
    """True for a "name" that is only a title or role in the plural ("MPs",
    "Senators", "Governors"): a group of office holders, no one person."""
    return bool(words) and all(
        w.endswith("s") and (w[:-1].lower() in TITLES or w[:-1].lower() in ROLE_WORDS)
        and w.lower().rstrip(".") not in TITLES for w in words)


def _is_org(words: tuple[str, ...] | list[str], gender: str) -> bool:
    """An organisation's or group's name, from its words."""
    last = words[-1]
    # Plural group names ("African Americans", "Democrats", "Carolina Panthers") are
    # no one person; surnames like "Evans" or "Sanders" are too short or follow a first name.
    plural = (last.endswith(("ists", "crats")) or (last.endswith(("ans", "cans")) and len(last) >= 7)
              or (last.endswith("ers") and len(words) > 1 and gender == ""))
    return plural or last in ORG_HEADS or any(w in _ORG_JOINERS for w in words) \
        or last.isupper() and len(words) == 1 and len(words[0]) > 2


def _trim_headline_names(doc: ParsedDoc, names: list[NameMention],
                         from_headline: list[bool]) -> list[NameMention]:
    """Cut headline names down to the name the article's body uses.

    In a title-case headline every word is capitalised, so a capitalised run
    swallows its neighbours: "Rival Hillary Clinton", "Lawmakers Rip Donald
    Trump As". When the body names "Hillary Clinton", the headline mention is
    cut to the longest run of its words that the body uses as a name, unless
    the words cut off are first names; a headline name the body never uses is
    left as it is.
    """
    body = {m.words for m, h in zip(names, from_headline) if not h}
    out = []
    for mention, headline in zip(names, from_headline):
        if headline and mention.words not in body:
            mention = _cut_to_body_name(doc, mention, body)
        out.append(mention)
    return out


def _cut_to_body_name(doc: ParsedDoc, mention: NameMention, body: set[tuple[str, ...]]) -> NameMention:
    words = mention.words
    # Only the sizes of body names can match: trying every size made a run of
    # thousands of capitalised words cost n**3 slices.
    sizes = sorted({len(b) for b in body if len(b) < len(words)}, reverse=True)
    for size in sizes:
        for first in range(len(words) - size + 1):
            part = words[first:first + size]
            if part not in body:
                continue
            dropped = words[:first] + words[first + size:]
            if all(w.lower() in first_names() for w in dropped) \
                    or (first + size == len(words) and all(is_rarer_given_name(w) for w in dropped)):
                # "Anthony Blunt" is a fuller form of the body's "Blunt", not headline noise;
                # so is "Benita Johnson": a rarer given name (the census list's) before it
                # ("Johnson May Quit" stays cut: the word after a surname is no given name)
                return mention
            if first == 0 and len(part) == 1 and part[0].lower() in first_names() and len(dropped) == 1 \
                    and dropped[0].lower() not in common_words():
                # "Melanie Smith" is a fuller form of the body's first name "Melanie":
                # a first name and the surname after it, not headline noise.
                return mention
            written = doc.text[mention.start:mention.end]
            offset = written.find(" ".join(part))
            if offset < 0:
                return mention
            start = mention.start + offset
            token = next((k for k in range(mention.token, len(doc.tokens)) if doc.tokens[k].start >= start),
                         mention.token)
            return NameMention(start, start + len(" ".join(part)), part, "", mention.gender,
                               mention.descriptors, mention.org, token)
    return mention


def is_rarer_given_name(word: str) -> bool:
    """True for a given name of the census list that spells no dictionary word
    ("Benita", "Cecile"; not "Will" or "Hope"): a headline's given name here, a
    given name before a surname in text.entities (_given_name_sex)."""
    low = word.lower()
    return low in census_first_names() and low not in common_words()


def _is_post_nominal(word: str) -> bool:
    """True for post-nominal letters as written after a name ("QC", "MP's", "PhD",
    "Ph.D."): a word of POST_NOMINALS in capitals; "Am" or "am" is no such word."""
    bare = _strip_possessive(word).replace(".", "")
    return bare.lower() in POST_NOMINALS and (bare.isupper() or bare == "PhD")


def is_group_plural(words: Sequence[str], surnames: AbstractSet[str]) -> bool:
    """True for a one-word name that names a group, no one speaker: a
    nationality's plural ("Americans", "Iraqis") or a family's plural, a surname
    of the article (``surnames``: the last words of its names of two or more
    words) with an s ("the Clintons", "the Obamas"). A party's plural ("the
    Conservatives") names the party, an organisation, and is no such word."""
    if len(words) != 1:
        return False
    word = words[0]
    if len(word) < 4 or not word.endswith("s") or not word[:1].isupper() or word.isupper():
        return False
    low = word.lower()
    if low in demonyms() or low in places():
        return False  # "Swiss", "Philippines": a demonym or a place itself
    # (a surname that ends in s is the article's surname itself: "Serena Williams")
    return low[:-1] in demonyms() or (word[:-1] in surnames and word not in surnames)


def _strip_possessive(word: str) -> str:
    """``speakers._POSSESSIVE.sub("", word)`` without the regex call (tokens hold no newline)."""
    if word[-1:] in ("’", "'"):
        return word[:-1]
    if word[-2:] in ("’s", "'s"):
        return word[:-2]
    return word


def _is_cap_sure(word: str) -> bool:
    """Words whose capital is meaningful even in a headline (acronyms, initials)."""
    return word.isupper() and len(word) > 1


def _nickname_end(doc: ParsedDoc, j: int, hi: int) -> int | None:
    """If a short quoted capitalised word or two at token ``j`` sits between two
    parts of a name ("Robert C. “Bobby” Scott"), return the token after its
    closing mark; else None."""
    tokens = doc.tokens
    if tokens[j].text not in ("“", '"', "‘", "'") or not _is_cap_word(tokens[j - 1].text):
        return None
    k = j + 1
    while k < hi and k - j <= 3 and doc.quoted[k] and _is_cap_word(tokens[k].text):
        k += 1
    if k == j + 1 or k >= hi or tokens[k].text not in ("”", '"', "’", "'"):
        return None
    k += 1
    if k < hi and not doc.quoted[k] and _is_cap_word(tokens[k].text):
        return k
    return None


def _role_noun_before_first_name(word: str, following: str) -> bool:
    """True when capitalised ``word`` is a common noun (the lexicon's NN, not itself
    a first name) right before a known first name: a job inside a run ("NASA
    Administrator Jim Bridenstine", "Game Developer Anna Post"), not a name part."""
    low = word.rstrip(".").lower()
    return word[:1].isupper() and not word.isupper() and word_tags().get(low) == "NN" \
        and low not in first_names() and following.lower() in first_names()


def _job_title_before_unknown_name(run: list[int], tokens: Sequence[Token], common: frozenset[str]) -> bool:
    """A job title opening a run of three words whose last two are no dictionary
    words: the job, then a name whose first name no list knows ("Economist Colen
    Garrow", "Analyst Xu Wen"); not "Economist Intelligence Unit" (an organisation's
    words) or "Editor Sarah Smith" (a known first name: _role_noun_before_first_name)."""
    if len(run) != 3:
        return False
    title = tokens[run[0]].text
    rest = [tokens[k].text for k in run[1:]]
    return title[:1].isupper() and not title.isupper() and title.rstrip(".").lower() in ROLE_WORDS \
        and all(_is_cap_word(w) and not w.isupper() and w.lower() not in common
                and word_tags().get(w.lower(), "NNP") in ("NNP", "NNPS") and w not in ORG_HEADS for w in rest)


def _office_end(words: list[str]) -> int:
    """Where the name starts in lower-cased ``words`` that follow an office title
    and open with "of": "of State John F. Kerry", "of the Exchequer Gordon Brown"
    (the office's complement, at least one word, runs to the first known first
    name, or with none known leaves the last two words, at least one, as the
    name); -1 when no word is left for a name ("of France", "of the Exchequer")."""
    the = words[1:2] == ["the"]
    first = 3 if the else 2  # (the complement's first word)
    if len(words) <= first:
        return -1
    # (after "of the" only a first name starts a name: see _first_name_in_run)
    start = next((n for n in range(first, len(words)) if words[n] in first_names()),
                 len(words) if the else max(first, len(words) - 2))
    return start if start < len(words) else -1


def _first_name_in_run(tokens: list[Token], k: int, hi: int) -> bool:
    """True when the capitalised run from token ``k`` holds a known first name
    after its first word ("Exchequer Gordon Brown")."""
    n = k
    while n < hi and _is_cap_word(tokens[n].text) and tokens[n].text not in NON_NAME_CAPS:
        if n > k and tokens[n].text.lower() in first_names():
            return True
        n += 1
    return False


def _is_constituency_before_role(doc: ParsedDoc, words: list[str], i: int, j: int) -> bool:
    """True when the run [i, j) says whom a person represents or where from, and
    names no one:

    - a party and/or place between an article and a lower-case role noun ("the
      Independent Vermont senator", "a Republican candidate", "the Ohio governor");
    - a party or nationality adjective (PARTY_OR_NATION_ADJECTIVES) before the
      noun it modifies, a lower-case noun or a title that ends the run
      ("American negotiators", "the Chinese state press", "a senior Tory MP");
    - such an adjective alone after an article, standing for one unnamed
      member ("the Republican said", "a Democrat told").

    A place's name before a noun with no article stays a name ("Vermont voters"),
    and so does a plural party ("the Democrats") and the words of an
    organisation ("the White House spokesman")."""
    tokens = doc.tokens
    lows = [w.rstrip(".").lower() for w in words]
    after = tokens[j].text if j < len(tokens) else ""
    noun = after.islower() and (after in ROLE_WORDS or after in SPEAKER_NOUNS
                                or word_tags().get(after) in ("NN", "NNS")
                                or ("-" in after and after.replace("-", "").isalpha()))
    article = i > 0 and tokens[i - 1].text.lower() in ("the", "a", "an")
    if all(w in PARTY_OR_NATION_ADJECTIVES for w in lows):
        if noun or (article and not after[:1].isupper()):
            return True
    elif len(lows) > 1 and lows[-1] in TITLES and all(w in PARTY_OR_NATION_ADJECTIVES for w in lows[:-1]):
        return True  # "a senior Tory MP": the title ends the run, no name follows
    if not article or not (after.islower() and after in ROLE_WORDS):
        return False
    while lows and lows[0] in PARTY_WORDS:
        lows.pop(0)
    return not lows or " ".join(lows) in places()


def _model_judges_surnames() -> bool:
    """True when the shipped name model learnt word surnames alone (names-4 on)."""
    from quotes.text.name_model import load_name_model

    model = load_name_model()
    return model.applied and model.judges_surnames


def _surnames_after_first_names(doc: ParsedDoc) -> frozenset[str]:
    """The capitalised words the article writes right after a first name
    ("Theresa May", "Jeremy Hunt"), lower-cased: its people's surnames."""
    names = first_names()
    tokens = doc.tokens
    out = set()
    for a, b in zip(tokens, tokens[1:]):
        if b.text[:1].isupper() and a.text[:1].isupper() and a.text.lower() in names and b.start - a.end <= 1:
            out.add(_strip_possessive(b.text).lower())
    return frozenset(out)


def _make_mention(doc: ParsedDoc, line_lo: int, i: int, j: int, common: frozenset[str],
                  headline: bool, skip: AbstractSet[int] = frozenset(),
                  surnames: AbstractSet[str] = frozenset()) -> NameMention | None:
    """Turn the token run [i, j) into a name mention, or None if it is no name;
    tokens in ``skip`` (a quoted nickname) are left out of its words. A word
    alone that the word lists take for no name (a month, a sentence-opening
    common word) but that the article writes after a first name (``surnames``:
    "Theresa May ... May said") is left for the name model to judge."""
    tokens = doc.tokens
    run = [k for k in range(i, j) if k not in skip]
    # Split off function words and titles at the front.
    title = ""
    at_start = i == line_lo or tokens[i - 1].text in (".", "!", "?", ":", "—", "“", '"', "‘")
    while run:
        word = tokens[run[0]].text
        low = word.rstrip(".").lower()
        if word in NON_NAME_CAPS and low not in TITLES and not (len(run) == 1 and low in surnames):
            run.pop(0)
        elif at_start and run[0] == i and low in common and low not in TITLES and len(run) > 1 \
                and not is_hyphenated_given_name(tokens[run[1]].text):
            run.pop(0)  # "Should Mr. Clarke": a sentence-initial ordinary word (not "Ban Ki-moon")
        elif low in TITLES and len(run) > 1:
            title = f"{title} {low}".strip()
            run.pop(0)
        elif low == "of" and title.split()[-1:] and title.split()[-1] in _OFFICE_TITLES:
            # "Secretary of State John F. Kerry": the office runs to the first name
            # (or, with none known, leaves the last two words as the name)
            words = [tokens[k].text.lower() for k in run]
            start = _office_end(words)
            if start < 0:
                return None  # "President of France", "Chancellor of the Exchequer": an office, no name
            title = f"{title} {' '.join(words[:start])}"
            run = run[start:]
        else:
            break
    # A hyphenated modifier ("Paris-based Euronext", "Rival Texas-born Smith")
    # describes the name after it: the name starts after the last one.
    modifiers: list[str] = []
    while run and is_hyphen_modifier(tokens[run[-1]].text):
        run.pop()  # (one at the end modifies no name of this run)
    for m in range(len(run) - 2, -1, -1):
        if is_hyphen_modifier(tokens[run[m]].text):
            modifiers = [tokens[k].text.rstrip(".").lower() for k in run[:m + 1]]
            run = run[m + 1:]
            break
    if not run:
        return None
    # A job title inside the run starts the name after it ("Charlotte Mayor Jennifer
    # Roberts"): the words before it describe the person, they are not the name.
    role_prefix: list[str] = []
    for m in range(len(run) - 2, -1, -1):
        low = tokens[run[m]].text.rstrip(".").lower()
        if m == 0:
            # a job noun opening the run before a first name and a surname
            # ("Farmer Geoff Brooks", "Guitarist Brian May"): the job, not the name
            if m + 2 >= len(run) or not (_role_noun_before_first_name(tokens[run[0]].text, tokens[run[1]].text)
                                         or _job_title_before_unknown_name(run, tokens, common)):
                continue
        elif low not in _ROLE_OR_INNER and not _role_noun_before_first_name(tokens[run[m]].text,
                                                                           tokens[run[m + 1]].text):
            continue
        rest = [tokens[k].text for k in run[m + 1:]]
        start = _office_end([w.lower() for w in rest]) if rest[0] == "of" and low in _OFFICE_TITLES else -1
        if start > 0:
            # "Republican Secretary of State Jon Husted": the office runs to the
            # first name (or, with none known, leaves the last two words as the name)
            role_prefix = [tokens[k].text for k in run[:m + 1 + start]]
            title = " ".join(w.rstrip(".").lower() for w in [tokens[run[m]].text] + rest[:start])
            run = run[m + 1 + start:]
            break
        # (a surname that is an organisation's head word follows a first name:
        # "Mayor Don Guardian", "Director Anna Post")
        if rest[0] not in ORG_HEADS and rest[0].lower() not in NAME_SUFFIXES \
                and (rest[-1].rstrip("’'s") not in ORG_HEADS or rest[0].lower() in first_names()) \
                and _is_cap_word(rest[0]) and rest[0].rstrip(".").lower() not in ROLE_WORDS:
            role_prefix = [tokens[k].text for k in run[:m + 1]]
            t = m
            while t >= 0 and tokens[run[t]].text.rstrip(".").lower() in _ROLE_OR_INNER:
                t -= 1
            title = " ".join(tokens[k].text.rstrip(".").lower() for k in run[t + 1:m + 1]) or low
            run = run[m + 1:]
            break
    # An organisation's name glued to the next name ("The Washington Post Trump"):
    # the run after the organisation's head word is a name of its own.
    if not role_prefix:
        for m in range(len(run) - 1):
            if tokens[run[m]].text in ORG_HEADS and m > 0:
                rest = [tokens[k].text for k in run[m + 1:]]
                if not any(w.rstrip("’'s") in ORG_HEADS or w in NON_NAME_CAPS for w in rest) \
                        and rest[0].lower() not in common:
                    run = run[m + 1:]
                break
    # A place of two or more words glued after a person's name ("at the Ted Cruz
    # South Carolina victory party"): the person's name ends before the place.
    if len(run) >= 4 and tokens[run[0]].text.lower() in first_names():
        for m in range(2, len(run) - 1):
            if " ".join(tokens[k].text.lower() for k in run[m:]) in places():
                run = run[:m]
                break
    # Post-nominal letters after a person's name are no part of it ("Guy Mansfield
    # QC", "Lord Smith OBE", "Ann Lee PhD"): cut off the end of the run. After a
    # determiner the run is a description, no name ("the Sheffield Central MP").
    while len(run) >= 2 and _is_post_nominal(tokens[run[-1]].text) and tokens[run[-2]].text.isalpha() \
            and tokens[run[-2]].text not in ORG_HEADS and _is_cap_word(tokens[run[-2]].text) \
            and not (i > line_lo and tokens[i - 1].text.lower() in _DETERMINERS) \
            and tokens[i].text.lower() not in _DETERMINERS:
        run.pop()
    # A party word before a first name describes the person ("Republican Donald Trump").
    if not role_prefix and len(run) > 2 and tokens[run[0]].text.lower() in PARTY_WORDS \
            and tokens[run[1]].text.lower() in first_names():
        role_prefix = [tokens[run[0]].text]
        run = run[1:]
    words = [_strip_possessive(tokens[k].text) if k == run[-1] else tokens[k].text for k in run]
    words = [w for w in words if w]
    if not words:
        return None
    if _is_constituency_before_role(doc, words, run[0], run[-1] + 1):
        return None
    first = run[0]
    at_sentence_start = first == line_lo or tokens[first - 1].text in (".", "!", "?", ":", "—", "–", "-", "“", '"', "‘")
    if len(words) == 1 and words[0].lower() not in surnames:
        low = words[0].lower()
        if (at_sentence_start or headline) and low in common and not title:
            if word_tags().get(low, "")[:2] in ("JJ", "VB"):
                # no subject either ("- Encouraging, ..."); a noun may still describe
                # one ("Police said": the police force the article names), and a
                # sentence adverb only opens the sentence ("Earlier, Tory leader
                # Michael Howard said": the subject follows it)
                doc.no_name_tokens.add(first)
            return None  # "However", "Officials" at the start of a sentence
        if words[0] in NON_NAME_CAPS or _FIRST_PERSON_CONTRACTION.match(words[0]) or is_plural_title(words) \
                or is_common_noun_abbreviation(words[0]):
            return None  # ("I’m", "I’ll": the pronoun I with a verb, never a name; "MPs", "TV": no one)
    gender = TITLES.get(title.split()[0], "") if title else ""
    if not gender and len(words) > 1:
        gender = first_names().get(words[0].lower(), "")
    org = _is_org(words, gender)
    # Lower-case words right before the name describe it ("former spy").
    descriptors: list[str] = modifiers + [w.rstrip(".").lower() for w in role_prefix]
    k = i - 1
    while k >= line_lo and len(descriptors) < 3 + len(role_prefix) + len(modifiers) and not doc.quoted[k]:
        before = tokens[k].text
        # lower-case words, and party or nationality words ("Republican nominee Donald Trump")
        if (before.islower() and before.isalpha()) or before.lower() in PARTY_WORDS:
            descriptors.insert(0, before.lower())
            k -= 1
        else:
            break
    return NameMention(
        start=tokens[run[0]].start,
        end=tokens[run[-1]].start + len(words[-1]),
        words=tuple(words),
        title=title,
        gender=gender,
        descriptors=tuple(descriptors),
        org=org,
        token=run[0],
    )

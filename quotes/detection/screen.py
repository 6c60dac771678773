"""Reject quote spans that are not speech: page furniture, titles, nicknames, scare quotes.

Each rule returns a reason (shown by ``--explain``); a span with no reason is kept.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from quotes.vocabulary import BOILERPLATE_PATTERNS, MINOR_WORDS
from quotes.records import QuoteSpan
from quotes.text.segment import CAPITAL_LETTERS, CAPITALS, LOWER_CASE, Line

_BOILERPLATE: Final = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_PATTERNS), re.I)
# A pattern that is only a phrase between word boundaries (r"\ball rights reserved\b")
# makes the regex engine try every position of the line; such phrases are looked up
# as plain substrings first (see _is_boilerplate).
_PLAIN_PHRASE: Final = re.compile(r"\\b([a-z][a-z -]*[a-z])\\b")
# "24 Jan 08 |  Newsnight": the date-and-section line under a related link.
_LINK_META: Final = re.compile(r"^\s*\d{1,2} \w{3,9} \d{2,4}\s*(?:\||$)")
# Headings of link lists ("Most read"): the lines right under one, up to the
# next blank line, are headlines of other stories.
_LINK_HEADING: Final = re.compile(
    r"^\s*(?:most (?:read|viewed|popular|watched|shared)|more on this story|related (?:stories|links|"
    r"articles|content|topics)|top stories|you may also like|recommended|more from \w+|"
    r"elsewhere on [\w\s]+|around the web|further reading|trending)\s*:?\s*$", re.I)
_NICKNAME_BEFORE: Final = re.compile(
    r"\b(?:nicknamed|dubbed|known(?: (?:to|on|in|among) [\w\s]{1,30}?)? as|calls? (?:him |her |them |it )?(?:only )?)\s*$", re.I)
# Words that announce a title in quotation marks ("the film “13th”").
_WORK_NOUNS: Final = frozenset(
    """book books novel memoir film films movie movies documentary show shows series
    programme program song songs album albums play musical poem article column essay
    episode podcast headline titled entitled magazine newspaper exhibition
    opera ballet sitcom drama comedy painting record single hit theme novels memoirs
    plays songs paper papers study report reports""".split()
)
# Only "so-called" marks a scare quote for sure; "dubbed" and "known as" often
# introduce words someone said (PolNeAR keeps those as quotes).
_SCARE_BEFORE: Final = re.compile(r"\bso[- ]called\s*$", re.I)
_NICK_BEFORE: Final = re.compile(r"(?:^|[^\w.])[%s][%s]+\.?\s*$" % (CAPITALS, LOWER_CASE))
_TITLE_PREPOSITIONS: Final = frozenset("on in of the told".split())
# Words before a title that ends its sentence: American style puts the sentence's
# full stop inside the marks (he said on NBC's “Meet the Press.”), so there a final
# stop does not make the words speech. Not "the", before which a stop-ended
# title-case phrase is as often a slogan someone said (the “Great Satan.”).
_TITLE_BEFORE_STOP: Final = _TITLE_PREPOSITIONS - {"the"}
# A reporting verb right beside the marks makes the span speech, whatever its case.
_REPORTED: Final = re.compile(r"^[\s,]*(?:(?:[%s][\w.’'-]*\s*){1,4}|he|she|they|it|(?:the|a|an) \w+(?: \w+)?)\s+(?:said|says|added|asked|wrote|told)\b|^[\s,]*(?:said|says|added|asked|wrote)\b" % CAPITALS)
_REPORTED_BEFORE: Final = re.compile(r"\b(?:said|says|added|asked|wrote|told \w+)[,:]?\s*$")
# _TITLE_CASE_WORD, _CONTENT_WORDS, _BEFORE_WORDS (and _BOILERPLATE above) are what
# the hand-written tests below do; tests/test_screen.py checks them against these.
_TITLE_CASE_WORD: Final = re.compile(r"^[%s0-9]" % CAPITALS)
_TITLE_CASE_INITIALS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_CONTENT_WORDS: Final = re.compile(r"[\w’'&-]+")
_BEFORE_WORDS: Final = re.compile(r"[\w’'-]+")
_LINE_WORDS: Final = re.compile(r"[^\W\d_][\w’'-]*")  # (from a letter: "Émile", not "mile")
# The start of a _LINE_WORDS word that breaks title case: a run of [\w’'-] that
# begins with a lower-case letter and is not a MINOR_WORDS word (a run lower-cased into
# MINOR_WORDS is all ASCII, so the (?i:) test is exact). _is_headline's shortcut.
_LOWER_MAJOR_WORD: Final = re.compile(
    r"(?<![\w’'-])(?=[a-z])(?!(?i:%s)(?![\w’'-]))" % "|".join(sorted(MINOR_WORDS, key=len, reverse=True)))
_LIST_BEFORE: Final = re.compile(r"(?:,|\band|\bor|as well as)\s*$")
_CAPITAL_AFTER: Final = re.compile(r"\s*[%s][%s]" % (CAPITALS, LOWER_CASE))
_SPEECH_WORDS: Final = re.compile(r"\b(I|We|You|My|Our|We're|I'm)\b")


def screen(text: str, lines: Sequence[Line], spans: Sequence[QuoteSpan]) -> list[tuple[QuoteSpan, str | None]]:
    """Pair each span with the reason it is not speech, or None when it is kept.

    Args:
        text: the whole document.
        lines: its paragraphs.
        spans: detected quote spans.
    """
    junk = _junk_lines(text, lines)
    headlines: dict[int, bool] = {}
    out: list[tuple[QuoteSpan, str | None]] = []
    for span in spans:
        previous_title = bool(out) and out[-1][1] == "title" and out[-1][0].line == span.line
        out.append((span, _reason(text, lines, span, junk, previous_title, headlines)))
    return out


def _junk_lines(text: str, lines: Sequence[Line]) -> set[int]:
    """Lines of page furniture: boilerplate, link lists under a heading, and
    related-link headlines (a line followed by a date-and-section line)."""
    junk: set[int] = set()
    in_list = False
    for line in lines:
        body = text[line.start:line.end]
        if in_list and text.count("\n", lines[line.index - 1].end, line.start) > 1:
            in_list = False  # a blank line ends the link list
        if _LINK_HEADING.match(body):
            in_list = True
            junk.add(line.index)
        elif in_list:
            junk.add(line.index)
        if _is_boilerplate(body):
            junk.add(line.index)
        # _LINK_META needs a digit (or space) first: skip the regex call on other lines
        first = body[:1]
        if (first.isdigit() or first.isspace()) and _LINK_META.match(body):
            if "|" in body:
                junk.add(line.index)
            if line.index > 0 and text.count("\n", lines[line.index - 1].end, line.start) == 1:
                junk.add(line.index - 1)  # the headline right above a date line
    return junk


def _split_boilerplate() -> tuple[tuple[str, ...], re.Pattern, re.Pattern, tuple[re.Pattern, ...],
                                  tuple[re.Pattern, ...]]:
    """Split BOILERPLATE_PATTERNS into plain phrases (with one regex of them all),
    patterns anchored at the start of the line (one regex of them all, for match())
    and the other patterns, each compiled on its own (one long alternation to
    search() defeats the regex engine's fast paths and costs far more than its parts)."""
    phrases = tuple(m.group(1) for p in BOILERPLATE_PATTERNS if (m := _PLAIN_PHRASE.fullmatch(p)))
    phrase_re = re.compile("|".join(f"(?:\\b{re.escape(p)}\\b)" for p in phrases) or "(?!)", re.I)
    rest = [p for p in BOILERPLATE_PATTERNS if not _PLAIN_PHRASE.fullmatch(p)]
    anchored = [p for p in rest if _anchored_at_start(p)]
    start_re = re.compile("|".join(f"(?:{p})" for p in anchored) or "(?!)", re.I)
    others = [re.compile(p, re.I) for p in rest if not _anchored_at_start(p)]
    # Patterns that need a "|" are tried only on lines that have one: the
    # regex engine would try them at every position of every line.
    plain = tuple(p for p in others if r"\|" not in p.pattern)
    piped = tuple(p for p in others if r"\|" in p.pattern)
    return phrases, phrase_re, start_re, plain, piped


def _anchored_at_start(pattern: str) -> bool:
    """True when ``pattern`` can only match at the start of the text, so that its
    search() is a match(): it starts with ^ and has no | outside parentheses. (Not
    analysed, and so False: patterns with a character class, an inline flag or a
    back-reference.)"""
    if not pattern.startswith("^") or "[" in pattern or re.search(r"\(\?[a-zA-Z]|\\\d", pattern):
        return False
    depth = 0
    escaped = False
    for c in pattern:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            return False
    return True


_SPLIT = _split_boilerplate()
_PHRASES: Final = _SPLIT[0]
_PHRASES_RE: Final = _SPLIT[1]
_BOILERPLATE_START: Final = _SPLIT[2]
_BOILERPLATE_REST: Final = _SPLIT[3]
_BOILERPLATE_PIPED: Final = _SPLIT[4]


def _is_boilerplate(body: str) -> bool:
    """``_BOILERPLATE.search(body)``, faster.

    Under re.I an ASCII letter also matches four non-ASCII letters (K, ſ, ı, İ),
    so the substring test that skips the phrase regex is only exact without them.
    """
    if _BOILERPLATE_START.match(body):
        return True
    for pattern in _BOILERPLATE_REST:
        if pattern.search(body):
            return True
    if "|" in body:
        for pattern in _BOILERPLATE_PIPED:
            if pattern.search(body):
                return True
    if not _may_hold_phrase(body):
        return False
    return _PHRASES_RE.search(body) is not None


# The only characters outside ASCII that match an ASCII letter under re.I (İ ı ſ K).
_ASCII_FOLDS: Final = ("\u0130", "\u0131", "\u017f", "\u212a")


def _may_hold_phrase(body: str) -> bool:
    """False when no plain phrase can match ``body``: it has none of them as a
    lower-case substring, and no character that re.I folds to an ASCII letter."""
    for c in _ASCII_FOLDS:
        if c in body:
            return True
    low = body.lower()
    for phrase in _PHRASES:
        if phrase in low:
            return True
    return False


def _is_title_case(words: list[str]) -> bool:
    """True when the words have a major word (not in MINOR_WORDS, starting with a letter
    or digit) and every major word starts with a capital (CAPITALS) or [0-9]."""
    any_major = False
    for w in words:
        first = w[:1]
        if first in _TITLE_CASE_INITIALS or (first > "\x7f" and first in CAPITAL_LETTERS):
            # (_TITLE_CASE_WORD, without a regex call)
            any_major = any_major or w.lower() not in MINOR_WORDS
        elif first.isalnum() and w.lower() not in MINOR_WORDS:
            return False
    return any_major


def _is_headline(text: str, line: Line) -> bool:
    """True for a title-case line of four words or more."""
    if _LOWER_MAJOR_WORD.search(text, line.start, line.end):
        return False  # most lines: far cheaper than splitting the line into words
    line_words = _LINE_WORDS.findall(text, line.start, line.end)
    return len(line_words) >= 4 and _is_title_case(line_words)


def _reason(text: str, lines: Sequence[Line], span: QuoteSpan, junk: set[int],
            previous_title: bool = False, headlines: dict[int, bool] | None = None) -> str | None:
    if span.line in junk:
        return "page furniture"
    line = lines[span.line]
    content = text[span.start:span.end]
    words = _words(content, "’'&-")  # _CONTENT_WORDS.findall(content)
    before = text[max(line.start, span.mark_start - 40):span.mark_start]
    before_low = before.lower()
    if not words:
        return "no words"
    # "called" is a cheap necessary condition: none of its letters has a non-ASCII re.I match
    if "called" in before_low and _SCARE_BEFORE.search(before):
        return "scare quote"
    # A short name-like phrase after "nicknamed", "known as": a nickname.
    if len(words) <= 3 and _NICKNAME_BEFORE.search(before) and (
            words[0][:1].isupper() or (words[0].lower() == "the" and len(words) > 1 and words[1][:1].isupper())):
        return "nickname"
    headlines = {} if headlines is None else headlines  # line index -> _is_headline, per document
    if span.line not in headlines:
        headlines[span.line] = _is_headline(text, line)
    if headlines[span.line]:
        return None  # capitals mean nothing in a title-case headline
    after = text[span.mark_end:span.mark_end + 40]
    # Title case inside ordinary prose is a title: the film “The Art of the Deal”.
    if len(words) <= 10 and _is_title_case(words) \
            and not _REPORTED.search(after) and not _REPORTED_BEFORE.search(before):
        before_words = _words(before_low, "’'-")  # _BEFORE_WORDS.findall(before_low)
        possessive = bool(before_words) and before_words[-1].endswith(("’s", "'s"))
        if not _speech_like(content):
            if any(w in _WORK_NOUNS for w in before_words[-3:]):
                return "title"
            if previous_title and _LIST_BEFORE.search(before):
                return "title"  # a list of titles: "Salt" and "Nobody's Garden"
            if len(words) >= 2 and before_words and (before_words[-1] in _TITLE_PREPOSITIONS or possessive):
                return "title"
        elif len(words) >= 2 and (possessive or before_words and before_words[-1] in _TITLE_BEFORE_STOP) \
                and content.rstrip()[-1:] == "." and not _speech_like(content.rstrip()[:-1]):
            return "title"  # a programme's name that ends the sentence: on ABC's “This Week.”
    # A nickname sits between a first name and a surname: Robert “Bobby” Scott.
    if len(words) <= 2 and _NICK_BEFORE.search(before) and _CAPITAL_AFTER.match(after):
        return "nickname"
    return None


def _words(text: str, joiners: str) -> list[str]:
    """``re.findall(r"[\\w<joiners>]+", text)``: the runs of word characters (letters,
    digits, "_", which is the regex's \\w) and ``joiners``. Once compiled this loop
    is several times cheaper than the regex engine, which runs slow Unicode tests
    on every character. White space is in no run, so each run lies in one chunk of
    ``text.split()``, and a chunk of letters and digits is a run of its own."""
    words: list[str] = []
    for chunk in text.split():
        if chunk.isalnum():
            words.append(chunk)
            continue
        start = -1  # where the current run began, or -1
        for i in range(len(chunk)):
            c = chunk[i]
            if c.isalnum() or c == "_" or c in joiners:
                if start < 0:
                    start = i
            elif start >= 0:
                words.append(chunk[start:i])
                start = -1
        if start >= 0:
            words.append(chunk[start:])
    return words


def _speech_like(content: str) -> bool:
    """Title-case words that still read as speech ("I Will Win", "Yes, We Can")."""
    return bool(_SPEECH_WORDS.search(content)) or content.rstrip()[-1:] in ".!?"

"""Lines (paragraphs), sentences and word tokens, all as offsets into the text.

News text separates paragraphs by a newline (wire copy) or a blank line (web
pages); both reduce to "a line is a paragraph". Nothing here copies or
normalises the text, so every offset stays valid for the original document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import ABBREVIATIONS

_LINE = re.compile(r"[^\n]*")
# Words keep inner apostrophes, hyphens, periods and ampersands ("O'Neill",
# "U.S.", "AT&T", "anti-fascist"); any other non-space character is a token.
_TOKEN = re.compile(r"\w+(?:[’'\-.&]\w+)*\.?|[^\w\s]")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph (a line of the text, never empty)."""

    index: int
    start: int
    end: int


class Token:
    """A word or punctuation token with its offsets (treat as immutable).

    A plain class, not a frozen dataclass: an article has about a thousand
    tokens, and a frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__``, ten times slower than this one once compiled.
    """

    __slots__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return self.start == other.start and self.end == other.end and self.text == other.text

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))

    def __repr__(self) -> str:
        return f"Token(start={self.start!r}, end={self.end!r}, text={self.text!r})"

    @property
    def lower(self) -> str:
        """The token lower-cased, without a trailing full stop."""
        return self.text.rstrip(".").lower() if len(self.text) > 1 else self.text.lower()

    @property
    def is_cap(self) -> bool:
        """True when the token starts with an upper-case letter."""
        return self.text[:1].isupper()


def split_lines(text: str) -> list[Line]:
    """Return the non-blank lines of ``text`` with their offsets, trimmed of spaces.

    Args:
        text: the whole document.

    Returns:
        One :class:`Line` per line that holds any non-space character.
    """
    lines: list[Line] = []
    for m in _LINE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and (not lines or start > lines[-1].start):
            lines.append(Line(len(lines), start, end))
    return lines


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Return the tokens of ``text[start:end]`` with document offsets.

    A trailing full stop stays on a word only when the word is a known
    abbreviation or an initial ("Mr.", "J."), so "said." gives "said" and ".".
    """
    end = len(text) if end is None else end
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        s, e = m.span()
        if len(word) > 1 and word[-1] == "." and not _keeps_period(word):
            append(Token(s, e - 1, word[:-1]))
            append(Token(e - 1, e, "."))
        else:
            append(Token(s, e, word))
    return tokens


def _keeps_period(word: str) -> bool:
    """True for abbreviations and initials whose full stop is part of the word."""
    core = word[:-1]
    if len(core) == 1 and core.isalpha():
        return True  # an initial: "J."
    if "." in core:
        return True  # "U.S.", "D.C."
    return core.lower() in ABBREVIATIONS


def sentence_starts(text: str, start: int, end: int) -> list[int]:
    """Return the offsets where sentences begin inside ``text[start:end]``.

    A sentence ends at ``. ! ?`` (with any closing quote or bracket) followed
    by space and a capital letter, a digit or an opening mark, unless the word
    before the full stop is an abbreviation or an initial.
    """
    starts = [start]
    for m in _SENTENCE_END.finditer(text, start, end):
        if text[m.start()] == ".":
            word_start = m.start()
            while word_start > start and not text[word_start - 1].isspace():
                word_start -= 1
            word = text[word_start:m.start()].lstrip("\"'“‘(").lower()
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        starts.append(m.end())
    return starts

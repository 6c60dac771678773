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


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation token with its offsets."""

    start: int
    end: int
    text: str

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
            append(_token(s, e - 1, word[:-1]))
            append(_token(e - 1, e, "."))
        else:
            append(_token(s, e, word))
    return tokens


# A document has thousands of tokens: filling the slots of a new Token directly
# is twice as fast as the frozen dataclass's __init__ (object.__setattr__ per
# field), and gives the very same object.
_new_object = object.__new__
_set_start, _set_end, _set_text = Token.start.__set__, Token.end.__set__, Token.text.__set__


def _token(start: int, end: int, text: str) -> Token:
    """``Token(start, end, text)``, faster."""
    token = _new_object(Token)
    _set_start(token, start)
    _set_end(token, end)
    _set_text(token, text)
    return token


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

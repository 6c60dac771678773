"""Lines (paragraphs), sentences and word tokens, all as offsets into the text.

News text separates paragraphs by a newline (wire copy) or a blank line (web
pages); both reduce to "a line is a paragraph". Nothing here copies or
normalises the text, so every offset stays valid for the original document.
"""
from __future__ import annotations

import re
from typing import Final

from quotes.vocabulary import ABBREVIATIONS

# The upper- and lower-case letters of the cased alphabets (Latin with all its
# extensions, Greek, Cyrillic, Armenian, Georgian): what a capital is for a name
# or a sentence's first word ("Émile Zola", "Łukasz Nowak", "Zoë Ångström",
# "Ørsted"), where [A-Z] would see none. A titlecase digraph ("ǅ") is a capital.
_CASED_BLOCKS: Final = ((0x41, 0x250), (0x370, 0x530), (0x531, 0x590), (0x10A0, 0x1100), (0x1C80, 0x1CC0),
                        (0x1E00, 0x2000), (0x2C00, 0x2D30), (0xA640, 0xA6A0), (0xA720, 0xA800),
                        (0xFF21, 0xFF5B))
CAPITAL_LETTERS: Final = frozenset(
    chr(c) for lo, hi in _CASED_BLOCKS for c in range(lo, hi) if chr(c).isupper() or chr(c).istitle())
LOWER_CASE_LETTERS: Final = frozenset(
    chr(c) for lo, hi in _CASED_BLOCKS for c in range(lo, hi) if chr(c).islower())


def _class_body(chars: frozenset[str]) -> str:
    """``chars`` as the inside of a regex character class, in ranges ("A-ZÀ-ÖØ-Þ…")."""
    codes = sorted(ord(c) for c in chars)
    out: list[str] = []
    k = 0
    while k < len(codes):
        j = k
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(chr(codes[k]) if j == k else f"{chr(codes[k])}-{chr(codes[j])}")
        k = j + 1
    return "".join(out)


# For regexes: [A-Z] and [a-z] as every capital and lower-case letter above
# (f"[{CAPITALS}]"), letters only (none needs escaping in a class).
CAPITALS: Final = _class_body(CAPITAL_LETTERS)
LOWER_CASE: Final = _class_body(LOWER_CASE_LETTERS)

# The patterns that split_lines and tokenize spell out by hand (faster once
# compiled); tests/test_segment.py checks the loops against them.
_LINE: Final = re.compile(r"[^\n]*")
# Words keep inner apostrophes, hyphens, periods and ampersands ("O'Neill",
# "U.S.", "AT&T", "anti-fascist"); any other non-space character is a token.
_TOKEN: Final = re.compile(r"\w+(?:[’'\-.&]\w+)*\.?|[^\w\s]")
_SENTENCE_END: Final = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[%s0-9])" % CAPITALS)


class Line:
    """One paragraph (a line of the text, never empty; treat as immutable).

    A plain class, not a frozen dataclass, for the same reason as :class:`Token`.
    """

    __slots__ = ("index", "start", "end")

    def __init__(self, index: int, start: int, end: int) -> None:
        self.index = index
        self.start = start
        self.end = end

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Line):
            return NotImplemented
        return self.index == other.index and self.start == other.start and self.end == other.end

    def __hash__(self) -> int:
        return hash((self.index, self.start, self.end))

    def __repr__(self) -> str:
        return f"Line(index={self.index!r}, start={self.start!r}, end={self.end!r})"


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
    pos = 0
    while pos <= len(text):  # the pieces between newlines: _LINE.finditer(text), without match objects
        newline = text.find("\n", pos)
        start, end = pos, newline if newline >= 0 else len(text)
        pos = end + 1
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

    This is ``_TOKEN.finditer`` written out by hand: a regex match costs thousands
    of instructions a token, these loops (compiled) a few hundred. No token holds
    white space (``\\s``, which is ``str.isspace``), so the text splits into
    space-free chunks first, and a chunk that is all letters and digits (most
    are) is one token.
    """
    end = len(text) if end is None else end
    whole = start == 0 and end == len(text)
    part = text if whole else text[start:end]
    tokens: list[Token] = []
    s = 0  # offset in part
    for chunk in part.split():
        while part[s].isspace():
            s += 1
        if chunk.isalnum():
            tokens.append(Token(start + s, start + s + len(chunk), chunk))
        else:
            _tokenize_chunk(chunk, start + s, tokens)
        s += len(chunk)
    # One string per distinct word: a long document repeats its words, and the
    # tokens are kept as long as the document is (issue #14).
    seen: dict[str, str] = {}
    for tok in tokens:
        tok.text = seen.setdefault(tok.text, tok.text)
    return tokens


_JOINERS: Final = "’'-.&"  # inside a word when a letter or digit follows: O'Neill, U.S., AT&T


def _tokenize_chunk(chunk: str, offset: int, tokens: list[Token]) -> None:
    """Append the tokens of ``chunk`` (text without white space that starts at
    ``offset``), as ``_TOKEN.finditer`` would find them."""
    n = len(chunk)
    if chunk[:-1].isalnum():  # the commonest shapes, "said," and "said.", without the loops
        last = chunk[-1]
        if last == ".":
            _append_word(chunk, offset, tokens)
            return
        if not _is_word_char(last):
            tokens.append(Token(offset, offset + n - 1, chunk[:-1]))
            tokens.append(Token(offset + n - 1, offset + n, last))
            return
    i = 0
    while i < n:
        if not _is_word_char(chunk[i]):
            tokens.append(Token(offset + i, offset + i + 1, chunk[i]))  # [^\w\s]
            i += 1
            continue
        j = _word_end(chunk, i + 1)  # \w+
        while j + 1 < n and chunk[j] in _JOINERS and _is_word_char(chunk[j + 1]):
            j = _word_end(chunk, j + 2)  # (?:[’'\-.&]\w+)*
        if j < n and chunk[j] == ".":
            j += 1  # \.?
        _append_word(chunk[i:j], offset + i, tokens)
        i = j


def _append_word(word: str, offset: int, tokens: list[Token]) -> None:
    """Append a word token, its trailing full stop split off unless it keeps it."""
    if len(word) > 1 and word[-1] == "." and not _keeps_period(word):
        tokens.append(Token(offset, offset + len(word) - 1, word[:-1]))
        tokens.append(Token(offset + len(word) - 1, offset + len(word), "."))
    else:
        tokens.append(Token(offset, offset + len(word), word))


def _is_word_char(c: str) -> bool:
    """The regex ``\\w`` (str patterns): a letter, a digit or an underscore."""
    return c.isalnum() or c == "_"


def _word_end(chunk: str, i: int) -> int:
    """The end of the run of word characters at ``i``."""
    n = len(chunk)
    while i < n and _is_word_char(chunk[i]):
        i += 1
    return i


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

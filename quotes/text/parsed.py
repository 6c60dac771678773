"""One parse of a document that every later stage shares: lines, tokens, quotes.

Tokenising once and indexing tokens by offset keeps the pipeline linear in the
length of the article.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from quotes.records import QuoteSpan
from quotes.text.segment import Line, Token, split_lines, tokenize


@dataclass
class ParsedDoc:
    """The text with its lines, tokens and (once detected) quote spans."""

    text: str
    lines: list[Line]
    tokens: list[Token]
    token_starts: list[int]
    quote_spans: list[QuoteSpan] = field(default_factory=list)
    # token index -> True when the token sits inside quotation marks
    quoted: list[bool] = field(default_factory=list)
    line_of_token: list[int] = field(default_factory=list)
    # names.is_headline_line's answers, by token range
    headline_lines: dict[int, bool] = field(default_factory=dict, compare=False, repr=False)
    # line index -> its token range [lo, hi) (line_tokens' answers, computed once):
    # constant time, whatever the line's length
    line_token_lo: list[int] = field(default_factory=list, compare=False, repr=False)
    line_token_hi: list[int] = field(default_factory=list, compare=False, repr=False)
    # the tokens of capitalised runs that names.find_names' name model judged no name
    # ("Nuclear strike ...", "Deaths in custody ...", "Pop star ..."): no subject's name either
    no_name_tokens: set[int] = field(default_factory=set, compare=False, repr=False)

    @classmethod
    def from_text(cls, text: str) -> ParsedDoc:
        """Split ``text`` into lines and tokens (tokens never cross a line)."""
        lines = split_lines(text)
        # Tokens hold no white space and lines hold every non-space character, so
        # one pass over the whole text gives the tokens of each line in turn.
        tokens = tokenize(text)
        token_starts = [t.start for t in tokens]
        line_of_token: list[int] = []
        line_lo: list[int] = []
        line_hi: list[int] = []
        for line in lines:
            line_lo.append(_first_at_or_after(token_starts, line.start))
            hi = _first_at_or_after(token_starts, line.end)
            line_hi.append(hi)
            line_of_token.extend([line.index] * (hi - len(line_of_token)))
        return cls(text, lines, tokens, token_starts, line_of_token=line_of_token,
                   line_token_lo=line_lo, line_token_hi=line_hi)

    def mark_quoted(self, spans: list[QuoteSpan]) -> None:
        """Record which tokens lie inside any of ``spans`` (marks included)."""
        self.quote_spans = spans
        quoted = [False] * len(self.tokens)
        for span in spans:
            i = self.token_index(span.mark_start)
            while i < len(self.tokens) and self.tokens[i].start < span.mark_end:
                quoted[i] = True
                i += 1
        self.quoted = quoted

    def token_index(self, offset: int) -> int:
        """Return the index of the first token starting at or after ``offset``."""
        return _first_at_or_after(self.token_starts, offset)

    def line_tokens(self, line: Line) -> tuple[int, int]:
        """Return the token index range [lo, hi) of one line."""
        return self.token_index(line.start), self.token_index(line.end)

    def line_token_range(self, index: int) -> tuple[int, int]:
        """The token index range [lo, hi) of line ``index`` (``line_tokens``), looked
        up: a walk from a quote to its line's ends costs the line's length, which
        is quadratic in a paragraph dense with quotes."""
        return self.line_token_lo[index], self.line_token_hi[index]


def _first_at_or_after(starts: list[int], offset: int) -> int:
    """``bisect.bisect_left(starts, offset)``: this loop compiles to native integer
    code, several times cheaper than a call into the bisect module."""
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


_NEAR_STEPS: Final = 64  # steps token_index_near walks before it bisects


def token_index_near(doc: ParsedDoc, offset: int, k: int) -> int:
    """``doc.token_index(offset)``, found by walking from token ``k``: for an offset
    a few tokens away (a name's end, a quote's closing mark) this is cheaper than
    the bisect call, which costs as much as a few hundred steps once compiled."""
    starts = doc.token_starts
    n = len(starts)
    k = min(k, n)
    # A far offset (a line's start, seen from its 500th quote) is bisected: walking
    # to it from every quote of a long line cost time quadratic in the line.
    budget = _NEAR_STEPS
    while k > 0 and starts[k - 1] >= offset:
        k -= 1
        budget -= 1
        if budget == 0:
            return _first_at_or_after(starts, offset)
    while k < n and starts[k] < offset:
        k += 1
        budget -= 1
        if budget == 0:
            return _first_at_or_after(starts, offset)
    return k

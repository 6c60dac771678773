"""Shortcuts in name finding agree with the plain formulas they replace."""
from __future__ import annotations

import random

from quotes.text.names import _HEADLINE_SHARE, _strip_possessive, is_headline_line
from quotes.text.parsed import ParsedDoc
from quotes.corpus.speakers import _POSSESSIVE


def test_strip_possessive_matches_the_regex():
    for word in ["Blunt’s", "Blunt's", "Jones'", "Jones’", "’s", "'s", "'", "’", "s", "", "Bush’S", "a''",
                 "it's's", "Mr.", "O'Neill", "James", "x’s’"]:
        assert _strip_possessive(word) == _POSSESSIVE.sub("", word), word


def _headline_by_formula(doc: ParsedDoc, lo: int, hi: int) -> bool:
    words = [w for w in [t.text for t in doc.tokens[lo:hi]] if w[:1].isalpha()]
    if len(words) < 4:
        return False
    return sum(1 for w in words if w[:1].isupper()) / len(words) >= _HEADLINE_SHARE


def test_headline_line_matches_the_formula():
    rnd = random.Random(2)
    pieces = ["Trump", "rips", "The", "of", "Éclair", "éclair", "3", "42nd", "“", "”", ",", "Ünited", "ßtar",
              "ǅemal", "_x", "Ⅻ", "½"]
    for _ in range(2_000):
        lines = ["".join(" " + rnd.choice(pieces) for _ in range(rnd.randint(1, 8))) for _ in range(3)]
        doc = ParsedDoc.from_text("\n".join(lines))
        for line in doc.lines:
            lo, hi = doc.line_tokens(line)
            for a, b in ((lo, hi), (lo + 1, hi), (lo, hi)):  # twice the same range: the cached answer
                assert is_headline_line(doc, a, b) == _headline_by_formula(doc, a, b), (lines, a, b)

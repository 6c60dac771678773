"""Shortcuts in name finding agree with the plain formulas they replace."""
from __future__ import annotations

import random

from quotes.text.names import _HEADLINE_SHARE, _strip_possessive, is_headline_line
from quotes.text.parsed import ParsedDoc
from quotes.corpus.speakers import _POSSESSIVE
from quotes.vocabulary import REPORTING_VERBS


def test_strip_possessive_matches_the_regex():
    for word in ["Blunt’s", "Blunt's", "Jones'", "Jones’", "’s", "'s", "'", "’", "s", "", "Bush’S", "a''",
                 "it's's", "Mr.", "O'Neill", "James", "x’s’"]:
        assert _strip_possessive(word) == _POSSESSIVE.sub("", word), word


def _headline_by_formula(doc: ParsedDoc, lo: int, hi: int) -> bool:
    words = [w for w in [t.text for t in doc.tokens[lo:hi]] if w[:1].isalpha()]
    if any(w in REPORTING_VERBS for w in words):  # lower case: title case capitalises verbs
        return False
    if len(words) < 4:
        return False
    return sum(1 for w in words if w[:1].isupper()) / len(words) >= _HEADLINE_SHARE


def test_headline_line_matches_the_formula():
    rnd = random.Random(2)
    pieces = ["Trump", "rips", "said", "Says", "The", "of", "Éclair", "éclair", "3", "42nd", "“", "”", ",", "Ünited", "ßtar",
              "ǅemal", "_x", "Ⅻ", "½"]
    for _ in range(2_000):
        lines = ["".join(" " + rnd.choice(pieces) for _ in range(rnd.randint(1, 8))) for _ in range(3)]
        doc = ParsedDoc.from_text("\n".join(lines))
        for line in doc.lines:
            lo, hi = doc.line_tokens(line)
            for a, b in ((lo, hi), (lo + 1, hi), (lo, hi)):  # twice the same range: the cached answer
                assert is_headline_line(doc, a, b) == _headline_by_formula(doc, a, b), (lines, a, b)


def _headline(text: str) -> bool:
    doc = ParsedDoc.from_text(text)
    lo, hi = doc.line_tokens(doc.lines[0])
    return is_headline_line(doc, lo, hi)


def test_a_lower_case_reporting_verb_makes_a_line_a_sentence():
    # title case capitalises its verbs; a lower-case "said" or "told" is sentence case
    assert not _headline('"No," said Park Geun-hye.')
    assert not _headline("John Smith said Tuesday.")
    assert not _headline("Jane Doe told BBC Radio Four.")
    # look-alikes: title-case headlines, with the verb capitalised or no verb at all
    assert _headline("Clinton Says She Will Run Again")
    assert _headline("Hillary Clinton Was Headed to ER")
    assert _headline('Park Geun-hye: "We Will Not Yield"')

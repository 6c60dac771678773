"""The hand-written tokenizer is exactly the _TOKEN regex (plus the full-stop rule)."""
from __future__ import annotations

import random

from quotes.text.segment import _TOKEN, _keeps_period, tokenize


def regex_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    for m in _TOKEN.finditer(text, start, end):
        word, (s, e) = m.group(), m.span()
        if len(word) > 1 and word[-1] == "." and not _keeps_period(word):
            out += [(s, e - 1, word[:-1]), (e - 1, e, ".")]
        else:
            out.append((s, e, word))
    return out


def test_tokenize_matches_the_regex_on_random_text():
    rnd = random.Random(11)
    # word characters of every kind (letters, digits, "_", "²", "½", combining marks),
    # the joiners, punctuation and every sort of white space
    pool = list("aZé1²½٣_\u0301ßſ.'’-&,;“”\"!?()…—") + list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2009\u2028\u3000")
    pool += list("ab.'’-&_ ") * 4
    for _ in range(8_000):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 24)))
        start = rnd.randint(0, len(text))
        end = rnd.randint(start, len(text))
        for s, e in ((0, len(text)), (start, end)):
            assert [(t.start, t.end, t.text) for t in tokenize(text, s, e)] == regex_tokens(text, s, e), (text, s, e)


def test_tokenize_examples():
    text = "Mr. O'Neill said: “U.S. AT&T anti-fascist_2 ½ J. Doe said.”  Next..."
    assert [t.text for t in tokenize(text)] == [
        "Mr.", "O'Neill", "said", ":", "“", "U.S.", "AT&T", "anti-fascist_2", "½", "J.", "Doe", "said", ".", "”",
        "Next", ".", ".", "."]
    assert tokenize(text, 4, 11) == [t for t in tokenize(text) if 4 <= t.start and t.end <= 11]


def test_split_lines_matches_the_line_regex():
    from quotes.text.segment import _LINE, split_lines

    def by_regex(text: str) -> list[tuple[int, int, int]]:
        lines: list[tuple[int, int, int]] = []
        for m in _LINE.finditer(text):
            start, end = m.start(), m.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start and (not lines or start > lines[-1][1]):
                lines.append((len(lines), start, end))
        return lines

    rnd = random.Random(4)
    for _ in range(5_000):
        text = "".join(rnd.choice("ab \n\n\r\t\u2028\x85") for _ in range(rnd.randint(0, 16)))
        assert [(x.index, x.start, x.end) for x in split_lines(text)] == by_regex(text), repr(text)

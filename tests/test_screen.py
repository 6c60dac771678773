"""Screening: titles, scare quotes, nicknames and page furniture are not speech."""
from __future__ import annotations

import pytest

from quotes.detection.marks import find_quotes
from quotes.detection.screen import screen
from quotes.text.segment import split_lines


def reasons(text: str) -> dict[str, str | None]:
    lines = split_lines(text)
    return {text[s.start:s.end]: r for s, r in screen(text, lines, find_quotes(text, lines))}


@pytest.mark.parametrize("text, quote, reason", [
    ('Her memoir, "The Long Road Home", sold well.', "The Long Road Home", "title"),
    ("He starred in the film “Dark Water” last year.", "Dark Water", "title"),
    ("The so-called “fourth man” was named.", "fourth man", "scare quote"),
    ('Robert "Bobby" Scott voted no.', "Bobby", "nickname"),
    ("Spy's secret memoir 'held in library'\n20 Oct 01 |  UK News", "held in library", "page furniture"),
    ("Copyright © 2020 'Example' Media. All rights reserved.", "Example", "page furniture"),
    ("Body text.\n\nMost read\n‘We were lucky’: family escapes fire\nOther headline", "We were lucky",
     "page furniture"),
    ("By clicking “Accept all” you agree. We use cookies.", "Accept all", "page furniture"),
    ("Mellor, known on the terraces as ‘Mr Harbour’, said he was sad.", "Mr Harbour", "nickname"),
    ('It banned the novels "Salt and Sparrows" and "Nobody\'s Garden," last week.', "Nobody's Garden,",
     "title"),
    # a programme's name that ends its sentence keeps the sentence's full stop inside the marks
    ('"We will rebuild," Ms Lane said on WXYZ\'s "Morning Roundup." The crowd cheered.', "Morning Roundup.",
     "title"),
    ("Councillor Pryce spoke on “Tyne Tonight.” She left early.", "Tyne Tonight.", "title"),
    ("Pryce told “Breakfast With Ann,” that the vote was close.", "Breakfast With Ann,", "title"),
])
def test_rejected(text, quote, reason):
    assert reasons(text)[quote] == reason


@pytest.mark.parametrize("text, quote", [
    ('The plan is "a disaster," she said.', "a disaster,"),
    ("Blunt's Soviet spying 'a mistake'", "a mistake"),
    ("Clinton Speaks ‘Directly To White People’ After Rally", "Directly To White People"),
    ('"Hopefully," the president said, "this will last."', "Hopefully,"),
    ('He called it "Mostly False," a spokesman said.', "Mostly False,"),
    # a headline above a date line is the article's own headline, not a related link
    ("Police ‘increasingly concerned’ for hiker\n\n12 October 2021\n\nBody.", "increasingly concerned"),
    # a stop-ended title-case phrase after "the" is as often a slogan someone said
    ('The minister railed against the "Forgotten Few." Nobody clapped.', "Forgotten Few."),
    ('Asked on Monday, Lane said on radio: "I Will Not Resign." Then she left.', "I Will Not Resign."),
])
def test_kept(text, quote):
    assert reasons(text)[quote] is None


def _title_case_by_regex(words: list[str]) -> bool:
    from quotes.detection.screen import _TITLE_CASE_WORD
    from quotes.vocabulary import MINOR_WORDS as _MINOR

    major = [w for w in words if w.lower() not in _MINOR and w[:1].isalnum()]
    return bool(major) and all(_TITLE_CASE_WORD.match(w) for w in major)


def test_title_case_and_headline_shortcuts_match_the_regexes():
    import random

    from quotes.detection.screen import _CONTENT_WORDS, _LINE_WORDS, _is_headline, _is_title_case
    from quotes.text.segment import Line

    rnd = random.Random(5)
    pieces = ["The", "the", "THE", "tHe", "Of", "of", "a", "A", "an", "is", "vs", "Vs", "iſ", "ıs", "Kelvin",
              "said", "Said", "2x", "x2", "_a", "-the", "the-", "the’s", "O'Neill", "o'neill", "éclair", "Éclair",
              "3", "42nd", "&", "—", "“", "”", ",", ".", "Trump", "rips", "ﬁne", "İs", "by"]
    for _ in range(5_000):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 9)))
        text = "".join(c if rnd.random() > 0.1 else rnd.choice(" -’") for c in text)
        words = _CONTENT_WORDS.findall(text)
        assert _is_title_case(words) == _title_case_by_regex(words), text
        line_words = _LINE_WORDS.findall(text)
        expected = len(line_words) >= 4 and _title_case_by_regex(line_words)
        padded = "\n" + text + "\n"
        assert _is_headline(padded, Line(0, 1, 1 + len(text))) == expected, text


def test_words_matches_the_word_regexes():
    import random

    from quotes.detection.screen import _BEFORE_WORDS, _CONTENT_WORDS, _words

    rnd = random.Random(9)
    pool = list("aZé1²½٣_\u0301ß’'&-.,“” \t\n\xa0\u2009\u3000\x1c") + list("ab ") * 4
    for _ in range(5_000):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 20)))
        assert _words(text, "’'&-") == _CONTENT_WORDS.findall(text), repr(text)
        assert _words(text, "’'-") == _BEFORE_WORDS.findall(text), repr(text)


def test_boilerplate_shortcuts_match_the_regex_on_random_lines():
    import random

    from quotes.detection.screen import _BOILERPLATE, _is_boilerplate

    rnd = random.Random(1)
    pieces = ["copyright", "©", "sign in", "Share this story", "24 Jan 08 | Newsnight", "| UK", "all rights reserved",
              "All Rights Reſerved", "we use cookies", "WE USE COOKIEſ", "privacy policy", "|", " ",
              "the BBC is not responsible", "published 2009", "x", "“", "İs", "Kelvin"]
    for _ in range(5_000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 4))).strip()
        assert _is_boilerplate(line) == bool(_BOILERPLATE.search(line)), line


def test_anchored_patterns():
    from quotes.detection.screen import _anchored_at_start

    assert [_anchored_at_start(p) for p in [r"^a|b", r"^(a|b)", r"^a\|b", r"^(?m)a", r"^(a)\1", r"^[|]", r"a"]] == [
        False, True, True, False, False, False, False]

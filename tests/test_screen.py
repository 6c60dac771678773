"""Screening: titles, scare quotes, nicknames and page furniture are not speech."""
from __future__ import annotations

import pytest

from quotes.detect import find_quotes
from quotes.screen import screen
from quotes.segment import split_lines


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

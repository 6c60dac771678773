"""Capitals and letters of any cased alphabet in detection and the quote filter
(issue #14, item 5, the patterns the first fix left ASCII-only), CheckList style:
invented sentences of each kind, with ASCII twins that must read the same, and
look-alikes that must not change.

A capital is an upper-case letter of any cased alphabet ("Émile", "Łukasz",
"Ørsted", "Ξένια"), not a letter of A-Z; a word starts at its first letter
("Émile", not "mile").
"""
from __future__ import annotations

import pytest

from quotes.attribution.features import DocContext, span_features
from quotes.attribution.front import prepare
from quotes.attribution.quote_filter import span_rows
from quotes.detection.marks import find_pull_quotes, find_quotes
from quotes.detection.screen import screen
from quotes.text.segment import CAPITAL_LETTERS, CAPITALS, LOWER_CASE, sentence_starts, split_lines


def reasons(text: str) -> dict[str, str | None]:
    lines = split_lines(text)
    return {text[s.start:s.end]: r for s, r in screen(text, lines, find_quotes(text, lines))}


# -- the letter classes --------------------------------------------------------------

@pytest.mark.parametrize("letter", list("AZÉÅØŁŞİĆŽÇÞΞБЖԱǅ"))
def test_capitals(letter):
    assert letter in CAPITAL_LETTERS and letter in CAPITALS or any(
        lo <= letter <= hi for lo, _, hi in _ranges(CAPITALS))


@pytest.mark.parametrize("letter", list("azéåøłşıćžçþßξбжաǆ") + ["0", "_", "-", "’", "½", "٣"])
def test_not_capitals(letter):
    assert letter not in CAPITAL_LETTERS


@pytest.mark.parametrize("letter", list("azéåøłşıćžçþßξбжա"))
def test_lower_case(letter):
    import re

    assert re.fullmatch(f"[{LOWER_CASE}]", letter)
    assert not re.fullmatch(f"[{CAPITALS}]", letter)


def _ranges(body: str) -> list[tuple[str, str, str]]:
    return [(body[i], "-", body[i + 2]) for i in range(len(body) - 2) if body[i + 1] == "-"]


# -- sentences (segment) --------------------------------------------------------------

@pytest.mark.parametrize("name", ["Émile Zola", "Łukasz Nowak", "Ørjan Berg", "Zoë Ångström", "Ξένια Πάπα"])
def test_a_sentence_can_open_with_a_non_ascii_capital(name):
    text = f"The vote was close. {name} left early."
    assert sentence_starts(text, 0, len(text)) == [0, text.index(name)]


@pytest.mark.parametrize("text", [
    "The vote was close. élite clubs left early.",  # a lower-case letter opens no sentence
    "The vote was close. ßtraße left early.",
    "Ask Dr. Émile Zola about it.",  # an abbreviation before the capital
    "It was E. Ørsted who won.",  # an initial
])
def test_no_sentence_opens_there(text):
    assert sentence_starts(text, 0, len(text)) == [0]


# -- nicknames (screen) ----------------------------------------------------------------

@pytest.mark.parametrize("text, quote", [
    ('Łukasz "Luki" Nowak scored twice.', "Luki"),
    ('Robert "Bobby" Ørsted scored twice.', "Bobby"),
    ('Zoë “Zee” Ångström scored twice.', "Zee"),
    ('Émile “Mimi” Zola scored twice.', "Mimi"),
    ('Ólafur ‘Óli’ Élisson scored twice.', "Óli"),
    ('Robert "Bobby" Scott scored twice.', "Bobby"),  # the ASCII twin
])
def test_nickname_between_first_name_and_surname(text, quote):
    assert reasons(text)[quote] == "nickname"


@pytest.mark.parametrize("text, quote", [
    ('Łukasz said "we won" Ørsted too.', "we won"),  # a verb, not a first name, before the marks
    ('Émile "we won" éclair said.', "we won"),  # no capital after the marks
    ('ÉMILE "Mimi" Zola scored.', "Mimi"),  # an all-capitals word is no first name
    ('They said "Bobby" Ørsted was late.', "Bobby"),  # no first name before the marks
])
def test_no_nickname(text, quote):
    assert reasons(text)[quote] is None


# -- titles and the words around them (screen) ---------------------------------------------

@pytest.mark.parametrize("text, quote", [
    ("She wrote the book “Érase Una Vez” last year.", "Érase Una Vez"),
    ("He starred in the film “Ödipus Rex” last year.", "Ödipus Rex"),
    ("He starred in the film “Dark Water” last year.", "Dark Water"),  # the ASCII twin
    ("Zoë Ångström wrote the novel “Élan Vital” in Oslo.", "Élan Vital"),
])
def test_a_title_case_title_with_non_ascii_capitals(text, quote):
    assert reasons(text)[quote] == "title"


@pytest.mark.parametrize("text, quote", [
    # a reporting verb after the marks makes it speech, whoever the capitals name
    ("“Liberté Pour Tous,” Émile Zola said.", "Liberté Pour Tous,"),
    ("“Égalité Now” Łukasz Nowak told them.", "Égalité Now"),
    ("“Dark Water” Anna Ørsted said.", "Dark Water"),
    # a lower-case word breaks title case, whatever its first letter
    ("She wrote the book “Érase élan Vez” last year.", "Érase élan Vez"),
])
def test_not_a_title(text, quote):
    assert reasons(text)[quote] is None


@pytest.mark.parametrize("headline, is_headline", [
    ("Émile Zola Wins Ørsted Prize for Second Time", True),
    ("Zoë Ångström Says Élite Clubs Will Win", True),
    ("Zoë Ångström says élite clubs will win", False),
])
def test_title_case_headlines_with_non_ascii_capitals(headline, is_headline):
    from quotes.detection.screen import _is_headline
    from quotes.text.segment import Line

    text = f"{headline}\n\nBody."
    assert _is_headline(text, Line(0, 0, len(headline))) is is_headline


# -- pull quotes (marks) ----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["Émile Zola", "Łukasz Nowak", "Zoë Ångström", "Anna Ørsted", "Margaret Hale"])
def test_pull_quote_with_a_non_ascii_name_below(name):
    text = f"Intro paragraph.\n\nI knew at once that we had lost everything\n{name}\n\nLater text."
    lines = split_lines(text)
    (pull,) = find_pull_quotes(text, lines, find_quotes(text, lines))
    assert text[pull.start:pull.end] == "I knew at once that we had lost everything"


@pytest.mark.parametrize("below", ["émile zola", "Émile zola said so", "— Émile Zola, 1898"])
def test_no_pull_quote_without_a_name_line(below):
    text = f"Intro paragraph.\n\nI knew at once that we had lost everything\n{below}\n\nLater text."
    lines = split_lines(text)
    assert find_pull_quotes(text, lines, find_quotes(text, lines)) == []


# -- the quote filter's words (features, quote_filter) --------------------------------------------

def _features(text: str) -> dict:
    front = prepare(text)
    ctx = front.ctx if front.ctx is not None else DocContext.build(front.parsed)
    (span,) = front.spans
    return span_features(ctx, span, None, 1, 0)


@pytest.mark.parametrize("quote, first, last", [
    ("Émile Zola", "émile", "zola"),
    ("Łukasz Nowak", "łukasz", "nowak"),
    ("Zoë Ångström", "zoë", "ångström"),
    ("Ørsted", "ørsted", "ørsted"),
    ("Anna Smith", "anna", "smith"),  # the ASCII twin
])
def test_a_word_starts_at_its_first_letter(quote, first, last):
    f = _features(f'The sign read "{quote}" in red.')
    assert f[f"first={first}"] == 1.0 and f[f"last={last}"] == 1.0
    assert f["cap_share"] == 1.0 and f["all_caps_title"] == 1.0


@pytest.mark.parametrize("quote", ["숨바꼭질", "北京 欢迎你", "سلام"])
def test_words_of_uncased_scripts_stay_unseen_by_the_word_shape_features(quote):
    # the quote filter learnt the shape of cased writing; an uncased script's words
    # give no word features, as before (its Latin twin gives them)
    f = _features(f'The sign read "{quote}" in red.')
    assert not [k for k in f if k.startswith(("first=", "last="))]
    assert f["words_log"] == 0.0 and f["cap_share"] == 0.0
    assert _features('The sign read "Sumbakkokjil" in red.')["words_log"] == 1.0


@pytest.mark.parametrize("quote, share", [
    ("élan vital", 0.0), ("Élan vital", 0.5), ("Élan Vital", 1.0), ("elan vital", 0.0),
])
def test_capital_share_counts_non_ascii_capitals(quote, share):
    assert _features(f'The sign read "{quote}" in red.')["cap_share"] == share


@pytest.mark.parametrize("text, unquoted", [
    ('The team is called “Zoë.” Nobody knew a zo before.', False),  # "zo" is no word of "zoë"
    ('The team is called “Zoë.” Nobody knew Zoë before.', True),
    ('The team is called “Ærø.” Nobody knew the ær before.', False),
    ('The team is called “Zoe.” Nobody knew Zoe before.', True),  # the ASCII twin
    ('The team is called “Zoe.” Nobody knew Zoey before.', False),
])
def test_a_quoted_term_found_outside_the_marks(text, unquoted):
    (row,) = span_rows(prepare(text))
    assert row["unquoted_too"] == float(unquoted)

"""Quote-span detection: marks, apostrophes, nesting, open paragraphs, pull quotes."""
from __future__ import annotations


import pytest

from quotes.detection.marks import find_pull_quotes, find_quotes
from quotes.text.segment import split_lines


def spans(text: str) -> list[str]:
    lines = split_lines(text)
    return [text[s.start:s.end] for s in find_quotes(text, lines)]


@pytest.mark.parametrize("text, expected", [
    ('He said "it was wrong" and left.', ["it was wrong"]),
    ("He said “it was wrong,” and left.", ["it was wrong,"]),
    ("‘It was a mistake,’ Mr Hale said.", ["It was a mistake,"]),
    ("'It was a mistake,' Mr Hale said.", ["It was a mistake,"]),
    # apostrophes are not quote marks
    ("Blunt's memoir, the '90s, rock 'n' roll and the Joneses' dog.", []),
    ("‘I don’t think it’s Blunt’s fault,’ she said.", ["I don’t think it’s Blunt’s fault,"]),
    ("‘We liked the Joneses' house,’ she said.", ["We liked the Joneses' house,"]),
    ("'We loved rock 'n' roll in the '60s,' he said.", ["We loved rock 'n' roll in the '60s,"]),
    # nested quotes stay inside the outer quote
    ('"He told me \'never again\' twice," she said.', ["He told me 'never again' twice,"]),
    ("“He called it “a farce” on air,” she said.", ["He called it “a farce” on air,"]),
    # two quotes in one headline
    ("Trump 'a danger' and 'unfit', says Clinton", ["a danger", "unfit"]),
    # NYT archive double quotes
    ("''We finally may be seeing growth,'' he wrote.", ["We finally may be seeing growth,"]),
    # two typographic single marks typed for one double mark (converted pages)
    ("“It was an attempt to mislead voters,’’ Will Moy told the BBC. “And I think it is wrong.”",
     ["It was an attempt to mislead voters,", "And I think it is wrong."]),
    ("‘‘We won,’’ she said, and ‘‘we will again.’’", ["We won,", "we will again."]),
    ("He warned that “voters are entitled to it.’’ Critically, he added “more.’’", ["voters are entitled to it.", "more."]),
    # look-alike: single marks and apostrophes stay single
    ("‘It’s over,’ he said. ‘We’ll see.’", ["It’s over,", "We’ll see."]),
    # German and central European quotes open low and close high
    ("Die App „Vivy“ wurde 2018 gestartet.", ["Vivy"]),
    ("Unter dem Motto „Take C.A.R.E“, was für Curiosity steht, sagte er „Wir sind bereit.“", ["Take C.A.R.E", "Wir sind bereit."]),
    ("Er sagte: „Das Buch „Faust“ ist gut“ und ging.", ["Das Buch „Faust“ ist gut"]),
    ("Sie schrieb „es geht“ und „weiter so“.", ["es geht", "weiter so"]),
    # look-alike: a high mark before a word inside a low-opened quote opens a nested quote
    ("„Er nannte es “Unsinn” gestern“, sagte sie.", ["Er nannte es “Unsinn” gestern"]),
    # a straight double mark between a number and a sign is a unit (inches), not a quote
    ('The least expensive 70"+ TV this year. He said "buy it" twice.', ["buy it"]),
    ('A 6\'2" guard and a 55"-wide screen.', []),
    # look-alike: a number ends a quote
    ('He said "the answer is 42" and left.', ["the answer is 42"]),
    ('"We sold 70" he said.', ["We sold 70"]),
    # an unclosed quote closes at the end of its paragraph, not of the document
    ('"This never closes, she said.\n\nNext paragraph "is quoted" here.',
     ["This never closes, she said.", "is quoted"]),
    # an unclosed single quote after a colon still opens (and closes at the paragraph end)
    ("Mrs Keane said: 'We've saved for this. I don't know what we'll do.\n\nNext.",
     ["We've saved for this. I don't know what we'll do."]),
    # markup attribute values are not quotes
    ('<tweet author="@someone" date="x">Hello</tweet>', []),
])
def test_spans(text, expected):
    assert spans(text) == expected


def test_multi_paragraph_quote_pieces_are_continued():
    text = '“First paragraph of the quote.\n\n“Second paragraph.\n\n“Last one,” he said.'
    found = find_quotes(text, split_lines(text))
    assert [text[s.start:s.end] for s in found] == [
        "First paragraph of the quote.", "Second paragraph.", "Last one,"]
    assert [s.closed for s in found] == [False, False, True]
    assert [s.continued for s in found] == [False, True, True]


# A multi-paragraph quote whose paragraph breaks were lost (flattened text, as in
# the BBC 2004-5 articles): each paragraph's opening mark follows the previous
# paragraph's last sentence, with no closing mark between them.
@pytest.mark.parametrize("text, expected, continued", [
    ('"I lost the first final. "I was once in the semis. "I could not cope," he said.',
     ["I lost the first final.", "I was once in the semis.", "I could not cope,"],
     [False, True, True]),
    ("“We can win this. “We simply need to change direction.” Next sentence.",
     ["We can win this.", "We simply need to change direction."], [False, True]),
    ('He said: "Why now? "Who will pay for it?" Then he left.',
     ["Why now?", "Who will pay for it?"], [False, True]),
    ('"You took a chance, man," he said. "That love was deep. "Thank you."',
     ["You took a chance, man,", "That love was deep.", "Thank you."], [False, False, True]),
])
def test_flattened_multi_paragraph_quotes_split_into_continued_pieces(text, expected, continued):
    found = find_quotes(text, split_lines(text))
    assert [text[s.start:s.end] for s in found] == expected
    assert [s.continued for s in found] == continued
    assert [s.closed for s in found][:-1] == [not c for c in continued[1:]]


@pytest.mark.parametrize("text, expected", [
    # a double mark inside a double quote mid-sentence is a (sloppy) nested quote
    ("“He called it “a farce” on air,” she said.", ["He called it “a farce” on air,"]),
    # single marks nest inside double ones whatever precedes them
    ('"I read it. \'Never again\' was all it said," she wrote.',
     ["I read it. 'Never again' was all it said,"]),
    # a closing mark after a sentence end closes as before
    ('"It is over." "No, it is not," she said.', ["It is over.", "No, it is not,"]),
])
def test_double_marks_after_a_sentence_look_alikes(text, expected):
    assert spans(text) == expected


def test_offsets_exclude_marks():
    text = 'Blunt called it the "biggest mistake of my life".'
    (span,) = find_quotes(text, split_lines(text))
    assert text[span.mark_start] == '"' and text[span.mark_end - 1] == '"'
    assert text[span.start:span.end] == "biggest mistake of my life"


def test_pull_quote_line_with_name_below():
    text = ("Intro paragraph.\n\nI knew at once that we had lost everything\nMargaret Hale\n\n"
            "Later text.")
    lines = split_lines(text)
    (pull,) = find_pull_quotes(text, lines, find_quotes(text, lines))
    assert text[pull.start:pull.end] == "I knew at once that we had lost everything"
    assert pull.kind == "pull"


def test_caption_is_not_a_pull_quote():
    # a name above a caption line is a photo caption, not a pull quote
    text = "Title\n\nAnthony Blunt\nBlunt's memoirs revealed little new\n\nBody."
    lines = split_lines(text)
    assert find_pull_quotes(text, lines, []) == []


def test_many_opening_marks_give_one_unclosed_quote():
    # 10,000 opening marks: nesting is capped, so the scan stays linear (the
    # benchmark measures the time); the result is one quote left open.
    text = "“" * 10_000 + "text"
    found = find_quotes(text, split_lines(text))
    assert len(found) == 1 and not found[0].closed


def test_whole_text_tokens_match_line_by_line_tokens():
    from quotes.text.parsed import ParsedDoc
    from quotes.text.segment import tokenize

    text = ("  Mr. Blunt said: “It was wrong.”\r\n\n\tU.S. officials (AT&T) said.\u2028Next\n"
            "  \n'90s rock 'n' roll... O'Neill—anti-fascist J. Doe said.  \n\nend")
    doc = ParsedDoc.from_text(text)
    tokens, line_of = [], []
    for line in doc.lines:
        line_tokens = tokenize(text, line.start, line.end)
        tokens.extend(line_tokens)
        line_of.extend([line.index] * len(line_tokens))
    assert doc.tokens == tokens and doc.line_of_token == line_of
    assert doc.token_starts == [t.start for t in tokens]


@pytest.mark.parametrize("line", [
    "Copyright 2009 BBC", "© BBC", "All Rights Reserved.", "2009 all rights reserved here",
    "ALL RIGHTS RESERVEDX", "We use cookies to improve", "we use cookies", "Privacy policy | Terms",
    "the BBC is not responsible for the content of external sites", "Best viewed in an up-to-date web browser",
    "all riGhts reſerved", "all rights reserved", "Share this page", "24 Jan 08 | Newsnight",
    "He said all rights were reserved.", "An ordinary line of prose.", "",
])
def test_boilerplate_shortcut_matches_the_regex(line):
    from quotes.detection.screen import _BOILERPLATE, _is_boilerplate

    assert _is_boilerplate(line) == bool(_BOILERPLATE.search(line))


def test_mark_regex_matches_the_plain_alternation():
    import random
    import re

    from quotes.detection.marks import _MARK

    plain = re.compile(r"''|’’|‘‘|[\"“”‘’'„«»]")
    rnd = random.Random(3)
    for _ in range(5_000):
        text = "".join(rnd.choice("''’‘\"“”„«»a ") for _ in range(rnd.randint(0, 12)))
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        assert [m.span() for m in _MARK.finditer(text, lo, hi)] == [m.span() for m in plain.finditer(text, lo, hi)]

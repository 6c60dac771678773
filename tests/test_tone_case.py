"""Case carries no tone (issue #16's invariance): a quote written in capitals or in
title case (a headline, a shouted post, a subtitle) reads as it does in sentence
case. The tone reader took every capitalised word for a name, so "I AM SO SORRY
FOR WHAT I DID." scored regret 0.04 against 0.95 in sentence case. Where nearly
every word is capitalised, capitals now mark no name, except a first name that is
no dictionary word and the word after it ("JOE BIDEN WAS SORRY" stays his), and a
title before a word that is no dictionary word ("MR BLAIR WAS SORRY")."""
from __future__ import annotations

import pytest

from quotes.tone import score_texts
from quotes.tone.lexicon import tokenize

SENTENCES = [
    # regret, in many forms
    ("I am so sorry for what I did.", "regret", True),
    ("I regret it deeply.", "regret", True),
    ("It was a huge mistake on my part.", "regret", True),
    ("We are deeply sorry for the delay.", "regret", True),
    ("I should never have said it.", "regret", True),
    # look-alikes: not the speaker's regret
    ("I don't regret it for a second.", "regret", False),
    ("Sorry for your loss.", "regret", False),
    ("He should apologise to the fans.", "regret", False),
    ("Barack Obama said Joe Biden was sorry.", "regret", False),
    # a title before a word that is no dictionary word marks a person too (review11:
    # "MR BLAIR WAS SORRY." read as the speaker's regret, 0.76 against 0.03)
    ("Mr Blair was sorry.", "regret", False),
    ("President Trump was deeply sorry.", "regret", False),
    # ... not a title before a dictionary word
    ("The general feeling is that we are sorry.", "regret", True),
    # shock
    ("I can't believe it, I'm stunned.", "shock", True),
    ("I was stunned by the news.", "shock", True),
    ("Oh my God.", "shock", True),
    ("I would be shocked if he won.", "shock", False),
    ("Mary was stunned by the news.", "shock", False),
    ("Nobody should be surprised.", "shock", False),
]


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


@pytest.mark.parametrize("text, tone, expected", SENTENCES)
def test_capitals_and_title_case_read_as_sentence_case(text, tone, expected):
    forms = [text, text.upper(), _title(text)]
    decisions = [getattr(t, tone) >= 0.5 for t in score_texts(forms)]
    assert decisions == [expected] * 3, list(zip(forms, decisions))


def test_capitals_still_mark_names_in_ordinary_text():
    # a sentence with names is no caseless text: its capitals stay as written
    tokens, capitals, _ = tokenize("Tony Blair told the BBC he was sorry.")
    assert [t for t, c in zip(tokens, capitals) if c] == ["tony", "blair", "bbc"]
    # in capitals, only a first name that is no dictionary word and the word after it
    tokens, capitals, _ = tokenize("I AM SO SORRY, SAID JOE BIDEN.")
    assert [t for t, c in zip(tokens, capitals) if c] == ["joe", "biden"]
    # a title, and the word after it when that is no dictionary word
    tokens, capitals, _ = tokenize("THE GENERAL FEELING: MR BLAIR WAS SORRY.")
    assert [t for t, c in zip(tokens, capitals) if c] == ["mr", "blair"]
    # title case likewise
    tokens, capitals, _ = tokenize("We Are Deeply Sorry For The Delay")
    assert not any(capitals)


@pytest.mark.parametrize("plain, marked, tone, expected", [
    # a run of marks ends one sentence as one mark does: punctuation carries no tone
    ("Surprised? Not me.", "Surprised?! Not me.", "shock", False),
    ("Surprised? Not me.", "Surprised?? Not me.", "shock", False),
    ("Do I regret it? No.", "Do I regret it?! No.", "regret", False),
    ("Shocked? Not at all.", "Shocked!? Not at all.", "shock", False),
    ("I was shocked!", "I was shocked!!!", "shock", True),
    ("Sorry! I was wrong.", "Sorry!!! I was wrong.", "regret", True),
])
def test_a_run_of_marks_reads_as_one(plain, marked, tone, expected):
    decisions = [getattr(t, tone) >= 0.5 for t in score_texts([plain, marked])]
    assert decisions == [expected, expected]

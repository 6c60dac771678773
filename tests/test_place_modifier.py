"""A place or party before a common noun only modifies it (issue #15, speakers table).

"UK firms", "US critics", "a US airline attendant": the country is an adjective
there, and the speaker, if any, is the noun phrase, never "UK" or "US". Invented
sentences. Look-alikes: the country itself as the subject of a verb ("The US has
described", "Russia plans to", "China warned that"), after a preposition with a
time noun, and a possessive, keep their reading.
"""
from __future__ import annotations

import pytest

import quotes
from quotes.attribution.phrases import modified_noun_end
from quotes.text.parsed import ParsedDoc


def _speakers(text):
    return [(q.speaker, q.speaker_mention) for q in quotes.extract(text)]


MODIFIERS = [
    ("US critics were less complimentary about the film, calling it a \"dispiriting vanity project\".",
     [(None, "US critics")]),
    ("UK firms are embracing internet trading, with sales described as \"phenomenal\".", [(None, "UK firms")]),
    ("A US airline attendant suspended over \"inappropriate images\" has been fired.",
     [(None, "A US airline attendant")]),
]

NOT_MODIFIERS = [
    ("The US has described the strike as \"proportionate\".", [("US", "US")]),
    ("China warned that the move was \"a grave mistake\".", [("China", "China")]),
    ("Russia plans to call the move \"a grave mistake\".", [("Russia", "Russia")]),
    ("\"We will not back down,\" Britain said.", [("Britain", "Britain")]),
    ("\"It is over,\" said US President Barack Obama.", [("Barack Obama", "US President Barack Obama")]),
    ("Republican presidential candidate Donald Trump said the deal was \"a disaster\".",
     [("Donald Trump", "Donald Trump")]),
]


@pytest.mark.parametrize("text,expected", MODIFIERS)
def test_a_place_before_a_noun_is_no_speaker(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text,expected", NOT_MODIFIERS)
def test_a_place_that_acts_keeps_its_name(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text,name,modifies", [
    ("The UK operator is appealing.", "UK", "operator"),
    ("Ohio voters said no.", "Ohio", "voters"),
    ("UK mortgage lending fell.", "UK", "lending"),
    ("Republican presidential candidates met.", "Republican", "candidates"),
    ("The US said no.", "US", None),  # a verb
    ("In the US today, people voted.", "US", None),  # a time
    ("Britain plans to act.", "Britain", None),  # a noun-like verb before "to"
    ("Britain's ministers met.", "Britain", None),  # a possessive owns, not modifies
    ("The Republicans said no.", "Republicans", None),  # a plural party word is people
    ("Smith voters said no.", "Smith", None),  # not a place
])
def test_modified_noun_end(text, name, modifies):
    doc = ParsedDoc.from_text(text)
    doc.mark_quoted([])
    lo = next(k for k, t in enumerate(doc.tokens) if t.text.startswith(name))
    end = modified_noun_end(doc, lo, lo + 1)
    assert (doc.tokens[end - 1].text if end > 0 else None) == modifies


def test_a_party_and_a_place_before_a_noun_modify_it():
    text = ("Sanders was defiant. The Independent Vermont senator vowed to go on, calling the race "
            "\"a fight\".")
    assert all(s != "Independent Vermont" for s, _ in _speakers(text))
    doc = ParsedDoc.from_text(text)
    doc.mark_quoted([])
    lo = next(k for k, t in enumerate(doc.tokens) if t.text == "Independent")
    assert doc.tokens[modified_noun_end(doc, lo, lo + 2) - 1].text == "senator"

"""Organisations as speakers: descriptions that stand for a body (issue #15).

Invented sentences of each kind, CheckList style (forms, look-alikes that must not
change):

- O1: a name written right after "its" or "their" ("its Xbox console", "its Sandoz
  unit") is a thing or unit a body owns: never what "the company" stands for, so
  the body that owns it is left alone as the one that fits.
  A rival written after "its" and a noun ("its rival Sony") is still a company.
- O2: a name the article marks as an organisation's ("copy protection firm
  Macrovision") is no person to "said the firm", though it is the subject of
  "says" as a person would be; a name with a first name stays a person.
- O3: "the paper", "the magazine" stand for a publication the article calls one
  ("US magazine Rolling Stone's list", "Spanish daily ABC", "the Los Angeles
  Times"), not for any organisation or broadcaster; nobody when none is named so,
  or when a body of unknown kind acts after it ("But Marca does cover ...").
- O4: "the report said", "the statement added" speak for the author of the document
  the article named before: a name right before it ("a World Bank report", "the
  NAO's annual report"), after "by" ("the report by telecoms giant BT"), or the
  subject of "in a statement", "in its report"; nobody when the article gives no
  author ("A report published on Monday"), when the name is a place ("a UK
  report"), or when a name only talks about the report ("Smith said the report").
"""
from __future__ import annotations

import pytest

import quotes


def _speakers(text):
    return [(q.speaker, q.speaker_mention) for q in quotes.extract(text)]


OWNED = [
    ('Microsoft is recalling 14m power cables for its Xbox console.\n\n'
     '"Safety comes first," the company said.',
     [("Microsoft", "the company")]),
    ('Novartis will merge two plants to grow its Sandoz unit.\n\n'
     '"This is a good deal for patients," the firm said.',
     [("Novartis", "the firm")]),
    ('Acme Corp is recalling its Widget phone after fires.\n\n'
     '"We regret the trouble," it said.',
     [("Acme Corp", "it")]),
]

NOT_OWNED = [
    # a rival after "its" and a noun is a company of its own: two fit, no guess (so
    # does a company the subject only acts on: being the subject decides nothing)
    ('Microsoft cut prices to beat its rival Sony.\n\n"Customers win," the company said.',
     [(None, "the company")]),
    # two companies, neither owned: no guess
    ('Novartis has bought Hexal to grow its Sandoz unit.\n\n'
     '"This is a good deal for patients," the firm said.',
     [(None, "the firm")]),
]

MARKED = [
    ('DVDs will be harder to copy, says copy protection firm Macrovision. Macrovision says the tool '
     'stops most copying.\n\n"It is a big step," said the firm.',
     [("Macrovision", "the firm")]),
    ('Swiss drugmaker Novartis has bought Hexal. Novartis says it will cut jobs.\n\n'
     '"We regret the losses," the company said.',
     [("Novartis", "the company")]),
]

NOT_MARKED = [
    # a person who says things is no firm
    ('Engineer John Macro says the tool stops most copying.\n\n"It is a big step," said the firm.',
     [(None, "the firm")]),
]

PUBLICATIONS = [
    ('Prince topped US magazine Rolling Stone\'s annual list of earners.\n\n'
     '"Prince returned to centre stage," the magazine reported.',
     [("Rolling Stone", "the magazine")]),
    ('And Spanish daily ABC accuses English reporters of a witch-hunt against the coach.\n\n'
     '"They wanted to divert attention," the paper says.',
     [("ABC", "the paper")]),
    ('Acme Corp cut 500 jobs, the Los Angeles Times reported.\n\n'
     '"The cuts were long expected," the paper said.',
     [("Los Angeles Times", "the paper")]),
]

NOT_PUBLICATIONS = [
    # a broadcaster is no paper, and a think-tank's paper is no newspaper
    ('Acme Corp cut 500 jobs, ITV has learned.\n\n"The cuts were long expected," the paper said.',
     [(None, "the paper")]),
    ('The Institute for Fiscal Studies published a paper on taxes.\n\n'
     '"Taxes will rise," the paper said.',
     [(None, "the paper")]),
    # a body of unknown kind acts after the paper named as one: maybe the one meant
    ('Spanish daily ABC praised the team. But Marca does cover the English reaction.\n\n'
     '"The English are nervous," the paper says.',
     [(None, "the paper")]),
]

@pytest.mark.parametrize("text,expected", OWNED + NOT_OWNED)
def test_a_name_a_body_owns_is_not_the_body(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text,expected", MARKED + NOT_MARKED)
def test_a_marked_organisation_is_no_person_to_its_kind(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text,expected", PUBLICATIONS + NOT_PUBLICATIONS)
def test_the_paper_is_a_publication_the_article_names(text, expected):
    assert _speakers(text) == expected


DOCUMENTS = [
    ('The digital divide is closing fast, according to a World Bank report.\n\n"Access is growing," said the report.',
     [("World Bank", "the report")]),
    ('Acme Corp said in a statement that it would cut 500 jobs.\n\n"We regret the losses," the statement added.',
     [("Acme Corp", "the statement")]),
    ('In its latest report, the OECD cut its growth forecasts.\n\n"Oil is a threat," the report said.',
     [("OECD", "the report")]),
    ('Most homes will be online by 2025, says the report by telecoms giant BT.\n\n'
     '"Prices will fall," the report concludes.',
     [("BT", "the report")]),
    ("The NAO's annual report showed costs rose.\n\n\"Lessons must be learned,\" the report said.",
     [("NAO", "the report")]),
]

NOT_DOCUMENTS = [
    ('A report published on Monday says costs have risen.\n\n"Prices will fall," the report said.',
     [(None, "the report")]),
    ('Google dismissed the claims. A report published on Monday says costs have risen.\n\n'
     '"Prices will fall," the report said.',
     [(None, "the report")]),
    ('Costs have risen, according to a UK report.\n\n"Prices will fall," the report said.',
     [(None, "the report")]),
    ('Acme Corp boss John Smith said the report was wrong.\n\n"Prices will fall," the report said.',
     [(None, "the report")]),
]


@pytest.mark.parametrize("text,expected", DOCUMENTS + NOT_DOCUMENTS)
def test_a_document_speaks_for_its_author(text, expected):
    assert _speakers(text) == expected

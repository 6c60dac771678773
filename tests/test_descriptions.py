"""Descriptions that name no person still have a speaker the article names (issue #15).

Invented sentences of each kind, CheckList style:

- D1: an organisation's unnamed voice ("a Fox spokesman", "Alibaba leaders") speaks
  for the organisation named inside it; a person named for the role in the same
  breath stays the speaker, and a person's spokesman is not that person.
- D2: "the company", "the airline", "the watchdog" stand for the organisation of
  that kind the article is about, even when its name has no company word; never a
  person, a place or the outlet printing the story.
- D3: person descriptions ("the German", "the 34-year-old", "the Glasgow Kelvin
  MP", "the Gloucester fly-half", a lede's "the work and pensions minister") go to
  the person the article describes so; the place inside is not the speaker.
"""
from __future__ import annotations

import pytest

import quotes


def _speakers(text):
    return [(q.speaker, q.speaker_mention) for q in quotes.extract(text)]


VOICES = [
    ('Fox rejected the claims on Monday.\n\n"We have done nothing wrong," a Fox spokesman said.',
     [("Fox", "a Fox spokesman")]),
    ('Google launched the tool on Monday.\n\n"This is a big step," said a Google spokeswoman.',
     [("Google", "a Google spokeswoman")]),
    ('Sonaptic showed its headset in Las Vegas.\n\n"Sales are strong," a Sonaptic spokesperson told reporters.',
     [("Sonaptic", "a Sonaptic spokesperson")]),
    ('Alibaba shares fell on Friday.\n\nAlibaba leaders have denied the "sensational" claims.',
     [("Alibaba", "Alibaba leaders")]),
]

NOT_VOICES = [
    # the spokesman is named in the same breath: the person speaks
    ('Google launched the tool.\n\n"This is a big step," a spokesman, John Smith, said.',
     [("John Smith", "John Smith")]),
    ('Google launched the tool.\n\n"This is a big step," Google spokesman John Smith said.',
     [("John Smith", "John Smith")]),
]


@pytest.mark.parametrize("text,expected", VOICES)
def test_an_organisations_unnamed_voice_is_the_organisation(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text,expected", NOT_VOICES)
def test_a_named_spokesperson_stays_the_speaker(text, expected):
    assert _speakers(text) == expected


ORG_KINDS = [
    ('Ryanair cut its fares again on Tuesday.\n\n"Passengers will benefit," the airline said.',
     [("Ryanair", "the airline")]),
    ('Ofcom opened an inquiry into the show.\n\n"We take this seriously," the watchdog said.',
     [("Ofcom", "the watchdog")]),
    ('AstraZeneca said its drug had failed a trial.\n\n"We are disappointed," the company said.',
     [("AstraZeneca", "the company")]),
    ('Sonaptic has made a headset that tracks the head.\n\n"It is a world first," said the firm.',
     [("Sonaptic", "the firm")]),
    ('Siemens reported a loss. “We will appeal,” the German company said.',
     [("Siemens", "the German company")]),
]

NOT_ORG_KINDS = [
    # a person is no company, a place no airline
    ('John Patterson joined the board on Monday.\n\n"We are disappointed," the company said.',
     [(None, "the company")]),
    ('Flights to Dublin were cancelled.\n\n"Passengers will be refunded," the airline said.',
     [(None, "the airline")]),
    # the outlet printing the story is not "the company"
    ('Sonaptic has made a headset, BBC News has learned.\n\n"It is a world first," said the company.',
     [("Sonaptic", "the company")]),
]


@pytest.mark.parametrize("text,expected", ORG_KINDS)
def test_an_organisation_described_by_its_kind(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text,expected", NOT_ORG_KINDS)
def test_no_organisation_of_the_kind_means_no_speaker(text, expected):
    assert _speakers(text) == expected


PEOPLE = [
    ('Anna-Lena Groenefeld lost the final in Dubai.\n\n"It was my first final," said the German.',
     [("Anna-Lena Groenefeld", "German")]),
    ('Andre Agassi beat Andy Roddick. Agassi, 34, was delighted.\n\n"I felt good," said the 34-year-old.',
     [("Andre Agassi", "the 34-year-old")]),
    ('Fly-half Simon Amor was named player of the year.\n\n"This is an honour," said the Gloucester fly-half.',
     [("Simon Amor", "the Gloucester fly-half")]),
    ('Mr Galloway won damages. The Glasgow Kelvin MP, who was expelled, said he was "delighted".',
     [("Galloway", "Glasgow Kelvin MP")]),
    ('The "myth that ageing is a barrier" must be "exploded", the work and pensions minister has said.\n\n'
     'Work and Pensions Minister Alan Johnson said the age limit could go.',
     [("Alan Johnson", "the work and pensions minister")] * 2),
]

NOT_PEOPLE = [
    # a nationality before a plural noun names no one
    ('The talks ended on Friday.\n\nAmerican negotiators said the deal was "close".', [(None, "American")]),
    # with no person described or named, "the minister" is no one
    ('The "myth that ageing is a barrier" must be "exploded", the minister has said.',
     [(None, "the minister")] * 2),
]


@pytest.mark.parametrize("text,expected", PEOPLE)
def test_a_person_described_by_nationality_age_or_role(text, expected):
    assert _speakers(text) == expected


def test_the_nationality_the_article_writes_before_the_name():
    text = 'German Anna-Lena Groenefeld lost the final.\n\n"It was my first final," said the German.'
    [(speaker, mention)] = _speakers(text)
    assert mention == "German" and speaker is not None and speaker.endswith("Anna-Lena Groenefeld")


@pytest.mark.parametrize("text,expected", NOT_PEOPLE)
def test_a_description_of_no_one(text, expected):
    assert _speakers(text) == expected


ORG_NAMES = [
    # the article's fuller name adds only a legal suffix: that is the organisation
    ('Fox Corporation rejected the claims.\n\n"We have done nothing wrong," a Fox spokesman said.',
     [("Fox Corporation", "a Fox spokesman")]),
    # a longer name that is another body ("Google News") is not the one the description writes
    ('Google News was blocked in China on Monday.\n\n"We are working to resolve it," said a Google spokesperson.',
     [("Google", "a Google spokesperson")]),
]


@pytest.mark.parametrize("text,expected", ORG_NAMES)
def test_the_organisation_under_the_name_the_description_writes(text, expected):
    assert _speakers(text) == expected


ROLES = [
    # a team before a role noun: the person the article calls by the role, else its salient person
    ('Simon Amor was named player of the year.\n\n"This is an honour," said the Gloucester fly-half.',
     [("Simon Amor", "the Gloucester fly-half")]),
    ('Frank Lampard scored twice on Saturday.\n\n"We deserved it," said the Chelsea midfielder.',
     [("Frank Lampard", "the Chelsea midfielder")]),
]

NOT_ROLES = [
    # an unnamed source, a plural, or a thing is no one person
    ('Frank Lampard scored twice.\n\n"He will stay," said the Chelsea source.', [(None, "the Chelsea source")]),
    ('Frank Lampard scored twice.\n\n"We deserved it," said the Chelsea players.', [(None, "the Chelsea players")]),
]


@pytest.mark.parametrize("text,expected", ROLES)
def test_a_role_after_a_team_is_a_person(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text,expected", NOT_ROLES)
def test_no_person_behind_a_source_or_a_plural(text, expected):
    assert _speakers(text) == expected


def test_a_two_word_company_name_with_an_ordinary_word_is_no_person():
    text = 'Harbor Software cut 200 jobs on Monday.\n\n"It was a hard call," the company said.'
    assert _speakers(text) == [("Harbor Software", "the company")]


def test_a_person_is_no_company():
    text = 'Jane Doe spoke on Monday.\n\n"It was a hard call," the company said.'
    assert _speakers(text) == [(None, "the company")]


def test_a_headline_title_is_the_person_named_below_not_itself():
    text = ('Mayor calls bridge collapse "a shock"\n\n'
            'Mayor Linda Ferraro spoke at the site on Saturday.')
    assert [s for s, _ in _speakers(text)] == ["Linda Ferraro"]

"""Descriptions that name no person still have a speaker the article names (issue #15).

Invented sentences of each kind, CheckList style:

- D1: an organisation's unnamed voice ("a Fox spokesman", "Alibaba leaders") speaks
  for the organisation named inside it, when the article marks the name as an
  organisation's ("technology giant Google", "Alibaba's shareholders", "Fox
  Corporation"); a person named for the role in the same breath stays the speaker,
  and a person's spokesman ("a Trump spokesman") is not that person.
- D2: "the company", "the airline", "the watchdog" stand for the organisation of
  that kind the article is about, even when its name has no company word; never a
  person, a place or a news outlet (one the article cites: "…, Der Spiegel
  reported", "according to Al Jazeera"; a newspaper's name after "the"), though a
  company whose name ends in a newspaper's word is a company ("Royal Mail",
  "American Express"); nobody when two organisations fit about equally.
- D3: person descriptions ("the German", "the 34-year-old", "the Glasgow Kelvin
  MP", "the Gloucester fly-half", a lede's "the work and pensions minister") go to
  the person the article describes so ("Agassi, 34", "34-year-old Agassi",
  "German chancellor Gerhard Schroeder", "fly-half Simon Amor"); the place inside is
  not the speaker, and when nobody is described so there is no speaker, not the
  article's main figure.
"""
from __future__ import annotations

import pytest

import quotes


def _speakers(text):
    return [(q.speaker, q.speaker_mention) for q in quotes.extract(text)]


VOICES = [
    ('Fox rejected the claims on Monday.\n\n"We have done nothing wrong," a Fox spokesman said.',
     [("Fox", "a Fox spokesman")]),
    ('Technology giant Google launched the tool.\n\n"This is a big step," said a Google spokeswoman.',
     [("Google", "a Google spokeswoman")]),
    ('Electronics firm Sonaptic showed its headset.\n\n"Sales are strong," a Sonaptic spokesperson told reporters.',
     [("Sonaptic", "a Sonaptic spokesperson")]),
    ("Alibaba's shareholders were angry.\n\nAlibaba leaders have denied the \"sensational\" claims.",
     [("Alibaba", "Alibaba leaders")]),
]

NOT_VOICES = [
    # the spokesman is named in the same breath: the person speaks
    ('Google launched the tool.\n\n"This is a big step," a spokesman, John Smith, said.',
     [("John Smith", "John Smith")]),
    ('Google launched the tool.\n\n"This is a big step," Google spokesman John Smith said.',
     [("John Smith", "John Smith")]),
    # a one-word name nothing marks as an organisation's may be a person's: a
    # person's spokesman is not that person
    ('Trump attacked the report.\n\n"It is a disgrace," a Trump spokesman said.',
     [(None, "a Trump spokesman")]),
    ('Google launched the tool on Monday.\n\n"This is a big step," said a Google spokeswoman.',
     [(None, "a Google spokeswoman")]),
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
    # an outlet the article cites, whatever its name
    ('Sonaptic cut 200 jobs, Der Spiegel reported.\n\n"We regret this," the company said.',
     [("Sonaptic", "the company")]),
    ('Sonaptic cut 200 jobs, according to Al Jazeera.\n\n"We regret this," the company said.',
     [("Sonaptic", "the company")]),
    ('Sonaptic cut 200 jobs, the firm told the Guardian.\n\n"We regret this," the company said.',
     [("Sonaptic", "the company")]),
    # two organisations that fit alike: no guess
    ('Apple sued Samsung on Monday.\n\n"We will defend ourselves," the company said.',
     [(None, "the company")]),
]

# a company whose name ends in a newspaper's word, written without "the", is a company
NEWSPAPER_WORD_COMPANIES = [
    ('Royal Mail cut 2,000 jobs on Monday.\n\n"We regret this," the company said.',
     [("Royal Mail", "the company")]),
    ('American Express cut 2,000 jobs on Monday.\n\n"We regret this," the company said.',
     [("American Express", "the company")]),
    ('The Post Office cut 2,000 jobs on Monday.\n\n"We regret this," the company said.',
     [("Post Office", "the company")]),
    # (a look-alike: "the Daily Mail" is a newspaper, and "Siemens reported a loss" no citation)
    ('Sonaptic cut 200 jobs, the Daily Mail said.\n\n"We regret this," the company said.',
     [("Sonaptic", "the company")]),
]


@pytest.mark.parametrize("text,expected", NEWSPAPER_WORD_COMPANIES)
def test_a_company_named_like_a_newspaper(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text,expected", ORG_KINDS)
def test_an_organisation_described_by_its_kind(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text,expected", NOT_ORG_KINDS)
def test_no_organisation_of_the_kind_means_no_speaker(text, expected):
    assert _speakers(text) == expected


PEOPLE = [
    ('German Anna-Lena Groenefeld beat Kim Clijsters in Dubai.\n\n"It was my first final," said the German.',
     [("Anna-Lena Groenefeld", "German")]),
    ('Andre Agassi beat Andy Roddick. Agassi, 34, was delighted.\n\n"I felt good," said the 34-year-old.',
     [("Andre Agassi", "the 34-year-old")]),
    ('Fly-half Simon Amor was named player of the year.\n\n"This is an honour," said the Gloucester fly-half.',
     [("Simon Amor", "the Gloucester fly-half")]),
    ('Glasgow Kelvin MP George Galloway won damages. The Glasgow Kelvin MP, who was expelled, said he was "delighted".',
     [("George Galloway", "Glasgow Kelvin MP")]),
    # a second person of another age, nationality or role is the main subject
    ('Andre Agassi, 34, beat Andy Roddick, 21, on Sunday. Agassi was delighted.\n\n"I felt great," said the 21-year-old.',
     [("Andy Roddick", "the 21-year-old")]),
    ('Andre Agassi beat 21-year-old Andy Roddick on Sunday. Agassi was delighted.\n\n"I felt great," said the 21-year-old.',
     [("Andy Roddick", "the 21-year-old")]),
    ('Tony Blair met the German chancellor Gerhard Schroeder in Berlin. Blair spoke about Iraq.\n\n'
     '"We agree," said the German.', [("Gerhard Schroeder", "German")]),
    ('Fly-half Simon Amor was named player of the year.\n\nHis coach Dean Ryan was pleased.\n\n'
     '"We won," said the Gloucester fly-half.', [("Simon Amor", "the Gloucester fly-half")]),
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
    # nobody of that age: no speaker, not the article's main figure


    ('Andre Agassi, 34, beat Andy Roddick, 21, on Sunday.\n\n"I felt great," said the 25-year-old.',
     [(None, "the 25-year-old")]),
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
    ('Fly-half Simon Amor was named player of the year.\n\n"This is an honour," said the Gloucester fly-half.',
     [("Simon Amor", "the Gloucester fly-half")]),
    ('Chelsea midfielder Frank Lampard scored twice on Saturday.\n\n"We deserved it," said the Chelsea midfielder.',
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


# Open (#15): with nobody described so, a role or nationality still falls back to the
# salient person near it; the rule "no speaker then" cost PolNeAR dev and the BBC
# sets about a point of attribution (tests/test_quality.py, tests/test_annotation.py).
UNDESCRIBED = [
    ('Anna-Lena Groenefeld lost the final in Dubai.\n\n"It was my first final," said the German.',
     [(None, "German")]),
    ('Tony Blair spoke on Monday about the economy.\n\n"He is finished," said the Downing Street adviser.',
     [(None, "the Downing Street adviser")]),
    ('Frank Lampard scored twice on Saturday.\n\n"It was brilliant," said the Chelsea fan.', [(None, "the Chelsea fan")]),
    ('Simon Amor starred on Saturday.\n\nHis coach Dean Ryan was pleased.\n\n"We won," said the Gloucester fly-half.',
     [(None, "the Gloucester fly-half")]),
]


@pytest.mark.xfail(strict=True, reason="open (#15): an undescribed role falls back to the salient person")
@pytest.mark.parametrize("text,expected", UNDESCRIBED)
def test_nobody_described_so_is_no_speaker(text, expected):
    assert _speakers(text) == expected

# rules-31 (#15 review), grouped CV (tools/ranker_cv.py, PolNeAR train + web + BBC train,
# web weight 1), main (rules-29) -> this: web pipeline named 0.9041 -> 0.9052,
# pronoun/desc 0.8483 -> 0.8539, e2e 0.8472 -> 0.8493; PolNeAR train ranker named
# 0.9473 -> 0.9450, pronoun/desc 0.9108 -> 0.9093. The null rule for undescribed roles
# (xfail above): e2e 0.8486 in CV, but PolNeAR dev attr 0.923 < floor 0.93: not shipped.

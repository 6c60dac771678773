"""Names-9 (#15): canonical names that hold across an article.

Each fact of how news names people comes with invented sentences of its kind and
look-alikes that must not change:

- a surname alone refers to the one person of that surname the article names in
  full, also when the full name is written only where names are not looked for:
  inside quotation marks, a show's title ("Lord Goldsmith" and a quoted "Peter
  Goldsmith"); two given names before one surname leave it ambiguous;
- a headline-like line (title case, a dateline) keeps a rarer given name before the
  surname the body uses alone ("Benita Johnson", "Felipe Calderon"), not a word
  after it ("Johnson May Quit");
- a name before a person noun modifies it, and the person is the one named after
  the noun or described by it ("Double Olympic champion Kelly Holmes said", "The
  double Olympic champion said");
- a party's plural is the party ("Conservatives" in the speakers table's check).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

import quotes
from quotes.attribution.front import prepare

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import speaker_rows  # noqa: E402


def _speakers(text):
    return [q.speaker for q in quotes.extract(text)]


def _canonicals(text):
    return sorted(e.canonical for e in prepare(text).index.entities)


# --- a surname alone is the one person of that surname the article names in full -------------

@pytest.mark.parametrize("text, speaker", [
    # the full name only inside another speaker's quote
    ('Lord Harrowby has denied the claims. "I stand by it," Lord Harrowby said.\n\n'
     'The prime minister said: "Firstly, nothing has changed, and secondly Peter Harrowby has '
     'made his statement."', "Peter Harrowby"),
    # only in a show's title in quotation marks
    ('Clinton spoke to MSNBC\'s "The Rachel Pendle Show" on Monday.\n\n'
     '"Would you?" Pendle asked. "I would," Clinton said.', "Rachel Pendle"),
    # only in a quoted programme name ("with Kevin Swale")
    ('The pastor spoke on his weekly radio show, "Generations with Kevin Swale," on Monday.\n\n'
     '"It is a disgrace," Swale said.', "Kevin Swale"),
])
def test_a_surname_alone_takes_the_full_name_written_in_quotes(text, speaker):
    assert speaker in _speakers(text)


@pytest.mark.parametrize("text, kept", [
    # two people of one surname inside quotes: the surname stays ambiguous
    ('"Peter Harrowby and Anne Harrowby both knew," the aide said.\n\n'
     '"I stand by it," Harrowby said.', "Harrowby"),
    # the given name's sex contradicts the person's title
    ('"Mary Harrowby knew it all along," the aide said.\n\n"I stand by it," Lord Harrowby said.',
     "Harrowby"),
    # a month is no given name
    ('"In May Harrowby was wrong," the aide said.\n\n"I stand by it," Harrowby said.', "Harrowby"),
    # a dictionary word is no given name ("Grand Harrowby" is no one)
    ('"The Grand Harrowby hotel is shut," the aide said.\n\n"I stand by it," Harrowby said.', "Harrowby"),
])
def test_look_alikes_a_surname_that_stays_alone(text, kept):
    assert _speakers(text)[-1] == kept


def test_a_surname_shared_by_two_people_named_in_full_in_the_narration_stays_apart():
    text = ('Bill Clinton and Hillary Clinton arrived. "We are glad," Hillary Clinton said.\n\n'
            '"So am I," Bill Clinton said.')
    assert _speakers(text) == ["Hillary Clinton", "Bill Clinton"]


# --- a headline-like line keeps a rarer given name before the surname ----------------------------

@pytest.mark.parametrize("text, canonical", [
    ('Pendle too strong for GB runners\n\n'
     "Britain's Kathy Butler and Hayley Yelling Were No Match For Benita Pendle In Spain.\n\n"
     'Pendle romped to victory. Pendle said: "I ran comfortably."', "Benita Pendle"),
    ('MEXICO CITY, Feb. 8 (UPI) - Count Former Mexican President Felipe Harrowby Among The Critics.\n\n'
     '"It is useless," Harrowby told CNBC.', "Felipe Harrowby"),
])
def test_a_headline_line_keeps_a_rarer_given_name(text, canonical):
    assert canonical in _canonicals(text)


def test_look_alike_a_word_after_the_surname_is_no_given_name():
    text = 'Johnson May Quit Over Plan\n\n"I may go," Johnson said. Johnson left.'
    assert "Johnson May" not in _canonicals(text)
    assert _speakers(text) == ["Johnson"]


# --- a name before a person noun modifies it -----------------------------------------------------

def test_a_modifier_before_a_person_noun_gathers_no_pronouns():
    # "The Olympic champion ... she": the modifier "Olympic" is no subject, so the
    # pronouns after it do not make "Double Olympic" a woman who outranks Kelly Pendle
    text = ('Double Olympic champion Kelly Pendle was back to her best as she won the 1,000m in '
            'Birmingham.\n\n"I felt very good here," she said.\n\nThe Olympic champion set a new world '
            'mark to break her own record, which she set just six days ago. "I am so happy," she told '
            'reporters.\n\nThe Olympic champion set a new indoor best as she claimed the 200m. She was '
            'delighted.')
    assert _speakers(text)[0] == "Kelly Pendle"
    assert "Double Olympic" not in _speakers(text)


@pytest.mark.parametrize("text, speaker", [
    ('Double Olympic champion Kelly Pendle was back to her best as she won the race.\n\n'
     '"I felt very good here," she said.', "Kelly Pendle"),
    ('Kelly Pendle has been forced out of the championships.\n\n'
     'The double Olympic champion said: "I am very disappointed."', "Kelly Pendle"),
    ('Former Labour minister Frank Harrowby attacked the plan.\n\n'
     '"It is wrong," he said.', "Frank Harrowby"),
])
def test_a_name_before_a_person_noun_is_no_speaker(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # look-alikes: a name before a verb or a comma is the subject
    ('Kelly Pendle beat Jane Harrowby in Madrid.\n\nHarrowby coached the team. "It was hard," she said.',
     "Jane Harrowby"),
    ('The Olympic committee met Frank Harrowby on Monday. Harrowby, the chairman, said: "We agree."',
     "Frank Harrowby"),
])
def test_look_alikes_a_name_before_a_verb_stays_the_subject(text, speaker):
    assert _speakers(text) == [speaker]


# --- a party's plural is the party ----------------------------------------------------------------

@pytest.mark.parametrize("name", ["Conservatives", "Liberals", "Democrats", "Republicans"])
def test_a_partys_plural_is_a_clean_name(name):
    assert speaker_rows.reason(name) is None


@pytest.mark.parametrize("name, why", [
    ("Conservative", "place/demonym"),  # the singular: an adjective or one member
    ("Conservationists", "common word"),  # no party's plural
])
def test_look_alikes_a_party_word_that_is_no_party(name, why):
    assert speaker_rows.reason(name) == why


def test_a_rarer_given_name_is_one_rule_for_headlines_and_full_names():
    # one place for "a census given name that spells no dictionary word": the
    # headline's given name (names) and the given name before a surname (entities)
    from quotes.text.entities import _given_name_sex
    from quotes.text.names import is_rarer_given_name

    assert is_rarer_given_name("Benita") and is_rarer_given_name("benita")
    assert not is_rarer_given_name("Hope") and not is_rarer_given_name("Quit")
    assert _given_name_sex("Benita") == "f"
    assert _given_name_sex("May") is None and _given_name_sex("Quit") is None

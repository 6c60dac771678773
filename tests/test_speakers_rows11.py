"""Speaker-row fixes of round 11 (#15), invented sentences of each kind with
look-alikes both ways:

1. post-nominal letters ("QC", "MP", "OBE", "PhD": vocabulary.POST_NOMINALS) are
   no part of a person's name; a generation ("Jr", "III") is;
2. a nationality's plural ("Americans") or a family's ("the Clintons") names no
   one speaker; a party's plural ("the Conservatives") names the party, as the
   BBC training gold has it.

Measured (rules-36, models unchanged): tools/speaker_rows.py flags 7 -> 5 of the
top 300 BBC rows (the two QCs) and 11 -> 9 of PolNeAR train+dev (Americans,
Clintons). tools/ranker_cv.py --weights 1 (PolNeAR train, web + 426 BBC training
articles, out of fold): pipeline named 0.8902 -> 0.8912, pronoun 0.8467 -> 0.8467,
e2e 0.8478 -> 0.8485; BBC train named 0.8766 -> 0.8791, e2e 0.8445 -> 0.8460; web
named 0.9429 -> 0.9381 (2 of 420, refit noise: none of the changed errors is a
post-nominal or a group), e2e 0.8610 -> 0.8580. PolNeAR dev, both BBC test sets,
the web set and corpora/ unchanged to four places.
"""
from __future__ import annotations

import pytest

from quotes import extract
from quotes.detection import find_quotes
from quotes.text import ParsedDoc, find_names
from quotes.text.names import is_group_plural
from quotes.vocabulary import NAME_SUFFIXES, POST_NOMINALS, TITLES


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(text)]


def _names(text: str) -> list[str]:
    doc = ParsedDoc.from_text(text)
    doc.mark_quoted(find_quotes(text, doc.lines))
    return [" ".join(m.words) for m in find_names(doc)]


# --- 1. post-nominal letters -------------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ('"We will appeal," said Guy Mansfield QC, for the family.', "Guy Mansfield"),
    ('"It was wrong," Ian MacDonald QC told the court.', "Ian MacDonald"),
    ('"The verdict stands," said Helen Grant KC.', "Helen Grant"),
    ('"We are ready," said Jane Smith MP.', "Jane Smith"),
    ('"Brussels must listen," said Peter Hall MEP.', "Peter Hall"),
    ('"Holyrood will vote," said Fiona Reid MSP.', "Fiona Reid"),
    ('"The Senedd agreed," said Jane Davies AM.', "Jane Davies"),
    ('"It is an honour," said Mary Black OBE.', "Mary Black"),
    ('"I was surprised," said Tom Green MBE.', "Tom Green"),
    ('"The arts need money," said Sir Peter Wood CBE.', "Peter Wood"),
    ('"The data are clear," said Ann Lee PhD.', "Ann Lee"),
])
def test_post_nominal_letters_leave_the_name(text, speaker):
    assert _speakers(text) == [speaker]


def test_post_nominal_with_a_possessive_and_a_title():
    assert _names("Lord Smith OBE's view was plain. Dr Ann Lee PhD agreed.") == ["Smith", "Ann Lee"]


@pytest.mark.parametrize("text, speaker", [
    # a generation is part of the name
    ('"I have a dream," said Martin Luther King Jr on the steps.', "Martin Luther King Jr"),
    ('"We will build," said Robert Green III.', "Robert Green III"),
])
def test_a_generation_stays_in_the_name(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text, names", [
    # a constituency before "MP" is no person: no name to cut it from
    ("The Sheffield Central MP said the cuts were unfair.", []),
    # a bare title as the run's last word with no person's sign before it stays as it was
    ("Ask Acme Ltd about it.", ["Acme Ltd"]),
])
def test_no_person_no_cut(text, names):
    assert _names(text) == names


def test_post_nominals_only_in_capitals_and_never_alone():
    # "Am" in a title-case run is no post-nominal, and "AM" alone is left as it was
    assert "AM" in _names("The Radio 4 AM programme ran it.")
    assert _names("Ask Sam Am for it.") != ["Sam"]


def test_post_nominals_are_one_word_list_beside_the_titles():
    assert {"qc", "kc", "mp", "mep", "msp", "am", "obe", "mbe", "cbe", "kbe", "dbe", "phd"} <= POST_NOMINALS
    assert not POST_NOMINALS & NAME_SUFFIXES  # a generation is part of the name
    assert {"mp", "mep", "msp"} <= set(TITLES)  # they stand before a name too


# --- 2. a group's plural ------------------------------------------------------

@pytest.mark.parametrize("text", [
    'Americans are tired. "Enough is enough," Americans said.',
    'Bill Clinton and Hillary Clinton flew home. "It was a lovely trip," a person close to the Clintons said.',
    'Barack Obama and Michelle Obama spoke. "We love this city," the Obamas said in a statement.',
    'The war went on. "We want peace," Iraqis said.',
    # a pronoun for the group is no one person either
    'Americans are tired of the war. They say: "Bring them home."',
])
def test_a_nations_or_a_familys_plural_is_no_speaker(text):
    assert _speakers(text) == [None]


@pytest.mark.parametrize("text, speaker", [
    # a party's plural is the party (the BBC training gold: "Conservatives", "Liberal Democrats")
    ('"We will win," the Conservatives said.', "Conservatives"),
    # a surname that ends in s is a surname, not a family's plural
    ('Serena Williams won. "I played well," Williams said.', "Serena Williams"),
    ('Ron Hastings spoke. "It is done," Hastings said.', "Ron Hastings"),
    # the speaker before a group stays the speaker
    ('Jane Doe met Iraqis in Baghdad. "They were kind," she told Iraqis.', "Jane Doe"),
])
def test_look_alikes_of_a_groups_plural_keep_their_speaker(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("words, surnames, group", [
    (("Americans",), set(), True),
    (("Iraqis",), set(), True),
    (("Clintons",), {"Clinton"}, True),
    (("Clintons",), set(), False),  # no Clinton in the article: nothing says it is a family
    (("Williams",), {"William", "Williams"}, False),
    (("Swiss",), set(), False),  # a demonym itself
    (("Philippines",), set(), False),  # a place
    (("Conservatives",), set(), False),
    (("Young", "Americans"), set(), False),
])
def test_is_group_plural(words, surnames, group):
    assert is_group_plural(words, surnames) is group

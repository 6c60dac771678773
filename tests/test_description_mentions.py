"""A description is a mention of its person (issue #15, round 7).

(a) A definite person description written as a clause's subject ("But the Tory
leader argued ...", "The Scot admitted ...", "the 25-year-old Dubliner said")
is a mention, for a he/she after it, of the person it resolves to
(entities.EntityIndex._description_mentions, entities._description_subjects): it
says how near that person still is and that the text keeps to them as its subject,
so a newer name does not take the pronoun from the person the text has just
described (nor, were the cost per sentence back entities.W_SENTENCE_BACK shipped,
would distance).

(b) A nationality's or a city's noun for a person after "the" ("the Scot", "the
Dutchman", "the 25-year-old Dubliner") is a description, no name
(quotes/data/demonyms.txt): no entity of its own, so it is no wrong antecedent; it
goes to the person the article calls by the nation's adjective ("Scottish player
Andy Murray" for "the Scot": entities._same_nation).

Invented sentences, CheckList style; look-alikes both ways: a description as an
object, a possessive, inside another's reported clause or a quote; a person whose
name is a demonym noun with a title ("Mr Scot"); nationalities that share letters
but not a nation ("Austrian", "Australian").
"""
from __future__ import annotations

import pytest

import quotes
from quotes.attribution.front import prepare
from quotes.text import entities


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in quotes.extract(text)]


# (b) the noun of a nationality or city after "the" is no name
DEMONYM_NOUNS = [
    "Scottish player Andy Murray lost on Monday. Roger Federer won in three sets. The Scot admitted he was tired.",
    "Sean Kelly, 25, won the stage. Peter Sagan, 31, was second. The 25-year-old Dubliner said the legs were good.",
    "Max Verstappen was fastest. Lewis Hamilton was second. The Dutchman later said the car was good.",
    "Andy Murray, 25, lost on Monday. The crowd cheered. The Texan was fined.",
]


@pytest.mark.parametrize("text", DEMONYM_NOUNS)
def test_a_demonym_noun_after_the_is_no_name(text):
    index = prepare(text).index
    names = {e.canonical for e in index.entities}
    assert not names & {"Scot", "Dubliner", "Dutchman", "Texan"}, names


# ... but a title makes the same word a person's name
def test_a_titled_demonym_word_is_a_name():
    text = "Mr Scot, the club chairman, spoke on Monday. \u201cWe are happy,\u201d he said."
    assert _speakers(text) == ["Scot"]


def test_the_scot_said_is_the_scottish_player():
    text = "Scottish player Andy Murray lost to Roger Federer. \u201cIt was hard,\u201d the Scot said."
    assert _speakers(text) == ["Andy Murray"]


@pytest.mark.parametrize("a,b,same", [
    ("scot", "scottish", True), ("dutchman", "dutch", True), ("serb", "serbian", True),
    ("englishman", "english", True), ("german", "german", True),
    ("austrian", "australian", False), ("scot", "irish", False), ("swiss", "swedish", False),
])
def test_same_nation(a, b, same):
    assert entities._same_nation(a, b) is same


# (a) what counts as a description subject (entities._description_subjects): the
# words from "the" to the head
DESCRIPTION_SUBJECTS = [
    ("The Scot admitted he was tired.", "the scot"),
    ("But the Tory leader argued the cuts were wrong.", "the tory leader"),
    ("Earlier, the 25-year-old Dubliner said he was ready.", "the 25-year-old dubliner"),
    ("The former chancellor also warned of cuts.", "the former chancellor"),
    ("\u201cWe will win,\u201d said the Tory leader.", "the tory leader"),
]
# Look-alikes: an object, a possessive, a reported clause's subject after "said",
# a description inside a quote, a head with no verb after it, a noun that is no
# person's
NO_DESCRIPTION_SUBJECT = [
    "Roger Federer beat the Scot in four sets.",
    "The Scot's coach was angry.",
    "Federer said the Scot had played well.",
    "\u201cThe Scot played well,\u201d Federer said.",
    "The Tory leader of the council, Ann Brant, resigned.",
    "The economy grew by 2%.",
    "The Tory plan was attacked.",
]


def _descriptions(text: str) -> list[str]:
    doc = prepare(text).index.doc
    return [" ".join(t.text.lower() for t in doc.tokens[a:b + 1]) for a, b in entities._description_subjects(doc)]


@pytest.mark.parametrize("text,words", DESCRIPTION_SUBJECTS)
def test_a_description_subject_is_found(text, words):
    assert _descriptions(text) == [words]


@pytest.mark.parametrize("text", NO_DESCRIPTION_SUBJECT)
def test_no_description_subject_in_look_alikes(text):
    assert _descriptions(text) == []


# (a) the described person stays near: a newer name between the person's name and
# the description does not take the he/she
DESCRIBED_PERSON = [
    ("\u201cWe will cut taxes,\u201d said Tony Blair. Tory leader Michael Howard spoke in Leeds on Monday. Gordon "
     "Brown stayed in London. The economy grew by 2%. Sales fell. But the Tory leader argued the cuts were wrong. "
     "\u201cThey are too deep,\u201d he said.", ["Tony Blair", "Michael Howard"]),
    ("Scottish player Andy Murray lost on Monday. Roger Federer won in three sets. The crowd cheered. The roof was "
     "shut. The Scot admitted he was tired. \u201cI was slow,\u201d he said.", ["Andy Murray"]),
    ("Sean Kelly, 25, won the stage. Peter Sagan, 31, was second. The crowd cheered. The 25-year-old Dubliner "
     "said the legs were good. \u201cI felt strong,\u201d he said.", ["Sean Kelly"]),
]
# Look-alikes: the description is an object, or the newer name is the subject
# after it: the newer person keeps the he/she
DESCRIBED_PERSON_LOOK_ALIKES = [
    ("\u201cWe will cut taxes,\u201d said Tony Blair. Tory leader Michael Howard spoke in Leeds on Monday. The "
     "economy grew by 2%. Sales fell. Gordon Brown attacked the Tory leader on Tuesday. "
     "\u201cThey are too deep,\u201d he said.", ["Tony Blair", "Gordon Brown"]),
    ("Scottish player Andy Murray lost on Monday. Roger Federer beat the Scot in three sets. The crowd cheered. "
     "\u201cI played well,\u201d he said.", ["Roger Federer"]),
    ("Scottish player Andy Murray lost on Monday. The Scot was tired. Later Roger Federer won his match in three "
     "sets. \u201cI played well,\u201d he said.", ["Roger Federer"]),
]


@pytest.mark.parametrize("text,speakers", DESCRIBED_PERSON + DESCRIBED_PERSON_LOOK_ALIKES)
def test_a_description_subject_keeps_its_person_near(text, speakers):
    assert _speakers(text) == speakers


def test_the_description_mention_is_what_keeps_the_pronoun(monkeypatch):
    """Without description mentions the newer name takes the he/she."""
    monkeypatch.setattr(entities, "DESCRIPTION_MENTIONS", False)
    monkeypatch.setattr(entities, "DESCRIPTION_NEW_SUBJECT", False)
    assert _speakers(DESCRIBED_PERSON[0][0]) == ["Tony Blair", "Gordon Brown"]
    assert _speakers(DESCRIBED_PERSON[1][0]) == ["Roger Federer"]


# A noun whose nation's adjective is another word ("Swede"/"Swedish", "Briton"/
# "British", "Spaniard"/"Spanish"; a Scot or a Welshman is British too) goes to the
# person the article calls by that adjective: the demonym list gives the noun its
# nation (quotes/data/demonyms.txt, "swede = swedish"), so the prefix test alone
# does not rule that person out.
NATION_NOUNS = [
    ("Swedish player Robin Soderling lost to Roger Federer. \u201cIt was hard,\u201d the Swede said.", "Robin Soderling"),
    ("British player Tim Henman lost to Rafael Nadal. \u201cIt was hard,\u201d the Briton said.", "Tim Henman"),
    ("Spanish coach Luis Aragones met Sven-Goran Eriksson. \u201cWe talked,\u201d the Spaniard said.", "Luis Aragones"),
    ("British player Andy Murray lost to Roger Federer. \u201cIt was hard,\u201d the Scot said.", "Andy Murray"),
    ("Argentinian striker Hernan Crespo beat Petr Cech. \u201cI was lucky,\u201d the Argentine said.", "Hernan Crespo"),
    ("Welsh fly-half Stephen Jones kicked past Ronan O'Gara. \u201cWe deserved it,\u201d the Welshman said.", "Stephen Jones"),
]
# ... and look-alikes: the noun goes to the other nation's person when the article
# gives the other one that nation
NATION_NOUN_LOOKALIKES = [
    ("Norwegian skier Kjetil Jansrud beat Swedish skier Andre Myhrer. \u201cI was slow,\u201d the Swede said.", "Andre Myhrer"),
    ("Spanish coach Luis Aragones met British manager Steve McClaren. \u201cWe talked,\u201d the Briton said.",
     "Steve McClaren"),
    ("Irish player Padraig Harrington beat Welsh player Jamie Donaldson. \u201cI was unlucky,\u201d the Welshman said.",
     "Jamie Donaldson"),
]


@pytest.mark.parametrize("text, speaker", NATION_NOUNS + NATION_NOUN_LOOKALIKES)
def test_a_nations_noun_goes_to_the_person_of_that_nation(text, speaker):
    assert _speakers(text) == [speaker]


def test_nations_of_demonym_nouns():
    assert entities._same_nation("swede", "swedish") and entities._same_nation("british", "scot")
    assert entities._same_nation("serb", "serbian")  # (the prefix test)
    assert not entities._same_nation("swede", "swiss") and not entities._same_nation("austrian", "australian")
    assert not entities._same_nation("scot", "irish")


@pytest.mark.xfail(strict=True, reason="#15: the name model (names-7's, trained before 'scot' joined the demonyms "
                   "of rules-34) reads a demonym noun after a first name as no part of the name; a retrain on "
                   "the new list is left for a stop that can measure it by grouped CV")
def test_a_demonym_noun_after_a_first_name_is_a_surname():
    text = "\u201cWe won,\u201d said Frank Scot, the club chairman."
    assert _speakers(text) == ["Frank Scot"]


def test_demonym_words_after_a_first_name_stay_surnames():
    # the look-alikes that hold: adjectives as surnames
    for text, name in [("\u201cWe won,\u201d said Tom Welsh, the manager.", "Tom Welsh"),
                       ("Frank English said: \u201cWe won.\u201d", "Frank English"),
                       ("\u201cWe won,\u201d said Anna Swede.", "Anna Swede")]:
        assert _speakers(text) == [name]

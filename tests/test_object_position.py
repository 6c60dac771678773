"""Which name mentions are a clause's subject, for he/she resolution (issue #15,
entities._looks_like_subject and _object_of), and which names are clearly people
(Entity.strong_person).

English puts a clause's subject before its verb: a name right after a lower-case
verb or preposition, directly or past "the", "a" or "an", is that word's object
("has won the Northfield Open four times", "beat Roddick in straight sets"), and a
"he" or "she" later on looks back first to the subject. Look-alikes that stay
subjects: a name after a word that opens a clause ("after Holt said", "that Holt
was"), the inverted subject of a reporting verb ("…, said Holt."), a name after a
role noun ("tennis player Darren Holt said") and a name that opens its sentence.
A rarer first name (the census list's, "Andre", "Dante") says a name is a person
as a common one does; a two-word event or firm name with no first name does not.
Invented sentences.
"""
from __future__ import annotations

import pytest

from quotes import extract
from quotes.text.entities import EntityIndex
from quotes.text.names import find_names
from quotes.text.parsed import ParsedDoc


def index(text: str) -> EntityIndex:
    doc = ParsedDoc.from_text(text + "\n")
    doc.mark_quoted([])
    return EntityIndex(doc, find_names(doc))


def subject_flags(text: str) -> dict[str, bool]:
    """Each name mention's words -> whether it looks like its clause's subject."""
    idx = index(text)
    out = {}
    for start, end, subject in zip(idx.positions, idx.mention_ends, idx.mention_subject):
        out[text[start:end]] = subject
    return out


OBJECTS = [
    ("Holt, who has won the Northfield Open four times, will rest.", "Northfield Open"),
    ("Holt beat Roddick in straight sets on Monday.", "Roddick"),
    ("She gave a speech at the Harbour Centre yesterday.", "Harbour Centre"),
    ("The minister thanked Jane Hale for her help.", "Jane Hale"),
    ("Holt joined a Northfield Rovers side that struggled.", "Northfield Rovers"),
    ("The firm was bought by Hollis Partners last year.", "Hollis Partners"),
]

SUBJECTS = [
    ("The match ended after Darren Holt retired hurt.", "Darren Holt"),
    ("He said that Darren Holt was fit to play.", "Darren Holt"),
    ("The knee is sore, said Darren Holt.", "Darren Holt"),
    ("Tennis player Darren Holt withdrew on Monday.", "Darren Holt"),
    ("Darren Holt withdrew on Monday.", "Darren Holt"),
    ("The rain fell as Darren Holt walked off.", "Darren Holt"),
]


@pytest.mark.parametrize("text,name", OBJECTS)
def test_a_name_after_its_verb_or_preposition_is_an_object(text, name):
    assert subject_flags(text)[name] is False


@pytest.mark.parametrize("text,name", SUBJECTS)
def test_subjects_stay_subjects(text, name):
    assert subject_flags(text)[name] is True


def test_a_rarer_first_name_makes_a_strong_person():
    idx = index("Andre Dunmore pulled out of the Northfield Open on Monday.")
    strong = {e.canonical: e.strong_person for e in idx.entities}
    assert strong == {"Andre Dunmore": True, "Northfield Open": False}


def test_a_lone_word_is_no_strong_person_by_a_first_name_list():
    idx = index("Warren pulled out on Monday.")
    assert [e.strong_person for e in idx.entities] == [False]


def test_he_after_an_event_object_goes_to_the_player():
    text = ("Agostino fear for Melbourne\n\nAndre Dunmore's place in the Northfield Open was put in doubt after he "
            "pulled out of the Kooyong Classic with a hip injury.\n\nDunmore, who has won the Northfield Open four "
            "times, will have a scan. He said the problem was not the old injury.\n\n\"The good news is that it did "
            "not tear,\" he added. \"I have to wait and see.\"")
    assert [q.speaker for q in extract(text)] == ["Andre Dunmore", "Andre Dunmore"]

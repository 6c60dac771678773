"""Names whose capitals are not ASCII (issue #14), CheckList style: invented
sentences of each kind, in both cue orders, and look-alikes that are no names.

A capitalised word is one whose first letter is upper case (str.isupper), not
one in A-Z: "Émile Zola" is one name, not "Zola" after a stray "Émile".
"""
from __future__ import annotations

import pytest

import quotes
from quotes.text.names import find_names
from quotes.text.parsed import ParsedDoc

NAMES = [
    "Émile Zola", "Anna Ørsted", "Łukasz Nowak", "Zoë Ångström", "Çağlar Şahin",
    "Žofie Novák", "Åsa Ek", "Ørjan Berg", "Ólafur Élisson", "İlkay Şen", "Ştefan Ćosić",
]
# (template, expected rule family): the name before or after its cue
TEMPLATES = [
    '"I love it," said {name}.',
    '"I love it," {name} said.',
    '{name} said: "We will win the match tomorrow."',
    '{name} told reporters: "It is over."',
    '"We will see," added {name}, smiling.',
    'Yesterday {name} said: "We will win."',
    'However, {name} told reporters: "It is over."',
]


def _speakers(text: str) -> list[str | None]:
    return [r.speaker for r in quotes.extract(text)]


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("name", NAMES)
def test_accented_name_is_the_whole_speaker(name, template):
    text = template.format(name=name)
    records = quotes.extract(text)
    assert [r.speaker for r in records] == [name], text
    r = records[0]
    assert text[r.speaker_start:r.speaker_end] == r.speaker_mention == name


@pytest.mark.parametrize("name", NAMES)
def test_surname_later_is_the_same_person(name):
    surname = name.split()[-1]
    text = f'"We will win the match tomorrow," said {name}. "It was hard," {surname} added.'
    assert _speakers(text) == [name, name]


@pytest.mark.parametrize("name", NAMES)
def test_name_mention_keeps_every_word(name):
    doc = ParsedDoc.from_text(f"On Monday {name} went home.")
    doc.mark_quoted([])
    assert [m.text for m in find_names(doc)] == [name]


def _ascii_twin(text: str) -> str:
    import unicodedata
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c))


@pytest.mark.parametrize("text", [
    # an all-caps accented word on a line of its own is a heading, not a speaker
    'ÉLECTIONS 2026\n"We will win," he said.',
    'ÉTAT D’URGENCE\n"We will win the vote," he said.',
    # a capitalised sentence-initial ordinary word before a quote is no speaker
    'Élite runners gathered at dawn. "We will win," they said.',
    'Über fans cheered all night. "It was wonderful," one of them said.',
])
def test_look_alikes_are_read_as_their_ascii_twins(text):
    """Invariance: folding the accents away changes nothing about who speaks."""
    accented = [(r.start, r.end, r.speaker_mention) for r in quotes.extract(text)]
    twin = _ascii_twin(text)
    plain = [(r.start, r.end, r.speaker_mention) for r in quotes.extract(twin)]
    assert [(s, e, m and _ascii_twin(m)) for s, e, m in accented] == plain


@pytest.mark.parametrize("text", [
    'ÉLECTIONS 2026\n"We will win," he said.',
    'Élite runners gathered at dawn. "We will win," they said.',
])
def test_look_alikes_never_speak(text):
    assert all(s is None or not s.startswith(("É", "Ü")) for s in _speakers(text))


def test_heading_line_then_accented_name():
    assert _speakers('ÉTAT D’URGENCE\n"We will win," said Žofie Novák.') == ["Žofie Novák"]

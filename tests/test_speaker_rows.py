"""tools/speaker_rows.py: the detector of speakers-table rows that are not one clean name."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "tools" / "speaker_rows.py"
_spec = importlib.util.spec_from_file_location("speaker_rows", _PATH)
speaker_rows = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(speaker_rows)


@pytest.mark.parametrize("name, why", [
    ("Wing Christophe Dominici", "title/role"),
    ("CEO Wayne Rogers", "title/role"),
    ("Tory MP Boris Johnson", "title/role"),
    ("John Podesta Tuesday", "date"),
    ("Hillary Clinton Praised", "verb"),
    ("Women MPs", "group"),
    ("Stolen Penrith", "common word"),
    ("Curt Reply", "verb"),
    ("Stolen Pat", "common word"),
    ("Stolen Pre-war", "common word"),  # a hyphenated word that is no given name  # a first name after an ordinary word is still flagged
    ("Rival Jane Doe", "title/role"),
    ("R&B", "label/symbol"),
    ("HUFFPOLLSTER VIA EMAIL", "label/symbol"),
    ("TV", "label/symbol"),
    ("Memphis", "place/demonym"),
    ("Republican", "place/demonym"),
    ("Democrat", "place/demonym"),
    ("US", "place/demonym"),
    ("Paris-based Euronext", "place/demonym"),
    ("Bob", "first name only"),
])
def test_flags_rows_that_are_no_clean_name(name, why):
    assert speaker_rows.reason(name) == why


@pytest.mark.parametrize("name", [
    "Anthony Blunt", "Tony Blair", "George W Bush", "Gordon Brown", "Robert Kilroy-Silk", "BBC News",
    "Washington Post", "Supreme Court", "New York Times", "FBI", "Joseph R. Biden Jr.", "Eddie O'Sullivan",
    "Liberal Democrats", "National Audit Office",
    # a party's plural names the party
    "Democrats", "Republicans",
    # a full name whose first word is a census first name or a pet form the lexicon also
    # knows as an ordinary word ("dustin'", "curt", "pat")
    "Dustin Hoffman", "Curt Schilling", "Pat Caddell", "Rusty Staub",
    # a family name that spells a common word before a Korean given name
    "Ban Ki-moon", "Moon Jae-in",
])
def test_clean_names_are_not_flagged(name):
    assert speaker_rows.reason(name) is None

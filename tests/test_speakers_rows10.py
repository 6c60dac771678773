"""Speakers-table fixes of round 10 (#15): a peer's surname is no woman's, and a
nationality before an ordinary noun names a body (quotes/corpus/speakers.py).
Invented rows of each kind, with look-alikes both ways."""
from __future__ import annotations

import pytest

from quotes.corpus.speakers import parse_name, resolve_speakers


def test_a_peers_surname_does_not_join_a_woman_of_that_surname():
    # one article quotes "Butler" (its mentions: "Lord Butler", "he"); another "Kathy Butler"
    rows = [("a", "Butler", "Lord Butler"), ("a", "Butler", "he"), ("b", "Kathy Butler", "Butler")]
    r = resolve_speakers(rows)
    assert r.speaker_of("Butler") != r.speaker_of("Kathy Butler")


def test_a_peers_surname_joins_the_man_of_that_surname():
    rows = [("a", "Butler", "Lord Butler"), ("b", "Robin Butler", "Butler")]
    r = resolve_speakers(rows)
    assert r.speaker_of("Butler") == r.speaker_of("Robin Butler")


def test_a_dames_surname_joins_the_woman():
    rows = [("a", "Smith", "Dame Smith"), ("b", "Maggie Smith", "Smith")]
    assert resolve_speakers(rows).speaker_of("Smith").name == "Maggie Smith"


def test_ms_and_mr_in_mentions_do_not_outvote_a_given_name():
    # "Lee" is a man's name in the first-name lists; "Ms. Epstein" is Lee Epstein all the same
    rows = [("a", "Epstein", "Ms. Epstein"), ("b", "Lee Epstein", "Epstein")]
    assert resolve_speakers(rows).speaker_of("Epstein").name == "Lee Epstein"


def test_mixed_rank_titles_give_no_sex():
    rows = [("a", "Howe", "Lord Howe"), ("a", "Howe", "Lady Howe"), ("b", "Elspeth Howe", "Howe")]
    assert resolve_speakers(rows).speaker_of("Howe").name == "Elspeth Howe"


@pytest.mark.parametrize("name, kind", [
    ("British Phonographic Industry", "org"),
    ("British Industry", "org"),
    ("American Express", "org"),
    ("Scottish Parliament", "org"),
    # look-alikes: a nationality glued before a person's name, a first name that is a nationality
    ("British Andy Murray", "person"),
    ("Norman Cook", "person"),
    ("German Gref", "person"),
])
def test_a_nationality_and_an_ordinary_noun_name_a_body(name, kind):
    assert parse_name(name).kind == kind


def test_a_bodys_last_word_does_not_gather_other_bodies():
    rows = [("a", "British Phonographic Industry"), ("b", "British Phonographic Industry"),
            ("c", "British Industry"), ("d", "Industry")]
    r = resolve_speakers(rows)
    bpi = r.speaker_of("British Phonographic Industry")
    assert r.speaker_of("British Industry") != bpi and r.speaker_of("Industry") != bpi

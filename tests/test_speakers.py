"""Cross-article speaker identity (quotes/speakers.py): pure functions, no database."""
from __future__ import annotations

import random

import pytest

from quotes.corpus.speakers import (combine_statistics, name_statistics, parse_name, resolve_speakers,
                                    resolve_statistics)


def _rows(spec: list[tuple[str, str, int]], mention: str | None = None) -> list[tuple]:
    """(name, first doc number, number of docs) -> one row per doc."""
    rows = []
    for name, start, n in spec:
        rows += [(f"d{start + i}", name, mention) for i in range(n)]
    return rows


def _by_name(resolution) -> dict[str, object]:
    return {s.name: s for s in resolution.speakers.values()}


@pytest.mark.parametrize("name, kind, first, middles, surname, suffix, gender", [
    ("Anthony Blunt", "person", "anthony", (), "blunt", "", ""),
    ("Mr Blunt", "person", "", (), "blunt", "", "m"),
    ("Mrs. Clinton", "person", "", (), "clinton", "", "f"),
    ("Donald J. Trump", "person", "donald", ("j",), "trump", "", ""),
    ("Donald Trump Jr.", "person", "donald", (), "trump", "jr", ""),
    ("Donald Trump’s", "person", "donald", (), "trump", "", ""),
    ("Bill de Blasio", "person", "bill", (), "de blasio", "", ""),
    ("former President Bill Clinton", "person", "bill", (), "clinton", "", ""),
    ("Trump Wednesday", "person", "", (), "trump", "", ""),       # weekday run-on
    ("Donald Trump As", "person", "donald", (), "trump", "", ""),  # headline run-on
    ("Donald Trump Tweets", "person", "donald", (), "trump", "", ""),
    ("Stevie Wonder", "person", "stevie", (), "wonder", "", ""),  # a verb's bare form may be a surname
    ("Al Sharpton", "person", "al", (), "sharpton", "", ""),      # "al" is a particle only inside a name
    ("The Rev. Al Sharpton", "person", "al", (), "sharpton", "", ""),
    ("The Washington Post", "org", "", (), "washington post", "", ""),
    ("Washington Post", "org", "", (), "washington post", "", ""),
    ("the Washington Post's", "org", "", (), "washington post", "", ""),
    ("CNN", "org", "", (), "cnn", "", ""),
    ("Trump University", "org", "", (), "trump university", "", ""),
])
def test_parse_name(name, kind, first, middles, surname, suffix, gender):
    p = parse_name(name)
    assert (p.kind, p.first, p.middles, p.surname, p.suffix, p.gender) == (
        kind, first, middles, surname, suffix, gender)


def test_parse_name_of_nothing():
    assert parse_name("  ") is None
    assert parse_name("’s") is None


def test_blunt_full_name_gathers_surname_forms():
    r = resolve_speakers([("a", "Anthony Blunt"), ("b", "Blunt"), ("c", "Mr Blunt"), ("c", "Mr Blunt")])
    assert len(r.speakers) == 1
    blunt = r.speaker_of("Blunt")
    assert blunt.name == "Anthony Blunt"
    assert r.speaker_of("Mr Blunt") == r.speaker_of("Anthony Blunt") == blunt
    assert set(blunt.aliases) == {"Anthony Blunt", "Blunt", "Mr Blunt"}
    assert blunt.aliases[0] == "Anthony Blunt"  # the canonical name comes first


def test_surname_alone_without_full_name_is_one_speaker():
    r = resolve_speakers([("a", "Blunt"), ("b", "Mr Blunt")])
    assert len(r.speakers) == 1
    assert r.speaker_of("Blunt").aliases[0] == "Blunt"


def test_surname_with_two_known_people_stays_apart():
    # two Blunts, neither dominant: "Blunt" could be either, so it is neither
    r = resolve_speakers(_rows([("Anthony Blunt", 0, 3), ("Emily Blunt", 10, 3), ("Blunt", 20, 1)]))
    names = _by_name(r)
    assert set(names) == {"Anthony Blunt", "Emily Blunt", "Blunt"}
    # a gendered title picks the only compatible person
    r = resolve_speakers(_rows([("Anthony Blunt", 0, 3), ("Emily Blunt", 10, 3), ("Mr Blunt", 20, 1),
                                ("Ms Blunt", 30, 1)]))
    assert r.speaker_of("Mr Blunt").name == "Anthony Blunt"
    assert r.speaker_of("Ms Blunt").name == "Emily Blunt"


def test_bill_and_hillary_clinton_are_two_speakers():
    rows = _rows([("Hillary Clinton", 0, 40), ("Hillary Rodham Clinton", 40, 5), ("Bill Clinton", 50, 6),
                  ("Mrs. Clinton", 60, 2), ("Mr. Clinton", 70, 2), ("Clinton", 80, 3)])
    r = resolve_speakers(rows)
    hillary, bill = r.speaker_of("Hillary Clinton"), r.speaker_of("Bill Clinton")
    assert hillary.speaker_id != bill.speaker_id
    assert r.speaker_of("Hillary Rodham Clinton") == hillary
    assert r.speaker_of("Mrs. Clinton") == hillary
    assert r.speaker_of("Mr. Clinton") == bill  # the only male Clinton
    # "Clinton": Hillary is named in 45 of the 51 articles naming a Clinton
    assert r.speaker_of("Clinton") == hillary
    assert "Bill Clinton" not in hillary.aliases and "Hillary Clinton" not in bill.aliases


def test_bare_surname_is_not_given_to_a_near_tie():
    rows = _rows([("Hillary Clinton", 0, 10), ("Bill Clinton", 10, 8), ("Clinton", 20, 2)])
    r = resolve_speakers(rows)
    assert r.speaker_of("Clinton").name == "Clinton"
    assert len({r.speaker_of(n).speaker_id for n in ("Hillary Clinton", "Bill Clinton", "Clinton")}) == 3


def test_trump_row_gathers_all_forms_of_donald_only():
    rows = (_rows([("Donald Trump", 0, 30), ("Donald J. Trump", 30, 6), ("Trump", 40, 2),
                   ("Ivanka Trump", 50, 2), ("Eric Trump", 60, 1), ("Donald Trump Jr.", 70, 1)])
            + [("d0", "Donald Trump", "Trump"), ("d30", "Donald J. Trump", "Mr. Trump"),
               ("d1", "Donald Trump", "he"), ("d2", "Donald Trump", "the Republican nominee")])
    r = resolve_speakers(rows)
    donald = r.speaker_of("Donald Trump")
    assert donald.name == "Donald Trump"
    assert {"Trump", "Donald Trump", "Donald J. Trump", "Mr. Trump"} <= set(donald.aliases)
    assert "he" not in donald.aliases and "the Republican nominee" not in donald.aliases
    assert r.speaker_of("Trump") == r.speaker_of("Donald J. Trump") == donald
    for other in ("Ivanka Trump", "Eric Trump", "Donald Trump Jr."):
        assert r.speaker_of(other) != donald


def test_incompatible_middle_names_split_a_full_name():
    rows = _rows([("George W. Bush", 0, 5), ("George H. W. Bush", 10, 5), ("George Bush", 20, 1)])
    r = resolve_speakers(rows)
    assert r.speaker_of("George W. Bush") != r.speaker_of("George H. W. Bush")
    assert r.speaker_of("George Bush").name == "George Bush"  # neither dominates
    r = resolve_speakers(_rows([("Donald Trump", 0, 5), ("Donald J. Trump", 10, 5), ("Donald John Trump", 20, 1)]))
    assert len(r.speakers) == 1  # "J." is John's initial


def test_organisations_merge_on_their_name():
    r = resolve_speakers([("a", "The Washington Post"), ("b", "Washington Post"), ("c", "the Washington Post’s"),
                          ("d", "New York Post"), ("e", "Washington Post-ABC News")])
    post = r.speaker_of("Washington Post")
    assert post.kind == "org"
    assert r.speaker_of("The Washington Post") == r.speaker_of("the Washington Post’s") == post
    assert r.speaker_of("New York Post") != post and r.speaker_of("Washington Post-ABC News") != post
    assert len(r.speakers) == 3


def test_headline_words_before_a_known_name_are_dropped():
    rows = _rows([("Hillary Clinton", 0, 5), ("Rival Hillary Clinton", 10, 1),
                  ("Chris Christie Calls Hillary Clinton", 20, 1), ("Donald Trump", 30, 5),
                  ("Says Donald Trump", 40, 1), ("Trump Wednesday", 50, 1)])
    r = resolve_speakers(rows)
    assert r.speaker_of("Rival Hillary Clinton") == r.speaker_of("Hillary Clinton")
    assert r.speaker_of("Says Donald Trump") == r.speaker_of("Donald Trump")
    assert r.speaker_of("Trump Wednesday") == r.speaker_of("Donald Trump")
    # "Chris" is a first name: the string may be Christie's, so it is not Hillary's
    assert r.speaker_of("Chris Christie Calls Hillary Clinton") != r.speaker_of("Hillary Clinton")


def test_resolution_does_not_depend_on_row_order():
    rows = (_rows([("Donald Trump", 0, 9), ("Donald J. Trump", 5, 9), ("Trump", 20, 3), ("Ivanka Trump", 30, 2),
                   ("Hillary Clinton", 40, 9), ("Bill Clinton", 50, 3), ("Clinton", 60, 2), ("Mr Blunt", 70, 2),
                   ("The Washington Post", 80, 2), ("Washington Post", 90, 2)], mention="Mr. Trump"))
    expected = resolve_speakers(rows)
    for seed in range(5):
        shuffled = list(rows)
        random.Random(seed).shuffle(shuffled)
        assert resolve_speakers(shuffled) == expected


def test_statistics_of_partitions_combine_into_the_corpus_resolution():
    # what --engine dask does: name statistics per partition of documents,
    # combined in any grouping, resolve as the whole table does
    rows = (_rows([("Donald Trump", 0, 9), ("Donald J. Trump", 5, 9), ("Trump", 20, 3), ("Ivanka Trump", 30, 2),
                   ("Hillary Clinton", 40, 9), ("Bill Clinton", 50, 3), ("Clinton", 60, 2), ("Mr Blunt", 70, 2),
                   ("George W. Bush", 80, 5), ("George H. W. Bush", 90, 5), ("George Bush", 99, 1),
                   ("The Washington Post", 100, 2), ("Washington Post", 110, 2)], mention="Mr. Trump"))
    expected = resolve_speakers(rows)
    for parts in (2, 3, 7):
        by_doc: dict[int, list] = {}
        for row in rows:  # a document's rows stay in one partition
            by_doc.setdefault(hash(row[0]) % parts, []).append(row)
        stats = [name_statistics(chunk) for chunk in by_doc.values()]
        assert resolve_statistics(combine_statistics(*stats)) == expected
        tree = combine_statistics(combine_statistics(*stats[:1]), combine_statistics(*stats[1:]))
        assert resolve_statistics(tree) == expected
    assert name_statistics(rows).pairs() == len({(r[0], r[1]) for r in rows})


def test_statistics_grow_with_names_not_with_articles():
    # the same articles again under new ids: twice the documents, the same
    # entries (counts grow, not sets of document ids), the same speakers
    rows = _rows([("Donald Trump", 0, 9), ("Donald J. Trump", 5, 9), ("Trump", 20, 3), ("Mr Blunt", 70, 2)],
                 mention="Mr. Trump")
    once = name_statistics(rows)
    many = combine_statistics(*(name_statistics([(f"{d}#{k}",) + tuple(r[1:]) for r in rows for d in [r[0]]])
                                for k in range(50)))
    assert many.size() == once.size() and many.pairs() == 50 * once.pairs()
    assert {s.speaker_id for s in resolve_statistics(many).speakers.values()} == set(resolve_speakers(rows).speakers)


def test_speaker_id_survives_a_change_of_preferred_spelling():
    small = resolve_speakers(_rows([("Donald J. Trump", 0, 3), ("Donald Trump", 10, 1)]))
    large = resolve_speakers(_rows([("Donald J. Trump", 0, 3), ("Donald Trump", 10, 9)]))
    assert small.speaker_of("Donald Trump").name == "Donald J. Trump"
    assert large.speaker_of("Donald Trump").name == "Donald Trump"
    assert small.speaker_of("Donald Trump").speaker_id == large.speaker_of("Donald Trump").speaker_id


def test_rows_without_a_speaker_are_ignored():
    r = resolve_speakers([("a", None, None), ("a", "", "he"), ("b", "Anthony Blunt", None)])
    assert list(r.assignments) == ["Anthony Blunt"]

"""attr-20 (#15): two ranker features of who a quote is about and who can say it.

- ``entity_in_quote``: the quote's own words name the candidate's entity. Who is
  talked about inside a quote is rarely the one who speaks it ("Bob was a good
  player," said Partridge): over the web and BBC training articles 12 of 3,443
  quotes with a speaker name that speaker inside the quote.
- ``quote_first_person``: the quote speaks in the first person singular ("I",
  "my"): a person's words, which a place or a work ("Third World", "Exodus")
  cannot say.

And two facts of resolution, for the pronoun or description that says a quote:
the people the quote names in its own words are not its antecedent ("Mr Blair
was very sincere," he said: "he" is not Blair); and a definite description whose
head is an agent noun ("said the defender", "the winger said") stands for a
person named before, as "the Gloucester fly-half" did.

Invented sentences, with look-alikes that must not fire (CheckList style).
"""
from __future__ import annotations

import pytest

from quotes.attribution.candidates import CANDIDATE_FEATURES
from quotes.attribution.front import prepare
from quotes.attribution.rank import candidate_table
from quotes.attribution.rules import attribute

IN_QUOTE = CANDIDATE_FEATURES.index("entity_in_quote")
FIRST_PERSON = CANDIDATE_FEATURES.index("quote_first_person")


def _rows(text: str) -> list[dict[str, list[float]]]:
    """Per kept quote, its candidates' rows by mention text."""
    f = prepare(text)
    spans = [s for s, r in zip(f.spans, f.reasons) if r is None]
    rules = attribute(f.parsed, spans, f.index)
    _, lists, rows = candidate_table(f, spans, rules)
    out, at = [], 0
    for cands in lists:
        out.append({c.mention.text: rows[at + i] for i, c in enumerate(cands)})
        at += len(cands)
    return out


def test_new_columns_come_after_the_shipped_models():
    # the shipped model's columns keep their places (a model fitted before these
    # features reads the same numbers), and the new ones follow them
    import json
    from pathlib import Path

    card = json.loads((Path(__file__).parents[1] / "models" / "attribution.json").read_text(encoding="utf-8"))
    shipped = tuple(card["candidate_features"])
    assert CANDIDATE_FEATURES[:len(shipped)] == shipped
    assert CANDIDATE_FEATURES.index("quote_first_person") >= 53 and CANDIDATE_FEATURES.index("entity_in_quote") >= 53


@pytest.mark.parametrize("text, named, not_named", [
    # a first name inside the quote names the person it talks about
    ("Rob Partridge worked with Bob Marley for years.\n\n"
     '"Bob was a good player," said Partridge.', "Bob Marley", "Partridge"),
    # a surname
    ("Jane Hill met Tom Archer in Leeds.\n\n"
     '"Archer never turned up on time," Hill said.', "Tom Archer", "Hill"),
    # a name with its title inside the quote
    ("Ann Cole criticised Peter Vance on Monday.\n\n"
     '"Mr Vance has let everyone down," said Ms Cole.', "Peter Vance", "Cole"),
    # an organisation by its whole name
    ("Sam Reid works for Acme Motors.\n\n"
     '"Acme Motors has lost its way," Reid said.', "Acme Motors", "Reid"),
])
def test_a_name_inside_the_quote_marks_its_entity(text, named, not_named):
    (rows,) = _rows(text)
    assert rows[named][IN_QUOTE] == 1.0
    assert rows[not_named][IN_QUOTE] == 0.0


@pytest.mark.parametrize("text, name", [
    # the name stands outside the quote only
    ("Rob Partridge worked with Bob Marley for years.\n\n"
     '"He was a good player," said Partridge.', "Bob Marley"),
    # one word of an organisation's name is not its name ("World" is not the World Bank)
    ("Lena Ortiz advises the World Bank.\n\n"
     '"The world economy is slowing," Ortiz said.', "World Bank"),
    ("Lena Ortiz advises the World Bank.\n\n"
     '"World trade is slowing," Ortiz said.', "World Bank"),
    # a title alone is no name ("Mr" does not name Mr Vance)
    ("Ann Cole criticised Peter Vance on Monday.\n\n"
     '"Mr Speaker, we were misled," said Ms Cole.', "Peter Vance"),
])
def test_look_alikes_do_not_mark_the_entity(text, name):
    (rows,) = _rows(text)
    assert rows[name][IN_QUOTE] == 0.0


@pytest.mark.parametrize("quote, first", [
    ("I saw him many times.", True),
    ("It was the best night of my life.", True),
    ("I’m not going anywhere.", True),
    ("They gave it to me.", True),
    # look-alikes: the first person plural, the second person, the third
    ("We are not going anywhere.", False),
    ("You never know.", False),
    ("The team played well.", False),
])
def test_a_first_person_quote(quote, first):
    (rows,) = _rows(f'Tom Archer spoke to reporters.\n\n"{quote}" Archer said.')
    assert rows["Archer"][FIRST_PERSON] == float(first)


def test_first_person_words_outside_the_quote_do_not_count():
    # the narrator's "I" (a first-person column) is not the quote's
    (rows,) = _rows('I met Tom Archer in May.\n\n"The team played well," Archer told me.')
    assert rows["Archer"][FIRST_PERSON] == 0.0


# -- resolution: who a quote names is not the pronoun or description that says it --

from quotes.pipeline import extract  # noqa: E402


def _said(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_mention) for q in extract(text)]


CONLON = "Tony Blair met Gerry Conlon in Downing Street on Monday.\n\nBlair apologised for the convictions. "


@pytest.mark.parametrize("quote, speaker", [
    # the quote talks about Blair by name: "he" is the other man
    ('"Mr Blair was very sincere," he said.', "Gerry Conlon"),
    ('"Tony Blair was very sincere," he said.', "Gerry Conlon"),
    # look-alikes: a first-person quote, and a quote naming the other man, keep Blair
    ('"I was very sincere," he said.', "Tony Blair"),
    ('"Gerry deserved it," he said.', "Tony Blair"),
    ('"Downing Street was very sincere," he said.', "Tony Blair"),
])
def test_a_pronoun_speaker_is_not_the_person_the_quote_names(quote, speaker):
    assert _said(CONLON + quote) == [(speaker, "he")]


def test_quote_entities_are_the_people_the_quote_names():
    from quotes.attribution.front import prepare
    from quotes.attribution.rules import quote_entities

    text = CONLON + '"Mr Blair, unlike Gerald Ford, was sincere," he said.'
    f = prepare(text)
    (span,) = [s for s, r in zip(f.spans, f.reasons) if r is None]
    named = {e.canonical for e in f.index.entities if e.id in quote_entities(f.index, f.parsed, span)}
    assert "Tony Blair" in named and "Gerry Conlon" not in named


# -- a definite description with an agent-noun head that speaks is a person -----

DUNNE = "Richard Dunne is ready to commit his future to Manchester City.\n\n"


@pytest.mark.parametrize("said", ['"I want to stay," said the defender.', '"I want to stay," the winger said.',
                                  '"I want to stay," said the Irishman.', '"I want to stay," said the youngster.'])
def test_an_agent_noun_description_is_the_person(said):
    assert _said(DUNNE + said)[0][0] == "Richard Dunne"


@pytest.mark.parametrize("said", [
    '"We want him to stay," said the carmaker.',  # an organisation's kind
    '"We want him to stay," the players said.',  # a plural is no one person
    '"We want him to stay," the letter said.',  # a document
    '"We want him to stay," said the statement.',
    # things whose names end like agent nouns (vocabulary.THING_AGENT_NOUNS), from the review
    '"Access denied," said the computer.',
    '"Vote Green," the poster said.',
])
def test_look_alike_descriptions_stay_unresolved(said):
    assert _said(DUNNE + said)[0][0] != "Richard Dunne"


CARLING = "England captain Will Carling is confident.\n\n"


@pytest.mark.parametrize("quote", [
    # an ordinary word (entities.is_common) that opens a sentence of the quote is no
    # name: the quote is not about Will Carling, so "he" may still be him
    '"Will we win? I think so," he said.',
    '"We train hard. Will it be enough? Yes," he said.',
])
def test_a_common_word_opening_a_quoted_sentence_names_no_one(quote):
    assert _said(CARLING + quote)[0][0] == "Will Carling"


def test_a_name_inside_a_quoted_sentence_still_names_its_person():
    # look-alike: the same word inside the sentence, capitalised, is the name
    text = CARLING + '"I told Will the plan was sound," he said.'
    assert _said(text)[0][0] != "Will Carling"


# -- quote_entities looks up the quote's words, not every entity of the article ---

def test_quote_entities_look_up_equals_every_entity_tried():
    # the word index (EntityIndex.entities_by_name_word) finds exactly the entities
    # names_entity accepts over all of them: people by one word of their name, an
    # organisation by all of its words, titles and one word of an organisation not
    from quotes.attribution.front import prepare
    from quotes.attribution.rules import names_entity, quote_entities, quoted_capitals
    from quotes.text.parsed import token_index_near

    text = ("Tony Blair met Gerry Conlon and Lena Ortiz of the World Bank on Monday.\n\n"
            '"Mr Blair was sincere," he said. "World trade is slowing," she said. '
            '"The World Bank and Gerry agree," he said. "Nobody is listening," she added. '
            '"Ortiz, Conlon and Blair met," he said.')
    f = prepare(text)
    spans = [s for s, r in zip(f.spans, f.reasons) if r is None]
    assert len(spans) == 5
    got = []
    for span in spans:
        qlo = f.parsed.token_index(span.mark_start)
        words, _ = quoted_capitals(f.parsed, qlo, max(qlo, token_index_near(f.parsed, span.mark_end, qlo)))
        ids = quote_entities(f.index, f.parsed, span)
        every = frozenset(e.id for e in f.index.entities if names_entity(e, words))
        assert ids == every
        got.append(sorted(f.index.entities[i].canonical for i in ids))
    assert got == [["Tony Blair"], [], ["Gerry Conlon", "World Bank"], [],
                   ["Gerry Conlon", "Lena Ortiz", "Tony Blair"]]


def test_entities_by_name_word_gives_each_entity_once_in_order():
    from quotes.attribution.front import prepare

    f = prepare("Tony Blair met Tony Conlon and the World Bank.\n\nBlair and Conlon spoke.")
    found = [e.canonical for e in f.index.entities_by_name_word({"Tony", "Bank", "Nobody"})]
    assert found == sorted(found, key=[e.canonical for e in f.index.entities].index)
    assert set(found) == {"Tony Blair", "Tony Conlon", "World Bank"}
    assert f.index.entities_by_name_word(set()) == []

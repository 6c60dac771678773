"""A he/she is a person (issue #15): a name the article itself marks as no person
is no he/she antecedent (entities.Entity.no_person, entities._marked_no_person),
and a person newly named as a subject takes the next he/she from the previous
speaker (EntityIndex._new_subject_since).

Invented sentences, CheckList style. Forms: a work's title after its kind or a
role in it ("the film X", "her role in X", "starred in X"), an organisation after
its kind ("technology giant X", "pressure group X"), a post in it ("chief of X",
"economist at X"), "firms such as X", its possessions ("X's shareholders").
Look-alikes that stay persons: a name that only follows such words further off
("Rose starred in the film"), a capitalised word that is part of a name ("European
Union Gordon Sondland"), a relative clause ("a group Barack Obama won", "the
film Michael Moore made in 2002"; not "the film Annie Marsh won two awards"), a firm
named after its founder ("Michael Dell, founder of Dell"), a person with a
gendered title ("Mr Ford, chief of Ford").

Rounds 6 and 7 (see tools/resolve_cv.py): the nearest sentences hold a he/she's
antecedent (a learned cost per sentence back, entities.W_SENTENCE_BACK; not shipped in
rounds 6 and 7, shipped in round 8 beside its reported-clause and object costs, rules-37,
tests/test_pronoun_chains.py, so its invented case now passes as a plain test;
descriptions as mentions: tests/test_description_mentions.py),
and a name after a verb or preposition and a role phrase ("to fellow American Andy
Roddick") is an object (entities.OBJECT_PAST_ROLE); look-alikes both ways: a newer
name that is an object or inside the speaker's reported clause, or of the other
gender; an object who is later a subject.
"""
from __future__ import annotations

import pytest

import quotes
from quotes.attribution.front import prepare


def _entity(text: str, name: str):
    index = prepare(text).index
    entity = index.entity_named(name.split())
    assert entity is not None, f"no entity {name!r} in {text!r}"
    return entity


NO_PERSON = [
    # works
    ("The film Annie Marsh won two awards. Critics loved it.", "Annie Marsh"),
    ("Jones, who won a prize for her role in Clara Bow, arrived early.", "Clara Bow"),
    ("Lee, who starred in Molly Dean last year, was there.", "Molly Dean"),
    ("Lee, who stars in Molly Dean, was there.", "Molly Dean"),
    ("His new album Harry Vance is out on Monday.", "Harry Vance"),
    # a work's title, then a verb with its own object: an apposition, no relative clause
    ("The film Annie Marsh won two awards.", "Annie Marsh"),
    ("The film Annie Marsh took an award at the festival.", "Annie Marsh"),
    ("She sang the song Irish Son at the concert.", "Irish Son"),
    ("She sang the song Irish Son at the concert.", "Irish Son"),
    # organisations
    ("Carla Moss, chief of technology giant Hewitt Packer, spoke in Paris.", "Hewitt Packer"),
    ("Sami Rao, director of civil liberties pressure group Freedom, said the law was wrong.", "Freedom"),
    ("Matt Dorn, an equity strategist at Miller Tabor, said the stock could fall.", "Miller Tabor"),
    ("Dan Price, chief executive of Cloudmark, said the firm would grow.", "Cloudmark"),
    ("The job of firms such as Dunmore now is to serve people, she said.", "Dunmore"),
    ("German airline Lufthansa may sue the agency.", "Lufthansa"),
    ("Dunmore Hale's shareholders voted for the deal.", "Dunmore Hale"),
    ("Security firm MessageLabs said spam had risen.", "MessageLabs"),
]

STILL_A_PERSON = [
    # the marker words are further off, or describe something else
    ("Rose Byrne starred in the film. Byrne loved it.", "Rose Byrne"),
    ("Rose starred in the film last year.", "Rose"),
    ("Critics said the film's star, Annie Marsh, was superb.", "Annie Marsh"),
    ("He thanked the head of Bush's campaign, Karl Rove.", "Bush"),
    # a capitalised word is part of a name, not a common noun
    ("The U.S. Ambassador to the European Union Gordon Sondland testified.", "Gordon Sondland"),
    # a relative clause, not an apposition
    ("Non-college voters, a group Barack Obama won by two points, stayed home.", "Barack Obama"),
    ("This is not the campaign Ayotte hoped to be running, aides said.", "Ayotte"),
    ("The film Michael Moore made in 2002 won an Oscar.", "Michael Moore"),
    ("It was the book Harry Vance wrote, not the film, that sold.", "Harry Vance"),
    ("The album Molly Dean recorded in Paris is out.", "Molly Dean"),
    # a verb, not a noun ("trust" is no organisation's kind here)
    ("Voters trust Clinton more than any other candidate.", "Clinton"),
    # a firm named after its founder: the person keeps the name
    ("Michael Dell, the founder of Dell, was upbeat about the year.", "Michael Dell"),
    ("Henry Ford, the chief of Ford, spoke to workers.", "Henry Ford"),
    # a gendered title says it is a person
    ("Mr Ford, the chief of Ford, spoke to workers.", "Ford"),
    # a role noun that a person bears ("broadcaster", "producer")
    ("Broadcaster Chris Evans has begun selling his possessions.", "Chris Evans"),
    ("Film producer John Hale said the budget was small.", "John Hale"),
]


@pytest.mark.parametrize("text,name", NO_PERSON)
def test_the_article_marks_it_as_no_person(text, name):
    assert _entity(text, name).no_person


@pytest.mark.parametrize("text,name", STILL_A_PERSON)
def test_a_person_stays_a_person(text, name):
    assert not _entity(text, name).no_person


PRONOUN_SKIPS_WHAT_IS_NO_PERSON = [
    # a film named like a woman, and the actress named by surname only
    ("The film Annie Marsh took four awards. Annie Marsh also won best costume design.\n\n"
     "Pell Staunton, who plays the title role in Annie Marsh, arrived early. "
     "\u201cI am so thrilled and so grateful,\u201d she said.", ["Pell Staunton"]),
    # a company that the article has called a person's
    ("Carla Moss, chief of technology giant Hewitt Packer, spoke in Paris. Hewitt Packer said profits rose. "
     "\u201cThe digital revolution is about people,\u201d she said.", ["Carla Moss"]),
]

PRONOUN_KEEPS_THE_PERSON = [
    ("Rose Byrne starred in the film. \u201cI loved every minute of it,\u201d she said.", ["Rose Byrne"]),
    ("Michael Dell, the founder of Dell, was upbeat. \u201cWe had a very good year,\u201d he said.",
     ["Michael Dell"]),
    ("Mr Ford, the chief of Ford, spoke to workers. \u201cWe will build the car here,\u201d he said.", ["Ford"]),
    # a person in a relative clause after a work's kind: the person who made it
    ("Michael Moore attacked the gun lobby. The film Michael Moore made in 2002 won an Oscar. "
     "\u2018It changed everything,\u2019 he said.", ["Michael Moore"]),
    ("Rita Kemp spoke at the launch. The book Rita Kemp wrote in prison sold well. "
     "\u201cIt saved my life,\u201d she said.", ["Rita Kemp"]),
]


@pytest.mark.parametrize("text,speakers", PRONOUN_SKIPS_WHAT_IS_NO_PERSON + PRONOUN_KEEPS_THE_PERSON)
def test_he_or_she_goes_to_a_person(text, speakers):
    assert [q.speaker for q in quotes.extract(text)] == speakers


# A person named as a subject since the previous quote takes the next he/she of
# their gender when the name opens its sentence or stands next to a reporting verb
# ("While ..., Chris Early says"), not when it is the subject of a clause inside
# the speaker's sentence ("Sanders argued that Donald Trump had failed").
NEW_SUBJECT_MID_SENTENCE = [
    ("\u201cThe lineup will grow,\u201d said Jack Buser, the studio head.\n\nWhile the list of games is short, "
     "Chris Early says more could follow.\n\n\u201cOur objective is to make the best game,\u201d he said.",
     ["Jack Buser", "Chris Early"]),
    ("Earlier, Tory leader Michael Howard sent his congratulations, saying: \u201cWe look to the president.\u201d "
     "Liberal Democrat leader Charles Kennedy said the quick result was welcome. "
     "\u201cIt is good for everyone,\u201d he said.", ["Michael Howard", "Charles Kennedy"]),
]
NEW_SUBJECT_LOOK_ALIKES = [
    # the new person is an object, or of the other gender: the previous speaker keeps it
    ("\u201cThe lineup will grow,\u201d said Jack Buser, the studio head.\n\nBuser thanked Chris Early for the "
     "games. \u201cOur objective is to make the best game,\u201d he said.", ["Jack Buser", "Jack Buser"]),
    ("\u201cThe lineup will grow,\u201d said Jack Buser, the studio head.\n\nWhile the list is short, analyst "
     "Mary Stone says more could follow.\n\n\u201cOur objective is to make the best game,\u201d he said.",
     ["Jack Buser", "Jack Buser"]),
    ("\u201cWe will win,\u201d said Bernie Sanders.\n\nSanders argued that Donald Trump had failed the "
     "workers. \u201cHe cannot lead,\u201d he said.", ["Bernie Sanders", "Bernie Sanders"]),
    # a person named inside another's reported clause is reported matter, though a
    # reporting verb follows the name: after "that", or after the speaker's verb
    ("\u201cWe will win,\u201d said Bernie Sanders.\n\nSanders argued that Donald Trump told lies to the "
     "workers. \u201cHe cannot lead,\u201d he said.", ["Bernie Sanders", "Bernie Sanders"]),
    ("\u201cWe will win,\u201d said Bernie Sanders.\n\nSanders said Donald Trump says one thing and does "
     "another. \u201cHe cannot lead,\u201d he said.", ["Bernie Sanders", "Bernie Sanders"]),
    ("\u201cThe plan works,\u201d said Tom Hale.\n\nHale insisted on Monday that Peter Grant claimed the "
     "credit. \u201cIt was our idea,\u201d he said.", ["Tom Hale", "Tom Hale"]),
    ("\u201cThe plan works,\u201d said Tom Hale.\n\nHale told reporters Peter Grant says too much. "
     "\u201cIt was our idea,\u201d he said.", ["Tom Hale", "Tom Hale"]),
]
# ... while the same name opening its own sentence, or after a verb with no subject
# of its own, is the next speaker
NEW_SUBJECT_OWN_SENTENCE = [
    ("\u201cWe will win,\u201d said Bernie Sanders.\n\nDonald Trump told the crowd that the economy was "
     "strong. \u201cIt is the best ever,\u201d he said.", ["Bernie Sanders", "Donald Trump"]),
    ("\u201cWe will win,\u201d said Bernie Sanders.\n\nSanders spoke first. Donald Trump said the economy "
     "was strong. \u201cIt is the best ever,\u201d he said.", ["Bernie Sanders", "Donald Trump"]),
    ("\u201cThe plan works,\u201d said Tom Hale.\n\nOn Monday, Peter Grant says, the plan was changed. "
     "\u201cIt was my idea,\u201d he said.", ["Tom Hale", "Peter Grant"]),
    # a reporting verb of another clause, or "that" as a pronoun or determiner,
    # opens no reported clause
    ("\u201cThe lineup will grow,\u201d said Jack Buser.\n\nWhile the lineup is light (only three games "
     "have been announced), Chris Early says more could follow. \u201cIt is a start,\u201d he says.",
     ["Jack Buser", "Chris Early"]),
    ("\u201cThe plan works,\u201d said Tom Hale.\n\nAfter that, Peter Grant says, the plan was changed. "
     "\u201cIt was my idea,\u201d he said.", ["Tom Hale", "Peter Grant"]),
    ("\u201cThe plan works,\u201d said Tom Hale.\n\nAt that meeting Peter Grant said the plan was "
     "changed. \u201cIt was my idea,\u201d he said.", ["Tom Hale", "Peter Grant"]),
]


@pytest.mark.parametrize("text,speakers", NEW_SUBJECT_MID_SENTENCE + NEW_SUBJECT_LOOK_ALIKES
                         + NEW_SUBJECT_OWN_SENTENCE)
def test_a_new_subject_takes_the_pronoun_mid_sentence(text, speakers):
    assert [q.speaker for q in quotes.extract(text)] == speakers


# A he/she wants a person: a candidate with nothing of a person whose name a body
# may bear (entities.is_org_like: no first name, title or gender, a word of the
# lexicon in it; the pronoun's own gender vote left out) costs W_ORG_LIKE, a weight
# the conditional logit learned (tools/resolve_cv.py --only org_like). Forms: a
# firm, an agency, a group as the newest subject before the he/she.
BODY_BEFORE_THE_PRONOUN = [
    ("Kerr Putney spoke on Monday. Meanwhile Silver Harvest lifted its prices. "
     "\u201cWe expect a better year,\u201d he said.", ["Kerr Putney"]),
    ("Kerr Putney spoke on Monday. Then Border Protection seized the goods. "
     "\u201cWe lost everything,\u201d he said.", ["Kerr Putney"]),
    ("Kerr Putney runs the farm. Green Valley Farms cut its prices. "
     "\u201cWe had no choice,\u201d he said.", ["Kerr Putney"]),
]
# Look-alikes: the same places held by a person, whose name has a first name, a
# title, or only surname-like words, take the he/she as the newest subject
PERSON_BEFORE_THE_PRONOUN = [
    ("Kerr Putney spoke on Monday. Meanwhile Dorn Halvey lifted his prices. "
     "\u201cWe expect a better year,\u201d he said.", ["Dorn Halvey"]),
    ("Kerr Putney spoke on Monday. Then Mr Protection seized the goods. "
     "\u201cWe lost everything,\u201d he said.", ["Protection"]),
    ("Mona Lisser was upset. Now Mrs Skies wants the land. \u201cIt is our land,\u201d she said.", ["Skies"]),
    ("Dane Okafor met the buyers. Then Tom River raised his bid. \u201cIt is not enough,\u201d he said.",
     ["Tom River"]),
]


@pytest.mark.parametrize("text,speakers", BODY_BEFORE_THE_PRONOUN + PERSON_BEFORE_THE_PRONOUN)
def test_he_or_she_passes_over_a_body(text, speakers):
    assert [q.speaker for q in quotes.extract(text)] == speakers


def test_the_body_cost_is_what_moves_the_pronoun():
    """Without the learned cost the newest subject, the body, would take the he/she."""
    from quotes.text import entities

    text = BODY_BEFORE_THE_PRONOUN[0][0]
    weights = list(entities.W_RESOLVE_HAND)
    weights[entities.RESOLVE_FEATURES.index("org_like")] = 0.0
    old = entities.W_RESOLVE
    entities.W_RESOLVE = tuple(weights)
    try:
        assert [q.speaker for q in quotes.extract(text)] == ["Silver Harvest"]
    finally:
        entities.W_RESOLVE = old
    assert entities.W_RESOLVE_HAND[entities.RESOLVE_FEATURES.index("org_like")] < 0


# A he/she looks to the nearest sentences (issue #15, rounds 6 and 7; shipped in round 8):
# each sentence end between a candidate and the pronoun costs W_SENTENCE_BACK ("sentences_back",
# a weight the conditional logit learned: -0.3 in rounds 6-7, tools/resolve_cv.py --only
# sentences_back; -0.75 in round 8, learned beside the reported and object costs).
# The previous speaker, several sentences back, gives way to a person named as a
# subject in the sentence before the pronoun, though that subject neither opens
# its sentence nor stands next to a reporting verb.
NEAREST_SUBJECT = [
    ("\u201cIt was hard,\u201d said Tom Rodd after the match. The crowd cheered for an hour. Rain fell on the "
     "court. The roof was shut.\n\nOn Monday, Kevin Lane will have a scan on his hip. "
     "\u201cThe good news is that it did not tear,\u201d he added.", ["Tom Rodd", "Kevin Lane"]),
]
# ... which held before the sentence cost only where the new subject follows an
# opening phrase of its sentence and a reporting or speech verb ("warned", "expects")
NEAREST_SUBJECT_TODAY = [
    ("\u201cWe have a plan,\u201d said Mary Stone. The bill passed by ten votes. Critics said it would cost too "
     "much. The debate lasted a day.\n\nAfter the vote, Anne Brant warned of cuts. "
     "\u201cIt will cost jobs,\u201d she said.", ["Mary Stone", "Anne Brant"]),
    ("\u201cSales were strong,\u201d said Steve Gallagher. Retail sales rose by 1.1%. Excluding cars, sales rose "
     "by 0.3%. Prices were flat.\n\nFor now, Peter Jain expects spending to rise. "
     "\u201cConsumers remain strong,\u201d he said.", ["Steve Gallagher", "Peter Jain"]),
]
# Look-alikes: the newer name is an object or sits inside the previous speaker's
# reported clause, or is of the other gender: the previous speaker keeps the
# he/she however many sentences back
NEAREST_SUBJECT_LOOK_ALIKES = [
    ("\u201cWe won the vote,\u201d said Mark Stone. The bill passed by ten votes. Critics said it would cost too "
     "much. The debate lasted a day. Stone thanked Peter Brant.\n\n\u201cIt will create jobs,\u201d he said.",
     ["Mark Stone", "Mark Stone"]),
    ("\u201cWe won the vote,\u201d said Mark Stone. The bill passed by ten votes. Critics said it would cost too "
     "much. The debate lasted a day. Stone said Peter Brant had voted against it.\n\n"
     "\u201cIt will create jobs,\u201d he said.", ["Mark Stone", "Mark Stone"]),
    ("\u201cIt was hard,\u201d said Tom Rodd after the match. The crowd cheered for an hour. Rain fell on the "
     "court. The roof was shut.\n\nOn Monday, Karen Lane will have a scan on her hip. "
     "\u201cThe good news is that it did not tear,\u201d he added.", ["Tom Rodd", "Tom Rodd"]),
]


# (rounds 6-7 kept these a strict xfail: the cost per sentence back was not shipped;
# round 8 ships it, with the reported-clause and object costs, rules-37)
@pytest.mark.parametrize("text,speakers", NEAREST_SUBJECT)
def test_he_or_she_takes_the_nearest_subject(text, speakers):
    assert [q.speaker for q in quotes.extract(text)] == speakers


@pytest.mark.parametrize("text,speakers", NEAREST_SUBJECT_TODAY + NEAREST_SUBJECT_LOOK_ALIKES)
def test_the_previous_speaker_keeps_it_past_an_object(text, speakers):
    assert [q.speaker for q in quotes.extract(text)] == speakers


def test_a_cost_per_sentence_back_moves_the_pronoun(monkeypatch):
    """The learned cost per sentence back (W_SENTENCE_BACK, tools/resolve_cv.py rounds
    6-8, beside round 8's reported-clause and object costs; shipped in rules-37) makes
    the newest subject take the he/she, and the look-alikes stay; without it the older
    speaker keeps it."""
    from quotes.text import entities

    assert entities.W_RESOLVE_HAND[entities.RESOLVE_FEATURES.index("sentences_back")] == entities.W_SENTENCE_BACK < 0
    assert [q.speaker for q in quotes.extract(NEAREST_SUBJECT[0][0])] == NEAREST_SUBJECT[0][1]
    for text, speakers in NEAREST_SUBJECT_LOOK_ALIKES:
        assert [q.speaker for q in quotes.extract(text)] == speakers
    without = list(entities.resolve_weights())
    without[entities.RESOLVE_FEATURES.index("sentences_back")] = 0.0
    monkeypatch.setattr(entities, "W_RESOLVE", tuple(without))
    assert [q.speaker for q in quotes.extract(NEAREST_SUBJECT[0][0])] != NEAREST_SUBJECT[0][1]


# A name after a verb or preposition is its object though a role phrase stands
# between them ("serving to fellow American Andy Roddick", "spoke to team captain
# Kevin Lane"), and "to" before a name is a preposition: such an object is no
# subject for the next he/she.
OBJECT_PAST_A_ROLE = [
    ("Andre Vell was serving to fellow American Andy Rodd when he decided to stop. Vell, who has won the title "
     "four times, will have a scan. He said the problem was new.\n\n"
     "\u201cThe good news is that it did not tear,\u201d he added.", ["Andre Vell"]),
    ("Tom Rodd spoke to team captain Kevin Lane after the crowd left. \u201cWe will be back,\u201d he said.",
     ["Tom Rodd"]),
    ("Tom Rodd beat sixth seed Kevin Lane on Sunday when the rain stopped. \u201cIt was my best match,\u201d he said.",
     ["Tom Rodd"]),
    ("Tom Rodd lost to Kevin Lane when the rain came. \u201cI was tired,\u201d he said.", ["Tom Rodd"]),
]
# Look-alikes: the object is later a subject, or the role phrase opens a clause
# or a sentence of its own: that person takes the he/she (and the plain objects
# above, OBJECT_PAST_A_ROLE[2:], hold today)
OBJECT_PAST_A_ROLE_LOOK_ALIKES = [
    ("Tom Rodd lost to fellow American Kevin Lane. Lane, who has won twice, served well. "
     "\u201cIt was easy,\u201d he said.", ["Kevin Lane"]),
    ("Tom Rodd lost, but sixth seed Kevin Lane won in three sets. \u201cIt was easy,\u201d he said.", ["Kevin Lane"]),
    ("Tom Rodd lost in the first round. Sixth seed Kevin Lane won in three sets. \u201cIt was easy,\u201d he said.",
     ["Kevin Lane"]),
]


@pytest.mark.parametrize("text,speakers", [OBJECT_PAST_A_ROLE[0], OBJECT_PAST_A_ROLE[1]])
def test_an_object_past_its_role_is_no_subject(text, speakers):
    assert [q.speaker for q in quotes.extract(text)] == speakers


@pytest.mark.parametrize("text,speakers", OBJECT_PAST_A_ROLE[2:] + OBJECT_PAST_A_ROLE_LOOK_ALIKES)
def test_an_object_who_is_later_a_subject_takes_it(text, speakers):
    assert [q.speaker for q in quotes.extract(text)] == speakers

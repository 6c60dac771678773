"""A role description goes to the person the article gives that role (issue #15).

Invented sentences of each kind, CheckList style:

- R1: a modifier that makes another role is part of the role: a former, ex-,
  shadow, deputy, vice, assistant, junior or would-be chancellor is not "the
  chancellor", and "the former chancellor" is not "Chancellor Gordon Brown" (both
  directions; capitals at a sentence's start, "ex-" and "Vice-" hyphenated).
- R2 (look-alikes): modifiers that leave the role as it is ("Labour", "German",
  "outgoing") only add evidence: such a person is still "the chancellor", and a
  description with them still finds the plain office holder.
- R3: nobody but a holder of another role: no speaker, not that person; a person
  the article never gives the role is not ruled out.
- R4: a person given the role before the description is its antecedent, not one
  given the role (or named) only after it; a lede's description still looks ahead
  when no one before it fits.
"""
from __future__ import annotations

import pytest

import quotes


def _speakers(text):
    return [q.speaker for q in quotes.extract(text)]


ANOTHER_ROLE = [
    # the holder of another role is nearer, a subject, or the previous speaker: the office holder speaks
    ('Former chancellor Kenneth Clarke has long opposed such plans, while Chancellor Gordon Brown backs them.\n\n'
     '"It is fair," the chancellor said.', ["Gordon Brown"]),
    ('Chancellor Gordon Brown unveiled the budget on Wednesday.\n\nShadow chancellor Oliver Letwin attacked it.\n\n'
     '"It is fair," the chancellor said.', ["Gordon Brown"]),
    ('Chancellor Gordon Brown unveiled the budget on Wednesday.\n\nThe shadow chancellor, Oliver Letwin, and '
     'ex-chancellor Kenneth Clarke attacked it.\n\n"It is fair," said the chancellor.', ["Gordon Brown"]),
    ('President George Bush was in Texas on Monday.\n\nVice President Dick Cheney spoke in Washington.\n\n'
     '"We will prevail," the president said.', ["George Bush"]),
    ('President George Bush was in Texas on Monday.\n\nVice-President Dick Cheney spoke in Washington.\n\n'
     '"We will prevail," the president said.', ["George Bush"]),
    ('Prime Minister Tony Blair flew to Brussels.\n\nDeputy Prime Minister John Prescott stayed in London.\n\n'
     '"We will see," the prime minister said.', ["Tony Blair"]),
    ('Director Jane Porter opened the museum.\n\nHer assistant director Tom Banks showed the guests round.\n\n'
     '"It is a dream," the director said.', ["Jane Porter"]),
    ('President Barack Obama spoke in Ohio.\n\nWould-be president Mitt Romney spoke in Iowa.\n\n'
     '"We are winning," the president said.', ["Barack Obama"]),
    # the other direction: the description carries the modifier, the office holder lacks it
    ('Former chancellor Kenneth Clarke spoke first.\n\nChancellor Gordon Brown replied on Tuesday.\n\n'
     '"It will not work," the former chancellor said.', ["Kenneth Clarke"]),
    ('Former chancellor Kenneth Clarke spoke first.\n\nChancellor Gordon Brown replied on Tuesday.\n\n'
     '"It will not work," the ex-chancellor said.', ["Kenneth Clarke"]),
    ('President George Bush was in Texas on Monday.\n\nVice President Dick Cheney spoke in Washington.\n\n'
     '"We will prevail," the vice president said.', ["Dick Cheney"]),
    ('Prime Minister Tony Blair flew to Brussels.\n\nDeputy Prime Minister John Prescott stayed in London.\n\n'
     'Mr Blair met EU leaders. "We will see," the deputy prime minister said.', ["John Prescott"]),
    ('Chancellor Gordon Brown unveiled the budget on Wednesday.\n\nShadow chancellor Oliver Letwin attacked it.\n\n'
     'Mr Brown defended it. "It is unfair," the shadow chancellor said.', ["Oliver Letwin"]),
]

SAME_ROLE = [
    # a modifier that leaves the role as it is: still the chancellor
    ('Outgoing chancellor Gerhard Schroeder met Tony Blair in Berlin.\n\n"We agree," the chancellor said.',
     ["Gerhard Schroeder"]),
    ('Labour chancellor Gordon Brown met Tony Blair on Monday.\n\n"We agree," the chancellor said.',
     ["Gordon Brown"]),
    # a description with such a modifier still finds the plain office holder
    ('Former chancellor Kenneth Clarke spoke first.\n\nChancellor Gordon Brown replied on Tuesday.\n\n'
     '"It is fair," the Labour chancellor said.', ["Gordon Brown"]),
    ('Former chancellor Kenneth Clarke spoke first.\n\nChancellor Gordon Brown replied on Tuesday.\n\n'
     '"It is fair," the outgoing chancellor said.', ["Gordon Brown"]),
    # the same modifier on both sides
    ('Former president Bill Clinton spoke in Iowa.\n\nPresident George Bush was in Texas.\n\n'
     '"It is a mistake," the former president said.', ["Bill Clinton"]),
    ('Former Vice President Al Gore spoke in Iowa.\n\nVice President Dick Cheney was in Texas.\n\n'
     '"It is a mistake," the former vice president said.', ["Al Gore"]),
]


@pytest.mark.parametrize("text,expected", ANOTHER_ROLE)
def test_a_role_changing_modifier_makes_another_role(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text,expected", SAME_ROLE)
def test_other_modifiers_leave_the_role(text, expected):
    assert _speakers(text) == expected


def test_only_a_holder_of_another_role_is_no_speaker():
    text = 'Former chancellor Kenneth Clarke opposed the plans.\n\n"It is unfair," the chancellor said.'
    assert _speakers(text) == [None]
    text = 'Deputy Prime Minister John Prescott stayed in London.\n\n"We will see," the prime minister said.'
    assert _speakers(text) == [None]
    text = 'President George Bush was in Texas on Monday.\n\n"We will prevail," the vice president said.'
    assert _speakers(text) == [None]


def test_a_former_office_holder_keeps_the_title():
    # (a former holder is called by the title: "President Carter"; one the article
    # calls former is still preferred, above)
    text = 'President Jimmy Carter\'s record was debated on Monday.\n\n"It was a hard time," the former president said.'
    assert _speakers(text) == ["Jimmy Carter"]
    # the title is kept, the lower-case role is not: "president" alone is the office holder now
    text = 'Former president Jimmy Carter spoke on Monday.\n\n"It was a hard time," the president said.'
    assert _speakers(text) == [None]


def test_a_person_never_given_the_role_is_not_ruled_out():
    text = 'Kenneth Clarke opposed the plans on Monday.\n\n"It will not work," the former chancellor said.'
    assert _speakers(text) == ["Kenneth Clarke"]


def test_descriptions_in_the_order_the_article_gives_the_roles():
    text = ('Former prime minister Edward Heath criticised the plans on Monday.\n'
            '"It will not work," the former prime minister said.\n'
            'Prime Minister Tony Blair disagreed. "It will," the prime minister said.\n'
            'Deputy Prime Minister John Prescott was more cautious. "We will see," the deputy prime minister said.\n')
    assert _speakers(text) == ["Edward Heath", "Tony Blair", "John Prescott"]


def test_a_lede_description_looks_ahead_to_the_role_it_names():
    text = ('The former chancellor said the plans were flawed. "It will not work," the former chancellor told the BBC.\n'
            'Former chancellor Kenneth Clarke has long opposed such plans, while Chancellor Gordon Brown backs them.\n'
            '"It is fair," the chancellor said.\n')
    assert _speakers(text) == ["Kenneth Clarke", "Gordon Brown"]


def test_a_role_given_only_later_does_not_draw_the_description():
    # John Smith, named before the quote, is given the role only after it: the
    # prime minister named so before the quote speaks
    text = ('Prime Minister Tony Blair flew to Brussels on Monday.\n\n'
            'John Smith stayed in London. Smith was angry.\n\n'
            '"It will work," the prime minister said.\n\n'
            'Ruritanian Prime Minister John Smith disagreed.')
    assert _speakers(text)[0] == "Tony Blair"
    # (a look-alike: given the role before the quote, Smith is its antecedent)
    text = ('Tony Blair flew to Brussels on Monday.\n\n'
            'Ruritanian Prime Minister John Smith stayed in London. Smith was angry.\n\n'
            '"It will work," the prime minister said.')
    assert _speakers(text)[0] == "John Smith"


def test_john_major_is_not_john_prescott():
    # names-8: a title word right after a first name is the surname (names._title_surname)
    text = ('Former prime minister John Major criticised the plans on Monday.\n'
            '"It will not work," the former prime minister said.\n'
            'Prime Minister Tony Blair disagreed. "It will," the prime minister said.\n'
            'Deputy Prime Minister John Prescott was more cautious. "We will see," the deputy prime minister said.\n')
    assert _speakers(text) == ["John Major", "Tony Blair", "John Prescott"]


def test_a_bare_title_is_the_holder_of_that_role():
    text = ('Mayor calls bridge collapse "a shock"\n\n'
            'Former mayor Tom Hill and Mayor Linda Ferraro spoke at the site on Saturday.')
    assert _speakers(text) == ["Linda Ferraro"]


def test_a_possessive_role_is_the_one_described_with_its_modifiers():
    text = ('Barack Obama spoke in Ohio. Campaign strategist David Axelrod and former strategist Robert Gibbs '
            'were there.\n\n"It is over," Obama\'s former strategist said.')
    assert _speakers(text) == ["Robert Gibbs"]
    text = ('Barack Obama spoke in Ohio. Former strategist Robert Gibbs and campaign strategist David Axelrod '
            'were there.\n\n"It is over," Obama\'s campaign strategist said.')
    assert _speakers(text) == ["David Axelrod"]

# rules-32 (#15), grouped CV (tools/ranker_cv.py, PolNeAR train + web + 120 BBC train
# articles, web weight 1), rules-31 -> this: web + BBC-train pipeline out of fold
# named 0.8998 -> 0.9085, pronoun/desc 0.8511 -> 0.8511, e2e 0.8440 -> 0.8495;
# PolNeAR train ranker named 0.9479 -> 0.9464, pronoun/desc 0.9135 -> 0.9112. With
# the shipped models the rules change 5 quotes of PolNeAR train (all wrong before
# and after) and none of the web set, BBC train, PolNeAR dev, the BBC test sets or
# corpora/: the CV differences are the refitted folds'.

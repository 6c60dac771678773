"""Clean canonical names (issue #15): hyphenated modifiers and role words stay out
of a name, and a pet form of a first name is the same person as the formal name.

CheckList-style: the forms of each kind, and look-alikes that must not change
(hyphenated names, names that start like a pet form, different people)."""
from __future__ import annotations

import pytest

from quotes import extract
from quotes.resources import hypocorisms, is_pet_form
from quotes.text.entities import EntityIndex
from quotes.text.names import find_names, is_hyphen_modifier, is_hyphenated_given_name
from quotes.text.parsed import ParsedDoc


def speakers(text: str) -> list[str | None]:
    return [r.speaker for r in extract(text)]


def parsed(text: str) -> ParsedDoc:
    doc = ParsedDoc.from_text(text + "\n")
    doc.mark_quoted([])
    return doc


def entities(text: str) -> list[str]:
    doc = parsed(text)
    return sorted(e.canonical for e in EntityIndex(doc, find_names(doc)).entities)


# -- 1. hyphenated participial modifiers --------------------------------------

@pytest.mark.parametrize("word", ["Paris-based", "London-based", "Texas-born", "Labour-led", "US-backed",
                                  "State-owned", "Taxpayer-funded", "Government-run", "Oxford-educated",
                                  "Glasgow-born", "New-York-based"])
def test_participial_modifiers(word):
    assert is_hyphen_modifier(word)


@pytest.mark.parametrize("word", ["Lloyd-Webber", "Jean-Pierre", "Al-Assad", "Newton-John", "Bowes-Lyon",
                                  "Smith-Born", "based", "-based", "Paris-", "Anne-Marie", "Rees-Mogg"])
def test_hyphenated_names_are_no_modifiers(word):
    assert not is_hyphen_modifier(word)


@pytest.mark.parametrize("text, expected", [
    ('Paris-based Euronext said: "We will make a bid."', "Euronext"),
    ('"We will make a bid," said Paris-based Euronext.', "Euronext"),
    ('"We are ready," said London-based Barclays.', "Barclays"),
    ('Texas-born Jane Smith said: "It was not my choice."', "Jane Smith"),
    ('US-backed Iyad Allawi said: "Elections will go ahead."', "Iyad Allawi"),
    ('"We are not for sale," said State-owned Gazprom.', "Gazprom"),
])
def test_a_hyphenated_modifier_is_not_part_of_the_name(text, expected):
    assert speakers(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ('"It is a triumph," said Andrew Lloyd-Webber.', "Andrew Lloyd-Webber"),
    ('"We will not pay," said Olivia Newton-John.', "Olivia Newton-John"),
    ('"Everyone knows," said Jacob Rees-Mogg.', "Jacob Rees-Mogg"),
])
def test_hyphenated_surnames_stay_whole(text, expected):
    assert speakers(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ('"We will not resign," said Jean-Pierre Raffarin.', "Jean-Pierre Raffarin"),
    ('"The war is over," said Bashar Al-Assad.', "Bashar Al-Assad"),
    ('"We will sign," said Anne-Sophie Laurent.', "Anne-Sophie Laurent"),
])
def test_compound_first_names_and_particles_stay_in_the_name(text, expected):
    # the name model: first names joined by a hyphen are a first name, and so is
    # an article or particle joined to a surname ("Al-", "El-")
    assert speakers(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ('"We will rebuild," said Riverton Mayor Alan Guardian.', "Alan Guardian"),
    ('Harbour Council Director Ruth Post said: "The road stays shut."', "Ruth Post"),
])
def test_a_surname_that_is_an_organisation_word_still_follows_a_role(text, expected):
    assert speakers(text) == [expected]


def test_the_modifier_is_kept_as_a_descriptor():
    doc = parsed("Paris-based Euronext made a bid on Monday.")
    (name,) = find_names(doc)
    assert name.words == ("Euronext",)
    assert "paris-based" in name.descriptors


# -- role words before a name --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ('DJ Norman Cook said: "I love this record."', "Norman Cook"),
    ('"I love this record," said DJ Norman Cook.', "Norman Cook"),
    ('"The kitchen never sleeps," said Chef Gordon Ramsay.', "Gordon Ramsay"),
    ('"We played well," said Coach Bill Belichick.', "Bill Belichick"),
    ('"We played well," said Chelsea Coach Jose Mourinho.', "Jose Mourinho"),
])
def test_a_role_word_is_not_part_of_the_name(text, expected):
    assert speakers(text) == [expected]


# -- 2. pet forms of first names -------------------------------------------------

@pytest.mark.parametrize("pet, formal", [("josh", "joshua"), ("bill", "william"), ("bob", "robert"),
                                         ("liz", "elizabeth"), ("mike", "michael"), ("chris", "christopher"),
                                         ("chris", "christine"), ("tony", "anthony")])
def test_pet_forms(pet, formal):
    assert is_pet_form(pet, formal)
    assert not is_pet_form(formal, pet)


@pytest.mark.parametrize("a, b", [("john", "jonathan"), ("josh", "john"), ("bill", "robert"),
                                  ("will", "bill"), ("joshua", "joshua")])
def test_not_pet_forms(a, b):
    assert not is_pet_form(a, b)


def test_the_table_is_lower_case_and_never_maps_a_name_to_itself():
    for pet, formal in hypocorisms().items():
        assert pet == pet.lower() and pet not in formal and all(f == f.lower() for f in formal)


@pytest.mark.parametrize("text, expected", [
    ("Josh Apte led the study. Joshua Apte is a professor.", ["Joshua Apte"]),
    ("Joshua Apte led the study. Josh Apte is a professor.", ["Joshua Apte"]),
    ("Bill Gates spoke first. Later William Gates returned.", ["William Gates"]),
    ("Liz Truss arrived. Elizabeth Truss left. Truss was late.", ["Elizabeth Truss"]),
    ("Mike Pence spoke. Michael R. Pence left.", ["Michael R. Pence"]),
])
def test_a_pet_form_and_the_formal_name_are_one_person(text, expected):
    assert entities(text) == expected


@pytest.mark.parametrize("text, expected", [
    # different first names, not pet forms of each other: two people
    ("John Apte led the study. Jonathan Apte is a professor.", ["John Apte", "Jonathan Apte"]),
    ("Bill Clinton spoke. Hillary Clinton left.", ["Bill Clinton", "Hillary Clinton"]),
    ("Bob Smith spoke. William Smith left.", ["Bob Smith", "William Smith"]),
    # same first name, different surnames
    ("Josh Apte spoke. Joshua Brown left.", ["Josh Apte", "Joshua Brown"]),
])
def test_different_people_stay_apart(text, expected):
    assert entities(text) == expected


def test_quotes_of_a_pet_form_go_to_the_formal_name():
    text = ('"The air is dirty," said Josh Apte, an engineer.\n\n'
            'Joshua Apte has studied the city for years. "We measured it," he said.')
    assert speakers(text) == ["Joshua Apte", "Joshua Apte"]


# -- an office with "of the" before the name -------------------------------------
# "Chancellor of the Exchequer Gordon Brown": the office and its complement run to
# the first name; the complement ("Exchequer", "House") is no part of the name.

@pytest.mark.parametrize("text, expected", [
    ('"This is the first time," said UK Chancellor of the Exchequer Gordon Brown.', ["Gordon Brown"]),
    ('Chancellor of the Exchequer Gordon Brown said: "We will act."', ["Gordon Brown"]),
    ('"We will act," Speaker of the House Paul Ryan said.', ["Paul Ryan"]),
    ('"The cuts are deep," said Secretary of the Treasury Steven Mnuchin.', ["Steven Mnuchin"]),
    # "of" with no "the", as before
    ('"We will act," said Secretary of State John Kerry.', ["John Kerry"]),
])
def test_an_office_with_of_the_is_no_part_of_the_name(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # no first name after "of the": an office and an institution or place, as before
    ("The President of the United States spoke.", ["United States"]),
    ("He met officials of the Bank of England.", ["Bank of England"]),
    ("The Chancellor of the Exchequer spoke.", ["Exchequer"]),
])
def test_of_the_look_alikes_keep_their_names(text, expected):
    assert entities(text) == expected


def test_a_country_before_a_title_is_the_office_holder():
    text = ('Chancellor of the Exchequer Gordon Brown spoke first.\n\n'
            '"We will go on," said the UK Chancellor.')
    assert speakers(text) == ["Gordon Brown"]
    # with no chancellor named, nobody; and the country itself still speaks
    assert speakers('"We will go on," said the UK Chancellor.') == [None]
    assert speakers('"We will go on," said the UK.') == ["UK"]


# -- the pronoun I with a contracted verb is no name ------------------------------

@pytest.mark.parametrize("text", ["I’m not sure.", "I’ll tell it to somebody else.", "I've seen it.", "I'd say no."])
def test_i_with_a_contraction_is_no_name(text):
    assert entities(text) == []


def test_a_he_after_i_m_goes_to_the_person():
    text = ("Mike Ford wrote for decades.\n\nI’m told the letters were kind.\n\n"
            "“You tell me one,” he said.")
    assert speakers(text) == ["Mike Ford"]


@pytest.mark.parametrize("text, expected", [
    ("Ivan Smith spoke.", ["Ivan Smith"]),  # a name that starts with I
    ("Imogen Poots spoke.", ["Imogen Poots"]),
])
def test_names_starting_with_i_stay(text, expected):
    assert entities(text) == expected


# -- a place glued after a person's name --------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("It was quiet at the Ted Cruz South Carolina victory party.", ["Ted Cruz"]),
    ("It was loud at the Hillary Clinton New York headquarters.", ["Hillary Clinton"]),
    # look-alikes: a three-word name, a person and a place apart, a two-word name
    ("Sarah Jessica Parker spoke.", ["Sarah Jessica Parker"]),
    ("Ted Cruz spoke in South Carolina.", ["South Carolina", "Ted Cruz"]),
    ("George Washington spoke.", ["George Washington"]),
])
def test_a_place_after_a_full_name_is_not_part_of_it(text, expected):
    assert entities(text) == expected


# -- a job noun inside a run, before a first name ------------------------------------
# A capitalised common noun right before a known first name is a job ("NASA
# Administrator Jim Bridenstine"), not part of the name: the lexicon says it is a noun.

@pytest.mark.parametrize("text, expected", [
    ('"We are ready," NASA Administrator Jim Bridenstine said.', ["Jim Bridenstine"]),
    ('"We are ready," said Game Developer Anna Post.', ["Anna Post"]),
    # look-alikes: a first name that is also a noun, names with noun-like first words
    ('"Yes," said Mark Grant Smith.', ["Mark Grant Smith"]),
    ('"No," said Park Geun-hye.', ["Park Geun-hye"]),
    ('"No," said Baker Mayfield.', ["Baker Mayfield"]),
])
def test_a_job_noun_before_a_first_name_is_no_part_of_the_name(text, expected):
    assert speakers(text) == expected


# -- a determiner or quantifier never starts a name -----------------------------------
# "Another", "Either", "Neither", "Any", "Few", "Such" at a sentence's start are
# determiners or pronouns ("Another said he ..."), never a person's name.

@pytest.mark.parametrize("text, expected", [
    ("Another said he hoped to win.", []),
    ("Another notes her summer job in Alaska.", []),
    ("Neither would say more.", []),
    ("Either could win the seat.", []),
    ("Few expected a result.", []),
    ("Such is the mood.", []),
    # look-alikes: a name after the determiner, names that start like one
    ("Another voter, Jane Smith, said no.", ["Jane Smith"]),
    ("Anya Taylor spoke first.", ["Anya Taylor"]),
    ("Anthony Few spoke first.", ["Anthony Few"]),
])
def test_a_determiner_never_starts_a_name(text, expected):
    assert entities(text) == expected


@pytest.mark.parametrize("text", [
    'Another said, "We will win this time."',
    'Another added: "We will win this time."',
])
def test_a_determiner_is_no_speaker(text):
    assert speakers(text) == [None]


# -- "via" is a preposition, never inside a name, in any case -------------------------

@pytest.mark.parametrize("text, expected", [
    ("HUFFPOLLSTER VIA EMAIL! - You can receive this update every morning.", ["HUFFPOLLSTER"]),
    ("Photos Via Getty Images were used.", ["Getty Images"]),
    # look-alikes: a lower-case via between two names, names that start with Vi(a)
    ("Jane Smith via Reuters spoke.", ["Jane Smith", "Reuters"]),
    ("Vivian Smith spoke first.", ["Vivian Smith"]),
    ("Viacom said no.", ["Viacom"]),
])
def test_via_ends_a_name(text, expected):
    assert entities(text) == expected


# -- a party or place before a role noun is no name ----------------------------------
# "the Independent Vermont senator", "a Republican candidate": the capitalised words
# say whom the person represents; the description names the person, they do not.

@pytest.mark.parametrize("text, expected", [
    ("The Independent Vermont senator vowed to fight.", []),
    ("The Ohio governor said no.", []),
    ("A Republican candidate said no.", []),
    ("He met the New Hampshire governor.", []),
    # look-alikes: a name before the role noun, an organisation, a person named beside it
    ("The Vermont senator, Bernie Sanders, said no.", ["Bernie Sanders"]),
    ("The White House spokesman said no.", ["White House"]),
    ("He met the Ohio State coach.", ["Ohio State"]),
    ("The Ted Cruz campaign said no.", ["Ted Cruz"]),
    ("Vermont voters said no.", ["Vermont"]),
])
def test_a_party_or_place_before_a_role_noun_is_no_name(text, expected):
    assert entities(text) == expected


def test_the_description_before_a_role_noun_goes_to_the_person():
    text = ('Independent Vermont Sen. Bernie Sanders spoke on Monday.\n\n'
            'The Independent Vermont senator said, "We will fight for every vote."\n')
    assert speakers(text) == ["Bernie Sanders"]


# -- a first name alone takes the full name the article gives ------------------------
# A short paragraph in which most words are capitalised reads like a title-case
# headline, and its names are cut to the body's forms; a body's lone first name
# must not cut "Melanie Smith" to "Melanie" (the surname after a first name is no
# headline noise).

@pytest.mark.parametrize("text, expected", [
    ('Voters met.\n\nMelanie Smith spoke on Monday.\n\n"No," said Melanie.', ["Melanie Smith"]),
    ('Voters met.\n\nMelanie Pryor Spoke on Monday.\n\n"No," said Melanie.', ["Melanie Pryor"]),
    # look-alike: a body's surname still cuts the headline's noise around it
    ('Rival Hillary Clinton Wins In Iowa\n\nVoters met.\n\n"No," said Hillary Clinton.', ["Hillary Clinton"]),
])
def test_a_first_name_alone_takes_the_full_name(text, expected):
    assert speakers(text) == expected


# -- a party or nation adjective names no one ------------------------------------
# "American negotiators", "the Chinese state press", "a senior Tory MP": the
# adjective modifies the noun after it; "the Republican said": alone after an
# article it stands for one unnamed member. Neither is a name.

@pytest.mark.parametrize("text, expected", [
    ("American negotiators met on Monday.", []),
    ("He read the Chinese state press.", []),
    ("A senior Tory MP has criticised the plan.", []),
    ("Tory leader cleared over work", []),
    ("The Israeli officials left early.", []),
    ("It was said by the Republican on Monday.", []),
    ("A Democrat told the crowd.", []),
    # look-alikes: organisations and places keep their names, and so do the people beside them
    ("The Democrats said no.", ["Democrats"]),
    ("The Republican National Committee said no.", ["Republican National Committee"]),
    ("Chinese President Xi Jinping spoke.", ["Xi Jinping"]),
    ("Republican Ted Cruz spoke.", ["Ted Cruz"]),
    ("Vermont voters said no.", ["Vermont"]),
    ("The Scottish Parliament said no.", ["Scottish Parliament"]),
    ("The Irish Times said no.", ["Irish Times"]),
])
def test_a_party_or_nation_adjective_is_no_name(text, expected):
    assert entities(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('"It was an attempt to mislead," said the Republican.', [None]),
    ('American negotiators said: "We will not sign."', [None]),
    ('"We are ready," said the Chinese state press.', [None]),
    # look-alikes: the person the adjective describes, an organisation, a party
    ('Republican Ted Cruz spoke on Monday. "It was a trick," said the Republican.', ["Ted Cruz"]),
    ('"No," the GOP said.', ["GOP"]),
    ('"No," said Jewish leader Ruth Smith.', ["Ruth Smith"]),
])
def test_a_party_or_nation_adjective_speaks_for_no_one(text, expected):
    assert speakers(text) == expected


# -- a job noun opening a run before a first name --------------------------------
# "Farmer Geoff Brooks", "Guitarist Brian May": at a sentence's start the job noun
# is capitalised, but it is the person's job, not part of the name.

@pytest.mark.parametrize("text, expected", [
    ('Farmer Geoff Brooks, a member of the hunt, said: "It is ridiculous."', ["Geoff Brooks"]),
    ('Guitarist Brian May said: "We will tour."', ["Brian May"]),
    ('Drummer Roger Taylor said: "We will tour."', ["Roger Taylor"]),
    # look-alikes: a first name that is also a noun, a job noun before a lone word
    ('"No," said Rose Smith.', ["Rose Smith"]),
    ('"No," said Hunter Biden.', ["Hunter Biden"]),
    ('Baker Mayfield said: "No."', ["Baker Mayfield"]),
])
def test_a_job_noun_before_a_first_name_is_no_part_of_it(text, expected):
    assert speakers(text) == expected


# -- "Name from Organisation said": the person speaks ----------------------------
# "from" never joins the words of one name: the named person before it speaks,
# and the organisation after it says where they work.

@pytest.mark.parametrize("text, expected", [
    ('"We are lazy," David Noone from Intervoice said.', ["David Noone"]),
    ('David Noone from Intervoice said: "We are lazy."', ["David Noone"]),
    ('"We are lazy," said David Noone from Intervoice.', ["David Noone"]),
    ('"We are lazy," Mr Noone from Intervoice said.', ["Noone"]),
    # look-alikes: no name before "from" (the organisation's spokesman speaks for it)
    ('"We are lazy," a spokesman from Intervoice said.', ["Intervoice"]),
    ('"We are lazy," officials from Intervoice said.', ["Intervoice"]),
])
def test_the_person_from_an_organisation_speaks(text, expected):
    assert speakers(text) == expected


# -- a title or role in the plural is a group, no one ----------------------------
# "MPs said", "Senators said": office holders in the plural name no one person.

@pytest.mark.parametrize("text, expected", [
    ('"It is wrong," MPs said.', [None]),
    ('MPs said: "It is wrong."', [None]),
    ('"It is wrong," Senators said.', [None]),
    ('"It is wrong," Governors said.', [None]),
    # look-alikes: a title that ends in s, surnames that end in s, a titled person
    ('"It is wrong," said Mrs Smith.', ["Smith"]),
    ('"It is wrong," said Mr Rogers.', ["Rogers"]),
    ('"It is wrong," said Edwards.', ["Edwards"]),
    ('"It is wrong," said Sen. Smith.', ["Smith"]),
])
def test_a_plural_title_is_no_speaker(text, expected):
    assert speakers(text) == expected


# -- a romanised Korean given name belongs to the family name before it ------------
# Korean given names are two syllables joined by a hyphen, the second in lower case
# ("Ki-moon", "Geun-hye", "Jae-in"); the family name before them is part of the name
# even when it spells a common word ("Ban", "Moon") at a sentence's start.

@pytest.mark.parametrize("word", ["Ki-moon", "Geun-hye", "Jae-in", "Jong-un", "Hyun-woo"])
def test_hyphenated_given_names(word):
    assert is_hyphenated_given_name(word)


@pytest.mark.parametrize("word", ["Pre-war", "Anti-war", "Post-war", "Self-made", "Co-op", "Sci-fi", "Wi-fi",
                                  "Semi-final", "Mid-term", "Ex-wife", "Hip-hop", "Non-stop", "X-ray", "E-mail",
                                  "Paris-based", "Kilroy-Silk", "Jean-Pierre", "Al-Assad", "Well-known"])
def test_hyphenated_look_alikes_are_no_given_names(word):
    assert not is_hyphenated_given_name(word)


@pytest.mark.parametrize("text, expected", [
    ('The talks ended.\n\nBan Ki-moon, the secretary general, said: "We won."', ["Ban Ki-moon"]),
    ('"We won," said Ban Ki-moon.', ["Ban Ki-moon"]),
    ('Moon Jae-in said: "We won."', ["Moon Jae-in"]),
    ('"We won," said President Moon Jae-in.', ["Moon Jae-in"]),
    ('"We lost," Park Geun-hye told reporters.', ["Park Geun-hye"]),
    # look-alikes: a common word before a hyphenated word that is no given name
    ('Ban Pre-war rules, said Jane Roe: "They are old."', ["Jane Roe"]),
])
def test_a_korean_given_name_keeps_its_family_name(text, expected):
    assert speakers(text) == expected


# -- a title inside a run between an organisation and a full name -----------------
# "Carnegie Mellon Professor Raj Reddy": the words before the title name the
# university, the person's name starts after it.

@pytest.mark.parametrize("text, expected", [
    ('Carnegie Mellon Professor Raj Reddy said: "It is cheap."', ["Raj Reddy"]),
    ('"It is cheap," said Harvard Law Professor Jane Roe.', ["Jane Roe"]),
    ('"It is cheap," said Leeds City Councillor Jane Roe.', ["Jane Roe"]),
    # look-alikes: the title at the start, and a name with no title in it
    ('"It is cheap," said Professor Raj Reddy.', ["Raj Reddy"]),
    ('"It is cheap," said Raj Reddy.', ["Raj Reddy"]),
])
def test_a_title_inside_a_run_starts_the_name(text, expected):
    assert speakers(text) == expected


# -- a two-capital abbreviation of a common noun is no one ------------------------
# "TV", "AD", "HR": a thing written in capitals, never a speaker; company acronyms
# that are no common word ("HP", "GM", "BP") still are.

@pytest.mark.parametrize("text, names", [
    ("The show ran on TV on Monday.", []),
    ("Shows that extend beyond TV films are planned.", []),
    ("TV is dying, critics say.", []),
    # look-alikes: acronyms of companies
    ("Experts at HP said no.", [("HP",)]),
    ("The GM plant closes.", [("GM",)]),
    ("Talks with BP failed.", [("BP",)]),
])
def test_a_common_noun_abbreviation_is_no_name(text, names):
    doc = parsed(text)
    assert [m.words for m in find_names(doc)] == names


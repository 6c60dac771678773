"""Attribution rules, pronoun and description resolution, canonical names."""
from __future__ import annotations

import pytest

from quotes import extract


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(text)]


@pytest.mark.parametrize("text, expected", [
    # reporting verb after the quote, both orders, with an appositive
    ('"It was a mistake," said Anthony Blunt.', ["Anthony Blunt"]),
    ('"It was a mistake," Anthony Blunt said.', ["Anthony Blunt"]),
    ('"It was a mistake," Anthony Blunt, the former spy, said.', ["Anthony Blunt"]),
    ('"It was a mistake," said Mr. Garin, a Democratic pollster.', ["Garin"]),
    # before the quote, with a colon or "that"
    ('Margaret Hale wrote: "We lost everything."', ["Margaret Hale"]),
    ('Margaret Hale said that "nothing would change".', ["Margaret Hale"]),
    # according to
    ('The plan was "doomed from the start," according to Peter Okafor.', ["Peter Okafor"]),
    # split quote: both halves, same speaker
    ('"It was wrong," said Jane Doe, "and I regret it."', ["Jane Doe", "Jane Doe"]),
    # organisation as speaker
    ('"We apologise for the delay," Redbridge Council said.', ["Redbridge Council"]),
])
def test_local_rules(text, expected):
    assert speakers(text) == expected


def test_pronoun_resolves_to_fullest_name():
    text = ("Anthony Blunt worked for MI5.\n\n"
            "Blunt later wrote about it.\n\n"
            '"I made the biggest mistake of my life," he said.')
    (q,) = extract(text)
    assert q.speaker == "Anthony Blunt"
    assert q.speaker_mention == "he"
    assert text[q.speaker_start:q.speaker_end] == "he"


def test_pronoun_gender_skips_a_more_recent_man():
    text = ("Mrs Grace Okafor met Tom Jenkins at the station.\n\n"
            '"It was chaos," she said.')
    (q,) = extract(text)
    assert q.speaker == "Grace Okafor"


def test_same_surname_different_people_stay_apart():
    text = ("Tom Okafor and his sister Grace Okafor run the bakery.\n\n"
            '"We will reopen," said Grace Okafor.\n\n'
            '"I am not so sure," said Tom Okafor.')
    assert speakers(text) == ["Grace Okafor", "Tom Okafor"]


def test_continuation_paragraph_keeps_speaker():
    text = ('"The first part," said Jane Doe.\n\n'
            '"And a second paragraph with no attribution of its own."')
    assert speakers(text) == ["Jane Doe", "Jane Doe"]


def test_surname_and_title_canonicalise():
    text = ("Former spy Anthony Blunt wrote a memoir.\n\n"
            '"I was naive," Mr Blunt said.')
    assert speakers(text) == ["Anthony Blunt"]


def test_no_stated_speaker_is_null():
    text = 'A sign on the door read "Closed for good".'
    quotes = extract(text)
    assert all(q.speaker is None for q in quotes)


def test_record_offsets_are_consistent():
    text = 'Intro.\n\n"It was wrong," said Jane Doe.'
    (q,) = extract(text)
    assert text[q.start:q.end] == q.text == "It was wrong,"
    assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
    assert 0.0 <= q.confidence <= 1.0


def test_headline_words_do_not_join_a_name():
    # In a title-case headline "Rival" is capitalised like the name after it;
    # the body's "Jane Porter" is the name, and the speaker is named after it.
    text = ("Rival Jane Porter Slams Council Over Flood Response\n\n"
            "Jane Porter, who leads the opposition group, spoke on Monday.\n\n"
            '"The council failed every family on that street," Porter said.')
    (q,) = extract(text)
    assert q.speaker == "Jane Porter"


def test_headline_first_name_still_gives_the_fullest_name():
    text = ("Anthony Blunt Memoir Goes On Show\n\n"
            "Blunt wrote the memoir after his exposure.\n\n"
            '"I made the biggest mistake of my life," Blunt wrote.')
    (q,) = extract(text)
    assert q.speaker == "Anthony Blunt"


@pytest.mark.parametrize("text", [
    ("The International Monetary Fund cut its forecast on Tuesday.\n\n"
     '"Growth will be slower than we hoped," the IMF said in its report.'),
    ("The IMF cut its forecast on Tuesday, the International Monetary Fund said.\n\n"
     '"Growth will be slower than we hoped," the IMF said.'),
])
def test_acronym_and_long_name_are_one_organisation(text):
    quotes = extract(text)
    assert [q.speaker for q in quotes] == ["International Monetary Fund"]


def test_acronym_needs_matching_initials():
    text = ("The International Monetary Fund cut its forecast.\n\n"
            '"Growth will be slower," the WTO said.')
    assert [q.speaker for q in extract(text)] == ["WTO"]


def test_a_name_that_modifies_a_description_is_not_the_speaker():
    # "U.S." modifies "senator": the speaker is the senator, never "U.S.".
    text = ("Hillary Clinton answered questions from veterans on Wednesday.\n\n"
            'The former first lady and U.S. senator said it was "a mistake" to use a private server.')
    (q,) = extract(text)
    assert q.speaker != "U.S."


@pytest.mark.parametrize("text, expected", [
    ('"The impact is still small," wrote Cameron Easley for Morning Consult.', "Cameron Easley"),
    ('"Rates will stay low," said Dana Whitfield of Harbour Capital.', "Dana Whitfield"),
    ('"Rates will stay low," said the Bank of England.', "Bank of England"),
])
def test_person_before_of_or_for_is_the_speaker(text, expected):
    assert speakers(text) == [expected]


def test_possessive_person_description_is_not_its_owner():
    text = ("Veteran strategist David Axelrod spoke to CNN on Monday about Barack Obama.\n\n"
            '"That was outrageous," Obama\'s former strategist said.')
    assert speakers(text) == ["David Axelrod"]
    # nobody else is described so: no speaker is named, rather than a made-up "Obama strategist"
    text = ('Barack Obama spoke on Monday.\n\n"That was outrageous," Obama\'s former strategist said.')
    assert speakers(text) == [None]


def test_previous_speaker_stays_the_antecedent_over_a_run_of_quotes():
    text = ("Melanie Grant, 52, has been to nine rallies this year.\n\n"
            '"I love the crowds," Grant said.\n\n'
            "The rallies began in March.\n\n"
            "The first was in a school gym.\n\n"
            "The second drew thousands.\n\n"
            "Some compared the mood to the funeral of Justice Antonin Scalia.\n\n"
            '"Here he comes," she said.')
    assert speakers(text) == ["Melanie Grant", "Melanie Grant"]


def test_office_with_of_before_a_name_is_a_title():
    text = ("In a statement, Republican Secretary of State Jon Husted said the decision was wrong.\n\n"
            '"We will appeal," he said.')
    assert speakers(text) == ["Jon Husted"]


def test_a_lone_title_in_a_headline_is_the_person_holding_it():
    text = ("Mayor calls flood damage 'a disgrace'\n\n"
            "Mayor Jane Porter visited the river on Monday.\n\n"
            '"We will rebuild," Ms Porter said.')
    assert speakers(text) == ["Jane Porter", "Jane Porter"]


def test_pronouns_outvote_a_first_name_both_sexes_bear():
    # "Terry" is on the male first-name list; the two "she"s after the name decide.
    text = ("Police officers were praised on Monday.\n\n"
            '"They saved lives," said the widow Terry Strada. She was at the scene, and she stayed.\n\n'
            'Mr. Jones, the chief, thanked the crews.\n\n'
            'She continued, "We will not forget this."')
    assert speakers(text)[-1] == "Terry Strada"


def test_headline_subject_is_first_of_several_names():
    # In a title-case headline the capitalised run swallows verb and object
    # ("Martha Greaves Slams Tom Pardoe Over"): its subject is the first name.
    text = ("Martha Greaves Slams Tom Pardoe Over ‘Reckless Spending Plans’\n\n"
            "Council leader Martha Greaves attacked Tom Pardoe on Monday. Pardoe, the opposition "
            "leader, had proposed a new budget.\n\nGreaves said the plan would bankrupt the borough.")
    # (the rules' choice: in a text whose only quotation marks hold a short
    # title-case phrase, the quote filter, which has seen titles of many kinds
    # of article, may take it for a title, issue #15)
    from quotes.pipeline import process
    from quotes.records import Document

    assert [q.speaker for q in process(Document("d", text), rules_only=True).quotes] == ["Martha Greaves"]
    # in an article that quotes people, the headline's quote is kept, and is hers
    article = ("Martha Greaves Slams Tom Pardoe Over ‘Reckless Spending Plans’\n\n"
               "Council leader Martha Greaves attacked Tom Pardoe on Monday. “These are reckless spending "
               "plans that would bankrupt the borough,” she said.\n\n"
               "Pardoe, the opposition leader, said the criticism was “unfair and untrue.”")
    assert speakers(article) == ["Martha Greaves", "Martha Greaves", "Tom Pardoe"]


@pytest.mark.parametrize("text", [
    # a dateline names where the story was filed, not who speaks
    "SPRINGFIELD — Governor Ruth Abney on Friday branded the ruling “a betrayal of every family here.”",
    "LAKE CITY, Ore. (AP) — Mayor Ruth Abney on Friday branded the ruling “a betrayal.”",
    "LAKE CITY, Ore., Oct. 4 (UPI) — Mayor Ruth Abney on Friday branded the ruling “a betrayal.”",
    "Springfield (AFP) – Mayor Ruth Abney on Friday branded the ruling “a betrayal.”",
    # "That’s", "It’s": a contracted verb after a word that names no one
    "That’s a plan Governor Ruth Abney branded “a betrayal.”",
    "It’s a ruling Mayor Ruth Abney has branded “a betrayal.”",
])
def test_sentence_subject_skips_datelines_and_expletives(text):
    from quotes.pipeline import process
    from quotes.records import Document

    assert [q.speaker for q in process(Document("d", text), rules_only=True).quotes] == ["Ruth Abney"]


@pytest.mark.parametrize("text", [
    # an appositive whose closing comma is missing: the name before the verb is
    # the object of its preposition, the subject is the name before the comma
    "Ruth Abney, who is chair of Better Roads Now said, “The plan is a mess.”",
    "Ruth Abney, a former adviser to Governor Tom Pardoe has written that he was “reckless.”",
    "Ruth Abney, president and CEO of Marlow Housing Trust stated, “It is a math problem.”",
])
def test_subject_before_an_unclosed_appositive(text):
    from quotes.pipeline import process
    from quotes.records import Document

    assert [q.speaker for q in process(Document("d", text), rules_only=True).quotes] == ["Ruth Abney"]


@pytest.mark.parametrize("text, expected", [
    # a new person opens a sentence between the previous quote and "she said"
    ("Nurses at the hospital say the wards are full.\n\n"
     '"We have no beds left," said Helen Marsh, a ward sister.\n\n'
     'Patricia Doyle, 79, waited 31 hours on a trolley. "Nobody came to see me," she said.',
     ["Helen Marsh", "Patricia Doyle"]),
    ('"It was a rout," said Chris Matthews, the host.\n\n'
     'Dan Morley, a columnist, agreed with Matthews. "Pence won it easily," he said.',
     ["Chris Matthews", "Dan Morley"]),
])
def test_person_introduced_after_previous_quote_is_the_antecedent(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the newcomer is a man: "she" keeps the previous speaker
    ('"We have no beds left," said Helen Marsh, a ward sister.\n\n'
     'Patrick Doyle, 79, waited 31 hours on a trolley. "He was very patient," she said.',
     ["Helen Marsh", "Helen Marsh"]),
    # a name inside the previous speaker's sentence, not opening one, is no newcomer
    ('"We can float like butterflies," Mr. Obama said, not needing to name its author, Muhammad Ali, '
     'who died in June. Black Americans, he said, can "rock like Jimi."',
     ["Obama", "Obama"]),
])
def test_previous_speaker_kept_without_a_compatible_newcomer(text, expected):
    assert speakers(text) == expected


def _rule_speakers(text: str) -> list[str | None]:
    from quotes.pipeline import process
    from quotes.records import Document

    return [q.speaker for q in process(Document("d", text), rules_only=True).quotes]


@pytest.mark.parametrize("text", [
    # a reporting-verb form after a determiner or possessive is a noun, not a verb
    "Ruth Abney, a local historian, called Mr. Pardoe's remarks on Sunday “an insult to the town.”",
    "Ruth Abney dismissed the report as “a fairy tale for voters.”",
])
def test_reporting_word_used_as_a_noun_has_no_subject(text):
    assert _rule_speakers(text) == ["Ruth Abney"]


def test_possessive_claim_that_keeps_the_claimant():
    text = "The audit looked into Tom Pardoe’s claim that the road cost “barely a penny more” than planned."
    assert _rule_speakers(text) == ["Tom Pardoe"]


@pytest.mark.parametrize("text", [
    # a reporting verb after a comma with its subject after it
    "Tom Pardoe “spent the money twice” during his last term, said Ruth Abney.",
    "Tom Pardoe lost the vote, explained Ruth Abney, “because nobody trusted him.”",
])
def test_inverted_subject_after_a_comma(text):
    assert _rule_speakers(text) == ["Ruth Abney"]


@pytest.mark.parametrize("text", [
    # "said Pardoe “…”" and "said the audit was …" open what was said: no inversion
    "Ruth Abney, who chaired the inquiry, said Tom Pardoe “never read the contracts.”",
    "Ruth Abney, who chaired the inquiry, said the audit was “a whitewash from start to finish.”",
])
def test_name_opening_the_reported_clause_is_no_inverted_subject(text):
    assert _rule_speakers(text) == ["Ruth Abney"]


@pytest.mark.parametrize("text", [
    # introductory phrases: a participle, a town and its state, a day
    "Facing questions from Labour and the Greens, Ruth Abney branded the scheme “a bargain.”",
    "Reading from a prepared text, Ruth Abney branded the scheme “a bargain.”",
    "At a meeting in Dover, Del., on Tuesday, Ruth Abney branded the scheme “a bargain.”",
    "Speaking at a fair in Hollis, New Hampshire, Ruth Abney branded the scheme “a bargain.”",
    "Reached by the Courier, Ruth Abney denied any split, explaining that she was “on holiday.”",
    # a capitalised modifier and a role before the name
    "Green Party council leader Ruth Abney branded the scheme “a bargain.”",
    "Welsh historian Ruth Abney branded the scheme “a bargain.”",
    # a reporting verb inside an opening subordinate clause is someone else's
    "When Tom Pardoe suggested that the bridge would close, Ruth Abney shot back: “Not while I am here.”",
    # the agent of a passive "asked by" asks the question
    "Tom Pardoe was asked by moderator Ruth Abney, who chaired the debate, “Will you cut the rates?”",
])
def test_sentence_subject_past_intros_and_roles(text):
    assert _rule_speakers(text) == ["Ruth Abney"]


@pytest.mark.parametrize("text, expected", [
    # a verb or plural right after the capitalised word is no role ("Abney slams Pardoe")
    ("Ruth Abney exhorted voters to “think of the children.”", ["Ruth Abney"]),
    ("Ruth Abney heckles Pardoe supporters: “Go home.”", ["Ruth Abney"]),
    # "According to X, …" names its source; "As X said, …" too
    ("According to Ruth Abney, the council was “asleep at the wheel.”", ["Ruth Abney"]),
])
def test_sentence_subject_keeps_what_is_no_intro_or_role(text, expected):
    assert _rule_speakers(text) == expected


@pytest.mark.parametrize("text", [
    # "put it" reports speech
    "As Ruth Abney, the council's treasurer, put it: “We are broke.”",
    "Tom Pardoe was, as Ruth Abney put it in a letter to members, “a menace to the budget.”",
])
def test_put_it_is_a_reporting_cue(text):
    assert _rule_speakers(text) == ["Ruth Abney"]


def test_base_form_after_a_and_a_name_is_a_noun():
    text = "Ruth Abney is describing as “childish” a Tom Pardoe tweet about the fire station."
    assert _rule_speakers(text) == ["Ruth Abney"]


@pytest.mark.parametrize("text", [
    # a place or an object after a preposition is not the sentence's subject
    "Here in Dover, Ruth Abney stepped up her attacks, saying, “The council is asleep.”",
    "On Tuesday, even as shares of Pardoe Holdings were tumbling, Ruth Abney wrote to members, "
    "telling them the firm was “worth far more.”",
    "Like Tom Pardoe, Ruth Abney rejected the plan, arguing that it was “a bargain for nobody.”",
])
def test_sentence_subject_skips_objects_of_prepositions(text):
    assert _rule_speakers(text) == ["Ruth Abney"]


@pytest.mark.parametrize("text", [
    # the object of a preposition is where or what, never who, even when no one
    # else in the sentence could be the subject (no rule speaker: the ranker decides)
    "According to the exit polls in Dover, 24% of voters wanted someone who would “tell it like it is.”",
    "But since cresting in Kent, his “people's army” has faded.",
    "The protest drew a crowd of about 800 in Sumter, where the mood was “electric.”",
    "His claim, made on Pardoe Radio, was that voters would “come home.”",
])
def test_object_of_a_preposition_is_no_fallback_subject(text):
    assert _rule_speakers(text) == [None]


@pytest.mark.parametrize("text, speaker", [
    # look-alikes: a subject after the place still speaks
    ("In Dover, Ruth Abney called the vote “a disgrace.”", "Ruth Abney"),
    ("At the rally in Sumter, Tom Pardoe promised “a new dawn.”", "Tom Pardoe"),
])
def test_subject_after_a_place_still_speaks(text, speaker):
    assert _rule_speakers(text) == [speaker]


def test_sentence_subject_falls_back_to_an_object_when_no_one_else_is_named():
    text = "There is still time for Ruth Abney to win back the “silent majority.”"
    assert _rule_speakers(text) == ["Ruth Abney"]


def test_party_adjective_before_a_plural_cue_is_no_subject():
    text = "FactWatch rated 32% of Republican claims as “false” this year."
    assert _rule_speakers(text) == ["FactWatch"]


def test_role_after_an_opening_possessive_leads_to_the_person():
    text = "Ruth Abney’s campaign manager Tom Pardoe said as much, arguing that the plan “cannot work.”"
    assert _rule_speakers(text) == ["Tom Pardoe"]


@pytest.mark.parametrize("text", [
    "After Ruth Abney said that pupils might do better at “smaller schools,” Tom Pardoe said he disagreed.",
    "But even as Ruth Abney claimed that “the budget is safe,” one of her aides said otherwise.",
])
def test_quote_closing_an_opening_subordinate_clause_is_its_verbs(text):
    assert _rule_speakers(text) == ["Ruth Abney"]


@pytest.mark.parametrize("text", [
    "Ruth Abney, a 55-year-old teacher from Sumter, South Carolina, says Pardoe will “leave here with momentum.”",
    "Ruth Abney, chairman of the board of Pardoe Partners, the network's funding arm, said it would act only "
    "if “a candidate were able to win.”",
    "Ruth Abney, a pollster who is working with Priorities Kent, a pro-Pardoe group, said the vote showed him "
    "as “strong, smart and resilient.”",
])
def test_appositive_inside_an_appositive_leaves_the_opening_name(text):
    assert _rule_speakers(text) == ["Ruth Abney"]


@pytest.mark.parametrize("text", [
    # a capitalised reporting-verb form inside running text is part of a name
    "Ruth Abney said the United States “must pay its share.”",
    "Ruth Abney wants the Islamic State group “wiped off the map.”",
    "Ruth Abney blamed the U.S. State Department for the “slow response.”",
])
def test_capitalised_cue_word_inside_a_name_is_no_verb(text):
    assert _rule_speakers(text) == ["Ruth Abney"]


def test_capitalised_cue_word_in_a_title_case_headline_is_a_verb():
    text = "Ruth Abney Says Her Rival Is ‘A Menace To The Budget’\n\nThe race goes on."
    assert _rule_speakers(text) == ["Ruth Abney"]


@pytest.mark.parametrize("text", [
    # a second quote in the same sentence keeps the first one's speaker; the name
    # between the two is an object, not a new subject
    "Ruth Abney says her “old friend” Tom Pardoe ran “a clean campaign.”",
    "Ruth Abney, who once called Tom Pardoe “a menace” and “a bore,” clearly wanted the crowd to “boo” him.",
])
def test_quote_after_another_in_its_sentence_keeps_the_speaker(text):
    assert set(_rule_speakers(text)) == {"Ruth Abney"}


@pytest.mark.parametrize("text, expected", [
    # a sentence that opens with a possessive and a speaker noun: the owned party speaks
    ("Tom Pardoe is running again. Pardoe’s lawyers told the court he had been “treated unfairly.”",
     ["Tom Pardoe lawyers"]),
    ("Tom Pardoe is running again. Pardoe’s campaign shrugged off the poll, telling reporters, “It means nothing.”",
     ["Tom Pardoe campaign"]),
    ("Pardoe’s campaign chairman, Ruth Abney, dismissed the poll as “noise.”", ["Ruth Abney"]),
    ("Tom Pardoe is running again. Pardoe’s office said in a statement, “He will not resign.”",
     ["Tom Pardoe office"]),
    # a document still speaks for its owner
    ("Tom Pardoe is running again. Pardoe’s memoir calls the race “a circus.”", ["Tom Pardoe"]),
])
def test_possessive_speaker_noun_opening_a_sentence_speaks(text, expected):
    assert _rule_speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a quote that opens its sentence, then a name and a verb the cue list lacks
    ("Tom Pardoe spoke first.\n\n“Will you cut the rates?” Ruth Abney pressed. “Or raise them?”",
     ["Ruth Abney", "Ruth Abney"]),
    ("Tom Pardoe spoke first.\n\n“Go back to the office,” Ruth Abney barked at him.", ["Ruth Abney"]),
    # a form of "be" is no verb of speaking
    ("Ruth Abney said the count was “a good start,” they were “far from done.”", ["Ruth Abney", "Ruth Abney"]),
])
def test_name_and_unlisted_verb_after_an_opening_quote(text, expected):
    assert _rule_speakers(text) == expected


def test_gendered_description_skips_a_person_of_the_other_sex():
    text = ("Tom Pardoe, a builder, spoke after Ruth Abney at the town hall.\n\n"
            "Mrs. Abney said it was “a mistake” to close the library.\n\n"
            "“We need change,” the local businessman said.")
    assert _rule_speakers(text) == ["Ruth Abney", "Tom Pardoe"]


@pytest.mark.parametrize("text, expected", [
    # a definite description of an organisation with a proper modifier names that body
    ("The French foreign ministry said it “regrets any decision” of the kind.", "French foreign ministry"),
    ("The Welsh health ministry said the leak was “under control”.", "Welsh health ministry"),
    ("Russia's foreign ministry said it viewed the move as “a step back”.", "Russia's foreign ministry"),
    ("The Pardoe campaign said the report was “a smear”.", "Pardoe campaign"),
])
def test_definite_organisation_description_names_its_body(text, expected):
    assert _rule_speakers(text) == [expected]


@pytest.mark.parametrize("text", [
    # look-alikes: no proper modifier, or an indefinite one, names no particular body
    "The foreign ministry said it “regrets any decision” of the kind.",
    "A French ministry said it “regrets any decision” of the kind.",
    "The local council said the report was “a smear”.",
    # a nation's adjective names only a state's own body; a date names none
    # (with a company before it, "the German company" is that company: test_descriptions.py)
    "Shares fell on Monday. “We will appeal,” the German company said.",
    "The British bank said the fee was “fair”.",
    "The January committee said the vote was “final”.",
    "The Tuesday council said the plan was “dead”.",
])
def test_organisation_description_without_a_proper_modifier_names_none(text):
    assert _rule_speakers(text) == [None]


@pytest.mark.parametrize("text", [
    # a two-capital abbreviation of a common noun ("TV", "PC") is a thing, never the subject
    "The new shows extend beyond TV series, including films like “The Long Night.”",
    "A campaign TV ad released Thursday accuses the council of “a pattern of waste.”",
])
def test_common_noun_abbreviation_is_no_subject(text):
    assert _rule_speakers(text) == [None]


def test_subject_after_a_common_noun_abbreviation_still_speaks():
    # look-alike: the person who follows speaks
    text = "On live TV, Ruth Abney called the plan “a disgrace.”"
    assert _rule_speakers(text) == ["Ruth Abney"]

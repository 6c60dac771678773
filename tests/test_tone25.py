"""Issue #16's tone-25 kinds (readings a blind suite found missing), each read as a
fact of English, with invented sentences of its kind (forms, tenses, persons) and
look-alikes that must not change (negation, others' acts, conditions, fixed phrases).

None of these sentences is taken from a labelled or blind set; nothing is trained on them.
"""
from __future__ import annotations

import pytest

from quotes.tone import score_texts
from tests.test_tone_probes import case_adder, print_probe_report, score_probes

CASES: list[tuple[str, str, str, bool]] = []
add = case_adder(CASES)


g = "self-blame as cause and effect"
add(g, "regret", True, [
    "I cost us the game.", "I cost the team the match today.", "My error cost us the title.",
    "People were hurt because of my decision.", "Our patients suffered because of our decision.",
    "I lost my temper and the team suffered for it.",
    "I acted far too late.", "We acted too slowly.", "I reacted far too late.",
    "That one's on me.", "This one is on me.",
    "I'd give my right arm to undo that tackle.", "I would give anything to undo that decision.",
    "If I could take back those words I would.", "I wish I could take back what I said.",
])
add(g, "regret", False, [
    "He cost us the game.", "The referee cost us the match.", "It cost us a lot of money.",
    "The new stadium cost us forty million.", "People were hurt because of his decision.",
    "I didn't cost us the game.", "They acted far too late.", "The council acted too slowly.",
    "Drinks are on me.", "The next round is on me.", "I'd give my right arm for a ticket.",
    "I would not take back a single word.", "I take back nothing.",
    "We won because of my goal.", "No one was hurt because of my decision.",
    "He lost his temper and the team suffered for it.", "If people get hurt because of my decision, I will resign.",
    "They waited too long.", "She reacted too slowly.",
])
g = "an organisation apologising for itself"
add(g, "regret", True, [
    "The trust apologises to the patients for the distress our staff caused.",
    "The club accepts it failed its supporters this season.",
    "The board accepts that it failed its members.",
    "The association accepts it let its players down.", "The association admits it failed its members.",
])
add(g, "regret", False, [
    "The trust demands an apology from the contractor.",
    "The club says the council failed its supporters.",
    "The board does not accept that it failed its members.", "The council failed its residents.",
])
g = "a regret noun owned by the speaker"
add(g, "regret", True, [
    "My one regret is that I never told her.", "My only regret was not scoring.",
    "Our only regret is that we didn't finish the job.", "My biggest regret is leaving so early.",
    # an answer "I have no ..." of something else names the regret (review11: these
    # were read as "I have none")
    "My one regret? I have no medal to show for it.", "My biggest regret? We have no trophy after all those years.",
])
add(g, "regret", False, [
    "My one regret? I have none.", "No regrets.", "I have no regrets at all.",
    "Regrets? We have no regrets.", "Any regrets? I have no regret at all.",
    "His only regret was the weather.",
])
g = "accepting one's part"
add(g, "regret", True, [
    "I accept my share of the blame.", "I accept my part in what went wrong.",
    "We accept our share of the blame.", "I accept my share of responsibility for the defeat.",
    "I take my share of the blame.",
])
add(g, "regret", False, [
    "He must accept his share of the blame.", "I don't accept any share of the blame.",
    "I accept my share of the prize money.", "They should accept their part in what went wrong.",
])
g = "not regret: conditional apology, others' admission, demands, fiction"
add(g, "regret", False, [
    "If I'm proved wrong, I'll happily apologise.", "If I am wrong I will apologise.",
    "If it turns out I was mistaken, I'll apologise.",
    "The ministry admitted it had got the figures wrong.", "The company admitted it had made mistakes.",
    "The bank admitted that it was wrong.",
    "The government must take responsibility for this.", "Players have to take responsibility for their diet.",
    "Parents need to take responsibility for their children.",
    "Apologise, and we can all move on.", "Say sorry and we can all move on.",
    "In the play I portray a woman consumed by guilt.", "In the film I play a man racked with regret.",
    "He admitted he had made mistakes.", "You have to apologise to her.",
])
add(g, "regret", True, [
    "I was wrong and I apologise.", "We got the figures wrong.", "I take responsibility for this.",
    "I apologise.", "The company admits it made mistakes.", "We have to take responsibility for this.",
    "I played a part in what went wrong and I am sorry.", "I must apologise to the fans.",
    # an adverb is no subject: the speaker's "I" left out (review11: read as another's duty)
    "Really need to apologise to the fans.", "Obviously have to take responsibility for that.",
    "Just have to hold my hands up and apologise.",
])
g = "shock with no shock word"
add(g, "shock", True, [
    "When they read out my name, my legs went.", "My legs just went when I saw the score.", "I just sat there with my mouth open.",
    "I had to sit down when I heard.", "We had to sit down.",
    "I thought it was a wind-up when they called.", "I thought it was a joke when they rang.",
    "This can't be happening.", "This cannot be happening.",
    "Never in my wildest dreams did I think we would win.", "Never in my wildest dreams.",
    "Never in a million years did I think I'd be here.", "Never in a million years.",
    "I was taken aback.", "We were a bit taken aback by the result.", "I was really taken aback by it.",
    "I had to read it twice.", "I had to read the letter twice.",
])
add(g, "shock", False, [
    "I sat down with the team.", "I had to sit down with the manager to talk.",
    "Please sit down.", "My legs went numb after the run.",
    "I thought it was a good idea.", "It is happening.", "This can't happen again.",
    "In my dreams I see her.", "A million years ago.",
    "He was taken aback.", "She was taken aback by the question.",
    "I read the report twice and I agree with it.", "I read it twice to be sure of the figures.",
])
g = "not shock: hair, shockingly as an intensifier"
add(g, "shock", False, [
    "He has a shock of white hair.", "A shock of red hair fell over her eyes.",
    "The tickets were shockingly cheap.", "It is shockingly good value.", "The food was shockingly good.",
])
add(g, "shock", True, [
    "The tickets were shockingly expensive.", "The service was shockingly bad.", "It was a shock to us all.",
    "I was shocked.",
    # a measure barely positive in the lexicon is no praise: appalled
    "Levels of child poverty remain shockingly high.", "The fees are shockingly high.", "Wages are shockingly low.",
    "It was shockingly easy to buy a gun.", "It is shockingly simple to fake a passport.",
])


@pytest.mark.parametrize("group", sorted({c[0] for c in CASES}))
def test_tone25_group(group):
    cases = [c for c in CASES if c[0] == group]
    groups, _, wrong = score_probes(cases)
    right, total = groups[group]
    # Each kind's probes all right (they are the readings of tone-25).
    assert right == total, wrong


# Review of tone-25: the cause-and-effect reading needs an act of one's own behind
# "because of my ..." and the speaker's side or people harmed as the sufferer.
@pytest.mark.parametrize("text, expected", [
    ("We pressed high and they paid for it.", False),
    ("I scored twice and they paid the price.", False),
    ("We kept attacking and they suffered for it.", False),
    ("I was badly hurt because of my illness.", False),
    ("She was injured because of my dog.", False),
    ("People were hurt because of my decision.", True),
    ("I lost my temper and the team suffered for it.", True),
    ("I made mistakes and the fans paid for it.", True),
    ("Families suffered because of our mistakes.", True),
])
def test_self_blame_needs_an_own_act_and_a_sufferer_of_ones_side(text, expected):
    assert (score_texts([text])[0].regret >= 0.5) == expected


if __name__ == "__main__":
    print_probe_report(CASES)

"""Issue #16's tone-27 kinds (readings a blind suite found missing), each read as a
fact of English, with invented sentences of its kind (forms, tenses, persons) and
look-alikes that must not change (others' acts, praise, conditions, themes).

None of these sentences is taken from a labelled or blind set; nothing is trained on them.
Every probe is asserted except the few in KNOWN_MISSES (kinds left for later);
``python -m tests.test_tone27`` prints each group's share.
"""
from __future__ import annotations

from tests.test_tone_probes import case_adder, print_probe_report, round_tests

CASES: list[tuple[str, str, str, bool]] = []
add = case_adder(CASES)


g = "let down: a long object, an opener"
add(g, "regret", True, [
    "To be honest, I let my team-mates down.", "Honestly, I let the whole squad down.",
    "I let Mrs Okafor and her children down badly.", "I let Dr Reyes and the nurses down.",
    "Frankly, we let the supporters down.", "To be fair, we let our own fans down today.",
    "I feel I let my family and my friends down.", "We let the people of this town down.",
])
add(g, "regret", False, [
    "To be honest, he let his team-mates down.", "Frankly, they let the supporters down.",
    "I won't let my team-mates down.", "Mr Hughes let his family down.",
    "To be honest, I never let my team-mates down.", "We let the blinds down at night.",
    "Frankly, the board let the supporters down.",
])
g = "regret without a regret word"
add(g, "regret", True, [
    "I'd give anything to undo that night.", "We would give anything to undo what happened.",
    "I wish I could take those comments back.", "I wish I could take back what I said.",
    "If I could take those words back, I would.",
    "I think about that call every day and how I'd handle it differently.",
    "I think about that decision all the time and what I could have done differently.",
    "I overstepped the mark, and I know it.", "I went too far.", "We went too far with the joke.",
    "I overstepped the line.", "My conduct fell short and I will do better.",
    "My behaviour fell short of what people expect.", "Our service fell short and we will do better.",
    "My language was unacceptable.", "My comments were unacceptable.", "My behaviour was inexcusable.",
    "I wasn't at my best and the supporters deserved better from me.",
    "The fans deserved better from us.", "The families deserved better from me.",
])
add(g, "regret", False, [
    "He went too far.", "They overstepped the mark.", "His conduct fell short.",
    "Their language was unacceptable.", "His comments were unacceptable.",
    "I went further than anyone expected.", "We went far in the cup this year.",
    "I'll do better next season.", "We will do better next year.",
    "The fans deserved a trophy.", "The fans deserved better from the referee.",
    "I wish I could take the dog with me.", "I'd give anything to see them win.",
    "I think about my grandmother every day.", "My language was French.",
    "I don't think I went too far.", "The prices fell short of forecasts.",
    "He wishes he could take those comments back.", "I'd give anything to undo his decision.",
    "It has gone too far.", "Things went too far.", "This is unacceptable.", "I find his comments unacceptable.",
    "I don't think my language was unacceptable.", "If my language was unacceptable, I will apologise.",
    "I'd never take back those words.", "I think about my grandmother every day and how she'd laugh.",
    "He thinks about that call every day and how he'd handle it differently.",
    "I think about that call every day and I wouldn't change a thing.",
    "Our opponents fell short.", "The prices fell short of forecasts.",
])
add(g, "regret", True, [
    "We went too far, and I apologise.", "I replay the final in my head and what I could have done.",
    "I wish I could take back what I said.", "Our defending fell short of the standard.",
])
g = "not regret: a conditional future regret or owning"
add(g, "regret", False, [
    "If we don't act now, I'll regret it for ever.", "If we don't act now, we will regret it forever.",
    "If the review shows we got it wrong, we will hold our hands up.",
    "If I'm wrong, I'll hold my hands up.", "Unless we act, I'll regret it for the rest of my life.",
    "If it turns out we made a mistake, we will own it.",
])
add(g, "regret", True, [
    "I got it wrong, and I hold my hands up.", "We got it wrong and we hold our hands up.",
    "I'll regret that decision for the rest of my life.",
])
g = "not regret: waiting for another's apology"
add(g, "regret", False, [
    "We are still waiting for an apology from the council.", "I'm still waiting for an apology.",
    "We have yet to hear the club say sorry.", "We have yet to receive an apology from the company.",
    "We're still waiting for them to apologise.", "I have yet to hear anyone apologise.",
    "Families are still waiting for an apology.", "I'm sorry to have kept you waiting so long.",
])
add(g, "regret", True, [
    "We apologise to everyone still waiting for their tickets.",
    "I have yet to forgive myself for that mistake.",
])
g = "not regret: another's act called a mistake"
add(g, "regret", False, [
    "The council's decision was a mistake from the start.", "Their whole approach was an error.",
    "The government's plan is a mistake.", "The referee's call was a blunder.",
    "His decision to leave was a mistake.", "The board's choice was an error of judgement.",
    "The mistake was the referee's.", "Mr Smith's plan is a mistake.",
])
add(g, "regret", True, [
    "My decision was a mistake from the start.", "Our whole approach was an error.",
    "My decision to leave was a mistake.", "Our choice was an error of judgement.",
    "My team's decision was a mistake.", "The mistake was mine.",
])
g = "not regret: shame aimed at others with a modal"
add(g, "regret", False, [
    "The board ought to be ashamed of this.", "They should be embarrassed.",
    "The minister should be ashamed of himself.", "They ought to feel ashamed.",
    "Whoever did this should be ashamed.", "The club should be embarrassed by the way it has behaved.",
])
add(g, "regret", True, [
    "I am ashamed of what I did.", "We are embarrassed by the way we behaved.",
    "I'm ashamed of myself.",
])
g = "not regret: regret as a theme"
add(g, "regret", False, [
    "It's a song about love and regret.", "A novel full of regret, and I loved writing it.",
    "The film is about loss and regret.", "The album is full of longing and regret.",
    "It's a play about guilt and remorse.", "Her poems deal with regret.",
])
add(g, "regret", True, [
    "I'm full of regret.", "My life is full of regret about that night.",
    "I'm full of remorse for what I did.", "I wrote a letter of apology.",
    "It's a story of loss and regret, and I'm full of regret myself.",
])
g = "shock: a sentence adverb of surprise"
add(g, "shock", True, [
    "Surprisingly, nobody objected.", "Astonishingly, the lights were still on.",
    "Amazingly, no one was hurt.", "Incredibly, the roof held.",
    "Surprisingly, the council agreed.", "Astonishingly, nobody was charged.",
    "Staggeringly, the bill was never paid.", "Remarkably, the lights were still on.",
])
add(g, "shock", False, [
    "Not surprisingly, nobody objected.", "Unsurprisingly, the council agreed.",
    "Predictably, nobody objected.", "Amazingly good players won the day.",
    "Luckily, nobody was hurt.",
])
# (decided by the guideline, which lists "surprisingly" as shock: before an adjective it
# keeps its sense, the speaker's surprise at the degree, as tone-25 decided on the news
# train CV; "not surprisingly" and "unsurprisingly" are negation)
add(g, "shock", True, ["The food was surprisingly good value.", "It was surprisingly cheap."])
g = "shock: the speaker inside a group, partitive"
add(g, "shock", True, [
    "All of us on the board were stunned.", "Every one of us was astonished by the figures.",
    "Each of us was shocked.", "All of us were stunned.", "Both of us were astonished.",
    "None of us could believe it.", "Most of us were stunned by the result.",
])
add(g, "shock", False, [
    "All of them were stunned.", "Every one of the directors was astonished by the figures.",
    "None of us were surprised.", "All of us were pleased.",
    "Some of them were shocked.", "All of us would be stunned if it happened.",
])
g = "shock: inner speech of disbelief"
add(g, "shock", True, [
    "I remember thinking: this can't be real.", "I kept saying to myself, this isn't happening.",
    "I remember thinking, this can't be happening.", "We were all thinking, this can't be right.",
    "I just kept thinking, is this really happening?", "I said to myself, this cannot be true.",
])
add(g, "shock", False, [
    "I remember thinking: this will be fun.", "I kept saying to myself, stay calm.",
    "He kept saying to himself, this isn't happening.", "I remember thinking it would rain.",
    "This isn't happening on my watch.", "I said to myself, this is the right decision.",
    "She kept thinking, this can't be real.",
])
g = "shock: a bodily idiom"
add(g, "shock", True, [
    "My jaw hit the floor.", "My mouth fell open.", "My jaw dropped.", "Our jaws hit the floor.",
    "My jaw was on the floor.", "My mouth just fell open when I saw it.",
])
add(g, "shock", False, [
    "His jaw hit the floor.", "I hit the floor.", "The bag fell open.", "My mouth was dry.",
    "I broke my jaw.", "My bag fell open on the floor.", "Her mouth fell open.",
])
g = "shock: one's own judgement of what was found"
add(g, "shock", True, [
    "The inspectors came. What they found was appalling.", "The doctors arrived. What they saw was horrific.",
    "What we found was appalling.", "What the inspectors found was shocking.",
    "The police went in. What they discovered was horrifying.",
])
add(g, "shock", False, [
    "She said the conditions were appalling.", "He said the service was shocking.",
    "The inspectors came. They said the conditions were appalling.",
    "What they found was reassuring.", "What they found was not shocking.",
])
g = "not shock: surprise as a tactic"
add(g, "shock", False, [
    "Surprise is our best weapon.", "We have the element of surprise.",
    "We lost the element of surprise.", "Surprise was on our side.",
    "The element of surprise is everything in this game.", "They used surprise to their advantage.",
    "He used surprise as a weapon.",
])
add(g, "shock", True, [
    "The surprise for me was how quiet it was.", "It was a real surprise to me.",
    "To my surprise, nobody came.", "Surprise is an understatement.",
])
g = "not shock: praise of a performance after the noun"
add(g, "shock", False, [
    "The defence was incredible all night.", "Our keeper was unbelievable today.",
    "Our keeper was unbelieveable today.", "The fans were incredible tonight.",
    "The lads were unbelievable in the second half.", "Our midfield was incredible.",
    "The crowd was unbelievable all afternoon.", "The performance was incredible.",
])
add(g, "shock", True, [
    "The decision was unbelievable.", "The price was incredible, I couldn't believe it.",
    "The conditions were unbelievable.", "The fees were incredible.",
])

# Probes tone-27 still gets wrong, each a kind left for later (named in the
# commit): no other probe may be wrong, and these may only get fixed.
KNOWN_MISSES = {
    "Our whole approach was an error.",  # "error" alone is no cue word (only "my error", "made an error")
}


test_tone27_group, test_known_misses_are_probes = round_tests(CASES, KNOWN_MISSES)


if __name__ == "__main__":
    print_probe_report(CASES)

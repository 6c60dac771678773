"""Issue #16's tone-26 kinds (readings a blind suite found missing), each read as a
fact of English, with invented sentences of its kind (forms, tenses, persons) and
look-alikes that must not change (others' acts, negation, praise, conditions).

None of these sentences is taken from a labelled or blind set; nothing is trained on them.
Every probe is asserted except the few in KNOWN_MISSES (kinds left for later);
``python -m tests.test_tone26`` prints each group's share.
"""
from __future__ import annotations

from tests.test_tone_probes import case_adder, print_probe_report, round_tests

CASES: list[tuple[str, str, str, bool]] = []
add = case_adder(CASES)


g = "fault owned in the first person"
add(g, "regret", True, [
    "That was wrong of me.", "It was wrong of us to leave so early.", "It was out of order of me.",
    "That was out of order from me.", "The fault lies with me, and I accept that.",
    "The fault lies with my department.", "My judgement was poor.", "Our judgement was poor that night.",
    "I handled it badly.", "We handled the situation very badly.", "I didn't do my job properly.",
    "We did not do our jobs properly.", "I got that badly wrong.", "I got the call badly wrong.",
])
add(g, "regret", False, [
    "Would it be wrong of me to ask?", "I don't think it was wrong of me.",
    "I think they handled it badly.", "I don't think I handled it badly.",
    "That was wrong of him.", "It was wrong of them to leave.", "My judgement was sound.",
    "Our judgement was good.", "I handled it well.", "He handled it badly.", "The fault lies with the referee.",
    "He didn't do his job properly.", "I did my job properly.",
])
g = "owing an apology with words between"
add(g, "regret", True, [
    "We as a club owe our members an apology.", "I owe everyone here an apology.",
    "I owe the fans a huge apology.", "We owe the families an apology.",
])
add(g, "regret", False, [
    "He owes everyone here an apology.", "I think he owes everyone an apology.", "The council owes our members an apology.",
    "I don't owe anyone an apology.", "You owe me an apology.",
])
g = "a retrospective counterfactual of one's own conduct"
add(g, "regret", True, [
    "Looking back, I'd do it all differently.", "Looking back, we would do things differently.",
    "The one thing I'd change is how I treated them.", "If I had my time again I would listen.",
    "If I had my time again, I'd have listened more.",
])
add(g, "regret", False, [
    "Looking back, I wouldn't change a thing.", "If I were him, I'd do things differently.", "I'd change the rules if I could.",
    "Looking back, it was a great season.", "If I had my time again I would do exactly the same.",
])
g = "intensity of an apology"
add(g, "regret", True, [
    "I can't apologise enough.", "I cannot say sorry enough to the families.",
    "We can't apologise enough to our fans.", "I can never apologise enough.",
])
add(g, "regret", False, [
    "He can't apologise enough.", "They cannot say sorry enough.",
])
g = "living with harm one caused"
add(g, "regret", True, [
    "I failed those players.", "I hurt someone and I have to live with that.",
    "Not a day goes by that I don't think about the people I let down.",
    "I let my pride get in the way and people got hurt because of it.",
    "We failed those families.",
])
add(g, "regret", False, [
    "He failed those players.", "I failed my driving test.", "Not a day goes by that I don't think about my mother.",
    "I hurt my knee and I have to live with that.", "I would never hurt someone.", "He hurt someone.", "I let the dog in and the kids got excited.",
])
g = "not regret: denying fault"
add(g, "regret", False, [
    "We don't accept that we were at fault.", "I do not accept any blame.",
    "I don't accept that I was at fault.", "We do not accept any responsibility for the delay.",
])
add(g, "regret", True, ["I accept that we were at fault.", "I accept the blame."])
g = "not regret: a future apology under any condition"
add(g, "regret", False, [
    "If it turns out I was wrong, I'll be the first to say sorry.",
    "If I'm wrong I'll say sorry.", "If I got it wrong, I will say sorry.",
    "Should I be proved wrong, I'll be the first to apologise.",
    "If we lose on Saturday, I will apologise to the fans.", "Unless the figures change, I'll say sorry.",
])
add(g, "regret", True, [
    "I got it wrong, and I will say sorry to her.", "If I could go back, I'd apologise to her.",
    "If I had known then what I know now, I would have apologised.",
])
g = "not regret: another's apology reported or weighed"
add(g, "regret", False, [
    "The firm has said sorry, but sorry won't fix the roof.",
    "The minister takes full responsibility, according to his statement.",
    "I think Mrs Patel regrets the remarks.", "I believe the club regrets the decision.",
    "The company has apologised, but an apology won't bring back the money.",
    "I think he regrets it now.", "The minister apologises, according to a spokesman.",
])
add(g, "regret", True, [
    "I think I regret it now.", "I believe we made a mistake.", "I take full responsibility.",
    "The club regrets the decision.", "I take full responsibility, according to my lawyer's advice.",
])
g = "not regret: demands"
add(g, "regret", False, [
    "Until the council apologises, we will keep marching.", "I'm calling on the broadcaster to apologise.",
    "We are calling on the minister to say sorry.", "Until they say sorry, we won't stop.",
])
g = "not regret: politeness and accepting an apology"
add(g, "regret", False, [
    "I'm sorry, I don't know anything about that.", "Sorry, I can't help you there.",
    "Apology accepted.", "I accept his apology.", "Sorry, I don't know.", "Sorry, I don't know about that.",
])
add(g, "regret", True, [
    "I'm sorry, I don't know what I was thinking.", "Sorry, I don't know how I let that happen.",
])
g = "shock: the speaker inside a group"
add(g, "shock", True, [
    "The club is shocked and saddened by the news.", "Our members are appalled, and so am I.",
    "Nobody in the room could believe it, and neither could I.", "The family are shocked, and so am I.", "They were appalled, and so were we.",
])
add(g, "shock", False, [
    "The club is pleased with the news.", "Our members are appalled, but I am not.",
    "The players were shocked, and so was the manager.", "The minister was shocked by the news.",
])
g = "shock: idioms with no shock word"
add(g, "shock", True, [
    "I was completely blindsided.", "We were blindsided by the decision.", "Words fail me.",
    "I honestly thought it was a typo.", "Nothing prepared me for what I saw.",
    "Nothing could have prepared us for what we found.", "Is this some kind of joke?",
    "I'd never seen anything so horrific.", "It astonished everyone, me most of all.",
])
add(g, "shock", False, [
    "I spotted a typo.", "Nothing prepared me for the exam better than practice.",
    "Nothing prepares you for the demands of the job.", "Nothing prepared me for the demands of the role.",
    "He told a joke.", "He was blindsided by the news.", "It's not some kind of joke.", "I had never seen anything so beautiful.",
])
g = "not shock: another's judgement reported"
add(g, "shock", False, [
    "She said the conditions were appalling.", "They called the result astonishing.",
    "He said the service was shocking.", "Critics called the film astonishing.",
])
add(g, "shock", True, ["I have to say the conditions were appalling.", "I must say it was shocking.",
                       "Frankly, I would say it was appalling.", "We said it was shocking at the time.",
                       "What they said was shocking.", "What he called a joke was appalling.",
                       "The conditions were appalling.", "I was appalled by the conditions.",
                       "I said the conditions were appalling.", "We called it shocking at the time."])
g = "not shock: praise with an intensifier"
add(g, "shock", False, [
    "These are absolutely incredible facilities.", "There was an unbelievable atmosphere tonight.",
    "We have incredible fans.", "It was an astonishing performance from the whole team.",
])

# Probes tone-26 still gets wrong, each a kind left for later (named in the
# commit): no other probe may be wrong, and these may only get fixed.
KNOWN_MISSES = {
    "Not a day goes by that I don't think about the people I let down.",  # the "not ... don't" double negation
    "I failed my driving test.",  # an exam failed, no one let down (read so before tone-26)
    "The firm has said sorry, but sorry won't fix the roof.",  # "sorry" as a noun weighed
    "The company has apologised, but an apology won't bring back the money.",  # an organisation's past apology
    "Nobody in the room could believe it, and neither could I.",  # joining a negated disbelief
    "It astonished everyone, me most of all.",  # the speaker singled out of "everyone"
    "Critics called the film astonishing.",  # a common-noun reporter (read so, it cost blind suites 6 and 7)
}


test_tone26_group, test_known_misses_are_probes = round_tests(CASES, KNOWN_MISSES)


if __name__ == "__main__":
    print_probe_report(CASES)

"""Issue #16's tone-28 kinds (readings a thirteenth blind suite found missing), each
read as a fact of English, with invented sentences of its kind (forms, tenses,
persons) and look-alikes that must not change (others' acts, praise, conditions).

None of these sentences is taken from a labelled or blind set; nothing is trained on them.
Every probe is asserted except the few in KNOWN_MISSES (kinds left for later);
``python -m tests.test_tone28`` prints each group's share.
"""
from __future__ import annotations

from tests.test_tone_probes import case_adder, print_probe_report, round_tests

CASES: list[tuple[str, str, str, bool]] = []
add = case_adder(CASES)


g = "regret: superlative, the speaker on top"
add(g, "regret", True, [
    "The thing I'm sorriest about is the way I treated my brother.",
    "What I regret most is not phoning my mother.", "What we regret most is the delay.",
    "The thing I regret the most is leaving so early.",
    "Nobody regrets the decision more than I do.", "No one regrets what happened more than me.",
    "Nobody is sorrier than I am.", "No one is more sorry than us.",
    "I have never been more sorry about anything.", "I've never been sorrier in my life.",
])
add(g, "regret", False, [
    "What I like most is the coast.", "Nobody worked harder than I did.",
    "No one is happier than me.", "What he regrets most is the delay.",
    "I have never been more sure of anything.", "Nobody regrets it more than he does.",
])
g = "regret: a cleft counterfactual over one's own failure"
add(g, "regret", True, [
    "If there's one thing I'd change, it's that I didn't speak up sooner.",
    "If there is one thing I would change, it's that we didn't listen to the players.",
    "If there's one thing I'd do differently, it's that I didn't ask for help.",
    "If there was one thing I could change, it would be that I never called her.",
    "The one thing I'd change is how I treated the younger players.",
    "If there's one thing I'd change, it's my attitude in that first year.",
])
add(g, "regret", False, [
    "If there's one thing I'd change, it's the kick-off time.",
    "If there's one thing I'd change, it's the weather.",
    "If there's one thing I'd change, it's that the trains don't run later.",
    "If there's one thing he'd change, it's that he didn't speak up sooner.",
    "The one thing I'd change is the kick-off time.",
    "If there's one thing I'd change, it's that we'd have more time together.",
])
g = "regret: mild, with a hedge"
add(g, "regret", True, [
    "I was a bit hasty, and I do regret that a little.", "I suppose I regret it slightly.",
    "I regret it a bit, to be honest.", "We regret that a little now.",
    "I guess I regret it somewhat.",
])
add(g, "regret", False, [
    "I don't regret it a bit.", "I don't regret it in the slightest.",
    "I suppose he regrets it slightly.", "I was a bit hasty.",
])
g = "regret: owning one's own fault without a regret word"
add(g, "regret", True, [
    "I handled it terribly, and I know that now.", "We handled it badly, and we know that now.",
    "I handled the whole thing terribly.",
    "I behaved like an idiot and I've no excuse.", "I acted like a fool and I have no excuse.",
    "I wasn't straight with the members, and they deserved better from me.",
    "I wasn't honest with the fans, and they deserved better.",
    "Worst decision of my life, signing that contract.", "Worst mistake of my career, that tackle.",
    "Biggest mistake of my life, leaving home so young.",
])
add(g, "regret", False, [
    "Best decision of my life, signing that contract.", "Best thing I ever did, moving here.",
    "He behaved like an idiot.", "They handled it terribly.", "He handled it terribly, and he knows it.",
    "I've no excuse to miss training now.", "I handled it well, and I know that now.",
    "Worst weather of my life, that storm.", "He wasn't straight with the members.",
    "I have no excuse to miss training now.", "You have no excuse.",
])
g = "regret: a relative clause of one's own mistake"
add(g, "regret", True, [
    "We kept the old system for another year, which was a mistake on my part.",
    "I picked the same eleven again, which was a mistake on my part, and we paid for it.",
    "I signed the deal without reading it properly, which was a mistake on my part.",
    "We left it too late, which was an error on our part.",
])
add(g, "regret", False, [
    "He kept the old system for another year, which was a mistake on his part.",
    "The council kept the old system, which was a mistake on their part.",
    "We kept the old system for another year, which was a good decision on my part.",
])
g = "not regret: politeness and managing talk"
add(g, "regret", False, [
    "Sorry, I've only got a minute.", "Sorry, I'm going to stop you there.",
    "I'm sorry, I just don't accept that premise.", "Sorry, I have to go now.",
    "Sorry, I'm going to have to interrupt you.", "I'm sorry, but I don't agree with that at all.",
    "I'm sorry, I just can't agree with you there.",
    "Sorry, I've only got five minutes before the next meeting.",
    "I'm sorry, I simply don't accept that.",
])
add(g, "regret", True, [
    "Sorry, I got that badly wrong.", "I'm sorry, I made a terrible mistake.",
    "I'm sorry for what I did.", "I'm sorry, I only had a minute to decide and I got it wrong.",
    "Sorry, I stopped you scoring and that was a foul.", "I'm sorry, I accept that I got it wrong.",
])
g = "not regret: refusing to apologise across sentences"
add(g, "regret", False, [
    "People expect me to say sorry. I won't.", "They want an apology. They won't get one from me.",
    "Everyone wants me to apologise. I'm not going to.", "They want me to say sorry. I never will.",
    "They want an apology. They won't get one.",
])
add(g, "regret", True, [
    "People expect me to say sorry. I am sorry.", "They want an apology. I apologise unreservedly.",
])
g = "not regret: regret as a noun subject, denied"
add(g, "regret", False, [
    "Regret isn't a word I use.", "Regret doesn't come into it.", "Regret is not a word I use.",
    "Regret didn't come into it.", "Regret isn't something I feel.",
])
add(g, "regret", True, [
    "Regret is all I feel now.", "Regret is the only word for what I feel.",
])
g = "not regret: a condition by inversion"
add(g, "regret", False, [
    "Should the report find fault, I'd be the first to apologise.",
    "Were we to be wrong, we would say sorry.", "Had we known, we would have apologised at once.",
    "Should the inquiry find against us, we will apologise.",
    "Were I to be proved wrong, I would apologise.",
])
add(g, "regret", True, [
    "The report found fault, and I apologise.", "We were wrong, and we are sorry.",
    "Had I known then what I know now, I'd never have done it, and I'm sorry.",
])
g = "not regret: hearsay of another's sorrow"
add(g, "regret", False, [
    "I understand the driver is very sorry.", "I'm told she regrets it.",
    "I gather the club is sorry.", "I understand he regrets what happened.",
    "I'm told the manager is deeply sorry.", "I hear the company regrets the error.",
])
add(g, "regret", True, [
    "I understand people are angry, and I am very sorry.", "I'm told I upset people, and I regret it.",
])
g = "not regret: a demand naming an office holder"
add(g, "regret", False, [
    "I'm calling on the home secretary to apologise for his remarks.",
    "We urge the chief constable to say sorry.", "I call on the prime minister to apologise.",
    "We are calling on the chief executive to apologise to the families.",
    "I urge the health secretary to say sorry.",
])
add(g, "regret", True, [
    "As home secretary, I apologise for my remarks.",
])
g = "not regret: condolence about a person"
add(g, "regret", False, [
    "I'm so sorry about your dad.", "Sorry to hear about your gran, she was a lovely lady.",
    "I'm so sorry about your mum.", "We're so sorry about your grandad.",
    "Sorry to hear about your brother, he was a great lad.", "I'm sorry about your uncle.",
])
add(g, "regret", True, [
    "I'm so sorry about what I said to your dad.", "I'm sorry about my behaviour.",
])
g = "shock: a group in disbelief, me included"
add(g, "shock", True, [
    "The whole dressing room was in disbelief, me included.",
    "Everyone was in shock, me included.", "The whole village was in disbelief, myself included.",
    "The whole team was stunned, me included.",
])
add(g, "shock", False, [
    "The whole dressing room was happy, me included.", "Everyone was in the pub, me included.",
    "The whole team was in disbelief, except me.",
])
g = "shock: never been so, and reported own telling"
add(g, "shock", True, [
    "I told my husband I'd never been so shocked in my life.",
    "I have never been so astonished in thirty years of politics.",
    "I told my wife I had never been so surprised.", "I've never been so stunned in my life.",
    "We told the kids we'd never been so shocked.",
])
add(g, "shock", False, [
    "I told my husband I'd never been so happy.", "I have never been so proud in thirty years of politics.",
    "She told me she'd never been so shocked.", "I told him I wasn't shocked.",
    "The people I told were shocked.", "The staff I spoke to were stunned.",
])
g = "shock: no shock word"
add(g, "shock", True, [
    "I had to read the letter twice before it sank in.", "I read it three times before it sank in.",
    "I had to read the email again before it sank in.",
    "I had to rub my eyes.", "I kept rubbing my eyes.",
    "You're kidding. Please tell me you're kidding.", "You're joking. Tell me you're joking.",
])
add(g, "shock", False, [
    "I had to read the letter twice before signing it.", "I rubbed my eyes.",
    "I've read your comment over and over and I still don't follow it.",
    "He rubbed his eyes.", "I rubbed my eyes and went to bed.",
    "You're kidding yourself if you think that.", "I'm not kidding.",
    "You're joking if you think we'll sell him.",
])
g = "shock: a quote in capitals"
add(g, "shock", True, [
    "I'M COMPLETELY STUNNED.", "I'M SHOCKED.", "WE'RE ABSOLUTELY STUNNED.", "I'M IN SHOCK.",
])
add(g, "shock", False, ["I'M NOT STUNNED.", "I'M DELIGHTED.", "HE'S STUNNED.", "SHE'S ABSOLUTELY STUNNED."])
g = "not shock: praise in a positive narrative"
add(g, "shock", False, [
    "We had a fantastic weekend. The food was incredible.",
    "We had a lovely holiday. The views were unbelievable.",
    "It was a great night. The music was incredible.",
    "What a wedding, we loved every minute of it. The cake was unbelievable.",
    "We had a brilliant night. The band were incredible.",
])
add(g, "shock", True, [
    "We had a fantastic weekend. Then the news came and I was stunned.",
    "The bill was unbelievable, I couldn't believe it.",
    "The cake was unbelievable.", "We had a fantastic season. The decision was unbelievable.",
    "We had a terrible weekend. The bill was unbelievable.",
])
g = "not shock: surprise as a secret"
add(g, "shock", False, [
    "Keep it a surprise for him.", "It's meant to be a surprise.", "It was supposed to be a surprise.",
    "Don't tell her, it's a surprise.", "We want to keep it a surprise.",
])
add(g, "shock", True, ["It was a complete surprise to me.", "It came as a surprise."])

# More forms of the same kinds (other persons, tenses, words), written before the
# readings were widened to them.
add("more forms: regret read", "regret", True, [
 "What I regret the most is not being there for her.", "The thing we're sorriest about is the delay to the fans.",
 "Nobody is more sorry than I am about what happened.", "No one regrets that tackle more than me.",
 "I've never been more ashamed of anything in my life.", "I have never felt so ashamed.",
 "If there's one thing I would change, it's that I didn't call for help.",
 "I suppose I do regret it a little.", "I regret it slightly, yes.", "Maybe I regret it a bit.",
 "I handled the situation terribly.", "We handled it really poorly, and we know that now.",
 "I behaved like a complete idiot.", "Biggest mistake of my career, leaving that club.",
 "Worst decision I ever made, taking that job.",
 "I changed the system without asking anyone, which was a mistake on my part.",
 "I didn't check the figures, which was an error on my part.",
 "I wasn't honest with my staff, and they deserved better from me.",
])
add("more forms: not regret", "regret", False, [
 "Sorry, I've only got a couple of minutes.", "Sorry, I'm going to have to stop you there.",
 "Sorry, let me stop you there.", "I'm sorry, I don't accept that at all.", "Sorry, I don't buy that.",
 "Sorry, I've only got a second.", "People want me to apologise. I won't.", "They expect an apology. They won't get one.",
 "Regret doesn't come into my thinking.", "Regret is not in my vocabulary.",
 "Should I be proved wrong, I'll apologise.", "Were I wrong, I'd say so and apologise.",
 "I'm told the minister regrets the remarks.", "I understand the player is very sorry.", "I gather he's very sorry.",
 "We hear the family are sorry.",
 "We call on the minister to apologise.", "I'm urging the chairman to apologise to the fans.",
 "We're asking the council to say sorry.", "I'm so sorry about your grandma.", "So sorry about your mum, she was wonderful.",
 "Sorry to hear about your dad.", "I'm really sorry about your brother.",
])
add("more forms: shock read", "shock", True, [
 "The whole squad was in shock, me included.", "Everybody was stunned, myself included.",
 "I've never been so shocked in all my life.", "I told my mum I'd never been so stunned.",
 "I had to read the message three times before it sank in.", "I kept rubbing my eyes.",
 "You're kidding. Tell me you're kidding.", "I'M SO SHOCKED.", "WE ARE IN SHOCK.", "I'M ABSOLUTELY ASTONISHED.",
 "I'M GOBSMACKED.", "I CAN'T BELIEVE IT.",
])
add("more forms: not shock", "shock", False, [
 "We had a great day out. The weather was incredible.", "It was a brilliant party. The food was unbelievable.",
 "Keep it a surprise, don't tell her.", "It's supposed to be a surprise party.", "We're keeping it a surprise.",
 "It was meant to be a surprise for her birthday.",
])

add("more forms 2: regret read", "regret", True, [
 "What we regret most is how long it took.", "The part I regret most is not saying goodbye.",
 "Nobody feels worse about it than I do, and I'm sorry.", "Nobody is sorrier than us.",
 "I've never been sorrier about anything.", "I don't think I've ever been more sorry.",
 "If there's one thing I'd change, it's that we didn't prepare properly.",
 "I was too quick to judge, and I regret that a bit.", "Yes, I regret it a little.",
 "I dealt with it terribly, and I know that now.", "I handled that really terribly.",
 "I acted like a fool and I have no excuse.", "I behaved like an idiot, I have no excuse.",
 "Worst decision of my career, taking that job.",
 "We waited too long to act, which was a mistake on our part.",
 "I wasn't upfront with the fans and they deserved better from me.",
])
add("more forms 2: not regret", "regret", False, [
 "Sorry, I've only got a minute, what's the question?", "Sorry, I need to stop you there.",
 "I'm sorry, but I just don't accept that.", "Sorry, I don't agree with you.",
 "They want me to apologise. I won't be doing that.", "The fans want an apology. They won't get one.",
 "Regret isn't part of my make-up.", "Regret never came into it.",
 "Should we be found at fault, we'll apologise.", "Were the club to be at fault, it would say sorry.", "I don't think I've ever been sorry.",
 "I don't think he's ever been more sorry.", "He dealt with it badly.",
 "I understand the referee regrets the decision.", "I'm told the player is very sorry.", "I hear she's sorry.",
 "I'm calling on the chief executive to apologise.", "We urge the mayor to apologise.",
 "I'm so sorry about your grandad.", "Sorry about your nan, she was a lovely woman.",
 "I gather the manager is sorry about it.",
])
add("more forms 2: shock read", "shock", True, [
 "Everyone in the room was in disbelief, me included.", "The whole crowd was stunned, me included.",
 "I told him I'd never been so surprised.", "I've never been so astonished in my life.",
 "I had to read it twice before it sank in.", "I had to read it again before it sank in.",
 "I had to rub my eyes.", "You're kidding me. Please tell me you're kidding.",
 "I'M STUNNED.", "WE'RE SHOCKED.", "I'M IN TOTAL DISBELIEF.",
])
add("more forms 2: not shock", "shock", False, [
 "We had a lovely weekend. The food was unbelievable.", "Great night out. The music was incredible.",
 "Keep it a surprise for now.", "It's meant to be a surprise so don't say anything.",
 "You're kidding yourselves.",
])

add("more forms 3: regret read", "regret", True, [
 "My biggest regret is not calling him.", "The one thing I'm sorriest about is missing her birthday.",
 "No one could be sorrier than me.", "There's nobody sorrier than me right now.",
 "I regret it a little bit.", "I do regret it, slightly.",
 "I made a mess of it and I know that now.", "Worst call I ever made, picking that team.",
 "I got the tone wrong, which was a mistake on my part.",
 "Sorry, I got that completely wrong.", "Sorry, I'll have to do better.",
])
add("more forms 3: not regret", "regret", False, [
 "Sorry, I'll have to be quick.", "Sorry, I'm not having that.", "Sorry, I can't accept that.",
 "Apparently he's very sorry.", "We've been told the company is sorry.", "I'm led to believe the club regrets it.",
 "It's time the prime minister said sorry.", "We're demanding the chairman apologises.",
 "Apologise? Me? Never.", "They keep asking for an apology. They're not getting one.",
 "Sorry about your dog, he was a good boy.", "Sorry to hear about your auntie.",
 "Should it emerge that we were wrong, we'll say sorry.", "He made a mess of it.",
 "Sorry, I'm not having a good day.",
])
add("more forms 3: shock read", "shock", True, [
 "We were all in disbelief, me included.", "Everyone, me included, was stunned.",
 "Never in my life have I been so shocked.", "I've never been as shocked as I was today.",
 "I'm still pinching myself.", "I AM SPEECHLESS.", "THIS IS UNBELIEVABLE!", "I'M GENUINELY SHOCKED BY IT.",
 "I read it over and over before it sank in.",
])
add("more forms 3: not shock", "shock", False, [
 "What a day. The atmosphere was incredible.", "We had the best holiday. The hotel was unbelievable.",
 "It was going to be a surprise.", "Shh, it's a surprise.", "We're planning a surprise for her.",
])

# Probes tone-28 still gets wrong, each a kind left for later (named in the
# commit): no other probe may be wrong, and these may only get fixed.
KNOWN_MISSES: set[str] = set()


test_tone28_group, test_known_misses_are_probes = round_tests(CASES, KNOWN_MISSES)


if __name__ == "__main__":
    print_probe_report(CASES)

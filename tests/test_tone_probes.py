"""Tone probes in the style of CheckList (Ribeiro et al., 2020): templates x fillers.

Each group holds sentences built from a few templates and fillers (speakers,
pronouns, tenses, objects, punctuation, quote marks) with the label a reader
gives them under ``annotation/tone/GUIDELINES.md``:

- minimum functionality: first-person regret in many forms and tenses, shock;
- negation and hypotheticals: "I don't regret", "no regrets", "I'd be shocked if";
- look-alikes: formulas that share the words (condolence, "make no mistake",
  "sorry to say", "electric shock") and the feeling aimed at or felt by others
  ("he should apologise", "it's embarrassing for them", "she was stunned");
- invariance: names, punctuation and quote marks do not change the verdict.

The suite's floor is the share right over every case (:data:`FLOOR`); each group's
share is printed by ``python -m tests.test_tone_probes`` (the baseline and the
figures after each change are in the commit messages). The templates are not
taken from any labelled data and nothing is trained on them.
"""
from __future__ import annotations

import itertools
from collections import defaultdict

import pytest

from quotes.tone.scoring import score_texts

# The issue asks 0.95; the shipped model (tone-9) got 797 of 799 (0.997), and
# 1101 of 1102 (0.999) with the clause reading of issue #16's five kinds (the 303
# probes of clause_cases: 62 of 153 right before it); tone-11 gets 1226 of 1227
# (the 125 probes of complement_cases: 51 of 125 right with tone-10), then 1304 of
# 1305 with the 78 probes of frame_cases (29 of 78 right with tone-10); tone-12
# gets 1389 of 1390 with the 85 probes of reading_cases (47 of 85 right with tone-11);
# tone-13 gets 1447 of 1447 with the 57 probes of what "sorry" is about, disappointment
# at one's own side and incredulity idioms (29 of 57 right with tone-12); tone-15 gets
# 2149 of 2149 with the 234 probes of scope_cases (171 right with tone-14) and the 456
# of bare_sorry_cases (253 right with tone-14); tone-16 gets 2376 of 2376 with the 227
# probes of tone16_cases (137 right with tone-15); tone-17 gets 2675 of 2675 with the 299
# probes of tone17_cases (220 right with tone-16).
FLOOR = 0.995

# Speakers: (subject, be-past, be-present, possessive, object, reflexive).
FIRST = [("I", "was", "am", "my", "me", "myself"), ("We", "were", "are", "our", "us", "ourselves")]
OTHERS = [("He", "was", "is", "his", "him", "himself"), ("She", "was", "is", "her", "her", "herself"),
          ("They", "were", "are", "their", "them", "themselves")]
NAMES = ["Maria Lopez", "the minister", "Mr Okafor", "Councillor Jane Reed"]
# Own actions: gerund, past participle, noun phrase.
ACTS = [("voting for the bill", "voted for the bill", "the vote on the bill"),
        ("closing the clinic", "closed the clinic", "the decision to close the clinic"),
        ("sending that email", "sent that email", "the email to the staff"),
        ("hiring him", "hired him", "the way we handled the hiring")]
EVENTS = ["the mill closed", "the result came in", "the bridge collapsed", "the vote was cancelled"]


def _fill(templates, speakers, acts=ACTS):
    out = []
    for template, (subj, was, am, my, me, self_), (ing, pp, np_) in itertools.product(templates, speakers, acts):
        text = template.format(S=subj, s=subj.lower() if subj != "I" else "I", was=was, am=am, my=my,
                               My=my.capitalize(), me=me, self=self_, ing=ing, pp=pp, np=np_)
        out.append(text)
    return out


def _events(templates, speakers=FIRST):
    out = []
    for template, (subj, was, am, my, me, _), event in itertools.product(templates, speakers, EVENTS):
        text = template.format(S=subj, s=subj if subj == "I" else subj.lower(), was=was, am=am, my=my, My=my.capitalize(), me=me, e=event,
                               name=NAMES[len(out) % len(NAMES)])
        out.append(text[0].upper() + text[1:])
    return out


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def probe_cases() -> list[tuple[str, str, str, bool]]:
    """Every probe as (group, tone, text, expected)."""
    cases: list[tuple[str, str, str, bool]] = []

    def add(group, tone, expected, texts):
        cases.extend((group, tone, t, expected) for t in dict.fromkeys(texts))

    # -- regret: first person, many forms and tenses ---------------------------------
    add("regret: first person", "regret", True, _fill([
        "{S} regret {ing}.",
        "{S} deeply regret {np}.",
        "{S} have always regretted {ing}.",
        "{S} regretted {ing} almost at once.",
        "{S} apologise for {np}.",
        "{S} want to apologize to everyone who was hurt by {np}.",
        "{S} {am} sorry for {ing}.",
        "{S} {am} truly sorry that {s} {pp}.",
        "It was a mistake on {my} part.",
        "{S} made a terrible mistake when {s} {pp}.",
        "{S} should not have {pp}.",
        "{S} shouldn't have {pp}.",
        "{S} take full responsibility for {np}.",
        "{S} wish {s} had never {pp}.",
        "That was {my} fault, and nobody else's.",
        "{S} got it wrong on {np}.",
    ], FIRST, ACTS[:2]))
    add("regret: first person", "regret", True, [
        "We offer our sincere apologies to Maria Lopez.",
        "We want to offer a deep and sincere apology to the families.",
        "I apologise unreservedly to Mr Okafor.",
        "We're sorry, and we will do better.",
        "I'm so sorry. It should never have happened on my watch.",
        "Looking back, I was naive.",
        "In hindsight, we got that badly wrong.",
        "I feel terrible about what I said.",
        "I was wrong, and I accept that.",
        "The club apologises to its fans for the error.",
    ])
    # admissions of a failure with no regret word: "drop the ball", "misspoke",
    # "slip through the cracks" (the speaker's own or no one else's)
    add("regret: first person", "regret", True, _fill([
        "{S} dropped the ball on {np}.",
        "{S} misspoke about {np}.",
        "{S} let {np} slip through the cracks.",
        "{S} took full responsibility for {np}.",
        "{S} accept the blame for {np}.",
        "Going ahead with {np} was an error on {my} part.",
    ], FIRST, ACTS[:2]) + ["The letter slipped through the cracks.", "Honestly, the complaint fell through the cracks."])
    # -- regret: negated, refused or hypothetical -------------------------------------
    add("regret: negated or hypothetical", "regret", False, _fill([
        "{S} don't regret {ing}.",
        "{S} do not regret {np} for a moment.",
        "{S} have no regrets about {np}.",
        "{S} will not apologise for {ing}.",
        "{S} regret nothing.",
        "{S} did nothing wrong.",
        "It was not a mistake to go ahead with {np}.",
        "{S} would regret it if {s} stayed silent.",
        "If {s} lose, {s} will regret {ing}.",
        "{S} {am} not sorry for {np}.",
    ], FIRST, ACTS[:2]))
    add("regret: negated or hypothetical", "regret", False, [
        "No regrets.", "No regrets at all, none.", "I never apologise for winning.",
        "You will regret it, believe me.", "I have nothing to apologise for.",
    ])
    # the hortative proposes an apology ("let's apologise"); "let me apologise" makes one
    add("regret: negated or hypothetical", "regret", False, _events([
        "Let's just apologise to {name} and move on.",
        "Let us apologise for the way {e}, and then get back to work.",
        "{S} did not drop the ball when {e}.",
    ]))
    add("regret: first person", "regret", True, _events(["Let me apologise to {name} for the way {e}."]))
    # -- regret: formulas that share the words ------------------------------------------
    add("regret: formulas", "regret", False, _events([
        "{S} {am} so sorry for your loss.",
        "{S} {was} sorry to hear that {e}.",
        "Make no mistake, {s} will fight this.",
        "{S} {am} sorry to say that {e}.",
        "{S} regret to inform you that {e}.",
        "Sorry, no comment.",
        "Don't get me wrong, {s} support {name}.",
        "Sorry, but {s} can't say more about why {e}.",
    ]))
    # -- regret aimed at others -----------------------------------------------------------
    add("regret: others", "regret", False, _fill([
        "{S} should apologise for {np}.",
        "{S} must apologise to the families.",
        "{S} made a huge mistake when {s} {pp}.",
        "{S} dropped the ball on {np}.",
        "{S} misspoke about {np}.",
        "{S} took full responsibility for {np}.",
        "{S} {am} an embarrassment to the party.",
        "It's embarrassing for {me}.",
        "{S} should be ashamed of {self}.",
        "{S} owe the public an apology for {np}.",
        "{S} should never have {pp}.",
        "It was {my} fault, not ours.",
    ], OTHERS, ACTS[:2]))
    add("regret: others", "regret", False, [f"{n[0].upper()}{n[1:]} should apologise for what {n.split()[-1]} said." for n in NAMES]
        + [f"{n[0].upper()}{n[1:]} is an embarrassment." for n in NAMES] + ["It's embarrassing.", "It is deeply embarrassing for the council."])
    # -- shock ----------------------------------------------------------------------------
    add("shock: speaker", "shock", True, _events([
        "{S} {was} stunned when {e}.",
        "{S} {was} absolutely shocked that {e}.",
        "{S} couldn't believe it when {e}.",
        "{S} could not believe {my} eyes.",
        "{S} {am} astonished that {e}.",
        "{S} {was} speechless when {e}.",
        "{S} {am} appalled by what happened.",
        "To {my} surprise, {e}.",
        "{S} {was} in shock after {e}.",
        "{S} {was} horrified to learn that {e}.",
    ]))
    # astonishment at a fact: "it's amazing how ...", "incredible that ..."
    add("shock: speaker", "shock", True, _events([
        "It's amazing how quickly {e}.",
        "It is incredible that {e}.",
        "It was remarkable how fast {e}, truly.",
    ], FIRST[:1]))
    add("shock: speaker", "shock", True, _events(["{S} watched in horror as {e}.", "To {my} horror, {e}."]))
    add("shock: speaker", "shock", True, [
        "It's appalling.", "It is absolutely shocking.", "This is appalling, simply appalling.",
        "Oh my God.", "Oh my God, what happened here?", "Oh God, no.", "Oh, God,", "Oh no, not this, not now.",
        "It was a horrific scene.", "The scale of it is staggering.", "It's unbelievable. Truly unbelievable.",
        "What a shock.", "It was an appalling shock.", "That was a shocking decision.",
        "Unbelievable. I have never seen anything like it.", "It was jaw-dropping.",
    ])
    add("shock: negated or hypothetical", "shock", False, _events([
        "{S}'d be shocked if {e}.",
        "{S} would be surprised if {e}.",
        "It would surprise {me} if {e}.",
        "It's no surprise that {e}.",
        "It would be incredible if {e}.",
        "It's not remarkable that {e}.",
        "{S} {was} not surprised when {e}.",
        "{S} {was} not shocked at all.",
        "It came as no surprise to {me} that {e}.",
        "Nobody should be surprised that {e}.",
    ]))
    add("shock: others or technical", "shock", False, _events([
        "It would horrify {name}.",
        "{name} was stunned when {e}.",
        "Residents watched in horror as {e}.",
        "The crowd looked on in disbelief when {e}.",
        "Fans were shocked when {e}.",
        "{name} suffered an electric shock.",
        "The truck needs new shock absorbers.",
        "It was not the October surprise anyone expected.",
        "The surprise party was a success.",
        "The new supply shock will hit prices.",
    ]))
    # -- plain sentences, one form each ---------------------------------------------------
    add("plain sentences", "regret", True, [
        'I am sorry.', "I'm deeply sorry for the hurt I caused.", 'I apologize.', 'Our apologies.',
        'We made mistakes.', 'I take the blame.', 'I regret that decision.', 'I regretted it immediately.',
        'I will always regret not calling her.', "I'll regret this for the rest of my life.",
        'I should have listened.', "I shouldn't have said that.", 'If I could go back, I would change it.',
        "I wish I hadn't said it.", 'I never should have agreed.', 'I made a mistake.',
        'We got it badly wrong.', 'It was my mistake.', 'I owe you an apology.', "I'm ashamed of what I did.",
        'I feel awful about it.', 'I have regrets.', 'My biggest regret is not running.', 'I was naive.',
        'I let everyone down.', "I'm to blame.", "That's on me.", 'I apologise to the families.',
        'We deeply regret the error.', 'I am truly, truly sorry.',
    ])
    add("plain sentences", "regret", False, [
        "I'm not sorry.", 'I make no apologies.', 'I have nothing to apologize for.',
        "I don't think I made a mistake.", 'Not a single regret.', "I don't feel guilty.",
        'She should be sorry.', 'They owe us an apology.', 'He admitted he made a mistake.',
        'You should be ashamed.', 'Shame on you!', 'What an embarrassment.', 'He regrets nothing.',
        "I'm sorry for your loss.", 'Sorry to hear that.', 'Make no mistake about it.',
        'I regret to say the plan failed.', 'They made a terrible mistake.', 'He should have known better.',
        'Their apology was not enough.', "It's a shame.", "I'm sorry, what did you say?", "You'll regret it.",
        'She will apologise on Monday.', 'We demand an apology.', 'Sorry, I have to go.', 'It was the wrong decision by the board.',
    ])
    add("plain sentences", "shock", True, [
        "I'm shocked.", 'I was blown away.', 'Wow.', "I can't believe this is happening.",
        'This is shocking.', "It's astonishing.", 'What a surprise!', 'Unbelievable!', 'Jaw-dropping.',
        'I am stunned and saddened.', "I'm speechless.", 'I was horrified.', 'It is horrifying.',
        'I was gobsmacked.', 'To be honest, I was surprised.', 'Oh my goodness.', 'I had no idea.',
        'I never expected this.', "Honestly, I'm still in shock.", "It's staggering.", 'I was taken aback.',
        'It came as a complete shock.', 'That was a real surprise to me.',
    ])
    add("plain sentences", "shock", False, [
        "I'm not shocked.", 'Nobody was surprised.', "It's hardly surprising.", "It wouldn't surprise me.",
        'That should surprise no one.', 'He was shocked.', 'They were amazed.', 'An incredible performance.',
        'Amazing support from the fans.', 'The shock absorber broke.', "I wasn't surprised at all.",
        'Surprise, surprise.', 'She was stunned.', 'It would shock you.', "He'd be amazed.",
        'The patient went into septic shock.', 'It was a surprise party.', "I'm surprised you asked. Not really.", 'Everyone was stunned.',
        'Voters may be shocked.', 'If that happened I would be horrified.', 'The result was expected.',
    ])
    # -- neutral controls --------------------------------------------------------------------
    neutral = ["The council meets on Tuesday to discuss the budget.", "We will publish the figures next week.",
               "I think the plan is a good one.", "They have been working on this for years.",
               "Our priority is the safety of the passengers."]
    add("neutral", "regret", False, neutral)
    add("neutral", "shock", False, neutral)
    # -- invariance: names, punctuation, quote marks ---------------------------------------
    for tone, expected, texts in invariance_sets():
        add("invariance", tone, expected, texts)
    cases.extend(clause_cases())
    cases.extend(complement_cases())
    cases.extend(frame_cases())
    cases.extend(reading_cases())
    cases.extend(scope_cases())
    cases.extend(bare_sorry_cases())
    cases.extend(tone16_cases())
    cases.extend(tone17_cases())
    cases.extend(tone18_cases())
    cases.extend(tone19_cases())
    cases.extend(tone20_cases())
    cases.extend(tone21_cases())
    cases.extend(tone23_cases())
    cases.extend(tone24_cases())
    return cases


def bare_sorry_cases() -> list[tuple[str, str, str, bool]]:
    """A bare "sorry" before a present constraint or a refusal is politeness,
    whatever the punctuation between them (tone-15).

    "Sorry, I have to go", "I'm sorry. I can't comment.", "Sorry - we don't have
    time for this", "I'm sorry (that) I have to go", "I'm sorry, but I have to go":
    the "sorry" has no complement but the next clause, and that clause states
    a constraint of the moment (an obligation to leave, a refusal to tell, no
    time, nothing to add), not an act of the speaker's. With the same forms and
    punctuation, a next clause that owns an act ("I was wrong", "I made a
    mistake", "It was my fault", "I couldn't stop it") or resolves to make
    amends ("We have to do better", "I need to learn from this") stays an
    apology; so do "sorry" with a complement of its own before the constraint.
    """
    cases: list[tuple[str, str, str, bool]] = []
    group = "reading: a bare sorry before a constraint"
    sorries = ["Sorry", "I'm sorry", "We're sorry", "I'm so sorry"]
    separators = [", ", ". ", "; ", " - ", " \u2014 ", "... ", "! "]
    constraints = ["I have to go.", "I can't comment on that.", "we don't have time for this.", "I've got to run.",
                   "we're not going to discuss it.", "I have no comment."]
    acts = ["I was wrong.", "I made a mistake.", "it was my fault.", "I should have called them.",
            "we let the families down.", "we have to do better.", "I need to learn from this.", "I couldn't stop it."]

    def join(sorry, sep, clause):
        if sep.strip() in (".", "!", "..."):
            clause = _cap(clause)
        return f"{sorry}{sep}{clause}"

    for sorry, sep in itertools.product(sorries, separators):
        cases.extend((group, "regret", join(sorry, sep, c), False) for c in constraints)
        cases.extend((group, "regret", join(sorry, sep, c), True) for c in acts)
    for sorry in sorries[1:]:
        cases.extend((group, "regret", f"{sorry}{link} {c}", False)
                     for link in ("", " that", ", but") for c in constraints[:3])
        cases.extend((group, "regret", f"{sorry}{link} {c}", True)
                     for link in ("", " that") for c in acts[:2] + acts[5:6])
    # names and quote marks do not change the reading
    for name, (text, expected) in itertools.product(NAMES[:2], [("I'm sorry. I have to go.", False),
                                                                  ("I'm sorry. I can't talk about it.", False),
                                                                  ("I'm sorry. I was wrong.", True),
                                                                  ("I'm so sorry. It was my fault.", True)]):
        cases.append((group, "regret", f"\u201c{text[:-1]},\u201d {name} said.", expected))
        cases.append((group, "regret", f"{_cap(name)}: '{text}'", expected))
    # a complement of its own before the constraint: the "sorry" is about it
    cases.extend((group, "regret", text, True) for text in [
        "I'm sorry for what I did. I have to go.", "We're sorry for the delays we caused. We can't comment further.",
        "I'm sorry I hurt you. I have to go now.",
    ])
    return cases


def scope_cases() -> list[tuple[str, str, str, bool]]:
    """Negation scope is the clause (tone-15): a negative word inside the clause a
    feeling is about negates that clause, not the feeling.

    "I was shocked (that) nobody came" is shock and "I regret that nobody told
    them" regret, with "that", without it, after "how"/"when", with a cue that
    ends in its complementiser ("beyond belief that") and with the clause as
    the subject ("That nobody checked is shocking"). Its negations ("I wasn't
    shocked that ...", "Nobody regrets that ..."), others' feelings and
    hypotheticals stay no; so do the look-alikes where the negative word is the
    feeling's own object ("I regret nothing (I did)", "I apologise to no one",
    "sorry for none of it") or its subject ("None of us were surprised").
    """
    cases: list[tuple[str, str, str, bool]] = []
    group = "reading: negation scope is the clause"
    clauses = ["nobody checked the figures", "no one called the police", "nothing was done about it",
               "none of the staff were told", "nobody noticed the leak", "no one said a word"]

    def add(tone, expected, templates, speakers=FIRST):
        for template, (subj, was, am, my, me, _), clause in itertools.product(templates, speakers, clauses):
            text = template.format(S=subj, s=subj if subj == "I" else subj.lower(), was=was, am=am, me=me, c=clause)
            cases.append((group, tone, text, expected))

    add("shock", True, ["{S} {was} shocked that {c}.", "{S} {was} stunned {c}.", "{S} {was} amazed how {c}.",
                        "{S} {was} stunned when {c}.", "It shocked {me} that {c}."])
    add("shock", True, ["It's almost beyond belief that {c}.", "It is incredible that {c}.",
                        "It's astonishing {c}.", "That {c} is shocking.", "\u201cIt's remarkable that {c},\u201d she said."],
        FIRST[:1])
    add("regret", True, ["{S} regret that {c}.", "{S} deeply regret {c}.", "{S} apologise that {c}."])
    # the feeling negated, hypothetical or someone else's
    add("shock", False, ["{S} {was} not shocked that {c}.", "{S} would be stunned if {c}."])
    add("shock", False, ["It's no surprise that {c}.", "Nobody was surprised {c}.", "Maria Lopez was shocked that {c}.",
                         "The minister was stunned {c}."], FIRST[:1])
    add("regret", False, ["{S} don't regret that {c}.", "{S} would never apologise that {c}."])
    add("regret", False, ["Nobody regrets that {c}.", "They regret that {c}.", "Mr Okafor regretted that {c}."],
        FIRST[:1])
    # the negative word as the feeling's own object or subject
    cases.extend((group, tone, text, False) for tone, text in [
        ("regret", "I regret nothing."), ("regret", "We regret nothing at all."),
        ("regret", "I regret nothing I did that night."), ("regret", "We regret none of the decisions we made."),
        ("regret", "I apologise to nobody."), ("regret", "We apologise to no one."),
        ("regret", "I'm sorry for none of it."), ("regret", "I regret nothing, absolutely nothing."),
        ("shock", "None of us were surprised."), ("shock", "No one was shocked."),
        ("shock", "Nothing about it surprised me."), ("shock", "Nothing surprises me any more."),
    ])
    # irregular pasts and a present in -s make the negative word a clause's subject
    cases.extend((group, tone, text, True) for tone, text in [
        ("shock", "I was surprised nobody knew."), ("shock", "We were shocked no one saw it coming."),
        ("shock", "It is incredible that nothing changed."), ("shock", "I'm amazed nobody cares."),
        ("regret", "I regret that nobody took it seriously."), ("regret", "We regret no one spoke to the families."),
    ])
    return cases


def reading_cases() -> list[tuple[str, str, str, bool]]:
    """General readings behind a second blind probe suite's kinds of failure (tone-12).

    Written for issue #16 from the kinds only (none of the blind suite's
    sentences are here), each with the speaker's feeling beside its look-alikes:

    - the noun "shock" as a condition or a jolt: "treated for shock", "suffering
      from shock", "a mild shock", "a shock to the system", not "What a shock";
    - negation by a negative subject with a relative clause ("Nothing the
      council says surprises me") and by a contrast ("dull rather than shocking");
    - others' feeling in an equative ("she looked as stunned as anyone");
    - "stunning" said of a place or building to look at;
    - the speaker as the one left in a state ("it left me completely stunned"),
      whose breath or grasp an event took ("it took my breath away", "I
      couldn't take it in");
    - others' mistakes named after the noun (a passive's "by" agent, a relative
      clause's subject: "the mistake most parents make") and apologies received
      or judged ("we accept his apology", "an apology is not enough");
    - self-blame inside an "if" clause, however long: hypothetical;
    - regret with no regret word: "I'll never forgive myself", "we got the
      timing wrong".
    """
    cases: list[tuple[str, str, str, bool]] = []

    def add(group, tone, expected, texts):
        cases.extend((group, tone, t, expected) for t in dict.fromkeys(texts))

    group = "reading: shock senses"
    add(group, "shock", False, [
        "The driver was treated for shock after the crash.",
        "Two passengers were being treated for shock in hospital.",
        "She was suffering from shock when the firefighters reached her.",
        "The cable delivered a mild shock to the engineer's hand.",
        "Touching the door handle gave her a static shock.",
        "The rate rise was designed as a shock to the system.",
        "The new rules will be a shock to the system for small landlords.",
        "Ambulance crews treated three people for shock and minor cuts.",
    ])
    add(group, "shock", True, [
        "What a shock it was to see the mill close.",
        "It came as a real shock to all of us.",
        "I'm still in shock after the result came in.",
        "The news was a terrible shock.",
        "It was a shock to hear the bridge had collapsed.",
    ])
    group = "reading: negative subject and contrast"
    add(group, "shock", False, [
        "Nothing the council says surprises me these days.",
        "Nothing this government does shocks us now.",
        "None of this surprises me.",
        "The result was dull rather than shocking.",
        "It was sad rather than surprising.",
        "The verdict felt inevitable rather than astonishing.",
        "It's not so much shocking as disappointing.",
    ])
    add(group, "shock", True, [
        "Nothing prepared me for how shocked I was.",
        "The result was shocking rather than sad.",
        "Everything about this surprises me.",
        "It was astonishing rather than merely surprising.",
    ])
    group = "reading: others' feeling"
    add(group, "shock", False, [
        "The goalkeeper looked as surprised as everyone else.",
        "She seemed as stunned as the rest of the room.",
        "The minister looked surprised.",
        "He appeared stunned by the verdict.",
        "The jury seemed shocked.",
    ])
    add(group, "shock", True, [
        "I was as surprised as anybody.",
        "We were as stunned as the fans.",
        "Honestly, I was as shocked as everyone else.",
    ])
    group = "reading: praise of places"
    add(group, "shock", False, [
        "The new venue is absolutely stunning.",
        "The cathedral looks stunning at night.",
        "The old castle is truly stunning.",
        "The gardens are stunning in the spring.",
        "The skyline was stunning from the top floor.",
    ])
    add(group, "shock", True, [
        "The defeat was absolutely stunning.",
        "It was a stunning admission from the minister.",
        "The collapse of the talks is stunning.",
    ])
    group = "reading: the speaker left in a state"
    add(group, "shock", True, [
        "Reading the report left me completely stunned.",
        "The footage of the fire left us utterly speechless.",
        "The scale of the damage left me totally shocked.",
        "Seeing the empty shelves took my breath away.",
        "It took our breath away when the doors opened.",
        "I just couldn't take it in.",
        "We can't take it all in yet.",
        "When they read out the verdict I could not take it in.",
    ])
    add(group, "shock", False, [
        "The result left him completely stunned.",
        "The news left the players utterly speechless.",
        "The fumes took his breath away.",
        "The students could take it in their stride.",
        "We can take it in turns to drive.",
    ])
    group = "reading: others' regret"
    add(group, "regret", False, [
        "Errors were made by the previous board, and we are correcting them.",
        "Serious mistakes were committed by the contractor.",
        "The most common mistake first-time buyers make is borrowing too much.",
        "The mistake most parents make is waiting too long.",
        "The errors that the referee made cost us the game.",
        "The club apologised, and we accept their apology.",
        "We welcome the company's apology, but it came late.",
        "An apology is not enough for the families.",
        "Apologies are meaningless without action.",
    ])
    add(group, "regret", True, [
        "Mistakes were made, and I take full responsibility.",
        "The biggest mistake I made was trusting the figures.",
        "The mistakes we made cost the club dearly.",
        "We made a mistake, and we apologise.",
        "My apology was sincere and it still stands.",
    ])
    group = "reading: conditional self-blame"
    add(group, "regret", False, [
        "If it emerges that we made a mistake, we will put it right.",
        "If the inquiry finds I was wrong, I will resign.",
        "If it turns out that our staff got it wrong, we will apologise.",
        "Unless it is proven that I made an error, I am staying.",
    ])
    add(group, "regret", True, [
        "I was wrong, and if I could go back I would.",
        "We made a mistake, if I'm honest.",
        "I got it wrong, and I apologise.",
    ])
    group = "reading: regret without its word"
    add(group, "regret", True, [
        "I'll never forgive myself for missing the call.",
        "We will never forgive ourselves for what happened to the residents.",
        "I won't forgive myself for leaving early.",
        "We got the timing wrong and we paid for it.",
        "I got my figures badly wrong.",
        "Frankly, we got the selection wrong today.",
    ])
    add(group, "regret", False, [
        "They got the timing wrong and we paid for it.",
        "The forecasters got the figures badly wrong.",
        "You'll never forgive yourself if you miss this.",
        "If we lose this, I'll never forgive myself.",
        "She will never forgive him for leaving.",
    ])
    return cases


def frame_cases() -> list[tuple[str, str, str, bool]]:
    """A retrospective frame ("in hindsight", "looking back") is regret only around the speaker's own counterfactual.

    The frame says the speaker looks at the past, not how they judge it: with a
    first person and a modal perfect ("we could have done more", "I should not
    have said it", "we would not have signed the deal") it is regret; with an
    outcome ("it could have been worse"), a plain past ("we had a chance"),
    someone else's counterfactual ("they should have waited") or a denial
    ("I wouldn't have changed a thing", "we couldn't have done more") it is not.
    """
    cases: list[tuple[str, str, str, bool]] = []
    group = "frame: hindsight"
    frames = ["In hindsight, {x}.", "Looking back, {x}.", "With hindsight, {x}.", "In retrospect, {x}.",
              "{X}, looking back.", "With the benefit of hindsight, {x}."]
    own = ["we could have done more for the residents", "I would have waited another week",
           "I'd have acted much sooner", "we might have handled the hiring better",
           "we would not have signed the deal"]
    not_regret = ["it could have been a lot worse", "we had a real chance to win the game",
                  "they should have waited for the report", "the result was always going to be close",
                  "I wouldn't have changed a thing", "we couldn't have done more",
                  "I would not have done anything differently", "it was a great season for the club"]
    for frame, x in itertools.product(frames, own):
        cases.append((group, "regret", frame.format(x=x, X=_cap(x)), True))
    for frame, x in itertools.product(frames, not_regret):
        cases.append((group, "regret", frame.format(x=x, X=_cap(x)), False))
    return cases


# Acts of someone else in a regretted clause: (perfect, past).
OTHER_ACTS = [("has taken such a decision", "took such a decision"), ("has chosen to close the clinic", "decided to close the clinic"),
              ("has walked away from the talks", "walked away from the talks")]


def complement_cases() -> list[tuple[str, str, str, bool]]:
    """Whose act a regret or apology is about: the subject of its complement clause.

    "Regret", "sorry" and "apologise" take a finite clause ("we regret (that) X
    did Y"). When that clause has a subject of its own that is not the speaker
    ("the ministry has taken such a decision"), the speaker deplores another's
    act: criticism, not regret. The speaker's own act in the clause ("that I
    said it", "that our decision caused"), a passive with no agent ("that the
    service was delayed", which may be the speaker's failing) and a noun phrase
    with no verb ("I regret the decision") stay regret. Without "that" the
    clause is read only when an auxiliary follows its subject ("sorry the
    umpire has ruined"): "sorry the umpire ruined" is left as it was read.
    """
    cases: list[tuple[str, str, str, bool]] = []
    group = "complement: whose act"
    agents = ["the ministry", "the council", "the board", "the referee", "the government", "their lawyers"]
    for (subj, *_), agent, (perfect, past) in itertools.product(FIRST, agents, OTHER_ACTS):
        cases.append((group, "regret", f"{subj} regret that {agent} {past}.", False))
        cases.append((group, "regret", f"{subj} deeply regret {agent} {perfect}.", False))
    for (subj, _, am, *_), agent in itertools.product(FIRST, agents):
        cases.append((group, "regret", f"{subj} {am.lower()} sorry that {agent} walked away from the talks.", False))
    for (subj, was, am, my, *_), (ing, pp, np_) in itertools.product(FIRST, ACTS):
        cases.append((group, "regret", f"{subj} regret that {subj if subj == 'I' else 'we'} {pp}.", True))
        cases.append((group, "regret", f"{subj} regret that {my} decision to stop {ing} hurt people.", True))
        cases.append((group, "regret", f"{subj} {am.lower()} sorry that {subj if subj == 'I' else 'we'} {pp}.", True))
        cases.append((group, "regret", f"{subj} regret {np_}.", True))
    cases += [(group, "regret", text, True) for text in [
        "We apologise that the service was delayed this morning.",
        "We regret that the trains were cancelled without warning.",
        "We regret that the product has failed our customers.",
        "I regret the mistakes I made.",
        "We regret that our staff were rude to the families.",
    ]]
    cases += [(group, "regret", text, False) for text in [
        "We regret that the government refused to meet us.",
        "I sincerely regret that the situation had to come to this.",
        "I'm sorry the umpire has ruined a great game.",
        "We regret this government has ignored the evidence.",
    ]]
    return cases


def clause_cases() -> list[tuple[str, str, str, bool]]:
    """Probes of the clause reading, written for issue #16 after a blind probe suite
    found five kinds of failure (none of its sentences are here: these are new,
    each kind with its positives, negatives and look-alikes of the same form)."""
    cases: list[tuple[str, str, str, bool]] = []

    def add(group, tone, expected, texts):
        cases.extend((group, tone, t, expected) for t in dict.fromkeys(texts))

    # 1. whose mistake or apology: the subject of the cue's verb, not the nearest "my"/"our"
    group = "clause: whose regret"
    add(group, "regret", True, [
        "I made an error in the second half.", "We made a mistake, and we will fix it.",
        "I should have warned the residents sooner.", "We should have listened to the nurses.",
        "I apologised to the coach the next morning.", "I said sorry to her, and I meant it.",
        "We owe our supporters an apology.", "I owe the families an apology.",
        "Our team made mistakes all season.", "Our club let the fans down badly.",
        "My staff and I got this wrong.",
        "Acme Rail apologises for the delays this morning.",
        "Northgate Water sincerely apologises to its customers.",
        "The council apologises for any distress caused.",
        "The club regrets the decision to raise prices.",
    ])
    add(group, "regret", False, [
        "The umpire made an error.", "The referee made a mistake in the second half.",
        "The ministry should have warned us.", "The landlord should have fixed the roof.",
        "Our neighbours owe us an apology.", "The company owes the families an apology.",
        "My brother apologised to the coach.", "My sister said sorry to me the next day.",
        "My lawyer made a terrible mistake.", "Our opponents made a lot of mistakes.",
        "The driver apologised to the passengers.", "Maria Lopez apologised to the coach.",
        "His agent made a huge mistake.", "The government should have acted sooner.",
        "The bank made an error on my statement.", "Their manager should never have said it.",
    ])
    # 2. "sorry" as politeness, disagreement, pity or condolence
    group = "clause: sorry without regret"
    add(group, "regret", False, [
        "Sorry to bother you, but do you have a minute?", "Sorry to interrupt, but the car is here.",
        "I'm sorry to trouble you with this.", "I'm sorry, but that is simply false.",
        "I'm sorry, but that is not true.", "We're sorry, but we disagree with the report.",
        "I'm sorry, but you are wrong about this.", "It was a sorry sight.",
        "The pitch was in a sorry state.", "What a sorry tale this is.", "Better safe than sorry.",
        "It's better to be safe than sorry.",
        "Our thoughts and condolences are with his family. We are so sorry.",
        "We are so sorry to learn of her passing.", "I'm so sorry about his death.",
        "We are deeply sorry for the family's loss.",
    ])
    add(group, "regret", True, [
        "We're sorry, but it didn't work out.", "I'm sorry, but I got it wrong.",
        "Sorry to everyone I let down.", "I'm sorry I missed the funeral.",
        "I'm so sorry for the state of the pitch today.", "We are sorry for the delay.",
    ])
    # 3. negation out of the cue's neighbours: answers, fronted negators, degree words, "none of us"
    group = "clause: negation in reach"
    add(group, "shock", False, [
        "Did it surprise me? No.", "Was I shocked? Not at all.", "Surprised? Not really.",
        "At no point was I surprised.", "It was hardly a surprise.", "It was barely a surprise to anyone.",
        "It is scarcely a surprise.", "It came as little surprise.", "None of us were shocked.",
        "None of them were surprised by the result.", "Nothing about this is surprising.",
        "Nothing he does surprises me anymore.", "Nobody here was shocked by it.",
    ])
    add(group, "regret", False, [
        "Regret it? Never.", "Do I regret it? Not for a second.", "Apologise? For what?",
        "Am I sorry? No.", "Not once did I regret that decision.",
        "Not for a moment did I regret leaving.", "Never once have we apologised for it.",
    ])
    add(group, "shock", True, [
        "Did it surprise me? Yes, completely.", "Was I shocked? Absolutely.",
        "Never have I been so shocked.", "Nothing prepared me for how shocked I was.",
        "I was a little surprised.",
    ])
    add(group, "regret", True, [
        "Do I regret it? Yes, every day.", "Never in my life have I been so ashamed.",
        "Am I sorry? Of course I am.",
    ])
    # 4. praise and looks; someone else's reaction; set phrases with a shock word
    group = "clause: praise and others' reactions"
    add(group, "shock", False, [
        "She looked stunning in the final.", "You look stunning tonight.", "The goal was stunning.",
        "He is an incredible talent.", "The players were unbelievable today.",
        "She was incredible from start to finish.", "Their performance was astonishing.",
        "It was a stunning performance.", "The views from the top are stunning.",
        "What an astonishing talent she is.",
        "The crowd was left speechless.", "My father was amazed.", "My wife was shocked when she heard.",
        "Spectators gasped.", "The whole room gasped when the verdict came in.",
        "Our neighbours were horrified.",
        "We have the element of surprise.", "The new engine mounts absorb the shock.",
        "The bumper absorbed the shock of the crash.", "Her book is about the shock of the new.",
    ])
    add(group, "shock", True, [
        "The result was stunning.", "It was a stunning admission.", "It's unbelievable that he got away with it.",
        "I was left speechless.", "We were amazed.", "I gasped when I saw it.",
        "Honestly, the scale of it is astonishing.", "That was unbelievable. How did it happen?",
    ])
    # 5. idioms with no cue word
    group = "clause: idioms"
    add(group, "shock", True, [
        "I didn't see that coming.", "Honestly, I did not see that coming!", "Nobody saw that coming.",
        "It came out of nowhere.", "The decision came out of the blue.", "I nearly fell off my chair.",
        "I almost fell off my chair when I read it.", "I still can't get my head round it.",
        "We can't get our heads around what happened.", "This can't be happening.",
        "Never in my wildest dreams did I think we would win.", "Are you serious?",
        "You've got to be kidding me.",
    ])
    add(group, "shock", False, [
        "I didn't see that coming up in the report.", "I saw that coming a mile off.",
        "He didn't see that coming.", "He nearly fell off his chair.", "I can get my head round it now.",
        "Are you serious about running for mayor?", "In my wildest dreams I would be a pilot.",
        "I'm not kidding.",
    ])
    add(group, "regret", True, [
        "This one's on me.", "That's on us.", "The fault lies with me.", "The fault lies with us.",
        "The blame lies with me.", "I hold my hands up.", "We hold our hands up, we got it wrong.",
        "I'm kicking myself.", "I've been kicking myself ever since.", "I made a bad call.",
        "I made the wrong call on the penalty.", "If I could do it all again, I would change it.",
        "If I could do it again, I'd listen.", "I was in the wrong.", "We were in the wrong, plainly.",
    ])
    add(group, "regret", False, [
        "The fault lies with the council.", "The blame lies with them.", "He held his hands up.",
        "They should be kicking themselves.", "The referee made a bad call.", "He was in the wrong.",
        "You were in the wrong.", "She made the wrong call.",
    ])
    # a second batch of the same five kinds, written after the rules above: other
    # wordings of the same facts (it scored 61/76 before the rules were generalised)
    cases.extend([
        ("clause: whose regret", "regret", "The coach should have played me from the start.", False),
        ("clause: whose regret", "regret", "The council made a serious error in judgment.", False),
        ("clause: whose regret", "regret", "Her predecessor made mistakes we are still paying for.", False),
        ("clause: whose regret", "regret", "The police owe this family an apology.", False),
        ("clause: whose regret", "regret", "My dad said sorry to the neighbours.", False),
        ("clause: whose regret", "regret", "The linesman got it wrong.", False),
        ("clause: whose regret", "regret", "The other driver was to blame.", False),
        ("clause: whose regret", "regret", "The hospital never apologised to us.", False),
        ("clause: whose regret", "regret", "Their captain apologised after the match.", False),
        ("clause: whose regret", "regret", "Management should have seen it coming.", False),
        ("clause: whose regret", "regret", "We got it wrong and we are sorry.", True),
        ("clause: whose regret", "regret", "I take the blame for the result.", True),
        ("clause: whose regret", "regret", "The airline apologizes for any inconvenience.", True),
        ("clause: whose regret", "regret", "I apologise to the supporters who travelled.", True),
        ("clause: whose regret", "regret", "Our party made mistakes in the campaign.", True),
        ("clause: whose regret", "regret", "We should never have signed that contract.", True),
        ("clause: whose regret", "regret", "I was at fault.", True),
        ("clause: sorry without regret", "regret", "Sorry to keep on about this, but the numbers matter.", False),
        ("clause: sorry without regret", "regret", "I'm sorry, but that's just not the case.", False),
        ("clause: sorry without regret", "regret", "Sorry, but I don't accept that.", False),
        ("clause: sorry without regret", "regret", "The club is in a sorry state.", False),
        ("clause: sorry without regret", "regret", "It is a sorry episode for everyone involved.", False),
        ("clause: sorry without regret", "regret", "We send our deepest sympathies. We are truly sorry for your family.", False),
        ("clause: sorry without regret", "regret", "I was so sorry to hear he had died.", False),
        ("clause: sorry without regret", "regret", "I'm sorry for the families who lost loved ones.", False),
        ("clause: sorry without regret", "regret", "I'm sorry, I made a mess of it.", True),
        ("clause: sorry without regret", "regret", "Sorry for the confusion I caused.", True),
        ("clause: negation in reach", "shock", "Was I surprised? Not in the slightest.", False),
        ("clause: negation in reach", "shock", "Shocked? No, not really.", False),
        ("clause: negation in reach", "shock", "Surprised? Hardly.", False),
        ("clause: negation in reach", "regret", "Any regrets? None.", False),
        ("clause: negation in reach", "regret", "Do I have any regrets? No.", False),
        ("clause: negation in reach", "regret", "Sorry? Why would I be sorry?", False),
        ("clause: negation in reach", "regret", "At no time did I apologise.", False),
        ("clause: negation in reach", "shock", "Never once was I surprised by her.", False),
        ("clause: negation in reach", "shock", "It was scarcely surprising.", False),
        ("clause: negation in reach", "shock", "It's little surprise they lost.", False),
        ("clause: negation in reach", "shock", "No one in the room was shocked.", False),
        ("clause: negation in reach", "shock", "Neither of us was surprised.", False),
        ("clause: negation in reach", "shock", "Nothing in the report surprised me.", False),
        ("clause: negation in reach", "shock", "Was I surprised? Very.", True),
        ("clause: negation in reach", "shock", "Not since 1990 have I been so stunned.", True),
        ("clause: negation in reach", "regret", "Any regrets? Plenty.", True),
        ("clause: praise and others' reactions", "shock", "She looks absolutely stunning.", False),
        ("clause: praise and others' reactions", "shock", "His speed is incredible.", False),
        ("clause: praise and others' reactions", "shock", "The lads were incredible tonight.", False),
        ("clause: praise and others' reactions", "shock", "That was an unbelievable save.", False),
        ("clause: praise and others' reactions", "shock", "What a stunning goal.", False),
        ("clause: praise and others' reactions", "shock", "The fans have been amazing all season.", False),
        ("clause: praise and others' reactions", "shock", "My mother was stunned.", False),
        ("clause: praise and others' reactions", "shock", "The audience gasped.", False),
        ("clause: praise and others' reactions", "shock", "Her colleagues were shocked by the news.", False),
        ("clause: praise and others' reactions", "shock", "Local people were horrified.", False),
        ("clause: praise and others' reactions", "shock", "The referee looked surprised.", False),
        ("clause: praise and others' reactions", "shock", "We relied on the element of surprise.", False),
        ("clause: praise and others' reactions", "shock", "The mats are designed to absorb shock.", False),
        ("clause: praise and others' reactions", "shock", "It was a stunning collapse.", True),
        ("clause: praise and others' reactions", "shock", "The speed of it all was astonishing.", True),
        ("clause: praise and others' reactions", "shock", "I was stunned by the decision.", True),
        ("clause: idioms", "shock", "I never saw this coming.", True),
        ("clause: idioms", "shock", "It came totally out of the blue.", True),
        ("clause: idioms", "shock", "I couldn't believe what I was seeing.", True),
        ("clause: idioms", "shock", "I'm still trying to get my head around it.", True),
        ("clause: idioms", "shock", "You could have knocked me down with a feather.", True),
        ("clause: idioms", "shock", "I had to pinch myself.", True),
        ("clause: idioms", "shock", "I'm lost for words.", True),
        ("clause: idioms", "shock", "Are you kidding me?", True),
        ("clause: idioms", "shock", "Are you kidding yourself about the budget?", False),
        ("clause: idioms", "regret", "That's my responsibility and I own it.", True),
        ("clause: idioms", "regret", "I hold my hands up, it was poor.", True),
        ("clause: idioms", "regret", "We let ourselves down.", True),
        ("clause: idioms", "regret", "I made a huge error of judgement.", True),
        ("clause: idioms", "regret", "If I had my time again I would do it differently.", True),
        ("clause: idioms", "regret", "Acme Bank apologises to customers affected.", True),
        ("clause: idioms", "regret", "The minister held his hands up.", False),
        ("clause: idioms", "regret", "He's kicking himself now.", False),
    ])
    # a third batch, written after the second was fixed (it scored 56/72 first):
    # all five kinds mixed
    cases.extend(("clause: third batch", tone, text, expected) for tone, text, expected in [
        ("regret", "The manager made a huge mistake by dropping him.", False),
        ("regret", "My colleague should have checked the figures.", False),
        ("regret", "The prime minister owes the country an apology.", False),
        ("regret", "The teacher apologised to my son.", False),
        ("regret", "Several ministers made errors.", False),
        ("regret", "The builders should not have started work.", False),
        ("regret", "Both sides made mistakes, but they made more.", False),
        ("regret", "The board have apologised, but it is not enough.", False),
        ("regret", "My opponent should apologise.", False),
        ("regret", "The insurers blamed us.", False),
        ("regret", "We made a mistake and we apologise.", True),
        ("regret", "I should've been more careful.", True),
        ("regret", "I'm the one who should apologise.", True),
        ("regret", "Our company takes full responsibility.", True),
        ("regret", "The trust apologises unreservedly to Mrs Patel.", True),
        ("regret", "I personally apologise to every fan.", True),
        ("regret", "We at the council made a serious error.", True),
        ("regret", "I'm sorry, but that simply isn't true.", False),
        ("regret", "I'm sorry to say the project failed.", False),
        ("regret", "Sorry to be blunt, but the plan won't work.", False),
        ("regret", "It's a sorry story.", False),
        ("regret", "I am so sorry for their loss.", False),
        ("regret", "We're heartbroken and so sorry to hear of his death.", False),
        ("regret", "Sorry, who are you?", False),
        ("regret", "I'm sorry. I let you down.", True),
        ("regret", "I am sorry for what I said about her.", True),
        ("regret", "We're sorry for the disruption this has caused.", True),
        ("shock", "Surprised? Of course not.", False),
        ("shock", "Am I shocked? Not one bit.", False),
        ("regret", "Do I feel guilty? No.", False),
        ("regret", "Do I regret signing? Absolutely not.", False),
        ("regret", "Not for one second do I regret it.", False),
        ("shock", "None of the players were surprised.", False),
        ("shock", "It was hardly shocking.", False),
        ("shock", "It's barely surprising given the history.", False),
        ("shock", "Nothing about his behaviour shocks me.", False),
        ("shock", "Was it a shock? Yes, a huge one.", True),
        ("shock", "Never have I seen anything so shocking.", True),
        ("regret", "Regret it? Every single day.", True),
        ("shock", "She is an unbelievable athlete.", False),
        ("shock", "You were amazing out there.", False),
        ("shock", "The scenery is breathtaking and stunning.", False),
        ("shock", "He played an incredible innings.", False),
        ("shock", "His family were stunned.", False),
        ("shock", "The whole village was shocked.", False),
        ("shock", "The children were amazed by the show.", False),
        ("shock", "Shoppers looked on in horror.", False),
        ("shock", "The car's suspension absorbs the shock.", False),
        ("shock", "They used the element of surprise.", False),
        ("shock", "That was an astonishing decision.", True),
        ("shock", "The level of abuse is staggering.", True),
        ("shock", "We were all shocked.", True),
        ("shock", "I couldn't quite believe it.", True),
        ("shock", "I nearly fell off my seat.", True),
        ("shock", "I was gobsmacked, honestly.", True),
        ("shock", "It hit me like a ton of bricks.", True),
        ("shock", "My jaw hit the floor.", True),
        ("shock", "It's beyond belief.", True),
        ("shock", "What on earth is going on?", True),
        ("shock", "I'm speechless, absolutely speechless.", True),
        ("shock", "I'm speechless with gratitude? No, just grateful.", False),
        ("regret", "It's my fault and nobody else's.", True),
        ("regret", "I got that one badly wrong.", True),
        ("regret", "I hold up my hands.", True),
        ("regret", "Mea culpa.", True),
        ("regret", "With the benefit of hindsight, I would have acted sooner.", True),
        ("regret", "I wish I could turn back the clock.", True),
        ("regret", "I regret ever agreeing to it.", True),
        ("regret", "Lesson learned.", True),
        ("regret", "He made a bad call.", False),
        ("regret", "The fault is theirs.", False),
        ("regret", "They should hold their hands up.", False),
        # two look-alikes of readings above, added after the news dev check showed a
        # subject read through an infinitive's "to" and "beyond belief" as a degree
        ("shock", "I was the first person to be surprised.", True),
        ("shock", "That was stupid beyond belief.", False),
    ])
    # what a "sorry" is about (tone6): the hearer's trouble of the moment, news to
    # deliver or a present constraint is politeness; the speaker's own act is regret
    cases.extend(("reading: what sorry is about", "regret", text, expected) for text, expected in [
        ("Sorry to keep you waiting.", False),
        ("Sorry to keep you all waiting, let's start.", False),
        ("I'm sorry to have kept you waiting so long.", False),
        ("Sorry for the wait, folks.", False),
        ("We're sorry for the wait, the lifts are slow today.", False),
        ("Sorry for interrupting, but the bus is here.", False),
        ("Sorry for the interruption.", False),
        ("I'm sorry to interrupt, minister.", False),
        ("Sorry to barge in like this.", False),
        ("I'm sorry to have to tell you that the match is off.", False),
        ("We're sorry to have to announce the closure of the branch.", False),
        ("I'm sorry to have to say it, but the figures are poor.", False),
        ("Sorry, I have to go.", False),
        ("Sorry, I've got to run, the train leaves at six.", False),
        ("I'm sorry, we have to leave now.", False),
        ("Sorry, I need to take this call.", False),
        ("Sorry, we must get going.", False),
        # the speaker's own act stays an apology
        ("I'm sorry to have caused so much pain.", True),
        ("I'm sorry to have let you down.", True),
        ("We're sorry for keeping the families in the dark for so long.", True),
        ("I'm sorry for what I did to her.", True),
        ("Sorry, I got that completely wrong.", True),
        ("We are sorry for the delays our mistakes caused.", True),
        ("I'm sorry for the way I treated the staff.", True),
        ("We apologise for the delay to your service.", True),
        # (review) the trouble named as the speaker's own act, a run of determiners,
        # the speaker's own waiting, and "I have to say" framing what follows
        ("I'm sorry for the trouble I caused her family.", True),
        ("We are sorry for any of the disruption we brought to the town.", True),
        ("I'm sorry for all the trouble.", False),
        ("I am sorry for waiting so long to speak out.", True),
        ("Sorry, I have to admit we got the tactics wrong.", True),
        ("Sorry, I have to say I misjudged it.", True),
    ])
    # disappointment aimed at one's own side's act is self-blame (tone6); at others,
    # at fate or as a bare feeling it is no regret
    cases.extend(("reading: disappointment at one's own side", "regret", text, expected) for text, expected in [
        ("We are very disappointed with our performance tonight.", True),
        ("I'm disappointed with the way we defended.", True),
        ("I was bitterly disappointed with my own display.", True),
        ("We're disappointed in ourselves, plain and simple.", True),
        ("I'm so disappointed because we didn't give ourselves a chance.", True),
        ("We are disappointed that we failed to deliver on time.", True),
        ("Our players were disappointed with our defending.", True),
        ("I was very disappointed in the president.", False),
        ("We are disappointed that the council has rejected the plan.", False),
        ("We're disappointed that Jacques is leaving us.", False),
        ("I'm disappointed for the fans.", False),
        ("I'm very disappointed.", False),
        ("He was disappointed with our performance.", False),
        ("The coach was disappointed with his team.", False),
        ("I'm not disappointed with our performance at all.", False),
        ("If we lose, I'll be disappointed with our defending.", False),
        ("I would be disappointed if we didn't win.", False),
        ("We are disappointed with the referee's decision.", False),
        # (review) "our"/"my" owning other people, or a third person acting on the
        # speaker's side, is no self-blame
        ("We are disappointed in our neighbours.", False),
        ("I'm disappointed with my opponent's behaviour.", False),
        ("We are disappointed with the way they treated our players.", False),
        ("I am disappointed with how he handled our complaint.", False),
        ("I'm disappointed with our results this season.", True),
        ("We are disappointed in our team's attitude.", True),
    ])
    # incredulity idioms (tone6): understanding defied, "beyond belief that", a bolt from the blue
    cases.extend(("reading: incredulity idioms", "shock", text, expected) for text, expected in [
        ("Frankly, it defies explanation.", True),
        ("The decision defies logic.", True),
        ("What happened on Saturday defied logic.", True),
        ("It simply defies comprehension.", True),
        ("It's almost beyond belief that the council let this happen.", True),
        ("It is beyond belief that this was allowed to happen.", True),
        ("The resignation came as a bolt from the blue.", True),
        ("It was a bolt out of the blue for all of us.", True),
        ("He was naive beyond belief.", False),
        ("It doesn't defy logic at all.", False),
        ("It never defied explanation; the engineers knew the cause.", False),
        ("The gymnast seems to defy gravity.", False),
        ("The sky was blue and the day was calm.", False),
        ("He bolted the door and went to bed.", False),
    ])
    return cases


def tone16_cases() -> list[tuple[str, str, str, bool]]:
    """Readings of the lexicon side behind a third blind probe suite's kinds (tone-16).

    Invented for issue #16 from the kinds only, each beside its look-alikes:

    - "shock" before a noun or beside a physical source is no feeling ("the shock
      resignation", "a shock wave", "the shock from the blast", "went into
      shock"), while "it came as a shock (to us)" and "What a surprise!" are;
    - a question that expects "no" ("Is anyone surprised?", "Who's shocked by
      that?", "Are we really surprised?") is no shock, while a question voicing
      disbelief ("Can you believe it?", "How on earth ...?") is;
    - a judgement found by someone else ("Critics found it appalling") is theirs;
    - interjections made of a noun ("Good grief", "Jesus", "Bloody hell") count
      only standing alone ("good grief counselling", "Jesus said", "the good
      Lord" do not), and idioms of checking one's senses or being shaken count;
    - a modal of desire performs an apology ("I would like to apologise"), an
      organisation's present state is its own ("The club is sorry"), and
      self-blame needs no stock word ("I hold myself responsible", "I was out of
      order", "I was naive to trust them"), while the same of others is not;
    - others' apologies ("his apology", "the apology from the company") and
      wishes about others' acts ("I wish the council had listened") are no regret;
    - "Sorry?" asking for a repeat, "zero regrets" and an accusation denied
      ("They say I got it wrong, but I didn't") are no regret.
    """
    cases: list[tuple[str, str, str, bool]] = []

    def add(group, tone, expected, texts):
        cases.extend((group, tone, t, expected) for t in texts)

    g = "tone16: shock senses and compounds"
    add(g, "shock", False, [
        "The shock resignation of the coach left the board scrambling.", "It was a shock defeat for the home side.",
        "A shock wave travelled through the building.", "Shock waves were felt ten miles away.",
        "The blast sent a shock wave across the valley.", "The shock from the explosion broke every window.",
        "The shock from the blast shattered the windows.", "The device delivers a small shock.",
        "The fence delivers a mild electric shock to cattle.", "The defibrillator delivered a shock to restart his heart.",
        "She went into shock after losing so much blood.", "The patient went into anaphylactic shock.",
        "Aftershocks continued through the night.", "The surprise resignation of the chairman hit the shares.",
        "It was a surprise decision by the board.", "The surprise departure of the chief executive was announced.",
        "We have lost the element of surprise.", "The surprise guest was a former player.",
        "They tried shock tactics to win the vote.",
    ])
    add(g, "shock", True, [
        "It came as a shock.", "It came as a real shock to me.", "It was a shock to all of us.",
        "What a surprise!", "What a shock it was to see the damage.", "It was a huge shock, honestly.",
        "To my surprise, they agreed.", "Much to my surprise, they said yes.", "The result was a complete shock.",
        "It came as a surprise to all of us.", "That was a shock, to be honest.", "It was a shock to everyone in the village.",
    ])
    g = "tone16: questions that expect no"
    add(g, "shock", False, [
        "Is anyone really surprised?", "Is anybody surprised by this?", "Was anyone really shocked by the verdict?",
        "Who's shocked by that?", "Who is surprised that prices went up?", "Are we really surprised?",
        "Surprised? Not in the least.", "Surprised? Hardly.", "None of it shocks me.",
        "Nothing about this came as a surprise.", "No one at the club was stunned.", "Nothing in the report surprised me.",
        "Nobody in the room was shocked.", "How can you believe anything he says?",
    ])
    add(g, "shock", True, [
        "Can you believe it?", "Could you believe it? We won!", "Can you believe what just happened?",
        "How on earth did that happen?", "How on earth did they miss that?", "I was stunned that nobody called.",
        "I was shocked that no one was arrested.", "We were stunned that nothing was done.",
        "Was I surprised? Absolutely.", "Who would have thought it?",
    ])
    g = "tone16: others' judgements and praise"
    add(g, "shock", False, [
        "The residents found the decision shocking.", "Many voters found the advert shocking.",
        "The judge found the evidence astonishing.", "Critics found her remarks appalling.",
        "The fans were left stunned.", "The players were left stunned by the decision.", "It's a stunning view.",
        "The support has been incredible.", "The response from the fans has been amazing.",
    ])
    add(g, "shock", True, [
        "I found the whole thing shocking.", "We found it astonishing.", "Frankly, I find it appalling.",
        "I found the decision shocking.", "It was shocking.",
    ])
    g = "tone16: interjections and idioms"
    interjections = ["Good grief", "Good heavens", "Good Lord", "Bloody hell", "Blimey", "Crikey", "Holy cow",
                     "My goodness", "Jesus", "Oh my God"]
    for word, (sep, rest) in itertools.product(interjections, [(", ", "what a mess."), ("! ", "Look at that."),
                                                               (" - ", "I never expected that.")]):
        add(g, "shock", True, [f"{word}{sep}{rest}"])
    add(g, "shock", True, [f"\u201c{word}, what a mess,\u201d {name} said." for word in interjections[:4]
                           for name in NAMES[:2]])
    add(g, "shock", True, [
        "I had to pinch myself.", "I had to pinch myself when I saw the score.", "I had to read it twice.",
        "I had to read it twice to make sure.", "My jaw hit the floor.", "My jaw hit the floor when I heard.",
        "I thought I was dreaming.", "I honestly thought I was dreaming.", "I was shaken to the core.",
        "We were shaken to the core.", "It shook me to the core.", "I still can't get my head around it.",
    ])
    add(g, "shock", False, [
        "Jesus said love thy neighbour.", "Jesus told his disciples to follow him.", "The church sang hymns to Jesus.",
        "Good Lord Jesus, hear our prayer.", "We thank the good Lord for the harvest.",
        "We offer good grief counselling to families.", "The charity runs grief counselling sessions.",
        "The community was shaken to the core, the mayor said.", "His jaw was broken in the fight.",
        "They were shaken to the core.",
    ])
    g = "tone16: performative apologies"
    for (subj, *_), form in itertools.product(FIRST, [
            "{S} would like to apologise to the families.", "{S}'d like to offer {my} apologies.",
            "{S} would like to take this opportunity to apologise.", "{S}'d just like to say sorry to everyone affected.",
            "{S} would like to offer {my} sincere apologies.", "{S} want to say sorry.", "{S} wish to apologise.",
            "{S} withdraw those remarks and apologise."]):
        add(g, "regret", True, [form.format(S=subj, my="my" if subj == "I" else "our")])
    add(g, "regret", True, [
        "The party is sorry for the distress it caused.", "The club is deeply sorry for what happened.",
        "After everything that happened in the last few weeks, and everything that has been said about the club "
        "and its supporters, I am truly sorry.",
    ])
    add(g, "regret", False, [
        "Would you like to apologise?", "I would have liked to apologise, but there was no time.",
        "He would like to apologise to the families.", "If he would like to apologise, we will listen.",
        "They would like us to apologise.", "Maria Lopez would like to apologise.",
        "The minister was sorry, she said.",
    ])
    g = "tone16: self-blame without the stock words"
    for (subj, was, *_), form in itertools.product(FIRST, [
            "{S} hold {self} responsible.", "{S} hold {self} accountable.", "{S} {was} naive to trust them.",
            "{S} {was} out of order.", "{S} {was} out of line.", "{S} {was} too hasty.", "{S} {was} careless.",
            "That's on {me}.", "{S} messed up.", "{S} let the fans down."]):
        me = "me" if subj == "I" else "us"
        self_ = "myself" if subj == "I" else "ourselves"
        add(g, "regret", True, [form.format(S=subj, was=was, me=me, self=self_)])
    for (subj, was, *_), form in itertools.product(OTHERS[:2], [
            "{S} {was} naive.", "{S} {was} naive to trust them.", "{S} {was} out of order.", "{S} {was} too hasty.",
            "{S} {was} careless with the files."]):
        add(g, "regret", False, [form.format(S=subj, was=was)])
    add(g, "regret", False, [
        "The lift is out of order.", "That was out of line, he said.", "It was a hasty decision by the council.",
        "Maria Lopez was naive to trust them.", "The minister was out of order.",
    ])
    g = "tone16: others' apologies and wishes"
    add(g, "regret", False, [
        "My client is deeply remorseful.", "The minister has apologised.", "The apology from the company came too late.",
        "I accept his apology.", "His apology came too late.", "The company's apology was not enough.",
        "We have had an apology from the council.", "An apology from the minister would help.",
        "I wish the council had listened.", "I wish they had told us.", "I wish the government had acted sooner.",
        "I wish someone had warned us.", "I wish the referee had seen it.", "We wish Maria Lopez had stayed.",
    ])
    add(g, "regret", True, [
        "An apology from me is long overdue.", "I wish I had listened.", "We wish we had acted sooner.",
        "I wish I had spoken up.", "I wish we had never signed it.", "I wish that I had listened.",
    ])
    g = "tone16: sorry? and denials"
    add(g, "regret", False, [
        "Sorry? Could you say that again?", "Sorry? What was the question?", "Sorry? What did you say?",
        "I'm sorry? Say that again.", "Zero regrets.", "Zero regret.", "I have zero regrets about it.",
        "Not a single regret.", "I never once apologised and never will.",
        "They say I got it wrong, but I didn't.", "People say we made a mistake, but we didn't.",
        "They claim I was wrong, but I wasn't.",
    ])
    add(g, "regret", True, [
        "I made a mistake, but I didn't mean to hurt anyone.", "Am I sorry? Yes, I am.", "Am I sorry? Of course I am.",
        "Sorry. I was wrong.", "I got it wrong, but I learned from it.",
    ])
    return cases


def tone17_cases() -> list[tuple[str, str, str, bool]]:
    """Readings of the lexicon side behind a fourth blind probe suite's kinds (tone-17).

    Invented for issue #16 from the kinds only, each beside its look-alikes:

    - an organisation apologising for itself in the present or with a modal of
      desire or a wish ("The concert organisers apologise", "Southern Rail would
      like to apologise", "The council wishes to apologise", "We, the board,
      apologise") is its own apology; a reported past ("The minister
      apologised on Tuesday", "has since apologised") and a person's wish
      ("Maria Lopez wishes to apologise") are not;
    - owing an apology is the debtor's ("I owe everyone an apology"; "he owes
      them one" is not), and "it's on us" owns a failure ("it's on us to
      deliver", "the pressure is on us" do not);
    - a question answered no after a sentence adverb ("Honestly, no.") or with
      "There was no mistake" refuses regret;
    - regret words nobody owns: a present-tense truth about regret ("Regret is
      pointless", "Mistakes happen", "Sorry seems to be the hardest word") and
      a subject naming anyone ("Anyone who sells now is making a mistake");
    - the speaker as the object of an active shock verb ("The figures shocked
      me", "it knocked me for six"), another as its object ("it shocked him");
    - looking again in disbelief ("I had to read the letter three times", "I
      looked at the scoreboard twice"), not care ("twice before signing");
    - negators reaching over the verb of "came as a surprise" and of finding
      ("It hardly came as a surprise", "I didn't find it shocking"), and an
      exclamative hypothetical ("Imagine how shocked we'd be");
    - praise of a thing ("a stunning building"); others' feeling when the
      speaker is in the subject's relative clause ("The staff I spoke to were
      horrified"), a modified noun's ("the stunned fans") or someone else's
      exclamation ("My wife said 'oh my God'"); an economic shock ("a supply
      shock", "an oil-price shock").
    """
    cases = []
    def add(group, tone, expected, texts):
        cases.extend((group, tone, t, expected) for t in texts)
    g = "tone17: an organisation's own apology"
    add(g, "regret", True, [
        "Thameslink would like to apologise to passengers.", "Southern Rail would like to apologise for the disruption.",
        "The concert organisers apologise for the delays.", "The organisers apologise for any inconvenience caused.",
        "Our bank is truly sorry.", "Our company is deeply sorry for the delays.",
        "We, the board of the club, apologise.", "We, the directors, apologise unreservedly.",
        "The council wishes to apologise.", "The council wishes to apologise to residents.",
        "The trust would like to apologise to the family.", "The hospital apologises for the distress caused.",
        "The airline is sorry for the disruption.", "Acme Water wishes to apologise for the interruption.",
        "The management sincerely apologises.", "The club wants to apologise to its supporters.",
        "The board regrets the decision it made.", "Our staff are very sorry for the mistake.",
        "The organisers are sorry for the delays.",
    ])
    add(g, "regret", False, [
        "The minister apologised on Tuesday.", "The club has apologised.", "He says sorry.",
        "The council apologised last week.", "The airline has since apologised to passengers.",
        "The company apologised after the outage.", "She says sorry every time.", "The minister has said sorry.",
        "The driver apologised to the family.", "He wishes to apologise, his lawyer said.",
        "The council should apologise.", "The company must apologise.", "They want the council to apologise.",
        "The bank would like us to apologise.", "The bank was sorry, they told us.",
    ])
    g = "tone17: owing an apology"
    for (subj, *_), form in itertools.product(FIRST, [
            "{S} owe the fans an apology.", "{S} owe you an apology.", "{S} owe everyone an apology.",
            "{S} owe the families a huge apology."]):
        add(g, "regret", True, [form.format(S=subj)])
    add(g, "regret", True, [
        "That's on me.", "It's on us.", "That one's on me.", "That is on me, nobody else.", "This is on us.",
        "I think I owe them an apology.",
    ])
    add(g, "regret", False, [
        "He owes them an apology.", "You owe me an apology.", "They owe us an apology.", "She owes the fans an apology.",
        "The council owes residents an apology.", "That's on them.", "It's on him.", "That one's on the referee.",
        "The drinks are on me.", "This round is on us.", "Lunch is on me.", "It's on the table.",
        "The onus is on them.", "The pressure is on us.", "The ball is on me.",
    ])
    g = "tone17: a refusal answering the question"
    add(g, "regret", False, [
        "Do I regret it? No.", "Do I regret it? Not at all.", "Do I wish I had done it differently? Honestly, no.",
        "Do I regret anything? No, not one thing.", "Any regrets? None.", "Any regrets? No.",
        "A mistake? There was no mistake on our part.", "Was it a mistake? No.", "Was it a mistake? Absolutely not.",
        "Am I sorry? No.", "Am I sorry? Not for a second.", "Should I apologise? No.",
        "The company will not be apologising.", "We will not be apologising.", "I won't be apologising for it.",
        "We're not going to apologise.", "I have nothing to apologise for.", "There was no mistake.",
        "Did we make a mistake? No, we did not.",
    ])
    add(g, "regret", True, [
        "Do I regret it? Yes, every day.", "Do I regret it? Of course I do.", "Do I regret it? Yes.",
        "Was it a mistake? Yes, it was.", "Was it a mistake? Yes.", "Am I sorry? Yes.", "Any regrets? Plenty.",
        "Do I wish I had done it differently? Yes, I do.", "Did we make a mistake? Yes, we did.",
    ])
    g = "tone17: regret words nobody owns"
    add(g, "regret", False, [
        "Regret is pointless in this game.", "Regret is a waste of time.", "Anyone who sells now is making a big mistake.",
        "Anyone who votes for them is making a mistake.", "Sorry seems to be the hardest word for this government.",
        "Mistakes happen.", "Mistakes happen in football.", "Everybody makes mistakes.", "Everyone makes mistakes.",
        "People make mistakes.", "Mistakes will happen.", "Whoever did this made a terrible mistake.",
        "Anyone who thinks that is making a mistake.", "Regret gets you nowhere.", "Apologies cost nothing.",
        "Saying sorry is never easy for politicians.", "It would be a mistake to sell now.",
        "It's a mistake to think the job is done.",
    ])
    add(g, "regret", True, [
        "I made a big mistake.", "We made mistakes.", "I made a terrible mistake.", "We made a huge mistake.",
        "It was my mistake.", "I regret it.", "The mistake was mine.", "I made mistakes, like everyone.",
        "I make mistakes, and this was one.",
    ])
    g = "tone17: the speaker as the object of a shock verb"
    add(g, "shock", True, [
        "The figures shocked me.", "It really stunned us.", "That result floored me.", "The scale of it astonished me.",
        "What she said staggered me.", "It knocked me for six.", "The news shocked us all.", "It completely floored us.",
        "The decision astounded me.", "Her answer stunned me.", "The verdict shocked me to the core.",
        "Honestly, it shocked me.", "The size of the bill staggered us.", "It amazed me how quickly it spread.",
        "It horrified me.", "The pictures horrified us.", "The result knocked us for six.", "That really threw me.",
    ])
    add(g, "shock", False, [
        "It shocked him.", "It didn't shock me.", "It would shock me if they won.", "The news shocked them.",
        "It stunned the fans.", "Nothing shocks me any more.", "It wouldn't surprise me.", "It won't shock us.",
        "That result floored the bookmakers.", "It knocked him for six.", "It never shocked me.",
        "It would have shocked me ten years ago.", "Did it shock me? No.", "It astonished her.",
    ])
    g = "tone17: disbelief in a longer form"
    add(g, "shock", True, [
        "I had to read the letter three times because I didn't believe it.", "I looked at the scoreboard twice.",
        "I read the email again and again.", "I had to look twice.", "I had to look at the figures twice.",
        "I had to check the scoreboard again.", "I checked it twice because I could not believe it.",
        "I read it again because I didn't believe it.", "I had to double-check the figures.",
    ])
    add(g, "shock", False, [
        "I read the letter twice before signing.", "Always check the figures twice.",
        "I read it three times to be sure.", "I read the report twice to check the figures.", "He read the letter three times.",
        "I looked at the contract again.", "She had to read it twice.", "They checked the scoreboard twice.",
        "I believed it.", "I didn't believe his excuse.",
    ])
    g = "tone17: negators and hypotheticals"
    add(g, "shock", False, [
        "It hardly came as a surprise.", "It was scarcely shocking.", "I didn't find the verdict shocking at all.",
        "Imagine how shocked we'd all be if he won.", "You'd be amazed if you saw it.", "It barely surprised me.",
        "It was hardly a shock.", "It hardly shocked anyone.", "I wasn't remotely surprised.",
        "Imagine how surprised they'd be.", "You'd be shocked if you knew.", "I can't say I was surprised.",
        "I found nothing shocking in it.", "It scarcely came as a shock.", "I never found it shocking.",
        "We didn't find it surprising.", "It was barely a surprise.",
    ])
    add(g, "shock", True, [
        "I was shocked.", "It came as a surprise.", "I found the verdict shocking.",
        "I could hardly believe it.", "I can scarcely believe it.", "We could barely believe our eyes.",
        "It was shocking, to be honest.",
    ])
    g = "tone17: praise, not disbelief"
    add(g, "shock", False, [
        "It's a stunning building.", "The crowd was absolutely incredible.", "An unbelievable goal.",
        "What an incredible goal.", "It was an amazing night.", "The atmosphere was unbelievable.",
        "The fans were incredible.", "The view is stunning.", "It's an amazing place.", "She scored a stunning goal.",
        "He played an unbelievable game.", "The food was amazing.", "The support was unbelievable tonight.",
        "The team was incredible today.", "It was a stunning performance.", "The weather has been amazing.",
    ])
    add(g, "shock", True, [
        "It's stunning that nobody noticed.", "It's incredible they let it happen.", "It's unbelievable that this is allowed.",
        "It's amazing that no one was hurt.", "It is incredible that they did nothing.", "Unbelievable. How could they?",
        "It's stunning how little was done.", "It's just unbelievable.",
    ])
    g = "tone17: someone else's feeling"
    add(g, "shock", False, [
        "The staff I spoke to were horrified.", "My wife said 'oh my God'.", "The fans were left stunned.",
        "The people I met were shocked.", "Everyone I talked to was stunned.", "The families we spoke to were appalled.",
        "My husband said wow.", "Her mother said oh my God.", "The neighbours I know were horrified.",
        "The players were horrified.", "My kids were stunned.",
    ])
    add(g, "shock", True, [
        "We were all horrified.", "All of us were stunned.", "I was horrified.", "We were shocked.",
        "Oh my God.", "I said oh my God.", "My family and I were horrified.", "Me and my wife were stunned.",
    ])
    g = "tone17: economic and technical shock"
    add(g, "shock", False, [
        "An interest-rate shock would hurt borrowers.", "It was a supply shock.", "The oil-price shock hit the economy.",
        "A demand shock is coming.", "The economy suffered an oil price shock.", "We saw a supply shock last year.",
        "A negative demand shock hit exports.", "The energy price shock is hurting families.",
        "The economy took a price shock.", "An external shock could tip us into recession.", "It was an inflation shock.",
        "A rate shock is the biggest risk.",
    ])
    add(g, "shock", True, [
        "It was a shock.", "The price rise came as a shock.", "It was a real shock to see the prices.",
        "The bill was a shock.", "It was such a shock.",
    ])
    g = "tone17: look-alikes of the readings"
    add(g, "shock", True, [
        "I was shocked the council did nothing.", "We were stunned the club let him go.", "It left me stunned.",
        "I surprised myself.", "How shocked I was.", "Imagine my surprise when they called.", "It was a big shock.",
        "All I know is I was stunned.", "What I saw was horrifying.", "It shocked me, and it shocked them.",
        "My wife and I were horrified.", "We were all stunned, to be honest.",
    ])
    add(g, "shock", False, [
        "The stunned fans left quietly.", "The people I love were horrified.", "There was a stunned silence.",
        "The tariff shock hit exporters.", "A currency shock could follow.", "I read the letter twice before signing.", "She had to read it twice.",
        "We check every bag twice.", "I looked at the contract again.", "I didn't have to look twice.",
        "He looked at the scoreboard twice.", "They had to double-check the figures.",
    ])
    add(g, "regret", True, [
        "Mistakes were made.", "Apologies for the delay.", "We apologise for the delay.", "The mistake was ours.",
        "I wish to apologise.", "Our company apologises.", "Do I regret it? Honestly, yes.",
        "The museum would like to apologise to visitors.", "Our hotel is very sorry for the inconvenience.",
        "The council wishes to apologise for the error.", "We owe everybody an apology.",
    ])
    add(g, "regret", False, [
        "Sorry is not enough.", "Maria Lopez wishes to apologise.", "Mr Okafor would like to apologise.",
        "He wishes to apologise.", "The council has since apologised.", "Anyone can make a mistake.",
        "I think anyone would regret it.", "Abusive people apologise sweetly too.", "It's on us to deliver.",
        "The pressure is on us.", "Everybody owes them an apology.",
    ])
    return cases


def tone18_cases() -> list[tuple[str, str, str, bool]]:
    """Readings of the lexicon side behind a fifth blind probe suite's kinds (tone-18).

    Invented for issue #16 from the kinds only, each beside its look-alikes:

    - shock words in physical, titular or plain-noun senses: a shockwave that
      rolls through a place, a capitalised run naming a work ("the novel Future
      Shock", "the album Astonishing Tales"), surprises counted as things
      prepared ("a few surprises for the fans"); news that "sent shockwaves
      through" people, and a surprise "to me", stay;
    - others' shock: a generic subject picked out by a relative clause ("Anyone
      who's surprised by this hasn't been paying attention") and others "in a
      state of shock"; "We are all in a state of shock" stays the speaker's;
    - idioms of shock with no shock word ("I'm still reeling", "I was rocked by
      the news", "it left me open-mouthed", "I was knocked sideways", "it caught
      me off guard"), not said of others ("the boxer was reeling", "the markets
      were rocked by the news");
    - self-blame in common forms: letting anyone down ("I let my family down";
      "he let us down", "let your hair down", "let me calm you down" are not),
      the responsibility resting with the speaker, a choice of "the wrong" one,
      a retrospective frame over the speaker's excess ("In hindsight, we acted
      too slowly"; not "I was too young to understand"), doing it again
      differently ("I would do things differently if I had my time again"; not
      "I would do exactly the same"), an organisation's own apology as the
      object of a present verb of giving ("The company offers its sincere
      apology"; not "rejected his apology", "has issued its apology");
    - politeness and formulas: "sorry" past a vocative before a constraint of the
      moment ("Sorry, mate, I'm running late"), a wish about the present ("I wish
      I had more time to chat"), "Mistake or not";
    - a part of a group is its members, not the body speaking ("Half the board
      regret backing him"; "The board regret the decision" stays its own).
    """
    cases = []
    def add(group, tone, expected, texts):
        cases.extend((group, tone, t, expected) for t in texts)
    g = "tone18: physical, titular and plain-noun shock words"
    add(g, "shock", False, [
        "A shockwave rolled through the valley.", "The shockwave shattered windows two miles away.",
        "Shockwaves from the earthquake were felt across the region.", "The blast sent a shock through the building.",
        "The explosion's shockwave knocked people off their feet.", "Scientists measured the shockwave from the meteor.",
        "I have been rereading the novel Future Shock this week.", "The album Astonishing Tales came out in 1972.",
        "We sold out of The Shock Doctrine in a week.", "He stars in Shocking Blue Nights at the Playhouse.",
        "She sang Amazing Grace at the funeral.", "They watched Unbelievable Truths on Tuesday.",
        "The band played Stunned Silence as an encore.", "Tickets for Horrible Histories sold out.",
        "We have a few surprises for the fans.", "We have some surprises in store for the supporters.",
        "There will be more surprises for the children at Christmas.", "The team has a few surprises planned.",
        "It was a surprise call-up to the squad.", "The club has some surprises for the new season.",
    ])
    add(g, "shock", True, [
        "The news sent shockwaves through the club.", "The decision sent shockwaves through the whole village.",
        "His resignation sent shock waves through the party.", "It was a real surprise to me.",
        "It came as a total shock to all of us.", "Honestly, I was shocked by the result.",
        "It's shocking, the way they treated him.", "I was astonished at the size of the crowd.",
        "What happened next was astonishing.", "I am stunned by the scale of it.",
    ])
    g = "tone18: others' shock and the generic subject"
    add(g, "shock", False, [
        "Anyone who's surprised by this hasn't been paying attention.",
        "Anybody who is shocked by that has not been watching the club.",
        "Anyone who was surprised by the result doesn't know football.",
        "Whoever is shocked by this is naive.", "Everyone who saw it was stunned, the police said.",
        "The villagers are in a state of shock.", "The families are still in a state of shock.",
        "Residents were in a state of shock after the fire.", "His parents are in a state of shock.",
        "The players were in a state of shock, the manager said.",
    ])
    add(g, "shock", True, [
        "We are all in a state of shock.", "I am still in a state of shock.",
        "I'm in a state of shock, to be honest.", "We were in a state of shock for days.",
        "Everyone here, me included, is in a state of shock.", "I'm surprised by this, if I'm honest.",
        "Anyone can see I was shocked.", "We were all shocked by it.",
    ])
    g = "tone18: idioms of shock"
    add(g, "shock", True, [
        "I'm still reeling.", "We are still reeling from the news.", "I was reeling from the decision for weeks.",
        "Honestly, I'm reeling.", "I was rocked by the news.", "We were rocked by what happened.",
        "It left me open-mouthed.", "I sat there open-mouthed.", "I was knocked sideways.",
        "We were knocked sideways by the verdict.", "It caught me off guard.", "It caught us completely off guard.",
        "The decision caught us all off guard.", "Nobody saw it coming, least of all me.",
    ])
    add(g, "shock", False, [
        "The boxer was reeling.", "The club is reeling from the loss of its captain.",
        "The markets were rocked.", "The markets were rocked by the news.", "The building was rocked by an explosion.",
        "The fans were reeling after the defeat.", "He sat there open-mouthed, his friend said.",
        "They were knocked sideways by the verdict.", "He was reeling in a big fish.",
        "She kept reeling off the names of players.", "The band rocked the stadium.",
        "It caught him off guard.",
    ])
    g = "tone18: self-blame in common forms"
    add(g, "regret", True, [
        "I let my family down.", "We let the supporters down.", "I let the whole squad down.",
        "I feel I let them down.", "I know I let everyone down tonight.", "We let our fans down badly.",
        "I let my teammates down and I'm gutted.", "In hindsight, we acted too slowly.",
        "Looking back, I was too proud to ask for help.", "Looking back, we waited too long.",
        "In hindsight, I trusted him too much.", "I would do things very differently if I had my time again.",
        "If I could do it again, I would change everything.", "If I could do it again I'd do it differently.",
        "The responsibility rests with me and I accept it.", "The responsibility lies with us.",
        "The blame rests with me.", "I picked the wrong team that day.", "We chose the wrong strategy.",
        "I backed the wrong horse.", "The company offers its sincere apology.",
        "The club offers its deepest apologies to the fans.", "The organisers extend their apologies to everyone affected.",
    ])
    add(g, "regret", False, [
        "He let us down.", "They let the side down.", "The government let the country down.",
        "Do not let me down.", "I let my hair down at the party.", "Don't let your guard down now.",
        "Let me calm you down a bit.", "Let's sit down and talk.", "Let this thing die down.",
        "Don't let them get you down.", "Looking back, I was too young to understand.",
        "In hindsight, it was too late anyway.", "Looking back, they reacted too slowly.",
        "Looking back, we were too good for them.", "We acted too slowly, the report says.",
        "If I had my time again, I would do exactly the same.", "I would do the same if I had my time again.",
        "I wouldn't change a thing if I could do it again.",
        "If we could do it again, I'm not sure we would do anything differently.",
        "The final decision rests with the board.", "The responsibility rests with the minister.",
        "He picked the wrong team that day.", "They chose the wrong strategy.", "You backed the wrong horse.",
        "The company rejected his apology.", "The minister offers his apology.", "The company has issued its apology.",
        "The fans offer their apologies.", "The company does not offer its apology.",
    ])
    g = "tone18: politeness and formulas"
    add(g, "regret", False, [
        "Sorry, mate, I'm running late.", "Sorry, I'm running late.", "I'm sorry, John, I have to go.",
        "Sorry, guys, I can't comment on that.", "I'm sorry. We're in a bit of a rush.",
        "I wish I had more time to chat, but I have a train to catch.", "I wish I had a better answer for you.",
        "I wish we had a bigger squad.", "I wish I had more time with the family.", "I wish we had more money to spend.",
        "Mistake or not, the result stands.", "Mistake or not, we move on.", "Mistakes or not, the points count.",
    ])
    add(g, "regret", True, [
        "Sorry, mate, I was wrong.", "Sorry, guys, I let you down.", "Sorry, mate, I messed up.",
        "I wish I had listened to my coach.", "I wish I had never gone.", "I wish we hadn't.",
        "I wish I had not signed it.", "I wish I had been more careful.", "I wish I had spoken up.",
        "I wish I had stuck to my guns.", "It was a mistake, and I'm sorry.",
    ])
    g = "tone18: others' regret"
    add(g, "regret", False, [
        "Half the board regret backing him now.", "Some voters regret backing him.",
        "Most of the players regret the decision.", "Many fans regret buying tickets.",
        "Half the council regret the vote.", "Several members regret signing the letter.",
        "People ask whether I regret selling the company, and the honest answer is that I don't.",
        "Do I regret it? No.",
    ])
    add(g, "regret", True, [
        "The board regret backing him.", "Half of us regret it.", "I regret backing him.",
        "We regret the decision.", "The council regret that the service was delayed.",
        "My one regret is not winning the league.",
    ])
    return cases


def tone19_cases() -> list[tuple[str, str, str, bool]]:
    """Review findings on the tone-16..18 readings (tone-19, issue #16), each fixed
    as a fact with invented sentences of its kind and their look-alikes:

    - apologising for one's own lateness is an apology ("Sorry I'm late", "I'm
      sorry we're late"): "late" is no constraint of the moment; being pressed
      for time is ("Sorry, I'm in a hurry", "Sorry, I'm running late");
    - holding oneself responsible or accountable is blame for a past act or
      outcome ("for what happened", "for the defeat", "for this", or nothing
      after it), not a present duty ("for the kids' safety every day", "for
      delivering the budget");
    - only a person or a group is let down ("we let the fans down", "I let Mary
      down"); "we let the tyres down" lets air out;
    - reading again for a purpose is care ("I had to read it twice to understand
      the rules"), for reality disbelief still ("... twice to believe it");
    - "how on earth" about the speaker's next act asks for a way ("How on earth
      do we fix this?"); about what happened, or another's act, it is disbelief
      ("How on earth did this happen?", "How on earth can you say that?");
    - a light "Can you believe it is Friday already?" is kept as shock: the
      guideline counts a little surprise ("I'm a little surprised") as shock.
    """
    cases = []
    def add(group, tone, expected, texts):
        cases.extend((group, tone, t, expected) for t in texts)
    g = "tone19: sorry for one's own lateness"
    add(g, "regret", True, [
        "Sorry I'm late.", "I'm sorry I'm late.", "Sorry we're late.", "I'm sorry we're late.",
        "Sorry I'm so late.", "We're sorry we're late again.", "Sorry, I'm late, the traffic was awful.",
        "I am sorry I am late.", "Sorry I was late.", "I'm so sorry I'm late, everyone.",
    ])
    add(g, "regret", False, [
        "Sorry, I'm in a hurry.", "Sorry, I'm running late.", "Sorry, we're in a rush.",
        "I'm sorry, I have to go.", "Sorry, I can't talk now.", "Sorry, mate, I'm in a hurry.",
        "The train was late.", "He is sorry he was late.", "They're sorry they're late.",
    ])
    g = "tone19: responsible for a past act, not a duty"
    add(g, "regret", True, [
        "I hold myself responsible for what happened.", "I hold myself responsible for the defeat.",
        "We hold ourselves accountable for the mistakes we made.", "I hold myself responsible.",
        "I hold myself responsible for this.", "I held myself responsible for the way we played.",
        "We hold ourselves responsible for the result.", "I hold myself accountable for the failure.",
        "I hold myself responsible for all of it.", "We hold ourselves accountable for what went wrong.",
    ])
    add(g, "regret", False, [
        "I hold myself responsible for the kids' safety every day.",
        "We hold ourselves accountable for delivering the budget.",
        "I hold myself responsible for their welfare.", "We hold ourselves responsible for keeping the town safe.",
        "I hold myself accountable for the standards of this club.",
        "We hold ourselves responsible for the care of every patient.",
        "He holds himself responsible for what happened.", "They hold themselves accountable for the defeat.",
    ])
    g = "tone19: let down a person, not a thing"
    add(g, "regret", True, [
        "We let the fans down.", "I let Mary down.", "I let my teammates down.", "We let the country down.",
        "I let my colleagues down.", "We let our supporters down.", "I let the kids down.",
        "We let ourselves down.", "I let my parents down.", "We let the whole town down.",
    ])
    add(g, "regret", False, [
        "We let the tyres down.", "We let the blinds down.", "I let the rope down slowly.",
        "We let the sails down.", "I let the ladder down to them.", "They let the fans down.",
        "We let the shutters down at night.", "I let the bucket down into the well.",
    ])
    g = "tone19: reading again for a purpose"
    add(g, "shock", True, [
        "I had to read it twice.", "I had to read it twice to believe it.",
        "I had to read it twice to make sure it was real.", "I had to read that twice, to be honest.",
        "I had to read the letter three times.", "I had to read it again to check it was true.",
    ])
    add(g, "shock", False, [
        "I had to read it twice to understand the rules.", "I had to read it twice to follow the argument.",
        "I had to read the letter three times to get the details right.",
        "I had to read it again to remember the steps.", "I had to read that twice to work out the sums.",
        "She had to read it twice.",
    ])
    g = "tone19: how on earth, a way or disbelief"
    add(g, "shock", True, [
        "How on earth did this happen?", "How on earth can you say that?", "How on earth did we lose that?",
        "How on earth can we have lost that game?", "How on earth are we still in this competition?",
        "How on earth does he get away with it?", "How in the world did that go in?",
        "Can you believe it is Friday already?", "Can you believe it?",
    ])
    add(g, "shock", False, [
        "How on earth do we fix this? With hard work.", "How on earth are we going to pay for this? We'll find a way.",
        "How in the world do I explain this to my kids? Slowly.", "How on earth can we stop them? By pressing high.",
        "How on earth will we manage? Together.", "How on earth should I start? At the beginning.",
    ])
    return cases


def tone20_cases() -> list[tuple[str, str, str, bool]]:
    """The sixth blind suite's kinds of misreading (tone-20, issue #16), each read
    as a fact of English, with invented sentences of its kind and look-alikes:

    - a statement verb ("regrets", "apologises") after a common noun that is no
      organisation reports that person's feeling ("My father regrets selling the
      house", "the manager regrets the substitution"); "The club regrets",
      "Acme Rail apologises" stay an organisation's own statement;
    - "we as a club" is the speaker's side in apposition, like "we at the council";
    - denying the least amount of a feeling denies it ("Not a shred of
      remorse", "without an ounce of regret"); "a hint of regret" is some;
    - a stranded preposition whose object is a negative pronoun before it
      denies an object of the feeling ("There's nothing I need to apologise
      for"); "something I need to apologise for" stays;
    - a feeling in the complement of a verb of pretence is not asserted ("I
      won't pretend I made a mistake", "She feigned surprise");
    - the speaker named among those a shock verb's object takes in ("it stunned
      everyone, me included", "including me") feels it; "everyone except me" not;
    - "Imagine the shock if ..." imagines a feeling in a made-up situation;
      "Imagine my shock when I opened the door" recalls a real one.
    """
    cases = []
    def add(group, tone, expected, texts):
        cases.extend((group, tone, t, expected) for t in texts)
    g = "tone20: a person's statement verb, an organisation's"
    add(g, "regret", False, [
        "My father regrets selling the house.", "The manager regrets the substitution, apparently.",
        "My brother apologises for everything.", "Her husband regrets the move.",
        "The goalkeeper apologises to nobody.", "My neighbour regrets ever buying that dog.",
        "Reportedly the coach regrets the decision.", "The actor regrets his comments, his agent said.",
    ])
    add(g, "regret", True, [
        "The club regrets the decision.", "Acme Rail regrets the delay to your journey.",
        "The board regrets any inconvenience caused.", "The council apologises for the disruption.",
        "We as a club accept full responsibility for the failings.", "We as a team made mistakes.",
        "We as an organisation apologise unreservedly.", "I regret selling the house.",
    ])
    g = "tone20: a denied least amount, a negative object"
    add(g, "regret", False, [
        "Not a shred of remorse.", "Not an ounce of regret.", "There is not a hint of remorse in him.",
        "He showed not a shred of remorse.", "Not one word of apology.", "Without a trace of regret, he left.",
        "There's nothing I need to apologise for.", "There is nothing we should be sorry about.",
        "There's nothing I need to apologise for here.", "Nothing I have to apologise for.",
    ])
    add(g, "regret", True, [
        "I feel a hint of regret.", "There's something I need to apologise for.",
        "There's a lot I need to apologise for.", "I have a great deal to apologise for.",
        "I need to apologise for the delay.", "There is one thing I regret.",
    ])
    g = "tone20: pretence"
    add(g, "regret", False, [
        "I won't pretend I made a mistake.", "I won't stand here and pretend I made a mistake, because I didn't.",
        "He pretended to be sorry.", "Don't pretend you regret it.", "They feigned remorse for the cameras.",
    ])
    add(g, "shock", False, ["I pretended to be shocked.", "She feigned surprise.", "We pretended to be amazed."])
    add(g, "regret", True, ["I made a mistake and I won't pretend otherwise.", "I'm not going to pretend: I regret it."])
    g = "tone20: the speaker among those shocked"
    add(g, "shock", True, [
        "It stunned everyone in the dressing room, me included.", "It shocked all of us, myself included.",
        "It stunned everyone, including me.", "The news shocked the whole squad, me included.",
    ])
    add(g, "shock", False, [
        "It stunned everyone except me.", "It shocked the fans.", "The result stunned everyone but me.",
    ])
    g = "tone20: imagined shock"
    add(g, "shock", False, [
        "Imagine the shock if the minnows won the cup.", "Imagine the surprise if he actually turned up.",
        "Just imagine the horror if the dam broke.", "Picture the shock if they lost at home.",
    ])
    add(g, "shock", True, [
        "Imagine my shock when I opened the door.", "You can imagine my shock.",
        "It was a shock, I can tell you.", "Imagine my surprise when she walked in.",
    ])
    g = "tone20: judging oneself or one's own act"
    add(g, "regret", True, [
        "I was a fool to send that email.", "I was an idiot to trust him.", "I've been a complete idiot.",
        "My conduct that night was indefensible.", "My behaviour was inexcusable.", "Our decision was wrong.",
        "What I did was unforgivable.", "My comments were inexcusable, and I apologise.",
    ])
    add(g, "regret", False, [
        "He was a fool to send that email.", "Don't be a fool.", "I'm no fool.", "You idiot!",
        "Only a fool would believe that.", "His conduct was indefensible.", "The decision was indefensible.",
        "My brother was wrong.", "My view is that it's wrong.", "What they did is unforgivable.",
        "My father was a fool.", "Our critics were wrong.", "My friend is an idiot.",
    ])
    g = "tone20: unable to take it in"
    add(g, "shock", True, [
        "I stood there frozen, unable to take it in.", "I couldn't take in what the police officer was saying.",
        "We could not take in what had happened.", "I was struggling to take it in.",
    ])
    add(g, "shock", False, [
        "The shelter couldn't take in any more dogs.", "She was unable to take it in, her mother said.",
        "We can't take in more refugees this year.", "I took it in for repairs.",
    ])
    g = "tone20: praise of people"
    add(g, "shock", False, [
        "The volunteers were incredible.", "The fans have been amazing.", "The nurses were absolutely incredible.",
        "The support has been amazing.", "Our neighbours have been incredible.",
    ])
    add(g, "shock", True, [
        "The figures were incredible.", "The scale of the fraud is staggering.", "The scale of it is astonishing.",
        "It was incredible that nobody was hurt.",
    ])
    return cases


def tone21_cases() -> list[tuple[str, str, str, bool]]:
    """The seventh blind suite's kinds of misreading (tone-21, issue #16), each read
    as a fact of English, with invented sentences of its kind and look-alikes:

    - "owe" governs its apology over an indirect object of any length ("I owe
      everyone who voted for me an apology"); "The minister owes ..." is his;
    - a noun of failure owned as "mine" or "on me" ("That defeat is on me");
      "the pressure is on me", "the decision is mine to make" own none; the
      verb "own" over a failing ("a misjudgement I have to own");
    - doing it again in a condition of the speaker's, with the speaker's own
      counterfactual ("Given another chance, I would never have signed it");
      "... I would do exactly the same" denies it;
    - an organisation's own apology or admission ("Network Rail is sorry", "The
      BBC accepts it fell short"); someone letting the speaker down is theirs;
    - what a sentence denies is not felt ("The idea that I owe anyone an apology
      is ridiculous", "It would be wrong to claim I was shocked"); "It's fair to
      say I was shocked" and "an understatement" affirm it;
    - a bare "sorry" before any refusal ("Sorry, not now", "Sorry, I can't help
      you", "Sorry, we're not doing interviews");
    - mild surprise ("a little bit surprised", "I'll admit it surprised me");
      asking who could have foreseen it ("Who could have imagined we'd win?");
      "I still can't get over it"; a possessed feeling noun ("to my
      astonishment"; "to his astonishment" is his); a sentence adverb of
      disbelief ("Amazingly, nobody was injured"; "incredibly well" intensifies);
    - a predicate coordinated with the cue shares its subject ("The residents
      were frightened and shocked"); "shock" before a noun after "be" ("It was
      shock tactics"); praise of what a host gives ("The service was incredible").
    """
    cases = []
    def add(group, tone, expected, texts):
        cases.extend((group, tone, t, expected) for t in texts)
    g = "tone21: an apology owed over a long object"
    add(g, "regret", True, [
        "I owe everyone who voted for me an apology.", "I owe all the people who trusted us an apology.",
        "We owe the families of the victims a full apology.", "I owe my colleagues on the committee an apology.",
        "I think I owe the people of this town an apology.", "We owe every single one of our customers an apology.",
        "I owe those who stood by me an apology.", "I owe you and your family an apology.",
        "We owe the fans who travelled all that way an apology.", "I owe the staff at the hospital a huge apology.",
        "We owe the residents of Elm Street an apology.", "I owe my wife and kids a big apology.",
    ])
    add(g, "regret", False, [
        "He owes the people of this town an apology.", "The minister owes the families of the victims an apology.",
        "They owe everyone who voted for them an apology.", "You owe the fans who travelled an apology.",
        "I don't think I owe anyone an apology.", "I owe nobody an apology.",
        "The council owes the residents of Elm Street an apology.", "We are owed an apology by the club.",
        "Do I owe the families of the victims an apology?",
    ])
    g = "tone21: a failing owned as mine or on me"
    add(g, "regret", True, [
        "That failure is on me and I accept it.", "The failure is mine.", "This failure is on me.",
        "That defeat is on me.", "Those errors are on me.", "The mistakes were mine.",
        "That loss is on me, not the players.", "The failings were mine.", "Today's defeat is entirely on me.",
        "The error was mine.", "The responsibility for this failure is mine.", "The blame is all mine.",
        "It was a misjudgement I have to own.", "It was an error I have to own.", "I own that mistake completely.",
        "It's a failure I have to own.", "We have to own our mistakes.",
    ])
    add(g, "regret", False, [
        "The fault is his.", "The failure is theirs.", "The fault is not mine.", "The pressure is on me.",
        "The drinks are on me.", "The decision is mine to make.", "The victory is mine.", "That defeat is on them.",
        "The mistakes were theirs, not mine.", "The error was his alone.", "It was a misjudgement by the referee.",
        "That's a mistake he has to own.", "It's a house I own.", "I own the company.", "A friend of mine was there.",
        "The spotlight is on me now.", "The loss is ours, and we grieve with the family.",
    ])
    # a failing disowned: a negation right before the owner (tone-22)
    add(g, "regret", False, [
        "The mistakes were not mine.", "The mistake wasn't mine.", "The mistake was never mine.",
        "That mistake was not on me.", "Those errors were not ours.", "The blunder was not mine to answer for.",
        "The failures were never on us.",
    ])
    g = "tone21: doing it again, differently"
    add(g, "regret", True, [
        "Given another chance, I would never have signed it.", "Given the chance again, I'd do it differently.",
        "Knowing what I know now, I would not have signed it.", "Given a second chance, I would handle it differently.",
        "If I had another go at it, I would do it differently.", "If I faced that decision again, I'd choose differently.",
        "Knowing what I know now, I'd never have agreed.", "If I had the chance again, I wouldn't have said it.",
        "Second time around, I would have done things differently.",
        "If I could relive that night, I would never have got in the car.",
    ])
    add(g, "regret", False, [
        "Given another chance, I would do exactly the same.", "If I had my time again, I wouldn't change a thing.",
        "Given another chance, he would never have signed it.", "Given the chance, I would sign him tomorrow.",
        "Knowing what I know now, I would do it all again.", "Given another chance, I would take it with both hands.",
        "If he did it again, I would have to sack him.", "I would never do it again.",
        "If we play them again, we would approach it differently.", "If we meet again, I would do it differently.",
    ])
    add(g, "regret", True, [
        "If I could do that again, I would do it differently.",
        "If I were in that position again, I would act differently.",
    ])
    g = "tone21: an organisation's own apology, another's letting down"
    add(g, "regret", True, [
        "Network Rail is sorry for the disruption.", "Southern Water is deeply sorry for the distress caused.",
        "The hospital trust is truly sorry for the pain its failings caused.",
        "The council is deeply sorry for the distress its errors caused.",
        "The council accepts that it got this wrong.", "The BBC accepts it fell short of its standards.",
        "The club accepts it let its supporters down.", "I let down everyone who believed in me.",
        "We let down the people who pay our wages.", "I let my family and friends down.",
        "I've let a lot of people down.", "We really let ourselves and our fans down.",
    ])
    add(g, "regret", False, [
        "Maria Lopez is sorry for the disruption.", "My client is sorry.", "The minister accepts it was wrong.",
        "The council accepted that it got this wrong, a report found.",
        "The council accepts that the contractor got this wrong.", "The system let us down.",
        "The referee let us down.", "The government let me down.", "They let us down.", "We let the tyres down.",
    ])
    g = "tone21: a feeling the sentence denies"
    add(g, "regret", False, [
        "The idea that I owe anyone an apology is ridiculous.", "Any claim that we should apologise is nonsense.",
        "The suggestion that I should apologise is absurd.", "The notion that we made a mistake is laughable.",
        "Claims that I regret the decision are untrue.", "Reports that I apologised are false.",
        "Suggestions that we got it wrong are wide of the mark.", "The claim that I was wrong is simply false.",
        "It is nonsense to say I regret it.", "It's ridiculous to suggest we should apologise.",
        "It would be dishonest to say I regret it.", "It would be a lie to say we're sorry.",
        "To say I regret it would be a lie.", "I reject the suggestion that we made mistakes.",
        "I reject any idea that I should apologise.",
    ])
    add(g, "shock", False, [
        "It would be wrong to claim I was shocked.", "It would be untrue to say I was surprised.",
        "It would be a lie to say we were shocked.", "It would be dishonest to claim we were stunned.",
        "It's not true that I was shocked.", "To say I was surprised would be a lie.",
        "To say I was shocked would be an exaggeration.", "The idea that I was shocked is nonsense.",
        "Claims that we were stunned are untrue.", "I reject the idea that we were shocked.",
        "It would be wrong to say the result was a shock.",
    ])
    add(g, "regret", True, [
        "The fact that I made a mistake is obvious.", "The truth is that I made a mistake.",
        "It is true that I made a mistake.", "It's fair to say I regret it.", "The claim that I was wrong is true.",
    ])
    add(g, "shock", True, [
        "To say I was shocked would be an understatement.", "It's fair to say I was shocked.",
        "It's safe to say we were stunned.", "It's no exaggeration to say I was shocked.",
        "It would be an understatement to say I was surprised.", "It's true to say I was astonished.",
    ])
    g = "tone21: sorry before a refusal"
    add(g, "regret", False, [
        "Sorry, not now.", "Sorry, not interested.", "Sorry, not today.", "Sorry, no.", "Sorry. No interviews.",
        "Sorry, no interviews today.", "Sorry, no photos please.", "Sorry, we're not doing interviews.",
        "Sorry, that's all I can say.", "Sorry, I won't be answering questions on that.",
        "Sorry, I'd rather not get into that.", "Sorry, I've got nothing to say.", "Sorry, I'm not at liberty to say.",
        "Sorry, I don't know.", "Sorry, I can't help you.", "Sorry, the players won't be speaking today.",
        "SORRY, I CAN'T COMMENT.", "SORRY, NO INTERVIEWS TODAY.",
    ])
    add(g, "regret", True, [
        "Sorry, I got it wrong.", "Sorry, I can't believe I said that.", "Sorry, I shouldn't have said that.",
        "Sorry, I didn't mean to hurt anyone.", "SORRY, WE MESSED UP.", "Sorry, I don't know what I was thinking.",
        "Sorry, not my finest hour.", "Sorry, not good enough.",
    ])
    g = "tone21: mild and rhetorical surprise"
    add(g, "shock", True, [
        "I was a little bit surprised.", "I'll admit it surprised me a bit.", "I was a little surprised by the decision.",
        "Who could have imagined we'd win five in a row?", "Who would have believed it?",
        "Who could have predicted this?", "Who'd have imagined it?", "Who would ever have guessed?",
        "Who could have foreseen this?", "Who would have expected that?",
        "Who'd have believed we'd be top of the league?", "Who could ever have imagined this?",
        "I still can't get over it.", "I can't get over it.", "I just can't get over how quickly it happened.",
        "I couldn't get over how big it was.", "I can't get over the fact that we won.",
    ])
    add(g, "shock", False, [
        "He was a little bit surprised.", "I wasn't a bit surprised.", "I would have imagined it would be harder.",
        "He could have predicted it.", "Who would have believed him?", "Who could have done this?",
        "He can't get over it.", "I can't get over the wall.", "She couldn't get over the loss of her husband.",
        "I've finally got over it.", "They still can't get over it.", "I'll admit he was surprised.",
    ])
    g = "tone21: whose astonishment, sentence adverbs"
    add(g, "shock", True, [
        "To my astonishment, the roof held.", "To our amazement, the car started.", "To my utter amazement, he agreed.",
        "Much to our astonishment, it worked.", "To my complete astonishment, we won.", "Much to my surprise, she said yes.",
        "Amazingly, nobody was injured.", "Incredibly, the car was untouched.", "Remarkably, no one was hurt.",
        "Amazingly enough, it worked.", "Amazingly the car was untouched.", "And amazingly, nobody was hurt.",
        "But incredibly, the fire never spread.", "Unbelievably, we lost again.",
    ])
    add(g, "shock", False, [
        "To his astonishment, the roof held.", "Much to their surprise, she said yes.", "To her amazement, the car started.",
        "To the surprise of many, he resigned.", "To everyone's surprise, he resigned.",
        "She played incredibly well.", "It was amazingly quick.", "The team performed remarkably well.",
        "He ran incredibly fast.", "They did amazingly well.", "It was a remarkably calm night.",
    ])
    g = "tone21: others' coordinated shock, compounds, praise"
    add(g, "shock", False, [
        "The passengers were terrified and shocked, the driver said.", "The residents were frightened and shocked.",
        "Staff were upset and deeply shocked.", "The children were scared, confused and shocked.",
        "Fans were angry and stunned.", "The family are devastated and shocked.", "Villagers were left shaken and stunned.",
        "The passengers, terrified and shocked, ran for the exits.", "The neighbours were upset and horrified.",
        "It was shock tactics.", "These are shock tactics.", "They used shock tactics.",
        "The service was incredible.", "The staff were incredible.", "The music was incredible.",
        "The band was incredible.", "The kindness of strangers has been incredible.", "The welcome was incredible.",
        "The generosity has been unbelievable.", "The reception we got was amazing.",
    ])
    add(g, "shock", True, [
        "We were terrified and shocked.", "I was upset and shocked.", "My wife and I were shocked and upset.",
        "We were all frightened and shocked.", "It was terrifying and shocking.", "It was a shock to all of us.",
        "The figures were incredible.",
    ])
    return cases


def tone23_cases() -> list[tuple[str, str, str, bool]]:
    """Issue #16's tone-23 kinds, each read as a fact of English, with invented
    sentences of its kind and look-alikes:

    - a claim's frame and the claim's own negation are read together: two
      denials make an assertion ("It would be a lie to say I wasn't shocked",
      "I can't say I wasn't surprised"), a negated denial affirms ("It is not
      wrong to say I was shocked"); "It would be wrong to say I was shocked" and
      "I can't say I was surprised" deny it;
    - "surprise" and "shock" before a noun name a kind of event or thing ("a
      surprise raid", "shock value", "with shock tactics"); "to my surprise",
      "it came as a total surprise to me", "it took us by surprise" stay;
    - "no way" is disbelief only as an utterance of its own ("No way!"); inside a
      clause it is a negative noun phrase ("There is no way I want ...", "In no
      way was he told");
    - a weak word before a noun of failure judges it ("an incredible gaffe",
      "an unbelievable blunder"); "an incredible job" praises;
    - the owner of a state phrase is its subject ("The party appears to be in a
      state of shock"); a relative clause with "never heard of" says who the noun
      is ("a congressman I've never heard of"); a regret word whose subject is
      the relative "who" after someone else's noun is theirs ("users who naively
      assume").
    """
    cases = []

    def add(group, tone, expected, texts):
        cases.extend((group, tone, t, expected) for t in texts)
    g = "tone23: a denied or affirmed saying of a feeling"
    add(g, "shock", True, [
        "It is not wrong to say I was shocked.", "It's not wrong to say we were stunned.",
        "It would not be wrong to say I was shocked.", "It's no lie to say I was stunned.",
        "It would be a lie to say I wasn't shocked.", "It would be a lie to say we weren't surprised.",
        "It would be wrong to say I wasn't shocked.", "It would be untrue to say I was not surprised.",
        "I can't say I wasn't surprised.", "I can't say I was not shocked.", "I cannot say we weren't surprised.",
        "I wouldn't say I wasn't surprised.", "I can't say it was no surprise.",
        "To say I wasn't shocked would be a lie.", "It is not true that I wasn't shocked.",
    ])
    add(g, "shock", False, [
        "It would be wrong to say I was shocked.", "It would be a lie to say I was surprised.",
        "It is wrong to say we were stunned.", "I can't say I was surprised.", "I can't say we were shocked.",
        "I wouldn't say I was surprised.", "I won't say I was shocked.", "I never said I was shocked.",
        "To say I was shocked would be a lie.", "It is not true that I was shocked.",
        "I don't think anybody should be surprised.", "I was not shocked.", "I wasn't surprised at all.",
    ])
    add(g, "regret", True, [
        "It would be a lie to say I don't regret it.", "It is not wrong to say I regret it.",
        "I can't say I don't regret it.", "It would be wrong to say we have no regrets about it.",
    ])
    add(g, "regret", False, [
        "It would be wrong to say I regret it.", "I can't say I regret it.", "To say I regret it would be a lie.",
        "I never said we made a mistake.",
    ])
    g = "tone23: surprise and shock before a noun"
    add(g, "shock", False, [
        "Police launched a surprise raid on the house.", "The army staged a surprise raid at dawn.",
        "They held a surprise party for him.", "The surprise announcement came on Monday.",
        "It was a surprise attack.", "They made a surprise visit to the troops.", "The minister's surprise resignation.",
        "The company made a surprise bid for its rival.", "The surprise package of the tournament.",
        "It was all about shock value.", "The campaign relied on shock tactics.", "We heard it from a shock jock.",
        "She was given shock therapy.", "He is against shock treatment.", "The film has some shock value.",
        "The advert was designed for shock value.", "They won with surprise attacks.",
    ])
    add(g, "shock", True, [
        "To my surprise, he won.", "It came as a total surprise to me.", "It took us by surprise.",
        "It took us completely by surprise anyway.", "It was a surprise to all of us.", "What a surprise!",
        "It was a real shock to us.", "It came as a shock.", "The result was a complete shock to me.",
        "Much to our surprise, the bid failed.",
    ])
    g = "tone23: no way as an utterance"
    add(g, "shock", True, [
        "No way!", "No way! I can't believe it.", "Oh no way, that's insane.", "No way. That cannot be true.",
    ])
    add(g, "shock", False, [
        "There is no way I want to say we cannot manage it.", "There's no way we will sell the club.",
        "In no way was he informed to appear for a doping test.", "There is no way that someone like that could be happy.",
        "We are in no way responsible for the delay.", "No way would I give up my seat.",
        "There's no way around it.", "There was no way to know.",
    ])
    g = "tone23: whose state, relative clauses"
    add(g, "shock", False, [
        "The Labour machine appears to be in some kind of state of shock.", "The party is in a state of shock.",
        "The villagers were in a state of shock.", "Some congressman I've never heard of was talking about it.",
        "You see some congressman I've never heard of talking about it.", "They play songs I've never heard of.",
        "It was a band we'd never heard of.",
    ])
    add(g, "shock", True, [
        "We are in a state of shock.", "I was in a state of shock.", "I've never heard of such a thing!",
        "Honestly, I've never heard of that.", "I'm surprised I've never heard of this.",
    ])
    add(g, "regret", False, [
        "It is the younger users who naively assume they are safe.", "The ministers who made mistakes must go.",
        "It was the officials who made the mistake.", "Blame the managers who apologised too late.",
    ])
    add(g, "regret", True, [
        "I am the one who made the mistake.", "I made a mistake.", "I was naive to trust them.",
    ])
    g = "tone23: a weak word judging a failure"
    add(g, "shock", True, [
        "This is an incredible gaffe by the minister.", "It was an unbelievable blunder.",
        "That was an incredible mistake by the referee.", "What an unbelievable error.",
        "What an incredible blunder by the goalkeeper.", "That was an unbelievable error of judgement.",
        "It was an extraordinary failure of leadership.", "An astonishing blunder.",
    ])
    add(g, "shock", False, [
        "It was an incredible job.", "She had an incredible season.", "They did an amazing job.",
        "It was an incredibly costly mistake.", "He made an incredible save.",
    ])
    return cases


def tone24_cases() -> list[tuple[str, str, str, bool]]:
    """Issue #16's tone-24 kinds, each read as a fact of English, with invented
    sentences of its kind and look-alikes:

    - the speaker's own past work judged bad is owning a failure ("I did a lousy
      job", "we did a poor job of explaining it"); someone else's ("he did a
      lousy job"), praise ("I did a great job") and denial are not;
    - rude conduct judged by the speaker of their own ("I was rude to the
      press"); another's rudeness or a judgement of a thing is not;
    - "guilty" before a noun of the court is a legal status ("a guilty plea",
      "the guilty verdict"), "a guilty pleasure" no remorse; "I feel guilty" stays;
    - "can make mistakes" says that erring is possible, of anyone or anything;
      "we made mistakes" stays;
    - "shock" that is absorbed, in the passive as in the active, is an impact;
    - adjectives coordinated before a noun share it: "a remarkable and wonderful
      experience" praises as "a remarkable experience" does;
    - a past counterfactual of being told what has since happened, with a reply
      of disbelief ("If you had told me a year ago we'd win, I would have
      laughed"), says the outcome was past belief; plain conditions do not.
    """
    cases = []

    def add(group, tone, expected, texts):
        cases.extend((group, tone, t, expected) for t in texts)
    g = "tone24: one's own work or conduct judged bad"
    add(g, "regret", True, [
        "I did a lousy job.", "We did a poor job of explaining it.", "I did a terrible job as captain.",
        "Honestly, I did a bad job with the budget.", "We did an awful job of communicating the changes.",
        "I've done a poor job of listening.", "I think we did a lousy job last year.",
        "I was rude to the press at times.", "I was rude to her and I know it.", "We were rude to our hosts.",
        "I admit I was rude to the staff.",
    ])
    add(g, "regret", False, [
        "He did a lousy job.", "They did a poor job of explaining it.", "The contractor did a terrible job.",
        "I did a great job.", "We did a good job of explaining it.", "I didn't do a bad job.",
        "He was rude to me.", "The staff were rude.", "I was not rude.", "I think it is rude to ask.",
        "Don't be rude.", "She told me I was rude to her.",
    ])
    g = "tone24: guilty in court, can make mistakes"
    add(g, "regret", False, [
        "A guilty plea should reduce the sentence.", "The jury returned a guilty verdict.",
        "We want guilty pleas to count for less.", "The guilty verdicts were read out.",
        "Reality TV is my guilty pleasure.", "It can make a few mistakes.", "Anyone can make mistakes.",
        "We can make mistakes, we are human.", "The software can make some mistakes.",
        "A machine can make a mistake.",
    ])
    add(g, "regret", True, [
        "I feel guilty about what happened.", "We feel guilty.", "We made a few mistakes.",
        "I made some mistakes and I can admit it.", "I feel so guilty about the plea.",
    ])
    g = "tone24: absorbed shock, coordinated praise"
    add(g, "shock", False, [
        "We think the shock can be absorbed within a few quarters.", "The shock was absorbed by the markets.",
        "The shocks were absorbed without damage.", "The shock will be absorbed by the banks.",
        "It has been a remarkable and wonderful experience.", "It was an incredible and truly beautiful view.",
        "She gave an amazing and moving performance.", "What an extraordinary and lovely evening.",
    ])
    add(g, "shock", True, [
        "The shock was too much for us.", "I was shocked.", "It was an incredible and shocking admission.",
        "It was a shocking and wonderful experience.", "The result was incredible and the fans went home stunned.",
        "It was shocking.",
    ])
    g = "tone24: told of what came to pass"
    add(g, "shock", True, [
        "If you told us a year ago we would be getting these awards, we would have called you crazy.",
        "If you had told me a year ago that we would win, I would not have believed you.",
        "If you'd told me in January we'd be top, I'd have laughed.",
        "If someone had told me we were going to win the league, I would have laughed.",
        "Had you told me then that I would be here, I'd have said you were mad.",
    ])
    add(g, "shock", False, [
        "If you told me, I would help.", "If you had told me, I would have helped you.",
        "If you had told me about the leak, I would have fixed it.", "If he had told me, I would have stopped him.",
        "If you'd told me you would be late, I'd have waited.", "If you told me to go, I would go.",
    ])
    return cases


def invariance_sets() -> list[tuple[str, bool, list[str]]]:
    """Sentences that differ only in names, punctuation and quote marks: (tone, expected, variants)."""
    bases = [("regret", True, "I regret {ing}"), ("regret", True, "We apologise for {np}"),
             ("regret", False, "{name} should apologise for {np}"), ("regret", False, "I don't regret {ing}"),
             ("shock", True, "I was stunned by {np}"), ("shock", False, "{name} was stunned by {np}"),
             ("shock", False, "I would be shocked if {name} resigned")]
    wraps = ["{}.", "{}!", "{}...", "\u201c{}.\u201d", "'{},'", "\"{},\" she said.", "{}"]
    sets = []
    for (tone, expected, base), act in itertools.product(bases, ACTS[:2]):
        ing, _, np_ = act
        variants = [wrap.format(_cap(base.format(ing=ing, np=np_, name=name))) for wrap in wraps for name in NAMES]
        sets.append((tone, expected, list(dict.fromkeys(variants))))
    return sets


def score_probes(cases=None):
    """(per-group (right, total), overall share right, the cases got wrong)."""
    cases = probe_cases() if cases is None else cases
    tones = score_texts([text for _, _, text, _ in cases])
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong = []
    for (group, tone, text, expected), t in zip(cases, tones):
        right = (getattr(t, tone) >= 0.5) == expected
        groups[group][0] += right
        groups[group][1] += 1
        if not right:
            wrong.append((group, tone, text, getattr(t, tone)))
    total = sum(r for r, _ in groups.values()) / max(1, sum(n for _, n in groups.values()))
    return dict(groups), total, wrong


def test_probe_suite_is_large_and_balanced():
    cases = probe_cases()
    assert len(cases) >= 300
    assert len({text for _, _, text, _ in cases}) >= 280
    for tone in ("regret", "shock"):
        assert sum(1 for _, t, _, e in cases if t == tone and e) >= 50, tone


def test_probe_suite_floor():
    groups, total, wrong = score_probes()
    assert total >= FLOOR, (total, {g: f"{r}/{n}" for g, (r, n) in groups.items()}, wrong[:20])


@pytest.mark.parametrize("group", ["plain sentences", "regret: first person", "regret: negated or hypothetical", "regret: formulas",
                                   "regret: others", "shock: speaker", "shock: negated or hypothetical",
                                   "shock: others or technical", "neutral", "invariance",
                                   "clause: whose regret", "clause: sorry without regret", "clause: negation in reach",
                                   "clause: praise and others' reactions", "clause: idioms", "clause: third batch",
                                   "complement: whose act", "frame: hindsight", "reading: shock senses",
                                   "reading: negative subject and contrast", "reading: others' feeling",
                                   "reading: praise of places", "reading: the speaker left in a state",
                                   "reading: others' regret", "reading: conditional self-blame",
                                   "reading: regret without its word", "reading: what sorry is about",
                                   "reading: disappointment at one's own side", "reading: incredulity idioms",
                                   "reading: negation scope is the clause", "reading: a bare sorry before a constraint",
                                   "tone16: shock senses and compounds", "tone16: questions that expect no",
                                   "tone16: others' judgements and praise", "tone16: interjections and idioms",
                                   "tone16: performative apologies", "tone16: self-blame without the stock words",
                                   "tone16: others' apologies and wishes", "tone16: sorry? and denials",
                                   "tone17: an organisation's own apology",
                                   "tone17: owing an apology",
                                   "tone17: a refusal answering the question",
                                   "tone17: regret words nobody owns",
                                   "tone17: the speaker as the object of a shock verb",
                                   "tone17: disbelief in a longer form",
                                   "tone17: negators and hypotheticals",
                                   "tone17: praise, not disbelief",
                                   "tone17: someone else's feeling",
                                   "tone17: economic and technical shock",
                                   "tone17: look-alikes of the readings",
                                   "tone18: physical, titular and plain-noun shock words",
                                   "tone18: others' shock and the generic subject",
                                   "tone18: idioms of shock",
                                   "tone18: self-blame in common forms",
                                   "tone18: politeness and formulas",
                                   "tone18: others' regret",
                                   "tone19: sorry for one's own lateness",
                                   "tone19: responsible for a past act, not a duty",
                                   "tone19: let down a person, not a thing",
                                   "tone19: reading again for a purpose",
                                   "tone19: how on earth, a way or disbelief",
                                   "tone20: a person's statement verb, an organisation's",
                                   "tone20: a denied least amount, a negative object",
                                   "tone20: pretence",
                                   "tone20: the speaker among those shocked",
                                   "tone20: imagined shock",
                                   "tone20: judging oneself or one's own act",
                                   "tone20: unable to take it in",
                                   "tone20: praise of people",
                                   "tone21: an apology owed over a long object",
                                   "tone21: a failing owned as mine or on me",
                                   "tone21: doing it again, differently",
                                   "tone21: an organisation's own apology, another's letting down",
                                   "tone21: a feeling the sentence denies",
                                   "tone21: sorry before a refusal",
                                   "tone21: mild and rhetorical surprise",
                                   "tone21: whose astonishment, sentence adverbs",
                                   "tone21: others' coordinated shock, compounds, praise",
                                   "tone23: a denied or affirmed saying of a feeling",
                                   "tone23: surprise and shock before a noun",
                                   "tone23: no way as an utterance",
                                   "tone23: whose state, relative clauses",
                                   "tone23: a weak word judging a failure",
                                   "tone24: one's own work or conduct judged bad",
                                   "tone24: guilty in court, can make mistakes",
                                   "tone24: absorbed shock, coordinated praise",
                                   "tone24: told of what came to pass"])
def test_probe_group_is_mostly_right(group):
    """No group may fall far behind the rest (90% each, the suite 95%)."""
    cases = [c for c in probe_cases() if c[0] == group]
    groups, _, wrong = score_probes(cases)
    right, n = groups[group]
    assert right / n >= 0.90, (group, f"{right}/{n}", wrong[:10])


def test_verdicts_do_not_depend_on_names_punctuation_or_quote_marks():
    for tone, expected, variants in invariance_sets():
        verdicts = {getattr(t, tone) >= 0.5 for t in score_texts(variants)}
        assert len(verdicts) == 1, (tone, variants, [getattr(t, tone) for t in score_texts(variants)])


def case_adder(cases: list[tuple[str, str, str, bool]]):
    """``add(group, tone, expected, texts)``, appending each text's probe to ``cases``
    (the probe files of one round: tests/test_tone25.py, tests/test_tone26.py)."""
    def add(group: str, tone: str, expected: bool, texts: list[str]) -> None:
        cases.extend((group, tone, t, expected) for t in texts)
    return add


def round_tests(cases: list[tuple[str, str, str, bool]], known_misses: set[str]):
    """The two tests of one round's probe file (tests/test_tone26.py to test_tone28.py):
    every group's probes right but the ``known_misses`` (kinds left for later, which
    may only get fixed), and each known miss one of the file's probes. A file binds
    them to its own names: ``test_tone27_group, test_known_misses_are_probes =
    round_tests(CASES, KNOWN_MISSES)``."""
    @pytest.mark.parametrize("group", sorted({c[0] for c in cases}))
    def test_group(group):
        groups, _, wrong = score_probes([c for c in cases if c[0] == group])
        unexpected = [w for w in wrong if w[2] not in known_misses]
        assert not unexpected, unexpected

    def test_known_misses_are_probes():
        assert known_misses <= {c[2] for c in cases}

    return test_group, test_known_misses_are_probes


def print_probe_report(cases=None) -> None:
    """Each group's share right, the overall share and the probes got wrong."""
    groups, total, wrong = score_probes(cases)
    for group, (right, n) in groups.items():
        print(f"{group:36s} {right:4d}/{n:<4d} {right / n:.3f}")
    print(f"{'overall':36s} {sum(r for r, _ in groups.values()):4d}/{sum(n for _, n in groups.values()):<4d} {total:.3f}")
    for group, tone, text, p in wrong:
        print(f"  wrong [{group}] {tone} {p:.2f} {text}")


if __name__ == "__main__":
    print_probe_report()

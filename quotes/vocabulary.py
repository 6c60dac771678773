"""Word lists and patterns the rules read. Data only: no logic lives here.

Notes:
    The reporting verbs follow the cue lexicons of PARC 3.0 / PolNeAR annotation
    guidelines and textacy's ``REPORTING_VERBS``; inflections are listed
    explicitly so that look-ups are plain set membership.
"""
from __future__ import annotations

from quotes.resources import demonyms

# Reporting verbs by lemma. Every form listed is matched lower-cased.
_REPORTING_LEMMAS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "add": ("add", "adds", "added", "adding"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "warn": ("warn", "warns", "warned", "warning"),
    "ask": ("ask", "asks", "asked", "asking"),
    "continue": ("continue", "continues", "continued", "continuing"),
    "explain": ("explain", "explains", "explained", "explaining"),
    "note": ("note", "notes", "noted", "noting"),
    "state": ("state", "states", "stated", "stating"),
    "report": ("report", "reports", "reported", "reporting"),
    "reply": ("reply", "replies", "replied", "replying"),
    "respond": ("respond", "responds", "responded", "responding"),
    "declare": ("declare", "declares", "declared", "declaring"),
    "conclude": ("conclude", "concludes", "concluded", "concluding"),
    "recall": ("recall", "recalls", "recalled", "recalling"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "post": ("posted",),
    "announce": ("announce", "announces", "announced", "announcing"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "suggest": ("suggest", "suggests", "suggested", "suggesting"),
    "promise": ("promise", "promises", "promised", "promising"),
    "pledge": ("pledge", "pledges", "pledged", "pledging"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "remark": ("remark", "remarks", "remarked", "remarking"),
    "answer": ("answer", "answers", "answered", "answering"),
    "shout": ("shout", "shouts", "shouted", "shouting"),
    "chant": ("chant", "chants", "chanted", "chanting"),
    "exclaim": ("exclaim", "exclaims", "exclaimed"),
    "lament": ("lament", "laments", "lamented", "lamenting"),
    "complain": ("complain", "complains", "complained", "complaining"),
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "deny": ("deny", "denies", "denied", "denying"),
    "describe": ("describe", "describes", "described", "describing"),
    "call": ("call", "calls", "called", "calling"),
    "urge": ("urge", "urges", "urged", "urging"),
    "assure": ("assure", "assures", "assured", "assuring"),
    "accuse": ("accuse", "accuses", "accused", "accusing"),
    "observe": ("observe", "observes", "observed", "observing"),
    "joke": ("joke", "jokes", "joked", "joking"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "mutter": ("mutter", "mutters", "muttered"),
    "whisper": ("whisper", "whispers", "whispered"),
    "scream": ("scream", "screams", "screamed"),
    "yell": ("yell", "yells", "yelled"),
    "boast": ("boast", "boasts", "boasted", "boasting"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "cite": ("cite", "cites", "cited", "citing"),
    "quote": ("quoted", "quoting"),
    "emphasize": ("emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised"),
    "stress": ("stress", "stresses", "stressed", "stressing"),
    "charge": ("charged", "charges"),
    "counter": ("counter", "counters", "countered"),
    "retort": ("retort", "retorts", "retorted"),
    "concede": ("concede", "concedes", "conceded", "conceding"),
    "confess": ("confess", "confesses", "confessed", "confessing"),
    "reveal": ("reveal", "reveals", "revealed", "revealing"),
    "testify": ("testify", "testifies", "testified"),
    "mention": ("mention", "mentions", "mentioned"),
    "maintain": ("maintains", "maintained"),
    "contend": ("contend", "contends", "contended"),
    "assert": ("assert", "asserts", "asserted", "asserting"),
    "allege": ("allege", "alleges", "alleged"),
    "opine": ("opine", "opines", "opined"),
    "muse": ("muse", "muses", "mused"),
    "recount": ("recount", "recounts", "recounted"),
    "read": ("reads",),
    "interject": ("interjected",),
    "demand": ("demand", "demands", "demanded", "demanding"),
    "wonder": ("wonder", "wonders", "wondered", "wondering"),
    "proclaim": ("proclaim", "proclaims", "proclaimed"),
    "plead": ("plead", "pleads", "pleaded", "pleading"),
    "beg": ("begged",),
    "snap": ("snapped",),
    "sigh": ("sighed",),
    "thunder": ("thundered",),
    "blast": ("blasted",),
    "slam": ("slammed",),
    "mock": ("mocked",),
    "brag": ("bragged",),
    "speculate": ("speculated",),
    "advise": ("advised",),
    "caution": ("cautioned",),
    "reiterate": ("reiterate", "reiterates", "reiterated"),
    "elaborate": ("elaborated",),
    "estimate": ("estimated",),
    "believe": ("believes",),
    "think": ("thinks",),
    "hope": ("hopes",),
    "find": ("found",),
    # more manner-of-speaking verbs seen in news copy ("Toomey fumed", "Beck questioned")
    "fume": ("fumed",),
    "scoff": ("scoffed",),
    "gush": ("gushed",),
    "grumble": ("grumbled",),
    "rail": ("railed",),
    "tout": ("touted",),
    "chide": ("chided",),
    "scold": ("scolded",),
    "rebut": ("rebutted",),
    "question": ("questioned",),
    "hint": ("hinted",),
    "reason": ("reasoned",),
    "tease": ("teased",),
    "taunt": ("taunted",),
    "concur": ("concurred",),
    "protest": ("protested",),
    "object": ("objected",),
    "conclude_noun": (),
}

REPORTING_VERBS: frozenset[str] = frozenset(
    form for forms in _REPORTING_LEMMAS.values() for form in forms
)

# Verbs whose object, not their subject, follows them ("told reporters", "asked
# him"): an inverted "told X" never names the speaker.
OBJECT_VERBS: frozenset[str] = frozenset(
    _REPORTING_LEMMAS["tell"] + _REPORTING_LEMMAS["urge"] + _REPORTING_LEMMAS["assure"]
    + _REPORTING_LEMMAS["accuse"] + _REPORTING_LEMMAS["call"] + _REPORTING_LEMMAS["describe"]
    + _REPORTING_LEMMAS["cite"] + _REPORTING_LEMMAS["quote"] + _REPORTING_LEMMAS["warn"]
    + ("advised", "begged", "slammed", "blasted", "mocked", "found", "believes", "thinks",
       "hopes", "estimated", "reveals", "revealed", "revealing", "reads")
)

# Weak cues: verbs that often introduce a quote but also occur in plain narration.
# They only count when the quote sits right beside them.
WEAK_VERBS: frozenset[str] = frozenset(
    ("believes", "thinks", "hopes", "found", "estimated", "reveals", "revealed", "revealing",
     "call", "calls", "called", "calling", "describe", "describes", "described", "describing",
     "mention", "mentions", "mentioned", "state", "states", "post", "posted", "reads",
     "cite", "cites", "cited", "citing")
)

# Multi-word cues whose speaker follows them.
ACCORDING_TO = ("according", "to")

# Word-forming prefixes the lexicon does not list alone, written before a hyphen
# ("Pre-war", "Co-op", "Sci-fi", "Semi-final"): such a word is no romanised given name.
HYPHEN_PREFIXES: frozenset[str] = frozenset(
    "pre co sci wi semi mini mega ultra neo pseudo quasi intra inter extra micro macro hyper tele bi tri".split()
)

# Words that may sit between a subject and its reporting verb ("he also said",
# "Clinton has repeatedly said").
VERB_PREFIXES: frozenset[str] = frozenset(
    """also has had have would will later then previously again once recently quickly simply
    further had since often repeatedly famously publicly privately flatly angrily bluntly
    told just even still never first last earlier subsequently finally reportedly
    emphatically calmly frankly openly jokingly proudly tearfully quietly insistently
    allegedly did does do could should might may must shall can""".split()
)

# Words that may sit between a reporting verb and an inverted subject ("said
# Monday Smith" is rare; "said on Monday" comes after the name).
TIME_WORDS: frozenset[str] = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    recently later earlier afterwards afterward then again also""".split()
)

PERSONAL_PRONOUNS: frozenset[str] = frozenset(
    "he she they i we it you who which".split()
)
MALE_PRONOUNS: frozenset[str] = frozenset("he him his himself".split())
FEMALE_PRONOUNS: frozenset[str] = frozenset("she her hers herself".split())
PLURAL_PRONOUNS: frozenset[str] = frozenset("they them their theirs themselves we".split())
# A thing's or a body's pronouns, never a person's ("it said in a statement").
NEUTER_PRONOUNS: frozenset[str] = frozenset("it its itself".split())

# The first person singular: a quote that says one of these speaks for a person
# (attribution.rules.quoted_capitals: "I saw him" is no place's or work's words).
FIRST_PERSON_SINGULAR: frozenset[str] = frozenset("i me my mine myself".split())
# Determiners before a document's noun ("a World Bank report", "in its statement").
DOCUMENT_DETERMINERS: frozenset[str] = frozenset("a an the this that its their his her".split())
# A name after these is a body's possession ("its Xbox console"), not the body.
OWNER_DETERMINERS: frozenset[str] = frozenset(("its", "their"))

# Titles before a name. Value: gender implied ("m", "f") or "" when none.
TITLES: dict[str, str] = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m",
    "father": "m", "brother": "m", "uncle": "m", "mrs": "f", "ms": "f", "miss": "f",
    "madam": "f", "madame": "f", "dame": "f", "lady": "f", "queen": "f", "princess": "f",
    "sister": "f", "aunt": "f", "baroness": "f", "baron": "m", "duke": "m", "duchess": "f",
    "dr": "", "doctor": "", "prof": "", "professor": "", "rev": "", "reverend": "",
    "president": "", "vice": "", "prime": "", "minister": "", "secretary": "",
    "senator": "", "sen": "", "rep": "", "representative": "", "congressman": "m",
    "congresswoman": "f", "gov": "", "governor": "", "mayor": "", "judge": "",
    "justice": "", "gen": "", "general": "", "col": "", "capt": "", "captain": "",
    "lt": "", "sgt": "", "sergeant": "", "officer": "", "detective": "", "chief": "",
    "inspector": "", "superintendent": "", "commissioner": "", "ambassador": "",
    "chancellor": "", "speaker": "", "councillor": "", "councilman": "m",
    "councilwoman": "f", "cllr": "", "attorney": "", "pope": "m", "rabbi": "",
    "bishop": "", "archbishop": "", "imam": "", "coach": "", "candidate": "",
    "nominee": "", "leader": "", "chairman": "m", "chairwoman": "f", "chair": "",
    "st": "", "saint": "", "mp": "", "mep": "", "msp": "", "supt": "", "det": "", "insp": "", "ch": "",  # ("Ch Insp", "Ch Supt": chief)
    "sheriff": "", "dean": "", "pastor": "", "sgt.": "", "cmdr": "", "adm": "", "admiral": "",
    "maj": "", "major": "", "dj": "", "mc": "", "chef": "",
}
# Post-nominal letters: honours, degrees and seats written after a person's name
# ("Guy Mansfield QC", "Jane Smith MP", "Ann Lee PhD"). They are no part of the
# name (the gold drops titles and roles: annotation/web/GUIDELINES.md); the
# name's grammar cuts one off the end of a person's run when it is written in
# capitals ("PhD" as such). A generation ("Jr", "III": NAME_SUFFIXES) is part
# of the name and stays. "mp", "mep", "msp" stand before a name too (TITLES).
POST_NOMINALS: frozenset[str] = frozenset("qc kc mp mep msp am obe mbe cbe kbe dbe phd".split())
# Titles of TITLES written before a given name only, never a surname: kinship
# ("Uncle Bob", "Aunt Sally"). The word after them is no surname, and the person
# no public figure.
GIVEN_NAME_TITLES: frozenset[str] = frozenset("uncle aunt".split())
# Titles of TITLES written before a given name or a surname alike: a religious
# order, a team's coach, a kitchen's chef, a DJ ("Father John", "Father Ryan",
# "Sister Mary", "Coach Kelly", "Chef Ramsay", "DJ Bob"). Evidence of neither; a
# person the articles address by one is no private first-name-only person.
NEUTRAL_NAME_TITLES: frozenset[str] = frozenset("father brother sister coach dj mc chef".split())
# Titles of TITLES a public figure known by a given name carries: royal,
# religious, a knighthood ("Prince Harry", "Queen Elizabeth", "Pope John",
# "St Paul", "Sir Alex", "Dame Judi"). The word after them is a given name too.
PUBLIC_GIVEN_NAME_TITLES: frozenset[str] = frozenset("king queen prince princess pope saint st sir dame".split())
# The saints' titles of PUBLIC_GIVEN_NAME_TITLES: not read from an article's text,
# where they name places, days and buildings ("St. Louis", "St Patrick's Day",
# "St Mary's Hospital"), and a saint is not quoted in the news.
SAINT_TITLES: frozenset[str] = frozenset("saint st".split())

# Abbreviations that end with a full stop without ending a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    """mr mrs ms dr prof rev sen rep gov gen col capt lt sgt st jr sr inc corp co ltd
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft no vs etc u.s u.k u.n d.c
    a.m p.m supt det insp cllr cmdr adm maj fig dept est approx ave blvd del""".split()
)

# Name particles that stay inside a name ("Ludwig van Beethoven", "Osama bin Laden").
NAME_PARTICLES: frozenset[str] = frozenset(
    "van von der den de del della di da du la le bin al el ibn y".split()
)
NAME_SUFFIXES: frozenset[str] = frozenset("jr jr. sr sr. ii iii iv".split())
# Prepositions that never stand inside a name, in any case: a capitalised run ends
# before one ("HUFFPOLLSTER VIA EMAIL", "Reuters Via AP"). ("Per" is also a first name: not here.)
NAME_BREAKING_PREPOSITIONS: frozenset[str] = frozenset({"via"})

# Capitalised words that are never (part of) a speaker's name at the edge of one
# (determiners and quantifiers: "Another notes ...", "Each said ...").
NON_NAME_CAPS: frozenset[str] = frozenset(
    """I The A An This That These Those It He She They We You His Her Their Our My Its
    In On At By For From With Without Of To And Or But If When While As After Before
    Since Until Because Although Though So Yet Then Now Here There Today Yesterday
    Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Mr Mrs Ms Dr
    Sir Lady However Meanwhile Also Still Even Just Only Many Most Some Several Both
    Each Every All No Not Yes Another Either Neither Any Few Such Via What Who Why How Where Which Whose Asked Speaking Read
    Update Updated Photo Image Video Watch Follow Share Click Advertisement Related""".split()
)

# Nouns that make a description a plausible speaker ("the former spy said").
SPEAKER_NOUNS: frozenset[str] = frozenset(
    """spokesman spokeswoman spokesperson spokespeople representative official officials
    source sources aide aides adviser advisers advisor advisors campaign company firm
    newspaper paper magazine network station agency department ministry council police
    force court judge president senator candidate nominee governor mayor minister
    secretary chairman chairwoman chair director executive chief leader leaders lawyer
    lawyers attorney attorneys professor analyst analysts expert experts economist
    strategist pollster consultant spy man woman boy girl father mother son daughter
    wife husband brother sister friend friends neighbour neighbor resident residents
    witness witnesses officer officers statement report letter memo book website
    union party group organization organisation committee commission administration
    government board authority authorities team club manager coach player author
    writer reporter journalist editor columnist historian researcher researchers
    scientist scientists doctor doctors nurse teacher student students voter voters
    supporter supporters critic critics activist activists protester protesters
    prosecutor prosecutors investigator investigators congressman congresswoman
    lawmaker lawmakers legislator republican republicans democrat democrats
    billionaire businessman businesswoman mogul host anchor commentator organizer
    organiser founder owner ceo cfo chancellor ambassador envoy diplomat general
    commander soldier veteran pastor priest bishop rabbi imam historian biographer
    sheriff detective inspector superintendent constable councillor trustee governor
    regulator watchdog charity trust bank insurer airline school university college
    hospital institute foundation study survey poll memoir memoirs manuscript
    document documents filing complaint ruling indictment lawsuit suit release office counsel""".split()
)

# Descriptions that point at an organisation rather than a person.
ORG_NOUNS: frozenset[str] = frozenset(
    """campaign company firm newspaper paper magazine network station agency department
    ministry council police force court union party group organization organisation
    committee commission administration government board authority team club
    regulator watchdog charity trust bank insurer airline school university college
    hospital institute foundation""".split()
)

# Heads of a description that stand for an organisation's unnamed voice ("a Fox
# spokesman", "Alibaba leaders", "the IAAF statement"): with the organisation's
# name inside and no person named, the organisation is the speaker.
VOICE_NOUNS: frozenset[str] = frozenset(
    """spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen representative
    representatives official officials executives leaders statement""".split()
)

# He/she antecedents (text.entities): words by which an article says that the
# name right after them is no person. A work's title follows its kind ("the film
# Vera Drake", "her album Confessions") or a role in it ("her role in Elizabeth",
# "starred in Witness"); an organisation follows its kind ("technology giant
# Hewlett Packard", "pressure group Liberty"), a post in it ("chief of Ford",
# "economist at Nomura"), or a plural of its kind and "such as" ("firms such as HP");
# its possessions follow it ("Dell's shareholders"). All are written in lower case.
WORK_NOUNS: frozenset[str] = frozenset(
    """film films movie movies biopic documentary sitcom series album albums single song
    songs novel novels musical opera ballet""".split()
)
WORK_ROLE_WORDS: frozenset[str] = frozenset(  # ... followed by "in"
    """role roles part star stars starred starring appear appears appeared appearing""".split()
)
ORG_KIND_NOUNS: frozenset[str] = frozenset(  # (none a verb as well: "voters trust Clinton")
    """company firm newspaper paper magazine network station agency ministry union party
    group organization organisation committee commission team club regulator watchdog
    charity bank insurer airline university college hospital institute foundation giant
    giants carmaker automaker chipmaker drugmaker retailer supermarket chain operator
    carrier conglomerate lender studio outfit firms companies banks groups retailers
    operators""".split()
)
# Heads of a definite description that stand for one organisation of a kind a
# name need not say ("the company" for Next, "the airline" for Ryanair): text.entities.
ORG_KIND_HEADS: frozenset[str] = frozenset(
    "company firm group club network station agency watchdog airline regulator charity "
    "organisation organization bank insurer carrier retailer broadcaster channel "
    "paper newspaper magazine daily tabloid".split()
)
# Of those, the heads that stand for a publication ("the paper" for the Los Angeles
# Times, "the magazine" for Rolling Stone), and the words that call a name one
# ("US magazine Rolling Stone", "Spanish daily ABC"): text.entities.
PRINT_NOUNS: frozenset[str] = frozenset("paper newspaper magazine daily tabloid weekly".split())
# Of those, the heads a news outlet may be ("the station" for BBC Radio 1, "the
# paper" for the Guardian).
MEDIA_HEADS: frozenset[str] = frozenset("network station broadcaster channel".split()) | PRINT_NOUNS
# Nouns for a document a body publishes, whose words are its author's ("a World Bank
# report ... the report said", "the US military said in a statement ... the statement
# said"): text.entities.EntityIndex.document_author, with the attribution's
# DOCUMENT_NOUNS.
AUTHORED_NOUNS: frozenset[str] = frozenset("report study survey minutes complaint submission".split())
# Heads of a description that name no one person: an unnamed source ("the Whitehall
# source", "the Downing Street aide"), never a role an article gives one person.
UNNAMED_HEADS: frozenset[str] = frozenset("source insider aide official".split())
ORG_POST_WORDS: frozenset[str] = frozenset(  # ... followed by "of" or "at"
    """chief boss chairman chairwoman founder co-founder executive ceo economist
    analyst strategist""".split()
)
ORG_POSSESSIONS: frozenset[str] = frozenset(  # ... after "X's"
    """shareholders customers subscribers profits profit revenue revenues
    stores factories""".split()
)

# Words that mark the name of an organisation when they end a capitalised name.
ORG_HEADS: frozenset[str] = frozenset(
    """Post Times Journal News Herald Tribune Telegraph Guardian Mail Express Mirror
    Sun Star Globe Chronicle Gazette Observer Independent Examiner Inquirer Review
    Magazine Press Network Radio TV Television Agency Department Ministry Council
    Committee Commission Administration Government Office Bureau Service Services
    Police Force Court Circuit Tribunal Union Party Group Foundation Institute Center Centre University
    College School Hospital Bank Company Corporation Corp Inc Ltd LLC Association
    Authority Board Campaign Club Society League Trust Fund Organization Organisation
    Coalition Alliance Federation Project Caucus Network Reuters Breitbart CNN NBC
    ABC CBS BBC Fox NPR AP Politico HuffPost Post Senate House Congress Pentagon
    FBI CIA NSA EU UN NATO""".split()
)

# Lines that belong to a web page's furniture, not to the article.
BOILERPLATE_PATTERNS: tuple[str, ...] = (
    r"^\s*copyright\b",
    r"^\s*©",
    r"\ball rights reserved\b",
    r"^\s*(sign in|sign up|log in|register|subscribe|share this( page| article| story)?|"
    r"print sponsor|print|email|e-mail this( to a friend)?|related (topics|stories|links|articles|content)|"
    r"more on this story|most (read|popular|watched)|top stories|advertisement|"
    r"skip to (main )?content|cookies?|accept cookies|read more|back to top|"
    r"follow us|bbc navigation|from other news sites|see also|you may also like|"
    r"page last updated at\b.*|last updated\b.*|published\b.*\d{4}.*)\s*$",
    r"^\s*\d{1,2} \w{3,9} \d{2,4}\s*\|",          # "24 Jan 08 |  Newsnight"
    r"\|\s*(uk|us|world|europe|news|newsnight|on this day|business|politics|sport)\b.*$",
    r"^\s*the bbc is not responsible\b",
    r"\bwe use cookies\b",
    r"\b(?:privacy|cookie) policy\b.*\|",
    r"\|\s*accept all\b",
    r"\bis not responsible for the content of external\b",
    r"\bbest viewed in an up-to-date web browser\b",
)

# Job titles that sit inside a capitalised run before a person's name ("Charlotte
# Mayor Jennifer Roberts", "Clinton Communications Director Jennifer Palmieri"):
# the name starts after the last one.
ROLE_WORDS: frozenset[str] = frozenset(
    """director spokesman spokeswoman spokesperson strategist adviser advisor aide manager
    executive correspondent anchor host analyst pollster founder ceo cfo coo economist editor
    reporter columnist commentator treasurer counsel lawyer chairman chairwoman chair
    president mayor governor gov sen senator rep secretary minister chancellor ambassador
    attorney general commissioner superintendent chief sheriff judge justice officer
    leader whip speaker candidate nominee deputy coach chef dj mc""".split()
)

# Modifiers that make another role of the role noun after them (#15): a former,
# shadow, deputy, vice, assistant, junior or would-be chancellor is not the
# chancellor, nor the other way round ("the chancellor" is not "former chancellor
# Kenneth Clarke"; "the vice president" is not "President Obama"), while modifiers
# outside this list leave the role as it is and only add evidence ("the Labour
# chancellor", "the German chancellor", "the outgoing chancellor"). A description
# and a person whose written role differ in these words are different roles
# (quotes.text.entities). "ex-" is written for "former" ("ex-chancellor").
ROLE_CHANGING_MODIFIERS: frozenset[str] = frozenset(
    "former ex shadow deputy vice assistant junior would-be".split()
)

# Participles that make a hyphenated modifier of the name after them ("Paris-based
# Euronext", "Texas-born Smith", "Labour-led Council", "State-owned Gazprom"): the
# modifier describes the name and is never part of it. A hyphenated name has a
# capitalised or non-participle last part ("Lloyd-Webber", "Jean-Pierre", "Al-Assad").
HYPHEN_MODIFIER_PARTICIPLES: frozenset[str] = frozenset(
    """based born bred raised educated trained led backed owned funded run financed
    sponsored supported controlled dominated listed registered headquartered
    affiliated linked allied made""".split()
)

# Party and movement words that describe a person before the name ("Republican
# Donald Trump", "Democrat Hillary Clinton").
PARTY_WORDS: frozenset[str] = frozenset(
    "republican republicans democrat democrats democratic gop libertarian independent conservative liberal".split()
)

# Last words of names that are events, documents, buildings or places, never a person.
NON_PERSON_HEADS: frozenset[str] = frozenset(
    """convention charter act bill amendment street avenue monument memorial square hall
    house building tower bridge river lake mountain island islands county city state
    states republic kingdom park airport station church cathedral museum library
    stadium arena hotel center centre plaza caucus caucuses primary debate summit
    conference treaty accord agreement war day week month year olympics games times
    magazine news network channel show program programme rules law code court""".split()
)

# Things, not people, whose names have the endings of agent nouns (-er, -or, -ist,
# -man): "said the computer", "the poster said", "the monitor showed". A definite
# description of a role that speaks is read as a person by its agent ending
# (attribution.rules._role_after_name); these heads are no one.
THING_AGENT_NOUNS: frozenset[str] = frozenset(
    """computer poster monitor list number printer scanner sensor motor mirror error
    door floor register banner trailer charter order paper letter meter counter timer
    router server browser container processor reactor tractor sector factor elevator
    calculator indicator generator refrigerator radiator human twist wrist corner
    answer question water weather winter summer matter chapter cover filter""".split()
)

# Capitalised words that name a nationality, party or creed: alone they are no person
# ("Republican", "Mexican", "Democratic"). The nationalities are the one list of
# demonyms (quotes/data/demonyms.txt, resources.demonyms(), its one-word entries);
# here the party, creed and other group words, and the ethnic and language words
# that are no country's demonym.
_GROUP_WORDS: frozenset[str] = frozenset(
    """republican republicans democrat democrats democratic gop libertarian independent
    conservative liberal progressive socialist communist tory americans arabic latino latina
    muslim muslims christian christians jewish catholic evangelical islamic black white
    federal national international congressional presidential senate house congress
    obamacare medicare medicaid internet twitter facebook youtube instagram google""".split()
)
_NATIONS: frozenset[str] = frozenset(w for w in demonyms() if " " not in w)
NON_PERSON_WORDS: frozenset[str] = _GROUP_WORDS | _NATIONS

# The singular adjectives among them (a party, a nation, a creed: "Republican",
# "Chinese", "Tory", "Israeli", "Swiss"): before a noun they modify it ("American
# negotiators", "a senior Tory MP"), and after an article alone they stand for one
# unnamed member ("the Republican said", "the Brazilian said"); either way they name no one.
PARTY_OR_NATION_ADJECTIVES: frozenset[str] = _NATIONS | frozenset(
    w for w in _GROUP_WORDS
    if (w in PARTY_WORDS or w == "tory" or w.endswith(("an", "ese", "ish", "ch", "sh", "i", "ic")))
    and not w.endswith("s")) - {"gop", "independent"}  # (the GOP is the party; The Independent, a paper)

# Verbs after which "it" is usually an expletive, standing for a clause that
# follows ("It is strange that …", "It seems to …", "It has not helped that …").
EXPLETIVE_IT_VERBS: frozenset[str] = frozenset(
    "is was isn't wasn't 's ’s seems seemed appears appeared remains remained".split()
)
# Auxiliaries that take it there only through "be" ("It would be wrong to …";
# not "It would lift restrictions that …", "It had to include …").
EXPLETIVE_IT_AUXILIARIES: frozenset[str] = frozenset(
    "has had hasn't hadn't would will may might could can should must".split()
)
# Words that may come between that verb and the rest ("It has not been …").
EXPLETIVE_IT_FILLERS: frozenset[str] = frozenset(
    "not n't never been be also still just always even really certainly become becomes".split()
)
# The clause an expletive "it" announces opens with one of these.
EXPLETIVE_IT_CLAUSES: frozenset[str] = frozenset("that to whether how why when if".split())

# Words before a reporting-verb form that make it a noun ("his remarks", "the
# report", "their claims"): no verb, so no subject to look for. ("this" and
# "that" stay out: "That said", "This says".)
CUE_NOUN_DETERMINERS: frozenset[str] = frozenset("the a an his her their its our my your".split())
# Third-person possessive determiners ("his memoir", "their Iowa win").
POSSESSIVE_DETS: frozenset[str] = frozenset("his her their its".split())
# Contractions that end in ’s without being possessive ("He’s said", "It’s reported").
NON_POSSESSIVE_S: frozenset[str] = frozenset("he she it that there here what who where which".split())

# US state abbreviations (AP style and postal codes, lower-cased) that follow a
# town in a place phrase ("in Portsmouth, N.H., on Tuesday", "in Berea, OH,").
STATE_ABBREVIATIONS: frozenset[str] = frozenset(
    """ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. kans. ky. la. md. mass. mich.
    minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d.
    tenn. tex. vt. va. wash. w.va. wis. wyo. d.c. al ak az ar ca co ct de fl ga hi id il in ia ks
    ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa
    wv wi wy dc""".split()
)
# Countries written as capital initials ("the US", "U.K."): places the list of
# place names (data/places.txt) lacks. Case as written.
COUNTRY_ABBREVIATIONS: frozenset[str] = frozenset("US U.S. USA U.S.A. UK U.K. UAE U.A.E.".split())
# Nouns of time: after a place they say when, not what the place modifies ("in the US today").
TIME_NOUNS: frozenset[str] = frozenset(
    "today yesterday tonight day days week weeks month months year years morning afternoon evening night "
    "weekend time times".split()
)
# Day names: "Tuesday at the rally in Berea, …, Kasich said" opens with one.
DAY_WORDS: frozenset[str] = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTH_WORDS: frozenset[str] = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
# The organisation nouns of a state's own bodies: after a nation's adjective they
# name that body ("the French foreign ministry", "the Welsh health department"),
# where "the German company" or "the British bank" is only a description.
STATE_BODY_NOUNS: frozenset[str] = frozenset(
    "ministry department government administration police court".split())
# Conjunctions that open a subordinate clause before the main one ("When Trump
# suggested that …, Rubio fired back"). Not "as": "As Dell said, “…”" names the speaker.
SUBORDINATORS: frozenset[str] = frozenset(
    "when after while before since if although though because once until whereas".split()
)
# Auxiliaries of a passive reporting verb ("was asked by", "had been told by").
PASSIVE_AUXILIARIES: frozenset[str] = frozenset("was were is are been being be".split())
# Verbs that report speech only with the word after them ("as Foner put it, “…”").
PHRASAL_CUES: dict[str, str] = {"put": "it", "puts": "it"}
# Every quotation mark the detector reads, as single characters (tokens that are
# a mark; '' is the NYT archive's double quote, two of these).
QUOTE_MARKS: frozenset[str] = frozenset("\"“”‘’'„«»")
# Words a title-case headline leaves in lower case ("Blunt Says Spying Was a
# Mistake"): a title whose other words are capitalised is still title case.
MINOR_WORDS: frozenset[str] = frozenset("a an the of and or in on at to for with from by is as vs but nor".split())
# Prepositions that head the phrase before or after a noun phrase in the
# attribution grammar ("by", "of", "with" ...).
PREPOSITIONS: frozenset[str] = frozenset("by in at of from to with for on about against into over under".split())
# Words of comparison that work like prepositions before a name ("than Trump").
COMPARISONS: frozenset[str] = frozenset("than like as".split())
# Rarer prepositions, for the words that may stand before a place name.
OTHER_PREPOSITIONS: frozenset[str] = frozenset("between among near behind toward towards across through via".split())

"""The regret and shock cue lexicon: cue words judged in their clause, plus VADER and TextBlob scores.

Plain Python, used both inside the trained tone pipeline
(:class:`quotes.training.tone_features.LexiconFeatures` wraps it for scikit-learn) and
by the scorer that ships (:mod:`quotes.tone.model`), so that training and
scoring compute the same features.

The lexicon features follow the cue words of ``regret-cues.txt`` and
``shock-cues.txt`` and judge each match by its clause: who the subject is
(first person or someone else), whether it is negated ("I don't regret") or
hedged ("I'd be surprised if"), and whether it sits in a fixed phrase that
carries no tone ("sorry to say", "October surprise").

Notes:
    Negation scope (a few tokens before the cue, cut at clause boundaries)
    follows the NegEx idea (Chapman et al., 2001) and VADER's own three-token
    window (Hutto & Gilbert, 2014).
"""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final, NamedTuple

import numpy as np

from quotes.resources import common_words, first_names
from quotes.tone.sentiment import pattern_sentiment
from quotes.tone.ports.vader import VaderPort

# Folded before tokenising, so "don’t" and "don't" are one cue.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_TOKEN_RE = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|[.!?;:()\u2014\u2013]|--")
# Clitics spelt out so that cue phrases need one spelling ("should've" = "should have").
_CLITICS = {"'ve": "have", "'m": "am", "'re": "are"}
# The word lists the clause readings look for are kinds of quotes/data/tone-context.txt
# (one place each: read once into ``sets`` by current_tables, looked up as
# ``sets["determiners"]``). What stays written here is punctuation, phrases of a
# fixed shape, the names of kinds and groups, and closed sets of one or two
# function words whose meaning is the code that reads them.
# Punctuation that ends a clause, and a sentence.
_PUNCT_BOUNDARIES = frozenset(".!?;:()\u2014\u2013") | {"--"}
_SENTENCE_ENDS = frozenset(".!?")
# The mark of a cue that ends its clause (a final " $" in a cue file); punctuation,
# a comma after the cue or a word of the ``closing_words`` kind closes that clause.
_CLAUSE_END = "$"
# Prepositions that open a state phrase after a verb ("watched in horror",
# "looked on with disbelief").
_STATE_PHRASE_PREPOSITIONS = frozenset({"in", "with"})
# What follows "let" in the hortative ("let's", "let us apologise"): a proposal.
_HORTATIVE_AFTER_LET = frozenset({"'s", "us"})
# The two negations that front an inverted clause ("Not once did I", "Never have I").
_FRONTED_NEGATORS = frozenset({"not", "never"})
# What rejects the word after it in a contrast ("predictable rather than surprising").
_CONTRASTS = frozenset({("rather", "than"), ("instead", "of")})
# Cues whose subject is what went wrong, not who did it ("the letter slipped
# through the cracks" admits a failure with no one named).
_UNDERGOER_WORDS = frozenset({"through"})

# Feature names of :class:`LexiconFeatures`, in column order.
REGRET_FEATURES = ("regret_self", "regret_none", "regret_other", "regret_self_about_other",
                   "regret_negated", "regret_hedged", "regret_formula")
SHOCK_FEATURES = ("shock_state", "shock_other", "shock_eval", "shock_weak_predicate",
                  "shock_weak_attribute", "shock_negated", "shock_hedged", "shock_formula",
                  "shock_negative_valence")
SENTIMENT_FEATURES = ("vader_neg", "vader_neu", "vader_pos", "vader_compound",
                      "pattern_polarity", "pattern_subjectivity", "first_person",
                      "length", "exclamations", "question")
FEATURE_NAMES = REGRET_FEATURES + SHOCK_FEATURES + SENTIMENT_FEATURES
# Judgements that leave a cue standing: they count as the speaker's own feeling.
# Each cue group ("apology", "horror", ...) also gets a column counting its
# standing cues, so that the classifier can weigh "wow" (Reddit's surprise)
# apart from "appalled" (news shock).
STANDING = frozenset({"regret_self", "regret_none", "shock_state", "shock_eval",
                      "shock_weak_predicate"})


# What each judged feature says about its cue's clause: (who feels it, negated,
# modality, target). who: "self" (I/we), "other" (he, she, they, you, a name or
# a noun), "none" (no one named); modality: "actual" or "hypothetical";
# target: "self" (the speaker's own act), "other" (someone else's), "" (unsaid).
_CLAUSE = {
    "regret_self": ("self", False, "actual", "self"),
    "regret_none": ("none", False, "actual", ""),
    "regret_other": ("other", False, "actual", ""),
    "regret_self_about_other": ("self", False, "actual", "other"),
    "regret_negated": ("", True, "actual", ""),
    "regret_hedged": ("", False, "hypothetical", ""),
    "regret_formula": ("", False, "actual", ""),
    "shock_state": ("self", False, "actual", ""),
    "shock_eval": ("self", False, "actual", ""),
    "shock_weak_predicate": ("self", False, "actual", ""),
    "shock_weak_attribute": ("", False, "actual", ""),
    "shock_other": ("other", False, "actual", ""),
    "shock_negated": ("", True, "actual", ""),
    "shock_hedged": ("", False, "hypothetical", ""),
    "shock_formula": ("", False, "actual", ""),
}


class Reading(NamedTuple):
    """One cue match read in its clause (see :meth:`CueLexicon.readings`).

    Attributes:
        tone: "regret" or "shock".
        start, end: character offsets of the cue in the text.
        cue: the cue's words as written.
        group: its cue group ("apology", "astonishment", ...; "" for formulas).
        feature: the lexicon feature it adds to ("regret_self", "shock_hedged", ...).
        who: who feels it: "self", "other", "none", or "" when the reading
            stopped earlier (negated, hypothetical, a set phrase).
        negated: negated ("I don't regret", "not surprised", "I regret nothing").
        modality: "hypothetical" ("I'd be shocked if", "you'll regret it") or "actual".
        target: "self" (the speaker's own act: "I regret making them"),
            "other" ("I'm sorry for them") or "".
        formula: a set phrase with no tone ("sorry to hear", "electric shock").
        standing: whether it counts as the speaker's own feeling.
    """

    tone: str
    start: int
    end: int
    cue: str
    group: str
    feature: str
    who: str
    negated: bool
    modality: str
    target: str
    formula: bool
    standing: bool


# -- shared sentiment scorers (one instance per process) -----------------------------

@functools.lru_cache(maxsize=1)
def _vader() -> VaderPort:
    """VADER's scorer, ported (:mod:`quotes.tone.ports.vader`); it reads the lexicon shipped inside vaderSentiment."""
    from vaderSentiment import vaderSentiment

    return VaderPort(vaderSentiment, vaderSentiment.SentimentIntensityAnalyzer())


def vader_scores(text: str) -> tuple[float, float, float, float]:
    """VADER ``neg``, ``neu``, ``pos`` and ``compound`` scores of a text (the same as ``polarity_scores``)."""
    return _vader()(text)


# -- tokens and cue tables ------------------------------------------------------------

# The TextBlob polarity from which a word after "shockingly" is praise it only
# intensifies ("cheap" +0.4, "good" +0.7; not "high" +0.16).
_PLAINLY_POSITIVE: Final = 0.3
# Where nearly every word is capitalised, capitals tell no names (see tokenize).
_CASELESS_MIN_WORDS: Final = 3
_CASELESS_SHARE: Final = 0.8


def tokenize(text: str) -> tuple[list[str], list[bool], list[tuple[int, int]]]:
    """Split text into lower-cased word and punctuation tokens for cue matching.

    Args:
        text: any text.

    Returns:
        The tokens; for each, whether it was capitalised in the text (names are
        told from other words by that); and its character span in ``text``.
        Clitics are split ("i'm" -> "i", "am"); negated auxiliaries stay whole
        ("don't") and count as negators.
    """
    tokens: list[str] = []
    capitals: list[bool] = []
    spans: list[tuple[int, int]] = []
    clitics: set[int] = set()  # the split-off "'m", "'re", "'s" of "I'M", "WE'RE"
    for match in _TOKEN_RE.finditer(text.translate(_APOSTROPHES)):
        word = match.group()
        low = word.lower()
        start, end = match.span()
        if low in "?!" and tokens and tokens[-1] in ("?", "!") and spans[-1][1] == start:
            # a run of marks ends one sentence: "?!", "??", "!!!" read as "?" (a question
            # when any of them asks) or "!", so "Surprised?! Not me." denies as
            # "Surprised? Not me." does
            if low == "?":
                tokens[-1] = "?"
            spans[-1] = (spans[-1][0], end)
            continue
        if "'" in low and not low.endswith("n't"):
            head, _, tail = low.partition("'")
            tail = "'" + tail
            tokens += [head, _CLITICS.get(tail, tail)]
            capitals += [word[0].isupper(), False]
            clitics.add(len(tokens) - 1)
            spans += [(start, start + len(head)), (start + len(head), end)]
        else:
            tokens.append(low)
            capitals.append(word[0].isupper())
            spans.append((start, end))
    # (tone-28) a clitic has no capital of its own to count: "I'M COMPLETELY STUNNED"
    # is in capitals as "I AM COMPLETELY STUNNED" is
    words = [c for i, (t, c) in enumerate(zip(tokens, capitals)) if t[:1].isalpha() and i not in clitics]
    if len(words) >= _CASELESS_MIN_WORDS and sum(words) >= _CASELESS_SHARE * len(words):
        # Text in capitals or title case ("I AM SO SORRY", "We Are Deeply Sorry For The
        # Delay"): a capital marks no name there, and the tone is the same as in
        # sentence case. A first name that is no dictionary word, and the word after
        # it, still mark a person ("JOE BIDEN WAS SORRY" is his, not the speaker's).
        # So does a title before a word that is no dictionary word ("MR BLAIR WAS
        # SORRY" is his, as "Mr Blair was sorry" is; "THE GENERAL FEELING" names no one).
        from quotes.vocabulary import TITLES

        given, common = first_names(), common_words()
        capitals = [False] * len(capitals)
        for i, t in enumerate(tokens):
            if t.rstrip(".") in TITLES and i + 1 < len(tokens) and tokens[i + 1].isalpha() \
                    and tokens[i + 1] not in common:
                capitals[i] = capitals[i + 1] = True
            elif t in given and t not in common:
                capitals[i] = True
                if i + 1 < len(tokens) and tokens[i + 1][:1].isalpha():
                    capitals[i + 1] = True
    return tokens, capitals, spans


def parse_cue_lines(lines: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """Parse the lines of a cue or context table into ``(kind, phrase)`` pairs.

    Args:
        lines: lines of a ``quotes/data`` tone table: ``#`` starts a comment,
            otherwise ``KIND words...``.

    Returns:
        The entries in file order, phrases lower-cased with folded apostrophes.

    Raises:
        ValueError: a line has a kind but no words.
    """
    entries: list[tuple[str, str]] = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, phrase = line.partition(" ")
        phrase = " ".join(phrase.lower().translate(_APOSTROPHES).split())
        if not phrase:
            raise ValueError(f"line {number}: {line!r} has a kind but no words")
        entries.append((kind, phrase))
    return tuple(entries)


def compile_table(entries: Sequence[tuple[str, str]]) -> dict[str, list[list[str]]]:
    """Index cue phrases by first word: ``{first: [[kind, word, ...], ...]}``.

    Phrases whose first word ends in ``*`` are indexed under ``"*"`` with the
    stem. Longer phrases come first, so the longest match wins.
    """
    table: dict[str, list[list[str]]] = {}
    for kind, phrase in entries:
        # A final "$": the clause ends after the cue ("are you serious $" is not
        # "are you serious about running").
        closed = phrase.endswith(" $")
        phrase = phrase[:-2] if closed else phrase
        # Cues are split like the texts they are matched against ("i'm" -> "i", "am").
        # A lone "*" between words stands for any one word ("let * down").
        star = "*" if phrase.endswith("*") and not phrase.endswith(" *") else ""
        words = [w for part in phrase.rstrip("*").split(" ")
                 for w in (["*"] if part == "*" else tokenize(part)[0])]
        words[-1] += star
        if closed:
            words.append(_CLAUSE_END)
        key = "*" if words[0].endswith("*") else words[0]
        table.setdefault(key, []).append([kind, *words])
    for candidates in table.values():
        candidates.sort(key=len, reverse=True)
    return table


def _word_matches(pattern: str, token: str) -> bool:
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return token == pattern


def _stems(table: dict[str, list[list[str]]]) -> tuple[str, ...]:
    """The stems of the ``*`` phrases of a compiled table, for a fast first test."""
    return tuple(entry[1][:-1] for entry in table.get("*", ()))


def _find_cues(tokens: list[str], table: dict[str, list[list[str]]],
               stems: tuple[str, ...], sets, commas: frozenset[int] = frozenset()) -> list[tuple[int, int, str]]:
    """Longest-first, left-to-right, non-overlapping cue matches as (start, end, kind).

    ``commas``: the tokens a comma follows, which end a clause for a cue marked "$".
    """
    found: list[tuple[int, int, str]] = []
    starred = table.get("*", [])
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        candidates = table.get(token, [])
        if stems and token.startswith(stems):
            candidates = candidates + starred
        best = 0
        best_end = 0
        kind = ""
        for entry in candidates:
            words = entry[1:]
            closed = words[-1] == _CLAUSE_END
            if closed:
                words = words[:-1]
            size = len(words)
            if size <= best:
                continue
            stop = _match_end(tokens, i, words, sets)
            if stop and (not closed or stop == n or tokens[stop] in _PUNCT_BOUNDARIES
                         or tokens[stop] in sets["closing_words"] or stop - 1 in commas):
                best, best_end, kind = size, stop, entry[0]
        if best:
            found.append((i, best_end, kind))
            i = best_end
        else:
            i += 1
    return found


def _match_end(tokens: list[str], i: int, words: list[str], sets) -> int:
    """Where a cue's words matched from token ``i`` end (0: no match). Adverbs in
    -ly and of degree may stand between its words ("came totally out of the
    blue", "couldn't quite believe"), at most two."""
    n = len(tokens)
    j = i
    skipped = 0
    for k, w in enumerate(words):
        while True:
            if j >= n:
                return 0
            if _word_matches(w, tokens[j]):
                break
            t = tokens[j]
            if k == 0 or skipped == 2 or not ((t.endswith("ly") and len(t) > 4) or t in sets["inner_adverbs"]):
                return 0
            skipped += 1
            j += 1
        j += 1
    return j


# The tone word lists of quotes/data, in the order LexiconFeatures takes them.
CUE_FILES = ("regret-cues.txt", "shock-cues.txt", "tone-context.txt")


def cue_groups(regret_cues: Iterable[tuple[str, str]], shock_cues: Iterable[tuple[str, str]]) -> list[str]:
    """The cue groups that get a column each ("regret_apology", "shock_horror", ...), sorted."""
    return sorted({f"{tone}_{kind.partition('/')[2]}"
                   for tone, cues in (("regret", regret_cues), ("shock", shock_cues))
                   for kind, _ in cues if "/" in kind})


def current_tables(data_dir=None) -> dict:
    """The cue tables, context words and groups of the word lists in ``quotes/data`` now.

    The word lists are read like the code that reads them: a scorer whose
    model was trained on older lists reads the clause with the lists as they
    are (their groups, hence the model's columns, must be the same).

    Returns:
        ``{"regret_table", "shock_table", "context", "groups"}`` as
        :class:`CueLexicon` takes them.
    """
    from quotes import resources

    folder = resources.DATA_DIR if data_dir is None else data_dir
    entries = []
    for name in CUE_FILES:
        with open(folder / name, encoding="utf-8") as fh:
            entries.append(parse_cue_lines(fh))
    regret, shock, context_entries = entries
    context: dict[str, list[str]] = {}
    for kind, word in context_entries:
        context.setdefault(kind, []).append(word)
    return {"regret_table": compile_table(regret), "shock_table": compile_table(shock),
            "context": {kind: sorted(set(words)) for kind, words in context.items()},
            "groups": cue_groups(regret, shock)}


# -- facts of a text, worked out once ---------------------------------------------------

def _last_where(flags: Sequence[bool]) -> list[int]:
    """For each index ``i``, the last index at or before ``i`` whose flag is set (-1 when none)."""
    out = [-1] * len(flags)
    last = -1
    for i, flag in enumerate(flags):
        if flag:
            last = i
        out[i] = last
    return out


def _next_where(flags: Sequence[bool]) -> list[int]:
    """For each index ``i`` (and ``len(flags)``), the first index at or after ``i`` whose
    flag is set (``len(flags)`` when none)."""
    n = len(flags)
    out = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        out[i] = i if flags[i] else out[i + 1]
    return out


class _Facts:
    """What the clause readings ask of one text, worked out once for the whole text.

    Reading a cue looks back over its clause (whose person word is nearest, is
    a saying verb negated, is there a condition) and on to its sentence's end
    (a contradiction after "sorry, but"). Scanning the clause again for each cue
    made a long line without punctuation quadratic ("sorry " x 16,667 took 27 s);
    each answer here is an index looked up in an array built in one pass over
    the tokens, on first use, so each cue costs the same however long its clause.
    The readings are exactly those of the scans they replace.
    """

    def __init__(self, tokens: list[str], capitals: list[bool], marks: list[tuple[int, int]], sets) -> None:
        self.tokens, self.capitals, self.marks, self.sets = tokens, capitals, marks, sets
        self._arrays: dict[str, list[int]] = {}
        self._walks: dict[int, tuple[int, bool]] = {}

    def _array(self, name: str) -> list[int]:
        found = self._arrays.get(name)
        if found is None:
            found = self._arrays[name] = getattr(self, "_build_" + name)()
        return found

    def sentence_first(self, start: int, reach: int) -> int:
        """The first token of ``start``'s sentence, at most ``reach`` tokens back (a
        bounded look back: linear on long unpunctuated lines)."""
        return max(self._array("stop")[start - 1] + 1 if start else 0, start - reach)

    def person(self, i: int) -> str | None:
        """Token ``i`` read as :func:`_person` reads a word: "self", "other" or None."""
        return _person((self.tokens[i],), (self.capitals[i],), self.sets, first=False)

    def _persons(self) -> list[bool]:
        sets = self.sets
        persons = sets.get("self", frozenset()) | sets.get("other", frozenset()) | sets.get("addressee", frozenset())
        return [w in persons or (c and w.isalpha() and w != "i") for w, c in zip(self.tokens, self.capitals)]

    def _build_person(self) -> list[int]:
        return _last_where(self._persons())

    def _build_person_not_object(self) -> list[int]:
        # whose view: an object pronoun is not its holder (see _reported)
        objects = self.sets.get("object", frozenset())
        return _last_where([p and t not in objects for p, t in zip(self._persons(), self.tokens)])

    def _build_person_skipping_objects(self) -> list[int]:
        # an object pronoun right after a word that is not one is skipped (see _subject)
        objects = self.sets.get("object", frozenset()) | self.sets.get("addressee", frozenset())
        tokens = self.tokens
        # (and "everyone" as the indirect object of a giving verb: "I owe everyone an apology";
        # "generic" in tone-context.txt: an indefinite object is not the apology's owner)
        generic = self.sets.get("generic", frozenset())
        return _last_where([p and not (t in objects and i > 0 and tokens[i - 1] not in objects)
                            and not (t in generic and i > 0 and tokens[i - 1] in self.sets["ditransitive"])
                            for i, (p, t) in enumerate(zip(self._persons(), tokens))])

    def last_person(self, clause_start: int, start: int, skip_objects: bool = False) -> str | None:
        """``_person(tokens[clause_start:start], ..., first=False)``; with ``skip_objects``,
        over those words less an object pronoun right after a word of the clause
        that is not one ("I owe you an apology")."""
        if start <= clause_start:
            return None
        k = self._array("person_skipping_objects" if skip_objects else "person")[start - 1]
        if skip_objects and k <= clause_start:
            # the clause's first word has no word before it in the clause: never skipped
            k = clause_start if self.person(clause_start) is not None else -1
        return self.person(k) if k >= clause_start else None

    def _build_stop(self) -> list[int]:
        return _last_where([t in _SENTENCE_ENDS for t in self.tokens])

    def _build_report(self) -> list[int]:
        report = self.sets.get("report", frozenset()) | self.sets.get("view", frozenset())
        tokens = self.tokens
        # (not the "like" of a modal of desire: "Southern Rail would like to apologise")
        return _last_where([t in report and not (t in self.sets["desire"] and i + 1 < len(tokens) and tokens[i + 1] == "to")
                            for i, t in enumerate(tokens)])

    def reported(self, start: int) -> bool:
        """Whether a cue sits in someone else's reported words, earlier in its sentence.

        "George Stephanopoulos told me I was mistaken": a reporting verb whose
        subject is someone else makes the first-person cue after it their claim;
        so does their view of the speaker ("people look at me like I did something wrong").
        The nearest reporting or view word before ``start`` in its sentence
        decides, by the nearest person word before it in the sentence: whose
        view is its subject's, not its object's ("they look at me like"), while
        after a reporting verb an object may be the speaker ("heard me saying").
        """
        if start <= 0:
            return False
        stop = self._array("stop")[start - 1]
        k = self._array("report")[start - 1]
        if k <= stop:
            return False
        name = "person_not_object" if self.tokens[k] in self.sets.get("view", ()) else "person"
        m = self._array(name)[k - 1] if k > 0 else -1
        return m > stop and self.person(m) == "other"

    def _build_negated_speech(self) -> list[int]:
        # a saying or thinking verb with a negator up to 3 tokens before it in its clause
        speech = self.sets.get("speech", frozenset())
        negators = self.sets.get("negator", frozenset())
        tokens, marks = self.tokens, self.marks
        untrue = self.sets.get("untrue", frozenset())
        # (tone-21: not "no" denying a denial, "It's no exaggeration to say", "no lie")
        return _next_where([t in speech and any(
            (w in negators and not (w == "no" and tokens[i + 1] in untrue)) or w.endswith("n't")
            for i, w in enumerate(tokens[max(marks[j][0], j - 3):j], max(marks[j][0], j - 3)))
            for j, t in enumerate(tokens)])

    def first_negated_speech(self, clause_start: int) -> int:
        """The first negated saying or thinking verb at or after ``clause_start``."""
        return self._array("negated_speech")[clause_start]

    def negated_speech(self, clause_start: int, start: int) -> bool:
        """Whether a negated saying verb stands in ``tokens[clause_start:start]``
        (every token there has ``clause_start`` for its clause's first)."""
        return start > clause_start and self._array("negated_speech")[clause_start] < start

    def _build_self(self) -> list[int]:
        return _next_where([t in self.sets.get("self", ()) for t in self.tokens])

    def _build_contradiction(self) -> list[int]:
        words = self.sets.get("contradiction", frozenset())
        return _next_where([t in words and t not in ("wrong", "mistaken") for t in self.tokens])

    def _build_own_error(self) -> list[int]:
        words = self.sets.get("contradiction", frozenset())
        return _next_where([t in words and t in ("wrong", "mistaken") for t in self.tokens])

    def _build_stop_after(self) -> list[int]:
        return _next_where([t in _SENTENCE_ENDS for t in self.tokens])

    def contradicts(self, end: int) -> bool:
        """Whether the sentence after "sorry, but" (from ``end``) contradicts someone
        ("that is false", "you are wrong", "we disagree"): a disagreement, not an
        apology. "I got it wrong" after it is the speaker's own error: "wrong" and
        "mistaken" count only with no "I"/"we" from ``end`` up to them."""
        stop = self._array("stop_after")[end]
        if self._array("contradiction")[end] < stop:
            return True
        wrong = self._array("own_error")[end]
        return wrong < stop and self._array("self")[end] > wrong

    def _build_condition(self) -> list[int]:
        return _last_where([t in self.sets["conditions"] for t in self.tokens])

    def condition(self, clause_start: int, start: int) -> bool:
        """Whether a word of the ``conditions`` kind stands in ``tokens[clause_start:start]``."""
        return start > clause_start and self._array("condition")[start - 1] >= clause_start

    def _build_not_function(self) -> list[int]:
        return _next_where([t not in self.sets["function_words"] or t in self.sets["negative_quantifiers"] for t in self.tokens])

    def first_not_function(self, clause_start: int) -> int:
        """The first token from ``clause_start`` on that is not a function word (or is a negative quantifier)."""
        return self._array("not_function")[clause_start]

    def _build_inversion(self) -> list[int]:
        tokens = self.tokens
        return _next_where([t in self.sets["inverted_auxiliaries"] and i + 1 < len(tokens) and tokens[i + 1] in self.sets["subject_pronouns"]
                            for i, t in enumerate(tokens)])

    def _build_emphatic(self) -> list[int]:
        return _next_where([t in self.sets["emphatic_after_inversion"] for t in self.tokens])

    def inversion(self, first: int, start: int) -> bool | None:
        """The first auxiliary before a subject pronoun from ``first`` on, both before
        ``start``: None when there is none, else whether no emphatic word follows it
        before ``start``."""
        k = self._array("inversion")[first]
        if k + 1 >= start:
            return None
        return self._array("emphatic")[k + 2] >= start

    def _build_rest_of(self) -> list[int]:
        tokens = self.tokens
        return _next_where([tokens[i:i + 3] == ["the", "rest", "of"] for i in range(len(tokens))])

    def _build_life(self) -> list[int]:
        return _next_where([t in ("life", "lives", "days") for t in self.tokens])

    def for_life(self, end: int, clause_end: int) -> bool:
        """Whether "for the rest of my/our life/lives" follows the cue: a lasting feeling
        ("I'll regret this for the rest of my life"): "the rest of" and
        "life"/"lives"/"days" in ``tokens[end:clause_end]``."""
        return self._array("rest_of")[end] + 3 <= clause_end and self._array("life")[end] < clause_end

    def _build_not_adverb(self) -> list[int]:
        return _last_where([not (t in ("all", "really", "so", "just", "absolutely", "totally", "utterly")
                                 or (t.endswith("ly") and len(t) > 4)) for t in self.tokens])

    def _build_not_degree(self) -> list[int]:
        return _last_where([not (t in self.sets["degree_adverbs"] or (t.endswith("ly") and len(t) > 4)) for t in self.tokens])

    def _build_not_capital(self) -> list[int]:
        return _last_where([not c for c in self.capitals])

    def before_run(self, name: str, j: int, clause_start: int) -> int:
        """Walking back from ``j`` over the tokens of a run ("not_adverb": the adverbs of
        :func:`_noun_subject`; "not_degree": those of :func:`_praise`; "not_capital":
        capitalised words), the first token reached that is not in it, or ``clause_start - 1``."""
        if j < clause_start:
            return j
        return max(self._array(name)[j], clause_start - 1)

    def verb_group_walk(self, j: int, clause_start: int) -> tuple[int, bool]:
        """The walk of :func:`_noun_phrase_subject` back from ``j`` over the verb
        group, adverbs and objects: where it stops and whether it passed a copula.
        Each token's answer is kept, so the walks of many cues in one clause cost
        one walk (every token from ``clause_start`` on is in one clause)."""
        tokens, sets, walks = self.tokens, self.sets, self._walks
        objects = sets.get("object", frozenset()) | sets.get("addressee", frozenset())
        path: list[tuple[int, bool]] = []
        copula = False
        while True:
            if j < clause_start:
                stop = j
                break
            if j in walks:
                stop, copula = walks[j]
                break
            t = tokens[j]
            if t in self.sets["degree_nouns"] and j > clause_start and tokens[j - 1] == "a":
                path.append((j, False))
                j -= 2  # "we were a bit surprised", "a little surprised"
            elif t == "bit" and j - 1 > clause_start and tokens[j - 2:j] == ["a", "little"]:
                path.append((j, False))
                j -= 3  # "a little bit surprised"
            elif t in self.sets["verb_group"] or (t.endswith("ly") and len(t) > 4) or t in self.sets["verb_particles"] \
                    or (t == "since" and j > clause_start and tokens[j - 1] in ("has", "have", "had")):
                path.append((j, t in self.sets["predicate_copula"]))
                j -= 1
            elif (t in objects or t == "her") and j > clause_start and tokens[j - 1] in self.sets["verb_group"]:
                path.append((j, False))
                j -= 1  # an object between the verb and the cue: "owe us an apology"
            else:
                stop = j
                walks[j] = (j, False)
                break
        for k, passed in reversed(path):
            copula |= passed
            walks[k] = (stop, copula)
        return stop, copula


# -- the lexicon ---------------------------------------------------------------------

class CueLexicon:
    """Regret and shock cue counts judged in context, plus VADER and TextBlob scores, per text.

    Args:
        regret_table, shock_table: cue phrases indexed by first word
            (:func:`compile_table` of the cue files' entries).
        context: each context kind ("negator", "hedge", "self", ...) mapped to its words.
        groups: the cue groups ("regret_apology", ...) that get a column each.
        negation_window: how many tokens before a cue a negator still cancels it.
        hedge_window: how many tokens before a cue a hedge still makes it hypothetical.
    """

    def __init__(self, regret_table: Mapping[str, list[list[str]]], shock_table: Mapping[str, list[list[str]]],
                 context: Mapping[str, Sequence[str]], groups: Sequence[str],
                 negation_window: int = 3, hedge_window: int = 5) -> None:
        self.regret_table = dict(regret_table)
        self.shock_table = dict(shock_table)
        self.groups = list(groups)
        self.negation_window = negation_window
        self.hedge_window = hedge_window
        sets = {kind: frozenset(words) for kind, words in context.items()}
        self.sets = sets
        self.regret_stems = _stems(self.regret_table)
        self.shock_stems = _stems(self.shock_table)
        # The text being judged and its token spans (see _comma_after); for each
        # token, where its sentence ends and where the next "but" stands (see
        # _next_of); whether the text speaks of a death or a loss (_condolence).
        # Computed once a text, so that reading each cue does not scan its
        # sentence again: a long line of cues stays linear.
        self._text: str = ""
        self._spans: list[tuple[int, int]] = []
        self._stops: list[int] = [0]
        self._buts: list[int] = [0]
        self._mourning = False
        self._facts = _Facts([], [], [], {})

    @property
    def feature_names(self) -> list[str]:
        """The names of the output columns: :data:`FEATURE_NAMES`, then one per cue group."""
        return [*FEATURE_NAMES, *(f"{g}_standing" for g in self.groups)]

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Score each text.

        Returns:
            A float array of shape ``(len(texts), len(FEATURE_NAMES) + len(groups))``:
            the named features, then one count of standing cues per cue group.
        """
        out = np.zeros((len(texts), len(FEATURE_NAMES) + len(self.groups)), dtype=np.float64)
        for row, text in enumerate(texts):
            out[row] = self.features(str(text))
        return out

    def judged_cues(self, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int, str, str]]]:
        """Token spans of the text and its cue matches as (first, end, feature, group)."""
        sets = self.sets
        tokens, capitals, spans = tokenize(text)
        self._text, self._spans = text, spans  # for _comma_after
        self._stops = _next_of(tokens, _SENTENCE_ENDS)
        self._buts = _next_of(tokens, frozenset({"but"}))
        self._mourning = _condolence(tokens, sets)
        marks = _clause_marks(tokens, sets.get("boundary", frozenset()))
        # A capital that opens a clause says nothing; elsewhere it marks a name.
        capitals = [c and marks[i][0] != i for i, c in enumerate(capitals)]
        self._facts = _Facts(tokens, capitals, marks, sets)
        judged: list[tuple[int, int, str, str]] = []
        commas = frozenset(i for i, (_, b) in enumerate(spans) if text[b:b + 2].lstrip()[:1] == ",")
        for start, end, kind in _find_cues(tokens, self.regret_table, self.regret_stems, sets, commas):
            kind, _, group = kind.partition("/")
            feature = self._judge_regret(tokens, capitals, marks, start, end, kind, sets, group)
            if feature:
                judged.append((start, end, feature, "regret_" + group))
        for start, end, kind in _find_cues(tokens, self.shock_table, self.shock_stems, sets, commas):
            kind, _, group = kind.partition("/")
            feature = self._judge_shock(tokens, capitals, marks, start, end, kind, sets, group)
            if feature:
                judged.append((start, end, feature, "shock_" + group))
        return spans, judged

    def readings(self, text: str) -> list[Reading]:
        """Every cue match of the text with its clause reading, in text order."""
        spans, judged = self.judged_cues(text)
        out = []
        for first, end, feature, group in judged:
            tone = feature.partition("_")[0]
            who, negated, modality, target = _CLAUSE.get(feature, ("", False, "actual", ""))
            a, b = spans[first][0], spans[end - 1][1]
            out.append(Reading(tone, a, b, text[a:b], group.partition("_")[2], feature, who, negated,
                               modality, target, feature.endswith("_formula"), feature in STANDING))
        return sorted(out, key=lambda r: (r.start, r.tone))

    def features(self, text: str) -> list[float]:
        """One row of :meth:`transform`."""
        sets = self.sets
        spans, judged = self.judged_cues(text)
        regret = dict.fromkeys(REGRET_FEATURES, 0.0)
        shock = dict.fromkeys(SHOCK_FEATURES, 0.0)
        groups = dict.fromkeys(self.groups, 0.0)
        for _, _, feature, group in judged:
            (regret if feature in regret else shock)[feature] += 1.0
            if feature in STANDING and group in groups:
                groups[group] += 1.0
        neg, neu, pos, compound = vader_scores(text)
        polarity, subjectivity = pattern_sentiment(text)
        if shock["shock_state"] + shock["shock_eval"] + shock["shock_weak_predicate"]:
            # GoEmotions surprise is often pleasant ("wow, what a find"); news
            # shock is mostly dismay, so a shock cue in a negative text counts extra.
            shock["shock_negative_valence"] = max(0.0, -compound)
        self_words = sets.get("self", frozenset())
        first_person = sum(1 for a, b in spans if text[a:b].lower() in self_words)
        counts = [min(v, 3.0) for v in (*regret.values(), *shock.values())]
        return counts + [neg, neu, pos, compound, polarity, subjectivity,
                         math.log1p(first_person), math.log1p(len(spans)) / 5.0,
                         min(text.count("!"), 3) / 3.0, float("?" in text),
                         *(min(v, 3.0) for v in groups.values())]

    # Each judge returns the feature a cue match adds to, or None.

    def _judge_regret(self, tokens, capitals, marks, start, end, kind, sets, group="") -> str | None:
        if kind == "formula" and tokens[start:end] == ["sorry", "but"] and _owned_state(tokens, start, sets) \
                and not self._facts.contradicts(end) and not _constraint_clause(tokens, end, self._stops[end], sets):
            # "We're sorry, but it didn't work out": an apology with its excuse;
            # the bare "Sorry, but no comment" stays a formula, and so does a
            # disagreement ("I'm sorry, but that is simply false") or a constraint
            # of the moment ("I'm sorry, but I have to go").
            kind, end = "cue", start + 1
        if kind == "formula":
            return "regret_formula"
        if kind == "judge":
            # (tone-27) "My language was unacceptable": a judgement that is self-blame
            # only over the speaker's own act, read as a "wrong" cue there; said of
            # anything else ("This is unacceptable", "It would be unacceptable")
            # it is no cue at all, not another's regret: the word mostly condemns.
            if not _speaker_is_subject(tokens, start, marks[start][0], sets):
                return None
            kind = "wrong"
        if tokens[start] == "sorry" and _polite_preface(tokens, end, sets, self._stops, self._buts):
            # "Sorry to keep on about this, but ...": a preface to a request or a point.
            return "regret_formula"
        if tokens[start] == "sorry" and end == start + 1 and (
                _sorry_for_the_moment(tokens, end, sets, self._stops[end])
                or self._constraint_follows(tokens, start, end, sets)):
            # "Sorry to keep you waiting", "sorry for the wait", "I'm sorry to have
            # to tell you", "Sorry, I have to go", "I'm sorry. I can't comment.":
            # what the "sorry" is about is the hearer's present trouble, news to
            # deliver or a constraint of the moment, not an act of the speaker's to regret.
            return "regret_formula"
        if tokens[start] == "sorry" and end == start + 1 and _sympathy_for_person(tokens, end, marks[start][1], sets):
            # (tone-28) "I'm so sorry about your dad", "So sorry about your mum":
            # sympathy for a person, not regret of an act
            return "regret_self_about_other"
        if tokens[start] == "sorry" and start > 0 and tokens[start - 1] in ("a", "an", "the", "such", "this") \
                and end < len(tokens) and tokens[end].isalpha():
            # "a sorry sight", "in a sorry state": before a noun "sorry" means pitiful.
            return "regret_formula"
        if tokens[start] == "sorry" and end == start + 1 and end < len(tokens) and tokens[end] == "?" \
                and _opens_sentence(tokens, start, self._facts._array("stop")[start] + 1):
            # "Sorry? Could you say that again?", "I'm sorry?": a sentence of its
            # own asking for a repeat; "Am I sorry? Of course I am." asks about regret.
            return "regret_formula"
        if tokens[start] == "sorry" and end == start + 1 and self._comma_after(start) \
                and _sentence_end(tokens, end, self._stops) == "?":
            # "Sorry, what did you say?", "I'm sorry, could you repeat that?": politeness.
            return "regret_formula"
        if tokens[start] == "let" and tokens[end - 1] == "down" and end - start >= 3 \
                and not _let_down_object(tokens, capitals, start + 1, end - 1, sets):
            # "let me calm you down", "let's sit down", "let this thing die down":
            # "down" is another verb's particle, no one is let down.
            return None
        if group == "blame" and tokens[end - 1] in ("responsible", "accountable") and tokens[end:end + 1] == ["for"] \
                and not _past_for(tokens, end + 1, self._stops[end], sets):
            # "I hold myself responsible for the kids' safety every day": a present
            # duty; blame is "for" a past act or outcome ("for what happened", "for
            # the defeat", "for this").
            return None
        if kind == "frame":
            # "Looking back, we could have done more": the counterfactual it frames
            # is the regret (its modal is no hedge); "In hindsight, it could have
            # been worse", "Looking back, we had a chance", "I wouldn't have
            # changed a thing": a look at the past with no regret of one's own act.
            return "regret_self" if self._own_counterfactual(tokens, start, end, sets) else None
        if kind == "harm":
            # (tone-25) self-blame said as cause and effect, with no regret word:
            # harm that came "because of my decision" ("People were hurt because
            # of my decision"), or the side that "suffered for it" after the
            # speaker's own act ("I lost my temper and the team suffered for it").
            # "We won because of my goal" (no harm), "... because of his decision"
            # (not the speaker's) and a denied harm ("No one was hurt because of
            # my decision") are none.
            first = self._facts.sentence_first(start, _HARM_REACH)
            before = tokens[first:start]
            if any(t in sets["negator"] or t.endswith("n't") for t in before):
                return None
            if tokens[end - 1] in ("my", "our"):
                # ... of an act or a failing of one's own, not a state ("my illness")
                act = tokens[end:end + 2]
                own = any(t in sets["harm_words"] for t in before) and any(t in sets["own_acts"] for t in act)
            else:
                # the sufferer is the speaker's side or people harmed, not the other
                # side ("We pressed high and they paid for it")
                own = before[:1] in (["i"], ["we"]) and "and" in before[1:] \
                    and before[-1:] != [] and before[-1] in sets["harm_sufferers"]
            if not own:
                return None
            if any(t in sets["hedge"] for t in before):  # "If people get hurt because of my decision"
                return "regret_hedged"
            return "regret_self"
        if kind == "ruminate":
            # (tone-27) "I think about that call every day and how I'd handle it
            # differently": going over a past decision again and again is regret
            # with the speaker's own counterfactual in its sentence (a modal
            # perfect, or a plain modal with "differently"); "I think about my
            # grandmother every day" (no counterfactual) and "He thinks about it
            # every day ..." (not the speaker) are none.
            if self._facts.last_person(marks[start][0], start) != "self" \
                    or not self._own_counterfactual(tokens, start, end, sets, plain=True) \
                    or self._redo_denied(tokens, start, end):
                return None
            return "regret_self"
        if kind == "cleft":
            # (tone-28) "If there's one thing I'd change, it's that I didn't speak up
            # sooner": the cleft's focus is the speaker's own past act (its "if" and
            # modal are the counterfactual, no hedge); "... it's the kick-off time"
            # and "... it's that the trains don't run later" name none.
            return "regret_self" if _own_act_focus(tokens, end, min(self._stops[end], len(tokens)), sets) else None
        if kind == "redo":
            # "Given another chance, I would never have signed it", "If I faced
            # that decision again, I'd choose differently": doing it again in a
            # condition of the speaker's, with the speaker's own counterfactual;
            # "... I would do exactly the same" denies regret.
            if not _redo_condition(self._facts, start, marks[start][0]) \
                    or not self._own_counterfactual(tokens, start, end, sets, plain=True) \
                    or self._redo_denied(tokens, start, end):
                return None
            return "regret_self"
        if kind == "owned":
            # "The failure is mine", "That defeat is on me": a failing owned as the
            # speaker's; "the pressure is on me", "the decision is mine to make" are none.
            owner = _owns_failing(tokens, start, end, marks[start][0], marks[start][1], sets) if tokens[start] == "own" \
                else _owned_failing(tokens, start, end, marks[start][0], sets)
            if owner is None:
                return None
            if self._negated(tokens, start, end, marks[start][0], marks[start][1], sets, object_negation=False):
                return "regret_negated"
            if self._conditional_future(tokens, start, sets):
                # (tone-27) "If the review shows we got it wrong, we will own it": a
                # promise under an open condition, not a failing owned now
                return "regret_hedged"
            return "regret_self" if owner == "self" else "regret_other"
        if kind == "own" and not _own_side_target(tokens, end, self._stops[end], sets):
            # Disappointment is regret only about one's own (side's) act: "we are
            # disappointed with our performance", "I'm disappointed because we
            # didn't give ourselves a chance"; "disappointed in the president",
            # "disappointed that Jacques is leaving us" judge others or fate.
            return None
        clause_start, clause_end = marks[start]
        if _obliged_other(tokens, start, clause_start, sets) or _imperative_apology(self._facts, start, end) \
                or _portrayed_role(tokens, start, clause_start, sets):
            # (tone-25) "Players have to take responsibility for their diet": an
            # obligation laid on others; "Apologise, and we can all move on", "Say
            # sorry": a demand on the hearer; "In the play I portray a woman
            # consumed by guilt": the role's feeling. None is the speaker's regret.
            return "regret_other"
        sentence_first = self._facts.sentence_first(start, _HEARSAY_REACH)
        if group in ("apology", "regret", "shame") and (_hearsay_of_another(tokens, start, sentence_first, sets)
                                                        or _urged_other(tokens, start, sentence_first, sets)):
            # (tone-28) "I understand the driver is very sorry", "I'm told she
            # regrets it": another's feeling passed on as heard; "I'm calling on the
            # home secretary to apologise": an apology asked of the one named.
            return "regret_other"
        if tokens[end - 1] == "have" and not _participle_follows(tokens, end, clause_end, sets):
            # "should have" is regret only as a perfect ("should have seen it
            # coming"), not "our strategy should have three elements" or
            # "nobody should have to live in poverty".
            return None
        if kind == "wish":
            # Only a wish about the past is regret ("I wish I had not", "wish that
            # had not been the case"); "I wish him well" and "I wish I could" are not.
            tail = tokens[end:min(clause_end, end + 5)]
            if not any(t in ("had", "hadn't", "'d") for t in tail):
                return None
            wished = tail[:next(k for k, t in enumerate(tail) if t in ("had", "hadn't", "'d"))]
            if _present_wish(tokens, end + len(wished), clause_end, sets):
                # "I wish I had more time to chat", "I wish we had a bigger squad":
                # "had" with an object wishes the present were otherwise; only the
                # past perfect ("I wish I had listened", "I wish I hadn't") regrets an act.
                return None
            who: str | None = _person(wished, capitals[end:end + len(wished)], sets, first=False)
            if who is None and _noun_subject_of_wish(wished, sets):
                who = "other"  # "I wish the council had listened", "I wish someone had told us"
            if who == "other":
                return "regret_other"
        if self._negated(tokens, start, end, clause_start, clause_end, sets, object_negation=kind != "wish"):
            return "regret_negated"
        redo = group == "hindsight" and tokens[start] == "if"
        if redo and self._redo_denied(tokens, start, end):
            # "If I had my time again, I would do exactly the same", "I wouldn't
            # change a thing if I could do it again": the counterfactual denies regret.
            return "regret_negated"
        # (tone-25) "I'd give anything to undo it": the modal is that of the wish
        # itself, as in "I would like to apologise"; it hedges nothing.
        # (tone-27) so is the "could" of taking one's words back ("I wish I could take
        # those comments back", "If I could take those words back, I would"): kind undo.
        undo_wish = group == "hindsight" and (tokens[start] == "give" or kind == "undo")
        # (tone-27) "for the rest of my life" makes a regret lasting, not real: under an
        # open condition ("Unless we act, I'll regret it for the rest of my life") it is
        # still a future one.
        lasting = self._facts.for_life(end, clause_end) and not self._conditional_future(tokens, start, sets)
        if self._on_top(tokens, start, end) == "than":
            # (tone-28) "No one is sorrier than me", "Nobody regrets it more than I
            # do", "No one could be sorrier than me" (its modal no hedge): the
            # speaker's own feeling, put above everyone's
            return "regret_self"
        if (self._hedged(tokens, start, clause_start, sets, "regret") and not lasting
                and not redo and not undo_wish
                and not self._owed_apology(tokens, capitals, start, end, clause_start, clause_end, sets, group)) \
                or _proposed(tokens, start, end, clause_start):
            return "regret_hedged"
        if kind == "wish" and _answered_no(tokens, end, sets, self._stops):
            return "regret_negated"  # "Do I wish I had done it differently? Honestly, no."
        if kind == "wish":
            return "regret_self"
        if kind == "aimed":
            # The phrase itself aims the feeling at others ("ashamed to be an
            # American", "I feel sorry for them"): not the speaker's self-blame.
            who = _subject(self._facts, start, end, clause_start, clause_end)
            return "regret_other" if who == "other" else "regret_self_about_other"
        if kind == "wrong":
            # "wrong" is self-blame only with the speaker as its subject ("I was
            # wrong", "we got it wrong"); otherwise it judges someone or something
            # else ("dangerously wrong", "I think that's quite wrong").
            if not (_speaker_is_subject(tokens, start, clause_start, sets)
                    or _speaker_got_wrong(tokens, start, clause_start, sets)
                    or _organisation_admits(self._facts, start)) or self._facts.reported(start):
                return "regret_other"
            if tokens[start] in sets["self_judged_nouns"] and not _judged_act(tokens, start, end, clause_start, clause_end, sets):
                # "I was a fool to send it", "I've been an idiot": the speaker judges a
                # past act; a present "I'm an idiot" (self-mockery) is not remorse
                return "regret_other"
            return "regret_self"
        if group == "apology" and _awaited(tokens, start, clause_start, sets):
            # (tone-27) "We are still waiting for an apology from the council", "We
            # have yet to hear the club say sorry": an apology the speaker awaits is
            # someone else's, not yet made ("I'm sorry to keep you waiting" is read above).
            return "regret_other"
        if end == start + 1 and _theme_of_work(tokens, start, clause_start, self._facts.sentence_first(start, 12), sets):
            # (tone-27) "a song about love and regret", "a novel full of regret": a
            # regret noun as the topic of a work is a theme, no one's feeling now.
            return "regret_formula"
        if tokens[start] in ("apology", "apologies"):
            # "I owe everyone who voted for me an apology", "We owe the families of
            # the victims a full apology": the subject of "owe" owns the apology,
            # however long its indirect object ("The minister owes ..." is his).
            owed = _owed_by(self._facts, start, self._stops)
            if owed is not None:
                return "regret_self" if owed == "self" else "regret_other"
        if tokens[start] in ("apology", "apologies") and _organisation_offers_own(self._facts, start, clause_start):
            # "The company offers its sincere apology": an organisation apologising itself.
            return "regret_self"
        if tokens[start] in ("apology", "apologies") and _others_apology(tokens, start, end, clause_start, clause_end, sets):
            # "the apology from the company came too late", "his apology",
            # "the club's apology": the apology of the one it names.
            return "regret_other"
        if tokens[start] in ("apology", "apologies") and _requested(tokens, start, clause_start, sets):
            # "we demand an apology", "they owe us an apology": asked of others.
            return "regret_other"
        if tokens[start] in ("apology", "apologies") and end < clause_end and tokens[end] in sets["predicate_copula"] \
                and (start == 0 or tokens[start - 1] not in _OWN_DETERMINERS):
            # "Apologies are not enough", "an apology is meaningless": apologies
            # judged as a subject, not one the speaker makes ("my apology was sincere").
            return "regret_other"
        if tokens[start] in sets["third_person_regret"] and _believed_of_another(tokens, start, self._stops, sets):
            # (tone-26) "I think Mrs Patel regrets the remarks", "I believe the club
            # regrets it": a verb in the third person singular cannot agree with
            # "I"/"we"; under the speaker's belief it is the speaker's view of
            # another's regret ("The club regrets the decision" unframed stays).
            return "regret_other"
        if _attributed_after(tokens, end, self._stops):
            # (tone-26) "The minister takes full responsibility, according to his
            # statement": the clause is another source's account.
            return "regret_other"
        if group == "mistake" and tokens[end:end + 1] == ["on"] and end + 2 < len(tokens) and (
                tokens[end + 2] == "part" and tokens[end + 1] in ("his", "her", "their", "your", "its")
                or tokens[end + 1:end + 4] == ["the", "part", "of"]):
            # (tone-28) "..., which was a mistake on their part", "an error on the part
            # of the council": the phrase names whose mistake it is ("on my part" stays)
            return "regret_other"
        if group == "mistake" and _predicate_owner(tokens, end, clause_end, sets) == "other":
            # "The mistakes were theirs", "the error was his": the predicate names
            # whose failing it is ("the mistake was mine" stays the speaker's).
            return "regret_other"
        if group == "mistake" and _others_act_subject(tokens, start, clause_start, sets):
            # (tone-27) "The council's decision was a mistake from the start", "the
            # referee's call was a blunder": the act judged is the possessor's
            # ("My decision was a mistake" stays the speaker's).
            return "regret_other"
        if group == "mistake" and _others_mistake(tokens, end, clause_end, sets):
            # "Mistakes were made by the previous administration", "the biggest
            # mistake investors make": the act of the agent named after it.
            return "regret_other"
        who = None
        if tokens[start] == "let" and tokens[end - 1] == "down" and any(t in ("me", "us") for t in tokens[start + 1:end - 1]):
            # "The system let us down", "They let me down": the subject let the
            # speaker down; only "I"/"we" as the subject blame themselves.
            let_by = _noun_phrase_subject(self._facts, start, clause_start, cue_noun=False) \
                or self._facts.last_person(clause_start, start)
            if let_by != "self":
                return "regret_other"
        if not any(t in sets.get("self", ()) or t in _UNDERGOER_WORDS for t in tokens[start:end]):
            # "My brother apologised", "the umpire made an error", "our neighbours owe us an apology"
            who = _noun_phrase_subject(self._facts, start, clause_start, cue_noun=not _verb_cue(tokens[start:end], sets)
                                      and not _regret_verb(tokens, start, end))
            if who == "other" and ((tokens[start] in sets["statement_verbs"] and not _person_noun_subject(self._facts, start, clause_start))
                                   or _organisation_state(tokens, start, clause_start, sets)
                                   or _named_organisation_state(self._facts, start, clause_start)
                                   or _organisation_present(self._facts, start, clause_start)):
                who = "self"  # an organisation's own statement: "Acme Rail apologises", "The club is sorry"
            if who is None and group == "apology":
                # "The council wishes to apologise", "Southern Rail would like to
                # apologise": a present wish to apologise performs it; its subject
                # speaks for itself when it is an organisation, not a person.
                who = _performing_organisation(self._facts, start, clause_start) or who
        if who is None and _generic_subject(tokens, start, clause_start, sets):
            # "Anyone who sells now is making a big mistake", "Whoever did this made
            # a mistake": a regret word said of anyone, no one's own admission.
            return "regret_other"
        if _noun_subject_denied(tokens, start, end, clause_start, sets):
            # (tone-28) "Regret isn't a word I use", "Regret doesn't come into it"
            return "regret_negated"
        if _generic_statement(tokens, start, end, clause_start, clause_end, sets) \
                and any(tokens[m] in ("i", "we") and tokens[m + 1] in ("feel", "felt") for m in range(end, min(clause_end, end + 8) - 1)):
            # (tone-28) "Regret is all I feel now", "Regret is the only word for what
            # I feel": the speaker feels it, named as the predicate's feeler
            return "regret_self"
        if _generic_statement(tokens, start, end, clause_start, clause_end, sets):
            # "Regret is pointless", "Mistakes happen", "Apologies cost nothing",
            # "Saying sorry is never easy": a present-tense truth about regret in
            # general; "Mistakes were made" (past) and "Apologies for the delay" stay.
            return "regret_other"
        if who is None and _organisation_admits(self._facts, start):
            who = "self"  # "The BBC accepts it fell short of its standards"
        if who is None and _reported_admission(self._facts, start):
            # (tone-25) "The ministry admitted it had made mistakes": the speaker
            # reports another's admission (a past verb of admitting over "it"/"they").
            return "regret_other"
        if who is None:
            who = _subject(self._facts, start, end, clause_start, clause_end, skip_objects=group == "apology")
        if who is None and any(t in sets.get("self", ()) for t in tokens[start:end]):
            # the cue names its owner: "my fault", "forgive me", "we failed", "that's on me"
            who = "self"
        if who is None and group == "awkward":
            # "It's embarrassing (for the party)", "an embarrassment": with no
            # first person to feel it, embarrassment judges someone or something
            # else; "I was embarrassed", "embarrassing for me" stay the speaker's.
            return "regret_other"
        if who == "self" and self._facts.reported(start):
            return "regret_other"
        if who == "self":
            # "I regret they don't listen", "I'm sorry you're leaving", "sorry that
            # whoever tweeted that": the speaker's word aimed at what someone else did.
            # Not after "should have" + participle: what follows is the speaker's
            # own missed action ("I should have gone when they told us").
            first = end + 1 if end < clause_end and tokens[end] == "that" else end
            if _degree_phrase(tokens[first:clause_end]):
                # (tone-28) "I do regret that a little", "the thing I regret the most
                # is ...": a degree, no clause of another's; "that" is the act named before
                return "regret_self"
            while first < clause_end and tokens[first].endswith("ly") and len(tokens[first]) > 4:
                first += 1  # "I apologise unreservedly to ..."
            after = tokens[first:min(clause_end, first + 3)]
            if len(after) > 1 and after[0] in ("for", "about") and after[1].endswith("ing") and len(after[1]) > 4:
                after = after[1:]  # "sorry for calling her that"
            if len(after) > 1 and after[0] in ("not", "never") and after[1].endswith("ing"):
                after = after[1:]  # "I regret not calling her"
            if after and (after[0].endswith("ing") and len(after[0]) > 4 or after[0] == "having"):
                # "I regret making them", "sorry for letting you down": what
                # follows is the speaker's own act, whoever its object is.
                return "regret_self"
            if tokens[start] == "let" and tokens[end - 1] == "down":
                # "I let down everyone who believed in me": what follows is the one let down.
                return "regret_self"
            if tokens[end - 1] == "short" and after[:1] == ["of"]:
                # (tone-27) "My behaviour fell short of what people expect": after "of"
                # is the standard missed, not another's act.
                return "regret_self"
            if after and after[0] == "to" and group == "apology":
                # "we apologise to Senator Sanders": the apology's recipient.
                return "regret_self"
            if len(after) > 1 and after[0] == "to" and after[1].isalpha() and not _function_word(after[1], sets):
                # "I was naive to trust them", "it was foolish of me to sign it":
                # the infinitive is the speaker's own act, whoever its object is.
                return "regret_self"
            # "I regret (that) nobody told them", "we apologise that no one was
            # available": a negative subject names no one else as the agent (like
            # a passive with none); the person word after it is its verb's object.
            no_agent = (after[:1] == ["no"] and after[1:2] == ["one"] or after[:1] and after[0] != "no") \
                and _heads_clause(tokens, capitals, first, clause_end, sets)
            if tokens[end - 1] != "have" and after and not no_agent and after[0] not in ("like", "as", "than") and (
                    after[0] in sets.get("addressee", ()) or _person(
                        after, capitals[first:first + len(after)], sets, first=True,
                        skip_addressee=True) == "other"):
                return "regret_self_about_other"
            if tokens[end - 1] != "have" and group in _COMPLEMENT_GROUPS and not no_agent \
                    and _others_clause(tokens, first, clause_end, sets, complementiser=tokens[end:end + 1] == ["that"]):
                # "We regret (that) the ministry has taken such a decision": the
                # regretted clause has a subject of its own, and not the speaker's
                # (no I/we, my/our): it criticises another's act, not one's own.
                return "regret_self_about_other"
            if tokens[start] == "sorry" and (self._mourning or _sympathy_for_person(tokens, first, clause_end, sets) or (
                    after and after[0] == "for" and any(t in sets.get("sufferer", ()) for t in after[1:] + tokens[first + 3:first + 4]))):
                # "Our condolences to his family. We are so sorry.", "so sorry about
                # his death": sympathy for others' loss, not regret.
                return "regret_self_about_other"
            return "regret_self"
        if who is None and _relative_subject(tokens, capitals, start, clause_start, sets):
            # (tone-23) "the younger users who naively assume ...", "ministers who
            # made mistakes": the subject "who" stands for the noun before it.
            return "regret_other"
        return "regret_other" if who == "other" else "regret_none"

    def _judge_shock(self, tokens, capitals, marks, start, end, kind, sets, group="") -> str | None:
        if kind == "formula":
            return "shock_formula"
        if kind == "negated" and tokens[start] == "little" and start > 0 and tokens[start - 1] not in sets["little_as_none"]:
            # "a cool little surprise" is a small surprise; "it came as little surprise" none
            kind, start = "eval", start + 1
        if kind == "negated":
            frame = self._claim_frame(tokens, start, end, marks[start][0], sets)
            if frame is not None and frame[1]:
                # (tone-23) a denied absence of surprise is surprise: "It would be
                # untrue to say I was not surprised", "I can't say it was no surprise".
                said = max(marks[start][0], frame[0])
                return "shock_state" if any(t in sets.get("self", ()) for t in tokens[said:end]) else "shock_eval"
            return "shock_negated"
        clause_start, clause_end = marks[start]
        if kind == "inner":
            # (tone-27) "I remember thinking: this can't be real", "I kept saying to
            # myself, this isn't happening": disbelief said to oneself counts only
            # after a frame of inner speech in its sentence, and is the feeling of
            # that frame's subject; with no frame ("This isn't happening on my
            # watch" refuses) it is no cue.
            return _inner_speech(self._facts, start)
        if tokens[start:end] == ["surprise"] and _surprise_as_tactic(tokens, start, clause_start, clause_end, sets):
            # (tone-27) "Surprise is our best weapon", "They used surprise to their
            # advantage": the bare noun names a tactic, no one's feeling ("It was a
            # surprise to me", "to my surprise" stay).
            return "shock_formula"
        if tokens[start:end] == ["surprise"] and _kept_secret(tokens, start, self._facts.sentence_first(start, _HEARSAY_REACH), sets):
            # (tone-28) "Keep it a surprise for him", "It's meant to be a surprise",
            # "Don't tell her, it's a surprise": a surprise kept for someone, a
            # secret, no one's feeling ("It was a complete surprise to me" stays).
            return "shock_formula"
        if tokens[end - 1] in ("kidding", "joking") and tokens[end:end + 1] and tokens[end] in ("yourself", "yourselves", "if"):
            # (tone-28) "You're kidding yourself if you think that", "You're joking if
            # you think we'll sell him": a judgement of the hearer's belief, no disbelief
            return None
        if kind == "expect":
            # "Who could have imagined we'd win?", "Who'd have believed it?": asking
            # who foresaw it voices disbelief (its modal is no hedge, its "who" no
            # denial); asked, not said ("who could have predicted that." is mostly sarcasm).
            return "shock_state" if _rhetorical_foresight(tokens, start, end, clause_start, clause_end, sets) \
                and _sentence_end(tokens, end, self._stops) in ("?", "!") else None
        if kind == "told":
            # (tone-24) "If you had told me a year ago we'd win, I would have laughed":
            # a past counterfactual of being told what has since happened says the
            # outcome was past belief; its modal is no hedge. Only when what was
            # told is a future in the past ("we'd win", "I would be here", "we were
            # going to win") and a modal perfect follows in the sentence: "If you
            # had told me, I would have helped" and "If you told me, I would help"
            # are conditions; and when the reply is one of disbelief ("I would have
            # laughed", "... not have believed you", "... called you crazy"): "If
            # you'd told me you would be late, I'd have waited" is a condition.
            stop = min(self._stops[end], len(tokens))
            perfect = _modal_perfect_after(tokens, end, stop)
            return "shock_state" if perfect and _future_in_past(tokens, end, perfect) \
                and any(t in sets["disbelief_replies"] for t in tokens[perfect:stop]) else None
        if tokens[end - 1] == "of" and "heard" in tokens[start:end] and self._relative_heard_of(tokens, start, end, clause_start, clause_end, sets):
            # (tone-23) "some congressman I've never heard of was talking", "bands
            # we'd never heard of": a relative clause with a stranded "of" says who
            # the noun is, not the speaker's surprise ("I've never heard of such a
            # thing" stays).
            return None
        if tokens[end - 1] == "over" and not _gets_over_fact(tokens, end, clause_end, sets):
            return None  # "I can't get over the loss", "... the wall": no fact that astonishes
        if kind == "recheck" and not _rechecked(tokens, start, end, clause_start, clause_end, sets):
            return None  # a verb of looking or reading that looks only once: no cue
        if group != "interjection" and self._in_title(capitals, start, end):
            # "the novel Future Shock", "the album Astonishing Tales": a capitalised
            # run names a work or a thing; its shock word is no one's feeling.
            return "shock_formula"
        if tokens[start:end] in (["shock"], ["shocks"]) and _economic_shock(tokens, start, clause_start, sets):
            # "a supply shock", "an oil-price shock", "the interest-rate shock":
            # a shock to the economy named by what it hits, no one's feeling.
            return "shock_formula"
        if (tokens[start:end] == ["shock"] and (
                self._premodifier(tokens, capitals, start, end, clause_start, clause_end, sets)
                or _jolted(tokens, start, end, clause_start, clause_end, sets))) \
                or (tokens[start:end] == ["surprise"]
                    and self._premodifier(tokens, capitals, start, end, clause_start, clause_end, sets)):
            # "the shock resignation", "a shock wave", "shock tactics", "about shock
            # value", "a surprise raid", "the surprise announcement": before a noun
            # "shock" and "surprise" name a kind of event or thing (unexpected,
            # meant to startle), no one's feeling; "the shock from the blast", "the
            # device delivers a small shock": a physical jolt. "It came as a shock
            # to us", "a surprise to all of us", "to my surprise" stay (tone-23:
            # "surprise" read so, decided on the news train CV and GoEmotions train).
            return "shock_formula"
        if tokens[start:end] == ["no", "way"] and not self._utterance(tokens, start, end, clause_start, clause_end, sets):
            # (tone-23) "No way!", "Oh no way, that's insane": disbelief as an
            # utterance of its own. Inside a clause "no way" is a negative noun
            # phrase: "There is no way I want to say that", "In no way was he
            # informed", "no way that someone like that could be happy".
            return None
        if group == "interjection" and not self._stands_alone(tokens, capitals, start, end, clause_start, clause_end, sets):
            # "good grief counselling", "Good Lord Jesus, hear us", "Jesus said":
            # the word names someone or something here; it is no cue.
            return None
        if kind in ("state", "recheck") and group == "disbelief" \
                and _purpose_follows(tokens, _after_repetition(tokens, end, clause_end, sets), self._stops[end], sets):
            # "I had to read it twice to understand the rules": reading again for
            # a purpose is care, not disbelief ("... twice to believe it" stays).
            return None
        if tokens[start:end] in _HOW_EVER and _deliberative(tokens, end, sets):
            # "How on earth do we fix this?": a question about what to do next
            # asks for a way, it voices no disbelief ("How on earth did this
            # happen?" stays).
            return None
        if tokens[start] in sets["inverted_auxiliaries"] and tokens[start + 1:start + 2] == ["you"] and start > clause_start \
                and tokens[start - 1] not in sets["before_interjection"]:
            # "Can you believe it?" voices disbelief as a question of its own;
            # inside another ("How can you believe anything he says") it asks.
            return None
        owner = _feeling_owner(tokens, start, clause_start, clause_end, sets) if end == start + 1 else None
        if owner == "other":
            # "to his astonishment", "to everyone's surprise", "to the surprise of many"
            return "shock_other"
        # An interjection has no object to negate: "Oh God, no." is dismay.
        if self._negated(tokens, start, end, clause_start, clause_end, sets,
                         object_negation=group != "interjection"):
            return "shock_negated"
        if self._on_top(tokens, start, end) == "than":
            return "shock_state"  # (tone-28) "Nobody was more shocked than me", "No one could be more stunned than us"
        if self._hedged(tokens, start, clause_start, sets):
            return "shock_hedged"
        if owner == "self" and kind == "state":
            return "shock_state"  # "to my astonishment", "much to our amazement"
        if kind == "recheck":
            # "I had to read the letter three times", "I looked at the scoreboard
            # twice", "I had to double-check the figures": checking one's eyes.
            return "shock_state"
        if kind == "state":
            # "it surprises me", "blew my mind": the cue names its experiencer.
            if group == "interjection" and _others_exclamation(self._facts, start, clause_start):
                # "My wife said 'oh my God'", "he went wow": someone else's exclamation.
                return "shock_other"
            if any(t in sets.get("self", ()) for t in tokens[start:end]):
                return "shock_state"
            felt_by = _experiencer_object(tokens, capitals, start, end, clause_start, clause_end, sets)
            if felt_by:
                # an active shock verb's object feels it: "The figures shocked me",
                # "it stunned us", "it shocked him", "it stunned the fans".
                return "shock_state" if felt_by == "self" else "shock_other"
            if start > clause_start and tokens[start - 1] in sets["determiners"] and tokens[start - 1] not in _OWN_DETERMINERS \
                    and end < clause_end and tokens[end].isalpha() and not _function_word(tokens[end], sets):
                # "The stunned fans left quietly", "a shocked minister": the state of the noun it modifies.
                return "shock_other"
            if _relative_clause_subject(tokens, start, clause_start, sets):
                # "The staff I spoke to were horrified", "everyone we met was
                # stunned": the speaker is inside the subject's relative clause.
                return "shock_other"
            if _generic_subject(tokens, start, clause_start, sets) \
                    and (tokens[clause_start + 1] in _RELATIVES or tokens[clause_start] == "whoever"):
                # "Anyone who's surprised by this hasn't been paying attention",
                # "Whoever is shocked by that ...": said of anyone the relative
                # clause picks out, not the speaker's own shock ("We were shocked" stays).
                return "shock_other"
            if _speaker_left(tokens, start, clause_start, sets):
                # "the pictures left me utterly stunned": the object of "left"/"made" feels it.
                return "shock_state"
            if start - 1 > clause_start and tokens[start - 1] == "as" and end < clause_end and tokens[end] == "as":
                # the equative "looked as surprised as anybody": read its subject past "as"
                start -= 1
            # "My father was amazed", "the crowd was left speechless", "Spectators gasped"
            # An interjection ("omg", "wow") has no subject to read.
            who = self._state_owner(tokens, start, end, clause_start, clause_end, group, sets)
            if who is None:
                # "The residents were frightened and shocked", "scared, confused and
                # shocked": a predicate coordinated with the cue shares its subject.
                a = _coordinated_first(tokens, clause_start, sets)
                if a >= 0:
                    who = self._state_owner(tokens, a, a + 1, marks[a][0], marks[a][1], group, sets)
            # (tone-28) "The whole dressing room was in disbelief, me included": the
            # speaker named inside the subject group after the cue (scanned from the
            # cue's end, hence end - 1)
            if who == "other" and (_speaker_joins(tokens, end, self._stops, sets)
                                   or _organisation_state(tokens, start, clause_start, sets)
                                   or _speaker_included(tokens, end - 1, sets.get("self", frozenset()))):
                # (tone-26) "Our members are appalled, and so am I": the speaker
                # puts themselves inside the group's shock; "The club is shocked
                # and saddened": a body's own present statement, as with regret.
                return "shock_state"
            return "shock_other" if who == "other" else "shock_state"
        if kind in ("weak", "eval") and _reported_judgement(tokens, capitals, start, self._stops, sets):
            # (tone-26) "She said the conditions were appalling", "They called the
            # result astonishing": another's judgement reported, not the speaker's
            # ("I said it was appalling", "The conditions were appalling" stay).
            return "shock_other"
        if kind in ("weak", "eval") and _finder(tokens, start, clause_start, sets) == "other":
            # "The residents found the decision shocking", "many find it
            # astonishing": the finder's judgement, not the speaker's ("I found it
            # shocking" stays).
            return "shock_other"
        if kind in ("weak", "eval") and end == start + 1 and _praise(self._facts, start, end, clause_start):
            # "She looked stunning", "an astonishing talent", "the players were
            # unbelievable": praise of people, looks or a performance, not shock.
            return "shock_weak_attribute"
        if kind == "eval" and group != "surprise" and end == start + 1 and tokens[start].endswith("ly") and end < clause_end \
                and tokens[end].isalpha() and not self._comma_after(start) \
                and pattern_sentiment(tokens[end])[0] >= _PLAINLY_POSITIVE \
                and tokens[end + 1:end + 2] != ["to"]:
            # (tone-25) an evaluative shock adverb before a word of positive
            # polarity only says how much: "shockingly cheap", "shockingly good
            # value" (TextBlob's lexicon: cheap +0.4, good +0.7); "shockingly
            # expensive" (-0.5), "shockingly bad" and "Shockingly, he won" stay; so
            # does "surprisingly" (group surprise), which keeps its sense: "surprisingly
            # more go on to study" is a surprise (decided on the news train CV). A word
            # barely positive in the lexicon is a measure, not praise: "poverty remains
            # shockingly high" (high +0.16) is appalled; and an adjective with its
            # own clause judges an event ("it was shockingly easy to buy a gun").
            return "shock_weak_attribute"
        if kind == "weak":
            before = tokens[start - 1] if start > clause_start else None
            after = tokens[end] if end < clause_end else None
            # "is unbelievable", "Unbelievable.", "incredible that ..." judge
            # something; "an incredible job" only praises it.
            persons = sets.get("self", frozenset()) | sets.get("other", frozenset()) | sets.get("addressee", frozenset())
            if _sentence_adverb(tokens, capitals, start, end, clause_start, self._comma_after(end - 1), sets):
                # "Amazingly, nobody was injured", "Incredibly the car was untouched":
                # a sentence adverb says the speaker finds the whole fact astonishing.
                return "shock_eval"
            if tokens[end - 1].endswith("ly") and after is not None and after.isalpha() \
                    and after not in sets["endings_after_weak"] and after not in persons and not self._comma_after(end - 1):
                # "incredibly capable", "amazingly quick": an intensifier of the
                # word after it, not disbelief ("Incredibly, he won" stays).
                return "shock_weak_attribute"
            if before is None or before in sets.get("copula", ()) or after is None \
                    or after in sets["endings_after_weak"]:
                return "shock_weak_predicate"
            if after in sets.get("failing", ()) and not tokens[end - 1].endswith("ly"):
                # (tone-23) before a noun of failure a weak word judges it, it does
                # not praise: "an incredible gaffe", "an unbelievable blunder"
                # ("an incredible job" praises): an evaluation, like "a shocking blunder".
                return "shock_eval"
            return "shock_weak_attribute"
        return "shock_eval"

    def _state_owner(self, tokens, start, end, clause_start, clause_end, group, sets) -> str | None:
        """Who is in the state a cue names, read from its subject: "My father was
        amazed", "the crowd was left speechless", "Spectators gasped" ("other"),
        "I was stunned" ("self"); None when no subject names anyone. An
        interjection ("omg", "wow") has no subject to read."""
        who = (_noun_phrase_subject(self._facts, start, clause_start, cue_noun=False)
               if group != "interjection" else None) \
            or _subject(self._facts, start, end, clause_start, clause_end)
        if who is None and _noun_subject(self._facts, start, clause_start):
            # "Fans were shocked", "the minister was stunned": a state
            # adjective after "be" belongs to the noun before it.
            who = "other"
        if who is None and tokens[start] in _STATE_PHRASE_PREPOSITIONS and _noun_before_verb(tokens, start, clause_start, sets):
            # "Residents watched in horror", "the crowd looked on in disbelief":
            # a state in a phrase after a verb belongs to that verb's subject.
            who = "other"
        return who

    def _in_title(self, capitals, start, end) -> bool:
        """Whether the cue at ``start:end`` lies in a run of capitalised words that
        names a work or a thing ("the novel Future Shock", "Astonishing Tales", "the
        Shock Doctrine"): each of its words is written with a capital and the rest
        in lower case (not shouted, "SHOCKING"), does not open its clause (a
        clause's first capital says nothing), and a word next to it, other than "I",
        is capitalised the same way."""
        text, spans = self._text, self._spans

        def titled(i: int) -> bool:
            if not capitals[i]:
                return False
            word = text[spans[i][0]:spans[i][1]]
            return word[1:] == word[1:].lower() and word.lower() != "i" and word[:1].isalpha()

        if not all(titled(i) for i in range(start, end)):
            return False
        return (start > 0 and titled(start - 1)) or (end < len(capitals) and titled(end))

    def _premodifier(self, tokens, capitals, start, end, clause_start, clause_end, sets) -> bool:
        """Whether the noun "shock" at ``start`` premodifies the noun after it ("the
        shock resignation", "shock waves", "shock tactics"): a lower-case
        content word follows with no comma between, and the word before is no
        subject, modal or "to" of the verb ("they shock people", "it would shock
        voters", "to shock fans", "things that shock readers")."""
        from quotes import vocabulary

        if end >= clause_end or self._comma_after(start) or capitals[end]:
            return False
        after = tokens[end]
        if after in self.shock_table:
            return False  # "Surprise surprise", "shock horror": a repeated exclamation
        if not after.replace("-", "").isalpha() or len(after) < 3 or _function_word(after, sets) \
                or after.endswith("ed") or after in sets.get("participle", ()) or after in sets.get("past", ()):
            return False
        if start > clause_start:
            before = tokens[start - 1]
            # (tone-23) a preposition other than "to" takes the whole noun phrase
            # ("all about shock value", "with surprise attacks"); "to" may be an
            # infinitive's ("to shock fans", "to surprise them"); "by surprise" is
            # the manner of "take/catch by surprise" ("it took us by surprise anyway").
            if before not in sets["determiners"] and before not in sets["predicate_copula"] \
                    and not (before in vocabulary.PREPOSITIONS and before not in ("to", "by")) \
                    and (_function_word(before, sets) or before in sets["causatives"]
                         or before in sets["cue_verbs"] or before == "to"):
                return False
        return True

    def _relative_heard_of(self, tokens, start, end, clause_start, clause_end, sets) -> bool:
        """Whether "never heard of" ends a relative clause on a noun: its "of" is
        stranded (the clause's end, a verb or punctuation follows it), or its
        subject "I"/"we" follows a noun with no comma between ("some congressman I've
        never heard of talking")."""
        if end >= clause_end or tokens[end] in sets["verb_group"] or not tokens[end].isalpha():
            return True
        j = start - 1
        while j > clause_start and tokens[j] in sets["verb_group"]:
            j -= 1
        if j <= clause_start or tokens[j] not in ("i", "we"):
            return False
        noun = tokens[j - 1]
        # (not an adjective's complement clause: "I'm surprised I've never heard of
        # this", "I'm just glad I've never heard of it", "Sorry I never heard of it")
        return noun.isalpha() and not _function_word(noun, sets) and noun not in sets.get("discourse", ()) \
            and noun not in self.regret_table and noun not in self.shock_table and not self._comma_after(j - 1) \
            and not (j - 2 >= 0 and tokens[j - 2] in sets["verb_group"])

    def _utterance(self, tokens, start, end, clause_start, clause_end, sets) -> bool:
        """Whether the words ``tokens[start:end]`` are an utterance of their own: only
        words that may stand before an interjection ("oh", "and") come before them
        in their clause, and the clause ends after them (punctuation, a comma,
        the end of the text)."""
        if any(t not in sets["before_interjection"] for t in tokens[clause_start:start]):
            return False
        return end >= clause_end or not tokens[end].replace("'", "").isalnum() or self._comma_after(end - 1)

    def _stands_alone(self, tokens, capitals, start, end, clause_start, clause_end, sets) -> bool:
        """Whether an interjection made of a noun ("exclaimed" in tone-context.txt:
        "Good grief", "Jesus", "Good Lord") stands alone as one: it opens its
        clause or follows a word that is no determiner or preposition
        ("the good Lord", "to God") and is followed by punctuation, a
        comma, the end, or a pronoun or question word opening what the speaker
        says ("Oh my God I can't believe it"); not before a noun or verb ("good grief
        counselling", "Jesus said", "Good Lord Jesus") nor after a determiner ("the
        good Lord"). Interjections with no such noun ("wow", "omg") are not read."""
        exclaimed = sets.get("exclaimed", frozenset())
        if tokens[start] in sets["complementisers"] or not any(t in exclaimed for t in tokens[start:end]):
            return True  # (a question: "What the hell happened?", "What on earth ...")
        if start > clause_start and tokens[start - 1] not in sets["before_interjection"]:
            return False  # "the good Lord", "in the name of Jesus", "pray to God"
        if end >= clause_end or self._comma_after(end - 1):
            return True
        after = tokens[end]
        persons = sets.get("self", frozenset()) | sets.get("other", frozenset()) | sets.get("addressee", frozenset())
        return (not capitals[end] or after == "i") and (after in persons or after in sets["expletives"] or after in sets["complementisers"]
                                      or after in sets["before_interjection"] or after in ("no", "yes", "a", "an"))

    def _own_counterfactual(self, tokens, start, end, sets, plain: bool = False) -> bool:
        """Whether the sentence around a retrospective frame holds the speaker's own
        counterfactual: "I"/"we" as subject of a modal perfect ("we could have
        done", "I'd have waited", "I should not have"), nothing but adverbs and
        negators between them."""
        # The frame's sentence, within a bounded reach (linear on long unpunctuated lines).
        first = self._facts.sentence_first(start, _FRAME_REACH)
        last = min(self._stops[end], end + _FRAME_REACH)
        self_words = sets.get("self", frozenset())
        for i in range(first, min(last, len(tokens)) - 2):
            if tokens[i] not in self_words or tokens[i] in sets["self_objects"]:
                continue
            j = i + 1
            while j < last and tokens[j] in sets["frame_adverbs"]:
                j += 1
            if j < last and tokens[j] in sets["modals_of_perfect"]:
                negated = tokens[j].endswith("n't")
                j += 1
                while j < last and tokens[j] in sets["frame_adverbs"]:
                    negated |= tokens[j] in ("not", "never")
                    j += 1
                if j < last and tokens[j] == "have" and not (plain and tokens[j + 1:j + 2] == ["to"]):
                    # "we would not have signed the deal" regrets signing it; a
                    # negated counterfactual over "anything"/"a thing" or done
                    # "differently" denies regret: "I wouldn't have changed a thing".
                    # (tone-21: for a redo, "would have to" is a duty, no perfect)
                    return not (negated and any(t in sets["denial_objects"] for t in tokens[j + 1:min(last, j + 6)]))
                if plain and not negated and j < last and tokens[j].isalpha() \
                        and any(t in ("differently", "otherwise") for t in tokens[j + 1:min(last, j + 6)]):
                    # (tone-21) a redo's plain counterfactual: "I'd handle it very differently"
                    return True
            if _EXCESS in tokens[j:min(last, j + 3)] and not any(t in sets["modals_of_perfect"] for t in tokens[i + 1:j + 3]):
                # "In hindsight, we acted too slowly", "Looking back, I was too proud
                # to ask for help": the speaker's own past act judged as excessive.
                k = tokens.index(_EXCESS, j, min(last, j + 3))
                if k + 1 < last and tokens[k + 1].isalpha() and tokens[k + 1] not in sets["excess_not_fault"]:
                    return True
        return False

    def _redo_denied(self, tokens, start, end) -> bool:
        """Whether the sentence of a counterfactual of doing it again ("if I had my
        time again", "if I could do it again") says the speaker would act the
        same: "would do (exactly) the same", or a negated modal over "a thing",
        "anything" or "differently" ("I wouldn't change a thing"). Its modal is
        no hedge: the cue is itself the hypothetical, and "I would do things
        differently if I had my time again" regrets."""
        first = self._facts.sentence_first(start, _FRAME_REACH)
        last = min(self._stops[end], end + _FRAME_REACH, len(tokens))
        around = tokens[first:start] + ["."] + tokens[end:last]
        for k, t in enumerate(around):
            if t in self.sets["modals_of_perfect"] or t == "will" or t == "'ll":
                after = around[k + 1:k + 7]
                if "." in after:
                    after = after[:after.index(".")]
                negated = t.endswith("n't") or any(w in ("not", "never") for w in after[:2]) \
                    or any(w in ("not", "never") or w.endswith("n't") for w in around[max(0, k - 4):k])
                if "same" in after or (negated and any(w in self.sets["denial_objects"] for w in after)):
                    return True
        return False

    def _in_condition(self, tokens, start, clause_start) -> bool:
        """Whether the cue stands inside an "if"/"unless" clause that no comma has
        closed yet, however far the condition opened ("If it turns out I was
        wrong, I'll hold my hands up"); the main clause after the comma is not
        in it ("If anything, I regret it"), nor is a comparison ("as if").
        Read for regret only: a shock word after a long "if" clause is mostly
        its main clause written without the comma ("if you look at the figures
        it's shocking"), which the hedge window already covers near "if"."""
        for j in range(start - 1, max(clause_start, start - _CONDITION_REACH) - 1, -1):
            if self._comma_after(j):
                return False
            if tokens[j] in ("if", "unless"):
                return not (j > 0 and tokens[j - 1] == "as")
            if tokens[j] in ("were", "should", "had") and (j == 0 or tokens[j - 1] in _SENTENCE_ENDS) \
                    and j + 1 < start and (tokens[j + 1] in self.sets["subject_pronouns"]
                                           or tokens[j + 1] in self.sets["determiners"]):
                return True  # (tone-28) a condition by inversion: "Were I wrong, ...", "Should we be mistaken, ..."
        return False

    def _conditional_future(self, tokens, start, sets) -> bool:
        """(tone-26) Whether the cue is a future act in the main clause of a
        condition: "If it turns out I was wrong, I'll be the first to say sorry",
        "If I got it wrong, I will apologise". The apology is promised under the
        condition, however far its modal stands from the cue; "If anything, I
        regret it" has no modal, "If I'm honest, I'll always regret it" a lasting
        feeling, "If I could go back, I'd apologise" a counterfactual of the past
        (regret), and "I'll apologise if I was wrong" is read by the hedge window."""
        modal = would = False
        for j in range(start - 1, max(-1, start - 2 * _CONDITION_REACH - 1), -1):
            t = tokens[j]
            if t in _SENTENCE_ENDS:
                return False
            if not modal:
                if t in sets.get("lasting", frozenset()):
                    return False
                # only the future of an open condition: "would"/"'d" after "if"
                # is mostly a counterfactual of the past ("If I could go back, I'd
                # apologise to her"), which is regret.
                if t in sets["open_future_modals"]:
                    modal = True
                would = would or t in ("would", "'d")
            if (modal or would) and t in ("should", "were") and (j == 0 or tokens[j - 1] in _SENTENCE_ENDS) \
                    and j + 1 < start and (tokens[j + 1] in sets["subject_pronouns"]
                                           or tokens[j + 1] in sets["determiners"]):
                # (tone-28) a condition by inversion: "Should the report find fault,
                # I'd be the first to apologise", "Were I wrong, I'd say so and
                # apologise": an open or unreal condition, its "would" no regret of
                # the past ("Had I known, I'd have apologised" is read as "if")
                return True
            if not modal:
                continue
            if t in ("if", "unless"):
                return not (j > 0 and tokens[j - 1] == "as")
        return False

    def _constraint_follows(self, tokens, start, end, sets) -> bool:
        """Whether a bare "sorry" (``tokens[start:end]``, nothing after it in its
        sentence) has for its only complement the next clause, stating a present
        constraint or a refusal (:func:`_constraint_clause`), whatever the
        punctuation between them, or none: "Sorry, I have to go", "I'm sorry. I
        can't comment.", "Sorry - I don't have time", "Sorry... we must leave",
        "I'm sorry (that) I have to go". Not "Sorry? I have to what?" (a question)."""
        n = len(tokens)
        k = end
        while k < n and tokens[k] in _PUNCT_BOUNDARIES:
            k += 1
        if k >= n:
            return False
        gap = self._text[self._spans[start][1]:self._spans[k][0]]
        if "?" in gap:
            return False
        if not gap.strip() and tokens[k] == "that":
            k += 1  # the same constraint as a complement: "I'm sorry (that) I have to go"
        elif "," in gap and k + 1 < n and tokens[k].isalpha() and tokens[k] not in ("i", "we") \
                and self._comma_after(k) and tokens[k + 1] in ("i", "we"):
            k += 1  # a vocative between commas: "Sorry, mate, I'm running late"
        return _constraint_clause(tokens, k, self._stops[k], sets)

    def _comma_after(self, i: int) -> bool:
        """Whether a comma follows token ``i`` of the text being judged ("Incredibly, ..." is a sentence adverb)."""
        end = self._spans[i][1]
        return self._text[end:end + 2].lstrip()[:1] == ","

    def _negated(self, tokens, start, end, clause_start, clause_end, sets, object_negation: bool = True,
                 framed: bool = False) -> bool:
        if self._on_top(tokens, start, end):
            # (tone-28) "Nobody regrets it more than I do", "I've never been so
            # shocked", "I don't think I've ever been more sorry": the negation puts
            # the feeling above all others, it denies none (a frame's denial included)
            return False
        if not framed:
            frame = self._claim_frame(tokens, start, end, clause_start, sets)
            if frame is not None:
                # (tone-23) A cue inside a saying or a claim is read twice: the
                # frame affirms or denies what is said, and what is said may
                # negate the cue itself. Two denials make an assertion: "It would
                # be a lie to say I wasn't shocked", "I can't say I wasn't
                # surprised"; "It is not wrong to say I was shocked" affirms it;
                # "It would be wrong to say I was shocked", "I can't say I was
                # surprised" deny it.
                said, denies = frame
                inner = self._negated(tokens, start, end, max(clause_start, said), clause_end, sets,
                                      object_negation, framed=True)
                return inner != denies
        negators = sets.get("negator", frozenset())
        # The window counts from the head of the phrase the cue completes: the verb
        # of "came as a (complete) surprise", the verb of finding ("I didn't find
        # the verdict shocking"): "It hardly came as a surprise".
        anchor = _phrase_head(tokens, start, clause_start, sets)
        for q in range(max(clause_start, anchor - self.negation_window), start):
            t = tokens[q]
            if (t in negators or t.endswith("n't")) and not _in_subject_clause(tokens, q, start, clause_start, sets):
                return True
        if _contrasted_away(tokens, start, clause_start, sets):
            return True
        if _denied_amount(tokens, start, clause_start, sets) \
                or (object_negation and _negative_stranded_object(tokens, start, end, clause_start, self._stops[end], sets)):
            return True
        if object_negation and (_answered_no(tokens, end, sets, self._stops) or _fronted_negation(self._facts, start, clause_start)
                                or _negative_subject(self._facts, start, clause_start)
                                or _rhetorical_question(tokens, start, clause_start, self._stops, sets)
                                or _denied_after(tokens, end, sets, self._stops, self._buts)):
            # (not for an interjection: "Wow, are you me? No one ..." answers another question)
            return True
        if not object_negation:
            return False
        # A negated object cancels the cue ("I regret nothing", "I apologise to
        # nobody", "sorry for none of it"); a negation further on belongs to the
        # regretted act ("I regret that I never called").
        # Negation scope is the clause: a negative word that is the subject of the
        # clause the feeling is about negates that clause, not the feeling ("I was
        # shocked (that) nobody came", "beyond belief that nobody checked").
        if tokens[end - 1] in sets["complementisers"]:
            return False
        postneg = sets.get("postneg", frozenset())
        k = end + 1 if end < clause_end and tokens[end] in sets["object_prepositions"] else end
        if k + 1 < clause_end and tokens[k + 1] == "else" and self._comma_after(end - 1):
            return False  # "That's on me, nobody else": an exclusive apposition, no denial
        return k < clause_end and tokens[k] in postneg \
            and not _heads_clause(tokens, self._facts.capitals, k, clause_end, sets)

    def _on_top(self, tokens, start, end) -> str:
        """:func:`_speaker_on_top` in the cue's sentence."""
        return _speaker_on_top(tokens, start, end, min(self._stops[end], len(tokens)),
                               self._facts.sentence_first(start, _HEARSAY_REACH), self.sets)

    def _claim_frame(self, tokens, start, end, clause_start, sets) -> tuple[int, bool] | None:
        """The saying or claim a cue is part of, as (where what is said starts,
        whether the sentence denies it), or None.

        - a claim the sentence denies (:func:`_denied_claim`): "The idea that I
          owe anyone an apology is ridiculous", "It would be wrong to claim I was
          shocked"; a negated denial affirms ("It is not wrong to say ...");
        - a negated saying or thinking verb reaches further than the negation
          window: "I've never said we made a mistake", "I don't think anybody
          should be surprised" (not a saying verb of a clause that is the cue's
          subject: "That nobody said a word is shocking").
        """
        claim = _denied_claim(self._facts, start, end, self._stops)
        if claim is not None:
            return claim
        if self._facts.negated_speech(clause_start, start) and not (
                start > clause_start + 1 and _in_subject_clause(tokens, clause_start + 1, start, clause_start, sets)):
            return self._facts.first_negated_speech(clause_start) + 1, True
        return None

    def _owed_apology(self, tokens, capitals, start, end, clause_start, clause_end, sets, group) -> bool:
        """Whether "should"/"must" before an apology is the speaker's own duty, said
        as a statement: "I should apologise to you", "I'm the one who should
        apologise" own the fault; "they should apologise" and "should I
        apologise?" do not."""
        if group != "apology":
            return False
        window = tokens[max(clause_start, start - self.hedge_window):start]
        hedges = [t for t in window if t in sets.get("hedge", ())]
        if not hedges or any(t not in ("should", "must") for t in hedges) \
                or _sentence_end(tokens, end, self._stops) == "?":
            return False
        return _subject(self._facts, start, end, clause_start, clause_end, skip_objects=True) == "self"

    def _hedged(self, tokens, start, clause_start, sets, tone: str = "") -> bool:
        hedges = sets.get("hedge", frozenset())
        if _exclaimed_hypothetical(tokens, start, clause_start) or _imagined_condition(tokens, start, clause_start, self._stops, sets) \
                or any(t in sets["pretence"] for t in tokens[max(clause_start, start - _PRETENCE_REACH):start]):
            # "pretend I made a mistake", "I pretended to be shocked": the feeling
            # in the complement of a verb of pretence is not asserted.
            # "Imagine how shocked we'd all be if ...", "how surprised they would be":
            # an exclamative whose modal follows the cue.
            return True
        window = tokens[max(clause_start, start - self.hedge_window):start]
        # (tone-21) a modal of saying performs the saying, it hedges nothing: "I'll
        # admit it surprised me", "I'd say we were shocked", "I will tell you, I was stunned"
        # (tone-26) what follows the verb of saying is read in the text, not the
        # window: the window ends before the cue, so "I will say sorry" has its
        # "sorry" just outside it (a promised apology, hedged like "I'll say sorry").
        first = max(clause_start, start - self.hedge_window)
        window = [t for k, t in enumerate(window)
                  if not (t in sets["saying_modals"] and window[k + 1:k + 2] and window[k + 1] in sets["admissions"]
                          and tokens[first + k + 2:first + k + 3] != ["sorry"])]
        # (tone-28) "'d" before a past participle is "had", no modal: "I told my
        # husband I'd never been so shocked", "we'd been stunned" ("I'd be shocked" stays)
        window = [t for k, t in enumerate(window) if not (t == "'d" and _pluperfect_after(window[k + 1:] + tokens[start:start + 1], sets))]
        if any(a == "let" and b in _HORTATIVE_AFTER_LET for a, b in zip(window, window[1:])):
            # "Let's just apologise and move on", "let us apologise": a proposal
            # (the hortative), not a feeling; "let me apologise" is an apology.
            return True
        if tone == "regret" and self._in_condition(tokens, start, clause_start):
            return True
        # (tone-27) the future modal may stand inside the cue: "If it turns out we
        # made a mistake, we will own it" (cue "we own it", "will" skipped by the match)
        modal_in_cue = next((k for k in range(start + 1, min(start + 3, len(tokens)))
                             if tokens[k] in sets["open_future_modals"]), None)
        future_from = start if modal_in_cue is None else modal_in_cue + 1  # read back from the modal
        if tone == "regret" and self._conditional_future(tokens, future_from, sets) \
                and not _performative_desire(tokens, start, clause_start, hedges, self._stops, sets):
            return True
        if not any(t in hedges for t in window):
            return False
        if tone == "regret" and _performative_desire(tokens, start, clause_start, hedges, self._stops, sets):
            # "I would like to apologise", "we'd like to offer our apologies": a
            # modal of desire over an apology performs it; it is no hypothetical.
            return False
        # "I will always regret", "I'll forever be sorry": a lasting feeling, not
        # a hypothetical one (unless a condition frames it: "if ..., I'll always").
        # So is a cue that opens with "never" ("I'll never forgive myself").
        lasting = sets.get("lasting", frozenset())
        if (any(t in lasting for t in window) or tokens[start] == "never") \
                and not self._facts.condition(clause_start, start):
            return False
        return True


# How far back the frame of a performed apology is read ("would like to offer ... apologies").
_PERFORMATIVE_REACH = 12


def _performative_desire(tokens: list[str], start: int, clause_start: int, hedges, stops: list[int], sets) -> bool:
    """Whether the only hedge before a cue is "would"/"'d" + "like"/"love" + "to",
    with nothing between "to" and the cue but the frame of an apology ("I'd like
    to apologise", "We would like to offer our sincere apologies", "I would just
    like to say sorry"): a performative apology. Not "would have liked to" (a
    past wish), not with another hedge or a condition ("if he would like to
    apologise"), not in a question ("Would you like to apologise?")."""
    if _sentence_end(tokens, start, stops) == "?":
        return False
    first = max(clause_start, start - _PERFORMATIVE_REACH)  # bounded: linear on long unpunctuated lines
    for h in range(start - 1, first - 1, -1):
        if tokens[h] not in ("would", "'d"):
            continue
        if any(t in hedges for t in tokens[max(clause_start, h - _PERFORMATIVE_REACH):h]):
            return False
        k = h + 1
        while k < start and tokens[k] in ("just", "really", "also", "first", "now", "therefore", "sincerely"):
            k += 1
        if k + 1 >= start or tokens[k] not in sets["desire"] or tokens[k + 1] != "to":
            return False
        return all(t in sets["apology_frame"] for t in tokens[k + 2:start])
    return False


def _clause_marks(tokens: list[str], boundary_words: frozenset[str]) -> list[tuple[int, int]]:
    """For each token, the (start, end) token indices of its clause."""
    n = len(tokens)
    marks: list[tuple[int, int]] = [(0, n)] * n
    start = 0
    for i in range(n + 1):
        if i == n or tokens[i] in _PUNCT_BOUNDARIES or tokens[i] in boundary_words:
            for k in range(start, i):
                marks[k] = (start, i)
            if i < n:
                marks[i] = (i, i + 1)
            start = i + 1
    return marks


def _person(words: Sequence[str], capitals: Sequence[bool], sets, first: bool,
            skip_addressee: bool = False) -> str | None:
    """The first ("first"=True) or last person word in words: "self", "other" or None."""
    self_words = sets.get("self", frozenset())
    other_words = sets.get("other", frozenset())
    addressee = sets.get("addressee", frozenset())
    order = range(len(words)) if first else range(len(words) - 1, -1, -1)
    for k in order:
        w = words[k]
        if w in self_words:
            return "self"
        if w in other_words or (w in addressee and not skip_addressee):
            return "other"
        # A capitalised word that is not "I" is taken for a name: someone else.
        if capitals[k] and w.isalpha() and w != "i":
            return "other"
    return None




# How far around a cue a counterfactual of the speaker's (``modals_of_perfect``) is read.
_FRAME_REACH = 30
# How far back a condition ("if", "unless") still frames a cue in its clause.
_CONDITION_REACH = 12
# Under a negated counterfactual, what makes it a denial of regret: "would not
# have done anything (differently)", "wouldn't have changed a thing", "we
# couldn't have done more".
# "too" over a word judges the speaker's act as excessive in a retrospective
# frame ("we acted too slowly", "I was too proud"); not "too" of age, ability or
# a mere addition ("I was too young to know", "we were too good for them", "me too").
_EXCESS = "too"
# Cue groups whose verb or adjective takes a finite complement clause ("regret
# that ...", "sorry (that) ...", "apologise that ...").
_COMPLEMENT_GROUPS = frozenset({"regret", "apology"})
# Words that close a noun phrase's head before its verb: possessives of the
# speaker ("our decision") make the act the speaker's own.
_OWN_DETERMINERS = frozenset({"my", "our"})


def _others_clause(tokens: list[str], first: int, clause_end: int, sets, complementiser: bool) -> bool:
    """Whether ``tokens[first:]`` opens a finite clause whose subject is a noun phrase not of the speaker.

    A determiner other than "my"/"our" opens it ("the ministry", "their lawyers",
    "this government"). After "that" it can only be a clause's subject ("regret
    that the council decided", not the demonstrative of "regret that
    decision"); with no "that", an auxiliary must follow the noun phrase
    ("regret the ministry has taken"), so that an object ("the decision", "the
    damage caused") is no clause. Not a clause that names the speaker as an
    agent anywhere ("that the product failed our customers"), nor a passive
    ("that the service was delayed"), which names no agent and may be the
    speaker's own failing.
    """
    if first >= clause_end or tokens[first] not in sets["determiners"] or tokens[first] in _OWN_DETERMINERS:
        return False
    self_words = sets.get("self", frozenset())
    if any(t in self_words and t not in sets["self_objects"] for t in tokens[first:clause_end]):
        return False  # "that the mistakes I made", "that the product failed our customers"
    verb = None
    for k in range(first + 1, min(clause_end, first + 5)):
        w = tokens[k]
        if k > first + 1 and w in sets["auxiliaries"] and w != "'s":
            verb = k
            break
        if not complementiser and (not w.isalpha() and "-" not in w or w in sets["subject_pronouns"]
                                   or w in sets["determiners"]):
            return False
    if verb is None:
        return complementiser
    # a passive: a form of "be" and a participle ("was delayed", "were taken")
    return not (tokens[verb] in sets["predicate_copula"] and verb + 1 < clause_end and tokens[verb + 1].endswith(("ed", "en")))




def _finite_verb(word: str, sets, plain_present: bool) -> bool:
    """Whether a word after a subject is its finite verb: an auxiliary or modal, a
    negated one, a past in -ed or an irregular past ("came", "knew"); with
    ``plain_present``, a present in -s ("nobody cares"), which after a noun
    phrase would be read as a plural noun ("none of the decisions")."""
    if word in sets["auxiliaries"] or word in sets["clitic_auxiliaries"] or word.endswith("n't") or word == "cannot":
        return True
    if not word.isalpha():
        return False
    if (len(word) > 3 and word.endswith("ed")) or word in sets.get("participle", ()) or word in sets.get("past", ()):
        return True
    return plain_present and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _heads_clause(tokens: list[str], capitals: list[bool], k: int, clause_end: int, sets) -> bool:
    """Whether the negative word at ``k`` is the subject of a clause of its own: a
    finite verb follows its phrase ("nobody came", "no one was told", "none of
    the staff were charged", "no charges were brought"). As the object of a cue
    it has none: "I regret nothing (at all)", "I apologise to nobody", "sorry
    for none of it", and a relative clause after it has its own subject ("I
    regret nothing I did", "none of the decisions we made")."""
    persons = sets.get("self", frozenset()) | sets.get("other", frozenset()) | sets.get("addressee", frozenset())
    word = tokens[k]
    if word not in sets["negative_pronouns"]:
        return False
    j = k + 1
    phrase = 0  # words of the negative noun phrase after its first
    if word in ("none", "neither") and j < clause_end and tokens[j] == "of":
        j += 1  # "none of (the staff)"
        phrase = 1
    elif word in ("nobody", "nothing") and j < clause_end and tokens[j] == "else":
        j += 1
    if word == "no" or phrase:
        # the rest of the noun phrase: "no one", "no real effort", "none of the staff"
        while j < clause_end and phrase < 4 and not _finite_verb(tokens[j], sets, plain_present=False):
            t = tokens[j]
            if not t.isalpha() or (t in persons and t not in sets.get("object", ()) and t not in ("their", "our", "my"))\
                    or (capitals[j] and word == "no"):
                return False  # a relative clause's subject: "none of the decisions we made"
            j += 1
            phrase += 1
    if j >= clause_end:
        return False
    if tokens[j] in persons or capitals[j]:
        return False  # a relative clause after the object: "nothing I did", "nothing Trump said"
    return _finite_verb(tokens[j], sets, plain_present=not phrase)


def _in_subject_clause(tokens: list[str], q: int, start: int, clause_start: int, sets) -> bool:
    """Whether the negative word at ``q`` is the subject of a clause that ends before
    the cue at ``start``: a clause opened by a complementiser, with a verb of its
    own before the cue's verb group ("That nobody checked is shocking", "How no
    one noticed is astonishing"). "Nobody was shocked", "so that nobody was
    surprised" and "not surprised" stay negations."""
    if tokens[q] not in sets["negative_pronouns"] or q <= clause_start or tokens[q - 1] not in sets["complementisers"]:
        return False
    skipped = sets["verb_group"] | sets["function_words"] | sets.get("copula", frozenset()) | {"one", "else"}
    return any(t not in skipped and not (t.endswith("ly") and len(t) > 4) for t in tokens[q + 1:start])


def _let_down_object(tokens: list[str], capitals: list[bool], first: int, last: int, sets) -> bool:
    """Whether ``tokens[first:last]``, between "let" and "down", is the object let
    down: one word ("let them down", "let Mary down", "let fans down"), or a
    determiner and at most two more words whose last is no verb taking "down"
    ("let my family down", "let the whole squad down"; not "let me calm you
    down", "let this thing die down": ``down_verb`` in tone-context.txt). Only a
    person or a group is let down: its head is a person word (``self``,
    ``other``, ``addressee``, ``generic``), a name, or a noun of people or a side
    (``people``, ``group``, ``sufferer``); "We let the tyres down" lets air out."""
    middle = tokens[first:last]
    # (tone-21) a coordinated or partitive object may be longer: "my family and
    # friends", "ourselves and our fans", "a lot of people"
    joined = len(middle) > 2 and any(t in ("and", "or", "of") for t in middle[1:-1])
    # (tone-27) a titled name is one noun phrase of a person: "let Mr Hughes down",
    # "let Dr Reyes and the nurses down" (title and name capitalised: "Mr" in
    # quotes.vocabulary.TITLES, as _person_name_words reads it)
    titled = len(middle) > 1 and capitals[first] and capitals[first + 1] and middle[0] in _person_name_words()
    if len(middle) > 1 and middle[0] not in sets["determiners"] and middle[0] not in ("all", "every", "so", "both") \
            and not (joined and middle[1] in ("and", "or")) and not (titled and (len(middle) == 2 or middle[2] in ("and", "or"))):
        return False
    # a hyphenated compound is one word ("team-mates", "co-workers")
    if len(middle) > (5 if joined else 3) or not all(t.replace("-", "").isalpha() for t in middle) \
            or middle[-1] in sets.get("down_verb", ()):
        return False
    head = middle[-1].rpartition("-")[2]
    return capitals[last - 1] or any(head in sets.get(kind, ()) or middle[-1] in sets.get(kind, ())
                                     for kind in _PEOPLE_KINDS)


# The questions of disbelief that ask how ("How on earth did it happen?").
_HOW_EVER = (["how", "on", "earth"], ["how", "in", "the", "world"])
# Verbs after "to" that are no purpose ("to be honest"), and how far a purpose is looked for.
_NO_PURPOSE = frozenset({"be"})
_PURPOSE_REACH = 5


def _deliberative(tokens: list[str], end: int, sets) -> bool:
    """Whether the question after "how on earth" (at ``end``) asks about the
    speaker's own next act: a present or future auxiliary, then "I"/"we", then a
    plain verb ("How on earth do we fix this?", "... can I tell her?", "... are
    we going to pay?"); not a past or perfect ("How on earth did we lose?", "...
    can we have lost?") or another's act ("How on earth does he get away with it?")."""
    if end + 2 >= len(tokens) or tokens[end] not in sets["deliberative"] or tokens[end + 1] not in ("i", "we"):
        return False
    verb = tokens[end + 2]
    if tokens[end] in ("are", "am", "'m", "'re"):
        return verb in ("going", "gonna")
    return verb.isalpha() and verb != "have" and verb not in sets.get("negator", ()) and not verb.endswith("n't")


def _after_repetition(tokens: list[str], end: int, clause_end: int, sets) -> int:
    """Where the words of a cue of reading again end: past its repetition when one
    follows within a few words ("read the letter three times|", "read it
    again|"), else ``end`` (a cue that holds its own: "had to read it twice|")."""
    for k in range(end, min(clause_end, end + _PURPOSE_REACH)):
        if tokens[k] in sets["repetitions"]:
            return k + 1
    return end


def _purpose_follows(tokens: list[str], k: int, stop: int, sets) -> bool:
    """Whether a clause of purpose starts at ``k``, right after the cue ("I had to
    read it twice to understand the rules", "I read the letter three times to
    get the details right"): "to" and a verb, not a person or a thing ("to me",
    "to the core"), nor "to be honest"; a purpose of making sure the thing is
    real ("to believe it", "to make sure it was true": ``belief`` in
    tone-context.txt) is disbelief still."""
    if k + 1 >= stop or tokens[k] != "to":
        return False
    persons = sets.get("self", frozenset()) | sets.get("other", frozenset()) | sets.get("addressee", frozenset())
    verb = tokens[k + 1]
    if not verb.isalpha() or verb in sets["determiners"] or verb in persons or verb in _NO_PURPOSE \
            or verb in ("it", "this", "that", "what"):
        return False
    belief = sets.get("belief", frozenset())
    return not any(w in belief for w in tokens[k + 1:min(stop, k + 1 + _FOR_REACH)])


# How many words after "responsible for" are read for a past act or outcome.
_FOR_REACH = 8


def _past_for(tokens: list[str], k: int, stop: int, sets) -> bool:
    """Whether the object of "for" at ``tokens[k:stop]`` is a past act or its
    outcome: it holds an ``outcome`` noun ("for the defeat", "for our mistakes"),
    a verb in the past ("for what happened", "for the way we played": a
    ``past``/``participle`` word or one in -ed), or only points back at what was
    done ("for this", "for all of it"). A duty is none: "for the kids' safety",
    "for delivering the budget"."""
    words = tokens[k:min(stop, k + _FOR_REACH)]
    past = sets.get("past", frozenset()) | sets.get("participle", frozenset())
    if any(w in sets.get("outcome", ()) or w in past or (w.endswith("ed") and len(w) > 4) for w in words):
        return True
    pointers: list[str] = []
    for w in words:
        if not w.isalpha():
            break
        pointers.append(w)
    return bool(pointers) and all(w in sets["back_pointers"] for w in pointers)


# The kinds of tone-context.txt whose words name people or a side (see _let_down_object).
_PEOPLE_KINDS = ("self", "other", "addressee", "generic", "people", "group", "sufferer")


def _present_wish(tokens: list[str], had: int, clause_end: int, sets) -> bool:
    """Whether the "had" at ``had`` after "wish" is a main verb with its object
    ("I wish I had more time", "wish we had a home"), not the past perfect's
    auxiliary ("wish I had (never) gone", "wish I hadn't", "wish I had been"):
    a word that is no participle, adverb or negator follows it in its clause."""
    if tokens[had] not in ("had", "hadn't") or tokens[had - 1] in ("have", "'ve"):
        return False  # (the past counterfactual "wish I could have had")
    skip = sets.get("adverb", frozenset())
    for t in tokens[had + 1:min(clause_end, had + 4)]:
        if t in skip or t in ("not", "never", "n't") or (t.endswith("ly") and len(t) > 4):
            continue
        if not t.replace("-", "").isalpha():
            return False
        return not (t in sets.get("participle", ()) or t in sets.get("past", ())
                    or (len(t) > 3 and t.endswith(("ed", "en", "wn"))))
    return False


def _participle_follows(tokens: list[str], end: int, clause_end: int, sets) -> bool:
    """Whether a past participle follows ``end`` (skipping adverbs): "have (never) seen"."""
    skip = sets.get("adverb", frozenset())
    for t in tokens[end:min(clause_end, end + 3)]:
        if t in skip or (t.endswith("ly") and len(t) > 4):
            continue
        return t in sets.get("participle", ()) or (len(t) > 3 and t.endswith(("ed", "en")))
    return False


def _speaker_is_subject(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """Whether "I"/"we" is the subject of the cue: only bridge words ("was", "got
    it", adverbs) stand between them ("we were tremendously wrong")."""
    bridge = sets.get("bridge", frozenset())
    self_words = sets.get("self", frozenset())
    for j in range(start - 1, max(clause_start, start - 7) - 1, -1):
        t = tokens[j]
        if t in self_words:
            return True
        if t in sets["predicate_noun_words"] and j >= start - 3:
            continue  # "I was a fool to send it", "I've been a complete idiot"
        if t in sets["predicate_copula"] and _own_possession_subject(tokens, j, clause_start, sets):
            return True  # "my conduct that night was indefensible", "our decision was wrong"
        # (tone-26) "I"/"we" with an apposition of role: "We as a club owe our
        # members an apology", "I as captain", "we as players".
        k = j - 2 if j - 2 >= clause_start and tokens[j - 1] in ("a", "an", "the") else j - 1
        if k - 1 >= clause_start and tokens[k] == "as" and tokens[k - 1] in self_words:
            return True
        if not (t in bridge or (t.endswith("ly") and len(t) > 4)):
            return False
    return False


# How far before the copula the speaker's possessive of a judged act is looked for ("my conduct was").
_OWN_SUBJECT_REACH = 4


def _own_possession_subject(tokens: list[str], copula: int, clause_start: int, sets) -> bool:
    """Whether the subject of the copula at ``copula`` is a noun phrase naming an
    act the speaker owns: "my conduct (that night) was indefensible", "our
    decision was wrong": judging one's own act. "My view is that it's wrong" (a
    clause between), "my brother was wrong", "our critics were wrong" (persons) are not."""
    persons = sets.get("self", frozenset()) | sets.get("other", frozenset()) | sets.get("addressee", frozenset())
    for k in range(copula - 1, max(clause_start, copula - 1 - _OWN_SUBJECT_REACH) - 1, -1):
        t = tokens[k]
        if t in _OWN_DETERMINERS and k < copula - 1:
            # the phrase names an act ("act" in tone-context.txt), not a person:
            # "our critics were wrong" judges others
            return any(w in sets.get("act", ()) for w in tokens[k + 1:copula])
        if not t.isalpha() or t in persons or t in sets["subject_pronouns"] or t in sets["verb_group"] or t in sets["predicate_copula"] \
                or (t in sets["complementisers"] and (k + 1 == copula or tokens[k + 1] in sets["subject_pronouns"]
                                               or tokens[k + 1] in persons)):
            # (a clause between: "My view is that it's wrong"; "my conduct that night" is a time)
            return False
    return False




def _speaker_got_wrong(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """Whether "wrong" is the predicate of the speaker's "got"/"get" over an object
    ("we got the tactics wrong", "I got my timing badly wrong"): the speaker as
    the subject of "got", a short noun phrase between it and "wrong"."""
    for k in range(start - 2, max(clause_start, start - 5) - 1, -1):
        if tokens[k] in sets["get_forms"]:
            between = tokens[k + 1:start]
            if between[0] in sets["determiners"] or between[0] in sets["wrong_objects"]:
                return _speaker_is_subject(tokens, k, clause_start, sets)
            return False
        if not tokens[k].isalpha() or tokens[k] in sets["verb_group"]:
            return False
    return False


def _others_mistake(tokens: list[str], end: int, clause_end: int, sets) -> bool:
    """Whether a mistake noun names its agent after it, someone not the speaker: a
    passive with "by" ("mistakes were made by the previous administration") or a
    relative clause with a subject of its own ("the biggest mistake investors
    make", "the errors that the club committed"). "The mistakes we made" and
    "mistakes made by me" stay the speaker's."""
    self_words = sets.get("self", frozenset()) | _OWN_DETERMINERS
    after = tokens[end:min(clause_end, end + 6)]
    k = 0
    while k < len(after) and after[k] in ("were", "was", "have", "has", "had", "been", "being"):
        k += 1
    if k < len(after) - 2 and after[k] in sets["make_forms"] and after[k + 1] == "by":
        return after[k + 2] not in self_words  # the passive's agent
    if after[:1] == ["by"] and len(after) > 1 and after[1] in sets["agent_openers"]:
        return True  # (tone-21) its agent after "by": "a misjudgement by the referee"
    r = 1 if after[:1] and after[0] in ("that", "which") else 0
    if after[r:r + 1] and after[r] in ("he", "she", "they", "you") \
            and any(w in sets["make_forms"] or w in sets["owning_acts"] for w in after[r + 1:r + 5]):
        return True  # (tone-21) its agent in a relative clause: "a mistake he has to own"
    k = 1 if after[:1] and after[0] in ("that", "which") else 0
    # the relative clause's subject: one to three words, then "make"/"made"/"commit"
    for m in range(k + 1, min(len(after), k + 4)):
        if after[m] in sets["make_forms"]:
            subject = after[k:m]
            return all(w.replace("-", "").isalpha() and w not in sets["verb_group"] and w not in sets["not_heads"] for w in subject) \
                and not any(w in self_words for w in subject)
    return False




def _next_of(tokens: list[str], words: frozenset[str]) -> list[int]:
    """For each token index ``i`` (and ``len(tokens)``), the index of the first of
    ``words`` at or after ``i``, ``len(tokens)`` where none follows."""
    n = len(tokens)
    found = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        found[i] = i if tokens[i] in words else found[i + 1]
    return found


def _sentence_end(tokens: list[str], start: int, stops: list[int]) -> str:
    """The punctuation that ends the sentence from ``start`` on ("" at the end of the text).

    ``stops``: :func:`_next_of` the tokens' sentence ends.
    """
    k = stops[start]
    return tokens[k] if k < len(tokens) else ""


# How far back from an apology cue the waiting for it is looked for
# ("waiting for them to apologise", "yet to hear the club say sorry").
_AWAIT_REACH = 6


def _awaited(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """(tone-27) Whether an apology cue is what the clause waits for: "wait(ing)
    for" (tone-context kind ``waiting``) before it ("still waiting for an
    apology", "waiting for them to apologise"), or "yet to" + a verb of hearing
    or getting (``awaited_after_yet``: "we have yet to hear the club say sorry",
    "yet to receive an apology"). Not "sorry to keep you waiting" ("waiting" after the cue)."""
    for j in range(start - 1, max(clause_start, start - _AWAIT_REACH) - 1, -1):
        if tokens[j] == "for" and j > clause_start and tokens[j - 1] in sets["waiting"]:
            return True
        if tokens[j] in sets["awaited_after_yet"] and j - 2 >= clause_start \
                and tokens[j - 1] == "to" and tokens[j - 2] == "yet":
            return True
    return False


# How many nouns (and "and"/"or" between) may stand before a theme's noun ("about love, loss and regret").
_THEME_NOUNS = 4


def _theme_of_work(tokens: list[str], start: int, clause_start: int, facts_first: int, sets) -> bool:
    """(tone-27) Whether the cue noun is the topic of a work: after "about"/"of"/
    "with" (``theme_prepositions``), alone or coordinated with other nouns ("love
    and regret"), in a clause that names a work (``works``: song, novel, film...)
    before it with no first person between: "It's a song about love and regret",
    "a novel full of regret", "Her poems deal with regret". "I'm full of regret"
    (no work) and "a song about my regret" (the speaker's own) are not."""
    # "and" starts a clause of its own (kind boundary): the work's noun phrase is read in the sentence
    clause_start = min(clause_start, facts_first)
    j = start - 1
    while j >= clause_start and start - j <= _THEME_NOUNS and tokens[j] not in sets["theme_prepositions"]:
        if not tokens[j].isalpha() or tokens[j] in sets.get("self", ()) or tokens[j] in _OWN_DETERMINERS:
            return False
        j -= 1
    if j < clause_start or tokens[j] not in sets["theme_prepositions"]:
        return False
    for k in range(j - 1, max(clause_start, j - 4) - 1, -1):
        if tokens[k] in sets.get("self", ()):
            return False
        if tokens[k] in sets["works"]:
            return True
    return False


def _others_act_subject(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """(tone-27) Whether a mistake noun is the predicate of a copula whose subject
    is a noun phrase possessed by someone else with "'s" ("The council's
    decision was a mistake", "the referee's call was a blunder", "Mr Smith's
    plan is a mistake"): the possessor's act. "My team's decision was a mistake"
    (the speaker's side) is not."""
    j = start - 1
    while j >= clause_start and (tokens[j] in sets["determiners"] or (tokens[j].isalpha()
                                 and tokens[j] not in sets["predicate_copula"] and start - j <= 3)):
        j -= 1  # "a mistake", "a huge mistake", "the biggest blunder"
    if j < clause_start or tokens[j] not in sets["predicate_copula"]:
        return False
    for k in range(j - 1, max(clause_start, j - 1 - _OWN_SUBJECT_REACH) - 1, -1):
        if tokens[k] == "'s":
            return k - 1 >= clause_start and tokens[k - 1] not in sets.get("self", ()) \
                and not any(t in _OWN_DETERMINERS for t in tokens[max(clause_start, k - 3):k])
        if not tokens[k].isalpha():
            return False
    return False


def _requested(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """Whether the noun "apology" is what someone asks for, owes or gets: a
    request verb before it, past determiners and adjectives ("demand a full
    public apology", "owe us an apology", "we accept their apology")."""
    request = sets.get("request", frozenset())
    for j in range(start - 1, max(clause_start, start - 5) - 1, -1):
        if tokens[j] in request:
            return True
        if tokens[j] in sets.get("addressee", ()) or tokens[j] in sets.get("object", ()) \
                or (tokens[j] in sets["determiners"] and tokens[j] not in _OWN_DETERMINERS) \
                or tokens[j] in ("full", "public", "proper", "formal",
                                 "personal", "real", "sincere", "unreserved", "unequivocal"):
            continue
        return False
    return False


def _opens_sentence(tokens: list[str], start: int, sentence_start: int) -> bool:
    """Whether the cue at ``start`` opens its sentence, alone or after "I'm" ("Sorry?", "I'm sorry?")."""
    lead = start - sentence_start
    return lead == 0 or (lead == 2 and tokens[start - 2:start] == ["i", "am"])


def _believed_of_another(tokens: list[str], start: int, stops: list[int], sets) -> bool:
    """Whether "I"/"we" + a verb of saying or thinking ("I think", "we believe")
    stands earlier in the cue's sentence with a subject of its own between it and
    the cue: the cue is the speaker's view of that subject's feeling."""
    speech = sets.get("speech", frozenset())
    own = sets.get("self", frozenset())
    for j in range(start - 1, 0, -1):
        if tokens[j] in _SENTENCE_ENDS:
            return False
        if tokens[j] in speech and tokens[j - 1] in ("i", "we"):
            return any(t.isalpha() and t not in own and t != "that" for t in tokens[j + 1:start])
    return False


def _attributed_after(tokens: list[str], end: int, stops: list[int]) -> bool:
    """Whether "according to" follows the cue in its sentence, naming a source
    other than the speaker ("according to his statement"; "according to me" not)."""
    stop = min(stops[end] if end < len(stops) else len(tokens), len(tokens))
    for k in range(end, stop - 2):
        if tokens[k] == "according" and tokens[k + 1] == "to":
            return tokens[k + 2] not in ("me", "us", "my", "our")
    return False


def _speaker_joins(tokens: list[str], end: int, stops: list[int], sets) -> bool:
    """Whether the cue's sentence goes on "so am I", "neither could I", "nor
    was I" (or "we"): the speaker shares the feeling just given to others."""
    stop = stops[end] if end < len(stops) else len(tokens)
    for k in range(end, min(stop, len(tokens)) - 2):
        if tokens[k] in ("so", "neither", "nor") and tokens[k + 1] in sets["joining_auxiliaries"] \
                and tokens[k + 2] in ("i", "we"):
            return True
    return False


def _reported_judgement(tokens: list[str], capitals: list[bool], start: int, stops: list[int], sets) -> bool:
    """Whether a verb of saying or calling with a third person as its subject
    stands earlier in the cue's sentence: "She said the conditions were
    appalling", "Critics called the film astonishing". A first-person subject
    ("I said it was shocking") or none keeps the speaker's judgement."""
    others = sets.get("other", frozenset())
    for j in range(start - 1, 0, -1):
        if tokens[j] in _SENTENCE_ENDS:
            return False
        if tokens[j] in sets["judgement_reports"]:
            if j + 1 < start and (tokens[j + 1] in sets["auxiliaries"] or tokens[j + 1] in sets["clitic_auxiliaries"]):
                return False  # "What they said was shocking": the saying is judged, by the speaker
            if j >= 2 and tokens[j - 2] in ("what", "whatever"):
                return False  # "What he called a joke was appalling": a free relative, the speaker's judgement
            subject = tokens[j - 1]
            # a pronoun of others or a name ("She said", "Ms Cole called it"); not the speaker
            return subject in others or (capitals[j - 1] and subject not in sets.get("self", ()) and subject.isalpha())
    return False


def _organisation_state(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """Whether the cue is the present-tense state of "the" + a noun of an
    organisation or side ("group" in tone-context.txt): "The party is sorry for
    the distress it caused", "the club is deeply sorry". An organisation speaks
    of itself so; "the minister was sorry" and "my client is sorry" report
    someone else."""
    j = start - 1
    while j >= clause_start and (tokens[j] in sets["sorry_degree"] or (tokens[j].endswith("ly") and len(tokens[j]) > 4)):
        j -= 1
    return j - 2 >= clause_start and tokens[j] in ("is", "are") and tokens[j - 1] in sets.get("group", ()) \
        and tokens[j - 2] == "the"


def _denied_after(tokens: list[str], end: int, sets, stops: list[int], buts: list[int]) -> bool:
    """Whether the cue's sentence goes on "but I didn't", "but we weren't", "but
    I did not": the speaker's clause of a bare negated auxiliary denies what was
    said before it ("They say I got it wrong, but I didn't"). "..., but I didn't
    mean to" is no denial: the clause goes on."""
    stop = stops[end]
    b = buts[end]
    if b >= stop or stop - b > 8:
        return False
    after = tokens[b + 1:stop]
    if len(after) < 2 or after[0] not in sets.get("self", ()):
        return False
    if after[1].endswith("n't") or after[1] == "cannot":
        rest = after[2:]
    elif len(after) > 2 and (after[1] in sets["auxiliaries"] or after[1] == "am") and after[2] in ("not", "never"):
        rest = after[3:]
    else:
        return False
    return all(t in ("really", "at", "all", "though", "actually", "ever", "then") for t in rest)


def _noun_subject_of_wish(wished: list[str], sets) -> bool:
    """Whether the words between "wish" and "had" hold a noun phrase (not "it",
    "that", "things", an adverb): the wished act is that noun's, not the
    speaker's ("I wish the council had listened"; "I wish it had been different"
    and "I wish (that) I had" are not)."""
    words = wished[1:] if wished[:1] == ["that"] else wished
    return any(w.isalpha() and w not in sets["expletives"] and w not in ("things", "everything") and not _function_word(w, sets)
               for w in words)


def _others_apology(tokens: list[str], start: int, end: int, clause_start: int, clause_end: int, sets) -> bool:
    """Whether the noun "apology" names its maker and it is not the speaker: a
    third person's possessive or a genitive before it ("his apology", "the
    company's apology"), or "from"/"by" and a noun phrase not of the speaker after
    it ("the apology from the company", "an apology by the minister"; "an
    apology from me" stays)."""
    j = start - 1
    while j >= clause_start and tokens[j] in ("belated", "latest", "public", "full", "formal", "grudging",
                                               "half-hearted", "so-called", "written", "official", "own"):
        j -= 1
    if j >= clause_start and (tokens[j] in ("his", "her", "their", "its", "your")
                              or (tokens[j] == "'s" and j - 1 >= clause_start and tokens[j - 1] not in sets["expletives"]
                                  and tokens[j - 1] not in sets.get("self", ()))):
        return True
    if end + 1 < clause_end and tokens[end] in ("from", "by"):
        agent = tokens[end + 1:min(clause_end, end + 4)]
        self_words = sets.get("self", frozenset()) | _OWN_DETERMINERS
        return not any(t in self_words for t in agent)
    return False


def _owned_state(tokens: list[str], start: int, sets) -> bool:
    """Whether "I"/"we" + a form of "be" stand right before ``start`` ("we're sorry", "I am so sorry")."""
    self_words = sets.get("self", frozenset())
    bridge = sets.get("bridge", frozenset())
    for j in range(start - 1, max(-1, start - 4), -1):
        if tokens[j] in self_words:
            return True
        if tokens[j] not in bridge and not (tokens[j].endswith("ly") and len(tokens[j]) > 4):
            return False
    return False


def _noun_subject(facts: _Facts, start: int, clause_start: int) -> bool:
    """Whether a noun (not "it", "this", a person word) is the subject of "be" before a state cue."""
    tokens, sets = facts.tokens, facts.sets
    copula = sets.get("copula", frozenset())
    # back over adverbs: "all", "really", "so", "just", "absolutely", "totally", "utterly", -ly
    j = facts.before_run("not_adverb", start - 1, clause_start)
    if j < clause_start or tokens[j] not in copula or tokens[j] in ("so", "just", "really", "quite", "pretty"):
        return False
    j -= 1
    if j < clause_start:
        return False
    word = tokens[j]
    return word.isalpha() and word not in facts.sets["expletives"] and word not in sets.get("self", ()) \
        and word not in sets.get("addressee", ()) and word not in sets.get("hedge", ())


def _noun_before_verb(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """Whether a noun (not "it", "this", a person word) is the subject of the verb
    just before a state phrase ("Residents watched in horror", "the crowd looked on")."""
    j = start - 1
    while j >= clause_start and tokens[j] in sets["verb_particles"]:
        j -= 1  # the verb's particle: "looked on", "stood there"
    if j - 1 < clause_start or not tokens[j].isalpha():
        return False
    word = tokens[j - 1]
    return word.isalpha() and word not in sets["expletives"] and word not in sets.get("self", ()) \
        and word not in sets.get("addressee", ()) and word not in sets.get("hedge", ()) \
        and word not in sets.get("copula", ())


def _noun_phrase_subject(facts: _Facts, start: int, clause_start: int, cue_noun: bool) -> str | None:
    """The owner of a cue when its subject is a noun phrase, not a pronoun.

    Walks back from the cue over its own determiner ("made *a terrible*
    mistake", only for a cue noun), the verb group ("should have", "was left",
    "owe us") and adverbs, and reads the word reached: a noun led by a
    determiner ("my brother", "the umpire", "our neighbours"), a name ("Maria
    Lopez"), or a plural noun opening the clause ("Spectators gasped") is
    someone else, except the speaker's own group ("our team", "my staff":
    "group" in tone-context.txt). A pronoun, "it" or no subject gives None: the
    caller reads those as before. A cue noun after a copula is a predicate
    ("the decision was a mistake"), not the noun's act: None.
    """
    tokens, capitals, sets = facts.tokens, facts.capitals, facts.sets
    persons = sets.get("self", frozenset()) | sets.get("other", frozenset()) | sets.get("addressee", frozenset())
    j = start - 1
    if cue_noun:
        for k in range(j, max(clause_start, start - 3) - 1, -1):
            if tokens[k] in facts.sets["determiners"]:
                j = k - 1
                break
            if tokens[k] in facts.sets["verb_group"] or not tokens[k].isalpha() or tokens[k] in persons:
                cue_noun = False  # no determiner of its own: "I regret", "we deeply regret"
                break
        else:
            cue_noun = False
        # the indirect object of "owe"/"offer"/"give": "we owe [our supporters] an apology"
        for k in range(j, max(clause_start, j - 4) - 1, -1):
            if tokens[k] in facts.sets["ditransitive"]:
                j = k
                break
            if tokens[k] in facts.sets["verb_group"] or not tokens[k].isalpha():
                break
    # back over the verb group ("should have", "was left", "owe us"), adverbs and "a bit"
    j, skipped_copula = facts.verb_group_walk(j, clause_start)
    if j < clause_start or (cue_noun and skipped_copula):
        return None
    head = tokens[j]
    if not head.isalpha() or head in persons or head in facts.sets["expletives"] or head in facts.sets["determiners"] or head in facts.sets["not_heads"] \
            or head in sets.get("negator", ()) or head in sets.get("hedge", ()):
        return None
    self_words = sets.get("self", frozenset())

    def owner(first: int) -> str:
        # "we at the council", "those of us in Acme Rail": the speaker's side
        # (tone-27) and "on": "All of us on the board were stunned", "we on the committee"
        if first - 2 >= clause_start and tokens[first - 1] in ("at", "in", "of", "from", "as", "on") \
                and tokens[first - 2] in self_words:
            return "self"
        if first >= 2 and first - 1 <= clause_start and tokens[first - 1] == "and" \
                and tokens[first - 2] in ("me", "i", "we", "us") and (first == 2 or not tokens[first - 3].isalpha()):
            return "self"  # "Me and my wife were stunned": the speaker is one of the subject
        if first > clause_start + 1 and tokens[clause_start] == "we" and tokens[clause_start + 1] in sets["determiners"]:
            return "self"  # "We, the board of the club, apologise": the speaker in apposition
        return "other"

    k = j - 1
    if capitals[j]:
        k = facts.before_run("not_capital", k, clause_start)  # a name: "Maria Lopez", "Acme Rail"
        if k >= clause_start and tokens[k] == "the":
            k -= 1
        return owner(k + 1)
    # adjectives between the determiner and the noun: "the whole room", "my younger brother"
    for d in range(k, max(clause_start, j - 3) - 1, -1):
        if tokens[d] in facts.sets["determiners"] or tokens[d] in facts.sets["quantifiers"]:
            if tokens[d] in self_words and head in sets.get("group", ()):
                return "self"
            if tokens[d] in _OWN_DETERMINERS and head in sets.get("act", ()):
                # (tone-27) "My conduct fell short", "our service fell short": the
                # speaker's own act failed ("Our opponents fell short" is theirs)
                return "self"
            return owner(d)
        if not tokens[d].isalpha() or tokens[d] in facts.sets["verb_group"] or tokens[d] in persons:
            break
    if j == clause_start and len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is")):
        return "other"  # a bare plural subject: "Spectators gasped", "Fans were shocked"
    if j == clause_start and tokens[j + 1] in facts.sets["auxiliaries"] \
            and head not in sets.get("discourse", ()):
        return "other"  # a bare noun before an auxiliary: "Management should have seen it"
    return None


def _verb_cue(words: list[str], sets) -> bool:
    """Whether a cue starts with a verb or modal ("apologised", "made an error",
    "should have"), as opposed to a noun or adjective ("mistake", "sorry")."""
    first = words[0]
    return first in sets["verb_group"] or first in sets["statement_verbs"] or first.endswith(("ed", "ise", "ize", "ises", "izes")) \
        or first in sets["cue_verbs"]


def _praise(facts: _Facts, start: int, end: int, clause_start: int) -> bool:
    """Whether a word that can praise ("stunning", "incredible": "praising" in
    tone-context.txt) praises here: after a verb of appearance ("looked
    stunning"), before a noun of people, looks or performance ("an astonishing
    talent"), or said of a person or such a noun ("she was incredible", "the
    goal was stunning"). "It was stunning" and "a stunning admission" stay shock."""
    tokens, capitals, sets = facts.tokens, facts.capitals, facts.sets
    if tokens[start] not in sets.get("praising", ()):
        return False
    praised = sets.get("praised", frozenset())
    if end < len(tokens) and tokens[end] in praised:
        return True
    if end + 2 < len(tokens) and tokens[end] in ("and", "or"):
        # (tone-24) adjectives coordinated before a noun share it: "a remarkable
        # and (truly) wonderful experience" praises the experience as "a
        # remarkable experience" does ("an incredible and shocking admission"
        # stays shock; "incredible and the fans ..." coordinates no adjective).
        k = end + 2 if tokens[end + 1] in sets["degree_adverbs"] else end + 1
        # (a word in -ly right before the noun is an adjective: "and lovely evening")
        if k + 1 < len(tokens) and tokens[k].isalpha() and tokens[k + 1] in praised \
                and (not _function_word(tokens[k], sets) or tokens[k].endswith("ly") and tokens[k] not in sets["function_words"]):
            return True
    j = facts.before_run("not_degree", start - 1, clause_start)  # back over adverbs of degree
    if j < clause_start and clause_start >= 3 and tokens[clause_start - 1] in ("and", "or") \
            and tokens[clause_start - 2].isalpha():
        # a coordinated predicate: "the scenery is breathtaking and stunning"
        j = clause_start - 3
        clause_start = max(0, clause_start - 12)
        while j >= clause_start and tokens[j] in ("so", "just", "really", "quite", "truly", "absolutely"):
            j -= 1
    if j < clause_start:
        return False
    if tokens[j] in sets.get("appearance", ()):
        return True
    if tokens[j] not in facts.sets["predicate_copula"]:
        return False
    j -= 1
    persons = sets.get("self", frozenset()) | sets.get("other", frozenset()) | sets.get("addressee", frozenset())
    # the subject of "be": a person ("she", "we", a name) or a praised noun, past
    # the phrase that follows it ("the views from the top are")
    for k in range(j, max(clause_start, j - 4) - 1, -1):
        t = tokens[k]
        if t in persons or t in praised or (k == j and t in sets.get("people", ()) and t.endswith("s")) \
                or (capitals[k] and t.isalpha() and t != "i"):
            # (a plural noun of people heading the subject: "the volunteers were
            # incredible", "the fans have been amazing"; not "the level of denial
            # the boys reached was astonishing")
            return t not in ("it", "this", "that")
        if t in facts.sets["expletives"]:
            return False
        if k == j and k > clause_start and tokens[k - 1] in sets["determiners"] and t.isalpha() \
                and not _function_word(t, sets) and t not in sets["act"] and t not in sets["failing"] \
                and _positive_elsewhere(facts, start):
            # (tone-28) a thing praised in a plainly positive account: "We had a
            # fantastic weekend. The cake was incredible." (VADER compound of the
            # other sentences >= 0.5); "The decision was unbelievable" (an act) and
            # "The cake was unbelievable." alone stay shock
            return True
    return False


# (tone-28) VADER compound of a quote's other sentences from which an account counts as
# plainly positive (VADER's own "positive" cut is 0.05; a single "fantastic" gives 0.56).
_POSITIVE_ACCOUNT = 0.5


def _positive_elsewhere(facts: _Facts, start: int) -> bool:
    """Whether the sentences of the text other than ``start``'s are plainly positive."""
    tokens = facts.tokens
    first = facts._array("stop")[start - 1] + 1 if start else 0
    stop = next((k for k in range(start, len(tokens)) if tokens[k] in _SENTENCE_ENDS), len(tokens))
    other = tokens[:first] + tokens[stop + 1:]
    return bool(other) and vader_scores(" ".join(other))[3] >= _POSITIVE_ACCOUNT




# How far past an "own" cue its target may name the speaker's side ("disappointed
# with the way our defence played").
_OWN_TARGET_REACH = 8
# How far past "our"/"my" the noun it owns may come ("our last two games").
_OWNED_NOUN_REACH = 3


def _own_side_target(tokens: list[str], end: int, stop: int, sets) -> bool:
    """Whether the target after a feeling word names the speaker's own side as
    the one who acted: "I"/"we" as a subject ("disappointed because we lost"), a
    reflexive ("disappointed in myself"), or "our"/"my" owning an act or the
    speaker's side ("disappointed with our last game", "with my own team": the
    ``act`` and ``group`` words). Not "our"/"my" owning other people ("disappointed
    in our neighbours", "with my opponent's behaviour"), and not past a third
    person who acts ("with the way they treated our players") or a contrasting
    clause. ``stop``: the index of the sentence's end."""
    if end >= stop or tokens[end] not in sets["target_openers"] and tokens[end] not in sets.get("self", ()):
        return False
    others = sets.get("other", frozenset())
    owned = sets.get("act", frozenset()) | sets.get("group", frozenset())
    window = tokens[end:min(stop, end + _OWN_TARGET_REACH)]
    for k, t in enumerate(window):
        if t in sets["contrastive"]:
            return False  # "disappointed with the result, but I ...": another clause
        if t in others:
            return False  # a third person acts or owns the target
        if t in sets["self_acting"]:
            return True
        if t in _OWN_DETERMINERS:
            for n in window[k + 1:k + 1 + _OWNED_NOUN_REACH]:
                if n.endswith("'s") or n in others:
                    break  # "my opponent's behaviour": someone else's
                if n in owned:
                    return True
    return False


# The verb groups of a present obligation after "sorry," ("Sorry, I have to go",
# "sorry, we've got to run"), after "I"/"we": phrases of a fixed shape.
_OBLIGATIONS = (("have", "to"), ("have", "got", "to"), ("got", "to"), ("need", "to"), ("must",), ("gotta",))


def _sorry_for_the_moment(tokens: list[str], end: int, sets, stop: int) -> bool:
    """Whether "sorry" (ending at ``end``) is about the moment rather than an act
    of the speaker's: the hearer's trouble now ("sorry to keep you waiting",
    "sorry for the wait", "sorry for interrupting": an ``imposition`` word), an
    obligation to deliver news or leave ("sorry to have to tell you": "to have
    to" is an obligation, not a perfect as in "sorry to have caused"). A bare
    "sorry" before a constraint of the moment ("Sorry, I have to go") is read by
    :meth:`CueLexicon._constraint_follows`. ``stop``: the index of the sentence's end."""
    after = tokens[end:stop]
    impositions = sets.get("imposition", frozenset())

    def keeps_waiting(k: int) -> bool:  # "keep you waiting", "kept everyone waiting"
        return k < len(after) and after[k] in sets["keep_forms"] and "waiting" in after[k + 1:k + 5]

    if after[:1] == ["to"]:
        if after[1:3] == ["have", "to"]:
            return True
        verb = 2 if after[1:2] == ["have"] else 1
        return keeps_waiting(verb) or (verb == 1 and len(after) > 1 and after[1] in impositions)
    if after[:1] == ["for"]:
        rest = after[1:]
        while rest and (rest[0] in sets["determiners"] or rest[0] in sets["quantifiers"] or rest[0] in sets["sorry_for_skipped"]):
            rest = rest[1:]  # "for all the trouble", "for any of the disruption"
        if rest[:1] and rest[0] in impositions:
            # "the trouble I caused": the speaker's own act, named by the noun
            return not any(t in sets["self_acting"] for t in rest[1:1 + _OWNED_NOUN_REACH])
        return bool(rest) and keeps_waiting(len(after) - len(rest))
    return False


# How many words of the clause after a bare "sorry" are read for a constraint.
_CONSTRAINT_REACH = 10


def _constraint_clause(tokens: list[str], k: int, stop: int, sets) -> bool:
    """Whether the clause ``tokens[k:stop]`` states a present constraint or a refusal
    of the speaker's, what a bare "sorry" before it is polite about:

    - an obligation of the moment: "I have to go", "we've got to run", "I must
      leave" (not a frame for what follows, "I have to say/admit", nor a resolve
      to make amends, "we have to do better", "I need to learn": an ``amends``
      word, which looks back at a failing);
    - a refusal to tell or stay: a negated modal and a ``disclosure`` verb ("I
      can't comment", "we're not going to discuss it", "I'd rather not say");
    - no time or nothing to add: "I don't have time", "I have no comment", "we
      have nothing to add", "No comment".
    An act of the speaker's ("I was wrong", "I made a mistake", "I can't believe
    I said that") is none of these."""
    clause = tokens[k:min(stop, k + _CONSTRAINT_REACH)]  # bounded: linear on long unpunctuated lines
    if clause[:2] == ["no", "comment"]:
        return True
    if clause and (clause[0] == "no" or clause[0] == "not" and clause[1:2] and clause[1] in sets["not_now"]) and stop - k <= 4 \
            and not any(w in sets["auxiliaries"] or w in sets["clitic_auxiliaries"] or w.endswith("n't") or w in sets.get("amends", ())
                        for w in clause):
        # (tone-21) a refusal with no verb: "Sorry, no.", "Sorry, not now", "Sorry,
        # no interviews today", "Sorry, not interested"; not "Sorry, no excuses"
        return True
    if clause[:3] in (["that", "is", "all"], ["that", "'s", "all"]) and len(clause) > 4 \
            and clause[3] in ("i", "we") and any(w in sets.get("disclosure", ()) for w in clause[4:7]):
        return True  # "Sorry, that's all I can say"
    if any(w in sets["talk_managing"] and clause[m + 1:m + 2] == ["you"] and m > 0
           and clause[m - 1] in ("to", "must", "'ll", "will", "me")
           for m, w in enumerate(clause[:8])):
        # (tone-28) managing the talk: "Sorry, I'm going to stop you there", "I'll
        # have to interrupt you", "let me stop you there": what the hearer is kept
        # from now, no past act of the speaker's ("Sorry, I stopped you scoring" is one)
        return True
    if clause and clause[0] not in ("i", "we"):
        # another subject's refusal to tell: "Sorry, the players won't be speaking today"
        m = next((m for m in range(1, min(len(clause), 4)) if clause[m].endswith("n't") or clause[m] == "not"), 0)
        if m and all(w.isalpha() and w not in sets["verb_group"] for w in clause[:m - (clause[m] == "not")]):
            tail = clause[m + 1:m + 4]
            return any(w in sets.get("disclosure", ()) or w.endswith("ing") and w[:-3] in sets.get("disclosure", ())
                       for w in tail)
        return False
    if not clause:
        return False
    rest = clause[1:]
    disclosure = sets.get("disclosure", frozenset())
    # (tone-28) a future modal before the obligation keeps it of the moment: "Sorry, I'll have to be quick"
    duty = rest[1:] if rest[:1] and rest[0] in ("'ll", "will") else rest
    for o in _OBLIGATIONS:
        if tuple(duty[:len(o)]) == o:
            rest = duty
            verb = rest[len(o):len(o) + 3]
            # "Sorry, I have to say/admit ...": a frame for what follows, no duty of the moment
            return not verb or (verb[0] not in sets["framing_verbs"] and not _negation_in(rest[:4], sets)
                                and not any(w in sets.get("amends", ()) for w in verb))
    j, negated = 0, False
    while j < min(len(rest), 5) and rest[j] in sets["refusal_group"]:
        negated |= rest[j] in ("not", "cannot", "unable") or rest[j].endswith("n't")
        j += 1
    if negated and j < len(rest) and (rest[j] in disclosure or rest[j].endswith("ing") and rest[j][:-3] in disclosure):
        return True
    if negated and j < len(rest) and rest[j] in sets["assent"]:
        # (tone-28) a disagreement: "I'm sorry, I just don't accept that premise",
        # "Sorry, I don't agree"; the "sorry" softens the point, it regrets nothing
        return True
    if not _negation_in(rest[:6], sets) and "only" in rest[:3] and "have" in rest[:3] and any(w in sets["short_time"] for w in rest[:7]):
        # (tone-28) little time now: "Sorry, I've only got a minute", "I only have five minutes"
        return True
    if negated and j < len(rest) and rest[j] in sets["refused_acts"]:
        # (tone-21) "I can't help you", "I don't know", "we're not doing interviews",
        # "I'd rather not get into that"; not "I don't know what I was thinking"
        after = rest[j + 1:j + 3]
        if rest[j] == "know":
            # (tone-26) no knowledge of a topic: "Sorry, I don't know anything
            # about that", "I don't know about that"; not "I don't know what I was thinking"
            return not after or after[0] in ("yet", "that", "sorry", "mate", "anything", "about")
        if rest[j] == "get":
            return after[:1] == ["into"]
        if rest[j] == "help":
            return True
        return any(w in sets["withheld"] for w in after)
    pressed = rest[1:7]
    if rest[:1] in (["am"], ["are"]) and (any(w in sets["pressed"] for w in pressed)
                                          or any(pressed[m:m + 2] == ["running", "late"] for m in range(len(pressed)))):
        return True  # pressed for time now: "I'm running late", "we're in a hurry"; not "I'm late"
    head = rest[:7]
    have = [m for m, w in enumerate(head[:3]) if w in ("have", "has", "got", "haven't", "hasn't")]
    if len(have) > 1 and head[have[0] + 1] == "got":
        have = have[1:]  # "I've got nothing to say"
    if have and any(w in sets["withheld"] for w in head[have[0] + 1:]) \
            and any(w in ("no", "not", "any", "enough", "much") or w.endswith("n't") for w in head[:have[0] + 3]):
        return True  # "I don't have (any) time", "we have no comment", "I haven't got time"
    if have and head[have[0] + 1:have[0] + 2] == ["nothing"]:
        after = head[have[0] + 2:]
        while after and after[0] in ("more", "else", "further"):
            after = after[1:]
        return after[:1] == ["to"] and after[1:2] != [] and after[1] in disclosure  # "we have nothing (more) to add"
    return False


def _negation_in(tokens: list[str], sets) -> bool:
    return any(t in sets.get("negator", ()) or t.endswith("n't") for t in tokens)


def _polite_preface(tokens: list[str], end: int, sets, stops: list[int], buts: list[int]) -> bool:
    """Whether "sorry" opens "sorry to <verb> ..., but ...": politeness before a
    request or a point ("Sorry to keep on about this, but the numbers matter").
    Not "sorry to have caused", "sorry to everyone" (no verb after "to") or
    without the "but" that brings the point. ``stops``, ``buts``: :func:`_next_of`
    the tokens' sentence ends and "but"."""
    if end + 1 >= len(tokens) or tokens[end] != "to":
        return False
    verb = tokens[end + 1]
    if verb in ("have", "all", "everyone", "everybody", "anyone", "the", "my", "our", "those", "them", "you") \
            or verb in sets.get("self", ()) or verb in sets.get("other", ()) or not verb.isalpha():
        return False
    return buts[end + 2] < stops[end + 2]  # a "but" before the sentence ends


def _condolence(tokens: list[str], sets) -> bool:
    """Whether the text speaks of a death or a loss ("condolences", "his
    passing", "the family's loss"; not "the loss of service")."""
    words = sets.get("condolence", frozenset())
    return any(t in words and not (t == "loss" and k + 1 < len(tokens) and tokens[k + 1] == "of")
               for k, t in enumerate(tokens))


def _answered_no(tokens: list[str], end: int, sets, stops: list[int]) -> bool:
    """Whether the cue's sentence is a question answered no: "Did it surprise me?
    No.", "Regret it? Never.", "Apologise? For what?" (a counter-question that
    refuses it). "Was I shocked? Absolutely." stands. ``stops``: :func:`_next_of`
    the tokens' sentence ends."""
    k = stops[end]
    if k >= len(tokens):
        return False
    if tokens[k] != "?":
        # an ironic retraction as the next sentence: "I'm surprised you asked. Not really."
        after = tokens[k + 1:k + 4]
        return after[:2] == ["not", "really"] and (len(after) == 2 or after[2] in (".", "!"))
    a = k + 1
    if tokens[a:a + 2] in (["me", "?"], ["us", "?"]):
        a += 2  # (tone-28) an echo of who is asked: "Apologise? Me? Never."
    while a < len(tokens) and a < k + 4 and tokens[a] in sets["answer_adverbs"]:
        a += 1  # "Honestly, no.", "Well, no."
    answer = tokens[a:a + 3]
    if not answer:
        return False
    if answer[0] == "there" and len(answer) == 3 and answer[1] in ("was", "is", "were", "'s") and answer[2] == "no":
        return True  # "A mistake? There was no mistake on our part."
    first = answer[0]
    if first in sets.get("answer_no", ()) or first.endswith("n't"):
        return True
    if first in ("i", "we") and (answer[1:3] == ["have", "none"] or answer[1:3] == ["have", "no"]
                                 and tokens[a + 3:a + 4] and tokens[a + 3] in sets.get("generic_cue_nouns", ())):
        # (tone-25) "My one regret? I have none.", "Regrets? We have no regrets." Only
        # a regret noun after "have no" denies: "My one regret? I have no medal to show
        # for it" names the regret (generic_cue_nouns: the regret nouns)
        return True
    if len(answer) > 1 and answer[1] == "not" and first in sets.get("answer_degree", ()):
        return True  # "Absolutely not.", "Certainly not."
    return answer[:2] in (["for", "what"], ["what", "for"]) or answer[:3] == ["of", "course", "not"] \
        or (first == "why" and len(answer) > 2 and answer[1] in ("would", "should") and answer[2] in sets.get("self", ()))




def _any_subjects(sets) -> frozenset[str]:
    """Subjects of a question that expects "no" ("Is anyone surprised?", "Who's
    shocked by that?"): the ``generic`` words of tone-context.txt that pick out
    any one ("anyone", "anybody", "whoever"), and the interrogative "who"."""
    return frozenset(w for w in sets.get("generic", ()) if w.startswith(("any", "who"))) | {"who"}


def _speaker_objects(sets) -> frozenset[str]:
    """The speaker as an object ("it stunned me", "we surprised ourselves"): the
    ``self`` words of tone-context.txt that are ``object`` words or reflexives."""
    objects = sets.get("object", frozenset())
    return frozenset(w for w in sets.get("self", ()) if w in objects or w.endswith(("self", "selves")))


def _rhetorical_question(tokens: list[str], start: int, clause_start: int, stops: list[int], sets) -> bool:
    """Whether the cue is in a question asked to expect "no": its subject is
    "anyone"/"anybody" or "who" ("Is anyone really surprised?", "Who's shocked by
    that?", "Does anybody regret it?"), or a yes/no question (an auxiliary first)
    with "really"/"honestly" before the cue ("Are we really surprised?"). "Was I
    surprised?" alone and "Can you believe it?" ask; they do not deny."""
    if start <= clause_start or start - clause_start > 6 or _sentence_end(tokens, start, stops) != "?":
        return False
    before = tokens[clause_start:start]
    anyone = _any_subjects(sets)
    if any(t in anyone for t in before if not t.startswith("who")) or (before[0] in anyone and len(before) > 1):
        return True
    return before[0] in sets["inverted_auxiliaries"] and any(t in sets["rhetorical_adverbs"] for t in before[1:])


def _fronted_negation(facts: _Facts, start: int, clause_start: int) -> bool:
    """Whether a negation opening the clause scopes over the cue, with the
    auxiliary before its subject: "Not once did I regret it", "Never once have we
    apologised", "At no point was I surprised". With "so"/"such"/"more" it is
    emphatic, not negative: "Never have I been so shocked"."""
    tokens = facts.tokens
    if start - clause_start < 2:
        return False
    first, second = tokens[clause_start], tokens[clause_start + 1]
    opening = first in _FRONTED_NEGATORS or (first in ("at", "in", "on", "under") and second == "no")
    if not opening:
        return False
    # the first auxiliary before a subject pronoun; an emphatic word after it
    return bool(facts.inversion(clause_start + 1, start))


def _negative_subject(facts: _Facts, start: int, clause_start: int) -> bool:
    """Whether a negative quantifier is the subject of the cue's clause: "None of
    us were shocked", "Nothing about this is surprising", "Nothing he does
    surprises me". Not when a verb of its own stands between ("Nothing prepared
    me for how shocked I was"): only function words may."""
    tokens, sets = facts.tokens, facts.sets
    # the clause's first word that is not a function word: the quantifier, or no negative subject
    k = facts.first_not_function(clause_start)
    if k >= start:
        return False
    w = tokens[k]
    if w in facts.sets["negative_quantifiers"] or (w == "no" and k + 1 < start and tokens[k + 1] == "one"):
        rest = k + 1  # the words tokens[rest:start] between it and the cue
        if rest < start and tokens[rest] in ("about", "in", "on", "from", "at") and w in ("nothing", "nobody", "none"):
            # the quantifier's own phrase: "Nothing about his behaviour shocks me"
            m = 1
            while m < start - rest and m <= 4 and tokens[rest + m] not in facts.sets["verb_group"]:
                m += 1
            rest += m
        # (a noun led by a determiner may stand in its relative clause: "Nothing
        # that man does surprises me", "nothing the council says shocks us")
        return start - rest <= 6 and all(t in facts.sets["function_words"] or t in sets.get("self", ()) or t in sets.get("other", ())
                                         or t in sets.get("addressee", ())
                                         or (i > rest and tokens[i - 1] in facts.sets["determiners"] and t.isalpha()
                                             and t not in facts.sets["verb_group"])
                                         for i, t in enumerate(tokens[rest:start], rest))
    return False




# How far back from a regret cue its relative "who" is looked for (a bounded look back).
_RELATIVE_REACH = 8


def _relative_subject(tokens: list[str], capitals: list[bool], start: int, clause_start: int, sets) -> bool:
    """Whether a regret cue's subject is the relative "who" after a noun of someone
    else's ("the younger users who naively assume", "the ministers who made
    mistakes"), with only adverbs and its verb group between "who" and the cue;
    not the speaker ("we who made mistakes", "those of us who") nor anyone
    (``generic``: "Anyone who sells now is making a mistake")."""
    k = start - 1
    while k > 0 and k >= max(clause_start - 1, start - _RELATIVE_REACH) and (tokens[k] in sets["verb_group"] or tokens[k] in sets["determiners"]
                                             or (tokens[k].endswith("ly") and len(tokens[k]) > 4)):
        k -= 1
    if k < 1 or tokens[k] != "who":
        return False
    noun = tokens[k - 1]
    if noun in sets.get("self", ()) or noun in sets.get("generic", ()) or noun == "of":
        return False
    return noun.isalpha() and not _function_word(noun, sets)


def _function_word(word: str, sets) -> bool:
    """Whether a word is a grammatical word (pronoun, determiner, auxiliary, preposition,
    conjunction, negator) or an adverb in -ly: no content word a noun could premodify."""
    return word in sets["function_words"] or word in sets["not_heads"] or word in sets["verb_group"] or word in sets["determiners"] \
        or word in sets["subject_pronouns"] or word in sets["auxiliaries"] or word in sets["negative_pronouns"] \
        or word in sets.get("self", ()) or word in sets.get("other", ()) or word in sets.get("addressee", ()) \
        or word in sets.get("object", ()) or word in sets.get("negator", ()) or word in sets.get("hedge", ()) \
        or word in ("and", "or", "but", "nor", "yet", "then", "again", "here", "now", "too", "indeed", "though",
                    "either", "not", "ever", "enough") \
        or (word.endswith("ly") and len(word) > 4)


def _jolted(tokens: list[str], start: int, end: int, clause_start: int, clause_end: int, sets) -> bool:
    """Whether "shock" is a physical jolt: a source or deliverer of one ("jolt" in
    tone-context.txt) a few words before or after it in its clause ("the shock
    from the blast", "delivers a small shock", "an electrical shock")."""
    jolt = sets.get("jolt", frozenset())
    return any(t in jolt for t in tokens[max(clause_start, start - 3):start]) \
        or any(t in jolt for t in tokens[end:min(clause_end, end + 4)])


def _finder(tokens: list[str], start: int, clause_start: int, sets) -> str | None:
    """Who finds a shock word true of something ("found the decision shocking"):
    "self" for "I"/"we" or no subject, "other" for any other subject of a verb of
    finding a few words before the cue; None when there is no such verb."""
    for j in range(start - 1, max(clause_start, start - 6) - 1, -1):
        if tokens[j] in sets["find_forms"]:
            k = j - 1
            while k >= clause_start and (tokens[k] in sets["verb_group"] or (tokens[k].endswith("ly") and len(tokens[k]) > 4)
                                          or tokens[k] in sets.get("hedge", ())):
                k -= 1
            if k < clause_start or tokens[k] in sets.get("self", ()) or tokens[k] in sets["complementisers"]:
                return "self"
            if any(t in sets["predicate_copula"] for t in tokens[j + 1:start]) \
                    and any(t == "what" for t in tokens[max(clause_start, k - 3):k]):
                # (tone-27) "What they found was appalling", "What the inspectors found
                # was shocking": the free relative is the subject of "was" and the
                # speaker judges what was found ("They found it appalling" is theirs).
                return "self"
            return "other" if tokens[k].isalpha() else "self"
    return None


def _inner_speech(facts: _Facts, start: int) -> str | None:
    """(tone-27) The reading of words of disbelief said to oneself (kind inner):
    "shock_state" after a frame of inner speech (``inner_speech``: "thinking",
    "to myself") in their sentence whose subject is the speaker ("I remember
    thinking: ...", "I said to myself, ..."), "shock_other" after another's
    ("She kept thinking, this can't be real"); None with no frame."""
    tokens, sets = facts.tokens, facts.sets
    first = facts.sentence_first(start, start)
    frames = [k for k in range(first, start) if tokens[k] in sets["inner_speech"]]
    if not frames:
        return None
    persons = sets.get("self", frozenset()) | sets.get("other", frozenset())
    who = next((t for t in tokens[first:frames[0]] if t in persons), None)
    if who is None or who in sets.get("self", ()) or tokens[frames[0]] in sets["self_objects"]:
        return "shock_state"
    return "shock_other"


def _surprise_as_tactic(tokens: list[str], start: int, clause_start: int, clause_end: int, sets) -> bool:
    """(tone-27) Whether a bare "surprise" (no determiner) is a tactic: the object
    of a verb of using ("used surprise"), or the subject of a copula whose
    predicate names a tactic (``tactic_nouns``: "Surprise is our best weapon",
    "Surprise was on our side"). "Surprise is an understatement" (no tactic) is not."""
    if start > clause_start and tokens[start - 1] in sets["wielding"]:
        return True
    if start != clause_start or start + 1 >= clause_end or tokens[start + 1] not in sets["predicate_copula"]:
        return False
    return any(t in sets["tactic_nouns"] for t in tokens[start + 2:min(clause_end, start + 6)])


def _speaker_left(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """Whether the speaker is the object of a causative verb before a state cue,
    past adverbs of degree: "it left me utterly stunned", "that made us so angry"."""
    j = start - 1
    while j >= clause_start and (tokens[j] in sets["degree_adverbs"] or (tokens[j].endswith("ly") and len(tokens[j]) > 4)):
        j -= 1
    return j - 1 >= clause_start and tokens[j] in ("me", "us") and tokens[j - 1] in sets["causatives"]


def _contrasted_away(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """Whether the cue is the rejected side of a contrast: "predictable rather than
    surprising", "sad instead of shocking" (degree adverbs may stand between)."""
    j = start - 1
    while j >= clause_start and tokens[j] in sets["degree_adverbs"]:
        j -= 1
    return j - 1 >= clause_start and (tokens[j - 1], tokens[j]) in _CONTRASTS


def _proposed(tokens: list[str], start: int, end: int, clause_start: int) -> bool:
    """Whether a "mistake" judges a proposed action ("it is a mistake to rule out",
    "a big mistake for us to"), which is advice, not regret; "it was a mistake
    to trust him" looks back and stays."""
    if end >= len(tokens) or tokens[end] not in ("to", "for") or not tokens[start].startswith("mistake"):
        return False
    return not any(t in ("was", "were", "been") for t in tokens[max(clause_start, start - 4):start])


def _subject(facts: _Facts, start: int, end: int, clause_start: int, clause_end: int,
             skip_objects: bool = False) -> str | None:
    """Whose cue it is: the nearest person word before it in its clause, else "I"/"we" just after.

    With ``skip_objects``, an object pronoun right after a verb is not the
    owner ("I owe you an apology", "they owe us an apology").
    """
    tokens, capitals, sets = facts.tokens, facts.capitals, facts.sets
    who = facts.last_person(clause_start, start, skip_objects)
    if who is None and clause_start > 1 and tokens[clause_start - 1] in ("and", "but", "or"):
        # A coordinated verb shares the subject of the clause before: "I am
        # troubled by the reaction and regret any misunderstanding".
        before = max(0, clause_start - 1 - 12)
        who = _person(tokens[before:clause_start - 1], capitals[before:clause_start - 1], sets, first=False)
    if who is None:
        # "the biggest mistake of my life", "an apology from me"; a person after
        # the cue is otherwise its object ("a mistake to trust him"), not its owner.
        self_words = sets.get("self", frozenset())
        if any(t in self_words for t in tokens[end:min(clause_end, end + 3)]):
            who = "self"
    return who


# -- tone-17 readings ------------------------------------------------------------------



def _experiencer_object(tokens: list[str], capitals: list[bool], start: int, end: int, clause_start: int,
                        clause_end: int, sets) -> str | None:
    """The object of an active shock verb, who feels the shock: "self" for "me"/"us"
    ("The figures shocked me", "it really stunned us", "it astonishes me"),
    "other" for another ("it shocked him", "it stunned the fans"), None when the
    cue is no active verb with an object ("I was shocked the council did
    nothing", "the stunned fans", "it left me stunned")."""
    word = tokens[start]
    if end != start + 1 or end >= clause_end or start <= clause_start:
        return None
    if not (word.endswith("ed") or word in sets["shock_verb_forms"]):
        return None
    j = start - 1
    while j >= clause_start and (tokens[j] in sets["degree_adverbs"] or tokens[j] in ("really", "absolutely", "completely")
                                 or (tokens[j].endswith("ly") and len(tokens[j]) > 4)):
        j -= 1
    if j < clause_start:
        return None
    before = tokens[j]
    speaker = _speaker_objects(sets)
    if before in sets["state_before"] or before in sets["determiners"] or before in sets["causatives"] or before in speaker \
            or before in ("him", "them", "her") or not before.replace("'", "").isalpha():
        return None
    # the subject before the verb: a pronoun, or the head of a noun phrase led by a
    # determiner or a name ("the figures shocked me", "Her answer stunned me");
    # "Im surprised the council ...", "pleasantly surprised the industry ..." are states
    subject = before in sets["thing_subjects"] or before in sets["subject_pronouns"] or capitals[j] or any(
        tokens[d] in sets["determiners"] or tokens[d] == "what" for d in range(max(clause_start, j - 3), j))
    if not subject:
        return None
    obj = tokens[end]
    if obj in speaker:
        return "self"
    if obj in sets["other_objects"] or (capitals[end] and obj.isalpha() and obj != "i"):
        # "it stunned everyone in the room, me included", "it shocked all of
        # them, including me": the speaker is named among those it shocked.
        return "self" if _speaker_included(tokens, end, speaker) else "other"
    return None


def _others_exclamation(facts: _Facts, start: int, clause_start: int) -> bool:
    """Whether an interjection is what someone else said: a saying verb ("said",
    "went", "shouted") right before it, whose subject is not the speaker ("My
    wife said 'oh my God'", "he just went wow"); "I said oh my God" stays."""
    tokens = facts.tokens
    k = start - 1
    if k < clause_start or tokens[k] not in facts.sets["exclaiming"]:
        return False
    who = _noun_phrase_subject(facts, k, clause_start, cue_noun=False) or facts.last_person(clause_start, k)
    return who == "other"




def _relative_clause_subject(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """Whether a state cue's subject is a noun phrase whose relative clause holds
    the speaker: "The staff I spoke to were horrified", "Everyone we met was
    stunned", "the families that we visited were appalled". "My wife and I were
    stunned" and "we were all horrified" stay the speaker's."""
    j = start - 1
    while j >= clause_start and (tokens[j] in sets["degree_adverbs"] or (tokens[j].endswith("ly") and len(tokens[j]) > 4)
                                 or tokens[j] in ("left", "all", "both")):
        j -= 1
    if j < clause_start or tokens[j] not in sets["predicate_copula"]:
        return False
    while j - 1 >= clause_start and tokens[j - 1] in ("have", "had", "has", "been", "all"):
        j -= 1
    self_words = sets.get("self", frozenset())
    # back over the relative clause's verb and its preposition, to its subject "I"/"we"
    k = j - 1
    steps = 0
    while k >= clause_start and steps < 4 and tokens[k] not in ("i", "we"):
        if not tokens[k].isalpha() or tokens[k] in self_words or tokens[k] in sets["predicate_copula"]:
            return False
        k -= 1
        steps += 1
    if k < clause_start or tokens[k] not in ("i", "we") or steps == 0:
        return False
    if _function_word(tokens[k + 1], sets) and tokens[k + 1] not in ("have", "had"):
        return False  # the relative clause's verb ("spoke", "met", "know", "love")
    m = k - 1
    if m >= clause_start and tokens[m] in ("that", "who", "whom"):
        m -= 1
    if m < clause_start:
        return False
    head = tokens[m]
    if head in sets.get("generic", ()):
        return True  # "Everyone I spoke to was stunned", "people we met were horrified"
    if head in ("and", "or") or head in self_words or not head.isalpha() or _function_word(head, sets):
        return False
    # a noun led by a determiner: "The staff I spoke to", "the families that we visited"
    d = next((d for d in range(max(clause_start, m - 3), m) if tokens[d] in sets["determiners"]), None)
    if d is not None and d > 0 and tokens[d - 1] in sets.get("report", ()):
        # (tone-28) the object of a verb of telling, its clause the complement: "I
        # told my wife I had never been so surprised" (no relative clause)
        return False
    return d is not None


def _phrase_head(tokens: list[str], start: int, clause_start: int, sets) -> int:
    """Where the phrase a cue completes begins, for the reach of a negation before
    it: the verb of "came as a (complete) surprise" and of finding something so
    ("found the verdict shocking"); else the cue itself."""
    j = start - 1
    if j >= clause_start and tokens[j] in ("a", "an", "much", "any", "some"):
        j -= 1
    elif j - 1 >= clause_start and tokens[j - 1] in ("a", "an") and tokens[j].isalpha():
        j -= 2  # "as a complete surprise"
    if j - 1 >= clause_start and tokens[j] == "as" and tokens[j - 1] in ("came", "come", "comes", "coming"):
        return j - 1
    for f in range(start - 1, max(clause_start, start - 6) - 1, -1):
        if tokens[f] in sets["find_forms"]:
            return f
    return start


def _exclaimed_hypothetical(tokens: list[str], start: int, clause_start: int) -> bool:
    """Whether the cue is the adjective of an exclamative "how" whose clause is
    hypothetical, with the modal after the cue: "Imagine how shocked we'd all be
    if ...", "how surprised they would be". "How shocked I was" is not."""
    if start <= clause_start or tokens[start - 1] != "how":
        return False
    return any(t in ("would", "'d", "could", "might") for t in tokens[start + 1:start + 4])


def _economic_shock(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """Whether "shock" names a shock to the economy by the noun before it, or the
    last part of a compound ("a supply shock", "an oil-price shock", "the
    interest-rate shock"): its modifier is an ``economy`` word."""
    if start <= clause_start:
        return False
    before = tokens[start - 1].rpartition("-")[2]
    return before in sets.get("economy", ())


# How far into its clause a subject naming anyone still owns a regret cue.
_GENERIC_REACH = 15
# The relative words that open a relative clause on a subject ("people who were shocked").
_RELATIVES = frozenset({"who", "that"})


def _generic_subject(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """Whether the clause of a regret cue opens with a subject that names anyone
    ("generic" in tone-context.txt: "Anyone who sells now is making a mistake",
    "Whoever did this made a mistake"), with no I/we before the cue."""
    if start - clause_start < 2 or start - clause_start > _GENERIC_REACH or tokens[clause_start] not in sets.get("generic", ()):
        return False  # (bounded: linear on long unpunctuated lines)
    self_words = sets.get("self", frozenset())
    return not any(t in self_words for t in tokens[clause_start:start])


def _generic_statement(tokens: list[str], start: int, end: int, clause_start: int, clause_end: int, sets) -> bool:
    """Whether a bare regret noun (or a gerund of it: "saying sorry", "making
    mistakes") opens its clause as the subject of a present-tense verb: a
    generic truth ("Regret is pointless", "Mistakes happen", "Sorry seems to be
    the hardest word"), no one's regret."""
    if end != start + 1 or tokens[start] not in sets["generic_cue_nouns"] or end >= clause_end:
        return False
    if start != clause_start and not (start == clause_start + 1 and tokens[clause_start].endswith("ing")
                                      and len(tokens[clause_start]) > 4):
        return False
    if tokens[start] == "sorry" and tokens[end] not in ("is", "seems", "'s", "means"):
        return False  # "Sorry, can't help", "Sorry don't follow you": the speaker's "I" left out
    return tokens[end] in sets["present_verbs"]




def _organisation_offers_own(facts: _Facts, start: int, clause_start: int) -> bool:
    """Whether an apology noun after "its"/"their" is the object of a plain-present
    verb of giving whose subject is an organisation: it apologises itself ("The
    company offers its sincere apology", "the organisers extend their
    apologies"); "The company rejected his apology", "the minister offers his
    apology" (a person) and "has issued its apology" (a report) are not."""
    tokens = facts.tokens
    j = start - 1
    while j > clause_start and j >= start - 4 and tokens[j] not in ("its", "their"):
        if not tokens[j].isalpha() or tokens[j] in facts.sets["determiners"]:
            return False
        j -= 1  # "its sincere", "their deepest and most sincere"
    if j <= clause_start or tokens[j] not in ("its", "their"):
        return False
    j -= 1
    while j > clause_start and tokens[j].endswith("ly") and len(tokens[j]) > 4:
        j -= 1  # "humbly offers"
    if j <= clause_start or tokens[j] not in facts.sets["offers"]:
        return False
    return tokens[j - 1].isalpha() and _organisation_name(facts, j - 1, clause_start) \
        and tokens[j - 1] not in facts.sets["auxiliaries"]


def _organisation_name(facts: _Facts, j: int, clause_start: int) -> bool:
    """Whether the subject whose head is token ``j`` is an organisation: an
    organisation noun ("group" in tone-context.txt: "the council", "the
    organisers") or a name with no given name or title in it ("Southern Rail",
    "Acme Water"; not "Maria Lopez", "Mr Okafor")."""
    tokens, capitals, sets = facts.tokens, facts.capitals, facts.sets
    if tokens[j] in sets.get("group", ()) or tokens[j] in _organisation_nouns():
        return True
    if j == clause_start:
        # a capital opening the clause says nothing: a word there that is no given
        # name is taken for the organisation ("Thameslink would like to apologise")
        return tokens[j] not in _person_name_words() and not (len(tokens[j]) > 3 and tokens[j].endswith("s"))
    if not capitals[j]:
        return False
    k = facts.before_run("not_capital", j, clause_start)
    # (the clause's first word has lost its capital: "Maria Lopez would like to")
    names = tokens[k + 1:j + 1] if k > clause_start else tokens[clause_start:j + 1]
    people = _person_name_words()
    return not any(w in people for w in names)


@functools.lru_cache(maxsize=1)
def _organisation_nouns() -> frozenset[str]:
    """Nouns of organisations and institutions (their one place: quotes.vocabulary)."""
    from quotes import vocabulary

    return vocabulary.ORG_NOUNS | vocabulary.NON_PERSON_HEADS


@functools.lru_cache(maxsize=1)
def _person_name_words() -> frozenset[str]:
    """Given names and titles (the lists' one place: quotes/data, quotes.vocabulary)."""
    from quotes import resources, vocabulary

    return frozenset(resources.first_names()) | frozenset(t.lower() for t in vocabulary.TITLES)


def _organisation_present(facts: _Facts, start: int, clause_start: int) -> bool:
    """Whether an apology verb in the plain present follows its subject, an
    organisation ("The concert organisers apologise for the delays", "the
    board regret"): it speaks of itself. "The fans apologise" is not one."""
    tokens = facts.tokens
    if tokens[start] not in ("apologise", "apologize", "regret"):
        return False
    j = start - 1
    while j >= clause_start and ((tokens[j].endswith("ly") and len(tokens[j]) > 4) or tokens[j] in ("truly", "also")):
        j -= 1
    if j < clause_start or not tokens[j].isalpha() or not _organisation_name(facts, j, clause_start):
        return False
    # A part of the organisation is some of its members, not the body speaking:
    # "Half the board regret backing him", "some of the council regret it".
    k = j - 1
    while k >= clause_start and k >= j - 3 and tokens[k] not in facts.sets["partitives"]:
        if tokens[k] in facts.sets["verb_group"] or not tokens[k].isalpha():
            break
        k -= 1
    return not (k >= clause_start and k >= j - 3 and tokens[k] in facts.sets["partitives"])




def _regret_verb(tokens: list[str], start: int, end: int) -> bool:
    """Whether "regret" at ``start`` is a verb by what follows it: a gerund, a
    pronoun object or a determiner ("the board regret backing him", "they
    regret the decision"), not a noun ("my one regret is", "a regret of mine")."""
    if tokens[start:end] != ["regret"] or end >= len(tokens):
        return False
    after = tokens[end]
    return (after.endswith("ing") and len(after) > 4) or after in ("the", "that", "it", "this", "nothing", "not", "any",
                                                                    "what", "their", "his", "her", "our", "my")


def _performing_organisation(facts: _Facts, start: int, clause_start: int) -> str | None:
    """Who performs "wishes to apologise"/"would like to apologise" when its subject
    is a noun phrase: "self" for an organisation ("The council wishes to
    apologise", "Southern Rail would like to apologise"), "other" for a person
    ("Maria Lopez would like to apologise"), None otherwise."""
    tokens = facts.tokens
    j = start - 1
    first = max(clause_start, start - _PERFORMATIVE_REACH)  # bounded: linear on long unpunctuated lines
    while j >= first and tokens[j] in facts.sets["apology_frame"] and tokens[j] != "to":
        j -= 1
    if j < clause_start or tokens[j] != "to":
        return None
    j -= 1
    while j >= clause_start and tokens[j] in ("just", "really", "also", "first", "sincerely"):
        j -= 1
    if j < clause_start:
        return None
    if tokens[j] in facts.sets["desire"] and j - 1 >= clause_start and tokens[j - 1] in ("would", "'d"):
        j -= 1
    elif tokens[j] not in facts.sets["wish_verbs"]:
        return None
    who = _noun_phrase_subject(facts, j, clause_start, cue_noun=False)
    if who != "other":
        return None
    h = j - 1
    while h >= clause_start and not tokens[h].isalpha():
        h -= 1
    return "self" if h >= clause_start and _organisation_name(facts, h, clause_start) else "other"




def _rechecked(tokens: list[str], start: int, end: int, clause_start: int, clause_end: int, sets) -> bool:
    """Whether the speaker looked at or read something again, and more than
    once (kind ``recheck`` in shock-cues.txt): "I had to read the letter three
    times", "I looked at the scoreboard twice", "I read it again and again",
    "I had to double-check the figures". Not someone else's ("he read it
    twice"), nor care ("I read the letter twice before signing")."""
    j = start - 1
    while j >= clause_start and (tokens[j] in sets["before_recheck"] or (tokens[j].endswith("ly") and len(tokens[j]) > 4)):
        j -= 1
    if j < clause_start or tokens[j] not in ("i", "we"):
        return False
    after = tokens[end:min(clause_end, end + 8)]
    if any(t in sets["care_purpose"] and not (t == "before" and any(w in sets["realising"] for w in after[i + 1:i + 5]))
           for i, t in enumerate(after)):
        # (tone-28) "before it sank in", "before I believed it": reading until the
        # news registers is disbelief; "before signing" is care
        return False
    had_to = tokens[j + 1:j + 3] == ["had", "to"]
    if not had_to and "to" in after[1:]:
        return False  # a purpose: "I read the report twice to check the figures"
    if tokens[start].startswith("double-check"):
        return True
    if not had_to and any(t == "twice" and tokens[end + i + 1:end + i + 3] in (["and", "i"], ["and", "we"])
                          for i, t in enumerate(after)):
        # (tone-25) "I read the report twice and I agree with it": a reading
        # told in passing before the speaker's considered view of it is care;
        # disbelief is forced on the reader ("I had to read it twice").
        return False
    for i, t in enumerate(after):
        following = tokens[end + i + 1:end + i + 4]
        if t == "twice" or (t == "times" and i > 0 and after[i - 1] in sets["several"]) \
                or (t == "again" and (had_to or following[:2] == ["and", "again"] or following[:1] == ["because"])) \
                or (t == "over" and following[:2] == ["and", "over"]
                    and (had_to or _realised_after(tokens, end + i, sets))) \
                or (t == "second" and after[i + 1:i + 2] == ["time"] and i > 0 and after[i - 1] == "a"):
            return True
    return False


# -- tone-20 readings ------------------------------------------------------------------

# "included" after the speaker names them among a group ("me included"): one word, read by the code.
_INCLUDED = frozenset({"included"})
# How far back a verb of pretence (``pretence``) governs a cue.
_PRETENCE_REACH = 6


def _denied_amount(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """Whether the cue is the noun of a denied least amount: "Not a shred of
    remorse", "without an ounce of regret", "not the slightest hint of
    surprise": to deny the least amount of a feeling is to deny it. "a shred
    of regret" and "a hint of surprise" alone stay (a little is some)."""
    if start - 3 < clause_start or tokens[start - 1] != "of" or tokens[start - 2] not in sets["least_amounts"]:
        return False
    k = start - 3
    while k >= clause_start and k >= start - 5 and tokens[k] in sets["amount_articles"]:
        k -= 1
    return k >= clause_start and k < start - 3 and tokens[k] in sets["amount_negators"]


def _negative_stranded_object(tokens: list[str], start: int, end: int, clause_start: int, stop: int, sets) -> bool:
    """Whether the cue's preposition is stranded and its object is a negative
    pronoun before it: "There's nothing I need to apologise for", "nothing we
    should be sorry about": the relative clause on "nothing" says there is no
    object of the feeling. "There's something I need to apologise for" stays."""
    if end >= stop or tokens[end] not in ("for", "about", "over"):
        return False
    after = end + 1
    while after < stop and tokens[after] in sets["stranded_ends"]:
        after += 1
    if after < stop and tokens[after].isalpha():
        return False  # "apologise for the delay": the object follows
    for q in range(start - 1, max(clause_start - 1, start - 8), -1):
        if tokens[q] in sets["negative_heads"] or (tokens[q] == "one" and q > 0 and tokens[q - 1] == "no"):
            return True
    return False


def _imagined_condition(tokens: list[str], start: int, clause_start: int, stops: list[int], sets) -> bool:
    """Whether the cue is the object of an imperative "imagine" with a condition
    after it: "Imagine the shock if the minnows won", "picture the regret if we
    lose": a feeling in a situation made up. "Imagine my shock when I opened
    the door" (a real past moment) is not."""
    first = clause_start
    while first < start and tokens[first] in ("just", "now", "so", "and", "but", "oh", "well"):
        first += 1
    if first >= start or tokens[first] not in sets["imagining"] or start - first > 4:
        return False
    return "if" in tokens[start + 1:stops[start]]


def _speaker_included(tokens: list[str], end: int, speaker) -> bool:
    """Whether the speaker is named among an object group after it: "everyone in
    the room, me included", "all of them, myself included", "the whole squad,
    including me". "everyone except me" is not."""
    stop = min(len(tokens), end + 10)
    for q in range(end + 1, stop):
        if tokens[q] in _PUNCT_BOUNDARIES:
            return False
        if tokens[q] in speaker and (tokens[q + 1:q + 2] and tokens[q + 1] in _INCLUDED
                                     or tokens[q - 1] == "including"):
            return True
    return False


def _person_noun_subject(facts: _Facts, start: int, clause_start: int) -> bool:
    """Whether a statement verb ("regrets", "apologises") follows a common noun
    that is no organisation: "My father regrets selling the house", "the
    manager regrets the substitution" report a person's feeling; "The club
    regrets", "Acme Rail apologises" are an organisation's own statement."""
    tokens = facts.tokens
    if start + 1 < len(tokens) and tokens[start + 1] in facts.sets["predicate_copula"]:
        return False  # a noun: "one of my biggest regrets is ..."
    j = start - 1
    while j >= clause_start and ((tokens[j].endswith("ly") and len(tokens[j]) > 4) or tokens[j] in ("truly", "also", "still")):
        j -= 1
    if j < clause_start or not tokens[j].isalpha() or facts.capitals[j] and j > clause_start:
        return False
    # (a word opening the clause is left to the organisation reading: "Thameslink regrets")
    return j > clause_start and not _organisation_name(facts, j, clause_start)




def _judged_act(tokens: list[str], start: int, end: int, clause_start: int, clause_end: int, sets) -> bool:
    """Whether "fool"/"idiot" judges an act: the past ("I was a fool", "I've
    been an idiot") or with the act as an infinitive after it ("I'm an idiot
    to have trusted him"). "I'm an idiot", "Welp, I'm an idiot" mock oneself."""
    if end + 1 < clause_end and tokens[end] == "to" and tokens[end + 1].isalpha():
        return True
    return any(t in sets["past_copulas"] for t in tokens[max(clause_start, start - 5):start])


# -- tone-21 readings ------------------------------------------------------------------

# How far back a condition of doing it again (``redo_openers``) is read.
_REDO_REACH = 8


def _redo_condition(facts: _Facts, start: int, clause_start: int) -> bool:
    """Whether a word of doing it again ("again", "another chance", "second
    chance", kind ``redo``) stands in a condition of the speaker's: a word that
    opens a condition a few words before it in its sentence, and no one else as
    that condition's subject ("If I faced that decision again", "Given another
    chance"; not "If he did it again", "I would never do it again")."""
    tokens, capitals, sets = facts.tokens, facts.capitals, facts.sets
    first = facts.sentence_first(start, _REDO_REACH)
    if tokens[start] == "second" and start == first:
        return True  # "Second time around, I would have done things differently"
    others = sets.get("other", frozenset()) | sets.get("addressee", frozenset())
    for k in range(start - 1, first - 1, -1):
        if tokens[k] in facts.sets["redo_openers"]:
            between = range(k + 1, start)
            if any(tokens[m] in others or (capitals[m] and tokens[m].isalpha() and tokens[m] != "i") for m in between):
                return False
            # "if" with a past form is counterfactual ("If I had another chance", "If I
            # faced that decision again"); with a present it plans ("If we play them again")
            past = sets.get("past", frozenset()) | sets.get("participle", frozenset())
            return tokens[k] != "if" or any(tokens[m] in facts.sets["past_condition"] or tokens[m] in past
                                            or (tokens[m].endswith("ed") and len(tokens[m]) > 3) for m in between)
    return False




# How far before the verb the failing noun owned as "mine"/"on me" is looked for.
_OWNING_SUBJECT_REACH = 5


def _owned_failing(tokens: list[str], start: int, end: int, clause_start: int, sets) -> str | None:
    """Whether "mine"/"ours"/"on me"/"on us" (kind ``owned``) is the predicate of a
    noun of failure (``failing`` in tone-context.txt): "self" for "The failure
    is mine", "That defeat is entirely on me", "The responsibility for this
    failure is mine"; None for "The pressure is on me", "The decision is mine
    to make" (a duty to come), "a friend of mine"."""
    if end < len(tokens) and tokens[end] == "to":
        return None
    j = start - 1
    while j >= clause_start and (tokens[j] in sets["owning_adverbs"] or (tokens[j].endswith("ly") and len(tokens[j]) > 4)
                                 or tokens[j] in ("not", "never")):
        j -= 1
    if j < clause_start or tokens[j] not in sets["owning_verbs"]:
        return None
    failing = sets.get("failing", frozenset())
    persons = sets.get("self", frozenset()) | sets.get("other", frozenset()) | sets.get("addressee", frozenset())
    for k in range(j - 1, max(clause_start, j - 1 - _OWNING_SUBJECT_REACH) - 1, -1):
        if tokens[k] in failing:
            # "The loss is ours" is bereavement (a ``condolence`` word owned), not blame;
            # "That loss is on me" takes it on
            if tokens[start] in ("mine", "ours") and tokens[k] in sets.get("condolence", ()):
                return None
            return "self"
        if not tokens[k].replace("'", "").isalpha() or tokens[k] in persons or tokens[k] in sets["verb_group"]:
            break
    return None




def _predicate_owner(tokens: list[str], end: int, clause_end: int, sets) -> str | None:
    """Whose failing the predicate after a cue noun names: "The mistakes were
    theirs", "the error was his (alone)", "the mistake was on them" -> "other";
    "... was mine", "... on me" -> "self"; None when it names no one.

    A negation right before the owner denies it: "the mistakes were not mine",
    "that mistake wasn't on me" disown the failing ("other": the speaker's
    regret is not what the noun expresses); "not theirs" names no owner, and
    "not entirely mine" (an adverb between) owns a part, so both give None."""
    k = end
    if k >= clause_end:
        return None
    verb = tokens[k]
    negated = verb.endswith("n't") and verb[:-3] in sets["owning_verbs"]  # "wasn't" as one token
    if verb not in sets["owning_verbs"] and not negated:
        return None
    k += 1
    if k < clause_end and tokens[k] in sets["owner_negators"]:
        negated = True
        k += 1
    adverbs = k
    while k < clause_end and (tokens[k] in sets["owning_adverbs"] or (tokens[k].endswith("ly") and len(tokens[k]) > 4)):
        k += 1
    if k >= clause_end:
        return None
    word = tokens[k]
    owner = None
    if word in ("on", "with") and k + 1 < clause_end:
        word = tokens[k + 1]
        if word in sets.get("self", ()):
            owner = "self"
        elif word in ("him", "her", "them", "you"):
            owner = "other"
    elif word in ("mine", "ours"):
        owner = "self"
    elif word in sets["theirs"]:
        owner = "other"
    elif k + 2 < clause_end and word in sets["determiners"] and word not in _OWN_DETERMINERS \
            and tokens[k + 2:k + 3] == ["'s"] and tokens[k + 1].isalpha():
        owner = "other"  # (tone-27) "the mistake was the referee's", "the error was the council's"
    if negated:
        return "other" if owner == "self" and k == adverbs else None
    return owner


# How far back "owe" (``owe_forms``) may govern its apology noun.
_OWED_REACH = 16


def _owed_by(facts: _Facts, start: int, stops: list[int]) -> str | None:
    """Who owes the apology noun at ``start``, when "owe" governs it over an
    indirect object of any length: "self" for "I owe everyone who voted for me
    an apology", "We owe the families of the victims a full apology"; "other"
    for "The minister owes the families an apology" and "We are owed an
    apology"; None with no "owe" before it in its sentence or in a question."""
    tokens, sets = facts.tokens, facts.sets
    if _sentence_end(tokens, start, stops) == "?":
        return None
    first = facts.sentence_first(start, _OWED_REACH)
    k = start - 1
    while k >= first and tokens[k] not in facts.sets["owe_forms"]:
        if tokens[k] in _PUNCT_BOUNDARIES:
            return None
        k -= 1
    if k < first:
        return None
    j = k - 1
    if j >= first and tokens[j] in facts.sets["predicate_copula"]:
        return "other"  # "we are owed an apology": someone else owes it
    while j >= first and (tokens[j] in facts.sets["before_owe"] or (tokens[j].endswith("ly") and len(tokens[j]) > 4)):
        j -= 1
    if j < first:
        return None
    if tokens[j] in sets.get("self", ()) and tokens[j] not in facts.sets["self_objects"]:
        return "self"
    if tokens[j] in sets.get("negator", ()) or tokens[j].endswith("n't"):
        return None  # "I don't owe ...": the negation is read elsewhere
    return "other" if tokens[j].isalpha() and tokens[j] not in facts.sets["not_heads"] else None


# How far a claim and its denying predicate (``untrue``) may stand apart.
_CLAIM_REACH = 15


def _untrue_after(tokens: list[str], k: int, stop: int, sets) -> bool:
    """Whether a copula at or right after ``k`` (before ``stop``) has a denying
    predicate ("... is nonsense", "... are wide of the mark", "... would be a
    lie"); not negated ("is not ridiculous")."""
    untrue = sets.get("untrue", frozenset())
    for c in range(k, min(stop, k + _CLAIM_REACH)):
        if tokens[c] in ("is", "are", "was", "were", "'s", "be", "seems", "seem", "sounds", "remains"):
            m = c + 1
            while m < stop and m <= c + 4 and tokens[m] in sets["before_untrue"]:
                m += 1
            return m < stop and tokens[m] in untrue
    return False


def _denied_claim(facts: _Facts, start: int, end: int, stops: list[int]) -> tuple[int, bool] | None:
    """Where what a claim says starts, and whether its sentence denies it (None: the
    cue is in no such claim):

    - the "that" clause of a noun of claim (``claim`` in tone-context.txt)
      whose predicate denies it ("The idea that I owe anyone an apology is
      ridiculous", "Claims that we were stunned are untrue") or which the
      speaker rejects ("I reject the suggestion that we made mistakes");
    - the saying after "it is/would be" + a denying word ("It would be wrong to
      claim I was shocked", "It is nonsense to say I regret it") or "not
      true" ("It's not true that I was shocked");
    - a saying as the subject of a denying predicate ("To say I regret it would
      be a lie"; "... would be an understatement" affirms it).

    A negated denying word affirms the saying ("It's not wrong to say", "It's no
    lie to say"): (where it starts, False).
    """
    tokens, sets = facts.tokens, facts.sets
    first = facts.sentence_first(start, _CLAIM_REACH)
    stop = stops[end]
    claims = sets.get("claim", frozenset())
    untrue = sets.get("untrue", frozenset())
    claiming = sets.get("claiming", frozenset())
    negators = sets.get("negator", frozenset())
    for k in range(start - 1, first - 1, -1):
        t = tokens[k]
        if t == "that" and k > first and tokens[k - 1] in claims:
            # the noun of claim: denied after the cue, or rejected before it
            if _untrue_after(tokens, end, stop, sets) \
                    or any(w in sets.get("rejecting", ()) for w in tokens[max(first, k - 5):k - 1]):
                return k + 1, True
            return None
        if t == "to" and tokens[k + 1] in claiming:
            before = k - 1
            while before >= first and tokens[before] in facts.sets["before_untrue"]:
                before -= 1
            if before >= first and tokens[before] in untrue:
                # "It would be wrong to claim"; "It's no exaggeration to say", "not wrong to say" affirm
                return k + 2, not any(w in negators or w.endswith("n't") for w in tokens[max(first, before - 3):before])
            if (before < first or tokens[before] in ("and", "but", "so")) and _untrue_after(tokens, end, stop, sets):
                # a saying as the subject: "To say I regret it would be a lie"
                return k + 2, True
            return None
        if t in ("that", "to") and k - 2 >= first and tokens[k - 1] in facts.sets["affirmed_untrue"] \
                and (tokens[k - 2] in negators or tokens[k - 2].endswith("n't")):
            return k + 1, True  # "It's not true that I was shocked"
    return None




def _feeling_owner(tokens: list[str], start: int, clause_start: int, clause_end: int, sets) -> str | None:
    """Who owns a noun of shock by its possessive: "self" for "to my
    astonishment", "much to our amazement"; "other" for "to his surprise",
    "to everyone's astonishment", "to the surprise of many"; None when no
    possessive names an owner."""
    if tokens[start] not in sets["feeling_nouns"]:
        return None
    j = start - 1
    while j >= clause_start and j >= start - 3 and tokens[j] in sets["feeling_adjectives"]:
        j -= 1
    if j < clause_start:
        return None
    t = tokens[j]
    if t in _OWN_DETERMINERS:
        return "self"
    if t in sets["others_possessives"]:
        return "other"
    if t == "'s" and j - 1 >= clause_start and tokens[j - 1].isalpha():
        return "other"  # "to everyone's surprise", "to the minister's astonishment"
    if t == "the" and j - 1 >= clause_start and tokens[j - 1] == "to" and start + 2 < clause_end \
            and tokens[start + 1] == "of":
        return "self" if tokens[start + 2] in sets.get("self", ()) else "other"  # "to the surprise of many"
    return None




def _modal_perfect_after(tokens: list[str], end: int, stop: int) -> int:
    """Where the first modal perfect ("would have", "I'd have", "wouldn't have",
    "would never have", "would've") after ``end`` starts, before ``stop`` (0: none)."""
    for k in range(end, min(stop, len(tokens))):
        t = tokens[k]
        if t in ("would've", "could've"):
            return k
        if t == "have":
            for j in range(max(end, k - 3), k):
                w = tokens[j]
                if w in ("would", "wouldn't", "could", "couldn't", "'d") or w.endswith("'d"):
                    return j
    return 0


def _future_in_past(tokens: list[str], start: int, end: int) -> bool:
    """Whether a future in the past ("would win", "we'd be", "was going to")
    stands between ``start`` and ``end`` (a modal not of a perfect)."""
    for k in range(start, end):
        t = tokens[k]
        if (t in ("would", "could", "'d") or t.endswith("'d") and t not in ("had", "'d")) \
                and tokens[k + 1:k + 2] != ["have"]:
            return True
        if t in ("was", "were") and tokens[k + 1:k + 3] == ["going", "to"]:
            return True
    return False


def _rhetorical_foresight(tokens: list[str], start: int, end: int, clause_start: int, clause_end: int, sets) -> bool:
    """Whether a verb of foreseeing (kind ``expect``) is asked "who could/would
    have ...?": disbelief that anyone foresaw it ("Who could have imagined we'd
    win five in a row?", "Who'd have believed it?"); not of a person ("Who would
    have believed him?")."""
    j = start - 1
    while j >= clause_start and tokens[j] in ("ever", "really", "possibly", "honestly"):
        j -= 1
    if j < clause_start or tokens[j] != "have":
        return False
    j -= 1
    while j >= clause_start and tokens[j] in ("ever", "really", "possibly"):
        j -= 1
    if j - 1 < clause_start or tokens[j] not in sets["foresight_modals"] or tokens[j - 1] not in ("who", "whoever"):
        return False
    return not (end < clause_end and tokens[end] in ("him", "her", "them", "you", "me", "us"))




def _gets_over_fact(tokens: list[str], end: int, clause_end: int, sets) -> bool:
    """Whether "can't get over" has for its object a fact that astonishes: nothing,
    "it"/"this"/"that", a clause ("how quickly it happened", "what happened") or
    "the fact/way/size ..." ("I can't get over the fact that we won")."""
    if end >= clause_end:
        return True
    after = tokens[end]
    if after in ("it", "this", "that", "how", "what", "just", "seeing"):
        return True
    return after == "the" and end + 1 < clause_end and tokens[end + 1] in sets["fact_nouns"]




def _sentence_adverb(tokens: list[str], capitals: list[bool], start: int, end: int, clause_start: int,
                     comma: bool, sets) -> bool:
    """Whether an -ly word of disbelief is a sentence adverb: it opens its clause
    and a comma or the clause's subject follows ("Amazingly, nobody was
    injured", "Incredibly the car was untouched", "Amazingly enough, it
    worked"), not an intensifier of the word after it ("incredibly well")."""
    if end != start + 1 or not tokens[start].endswith("ly"):
        return False
    j = start - 1
    while j >= clause_start and tokens[j] in sets["before_sentence_adverb"]:
        j -= 1
    if j >= clause_start:
        return False
    if comma:
        return True
    if end >= len(tokens):
        return False
    after = tokens[end]
    return after == "enough" or after in sets["determiners"] or after in sets["subject_pronouns"] or after in sets["negative_pronouns"] \
        or after in ("there", "nobody", "everyone", "everybody", "nothing") \
        or (capitals[end] and after.isalpha())


def _coordinated_first(tokens: list[str], clause_start: int, sets) -> int:
    """The first of a run of predicate words coordinated with a cue that opens
    its clause after "and"/"or" ("The residents were frightened and shocked",
    "scared, confused and shocked": the index of "frightened", "scared"), or -1."""
    if clause_start < 2 or tokens[clause_start - 1] not in ("and", "or"):
        return -1
    k = clause_start - 2
    first = -1
    while k >= 0 and k >= clause_start - 6:
        t = tokens[k]
        if not t.isalpha() or _function_word(t, sets) and not (t.endswith("ly") and len(t) > 4) \
                or (k > 0 and tokens[k - 1] in sets["determiners"]):
            break  # (a noun after its determiner is the subject: "the passengers, terrified and shocked")
        first = k
        k -= 1
    return first


def _named_organisation_state(facts: _Facts, start: int, clause_start: int) -> bool:
    """Whether the cue is the present-tense state of an organisation named by more
    than one word: a name with no given name or title in it ("Network Rail is
    sorry", "Southern Water is deeply sorry") or a compound ending in an
    organisation noun ("The hospital trust is truly sorry"). "Maria Lopez is
    sorry", "my client is sorry" report someone else."""
    tokens = facts.tokens
    if tokens[start] != "sorry":
        return False
    j = start - 1
    while j >= clause_start and (tokens[j] in facts.sets["sorry_degree"]
                                 or (tokens[j].endswith("ly") and len(tokens[j]) > 4)):
        j -= 1
    if j - 2 < clause_start or tokens[j] not in ("is", "are") or not tokens[j - 1].isalpha() \
            or not tokens[j - 2].isalpha() or tokens[j - 2] in facts.sets["determiners"] and tokens[j - 2] != "the":
        return False
    # the name opens the clause: "Network Rail is sorry", "The hospital trust is sorry"
    first = j - 3 if j - 3 >= clause_start and tokens[j - 3] == "the" else j - 2
    return first == clause_start and _organisation_name(facts, j - 1, clause_start)


# How far after "own" its failing object is looked for.
_OWN_OBJECT_REACH = 4


def _owns_failing(tokens: list[str], start: int, end: int, clause_start: int, clause_end: int, sets) -> str | None:
    """Whether the verb "own" has the speaker for its subject and a noun of
    failure (``failing``) for its object, after it ("I own that mistake", "we
    have to own our failures") or as the head of its relative clause ("a
    misjudgement I have to own", "an error we must own"): "self". "It's a house
    I own", "I own the company" and "a mistake he has to own" are None."""
    j = start - 1
    while j >= clause_start and (tokens[j] in sets["before_own"] or (tokens[j].endswith("ly") and len(tokens[j]) > 4)):
        j -= 1
    if j < clause_start or tokens[j] not in ("i", "we"):
        return None
    failing = sets.get("failing", frozenset())
    for t in tokens[end:min(clause_end, end + _OWN_OBJECT_REACH)]:
        if t in failing:
            return "self"
        if not t.isalpha() or t in sets["verb_group"]:
            break
    k = j - 1
    if k >= clause_start and tokens[k] in ("that", "which"):
        k -= 1
    return "self" if k >= clause_start and tokens[k] in failing else None


# How far back a body's subject of an admission (``admits``) is looked for.
_ADMITS_REACH = 8


# How far back a harm ("hurt", "suffered") may stand before "because of my" (kind "harm").
_HARM_REACH = 12


def _obliged_other(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """Whether the cue follows a verb of obligation ("have to", "needs to",
    "must", tone-context kind ``obligation``) whose subject in the clause is
    no first person: "Players have to take responsibility", "Parents need to
    apologise". "We have to take responsibility" and "I must apologise" are not."""
    k = start - 1
    while k > clause_start and tokens[k].endswith("ly") and len(tokens[k]) > 4:
        k -= 1  # "need to fully apologise"
    if k > clause_start and tokens[k] == "to" and tokens[k - 1] in sets["obligation"]:
        k -= 1
    elif not (k > clause_start and tokens[k] == "must"):
        return False
    # (adverbs are no subject: "Really need to apologise to the fans" leaves out its
    # "I", as "Need to apologise" does)
    subject = [t for t in tokens[clause_start:k] if not (t.endswith("ly") and len(t) > 4)
               and t not in sets["degree_adverbs"] and t not in sets["answer_adverbs"]]
    return bool(subject) and not any(t in sets.get("self", ()) for t in subject) \
        and not any(t in sets["negator"] or t.endswith("n't") for t in subject)


def _imperative_apology(facts: _Facts, start: int, end: int) -> bool:
    """Whether the cue is an apology demanded of the hearer: "Say sorry and we
    can all move on", "Just say you're sorry", or a bare "Apologise" opening
    its sentence with a consequence joined by "and"/"or" ("Apologise, and we
    can all move on", "Apologise or you're out"). A subject-less "Apologise for
    the delay" (the speaker's own) is not."""
    tokens = facts.tokens
    first = facts.sentence_first(start, _ADMITS_REACH)
    k = first
    while k < start and tokens[k] in facts.sets["imperative_openers"]:
        k += 1
    if tokens[k:k + 1] == ["say"] and start <= k + 3 and tokens[start] == "sorry":
        return True  # "Say sorry", "Just say you're sorry"
    if k != start or tokens[start] not in ("apologise", "apologize"):
        return False
    stop = facts._array("stop")[start - 1] if start else -1
    after = tokens[end:end + 12]
    sets = facts.sets
    for i, t in enumerate(after):
        if t in (".", "!", "?", ";"):
            break
        if t in ("and", "or") and after[i + 1:i + 2] \
                and (after[i + 1] in sets.get("self", ()) or after[i + 1] in sets["consequence_subjects"]):
            return stop < start
    return False


def _portrayed_role(tokens: list[str], start: int, clause_start: int, sets) -> bool:
    """Whether the cue describes a role the speaker plays: a verb of portraying
    (tone-context kind ``portrayal``) with a person as its object before the cue
    in its clause: "In the play I portray a woman consumed by guilt", "I play a
    man racked with regret". "I played a part in what went wrong" (a part in an
    act) and "I played badly and I'm sorry" are not."""
    for k in range(max(clause_start, start - 8), start):
        if tokens[k] in sets["portrayal"] and tokens[k + 1:k + 2] and tokens[k + 1] in sets["portrayed_openers"]:
            if tokens[k + 2:k + 3] and tokens[k + 2] in sets["role_in"] and tokens[k + 3:k + 4] == ["in"]:
                return False
            return not any(t in sets.get("self", ()) for t in tokens[k + 1:start])
    return False


def _reported_admission(facts: _Facts, start: int) -> bool:
    """Whether the cue's subject is "it"/"they" right after a past verb of
    admitting (tone-context kind ``admitted``) whose subject is no first person:
    "The company admitted (that) it had made mistakes", "The club conceded they
    got it wrong": another's admission reported. "The club admits it made
    mistakes" (an organisation's own, present) and "I admitted I had made
    mistakes" are not."""
    found = _verb_before_subject(facts, start, ("it", "they"))
    if found is None:
        return False
    first, j = found
    tokens = facts.tokens
    if j <= first or tokens[j] not in facts.sets["admitted"]:
        return False
    return not any(t in facts.sets.get("self", ()) for t in tokens[first:j])


def _verb_before_subject(facts: _Facts, start: int, subjects: tuple[str, ...]) -> tuple[int, int] | None:
    """The first token of the cue's sentence and the token before its nearest
    subject pronoun of ``subjects`` (past a "that": "admitted (that) it"), or None
    when no such pronoun stands after the sentence's first token."""
    tokens = facts.tokens
    first = facts.sentence_first(start, _ADMITS_REACH)
    k = start - 1
    while k >= first and tokens[k] not in subjects:
        k -= 1
    if k <= first:
        return None
    j = k - 1
    if tokens[j] == "that":
        j -= 1
    return first, j


def _organisation_admits(facts: _Facts, start: int) -> bool:
    """Whether the cue's subject is "it" standing for an organisation that admits
    the failing in the plain present: "The council accepts that it got this
    wrong", "The BBC accepts it fell short": the body speaks of its own act.
    "The minister accepts it was wrong" (a person: "it" is the act) and "The
    council accepted that it ..." (a report) are not."""
    found = _verb_before_subject(facts, start, ("it",))
    if found is None:
        return False
    first, j = found
    tokens = facts.tokens
    if j < first or tokens[j] not in facts.sets["admits"]:
        return False
    j -= 1
    while j >= first and (tokens[j] in ("fully", "now", "also") or (tokens[j].endswith("ly") and len(tokens[j]) > 4)):
        j -= 1
    if j < first or not tokens[j].isalpha():
        return False
    clause_start = facts.marks[j][0]
    return _organisation_name(facts, j, clause_start) and (j > clause_start or tokens[j] in facts.sets.get("group", ()))


# How far back in its sentence a hearsay frame or an urging verb is looked for.
_HEARSAY_REACH = 12


def _hearsay_of_another(tokens: list[str], start: int, sentence_first: int, sets) -> bool:
    """(tone-28) Whether the cue stands in what the speaker passes on as heard: "I
    understand the driver is very sorry", "I gather the club is sorry", "I'm told
    she regrets it", "we hear the company regrets the error". The frame is "I"/"we"
    with a ``hearsay`` verb ("told"/"informed" only passive: "I'm told", "we were
    told"), and the words between it and the cue name a subject of their own and
    no first person: "I understand people are angry, and I am very sorry" and "I'm
    told I upset people, and I regret it" are the speaker's own."""
    hearsay = sets["hearsay"]
    own = sets.get("self", frozenset())
    for j in range(start - 1, sentence_first - 1, -1):
        if tokens[j] not in hearsay:
            continue
        before = tokens[max(sentence_first, j - 3):j]
        if tokens[j] in ("told", "informed", "led"):
            framed = len(before) >= 2 and before[-1] in ("am", "are", "was", "were", "been") and \
                any(t in ("i", "we") for t in before)
        else:
            framed = before[-1:] in (["i"], ["we"])
        if not framed:
            return False
        between = tokens[j + 1:start]
        return any(t.isalpha() and t not in ("that", "very", "so", "really", "deeply", "truly") for t in between) \
            and not any(t in own for t in between)
    return False


def _urged_other(tokens: list[str], start: int, sentence_first: int, sets) -> bool:
    """(tone-28) Whether the cue is the infinitive of an ``urging`` verb with an
    object of its own: "I'm calling on the home secretary to apologise for his
    remarks", "We urge the chief constable to say sorry", "I ask the club to
    apologise": the one asked is to apologise, not the speaker. "I want to
    apologise", "I asked to apologise" (no object) and "They asked me to
    apologise" (the speaker asked) are none."""
    k = start - 1
    if k > sentence_first and tokens[k] == "say":
        k -= 1  # "to say sorry"
    if not (k > sentence_first and tokens[k] == "to"):
        return False
    own = sets.get("self", frozenset())
    for j in range(k - 1, max(sentence_first, k - _HEARSAY_REACH) - 1, -1):
        if tokens[j] in sets["urging"]:
            obj = tokens[j + 1:k]
            if obj[:1] == ["on"] or obj[:1] == ["upon"]:
                obj = obj[1:]
            return bool(obj) and all(t.isalpha() for t in obj) and not any(t in own for t in obj)
    return False


def _sympathy_for_person(tokens: list[str], first: int, clause_end: int, sets) -> bool:
    """(tone-28) Whether "sorry" is about or for another's relative or friend: "I'm
    so sorry about your dad", "sorry about your gran, she was a lovely lady" is
    sympathy for a person (a loss or an illness), not regret of an act; "I'm sorry
    about what I said to your dad" (an act) and "sorry about my behaviour" stay."""
    after = tokens[first:min(clause_end, first + 4)]
    if len(after) < 3 or after[0] not in ("about", "for") or after[1] not in ("your", "his", "her", "their"):
        return False
    nouns = after[2:4]
    return any(t in sets["kin"] or t in sets.get("people", ()) for t in nouns[:1]) \
        or (len(nouns) > 1 and nouns[0] in ("late", "poor", "dear", "old", "little") and
            (nouns[1] in sets["kin"] or nouns[1] in sets.get("people", ())))


def _noun_subject_denied(tokens: list[str], start: int, end: int, clause_start: int, sets) -> bool:
    """(tone-28) Whether a bare regret noun is the subject of a negated verb: "Regret
    isn't a word I use", "Regret doesn't come into it", "Remorse is not something I
    feel": the speaker denies the feeling. "Regret is all I feel now" stays."""
    if end != start + 1 or start != clause_start or end >= len(tokens) \
            or tokens[start] == "sorry" or tokens[start] not in sets["generic_cue_nouns"]:
        return False  # a bare "Sorry, didn't see that" leaves its "I" out: no noun subject
    nxt = tokens[end:end + 2]
    return nxt[0].endswith("n't") or nxt[0] == "never" or (nxt[0] in ("is", "was", "does", "did") and nxt[1:2] == ["not"])


def _speaker_on_top(tokens: list[str], start: int, end: int, stop: int, sentence_first: int, sets) -> str:
    """(tone-28) Whether the cue's negation only puts the speaker on top of a
    comparison: "Nobody regrets that decision more than I do", "No one is sorrier
    than me", "None of us was more shocked than me" (a negative subject, then "than"
    + the speaker); "I have never been more sorry", "I've never been so shocked in
    my life", "never felt so ashamed" ("never" + been/felt + more/so, or a
    comparative cue): the strongest feeling, not its absence. "Nobody regrets it
    more than he does" and "I have never been sorry" deny.

    Returns "than" when the speaker is named in the comparison (the feeling is
    theirs whatever the subject), "never" for the intensifying "never", else ""."""
    own = sets.get("self", frozenset())
    after = tokens[end:stop]
    for m, t in enumerate(after[:-1]):
        if t == "than" and after[m + 1] in own:
            before = tokens[sentence_first:start]
            return "than" if any(w in sets["negative_quantifiers"] or w == "no" for w in before[:4]) else ""
    lead = [t for t in tokens[max(sentence_first, start - 5):start] if t not in ("just", "really", "i", "we")]
    if "never" in lead:
        rest = lead[lead.index("never") + 1:]
    elif "ever" in lead and any(t.endswith("n't") or t == "not" for t in tokens[sentence_first:start]):
        rest = lead[lead.index("ever") + 1:]  # "I don't think I've ever been more sorry"
    else:
        return ""
    if rest[:1] == ["ever"]:
        rest = rest[1:]
    if rest[:1] in (["been"], ["felt"], ["be"], ["feel"]):
        rest = rest[1:]
    intense = rest in (["more"], ["so"], ["as"]) or (not rest and tokens[start].endswith(("ier", "er")) and end == start + 1)
    return "never" if intense else ""


def _pluperfect_after(after: list[str], sets) -> bool:
    """(tone-28) Whether the words after a clitic "'d" make it "had": past adverbs
    ("never", "just", "already", "ever", "not") then "been" or a past participle
    (``participle`` words, or a word in -ed): "I'd never been so shocked", "we'd
    already apologised"; "I'd be shocked", "I'd never forgive myself" are "would"."""
    k = 0
    while k < len(after) and after[k] in ("never", "just", "already", "ever", "not", "always", "only"):
        k += 1
    if k >= len(after):
        return False
    w = after[k]
    return w == "been" or w in sets.get("participle", ()) or (w.endswith("ed") and len(w) > 4)


# (tone-28) degree phrases after a regret verb or its pronoun "that": how much, not what.
_DEGREES = (("a", "little"), ("a", "bit"), ("a", "lot"), ("the", "most"), ("most",), ("slightly",),
            ("somewhat",), ("deeply",), ("so", "much"), ("very", "much"), ("enormously",), ("hugely",))


def _degree_phrase(after: list[str]) -> bool:
    """Whether ``after`` opens with a degree phrase ("a little", "the most",
    "slightly") that ends its clause or comes before "now", "is" or a comma-less
    end: "I regret that a little now", "what I regret the most is ..."."""
    for d in _DEGREES:
        if tuple(after[:len(d)]) == d:
            rest = after[len(d):]
            return not rest or rest[0] in ("now", "is", "was", "about", "today", "and", "but")
    return False


def _kept_secret(tokens: list[str], start: int, sentence_first: int, sets) -> bool:
    """(tone-28) Whether "a surprise" is a secret kept for someone: after "keep it",
    "meant to be", "supposed to be" (``secret_frames``, within four words), or in a
    sentence that says not to tell ("Don't tell her, it's a surprise")."""
    if start == 0 or tokens[start - 1] != "a":
        return False
    if any(t in sets["secret_frames"] and t != "tell" for t in tokens[max(sentence_first, start - 5):start - 1]):
        return True
    before = tokens[sentence_first:start]
    return any(t == "tell" and k > 0 and (before[k - 1].endswith("n't") or before[k - 1] in ("not", "never"))
               for k, t in enumerate(before))


def _own_act_focus(tokens: list[str], end: int, stop: int, sets) -> bool:
    """(tone-28) Whether the focus of a cleft after ``end`` ("it's that ...", "it
    would be that ...") is a clause with "I"/"we" as subject and a past or
    negated verb, not a modal: "it's that I didn't speak up sooner", "it would be
    that we never asked", "... is how I treated them"; "it's that we'd have more
    time" wishes, it regrets nothing."""
    for m in range(end, stop - 1):
        if tokens[m] in ("is", "'s", "be", "was") and tokens[m + 1] in _OWN_DETERMINERS:
            return True  # "... is my attitude", "it would be our preparation"
        if m + 2 >= stop:
            break
        if tokens[m] in ("that", "how", "what", "way", "when") and tokens[m + 1] in ("i", "we"):
            verb = tokens[m + 2]
            return verb not in sets["hedge"] and (verb.endswith("n't") or verb in ("never", "was", "were", "had")
                                                 or verb.endswith("ed") or verb in sets.get("past", ()))
    return False


def _realised_after(tokens: list[str], k: int, sets) -> bool:
    """(tone-28) Whether a ``realising`` word ("sank in", "believed it") follows
    ``k`` within eight words of its sentence: "I read it over and over before it sank in"."""
    for t in tokens[k:k + 8]:
        if t in _SENTENCE_ENDS:
            return False
        if t in sets["realising"]:
            return True
    return False

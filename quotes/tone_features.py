"""Features and estimators of the tone classifier, used inside its sklearn Pipeline.

Everything here is module-level so that skops stores it by name: the shipped
model is loaded with these names on its trusted list (see
:data:`TRUSTED_TYPES`). Nothing here reads files; the cue tables come from
``quotes/data`` through :mod:`quotes.train_tone` and are stored in the fitted
model, so a model always scores with the lexicon it was trained with.

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
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin, clone
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler
from sklearn.utils.validation import check_is_fitted

# Tones in the order of the classifier's outputs.
TONES = ("regret", "shock")

# Every non-sklearn type and function a tone model file may hold; the loader
# passes exactly this list to ``skops.io.load`` (nothing else is trusted).
TRUSTED_TYPES = [
    "quotes.tone_features.LexiconFeatures",
    "quotes.tone_features.LogCountRatio",
    "quotes.tone_features.ToneHeads",
]

# Folded before tokenising, so "don’t" and "don't" are one cue.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_TOKEN_RE = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|[.!?;:()\u2014\u2013]|--")
# Clitics spelt out so that cue phrases need one spelling ("should've" = "should have").
_CLITICS = {"'ve": "have", "'m": "am", "'re": "are"}
_PUNCT_BOUNDARIES = frozenset(".!?;:()\u2014\u2013") | {"--"}
_ENDINGS_AFTER_WEAK = frozenset({"that", "how", "what", "to"})

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
# Judgements that leave a cue standing; each cue group ("apology", "horror", ...)
# also gets a column counting its standing cues, so that the classifier can
# weigh "wow" (Reddit's surprise) apart from "appalled" (news shock).
_STANDING = frozenset({"regret_self", "regret_none", "shock_state", "shock_eval",
                       "shock_weak_predicate"})


# -- shared sentiment scorers (one instance per process) -----------------------------

@functools.lru_cache(maxsize=1)
def _vader():
    """The VADER analyser; it reads the lexicon shipped inside vaderSentiment."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@functools.lru_cache(maxsize=1)
def _pattern():
    """TextBlob's PatternAnalyzer scorer (lexicon shipped inside textblob, no NLTK data)."""
    # ``textblob.en.sentiment`` is what PatternAnalyzer.analyze calls; calling it
    # directly skips a namedtuple class built on every call.
    from textblob.en import sentiment

    return sentiment


@functools.lru_cache(maxsize=16384)
def pattern_sentiment(text: str) -> tuple[float, float]:
    """TextBlob PatternAnalyzer polarity in [-1, 1] and subjectivity in [0, 1].

    Cached, because the tone stage reports these values and the classifier
    uses them as features for the same quotes.

    Args:
        text: any text.

    Returns:
        ``(polarity, subjectivity)``.
    """
    polarity, subjectivity = _pattern()(text)
    return float(polarity), float(subjectivity)


def vader_scores(text: str) -> tuple[float, float, float, float]:
    """VADER ``neg``, ``neu``, ``pos`` and ``compound`` scores of a text."""
    s = _vader().polarity_scores(text)
    return s["neg"], s["neu"], s["pos"], s["compound"]


# -- tokens and cue tables ------------------------------------------------------------

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
    for match in _TOKEN_RE.finditer(text.translate(_APOSTROPHES)):
        word = match.group()
        low = word.lower()
        start, end = match.span()
        if "'" in low and not low.endswith("n't"):
            head, _, tail = low.partition("'")
            tail = "'" + tail
            tokens += [head, _CLITICS.get(tail, tail)]
            capitals += [word[0].isupper(), False]
            spans += [(start, start + len(head)), (start + len(head), end)]
        else:
            tokens.append(low)
            capitals.append(word[0].isupper())
            spans.append((start, end))
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


def _compile_table(entries: Sequence[tuple[str, str]]) -> dict[str, list[list[str]]]:
    """Index cue phrases by first word: ``{first: [[kind, word, ...], ...]}``.

    Phrases whose first word ends in ``*`` are indexed under ``"*"`` with the
    stem. Longer phrases come first, so the longest match wins.
    """
    table: dict[str, list[list[str]]] = {}
    for kind, phrase in entries:
        # Cues are split like the texts they are matched against ("i'm" -> "i", "am").
        star = "*" if phrase.endswith("*") else ""
        words = tokenize(phrase.rstrip("*"))[0]
        words[-1] += star
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
               stems: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Longest-first, left-to-right, non-overlapping cue matches as (start, end, kind)."""
    found: list[tuple[int, int, str]] = []
    starred = table.get("*", [])
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        candidates = table.get(token, [])
        if stems and token.startswith(stems):
            candidates = candidates + starred
        best = 0
        kind = ""
        for entry in candidates:
            size = len(entry) - 1
            if size > best and i + size <= n and all(
                    _word_matches(w, tokens[i + k]) for k, w in enumerate(entry[1:])):
                best, kind = size, entry[0]
        if best:
            found.append((i, i + best, kind))
            i += best
        else:
            i += 1
    return found


# -- the lexicon transformer ----------------------------------------------------------

class LexiconFeatures(TransformerMixin, BaseEstimator):
    """Regret and shock cue counts judged in context, plus VADER and TextBlob scores.

    Args:
        regret_cues: ``(kind, phrase)`` pairs of ``regret-cues.txt``.
        shock_cues: ``(kind, phrase)`` pairs of ``shock-cues.txt``.
        context: ``(kind, word)`` pairs of ``tone-context.txt`` (negators,
            hedges, persons, copulas, clause boundaries).
        negation_window: how many tokens before a cue a negator still cancels it.
        hedge_window: how many tokens before a cue a hedge still makes it hypothetical.

    Attributes:
        regret_table_, shock_table_: the cue phrases indexed by first word.
        context_: each context kind mapped to its sorted words.
        n_features_in_: 1 (one text per row).
    """

    def __init__(self, regret_cues: Sequence[tuple[str, str]] = (),
                 shock_cues: Sequence[tuple[str, str]] = (),
                 context: Sequence[tuple[str, str]] = (),
                 negation_window: int = 3, hedge_window: int = 5) -> None:
        self.regret_cues = regret_cues
        self.shock_cues = shock_cues
        self.context = context
        self.negation_window = negation_window
        self.hedge_window = hedge_window

    def fit(self, X: Sequence[str], y: object = None) -> LexiconFeatures:
        """Compile the cue tables (the texts themselves are not used).

        Args:
            X: texts (ignored).
            y: ignored.

        Returns:
            self.
        """
        self.regret_table_ = _compile_table(self.regret_cues)
        self.shock_table_ = _compile_table(self.shock_cues)
        context: dict[str, list[str]] = {}
        for kind, word in self.context:
            context.setdefault(kind, []).append(word)
        self.context_ = {kind: sorted(set(words)) for kind, words in context.items()}
        self.groups_ = sorted({f"{tone}_{kind.partition('/')[2]}"
                               for tone, cues in (("regret", self.regret_cues), ("shock", self.shock_cues))
                               for kind, _ in cues if "/" in kind})
        self.n_features_in_ = 1
        self._sets = None
        return self

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """The names of the output columns: :data:`FEATURE_NAMES`, then one per cue group."""
        check_is_fitted(self, "groups_")
        return np.asarray([*FEATURE_NAMES, *(f"{g}_standing" for g in self.groups_)], dtype=object)

    def transform(self, X: Sequence[str]) -> np.ndarray:
        """Score each text.

        Args:
            X: texts (quotes).

        Returns:
            A float array of shape ``(len(X), len(FEATURE_NAMES) + len(groups_))``:
            the named features, then one count of standing cues per cue group.
        """
        check_is_fitted(self, "regret_table_")
        sets = self._context_sets()
        out = np.zeros((len(X), len(FEATURE_NAMES) + len(self.groups_)), dtype=np.float64)
        for row, text in enumerate(X):
            out[row] = self._features(str(text), sets)
        return out

    def __getstate__(self) -> dict:
        # The word sets are a cache rebuilt from the fitted tables; keep them out of the file.
        state = self.__dict__.copy()
        state.pop("_sets", None)
        return state

    def _context_sets(self) -> dict:
        sets = getattr(self, "_sets", None)
        if sets is None:
            sets = {kind: frozenset(words) for kind, words in self.context_.items()}
            sets["regret_stems"] = _stems(self.regret_table_)
            sets["shock_stems"] = _stems(self.shock_table_)
            self._sets = sets
        return sets

    def _judged_cues(self, text: str, sets: dict) -> tuple[list[tuple[int, int]], list[tuple[int, int, str, str]]]:
        """Token spans of the text and its cue matches as (first, end, feature, group)."""
        tokens, capitals, spans = tokenize(text)
        marks = _clause_marks(tokens, sets.get("boundary", frozenset()))
        # A capital that opens a clause says nothing; elsewhere it marks a name.
        capitals = [c and marks[i][0] != i for i, c in enumerate(capitals)]
        judged: list[tuple[int, int, str]] = []
        for start, end, kind in _find_cues(tokens, self.regret_table_, sets["regret_stems"]):
            kind, _, group = kind.partition("/")
            feature = self._judge_regret(tokens, capitals, marks, start, end, kind, sets)
            if feature:
                judged.append((start, end, feature, "regret_" + group))
        for start, end, kind in _find_cues(tokens, self.shock_table_, sets["shock_stems"]):
            kind, _, group = kind.partition("/")
            feature = self._judge_shock(tokens, capitals, marks, start, end, kind, sets)
            if feature:
                judged.append((start, end, feature, "shock_" + group))
        return spans, judged

    def _features(self, text: str, sets: dict) -> list[float]:
        spans, judged = self._judged_cues(text, sets)
        regret = dict.fromkeys(REGRET_FEATURES, 0.0)
        shock = dict.fromkeys(SHOCK_FEATURES, 0.0)
        groups = dict.fromkeys(self.groups_, 0.0)
        for _, _, feature, group in judged:
            (regret if feature in regret else shock)[feature] += 1.0
            if feature in _STANDING and group in groups:
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

    def _judge_regret(self, tokens, capitals, marks, start, end, kind, sets) -> str | None:
        if kind == "formula":
            return "regret_formula"
        clause_start, clause_end = marks[start]
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
            who = _person(wished, capitals[end:end + len(wished)], sets, first=False)
            if who == "other":
                return "regret_other"
        if self._negated(tokens, start, end, clause_start, clause_end, sets):
            return "regret_negated"
        if self._hedged(tokens, start, clause_start, sets) or _proposed(tokens, start, end, clause_start):
            return "regret_hedged"
        if kind == "wish":
            return "regret_self"
        if kind == "wrong":
            # "wrong" is self-blame only with the speaker as its subject ("I was
            # wrong", "we got it wrong"); otherwise it judges someone or something
            # else ("dangerously wrong", "I think that's quite wrong").
            if not _speaker_is_subject(tokens, start, clause_start, sets) or _reported(tokens, capitals, start, sets):
                return "regret_other"
            return "regret_self"
        who = _subject(tokens, capitals, start, end, clause_start, clause_end, sets)
        if who is None and any(t in sets.get("self", ()) for t in tokens[start:end]):
            # the cue names its owner: "my fault", "forgive me", "we failed", "that's on me"
            who = "self"
        if who == "self" and _reported(tokens, capitals, start, sets):
            return "regret_other"
        if who == "self":
            # "I regret they don't listen", "I'm sorry you're leaving", "sorry that
            # whoever tweeted that": the speaker's word aimed at what someone else did.
            # Not after "should have" + participle: what follows is the speaker's
            # own missed action ("I should have gone when they told us").
            first = end + 1 if end < clause_end and tokens[end] == "that" else end
            after = tokens[first:min(clause_end, first + 3)]
            if tokens[end - 1] != "have" and after and (after[0] in sets.get("addressee", ()) or _person(
                    after, capitals[first:first + len(after)], sets, first=True,
                    skip_addressee=True) == "other"):
                return "regret_self_about_other"
            return "regret_self"
        return "regret_other" if who == "other" else "regret_none"

    def _judge_shock(self, tokens, capitals, marks, start, end, kind, sets) -> str | None:
        if kind == "formula":
            return "shock_formula"
        if kind == "negated":
            return "shock_negated"
        clause_start, clause_end = marks[start]
        if self._negated(tokens, start, end, clause_start, clause_end, sets):
            return "shock_negated"
        if self._hedged(tokens, start, clause_start, sets):
            return "shock_hedged"
        if kind == "state":
            # "it surprises me", "blew my mind": the cue names its experiencer.
            if any(t in sets.get("self", ()) for t in tokens[start:end]):
                return "shock_state"
            who = _subject(tokens, capitals, start, end, clause_start, clause_end, sets)
            return "shock_other" if who == "other" else "shock_state"
        if kind == "weak":
            before = tokens[start - 1] if start > clause_start else None
            after = tokens[end] if end < clause_end else None
            # "is unbelievable", "Unbelievable.", "incredible that ..." judge
            # something; "an incredible job" only praises it.
            if before is None or before in sets.get("copula", ()) or after is None \
                    or after in _ENDINGS_AFTER_WEAK:
                return "shock_weak_predicate"
            return "shock_weak_attribute"
        return "shock_eval"

    def _negated(self, tokens, start, end, clause_start, clause_end, sets) -> bool:
        negators = sets.get("negator", frozenset())
        for t in tokens[max(clause_start, start - self.negation_window):start]:
            if t in negators or t.endswith("n't"):
                return True
        # A negated saying or thinking verb reaches further: "I've never said we
        # made a mistake", "I don't think anybody should be surprised".
        speech = sets.get("speech", frozenset())
        for j in range(clause_start, start):
            if tokens[j] in speech and any(
                    t in negators or t.endswith("n't") for t in tokens[max(clause_start, j - 3):j]):
                return True
        postneg = sets.get("postneg", frozenset())
        return any(t in postneg for t in tokens[end:min(clause_end, end + 3)])

    def _hedged(self, tokens, start, clause_start, sets) -> bool:
        hedges = sets.get("hedge", frozenset())
        return any(t in hedges for t in tokens[max(clause_start, start - self.hedge_window):start])


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


def _reported(tokens: list[str], capitals: list[bool], start: int, sets) -> bool:
    """Whether a cue sits in someone else's reported words, earlier in its sentence.

    "George Stephanopoulos told me I was mistaken": a reporting verb whose
    subject is someone else makes the first-person cue after it their claim.
    """
    report = sets.get("report", frozenset())
    k = start - 1
    while k >= 0 and tokens[k] not in (".", "!", "?"):
        if tokens[k] in report:
            first = k
            while first > 0 and tokens[first - 1] not in (".", "!", "?"):
                first -= 1
            return _person(tokens[first:k], capitals[first:k], sets, first=False) == "other"
        k -= 1
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
    for j in range(start - 1, max(clause_start, start - 5) - 1, -1):
        t = tokens[j]
        if t in self_words:
            return True
        if not (t in bridge or (t.endswith("ly") and len(t) > 4)):
            return False
    return False


def _proposed(tokens: list[str], start: int, end: int, clause_start: int) -> bool:
    """Whether a "mistake" judges a proposed action ("it is a mistake to rule out",
    "a big mistake for us to"), which is advice, not regret; "it was a mistake
    to trust him" looks back and stays."""
    if end >= len(tokens) or tokens[end] not in ("to", "for") or not tokens[start].startswith("mistake"):
        return False
    return not any(t in ("was", "were", "been") for t in tokens[max(clause_start, start - 4):start])


def _subject(tokens, capitals, start, end, clause_start, clause_end, sets) -> str | None:
    """Whose cue it is: the nearest person word before it in its clause, else "I"/"we" just after."""
    who = _person(tokens[clause_start:start], capitals[clause_start:start], sets, first=False)
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


# -- the text models and the two-headed stacked classifier ----------------------------

class LogCountRatio(TransformerMixin, BaseEstimator):
    """Scale n-gram columns by their naive-Bayes log-count ratio (NB-LR).

    Each column is multiplied by ``log(p_j / q_j)``, the ratio of how often the
    feature occurs in positive and negative rows (Wang & Manning, 2012, "Baselines
    and bigrams"); a linear model on the scaled features ranks short texts better
    than on raw TF-IDF. The last ``n_passthrough`` columns (the lexicon features)
    are left as they are.

    Args:
        n_passthrough: trailing columns not scaled.
        alpha: additive smoothing of the counts.

    Attributes:
        ratio_: the scale of every column (1 for pass-through columns).
    """

    def __init__(self, n_passthrough: int = 0, alpha: float = 1.0) -> None:
        self.n_passthrough = n_passthrough
        self.alpha = alpha

    def fit(self, X, y, sample_weight=None) -> LogCountRatio:
        """Count feature presence in the positive and negative rows of ``y``."""
        X = sp.csr_matrix(X)
        y = np.asarray(y)
        n_scaled = X.shape[1] - self.n_passthrough
        present = (X[:, :n_scaled] > 0).astype(np.float64)
        p = np.asarray(present[y == 1].sum(axis=0)).ravel() + self.alpha
        q = np.asarray(present[y != 1].sum(axis=0)).ravel() + self.alpha
        ratio = np.log((p / p.sum()) / (q / q.sum()))
        self.ratio_ = np.concatenate([ratio, np.ones(self.n_passthrough)])
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X):
        """Return ``X`` with every column scaled by :attr:`ratio_`."""
        check_is_fitted(self, "ratio_")
        return sp.csr_matrix(X) @ sp.diags(self.ratio_)


def fit_bases(bases: Sequence[BaseEstimator], X, Y, base_rows=None, cv: int = 5,
              random_state: int = 0) -> tuple[list[BaseEstimator], np.ndarray]:
    """Fit one text model per tone and score every row without leakage.

    Args:
        bases: unfitted estimators with ``decision_function``, one per tone.
        X: feature matrix of all rows.
        Y: labels, shape ``(n, len(bases))``.
        base_rows: boolean mask of the rows the text models learn from (the
            GoEmotions rows); all rows when None.
        cv: folds for the out-of-fold scores.
        random_state: seed of the fold split.

    Returns:
        The fitted models (on all base rows), and an ``(n, len(bases))`` array of
        scores: out-of-fold for base rows, from the fitted model for the others.
    """
    Y = np.asarray(Y)
    rows = np.ones(len(Y), dtype=bool) if base_rows is None else np.asarray(base_rows, dtype=bool)
    index = np.flatnonzero(rows)
    other = np.flatnonzero(~rows)
    scores = np.zeros((len(Y), len(bases)))
    fitted = []
    for k, template in enumerate(bases):
        y = Y[index, k]
        folds = StratifiedKFold(n_splits=cv, shuffle=True, random_state=random_state)
        for train, test in folds.split(index, y):
            model = clone(template).fit(X[index[train]], y[train])
            scores[index[test], k] = model.decision_function(X[index[test]])
        model = clone(template).fit(X[index], y)
        if len(other):
            scores[other, k] = model.decision_function(X[other])
        fitted.append(model)
    return fitted, scores


def fold_log_count_ratio(base: BaseEstimator) -> BaseEstimator:
    """Merge a fitted ``Pipeline([("nb", LogCountRatio), ("lr", linear model)])`` into the model.

    ``(X * ratio) @ coef`` equals ``X @ (ratio * coef)``, so the scaled
    coefficients give the same decision function with one array fewer: the
    shipped model is half the size and scores a little faster.

    Returns:
        The linear model with folded coefficients (``base`` itself if it has no ``nb`` step).
    """
    steps = getattr(base, "named_steps", None)
    if not steps or "nb" not in steps:
        return base
    linear = steps["lr"]
    linear.coef_ = linear.coef_ * steps["nb"].ratio_
    return linear


# Domains a tone model is calibrated for; the combiners see which one a text
# comes from (see :class:`ToneHeads`).
DOMAINS = ("social", "news")
# Bound of the scaled combiner inputs (see stack_inputs).
Z_CLIP = 5.0


def lexicon_block(X, n_lexicon: int) -> np.ndarray:
    """The lexicon columns of a feature matrix (its last ``n_lexicon``), dense."""
    block = X[:, X.shape[1] - n_lexicon:] if n_lexicon else np.zeros((X.shape[0], 0))
    return block.toarray() if sp.issparse(block) else np.asarray(block)


def stack_inputs(scores: np.ndarray, lexicon: np.ndarray, domain, scaler=None) -> np.ndarray:
    """What the combiners see: text scores, lexicon columns, and their domain copies.

    Args:
        scores: the text models' scores, shape ``(n, 2)``.
        lexicon: the lexicon features (:func:`lexicon_block`).
        domain: one name of :data:`DOMAINS` for every row, or a 0/1 array
            (1 = news) with one value per row.
        scaler: a fitted ``StandardScaler`` applied to scores and lexicon
            columns before the domain copies are made (the lexicon mixes counts,
            lengths and [-1, 1] scores).

    Returns:
        ``[inputs, is_news, inputs * is_news]``: shared weights plus a news-only
        copy of every input, the feature augmentation of Daumé III (2007),
        "Frustratingly easy domain adaptation". News quotes and Reddit comments
        differ in base rates and in how much a cue word means, so the news copy
        lets the few labelled news quotes adjust what Reddit taught.
    """
    inputs = np.column_stack([scores, lexicon])
    if scaler is not None:
        # z-scores are clipped: a lexicon feature rare on Reddit has a tiny
        # standard deviation, and one news quote with it would otherwise swing a
        # combiner on its own.
        inputs = np.clip(scaler.transform(inputs), -Z_CLIP, Z_CLIP)
    if isinstance(domain, str):
        if domain not in DOMAINS:
            raise ValueError(f"unknown tone domain {domain!r}; expected one of {', '.join(DOMAINS)}")
        is_news = np.full((len(inputs), 1), float(domain == "news"))
    else:
        is_news = np.asarray(domain, dtype=float).reshape(-1, 1)
    return np.column_stack([inputs, is_news, inputs * is_news])


def rule_fires(lexicon: np.ndarray, rule: Sequence[int]) -> np.ndarray:
    """Rows where a rule fires: any of its lexicon columns is non-zero."""
    if not len(rule):
        return np.zeros(len(lexicon), dtype=bool)
    return (lexicon[:, list(rule)] != 0).any(axis=1)


def apply_rule_floors(probabilities: np.ndarray, lexicon: np.ndarray, rules: Sequence[Sequence[int]],
                      rule_precision: Sequence[dict[str, float]], domain: str) -> np.ndarray:
    """Raise each tone's probability to its rule's precision where the rule fires (see ToneHeads)."""
    out = probabilities.copy()
    for k, rule in enumerate(rules):
        fires = rule_fires(lexicon, rule)
        out[fires, k] = np.maximum(out[fires, k], rule_precision[k][domain])
    return out


class ToneHeads(ClassifierMixin, BaseEstimator):
    """Regret and shock probabilities, stacked from text models and the lexicon.

    For each tone a text model (NB-scaled n-grams and lexicon features, logistic
    regression) is fitted on the rows ``base_rows`` marks (GoEmotions); a small
    combiner (logistic regression) then maps both tones' out-of-fold text scores
    and the lexicon features to the probability, and is fitted on every row with
    its sample weight, so that the news quotes weigh in where Reddit differs.
    The combiner is a Platt-style calibration of the stacked scores.

    Each tone also has a rule: a set of lexicon columns (standing first-person
    cues such as "I regret", "I was stunned"). Where the rule fires, the
    probability is at least the rule's precision measured on the training rows
    of that domain. A cue the data rarely shows ("I was naive" is almost absent
    from both corpora) then counts as much as the cues the rule's precision was
    measured on, instead of being drowned by a text model that never saw it.

    Args:
        bases: unfitted text models, one per tone in :data:`TONES` order.
        combiners: unfitted combiners, one per tone.
        n_lexicon: how many trailing feature columns are lexicon features.
        rules: per tone, the indices (within the lexicon columns) of the
            features whose presence makes the tone's rule fire; empty for none.
        cv: folds of the out-of-fold text scores.
        random_state: seed of the fold split.

    Attributes:
        bases_: the fitted text models.
        combiners_: the fitted combiners.
        rule_precision_: per tone, ``{domain: precision}`` of its rule on the
            training rows of each domain (0 where it never fired).
        classes_: ``[0, 1]`` (each head is binary).
    """

    def __init__(self, bases: Sequence[BaseEstimator] = (), combiners: Sequence[BaseEstimator] = (),
                 n_lexicon: int = 0, rules: Sequence[Sequence[int]] = (), cv: int = 5,
                 random_state: int = 0) -> None:
        self.bases = bases
        self.combiners = combiners
        self.n_lexicon = n_lexicon
        self.rules = rules
        self.cv = cv
        self.random_state = random_state

    def fit(self, X, y, sample_weight=None, base_rows=None, domain="news") -> ToneHeads:
        """Fit the text models, then the combiners on their out-of-fold scores.

        Args:
            X: feature matrix (n-gram columns, then ``n_lexicon`` lexicon columns).
            y: array of shape ``(n, 2)``: regret and shock labels (0/1).
            sample_weight: weight of each row for the combiners; shape ``(n, 2)``
                gives each tone its own weights.
            base_rows: boolean mask of the rows the text models learn from.
            domain: the domain of every row (see :func:`stack_inputs`).

        Returns:
            self.
        """
        y = np.asarray(y)
        if y.ndim != 2 or y.shape[1] != len(TONES):
            raise ValueError(f"y must have shape (n, {len(TONES)}), got {y.shape}")
        bases, scores = fit_bases(self.bases, X, y, base_rows, self.cv, self.random_state)
        return self.fit_from_scores(bases, scores, X, y, sample_weight, domain)

    def fit_from_scores(self, bases, scores, X, y, sample_weight=None, domain="news") -> ToneHeads:
        """Fit the combiners on text models already fitted by :func:`fit_bases`.

        What :meth:`fit` does after fitting the text models; training uses it to
        cross-validate the combiners without refitting the text models.

        Returns:
            self.
        """
        y = np.asarray(y)
        lexicon = lexicon_block(X, self.n_lexicon)
        # Scaled on the shared inputs only, before the domain copies are made.
        self.scaler_ = StandardScaler().fit(np.column_stack([scores, lexicon]))
        inputs = stack_inputs(scores, lexicon, domain, self.scaler_)
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
        self.bases_ = list(bases)
        self.combiners_ = []
        for k, combiner in enumerate(self.combiners):
            # A 2-D weight gives each tone its own weights (columns in TONES order).
            w = weights if weights is None or weights.ndim == 1 else weights[:, k]
            self.combiners_.append(clone(combiner).fit(inputs, y[:, k], sample_weight=w))
        is_news = inputs[:, scores.shape[1] + lexicon.shape[1]].astype(bool)
        self.rule_precision_ = []
        for k in range(len(self.combiners)):
            fires = rule_fires(lexicon, self.rules[k] if k < len(self.rules) else ())
            precision = {}
            for name, rows in (("social", ~is_news), ("news", is_news)):
                hits = fires & rows
                precision[name] = float(y[hits, k].mean()) if hits.any() else 0.0
            self.rule_precision_.append(precision)
        self.classes_ = np.array([0, 1])
        self.n_features_in_ = X.shape[1]
        return self

    def decision_scores(self, X) -> np.ndarray:
        """The text models' scores, shape ``(n, 2)`` (the combiners' first inputs)."""
        check_is_fitted(self, "bases_")
        return np.column_stack([b.decision_function(X) for b in self.bases_])

    def predict_proba(self, X, domain: str = "news") -> np.ndarray:
        """Probability of each tone.

        Args:
            X: feature matrix.
            domain: ``"news"`` (quotes in news articles, the default) or
                ``"social"`` (comments like GoEmotions'); probabilities are
                calibrated to the domain's base rates.

        Returns:
            Array of shape ``(n, 2)``: P(regret), P(shock) (not a distribution
            over classes: the tones are independent).
        """
        check_is_fitted(self, "combiners_")
        return self.proba_from_scores(self.decision_scores(X), X, domain)

    def proba_from_scores(self, scores: np.ndarray, X, domain: str = "news") -> np.ndarray:
        """What :meth:`predict_proba` returns, from text scores already computed."""
        lexicon = lexicon_block(X, self.n_lexicon)
        inputs = stack_inputs(scores, lexicon, domain, self.scaler_)
        probabilities = np.column_stack([c.predict_proba(inputs)[:, 1] for c in self.combiners_])
        return apply_rule_floors(probabilities, lexicon, self.rules, self.rule_precision_, domain)

    def predict(self, X, domain: str = "news") -> np.ndarray:
        """0/1 per tone at probability 0.5, shape ``(n, 2)``."""
        return (self.predict_proba(X, domain) >= 0.5).astype(int)

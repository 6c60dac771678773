"""The learned name model: does each word of a capitalised run belong to a name?

A capitalised run ("CEO Wayne Rogers", "John Podesta Tuesday", "Said Of The
Banking Crisis", "Memphis") is split by :mod:`quotes.text.names`' grammar into
title, role words and name; the words that remain are judged here, one by one,
by a logistic regression over binary features of the word, its place in the
run, its neighbours, its line (a title-case headline, a short all-caps label),
the word lists (first names, titles and roles, days and months, places,
reporting verbs, common words) and how the article uses the word elsewhere
(written in lower case? alone as a name? after a first name?). Words at the
edges of a run that are not part of a name are cut off (a role before the
name becomes a descriptor); a run none of whose words is a name is no name.

The model is trained by :mod:`quotes.training.names` and shipped as arrays
(``models/names.npz``: the feature vocabulary, its weights and the intercept);
scoring is a sum of weights per word, with no scikit-learn at run time.
"""
from __future__ import annotations

import functools
import math
from collections import Counter
from typing import Final

from quotes.model_arrays import arrays_path, load_arrays
from quotes.resources import census_first_names, common_words, demonyms, first_names, places, word_tags
from quotes.text.parsed import ParsedDoc
from quotes.vocabulary import (
    DAY_WORDS,
    HYPHEN_MODIFIER_PARTICIPLES,
    MONTH_WORDS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NON_NAME_CAPS,
    ORG_HEADS,
    PARTY_WORDS,
    REPORTING_VERBS,
    ROLE_WORDS,
    SPEAKER_NOUNS,
    TITLES,
)

NAMES_MODEL: Final = "names"
# Tokens after which a word opens a sentence (its capital says nothing).
OPENERS: Final = frozenset((".", "!", "?", ":", "—", "–", "-", "“", '"', "‘", "(", "•", "*", "|"))
_UPPER: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WORD_CACHE: Final = 200_000
# Prepositions of place before a run ("in Paris", "at Wembley"): a place more likely than a speaker.
_LOCATIVE: Final = frozenset(("in", "at", "near", "outside", "inside", "across", "around", "from", "to", "towards"))
# The coarse part of speech of a word's lower-case form in the lexicon (Penn tags by first letters).
_TAG_CLASS: Final = (("NN", "tag_noun"), ("JJ", "tag_adj"), ("VB", "tag_verb"), ("RB", "tag_adverb"))


def tag_class(low: str) -> str | None:
    """The lexicon's part of speech of lower-case ``low`` as a flag ("deaths": tag_noun,
    "nuclear": tag_adj, "encouraging": tag_verb), or None (not a dictionary word,
    or a proper noun)."""
    tag = word_tags().get(low)
    if tag is None or tag.startswith("NNP"):
        return None
    for prefix, flag in _TAG_CLASS:
        if tag.startswith(prefix):
            return flag
    return None


class ArticleUsage:
    """How one article writes its words, for the model's 'elsewhere' features."""

    __slots__ = ("lower", "capital_mid", "alone", "after_first")

    def __init__(self, lower: Counter, capital_mid: Counter, alone: Counter, after_first: Counter) -> None:
        self.lower = lower              # word -> times written so (a lower-case word: in lower case)
        self.capital_mid = capital_mid  # word -> times capitalised inside a sentence in a run, outside headlines
        self.alone = alone              # word -> one-word name mentions of it
        self.after_first = after_first  # word -> times it follows a first name in a mention

    @classmethod
    def build(cls, doc: ParsedDoc, runs: list[tuple[list[int], bool, int]]) -> ArticleUsage:
        """From the tokens and the capitalised runs (tokens, headline line?, line's first token)."""
        tokens = doc.tokens
        lower: Counter = Counter([t.text for t in tokens])  # a lower-case word's count is its own
        capital_mid: Counter = Counter()
        alone: Counter = Counter()
        after_first: Counter = Counter()
        names = first_names()
        for ks, headline, lo in runs:
            words = [_strip(tokens[k].text).lower() for k in ks]
            if not headline:
                opens = ks[0] == lo or tokens[ks[0] - 1].text in OPENERS
                for p, w in enumerate(words):
                    if p > 0 or not opens:
                        capital_mid[w] += 1
            if len(words) == 1:
                alone[words[0]] += 1
            for a, b in zip(words, words[1:]):
                if a in names:
                    after_first[b] += 1
        return cls(lower, capital_mid, alone, after_first)


def is_title_case(doc: ParsedDoc, lo: int, hi: int) -> bool:
    """The names module's headline test (imported lazily: names imports this module)."""
    from quotes.text.names import is_headline_line

    return is_headline_line(doc, lo, hi)


def _strip(word: str) -> str:
    if word[-2:] in ("’s", "'s"):
        return word[:-2]
    if word[-1:] in ("’", "'"):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=65536)
def lexicon_flags(low: str) -> tuple[str, ...]:
    """The word lists a lower-cased word is on (first names, titles, days...)."""
    out = []
    if low in common_words():
        out.append("common")
    tag = tag_class(low)
    if tag is not None:
        # a dictionary word in lower case, also where the lexicon knows it as a proper
        # noun too ("nuclear", "city", "pop", "apple", "brown"), which "common" leaves out
        out.append(tag)
    if low in first_names():
        out.append("first")
    elif low in census_first_names():
        out.append("census_first")
    if low in TITLES:
        out.append("title")
    if low in ROLE_WORDS:
        out.append("role")
    if low in REPORTING_VERBS:
        out.append("verb")
    if low in DAY_WORDS or low in MONTH_WORDS:
        out.append("date")
    if low in places():
        out.append("place")
    if low in demonyms():
        out.append("demonym")
    if low in PARTY_WORDS:
        out.append("party")
    if low in NAME_PARTICLES or low in NAME_SUFFIXES:
        out.append("particle")
    return tuple(out)


def token_features(doc: ParsedDoc, ks: list[int], headline: bool, line_lo: int, line_hi: int,
                   usage: ArticleUsage) -> list[list[str]]:
    """The binary features of each token of one capitalised run (token indices ``ks``)."""
    ctx, texts, dynamic = token_feature_parts(doc, ks, headline, line_lo, line_hi, usage)
    return [ctx + list(word_features(text)) + dyn for text, dyn in zip(texts, dynamic)]


@functools.lru_cache(maxsize=65536)
def word_features(text: str) -> tuple[str, ...]:
    """The features of a word alone (its form, shape and word lists), the same
    wherever it stands."""
    low = text.lower()
    f = [f"word:{low}", f"suf:{low[-3:]}"]
    if text.isupper() and len(text) > 1:
        f.append("shape:allcaps")
    elif len(text) == 2 and text[1] == ".":
        f.append("shape:initial")
    elif any(c.isdigit() for c in text):
        f.append("shape:digit")
    elif "-" in text:
        f.append("shape:hyphen")
    else:
        f.append("shape:title")
    if len(text) <= 3:
        f.append("shape:short")
    if text in NON_NAME_CAPS:
        f.append("lex:non_name_cap")
    if text in ORG_HEADS:
        f.append("lex:org_head")
    flags = lexicon_flags(low)
    f.extend(f"lex:{flag}" for flag in flags)
    if "-" in low and "first" not in flags and _compound_first_name(low):
        f.append("lex:first")  # "Jean-Pierre", "Anne-Marie": first names joined by a hyphen
    if hyphen_participle(text):
        f.append("shape:hyphen_participle")  # "Oscar-nominated", "Award-winning": a modifier, no name
    elif _hyphen_lower(text):
        f.append("shape:hyphen_lower")  # "Chelsea-bound", "Ki-moon": a lower-case last part
    cut = text.find("-")
    if 0 < cut < len(text) - 1 and low[:cut] in NAME_PARTICLES and text[cut + 1].isupper():
        f.append("shape:particle_hyphen")  # "Al-Assad", "el-Sisi", "bin-Salman": an article or particle joined to a name
    return tuple(f)


def _hyphen_lower(text: str) -> bool:
    """A hyphenated word whose last part is a lower-case word ("Chelsea-bound", "Ki-moon")."""
    cut = text.rfind("-")
    last = text[cut + 1:]
    return 0 < cut and last.isalpha() and last.islower()


def hyphen_participle(text: str) -> bool:
    """A hyphenated compound whose last part is a lower-case participle ("Oscar-nominated",
    "Award-winning", "Texas-born"): it modifies a noun or name, it is none itself."""
    if not _hyphen_lower(text):
        return False
    last = text[text.rfind("-") + 1:]
    return last in HYPHEN_MODIFIER_PARTICIPLES or (len(last) > 4 and last.endswith(("ed", "ing")))


def _role_follows(tokens, k: int, hi: int) -> bool:
    """True when the words from token ``k`` are up to three lower-case modifiers and
    then a role or speaker noun ("foreign affairs spokesman", "MP", "striker" is not
    on the lists): the run before them labels a role ("Lib Dem foreign affairs
    spokesman", "Tory MP"), it names no one by itself."""
    for n in range(k, min(hi, k + 4)):
        t = tokens[n].text
        low = t.rstrip(".").lower()
        if low in ROLE_WORDS or low in SPEAKER_NOUNS or low in TITLES:
            return t.islower() or n == k
        if not (t.islower() and t.replace("-", "").isalpha()):
            return False
    return False


def _noun_then_name(tokens, k: int, hi: int) -> bool:
    """True when token ``k`` is a lower-case noun of the lexicon (or a role or
    speaker noun) and the token after it a capitalised word: "star Britney", "consultancy Deloitte"."""
    if k + 1 >= hi:
        return False
    t, nxt = tokens[k].text, tokens[k + 1].text
    if not (t.isalpha() and t.islower()) or not nxt[:1].isupper():
        return False
    return t in ROLE_WORDS or t in SPEAKER_NOUNS or tag_class(t) == "tag_noun"


def _compound_first_name(low: str) -> bool:
    """True for first names joined by a hyphen ("jean-pierre", "mary-kate")."""
    names, more = first_names(), census_first_names()
    parts = low.split("-")
    for part in parts:
        if part not in names and part not in more:
            return False
    return len(parts) > 1


def token_feature_parts(doc: ParsedDoc, ks: list[int], headline: bool, line_lo: int, line_hi: int,
                        usage: ArticleUsage) -> tuple[list[str], list[str], list[list[str]]]:
    """:func:`token_features` in three parts, which scoring weighs apart: the
    run's features (the same for each of its words), each word's text (its
    :func:`word_features`) and each word's features in its place."""
    tokens = doc.tokens
    n = len(ks)
    size = "n1" if n == 1 else "n2" if n == 2 else "n3" if n == 3 else "n4"
    first_k, last_k = ks[0], ks[-1]
    before = tokens[first_k - 1].text if first_k > line_lo else ""
    after = tokens[last_k + 1].text if last_k + 1 < line_hi else ""
    opens = first_k == line_lo or before in OPENERS
    line_len = line_hi - line_lo
    line_caps = all(not tokens[k].text[:1].isalpha() or tokens[k].text.isupper() for k in range(line_lo, line_hi))
    ctx = [f"run:{size}", "line:headline" if headline else "line:body"]
    if line_len <= 6:
        ctx.append("line:short")
    if line_caps:
        ctx.append("line:allcaps")
    if opens:
        ctx.append("nbr:opens_sentence")
    if before[:1].islower():
        ctx.append("nbr:prev_lower")
    if before.lower() in ("the", "a", "an"):
        ctx.append("nbr:prev_article")
    if after[:1].islower():
        ctx.append("nbr:next_lower")
        if after.lower() in REPORTING_VERBS:
            ctx.append("nbr:next_verb")
    elif after in (",", ".", ":", ";") or not after:
        ctx.append(f"nbr:next_punct{after}")
    if after in ("’s", "'s") or _strip(tokens[last_k].text) != tokens[last_k].text:
        ctx.append("nbr:possessive")
    role_next = _role_follows(tokens, last_k + 1, line_hi)
    if role_next:
        ctx.append("nbr:next_role")
    # a lower-case noun, then a capitalised word: the run labels a kind or role of the
    # name after it ("Pop star Britney Spears", "City consultancy Deloitte", "Apple chief Tim Cook")
    noun_name = _noun_then_name(tokens, last_k + 1, line_hi)
    if noun_name:
        ctx.append("nbr:next_noun_name")
    locative = before.lower() in _LOCATIVE and before.islower()
    if locative:
        ctx.append("nbr:prev_locative")
    texts = [_strip(tokens[k].text) for k in ks]
    lows = [t.lower() for t in texts]
    lex = [lexicon_flags(low) for low in lows]
    # the run ends in a title or role, no name after it ("the Glasgow Kelvin MP")
    last_title = n > 1 and (lows[-1].rstrip(".") in TITLES or lows[-1] in ROLE_WORDS)
    if last_title:
        ctx.append("run:last_title")
        if before.lower() in ("the", "a", "an"):
            ctx.append("run:last_title&article")
    # the run's last word: a common noun or an organisation's head makes the run an
    # organisation's name ("Manchester City", "London Stock Exchange")
    if n > 1 and texts[-1] in ORG_HEADS:
        ctx.append("run:last_org_head")
    elif n > 1 and "common" in lex[-1]:
        ctx.append("run:last_common")
    names = first_names()
    dynamic = []
    for p in range(n):
        low = lows[p]
        pos = "only" if n == 1 else "first" if p == 0 else "last" if p == n - 1 else "mid"
        f = [f"pos:{pos}"]
        for flag in lex[p]:
            f.append(f"conj:{flag}&{pos}")
            if headline:
                f.append(f"conj:{flag}&headline")
            if opens and p == 0:
                f.append(f"conj:{flag}&opens")
        if p > 0:
            f.extend(f"left:{flag}" for flag in lex[p - 1])
            if "first" in lex[p - 1]:
                # a common word after a first name is a surname ("Philip Bump")
                f.extend(f"conj:{flag}&after_first" for flag in lex[p] or ("none",))
        if p < n - 1:
            f.extend(f"right:{flag}" for flag in lex[p + 1])
        if p == 0 and opens:
            f.append("conj:opens&first")
        if role_next:
            # a label before a role noun ("Lib Dem foreign affairs spokesman", "Scottish striker")
            f.extend(f"conj:{flag}&next_role" for flag in lex[p] or ("none",))
        if last_title and p < n - 1:
            f.extend(f"conj:{flag}&before_last_title" for flag in lex[p] or ("none",))
        if noun_name and p == n - 1:
            f.extend(f"conj:{flag}&next_noun_name" for flag in lex[p] or ("none",))
        if locative and p == 0:
            f.extend(f"conj:{flag}&prev_locative" for flag in lex[p] or ("none",))
        lower = usage.lower[low]
        if lower and p == 0 and (opens or headline):
            # a word the article writes in lower case elsewhere, capitalised only where a
            # line or sentence opens ("Nuclear strike ...", "... nuclear arms")
            f.append("use:lower&opens")
        f.append("use:lower0" if lower == 0 else "use:lower1" if lower == 1 else "use:lower2")
        mid = usage.capital_mid[low] - (0 if opens and p == 0 or headline else 1)
        f.append("use:capmid0" if mid <= 0 else "use:capmid1" if mid == 1 else "use:capmid2")
        if usage.alone[low] - (n == 1) > 0:
            f.append("use:alone")
        if usage.after_first[low] - (p > 0 and lows[p - 1] in names) > 0:
            f.append("use:after_first")
            # the article writes the word after a first name elsewhere, so here too it
            # is most likely that surname, whatever lists hold it ("Theresa May ... May said")
            f.extend(f"use:{flag}&after_first" for flag in lex[p] or ("none",))
        dynamic.append(f)
    return ctx, texts, dynamic


def name_block(keep: list[bool], words: tuple[str, ...] | list[str]) -> tuple[int, int] | None:
    """The words [a, b) of a run that form the name: the last block of words the
    model keeps (lower-case joiners, "of", "van", inside it), since the words a
    run carries before a name are roles and descriptions ("Tory MP Boris
    Johnson") and those after it dates and verbs; None when no word is kept."""
    b = len(keep)
    while b > 0 and not keep[b - 1]:
        b -= 1
    if b == 0:
        return None
    a = b - 1
    while a > 0 and (keep[a - 1] or (words[a - 1][:1].islower() and a - 2 >= 0 and keep[a - 2])):
        a -= 1
    while a < b and words[a][:1].islower():  # a block starts and ends with a capitalised word
        a += 1
    while b > a and words[b - 1][:1].islower():
        b -= 1
    return (a, b) if a < b else None


class NameModel:
    """Scores feature lists with a logistic regression's weights."""

    def __init__(self, vocabulary: list[str], coef: list[float], intercept: float, threshold: float,
                 applied: bool = True, judges_surnames: bool = False) -> None:
        self.weights = dict(zip(vocabulary, coef))
        self.intercept = float(intercept)
        self.threshold = float(threshold)
        self._word_weights: dict[str, float] = {}  # word_features weight of each text seen
        # False when cross-validation found no threshold at which the model keeps
        # gold speaker names as well as the grammar alone: extraction skips it.
        self.applied = bool(applied)
        # True when trained on the runs of word surnames alone ("May said" after
        # "Theresa May"), which the names grammar then hands it (names-4 on)
        self.judges_surnames = bool(judges_surnames)

    def probability(self, features: list[str]) -> float:
        weights = self.weights
        z = self.intercept
        for f in features:
            w = weights.get(f)
            if w is not None:
                z += w
        if z < -30.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def _sum(self, features: list[str] | tuple[str, ...]) -> float:
        weights = self.weights
        z = 0.0
        for f in features:
            w = weights.get(f)
            if w is not None:
                z += w
        return z

    def probabilities(self, ctx: list[str], texts: list[str], dynamic: list[list[str]]) -> list[float]:
        """The probability of each word of a run, from :func:`token_feature_parts`:
        ``probability`` of its full features, with the run's and each word's own
        weights summed once."""
        base = self.intercept + self._sum(ctx)
        cache = self._word_weights
        out = []
        for text, dyn in zip(texts, dynamic):
            w = cache.get(text)
            if w is None:
                if len(cache) > _WORD_CACHE:
                    cache.clear()  # a long batch meets ever more words: keep the memory bounded
                w = cache[text] = self._sum(word_features(text))
            z = base + w + self._sum(dyn)
            out.append(0.0 if z < -30.0 else 1.0 / (1.0 + math.exp(-z)))
        return out

    @classmethod
    def from_arrays(cls, arrays: dict, meta: dict) -> NameModel:
        return cls([str(v) for v in arrays["vocabulary"]], [float(c) for c in arrays["coef"]],
                   float(arrays["intercept"][0]), float(meta.get("threshold", 0.5)),
                   bool(meta.get("applied", True)), bool(meta.get("judges_surnames", False)))


@functools.lru_cache(maxsize=None)
def load_name_model() -> NameModel:
    """The shipped name model (``models/names.npz``)."""
    arrays, meta = load_arrays(arrays_path(NAMES_MODEL))
    return NameModel.from_arrays(arrays, meta)

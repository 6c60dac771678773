"""Per-document token facts shared by the trained stages (quote filter, speaker ranker).

Everything here is computed once per document in one pass over its tokens, so
that each feature of a quote span or a speaker candidate is a constant-time
look-up: sentence numbers, a coarse part-of-speech tag from a lexicon (no
tagger model, no download), reporting-verb positions and running counts of
commas and quote marks.

Notes:
    The part-of-speech tags come from the word lexicon that ships inside the
    pinned TextBlob wheel (Brill's lexicon, the one its PatternTagger uses), read
    as one most-frequent tag per word; context rules are left out because a
    look-up is all the features need and it costs nothing per token.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
import re
import string
from typing import Final
from dataclasses import dataclass, field

from quotes.vocabulary import (
    MINOR_WORDS,
    QUOTE_MARKS,
    CUE_NOUN_DETERMINERS,
    NON_PERSON_WORDS,
    NON_POSSESSIVE_S,
    PHRASAL_CUES,
    REPORTING_VERBS,
    WEAK_VERBS,
)
from quotes.text.names import is_headline_line
from quotes.text.parsed import ParsedDoc, token_index_near
from quotes.records import QuoteSpan
from quotes.text.segment import CAPITALS, LOWER_CASE, Token
from quotes.resources import word_tags

# Coarse tag classes, used as small integers in feature vectors.
TAG_CODES: Final = {
    "NNP": 1, "N": 2, "V": 3, "VBD": 4, "J": 5, "R": 6, "IN": 7, "DT": 8, "PRP": 9,
    "CC": 10, "CD": 11, "MD": 12, "PUNCT": 13, "QUOTE": 14, "OTHER": 15,
}
# token text -> _token_facts. Most tokens of news repeat, but names and numbers
# keep coming over a long batch, so the cache is emptied when it reaches this size.
_FACTS_CACHE: dict[str, tuple[int, int, bool, bool, bool, bool, str]] = {}
_FACTS_CACHE_LIMIT = 100_000
_SENT_END: Final = frozenset(".!?")
_PERSON_PRONOUNS: Final = frozenset("i me my we us our you your".split())
_AUX: Final = frozenset("is are was were be been am 's ’s has have had will would can could should may might must do does did".split())


def _token_facts(text: str, lexicon: dict[str, str]) -> tuple[int, int, bool, bool, bool, bool, str]:
    """What DocContext.build needs to know of a token's text, whatever its context:
    (tag code, cue code outside quotes, may open a sentence, ends a sentence,
    is a quote mark, is a comma, the next word that makes it a phrasal cue or "")."""
    low = text.lower()
    cue_code = 0 if low not in REPORTING_VERBS else (2 if low in WEAK_VERBS else 1)
    opens = text[:1].isupper() or text in QUOTE_MARKS or text[:1].isdigit()
    return (coarse_tag(text, lexicon), cue_code, opens, text in _SENT_END, text in QUOTE_MARKS, text == ",",
            PHRASAL_CUES.get(low, ""))


# Party and nationality adjectives ("Republican", "Mexican"), not the nouns that
# can head a subject themselves ("Republicans", "GOP", "Congress").
GROUP_ADJECTIVES: frozenset[str] = frozenset(
    w for w in NON_PERSON_WORDS if w.endswith(("an", "ic", "ish", "ese", "al", "ive", "ist", "ent"))
)


def is_cue_noun(tokens: list[Token], v: int, lo: int) -> bool:
    """True when the reporting-verb form at token ``v`` is a noun: after a
    determiner or a possessive ("his remarks", "the report", "Mr. Obama's
    remarks on Saturday"), unless "that" follows ("Trump’s claim that …",
    the possessor's words). Tokens before ``lo`` are not looked at."""
    if v - 1 < lo:
        return False
    low = tokens[v - 1].text.lower()
    if low in CUE_NOUN_DETERMINERS:
        return True
    word = tokens[v].text.lower()
    if not word.endswith(("s", "ed", "ing")):
        # a base form after "a" and a name is a noun too ("a Donald Trump tweet")
        k = v - 1
        while k >= lo and v - k <= 4 and tokens[k].text[:1].isupper():
            k -= 1
        if k < v - 1 and k >= lo and tokens[k].text.lower() in ("a", "an"):
            return True
    if v + 1 < len(tokens) and tokens[v + 1].text.lower() == "that":
        return False
    if word.endswith("s") and low in GROUP_ADJECTIVES and tokens[v - 1].text[:1].isupper() \
            and not (v - 2 >= lo and (tokens[v - 2].text.lower() in ("the", "a", "an")
                                      or tokens[v - 2].text[:1].isupper())):
        # "32% of Republican claims": a party or nationality word modifies a plural
        # noun (not "the Republican says", "the Utah Republican says")
        return True
    if low.endswith(("’s", "'s")) and len(low) > 2:
        return low[:-2] not in NON_POSSESSIVE_S  # "He’s said" is "he has said"
    return low in ("’s", "'s") or (low.endswith(("s’", "s'")) and len(low) > 2)


# Tokens after which a capital only opens a sentence or a quoted phrase.
_CAPITAL_OPENERS: Final = frozenset(".!?:;—–-(\"“‘'")


def is_cue_in_name(doc: ParsedDoc, v: int) -> bool:
    """True when the reporting-verb form at token ``v`` is a capitalised word
    inside running text ("the United States", "the Islamic State", "the State
    Department"): a part of a name, not a verb. A sentence's first word ("Asked
    by …") and the words of a title-case headline ("Clinton Says …") keep their
    capitals as verbs do."""
    tokens = doc.tokens
    if not tokens[v].text[:1].isupper() or v == 0:
        return False
    line = doc.line_of_token[v]
    if doc.line_of_token[v - 1] != line or tokens[v - 1].text in _CAPITAL_OPENERS:
        return False
    lo, hi = doc.line_tokens(doc.lines[line])  # (no *args: a native call)
    return not is_headline_line(doc, lo, hi)


def coarse_tag(word: str, lexicon: dict[str, str]) -> int:
    """Return the coarse tag code of one token (see :data:`TAG_CODES`)."""
    if word in QUOTE_MARKS or word == "''":
        return TAG_CODES["QUOTE"]
    if not word[:1].isalnum():
        return TAG_CODES["PUNCT"]
    low = word.lower()
    tag = lexicon.get(word) or lexicon.get(low)
    if tag is None:
        if word[:1].isupper():
            return TAG_CODES["NNP"]
        if word[:1].isdigit():
            return TAG_CODES["CD"]
        return TAG_CODES["N"]
    if word[:1].isupper() and tag.startswith("NN") and word != low:
        return TAG_CODES["NNP"]
    if tag.startswith("NNP"):
        return TAG_CODES["NNP"]
    if tag.startswith("NN"):
        return TAG_CODES["N"]
    if tag in ("VBD", "VBN"):
        return TAG_CODES["VBD"]
    if tag.startswith("VB"):
        return TAG_CODES["V"]
    if tag == "MD":
        return TAG_CODES["MD"]
    if tag.startswith("JJ"):
        return TAG_CODES["J"]
    if tag.startswith("RB"):
        return TAG_CODES["R"]
    if tag in ("IN", "TO"):
        return TAG_CODES["IN"]
    if tag in ("DT", "PRP$", "WDT", "PDT"):
        return TAG_CODES["DT"]
    if tag in ("PRP", "WP"):
        return TAG_CODES["PRP"]
    if tag == "CC":
        return TAG_CODES["CC"]
    if tag == "CD":
        return TAG_CODES["CD"]
    return TAG_CODES["OTHER"]


@dataclass
class DocContext:
    """Token-level facts of one parsed document.

    Attributes:
        doc: the parsed document (quote spans already marked).
        tags: coarse tag code per token.
        sentence: sentence number per token (a new paragraph starts a new sentence).
        cue: 1 for a reporting verb outside quotation marks, 2 for a weak one, else 0.
        commas, cues, sentence_ends, marks: running counts (prefix sums, length n + 1).
    """

    doc: ParsedDoc
    tags: list[int] = field(default_factory=list)
    sentence: list[int] = field(default_factory=list)
    cue: list[int] = field(default_factory=list)
    commas: list[int] = field(default_factory=list)
    cues: list[int] = field(default_factory=list)
    marks: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, doc: ParsedDoc) -> DocContext:
        """Compute the per-token facts in one pass."""
        lexicon = word_tags()
        cache = _FACTS_CACHE
        if len(cache) > _FACTS_CACHE_LIMIT:
            cache.clear()
        tokens = doc.tokens
        n = len(tokens)
        quoted = doc.quoted or [False] * n
        line_of = doc.line_of_token
        # (filled in place: cheaper once compiled than appending)
        tags = [0] * n
        sentence = [0] * n
        cue = [0] * n
        # the running counts: item i + 1 counts tokens 0..i
        commas = [0] * (n + 1)
        cues = [0] * (n + 1)
        marks = [0] * (n + 1)
        n_commas = n_cues = n_marks = 0
        s = 0
        prev_line = -1
        prev_end = False
        for i, tok in enumerate(tokens):
            text = tok.text
            facts = cache.get(text)
            if facts is None:
                facts = cache[text] = _token_facts(text, lexicon)
            code, cue_code, opens, is_end, is_mark, is_comma, phrasal_next = facts
            line = line_of[i]
            in_quote = quoted[i]
            # a sentence ends at . ! ? outside quotes before a capital, or at a paragraph end
            if line != prev_line or (prev_end and opens):
                if i:
                    s += 1
            prev_line = line
            # a sentence ends at . ! ? outside quotes, or at a closing mark right after a quoted full stop
            prev_end = (is_end and not in_quote) or (
                is_mark and i > 0 and tokens[i - 1].text == "." and quoted[i - 1])
            sentence[i] = s
            tags[i] = code
            if not cue_code and phrasal_next and i + 1 < n and tokens[i + 1].text.lower() == phrasal_next:
                cue_code = 1  # "as Foner put it" (the rules' test, attribute._is_cue)
            if in_quote or (cue_code and (is_cue_noun(tokens, i, 0) or is_cue_in_name(doc, i))):
                cue_code = 0
            cue[i] = cue_code
            if cue_code == 1:
                n_cues += 1
            cues[i + 1] = n_cues
            if is_comma and not in_quote:
                n_commas += 1
            commas[i + 1] = n_commas
            if is_mark:
                n_marks += 1
            marks[i + 1] = n_marks
        return cls(doc, tags, sentence, cue, commas, cues, marks)

    def count(self, prefix: list[int], lo: int, hi: int) -> int:
        """How many of the counted tokens lie in [lo, hi) (0 for an empty range)."""
        if hi <= lo:
            return 0
        return prefix[hi] - prefix[lo]

    def tag(self, k: int) -> int:
        """The tag code of token ``k``, 0 outside the document."""
        return self.tags[k] if 0 <= k < len(self.tags) else 0


# -- the quote filter's features ------------------------------------------------

# A word starts with a letter of a cased alphabet ("Émile", "Łukasz", not "mile",
# "ukasz"). These features read the shape of cased writing (its capitals), which
# the model learnt from; words of uncased scripts (Korean, Chinese, Arabic) stay
# unseen, as they were when it was trained.
_WORD: Final = re.compile(r"[%s%s][\w’'-]*" % (CAPITALS, LOWER_CASE))
_ASCII_UPPER: Final = frozenset(string.ascii_uppercase)


def span_features(ctx: DocContext, span: QuoteSpan, reason: str | None, n_in_line: int, index_in_line: int,
                  repeats: int = 0, unquoted: bool = False) -> dict:
    """Return the features of one quote-mark span for the "is it a quote?" classifier.

    Args:
        ctx: the document's token facts.
        span: the span.
        reason: why the rule screen would reject it ("title", "scare quote", ...), or None.
        n_in_line: how many spans its paragraph holds.
        index_in_line: its position among them.
        repeats: how many other spans of the document hold the same words.
        unquoted: the span's words (four at most) also stand outside quotation marks
            in the document: a term under discussion ("carried interest"), not speech.

    Returns:
        A flat dict of numbers and ``"name=value"`` indicator strings, for a FeatureHasher.
    """
    doc = ctx.doc
    text = doc.text
    tokens = doc.tokens
    content = text[span.start:span.end]
    words: list[str] = _WORD.findall(content)  # (typed: findall gives Any, whose methods are slow calls)
    n = len(words)
    line = doc.lines[span.line]
    qlo = doc.token_index(span.mark_start)
    qhi = token_index_near(doc, span.mark_end, qlo)
    # (plain loops: faster once compiled than comprehensions and any() over generators)
    n_major = caps = 0
    first_person = False
    for w in words:
        low = w.lower()
        if low in _PERSON_PRONOUNS:
            first_person = True
        if low not in MINOR_WORDS:
            n_major += 1
            first = w[0]
            # (w[0].isupper(), without a method call for ASCII letters)
            if first in _ASCII_UPPER or (first > "\x7f" and first.isupper()):
                caps += 1
    has_verb = has_aux = False
    tags = ctx.tags
    for k in range(qlo, qhi):
        word = tokens[k].text
        if word[:1].isalnum():
            if tags[k] in (3, 4, 12):
                has_verb = True
            if word.lower() in _AUX:
                has_aux = True
    f: dict = {
        "bias": 1.0,
        f"reason={reason}": 1.0,
        f"kind={span.kind}": 1.0,
        "closed": float(span.closed),
        "continued": float(span.continued),
        "words_log": _log1(n),
        "one_word": float(n == 1),
        "two_three_words": float(2 <= n <= 3),
        "long": float(n >= 8),
        "cap_share": caps / n_major if n_major else 0.0,
        "all_caps_title": float(n_major > 0 and caps == n_major),
        "first_upper": float(content[:1].isupper()),
        "ends_punct": float(content.rstrip()[-1:] in ".,!?…"),
        "ends_comma": float(content.rstrip()[-1:] == ","),
        "first_person": float(first_person),
        "has_verb": float(has_verb),
        "has_aux": float(has_aux),
        "starts_line": float(span.mark_start == line.start),
        "ends_line": float(span.mark_end >= line.end - 1),
        "whole_line": float(span.mark_start == line.start and span.mark_end >= line.end - 1),
        "headline": float(span.line == 0),
        "n_in_line_log": _log1(n_in_line),
        "first_in_line": float(index_in_line == 0),
        "repeated": float(repeats > 0),
        "unquoted_too": float(unquoted),
    }
    # Reporting verbs near the marks make a span speech, whatever its shape.
    line_lo, line_hi = doc.line_token_range(span.line)
    lo = max(line_lo, qlo - 6)
    hi = min(line_hi, qhi + 6)
    f["cue_before"] = float(ctx.count(ctx.cues, lo, qlo) > 0)
    f["cue_after"] = float(ctx.count(ctx.cues, qhi, hi) > 0)
    f["cue_in_sentence"] = float(_cue_in_sentence(ctx, qlo, qhi))
    # The words right around the marks ("the film", "so-called", "said").
    for name, k in (("w-1", qlo - 1), ("w-2", qlo - 2), ("w+1", qhi), ("w+2", qhi + 1)):
        if 0 <= k < len(tokens) and doc.line_of_token[k] == span.line:
            f[f"{name}={tokens[k].text.lower()}"] = 1.0
            f[f"{name}_tag={ctx.tags[k]}"] = 1.0
        else:
            f[f"{name}=<edge>"] = 1.0
    if words:
        f[f"first={words[0].lower()}"] = 1.0
        f[f"last={words[-1].lower()}"] = 1.0
    return f


def _cue_in_sentence(ctx: DocContext, qlo: int, qhi: int) -> bool:
    """True when a strong reporting verb shares a sentence with the span."""
    # Sentence numbers never decrease, so each sentence is one block of tokens,
    # found by bisection, and its cues counted by the running count: walking
    # the sentence from every span cost time quadratic in a long sentence's quotes.
    sent = ctx.sentence
    n = len(sent)
    if qlo > 0:
        here = sent[min(qlo, n - 1)]
        if sent[qlo - 1] == here and ctx.count(ctx.cues, bisect_left(sent, here, 0, qlo), qlo) > 0:
            return True
    last = sent[qhi - 1] if 0 < qhi <= n else -1
    if 0 <= qhi < n and sent[qhi] == last and ctx.count(ctx.cues, qhi, bisect_right(sent, last, qhi)) > 0:
        return True
    return False


def _log1(x: float) -> float:
    """log2(1 + x), a cheap squashing of counts."""
    return math.log2(1.0 + x)

"""Attribute each quote to a speaker mention with reporting-verb and layout rules.

The rules, tried in order for each quote (the first that fires wins):

``pull-quote``      a pull-quote line takes the name on the line below it.
``verb-after``      “…,” said Blunt / “…,” Blunt said / “…,” Blunt, the spy, said.
``verb-before``     Blunt wrote: “…” / He said that “…”.
``according-to``    “…”, according to Blunt.
``colon``           Blunt: “…” (headlines, transcripts).
``same-paragraph``  a second quote in a paragraph keeps the first one's speaker.
``verb-in-sentence`` a partial quote inside reported speech takes the subject of
                    the sentence's reporting verb (his memoir says a “naive” desire).
``colon-previous``  a paragraph that opens with a quote after a paragraph ending in
                    “Blunt continued:”.
``continuation``    a paragraph that opens with a quote and says nothing of its
                    own speaker continues the previous quote's speaker.

Mentions are then resolved to entities (:mod:`quotes.entities`): a name to its
entity, a pronoun to its antecedent, a description to the entity it describes.

Notes:
    The cue-verb-first search and the "cue outside the quote" constraint follow
    textacy's ``direct_quotations`` (Muzny et al. 2017 for the continuation idea).
"""
from __future__ import annotations

import re

from collections.abc import Sequence
from typing import Final

from .cues import (
    DAY_WORDS, PHRASAL_CUES, NAME_PARTICLES, NAME_SUFFIXES, NON_NAME_CAPS, OBJECT_VERBS, ORG_HEADS, PASSIVE_AUXILIARIES,
    REPORTING_VERBS, SPEAKER_NOUNS, STATE_ABBREVIATIONS, SUBORDINATORS, TIME_WORDS, TITLES, VERB_PREFIXES,
    WEAK_VERBS,
)
from .entities import PERSON_HEADS, Entity, EntityIndex, _is_place, inverting_cue
from .features import is_cue_in_name, is_cue_noun, token_index_near
from .parsed import ParsedDoc
from .records import Attribution, Mention, QuoteSpan
from .resources import any_first_names, common_words, word_tags

_PRONOUNS: Final = frozenset("he she they i we it who".split())
# "He’s", "They’re", "I’ll": a pronoun with a contracted verb is still the pronoun
_CONTRACTION: Final = re.compile(r"[’'](?:s|re|ll|d|ve|m)$")
_POSSESSIVE_DETS: Final = frozenset("his her their its".split())
_DETERMINERS: Final = frozenset("the a an this that his her their its our".split()) | _POSSESSIVE_DETS
# Nouns for things a person writes; "his memoir says" speaks for him.
_DOCUMENT_NOUNS: Final = frozenset(
    "manuscript memoir memoirs book letter diary autobiography statement website account "
    "tweet tweets post blog column essay op-ed speech remarks testimony".split()
)
_SENTENCE_END: Final = frozenset(".!?;")
_COORDINATORS: Final = frozenset("but and yet".split())
_QUOTE_TOKENS: Final = frozenset("\"“”‘’'„«»")
_RIGHT_STOP: Final = frozenset(
    ", . ; : ! ? ( ) — – who which that in at on during after before when while about to as "
    "of from with because since".split()
) | _QUOTE_TOKENS
_MAX_CUE_GAP = 10  # tokens between a cue verb and the quote for a "before" cue
_MAX_SUBJECT_SPAN = 16  # tokens between a subject and its verb (appositives)

CONFIDENCE: Final = {
    "pull-quote": 0.9, "verb-after": 0.95, "verb-before": 0.9, "according-to": 0.9,
    "colon": 0.85, "same-paragraph": 0.85, "verb-in-sentence": 0.7, "colon-previous": 0.85,
    "continuation": 0.75, "sentence-subject": 0.6, "dash-credit": 0.85, "none": 0.0,
}


class _Found:
    """A rule's speaker mention for one quote (treat as immutable)."""

    # A plain class: a frozen dataclass's __init__ is several times slower once compiled.
    __slots__ = ("mention", "cue", "rule", "words")

    def __init__(self, mention: Mention, cue: str | None, rule: str, words: tuple[str, ...] = ()) -> None:
        self.mention = mention
        self.cue = cue
        self.rule = rule
        self.words = words


def attribute(doc: ParsedDoc, spans: Sequence[QuoteSpan], index: EntityIndex) -> list[Attribution]:
    """Return one :class:`Attribution` per quote span, in the same order.

    Args:
        doc: the parsed document, with quoted tokens marked.
        spans: the quote spans kept after screening, in document order.
        index: the document's entities.
    """
    out: list[Attribution] = []
    previous: tuple[QuoteSpan, Attribution, Entity | None] | None = None
    for n, span in enumerate(spans):
        prev_in_line = spans[n - 1] if n and spans[n - 1].line == span.line else None
        next_in_line = spans[n + 1] if n + 1 < len(spans) and spans[n + 1].line == span.line else None
        found = _find_mention(doc, span, prev_in_line, next_in_line)
        prev_entity = previous[2] if previous else None
        if found is None and previous is not None:
            found_prev = _inherit(doc, span, previous[0], previous[1])
            if found_prev is not None:
                out.append(found_prev)
                previous = (span, found_prev, prev_entity)
                continue
        if found is None:
            attribution = Attribution(None, None, None, "none", CONFIDENCE["none"])
            entity = None
        else:
            since = _since(previous[0], previous[1]) if previous else None
            entity, speaker = _resolve(found, index, prev_entity, since)
            confidence = CONFIDENCE[found.rule]
            if found.mention.kind != "name":
                confidence *= 0.9 if speaker else 0.5
            attribution = Attribution(speaker, found.mention, found.cue, found.rule, round(confidence, 3))
        out.append(attribution)
        previous = (span, attribution, entity)
    return out


# -- finding the mention --------------------------------------------------------

def _find_mention(doc: ParsedDoc, span: QuoteSpan, prev_in_line: QuoteSpan | None,
                  next_in_line: QuoteSpan | None) -> _Found | None:
    """Apply the local rules (pull-quote, verb, according-to, colon) to one quote."""
    line = doc.lines[span.line]
    if span.kind == "pull":
        return _pull_quote_speaker(doc, span)
    # (one bisect; the other token indices are a short walk from it)
    qlo = doc.token_index(span.mark_start)
    qhi = token_index_near(doc, span.mark_end, qlo)
    llo = token_index_near(doc, line.start, qlo)
    lhi = token_index_near(doc, line.end, qhi)
    # transcript line inside the marks ("PENCE: Well, …"): the capitalised label speaks
    label = _transcript_label(doc, qlo, qhi)
    if label is not None:
        return _Found(label[0], ":", "colon", label[1])
    left_lo = token_index_near(doc, prev_in_line.mark_end, qlo) if prev_in_line else llo
    right_hi = token_index_near(doc, next_in_line.mark_start, qhi) if next_in_line else lhi
    left_lo = _after_last_sentence_end(doc, left_lo, qlo)
    right_hi = _before_first_sentence_end(doc, qhi, right_hi)
    tokens = doc.tokens
    if qlo > left_lo and _closes_sentence(doc, qlo, qhi) and qhi < right_hi and tokens[qhi].text[:1].isupper():
        # "… but said “the question is the timing.” Gov. Pat McCrory said …": a
        # quote that ends its sentence inside the marks, in a sentence begun
        # before it, leaves the words after the mark to the next sentence
        right_hi = qhi

    # dash-credit: “…” ― Jorge Falcon (a credit line after a reader's quote).
    if qhi + 1 < right_hi and tokens[qhi].text in ("―", "—", "–", "-") and _is_name_token(tokens[qhi + 1].text):
        name = _leading_name(doc, qhi + 1, right_hi)
        if name is not None:
            return _Found(name[0], None, "dash-credit", name[1])
    # colon (headline): "Politifact: Donald Trump Is Right, ‘Thousands of Shootings’".
    for c in range(llo, min(llo + 5, qlo)):
        if tokens[c].text == ":" and c > llo:
            np = _trailing_name(doc, llo, c)
            if np is not None and np[0].start == tokens[llo].start:
                return _Found(np[0], ":", "colon", np[1])
            break
    # verb-after: ", said Blunt" / ", Blunt said" right behind the closing mark.
    r = qhi
    if _quote_ends_subordinate_clause(doc, left_lo, qlo, qhi):
        r = right_hi  # "After Scalia said that … “less advanced schools,” Trump said: …"
    while r < right_hi and tokens[r].text in (",", "—", "–", "-"):
        r += 1
    if r < right_hi and tokens[r].text.lower() in _COORDINATORS:
        # "… did not give “absolute evidence,” but he said …": a new clause with
        # its own reporting verb; the quote belongs to the clause before it
        r = right_hi
    # "…,” Michael McFaul, a senior fellow at … Russia, said": an appositive too
    # long for the window below still leaves the name as the subject.
    long_subject = _name_before_long_appositive(doc, r, right_hi)
    if long_subject is not None:
        return _Found(long_subject[0][0], long_subject[1], "verb-after", long_subject[0][1])
    for v in range(r, min(right_hi, r + _MAX_SUBJECT_SPAN)):
        low = tokens[v].text.lower()
        if low == "according" and v + 1 < right_hi and tokens[v + 1].text.lower() == "to":
            np = _right_np(doc, v + 2, right_hi)
            if np:
                return _Found(np[0], "according to", "according-to", np[1])
            break
        if low in ("but", "yet") and not doc.quoted[v]:
            break  # "… “a mistake” to use private email, but she denied …": a new clause
        if _is_cue(doc, v, low) and low not in WEAK_VERBS and not doc.quoted[v] and not is_cue_noun(doc.tokens, v, r):
            if v == r or _only_prefixes(doc, r, v):
                if low in OBJECT_VERBS or low in PHRASAL_CUES:
                    break
                np = _right_np(doc, v + 1, right_hi)
            else:
                np = _left_np(doc, v, r) or _inverted_subject(doc, v, r, right_hi)
            if np:
                return _Found(np[0], tokens[v].text, "verb-after", np[1])
            break
    else:
        unlisted = _subject_of_unlisted_verb(doc, qlo, qhi, r, right_hi)
        if unlisted is not None:
            return _Found(unlisted[0][0], unlisted[1], "verb-after", unlisted[0][1])

    # verb-before: "Blunt wrote:" / "he said that" just before the opening mark.
    # ("When Trump suggested that …, Rubio fired back: “…”": a reporting verb in
    # an opening subordinate clause is not the quote's; its main clause is.)
    clause_start = _main_clause_start(doc, left_lo, qlo)
    for v in range(qlo - 1, max(left_lo, clause_start, qlo - _MAX_CUE_GAP) - 1, -1):
        low = tokens[v].text.lower()
        if low == "to" and v > left_lo and tokens[v - 1].text.lower() == "according":
            np = _right_np(doc, v + 1, qlo)
            if np:
                return _Found(np[0], "according to", "according-to", np[1])
        if _is_cue(doc, v, low) and not doc.quoted[v] and (low not in WEAK_VERBS or qlo - v <= 3) \
                and not is_cue_noun(doc.tokens, v, left_lo):
            np = _inverted_subject(doc, v, left_lo, qlo) or _subject_of(doc, v, left_lo)
            if np is None and low not in OBJECT_VERBS and low not in PHRASAL_CUES:
                np = _right_np(doc, v + 1, qlo)
            if np:
                return _Found(np[0], tokens[v].text, "verb-before", np[1])
    # colon: "Caddell: “…”" with no verb.
    if qlo - 1 >= left_lo and tokens[qlo - 1].text == ":":
        np = _left_np(doc, qlo - 1, left_lo, allow_comma=False)
        if np and np[0].kind == "name":
            before = doc.token_index(np[0].start) - 1
            if before >= left_lo and tokens[before].text.lower() in _PREPOSITIONS:
                # "he describes his recruitment by Moscow: “…”": the clause's subject speaks
                np = _sentence_subject(doc, left_lo, qlo - 1) or np
            return _Found(np[0], ":", "colon", np[1])
    # according-to anywhere after the quote in its sentence.
    for v in range(qhi, right_hi - 1):
        if tokens[v].text.lower() == "according" and tokens[v + 1].text.lower() == "to":
            np = _right_np(doc, v + 2, right_hi)
            if np:
                return _Found(np[0], "according to", "according-to", np[1])
    # verb-in-sentence: the subject of any reporting verb in the quote's sentence.
    for lo, hi in ((left_lo, qlo), (qhi, right_hi)):
        for v in range(hi - 1, lo - 1, -1) if lo == left_lo else range(lo, hi):
            low = tokens[v].text.lower()
            if v < clause_start:
                break  # a verb of the opening subordinate clause speaks for someone else
            if _is_cue(doc, v, low) and not doc.quoted[v] and not is_cue_noun(doc.tokens, v, lo):
                np = (_inverted_subject(doc, v, lo, hi) if lo == qhi else None) or _subject_of(doc, v, left_lo)
                if np:
                    return _Found(np[0], tokens[v].text, "verb-in-sentence", np[1])
    # sentence-subject: a partial quote inside a sentence whose subject is named
    # ("President Obama condemned the test as “provocative”").
    # (not for a quote after another one in the same sentence: the words between
    # the two are no clause of their own, "Ted Cruz says his “friend” Marco Rubio
    # ran “a fine campaign”", so the quote keeps the first one's speaker)
    if qlo > left_lo + 1 and not _shares_sentence(doc, prev_in_line, left_lo):
        np = _sentence_subject(doc, left_lo, qlo)
        if np:
            return _Found(np[0], None, "sentence-subject", np[1])
    return None


def _shares_sentence(doc: ParsedDoc, prev_in_line: QuoteSpan | None, left_lo: int) -> bool:
    """True when the previous quote of the line sits in the same sentence as the
    tokens from ``left_lo`` (no sentence ends between them, and it ends none itself)."""
    if prev_in_line is None:
        return False
    phi = token_index_near(doc, prev_in_line.mark_end, left_lo)
    plo = token_index_near(doc, prev_in_line.mark_start, phi)
    return left_lo == phi and not _closes_sentence(doc, plo, phi)


_VERB_TAGS: Final = frozenset(("VBD", "VBN", "VBZ"))
# Past and present forms of "be", "have" and "do": "“…,” they were far from it" says nothing.
_COPULAS: Final = frozenset("was were is has had does did".split())


def _subject_of_unlisted_verb(doc: ParsedDoc, qlo: int, qhi: int, r: int, hi: int
                              ) -> tuple[tuple[Mention, tuple[str, ...]], str] | None:
    """(subject, verb) for "“…?” Hannity pressed." / "“…,” he shot back": a quote
    that ends its clause with a comma, question or exclamation mark inside the
    marks, followed by a name or pronoun and a verb the cue list lacks. The
    layout alone says who speaks; the verb only has to be one."""
    tokens = doc.tokens
    if r >= hi or qhi - 2 <= qlo or tokens[qhi - 2].text not in (",", "?", "!") or r != qhi \
            or not _sentence_start(doc, qlo):
        return None  # (a quote inside a clause, "a clip that X called “vile,” Y …", is no opener)
    if tokens[r].text.lower() in _PRONOUNS - {"who", "it", "i", "we"}:
        np: tuple[Mention, tuple[str, ...]] | None = _mention(doc, r, r + 1, "pronoun")
    elif tokens[r].text not in NON_NAME_CAPS:
        np = _leading_name(doc, r, hi)
    else:
        np = None
    if np is None:
        return None
    v = doc.token_index(np[0].end)
    if v >= hi or doc.quoted[v]:
        return None
    verb = tokens[v].text
    if not (verb.isalpha() and verb.islower()) or word_tags().get(verb) not in _VERB_TAGS or verb in _COPULAS:
        return None
    return np, verb


def _main_clause_start(doc: ParsedDoc, lo: int, qlo: int) -> int:
    """The first token of the main clause when the sentence from ``lo`` opens
    with a subordinate clause ("When Trump suggested that …, Rubio …") that
    ends before the quote at ``qlo``; otherwise ``lo``."""
    k = _after_dateline(doc, lo, qlo)
    if k >= qlo or doc.tokens[k].text.lower() not in SUBORDINATORS:
        return lo
    end = _skip_intro(doc, k, qlo)
    return end if end < qlo else lo


def _is_cue(doc: ParsedDoc, v: int, low: str) -> bool:
    """True when token ``v`` (lower-cased ``low``) is a reporting verb, or a
    verb that reports with the word after it ("as Foner put it, “…”")."""
    if low in REPORTING_VERBS:
        return not is_cue_in_name(doc, v)
    nxt = PHRASAL_CUES.get(low)
    return nxt is not None and v + 1 < len(doc.tokens) and doc.tokens[v + 1].text.lower() == nxt


def _inverted_subject(doc: ParsedDoc, v: int, lo: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    """The subject after a reporting verb that follows a comma: "Clinton “drew
    well” in 2008, said Paul Beck" or "Because of how the schedule works,
    explained Rosenberg, “…”". The clause before the comma is no subject of the
    verb, so the sentence's first name is the wrong answer there."""
    tokens = doc.tokens
    if not inverting_cue(tokens, v, lo):
        return None  # (", saying …" and ", told reporters" keep the main clause's subject)
    np = _right_np(doc, v + 1, hi)
    if np is None:
        return None
    # the phrase must end there ("said Paul Beck." / "said Beck in an interview"),
    # or it is the start of a reported clause ("said the memoir was …")
    # ("said Obama “understood …”" and "questioned Trump's “values”" are no
    # inversions either: the name there opens the object)
    after = doc.token_index(np[0].end)
    if np[0].text.endswith(("’s", "'s")) or (after < len(tokens) and tokens[after].text in _QUOTE_TOKENS) \
            or (after < hi and tokens[after].text.lower() not in _RIGHT_STOP):
        return None
    return np


def _transcript_label(doc: ParsedDoc, qlo: int, qhi: int):
    """Return the all-capitals speaker label that opens a quote ("PENCE:"), if any."""
    tokens = doc.tokens
    k = qlo + 1 if qlo < len(tokens) and tokens[qlo].text in _QUOTE_TOKENS else qlo
    e = k
    while e < min(qhi, k + 3) and tokens[e].text.isupper() and tokens[e].text.rstrip(".").isalpha() \
            and len(tokens[e].text) > 1:
        e += 1
    if e == k or e >= qhi or tokens[e].text != ":":
        return None
    return _mention(doc, k, e, "name")


def _name_before_long_appositive(doc: ParsedDoc, r: int, hi: int):
    """Return (name, cue) for "Name, <appositive of any length>, said" starting at ``r``."""
    tokens = doc.tokens
    if r >= hi or not _is_name_token(tokens[r].text) or tokens[r].text in NON_NAME_CAPS:
        return None
    e = r
    while e < hi and (_is_name_token(tokens[e].text) or tokens[e].text.lower().rstrip(".") in NAME_SUFFIXES) \
            and not doc.quoted[e]:
        e += 1
    if e - r == 1 and tokens[r].text.lower() in common_words():
        return None  # "Later, Trump said": an ordinary word, not a name
    name_end = e
    if e < hi and tokens[e].text == "(":  # "Rep. Jim Jordan (R-Ohio), …, said"
        while e < hi and tokens[e].text != ")":
            e += 1
        e += 1
    if e >= hi or tokens[e].text != "," or name_end - r > 6:
        return None
    for c in range(e + 1, min(hi - 1, e + 45)):
        if doc.quoted[c]:
            return None
        if tokens[c].text in (",", ")") and _is_cue(doc, c + 1, tokens[c + 1].text.lower()) \
                and tokens[c + 1].text.lower() not in WEAK_VERBS:
            name = _mention(doc, r, name_end, "name")
            return name, tokens[c + 1].text
    return None


def _quote_ends_subordinate_clause(doc: ParsedDoc, lo: int, qlo: int, qhi: int) -> bool:
    """True when the quote over tokens [qlo, qhi) closes an opening subordinate
    clause that reports it ("After Scalia said that … “less advanced schools,”
    Trump said …", "But even as Trump claimed that “…,” one of …"): the reporting
    verb before it speaks for the quote, not the main clause after it."""
    tokens = doc.tokens
    k = _after_dateline(doc, lo, qlo)
    while k < qlo and tokens[k].text.lower() in _COORDINATORS:
        k += 1
    if k >= qlo:
        return False
    low = tokens[k].text.lower()
    if low == "even" and k + 1 < qlo and tokens[k + 1].text.lower() == "as":
        k += 1
    elif low not in SUBORDINATORS:
        return False
    if qhi - 2 <= qlo or tokens[qhi - 2].text != ",":
        return False  # the clause ends at a comma inside the closing mark
    if any(tokens[j].text in (",", ";", ":") and not doc.quoted[j] for j in range(k + 1, qlo)):
        return False  # a comma before the quote may already end the clause
    return any(_is_cue(doc, j, tokens[j].text.lower()) and not doc.quoted[j] for j in range(k + 1, qlo))


def _subject_of(doc: ParsedDoc, v: int, lo: int) -> tuple[Mention, tuple[str, ...]] | None:
    """Return the subject of the reporting verb at ``v`` in the sentence from ``lo``.

    A participle ("…, saying") or a verb after a long comma clause takes the
    subject of the main clause; otherwise the noun phrase right before the verb.
    """
    text = doc.tokens[v].text.lower()
    tokens = doc.tokens
    if v + 1 < len(tokens) and tokens[v + 1].text.lower() == "by" and v - 1 >= lo \
            and tokens[v - 1].text.lower() in PASSIVE_AUXILIARIES:
        # "Sanders was asked by host Bill Maher, …, “…”": the agent speaks
        agent = _right_np(doc, v + 2, min(len(tokens), v + 2 + _MAX_CUE_GAP))
        if agent is not None:
            return agent
    np = _left_np(doc, v, lo)
    if np is None and (text.endswith("ing") or (v - 1 >= lo and doc.tokens[v - 1].text == ",")):
        return _sentence_subject(doc, lo, v)
    if np is not None and text.endswith("ing") and v - 1 >= lo and doc.tokens[v - 1].text == ",":
        return _sentence_subject(doc, lo, v) or np
    return np


def _inherit(doc: ParsedDoc, span: QuoteSpan, prev_span: QuoteSpan,
             prev: Attribution) -> Attribution | None:
    """Carry the previous quote's speaker over when the layout says it continues."""
    line = doc.lines[span.line]
    if prev_span.line == span.line and prev.mention is not None:
        return Attribution(prev.speaker, prev.mention, prev.cue, "same-paragraph",
                           CONFIDENCE["same-paragraph"] * (1 if prev.speaker else 0.5))
    starts_line = span.mark_start == line.start
    if not starts_line:
        return None
    if span.line > 0:
        before = doc.lines[span.line - 1]
        if doc.text[before.end - 1] == ":" and prev_span.line == span.line - 1 and prev.mention:
            return Attribution(prev.speaker, prev.mention, prev.cue, "colon-previous",
                               CONFIDENCE["colon-previous"])
    if span.line - prev_span.line <= 2 and prev.mention is not None:
        return Attribution(prev.speaker, prev.mention, prev.cue, "continuation",
                           CONFIDENCE["continuation"] * (1 if prev.speaker else 0.5))
    return None


def _pull_quote_speaker(doc: ParsedDoc, span: QuoteSpan) -> _Found | None:
    """The name line right below a pull quote."""
    if span.line + 1 >= len(doc.lines):
        return None
    name_line = doc.lines[span.line + 1]
    text = doc.text[name_line.start:name_line.end]
    mention = Mention(name_line.start, name_line.end, text, "name")
    return _Found(mention, None, "pull-quote", tuple(text.split()))


def _ends_sentence(doc: ParsedDoc, k: int) -> bool:
    """True when token ``k`` ends a sentence ("." before ")" or a lower-case word does not)."""
    if doc.tokens[k].text not in _SENTENCE_END or doc.quoted[k]:
        return False
    if k + 1 < len(doc.tokens):
        nxt = doc.tokens[k + 1].text
        if nxt in (")", ",") or nxt[:1].islower():
            return False
    return True


def _closes_sentence(doc: ParsedDoc, qlo: int, qhi: int) -> bool:
    """True when the quote over tokens [qlo, qhi) ends with a full stop (or ! or ?)
    just inside its closing mark."""
    tokens = doc.tokens
    k = qhi - 1
    if k <= qlo or tokens[k].text not in _QUOTE_TOKENS:
        return False
    return tokens[k - 1].text in (".", "!", "?")


def _after_last_sentence_end(doc: ParsedDoc, lo: int, hi: int) -> int:
    for k in range(hi - 1, lo - 1, -1):
        if _ends_sentence(doc, k):
            return k + 1
    return lo


def _before_first_sentence_end(doc: ParsedDoc, lo: int, hi: int) -> int:
    for k in range(lo, hi):
        if _ends_sentence(doc, k):
            return k
    return hi


_PREPOSITIONS: Final = frozenset("by in at of from to with for on about against into over under".split())
_DATELINE_DASHES: Final = frozenset(("—", "–", "-", "--"))
# Words that take a contracted verb without naming anyone ("It’s", "There’s").
_EXPLETIVES: Final = frozenset("it that there here what this".split())
_INTRO_WORDS: Final = frozenset(
    "during in at after on before while following as since when with from for by like unlike "
    "speaking asked addressing writing".split()
)


def _opens_intro(doc: ParsedDoc, k: int, hi: int) -> bool:
    """True when token ``k`` opens an introductory phrase that ends at a comma:
    a preposition or conjunction ("During a speech, …"), a participle ("Facing
    criticism from Democrats, …", "Reached by Politico, …") or a day ("Tuesday
    at the rally, …")."""
    tokens = doc.tokens
    low = tokens[k].text.lower()
    if low in _INTRO_WORDS:
        return True
    nxt = tokens[k + 1].text if k + 1 < hi else ""
    if not (nxt[:1].islower() and nxt.isalpha()) or nxt in REPORTING_VERBS or low == "according":
        return False  # ("Manning said", "Tuesday, Trump"; "According to X, …" names its source)
    if low.endswith("ing") and nxt in _INTRO_OR_DETERMINER:
        return True  # "Reading from a prepared text, …" (the lexicon has "reading" as a noun)
    if nxt == "by" and word_tags().get(low) in ("VBN", "VBD"):
        return True  # "Reached by Politico, …", "Flanked by his wife, …": a passive participle
    return word_tags().get(low) == "VBG" or (low in DAY_WORDS and nxt in _INTRO_WORDS)


_INTRO_OR_DETERMINER = _INTRO_WORDS | _DETERMINERS
_MAX_INTRO_PARTS = 4  # comma-separated parts of one introductory phrase


def _skip_intro(doc: ParsedDoc, k: int, hi: int) -> int:
    """The first token after an introductory phrase opening at ``k``: past its
    comma, and past the parts that continue it ("At a rally in Portsmouth, N.H.,
    on Tuesday, Sanders said": a state after a town, then another phrase)."""
    tokens = doc.tokens
    while k < hi and tokens[k].text != ",":
        k += 1
    k += 1
    for _ in range(_MAX_INTRO_PARTS):
        c = k
        while c < hi and c - k < 5 and tokens[c].text != "," and not doc.quoted[c]:
            c += 1
        if c >= hi or tokens[c].text != "," or c == k:
            break
        words = tuple(t.text for t in tokens[k:c])
        place = _is_place(words) or (len(words) == 1 and words[0].lower() in STATE_ABBREVIATIONS)
        if not place and words[0].lower() not in _INTRO_WORDS:
            break
        if not place:  # another phrase: to its own comma
            c = k
            while c < hi and tokens[c].text != "," and not doc.quoted[c]:
                c += 1
            if c >= hi or tokens[c].text != ",":
                break
        k = c + 1
    return k


def _past_intro(doc: ParsedDoc, k: int, hi: int) -> int:
    """The first token after the introductory phrase opening at ``k``, or ``k``
    when none opens there."""
    return _skip_intro(doc, k, hi) if k < hi and _opens_intro(doc, k, hi) else k


def _sentence_subject(doc: ParsedDoc, lo: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    """Return the first name or pronoun of the sentence [lo, hi), skipping an
    introductory phrase ("During a speech in Ohio, Trump ..."): the subject of
    the main clause, which a trailing participle ("…, saying") refers to."""
    tokens = doc.tokens
    k = _past_intro(doc, _after_dateline(doc, lo, hi), hi)
    # a sentence that opens with "Blunt's memoir" / "Trump's accusation" is the possessor's word
    first_k = k
    fallback: tuple[Mention, tuple[str, ...]] | None = None
    while k < hi and not doc.quoted[k]:
        text = tokens[k].text
        low = text.lower()
        bare = _CONTRACTION.sub("", low) if ("’" in low or "'" in low) else low
        if bare in _PRONOUNS - {"who", "it"}:
            return _mention(doc, k, k + 1, "pronoun")  # "He", "He’s"
        if bare != low and bare in _EXPLETIVES:
            k += 1  # "It’s", "There’s", "Here’s": no one's name
            continue
        if _is_name_token(text) and text not in NON_NAME_CAPS and not (
                k == lo and text.lower() in common_words() and not (k + 1 < hi and _is_name_token(tokens[k + 1].text))):
            # (a sentence-initial ordinary word alone, "Later" or "Much", is no subject)
            e = k
            while e + 1 < hi and not doc.quoted[e + 1] and not tokens[e].text.endswith(("’s", "'s")) and (
                    _is_name_token(tokens[e + 1].text) or tokens[e + 1].text.lower() in NAME_PARTICLES):
                e += 1
            if tokens[e].text.endswith(("’s", "'s")):
                if k == first_k:
                    # "Hillary Clinton’s campaign manager Robby Mook said": the person named
                    named = _name_after_role(doc, e + 1, hi) or _possessed_speaker(doc, k, e + 1, hi)
                    if named is not None:
                        return named
                    possessor = _mention(doc, k, e + 1, "name")
                    words = tuple(w[:-2] if w.endswith(("’s", "'s")) else w for w in possessor[1])
                    return possessor[0], words
                k = e + 1
                continue
            found = _name_after_role(doc, e + 1, hi) or _description_around(doc, k, e + 1, hi) \
                or _mention(doc, k, e + 1, "name")
            if k > first_k and _object_of_preposition(doc, k, first_k):
                # "Here in Columbia, Sanders …", "marched through Center City": a place
                # or an object, unless no other name or pronoun follows
                if fallback is None:
                    fallback = found
                k = e + 1
                continue
            return found
        if text in (",", ";", ":") and k > lo + 12:
            break
        k += 1
    return fallback


# Prepositions whose object is not the sentence's subject ("shares of Valeant",
# "a rally in Nice", "marched through Center City").
# ("by", "to", "for", "with", "between" often lead to the speaker: "an email sent
# by Sanders", "To Sharp, Trump is …", "between Clinton and her aide").
_OBJECT_PREPOSITIONS: Final = frozenset("in at of from on into over under through near across around inside outside "
                                 "within".split())


def _object_of_preposition(doc: ParsedDoc, k: int, lo: int) -> bool:
    """True when the name at token ``k`` is the object of a preposition (after
    it, or after it and a determiner: "in the Democratic Party"), not before ``lo``."""
    tokens = doc.tokens
    j = k - 1
    if j >= lo and tokens[j].text.lower() in ("the", "a", "an") and not doc.quoted[j]:
        j -= 1
    return j >= lo and not doc.quoted[j] and tokens[j].text.lower() in _OBJECT_PREPOSITIONS


def _description_around(doc: ParsedDoc, k: int, e: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    """The description that capitalised words [k, e) only modify: "The Republican
    nominee", "the New York businessman" (a determiner before them, a person
    noun after them, with at most two lower-case words between)."""
    tokens = doc.tokens
    if k == 0 or tokens[k - 1].text.lower() not in ("the", "a", "an", "this", "that") or doc.quoted[k - 1]:
        return None
    j = e
    while j < hi and j < e + 3 and not doc.quoted[j] and tokens[j].text.isalpha() and tokens[j].text.islower():
        if tokens[j].text in PERSON_HEADS:
            return _mention(doc, k - 1, j + 1, "description")
        j += 1
    return None


_MAX_ROLE_WORDS = 4  # lower-case words of a role between a modifier and a name
# Lexicon tags a role's words never have: verbs, function words, plurals (a
# headline's "Trump slams Clinton" is a verb, not a role).
_NOT_ROLE_TAGS: Final = frozenset("VB VBD VBZ VBP VBN VBG MD IN DT CC TO PRP PRP$ WDT WP WRB RB EX NNS".split())


def _name_after_role(doc: ParsedDoc, j: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    """The name that a role ending at a capitalised modifier leads up to:
    "Republican presidential front-runner Donald Trump", "Latvian journalist
    Dainis Ivans", "Former Obama speechwriter Jon Favreau" (the modifier run
    ends before token ``j``). The person is the name after the role words,
    not the party, nationality or employer before them."""
    tokens = doc.tokens
    tags = word_tags()
    start = j
    while j < hi and j - start < _MAX_ROLE_WORDS and not doc.quoted[j]:
        word = tokens[j].text
        tag = tags.get(word)
        if not (word.islower() and word.replace("-", "").isalpha()) or word in REPORTING_VERBS \
                or tag in _NOT_ROLE_TAGS or (tag is None and word.endswith(("s", "ed"))):
            break  # (a word the lexicon lacks may be a verb: "Cruz exhorted Republicans")
        j += 1
    if j == start or j >= hi or doc.quoted[j] or tags.get(tokens[j - 1].text, "NN") != "NN":
        return None
    if not _is_name_token(tokens[j].text) or tokens[j].text in NON_NAME_CAPS:
        return None
    e = j
    while e + 1 < hi and not doc.quoted[e + 1] and (_is_name_token(tokens[e + 1].text)
                                                    or tokens[e + 1].text.lower() in NAME_PARTICLES):
        e += 1
    if tokens[e].text.endswith(("’s", "'s")):
        return None
    return _mention(doc, j, e + 1, "name")


_MAX_POSSESSED_WORDS = 3  # lower-case words of "Cruz’s (campaign) lawyers"


def _possessed_speaker(doc: ParsedDoc, k: int, j: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    """The speaker a sentence-opening possessive [k, j) owns: "Cruz’s lawyers
    argued", "Ryan’s campaign shrugged off", or the name in an appositive after
    it ("Schilling’s son, Grant, defended"). The lawyers or the campaign speak,
    not their owner; a document ("Blunt’s memoir says") is left to its owner."""
    tokens = doc.tokens
    e = j  # past the last speaker noun of the phrase ("campaign manager", "defense counsel")
    for c in range(j, min(hi, j + _MAX_POSSESSED_WORDS)):
        word = tokens[c].text
        if doc.quoted[c] or not (word.isalpha() and word.islower()) or word in REPORTING_VERBS:
            break
        if word in SPEAKER_NOUNS:
            e = c + 1
    if e == j or tokens[e - 1].text in _DOCUMENT_NOUNS:
        return None
    if e + 1 < hi and tokens[e].text == ",":
        name = _leading_name(doc, e + 1, hi)
        if name is not None and doc.token_index(name[0].end) < hi and tokens[doc.token_index(name[0].end)].text == ",":
            return name  # "Trump’s campaign chairman, Paul Manafort, said"
    return _mention(doc, k, e, "description")


_MAX_DATELINE_TAIL = 12  # tokens of state, date and agency after a dateline's place


def _after_dateline(doc: ParsedDoc, lo: int, hi: int) -> int:
    """The first token after a dateline that opens a paragraph ("WASHINGTON —",
    "RYE, N.H. -", "FORT PIERCE, Fla. (AP) —", "Washington (AFP) –"), or ``lo`` when there is none: the
    place in capitals is where the story was filed, not the sentence's subject."""
    if lo >= hi:
        return lo
    tokens = doc.tokens
    # (the sentence may start after the dateline's own "Fla." or "Ore.")
    start, _ = doc.line_tokens(doc.lines[doc.line_of_token[lo]])
    k = start
    while k < hi and k - start < 4 and tokens[k].text.isupper() and tokens[k].text.isalpha() \
            and len(tokens[k].text) > 1:
        k += 1
    # a place in title case ("Washington (AFP) –") is one only with an agency after it
    needs_agency = k == start
    while needs_agency and k < hi and k - start < 3 and tokens[k].text[:1].isupper() and tokens[k].text.isalpha():
        k += 1
    if k == start:
        return lo
    # then at most a few words of state, date or agency, none of them lower-case
    # ("FLINT, Mich., Oct. 4 (UPI) —": the tokens split "Mich" from its full stop)
    end = min(hi, k + _MAX_DATELINE_TAIL)
    agency = False
    while k < end and tokens[k].text not in _DATELINE_DASHES:
        if tokens[k].text[:1].islower() or doc.quoted[k]:
            return lo
        agency = agency or (tokens[k].text == "(" and k + 1 < end and tokens[k + 1].text.isupper())
        k += 1
    if k >= end or (needs_agency and not agency):
        return lo
    while k < hi and tokens[k].text in _DATELINE_DASHES:
        k += 1
    return max(k, lo)


def _sentence_start(doc: ParsedDoc, k: int) -> bool:
    """True when token ``k`` opens its paragraph or follows a sentence end or an opening mark."""
    if k == 0 or doc.line_of_token[k - 1] != doc.line_of_token[k]:
        return True
    prev = doc.tokens[k - 1].text
    return prev in ("“", '"', "‘", "—", "–", ":") or _ends_sentence(doc, k - 1)


def _only_prefixes(doc: ParsedDoc, lo: int, hi: int) -> bool:
    return all(doc.tokens[k].text.lower() in VERB_PREFIXES for k in range(lo, hi))


# -- noun phrases ---------------------------------------------------------------

_NAME_TOKENS: Final[dict[str, bool]] = {}  # token text -> _is_name_token (str.isupper is a slow call once compiled)


def _is_name_token(text: str) -> bool:
    found = _NAME_TOKENS.get(text)
    if found is None:
        if len(_NAME_TOKENS) > 100_000:
            _NAME_TOKENS.clear()
        found = _NAME_TOKENS[text] = (text[:1].isupper() and text[:1].isalpha()) or (
            len(text) == 2 and text[1] == "." and text[0].isupper())
    return found


def _mention(doc: ParsedDoc, lo: int, hi: int, kind: str) -> tuple[Mention, tuple[str, ...]]:
    """Build a mention over tokens [lo, hi)."""
    tokens = doc.tokens
    start, end = tokens[lo].start, tokens[hi - 1].end
    text = doc.text[start:end]
    words = tuple(t.text for t in tokens[lo:hi])
    return Mention(start, end, text, kind), words


def _left_np(doc: ParsedDoc, v: int, bound: int, allow_comma: bool = True
             ) -> tuple[Mention, tuple[str, ...]] | None:
    """Return the subject noun phrase that ends right before token ``v``."""
    tokens = doc.tokens
    k = v - 1
    while k >= bound and not tokens[k].is_cap and (
            tokens[k].text.lower() in VERB_PREFIXES or tokens[k].text.endswith("ly")):
        k -= 1
    if k >= bound and tokens[k].text == ")":
        while k >= bound and tokens[k].text != "(":
            k -= 1
        k -= 1
    appositive: tuple[int, int] | None = None
    if k >= bound and tokens[k].text in (",", "—", "–") and allow_comma:
        c = k - 1
        while c >= bound and c > k - _MAX_SUBJECT_SPAN and tokens[c].text not in (",", "—", "–"):
            if doc.quoted[c] or _ends_sentence(doc, c):  # "McConnell, R-Ky., said": that "." ends nothing
                return None
            c -= 1
        if c < bound or tokens[c].text not in (",", "—", "–"):
            return None
        appositive = (c + 1, k)
        k = c - 1
    if k < bound or doc.quoted[k]:
        return None
    np = _np_ending_at(doc, k, bound)
    if np is None:
        return None
    if appositive is not None:
        if np[0].kind == "pronoun" and np[1][0].lower() == "who":
            return None
        if np[0].kind != "pronoun":
            # "Giovanni Maria Vian, the editor in chief of the Vatican's newspaper,
            # L'Osservatore Romano, said": the role's object and its appositive hang
            # on the name that opens the sentence
            head = _unclosed_appositive_head(doc, doc.token_index(np[0].start), bound)
            if head is not None:
                return head
        if np[0].kind == "description" and tokens[appositive[0]].text.lower() not in _PREPOSITIONS:
            # "the economist, Jared Bernstein, said" (not "His manuscript, at the Library in London, says")
            name = _trailing_name(doc, *appositive)
            if name is not None:
                return name
    if np[0].kind == "pronoun" and np[1][0].lower() in ("who", "which"):
        # "Blunt, who was a spy, said": the relative pronoun's antecedent
        if k - 1 >= bound and tokens[k - 1].text == ",":
            return _np_ending_at(doc, k - 2, bound)
        return None
    if appositive is None and np[0].kind == "name":
        head = _unclosed_appositive_head(doc, doc.token_index(np[0].start), bound)
        if head is not None:
            return head
    return np


# Prepositions that tie a name to the role in an appositive ("an analyst at
# the Cook Political Report", "a former agent for President Bill Clinton").
_APPOSITIVE_PREPS: Final = frozenset("of for at with from to".split())
_APPOSITIVE_OPENERS: Final = frozenset("a an the who whose one".split())


def _unclosed_appositive_head(doc: ParsedDoc, s: int, bound: int) -> tuple[Mention, tuple[str, ...]] | None:
    """The name an appositive hangs on when its closing comma is missing.

    In "Katie Packer, who is chairman of Our Principles Pac said" or "Gary
    Byrne, a former Secret Service agent for President Bill Clinton has written",
    the name right before the verb (at token ``s``) is the object of the
    appositive's preposition; the subject is the name before the comma, which
    opens the sentence.
    """
    tokens = doc.tokens
    if s - 1 < bound or tokens[s - 1].text.lower() not in _APPOSITIVE_PREPS:
        return None
    c = s - 2
    while c >= bound and c > s - _MAX_SUBJECT_SPAN and tokens[c].text != ",":
        if doc.quoted[c] or _ends_sentence(doc, c) or tokens[c].text in ("—", "–", "(", ")"):
            return None
        c -= 1
    if c - 1 < bound or tokens[c].text != "," or doc.quoted[c - 1]:
        return None
    opener = tokens[c + 1].text
    if opener.lower() not in _APPOSITIVE_OPENERS and not (opener.islower() and opener.isalpha()):
        return None  # "Columbia, South Carolina": a place, no appositive
    head = _np_ending_at(doc, c - 1, bound)
    if head is None or head[0].kind != "name":
        return None
    first = doc.token_index(head[0].start)
    if first != bound and not _sentence_start(doc, first):
        return None
    return head


def _np_ending_at(doc: ParsedDoc, k: int, bound: int) -> tuple[Mention, tuple[str, ...]] | None:
    """Return the name, pronoun or description that ends at token ``k``."""
    tokens = doc.tokens
    if k < bound:
        return None
    text = tokens[k].text
    low = text.lower()
    if low in _PRONOUNS or (("’" in low or "'" in low) and _CONTRACTION.sub("", low) in _PRONOUNS):
        return _mention(doc, k, k + 1, "pronoun")
    if _is_name_token(text) and not doc.quoted[k] and text not in NON_NAME_CAPS:
        s = k
        while s - 1 >= bound and not doc.quoted[s - 1]:
            prev = tokens[s - 1].text
            if _is_name_token(prev) and not prev.endswith(("’s", "'s")):
                s -= 1
            elif prev.lower() in NAME_PARTICLES and s - 2 >= bound and _is_name_token(tokens[s - 2].text):
                s -= 1
            else:
                break
        # drop sentence-initial function words ("But Blunt wrote")
        while s < k and tokens[s].text in ("But", "And", "So", "Yet", "Or", "Then", "Now", "However", "The", "In", "On", "At",
                                           "As"):
            s += 1
        # drop a sentence-initial ordinary word glued to the name ("Later Carson said")
        if s < k and _sentence_start(doc, s) and tokens[s].text.lower() in common_words():
            s += 1
        member = _member_of(doc, s, k, bound)
        if member is not None:
            return member
        return _mention(doc, s, k + 1, "name")
    if text.isalpha() and text.islower() and low in SPEAKER_NOUNS:
        s = k
        while s - 1 >= bound and k - s < _MAX_DESCRIPTION_WORDS and not doc.quoted[s - 1]:
            prev = tokens[s - 1].text
            if prev.lower() in _DETERMINERS and prev.lower() not in ("that", "this"):
                s -= 1
                break
            # ("the former first lady and U.S. senator")
            if prev.isalpha() or prev.endswith(("’s", "'s")) or "-" in prev or _is_abbreviation(prev):
                s -= 1
            else:
                break
        if k - s >= 6 and tokens[s].text.lower() not in _DETERMINERS:
            s = k - 5  # a long run with no determiner is no one phrase
        return _mention(doc, s, k + 1, "description")
    return None


def _member_of(doc: ParsedDoc, s: int, k: int, bound: int) -> tuple[Mention, tuple[str, ...]] | None:
    """The person in "Mr. Morgan of the Sierra Club said" / "Drew Heiserman of CORE
    Teachers said", where the name [s, k] is an organisation the person belongs
    to: the person speaks, not the organisation."""
    tokens = doc.tokens
    o = s - 1
    if o - 1 >= bound and tokens[o].text.lower() == "the":
        o -= 1
    elif tokens[k].text not in ORG_HEADS:
        return None
    if o - 1 < bound or tokens[o].text != "of" or doc.quoted[o - 1]:
        return None
    e = o - 1
    p = e
    while p - 1 >= bound and not doc.quoted[p - 1] and e - p < 3 and _is_name_token(tokens[p - 1].text) \
            and not tokens[p - 1].text.endswith(("’s", "'s")):
        p -= 1
    words = [t.text for t in tokens[p:e + 1]]
    if not all(_is_name_token(w) for w in words) or words[-1] in ORG_HEADS or words[-1].isupper():
        return None
    titled = words[0].rstrip(".").lower() in TITLES
    while words and words[0].rstrip(".").lower() in TITLES:
        words = words[1:]
    if not words:
        return None
    if not titled and not (len(words) > 1 and words[0].lower() in any_first_names()) and (
            len(words) > 1 or words[0].lower() in common_words()):
        return None
    return _mention(doc, p, e + 1, "name")


# Words a description may span back to its determiner ("the former secretary of
# state and current Democratic presidential nominee").
_MAX_DESCRIPTION_WORDS = 10


def _is_abbreviation(text: str) -> bool:
    """True for dotted capitals such as "U.S." or "U.N."."""
    return len(text) >= 4 and text.endswith(".") and text.replace(".", "").isalpha() and text.replace(".", "").isupper()


def _trailing_name(doc: ParsedDoc, lo: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    """Return a name that ends the token range [lo, hi), if it does."""
    tokens = doc.tokens
    k = hi - 1
    if k < lo or not _is_name_token(tokens[k].text):
        return None
    s = k
    while s - 1 >= lo and (_is_name_token(tokens[s - 1].text) or tokens[s - 1].text.lower() in NAME_PARTICLES):
        s -= 1
    return _mention(doc, s, k + 1, "name")


def _right_np(doc: ParsedDoc, lo: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    """Return the noun phrase that follows a cue ("said Blunt", "said the spy")."""
    tokens = doc.tokens
    k = lo
    while k < hi and tokens[k].text.lower() in TIME_WORDS:
        k += 1
    if k >= hi or doc.quoted[k]:
        return None
    if _CONTRACTION.sub("", tokens[k].text.lower()) in _PRONOUNS - {"who"}:
        return _mention(doc, k, k + 1, "pronoun")
    end = k
    while end < hi and end - k < 9 and not doc.quoted[end]:
        t = tokens[end].text
        low = t.lower()
        if low in _RIGHT_STOP and not (low == "of" and end > k and _is_name_token(tokens[end - 1].text)
                                         and end + 1 < hi and _is_name_token(tokens[end + 1].text)):
            break
        if not (t[:1].isalnum() or t in ("’s", "'s", "&", "-")):
            break
        end += 1
    if end == k:
        return None
    # "said Rep. Charles B. Rangel of New York", "wrote Cameron Easley for
    # Morning Consult": a titled or first-named person before "of" or "for" is
    # the speaker; the place or body after it only says where from.
    for o in range(k + 1, end - 1):
        if tokens[o].text.lower() in ("of", "for") and _is_name_token(tokens[o - 1].text):
            first = k
            while first < o and not _is_name_token(tokens[first].text):
                first += 1
            head = tokens[first].text.lower().rstrip(".")
            # a person: a title or a first name first, or two name words that do
            # not end in an organisation's head ("Cameron Easley", not "National
            # Institutes of Health")
            two_words = o - first >= 2 and tokens[o - 1].text not in ORG_HEADS
            if first < o and (head in TITLES or head in any_first_names() or two_words):
                return _mention(doc, first, o, "name")
            break
    # The last run of capitalised words, when it ends the phrase, is the name.
    s = end
    while s - 1 >= k and (_is_name_token(tokens[s - 1].text)
                          or tokens[s - 1].text.lower().rstrip(".") in NAME_SUFFIXES
                          or (tokens[s - 1].text.lower() in NAME_PARTICLES and s - 1 > k)):
        s -= 1
    if s < end:
        # keep a title right before the name inside the mention ("Mr. Garin")
        while s - 1 >= k and tokens[s - 1].text.lower().rstrip(".") in TITLES and tokens[s - 1].is_cap:
            s -= 1
        if end < hi and tokens[end].text == "," and end + 1 < hi:
            pass
        return _mention(doc, s, end, "name")
    heads = [j for j in range(k, end) if tokens[j].text.lower() in SPEAKER_NOUNS]
    if heads:
        phrase_end = heads[-1] + 1
        # "said the economist, Jared Bernstein": the appositive name wins
        if phrase_end == end and end + 1 < hi and tokens[end].text == ",":
            name = _leading_name(doc, end + 1, hi)
            if name is not None:
                return name
        return _mention(doc, k, phrase_end, "description")
    return None


def _is_bare_title(words: Sequence[str]) -> bool:
    """True for a "name" that is only a title ("Mayor"), which names nobody."""
    return all(w.lower().rstrip(".") in TITLES for w in words)


def _leading_name(doc: ParsedDoc, lo: int, hi: int) -> tuple[Mention, tuple[str, ...]] | None:
    tokens = doc.tokens
    e = lo
    while e < hi and _is_name_token(tokens[e].text) and not doc.quoted[e]:
        e += 1
    if e == lo:
        return None
    return _mention(doc, lo, e, "name")


# -- resolving the mention ------------------------------------------------------

def _since(span: QuoteSpan, attribution: Attribution) -> int:
    """Where the previous quote and its speaker mention end."""
    m = attribution.mention
    return max(span.mark_end, m.end) if m is not None else span.mark_end


def _resolve(found: _Found, index: EntityIndex, prev_entity: Entity | None, since: int | None = None
             ) -> tuple[Entity | None, str | None]:
    """Return (entity, canonical speaker) for a mention.

    ``since``: where the previous quote and its speaker mention end (see
    :meth:`EntityIndex.resolve_pronoun`)."""
    mention = found.mention
    if mention.kind == "name":
        entity = index.speaker_entity_in(mention.start, mention.end)
        bare_title = _is_bare_title(found.words)
        if entity is not None and not (bare_title and _is_bare_title(entity.canonical.split())):
            return entity, entity.canonical
        if bare_title:
            # a lone title ("Mayor calls ..."): the person holding it, before or after
            head = found.words[-1].lower().rstrip(".")
            entity = (index.resolve_description(["the", head], mention.start, prefer=prev_entity)
                      or index.described_by(head))
            return (entity, entity.canonical) if entity else (None, None)
        words = [w for w in found.words if w.lower().rstrip(".") not in TITLES] or list(found.words)
        # a name the index did not see here (a label inside quote marks) may still be one of its people
        entity = index.entity_named(words)
        if entity is not None:
            return entity, entity.canonical
        return None, " ".join(words).strip(" ,")
    if mention.kind == "pronoun":
        low = _CONTRACTION.sub("", mention.text.lower())
        if low in ("i", "we"):
            return None, None
        entity = index.resolve_pronoun(low, mention.start, prefer=prev_entity, since=since)
        return (entity, entity.canonical) if entity else (None, None)
    # description
    words = [w for w in found.words]
    if words and words[0].lower() in _POSSESSIVE_DETS and words[-1].lower() in _DOCUMENT_NOUNS:
        entity = index.resolve_pronoun(words[0].lower(), mention.start, prefer=prev_entity)
        return (entity, entity.canonical) if entity else (None, None)
    owner = index.entity_in(mention.start, mention.end)
    possessive = any(w.endswith(("’s", "'s", "’", "'")) for w in words)
    if owner is not None and words[-1].lower() in _DOCUMENT_NOUNS:
        return owner, owner.canonical
    if owner is not None and not possessive and words[0].lower() in ("the", "this", "that"):
        # "the New York businessman": the name inside is a modifier, not the speaker
        owner = None
    entity = None if possessive else index.resolve_description(words, mention.start, prefer=prev_entity)
    if entity is not None:
        return entity, entity.canonical
    if owner is not None and possessive:
        if words[-1].lower() in PERSON_HEADS:
            # "Obama's former campaign strategist" is someone else than Obama: the
            # person described so elsewhere in the article, or nobody we can name.
            entity = index.described_by(words[-1].lower(), exclude=owner)
            return (entity, entity.canonical) if entity else (None, None)
        # "Hillary Clinton's campaign": the owner's name with the description head
        return None, f"{owner.canonical} {words[-1]}"
    return None, None

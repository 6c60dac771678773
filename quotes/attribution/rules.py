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

Mentions are then resolved to entities (:mod:`quotes.text.entities`): a name to its
entity, a pronoun to its antecedent, a description to the entity it describes.

Notes:
    The cue-verb-first search and the "cue outside the quote" constraint follow
    textacy's ``direct_quotations`` (Muzny et al. 2017 for the continuation idea).
"""
from __future__ import annotations


from collections.abc import Sequence
from typing import Final

from quotes.vocabulary import (
    COUNTRY_ABBREVIATIONS,
    FIRST_PERSON_SINGULAR,
    POSSESSIVE_DETS,
    DAY_WORDS,
    MONTH_WORDS,
    PREPOSITIONS,
    QUOTE_MARKS,
    PHRASAL_CUES,
    NAME_SUFFIXES,
    NON_NAME_CAPS,
    NON_PERSON_HEADS,
    NON_PERSON_WORDS,
    OBJECT_VERBS,
    AUTHORED_NOUNS,
    ORG_KIND_HEADS,
    ORG_KIND_NOUNS,
    THING_AGENT_NOUNS,
    ORG_NOUNS,
    PARTY_OR_NATION_ADJECTIVES,
    PASSIVE_AUXILIARIES,
    REPORTING_VERBS,
    STATE_BODY_NOUNS,
    SUBORDINATORS,
    TITLES,
    UNNAMED_HEADS,
    VOICE_NOUNS,
    WEAK_VERBS,
)
from quotes.text.entities import (PERSON_HEADS, Entity, EntityIndex, inverting_cue, is_common, is_marked_org,
                                  is_place_name, organisation_name, role_changers)
from quotes.attribution.features import is_cue_in_name, is_cue_noun
from quotes.text.names import is_group_plural, is_plural_title
from quotes.text.parsed import token_index_near
from quotes.text.parsed import ParsedDoc
from quotes.records import Attribution, Mention, QuoteSpan
from quotes.resources import common_words, word_tags

from quotes.attribution.phrases import (
    CONTRACTION,
    DOCUMENT_NOUNS,
    MAX_SUBJECT_SPAN,
    PRONOUNS,
    RIGHT_STOP,
    after_dateline,
    after_last_sentence_end,
    before_first_sentence_end,
    closes_sentence,
    is_bare_title,
    is_name_token,
    leading_name,
    left_np,
    make_mention,
    modified_noun_end,
    only_prefixes,
    right_np,
    is_sentence_start,
    sentence_subject,
    skip_intro,
    trailing_name,
)


_COORDINATORS: Final = frozenset("but and yet".split())
_MAX_CUE_GAP = 10  # tokens between a cue verb and the quote for a "before" cue
CONFIDENCE: Final = {
    "pull-quote": 0.9, "verb-after": 0.95, "verb-before": 0.9, "according-to": 0.9,
    "colon": 0.85, "same-paragraph": 0.85, "verb-in-sentence": 0.7, "colon-previous": 0.85,
    "continuation": 0.75, "sentence-subject": 0.6, "dash-credit": 0.85, "none": 0.0,
}


class FoundMention:
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
            if found.mention.kind == "name":
                found = _modified_to_description(doc, found)
            since = end_of_quote_and_mention(previous[0], previous[1]) if previous else None
            exclude = quote_entities(index, doc, span) if found.mention.kind != "name" else frozenset()
            entity, speaker = resolve_found(found, index, prev_entity, since, exclude)
            confidence = CONFIDENCE[found.rule]
            if found.mention.kind != "name":
                confidence *= 0.9 if speaker else 0.5
            attribution = Attribution(speaker, found.mention, found.cue, found.rule, round(confidence, 3))
        out.append(attribution)
        previous = (span, attribution, entity)
    return out


def _modified_to_description(doc: ParsedDoc, found: FoundMention) -> FoundMention:
    """A place or party name that only modifies the noun after it ("The UK
    operator", "US critics") gives way to that noun phrase, a description: the
    country did not speak (see :func:`~quotes.attribution.phrases.modified_noun_end`)."""
    lo = doc.token_index(found.mention.start)
    hi = max(lo + 1, token_index_near(doc, found.mention.end, lo))
    end = modified_noun_end(doc, lo, hi)
    if end < 0:
        return found
    if lo > 0 and not doc.quoted[lo - 1] and doc.tokens[lo - 1].text.lower() in ("the", "a", "an"):
        lo -= 1
    mention, words = make_mention(doc, lo, end, "description")
    return FoundMention(mention, found.cue, found.rule, words)


def _find_mention(doc: ParsedDoc, span: QuoteSpan, prev_in_line: QuoteSpan | None,
                  next_in_line: QuoteSpan | None) -> FoundMention | None:
    """Apply the local rules (pull-quote, verb, according-to, colon) to one quote."""
    if span.kind == "pull":
        return _pull_quote_speaker(doc, span)
    # (one bisect; the other token indices are a short walk from it)
    qlo = doc.token_index(span.mark_start)
    qhi = token_index_near(doc, span.mark_end, qlo)
    llo, lhi = doc.line_token_range(span.line)
    # transcript line inside the marks ("PENCE: Well, …"): the capitalised label speaks
    label = _transcript_label(doc, qlo, qhi)
    if label is not None:
        return FoundMention(label[0], ":", "colon", label[1])
    left_lo = token_index_near(doc, prev_in_line.mark_end, qlo) if prev_in_line else llo
    right_hi = token_index_near(doc, next_in_line.mark_start, qhi) if next_in_line else lhi
    left_lo = after_last_sentence_end(doc, left_lo, qlo)
    right_hi = before_first_sentence_end(doc, qhi, right_hi)
    tokens = doc.tokens
    if qlo > left_lo and closes_sentence(doc, qlo, qhi) and qhi < right_hi and tokens[qhi].text[:1].isupper():
        # "… but said “the question is the timing.” Gov. Pat McCrory said …": a
        # quote that ends its sentence inside the marks, in a sentence begun
        # before it, leaves the words after the mark to the next sentence
        right_hi = qhi

    # dash-credit: “…” ― Jorge Falcon (a credit line after a reader's quote).
    if qhi + 1 < right_hi and tokens[qhi].text in ("―", "—", "–", "-") and is_name_token(tokens[qhi + 1].text):
        name = leading_name(doc, qhi + 1, right_hi)
        if name is not None:
            return FoundMention(name[0], None, "dash-credit", name[1])
    # colon (headline): "Politifact: Donald Trump Is Right, ‘Thousands of Shootings’".
    for c in range(llo, min(llo + 5, qlo)):
        if tokens[c].text == ":" and c > llo:
            np = trailing_name(doc, llo, c)
            if np is not None and np[0].start == tokens[llo].start:
                return FoundMention(np[0], ":", "colon", np[1])
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
        return FoundMention(long_subject[0][0], long_subject[1], "verb-after", long_subject[0][1])
    for v in range(r, min(right_hi, r + MAX_SUBJECT_SPAN)):
        low = tokens[v].text.lower()
        if low == "according" and v + 1 < right_hi and tokens[v + 1].text.lower() == "to":
            np = right_np(doc, v + 2, right_hi)
            if np:
                return FoundMention(np[0], "according to", "according-to", np[1])
            break
        if low in ("but", "yet") and not doc.quoted[v]:
            break  # "… “a mistake” to use private email, but she denied …": a new clause
        if _is_cue(doc, v, low) and low not in WEAK_VERBS and not doc.quoted[v] and not is_cue_noun(doc.tokens, v, r):
            if v == r or only_prefixes(doc, r, v):
                if low in OBJECT_VERBS or low in PHRASAL_CUES:
                    break
                np = right_np(doc, v + 1, right_hi)
            else:
                np = left_np(doc, v, r) or _inverted_subject(doc, v, r, right_hi)
            if np:
                return FoundMention(np[0], tokens[v].text, "verb-after", np[1])
            break
    else:
        unlisted = _subject_of_unlisted_verb(doc, qlo, qhi, r, right_hi)
        if unlisted is not None:
            return FoundMention(unlisted[0][0], unlisted[1], "verb-after", unlisted[0][1])

    # verb-before: "Blunt wrote:" / "he said that" just before the opening mark.
    # ("When Trump suggested that …, Rubio fired back: “…”": a reporting verb in
    # an opening subordinate clause is not the quote's; its main clause is.)
    clause_start = _main_clause_start(doc, left_lo, qlo)
    for v in range(qlo - 1, max(left_lo, clause_start, qlo - _MAX_CUE_GAP) - 1, -1):
        low = tokens[v].text.lower()
        if low == "to" and v > left_lo and tokens[v - 1].text.lower() == "according":
            np = right_np(doc, v + 1, qlo)
            if np:
                return FoundMention(np[0], "according to", "according-to", np[1])
        if _is_cue(doc, v, low) and not doc.quoted[v] and (low not in WEAK_VERBS or qlo - v <= 3) \
                and not is_cue_noun(doc.tokens, v, left_lo):
            np = _inverted_subject(doc, v, left_lo, qlo) or _subject_of(doc, v, left_lo)
            if np is None and low not in OBJECT_VERBS and low not in PHRASAL_CUES:
                np = right_np(doc, v + 1, qlo)
            if np:
                return FoundMention(np[0], tokens[v].text, "verb-before", np[1])
    # colon: "Caddell: “…”" with no verb.
    if qlo - 1 >= left_lo and tokens[qlo - 1].text == ":":
        np = left_np(doc, qlo - 1, left_lo, allow_comma=False)
        if np and np[0].kind == "name":
            before = doc.token_index(np[0].start) - 1
            if before >= left_lo and tokens[before].text.lower() in PREPOSITIONS:
                # "he describes his recruitment by Moscow: “…”": the clause's subject speaks
                np = sentence_subject(doc, left_lo, qlo - 1) or np
            return FoundMention(np[0], ":", "colon", np[1])
    # according-to anywhere after the quote in its sentence.
    for v in range(qhi, right_hi - 1):
        if tokens[v].text.lower() == "according" and tokens[v + 1].text.lower() == "to":
            np = right_np(doc, v + 2, right_hi)
            if np:
                return FoundMention(np[0], "according to", "according-to", np[1])
    # verb-in-sentence: the subject of any reporting verb in the quote's sentence.
    for lo, hi in ((left_lo, qlo), (qhi, right_hi)):
        for v in range(hi - 1, lo - 1, -1) if lo == left_lo else range(lo, hi):
            low = tokens[v].text.lower()
            if v < clause_start:
                break  # a verb of the opening subordinate clause speaks for someone else
            if _is_cue(doc, v, low) and not doc.quoted[v] and not is_cue_noun(doc.tokens, v, lo):
                np = (_inverted_subject(doc, v, lo, hi) if lo == qhi else None) or _subject_of(doc, v, left_lo)
                if np:
                    return FoundMention(np[0], tokens[v].text, "verb-in-sentence", np[1])
    # sentence-subject: a partial quote inside a sentence whose subject is named
    # ("President Obama condemned the test as “provocative”").
    # (not for a quote after another one in the same sentence: the words between
    # the two are no clause of their own, "Ted Cruz says his “friend” Marco Rubio
    # ran “a fine campaign”", so the quote keeps the first one's speaker)
    if qlo > left_lo + 1 and not _shares_sentence(doc, prev_in_line, left_lo):
        np = sentence_subject(doc, left_lo, qlo)
        if np:
            return FoundMention(np[0], None, "sentence-subject", np[1])
    return None


def _shares_sentence(doc: ParsedDoc, prev_in_line: QuoteSpan | None, left_lo: int) -> bool:
    """True when the previous quote of the line sits in the same sentence as the
    tokens from ``left_lo`` (no sentence ends between them, and it ends none itself)."""
    if prev_in_line is None:
        return False
    phi = token_index_near(doc, prev_in_line.mark_end, left_lo)
    plo = token_index_near(doc, prev_in_line.mark_start, phi)
    return left_lo == phi and not closes_sentence(doc, plo, phi)


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
            or not is_sentence_start(doc, qlo):
        return None  # (a quote inside a clause, "a clip that X called “vile,” Y …", is no opener)
    if tokens[r].text.lower() in PRONOUNS - {"who", "it", "i", "we"}:
        np: tuple[Mention, tuple[str, ...]] | None = make_mention(doc, r, r + 1, "pronoun")
    elif tokens[r].text not in NON_NAME_CAPS:
        np = leading_name(doc, r, hi)
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
    k = after_dateline(doc, lo, qlo)
    if k >= qlo or doc.tokens[k].text.lower() not in SUBORDINATORS:
        return lo
    end = skip_intro(doc, k, qlo)
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
    np = right_np(doc, v + 1, hi)
    if np is None:
        return None
    # the phrase must end there ("said Paul Beck." / "said Beck in an interview"),
    # or it is the start of a reported clause ("said the memoir was …")
    # ("said Obama “understood …”" and "questioned Trump's “values”" are no
    # inversions either: the name there opens the object)
    after = doc.token_index(np[0].end)
    if np[0].text.endswith(("’s", "'s")) or (after < len(tokens) and tokens[after].text in QUOTE_MARKS) \
            or (after < hi and tokens[after].text.lower() not in RIGHT_STOP):
        return None
    return np


def _transcript_label(doc: ParsedDoc, qlo: int, qhi: int):
    """Return the all-capitals speaker label that opens a quote ("PENCE:"), if any."""
    tokens = doc.tokens
    k = qlo + 1 if qlo < len(tokens) and tokens[qlo].text in QUOTE_MARKS else qlo
    e = k
    while e < min(qhi, k + 3) and tokens[e].text.isupper() and tokens[e].text.rstrip(".").isalpha() \
            and len(tokens[e].text) > 1:
        e += 1
    if e == k or e >= qhi or tokens[e].text != ":":
        return None
    return make_mention(doc, k, e, "name")


def _name_before_long_appositive(doc: ParsedDoc, r: int, hi: int):
    """Return (name, cue) for "Name, <appositive of any length>, said" starting at ``r``."""
    tokens = doc.tokens
    if r >= hi or not is_name_token(tokens[r].text) or tokens[r].text in NON_NAME_CAPS:
        return None
    e = r
    while e < hi and (is_name_token(tokens[e].text) or tokens[e].text.lower().rstrip(".") in NAME_SUFFIXES) \
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
            name = make_mention(doc, r, name_end, "name")
            return name, tokens[c + 1].text
    return None


def _quote_ends_subordinate_clause(doc: ParsedDoc, lo: int, qlo: int, qhi: int) -> bool:
    """True when the quote over tokens [qlo, qhi) closes an opening subordinate
    clause that reports it ("After Scalia said that … “less advanced schools,”
    Trump said …", "But even as Trump claimed that “…,” one of …"): the reporting
    verb before it speaks for the quote, not the main clause after it."""
    tokens = doc.tokens
    k = after_dateline(doc, lo, qlo)
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
        agent = right_np(doc, v + 2, min(len(tokens), v + 2 + _MAX_CUE_GAP))
        if agent is not None:
            return agent
    np = left_np(doc, v, lo)
    if np is None and (text.endswith("ing") or (v - 1 >= lo and doc.tokens[v - 1].text == ",")):
        return sentence_subject(doc, lo, v)
    if np is not None and text.endswith("ing") and v - 1 >= lo and doc.tokens[v - 1].text == ",":
        return sentence_subject(doc, lo, v) or np
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


def _pull_quote_speaker(doc: ParsedDoc, span: QuoteSpan) -> FoundMention | None:
    """The name line right below a pull quote."""
    if span.line + 1 >= len(doc.lines):
        return None
    name_line = doc.lines[span.line + 1]
    text = doc.text[name_line.start:name_line.end]
    mention = Mention(name_line.start, name_line.end, text, "name")
    return FoundMention(mention, None, "pull-quote", tuple(text.split()))


def end_of_quote_and_mention(span: QuoteSpan, attribution: Attribution) -> int:
    """Where the previous quote and its speaker mention end."""
    m = attribution.mention
    return max(span.mark_end, m.end) if m is not None else span.mark_end


# Endings of English agent nouns, the doer of a verb or a trade ("defender",
# "winger", "entrepreneur", "novelist", "musician", "batsman"): a definite
# description with such a head that speaks stands for a person (the news writer's
# second reference to someone named before: "said the defender")
_AGENT_ENDINGS: Final = ("er", "or", "ist", "ian", "eur", "man", "woman")


def _role_after_name(words: Sequence[str]) -> bool:
    """True for "the Gloucester fly-half", "the defender": a definite description
    that ends in a lower-case noun that is no organisation, document or thing, and
    either has capitalised modifiers (a team or place before a role) or a head that
    is an agent noun (:data:`_AGENT_ENDINGS`)."""
    if len(words) < 2 or words[0].lower() not in _DEFINITE:
        return False
    head = words[-1]
    if not (head.islower() and head.replace("-", "").isalpha()):
        return False
    if head in ORG_NOUNS or head in DOCUMENT_NOUNS or head in NON_PERSON_HEADS or head in NON_PERSON_WORDS \
            or head in VOICE_NOUNS or head in UNNAMED_HEADS or head in ORG_KIND_NOUNS or head in ORG_KIND_HEADS \
            or head in THING_AGENT_NOUNS:
        return False  # (an organisation's voice, an unnamed source or a thing is no one person)
    if head.endswith("s") and not head.endswith("ss"):
        return False  # a plural: "the Chelsea players"
    return any(w[:1].isupper() for w in words[1:-1]) or head.endswith(_AGENT_ENDINGS)


def _after_the(text: str, start: int) -> bool:
    """True when the word before ``start`` is "the" ("said the German")."""
    before = text[max(0, start - 5):start]
    return before.rstrip(" ").lower().endswith("the") and not before.rstrip(" ")[-4:-3].isalpha()


def _is_place_name(words: tuple[str, ...]) -> bool:
    """True for a place or a country or state written as initials ("Ohio", "UK",
    "U. S.", "N.H."): the entity index's test, and a country's initials split into
    tokens."""
    return bool(words) and (is_place_name(words) or " ".join(words) in COUNTRY_ABBREVIATIONS)


def _without_leading_place(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` without a place or country that opens them ("UK Chancellor" ->
    "Chancellor", "New York Governor" -> "Governor")."""
    for n in range(len(words) - 1, 0, -1):
        if _is_place_name(words[:n]):
            return words[n:]
    return words




# Tokens after which a word opens a sentence of a quote
_SENTENCE_OPENERS: Final = frozenset('"“”‘’\'.?!:;—–-…(')


def _sentence_initial(doc: ParsedDoc, k: int, qlo: int) -> bool:
    """True when token ``k`` opens the quote or a sentence inside it."""
    return k <= qlo or not doc.quoted[k - 1] or doc.tokens[k - 1].text in _SENTENCE_OPENERS


def quoted_capitals(doc: ParsedDoc, qlo: int, qhi: int) -> tuple[set[str], bool]:
    """The capitalised words inside the quote's marks (tokens [qlo, qhi)) that are
    no titles, and whether the quote speaks in the first person singular."""
    tokens = doc.tokens
    quoted = doc.quoted
    names: set[str] = set()
    first_person = False
    for k in range(qlo, min(qhi, len(tokens))):
        if not quoted[k]:
            continue
        text = tokens[k].text
        if not text[:1].isalpha():
            continue
        low = _pronoun_low(text)
        if low in FIRST_PERSON_SINGULAR:  # (after CONTRACTION: "I'm" is "i")
            first_person = True
        elif text[:1].isupper() and len(text) > 1 and low.rstrip(".") not in TITLES \
                and not (_sentence_initial(doc, k, qlo) and is_common(text)):
            # (a capital a sentence opens with is no name when the word is an
            # ordinary one: "Will we win?", "Young people need hope")
            names.add(text)
    return names, first_person


def names_entity(ent: Entity, words: set[str]) -> bool:
    """True when ``words`` (a quote's capitalised words) name entity ``ent``: a
    person by any word of its fullest name (a first name or a surname), anything
    else by every capitalised word of its fullest name."""
    best = [w for w in ent.best if w[:1].isupper() and len(w) > 1 and w.lower().rstrip(".") not in TITLES]
    if not best:
        return False
    if ent.person:
        for w in best:
            if w in words:
                return True
        return False
    for w in best:
        if w not in words:
            return False
    return True


def _pronoun_low(text: str) -> str:
    """The token lower-cased without a contracted verb ("I’m" -> "i")."""
    low = text.lower()
    if "’" in low or "'" in low:
        low = CONTRACTION.sub("", low)
    return low


def quote_entities(index: EntityIndex, doc: ParsedDoc, span: QuoteSpan) -> frozenset[int]:
    """The ids of the entities a quote names in its own words ("Bob was a good
    player"): who a quote talks about by name is not who says it (12 of 3,443 web
    and BBC training quotes name their own speaker), so a pronoun or description
    that says it stands for someone else (:func:`resolve_found`'s ``exclude``)."""
    qlo = doc.token_index(span.mark_start)
    qhi = max(qlo, token_index_near(doc, span.mark_end, qlo))
    words, _ = quoted_capitals(doc, qlo, qhi)
    if not words:
        return frozenset()
    # (only the entities with a word among the quote's: all of them per quote is
    # quadratic in a long article)
    return frozenset([e.id for e in index.entities_by_name_word(words) if names_entity(e, words)])


def resolve_found(found: FoundMention, index: EntityIndex, prev_entity: Entity | None, since: int | None = None,
                  exclude: frozenset[int] = frozenset()) -> tuple[Entity | None, str | None]:
    """Return (entity, canonical speaker) for a mention.

    ``since``: where the previous quote and its speaker mention end (see
    :meth:`EntityIndex.resolve_pronoun`). A nation's or a family's plural
    ("Americans said", "the Clintons said", "they" for the Americans) names no
    one person: no speaker. ``exclude``: the ids of entities a pronoun or a
    description cannot stand for (:func:`quote_entities`)."""
    if found.mention.kind == "name" and is_group_plural(found.words, index.surnames()):
        return None, None
    entity, speaker = _resolve_found(found, index, prev_entity, since, exclude)
    if entity is not None and is_group_plural(entity.best, index.surnames()):
        return None, None
    return entity, speaker


def _resolve_found(found: FoundMention, index: EntityIndex, prev_entity: Entity | None, since: int | None = None,
                   exclude: frozenset[int] = frozenset()) -> tuple[Entity | None, str | None]:
    mention = found.mention
    if mention.kind == "name":
        entity = index.speaker_entity_in(mention.start, mention.end)
        # (a country before a title is the office's, not a name: "UK Chancellor")
        core = _without_leading_place(found.words)
        bare_title = bool(core) and is_bare_title(core)
        canon = tuple(entity.canonical.split()) if entity is not None else ()
        if not bare_title and len(core) > 1 and core[-1].lower().rstrip(".") in TITLES \
                and (entity is None or core[-1] not in entity.best) and _after_the(index.doc.text, mention.start):
            # "the Glasgow Kelvin MP": a place or body before a title only modifies
            # it; the description stands for the person holding the title
            entity = index.resolve_description(["the"] + [w.lower().rstrip(".") for w in core], mention.start,
                                               prefer=prev_entity)
            return (entity, entity.canonical) if entity else (None, None)
        if entity is not None and not (bare_title and (is_bare_title(canon) or _is_place_name(canon))):
            return entity, entity.canonical
        if bare_title:
            # a lone title ("Mayor calls ..."): the person holding it, before or after
            # ("Deputy Prime Minister" is no prime minister: the title's words, not its last one)
            role = [w.lower().rstrip(".") for w in core]
            head = role[-1]
            entity = (index.resolve_description(["the"] + role, mention.start, prefer=prev_entity)
                      or index.described_by(head, changers=role_changers(role[:-1])))
            return (entity, entity.canonical) if entity else (None, None)
        words = [w for w in found.words if w.lower().rstrip(".") not in TITLES] or list(found.words)
        if is_plural_title(words):
            return None, None  # "MPs said": a group of office holders, no one person
        if all(w.lower() in PARTY_OR_NATION_ADJECTIVES for w in words):
            # "said the Republican", "American negotiators said": a party or nation
            # adjective names no one; the one member the article describes so, or nobody
            # ("said the German": one person, the one the article calls German or else its
            # salient person; "American negotiators": no one)
            det = "the" if _after_the(index.doc.text, mention.start) and len(words) == 1 else "a"
            entity = index.resolve_description([det, words[-1].lower()], mention.start, prefer=prev_entity)
            return (entity, entity.canonical) if entity else (None, None)
        # a name the index did not see here (a label inside quote marks) may still be one of its people
        entity = index.entity_named(words)
        if entity is not None:
            return entity, entity.canonical
        return None, " ".join(words).strip(" ,")
    if mention.kind == "pronoun":
        low = CONTRACTION.sub("", mention.text.lower())
        if low in ("i", "we"):
            return None, None
        entity = index.resolve_pronoun(low, mention.start, prefer=prev_entity, since=since, exclude=exclude)
        return (entity, entity.canonical) if entity else (None, None)
    # description
    words = [w for w in found.words]
    if words and words[0].lower() in POSSESSIVE_DETS and words[-1].lower() in DOCUMENT_NOUNS:
        entity = index.resolve_pronoun(words[0].lower(), mention.start, prefer=prev_entity)
        return (entity, entity.canonical) if entity else (None, None)
    owner = index.entity_in(mention.start, mention.end)
    possessive = any(w.endswith(("’s", "'s", "’", "'")) for w in words)
    if owner is not None and words[-1].lower() in VOICE_NOUNS and is_marked_org(owner):
        # "a Fox spokesman said", "Alibaba leaders have denied": an organisation's
        # unnamed voice speaks for it, under the name the description writes unless
        # the article's fuller name only adds a legal suffix ("Fox Corporation");
        # only a name the article marks as an organisation's ("a Trump spokesman"
        # speaks for a person, who is not the speaker)
        return owner, organisation_name(owner, words[:-1])
    if owner is not None and (words[-1].lower() in DOCUMENT_NOUNS
                              or words[-1].lower() in AUTHORED_NOUNS and not owner.place):
        # "the IAAF statement", "a World Bank report" (not "a UK report"): its author's words
        return owner, owner.canonical
    if owner is not None and not possessive and words[0].lower() in ("the", "this", "that"):
        # "the New York businessman": the name inside is a modifier, not the speaker
        owner = None
    entity = None if possessive else index.resolve_description(words, mention.start, prefer=prev_entity,
                                                                  exclude=exclude)
    if entity is None and not possessive and _role_after_name(words):
        # "said the Gloucester fly-half", "the Chelsea striker said": a team or place
        # before a role noun; the role is a person's (the team is no speaker)
        entity = index.resolve_role(words, mention.start, prefer=prev_entity, exclude=exclude)
    if entity is None and not possessive and owner is None and words[0].lower() in _DEFINITE \
            and (words[-1].lower() in DOCUMENT_NOUNS or words[-1].lower() in AUTHORED_NOUNS):
        # "the report said", "the statement added": the author of the document the
        # article named before ("a World Bank report", "said in a statement")
        entity = index.document_author(_DOCUMENTS, mention.start)
    if entity is not None:
        return entity, entity.canonical
    if owner is not None and possessive:
        if words[-1].lower() in PERSON_HEADS:
            # "Obama's former campaign strategist" is someone else than Obama: the
            # person described so elsewhere in the article, or nobody we can name.
            entity = index.described_by(words[-1].lower(), exclude=owner, changers=role_changers(words[:-1]))
            return (entity, entity.canonical) if entity else (None, None)
        # "Hillary Clinton's campaign": the owner's name with the description head
        return None, f"{owner.canonical} {words[-1]}"
    return None, _named_organisation(words)


# Determiners before an organisation's description that make it one body ("the", a
# possessive name's "Russia's"): "a French ministry" is any one, never named.
_DEFINITE: Final = frozenset(("the", "this", "that"))
_DOCUMENTS: Final = DOCUMENT_NOUNS | AUTHORED_NOUNS


def _named_organisation(words: Sequence[str]) -> str | None:
    """The organisation a definite description names by its proper modifier: "the
    French foreign ministry", "Russia's foreign ministry" name one body (their words
    without the determiner), while "the foreign ministry" and "a French ministry"
    name none by themselves (None)."""
    if len(words) < 2:
        return None
    head, first = words[-1], words[0]
    if not (head.isalpha() and head.islower() and head in ORG_NOUNS):
        return None
    if first.lower() in _DEFINITE:
        body = list(words[1:])
    elif first[:1].isupper() and first.endswith(("’s", "'s")):
        body = list(words)  # "Russia's foreign ministry"
    else:
        return None
    modifiers = body[:-1]
    if not modifiers or not modifiers[0][:1].isupper():
        return None
    first_modifier = modifiers[0].lower()
    if first_modifier in DAY_WORDS or first_modifier in MONTH_WORDS:
        return None  # "the January committee": a date, no name
    if first_modifier in PARTY_OR_NATION_ADJECTIVES and head not in STATE_BODY_NOUNS:
        return None  # "the German company", "the British bank": a description of some firm
    return " ".join(body)

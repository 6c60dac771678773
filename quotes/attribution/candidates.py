"""Speaker candidates for each quote, and the features the ranker scores them by.

A candidate is a mention that might have said the quote: a proper name, a
pronoun ("he", "they", "who") or a description ("the spokesman", "the
newspaper"), taken from the quote's paragraph and the paragraphs on either side
(98% of PolNeAR's gold speaker mentions sit in the quote's own paragraph, 99.6%
within one paragraph of it). The rules' choice and the previous quote's speaker
are added when the window misses them.

Every candidate becomes one row of numbers (:data:`CANDIDATE_FEATURES`, in that
order), built from constant-time look-ups into :class:`~quotes.attribution.features.DocContext`,
so a document's rows go to the ranker in one batch.
"""
from __future__ import annotations

import bisect
import re
import itertools
from array import array
from collections.abc import Sequence
from typing import Any, Final

import numpy as np

from quotes.attribution.phrases import CONTRACTION, after_dateline, modified_noun_end, np_ending_at, past_intro
from quotes.attribution.rules import CONFIDENCE, names_entity, quoted_capitals
from quotes.vocabulary import (
    COMPARISONS,
    PREPOSITIONS,
    EXPLETIVE_IT_AUXILIARIES,
    EXPLETIVE_IT_CLAUSES,
    EXPLETIVE_IT_FILLERS,
    EXPLETIVE_IT_VERBS,
    REPORTING_VERBS,
    SPEAKER_NOUNS,
    TITLES,
)
from quotes.text.entities import Entity, EntityIndex, is_age_word
from quotes.attribution.features import TAG_CODES, DocContext
from quotes.text.parsed import token_index_near
from quotes.text.names import NameMention
from quotes.text.parsed import ParsedDoc
from quotes.records import Attribution, Mention, QuoteSpan

# Pronouns that can be a quote's source; relatives ("who", "which") point back at a name.
PRONOUN_CODES: Final = {"he": 1, "she": 1, "they": 2, "it": 3, "i": 4, "we": 4, "who": 5, "which": 5}
KIND_CODES: Final = {"name": 0, "pronoun": 1, "description": 2}
RULE_CODES: Final = {rule: n for n, rule in enumerate(CONFIDENCE)}
_WINDOW_BACK = 1  # paragraphs before the quote's own that hold candidates
_WINDOW_AHEAD = 1  # paragraphs after it
# Within those paragraphs, the sentences on either side of the quote's own that hold
# candidates, and at most how many candidates on each side. A paragraph of any
# length (a transcript or a scraped page without paragraph breaks, a quote in every
# sentence) then gives each quote a bounded number of candidates, so ranking is
# linear in its length (issue #14). Both bounds lie past what articles need: over
# the 9,920 quotes of PolNeAR dev and train, the speaker the ranker picks from the
# whole paragraph window lies at most 3 sentences and 12 candidates from its
# quote (and a paragraph window holds at most 52 candidates on one side of one).
# Only far candidates are dropped: the features of those kept do not change
# (sentences are kept whole, and entity_candidates counts the paragraph window).
_WINDOW_SENTENCES = 3
_WINDOW_CANDIDATES = 40
_PREPOSITIONS: Final = PREPOSITIONS | COMPARISONS
_SENTENCE_PUNCT: Final = frozenset(".!?")

# The feature columns, in order. Categorical columns (small integer codes) are
# listed in CATEGORICAL_FEATURES; the ranker treats them as categories.
CANDIDATE_FEATURES: tuple[str, ...] = (
    # what the candidate is
    "kind", "pronoun_type", "n_tokens", "has_title", "all_caps", "in_headline",
    # what the rules said about this quote and this candidate
    "rule", "rule_confidence", "rule_chose", "rule_same_entity", "previous_chose", "previous_same_entity",
    # where it sits relative to the quote
    "side", "token_distance", "line_distance", "same_sentence", "sentence_distance",
    "commas_between", "marks_between", "cues_between", "candidates_between", "same_kind_between",
    "nearest_before", "nearest_after",
    # its grammatical role, from lexicon tags and reporting verbs around it
    "tag_before", "tag_after", "cue_right_after", "cue_right_before", "cue_after_distance",
    "cue_before_distance", "after_preposition", "possessive", "sentence_start", "comma_after",
    "subject_of_cue", "cue_is_quote_adjacent",
    # the entity behind a name
    "entity_mentions", "entity_person", "entity_org", "entity_speaker_votes", "entity_candidates",
    # the quote itself
    "quote_kind", "quote_starts_line", "quote_ends_line", "quote_continued", "quote_words",
    "quotes_in_line", "quote_index_in_line", "line_has_cue", "quote_in_headline", "quote_end_punct",
    # the first candidate of its sentence is usually that sentence's subject
    "first_in_sentence",
    # ... unless it sits in an opening phrase ("At a rally in Salem, N.H., Trump …")
    "in_intro",
    # (appended last: the columns before keep their places)
    # the quote speaks in the first person ("I", "my"): a person's words, not a place's
    "quote_first_person",
    # the quote itself names the candidate's entity ("Bob was a good player"): who is
    # talked about in a quote is rarely who speaks it (12 of 3,443 web and BBC
    # training quotes name their own speaker)
    "entity_in_quote",
)
CATEGORICAL_FEATURES: tuple[str, ...] = ("kind", "pronoun_type", "rule", "side", "tag_before", "tag_after",
                                         "quote_kind")
_QUOTE_KINDS: Final = {"double": 0, "single": 1, "pull": 2}
_END_PUNCT: Final = {",": 1, ".": 2, "?": 3, "!": 3, ":": 4, ";": 4, "…": 2}


class Candidate:
    """One mention that might be a quote's speaker.

    Attributes:
        mention: the words, with character offsets and kind.
        lo, hi: its token range [lo, hi).
        line: the paragraph it sits in.
        entity: the named entity behind a name mention (None for pronouns and
            descriptions until they are resolved).
        words: its tokens' texts.
    """

    # A plain class: a dataclass's __init__ is several times slower once compiled.
    __slots__ = ("mention", "start", "end", "kind", "lo", "hi", "line", "entity", "words", "static", "extra")

    def __init__(self, mention: Mention, lo: int, hi: int, line: int, entity: Entity | None,
                 words: tuple[str, ...]) -> None:
        self.mention = mention
        # the mention's offsets and kind (KIND_CODES), read where compiled code reads
        # them for every row: a record's attributes are slower to reach
        self.start: int = mention.start
        self.end: int = mention.end
        self.kind: int = KIND_CODES[mention.kind]
        self.lo = lo
        self.hi = hi
        self.line = line
        self.entity = entity
        self.words = words
        # its quote-independent features (DocCandidates.static), once computed
        self.static: _Static | None = None
        # made for one quote (the rules' or the previous quote's mention), not one of
        # the document's candidates (DocCandidates.all)
        self.extra = False


class _Static:
    """The features of a candidate that do not depend on the quote (see
    :func:`_static_features`), and the sentence it sits in."""

    __slots__ = ("values", "sentence", "generation", "slot")

    def __init__(self, values: tuple[float, ...], sentence: int) -> None:
        self.values = values  # the _STATIC_COLUMNS of its rows, in order
        self.sentence = sentence
        # the RowBuffer generation that holds its values, and where (RowBuffer.add_static)
        self.generation = -1
        self.slot = 0


# The columns of CANDIDATE_FEATURES by what they depend on: the candidate alone
# (_static_features), the quote alone (the same in each of its rows), or both.
# A RowBuffer keeps each candidate's and each quote's numbers once per batch of
# rows, and the rows' matrix is put together from the three parts with numpy.
_STATIC_NAMES: Final = (
    "kind", "pronoun_type", "n_tokens", "has_title", "all_caps", "in_headline",
    "tag_before", "tag_after", "cue_right_after", "cue_right_before", "cue_after_distance",
    "cue_before_distance", "after_preposition", "possessive", "sentence_start", "comma_after",
    "subject_of_cue",
    "entity_mentions", "entity_person", "entity_org", "entity_speaker_votes",
    "in_intro",
)
_QUOTE_NAMES: Final = (
    "rule", "rule_confidence", "cue_is_quote_adjacent",
    "quote_kind", "quote_starts_line", "quote_ends_line", "quote_continued", "quote_words",
    "quotes_in_line", "quote_index_in_line", "line_has_cue", "quote_in_headline", "quote_end_punct",
    "quote_first_person",
)
_DYNAMIC_NAMES: Final = (
    "rule_chose", "rule_same_entity", "previous_chose", "previous_same_entity",
    "side", "token_distance", "line_distance", "same_sentence", "sentence_distance",
    "commas_between", "marks_between", "cues_between", "candidates_between", "same_kind_between",
    "nearest_before", "nearest_after", "entity_candidates", "first_in_sentence", "entity_in_quote",
)
_STATIC_WIDTH: Final = 22
_QUOTE_WIDTH: Final = 14
_DYNAMIC_WIDTH: Final = 19
# where each part's numbers go in a row (their order in CANDIDATE_FEATURES)
_STATIC_COLUMNS: Final = [CANDIDATE_FEATURES.index(name) for name in _STATIC_NAMES]
_QUOTE_COLUMNS: Final = [CANDIDATE_FEATURES.index(name) for name in _QUOTE_NAMES]
_DYNAMIC_COLUMNS: Final = [CANDIDATE_FEATURES.index(name) for name in _DYNAMIC_NAMES]
assert sorted(_STATIC_COLUMNS + _QUOTE_COLUMNS + _DYNAMIC_COLUMNS) == list(range(len(CANDIDATE_FEATURES)))
assert (len(_STATIC_COLUMNS), len(_QUOTE_COLUMNS), len(_DYNAMIC_COLUMNS)) == (_STATIC_WIDTH, _QUOTE_WIDTH,
                                                                            _DYNAMIC_WIDTH)


class RowBuffer:
    """Feature rows (columns: :data:`CANDIDATE_FEATURES`) gathered for scoring.

    A candidate sits in the rows of several quotes (every quote whose window holds
    it), and a quote's own numbers repeat in each of its rows; the buffer keeps
    each once (the candidate's once per buffer) and each row's remaining numbers,
    so a row costs a third of its numbers as Python floats. :meth:`matrix` puts
    the rows together: the same numbers, in the same columns.
    """

    def __init__(self) -> None:
        self.static: list[float] = []  # _STATIC_WIDTH numbers per candidate held
        self.quote: list[float] = []  # _QUOTE_WIDTH numbers per quote
        self.dynamic: list[object] = []  # _DYNAMIC_WIDTH numbers per row (floats: _number)
        self.static_of: list[int] = []  # per row, its candidate's place in static
        self.quote_of: list[int] = []  # per row, its quote's place in quote
        self.n_static = 0
        self.n_quotes = 0
        # (unique to each filling of each buffer: a candidate's static numbers are
        # held by the filling whose generation it carries)
        self.generation = next(_GENERATIONS)

    def clear(self) -> None:
        """Drop every row (after scoring them), to fill the buffer again."""
        self.static = []
        self.quote = []
        self.dynamic = []
        self.static_of = []
        self.quote_of = []
        self.n_static = 0
        self.n_quotes = 0
        self.generation = next(_GENERATIONS)

    def __len__(self) -> int:
        """How many rows it holds."""
        return len(self.static_of)

    def add_static(self, st: _Static) -> int:
        """The place of a candidate's static numbers, added if this buffer lacks them."""
        if st.generation != self.generation:
            st.generation = self.generation
            st.slot = self.n_static
            self.n_static += 1
            self.static.extend(st.values)
        return st.slot

    def matrix(self) -> Any:
        """The rows as a (rows, len(CANDIDATE_FEATURES)) float matrix."""
        n = len(self.static_of)
        X = np.empty((n, len(CANDIDATE_FEATURES)), dtype=np.float64)
        if n:
            X[:, _STATIC_COLUMNS] = _floats(self.static, _STATIC_WIDTH)[np.array(self.static_of, dtype=np.intp)]
            X[:, _QUOTE_COLUMNS] = _floats(self.quote, _QUOTE_WIDTH)[np.array(self.quote_of, dtype=np.intp)]
            X[:, _DYNAMIC_COLUMNS] = _floats(self.dynamic, _DYNAMIC_WIDTH)
        return X

    def rows(self) -> list[list[float]]:
        """The rows as lists of numbers."""
        return self.matrix().tolist()


_GENERATIONS: Final = itertools.count()

# The float of each small whole number, made once: the numbers a row's quote-
# and-candidate part holds are all whole (counts, distances, flags), and a row
# then shares these objects instead of making (and freeing) a float for each.
# (Typed object: compiled code would otherwise unbox each and box it again.)
_N_NUMBERS: Final = 1024
_NUMBERS: Final[list[object]] = [float(k) for k in range(_N_NUMBERS)]


def _number(k: int) -> object:
    """``float(k)``, shared for a small ``k``."""
    if 0 <= k < _N_NUMBERS:
        return _NUMBERS[k]
    return float(k)


def _floats(values: Any, width: int) -> Any:
    """A flat list of numbers as a (-1, ``width``) float matrix (the same doubles)."""
    return np.frombuffer(array("d", values), dtype=np.float64).reshape(-1, width)


class DocCandidates:
    """Every candidate mention of one document, in order, indexed by paragraph."""

    def __init__(self, doc: ParsedDoc, index: EntityIndex, names: Sequence[NameMention],
                 ctx: DocContext | None = None) -> None:
        self.doc = doc
        self.index = index
        found: list[Candidate] = []
        tokens = doc.tokens
        quoted = doc.quoted
        line_of = doc.line_of_token
        n_tok = len(tokens)
        taken = [False] * n_tok
        for name in names:
            lo = name.token
            hi = max(lo + 1, token_index_near(doc, name.end, lo))
            if hi < n_tok and not quoted[hi] and tokens[hi].text in SPEAKER_NOUNS \
                    and tokens[hi].text.islower():
                # "the New York businessman said", "the former first lady and U.S.
                # senator said": the name modifies a description, which is the
                # candidate (added below), not the name.
                continue
            if ctx is not None and hi < n_tok and lo > 0 and tokens[lo - 1].text.lower() == "the" \
                    and not quoted[hi] and tokens[hi].text.islower() and ctx.tags[hi] == _NOUN \
                    and _beside_cue(ctx, hi):
                # "said the Gloucester fly-half": a place or team before a role noun
                # only modifies it; the description (added below) is the candidate
                continue
            if modified_noun_end(doc, lo, hi) > 0:
                # "The UK operator is appealing", "US critics were less kind": a place
                # or party before a noun only modifies it, and names no speaker.
                continue
            entity = index.entity_at(name.start)
            found.append(Candidate(Mention(name.start, name.end, doc.text[name.start:name.end], "name"),
                                   lo, hi, line_of[lo], entity, name.words))
            for j in range(lo, min(hi, n_tok)):
                taken[j] = True
        word_kinds = _WORD_KINDS
        if len(word_kinds) > _WORD_KINDS_LIMIT:
            word_kinds.clear()
        for k in range(n_tok):
            if quoted[k] or taken[k]:
                continue
            tok = tokens[k]
            kind = word_kinds.get(tok.text)
            if kind is None:
                kind = word_kinds[tok.text] = _word_kind(tok.text)
            if kind == _OTHER:
                continue
            if kind == _IT:
                if _expletive_it(doc, k):
                    continue  # "It is strange that …": no one, so never a speaker
                kind = _PRONOUN
            if kind == _PRONOUN:
                found.append(Candidate(Mention(tok.start, tok.end, tok.text, "pronoun"), k, k + 1,
                                       line_of[k], None, (tok.text,)))
            elif kind == _SPEAKER_NOUN:
                np = np_ending_at(doc, k, doc.line_token_lo[line_of[k]])
                if np is not None and np[0].kind == "description":
                    lo = token_index_near(doc, np[0].start, k)
                    found.append(Candidate(np[0], lo, k + 1, line_of[k], None, np[1]))
            elif ctx is not None and (ctx.tags[k] == _NOUN or is_age_word(tok.text)) and _beside_cue(ctx, k):
                # any noun right beside a reporting verb ("the tycoon told", "said the moderator")
                lo = _description_start(doc, ctx, k)
                words = tuple(t.text for t in tokens[lo:k + 1])
                found.append(Candidate(Mention(tokens[lo].start, tok.end, doc.text[tokens[lo].start:tok.end],
                                               "description"), lo, k + 1, line_of[k], None, words))
        found.sort(key=lambda c: c.lo)
        self.all = found
        self.lines = [c.line for c in found]
        self.los = [c.lo for c in found]
        # each candidate's sentence (nondecreasing, as the candidates are in order)
        last = n_tok - 1
        self.ctx_sentence: list[int] = ctx.sentence if ctx is not None else []
        self.sentences = [ctx.sentence[min(c.lo, last)] for c in found] if ctx is not None else []
        # the most tokens a candidate spans (how far back one can start and still overlap)
        self.longest = max([c.hi - c.lo for c in found], default=0)
        # entity id -> the indices in self.all of its candidates, in order
        self.entity_at_index: dict[int, list[int]] = {}
        for i, c in enumerate(found):
            if c.entity is not None:
                self.entity_at_index.setdefault(c.entity.id, []).append(i)
        self._main_starts: dict[int, int] = {}
        self._asked: Attribution | None = None  # (rule_entity's last question and answer)
        self._answer: Entity | None = None
        # the candidates before this index have had their static features dropped (for_quote)
        self._released = 0
        # entity id -> how many candidates of the document are that entity
        self.entity_counts: dict[int, int] = {}
        for c in found:
            if c.entity is not None:
                self.entity_counts[c.entity.id] = self.entity_counts.get(c.entity.id, 0) + 1

    def rule_entity(self, attribution: Attribution | None) -> Entity | None:
        """:func:`rule_entity` of this document, the last answer kept: each quote
        asks for its rules' and the previous quote's, which the previous quote
        asked for last."""
        if attribution is not self._asked:
            self._asked = attribution
            self._answer = rule_entity(self.index, attribution)
        return self._answer

    def static(self, ctx: DocContext, c: Candidate) -> _Static:
        """The quote-independent features of candidate ``c``, computed once."""
        found = c.static
        if found is None:
            found = c.static = _static_features(ctx, self, c)
        return found

    def main_clause_start(self, ctx: DocContext, k: int) -> int:
        """The first token after the opening phrase of token ``k``'s sentence
        ("At a rally in Salem, N.H., on Tuesday, …"), or the sentence's first
        token when it opens with none (computed once per sentence)."""
        sent = ctx.sentence[k]
        found = self._main_starts.get(sent)
        if found is None:
            lo = k
            while lo > 0 and ctx.sentence[lo - 1] == sent:
                lo -= 1
            hi = k
            while hi < len(ctx.sentence) and ctx.sentence[hi] == sent:
                hi += 1
            start = after_dateline(self.doc, lo, hi)
            end = past_intro(self.doc, start, hi)
            # (no opening phrase, or no comma closes it: the sentence's first token)
            found = end if start < end < hi else lo
            self._main_starts[sent] = found
        return found

    def paragraphs(self, line: int) -> tuple[int, int]:
        """The range [lo, hi) of ``self.all`` in paragraphs ``line - 1`` to ``line + 1``."""
        return (bisect.bisect_left(self.lines, line - _WINDOW_BACK),
                bisect.bisect_right(self.lines, line + _WINDOW_AHEAD))

    def window(self, line: int) -> list[Candidate]:
        """The candidates of paragraphs ``line - 1`` to ``line + 1``."""
        lo, hi = self.paragraphs(line)
        return self.all[lo:hi]

    def near(self, span: QuoteSpan) -> tuple[int, int]:
        """The range [lo, hi) of ``self.all`` that a quote's candidates come from: its
        paragraph window, narrowed to _WINDOW_SENTENCES sentences either side of the
        quote's and to _WINDOW_CANDIDATES candidates either side of it."""
        plo, phi = self.paragraphs(span.line)
        doc = self.doc
        qlo = doc.token_index(span.mark_start)
        mid = bisect.bisect_left(self.los, qlo, plo, phi)
        lo, hi = max(plo, mid - _WINDOW_CANDIDATES), min(phi, mid + _WINDOW_CANDIDATES)
        sentences = self.sentences
        if sentences and lo < hi:
            sent = self.ctx_sentence
            n_tok = len(sent)
            qhi = max(qlo, token_index_near(doc, span.mark_end, qlo))
            first = sent[min(qlo, n_tok - 1)] - _WINDOW_SENTENCES
            last = (sent[qhi - 1] if 0 < qhi <= n_tok else sent[min(qlo, n_tok - 1)]) + _WINDOW_SENTENCES
            lo = bisect.bisect_left(sentences, first, lo, mid)
            hi = bisect.bisect_right(sentences, last, mid, hi)
        return lo, hi

    def entity_count(self, entity_id: int, lo: int, hi: int) -> int:
        """How many of ``self.all[lo:hi]`` are entity ``entity_id``."""
        at = self.entity_at_index.get(entity_id)
        if not at:
            return 0
        return bisect.bisect_left(at, hi) - bisect.bisect_left(at, lo)

    def overlapping(self, m: Mention, lo: int, hi: int) -> list[int]:
        """The indices of the candidates of ``self.all[lo:hi]`` whose mentions overlap
        ``m``, last first."""
        m_lo = self.doc.token_index(m.start)
        # (candidates from j on start at or after m's end)
        j = bisect.bisect_left(self.los, max(m_lo, token_index_near(self.doc, m.end, m_lo)), lo, hi) - 1
        out: list[int] = []
        # (a candidate starting self.longest tokens before m ends before m starts)
        while j >= lo and self.all[j].lo + self.longest >= m_lo:
            if _overlaps_at(self.all[j], m.start, m.end):
                out.append(j)
            j -= 1
        return out

    def for_quote(self, span: QuoteSpan, rule: Attribution, previous: Attribution | None) -> list[Candidate]:
        """The candidates of one quote: its window (:meth:`near`), plus the rules'
        mention and the previous quote's mention when the window does not hold
        them (the paragraph window's candidate for it, when it holds one)."""
        wlo, whi = self.near(span)
        if wlo > self._released:
            # Quotes come in order, so the candidates before this window lie behind
            # the windows still to come: their static features are dropped, and
            # memory stays flat along a paragraph of any length (issue #14). (A
            # later quote that reaches back computes them again, the same.)
            found = self.all
            for j in range(self._released, wlo):
                found[j].static = None
            self._released = wlo
        out = self.all[wlo:whi]  # (a new list, in order)
        plo, phi = self.paragraphs(span.line)
        added = False
        for extra in (rule.mention, previous.mention if previous else None):
            if extra is None or _overlaps_any(out, extra):
                continue
            if plo < wlo or whi < phi:
                # the paragraph window holds it, outside the narrowed one: its candidates
                held = [i for i in self.overlapping(extra, plo, phi) if not wlo <= i < whi]
                if held:
                    out.extend([self.all[i] for i in held])
                    added = True
                    continue
            lo = self.doc.token_index(extra.start)
            hi = max(lo + 1, token_index_near(self.doc, extra.end, lo))
            line = self.doc.line_of_token[min(lo, len(self.doc.tokens) - 1)] if self.doc.tokens else 0
            entity = self.index.speaker_entity_in(extra.start, extra.end) if extra.kind == "name" else None
            words = tuple([t.text for t in self.doc.tokens[lo:hi]])
            made = Candidate(extra, lo, hi, line, entity, words)
            made.extra = True
            out.append(made)
            added = True
        if added:
            out.sort(key=lambda c: c.lo)
        return out


# What a token's text can make of it as a candidate, whatever its context
# (DocCandidates looks each word up once in _WORD_KINDS, then only checks context).
# (Final: compiled code then reads constants, not the module's globals dict)
_OTHER: Final = 0
_IT: Final = 1
_PRONOUN: Final = 2
_SPEAKER_NOUN: Final = 3
_LOWER_WORD: Final = 4
_WORD_KINDS: Final[dict[str, int]] = {}
_WORD_KINDS_LIMIT: Final = 100_000  # (emptied at this size, as features._FACTS_CACHE)


_HYPHENED: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


def _word_kind(text: str) -> int:
    """_IT ("it", "It’s": a pronoun unless expletive), _PRONOUN, _SPEAKER_NOUN (a
    lower-case speaker noun), _LOWER_WORD (another lower-case word: a noun beside
    a reporting verb is a description) or _OTHER."""
    low = _pronoun_form(text)
    if low == "it":
        return _IT
    if low in PRONOUN_CODES:
        return _PRONOUN
    if low in SPEAKER_NOUNS and text.islower():
        return _SPEAKER_NOUN
    if text.islower() and (text.isalpha() or _HYPHENED.fullmatch(text)):
        return _LOWER_WORD  # ("fly-half", "34-year-old")
    return _OTHER


def _pronoun_form(text: str) -> str:
    """The token lower-cased without a contracted verb ("He’s" -> "he")."""
    low = text.lower()
    if "’" in low or "'" in low:  # (CONTRACTION needs one; most tokens have none)
        low = CONTRACTION.sub("", low)
    return low


_TO_OBJECT_STARTS: Final = frozenset("the a an his her their its this that these those my our your all every".split())
_EXPLETIVE_SCOPE = 6  # tokens after its verb within which an expletive's clause opens


def _expletive_it(doc: ParsedDoc, k: int) -> bool:
    """True when the "it" at token ``k`` is an expletive that stands for a clause
    further on ("It is strange that Trump …", "It’s been common for news accounts
    to …", "It has not helped that …", "it was a report by Politico that …").

    Such an "it" names no one, yet a ranker sees a pronoun as the subject right
    before a quote. A reporting verb ("It has said that …") or a progressive
    ("It’s denouncing what …") keeps it a referring pronoun, an organisation's.
    """
    tokens = doc.tokens
    n = len(tokens)
    text = tokens[k].text.lower()
    j = k + 1
    needs_be = False
    if text == "it":
        verb = tokens[j].text.lower() if j < n else ""
        if verb not in EXPLETIVE_IT_VERBS and verb not in EXPLETIVE_IT_AUXILIARIES:
            return False
        needs_be = verb in EXPLETIVE_IT_AUXILIARIES
        j += 1
    # (otherwise a contraction, "It’s" or "It's": is or has)
    while j < n and tokens[j].text.lower() in EXPLETIVE_IT_FILLERS:
        needs_be = needs_be and tokens[j].text.lower() not in ("be", "been")
        j += 1
    if needs_be:
        return False
    if j >= n or doc.quoted[j] or tokens[j].text.lower().endswith("ing"):
        return False
    for m in range(j, min(n, j + _EXPLETIVE_SCOPE)):
        low = tokens[m].text.lower()
        if doc.quoted[m] or low in _SENTENCE_PUNCT or low in REPORTING_VERBS:
            return False
        if low in EXPLETIVE_IT_CLAUSES:
            if low != "to":
                return True
            # "to" opens a clause before a verb ("important to note"), not before
            # a noun phrase ("a blow to the campaign", "a blow to Trump")
            after = tokens[m + 1].text if m + 1 < n else ""
            return after.isalpha() and after.islower() and after not in _TO_OBJECT_STARTS
    return False


_NOUN: Final = TAG_CODES["N"]
_ADVERB: Final = TAG_CODES["R"]
_DETERMINER: Final = TAG_CODES["DT"]
_NNP: Final = TAG_CODES["NNP"]
_NP_INNER: Final = frozenset((TAG_CODES["N"], TAG_CODES["J"], TAG_CODES["NNP"], TAG_CODES["VBD"], TAG_CODES["CD"]))


def _beside_cue(ctx: DocContext, k: int) -> bool:
    """True when a strong reporting verb follows token ``k`` (after at most one
    adverb) or directly precedes it (after at most a determiner)."""
    n = len(ctx.cue)
    j = k + 1
    if j < n and ctx.tags[j] == _ADVERB:
        j += 1
    if j < n and ctx.cue[j] == 1:
        return True
    j = k - 1
    while j >= 0 and k - j <= 3 and ctx.tags[j] == _NNP:
        j -= 1  # ("said the Gloucester fly-half": a name modifying the noun, after a determiner)
    if j < k - 1 and not (j >= 0 and ctx.tags[j] == _DETERMINER):
        return False
    if j >= 0 and ctx.tags[j] == _DETERMINER:
        j -= 1
    return j >= 0 and ctx.cue[j] == 1 and j < k - 1


def _description_start(doc: ParsedDoc, ctx: DocContext, k: int) -> int:
    """The first token of the noun phrase whose head is token ``k`` (back over
    adjectives, nouns and names, to a determiner, at most six tokens)."""
    line = doc.line_of_token[k]
    lo = k
    while lo - 1 >= 0 and k - lo < 6 and doc.line_of_token[lo - 1] == line and not doc.quoted[lo - 1]:
        tag = ctx.tags[lo - 1]
        if tag == _DETERMINER:
            return lo - 1
        if tag not in _NP_INNER:
            break
        lo -= 1
    return lo


def _overlaps_at(c: Candidate, start: int, end: int) -> bool:
    """True when candidate ``c``'s mention overlaps the text [start, end)."""
    return c.start < end and start < c.end


def _rank_outward(candidates: list[Candidate], outward: list[int], rank_of: list[int], same_of: list[int]) -> None:
    """Number the candidates on one side of a quote from the quote outward
    (``outward``: their indices, nearest first): how many come between each one
    and the quote, and how many of those are of its kind."""
    kinds = [0] * len(KIND_CODES)
    for r, i in enumerate(outward):
        kind = candidates[i].kind
        rank_of[i] = r
        same_of[i] = kinds[kind]
        kinds[kind] += 1


def _overlaps_any(cands: list[Candidate], m: Mention) -> bool:
    """True when some candidate's mention overlaps ``m``."""
    start, end = m.start, m.end
    for c in cands:
        if _overlaps_at(c, start, end):
            return True
    return False


def rule_entity(index: EntityIndex, attribution: Attribution | None) -> Entity | None:
    """The named entity behind a rule's mention, when it is a name."""
    if attribution is None or attribution.mention is None or attribution.mention.kind != "name":
        return None
    m = attribution.mention
    return index.speaker_entity_in(m.start, m.end)


def quote_rows(ctx: DocContext, cands: DocCandidates, span: QuoteSpan, n_in_line: int, index_in_line: int,
               rule: Attribution, previous: Attribution | None, candidates: list[Candidate]) -> list[list[float]]:
    """Return one feature row per candidate of one quote (columns: CANDIDATE_FEATURES).

    Args:
        ctx: the document's token facts.
        cands: the document's candidates.
        span: the quote.
        n_in_line, index_in_line: how many kept quotes its paragraph holds, and its place.
        rule: the rules' attribution of this quote.
        previous: the rules' attribution of the previous quote, if any.
        candidates: this quote's candidates (from :meth:`DocCandidates.for_quote`).
    """
    buf = RowBuffer()
    quote_rows_into(buf, ctx, cands, span, n_in_line, index_in_line, rule, previous, candidates)
    return buf.rows()


def quote_rows_into(buf: RowBuffer, ctx: DocContext, cands: DocCandidates, span: QuoteSpan, n_in_line: int,
                    index_in_line: int, rule: Attribution, previous: Attribution | None,
                    candidates: list[Candidate]) -> None:
    """:func:`quote_rows`, the rows added to ``buf``."""
    doc = ctx.doc
    tokens = doc.tokens
    n_tok = len(tokens)
    qlo = doc.token_index(span.mark_start)
    qhi = max(qlo, token_index_near(doc, span.mark_end, qlo))
    line = doc.lines[span.line]
    llo, lhi = doc.line_token_range(span.line)
    q_sent_lo = ctx.sentence[qlo] if qlo < n_tok else -1
    q_sent_hi = ctx.sentence[qhi - 1] if 0 < qhi <= n_tok else q_sent_lo
    rule_m = rule.mention
    prev_m = previous.mention if previous else None
    rule_lo, rule_hi = (rule_m.start, rule_m.end) if rule_m is not None else (0, 0)
    prev_lo, prev_hi = (prev_m.start, prev_m.end) if prev_m is not None else (0, 0)
    prev_ent = cands.rule_entity(previous)  # (first: the previous quote looked it up last)
    rule_ent = cands.rule_entity(rule)
    line_cue = float(ctx.count(ctx.cues, llo, lhi) > 0)
    quote_words = float(min(qhi - qlo, 60))
    quote_part = [
        float(RULE_CODES.get(rule.rule, 0)), rule.confidence,
        float(_cue_adjacent_to_quote(ctx, qlo, qhi, llo, lhi)),
        float(_QUOTE_KINDS.get(span.kind, 0)), float(span.mark_start == line.start),
        float(span.mark_end >= line.end - 1), float(span.continued), quote_words,
        float(n_in_line), float(index_in_line), line_cue, float(span.line == 0),
        # "…," said X continues the sentence; "… ." X said starts another
        float(_END_PUNCT.get(doc.text[max(span.start, span.end - 1):span.end], 0)),
    ]
    quoted_names, first_person = quoted_capitals(doc, qlo, qhi)
    quote_part.append(float(first_person))
    commas, marks, cues = ctx.commas, ctx.marks, ctx.cues
    # (plain loops over indices: faster once compiled than comprehensions and id()-keyed dicts)
    n_c = len(candidates)
    statics = [cands.static(ctx, c) for c in candidates]
    # the first candidate of each sentence
    first_of_sentence: dict[int, int] = {}
    for i in range(n_c):
        sent = statics[i].sentence
        if sent not in first_of_sentence:
            first_of_sentence[sent] = i
    # how many candidates (and how many of the same kind) sit between each one and
    # the quote: before it counting back from the quote, after it counting on
    rank_of = [0] * n_c
    same_of = [0] * n_c
    _rank_outward(candidates, [i for i in range(n_c - 1, -1, -1) if candidates[i].hi <= qlo], rank_of, same_of)
    _rank_outward(candidates, [i for i in range(n_c) if candidates[i].lo >= qhi], rank_of, same_of)
    # per entity, its candidates in the paragraph window (counted there, not in the
    # narrowed window, so the feature keeps its meaning in a long paragraph) and
    # among the extra ones
    entity_in_window: dict[int, int] = {}
    plo, phi = cands.paragraphs(span.line)
    for c in candidates:
        if c.entity is not None and c.extra:
            entity_in_window[c.entity.id] = entity_in_window.get(c.entity.id, 0) + 1
    counted: set[int] = set()
    for c in candidates:
        ent = c.entity
        if ent is not None and ent.id not in counted:
            counted.add(ent.id)
            entity_in_window[ent.id] = entity_in_window.get(ent.id, 0) + cands.entity_count(ent.id, plo, phi)
    if not n_c:
        return
    quote_slot = buf.n_quotes
    buf.n_quotes += 1
    buf.quote.extend(quote_part)
    out = buf.dynamic
    static_of = buf.static_of
    quote_of = buf.quote_of
    for i in range(n_c):
        c = candidates[i]
        st = statics[i]
        c_sent = st.sentence
        rank = rank_of[i]
        if c.hi <= qlo:
            side, dist = 0, qlo - c.hi
            between_lo, between_hi = c.hi, qlo
        elif c.lo >= qhi:
            side, dist = 1, c.lo - qhi
            between_lo, between_hi = qhi, c.lo
        else:
            side, dist, between_lo, between_hi = 2, 0, qlo, qlo
        same_sentence = q_sent_lo <= c_sent <= q_sent_hi
        sent_dist = 0 if same_sentence else (q_sent_lo - c_sent if c_sent < q_sent_lo else c_sent - q_sent_hi)
        ent = c.entity
        # (between_lo <= between_hi always, so the prefix differences are ctx.count)
        static_of.append(buf.add_static(st))
        quote_of.append(quote_slot)
        out.append(_number(int(rule_m is not None and _overlaps_at(c, rule_lo, rule_hi))))
        out.append(_number(int(rule_ent is not None and ent is rule_ent)))
        out.append(_number(int(prev_m is not None and _overlaps_at(c, prev_lo, prev_hi))))
        out.append(_number(int(prev_ent is not None and ent is prev_ent)))
        out.append(_number(side))
        out.append(_number(min(dist, 80)))
        out.append(_number(span.line - c.line))
        out.append(_number(int(same_sentence)))
        out.append(_number(min(sent_dist, 10)))
        out.append(_number(commas[between_hi] - commas[between_lo]))
        out.append(_number(marks[between_hi] - marks[between_lo]))
        out.append(_number(cues[between_hi] - cues[between_lo]))
        out.append(_number(rank))
        out.append(_number(same_of[i]))
        out.append(_number(int(side == 0 and rank == 0)))
        out.append(_number(int(side == 1 and rank == 0)))
        out.append(_number(entity_in_window.get(ent.id, 0) if ent else 0))
        out.append(_number(int(first_of_sentence[c_sent] == i)))
        out.append(_number(int(ent is not None and bool(quoted_names) and names_entity(ent, quoted_names))))


def _static_features(ctx: DocContext, cands: DocCandidates, c: Candidate) -> _Static:
    """The features of a candidate that do not depend on the quote: what it is,
    its grammatical role, its entity and whether it sits in an opening phrase
    (computed once per candidate)."""
    doc = ctx.doc
    tokens = doc.tokens
    n_tok = len(tokens)
    m = c.mention
    kind = KIND_CODES[m.kind]
    after_k = c.hi
    before_k = c.lo - 1
    before = tokens[before_k].text if before_k >= 0 else ""
    after = tokens[after_k].text if after_k < n_tok else ""
    cue_after_d = _cue_distance(ctx, after_k, 1)
    cue_before_d = _cue_distance(ctx, before_k, -1)
    own = (
        float(kind), float(PRONOUN_CODES.get(_pronoun_form(m.text), 0) if kind == 1 else 0),
        float(c.hi - c.lo),
        # a title right before a name ("Sen. Warren")
        float(before.lower().rstrip(".") in TITLES),
        float(m.text.isupper() and len(m.text) > 2), float(c.line == 0),
    )
    role = (
        float(ctx.tag(before_k)), float(ctx.tag(after_k)),
        float(cue_after_d == 0), float(cue_before_d == 0), cue_after_d, cue_before_d,
        float(before.lower() in _PREPOSITIONS),
        float(after in ("’s", "'s", "’", "'") or m.text.endswith(("’s", "'s"))),
        float(before_k < 0 or doc.line_of_token[before_k] != c.line or before in _SENTENCE_PUNCT
              or before in ("“", '"', ":")),
        float(after == ","),
        float(_subject_of_cue(ctx, c)),
    )
    ent = c.entity
    entity_part = (
        float(cands.entity_counts.get(ent.id, 0)), float(ent.person), float(ent.org), float(min(ent.speaker_votes, 10)),
    ) if ent else (0.0, 0.0, 0.0, 0.0)
    in_intro = float(c.lo < cands.main_clause_start(ctx, c.lo))
    return _Static(own + role + entity_part + (in_intro,), ctx.sentence[min(c.lo, n_tok - 1)])


def _cue_distance(ctx: DocContext, k: int, step: int, limit: int = 6) -> float:
    """Tokens from ``k`` (walking by ``step``) to the nearest strong reporting verb in
    the same sentence, or ``limit`` when there is none that close."""
    n = len(ctx.tags)
    if not 0 <= k < n:
        return float(limit)
    sent = ctx.sentence[k]
    for d in range(limit):
        j = k + d * step
        if not 0 <= j < n or ctx.sentence[j] != sent:
            break
        if ctx.cue[j] == 1:
            return float(d)
    return float(limit)


def _subject_of_cue(ctx: DocContext, c: Candidate) -> bool:
    """True when a reporting verb follows the candidate, directly, after adverbs or
    auxiliaries, or after an appositive set off by commas ("Blunt, the spy, said")."""
    tokens = ctx.doc.tokens
    n = len(tokens)
    k = c.hi
    # "Putney (D) said", "Putney also said"
    if k < n and tokens[k].text == "(":
        while k < n and tokens[k].text != ")" and k - c.hi < 8:
            k += 1
        k += 1
    j = k
    while j < n and j - k < 3 and ctx.tags[j] in (6, 12) and ctx.cue[j] == 0:
        j += 1
    if j < n and ctx.cue[j]:
        return True
    if k < n and tokens[k].text == ",":
        sent = ctx.sentence[min(k, n - 1)]
        for j in range(k + 1, min(n - 1, k + 25)):
            if ctx.sentence[j] != sent or ctx.doc.quoted[j]:
                return False
            if tokens[j].text == "," and ctx.cue[j + 1] == 1:
                return True
    return False


def _cue_adjacent_to_quote(ctx: DocContext, qlo: int, qhi: int, llo: int, lhi: int) -> bool:
    """True when a reporting verb sits within three tokens of either quote mark."""
    return ctx.count(ctx.cues, max(llo, qlo - 3), qlo) > 0 or ctx.count(ctx.cues, qhi, min(lhi, qhi + 3)) > 0

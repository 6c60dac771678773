"""Is it a quote? A classifier over every quote-mark span of a document.

The rule screen (:mod:`quotes.detection.screen`) names what a span looks like (title,
scare quote, nickname, page furniture); the classifier weighs that with the
span's shape (length, capitals, a full clause), its position and the words
around its marks. A span the rules reject stays rejected (in cross-validation
the model rescued too few of them to be worth the titles it let in); among the
spans the rules keep, the model drops those it finds least like speech, at the
threshold where recall is what the rules alone reach, so precision rises and
recall does not fall.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator

from quotes.attribution.front import Front
from quotes.attribution.features import DocContext, span_features
from quotes.records import QuoteSpan
from quotes.text.parsed import token_index_near

_WORD_RE = re.compile(r"[^\W_]+")  # (letters and digits, any script: "zoë" is one word, not "zo")

# Rule reasons left out of training: navigation and empty spans are never speech.
CERTAIN_REJECTS = frozenset(("page furniture", "no words"))


_MAX_TERM_WORDS = 4  # longest span looked for outside the marks


def _is_word_char(c: str) -> bool:
    """A character of a _WORD_RE word (a letter or digit)."""
    return c.isalnum()


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD_RE.findall(text.lower()))


def _found_outside(text: str, spans: list[QuoteSpan], terms: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The ``terms`` (word tuples) that also stand in the text outside every quote span's marks."""
    pos = 0
    pieces: list[str] = []
    for span in sorted(spans, key=lambda s: s.mark_start):
        if span.mark_start > pos:
            pieces.append(text[pos:span.mark_start])
        pos = max(pos, span.mark_end)
    pieces.append(text[pos:])
    # Where a term's first word stands in the lower-cased piece (str.find, not
    # inside a longer word: _words splits on anything but letters and digits), the words
    # from there on decide.
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for term in terms:
        by_first.setdefault(term[0], []).append(term)
    found: set[tuple[str, ...]] = set()
    for piece in pieces:
        low = piece.lower()
        for first, candidates in by_first.items():
            longest = max(len(term) for term in candidates)
            at = low.find(first)
            while at >= 0:
                end = at + len(first)
                if not (at and _is_word_char(low[at - 1])) and not (end < len(low) and _is_word_char(low[end])):
                    words = tuple(m.group() for m in itertools.islice(_WORD_RE.finditer(low, at), longest))
                    found.update(term for term in candidates if words[:len(term)] == term)
                at = low.find(first, end)
    return found


def span_rows(front: Front) -> list[dict]:
    """Return the feature dict of every span of a prepared document (see
    :func:`quotes.attribution.features.span_features`)."""
    return list(_span_rows(front))


def _span_rows(front: Front) -> Iterator[dict]:
    """:func:`span_rows`, one at a time."""
    per_line = Counter(s.line for s in front.spans)
    text = front.parsed.text
    words = [_words(text[s.start:s.end]) for s in front.spans]
    same = Counter(words)
    terms = {w for w in words if 0 < len(w) <= _MAX_TERM_WORDS}
    outside = _found_outside(text, front.spans, terms) if terms else set()
    seen: Counter = Counter()
    doc = _document_facts(front, words)
    for span, reason, w in zip(front.spans, front.reasons, words):
        unquoted = w in outside  # (only short terms were looked for)
        row = span_features(front.ctx, span, reason, per_line[span.line], seen[span.line],
                            same[w] - 1 if w else 0, unquoted)
        _add_context(row, front, span, len(w), doc)
        yield row
        seen[span.line] += 1


# A span of at most this many words is "short": a term, a title or a partial quote.
_SHORT_WORDS = 3
_LONG_WORDS = 8
_REACH = 15  # tokens looked at on each side of the marks, within the sentence


class _DocFacts:
    """What the whole document says about its quotation marks (see :func:`_document_facts`)."""

    __slots__ = ("ctx", "cue_line_memo", "long_lines", "long_share", "cues_per_sentence", "bare_short_share",
                 "name_tokens")

    def __init__(self, ctx: DocContext, long_lines: Counter, name_tokens: list[int]) -> None:
        self.ctx = ctx
        self.cue_line_memo: dict[int, bool] = {}
        self.long_lines = long_lines
        self.name_tokens = name_tokens  # sorted
        self.long_share = self.cues_per_sentence = self.bare_short_share = 0.0

    def cue_line(self, line: int) -> bool:
        """True when paragraph ``line`` holds a reporting verb (outside quotation marks)."""
        found = self.cue_line_memo.get(line)
        if found is None:
            ctx = self.ctx
            if 0 <= line < len(ctx.doc.lines):
                lo, hi = ctx.doc.line_token_range(line)
                found = ctx.count(ctx.cues, lo, hi) > 0
            else:
                found = False
            self.cue_line_memo[line] = found
        return found

    def name_in(self, lo: int, hi: int) -> bool:
        """True when a person's name starts at a token in [lo, hi)."""
        names = self.name_tokens
        at = bisect_left(names, lo)
        return at < len(names) and names[at] < hi


def _document_facts(front: Front, words: list[tuple[str, ...]]) -> _DocFacts:
    """The paragraphs with a reporting verb, the paragraphs with a long quote, and
    the document's style: its share of long quotes, its reporting verbs per
    sentence, and its share of short spans with no reporting verb near them
    (reported speech quotes people at length and says who spoke; a column or a
    product review puts short terms in marks)."""
    ctx = front.ctx
    long_lines: Counter = Counter()
    facts = _DocFacts(ctx, long_lines, sorted({m.token for m in front.names if not m.org}))
    n_long = bare_short = 0
    for span, w in zip(front.spans, words):
        if len(w) >= _LONG_WORDS:
            n_long += 1
            long_lines[span.line] += 1
        elif len(w) <= _SHORT_WORDS and not facts.cue_line(span.line):
            bare_short += 1
    n = len(front.spans)
    n_sentences = ctx.sentence[-1] + 1 if ctx.sentence else 1
    facts.long_share = n_long / n if n else 0.0
    facts.cues_per_sentence = ctx.cues[-1] / n_sentences
    facts.bare_short_share = bare_short / n if n else 0.0
    return facts


def _add_context(row: dict, front: Front, span: QuoteSpan, n_words: int, doc: _DocFacts) -> None:
    """Add to a span's features what its paragraph and its document say about it:
    a reporting verb in the paragraph or the one before, another long quote in the
    paragraph, the document's style (:func:`_document_facts`), and the span's
    shape crossed with the verb (a short span with no reporting verb in reach is
    a term or a title far more often than one beside "said")."""
    line = span.line
    cue_line = doc.cue_line(line)
    row["cue_in_line"] = float(cue_line)
    row["cue_line_before"] = float(doc.cue_line(line - 1))
    row["other_long_in_line"] = float(doc.long_lines[line] - (n_words >= _LONG_WORDS) > 0)
    row["doc_long_share"] = doc.long_share
    row["doc_cues_per_sentence"] = min(1.0, doc.cues_per_sentence)
    row["doc_bare_short_share"] = doc.bare_short_share
    # In the span's sentence, within _REACH tokens of its marks: a weak reporting
    # verb ("called it", "described as", "decried") and a person's name (a
    # speaker to whom the words belong, "Trump's “exception”").
    ctx = front.ctx
    parsed = ctx.doc
    qlo = parsed.token_index(span.mark_start)
    qhi = token_index_near(parsed, span.mark_end, qlo)
    sent = ctx.sentence
    weak = name = False
    n = len(sent)
    if n:
        # sentence numbers never decrease: the span's sentences are one block of tokens
        lo = max(0, qlo - _REACH, bisect_left(sent, sent[min(qlo, n - 1)]))
        hi = min(n, qhi + _REACH, bisect_right(sent, sent[min(max(qhi - 1, 0), n - 1)]))
        cue = ctx.cue
        left_hi, right_lo = min(qlo, hi), max(qhi, lo)
        weak = (lo < left_hi and 2 in cue[lo:left_hi]) or (right_lo < hi and 2 in cue[right_lo:hi])
        name = (lo < left_hi and doc.name_in(lo, left_hi)) or (right_lo < hi and doc.name_in(right_lo, hi))
    row["weak_cue_near"] = float(weak)
    row["person_near"] = float(name)
    size = "short" if n_words <= _SHORT_WORDS else "long" if n_words >= _LONG_WORDS else "mid"
    near = row["cue_in_sentence"] or row["cue_before"] or row["cue_after"]
    row[f"shape={size}|cue={int(bool(near))}|line={int(cue_line)}|upper={int(row['first_upper'])}"] = 1.0


# Spans scored at once: their feature dicts are scored and dropped in batches of
# this many, so memory stays flat however many spans a document holds (each
# span's probability is its own dict's, whatever the batch).
_SCORE_BATCH = 2048


def quote_probabilities(front: Front) -> list[float]:
    """Return, per span, the calibrated probability that it is a quote (one batched call)."""
    from quotes.attribution.model import load_attribution_model

    if not front.spans:
        return []
    model = load_attribution_model().quote_filter
    out: list[float] = []
    batch: list[dict] = []
    for row in _span_rows(front):
        batch.append(row)
        if len(batch) == _SCORE_BATCH:
            out.extend([float(p) for p in model.predict_proba(batch)])
            batch = []
    if batch:
        out.extend([float(p) for p in model.predict_proba(batch)])
    return out


def filter_spans(front: Front) -> tuple[list[QuoteSpan], list[tuple[QuoteSpan, str]]]:
    """Split a document's spans into quotes and rejects.

    Args:
        front: the document's :class:`Front`.

    Returns:
        (kept spans, [(rejected span, reason)]): the reason is the rule's when the
        rules rejected the span, else "not speech (p=…)".
    """
    from quotes.attribution.model import load_attribution_model

    if not front.spans:
        return [], []
    threshold = load_attribution_model().quote_threshold
    probs = quote_probabilities(front)  # one batched call, rule rejects included (cheap)
    kept: list[QuoteSpan] = []
    rejected: list[tuple[QuoteSpan, str]] = []
    for span, reason, p in zip(front.spans, front.reasons, probs):
        if reason is not None:
            rejected.append((span, reason))
        elif p >= threshold:
            kept.append(span)
        else:
            rejected.append((span, f"not speech (p={p:.2f})"))
    return kept, rejected

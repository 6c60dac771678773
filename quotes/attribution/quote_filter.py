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
from collections import Counter
from collections.abc import Iterator

from quotes.attribution.front import Front
from quotes.attribution.features import span_features
from quotes.records import QuoteSpan

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
    for span, reason, w in zip(front.spans, front.reasons, words):
        unquoted = w in outside  # (only short terms were looked for)
        yield span_features(front.ctx, span, reason, per_line[span.line], seen[span.line],
                            same[w] - 1 if w else 0, unquoted)
        seen[span.line] += 1


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

"""The extraction pipeline: parse -> detect -> screen -> names -> quote filter ->
rules -> candidates -> speaker ranker -> tone -> records.

:func:`quotes.attribution.front.prepare` runs the rule stages that read the text
(:mod:`quotes.text`, :mod:`quotes.detection`); this module wires the rest. Tone
(:mod:`quotes.tone`) scores all the quotes of a document in one batch. The two
trained stages (:mod:`quotes.attribution.quote_filter`,
:mod:`quotes.attribution.rank`) read the rules' output as features, and
training (:mod:`quotes.training.attribution`) calls the same stage functions, so
what is learnt is what runs.

:func:`process` is the in-memory run over one document; ``quotes analyse``
(:mod:`quotes.corpus.batch`) runs it over many and stores the results.
"""
from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from quotes.attribution.front import prepare
from quotes.attribution.rules import attribute
from quotes.records import Attribution, Document, QuoteRecord, QuoteSpan, Tone
from quotes.timing import StageClock


def load_models() -> None:
    """Load the shipped models now (otherwise the first document loads them)."""
    from quotes.attribution.model import load_attribution_model
    from quotes.tone.scoring import load_scorer

    load_attribution_model()
    load_scorer()


_WARM_UP = Document("warm-up", '"I was wrong," said Anthony Blunt. "It was a mistake," he added.')


def warm_up() -> None:
    """Prepare this process for a long run: load the models and word lists, then
    take them out of the garbage collector's sight.

    The models, lexicons and caches are hundreds of thousands of objects that
    live as long as the process. ``gc.freeze`` moves them to a generation the
    collector never walks, so the collections that a run of small allocations
    triggers stay cheap (about 5% of the pipeline's time), and forked workers
    do not copy their pages by touching them. Call it once, at the start of a
    command or worker, not from library code that others embed.
    """
    load_models()
    extract_document(_WARM_UP)
    gc.collect()
    gc.freeze()
    # A document makes tens of thousands of short-lived objects, and the youngest
    # generation's default threshold (700 allocations) has the collector walk
    # them again and again; at 10,000 it walks them a tenth as often (1-2% of
    # the pipeline's instructions), and memory stays flat: they die with their
    # document.
    gc.set_threshold(10_000, *gc.get_threshold()[1:])


@dataclass
class Analysis:
    """Everything the pipeline learnt about one document."""

    doc: Document
    quotes: list[QuoteRecord]
    rejected: list[tuple[QuoteSpan, str]] = field(default_factory=list)


def process(document: Document, timings: dict[str, float] | None = None,
            rules_only: bool = False, tone: bool = True) -> Analysis:
    """Run the whole pipeline on one document.

    Args:
        document: the article.
        timings: when given, the seconds spent in each stage are added to it.
        rules_only: skip the trained quote filter and speaker ranker (the rule
            half alone, for comparisons and for ``--rules-only``).
        tone: score each quote's tone (``QuoteRecord.tone``); evaluation of
            attribution alone turns it off.

    Returns:
        The attributed quotes in document order, and the quote-mark spans that
        were rejected as not speech, with the reason.
    """
    with _collector_paused():
        return _process(document, timings, rules_only, tone)


# Documents being processed now, in all threads, and whether the collector was on
# when the first of them began: the collector is process-wide, so it is turned off
# by the first document to begin and set back by the last to end.
_COLLECTOR_LOCK = threading.Lock()
_documents_running = 0
_collector_was_enabled = False


def _after_fork_in_child() -> None:
    # A process forked while another thread was inside a document has none of
    # those threads: no document runs in it, and the collector is set back.
    global _COLLECTOR_LOCK, _documents_running
    _COLLECTOR_LOCK = threading.Lock()
    if _documents_running:
        _documents_running = 0
        if _collector_was_enabled:
            gc.enable()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector off while one document is processed,
    then set it back as it was.

    The pipeline builds no reference cycles (``tests/test_pipeline_gc.py``
    checks it on varied documents), so every object it drops is freed by its
    reference count at once and the collector has nothing to find. Left on,
    it still walks the document's live objects (tokens, mentions, candidates)
    every few hundred allocations and all of the process's objects every few
    dozen young collections: 10-15% of the time of a long document, growing
    with its length. Memory is unchanged (nothing collectable accumulates),
    and a collector that was already off stays off.

    Threads share the collector: it stays off while any thread is inside a
    document, and only the last to leave sets it back (a state read and set per
    document by each thread could be read as "off" from another thread's
    document and then left off for good).
    """
    global _documents_running, _collector_was_enabled
    with _COLLECTOR_LOCK:
        if _documents_running == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _documents_running += 1
    try:
        yield
    finally:
        with _COLLECTOR_LOCK:
            _documents_running -= 1
            if _documents_running == 0 and _collector_was_enabled:
                gc.enable()


def _process(document: Document, timings: dict[str, float] | None, rules_only: bool, tone: bool) -> Analysis:
    from quotes.attribution.quote_filter import filter_spans
    from quotes.attribution.rank import rank_speakers

    clock = StageClock(timings)
    text = document.text
    front = prepare(text, clock)
    if rules_only:
        kept = [s for s, r in zip(front.spans, front.reasons) if r is None]
        rejected = [(s, r) for s, r in zip(front.spans, front.reasons) if r is not None]
    else:
        kept, rejected = filter_spans(front)
    clock.lap("quote filter")
    rules = attribute(front.parsed, kept, front.index)
    clock.lap("attribution")
    attributions = rules if rules_only else rank_speakers(front, kept, rules, clock)
    texts = [text[span.start:span.end] for span in kept]  # (one string each, for tone and record)
    tones: list = [None] * len(kept)
    if tone and kept:
        from quotes.tone.scoring import score_texts

        tones = score_texts(texts)
        clock.lap("tone")
    records = [_record(span, s, a, t) for span, s, a, t in zip(kept, texts, attributions, tones)]
    clock.lap("records")
    return Analysis(document, records, rejected)


def _record(span: QuoteSpan, text: str, a: Attribution, tone: Tone | None) -> QuoteRecord:
    """The record of one quote (``text``: its words, ``text[span.start:span.end]``)."""
    mention = a.mention
    return QuoteRecord(
        start=span.start,
        end=span.end,
        text=text,
        speaker=a.speaker,
        speaker_mention=mention.text if mention else None,
        speaker_start=mention.start if mention else None,
        speaker_end=mention.end if mention else None,
        cue=a.cue,
        confidence=a.confidence,
        rule=a.rule,
        tone=tone,
    )


def extract_document(document: Document) -> list[QuoteRecord]:
    """Return the attributed quotes of one :class:`Document`."""
    return process(document).quotes


def extract(text: str, doc_id: str | None = None) -> list[QuoteRecord]:
    """Find every direct quote in ``text`` and attribute it to its speaker.

    Args:
        text: the article, as plain text.
        doc_id: an optional identifier (kept for symmetry with the CLI).

    Returns:
        :class:`QuoteRecord` objects in document order. ``speaker`` is the
        canonical name ("Anthony Blunt"), or None when the text does not say.

    Example:
        >>> [q.speaker for q in extract('"I was wrong," said Anthony Blunt.')]
        ['Anthony Blunt']
    """
    return extract_document(Document(doc_id or "doc", text))

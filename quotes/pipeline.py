"""The extraction pipeline: parse -> detect -> screen -> names -> quote filter ->
rules -> candidates -> speaker ranker -> tone -> records.

Each stage is a function over one :class:`~quotes.parsed.ParsedDoc`; this module
only wires them together. Tone (:mod:`quotes.tone`) scores all the quotes of a
document in one batch. The two trained stages (:mod:`quotes.quote_filter`,
:mod:`quotes.rank`) read the rules' output as features, and training
(:mod:`quotes.train_attribution`) calls the same stage functions, so what is
learnt is what runs.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass, field
from time import perf_counter

from .attribute import attribute
from .detect import find_pull_quotes, find_quotes
from .entities import EntityIndex
from .features import DocContext
from .names import NameMention, find_names
from .parsed import ParsedDoc
from .records import Attribution, Document, QuoteRecord, QuoteSpan, Tone
from .screen import screen

# Bumped whenever a change to the rules or models changes what the pipeline
# outputs; the corpus store re-analyses documents whose results came from
# another version.
RULES_VERSION = "rules-12+attribution-model-11+tone-7"


def pipeline_version() -> str:
    """Identify the code and models that produce results (for idempotent stores)."""
    from . import __version__

    return f"{__version__}+{RULES_VERSION}"


def load_models() -> None:
    """Load the shipped models now (otherwise the first document loads them)."""
    from .model_files import load_attribution_model
    from .tone import load_scorer

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


@dataclass
class Front:
    """The rule stages' view of one document, before any model runs.

    Attributes:
        parsed: lines and tokens, quote-mark spans marked.
        spans: every quote-mark span (and pull quote), in order.
        reasons: per span, why the rule screen would reject it, or None.
        names: proper-name mentions outside quotation marks.
        index: the entities those names form.
        ctx: per-token facts for the models' features.
    """

    parsed: ParsedDoc
    spans: list[QuoteSpan]
    reasons: list[str | None]
    names: list[NameMention]
    index: EntityIndex
    ctx: DocContext


class _Clock:
    """Adds the time of each stage to a dict (the benchmark's per-stage profile)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = perf_counter() if timings is not None else 0.0

    def lap(self, stage: str) -> None:
        if self.timings is not None:
            now = perf_counter()
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
            self.last = now


def prepare(text: str, clock: _Clock | None = None) -> Front:
    """Run the rule stages that do not depend on which spans are quotes.

    Args:
        text: the article.
        clock: optional stage timer.
    """
    clock = clock or _Clock(None)
    parsed = ParsedDoc.from_text(text)
    clock.lap("segmentation")
    spans = find_quotes(text, parsed.lines)
    spans = sorted(spans + find_pull_quotes(text, parsed.lines, spans), key=lambda s: s.start)
    parsed.mark_quoted(spans)
    reasons = [reason for _, reason in screen(text, parsed.lines, spans)]
    clock.lap("detection")
    names = find_names(parsed)
    index = EntityIndex(parsed, names)
    ctx = DocContext.build(parsed)
    clock.lap("names and entities")
    return Front(parsed, spans, reasons, names, index, ctx)


def analyse(document: Document, timings: dict[str, float] | None = None,
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
    from .quote_filter import filter_spans
    from .rank import rank_speakers

    clock = _Clock(timings)
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
    tones: list = [None] * len(kept)
    if tone and kept:
        from .tone import score_texts

        tones = score_texts([text[span.start:span.end] for span in kept])
        clock.lap("tone")
    records = [_record(text, span, a, t) for span, a, t in zip(kept, attributions, tones)]
    clock.lap("records")
    return Analysis(document, records, rejected)


def _record(text: str, span: QuoteSpan, a: Attribution, tone: Tone | None) -> QuoteRecord:
    mention = a.mention
    return QuoteRecord(
        start=span.start,
        end=span.end,
        text=text[span.start:span.end],
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
    return analyse(document).quotes


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

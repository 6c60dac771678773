"""The extraction pipeline: parse -> detect -> screen -> names -> attribute -> records.

Each stage is a function over one :class:`~quotes.parsed.ParsedDoc`; this module
only wires them together, so a later stage (a trained ranker, tone) plugs in
here without touching the others.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from time import perf_counter

from .attribute import attribute
from .detect import find_pull_quotes, find_quotes
from .entities import EntityIndex
from .names import find_names
from .parsed import ParsedDoc
from .records import Attribution, Document, QuoteRecord, QuoteSpan
from .screen import screen

# Bumped whenever a change to the rules changes what the pipeline outputs; the
# corpus store re-analyses documents whose results came from another version.
RULES_VERSION = "rules-1"


def pipeline_version() -> str:
    """Identify the code and models that produce results (for idempotent stores)."""
    from . import __version__

    return f"{__version__}+{RULES_VERSION}"


@dataclass
class Analysis:
    """Everything the pipeline learnt about one document."""

    doc: Document
    quotes: list[QuoteRecord]
    rejected: list[tuple[QuoteSpan, str]] = field(default_factory=list)


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


def analyse(document: Document, timings: dict[str, float] | None = None) -> Analysis:
    """Run the whole pipeline on one document.

    Args:
        document: the article.
        timings: when given, the seconds spent in each stage are added to it.

    Returns:
        The attributed quotes in document order, and the quote-mark spans that
        were rejected as not speech, with the reason.
    """
    clock = _Clock(timings)
    text = document.text
    parsed = ParsedDoc.from_text(text)
    clock.lap("segmentation")
    spans = find_quotes(text, parsed.lines)
    spans = sorted(spans + find_pull_quotes(text, parsed.lines, spans), key=lambda s: s.start)
    parsed.mark_quoted(spans)
    kept: list[QuoteSpan] = []
    rejected: list[tuple[QuoteSpan, str]] = []
    for span, reason in screen(text, parsed.lines, spans):
        if reason is None:
            kept.append(span)
        else:
            rejected.append((span, reason))
    clock.lap("detection")
    index = EntityIndex(parsed, find_names(parsed))
    clock.lap("names and entities")
    attributions = attribute(parsed, kept, index)
    clock.lap("attribution")
    records = [_record(text, span, a) for span, a in zip(kept, attributions)]
    clock.lap("records")
    return Analysis(document, records, rejected)


def _record(text: str, span: QuoteSpan, a: Attribution) -> QuoteRecord:
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

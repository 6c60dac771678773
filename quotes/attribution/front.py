"""The rule stages' view of one document, before any model runs (:class:`Front`).

:func:`prepare` parses the text, finds and screens the quote-mark spans, finds
the names and their entities and the per-token facts the models read. The
trained stages (quote filter, speaker ranker) and the rules all take a
:class:`Front`; training builds one per article the same way.
"""
from __future__ import annotations

from dataclasses import dataclass

from quotes.attribution.features import DocContext
from quotes.detection.marks import find_pull_quotes, find_quotes
from quotes.detection.screen import screen
from quotes.records import QuoteSpan
from quotes.text.entities import EntityIndex
from quotes.text.names import NameMention, find_names
from quotes.text.parsed import ParsedDoc
from quotes.timing import StageClock


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


def prepare(text: str, clock: StageClock | None = None) -> Front:
    """Run the rule stages that do not depend on which spans are quotes.

    Args:
        text: the article.
        clock: optional stage timer.
    """
    clock = clock or StageClock(None)
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

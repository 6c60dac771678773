"""Write extraction results as a table, JSON, JSONL, CSV or an HTML page.

The JSONL form is the machine contract: one line per input document, in input
order, ``{"doc_id": ..., "quotes": [...]}`` with the fields of
:class:`~quotes.records.QuoteRecord`.
"""
from __future__ import annotations

import csv
import json
import shutil
from typing import IO

from quotes.records import Document, QuoteRecord

FORMATS = ("table", "json", "jsonl", "csv", "html")  # quotes extract
REPORT_FORMATS = ("table", "json")  # quotes evaluate
SPEAKER_FORMATS = ("table", "json", "csv")  # quotes speakers
LIST_FORMATS = ("table", "jsonl", "csv")  # quotes list
TONE_FORMATS = ("jsonl", "table")  # quotes tone
REPORT_PERIODS = ("auto", "week", "month")  # quotes report --period
TONE_FIELDS = ("regret", "shock", "polarity", "subjectivity")
CSV_FIELDS = ("doc_id", "start", "end", "text", "speaker", "speaker_mention", "speaker_start",
              "speaker_end", "cue", "confidence") + TONE_FIELDS


def doc_dict(doc_id: str, quotes: list[QuoteRecord], explain: bool = False) -> dict:
    """The JSON object of one document's results; with ``explain``, each scored
    quote also gets ``tone_why`` (see :func:`tone_reasons`)."""
    rows = [q.to_dict(explain=explain) for q in quotes]
    if explain:
        for row, why in zip(rows, tone_reasons(quotes)):
            if why:
                row["tone_why"] = why
    return {"doc_id": doc_id, "quotes": rows}


def tone_reasons(quotes: list[QuoteRecord]) -> list[dict[str, str] | None]:
    """Why each quote got its regret and shock (None for a quote without tone)."""
    from quotes.tone.explain import explain_texts

    scored = [i for i, q in enumerate(quotes) if q.tone is not None]
    out: list[dict[str, str] | None] = [None] * len(quotes)
    for i, why in zip(scored, explain_texts([quotes[i].text for i in scored])):
        out[i] = why
    return out


def shorten(text: str, width: int) -> str:
    """Collapse white space and cut ``text`` to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


class Writer:
    """Streams results in one format; call :meth:`write` per document, then :meth:`close`."""

    def __init__(self, fmt: str, out: IO[str], explain: bool = False) -> None:
        self.fmt = fmt
        self.out = out
        self.explain = explain
        self._first = True
        self._csv = None
        self._docs: list[tuple[Document, list[QuoteRecord]]] = []  # html: written by close()
        if fmt == "csv":
            fields = CSV_FIELDS + (("rule", "tone_why") if explain else ())
            self._csv = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
            self._csv.writeheader()
        elif fmt == "json":
            out.write("[")

    def write(self, doc_id: str, quotes: list[QuoteRecord], doc: Document | None = None) -> None:
        """Write one document's quotes (``html`` needs the ``doc``, for its text)."""
        if self.fmt == "html":
            self._docs.append((doc if doc is not None else Document(doc_id, ""), quotes))
            return
        if self.fmt == "jsonl":
            self.out.write(json.dumps(doc_dict(doc_id, quotes, self.explain), ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.out.write(("\n" if self._first else ",\n")
                           + json.dumps(doc_dict(doc_id, quotes, self.explain), ensure_ascii=False))
        elif self.fmt == "csv":
            reasons = tone_reasons(quotes) if self.explain else [None] * len(quotes)
            for q, why in zip(quotes, reasons):
                row = {"doc_id": doc_id, **q.to_dict(explain=self.explain)}
                row.update(row.pop("tone", None) or {})
                if why:
                    row["tone_why"] = " | ".join(why.values())
                self._csv.writerow(row)
        else:
            self._table(doc_id, quotes)
        self._first = False
        self.out.flush()

    def close(self) -> None:
        """Finish the output (closes the JSON array; writes the HTML page)."""
        if self.fmt == "html":
            from quotes.cli.html import article_page

            self.out.write(article_page(self._docs))
            self.out.flush()
        elif self.fmt == "json":
            self.out.write("\n]\n" if not self._first else "]\n")

    def _table(self, doc_id: str, quotes: list[QuoteRecord]) -> None:
        # the terminal's width (80 columns when it is not a terminal), at least 76
        width = max(76, shutil.get_terminal_size((80, 20)).columns)
        count = f"  ({len(quotes)} quote{'s' if len(quotes) != 1 else ''})"
        self.out.write(f"{shorten(doc_id, width - len(count))}{count}\n")
        if not quotes:
            self.out.write("\n")
            return
        speaker_w = min(24, max(7, *(len(q.speaker or "?") for q in quotes)))
        cue_w = min(12, max(3, *(len(q.cue or "") for q in quotes)))
        rule_w = 17 if self.explain else 0
        tone_w = 9
        gaps = 10 + (2 if self.explain else 0)
        quote_w = width - speaker_w - cue_w - rule_w - tone_w - gaps
        if quote_w < 20:  # narrow: the speaker and cue give way to the quote
            speaker_w = max(7, speaker_w - (20 - quote_w))
            cue_w = max(3, cue_w - max(0, 20 - (width - speaker_w - cue_w - rule_w - tone_w - gaps)))
            quote_w = max(20, width - speaker_w - cue_w - rule_w - tone_w - gaps)
        head = (f"  {'speaker':<{speaker_w}}  {'cue':<{cue_w}}  " + (f"{'rule':<{rule_w}}  " if self.explain else "")
                + f"{'tone':<{tone_w}}  quote\n")
        self.out.write(head)
        reasons = tone_reasons(quotes) if self.explain else [None] * len(quotes)
        for q, why in zip(quotes, reasons):
            speaker = shorten(q.speaker or "?", speaker_w)
            cue = shorten(q.cue or "", cue_w)
            rule = f"{shorten(q.rule, rule_w):<{rule_w}}  " if self.explain else ""
            self.out.write(f"  {speaker:<{speaker_w}}  {cue:<{cue_w}}  {rule}{_tone_cell(q):<{tone_w}}  "
                           f"{shorten(q.text, quote_w)}\n")
            # the reasons of the tones the quote carries (at 0.5)
            for tone, reason in (why or {}).items():
                if getattr(q.tone, tone) >= 0.5:
                    self.out.write(f"    {shorten(reason, width - 4)}\n")
        self.out.write("\n")


def _tone_cell(q: QuoteRecord) -> str:
    """Regret and shock as two-digit probabilities ("R.93 S.02"), blank without tone."""
    if q.tone is None:
        return ""

    def prob(p: float) -> str:
        return "1.0" if p >= 0.995 else f"{p:.2f}"[1:]

    return f"R{prob(q.tone.regret)} S{prob(q.tone.shock)}"

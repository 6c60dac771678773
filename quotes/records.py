"""Plain, frozen records that every pipeline stage reads and writes.

Everything carries character offsets into :attr:`Document.text` (end-exclusive),
so any stage's output can be checked against the original article.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from a file, a JSONL line or standard input."""

    doc_id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None
    source: str | None = None  # where it came from: "path" or "path:line"

    def metadata(self) -> dict[str, Any]:
        """Return the optional fields that were given, for stores and exports."""
        return {k: v for k, v in (("title", self.title), ("date", self.date),
                                  ("url", self.url), ("outlet", self.outlet)) if v is not None}


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A stretch of quoted words found by detection, without its quotation marks.

    Attributes:
        start, end: offsets of the quoted content.
        mark_start, mark_end: offsets including the marks (equal to start/end for
            a pull quote, which has none).
        kind: ``"double"``, ``"single"`` or ``"pull"``.
        closed: False when the paragraph ended before a closing mark.
        continued: True when the span opens a paragraph that continues an
            unclosed quote of the paragraph before (multi-paragraph quotes).
        line: index of the paragraph (line) the span sits in.
    """

    start: int
    end: int
    mark_start: int
    mark_end: int
    kind: str
    closed: bool = True
    continued: bool = False
    line: int = 0


class Mention:
    """A stretch of text that may name a speaker (treat as immutable).

    ``kind`` is ``"name"`` (a proper name, person or organisation), ``"pronoun"``
    or ``"description"`` ("the former spy", "the newspaper").
    """

    # A plain class rather than a frozen dataclass: an article makes hundreds,
    # and a frozen dataclass's __init__ is ten times slower once compiled.
    __slots__ = ("start", "end", "text", "kind")

    def __init__(self, start: int, end: int, text: str, kind: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mention):
            return NotImplemented
        return (self.start, self.end, self.text, self.kind) == (other.start, other.end, other.text, other.kind)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text, self.kind))

    def __repr__(self) -> str:
        return f"Mention(start={self.start!r}, end={self.end!r}, text={self.text!r}, kind={self.kind!r})"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quote is attributed to, and why.

    Attributes:
        speaker: canonical name of the entity, or None when the text does not say.
        mention: the words the attribution rests on (may be a pronoun).
        cue: the reporting word(s), ":" for a colon introduction, or None.
        rule: name of the rule that chose the speaker (shown by ``--explain``).
        confidence: the rule's confidence in [0, 1].
    """

    speaker: str | None
    mention: Mention | None
    cue: str | None
    rule: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Tone:
    """The tone of one quote.

    ``regret`` and ``shock`` are calibrated probabilities in [0, 1]; ``polarity``
    is in [-1, 1] and ``subjectivity`` in [0, 1].
    """

    regret: float
    shock: float
    polarity: float
    subjectivity: float

    def to_dict(self) -> dict[str, float]:
        """The JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """One attributed quote: the machine contract of ``quotes extract``."""

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    confidence: float
    rule: str = field(default="", compare=False)
    tone: Tone | None = None

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """Return the JSON-ready dict; ``rule`` is included only with ``explain``,
        ``tone`` only once the tone stage has scored the quote."""
        out = asdict(self)
        if not explain:
            out.pop("rule")
        if self.tone is None:
            out.pop("tone")
        return out

    def to_full_dict(self) -> dict[str, Any]:
        """Every field, ``rule`` included and ``tone`` None when it was not scored:
        the form the corpus store keeps and worker processes send back."""
        return asdict(self)

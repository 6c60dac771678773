"""quotes: find direct quotes in news text, name their speakers, score their tone.

The public API is small: :func:`extract` turns one article's text into
:class:`QuoteRecord` objects (speaker, offsets, cue, confidence and a
:class:`Tone`); :func:`extract_document` does the same for a :class:`Document`,
which :func:`read_documents` makes from paths. Errors raised on purpose are
:class:`QuotesError` (and its :class:`InputError`). The package is typed
(``py.typed``).

The stages are subpackages, each importing only the ones below it:
:mod:`quotes.cli` -> :mod:`quotes.training` -> :mod:`quotes.corpus` ->
:mod:`quotes.pipeline` -> :mod:`quotes.attribution` / :mod:`quotes.tone` ->
:mod:`quotes.detection` -> :mod:`quotes.text` -> the records, word lists and
errors at the bottom. ``ARCHITECTURE.md`` says more.
"""
from __future__ import annotations

from quotes.corpus.ingest import read_documents
from quotes.errors import InputError, QuotesError
from quotes.pipeline import extract, extract_document
from quotes.records import Document, QuoteRecord, Tone
from quotes.version import __version__

__all__ = [
    "Document",
    "InputError",
    "QuoteRecord",
    "QuotesError",
    "Tone",
    "__version__",
    "extract",
    "extract_document",
    "read_documents",
]

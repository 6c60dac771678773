"""quotes: find direct quotes in news text, name their speakers, score their tone.

The public API is small: :func:`extract` turns one article into attributed quote
records, :func:`read_documents` turns paths into :class:`Document` objects.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import InputError, QuotesError
from .pipeline import extract, extract_document
from .records import Document, QuoteRecord

__all__ = [
    "Document",
    "InputError",
    "QuoteRecord",
    "QuotesError",
    "__version__",
    "extract",
    "extract_document",
]

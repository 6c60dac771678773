"""Corpora: reading inputs, the SQLite store, batch analysis, speakers across articles, evaluation.

- :mod:`.ingest`: files, folders and JSONL into :class:`~quotes.records.Document`.
- :mod:`.batch`: ``quotes analyse``: many documents, worker processes, the store.
- :mod:`.store`: the SQLite database and its export.
- :mod:`.speakers`: one identity per speaker across articles.
- :mod:`.distributed`: ``analyse --engine dask``: partitions on a Dask cluster, a Parquet dataset.
- :mod:`.dataset`: reading such a dataset as the store is read.
- :mod:`.evaluate`: scores against gold annotations.
"""
from __future__ import annotations

from quotes.corpus.ingest import read_documents
from quotes.corpus.store import Store

__all__ = ["Store", "read_documents"]

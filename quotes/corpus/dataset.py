"""A Parquet dataset of analysed quotes, as ``quotes analyse --engine dask`` writes it.

The reading side: ``quotes speakers``, ``list``, ``export`` and ``report`` take a
dataset folder as they take a database, with the same rows, orders and filters
(:class:`Dataset` has the reading methods of :class:`~quotes.corpus.store.Store`,
:class:`CorpusReader` names them).
It needs pyarrow only, not Dask.

Layout of ``DIR/``::

    _dataset.json               what the run produced: version, counts, partitions
    quotes/part-<id>.parquet    one file per partition, the export schema
                                (:data:`~quotes.corpus.store.EXPORT_COLUMNS`), rows
                                ordered by doc_id and offsets within the file
    documents/part-<id>.parquet the same partition's kept documents (DOCUMENT_COLUMNS:
                                metadata, length, quote count and text), by doc_id
    speakers.parquet            one row per speaker (SPEAKER_COLUMNS), aliases a list
    failures.jsonl              inputs that could not be analysed: source, doc_id, reason
    _work/                      the run's intermediate files and markers (resuming)
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Protocol

from quotes.choices import SPEAKER_SORTS
from quotes.corpus.store import EXPORT_COLUMNS, SPEAKER_COLUMNS, StoreError, export_to

MANIFEST = "_dataset.json"
QUOTES_DIR = "quotes"
DOCUMENTS_DIR = "documents"
# a dataset's documents: the columns of Store.documents() and the text
DOCUMENT_COLUMNS = (("doc_id", "string"), ("title", "string"), ("date", "string"), ("url", "string"),
                    ("outlet", "string"), ("source", "string"), ("chars", "int64"), ("quotes", "int64"),
                    ("text", "string"))
SPEAKERS_FILE = "speakers.parquet"
FAILURES_FILE = "failures.jsonl"


def is_dataset(path: str | Path) -> bool:
    """True for a folder that ``quotes analyse --engine dask`` wrote."""
    return (Path(path) / MANIFEST).is_file()


def _pyarrow():
    try:
        import pyarrow  # noqa: F401
        import pyarrow.dataset as ds
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError('reading a Parquet dataset needs pyarrow: pip install "quotes[parquet]"') from None
    return ds, pq


def _ascii_fold(text: str) -> str:
    # SQLite's NOCASE folds ASCII letters only; the store's lookups use it
    return "".join(c.lower() if c < "\x80" else c for c in text)


def _sort_key(sort: str):
    def neg(x):
        return -x if x is not None else 0.0

    if sort == "quotes":
        return lambda r: (-r["quotes"], -r["articles"], r["name"], r["speaker_id"])
    if sort == "articles":
        return lambda r: (-r["articles"], -r["quotes"], r["name"], r["speaker_id"])
    field = f"{sort}_mean"
    return lambda r: (r[field] is None, neg(r[field]), -r["quotes"], r["name"], r["speaker_id"])


class CorpusReader(Protocol):
    """What the reading commands need of a corpus: a :class:`~quotes.corpus.store.Store`
    opened read-only and a :class:`Dataset` both give it, with the same results."""

    path: str

    def documents(self) -> list[dict[str, Any]]: ...

    def document_text(self, doc_id: str) -> str | None: ...

    def document_texts(self, doc_ids: Iterable[str]) -> dict[str, str]: ...

    def aliases(self, ids: Iterable[str] | None = None) -> dict[str, list[str]]: ...

    def speaker_ids(self, name: str) -> list[str]: ...

    def speakers(self, sort: str = "quotes", top: int | None = None) -> list[dict[str, Any]]: ...

    def quotes(self, speaker: str | None = None, doc: str | None = None,
               min_regret: float | None = None, min_shock: float | None = None,
               limit: int | None = None) -> list[dict[str, Any]]: ...

    def export_rows(self) -> Iterator[dict[str, Any]]: ...

    def counts(self) -> dict[str, int]: ...


class Dataset:
    """A dataset folder opened for reading (nothing is ever written to it).

    Raises:
        StoreError: when the folder is not a finished dataset, or pyarrow is missing.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        root = Path(path)
        if not root.is_dir():
            raise StoreError(f"{self.path}: no such dataset folder; create it with "
                             f"`quotes analyse PATH... --engine dask --output {self.path}`")
        if not is_dataset(root):
            raise StoreError(f"{self.path}: not a quotes dataset (no {MANIFEST}); run "
                             "`quotes analyse ... --engine dask --output` on it to finish it")
        self.root = root
        self.manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
        self._ds, self._pq = _pyarrow()

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def close(self) -> None:
        """Nothing to close (for symmetry with Store)."""

    # --- speakers ---------------------------------------------------------------

    def _speaker_rows(self) -> list[dict[str, Any]]:
        path = self.root / SPEAKERS_FILE
        if not path.exists():
            return []
        return self._pq.read_table(path).to_pylist()

    def speakers(self, sort: str = "quotes", top: int | None = None) -> list[dict[str, Any]]:
        """As :meth:`Store.speakers`: one row per speaker, in the same order."""
        if sort not in SPEAKER_SORTS:
            raise StoreError(f"unknown sort {sort!r}; choose one of {', '.join(SPEAKER_SORTS)}")
        rows = sorted(self._speaker_rows(), key=_sort_key(sort))
        if top is not None:
            rows = rows[:max(0, int(top))]
        return [{k: r[k] for k in SPEAKER_COLUMNS} for r in rows]

    def speaker_ids(self, name: str) -> list[str]:
        """As :meth:`Store.speaker_ids`: an id, else a canonical name, else an alias (ASCII case folded)."""
        rows = self._speaker_rows()
        folded = _ascii_fold(name)
        for test in (lambda r: r["speaker_id"] == name,
                     lambda r: _ascii_fold(r["name"]) == folded,
                     lambda r: any(_ascii_fold(a) == folded for a in r["aliases"] or ())):
            found = sorted({r["speaker_id"] for r in rows if test(r)})
            if found:
                return found
        return []

    def aliases(self, ids: Iterable[str] | None = None) -> dict[str, list[str]]:
        """As :meth:`Store.aliases`: each speaker's names (canonical name first), by id."""
        wanted = None if ids is None else set(ids)
        return {r["speaker_id"]: list(r["aliases"] or ()) for r in self._speaker_rows()
                if (wanted is None or r["speaker_id"] in wanted) and r["aliases"]}

    # --- documents --------------------------------------------------------------

    def _document_files(self) -> list[str]:
        folder = self.root / DOCUMENTS_DIR
        if not folder.is_dir():
            raise StoreError(f"{self.path}: this dataset keeps no documents (written before they were kept); "
                             f"rerun `quotes analyse ... --engine dask --output {self.path}` on the same "
                             "inputs to add them")
        return [str(f) for f in sorted(folder.glob("part-*.parquet"))]

    def _documents_table(self, columns: list[str], where=None):
        files = self._document_files()
        if not files:
            import pyarrow as pa

            return pa.schema([(n, getattr(pa, k)()) for n, k in DOCUMENT_COLUMNS
                              if n in columns]).empty_table()
        return self._ds.dataset(files, format="parquet").to_table(columns=columns, filter=where)

    def documents(self) -> list[dict[str, Any]]:
        """As :meth:`Store.documents`: every kept document's row (doc_id, title,
        date, url, outlet, source, chars, quotes), in doc_id order.

        Raises:
            StoreError: for a dataset written before documents were kept.
        """
        columns = [n for n, _ in DOCUMENT_COLUMNS if n != "text"]
        return self._documents_table(columns).sort_by([("doc_id", "ascending")]).to_pylist()

    def document_text(self, doc_id: str) -> str | None:
        """As :meth:`Store.document_text`: the text of a document (None when unknown)."""
        return self.document_texts([doc_id]).get(doc_id)

    def document_texts(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """As :meth:`Store.document_texts`: the texts of several documents, by doc_id."""
        ids = sorted(set(doc_ids))
        if not ids:
            self._document_files()  # an old dataset is still an error
            return {}
        table = self._documents_table(["doc_id", "text"], self._ds.field("doc_id").isin(ids))
        return dict(zip(table["doc_id"].to_pylist(), table["text"].to_pylist()))

    # --- quotes -----------------------------------------------------------------

    def _table(self, where=None):
        files = sorted((self.root / QUOTES_DIR).glob("part-*.parquet"))
        if not files:
            import pyarrow as pa

            return pa.schema([(n, getattr(pa, k)()) for n, k in EXPORT_COLUMNS]).empty_table()
        dataset = self._ds.dataset([str(f) for f in files], format="parquet")
        table = dataset.to_table(filter=where)
        return table.sort_by([("doc_id", "ascending"), ("start", "ascending"), ("end", "ascending")])

    def quotes(self, speaker: str | None = None, doc: str | None = None,
               min_regret: float | None = None, min_shock: float | None = None,
               limit: int | None = None) -> list[dict[str, Any]]:
        """As :meth:`Store.quotes`: the quotes, filtered, in document order."""
        ds = self._ds
        where = None

        def both(a, b):
            return b if a is None else a & b

        if speaker is not None:
            ids = self.speaker_ids(speaker)
            if not ids:
                return []
            where = both(where, ds.field("speaker_id").isin(ids))
        if doc is not None:
            where = both(where, ds.field("doc_id") == doc)
        if min_regret is not None:
            where = both(where, ds.field("regret") >= float(min_regret))
        if min_shock is not None:
            where = both(where, ds.field("shock") >= float(min_shock))
        table = self._table(where)
        if limit is not None:
            table = table.slice(0, max(0, int(limit)))
        return table.to_pylist()

    def export_rows(self) -> Iterator[dict[str, Any]]:
        """Every quote, in document order, as :meth:`Store.export_rows` gives them."""
        table = self._table()
        for batch in table.to_batches(max_chunksize=10_000):
            yield from batch.to_pylist()

    def export(self, output: str | Path | IO[str], fmt: str, with_text: bool = False) -> int:
        """As :meth:`Store.export` (a dataset keeps no article text: ``with_text`` is refused)."""
        if with_text:
            raise StoreError(f"{self.path}: a Parquet dataset keeps no article text; --with-text needs a --db")
        return export_to(self.export_rows(), output, fmt)

    def counts(self) -> dict[str, int]:
        """Documents, quotes, speakers and failures, as the run recorded them."""
        counts = self.manifest.get("counts", {})
        return {k: int(counts.get(k, 0)) for k in ("documents", "quotes", "speakers", "failures")}

    def failures(self) -> list[dict[str, Any]]:
        """Every recorded failure: source, doc_id, reason."""
        path = self.root / FAILURES_FILE
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]

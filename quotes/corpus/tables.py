"""Read articles from tables: CSV files and Parquet files, one article a row.

Which column holds what is a :class:`Columns` mapping from a Document field
(``text``, ``html``, ``doc_id``, ``title``, ``date``, ``url``, ``outlet``) to a
column name. By default each field is read from the column of its own name
(``doc_id`` also from ``id``), as in JSONL; ``--text-column``, ``--id-column``
and ``--columns title=headline,date=published`` name others. A row whose text
column is empty but whose ``html`` column holds a page is read as HTML. Rows are
streamed (Parquet in record batches), so memory does not grow with the file.
"""
from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotes.errors import InputError
from quotes.records import Document

TABLE_SUFFIXES = (".csv", ".parquet")
FIELDS = ("text", "html", "doc_id", "title", "date", "url", "outlet")
_PARQUET_BATCH = 1024


@dataclass(frozen=True)
class Columns:
    """Where a table keeps each field: ``{field: column}``; unnamed fields use
    the column of the field's own name when the table has one."""

    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, text_column: str | None = None, id_column: str | None = None,
              mapping: str | None = None) -> Columns:
        """Columns from the command line's options.

        Args:
            text_column: ``--text-column``.
            id_column: ``--id-column``.
            mapping: ``--columns``: ``field=column`` pairs separated by commas.

        Raises:
            ValueError: for a pair that is not ``field=column`` or an unknown field.
        """
        names: dict[str, str] = {}
        for pair in (mapping or "").split(","):
            if not pair.strip():
                continue
            key, sep, column = pair.partition("=")
            key, column = key.strip(), column.strip()
            if not sep or not column:
                raise ValueError(f"--columns wants FIELD=COLUMN pairs separated by commas, not {pair!r}")
            if key == "id":
                key = "doc_id"
            if key not in FIELDS:
                raise ValueError(f"--columns: unknown field {key!r}; choose from {', '.join(FIELDS)}")
            names[key] = column
        if text_column:
            names["text"] = text_column
        if id_column:
            names["doc_id"] = id_column
        return cls(names)

    def resolve(self, header: list[str]) -> dict[str, str] | str:
        """``{field: column}`` for this table's header, or the reason it cannot be read."""
        present = set(header)
        missing = [f"{col!r} (for {key})" for key, col in self.names.items() if col not in present]
        if missing:
            return (f"no column {', '.join(missing)} in the table; its columns are "
                    f"{', '.join(header[:20])}{' ...' if len(header) > 20 else ''}")
        resolved = dict(self.names)
        for key in FIELDS:
            if key not in resolved and key in present:
                resolved[key] = key
        if "doc_id" not in resolved and "id" in present:
            resolved["doc_id"] = "id"
        if "text" not in resolved and "html" not in resolved:
            return (f"no \"text\" column in the table (columns: {', '.join(header[:20])}); "
                    "name it with --text-column")
        return resolved


def read_table(path: Path, columns: Columns | None, extractor: str,
               warn: Callable[[str], None], defer: bool = False) -> Iterator[Any]:
    """Yield a Document (or an InputError naming ``path:ROW``) per row of a CSV or Parquet file
    (a :class:`~quotes.corpus.html.Page` for a row of HTML when ``defer``)."""
    name = str(path)
    columns = columns or Columns()
    rows = _parquet_rows(path) if name.endswith(".parquet") else _csv_rows(path)
    try:
        header = next(rows)
    except StopIteration:
        yield InputError(name, "empty file: no header row")
        return
    except _TableError as exc:
        yield InputError(name, str(exc))
        return
    resolved = columns.resolve(list(header))
    if isinstance(resolved, str):
        yield InputError(name, resolved)
        return
    seen = 0
    try:
        for seen, row in enumerate(rows, 1):
            yield _row_document(row, resolved, f"{name}:{seen}", f"{path.stem}:{seen}", extractor, defer)
    except _TableError as exc:
        yield InputError(name, f"{exc} (after row {seen})")
        return
    if seen == 0:
        yield InputError(name, "no rows: the table has a header only")


def _row_document(row: dict[str, Any], cols: dict[str, str], where: str, default_id: str,
                  extractor: str, defer: bool = False) -> Any:
    def get(key: str) -> str | None:
        col = cols.get(key)
        value = row.get(col) if col else None
        if value is None:
            return None
        value = str(value)
        return value if value.strip() else None

    doc_id = get("doc_id") or default_id
    text = get("text")
    if text is None:
        html = get("html")
        if html is None:
            return InputError(where, f"no article text in column {cols.get('text') or cols.get('html')!r}")
        from quotes.corpus.html import Page, read_page

        own = (get("title"), get("date"), get("url"), get("outlet"))
        return read_page(Page(html, doc_id, where, url=own[2], date=own[1], extractor=extractor, own=own), defer)
    return Document(doc_id=doc_id, text=text, title=get("title"), date=get("date"), url=get("url"),
                    outlet=get("outlet"), source=where)


class _TableError(Exception):
    pass


def _csv_rows(path: Path) -> Iterator[Any]:
    """The header, then each row as a dict; invalid UTF-8 becomes U+FFFD."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article texts are long fields
    try:
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
            sample = fh.read(1 << 16)
            if "\x00" in sample:
                raise _TableError("binary file (NUL bytes), not CSV")
            fh.seek(0)
            reader = csv.reader(fh)
            try:
                header = next(reader)
            except StopIteration:
                return
            yield header
            for values in reader:
                if values:
                    yield dict(zip(header, values))
    except csv.Error as exc:
        raise _TableError(f"not valid CSV ({exc})") from None
    except OSError as exc:
        raise _TableError(f"cannot read: {exc.strerror or exc}") from None


def _parquet_rows(path: Path) -> Iterator[Any]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise _TableError('reading Parquet needs pyarrow: pip install "quotes[parquet]"') from None
    try:
        parquet = pq.ParquetFile(str(path))
        header = list(parquet.schema_arrow.names)
        yield header
        for batch in parquet.iter_batches(batch_size=_PARQUET_BATCH):
            yield from batch.to_pylist()
    except _TableError:
        raise
    except Exception as exc:  # pyarrow's errors (ArrowInvalid, OSError) for a damaged file
        raise _TableError(f"not a readable Parquet file ({type(exc).__name__}: {exc})") from None

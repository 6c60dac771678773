"""Read articles from .txt, .jsonl, HTML, WARC, CSV and Parquet files, folders and stdin.

HTML pages (``.html``, ``.htm``, gzip-compressed ``.html.gz``, and JSONL lines
with an ``"html"`` field instead of ``"text"``) give their article text through
:mod:`quotes.corpus.html`; web archives are read by :mod:`quotes.corpus.warc`,
tables by :mod:`quotes.corpus.tables` (how the columns are named: :class:`ReadOptions`).

Reading never stops a batch: each input yields either a :class:`Document` or an
:class:`~quotes.errors.InputError` naming the file (and line) and the reason, and
the caller decides what to do with it. Text is decoded as UTF-8; undecodable
bytes become U+FFFD with a warning, so offsets always index the decoded text.
A JSON string may spell a lone surrogate ("\\ud83d"), which no encoder writes
out again: each becomes one U+FFFD (same length), with a warning naming the line.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.corpus.html import DEFAULT_EXTRACTOR, Page, read_page
from quotes.corpus.tables import TABLE_SUFFIXES, Columns, read_table
from quotes.corpus.warc import WARC_SUFFIXES, AfterPages, PagesFrom, read_warc
from quotes.errors import InputError
from quotes.records import Document

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
ARTICLE_SUFFIXES = (".txt", ".jsonl") + HTML_SUFFIXES + WARC_SUFFIXES + TABLE_SUFFIXES
# Gold annotations stored beside articles (NAME.gold.jsonl) are not articles.
GOLD_SUFFIX = ".gold.jsonl"
_BINARY_SNIFF = 8192
# A JSON escape of a surrogate code point; decoded text itself never holds one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class ReadOptions:
    """How inputs other than plain text are read.

    Attributes:
        columns: which table columns hold the text, id and metadata (CSV, Parquet).
        extractor: the HTML main-content extractor (``quotes.choices.HTML_EXTRACTORS``).
    """

    columns: Columns | None = None
    extractor: str = DEFAULT_EXTRACTOR


def _suffix(name: str) -> str:
    """The article suffix a file name ends with ("" for none)."""
    low = name.lower()
    return next((s for s in sorted(ARTICLE_SUFFIXES, key=len, reverse=True) if low.endswith(s)), "")


def iter_paths(paths: Iterable[str]) -> Iterator[str | Path]:
    """Expand folders into their article files (sorted, recursive); keep "-" as is."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                name = child.name
                if child.is_file() and _suffix(name) and not name.endswith(GOLD_SUFFIX):
                    yield child
        else:
            yield path


class _PathEnd:
    """Where the items of one path given to :func:`read_documents` end."""

    def __init__(self, raw: str) -> None:
        self.raw = raw


def read_documents(paths: Iterable[str], warn=None, options: ReadOptions | None = None,
                   resolve: Callable[[Iterator[Any]], Iterator[Any]] | None = None
                   ) -> Iterator[Document | InputError]:
    """Yield a Document, or an InputError, for every article the paths hold.

    Args:
        paths: files (.txt, .jsonl, .html/.htm/.html.gz, .warc/.warc.gz/.arc/.arc.gz,
            .csv, .parquet), folders, or "-" for standard input (read as one
            .txt article, as JSONL when its first non-space character is "{",
            as an HTML page when it is "<").
        warn: called with a message for recoverable problems (bad bytes, the
            records of a web archive that were skipped).
        options: how tables and HTML are read (:class:`ReadOptions`).
        resolve: given, HTML pages are read as :class:`~quotes.corpus.html.Page`
            items, and ``resolve`` turns the stream of items into the stream
            where each Page is replaced by ``page.document()``, in order (``quotes
            analyse`` extracts the pages in its worker processes this way); other
            items pass through it unchanged.

    Yields:
        Documents in input order; an :class:`InputError` in place of any input
        that could not be read, so the rest of the batch goes on, and one for
        a folder of ``paths`` that gave no document.
    """
    warn = warn or (lambda msg: print(f"warning: {msg}", file=sys.stderr))
    options = options or ReadOptions()
    defer = resolve is not None

    def read_all() -> Iterator[Any]:
        for raw in paths:
            yield from _read_path(raw, warn, options, defer)
            yield _PathEnd(raw)

    seen = found = documents = 0
    for item in resolve(read_all()) if resolve is not None else read_all():
        if isinstance(item, PagesFrom):
            documents = 0
            continue
        if isinstance(item, AfterPages):  # an archive's message, now that its pages are extracted
            item = item.make(documents)
            if item is None:
                continue
        if isinstance(item, _PathEnd):
            if not found and item.raw != "-" and Path(item.raw).is_dir():
                # a folder named on the command line that gives no document is a mistake
                yield InputError(item.raw, "no document could be read from this folder" if seen
                                 else "no article files (.txt, .jsonl, .html, .warc, .csv, .parquet) in this folder")
            seen = found = 0
            continue
        seen += 1
        found += isinstance(item, Document)
        documents += isinstance(item, Document)
        yield item


def _read_path(raw: str, warn, options: ReadOptions, defer: bool = False
               ) -> Iterator[Document | InputError | Page]:
    for path in iter_paths([raw]):
        if path == "-":
            data = sys.stdin.buffer.read()
            yield from _from_bytes(data, "<stdin>", "stdin", warn, options=options, defer=defer)
            continue
        name = str(path)
        if not path.exists():
            yield InputError(name, "no such file or folder")
            continue
        suffix = _suffix(name)
        if not suffix:
            yield InputError(name, f"unsupported file type {path.suffix or '(none)'!r}; expected "
                             ".txt, .jsonl, .html, .htm, .html.gz, .warc(.gz), .arc(.gz), .csv or .parquet")
            continue
        if suffix in WARC_SUFFIXES:
            yield from read_warc(path, warn, options.extractor, defer)
            continue
        if suffix in TABLE_SUFFIXES:
            yield from read_table(path, options.columns, options.extractor, warn, defer)
            continue
        try:
            data = path.read_bytes()
            if suffix.endswith(".gz"):
                data = gzip.decompress(data)
        except OSError as exc:
            yield InputError(name, f"cannot read: {exc.strerror or exc}")
            continue
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield InputError(name, f"damaged gzip file ({exc})")
            continue
        if suffix in HTML_SUFFIXES:
            stem = path.name[: -len(suffix)]
            yield read_page(Page(data, stem, name, extractor=options.extractor), defer)
            continue
        kind = "jsonl" if suffix == ".jsonl" else "txt"
        yield from _from_bytes(data, name, path.stem if kind == "txt" else name, warn, kind, options, defer)


def _from_bytes(data: bytes, source: str, doc_id: str, warn, kind: str | None = None,
                options: ReadOptions | None = None, defer: bool = False) -> Iterator[Document | InputError | Page]:
    options = options or ReadOptions()
    if kind is None and data.lstrip()[:1] == b"<":
        yield read_page(Page(data, doc_id, source, extractor=options.extractor), defer)
        return
    if b"\x00" in data[:_BINARY_SNIFF]:
        yield InputError(source, "binary file (NUL bytes), not text")
        return
    text = decode(data, source, warn)
    if kind is None:
        kind = "jsonl" if text.lstrip().startswith("{") else "txt"
    if kind == "txt":
        if not text.strip():
            yield InputError(source, "empty file: no text to analyse")
            return
        yield Document(doc_id=doc_id, text=text, source=source)
        return
    yield from _jsonl_documents(text, source, warn, options.extractor, defer)


def decode(data: bytes, source: str, warn) -> str:
    """UTF-8 text of a file's bytes (BOM dropped); bad bytes become U+FFFD with a warning."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        warn(f"{source}: invalid UTF-8 at byte {exc.start}; undecodable bytes replaced with U+FFFD")
        return data.decode("utf-8", errors="replace")


def jsonl_objects(text: str, source: str, warn=None) -> Iterator[tuple[str, dict] | InputError]:
    """Parse JSONL: yield ``(where, object)`` per non-blank line, or an
    :class:`InputError` for a line that is not a JSON object (``where`` is
    ``source:line``). The one JSONL reader of the package.

    Lone surrogates in the object's strings (escaped in the JSON, such as
    ``"\\ud83d"``) become U+FFFD, one for one; ``warn`` (if given) is told
    which line held them."""
    for lineno, line in enumerate(split_lines(text), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield InputError(where, "a JSONL line must be an object with a \"text\" field")
            continue
        if _SURROGATE_ESCAPE.search(line):
            obj, replaced = _without_surrogates(obj)
            if replaced and warn is not None:
                warn(f"{where}: {replaced} lone surrogate{'s' if replaced > 1 else ''} (not a character) "
                     "replaced with U+FFFD")
        yield where, obj


def replace_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate replaced by U+FFFD, and how many there were."""
    if text.isascii():
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def _without_surrogates(value):
    """A parsed JSON value with the lone surrogates of its strings (keys too)
    replaced, and how many were replaced."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, list):
        total = 0
        items = []
        for item in value:
            item, n = _without_surrogates(item)
            items.append(item)
            total += n
        return items, total
    if isinstance(value, dict):
        total = 0
        out = {}
        for key, item in value.items():
            key, n = replace_surrogates(key)
            item, m = _without_surrogates(item)
            out[key] = item
            total += n + m
        return out, total
    return value, 0


def _jsonl_documents(text: str, source: str, warn=None, extractor: str = DEFAULT_EXTRACTOR,
                     defer: bool = False) -> Iterator[Document | InputError | Page]:
    seen = 0
    for item in jsonl_objects(text, source, warn):
        seen += 1
        if isinstance(item, InputError):
            yield item
            continue
        where, obj = item
        body = obj.get("text")
        doc_id = obj.get("doc_id", obj.get("id"))
        doc_id = str(doc_id) if doc_id is not None else f"{Path(source).stem}:{where.rpartition(':')[2]}"
        html = obj.get("html")
        if (not isinstance(body, str) or not body.strip()) and isinstance(html, str):
            # a page: its article text, with the line's own metadata before the page's
            own = (_opt_str(obj.get("title")), _opt_str(obj.get("date")), _opt_str(obj.get("url")),
                   _opt_str(obj.get("outlet")))
            yield read_page(Page(html, doc_id, where, url=own[2], date=own[1], extractor=extractor, own=own), defer)
            continue
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, "no \"text\" (or \"html\") field with article text")
            continue
        yield Document(
            doc_id=doc_id,
            text=body,
            title=_opt_str(obj.get("title")),
            date=_opt_str(obj.get("date")),
            url=_opt_str(obj.get("url")),
            outlet=_opt_str(obj.get("outlet")),
            source=where,
        )
    if seen == 0:
        yield InputError(source, "empty file: no JSON lines")


def split_lines(text: str) -> list[str]:
    """The lines of a text file, split at newlines only.

    ``str.splitlines()`` also breaks at U+2028, U+0085 and other separators that
    a JSON string may hold raw, which would cut a JSONL record in two.
    """
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # what follows the final newline is not a line
    return [line.removesuffix("\r") for line in lines]


def _opt_str(value) -> str | None:
    return None if value is None else str(value)

"""Read web archives (WARC, and ARC converted on the fly) one record at a time.

Every HTML response becomes a Document (its article text, see
:mod:`quotes.corpus.html`), with ``doc_id`` = ``URL@WARC-Date`` and ``source`` =
``FILE@OFFSET`` (the record's byte offset). Requests, metadata, revisits,
non-HTML payloads, redirects and HTTP errors are counted and skipped; the counts
are reported once per file (``warn``). A damaged or truncated file ends with an
:class:`InputError` naming the offset; what came before it is kept. The file is
streamed (warcio), so memory does not grow with its size.
"""
from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from quotes.corpus.html import DEFAULT_EXTRACTOR, WEB_EXTRA_HINT, Page, header_charset, read_page
from quotes.errors import InputError
from quotes.records import Document

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# A payload larger than this is not an article page (and would not fit the flat memory promise).
MAX_PAYLOAD = 20 * 1024 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class PagesFrom:
    """(Deferred reading) The pages of one archive start here."""


class AfterPages:
    """(Deferred reading) A message that counts the documents an archive's pages
    gave since its :class:`PagesFrom`: ``make(documents)`` warns and gives None,
    or gives the InputError to report. :func:`~quotes.corpus.ingest.read_documents`
    calls it once those pages are extracted."""

    def __init__(self, make: Callable[[int], InputError | None]) -> None:
        self.make = make


def _is_html(content_type: str, payload_head: bytes) -> bool:
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind:
        return kind in _HTML_TYPES
    head = payload_head.lstrip()[:100].lower()  # no type given: sniff as a browser would
    return head.startswith((b"<!doctype html", b"<html"))


def _looks_like_archive(head: bytes) -> bool:
    """True when a file's first bytes (gunzipped if need be) open a WARC or ARC record."""
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(31).decompress(head)
        except zlib.error:
            return False
    head = head.lstrip(b"\r\n")
    return head.startswith((b"WARC/", b"filedesc://"))


def read_warc(path: Path, warn: Callable[[str], None], extractor: str = DEFAULT_EXTRACTOR,
              defer: bool = False) -> Iterator[Document | InputError | Page]:
    """Yield a Document (or an InputError) per HTML response record of a WARC/ARC file.

    With ``defer``, each HTML response is yielded as a :class:`~quotes.corpus.html.Page`
    to extract later; the messages that count the pages read (documents) are then
    :class:`AfterPages` items, made once the pages before them are extracted."""
    name = str(path)
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield InputError(name, f"reading WARC files needs warcio: {WEB_EXTRA_HINT}")
        return
    skipped: Counter[str] = Counter()
    pages = 0
    offset = 0
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield InputError(name, f"cannot read: {exc.strerror or exc}")
        return
    def after(make: Callable[[int], InputError | None]) -> Iterator[InputError | AfterPages]:
        if defer:
            yield AfterPages(make)
            return
        made = make(pages)
        if made is not None:
            yield made

    with fh:
        if not _looks_like_archive(fh.read(4096)):
            yield InputError(name, "not a WARC or ARC file (it does not begin with a WARC/ARC record)")
            return
        fh.seek(0)
        if defer:
            yield PagesFrom()
        records = ArchiveIterator(fh, arc2warc=True)
        try:
            for record in records:
                if record.rec_type != "response":
                    skipped[f"{record.rec_type} records"] += 1
                    continue
                http = record.http_headers
                if http is None:
                    skipped["responses without HTTP headers"] += 1
                    continue
                status = http.get_statuscode() or ""
                if status.startswith("3"):
                    skipped["redirects (3xx)"] += 1
                    continue
                if not status.startswith("2"):
                    skipped[f"HTTP errors ({status[:1] or '?'}xx)"] += 1
                    continue
                content_type = http.get_header("Content-Type") or ""
                stream = record.content_stream()
                payload = stream.read(MAX_PAYLOAD + 1)
                # (warcio knows a record's offset once its content has been read)
                offset = records.get_record_offset()
                where = f"{name}@{offset}"
                if len(payload) <= MAX_PAYLOAD and getattr(record.raw_stream, "limit", 0) > 0:
                    # the record's content ended before its Content-Length: the file was cut
                    at = offset
                    yield from after(lambda n: InputError(name, f"truncated archive: the record at byte {at} "
                                                          f"ends early; {n} pages before it were read"))
                    return
                if not _is_html(content_type, payload[:512]):
                    skipped["non-HTML responses"] += 1
                    continue
                if len(payload) > MAX_PAYLOAD:
                    yield InputError(where, f"page larger than {MAX_PAYLOAD // 2**20} MB, not read")
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                crawled = record.rec_headers.get_header("WARC-Date") or ""
                item = read_page(Page(payload, f"{url}@{crawled}", where, url=url or None,
                                      date=crawled[:10] or None, charset=header_charset(content_type),
                                      extractor=extractor), defer)
                pages += isinstance(item, Document)
                yield item
        except Exception as exc:  # a damaged or truncated archive ends here; the rest is kept
            message = " ".join(str(exc).split())
            if "non-chunked gzip" in message:
                yield InputError(name, "gzipped as one stream, not one gzip member per record as WARC "
                                 f"readers need; `warcio recompress {name} NEW.warc.gz` mends it")
            else:
                damage = f"damaged or truncated archive after byte {offset} ({type(exc).__name__}: {message[:200]})"
                yield from after(lambda n: InputError(name, f"{damage}; {n} pages before it were read"))
    if skipped:
        counts = ", ".join(f"{n} {what}" for what, n in sorted(skipped.items()))
        yield from after(lambda n: warn(f"{name}: {n} HTML pages read; skipped {counts}"))

"""Read a news page's HTML: its article text (paragraphs kept) and its metadata.

The article body is taken out of the page by a maintained main-content
extractor; boilerplate (navigation, captions, share buttons, related links)
stays behind, so it gives no quotes. ``Document.text`` is the extracted text:
quote offsets index it, and the store keeps it.

Extractors (``HTML_EXTRACTORS`` in :mod:`quotes.choices`):

- ``trafilatura`` (the default): trafilatura 2 in its fast mode. On the 120
  pages of ``../shared/data/html`` its article-body F1 (the Zyte benchmark's
  4-gram measure) is 0.964, and the quotes found from the HTML are 97% of
  those found from the hand-marked text, with 2% spurious.
- ``resiliparse``: about 8 times faster, but keeps more boilerplate (F1 0.916,
  7% spurious quotes on the same pages).

Both come with the ``web`` extra (``pip install "quotes[web]"``) and are
imported only when a page is read.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from quotes.choices import HTML_EXTRACTORS
from quotes.errors import InputError
from quotes.records import Document

DEFAULT_EXTRACTOR = HTML_EXTRACTORS[0]
WEB_EXTRA_HINT = 'pip install "quotes[web]"'
_SNIFF = 8192
# Fewer words than this is a page's furniture (a menu, a cookie notice), not an
# article: the shortest of the 120 marked articles of ../shared/data/html has 42.
MIN_ARTICLE_WORDS = 10
# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)
_NEWLINES = re.compile(r"[ \t]*\n\s*")
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class PageText:
    """What an extractor takes out of a page."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None


class MissingExtra(ImportError):
    """An optional dependency of the ``web`` extra is not installed."""


def decode_html(data: bytes, header_charset: str | None = None) -> tuple[str | None, str | None]:
    """The text of an HTML page's bytes, as a browser would decode it.

    The charset is taken from a byte-order mark, else the HTTP header's (a WARC
    record's), else the page's ``<meta charset>``; a page that declares none is
    UTF-8 when it decodes as such, else windows-1252 (the WHATWG default).

    Returns:
        ``(text, None)``, or ``(None, reason)`` when the page names an encoding
        Python does not know and is not valid UTF-8 either.
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace"), None
    declared = header_charset
    if not declared:
        match = _META_CHARSET.search(data[:_SNIFF])
        declared = match.group(1).decode("ascii", "replace") if match else None
    if declared:
        try:
            name = codecs.lookup(declared.strip().lower()).name
        except LookupError:
            try:
                return data.decode("utf-8"), None
            except UnicodeDecodeError:
                return None, f"unknown character encoding {declared!r} (and the page is not UTF-8)"
        if name in ("latin-1", "iso8859-1", "ascii"):
            name = "cp1252"  # as browsers do: ISO-8859-1 and ASCII labels mean windows-1252
        if name.startswith("utf-16"):
            name = "utf-8"  # a byte stream without a BOM that says UTF-16 is UTF-8 (WHATWG)
        return data.decode(name, errors="replace"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), None


def header_charset(content_type: str | None) -> str | None:
    """The charset of an HTTP ``Content-Type`` header value, if it names one."""
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def paragraphs(text: str) -> str:
    """Extracted text with one blank line between paragraphs and single spaces
    inside them: the extractors put each block (paragraph, heading, list item)
    on its own line."""
    lines = (_SPACES.sub(" ", line).strip() for line in _NEWLINES.split(text.strip()))
    return "\n\n".join(line for line in lines if line)


def _trafilatura(html: str, url: str | None) -> PageText:
    try:
        import trafilatura
        from htmldate import find_date
        from trafilatura.utils import load_html
    except ImportError:
        raise MissingExtra(f"reading HTML needs trafilatura: {WEB_EXTRA_HINT}") from None
    tree = load_html(html)
    if tree is None:
        return PageText("")
    # trafilatura's own metadata (authors, categories, tags) costs 40% of its
    # time; the page's meta tags give what a Document keeps.
    doc = trafilatura.bare_extraction(tree, url=url, fast=True, include_comments=False)
    if doc is None or not doc.text:
        return PageText("")
    meta = _meta_tags(tree)
    return PageText(doc.text, meta.title, find_date(tree, extensive_search=False, original_date=True) or None,
                    meta.url or url, meta.outlet or _host(meta.url or url))


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _meta_tags(tree) -> PageText:
    """Title, canonical url and site name of an lxml tree, from its head's tags
    (Open Graph, Twitter cards, ``<link rel=canonical>``, ``<title>``)."""
    meta: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content:
            meta.setdefault(key, content)
    canonical = None
    for el in tree.iterfind(".//link"):
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            canonical = el.get("href").strip()
            break
    title = meta.get("og:title") or meta.get("twitter:title")
    if not title:
        node = tree.find(".//title")
        title = " ".join(node.text_content().split()) if node is not None else None
    url = canonical if canonical and canonical.startswith("http") else meta.get("og:url")
    return PageText("", title or None, None, url, meta.get("og:site_name") or meta.get("application-name"))


_OG = ("og:site_name", "og:url", "article:published_time")


def _resiliparse(html: str, url: str | None) -> PageText:
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree
    except ImportError:
        raise MissingExtra(f"reading HTML with resiliparse needs it: {WEB_EXTRA_HINT}") from None
    tree = HTMLTree.parse(html)
    text = extract_plain_text(tree, main_content=True, alt_texts=False, links=False,
                              list_bullets=False, noscript=False, form_fields=False)
    meta: dict[str, str] = {}
    canonical = None
    head = tree.head
    if head is not None:
        for el in head.get_elements_by_tag_name("meta"):
            key = el.getattr("property") or el.getattr("name")
            if key in _OG and el.getattr("content"):
                meta.setdefault(key, el.getattr("content").strip())
        for el in head.get_elements_by_tag_name("link"):
            if (el.getattr("rel") or "").lower() == "canonical" and el.getattr("href"):
                canonical = el.getattr("href").strip()
                break
    date = meta.get("article:published_time")
    page_url = canonical or meta.get("og:url") or url
    host = urlsplit(page_url).hostname if page_url else None
    return PageText(text, (tree.title or "").strip() or None, date[:10] if date else None,
                    page_url, meta.get("og:site_name") or host)


EXTRACTORS: dict[str, Callable[[str, str | None], PageText]] = {
    "trafilatura": _trafilatura,
    "resiliparse": _resiliparse,
}


def extract_page(html: str, url: str | None = None, extractor: str = DEFAULT_EXTRACTOR) -> PageText:
    """The article text (paragraphs separated by a blank line) and metadata of a page.

    Raises:
        MissingExtra: when the extractor is not installed.
    """
    page = EXTRACTORS[extractor](html, url)
    return PageText(paragraphs(page.text), page.title, page.date, page.url, page.outlet)


def document_from_html(data: bytes | str, doc_id: str, source: str, url: str | None = None,
                       date: str | None = None, charset: str | None = None,
                       extractor: str = DEFAULT_EXTRACTOR) -> Document | InputError:
    """A Document of a page's article, or an InputError saying why there is none.

    Args:
        data: the page, as bytes (decoded here, see :func:`decode_html`) or text.
        doc_id: the document's id.
        source: where the page was read, for errors and the store.
        url: the page's address when known (a WARC record's); the page's
            canonical link, when it has one, takes its place.
        date: a fallback date (a WARC record's crawl day) for a page that shows none.
        charset: the HTTP header's charset, when known.
        extractor: a name of :data:`EXTRACTORS`.
    """
    if isinstance(data, bytes):
        if not data.strip():
            return InputError(source, "empty page: no HTML")
        if b"\x00" in data[:_SNIFF] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return InputError(source, "binary file (NUL bytes), not HTML")
        html, problem = decode_html(data, charset)
        if html is None:
            return InputError(source, problem or "cannot decode the page")
    else:
        html = data
    if not html.strip():
        return InputError(source, "empty page: no HTML")
    if "<" not in html[:_SNIFF]:
        return InputError(source, "not HTML: no tags in the page")
    try:
        page = extract_page(html, url, extractor)
    except MissingExtra as exc:
        return InputError(source, str(exc))
    except Exception as exc:  # an extractor bug must not stop the batch
        return InputError(source, f"the HTML extractor failed ({type(exc).__name__}: {exc})")
    if len(page.text.split()) < MIN_ARTICLE_WORDS:
        return InputError(source, "no article text found in the page")
    return Document(doc_id=doc_id, text=page.text, title=page.title, date=page.date or date,
                    url=page.url or url, outlet=page.outlet, source=source)

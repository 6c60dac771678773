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


# trafilatura's HTML loader repairs characters XML forbids (anywhere), a doctype
# (in the first line, up to its first ">") and a self-closed ``<html .../>`` (in the
# first 4 lines of the first 4,096 characters after the doctype's repair).
_XML_INVALID_BYTES = bytes(c for c in range(32) if c not in (9, 10, 13))
_XML_INVALID_UTF8 = ("\ufffe".encode(), "\uffff".encode())
_LOOKED_AT = 4096
_REPAIRED_HEAD = 2 * _LOOKED_AT
_PARSER = None


def _html_parser():
    """trafilatura's lxml HTML parser settings, whose elements are all ``HtmlElement``:
    lxml.html picks each element's class by a Python call per element (forms and
    inputs get classes of their own), which is 5% of trafilatura's time; it uses
    none of those classes' methods, and the extracted text is the same."""
    global _PARSER
    if _PARSER is None:
        from lxml import etree
        from lxml.html import HtmlComment, HtmlElement, HTMLParser, HtmlEntity, HtmlProcessingInstruction
        parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                            remove_comments=True, remove_pis=True)
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
            element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
        _PARSER = parser
    return _PARSER


def load_tree(html: str):
    """The lxml tree of a page, as ``trafilatura.utils.load_html`` gives it, faster
    (see :func:`repaired_html`)."""
    from trafilatura.utils import load_html

    repaired = repaired_html(html)
    if repaired is None:
        return load_html(html)
    try:
        tree = _fromstring(repaired)
    except Exception:  # e.g. a string that declares its encoding: load_html parses its bytes
        return load_html(html)
    return tree if tree is not None and len(tree) >= 1 else load_html(html)


def repaired_html(html: str) -> str | None:
    """The page as trafilatura repairs it before parsing, or None when it must do so itself.

    trafilatura repairs the whole string: a regular expression over every
    character (5% of its time) for characters XML forbids, which pages almost
    never hold. Here a page whose tail (after its first 8,192 characters) holds
    none has only its head repaired, by trafilatura's own function: its other
    repairs look no further than the first 4,096 characters once a doctype
    (shorter than that) is gone. None for a page whose tail holds one, or that
    does not look like HTML (trafilatura checks it further).
    """
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = html[:50].lower()
    if is_dubious_html(beginning) or ">" not in html[:_LOOKED_AT]:
        return None
    head, tail = html[:_REPAIRED_HEAD], html[_REPAIRED_HEAD:]
    raw = tail.encode("utf-8", "surrogatepass")
    if len(raw.translate(None, _XML_INVALID_BYTES)) != len(raw) or any(c in raw for c in _XML_INVALID_UTF8):
        return None
    # The doctype repair splits off the first line at its line break, and ends a
    # page of one line with one: a line break after the head stands for the tail's.
    repaired = repair_faulty_html(head + "\n", beginning)[:-1] + tail
    if "doctype" in beginning and "\n" not in html:
        repaired += "\n"
    return repaired


def _fromstring(html: str):
    from lxml.html import fromstring
    return fromstring(html, parser=_html_parser())


def _trafilatura(html: str, url: str | None) -> PageText:
    try:
        import trafilatura
        from htmldate import find_date
    except ImportError:
        raise MissingExtra(f"reading HTML needs trafilatura: {WEB_EXTRA_HINT}") from None
    tree = load_tree(html)
    if tree is None:
        return PageText("")
    # trafilatura's own metadata (authors, categories, tags) costs 40% of its
    # time; the page's meta tags give what a Document keeps. Fast mode (no
    # fallback extractors) and no comments are two of trafilatura's documented
    # speed options; the third, no tables, saved no time on the 120 pages of
    # ../shared/data/html (10.56 against 10.40 ms a page), so tables are read.
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


@dataclass(frozen=True)
class Page:
    """A page read but not yet extracted: ``quotes analyse`` extracts pages in its
    worker processes (:meth:`document`), each as :func:`document_from_html` does.

    Attributes:
        own: the title, date, url and outlet of the JSONL line or table row that
            held the page, which win over the page's own (None: none given).
    """

    data: bytes | str
    doc_id: str
    source: str
    url: str | None = None
    date: str | None = None
    charset: str | None = None
    extractor: str = DEFAULT_EXTRACTOR
    own: tuple[str | None, str | None, str | None, str | None] | None = None

    def document(self) -> Document | InputError:
        """The page's Document, or an InputError saying why there is none."""
        item = document_from_html(self.data, self.doc_id, self.source, url=self.url, date=self.date,
                                  charset=self.charset, extractor=self.extractor)
        if self.own is None or isinstance(item, InputError):
            return item
        title, date, url, outlet = self.own
        return Document(doc_id=self.doc_id, text=item.text, title=title or item.title, date=date or item.date,
                        url=url or item.url, outlet=outlet or item.outlet, source=self.source)


def read_page(page: Page, defer: bool = False) -> Page | Document | InputError:
    """The page itself when its extraction is deferred, else its Document (or InputError)."""
    return page if defer else page.document()


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

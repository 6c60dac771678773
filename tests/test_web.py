"""Reading the web: HTML pages, web archives (WARC) and tables (CSV, Parquet).

The pages here are invented (a news article inside navigation, captions,
share buttons and related links); the check on real pages needs ../shared.
"""
from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest

from quotes.corpus.html import decode_html, document_from_html, paragraphs
from quotes.corpus.ingest import ReadOptions, read_documents
from quotes.corpus.tables import Columns
from quotes.corpus.webcheck import body_scores, page_counts, quote_agreement
from quotes.errors import InputError
from quotes.records import Document

from .conftest import SHARED, needs_shared

# The tests that read HTML or archives need the web extra; the others run without it.
needs_web = pytest.mark.skipif(
    importlib.util.find_spec("trafilatura") is None or importlib.util.find_spec("warcio") is None,
    reason='needs the web extra: pip install "quotes[web]"')

HTML_PAGES = SHARED / "data" / "html"

PARAGRAPHS = [
    "The city council voted on Tuesday to close the old harbour bridge for two years of repairs, "
    "after engineers found that its steel supports had rusted far faster than expected.",
    "\u201cWe had no choice, the bridge is simply not safe any more,\u201d said Margaret Ellison, "
    "the council's head of transport, at a meeting that ran late into the evening.",
    "Shop owners on the north bank fear the closure will cost them customers. "
    "\u201cHalf of my trade walks over that bridge every morning,\u201d said baker Tom Reyes, "
    "who has run his shop beside the harbour for twenty years.",
    "The council says a ferry will run every fifteen minutes while the work goes on, and that "
    "the repairs should be finished before the summer festival of the second year.",
    "Ellison added that the council had asked the national government for help with the cost. "
    "\u201cWe are hopeful, but nothing is promised yet,\u201d she said.",
]


def article_page(paragraphs=PARAGRAPHS, charset="utf-8", meta=True) -> str:
    """A news page: the article among page furniture that holds quote marks too."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    head = (f'<meta charset="{charset}">'
            '<meta property="og:site_name" content="The Harbour Gazette">'
            '<meta property="og:title" content="Harbour bridge to close for two years">'
            '<meta property="article:published_time" content="2021-03-09T18:00:00Z">'
            '<link rel="canonical" href="https://gazette.example.com/news/harbour-bridge">') if meta else ""
    return f"""<!DOCTYPE html><html><head><title>Harbour bridge | The Harbour Gazette</title>{head}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/opinion">\u201cOpinion\u201d</a></li></ul></nav>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet \u201cthis story\u201d</a></div>
<article><h1>Harbour bridge to close for two years</h1>
<p class="byline">By Ann Smith, 9 March 2021</p>
{body}
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">\u201cIt was a miracle,\u201d says ferry captain</a></li>
<li><a href="/b">Council \u201cnot listening\u201d, say residents</a></li></ul></aside>
<footer><p>\u00a9 2021 The Harbour Gazette. All rights reserved.</p>
<a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>"""


def read(paths, options=None, warnings=None):
    sink = warnings if warnings is not None else []
    return list(read_documents([str(p) for p in paths], warn=sink.append, options=options))


# --- one page ---------------------------------------------------------------------

@needs_web
def test_a_page_gives_its_article_with_paragraphs_and_metadata():
    doc = document_from_html(article_page().encode("utf-8"), "harbour", "harbour.html")
    assert isinstance(doc, Document)
    assert doc.text.split("\n\n")[-len(PARAGRAPHS):] == PARAGRAPHS  # paragraphs kept, one blank line apart
    for furniture in ("Share on Facebook", "Related stories", "It was a miracle", "All rights reserved", "Sport"):
        assert furniture not in doc.text
    assert doc.title == "Harbour bridge to close for two years"
    assert doc.date == "2021-03-09"
    assert doc.url == "https://gazette.example.com/news/harbour-bridge"
    assert doc.outlet == "The Harbour Gazette"
    assert doc.source == "harbour.html"


@needs_web
def test_quotes_of_a_page_come_from_the_article_and_their_offsets_index_its_text():
    from quotes.pipeline import extract_document

    doc = document_from_html(article_page().encode("utf-8"), "harbour", "harbour.html")
    found = extract_document(doc)
    assert [q.speaker for q in found] == ["Margaret Ellison", "Tom Reyes", "Margaret Ellison"]
    for q in found:
        assert doc.text[q.start:q.end] == q.text
    assert not any("miracle" in q.text or "Opinion" in q.text for q in found)


@needs_web
def test_a_page_without_metadata_falls_back_to_what_it_has():
    doc = document_from_html(article_page(meta=False).encode("utf-8"), "p", "p.html",
                             url="https://www.example.org/x", date="2020-01-02")
    assert doc.title == "Harbour bridge | The Harbour Gazette"
    assert doc.url == "https://www.example.org/x"
    assert doc.outlet == "example.org"  # the host when the page names no site


@needs_web
@pytest.mark.parametrize("extractor", ["trafilatura", "resiliparse"])
def test_both_extractors_read_the_article(extractor):
    pytest.importorskip(extractor)
    doc = document_from_html(article_page().encode("utf-8"), "p", "p.html", extractor=extractor)
    assert all(p in doc.text for p in PARAGRAPHS)
    assert "Related stories" not in doc.text and "All rights reserved" not in doc.text
    assert doc.outlet == "The Harbour Gazette"


def _loaders_agree(html: str) -> None:
    from lxml.html import tostring
    from trafilatura.utils import load_html, repair_faulty_html

    from quotes.corpus.html import load_tree, repaired_html

    repaired = repaired_html(html)
    assert repaired is None or repaired == repair_faulty_html(html, html[:50].lower())
    ours, theirs = load_tree(html), load_html(html)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert tostring(ours) == tostring(theirs)


@needs_web
@pytest.mark.parametrize("page", [
    article_page(),
    article_page().replace("</body>", "<p>bell \x07 and form feed \x0c</p></body>"),  # control characters late
    "<!DOCTYPE html>\n<html><body><p>early \x01 control</p>\n" + article_page()[40:],  # ... and early
    article_page() + "<p>not a character: \ufffe</p>",
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n' + article_page()[16:],  # a doctype with a slash
    '<!DOCTYPE html>\n<html lang="en"/>\n' + article_page()[16:],  # a self-closed <html/>
    article_page().replace("\n", " "),  # minified: one line
    article_page().replace("\n", " ") + "\n<p>last</p>",  # ... then a line break
    "<!DOCTYPE html>" + " " * 9000 + article_page()[15:],  # a long first line
    '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">\n'
    + "<!-- x -->" * 405 + '\n<html lang="en"/>\n' + article_page()[16:],  # <html/> just past 4,096 characters
    "<div><p>" + PARAGRAPHS[0] + "</p></div>",  # a fragment, no <html>
    '<?xml version="1.0" encoding="utf-8"?>\n' + article_page(),  # a string that declares an encoding
])
def test_pages_load_into_the_tree_trafilatura_loads(page):
    """The page loader repairs only a page's head when its tail needs nothing:
    the tree is trafilatura's own, whatever the page holds."""
    _loaders_agree(page)


@pytest.mark.shared
@needs_web
@needs_shared(HTML_PAGES / "ground-truth.jsonl")
def test_real_pages_load_into_the_tree_trafilatura_loads():
    from quotes.corpus.webcheck import load_pages

    for page in load_pages(HTML_PAGES):
        _loaders_agree(decode_html(page["html"])[0])


def test_paragraphs_are_one_blank_line_apart_with_single_spaces():
    assert paragraphs("  One  line.\nTwo\u00a0 words \n\n\n Three. ") == "One line.\n\nTwo words\n\nThree."


# --- decoding -------------------------------------------------------------------------

@needs_web
def test_the_declared_charset_decodes_the_page():
    page = article_page(charset="windows-1252").replace("\u201c", '"').replace("\u201d", '"')
    page = page.replace("Reyes", "Rey\u00e9s")
    doc = document_from_html(page.encode("cp1252"), "p", "p.html")
    assert "Tom Rey\u00e9s" in doc.text


def test_an_undeclared_charset_is_utf8_when_it_decodes_else_windows_1252():
    assert decode_html("<p>caf\u00e9</p>".encode("utf-8")) == ("<p>caf\u00e9</p>", None)
    assert decode_html("<p>caf\u00e9 \u2019</p>".encode("cp1252")) == ("<p>caf\u00e9 \u2019</p>", None)
    # a latin-1 label means windows-1252, as in browsers
    assert decode_html(b'<meta charset="iso-8859-1"><p>\x93q\x94</p>')[0].endswith("\u201cq\u201d</p>")
    # the HTTP header's charset wins over the page's
    assert decode_html('<meta charset="utf-8"><p>\u00e9</p>'.encode("cp1252"), "cp1252")[0].endswith("\u00e9</p>")


def test_an_unknown_charset_is_a_reason_unless_the_page_is_utf8():
    text, reason = decode_html(b'<meta charset="x-martian"><p>\xff\xfe\x93</p>')
    assert text is None and "unknown character encoding 'x-martian'" in reason
    assert decode_html('<meta charset="x-martian"><p>\u00e9</p>'.encode("utf-8"))[0].endswith("\u00e9</p>")


# --- files and folders ----------------------------------------------------------------

@needs_web
def test_html_htm_and_gzipped_pages_in_a_folder(tmp_path):
    page = article_page().encode("utf-8")
    (tmp_path / "a.html").write_bytes(page)
    (tmp_path / "b.htm").write_bytes(page)
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(page))
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    docs = read([tmp_path])
    assert [d.doc_id for d in docs] == ["a", "b", "c"]
    assert len({d.text for d in docs}) == 1


@needs_web
def test_jsonl_lines_with_html_are_pages_and_their_fields_win(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"id": "p1", "html": article_page(), "title": "Given title"}) + "\n"
                    + json.dumps({"id": "p2", "text": "Plain \"text\" wins.", "html": "<p>x</p>"}) + "\n"
                    + json.dumps({"id": "p3", "html": "<p>menu</p>"}) + "\n", encoding="utf-8")
    items = read([path])
    assert items[0].doc_id == "p1" and items[0].title == "Given title" and items[0].outlet == "The Harbour Gazette"
    assert PARAGRAPHS[0] in items[0].text and items[0].source == f"{path}:1"
    assert items[1].text == "Plain \"text\" wins."
    assert isinstance(items[2], InputError) and items[2].source == f"{path}:3"


@needs_web
def test_stdin_that_starts_with_a_tag_is_a_page(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(article_page().encode("utf-8"))))
    (doc,) = read(["-"])
    assert doc.doc_id == "stdin" and PARAGRAPHS[1] in doc.text


@needs_web
def test_bad_pages_are_counted_with_their_reason_and_the_batch_goes_on(tmp_path):
    (tmp_path / "1-good.html").write_text(article_page(), encoding="utf-8")
    (tmp_path / "2-binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "3-empty.html").write_bytes(b"  \n")
    (tmp_path / "4-martian.html").write_bytes(b'<html><meta charset="x-martian"><p>\xff\xfe\x93 hi</p></html>')
    (tmp_path / "5-no-article.html").write_text(
        '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>', encoding="utf-8")
    (tmp_path / "6-cut.html.gz").write_bytes(gzip.compress(article_page().encode("utf-8"))[:200])
    (tmp_path / "7-text.html").write_text("no tags at all, just words", encoding="utf-8")
    (tmp_path / "8-good.htm").write_text(article_page(), encoding="utf-8")
    items = read([tmp_path])
    reasons = {Path(i.source).name: i.reason for i in items if isinstance(i, InputError)}
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["1-good", "8-good"]
    assert reasons == {
        "2-binary.html": "binary file (NUL bytes), not HTML",
        "3-empty.html": "empty page: no HTML",
        "4-martian.html": "unknown character encoding 'x-martian' (and the page is not UTF-8)",
        "5-no-article.html": "no article text found in the page",
        "6-cut.html.gz": reasons["6-cut.html.gz"],
        "7-text.html": "not HTML: no tags in the page",
    }
    assert reasons["6-cut.html.gz"].startswith("damaged gzip file")


def test_a_missing_extra_is_named(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura raises ImportError
    item = document_from_html(article_page().encode("utf-8"), "p", "p.html")
    assert isinstance(item, InputError)
    assert item.reason == 'reading HTML needs trafilatura: pip install "quotes[web]"'


# --- web archives ---------------------------------------------------------------------

def _response(writer, url, body: bytes, status="200 OK", content_type="text/html; charset=utf-8",
              extra_headers=()):
    from warcio.statusandheaders import StatusAndHeaders

    headers = [("Content-Type", content_type)] if content_type else []
    http = StatusAndHeaders(status, headers + list(extra_headers), protocol="HTTP/1.1")
    # a fixed capture time: warcio would stamp the clock's, and the doc_id is URL@WARC-Date, so two
    # archives of one crawl built a second apart would not hold the same documents
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                  warc_headers_dict={"WARC-Date": "2020-03-02T10:00:00Z"}))


def build_warc(path: Path, cut_last: bool = False, gzipped: bool = True) -> None:
    """A small crawl: warcinfo, a request, four article pages (one gzip-encoded,
    one with no Content-Type, one chunked), an image, a redirect, a 404, a page with no
    article; with ``cut_last`` a last page whose gzip member ends early."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = article_page().encode("utf-8")
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
    req = StatusAndHeaders("GET /news/1 HTTP/1.1", [("Host", "gazette.example.com")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://gazette.example.com/news/1", "request",
                                                  payload=io.BytesIO(b""), http_headers=req))
    _response(writer, "https://gazette.example.com/news/1", page)
    _response(writer, "https://gazette.example.com/news/2", gzip.compress(page),
              extra_headers=[("Content-Encoding", "gzip")])
    _response(writer, "https://gazette.example.com/news/3", page, content_type=None)
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(page[i:i + 1000]), page[i:i + 1000])
                       for i in range(0, len(page), 1000)) + b"0\r\n\r\n"
    _response(writer, "https://gazette.example.com/news/4", chunked, extra_headers=[("Transfer-Encoding", "chunked")])
    _response(writer, "https://gazette.example.com/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="image/png")
    _response(writer, "https://gazette.example.com/old", b"", status="301 Moved Permanently",
              extra_headers=[("Location", "/news/1")])
    _response(writer, "https://gazette.example.com/gone", b"<html>not found</html>", status="404 Not Found")
    _response(writer, "https://gazette.example.com/menu", b"<html><nav><a href='/'>Home</a></nav></html>")
    data = buf.getvalue()
    if cut_last:
        last = io.BytesIO()
        last_writer = WARCWriter(last, gzip=gzipped)
        _response(last_writer, "https://gazette.example.com/news/5", page)
        data += last.getvalue()[: len(last.getvalue()) // 2]
    path.write_bytes(data)


@needs_web
@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_a_warc_gives_its_html_responses_and_counts_what_it_skips(tmp_path, name):
    pytest.importorskip("warcio")
    path = tmp_path / name
    build_warc(path, gzipped=name.endswith(".gz"))
    warnings = []
    items = read([path], warnings=warnings)
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.url for d in docs] == ["https://gazette.example.com/news/harbour-bridge"] * 4  # canonical links
    assert [d.doc_id.split("@")[0] for d in docs] == [f"https://gazette.example.com/news/{k}" for k in (1, 2, 3, 4)]
    assert all(d.doc_id.split("@")[1][:4].isdigit() and d.source.startswith(f"{path}@") for d in docs)
    assert len({d.text for d in docs}) == 1 and PARAGRAPHS[0] in docs[0].text
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert error.reason == "no article text found in the page" and error.source.startswith(f"{path}@")
    assert warnings == [f"{path}: 4 HTML pages read; skipped 1 HTTP errors (4xx), 1 non-HTML responses, "
                        "1 redirects (3xx), 1 request records, 1 warcinfo records"]


@needs_web
def test_a_truncated_warc_keeps_what_came_before_and_says_where_it_ends(tmp_path):
    pytest.importorskip("warcio")
    path = tmp_path / "cut.warc.gz"
    build_warc(path, cut_last=True)
    good = tmp_path / "good.html"
    good.write_text(article_page(), encoding="utf-8")
    items = read([path, good])
    assert sum(isinstance(i, Document) for i in items[:-1]) == 4
    error = items[-2]
    assert isinstance(error, InputError) and error.source == str(path)
    assert error.reason.startswith("truncated archive: the record at byte ")
    assert error.reason.endswith("ends early; 4 pages before it were read")
    assert isinstance(items[-1], Document) and items[-1].doc_id == "good"  # the batch goes on


@needs_web
def test_an_arc_file_is_read_as_warc(tmp_path):
    pytest.importorskip("warcio")
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + article_page().encode("utf-8")
    desc = b"1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = (b"filedesc://t.arc 0.0.0.0 20200101000000 text/plain %d\n" % len(desc) + desc + b"\n"
           + b"http://gazette.example.com/a 1.2.3.4 20210309120000 text/html %d\n" % len(body) + body + b"\n")
    first = len(desc) + arc.index(desc) + 1
    path = tmp_path / "old.arc.gz"  # one gzip member per record, as archives are written
    path.write_bytes(gzip.compress(arc[:first]) + gzip.compress(arc[first:]))
    (doc,) = read([path])
    assert doc.doc_id == "http://gazette.example.com/a@2021-03-09T12:00:00Z" and PARAGRAPHS[4] in doc.text
    path.write_bytes(gzip.compress(arc))  # one gzip stream for the whole file: warcio cannot seek it
    (error,) = read([path])
    assert error.reason == ("gzipped as one stream, not one gzip member per record as WARC readers need; "
                            f"`warcio recompress {path} NEW.warc.gz` mends it")


@needs_web
def test_a_file_that_is_not_a_warc_is_one_error(tmp_path):
    pytest.importorskip("warcio")
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"this is not an archive at all\n" * 10)
    (item,) = read([path])
    assert isinstance(item, InputError) and item.source == str(path)
    assert item.reason == "not a WARC or ARC file (it does not begin with a WARC/ARC record)"


# --- tables ------------------------------------------------------------------------------

def test_csv_with_named_columns(tmp_path):
    path = tmp_path / "articles.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["key", "body", "headline", "published", "extra"])
        w.writerow(["a1", "\n\n".join(PARAGRAPHS), "Bridge closes", "2021-03-09", "x"])
        w.writerow(["a2", "", "Empty", "2021-03-10", "y"])
        w.writerow(["a3", '"Yes," she said.', "Short", "", "z"])
    options = ReadOptions(columns=Columns.parse("body", "key", "title=headline,date=published"))
    items = read([path], options)
    assert items[0].doc_id == "a1" and items[0].title == "Bridge closes" and items[0].date == "2021-03-09"
    assert items[0].source == f"{path}:1" and items[0].text.startswith(PARAGRAPHS[0])
    assert isinstance(items[1], InputError) and items[1].source == f"{path}:2"
    assert items[2].doc_id == "a3" and items[2].date is None


@needs_web
def test_csv_defaults_follow_jsonl_names_and_an_html_column_is_read_as_a_page(tmp_path):
    path = tmp_path / "t.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text", "html", "outlet"])
        w.writerow(["r1", "Plain text.", "", "Wire"])
        w.writerow(["", "", article_page(), ""])
    items = read([path])
    assert (items[0].doc_id, items[0].text, items[0].outlet) == ("r1", "Plain text.", "Wire")
    assert items[1].doc_id == "t:2" and PARAGRAPHS[2] in items[1].text and items[1].outlet == "The Harbour Gazette"


def test_a_table_without_the_text_column_is_one_error_naming_its_columns(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    (item,) = read([path])
    assert isinstance(item, InputError)
    assert item.reason == 'no "text" column in the table (columns: id, body); name it with --text-column'
    (item,) = read([path], ReadOptions(columns=Columns.parse("content")))
    assert item.reason == "no column 'content' (for text) in the table; its columns are id, body"


def test_parquet_rows_are_read_in_batches(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "a.parquet"
    n = 2500  # more than one record batch
    pq.write_table(pa.table({"uid": [f"d{i}" for i in range(n)],
                             "content": [f'"Line {i}," she said.' for i in range(n)],
                             "site": ["Wire"] * n}), path)
    items = read([path], ReadOptions(columns=Columns.parse("content", "uid", "outlet=site")))
    assert len(items) == n and items[-1].doc_id == f"d{n - 1}" and items[-1].outlet == "Wire"
    assert items[7].text == '"Line 7," she said.' and items[7].source == f"{path}:8"


def test_a_damaged_parquet_is_one_error(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"PAR1 not really")
    (item,) = read([path])
    assert isinstance(item, InputError) and item.reason.startswith("not a readable Parquet file")


@pytest.mark.parametrize("mapping, message", [
    ("title", "--columns wants FIELD=COLUMN pairs separated by commas, not 'title'"),
    ("author=byline", "--columns: unknown field 'author'; choose from text, html, doc_id, title, date, url, outlet"),
])
def test_columns_mapping_errors(mapping, message):
    with pytest.raises(ValueError) as exc:
        Columns.parse(mapping=mapping)
    assert str(exc.value) == message


def test_columns_mapping_forms():
    assert Columns.parse("body", "key", " title = headline , id=uid").names == {
        "title": "headline", "doc_id": "key", "text": "body"}


# --- the store and the command line -----------------------------------------------------

@needs_web
def test_analyse_a_warc_stores_the_article_text_and_export_gives_it(tmp_path):
    pytest.importorskip("warcio")
    from typer.testing import CliRunner

    from quotes.cli import app
    from quotes.corpus.store import Store

    warc = tmp_path / "crawl.warc.gz"
    build_warc(warc)
    db = tmp_path / "q.db"
    runner = CliRunner()
    result = runner.invoke(app, ["analyse", str(warc), "--db", str(db), "--no-progress", "--workers", "1"])
    assert result.exit_code == 0, result.output  # a page without article inside an archive is not fatal
    assert "4 HTML pages read; skipped" in result.stderr
    out = tmp_path / "q.jsonl"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--output", str(out), "--with-text"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 12 and {r["outlet"] for r in rows} == {"The Harbour Gazette"}
    assert all(r["document_text"][r["start"]:r["end"]] == r["text"] for r in rows)
    if importlib.util.find_spec("pyarrow"):
        import pyarrow.parquet as pq

        parquet = tmp_path / "q.parquet"
        result = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "--output", str(parquet),
                                     "--with-text"])
        assert result.exit_code == 0, result.output
        assert pq.read_table(parquet).to_pylist() == rows
    with Store(db, readonly=True) as store:
        assert store.document_text(rows[0]["doc_id"]) == rows[0]["document_text"]
        assert "document_text" not in next(store.export_rows())
        assert [f["reason"] for f in store.failures()] == ["no article text found in the page"]


@needs_web
def test_extract_a_page_and_a_csv_from_the_command_line(tmp_path):
    from typer.testing import CliRunner

    from quotes.cli import app

    page = tmp_path / "harbour.html"
    page.write_text(article_page(), encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text('key,body\nk1,"""Yes,"" she said to Ann Smith."\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(page), str(table), "--format", "jsonl",
                                      "--text-column", "body", "--id-column", "k1" if False else "key"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["doc_id"] for line in lines] == ["harbour", "k1"]
    assert [q["speaker"] for q in lines[0]["quotes"]] == ["Margaret Ellison", "Tom Reyes", "Margaret Ellison"]
    result = CliRunner().invoke(app, ["extract", str(table), "--columns", "author=x"])
    assert result.exit_code == 2 and "unknown field 'author'" in result.output


# --- the measures ------------------------------------------------------------------------------

def test_body_scores_count_shingles_per_page_and_average_pages():
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = page_counts("a b c d e", "a b c d x")  # shingles: abcd, bcde vs abcd, bcdx
    assert (tp, fp, fn) == (1 / 3, 1 / 3, 1 / 3)
    scores = body_scores([("a b c d e", "a b c d e"), ("a b c d e", "")])
    assert scores["precision"] == 1.0 and scores["recall"] == 0.5 and round(scores["f1"], 4) == 0.6667


def test_quote_agreement_matches_quotes_by_their_words_page_by_page():
    got = quote_agreement([["Yes, we can.", "No"], ["Hello"]], [["yes we can", "Extra"], ["hello", "hello"]])
    assert got == {"marked": 3, "from_html": 4, "matched": 2, "recall": 2 / 3, "spurious": 0.5}


@pytest.mark.shared
@needs_web
@needs_shared(HTML_PAGES / "ground-truth.jsonl")
def test_quotes_from_real_pages_are_the_quotes_of_their_marked_text():
    """120 real pages (the Zyte article-extraction benchmark): the quotes found
    from the HTML against those found in the text a person marked as the article.
    Measured with trafilatura 2.3.1 (fast mode): recall 0.971, spurious 0.024,
    body F1 0.964 (trafilatura 2.0's published F1 on all 181 pages: 0.958)."""
    from quotes.corpus.webcheck import check_pages

    result = check_pages(HTML_PAGES)
    assert result["pages"] == 120 and not result["failed"]
    assert result["quotes"]["recall"] >= 0.97
    assert result["quotes"]["spurious"] <= 0.03
    assert result["body"]["f1"] >= 0.96


def test_analyse_counts_what_it_reads_once_reading_takes_a_while():
    from quotes.corpus.batch import Reading

    buf = io.StringIO()
    reading = Reading(buf)
    reading.update(1, 0)
    assert buf.getvalue() == ""  # a quick read draws nothing
    reading._last -= 10  # as if seconds had gone by
    reading.update(1234, 2)
    assert buf.getvalue().startswith("reading 1234 docs  2 failed  ")
    quiet = io.StringIO()
    off = Reading(quiet, enabled=False)
    off._last -= 10
    off.update(5, 0)
    assert quiet.getvalue() == ""


# --- pages extracted in the worker processes (quotes analyse) ---------------------------

def _mixed_inputs(tmp_path: Path) -> list[Path]:
    """Pages good and bad in a folder, a JSONL of pages, a CSV with an HTML column,
    a WARC, one cut short, and a folder that gives no document."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "1-good.html").write_text(article_page(), encoding="utf-8")
    (pages / "2-binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (pages / "3-empty.html").write_bytes(b"  \n")
    (pages / "4-martian.html").write_bytes(b'<html><meta charset="x-martian"><p>\xff\xfe\x93 hi</p></html>')
    (pages / "5-no-article.html").write_text(
        '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>', encoding="utf-8")
    (pages / "6-text.txt").write_text('"Plain text," said Ann Smith.', encoding="utf-8")
    (pages / "7-good.htm").write_text(article_page().replace("Tuesday", "Monday"), encoding="utf-8")
    jsonl = tmp_path / "lines.jsonl"
    jsonl.write_text(json.dumps({"id": "j1", "html": article_page().replace("Tuesday", "Friday"),
                                 "title": "Given title"}) + "\n"
                     + json.dumps({"id": "j2", "html": "<p>menu</p>"}) + "\n", encoding="utf-8")
    table = tmp_path / "rows.csv"
    with open(table, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["id", "html", "outlet"],
                                  ["r1", article_page().replace("Tuesday", "Sunday"), "Row outlet"]])
    warc, cut = tmp_path / "crawl.warc.gz", tmp_path / "cut.warc.gz"
    build_warc(warc)
    build_warc(cut, cut_last=True)
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "menu.html").write_text("<html><nav>Home</nav></html>", encoding="utf-8")
    return [pages, jsonl, table, warc, cut, empty]


def _same_items(a, b) -> None:
    assert [type(x) for x in a] == [type(x) for x in b]
    for x, y in zip(a, b):
        if isinstance(x, InputError):
            assert (x.source, x.reason) == (y.source, y.reason)
        else:
            assert x == y


@needs_web
def test_pages_read_for_later_give_what_reading_gives_in_the_same_order(tmp_path):
    """``analyse`` reads pages as Page items and extracts them elsewhere: once
    extracted (here in this process), the items, their errors and the archive's
    counts are those of reading them at once."""
    import pickle

    from quotes.corpus.html import Page

    paths = _mixed_inputs(tmp_path)
    now, now_warnings = [], []
    now = read(paths, warnings=now_warnings)
    later_warnings: list[str] = []
    deferred: list = []

    def resolve(items):
        for item in items:
            if isinstance(item, Page):
                deferred.append(item)
                item = pickle.loads(pickle.dumps(item)).document()  # as a worker gets and gives it
                item = pickle.loads(pickle.dumps(item))
            yield item

    later = list(read_documents([str(p) for p in paths], warn=later_warnings.append, resolve=resolve))
    _same_items(now, later)
    assert later_warnings == now_warnings and len(now_warnings) == 1
    assert now_warnings[0].startswith(f"{paths[3]}: 4 HTML pages read; skipped ")  # pages that gave a document
    assert any(i.reason.endswith("ends early; 4 pages before it were read") for i in now if isinstance(i, InputError))
    assert len(deferred) == 6 + 2 + 1 + 5 + 5 + 1  # every page (not the cut one), none extracted while reading
    assert [i.reason for i in now if isinstance(i, InputError)][-1] == "no document could be read from this folder"


@needs_web
def test_analyse_extracts_pages_in_its_workers_and_counts_bad_ones(tmp_path, monkeypatch):
    """The parent process reads the files; the workers (spawned: they import the
    sources afresh) extract the pages. Each bad page is a failure with its reason,
    and the run stores what reading in one process gives, with 1 or 2 workers."""
    from quotes.corpus import html
    from quotes.corpus.batch import analyse_paths
    from quotes.corpus.store import Store

    paths = [str(p) for p in _mixed_inputs(tmp_path)]
    expected = read(paths)
    monkeypatch.setattr(html, "document_from_html", lambda *a, **k: InputError("parent", "extracted in the parent"))
    exports = []
    for workers in (1, 2):
        db = tmp_path / f"q{workers}.db"
        summary = analyse_paths(paths, db, workers=workers, progress=False, warn=lambda m: None)
        assert [(f.source, f.reason) for f in summary.failed] == [
            (i.source, i.reason) for i in expected if isinstance(i, InputError)]
        # (the two archives hold the same records: each is analysed once)
        assert (summary.analysed, summary.skipped) == (9, 4)
        with Store(db) as store:
            exports.append(list(store.export_rows(with_text=True)))
            docs = store.documents()
            texts = store.document_texts([d["doc_id"] for d in docs])
        assert [(d["doc_id"], d["title"], d["date"], d["url"], d["outlet"], d["source"], texts[d["doc_id"]])
                for d in docs] == sorted({i.doc_id: (i.doc_id, i.title, i.date, i.url, i.outlet, i.source, i.text)
                                          for i in reversed(expected) if isinstance(i, Document)}.values())
    assert exports[0] == exports[1] and exports[0]

"""The HTML report and the article view: content, escaping, and a real browser.

The browser tests open the pages in Debian's headless chromium driven by
selenium (``pip install "quotes[report]"``; apt: chromium chromium-driver) and
skip, saying why, when either is absent.
"""
from __future__ import annotations

import html as html_lib
import io
import json
import re
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.cli.html import context, esc, mark_text, script_json
from quotes.corpus.store import Store
from quotes.records import Document

runner = CliRunner()


def _needs_matplotlib():
    pytest.importorskip("matplotlib", reason='the report draws with matplotlib: pip install "quotes[report]"')

# Hostile strings: each would set window.__pwned (or show an <img>) if it reached the page unescaped.
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '"><img src=x onerror="window.__pwned=2">'
EVIL_NAME = "Evil $x$ <script>window.__pwned=3</script>"
EVIL_TITLE = "</title><script>window.__pwned=4</script><!--"

ARTICLES = [
    ("blunt", "2016-01-04", "Daily Planet", "Blunt regrets",
     'Intro line.\n\n"It was the biggest mistake of my life," said Anthony Blunt. He spoke at home.\n\n'
     '"I was naive," he added.\n'),
    ("storm", "2016-02-10", "Daily Planet", "Storm hits",
     '"I was stunned, absolutely stunned," said Mary Jones, the mayor.\n\n'
     '"Nobody expected this," Jones said.\n'),
    ("budget", "2016-03-15", "The Herald", "Budget row",
     '"We will not raise taxes," said Anthony Blunt.\n\n"That is a lie," said Mary Jones.\n'),
    ("hostile", "2016-03-20", "<b>Evil Outlet</b>", EVIL_TITLE,
     f'Hostile {SCRIPT} text.\n\n"I regret {SCRIPT} everything {IMG}," said Anthony Blunt.\n\n'
     f'"Shocking {IMG}," said Mary Jones.\n'),
]


def _build_db(path: Path) -> Path:
    from quotes.pipeline import extract_document

    with Store(path) as store:
        for doc_id, date, outlet, title, text in ARTICLES:
            doc = Document(doc_id, text, title=title, date=date, outlet=outlet)
            store.add_analysis(doc, extract_document(doc))
        # a speaker whose name is hostile, quoted twice, so it reaches the charts and tables
        text = f'"Sorry {SCRIPT}," said the man.\n\n"{IMG} wow," the man said.\n'
        quotes = []
        for m in re.finditer(r'"([^"\n]+)"', text):
            mention = text.index("the man", m.end())
            quotes.append({"start": m.start(1), "end": m.end(1), "text": m.group(1), "speaker": EVIL_NAME,
                           "speaker_mention": "the man", "speaker_start": mention, "speaker_end": mention + 7,
                           "cue": "said", "confidence": 0.9, "rule": "test",
                           "tone": {"regret": 0.8, "shock": 0.7, "polarity": 0.0, "subjectivity": 0.0}})
        store.add_analysis(Document("evil", text, title=IMG, date="2016-03-21", outlet=SCRIPT), quotes)
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return _build_db(tmp_path_factory.mktemp("report") / "quotes.db")


@pytest.fixture(scope="module")
def report(db, tmp_path_factory) -> Path:
    _needs_matplotlib()
    out = tmp_path_factory.mktemp("out") / "report.html"
    result = runner.invoke(app, ["report", "--db", str(db), "--output", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def article_view(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    path = folder / "hostile.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for doc_id, date, outlet, title, text in ARTICLES:
            fh.write(json.dumps({"doc_id": doc_id, "text": text, "title": title, "date": date,
                                 "outlet": outlet}) + "\n")
    result = runner.invoke(app, ["extract", str(path), "--format", "html"])
    assert result.exit_code == 0, result.output
    out = folder / "articles.html"
    out.write_text(result.stdout, encoding="utf-8")
    return out


# --- escaping and markup, without a browser ------------------------------------------------

class _Elements(HTMLParser):
    """Tags of a page, checking that every element it opens it closes, in order."""

    VOID = {"meta", "br", "img", "input", "link", "hr", "path", "rect", "use", "stop", "circle", "line",
            "polyline", "polygon", "ellipse"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse(markup: str) -> _Elements:
    parser = _Elements()
    parser.feed(markup)
    parser.close()
    return parser


def test_esc_and_script_json_leave_nothing_a_parser_would_act_on():
    assert esc('<a href="x">&\'') == "&lt;a href=&quot;x&quot;&gt;&amp;&#x27;"
    assert esc(None) == ""
    data = script_json({"k": "</script><!-- <script> \u2028 &amp;"})
    assert "</" not in data and "<!--" not in data and "<" not in data and "\u2028" not in data
    assert json.loads(data) == {"k": "</script><!-- <script> \u2028 &amp;"}


def test_marked_text_keeps_every_character_and_nests():
    text = f'Before {SCRIPT}. "I was wrong {IMG}," said Anthony Blunt. "Again," he said.'
    q1s = text.index("I was")
    q1e = text.index(',"', q1s)
    q2s = text.index("Again")
    quotes = [
        {"start": q1s, "end": q1e, "speaker": "Anthony Blunt", "speaker_start": text.index("Anthony"),
         "speaker_end": text.index("Anthony") + 13, "confidence": 0.9, "regret": 0.9, "shock": 0.1, "cue": "said"},
        # a mention that straddles the quote's end, and a quote without a speaker
        {"start": q2s, "end": q2s + 5, "speaker": None, "speaker_start": q2s + 3, "speaker_end": q2s + 9,
         "confidence": 0.2, "tone": {"regret": 0.0, "shock": 0.0}},
    ]
    markup = mark_text(text, quotes)
    parsed = _parse(markup)
    assert not parsed.errors and not parsed.stack
    assert "script" not in parsed.tags and "img" not in parsed.tags
    # the straddling mention is cut in two at the quote's end: three <u>
    assert parsed.tags.count("mark") == 2 and parsed.tags.count("u") == 3
    # without the speaker labels, the page's text is the article's text, character for character
    bare = re.sub(r'<span class="who"[^>]*>.*?</span>', "", markup)
    assert html_lib.unescape(re.sub(r"<[^>]+>", "", bare)) == text
    assert "regret 0.90 · shock 0.10 · confidence 0.90" in markup


def test_marked_text_clips_offsets_outside_the_text():
    markup = mark_text("short", [{"start": 2, "end": 99, "speaker": "X", "speaker_start": -3,
                                  "speaker_end": 1, "confidence": 1.0}])
    assert html_lib.unescape(re.sub(r'<span class="who".*?</span>|<[^>]+>', "", markup)) == "short"


@pytest.mark.parametrize("text, quote, before, after", [
    ('He left. "I regret it," said Blunt. Then he sat down.', "I regret it,", '"', '" said Blunt.'),
    ('He left. Then "I regret it," said Blunt. Then he sat down.', "I regret it,", 'Then "', '" said Blunt.'),
    ('First line\n"Shocking," she said! Next one.', "Shocking,", '"', '" she said!'),
    ('"No sentence end before," he said', "No sentence end before,", '"', '" he said'),
    ('She said: "Yes." Later.', "Yes.", 'She said: "', '"'),
])
def test_context_is_the_sentence_around_the_quote(text, quote, before, after):
    start = text.index(quote)
    got = context(text, start, start + len(quote))
    assert got[1] == quote
    assert (got[0], got[2]) == (before, after)


def test_context_cuts_long_sides_at_a_space():
    text = "word " * 100 + '"quoted," ' + "more " * 100
    start = text.index("quoted")
    before, inner, after = context(text, start, start + 7, width=40)
    assert before.startswith("…") and len(before) <= 42 and after.endswith("…") and len(after) <= 42


def test_the_report_holds_every_section_and_escapes_every_string(report):
    page = report.read_text(encoding="utf-8")
    parsed = _parse(page)
    assert parsed.tags.count("script") == 1  # the page's own (sortable tables)
    assert "img" not in parsed.tags
    for key in ("glance", "speakers", "tone", "quotes", "people", "articles"):
        assert f'id="{key}"' in page
    assert parsed.tags.count("svg") >= 5
    text = "".join(parsed.text)
    for hostile in (SCRIPT, IMG, EVIL_TITLE, "Evil $x$"):
        assert hostile in text  # shown, as text
    assert "Anthony Blunt" in text and "Mary Jones" in text
    assert "biggest mistake of my life" in text
    assert 'http-equiv="Content-Security-Policy"' in page and "default-src 'none'" in page
    assert not re.search(r"\b(?:src|href)=\"(?:https?:)?//", page)  # nothing from the network


def test_the_report_for_one_speaker_and_a_date_range(db, tmp_path):
    _needs_matplotlib()
    out = tmp_path / "blunt.html"
    result = runner.invoke(app, ["report", "--db", str(db), "-o", str(out), "--speaker", "anthony blunt",
                                 "--since", "2016-01-01", "--until", "2016-03-01"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<title>Quotes report: Anthony Blunt</title>" in page
    assert "biggest mistake of my life" in page
    assert "We will not raise taxes" not in page.split('id="articles"')[0]  # 2016-03-15: outside the range
    assert "Nobody expected this" not in page.split('id="articles"')[0]  # another speaker


@pytest.mark.parametrize("args, message", [
    (["--since", "2016-13-01"], "--since '2016-13-01': give a date as YYYY-MM-DD"),
    (["--until", "March"], "--until 'March': give a date as YYYY-MM-DD"),
    (["--speaker", "Nobody Atall"], "no speaker has this id, name or alias"),
])
def test_report_errors_are_one_line(db, tmp_path, args, message):
    result = runner.invoke(app, ["report", "--db", str(db), "-o", str(tmp_path / "r.html"), *args])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


def test_report_of_a_missing_database_or_folder(tmp_path, db):
    result = runner.invoke(app, ["report", "--db", str(tmp_path / "none.db"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and "no such database" in result.output
    result = runner.invoke(app, ["report", "--db", str(db), "-o", str(tmp_path / "no" / "r.html")])
    assert result.exit_code == 1 and "does not exist" in result.output


def test_report_of_an_empty_database(tmp_path):
    Store(tmp_path / "empty.db").close()
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--db", str(tmp_path / "empty.db"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "No quote has a named speaker." in out.read_text(encoding="utf-8")


def test_the_store_keeps_the_text_and_old_documents_are_analysed_again(tmp_path):
    doc = Document("d", '"Hi," said Ann Lee.')
    with Store(tmp_path / "s.db") as store:
        store.add_analysis(doc, [], pipeline_version="v")
        assert store.document_text("d") == doc.text
        assert store.document_texts(["d", "missing"]) == {"d": doc.text}
        assert store.has_document("d", __import__("quotes.corpus.store", fromlist=["x"]).content_hash("d", doc.text), "v")
        # a document stored before texts were kept counts as not done, so analyse stores its text
        store.conn.execute("DELETE FROM document_texts")
        from quotes.corpus.store import content_hash

        assert not store.has_document("d", content_hash("d", doc.text), "v")
        assert store.document_text("d") is None


def test_extract_html_marks_each_quote_and_escapes_the_article(article_view):
    page = article_view.read_text(encoding="utf-8")
    parsed = _parse(page)
    assert not parsed.errors
    assert parsed.tags.count("script") == 1 and "img" not in parsed.tags
    assert parsed.tags.count("mark") >= 8 and parsed.tags.count("u") >= 6
    text = "".join(parsed.text)
    assert SCRIPT in text and IMG in text and EVIL_TITLE in text
    assert re.search(r'data-tip="Anthony Blunt \(said\) · regret 0\.\d\d · shock 0\.\d\d · confidence', page)


# --- in a real browser --------------------------------------------------------------------

CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and Path(p).exists()), None)
CHROMEDRIVER = next((p for p in (shutil.which("chromedriver"), "/usr/bin/chromedriver") if p and Path(p).exists()),
                    None)


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason='needs selenium: pip install "quotes[report]"')
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="quotes-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", "--window-size=1000,1400"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _open(driver, path: Path) -> None:
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.resolve().as_uri())


def _requests(driver, page: str) -> list[str]:
    """URLs the page asked for, from the DevTools network log (data: URLs are no request)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent" and message["params"].get("documentURL") == page:
            urls.append(message["params"]["request"]["url"])
    return [u for u in urls if not u.startswith("data:")]


def _check_loaded_alone(driver, path: Path) -> None:
    errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR", "WARNING")]
    assert not errors, errors
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert _requests(driver, path.resolve().as_uri()) == [path.resolve().as_uri()]  # the page alone


def _no_script_ran(driver) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert driver.execute_script("return document.querySelectorAll('script').length") == 1
    assert driver.execute_script("return document.images.length") == 0
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018


def _not_blank(png: bytes) -> None:
    Image = pytest.importorskip("PIL.Image", reason='reading the screenshot needs pillow (with "quotes[report]")')

    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1_000_000)
    assert colours is None or len(colours) > 10, "the screenshot is blank"


def test_the_report_in_a_browser(browser, report):
    _open(browser, report)
    _check_loaded_alone(browser, report)
    _no_script_ran(browser)
    charts = browser.execute_script("""
        return Array.from(document.querySelectorAll('.figure svg')).map(function(s){
            var b = s.getBoundingClientRect();
            return [b.width, b.height, s.querySelectorAll('path, rect, text, use').length];
        });""")
    assert len(charts) >= 5
    assert all(w > 100 and h > 50 and n > 10 for w, h, n in charts), charts
    body = browser.find_element("tag name", "body").text
    assert SCRIPT in body and EVIL_TITLE in body
    _not_blank(browser.get_screenshot_as_png())
    # a sortable table: sorting by quotes puts the most quoted first, then last
    table = browser.find_element("css selector", "#speakers table")
    header = table.find_elements("css selector", "th")[1]
    header.click()
    first = [int(c.text) for c in table.find_elements("css selector", "tbody tr td:nth-child(2)")]
    header.click()
    second = [int(c.text) for c in table.find_elements("css selector", "tbody tr td:nth-child(2)")]
    assert first == sorted(first, reverse=True) and second == sorted(second)
    assert browser.get_log("browser") == []


def test_the_report_fits_a_phone(browser, report):
    browser.set_window_size(390, 844)
    try:
        _open(browser, report)
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1
        widths = browser.execute_script(
            "return Array.from(document.querySelectorAll('.figure svg')).map(s => s.getBoundingClientRect().width)")
        assert widths and max(widths) <= 390
    finally:
        browser.set_window_size(1000, 1400)


def test_the_article_view_in_a_browser(browser, article_view):
    _open(browser, article_view)
    _check_loaded_alone(browser, article_view)
    _no_script_ran(browser)
    marks = browser.find_elements("css selector", "mark.q")
    assert len(marks) >= 8
    colours = {m.value_of_css_property("background-color") for m in marks}
    assert len(colours) >= 2  # a colour per speaker
    assert browser.find_elements("css selector", "u.m")
    body = browser.find_element("tag name", "body").text
    assert SCRIPT in body and IMG in body
    _not_blank(browser.get_screenshot_as_png())
    assert browser.get_log("browser") == []


def test_store_aliases_are_the_speakers_names(db):
    with Store(db, readonly=True) as store:
        every = store.aliases()
        ids = store.speaker_ids("Anthony Blunt")
        assert ids and every[ids[0]][0] == "Anthony Blunt"
        assert store.aliases(ids) == {ids[0]: every[ids[0]]}
        assert set(every) == {s["speaker_id"] for s in store.speakers()}


def test_articles_folder_holds_a_page_per_article_and_every_quote_links_to_one(db, tmp_path):
    _needs_matplotlib()
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--db", str(db), "-o", str(out), "--articles",
                                 str(tmp_path / "articles and more")])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    links = set(re.findall(r'href="(articles%20and%20more/a-[0-9a-f]{12}\.html)"', page))
    pages = sorted((tmp_path / "articles and more").glob("a-*.html"))
    assert len(pages) == len(ARTICLES) + 1 and len(links) == len(pages)  # every article has quotes here
    assert {(tmp_path / html_lib.unescape(link).replace("%20", " ")).exists() for link in links} == {True}
    assert 'href="#a-' not in page and 'id="a-' not in page  # linked, not embedded
    for path in pages:
        parsed = _parse(path.read_text(encoding="utf-8"))
        assert parsed.tags.count("script") == 1 and "img" not in parsed.tags and not parsed.errors


def test_chart_ids_are_unique_in_the_page(report):
    ids = re.findall(r'\bid="([^"]+)"', report.read_text(encoding="utf-8"))
    assert len(ids) == len(set(ids))

"""The batch runner's per-document time limit (``quotes analyse --timeout``).

A document (or page) that hangs is injected the way tests/test_batch.py injects
one that crashes: a fake pipeline (or page extractor), monkeypatched into forked
workers, or set at the top of a runner script that spawned workers import.
Short limits keep each test to a few seconds.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotes import pipeline
from quotes.corpus.batch import (
    analyse_documents,
    analyse_paths,
    earlier_timeout,
    timeout_runs,
)
from quotes.corpus.store import Store, content_hash
from quotes.records import Document

from .conftest import ROOT, database_before
from .test_batch import _SAID, _article, fake_extract, needs_fork

HANG_REASON = "analysis took longer than 1 s"


def hanging_extract(doc: Document):
    """fake_extract, but a text with HANG writes its process id into a file (its
    last word) and sleeps far past any limit; BUSY does so only while that file
    exists (a machine too busy for the limit in one run and not in the next: the
    same content both times); SLOW sleeps 1.5 s and then finishes."""
    if "HANG" in doc.text:
        Path(doc.text.split()[-1]).write_text(str(os.getpid()))
        time.sleep(120)
    if "BUSY" in doc.text and Path(doc.text.split()[-1]).exists():
        time.sleep(120)
    if "SLOW" in doc.text:
        time.sleep(1.5)
    return fake_extract(doc)


@pytest.fixture
def hanging_pipeline(monkeypatch):
    monkeypatch.setattr(pipeline, "extract_document", hanging_extract)
    monkeypatch.setattr(pipeline, "load_models", lambda: None, raising=False)


def _corpus_with_hanger(tmp_path: Path, n: int = 60) -> tuple[Path, Path]:
    marker = tmp_path / "hang-started"
    lines = [json.dumps(_article(i)) for i in range(n)]
    lines.insert(5, json.dumps({"doc_id": "hanger", "text": f'"Wait," said Anthony Blunt. HANG {marker}'}))
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus, marker


@needs_fork
def test_a_document_that_hangs_fails_with_its_reason_and_the_rest_is_analysed(tmp_path, hanging_pipeline):
    corpus, marker = _corpus_with_hanger(tmp_path)
    db = tmp_path / "q.db"
    summary = analyse_paths([str(corpus)], db, workers=2, progress=False, start_method="fork", timeout=1)
    assert marker.exists()
    # every other document, those sent in the hanging one's task among them, is stored
    assert summary.analysed == 60 and summary.quotes == 180
    assert [(f.source, f.doc_id, f.reason.split(" (")[0]) for f in summary.failed] == [
        (f"{corpus}:6", "hanger", HANG_REASON)]
    assert f"failed: {corpus}:6: {HANG_REASON}" in summary.format()
    with Store(db) as store:
        assert store.counts()["documents"] == 60
        [failure] = store.failures()
        assert failure["source"] == f"{corpus}:6" and failure["reason"].startswith(HANG_REASON)
        assert failure["timeout"] == 1.0
        hanger = json.loads(corpus.read_text().splitlines()[5])
        assert failure["content_hash"] == content_hash("hanger", hanger["text"])


ONCE_MORE = "analysis took longer than 1 s (--timeout; a rerun tries it once more)"
LEFT = ("analysis took longer than 1 s in two runs in a row; not tried again "
        "(a larger --timeout, or --timeout 0, tries it)")


@needs_fork
@pytest.mark.parametrize("limit", [1, 0.5])
def test_a_document_that_timed_out_once_is_tried_again_with_the_same_or_a_smaller_limit(
        tmp_path, hanging_pipeline, limit):
    """A busy machine, not the document: it runs past the limit in run 1 and
    finishes in run 2, which tries it once more, stores it and drops its failure."""
    busy = tmp_path / "busy"
    busy.write_text("")
    lines = [json.dumps(_article(i)) for i in range(10)]
    lines.insert(3, json.dumps({"doc_id": "busy", "text": f'"Wait," said Anthony Blunt. BUSY {busy}'}))
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "q.db"
    first = analyse_paths([str(corpus)], db, workers=2, progress=False, start_method="fork", timeout=1)
    assert first.analysed == 10
    assert [(f.doc_id, f.reason) for f in first.failed] == [("busy", ONCE_MORE)]
    with Store(db) as store:
        assert [(f["doc_id"], f["timeout"], f["timeout_runs"]) for f in store.failures()] == [("busy", 1.0, 1)]

    busy.unlink()  # the machine is quiet now; the document is the same
    second = analyse_paths([str(corpus)], db, workers=2, progress=False, start_method="fork", timeout=limit)
    assert second.analysed == 1 and second.skipped == 10 and second.failed == []
    assert second.quotes == 1
    with Store(db) as store:
        assert store.failures() == [] and store.counts()["documents"] == 11


@needs_fork
def test_a_document_that_timed_out_in_two_runs_is_left_until_the_limit_grows_or_it_changes(
        tmp_path, hanging_pipeline):
    corpus, marker = _corpus_with_hanger(tmp_path, n=10)
    db = tmp_path / "q.db"
    first = analyse_paths([str(corpus)], db, workers=2, progress=False, start_method="fork", timeout=1)
    assert [f.reason for f in first.failed] == [ONCE_MORE]
    marker.unlink()

    # run 2, the same limit: tried once more, and it runs out of time again
    second = analyse_paths([str(corpus)], db, workers=2, progress=False, start_method="fork", timeout=1)
    assert marker.exists()
    marker.unlink()
    assert second.analysed == 0 and second.skipped == 10
    assert [(f.doc_id, f.reason) for f in second.failed] == [
        ("hanger", "analysis took longer than 1 s (--timeout; the second run in a row: "
                   "a rerun with this limit leaves it)")]
    with Store(db) as store:
        assert [(f["timeout"], f["timeout_runs"]) for f in store.failures()] == [(1.0, 2)]

    # run 3, the same limit (or a smaller one): not tried, still a failure, the record kept
    for limit in (1, 0.5):
        again = analyse_paths([str(corpus)], db, workers=2, progress=False, start_method="fork", timeout=limit)
        assert not marker.exists()
        assert again.analysed == 0 and again.skipped == 10
        assert [(f.doc_id, f.reason) for f in again.failed] == [("hanger", LEFT)]
    with Store(db) as store:
        assert [(f["timeout"], f["timeout_runs"]) for f in store.failures()] == [(1.0, 2)]

    # a larger limit tries it again (and records the new limit, the count from one)
    larger = analyse_paths([str(corpus)], db, workers=1, progress=False, start_method="fork", timeout=1.5)
    assert marker.exists()
    assert [f.reason for f in larger.failed] == [
        "analysis took longer than 1.5 s (--timeout; a rerun tries it once more)"]
    with Store(db) as store:
        assert [(f["timeout"], f["timeout_runs"]) for f in store.failures()] == [(1.5, 1)]

    # new content is a new document: analysed, and its failure is gone
    lines = corpus.read_text().splitlines()
    lines[5] = json.dumps({"doc_id": "hanger", "text": '"Done waiting," said Anthony Blunt.'})
    corpus.write_text("\n".join(lines) + "\n")
    fixed = analyse_paths([str(corpus)], db, workers=1, progress=False, start_method="fork", timeout=1.5)
    assert fixed.analysed == 1 and fixed.failed == []
    with Store(db) as store:
        assert store.failures() == [] and store.counts()["documents"] == 11


def test_which_earlier_timeouts_a_run_leaves_and_how_it_counts_a_new_one():
    """Two runs in a row, the same content, a limit no larger each time: then a
    run with a limit no larger leaves the input; anything else tries it."""
    once = {("d", "h"): (1.0, 1)}
    twice = {("d", "h"): (1.0, 2)}
    assert earlier_timeout(once, "d", "h", 1.0) is None            # tried once more
    assert earlier_timeout(twice, "d", "h", 1.0) == 1.0            # left
    assert earlier_timeout(twice, "d", "h", 0.5) == 1.0            # a smaller limit: left
    assert earlier_timeout(twice, "d", "h", 1.5) is None           # a larger limit: tried
    assert earlier_timeout(twice, "d", "h", 0) is None             # no limit: tried
    assert earlier_timeout(twice, "d", "changed", 1.0) is None     # new content: tried
    assert earlier_timeout(twice, "other", "h", 1.0) is None       # another document
    assert earlier_timeout({}, "d", "h", 1.0) is None
    # a timeout in this run: counted on from the last one's when the content is
    # the same and the limit no larger, else from one
    assert timeout_runs(once, "d", "h", 1.0) == 2
    assert timeout_runs(once, "d", "h", 0.5) == 2
    assert timeout_runs(once, "d", "h", 1.5) == 1
    assert timeout_runs(once, "d", "changed", 1.0) == 1
    assert timeout_runs({}, "d", "h", 1.0) == 1
    # run 1 at 1 s, run 2 at 0.5 s (recorded: 0.5 s, two runs): 0.5 s is left, 1 s tried
    assert earlier_timeout({("d", "h"): (0.5, 2)}, "d", "h", 0.5) == 0.5
    assert earlier_timeout({("d", "h"): (0.5, 2)}, "d", "h", 1.0) is None
    # another content of the same doc_id (a page of the same file name elsewhere) counts apart
    both = {("d", "h"): (1.0, 2), ("d", "other"): (1.0, 1)}
    assert earlier_timeout(both, "d", "h", 1.0) == 1.0 and earlier_timeout(both, "d", "other", 1.0) is None
    assert timeout_runs(both, "d", "other", 1.0) == 2


def test_a_pages_timeout_is_found_by_its_doc_id_or_an_old_record_by_its_path_and_content():
    from quotes.corpus.batch import page_key
    from quotes.corpus.html import Page

    page = Page(b"<p>x", "p", "in/p.html")
    assert page_key({}, page, "h") == "p"
    assert page_key({("p", "h"): (1.0, 1)}, page, "h") == "p"
    assert page_key({("in/p.html", "h"): (1.0, 2)}, page, "h") == "in/p.html"  # recorded with no doc_id
    assert page_key({("in/p.html", "old"): (1.0, 2)}, page, "h") == "p"        # other bytes: not this page's
    # the document's own analysis timeout (its text's hash) is not the page's
    assert page_key({("p", "text"): (1.0, 2), ("in/p.html", "h"): (1.0, 1)}, page, "h") == "in/p.html"


@needs_fork
def test_a_database_from_before_the_count_tries_its_timed_out_document_once_more(tmp_path, hanging_pipeline):
    """A timeout recorded before migration 005 counts as one run: the next
    ``analyse`` (which applies the migration) tries the document again."""

    from quotes.corpus.store import StoreError
    from quotes.version import pipeline_version

    text = '"Wait," said Anthony Blunt. BUSY ' + str(tmp_path / "no-longer-busy")
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"doc_id": "busy", "text": text}) + "\n", encoding="utf-8")
    db = tmp_path / "old.db"
    conn = database_before(db, 4)
    conn.execute("INSERT INTO failures (source, doc_id, reason, pipeline_version, failed_at, content_hash, "
                 "timeout) VALUES (?, 'busy', 'analysis took longer than 1 s (--timeout)', ?, 'then', ?, 1.0)",
                 (f"{corpus}:1", pipeline_version(), content_hash("busy", text)))
    conn.close()
    with pytest.raises(StoreError, match="005_failure_timeout_runs"):
        Store(db, readonly=True)
    summary = analyse_paths([str(corpus)], db, workers=1, progress=False, start_method="fork", timeout=1)
    assert summary.analysed == 1 and summary.failed == []
    with Store(db, readonly=True) as store:
        assert store.failures() == [] and store.counts()["documents"] == 1


@needs_fork
def test_no_limit_with_timeout_0_and_a_slow_document_under_the_limit_is_kept(tmp_path, hanging_pipeline):
    docs = [Document(**_article(i)) for i in range(6)]
    docs.insert(2, Document("slow", '"Slowly," said Anthony Blunt. SLOW'))
    for limit in (0, 5):
        with Store(":memory:") as store:
            summary = analyse_documents(docs, store, workers=2, progress=False, start_method="fork", timeout=limit)
            assert summary.failed == [] and summary.analysed == 7
            assert store.counts()["documents"] == 7


@needs_fork
def test_a_hanging_document_and_a_crashing_one_each_fail_alone(tmp_path, hanging_pipeline):
    docs = [Document(**_article(i)) for i in range(40)]
    docs.insert(3, Document("crasher", '"Bye," said Anthony Blunt. CRASH'))
    docs.insert(20, Document("hanger", f'"Wait," said Anthony Blunt. HANG {tmp_path / "m"}'))
    with Store(":memory:") as store:
        summary = analyse_documents(docs, store, workers=2, progress=False, start_method="fork", timeout=1)
        assert summary.analysed == 40
        assert sorted((f.doc_id, f.reason.split(" (")[0]) for f in summary.failed) == [
            ("crasher", "worker process died while analysing this document"), ("hanger", HANG_REASON)]
        assert store.counts()["documents"] == 40


@needs_fork
def test_a_page_whose_extraction_hangs_fails_alone_and_is_left_after_two_runs(tmp_path, hanging_pipeline,
                                                                               monkeypatch):
    from quotes.corpus import html

    def fake_page(data, doc_id, source, **kwargs):
        if b"HANG" in data:
            time.sleep(120)
        return Document(doc_id, data.decode("utf-8").removeprefix("<p>"), source=source)

    monkeypatch.setattr(html, "document_from_html", fake_page)
    for i in range(30):
        text = "HANG" if i == 12 else f'"Page {i} story," said Anthony Blunt.'
        (tmp_path / f"page-{i:02d}.html").write_text(f"<p>{text}", encoding="utf-8")
    db = tmp_path / "q.db"
    summary = analyse_paths([str(tmp_path)], db, workers=2, progress=False, start_method="fork",
                            timeout=PAGE_LIMIT)
    assert summary.analysed == 29
    assert [(Path(f.source).name, f.reason.split(" (")[0]) for f in summary.failed] == [
        ("page-12.html", f"extracting the page's text took longer than {PAGE_LIMIT} s")]
    for reason in (f"extracting the page's text took longer than {PAGE_LIMIT} s (--timeout",  # tried once more
                   f"extracting the page's text took longer than {PAGE_LIMIT} s in two runs in a row"):  # left
        again = analyse_paths([str(tmp_path)], db, workers=2, progress=False, start_method="fork",
                              timeout=PAGE_LIMIT)
        assert again.analysed == 0 and again.skipped == 29
        assert [(Path(f.source).name, f.reason.split(";")[0]) for f in again.failed] == [("page-12.html", reason)]
        with Store(db) as store:
            assert store.counts()["documents"] == 29
            assert [f["timeout_runs"] for f in store.failures()] == [2]


def busy_page(data, doc_id, source, **kwargs):
    """A page extractor: a page "BUSY <marker> <log>" notes each try in the log and
    runs far past any limit while the marker exists (a busy machine: the same
    bytes are quick once it is gone); any page's text is what follows "<p>"."""
    text = (data if isinstance(data, str) else data.decode("utf-8")).removeprefix("<p>")
    if text.startswith("BUSY"):
        _, marker, log = text.split()
        with open(log, "a") as f:
            f.write("tried\n")
        if Path(marker).exists():
            time.sleep(120)
        text = '"Busy no more," said Anthony Blunt.'
    return Document(doc_id, text, source=source)


@pytest.fixture
def busy_pages(tmp_path, monkeypatch, hanging_pipeline):
    """A folder ``in`` of 4 pages, the third of them busy while ``busy`` exists;
    the log of its tries is ``tries``."""
    from quotes.corpus import html

    monkeypatch.setattr(html, "document_from_html", busy_page)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        text = f"BUSY {tmp_path / 'busy'} {tmp_path / 'tries'}" if i == 2 else f'"Page {i} story," said Anthony Blunt.'
        (folder / f"page-{i}.html").write_text(f"<p>{text}", encoding="utf-8")
    return folder


# The limit of the page tests: a quiet page takes milliseconds, a busy one sleeps
# 120 s, so a limit of a few seconds keeps quiet pages far inside it on a loaded
# 2-core machine (a whole suite beside other work) and busy runs short.
PAGE_LIMIT = 3


def _analyse_pages(db: Path, *paths: str | Path, busy: Path | None = None, timeout: float = PAGE_LIMIT):
    if busy is not None:
        busy.write_text("")
    try:
        return analyse_paths([str(p) for p in paths], db, workers=2, progress=False, start_method="fork",
                             timeout=timeout)
    finally:
        if busy is not None:
            busy.unlink()


def _timeouts(db: Path) -> list[tuple[str, str | None, int]]:
    with Store(db, readonly=True) as store:
        return [(f["source"], f["doc_id"], f["timeout_runs"]) for f in store.failures()]


PAGE_ONCE_MORE = f"extracting the page's text took longer than {PAGE_LIMIT} s (--timeout; a rerun tries it once more)"
PAGE_SECOND = (f"extracting the page's text took longer than {PAGE_LIMIT} s (--timeout; the second run in a row: "
               "a rerun with this limit leaves it)")
PAGE_LEFT = (f"extracting the page's text took longer than {PAGE_LIMIT} s in two runs in a row; not tried again "
             "(a larger --timeout, or --timeout 0, tries it)")


@needs_fork
def test_a_stored_page_that_extracts_in_time_again_drops_its_timeout_and_its_count(tmp_path, busy_pages):
    """Every rerun extracts every page again, a stored one too: busy, quiet, busy
    is one run out of time each time, never two in a row, and a quiet run that
    finds the page's document stored leaves no failure behind."""
    db, busy = tmp_path / "q.db", tmp_path / "busy"
    page = str(busy_pages / "page-2.html")
    first = _analyse_pages(db, busy_pages)
    assert first.analysed == 4 and first.failed == []
    for run in range(2):
        loaded = _analyse_pages(db, busy_pages, busy=busy)
        assert loaded.skipped == 3 and [(f.source, f.reason) for f in loaded.failed] == [(page, PAGE_ONCE_MORE)]
        assert _timeouts(db) == [(page, "page-2", 1)]
        quiet = _analyse_pages(db, busy_pages)
        assert quiet.analysed == 0 and quiet.skipped == 4 and quiet.failed == []
        assert _timeouts(db) == []
    with Store(db, readonly=True) as store:
        assert store.counts()["documents"] == 4
    assert (tmp_path / "tries").read_text().count("tried") == 5


@needs_fork
def test_a_page_is_one_input_whichever_path_names_it(tmp_path, busy_pages, monkeypatch):
    """The relative and the absolute path of a page are the same page: its
    timeouts count on from one to the other, it has one record, and its
    document stored by one path clears the record made by the other."""
    monkeypatch.chdir(tmp_path)
    db, busy, tries = tmp_path / "q.db", tmp_path / "busy", tmp_path / "tries"
    relative, absolute = Path("in") / "page-2.html", busy_pages / "page-2.html"
    assert _analyse_pages(db, "in", busy=busy).analysed == 3
    assert _timeouts(db) == [(str(relative), "page-2", 1)]
    stored = _analyse_pages(db, busy_pages)  # quiet, the absolute path: stored, the record gone
    assert stored.analysed == 1 and stored.failed == []
    assert _timeouts(db) == []

    first = _analyse_pages(db, "in", busy=busy)
    assert [(f.source, f.reason) for f in first.failed] == [(str(relative), PAGE_ONCE_MORE)]
    second = _analyse_pages(db, busy_pages, busy=busy)
    assert [(f.source, f.reason) for f in second.failed] == [(str(absolute), PAGE_SECOND)]
    assert _timeouts(db) == [(str(absolute), "page-2", 2)]
    assert tries.read_text().count("tried") == 4
    left = _analyse_pages(db, "in")  # two runs in a row: left, by either path
    assert left.skipped == 3 and [(f.source, f.reason) for f in left.failed] == [(str(relative), PAGE_LEFT)]
    assert tries.read_text().count("tried") == 4
    assert _timeouts(db) == [(str(absolute), "page-2", 2)]


@needs_fork
def test_a_jsonl_page_keeps_its_count_when_its_line_moves(tmp_path, busy_pages):
    """An HTML page in a JSONL line with a doc_id is that document at any line."""
    db, busy = tmp_path / "q.db", tmp_path / "busy"
    page = (busy_pages / "page-2.html").read_text()
    lines = [json.dumps(_article(i)) for i in range(3)] + [json.dumps({"doc_id": "web-2", "html": page})]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first = _analyse_pages(db, corpus, busy=busy)
    assert [(f.source, f.reason) for f in first.failed] == [(f"{corpus}:4", PAGE_ONCE_MORE)]
    corpus.write_text("\n".join([json.dumps(_article(9))] + lines) + "\n", encoding="utf-8")
    moved = _analyse_pages(db, corpus, busy=busy)
    assert [(f.source, f.reason) for f in moved.failed] == [(f"{corpus}:5", PAGE_SECOND)]
    assert _timeouts(db) == [(f"{corpus}:5", "web-2", 2)]


@needs_fork
def test_a_pages_timeout_recorded_before_pages_kept_their_doc_id_still_counts(tmp_path, busy_pages):
    """A database whose page timeouts were recorded under the path as given, with
    no doc_id: the page given by that path is found by it (and left after two
    runs), and once its document is stored the old record is gone."""
    from quotes.corpus.batch import page_hash
    from quotes.corpus.html import Page
    from quotes.version import pipeline_version

    db, tries = tmp_path / "q.db", tmp_path / "tries"
    path = busy_pages / "page-2.html"
    digest = page_hash(Page(path.read_bytes(), "page-2", str(path)))
    with Store(db) as store:
        store.record_failure(str(path), f"extracting the page's text took longer than {PAGE_LIMIT} s (--timeout)",
                             None, pipeline_version(), digest, PAGE_LIMIT, 2)
    left = _analyse_pages(db, busy_pages)
    assert [(f.source, f.reason) for f in left.failed] == [(str(path), PAGE_LEFT)] and not tries.exists()
    larger = _analyse_pages(db, busy_pages, timeout=2 * PAGE_LIMIT)  # quiet, and a larger limit: tried, stored
    assert larger.analysed == 1 and larger.failed == [] and tries.exists()
    assert _timeouts(db) == []


def _index_pages(tmp_path: Path, busy: dict[str, bool]) -> dict[str, Path]:
    """An index.html in each folder named in ``busy`` (doc_id "index" each, other
    bytes): busy ones log their tries in ``tries-<folder>``."""
    paths = {}
    for folder, is_busy in busy.items():
        (tmp_path / folder).mkdir()
        text = (f"BUSY {tmp_path / 'busy'} {tmp_path / f'tries-{folder}'}" if is_busy
                else f'"The {folder} story," said Anthony Blunt.')
        paths[folder] = tmp_path / folder / "index.html"
        paths[folder].write_text(f"<p>{text}", encoding="utf-8")
    return paths


@needs_fork
def test_two_slow_pages_that_share_a_file_name_count_their_runs_apart(tmp_path, busy_pages):
    """site-a/index.html and site-b/index.html are both doc_id "index": both out
    of time in each run, each is tried once more, then left after two runs, and
    neither's record replaces the other's."""
    db, busy = tmp_path / "q.db", tmp_path / "busy"
    pages = _index_pages(tmp_path, {"site-a": True, "site-b": True})
    a, b = str(pages["site-a"]), str(pages["site-b"])
    for reason, runs in ((PAGE_ONCE_MORE, 1), (PAGE_SECOND, 2)):
        run = _analyse_pages(db, a, b, busy=busy)
        assert run.analysed == 0 and [(f.source, f.reason) for f in run.failed] == [(a, reason), (b, reason)]
        assert _timeouts(db) == [(a, "index", runs), (b, "index", runs)]
    # (a page in flight beside the one that ran out of time is sent again to the
    # new workers, so a run may try one of them twice)
    tries = [(tmp_path / f"tries-{folder}").read_text() for folder in ("site-a", "site-b")]
    for _ in range(2):  # left, and left again: neither page is tried a third time
        left = _analyse_pages(db, a, b, busy=busy)
        assert [(f.source, f.reason) for f in left.failed] == [(a, PAGE_LEFT), (b, PAGE_LEFT)]
        assert _timeouts(db) == [(a, "index", 2), (b, "index", 2)]
    assert [(tmp_path / f"tries-{folder}").read_text() for folder in ("site-a", "site-b")] == tries


@needs_fork
def test_a_quick_page_stored_under_a_shared_file_name_leaves_the_slow_ones_timeout(tmp_path, busy_pages):
    """site-a/index.html is quick and stored (in the run that records
    site-b/index.html's timeout, given first, and found up to date in the next):
    neither storing it nor finding it stored clears site-b's count."""
    db, busy = tmp_path / "q.db", tmp_path / "busy"
    pages = _index_pages(tmp_path, {"site-a": False, "site-b": True})
    a, b = str(pages["site-a"]), str(pages["site-b"])
    first = _analyse_pages(db, b, a, busy=busy)
    assert first.analysed == 1 and [(f.source, f.reason) for f in first.failed] == [(b, PAGE_ONCE_MORE)]
    assert _timeouts(db) == [(b, "index", 1)]
    second = _analyse_pages(db, b, a, busy=busy)
    assert second.skipped == 1 and [(f.source, f.reason) for f in second.failed] == [(b, PAGE_SECOND)]
    assert _timeouts(db) == [(b, "index", 2)]
    tries = (tmp_path / "tries-site-b").read_text()
    third = _analyse_pages(db, a, b, busy=busy)
    assert third.skipped == 1 and [(f.source, f.reason) for f in third.failed] == [(b, PAGE_LEFT)]
    assert (tmp_path / "tries-site-b").read_text() == tries  # left: not tried
    with Store(db, readonly=True) as store:
        assert [d["source"] for d in store.documents()] == [a]


@needs_fork
def test_an_old_pages_timeout_without_doc_id_goes_when_its_bytes_are_stored_by_another_path(tmp_path,
                                                                                           busy_pages):
    """A page timeout recorded (before pages kept their doc_id) under a path no
    longer given: once the same bytes extract in time by another path and are
    stored, the old record is gone; another page's old record stays."""
    from quotes.corpus.batch import page_hash
    from quotes.corpus.html import Page
    from quotes.version import pipeline_version

    db = tmp_path / "q.db"
    path = busy_pages / "page-2.html"
    with Store(db) as store:
        for source, data in (("old/page-2.html", path.read_bytes()), ("old/gone.html", b"<p>gone")):
            store.record_failure(source, "extracting the page's text took longer than 1 s (--timeout)", None,
                                 pipeline_version(), page_hash(Page(data, "x", source)), 1.0, 1)
    stored = _analyse_pages(db, busy_pages)
    assert stored.analysed == 4 and stored.failed == []
    assert _timeouts(db) == [("old/gone.html", None, 1)]


@needs_fork
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads process states from /proc (Linux)")
def test_ctrl_c_stops_a_worker_in_the_middle_of_a_long_document(tmp_path, hanging_pipeline, terminal_ctrl_c):
    """Ctrl-C ends the run at once, with what was committed: a worker busy with a
    long document (under the limit) is stopped, not waited for."""
    import signal
    import threading

    marker = tmp_path / "hang-pid"
    docs = [Document(**_article(i)) for i in range(3)]
    docs.append(Document("hanger", f'"Wait," said Anthony Blunt. HANG {marker}'))

    def press_ctrl_c():
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)
        os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=press_ctrl_c, daemon=True).start()
    began = time.monotonic()
    with Store(":memory:") as store:
        summary = analyse_documents(docs, store, workers=2, progress=False, start_method="fork", timeout=100)
        assert summary.interrupted and store.counts()["documents"] == summary.analysed <= 3
    assert time.monotonic() - began < 60  # not the 120 s the document would take
    pid = int(marker.read_text())
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.05)
    assert not _alive(pid)


@pytest.fixture
def terminal_ctrl_c():
    """Ctrl-C as a terminal delivers it. A shell starts a background job (`cmd &`,
    `nohup`) with SIGINT ignored, and Python keeps an inherited SIG_IGN: there a
    press is ignored by design, and a test of what a press does would hang."""
    import signal

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def _alive(pid: int) -> bool:
    """The process runs (neither gone nor a zombie waiting to be reaped)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status and "\nState:\tX" not in status


_RUNNER = '''
import re, sys, time
from pathlib import Path
from quotes import pipeline
from quotes.records import QuoteRecord

_SAID = re.compile({said!r})


def _hanging(doc):
    if "HANG" in doc.text:
        time.sleep(120)
    return [QuoteRecord(start=m.start(1), end=m.end(1), text=m.group(1), speaker=m.group(2),
                        speaker_mention=m.group(2), speaker_start=m.start(2), speaker_end=m.end(2),
                        cue="said", confidence=1.0, rule="fake") for m in _SAID.finditer(doc.text)]


# top level, so spawned workers (which import this file) are patched too
pipeline.extract_document = _hanging
pipeline.load_models = lambda: None

if __name__ == "__main__":
    from quotes.cli import app
    app(["analyse", *sys.argv[1:]])
'''


def test_cli_timeout_in_spawned_workers_strict_and_named_file_exit_codes(tmp_path):
    """``quotes analyse --timeout`` end to end, with spawned workers: a folder with
    one hanging file exits 0 and names it with its reason; ``--strict`` exits 1
    (the file tried once more, and out of time again); then the hanging file
    named on the command line exits 1 and is not tried again, and ``--strict``
    on the folder, which leaves it too, still exits 1."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(8):
        (folder / f"a{i}.txt").write_text(f'"Story {i} told," said Anthony Blunt.')
    (folder / "hang.txt").write_text('"Wait," said Anthony Blunt. HANG')
    runner = tmp_path / "runner.py"
    runner.write_text(_RUNNER.format(said=_SAID.pattern))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    db = str(tmp_path / "q.db")

    def analyse(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(runner), *args, "--db", db, "--no-progress",
                               "--workers", "2", "--start-method", "spawn", "--timeout", "1"],
                              env=env, capture_output=True, text=True, timeout=120)

    first = analyse(str(folder))
    assert first.returncode == 0, first.stderr
    assert "analysed 8 documents" in first.stdout
    assert f"failed: {folder / 'hang.txt'}: analysis took longer than 1 s" in first.stdout
    strict = analyse(str(folder), "--strict")
    assert strict.returncode == 1 and "skipped 8 already done; failed 1" in strict.stdout
    assert "analysis took longer than 1 s (--timeout; the second run in a row" in strict.stdout
    named = analyse(str(folder / "hang.txt"))
    assert named.returncode == 1
    assert f"error: {folder / 'hang.txt'}: analysis took longer than 1 s in two runs in a row; " \
           "not tried again (a larger --timeout, or --timeout 0, tries it)" in named.stderr
    left = analyse(str(folder), "--strict")
    assert left.returncode == 1 and "skipped 8 already done; failed 1" in left.stdout
    assert "analysis took longer than 1 s in two runs in a row; not tried again" in left.stdout


def test_timeout_is_for_the_local_engine(tmp_path):
    from typer.testing import CliRunner

    from quotes.cli import app

    (tmp_path / "a.txt").write_text('"Hi," said Anthony Blunt.')
    result = CliRunner().invoke(app, ["analyse", str(tmp_path), "--engine", "dask", "--output",
                                      str(tmp_path / "ds"), "--timeout", "5"])
    assert result.exit_code == 2 and "--timeout goes with --engine local" in result.output


# (the KeyboardInterrupt this test raises inside a __del__ is the one Python drops and
# reports as unraisable: that report is the case under test, not a fault)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_ctrl_c_dropped_inside_a_finaliser_is_still_noted(terminal_ctrl_c):
    """Python drops an exception raised in a ``__del__`` (with a warning): a Ctrl-C
    landing there raises no KeyboardInterrupt where the run could see it. The run's
    handler notes the press too, and the pool loop stops on the note."""
    import signal
    import threading
    import warnings

    from quotes.corpus.batch import _noting_ctrl_c

    class Finaliser:
        def __del__(self):
            signal.raise_signal(signal.SIGINT)

    pressed = threading.Event()
    before = signal.getsignal(signal.SIGINT)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (pytest's unraisable-exception warning)
        with _noting_ctrl_c(pressed):
            try:
                item = Finaliser()
                del item  # the KeyboardInterrupt is raised, and dropped, inside __del__
            except KeyboardInterrupt:  # (an interpreter that delivers it late raises it here)
                pass
            assert pressed.is_set()
    assert signal.getsignal(signal.SIGINT) is before  # the previous handler is back


def test_an_ignored_ctrl_c_stays_ignored():
    import signal
    import threading

    from quotes.corpus.batch import _noting_ctrl_c

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with _noting_ctrl_c(threading.Event()):
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)

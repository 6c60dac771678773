"""The batch runner (quotes/batch.py): workers, failures, idempotence, kill -9 and resume."""
from __future__ import annotations

import contextlib
import io
import json
import multiprocessing
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotes import pipeline, version
from quotes.corpus.batch import Progress, Summary, analyse_documents, analyse_paths
from quotes.records import Document, QuoteRecord
from quotes.corpus.store import Store

from .conftest import CORPORA, ROOT, SHARED, needs_shared

POLNEAR = [SHARED / "data" / "quotes" / "polnear-train.jsonl", SHARED / "data" / "quotes" / "polnear-dev.jsonl"]
# A monkeypatched pipeline reaches the workers only when they are forked (safe here:
# the fake pipeline runs no OpenMP code in the children).
needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="no fork start method on this platform")

_SAID = re.compile(r'"([^"]+)," said ([A-Z][\w.]*(?: [A-Z][\w.]*)*)')


def fake_extract(doc: Document) -> list[QuoteRecord]:
    """A tiny deterministic pipeline: '"...," said Name' quotes; BOOM raises, CRASH kills."""
    if "BOOM" in doc.text:
        raise ValueError("boom")
    if "CRASH" in doc.text:
        os._exit(3)
    return [QuoteRecord(start=m.start(1), end=m.end(1), text=m.group(1), speaker=m.group(2),
                        speaker_mention=m.group(2), speaker_start=m.start(2), speaker_end=m.end(2),
                        cue="said", confidence=1.0, rule="fake") for m in _SAID.finditer(doc.text)]


PEOPLE = [("Anthony Blunt", "Mr Blunt"), ("Hillary Clinton", "Mrs. Clinton"), ("Bill Clinton", "Mr. Clinton"),
          ("Donald Trump", "Trump"), ("Margaret Okafor", "Ms Okafor"), ("The Washington Post", "Washington Post")]


def _article(i: int) -> dict:
    full, short = PEOPLE[i % len(PEOPLE)]
    other = PEOPLE[(i * 7 + 3) % len(PEOPLE)][0]
    text = (f"Story number {i} of the corpus\n\n"
            f'"I have said what I had to say about case {i}," said {full}. It was a long day.\n\n'
            f'"We regret nothing in matter {i * 3}," said {other}, standing outside.\n\n'
            f'"It came as a shock," said {short} on Monday.\n')
    return {"doc_id": f"story-{i:03d}", "text": text, "date": f"2016-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "outlet": "Test Gazette"}


def _write_corpus(path: Path, n: int, extra: list[str] = ()) -> Path:
    lines = [json.dumps(_article(i)) for i in range(n)] + list(extra)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(pipeline, "extract_document", fake_extract)
    monkeypatch.setattr(pipeline, "load_models", lambda: None, raising=False)


def _one_thread():
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(limits=1)


def _export(db: Path) -> list[dict]:
    with Store(db) as store:
        return list(store.export_rows())


@needs_fork
def test_analyse_records_bad_inputs_and_goes_on(tmp_path, fake_pipeline):
    corpus = _write_corpus(tmp_path / "news.jsonl", 6, extra=["{not json", json.dumps({"doc_id": "x"})])
    (tmp_path / "blank.txt").write_text("  \n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\x00\x00binary")
    (tmp_path / "boom.txt").write_text('"Never," said Anthony Blunt. BOOM')
    (tmp_path / "fine.txt").write_text('"Fine," said Anthony Blunt.')
    db = tmp_path / "q.db"
    summary = analyse_paths([str(corpus), str(tmp_path)], db, workers=2, progress=False, start_method="fork")
    assert summary.analysed == 7  # 6 stories + fine.txt (news.jsonl is read twice: skipped)
    assert summary.skipped == 6
    reasons = {f.source.replace(str(tmp_path), ""): f.reason for f in summary.failed}
    assert set(reasons) == {"/news.jsonl:7", "/news.jsonl:8", "/blank.txt", "/image.txt", "/boom.txt"}
    assert "not valid JSON" in reasons["/news.jsonl:7"]
    assert "binary" in reasons["/image.txt"]
    assert reasons["/boom.txt"] == "pipeline error: ValueError: boom"
    assert summary.quotes == 6 * 3 + 1
    with Store(db) as store:
        assert len(store.failures()) == 5
        assert store.counts()["documents"] == 7
    report = summary.format()
    assert "analysed 7 documents" in report and "failed 5" in report and "boom.txt: pipeline error" in report


@needs_fork
def test_second_run_does_no_work_and_changes_nothing(tmp_path, fake_pipeline):
    corpus = _write_corpus(tmp_path / "news.jsonl", 12)
    db = tmp_path / "q.db"
    first = analyse_paths([str(corpus)], db, workers=2, progress=False, start_method="fork")
    rows = _export(db)
    second = analyse_paths([str(corpus)], db, workers=2, progress=False, start_method="fork")
    assert (first.analysed, first.skipped) == (12, 0)
    assert (second.analysed, second.skipped, second.workers, second.quotes) == (0, 12, 0, 0)
    assert (second.documents_total, second.quotes_total, second.speakers_total) == (
        first.documents_total, first.quotes_total, first.speakers_total)
    assert _export(db) == rows


@needs_fork
def test_changed_text_or_pipeline_version_is_analysed_again(tmp_path, fake_pipeline, monkeypatch):
    corpus = _write_corpus(tmp_path / "news.jsonl", 3)
    db = tmp_path / "q.db"
    analyse_paths([str(corpus)], db, workers=1, progress=False, start_method="fork")
    lines = corpus.read_text().splitlines()
    obj = json.loads(lines[1])
    obj["text"] = obj["text"].replace("long day", "short day")
    corpus.write_text("\n".join([lines[0], json.dumps(obj), lines[2]]) + "\n")
    summary = analyse_paths([str(corpus)], db, workers=1, progress=False, start_method="fork")
    assert (summary.analysed, summary.skipped) == (1, 2)
    monkeypatch.setattr(version, "pipeline_version", lambda: "other-version")
    summary = analyse_paths([str(corpus)], db, workers=1, progress=False, start_method="fork")
    assert (summary.analysed, summary.skipped) == (3, 0)
    assert {r["pipeline_version"] for r in _export(db)} == {"other-version"}
    assert len(_export(db)) == 9  # replaced, never duplicated


@needs_fork
def test_results_do_not_depend_on_worker_count_or_order(tmp_path, fake_pipeline):
    docs = [Document(**_article(i)) for i in range(18)]
    with Store(":memory:") as one, Store(":memory:") as two:
        analyse_documents(docs, one, workers=1, progress=False, start_method="fork")
        analyse_documents(list(reversed(docs)), two, workers=2, progress=False, start_method="fork")
        assert list(one.export_rows()) == list(two.export_rows())
        assert one.speakers() == two.speakers()
        names = {r["name"]: r for r in one.speakers()}
        blunt = names["Anthony Blunt"]["aliases"]
        assert blunt[0] == "Anthony Blunt" and "Mr Blunt" in blunt
        assert names["Hillary Clinton"]["speaker_id"] != names["Bill Clinton"]["speaker_id"]


@needs_fork
def test_duplicate_doc_ids_in_one_run(tmp_path, fake_pipeline):
    same = Document("a", '"Hi," said Anthony Blunt.', source="x:1")
    items = [same, Document("a", '"Hi," said Anthony Blunt.', source="x:2"),
             Document("a", '"Other," said Anthony Blunt.', source="x:3")]
    with Store(":memory:") as store:
        summary = analyse_documents(items, store, workers=1, progress=False, start_method="fork")
        assert (summary.analysed, summary.skipped) == (1, 1)
        assert [f.source for f in summary.failed] == ["x:3"]
        assert "duplicate doc_id 'a'" in summary.failed[0].reason
        assert [r["text"] for r in store.quotes()] == ["Hi"]
        # the failure stays recorded, though the first "a" was stored after it was read
        assert [(f["source"], f["reason"][:20]) for f in store.failures()] == [("x:3", "duplicate doc_id 'a'")]


@needs_fork
def test_a_worker_that_dies_fails_only_its_document(tmp_path, fake_pipeline):
    docs = [Document(**_article(i)) for i in range(10)]
    docs.insert(4, Document("crasher", '"Bye," said Anthony Blunt. CRASH'))
    with Store(":memory:") as store:
        summary = analyse_documents(docs, store, workers=2, progress=False, start_method="fork")
        assert summary.analysed == 10
        assert [(f.doc_id, f.reason.split(" (")[0]) for f in summary.failed] == [
            ("crasher", "worker process died while analysing this document")]
        assert store.counts()["documents"] == 10


def test_progress_line_shows_done_rate_and_time_left():
    bar = Progress(200, io.StringIO())
    bar.done = 50
    line = bar.render(elapsed=10.0)
    assert "50/200" in line and "25%" in line and "5.0 docs/s" in line and "eta 0:30" in line
    out = io.StringIO()  # not a terminal: plain lines, no carriage returns
    bar = Progress(3, out)
    bar.update(1, force=True)
    bar.update(3, 1)
    bar.close()
    text = out.getvalue()
    assert "\r" not in text and text.splitlines()[-1].startswith("analysing 3/3") and "1 failed" in text
    quiet = io.StringIO()
    Progress(3, quiet, enabled=False).update(1, force=True)
    assert quiet.getvalue() == ""


def test_summary_format_caps_the_failure_list():
    from quotes.corpus.batch import Failure

    s = Summary(analysed=2, seconds=1.0, workers=1, failed=[Failure(f"f{i}", "bad") for i in range(25)], db="q.db")
    text = s.format(max_failures=3)
    assert "2.0 docs/s" in text and "f2: bad" in text and "f3: bad" not in text and "22 more" in text
    assert s.to_dict()["docs_per_second"] == 2.0


@needs_fork
def test_main_strict_exit_code(tmp_path, fake_pipeline, capsys):
    (tmp_path / "a.txt").write_text('"Hi," said Anthony Blunt.')
    (tmp_path / "empty.txt").write_text("")
    db = str(tmp_path / "q.db")
    args = [str(tmp_path), "--db", db, "--workers", "1", "--no-progress", "--start-method", "fork"]
    from typer.testing import CliRunner

    from quotes.cli import app

    runner = CliRunner()
    first = runner.invoke(app, ["analyse", *args])
    assert first.exit_code == 0, first.output
    assert runner.invoke(app, ["analyse", *args, "--strict"]).exit_code == 1
    assert "empty.txt: empty file" in first.output


@pytest.mark.skipif(not CORPORA.exists(), reason="needs corpora/")
def test_real_pipeline_in_workers_matches_in_process_extraction(tmp_path):
    from quotes.corpus.ingest import read_documents

    db = tmp_path / "q.db"
    summary = analyse_paths([str(CORPORA)], db, workers=2, progress=False)  # spawned workers
    assert not summary.failed, summary.format()
    docs = [d for d in read_documents([str(CORPORA)]) if isinstance(d, Document)]
    with _one_thread():  # as in the workers: OpenMP threads only contend on a small box
        expected = sorted((d.doc_id, q.start, q.end, q.speaker) for d in docs for q in pipeline.extract_document(d))
    got = sorted((r["doc_id"], r["start"], r["end"], r["article_speaker"]) for r in _export(db))
    assert got == expected and summary.analysed == len(docs)


# --- kill -9 and resume, in a real subprocess --------------------------------------

_RUNNER = '''
import os, re, sys, time
from quotes import pipeline, version
from quotes.records import QuoteRecord

MODE = os.environ["RUNNER_MODE"]
DELAY = float(os.environ.get("RUNNER_DELAY", "0"))
_real = pipeline.extract_document
_SAID = re.compile({said!r})


def _fake(doc):
    return [QuoteRecord(start=m.start(1), end=m.end(1), text=m.group(1), speaker=m.group(2),
                        speaker_mention=m.group(2), speaker_start=m.start(2), speaker_end=m.end(2),
                        cue="said", confidence=1.0, rule="fake") for m in _SAID.finditer(doc.text)]


def _slow(doc):
    time.sleep(DELAY)
    return _fake(doc) if MODE == "fake" else _real(doc)


# top level, so spawned workers (which import this file) are patched too
pipeline.extract_document = _slow
if MODE == "fake":
    pipeline.load_models = lambda: None

if __name__ == "__main__":
    from quotes.cli import app
    app(["analyse", *sys.argv[1:]])
'''


def _documents_in(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=0.2)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created or migrated yet
        return 0


@pytest.mark.parametrize("mode, method", [("fake", "fork"), ("fake", "spawn"), ("real", "default")])
def test_kill_9_then_rerun_equals_one_clean_run(tmp_path, mode, method):
    n = 30
    corpus = _write_corpus(tmp_path / "news.jsonl", n)
    runner = tmp_path / "runner.py"
    runner.write_text(_RUNNER.format(said=_SAID.pattern))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "RUNNER_MODE": mode}

    if method not in ("default", *multiprocessing.get_all_start_methods()):
        pytest.skip(f"no {method} start method on this platform")
    # the real pipeline loads its models in every worker: one worker keeps the test quick
    workers = "1" if mode == "real" else "2"
    args = [sys.executable, str(runner), str(corpus), "--workers", workers, "--no-progress"]
    args += [] if method == "default" else ["--start-method", method]

    def run(db: Path, delay: float) -> subprocess.Popen:
        return subprocess.Popen(args + ["--db", str(db)],
                                env={**env, "RUNNER_DELAY": str(delay)}, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)

    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    clean = run(clean_db, 0)
    victim = run(killed_db, 0.15)
    try:
        deadline = time.monotonic() + 60
        while _documents_in(killed_db) < 6 and time.monotonic() < deadline and victim.poll() is None:
            time.sleep(0.02)
        if victim.poll() is not None:
            pytest.fail("the run ended before it could be killed:\n" + "\n".join(victim.communicate()))
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait(10)
    finally:
        try:  # the orphaned workers leave by themselves; make sure in any case
            os.killpg(victim.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert victim.returncode == -signal.SIGKILL
    out, err = clean.communicate(timeout=120)
    assert clean.returncode == 0, err

    with Store(killed_db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        done = store.counts()["documents"]
        assert 6 <= done < n, "the kill came too late to interrupt the run"
        # every stored document is whole: its row and all its quotes, or nothing
        partial = store.conn.execute("""SELECT d.doc_id FROM documents d LEFT JOIN quotes q USING (doc_id)
                                        GROUP BY d.doc_id HAVING COUNT(q.quote_id) != d.quotes""").fetchall()
        assert partial == []

    resumed = subprocess.run(args + ["--db", str(killed_db)], env={**env, "RUNNER_DELAY": "0"},
                             capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert f"analysed {n - done} documents" in resumed.stdout
    assert f"skipped {done} already done" in resumed.stdout
    clean_rows = _export(clean_db)
    assert len(clean_rows) == 3 * n
    assert _export(killed_db) == clean_rows
    with Store(killed_db) as a, Store(clean_db) as b:
        assert a.speakers() == b.speakers()


# --- acceptance on PolNeAR ----------------------------------------------------------

@needs_shared(POLNEAR[0])
@needs_shared(POLNEAR[1])
def test_polnear_corpus_speakers(tmp_path):
    db = tmp_path / "polnear.db"
    first = analyse_paths([str(p) for p in POLNEAR], db, workers=2, progress=False)
    assert (first.analysed, len(first.failed)) == (924, 0), first.format()
    again = analyse_paths([str(p) for p in POLNEAR], db, workers=2, progress=False)
    assert (again.analysed, again.skipped) == (0, 924)
    with Store(db) as store:
        rows = store.speakers()
        trump = [r for r in rows if "Donald Trump" in r["aliases"]]
        assert len(trump) == 1
        assert {"Trump", "Donald Trump", "Donald J. Trump", "Mr. Trump"} <= set(trump[0]["aliases"])
        hillary = [r for r in rows if "Hillary Clinton" in r["aliases"]]
        bill = [r for r in rows if "Bill Clinton" in r["aliases"]]
        assert len(hillary) == len(bill) == 1 and hillary[0]["speaker_id"] != bill[0]["speaker_id"]


@needs_fork
def test_a_page_that_kills_its_worker_fails_alone(tmp_path, fake_pipeline, monkeypatch):
    """HTML pages are extracted in the workers: a page whose extraction kills the
    worker is a failure of its own; the pages around it are read and analysed."""
    from quotes.corpus import html

    def fake_page(data, doc_id, source, **kwargs):
        if b"KILL" in data:
            os._exit(3)
        return Document(doc_id, data.decode("utf-8").removeprefix("<p>"), source=source)

    monkeypatch.setattr(html, "document_from_html", fake_page)
    _one_bad_page_of_twelve(tmp_path, "<p>KILL", "worker process died while reading this page")


@needs_fork
def test_pages_and_documents_that_kill_workers_while_reading_goes_on(tmp_path, fake_pipeline, monkeypatch):
    """A page that kills its worker while it is read, and a document that kills
    its worker while it is analysed, with reading still going on: each is the one
    failure it causes, and every other page is stored."""
    from quotes.corpus import html

    def fake_page(data, doc_id, source, **kwargs):
        if b"KILL" in data:
            os._exit(3)
        return Document(doc_id, data.decode("utf-8").removeprefix("<p>"), source=source)

    monkeypatch.setattr(html, "document_from_html", fake_page)
    for i in range(200):
        text = "KILL" if i in (30, 150) else f'"Page {i} story," said Anthony Blunt.' + (" CRASH" if i == 90 else "")
        (tmp_path / f"page-{i:03d}.html").write_text(f"<p>{text}", encoding="utf-8")
    summary = analyse_paths([str(tmp_path)], tmp_path / "q.db", workers=2, progress=False, start_method="fork")
    assert summary.analysed == 197
    assert [(Path(f.source).name, f.reason.split(" (")[0]) for f in summary.failed] == [
        ("page-030.html", "worker process died while reading this page"),
        ("page-150.html", "worker process died while reading this page"),
        ("page-090.html", "worker process died while analysing this document")]
    with Store(tmp_path / "q.db") as store:
        assert store.counts()["documents"] == 197


@needs_fork
def test_documents_are_analysed_while_the_input_is_still_read(tmp_path, fake_pipeline):
    """The parent queues only a few tasks' worth of documents ahead: a long input
    streams through it (its results are stored before its end is read)."""
    stored_when_read: list[int] = []
    with Store(tmp_path / "q.db") as store:
        def items():
            for i in range(300):
                if i in (200, 299):
                    stored_when_read.append(store.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
                yield Document(**_article(i))

        summary = analyse_documents(items(), store, workers=2, progress=False, start_method="fork")
        assert summary.analysed == 300 and store.counts()["documents"] == 300
    # at most 2 workers x 4 tasks x 8 documents x 2 are read ahead of what is stored:
    # so many documents must be stored by the time each checkpoint is read (the first
    # checkpoint lies past that bound; one at document 100 lay inside it, and on a
    # loaded machine nothing had been stored yet: a timing failure, not a defect)
    ahead = 2 * 4 * 8 * 2
    assert stored_when_read[0] >= 200 - ahead and stored_when_read[1] >= 299 - ahead


def test_progress_while_reading_counts_what_was_read_so_far():
    bar = Progress(0, io.StringIO(), reading=True)
    bar.total, bar.done = 120, 40
    assert bar.render(elapsed=10.0).startswith("analysing 40/120+ docs (still reading)    4.0 docs/s")
    bar.reading = False
    assert bar.render(elapsed=10.0).startswith("analysing  40/120 docs  33% [")


@needs_fork
def test_documents_behind_a_page_stream_on_while_the_page_is_extracted(monkeypatch):
    """Items after a page wait for it (order is kept), but only a bounded number:
    a page followed by a long input of plain documents must not have the whole
    input read into memory before the first item comes out."""
    from quotes.corpus import batch, html

    monkeypatch.setattr(html, "document_from_html",
                        lambda data, doc_id, source, **kw: Document(doc_id, data.decode("utf-8"), source=source))
    pulled = 0

    def items():
        nonlocal pulled
        pulled += 1
        yield html.Page(b'"Page," said Al Bo.', "page", "page.html")
        for i in range(5000):
            pulled += 1
            yield Document(f"d{i}", '"Text," said Al Bo.')

    pool = batch._Pool(2, "fork")
    try:
        out = batch._resolve_pages(items(), pool)
        first = next(out)
        assert first.doc_id == "page" and isinstance(first, Document)
        assert pulled < 1000, f"{pulled} items were read before the first came out"
        rest = list(out)
    finally:
        pool.close()
    assert [d.doc_id for d in rest] == [f"d{i}" for i in range(5000)]


@needs_fork
def test_a_page_whose_text_cannot_be_sent_back_fails_alone(tmp_path, fake_pipeline, monkeypatch):
    """A task of pages that fails as a whole in its worker (here: one page's result
    cannot be pickled back to the parent) must not stop the batch: its pages are
    tried again one by one, and only the page that fails again is a failure."""
    from quotes.corpus import html

    def fake_page(data, doc_id, source, **kwargs):
        text = data.decode("utf-8").removeprefix("<p>")
        if "UNSENDABLE" in text:
            return Document(doc_id, text, title=lambda: "a title no pickle can carry", source=source)
        return Document(doc_id, text, source=source)

    monkeypatch.setattr(html, "document_from_html", fake_page)
    _one_bad_page_of_twelve(tmp_path, '<p>"UNSENDABLE," said Anthony Blunt.', "the worker could not give back this page's text")


@needs_fork
def test_a_document_whose_results_cannot_be_sent_back_fails_alone(tmp_path, monkeypatch):
    """A task of documents that fails as a whole in its worker (here: one document's
    results cannot be pickled back to the parent) must not stop the batch: its
    documents are analysed again one by one, and only the one that fails again
    is a failure."""
    class Unsendable:
        def to_full_dict(self):
            return {"text": "x", "speaker": lambda: "no pickle carries this"}

    def extract(doc):
        return [Unsendable()] if "UNSENDABLE" in doc.text else fake_extract(doc)

    monkeypatch.setattr(pipeline, "extract_document", extract)
    monkeypatch.setattr(pipeline, "load_models", lambda: None, raising=False)
    docs = [Document(**_article(i)) for i in range(40)]
    docs[17] = Document(docs[17].doc_id, '"UNSENDABLE," said Anthony Blunt.', source="bad.txt")
    with Store(tmp_path / "q.db") as store:
        summary = analyse_documents(docs, store, workers=2, progress=False, start_method="fork")
        assert summary.analysed == 39 and store.counts()["documents"] == 39
    assert [(f.source, f.reason.split(" (")[0]) for f in summary.failed] == [
        ("bad.txt", "the worker could not give back this document's results")]


def test_pages_whose_task_cannot_be_submitted_are_read_alone(monkeypatch):
    """When even a new pool is broken as a task of pages is sent, reading goes on:
    the task fails as a crashed one does, and its pages are tried alone."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from quotes.corpus import batch, html

    monkeypatch.setattr(html, "document_from_html",
                        lambda data, doc_id, source, **kw: Document(doc_id, data.decode("utf-8"), source=source))

    class BrokenForTasks:
        """A pool that refuses every shared task and runs tasks sent alone here."""
        workers, size, generation, timeout, known_timeouts = 1, 1, 0, 0.0, {}

        def submit(self, n_workers, fn, arg, alone=False):
            if not alone:
                raise BrokenProcessPool("a new pool broke as well")
            future = Future()
            future.set_result(fn(arg))
            return future, self.generation, 0

        def overran(self, generation, number):
            return None

        def discard(self, generation=None):
            self.generation += 1

    items = [html.Page(f'"P{i}," said Al Bo.'.encode(), f"p{i}", f"p{i}.html") for i in range(20)]
    items.insert(9, Document("plain", "text"))
    out = list(batch._resolve_pages(iter(items), BrokenForTasks()))
    assert [d.doc_id for d in out] == [f"p{i}" for i in range(9)] + ["plain"] + [f"p{i}" for i in range(9, 20)]
    assert all(isinstance(d, Document) for d in out)


def _one_bad_page_of_twelve(tmp_path: Path, bad_page: str, reason: str) -> None:
    """Analyse twelve pages (with document_from_html faked by the caller), page 5
    holding ``bad_page``: it is the one failure, with ``reason``; the 11 others are stored."""
    for i in range(12):
        (tmp_path / f"page-{i:02d}.html").write_text(f'<p>"Page {i} story," said Anthony Blunt.', encoding="utf-8")
    (tmp_path / "page-05.html").write_text(bad_page, encoding="utf-8")
    summary = analyse_paths([str(tmp_path)], tmp_path / "q.db", workers=2, progress=False, start_method="fork")
    assert summary.analysed == 11
    assert [(Path(f.source).name, f.reason.split(" (")[0]) for f in summary.failed] == [("page-05.html", reason)]
    with Store(tmp_path / "q.db") as store:
        assert len(store.quotes()) == 11


def test_failure_lines_list_at_most_the_limit_then_count_the_rest():
    from quotes.corpus.batch import failure_lines

    failures = [(f"a{i}.html", "empty page") for i in range(5)]
    assert failure_lines(failures, 5, "the failures table") == [f"  failed: a{i}.html: empty page" for i in range(5)]
    lines = failure_lines(failures, 2, "failures.jsonl")
    assert lines == ["  failed: a0.html: empty page", "  failed: a1.html: empty page",
                     "  ... and 3 more failures (see failures.jsonl)"]
    assert failure_lines([], 20, "x") == []

"""The corpus database (quotes/store.py), on in-memory and tmp_path databases."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys

import pytest

from quotes.records import Document, QuoteRecord, Tone
from quotes.corpus.store import (
    EXPORT_COLUMNS,
    MIGRATIONS,
    SPEAKER_COLUMNS,
    Store,
    StoreError,
    content_hash,
    quote_id,
)

from tests.conftest import database_before

V1, V2 = "test+v1", "test+v2"


def _q(start: int, text: str, speaker: str | None, mention: str | None = None,
       tone: Tone | None = None) -> QuoteRecord:
    return QuoteRecord(start=start, end=start + len(text), text=text, speaker=speaker,
                       speaker_mention=mention or speaker, speaker_start=0, speaker_end=5,
                       cue="said", confidence=0.9, rule="verb-after", tone=tone)


def _tone(regret: float, shock: float) -> Tone:
    return Tone(regret=regret, shock=shock, polarity=-0.5, subjectivity=0.5)


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


@pytest.fixture
def corpus(store):
    """Three articles: Blunt twice (with tone), Bill and Hillary Clinton once."""
    store.add_analysis(Document("a1", "text one", date="2020-01-02", title="Spy memoir"), [
        _q(0, "biggest mistake of my life", "Anthony Blunt", "he", _tone(0.9, 0.1)),
        _q(40, "I was naive", "Anthony Blunt", "Blunt", _tone(0.5, 0.2)),
    ], V1)
    store.add_analysis(Document("a2", "text two", date="2021-05-06"), [
        _q(0, "It shocked me", "Blunt", "Mr Blunt", _tone(0.2, 0.95)),
        _q(30, "no comment", None),
    ], V1)
    store.add_analysis(Document("a3", "text three", date="2019-03-04"), [
        _q(0, "We will win", "Hillary Clinton", "Mrs. Clinton"),
        _q(20, "I did not", "Bill Clinton", "Mr. Clinton"),
    ], V1)
    return store


def test_migrations_are_named_recorded_and_applied_once(tmp_path):
    path = tmp_path / "q.db"
    with Store(path) as s:
        assert s.migrations() == [name for name, _ in MIGRATIONS]
        s.add_analysis(Document("a", "x"), [_q(0, "hi", "Anthony Blunt")], V1)
    with Store(path) as s:  # reopening applies nothing again and keeps the data
        assert s.migrations() == [name for name, _ in MIGRATIONS]
        assert s.counts()["quotes"] == 1
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(bad)


def test_ids_are_derived_from_content():
    assert content_hash("a", "text") == content_hash("a", "text")
    assert content_hash("a", "text") != content_hash("b", "text")
    assert content_hash("a", "text") != content_hash("a", "text!")
    assert quote_id("a", 1, 5) == quote_id("a", 1, 5) != quote_id("a", 1, 6)


def test_has_document_compares_content_and_pipeline_version(store):
    doc = Document("a", "some text")
    assert not store.has_document("a", content_hash("a", "some text"), V1)
    store.add_analysis(doc, [], V1)
    assert store.has_document("a", content_hash("a", "some text"), V1)
    assert not store.has_document("a", content_hash("a", "other text"), V1)
    assert not store.has_document("a", content_hash("a", "some text"), V2)


def test_adding_again_replaces_never_duplicates(store):
    doc = Document("a", "some text")
    store.add_analysis(doc, [_q(0, "one", "Anthony Blunt"), _q(10, "two", "Anthony Blunt")], V1)
    store.add_analysis(doc, [_q(0, "one", "Anthony Blunt"), _q(10, "two", "Anthony Blunt")], V1)
    assert store.counts()["quotes"] == 2
    store.add_analysis(Document("a", "new text"), [_q(5, "three", "Anthony Blunt")], V2)
    rows = store.quotes(doc="a")
    assert [(r["text"], r["pipeline_version"]) for r in rows] == [("three", V2)]
    assert store.counts()["documents"] == 1


def test_a_failed_write_leaves_the_earlier_analysis_whole(store):
    doc = Document("a", "some text")
    store.add_analysis(doc, [_q(0, "one", "Anthony Blunt")], V1)
    broken = {"start": 3, "end": 5, "text": None, "speaker": "X"}  # text is NOT NULL
    with pytest.raises(sqlite3.IntegrityError):
        store.add_analysis(doc, [_q(0, "new", "Anthony Blunt"), broken], V2)
    assert [r["text"] for r in store.quotes()] == ["one"]
    assert store.has_document("a", content_hash("a", "some text"), V1)


def test_quotes_as_plain_dicts_from_workers(store):
    q = _q(0, "sorry", "Anthony Blunt", tone=_tone(0.7, 0.3))
    d = q.to_dict(explain=True)
    d["tone"] = q.tone.to_dict()
    store.add_analysis(Document("a", "t"), [d], V1)
    (row,) = store.quotes()
    assert (row["text"], row["rule"], row["regret"], row["shock"]) == ("sorry", "verb-after", 0.7, 0.3)


def test_failures_are_recorded_replaced_and_cleared_by_success(store):
    store.record_failure("in.jsonl:3", "not valid JSON", pipeline_version=V1)
    store.record_failure("in.jsonl:3", "not valid JSON (again)", pipeline_version=V1)
    store.record_failure("in.jsonl:4", "pipeline error: ValueError: x", doc_id="b", pipeline_version=V1)
    assert [(f["source"], f["reason"]) for f in store.failures()] == [
        ("in.jsonl:3", "not valid JSON (again)"), ("in.jsonl:4", "pipeline error: ValueError: x")]
    store.add_analysis(Document("b", "text", source="in.jsonl:4"), [], V1)
    assert [f["source"] for f in store.failures()] == ["in.jsonl:3"]


def test_speakers_rows_have_exactly_the_documented_keys(corpus):
    rows = corpus.speakers()
    assert all(list(r) == list(SPEAKER_COLUMNS) for r in rows)
    by_name = {r["name"]: r for r in rows}
    assert set(by_name) == {"Anthony Blunt", "Hillary Clinton", "Bill Clinton"}
    blunt = by_name["Anthony Blunt"]
    assert blunt["aliases"][0] == "Anthony Blunt" and {"Blunt", "Mr Blunt"} <= set(blunt["aliases"])
    assert (blunt["quotes"], blunt["articles"]) == (3, 2)
    assert (blunt["first_date"], blunt["last_date"]) == ("2020-01-02", "2021-05-06")
    assert blunt["regret_mean"] == pytest.approx((0.9 + 0.5 + 0.2) / 3)
    assert blunt["regret_max"] == 0.9 and blunt["shock_max"] == 0.95
    assert blunt["polarity_mean"] == pytest.approx(-0.5)
    assert (blunt["top_regret_quote"], blunt["top_regret_doc_id"]) == ("biggest mistake of my life", "a1")
    assert (blunt["top_shock_quote"], blunt["top_shock_doc_id"]) == ("It shocked me", "a2")
    json.dumps(rows)  # JSON-ready


def test_speakers_without_tone_have_null_aggregates(corpus):
    bill = next(r for r in corpus.speakers() if r["name"] == "Bill Clinton")
    for key in ("regret_mean", "regret_max", "shock_mean", "shock_max", "polarity_mean",
                "top_regret_quote", "top_regret_doc_id", "top_shock_quote", "top_shock_doc_id"):
        assert bill[key] is None
    assert (bill["quotes"], bill["articles"], bill["first_date"]) == (1, 1, "2019-03-04")


def test_speakers_sort_and_top(corpus):
    assert corpus.speakers(sort="quotes")[0]["name"] == "Anthony Blunt"
    assert [r["name"] for r in corpus.speakers(sort="quotes", top=1)] == ["Anthony Blunt"]
    # speakers without tone sort last, whatever their counts
    assert corpus.speakers(sort="shock")[0]["name"] == "Anthony Blunt"
    assert corpus.speakers(sort="regret")[-1]["regret_mean"] is None
    assert len(corpus.speakers(sort="articles")) == 3
    with pytest.raises(StoreError, match="unknown sort"):
        corpus.speakers(sort="loudness")


def test_speakers_follow_new_documents(corpus):
    before = {r["name"] for r in corpus.speakers()}
    corpus.add_analysis(Document("a4", "t"), [_q(0, "hello", "The Washington Post"),
                                              _q(9, "again", "Washington Post")], V1)
    after = {r["name"]: r for r in corpus.speakers()}
    assert set(after) - before == {"The Washington Post"}
    assert after["The Washington Post"]["quotes"] == 2


def test_list_filters(corpus):
    assert len(corpus.quotes()) == 6
    blunt = corpus.quotes(speaker="Anthony Blunt")
    assert [r["text"] for r in blunt] == ["biggest mistake of my life", "I was naive", "It shocked me"]
    assert {r["speaker"] for r in blunt} == {"Anthony Blunt"}
    assert {r["article_speaker"] for r in blunt} == {"Anthony Blunt", "Blunt"}
    assert corpus.quotes(speaker="mr blunt") == blunt  # an alias, any case
    assert corpus.quotes(speaker=blunt[0]["speaker_id"]) == blunt
    assert corpus.quotes(speaker="Nobody") == []
    assert [r["text"] for r in corpus.quotes(doc="a3")] == ["We will win", "I did not"]
    assert [r["text"] for r in corpus.quotes(min_regret=0.5)] == ["biggest mistake of my life", "I was naive"]
    assert [r["text"] for r in corpus.quotes(min_shock=0.9)] == ["It shocked me"]
    assert [r["text"] for r in corpus.quotes(speaker="Blunt", min_regret=0.6)] == ["biggest mistake of my life"]
    assert len(corpus.quotes(limit=2)) == 2


def test_unattributed_quotes_are_listed_and_exported_without_speaker(corpus):
    (row,) = [r for r in corpus.export_rows() if r["text"] == "no comment"]
    assert row["speaker_id"] is None and row["speaker"] is None


def test_export_rows_have_every_field(corpus):
    rows = list(corpus.export_rows())
    assert len(rows) == 6
    assert all(list(r) == [c for c, _ in EXPORT_COLUMNS] for r in rows)
    first = rows[0]
    assert first["doc_id"] == "a1" and first["title"] == "Spy memoir" and first["date"] == "2020-01-02"
    assert first["pipeline_version"] == V1 and first["cue"] == "said" and first["confidence"] == 0.9
    assert first["quote_id"] == quote_id("a1", first["start"], first["end"])


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_files(corpus, tmp_path, fmt):
    out = tmp_path / f"quotes.{fmt}"
    assert corpus.export(out, fmt) == 6
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert rows == list(corpus.export_rows())
    else:
        with open(out, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert list(rows[0]) == [c for c, _ in EXPORT_COLUMNS]
        assert [r["text"] for r in rows] == [r["text"] for r in corpus.export_rows()]
    assert not list(tmp_path.glob(".*.part"))


def test_export_to_a_stream_prints_nothing_itself(corpus, capsys):
    out = io.StringIO()
    assert corpus.export(out, "jsonl") == 6
    assert len(out.getvalue().splitlines()) == 6
    assert capsys.readouterr().out == ""  # the library writes only where it is told
    with pytest.raises(StoreError, match="text stream"):
        corpus.export(io.StringIO(), "parquet")
    with pytest.raises(StoreError, match="unknown export format"):
        corpus.export(io.StringIO(), "xml")


def test_parquet_without_pyarrow_names_the_install_command(corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # makes `import pyarrow` fail
    with pytest.raises(StoreError, match=r'pip install "quotes\[parquet\]"'):
        corpus.export(tmp_path / "q.parquet", "parquet")
    assert not (tmp_path / "q.parquet").exists()


def test_parquet_export_round_trips(corpus, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is an optional extra")
    out = tmp_path / "q.parquet"
    assert corpus.export(out, "parquet") == 6
    table = pq.read_table(out)
    assert table.column_names == [c for c, _ in EXPORT_COLUMNS]
    assert str(table.schema.field("regret").type) == "double"
    assert table.to_pylist() == list(corpus.export_rows())


def test_readers_see_committed_documents_while_a_writer_is_open(tmp_path):
    path = tmp_path / "q.db"
    with Store(path) as writer, Store(path) as reader:
        writer.add_analysis(Document("a", "t"), [_q(0, "hi", "Anthony Blunt")], V1)
        assert reader.counts()["quotes"] == 1


def test_batch_of_analyses_is_one_commit_and_keeps_the_last_of_a_doc(tmp_path):
    with Store(tmp_path / "b.db") as store:
        store.add_analysis(Document("a", "old text"), [_q(0, "stale", "Anthony Blunt")], V1)
        n = store.add_analyses([
            (Document("a", "first"), [_q(0, "one", "Anthony Blunt"), _q(10, "two", "Anthony Blunt")]),
            (Document("b", "bee"), [_q(0, "bee", "Jane Doe")]),
            (Document("a", "second"), [_q(5, "three", "Anthony Blunt")]),
        ], V1)
        assert n == 2
        assert store.counts()["documents"] == 2
        texts = sorted(q["text"] for q in store.quotes())
        assert texts == ["bee", "three"]
        assert store.has_document("a", content_hash("a", "second"), V1)


def test_content_hash_takes_any_str_and_keeps_the_hash_of_valid_text():
    import hashlib

    assert content_hash("a", "caf\u00e9 \U0001F600") == hashlib.sha1("a\x00caf\u00e9 \U0001F600".encode()).hexdigest()
    assert content_hash("a", "lone \ud800 surrogate") != content_hash("a", "lone  surrogate")
    assert len(content_hash("\udcff", "x")) == 40 and len(quote_id("\ud800", 0, 1)) == 16


def test_two_analyse_runs_creating_one_new_database_at_once_both_finish(tmp_path):
    import subprocess
    import time

    from .conftest import ROOT

    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(3):
        (inputs / f"a{i}.txt").write_text(f'Intro.\n\n"It was mistake {i}," said Anthony Blunt.\n', encoding="utf-8")
    for round_ in range(5):
        db = tmp_path / f"q{round_}.db"
        hold = None
        if round_ < 2:
            # Another process is creating the file and holds its write lock: the
            # switch to WAL used to fail at once instead of waiting for it.
            hold = sqlite3.connect(db, isolation_level=None)
            hold.execute("BEGIN IMMEDIATE")
        procs = [subprocess.Popen([sys.executable, "-m", "quotes", "analyse", str(inputs), "--db", str(db),
                                   "--workers", "1", "--no-progress"], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        if hold is not None:
            time.sleep(1.0)
            hold.execute("ROLLBACK")
            hold.close()
        for proc in procs:
            out, errors = proc.communicate(timeout=120)
            assert proc.returncode == 0, (round_, errors)
        conn = sqlite3.connect(db)
        ids = [r[0] for r in conn.execute("SELECT doc_id FROM documents ORDER BY doc_id")]
        assert ids == ["a0", "a1", "a2"]
        assert conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 0
        assert [r[0] for r in conn.execute("SELECT name FROM _migrations")] == [n for n, _ in MIGRATIONS]
        conn.close()


def test_migration_005_counts_an_earlier_timeout_as_one_run_and_other_failures_as_none(tmp_path):
    path = tmp_path / "old.db"
    conn = database_before(path, 4)
    conn.execute("INSERT INTO failures VALUES ('slow.txt', 'slow', 'took longer', ?, 'then', 'h', 60.0)", (V1,))
    conn.execute("INSERT INTO failures VALUES ('bad.txt', NULL, 'not UTF-8', ?, 'then', NULL, NULL)", (V1,))
    conn.close()
    with pytest.raises(StoreError, match="needs schema migration 005_failure_timeout_runs"):
        Store(path, readonly=True)
    with Store(path) as s:
        assert s.migrations()[-1] == "005_failure_timeout_runs"
        assert {f["source"]: f["timeout_runs"] for f in s.failures()} == {"bad.txt": None, "slow.txt": 1}
        assert s.timeouts(V1) == {("slow", "h"): (60.0, 1)}
        # a timeout recorded now: one run unless told; other failures none
        s.record_failure("b.txt", "took longer", "b", V1, "hb", 5.0)
        s.record_failure("c.txt", "took longer", "c", V1, "hc", 5.0, timeout_runs=2)
        s.record_failure("d.txt", "crashed", "d", V1)
        assert s.timeouts(V1) == {("slow", "h"): (60.0, 1), ("b", "hb"): (5.0, 1), ("c", "hc"): (5.0, 2)}
        assert s.timeouts(V2) == {}
        assert {f["source"]: f["timeout_runs"] for f in s.failures()}["d.txt"] is None


def test_a_documents_timeout_is_one_record_whichever_path_named_it(store):
    """A page (or file) named by another path, or found at another JSONL line, is
    the same document: its timeout replaces the one under the other source."""
    store.record_failure("in/p.html", "took longer", "p", V1, "hp", 1.0)
    store.record_failure("/abs/in/p.html", "took longer", "p", V1, "hp", 1.0, timeout_runs=2)
    assert [(f["source"], f["doc_id"], f["timeout_runs"]) for f in store.failures()] == [
        ("/abs/in/p.html", "p", 2)]
    assert store.timeouts(V1) == {("p", "hp"): (1.0, 2)}
    # another failure with the doc_id (a duplicate's) leaves the timeout alone,
    # and a timeout of another document leaves it too
    store.record_failure("dup.jsonl:2", "duplicate doc_id 'p' with different text", "p", V1)
    store.record_failure("in/q.html", "took longer", "q", V1, "hq", 1.0)
    assert [f["source"] for f in store.failures()] == ["/abs/in/p.html", "dup.jsonl:2", "in/q.html"]


def test_pages_that_share_a_file_name_keep_a_timeout_each(store):
    """site-a/index.html and site-b/index.html are both doc_id "index", with other
    bytes: each one's timeout is its own record, counted apart."""
    store.record_failure("site-a/index.html", "took longer", "index", V1, "bytes-a", 1.0)
    store.record_failure("site-b/index.html", "took longer", "index", V1, "bytes-b", 1.0)
    store.record_failure("site-a/index.html", "took longer", "index", V1, "bytes-a", 1.0, timeout_runs=2)
    assert [(f["source"], f["timeout_runs"]) for f in store.failures()] == [
        ("site-a/index.html", 2), ("site-b/index.html", 1)]
    assert store.timeouts(V1) == {("index", "bytes-a"): (1.0, 2), ("index", "bytes-b"): (1.0, 1)}
    # site-a's page by its absolute path is site-a's page: one record of it
    store.record_failure("/abs/site-a/index.html", "took longer", "index", V1, "bytes-a", 1.0, timeout_runs=2)
    assert [f["source"] for f in store.failures()] == ["/abs/site-a/index.html", "site-b/index.html"]


def test_a_timeout_recorded_without_a_doc_id_is_replaced_by_the_same_contents_under_another_path(store):
    store.record_failure("in/p.html", "took longer", None, V1, "page-bytes", 1.0)  # before pages kept doc_ids
    store.record_failure("in/q.html", "took longer", None, V1, "other-bytes", 1.0)
    store.record_failure("/abs/in/p.html", "took longer", "p", V1, "page-bytes", 1.0)
    assert [f["source"] for f in store.failures()] == ["/abs/in/p.html", "in/q.html"]


def test_storing_a_document_clears_its_own_failures_not_another_pages_of_its_doc_id(store):
    store.record_failure("site-b/index.html", "took longer", "index", V1, "bytes-b", 1.0)
    store.record_failure("old.jsonl:4", "worker process died", "index", V1)
    store.record_failure("site-a/index.html", "took longer", "index", V1, "bytes-a", 1.0)
    store.add_analysis(Document("index", "Text of a.", source="site-a/index.html"), [], V1)
    # its source's and its doc_id's other failures go; site-b's page timeout stays
    assert [f["source"] for f in store.failures()] == ["site-b/index.html"]
    # its text's timeout under another source goes too (the same document)
    store.record_failure("moved/index.html", "took longer", "index", V1, content_hash("index", "Text of a."), 1.0)
    store.add_analysis(Document("index", "Text of a.", source="site-a/index.html"), [], V1)
    assert [f["source"] for f in store.failures()] == ["site-b/index.html"]


def test_forgetting_a_documents_failures_all_of_them_or_only_other_contents_timeouts(store):
    store.record_failure("old/p.html", "took longer", None, V1, "page-bytes", 1.0)  # a page's, before doc_ids
    store.record_failure("in/p.html", "took longer", "p", V1, "p-text", 1.0)  # the document's analysis
    store.record_failure("b/p.html", "took longer", "p", V1, "b-bytes", 1.0)  # another page named p
    store.record_failure("in/q.txt", "took longer", "q", V1, "text-hash", 1.0)
    store.record_failure("in.jsonl:3", "not valid JSON", pipeline_version=V1)
    assert store.failure_keys() == {"old/p.html", "in/p.html", "b/p.html", "p", "in/q.txt", "q", "in.jsonl:3"}
    # a document still to analyse, its page extracted in time: its page's timeout
    # goes by any path; its own text's stays, another page's of its doc_id too
    store.forget_failures("p", "in/p.html", ("page-bytes",), keep="p-text")
    assert [f["source"] for f in store.failures()] == ["b/p.html", "in.jsonl:3", "in/p.html", "in/q.txt"]
    # its text changed: the old text's timeout under its source goes
    store.forget_failures("q", "in/q.txt", (None,), keep="new-text")
    store.forget_failures("r", "in.jsonl:3", (), keep="text-of-r")  # not a timeout: stays
    assert [f["source"] for f in store.failures()] == ["b/p.html", "in.jsonl:3", "in/p.html"]
    # a document found stored: its source's failures and its own timeouts go
    store.forget_failures("p", "in/p.html", ("p-text", "page-bytes"))
    store.forget_failures("r", "in.jsonl:3")
    assert [f["source"] for f in store.failures()] == ["b/p.html"]
    store.forget_failures("p", "b/p.html", ("b-text", "b-bytes"))
    assert store.failures() == [] and store.failure_keys() == set()

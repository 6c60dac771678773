"""``quotes analyse --engine dask``: a LocalCluster (2 worker processes) against the local engine.

The acceptance of issue #18: the Parquet dataset holds the rows the local
engine's export holds (same rows, same order once sorted, byte-identical
exports), the speakers tables agree, and a run in which a worker is killed,
rerun, gives the same result with nothing doubled. Issue #19: the dataset keeps
its documents, and ``quotes report`` on it writes the page the database gives.
"""
from __future__ import annotations

import json
import math
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import CORPORA, POLNEAR_DEV_TEXTS, SHARED, needs_shared

POLNEAR_TRAIN_TEXTS = SHARED / "data" / "quotes" / "polnear-train.jsonl"

distributed = pytest.importorskip("distributed", reason="--engine dask needs quotes[dask]")
pytest.importorskip("pyarrow", reason="--engine dask needs quotes[dask]")

from quotes.corpus.batch import analyse_paths  # noqa: E402
from quotes.corpus.dataset import Dataset, is_dataset  # noqa: E402
from quotes.corpus.distributed import (DONE_DIR, Segment, analyse_dask, analyse_partition,  # noqa: E402
                                      default_partition_size, plan_partitions)
from quotes.corpus.store import Store  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _local(paths, tmp_path: Path, name: str = "local.db"):
    db = tmp_path / name
    summary = analyse_paths([str(p) for p in paths], db, workers=1, progress=False)
    return db, summary


def _close(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        # SQLite's AVG sums in row order; the dataset's sums are exact
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-15)
    return a == b


def assert_same_as_local(db: Path, out: Path, tmp_path: Path) -> None:
    with Store(db, readonly=True) as store, Dataset(out) as data:
        local, dask = list(store.export_rows()), list(data.export_rows())
        assert len(dask) == len(local) and len({r["quote_id"] for r in dask}) == len(dask)
        assert dask == local
        key = lambda r: (r["doc_id"], r["start"], r["end"])  # noqa: E731
        assert sorted(local, key=key) == sorted(dask, key=key)
        s_local, s_dask = store.speakers(), data.speakers()
        assert [r["speaker_id"] for r in s_local] == [r["speaker_id"] for r in s_dask]
        for a, b in zip(s_local, s_dask):
            assert all(_close(a[k], b[k]) for k in a), (a, b)
        assert data.counts()["documents"] == store.counts()["documents"]
        # the documents, their texts and the speakers' names, as the report reads them
        docs = store.documents()
        assert data.documents() == docs and len(docs) == store.counts()["documents"]
        ids = [d["doc_id"] for d in docs]
        assert data.document_texts(ids + ["no such doc"]) == store.document_texts(ids + ["no such doc"])
        if ids:
            assert data.document_text(ids[-1]) == store.document_text(ids[-1])
        assert data.document_text("no such doc") is None
        assert data.aliases() == store.aliases()
        # the exports are the same bytes
        store.export(tmp_path / "local.jsonl", "jsonl")
        data.export(tmp_path / "dask.jsonl", "jsonl")
        assert (tmp_path / "local.jsonl").read_bytes() == (tmp_path / "dask.jsonl").read_bytes()


def test_partitions_cut_files_into_chunks_and_group_one_document_files():
    files = ["a.txt", "b.txt", "c.txt", "big.jsonl", "d.txt"]
    parts = plan_partitions(files, {"big.jsonl": 5}, size=2, version="v")
    assert [p.segments for p in parts] == [
        (Segment("a.txt"), Segment("b.txt")), (Segment("c.txt"),),
        (Segment("big.jsonl", 0, 2),), (Segment("big.jsonl", 2, 4),), (Segment("big.jsonl", 4, None),),
        (Segment("d.txt"),)]
    assert [p.index for p in parts] == list(range(6))
    assert len({p.pid for p in parts}) == 6
    assert [p.pid for p in plan_partitions(files, {"big.jsonl": 5}, 2, "v")] == [p.pid for p in parts]
    assert not {p.pid for p in plan_partitions(files, {"big.jsonl": 5}, 2, "w")} & {p.pid for p in parts}
    # small inputs still make about 16 partitions; big ones 500 documents each
    assert [default_partition_size(n) for n in (0, 1, 84, 120, 8000, 10**8)] == [1, 1, 6, 8, 500, 500]


def test_corpora_with_repeated_and_bad_inputs_match_the_local_engine(client, tmp_path):
    # a doc_id met again keeps its first occurrence, as in the local engine:
    # the same text is skipped, another text is a failure; a bad line fails alone
    lines = [{"doc_id": "a", "text": '"I made a terrible mistake," said Anthony Blunt, the former spy.'},
             {"doc_id": "b", "text": '"We are stunned," Mr. Blunt told reporters on Tuesday.'},
             "not json",
             {"doc_id": "a", "text": '"I made a terrible mistake," said Anthony Blunt, the former spy.'},
             {"doc_id": "b", "text": '"Something else entirely," said Jane Doe.'},
             {"doc_id": "c", "text": '"Nothing to add," the spokesman for Blunt said.'}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join((json.dumps(x) if isinstance(x, dict) else x) + "\n" for x in lines), encoding="utf-8")
    paths = [str(CORPORA), str(src)]
    db, local = _local(paths, tmp_path)
    out = tmp_path / "dataset"
    summary = analyse_dask(paths, out, client=client, partition_size=2, progress=False)
    assert is_dataset(out)
    assert summary.analysed == local.analysed + 2  # the repeated ones too, dropped after
    assert summary.skipped == local.skipped == 1
    assert sorted((f["source"], f["reason"]) for f in summary.failed) == sorted(
        (f.source, f.reason) for f in local.failed)
    assert_same_as_local(db, out, tmp_path)


def test_reading_commands_take_a_dataset(client, tmp_path):
    from typer.testing import CliRunner

    from quotes.cli import app

    out = tmp_path / "dataset"
    analyse_dask([str(CORPORA)], out, client=client, partition_size=8, progress=False)
    db, _ = _local([CORPORA], tmp_path)
    runner = CliRunner()
    for args in (["speakers", "--format", "json", "--top", "0"], ["speakers", "--sort", "regret"],
                 ["list", "--speaker", "Blunt", "--format", "jsonl"], ["list", "--min-shock", "0.5"],
                 ["export", "--format", "csv", "--output", "-"]):
        local = runner.invoke(app, args + ["--db", str(db)])
        by_option = runner.invoke(app, args + ["--dataset", str(out)])
        as_db = runner.invoke(app, args + ["--db", str(out)])
        assert local.exit_code == by_option.exit_code == as_db.exit_code == 0, by_option.output
        if args[0] == "speakers" and "json" in args:
            a, b = json.loads(local.stdout), json.loads(by_option.stdout)
            assert [r["speaker_id"] for r in a] == [r["speaker_id"] for r in b]
            assert all(_close(x[k], y[k]) for x, y in zip(a, b) for k in x)
        else:
            assert by_option.stdout == local.stdout == as_db.stdout
    missing = runner.invoke(app, ["speakers", "--dataset", str(tmp_path / "nothing")])
    assert missing.exit_code == 1 and "no such dataset folder" in missing.output


def _report(args: list[str], out: Path, name: str) -> str:
    """The report page ``quotes report ARGS`` writes, its source's name (header) replaced."""
    from typer.testing import CliRunner

    from quotes.cli import app

    result = CliRunner().invoke(app, ["report", *args, "--output", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    header = f'<p class="muted">{name} · '
    assert page.count(header) == 1
    return page.replace(header, '<p class="muted">SOURCE · ')


def assert_same_report(db: Path, out: Path, tmp_path: Path, extra: tuple[str, ...] = ()) -> None:
    pytest.importorskip("matplotlib", reason='the report draws with matplotlib: pip install "quotes[report]"')
    local = _report(["--db", str(db), *extra], tmp_path / "local.html", db.name)
    assert _report(["--dataset", str(out), *extra], tmp_path / "dask.html", out.name) == local
    assert _report(["--db", str(out), *extra], tmp_path / "as-db.html", out.name) == local


def test_the_report_of_a_dataset_is_the_report_of_the_database(client, tmp_path):
    out = tmp_path / "dataset"
    analyse_dask([str(CORPORA)], out, client=client, partition_size=8, progress=False)
    db, _ = _local([CORPORA], tmp_path)
    assert_same_as_local(db, out, tmp_path)
    assert_same_report(db, out, tmp_path)
    with Store(db, readonly=True) as store:
        top = store.speakers()[0]
    # one speaker's page, by an alias (the quotes of their articles by others too)
    assert_same_report(db, out, tmp_path, ("--speaker", top["aliases"][-1], "--top", "3"))
    pages = {}
    for name, source in (("local", ["--db", str(db)]), ("dask", ["--dataset", str(out)])):
        _report([*source, "--articles", str(tmp_path / name)], tmp_path / f"{name}-a.html",
                db.name if name == "local" else out.name)
        pages[name] = {p.name: p.read_bytes() for p in (tmp_path / name).iterdir()}
    assert pages["dask"] == pages["local"] and pages["local"]


def test_a_dataset_written_before_documents_were_kept_says_to_rerun_analyse(client, tmp_path):
    import shutil

    from typer.testing import CliRunner

    from quotes.cli import app
    from quotes.corpus.distributed import RAW_DOCS_DIR

    pytest.importorskip("matplotlib", reason='the report draws with matplotlib: pip install "quotes[report]"')
    out = tmp_path / "dataset"
    first = analyse_dask([str(CORPORA)], out, client=client, partition_size=8, progress=False)
    quotes_before = {p.name: p.read_bytes() for p in (out / "quotes").iterdir()}
    shutil.rmtree(out / "documents")  # as a dataset of the first version was
    shutil.rmtree(out / RAW_DOCS_DIR)
    result = CliRunner().invoke(app, ["report", "--dataset", str(out), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "keeps no documents" in result.output and "rerun `quotes analyse" in result.output
    assert not (tmp_path / "r.html").exists()
    # the rerun analyses every partition again (its documents were not kept) and adds them
    again = analyse_dask([str(CORPORA)], out, client=client, partition_size=8, progress=False)
    assert again.skipped_partitions == 0 and again.analysed == first.analysed
    assert {p.name: p.read_bytes() for p in (out / "quotes").iterdir()} == quotes_before
    db, _ = _local([CORPORA], tmp_path)
    assert_same_report(db, out, tmp_path)


@needs_shared(POLNEAR_DEV_TEXTS)
def test_polnear_dev_on_two_workers_equals_the_local_export(client, tmp_path):
    db, local = _local([POLNEAR_DEV_TEXTS], tmp_path)
    out = tmp_path / "dataset"
    summary = analyse_dask([str(POLNEAR_DEV_TEXTS)], out, client=client, partition_size=10, progress=False)
    assert summary.analysed == local.analysed == 84 and not summary.failed
    assert summary.partitions == 9 and summary.speakers_total == local.speakers_total
    assert_same_as_local(db, out, tmp_path)
    assert_same_report(db, out, tmp_path)
    # a rerun skips every partition and changes nothing
    files = lambda: {p.relative_to(out): p.read_bytes()  # noqa: E731
                     for folder in ("quotes", "documents") for p in (out / folder).iterdir()}
    before = files()
    assert len(before) == 18
    again = analyse_dask([str(POLNEAR_DEV_TEXTS)], out, client=client, partition_size=10, progress=False)
    assert again.skipped_partitions == 9 and again.analysed == 0
    assert files() == before


@needs_shared(POLNEAR_TRAIN_TEXTS)
def test_polnear_train_and_dev_on_two_workers_equal_the_local_export(client, tmp_path):
    # the acceptance input: 924 articles, the default partitions
    inputs = [POLNEAR_TRAIN_TEXTS, POLNEAR_DEV_TEXTS]
    db, local = _local(inputs, tmp_path)
    out = tmp_path / "dataset"
    summary = analyse_dask([str(p) for p in inputs], out, client=client, progress=False)
    assert summary.analysed == local.analysed == 924 and not summary.failed
    assert summary.speakers_total == local.speakers_total
    assert_same_as_local(db, out, tmp_path)


@needs_shared(POLNEAR_DEV_TEXTS)
def test_a_worker_killed_mid_run_loses_only_its_partition(client, tmp_path):
    db, _ = _local([POLNEAR_DEV_TEXTS], tmp_path)
    out = tmp_path / "dataset"
    result: dict = {}

    def run():
        result["summary"] = analyse_dask([str(POLNEAR_DEV_TEXTS)], out, client=client, partition_size=6,
                                         progress=False)

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 300
    while not list((out / DONE_DIR).glob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    pids = client.run(os.getpid)
    victim = sorted(pids.values())[0]
    os.kill(victim, signal.SIGKILL)  # a worker dies mid-run, its partition in hand
    thread.join(timeout=600)
    assert not thread.is_alive()
    first = result["summary"]
    markers = len(list((out / DONE_DIR).glob("*.json")))
    assert markers + len(first.lost_partitions) == first.partitions == 14
    # the same command again finishes whatever was lost; nothing is doubled
    client.wait_for_workers(2, timeout=120)
    again = analyse_dask([str(POLNEAR_DEV_TEXTS)], out, client=client, partition_size=6, progress=False)
    assert again.skipped_partitions == 14 - len(first.lost_partitions) and not again.lost_partitions
    assert again.documents_total == 84
    assert not [p for p in out.rglob("*.part")]
    assert_same_as_local(db, out, tmp_path)


def test_a_rerun_removes_what_a_killed_writer_left_of_the_partitions_it_redoes(client, tmp_path):
    # a worker killed mid-write leaves its temporary file (replaced_atomically cannot
    # remove it); the run that redoes that partition removes it, and only its own
    out = tmp_path / "dataset"
    first = analyse_dask([str(CORPORA)], out, client=client, partition_size=4, progress=False)
    markers = sorted((out / DONE_DIR).glob("*.json"))
    assert len(markers) == first.partitions >= 2
    redo, keep = markers[0].stem, markers[1].stem
    markers[0].unlink()  # that partition is analysed again
    raw = out / "_work" / "raw"
    stale = [raw / f".{redo}.parquet.0123abcd.part", out / DONE_DIR / f".{redo}.json.4567ef.part"]
    other = raw / f".{keep}.parquet.89abcdef.part"
    for f in stale + [other]:
        f.write_bytes(b"half a file")
    again = analyse_dask([str(CORPORA)], out, client=client, partition_size=4, progress=False)
    assert again.skipped_partitions == first.partitions - 1
    assert not any(f.exists() for f in stale)
    assert other.exists()  # not this run's to touch


class _FirstAttemptKilledMidWrite:
    """The run's client, except that each partition's task first leaves what an attempt
    killed mid-write leaves (its marker's temporary file), as a retried task does after
    a worker dies; the retry then finishes the partition."""

    def __init__(self, client):
        self._client = client

    def __getattr__(self, name):
        return getattr(self._client, name)

    def submit(self, fn, *args, **kwargs):
        if fn is not analyse_partition:
            return self._client.submit(fn, *args, **kwargs)

        def killed_then_retried(part, output, *rest):
            (Path(output) / DONE_DIR).mkdir(parents=True, exist_ok=True)
            (Path(output) / DONE_DIR / f".{part.pid}.json.deadbeef.part").write_bytes(b"half a marker")
            return analyse_partition(part, output, *rest)

        return self._client.submit(killed_then_retried, *args, **kwargs)


def test_a_partition_retried_after_a_killed_write_leaves_no_temporary_file(client, tmp_path):
    # the partition gets its marker in this very run, so no later run would sweep it
    out = tmp_path / "dataset"
    summary = analyse_dask([str(CORPORA)], out, client=_FirstAttemptKilledMidWrite(client), partition_size=4,
                           progress=False)
    assert summary.partitions >= 2 and not summary.lost_partitions
    assert len(list((out / DONE_DIR).glob("*.json"))) == summary.partitions
    assert not list(out.rglob("*.part"))


def test_an_fsspec_url_is_read_by_the_workers(client, tmp_path):
    src = tmp_path / "web.jsonl"
    src.write_text("".join(json.dumps({"doc_id": f"d{i}", "text": f'"I regret nothing," said Edith Piaf{i}.'})
                           + "\n" for i in range(5)), encoding="utf-8")
    by_path = analyse_dask([str(src)], tmp_path / "by-path", client=client, partition_size=2, progress=False)
    url = src.resolve().as_uri()  # file:///...: any fsspec protocol the workers can reach
    by_url = analyse_dask([url], tmp_path / "by-url", client=client, partition_size=2, progress=False)
    assert by_url.partitions == by_path.partitions == 3 and not by_url.failed
    a = list(Dataset(tmp_path / "by-path").export_rows())
    b = list(Dataset(tmp_path / "by-url").export_rows())
    assert len(a) == 5 and [r["source"] for r in b] == [f"{url}:{i}" for i in range(1, 6)]
    assert [dict(r, source=None) for r in a] == [dict(r, source=None) for r in b]
    gone = analyse_dask([url + ".missing"], tmp_path / "gone", client=client, progress=False)
    assert gone.failed and gone.failed[0]["source"] == url + ".missing"


def test_analyse_command_with_the_dask_engine(tmp_path):
    from typer.testing import CliRunner

    from quotes.cli import app

    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"doc_id": "a", "text": '"I regret it deeply," said Anthony Blunt.'}) + "\n"
                   + "not json\n", encoding="utf-8")
    runner = CliRunner()
    no_output = runner.invoke(app, ["analyse", str(src), "--engine", "dask"])
    assert no_output.exit_code == 2 and "--output" in no_output.output
    local_with_output = runner.invoke(app, ["analyse", str(src), "--output", str(tmp_path / "x")])
    assert local_with_output.exit_code == 2 and "--engine dask" in local_with_output.output
    out = tmp_path / "ds"
    run = runner.invoke(app, ["analyse", str(src), str(tmp_path / "missing.jsonl"), "--engine", "dask",
                              "--local-workers", "1", "--output", str(out), "--no-progress"])
    # the missing path and the bad line (a named input) are errors; the rest is analysed
    assert run.exit_code == 1, run.output
    assert "missing.jsonl: no such file or folder" in run.output and f"{src}:2" in run.output
    assert "holds 1 documents, 1 quotes and 1 speakers" in run.output
    listed = runner.invoke(app, ["list", "--db", str(out), "--format", "jsonl"])
    assert listed.exit_code == 0 and json.loads(listed.stdout)["speaker"] == "Anthony Blunt"
    assert not (tmp_path / "quotes.db").exists()


def test_a_given_name_alone_is_a_speaker_per_article_on_both_engines(client, tmp_path):
    # issue #15: two articles quoting a different "Bob" give two speakers, "Bob"
    # after "Bob Dole" in one article is Bob Dole, and a surname alone or an
    # organisation in two articles stays one speaker, in the dataset as in the database
    from tests.test_speakers_first_names import ARTICLES

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"doc_id": k, "text": t}) + "\n" for k, t in ARTICLES.items()),
                   encoding="utf-8")
    db, _ = _local([src], tmp_path)
    out = tmp_path / "dataset"
    analyse_dask([str(src)], out, client=client, partition_size=2, progress=False)
    assert_same_as_local(db, out, tmp_path)
    with Dataset(out) as data:
        rows = {(r["name"], r["quotes"], r["articles"]) for r in data.speakers()}
        assert rows == {("Bob", 2, 1), ("Bob", 1, 1), ("Bob Dole", 2, 1), ("Clinton", 2, 2), ("Google", 2, 2)}
        assert len(data.speaker_ids("Bob")) == 2

"""Mistakes on the command line are errors, said in one line (issue #14, items 6 and 7).

Any path named on the command line that does not exist or gives no document
is an error (exit 1, on stderr, naming the path) and the rest of the batch goes
on; database problems are one line with the path and what to do, never a
traceback; reading commands open the database read-only.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.corpus.store import Store, StoreError

from .conftest import ROOT
from .test_cli import ARTICLE, _small_db

runner = CliRunner()


def _one_line_error(result, *names):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("error: "), result.stderr
    for name in names:
        assert str(name) in result.stderr
    return result.stderr


# --- item 6: silent success -----------------------------------------------------

def test_analyse_a_missing_path_is_an_error_and_creates_no_database(tmp_path):
    db = tmp_path / "q.db"
    result = runner.invoke(app, ["analyse", str(tmp_path / "typo-folder"), "--db", str(db), "--no-progress"])
    _one_line_error(result, tmp_path / "typo-folder")
    assert not db.exists()


def test_analyse_goes_on_past_a_missing_path_and_exits_1(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "q.db"
    result = runner.invoke(app, ["analyse", str(tmp_path / "typo"), str(tmp_path / "good.txt"), "--db", str(db),
                                 "--workers", "1", "--no-progress"])
    assert result.exit_code == 1 and "analysed 1 document" in result.stdout
    assert f"error: {tmp_path / 'typo'}: no such file or folder" in result.stderr


@pytest.mark.parametrize("command", ["extract", "analyse"])
def test_a_named_folder_without_articles_is_an_error(tmp_path, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("not an article", encoding="utf-8")
    args = [command, str(empty)] + (["--db", str(tmp_path / "q.db"), "--no-progress"] if command == "analyse" else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert f"{empty}: no article files (.txt, .jsonl, .html, .warc, .csv, .parquet) in this folder" in result.stderr


def test_tone_refuses_a_binary_file(tmp_path):
    binary = tmp_path / "ls"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00text\nmore\n")
    result = runner.invoke(app, ["tone", str(binary)])
    assert "binary" in _one_line_error(result, binary) and result.stdout == ""


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_tone_on_an_empty_file_is_an_error(tmp_path, content):
    empty = tmp_path / "empty.txt"
    empty.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["tone", str(empty)])
    _one_line_error(result, empty)
    assert result.stdout == ""


def test_tone_on_a_folder_or_missing_file_exits_1(tmp_path):
    _one_line_error(runner.invoke(app, ["tone", str(tmp_path)]), tmp_path)
    _one_line_error(runner.invoke(app, ["tone", str(tmp_path / "nope.txt")]), tmp_path / "nope.txt")


def test_evaluate_on_an_empty_or_missing_gold_file_is_an_error(tmp_path):
    gold = tmp_path / "empty.gold.jsonl"
    gold.write_text("\n", encoding="utf-8")
    _one_line_error(runner.invoke(app, ["evaluate", str(gold)]), gold)
    _one_line_error(runner.invoke(app, ["evaluate", str(tmp_path / "nope.jsonl")]), tmp_path / "nope.jsonl")


def test_list_with_no_match_says_so(tmp_path):
    db = _small_db(tmp_path / "q.db")
    result = runner.invoke(app, ["list", "--db", str(db), "--speaker", "Nobody"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no quotes match --speaker 'Nobody'" in result.stderr
    as_csv = runner.invoke(app, ["list", "--db", str(db), "--min-regret", "0.99", "--format", "csv"])
    assert as_csv.exit_code == 0 and as_csv.stdout.startswith("quote_id,") and len(as_csv.stdout.splitlines()) == 1
    assert "no quotes match --min-regret 0.99" in as_csv.stderr


@pytest.mark.parametrize("command", [["speakers"], ["list"], ["export", "-f", "csv", "-o", "-"]])
def test_reading_a_missing_database_is_an_error(tmp_path, command):
    db = tmp_path / "nope.db"
    _one_line_error(runner.invoke(app, [*command, "--db", str(db)]), db)
    assert not db.exists()


# --- item 7: one-line database errors, read-only reading ---------------------------

@pytest.mark.parametrize("command", [["speakers"], ["list"], ["export", "-f", "jsonl", "-o", "-"],
                                     ["analyse", "IN", "--no-progress", "--workers", "1"]])
@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_a_damaged_database_is_one_line(tmp_path, command, damage):
    good = _small_db(tmp_path / "good.db")
    db = tmp_path / "bad.db"
    if damage == "truncated":
        db.write_bytes(good.read_bytes()[:5000])
    else:
        db.write_bytes(b"garbage " * 1000)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    args = [str(tmp_path / "a.txt") if a == "IN" else a for a in command]
    message = _one_line_error(runner.invoke(app, [*args, "--db", str(db)]), db)
    assert "analyse again into a new --db" in message


@pytest.mark.parametrize("where", ["missing-folder", "a-folder"])
def test_export_to_an_unwritable_output_is_one_line(tmp_path, where):
    db = _small_db(tmp_path / "q.db")
    output = tmp_path / "no" / "x.csv" if where == "missing-folder" else tmp_path
    result = runner.invoke(app, ["export", "--db", str(db), "-f", "csv", "-o", str(output)])
    _one_line_error(result, output)


def _digest(path):
    return hashlib.sha1(path.read_bytes()).hexdigest()


def test_reading_commands_never_write_the_database(tmp_path):
    # _small_db leaves the speakers stale: reading resolves them without writing
    db = _small_db(tmp_path / "q.db")
    before = _digest(db)
    speakers = runner.invoke(app, ["speakers", "--db", str(db), "--format", "json"])
    assert speakers.exit_code == 0 and "Anthony Blunt" in speakers.stdout
    listed = runner.invoke(app, ["list", "--db", str(db), "--speaker", "Blunt", "--format", "jsonl"])
    assert listed.exit_code == 0 and len(listed.stdout.splitlines()) == 2
    out = tmp_path / "x.jsonl"
    assert runner.invoke(app, ["export", "--db", str(db), "-f", "jsonl", "-o", str(out)]).exit_code == 0
    assert _digest(db) == before
    with Store(db, readonly=True) as store:
        assert store.counts()["speakers"] == 2
        with pytest.raises(Exception, match="readonly"):
            store.conn.execute("DELETE FROM documents")
    assert _digest(db) == before


def test_read_only_store_says_when_a_migration_is_needed(tmp_path, monkeypatch):
    import quotes.corpus.store as store_module

    db = _small_db(tmp_path / "q.db")
    monkeypatch.setattr(store_module, "MIGRATIONS",
                        store_module.MIGRATIONS + (("002_future", lambda conn: None),))
    with pytest.raises(StoreError, match="needs schema migration 002_future"):
        Store(db, readonly=True)
    result = runner.invoke(app, ["speakers", "--db", str(db)])
    assert "quotes analyse" in _one_line_error(result, db)


def _as_nobody():
    """A command prefix that runs as an unprivileged user (root bypasses permissions)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_reading_works_in_a_read_only_folder():
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="quotes-ro-"))  # pytest's tmp_path is private to root
    db = _small_db(folder / "q.db")
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        prefix = _as_nobody()
        probe = subprocess.run([*prefix, sys.executable, "-c", "import quotes.cli"], cwd=ROOT, capture_output=True)
        if probe.returncode:
            pytest.skip("the unprivileged user cannot read the sources or the installed packages")
        for command in (["speakers"], ["list"], ["export", "-f", "csv", "-o", "-"]):
            proc = subprocess.run([*prefix, sys.executable, "-m", "quotes", *command, "--db", str(db)],
                                  cwd=ROOT, capture_output=True, text=True)
            assert proc.returncode == 0, (command, proc.stderr)
            assert "Blunt" in proc.stdout
        proc = subprocess.run([*prefix, sys.executable, "-m", "quotes", "analyse", str(ROOT / "corpora"),
                               "--db", str(db), "--no-progress"], cwd=ROOT, capture_output=True, text=True)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        assert proc.stderr.strip().splitlines()[-1].startswith(f"error: {db}: the database or its folder is read-only")
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)

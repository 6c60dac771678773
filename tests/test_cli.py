"""The command line: help texts, formats, exit codes, standard input."""
from __future__ import annotations

import csv
import re
import io
import json
import subprocess
import sys

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from quotes.cli import app

runner = CliRunner()
ARTICLE = 'Intro line.\n\n"It was a mistake," said Anthony Blunt.\n\n"I was naive," he added.\n'


def _command_paths(group, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield prefix + (name,)
        if hasattr(command, "commands"):
            yield from _command_paths(command, prefix + (name,))


@pytest.mark.parametrize("path", list(_command_paths(get_command(app))), ids=" ".join)
def test_every_command_has_help_with_an_example(path):
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_top_level_help_and_version():
    assert runner.invoke(app, ["--help"]).exit_code == 0
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("quotes ")


def test_extract_jsonl_contract(tmp_path):
    path = tmp_path / "blunt.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    doc = json.loads(line)
    assert doc["doc_id"] == "blunt"
    keys = {"start", "end", "text", "speaker", "speaker_mention", "speaker_start",
            "speaker_end", "cue", "confidence", "tone"}
    assert all(set(q) == keys for q in doc["quotes"])
    assert all(set(q["tone"]) == {"regret", "shock", "polarity", "subjectivity"} for q in doc["quotes"])
    # "I was naive," he added: the speaker's self-blame.
    assert doc["quotes"][1]["tone"]["regret"] >= 0.5
    assert [q["speaker"] for q in doc["quotes"]] == ["Anthony Blunt", "Anthony Blunt"]
    assert all(ARTICLE[q["start"]:q["end"]] == q["text"] for q in doc["quotes"])


def test_extract_table_explain_and_csv(tmp_path):
    path = tmp_path / "blunt.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    table = runner.invoke(app, ["extract", str(path), "--format", "table", "--explain"])
    assert table.exit_code == 0 and "verb-after" in table.stdout and "Anthony Blunt" in table.stdout
    out = runner.invoke(app, ["extract", str(path), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [r["speaker"] for r in rows] == ["Anthony Blunt", "Anthony Blunt"]
    assert all(0 <= float(r["regret"]) <= 1 and 0 <= float(r["shock"]) <= 1 for r in rows)
    assert re.search(r"R(\.\d\d|1\.0) S(\.\d\d|1\.0)", table.stdout), table.stdout
    as_json = json.loads(runner.invoke(app, ["extract", str(path), "--format", "json"]).stdout)
    assert as_json[0]["doc_id"] == "blunt"


def test_extract_stdin():
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=ARTICLE)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["quotes"][0]["speaker"] == "Anthony Blunt"


def test_bad_file_is_reported_and_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(bad), str(good), "--format", "jsonl"])
    assert result.exit_code == 1
    assert f"{bad}:1" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["doc_id"] == "good"


def test_bad_file_inside_a_folder_does_not_fail_the_run(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0
    assert "empty.txt" in result.stderr and "empty file" in result.stderr


def test_evaluate_command(tmp_path):
    gold = {"doc_id": "g", "text": ARTICLE, "quotes": [
        {"start": 13, "end": 32, "text": ARTICLE[13:32], "speaker": "Anthony Blunt",
         "speaker_mention": "Anthony Blunt", "speaker_start": 39, "speaker_end": 52, "cue": "said"}]}
    path = tmp_path / "g.gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["loose"]["r"] == 1.0
    assert summary["errors"].get("spurious") == 1  # the second quote is not in this gold


def test_python_dash_m_help_runs():
    proc = subprocess.run([sys.executable, "-m", "quotes", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "extract" in proc.stdout


def test_extraction_imports_no_heavy_library():
    """Scoring loads the models' arrays: no scikit-learn, scipy, skops or nltk at run time
    (importing them is most of a cold start; see benchmarks/bench.py)."""
    code = ("import sys; from quotes.pipeline import extract; "
            "q = extract('\"I regret it,\" said Ann Lee. \"We will win,\" she added.'); "
            "assert [x.speaker for x in q] == ['Ann Lee'] * 2, q; "
            "print(sorted(m for m in ('sklearn', 'scipy', 'skops', 'nltk', 'textblob') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_corpus_commands_round_trip(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "two.txt").write_text('Intro.\n\n"We were stunned," said Mr Blunt.\n', encoding="utf-8")
    (corpus / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    db = tmp_path / "q.db"
    first = runner.invoke(app, ["analyse", str(corpus), "--db", str(db), "--workers", "1", "--strict"])
    assert first.exit_code == 1  # --strict: the bad line failed, the rest was analysed
    assert "analysed 2 documents" in first.stdout
    again = runner.invoke(app, ["analyse", str(corpus), "--db", str(db), "--workers", "1"])
    assert again.exit_code == 0 and "skipped 2" in again.stdout
    rows = json.loads(runner.invoke(app, ["speakers", "--db", str(db), "--format", "json"]).stdout)
    blunt = [r for r in rows if r["name"] == "Anthony Blunt"]
    assert len(blunt) == 1 and blunt[0]["quotes"] == 3 and blunt[0]["articles"] == 2
    listed = runner.invoke(app, ["list", "--db", str(db), "--speaker", "Blunt", "--format", "jsonl"])
    assert len(listed.stdout.splitlines()) == 3
    out = tmp_path / "export.jsonl"
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--output", str(out)])
    assert exported.exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_extract_with_an_unreadable_model_says_so_once(tmp_path):
    # a copy of the package whose attribution model is damaged, run as pure Python
    import shutil

    from .conftest import CORPORA, ROOT

    shutil.copytree(ROOT / "quotes", tmp_path / "quotes", ignore=shutil.ignore_patterns("*.so", "*.pyd"))
    shutil.copytree(ROOT / "models", tmp_path / "models")
    (tmp_path / "models" / "attribution.npz").write_bytes(b"not an npz file")
    proc = subprocess.run([sys.executable, "-m", "quotes", "extract", str(CORPORA), "--format", "jsonl"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 1 and proc.stdout == ""
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith("error: ") and "attribution.npz" in errors[0], proc.stderr


def _small_db(path):
    """A database of two articles written through the Store (no pipeline run)."""
    from quotes.corpus.store import Store
    from quotes.records import Document, QuoteRecord, Tone

    def q(start, text, speaker, tone=None):
        return QuoteRecord(start=start, end=start + len(text), text=text, speaker=speaker,
                           speaker_mention=speaker, speaker_start=0, speaker_end=5, cue="said",
                           confidence=0.9, rule="verb-after", tone=tone)

    with Store(path) as store:
        store.add_analysis(Document("a1", "text one", date="2020-01-02"), [
            q(0, "biggest mistake of my life " * 6, "Anthony Blunt", Tone(0.9, 0.1, -0.5, 0.5)),
            q(200, "I was naive", "Blunt", Tone(0.5, 0.2, 0.0, 0.1))])
        store.add_analysis(Document("a2" * 20, "text two", date="2021-05-06"), [
            q(0, "It shocked me", "Bartholomew Fitzwilliam-Montgomery-Smythe the Third", Tone(0.2, 0.95, 0, 0))])
    return path


def test_speakers_csv_has_the_speaker_columns(tmp_path):
    from quotes.corpus.store import SPEAKER_COLUMNS

    db = _small_db(tmp_path / "q.db")
    result = runner.invoke(app, ["speakers", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0].keys()) == SPEAKER_COLUMNS
    blunt = next(r for r in rows if r["name"] == "Anthony Blunt")
    assert blunt["quotes"] == "2" and blunt["articles"] == "1" and blunt["first_date"] == "2020-01-02"
    assert blunt["aliases"] == "Anthony Blunt; Blunt" and blunt["top_regret_doc_id"] == "a1"


def _options(group, prefix=()):
    import click

    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _options(command, prefix + (name,))
        else:
            for param in command.params:
                yield " ".join(prefix + (name,)), param


@pytest.mark.parametrize("where,param", list(_options(get_command(app))),
                         ids=lambda x: x if isinstance(x, str) else x.name)
def test_every_option_has_help_text(where, param):
    assert (getattr(param, "help", None) or "").strip(), f"{where}: {param.name} has no help text"


def _wide_lines(text):
    return [line for line in text.splitlines() if len(line) > 80]


def test_every_table_fits_80_columns(tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    db = _small_db(tmp_path / "q.db")
    long_name = ("Bartholomew Fitzwilliam-Montgomery-Smythe the Third of the Borough of "
                 "Kensington and Chelsea")
    article = tmp_path / ("a-very-long-document-identifier-" * 3 + ".txt")
    article.write_text(ARTICLE + f'\n"{"word " * 40}," said {long_name}, according to the spokeswoman.\n',
                       encoding="utf-8")
    texts = tmp_path / "texts.txt"
    texts.write_text("I regret it deeply " * 10 + "\nWhat a shock!\n", encoding="utf-8")
    gold = {"doc_id": "g" * 90, "text": ARTICLE, "quotes": [
        {"start": 13, "end": 32, "text": ARTICLE[13:32], "speaker": "Anthony Blunt",
         "speaker_mention": "Anthony Blunt", "speaker_start": 39, "speaker_end": 52, "cue": "said"}]}
    (tmp_path / "g.gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    commands = [
        ["speakers", "--db", str(db)],
        ["list", "--db", str(db)],
        ["extract", str(article), "--format", "table"],
        ["extract", str(article), "--format", "table", "--explain"],
        ["tone", str(texts), "--format", "table"],
        ["evaluate", str(tmp_path / "g.gold.jsonl"), "--errors", "3"],
    ]
    for command in commands:
        result = runner.invoke(app, command)
        assert result.exit_code == 0, (command, result.output)
        assert len(result.stdout.splitlines()) >= 2, command
        assert _wide_lines(result.stdout) == [] and _wide_lines(result.stderr) == [], command


def test_speakers_shows_the_top_20_by_default(tmp_path):
    from quotes.corpus.store import Store
    from quotes.records import Document, QuoteRecord

    db = tmp_path / "q.db"
    names = [f"Person{chr(65 + i // 26)}{chr(97 + i % 26)} Surname{i}" for i in range(25)]
    with Store(db) as store:
        store.add_analysis(Document("d", "text"), [
            QuoteRecord(start=10 * i, end=10 * i + 5, text="words", speaker=name, speaker_mention=name,
                        speaker_start=0, speaker_end=1, cue="said", confidence=0.9, rule="r")
            for i, name in enumerate(names)])
    default = runner.invoke(app, ["speakers", "--db", str(db)])
    assert default.exit_code == 0 and len(default.stdout.splitlines()) == 1 + 20
    assert "--top 0" in default.stderr
    every = runner.invoke(app, ["speakers", "--db", str(db), "--top", "0", "--format", "json"])
    assert len(json.loads(every.stdout)) == 25
    assert len(json.loads(runner.invoke(app, ["speakers", "--db", str(db), "--top", "3", "-f", "json"]).stdout)) == 3

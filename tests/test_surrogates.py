"""Lone surrogates (issue #14): text that no encoder accepts must not crash.

A Python ``str`` may hold a lone surrogate (U+D800..U+DFFF), and a JSON line may
spell one ("\\ud83d"). Hashing used to hand such a string to mmh3, which killed
the process; readers now replace each lone surrogate by U+FFFD (one character
for one, so offsets stay true) with a warning naming the file and line.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotes.corpus.ingest import read_documents
from quotes.errors import InputError
from quotes.hashing import NgramHasher, column, hash_dicts

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, timeout=120,
                          input=None if stdin is None else stdin.encode("utf-8"))


def test_extract_with_a_lone_surrogate_does_not_kill_the_process():
    proc = _run("-c", "import quotes; print(len(quotes.extract(\"'\\ud800p\")))")
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize("text", ["\ud800", "'\ud800p", "\udfff said John", "a\ud83db", "\udc80" * 5])
def test_hash_accepts_any_str(text):
    col, sign = column(text, 2 ** 20)
    assert 0 <= col < 2 ** 20 and sign in (1, -1)
    hash_dicts([{"w": text}], 2 ** 18)
    NgramHasher("char_wb", (2, 4), 2 ** 18).counts([text])
    NgramHasher("word", (1, 2), 2 ** 18).counts([text + " word"])


@pytest.mark.parametrize("name", ["", "a", "word_before=said", "é", "Zoë Ångström", "😀 x", "\u2028", "日本"])
def test_hash_of_valid_strings_is_unchanged(name):
    """Bit-identical to the UTF-8 hash the shipped models were trained with."""
    import mmh3
    h = mmh3.hash(name.encode("utf-8"), 0, signed=True)
    n = 2 ** 20
    assert column(name, n) == (abs(h) % n if h != -(2 ** 31) else (2 ** 31 - 1 - (n - 1)) % n, 1 if h >= 0 else -1)


def test_surrogates_in_jsonl_become_replacement_characters(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"doc_id":"ok1","text":"\\"Fine,\\" said Ann Lee."}\n'
                    '{"doc_id":"bad","text":"\\"\\ud83d is here,\\" said John Smith.","title":"T\\udc00"}\n'
                    '{"doc_id":"pair","text":"\\"\\ud83d\\ude00 is here,\\" said John Smith."}\n', encoding="utf-8")
    warnings: list[str] = []
    docs = list(read_documents([str(path)], warn=warnings.append))
    assert not any(isinstance(d, InputError) for d in docs)
    bad = docs[1]
    assert bad.text == '"\ufffd is here," said John Smith.'
    assert bad.title == "T\ufffd"
    assert docs[2].text == '"\U0001F600 is here," said John Smith.'  # a valid pair stays
    assert len(warnings) == 1 and f"{path}:2" in warnings[0] and "surrogate" in warnings[0]


def test_extract_cli_goes_on_after_a_line_with_a_surrogate(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"doc_id":"bad","text":"\\"\\ud83d is here,\\" said John Smith."}\n'
                    '{"doc_id":"next","text":"\\"We will win the match,\\" said Ann Lee."}\n', encoding="utf-8")
    proc = _run("-m", "quotes", "extract", str(path), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    rows = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [r["doc_id"] for r in rows] == ["bad", "next"]
    bad = rows[0]["quotes"]
    assert len(bad) == 1 and bad[0]["text"] == "\ufffd is here," and bad[0]["speaker"] == "John Smith"
    assert rows[1]["quotes"][0]["speaker"] == "Ann Lee"
    stderr = proc.stderr.decode("utf-8")
    assert f"{path}:1" in stderr and "surrogate" in stderr


@pytest.mark.parametrize("suffix", [".jsonl", "-"])
def test_tone_reads_a_surrogate_safely(tmp_path, suffix):
    line = '{"text":"\\ud800p"}\n'
    if suffix == "-":
        proc = _run("-m", "quotes", "tone", "-", stdin=line)
    else:
        path = tmp_path / "in.jsonl"
        path.write_text(line, encoding="utf-8")
        proc = _run("-m", "quotes", "tone", str(path))
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    rows = [json.loads(x) for x in proc.stdout.decode("utf-8").splitlines()]
    assert len(rows) == 1 and rows[0]["text"] == "\ufffdp"
    assert "surrogate" in proc.stderr.decode("utf-8")

"""Reading inputs: bad files never crash a batch and are reported with their name."""
from __future__ import annotations

import json

from quotes.errors import InputError
from quotes.corpus.ingest import read_documents
from quotes.records import Document


def read(paths, warnings=None):
    sink = warnings if warnings is not None else []
    return list(read_documents([str(p) for p in paths], warn=sink.append))


def test_txt_and_jsonl_and_folder(tmp_path):
    (tmp_path / "a.txt").write_text('"Hi," she said.', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text(
        json.dumps({"id": "b1", "text": "x", "title": "T", "date": "2020-01-01", "extra": 1}) + "\n"
        + json.dumps({"doc_id": "b2", "text": "y"}) + "\n", encoding="utf-8")
    (tmp_path / "a.gold.jsonl").write_text("{}", encoding="utf-8")  # gold files are skipped
    docs = read([tmp_path])
    assert [d.doc_id for d in docs] == ["a", "b1", "b2"]
    assert docs[1].title == "T" and docs[1].date == "2020-01-01"


def test_bad_inputs_are_errors_not_crashes(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02PNG")
    lines = tmp_path / "lines.jsonl"
    lines.write_text('{"text": "ok one"}\nnot json\n{"doc_id": "x"}\n[1, 2]\n{"text": "ok two"}\n',
                     encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Fine text.", encoding="utf-8")
    items = read([empty, binary, lines, tmp_path / "missing.txt", good])
    errors = [i for i in items if isinstance(i, InputError)]
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.text for d in docs] == ["ok one", "ok two", "Fine text."]
    sources = [e.source for e in errors]
    assert str(empty) in sources and str(binary) in sources
    assert f"{lines}:2" in sources and f"{lines}:3" in sources and f"{lines}:4" in sources
    assert str(tmp_path / "missing.txt") in sources
    assert any("JSON" in e.reason for e in errors)


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("“Café,” said Zoë.".encode("utf-8") + b" \xff\xfe end")
    warnings: list[str] = []
    (doc,) = read([path], warnings)
    assert "\ufffd" in doc.text
    assert warnings and str(path) in warnings[0]


def test_jsonl_text_may_hold_a_raw_line_separator(tmp_path):
    # U+2028 is valid raw inside a JSON string; it must not split the record.
    path = tmp_path / "a.jsonl"
    path.write_text('{"doc_id": "a", "text": "One line\u2028still the same article."}\n', encoding="utf-8")
    (doc,) = list(read_documents([str(path)]))
    assert doc.text == "One line\u2028still the same article."

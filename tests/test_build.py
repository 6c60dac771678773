"""The mypyc-compiled build gives the same results as the pure-Python sources."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from quotes.text import segment
from quotes.corpus.ingest import read_documents
from quotes.cli.output import doc_dict
from quotes.pipeline import extract_document

from .conftest import CORPORA, ROOT, compiled_modules

compiled = pytest.mark.skipif(not compiled_modules(), reason="quotes is not compiled here (pure-Python sources)")


def test_tests_import_the_build_beside_the_sources():
    # the suite tests whatever sits in ROOT/quotes: compiled modules when there are some
    assert segment.__file__.startswith(str(ROOT / "quotes"))
    assert segment.__file__.endswith(".py") == (not compiled_modules())


@compiled
def test_compiled_and_pure_python_extract_the_same(tmp_path):
    # a copy of the sources without the extension modules runs as pure Python
    shutil.copytree(ROOT / "quotes", tmp_path / "quotes", ignore=shutil.ignore_patterns("*.so", "*.pyd"))
    shutil.copytree(ROOT / "models", tmp_path / "models")
    pure = subprocess.run([sys.executable, "-m", "quotes", "extract", str(CORPORA), "--format", "jsonl"],
                          cwd=tmp_path, capture_output=True, text=True, check=True)
    assert "segment.py" in subprocess.run(
        [sys.executable, "-c", "import quotes.text.segment as s; print(s.__file__)"],
        cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    docs = list(read_documents([str(CORPORA)], warn=lambda m: None))
    here = [json.dumps(doc_dict(d.doc_id, extract_document(d), False), ensure_ascii=False) for d in docs]
    assert len(docs) > 5 and sum(len(json.loads(line)["quotes"]) for line in here) > 50
    assert pure.stdout.splitlines() == here


def test_the_public_records_keep_their_docstrings_and_the_package_is_typed():
    import re

    import quotes
    from quotes.records import Document, QuoteRecord, Tone

    for cls in (QuoteRecord, Document, Tone):
        first = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""
        # a sentence, not the "Name(field: type, ...)" signature a compiled class shows
        assert not first.startswith(cls.__name__ + "(") and ": " + "type" not in first, (cls.__name__, first)
        assert first[:1].isupper() and first.endswith(".") and len(first.split()) >= 4, (cls.__name__, first)
    assert (ROOT / "quotes" / "py.typed").is_file()
    assert "/quotes/records.py" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    # the package docstring names only what the package exports, and every export
    named = set(re.findall(r":(?:func|class):`(\w+)`", quotes.__doc__))
    assert named <= set(quotes.__all__) and set(quotes.__all__) - named == {"__version__"}


def test_the_wheel_ships_py_typed(tmp_path):
    pytest.importorskip("hatchling")
    from hatchling.builders.wheel import WheelBuilder

    builder = WheelBuilder(str(ROOT))
    files = {f.distribution_path for f in builder.recurse_included_files()}
    assert "quotes/py.typed" in files and "quotes/records.py" in files

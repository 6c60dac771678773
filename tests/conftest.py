"""Shared fixtures: where ../shared is, and a guard that nothing downloads."""
from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
# CI lays shared/ beside the clone; QUOTES_SHARED points elsewhere if needed.
SHARED = Path(os.environ.get("QUOTES_SHARED", ROOT.parent / "shared"))
POLNEAR_DEV = SHARED / "data" / "quotes" / "polnear-dev.resolved.jsonl"
SEED = SHARED / "data" / "seed"
# Texts the ports of third-party scorers are checked on (see shared_texts).
GOEMOTIONS_DEV = SHARED / "data" / "emotions" / "goemotions-dev.tsv"
NEWS_QUOTES = SHARED / "data" / "tone" / "news-quotes-dev.jsonl"
POLNEAR_DEV_TEXTS = SHARED / "data" / "quotes" / "polnear-dev.jsonl"
SHARED_TEXTS = [(GOEMOTIONS_DEV, None), (NEWS_QUOTES, "text"), (POLNEAR_DEV_TEXTS, "text")]


def needs_shared(path: Path):
    """Skip a test when a file from ../shared is absent, saying which."""
    return pytest.mark.skipif(not path.exists(), reason=f"needs {path} (the shared data folder is absent)")


def shared_texts(path: Path, key: str | None) -> list[str]:
    """The texts of a shared file (skipping the test where it is absent): the first
    column of a .tsv, or field ``key`` of each line of a .jsonl."""
    if not path.exists():
        pytest.skip(f"needs {path} (the shared data folder is absent)")
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.suffix == ".tsv":
        return [line.split("\t")[0] for line in lines]
    return [json.loads(line)[key] for line in lines if line.strip()]


def corpora_texts() -> list[str]:
    """Every quote and every whole article of ``corpora/``."""
    from quotes.corpus.evaluate import load_gold

    docs = load_gold(CORPORA)
    return [q["text"] for doc in docs for q in doc["quotes"]] + [doc["text"] for doc in docs]


def database_before(path: Path, migrations: int):
    """An SQLite database as an older version left it: only the first
    ``migrations`` of the store's migrations applied. Returns the connection
    (autocommit), for the test to fill in old rows."""
    import sqlite3

    from quotes.corpus.store import MIGRATIONS

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, migration in MIGRATIONS[:migrations]:
        migration(conn)
        conn.execute("INSERT INTO _migrations VALUES (?, 'then')", (name,))
    return conn


def random_texts(words: list[str], count: int, seed: int) -> list[str]:
    """Made-up texts of up to 14 of ``words``: some upper-cased or capitalised, with
    marks around them and spaces or line breaks between them (seeded)."""
    rng = random.Random(seed)
    marks = ["", "", "", ",", ".", "!", "?", "!!", "'", '"', "(", ")"]
    texts = []
    for _ in range(count):
        chosen = []
        for _ in range(rng.randint(0, 14)):
            w = rng.choice(words)
            r = rng.random()
            if r < 0.15:
                w = w.upper()
            elif r < 0.2:
                w = w.capitalize()
            chosen.append(rng.choice(marks) + w + rng.choice(marks))
        texts.append(rng.choice([" ", " ", "  ", "\n"]).join(chosen))
    return texts


@pytest.fixture(autouse=True)
def _no_downloads(monkeypatch):
    """Make any NLTK or TextBlob download fail loudly: the shipped path downloads nothing."""
    def refuse(*args, **kwargs):
        raise AssertionError("the code tried to download data at run time")

    import nltk

    monkeypatch.setattr(nltk, "download", refuse)


# --- which build of quotes the tests run -----------------------------------------
# `pip install .` compiles the extraction modules with mypyc and leaves the
# extension modules beside their sources (as hatch-mypyc builds in place), where
# they shadow the .py files. CI tests that compiled build; a compiled module older
# than its source would test stale code, so the run stops and says so.

def compiled_modules() -> list[Path]:
    """The mypyc extension modules beside the package's sources."""
    package = ROOT / "quotes"
    return sorted(p for p in package.rglob("*") if p.suffix in (".so", ".pyd"))


def _stale(modules: list[Path]) -> list[str]:
    stale = []
    for ext in modules:
        source = ext.with_name(ext.name.split(".", 1)[0] + ".py")
        if source.exists() and source.stat().st_mtime > ext.stat().st_mtime:
            stale.append(str(source.relative_to(ROOT)))
    return stale


def pytest_report_header(config):
    modules = compiled_modules()
    return f"quotes build: {'mypyc, ' + str(len(modules)) + ' compiled modules' if modules else 'pure Python'}"


def pytest_sessionstart(session):
    stale = _stale(compiled_modules())
    if stale:
        pytest.exit(f"{', '.join(stale)} changed after the compiled modules were built: rebuild "
                    f"with `pip install .`, or remove them (`find quotes -name '*.so' -delete; rm -f *__mypyc*.so`) to test the "
                    f"pure-Python sources", returncode=2)

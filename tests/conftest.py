"""Shared fixtures: where ../shared is, and a guard that nothing downloads."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
# CI lays shared/ beside the clone; QUOTES_SHARED points elsewhere if needed.
SHARED = Path(os.environ.get("QUOTES_SHARED", ROOT.parent / "shared"))
POLNEAR_DEV = SHARED / "data" / "quotes" / "polnear-dev.resolved.jsonl"
SEED = SHARED / "data" / "seed"


def needs_shared(path: Path):
    """Skip a test when a file from ../shared is absent, saying which."""
    return pytest.mark.skipif(not path.exists(), reason=f"needs {path} (the shared data folder is absent)")


@pytest.fixture(autouse=True)
def _no_downloads(monkeypatch):
    """Make any NLTK or TextBlob download fail loudly: the shipped path downloads nothing."""
    def refuse(*args, **kwargs):
        raise AssertionError("the code tried to download data at run time")

    import nltk

    monkeypatch.setattr(nltk, "download", refuse)

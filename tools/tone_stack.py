"""The shared start of the tone experiments in tools/ (tone_cueless_cv.py,
tone_floors_cv.py, tone_own_failing_cv.py): the cached training stack of
``quotes.training.tone.prepare_stack`` over GoEmotions and the news train part,
with the dev part of annotation/tone and the held-out tone articles left out,
exactly as ``quotes train tone`` builds it.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.training.tone import (  # noqa: E402,F401 (news_folds, combiner_probe: the training's own, for the tools)
    HELDOUT_DOCS,
    combiner_probe,
    news_folds,
    prepare_stack,
    read_doc_list,
    split_docs,
)


def news_stack(shared: Path, train: Path, cache: Path) -> tuple[dict, list[Path], list[str]]:
    """(the stack, the news files it read, the documents it left out)."""
    tone_dir, emotions = shared / "data" / "tone", shared / "data" / "emotions"
    excluded = split_docs(ROOT / "annotation" / "tone" / "split.json") + read_doc_list(tone_dir / HELDOUT_DOCS)
    news_files = [train, tone_dir / "news-quotes-dev.jsonl"]
    files = {name: emotions / name for name in ("goemotions-train.tsv", "goemotions-dev.tsv", "emotions.txt")}
    stack = prepare_stack(files, news_files, excluded, cache, lambda m: print(m, file=sys.stderr))
    return stack, news_files, excluded

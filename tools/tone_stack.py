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

from quotes.training.tone import HELDOUT_DOCS, prepare_stack, read_doc_list, split_docs  # noqa: E402


def news_stack(shared: Path, train: Path, cache: Path) -> tuple[dict, list[Path], list[str]]:
    """(the stack, the news files it read, the documents it left out)."""
    tone_dir, emotions = shared / "data" / "tone", shared / "data" / "emotions"
    excluded = split_docs(ROOT / "annotation" / "tone" / "split.json") + read_doc_list(tone_dir / HELDOUT_DOCS)
    news_files = [train, tone_dir / "news-quotes-dev.jsonl"]
    files = {name: emotions / name for name in ("goemotions-train.tsv", "goemotions-dev.tsv", "emotions.txt")}
    stack = prepare_stack(files, news_files, excluded, cache, lambda m: print(m, file=sys.stderr))
    return stack, news_files, excluded


def news_folds(y_news, groups) -> list:
    """The grouped, stratified 5 folds over the news rows that ``quotes train tone`` uses."""
    import numpy as np
    from sklearn.model_selection import StratifiedGroupKFold

    from quotes.training.tone import FOLDS, RANDOM_STATE

    strata = y_news[:, 0] + 2 * y_news[:, 1]
    return list(StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=RANDOM_STATE)
                .split(np.zeros(len(y_news)), strata, groups))


def combiner_probe(heads, settings: dict, names: list[str]):
    """An unfitted copy of the tone heads with the combiners of ``settings`` (the card's choice)."""
    from sklearn.base import clone
    from sklearn.linear_model import LogisticRegression

    from quotes.training.tone import TONES, cueless_columns

    probe = clone(heads)
    probe.set_params(combiners=[LogisticRegression(C=settings[t]["C"], max_iter=5000) for t in TONES],
                     cueless=cueless_columns(settings, names))
    return probe

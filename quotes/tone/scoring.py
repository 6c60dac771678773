"""The tone stage: regret and shock probabilities, polarity and subjectivity of texts.

The trained classifier (built by :mod:`quotes.training.tone`, scored from its
arrays in ``models/tone.npz`` by :mod:`quotes.tone.model`) gives regret and
shock; TextBlob's pattern analyser gives polarity and subjectivity. The
pipeline calls :func:`score_texts` once per document with all its quotes.
"""
from __future__ import annotations

import functools
from collections.abc import Sequence

from quotes.records import Tone

TONE_NAME = "tone"
# Decimals kept in the output: more would only print noise of the calibration.
_DECIMALS = 4
# Distinct texts the model scores at once (a document's quotes, in turn).
_TONE_BATCH = 1024


@functools.lru_cache(maxsize=1)
def load_scorer():
    """The shipped model's arrays (``tone.npz``), loaded once per process, ready for per-document calls.

    Raises:
        ModelError: the file is missing or unreadable.
    """
    from quotes.model_arrays import arrays_path, load_arrays
    from quotes.tone.model import ToneScorer

    return ToneScorer(*load_arrays(arrays_path(TONE_NAME)))


def score_texts(texts: Sequence[str], domain: str = "news") -> list[Tone]:
    """Score the tone of each text.

    Args:
        texts: quotes (or any short texts).
        domain: ``"news"`` (quotes from news articles, the default) or
            ``"social"`` (comments such as GoEmotions' Reddit ones). Regret and
            shock are calibrated to the domain's base rates.

    Returns:
        One :class:`~quotes.records.Tone` per text, in order.

    Raises:
        ModelError: the tone model cannot be loaded.
        ValueError: an unknown ``domain``.
        TypeError: a text that is not a string.

    Example:
        >>> t = score_texts(["I made the biggest mistake of my life."])[0]
        >>> t.regret > 0.5
        True
    """
    from quotes.tone.sentiment import pattern_sentiment
    from quotes.tone.model import DOMAINS

    if domain not in DOMAINS:
        raise ValueError(f"unknown tone domain {domain!r}; expected one of {', '.join(DOMAINS)}")
    for t in texts:
        if not isinstance(t, str):
            raise TypeError(f"texts must be strings, got {type(t).__name__}")
    if not texts:
        return []
    # Each text is scored on its own (every feature and score is per row), so a
    # text that recurs (a pull quote repeats one of the body, a transcript repeats
    # "No." or "Thank you.") is scored once and its Tone (immutable) shared; and
    # the distinct texts go to the model _TONE_BATCH at a time, so the model's
    # per-text arrays stay small however many quotes a document holds (issue #14).
    first: dict[str, int] = {}
    at = [first.setdefault(t, len(first)) for t in texts]
    unique = list(first)
    del first
    scorer = load_scorer()
    scored: list[Tone] = []
    for lo in range(0, len(unique), _TONE_BATCH):
        batch = unique[lo:lo + _TONE_BATCH]
        probabilities = scorer.predict_proba(batch, domain=domain).tolist()
        for text, (regret, shock) in zip(batch, probabilities):
            polarity, subjectivity = pattern_sentiment(text)
            scored.append(Tone(regret=round(regret, _DECIMALS), shock=round(shock, _DECIMALS),
                               # + 0.0 turns TextBlob's -0.0 into 0.0: SQLite stores -0.0 as 0, so a
                               # quote would otherwise read back differently from the store and a dataset
                               polarity=round(polarity, _DECIMALS) + 0.0,
                               subjectivity=round(subjectivity, _DECIMALS)))
    return [scored[i] for i in at]

"""Tone: regret and shock probabilities, polarity and subjectivity of quotes.

- :mod:`.scoring`: :func:`score_texts`, what the pipeline calls.
- :mod:`.model`: the shipped classifier's arrays and their arithmetic.
- :mod:`.lexicon`: the regret and shock cue lexicon and its clause reading.
- :mod:`.sentiment`: TextBlob's polarity and subjectivity, through the ports.
- :mod:`.ports`: VADER and TextBlob's pattern scorer, ported for speed.
"""
from __future__ import annotations

from quotes.tone.scoring import load_scorer, score_texts

__all__ = ["load_scorer", "score_texts"]

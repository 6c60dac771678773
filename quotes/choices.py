"""The choices the library accepts, defined once: the CLI builds its options from them."""
from __future__ import annotations

# Orders of `quotes speakers` (Store.speakers' sort=).
SPEAKER_SORTS = ("quotes", "articles", "regret", "shock")
# Formats of `quotes export` (Store.export's fmt=).
EXPORT_FORMATS = ("jsonl", "csv", "parquet")
# Calibrations of the tone classifier (score_texts' domain=); the order is the
# order of the model's calibration arrays.
TONE_DOMAINS = ("social", "news")
# How `quotes analyse` starts its worker processes.
START_METHODS = ("fork", "spawn")
# Main-content extractors for HTML pages (quotes.corpus.html); the first is the default.
HTML_EXTRACTORS = ("trafilatura", "resiliparse")

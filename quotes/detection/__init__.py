"""Finding quotes: quote-mark spans and pull quotes (:mod:`.marks`), and the rule screen
that rejects titles, scare quotes and page furniture (:mod:`.screen`)."""
from __future__ import annotations

from quotes.detection.marks import find_pull_quotes, find_quotes
from quotes.detection.screen import screen

__all__ = ["find_pull_quotes", "find_quotes", "screen"]

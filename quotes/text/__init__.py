"""Reading the text: lines and tokens with offsets, proper names, and the entities they form.

The lowest stage: nothing here knows about quotes beyond the spans marked on a
:class:`ParsedDoc`.
"""
from __future__ import annotations

from quotes.text.segment import Line, Token, split_lines, tokenize
from quotes.text.parsed import ParsedDoc, token_index_near
from quotes.text.names import NameMention, find_names
from quotes.text.entities import Entity, EntityIndex

__all__ = ["Entity", "EntityIndex", "Line", "NameMention", "ParsedDoc", "Token", "find_names", "split_lines", "token_index_near", "tokenize"]

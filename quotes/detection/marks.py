"""Find quote spans: double and single marks, nesting, open paragraphs, pull quotes.

Detection only looks at quotation marks and line structure; deciding whether a
span is speech (and not a title or a scare quote) is :mod:`quotes.detection.screen`'s job.

Notes:
    The per-line reset and the apostrophe rules follow BookNLP's
    ``litbank_quote.py``: an open quote is closed at the end of its paragraph,
    and ``'s 'd 'll 've`` never open a quote.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from quotes.vocabulary import TITLES, QUOTE_MARKS
from quotes.records import QuoteSpan
from quotes.resources import first_names
from quotes.text.segment import CAPITALS, Line

# '' is the NYT archive's double quote, and ‘‘ … ’’ its typographic form (two single
# marks typed for one double, as on pages converted from typewriter quotes: “It was
# an attempt,’’ he said); each must match before the single mark. (Written as
# ''|[...] the pattern would start with a branch, and the regex engine would try
# it at every position; starting with a character set lets it skip ahead.)
_MARK: Final = re.compile(r"[\"“”‘’'„«»](?:(?<=')'|(?<=’)’|(?<=‘)‘)?")
_DOUBLE_OPEN: Final = frozenset(("“", "„", "«", "‘‘"))
_DOUBLE_CLOSE: Final = frozenset(("”", "»", "’’"))
# German and other central European quotes open low and close high: „Vivy“. A “
# that ends a word closes a quote that „ opened (a “ before a word opens one).
_LOW_OPEN: Final = "„"
_OPEN_CONTEXT: Final = frozenset("([{—–-/:;")  # a mark after these may open a quote
_CLOSE_CONTEXT: Final = frozenset(".,;:!?)]}—–-/…")  # a mark before these may close one
# Elisions that put an apostrophe where a single quote could open:
# '90s, 'em, 'til, 'cause, 'n' (rock 'n' roll), 'tis.
_ELISION: Final = re.compile(r"(?:\d\d(?:s\b|\b)|em\b|til\b|cause\b|n[’']|tis\b|twas\b|bout\b)", re.I)
_TAG: Final = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
# Nesting deeper than this is never real prose; deeper marks are ignored, which
# keeps a line of thousands of opening marks linear.
_MAX_DEPTH: Final = 3

OPEN, CLOSE, BOTH, WEAK_CLOSE = 1, 2, 3, 4


def find_quotes(text: str, lines: Sequence[Line]) -> list[QuoteSpan]:
    """Return the top-level quote spans of a document, in order.

    Args:
        text: the whole document.
        lines: its paragraphs, from :func:`quotes.text.segment.split_lines`.

    Returns:
        Spans of quoted content without their marks. Nested quotes stay inside
        their outer quote. A quote still open at the end of its paragraph is
        closed there (``closed=False``); when the next paragraph reopens it, that
        piece is marked ``continued``.
    """
    spans: list[QuoteSpan] = []
    previous_open = False
    for line in lines:
        line_spans = _scan_line(text, line)
        if line_spans and previous_open and line_spans[0].mark_start == line.start:
            first = line_spans[0]
            line_spans[0] = QuoteSpan(first.start, first.end, first.mark_start, first.mark_end,
                                      first.kind, first.closed, True, first.line)
        previous_open = bool(line_spans) and not line_spans[-1].closed
        spans.extend(line_spans)
    return spans


def _classify(text: str, i: int, mark: str, lo: int, hi: int) -> tuple[str, int]:
    """Return (family, role) of the mark at ``i``: family "d"/"s", role OPEN/CLOSE/..."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + len(mark)] if i + len(mark) < hi else " "
    left = not nxt.isspace() and (prev.isspace() or prev in _OPEN_CONTEXT or prev in QUOTE_MARKS)
    right = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_CONTEXT or nxt in QUOTE_MARKS)
    if mark in _DOUBLE_OPEN:
        return "d", OPEN
    if mark in _DOUBLE_CLOSE:
        return "d", OPEN if (left and not right) else CLOSE
    if mark in ('"', "''"):
        if mark == '"' and prev.isdigit() and not left and not right:
            return "d", 0  # a unit mark (inches, seconds) between a number and a sign: a 70"+ TV
        if left and not right:
            return "d", OPEN
        if right and not left:
            return "d", CLOSE
        return "d", BOTH
    # Single marks: apostrophes first.
    if prev.isalnum() and nxt.isalnum():
        return "s", 0  # don't, Blunt's, O'Neill
    if left and _ELISION.match(text, i + 1, hi):
        return "s", 0  # '90s, 'em, rock 'n' roll
    if prev in "nN" and i >= 2 and text[i - 2] in "’'‘" and (nxt.isspace() or nxt in _CLOSE_CONTEXT):
        return "s", 0  # the closing mark of 'n'
    if mark == "‘":
        return "s", OPEN if not right else 0
    if left and not right:
        return "s", OPEN
    if right and not left:
        # "the Joneses' house": a possessive plural looks like a closing mark.
        if prev in "sS" and nxt == " " and i + 2 < hi and text[i + 2].isalpha():
            return "s", WEAK_CLOSE
        return "s", CLOSE
    return "s", 0


def _scan_line(text: str, line: Line) -> list[QuoteSpan]:
    """Return the top-level quote spans of one paragraph."""
    lo, hi = line.start, line.end
    found: list[QuoteSpan] = []
    events: list[tuple[int, int, str, int]] = []  # (start, end, family, role)
    # Marks inside markup (<tweet author="@x">) delimit attribute values, not speech.
    tags = [m.span() for m in _TAG.finditer(text, lo, hi)] if text.find("<", lo, hi) >= 0 else []
    t = 0
    for m in _MARK.finditer(text, lo, hi):
        ms, me = m.span()  # one call: each method call on a match object is costly
        while t < len(tags) and tags[t][1] <= ms:
            t += 1
        if t < len(tags) and tags[t][0] <= ms:
            continue
        family, role = _classify(text, ms, text[ms:me], lo, hi)
        if role:
            events.append((ms, me, family, role))
    if not events:
        return found
    # For each event: is there a strong single closer later, before the next
    # single opener? (decides whether a possessive-looking mark closes a quote).
    # And is there any single closer later at all? (a lone opener is an apostrophe).
    n = len(events)
    strong_ahead = [False] * (n + 1)
    close_ahead = [False] * (n + 1)
    for k in range(n - 1, -1, -1):
        _, _, fam, role = events[k]
        strong_ahead[k] = strong_ahead[k + 1]
        close_ahead[k] = close_ahead[k + 1]
        if fam == "s":
            if role == CLOSE:
                strong_ahead[k] = close_ahead[k] = True
            elif role == WEAK_CLOSE:
                close_ahead[k] = True
            elif role == OPEN:
                strong_ahead[k] = False
    stack: list[tuple[str, int, int]] = []  # (family, mark start, content start)
    continues_at = -1  # mark start of an opener that continues the quote before it
    for k, (s, e, fam, role) in enumerate(events):
        top = stack[-1][0] if stack else None
        if fam == "d":
            if role == OPEN and top == "d" and text[stack[-1][1]] == _LOW_OPEN and text[s] == "“" \
                    and s > lo and not text[s - 1].isspace():
                role = CLOSE  # „Vivy“: the high mark after a word closes the low one
            if role == OPEN and len(stack) == 1 and top == "d" and _after_sentence_end(text, s, lo):
                # English nests quotes by alternating double and single marks, so a
                # double opener after a finished sentence inside an open double quote
                # opens the next paragraph of a multi-paragraph quote whose paragraph
                # break the text lost (`... anymore. "I was once ...`, as in flattened
                # BBC articles): the open piece ends before it, unclosed, and the new
                # piece continues it.
                _, ms, cs = stack.pop()
                span = _make_span(text, cs, s, ms, s, "double", False, line.index, ms == continues_at)
                if span:
                    found.append(span)
                stack.append(("d", s, e))
                continues_at = s
            elif role == CLOSE or (role == BOTH and "d" in (f for f, _, _ in stack)):
                while stack and stack[-1][0] != "d":
                    stack.pop()  # an unclosed single inside is an apostrophe
                if stack:
                    _, ms, cs = stack.pop()
                    if not stack:
                        span = _make_span(text, cs, s, ms, e, "double", True, line.index,
                                          ms == continues_at)
                        if span:
                            found.append(span)
            elif len(stack) < _MAX_DEPTH and role in (OPEN, BOTH):
                stack.append(("d", s, e))
        else:
            if role == OPEN:
                # A single opener needs a closer later in the line, except at the
                # start of a paragraph (an open multi-paragraph UK-style quote)
                # or after a colon (Mrs Keane said: 'We've saved … never closed).
                if len(stack) < _MAX_DEPTH and (close_ahead[k + 1] or (not stack and (
                        s == lo or text[max(lo, s - 2):s].rstrip().endswith(":")))):
                    stack.append(("s", s, e))
            elif top == "s" and (role == CLOSE or not strong_ahead[k + 1]):
                _, ms, cs = stack.pop()
                if not stack:
                    span = _make_span(text, cs, s, ms, e, "single", True, line.index)
                    if span:
                        found.append(span)
    if stack:
        family, ms, cs = stack[0]
        span = _make_span(text, cs, hi, ms, hi, "double" if family == "d" else "single",
                          False, line.index, ms == continues_at)
        if span:
            found.append(span)
    return found


def _after_sentence_end(text: str, i: int, lo: int) -> bool:
    """Whether the mark at ``i`` follows a space after a sentence's final punctuation."""
    j = i
    while j > lo and text[j - 1] in " \t":
        j -= 1
    return lo < j < i and text[j - 1] in ".!?…"


def _make_span(text: str, start: int, end: int, mark_start: int, mark_end: int,
               kind: str, closed: bool, line: int, continued: bool = False) -> QuoteSpan | None:
    """Trim spaces inside the marks; return None for an empty span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    return QuoteSpan(start, end, mark_start, mark_end, kind, closed, continued, line)


_FIRST_PERSON: Final = re.compile(r"\b(I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|we|our|us|you)\b", re.I)
_NAME_LINE: Final = re.compile(r"^(?:[%s][\w’'.-]*\.?\s+){0,3}[%s][\w’'.-]*$" % (CAPITALS, CAPITALS))


def find_pull_quotes(text: str, lines: Sequence[Line], spans: Sequence[QuoteSpan]) -> list[QuoteSpan]:
    """Return pull-quote lines: quote text without marks, the speaker's name below.

    BBC-style pages set a quote apart as a line of its own followed by a line
    holding only the speaker's name, the pair standing alone between blank
    lines. The text line must read as speech: first or second person, or a
    repeat of words quoted elsewhere in the article.

    Args:
        text: the whole document.
        lines: its paragraphs.
        spans: the marked quotes already found (a pull quote never overlaps one).
    """
    marked = {span.line for span in spans}
    quoted_texts = [text[s.start:s.end] for s in spans]
    found: list[QuoteSpan] = []
    for k in range(len(lines) - 1):
        body, name = lines[k], lines[k + 1]
        if k in marked or k + 1 in marked:
            continue
        # the pair stands alone: blank line before the body and after the name
        if text.count("\n", lines[k - 1].end if k else 0, body.start) < (2 if k else 0):
            continue
        if text.count("\n", body.end, name.start) != 1:
            continue
        after = lines[k + 2].start if k + 2 < len(lines) else len(text)
        if k + 2 < len(lines) and text.count("\n", name.end, after) < 2:
            continue
        name_text = text[name.start:name.end]
        if not _NAME_LINE.match(name_text) or len(name_text.split()) < 2:
            continue
        body_text = text[body.start:body.end]
        if len(body_text.split()) < 5 or body_text[-1:] in ":":
            continue
        core = body_text.rstrip(".!?\"”’ ")
        # speech-like: first or second person, a repeat of a quote, or credited
        # to a line that starts with a known first name or a title
        credited = name_text.split()[0].rstrip(".").lower()
        if not (_FIRST_PERSON.search(body_text) or any(core in q for q in quoted_texts)
                or credited in first_names() or credited in TITLES):
            continue
        found.append(QuoteSpan(body.start, body.end, body.start, body.end, "pull", True, False, k))
    return found

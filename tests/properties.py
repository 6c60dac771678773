"""What must hold of ``quotes.extract`` on any text, and the pieces random texts
are built from: shared by the Hypothesis suite (tests/test_properties.py) and the
longer fuzz run (benchmarks/fuzz.py). Imports nothing outside the package."""
from __future__ import annotations

import math
import random
import time

import quotes
from quotes.vocabulary import QUOTE_MARKS, REPORTING_VERBS

# Every mark the detector reads, and a few look-alikes it does not.
MARKS = sorted(QUOTE_MARKS) + ["‹", "›", "「", "」", "`", "``", "''", "\"\"", "“”"]
NAMES = ["Émile Zola", "Anna Ørsted", "Łukasz Nowak", "Zoë Ångström", "Çağlar Şahin", "Žofie Novák",
         "John Smith", "Ann Lee", "Mr. Ørsted", "Dr. Ana Ñúñez", "ÉTAT", "İlkay", "ǅemal", "O'Neill",
         "Sen. Elizabeth Warren", "the minister", "a spokesman", "Zola", "Smith"]
VERBS = sorted(REPORTING_VERBS)[:60] + ["said", "says", "told reporters", "added", "asked"]
PRONOUNS = ["he", "she", "they", "it", "He", "She", "They", "It", "I", "we", "We", "his", "her"]
WORDS = ["the", "a", "We", "will", "win", "it", "was", "hard", "love", "on", "Monday", "of", "and",
         "not", "in", "Paris", "government", "Élite", "Über", "so-called", "U.S.", "that", "is"]
PUNCT = [".", ",", ":", ";", "!", "?", "—", "–", "-", "(", ")", "[", "]", "…", "...", "'s", "’s", "/", "&"]
SPACES = [" ", " ", " ", "\n", "\r\n", "\n\n", "\t", "\r", "\xa0", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"]
CONTROLS = [chr(c) for c in range(0x00, 0x20)] + ["\x7f", "\u200b", "\ufeff", "\u202e"]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\ud83d", "\ud83d\ude00"]
ODD = ["😀", "日本", "ß", "ﬁ", "Ⅻ", "½", "\u0301", "e\u0301", "İ", "ı", "ſ", "K", "\ufffd", "_", "0", "42"]
GROUPS = [MARKS, NAMES, VERBS, PRONOUNS, WORDS, PUNCT, SPACES, CONTROLS, SURROGATES, ODD]
# The first few groups make text that reads a bit like news; pick them more often.
GROUP_WEIGHTS = [6, 4, 4, 3, 8, 4, 6, 1, 1, 1]

# A generous bound on time, to catch blow-ups (quadratic or worse) without
# flakiness: 100 ms per 1,000 characters, and never less than 250 ms. The densest
# linear case, a quote every 27 characters each with 80 candidates, takes about
# 60 ms per 1,000 uncompiled; the quadratic cases fixed in #14 took 360 ms per
# 1,000 at 30,000 characters, and more the longer the line.
MS_PER_KB = 100.0
MIN_SECONDS = 0.25


def time_bound(text: str) -> float:
    return max(MIN_SECONDS, MS_PER_KB / 1000 * len(text) / 1000)


def random_text(rng: random.Random, max_pieces: int = 80, long_line: float = 0.05) -> str:
    """A random text of quote marks, names, verbs, words and odd characters;
    now and then one very long line (a stretch repeated hundreds of times)."""
    pieces = []
    for _ in range(rng.randint(0, max_pieces)):
        group = rng.choices(GROUPS, GROUP_WEIGHTS)[0]
        pieces.append(rng.choice(group))
        if rng.random() < 0.6:
            pieces.append(" ")
    if rng.random() < 0.05:
        pieces.append("".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(1, 20))))
    text = "".join(pieces)
    if rng.random() < long_line:
        text = (text.replace("\n", " ") + " ") * rng.randint(50, 400)
    return text


def warm_up() -> None:
    """Load the models, so the first timed text pays no start-up."""
    quotes.extract('"We will win," said Émile Zola. He added: "It was hard."')


def check(text: str) -> tuple[list[str], float]:
    """Run ``quotes.extract`` on ``text``: (what went wrong, CPU seconds it took).

    CPU time of this process, not wall time: other processes on a busy CI
    machine slow the wall clock, not the work done."""
    start = time.process_time()
    try:
        records = quotes.extract(text)
    except Exception as exc:  # noqa: BLE001 - the property is that nothing is raised
        return [f"raised {type(exc).__name__}: {exc}"], time.process_time() - start
    elapsed = time.process_time() - start
    problems = []
    n = len(text)
    for i, r in enumerate(records):
        where = f"record {i}"
        if not (0 <= r.start <= r.end <= n):
            problems.append(f"{where}: offsets {r.start}..{r.end} outside 0..{n}")
        elif text[r.start:r.end] != r.text:
            problems.append(f"{where}: text[{r.start}:{r.end}] != record text")
        if (r.speaker_start is None) != (r.speaker_end is None):
            problems.append(f"{where}: one speaker offset set without the other")
        if r.speaker_mention is not None:
            s, e = r.speaker_start, r.speaker_end
            if s is None or e is None or not (0 <= s <= e <= n):
                problems.append(f"{where}: speaker offsets {s}..{e} outside 0..{n}")
            elif text[s:e] != r.speaker_mention:
                problems.append(f"{where}: text[{s}:{e}] != speaker_mention")
        elif r.speaker_start is not None:
            problems.append(f"{where}: speaker offsets without a mention")
        if not _within(r.confidence, 0.0, 1.0):
            problems.append(f"{where}: confidence {r.confidence}")
        if r.tone is not None:
            t = r.tone
            for name, value, lo in (("regret", t.regret, 0.0), ("shock", t.shock, 0.0),
                                    ("polarity", t.polarity, -1.0), ("subjectivity", t.subjectivity, 0.0)):
                if not _within(value, lo, 1.0):
                    problems.append(f"{where}: tone {name} {value}")
    if elapsed > time_bound(text):
        problems.append(f"took {elapsed * 1000:.0f} ms for {n} characters "
                        f"(bound {time_bound(text) * 1000:.0f} ms)")
    return problems, elapsed


def _within(value: float, lo: float, hi: float) -> bool:
    return isinstance(value, (int, float)) and not math.isnan(value) and lo <= value <= hi

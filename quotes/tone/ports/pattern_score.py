"""TextBlob's pattern sentiment score of a text (``Sentiment.__call__`` of textblob 0.20), compiled.

After the tokenizer (:mod:`quotes.tone.ports.pattern_tokens`), TextBlob's scorer walks the
words of a text in pure Python: a dictionary of per-chunk dictionaries, one per
known word, then two averages. This module is that walk for a plain string, step
for step, in a module the compiled build turns into C; the lexicon, negations,
modifiers and emoticons are TextBlob's own, handed over by
:mod:`quotes.tone.sentiment`. ``tests/test_pattern_score.py`` checks that it
gives TextBlob's numbers, to the bit, on thousands of comments, news quotes and
made-up texts.

Kept as TextBlob does it (its oddities included):
    - a word counts only when the lexicon has it; unknown words do not lower the average;
    - a known adverb (a word with an "RB" sense) modifies the next known word, which
      takes the adverb's place: its scores times the adverb's intensity, clipped
      to [-1, 1];
    - a negation ("not", "never", ...) before a known word inverts the intensity that
      word passes on and halves its polarity with the sign flipped, at the end;
    - "!" after a scored word multiplies its polarity by 1.25 (clipped);
    - the emoticon test is skipped for words found *inside* TextBlob's punctuation
      string (a substring test there, so "()" is skipped too).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence


class _Chunk:
    """One assessment: a known word, with the modifier or negation before it."""

    __slots__ = ("p", "s", "i", "negated")

    def __init__(self, p: float, s: float, i: float) -> None:
        self.p = p
        self.s = s
        self.i = i
        self.negated = False


class PatternScore:
    """``(polarity, subjectivity)`` of a string, as ``textblob.en.sentiment(text)`` gives it.

    Args:
        senses: the loaded lexicon: word -> {part-of-speech tag or None: (polarity,
            subjectivity, intensity)}; strings carry no tags, so only the None sense is read.
        tokenizer: the scorer's tokenizer (its sentences, each a space-separated string).
        negations: words that negate the next known word.
        modifiers: tags of the senses that make a word a modifier ("RB").
        modifier_suffix: the ending that lets a modifier stand before a negation ("-ly").
        emoticons: TextBlob's ``EMOTICONS`` ({(name, polarity): {emoticon, ...}}).
        punctuation: TextBlob's ``PUNCTUATION`` string.
    """

    def __init__(self, senses: Mapping[str, Mapping[str | None, Sequence[float]]],
                 tokenizer: Callable[[str], list[str]], negations: Iterable[str], modifiers: Iterable[str],
                 modifier_suffix: str, emoticons: Mapping[tuple[str, float], Iterable[str]],
                 punctuation: str) -> None:
        modifier_tags = tuple(modifiers)
        # Per word: its None sense (polarity, subjectivity, intensity), and whether
        # any of its senses is a modifier's.
        self.known: dict[str, tuple[float, float, float]] = {}
        self.modifying: set[str] = set()
        for word, tags in senses.items():
            if None in tags:
                p, s, i = tags[None]
                self.known[word] = (float(p), float(s), float(i))
            if any(tag in tags for tag in modifier_tags):
                self.modifying.add(word)
        self.tokenizer = tokenizer
        self.negations: frozenset[str] = frozenset(negations)
        self.suffix = modifier_suffix
        # The first group (in TextBlob's order) whose lower-cased emoticons hold a word.
        self.emoticons: dict[str, float] = {}
        for (_, polarity), faces in emoticons.items():
            for face in faces:
                self.emoticons.setdefault(face.lower(), float(polarity))
        self.punctuation = punctuation

    def __call__(self, text: str) -> tuple[float, float]:
        words = [w.lower() for w in " ".join(self.tokenizer(text)).split()]
        chunks = self._assess(words)
        polarity = 0.0
        subjectivity = 0.0
        for c in chunks:
            polarity += c.p * -0.5 if c.negated else c.p
            subjectivity += c.s
        n = float(len(chunks) or 1)
        return polarity / n, subjectivity / n

    def _assess(self, words: list[str]) -> list[_Chunk]:
        """``Sentiment.assessments`` of lower-cased words without tags."""
        known, negations = self.known, self.negations
        a: list[_Chunk] = []
        modifier = ""  # the preceding modifier ("" for none)
        negation = ""  # the preceding negation ("" for none)
        for w in words:
            sense = known.get(w)
            if sense is not None:
                p, s, i = sense
                if not modifier:
                    a.append(_Chunk(p, s, i))
                else:  # "really good": the chunk of "really" becomes "really good"
                    last = a[-1]
                    last.p = max(-1.0, min(p * last.i, 1.0))
                    last.s = max(-1.0, min(s * last.i, 1.0))
                    last.i = i
                if negation:  # "not (really) good"
                    last = a[-1]
                    last.i = 1.0 / last.i
                    last.negated = True
                modifier = w if w in self.modifying else ""
                negation = w if w in negations else ""
                continue
            if w in negations:
                negation = w
            elif negation and len(w.strip("'")) > 1:  # negation holds across small words ("not a good")
                negation = ""
            if negation and modifier and modifier.endswith(self.suffix):
                # "really not good": the negation joins the modifier's chunk.
                # (TextBlob also tests the word's tag, which a string never has.)
                a[-1].negated = True
                negation = ""
            elif modifier and len(w) > 2:  # a modifier holds across small words ("really is a good")
                modifier = ""
            if w == "!" and a:
                last = a[-1]
                last.p = max(-1.0, min(last.p * 1.25, 1.0))
            if w == "(!)":  # sarcasm
                a.append(_Chunk(0.0, 1.0, 1.0))
            if not w.isalpha() and len(w) <= 5 and w not in self.punctuation:
                polarity = self.emoticons.get(w)
                if polarity is not None:
                    a.append(_Chunk(polarity, 1.0, 1.0))
        return a

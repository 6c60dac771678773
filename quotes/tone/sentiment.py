"""TextBlob's pattern sentiment (polarity, subjectivity), without importing the textblob package.

``import textblob`` imports nltk, which imports scipy.stats: about two seconds
before the first quote is scored. The scorer itself lives in ``textblob/_text.py``,
which needs only the standard library, with its lexicon ``en/en-sentiment.xml``
beside it. This module loads that one file from the installed (pinned) textblob
and builds the scorer exactly as ``textblob.en`` does, then scores with compiled
ports of its tokenizer (:mod:`quotes.tone.ports.pattern_tokens`) and of its walk over the
words (:mod:`quotes.tone.ports.pattern_score`) over that scorer's own lexicon;
``tests/test_tone.py`` and ``tests/test_pattern_score.py`` check that the numbers
are TextBlob's.
"""
from __future__ import annotations

import functools
import importlib.util
import sys

from quotes.tone.ports.pattern_score import PatternScore
from quotes.tone.ports.pattern_tokens import PatternTokenizer
from quotes.resources import textblob_folder

_MODULE_NAME = "quotes._textblob_text"


@functools.lru_cache(maxsize=1)
def _scorer():
    folder = textblob_folder()
    spec = importlib.util.spec_from_file_location(_MODULE_NAME, folder / "_text.py")
    text = importlib.util.module_from_spec(spec)
    sys.modules[_MODULE_NAME] = text
    spec.loader.exec_module(text)
    # The arguments of ``textblob.en.sentiment`` (textblob 0.20); its tokenizer
    # is the English parser's find_tokens (which uses no lexicon), here in its
    # compiled form (see quotes.tone.ports.pattern_tokens).
    scorer = _english_sentiment(text.Sentiment)(
        path=str(folder / "en" / "en-sentiment.xml"),
        synset="wordnet_id",
        negations=_NEGATIONS,
        modifiers=_MODIFIERS,
        modifier=lambda w: w.endswith(_MODIFIER_SUFFIX),
        tokenizer=PatternTokenizer(text),
        language="en",
    )
    scorer.load()  # now: the compiled walk (below) reads the loaded lexicon
    return scorer


# The arguments textblob.en gives its English scorer (textblob 0.20).
_NEGATIONS = ("no", "not", "n't", "never")
_MODIFIERS = ("RB",)
_MODIFIER_SUFFIX = "ly"


@functools.lru_cache(maxsize=1)
def _compiled_scorer() -> PatternScore:
    """The scorer's walk over a string's words, compiled (:mod:`quotes.tone.ports.pattern_score`),
    over the same lexicon, tokenizer and word lists."""
    scorer = _scorer()
    text = sys.modules[_MODULE_NAME]
    return PatternScore(dict(dict.items(scorer)), scorer.tokenizer, _NEGATIONS, _MODIFIERS,
                        _MODIFIER_SUFFIX, text.EMOTICONS, text.PUNCTUATION)


def _english_sentiment(base: type) -> type:
    """``textblob.en.Sentiment``: the base scorer, plus "-ly" adverbs of its adjectives."""

    class EnglishSentiment(base):
        def load(self, path=None):
            base.load(self, path)
            if path:
                return
            # Each adjective also scores as its adverb ("terrible" -> "terribly"),
            # spelt as textblob.en spells it.
            for word, tags in list(dict.items(self)):
                if "JJ" in tags:
                    stem = word[:-1] + "i" if word.endswith("y") else word
                    stem = stem[:-2] if stem.endswith("le") else stem
                    polarity, subjectivity, intensity = tags["JJ"]
                    self.annotate(stem + "ly", "RB", polarity, subjectivity, intensity)

    return EnglishSentiment


# Small on purpose: the cache is there so that a document's quotes are scored
# once (see below), not to remember a corpus; with a large one, a benchmark
# that runs over the same articles twice would time look-ups, not scoring.
@functools.lru_cache(maxsize=256)
def pattern_sentiment(text: str) -> tuple[float, float]:
    """TextBlob PatternAnalyzer polarity in [-1, 1] and subjectivity in [0, 1].

    Cached, because the tone stage reports these values and the classifier
    uses them as features for the same quotes.

    Args:
        text: any text.

    Returns:
        ``(polarity, subjectivity)``.
    """
    polarity, subjectivity = _compiled_scorer()(text)
    return float(polarity), float(subjectivity)

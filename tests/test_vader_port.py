"""The compiled port of VADER gives VADER's four scores, to the last bit, on every text."""
from __future__ import annotations

import importlib.metadata

import pytest

from .conftest import SHARED_TEXTS, corpora_texts, random_texts, shared_texts

# Texts made to take each branch of polarity_scores.
BRANCHES = [
    "", " ", "   \t\n ", "!!!", "???", "?", "??", "!?!?!?!?", "Great!!!", "Great!!!!!!", "Great??", "Bad???",
    "Terrible?????", "Good! Bad? Fine?!",
    # emoji (before, after and between words, adjacent, multi-character keys) and emoticons
    "I love it 😁", "😁great", "great😁😁 day", "💘 and 💋 and 😁", "☺️ fine ☹️", "👶🏻 baby", "🔛 go",
    "Make sure you :) or :D today!", ":( :-( :'( <3 </3 ;) xD", "(:", "...", "-- --",
    # ALL CAPS among lower case, all caps everywhere, caps boosters
    "VADER is VERY SMART, handsome, and FUNNY.", "VERY GOOD DAY", "Today SUX!", "It is VERY good",
    "NO GOOD at all", "That is so BAD, REALLY bad", "THE BOMB is here", "I", "OK ok",
    # "but"
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "good good but bad bad", "but good", "good but", "BUT it was great", "nice, nice but nice nice but ugly",
    "hate it but love it but hate hate", "ok but ok ok good bad good",
    "fav but dream",  # "dream" (1.0) equals "fav" halved: VADER halves "fav" again and leaves "dream"
    # "least"
    "At least it isn't a horrible book.", "one of the least compelling", "very least good",
    "least good", "the least bad", "at least great",
    # "never so", "never this", "so"/"this" before a word, "without doubt"
    "Sentiment analysis has never been good.", "Sentiment analysis has never been this good!",
    "never so good", "never this bad", "it was never so very good", "not so good", "this is so good",
    "Without a doubt, excellent idea.", "Without a doubt, an excellent idea.", "without doubt good",
    "without doubt, an excellent idea",
    # "kind of", "sort of", boosters and dampeners, near and far
    "The book was only kind of good.", "kind of", "it is kind", "kind of bad", "sort of good", "kinda good",
    "I really really like it", "extremely very good", "barely good at all", "hardly bad", "just enough good",
    "most utterly good", "absolutely not bad", "Not very good", "Very much not good",
    # negations, "n't" forms, "no"
    "VADER is not smart, handsome, nor funny.", "isn't good", "wasn't bad", "didn't really like it",
    "I don't think it's good", "never good", "nope, happy", "no", "no good", "no no", "no problem",
    "no, or love", "no one or nor good", "no love or hate", "no good no bad", "It ain't no good",
    "Cannot be happy", "uh-uh, nice", "shan't be happy", "won't smile", "wont smile", "despite good reviews",
    "rarely happy", "seldom good ever", "nothing good", "n't good", "can't", "NOT good", "Not bad at all",
    # idioms with lexicon words, before and after
    "With VADER, sentiment analysis is the shit!", "the bomb", "this party is the bomb", "it is the bomb",
    "it's the bomb dude", "On the other hand, VADER is quite bad ass", "VADER is such a badass!",
    "yeah right", "oh yeah right sure", "the kiss of death", "he got the kiss of death today", "a kiss of death here", "food to die for",
    "beating heart", "my beating heart", "a good bus stop", "the bus stop was nice",
    # sentiment-laden idioms without lexicon words (VADER does not score them)
    "He can't cut the mustard", "under the weather", "break a leg!", "we are in the red", "upper hand",
    # punctuation stripping and emoticon keeping
    "'good'", '"great!"', "(happy)", "...sad...", "good.", ":)", "a:)", "x-(", "ab", "ok!", "!ok!", "#love",
    "@hate", "lol", "LOL lol", "good,bad", "good\u00a0bad", "non-ascii: très bien, ΣΟΦΊΑ good ΑΣ",
    "\u212a good", "İstanbul is lovely", "ǅ Nice",
]

# Words for random texts: every kind of word VADER treats apart, with marks and cases.
_WORDS = [
    "good", "bad", "love", "hate", "great", "horrible", "happy", "sad", "nice", "ugly", "ok", "no", "not",
    "never", "so", "this", "without", "doubt", "but", "least", "at", "very", "kind", "of", "sort", "kinda",
    "really", "extremely", "barely", "hardly", "isn't", "don't", "can't", "nor", "or", "the", "shit", "bomb",
    "bad", "ass", "yeah", "right", "kiss", "death", "to", "die", "for", "bus", "stop", "beating", "heart",
    "just", "enough", "a", "it", "is", "was", "I", "he", "cut", "mustard", ":)", ":(", "<3", "😁", "💔",
    "lol", "sux", "uber", "friggin", "nope", "despite", "most", "less", "little", "!", "?", "...",
]





def _vader_analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _assert_same(texts):
    """Equal reprs: the same floats to the last bit, signed zeros included."""
    from quotes.tone.lexicon import vader_scores

    analyzer = _vader_analyzer()
    for text in texts:
        s = analyzer.polarity_scores(text)
        expected = (s["neg"], s["neu"], s["pos"], s["compound"])
        got = vader_scores(text)
        assert all(type(v) is float for v in got), text
        assert repr(got) == repr(expected), text


def test_the_port_is_of_the_pinned_vader():
    from quotes.tone.lexicon import _vader
    from quotes.tone.ports.vader import VADER_VERSION

    assert importlib.metadata.version("vaderSentiment") == VADER_VERSION
    assert type(_vader()).__name__ == "VaderPort"


def test_made_up_texts_score_as_vader_scores_them():
    _assert_same(BRANCHES)


def test_random_texts_score_as_vader_scores_them():
    _assert_same(random_texts(_WORDS, 5000, seed=20261129))


def test_corpora_quotes_score_as_vader_scores_them():
    texts = corpora_texts()
    assert len(texts) > 100
    _assert_same(texts)


@pytest.mark.parametrize("path,key", SHARED_TEXTS)
def test_shared_texts_score_as_vader_scores_them(path, key):
    texts = shared_texts(path, key)
    assert len(texts) > 50
    _assert_same(texts)

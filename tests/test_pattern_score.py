"""The compiled walk of TextBlob's pattern scorer gives TextBlob's polarity and subjectivity, to the bit."""
from __future__ import annotations

import pytest

from .conftest import SHARED_TEXTS, corpora_texts, random_texts, shared_texts

# Texts made to take each branch of Sentiment.assessments: modifiers before known
# words (near, across small words, cut by longer ones), negations (before known and
# small words, after "-ly" modifiers and after other modifiers), "!" boosts,
# the sarcasm mark, emoticons (in each group, and marks that are substrings of
# TextBlob's punctuation string), unknown words only, and nothing at all.
BRANCHES = [
    "", " ", "!", "...", "unknownword", "a b c",
    "good", "very good", "really good", "very very good", "extremely bad", "really is a good day",
    "really is the good day", "very mostly good", "good good good", "terribly sad", "horribly late train",
    "not good", "not a good day", "not the good day", "not very good", "never really bad", "no good at all",
    "n't good", "isn't good", "really not good", "very not good", "really a not good", "definitely never bad",
    "not not good", "good not", "not", "really", "really not", "not really",
    "good!", "good!!!", "bad!", "very good!!", "! good", "terrible !", "wow!",
    "Great idea (!) really", "sure ( ! ) fine", "(!)", "good (!)",
    "I love it :)", ":-) :D ;) <3 :( :'( xD XD :o :O :/ :-S >.> °o°", "so sad :'''( today", "very :) good", "not :( good",
    "() [] {} !? ?! :: a:b", "xd xD Xd", "=) =] :] :} :> :3 8) 8-)", "It is ♥",
    "It was terribly sad.", "An awful, awful day!", "Not good at all.", "I'm very happy :)",
    "He's not unkind.", "Simply incredible", "The so-called 'best' plan", "Really?! Not bad... really not bad!",
    "EXTREMELY GOOD", "Very Bad Idea", "f*cking great", "overboard happy",
]

# Words for random texts: known adjectives and adverbs, modifiers with and
# without "-ly", negations, small and long unknown words, marks and emoticons.
_WORDS = [
    "good", "bad", "great", "terrible", "happy", "sad", "awful", "nice", "late", "best", "worst", "sure",
    "very", "really", "extremely", "much", "real", "terribly", "absolutely", "so", "too", "definitely",
    "not", "no", "never", "n't", "don't", "isn't", "a", "the", "is", "it", "of", "an", "I", "we", "day",
    "idea", "because", "government", "!", "?", "(!)", ":)", ":(", "xD", ":o", "<3", "()", "...", "'",
]




def _assert_same(texts):
    """Equal reprs: the same floats to the last bit, signed zeros included."""
    pytest.importorskip("textblob")
    from textblob.en import sentiment  # the package's own scorer

    from quotes.tone.sentiment import _compiled_scorer

    ours = _compiled_scorer()
    for text in texts:
        got = ours(text)
        assert all(type(v) is float for v in got), text
        assert repr(got) == repr(tuple(map(float, sentiment(text)))), text


def test_the_scorer_is_the_compiled_walk():
    from quotes.tone.sentiment import _compiled_scorer, pattern_sentiment

    assert type(_compiled_scorer()).__name__ == "PatternScore"
    pattern_sentiment.cache_clear()
    assert pattern_sentiment("Not very good!") == _compiled_scorer()("Not very good!")


def test_made_up_texts_score_as_textblob_scores_them():
    _assert_same(BRANCHES)


def test_random_texts_score_as_textblob_scores_them():
    _assert_same(random_texts(_WORDS, 5000, seed=20261129))


def test_corpora_texts_score_as_textblob_scores_them():
    texts = corpora_texts()
    assert len(texts) > 100
    _assert_same(texts)


@pytest.mark.parametrize("path,key", SHARED_TEXTS)
def test_shared_texts_score_as_textblob_scores_them(path, key):
    texts = shared_texts(path, key)
    assert len(texts) > 50
    _assert_same(texts)

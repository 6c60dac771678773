"""The compiled port of TextBlob's tokenizer splits every text as TextBlob does."""
from __future__ import annotations


import pytest

from .conftest import CORPORA, SHARED_TEXTS, shared_texts

# Texts made to take each branch: contractions, curly and straight quotes, leading
# and trailing marks, ellipses, abbreviations and initials, balanced and unbalanced
# quotes after a full stop, line breaks, sarcasm marks and emoticons.
BRANCHES = [
    "", " ", "I can't, won't and shouldn't've.", "She'd say: “Don't!” and he’d laugh.",
    "((Really?!))", "Wait... what...?", "Mr. Smith met Dr. J. Doe in the U.S. on Jan. 5.",
    "e.g. this, i.e. that, etc.", 'He said "Stop." Then left.', "'Quoted.' Then 'more'", "Odd \"quote.",
    "First line\n\nSecond line\r\n\r\nThird", "Great idea ( ! ) really", "I love it :-) : ) ;) <3 :D",
    "...leading dots", "trailing dots....", "A.B.C. and x.y.", "(see page 4.)", "!!!", "?!?!",
    "U.S.-made goods.", "mid-sentence... and on", "‘Single’ curly ‘quotes.’", "#hashtag @user $5 & more*",
    "End-of-sentence END-OF-SENTENCE literal.", "tabs\tand\u00a0spaces  here .",
]



def _textblob_find_tokens():
    from textblob.en import sentiment  # the package's own scorer, with its own tokenizer

    return sentiment.tokenizer


def _ours():
    from quotes.tone.sentiment import _scorer

    return _scorer().tokenizer


def test_made_up_texts_split_as_textblob_splits_them():
    theirs, ours = _textblob_find_tokens(), _ours()
    assert type(ours).__name__ == "PatternTokenizer"
    for text in BRANCHES:
        assert ours(text) == theirs(text), text


def test_corpora_quotes_split_as_textblob_splits_them():
    from quotes.corpus.evaluate import load_gold

    theirs, ours = _textblob_find_tokens(), _ours()
    texts = [q["text"] for doc in load_gold(CORPORA) for q in doc["quotes"]]
    texts += [doc["text"] for doc in load_gold(CORPORA)]  # whole articles: many sentences and marks
    assert len(texts) > 100
    assert [ours(t) for t in texts] == [theirs(t) for t in texts]


@pytest.mark.parametrize("path,key", SHARED_TEXTS)
def test_shared_texts_split_as_textblob_splits_them(path, key):
    pytest.importorskip("textblob")
    theirs, ours = _textblob_find_tokens(), _ours()
    texts = shared_texts(path, key)
    assert len(texts) > 50
    for text in texts:
        assert ours(text) == theirs(text), text


def test_regex_white_space_is_str_split_white_space():
    # pattern_tokens replaces TextBlob's `\s+` collapse and `(\S+)\s` tokens by str.split()
    import re
    import sys

    space = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert bool(space.match(ch)) == (("a" + ch + "b").split() == ["a", "b"]), hex(code)

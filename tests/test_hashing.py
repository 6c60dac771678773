"""The hashing trick without scikit-learn gives scikit-learn's columns and values."""
from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import HashingVectorizer

from .conftest import CORPORA
from quotes.corpus.evaluate import load_gold
from quotes.hashing import NgramHasher, hash_dicts

TEXTS = ["", "a", "I  x", "ab", "Ça va, dit-elle — «non».", "He said: \"We'll win\"\tand\nleft.",
         "ÉLAN naïve café's", "!!!", "one two three four five six"]


def _triples(matrix) -> set:
    coo = matrix.tocoo()
    return set(zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist()))


@pytest.mark.parametrize("analyzer, ngram_range, options", [
    ("word", (1, 2), {"token_pattern": r"(?u)[\w']+"}),
    ("word", (1, 1), {}),
    ("char_wb", (2, 5), {}),
    ("char_wb", (1, 3), {}),
])
def test_ngram_counts_match_hashing_vectorizer(analyzer, ngram_range, options):
    texts = TEXTS + [q["text"] for doc in load_gold(CORPORA) for q in doc["quotes"]]
    n = 2 ** 16
    sklearn = HashingVectorizer(n_features=n, analyzer=analyzer, ngram_range=ngram_range,
                                alternate_sign=False, norm=None, **options).transform(texts)
    rows, cols, counts = NgramHasher(analyzer, ngram_range, n, **options).counts(texts)
    ours = set(zip(rows.tolist(), cols.tolist(), counts.tolist()))
    assert ours == _triples(sklearn)
    # and again from the warm caches
    rows, cols, counts = NgramHasher(analyzer, ngram_range, n, **options).counts(texts[::-1])
    assert len(rows) == sklearn.nnz


@pytest.mark.parametrize("alternate_sign", [True, False])
def test_dict_features_match_feature_hasher(alternate_sign):
    rows = [{"len": 12.0, "reason": "title", "zero": 0.0, "flag": True, "w-1=said": 1.0, "neg": -2.5},
            {}, {"w+1": "été", "reason": "None"}]
    n = 2 ** 15
    expected = FeatureHasher(n_features=n, input_type="dict", alternate_sign=alternate_sign).transform(rows)
    r, c, v = hash_dicts(rows, n, alternate_sign)
    dense = np.zeros((len(rows), n))
    np.add.at(dense, (r, c), v)
    assert np.array_equal(dense, expected.toarray())


def test_unknown_analyzer_is_refused():
    with pytest.raises(ValueError, match="char"):
        NgramHasher("char", (1, 2), 16)


def test_dict_margins_are_the_bincount_of_hash_dicts():
    """The quote filter's scoring sums each dict's weights in compiled code: the
    same floats as numpy's bincount over hash_dicts' arrays, to the last bit."""
    import numpy as np

    from quotes.hashing import dict_margins

    rng = np.random.default_rng(7)
    n = 2 ** 10
    coef = rng.normal(size=n).tolist()
    rows = [{"bias": 1.0, "w-1": "said", "closed": 0.0, "words_log": 2.321928, f"first={i % 13}": 1.0,
             "cap_share": (i % 7) / 7, "kind=double": -0.5 * (i % 3), "lone": "\ud800"}
            for i in range(200)] + [{}]
    for alternate_sign in (True, False):
        r, c, v = hash_dicts(rows, n, alternate_sign)
        expected = np.bincount(r, weights=v * np.asarray(coef)[c], minlength=len(rows))
        assert dict_margins(rows, n, alternate_sign, coef) == expected.tolist()

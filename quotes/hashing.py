"""The hashing trick of scikit-learn's ``FeatureHasher`` and ``HashingVectorizer``, without scikit-learn.

The shipped models were trained on hashed features; scoring needs the same
column for the same feature name, and nothing of scikit-learn. A name's column
is its signed 32-bit MurmurHash3 (seed 0, of its UTF-8 bytes, from the pinned
``mmh3`` package) taken absolute, modulo the number of columns; with
``alternate_sign`` the hash's sign multiplies the value. ``tests/test_hashing.py``
checks every function here against scikit-learn's output.

N-gram columns are cached per word: the character n-grams of a word are the
same wherever it occurs, and words repeat (Zipf), so most of a text's n-grams
cost one dictionary look-up per word instead of one hash per n-gram.
"""
from __future__ import annotations

import re
import struct
from collections.abc import Iterable, Mapping, Sequence

import mmh3
import numpy as np

_MIN_INT32 = -(2 ** 31)
# Bound of each cache; a cache that fills up is emptied and starts again.
_CACHE_SIZE = 500_000


def column(name: str, n_features: int) -> tuple[int, int]:
    """The column and sign (+1 or -1) of a feature name, as scikit-learn hashes it."""
    # The UTF-8 bytes are what mmh3 hashes a str by, so every valid name keeps its
    # column; "surrogatepass" lets a lone surrogate through as its three bytes
    # (mmh3 itself crashes the process on one: issue #14).
    h = mmh3.hash(name.encode("utf-8", "surrogatepass"), 0, signed=True)
    if h == _MIN_INT32:
        # abs() of the smallest int32 overflows in scikit-learn's C code; it maps it here.
        return (2 ** 31 - 1 - (n_features - 1)) % n_features, -1
    return abs(h) % n_features, (1 if h >= 0 else -1)


# Feature-dict columns, per number of columns: the quote filter's feature names
# ("word_before=said") repeat from span to span and document to document.
_DICT_COLUMNS: dict[int, dict[str, tuple[int, int]]] = {}


def hash_dicts(rows: Sequence[Mapping[str, float | str]], n_features: int, alternate_sign: bool = True
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``FeatureHasher(input_type="dict").transform(rows)`` as (row, column, value) arrays.

    A string value ``v`` of feature ``f`` is the feature ``"f=v"`` with value 1;
    zero values are left out; duplicates are not summed (dot products do not need it).
    """
    row_ids: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    cache = _DICT_COLUMNS.setdefault(n_features, {})
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    for r, features in enumerate(rows):
        for name, value in features.items():
            if isinstance(value, str):
                name, value = f"{name}={value}", 1.0
            value = float(value)
            if value == 0:
                continue
            known = cache.get(name)
            if known is None:
                known = cache[name] = column(name, n_features)
            col, sign = known
            row_ids.append(r)
            cols.append(col)
            values.append(value * sign if alternate_sign else value)
    return (np.asarray(row_ids, dtype=np.intp), np.asarray(cols, dtype=np.intp),
            np.asarray(values, dtype=np.float64))


def dict_margins(rows: Sequence[Mapping[str, float | str]], n_features: int, alternate_sign: bool,
                 coef: list[float]) -> list[float]:
    """Per feature dict, the dot product of its hashed features (:func:`hash_dicts`)
    with ``coef`` (one weight per column), summed feature by feature in the dict's
    order: the same floats as ``np.bincount(row_ids, weights=values * coef[cols])``
    on what :func:`hash_dicts` returns, without building its arrays. (Its loop
    repeats :func:`hash_dicts`' on purpose: compiled, a loop with the dot product
    inline is the quote filter's hot path, where a shared generator costs a call
    per feature.)"""
    cache = _DICT_COLUMNS.setdefault(n_features, {})
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    out: list[float] = []
    for features in rows:
        z = 0.0
        for name, value in features.items():
            if isinstance(value, str):
                name, value = f"{name}={value}", 1.0
            v = float(value)
            if v == 0:
                continue
            known = cache.get(name)
            if known is None:
                known = cache[name] = column(name, n_features)
            col, sign = known
            z += (v * sign if alternate_sign else v) * coef[col]
        out.append(z)
    return out


class NgramHasher:
    """``HashingVectorizer(lowercase=True, alternate_sign=False, norm=None)`` counts, as arrays.

    Args:
        analyzer: ``"word"`` (tokens of ``token_pattern``) or ``"char_wb"``
            (character n-grams inside space-padded words).
        ngram_range: (min_n, max_n) as in scikit-learn.
        n_features: number of columns.
        token_pattern: the word pattern (``"word"`` only).
    """

    def __init__(self, analyzer: str, ngram_range: tuple[int, int], n_features: int,
                 token_pattern: str = r"(?u)\b\w\w+\b") -> None:
        if analyzer not in ("word", "char_wb"):
            raise ValueError(f"unsupported analyzer {analyzer!r}")
        self.analyzer = analyzer
        self.min_n, self.max_n = ngram_range
        self.n_features = n_features
        self.token_re = re.compile(token_pattern)
        self._columns: dict[str, int] = {}
        self._word_columns: dict[str, list[int]] = {}

    def columns(self, text: str) -> list[int]:
        """The column of every n-gram of ``text``, repeated as often as it occurs."""
        if self.analyzer == "char_wb":
            return self._char_wb_columns(text.lower())
        return self._word_columns_of(self.token_re.findall(text.lower()))

    def counts(self, texts: Iterable[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, column, count) of every distinct n-gram column of every text, rows in order."""
        lengths: list[int] = []
        columns: list[int] = []
        for text in texts:
            cols = self.columns(text)
            lengths.append(len(cols))
            columns.extend(cols)
        # struct packs the columns into C integers in one call (a third of the
        # instructions of np.fromiter, which converts them one by one)
        flat = np.frombuffer(struct.pack(f"{len(columns)}q", *columns), dtype=np.int64)
        rows = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        keys, counts = np.unique(rows * self.n_features + flat, return_counts=True)
        return keys // self.n_features, keys % self.n_features, counts.astype(np.float64)

    def _column(self, name: str) -> int:
        col = self._columns.get(name)
        if col is None:
            if len(self._columns) >= _CACHE_SIZE:
                self._columns.clear()
            col = self._columns[name] = column(name, self.n_features)[0]
        return col

    def _word_columns_of(self, tokens: list[str]) -> list[int]:
        grams = tokens if self.min_n == 1 else []
        for n in range(max(2, self.min_n), min(self.max_n, len(tokens)) + 1):
            grams = grams + [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
        cache, miss = self._columns, self._column
        return [col if col is not None else miss(g) for g, col in zip(grams, map(cache.get, grams))]

    def _char_wb_columns(self, text: str) -> list[int]:
        cache = self._word_columns
        out: list[int] = []
        # scikit-learn collapses runs of white space, then splits on white space.
        for word in text.split():
            cols = cache.get(word)
            if cols is None:
                if len(cache) >= _CACHE_SIZE:
                    cache.clear()
                cols = cache[word] = [self._column(g) for g in self._char_wb_ngrams(word)]
            out += cols
        return out

    def _char_wb_ngrams(self, word: str) -> list[str]:
        """The n-grams scikit-learn's ``char_wb`` analyzer makes of one word."""
        padded = f" {word} "
        grams: list[str] = []
        for n in range(self.min_n, self.max_n + 1):
            if len(padded) <= n:
                # a padded word no longer than n is one n-gram, counted once
                grams.append(padded)
                break
            grams += [padded[i:i + n] for i in range(len(padded) - n + 1)]
        return grams

"""Score texts with a fitted tone pipeline in a few numpy operations.

``Pipeline.predict_proba`` on the shipped tone model spends most of a
one-document call on per-call overhead: input validation in every step, a
1.3-million-column ``hstack``, and column slicing of that wide matrix for the
lexicon block. :class:`ToneScorer` takes the fitted arrays out of the pipeline
once and computes the same numbers block by block: each text model's score is
the sum of its word, character and lexicon parts. ``tests/test_tone.py`` checks
that it agrees with ``Pipeline.predict_proba``.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .tone_features import DOMAINS, apply_rule_floors, stack_inputs


class ToneScorer:
    """The regret and shock probabilities of a fitted tone ``Pipeline``, computed directly.

    Args:
        pipeline: ``Pipeline([("features", FeatureUnion([("ngrams", FeatureUnion(
            [("words", ...), ("chars", ...)])), ("lexicon", LexiconFeatures)])),
            ("heads", ToneHeads)])`` as :mod:`quotes.train_tone` builds it.
    """

    def __init__(self, pipeline) -> None:
        features = pipeline.named_steps["features"]
        if features.transformer_weights:
            raise ValueError("ToneScorer expects no weights on the outer FeatureUnion")
        ngrams = dict(features.transformer_list)["ngrams"]
        self.lexicon = dict(features.transformer_list)["lexicon"]
        heads = pipeline.named_steps["heads"]
        weights = ngrams.transformer_weights or {}
        # Per n-gram block: (hashing vectorizer, tf-idf transformer, weight, first column).
        self.blocks = []
        start = 0
        for name, step in ngrams.transformer_list:
            hasher, tfidf = step.named_steps["hash"], step.named_steps["tfidf"]
            if not (tfidf.sublinear_tf and tfidf.use_idf and tfidf.norm == "l2"):
                raise ValueError("ToneScorer expects sublinear, idf-weighted, l2-normalised tf-idf")
            self.blocks.append((hasher, tfidf, weights.get(name, 1.0), start))
            start += hasher.n_features
        self.n_ngrams = start
        # Text models: per block, views (not copies) of each tone's coefficients.
        coef = [b.coef_.ravel() for b in heads.bases_]
        self.ngram_coef = [[c[first:first + hasher.n_features] for c in coef]
                           for hasher, _, _, first in self.blocks]
        self.lexicon_coef = np.column_stack([c[self.n_ngrams:] for c in coef])
        self.base_intercept = np.array([float(b.intercept_[0]) for b in heads.bases_])
        # StandardScaler.transform validates its input on every call (about
        # 0.3 ms); the same arithmetic without the checks:
        self.scaler = _Standardise(heads.scaler_.mean_, heads.scaler_.scale_)
        self.combiner_coef = np.column_stack([c.coef_.ravel() for c in heads.combiners_])
        self.combiner_intercept = np.array([float(c.intercept_[0]) for c in heads.combiners_])
        self.rules = [list(r) for r in heads.rules]
        self.rule_precision = heads.rule_precision_

    def predict_proba(self, texts: Sequence[str], domain: str = "news") -> np.ndarray:
        """``(n, 2)`` probabilities of regret and shock, as ``Pipeline.predict_proba`` gives them."""
        if domain not in DOMAINS:
            raise ValueError(f"unknown tone domain {domain!r}; expected one of {', '.join(DOMAINS)}")
        if not len(texts):
            return np.zeros((0, 2))
        lexicon = self.lexicon.transform(texts)
        scores = lexicon @ self.lexicon_coef + self.base_intercept
        for (hasher, tfidf, weight, _), coefs in zip(self.blocks, self.ngram_coef):
            X = _tfidf(hasher.transform(texts), tfidf.idf_)
            for k, coef in enumerate(coefs):
                scores[:, k] += weight * (X @ coef)
        inputs = stack_inputs(scores, lexicon, domain, self.scaler)
        logits = inputs @ self.combiner_coef + self.combiner_intercept
        probabilities = 1.0 / (1.0 + np.exp(-logits))
        return apply_rule_floors(probabilities, lexicon, self.rules, self.rule_precision, domain)


class _Standardise:
    """``StandardScaler.transform`` of a fitted scaler: ``(x - mean) / scale``."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray) -> None:
        self.mean, self.scale = mean, scale

    def transform(self, X: np.ndarray) -> np.ndarray:
        return (X - self.mean) / self.scale


def _tfidf(counts, idf: np.ndarray):
    """``TfidfTransformer(sublinear_tf=True, norm="l2").transform`` without its per-call checks."""
    counts = counts.tocsr().astype(np.float64)
    counts.data = (np.log(counts.data) + 1.0) * idf[counts.indices]
    squares = np.bincount(np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr)),
                          weights=counts.data ** 2, minlength=counts.shape[0])
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0
    counts.data /= np.repeat(norms, np.diff(counts.indptr))
    return counts

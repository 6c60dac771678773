"""The tone classifier's scikit-learn parts: the lexicon transformer, NB scaling, the stacked heads.

Everything here is module-level so that skops stores it by name: the shipped
model is loaded with these names on its trusted list (see
:data:`TRUSTED_TYPES`). Nothing here reads files; the cue tables come from
``quotes/data`` through :mod:`quotes.training.tone` and are stored in the fitted
model, so a model always scores with the lexicon it was trained with. The cue
judging itself is plain Python in :mod:`quotes.tone.lexicon`, and the numpy
arithmetic shared with the shipped scorer lives in :mod:`quotes.tone.model`.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin, clone
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler
from sklearn.utils.validation import check_is_fitted

from quotes.tone.lexicon import (
    FEATURE_NAMES,
    REGRET_FEATURES,
    SENTIMENT_FEATURES,
    SHOCK_FEATURES,
    CueLexicon,
    compile_table,
    parse_cue_lines,
    tokenize,
    vader_scores,
)
from quotes.tone.sentiment import pattern_sentiment  # noqa: F401
from quotes.tone.model import (
    DOMAINS,
    TONES,
    Z_CLIP,
    apply_rule_floors,
    ceiling_fires,
    combiner_columns,
    rule_fires,
    stack_inputs,
)

# Every non-sklearn type and function a tone model file may hold; the loader
# passes exactly this list to ``skops.io.load`` (nothing else is trusted).
TRUSTED_TYPES = [
    "quotes.training.tone_features.LexiconFeatures",
    "quotes.training.tone_features.LogCountRatio",
    "quotes.training.tone_features.ToneHeads",
]


# -- the lexicon transformer ----------------------------------------------------------

class LexiconFeatures(TransformerMixin, BaseEstimator):
    """scikit-learn face of :class:`~quotes.tone.lexicon.CueLexicon`.

    Args:
        regret_cues: ``(kind, phrase)`` pairs of ``regret-cues.txt``.
        shock_cues: ``(kind, phrase)`` pairs of ``shock-cues.txt``.
        context: ``(kind, word)`` pairs of ``tone-context.txt`` (negators,
            hedges, persons, copulas, clause boundaries).
        negation_window: how many tokens before a cue a negator still cancels it.
        hedge_window: how many tokens before a cue a hedge still makes it hypothetical.

    Attributes:
        regret_table_, shock_table_: the cue phrases indexed by first word.
        context_: each context kind mapped to its sorted words.
        groups_: the cue groups that get a column each.
        n_features_in_: 1 (one text per row).
    """

    def __init__(self, regret_cues: Sequence[tuple[str, str]] = (),
                 shock_cues: Sequence[tuple[str, str]] = (),
                 context: Sequence[tuple[str, str]] = (),
                 negation_window: int = 3, hedge_window: int = 5) -> None:
        self.regret_cues = regret_cues
        self.shock_cues = shock_cues
        self.context = context
        self.negation_window = negation_window
        self.hedge_window = hedge_window

    def fit(self, X: Sequence[str], y: object = None) -> LexiconFeatures:
        """Compile the cue tables (the texts themselves are not used).

        Args:
            X: texts (ignored).
            y: ignored.

        Returns:
            self.
        """
        self.regret_table_ = compile_table(self.regret_cues)
        self.shock_table_ = compile_table(self.shock_cues)
        context: dict[str, list[str]] = {}
        for kind, word in self.context:
            context.setdefault(kind, []).append(word)
        self.context_ = {kind: sorted(set(words)) for kind, words in context.items()}
        self.groups_ = sorted({f"{tone}_{kind.partition('/')[2]}"
                               for tone, cues in (("regret", self.regret_cues), ("shock", self.shock_cues))
                               for kind, _ in cues if "/" in kind})
        self.n_features_in_ = 1
        self._sets: CueLexicon | None = None
        return self

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """The names of the output columns: :data:`FEATURE_NAMES`, then one per cue group."""
        check_is_fitted(self, "groups_")
        return np.asarray(self.lexicon().feature_names, dtype=object)

    def transform(self, X: Sequence[str]) -> np.ndarray:
        """Score each text (see :meth:`quotes.tone.lexicon.CueLexicon.transform`)."""
        check_is_fitted(self, "regret_table_")
        return self.lexicon().transform(X)

    def lexicon(self) -> CueLexicon:
        """The fitted tables as a :class:`~quotes.tone.lexicon.CueLexicon` (built once)."""
        # ``_sets`` is the attribute name older model files know for this cache.
        lexicon = getattr(self, "_sets", None)
        if not isinstance(lexicon, CueLexicon):
            lexicon = self._sets = CueLexicon(self.regret_table_, self.shock_table_, self.context_,
                                              self.groups_, self.negation_window, self.hedge_window)
        return lexicon

    def __getstate__(self) -> dict:
        # The lexicon is a cache rebuilt from the fitted tables; keep it out of the file.
        state = self.__dict__.copy()
        state.pop("_sets", None)
        return state


# -- the text models and the two-headed stacked classifier ----------------------------

class LogCountRatio(TransformerMixin, BaseEstimator):
    """Scale n-gram columns by their naive-Bayes log-count ratio (NB-LR).

    Each column is multiplied by ``log(p_j / q_j)``, the ratio of how often the
    feature occurs in positive and negative rows (Wang & Manning, 2012, "Baselines
    and bigrams"); a linear model on the scaled features ranks short texts better
    than on raw TF-IDF. The last ``n_passthrough`` columns (the lexicon features)
    are left as they are, or dropped (scaled by 0) if ``passthrough_kept`` leaves
    them out: a model on the scaled features then has zero weight on them.

    Args:
        n_passthrough: trailing columns not scaled.
        alpha: additive smoothing of the counts.
        passthrough_kept: the indices (within the pass-through columns) kept;
            None keeps them all.

    Attributes:
        ratio_: the scale of every column (1 for kept pass-through columns, 0 for the others).
    """

    def __init__(self, n_passthrough: int = 0, alpha: float = 1.0,
                 passthrough_kept: Sequence[int] | None = None) -> None:
        self.n_passthrough = n_passthrough
        self.alpha = alpha
        self.passthrough_kept = passthrough_kept

    def fit(self, X, y, sample_weight=None) -> LogCountRatio:
        """Count feature presence in the positive and negative rows of ``y``."""
        X = sp.csr_matrix(X)
        y = np.asarray(y)
        n_scaled = X.shape[1] - self.n_passthrough
        present = (X[:, :n_scaled] > 0).astype(np.float64)
        p = np.asarray(present[y == 1].sum(axis=0)).ravel() + self.alpha
        q = np.asarray(present[y != 1].sum(axis=0)).ravel() + self.alpha
        ratio = np.log((p / p.sum()) / (q / q.sum()))
        passthrough = np.ones(self.n_passthrough)
        if self.passthrough_kept is not None:
            passthrough = np.zeros(self.n_passthrough)
            passthrough[np.asarray(self.passthrough_kept, dtype=np.int64)] = 1.0
        self.ratio_ = np.concatenate([ratio, passthrough])
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X):
        """Return ``X`` with every column scaled by :attr:`ratio_`."""
        check_is_fitted(self, "ratio_")
        return sp.csr_matrix(X) @ sp.diags(self.ratio_)


def fit_bases(bases: Sequence[BaseEstimator], X, Y, base_rows=None, cv: int = 5,
              random_state: int = 0) -> tuple[list[BaseEstimator], np.ndarray]:
    """Fit one text model per tone and score every row without leakage.

    Args:
        bases: unfitted estimators with ``decision_function``, one per tone.
        X: feature matrix of all rows.
        Y: labels, shape ``(n, len(bases))``.
        base_rows: boolean mask of the rows the text models learn from (the
            GoEmotions rows); all rows when None.
        cv: folds for the out-of-fold scores.
        random_state: seed of the fold split.

    Returns:
        The fitted models (on all base rows), and an ``(n, len(bases))`` array of
        scores: out-of-fold for base rows, from the fitted model for the others.
    """
    Y = np.asarray(Y)
    rows = np.ones(len(Y), dtype=bool) if base_rows is None else np.asarray(base_rows, dtype=bool)
    index = np.flatnonzero(rows)
    other = np.flatnonzero(~rows)
    scores = np.zeros((len(Y), len(bases)))
    fitted = []
    for k, template in enumerate(bases):
        y = Y[index, k]
        folds = StratifiedKFold(n_splits=cv, shuffle=True, random_state=random_state)
        for train, test in folds.split(index, y):
            model = clone(template).fit(X[index[train]], y[train])
            scores[index[test], k] = model.decision_function(X[index[test]])
        model = clone(template).fit(X[index], y)
        if len(other):
            scores[other, k] = model.decision_function(X[other])
        fitted.append(model)
    return fitted, scores


def fold_log_count_ratio(base: BaseEstimator) -> BaseEstimator:
    """Merge a fitted ``Pipeline([("nb", LogCountRatio), ("lr", linear model)])`` into the model.

    ``(X * ratio) @ coef`` equals ``X @ (ratio * coef)``, so the scaled
    coefficients give the same decision function with one array fewer: the
    shipped model is half the size and scores a little faster.

    Returns:
        The linear model with folded coefficients (``base`` itself if it has no ``nb`` step).
    """
    steps = getattr(base, "named_steps", None)
    if not steps or "nb" not in steps:
        return base
    linear = steps["lr"]
    linear.coef_ = linear.coef_ * steps["nb"].ratio_
    return linear


# Domains a tone model is calibrated for; the combiners see which one a text
# comes from (see :class:`ToneHeads`).
def lexicon_block(X, n_lexicon: int) -> np.ndarray:
    """The lexicon columns of a feature matrix (its last ``n_lexicon``), dense."""
    block = X[:, X.shape[1] - n_lexicon:] if n_lexicon else np.zeros((X.shape[0], 0))
    return block.toarray() if sp.issparse(block) else np.asarray(block)


class ToneHeads(ClassifierMixin, BaseEstimator):
    """Regret and shock probabilities, stacked from text models and the lexicon.

    For each tone a text model (NB-scaled n-grams and lexicon features, logistic
    regression) is fitted on the rows ``base_rows`` marks (GoEmotions); a small
    combiner (logistic regression) then maps both tones' out-of-fold text scores
    and the lexicon features to the probability, and is fitted on every row with
    its sample weight, so that the news quotes weigh in where Reddit differs.
    The combiner is a Platt-style calibration of the stacked scores.

    Each tone also has a rule: a set of lexicon columns (standing first-person
    cues such as "I regret", "I was stunned"). Where the rule fires, the
    probability is at least the rule's precision measured on the training rows
    of that domain. A cue the data rarely shows ("I was naive" is almost absent
    from both corpora) then counts as much as the cues the rule's precision was
    measured on, instead of being drowned by a text model that never saw it.

    Args:
        bases: unfitted text models, one per tone in :data:`TONES` order.
        combiners: unfitted combiners, one per tone.
        n_lexicon: how many trailing feature columns are lexicon features.
        rules: per tone, the indices (within the lexicon columns) of the
            features whose presence makes the tone's rule fire; empty for none.
        combiner_lexicon: per tone, the indices (within the lexicon columns)
            its combiner sees (with both text scores); None (or an empty
            sequence) lets every combiner see every lexicon column. Giving each
            tone only its own cue columns and the shared sentiment columns
            keeps a change to one tone's cues from moving the other tone.
        cv: folds of the out-of-fold text scores.
        random_state: seed of the fold split.
        cueless: per tone, the lexicon columns that read one of its cues; a
            tone with columns gets its text score where none fires as one more
            combiner input (with its news copy, see
            :func:`~quotes.tone.model.stack_inputs`), a tone with none does
            not; None (the default) adds no such input.

    Attributes:
        bases_: the fitted text models.
        combiners_: the fitted combiners.
        rule_precision_: per tone, ``{domain: precision}`` of its rule on the
            training rows of each domain (0 where it never fired).
        classes_: ``[0, 1]`` (each head is binary).
    """

    # Models saved before ``cueless`` existed have no such attribute: they read this.
    cueless = None

    def __init__(self, bases: Sequence[BaseEstimator] = (), combiners: Sequence[BaseEstimator] = (),
                 n_lexicon: int = 0, rules: Sequence[Sequence[int]] = (), cv: int = 5,
                 random_state: int = 0, combiner_lexicon: Sequence[Sequence[int]] | None = None,
                 cueless: Sequence[Sequence[int]] | None = None) -> None:
        self.bases = bases
        self.combiners = combiners
        self.n_lexicon = n_lexicon
        self.rules = rules
        self.combiner_lexicon = combiner_lexicon
        self.cv = cv
        self.random_state = random_state
        self.cueless = cueless

    def fit(self, X, y, sample_weight=None, base_rows=None, domain="news") -> ToneHeads:
        """Fit the text models, then the combiners on their out-of-fold scores.

        Args:
            X: feature matrix (n-gram columns, then ``n_lexicon`` lexicon columns).
            y: array of shape ``(n, 2)``: regret and shock labels (0/1).
            sample_weight: weight of each row for the combiners; shape ``(n, 2)``
                gives each tone its own weights.
            base_rows: boolean mask of the rows the text models learn from.
            domain: the domain of every row (see :func:`stack_inputs`).

        Returns:
            self.
        """
        y = np.asarray(y)
        if y.ndim != 2 or y.shape[1] != len(TONES):
            raise ValueError(f"y must have shape (n, {len(TONES)}), got {y.shape}")
        bases, scores = fit_bases(self.bases, X, y, base_rows, self.cv, self.random_state)
        return self.fit_from_scores(bases, scores, X, y, sample_weight, domain)

    def fit_from_scores(self, bases, scores, X, y, sample_weight=None, domain="news") -> ToneHeads:
        """Fit the combiners on text models already fitted by :func:`fit_bases`.

        What :meth:`fit` does after fitting the text models; training uses it to
        cross-validate the combiners without refitting the text models.

        Returns:
            self.
        """
        y = np.asarray(y)
        lexicon = lexicon_block(X, self.n_lexicon)
        # Scaled on the shared inputs only, before the domain copies are made.
        self.scaler_ = StandardScaler().fit(np.column_stack([scores, lexicon]))
        inputs = stack_inputs(scores, lexicon, domain, self.scaler_, self._cueless())
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
        self.bases_ = list(bases)
        self.combiners_ = []
        for k, combiner in enumerate(self.combiners):
            # A 2-D weight gives each tone its own weights (columns in TONES order).
            w = weights if weights is None or weights.ndim == 1 else weights[:, k]
            columns = self.combiner_input_columns(k)
            self.combiners_.append(clone(combiner).fit(inputs[:, columns], y[:, k], sample_weight=w))
        is_news = inputs[:, scores.shape[1] + lexicon.shape[1]].astype(bool)
        self.rule_precision_ = []
        for k in range(len(self.combiners)):
            fires = rule_fires(lexicon, self.rules[k] if k < len(self.rules) else ())
            precision = {}
            for name, rows in (("social", ~is_news), ("news", is_news)):
                hits = fires & rows
                precision[name] = float(y[hits, k].mean()) if hits.any() else 0.0
            self.rule_precision_.append(precision)
        self.classes_ = np.array([0, 1])
        self.n_features_in_ = X.shape[1]
        return self

    def combiner_input_columns(self, k: int) -> np.ndarray:
        """The columns of the stacked inputs that tone ``k``'s combiner sees (see :func:`combiner_columns`)."""
        chosen, cueless = self.combiner_lexicon, self._cueless()
        return combiner_columns(len(TONES), self.n_lexicon, chosen[k] if chosen else None,
                                [k] if cueless is not None and len(cueless[k]) else [])

    def _cueless(self):
        return self.cueless

    def decision_scores(self, X) -> np.ndarray:
        """The text models' scores, shape ``(n, 2)`` (the combiners' first inputs)."""
        check_is_fitted(self, "bases_")
        return np.column_stack([b.decision_function(X) for b in self.bases_])

    def predict_proba(self, X, domain: str = "news") -> np.ndarray:
        """Probability of each tone.

        Args:
            X: feature matrix.
            domain: ``"news"`` (quotes in news articles, the default) or
                ``"social"`` (comments like GoEmotions'); probabilities are
                calibrated to the domain's base rates.

        Returns:
            Array of shape ``(n, 2)``: P(regret), P(shock) (not a distribution
            over classes: the tones are independent).
        """
        check_is_fitted(self, "combiners_")
        return self.proba_from_scores(self.decision_scores(X), X, domain)

    def proba_from_scores(self, scores: np.ndarray, X, domain: str = "news") -> np.ndarray:
        """What :meth:`predict_proba` returns, from text scores already computed."""
        lexicon = lexicon_block(X, self.n_lexicon)
        inputs = stack_inputs(scores, lexicon, domain, self.scaler_, self._cueless())
        probabilities = np.column_stack([c.predict_proba(inputs[:, self.combiner_input_columns(k)])[:, 1]
                                         for k, c in enumerate(self.combiners_)])
        return apply_rule_floors(probabilities, lexicon, self.rules, self.rule_precision_, domain,
                                 getattr(self, "ceilings", None) or (), getattr(self, "ceiling_precision_", ()))

    def fit_ceilings(self, lexicon: np.ndarray, y, is_news, ceilings: Sequence[Sequence[Sequence[int]]],
                     smoothing: float = 1.0) -> ToneHeads:
        """Measure each tone's ceiling: the share of positives among the training
        rows of each domain where the ceiling fires (a cue read as negated,
        hypothetical, someone else's or a formula, and no standing cue),
        Laplace-smoothed so that a ceiling seen on few rows stays cautious.

        Args:
            lexicon: the lexicon features of the rows.
            y: ``(n, 2)`` labels.
            is_news: True for news rows.
            ceilings: per tone, ``(judged columns, standing columns)`` (see
                :func:`quotes.tone.model.ceiling_fires`).
            smoothing: added to the positives (and twice to the rows).

        Returns:
            self, with ``ceilings`` and ``ceiling_precision_`` set.
        """
        y, is_news = np.asarray(y), np.asarray(is_news, dtype=bool)
        self.ceilings = [[list(map(int, part)) for part in c] for c in ceilings]
        self.ceiling_precision_ = []
        for k, ceiling in enumerate(self.ceilings):
            fires = ceiling_fires(lexicon, ceiling)
            precision = {}
            for name, rows in (("social", ~is_news), ("news", is_news)):
                hits = fires & rows
                if rows.any():
                    precision[name] = float((y[hits, k].sum() + smoothing) / (hits.sum() + 2 * smoothing))
            self.ceiling_precision_.append(precision)
        return self

    def predict(self, X, domain: str = "news") -> np.ndarray:
        """0/1 per tone at probability 0.5, shape ``(n, 2)``."""
        return (self.predict_proba(X, domain) >= 0.5).astype(int)

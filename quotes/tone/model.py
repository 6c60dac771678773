"""The shipped tone scorer: the fitted tone pipeline as plain arrays, scored with numpy.

Training (:mod:`quotes.training.tone`) fits a scikit-learn ``Pipeline`` and saves
it with skops; :func:`tone_arrays` then takes out the numbers that scoring
needs (n-gram idf weights and coefficients, lexicon coefficients, scaler,
combiners, rules) into ``models/tone.npz``. Scoring loads that file and
computes the same probabilities block by block (each text model's score is
the sum of its word, character and lexicon parts), with no scikit-learn or
scipy import: loading takes a fraction of a second instead of two, and one
document's call skips the pipeline's per-call checks. ``tests/test_tone.py``
checks that it agrees with ``Pipeline.predict_proba``.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from quotes.choices import TONE_DOMAINS

from quotes.errors import ModelError
from quotes.tone.lexicon import CueLexicon, current_tables
from quotes.hashing import NgramHasher

# Tones in the order of the classifier's outputs.
TONES = ("regret", "shock")
# Domains a tone model is calibrated for; the combiners see which one a text
# comes from (see :func:`stack_inputs`).
DOMAINS = TONE_DOMAINS
# Bound of the scaled combiner inputs (see stack_inputs).
Z_CLIP = 5.0


def stack_inputs(scores: np.ndarray, lexicon: np.ndarray, domain, scaler=None,
                 cueless: Sequence[Sequence[int]] | None = None) -> np.ndarray:
    """What the combiners see: text scores, lexicon columns, and their domain copies.

    Args:
        scores: the text models' scores, shape ``(n, 2)``.
        lexicon: the lexicon features.
        domain: one name of :data:`DOMAINS` for every row, or a 0/1 array
            (1 = news) with one value per row.
        scaler: anything with a ``transform`` that standardises scores and
            lexicon columns, applied before the domain copies are made (the
            lexicon mixes counts, lengths and [-1, 1] scores).
        cueless: per tone, the lexicon columns that read one of its cues (in
            any reading: standing, negated, someone else's...); None for no
            cue-less columns.

    Returns:
        ``[inputs, is_news, inputs * is_news]``: shared weights plus a news-only
        copy of every input, the feature augmentation of Daumé III (2007),
        "Frustratingly easy domain adaptation". News quotes and Reddit comments
        differ in base rates and in how much a cue word means, so the news copy
        lets the few labelled news quotes adjust what Reddit taught. With
        ``cueless``, then ``[cue_less, cue_less * is_news]``: per tone, its
        (scaled) text score where none of its cues is read, else 0, so that a
        combiner can weigh the text model differently where the cue lists say
        nothing (the quotes only the text model can find).
    """
    inputs = np.column_stack([scores, lexicon])
    if scaler is not None:
        # z-scores are clipped: a lexicon feature rare on Reddit has a tiny
        # standard deviation, and one news quote with it would otherwise swing a
        # combiner on its own.
        inputs = np.clip(scaler.transform(inputs), -Z_CLIP, Z_CLIP)
    if isinstance(domain, str):
        if domain not in DOMAINS:
            raise ValueError(f"unknown tone domain {domain!r}; expected one of {', '.join(DOMAINS)}")
        is_news = np.full((len(inputs), 1), float(domain == "news"))
    else:
        is_news = np.asarray(domain, dtype=float).reshape(-1, 1)
    if cueless is None:
        return np.column_stack([inputs, is_news, inputs * is_news])
    quiet = np.column_stack([inputs[:, k] * ~rule_fires(lexicon, columns) for k, columns in enumerate(cueless)])
    return np.column_stack([inputs, is_news, inputs * is_news, quiet, quiet * is_news])


def combiner_columns(n_scores: int, n_lexicon: int, lexicon_columns=None, cueless: Sequence[int] = ()) -> np.ndarray:
    """The columns of :func:`stack_inputs` one combiner sees.

    Args:
        n_scores: how many text scores lead the inputs.
        n_lexicon: how many lexicon columns follow them.
        lexicon_columns: the indices (within the lexicon columns) the combiner
            sees; None for all of them.
        cueless: the tones (indices) whose cue-less score columns it sees
            (``stack_inputs(..., cueless=...)``, one per tone).

    Returns:
        Column indices into ``stack_inputs(...)``: every text score, the chosen
        lexicon columns, the news flag, then the news copies of the same inputs;
        then the chosen cue-less scores and their news copies.
    """
    chosen = range(n_lexicon) if lexicon_columns is None else sorted(int(j) for j in lexicon_columns)
    shared = [*range(n_scores), *(n_scores + j for j in chosen)]
    width = n_scores + n_lexicon
    quiet = 2 * width + 1
    return np.array([*shared, width, *(width + 1 + c for c in shared),
                     *(quiet + k for k in cueless), *(quiet + n_scores + k for k in cueless)], dtype=np.int64)


def rule_fires(lexicon: np.ndarray, rule: Sequence[int]) -> np.ndarray:
    """Rows where a rule fires: any of its lexicon columns is non-zero."""
    if not len(rule):
        return np.zeros(len(lexicon), dtype=bool)
    return (lexicon[:, list(rule)] != 0).any(axis=1)


def ceiling_fires(lexicon: np.ndarray, ceiling: Sequence[Sequence[int]]) -> np.ndarray:
    """Rows where a ceiling fires: a cue of the tone was read and none stands.

    Args:
        lexicon: the lexicon features.
        ceiling: ``(judged, standing)``: the columns of the tone's cues read as
            not the speaker's feeling (negated, hypothetical, someone else's, a
            formula), and the columns of its standing cues.
    """
    if not ceiling or not len(ceiling[0]):
        return np.zeros(len(lexicon), dtype=bool)
    judged, standing = ceiling
    fires = (lexicon[:, list(judged)] != 0).any(axis=1)
    if len(standing):
        fires &= ~(lexicon[:, list(standing)] != 0).any(axis=1)
    return fires


def apply_rule_floors(probabilities: np.ndarray, lexicon: np.ndarray, rules: Sequence[Sequence[int]],
                      rule_precision: Sequence[dict[str, float]], domain: str,
                      ceilings: Sequence[Sequence[Sequence[int]]] = (),
                      ceiling_precision: Sequence[dict[str, float]] = ()) -> np.ndarray:
    """Raise each tone's probability to its rule's precision where the rule fires,
    and lower it to its ceiling's measured precision where the ceiling fires
    (see :class:`quotes.training.tone_features.ToneHeads`)."""
    out = probabilities.copy()
    for k, rule in enumerate(rules):
        fires = rule_fires(lexicon, rule)
        out[fires, k] = np.maximum(out[fires, k], rule_precision[k][domain])
    for k, ceiling in enumerate(ceilings):
        if k < len(ceiling_precision) and domain in ceiling_precision[k]:
            fires = ceiling_fires(lexicon, ceiling)
            out[fires, k] = np.minimum(out[fires, k], ceiling_precision[k][domain])
    return out


class ToneScorer:
    """Regret and shock probabilities from the arrays of a fitted tone pipeline.

    Args:
        arrays: what :func:`tone_arrays` returns first.
        meta: what it returns second (settings and tables, JSON-safe).
    """

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
        lexicon = meta["lexicon"]
        try:
            tables = current_tables()
        except (OSError, ValueError) as exc:  # a missing or malformed list: a broken install, said once
            raise ModelError(f"the tone word lists of quotes/data cannot be read: {exc}") from exc
        if tables["groups"] != list(lexicon["groups"]):
            # A new cue group is a new column the combiners never saw.
            raise ModelError(f"the tone cue groups of quotes/data ({tables['groups']}) are not the model's "
                             f"({lexicon['groups']}); retrain it: quotes train tone")
        # The word lists are read as they are now, like the code that reads them
        # (quotes/data is their one place); the model's copy records what it was trained on.
        self.lexicon = CueLexicon(tables["regret_table"], tables["shock_table"], tables["context"],
                                  lexicon["groups"], lexicon["negation_window"], lexicon["hedge_window"])
        # Per n-gram block: (hasher, idf per column, coefficients (columns, tones), weight).
        self.blocks = []
        for block in meta["blocks"]:
            name, n = block["name"], block["n_features"]
            hasher = NgramHasher(block["analyzer"], tuple(block["ngram_range"]), n, block["token_pattern"])
            idf = _dense(arrays, f"{name}_idf", n, block["idf_fill"])
            coef = np.zeros((n, len(TONES)))
            coef[arrays[f"{name}_coef_index"]] = arrays[f"{name}_coef"]
            self.blocks.append((hasher, idf, coef, float(block["weight"])))
        self.lexicon_coef = arrays["lexicon_coef"]
        self.base_intercept = arrays["base_intercept"]
        self.scaler = _Standardise(arrays["scaler_mean"], arrays["scaler_scale"])
        self.combiner_coef = arrays["combiner_coef"]
        self.combiner_intercept = arrays["combiner_intercept"]
        self.rules = [list(r) for r in meta["rules"]]
        self.rule_precision = meta["rule_precision"]
        self.ceilings = [[list(part) for part in c] for c in meta.get("ceilings", [])]
        self.ceiling_precision = meta.get("ceiling_precision", [])
        self.cueless = meta.get("cueless")

    def predict_proba(self, texts: Sequence[str], domain: str = "news") -> np.ndarray:
        """``(n, 2)`` probabilities of regret and shock, as ``Pipeline.predict_proba`` gives them."""
        if domain not in DOMAINS:
            raise ValueError(f"unknown tone domain {domain!r}; expected one of {', '.join(DOMAINS)}")
        n = len(texts)
        if not n:
            return np.zeros((0, len(TONES)))
        lexicon = self.lexicon.transform(texts)
        scores = lexicon @ self.lexicon_coef + self.base_intercept
        for hasher, idf, coef, weight in self.blocks:
            # TfidfTransformer(sublinear_tf=True, norm="l2"): (1 + log count) * idf, per row unit length
            rows, cols, counts = hasher.counts(texts)
            tfidf = (np.log(counts) + 1.0) * idf[cols]
            norms = np.sqrt(np.bincount(rows, weights=tfidf * tfidf, minlength=n))
            norms[norms == 0] = 1.0
            for k in range(len(TONES)):
                scores[:, k] += weight * np.bincount(rows, weights=tfidf * coef[cols, k], minlength=n) / norms
        inputs = stack_inputs(scores, lexicon, domain, self.scaler, self.cueless)
        logits = inputs @ self.combiner_coef + self.combiner_intercept
        probabilities = 1.0 / (1.0 + np.exp(-logits))
        return apply_rule_floors(probabilities, lexicon, self.rules, self.rule_precision, domain,
                                 self.ceilings, self.ceiling_precision)


class _Standardise:
    """``StandardScaler.transform`` of a fitted scaler: ``(x - mean) / scale``."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray) -> None:
        self.mean, self.scale = mean, scale

    def transform(self, X: np.ndarray) -> np.ndarray:
        return (X - self.mean) / self.scale


def _dense(arrays: dict[str, np.ndarray], name: str, n: int, fill: float) -> np.ndarray:
    out = np.full(n, fill)
    out[arrays[f"{name}_index"]] = arrays[f"{name}_value"]
    return out


def tone_arrays(pipeline) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Take the scoring arrays and settings out of a fitted tone pipeline.

    Args:
        pipeline: ``Pipeline([("features", FeatureUnion([("ngrams", FeatureUnion(
            [("words", ...), ("chars", ...)])), ("lexicon", LexiconFeatures)])),
            ("heads", ToneHeads)])`` as :mod:`quotes.training.tone` builds it, with
            its text models' NB scaling folded in.

    Returns:
        (arrays, meta): numpy arrays, and JSON-safe settings and cue tables.
        Arrays that are mostly one value are stored sparsely (index, value).

    Raises:
        ValueError: the pipeline is not of the shape :class:`ToneScorer` computes.
    """
    features = pipeline.named_steps["features"]
    if features.transformer_weights:
        raise ValueError("ToneScorer expects no weights on the outer FeatureUnion")
    ngrams = dict(features.transformer_list)["ngrams"]
    lexicon = dict(features.transformer_list)["lexicon"]
    heads = pipeline.named_steps["heads"]
    coef = np.vstack([b.coef_.ravel() for b in heads.bases_]).T  # (columns, tones)
    weights = ngrams.transformer_weights or {}
    arrays: dict[str, np.ndarray] = {}
    blocks = []
    start = 0
    for name, step in ngrams.transformer_list:
        hasher, tfidf = step.named_steps["hash"], step.named_steps["tfidf"]
        _check_hasher(hasher)
        if not (tfidf.sublinear_tf and tfidf.use_idf and tfidf.norm == "l2"):
            raise ValueError("ToneScorer expects sublinear, idf-weighted, l2-normalised tf-idf")
        n = hasher.n_features
        idf = np.asarray(tfidf.idf_, dtype=np.float64)
        fill = float(idf.max())  # the idf of a column no training text had
        arrays[f"{name}_idf_index"] = np.flatnonzero(idf != fill).astype(np.int32)
        arrays[f"{name}_idf_value"] = idf[idf != fill]
        block_coef = coef[start:start + n]
        used = np.flatnonzero(block_coef.any(axis=1))
        arrays[f"{name}_coef_index"] = used.astype(np.int32)
        arrays[f"{name}_coef"] = block_coef[used]
        blocks.append({"name": name, "analyzer": hasher.analyzer, "ngram_range": list(hasher.ngram_range),
                       "n_features": n, "token_pattern": hasher.token_pattern, "idf_fill": fill,
                       "weight": float(weights.get(name, 1.0))})
        start += n
    arrays["lexicon_coef"] = coef[start:]
    arrays["base_intercept"] = np.array([float(b.intercept_[0]) for b in heads.bases_])
    arrays["scaler_mean"] = np.asarray(heads.scaler_.mean_, dtype=np.float64)
    arrays["scaler_scale"] = np.asarray(heads.scaler_.scale_, dtype=np.float64)
    # A combiner that sees only some inputs gets zero weights on the others, so
    # the scorer computes one matrix product for both tones.
    cueless = getattr(heads, "cueless", None)
    width = 2 * (len(TONES) + len(arrays["lexicon_coef"])) + 1 + (2 * len(TONES) if cueless is not None else 0)
    combiner_coef = np.zeros((width, len(heads.combiners_)))
    for k, combiner in enumerate(heads.combiners_):
        combiner_coef[heads.combiner_input_columns(k), k] = combiner.coef_.ravel()
    arrays["combiner_coef"] = combiner_coef
    arrays["combiner_intercept"] = np.array([float(c.intercept_[0]) for c in heads.combiners_])
    meta = {
        "tones": list(TONES),
        "blocks": blocks,
        "lexicon": {"regret_table": lexicon.regret_table_, "shock_table": lexicon.shock_table_,
                    "context": lexicon.context_, "groups": lexicon.groups_,
                    "negation_window": lexicon.negation_window, "hedge_window": lexicon.hedge_window},
        "rules": [list(map(int, r)) for r in heads.rules],
        "rule_precision": heads.rule_precision_,
    }
    if cueless is not None:
        meta["cueless"] = [list(map(int, c)) for c in cueless]
    ceilings = getattr(heads, "ceilings", None)
    if ceilings:
        meta["ceilings"] = [[list(map(int, part)) for part in c] for c in ceilings]
        meta["ceiling_precision"] = heads.ceiling_precision_
    return arrays, meta


def _check_hasher(hasher) -> None:
    """Refuse a HashingVectorizer whose settings :class:`~quotes.hashing.NgramHasher` does not reproduce."""
    expected = {"lowercase": True, "strip_accents": None, "preprocessor": None, "tokenizer": None,
                "stop_words": None, "binary": False, "alternate_sign": False, "norm": None}
    wrong = {k: getattr(hasher, k) for k, v in expected.items() if getattr(hasher, k) != v}
    if wrong or hasher.analyzer not in ("word", "char_wb"):
        raise ValueError(f"unsupported HashingVectorizer settings: {wrong or hasher.analyzer}")

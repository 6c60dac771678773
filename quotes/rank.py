"""Who said it? Score every speaker candidate of every quote and pick the best.

The rules (:mod:`quotes.attribute`) run first; their choice is a feature of
each candidate (:mod:`quotes.candidates`), and where a rule is certain (its
training precision is near 1, e.g. "…," said Blunt) it keeps the last word.
Otherwise the ranker's best candidate wins. A pronoun or description wins only
as a pointer: it is then resolved to its named antecedent
(:mod:`quotes.entities`). ``confidence`` is the probability, calibrated in
cross-validation on the training data, that the chosen mention is the
speaker's (halved when a pronoun or description found no name).
"""
from __future__ import annotations

from collections.abc import Sequence

from .attribute import _Found, _resolve
from .candidates import Candidate, DocCandidates, quote_rows
from .entities import Entity
from .records import Attribution, QuoteSpan


def candidate_table(front, kept: Sequence[QuoteSpan], rules: Sequence[Attribution]
                    ) -> tuple[DocCandidates, list[list[Candidate]], list[list[float]]]:
    """Build every kept quote's candidates and their feature rows.

    Args:
        front: the document's :class:`~quotes.pipeline.Front`.
        kept: the quotes, in order.
        rules: the rules' attribution of each quote.

    Returns:
        (the document's candidates, per quote its candidate list, all rows in
        quote order then candidate order).
    """
    cands = DocCandidates(front.parsed, front.index, front.names, front.ctx)
    per_line: dict[int, int] = {}
    for span in kept:
        per_line[span.line] = per_line.get(span.line, 0) + 1
    seen: dict[int, int] = {}
    lists: list[list[Candidate]] = []
    rows: list[list[float]] = []
    for n, (span, rule) in enumerate(zip(kept, rules)):
        previous = rules[n - 1] if n else None
        quote_cands = cands.for_quote(span, rule, previous)
        lists.append(quote_cands)
        rows.extend(quote_rows(front.ctx, cands, span, per_line[span.line], seen.get(span.line, 0),
                               rule, previous, quote_cands))
        seen[span.line] = seen.get(span.line, 0) + 1
    return cands, lists, rows


def rank_speakers(front, kept: Sequence[QuoteSpan], rules: Sequence[Attribution], clock=None) -> list[Attribution]:
    """Return one attribution per kept quote, chosen by the ranker.

    Args:
        front: the document's :class:`~quotes.pipeline.Front`.
        kept: the quotes, in order.
        rules: the rules' attribution of each quote.
        clock: optional stage timer (adds "candidate features" and "attribution model").
    """
    from .model_files import load_attribution_model

    model = load_attribution_model()
    _, lists, rows = candidate_table(front, kept, rules)
    if clock is not None:
        clock.lap("candidate features")
    scores = packed(model["ranker"]).predict_proba(rows).tolist() if rows else []
    out = choose(front, lists, scores, rules, model)
    if clock is not None:
        clock.lap("attribution model")
    return out


def choose(front, lists: list[list[Candidate]], scores: Sequence[float], rules: Sequence[Attribution],
           model: dict) -> list[Attribution]:
    """Turn candidate scores into attributions.

    Per quote: a certain rule keeps its mention; otherwise the best-scoring
    candidate wins (keeping the rule's cue and name when it is the rule's mention
    too). Names map to their entity's canonical name; pronouns and
    descriptions are resolved to the entity they point at.
    """
    certain = set(model.get("certain_rules", ()))
    # 1. the mention each quote rests on
    chosen: list[tuple[Attribution, Candidate | None, float, bool]] = []  # rule, candidate, score, from model
    at = 0
    for n, quote_cands in enumerate(lists):
        k = len(quote_cands)
        quote_scores = scores[at:at + k]
        at += k
        rule = rules[n]
        if not k or (rule.rule in certain and rule.mention is not None):
            best_score = max(quote_scores) if k else 0.0
            agree = bool(k) and _same(quote_cands[max(range(k), key=lambda i: quote_scores[i])], rule)
            chosen.append((rule, None, best_score if agree else -1.0, False))
            continue
        best = max(range(k), key=lambda i: quote_scores[i])
        cand = quote_cands[best]
        chosen.append((rule, cand, quote_scores[best], not _same(cand, rule)))
    calibrated = _calibrate(model.get("calibrator"), [max(0.0, c[2]) for c in chosen])
    # 2. the attributions
    out: list[Attribution] = []
    prev_entity: Entity | None = None
    for n, ((rule, cand, score, from_model), conf) in enumerate(zip(chosen, calibrated)):
        if score < 0:
            conf = rule.confidence  # the model had no say (or disagreed with a certain rule)
        if from_model:
            mention, cue, rule_name = cand.mention, _cue_near(front, cand), f"model (not {rule.rule})"
            if mention.kind == "name" and cand.entity is not None:
                entity, speaker = cand.entity, cand.entity.canonical
            else:
                entity, speaker = _resolve(_Found(mention, None, "model", cand.words), front.index, prev_entity)
        else:
            mention, cue, rule_name = rule.mention, rule.cue, rule.rule
            entity, speaker = _entity_of(front, rule), rule.speaker
        if mention is None:
            out.append(Attribution(None, None, None, rule.rule, 0.0))
            prev_entity = None
            continue
        out.append(Attribution(speaker, mention, cue, rule_name, round(conf * (1.0 if speaker else 0.5), 3)))
        prev_entity = entity
    return out


def _calibrate(calibrator, top: list[float]) -> list[float]:
    """Map the ranker's top scores to the probability that the choice is right."""
    if not top:
        return []
    if calibrator is None:
        return list(top)
    import numpy as np

    scores = np.asarray(top, dtype=float)
    if _is_clipped_isotonic(calibrator):
        # What IsotonicRegression.predict computes (clip, then scipy's interp1d,
        # which hands float64 data to np.interp), without its input checks.
        scores = np.clip(scores, calibrator.X_min_, calibrator.X_max_)
        return [float(p) for p in np.interp(scores, calibrator.X_thresholds_, calibrator.y_thresholds_)]
    return [float(p) for p in calibrator.predict(scores)]


def _is_clipped_isotonic(calibrator) -> bool:
    """True for a fitted IsotonicRegression that clips and interpolates float64 knots."""
    import numpy as np
    from sklearn.isotonic import IsotonicRegression

    return (isinstance(calibrator, IsotonicRegression) and calibrator.out_of_bounds == "clip"
            and len(getattr(calibrator, "X_thresholds_", ())) > 1
            and calibrator.X_thresholds_.dtype == np.float64 and calibrator.y_thresholds_.dtype == np.float64)


def _same(cand: Candidate, rule: Attribution) -> bool:
    m = rule.mention
    return m is not None and cand.mention.start < m.end and m.start < cand.mention.end


def _entity_of(front, attribution: Attribution) -> Entity | None:
    m = attribution.mention
    if m is None:
        return None
    if m.kind == "name":
        return front.index.entity_in(m.start, m.end)
    return None


def _cue_near(front, cand: Candidate) -> str | None:
    """The reporting verb right beside a candidate ("Blunt said", "said Blunt"), if any."""
    ctx = front.ctx
    tokens = front.parsed.tokens
    for k in (cand.hi, cand.hi + 1, cand.lo - 1):
        if 0 <= k < len(tokens) and ctx.cue[k]:
            return tokens[k].text
    return None


class PackedTrees:
    """A fitted binary HistGradientBoostingClassifier's trees packed into flat
    arrays, evaluated for all rows and all trees at once with numpy.

    scikit-learn's own ``predict_proba`` walks its trees one by one, with a
    thread team per tree; for the hundred-odd candidate rows of one article that
    overhead is most of the cost. The result is the same (tested): the sum of
    the leaf values plus the baseline, through the logistic link.

    Notes:
        The leaf a row reaches is found without walking the tree (the bit-vector
        scheme of QuickScorer, Lucchese et al. 2015): number each tree's leaves
        from left to right; every split whose test fails (the row goes right)
        rules out the leaves of its left subtree; the leftmost leaf not ruled out
        is the one the row reaches. So all the splits of all the trees are tested
        at once, the ruled-out leaves of each tree are ANDed away as bit masks, and
        the lowest set bit names the leaf. A missing value (NaN) fails every test
        and goes right, as in a walk that tests ``x <= threshold``.
    """

    def __init__(self, model) -> None:
        import numpy as np

        trees = [predictor.nodes for (predictor,) in model._predictors]
        if any(nodes["is_categorical"].any() for nodes in trees):
            raise ValueError("categorical splits are not supported")
        n_leaves = max(int(nodes["is_leaf"].sum()) for nodes in trees)
        n_splits = max(1, max(len(nodes) - int(nodes["is_leaf"].sum()) for nodes in trees))
        if n_leaves > 64:
            raise ValueError("trees of more than 64 leaves are not supported")
        self.mask_type = next(t for t in (np.uint8, np.uint16, np.uint32, np.uint64)
                              if np.iinfo(t).bits >= n_leaves)
        every = (1 << np.iinfo(self.mask_type).bits) - 1
        # per tree, n_splits tests (padded with tests that always pass)
        self.feature = np.zeros((len(trees), n_splits), dtype=np.intp)
        self.threshold = np.full((len(trees), n_splits), np.inf)
        self.keep = np.full((len(trees), n_splits), every, dtype=self.mask_type)  # leaves left when it fails
        self.first_leaf = np.zeros(len(trees), dtype=np.intp)  # where each tree's leaves start in .value
        values: list[float] = []
        for t, nodes in enumerate(trees):
            self.first_leaf[t] = len(values)
            for s, (node, left_leaves) in enumerate(_splits_and_left_leaves(nodes, values)):
                self.feature[t, s] = nodes["feature_idx"][node]
                self.threshold[t, s] = nodes["num_threshold"][node]
                self.keep[t, s] = every & ~sum(1 << b for b in left_leaves)
        self.value = np.asarray(values, dtype=float)
        # one column per (tree, split), for rows transposed to (feature, row)
        self.feature = self.feature.ravel()
        self.threshold = self.threshold.ravel()[:, None]
        self.keep = self.keep.ravel()[:, None]
        self.n_trees, self.n_splits = len(trees), n_splits
        self.baseline = float(np.ravel(model._baseline_prediction)[0])

    def predict_proba(self, rows, block: int = 256) -> "np.ndarray":
        """Return P(class 1) for each row (a list of equal-length number lists),
        ``block`` rows at a time so that memory stays flat on long documents."""
        import numpy as np

        if len(rows) > block:
            return np.concatenate([self.predict_proba(rows[i:i + block], block)
                                   for i in range(0, len(rows), block)])
        if not len(rows):
            return np.empty(0)
        X = np.asarray(rows, dtype=float)
        n = len(X)
        every = np.iinfo(self.mask_type).max
        # (tree and split, row): the leaves still possible after each test
        keep = np.where(X.T[self.feature] <= self.threshold, self.mask_type(every), self.keep)
        alive = np.bitwise_and.reduce(keep.reshape(self.n_trees, self.n_splits, n), axis=1)
        lowest = alive & (~alive + self.mask_type(1))  # the lowest set bit alone
        _, exponent = np.frexp(lowest.astype(float))  # 2**b -> b + 1
        leaf = (exponent - 1 + self.first_leaf[:, None]).T
        # a C-ordered (row, tree) array, summed along the row as before: same floats
        raw = np.ascontiguousarray(self.value[leaf]).sum(axis=1) + self.baseline
        return 1.0 / (1.0 + np.exp(-raw))


def _splits_and_left_leaves(nodes, values: list[float]) -> list[tuple[int, list[int]]]:
    """Number one tree's leaves from left to right (appending their values to
    ``values``) and return, per split node, the numbers of its left subtree's leaves."""
    splits: list[tuple[int, list[int]]] = []
    first = len(values)

    def walk(node: int) -> list[int]:
        if nodes["is_leaf"][node]:
            values.append(float(nodes["value"][node]))
            return [len(values) - 1 - first]
        left = walk(int(nodes["left"][node]))
        right = walk(int(nodes["right"][node]))
        splits.append((node, left))
        return left + right

    walk(0)
    return splits


_PACKED: dict[int, PackedTrees] = {}


def packed(model) -> PackedTrees:
    """The packed form of a fitted ranker, built once per model object."""
    key = id(model)
    if key not in _PACKED:
        _PACKED.clear()
        _PACKED[key] = PackedTrees(model)
    return _PACKED[key]

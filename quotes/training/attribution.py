"""Train the quote filter and the speaker ranker from gold JSONL; write the model and its card.

Usage:
    python -m quotes.training.attribution --data polnear-train.jsonl [--dev polnear-dev.resolved.jsonl] [--out models/]

Both models learn from the same stage functions the pipeline runs
(:func:`quotes.attribution.front.prepare`, :func:`quotes.attribution.quote_filter.span_rows`,
:func:`quotes.attribution.rank.candidate_table`), so training and extraction cannot drift.

- Quote filter: every quote-mark span is an example; it is positive when it
  matches a gold quote (character IoU >= 0.5, the scorer's loose match).
  PolNeAR's quote-mark segments that are not gold quotes (titles, scare quotes,
  nicknames, boilerplate) are the negatives. A logistic regression over sparse
  features; its threshold gives the best span F1 of the out-of-fold scores of
  every training source together while each source keeps a recall of 0.9875
  (THRESHOLD_MIN_RECALL).
- Speaker ranker: every candidate of every gold-matched span is an example; it
  is positive when it overlaps the gold speaker mention (and, when several do,
  when its name agrees with the gold speaker). Gradient-boosted trees score
  each candidate; the best one per quote wins. Rules that beat the model in
  cross-validation on their own quotes, at >= 98% precision, keep the last word.
  A calibrator learned on the pipeline's out-of-fold outcomes (a logistic
  regression over the winner's score, its margin, model/rule agreement, the
  mention's kind, the number of candidates and the rule, then an isotonic map)
  gives the probability that the speaker is right (the ``confidence``).
- Figures: 5-fold cross-validation over the training documents (grouped by
  document), and, when a dev file is given, the whole pipeline scored on it.
"""
from __future__ import annotations

import datetime as _dt
import random
import time
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from quotes.attribution.rules import attribute
from quotes.attribution.candidates import CANDIDATE_FEATURES, CATEGORICAL_FEATURES
from quotes.corpus.evaluate import (
    same_speaker,
    usable_speaker,
    overlap_ratio,
    trim_span,
    evaluate,
    gold_document,
    load_gold,
    name_words,
    score_document,
    summarise,
)
from quotes.attribution.model import ATTRIBUTION_NAME, calibration_from_sklearn, use_model
from quotes.training.model_files import TRUSTED_TYPES, dump_model, file_sha256, library_versions, model_paths
from quotes.version import RULES_VERSION
from quotes.pipeline import extract_document
from quotes.attribution.front import prepare
from quotes.attribution.quote_filter import CERTAIN_REJECTS, span_rows
from quotes.attribution.rank import candidate_table

SEED = 0
N_FOLDS = 5
# Rules whose choice stands without the model when, in cross-validation, they are
# right at least this often and at least as often as the model on their quotes.
CERTAIN_RULE_PRECISION = 0.98
CERTAIN_RULE_MIN_COUNT = 50
# The quote filter may cost each training source (PolNeAR, the web set) at most
# this share of its gold quotes beyond what the rules already lose. Chosen by
# grouped CV over PolNeAR train and the web set (issue #15): at 0.1% the filter
# barely acts (out-of-fold web precision 0.814); at 0.4% PolNeAR's recall is
# still 0.989 and out-of-fold web precision 0.849 (0.2%: 0.820).
# The threshold of the best span F1 over every source's spans together was measured
# (tools/quote_filter_cv.py; retrained, rules-25 with learned he/she weights): out of
# fold web + BBC train span P/R 0.8945/1.000 -> 0.9326/0.9954, e2e 0.872 -> 0.891;
# PolNeAR train 0.9470/0.9888 -> 0.9609/0.9755 (F1 0.9675 -> 0.9682). It was not
# taken: besides titles and slogans it drops short partial quotes inside reported
# speech ("he was 'not only relieved but confident'"), which every guideline here
# counts as quotes.
MAX_RECALL_LOSS = 0.004  # (the rule before THRESHOLD_MIN_RECALL; tools/quote_filter_cv.py still reads it)
# The quote filter's threshold (choose_threshold): the best span F1 over the spans
# of all training sources together, among the thresholds at which each source
# (PolNeAR train; the web set with the BBC training articles) keeps a recall of
# at least this (every gold quote counts, those the rules lose too): PolNeAR
# dev's recall floor (tests/test_quality.py), held in CV. Chosen by grouped CV
# (tools/threshold_calibration_cv.py; rules-28, 840 PolNeAR train articles, the
# web set's 120 and 280 BBC training articles; one fit of the folds, the
# threshold alone differs). Threshold; out-of-fold span P/R/F1 PolNeAR train,
# web, BBC train; strict e2e F1 out of fold web, BBC, both; web + BBC gold quotes
# the filter drops against the 0.4% rule (of which partial, inside a reported
# sentence):
#   lose <= 0.2% each   0.113  .9436/.9907/.9666  .8311/1/.9078  .9389/.9988/.9679  .8419 .8231 .8284  +1 (1)
#   lose <= 0.4% each   0.163  .9467/.9887/.9672  .8540/1/.9212  .9405/.9982/.9685  .8544 .8243 .8327  (before)
#   lose <= 0.7% each   0.234  .9502/.9856/.9676  .8732/1/.9323  .9452/.9976/.9707  .8647 .8259 .8366  1 (1)
#   lose <= 1% each     0.300  .9535/.9828/.9679  .8819/1/.9373  .9484/.9976/.9724  .8692 .8273 .8389  1 (1)
#   lose <= 1.5% each   0.389  .9584/.9778/.9680  .8947/1/.9444  .9565/.9958/.9758  .8759 .8299 .8426  4 (3)
#   lose <= 2% each     0.450  .9616/.9727/.9671  .9088/.9968/.9508  .9630/.9917/.9771  .8831 .8322 .8462  13 (10)
#   best F1, free       0.491  .9641/.9702/.9671  .9169/.9968/.9552  .9657/.9893/.9773  .8872 .8332 .8480  17 (14)
#   best F1, R >= .98   0.341  .9561/.9808/.9683  .8908/1/.9422  .9522/.9976/.9744  .8739 .8290 .8414  1 (1)
#   best F1, R >= .985  0.259  .9514/.9852/.9680  .8757/1/.9337  .9468/.9976/.9716  .8660 .8266 .8375  1 (1)
# PolNeAR train's loss binds every per-source rule (PolNeAR 0.4% with web + BBC
# 1% or 2%: 0.163, as 0.4% each; PolNeAR 1% with web 1% or 2%: 0.300, as 1% each):
# the web + BBC set loses one quote up to 0.30. Above that the filter drops
# PolNeAR's titles, slogans and headline scare quotes (its converter's convention)
# and, in web + BBC, short partial quotes inside reported sentences; the free
# best F1 would take PolNeAR train's recall to 0.970, far under PolNeAR dev's floor.
# Confirmed once, retrained on rules-28 (threshold 0.2587): PolNeAR dev loose P/R
# 0.9614/0.9829 (recall under its floor 0.985 by two hundredths: CV held 0.9852),
# e2e 0.9109; web (in sample) P 0.9437, e2e 0.9037; BBC test e2e 0.8463, second
# BBC test 0.8577. (The same CV gives 0.2108 at recall 0.9865, 0.1845 at 0.9875.)
# 0.985 was not kept, and the choice below was made with two known texts in view,
# not by CV alone: retrained at 0.985 on rules-33 with the 280 BBC training articles
# (threshold 0.2587), the seed article lost its partial quote inside reported speech
# ("he was 'not only relieved but confident'", scored 0.193) and PolNeAR dev's recall
# fell under its floor (0.9829). 0.9875 is the next step the CV measured (threshold
# 0.1845; e2e out of fold between the 0.4% rule's 0.8327 and 0.8375): it keeps more
# of the short partial quotes every guideline here counts, at half the precision gain.
THRESHOLD_MIN_RECALL = 0.9875
# The weight of a web-set span in the quote filter's fit: 120 articles of many
# kinds beside 840 of one election. Chosen by the same CV: 1 gave web precision
# 0.843, 3 gave 0.849 and 6 gave 0.847, PolNeAR's F1 the same within 0.0005.
WEB_WEIGHT = 3.0
# What more the filter's features could give is measured by tools/quote_filter_cv.py
# (the same CV): no general feature family raised web precision beyond noise; the
# threshold stands at PolNeAR's lowest-scored gold quotes (titles and scare-quoted
# terms its converter counts as quotes, which the web guidelines do not).
# The weight of a web-set candidate in the speaker ranker's fit (0: the ranker
# learns from PolNeAR train alone). Chosen by the same grouped 5-fold CV
# (tools/ranker_cv.py, issue #15), web pipeline out of fold, strict names:
# weight 0 named 0.9135, end-to-end F1 0.8230; 1: 0.9183, 0.8260; 3: 0.9159,
# 0.8245; 6: 0.9159, 0.8230 (pronoun/description 0.806 at 0 to 3, 0.799 at 6);
# PolNeAR train's ranker, named 0.9386, 0.9406, 0.9399, 0.9406.
WEB_RANKER_WEIGHT = 1.0
RANKER_TREES = 300  # (see make_ranker)
# He/she resolution weights (entities.RESOLVE_FEATURES) learned with the model
# (issue #15): a conditional logit over the mentions each he/she looks back at,
# fitted on the resolved set's (web + BBC train) he/she quotes whose speaker
# mention is the gold one, with an L2 penalty of RESOLVE_L2 toward the hand-set
# weights (chosen by grouped CV, tools/resolve_cv.py: 0.1 0.933, 0.3 0.934, 1.0
# 0.924; hand-set 0.916). The cross-validation refits them on each fold's
# training documents before it runs the pipeline on the fold's held-out ones, so
# the out-of-fold outcomes (and the confidence maps fitted on them) never come
# from weights fitted on the same quotes; the shipped weights are fitted on all
# and stored in the model's arrays (entities.resolve_weights reads them).
# Off: the hand-set weights ship (the model stores none). Measured (rules-25, web +
# BBC train, 261 he/she quotes): the fold weights differ from the full fit by at
# most 0.03, so the outcomes barely leak; yet the retrained model's pronoun
# confidence map, fitted on those honest outcomes, grows generous (pronoun quotes
# of PolNeAR dev at confidence >= 0.9: 80 -> 161) and it does not carry over:
# right at >= 0.9 PolNeAR dev 0.988 of 559 -> 0.977 of 647 (floor 0.98), BBC test
# 0.973 of 110 -> 0.925 of 173, BBC test named 0.894 (floor 0.90). The cause is
# the map (about 280 web + BBC pronoun outcomes), not a leak of the weights.
# Measured again (rules-28, web + 120 BBC training articles, 325 he/she quotes):
# tools/resolve_cv.py, hand 0.8923, learned out of fold 0.8994 (10 shuffles), but
# PolNeAR train's substituted he/she 0.5400 -> 0.5376; tools/ranker_cv.py --weights 1,
# pipeline out of fold, --resolve shipped (hand) against folds: web pronoun/description
# 0.8467 -> 0.8540 (n 137, one quote), e2e 0.8487 -> 0.8501; BBC train 0.8493 -> 0.8539
# (n 219, one quote), e2e 0.8321 -> 0.8334. A quote each way, against the map's known
# generosity on new text (its nested reliability not measured again): still off.
LEARN_RESOLVE_WEIGHTS = False
RESOLVE_L2 = 0.3
_PRONOUN_GENDER = {"he": "m", "she": "f", "him": "m", "her": "f"}


# -- examples ---------------------------------------------------------------------

def _match_gold(text: str, spans, gold: list[dict]) -> list[int | None]:
    """Index of the gold quote each span matches (IoU >= 0.5, best first, one-to-one)."""
    gs = [trim_span(text, q["start"], q["end"]) for q in gold]
    pairs = []
    for j, s in enumerate(spans):
        ps = trim_span(text, s.start, s.end)
        for i, g in enumerate(gs):
            v = overlap_ratio(g, ps)
            if v >= 0.5:
                pairs.append((v, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    out: list[int | None] = [None] * len(spans)
    used: set[int] = set()
    for _, i, j in pairs:
        if i in used or out[j] is not None:
            continue
        used.add(i)
        out[j] = i
    return out


def _candidate_labels(candidates, gold_quote: dict) -> list[int]:
    """1 for candidates that are the gold speaker mention, else 0."""
    s, e = gold_quote.get("speaker_start"), gold_quote.get("speaker_end")
    if s is None:
        return [0] * len(candidates)
    hits = [int(c.mention.start < e and s < c.mention.end) for c in candidates]
    if sum(hits) > 1:
        # "His partner at Lenox, Lawrence B. Cummings": the name that agrees with the gold speaker
        gold_words = name_words(gold_quote.get("speaker"))
        agree = [int(h and c.mention.kind == "name" and bool(name_words(c.mention.text))
                     and name_words(c.mention.text) <= gold_words) for h, c in zip(hits, candidates)]
        if any(agree):
            return agree
    return hits


def build_examples(docs: list[dict], spans_only: bool = False, first_group: int = 0) -> dict[str, Any]:
    """Turn gold documents into quote-filter and ranker examples.

    Args:
        docs: gold documents.
        spans_only: build the quote filter's examples alone (no candidates).
        first_group: the group number of the first document (so that two sets'
            examples can be put side by side).

    Returns:
        A dict of lists: ``span_X``/``span_y``/``span_group`` (one per span),
        ``cand_X``/``cand_y``/``cand_quote`` (one per candidate; the quote id
        groups a quote's candidates), ``quote_group``/``quote_rule``/
        ``quote_rule_ok``/``quote_has_gold`` (one per gold-matched quote).
    """
    ex: dict[str, list] = {k: [] for k in (
        "span_X", "span_y", "span_group", "cand_X", "cand_y", "cand_quote", "cand_kind",
        "quote_group", "quote_rule", "quote_rule_ok", "quote_has_gold", "quote_gold_kind")}
    for d, doc in enumerate(docs):
        text = doc["text"]
        front = prepare(text)
        gold = doc["quotes"]
        match = _match_gold(text, front.spans, gold)
        rows = span_rows(front)
        kept, kept_gold = [], []
        for span, reason, row, m in zip(front.spans, front.reasons, rows, match):
            if reason in CERTAIN_REJECTS:
                continue
            ex["span_X"].append(row)
            ex["span_y"].append(int(m is not None))
            ex["span_group"].append(first_group + d)
            if m is not None:
                kept.append(span)
                kept_gold.append(gold[m])
        if not kept or spans_only:
            continue
        rules = attribute(front.parsed, kept, front.index)
        _, lists, cand_rows = candidate_table(front, kept, rules)
        at = 0
        for cands, g, rule in zip(lists, kept_gold, rules):
            qid = len(ex["quote_group"])
            labels = _candidate_labels(cands, g)
            ex["cand_X"].extend(cand_rows[at:at + len(cands)])
            at += len(cands)
            ex["cand_y"].extend(labels)
            ex["cand_quote"].extend([qid] * len(cands))
            ex["cand_kind"].extend(c.mention.kind for c in cands)
            ex["quote_group"].append(first_group + d)
            ex["quote_rule"].append(rule.rule)
            has_gold = g.get("speaker_start") is not None and any(labels)
            ex["quote_has_gold"].append(has_gold)
            rm = rule.mention
            ex["quote_rule_ok"].append(bool(rm is not None and g.get("speaker_start") is not None
                                            and rm.start < g["speaker_end"] and g["speaker_start"] < rm.end))
            gk = "none"
            if g.get("speaker_start") is not None:
                gk = "name" if any(l and c.mention.kind == "name" for l, c in zip(labels, cands)) else "other"
            ex["quote_gold_kind"].append(gk)
    return ex


# -- he/she resolution weights -------------------------------------------------------

def resolve_examples(docs: list[dict], first_group: int = 0) -> list[tuple[int, list, list[bool]]]:
    """(group, feature rows, rows right) per he/she quote of ``docs`` (gold names
    resolved) whose predicted speaker mention is the gold mention: the mentions
    ``EntityIndex._resolve_person`` scored for it (as the weights in force see
    them) and whether each names the gold speaker (strict names)."""
    from quotes.text import entities

    out = []
    for d, doc in enumerate(docs):
        with entities.recording_resolutions() as sink:
            pred = extract_document(gold_document(doc))
        by_offset = {offset: rows for offset, _, rows in sink}  # (the last call at an offset is the ranker's)
        match = _match_gold(doc["text"], pred, doc["quotes"])
        for q, m in zip(pred, match):
            if m is None or q.speaker_mention is None or q.speaker_start is None:
                continue
            g = doc["quotes"][m]
            gold = g.get("speaker_resolved", g.get("speaker"))
            if not usable_speaker(gold) or q.speaker_mention.lower().strip() not in _PRONOUN_GENDER:
                continue
            if g.get("speaker_start") is None or not (q.speaker_start < g["speaker_end"]
                                                      and g["speaker_start"] < q.speaker_end):
                continue
            rows = by_offset.get(q.speaker_start)
            if rows is None:
                continue
            out.append((first_group + d, [f for _, f in rows],
                        [same_speaker(gold, name, strict=True) for name, _ in rows]))
    return out


def fit_resolve_weights(examples, l2: float = RESOLVE_L2, init=None, prior=None):
    """Conditional-logit weights (softmax over each pronoun's mentions, the right
    entity's mentions together) over the ``examples`` of :func:`resolve_examples`
    that have a right candidate among several, fitted by L-BFGS; the L2 penalty
    pulls them toward ``prior`` (the hand-set weights when None)."""
    import numpy as np
    from scipy.optimize import minimize

    from quotes.text.entities import RESOLVE_FEATURES, W_RESOLVE_HAND

    n = len(RESOLVE_FEATURES)
    ex = [(np.asarray(f, dtype=float).reshape(-1, n), np.asarray(r, dtype=bool)) for _, f, r in examples]
    ex = [(x, y) for x, y in ex if y.any() and len(y) > 1]
    c = np.asarray(W_RESOLVE_HAND if prior is None else prior, dtype=float)
    w0 = np.asarray(init if init is not None else c, dtype=float)
    if not ex:
        return c.copy()

    def loss(w):
        total, grad = conditional_logit_loss(w, ex)
        return total + l2 * ((w - c) @ (w - c)), grad + 2 * l2 * (w - c)

    return minimize(loss, w0, jac=True, method="L-BFGS-B").x


def conditional_logit_loss(w, examples):
    """The mean negative log-likelihood of a conditional logit and its gradient:
    for each (x, y) of ``examples``, a softmax of ``x @ w`` over one pronoun's
    candidate mentions, the right entity's mentions (``y``) together."""
    import numpy as np

    total, grad = 0.0, np.zeros_like(w)
    for x, y in examples:
        s = x @ w
        p = np.exp(s - s.max())
        z, zp = p.sum(), p[y].sum()
        total -= np.log(zp) - np.log(z)
        grad -= (p[y] / zp) @ x[y] - (p / z) @ x
    return total / len(examples), grad / len(examples)


def _rounded(weights) -> tuple[float, ...]:
    return tuple(round(float(w), 2) for w in weights)


# -- models -----------------------------------------------------------------------

def make_quote_filter(C: float = 0.5):
    """The "is it a quote?" pipeline: hashed sparse features, logistic regression.

    Hashing keeps the model free of a vocabulary (the words around the marks
    would otherwise make the file large and slow to load)."""
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([("features", FeatureHasher(n_features=2 ** 15, input_type="dict")),
                     ("model", LogisticRegression(C=C, max_iter=2000, random_state=SEED))])


def make_ranker():
    """The candidate scorer: gradient-boosted trees over the numeric rows."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    # Categorical columns stay small integer codes: trees split them like numbers,
    # which keeps the fitted model free of the preprocessing objects that
    # native categorical support would add to the skops file. Trees and leaves
    # chosen by grouped 5-fold CV over PolNeAR train and the web set (issue #15,
    # tools/ranker_cv.py --ranker, web weight 1): PolNeAR train named / pronoun
    # mention accuracy, web pipeline out of fold named / e2e F1 with 100 trees of
    # 15 leaves 0.9409 / 0.9082, 0.9211 / 0.8279; 200 of 15 0.9410 / 0.9127, 0.9234
    # / 0.8294; 300 of 15 0.9430 / 0.9127, 0.9234 / 0.8279; 100 of 31 0.9423 /
    # 0.9090, 0.9234 / 0.8279; 200 of 31 0.9429 / 0.9143, 0.9211 / 0.8264; L2 5
    # instead of 1 lower on both. (They were 100 of 15 while the ranker learned
    # from PolNeAR alone: within half a point of 250 of 31 at a third of the cost.)
    # The shipped model (attribution-model-14) is 300 of 15, fitted on rules-18
    # spans with the BBC training set beside the web set; PolNeAR dev named fell by
    # one to three quotes while CV and the unseen BBC test set rose (tests/test_quality.py).
    return HistGradientBoostingClassifier(
        max_iter=RANKER_TREES, learning_rate=0.15, max_leaf_nodes=15, min_samples_leaf=20, l2_regularization=1.0,
        early_stopping=False, random_state=SEED)


def _folds(n_docs: int, n_extra: int = 0) -> list[set[int]]:
    """Split document ids into N_FOLDS fixed groups (round robin over a seeded shuffle).

    ``n_extra`` more documents (ids ``n_docs`` on: a second training set) are
    dealt round the folds the same way, on their own, so each fold holds a fifth
    of each set; the first set's folds do not depend on the second."""
    ids = list(range(n_docs))
    random.Random(SEED).shuffle(ids)
    folds = [set(ids[f::N_FOLDS]) for f in range(N_FOLDS)]
    extra = list(range(n_docs, n_docs + n_extra))
    random.Random(SEED).shuffle(extra)
    for f in range(N_FOLDS):
        folds[f] |= set(extra[f::N_FOLDS])
    return folds


def _threshold_keeping_recall(probs, labels, rule_keeps, max_loss, sources=None) -> float:
    """The highest threshold at which the spans the rules keep lose at most
    ``max_loss`` of the gold quotes of each source (all one source when
    ``sources`` is None; ``max_loss`` a number for every source or a mapping
    from source to its own): precision may rise, recall may fall only by that margin."""
    sources = list(sources) if sources is not None else [0] * len(labels)
    limit = max_loss.__getitem__ if isinstance(max_loss, Mapping) else (lambda _src: max_loss)
    total: Counter = Counter(src for src, y in zip(sources, labels) if y)
    kept = sorted((p, y, src) for p, y, k, src in zip(probs, labels, rule_keeps, sources) if k)
    lost: Counter = Counter()
    threshold = 0.0
    for p, y, src in kept:
        lost[src] += y
        if lost[src] / total[src] > limit(src):
            break
        threshold = p
    return threshold


def _best_f1_threshold(probs, labels, rule_keeps, sources=None, max_loss: float = 1.0,
                       min_recall: float = 0.0) -> float:
    """The threshold of the best span F1 over every source's spans together (the
    spans the rules drop count as lost), among the thresholds at which each
    source (see :func:`_threshold_keeping_recall`) loses at most ``max_loss`` of
    its gold quotes to the filter and keeps a recall of at least ``min_recall``
    (of all its gold quotes, the rules' losses too); 0 when none does."""
    import numpy as np

    probs, labels, keep = np.asarray(probs, dtype=float), np.asarray(labels), np.asarray(rule_keeps, dtype=bool)
    cap = _threshold_keeping_recall(probs.tolist(), labels.tolist(), keep.tolist(), max_loss, sources) \
        if max_loss < 1.0 else 1.0
    src = np.asarray(list(sources) if sources is not None else [0] * len(labels))
    p, y, s = probs[keep], labels[keep], src[keep]
    order = np.argsort(-p, kind="stable")
    p, y, s = p[order], y[order], s[order]
    tp = np.cumsum(y)
    f1 = 2 * tp / (np.arange(1, len(p) + 1) + labels.sum())
    last = np.r_[p[1:] != p[:-1], True]  # (a threshold keeps every span of its score)
    ok = last & (p <= cap)
    for one in np.unique(src):
        ok &= np.cumsum(y * (s == one)) >= min_recall * (labels * (src == one)).sum()
    f1 = np.where(ok, f1, -1.0)
    if not len(f1) or f1.max() < 0:
        return 0.0
    return float(p[int(np.argmax(f1))])


def choose_threshold(probs, labels, rule_keeps, sources) -> float:
    """The quote filter's threshold from out-of-fold span scores: the best span F1
    over every source's spans together among the thresholds at which each source
    keeps a recall of THRESHOLD_MIN_RECALL (see the note there)."""
    return _best_f1_threshold(probs, labels, rule_keeps, sources, min_recall=THRESHOLD_MIN_RECALL)


def _span_figures(pred, span_y, rules_keep) -> dict[str, Any]:
    """Precision, recall and F1 of the kept spans, beside the rules' alone."""
    tp = int((pred & (span_y == 1)).sum())
    rtp = int((rules_keep & (span_y == 1)).sum())
    p, r = tp / max(1, pred.sum()), tp / max(1, span_y.sum())
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / max(1e-9, p + r), 4),
            "rules_only": {"precision": round(rtp / max(1, rules_keep.sum()), 4),
                           "recall": round(rtp / max(1, span_y.sum()), 4)},
            "spans": int(len(span_y)), "quotes": int(span_y.sum())}



def ranker_examples(ex: dict[str, Any], web_ex: dict[str, Any] | None = None) -> dict[str, Any]:
    """The ranker's examples of both sets side by side, as arrays: ``X``, ``y``,
    per candidate its ``quote`` id and that quote's document ``group``; per quote
    ``quote_group``, ``has_gold``, ``gold_kind``, ``rule``, ``rule_ok`` (the web
    set's quote ids follow PolNeAR's; it adds nothing when built ``spans_only``)."""
    import numpy as np

    sets = [ex] + ([web_ex] if web_ex is not None and web_ex["quote_group"] else [])
    cols: dict[str, list] = {k: [] for k in ("X", "y", "quote", "quote_group", "has_gold", "gold_kind", "rule",
                                             "rule_ok")}
    for e in sets:
        offset = len(cols["quote_group"])
        cols["X"].extend(e["cand_X"])
        cols["y"].extend(e["cand_y"])
        cols["quote"].extend(q + offset for q in e["cand_quote"])
        cols["quote_group"].extend(e["quote_group"])
        cols["has_gold"].extend(e["quote_has_gold"])
        cols["gold_kind"].extend(e["quote_gold_kind"])
        cols["rule"].extend(e["quote_rule"])
        cols["rule_ok"].extend(e["quote_rule_ok"])
    out: dict[str, Any] = {k: np.asarray(v) for k, v in cols.items()}
    out["X"] = np.asarray(cols["X"], dtype=float).reshape(-1, len(CANDIDATE_FEATURES))
    out["group"] = out["quote_group"][out["quote"]] if len(out["quote"]) else np.zeros(0, dtype=int)
    return out


def _ranker_figures(best: dict[int, tuple[int, float]], y, rex: dict[str, Any], in_set) -> dict[str, Any]:
    """Mention accuracy of the top candidates of the quotes ``in_set`` (a mask over
    quotes), overall, for named and for other (pronoun, description) gold mentions,
    the rules' beside it, and by rule."""
    by_kind: Counter = Counter()
    rule_stats: dict[str, Counter] = {}
    has_gold, gold_kind = rex["has_gold"], rex["gold_kind"]
    for q, (row, _) in best.items():
        if not in_set[q] or not has_gold[q]:
            continue
        ok = bool(y[row])
        kind = str(gold_kind[q])
        by_kind[f"{kind}_n"] += 1
        by_kind[f"{kind}_ok"] += ok
        by_kind["rule_" + kind + "_ok"] += bool(rex["rule_ok"][q])
        st = rule_stats.setdefault(str(rex["rule"][q]), Counter())
        st["n"] += 1
        st["model_ok"] += ok
        st["rule_ok"] += bool(rex["rule_ok"][q])
    n_gold = int((has_gold & in_set).sum())
    n_with_mention = int(((gold_kind != "none") & in_set).sum())
    return {
        "quotes": int(in_set.sum()), "quotes_with_gold_mention": n_with_mention,
        "candidate_recall": round(n_gold / max(1, n_with_mention), 4),
        "mention_accuracy": round((by_kind["name_ok"] + by_kind["other_ok"]) / max(1, n_gold), 4),
        "named_mention_accuracy": round(by_kind["name_ok"] / max(1, by_kind["name_n"]), 4),
        "pronoun_description_mention_accuracy": round(by_kind["other_ok"] / max(1, by_kind["other_n"]), 4),
        "rules_mention_accuracy": round((by_kind["rule_name_ok"] + by_kind["rule_other_ok"]) / max(1, n_gold), 4),
        "by_rule": {r: {"n": s["n"], "model": round(s["model_ok"] / s["n"], 4), "rule": round(s["rule_ok"] / s["n"], 4)}
                    for r, s in sorted(rule_stats.items(), key=lambda kv: -kv[1]["n"])},
    }


def _top_choices(scores, quote_ids) -> dict[int, tuple[int, float]]:
    """Per quote id, (row of the best-scoring candidate, its score)."""
    best: dict[int, tuple[int, float]] = {}
    for row, (q, s) in enumerate(zip(quote_ids, scores)):
        if q not in best or s > best[q][1]:
            best[q] = (row, s)
    return best


def cross_validate(ex: dict[str, Any], n_docs: int, docs: list[dict] | None = None,
                   web_ex: dict[str, Any] | None = None, web_docs: list[dict] | None = None,
                   ranker_web_weight: float = WEB_RANKER_WEIGHT, own_pipeline: bool = True,
                   web_predictions: list | None = None, fold_setup=None) -> dict[str, Any]:
    """5-fold cross-validation over documents; returns figures and out-of-fold scores.

    Args:
        ex: examples from :func:`build_examples`.
        n_docs: number of training documents.
        docs: the documents themselves; when given, each fold's models also run
            the whole pipeline on that fold's held-out documents, scored like dev
            (loose span, attribution, end to end; gold ``speaker`` as the target),
            and each quote's calibration inputs and outcome are collected.
        web_ex: quote-filter examples of a second set (the web set, groups from
            ``n_docs`` on), dealt round the same folds: the filter learns from
            both (a web span weighs WEB_WEIGHT), and is scored on each.
        web_docs: that set's documents, run through the pipeline like ``docs``
            (its gold names are resolved: scored strictly).
    """
    import numpy as np

    n_web = len(web_docs) if web_docs is not None else (1 + max(web_ex["span_group"]) - n_docs
                                                         if web_ex and web_ex["span_group"] else 0)
    folds = _folds(n_docs, n_web)
    span_X = list(ex["span_X"]) + (list(web_ex["span_X"]) if web_ex else [])
    span_groups = np.asarray(list(ex["span_group"]) + (list(web_ex["span_group"]) if web_ex else []))
    span_y = np.asarray(list(ex["span_y"]) + (list(web_ex["span_y"]) if web_ex else []))
    span_web = span_groups >= n_docs
    weights = np.where(span_web, WEB_WEIGHT, 1.0)
    span_oof = np.zeros(len(span_y))
    rex = ranker_examples(ex, web_ex)
    X, y, qids = rex["X"], rex["y"], rex["quote"]
    cand_group = rex["group"]
    cand_weight = np.where(cand_group >= n_docs, ranker_web_weight, 1.0)
    fit_rows = cand_weight > 0
    cand_oof = np.zeros(len(y))
    fold_models: list = []
    for fold in folds:
        test = np.isin(span_groups, list(fold))
        f = make_quote_filter().fit([span_X[i] for i in np.flatnonzero(~test)], span_y[~test],
                                    model__sample_weight=weights[~test])
        span_oof[test] = f.predict_proba([span_X[i] for i in np.flatnonzero(test)])[:, 1]
        ctest = np.isin(cand_group, list(fold))
        train = ~ctest & fit_rows
        r = make_ranker().fit(X[train], y[train], sample_weight=cand_weight[train])
        cand_oof[ctest] = r.predict_proba(X[ctest])[:, 1]
        fold_models.append((fold, f, r))
    rules_keep = np.asarray([row.get("reason=None", 0.0) == 1.0 for row in span_X])
    threshold = choose_threshold(span_oof, span_y, rules_keep, span_web)
    pred = rules_keep & (span_oof >= threshold)
    own = ~span_web
    figures: dict[str, Any] = {
        "quote_filter": {"threshold": round(float(threshold), 4),
                         **_span_figures(pred[own], span_y[own], rules_keep[own])}}
    if span_web.any():
        figures["quote_filter"]["web_out_of_fold"] = _span_figures(pred[span_web], span_y[span_web],
                                                                   rules_keep[span_web])
    # ranker: accuracy of the top candidate over quotes whose gold mention is a candidate
    best = _top_choices(cand_oof, qids)
    figures["ranker"] = _ranker_figures(best, y, rex, rex["quote_group"] < n_docs)
    if (rex["quote_group"] >= n_docs).any():
        figures["ranker"]["web_out_of_fold"] = _ranker_figures(best, y, rex, rex["quote_group"] >= n_docs)
        figures["ranker"]["web_weight"] = ranker_web_weight
    outcomes: list[tuple[int, float, str, bool, bool]] = []
    if docs is not None:
        figures["pipeline"], web_summary = _score_folds(docs, fold_models, float(threshold), web_docs, outcomes,
                                                        own_pipeline, web_predictions, fold_setup)
        if web_summary is not None:
            figures["pipeline_web_out_of_fold"] = web_summary
    return {"figures": figures, "span_oof": span_oof, "threshold": float(threshold), "outcomes": outcomes,
            "fold_models": fold_models, "span_y": span_y, "span_web": span_web, "rules_keep": rules_keep,
            "span_groups": span_groups}


def _score_folds(docs: list[dict], fold_models: list, threshold: float, web_docs: list[dict] | None = None,
                 outcomes: list | None = None, own: bool = True, web_predictions: list | None = None,
                 fold_setup=None) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Run the pipeline on each fold's held-out documents with that fold's models.

    Returns the summary of ``docs`` and of ``web_docs`` (None without them); adds
    to ``outcomes`` one (document group, score, mention kind, agreement, right)
    per predicted quote that matches a gold quote with a speaker (see
    :func:`_outcomes`)."""
    from quotes.attribution.model import AttributionModel, Calibration, HashedLinear, PackedTrees

    web_docs = web_docs or []
    counts: Counter = Counter()
    web_counts: Counter = Counter()
    errors: list[dict] = []
    web_errors: list[dict] = []
    for fold, quote_filter, ranker in fold_models:
        if fold_setup is not None:
            fold_setup(fold)
        recorder = Calibration.recording()
        model = AttributionModel(HashedLinear.from_sklearn(quote_filter), threshold,
                                 PackedTrees.from_sklearn(ranker), recorder, ())
        with use_model(model):
            for d in sorted(fold):
                web = d >= len(docs)
                if not web and not own:
                    continue
                doc = web_docs[d - len(docs)] if web else docs[d]
                c, e = (web_counts, web_errors) if web else (counts, errors)
                c["docs"] += 1
                del recorder.record[:]
                pred = extract_document(gold_document(doc))
                if web and web_predictions is not None:
                    web_predictions.append((doc, pred))
                e += score_document(doc["text"], doc["quotes"], pred, c)
                if outcomes is not None:
                    outcomes += _outcomes(d, doc, pred, recorder.record, strict=web)
    return summarise(counts, errors), (summarise(web_counts, web_errors) if web_docs else None)


def _outcomes(group: int, doc: dict, pred: list, calls: list[tuple], strict: bool) -> list[tuple]:
    """Per predicted quote with a mention that matches a gold quote with a speaker:
    (group, ranker score, mention kind, model agreed with the rule, speaker right,
    the score's margin over the runner-up, the number of candidates, the rule).

    Right: with resolved gold names (``strict``, the web set), the strict name
    rule of the scorer; with PolNeAR train's gold, whose speakers are the mention
    strings: when the gold mention is a name, the names agree (either inside the
    other: the gold string may be a surname or carry a title); when it is a
    pronoun or description, the chosen mention overlaps it and was resolved to
    a name (whether to the right one, this gold cannot say: the maps of
    pronouns and descriptions learn from the web set alone). Quotes with no
    gold speaker are left out, as in the scorer's reliability table."""
    with_mention = [q for q in pred if q.speaker_mention is not None]
    if len(with_mention) != len(calls):  # (one call per quote with a mention, in order)
        raise RuntimeError("calibration calls and quotes disagree")
    match = _match_gold(doc["text"], with_mention, doc["quotes"])
    out = []
    for q, (score, kind, agree, margin, n_cands, rule), m in zip(with_mention, calls, match):
        if m is None or score < 0:
            continue
        g = doc["quotes"][m]
        gold_name = g.get("speaker_resolved", g.get("speaker"))
        if strict:
            if not usable_speaker(gold_name):
                continue
            ok = same_speaker(gold_name, q.speaker, strict=True)
        else:
            if g.get("speaker_start") is None:
                continue
            if usable_speaker(gold_name):
                ok = same_speaker(gold_name, q.speaker)
            else:
                ok = (q.speaker_start < g["speaker_end"] and g["speaker_start"] < q.speaker_end
                      and q.speaker is not None)
        out.append((group, float(score), kind, bool(agree), bool(ok), float(margin), int(n_cands), str(rule)))
    return out


def _certain_rules(by_rule: dict[str, dict]) -> list[str]:
    """Rules that keep the last word: precise in CV and no worse than the model."""
    return sorted(r for r, s in by_rule.items()
                  if r != "none" and s["n"] >= CERTAIN_RULE_MIN_COUNT and s["rule"] >= CERTAIN_RULE_PRECISION
                  and s["rule"] >= s["model"])


# -- confidence calibration ---------------------------------------------------------

# A web-set outcome weighs this much in the name maps: its gold names are
# resolved, so it is right or wrong as the scorer counts it, where PolNeAR
# train's gold (mention strings) can only say whether the mention was right.
# Pronouns and descriptions are calibrated on the web set's outcomes alone:
# PolNeAR train cannot tell whether one was resolved to the right name (its
# pronoun quotes are 92.5% right at the mention and 79% on the web set by name).
# Chosen by nested grouped CV of the outcomes (see calibration_cv): right at
# confidence >= 0.9 on the web set 0.965 (weight 1 or 3), 0.968 (10, Brier
# 0.0925), 0.969 (30, but a sixth fewer quotes reach 0.9 and PolNeAR's Brier
# worsens); the ranker's score alone gives 0.915, one map for all quotes about 0.932.
CALIBRATION_WEB_WEIGHT = 10.0
CALIBRATION_MIN_OUTCOMES = 50  # a group with fewer is left to its class's map
# The learned calibrator (model.LearnedCalibration: a logistic regression over
# the winner's score, its margin over the runner-up, model/rule agreement, the
# mention's kind, the number of candidates and the rule, then an isotonic map)
# instead of the isotonic maps by group. Chosen by nested grouped CV of the
# out-of-fold outcomes (tools/threshold_calibration_cv.py; rules-28, 840 PolNeAR
# train articles, the web set and 280 BBC training articles, 10,445 outcomes, of
# which web 556 and BBC 1602). Right at confidence >= 0.9 (n) and Brier, web + BBC
# / PolNeAR train (its own target):
#   ranker score alone              0.9279 (1582) 0.1089 / 0.9569 (6239) 0.0876
#   isotonic by group, web weight 3 0.9613 (1213) 0.0955 / 0.9711 (5199) 0.0821
#   isotonic by group, weight 10    0.9599 (1223) 0.0961 / 0.9707 (5218) 0.0831  (shipped before)
#   learned, score only, w 1        0.9294 (1543) 0.1021 / 0.9601 (6143) 0.0878
#   + agreement and kind, w 1       0.9497 (1471) 0.0961 / 0.9752 (5880) 0.0756
#   + margin, w 1                   0.9551 (1404) 0.0954 / 0.9789 (5682) 0.0747
#   + candidates, w 1               0.9544 (1382) 0.0959 / 0.9790 (5618) 0.0746
#   + rule (all), w 1               0.9592 (1324) 0.0948 / 0.9804 (5411) 0.0762
#   all, w 3                        0.9585 (1253) 0.0941 / 0.9800 (5244) 0.0762
#   all, w 10                       0.9628 (1184) 0.0937 / 0.9782 (4956) 0.0765  <- chosen
#   all, w 30                       0.9593 (1156) 0.0935 / 0.9760 (4874) 0.0773
#   all, web outcomes alone         0.9607 (1246) 0.0938 / 0.9732 (5190) 0.0772
#   all, w 10, C 0.1 / C 10         0.9620 (1262) 0.0942 / 0.9595 (1260) 0.0944 (web + BBC)
#   all, LR w 1, isotonic w 10      0.9618 (1258) 0.0940 / 0.9802 (5263) 0.0783
# By source at the choice: web 0.9863 (366), BBC 0.9523 (818). The learned one
# is as sure as the maps on web + BBC (a difference of 0.003 is four quotes),
# better on PolNeAR train (0.978 against 0.971) and in Brier on both; no
# calibrator reaches 0.97 on web + BBC out of fold: BBC train's quotes right
# at >= 0.9 stay near 0.95 whatever the inputs (the errors left there have the
# scores, margins and rules of right answers).
LEARNED_CALIBRATION = True
LEARNED_CALIBRATION_WEB_WEIGHT = 10.0
LEARNED_CALIBRATION_C = 1.0
HIGH_CONFIDENCE = 0.9


def _calibration_rows(outcomes, n_docs: int):
    """Arrays of the outcomes: score, group keys (class, class+agreement), right, is web."""
    import numpy as np

    from quotes.attribution.model import calibration_groups

    score = np.asarray([o[1] for o in outcomes], dtype=float)
    keys = [calibration_groups(o[2], o[3]) for o in outcomes]
    right = np.asarray([o[4] for o in outcomes], dtype=float)
    web = np.asarray([o[0] >= n_docs for o in outcomes], dtype=bool)
    return score, keys, right, web


def fit_calibration(outcomes, n_docs: int) -> dict[str, Any]:
    """Fit the confidence maps (``IsotonicRegression`` by group) on out-of-fold outcomes.

    Args:
        outcomes: (document group, score, mention kind, agreement, right) per
            quote, from :func:`cross_validate` (groups from ``n_docs`` on are the web set's).
        n_docs: the number of PolNeAR training documents.

    Returns:
        {group: fitted IsotonicRegression}: "name+agree", "name+model" and
        "name" from both sets (a web outcome weighs CALIBRATION_WEB_WEIGHT),
        "other" (pronouns and descriptions) from the web set alone, and "all";
        a group with too few outcomes is left out; {} when the scores are all one.
    """
    import numpy as np
    from sklearn.isotonic import IsotonicRegression

    score, keys, right, web = _calibration_rows(outcomes, n_docs)
    if len(set(score.tolist())) < 2:
        return {}  # (too few outcomes to map: the scores stay as they are)
    weight = np.where(web, CALIBRATION_WEB_WEIGHT, 1.0)
    is_name = np.asarray([k[1] == "name" for k in keys])

    def iso(mask):
        return IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(
            score[mask], right[mask], sample_weight=weight[mask])

    maps: dict[str, Any] = {"all": iso(np.ones(len(score), dtype=bool))}
    if is_name.sum() >= CALIBRATION_MIN_OUTCOMES:
        maps["name"] = iso(is_name)
    for group in sorted({k[0] for k in keys if k[1] == "name"}):
        mask = np.asarray([k[0] == group for k in keys])
        if mask.sum() >= CALIBRATION_MIN_OUTCOMES:
            maps[group] = iso(mask)
    other = ~is_name & web
    if other.sum() >= CALIBRATION_MIN_OUTCOMES:
        maps["other"] = iso(other)
    return maps


def _learned_rows(outcomes, rules: list[str]):
    """The learned calibrator's input rows of ``outcomes`` (see :func:`_outcomes`)."""
    import numpy as np

    from quotes.attribution.model import CALIBRATION_INPUTS, calibration_row

    width = len(CALIBRATION_INPUTS) + len(rules)
    return np.asarray([calibration_row(o[1], o[2], o[3], o[5], o[6], rules, o[7]) for o in outcomes],
                      dtype=float).reshape(-1, width)


def fit_learned_calibration(outcomes, n_docs: int, web_weight: float = LEARNED_CALIBRATION_WEB_WEIGHT,
                            inputs: tuple[str, ...] | None = None, C: float = LEARNED_CALIBRATION_C
                            ) -> dict[str, Any] | None:
    """Fit the learned calibrator (``LearnedCalibration``) on out-of-fold outcomes.

    A logistic regression over :func:`quotes.attribution.model.calibration_row`
    (one column per rule with CALIBRATION_MIN_OUTCOMES outcomes or more), then
    an isotonic map of its linear score to the share right. The outcomes are
    the web set's (every mention kind; a web outcome weighs ``web_weight``) and
    PolNeAR train's named ones (PolNeAR's gold cannot say whether a pronoun was
    resolved to the right name, see :func:`_outcomes`).

    Args:
        outcomes: per quote, from :func:`cross_validate` (groups from ``n_docs``
            on are the web set's).
        n_docs: the number of PolNeAR training documents.
        web_weight: the weight of a web-set outcome.
        inputs: the inputs of ``CALIBRATION_INPUTS`` used (the others' columns
            are zero); None for all. (For the CV of alternatives.)
        C: the regression's inverse L2 penalty.

    Returns:
        {"coef", "intercept", "rules", "isotonic"} (``LearnedCalibration.from_sklearn``
        reads it), or None when the outcomes are too few or all alike. The score's
        coefficient is never negative (set to 0 if the fit makes it so).
    """
    import numpy as np
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import LogisticRegression

    from quotes.attribution.model import CALIBRATION_INPUTS

    used = [o for o in outcomes if o[0] >= n_docs or o[2] == "name"]
    right = np.asarray([o[4] for o in used], dtype=float)
    if len(used) < CALIBRATION_MIN_OUTCOMES or len(set(right.tolist())) < 2 or len({o[1] for o in used}) < 2:
        return None
    counts = Counter(o[7] for o in used)
    rules = sorted(r for r, n in counts.items() if n >= CALIBRATION_MIN_OUTCOMES) \
        if inputs is None or "rule" in inputs else []
    X = _learned_rows(used, rules)
    if inputs is not None:
        for i, name in enumerate(CALIBRATION_INPUTS):
            if name not in inputs:
                X[:, i] = 0.0
    weight = np.where(np.asarray([o[0] >= n_docs for o in used]), web_weight, 1.0)
    lr = LogisticRegression(C=C, max_iter=1000).fit(X, right, sample_weight=weight)
    coef = lr.coef_[0].copy()
    coef[0] = max(0.0, coef[0])
    z = X @ coef + lr.intercept_[0]
    if len(set(z.tolist())) < 2:
        return None
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(z, right, sample_weight=weight)
    return {"coef": coef, "intercept": float(lr.intercept_[0]), "rules": rules, "isotonic": iso}


def calibration_cv(outcomes, n_docs: int, fit=None) -> dict[str, Any]:
    """Nested 5-fold CV of a calibrator's fit (``fit(outcomes, n_docs)``; the
    shipped kind when None) over the outcomes (grouped by document): the share
    right at confidence >= 0.9, how many reach it, and the Brier score, for
    PolNeAR train (its own target, see :func:`_outcomes`) and the web set (strict
    names), before (the ranker's score as it is) and after calibration."""
    import numpy as np

    if not outcomes:
        return {}
    fit = fit or _calibration_fit()
    score, keys, right, web = _calibration_rows(outcomes, n_docs)
    calibrated = calibrated_out_of_fold(outcomes, n_docs, fit)

    def figures(conf, mask) -> dict[str, Any]:
        high = mask & (conf >= HIGH_CONFIDENCE)
        return {"n": int(mask.sum()), "at_0_9": round(float(right[high].mean()), 4) if high.any() else None,
                "at_0_9_n": int(high.sum()),
                "brier": round(float(((conf[mask] - right[mask]) ** 2).mean()), 4) if mask.any() else None}

    return {"polnear_train": {"before": figures(score, ~web), "after": figures(calibrated, ~web)},
            "web": {"before": figures(score, web), "after": figures(calibrated, web)}}


def calibrated_out_of_fold(outcomes, n_docs: int, fit) -> Any:
    """Each outcome's confidence from a calibrator ``fit`` on the other folds'
    documents (5 folds over the outcomes' documents, seeded)."""
    import numpy as np

    groups = sorted({o[0] for o in outcomes})
    random.Random(SEED).shuffle(groups)
    fold_of = {g: n % N_FOLDS for n, g in enumerate(groups)}
    fold = np.asarray([fold_of[o[0]] for o in outcomes])
    calibrated = np.zeros(len(outcomes))
    for f in range(N_FOLDS):
        test = fold == f
        cal = calibration_from_sklearn(fit([o for o, t in zip(outcomes, test) if not t], n_docs))
        calibrated[test] = [cal.confidence(o[1], o[2], o[3], 0.0, *o[5:8]) if cal else o[1]
                            for o, t in zip(outcomes, test) if t]
    return calibrated


def _calibration_fit():
    """The calibrator's fit that training ships (see LEARNED_CALIBRATION)."""
    return fit_learned_calibration if LEARNED_CALIBRATION else fit_calibration


def train_attribution(data_path: str | Path, dev_path: str | Path | None = None,
                      out_dir: str | Path | None = None, web_path: str | Path | None = None,
                      keep_ranker: bool = False) -> dict[str, Any]:
    """Train the quote filter and speaker ranker, write ``attribution.skops`` and its card.

    Args:
        data_path: training JSONL (PolNeAR format: text, quotes with offsets and speaker mention).
        dev_path: optional gold JSONL scored with the whole pipeline for the card
            (``speaker_resolved`` used where present).
        out_dir: folder to write to (default: the shipped models folder).
        web_path: optional second gold JSONL (the web set, names resolved): the
            quote filter learns from its spans too, and the confidence maps from
            its outcomes; the card reports its out-of-fold figures.
        keep_ranker: keep the shipped model's ranker and certain rules (the
            folds still fit their own rankers, for out-of-fold scores).

    Returns:
        The model card (also written beside the model).
    """
    from threadpoolctl import threadpool_limits

    # One thread: the fits are small, and on a shared two-core machine OpenMP
    # threads that wait for each other cost far more than they gain.
    with threadpool_limits(1):
        return _train(data_path, dev_path, out_dir, web_path, keep_ranker)


def _train(data_path, dev_path, out_dir, web_path=None, keep_ranker=False) -> dict[str, Any]:
    from quotes.text import entities

    in_force = entities.W_RESOLVE
    # the examples (and the records the he/she weights are fitted from) as the
    # hand-set weights see them, whatever model is shipped
    entities.W_RESOLVE = entities.W_RESOLVE_HAND
    try:
        return _train_with(data_path, dev_path, out_dir, web_path, keep_ranker)
    finally:
        entities.W_RESOLVE = in_force


def _train_with(data_path, dev_path, out_dir, web_path, keep_ranker) -> dict[str, Any]:
    import numpy as np

    from quotes.text import entities
    from quotes.version import __version__

    t0 = time.perf_counter()
    data_path = Path(data_path)
    docs = load_gold(data_path)
    ex = build_examples(docs)
    web_docs = load_gold(web_path) if web_path is not None else None
    web_ex = build_examples(web_docs, first_group=len(docs)) if web_docs else None
    resolve_ex = resolve_examples(web_docs, len(docs)) if web_docs and LEARN_RESOLVE_WEIGHTS else None
    t_examples = time.perf_counter() - t0
    fold_setup = None
    if resolve_ex:
        def fold_setup(fold: set[int]) -> None:
            entities.W_RESOLVE = _rounded(fit_resolve_weights([e for e in resolve_ex if e[0] not in fold]))
    cv = cross_validate(ex, len(docs), docs, web_ex, web_docs, fold_setup=fold_setup)
    entities.W_RESOLVE = entities.W_RESOLVE_HAND
    resolve_weights = _rounded(fit_resolve_weights(resolve_ex)) if resolve_ex else None
    figures = cv["figures"]
    span_X = list(ex["span_X"]) + (list(web_ex["span_X"]) if web_ex else [])
    span_y = list(ex["span_y"]) + (list(web_ex["span_y"]) if web_ex else [])
    weights = [1.0] * len(ex["span_y"]) + ([WEB_WEIGHT] * len(web_ex["span_y"]) if web_ex else [])
    quote_filter = make_quote_filter().fit(span_X, span_y, model__sample_weight=np.asarray(weights))
    if keep_ranker:
        from quotes.training.model_files import load_model_file

        shipped, shipped_card = load_model_file(*model_paths())
        ranker, certain_rules = shipped["ranker"], list(shipped["certain_rules"])
        ranker_from = {"kept_from": shipped_card.get("date"), "training_data": shipped_card.get("training_data")}
    else:
        rex = ranker_examples(ex, web_ex)
        weight = np.where(rex["group"] >= len(docs), WEB_RANKER_WEIGHT, 1.0)
        fit = weight > 0
        ranker = make_ranker().fit(rex["X"][fit], rex["y"][fit], sample_weight=weight[fit])
        certain_rules = _certain_rules(figures["ranker"]["by_rule"])
        ranker_from = None
    calibrator = _calibration_fit()(cv["outcomes"], len(docs)) or None
    figures["calibration"] = calibration_cv(cv["outcomes"], len(docs))
    model: dict[str, Any] = {
        "quote_filter": quote_filter,
        "quote_threshold": cv["threshold"],
        "ranker": ranker,
        "calibrator": calibrator,
        "certain_rules": certain_rules,
        "features": list(CANDIDATE_FEATURES),
    }
    if resolve_weights is not None:
        model["resolve_weights"] = list(resolve_weights)
    training_data: dict[str, Any] = {"path": data_path.name, "sha256": file_sha256(data_path), "documents": len(docs),
                                     "spans": len(ex["span_y"]), "candidates": len(ex["cand_y"])}
    if web_docs is not None:
        training_data["web"] = {"path": Path(web_path).name, "sha256": file_sha256(Path(web_path)),
                                "documents": len(web_docs), "spans": len(web_ex["span_y"]) if web_ex else 0,
                                "candidates": len(web_ex["cand_y"]) if web_ex else 0,
                                "used_for": "quote filter (span weight %g), speaker ranker (candidate weight %g) "
                                            "and confidence maps" % (WEB_WEIGHT, WEB_RANKER_WEIGHT)}
    card: dict[str, Any] = {
        "name": ATTRIBUTION_NAME,
        "task": "quote filter (is a quote-mark span a quote?) and speaker ranker (which mention said it?)",
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "code_version": f"{__version__}+{RULES_VERSION}",
        "training_data": training_data,
        "library_versions": library_versions(),
        "models": {"quote_filter": "FeatureHasher(2**15) + LogisticRegression(C=0.5)",
                   "ranker": "HistGradientBoostingClassifier(max_iter=%d, learning_rate=0.15, max_leaf_nodes=15)"
                             % RANKER_TREES,
                   "calibrator": ("LogisticRegression over the winner's score, margin, agreement, mention kind, "
                                  "candidates and rule, then IsotonicRegression of its score (web outcome weight %g)"
                                  % LEARNED_CALIBRATION_WEB_WEIGHT if LEARNED_CALIBRATION else
                                  "IsotonicRegression per group (name+agree, name+model, name, other, all)")
                                 + " on out-of-fold pipeline outcomes"},
        "quote_threshold": round(cv["threshold"], 4),
        "certain_rules": certain_rules,
        "candidate_features": list(CANDIDATE_FEATURES),
        "categorical_features": list(CATEGORICAL_FEATURES),
        "cross_validation": {"folds": N_FOLDS, "grouped_by": "document", **figures},
        "trusted_types": TRUSTED_TYPES,
    }
    from quotes.text.entities import RESOLVE_FEATURES

    card["resolve_weights"] = (
        {"features": list(RESOLVE_FEATURES), "weights": list(resolve_weights), "l2_toward_hand": RESOLVE_L2,
         "examples": len(resolve_ex), "fitted_on": "he/she quotes of the web set whose speaker mention is "
                                                  "the gold one; refitted inside each CV fold"}
        if resolve_weights is not None else "hand-set (quotes.text.entities.W_RESOLVE_HAND)")
    if ranker_from is not None:
        card["ranker_kept"] = ranker_from
    if dev_path is not None:
        dev_docs = load_gold(dev_path)
        with use_model(model):
            summary, _ = evaluate(dev_docs, extract_document)
        card["dev"] = {"path": Path(dev_path).name, "sha256": file_sha256(Path(dev_path)), **summary}
    card["training_seconds"] = round(time.perf_counter() - t0, 1)
    card["example_seconds"] = round(t_examples, 1)
    out = Path(out_dir) if out_dir is not None else model_paths()[0].parent
    dump_model(model, card, out)
    return card

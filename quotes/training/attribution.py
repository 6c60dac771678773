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
  features; its threshold is the highest at which, in cross-validation, the
  spans the rules keep lose no more than 0.1% of the gold quotes.
- Speaker ranker: every candidate of every gold-matched span is an example; it
  is positive when it overlaps the gold speaker mention (and, when several do,
  when its name agrees with the gold speaker). Gradient-boosted trees score
  each candidate; the best one per quote wins. Rules that beat the model in
  cross-validation on their own quotes, at >= 98% precision, keep the last word.
  An isotonic calibrator maps the winner's out-of-fold score to the
  probability that it is right (the ``confidence`` of each attribution).
- Figures: 5-fold cross-validation over the training documents (grouped by
  document), and, when a dev file is given, the whole pipeline scored on it.
"""
from __future__ import annotations

import datetime as _dt
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

from quotes.attribution.rules import attribute
from quotes.attribution.candidates import CANDIDATE_FEATURES, CATEGORICAL_FEATURES
from quotes.corpus.evaluate import (
    overlap_ratio,
    trim_span,
    evaluate,
    gold_document,
    load_gold,
    name_words,
    score_document,
    summarise,
)
from quotes.attribution.model import ATTRIBUTION_NAME, use_model
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
# The quote filter may cost at most this share of gold quotes (0.1%: rounding).
MAX_RECALL_LOSS = 0.001


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


def build_examples(docs: list[dict]) -> dict[str, Any]:
    """Turn gold documents into quote-filter and ranker examples.

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
            ex["span_group"].append(d)
            if m is not None:
                kept.append(span)
                kept_gold.append(gold[m])
        if not kept:
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
            ex["quote_group"].append(d)
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
    # native categorical support would add to the skops file. 100 trees of 15
    # leaves score within half a point of 250 of 31 in cross-validation and
    # cost a third as much per article.
    return HistGradientBoostingClassifier(
        max_iter=100, learning_rate=0.15, max_leaf_nodes=15, min_samples_leaf=20, l2_regularization=1.0,
        early_stopping=False, random_state=SEED)


def _folds(n_docs: int) -> list[set[int]]:
    """Split document ids into N_FOLDS fixed groups (round robin over a seeded shuffle)."""
    ids = list(range(n_docs))
    random.Random(SEED).shuffle(ids)
    return [set(ids[f::N_FOLDS]) for f in range(N_FOLDS)]


def _threshold_keeping_recall(probs, labels, rule_keeps, max_loss: float) -> float:
    """The highest threshold at which the spans the rules keep lose at most
    ``max_loss`` of all gold quotes: precision may rise, recall may not fall
    (beyond that rounding margin)."""
    total_pos = sum(labels)
    kept = sorted((p, y) for p, y, k in zip(probs, labels, rule_keeps) if k)
    lost = 0
    threshold = 0.0
    for p, y in kept:
        lost += y
        if lost / total_pos > max_loss:
            break
        threshold = p
    return threshold


def _top_choices(scores, quote_ids) -> dict[int, tuple[int, float]]:
    """Per quote id, (row of the best-scoring candidate, its score)."""
    best: dict[int, tuple[int, float]] = {}
    for row, (q, s) in enumerate(zip(quote_ids, scores)):
        if q not in best or s > best[q][1]:
            best[q] = (row, s)
    return best


def cross_validate(ex: dict[str, Any], n_docs: int, docs: list[dict] | None = None) -> dict[str, Any]:
    """5-fold cross-validation over documents; returns figures and out-of-fold scores.

    Args:
        ex: examples from :func:`build_examples`.
        n_docs: number of training documents.
        docs: the documents themselves; when given, each fold's models also run
            the whole pipeline on that fold's held-out documents, scored like dev
            (loose span, attribution, end to end; gold ``speaker`` as the target).
    """
    import numpy as np

    folds = _folds(n_docs)
    span_groups = np.asarray(ex["span_group"])
    span_y = np.asarray(ex["span_y"])
    span_oof = np.zeros(len(span_y))
    X = np.asarray(ex["cand_X"], dtype=float)
    y = np.asarray(ex["cand_y"])
    qids = np.asarray(ex["cand_quote"])
    qgroups = np.asarray(ex["quote_group"])
    cand_group = qgroups[qids]
    cand_oof = np.zeros(len(y))
    fold_models: list = []
    for fold in folds:
        test = np.isin(span_groups, list(fold))
        f = make_quote_filter().fit([ex["span_X"][i] for i in np.flatnonzero(~test)], span_y[~test])
        span_oof[test] = f.predict_proba([ex["span_X"][i] for i in np.flatnonzero(test)])[:, 1]
        ctest = np.isin(cand_group, list(fold))
        r = make_ranker().fit(X[~ctest], y[~ctest])
        cand_oof[ctest] = r.predict_proba(X[ctest])[:, 1]
        fold_models.append((fold, f, r))
    rules_keep = np.asarray([row.get("reason=None", 0.0) == 1.0 for row in ex["span_X"]])
    rtp = int((rules_keep & (span_y == 1)).sum())
    threshold = _threshold_keeping_recall(span_oof.tolist(), span_y.tolist(), rules_keep.tolist(),
                                          MAX_RECALL_LOSS)
    pred = rules_keep & (span_oof >= threshold)
    tp = int((pred & (span_y == 1)).sum())
    f1 = 2 * tp / max(1, pred.sum() + span_y.sum())
    figures: dict[str, Any] = {
        "quote_filter": {
            "threshold": round(float(threshold), 4),
            "precision": round(tp / max(1, pred.sum()), 4), "recall": round(tp / max(1, span_y.sum()), 4),
            "f1": round(f1, 4),
            "rules_only": {"precision": round(rtp / max(1, rules_keep.sum()), 4),
                           "recall": round(rtp / max(1, span_y.sum()), 4)},
            "spans": int(len(span_y)), "quotes": int(span_y.sum()),
        }
    }
    # ranker: accuracy of the top candidate over quotes whose gold mention is a candidate
    best = _top_choices(cand_oof, qids)
    has_gold = ex["quote_has_gold"]
    by_kind: Counter = Counter()
    rule_stats: dict[str, Counter] = {}
    model_right: list[bool] = []
    top_scores: list[float] = []
    for q, (row, score) in best.items():
        ok = bool(y[row])
        model_right.append(ok)
        top_scores.append(float(score))
        if not has_gold[q]:
            continue
        kind = ex["quote_gold_kind"][q]
        by_kind[f"{kind}_n"] += 1
        by_kind[f"{kind}_ok"] += ok
        by_kind["rule_" + kind + "_ok"] += ex["quote_rule_ok"][q]
        st = rule_stats.setdefault(ex["quote_rule"][q], Counter())
        st["n"] += 1
        st["model_ok"] += ok
        st["rule_ok"] += ex["quote_rule_ok"][q]
    n_gold = sum(1 for h in has_gold if h)
    n_with_mention = sum(1 for q in range(len(has_gold)) if ex["quote_gold_kind"][q] != "none")
    figures["ranker"] = {
        "quotes": len(has_gold), "quotes_with_gold_mention": n_with_mention,
        "candidate_recall": round(n_gold / max(1, n_with_mention), 4),
        "mention_accuracy": round((by_kind["name_ok"] + by_kind["other_ok"]) / max(1, n_gold), 4),
        "named_mention_accuracy": round(by_kind["name_ok"] / max(1, by_kind["name_n"]), 4),
        "pronoun_description_mention_accuracy": round(by_kind["other_ok"] / max(1, by_kind["other_n"]), 4),
        "rules_mention_accuracy": round((by_kind["rule_name_ok"] + by_kind["rule_other_ok"]) / max(1, n_gold), 4),
        "by_rule": {r: {"n": s["n"], "model": round(s["model_ok"] / s["n"], 4), "rule": round(s["rule_ok"] / s["n"], 4)}
                    for r, s in sorted(rule_stats.items(), key=lambda kv: -kv[1]["n"])},
    }
    if docs is not None:
        figures["pipeline"] = _score_folds(docs, fold_models, float(threshold))
    return {"figures": figures, "span_oof": span_oof, "threshold": float(threshold),
            "top_scores": top_scores, "model_right": model_right}


def _score_folds(docs: list[dict], fold_models: list, threshold: float) -> dict[str, Any]:
    """Run the pipeline on each fold's held-out documents with that fold's models."""
    counts: Counter = Counter()
    errors: list[dict] = []
    for fold, quote_filter, ranker in fold_models:
        model = {"quote_filter": quote_filter, "quote_threshold": threshold, "ranker": ranker,
                 "calibrator": None, "certain_rules": []}
        with use_model(model):
            for d in sorted(fold):
                doc = docs[d]
                counts["docs"] += 1
                errors += score_document(doc["text"], doc["quotes"], extract_document(gold_document(doc)), counts)
    return summarise(counts, errors)


def _certain_rules(by_rule: dict[str, dict]) -> list[str]:
    """Rules that keep the last word: precise in CV and no worse than the model."""
    return sorted(r for r, s in by_rule.items()
                  if r != "none" and s["n"] >= CERTAIN_RULE_MIN_COUNT and s["rule"] >= CERTAIN_RULE_PRECISION
                  and s["rule"] >= s["model"])


def train_attribution(data_path: str | Path, dev_path: str | Path | None = None,
                      out_dir: str | Path | None = None) -> dict[str, Any]:
    """Train the quote filter and speaker ranker, write ``attribution.skops`` and its card.

    Args:
        data_path: training JSONL (PolNeAR format: text, quotes with offsets and speaker mention).
        dev_path: optional gold JSONL scored with the whole pipeline for the card
            (``speaker_resolved`` used where present).
        out_dir: folder to write to (default: the shipped models folder).

    Returns:
        The model card (also written beside the model).
    """
    from threadpoolctl import threadpool_limits

    # One thread: the fits are small, and on a shared two-core machine OpenMP
    # threads that wait for each other cost far more than they gain.
    with threadpool_limits(1):
        return _train(data_path, dev_path, out_dir)


def _train(data_path, dev_path, out_dir) -> dict[str, Any]:
    import numpy as np
    from sklearn.isotonic import IsotonicRegression

    from quotes.version import __version__

    t0 = time.perf_counter()
    data_path = Path(data_path)
    docs = load_gold(data_path)
    ex = build_examples(docs)
    t_examples = time.perf_counter() - t0
    cv = cross_validate(ex, len(docs), docs)
    figures = cv["figures"]
    quote_filter = make_quote_filter().fit(ex["span_X"], ex["span_y"])
    ranker = make_ranker().fit(np.asarray(ex["cand_X"], dtype=float), np.asarray(ex["cand_y"]))
    calibrator = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(
        np.asarray(cv["top_scores"]), np.asarray(cv["model_right"], dtype=float))
    model: dict[str, Any] = {
        "quote_filter": quote_filter,
        "quote_threshold": cv["threshold"],
        "ranker": ranker,
        "calibrator": calibrator,
        "certain_rules": _certain_rules(figures["ranker"]["by_rule"]),
        "features": list(CANDIDATE_FEATURES),
    }
    card: dict[str, Any] = {
        "name": ATTRIBUTION_NAME,
        "task": "quote filter (is a quote-mark span a quote?) and speaker ranker (which mention said it?)",
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "code_version": f"{__version__}+{RULES_VERSION}",
        "training_data": {"path": data_path.name, "sha256": file_sha256(data_path), "documents": len(docs),
                          "spans": len(ex["span_y"]), "candidates": len(ex["cand_y"])},
        "library_versions": library_versions(),
        "models": {"quote_filter": "FeatureHasher(2**15) + LogisticRegression(C=0.5)",
                   "ranker": "HistGradientBoostingClassifier(max_iter=100, learning_rate=0.15, max_leaf_nodes=15)",
                   "calibrator": "IsotonicRegression on out-of-fold top-candidate scores"},
        "quote_threshold": round(cv["threshold"], 4),
        "certain_rules": model["certain_rules"],
        "candidate_features": list(CANDIDATE_FEATURES),
        "categorical_features": list(CATEGORICAL_FEATURES),
        "cross_validation": {"folds": N_FOLDS, "grouped_by": "document", **figures},
        "trusted_types": TRUSTED_TYPES,
    }
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

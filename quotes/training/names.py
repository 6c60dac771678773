"""Train the name model (:mod:`quotes.text.name_model`): which words of a
capitalised run belong to a person's or organisation's name.

Examples are the words of the runs the names grammar finds
(``find_names(use_model=False)``), labelled from the gold:

- a run on a gold speaker mention: its words inside the mention that the gold
  speaker string holds are names, the others (a role before it, a date or a
  verb after it) are not;
- another run: a word of one of the article's gold speaker names is a name; a
  run with a first name in it, or words that are some gold speaker's name in
  the training data, is left out (a person who never speaks is still a person);
  the rest (places, headline words, sentence openers, labels) are not names;
- the invented sentences of ``name_examples.txt``, one of each kind the issue
  names, bracketed names against every other capitalised word.

Features and the regularisation are chosen by grouped 5-fold cross-validation
by article; the final model is fitted on everything and saved as arrays
(``models/names.npz``), with the fitted estimator (``names.skops``) and a card.
"""
from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from quotes.detection.marks import find_pull_quotes, find_quotes
from quotes.text.name_model import (NAMES_MODEL, OPENERS, ArticleUsage, hyphen_participle, is_title_case, tag_class,
                                    lexicon_flags, name_block, token_features)
from quotes.text.names import find_names, mention_tokens, org_prefix
from quotes.resources import common_words, places
from quotes.text.parsed import ParsedDoc

EXAMPLES = Path(__file__).with_name("name_examples.txt")
_WORD = re.compile(r"[A-Za-z0-9&]+")
# Feature groups (the prefix of each feature name) that cross-validation may leave out.
GROUPS = ("word", "suf", "shape", "lex", "conj", "left", "right", "pos", "run", "line", "nbr", "use")
EXAMPLE_WEIGHT = 5.0
# Word-list flags (quotes.text.name_model) of words that are no name on their own.
_NOT_NAME_FLAGS = frozenset(("date", "title", "role", "verb", "party", "place", "demonym"))
# The words of gold speaker mentions are the surest labels.
GOLD_WEIGHT = 3.0
THRESHOLDS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.5)
# The threshold maximises the cross-validated share of gold speaker mentions
# cut exactly plus the share of non-name words cut; the model is applied only
# if the first is at most MAX_LOSS below the grammar's own.
MAX_LOSS = 0.03
# The examples of the extra gold sets (the web set, BBC train: speaker names
# resolved, every quote labelled) weigh this much against PolNeAR train's,
# chosen by grouped 5-fold CV over the union (tools/names_cv.py).
EXTRA_WEIGHT = 1.0
# Label a dictionary word alone off the gold mentions, opening a line or sentence,
# that the article writes in lower case elsewhere and never capitalises inside a
# sentence, as no name (names-7). Without the second condition the labels cost 5
# gold mentions by grouped CV that the article also writes as names ("the
# Executive", "Media", "Milbank", "Lovely"): a word written in lower case in one
# use may be a name in another.
LOWER_LABELS = True
# Their weight (1.0: as any other word's off the gold mentions; 0.3 and 0.5 cut fewer
# of these words and no more gold mentions exactly, by grouped CV).
LOWER_WEIGHT = 1.0


def _words(name: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(name.replace("’s", "").replace("'s", ""))}


def _parse(text: str) -> ParsedDoc:
    parsed = ParsedDoc.from_text(text)
    spans = find_quotes(text, parsed.lines)
    spans = sorted(spans + find_pull_quotes(text, parsed.lines, spans), key=lambda s: s.start)
    parsed.mark_quoted(spans)
    return parsed


def _runs(parsed: ParsedDoc) -> list[tuple[Any, list[int], bool, int, int]]:
    """(mention, tokens, headline, line lo, line hi) of each run the grammar finds."""
    line_of = {}
    for line in parsed.lines:
        lo, hi = parsed.line_tokens(line)
        for k in range(lo, hi):
            line_of[k] = (lo, hi)
    out = []
    for m in find_names(parsed, use_model=False):
        ks = mention_tokens(parsed, m)
        if not ks:
            continue
        lo, hi = line_of[ks[0]]
        out.append((m, ks, is_title_case(parsed, lo, hi), lo, hi))
    return out


def _usage(parsed: ParsedDoc, runs) -> ArticleUsage:
    return ArticleUsage.build(parsed, [(ks, h, lo) for _, ks, h, lo, _ in runs])


def _featurise(parsed: ParsedDoc, runs, usage: ArticleUsage | None = None) -> list[list[list[str]]]:
    if usage is None:
        usage = _usage(parsed, runs)
    return [token_features(parsed, ks, h, lo, hi, usage) for _, ks, h, lo, hi in runs]


_JOINERS = frozenset("of the for and on de van von der al bin la le du da di".split())


def _name_part(name: str | None) -> str:
    """The name at the end of a gold speaker string: its last run of capitalised
    words and joiners, titles and roles before it dropped ("Clinton campaign
    Chairman John Podesta" -> "John Podesta")."""
    from quotes.vocabulary import ROLE_WORDS, TITLES

    words = (name or "").split()
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or words[k - 1] in _JOINERS):
        k -= 1
    part = words[k:]
    while part and (part[0].rstrip(".").lower() in TITLES or part[0].lower() in ROLE_WORDS
                    or part[0] in _JOINERS):
        part = part[1:]
    return " ".join(part)


def _usable(name: str | None) -> bool:
    """A gold speaker string that is a name: capitalised, no lower-case word but
    name joiners ("Department of Justice"), so no clause ("Clinton is feeling")."""
    if not name or not name[:1].isupper() or len(name.split()) > 6:
        return False
    return not any(w.islower() and w not in _JOINERS for w in name.split())


def doc_examples(doc: dict, speaker_vocab: set[str], speaker_names: set[tuple[str, ...]]) -> tuple[list[list[str]], list[int], list[float], list[dict]]:
    """Feature lists and labels of one gold document's capitalised words, and, per
    gold-mention run, the words a perfect model would keep (for the mention score)."""
    text = doc["text"]
    parsed = _parse(text)
    runs = _runs(parsed)
    usage = _usage(parsed, runs)
    feats = _featurise(parsed, runs, usage)
    lower, capital_mid = usage.lower, usage.capital_mid
    gold = [(q["speaker_start"], q["speaker_end"], _words(q["speaker"])) for q in doc["quotes"]
            if _usable(q.get("speaker")) and q.get("speaker_start") is not None]
    article = [tuple(w.lower() for w in _WORD.findall(_name_part(q.get("speaker")))) for q in doc["quotes"]]
    from quotes.resources import first_names

    names = first_names()
    X: list[list[str]] = []
    y: list[int] = []
    w: list[float] = []
    mentions: list[dict] = []
    for (m, ks, headline, lo, _), rows in zip(runs, feats):
        lows = [w.lower().replace("’s", "").replace("'s", "") for w in m.words]
        # a gold mention the run shares a word with (another name inside the
        # mention, "Clinton's spokesman Brian Fallon", is judged as any other run)
        on = [g for g in gold if g[0] < m.end and m.start < g[1] and g[2] & set(lows)]
        if on:
            s, e, words = on[0]
            labels = [int(bool(_words(lows[p])) and _words(lows[p]) <= words and s <= parsed.tokens[k].start < e)
                      for p, k in enumerate(ks)]
            mentions.append({"start": len(X), "labels": labels, "words": list(m.words)})
            weights = [GOLD_WEIGHT] * len(labels)
        else:
            run = tuple(x for w in lows for x in _WORD.findall(w))
            with_first = any(v in names for v in lows)
            # the word before each word of the run (the grammar leaves a title out of it: "Mr Welsh")
            prev = [parsed.tokens[ks[0] - 1].text.lower() if ks[0] > 0 else ""] + lows[:-1]
            # a word alone that opens a line or sentence (or stands in a headline)
            opener = len(ks) == 1 and (headline or ks[0] == lo or prev[0] in OPENERS)
            labels = [_other_label(w, p > 0 and lows[p - 1] in names, run, article, speaker_names,
                                   speaker_vocab, with_first, _is_title(prev[p]),
                                   p == len(lows) - 1 and p > 0 and not _listed(lows[p - 1]),
                                   LOWER_LABELS and opener and lower[w] > 0 and capital_mid[w] == 0)
                      for p, w in enumerate(lows)]
            if opener and labels == [0] and lower[lows[0]] > 0 and capital_mid[lows[0]] == 0 and _other_label(
                    lows[0], False, run, article, speaker_names, speaker_vocab, with_first,
                    _is_title(prev[0])) < 0:
                weights = [LOWER_WEIGHT]  # labelled so by LOWER_LABELS alone
            else:
                weights = [GOLD_WEIGHT if on else 1.0] * len(labels)
            before = parsed.tokens[ks[0] - 1].text if ks[0] > 0 else ""
            if len(lows) == 1 and before[:1].islower() and "date" in lexicon_flags(lows[0]):
                labels = [-1]  # "in May", "on Friday" in an article about Theresa May: unknown
        for row, label, weight in zip(rows, labels, weights):
            if label >= 0:
                X.append(row)
                y.append(label)
                w.append(weight)
    return X, y, w, mentions


def _listed(word: str) -> bool:
    """True when the word is on a word list (first names, titles, places...; the
    lexicon's part of speech aside)."""
    return any(not flag.startswith("tag_") for flag in lexicon_flags(word))


def _is_title(word: str) -> bool:
    from quotes.vocabulary import TITLES

    return word.rstrip(".") in TITLES


def _other_label(word: str, after_first: bool, run: tuple[str, ...], article: list[tuple[str, ...]],
                 names: set[tuple[str, ...]], surnames: set[str], with_first: bool,
                 after_title: bool = False, ends_after_unknown: bool = False,
                 lower_elsewhere: bool = False) -> int:
    """1 (name), 0 (no name) or -1 (unknown) for a word of a run off the gold mentions.

    ``after_first``: the word follows a first name in the run; ``after_title``:
    it follows a title ("Mr", "Ms"); ``ends_after_unknown``: it ends the run after a
    word on no word list (a first name the lists lack: "Irvine"); ``lower_elsewhere``: the
    article writes the word in lower case elsewhere; ``run``: the run's words; ``article``: the
    article's speaker names; ``names``, ``surnames``: every speaker name, and the
    last word of each, in the training data.
    """
    part = _words(word)
    if not part:
        return -1
    flags = set(lexicon_flags(word.lower()))
    # the run is a speaker's name, or part of one of the article's speakers' names down to its last word
    if run in names or any(set(run) <= set(name) and name[-1] in run for name in article if name):
        return 1
    if hyphen_participle(word):
        return 0  # a hyphenated modifier ("oscar-nominated", "award-winning")
    if "demonym" in flags and (after_first or after_title):
        # a demonym right after a first name or a title is a surname ("Dawn French",
        # "Irvine Welsh", "Mr English"), never a modifier: a modifier comes first
        return 1
    if "demonym" in flags and ends_after_unknown:
        # a modifier comes before what it modifies, so a demonym ending a run after
        # an unknown word ("Irvine Welsh") may well be a surname: no label
        return -1
    if flags & _NOT_NAME_FLAGS:
        return -1 if part <= surnames else 0  # a date, title, role, verb, party or place
    if all(w in common_words() for w in part):
        if after_first:
            return 1  # a surname that is also a word ("Philip Bump")
        return -1 if part <= surnames else 0  # a common word ("Praised", "Rival")
    if part <= surnames or with_first:
        return 1  # a speaker's surname elsewhere, or a word beside a first name
    if lower_elsewhere and all(tag_class(w) is not None for w in part):
        # a dictionary word the article itself writes in lower case ("Nuclear strike ..."
        # beside "nuclear arms"), that is no speaker's name and stands by no first name
        # (places, peoples and parties are judged above)
        return 0
    return -1


def invented_examples(path: Path = EXAMPLES) -> list[tuple[list[list[str]], list[int]]]:
    """Feature lists and labels of each invented sentence ([bracketed] names)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, spans, pos = "", [], 0
        for part in re.split(r"(\[[^\]]*\])", line):
            if part.startswith("["):
                spans.append((len(text), len(text) + len(part) - 2))
                text += part[1:-1]
            else:
                text += part
        parsed = _parse(text + "\n")
        runs = _runs(parsed)
        X, y = [], []
        for (m, ks, _, _, _), rows in zip(runs, _featurise(parsed, runs)):
            for k, row in zip(ks, rows):
                t = parsed.tokens[k]
                X.append(row)
                y.append(int(any(s <= t.start < e for s, e in spans)))
        out.append((X, y))
    return out


def _select(X: list[list[str]], groups: tuple[str, ...]) -> list[dict[str, int]]:
    return [{f: 1 for f in row if f.split(":", 1)[0] in groups} for row in X]


def _fit(X, y, w, C: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    model = Pipeline([("dv", DictVectorizer()), ("lr", LogisticRegression(C=C, max_iter=2000))])
    model.fit(X, y, lr__sample_weight=w)
    return model


def build(docs: list[dict], doc_weights: list[float] | None = None) -> dict[str, Any]:
    """Every example of the gold documents and the invented sentences
    (``doc_weights``: a weight per document, multiplying its examples')."""
    vocab: set[str] = set()
    full: set[tuple[str, ...]] = set()
    for doc in docs:
        for q in doc["quotes"]:
            name = _WORD.findall(_name_part(q.get("speaker")))
            if name:
                vocab.add(name[-1].lower())
                full.add(tuple(w.lower() for w in name))
    X, y, w, doc_of, mentions = [], [], [], [], []
    for d, doc in enumerate(docs):
        dx, dy, dw, dm = doc_examples(doc, vocab, full)
        for m in dm:
            m["start"] += len(X)
            m["doc"] = d
        mentions += dm
        X += dx
        y += dy
        scale = doc_weights[d] if doc_weights is not None else 1.0
        w += [v * scale for v in dw]
        doc_of += [d] * len(dx)
    invented = invented_examples()
    return {"X": X, "y": y, "w": w, "doc": doc_of, "mentions": mentions, "invented": invented}


def _scores(probs: np.ndarray, y: np.ndarray, mentions: list[dict], threshold: float = 0.5) -> dict[str, Any]:
    """Token accuracy and F1s at ``threshold``; the share of gold speaker mentions
    cut exactly to the gold words (the grammar alone: ``grammar_exact``); the
    share of non-name words cut (``non_names_cut``)."""
    pred = probs >= threshold
    tp = int(np.sum(pred & (y == 1)))
    neg_tp = int(np.sum(~pred & (y == 0)))
    exact = n = 0
    grammar = 0
    for m in mentions:
        labels = m["labels"]
        grammar += all(labels)
        words = m["words"]
        got = [bool(probs[m["start"] + p] >= threshold) or words[p][:1].islower() for p in range(len(labels))]
        # the kept words are the name block extraction keeps (name_model.name_block,
        # names.org_prefix)
        block = name_block(got, words)
        if block is not None and block[0] > 0:
            block = (org_prefix(tuple(words), block[0], block[1]), block[1])
        got = [block is not None and block[0] <= p < block[1] for p in range(len(got))]
        n += 1
        exact += got == [bool(v) for v in labels]
    return {"accuracy": round(float(np.mean(pred == (y == 1))), 4),
            "name_f1": round(2 * tp / (np.sum(pred) + np.sum(y == 1)), 4),
            "non_name_f1": round(2 * neg_tp / (np.sum(~pred) + np.sum(y == 0)), 4),
            "gold_mentions_exact": round(exact / n, 4) if n else None, "gold_mentions": n,
            "grammar_exact": round(grammar / n, 4) if n else None,
            "non_names_cut": round(neg_tp / int(np.sum(y == 0)), 4) if np.sum(y == 0) else None,
            "threshold": threshold}


def cross_validate(ex: dict[str, Any], groups: tuple[str, ...], C: float, folds: int = 5,
                   threshold: float = 0.5, probs_out: list | None = None) -> dict[str, Any]:
    """Grouped k-fold by article (the invented sentences always train)."""
    X = _select(ex["X"], groups)
    y = np.array(ex["y"])
    doc = np.array(ex["doc"])
    inv_X = _select([r for X_, _ in ex["invented"] for r in X_], groups)
    inv_y = [v for _, y_ in ex["invented"] for v in y_]
    probs = np.zeros(len(y))
    n_docs = int(doc.max()) + 1
    for f in range(folds):
        test = (doc % folds) == f
        idx = np.flatnonzero(~test)
        model = _fit([X[i] for i in idx] + inv_X, list(y[idx]) + inv_y,
                     [ex["w"][i] for i in idx] + [EXAMPLE_WEIGHT] * len(inv_y), C)
        tidx = np.flatnonzero(test)
        probs[tidx] = model.predict_proba([X[i] for i in tidx])[:, 1]
    if probs_out is not None:
        probs_out.append(probs)
    out = _scores(probs, y, ex["mentions"], threshold)
    out["docs"] = n_docs
    return out


def fit_name_model(ex: dict[str, Any], groups: tuple[str, ...], C: float, threshold: float | None,
                   leave_out: set[int] | None = None):
    """Fit on the examples (the documents of ``leave_out`` left out) and the
    invented sentences, weighted as cross-validation weighs them; return the
    fitted pipeline and its run-time :class:`~quotes.text.name_model.NameModel`."""
    from quotes.text.name_model import NameModel

    X = _select(ex["X"], groups)
    idx = [i for i, d in enumerate(ex["doc"]) if not leave_out or d not in leave_out]
    inv_X = _select([r for X_, _ in ex["invented"] for r in X_], groups)
    inv_y = [v for _, y_ in ex["invented"] for v in y_]
    model = _fit([X[i] for i in idx] + inv_X, [ex["y"][i] for i in idx] + inv_y,
                 [ex["w"][i] for i in idx] + [EXAMPLE_WEIGHT] * len(inv_y), C)
    dv, lr = model[0], model[-1]
    scorer = NameModel(list(dv.feature_names_), [float(c) for c in lr.coef_[0]], float(lr.intercept_[0]),
                       threshold if threshold is not None else 0.5, threshold is not None, judges_surnames=True)
    return model, scorer


def invented_cv(ex: dict[str, Any], groups: tuple[str, ...], C: float) -> float:
    """Leave-one-sentence-out share of invented words judged right (trained with the gold)."""
    X = _select(ex["X"], groups)
    inv = [(_select(X_, groups), y_) for X_, y_ in ex["invented"]]
    right = total = 0
    folds = 5
    for f in range(folds):
        train = [s for i, s in enumerate(inv) if i % folds != f]
        test = [s for i, s in enumerate(inv) if i % folds == f]
        tx = [r for x, _ in train for r in x]
        ty = [v for _, y in train for v in y]
        model = _fit(X + tx, ex["y"] + ty, [1.0] * len(X) + [EXAMPLE_WEIGHT] * len(ty), C)
        for x, y in test:
            if x:
                p = model.predict_proba(x)[:, 1] >= 0.5
                right += int(np.sum(p == np.array(y, dtype=bool)))
                total += len(y)
    return round(right / total, 4) if total else 0.0


def load_docs(data_path: str | Path, extra: list[str | Path] | None = None,
              extra_weight: float = EXTRA_WEIGHT) -> tuple[list[dict], list[float], list[dict]]:
    """The training documents, a weight for each (``extra_weight`` for the extra
    sets'), and a description of each source."""
    from quotes.training.model_files import file_sha256

    docs = [json.loads(line) for line in Path(data_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    sources = [{"path": Path(data_path).name, "sha256": file_sha256(Path(data_path)), "docs": len(docs)}]
    weights = [1.0] * len(docs)
    for path in extra or []:
        more = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        sources.append({"path": Path(path).name, "sha256": file_sha256(Path(path)), "docs": len(more),
                        "weight": extra_weight})
        docs += more
        weights += [extra_weight] * len(more)
    return docs, weights, sources


def train_names(data_path: str | Path, out_dir: str | Path, extra: list[str | Path] | None = None,
                select: bool = True, extra_weight: float = EXTRA_WEIGHT) -> dict[str, Any]:
    """Select features and C by grouped CV, fit on all, write models/names.*; return the card."""
    from quotes.model_arrays import arrays_path, save_arrays
    from quotes.training.model_files import file_sha256, library_versions

    t0 = time.perf_counter()
    docs, weights, sources = load_docs(data_path, extra, extra_weight)
    ex = build(docs, weights)
    trials = []
    best_groups, best_C = GROUPS, 1.0
    if select:
        candidates = [(GROUPS, C) for C in (0.3, 1.0, 3.0)]
        candidates += [(tuple(g for g in GROUPS if g not in drop), 1.0)
                       for drop in (("word", "suf"), ("use",), ("conj", "left", "right"))]
        best = None
        for groups, C in candidates:
            cv = cross_validate(ex, groups, C)
            dropped = sorted(set(GROUPS) - set(groups))
            trials.append({"without": dropped, "C": C, **cv})
            key = (cv["gold_mentions_exact"], cv["accuracy"])
            if best is None or key > best:
                best, best_groups, best_C = key, groups, C
    probs: list = []
    cv = cross_validate(ex, best_groups, best_C, probs_out=probs)
    # The grammar alone keeps a gold speaker mention's words exactly in
    # ``grammar_exact`` of cases (see MAX_LOSS).
    y = np.array(ex["y"])
    by_threshold = [_scores(probs[0], y, ex["mentions"], t) for t in THRESHOLDS]
    best_t = max(by_threshold, key=lambda s: s["gold_mentions_exact"] + s["non_names_cut"])
    threshold = best_t["threshold"] if best_t["gold_mentions_exact"] >= best_t["grammar_exact"] - MAX_LOSS else None
    # fitted as cross-validation fits each fold (gold mentions' words weigh GOLD_WEIGHT)
    model, _ = fit_name_model(ex, best_groups, best_C, threshold)
    dv, lr = model[0], model[-1]
    out = Path(out_dir)
    arrays = {"vocabulary": np.array(dv.feature_names_), "coef": lr.coef_[0].astype(np.float64),
              "intercept": lr.intercept_.astype(np.float64)}
    scoring = save_arrays(arrays_path(NAMES_MODEL, out), arrays,
                          {"threshold": threshold if threshold is not None else 0.5,
                           "applied": threshold is not None, "groups": list(best_groups),
                           "judges_surnames": True})
    import zipfile

    import skops.io as sio

    sio.dump(model, out / f"{NAMES_MODEL}.skops", compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    card = {
        "model": "name model: LogisticRegression over binary word, run, line and article-usage features",
        "training_data": sources,
        "invented_examples": {"file": EXAMPLES.name, "sentences": len(ex["invented"]),
                              "words": sum(len(y) for _, y in ex["invented"]), "weight": EXAMPLE_WEIGHT},
        "examples": len(ex["y"]), "names": int(sum(ex["y"])),
        "feature_groups": list(best_groups), "C": best_C, "features": len(dv.feature_names_),
        "cv_grouped_5fold": cv,
        "cv_by_threshold": by_threshold,
        "applied": threshold is not None,
        "threshold": threshold,
        "cv_invented_5fold": invented_cv(ex, best_groups, best_C),
        "selection": trials,
        "library_versions": library_versions(),
        "scoring_file": {"name": scoring.name, "sha256": file_sha256(scoring)},
        "date": time.strftime("%Y-%m-%d"),
        "training_seconds": round(time.perf_counter() - t0, 1),
    }
    (out / f"{NAMES_MODEL}.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card

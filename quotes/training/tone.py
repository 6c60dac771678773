"""Train the tone classifier and write ``models/tone.skops`` with its card ``tone.json``.

Run as ``quotes train tone`` or::

    python -m quotes.training.tone --emotions ../shared/data/emotions \\
        --news ../shared/data/tone/news-quotes-dev.jsonl --out models/

Training data: GoEmotions train (regret = remorse or embarrassment, shock =
surprise) for the text models, and the hand-labelled news quotes for the
combiners that turn text scores and lexicon features into probabilities. The
card records data hashes, library versions, the settings below, GoEmotions dev
figures at 0.5, the transfer of a GoEmotions-only model to the news quotes and
the news figures cross-validated by article.

Notes:
    The settings were chosen by cross-validation on GoEmotions train (text
    models) and on the news quotes grouped by article (combiners), never on
    GoEmotions dev or the seed article; see the card's ``selection`` entry.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import itertools
import json
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import clone
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, precision_recall_fscore_support
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import FeatureUnion, Pipeline

from quotes import resources
from quotes.errors import QuotesError
from quotes.files import replaced_atomically
from quotes.model_arrays import arrays_path, save_arrays
from quotes.training.article_groups import join_articles, quote_fingerprint
from quotes.training.model_files import file_sha256, library_versions
from quotes.training.tone_features import (
    SENTIMENT_FEATURES,
    TONES,
    TRUSTED_TYPES,
    LexiconFeatures,
    LogCountRatio,
    ToneHeads,
    fit_bases,
    fold_log_count_ratio,
    parse_cue_lines,
)
from quotes.tone.model import rule_fires, tone_arrays

MODEL_NAME = "tone"
# GoEmotions labels behind each tone (names from emotions.txt); the dataset's
# README recommends adding embarrassment ("I was naive", "I feel stupid") to remorse.
LABEL_MAPPING = {"regret": ("remorse", "embarrassment"), "shock": ("surprise",)}
# Libraries whose versions must match between training and scoring.
LIBRARIES = ("scikit-learn", "numpy", "scipy", "skops", "textblob", "vaderSentiment")
CUE_FILES = ("regret-cues.txt", "shock-cues.txt", "tone-context.txt")
# The code whose hash the card records: what computes the features and the scores.
CODE_FILES = ("training/tone_features.py", "tone/lexicon.py", "tone/model.py", "hashing.py", "training/tone.py")

RANDOM_STATE = 0
FOLDS = 5
# Text models, per tone: logistic regression on NB-scaled n-grams plus lexicon
# columns; C and the positive-class weight from 3-fold CV on GoEmotions train.
BASE_SETTINGS = {"regret": {"C": 0.25, "positive_weight": 16.0},
                 "shock": {"C": 0.5, "positive_weight": 8.0}}
# Word n-grams count half as much as character n-grams (CV on GoEmotions train).
WORD_WEIGHT = 0.5
# Hashed n-gram columns (log2): no vocabulary is stored, so the model stays a
# few megabytes and loads fast; collisions cost little at this width.
WORD_BITS = 18
CHAR_BITS = 20
# Each tone's rule: the lexicon features whose presence sets a floor on the
# probability (the rule's measured precision; see ToneHeads).
# A standing regret cue with no one named as feeling it ("deeply regrets any
# inconvenience", "a terrible mistake on our side" in a quote) is in news the
# speaker's own: adding regret_none raised the news train CV F1 (5 folds by
# article) from 0.633 to 0.667; adding shock_weak_predicate to shock did not
# (0.853 -> 0.850).
RULES = {"regret": ("regret_self", "regret_none"), "shock": ("shock_state", "shock_eval")}
# What each tone's combiner sees besides both text scores: "own" = its own
# tone's cue columns and the shared sentiment columns; "all" = every lexicon
# column (then a change to the regret cues can move shock probabilities).
COMBINER_LEXICON = "own"
# The same for each tone's text model (besides the n-gram columns): "own" keeps
# a change to the shock cues from moving the regret text scores, and back.
TEXT_LEXICON = "own"
# Combiners, per tone: C; the weight of a positive row in each domain (it sets
# where 0.5 falls: Reddit rows need more recall, news rows more precision); and
# how much one news quote weighs against one Reddit comment. The social
# positive weights were chosen by GoEmotions train out-of-fold scores; C and
# the news weights are chosen per tone in each training run from COMBINER_GRID
# (see train_tone); these are the defaults. The rule floors (RULES) are part of
# the design, not of the grid: they carry the cue lists' general facts to cues
# the training quotes rarely show ("Oh God", "incredible that ..."), which a
# CV over those quotes cannot see (with the floors off, shock's news train CV
# F1 was 0.880 against 0.868 with them, one quote, while "Oh, God," fell
# under 0.5).
COMBINER_SETTINGS = {"regret": {"C": 0.1, "positive_weight": {"social": 5.0, "news": 1.5}, "news_weight": 10.0},
                     "shock": {"C": 0.1, "positive_weight": {"social": 2.0, "news": 2.0}, "news_weight": 30.0}}
# What the news CV by article chooses from, per tone.
COMBINER_GRID = {"C": (0.1, 1.0), "news_weight": (3.0, 10.0, 30.0), "news_positive_weight": (1.0, 2.0, 4.0)}
# Then, per tone, with the settings the grid chose: does its combiner gain from
# a cue-less copy of its text score (the score where none of its cues is read,
# see quotes.tone.model.stack_inputs)? Kept only if the same CV's F1 rises: the
# cue lists find what they find, and this lets the text model's score count
# differently for the quotes they say nothing about.
CUELESS_CHOICES = (False, True)
# The held-out tone articles (bare doc ids, one a line) in the shared data's
# tone folder: no tone model trains or tunes on their quotes.
HELDOUT_DOCS = "heldout-docs.txt"


class TrainingError(QuotesError):
    """Training data that is missing or not in the expected format."""


# -- data -----------------------------------------------------------------------------

def read_cue_tables(data_dir: Path | None = None) -> dict[str, tuple[tuple[str, str], ...]]:
    """Read the tone word lists of ``quotes/data``.

    Returns:
        ``{"regret_cues": ..., "shock_cues": ..., "context": ...}``, the keyword
        arguments of :class:`~quotes.training.tone_features.LexiconFeatures`.
    """
    folder = Path(data_dir) if data_dir is not None else resources.DATA_DIR
    tables = {}
    for key, name in zip(("regret_cues", "shock_cues", "context"), CUE_FILES):
        with open(folder / name, encoding="utf-8") as fh:
            tables[key] = parse_cue_lines(fh)
    return tables


def read_goemotions(path: Path, label_names: list[str]) -> tuple[list[str], np.ndarray]:
    """Read a GoEmotions TSV (text, label ids, comment id) into texts and tone labels.

    Args:
        path: ``goemotions-{train,dev}.tsv``.
        label_names: the lines of ``emotions.txt``; ids index into it.

    Returns:
        The texts and an ``(n, 2)`` 0/1 array of regret and shock.

    Raises:
        TrainingError: a line without exactly three tab-separated fields.
    """
    wanted = [{label_names.index(name) for name in LABEL_MAPPING[tone]} for tone in TONES]
    texts: list[str] = []
    labels: list[list[int]] = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            # The README asks for this split, not a CSV reader, which would unquote the text.
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3:
                raise TrainingError(f"{path}:{number}: expected 3 tab-separated fields, got {len(fields)}")
            ids = {int(i) for i in fields[1].split(",")}
            texts.append(fields[0])
            labels.append([int(bool(ids & w)) for w in wanted])
    return texts, np.asarray(labels, dtype=int)


def read_news(path: Path, fields: dict[str, list] | None = None) -> tuple[list[str], np.ndarray, list[str]]:
    """Read labelled news quotes: the shared ``news-quotes-dev.jsonl`` or a part of
    the project's set (``annotation/tone/build.py`` output).

    Args:
        path: the file.
        fields: if given, ``{name: list}``: each list is filled with that field
            of every quote (None where a row has none), e.g. ``group`` and
            ``sample`` of ``build.py``'s rows.

    Returns:
        The quote texts, an ``(n, 2)`` 0/1 array of regret and shock, and the
        article id of each quote (cross-validation keeps articles whole).
    """
    texts, labels, groups = [], [], []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                labels.append([int(row[tone]) for tone in TONES])
                texts.append(row["text"])
                # the project's set names its "source", the shared file its "source_file"
                groups.append(f"{row.get('source', row.get('source_file', ''))}:{row['doc_id']}")
            except (ValueError, KeyError) as exc:
                raise TrainingError(f"{path}:{number}: not a labelled quote ({exc})") from exc
            for name, values in (fields or {}).items():
                values.append(row.get(name))
    return texts, np.asarray(labels, dtype=int), groups


# -- the pipeline ---------------------------------------------------------------------

def build_pipeline(tables: dict[str, Any]) -> Pipeline:
    """The unfitted tone pipeline: features (word and character n-grams, lexicon), heads.

    Args:
        tables: the cue tables of :func:`read_cue_tables`.

    Returns:
        ``Pipeline([("features", FeatureUnion), ("heads", ToneHeads)])``; set
        ``heads__n_lexicon`` once the lexicon width is known (see :func:`train_tone`).
    """
    def hashed(bits: int, **options) -> Pipeline:
        return Pipeline([("hash", HashingVectorizer(n_features=2 ** bits, alternate_sign=False, norm=None,
                                                    dtype=np.float32, **options)),
                         ("tfidf", TfidfTransformer(sublinear_tf=True))])

    ngrams = FeatureUnion(
        [("words", hashed(WORD_BITS, token_pattern=r"(?u)[\w']+", ngram_range=(1, 2))),
         ("chars", hashed(CHAR_BITS, analyzer="char_wb", ngram_range=(2, 5)))],
        transformer_weights={"words": WORD_WEIGHT, "chars": 1.0})
    features = FeatureUnion([("ngrams", ngrams), ("lexicon", LexiconFeatures(**tables))])
    bases = [Pipeline([("nb", LogCountRatio()),
                       ("lr", LogisticRegression(C=BASE_SETTINGS[t]["C"], max_iter=3000,
                                                 class_weight={0: 1.0, 1: BASE_SETTINGS[t]["positive_weight"]}))])
             for t in TONES]
    # Class weights come in as sample weights (per domain); see combiner_weights.
    combiners = [LogisticRegression(C=COMBINER_SETTINGS[t]["C"], max_iter=5000)
                 for t in TONES]
    heads = ToneHeads(bases=bases, combiners=combiners, cv=FOLDS, random_state=RANDOM_STATE)
    return Pipeline([("features", features), ("heads", heads)])


def own_lexicon(lexicon_names: list[str]) -> list[list[int]]:
    """Per tone, its own cue columns and the shared sentiment columns (indices into the lexicon)."""
    return [[j for j, name in enumerate(lexicon_names)
             if name.startswith(f"{tone}_") or name in SENTIMENT_FEATURES] for tone in TONES]


def chosen_lexicon(setting: str, lexicon_names: list[str]) -> list[list[int]] | None:
    """Per tone, the lexicon columns a model sees under ``setting`` ("own" or
    "all", see :data:`COMBINER_LEXICON`); None for all of them."""
    return None if setting == "all" else own_lexicon(lexicon_names)


def configure_heads(heads: ToneHeads, lexicon_names: list[str]) -> None:
    """Set what the heads need to know of the lexicon columns (width, rules, who sees which)."""
    n_lexicon = len(lexicon_names)
    heads.set_params(n_lexicon=n_lexicon,
                     rules=[[lexicon_names.index(name) for name in RULES[t]] for t in TONES],
                     combiner_lexicon=chosen_lexicon(COMBINER_LEXICON, lexicon_names))
    for base, kept in zip(heads.bases, chosen_lexicon(TEXT_LEXICON, lexicon_names) or [None] * len(TONES)):
        # The NB scaling is for n-gram counts; the lexicon columns pass through
        # (those the tone's text model does not see are scaled to zero).
        base.set_params(nb__n_passthrough=n_lexicon, nb__passthrough_kept=kept)


def combiner_weights(Y: np.ndarray, is_reddit: np.ndarray,
                     settings: dict[str, dict[str, Any]] | None = None) -> np.ndarray:
    """Each row's weight in each tone's combiner: domain weight times class weight.

    Args:
        Y: ``(n, 2)`` labels.
        is_reddit: True for GoEmotions rows, False for news quotes.
        settings: per tone, ``news_weight`` and ``positive_weight`` (per
            domain); default :data:`COMBINER_SETTINGS`.

    Returns:
        ``(n, 2)`` weights, columns in :data:`TONES` order.
    """
    settings = settings or COMBINER_SETTINGS
    columns = []
    for k, tone in enumerate(TONES):
        chosen = settings[tone]
        domain = np.where(is_reddit, 1.0, chosen["news_weight"])
        positive = np.where(is_reddit, chosen["positive_weight"]["social"], chosen["positive_weight"]["news"])
        columns.append(domain * np.where(Y[:, k] == 1, positive, 1.0))
    return np.column_stack(columns)


def cueless_columns(settings: dict[str, dict[str, Any]], lexicon_names: list[str]) -> list[list[int]] | None:
    """The heads' ``cueless`` under per-tone settings: for each tone whose
    ``cueless`` setting is on, the lexicon columns that read one of its cues
    (every reading of :data:`CEILINGS`); None when no tone has it on."""
    if not any(settings[t].get("cueless") for t in TONES):
        return None
    return [[lexicon_names.index(n) for n in (*CEILINGS[t][0], *CEILINGS[t][1])] if settings[t].get("cueless")
            else [] for t in TONES]


def news_folds(y_news: np.ndarray, groups, random_state: int = RANDOM_STATE) -> list:
    """The grouped folds over the news rows (an article and its copies in one fold),
    stratified by their two labels."""
    strata = y_news[:, 0] + 2 * y_news[:, 1]
    return list(StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=random_state)
                .split(np.zeros(len(y_news)), strata, groups))


def combiner_probe(heads: ToneHeads, settings: dict[str, dict[str, Any]], lexicon_names: list[str]) -> ToneHeads:
    """An unfitted copy of ``heads`` with the combiners of per-tone ``settings``."""
    probe = clone(heads)
    probe.set_params(combiners=[LogisticRegression(C=settings[t]["C"], max_iter=5000) for t in TONES],
                     cueless=cueless_columns(settings, lexicon_names))
    return probe


def fold_rows(is_reddit: np.ndarray, train_idx: np.ndarray) -> np.ndarray:
    """The rows a fold's combiners learn from: every GoEmotions train row (they come
    first) and the news rows ``train_idx`` (indices among the news rows)."""
    rows = is_reddit.copy()
    rows[int(is_reddit.sum()) + train_idx] = True
    return rows


def _scores(y: np.ndarray, p: np.ndarray, threshold: float = 0.5) -> dict[str, float]:
    """Precision, recall and F1 at ``threshold``, average precision and Brier score."""
    precision, recall, f1, _ = precision_recall_fscore_support(y, p >= threshold, average="binary",
                                                               zero_division=0)
    return {"precision": round(float(precision), 4), "recall": round(float(recall), 4),
            "f1": round(float(f1), 4), "average_precision": round(float(average_precision_score(y, p)), 4),
            "brier": round(float(brier_score_loss(y, p)), 4), "positives": int(y.sum()), "n": int(len(y))}


def _combiner_probabilities(heads: ToneHeads, bases, scores, X, Y, weights, is_news, rows,
                            X_eval, scores_eval) -> np.ndarray:
    """Fit fresh combiners on ``rows`` only and return the news probabilities of the evaluation rows."""
    fitted = clone(heads).fit_from_scores(bases, scores[rows], X[rows], Y[rows], weights[rows], is_news[rows])
    return fitted.proba_from_scores(scores_eval, X_eval, "news")


def read_news_files(paths, exclude_docs=(), origin: list[bool] | None = None,
                    excluded: dict[str, int] | None = None,
                    fields: dict[str, list] | None = None) -> tuple[list[str], np.ndarray, list[str]]:
    """Read labelled news quotes from files of either format, without the quotes
    of ``exclude_docs`` (``source:doc_id``, e.g. the dev part of the project's
    set) and without repeats of a quote in one article.

    Args:
        paths: files of the shared format (``news-quotes-dev.jsonl``, with
            ``source_file``) or of ``annotation/tone/build.py`` (with ``source``).
        exclude_docs: articles whose quotes are left out: ``source:doc_id``
            (e.g. the dev part of the project's set) or a bare ``doc_id`` (e.g.
            the held-out tone articles of ``heldout-docs.txt``), which leaves
            the article out whatever file it comes from.
        origin: if given, filled with one flag per quote kept: True when it
            comes from a file of ``annotation/tone/build.py``.
        excluded: if given, filled with how many quotes of each file were left
            out because of ``exclude_docs``.
        fields: if given, ``{name: list}``, each list filled with that field of
            every quote kept (see :func:`read_news`).
    """
    exclude = set(exclude_docs)
    texts: list[str] = []
    labels: list[np.ndarray] = []
    groups: list[str] = []
    seen: set[tuple[str, str]] = set()
    for path in map(Path, paths):
        with open(path, encoding="utf-8") as fh:
            first = next((line for line in fh if line.strip()), "{}")
        project_set = "source" in json.loads(first)  # the project's own set (annotation/tone)
        part_fields: dict[str, list] = {name: [] for name in fields or {}}
        part_texts, part_labels, part_groups = read_news(Path(path), part_fields)
        for i, (text, label, group) in enumerate(zip(part_texts, part_labels, part_groups)):
            group = group.replace(".jsonl:", ":")
            key = (group, " ".join(text.split()))
            if group in exclude or group.partition(":")[2] in exclude:
                if excluded is not None:
                    excluded[path.name] = excluded.get(path.name, 0) + 1
                continue
            if key in seen:
                continue
            seen.add(key)
            if origin is not None:
                origin.append(project_set)
            for name, values in part_fields.items():
                fields[name].append(values[i])
            texts.append(text)
            labels.append(label)
            groups.append(group)
    return texts, np.asarray(labels, dtype=int).reshape(-1, len(TONES)), groups


def cv_groups(articles: list[str], texts: list[str], declared=None) -> list[str]:
    """The group of each news quote in the grouped cross-validation.

    An article is not enough: the same story printed twice, or one quote
    printed by two articles, would be scored on its own copy. The groups are
    those of ``annotation/tone/split.py`` (:mod:`quotes.training.article_groups`):
    articles the rows of ``build.py`` put in one ``group`` (it sees the whole
    article texts), and articles of any file that share a quote of 20 or more
    characters, are one group.

    Args:
        articles: each quote's article (``source:doc_id``, from :func:`read_news_files`).
        texts: each quote's text.
        declared: each quote's ``group`` field, or None where its file has none.

    Returns:
        Each quote's group (named by its smallest article).
    """
    fingerprints = [(quote_fingerprint(text), article) for text, article in zip(texts, articles)]
    fingerprints += [("group:" + group, article) for group, article in zip(declared or (), articles) if group]
    group_of = join_articles(articles, fingerprints)
    return [group_of[a] for a in articles]


def train_tone(emotions_dir: Path, news_path, out_dir: Path, *, log=None, exclude_docs=(),
               news_dev: Path | None = None, cache_dir: Path | None = None) -> dict[str, Any]:
    """Train the tone pipeline and write ``tone.skops`` and ``tone.json`` to ``out_dir``.

    The text models learn from GoEmotions train; the combiners from GoEmotions
    train (out-of-fold text scores) and the news quotes. Each tone's combiner
    settings (C, the news weight, the news positive weight) are chosen from
    :data:`COMBINER_GRID` by 5-fold CV grouped by article (near-duplicate
    articles in one group, :func:`cv_groups`) over the news quotes, scored by
    F1 at 0.5 on the quotes of the project's own set (the train part of
    ``annotation/tone``), the figure the issue measures; then, by the same CV,
    whether each tone's combiner gets a cue-less copy of its text score
    (:data:`CUELESS_CHOICES`).

    Args:
        emotions_dir: folder with ``goemotions-train.tsv``, ``goemotions-dev.tsv``
            and ``emotions.txt``.
        news_path: the labelled news quotes: one file or a list (see
            :func:`read_news_files`), e.g. the train part of the project's set
            and ``news-quotes-dev.jsonl``.
        out_dir: where the model and its card go (created if missing).
        log: optional callable taking a progress message (e.g. ``print`` to stderr).
        exclude_docs: articles whose quotes are never trained on: the dev part
            of the project's set (``source:doc_id``) and the held-out tone
            articles (bare ``doc_id``s of ``heldout-docs.txt``).
        news_dev: the dev part, scored once at the end for the card.
        cache_dir: where the features and text models of a run are kept (keyed
            by the data, cue lists, code and settings they depend on), so a rerun
            that changes only the combiners skips the text models.

    Returns:
        The card (also written as ``tone.json``).

    Raises:
        TrainingError: a data file is missing or malformed.
    """
    import skops.io as sio

    say = log or (lambda message: None)
    started = time.perf_counter()
    news_paths = [Path(p) for p in (news_path if isinstance(news_path, (list, tuple)) else [news_path])]
    emotions_dir, out_dir = Path(emotions_dir), Path(out_dir)
    files = {"goemotions-train.tsv": emotions_dir / "goemotions-train.tsv",
             "goemotions-dev.tsv": emotions_dir / "goemotions-dev.tsv",
             "emotions.txt": emotions_dir / "emotions.txt",
             **{p.name: p for p in news_paths}}
    for name, path in files.items():
        if not path.is_file():
            raise TrainingError(f"training data {name} not found at {path}")
    stack = prepare_stack(files, news_paths, exclude_docs, cache_dir, say)
    pipeline, bases, scores = stack["pipeline"], stack["bases"], stack["scores"]
    lexicon_names, lex_all, Y_all = stack["lexicon_names"], stack["lexicon"], stack["Y"]
    is_reddit, groups = stack["is_reddit"], stack["groups"]
    n_lexicon = len(lexicon_names)
    y_news, lex_news, news_scores = Y_all[~is_reddit], lex_all[~is_reddit], scores[~is_reddit]
    part = stack["from_split"]
    n_train = int(is_reddit.sum())
    heads: ToneHeads = pipeline.named_steps["heads"]
    say(f"data: {n_train} GoEmotions train, {len(stack['dev_scores'])} dev, {len(y_news)} news quotes "
        f"({int(part.sum())} of the project's train part), {len(set(stack['articles']))} articles "
        f"in {len(set(groups))} CV groups")

    is_news = (~is_reddit).astype(float)
    folds = news_folds(y_news, groups)

    def cross_validate(settings: dict[str, dict[str, Any]]) -> np.ndarray:
        """News CV probabilities under per-tone settings (floors and ceilings measured per fold)."""
        weights = combiner_weights(Y_all, is_reddit, settings)
        probe = combiner_probe(heads, settings, lexicon_names)
        out = np.zeros(y_news.shape)
        for train_idx, test_idx in folds:
            rows = fold_rows(is_reddit, train_idx)
            fitted = clone(probe).fit_from_scores(bases, scores[rows], lex_all[rows], Y_all[rows],
                                                  weights[rows], is_news[rows])
            ceilings = clone_heads_ceilings(heads, lex_news[train_idx], y_news[train_idx],
                                            _ceiling_columns(lexicon_names), CEILING_SMOOTHING)
            p = fitted.proba_from_scores(news_scores[test_idx], lex_news[test_idx], "news")
            out[test_idx] = apply_ceilings(p, lex_news[test_idx], ceilings)
        return out

    # The grid: tones are independent (each combiner sees its own inputs and
    # weights), so grid point i is tried for both tones in one set of fits.
    grid = [dict(zip(COMBINER_GRID, values)) for values in itertools.product(*COMBINER_GRID.values())]
    selection: dict[str, list[dict[str, Any]]] = {t: [] for t in TONES}
    for point in grid:
        settings = {t: {"C": point["C"], "news_weight": point["news_weight"],
                        "positive_weight": {"social": COMBINER_SETTINGS[t]["positive_weight"]["social"],
                                            "news": point["news_positive_weight"]}} for t in TONES}
        p = cross_validate(settings)
        for k, tone in enumerate(TONES):
            selection[tone].append({**point, "f1": _scores(y_news[part, k], p[part, k])["f1"]})
        say(f"{point}: CV F1 " + ", ".join(f"{t} {selection[t][-1]['f1']:.3f}" for t in TONES)
            + f" {time.perf_counter() - started:.0f}s")
    chosen: dict[str, dict[str, Any]] = {}
    for tone in TONES:
        # ties go to the simpler model: smaller news weight, stronger regularisation
        best = max(selection[tone], key=lambda s: (s["f1"], -s["news_weight"], -s["C"]))
        chosen[tone] = {"C": best["C"], "news_weight": best["news_weight"],
                        "positive_weight": {"social": COMBINER_SETTINGS[tone]["positive_weight"]["social"],
                                            "news": best["news_positive_weight"]}}
        say(f"{tone}: chosen {chosen[tone]} (CV F1 {best['f1']:.3f})")
    for tone in TONES:
        chosen[tone]["cueless"] = False
    best_f1 = {t: max(s["f1"] for s in selection[t]) for t in TONES}
    for flag in CUELESS_CHOICES:
        if not flag:
            continue
        trial = {t: {**chosen[t], "cueless": flag} for t in TONES}
        p = cross_validate(trial)
        for k, tone in enumerate(TONES):
            f1 = _scores(y_news[part, k], p[part, k])["f1"]
            selection[tone].append({**{key: v for key, v in trial[tone].items() if key != "positive_weight"},
                                    "news_positive_weight": trial[tone]["positive_weight"]["news"], "f1": f1})
            say(f"{tone}: cue-less score input {flag}: CV F1 {f1:.3f} (without {best_f1[tone]:.3f})")
            if f1 > best_f1[tone]:
                chosen[tone]["cueless"], best_f1[tone] = flag, f1
    p_cv = cross_validate(chosen)

    # Transfer: combiners fitted on GoEmotions alone, scored on every news quote.
    weights = combiner_weights(Y_all, is_reddit, chosen)
    heads.set_params(combiners=[LogisticRegression(C=chosen[t]["C"], max_iter=5000) for t in TONES],
                     cueless=cueless_columns(chosen, lexicon_names))
    p_transfer = clone(heads).fit_from_scores(bases, scores[is_reddit], lex_all[is_reddit], Y_all[is_reddit],
                                              weights[is_reddit], is_news[is_reddit]
                                              ).proba_from_scores(news_scores, lex_news, "news")
    # The shipped combiners learn from every GoEmotions row and every news quote.
    heads.fit_from_scores(bases, scores, lex_all, Y_all, weights, is_news)
    heads.n_features_in_ = stack["n_features"]
    heads.bases_ = [fold_log_count_ratio(b) for b in heads.bases_]
    heads.fit_ceilings(lex_news, y_news, np.ones(len(y_news), bool), _ceiling_columns(lexicon_names),
                       CEILING_SMOOTHING)
    heads.ceiling_precision_ = [{d: v for d, v in c.items() if d in CEILING_DOMAINS}
                                for c in heads.ceiling_precision_]
    # GoEmotions is Reddit: its figures are the model's "social" calibration.
    p_dev = heads.proba_from_scores(stack["dev_scores"], stack["dev_lexicon"], "social")
    y_dev = stack["y_dev"]
    figures: dict[str, Any] = {}
    for k, tone in enumerate(TONES):
        figures[tone] = {
            "goemotions_dev": _scores(y_dev[:, k], p_dev[:, k]),
            "news_cv": _scores(y_news[:, k], p_cv[:, k]),
            "news_train_cv": _scores(y_news[part, k], p_cv[part, k]),
            "news_transfer_goemotions_only": _scores(y_news[:, k], p_transfer[:, k]),
            "news_train_cv_best_threshold": _best_threshold(y_news[part, k], p_cv[part, k]),
        }
        say(f"{tone}: GoEmotions dev F1 {figures[tone]['goemotions_dev']['f1']:.3f}, "
            f"news CV F1 {figures[tone]['news_cv']['f1']:.3f} (train part {figures[tone]['news_train_cv']['f1']:.3f}, "
            f"best threshold {figures[tone]['news_train_cv_best_threshold']}), "
            f"transfer F1 {figures[tone]['news_transfer_goemotions_only']['f1']:.3f}")
    if news_dev is not None:
        dev_news_texts, y_dev_news, _ = read_news(Path(news_dev))
        p_dev_news = pipeline.predict_proba(dev_news_texts, domain="news")
        for k, tone in enumerate(TONES):
            figures[tone]["news_dev"] = _scores(y_dev_news[:, k], p_dev_news[:, k])
            say(f"{tone}: news dev F1 {figures[tone]['news_dev']['f1']:.3f}")

    out_dir.mkdir(parents=True, exist_ok=True)
    model_path = out_dir / f"{MODEL_NAME}.skops"
    sio.dump(pipeline, model_path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    untrusted = sio.get_untrusted_types(file=model_path)
    unexpected = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if unexpected:
        model_path.unlink()
        raise TrainingError(f"the model holds types outside quotes.training.tone_features.TRUSTED_TYPES: {unexpected}")
    # What scoring loads: the same model as plain arrays (see quotes.model_arrays).
    arrays_file = save_arrays(arrays_path(MODEL_NAME, out_dir), *tone_arrays(pipeline))

    from quotes.version import __version__

    code = hashlib.sha256()
    for source in [Path(__file__).resolve().parents[1] / f for f in CODE_FILES]:
        code.update(source.read_bytes())
    news_rows = {"quotes": len(y_news), "articles": len(set(stack["articles"])), "cv_groups": len(set(groups)),
                 "positives": {t: int(y_news[:, k].sum()) for k, t in enumerate(TONES)},
                 "train_part_quotes": int(part.sum()),
                 "train_part_positives": {t: int(y_news[part, k].sum()) for k, t in enumerate(TONES)}}
    card = {
        "name": MODEL_NAME,
        "file": model_path.name,
        "scoring_file": {"name": arrays_file.name, "sha256": file_sha256(arrays_file)},
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "code_version": {"quotes": __version__, "sha256": code.hexdigest()},
        "library_versions": library_versions(LIBRARIES),
        "python": sys.version.split()[0],
        "trusted_types": list(TRUSTED_TYPES),
        "tones": list(TONES),
        "label_mapping": {"goemotions": {t: list(v) for t, v in LABEL_MAPPING.items()},
                          "news": {t: f"{t} == 1" for t in TONES}},
        "threshold": 0.5,
        "domains": {"news": "quotes in news articles (the default); news figures use it",
                    "social": "comments like GoEmotions' Reddit; GoEmotions figures use it"},
        "data": {name: {"sha256": file_sha256(path)} for name, path in files.items()},
        "excluded_docs": len(set(exclude_docs)),
        "excluded_quotes": stack["excluded_quotes"],
        "cue_lists": {name: file_sha256(resources.DATA_DIR / name) for name in CUE_FILES},
        "rows": {"goemotions_train": n_train, "goemotions_dev": len(y_dev), "news": news_rows},
        "settings": {"random_state": RANDOM_STATE, "folds": FOLDS, "word_weight": WORD_WEIGHT,
                     "text_models": BASE_SETTINGS, "combiners": chosen, "combiner_grid": COMBINER_GRID,
                     "rules": RULES, "ceilings": {t: {"judged": list(CEILINGS[t][0]), "standing": list(CEILINGS[t][1])}
                                                  for t in TONES},
                     "ceiling_smoothing": CEILING_SMOOTHING,
                     "combiner_lexicon": COMBINER_LEXICON, "text_lexicon": TEXT_LEXICON,
                     "features": stack["n_features"], "lexicon_features": n_lexicon},
        "selection": ("text models: 3-fold CV on GoEmotions train; combiners (C, news weight, news positive "
                      "weight, per tone): 5-fold CV grouped by article over the news quotes, F1 at 0.5 "
                      "on the quotes of the project's train part (annotation/tone); the dev part of "
                      "annotation/tone and the held-out tone articles are in no training data; GoEmotions dev, "
                      "the news dev part and the seed article were not used to choose anything"),
        "combiner_selection": selection,
        "figures": figures,
        "rule_precision": {t: heads.rule_precision_[k] for k, t in enumerate(TONES)},
        "ceilings": {t: {"judged": list(CEILINGS[t][0]), "standing": list(CEILINGS[t][1]),
                         "precision": heads.ceiling_precision_[k]} for k, t in enumerate(TONES)},
        "training_seconds": round(time.perf_counter() - started, 1),
        # the features and text models: built in this run, or read from --cache
        # (then training_seconds leaves out the seconds they took when built)
        "features_and_text_models": {"cached": bool(stack.get("cached")), "seconds": stack.get("seconds")},
    }
    (out_dir / f"{MODEL_NAME}.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    say(f"wrote {model_path} ({model_path.stat().st_size / 1e6:.1f} MB) in {card['training_seconds']:.0f}s")
    return card


def _best_threshold(y: np.ndarray, p: np.ndarray) -> dict[str, float]:
    """The threshold with the best F1 (of 0.05, 0.10, ..., 0.95) and that F1: is 0.5 the right one?"""
    best = max(((float(np.round(t, 2)), _scores(y, p, t)["f1"]) for t in np.arange(0.05, 0.96, 0.05)),
               key=lambda tf: (tf[1], -abs(tf[0] - 0.5)))
    return {"threshold": best[0], "f1": best[1]}


def prepare_stack(files: dict[str, Path], news_paths: list[Path], exclude_docs, cache_dir: Path | None,
                  say) -> dict[str, Any]:
    """Everything before the combiners: data, features, text models and their scores.

    The text models learn from GoEmotions train alone, and the news quotes are
    only scored by them, so the stack is made of two parts:
    :func:`text_model_stack` (features, text models, GoEmotions scores: most of
    the training time, kept in ``cache_dir``), and the news quotes' features and
    scores, computed in every run (seconds). New labelled quotes, or other
    exclusions, therefore reuse the cached text models.

    Returns:
        A dict: ``pipeline`` (features fitted, heads configured), ``bases`` (the
        fitted text models), ``scores`` (out of fold for GoEmotions rows),
        ``lexicon`` (the lexicon columns of every row), ``Y``, ``is_reddit``;
        of the news rows, ``groups`` (the CV groups, :func:`cv_groups`),
        ``articles``, ``from_split`` (from the project's set) and ``sample``
        (the project's sample, None for other files); and GoEmotions dev's
        ``dev_scores``, ``dev_lexicon`` and ``y_dev``.
    """
    base = text_model_stack(files, cache_dir, say)
    started = time.perf_counter()
    from_split: list[bool] = []
    excluded: dict[str, int] = {}
    fields: dict[str, list] = {"group": [], "sample": []}
    news_texts, y_news, articles = read_news_files(news_paths, exclude_docs, from_split, excluded, fields)
    say(f"news: {len(news_texts)} quotes (left out: {excluded})")
    pipeline, bases = base["pipeline"], base["bases"]
    n_lexicon = len(base["lexicon_names"])
    X_news = pipeline.named_steps["features"].transform(news_texts)
    news_scores = np.column_stack([b.decision_function(X_news) for b in bases]).reshape(-1, len(TONES))
    n_reddit = len(base["y_train"])
    say(f"news features and text scores in {time.perf_counter() - started:.0f}s")
    return {"pipeline": pipeline, "bases": bases, "lexicon_names": base["lexicon_names"],
            "scores": np.vstack([base["scores"], news_scores]),
            "lexicon": np.vstack([base["lexicon"], lexicon_block_of(X_news, n_lexicon)]),
            "Y": np.vstack([base["y_train"], y_news]),
            "is_reddit": np.r_[np.ones(n_reddit, bool), np.zeros(len(news_texts), bool)],
            "groups": cv_groups(articles, news_texts, fields["group"]), "articles": articles,
            "from_split": np.asarray(from_split, dtype=bool), "sample": fields["sample"],
            "dev_scores": base["dev_scores"], "dev_lexicon": base["dev_lexicon"], "y_dev": base["y_dev"],
            "n_features": base["n_features"], "excluded_quotes": excluded, "seconds": base["seconds"],
            "cached": base.get("cached", False)}


def text_model_stack(files: dict[str, Path], cache_dir: Path | None, say) -> dict[str, Any]:
    """The features (fitted on GoEmotions train), the text models and their GoEmotions scores.

    With ``cache_dir`` it is kept as a pickle named by a hash of what it
    depends on (:func:`_stack_cache_path`: the GoEmotions files, the cue lists,
    the feature code, this module's functions that build it and the text model
    settings) and reused when that matches.

    Returns:
        A dict: ``pipeline``, ``bases``, ``lexicon_names``, ``scores`` and
        ``lexicon`` (out-of-fold text scores and lexicon columns of GoEmotions
        train), ``y_train``, ``dev_scores``, ``dev_lexicon``, ``y_dev``,
        ``n_features``, ``seconds`` (and ``cached`` when read from the cache).
    """
    import pickle

    cached = _stack_cache_path(files, cache_dir) if cache_dir else None
    if cached is not None and cached.exists():
        say(f"features and text models from {cached}")
        with open(cached, "rb") as fh:
            stack = pickle.load(fh)
        return {**stack, "cached": True}
    started = time.perf_counter()
    label_names = files["emotions.txt"].read_text(encoding="utf-8").split("\n")
    label_names = [name.strip() for name in label_names if name.strip()]
    train_texts, y_train = read_goemotions(files["goemotions-train.tsv"], label_names)
    dev_texts, y_dev = read_goemotions(files["goemotions-dev.tsv"], label_names)
    say(f"data: {len(train_texts)} GoEmotions train, {len(dev_texts)} dev")

    tables = read_cue_tables()
    pipeline = build_pipeline(tables)
    features = pipeline.named_steps["features"]
    # The vocabularies and IDF come from GoEmotions train only: the news quotes
    # stay unseen text in every cross-validation fold.
    features.fit(train_texts)
    heads: ToneHeads = pipeline.named_steps["heads"]
    lexicon_names = list(features.transformer_list[1][1].get_feature_names_out())
    n_lexicon = len(lexicon_names)
    configure_heads(heads, lexicon_names)
    X_train = features.transform(train_texts).tocsr()
    X_dev = features.transform(dev_texts)
    say(f"features: {X_train.shape[1]} columns ({n_lexicon} lexicon) in {time.perf_counter() - started:.0f}s")

    # Text models on GoEmotions rows, scored out of fold.
    bases, scores = fit_bases(heads.bases, X_train, y_train, None, FOLDS, RANDOM_STATE)
    say(f"text models in {time.perf_counter() - started:.0f}s")
    stack = {"pipeline": pipeline, "bases": bases, "scores": scores, "lexicon_names": lexicon_names,
             "lexicon": lexicon_block_of(X_train, n_lexicon), "y_train": y_train,
             "dev_scores": np.column_stack([b.decision_function(X_dev) for b in bases]),
             "dev_lexicon": lexicon_block_of(X_dev, n_lexicon), "y_dev": y_dev,
             "n_features": int(X_train.shape[1]), "seconds": round(time.perf_counter() - started, 1)}
    if cached is not None:
        _save_stack(stack, cached)
    return stack


# The functions of this module whose work the cached text models hold: a change to
# any of them must not reuse a stack built by the old code. (The module's other
# code, the news quotes' and the combiners', is left out of the key, so that
# changing it reuses the stack.)
_STACK_FUNCTIONS = ("read_goemotions", "read_cue_tables", "build_pipeline", "configure_heads",
                    "lexicon_block_of", "text_model_stack")


def _stack_cache_path(files: dict[str, Path], cache_dir: Path) -> Path:
    """Where :func:`text_model_stack` keeps its stack: named by a hash of the
    GoEmotions files, the cue lists, the feature code, this module's functions
    that build it and the text model settings."""
    import inspect

    key = hashlib.sha256()
    goemotions = [files[name] for name in ("goemotions-train.tsv", "goemotions-dev.tsv", "emotions.txt")]
    for path in [*goemotions, *(resources.DATA_DIR / name for name in CUE_FILES),
                 *(Path(__file__).resolve().parents[1] / f for f in CODE_FILES if f != "training/tone.py")]:
        key.update(Path(path).read_bytes())
    for name in _STACK_FUNCTIONS:
        key.update(inspect.getsource(globals()[name]).encode())
    key.update(json.dumps([BASE_SETTINGS, WORD_WEIGHT, WORD_BITS, CHAR_BITS, RULES, COMBINER_LEXICON,
                           TEXT_LEXICON, FOLDS, RANDOM_STATE]).encode())
    return Path(cache_dir) / f"tone-text-models-{key.hexdigest()[:16]}.pkl"


def _save_stack(stack: dict[str, Any], path: Path) -> None:
    """Write the stack whole or not at all: a run killed while writing must not leave
    a torn pickle that every later run with the same key would fail to load."""
    import pickle

    path.parent.mkdir(parents=True, exist_ok=True)
    with replaced_atomically(path, unique=True) as tmp, open(tmp, "wb") as fh:
        pickle.dump(stack, fh, protocol=pickle.HIGHEST_PROTOCOL)


# -- refitting the clause-reading parts over the fixed text models --------------------

# Per tone, the cue readings that leave no feeling of the speaker's (someone
# else's, negated, hypothetical, a formula, an intensifier before a noun), and
# the readings that stand; where only the first kind is read, the probability is
# at most the measured share of positives of such quotes (see ToneHeads.fit_ceilings).
CEILINGS = {"regret": (("regret_other", "regret_self_about_other", "regret_negated", "regret_hedged",
                        "regret_formula"), ("regret_self", "regret_none")),
            "shock": (("shock_other", "shock_negated", "shock_hedged", "shock_formula", "shock_weak_attribute"),
                      ("shock_state", "shock_eval", "shock_weak_predicate"))}
# The domains whose ceilings are applied: news (the target). Reddit's labels of
# hedged or negated cues are looser ("I'd be so surprised lol" counts as
# surprise), so the social calibration keeps the combiners' figures.
CEILING_DOMAINS = ("news",)
# Laplace smoothing of the ceilings (5-fold CV by article on the news train part
# found no difference between 0.5 and 4: the capped rows are nearly all negative).
CEILING_SMOOTHING = 1.0


def _ceiling_columns(lexicon_names: list[str]) -> list[list[list[int]]]:
    return [[[lexicon_names.index(n) for n in CEILINGS[t][0]], [lexicon_names.index(n) for n in CEILINGS[t][1]]]
            for t in TONES]


def refit_clause_parts(news_train: Path, news_dev: Path, emotions_dir: Path, out_dir: Path | None = None,
                       *, log=None, oof: dict[str, Any] | None = None) -> dict[str, Any]:
    """Refit what reads the clause, over the shipped model's fixed text models and combiners.

    The full training (:func:`train_tone`) spends most of its time on the
    GoEmotions text models; this keeps them (and the combiners) as shipped and
    refits only what depends on the cue lexicon's reading: the cue tables
    (``quotes/data``, whose groups must stay the same, so every column keeps its
    meaning) and the tones' ceilings, measured on the news train part. The
    ceilings' smoothing comes from 5-fold CV grouped by article on the news
    train part; the news dev part is scored once, at the end.

    Args:
        news_train, news_dev: the parts written by ``annotation/tone/build.py``.
        emotions_dir: GoEmotions (its dev figures go on the card).
        out_dir: where the model goes (default: the shipped models folder).
        oof: if given, filled with the news train part's out-of-fold
            probabilities at the chosen smoothing (``"p"``, ``(n, 2)``), its
            labels (``"y"``), texts, article ids and lexicon columns
            (``"lexicon"``, ``"names"``): the errors the train CV makes, to group
            by kind (tools/tone_oof_errors.py).

    Returns:
        The updated card.
    """
    import skops.io as sio

    from quotes.resources import models_dir
    from quotes.training.model_files import load_tone_model, model_paths

    say = log or (lambda message: None)
    started = time.perf_counter()
    out_dir = Path(out_dir) if out_dir is not None else models_dir()
    pipeline = load_tone_model()
    card = json.loads(model_paths(MODEL_NAME)[1].read_text(encoding="utf-8"))
    features = pipeline.named_steps["features"]
    heads: ToneHeads = pipeline.named_steps["heads"]
    lexicon = dict(features.transformer_list)["lexicon"]
    old_names = list(lexicon.get_feature_names_out())
    fresh = LexiconFeatures(**read_cue_tables()).fit(["x"])
    if fresh.groups_ != lexicon.groups_:
        raise TrainingError(f"the cue groups changed ({lexicon.groups_} -> {fresh.groups_}); run the full training")
    lexicon.set_params(regret_cues=fresh.regret_cues, shock_cues=fresh.shock_cues, context=fresh.context)
    lexicon.fit(["x"])
    names = list(lexicon.get_feature_names_out())
    assert names == old_names
    ceilings = _ceiling_columns(names)

    declared: dict[str, list] = {"group": []}
    train_texts, y_train, articles = read_news(news_train, declared)
    groups = cv_groups(articles, train_texts, declared["group"])
    dev_texts, y_dev, _ = read_news(news_dev)
    X_train = features.transform(train_texts)  # (the dev part is scored through the pipeline below)
    lex_train = lexicon_block_of(X_train, len(names))
    rules = [[names.index(n) for n in RULES[t]] for t in TONES]
    # The combiners' probabilities before any floor or ceiling.
    heads.rules, heads.ceilings = [[] for _ in TONES], None
    base_train = heads.proba_from_scores(heads.decision_scores(X_train), X_train, "news")
    heads.rules = rules
    say(f"news train {len(train_texts)} quotes, dev {len(dev_texts)}, features in {time.perf_counter() - started:.0f}s")

    def with_ceilings(p, lex, rows_lex, rows_y, smoothing):
        # Floors and ceilings measured on the fitting rows only.
        floored = p.copy()
        for k, rule in enumerate(rules):
            fires, fit_fires = rule_fires(lex, rule), rule_fires(rows_lex, rule)
            if fit_fires.any():
                floored[fires, k] = np.maximum(floored[fires, k], rows_y[fit_fires, k].mean())
        probe = clone_heads_ceilings(heads, rows_lex, rows_y, ceilings, smoothing)
        return apply_ceilings(floored, lex, probe)

    # CV by article on the news train part: the smoothing of the ceilings.
    folds = news_folds(y_train, groups)
    selection, out_of_fold = {}, {}
    for smoothing in (0.5, 1.0, 2.0, 4.0):
        p_cv = out_of_fold[smoothing] = np.zeros(y_train.shape)
        for fit_idx, test_idx in folds:
            p_cv[test_idx] = with_ceilings(base_train[test_idx], lex_train[test_idx], lex_train[fit_idx],
                                           y_train[fit_idx], smoothing)
        selection[smoothing] = {t: _scores(y_train[:, k], p_cv[:, k]) for k, t in enumerate(TONES)}
        say(f"smoothing {smoothing}: CV F1 " + ", ".join(f"{t} {selection[smoothing][t]['f1']:.3f}" for t in TONES))
    smoothing = max(selection, key=lambda s: (sum(selection[s][t]["f1"] for t in TONES), -s))
    no_ceiling = {t: _scores(y_train[:, k], base_train[:, k]) for k, t in enumerate(TONES)}
    if oof is not None:
        oof.update(p=out_of_fold[smoothing], y=y_train, texts=train_texts, articles=articles,
                   lexicon=lex_train, names=names, smoothing=smoothing)

    # The rules' precision: news on the news train part, social on GoEmotions train.
    names_file = Path(emotions_dir) / "emotions.txt"
    label_names = [n.strip() for n in names_file.read_text(encoding="utf-8").split("\n") if n.strip()]
    social_texts, social_y = read_goemotions(Path(emotions_dir) / "goemotions-train.tsv", label_names)
    social_lex = lexicon.transform(social_texts)
    heads.rule_precision_ = []
    for k, rule in enumerate(rules):
        precision = {}
        for domain, lex_rows, y_rows in (("social", social_lex, social_y), ("news", lex_train, y_train)):
            fires = rule_fires(lex_rows, rule)
            precision[domain] = float(y_rows[fires, k].mean()) if fires.any() else 0.0
        heads.rule_precision_.append(precision)
    say(f"rule precision {heads.rule_precision_}")

    heads.fit_ceilings(lex_train, y_train, np.ones(len(y_train), bool), ceilings, smoothing)
    heads.ceiling_precision_ = [{d: v for d, v in c.items() if d in CEILING_DOMAINS}
                                for c in heads.ceiling_precision_]
    p_dev = pipeline.predict_proba(dev_texts, domain="news")
    ge_texts, ge_y = read_goemotions(Path(emotions_dir) / "goemotions-dev.tsv", label_names)
    p_ge = pipeline.predict_proba(ge_texts, domain="social")

    out_dir.mkdir(parents=True, exist_ok=True)
    model_path = out_dir / f"{MODEL_NAME}.skops"
    sio.dump(pipeline, model_path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    unexpected = sorted(set(sio.get_untrusted_types(file=model_path)) - set(TRUSTED_TYPES))
    if unexpected:
        model_path.unlink()
        raise TrainingError(f"the model holds types outside TRUSTED_TYPES: {unexpected}")
    arrays_file = save_arrays(arrays_path(MODEL_NAME, out_dir), *tone_arrays(pipeline))
    for k, tone in enumerate(TONES):
        card["figures"][tone]["goemotions_dev"] = _scores(ge_y[:, k], p_ge[:, k])
        card["figures"][tone]["news_train_cv"] = selection[smoothing][tone]
        card["figures"][tone]["news_train_without_floors_or_ceilings"] = no_ceiling[tone]
        card["figures"][tone]["news_dev"] = _scores(y_dev[:, k], p_dev[:, k])
        say(f"{tone}: news train CV F1 {selection[smoothing][tone]['f1']:.3f} (combiners alone "
            f"{no_ceiling[tone]['f1']:.3f}), news dev F1 {card['figures'][tone]['news_dev']['f1']:.3f}, "
            f"GoEmotions dev F1 {card['figures'][tone]['goemotions_dev']['f1']:.3f}")
    card["scoring_file"] = {"name": arrays_file.name, "sha256": file_sha256(arrays_file)}
    card["cue_lists"] = {name: file_sha256(resources.DATA_DIR / name) for name in CUE_FILES}
    card["data"].update({Path(news_train).name: {"sha256": file_sha256(Path(news_train))}})
    card["refit"] = {
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "what": ("cue tables and clause reading (quotes/tone/lexicon.py, quotes/data) and the news ceilings "
                 "refitted over the shipped text models and combiners (fixed); see refit_clause_parts"),
        "news_train": {"quotes": len(train_texts), "articles": len(set(articles)), "cv_groups": len(set(groups)),
                       "positives": {t: int(y_train[:, k].sum()) for k, t in enumerate(TONES)}},
        "ceilings": {t: {"judged": list(CEILINGS[t][0]), "standing": list(CEILINGS[t][1]),
                         "precision": heads.ceiling_precision_[k]} for k, t in enumerate(TONES)},
        "ceiling_smoothing": smoothing,
        "rules": {t: {"features": list(RULES[t]), "precision": heads.rule_precision_[k]}
                  for k, t in enumerate(TONES)},
        "selection": {str(s): {t: v[t]["f1"] for t in TONES} for s, v in selection.items()},
        "selection_note": "smoothing chosen by 5-fold CV grouped by article on the news train part; "
                          "news dev scored once at the end; news_cv and news_transfer figures are those of "
                          "the last full training (its lexicon), the other figures are this model's",
        "seconds": round(time.perf_counter() - started, 1),
    }
    (out_dir / f"{MODEL_NAME}.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


def lexicon_block_of(X, n_lexicon: int) -> np.ndarray:
    from quotes.training.tone_features import lexicon_block

    return lexicon_block(X, n_lexicon)


def clone_heads_ceilings(heads: ToneHeads, lexicon: np.ndarray, y: np.ndarray, ceilings, smoothing: float):
    """A bare ToneHeads holding only ceilings measured on the given rows (for CV)."""
    probe = ToneHeads()
    probe.fit_ceilings(lexicon, y, np.ones(len(y), bool), ceilings, smoothing)
    return probe


def apply_ceilings(p: np.ndarray, lexicon: np.ndarray, probe: ToneHeads) -> np.ndarray:
    from quotes.tone.model import ceiling_fires

    out = p.copy()
    for k, ceiling in enumerate(probe.ceilings):
        fires = ceiling_fires(lexicon, ceiling)
        out[fires, k] = np.minimum(out[fires, k], probe.ceiling_precision_[k]["news"])
    return out


def score_news(path: Path, pipeline=None) -> dict[str, Any]:
    """The shipped model's figures on a labelled news file (``annotation/tone/build.py`` output).

    Besides F1 at 0.5 and average precision: F1 at other thresholds (is 0.5
    the right one?), per source, and how much of the tone the cue rules carry:
    the share of positives with a standing cue (the speaker's own, actual
    feeling, e.g. "I regret", "I was stunned"), the share of those the model
    finds, and the precision of the standing cues. Run on the train part,
    whose quotes were read while the cue lists were written, and on the dev
    part, which was not, it shows how far the cue lists generalise.
    """
    from quotes.training.model_files import load_tone_model

    pipeline = pipeline or load_tone_model()
    fields: dict[str, list] = {"sample": []}
    texts, y, groups = read_news(Path(path), fields)
    samples = np.array([str(s) for s in fields["sample"]])
    p = pipeline.predict_proba(texts, domain="news")
    lexicon = dict(pipeline.named_steps["features"].transformer_list)["lexicon"]
    names = list(lexicon.get_feature_names_out())
    lex = lexicon.transform(texts)
    sources = np.array([g.partition(":")[0] for g in groups])
    out: dict[str, Any] = {"quotes": len(texts), "articles": len(set(groups))}
    for k, tone in enumerate(TONES):
        standing = rule_fires(lex, [names.index(n) for n in CEILINGS[tone][1] if n in names])
        positive = y[:, k] == 1
        found = p[:, k] >= 0.5
        out[tone] = {
            **_scores(y[:, k], p[:, k]),
            "f1_at": {f"{t:.1f}": _scores(y[:, k], p[:, k], t)["f1"] for t in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)},
            "by_source": {str(src): _scores(y[sources == src, k], p[sources == src, k]) for src in sorted(set(sources))},
            # the project's samples (keyword, random, rest: see annotation/tone/sample.py)
            "by_sample": {str(s): _scores(y[samples == s, k], p[samples == s, k]) for s in sorted(set(samples))},
            "positives_with_standing_cue": round(float(standing[positive].mean()), 4) if positive.any() else 0.0,
            "recall_with_standing_cue": round(float(found[positive & standing].mean()), 4)
            if (positive & standing).any() else 0.0,
            "recall_without_standing_cue": round(float(found[positive & ~standing].mean()), 4)
            if (positive & ~standing).any() else 0.0,
            "standing_cue_precision": round(float(positive[standing].mean()), 4) if standing.any() else 0.0,
            "standing_cue_quotes": int(standing.sum()),
        }
    return out


def read_doc_list(path: Path) -> list[str]:
    """Article ids, one a line (``heldout-docs.txt``); blank lines are skipped."""
    return [line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def split_docs(path: Path, part: str = "dev") -> list[str]:
    """The articles (``source:doc_id``) of one part of ``annotation/tone/split.json``."""
    return list(json.loads(Path(path).read_text(encoding="utf-8"))[part])


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m quotes.training.tone")
    parser.add_argument("command", choices=["train", "refit", "score"],
                        help="score: the shipped model's figures on each --news file (see score_news)")
    parser.add_argument("--news", nargs="+", type=Path, help="train: labelled news quote files")
    parser.add_argument("--news-train", type=Path, help="refit: the train part of annotation/tone")
    parser.add_argument("--news-dev", type=Path)
    parser.add_argument("--exclude-split", type=Path, help="split.json whose dev articles are never trained on")
    parser.add_argument("--exclude-docs", type=Path, action="append", default=[],
                        help="a file of article ids (heldout-docs.txt) never trained on; repeatable")
    parser.add_argument("--cache", type=Path, default=None, help="train: keep features and text models here")
    parser.add_argument("--emotions", type=Path, help="train, refit: the GoEmotions folder")
    parser.add_argument("--out", type=Path, default=None)
    options = parser.parse_args()
    say = lambda m: print(m, file=sys.stderr)  # noqa: E731
    if options.command == "score":
        for path in options.news:
            print(json.dumps({"file": str(path), **score_news(path)}, indent=1))
        sys.exit(0)
    if options.emotions is None:
        parser.error("--emotions is required for train and refit")
    if options.command == "refit":
        refit_clause_parts(options.news_train, options.news_dev, options.emotions, options.out, log=say)
    else:
        excluded = split_docs(options.exclude_split) if options.exclude_split else []
        for path in options.exclude_docs:
            excluded += read_doc_list(path)
        train_tone(options.emotions, options.news, options.out, log=say, exclude_docs=excluded,
                   news_dev=options.news_dev, cache_dir=options.cache)

"""Articles that must stay on one side of a split: copies of one article, and
articles that print the same quote (issue #16).

The BBC file holds some stories twice (some in two versions), and a quote of
an agency or a statement is printed by several articles. A split or a
cross-validation that puts two such articles on different sides scores a quote
on its own copy. One rule, used by ``annotation/tone/split.py`` (train and dev),
``annotation/tone/build.py`` (the ``group`` of each quote it writes) and the
tone training's grouped CV (:func:`quotes.training.tone.cv_groups`):

- articles whose texts are equal up to white space are one group;
- articles that share a quote of :data:`MIN_SHARED_QUOTE` or more characters
  (white space folded) are one group; shorter quotes ("a mistake", "No.")
  recur in unrelated stories;
- and so on transitively (union-find).

Stdlib only: the annotation scripts use it without scikit-learn.
"""
from __future__ import annotations

from collections.abc import Iterable

MIN_SHARED_QUOTE = 20  # characters


def folded(text: str) -> str:
    """``text`` with every run of white space one space, stripped."""
    return " ".join(text.split())


def text_fingerprint(text: str) -> str:
    """What two copies of one article share (their text, white space folded)."""
    return "doc:" + folded(text)


def quote_fingerprint(quote: str) -> str | None:
    """What two articles printing one quote share; None for a quote too short to tell."""
    quote = folded(quote)
    return "quote:" + quote if len(quote) >= MIN_SHARED_QUOTE else None


def join_articles(keys: Iterable[str], fingerprints: Iterable[tuple[str | None, str]]) -> dict[str, str]:
    """Group articles that share any fingerprint.

    Args:
        keys: every article (``source:doc_id``); an article with no shared
            fingerprint is a group of its own.
        fingerprints: ``(fingerprint, article)`` pairs (None fingerprints are
            ignored); articles with one fingerprint in common are joined.

    Returns:
        Each article's group, named by its smallest member, so that the names
        do not depend on the order of the inputs.
    """
    parent: dict[str, str] = {k: k for k in keys}

    def find(k: str) -> str:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    first_with: dict[str, str] = {}
    for fingerprint, key in fingerprints:
        if fingerprint is None:
            find(key)
            continue
        if fingerprint not in first_with:
            first_with[fingerprint] = key
            find(key)
            continue
        a, b = find(first_with[fingerprint]), find(key)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {k: find(k) for k in parent}


def labelled_article_groups(labels: Iterable[dict], texts: dict[str, str]) -> dict[str, str]:
    """The groups of the labelled articles of ``annotation/tone/labels.jsonl``.

    Args:
        labels: rows with ``source``, ``doc_id``, ``start``, ``end`` and
            ``bad_span`` (a bad span is not a quote and joins nothing).
        texts: each labelled article's text, by ``source:doc_id``.

    Returns:
        Each article's group (see :func:`join_articles`).
    """
    def fingerprints():
        for key, text in texts.items():
            yield text_fingerprint(text), key
        for row in labels:
            if row.get("bad_span"):
                continue
            key = f"{row['source']}:{row['doc_id']}"
            yield quote_fingerprint(texts[key][row["start"]:row["end"]]), key

    return join_articles(texts, fingerprints())

"""How well HTML pages are read: the article body, and the quotes found from it.

On pages whose article text a person has marked (``../shared/data/html``):

- **Body F1** as the article-extraction benchmark (Zyte) computes it: each
  text is cut into ``\\w+`` tokens, their 4-token shingles are counted, true
  positives are the shingles both texts share (as many times as both have them);
  each page's counts are divided by their sum, so long pages weigh no more than
  short ones; precision and recall are the means over pages, F1 their harmonic
  mean.
- **Quote agreement**: the quotes the pipeline finds in the text extracted from
  the HTML against those it finds in the marked text, matched by their words
  (lower-cased ``\\w+`` tokens) within each page. Recall is the share of the
  marked text's quotes also found from the HTML; spurious the share of the
  quotes found from the HTML that the marked text does not give.
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_WORD = re.compile(r"\w+")
_SHINGLE = 4


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text or "")
    if len(words) < _SHINGLE:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i:i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1))


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    """A page's (tp, fp, fn) over shingles, divided by their sum."""
    t, p = _shingles(true), _shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def body_scores(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Precision, recall and F1 of extracted texts: ``pairs`` of (marked, extracted)."""
    counts = [page_counts(t, p) for t, p in pairs]

    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean([precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    r = statistics.mean([recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def quote_key(text: str) -> str:
    """What two quotes must share to be the same quote: their words, lower-cased."""
    return " ".join(_WORD.findall(text.lower()))


def quote_agreement(marked: Iterable[Iterable[str]], from_html: Iterable[Iterable[str]]) -> dict[str, Any]:
    """Recall and spurious share of the quotes found from HTML, page by page.

    Args:
        marked: per page, the quote texts found in the marked text.
        from_html: per page, the quote texts found in the text extracted from its HTML.
    """
    n_marked = n_html = matched = 0
    for gold, found in zip(marked, from_html):
        g, f = Counter(map(quote_key, gold)), Counter(map(quote_key, found))
        n_marked += sum(g.values())
        n_html += sum(f.values())
        matched += sum((g & f).values())
    return {"marked": n_marked, "from_html": n_html, "matched": matched,
            "recall": matched / n_marked if n_marked else 1.0,
            "spurious": (n_html - matched) / n_html if n_html else 0.0}


def load_pages(folder: Path) -> list[dict[str, Any]]:
    """The pages of a folder laid out as ``../shared/data/html``: each ground-truth
    line (doc_id, url, text) with ``html``, the page's bytes."""
    pages = []
    with open(folder / "ground-truth.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                row["html"] = gzip.decompress((folder / "pages" / f"{row['doc_id']}.html.gz").read_bytes())
                pages.append(row)
    return pages


def check_pages(folder: Path, extractor: str | None = None) -> dict[str, Any]:
    """Body scores and quote agreement of an extractor on the pages of ``folder``.

    Returns:
        ``{"pages", "failed", "body": body_scores, "quotes": quote_agreement}``.
    """
    from quotes.corpus.html import DEFAULT_EXTRACTOR, document_from_html
    from quotes.errors import InputError
    from quotes.pipeline import extract_document
    from quotes.records import Document

    pages = load_pages(folder)
    pairs, marked, found, failed = [], [], [], []
    for page in pages:
        doc = document_from_html(page["html"], page["doc_id"], page["doc_id"],
                                 extractor=extractor or DEFAULT_EXTRACTOR)
        text = "" if isinstance(doc, InputError) else doc.text
        if isinstance(doc, InputError):
            failed.append(doc)
        pairs.append((page["text"], text))
        marked.append([q.text for q in extract_document(Document(page["doc_id"], page["text"]))])
        found.append([q.text for q in extract_document(doc)] if isinstance(doc, Document) else [])
    return {"pages": len(pages), "failed": failed, "body": body_scores(pairs),
            "quotes": quote_agreement(marked, found)}

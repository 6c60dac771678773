"""Score the pipeline against gold quotes (PolNeAR's JSONL format, or corpora/).

Figures, as the issue defines them:

- span P/R/F1, *exact* (equal after trimming spaces, quote marks and edge
  punctuation) and *loose* (one-to-one matching at character IoU >= 0.5, best
  pairs first);
- attribution accuracy over loose matches whose gold speaker is a name
  (``speaker_resolved`` where present), split by whether the gold *mention* is a
  name or a pronoun/description;
- end-to-end P/R/F1: a loose match whose speaker is right. Gold quotes with no
  usable gold speaker count as right whenever the span matches.

Names match when, ignoring titles, punctuation and case, one name's words are a
subset of the other's ("Blunt" ~ "Anthony Blunt" ~ "Mr Blunt").

The reliability table puts each attributed quote (a loose match with a gold
name, strict names) in a confidence bin of width 0.1 and gives the share right
in each bin, so ``confidence`` can be read as a probability; ``at_0_9`` is the
share right at ``confidence >= 0.9``. ``all`` does the same over every
predicted quote (a spurious span counts as wrong, a matched span whose gold
speaker is not a name as right).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from quotes.errors import InputError
from quotes.corpus.ingest import GOLD_SUFFIX
from quotes.records import Document, QuoteRecord

_TRIM = " \t\r\n\"'“”‘’«»„‚‹›,.;:!?—–-…()[]"
_TITLE_WORDS = frozenset(
    """mr mrs ms miss dr sir lady lord prof professor dame rev president prime minister
    senator sen rep gov governor the mp jr sr st gen general capt col lt sgt judge""".split()
)
_PRONOUNS = frozenset("he she they i we it him her them you his their".split())
# Confidence bins of the reliability table: [0, 0.1), ..., [0.9, 1.0].
_BINS = 10
_HIGH = 0.9


def load_gold(path: str | Path) -> list[dict]:
    """Read gold documents from a JSONL file or from every ``*.gold.jsonl`` in a folder.

    Raises:
        InputError: a line that is not a JSON object with ``text`` and ``quotes``.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "no such file or folder")
    files = sorted(path.rglob(f"*{GOLD_SUFFIX}")) if path.is_dir() else [path]
    if not files:
        raise InputError(str(path), f"no *{GOLD_SUFFIX} files in this folder")
    docs: list[dict] = []
    for file in files:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(file), f"cannot read gold file: {exc}") from exc
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{file}:{lineno}", f"not valid JSON ({exc.msg})") from exc
            if not isinstance(doc, dict) or "text" not in doc or "quotes" not in doc:
                raise InputError(f"{file}:{lineno}", "gold lines need \"text\" and \"quotes\"")
            doc.setdefault("doc_id", f"{file.stem}:{lineno}")
            docs.append(doc)
    if not docs:
        raise InputError(str(path), "no gold documents: the file is empty" if path.is_file()
                         else f"no gold documents in the *{GOLD_SUFFIX} files of this folder")
    return docs


def gold_document(doc: dict) -> Document:
    """The article of a gold line, as a Document."""
    return Document(doc_id=str(doc["doc_id"]), text=doc["text"])


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def name_words(name: str | None) -> frozenset[str]:
    """The comparable words of a name: lower-cased, without titles and 1-letter words."""
    if not name:
        return frozenset()
    words = re.findall(r"[a-z0-9]+", name.lower().replace("’", "'").replace("'s ", " "))
    return frozenset(w for w in words if w not in _TITLE_WORDS and len(w) > 1)


def usable_speaker(name: str | None) -> bool:
    """True when a gold speaker is a name (not empty, not only pronouns)."""
    words = name_words(name)
    return bool(words) and not words <= _PRONOUNS


def same_speaker(gold: str | None, pred: str | None, strict: bool = False) -> bool:
    """True when one name's words are a subset of the other's (titles dropped).

    ``strict``: the predicted name may carry no word the gold name lacks, so
    "Trump" is right for "Donald J. Trump" but "Hillary Clinton Praised" and
    "CEO Wayne Rogers" are not (the reference scorer's strict rule).
    """
    g, p = name_words(gold), name_words(pred)
    if not (g and p):
        return False
    return p <= g if strict else (g <= p or p <= g)


def overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def score_document(text: str, gold: list[dict], pred: list[QuoteRecord], counts: Counter,
                   matches: dict[int, int] | None = None) -> list[dict]:
    """Add one document's matches to ``counts``; return its errors for the summary.

    Each error is a dict with ``kind`` in {"missed", "spurious", "wrong speaker",
    "unresolved pronoun"} and the quote text. When ``matches`` is given, it gets,
    for each predicted quote that matches a gold quote with a named speaker (the
    quotes of the reliability table), the index of that gold quote.
    """
    gs = [trim_span(text, q["start"], q["end"]) for q in gold]
    ps = [trim_span(text, q.start, q.end) for q in pred]
    counts["gold"] += len(gs)
    counts["pred"] += len(ps)
    counts["exact"] += len(set(gs) & set(ps))
    # Pairs are only formed between spans that overlap, found by a sweep, so
    # scoring stays near-linear in the number of quotes.
    pairs = []
    order = sorted(range(len(ps)), key=lambda j: ps[j])
    for i, g in enumerate(gs):
        for j in order:
            if ps[j][0] >= g[1]:
                break
            v = overlap_ratio(g, ps[j])
            if v >= 0.5:
                pairs.append((v, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    errors: list[dict] = []
    right: dict[int, bool] = {}  # predicted quote -> right end to end
    for _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        counts["loose"] += 1
        g = gold[i]
        gold_speaker = g["speaker_resolved"] if "speaker_resolved" in g else g.get("speaker")
        if not usable_speaker(gold_speaker):
            counts["e2e"] += 1
            counts["e2e_lenient"] += 1
            right[j] = True
            continue
        ok = same_speaker(gold_speaker, pred[j].speaker, strict=True)
        right[j] = ok
        if matches is not None:
            matches[j] = i
        _add_reliability(counts, "rel", pred[j].confidence, ok)
        lenient = same_speaker(gold_speaker, pred[j].speaker)
        kind = "named" if usable_speaker(g.get("speaker_mention") or g.get("speaker")) else "pronoun"
        counts["attr_n"] += 1
        counts[f"attr_{kind}_n"] += 1
        counts["attr_ok"] += ok
        counts[f"attr_{kind}_ok"] += ok
        counts["e2e"] += ok
        counts["attr_lenient_ok"] += lenient
        counts[f"attr_{kind}_lenient_ok"] += lenient
        counts["e2e_lenient"] += lenient
        if not ok:
            unresolved = pred[j].speaker is None and pred[j].speaker_mention is not None
            errors.append({"kind": "unresolved pronoun" if unresolved else "extra words" if lenient
                           else "wrong speaker", "text": g.get("text", ""), "gold": gold_speaker,
                           "predicted": pred[j].speaker})
    for j in range(len(ps)):
        _add_reliability(counts, "relall", pred[j].confidence, right.get(j, False))
    errors += [{"kind": "missed", "text": gold[i].get("text", "")} for i in range(len(gs)) if i not in used_g]
    errors += [{"kind": "spurious", "text": pred[j].text} for j in range(len(ps)) if j not in used_p]
    return errors


def _add_reliability(counts: Counter, prefix: str, confidence: float, ok: bool) -> None:
    conf = min(max(float(confidence), 0.0), 1.0)
    b = min(int(conf * _BINS), _BINS - 1)
    counts[f"{prefix}_{b}_n"] += 1
    counts[f"{prefix}_{b}_ok"] += ok
    counts[f"{prefix}_{b}_conf"] += conf
    if conf >= _HIGH:
        counts[f"{prefix}_high_n"] += 1
        counts[f"{prefix}_high_ok"] += ok


def reliability(counts: Counter, prefix: str = "rel") -> dict:
    """The reliability table of ``counts``: one row per non-empty confidence bin
    (its bounds, ``n``, mean confidence and the share right), the share right at
    confidence >= 0.9 with its ``n``, and the expected calibration error (the
    bins' |confidence - accuracy| weighted by their size)."""
    bins = []
    total = sum(counts[f"{prefix}_{b}_n"] for b in range(_BINS))
    ece = 0.0
    for b in range(_BINS):
        n = counts[f"{prefix}_{b}_n"]
        if not n:
            continue
        acc = counts[f"{prefix}_{b}_ok"] / n
        conf = counts[f"{prefix}_{b}_conf"] / n
        ece += n / total * abs(acc - conf)
        bins.append({"lo": round(b / _BINS, 1), "hi": round((b + 1) / _BINS, 1), "n": n,
                     "confidence": round(conf, 4), "accuracy": round(acc, 4)})
    high = counts[f"{prefix}_high_n"]
    return {"bins": bins, "n": total, "ece": round(ece, 4) if total else None,
            "at_0_9": round(counts[f"{prefix}_high_ok"] / high, 4) if high else None, "at_0_9_n": high}


def _prf(tp: int, npred: int, ngold: int) -> dict[str, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def summarise(counts: Counter, errors: Iterable[dict]) -> dict:
    """Turn raw counts into the report's figures."""
    out: dict = {"docs": counts["docs"], "gold": counts["gold"], "pred": counts["pred"]}
    for key in ("exact", "loose", "e2e", "e2e_lenient"):
        out[key] = _prf(counts[key], counts["pred"], counts["gold"])

    def share(ok: str, n: str) -> float | None:
        return round(counts[ok] / counts[n], 4) if counts[n] else None

    # Strict names (no extra words) are the figures; the lenient ones (either
    # name's words inside the other's) stand beside them.
    out["attr"] = {
        "accuracy": share("attr_ok", "attr_n"), "n": counts["attr_n"],
        "named": share("attr_named_ok", "attr_named_n"), "named_n": counts["attr_named_n"],
        "pronoun": share("attr_pronoun_ok", "attr_pronoun_n"), "pronoun_n": counts["attr_pronoun_n"],
        "lenient": {"accuracy": share("attr_lenient_ok", "attr_n"),
                    "named": share("attr_named_lenient_ok", "attr_named_n"),
                    "pronoun": share("attr_pronoun_lenient_ok", "attr_pronoun_n")},
    }
    out["reliability"] = reliability(counts, "rel")
    out["reliability"]["all"] = reliability(counts, "relall")
    out["errors"] = dict(Counter(e["kind"] for e in errors))
    return out


def evaluate(gold_docs: list[dict], extract_fn) -> tuple[dict, list[dict]]:
    """Run ``extract_fn(Document) -> list[QuoteRecord]`` on gold docs and score it.

    Returns:
        (summary, errors): the figures and the list of individual errors.
    """
    counts: Counter = Counter()
    errors: list[dict] = []
    for doc in gold_docs:
        counts["docs"] += 1
        pred = extract_fn(gold_document(doc))
        for err in score_document(doc["text"], doc["quotes"], pred, counts):
            err["doc_id"] = doc["doc_id"]
            errors.append(err)
    return summarise(counts, errors), errors

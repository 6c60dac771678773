"""``quotes analyse --engine dask``: a corpus on a Dask cluster, out to a Parquet dataset.

The same pipeline as the local engine (:mod:`quotes.corpus.batch`), run by
`Dask <https://distributed.dask.org>`_ workers over partitions of the inputs,
so that a corpus of tens of millions of articles runs on a cluster the user
already has (Slurm or PBS through dask-jobqueue, Kubernetes, a plain
``dask scheduler``) or, without ``--scheduler``, on a ``LocalCluster`` here.

The run, in three distributed steps:

1. **Analyse.** The inputs are split into partitions: each ``.txt`` file is one
   document (files are grouped ``partition_size`` to a partition); any other
   input file (``.jsonl`` today, whatever :func:`quotes.corpus.ingest.read_documents`
   learns to read tomorrow) is counted on a worker and cut into chunks of
   ``partition_size`` documents. A worker reads its chunk with ``read_documents``,
   runs :func:`quotes.pipeline.extract_document` on every document (the models are
   loaded once per worker, by a worker plugin) and writes the documents (with
   their text) to ``_work/docs/<id>.parquet`` and the quotes to
   ``_work/raw/<id>.parquet``, then a marker ``_work/done/<id>.json`` (each
   written to a temporary name and renamed). A rerun skips partitions with a
   marker; a worker killed mid-task loses only its partition, which Dask
   retries on another worker.
2. **Speakers.** Cross-article identity is a reduction: each partition's
   :class:`~quotes.corpus.speakers.NameStatistics`, combined pairwise on the
   workers into the corpus's, resolved once
   (:func:`~quotes.corpus.speakers.resolve_statistics`): the same function of the
   same statistics as the local engine's, so the same speakers and ids.
3. **Apply.** The name -> speaker map, and the names kept per article (a
   given name alone, whose id the worker makes from the document), are
   broadcast to the workers; each
   partition's kept documents are written to ``documents/part-<id>.parquet``
   (what ``quotes report`` reads), and its quotes get their ``speaker_id`` and
   ``speaker`` and are written to ``quotes/part-<id>.parquet``; per-partition speaker aggregates (counts,
   dates, tone) combine into ``speakers.parquet``.

A document id met twice keeps its first occurrence in input order, as in the
local engine (the same text again is skipped; another text is a failure).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from fractions import Fraction
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import IO, Any

from quotes.errors import InputError, QuotesError
from quotes.files import replaced_atomically
from quotes.records import Document
from quotes.corpus.batch import failure_lines
from quotes.corpus.dataset import (DOCUMENT_COLUMNS, DOCUMENTS_DIR, FAILURES_FILE, MANIFEST, QUOTES_DIR,
                                   SPEAKERS_FILE)
from quotes.corpus.speakers import (NameStatistics, Resolution, combine_statistics, may_be_given_name,
                                    name_statistics, resolve_statistics)
from quotes.corpus.store import EXPORT_COLUMNS, SPEAKER_COLUMNS, content_hash, quote_id

# Documents in one partition: big enough that Dask's per-task cost (a few ms)
# is nothing beside the analysis (about 10 ms a document), small enough that a
# lost worker loses little and every worker gets several partitions.
PARTITION_SIZE = 500
# Inputs that hold one document (an HTML page is one article): grouped
# PARTITION_SIZE files a partition without being opened first. A segment of
# such a file takes whatever it gives, so a guess here costs only balance.
ONE_DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".html.gz", ".htm.gz")
RAW_DIR = "_work/raw"
RAW_DOCS_DIR = "_work/docs"  # each partition's documents (with their text), as analysed
DONE_DIR = "_work/done"
_DOC_INDEX = "_doc_index"  # a raw row's document's position in its partition
_TONE = ("regret", "shock", "polarity", "subjectivity")


class DaskEngineError(QuotesError):
    """The Dask engine cannot run as asked (Dask missing, no scheduler, a bad output)."""


def _need_dask():
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        raise DaskEngineError('--engine dask needs Dask and pyarrow: pip install "quotes[dask]"') from None


# --- partitions -------------------------------------------------------------------

@dataclass(frozen=True)
class Segment:
    """Documents ``start`` to ``stop`` (None: to the end) of what one input file gives."""

    path: str
    start: int = 0
    stop: int | None = None


@dataclass(frozen=True)
class Partition:
    """A unit of work: a run of segments, analysed by one task.

    Attributes:
        index: position in input order (the order duplicate doc ids are judged in).
        segments: the documents it holds.
        pid: a stable id: a digest of the segments, each file's size and
            modification time, and the pipeline version. A changed input or a
            new version gives new ids, so old markers are not trusted.
    """

    index: int
    segments: tuple[Segment, ...]
    pid: str


def _stamp(path: str) -> str:
    if is_url(path):
        try:
            import fsspec

            fs, inner = fsspec.core.url_to_fs(path)
            info = fs.info(inner)
            return f"{info.get('size')}:{info.get('mtime') or info.get('LastModified') or info.get('ETag')}"
        except Exception:  # unreachable now: the task will say why
            return "unknown"
    try:
        st = os.stat(path)
        return f"{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        return "missing"


def _partition(index: int, segments: list[Segment], version: str) -> Partition:
    key = "\x1e".join(f"{s.path}\x1f{s.start}\x1f{s.stop}\x1f{_stamp(s.path)}" for s in segments)
    pid = hashlib.sha1(f"{version}\x1e{key}".encode("utf-8", errors="surrogatepass")).hexdigest()[:16]
    return Partition(index, tuple(segments), pid)


def input_files(paths: Iterable[str]) -> list[str]:
    """The files the paths name, folders expanded as the local engine does."""
    from quotes.corpus.ingest import iter_paths

    return [raw if is_url(raw) else str(p) for raw in paths for p in ([raw] if is_url(raw) else iter_paths([raw]))]


def is_url(path: str) -> bool:
    """True for an fsspec URL (``s3://bucket/key.jsonl``, ``file:///...``)."""
    return "://" in path


@contextmanager
def _read_file(path: str, warn: Callable[[str], None], options=None) -> Iterator[Iterator[Document | InputError]]:
    """:func:`read_documents` of one file; an fsspec URL is copied to a local
    temporary file of the same name first (one copy per task: cheap for files of
    a few hundred MB; split bigger ones), its sources naming the URL."""
    from quotes.corpus.ingest import read_documents

    if not is_url(path):
        yield read_documents([path], warn=warn, options=options)
        return
    import fsspec

    with tempfile.TemporaryDirectory(prefix="quotes-") as tmp:
        local = Path(tmp) / path.rstrip("/").rpartition("/")[2]
        try:
            with fsspec.open(path, "rb") as src, open(local, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
        except (OSError, ValueError, ImportError) as exc:
            yield iter([InputError(path, f"cannot read: {exc}")])
            return

        def renamed() -> Iterator[Document | InputError]:
            for item in read_documents([str(local)], warn=lambda m: warn(m.replace(str(local), path)),
                                       options=options):
                if isinstance(item, InputError):
                    yield InputError(item.source.replace(str(local), path, 1), item.reason)
                else:
                    yield replace(item, source=(item.source or "").replace(str(local), path, 1))

        yield renamed()


def count_documents(path: str, options=None) -> int:
    """How many items (documents or errors) :func:`read_documents` gives for a file (on a worker)."""
    with _read_file(path, lambda msg: None, options) as items:
        return sum(1 for _ in items)


def default_partition_size(documents: int) -> int:
    """:data:`PARTITION_SIZE`, or fewer for a small input, so that it still makes
    16 partitions for the workers to share. A function of the input alone, so a
    rerun on another number of workers finds the same partitions."""
    return max(1, min(PARTITION_SIZE, -(-documents // 16)))


def plan_partitions(files: list[str], counts: dict[str, int], size: int, version: str) -> list[Partition]:
    """Cut the files into partitions of at most ``size`` documents, in input order.

    Args:
        files: input files, in order.
        counts: items per file, for files that are not one document each.
        size: documents per partition.
        version: the pipeline version (part of every partition id).
    """
    parts: list[Partition] = []
    pending: list[Segment] = []  # one-document files waiting for a partition
    for path in files:
        if path.endswith(ONE_DOCUMENT_SUFFIXES) and path not in counts:
            pending.append(Segment(path))
            if len(pending) >= size:
                parts.append(_partition(len(parts), pending, version))
                pending = []
            continue
        if pending:
            parts.append(_partition(len(parts), pending, version))
            pending = []
        n = max(1, counts.get(path, 1))
        for start in range(0, n, size):
            stop = start + size if start + size < n else None
            parts.append(_partition(len(parts), [Segment(path, start, stop)], version))
    if pending:
        parts.append(_partition(len(parts), pending, version))
    return parts


# --- worker side ------------------------------------------------------------------

def _warm_up() -> None:
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    from quotes import pipeline

    try:
        pipeline.warm_up()
    except Exception:  # a broken pipeline fails per document, with its reason
        pass
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    threadpool_limits(limits=1)


def _worker_plugin():
    from distributed.diagnostics.plugin import WorkerPlugin

    class WarmUp(WorkerPlugin):
        """Loads the models once per worker, when it joins (and again after a restart)."""

        name = "quotes-warm-up"

        def setup(self, worker) -> None:
            _warm_up()

    return WarmUp()


def _raw_schema():
    import pyarrow as pa

    return pa.schema([(n, getattr(pa, k)()) for n, k in EXPORT_COLUMNS] + [(_DOC_INDEX, pa.int64())])


def _export_schema():
    import pyarrow as pa

    return pa.schema([(n, getattr(pa, k)()) for n, k in EXPORT_COLUMNS])


def _documents_schema(raw: bool = False):
    import pyarrow as pa

    return pa.schema([(n, getattr(pa, k)()) for n, k in DOCUMENT_COLUMNS]
                     + ([(_DOC_INDEX, pa.int64())] if raw else []))


def _utf8(text: str | None) -> str | None:
    # Parquet strings are UTF-8: a lone surrogate (from a JSON escape) becomes U+FFFD,
    # one character for one, so the quotes' offsets still index the text
    if text is None:
        return None
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


def _document_row(doc: Document, index: int, quotes: int) -> dict[str, Any]:
    return {"doc_id": doc.doc_id, "title": doc.title, "date": doc.date, "url": doc.url, "outlet": doc.outlet,
            "source": doc.source, "chars": len(doc.text), "quotes": quotes, "text": _utf8(doc.text),
            _DOC_INDEX: index}


def _atomic_write_table(table, path: Path) -> None:
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    with replaced_atomically(path, unique=True) as tmp:
        pq.write_table(table, str(tmp))


def _remove_stale_parts(root: Path, todo: list) -> None:
    """Delete the temporary files a killed worker left for partitions about to be redone.

    ``replaced_atomically`` removes its temporary file on any error, but not when
    the process is killed mid-write (SIGKILL, out of memory). Only partitions this
    run analyses are swept, before any task starts and again once every task has
    ended, so no live writer of theirs can be running (two runs on one --output at
    once are not supported).
    """
    for part in todo:
        for sub in (RAW_DIR, RAW_DOCS_DIR, DONE_DIR):
            for stale in (root / sub).glob(f".{part.pid}.*.part"):
                stale.unlink(missing_ok=True)


def _atomic_write_text(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with replaced_atomically(path, unique=True) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _quote_rows(doc: Document, index: int, quotes: list[dict[str, Any]], version: str) -> list[dict]:
    rows = []
    for q in quotes:
        tone = q.get("tone") or {}
        start, end = int(q["start"]), int(q["end"])
        row = {"quote_id": quote_id(doc.doc_id, start, end), "doc_id": doc.doc_id, "title": doc.title,
               "date": doc.date, "url": doc.url, "outlet": doc.outlet, "source": doc.source,
               "start": start, "end": end, "text": q["text"], "speaker_id": None, "speaker": None,
               "article_speaker": q.get("speaker"), "speaker_mention": q.get("speaker_mention"),
               "speaker_start": q.get("speaker_start"), "speaker_end": q.get("speaker_end"),
               "cue": q.get("cue"), "confidence": q.get("confidence"), "rule": q.get("rule"),
               "pipeline_version": version, _DOC_INDEX: index}
        row.update({f: tone.get(f) for f in _TONE})
        rows.append(row)
    return rows


def analyse_partition(part: Partition, output: str, version: str, options=None) -> dict[str, Any]:
    """Analyse one partition on a worker; write its raw quotes, then its marker.

    Returns:
        The marker: the partition's documents in order (``[index, doc_id,
        content hash, source]``), failures, warnings and counts.
    """
    import pyarrow as pa

    from quotes import pipeline

    began = time.monotonic()
    root = Path(output)
    warnings: list[str] = []
    docs: list[list] = []
    failures: list[dict[str, Any]] = []
    rows: list[dict] = []
    documents: list[dict] = []
    index = 0
    for seg in part.segments:
        with _read_file(seg.path, warnings.append, options) as items:
            for item in islice(items, seg.start, seg.stop):
                if isinstance(item, InputError):
                    failures.append({"source": item.source, "doc_id": None, "reason": item.reason})
                    continue
                try:
                    quotes = [q.to_full_dict() for q in pipeline.extract_document(item)]
                except Exception as exc:  # one bad document must not stop the batch
                    failures.append({"source": item.source or item.doc_id, "doc_id": item.doc_id,
                                     "reason": f"pipeline error: {type(exc).__name__}: {exc}"})
                    continue
                docs.append([index, item.doc_id, content_hash(item.doc_id, item.text), item.source or item.doc_id])
                rows += _quote_rows(item, index, quotes, version)
                documents.append(_document_row(item, index, len(quotes)))
                index += 1
    rows.sort(key=lambda r: (r["doc_id"], r["start"], r["end"], r[_DOC_INDEX]))
    # the documents, then the quotes, then the marker: a marker vouches for both files
    _atomic_write_table(pa.Table.from_pylist(documents, schema=_documents_schema(raw=True)),
                        root / RAW_DOCS_DIR / f"{part.pid}.parquet")
    _atomic_write_table(pa.Table.from_pylist(rows, schema=_raw_schema()), root / RAW_DIR / f"{part.pid}.parquet")
    marker = {"pid": part.pid, "index": part.index, "version": version,
              "segments": [[s.path, s.start, s.stop] for s in part.segments],
              "docs": docs, "failures": failures, "warnings": warnings, "quotes": len(rows),
              "seconds": round(time.monotonic() - began, 3)}
    _atomic_write_text(json.dumps(marker, ensure_ascii=False), root / DONE_DIR / f"{part.pid}.json")
    return marker


def _kept_rows(output: str, pid: str, drop: list[int], folder: str = RAW_DIR, schema=None):
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(str(Path(output) / folder / f"{pid}.parquet"), schema=schema or _raw_schema())
    if drop:
        table = table.filter(pc.invert(pc.is_in(table[_DOC_INDEX], value_set=pa.array(drop, pa.int64()))))
    return table


def partition_statistics(output: str, pid: str, drop: list[int]) -> NameStatistics:
    """A partition's speaker-name statistics (its kept documents only)."""
    table = _kept_rows(output, pid, drop).select(["doc_id", "article_speaker", "speaker_mention"])
    cols = [table[c].to_pylist() for c in ("doc_id", "article_speaker", "speaker_mention")]
    # only the texts of the documents that quote a possible given name, read as
    # two columns and filtered while scanning: never the whole partition's texts
    wanted = sorted({d for d, n in zip(cols[0], cols[1]) if n and may_be_given_name(n)})
    texts: dict[str, str] = {}
    if wanted:
        import pyarrow.parquet as pq

        schema = _documents_schema(raw=True)
        docs = pq.read_table(str(Path(output) / RAW_DOCS_DIR / f"{pid}.parquet"), schema=schema,
                             columns=[_DOC_INDEX, "doc_id", "text"], filters=[("doc_id", "in", wanted)])
        dropped = set(drop)
        texts = {d: t for i, d, t in zip(docs[_DOC_INDEX].to_pylist(), docs["doc_id"].to_pylist(),
                                         docs["text"].to_pylist()) if i not in dropped}
        del docs
    return name_statistics(zip(*cols), texts.get)


def apply_speakers(output: str, pid: str, drop: list[int], assignments: dict[str, str],
                   names: dict[str, str], per_article: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Give a partition's quotes their corpus speaker; write ``documents/part-<pid>.parquet``
    (its kept documents, in doc_id order), then ``quotes/part-<pid>.parquet``.

    Args:
        assignments, per_article: the :class:`~quotes.corpus.speakers.Resolution`'s.
        names: speaker id -> name, for the speakers of ``assignments``.

    Returns:
        Per speaker id, the partition's partial aggregates (see :func:`_aggregate`);
        a speaker of one article (a name of ``per_article``) has ``"use"``, its
        (doc_id, name), which :func:`speaker_rows` describes it by.
    """
    import pyarrow as pa

    docs = _kept_rows(output, pid, drop, RAW_DOCS_DIR, _documents_schema(raw=True))
    docs = docs.drop_columns([_DOC_INDEX]).sort_by([("doc_id", "ascending")])
    _atomic_write_table(docs.cast(_documents_schema()), Path(output) / DOCUMENTS_DIR / f"part-{pid}.parquet")
    del docs
    table = _kept_rows(output, pid, drop)
    article = table["article_speaker"].to_pylist()
    resolution = Resolution({}, assignments, per_article)
    uses = list(zip(table["doc_id"].to_pylist(), article))
    sids = [resolution.speaker_id(d, n) for d, n in uses]
    shown = [per_article[n] if n in per_article else names.get(s) if s else None
             for (_, n), s in zip(uses, sids)]
    table = table.set_column(table.schema.get_field_index("speaker_id"), "speaker_id", pa.array(sids, pa.string()))
    table = table.set_column(table.schema.get_field_index("speaker"), "speaker", pa.array(shown, pa.string()))
    table = table.drop_columns([_DOC_INDEX])
    _atomic_write_table(table.cast(_export_schema()), Path(output) / QUOTES_DIR / f"part-{pid}.parquet")
    partial: dict[str, dict[str, Any]] = {}
    for row in table.select(["speaker_id", "doc_id", "date", "start", "text", "regret", "shock",
                             "polarity"]).to_pylist():
        if row["speaker_id"] is not None:
            _aggregate(partial.setdefault(row["speaker_id"], _empty()), row)
    for agg in partial.values():
        agg["articles"] = len(agg.pop("docs"))
    for (doc_id, name), sid in zip(uses, sids):
        if name in per_article:
            partial[sid]["use"] = (doc_id, name)
    return partial


# --- speaker aggregates: what Store.speakers computes in SQL, in parts -------------

def _empty() -> dict[str, Any]:
    return {"quotes": 0, "docs": set(), "first_date": None, "last_date": None,
            "regret": [0, 0, None], "shock": [0, 0, None], "polarity": [0, 0, None],
            "top_regret": None, "top_shock": None}


# Tone sums are kept exact (integers in units of the smallest double, 2**-1074),
# so partitions add in any order and the mean is the correctly rounded sum over
# the count, as SQLite's AVG (Kahan-Babuska-Neumaier summation) gives it.
_SCALE = 1 << 1074


def _exact(value: float) -> int:
    num, den = float(value).as_integer_ratio()
    return num * (_SCALE // den)


def _aggregate(agg: dict[str, Any], row: dict[str, Any]) -> None:
    agg["quotes"] += 1
    agg["docs"].add(row["doc_id"])
    date = row["date"]
    if date is not None:
        agg["first_date"] = date if agg["first_date"] is None else min(agg["first_date"], date)
        agg["last_date"] = date if agg["last_date"] is None else max(agg["last_date"], date)
    for f in ("regret", "shock", "polarity"):
        v = row[f]
        if v is not None:
            s = agg[f]
            s[0] += _exact(v)
            s[1] += 1
            s[2] = v if s[2] is None else max(s[2], v)
    for f in ("regret", "shock"):
        v = row[f]
        if v is not None:
            # the highest score; ties: the first doc_id, then the first offset
            cand = (-v, row["doc_id"], row["start"], row["text"])
            key = f"top_{f}"
            if agg[key] is None or cand < agg[key]:
                agg[key] = cand


def _merge(into: dict[str, Any], part: dict[str, Any]) -> None:
    into["quotes"] += part["quotes"]
    into["articles"] = into.get("articles", 0) + part["articles"]  # documents never span partitions
    for k, pick in (("first_date", min), ("last_date", max)):
        if part[k] is not None:
            into[k] = part[k] if into[k] is None else pick(into[k], part[k])
    for f in ("regret", "shock", "polarity"):
        a, b = into[f], part[f]
        a[0] += b[0]
        a[1] += b[1]
        if b[2] is not None:
            a[2] = b[2] if a[2] is None else max(a[2], b[2])
    for key in ("top_regret", "top_shock"):
        if part[key] is not None and (into[key] is None or tuple(part[key]) < tuple(into[key])):
            into[key] = tuple(part[key])


def speaker_rows(resolution, aggregates: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of ``speakers.parquet``: :data:`SPEAKER_COLUMNS` per speaker with quotes,
    in the order of ``quotes speakers`` (most quotes first)."""
    out = []
    for sid, agg in aggregates.items():
        speaker = resolution.speakers[sid] if "use" not in agg else resolution.speaker_at(*agg["use"])

        def mean(f):
            s, n, _ = agg[f]
            return float(Fraction(s, _SCALE)) / n if n else None

        row = {"speaker_id": sid, "name": speaker.name, "aliases": list(speaker.aliases),
               "quotes": agg["quotes"], "articles": agg["articles"],
               "first_date": agg["first_date"], "last_date": agg["last_date"],
               "regret_mean": mean("regret"), "regret_max": agg["regret"][2],
               "shock_mean": mean("shock"), "shock_max": agg["shock"][2], "polarity_mean": mean("polarity")}
        for f in ("regret", "shock"):
            top = agg[f"top_{f}"]
            row[f"top_{f}_quote"], row[f"top_{f}_doc_id"] = (top[3], top[1]) if top else (None, None)
        out.append({k: row[k] for k in SPEAKER_COLUMNS})
    out.sort(key=lambda r: (-r["quotes"], -r["articles"], r["name"], r["speaker_id"]))
    return out


def _write_speakers(rows: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa

    types = {"aliases": pa.list_(pa.string()), "quotes": pa.int64(), "articles": pa.int64()}
    for c in SPEAKER_COLUMNS:
        if c.endswith(("_mean", "_max")):
            types[c] = pa.float64()
    schema = pa.schema([(c, types.get(c, pa.string())) for c in SPEAKER_COLUMNS])
    _atomic_write_table(pa.Table.from_pylist(rows, schema=schema), path)


# --- the client ---------------------------------------------------------------------

@dataclass
class DaskSummary:
    """What one ``--engine dask`` run did."""

    output: str = ""
    partitions: int = 0
    skipped_partitions: int = 0
    analysed: int = 0
    skipped: int = 0
    failed: list[dict[str, Any]] = field(default_factory=list)
    lost_partitions: list[str] = field(default_factory=list)
    quotes: int = 0
    documents_total: int = 0
    quotes_total: int = 0
    speakers_total: int = 0
    name_pairs: int = 0
    name_entries: int = 0
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)
    workers: int = 0
    dashboard: str | None = None

    @property
    def docs_per_second(self) -> float:
        """Documents analysed per second of wall-clock time."""
        return self.analysed / self.seconds if self.seconds > 0 else 0.0

    def format(self, max_failures: int = 20) -> str:
        """The end-of-run report."""
        lines = [
            f"analysed {self.analysed:,} documents in {self.partitions - self.skipped_partitions:,} of "
            f"{self.partitions:,} partitions in {self.seconds:.1f} s ({self.docs_per_second:.1f} docs/s, "
            f"{self.workers} Dask worker{'s' * (self.workers != 1)}); {self.skipped_partitions:,} partitions "
            "already done",
            f"skipped {self.skipped:,} repeated; failed {len(self.failed):,}",
            f"the dataset {self.output} holds {self.documents_total:,} documents, {self.quotes_total:,} quotes "
            f"and {self.speakers_total:,} speakers",
        ]
        lines += failure_lines([(f["source"], f["reason"]) for f in self.failed], max_failures, FAILURES_FILE)
        if self.lost_partitions:
            lines.append(f"{len(self.lost_partitions)} partitions could not be analysed; "
                         "run the same command again to finish them")
        return "\n".join(lines)


def _client(scheduler: str | None, local_workers: int | None, dashboard_address: str | None):
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except (OSError, TimeoutError) as exc:
            raise DaskEngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    from quotes.corpus.batch import default_workers

    n = local_workers or default_workers()
    kwargs: dict[str, Any] = {"n_workers": n, "threads_per_worker": 1, "processes": True}
    if dashboard_address is not None:
        kwargs["dashboard_address"] = dashboard_address
    cluster = LocalCluster(**kwargs)
    return Client(cluster), cluster


def _close(client, cluster) -> None:
    """Stop the client, and the local cluster without its workers' shutdown noise."""
    import logging

    if cluster is None:
        client.close()
        return
    quiet = [logging.getLogger(n) for n in ("distributed.worker", "distributed.nanny", "distributed.core")]
    levels = [log.level for log in quiet]
    for log in quiet:
        log.setLevel(logging.CRITICAL)
    try:
        client.close()
        cluster.close()
    finally:
        for log, level in zip(quiet, levels):
            log.setLevel(level)


def _tree_reduce(client, futures: list, combine: Callable) -> Any:
    """Combine futures pairwise on the workers until one is left."""
    while len(futures) > 1:
        nxt = [client.submit(combine, futures[i], futures[i + 1], pure=False)
               for i in range(0, len(futures) - 1, 2)]
        if len(futures) % 2:
            nxt.append(futures[-1])
        futures = nxt
    return futures[0]


def analyse_dask(paths: Iterable[str], output: str | Path, scheduler: str | None = None,
                 local_workers: int | None = None, partition_size: int | None = None,
                 progress: bool = True, stream: IO[str] | None = None,
                 client=None, dashboard_address: str | None = None,
                 warn: Callable[[str], None] | None = None, options=None) -> DaskSummary:
    """Analyse every article the paths hold into the Parquet dataset ``output``.

    Args:
        paths: files and folders, as for the local engine (not "-").
        output: the dataset folder (created; rerunning resumes it).
        scheduler: a Dask scheduler address (``tcp://host:8786``); default: a
            LocalCluster of ``local_workers`` processes on this machine.
        local_workers: worker processes of the LocalCluster (default: cores).
        partition_size: documents per partition (default: :func:`default_partition_size`).
        progress: print progress lines on ``stream`` (standard error).
        client: an existing ``distributed.Client`` to use instead.
        dashboard_address: the LocalCluster's dashboard (":0" for any free port).
        warn: called with recoverable input problems (default: stderr).
        options: how tables and HTML are read (:class:`quotes.corpus.ingest.ReadOptions`).

    Returns:
        The :class:`DaskSummary`.
    """
    _need_dask()
    from distributed import as_completed

    from quotes.version import pipeline_version

    stream = stream or sys.stderr
    warn = warn or (lambda msg: print(f"warning: {msg}", file=sys.stderr))
    began = time.monotonic()
    version = pipeline_version()
    root = Path(output)
    if root.exists() and not root.is_dir():
        raise DaskEngineError(f"{root}: is a file; give --output a folder for the Parquet dataset")
    root.mkdir(parents=True, exist_ok=True)
    summary = DaskSummary(output=str(root))
    cluster = None
    own = client is None
    if own:
        client, cluster = _client(scheduler, local_workers, dashboard_address)
    try:
        summary.dashboard = getattr(client, "dashboard_link", None)
        if progress and summary.dashboard:
            print(f"Dask dashboard: {summary.dashboard}", file=stream)
        client.register_plugin(_worker_plugin())
        summary.workers = len(client.scheduler_info().get("workers", {}))

        mark = time.monotonic()
        summary.phases["start"] = mark - began
        files = input_files(paths)
        to_count = [f for f in files if not f.endswith(ONE_DOCUMENT_SUFFIXES)]
        counted = client.gather(client.map(count_documents, to_count, options=options, pure=False)) if to_count else []
        if partition_size is None:
            partition_size = default_partition_size(
                sum(counted) + sum(1 for f in files if f.endswith(ONE_DOCUMENT_SUFFIXES)))
        # the reading options are part of every partition id: another --columns reads other documents
        parts = plan_partitions(files, dict(zip(to_count, counted)), partition_size,
                                version if options is None else f"{version}\x1f{options!r}")
        summary.partitions = len(parts)

        # 1. analyse the partitions that have no marker
        markers: set[str] = set()  # pids with a marker (read again from disk below, one at a time)
        todo = []
        for part in parts:
            marker_path = root / DONE_DIR / f"{part.pid}.json"
            raw_path = root / RAW_DIR / f"{part.pid}.parquet"
            # a partition analysed before documents were kept is analysed again
            docs_path = root / RAW_DOCS_DIR / f"{part.pid}.parquet"
            if marker_path.exists() and raw_path.exists() and docs_path.exists():
                markers.add(part.pid)
            else:
                todo.append(part)
        summary.skipped_partitions = len(parts) - len(todo)
        _remove_stale_parts(root, todo)
        summary.phases["plan"] = time.monotonic() - mark
        mark = time.monotonic()
        futures = {client.submit(analyse_partition, part, str(root), version, options, pure=False): part for part in todo}
        done = 0
        last = time.monotonic()
        for future in as_completed(futures):
            part = futures[future]
            try:
                marker = future.result()
            except Exception as exc:  # KilledWorker after its retries, or a bug
                summary.lost_partitions.append(part.pid)
                for seg in part.segments:
                    summary.failed.append({"source": seg.path, "doc_id": None,
                                           "reason": f"partition {part.pid} (documents {seg.start} to "
                                           f"{seg.stop if seg.stop is not None else 'end'}) failed: "
                                           f"{type(exc).__name__}: {exc}"})
                continue
            markers.add(part.pid)
            summary.analysed += len(marker["docs"])
            summary.quotes += marker["quotes"]
            for msg in marker["warnings"]:
                warn(msg)
            done += 1
            if progress and (time.monotonic() - last > 5 or done == len(todo)):
                last = time.monotonic()
                print(f"analysed {done}/{len(todo)} partitions, {summary.analysed:,} documents, "
                      f"{summary.analysed / max(1e-9, last - began):.1f} docs/s", file=stream)

        # every task of this run has ended: a worker killed mid-write left its temporary
        # file even when the partition's retry on another worker then finished it (that
        # partition has a marker, so no later run would sweep it)
        _remove_stale_parts(root, todo)
        summary.phases["analyse"] = time.monotonic() - mark
        mark = time.monotonic()
        # duplicates: the first occurrence of a doc_id in input order is kept. The
        # one structure that grows with the corpus on the client: a doc_id, a
        # digest and a source per article (see the README's scale plan).
        seen: dict[str, tuple[str, str]] = {}
        drops: dict[str, list[int]] = {}
        failures: list[dict] = []
        finished = [p for p in parts if p.pid in markers]
        documents = 0
        for part in finished:
            marker = json.loads((root / DONE_DIR / f"{part.pid}.json").read_text(encoding="utf-8"))
            failures += marker["failures"]
            drop = []
            for index, doc_id, digest, source in marker["docs"]:
                if doc_id in seen:
                    drop.append(index)
                    first_hash, first_source = seen[doc_id]
                    if first_hash == digest:
                        summary.skipped += 1
                    else:
                        failures.append({"source": source, "doc_id": doc_id, "reason":
                                         f"duplicate doc_id {doc_id!r} with different text "
                                         f"(first seen in {first_source})"})
                    continue
                seen[doc_id] = (digest, source)
                documents += 1
            drops[part.pid] = drop
        del seen
        by_source: dict[str, dict] = {}
        for f in failures:
            by_source.setdefault(f["source"], f)  # a path given twice fails once
        summary.failed = list(by_source.values()) + summary.failed

        # 2. speakers: per-partition statistics, combined on the workers, resolved once
        stats = [client.submit(partition_statistics, str(root), p.pid, drops[p.pid], pure=False)
                 for p in finished]
        resolution = None
        if stats:
            combined = _tree_reduce(client, stats, combine_statistics)
            summary.name_pairs = client.submit(NameStatistics.pairs, combined, pure=False).result()
            summary.name_entries = client.submit(NameStatistics.size, combined, pure=False).result()
            resolution = client.submit(resolve_statistics, combined, pure=False).result()
            del combined, stats

        summary.phases["speakers"] = time.monotonic() - mark
        mark = time.monotonic()
        # 3. apply the speakers to every partition; aggregate the speakers table
        aggregates: dict[str, dict[str, Any]] = {}
        if resolution is not None:
            names = {sid: s.name for sid, s in resolution.speakers.items()}
            # one object each, sent once to every worker (a dict given alone would
            # be scattered as one key per name)
            assignments_f, names_f, local_f = client.scatter(
                [resolution.assignments, names, resolution.per_article], broadcast=True)
            applied = [client.submit(apply_speakers, str(root), p.pid, drops[p.pid], assignments_f, names_f,
                                     local_f, pure=False) for p in finished]
            for partial in client.gather(applied):
                for sid, agg in partial.items():
                    if sid in aggregates:
                        _merge(aggregates[sid], agg)
                    else:
                        aggregates[sid] = agg
        keep = {f"part-{p.pid}.parquet" for p in finished}
        for folder in (QUOTES_DIR, DOCUMENTS_DIR):
            for old in (root / folder).glob("part-*.parquet"):
                if old.name not in keep:
                    old.unlink()  # partitions of an earlier input or version
            # every apply task has ended: what a writer killed mid-write left
            # (replaced_atomically's ".part-<pid>.parquet.<uuid>.part")
            for stale in (root / folder).glob(".part-*.parquet.*.part"):
                stale.unlink(missing_ok=True)
        (root / DOCUMENTS_DIR).mkdir(exist_ok=True)  # there even when no document was kept
        rows = speaker_rows(resolution, aggregates) if resolution is not None else []
        _write_speakers(rows, root / SPEAKERS_FILE)
        _atomic_write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in summary.failed),
                           root / FAILURES_FILE)
        summary.documents_total = documents
        summary.quotes_total = _count_quotes(root, keep)
        summary.speakers_total = len(rows)
        manifest = {"format": "quotes-dataset/1", "pipeline_version": version,
                    "counts": {"documents": documents, "quotes": summary.quotes_total,
                               "speakers": summary.speakers_total, "failures": len(summary.failed)},
                    "complete": not summary.lost_partitions,
                    "partitions": [p.pid for p in finished], "partition_size": partition_size,
                    "name_pairs": summary.name_pairs, "name_entries": summary.name_entries}
        _atomic_write_text(json.dumps(manifest, indent=1), root / MANIFEST)
        summary.phases["apply"] = time.monotonic() - mark
    finally:
        if own:
            _close(client, cluster)
    summary.seconds = time.monotonic() - began
    return summary


def _count_quotes(root: Path, keep: set[str]) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(str(root / QUOTES_DIR / name)).metadata.num_rows
               for name in keep if (root / QUOTES_DIR / name).exists())

"""Analyse whole corpora into the database, in worker processes, resumably.

:func:`analyse_paths` reads every article (:func:`quotes.corpus.ingest.read_documents`;
the worker processes extract HTML pages, in input order, a few tasks ahead),
skips those already analysed with the same content and pipeline version, runs
:func:`quotes.pipeline.extract_document` on the rest in worker processes (each
loads the models once) and writes each result from the parent process in its own
transaction. Killing the run at any moment loses at most the documents in flight;
running the same command again finishes the rest. A document whose analysis (or a
page whose extraction) takes longer than the run's time limit is a failure: a
watchdog thread kills its worker (see :class:`_Pool`), and the rest goes on.

Run as ``python -m quotes.corpus.batch PATH... --db quotes.db --workers N``.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import IO, Any

from quotes.errors import InputError
from quotes.records import Document
from quotes.corpus.html import Page
from quotes.corpus.store import Store, content_hash

# Documents queued per worker: enough to keep workers busy, few enough that a
# crashed worker takes little work down with it.
_IN_FLIGHT_PER_WORKER = 4
# Documents sent to a worker in one task. Each task costs the parent about half a
# millisecond (pickling, pipes, futures), a twentieth of a document's analysis:
# with two workers and the parent sharing two cores, that alone costs a tenth of
# the throughput. Chunks are kept small enough that every worker has several.
_CHUNK = 8
# HTML pages sent to a worker in one extraction task, and at most this many bytes
# of them (a page takes about as long to extract as its article to analyse).
_PAGE_CHUNK = 8
_PAGE_CHUNK_BYTES = 4 * 2**20
# The default per-document time limit, seconds (``--timeout``). A 1 MB article
# takes about a second; a minute is for inputs that would otherwise never end.
DEFAULT_TIMEOUT = 60.0
# Native thread pools read these when they start.
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

@dataclass(frozen=True)
class Failure:
    """An input that was not analysed: where it came from, and why."""

    source: str
    reason: str
    doc_id: str | None = None


@dataclass
class Summary:
    """What one :func:`analyse_paths` run did.

    Attributes:
        analysed: documents analysed and stored by this run.
        skipped: documents already analysed (same content and pipeline version),
            or repeated within the input.
        failed: inputs that could not be read or analysed, with the reason.
        quotes: quotes found in the documents this run analysed.
        documents_total, quotes_total, speakers_total: what the database holds
            after the run.
        seconds: wall-clock time of the run.
        workers: worker processes used (0 when there was nothing to analyse).
        interrupted: True when the run was stopped by Ctrl-C.
        db: the database path.
    """

    analysed: int = 0
    skipped: int = 0
    failed: list[Failure] = field(default_factory=list)
    quotes: int = 0
    documents_total: int = 0
    quotes_total: int = 0
    speakers_total: int = 0
    seconds: float = 0.0
    workers: int = 0
    interrupted: bool = False
    db: str = ""

    @property
    def docs_per_second(self) -> float:
        """Documents analysed per second of wall-clock time."""
        return self.analysed / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict (``failed`` as a list of dicts)."""
        out = asdict(self)
        out["docs_per_second"] = round(self.docs_per_second, 2)
        return out

    def format(self, max_failures: int = 20) -> str:
        """The end-of-run report, a few lines of text.

        Args:
            max_failures: list at most this many failures, then count the rest
                (all are kept in the database's ``failures`` table).
        """
        lines = [
            ("interrupted: " if self.interrupted else "")
            + f"analysed {self.analysed:,} document{'s' * (self.analysed != 1)} in {self.seconds:.1f} s"
            + (f" ({self.docs_per_second:.1f} docs/s, {self.workers} worker{'s' * (self.workers != 1)})"
               if self.analysed else ""),
            f"skipped {self.skipped:,} already done; failed {len(self.failed):,}",
            f"found {self.quotes:,} quotes; the database {self.db} now holds {self.documents_total:,} "
            f"documents, {self.quotes_total:,} quotes and {self.speakers_total:,} speakers",
        ]
        lines += failure_lines([(f.source, f.reason) for f in self.failed], max_failures, "the failures table")
        if self.interrupted:
            lines.append("run the same command again to finish the rest")
        return "\n".join(lines)


def failure_lines(failures: Sequence[tuple[str, str]], max_failures: int, where: str) -> list[str]:
    """The end-of-run lines that list failures, (source, reason) each: at most
    ``max_failures`` of them, then a count of the rest and ``where`` they all are."""
    lines = [f"  failed: {source}: {reason}" for source, reason in failures[:max_failures]]
    if len(failures) > max_failures:
        lines.append(f"  ... and {len(failures) - max_failures:,} more failures (see {where})")
    return lines


class Progress:
    """A one-line progress bar: documents done, rate and time left.

    On a terminal the line is redrawn in place (at most 10 times a second);
    elsewhere (a log file, CI) a plain line is written every few seconds.
    """

    def __init__(self, total: int, stream: IO[str] | None = None, enabled: bool = True,
                 reading: bool = False) -> None:
        self.total = total
        self.reading = reading  # more documents may come: ``total`` is those read so far
        self.stream = stream or sys.stderr
        self.enabled = enabled and (total > 0 or reading)
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.start = time.monotonic()
        self._last = 0.0
        self.done = 0
        self.failed = 0

    def update(self, done: int, failed: int = 0, force: bool = False) -> None:
        """Record progress and redraw when it is time to."""
        self.done, self.failed = done, failed
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < (0.1 if self.tty else 5.0):
            return
        self._last = now
        line = self.render(now - self.start)
        self.stream.write(("\r" + line + "\x1b[K") if self.tty else line + "\n")
        self.stream.flush()

    def render(self, elapsed: float) -> str:
        """The progress line for ``elapsed`` seconds into the run."""
        if self.reading:
            rate = self.done / elapsed if elapsed > 0 else 0.0
            failed = f"  {self.failed} failed" if self.failed else ""
            return (f"analysing {self.done}/{self.total}+ docs (still reading) {rate:6.1f} docs/s  "
                    f"{_clock(elapsed)}{failed}")
        frac = self.done / self.total if self.total else 1.0
        width = 24
        bar = "#" * int(frac * width) + "." * (width - int(frac * width))
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else None
        eta = "--:--" if left is None else _clock(left)
        failed = f"  {self.failed} failed" if self.failed else ""
        return (f"analysing {self.done:>{len(str(self.total))}}/{self.total} docs {frac:4.0%} "
                f"[{bar}] {rate:6.1f} docs/s  eta {eta}{failed}")

    def close(self) -> None:
        """Draw the final state and end the line."""
        if self.enabled:
            self.update(self.done, self.failed, force=True)
            if self.tty:
                self.stream.write("\n")
                self.stream.flush()


class Reading:
    """A one-line count of the documents read so far, while ``analyse`` reads its
    inputs before analysing them (HTML pages and web archives take a while):
    drawn once reading has taken a second, then as :class:`Progress` is."""

    def __init__(self, stream: IO[str] | None = None, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.start = time.monotonic()
        self._last = self.start + 1.0 - (0.1 if self.tty else 5.0)  # first line after a second
        self.drawn = False

    def update(self, read: int, failed: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < (0.1 if self.tty else 5.0):
            return
        self._last = now
        line = f"reading {read} docs" + (f"  {failed} failed" if failed else "") + f"  {_clock(now - self.start)}"
        self.stream.write(("\r" + line + "\x1b[K") if self.tty else line + "\n")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn and self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


# --- worker side ----------------------------------------------------------------

def _warm_up() -> None:
    """Load the models and word lists once, so each document pays only for itself."""
    from quotes import pipeline

    try:
        pipeline.warm_up()
    except Exception:  # a broken pipeline fails per document, with its reason
        pass


# A worker's slot in its pool's shared clock (see _Pool): [pid, task, item, started].
_CLOCK: Any = None
_SLOT = -1
# The pool's lock between a worker leaving its task and the watchdog's kill: the
# watchdog holds it from its last look at a slot to the kill, and a worker takes it
# to step off the clock before its result is sent, so a worker is never killed
# while it writes a finished task's result (a half-written result would hang the pool).
_HOLD: Any = None
_TASK = 0.0


def _init_worker(parent_pid: int, clock: Any = None, claimed: Any = None, hold: Any = None) -> None:
    global _CLOCK, _SLOT, _HOLD
    # Ctrl-C is the parent's to handle; workers just stop when it shuts them down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if clock is not None:  # a time limit: say which item this worker runs since when
        with claimed.get_lock():
            _SLOT = 4 * claimed.value
            claimed.value += 1
        _CLOCK = clock
        _HOLD = hold
        clock[_SLOT] = os.getpid()
    # After a kill -9 of the parent nobody would stop a worker: leave when orphaned.
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    # The workers are the parallelism: OpenMP/BLAS thread pools inside each one
    # only fight over the same cores (measured 0.2 vs 17 docs/s on a busy 2-core box).
    for var in _THREAD_VARS:
        os.environ.setdefault(var, "1")
    _warm_up()
    _limit_thread_pools()


def _limit_thread_pools() -> None:
    """One thread for the native libraries loaded so far (scikit-learn's OpenMP, BLAS)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # scikit-learn brings it; without it there is nothing to limit
        return
    threadpool_limits(limits=1)


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent_pid:
            os._exit(1)


def _timed(task: tuple[int, Callable[[Any], Any], Any]) -> Any:
    """``fn(arg)`` of a task that has a time limit: the items ``fn`` starts are
    on the clock (:func:`_started`) under the task's number."""
    global _TASK
    number, fn, arg = task
    _TASK = float(number)
    try:
        return fn(arg)
    finally:
        if _CLOCK is not None:
            with _HOLD:
                _CLOCK[_SLOT + 3] = 0.0


def _started(index: int) -> None:
    """Put item ``index`` of the current task on the clock (a few float writes
    into shared memory; nothing when there is no time limit). The parent's
    watchdog reads ``started`` before and after the task and item, so a reading
    that straddles a change is dropped."""
    clock = _CLOCK
    if clock is not None:
        slot = _SLOT
        clock[slot + 3] = 0.0
        clock[slot + 1] = _TASK
        clock[slot + 2] = float(index)
        clock[slot + 3] = time.monotonic()


def analyse_payloads(payloads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """:func:`analyse_payload` of each document of one task, in order."""
    out = []
    for index, payload in enumerate(payloads):
        _started(index)
        out.append(analyse_payload(payload))
    return out


def analyse_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """Analyse one document sent as a plain dict; return a plain dict.

    Runs in a worker process. :func:`quotes.pipeline.extract_document` is looked
    up at call time, so whatever the pipeline module holds then is what runs.

    Returns:
        ``{"doc_id", "ok": True, "quotes": [...]}`` with each quote's
        ``to_dict(explain=True)`` (and ``tone`` when scored), or
        ``{"doc_id", "ok": False, "reason": ...}`` when the pipeline raised.
    """
    from quotes import pipeline

    doc = Document(**payload)
    try:
        records = pipeline.extract_document(doc)
        quotes = [q.to_full_dict() for q in records]
    except Exception as exc:  # one bad document must not stop the batch
        return {"doc_id": doc.doc_id, "ok": False,
                "reason": f"pipeline error: {type(exc).__name__}: {exc}"}
    return {"doc_id": doc.doc_id, "ok": True, "quotes": quotes}


def extract_pages(pages: list[Page]) -> list[Document | InputError]:
    """Each page's Document (or InputError), in order: the HTML step, in a worker."""
    out: list[Document | InputError] = []
    for index, page in enumerate(pages):
        _started(index)
        try:
            out.append(page.document())
        except Exception as exc:  # one bad page must not stop the batch
            out.append(InputError(page.source, f"the HTML extractor failed ({type(exc).__name__}: {exc})"))
    return out


def _payload(doc: Document) -> dict[str, Any]:
    return {f.name: getattr(doc, f.name) for f in fields(Document)}


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _start_method() -> str:
    # spawn, not fork: a forked child of a process that has already run OpenMP
    # code (scikit-learn's gradient boosting, BLAS) can deadlock inside it, and
    # the parent may be anything (a notebook, a test run) that used the models.
    # fork stays available for callers that know their parent is clean.
    return "spawn"


# --- parent side ----------------------------------------------------------------

class _Pool:
    """The worker processes of one run, started when first needed: they extract
    HTML pages while the inputs are read, and analyse the documents.

    A task sent ``alone`` (a retry after a worker died) runs in a pool that runs
    nothing else, so that a worker dying again tells which task killed it.

    With a time limit (``timeout`` seconds, 0: none), each worker writes which
    item (document or page) of which task it runs, and since when, into a
    shared array (:func:`_started`); a watchdog thread here reads it a few
    times a second and kills a worker whose item has run longer, as pebble's
    ProcessPool and billiard's hard time limit do. That breaks the pool (a
    ProcessPoolExecutor cannot lose one worker): :meth:`overran` then names the
    item that ran out of time, and the other tasks in flight are sent again to
    a new pool. The parent's cost per item is nothing; the watchdog's, a
    wake-up every ``timeout / 10`` seconds (at most one a second, at least 0.05 s apart).
    """

    def __init__(self, workers: int | None, method: str, timeout: float = 0.0) -> None:
        self.workers = workers
        self.method = method
        self.timeout = timeout
        self.executor: ProcessPoolExecutor | None = None
        self.size = 0
        self.generation = 0  # one more each time a pool is replaced
        self.shared = False  # the pool has run tasks that were not sent alone
        self.tasks = 0  # tasks submitted: each task's number on the clock
        self.clock: Any = None  # the current pool's shared clock (see _init_worker)
        self.hold: Any = None  # and its lock (see _HOLD)
        # generation -> {task number: index of its item that ran out of time}
        self.overruns: dict[int, dict[int, int]] = {}
        # earlier runs' timeouts: {(doc_id, or a page's source, content hash): (limit, runs in a row)}
        self.known_timeouts: Timeouts = {}
        # while earlier timeouts are known: the bytes' hash of each page extracted
        # in time, by its source, until its document is read (its page's timeout goes)
        self.page_hashes: dict[str, str] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._watchdog: threading.Thread | None = None

    def get(self, n_workers: int) -> ProcessPoolExecutor:
        if self.executor is None:
            self.size = n_workers
            self.shared = False
            context = multiprocessing.get_context(self.method)
            initargs: tuple[Any, ...] = (os.getpid(),)
            clock = hold = None
            if self.timeout > 0:
                clock = context.RawArray("d", 4 * n_workers)
                hold = context.Lock()
                initargs = (os.getpid(), clock, context.Value("i", 0), hold)
            self.executor = ProcessPoolExecutor(n_workers, mp_context=context,
                                                initializer=_init_worker, initargs=initargs)
            with self._lock:
                self.clock = clock
                self.hold = hold
            if clock is not None and self._watchdog is None:
                self._watchdog = threading.Thread(target=self._watch, name="quotes-timeout", daemon=True)
                self._watchdog.start()
        return self.executor

    def submit(self, n_workers: int, fn: Callable[..., Any], arg: Any,
               alone: bool = False) -> tuple[Future, int, int]:
        """``fn(arg)`` in a worker: its future, the generation of the pool that runs
        it, and the task's number (see :meth:`overran`)."""
        if alone and self.shared:
            self.discard()  # (waits for what the pool runs)
        self.tasks += 1
        number = self.tasks
        call, what = (_timed, (number, fn, arg)) if self.timeout > 0 else (fn, arg)
        generation = self.generation
        try:
            future = self.get(n_workers).submit(call, what)
        except BrokenProcessPool:  # a worker died on another task meanwhile: a new pool
            self.discard(generation)
            generation = self.generation
            future = self.get(n_workers).submit(call, what)
        self.shared = self.shared or not alone
        return future, generation, number

    def overran(self, generation: int, number: int) -> int | None:
        """The index of task ``number``'s item that ran out of time (its worker
        was killed), or None: -1 when the task did not, but another task of the
        same pool did (so this one was lost with the pool, through no fault of its own)."""
        overruns = self.overruns.get(generation)
        if not overruns:
            return None
        return overruns.get(number, -1)

    def _watch(self) -> None:
        interval = min(1.0, max(0.05, self.timeout / 10))
        while not self._stop.wait(interval):
            with self._lock:
                clock, hold, generation = self.clock, self.hold, self.generation
                if clock is None:
                    continue
                now = time.monotonic()
                for slot in range(0, len(clock), 4):
                    started = clock[slot + 3]
                    if not started or now - started <= self.timeout:
                        continue
                    # (a worker that died holding the lock leaves it taken: give up this round)
                    if not hold.acquire(timeout=interval):
                        continue
                    try:
                        number, index = int(clock[slot + 1]), int(clock[slot + 2])
                        if clock[slot + 3] != started:  # moved on meanwhile
                            continue
                        clock[slot + 3] = 0.0
                        self.overruns.setdefault(generation, {})[number] = index
                        _kill(int(clock[slot]))
                    finally:
                        hold.release()

    @staticmethod
    def _kill_busy(clock: Any) -> None:
        for slot in range(0, len(clock), 4):
            if clock[slot + 3]:
                _kill(int(clock[slot]))

    def discard(self, generation: int | None = None) -> None:
        """Drop the pool (unless it was replaced already since ``generation``); the
        next task starts another."""
        if self.executor is not None and generation in (None, self.generation):
            self.executor.shutdown(wait=True)  # (the watchdog still watches its tasks)
            with self._lock:
                self.executor = None
                self.clock = None
                self.generation += 1

    def close(self, cancel: bool = False) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=not cancel, cancel_futures=cancel)
            with self._lock:
                if cancel and self.clock is not None:
                    # Ctrl-C: a worker in the middle of a long document would hold
                    # the exit until it ends; nothing it computes would be kept
                    self._kill_busy(self.clock)
                self.executor = None
                self.clock = None
        self._stop.set()


def _kill(pid: int) -> None:
    """Stop a worker process at once (Windows: TerminateProcess)."""
    if pid <= 0:  # (never the process group)
        return
    try:
        os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))
    except OSError:  # (gone already)
        pass


class _Task:
    """Pages sent to a worker for extraction, the pool generation that has them,
    and the task's number."""

    __slots__ = ("future", "pages", "generation", "number")

    def __init__(self, future: Future, generation: int, pages: list[Page], number: int = 0) -> None:
        self.future, self.pages, self.generation, self.number = future, pages, generation, number


class PageTimeout(InputError):
    """A page whose extraction took longer than the time limit: its bytes' hash,
    the limit and the runs in a row it did so in are recorded with its doc_id
    (not only the path as given), so that a rerun with the same limit leaves it
    from the second such run on."""

    def __init__(self, source: str, reason: str, content_hash: str, timeout: float, runs: int = 1,
                 doc_id: str | None = None) -> None:
        super().__init__(source, reason)
        self.content_hash, self.timeout, self.runs, self.doc_id = content_hash, timeout, runs, doc_id

    def __reduce__(self):
        return (type(self), (self.source, self.reason, self.content_hash, self.timeout, self.runs, self.doc_id))


class EarlierTimeout(InputError):
    """An input left alone because it took longer than the time limit in an
    earlier run (its failure is in the database already)."""


def _seconds(value: float) -> str:
    return f"{value:g}"


def page_hash(page: Page) -> str:
    """The sha1 of a page's bytes (its content, for a timeout's record)."""
    import hashlib

    data = page.data.encode("utf-8", "surrogatepass") if isinstance(page.data, str) else page.data
    return hashlib.sha1(data).hexdigest()


# Runs in a row an input must run out of time in (the same content, a limit no
# larger each time) before a rerun leaves it alone. The limit is wall time: one
# overrun may be a busy machine's (a shared laptop, a loaded CI box), so a rerun
# tries the input once more; two are taken to be the input's own.
TIMEOUT_RUNS_TO_LEAVE = 2


# Earlier runs' timeouts (Store.timeouts): {(doc_id, content hash): (limit, runs in a row)}
Timeouts = dict[tuple[str, str], tuple[float, int]]


def earlier_timeout(known: Timeouts, key: str, digest: str, timeout: float) -> float | None:
    """The limit an input with this key and content ran out of in the last
    :data:`TIMEOUT_RUNS_TO_LEAVE` runs in a row, when this run's limit is no
    larger (so it would again): else None (it is tried)."""
    if not known or not timeout:
        return None
    seen = known.get((key, digest))
    if seen is None or timeout > seen[0] or seen[1] < TIMEOUT_RUNS_TO_LEAVE:
        return None
    return seen[0]


def timeout_runs(known: Timeouts, key: str, digest: str, timeout: float) -> int:
    """The runs in a row an input that ran out of ``timeout`` in this run has
    now done so in: one more than recorded when its content is the same and the
    limit no larger than the last one it ran out of; else 1."""
    seen = known.get((key, digest))
    if seen is None or timeout > seen[0]:
        return 1
    return seen[1] + 1


def page_key(known: Timeouts, page: Page, digest: str) -> str:
    """The key of a page's timeout in ``known``: its doc_id, as a document's, so
    the page is the same whichever path names it (and with its bytes' hash:
    pages of the same file name in different folders count apart); a record
    from before pages kept their doc_id is found under the path as given."""
    for key in (page.doc_id, page.source):
        if (key, digest) in known:
            return key
    return page.doc_id


def _overran_reason(what: str, limit: float, runs: int) -> str:
    """Why an input failed in this run: it took longer than the limit."""
    # (a run leaves an input at two, so it never runs out of time in a third)
    then = ("the second run in a row: a rerun with this limit leaves it" if runs >= TIMEOUT_RUNS_TO_LEAVE
            else "a rerun tries it once more")
    return f"{what} took longer than {_seconds(limit)} s (--timeout; {then})"


def _earlier_reason(what: str, limit: float) -> str:
    return (f"{what} took longer than {_seconds(limit)} s in two runs in a row; not tried again "
            "(a larger --timeout, or --timeout 0, tries it)")


def _resolve_pages(items: Iterable[Any], pool: _Pool) -> Iterator[Any]:
    """``items`` with each :class:`Page` replaced by its Document (or InputError),
    extracted in the pool's workers, in the same order; a few tasks ahead, so
    memory holds only the pages in flight."""
    n_workers = pool.workers or default_workers()
    window: deque[Any] = deque()  # items, and a _Task for pages in flight
    batch: list[Page] = []
    batch_bytes = 0
    in_flight = 0
    waiting_limit = n_workers * _IN_FLIGHT_PER_WORKER * _CHUNK

    def send(pages: list[Page]) -> _Task:
        try:
            future, generation, number = pool.submit(n_workers, extract_pages, pages)
        except BrokenProcessPool as exc:
            # (a new pool broken too): the task fails as a crashed one does when
            # taken, and its pages are tried alone. Raised here, it would end the
            # reading, and the rest of the input would go unread.
            future, generation, number = Future(), pool.generation, 0
            future.set_exception(exc)
        return _Task(future, generation, pages, number)

    def submit() -> None:
        nonlocal batch, batch_bytes, in_flight
        if batch:
            window.append(send(batch))
            in_flight += 1
            batch, batch_bytes = [], 0

    def take() -> Iterator[Any]:
        nonlocal in_flight
        entry = window.popleft()
        if not isinstance(entry, _Task):
            yield entry
            return
        in_flight -= 1
        yield from result(entry)

    def result(entry: _Task) -> Iterator[Any]:
        try:
            results = entry.future.result()
        except BrokenProcessPool:
            pool.discard(entry.generation)
            overran = pool.overran(entry.generation, entry.number)
            if overran is None:
                # a worker died (a crash, the out-of-memory killer): each page again,
                # alone, so only the page that kills a worker again is an error
                yield from alone(entry.pages)
                return
            # a worker ran out of time: that page fails, the task's others are sent again
            if overran >= 0:
                if overran:
                    yield from result(send(entry.pages[:overran]))
                yield overran_page(entry.pages[overran])
                rest = entry.pages[overran + 1:]
            else:
                rest = entry.pages
            if rest:
                yield from result(send(rest))
        except Exception:
            # the task failed as a whole, not one page (extract_pages turns each
            # page's error into an InputError): a result that could not be sent
            # back. Each page again, alone, so that only its own page fails.
            yield from alone(entry.pages)
        else:
            yield from extracted(entry.pages, results)

    def extracted(pages: list[Page], results: list[Any]) -> Iterator[Any]:
        # a page extracted in time: its bytes' hash, for its document to clear
        # the page's earlier timeout (by whichever path it was recorded)
        if pool.known_timeouts:
            for page, item in zip(pages, results):
                if isinstance(item, Document):
                    pool.page_hashes[page.source] = page_hash(page)
        yield from results

    def alone(pages: list[Page]) -> Iterator[Any]:
        for page in pages:
            future, generation, number = pool.submit(n_workers, extract_pages, [page], alone=True)
            try:
                results = future.result()
            except BrokenProcessPool:
                pool.discard(generation)
                overran = pool.overran(generation, number)
                if overran is not None and overran >= 0:
                    yield overran_page(page)
                else:
                    yield InputError(page.source, "worker process died while reading this page "
                                     "(crash or out of memory)")
            except Exception as exc:
                yield InputError(page.source, f"the worker could not give back this page's text "
                                 f"({type(exc).__name__}: {exc})")
            else:
                yield from extracted([page], results)

    def overran_page(page: Page) -> PageTimeout:
        digest = page_hash(page)
        runs = timeout_runs(pool.known_timeouts, page_key(pool.known_timeouts, page, digest), digest, pool.timeout)
        return PageTimeout(page.source, _overran_reason("extracting the page's text", pool.timeout, runs),
                           digest, pool.timeout, runs, page.doc_id)

    def earlier(page: Page) -> InputError | None:
        limit = None
        if pool.known_timeouts and pool.timeout:
            digest = page_hash(page)
            limit = earlier_timeout(pool.known_timeouts, page_key(pool.known_timeouts, page, digest), digest,
                                    pool.timeout)
        return None if limit is None else EarlierTimeout(page.source, _earlier_reason(
            "extracting the page's text", limit))

    for item in items:
        if isinstance(item, Page) and (skipped := earlier(item)) is not None:
            item = skipped
        if isinstance(item, Page):
            batch.append(item)
            batch_bytes += len(item.data)
            if len(batch) >= _PAGE_CHUNK or batch_bytes >= _PAGE_CHUNK_BYTES:
                submit()
        else:
            submit()  # the pages before it first: order is kept
            window.append(item)
        # Give out what is ready; wait for the oldest task when too many tasks are in
        # flight, or too many items (plain documents) wait behind it: otherwise a
        # page followed by a long input of text would hold all of it in memory.
        while window and (in_flight > n_workers * _IN_FLIGHT_PER_WORKER or len(window) > waiting_limit
                          or not isinstance(window[0], _Task) or window[0].future.done()):
            yield from take()
    submit()
    while window:
        yield from take()


def analyse_documents(items: Iterable[Document | InputError | Page], store: Store, workers: int | None = None,
                      progress: bool = True, stream: IO[str] | None = None,
                      start_method: str | None = None, pool: _Pool | None = None,
                      timeout: float = DEFAULT_TIMEOUT) -> Summary:
    """Analyse documents into ``store``; the engine of :func:`analyse_paths`.

    Args:
        items: documents, and InputErrors for inputs that could not be read;
            HTML pages (:class:`~quotes.corpus.html.Page`) are extracted in the
            worker processes, in order.
        store: the database (only this process writes to it).
        workers: worker processes (default: the number of cores).
        progress: draw a progress bar on ``stream``.
        stream: where the progress bar goes (default: standard error).
        start_method: ``"spawn"`` (the default) or ``"fork"`` (starts faster,
            but only safe when this process has not run the models itself).
        pool: the run's worker processes, when the caller extracts pages in
            them too (:func:`analyse_paths`); closed here.
        timeout: seconds one document's analysis (or one page's extraction)
            may take (0: no limit); ignored when ``pool`` is given (its own).
            One that takes longer is a failure ("analysis took longer than
            N s"), its worker is killed and replaced, and the other documents
            in flight are analysed again. A later run with the same or a
            smaller limit tries it once more; after it ran out of time in two
            runs in a row (the same content, a limit no larger), such a run
            leaves it (a failure still). A larger limit or none tries it again,
            and so do a new pipeline version and new content.

    Returns:
        The run's :class:`Summary`; ``interrupted`` is set on Ctrl-C, when
        everything committed so far stays in the database.
    """
    pool = pool or _Pool(workers, start_method or _start_method(), timeout)
    try:
        if pool.timeout > 0:
            from quotes.version import pipeline_version

            pool.known_timeouts = store.timeouts(pipeline_version())
        return _analyse(_resolve_pages(items, pool), store, workers, progress, stream, pool)
    except BaseException:
        pool.close(cancel=True)
        raise
    finally:
        pool.close()


def _analyse(items: Iterable[Document | InputError], store: Store, workers: int | None, progress: bool,
             stream: IO[str] | None, pool: _Pool) -> Summary:
    from quotes.version import pipeline_version

    began = time.monotonic()
    version = pipeline_version()
    summary = Summary(db=store.path)
    analysis_failed: list[Failure] = []  # reported after the inputs that could not be read
    run = _Run(store, pool, version, summary, analysis_failed, Reading(stream, enabled=progress), stream, progress)
    try:
        with _noting_ctrl_c(run.pressed):
            _run_pool(run.to_analyse(items), run, workers)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        run.reading.close()
        if run.bar is not None:
            run.bar.close()
        summary.failed.extend(analysis_failed)
    try:
        counts = store.counts()
    except KeyboardInterrupt:  # a second Ctrl-C while resolving speakers
        summary.interrupted = True
        counts = {"documents": 0, "quotes": 0, "speakers": 0}
    summary.documents_total = counts["documents"]
    summary.quotes_total = counts["quotes"]
    summary.speakers_total = counts["speakers"]
    summary.seconds = time.monotonic() - began
    return summary


# How often (s) the pool loop wakes to look for a Ctrl-C whose exception was lost.
_CTRL_C_POLL = 0.5


@contextlib.contextmanager
def _noting_ctrl_c(pressed: threading.Event) -> Iterator[None]:
    """Note every Ctrl-C in ``pressed`` as well as raising KeyboardInterrupt.

    Python raises a Ctrl-C's KeyboardInterrupt wherever the main thread happens to
    be, and drops an exception raised inside a finaliser (a ``__del__``, a weakref
    callback of the pool's machinery) with a warning: a press landing there would
    be lost and the run would go on. The pool loop wakes every ``_CTRL_C_POLL``
    seconds and stops on a noted press. Only in the main thread (signal handlers
    live there), and a SIGINT that is ignored stays ignored.
    """
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is signal.SIG_IGN:
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        pressed.set()
        if callable(previous):
            previous(signum, frame)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Run:
    """What one analysis run shares between its reading and its workers' results."""

    def __init__(self, store: Store, pool: _Pool, version: str, summary: Summary, analysis_failed: list[Failure],
                 reading: Reading, stream: IO[str] | None, progress: bool) -> None:
        self.store, self.pool, self.version, self.summary = store, pool, version, summary
        self.analysis_failed = analysis_failed
        self.reading = reading
        self.stream, self.progress = stream, progress
        self.bar: Progress | None = None  # drawn from the first document to analyse on
        self.pressed = threading.Event()  # Ctrl-C was pressed (see _noting_ctrl_c)

    def failures(self) -> int:
        return len(self.summary.failed) + len(self.analysis_failed)

    def to_analyse(self, items: Iterable[Document | InputError]) -> Iterator[Document]:
        """The documents to analyse, as they are read: inputs that cannot be read,
        repeats and documents already stored are recorded (and not given) on the way."""
        store, summary, version = self.store, self.summary, self.version
        known, timeout = self.pool.known_timeouts, self.pool.timeout
        seen: dict[str, tuple[str, str]] = {}  # doc_id -> (content hash, source) in this run
        failed_sources: set[str] = set()
        failed_before = store.failure_keys()  # (doc_ids and sources)
        known_keys = {key for key, _ in known}
        known_hashes = {digest for _, digest in known}
        queued = 0
        for n_read, item in enumerate(items, 1):
            if self.bar is None:
                self.reading.update(n_read, len(summary.failed))
            if isinstance(item, InputError):
                if item.source not in failed_sources:  # not when a path is given twice
                    failed_sources.add(item.source)
                    if isinstance(item, PageTimeout):
                        store.record_failure(item.source, item.reason, item.doc_id, version, item.content_hash,
                                             item.timeout, item.runs)
                    elif not isinstance(item, EarlierTimeout):  # (recorded by the earlier run)
                        store.record_failure(item.source, item.reason, pipeline_version=version)
                    summary.failed.append(Failure(item.source, item.reason))
                continue
            digest = content_hash(item.doc_id, item.text)
            if item.doc_id in seen:
                first_hash, first_source = seen[item.doc_id]
                if first_hash == digest:
                    summary.skipped += 1  # the same article twice in the input
                else:
                    source = item.source or item.doc_id
                    reason = f"duplicate doc_id {item.doc_id!r} with different text (first seen in {first_source})"
                    # recorded under its source alone: storing the first "a" clears the
                    # failures of doc_id "a", and this one is another input's
                    store.record_failure(source, reason, None, version)
                    summary.failed.append(Failure(source, reason, item.doc_id))
                continue
            seen[item.doc_id] = (digest, item.source or item.doc_id)
            page = self.pool.page_hashes.pop(item.source, None) if item.source else None
            if store.has_document(item.doc_id, digest, version):
                # stored and up to date: a failure recorded since (a page whose
                # extraction ran out of time on a busy machine, an edit undone) is over
                if item.doc_id in failed_before or (item.source or item.doc_id) in failed_before:
                    store.forget_failures(item.doc_id, item.source or item.doc_id, (digest, page))
                summary.skipped += 1
                continue
            if known and (page in known_hashes or item.doc_id in known_keys or item.source in known_keys):
                # a timeout of other content: the page's extraction, which has
                # finished now, or an earlier text of this source; its count starts again
                store.forget_failures(item.doc_id, item.source or item.doc_id, (page,), keep=digest)
            limit = earlier_timeout(known, item.doc_id, digest, timeout) if known else None
            if limit is not None:  # it would run out of time again: left alone, a failure still
                summary.failed.append(Failure(item.source or item.doc_id,
                                              _earlier_reason("analysis", limit), item.doc_id))
                continue
            queued += 1
            if self.bar is None:
                self.reading.close()
                self.bar = Progress(0, self.stream, enabled=self.progress, reading=True)
            self.bar.total = queued
            yield item
        if self.bar is not None:
            self.bar.reading = False


def _run_pool(docs: Iterator[Document], run: _Run, workers: int | None) -> None:
    """Feed documents to the process pool as they are read, and store each result
    as it arrives: the parent holds only the documents queued and in flight.

    A worker that dies (a crash, the out-of-memory killer) breaks the pool: the
    documents it held are retried one at a time in a fresh pool, so only the
    document that kills a worker again is recorded as failed.
    """
    store, pool, version, summary = run.store, run.pool, run.version, run.summary
    queue: deque[Document] = deque()
    suspects: deque[Document] = deque()  # in flight during a crash: retried alone
    lookahead = (pool.size or workers or default_workers()) * _IN_FLIGHT_PER_WORKER * _CHUNK
    exhausted = False

    def fill() -> None:
        nonlocal exhausted
        while not exhausted and len(queue) < lookahead:
            try:
                queue.append(next(docs))
            except StopIteration:
                exhausted = True

    fill()
    if not queue:
        return
    # as many workers as documents, for a small input read whole already
    n_workers = pool.size or max(1, min(workers or default_workers(), len(queue) if exhausted else lookahead))
    summary.workers = n_workers
    done = 0
    while queue or suspects or not exhausted:
        # future -> (its documents, whether it is a suspect retried alone, the pool's generation,
        # the task's number)
        inflight: dict[Future, tuple[list[Document], bool, int, int]] = {}
        try:
            while queue or suspects or inflight or not exhausted:
                if not suspects and not any(entry[1] for entry in inflight.values()):
                    fill()  # (not while a suspect runs alone: reading may send pages to the pool)
                isolating = bool(suspects) or any(entry[1] for entry in inflight.values())
                limit = 1 if isolating else n_workers * _IN_FLIGHT_PER_WORKER
                while len(inflight) < limit and (suspects or (queue and not isolating)):
                    alone = bool(suspects)
                    source = suspects if alone else queue
                    size = 1 if alone else max(1, min(_CHUNK, len(queue) // (n_workers * _IN_FLIGHT_PER_WORKER)))
                    chunk = [source[k] for k in range(size)]
                    future, generation, number = pool.submit(
                        n_workers, analyse_payloads, [_payload(doc) for doc in chunk], alone=alone)
                    for _ in chunk:
                        source.popleft()  # taken only once submitted
                    inflight[future] = (chunk, alone, generation, number)
                if not inflight:
                    continue
                finished, _ = wait(inflight, timeout=_CTRL_C_POLL, return_when=FIRST_COMPLETED)
                if run.pressed.is_set():
                    raise KeyboardInterrupt  # a Ctrl-C whose exception was dropped (see _noting_ctrl_c)
                for future in sorted(finished, key=lambda f: inflight[f][0][0].doc_id):
                    chunk, alone, generation, _ = inflight[future]
                    try:
                        results = future.result()  # raises BrokenProcessPool when a worker died
                    except BrokenProcessPool:
                        pool.discard(generation)
                        raise
                    except Exception as exc:
                        # the task failed as a whole, not one document (analyse_payload turns
                        # each document's error into a reason): results that could not be
                        # sent back. Its documents again, alone, so that only its own fails.
                        del inflight[future]
                        if alone:
                            _fail(store, run.analysis_failed, chunk[0], "the worker could not give back this "
                                  f"document's results ({type(exc).__name__}: {exc})", version)
                            done += 1
                            _draw(run, done)
                        else:
                            suspects.extend(chunk)
                        continue
                    del inflight[future]
                    ok = [(doc, result["quotes"]) for doc, result in zip(chunk, results) if result["ok"]]
                    if ok:  # one transaction for the batch (see Store.add_analyses)
                        summary.quotes += store.add_analyses(ok, version)
                        summary.analysed += len(ok)
                    for doc, result in zip(chunk, results):
                        if not result["ok"]:
                            _fail(store, run.analysis_failed, doc, result["reason"], version)
                    done += len(chunk)
                    _draw(run, done)
        except BrokenProcessPool:
            # A worker ran out of time (the watchdog killed it): that document fails;
            # the others in flight, its own task's among them, go to the new pool.
            again: list[Document] = []
            crashed: dict[Future, tuple[list[Document], bool, int, int]] = {}
            for future, (chunk, alone, generation, number) in inflight.items():
                overran = pool.overran(generation, number)
                if overran is None:
                    crashed[future] = (chunk, alone, generation, number)
                    continue
                pool.discard(generation)
                if overran >= 0:
                    doc = chunk[overran]
                    digest = content_hash(doc.doc_id, doc.text)
                    runs = timeout_runs(pool.known_timeouts, doc.doc_id, digest, pool.timeout)
                    _fail(store, run.analysis_failed, doc, _overran_reason("analysis", pool.timeout, runs),
                          version, digest, pool.timeout, runs)
                    done += 1
                    _draw(run, done)
                again += [doc for i, doc in enumerate(chunk) if i != overran]
            queue.extendleft(reversed(sorted(again, key=lambda doc: doc.doc_id)))
            if not crashed:
                continue
            inflight = crashed
            lost = sorted(((doc, alone) for chunk, alone, _, _ in inflight.values() for doc in chunk),
                          key=lambda x: x[0].doc_id)
            if len(lost) == 1 and lost[0][1]:
                _fail(store, run.analysis_failed, lost[0][0], "worker process died while analysing this document "
                      "(crash or out of memory)", version)
                done += 1
                _draw(run, done)
            else:
                suspects.extend(doc for doc, _ in lost)
        except BaseException:
            # Ctrl-C: stop feeding workers; what was committed stays committed
            pool.close(cancel=True)
            raise


def _draw(run: _Run, done: int) -> None:
    if run.bar is not None:
        run.bar.update(done, run.failures())


def _fail(store: Store, failed: list[Failure], doc: Document, reason: str, version: str,
          digest: str | None = None, timeout: float | None = None, runs: int | None = None) -> None:
    source = doc.source or doc.doc_id
    store.record_failure(source, reason, doc.doc_id, version, digest, timeout, runs)
    failed.append(Failure(source, reason, doc.doc_id))


def analyse_paths(paths: Iterable[str], db_path: str | Path, workers: int | None = None,
                  progress: bool = True, stream: IO[str] | None = None,
                  warn: Callable[[str], None] | None = None, start_method: str | None = None,
                  options: Any = None, timeout: float = DEFAULT_TIMEOUT) -> Summary:
    """Analyse every article the paths hold into the database at ``db_path``.

    Args:
        paths: .txt files, .jsonl files, folders, or "-" for standard input (as
            for ``quotes extract``).
        db_path: the SQLite database, created if absent.
        workers: worker processes (default: the number of cores).
        progress: draw a progress bar on ``stream`` (standard error).
        stream: where the progress bar goes.
        warn: called with recoverable input problems (default: print to stderr).
        start_method: ``"spawn"`` (the default) or ``"fork"``.
        options: how tables and HTML are read (:class:`quotes.corpus.ingest.ReadOptions`).
        timeout: seconds one document's analysis (or one page's extraction) may
            take, 0 for no limit (see :func:`analyse_documents`).

    Returns:
        The :class:`Summary`. Idempotent: a second run over the same inputs
        analyses nothing and finds the same totals.
    """
    from quotes.corpus.ingest import read_documents

    # HTML pages (files, WARC records, JSONL lines, table rows) are extracted in the workers
    pool = _Pool(workers, start_method or _start_method(), timeout)
    with Store(db_path) as store:
        return analyse_documents(read_documents(paths, warn=warn, options=options,
                                                resolve=lambda items: _resolve_pages(items, pool)),
                                 store, workers, progress, stream, start_method, pool)

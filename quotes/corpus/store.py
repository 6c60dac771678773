"""The corpus database: analysed documents, their quotes, failures and speakers, in SQLite.

Python API first (the CLI's ``analyse``, ``speakers``, ``list`` and ``export``
are thin calls into :class:`Store`), in the manner of sqlite-utils:

>>> store = Store(":memory:")
>>> store.add_analysis(Document("blunt", '"Sorry," said Anthony Blunt.'), quotes)  # doctest: +SKIP
>>> store.speakers(sort="quotes", top=10)                                          # doctest: +SKIP

Design:

- Ids are derived from content: a document's ``content_hash`` is the sha1 of its
  doc_id and text, a quote's ``quote_id`` the sha1 of its doc_id and offsets. A
  document analysed again with the same content and pipeline version is skipped;
  with new content or a new version its quotes are replaced, never duplicated.
- Every document is written in one transaction (its row, its quotes, the removal
  of its old quotes and failures), in WAL mode: a run killed at any moment leaves
  each document either fully stored or absent.
- The per-article speaker name is stored with each quote; corpus-level identity
  (:mod:`quotes.corpus.speakers`) is recomputed from the whole table whenever it is
  stale, so it never depends on the order documents arrived in.
- Schema changes are named migrations, recorded in ``_migrations``.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from quotes.choices import EXPORT_FORMATS, SPEAKER_SORTS
from quotes.errors import QuotesError
from quotes.files import replaced_atomically
from quotes.records import Document, QuoteRecord

# One row per quote: what ``export_rows`` yields and ``quotes export`` writes.
EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("quote_id", "string"),
    ("doc_id", "string"),
    ("title", "string"),
    ("date", "string"),
    ("url", "string"),
    ("outlet", "string"),
    ("source", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("speaker_id", "string"),
    ("speaker", "string"),
    ("article_speaker", "string"),
    ("speaker_mention", "string"),
    ("speaker_start", "int64"),
    ("speaker_end", "int64"),
    ("cue", "string"),
    ("confidence", "float64"),
    ("rule", "string"),
    ("regret", "float64"),
    ("shock", "float64"),
    ("polarity", "float64"),
    ("subjectivity", "float64"),
    ("pipeline_version", "string"),
)
# The column ``export(with_text=True)`` adds: the document's text, which the offsets index.
TEXT_COLUMN = ("document_text", "string")
def _speaker_rules() -> int:
    """The version of the speaker rules the stored speakers must be resolved by."""
    from quotes.corpus.speakers import SPEAKER_RULES_VERSION

    return SPEAKER_RULES_VERSION


# The keys of one ``speakers()`` row, in order.
SPEAKER_COLUMNS = (
    "speaker_id", "name", "aliases", "quotes", "articles", "first_date", "last_date",
    "regret_mean", "regret_max", "shock_mean", "shock_max", "polarity_mean",
    "top_regret_quote", "top_regret_doc_id", "top_shock_quote", "top_shock_doc_id",
)
_TONE_FIELDS = ("regret", "shock", "polarity", "subjectivity")
_EXPORT_BATCH = 10_000
# Seconds a connection waits for another process's write lock before giving up.
_BUSY_TIMEOUT = 60.0


class StoreError(QuotesError):
    """A database that cannot be opened or queried as asked."""


def content_hash(doc_id: str, text: str) -> str:
    """The sha1 of a document's id and text: what "already analysed" compares."""
    # surrogatepass: any str hashes (a lone surrogate such as "\ud800" is kept
    # as its three bytes); valid text encodes exactly as strict UTF-8 does.
    return hashlib.sha1(f"{doc_id}\x00{text}".encode("utf-8", errors="surrogatepass")).hexdigest()


def database_error(path: str, exc: sqlite3.Error) -> str:
    """A one-line message for an SQLite error on the database at ``path``:
    what went wrong, and what to do about it."""
    message = str(exc)
    low = message.lower()
    if "readonly" in low or "read-only" in low:
        advice = ("the database or its folder is read-only; analyse into a --db you can write "
                  "(reading commands open it read-only)")
    elif "not a database" in low or "malformed" in low or "corrupt" in low:
        advice = ("cannot open as a quotes database: the file is damaged or not SQLite; "
                  "analyse again into a new --db (or restore it from a copy)")
    elif "unable to open" in low or "cannot open" in low:
        advice = "cannot open the file; check that its folder exists and that you may read and write it"
    elif "locked" in low or "busy" in low:
        advice = "another process has held the database for too long; try again when it has finished"
    elif "disk" in low and "full" in low:
        advice = "the disk is full; free some space and run the command again"
    else:
        advice = "the database cannot be used"
    return f"{path}: {advice} (sqlite: {message})"


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    message = str(exc)
    return "locked" in message or "busy" in message


def quote_id(doc_id: str, start: int, end: int) -> str:
    """A quote's id: 16 hex digits of the sha1 of its doc_id and offsets."""
    return hashlib.sha1(f"{doc_id}\x1f{start}\x1f{end}".encode("utf-8", errors="surrogatepass")).hexdigest()[:16]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- migrations -----------------------------------------------------------------

def _m001_initial(conn: sqlite3.Connection) -> None:
    """Documents, quotes, failures, the speaker tables and the state counters."""
    for sql in (
        """CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            pipeline_version TEXT NOT NULL,
            title TEXT, date TEXT, url TEXT, outlet TEXT, source TEXT,
            chars INTEGER NOT NULL,
            quotes INTEGER NOT NULL,
            analysed_at TEXT NOT NULL)""",
        """CREATE TABLE quotes (
            quote_id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            speaker_mention TEXT,
            speaker_start INTEGER,
            speaker_end INTEGER,
            cue TEXT,
            confidence REAL,
            rule TEXT,
            regret REAL, shock REAL, polarity REAL, subjectivity REAL)""",
        "CREATE INDEX quotes_doc ON quotes(doc_id, start)",
        "CREATE INDEX quotes_speaker ON quotes(speaker)",
        """CREATE TABLE failures (
            source TEXT PRIMARY KEY,
            doc_id TEXT,
            reason TEXT NOT NULL,
            pipeline_version TEXT NOT NULL,
            failed_at TEXT NOT NULL)""",
        "CREATE INDEX failures_doc ON failures(doc_id)",
        # derived from quotes.speaker by resolve_speakers(); rebuilt as a whole
        "CREATE TABLE speakers (speaker_id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL)",
        """CREATE TABLE speaker_aliases (
            speaker_id TEXT NOT NULL, alias TEXT NOT NULL, position INTEGER NOT NULL,
            PRIMARY KEY (speaker_id, alias))""",
        "CREATE INDEX speaker_aliases_alias ON speaker_aliases(alias COLLATE NOCASE)",
        "CREATE TABLE speaker_names (name TEXT PRIMARY KEY, speaker_id TEXT NOT NULL)",
        # analysis_epoch counts document writes; speakers are stale while it differs
        "CREATE TABLE state (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        "INSERT INTO state VALUES ('analysis_epoch', 0), ('speakers_epoch', -1)",
    ):
        conn.execute(sql)


def _m002_document_texts(conn: sqlite3.Connection) -> None:
    """The text of each analysed document, for the quotes' context and the article view.

    Documents stored before it have no text row; ``has_document`` counts them as
    not done, so the next ``analyse`` of the same inputs stores their text.
    """
    conn.execute("""CREATE TABLE document_texts (
        doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
        text TEXT NOT NULL)""")


def _m003_failure_timeouts(conn: sqlite3.Connection) -> None:
    """What a failure that ran out of time needs for a rerun to leave it alone:
    the content it failed on (``content_hash``: a document's, or a page's bytes')
    and the time limit it exceeded (``timeout``, seconds). NULL for other failures."""
    conn.execute("ALTER TABLE failures ADD COLUMN content_hash TEXT")
    conn.execute("ALTER TABLE failures ADD COLUMN timeout REAL")


# Speaker ids bound to one query at most (SQLite caps bound parameters).
_ID_SLICE = 500
# speaker_names since 004: a name's speaker in every article (doc_id ''), or, for a
# name kept per article (a given name alone, "Bob"), its speaker in one article.
_SPEAKER_NAMES = ("(name TEXT NOT NULL, doc_id TEXT NOT NULL, speaker_id TEXT NOT NULL, PRIMARY KEY (name, doc_id)) "
                  "WITHOUT ROWID")
# How a quote finds its speaker: at most one row matches (a name is kept either
# for every article or per article).
_NAME_JOIN = "n.name = q.speaker AND n.doc_id IN ('', q.doc_id)"


def _m004_article_speaker_names(conn: sqlite3.Connection) -> None:
    """``speaker_names`` keyed by (name, doc_id): a person an article names by a
    given name alone ("Bob") is a speaker of that article only. The table is
    derived, so it is made anew and the speakers are resolved again."""
    conn.execute("DROP TABLE speaker_names")
    conn.execute(f"CREATE TABLE speaker_names {_SPEAKER_NAMES}")
    conn.execute("UPDATE state SET value = -1 WHERE key = 'speakers_epoch'")


def _m005_failure_timeout_runs(conn: sqlite3.Connection) -> None:
    """How many runs in a row an input ran out of time in (``timeout_runs``), with
    the same content and a limit no larger each time: a rerun leaves it alone
    only from two on, since one overrun of a wall-time limit may be a busy
    machine's. A timeout recorded before counts as one run (tried once more).
    NULL for other failures."""
    conn.execute("ALTER TABLE failures ADD COLUMN timeout_runs INTEGER")
    conn.execute("UPDATE failures SET timeout_runs = 1 WHERE timeout IS NOT NULL")


# Named migrations, applied in order, each once; append, never edit or reorder.
MIGRATIONS: tuple[tuple[str, Callable[[sqlite3.Connection], None]], ...] = (
    ("001_initial", _m001_initial),
    ("002_document_texts", _m002_document_texts),
    ("003_failure_timeouts", _m003_failure_timeouts),
    ("004_article_speaker_names", _m004_article_speaker_names),
    ("005_failure_timeout_runs", _m005_failure_timeout_runs),
)


class Store:
    """An SQLite database of analysed articles.

    Args:
        path: the database file (created if absent), or ``":memory:"``.
        readonly: open an existing file with SQLite's ``mode=ro`` and never
            write to it (no WAL switch, no migration; speakers that are stale
            are resolved in TEMP tables). For reading commands.

    Raises:
        StoreError: when the file is not a quotes database, cannot be opened,
            or (read-only) is missing or needs a schema migration.

    Notes:
        Writers take turns: a process that finds another writing (or creating
        the same new file) waits for its lock, up to a minute, instead of
        failing; readers may query while it writes (WAL mode). The batch runner
        writes from its parent process only.
    """

    def __init__(self, path: str | Path = ":memory:", readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly and self.path != ":memory:"
        self._resolved_epoch: int | None = None  # read-only: speakers resolved in TEMP tables
        try:
            if self.readonly:
                self.conn = self._connect_readonly()
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=_BUSY_TIMEOUT)
            self.conn.row_factory = sqlite3.Row
            if self.readonly:
                pending = self._pending_migrations()
                if pending:
                    raise StoreError(
                        f"{self.path}: the database needs schema migration {', '.join(pending)}, which "
                        "reading cannot apply; run `quotes analyse` on it (where it can be written) to upgrade")
            else:
                if self.path != ":memory:":
                    self._wal()
                # WAL + NORMAL: a killed process loses nothing committed and never
                # corrupts; only a power cut may lose the last transactions.
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self.conn.execute("PRAGMA foreign_keys=ON")
                self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(database_error(self.path, exc)) from None

    def _connect_readonly(self) -> sqlite3.Connection:
        """Open the file with SQLite's ``mode=ro``: nothing is ever written to it.

        A WAL database needs its ``-shm`` file; in a folder that cannot be
        written, a database with no ``-wal`` file (so nobody is writing it) is
        opened as immutable instead.
        """
        path = Path(self.path)
        if not path.exists():
            raise StoreError(f"{self.path}: no such database; create it with `quotes analyse PATH... --db {self.path}`")
        if path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a database file")
        uri = path.resolve().as_uri()
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=_BUSY_TIMEOUT)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
            wal = Path(f"{self.path}-wal")
            if os.access(path.parent, os.W_OK) or (wal.exists() and wal.stat().st_size):
                raise
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn

    # --- plumbing ---------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock up front, so a concurrent writer waits
        # instead of failing half-way through.
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _wal(self) -> None:
        """Switch to WAL mode, waiting while another process holds the file.

        Changing the journal mode does not call SQLite's busy handler: when two
        processes open a new database at once, one gets "database is locked" at
        once. It is retried here until the busy timeout has passed.
        """
        deadline = time.monotonic() + _BUSY_TIMEOUT
        delay = 0.005
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() >= deadline:
                    raise
            time.sleep(delay)
            delay = min(0.1, delay * 2)

    def _pending_migrations(self) -> list[str]:
        """Names of the migrations this database lacks (read only; no lock taken).

        Raises:
            StoreError: read-only, for a database that is not a quotes database.
        """
        has_table = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'").fetchone()
        if not has_table and self.readonly:
            raise StoreError(f"{self.path}: not a quotes database (no _migrations table); "
                             "give the --db that `quotes analyse` wrote")
        done = {r[0] for r in self.conn.execute("SELECT name FROM _migrations")} if has_table else set()
        return [name for name, _ in MIGRATIONS if name not in done]

    def _migrate(self) -> None:
        if not self._pending_migrations():
            return  # the usual case: nothing written, no lock taken
        # One write transaction for the whole schema, re-checked inside the lock:
        # two processes creating the same new file at once both get here, and the
        # second finds the first one's tables.
        with self._transaction() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            for name, migration in MIGRATIONS:
                if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone():
                    continue
                migration(conn)
                conn.execute("INSERT INTO _migrations VALUES (?, ?)", (name, _now()))

    def migrations(self) -> list[str]:
        """Names of the migrations applied to this database, in order."""
        return [r[0] for r in self.conn.execute("SELECT name FROM _migrations ORDER BY name")]

    # --- writing ----------------------------------------------------------------

    def has_document(self, doc_id: str, content_hash: str, pipeline_version: str | None = None) -> bool:
        """True when ``doc_id`` was analysed with this content and pipeline version.

        Args:
            doc_id: the document id.
            content_hash: :func:`content_hash` of the doc_id and text.
            pipeline_version: defaults to :func:`quotes.version.pipeline_version`.
        """
        version = pipeline_version or _pipeline_version()
        row = self.conn.execute(
            "SELECT 1 FROM documents d JOIN document_texts t ON t.doc_id = d.doc_id "
            "WHERE d.doc_id = ? AND d.content_hash = ? AND d.pipeline_version = ?",
            (doc_id, content_hash, version)).fetchone()
        return row is not None

    def add_analysis(self, doc: Document, quotes: Iterable[QuoteRecord | dict[str, Any]],
                     pipeline_version: str | None = None) -> int:
        """Store one analysed document and its quotes, replacing any earlier analysis.

        Args:
            doc: the article (its text is kept in ``document_texts`` and hashed).
            quotes: its attributed quotes, as records or as their ``to_dict()``
                (with ``rule`` and ``tone`` when known).
            pipeline_version: defaults to :func:`quotes.version.pipeline_version`.

        Returns:
            The number of quotes stored.

        Notes:
            One transaction: the document row, its quotes, and the removal of its
            old quotes and of failures recorded for it commit together or not at all.
        """
        return self.add_analyses([(doc, quotes)], pipeline_version)

    def add_analyses(self, analyses: Sequence[tuple[Document, Iterable[QuoteRecord | dict[str, Any]]]],
                     pipeline_version: str | None = None) -> int:
        """Store several analysed documents (see :meth:`add_analysis`) in one transaction.

        ``analyse`` stores each batch its workers return this way: one commit
        per batch instead of one per document keeps the parent process, which
        shares the cores with the workers, from becoming the bottleneck.

        Returns:
            The number of quotes stored.
        """
        version = pipeline_version or _pipeline_version()
        now = _now()
        # A document given twice keeps its last analysis, as two calls would.
        latest = {doc.doc_id: (doc, quotes) for doc, quotes in analyses}
        documents, quote_rows, failures, texts = [], [], [], []
        for doc, quotes in latest.values():
            texts.append((doc.doc_id, doc.text))
            rows = [_quote_row(doc.doc_id, q) for q in quotes]
            documents.append((doc.doc_id, content_hash(doc.doc_id, doc.text), version, doc.title, doc.date,
                              doc.url, doc.outlet, doc.source, len(doc.text), len(rows), now))
            quote_rows += rows
            failures.append((doc.source or doc.doc_id, doc.doc_id, documents[-1][1]))
        with self._transaction() as conn:
            conn.executemany("DELETE FROM quotes WHERE doc_id = ?", [(d[0],) for d in documents])
            conn.executemany(
                """INSERT OR REPLACE INTO documents (doc_id, content_hash, pipeline_version, title,
                   date, url, outlet, source, chars, quotes, analysed_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", documents)
            conn.executemany("INSERT OR REPLACE INTO document_texts (doc_id, text) VALUES (?, ?)", texts)
            conn.executemany(
                """INSERT OR REPLACE INTO quotes (quote_id, doc_id, start, "end", text, speaker,
                   speaker_mention, speaker_start, speaker_end, cue, confidence, rule,
                   regret, shock, polarity, subjectivity)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", quote_rows)
            # its own failures: under its source, and under its doc_id but a timeout
            # of other content (another page of the same file name) (see forget_failures)
            conn.executemany("DELETE FROM failures WHERE source = ? OR (doc_id = ? AND "
                             "(timeout IS NULL OR content_hash = ?))", failures)
            conn.execute("UPDATE state SET value = value + 1 WHERE key = 'analysis_epoch'")
        return len(quote_rows)

    def record_failure(self, source: str, reason: str, doc_id: str | None = None,
                       pipeline_version: str | None = None, content_hash: str | None = None,
                       timeout: float | None = None, timeout_runs: int | None = None) -> None:
        """Record an input that could not be analysed (replacing an earlier record of it).

        Args:
            source: where it came from ("path", "path:line", or the doc_id).
            reason: what went wrong, for the user.
            doc_id: the document id, when the input was read as a document or
                is a page (its document's id). A timeout with a doc_id replaces
                the timeout of the same content recorded under another source
                (the same page or file by another path, or at another JSONL
                line), with this doc_id or none (a page's, from before pages
                kept theirs); a timeout of other content with this doc_id stays
                (two pages that share a file name in different folders).
            pipeline_version: defaults to :func:`quotes.version.pipeline_version`.
            content_hash, timeout: for an input whose analysis (or page extraction)
                took longer than ``timeout`` seconds: the content it did so on
                (see :meth:`timeouts`).
            timeout_runs: for such an input, how many runs in a row it took
                longer in, with this content and a limit no larger (default 1).
        """
        if timeout is not None and timeout_runs is None:
            timeout_runs = 1
        with self._transaction() as conn:
            if timeout is not None and doc_id is not None:
                conn.execute("DELETE FROM failures WHERE (doc_id = ? OR doc_id IS NULL) AND source != ? "
                             "AND timeout IS NOT NULL AND content_hash = ?", (doc_id, source, content_hash))
            conn.execute("INSERT OR REPLACE INTO failures (source, doc_id, reason, pipeline_version, failed_at, "
                         "content_hash, timeout, timeout_runs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (source, doc_id, reason, pipeline_version or _pipeline_version(), _now(),
                          content_hash, timeout, timeout_runs if timeout is not None else None))

    def forget_failures(self, doc_id: str, source: str | None = None, hashes: Iterable[str | None] = (),
                        keep: str | None = None) -> None:
        """Remove the failures recorded for a document that is now fine: those
        under its source, and those that are its own under its doc_id (a failure
        that is not a timeout) or under its doc_id or none (a timeout of one of
        ``hashes``: its text's, or its page's bytes'). A timeout of other
        content under another source is another input's, though its doc_id is
        the same (a page of the same file name in another folder): it stays.

        Args:
            doc_id, source: the document.
            hashes: the content hashes that are this document's (None: ignored).
            keep: when the document itself is still to be analysed (its page's
                extraction has finished now, or its text changed): only
                timeouts go, and not those of this ``content_hash`` (its text's:
                they count the runs of its analysis).
        """
        own = [h for h in hashes if h is not None and h != keep]
        marks = ", ".join("?" * len(own)) or "NULL"
        with self._transaction() as conn:
            if keep is None:
                conn.execute(f"DELETE FROM failures WHERE source = ? OR (doc_id = ? AND timeout IS NULL) "
                             f"OR ((doc_id = ? OR doc_id IS NULL) AND timeout IS NOT NULL "
                             f"AND content_hash IN ({marks}))", (source, doc_id, doc_id, *own))
            else:
                conn.execute(f"DELETE FROM failures WHERE timeout IS NOT NULL AND "
                             f"((source = ? AND content_hash IS NOT ?) "
                             f"OR ((doc_id = ? OR doc_id IS NULL) AND content_hash IN ({marks})))",
                             (source, keep, doc_id, *own))

    def failure_keys(self) -> set[str]:
        """The doc_ids and sources that have a failure recorded."""
        return {key for row in self.conn.execute("SELECT doc_id, source FROM failures") for key in row
                if key is not None}

    def timeouts(self, pipeline_version: str | None = None) -> dict[tuple[str, str], tuple[float, int]]:
        """The inputs that took longer than their time limit with this pipeline
        version: ``{(doc_id, content_hash): (timeout, timeout_runs)}``, by content
        too (two pages of the same file name in different folders have one doc_id
        and a count each); a page's record from before pages kept their doc_id
        is under its source (the path as given)."""
        version = pipeline_version or _pipeline_version()
        rows = self.conn.execute("SELECT source, doc_id, content_hash, timeout, timeout_runs FROM failures "
                                 "WHERE timeout IS NOT NULL AND pipeline_version = ?", (version,))
        return {(doc_id or source, digest): (timeout, runs or 1) for source, doc_id, digest, timeout, runs in rows}

    def failures(self) -> list[dict[str, Any]]:
        """Every recorded failure: source, doc_id, reason, pipeline_version, failed_at,
        and for one that ran out of time its content_hash, timeout and timeout_runs
        (else None)."""
        return [dict(r) for r in self.conn.execute("SELECT * FROM failures ORDER BY source")]

    # --- speakers ---------------------------------------------------------------

    def resolve_speakers(self, force: bool = False) -> int:
        """Recompute corpus-level speaker identity from every stored quote.

        Runs only when documents were written since the last resolution (or with
        ``force``). Queries call it themselves, so results are never stale.

        Returns:
            The number of speakers.
        """
        if self.readonly:
            return self._resolve_speakers_in_memory(force)
        with self._transaction() as conn:
            epoch, stale = self._speakers_stale(conn)
            if force or stale:
                self._fill_speakers(conn, "main")
                conn.execute("UPDATE state SET value = ? WHERE key = 'speakers_epoch'", (epoch,))
                conn.execute("INSERT OR REPLACE INTO state VALUES ('speaker_rules', ?)", (_speaker_rules(),))
            return conn.execute("SELECT COUNT(*) FROM speakers").fetchone()[0]

    @staticmethod
    def _speakers_stale(conn: sqlite3.Connection) -> tuple[int, bool]:
        """The analysis epoch, and whether the stored speakers are out of date:
        documents were written since they were resolved, or they were resolved
        by other speaker rules (``speaker_rules`` in ``state``: a database
        written by an older version has another value, or none)."""
        state = dict(conn.execute("SELECT key, value FROM main.state"))
        epoch = state["analysis_epoch"]
        return epoch, epoch != state["speakers_epoch"] or state.get("speaker_rules") != _speaker_rules()

    def _resolve_speakers_in_memory(self, force: bool) -> int:
        """Read-only: when the stored speakers are stale, resolve them into TEMP
        tables of the same names, which shadow the file's in every query."""
        conn = self.conn
        epoch, stale = self._speakers_stale(conn)
        if (force or stale) and self._resolved_epoch != epoch:
            conn.execute("BEGIN")
            try:
                for sql in ("CREATE TEMP TABLE IF NOT EXISTS speakers "
                            "(speaker_id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL)",
                            "CREATE TEMP TABLE IF NOT EXISTS speaker_aliases (speaker_id TEXT NOT NULL, "
                            "alias TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (speaker_id, alias))",
                            f"CREATE TEMP TABLE IF NOT EXISTS speaker_names {_SPEAKER_NAMES}"):
                    conn.execute(sql)
                self._fill_speakers(conn, "temp")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            self._resolved_epoch = epoch
        return conn.execute("SELECT COUNT(*) FROM speakers").fetchone()[0]

    @staticmethod
    def _fill_speakers(conn: sqlite3.Connection, schema: str) -> None:
        """Recompute the speaker tables of ``schema`` ("main" or "temp") from the quotes."""
        from quotes.corpus.speakers import resolve_speakers

        rows = conn.execute(
            "SELECT doc_id, speaker, speaker_mention FROM main.quotes WHERE speaker IS NOT NULL")
        def text_of(doc_id: str) -> str | None:
            row = conn.execute("SELECT text FROM main.document_texts WHERE doc_id = ?", (doc_id,)).fetchone()
            return row[0] if row else None

        resolution = resolve_speakers((tuple(r) for r in rows), text_of=text_of)
        for table in ("speakers", "speaker_aliases", "speaker_names"):
            conn.execute(f"DELETE FROM {schema}.{table}")
        # a name kept per article is a speaker in each article that uses it
        local = sorted(resolution.per_article)
        uses: list[tuple[str, str]] = []
        for i in range(0, len(local), 500):
            chunk = local[i:i + 500]
            uses += conn.execute(f"SELECT DISTINCT doc_id, speaker FROM main.quotes WHERE speaker IN "
                                 f"({','.join('?' * len(chunk))})", chunk).fetchall()
        # (an article's names shown alike, "Bob" and "Bob's", are one speaker)
        local_speakers = {s.speaker_id: s for s in (resolution.speaker_at(d, n) for d, n in sorted(map(tuple, uses)))}
        speakers = list(resolution.speakers.values()) + list(local_speakers.values())
        conn.executemany(f"INSERT INTO {schema}.speakers VALUES (?, ?, ?)",
                         ((s.speaker_id, s.name, s.kind) for s in speakers))
        conn.executemany(f"INSERT INTO {schema}.speaker_aliases VALUES (?, ?, ?)",
                         ((s.speaker_id, a, i) for s in speakers for i, a in enumerate(s.aliases)))
        conn.executemany(f"INSERT INTO {schema}.speaker_names VALUES (?, '', ?)",
                         resolution.assignments.items())
        conn.executemany(f"INSERT INTO {schema}.speaker_names VALUES (?, ?, ?)",
                         ((n, d, resolution.speaker_id(d, n)) for d, n in uses))

    def speakers(self, sort: str = "quotes", top: int | None = None) -> list[dict[str, Any]]:
        """One row per speaker, with counts, dates and tone aggregates.

        Args:
            sort: ``"quotes"``, ``"articles"`` (most first), ``"regret"`` or
                ``"shock"`` (highest mean first; speakers without tone last).
            top: keep only the first ``top`` rows.

        Returns:
            Dicts with the keys of :data:`SPEAKER_COLUMNS`: ``aliases`` is a list
            (canonical name first); ``first_date``/``last_date`` are the smallest
            and largest document ``date`` strings (ISO dates sort correctly);
            tone aggregates and the top quotes are None when no quote has tone.

        Raises:
            StoreError: for an unknown ``sort``.
        """
        if sort not in SPEAKER_SORTS:
            raise StoreError(f"unknown sort {sort!r}; choose one of {', '.join(SPEAKER_SORTS)}")
        self.resolve_speakers()
        order = {
            "quotes": "quotes DESC, articles DESC",
            "articles": "articles DESC, quotes DESC",
            "regret": "regret_mean IS NULL, regret_mean DESC, quotes DESC",
            "shock": "shock_mean IS NULL, shock_mean DESC, quotes DESC",
        }[sort]
        limit = "" if top is None else f"LIMIT {max(0, int(top))}"
        rows = self.conn.execute(f"""
            SELECT s.speaker_id, s.name, COUNT(*) AS quotes, COUNT(DISTINCT q.doc_id) AS articles,
                   MIN(d.date) AS first_date, MAX(d.date) AS last_date,
                   AVG(q.regret) AS regret_mean, MAX(q.regret) AS regret_max,
                   AVG(q.shock) AS shock_mean, MAX(q.shock) AS shock_max,
                   AVG(q.polarity) AS polarity_mean
            FROM quotes q
            JOIN speaker_names n ON {_NAME_JOIN}
            JOIN speakers s ON s.speaker_id = n.speaker_id
            JOIN documents d ON d.doc_id = q.doc_id
            GROUP BY s.speaker_id
            ORDER BY {order}, s.name, s.speaker_id
            {limit}""").fetchall()
        ids = [r["speaker_id"] for r in rows]
        aliases = self._aliases(ids)
        top_regret = self._top_quotes("regret", ids)
        top_shock = self._top_quotes("shock", ids)
        out = []
        for r in rows:
            sid = r["speaker_id"]
            row = dict(r)
            row["aliases"] = aliases.get(sid, [])
            row["top_regret_quote"], row["top_regret_doc_id"] = top_regret.get(sid, (None, None))
            row["top_shock_quote"], row["top_shock_doc_id"] = top_shock.get(sid, (None, None))
            out.append({k: row[k] for k in SPEAKER_COLUMNS})
        return out

    def aliases(self, ids: Iterable[str] | None = None) -> dict[str, list[str]]:
        """The names of each speaker (canonical name first), by speaker id: of
        ``ids``, or of every speaker."""
        self.resolve_speakers()
        if ids is None:
            ids = [r[0] for r in self.conn.execute("SELECT speaker_id FROM speakers")]
        return self._aliases(list(ids))

    def _aliases(self, ids: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for sid, alias in self._by_ids(
                "SELECT speaker_id, alias FROM speaker_aliases WHERE speaker_id IN ({}) "
                "ORDER BY speaker_id, position", ids):
            out.setdefault(sid, []).append(alias)
        return out

    def _top_quotes(self, field: str, ids: list[str]) -> dict[str, tuple[str, str]]:
        """The highest-scoring quote of each speaker (ties: first doc_id, then offset)."""
        sql = f"""
            SELECT speaker_id, text, doc_id FROM (
                SELECT n.speaker_id, q.text, q.doc_id, ROW_NUMBER() OVER (
                    PARTITION BY n.speaker_id ORDER BY q.{field} DESC, q.doc_id, q.start) AS rank
                FROM quotes q JOIN speaker_names n ON {_NAME_JOIN}
                WHERE q.{field} IS NOT NULL AND {{}})
            WHERE rank = 1"""
        if len(ids) <= _ID_SLICE:
            rows = self._by_ids(sql.format("n.speaker_id IN ({})"), ids)
        else:  # many speakers: one pass over the quotes, not one a slice of ids
            wanted = set(ids)
            rows = (r for r in self.conn.execute(sql.format("1")) if r[0] in wanted)
        return {sid: (text, doc_id) for sid, text, doc_id in rows}

    def _by_ids(self, sql: str, ids: list[str]) -> Iterator[tuple]:
        # SQLite caps bound parameters; query in slices
        for i in range(0, len(ids), _ID_SLICE):
            chunk = ids[i:i + _ID_SLICE]
            yield from self.conn.execute(sql.format(",".join("?" * len(chunk))), chunk)

    _SPEAKER_ID_QUERIES = ("SELECT speaker_id FROM speakers WHERE speaker_id = ?",
                           "SELECT speaker_id FROM speakers WHERE name = ? COLLATE NOCASE",
                           "SELECT DISTINCT speaker_id FROM speaker_aliases WHERE alias = ? COLLATE NOCASE")

    def speaker_ids(self, name: str) -> list[str]:
        """The speakers a user's ``--speaker`` value means.

        A speaker id, else the speakers whose canonical name is ``name`` (any
        case), else those having it among their aliases ("Trump" may be several).
        """
        self.resolve_speakers()
        return sorted(r[0] for r in self.conn.execute(self._speaker_ids_sql(name), (name,)))

    def _speaker_ids_sql(self, name: str) -> str:
        """The query (one parameter: ``name``) of :meth:`speaker_ids`: the first of
        its three ways that finds a speaker."""
        self.resolve_speakers()
        for sql in self._SPEAKER_ID_QUERIES:
            if self.conn.execute(sql + " LIMIT 1", (name,)).fetchone():
                return sql
        return self._SPEAKER_ID_QUERIES[0]

    # --- reading ----------------------------------------------------------------

    def quotes(self, speaker: str | None = None, doc: str | None = None,
               min_regret: float | None = None, min_shock: float | None = None,
               limit: int | None = None) -> list[dict[str, Any]]:
        """The attributed quotes, filtered; rows shaped like :meth:`export_rows`.

        Args:
            speaker: a speaker id, canonical name or alias (see :meth:`speaker_ids`).
            doc: a doc_id.
            min_regret, min_shock: keep quotes scoring at least this (quotes
                without tone are left out when either is given).
            limit: at most this many rows.

        Returns:
            Rows in document order (doc_id, then offset).
        """
        where, params = [], []
        if speaker is not None:
            # a subquery, not one bound parameter per id: a common given name is a
            # speaker per article (thousands of ids), past SQLite's variable limit
            where.append(f"n.speaker_id IN ({self._speaker_ids_sql(speaker)})")
            params.append(speaker)
        if doc is not None:
            where.append("q.doc_id = ?")
            params.append(doc)
        if min_regret is not None:
            where.append("q.regret >= ?")
            params.append(float(min_regret))
        if min_shock is not None:
            where.append("q.shock >= ?")
            params.append(float(min_shock))
        tail = f"LIMIT {max(0, int(limit))}" if limit is not None else ""
        return list(self._rows(" AND ".join(where), params, tail))

    def export_rows(self, with_text: bool = False) -> Iterator[dict[str, Any]]:
        """Every quote with every field (:data:`EXPORT_COLUMNS`), in document order.

        Rows hold no timestamps, so two databases built from the same inputs by
        the same pipeline export identical rows however their runs went.

        Args:
            with_text: add ``document_text``, the text the offsets index
                (``document_text[start:end] == text``; for HTML, the extracted text).
        """
        return self._rows("", [], "", with_text)

    def _rows(self, where: str, params: list, tail: str, with_text: bool = False) -> Iterator[dict[str, Any]]:
        self.resolve_speakers()
        sql = f"""
            SELECT q.quote_id, q.doc_id, d.title, d.date, d.url, d.outlet, d.source,
                   q.start, q."end", q.text, n.speaker_id, s.name AS speaker,
                   q.speaker AS article_speaker, q.speaker_mention, q.speaker_start, q.speaker_end,
                   q.cue, q.confidence, q.rule, q.regret, q.shock, q.polarity, q.subjectivity,
                   d.pipeline_version{", t.text AS document_text" if with_text else ""}
            FROM quotes q
            JOIN documents d ON d.doc_id = q.doc_id
            {"LEFT JOIN document_texts t ON t.doc_id = q.doc_id" if with_text else ""}
            LEFT JOIN speaker_names n ON {_NAME_JOIN}
            LEFT JOIN speakers s ON s.speaker_id = n.speaker_id
            {'WHERE ' + where if where else ''}
            ORDER BY q.doc_id, q.start, q."end"
            {tail}"""
        for r in self.conn.execute(sql, params):
            yield dict(r)

    def documents(self) -> list[dict[str, Any]]:
        """Every analysed document's row: doc_id, title, date, url, outlet, source,
        chars, quotes (the count), in doc_id order."""
        return [dict(r) for r in self.conn.execute(
            "SELECT doc_id, title, date, url, outlet, source, chars, quotes FROM documents ORDER BY doc_id")]

    def document_text(self, doc_id: str) -> str | None:
        """The stored text of a document (None when it is unknown or was stored
        before texts were kept: analyse it again to store it)."""
        row = self.conn.execute("SELECT text FROM document_texts WHERE doc_id = ?", (doc_id,)).fetchone()
        return None if row is None else row[0]

    def document_texts(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """The stored texts of several documents, by doc_id (unknown ones left out)."""
        return {doc_id: text for doc_id, text in self._by_ids(
            "SELECT doc_id, text FROM document_texts WHERE doc_id IN ({})", list(doc_ids))}

    def counts(self) -> dict[str, int]:
        """How many documents, quotes, speakers and failures the database holds."""
        self.resolve_speakers()
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("documents", "quotes", "speakers", "failures")}

    def export(self, output: str | Path | IO[str], fmt: str, with_text: bool = False) -> int:
        """Write :meth:`export_rows` to a file or an open text stream.

        Args:
            output: the file to write, or a text stream (jsonl, csv). A file is
                written beside its final name and renamed into place, so an
                interrupted export never leaves half a file.
            fmt: ``"jsonl"``, ``"csv"`` or ``"parquet"`` (needs pyarrow).
            with_text: add the ``document_text`` column (see :meth:`export_rows`).

        Returns:
            The number of rows written.

        Raises:
            StoreError: for an unknown format, parquet to a stream, parquet
                without pyarrow installed, or an output that cannot be written.
        """
        return export_to(self.export_rows(with_text), output, fmt, with_text)


def export_to(rows: Iterable[dict[str, Any]], output: str | Path | IO[str], fmt: str,
              with_text: bool = False) -> int:
    """Write export rows to a file or text stream (see :meth:`Store.export`);
    also what ``quotes export`` does with a Parquet dataset's rows."""
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    columns = [c for c, _ in EXPORT_COLUMNS] + ([TEXT_COLUMN[0]] if with_text else [])
    if not isinstance(output, (str, Path)):
        if fmt == "parquet":
            raise StoreError("parquet cannot be written to a text stream; give --output FILE")
        return write_rows(rows, output, fmt, columns)
    path = Path(output)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder; give --output a file name")
    if not path.parent.is_dir():
        raise StoreError(f"{path}: the folder {path.parent} does not exist; create it first")
    try:
        with replaced_atomically(path) as tmp:
            if fmt == "parquet":
                n = write_parquet(rows, tmp, with_text)
            else:
                with open(tmp, "w", encoding="utf-8", newline="") as fh:
                    n = write_rows(rows, fh, fmt, columns)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write the export ({exc.strerror or exc}); "
                         "choose an --output in a folder you may write") from None
    return n


def write_rows(rows: Iterable[dict[str, Any]], out: IO[str], fmt: str,
               columns: Sequence[str] | None = None) -> int:
    """Write rows as JSONL or CSV (header first) to a text stream.

    Args:
        rows: dicts (export rows unless ``columns`` says otherwise).
        out: the text stream.
        fmt: ``"jsonl"`` or ``"csv"``.
        columns: the CSV columns, in order (default: :data:`EXPORT_COLUMNS`;
            :data:`SPEAKER_COLUMNS` for ``speakers()`` rows).

    Returns:
        The number of rows written.
    """
    names = list(columns) if columns is not None else [c for c, _ in EXPORT_COLUMNS]
    writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore") if fmt == "csv" else None
    if writer:
        writer.writeheader()
    n = 0
    for row in rows:
        if writer:
            writer.writerow(row)
        else:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_parquet(rows: Iterable[dict[str, Any]], path: str | Path, with_text: bool = False) -> int:
    """Write export rows to a Parquet file with the typed :data:`EXPORT_COLUMNS` schema
    (and :data:`TEXT_COLUMN` when ``with_text``).

    Raises:
        StoreError: when pyarrow is not installed, saying how to install it.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError('parquet export needs pyarrow: pip install "quotes[parquet]"') from None
    columns = EXPORT_COLUMNS + ((TEXT_COLUMN,) if with_text else ())
    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in columns])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _EXPORT_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def _quote_row(doc_id: str, q: QuoteRecord | dict[str, Any]) -> tuple:
    d = q.to_full_dict() if isinstance(q, QuoteRecord) else q
    tone = d.get("tone") or {}
    start, end = int(d["start"]), int(d["end"])
    return (quote_id(doc_id, start, end), doc_id, start, end, d["text"], d.get("speaker"),
            d.get("speaker_mention"), d.get("speaker_start"), d.get("speaker_end"), d.get("cue"),
            d.get("confidence"), d.get("rule")) + tuple(tone.get(f) for f in _TONE_FIELDS)


def _pipeline_version() -> str:
    from quotes.version import pipeline_version

    return pipeline_version()

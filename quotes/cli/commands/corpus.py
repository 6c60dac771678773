"""``quotes analyse``, ``speakers``, ``list`` and ``export``: the corpus database."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from quotes.choices import ENGINES, EXPORT_FORMATS, SPEAKER_SORTS, START_METHODS
from quotes.cli.app import (ColumnsOption, ExtractorOption, IdColumn, TextColumn, app, choice, err,
                            named_input, read_options)
from quotes.cli.output import LIST_FORMATS, SPEAKER_FORMATS

DB_HELP = ("The SQLite database (created by `quotes analyse`); a folder is read as a Parquet dataset "
            "(`analyse --engine dask`).")
DATASET_HELP = "A Parquet dataset folder (written by `quotes analyse --engine dask --output DIR`)."


StartMethod = choice("StartMethod", START_METHODS)
SpeakerSort = choice("SpeakerSort", SPEAKER_SORTS)
SpeakerFormat = choice("SpeakerFormat", SPEAKER_FORMATS)
ListFormat = choice("ListFormat", LIST_FORMATS)
ExportFormat = choice("ExportFormat", EXPORT_FORMATS)
Engine = choice("Engine", ENGINES)


def _store_errors(run, db: Path):
    """Call ``run()``; a database or project error becomes one line on stderr
    naming the database and what to do, and exit code 1 (never a traceback)."""
    import sqlite3

    from quotes.corpus.store import database_error
    from quotes.errors import QuotesError

    try:
        return run()
    except QuotesError as exc:
        err(f"error: {exc}")
    except sqlite3.Error as exc:
        err(f"error: {database_error(str(db), exc)}")
    except OSError as exc:  # a folder on the way that may not be read
        err(f"error: {exc.filename or db}: {exc.strerror or exc}")
    raise typer.Exit(code=1)


store_errors = _store_errors  # the report command's too


def _read_store(db: Path, query, dataset: Path | None = None):
    """``query(store)`` on the database opened read-only (see ``_store_errors``),
    or on the Parquet dataset ``dataset`` (or ``db`` when it is a folder)."""
    from quotes.corpus.store import Store

    where = dataset or db

    def run():
        if dataset is not None or db.is_dir():
            from quotes.corpus.dataset import Dataset

            with Dataset(where) as data:
                return query(data)
        with Store(db, readonly=True) as store:
            return query(store)

    return _store_errors(run, where)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)


# Tables fit an 80-column terminal: (row key, header, width), two spaces between.
SPEAKER_TABLE = (("name", "name", 24), ("quotes", "quotes", 6), ("articles", "articles", 8),
                 ("regret_mean", "regret", 6), ("shock_mean", "shock", 5), ("aliases", "aliases", 21))
LIST_TABLE = (("speaker", "speaker", 18), ("doc_id", "doc_id", 14), ("regret", "regret", 6),
              ("shock", "shock", 5), ("text", "quote", 27))
TABLE_WIDTH = 80


def _print_table(rows: list[dict], columns: tuple[tuple[str, str, int], ...]) -> None:
    from quotes.cli.output import shorten

    sys.stdout.write("  ".join(f"{head:<{w}}" for _, head, w in columns).rstrip() + "\n")
    for row in rows:
        cells = [f"{shorten(_cell(row.get(key)), w):<{w}}" for key, _, w in columns]
        sys.stdout.write("  ".join(cells).rstrip() + "\n")


@app.command()
def analyse(
    paths: Annotated[list[str], typer.Argument(
        help="Articles: .txt, .jsonl, .html/.htm/.html.gz, .warc(.gz)/.arc(.gz), .csv or .parquet "
             "files, folders, or - for stdin.")],
    db: Annotated[Path, typer.Option("--db", help="The SQLite database to add to.")] = Path("quotes.db"),
    workers: Annotated[Optional[int], typer.Option(
        "--workers", min=1, help="Worker processes (default: the number of cores).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 if any input failed.")] = False,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar.")] = False,
    start_method: Annotated[Optional[StartMethod], typer.Option(
        "--start-method", help="How worker processes start (default: spawn).")] = None,
    timeout: Annotated[Optional[float], typer.Option(
        "--timeout", min=0, help="Seconds one document's analysis (or one page's extraction) may take "
        "(default: 60; 0: no limit); one that takes longer is recorded as a failure, its worker "
        "replaced, and the batch goes on. A rerun with the same or a smaller limit tries it once "
        "more, and leaves it after two such runs in a row.")] = None,
    text_column: TextColumn = None,
    id_column: IdColumn = None,
    columns: ColumnsOption = None,
    html_extractor: ExtractorOption = None,
    engine: Annotated[Engine, typer.Option(
        "--engine", help="local: worker processes into --db; dask: a Dask cluster into the "
        "Parquet dataset --output (pip install \"quotes[dask]\").")] = Engine.local,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="--engine dask: the Parquet dataset folder (created; a rerun resumes it).")
    ] = None,
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", help="--engine dask: a Dask scheduler address (tcp://host:8786); "
        "default: a local cluster.")] = None,
    local_workers: Annotated[Optional[int], typer.Option(
        "--local-workers", min=1, help="--engine dask without --scheduler: worker processes "
        "(default: the number of cores).")] = None,
    partition_size: Annotated[Optional[int], typer.Option(
        "--partition-size", min=1, help="--engine dask: documents per partition, one task (default: 500, "
        "fewer for an input under 8,000 documents).")] = None,
) -> None:
    """Analyse articles into a database: quotes, speakers and tone, resumable.

    Documents already analysed with the same content and pipeline version are
    skipped, so running the same command again only does what is left (also
    after Ctrl-C or a crash). Inputs that fail are recorded with their reason.

    Example: quotes analyse corpora/ --db quotes.db && quotes speakers --db quotes.db

    On a Dask cluster, into a Parquet dataset: quotes analyse corpora/ --engine dask
    --local-workers 2 --output quotes-dataset/ (or --scheduler tcp://host:8786).
    """
    options = read_options(text_column, id_column, columns, html_extractor)
    # A path that does not exist is a typo, not an input: said at once, and no
    # database is created for a run that has nothing to read.
    missing = [p for p in paths if p != "-" and not Path(p).exists()
               and not (engine == Engine.dask and "://" in p)]  # fsspec URLs are read by the workers
    for path in missing:
        err(f"error: {path}: no such file or folder")
    paths = [p for p in paths if p not in missing]
    if not paths:
        raise typer.Exit(code=1)
    if engine == Engine.dask:
        if timeout is not None:
            err("error: --timeout goes with --engine local (a Dask worker cannot stop a task that runs)")
            raise typer.Exit(code=2)
        _analyse_dask(paths, missing, output, scheduler, local_workers, partition_size, strict, no_progress,
                      options)
        return
    if output is not None or scheduler or local_workers:
        err("error: --output, --scheduler and --local-workers go with --engine dask")
        raise typer.Exit(code=2)
    from quotes.corpus.batch import DEFAULT_TIMEOUT, analyse_paths

    summary = _store_errors(lambda: analyse_paths(
        paths, db, workers=workers, progress=not no_progress,
        start_method=start_method.value if start_method else None, options=options,
        timeout=DEFAULT_TIMEOUT if timeout is None else timeout), db)
    typer.echo(summary.format())
    named_failures = [f for f in summary.failed if named_input(f.source, paths)]
    for failure in named_failures:
        err(f"error: {failure.source}: {failure.reason}")
    if summary.interrupted:
        raise typer.Exit(code=130)
    if missing or named_failures or (strict and summary.failed):
        raise typer.Exit(code=1)


def _analyse_dask(paths: list[str], missing: list[str], output: Path | None, scheduler: str | None,
                  local_workers: int | None, partition_size: int | None, strict: bool, no_progress: bool,
                  options) -> None:
    if output is None:
        err("error: --engine dask writes a Parquet dataset: give --output DIR")
        raise typer.Exit(code=2)
    if "-" in paths:
        err("error: --engine dask reads files and folders, not standard input")
        raise typer.Exit(code=2)
    if scheduler and local_workers:
        err("error: --local-workers is for the local cluster; a --scheduler has its own workers")
        raise typer.Exit(code=2)
    from quotes.corpus.distributed import analyse_dask, input_files

    for path in paths:
        if "://" not in path and Path(path).is_dir() and not input_files([path]):
            err(f"error: {path}: no .txt or .jsonl files in this folder")
            missing.append(path)
    paths = [p for p in paths if p not in missing]
    if not paths:
        raise typer.Exit(code=1)
    summary = _store_errors(lambda: analyse_dask(
        paths, output, scheduler=scheduler, local_workers=local_workers, partition_size=partition_size,
        progress=not no_progress, options=options), output)
    typer.echo(summary.format())
    named = [f for f in summary.failed if named_input(f["source"], paths)]
    for failure in named:
        err(f"error: {failure['source']}: {failure['reason']}")
    if missing or named or summary.lost_partitions or (strict and summary.failed):
        raise typer.Exit(code=1)


@app.command()
def speakers(
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("quotes.db"),
    dataset: Annotated[Optional[Path], typer.Option("--dataset", help=DATASET_HELP)] = None,
    sort: Annotated[SpeakerSort, typer.Option("--sort", help="Order speakers by this, largest first.")
                    ] = SpeakerSort.quotes,
    top: Annotated[int, typer.Option(
        "--top", min=0, help="Show only the first N speakers; 0 shows them all.")] = 20,
    fmt: Annotated[SpeakerFormat, typer.Option("--format", "-f", help="Output format.")] = SpeakerFormat.table,
) -> None:
    """One row per speaker across the corpus: quotes, articles, dates and tone.

    Shows the first 20 speakers (--top 0: all of them). The JSON and CSV columns:
    speaker_id, name, aliases, quotes, articles, first_date, last_date,
    regret_mean, regret_max, shock_mean, shock_max, polarity_mean, and the most
    regretful and most shocked quote with its doc_id; the table shows the name,
    counts, mean regret and shock, and aliases.

    Example: quotes speakers --db quotes.db --sort regret --top 0
    """
    from quotes.corpus.store import SPEAKER_COLUMNS, write_rows

    rows = _read_store(db, lambda store: store.speakers(sort=sort.value), dataset)
    if top and len(rows) > top:
        err(f"showing the first {top} of {len(rows)} speakers; --top 0 shows them all")
        rows = rows[:top]
    if fmt == SpeakerFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False))
    elif fmt == SpeakerFormat.csv:
        write_rows(({k: _cell(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows),
                   sys.stdout, "csv", columns=SPEAKER_COLUMNS)
    else:
        _print_table(rows, SPEAKER_TABLE)


@app.command("list")
def list_quotes(
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("quotes.db"),
    dataset: Annotated[Optional[Path], typer.Option("--dataset", help=DATASET_HELP)] = None,
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="A speaker id, name or alias.")] = None,
    doc: Annotated[Optional[str], typer.Option("--doc", help="Only this document.")] = None,
    min_regret: Annotated[Optional[float], typer.Option(
        "--min-regret", min=0.0, max=1.0, help="Only quotes whose regret is at least this (0 to 1).")] = None,
    min_shock: Annotated[Optional[float], typer.Option(
        "--min-shock", min=0.0, max=1.0, help="Only quotes whose shock is at least this (0 to 1).")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """List the attributed quotes in the database, filtered.

    When no quote matches, a "no quotes match" line goes to stderr (exit code
    0): the table prints nothing, CSV only its header, JSONL nothing.

    Example: quotes list --db quotes.db --speaker "Anthony Blunt" --min-regret 0.5
    """
    from quotes.corpus.store import write_rows

    rows = _read_store(db, lambda store: store.quotes(speaker=speaker, doc=doc, min_regret=min_regret,
                                                      min_shock=min_shock), dataset)
    if not rows:
        # said on stderr, so that the JSONL/CSV on stdout stays what it is
        err(_no_match(dataset or db, speaker, doc, min_regret, min_shock))
        if fmt == ListFormat.table:
            return
    if fmt == ListFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == ListFormat.csv:
        write_rows(rows, sys.stdout, "csv")
    else:
        _print_table(rows, LIST_TABLE)


def _no_match(db: Path, speaker, doc, min_regret, min_shock) -> str:
    filters = [f"{name} {value!r}" for name, value in (
        ("--speaker", speaker), ("--doc", doc), ("--min-regret", min_regret), ("--min-shock", min_shock))
        if value is not None]
    return f"no quotes match {', '.join(filters)} in {db}" if filters else f"no quotes in {db}"


@app.command()
def export(
    output: Annotated[str, typer.Option("--output", "-o", help="File to write, or - for stdout.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl, csv or parquet.")],
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("quotes.db"),
    dataset: Annotated[Optional[Path], typer.Option("--dataset", help=DATASET_HELP)] = None,
    with_text: Annotated[bool, typer.Option(
        "--with-text", help="Add document_text: the article text the offsets index "
                            "(for HTML, the extracted text).")] = False,
) -> None:
    """Export every quote with all its fields, one row per quote, for research datasets.

    Parquet needs pyarrow: pip install "quotes[parquet]". The columns are
    documented in the README.

    Example: quotes export --db quotes.db --format parquet --output quotes.parquet
    """
    n = _read_store(db, lambda store: store.export(sys.stdout if output == "-" else output, fmt.value,
                                                   with_text), dataset)
    err(f"exported {n} quotes to {output}")

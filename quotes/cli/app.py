"""The Typer application and what every command shares (formats, messages)."""
from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from collections.abc import Sequence
from typing import Annotated, Any, Optional

import typer

from quotes.choices import HTML_EXTRACTORS
from quotes.cli.output import FORMATS, REPORT_FORMATS
from quotes.version import __version__

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    # Plain help: Typer's rich panels import rich's markdown stack (about a
    # quarter of a second) before printing a line.
    rich_markup_mode=None,
    help="Find direct quotes in news articles, name who said them, score their tone "
         "and aggregate per speaker.\n\nExample: quotes extract corpora/",
)


def choice(name: str, values: Sequence[str]) -> Any:
    """An option type for Typer whose values are ``values``: the tuple the
    library defines (in :mod:`quotes.choices` or :mod:`quotes.cli.output`)."""
    return Enum(name, {value: value for value in values}, type=str)


ExtractFormat = choice("ExtractFormat", FORMATS)
ReportFormat = choice("ReportFormat", REPORT_FORMATS)
HtmlExtractor = choice("HtmlExtractor", HTML_EXTRACTORS)

# The options of the commands that read articles (extract, analyse) for tables and HTML.
TextColumn = Annotated[Optional[str], typer.Option(
    "--text-column", help="CSV/Parquet: the column with the article text (default: text).")]
IdColumn = Annotated[Optional[str], typer.Option(
    "--id-column", help="CSV/Parquet: the column with the document id (default: doc_id or id; else FILE:ROW).")]
ColumnsOption = Annotated[Optional[str], typer.Option(
    "--columns", help="CSV/Parquet: other fields' columns as FIELD=COLUMN,... (fields: text, html, "
                      "doc_id, title, date, url, outlet), e.g. title=headline,date=published.")]
ExtractorOption = Annotated[Optional[HtmlExtractor], typer.Option(  # type: ignore[valid-type]
    "--html-extractor", help="HTML pages: the main-content extractor (default: trafilatura).")]


def read_options(text_column: str | None, id_column: str | None, columns: str | None,
                 extractor: Any) -> Any:
    """The :class:`quotes.corpus.ingest.ReadOptions` of the reading options;
    a bad ``--columns`` is a usage error."""
    from quotes.corpus.ingest import ReadOptions
    from quotes.corpus.tables import Columns

    try:
        cols = Columns.parse(text_column, id_column, columns)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--columns") from None
    return ReadOptions(columns=cols, extractor=extractor.value if extractor else HTML_EXTRACTORS[0])


def err(message: str) -> None:
    """Print a message on stderr (data goes to stdout)."""
    typer.echo(message, err=True)


def named_input(source: str, named: Sequence[str]) -> bool:
    """True when a failed input ``source`` ("path" or "path:line") is, or is in,
    a path named on the command line (stdin counts as named): such a failure
    makes the command exit 1; a bad file found inside a named folder does not."""
    root = source.rsplit(":", 1)[0] if ":" in source else source
    names = {form for raw in named for form in (raw, str(Path(raw)))}
    return source in names or root in names or (root == "<stdin>" and "-" in names)


def shared_dir() -> Path:
    """Where the development data lives: $QUOTES_SHARED, else ../shared."""
    return Path(os.environ.get("QUOTES_SHARED", "../shared"))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quotes {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Find direct quotes in news articles, name who said them, and score them.

    Example: quotes extract corpora/ --format jsonl
    """

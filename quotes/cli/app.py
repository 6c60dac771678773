"""The Typer application and what every command shares (formats, messages)."""
from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from collections.abc import Sequence
from typing import Annotated, Any

import typer

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

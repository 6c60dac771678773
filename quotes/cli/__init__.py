"""The ``quotes`` command line: a thin layer over the Python API.

Each command lives in a module of :mod:`quotes.cli.commands` and registers itself on
the shared Typer app; heavy modules are imported inside the commands, so
``quotes --help`` stays quick.
"""
from __future__ import annotations

from quotes.cli.app import app
from quotes.cli.commands import corpus as _corpus  # noqa: F401  (registers commands)
from quotes.cli.commands import extract as _extract  # noqa: F401
from quotes.cli.commands import report as _report  # noqa: F401
from quotes.cli.commands import tone as _tone  # noqa: F401
from quotes.cli.commands import train as _train  # noqa: F401

__all__ = ["app"]

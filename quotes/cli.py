"""The ``quotes`` command line: a thin layer over the Python API.

Each command lives in a module of :mod:`quotes.commands` and registers itself on
the shared Typer app; heavy modules are imported inside the commands, so
``quotes --help`` stays quick.
"""
from __future__ import annotations

from .cli_app import app
from .commands import corpus as _corpus  # noqa: F401  (registers commands)
from .commands import extract as _extract  # noqa: F401
from .commands import tone as _tone  # noqa: F401
from .commands import train as _train  # noqa: F401

__all__ = ["app"]

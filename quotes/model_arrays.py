"""The shipped models' scoring form: numpy arrays plus JSON settings in one ``.npz`` file.

Each trained model is kept twice in ``models/``: the fitted scikit-learn object
in a ``.skops`` file (the model of record, for training, inspection and the
equivalence tests) and, written from it at training time, the arrays that
scoring needs in a ``.npz`` file. ``quotes extract`` loads only the ``.npz``:
numpy reads it with ``allow_pickle=False`` (plain arrays, no code), and no
scikit-learn, scipy or skops import is needed, which is most of the start-up
time otherwise (about two seconds).
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from quotes.errors import ModelError
from quotes.resources import models_dir

# Bumped when the layout of the arrays changes; a file of another format is refused.
FORMAT = 1
_META = "__meta__"


def arrays_path(name: str, folder: Path | None = None) -> Path:
    """The ``.npz`` file of a shipped model (``attribution`` or ``tone``)."""
    return (Path(folder) if folder is not None else models_dir()) / f"{name}.npz"


def save_arrays(path: Path, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> Path:
    """Write ``arrays`` and the JSON-safe ``meta`` to one compressed ``.npz`` file."""
    if _META in arrays:
        raise ValueError(f"{_META} is reserved")
    blob = json.dumps({"format": FORMAT, **meta}, sort_keys=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload: dict[str, Any] = {_META: np.array(blob), **arrays}
    np.savez_compressed(path, **payload)
    return path


def load_arrays(path: Path) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Read a file :func:`save_arrays` wrote.

    Raises:
        ModelError: the file is missing, unreadable, or of another format.
    """
    return _load(path, with_arrays=True)


def load_meta(path: Path) -> dict[str, Any]:
    """The JSON settings of a file :func:`save_arrays` wrote, without its arrays.

    Raises:
        ModelError: the file is missing, unreadable, or of another format.
    """
    return _load(path, with_arrays=False)[1]


def _load(path: Path, with_arrays: bool) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    if not path.exists():
        raise ModelError(f"{path}: model missing; run `quotes train {path.stem}` to build it")
    arrays: dict[str, np.ndarray] = {}
    try:
        with np.load(path, allow_pickle=False) as data:
            if with_arrays:
                arrays = {name: data[name] for name in data.files if name != _META}
            meta = json.loads(str(data[_META]))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: cannot read the model ({type(exc).__name__}: {exc})") from exc
    if meta.get("format") != FORMAT:
        raise ModelError(f"{path}: model format {meta.get('format')} is not {FORMAT}; "
                         f"run `quotes train {path.stem}` to rebuild it")
    return arrays, meta

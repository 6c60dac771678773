"""Files that readers never see half-written.

Every file the package writes for a user or for a later run (exports, the
report, a Dask dataset's partitions and markers) is written to a temporary
name beside its final name and renamed into place: ``os.replace`` is atomic
on one file system, so a reader, a crash or a killed worker leaves either the
old file or the whole new one, never a torn one. The temporary name starts
with a dot (hidden from ``*.parquet`` globs) and carries a random part when
several processes may write the same name at once.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replaced_atomically(path: Path, *, unique: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends without an
    error, rename it onto ``path``. The temporary file is removed in every case
    (an error in the block, or in the rename, propagates unchanged)."""
    part = f".{uuid.uuid4().hex}" if unique else ""
    tmp = path.with_name(f".{path.name}{part}.part")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()

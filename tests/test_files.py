"""Files are replaced whole or not at all (quotes/files.py)."""
from __future__ import annotations

import pytest

from quotes.files import replaced_atomically


def test_the_new_file_replaces_the_old_one_and_no_temporary_file_stays(tmp_path):
    path = tmp_path / "out.csv"
    path.write_text("old")
    with replaced_atomically(path) as tmp:
        assert tmp.parent == path.parent and tmp.name.startswith(".")
        tmp.write_text("new")
        assert path.read_text() == "old"  # readers see the old file until the rename
    assert path.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


@pytest.mark.parametrize("existed", [True, False])
def test_an_error_while_writing_keeps_the_old_file_and_removes_the_temporary_one(tmp_path, existed):
    path = tmp_path / "out.csv"
    if existed:
        path.write_text("old")
    with pytest.raises(RuntimeError, match="disk full"):
        with replaced_atomically(path) as tmp:
            tmp.write_text("half")
            raise RuntimeError("disk full")
    assert (path.read_text() if existed else path.exists()) == ("old" if existed else False)
    assert sorted(p.name for p in tmp_path.iterdir()) == (["out.csv"] if existed else [])


def test_unique_temporary_names_let_two_writers_work_beside_each_other(tmp_path):
    path = tmp_path / "part-0.parquet"
    with replaced_atomically(path, unique=True) as first, replaced_atomically(path, unique=True) as second:
        assert first != second
        first.write_text("a")
        second.write_text("b")
    assert path.read_text() == "a"  # the outer block renames last: the last rename wins whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["part-0.parquet"]

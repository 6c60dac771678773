"""Snapshot what the pipeline outputs, to show a refactor changed nothing.

Writes, for each input set, ``quotes extract --format jsonl --explain`` and the
``quotes export --format jsonl`` of a database analysed from it, then prints
their SHA-256 digests. Run it before and after a change and compare:

    python benchmarks/same_outputs.py --out /tmp/before
    ... change ...
    python benchmarks/same_outputs.py --out /tmp/after --compare /tmp/before

Sets: ``corpora/`` always; PolNeAR dev and the first 200 PolNeAR train articles
when ``../shared`` (or $QUOTES_SHARED) is present.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _sets(work: Path) -> dict[str, Path]:
    corpora = work / "corpora"
    shutil.rmtree(corpora, ignore_errors=True)
    shutil.copytree(ROOT / "corpora", corpora)
    sets = {"corpora": corpora}
    shared = Path(os.environ.get("QUOTES_SHARED", ROOT.parent / "shared")) / "data" / "quotes"
    if (shared / "polnear-dev.jsonl").exists():
        sets["polnear-dev"] = shared / "polnear-dev.jsonl"
        head = work / "polnear-train-200.jsonl"
        with open(shared / "polnear-train.jsonl", encoding="utf-8") as src:
            head.write_text("".join(line for _, line in zip(range(200), src)), encoding="utf-8")
        sets["polnear-train-200"] = head
    return sets


def _run(*args: str) -> bytes:
    return subprocess.run([sys.executable, "-m", "quotes", *args], check=True,
                          capture_output=True, cwd=ROOT).stdout


def snapshot(out: Path) -> dict[str, str]:
    out.mkdir(parents=True, exist_ok=True)
    digests = {}
    # A fixed folder: the export's `source` column names the input's path.
    work = Path(tempfile.gettempdir()) / "quotes-same-outputs"
    work.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in _sets(work).items():
            extracted = _run("extract", str(path), "--format", "jsonl", "--explain")
            db = Path(tmp) / f"{name}.db"
            # one worker: documents are stored in input order, so averages sum in one order
            _run("analyse", str(path), "--db", str(db), "--workers", "1")
            export = Path(tmp) / f"{name}.export.jsonl"
            _run("export", "--db", str(db), "--format", "jsonl", "--output", str(export))
            speakers = _run("speakers", "--db", str(db), "--format", "json", "--top", "0")
            for kind, data in (("extract", extracted), ("export", export.read_bytes()),
                               ("speakers", speakers)):
                (out / f"{name}.{kind}").write_bytes(data)
                digests[f"{name}.{kind}"] = hashlib.sha256(data).hexdigest()
    return digests


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="folder for the outputs")
    ap.add_argument("--compare", type=Path, help="an earlier --out folder to compare with")
    args = ap.parse_args()
    digests = snapshot(args.out)
    differ = 0
    for name, digest in digests.items():
        line = f"{digest[:16]}  {name}"
        if args.compare is not None:
            before = args.compare / name
            same = before.exists() and before.read_bytes() == (args.out / name).read_bytes()
            differ += not same
            line += "  same" if same else "  DIFFERENT"
        print(line)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

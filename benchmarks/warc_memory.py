"""Peak memory of ``quotes analyse`` on a large web archive, against one a tenth its size.

Usage:
    python benchmarks/warc_memory.py [--mb 1024] [--workers 2] [--pages DIR] [--tmp DIR] [--json]

Builds, in a temporary folder (``--tmp``, default the system's), a gzipped WARC
holding the 120 pages of ``../shared/data/html`` repeated under distinct URLs
(``?copy=N``), each a response record beside a request record as a crawl has
them, until MB megabytes of page bytes (the uncompressed payload) are written,
and another of a tenth of that. On each it runs ``python -m quotes analyse FILE
--db TMP.db --workers N --no-progress`` from this checkout and samples every
process of the run (the parent, which reads the archive and stores the results,
and its workers, which extract and analyse the pages) ten times a second: the
peak resident memory of the parent (its ``VmHWM``) and of the largest worker,
the wall time, and what the run reports. The files are deleted afterwards.

Memory that stays flat (the same peak for both files) is what streaming means:
the parent holds only the pages in flight, whatever the archive's size.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
DEFAULT_PAGES = Path(os.environ.get("QUOTES_SHARED", ROOT.parent / "shared")) / "data" / "html"


def _peak_kb(pid: int) -> int:
    """A process's peak resident memory so far (``VmHWM``), in kB; 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{p}/task/{tid}/children") as fh:
                    kids = [int(k) for k in fh.read().split()]
            except OSError:
                continue
            out.extend(kids)
            todo.extend(kids)
    return out


def analyse(path: Path, workers: int, db: Path) -> dict:
    """Run ``quotes analyse`` on ``path``; its wall time, peak memory and report."""
    began = time.monotonic()
    returncode, out, err, parent_kb, worker_kb = run_sampled(
        [sys.executable, "-m", "quotes", "analyse", str(path), "--db", str(db), "--workers", str(workers),
         "--no-progress"])
    if returncode != 0:
        raise SystemExit(f"quotes analyse failed ({returncode}):\n{err[-2000:]}")
    return {"seconds": round(time.monotonic() - began, 1),
            "parent_peak_rss_mb": round(parent_kb / 1024, 1),
            "worker_peak_rss_mb": round(max(worker_kb.values(), default=0) / 1024, 1),
            "report": out.strip().splitlines()[:3]}


def run_sampled(command: list[str]) -> tuple[int, str, str, int, dict[int, int]]:
    """Run ``command``, sampling the peak memory of it and its descendants ten
    times a second: its exit code, standard output and error, its peak (kB) and
    each descendant's.

    Its output goes to unnamed temporary files, not pipes: nobody reads a pipe
    while the samples are taken, and a run that wrote more than a pipe holds
    (64 KB of warnings or failures) would wait for ever."""
    parent_kb = 0
    worker_kb: dict[int, int] = {}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        proc = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=err, text=True)
        while proc.poll() is None:
            parent_kb = max(parent_kb, _peak_kb(proc.pid))
            for child in _descendants(proc.pid):
                worker_kb[child] = max(worker_kb.get(child, 0), _peak_kb(child))
            time.sleep(0.1)
        out.seek(0)
        err.seek(0)
        return proc.returncode, out.read(), err.read(), parent_kb, worker_kb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=1024.0, help="MB of pages in the large archive (default 1024)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--tmp", type=Path, default=None, help="where the archives are written (and deleted)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not (args.pages / "ground-truth.jsonl").exists():
        sys.exit(f"no pages at {args.pages} (give --pages, or lay out ../shared)")
    from web import build_warc  # benchmarks/web.py

    results = []
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        for size in (args.mb / 10, args.mb):
            path = Path(tmp) / f"crawl-{size:g}MB.warc.gz"
            began = time.monotonic()
            made = build_warc(args.pages, path, size)
            made["build_seconds"] = round(time.monotonic() - began, 1)
            run = analyse(path, args.workers, Path(tmp) / f"quotes-{size:g}.db")
            path.unlink()
            results.append({"payload_mb": size, **made, "workers": args.workers, **run})
            if not args.json:
                r = results[-1]
                print(f"WARC {r['file_mb']} MB gzipped ({r['page_mb']} MB of pages, {r['pages']} pages, built in "
                      f"{r['build_seconds']} s): quotes analyse --workers {r['workers']} took {r['seconds']} s; "
                      f"peak RSS: parent {r['parent_peak_rss_mb']} MB, largest worker {r['worker_peak_rss_mb']} MB")
                for line in r["report"]:
                    print(f"    {line}")
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()

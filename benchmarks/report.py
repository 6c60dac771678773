"""Benchmark ``quotes report`` on PolNeAR train+dev (924 articles): time and size.

Usage:
    python benchmarks/report.py [--shared ../shared] [--work DIR] [--repeat 3] [--screenshot PNG]

It writes the PolNeAR articles as one JSONL with ``outlet`` and ``date`` taken
from PolNeAR's document names (``OUTLET_YYYY-MM-DD_slug``), analyses them once
into ``DIR/polnear.db`` (kept for later runs), then runs ``quotes report`` on it
``--repeat`` times in fresh processes and prints the wall-clock and CPU time
of each and the size of the page. The issue's targets: under 10 s, under 5 MB.
With ``--screenshot`` it also saves a PNG of the page's top, drawn by headless
chromium (for the README).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"([a-z][a-z-]*)_(\d{4}-\d{2}-\d{2})_")


def prepare(shared: Path, work: Path) -> Path:
    """The PolNeAR train+dev articles with outlet and date, as one JSONL."""
    out = work / "polnear.jsonl"
    if out.exists():
        return out
    with open(out, "w", encoding="utf-8") as fh:
        for part in ("train", "dev"):
            for line in open(shared / "data" / "quotes" / f"polnear-{part}.jsonl", encoding="utf-8"):
                row = json.loads(line)
                m = NAME.match(row["doc_id"])
                fh.write(json.dumps({"doc_id": row["doc_id"], "text": row["text"],
                                     "outlet": m.group(1) if m else None,
                                     "date": m.group(2) if m else None}) + "\n")
    return out


def quotes_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "quotes", *args]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("QUOTES_SHARED", ROOT.parent / "shared")))
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "quotes-report-bench")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--screenshot", type=Path, help="save a PNG of the page's top here")
    args = parser.parse_args()
    if not (args.shared / "data" / "quotes" / "polnear-train.jsonl").exists():
        sys.exit(f"no PolNeAR under {args.shared}/data/quotes: give --shared")
    args.work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    articles = prepare(args.shared, args.work)
    db = args.work / "polnear.db"
    started = time.perf_counter()
    subprocess.run(quotes_cmd("analyse", str(articles), "--db", str(db), "--workers", "1"), env=env, check=True,
                   stdout=subprocess.DEVNULL)
    print(f"analyse (or skip if done): {time.perf_counter() - started:.1f} s")
    page = args.work / "report.html"
    for i in range(args.repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(quotes_cmd("report", "--db", str(db), "--output", str(page)), env=env, check=True,
                       stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(f"report run {i + 1}: {wall:.2f} s wall, {cpu:.2f} s CPU, {page.stat().st_size / 1e6:.2f} MB"
              f" ({page.stat().st_size:,} bytes)")
    if args.screenshot:
        browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not browser:
            sys.exit("no chromium for --screenshot")
        args.screenshot.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                            f"--user-data-dir={profile}", "--window-size=760,1500",
                            f"--screenshot={args.screenshot.resolve()}", page.resolve().as_uri()],
                           check=True, capture_output=True)
        print(f"screenshot: {args.screenshot} ({args.screenshot.stat().st_size / 1e3:.0f} KB)")


if __name__ == "__main__":
    main()

"""Time and peak memory of one paragraph dense with quotes (issue #14).

Usage:
    python benchmarks/dense.py [N ...] [--installed]

Each N runs ``quotes.extract('"x" said Al Bo. ' * N)`` (one line, N quotes) in a
fresh process and prints its seconds (the call alone) and its peak RSS
(``resource.getrusage``, the whole process). Default N: 1,000, 10,000, 100,000.
The checkout's sources are measured, or with ``--installed`` the installed
package (compiled with mypyc when it was built that way). Figures are wall-clock
on whatever machine runs it: compare them as ratios, on one machine.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import json, resource, sys, time
import quotes
quotes.extract('"a" said B.')  # models and word lists load outside the timing
n = int(sys.argv[1])
text = '"x" said Al Bo. ' * n
started = time.perf_counter()
found = quotes.extract(text)
seconds = time.perf_counter() - started
speakers = sorted({q.speaker or "" for q in found})
print(json.dumps({"n": n, "seconds": seconds, "quotes": len(found), "speakers": speakers,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "package": quotes.__file__}))
"""


def measure(n: int, installed: bool) -> dict:
    """Run one N in a fresh process and return its figures."""
    env = dict(os.environ)
    cwd = Path.home() if installed else ROOT  # (the checkout's folder first on sys.path, or not)
    if not installed:
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    out = subprocess.run([sys.executable, "-c", _CHILD, str(n)], check=True, capture_output=True, text=True,
                         cwd=cwd, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("--installed", action="store_true", help="measure the installed package")
    args = parser.parse_args(argv)
    print(f"{'N':>9} {'seconds':>8} {'µs/quote':>9} {'peak RSS MB':>12}  quotes  speakers")
    for n in args.n:
        r = measure(n, args.installed)
        print(f"{n:>9,} {r['seconds']:>8.2f} {r['seconds'] / n * 1e6:>9.0f} {r['peak_rss_mb']:>12.0f}  "
              f"{r['quotes']:>6}  {', '.join(r['speakers'])}")
    print(f"package: {Path(r['package']).parent}")


if __name__ == "__main__":
    main()

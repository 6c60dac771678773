"""Time and peak memory of one paragraph dense with quotes (issue #14).

Usage:
    python benchmarks/dense.py [N ...] [--installed]
    python benchmarks/dense.py --tone [CHARS ...] [--installed]

Each N runs ``quotes.extract('"x" said Al Bo. ' * N)`` (one line, N quotes) in a
fresh process and prints its seconds (the call alone) and its peak RSS
(``resource.getrusage``, the whole process). Default N: 1,000, 10,000, 100,000.
The checkout's sources are measured, or with ``--installed`` the installed
package (compiled with mypyc when it was built that way). Figures are wall-clock
on whatever machine runs it: compare them as ratios, on one machine.

``--tone`` times the tone scorer (``quotes.tone.score_texts``) on one line of
CHARS characters (default 10,000, 20,000, 100,000) made of a short text
repeated without a line break (:data:`TONE_LINES`): cues with no punctuation
between them (one clause as long as the line), cues before a "but", and cues in
short sentences. The time per 1,000 characters stays flat when the reader is
linear in the line's length.
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

# Texts repeated into one long line for --tone: one endless clause of cues;
# an apology before "but" (the rest of the sentence is read for a
# contradiction); short sentences; a question answered no; a negative subject.
TONE_LINES = ("sorry ", "we're sorry but ", "I regret it. ", "Did it surprise me? No. ",
              "none of us were shocked ")

_TONE_CHILD = """
import json, sys, time
from quotes.tone import score_texts
import quotes
score_texts(["I regret it."])  # the model and word lists load outside the timing
unit, chars = sys.argv[1], int(sys.argv[2])
text = (unit * (chars // len(unit) + 1))[:chars]
started = time.perf_counter()
tone = score_texts([text])[0]
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "regret": tone.regret, "shock": tone.shock, "package": quotes.__file__}))
"""


def _run(code: str, args: list[str], installed: bool) -> dict:
    env = dict(os.environ)
    cwd = Path.home() if installed else ROOT  # (the checkout's folder first on sys.path, or not)
    if not installed:
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True,
                         cwd=cwd, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure_tone(unit: str, chars: int, installed: bool) -> dict:
    """Score one line of ``chars`` characters of ``unit`` repeated, in a fresh process."""
    return _run(_TONE_CHILD, [unit, str(chars)], installed)


def measure(n: int, installed: bool) -> dict:
    """Run one N in a fresh process and return its figures."""
    return _run(_CHILD, [str(n)], installed)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="*", type=int, help="quotes (default 1,000 10,000 100,000); "
                        "with --tone, characters (default 10,000 20,000 100,000)")
    parser.add_argument("--installed", action="store_true", help="measure the installed package")
    parser.add_argument("--tone", action="store_true", help="time the tone scorer on long lines of cues")
    args = parser.parse_args(argv)
    if args.tone:
        sizes = args.n or [10_000, 20_000, 100_000]
        print(f"{'line':26} {'chars':>8} {'seconds':>8} {'ms/1000 chars':>14}")
        for unit in TONE_LINES:
            for chars in sizes:
                r = measure_tone(unit, chars, args.installed)
                print(f"{unit!r:26} {chars:>8,} {r['seconds']:>8.2f} {r['seconds'] / chars * 1e6:>14.2f}", flush=True)
        print(f"package: {Path(r['package']).parent}")
        return
    args.n = args.n or [1_000, 10_000, 100_000]
    print(f"{'N':>9} {'seconds':>8} {'µs/quote':>9} {'peak RSS MB':>12}  quotes  speakers")
    for n in args.n:
        r = measure(n, args.installed)
        print(f"{n:>9,} {r['seconds']:>8.2f} {r['seconds'] / n * 1e6:>9.0f} {r['peak_rss_mb']:>12.0f}  "
              f"{r['quotes']:>6}  {', '.join(r['speakers'])}")
    print(f"package: {Path(r['package']).parent}")


if __name__ == "__main__":
    main()

"""Fuzz ``quotes.extract`` with random texts, checking the properties of
tests/test_properties.py (tests/properties.py) over many more inputs.

    python benchmarks/fuzz.py --seconds 600           # ten minutes
    python benchmarks/fuzz.py --inputs 200000 --seed 7

Prints inputs per second as it goes, then every failure (none expected: each
with its seed and input, to reproduce), and the inputs that took longest per
1,000 characters. Exits 1 when any input failed.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import properties as P  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=0, help="stop after this many inputs")
    ap.add_argument("--seconds", type=float, default=0, help="stop after this many seconds")
    ap.add_argument("--seed", type=int, default=0, help="seed of the first input (input i uses seed + i)")
    ap.add_argument("--every", type=float, default=30, help="seconds between progress lines")
    args = ap.parse_args()
    if not args.inputs and not args.seconds:
        args.seconds = 60
    P.warm_up()
    failures: list[tuple[int, list[str], str]] = []
    slowest: list[tuple[float, int, int, float]] = []  # (ms per KB, seed, length, seconds)
    chars = 0
    busy = 0.0
    start = last = time.perf_counter()
    n = 0
    while True:
        now = time.perf_counter()
        if (args.inputs and n >= args.inputs) or (args.seconds and now - start >= args.seconds):
            break
        seed = args.seed + n
        text = P.random_text(random.Random(seed))
        problems, elapsed = P.check(text)
        n += 1
        chars += len(text)
        busy += elapsed
        if problems:
            failures.append((seed, problems, text))
            print(f"FAIL seed {seed}: {problems}", flush=True)
        if len(text) >= 1000:  # per-KB rates of short inputs are start-up, not scaling
            slowest.append((elapsed / len(text) * 1e6, seed, len(text), elapsed))
            if len(slowest) > 200:
                slowest.sort(reverse=True)
                del slowest[10:]
        if now - last >= args.every:
            last = now
            print(f"{n:,} inputs, {n / (now - start):,.0f}/s, {failures and len(failures) or 0} failures",
                  flush=True)
    total = time.perf_counter() - start
    slowest.sort(reverse=True)
    print(f"\n{n:,} inputs ({chars / 1e6:.1f} M characters, longest texts up to "
          f"{max((s[2] for s in slowest), default=0):,}) in {total:.0f} s: {n / total:,.0f} inputs/s, "
          f"{chars / busy / 1000:,.0f} K characters per CPU second inside extract")
    print(f"failures: {len(failures)}")
    for seed, problems, text in failures[:20]:
        print(f"  seed {seed}: {problems}\n    {text[:300]!r}")
    print("slowest per 1,000 characters (inputs of 1,000 characters or more):")
    for ms_per_kb, seed, length, elapsed in slowest[:5]:
        print(f"  {ms_per_kb:7.1f} ms/KB  seed {seed}  {length:,} characters  {elapsed * 1000:.0f} ms")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

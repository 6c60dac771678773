"""Benchmark the quotes pipeline: throughput, per-stage profile, memory, growth.

Usage:
    python benchmarks/bench.py [CORPUS] [--json] [--workers N] [--repeat K]

CORPUS is a gold/article JSONL file or a folder (default: the PolNeAR dev file
when ../shared is present, else corpora/). Figures are wall-clock on whatever
machine runs it: compare them as ratios, on the same machine, in one run.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _package_home() -> Path:
    """The folder holding the ``quotes`` package to measure.

    That is the installed one when there is one: what users run, compiled with
    mypyc when it was built that way. Without an install, this checkout's
    sources. Found without importing it, so that the memory figure is taken
    before this process has loaded anything.
    """
    spec = importlib.util.find_spec("quotes")
    if spec is None or spec.origin is None:
        sys.path.insert(0, str(ROOT))
        return ROOT
    return Path(spec.origin).resolve().parent.parent


# Child processes run from here, so that ``python -m quotes`` imports the same package.
HOME = _package_home()
DEFAULT_SHARED = ROOT.parent / "shared" / "data" / "quotes" / "polnear-dev.jsonl"
# --workers runs on a larger corpus by default: 84 dev articles are over before
# two workers have finished starting.
DEFAULT_WORKERS_CORPUS = ROOT.parent / "shared" / "data" / "quotes" / "polnear-train.jsonl"


def load_corpus(path: Path):
    from quotes.errors import InputError
    from quotes.corpus.ingest import read_documents

    return [d for d in read_documents([str(path)], warn=lambda m: None) if not isinstance(d, InputError)]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_pipeline(docs, repeat: int):
    from quotes.pipeline import process, warm_up

    warm_up()  # as `quotes extract` and `analyse`'s workers do
    timings: dict[str, float] = {}
    n_quotes = 0
    t0 = time.perf_counter()
    for _ in range(repeat):
        for doc in docs:
            n_quotes += len(process(doc, timings).quotes)
    elapsed = time.perf_counter() - t0
    return elapsed, n_quotes, timings


def growth(doc, factors=(1, 10, 100), tries: int = 3):
    """Seconds to analyse ``doc`` repeated ``f`` times, best of ``tries`` each (one
    10 ms timing alone is too noisy to divide by)."""
    from quotes.pipeline import process
    from quotes.records import Document

    out = {}
    for f in factors:
        big = Document(f"x{f}", "\n\n".join([doc.text] * f))
        best = float("inf")
        for _ in range(tries):
            t0 = time.perf_counter()
            process(big)
            best = min(best, time.perf_counter() - t0)
        out[f] = best
    return out


def extract_peak_rss_mb(corpus: Path) -> float:
    """Peak resident memory of ``quotes extract CORPUS`` in a process of its own (the issue's figure)."""
    proc = subprocess.Popen([sys.executable, "-m", "quotes", "extract", str(corpus)], cwd=HOME,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # 1: some input was bad, the rest was extracted
        raise RuntimeError(f"quotes extract {corpus} exited with {proc.returncode}")
    return usage.ru_maxrss / 1024


def help_time() -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "quotes", "--help"], capture_output=True, cwd=HOME, check=True)
    return time.perf_counter() - t0


def model_load_time() -> float:
    """Time to load every shipped model, in a fresh process (cold)."""
    code = ("import time;t=time.perf_counter();import quotes.pipeline as p;"
            "getattr(p,'load_models',lambda:None)();print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=HOME, check=True)
    return float(out.stdout.strip())


def workers_rate(corpus: Path, workers: int) -> dict[str, float]:
    """Documents per second of ``analyse`` with ``workers`` processes, into a fresh database.

    ``wall`` counts everything; ``steady`` leaves out the workers' start-up
    (spawn, imports, model load: timed as the same run on a one-document corpus),
    which a corpus of thousands of articles amortises.
    """
    from quotes.corpus.batch import analyse_paths

    def run(path: Path) -> tuple[int, float]:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            summary = analyse_paths([str(path)], Path(tmp) / "bench.db", workers=workers, progress=False)
            return summary.analysed, time.perf_counter() - t0

    from quotes.corpus.ingest import read_documents

    first = next(d for d in read_documents([str(corpus)], warn=lambda m: None) if hasattr(d, "text"))
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps({"doc_id": first.doc_id, "text": first.text}) + "\n", encoding="utf-8")
        _, startup = run(one)
    analysed, elapsed = run(corpus)
    # Too small a corpus is over before the workers have started: no steady rate.
    steady = round(analysed / (elapsed - startup), 1) if elapsed > 2 * startup else None
    return {"wall": round(analysed / elapsed, 1), "steady": steady, "startup_s": round(startup, 2),
            "documents": analysed}


def _median_rates(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each figure of a worker count's runs, as its median (None where a run had none)."""
    out: dict[str, float] = {}
    for key in runs[0]:
        values = [r[key] for r in runs if r[key] is not None]
        out[key] = round(statistics.median(values), 2) if values else None
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    ap.add_argument("--workers", type=int, nargs="*", help="also time `analyse` with these worker counts")
    ap.add_argument("--workers-corpus", type=Path,
                    help="corpus for --workers (default: PolNeAR train when present, else CORPUS)")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the corpus (default 3)")
    ap.add_argument("--worker-runs", type=int, default=3,
                    help="times each --workers count is run, in alternation; medians are reported (default 3)")
    args = ap.parse_args(argv)
    corpus = (args.corpus or (DEFAULT_SHARED if DEFAULT_SHARED.exists() else ROOT / "corpora")).resolve()
    # First, while this process is small: a child's peak memory counts what it
    # shared with its parent before it started ``quotes``.
    extract_rss = extract_peak_rss_mb(corpus)
    load_s = model_load_time()
    docs = load_corpus(corpus)
    chars = sum(len(d.text) for d in docs)
    # warm-up pass (lazy loads, caches), then the timed passes
    time_pipeline(docs[:5], 1)
    elapsed, n_quotes, timings = time_pipeline(docs, args.repeat)
    n_docs = len(docs) * args.repeat
    total_stage = sum(timings.values()) or 1.0
    longest = max(docs, key=lambda d: len(d.text))
    grow = growth(docs[len(docs) // 2])
    from quotes.text import segment
    from quotes.pipeline import process
    from quotes.records import Document

    t0 = time.perf_counter()
    process(Document("marks", "“" * 10_000))
    marks_s = time.perf_counter() - t0
    result = {
        "corpus": str(corpus), "documents": len(docs), "passes": args.repeat,
        # mypyc-compiled extension modules, or the pure-Python sources
        "build": "python" if segment.__file__.endswith(".py") else "mypyc", "package": str(HOME),
        "docs_per_s": round(n_docs / elapsed, 1),
        "chars_per_s": round(chars * args.repeat / elapsed),
        "quotes_per_s": round(n_quotes / elapsed, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "extract_peak_rss_mb": round(extract_rss, 1),
        "model_load_s": round(load_s, 3),
        "help_s": round(help_time(), 3),
        "stage_share": {k: round(v / total_stage, 3) for k, v in sorted(timings.items(), key=lambda kv: -kv[1])},
        "growth_s": {f"x{k}": round(v, 4) for k, v in grow.items()},
        "growth_ratio_x100": round(grow[100] / grow[1], 1) if grow[1] else None,
        "ten_thousand_marks_s": round(marks_s, 4),
        "longest_doc_chars": len(longest.text),
        "cpu_count": os.cpu_count(),
    }
    if args.workers:
        workers_corpus = args.workers_corpus or (DEFAULT_WORKERS_CORPUS if DEFAULT_WORKERS_CORPUS.exists() else corpus)
        # On a shared machine the rate of a run moves with its neighbours' load:
        # the counts are run in turn, several times, and each figure is the
        # median of its runs (every run's speed-up is kept too).
        runs: dict[str, list[dict[str, float]]] = {str(w): [] for w in args.workers}
        for n in range(max(1, args.worker_runs)):
            for w in (args.workers if n % 2 == 0 else args.workers[::-1]):
                runs[str(w)].append(workers_rate(workers_corpus, w))
        rates = {w: _median_rates(r) for w, r in runs.items()}
        result["analyse"] = {"corpus": str(workers_corpus), "runs": len(runs[str(args.workers[0])]),
                             "docs_per_s": rates}
        if "1" in rates:
            result["analyse"]["speedup_vs_1"] = {
                w: {k: round(r[k] / rates["1"][k], 2) if r[k] and rates["1"][k] else None for k in ("wall", "steady")}
                for w, r in rates.items()}
            result["analyse"]["speedup_vs_1_per_run"] = {
                w: [round(a["wall"] / b["wall"], 2) for a, b in zip(r, runs["1"])] for w, r in runs.items()}
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"corpus              {result['corpus']} ({len(docs)} docs x {args.repeat} passes)")
    print(f"build               {result['build']} ({result['package']})")
    for key in ("docs_per_s", "chars_per_s", "quotes_per_s", "peak_rss_mb", "extract_peak_rss_mb",
                "model_load_s", "help_s", "ten_thousand_marks_s", "growth_ratio_x100"):
        print(f"{key:<20}{result[key]}")
    print("growth (s)          " + "  ".join(f"{k}: {v}" for k, v in result["growth_s"].items()))
    print("stage share         " + "  ".join(f"{k}: {v:.0%}" for k, v in result["stage_share"].items()))
    if args.workers:
        print(f"analyse corpus      {result['analyse']['corpus']}")
        for w, r in result["analyse"]["docs_per_s"].items():
            print(f"analyse {w} worker(s) {r['wall']} docs/s wall, {r['steady']} after {r['startup_s']} s start-up")
        for w, r in result["analyse"].get("speedup_vs_1", {}).items():
            per_run = ", ".join(f"x{v}" for v in result["analyse"]["speedup_vs_1_per_run"][w])
            print(f"speed-up {w} vs 1    wall x{r['wall']}, steady x{r['steady']} (medians of "
                  f"{result['analyse']['runs']} runs; wall per run {per_run})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

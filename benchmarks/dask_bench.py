"""Speed of ``quotes analyse --engine dask`` against the local engine, and the
memory of the distributed speakers reduction.

    python benchmarks/dask_bench.py                 # PolNeAR train+dev, 1 and 2 workers
    python benchmarks/dask_bench.py --train-only    # PolNeAR train (the 1.7x target)
    python benchmarks/dask_bench.py --simulate 2000 # also: the speakers reduction over
                                                    # 2000 partitions of repeated articles

For each engine and worker count: wall-clock seconds and articles/s of the
analysis (the cluster's start is timed apart; the models are warm in every
worker before the clock starts, in both engines' terms: the local engine's
pool start and warm-up are inside its time), the Dask phases (plan, analyse,
speakers, apply), the Dask overhead per article (Dask with 1 worker against
the local engine with 1 worker; and, less noisy, workers x wall-clock time less
the time the tasks spent reading and analysing), and the speed-up of 2 workers
over 1.

The simulation takes the (doc_id, speaker, mention) rows of the real run and
repeats the articles under new ids, once with the same names (what a corpus
whose speakers recur looks like) and once with every copy's names made new
(the worst case: no name ever recurs), and reports the statistics' entries,
their pickled size and the time to combine and resolve them.

Needs ``pip install "quotes[dask]"`` and ../shared (or $QUOTES_SHARED).
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _data(train_only: bool) -> list[str]:
    shared = Path(os.environ.get("QUOTES_SHARED", ROOT.parent / "shared")) / "data" / "quotes"
    names = ["polnear-train.jsonl"] + ([] if train_only else ["polnear-dev.jsonl"])
    paths = [shared / n for n in names]
    missing = [p for p in paths if not p.exists()]
    if missing:
        sys.exit(f"needs {missing[0]} (the shared data folder)")
    return [str(p) for p in paths]


def bench_local(paths: list[str], workers: int, tmp: Path) -> dict:
    from quotes.corpus.batch import analyse_paths

    db = tmp / f"local-{workers}.db"
    began = time.monotonic()
    summary = analyse_paths(paths, db, workers=workers, progress=False)
    seconds = time.monotonic() - began
    return {"engine": "local", "workers": workers, "articles": summary.analysed, "seconds": round(seconds, 2),
            "articles_per_s": round(summary.analysed / seconds, 1), "db": str(db)}


def bench_dask(paths: list[str], workers: int, tmp: Path, partition_size: int) -> dict:
    from distributed import Client, LocalCluster

    from quotes.corpus.distributed import _worker_plugin, analyse_dask

    out = tmp / f"dask-{workers}"
    began = time.monotonic()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(cluster)
    client.register_plugin(_worker_plugin())  # models loaded before the clock starts
    start = time.monotonic() - began
    try:
        began = time.monotonic()
        summary = analyse_dask(paths, out, client=client, partition_size=partition_size, progress=False)
        seconds = time.monotonic() - began
    finally:
        client.close()
        cluster.close()
    # the time tasks spent reading and analysing; the rest of workers x wall is Dask's
    task_s = sum(json.loads(m.read_text())["seconds"] for m in (out / "_work" / "done").glob("*.json"))
    overhead = (seconds * workers - task_s) / max(1, summary.analysed)
    return {"engine": "dask", "workers": workers, "articles": summary.analysed, "seconds": round(seconds, 2),
            "task_seconds": round(task_s, 2), "overhead_ms_per_article": round(1000 * overhead, 2),
            "articles_per_s": round(summary.analysed / seconds, 1), "cluster_start_s": round(start, 2),
            "partitions": summary.partitions, "phases": {k: round(v, 2) for k, v in summary.phases.items()},
            "speakers": summary.speakers_total, "name_pairs": summary.name_pairs,
            "name_entries": summary.name_entries, "dataset": str(out)}


def simulate(dataset: str, partitions: int) -> list[dict]:
    """The speakers reduction over many partitions of repeated articles."""
    import pyarrow.dataset as ds

    from quotes.corpus.speakers import NameStatistics, name_statistics, resolve_statistics

    table = ds.dataset(str(Path(dataset) / "quotes"), format="parquet").to_table(
        columns=["doc_id", "article_speaker", "speaker_mention"])
    rows = list(zip(*(table[c].to_pylist() for c in table.column_names)))
    docs = len(set(table["doc_id"].to_pylist()))
    out = []
    for mode in ("recurring names", "new names per copy"):
        began = time.monotonic()
        combined = NameStatistics()
        def copy(k: int, mode: str = mode) -> list[tuple]:
            if mode == "recurring names":
                return [(f"{d}#{k}", n, m) for d, n, m in rows]
            # "Donald Trump" -> "Donald Trumpk": a new surname family every copy
            return [(f"{d}#{k}", f"{n}{k:x}" if n else n, m) for d, n, m in rows]

        for k in range(partitions):
            combined.update(name_statistics(copy(k)))
        reduce_s = time.monotonic() - began
        began = time.monotonic()
        resolution = resolve_statistics(combined)
        resolve_s = time.monotonic() - began
        # a name kept per article (a given name alone) is a speaker in each article using it
        # (the texts are not read here: a title only an article's text holds does not count)
        local = {(d, resolution.per_article[n]) for k in range(partitions) for d, n, _ in copy(k)
                 if n in resolution.per_article}
        out.append({"mode": mode, "partitions": partitions, "articles": docs * partitions,
                    "quotes": len(rows) * partitions, "name_pairs": combined.pairs(),
                    "entries": combined.size(), "pickled_mb": round(len(pickle.dumps(combined)) / 1e6, 2),
                    "speakers": len(resolution.speakers) + len(local),
                    "per_article_speakers": len(local), "reduce_s": round(reduce_s, 1),
                    "resolve_s": round(resolve_s, 1)})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train-only", action="store_true", help="PolNeAR train only (840 articles)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--partition-size", type=int, default=50)
    ap.add_argument("--simulate", type=int, default=0, metavar="N",
                    help="also simulate the speakers reduction over N partitions of repeated articles")
    ap.add_argument("--json", action="store_true", help="one JSON object")
    args = ap.parse_args()
    paths = _data(args.train_only)
    tmp = Path(tempfile.mkdtemp(prefix="quotes-dask-bench-"))
    try:
        results = []
        for n in args.workers:
            results.append(bench_local(paths, n, tmp))
            results.append(bench_dask(paths, n, tmp, args.partition_size))
        report: dict = {"inputs": [Path(p).name for p in paths], "runs": results}
        by = {(r["engine"], r["workers"]): r for r in results}
        if ("local", 1) in by and ("dask", 1) in by:
            n = by[("dask", 1)]["articles"]
            report["dask_overhead_ms_per_article"] = round(
                1000 * (by[("dask", 1)]["seconds"] - by[("local", 1)]["seconds"]) / n, 2)
        for engine in ("local", "dask"):
            if (engine, 1) in by and (engine, 2) in by:
                report[f"{engine}_speedup_2_vs_1"] = round(by[(engine, 1)]["seconds"] / by[(engine, 2)]["seconds"], 2)
        if args.simulate:
            report["speakers_reduction"] = simulate(by[("dask", args.workers[0])]["dataset"], args.simulate)
        for r in results:
            r.pop("db", None)
            r.pop("dataset", None)
        if args.json:
            print(json.dumps(report))
            return
        print("inputs:", ", ".join(report["inputs"]))
        for r in results:
            extra = (f"  (cluster start {r['cluster_start_s']} s; phases {r['phases']}; tasks {r['task_seconds']} s: "
                     f"Dask overhead {r['overhead_ms_per_article']} ms/article)"
                     if r["engine"] == "dask" else "")
            print(f"{r['engine']:5} {r['workers']} worker(s): {r['articles']} articles in {r['seconds']} s = "
                  f"{r['articles_per_s']} articles/s{extra}")
        for key in ("dask_overhead_ms_per_article", "local_speedup_2_vs_1", "dask_speedup_2_vs_1"):
            if key in report:
                print(f"{key}: {report[key]}")
        for s in report.get("speakers_reduction", []):
            print(f"speakers reduction, {s['mode']}: {s['partitions']} partitions, {s['articles']:,} articles, "
                  f"{s['quotes']:,} quotes: {s['name_pairs']:,} (name, article) pairs held as "
                  f"{s['entries']:,} entries, {s['pickled_mb']} MB pickled, {s['speakers']:,} speakers; "
                  f"combine {s['reduce_s']} s, resolve {s['resolve_s']} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

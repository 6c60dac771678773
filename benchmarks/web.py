"""Benchmark reading the web: HTML pages to stored quotes, and a large WARC's memory.

Usage:
    python benchmarks/web.py [--pages DIR] [--passes N] [--warc-mb MB] [--extractor NAME] [--json]

1. Pages: every page of DIR (default ../shared/data/html) read from its bytes,
   its article extracted (the HTML step: decoding, main content, metadata),
   analysed (the pipeline) and stored (an SQLite file), in this one process:
   pages per second on one core (CPU time of this process, so that other
   processes on the machine do not count), and the share of each step.
2. WARC: the pages repeated (each copy a new URL) into a gzipped WARC holding
   MB megabytes of records (default 200; 0 skips it), and a tenth of it; each
   is read and analysed as ``quotes extract`` does, in a process of its own:
   its peak resident memory, which stays flat when reading streams.

This checkout's sources are measured. Figures are wall-clock on whatever
machine runs it: compare them as ratios, on the same machine, in one run.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_PAGES = Path(os.environ.get("QUOTES_SHARED", ROOT.parent / "shared")) / "data" / "html"


def build() -> str:
    """Which build of quotes runs: ``mypyc`` when compiled modules sit beside the sources."""
    return "mypyc" if any((ROOT / "quotes").rglob("*.so")) else "python"


def bench_pages(folder: Path, passes: int, extractor: str) -> dict:
    from quotes.corpus.html import document_from_html
    from quotes.corpus.store import Store
    from quotes.corpus.webcheck import load_pages
    from quotes.errors import InputError
    from quotes.pipeline import extract_document, warm_up

    pages = load_pages(folder)
    warm_up()
    document_from_html(pages[0]["html"], "warm", "warm", extractor=extractor)  # imports, first parse
    times = {"html": 0.0, "pipeline": 0.0, "store": 0.0}
    n = quotes = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "web.db")
        for k in range(passes):
            for page in pages:
                t0 = time.process_time()
                doc = document_from_html(page["html"], f"{page['doc_id']}:{k}", page["doc_id"],
                                         extractor=extractor)
                t1 = time.process_time()
                times["html"] += t1 - t0
                n += 1
                if isinstance(doc, InputError):
                    failed += 1
                    continue
                found = extract_document(doc)
                t2 = time.process_time()
                quotes += store.add_analysis(doc, found)
                t3 = time.process_time()
                times["pipeline"] += t2 - t1
                times["store"] += t3 - t2
        store.close()
    total = sum(times.values())
    return {"extractor": extractor, "pages": n, "failed": failed, "quotes": quotes,
            "seconds": round(total, 2), "pages_per_second": round(n / total, 1),
            "ms_per_page": {k: round(1000 * v / n, 1) for k, v in times.items()},
            "share": {k: round(v / total, 3) for k, v in times.items()}}


def build_warc(folder: Path, path: Path, megabytes: float) -> dict:
    """Write the pages, repeated under new URLs, as gzipped WARC response records
    until ``megabytes`` of page bytes are written; add a request record per page
    and an image now and then, as a crawl has."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from quotes.corpus.webcheck import load_pages

    pages = load_pages(folder)
    written = records = 0
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        copy = 0
        while written < megabytes * 2**20:
            for page in pages:
                url = f"{page['url']}?copy={copy}"
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                           protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    url, "response", payload=io.BytesIO(page["html"]), http_headers=headers))
                req = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "example.com")], is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                              http_headers=req))
                written += len(page["html"])
                records += 1
                if written >= megabytes * 2**20:
                    break
            copy += 1
    return {"pages": records, "page_mb": round(written / 2**20, 1),
            "file_mb": round(path.stat().st_size / 2**20, 1)}


def child_read(path: str, extractor: str) -> None:
    """Read and analyse a WARC as ``quotes extract`` does; print figures as JSON."""
    from quotes.corpus.ingest import ReadOptions, read_documents
    from quotes.errors import InputError
    from quotes.pipeline import extract_document

    began = time.process_time()
    docs = errors = quotes = 0
    for item in read_documents([path], warn=lambda m: None, options=ReadOptions(extractor=extractor)):
        if isinstance(item, InputError):
            errors += 1
            continue
        docs += 1
        quotes += len(extract_document(item))
    print(json.dumps({"documents": docs, "errors": errors, "quotes": quotes,
                      "seconds": round(time.process_time() - began, 1),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))


def bench_warc(folder: Path, megabytes: float, extractor: str) -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (megabytes / 10, megabytes):
            path = Path(tmp) / f"crawl-{size:g}.warc.gz"
            made = build_warc(folder, path, size)
            out = subprocess.run([sys.executable, __file__, "--child-read", str(path), "--extractor", extractor],
                                 capture_output=True, text=True, check=True, cwd=ROOT)
            results.append({**made, **json.loads(out.stdout)})
            path.unlink()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--passes", type=int, default=2, help="times over the pages (default 2)")
    parser.add_argument("--warc-mb", type=float, default=200.0, help="MB of pages in the large WARC (0: none)")
    parser.add_argument("--extractor", action="append", help="trafilatura and/or resiliparse (default: both)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child-read", help=argparse.SUPPRESS)
    args = parser.parse_args()
    extractors = args.extractor or ["trafilatura", "resiliparse"]
    if args.child_read:
        child_read(args.child_read, extractors[0])
        return
    if not (args.pages / "ground-truth.jsonl").exists():
        sys.exit(f"no pages at {args.pages} (give --pages, or lay out ../shared)")
    report: dict = {"build": build(), "pages": [bench_pages(args.pages, args.passes, e) for e in extractors]}
    if args.warc_mb > 0:
        report["warc"] = bench_warc(args.pages, args.warc_mb, extractors[0])
    if args.json:
        print(json.dumps(report))
        return
    print(f"build: {report['build']}")
    for r in report["pages"]:
        ms = r["ms_per_page"]
        print(f"{r['extractor']:<12} {r['pages']} pages, {r['quotes']} quotes stored: "
              f"{r['pages_per_second']} pages/s on one core ({sum(ms.values()):.1f} ms a page: "
              f"HTML {ms['html']} ms = {100 * r['share']['html']:.0f}%, pipeline {ms['pipeline']} ms, "
              f"store {ms['store']} ms)")
    for w in report.get("warc", []):
        print(f"WARC {w['file_mb']} MB gzipped ({w['page_mb']} MB of pages, {w['pages']} pages): "
              f"{w['documents']} documents, {w['errors']} errors in {w['seconds']} s, "
              f"peak RSS {w['peak_rss_mb']} MB")


if __name__ == "__main__":
    main()

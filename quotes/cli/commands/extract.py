"""``quotes extract`` and ``quotes evaluate``."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from quotes.cli.app import (ColumnsOption, ExtractFormat, ExtractorOption, IdColumn, ReportFormat,
                            TextColumn, app, err, named_input, read_options)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(
        help="Articles: .txt, .jsonl (one article per line), .html/.htm/.html.gz, .warc(.gz)/.arc(.gz), "
             ".csv or .parquet files, folders, or - for stdin.")],
    fmt: Annotated[Optional[ExtractFormat], typer.Option(
        "--format", "-f", help="Output format (default: table on a terminal, jsonl otherwise; html: a page "
                               "with each quote marked in its speaker's colour).")] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show which rule chose each speaker and why each quote got its tone (tone_why).")] = False,
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Drop quotes whose attribution confidence is below this.")] = 0.0,
    text_column: TextColumn = None,
    id_column: IdColumn = None,
    columns: ColumnsOption = None,
    html_extractor: ExtractorOption = None,
) -> None:
    """Extract every direct quote and its speaker from articles.

    A .txt file is one article (its doc_id is the file name without extension);
    each line of a .jsonl file is one article with "text" and "doc_id" (or "id").
    Folders are read recursively; NAME.gold.jsonl files (gold annotations) are
    skipped. An HTML page gives its article text (and title, date, canonical url
    and site name); a web archive one document per HTML response; a CSV or
    Parquet table one per row. Unreadable inputs are reported on stderr and the batch goes on; the
    exit code is 1 if any input named on the command line failed.

    Example: quotes extract corpora/ --format jsonl > quotes.jsonl
    """
    from quotes.errors import InputError, QuotesError
    from quotes.corpus.ingest import read_documents
    from quotes.cli.output import Writer
    from quotes.pipeline import extract_document, warm_up

    try:
        warm_up()
    except QuotesError as exc:  # a broken install: said once, not once per document
        err(f"error: {exc}")
        raise typer.Exit(code=1) from None
    options = read_options(text_column, id_column, columns, html_extractor)
    chosen = fmt.value if fmt else ("table" if sys.stdout.isatty() else "jsonl")
    writer = Writer(chosen, sys.stdout, explain=explain)
    failed_named = False
    for item in read_documents(paths, warn=lambda m: err(f"warning: {m}"), options=options):
        if isinstance(item, InputError):
            err(f"error: {item}")
            failed_named = failed_named or named_input(item.source, paths)
            continue
        try:
            quotes = extract_document(item)
        except Exception as exc:  # a bug must not lose the rest of the batch
            err(f"error: {item.source or item.doc_id}: internal error ({type(exc).__name__}: {exc})")
            failed_named = True
            continue
        if min_confidence:
            quotes = [q for q in quotes if q.confidence >= min_confidence]
        writer.write(item.doc_id, quotes, item)
    writer.close()
    if failed_named:
        raise typer.Exit(code=1)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(
        help="Gold JSONL (PolNeAR format) or a folder of NAME.gold.jsonl files.")],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.table,
    errors: Annotated[int, typer.Option("--errors", help="Also list this many errors of each kind.")] = 0,
    rules_only: Annotated[bool, typer.Option(
        "--rules-only", help="Score the rule half alone (no trained quote filter or ranker).")] = False,
) -> None:
    """Score the pipeline against gold quotes: spans, attribution, end to end.

    Names are strict: a predicted name may carry no word the gold name lacks
    (titles aside); the lenient figure (either name inside the other) is
    printed beside it.

    Prints span precision/recall/F1 (exact and loose, IoU >= 0.5), attribution
    accuracy (named and pronoun/description mentions) and end-to-end F1, and
    counts the errors by kind (wrong speaker, missed, spurious, unresolved pronoun).
    The JSON report adds a reliability table: attributed quotes by confidence
    bin against the share right (strict names), and the share right at
    confidence >= 0.9.

    Example: quotes evaluate corpora/ --format json
    """
    import json

    from quotes.errors import QuotesError
    from quotes.corpus.evaluate import evaluate as run_evaluation
    from quotes.corpus.evaluate import load_gold
    from quotes.cli.output import shorten

    try:
        docs = load_gold(gold)
    except QuotesError as exc:
        err(f"error: {exc}")
        raise typer.Exit(code=1) from None
    from quotes.pipeline import process

    # Evaluation scores spans and speakers only: the tone stage is skipped.
    summary, error_list = run_evaluation(docs, lambda d: process(d, rules_only=rules_only, tone=False).quotes)
    if fmt == ReportFormat.json:
        typer.echo(json.dumps(summary))
    else:
        typer.echo(f"documents {summary['docs']}   gold quotes {summary['gold']}   predicted {summary['pred']}")
        for key, label in (("exact", "exact"), ("loose", "loose"), ("e2e", "e2e"),
                           ("e2e_lenient", "e2e (lenient names)")):
            m = summary[key]
            typer.echo(f"{label:<7} P {m['p']:.3f}  R {m['r']:.3f}  F1 {m['f1']:.3f}")
        a = summary["attr"]

        def acc(v):
            return "n/a" if v is None else f"{v:.3f}"

        # lines of at most 80 columns
        typer.echo(f"attribution accuracy {acc(a['accuracy'])} (n={a['n']})")
        typer.echo(f"  named mention {acc(a['named'])} (n={a['named_n']}), "
                   f"pronoun/description {acc(a['pronoun'])} (n={a['pronoun_n']})")
        low = a["lenient"]
        typer.echo(f"  lenient names: {acc(low['accuracy'])}, named {acc(low['named'])}, "
                   f"pronoun/description {acc(low['pronoun'])}")
        rel = summary["reliability"]
        typer.echo(f"confidence >= 0.9: right {acc(rel['at_0_9'])} (n={rel['at_0_9_n']}), "
                   f"calibration error {acc(rel['ece'])}")
        kinds = ("wrong speaker", "extra words", "unresolved pronoun", "missed", "spurious")
        typer.echo("errors  " + "  ".join(f"{k.replace(' pronoun', '')} {summary['errors'].get(k, 0)}"
                                          for k in kinds))
    if errors:
        for kind in ("wrong speaker", "extra words", "unresolved pronoun", "missed", "spurious"):
            for e in [e for e in error_list if e["kind"] == kind][:errors]:
                err(shorten(f"[{kind}] {e['doc_id']}: {shorten(e['text'], 40)!r}", 80))
                if "gold" in e:
                    err(shorten(f"  gold={e.get('gold')!r} predicted={e.get('predicted')!r}", 80))

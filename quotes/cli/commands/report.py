"""``quotes report``: a self-contained HTML page of charts and quotes from the database or a dataset."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from quotes.cli.app import app, choice, err
from quotes.cli.commands.corpus import DATASET_HELP, DB_HELP
from quotes.cli.output import REPORT_PERIODS

Period = choice("Period", REPORT_PERIODS)


@app.command()
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("quotes.db"),
    dataset: Annotated[Optional[Path], typer.Option("--dataset", help=DATASET_HELP)] = None,
    speaker: Annotated[Optional[str], typer.Option(
        "--speaker", help="Only this speaker: a speaker id, name or alias (a page about them).")] = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", help="Only articles dated on or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(
        "--until", help="Only articles dated on or before this day (YYYY-MM-DD).")] = None,
    top: Annotated[int, typer.Option(
        "--top", min=1, help="Speakers in the top-speaker charts (the first 6 also over time).")] = 15,
    speakers: Annotated[int, typer.Option(
        "--speakers", min=0, help="Speakers with a section of their own (every quote in context).")] = 10,
    period: Annotated[Period, typer.Option(
        "--period", help="Time step of the charts (auto: weeks for under six months).")] = Period.auto,
    quotes: Annotated[int, typer.Option(
        "--quotes", min=0, help="How many of the most regretful and most shocked quotes to list.")] = 10,
    articles: Annotated[Optional[Path], typer.Option(
        "--articles", help="Also write every article as a page of its own in this folder, "
                           "and link every quote to it.")] = None,
) -> None:
    """Write one self-contained HTML report of the database (or dataset): charts and quotes.

    The page holds its styles, script and charts (SVG) and fetches nothing: it
    opens in any browser with no network. It shows the corpus at a glance (by
    outlet and over time), the top speakers with their regret and shock, tone
    over time, the most regretful and shocked quotes in their sentence, a
    section per top speaker, and the linked articles with their quotes marked
    (with --articles, every article is also written as a page of its own).
    A Parquet dataset (--dataset DIR, or a folder as --db) gives the same page.

    Example: quotes report --db quotes.db --output report.html --since 2016-01-01
    """
    from quotes.cli.commands.corpus import store_errors
    from quotes.cli.report import ReportOptions, write_report

    options = ReportOptions(speaker=speaker, since=since, until=until, top=top, speakers=speakers,
                            period=period.value, quotes=quotes, articles=articles)
    done = store_errors(lambda: write_report(db, output, options, dataset), dataset or db)
    err(f"wrote {output} ({done['bytes'] / 1e6:.1f} MB in {done['seconds']:.1f} s): {done['articles']:,} articles, "
        f"{done['quotes']:,} quotes, {done['speakers']:,} speakers")

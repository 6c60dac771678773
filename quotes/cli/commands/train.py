"""``quotes train attribution`` and ``quotes train tone``: rebuild the shipped models."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from quotes.cli.app import app, err, shared_dir

train_app = typer.Typer(no_args_is_help=True, help="Rebuild a shipped model from training data.\n\n"
                                                   "Example: quotes train tone")
app.add_typer(train_app, name="train")


def _default_out() -> Path:
    from quotes.resources import models_dir

    return models_dir()


@train_app.command("attribution")
def train_attribution(
    data: Annotated[Optional[Path], typer.Option(
        "--data", help="Training JSONL (default: PolNeAR train in the shared data folder).")] = None,
    dev: Annotated[Optional[Path], typer.Option("--dev", help="Dev JSONL for the card's figures.")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Folder for the model and its card.")] = None,
    web: Annotated[Optional[Path], typer.Option(
        "--web", help="Gold JSONL of other kinds of articles (the web set and the BBC training set: "
                      "annotation/web/build_gold.py and annotation/bbc/build_gold.py --train, in one file): "
                      "the quote filter, the ranker and the confidence maps learn from it too; the card "
                      "gives its out-of-fold figures.")] = None,
    keep_ranker: Annotated[bool, typer.Option(
        "--keep-ranker", help="Keep the shipped ranker; refit the quote filter and the confidence maps.")] = False,
) -> None:
    """Train the quote filter and speaker ranker; write models/attribution.* and a card.

    Example: quotes train attribution --data ../shared/data/quotes/polnear-train.jsonl
    --dev ../shared/data/quotes/polnear-dev.resolved.jsonl --web web.gold.jsonl --keep-ranker
    """
    from quotes.training.attribution import train_attribution as run

    data = data or shared_dir() / "data" / "quotes" / "polnear-train.jsonl"
    for path in (data, web):
        if path is not None and not path.exists():
            err(f"error: {path}: training data not found")
            raise typer.Exit(code=1)
    card = run(data, dev, out or _default_out(), web, keep_ranker)
    typer.echo(json.dumps(card, indent=2))


@train_app.command("names")
def train_names(
    data: Annotated[Optional[Path], typer.Option(
        "--data", help="Training JSONL (default: PolNeAR train in the shared data folder).")] = None,
    extra: Annotated[Optional[list[Path]], typer.Option(
        "--extra", help="More gold JSONL to train and cross-validate on (e.g. the web set).")] = None,
    extra_weight: Annotated[float, typer.Option(
        "--extra-weight", help="Weight of an --extra set's examples against the training data's.")] = 1.0,
    out: Annotated[Optional[Path], typer.Option("--out", help="Folder for the model and its card.")] = None,
) -> None:
    """Train the name model (which words of a capitalised run are a name); write models/names.*.

    Example: quotes train names --data ../shared/data/quotes/polnear-train.jsonl
    """
    from quotes.training.names import train_names as run

    data = data or shared_dir() / "data" / "quotes" / "polnear-train.jsonl"
    if not data.exists():
        err(f"error: {data}: training data not found (pass --data)")
        raise typer.Exit(code=1)
    card = run(data, out or _default_out(), extra=list(extra or []), extra_weight=extra_weight)
    typer.echo(json.dumps({k: v for k, v in card.items() if k != "selection"}, indent=2))


@train_app.command("tone")
def train_tone(
    emotions: Annotated[Optional[Path], typer.Option(
        "--emotions", help="GoEmotions folder (default: the shared data folder's emotions/).")] = None,
    news: Annotated[Optional[list[Path]], typer.Option(
        "--news", metavar="<path>", help="News quotes labelled for regret and shock (JSONL); repeat for several files "
                       "(default: the shared news-quotes-dev.jsonl).")] = None,
    news_dev: Annotated[Optional[Path], typer.Option(
        "--news-dev", help="The dev part of annotation/tone (annotation/tone/build.py --dev): scored for the card.")] = None,
    exclude_split: Annotated[Optional[Path], typer.Option(
        "--exclude-split", help="A split.json whose dev articles are never trained on "
                                "(default: annotation/tone/split.json when it exists).")] = None,
    exclude_docs: Annotated[Optional[list[Path]], typer.Option(
        "--exclude-docs", metavar="<path>", help="A file of article ids, one a line, never trained on; repeatable "
                                                 "(default: the shared data's tone/heldout-docs.txt when it exists).")] = None,
    cache: Annotated[Optional[Path], typer.Option(
        "--cache", help="Keep the features and text models (GoEmotions) here, so a rerun that changes only "
                        "the news quotes or the combiners skips them.")] = None,
    refit: Annotated[bool, typer.Option(
        "--refit", help="Keep the shipped text models and combiners; refit only the cue tables and "
                        "ceilings on --news (the train part of annotation/tone); seconds instead of minutes.")] = False,
    out: Annotated[Optional[Path], typer.Option("--out", help="Folder for the model and its card.")] = None,
) -> None:
    """Train the regret and shock classifier; write models/tone.* and a card.

    Example: quotes train tone --news /tmp/tone-train.jsonl
    --news ../shared/data/tone/news-quotes-dev.jsonl --news-dev /tmp/tone-dev.jsonl
    (the two parts written by annotation/tone/build.py)
    """
    from quotes.training.tone import HELDOUT_DOCS, read_doc_list, refit_clause_parts, split_docs, train_tone as run

    emotions = emotions or shared_dir() / "data" / "emotions"
    news = news or [shared_dir() / "data" / "tone" / "news-quotes-dev.jsonl"]
    for path in (emotions, *news, *([news_dev] if news_dev else [])):
        if not path.exists():
            err(f"error: {path}: training data not found (pass --emotions / --news / --news-dev)")
            raise typer.Exit(code=1)
    if refit:
        if not news_dev or len(news) != 1:
            err("error: --refit needs one --news (the train part) and --news-dev")
            raise typer.Exit(code=1)
        card = refit_clause_parts(news[0], news_dev, emotions, out)
    else:
        default_split = Path(__file__).resolve().parents[3] / "annotation" / "tone" / "split.json"
        split = exclude_split or (default_split if default_split.exists() else None)
        excluded = split_docs(split) if split else []
        heldout = shared_dir() / "data" / "tone" / HELDOUT_DOCS
        for path in exclude_docs or ([heldout] if heldout.exists() else []):
            excluded += read_doc_list(path)
        card = run(emotions, news, out or _default_out(), exclude_docs=excluded, news_dev=news_dev, cache_dir=cache,
                   log=lambda message: typer.echo(message, err=True))
    typer.echo(json.dumps(card, indent=2))

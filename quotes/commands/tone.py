"""``quotes tone``: score the tone of arbitrary texts."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..cli_app import app, err

_BATCH = 512


class ToneFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


class ToneDomain(str, Enum):
    news = "news"
    social = "social"


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _texts(path: Path):
    """Yield (where, text or None) per input line; None marks an unreadable line.

    ``-`` reads standard input: JSONL when its first non-blank line is a JSON
    object, otherwise one text per line.
    """
    from ..ingest import decode, split_lines

    stdin = str(path) == "-"
    raw = sys.stdin.buffer.read() if stdin else path.read_bytes()
    content = decode(raw, str(path), lambda message: err(f"warning: {message}"))
    lines = split_lines(content)
    # stdin is JSONL when its first line parses as a JSON object.
    first = next((line for line in lines if line.strip()), "")
    jsonl = _is_json_object(first) if stdin else path.suffix == ".jsonl"
    for lineno, line in enumerate(lines, 1):
        where = f"{path}:{lineno}"
        if not jsonl:
            yield where, line
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            err(f"error: {where}: not valid JSON ({exc.msg})")
            yield where, None
            continue
        text = obj.get("text") if isinstance(obj, dict) else None
        if not isinstance(text, str):
            err(f"error: {where}: no \"text\" field with a string")
            yield where, None
            continue
        yield where, text


@app.command()
def tone(
    path: Annotated[Path, typer.Argument(
        dir_okay=False, allow_dash=True,
        help="A .txt file (one text per line), a .jsonl file with a \"text\" field, or - for standard input.")],
    fmt: Annotated[ToneFormat, typer.Option("--format", "-f", help="Output format.")] = ToneFormat.jsonl,
    domain: Annotated[ToneDomain, typer.Option(
        help="Where the texts come from: news quotes, or social-media comments "
             "(regret and shock are calibrated to each one's base rates).")] = ToneDomain.news,
) -> None:
    """Score regret, shock, polarity and subjectivity of texts, one result per input line.

    Writes one JSONL line per input, in order:
    {"text", "regret", "shock", "polarity", "subjectivity"}. Lines of a .jsonl
    file that cannot be read are reported on stderr and skipped (exit code 1).

    Example: quotes tone my-quotes.txt --format table
    """
    from ..errors import QuotesError
    from ..output import shorten
    from ..tone import score_texts

    if str(path) != "-" and not path.is_file():
        err(f"error: {path}: no such file")
        raise typer.Exit(code=1)

    failed = False
    batch: list[str] = []

    def flush() -> None:
        try:
            tones = score_texts(batch, domain=domain.value)
        except QuotesError as exc:
            err(f"error: {exc}")
            raise typer.Exit(code=1) from None
        for text, t in zip(batch, tones):
            if fmt == ToneFormat.jsonl:
                sys.stdout.write(json.dumps({"text": text, **t.to_dict()}, ensure_ascii=False) + "\n")
            else:
                sys.stdout.write(f"regret {t.regret:.2f}  shock {t.shock:.2f}  polarity {t.polarity:+.2f}  "
                                 f"subj {t.subjectivity:.2f}  {shorten(text, 70)}\n")
        batch.clear()

    for _, text in _texts(path):
        if text is None:
            failed = True
            continue
        batch.append(text)
        if len(batch) >= _BATCH:
            flush()
    if batch:
        flush()
    if failed:
        raise typer.Exit(code=1)

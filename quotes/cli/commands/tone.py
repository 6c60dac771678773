"""``quotes tone``: score the tone of arbitrary texts."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from quotes.choices import TONE_DOMAINS
from quotes.cli.app import app, choice, err
from quotes.cli.output import TONE_FORMATS

_BATCH = 512


ToneFormat = choice("ToneFormat", TONE_FORMATS)
ToneDomain = choice("ToneDomain", TONE_DOMAINS)


def _texts(path: Path):
    """Yield (where, text or None) per input line; None marks an unreadable line.

    ``-`` reads standard input: JSONL when its first non-blank line is a JSON
    object, otherwise one text per line.
    """
    from quotes.corpus.ingest import decode, jsonl_objects, split_lines
    from quotes.errors import InputError

    stdin = str(path) == "-"
    raw = sys.stdin.buffer.read() if stdin else path.read_bytes()
    name = "standard input" if stdin else str(path)
    if b"\x00" in raw[:8192]:
        err(f"error: {name}: binary file (NUL bytes), not text")
        raise typer.Exit(code=1)
    if not raw.strip():
        err(f"error: {name}: empty: no text to score")
        raise typer.Exit(code=1)

    def warn(message: str) -> None:
        err(f"warning: {message}")

    content = decode(raw, str(path), warn)
    if stdin:
        first = next((line for line in split_lines(content) if line.strip()), "")
        jsonl = first.lstrip().startswith("{") and not isinstance(
            next(jsonl_objects(first, "-"), None), InputError)
    else:
        jsonl = path.suffix == ".jsonl"
    if not jsonl:
        for lineno, line in enumerate(split_lines(content), 1):
            yield f"{path}:{lineno}", line
        return
    for item in jsonl_objects(content, str(path), warn):
        if isinstance(item, InputError):
            err(f"error: {item}")
            yield item.source, None
            continue
        where, obj = item
        text = obj.get("text")
        if not isinstance(text, str):
            err(f"error: {where}: no \"text\" field with a string")
            yield where, None
            continue
        yield where, text


@app.command()
def tone(
    path: Annotated[Path, typer.Argument(
        allow_dash=True,
        help="A .txt file (one text per line), a .jsonl file with a \"text\" field, or - for standard input.")],
    fmt: Annotated[ToneFormat, typer.Option("--format", "-f", help="Output format.")] = ToneFormat.jsonl,
    domain: Annotated[ToneDomain, typer.Option(
        help="Where the texts come from: news quotes, or social-media comments "
             "(regret and shock are calibrated to each one's base rates).")] = ToneDomain.news,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Say why: the cues behind each score and how their clause was read.")] = False,
) -> None:
    """Score regret, shock, polarity and subjectivity of texts, one result per input line.

    Writes one JSONL line per input, in order:
    {"text", "regret", "shock", "polarity", "subjectivity"}; --explain adds
    "why": {"regret": "regret 0.93: 'I regret' — first person, not negated",
    "shock": ...} (a line under each row in the table). Lines of a .jsonl
    file that cannot be read are reported on stderr and skipped (exit code 1);
    a missing, empty or binary file is an error (exit code 1).

    Example: quotes tone my-quotes.txt --format table
    """
    from quotes.errors import QuotesError
    from quotes.cli.output import shorten
    from quotes.tone.explain import explain_texts
    from quotes.tone.scoring import score_texts

    if str(path) != "-" and not path.is_file():
        err(f"error: {path}: {'is a folder; give a file' if path.is_dir() else 'no such file'}")
        raise typer.Exit(code=1)

    failed = False
    header = False
    batch: list[str] = []

    def flush() -> None:
        try:
            tones = score_texts(batch, domain=domain.value)
            reasons = explain_texts(batch, domain=domain.value) if explain else [None] * len(batch)
        except QuotesError as exc:
            err(f"error: {exc}")
            raise typer.Exit(code=1) from None
        nonlocal header
        if fmt == ToneFormat.table and not header:
            sys.stdout.write("regret  shock  polarity  subj  text\n")
            header = True
        for text, t, why in zip(batch, tones, reasons):
            if fmt == ToneFormat.jsonl:
                row = {"text": text, **t.to_dict(), **({"why": why} if why else {})}
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:  # 80 columns
                sys.stdout.write(f"{t.regret:>6.2f}  {t.shock:>5.2f}  {t.polarity:>+8.2f}  "
                                 f"{t.subjectivity:>4.2f}  {shorten(text, 49)}\n")
                for reason in (why or {}).values():
                    sys.stdout.write(f"        {shorten(reason, 72)}\n")
        batch.clear()

    scored = 0
    for _, text in _texts(path):
        if text is None:
            failed = True
            continue
        batch.append(text)
        scored += 1
        if len(batch) >= _BATCH:
            flush()
    if batch:
        flush()
    if not scored:
        err(f"error: {path}: no text to score")
        failed = True
    if failed:
        raise typer.Exit(code=1)

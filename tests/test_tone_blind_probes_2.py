"""The second blind probe suite: 450 CheckList-style cases (Ribeiro et al. 2020)
written by a writer who read only issue #16's definitions and
annotation/tone/GUIDELINES.md, never the tone code, its word lists, the project's
own probes or the first blind suite (tests/data/blind-probes-2.jsonl; ids and
capabilities are the writer's).

Scored once as written, under tone-15: 414 of 450 (92.0%; regret 208 of 224,
shock 206 of 226). Its failures were then sorted into kinds (attributive and
physical "shock", rhetorical questions, interjections, modal apologies,
someone else's apology, a wish about others' acts, "Sorry?"...), and a developer
was given the kinds with other, invented examples, never the suite's texts, and
read them as facts of English (tone-16): 433 of 450 (96.2%). That second figure
is fitted to the kinds, not to the sentences; the confirming figure of tone-16
is a third blind suite, scored once (see the stop's closing note). The floor
guards against regression.
"""
from __future__ import annotations

import json
from pathlib import Path

from quotes.tone import score_texts

SUITE = Path(__file__).with_name("data") / "blind-probes-2.jsonl"
# Share right at 0.5 under tone-16 (0.962), the floor a little under it.
FLOOR = 0.955


def _rows() -> list[dict]:
    return [json.loads(line) for line in SUITE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_second_blind_suite_is_whole():
    rows = _rows()
    assert len(rows) == 450
    for tone in ("regret", "shock"):
        assert sum(r["tone"] == tone and r["expected"] == 1 for r in rows) >= 80, tone
        assert sum(r["tone"] == tone and r["expected"] == 0 for r in rows) >= 80, tone


def test_second_blind_probe_floor():
    rows = _rows()
    tones = score_texts([r["text"] for r in rows])
    right = [(getattr(t, r["tone"]) >= 0.5) == bool(r["expected"]) for r, t in zip(rows, tones)]
    wrong = [(r["tone"], r["expected"], r["text"]) for r, ok in zip(rows, right) if not ok]
    assert sum(right) / len(rows) >= FLOOR, (f"{sum(right)}/{len(rows)}", wrong[:15])


def test_invariance_pairs_agree():
    # The writer's invariance pairs (consecutive rows of capability "invariance":
    # another name, other quote marks, case, British or American spelling) must
    # get the same decision.
    rows = [r for r in _rows() if r["capability"] == "invariance"]
    assert len(rows) >= 30 and len(rows) % 2 == 0
    tones = score_texts([r["text"] for r in rows])
    for k in range(0, len(rows), 2):
        a, b = rows[k], rows[k + 1]
        assert a["tone"] == b["tone"] and a["expected"] == b["expected"], (a["id"], b["id"])
        assert (getattr(tones[k], a["tone"]) >= 0.5) == (getattr(tones[k + 1], b["tone"]) >= 0.5), (a["text"], b["text"])

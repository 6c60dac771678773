"""tools/tone_suite_cv.py (issue #16's leave-one-suite-out experiment): a suite row
labels one tone only, so it must weigh in that tone's combiner and nowhere else,
and a suite's share right counts each row once, in its own tone.

(Only the tool's bookkeeping is tested here, on invented rows; the experiment
itself needs the shared data and minutes: see the tool's docstring.)"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np

_TOOL = Path(__file__).resolve().parents[1] / "tools" / "tone_suite_cv.py"
_spec = importlib.util.spec_from_file_location("tone_suite_cv", _TOOL)
tone_suite_cv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tone_suite_cv)


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "suite.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_suite_row_labels_only_its_own_tone(tmp_path):
    path = _write(tmp_path, [
        {"id": "R1", "tone": "regret", "expected": 1, "text": "I regret it."},
        {"id": "S1", "tone": "shock", "expected": 0, "text": "I was not shocked."},
        {"id": "R2", "tone": "regret", "expected": 0, "text": "She regrets it."},
    ])
    texts, y, mask = tone_suite_cv.read_suite(path)
    assert texts == ["I regret it.", "I was not shocked.", "She regrets it."]
    # columns in TONES order: regret, shock
    assert mask.tolist() == [[1, 0], [0, 1], [1, 0]]
    assert y.tolist() == [[1, 0], [0, 0], [0, 0]]


def test_the_share_right_reads_each_row_in_its_own_tone():
    suites = {"y": np.array([[1, 0], [0, 0], [0, 1], [0, 0]]),
              "mask": np.array([[1.0, 0], [1.0, 0], [0, 1.0], [0, 1.0]])}
    rows = np.ones(4, bool)
    # the other tone's probability (0.9 on the first row's shock) must not count
    p = np.array([[0.8, 0.9], [0.6, 0.0], [0.2, 0.7], [0.9, 0.1]])
    share = tone_suite_cv.right_share(suites, rows, p)
    assert share == {"all": 0.75, "n": 4, "regret": 0.5, "shock": 1.0}

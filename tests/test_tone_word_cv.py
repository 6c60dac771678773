"""tools/tone_word_cv.py: the clause-marked tokens its news word model reads (invented sentences)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_TOOLS = Path(__file__).resolve().parents[1] / "tools"
pytest.importorskip("sklearn")
sys.path.insert(0, str(_TOOLS))  # the tool imports tools/tone_stack.py
try:
    _spec = importlib.util.spec_from_file_location("tone_word_cv", _TOOLS / "tone_word_cv.py")
    tone_word_cv = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(tone_word_cv)
finally:
    sys.path.remove(str(_TOOLS))


def _marks(text: str) -> set[str]:
    return set(tone_word_cv.clause_tokens(text).split())


@pytest.mark.parametrize("text, person", [
    ("I regret it.", "p1"), ("We regret the decision.", "p1"),
    ("He regrets it.", "p3"), ("They regret nothing of it.", "p3"), ("You regret it.", "p2"),
])
def test_the_subject_person_is_joined_to_its_verb(text, person):
    assert f"{person}_regret" in _marks(text) or f"{person}_regrets" in _marks(text)


@pytest.mark.parametrize("text", ["I don't regret it.", "I never regretted that.", "There is no regret here."])
def test_a_negated_cue_is_marked(text):
    assert any(m.startswith("not_regret") for m in _marks(text))


@pytest.mark.parametrize("text", ["I regret it.", "I don't know. I regret it.", "It did not work, but I regret it."])
def test_negation_ends_at_the_clause(text):
    assert not any(m.startswith("not_regret") for m in _marks(text))


@pytest.mark.parametrize("text, marked", [
    ("I would be shocked if he won.", True), ("If he lost, I'd be shocked.", True), ("I was shocked.", False),
])
def test_a_modal_or_if_marks_what_follows(text, marked):
    assert ("mod_shocked" in _marks(text)) is marked


def test_punctuation_is_no_token_and_names_do_not_matter():
    assert tone_word_cv.clause_tokens('"I regret it," Smith said.').replace("smith", "jones") == \
        tone_word_cv.clause_tokens("I regret it, Jones said")

"""Why a text got its regret and shock: the cues and the clause reading behind each score.

``quotes tone --explain`` and ``quotes extract --explain`` print these reasons,
for example ``regret 0.93: 'I regret' — first person, not negated``. The
reasons come from the same cue lexicon and rules the scorer uses
(:class:`quotes.tone.lexicon.CueLexicon`, the rule floors and ceilings of
:mod:`quotes.tone.model`), so they say what the model saw.
"""
from __future__ import annotations

from collections.abc import Sequence

from quotes.tone.lexicon import tokenize
from quotes.tone.model import TONES, ceiling_fires, rule_fires

# What each reading of a cue means, in words.
READINGS = {
    "regret_self": "first person, not negated",
    "regret_none": "no one named as feeling it",
    "regret_other": "someone else's, or aimed at others",
    "regret_self_about_other": "first person, about what others did",
    "regret_negated": "negated",
    "regret_hedged": "hypothetical",
    "regret_formula": "a set phrase (no regret)",
    "shock_state": "the speaker's state, not negated",
    "shock_eval": "evaluative, not negated",
    "shock_weak_predicate": "judges something",
    "shock_weak_attribute": "an intensifier",
    "shock_other": "someone else's feeling",
    "shock_negated": "negated",
    "shock_hedged": "hypothetical",
    "shock_formula": "a set phrase (no shock)",
}
# Readings in the order they explain a score (the speaker's own feeling first).
_ORDER = ("regret_self", "shock_state", "shock_eval", "regret_none", "shock_weak_predicate",
          "regret_self_about_other", "regret_other", "shock_other", "regret_negated", "shock_negated",
          "regret_hedged", "shock_hedged", "regret_formula", "shock_formula", "shock_weak_attribute")


def explain_texts(texts: Sequence[str], domain: str = "news") -> list[dict[str, str]]:
    """One ``{"regret": reason, "shock": reason}`` per text.

    Each reason starts with the probability and names the cues read in the text
    with their reading ("'I regret' — first person, not negated"), and a floor
    or ceiling when one set the probability; a text with no cue is scored "from
    the words alone".

    Raises:
        ModelError: the tone model cannot be loaded.
        ValueError: an unknown ``domain``.
    """
    import numpy as np

    from quotes.tone.scoring import load_scorer

    texts = list(texts)
    if not texts:
        return []
    scorer = load_scorer()
    self_words = scorer.lexicon.sets.get("self", frozenset())
    probabilities = scorer.predict_proba(texts, domain=domain)
    lexicon = scorer.lexicon.transform(texts)
    floors = [rule_fires(lexicon, rule) for rule in scorer.rules]
    ceilings = [ceiling_fires(lexicon, c) if k < len(scorer.ceiling_precision)
                and domain in scorer.ceiling_precision[k] else np.zeros(len(texts), bool)
                for k, c in enumerate(scorer.ceilings)]
    out = []
    for row, text in enumerate(texts):
        readings = scorer.lexicon.readings(text)
        spans = tokenize(text)[2]
        tokens = tokenize(text)[0]
        starts = {a: i for i, (a, _) in enumerate(spans)}
        reasons = {}
        for k, tone in enumerate(TONES):
            p = float(probabilities[row, k])
            cues = sorted(((r.feature, text[spans[_owner(tokens, starts[r.start], self_words)][0]:r.end])
                           for r in readings if r.tone == tone),
                          key=lambda c: _ORDER.index(c[0]) if c[0] in _ORDER else len(_ORDER))
            parts = [f"'{cue}' \u2014 {READINGS.get(feature, feature)}" for feature, cue in dict.fromkeys(cues)]
            reason = f"{tone} {p:.2f}: " + ("; ".join(parts) if parts else "no cue, from the words alone")
            if k < len(floors) and floors[k][row] and p <= scorer.rule_precision[k][domain] + 1e-9:
                reason += f" (floor {scorer.rule_precision[k][domain]:.2f}: the measured precision of such cues)"
            elif k < len(ceilings) and ceilings[k][row] and p >= scorer.ceiling_precision[k][domain] - 1e-9:
                reason += (f" (capped at {scorer.ceiling_precision[k][domain]:.2f}: no cue read as the "
                           "speaker's own feeling)")
            reasons[tone] = reason
        out.append(reasons)
    return out


def _owner(tokens: list[str], first: int, self_words) -> int:
    """Where a cue's quoted words start: at "I"/"we" when one of the two words
    before it ("I regret", "we deeply regret"), else at the cue."""
    for j in range(first - 1, max(-1, first - 3), -1):
        if tokens[j] in self_words:
            return j
    return first

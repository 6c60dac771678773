"""Who said it? Score every speaker candidate of every quote and pick the best.

The rules (:mod:`quotes.attribution.rules`) run first; their choice is a feature of
each candidate (:mod:`quotes.attribution.candidates`), and where a rule is certain (its
training precision is near 1, e.g. "…," said Blunt) it keeps the last word.
Otherwise the ranker's best candidate wins. A pronoun or description wins only
as a pointer: it is then resolved to its named antecedent
(:mod:`quotes.text.entities`). ``confidence`` is the probability, calibrated on
out-of-fold outcomes of the whole pipeline, that the speaker is right (from the
winner's score, its margin over the runner-up, the mention's kind, whether model
and rule agree, the rule and the number of candidates; halved when a pronoun or
description found no name).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from time import perf_counter
from typing import TYPE_CHECKING

from quotes.attribution.front import Front
from quotes.timing import StageClock
from quotes.attribution.rules import FoundMention, resolve_found, end_of_quote_and_mention, quote_entities
from quotes.attribution.candidates import Candidate, DocCandidates, RowBuffer, quote_rows_into
from quotes.text.entities import Entity
from quotes.text.names import is_group_plural
from quotes.records import Attribution, Mention, QuoteSpan

if TYPE_CHECKING:
    from quotes.attribution.model import AttributionModel


def candidate_table(front: Front, kept: Sequence[QuoteSpan], rules: Sequence[Attribution]
                    ) -> tuple[DocCandidates, list[list[Candidate]], list[list[float]]]:
    """Build every kept quote's candidates and their feature rows.

    Args:
        front: the document's :class:`Front`.
        kept: the quotes, in order.
        rules: the rules' attribution of each quote.

    Returns:
        (the document's candidates, per quote its candidate list, all rows in
        quote order then candidate order).
    """
    cands = DocCandidates(front.parsed, front.index, front.names, front.ctx)
    lists: list[list[Candidate]] = []
    buf = RowBuffer()
    for quote_cands in _per_quote(front, cands, kept, rules, buf):
        lists.append(quote_cands)
    return cands, lists, buf.rows()


def _per_quote(front: Front, cands: DocCandidates, kept: Sequence[QuoteSpan], rules: Sequence[Attribution],
               buf: RowBuffer) -> Iterator[list[Candidate]]:
    """Each kept quote's candidates in turn, their feature rows added to ``buf``
    (:func:`~quotes.attribution.candidates.quote_rows_into`) before it is yielded."""
    per_line: dict[int, int] = {}
    for span in kept:
        per_line[span.line] = per_line.get(span.line, 0) + 1
    seen: dict[int, int] = {}
    for n, (span, rule) in enumerate(zip(kept, rules)):
        previous = rules[n - 1] if n else None
        quote_cands = cands.for_quote(span, rule, previous)
        quote_rows_into(buf, front.ctx, cands, span, per_line[span.line], seen.get(span.line, 0),
                        rule, previous, quote_cands)
        yield quote_cands
        seen[span.line] = seen.get(span.line, 0) + 1


# Rows scored at once: a quote's rows are scored and dropped in batches of about
# this many, so memory stays flat however many quotes a document holds (the
# scores do not depend on the batch: each row is scored on its own).
_SCORE_BATCH = 4096


def rank_speakers(front: Front, kept: Sequence[QuoteSpan], rules: Sequence[Attribution],
                  clock: StageClock | None = None) -> list[Attribution]:
    """Return one attribution per kept quote, chosen by the ranker.

    Args:
        front: the document's :class:`Front`.
        kept: the quotes, in order.
        rules: the rules' attribution of each quote.
        clock: optional stage timer (adds "candidate features" and "attribution model").
    """
    from quotes.attribution.model import load_attribution_model

    model = load_attribution_model()
    cands = DocCandidates(front.parsed, front.index, front.names, front.ctx)
    certain = set(model.certain_rules)
    # Each quote's candidates wait only until their rows are scored; then the quote
    # keeps its pick alone (memory stays flat along a document dense with quotes).
    chosen: list[_Chosen] = []
    waiting: list[list[Candidate]] = []
    rows = RowBuffer()  # the waiting quotes' rows
    scoring = 0.0
    for quote_cands in _per_quote(front, cands, kept, rules, rows):
        waiting.append(quote_cands)
        if len(rows) >= _SCORE_BATCH:
            started = perf_counter()
            scores = model.ranker.predict_proba(rows.matrix()).tolist()
            scoring += perf_counter() - started
            _pick_all(waiting, scores, rules, certain, chosen)
            waiting = []
            rows.clear()
    started = perf_counter()
    scores = model.ranker.predict_proba(rows.matrix()).tolist() if len(rows) else []
    scoring += perf_counter() - started
    _pick_all(waiting, scores, rules, certain, chosen)
    del waiting, rows, scores
    if clock is not None:
        clock.lap("candidate features")
        clock.add("candidate features", -scoring)
        clock.add("attribution model", scoring)
    out = _attributions(front, chosen, model, kept)
    if clock is not None:
        clock.lap("attribution model")
    return out


# per quote: its rule, the candidate the model picked (None when the rule keeps its
# mention), the best score (-1 when the model has no say), whether the model's pick
# wins, and the calibrator's other inputs: the best score's margin over the
# runner-up's (the best score when it has none) and the number of candidates
_Chosen = tuple[Attribution, Candidate | None, float, bool, float, int]


def _pick_all(lists: list[list[Candidate]], scores: list[float], rules: Sequence[Attribution], certain: set[str],
              chosen: list[_Chosen]) -> None:
    """Append to ``chosen`` the pick of each quote of ``lists`` (the quotes from
    ``len(chosen)`` on), whose rows' scores are ``scores`` in order.

    Per quote: a certain rule keeps its mention; otherwise the best-scoring
    candidate wins (keeping the rule's cue and name when it is the rule's mention
    too).
    """
    at = 0
    for quote_cands in lists:
        k = len(quote_cands)
        quote_scores = scores[at:at + k]
        at += k
        rule = rules[len(chosen)]
        margin = _margin(quote_scores)
        if not k or (rule.rule in certain and rule.mention is not None):
            best_score = max(quote_scores) if k else 0.0
            agree = bool(k) and _same(quote_cands[max(range(k), key=lambda i: quote_scores[i])], rule)
            chosen.append((rule, None, best_score if agree else -1.0, False, margin, k))
            continue
        best = max(range(k), key=lambda i: quote_scores[i])
        picked = quote_cands[best]
        chosen.append((rule, picked, quote_scores[best], not _same(picked, rule), margin, k))


def _margin(scores: list[float]) -> float:
    """The best score's lead over the runner-up's (the best score when alone; 0 for none)."""
    if len(scores) < 2:
        return scores[0] if scores else 0.0
    first = second = -1.0
    for s in scores:
        if s > first:
            first, second = s, first
        elif s > second:
            second = s
    return first - second


def _attributions(front: Front, chosen: list[_Chosen], model: AttributionModel, kept: Sequence[QuoteSpan]
                  ) -> list[Attribution]:
    """The attribution of each quote from its pick (:func:`_pick_all`): names map to
    their entity's canonical name; pronouns and descriptions are resolved to the
    entity they point at."""
    calibrator = model.calibrator
    out: list[Attribution] = []
    prev_entity: Entity | None = None
    since: int | None = None
    mention: Mention | None
    entity: Entity | None
    speaker: str | None
    for n, (rule, cand, score, from_model, margin, n_cands) in enumerate(chosen):
        if from_model and cand is not None:
            mention, cue, rule_name = cand.mention, _cue_near(front, cand), f"model (not {rule.rule})"
            if mention.kind == "name" and cand.entity is not None:
                entity, speaker = cand.entity, cand.entity.canonical
                surnames = front.index.surnames()
                if is_group_plural(cand.words, surnames) or is_group_plural(cand.entity.best, surnames):
                    entity = speaker = None  # "Americans", "the Clintons": a nation or a family, no one person
            else:
                entity, speaker = resolve_found(FoundMention(mention, None, "model", cand.words), front.index, prev_entity,
                                                since, quote_entities(front.index, front.parsed, kept[n]))
        else:
            mention, cue, rule_name = rule.mention, rule.cue, rule.rule
            entity, speaker = _entity_of(front, rule), rule.speaker
        if mention is None:
            out.append(Attribution(None, None, None, rule.rule, 0.0))
            prev_entity = None
            continue
        # A negative score: the model had no say (or disagreed with a certain rule),
        # and the rule's own confidence stands.
        if calibrator is not None:
            conf = calibrator.confidence(score, mention.kind, not from_model, rule.confidence,
                                         margin, n_cands, rule.rule)
        else:
            conf = score if score >= 0 else rule.confidence
        out.append(Attribution(speaker, mention, cue, rule_name, round(conf * (1.0 if speaker else 0.5), 3)))
        prev_entity = entity
        since = end_of_quote_and_mention(kept[n], out[-1])
    return out


def _same(cand: Candidate, rule: Attribution) -> bool:
    m = rule.mention
    return m is not None and cand.mention.start < m.end and m.start < cand.mention.end


def _entity_of(front: Front, attribution: Attribution) -> Entity | None:
    m = attribution.mention
    if m is None:
        return None
    if m.kind == "name":
        return front.index.speaker_entity_in(m.start, m.end)
    return None


def _cue_near(front: Front, cand: Candidate) -> str | None:
    """The reporting verb right beside a candidate ("Blunt said", "said Blunt"), if any."""
    ctx = front.ctx
    tokens = front.parsed.tokens
    for k in (cand.hi, cand.hi + 1, cand.lo - 1):
        if 0 <= k < len(tokens) and ctx.cue[k]:
            return tokens[k].text
    return None

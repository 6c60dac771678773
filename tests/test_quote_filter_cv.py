"""tools/quote_filter_cv.py: the feature families its CV judges read what they say (invented sentences)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

from quotes.attribution.front import prepare
from quotes.attribution.quote_filter import span_rows

_PATH = Path(__file__).resolve().parents[1] / "tools" / "quote_filter_cv.py"
_spec = importlib.util.spec_from_file_location("quote_filter_cv", _PATH)
quote_filter_cv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(quote_filter_cv)


def _rows(text: str, family) -> list[dict]:
    front = prepare(text)
    rows = span_rows(front)
    for i, row in enumerate(rows):
        family(front, i, row)
    return rows


def _keys(row: dict, part: str) -> list[str]:
    return [k for k in row if part in k]


def test_form_tells_a_clause_from_a_lower_case_term_and_a_title():
    clause, term, title = _rows('"We will win this," she said. It has a "frunk" up front. '
                                'He watched "Wild Rose" twice.', quote_filter_cv.form)
    assert _keys(clause, "clause=1") and _keys(clause, "lower=0")
    assert _keys(term, "lower=1") and _keys(term, "clause=0")
    assert _keys(title, "title=1") and _keys(title, "lower=0")
    # look-alike: a title-case phrase ended by its own stop reads as no title
    (stopped,) = _rows('The crowd shouted "Lock Her Up!"', quote_filter_cv.form)
    assert _keys(stopped, "title=0")


def test_noun_phrase_finds_marks_inside_a_noun_phrase():
    inside, speech = _rows('The "frunk" feature is new. "It is new," he said.', quote_filter_cv.noun_phrase)
    assert _keys(inside, "np_before=1|noun_after=1")
    assert _keys(speech, "np_before=0|noun_after=0")
    # look-alike: a determiner before the marks, a reporting verb after them
    (cued,) = _rows('He called it a "disgrace", said Ann Lee.', quote_filter_cv.noun_phrase)
    assert _keys(cued, "np_before=1|noun_after=0")


def test_article_share_counts_spans_with_a_reporting_verb():
    rows = _rows('"We will win," she said.\n\nFans of the car love its "frunk" and its roomy "glovebox".',
                 quote_filter_cv.article)
    assert [r["doc_cue_share"] for r in rows] == [1 / 3] * 3


def test_line_marks_a_short_unended_paragraph():
    heading, body = _rows('\'We Got Her!\' Rescue Video\n\n"We got her back," the officer said.',
                          quote_filter_cv.line)
    assert _keys(heading, "short_unended_line=1")
    assert _keys(body, "short_unended_line=0")


def test_verbs_reads_the_sentence_outside_the_marks():
    (row,) = _rows('Xfinity found that "The Sopranos" was watched most.', quote_filter_cv.verbs)
    assert "sentence_verb=found" in row and "sentence_verb=watched" in row
    assert not _keys(row, "sentence_verb=sopranos")


def test_cross_validate_scores_each_source_out_of_fold():
    rows, labels, groups = [], [], []
    for doc in range(20):  # 10 PolNeAR-like documents, then 10 web-like ones; a quote and a term each
        for y in (0, 1):
            rows.append({"reason=None": 1.0, "x": (1.0 if y else -1.0) - doc / 100})
            labels.append(y)
            groups.append(doc)
    out = quote_filter_cv.cross_validate(rows, rows, np.asarray(labels), np.asarray(groups), 10, 10)
    # the threshold keeps every quote and stands at the highest-scored term (which it keeps)
    for source in ("polnear", "web"):
        assert out[source]["recall"] == 1.0
        assert out[source]["precision"] >= 10 / 11
        assert out[source]["rules_only"]["precision"] == 0.5


def test_slot_finds_naming_words_works_and_noun_modifiers():
    named, dubbed, album, modifier, speech = _rows(
        'A sample came in called "Wild Rose" that day. Critics dubbed it "Sir Wastealot" at once. '
        'Her "Blue Hour" album sold well. The "frunk" feature is new. "We will win," she said.',
        quote_filter_cv.slot)
    assert _keys(named, "naming=1") and _keys(dubbed, "naming=1")
    assert _keys(album, "work=1") and _keys(album, "naming=0")
    assert _keys(modifier, "np=1")
    assert _keys(speech, "naming=0|work=0|np=0")
    # look-alikes: "said" is no naming word, and a determiner before a clause makes no modifier
    said, clause = _rows('He said "the plan failed" today. The "best is yet to come," she said.', quote_filter_cv.slot)
    assert _keys(said, "naming=0") and _keys(clause, "np=0")


def test_governed_needs_a_reporting_verb_and_a_speaker():
    partial, pronoun, term = _rows(
        'Ann Lee said the plan was "a disgrace" on Monday. He said it was "over". '
        'Air pollution is likely to reach "severe" levels.', quote_filter_cv.governed)
    assert _keys(partial, "governed_cue=1|speaker=1")
    assert _keys(pronoun, "governed_cue=1|speaker=1")
    assert _keys(term, "governed_cue=0|speaker=0")
    # look-alike: a reporting verb with no speaker beside it ('It was said to be "fine"')
    (passive,) = _rows('It was widely said to be "fine" by then.', quote_filter_cv.governed)
    assert _keys(passive, "governed_cue=1|speaker=0")


def test_usage_finds_words_the_article_only_capitalises():
    title, term = _rows('Wild Rose opened in May. Fans loved "Wild Rose" and its "thorny" songs, thorny as ever.',
                        quote_filter_cv.usage)
    assert _keys(title, "capitalised_elsewhere=1")
    # look-alike: the same word in lower case elsewhere is a plain word
    assert _keys(term, "capitalised_elsewhere=0")


def test_best_f1_threshold_holds_the_first_source_recall():
    oof = np.asarray([0.9, 0.8, 0.7, 0.6, 0.5, 0.4])
    y = np.asarray([1, 1, 0, 1, 0, 1])
    keep = np.ones(6, dtype=bool)
    first = np.asarray([True, False, False, False, False, True])
    # free: stop at 0.6 (3 of 4 quotes, 4 kept: F1 0.75); holding the first source's
    # recall at 1.0 keeps its quote at 0.4 too (F1 0.8)
    assert quote_filter_cv.best_f1_threshold(oof, y, keep, first) == 0.4
    assert quote_filter_cv.best_f1_threshold(oof, y, keep, first, 1.0) == 0.4
    y2 = np.asarray([1, 1, 0, 0, 0, 1])  # the last quote costs two false positives
    assert quote_filter_cv.best_f1_threshold(oof, y2, keep, ~first) == 0.8
    assert quote_filter_cv.best_f1_threshold(oof, y2, keep, first, 1.0) == 0.4


def test_coined_finds_a_word_no_dictionary_holds():
    coined, said = _rows('Experts call it "robotiquette" now. She said she was "delighted" with it.',
                         quote_filter_cv.coined)
    assert _keys(coined, "coined=1")
    # look-alike: a short partial quote of ordinary words is no coinage
    assert _keys(said, "coined=0")
    # a capitalised span (a name or a title) is left to the other features
    (title,) = _rows('He watched "Glasgow" twice.', quote_filter_cv.coined)
    assert not _keys(title, "coined=")


def test_speaker_para_looks_for_someone_to_whom_the_words_belong():
    speech, term = _rows('Ann Lee spoke on Monday. She called the plan "a disaster".\n\nCall centres grew in 2004.'
                         '\n\nCall centres have a high "churn rate" every year.', quote_filter_cv.speaker_para)
    assert _keys(speech, "para_speaker=1")
    assert _keys(term, "para_speaker=0|para_cue=0")
    # the paragraph before counts: 'Ann Lee spoke. / "It is over," ...'
    (after,) = _rows('Ann Lee spoke on Monday.\n\nIt was "over" by then.', quote_filter_cv.speaker_para)
    assert _keys(after, "para_speaker=1")
    # look-alike: a pronoun inside the marks is no speaker outside them
    (inner,) = _rows('The firm keeps a "we know best" culture.', quote_filter_cv.speaker_para)
    assert _keys(inner, "para_speaker=0")


def test_mid_capital_finds_a_capital_after_a_word_in_mid_sentence():
    name, speech, lower = _rows('It was the "Eton of the valleys" then. He said: "We will win." '
                                'She said she was "delighted" today.', quote_filter_cv.mid_capital)
    assert _keys(name, "mid_capital=1")
    assert _keys(speech, "mid_capital=0|mid_lower=0")  # after a colon
    assert _keys(lower, "mid_capital=0|mid_lower=1")
    # look-alike: "I" opens speech, not a name
    (i_said,) = _rows('He told them "I will stay" and left.', quote_filter_cv.mid_capital)
    assert _keys(i_said, "mid_capital=0|mid_lower=1")


def test_naming_slot_tells_a_named_term_from_a_speaker_naming():
    links, known, term = _rows('It relies on links called "trackers" daily. It is part of what is known as '
                               '"pervasive computing" now. He never used the term "three amigos" again.',
                               quote_filter_cv.naming)
    for row in (links, known, term):
        assert _keys(row, "naming_slot=1")
    # look-alikes: a speaker names the thing ('he called the plan "a disaster"'), a name calls
    plan, trump, said = _rows('He called the plan "a disaster" on Monday. Mr Trump called it "a disgrace" too. '
                              'She said she was "delighted" with it.', quote_filter_cv.naming)
    for row in (plan, trump, said):
        assert _keys(row, "naming_slot=0")


def test_naming_reject_rejects_only_short_spans_in_a_naming_slot():
    term, long, speech = _rows('It relies on links called "trackers" daily. A report called "the plan will fail '
                               'because nobody funds it" was read. He called the plan "a disaster" today.',
                               quote_filter_cv.naming_reject)
    assert term.get("reason=term") == 1.0 and "reason=None" not in term
    assert long.get("reason=None") == 1.0
    assert speech.get("reason=None") == 1.0


def test_shipped_figures_split_the_web_set_and_the_bbc_articles():
    oof = np.asarray([0.9, 0.8, 0.7, 0.6, 0.9, 0.2, 0.9, 0.3])
    y = np.asarray([1, 1, 0, 1, 1, 0, 1, 0])
    keep = np.ones(8, dtype=bool)
    src = np.asarray(["polnear"] * 4 + ["web"] * 2 + ["bbc"] * 2)
    out = quote_filter_cv.shipped_figures(oof, y, keep, src != "polnear", src)
    # PolNeAR keeps all its quotes only down to 0.6, where the 0.7 term is kept too
    assert out["threshold"] == 0.6
    assert out["polnear"]["fp"] == 1 and out["polnear"]["recall"] == 1.0
    assert out["web"]["fp"] == 0 and out["bbc"]["fp"] == 0 and out["bbc"]["precision"] == 1.0


def test_examples_cached_gives_the_rows_examples_gives():
    docs = [{"text": 'She said "we will win" today. It has a "frunk" up front.', "quotes": []},
            {"text": '"It is over," he said.', "quotes": []}]
    fresh = quote_filter_cv.examples(docs, quote_filter_cv.naming)
    cached = quote_filter_cv.examples_cached(docs, quote_filter_cv.naming)
    again = quote_filter_cv.examples_cached(docs, None)  # the family's keys stay out of the cached rows
    assert cached == fresh
    assert all(not _keys(r, "naming_slot") for r in again[0])

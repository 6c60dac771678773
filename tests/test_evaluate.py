"""The scorer: matching, name comparison, error kinds."""
from __future__ import annotations

from collections import Counter

from quotes.corpus.evaluate import name_words, same_speaker, score_document, summarise, usable_speaker
from quotes.records import QuoteRecord


def rec(start, end, text, speaker):
    return QuoteRecord(start, end, text[start:end], speaker, None, None, None, None, 1.0)


def test_name_matching():
    assert same_speaker("Anthony Blunt", "Blunt")
    assert same_speaker("Mr. Blunt", "Anthony Blunt")
    assert not same_speaker("Bill Clinton", "Hillary Clinton")
    assert not same_speaker("Blunt", None)
    assert name_words("The Washington Post") == {"washington", "post"}
    assert not usable_speaker("he") and usable_speaker("Anthony Blunt")


def test_scores_and_error_kinds():
    text = '"Alpha beta gamma," said A. "Delta epsilon," said B. "Zeta," said C.'
    gold = [
        {"start": 1, "end": 18, "text": text[1:18], "speaker": "Ann Able"},
        {"start": 30, "end": 44, "text": text[30:44], "speaker": "Bob Baker"},
        {"start": 56, "end": 61, "text": text[56:61], "speaker": "he", "speaker_mention": "he",
         "speaker_resolved": "Cid Cole"},
    ]
    pred = [rec(1, 12, text, "Able"), rec(30, 44, text, "Someone Else"), rec(60, 66, text, None)]
    counts = Counter(docs=1)
    errors = score_document(text, gold, pred, counts)
    out = summarise(counts, errors)
    assert out["loose"] == {"p": 0.6667, "r": 0.6667, "f1": 0.6667}
    assert out["exact"]["f1"] == 0.3333  # only the second span is exact
    assert out["attr"]["accuracy"] == 0.5
    assert out["e2e"]["f1"] == 0.3333
    assert out["errors"] == {"wrong speaker": 1, "missed": 1, "spurious": 1}


def test_strict_names_allow_no_extra_words():
    # a shorter form of the gold name is right, titles aside
    assert same_speaker("Donald J. Trump", "Trump", strict=True)
    assert same_speaker("Anthony Blunt", "Mr Blunt", strict=True)
    # words the gold name lacks make a strict miss but a lenient hit
    for gold, pred in [("Hillary Clinton", "Hillary Clinton Praised"), ("Wayne Rogers", "CEO Wayne Rogers"),
                       ("John Podesta", "John Podesta Tuesday"), ("Jane Doe", "Rival Jane Doe")]:
        assert same_speaker(gold, pred) and not same_speaker(gold, pred, strict=True), pred
    assert not same_speaker("Bill Clinton", "Hillary Clinton", strict=True)


def test_score_document_counts_extra_words_as_their_own_error():
    from collections import Counter

    from quotes.records import QuoteRecord

    text = '"We won," said CEO Wayne Rogers.'
    gold = [{"start": 1, "end": 8, "text": "We won,", "speaker": "Wayne Rogers", "speaker_mention": "Wayne Rogers"}]
    pred = [QuoteRecord(1, 8, "We won,", "CEO Wayne Rogers", "CEO Wayne Rogers", 16, 32, "said", 0.9)]
    counts: Counter = Counter()
    errors = score_document(text, gold, pred, counts)
    summary = summarise(counts, errors)
    assert summary["attr"]["accuracy"] == 0.0 and summary["attr"]["lenient"]["accuracy"] == 1.0
    assert [e["kind"] for e in errors] == ["extra words"]


def test_reliability_table_bins_attributions_by_confidence():
    text = '"One two," said Ann Able. "Three four," said Bob Baker. "Five six," said Cid Cole. "Seven," said Dee.'
    spans = [(1, 9), (27, 38), (57, 66), (84, 90)]
    gold = [{"start": s, "end": e, "text": text[s:e], "speaker": n}
            for (s, e), n in zip(spans, ["Ann Able", "Bob Baker", "Cid Cole", None])]
    pred = [QuoteRecord(1, 9, text[1:9], "Ann Able", None, None, None, None, 0.95),       # right, high
            QuoteRecord(27, 38, text[27:38], "Bob Baker Tuesday", None, None, None, None, 0.92),  # extra word: wrong
            QuoteRecord(57, 66, text[57:66], "Cid Cole", None, None, None, None, 0.31),   # right, low
            QuoteRecord(84, 90, text[84:90], None, None, None, None, None, 0.99),         # gold has no name
            QuoteRecord(91, 96, text[91:96], "Dee", None, None, None, None, 1.0)]         # spurious
    counts = Counter(docs=1)
    rel = summarise(counts, score_document(text, gold, pred, counts))["reliability"]
    # only matched quotes with a gold name are in the main table
    assert rel["n"] == 3 and rel["at_0_9_n"] == 2 and rel["at_0_9"] == 0.5
    assert [(b["lo"], b["n"], b["accuracy"]) for b in rel["bins"]] == [(0.3, 1, 1.0), (0.9, 2, 0.5)]
    assert rel["bins"][1]["confidence"] == 0.935
    assert rel["ece"] == round((1 * 0.69 + 2 * 0.435) / 3, 4)
    # over all predictions: the unnamed gold speaker counts right, the spurious span wrong
    every = rel["all"]
    assert every["n"] == 5 and every["at_0_9_n"] == 4 and every["at_0_9"] == 0.5


def test_reliability_table_is_empty_without_attributions():
    counts = Counter(docs=1)
    rel = summarise(counts, score_document("No quotes here.", [], [], counts))["reliability"]
    assert rel == {"bins": [], "n": 0, "ece": None, "at_0_9": None, "at_0_9_n": 0,
                   "all": {"bins": [], "n": 0, "ece": None, "at_0_9": None, "at_0_9_n": 0}}

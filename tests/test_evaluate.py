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

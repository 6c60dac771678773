"""Can the quote filter's web precision rise by learned, general means? (issue #15)

Grouped 5-fold CV by article over PolNeAR train and the web set, exactly as
``quotes train attribution`` chooses the quote filter: the same span rows
(``quote_filter.span_rows``), folds (``training.attribution._folds``), web weight
(``WEB_WEIGHT``), learner (``make_quote_filter``) and threshold rule (the highest
threshold at which the spans the rules keep lose at most ``MAX_RECALL_LOSS`` of
each source's gold quotes). PolNeAR dev is never read. Each variant adds
features to every span row, or changes what the model is told, and prints
PolNeAR's out-of-fold span P/R/F1 and the web set's.

Feature families (each a general fact, judged here before any is written into
``attribution/features.py``):

- form: the span's inner form crossed with its size (a clause: first or second
  person or a verb; all words lower case; a title-case phrase not ended by
  punctuation);
- noun-phrase: a determiner, adjective or possessive before the marks and a
  lower-case noun after them ('the "frunk" feature');
- article: the share of the article's kept spans with a reporting verb near
  them, crossed with the span's size;
- line: the span's paragraph is short and unended (a heading, caption or list item);
- verbs: the verbs of the span's sentence outside quotation marks (hashed, so the
  model learns which verbs attribute: "found", "named", "referred");
- style: every feature crossed with the article's reporting verbs per sentence
  (the model may weigh a span's shape differently in reported news and in a
  column or review).

Diagnostics (not shippable: they read which set a document comes from):

- source: every feature crossed with the span's source (PolNeAR or web);
- web convention: the same crossing, but every held-out document, PolNeAR's
  too, is scored as a web document: what one model in the web set's
  convention would do to PolNeAR.

Result on 2026-12-07 (main at rules-17, attribution-model-12; 9,208 PolNeAR
and 790 web spans; figures among the spans, as the model card gives them):

    variant          PolNeAR P / R / F1         web P / R / F1
    baseline         0.946 / 0.989 / 0.967      0.845 / 1.000 / 0.916
    form             0.945 / 0.989 / 0.967      0.843 / 1.000 / 0.915
    noun-phrase      0.945 / 0.989 / 0.967      0.843 / 1.000 / 0.915
    article          0.947 / 0.989 / 0.967      0.843 / 1.000 / 0.915
    line             0.946 / 0.989 / 0.967      0.846 / 1.000 / 0.917
    verbs            0.946 / 0.989 / 0.967      0.843 / 1.000 / 0.915
    style            0.945 / 0.989 / 0.966      0.857 / 1.000 / 0.923
    source           0.940 / 0.992 / 0.965      0.921 / 0.997 / 0.957
    web convention   0.965 / 0.960 / 0.963      0.919 / 0.997 / 0.957

No general feature moves web precision beyond noise: one web span is about
0.0014, and the same families on the code before rules-16 gave baseline 0.853,
style 0.847, form 0.851, line 0.853 (style's +0.012 here is -0.006 there).
Also tried on that code, none better: the span's tag pattern and its words
(hashed), a gradient-boosted model on the dense features (0.840) and stacked on
the linear model's score (0.852), C 0.2 and 2, web negatives weighted 6, 10 or
20, a per-source recall budget (PolNeAR may lose 0.7%: web 0.865, PolNeAR
recall 0.986; PolNeAR dev's recall, 0.9851, sits on its floor 0.985).
The threshold is set by PolNeAR's lowest-scored gold quotes (titles of shows,
nicknames and scare-quoted terms inside attributed sentences, which PolNeAR's
converter counts as quotes and the web guidelines do not); web spans of the
same kind score the same. Told the source, the model reaches web precision
0.92 (F1 0.957): the gap is the two sets' conventions, not missing features.
A model in the web convention for every article costs PolNeAR 3 points of
recall (0.989 to 0.960), below the 0.985 that PolNeAR's floors hold.
One model for every article between the two conventions (the source-crossed
model's margins mixed, web share 0.1 to 0.5) only lowers web precision (0.836
to 0.826) under PolNeAR's recall rule, which then sets the threshold lower.

Rerun on 2026-12-07 with BBC train beside the web set (``--web other.gold.jsonl``:
1,289 spans, 1,082 quotes; "web" below is both), attribution-model-15, and three
threshold rules: ``recall`` (the shipped rule above), ``f1`` (the best span F1 over
every source together) and ``f1_polnear_recall`` (the same, PolNeAR train keeping
recall >= 0.985, its dev floor). Rules-23 spans; each family
in a scratch version of the one here (figures: PolNeAR P / R, web P / R):

    variant             recall rule                  f1 rule                      f1, PolNeAR R >= 0.985
    baseline            0.947/0.989  0.890/1.000     0.960/0.977  0.927/0.995     0.950/0.985  0.897/1.000
    slot                0.948/0.989  0.893/1.000     0.959/0.979  0.922/0.995     0.950/0.986  0.897/1.000
    form                0.946/0.989  0.890/1.000     0.964/0.971  0.935/0.991     0.950/0.986  0.896/1.000
    governed            0.946/0.989  0.887/1.000     0.957/0.979  0.919/0.995     0.950/0.986  0.900/0.998
    usage               0.947/0.989  0.888/1.000     0.962/0.974  0.935/0.994     0.950/0.985  0.895/1.000
    line                0.947/0.989  0.890/1.000     0.960/0.977  0.928/0.995     0.950/0.986  0.895/1.000
    all five            0.947/0.989  0.889/1.000     0.962/0.972  0.932/0.990     0.950/0.988  0.896/0.998

Rules-24 (``’’`` and ``„…“`` pairing, unit marks: five broken spans of the web set
gone, three of its quotes found whole), this tool, baseline:

    recall              0.9470 / 0.9888 / 0.9675   0.8945 / 1.0000 / 0.9443   (threshold 0.211)
    f1                  0.9609 / 0.9755 / 0.9682   0.9326 / 0.9954 / 0.9630   (threshold 0.458)
    f1_polnear_recall   0.9498 / 0.9862 / 0.9677   0.8997 / 1.0000 / 0.9472   (threshold 0.253)

Again no family moves web precision beyond noise (one span is about 0.001) under any
rule. The threshold alone trades: the free best-F1 rule gives web + BBC precision 0.933
for 113 PolNeAR train quotes (recall 0.989 -> 0.976, under PolNeAR dev's recall floor);
held at PolNeAR recall 0.985 it gives 0.900. The spans PolNeAR then loses are its
titles of shows and books, headline scare quotes and slogans: the convention question.

    python annotation/web/build_gold.py /tmp/web.gold.jsonl ../shared
    python annotation/bbc/build_gold.py /tmp/bbc-train.gold.jsonl ../shared --train
    cat /tmp/web.gold.jsonl /tmp/bbc-train.gold.jsonl > /tmp/other.gold.jsonl
    python tools/quote_filter_cv.py --data ../shared/data/quotes/polnear-train.jsonl --web /tmp/other.gold.jsonl
    # 9 min for all on 2 busy cores (load 7); --variants baseline source ... for some

Rerun on 2026-12-07 (rules-36, main at 9c5e186) with the 426 BBC training articles
(``annotation/bbc/build_gold.py OUT ../shared --train``; web + BBC: 546 articles), each
variant also scored by the shipped rule (``shipped``: ``training.choose_threshold``, the
best span F1 with PolNeAR and web + BBC each keeping THRESHOLD_MIN_RECALL 0.9875), the
web set and the BBC articles apart (P / R / F1, false positives). Issue #15's term facts,
each as a family here (spans of a term: a coined word, no speaker in the paragraph, a
capital in mid-sentence, a naming slot):

    variant          thr     PolNeAR train                web                         BBC train
    baseline         0.186   .9475/.9875/.9671  fp 465    .8552/1/.9219  fp 105       .9488/.9980/.9728  fp 136
    form             0.181   .9480/.9876/.9674  fp 460    .8552/1/.9219  fp 105       .9485/.9980/.9726  fp 137
    noun-phrase      0.162   .9467/.9883/.9671  fp 473    .8482/1/.9178  fp 111       .9474/.9984/.9722  fp 140
    article          0.173   .9475/.9875/.9671  fp 465    .8516/1/.9199  fp 108       .9474/.9984/.9722  fp 140
    line             0.184   .9473/.9876/.9670  fp 467    .8552/1/.9219  fp 105       .9488/.9980/.9728  fp 136
    verbs            0.156   .9464/.9875/.9665  fp 475    .8493/1/.9185  fp 110       .9474/.9984/.9722  fp 140
    slot             0.181   .9473/.9880/.9672  fp 467    .8516/1/.9199  fp 108       .9485/.9984/.9728  fp 137
    governed         0.180   .9475/.9875/.9671  fp 465    .8564/1/.9226  fp 104       .9488/.9984/.9730  fp 136
    usage            0.179   .9473/.9875/.9670  fp 467    .8552/1/.9219  fp 105       .9484/.9976/.9724  fp 137
    coined           0.180   .9472/.9875/.9669  fp 468    .8505/1/.9192  fp 109       .9481/.9976/.9722  fp 138
    speaker-para     0.188   .9479/.9875/.9673  fp 461    .8540/1/.9212  fp 106       .9481/.9984/.9726  fp 138
    mid-capital      0.181   .9472/.9875/.9669  fp 468    .8575/1/.9233  fp 103       .9478/.9984/.9724  fp 139
    naming           0.186   .9474/.9878/.9672  fp 466    .8575/1/.9233  fp 103       .9488/.9980/.9728  fp 136
    all-terms        0.181   .9476/.9875/.9671  fp 464    .8552/1/.9219  fp 105       .9488/.9980/.9728  fp 136
    naming-reject    0.087   .9425/.9879/.9647  fp 512    .8298/.9984/.9063  fp 127   .9442/.9988/.9708  fp 149

None moves a source by more than two spans (web: one span is 0.0014 of precision;
BBC: 0.0004), so none went into ``attribution/features.py``. Nor the learner: web
weight 1, 6, 10 (shipped 3) and C 0.2, 2 (shipped 0.5) stay within two spans too
(``--web-weight``, ``--C``). Why: the threshold is held by PolNeAR train's recall
(web + BBC keep 0.998 or more at every threshold the rule chose here), and PolNeAR's lowest-scored gold
quotes are the same kinds as the web + BBC false positives (shows' titles, labels,
lower-case scare-quoted terms, "the term '...'", "a play called '...'"): its converter
counts them. In a naming slot (``naming``: "links called", "what is known as", "the
term") PolNeAR train holds 32 gold quotes and 10 others, web + BBC 2 and 9; as a rule
(``naming-reject``) it drops 32 PolNeAR quotes and the threshold falls to keep
PolNeAR's recall: every source loses precision. Fronts are prepared once for all the
variants (about 30 s a variant at load 1 to 6).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.attribution.features import TAG_CODES, _cue_in_sentence  # noqa: E402
from quotes.attribution.front import Front, prepare  # noqa: E402
from quotes.attribution.quote_filter import CERTAIN_REJECTS, span_rows  # noqa: E402
from quotes.corpus.evaluate import load_gold  # noqa: E402
from quotes.text.parsed import token_index_near  # noqa: E402
from quotes.vocabulary import MINOR_WORDS  # noqa: E402
from quotes.training import attribution as training  # noqa: E402

_WORDS = re.compile(r"[^\W\d_][\w’'-]*")
_PERSONS = frozenset("i we you".split())
_VERB_TAGS = frozenset({TAG_CODES["V"], TAG_CODES["VBD"]})
# Tags of a word that opens a noun phrase before the marks: an adjective or a determiner.
_NP_OPENER_TAGS = frozenset({TAG_CODES["J"], TAG_CODES["DT"]})
Extra = Callable[[Front, int, dict], None]


def _size(row: dict) -> str:
    n = round(2 ** row["words_log"] - 1)
    return "s" if n <= 3 else "l" if n >= 8 else "m"


def _tokens(front: Front, i: int) -> tuple[int, int]:
    span, doc = front.spans[i], front.parsed
    qlo = doc.token_index(span.mark_start)
    return qlo, token_index_near(doc, span.mark_end, qlo)


def form(front: Front, i: int, row: dict) -> None:
    span = front.spans[i]
    text = front.parsed.text[span.start:span.end]
    words = _WORDS.findall(text)
    lower = bool(words) and not any(c.isupper() for c in text)
    clause = bool(row["has_verb"]) and (any(w.lower() in _PERSONS for w in words) or len(words) >= 5)
    title = len(words) >= 2 and bool(row["all_caps_title"]) and not row["ends_punct"]
    row[f"{_size(row)}|lower={int(lower)}|clause={int(clause)}|title={int(title)}"] = 1.0


def noun_phrase(front: Front, i: int, row: dict) -> None:
    ctx, span = front.ctx, front.spans[i]
    doc, toks = ctx.doc, ctx.doc.tokens
    qlo, qhi = _tokens(front, i)
    before = toks[qlo - 1].text.lower() if qlo > 0 and doc.line_of_token[qlo - 1] == span.line else ""
    after = toks[qhi].text if qhi < len(toks) and doc.line_of_token[qhi] == span.line else ""
    det = bool(before) and (ctx.tag(qlo - 1) in _NP_OPENER_TAGS or before.endswith(("'s", "’s")))
    noun = bool(after) and after[:1].islower() and ctx.tag(qhi) == TAG_CODES["N"]
    row[f"{_size(row)}|np_before={int(det)}|noun_after={int(noun)}"] = 1.0


def article(front: Front, i: int, row: dict, _memo: dict = {}) -> None:  # noqa: B006 (one article at a time)
    if _memo.get("front") is not front:
        ctx, doc = front.ctx, front.parsed
        near = []
        for k, (s, reason) in enumerate(zip(front.spans, front.reasons)):
            if reason is None:
                qlo, qhi = _tokens(front, k)
                lo, hi = doc.line_token_range(s.line)
                near.append(_cue_in_sentence(ctx, qlo, qhi) or ctx.count(ctx.cues, max(lo, qlo - 6), qlo) > 0
                            or ctx.count(ctx.cues, qhi, min(hi, qhi + 6)) > 0)
        _memo.update(front=front, share=sum(near) / len(near) if near else 0.0)
    share = _memo["share"]
    row["doc_cue_share"] = share
    row[f"{_size(row)}|doc_cue_share={int(share >= 1 / 3) + int(share >= 2 / 3)}"] = 1.0


def line(front: Front, i: int, row: dict) -> None:
    ln = front.parsed.lines[front.spans[i].line]
    text = front.parsed.text[ln.start:ln.end].strip()
    short = len(text.split()) <= 12 and text[-1:] not in ".!?\"”’'…:"
    row[f"{_size(row)}|short_unended_line={int(short)}"] = 1.0


def verbs(front: Front, i: int, row: dict, reach: int = 20) -> None:
    ctx = front.ctx
    sent, toks, quoted = ctx.sentence, ctx.doc.tokens, ctx.doc.quoted
    n = len(sent)
    if not n:
        return
    qlo, qhi = _tokens(front, i)
    lo = max(0, qlo - reach, bisect_left(sent, sent[min(qlo, n - 1)]))
    hi = min(n, qhi + reach, bisect_right(sent, sent[min(max(qhi - 1, 0), n - 1)]))
    for k in [*range(lo, min(qlo, hi)), *range(max(qhi, lo), hi)]:
        if not (quoted and quoted[k]) and ctx.tags[k] in _VERB_TAGS:
            row[f"sentence_verb={toks[k].text.lower()}"] = 1.0


# Words that put the marked words in a naming slot: the span is a name, a term or a
# title the writer gives ("a sample called", "dubbed", "the so-called", "the word").
_NAMING = frozenset("""called dubbed named titled entitled nicknamed branded labelled labeled termed coined
    christened renamed billed known so-called word words term phrase label slogan hashtag motto mantra
    catchphrase nickname tagline""".split())
_NAMING_OBJECTS = frozenset("it him her them this as a the".split())
_REPORTERS = frozenset("he she they i we".split())


def slot(front: Front, i: int, row: dict) -> None:
    """The span's syntactic slot: after a naming word ("called", "the word"), beside a
    noun of a work ("the album", "campaign"), or a modifier between a determiner and a
    lower-case noun ('the "frunk" feature')."""
    from quotes.detection.screen import _WORK_NOUNS

    ctx, span = front.ctx, front.spans[i]
    doc, toks = ctx.doc, ctx.doc.tokens
    qlo, qhi = _tokens(front, i)

    def word(k: int) -> str:
        return toks[k].text.lower() if 0 <= k < len(toks) and doc.line_of_token[k] == span.line else ""

    b1, b2, b3, a1 = word(qlo - 1), word(qlo - 2), word(qlo - 3), word(qhi)
    naming = b1 in _NAMING or (b1 in _NAMING_OBJECTS and b2 in _NAMING)
    work = bool(_WORK_NOUNS & {b1, b2, b3, a1})
    after = toks[qhi].text if a1 else ""
    np_ = (ctx.tag(qlo - 1) == TAG_CODES["DT"] or b1.endswith(("'s", "’s"))) and after[:1].islower() \
        and ctx.tag(qhi) == TAG_CODES["N"]
    row[f"{_size(row)}|naming={int(naming)}|work={int(work)}|np={int(np_)}"] = 1.0


def governed(front: Front, i: int, row: dict) -> None:
    """Whether a reporting verb and a speaker (a proper name or a subject pronoun beside
    the verb) govern the span in its sentence: a partial quote in reported speech is a
    quote ('Smith said the plan was "a disgrace"'), a term with neither is not."""
    ctx = front.ctx
    sent, toks = ctx.sentence, ctx.doc.tokens
    n = len(sent)
    cue = speaker = False
    if n:
        qlo, qhi = _tokens(front, i)
        lo = bisect_left(sent, sent[min(qlo, n - 1)])
        hi = bisect_right(sent, sent[min(max(qhi - 1, 0), n - 1)])
        for k in [*range(max(lo, qlo - 12), min(qlo, hi)), *range(max(qhi, lo), min(hi, qhi + 8))]:
            if ctx.cue[k]:
                cue = True
                for j in range(max(lo, k - 5), min(hi, k + 4)):
                    if not qlo <= j < qhi and j != k and (ctx.tags[j] == TAG_CODES["NNP"]
                                                          or toks[j].text.lower() in _REPORTERS):
                        speaker = True
    row[f"{_size(row)}|governed_cue={int(cue)}|speaker={int(speaker)}"] = 1.0


def usage(front: Front, i: int, row: dict, _memo: dict = {}) -> None:  # noqa: B006 (one article at a time)
    """The article's own usage: every major word of the span stands elsewhere outside
    quotation marks, and only capitalised there (a name or a title the article uses:
    'Wild Rose ... "Wild Rose"'), not in lower case as plain words."""
    doc = front.parsed
    if _memo.get("front") is not front:
        low, cap = set(), set()
        for k, t in enumerate(doc.tokens):
            if not (doc.quoted and doc.quoted[k]) and t.text[:1].isalpha():
                (cap if t.text[:1].isupper() else low).add(t.text.lower())
        _memo.update(front=front, low=low, cap=cap)
    span = front.spans[i]
    words = [w.lower() for w in _WORDS.findall(doc.text[span.start:span.end])]
    major = [w for w in words if w not in MINOR_WORDS]
    capped = bool(major) and all(w in _memo["cap"] and w not in _memo["low"] for w in major)
    row[f"{_size(row)}|capitalised_elsewhere={int(capped)}"] = 1.0


def _lexicon() -> dict[str, str]:
    from quotes.resources import word_tags
    return word_tags()


def coined(front: Front, i: int, row: dict) -> None:
    """A short lower-case span with a word no dictionary holds: a coined word the
    writer marks ('"robotiquette"'), not words anyone said ('"delighted"')."""
    lex = _lexicon()
    span = front.spans[i]
    text = front.parsed.text[span.start:span.end]
    words = _WORDS.findall(text)
    if 1 <= len(words) <= 3 and not text[:1].isupper():
        new = any(w.lower() not in lex and w not in lex and w.lower() not in MINOR_WORDS for w in words)
        row[f"{_size(row)}|coined={int(new)}"] = 1.0


_SUBJECTS = frozenset("he she they i we".split())


def speaker_para(front: Front, i: int, row: dict) -> None:
    """Someone the words could belong to: a person's name or a subject pronoun (outside
    quotation marks) in the span's paragraph or the one before; and whether either
    paragraph holds a reporting verb."""
    doc, ctx = front.parsed, front.ctx
    span = front.spans[i]
    names = sorted({m.token for m in front.names if not m.org})
    who = cue = False
    for ln in (span.line - 1, span.line):
        if 0 <= ln < len(doc.lines):
            lo, hi = doc.line_token_range(ln)
            at = bisect_left(names, lo)
            who = who or (at < len(names) and names[at] < hi) or any(
                doc.tokens[k].text.lower() in _SUBJECTS for k in range(lo, hi) if not (doc.quoted and doc.quoted[k]))
            cue = cue or ctx.count(ctx.cues, lo, hi) > 0
    row[f"{_size(row)}|para_speaker={int(who)}|para_cue={int(cue)}"] = 1.0


def mid_capital(front: Front, i: int, row: dict) -> None:
    """The span opens with a capital in mid-sentence, after a word (no colon, comma or
    dash to introduce speech): a name or a title ('the "Eton of the valleys"')."""
    ctx, span = front.ctx, front.spans[i]
    doc, toks = ctx.doc, ctx.doc.tokens
    qlo, _ = _tokens(front, i)
    text = doc.text[span.start:span.end]
    before = toks[qlo - 1].text if qlo > 0 and doc.line_of_token[qlo - 1] == span.line else ""
    sent = ctx.sentence
    mid = bool(before) and before[:1].isalpha() and sent[qlo - 1] == sent[min(qlo, len(sent) - 1)]
    cap = text[:1].isupper() and not text.startswith(("I ", "I'", "I’"))
    row[f"{_size(row)}|mid_capital={int(mid and cap)}|mid_lower={int(mid and not cap)}"] = 1.0


# A naming slot that names a term rather than reports words: a participle of naming
# right after a noun ("links called", "a campaign dubbed"), "what is known as", or
# a noun of words ("the term", "the word", "the name"). Not a speaker's naming:
# 'he called the plan "a disaster"' has a subject and an object between.
_PASSIVE_NAMING = re.compile(
    r"(?:\b(?!(?:he|she|they|we|you|who|what|which|that|it|its|and|but|also|has|have|had|was|were)\b)[a-z]{3,}"
    r" (?:called|dubbed|named|nicknamed|labelled|labeled|titled|entitled|termed|branded|classed as|classified as)"
    r"|\b(?i:what(?:'s|’s| is| was| are)|is|are|was|were|be|been|being) (?:now |also |often |sometimes )?"
    r"(?:known as|called|termed|dubbed|named)"
    r"|\b(?i:the) (?:term|word|words|name|phrase|label|slogan|hashtag|motto|mantra|catchphrase|nickname|tagline"
    r"|acronym)(?: of)?)[\s,:]*$")


def _naming_slot(front: Front, i: int) -> bool:
    span = front.spans[i]
    text, ln = front.parsed.text, front.parsed.lines[span.line]
    before = text[max(ln.start, span.mark_start - 60):span.mark_start]
    return bool(_PASSIVE_NAMING.search(before))


def naming(front: Front, i: int, row: dict) -> None:
    """The span stands in a naming slot (see _PASSIVE_NAMING)."""
    row[f"{_size(row)}|naming_slot={int(_naming_slot(front, i))}"] = 1.0


def naming_reject(front: Front, i: int, row: dict) -> None:
    """As a rule: a span of at most four words in a naming slot is a term, not speech."""
    span = front.spans[i]
    n = len(_WORDS.findall(front.parsed.text[span.start:span.end]))
    if n <= 4 and row.get("reason=None") and _naming_slot(front, i):
        del row["reason=None"]
        row["reason=term"] = 1.0


def every_term_fact(front: Front, i: int, row: dict) -> None:
    """Every family of issue #15's term facts at once (governed, slot, usage, coined,
    speaker-para, mid-capital, naming)."""
    for family in (governed, slot, usage, coined, speaker_para, mid_capital, naming):
        family(front, i, row)


def style(front: Front, i: int, row: dict) -> None:
    v = row["doc_cues_per_sentence"]
    level = int(v >= 0.15) + int(v >= 0.3)
    for k, x in list(row.items()):
        if not k.startswith("doc_"):
            row[f"style{level}|{k}"] = x


FAMILIES: dict[str, Extra | None] = {"baseline": None, "form": form, "noun-phrase": noun_phrase,
                                     "article": article, "line": line, "verbs": verbs, "style": style,
                                     "slot": slot, "governed": governed, "usage": usage,
                                     "coined": coined, "speaker-para": speaker_para, "mid-capital": mid_capital,
                                     "naming": naming, "naming-reject": naming_reject,
                                     "all-terms": every_term_fact}
DIAGNOSTICS = ("source", "web-convention")


def examples(docs: list[dict], extra: Extra | None = None, first: int = 0) -> tuple[list[dict], list[int], list[int]]:
    """The quote filter's rows, labels and document groups (from ``first``), as
    training builds them, with ``extra`` features."""
    return _rows_of((_prepare_one(doc) for doc in docs), extra, first)


def _prepare_one(doc: dict) -> tuple:
    """A document's Front, its spans' gold match and its span rows."""
    front = prepare(doc["text"])
    return front, training._match_gold(doc["text"], front.spans, doc["quotes"]), span_rows(front)


def _rows_of(prepared, extra: Extra | None, first: int) -> tuple[list[dict], list[int], list[int]]:
    """Rows (copied, then ``extra`` added), labels and groups of prepared documents,
    leaving out the spans the rules reject for certain."""
    X, y, g = [], [], []
    for d, (front, match, rows) in enumerate(prepared):
        for k, (reason, base, m) in enumerate(zip(front.reasons, rows, match)):
            if reason in CERTAIN_REJECTS:
                continue
            row = dict(base)
            if extra is not None:
                extra(front, k, row)
            X.append(row)
            y.append(int(m is not None))
            g.append(first + d)
    return X, y, g


def _crossed(rows: list[dict], tag: str) -> list[dict]:
    return [{**r, **{f"{tag}|{k}": v for k, v in r.items()}} for r in rows]


def cross_validate(train_X, view_X, y, groups, n_docs: int, n_web: int, web_rule: bool = False) -> dict[str, dict]:
    """Out-of-fold span figures of each source; ``view_X`` is what the held-out rows
    show the model; ``web_rule``: the threshold keeps the web set's recall alone."""
    is_web = groups >= n_docs
    weights = np.where(is_web, training.WEB_WEIGHT, 1.0)
    oof = np.zeros(len(y))
    for fold in training._folds(n_docs, n_web):
        test = np.isin(groups, list(fold))
        model = training.make_quote_filter().fit([train_X[i] for i in np.flatnonzero(~test)], y[~test],
                                                 model__sample_weight=weights[~test])
        oof[test] = model.predict_proba([view_X[i] for i in np.flatnonzero(test)])[:, 1]
    keep = np.asarray([r.get("reason=None", 0.0) == 1.0 for r in view_X])
    rule = is_web if web_rule else np.ones(len(y), dtype=bool)
    threshold = training._threshold_keeping_recall(oof[rule].tolist(), y[rule].tolist(), keep[rule].tolist(),
                                                   training.MAX_RECALL_LOSS, is_web[rule].tolist())
    pred = keep & (oof >= threshold)
    out = {"threshold": round(threshold, 4),
           "polnear": training._span_figures(pred[~is_web], y[~is_web], keep[~is_web]),
           "web": training._span_figures(pred[is_web], y[is_web], keep[is_web]), "oof": oof}
    # The other threshold rules: the best F1 over every source's spans together,
    # free and with PolNeAR's recall held at MIN_POLNEAR_RECALL (its dev floor).
    for name, floor in (("f1", 0.0), ("f1_polnear_recall", MIN_POLNEAR_RECALL)):
        t = best_f1_threshold(oof, y, keep, ~is_web, floor)
        pred = keep & (oof >= t)
        out[name] = {"threshold": round(t, 4),
                     "polnear": training._span_figures(pred[~is_web], y[~is_web], keep[~is_web]),
                     "web": training._span_figures(pred[is_web], y[is_web], keep[is_web])}
    return out


MIN_POLNEAR_RECALL = 0.985


def best_f1_threshold(oof, y, keep, first, min_first_recall: float = 0.0) -> float:
    """The threshold of the best span F1 over all rows together (among the spans the
    rules keep), where the rows ``first`` keep at least ``min_first_recall`` of their
    quotes; 0 when no threshold does."""
    order = np.argsort(-oof[keep], kind="stable")
    p, yk, fk = oof[keep][order], y[keep][order], first[keep][order]
    tp, tp_first = np.cumsum(yk), np.cumsum(yk * fk)
    kept = np.arange(1, len(p) + 1)
    f1 = 2 * tp / (kept + y.sum())
    ok = tp_first >= min_first_recall * max(1, (y * first).sum())
    last = np.r_[p[1:] != p[:-1], True]  # a threshold keeps every row of its score
    f1 = np.where(ok & last, f1, -1.0)
    best = int(np.argmax(f1))
    return float(p[best]) if f1[best] >= 0 else 0.0


def _source_of(docs: list[dict]) -> list[str]:
    return [str(d.get("source") or "web") for d in docs]


_FRONTS: dict[int, tuple[list[dict], list]] = {}


def _prepared(docs: list[dict]) -> list:
    """Each document's Front, gold match and span rows, prepared once for every variant
    (kept with the list itself, so a new list at a reused id is prepared afresh)."""
    held = _FRONTS.get(id(docs))
    if held is None or held[0] is not docs:
        held = _FRONTS[id(docs)] = (docs, [_prepare_one(doc) for doc in docs])
    return held[1]


def examples_cached(docs: list[dict], extra: Extra | None = None, first: int = 0):
    """:func:`examples` over fronts prepared once (rows copied, then ``extra`` added)."""
    return _rows_of(_prepared(docs), extra, first)


def shipped_figures(oof, y, keep, is_web, src) -> dict:
    """The shipped threshold rule (training.choose_threshold: the best span F1, each of
    PolNeAR and web + BBC keeping THRESHOLD_MIN_RECALL) and its span figures per
    source of ``src`` ("polnear", "web", "bbc"), with the false positives."""
    t = training.choose_threshold(oof, y, keep, is_web)
    pred = keep & (oof >= t)
    out: dict = {"threshold": round(t, 4)}
    for name in ("polnear", "web", "bbc"):
        m = src == name
        if m.any():
            out[name] = {**training._span_figures(pred[m], y[m], keep[m]), "fp": int((pred[m] & (y[m] == 0)).sum())}
    return out


def run(variant: str, train_docs: list[dict], web_docs: list[dict]) -> dict[str, dict]:
    extra = FAMILIES.get(variant)
    X1, y1, g1 = examples_cached(train_docs, extra)
    X2, y2, g2 = examples_cached(web_docs, extra, len(train_docs))
    groups, y = np.asarray(g1 + g2), np.asarray(y1 + y2)
    if variant == "source":
        X = _crossed(X1, "polnear") + _crossed(X2, "web")
        return cross_validate(X, X, y, groups, len(train_docs), len(web_docs))
    if variant == "web-convention":
        X = _crossed(X1, "polnear") + _crossed(X2, "web")
        view = _crossed(X1, "web") + _crossed(X2, "web")
        # (PolNeAR's gold is not this convention: the threshold keeps the web set's recall alone)
        return cross_validate(X, view, y, groups, len(train_docs), len(web_docs), web_rule=True)
    X = X1 + X2
    out = cross_validate(X, X, y, groups, len(train_docs), len(web_docs))
    src = np.asarray(["polnear"] * len(X1) + [_source_of(web_docs)[gi - len(train_docs)] for gi in g2])
    keep = np.asarray([r.get("reason=None", 0.0) == 1.0 for r in X])
    out["shipped"] = shipped_figures(out["oof"], y, keep, groups >= len(train_docs), src)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="PolNeAR train gold JSONL")
    parser.add_argument("--web", required=True, help="the web set's gold JSONL (annotation/web/build_gold.py)")
    parser.add_argument("--variants", nargs="*", default=[*FAMILIES, *DIAGNOSTICS],
                        choices=[*FAMILIES, *DIAGNOSTICS])
    parser.add_argument("--web-weight", type=float, help="a web span's weight in the fit (default WEB_WEIGHT)")
    parser.add_argument("--C", type=float, help="the learner's C (default make_quote_filter's)")
    args = parser.parse_args(argv)
    if args.web_weight is not None:
        training.WEB_WEIGHT = args.web_weight
    if args.C is not None:
        make = training.make_quote_filter
        training.make_quote_filter = lambda C=args.C: make(C)  # type: ignore[misc]
    train_docs, web_docs = load_gold(args.data), load_gold(args.web)
    print(f"{'variant':16s} {'rule':18s} {'threshold':>9s}   PolNeAR P / R / F1            web P / R / F1",
          flush=True)
    for variant in args.variants:
        t0 = time.perf_counter()
        out = run(variant, train_docs, web_docs)
        for rule, res in (("recall", out), ("f1", out["f1"]), ("f1_polnear_recall", out["f1_polnear_recall"])):
            a, b = res["polnear"], res["web"]
            print(f"{variant:16s} {rule:18s} {res['threshold']:9.4f}   {a['precision']:.4f} / {a['recall']:.4f} / "
                  f"{a['f1']:.4f}   {b['precision']:.4f} / {b['recall']:.4f} / {b['f1']:.4f}", flush=True)
        sh = out["shipped"] if "shipped" in out else None
        if sh is not None:
            parts = [f"{k} {sh[k]['precision']:.4f}/{sh[k]['recall']:.4f}/{sh[k]['f1']:.4f} fp {sh[k]['fp']}"
                     for k in ("polnear", "web", "bbc") if k in sh]
            print(f"{variant:16s} {'shipped':18s} {sh['threshold']:9.4f}   " + "   ".join(parts), flush=True)
        print(f"  ({time.perf_counter() - t0:.0f} s)", flush=True)


if __name__ == "__main__":
    main()

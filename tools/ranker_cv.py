"""Experiment (#15): the speaker ranker judged by grouped 5-fold CV over PolNeAR
train plus the web set (group = article), for a choice of web weights.

For each weight, the folds' quote filters and rankers are fitted as
``quotes train attribution`` fits them, and the tool prints the ranker's
out-of-fold mention accuracy on each set (named, pronoun/description) and the
whole pipeline out of fold on the web set (strict names: named, pronoun/description,
end-to-end F1), then the same for each source of ``--web`` apart (the web set,
and the BBC training set, whose doc ids start "bbc-"). PolNeAR dev is not read.

``--errors FILE`` writes the out-of-fold attribution errors of the web set (and,
with ``--train-errors``, PolNeAR train's ranker errors on pronoun and description
mentions) for the last weight, to categorise them.

Usage::

    python tools/ranker_cv.py --data ../shared/data/quotes/polnear-train.jsonl --web /tmp/web.gold.jsonl \
        --weights 0 1 3 6 [--errors /tmp/web-errors.jsonl]
"""
from __future__ import annotations

import argparse
import json
import time

from quotes.corpus.evaluate import load_gold
from quotes.text import entities as ent_mod
from quotes.training import attribution as ta


def attribution_errors(preds: list) -> list[dict]:
    """The wrong speakers (strict names) among the predicted quotes that match a gold
    quote with a name: the gold and predicted speaker and mention, with the words around."""
    from quotes.corpus.evaluate import same_speaker, usable_speaker

    out = []
    for doc, pred in preds:
        text = doc["text"]
        match = ta._match_gold(text, pred, doc["quotes"])
        for q, m in zip(pred, match):
            if m is None:
                continue
            g = doc["quotes"][m]
            gold = g.get("speaker_resolved", g.get("speaker"))
            if not usable_speaker(gold) or same_speaker(gold, q.speaker, strict=True):
                continue
            gold_kind = "named" if usable_speaker(g.get("speaker_mention") or g.get("speaker")) else "pronoun"
            mention_ok = (q.speaker_start is not None and g["speaker_start"] is not None
                          and q.speaker_start < g["speaker_end"] and g["speaker_start"] < q.speaker_end)
            lo = max(0, min(q.start, g["speaker_start"] or q.start, q.speaker_start or q.start) - 150)
            hi = min(len(text), max(q.end, g["speaker_end"] or q.end, q.speaker_end or q.end) + 60)
            out.append({"doc_id": doc["doc_id"], "gold_kind": gold_kind, "mention_ok": mention_ok,
                        "gold": gold, "gold_mention": g.get("speaker_mention"),
                        "predicted": q.speaker, "predicted_mention": q.speaker_mention,
                        "rule": q.rule, "quote": q.text[:80], "context": text[lo:hi]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--web", required=True)
    ap.add_argument("--weights", type=float, nargs="+", default=[0.0, 1.0, 3.0])
    ap.add_argument("--errors", help="write the web set's out-of-fold errors (last weight) here")
    ap.add_argument("--ranker", action="append", default=[],
                    help='a JSON object of HistGradientBoostingClassifier settings to try instead of training\'s '
                         '(e.g. \'{"max_iter": 200}\'); several are tried in turn, each with every weight')
    ap.add_argument("--resolve", choices=("shipped", "hand", "learned", "folds"), default="shipped",
                    help="he/she resolution weights: the shipped model's (fitted on all of web + BBC train: "
                         "in-sample for those), the hand-set ones, the same as shipped, or fitted "
                         "on each fold's training web articles as tools/resolve_cv.py fits them")
    ap.add_argument("--names-folds", type=float, metavar="WEIGHT",
                    help="refit the name model inside each fold, as `quotes train names` fits it (the shipped "
                         "card's features, C and threshold), on --data and --web (a --web article weighing "
                         "WEIGHT) with the fold's articles left out, so the web pipeline's out-of-fold figures "
                         "never see a name model trained on them")
    options = ap.parse_args()
    from threadpoolctl import threadpool_limits

    t0 = time.perf_counter()
    docs = load_gold(options.data)
    web_docs = load_gold(options.web)
    with threadpool_limits(1):
        ex = ta.build_examples(docs)
        web_ex = ta.build_examples(web_docs, first_group=len(docs))
        print(f"examples: {time.perf_counter() - t0:.0f} s", flush=True)
        fold_setup = None
        if options.resolve == "hand":
            ent_mod.W_RESOLVE = ent_mod.W_RESOLVE_HAND
        elif options.resolve == "learned":
            ent_mod.W_RESOLVE = ent_mod.resolve_weights()
        elif options.resolve == "folds":
            import numpy as np

            import resolve_cv

            ent_mod.W_RESOLVE = ent_mod.W_RESOLVE_HAND
            real = resolve_cv.real_examples(web_docs, len(docs))
            hand = np.asarray(ent_mod.W_RESOLVE_HAND)

            def fold_setup(fold: set[int]) -> None:
                w = ta.fit_resolve_weights([e for e in real if e[0] not in fold], resolve_cv.CHOSEN_L2, prior=hand)
                ent_mod.W_RESOLVE = ta._rounded(w)
        if options.names_folds is not None:
            fold_setup = _names_folds(options, fold_setup)
        settings = [json.loads(r) for r in options.ranker] or [{}]
        plain = ta.make_ranker
        for setting in settings:
            if setting:
                ta.make_ranker = lambda setting=setting: plain().set_params(**setting)
                print(f"ranker settings {setting}", flush=True)
            for w in options.weights:
                _report(ta.cross_validate, ex, docs, web_ex, web_docs, w, fold_setup, options.errors)


def _names_folds(options, then):
    """A fold_setup that swaps in a name model fitted without the fold's articles (then calls ``then``)."""
    from pathlib import Path

    from quotes.model_arrays import arrays_path
    from quotes.text import name_model
    from quotes.training import names as tn

    card = json.loads(arrays_path(name_model.NAMES_MODEL).with_suffix(".json").read_text(encoding="utf-8"))
    docs, weights, _ = tn.load_docs(options.data, [Path(options.web)], options.names_folds)
    ex = tn.build(docs, weights)

    def setup(fold: set[int]) -> None:
        _, scorer = tn.fit_name_model(ex, tuple(card["feature_groups"]), card["C"], card["threshold"],
                                      leave_out=fold)
        name_model.load_name_model = lambda: scorer
        if then is not None:
            then(fold)
    return setup


def _report(cross_validate, ex, docs, web_ex, web_docs, w, fold_setup, errors_path) -> None:
    """One grouped CV at web weight ``w``: print its figures (and write the web errors)."""
    t = time.perf_counter()
    preds: list = []
    cv = cross_validate(ex, len(docs), docs, web_ex, web_docs, ranker_web_weight=w, own_pipeline=False,
                        web_predictions=preds, fold_setup=fold_setup)
    f = cv["figures"]
    own, web = f["ranker"], f["ranker"]["web_out_of_fold"]
    pw = f["pipeline_web_out_of_fold"]
    print(f"web weight {w:g}: PolNeAR train ranker named {own['named_mention_accuracy']:.4f} "
          f"pronoun/desc {own['pronoun_description_mention_accuracy']:.4f} | web ranker named "
          f"{web['named_mention_accuracy']:.4f} pronoun/desc {web['pronoun_description_mention_accuracy']:.4f}"
          f" | web pipeline named {pw['attr']['named']:.4f} (n {pw['attr']['named_n']}) pronoun/desc "
          f"{pw['attr']['pronoun']:.4f} (n {pw['attr']['pronoun_n']}) e2e {pw['e2e']['f1']:.4f} "
          f"span F1 {pw['loose']['f1']:.4f} [{time.perf_counter() - t:.0f} s]", flush=True)
    _by_source(preds)
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as out:
            for e in attribution_errors(preds):
                out.write(json.dumps(e, ensure_ascii=False) + "\n")

def _by_source(preds: list) -> None:
    """Print the out-of-fold pipeline figures of each source of the second set
    (the web set and the BBC training set, told apart by their doc ids)."""
    from collections import Counter

    from quotes.corpus.evaluate import score_document, summarise

    for source, pick in (("web", lambda d: not d["doc_id"].startswith("bbc-")),
                         ("BBC train", lambda d: d["doc_id"].startswith("bbc-"))):
        counts: Counter = Counter()
        errors: list = []
        for doc, pred in preds:
            if pick(doc):
                counts["docs"] += 1
                errors += score_document(doc["text"], doc["quotes"], pred, counts)
        if counts["docs"]:
            s = summarise(counts, errors)
            print(f"  {source} out of fold ({counts['docs']} articles): named {s['attr']['named']:.4f} "
                  f"(n {s['attr']['named_n']}) pronoun/desc {s['attr']['pronoun']:.4f} "
                  f"(n {s['attr']['pronoun_n']}) e2e {s['e2e']['f1']:.4f}", flush=True)


if __name__ == "__main__":
    main()

"""Do new cue readings raise the tone CV? Cue-list variants over the cached text models (issue #16).

Grouped 5-fold CV by article over the news quotes, scored on the quotes of the
project's train part, with the folds, combiner settings, floors and ceilings of
``quotes train tone`` (as ``tools/tone_floors_cv.py``, shipped floors). The dev
part is never read. The text models and their scores come from the cached stack
(``tools/tone_stack.py``: built once with the cue lists of the cache); for each
variant (a copy of ``quotes/data`` with other cue lists, read by the current
``quotes/tone/lexicon.py``) the lexicon columns of every row are recomputed and
the combiners, floors and ceilings refitted per fold. That is what
``quotes train tone --refit`` changes, so the lexicon's columns (its cue groups)
must stay the same. It also prints GoEmotions dev (``--domain social``) with the
combiners fitted on all rows, and every train-part quote whose verdict at 0.5
changes against the cached lists.

Result on 2026-12-07 (tone-13, tone6; train part 5,692 quotes in 1,011 groups,
46 regret and 56 shock positives), F1 / P / R at 0.5 (TP, FP):

| variant | regret | shock | GoEmotions dev social |
|---|---|---|---|
| cached lists (tone-12) | 0.619 / 0.684 / 0.565 (26, 12) | 0.710 / 0.745 / 0.679 (38, 13) | 0.701 / 0.579 |
| + what "sorry" is about | the same | the same | the same |
| + disappointment at one's own side | **0.659** / 0.691 / 0.630 (29, 13) | 0.710 | 0.701 / 0.579 |
| + incredulity idioms (tone-13) | 0.659 | **0.752** / 0.774 / 0.732 (41, 12) | 0.701 / 0.570 |
| + WordNet members not listed (not shipped) | 0.659 | 0.752 | 0.701 / 0.570 |
| + self-judgement of conduct (not shipped) | 0.689 / 0.705 / 0.674 (31, 13) | 0.752 | 0.701 / 0.570; **0.692** / 0.574 refitted |

- "sorry" about the moment: no train quote is of the kind (a guard against the
  false alarm of a known kind; see the probes).
- own-side disappointment: three quotes gained (two distinct: one is printed
  twice), one false alarm ("I was very disappointed as I know I'm capable of
  doing better"). Of the 18 train quotes with "disappointed", 5 are regret.
- incredulity idioms: three quotes gained ("almost beyond belief that ...",
  "Defies Explanation", "a bolt out of the blue"), one false alarm fewer (a
  combiner change at 0.52); GoEmotions dev shock moves by one comment (the
  combiners refitted on all rows; ``--refit`` keeps them).
- WordNet (``nltk`` WordNet 3.0: the lemmas, derivations, hyponyms and similar
  adjectives of the synsets of regret, repent, remorse, apology, penitent,
  contrition, astonish, surprise, stun, dumbfound, disbelief, incredible):
  nearly every member is listed already; those that are not ("repent",
  "atone", "penitent", "contrition", "flummoxed", "stupefied") occur in no
  train quote, so nothing moves and they were not shipped.

- self-judgement of conduct: the speaker as the subject of a conduct adjective
  ("I was rude to the press", "I did a lousy job"; "wrong"-kind cues: rude,
  careless, reckless, sloppy, arrogant, complacent, negligent, thoughtless,
  foolish, stupid, selfish... from the WordNet synsets of rude, careless,
  arrogant, complacent, negligent, reckless, thoughtless, foolish, selfish and
  their similar adjectives). Two train quotes gained, no false alarm, but
  GoEmotions train does not agree (9 first-person uses, none remorse or
  embarrassment: "guess i am stupid" is self-deprecation), and with
  ``--refit`` (the shipped combiners) GoEmotions dev regret fell to 0.692, under
  its floor of 0.70: not shipped.

Measured and not built (counts on the train part): a comparative against one's
expectation ("better than we expected": 5 quotes, 0 shock), "I didn't think it
would ..." (4 quotes, 2 shock; GoEmotions train 11, 2 surprise).

    python annotation/tone/build.py ../shared --train /tmp/tt.jsonl --dev /tmp/td.jsonl
    python tools/tone_readings_cv.py --cache /tmp/tone-cache --train /tmp/tt.jsonl VARIANT_DIR...

(The cache is built on the first run, about 10 minutes; build it before
changing the cue lists of the work tree, or the key changes with them.)
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.base import clone

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.tone.model import rule_fires  # noqa: E402
from quotes.training.tone import (  # noqa: E402
    CEILING_SMOOTHING,
    RULES,
    TONES,
    _ceiling_columns,
    _scores,
    apply_ceilings,
    clone_heads_ceilings,
    combiner_weights,
    read_cue_tables,
    read_news_files,
    fold_rows,
)
from quotes.training.tone_features import LexiconFeatures  # noqa: E402
# tools/ is on the path when this runs as a script
from tone_stack import combiner_probe, news_folds, news_stack  # noqa: E402


def goemotions_texts(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t")[0] for line in fh]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("variants", nargs="*", type=Path, help="copies of quotes/data with other cue lists")
    parser.add_argument("--cache", type=Path, required=True, help="the --cache folder of training runs")
    parser.add_argument("--train", type=Path, required=True, help="the train part (annotation/tone/build.py)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "tone.json",
                        help="the card whose combiner settings are used")
    parser.add_argument("--any-cache", action="store_true",
                        help="use the one stack in --cache whatever its key (built before the lists changed)")
    options = parser.parse_args()
    if options.any_cache:
        import quotes.training.tone as training

        stacks = sorted(options.cache.glob("tone-text-models-*.pkl"))
        if len(stacks) != 1:
            parser.error(f"--any-cache needs exactly one stack in {options.cache}, found {len(stacks)}")
        training._stack_cache_path = lambda files, cache_dir: stacks[0]
    started = time.time()
    stack, news_files, excluded = news_stack(options.shared, options.train, options.cache)
    bases, scores = stack["bases"], stack["scores"]
    names, Y_all = stack["lexicon_names"], stack["Y"]
    is_reddit, part = stack["is_reddit"], stack["from_split"]
    n_train = int(is_reddit.sum())
    heads = stack["pipeline"].named_steps["heads"]
    y_news = Y_all[~is_reddit]
    is_news = (~is_reddit).astype(float)
    folds = news_folds(y_news, np.asarray(stack["groups"]))
    chosen = json.loads(options.model.read_text(encoding="utf-8"))["settings"]["combiners"]
    weights = combiner_weights(Y_all, is_reddit, chosen)
    probe = combiner_probe(heads, chosen, names)
    news_texts, _, _ = read_news_files(news_files, excluded, [], {}, {"group": [], "sample": []})
    emotions = options.shared / "data" / "emotions"
    ge_train = goemotions_texts(emotions / "goemotions-train.tsv")
    ge_dev = goemotions_texts(emotions / "goemotions-dev.tsv")
    assert len(ge_train) == n_train and len(news_texts) == len(y_news)

    def cross_validate(label: str, lex_all: np.ndarray, dev_lexicon: np.ndarray) -> np.ndarray:
        lex_news, news_scores = lex_all[~is_reddit], scores[~is_reddit]
        out = np.zeros(y_news.shape)
        for train_idx, test_idx in folds:
            rows = fold_rows(is_reddit, train_idx)
            fitted = clone(probe).fit_from_scores(bases, scores[rows], lex_all[rows], Y_all[rows], weights[rows],
                                                  is_news[rows])
            fitted.rules = [[] for _ in TONES]
            p = fitted.proba_from_scores(news_scores[test_idx], lex_news[test_idx], "news")
            for k, tone in enumerate(TONES):
                fires = rule_fires(lex_news, [names.index(n) for n in RULES[tone]])
                hits = fires[train_idx]
                floor = y_news[train_idx][hits, k].sum() / hits.sum() if hits.sum() else 0.0
                p[fires[test_idx], k] = np.maximum(p[fires[test_idx], k], floor)
            ceilings = clone_heads_ceilings(heads, lex_news[train_idx], y_news[train_idx],
                                            _ceiling_columns(names), CEILING_SMOOTHING)
            out[test_idx] = apply_ceilings(p, lex_news[test_idx], ceilings)
        full = clone(probe).fit_from_scores(bases, scores, lex_all, Y_all, weights, is_news)
        dev = full.proba_from_scores(stack["dev_scores"], dev_lexicon, "social")
        print(f"== {label} ({time.time() - started:.0f}s)")
        for k, tone in enumerate(TONES):
            s, g = _scores(y_news[part, k], out[part, k]), _scores(stack["y_dev"][:, k], dev[:, k])
            said = out[part, k] >= 0.5
            tp, fp = int((said & (y_news[part, k] == 1)).sum()), int((said & (y_news[part, k] == 0)).sum())
            print(f"   {tone}: train CV F1 {s['f1']:.3f} P {s['precision']:.3f} R {s['recall']:.3f} "
                  f"(TP {tp}, FP {fp}) | GoEmotions dev social F1 {g['f1']:.3f} "
                  f"P {g['precision']:.3f} R {g['recall']:.3f}")
        sys.stdout.flush()
        return out

    base = cross_validate("cached lists", stack["lexicon"], stack["dev_lexicon"])
    for variant in options.variants:
        features = LexiconFeatures(**read_cue_tables(variant)).fit([])
        if list(features.get_feature_names_out()) != names:
            raise SystemExit(f"{variant}: the lexicon's columns differ from the cache's (a new cue group?)")
        lex_all = np.vstack([features.transform(ge_train), features.transform(news_texts)])
        out = cross_validate(str(variant), lex_all, features.transform(ge_dev))
        for i in np.flatnonzero(part):
            for k, tone in enumerate(TONES):
                if (out[i, k] >= 0.5) != (base[i, k] >= 0.5):
                    gained = (out[i, k] >= 0.5) == bool(y_news[i, k])
                    print(f"   {tone} {'gained' if gained else 'lost'} {base[i, k]:.2f} -> {out[i, k]:.2f}: "
                          f"{news_texts[i][:160]}")


if __name__ == "__main__":
    main()

"""VADER's ``SentimentIntensityAnalyzer.polarity_scores`` (vaderSentiment 3.3.2), compiled.

VADER is a Python loop over the words of a text, and its negation and idiom
checks lower-case the whole word list again for every sentiment word, so a
text costs time quadratic in its length. This is the same procedure, step for
step and with the same floating-point operations in the same order, in a
module that the compiled build turns into C: each text is lower-cased once,
word by word, as VADER lower-cases each word. It reads every word list,
lexicon and constant from VADER's own module and analyser, so only the
procedure lives here. ``tests/test_vader_port.py`` checks that both give the
same four scores on thousands of news quotes, comments and articles, and on
texts made to hit each branch.

VADER's oddities are kept, since its scores are the specification: "but"
halves or boosts the first sentiment *equal* to each score rather than the
score at its own place ("fav but dream"); "so" or "this" right before a
sentiment word scales it by 1.25 in the three-words-back check, whatever the
third word is (``a and b or c``); a sentiment word in capitals among
lower-case words gets -0.733 when its valence is zero ("NO good").
"""
from __future__ import annotations

import heapq
import math
import string
from typing import Any

# The vaderSentiment release whose procedure this is (pinned in pyproject.toml).
VADER_VERSION = "3.3.2"


class VaderPort:
    """``polarity_scores(text)`` of a loaded ``vaderSentiment.vaderSentiment``.

    Args:
        vader_module: the ``vaderSentiment.vaderSentiment`` module (its word lists and constants).
        analyzer: a ``SentimentIntensityAnalyzer`` of that module (its lexicon and emoji table).
    """

    def __init__(self, vader_module: Any, analyzer: Any) -> None:
        self.lexicon: dict[str, float] = {str(k): float(v) for k, v in analyzer.lexicon.items()}
        self.emojis: dict[str, str] = {str(k): str(v) for k, v in analyzer.emojis.items()}
        self.booster: dict[str, float] = {str(k): float(v) for k, v in vader_module.BOOSTER_DICT.items()}
        # int and float values alike: every use adds, multiplies or compares them with floats
        self.special_cases: dict[str, float] = {
            str(k): float(v) for k, v in vader_module.SPECIAL_CASES.items()}
        self.negate: frozenset[str] = frozenset(str(w) for w in vader_module.NEGATE)
        self.c_incr: float = float(vader_module.C_INCR)
        self.n_scalar: float = float(vader_module.N_SCALAR)
        # polarity_scores looks at one character at a time, so only one-character emojis match
        self.emoji_chars: frozenset[str] = frozenset(k for k in self.emojis if len(k) == 1)
        self.punctuation: str = string.punctuation

    def __call__(self, text: str) -> tuple[float, float, float, float]:
        """VADER's ``neg``, ``neu``, ``pos`` and ``compound`` of ``text``."""
        text = self._describe_emojis(text).strip()
        # SentiText: words split at white space, punctuation stripped unless that leaves <= 2 characters
        words: list[str] = []
        punctuation = self.punctuation
        for token in text.split():
            stripped = token.strip(punctuation)
            words.append(token if len(stripped) <= 2 else stripped)
        # VADER lower-cases each word where it uses it; lower() of a word is the same every time
        lower = [w.lower() for w in words]
        n = len(words)
        allcaps = 0
        for w in words:
            if w.isupper():
                allcaps += 1
        cap_differential = n - allcaps
        is_cap_diff = 0 < cap_differential < n

        sentiments: list[float] = []
        booster = self.booster
        for i in range(n):
            item_lower = lower[i]
            if item_lower in booster:
                sentiments.append(0.0)
                continue
            if i < n - 1 and item_lower == "kind" and lower[i + 1] == "of":
                sentiments.append(0.0)
                continue
            sentiments.append(self._sentiment_valence(words, lower, i, is_cap_diff))
        self._but_check(lower, sentiments)
        return self._score_valence(sentiments, text)

    def _describe_emojis(self, text: str) -> str:
        """The text with each one-character emoji replaced by its description."""
        chars = self.emoji_chars
        if chars.isdisjoint(text):
            return text
        emojis = self.emojis
        parts: list[str] = []
        prev_space = True
        for c in text:
            if c in chars:
                if not prev_space:
                    parts.append(" ")
                parts.append(emojis[c])
                prev_space = False
            else:
                parts.append(c)
                prev_space = c == " "
        return "".join(parts)

    def _sentiment_valence(self, words: list[str], lower: list[str], i: int, is_cap_diff: bool) -> float:
        lexicon = self.lexicon
        item_lower = lower[i]
        if item_lower not in lexicon:
            return 0.0
        n = len(words)
        n_scalar = self.n_scalar
        valence = lexicon[item_lower]
        # "no" before a lexicon word negates that word instead of counting itself
        if item_lower == "no" and i != n - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if ((i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no")
                or (i > 2 and lower[i - 3] == "no" and (lower[i - 1] == "or" or lower[i - 1] == "nor"))):
            valence = lexicon[item_lower] * n_scalar
        # a sentiment word in ALL CAPS among other words
        if words[i].isupper() and is_cap_diff:
            if valence > 0:
                valence += self.c_incr
            else:
                valence -= self.c_incr
        for start_i in range(3):
            if i > start_i and lower[i - (start_i + 1)] not in lexicon:
                s = self._scalar_inc_dec(words[i - (start_i + 1)], lower[i - (start_i + 1)], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._negation_check(valence, lower, start_i, i)
                if start_i == 2:
                    valence = self._special_idioms_check(valence, lower, i)
        return self._least_check(valence, lower, i)

    def _scalar_inc_dec(self, word: str, word_lower: str, valence: float, is_cap_diff: bool) -> float:
        scalar = 0.0
        if word_lower in self.booster:
            scalar = self.booster[word_lower]
            if valence < 0:
                scalar *= -1
            if word.isupper() and is_cap_diff:
                if valence > 0:
                    scalar += self.c_incr
                else:
                    scalar -= self.c_incr
        return scalar

    def _negated(self, word_lower: str) -> bool:
        """VADER's ``negated([word])``."""
        return word_lower in self.negate or "n't" in word_lower

    def _negation_check(self, valence: float, lower: list[str], start_i: int, i: int) -> float:
        if start_i == 0:
            if self._negated(lower[i - 1]):
                valence = valence * self.n_scalar
        if start_i == 1:
            if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                valence = valence * 1.25
            elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                pass
            elif self._negated(lower[i - 2]):
                valence = valence * self.n_scalar
        if start_i == 2:
            # VADER's `a and b or c`: "so"/"this" right before the word is enough
            if ((lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this"))
                    or (lower[i - 1] == "so" or lower[i - 1] == "this")):
                valence = valence * 1.25
            elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
                pass
            elif self._negated(lower[i - 3]):
                valence = valence * self.n_scalar
        return valence

    def _special_idioms_check(self, valence: float, lower: list[str], i: int) -> float:
        special = self.special_cases
        onezero = lower[i - 1] + " " + lower[i]
        twoonezero = lower[i - 2] + " " + lower[i - 1] + " " + lower[i]
        twoone = lower[i - 2] + " " + lower[i - 1]
        threetwoone = lower[i - 3] + " " + lower[i - 2] + " " + lower[i - 1]
        threetwo = lower[i - 3] + " " + lower[i - 2]
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in special:
                valence = special[seq]
                break
        n = len(lower)
        if n - 1 > i:
            zeroone = lower[i] + " " + lower[i + 1]
            if zeroone in special:
                valence = special[zeroone]
        if n - 1 > i + 1:
            zeroonetwo = lower[i] + " " + lower[i + 1] + " " + lower[i + 2]
            if zeroonetwo in special:
                valence = special[zeroonetwo]
        # booster/dampener bi-grams such as "sort of" or "kind of"
        booster = self.booster
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in booster:
                valence = valence + booster[n_gram]
        return valence

    def _least_check(self, valence: float, lower: list[str], i: int) -> float:
        lexicon = self.lexicon
        if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            if lower[i - 2] != "at" and lower[i - 2] != "very":
                valence = valence * self.n_scalar
        elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            valence = valence * self.n_scalar
        return valence

    @staticmethod
    def _but_check(lower: list[str], sentiments: list[float]) -> None:
        """VADER's ``_but_check``, in place: each step rescales the *first* score equal to the current one."""
        if "but" not in lower:
            return
        bi = lower.index("but")
        # ``sentiments.index(sentiment)`` for each k was quadratic on a long text
        # ("we're sorry but " x 12,500: 1.9 s of 3.5); each value keeps a heap of
        # the indices that held it, and the first index still holding it is its
        # heap's smallest (stale entries dropped as they surface), in O(log n).
        # The first equal score is the same as list.index's (no score is NaN).
        holders: dict[float, list[int]] = {}
        for k, sentiment in enumerate(sentiments):
            holders.setdefault(sentiment, []).append(k)  # in order: already heaps
        for k in range(len(sentiments)):  # VADER's pop-and-insert keeps the length
            sentiment = sentiments[k]
            heap = holders[sentiment]
            while sentiments[heap[0]] != sentiment:
                heapq.heappop(heap)
            si = heap[0]
            if si < bi:
                new = sentiment * 0.5
            elif si > bi:
                new = sentiment * 1.5
            else:
                continue
            sentiments[si] = new
            heapq.heappush(holders.setdefault(new, []), si)

    def _score_valence(self, sentiments: list[float], text: str) -> tuple[float, float, float, float]:
        if sentiments:
            sum_s = float(sum(sentiments))  # the builtin, as VADER (float summation differs by version)
            # emphasis from "!" (up to 4) and "?" (2 or more)
            ep_count = text.count("!")
            if ep_count > 4:
                ep_count = 4
            ep_amplifier = float(ep_count) * 0.292
            qm_count = text.count("?")
            qm_amplifier = 0.0
            if qm_count > 1:
                if qm_count <= 3:
                    qm_amplifier = float(qm_count) * 0.18
                else:
                    qm_amplifier = 0.96
            punct_emph_amplifier = ep_amplifier + qm_amplifier
            if sum_s > 0:
                sum_s += punct_emph_amplifier
            elif sum_s < 0:
                sum_s -= punct_emph_amplifier

            compound = sum_s / math.sqrt((sum_s * sum_s) + 15.0)
            if compound < -1.0:
                compound = -1.0
            elif compound > 1.0:
                compound = 1.0

            pos_sum = 0.0
            neg_sum = 0.0
            neu_count = 0
            for sentiment_score in sentiments:
                if sentiment_score > 0:
                    pos_sum += (sentiment_score + 1)
                if sentiment_score < 0:
                    neg_sum += (sentiment_score - 1)
                if sentiment_score == 0:
                    neu_count += 1

            if pos_sum > math.fabs(neg_sum):
                pos_sum += punct_emph_amplifier
            elif pos_sum < math.fabs(neg_sum):
                neg_sum -= punct_emph_amplifier

            total = pos_sum + math.fabs(neg_sum) + float(neu_count)
            pos = math.fabs(pos_sum / total)
            neg = math.fabs(neg_sum / total)
            neu = math.fabs(float(neu_count) / total)
        else:
            compound = 0.0
            pos = 0.0
            neg = 0.0
            neu = 0.0
        return round(neg, 3), round(neu, 3), round(pos, 3), round(compound, 4)

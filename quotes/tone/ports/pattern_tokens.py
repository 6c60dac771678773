"""TextBlob's English tokenizer (``find_tokens`` of textblob 0.20's ``_text.py``), compiled.

TextBlob's sentiment scorer splits each text with ``find_tokens`` before it
looks words up; that split, a Python loop over every token, is three quarters
of the scorer's time. This is the same procedure, step for step, in a module
that the compiled build turns into C; it reads every word list and pattern
from TextBlob's own module, so only the procedure lives here.
``tests/test_tone.py`` checks that both give the same sentences on thousands
of news quotes and comments, and on texts made to hit each branch.
"""
from __future__ import annotations

import re
from typing import Any


class PatternTokenizer:
    """``find_tokens(text)`` of a loaded ``textblob/_text.py``, with its default arguments.

    Args:
        text_module: the loaded ``_text.py`` module (see :mod:`quotes.tone.sentiment`).
    """

    def __init__(self, text_module: Any) -> None:
        # find_tokens splits the period apart from the other punctuation marks.
        # Every mark is one character, so "t.startswith(marks)" is "t[:1] in marks".
        self.leading: frozenset[str] = frozenset(str(text_module.PUNCTUATION).replace(".", ""))
        self.ending: frozenset[str] = self.leading | {"."}
        self.abbreviations: frozenset[str] = frozenset(text_module.ABBREVIATIONS)
        self.replacements: dict[str, str] = dict(text_module.replacements)
        # (pattern, replacement, the literal the pattern is, or "" when it is no plain literal)
        self.replace_res: list[tuple[re.Pattern[str], str, str]] = [
            (re.compile(a), b, a if re.escape(a) == a else "") for a, b in self.replacements.items()]
        if text_module.TOKEN.pattern != r"(\S+)\s":  # what __call__'s str.split() stands for
            raise ValueError(f"textblob's TOKEN pattern changed: {text_module.TOKEN.pattern!r}")
        self.abbreviation_res: tuple[re.Pattern[str], ...] = (
            text_module.RE_ABBR1, text_module.RE_ABBR2, text_module.RE_ABBR3)
        self.sarcasm_re: re.Pattern[str] = text_module.RE_SARCASM
        self.emoticons_re: re.Pattern[str] = text_module.RE_EMOTICONS
        self.eos: str = str(text_module.EOS)

    def __call__(self, string: str) -> list[str]:
        """The sentences of ``string``, each a space-separated string of tokens."""
        for pattern, replacement, literal in self.replace_res:  # contractions: "can't" -> "ca n't"
            if not literal or literal in string:  # a literal that is absent cannot match
                string = pattern.sub(replacement, string)
        string = (string.replace("“", " “ ").replace("”", " ” ").replace("‘", " ‘ ")
                  .replace("’", " ’ ").replace("'", " ' ").replace('"', ' " '))
        if "\n" in string:
            string = _CRLF.sub("\n", string)
            string = _LINEBREAK.sub(" " + self.eos + " ", string)
        # TextBlob collapses white space, then takes each run of non-space
        # characters followed by a space (its TOKEN pattern, on the text plus a
        # space): that is str.split(), whose white space is the regex \s (tested).
        tokens = self._tokens(string.split())
        return self._sentences(tokens)

    def _tokens(self, words: list[str]) -> list[str]:
        leading, ending, replace = self.leading, self.ending, self.replacements
        tokens: list[str] = []
        for t in words:
            tail: list[str] = []
            while t[:1] in leading and t not in replace:  # leading marks
                tokens.append(t[0])
                t = t[1:]
            while t[-1:] in ending and t not in replace:  # trailing marks, in one pass each
                if t[-1:] in leading:
                    tail.append(t[-1])
                    t = t[:-1]
                if t.endswith("..."):  # an ellipsis before a period
                    tail.append("...")
                    t = t[:-3].rstrip(".")
                if t.endswith("."):
                    if t in self.abbreviations or any(p.match(t) is not None for p in self.abbreviation_res):
                        break
                    tail.append(t[-1])
                    t = t[:-1]
            if t != "":
                tokens.append(t)
            tail.reverse()
            tokens.extend(tail)
        return tokens

    def _sentences(self, tokens: list[str]) -> list[str]:
        eos = self.eos
        ends = ("...", ".", "!", "?", eos)
        closers = ("'", '"', "”", "’", "...", ".", "!", "?", ")", eos)
        sentences: list[list[str]] = [[]]
        i = j = 0
        while j < len(tokens):
            if tokens[j] in ends:
                # closing quotes, brackets and repeated marks stay with the sentence
                while j < len(tokens) and tokens[j] in closers:
                    if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                        break  # balanced quotes
                    j += 1
                sentences[-1].extend([t for t in tokens[i:j] if t != eos])
                sentences.append([])
                i = j
            j += 1
        sentences[-1].extend(tokens[i:j])
        out: list[str] = []
        for words in sentences:
            if words:
                s = self.sarcasm_re.sub("(!)", " ".join(words))
                out.append(self.emoticons_re.sub(_join_emoticon, s))
        return out


def _join_emoticon(m: re.Match[str]) -> str:
    return m.group(1).replace(" ", "") + m.group(2)


_CRLF = re.compile("\r\n")
_LINEBREAK = re.compile(r"\n{2,}")

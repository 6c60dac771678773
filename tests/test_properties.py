"""Properties of ``quotes.extract`` on random texts (Hypothesis).

Texts are built from quote marks of every kind the detector reads, names with
accented capitals, reporting verbs, pronouns, lone surrogates, control
characters, CRLF and other line breaks, and now and then one very long line.
Whatever the text: nothing is raised, every offset lies inside the text and
slices out the record's text and speaker mention, confidence and tone lie in
their ranges, and the time per character stays bounded (tests/properties.py).

The examples are derandomized, so CI runs the same ones every time; the whole
suite takes well under a minute. benchmarks/fuzz.py runs the same checks longer.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import properties as P

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

P.warm_up()

piece = st.one_of(
    st.sampled_from(P.MARKS), st.sampled_from(P.NAMES), st.sampled_from(P.VERBS),
    st.sampled_from(P.PRONOUNS), st.sampled_from(P.WORDS), st.sampled_from(P.PUNCT),
    st.sampled_from(P.SPACES), st.sampled_from(P.CONTROLS), st.sampled_from(P.SURROGATES),
    st.sampled_from(P.ODD), st.characters(codec=None), st.text(max_size=4),
)
# pieces mostly separated by spaces, as words are
newsy = st.lists(st.tuples(piece, st.sampled_from(["", " ", " ", "\n"])), max_size=60).map(
    lambda pairs: "".join(p + sep for p, sep in pairs))


def _assert_ok(text: str) -> None:
    problems, _ = P.check(text)
    assert not problems, (problems, text[:2000])


@SETTINGS
@given(newsy)
def test_any_newsy_text(text):
    _assert_ok(text)


@settings(SETTINGS, max_examples=150)
@given(st.text(max_size=300))
def test_any_unicode_text(text):
    _assert_ok(text)


# A quoted sentence and its speaker, in either order ("“…,” said Émile Zola." or
# "Émile Zola said: «…»"), or a pronoun.
_words = st.lists(st.sampled_from(P.WORDS + P.PUNCT[:3]), min_size=1, max_size=12).map(" ".join)
_speaker = st.one_of(st.sampled_from(P.NAMES), st.sampled_from(P.PRONOUNS))
_marks = st.sampled_from([("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("»", "«")])
quoted_sentence = st.builds(
    lambda m, words, verb, who, after: (f"{m[0]}{words},{m[1]} {verb} {who}. " if after
                                        else f"{who} {verb}: {m[0]}{words}.{m[1]} "),
    _marks, _words, st.sampled_from(P.VERBS), _speaker, st.booleans())


@settings(SETTINGS, max_examples=20)
@given(st.lists(st.one_of(quoted_sentence, newsy), min_size=1, max_size=4).map("".join),
       st.integers(min_value=30, max_value=150), st.sampled_from([" ", "", "\r\n"]))
def test_very_long_lines_take_linear_time(stretch, times, joiner):
    """A stretch repeated up to 150 times: one line of tens of thousands of characters
    and hundreds of quotes (or as many short CRLF lines), where anything quadratic
    in a line's quotes, names or tokens would show."""
    _assert_ok((stretch.replace("\n", " ").replace("\r", " ") + joiner) * times)


@settings(SETTINGS, max_examples=150)
@given(st.lists(st.sampled_from(P.MARKS + P.NAMES[:6] + [" ", "said", ",", ".", "\n", "\r\n"]),
                max_size=80).map("".join))
def test_dense_marks_and_names(text):
    _assert_ok(text)

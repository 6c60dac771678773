"""tools/tone_vectors.py (issue #16's word-vector experiment): its words, the
SIF-weighted mean of a text's word vectors, and clear errors for a bad file."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from quotes.errors import ModelError
from quotes.model_arrays import save_arrays

_TOOL = Path(__file__).resolve().parents[1] / "tools" / "tone_vectors.py"
_spec = importlib.util.spec_from_file_location("tone_vectors", _TOOL)
tone_vectors = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tone_vectors)


@pytest.mark.parametrize("text, expected", [
    ("We blew it, we absolutely blew it", ["we", "blew", "it", "we", "absolutely", "blew", "it"]),
    ("I didn\u2019t see that coming", ["i", "didn't", "see", "that", "coming"]),
    ("just a cock-up!", ["just", "a", "cock", "up"]),
    ("'Oh my God,' she said", ["oh", "my", "god", "she", "said"]),
    ("snake_case and 2005", ["snake", "case", "and", "2005"]),
])
def test_words_are_lower_cased_with_inner_apostrophes(text, expected):
    assert tone_vectors.words(text) == expected


def _write(path: Path, words, vectors, counts, total=None) -> Path:
    return save_arrays(path, {"vectors": np.asarray(vectors, dtype=np.float16),
                              "counts": np.asarray(counts, dtype=np.int64)},
                       {"words": list(words), "total": int(total or sum(counts)), "sif_a": 1e-3, "dimensions": 2})


def test_a_text_is_the_sif_weighted_mean_of_its_known_words(tmp_path):
    # "the" is frequent (small weight), "blunder" rare (weight near 1)
    path = _write(tmp_path / "v.npz", ["the", "blunder"], [[1, 0], [0, 1]], [999, 1], total=1000)
    vectors = tone_vectors.WordVectors(path)
    w_the, w_blunder = 1e-3 / (1e-3 + 0.999), 1e-3 / (1e-3 + 0.001)
    got = vectors.transform(["The blunder", "blunder", "the", "unknown words only", ""])
    assert np.allclose(got[0], [w_the / (w_the + w_blunder), w_blunder / (w_the + w_blunder)], atol=1e-6)
    assert np.allclose(got[1], [0, 1]) and np.allclose(got[2], [1, 0])
    assert not got[3].any() and not got[4].any()
    # the rare word dominates: the mean sits near its vector
    assert got[0][1] > 0.99


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError):
        tone_vectors.WordVectors(tmp_path / "absent.npz")


def test_a_file_whose_words_and_vectors_disagree_is_refused(tmp_path):
    path = _write(tmp_path / "v.npz", ["a", "b", "c"], [[1, 0], [0, 1]], [1, 1])
    with pytest.raises(ModelError, match="rebuild"):
        tone_vectors.WordVectors(path)


def test_a_file_that_is_not_a_vectors_file_is_refused(tmp_path):
    path = save_arrays(tmp_path / "other.npz", {"coef": np.zeros(3)}, {"tones": ["regret"]})
    with pytest.raises(ModelError, match="not a word vectors file"):
        tone_vectors.WordVectors(path)


def test_a_corrupt_file_is_a_clear_error(tmp_path):
    path = tmp_path / "v.npz"
    path.write_bytes(b"not a zip file at all")
    with pytest.raises(ModelError):
        tone_vectors.WordVectors(path)

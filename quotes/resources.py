"""The only place that finds the project's data files and models; it never downloads.

Files are looked up in the installed package (``quotes/data``, and the models the
wheel carries under ``quotes/_models``) or, in a source checkout, in ``models/``
at the repository root.
"""
from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

from quotes.errors import ModelError

_PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = _PACKAGE_DIR / "data"


def models_dir() -> Path:
    """Return the folder holding the shipped models (installed copy first)."""
    installed = _PACKAGE_DIR / "_models"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "models"


def _read_words(name: str) -> frozenset[str]:
    """Read a word list: whitespace-separated words, ``#`` starts a comment line."""
    words: set[str] = set()
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                words.update(w.lower() for w in line.split())
    return frozenset(words)


@functools.lru_cache(maxsize=None)
def first_names() -> dict[str, str]:
    """Map a lower-cased first name to "m" or "f"; names on both lists are left out."""
    female = _read_words("first-names-female.txt")
    male = _read_words("first-names-male.txt")
    names = {n: "f" for n in female - male}
    names.update({n: "m" for n in male - female})
    return names


@functools.lru_cache(maxsize=None)
def census_first_names() -> dict[str, str]:
    """Map more lower-cased first names to "m" or "f" (``first-names-census.txt``):
    a weaker hint than :func:`first_names`, only a gender vote for a full name."""
    names: dict[str, str] = {}
    with open(DATA_DIR / "first-names-census.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 2 and not line.startswith("#"):
                names[parts[0]] = parts[1]
    return names


@functools.lru_cache(maxsize=None)
def any_first_names() -> frozenset[str]:
    """Lower-cased first names of either list, the ones both use included ("cameron")."""
    return _read_words("first-names-female.txt") | _read_words("first-names-male.txt")


@functools.lru_cache(maxsize=None)
def hypocorisms() -> dict[str, frozenset[str]]:
    """Map a lower-cased pet form of a first name to the formal names it stands for
    (``data/hypocorisms.txt``: "josh" -> {"joshua"}, "chris" -> {"christopher", ...})."""
    formal_of: dict[str, set[str]] = {}
    with open(DATA_DIR / "hypocorisms.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.lower().split()
            if len(parts) < 2 or line.startswith("#"):
                continue
            for pet in parts[1:]:
                formal_of.setdefault(pet, set()).add(parts[0])
    return {pet: frozenset(formal) for pet, formal in formal_of.items()}


def is_pet_form(pet: str, formal: str) -> bool:
    """True when the lower-cased first name ``pet`` is a pet form of ``formal``
    ("josh", "joshua"; "bill", "william"), not the other way round."""
    found = hypocorisms().get(pet)
    return found is not None and formal in found


@functools.lru_cache(maxsize=None)
def places() -> frozenset[str]:
    """Lower-cased place names, one per line of ``data/places.txt``."""
    with open(DATA_DIR / "places.txt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=None)
def _demonym_lines() -> tuple[tuple[str, frozenset[str]], ...]:
    with open(DATA_DIR / "demonyms.txt", encoding="utf-8") as fh:
        rows = [line.split("=") for line in fh if line.strip() and not line.startswith("#")]
    return tuple((row[0].strip(), frozenset(row[1].split()) if len(row) > 1 else frozenset()) for row in rows)


@functools.lru_cache(maxsize=None)
def demonyms() -> frozenset[str]:
    """Lower-cased demonyms ("american", "welsh", "south african", "scot"), one per
    line of ``data/demonyms.txt``."""
    return frozenset(word for word, _ in _demonym_lines())


@functools.lru_cache(maxsize=None)
def demonym_nations() -> dict[str, frozenset[str]]:
    """A demonym noun to the adjectives of its nation, where neither begins with the
    other ("swede" -> "swedish", "scot" -> "scottish", "british"): the ``=`` part of
    its line in ``data/demonyms.txt``."""
    return {word: nations for word, nations in _demonym_lines() if nations}


def common_words() -> frozenset[str]:
    """Lower-cased words that TextBlob's Brill lexicon tags as something other
    than a proper noun: a capitalised sentence-initial word in this set is
    probably not a name ("However", "Officials")."""
    return _brill_lexicon()[1]


def word_tags() -> dict[str, str]:
    """Map a word to its most frequent Penn Treebank tag in TextBlob's Brill lexicon
    (the lexicon of its PatternTagger): a part-of-speech look-up that needs no
    tagger model and downloads nothing."""
    return _brill_lexicon()[0]


@functools.lru_cache(maxsize=None)
def _brill_lexicon() -> tuple[dict[str, str], frozenset[str]]:
    """:func:`word_tags` and :func:`common_words`, from one read of the lexicon's
    100,000 lines (a worker reads it as it starts)."""
    tags: dict[str, str] = {}
    common: set[str] = set()
    proper: set[str] = set()
    with open(_textblob_lexicon(), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(";;;"):
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            word, tag = parts[0], parts[1]
            # About 40 distinct tags for 100,000 words: one shared string each.
            tags[word] = sys.intern(tag)
            if tag.startswith("NNP"):
                proper.add(word.lower())
            elif word.islower():
                common.add(word)
    return tags, frozenset(common - proper)


def textblob_folder() -> Path:
    """The folder of the installed (pinned) textblob package, found without
    importing it: ``import textblob`` imports nltk and scipy, slow to start."""
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("textblob is not installed; reinstall quotes with its dependencies")
    return Path(list(spec.submodule_search_locations)[0])


def _textblob_lexicon() -> Path:
    """The Brill lexicon file inside the textblob wheel."""
    return textblob_folder() / "en" / "en-lexicon.txt"

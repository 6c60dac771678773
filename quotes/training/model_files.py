"""Write and read the shipped attribution model: a skops file, its scoring arrays, and its JSON card.

The model of record is a plain dict of scikit-learn estimators and numbers,
saved with ``skops.io.dump`` and loaded with ``skops.io.load`` and an explicit
list of trusted types (never pickle or joblib). The card beside it records
where the model came from (training data hash, library versions, scores,
date); a skops file whose card names other library versions than the installed
ones is refused, since scikit-learn models only load reliably with the
versions that wrote them. Extraction loads neither: it scores with the arrays
written beside them (``attribution.npz``, see :mod:`quotes.attribution.model`).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from quotes.errors import ModelError
from quotes.attribution.model import ATTRIBUTION_NAME
from quotes.resources import models_dir

# Every non-builtin type the attribution model file holds, reviewed by hand: the
# fitted estimators, their numpy arrays and scalars, and scikit-learn's internal
# loss, link, binning and tree objects of HistGradientBoosting. skops refuses
# anything else (skops.io.get_untrusted_types flags only TreePredictor by default).
TRUSTED_TYPES: list[str] = [
    "numpy.float64",
    "numpy.ndarray",
    "numpy.random._generator.Generator",
    "numpy.uint64",
    "sklearn._loss._loss.CyHalfBinomialLoss",
    "sklearn._loss.link.Interval",
    "sklearn._loss.link.LogitLink",
    "sklearn._loss.loss.HalfBinomialLoss",
    "sklearn.ensemble._hist_gradient_boosting.binning._BinMapper",
    "sklearn.ensemble._hist_gradient_boosting.gradient_boosting.HistGradientBoostingClassifier",
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
    "sklearn.feature_extraction._hash.FeatureHasher",
    "sklearn.isotonic.IsotonicRegression",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._label.LabelEncoder",
]
# Libraries whose versions must match the card's.
CHECKED_LIBRARIES = ("scikit-learn", "numpy", "skops")


def library_versions(libraries: tuple[str, ...] = CHECKED_LIBRARIES) -> dict[str, str]:
    """The installed versions of the libraries a model depends on (distribution names)."""
    from importlib import metadata

    return {name: metadata.version(name) for name in libraries}


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file (training data and cue lists named in model cards)."""
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_paths(name: str = ATTRIBUTION_NAME, folder: Path | None = None) -> tuple[Path, Path]:
    """Return (model file, card file) of a shipped model."""
    folder = Path(folder) if folder is not None else models_dir()
    return folder / f"{name}.skops", folder / f"{name}.json"


def check_card(card: dict[str, Any], path: Path) -> None:
    """Refuse a model whose card does not match the installed libraries.

    Raises:
        ModelError: the card lacks versions, or one differs from the installed one.
    """
    wanted = card.get("library_versions")
    if not isinstance(wanted, dict):
        raise ModelError(f"{path}: the model card has no library_versions; retrain with `quotes train {path.stem}`")
    have = library_versions()
    for lib in CHECKED_LIBRARIES:
        if wanted.get(lib) != have[lib]:
            raise ModelError(
                f"{path}: the model was trained with {lib} {wanted.get(lib)} but {have[lib]} is installed; "
                f"install the versions pinned in pyproject.toml or retrain with `quotes train {path.stem}`")


def dump_model(model: dict[str, Any], card: dict[str, Any], folder: Path,
               name: str = ATTRIBUTION_NAME) -> tuple[Path, Path]:
    """Write ``model`` with skops and ``card`` as JSON beside it.

    Returns:
        The paths written.
    """
    import skops.io as sio

    folder.mkdir(parents=True, exist_ok=True)
    model_path, card_path = model_paths(name, folder)
    import zipfile

    sio.dump(model, model_path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    untrusted = set(sio.get_untrusted_types(file=model_path)) - set(TRUSTED_TYPES)
    if untrusted:
        raise ModelError(f"{model_path}: holds types outside the reviewed list: {sorted(untrusted)}")
    from quotes.attribution.model import AttributionModel
    from quotes.model_arrays import arrays_path

    scoring = AttributionModel.from_sklearn(model).save(arrays_path(name, folder))
    card = {**card, "scoring_file": {"name": scoring.name, "sha256": file_sha256(scoring)}}
    card_path.write_text(json.dumps(card, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    return model_path, card_path


def load_model_file(model_path: Path, card_path: Path,
                    trusted: list[str] | None = None) -> tuple[Any, dict[str, Any]]:
    """Load a model and its card, checking the card first.

    Args:
        model_path: the ``.skops`` file.
        card_path: its JSON card.
        trusted: the types to trust beyond skops' defaults (default: the
            attribution model's :data:`TRUSTED_TYPES`).

    Raises:
        ModelError: a file is missing or unreadable, or the versions differ.
    """
    if not model_path.exists() or not card_path.exists():
        raise ModelError(f"{model_path}: model or card missing; run `quotes train {model_path.stem}` to build it")
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"{card_path}: unreadable model card ({exc})") from exc
    check_card(card, card_path)
    import skops.io as sio

    try:
        model = sio.load(model_path, trusted=TRUSTED_TYPES if trusted is None else trusted)
    except Exception as exc:  # skops raises several kinds; all mean "cannot use this file"
        raise ModelError(f"{model_path}: cannot load the model ({type(exc).__name__}: {exc})") from exc
    return model, card


def load_tone_model() -> Any:
    """Load the shipped scikit-learn tone pipeline (``tone.skops``), the model of record.

    Scoring does not use it (see :func:`load_scorer`); tests compare the two.

    Raises:
        ModelError: the model is missing, unreadable or built with other library versions.
    """
    from quotes.training.tone_features import TRUSTED_TYPES as TONE_TRUSTED_TYPES

    model, _ = load_model_file(*model_paths("tone"), trusted=TONE_TRUSTED_TYPES)
    return model

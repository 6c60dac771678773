"""Who said it: the rule-plus-model attribution stage.

- :mod:`.front`: the rule stages' view of a document (:class:`Front`, :func:`prepare`).
- :mod:`.phrases`: the noun-phrase and sentence grammar the rules share.
- :mod:`.rules`: reporting-verb, colon, "according to" and continuation rules.
- :mod:`.features`, :mod:`.candidates`: per-token facts and candidate speakers.
- :mod:`.quote_filter`, :mod:`.rank`: the trained quote filter and speaker ranker.
- :mod:`.model`: the shipped model's arrays, loaded without scikit-learn.
"""
from __future__ import annotations

from quotes.attribution.front import Front, prepare
from quotes.attribution.rules import attribute

# The trained stages import numpy; they load on first use, so that `import
# quotes` (and `quotes --help`) stays quick.
_LAZY = {
    "filter_spans": "quotes.attribution.quote_filter",
    "rank_speakers": "quotes.attribution.rank",
    "AttributionModel": "quotes.attribution.model",
    "load_attribution_model": "quotes.attribution.model",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["AttributionModel", "Front", "attribute", "filter_spans", "load_attribution_model", "prepare", "rank_speakers"]

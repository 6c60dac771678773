"""Which code and models produce the results (imported by every layer, imports none)."""
from __future__ import annotations

__version__ = "0.1.0"

# Bumped whenever a change to the rules or models changes what the pipeline
# outputs; the corpus store re-analyses documents whose results came from
# another version.
RULES_VERSION = "rules-38+attribution-model-19+tone-28+names-8"


def pipeline_version() -> str:
    """Identify the code and models that produce results (for idempotent stores)."""
    return f"{__version__}+{RULES_VERSION}"

"""The project's own exceptions; the CLI turns them into a message and exit code 1."""
from __future__ import annotations


class QuotesError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(QuotesError):
    """An input file or line that cannot be read as an article.

    Args:
        source: the file (and line, as ``path:line``) the problem is in.
        reason: what is wrong, in words a user can act on.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):
        # (pickled by its fields: worker processes send the errors of the pages they read)
        return (type(self), (self.source, self.reason))


class ModelError(QuotesError):
    """A shipped model is missing, unreadable or built with other library versions."""

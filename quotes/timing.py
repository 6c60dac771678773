"""A stage timer for the benchmark's per-stage profile (used by every layer)."""
from __future__ import annotations

from time import perf_counter


class StageClock:
    """Adds the time of each stage to a dict (the benchmark's per-stage profile)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = perf_counter() if timings is not None else 0.0

    def lap(self, stage: str) -> None:
        if self.timings is not None:
            now = perf_counter()
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
            self.last = now

    def add(self, stage: str, seconds: float) -> None:
        """Move ``seconds`` into (or, negative, out of) a stage's time, for a stage
        timed in pieces inside another."""
        if self.timings is not None:
            self.timings[stage] = self.timings.get(stage, 0.0) + seconds

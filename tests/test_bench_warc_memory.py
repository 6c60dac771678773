"""benchmarks/warc_memory.py runs ``quotes analyse`` and samples its memory."""
from __future__ import annotations

import importlib.util
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def warc_memory():
    spec = importlib.util.spec_from_file_location("warc_memory", ROOT / "benchmarks" / "warc_memory.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="samples memory from /proc (Linux)")
def test_a_run_that_writes_more_than_a_pipe_holds_is_sampled_to_its_end(warc_memory):
    # 300 KB on each stream: a pipe that nobody reads while sampling holds 64 KB,
    # and the child would wait on it for ever.
    command = [sys.executable, "-c",
               "import sys; sys.stderr.write('w' * 300_000); sys.stdout.write('o' * 300_000); sys.exit(3)"]
    result = []
    runner = threading.Thread(target=lambda: result.append(warc_memory.run_sampled(command)), daemon=True)
    runner.start()
    runner.join(120)  # (a guard against a hang, not a measure of speed)
    assert result, "the sampled run never ended"
    returncode, out, err, parent_kb, _ = result[0]
    assert (returncode, len(out), len(err)) == (3, 300_000, 300_000)
    assert parent_kb >= 0

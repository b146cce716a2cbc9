# SPDX-License-Identifier: GPL-2.0-only
"""The sweep benchmark runs end to end (a tiny size; no timing is asserted:
speed is the benchmark's business, not a test's)."""

import os
import re
import subprocess
import sys

from conftest import SCRIPTS


def test_bench_sweep_runs_and_tables_agree():
    out = subprocess.run(
        [sys.executable, os.path.join(SCRIPTS, "bench_sweep.py"),
         "--rounds", "1", "--seeds", "1", "--sim-time", "4"],
        capture_output=True, text=True, timeout=600,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    text = out.stdout
    assert re.search(r"round 1: serial +[0-9.]+ s .* dask x2 +[0-9.]+ s", text), text
    assert re.search(r"plain process pool +[0-9.]+ s \([0-9.]+x", text), text
    assert re.search(r"speed-up, median of 1: [0-9.]+x", text), text
    assert "failed runs: 0; serial and dask tables identical in every round: True" in text

# SPDX-License-Identifier: GPL-2.0-only
"""The plots and the command-line scripts produce non-empty PNG and PDF files."""

import os

import pandas as pd

import pmipv6
from conftest import SMALL
from pmipv6 import plots
from pmipv6.sweep import run_serial


def _check(paths):
    assert len(paths) == 2
    for path in paths:
        assert os.path.exists(path) and os.path.getsize(path) > 1000, path
    png, pdf = paths
    with open(png, "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n"
    with open(pdf, "rb") as f:
        assert f.read(5) == b"%PDF-"


def test_parse_time_ms():
    assert plots.parse_time_ms("5ms") == 5
    assert plots.parse_time_ms("1.5s") == 1500
    assert plots.parse_time_ms("250us") == 0.25
    assert plots.parse_time_ms(0.01) == 10


def test_handover_vs_delay(tmp_path):
    df = run_serial({"mag_lma_delay": ["1ms", "10ms", "30ms"]}, seeds=2, base=SMALL,
                    progress=False)
    _check(plots.plot_handover_vs_delay(df, str(tmp_path / "handover")))


def test_throughput_timeseries(tmp_path):
    result = pmipv6.run(SMALL, n_mags=3, sim_time=10.0, mag_lma_delay="20ms")
    _check(plots.plot_throughput_timeseries(result, str(tmp_path / "throughput")))


def test_signalling_vs_mns(tmp_path):
    base = dict(SMALL, **{"ns3::Pmipv6MagApplication::BindingLifetime": "8s"})
    df = run_serial({"n_mns": [1, 2, 3]}, seeds=1, base=base, progress=False)
    _check(plots.plot_signalling_vs_mns(df, str(tmp_path / "signalling"),
                                        sim_time=SMALL["sim_time"]))


def test_failed_rows_are_skipped(tmp_path):
    df = run_serial({"mag_lma_delay": ["5ms", "bogus"]}, base=SMALL, progress=False)
    assert df["error"].notna().sum() == 1
    _check(plots.plot_handover_vs_delay(df, str(tmp_path / "skip")))


def test_cli_scripts(tmp_path):
    import plot_handover_vs_delay
    import plot_signalling_vs_mns
    import plot_throughput_timeseries
    import sweep_cli

    small = ["--set", "sim_time=8", "--set", "first_move=3", "--set", "move_interval=2.5",
             "--no-progress"]
    out = str(tmp_path / "hd")
    assert plot_handover_vs_delay.main(["--delays", "2ms,20ms", "--seeds", "1", "--serial",
                                        "--out", out] + small) == 0
    _check([out + ".png", out + ".pdf"])
    assert len(pd.read_csv(out + ".csv")) == 2

    out = str(tmp_path / "sig")
    assert plot_signalling_vs_mns.main(["--mns", "1,2", "--seeds", "1", "--serial",
                                        "--out", out] + small) == 0
    _check([out + ".png", out + ".pdf"])

    out = str(tmp_path / "tp")
    assert plot_throughput_timeseries.main(["--sim-time", "9", "--first-move", "3",
                                            "--move-interval", "2.5", "--out", out]) == 0
    _check([out + ".png", out + ".pdf"])
    assert len(pd.read_csv(out + ".csv")) > 0

    csv = str(tmp_path / "cli.csv")
    assert sweep_cli.main(["--grid", "mag_lma_delay=2ms,4ms", "--seeds", "1", "--serial",
                           "--set", "sim_time=6", "--set", "move_interval=2",
                           "--no-progress", "-o", csv]) == 0
    assert len(pd.read_csv(csv)) == 2

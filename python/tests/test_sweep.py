# SPDX-License-Identifier: GPL-2.0-only
"""Sweeps: a 2x2 grid on a 2-worker LocalCluster, serial runs, failures."""

import os

import pandas as pd

from conftest import SMALL
from pmipv6.sweep import expand_grid, run_serial, run_sweep

GRID = {"mag_lma_delay": ["2ms", "20ms"], "n_mns": [1, 2]}


def test_expand_grid():
    points = expand_grid(GRID, seeds=3, base={"sim_time": 5.0})
    assert len(points) == 12
    assert points[0] == {"sim_time": 5.0, "mag_lma_delay": "2ms", "n_mns": 1, "run": 1}
    assert [p["run"] for p in points[:3]] == [1, 2, 3]
    assert len(expand_grid(GRID, seeds=[5, 9])) == 8


def test_dask_sweep_2x2(tmp_path):
    csv = tmp_path / "out" / "sweep.csv"
    df = run_sweep(GRID, seeds=1, base=SMALL, n_workers=2, output_csv=str(csv),
                   progress=False)
    assert isinstance(df, pd.DataFrame)
    assert len(df) == 4
    assert df["error"].isna().all(), df["error"].tolist()
    assert list(df.columns[:3]) == ["mag_lma_delay", "n_mns", "run"]
    assert list(df["n_mns"]) == [1, 2, 1, 2]
    # the delay shows in the handover latency, the MN count in the signalling
    by_delay = df.groupby("mag_lma_delay")["handover_latency_mean_ms"].mean()
    assert by_delay["20ms"] > by_delay["2ms"] + 30
    assert (df[df.n_mns == 2]["sig_pbu"].values > df[df.n_mns == 1]["sig_pbu"].values).all()
    assert os.path.getsize(csv) > 0
    back = pd.read_csv(csv)
    assert len(back) == 4 and list(back.columns) == list(df.columns)


def test_remote_scheduler_and_serial_agree():
    """A sweep on a scheduler given by address gives what serial runs give."""
    from pmipv6.sweep import _local_cluster

    grid = {"mag_lma_delay": ["5ms"]}
    cluster = _local_cluster(2)
    try:
        a = run_sweep(grid, seeds=2, base=dict(SMALL, move_jitter=1.0),
                      scheduler_address=cluster.scheduler_address, progress=False)
    finally:
        cluster.close()
    b = run_serial(grid, seeds=2, base=dict(SMALL, move_jitter=1.0), progress=False)
    assert a["error"].isna().all() and b["error"].isna().all()
    assert a["interruption_mean_ms"].iloc[0] != a["interruption_mean_ms"].iloc[1]
    cols = [c for c in a.columns if c not in ("wall_clock_s", "cpu_s", "error")]
    pd.testing.assert_frame_equal(a[cols], b[cols])


def test_local_cluster_workers_run_without_the_profiler():
    """The local cluster's workers get the configuration that switches their
    10 ms profiler off (it costs the simulations CPU time), while this
    process's own configuration is left as it was."""
    import dask
    from dask.distributed import Client
    from pmipv6.sweep import _local_cluster

    before = dask.config.get("distributed.worker.profile.enabled")
    cluster = _local_cluster(2)
    try:
        with Client(cluster) as client:
            seen = client.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
    finally:
        cluster.close()
    assert len(seen) == 2
    assert all(v is False for v in seen.values()), seen
    assert dask.config.get("distributed.worker.profile.enabled") == before


def test_failing_run_is_reported_not_fatal(tmp_path):
    grid = {"ns3::Pmipv6MagApplication::BindingLifetime": ["30s", "never"],
            "move_interval": [2.5]}
    base = dict(SMALL)
    base.pop("move_interval")
    csv = tmp_path / "failing.csv"
    df = run_sweep(grid, seeds=1, base=base, n_workers=2, output_csv=str(csv),
                   progress=False)
    assert len(df) == 2
    ok, bad = df.iloc[0], df.iloc[1]
    assert pd.isna(ok["error"]) and ok["moves"] == 2
    assert "ValueError" in bad["error"] and "BindingLifetime" in bad["error"]
    # an unknown attribute name, serially
    df = run_serial({"ns3::Pmipv6MagApplication::Bogus": ["1"]}, base=SMALL, progress=False)
    assert len(df) == 1 and "Bogus" in df["error"].iloc[0]
    assert os.path.getsize(csv) > 0

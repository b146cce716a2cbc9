#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Benchmark: a 16-point sweep (4 MAG-LMA delays x 4 runs) on a 2-worker dask
LocalCluster against the same 16 runs in series in this process.

  PYTHONPATH=build/python /usr/bin/python3 python/bench_sweep.py

Prints the wall time of both, the speed-up (sweep only, and including the
cluster's start-up), the mean wall time of one run, and the machine's load
average (the speed-up on 2 cores needs them otherwise idle). The two tables
must agree (same seeds, same results); the benchmark fails otherwise.
"""

import argparse
import os
import sys
import time

# This directory holds the package's sources (python/pmipv6, without the
# compiled module): let PYTHONPATH's build/python/pmipv6 win over it.
_HERE = os.path.dirname(os.path.abspath(__file__))
if sys.path and os.path.abspath(sys.path[0] or ".") == _HERE:
    sys.path.append(sys.path.pop(0))

import pmipv6
from pmipv6.sweep import _local_cluster, run_serial, run_sweep

# One run: 4 MAGs, 4 mobile nodes moving every 3 s for 30 s of simulated time,
# UDP both ways every 5 ms: about 2 s of CPU time per run.
BASE = {
    "n_mags": 4,
    "n_mns": 4,
    "sim_time": 30.0,
    "traffic_start": 1.5,
    "first_move": 3.0,
    "move_interval": 3.0,
    "move_jitter": 0.5,
    "downlink_interval": 0.005,
    "uplink_interval": 0.005,
    "packet_size": 500,
}
GRID = {"mag_lma_delay": ["1ms", "5ms", "20ms", "50ms"]}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=4, help="runs per point (default 4)")
    parser.add_argument("--n-workers", type=int, default=2)
    parser.add_argument("--sim-time", type=float, default=BASE["sim_time"])
    args = parser.parse_args(argv)
    base = dict(BASE, sim_time=args.sim_time)
    n = len(GRID["mag_lma_delay"]) * args.seeds
    print(f"{n} runs: {GRID} x runs 1..{args.seeds}, base {base}")
    print(f"cpus: {os.cpu_count()}, load average before: {os.getloadavg()}")

    # Warm up this process (library loading, first-run costs) outside the timing.
    pmipv6.run_scenario(dict(base, sim_time=4.0))

    start = time.perf_counter()
    serial = run_serial(GRID, args.seeds, base, progress=False)
    t_serial = time.perf_counter() - start
    print(f"serial:   {t_serial:7.2f} s  (mean run {serial['wall_clock_s'].mean():.2f} s wall, "
          f"{serial['cpu_s'].mean():.2f} s CPU; min {serial['wall_clock_s'].min():.2f} s, "
          f"max {serial['wall_clock_s'].max():.2f} s)")

    from dask.distributed import Client

    start = time.perf_counter()
    cluster = _local_cluster(args.n_workers)
    client = Client(cluster)
    # Each worker imports the module and runs a tiny scenario once, as this
    # process did before the serial timing.
    client.run(lambda: pmipv6.run_scenario(dict(base, sim_time=4.0)) and None)
    t_startup = time.perf_counter() - start
    try:
        start = time.perf_counter()
        parallel = run_sweep(GRID, args.seeds, base, client=client, progress=False)
        t_parallel = time.perf_counter() - start
    finally:
        client.close()
        cluster.close()
    print(f"dask x{args.n_workers}:  {t_parallel:7.2f} s  (+ {t_startup:.2f} s cluster start-up "
          f"and warm-up)")
    print(f"speed-up: {t_serial / t_parallel:.2f}x (sweep only), "
          f"{t_serial / (t_parallel + t_startup):.2f}x (including start-up)")
    # On a shared machine the wall times depend on the other load: the CPU time
    # each run got tells whether the workers had the cores to themselves.
    cpu_serial = serial["cpu_s"].sum()
    cpu_parallel = parallel["cpu_s"].sum()
    print(f"CPU time of the runs: serial {cpu_serial:.2f} s, dask {cpu_parallel:.2f} s; "
          f"cores used on average: serial {cpu_serial / t_serial:.2f}, "
          f"dask {cpu_parallel / t_parallel:.2f}")
    print(f"load average after: {os.getloadavg()}")

    failed = int(serial["error"].notna().sum() + parallel["error"].notna().sum())
    cols = [c for c in serial.columns if c not in ("wall_clock_s", "cpu_s", "error")]
    same = serial[cols].equals(parallel[cols])
    print(f"failed runs: {failed}; serial and dask tables identical: {same}")
    return 0 if failed == 0 and same else 1


if __name__ == "__main__":
    sys.exit(main())

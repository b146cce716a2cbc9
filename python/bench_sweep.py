#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Benchmark: a 16-point sweep (4 MAG-LMA delays x 4 runs) on a 2-worker dask
LocalCluster against the same 16 runs in series in this process.

  PYTHONPATH=build/python /usr/bin/python3 python/bench_sweep.py

Runs --rounds serial/dask pairs (default 5), rotating which goes first, and
prints for each the wall time of both, the speed-up (sweep only, and including
the cluster's start-up) and the CPU time the runs got; then the median
speed-up. The speed of a shared machine's cores drifts by 20 % and more within
a minute, so one pair alone is noisy.

Each round also runs the 16 runs on a plain pool of as many processes
(concurrent.futures, no dask): the speed-up two processes side by side reach
on this machine, the ceiling for dask. Two simulations at once each take 0 to
15 % more CPU time here than one alone (shared caches and memory).

The speed-up on 2 cores needs them otherwise idle: the load average is printed
before and after. Every table must agree (same seeds, same results); the
benchmark fails otherwise.
"""

import argparse
import os
import statistics
import sys
import time

# This directory holds the package's sources (python/pmipv6, without the
# compiled module): let PYTHONPATH's build/python/pmipv6 win over it.
_HERE = os.path.dirname(os.path.abspath(__file__))
if sys.path and os.path.abspath(sys.path[0] or ".") == _HERE:
    sys.path.append(sys.path.pop(0))

import pmipv6
from pmipv6.sweep import _local_cluster, expand_grid, run_one, run_serial, run_sweep

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


def _serial(base, seeds):
    start = time.perf_counter()
    table = run_serial(GRID, seeds, base, progress=False)
    return table, time.perf_counter() - start


def _dask(base, seeds, n_workers):
    from dask.distributed import Client

    start = time.perf_counter()
    cluster = _local_cluster(n_workers)
    client = Client(cluster)
    try:
        # Each worker imports the module and runs a tiny scenario once, as this
        # process did before the serial timing.
        client.run(lambda: pmipv6.run_scenario(dict(base, sim_time=4.0)) and None)
        t_startup = time.perf_counter() - start
        start = time.perf_counter()
        table = run_sweep(GRID, seeds, base, client=client, progress=False)
        t_sweep = time.perf_counter() - start
    finally:
        client.close()
        cluster.close()
    return table, t_sweep, t_startup


def _warm_up(base):
    pmipv6.run_scenario(dict(base, sim_time=4.0))


def _warm_up_worker(base, barrier):
    """Warm up one pool worker, then wait until every worker has: with the
    spawn start method the pool starts workers on demand, and one worker must
    not take every warm-up task while another is started inside the timing."""
    _warm_up(base)
    barrier.wait(timeout=120)
    return os.getpid()


def _process_pool(base, seeds, n_workers):
    """The same runs on a plain pool of worker processes, no dask: what two
    processes side by side reach on this machine, the ceiling for dask."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    points = expand_grid(GRID, seeds, base)
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, ProcessPoolExecutor(n_workers, mp_context=context) as pool:
        barrier = manager.Barrier(n_workers)
        # Start and warm up every worker before the timing, as for dask.
        pids = list(pool.map(_warm_up_worker, [base] * n_workers, [barrier] * n_workers))
        assert len(set(pids)) == n_workers, f"pool warm-up ran in {len(set(pids))} workers"
        start = time.perf_counter()
        rows = list(pool.map(run_one, points, chunksize=1))
        elapsed = time.perf_counter() - start
    return sum(r["cpu_s"] for r in rows), elapsed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=4, help="runs per point (default 4)")
    parser.add_argument("--n-workers", type=int, default=2)
    parser.add_argument("--sim-time", type=float, default=BASE["sim_time"])
    parser.add_argument(
        "--rounds",
        type=int,
        default=5,
        help="rounds of serial, dask and plain pool, in rotating order; the medians are reported (default 5)",
    )
    args = parser.parse_args(argv)
    base = dict(BASE, sim_time=args.sim_time)
    n = len(GRID["mag_lma_delay"]) * args.seeds
    print(f"{n} runs: {GRID} x runs 1..{args.seeds}, base {base}")
    print(f"cpus: {os.cpu_count()}, load average before: {os.getloadavg()}")

    # Warm up this process (library loading, first-run costs) outside the timing.
    pmipv6.run_scenario(dict(base, sim_time=4.0))

    speedups = []
    speedups_startup = []
    ceilings = []
    failed = 0
    same = True
    reference = None
    cols = None
    for k in range(args.rounds):
        # The speed of this machine's cores drifts by 20 % or more over a minute
        # when it is shared: rotate which of the three goes first, so that a
        # drift does not always favour the same one.
        timings = {}
        jobs = [
            ("serial", lambda: _serial(base, args.seeds)),
            ("dask", lambda: _dask(base, args.seeds, args.n_workers)),
            ("pool", lambda: _process_pool(base, args.seeds, args.n_workers)),
        ]
        for name, job in jobs[k % 3 :] + jobs[: k % 3]:
            timings[name] = job()
        serial, t_serial = timings["serial"]
        parallel, t_parallel, t_startup = timings["dask"]
        cpu_pool, t_pool = timings["pool"]
        ceilings.append(t_serial / t_pool)
        speedups.append(t_serial / t_parallel)
        speedups_startup.append(t_serial / (t_parallel + t_startup))
        cpu_serial = serial["cpu_s"].sum()
        cpu_parallel = parallel["cpu_s"].sum()
        print(
            f"round {k + 1}: serial {t_serial:6.2f} s (mean run {serial['wall_clock_s'].mean():.2f} s), "
            f"dask x{args.n_workers} {t_parallel:6.2f} s (+ {t_startup:.2f} s start-up); "
            f"speed-up {speedups[-1]:.2f}x ({speedups_startup[-1]:.2f}x with start-up); "
            f"CPU s of the runs {cpu_serial:.1f} / {cpu_parallel:.1f}, "
            f"cores used {cpu_serial / t_serial:.2f} / {cpu_parallel / t_parallel:.2f}; "
            f"plain process pool {t_pool:6.2f} s ({ceilings[-1]:.2f}x, CPU s {cpu_pool:.1f})"
        )
        failed += int(serial["error"].notna().sum() + parallel["error"].notna().sum())
        if cols is None:
            cols = [c for c in serial.columns if c not in ("wall_clock_s", "cpu_s", "error")]
            reference = serial[cols]
        same = same and serial[cols].equals(reference) and parallel[cols].equals(reference)

    print(
        f"speed-up, median of {args.rounds}: {statistics.median(speedups):.2f}x (sweep only), "
        f"{statistics.median(speedups_startup):.2f}x (including start-up); "
        f"all rounds: {', '.join(f'{s:.2f}' for s in speedups)}"
    )
    print(
        f"plain {args.n_workers}-process pool (no dask), median: {statistics.median(ceilings):.2f}x; "
        f"dask reaches {statistics.median(speedups) / statistics.median(ceilings):.0%} of it"
    )
    print(f"load average after: {os.getloadavg()}")
    print(f"failed runs: {failed}; serial and dask tables identical in every round: {same}")
    return 0 if failed == 0 and same else 1


if __name__ == "__main__":
    sys.exit(main())

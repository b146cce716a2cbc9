# SPDX-License-Identifier: GPL-2.0-only
"""Parameter sweeps: a grid of scenario parameters times a list of runs, one
simulation each, serially or on dask.distributed, one DataFrame row per run.

Grid and base keys are ScenarioConfig field names (``n_mns``,
``mag_lma_delay``, ``move_interval``...) or ns-3 attribute paths containing
``::`` (e.g. ``ns3::Pmipv6MagApplication::BindingLifetime``), which the run
applies with Config::SetDefault. ``seeds`` are ns-3 run numbers (RngRun) for
the base's seed (``seed``, default 1): an int n means runs 1..n, a list gives
them explicitly.

A run that raises (an unknown attribute, an invalid configuration) or whose
worker process dies is reported in the ``error`` column of its row; the other
runs go on.
"""

import itertools
import logging
import os
import time

__all__ = ["expand_grid", "run_one", "run_serial", "run_sweep"]


def _normalise_seeds(seeds):
    if isinstance(seeds, int):
        if seeds < 1:
            raise ValueError("seeds must be >= 1 (number of runs) or a list of run numbers")
        return list(range(1, seeds + 1))
    seeds = [int(s) for s in seeds]
    if not seeds:
        raise ValueError("seeds is empty")
    return seeds


def expand_grid(grid, seeds=1, base=None):
    """The list of runs of a sweep: the cartesian product of the grid's value
    lists, in the grid's key order, times the runs; each item is a dict of the
    base parameters updated with the grid point and ``run``."""
    grid = dict(grid or {})
    for key, values in grid.items():
        if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
            raise TypeError(f"grid[{key!r}] must be a list of values")
    base = dict(base or {})
    if "run" in grid or "run" in base:
        raise ValueError("'run' is set by seeds, not by the grid or base")
    keys = list(grid)
    points = []
    for values in itertools.product(*(list(grid[k]) for k in keys)):
        for run in _normalise_seeds(seeds):
            params = dict(base)
            params.update(zip(keys, values))
            params["run"] = run
            points.append(params)
    return points


def run_one(params):
    """Run one scenario and return its row: the parameters, the scalar results
    (with ``wall_clock_s`` and ``cpu_s``, the run's wall and CPU time) and
    ``error`` (None on success, the exception otherwise). Never raises for
    a failed run. Runs in dask workers, so it imports the module itself."""
    from . import _pmipv6

    row = dict(params)
    cpu = time.process_time()
    try:
        result = _pmipv6.run_scenario(dict(params))
    except Exception as e:  # a failed run is data, not a crash of the sweep
        row["error"] = f"{type(e).__name__}: {e}"
        return row
    row.update(result["scalars"])
    row["cpu_s"] = time.process_time() - cpu
    row["error"] = None
    return row


def _column_order(rows, grid_keys, base_keys):
    cols = []
    for k in list(grid_keys) + ["seed", "run"] + list(base_keys):
        if k not in cols and any(k in r for r in rows):
            cols.append(k)
    for r in rows:
        for k in r:
            if k not in cols and k != "error":
                cols.append(k)
    return cols + ["error"]


def _frame(rows, grid, base, output_csv):
    import pandas as pd

    df = pd.DataFrame(rows)
    if "error" not in df.columns:
        df["error"] = None
    df = df[_column_order(rows, list(grid or {}), list(base or {}))] if rows else df
    if output_csv:
        directory = os.path.dirname(os.path.abspath(output_csv))
        os.makedirs(directory, exist_ok=True)
        df.to_csv(output_csv, index=False)
    return df


def _progress(total, progress, desc):
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="run")


def run_serial(grid, seeds=1, base=None, output_csv=None, progress=True):
    """Run every point of the sweep in this process, one after the other.
    Same arguments and result as :func:`run_sweep` (without the dask ones)."""
    points = expand_grid(grid, seeds, base)
    bar = _progress(len(points), progress, "pmipv6 sweep (serial)")
    rows = []
    for params in points:
        rows.append(run_one(params))
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    return _frame(rows, grid, base, output_csv)


def _package_parent():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _local_cluster(n_workers):
    from dask.distributed import LocalCluster

    # Worker processes import `pmipv6` by themselves: make sure they find the
    # package this process imported, whatever put it on sys.path here.
    parent = _package_parent()
    path = os.environ.get("PYTHONPATH", "")
    if parent not in path.split(os.pathsep):
        os.environ["PYTHONPATH"] = parent + (os.pathsep + path if path else "")
    # The workers' statistical profiler wakes every 10 ms in every worker; it
    # only ever sees the one Python frame that called into C++, and its
    # wake-ups cost the simulations beside it about 10 % of their CPU time
    # (measured: 16 % more CPU per run on 2 workers with it, 5 % without).
    # The Nanny hands the configuration current at its creation to the worker
    # process.
    import dask

    with dask.config.set({"distributed.worker.profile.enabled": False}):
        return LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: never clash with another cluster
            silence_logs=logging.ERROR,
        )


def run_sweep(
    grid,
    seeds=1,
    base=None,
    scheduler_address=None,
    n_workers=2,
    output_csv=None,
    progress=True,
    client=None,
):
    """Run a sweep on dask.distributed and return one DataFrame row per run.

    grid: dict of lists (config fields or ns-3 attribute paths); seeds: number
    of runs (1..n) or list of run numbers; base: parameters common to every run.
    By default a LocalCluster of ``n_workers`` processes with one thread each is
    started for the sweep and closed afterwards; ``scheduler_address`` connects
    to a running scheduler instead (its workers must be able to import
    ``pmipv6``), and ``client`` reuses an existing dask Client. Rows come back
    in grid order; the columns are the parameters, ``run``, the scalar results
    of RunPmipv6Scenario and ``error`` (None, or why the run failed: an
    exception in the run, or its worker process dying). ``output_csv`` also
    writes the table there.
    """
    from dask.distributed import Client, as_completed

    points = expand_grid(grid, seeds, base)
    own_cluster = None
    own_client = None
    if client is None:
        if scheduler_address:
            own_client = Client(scheduler_address)
        else:
            own_cluster = _local_cluster(n_workers)
            own_client = Client(own_cluster)
        client = own_client
    try:
        futures = {}
        for index, params in enumerate(points):
            # pure=False: every point is its own task even if two are equal
            futures[client.submit(run_one, params, pure=False, retries=0)] = index
        rows = [None] * len(points)
        bar = _progress(len(points), progress, "pmipv6 sweep")
        for future in as_completed(futures):
            index = futures[future]
            try:
                rows[index] = future.result()
            except Exception as e:  # e.g. KilledWorker: the process died
                row = dict(points[index])
                row["error"] = f"{type(e).__name__}: {e}"
                rows[index] = row
            if bar is not None:
                bar.update(1)
        if bar is not None:
            bar.close()
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()
    return _frame(rows, grid, base, output_csv)


def timed(function, *args, **kwargs):
    """Call function(*args, **kwargs) and return (result, wall seconds)."""
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start

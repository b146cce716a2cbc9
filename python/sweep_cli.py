#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Run a PMIPv6 parameter sweep from the command line and write it as CSV.

  PYTHONPATH=build/python /usr/bin/python3 python/sweep_cli.py \\
      --grid mag_lma_delay=1ms,10ms,50ms --grid n_mns=1,4 --seeds 5 \\
      --set sim_time=20 --set ns3::Pmipv6MagApplication::BindingLifetime=60s \\
      -o results/sweep.csv

--grid KEY=V1,V2,...   a grid axis (repeatable); KEY is a ScenarioConfig field
                       or an ns-3 attribute path (with '::')
--set KEY=VALUE        a parameter of every run (repeatable)
--seeds N | --runs R1,R2,...   run numbers (RngRun): 1..N, or the given list
--n-workers N          LocalCluster worker processes (default 2)
--scheduler ADDRESS    a running dask scheduler instead of a LocalCluster
--serial               no dask: run in this process
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


def parse_assignment(text):
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    key, value = text.split("=", 1)
    return key.strip(), value


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", action="append", type=parse_assignment, default=[],
                        metavar="KEY=V1,V2", help="a grid axis (repeatable)")
    parser.add_argument("--set", action="append", type=parse_assignment, default=[],
                        metavar="KEY=VALUE", help="a parameter of every run (repeatable)")
    runs = parser.add_mutually_exclusive_group()
    runs.add_argument("--seeds", type=int, default=1, help="runs 1..N (default 1)")
    runs.add_argument("--runs", help="explicit run numbers, comma-separated")
    parser.add_argument("--n-workers", type=int, default=2)
    parser.add_argument("--scheduler", default=None, help="dask scheduler address")
    parser.add_argument("--serial", action="store_true", help="run without dask")
    parser.add_argument("--no-progress", action="store_true")
    parser.add_argument("-o", "--output", required=True, help="CSV file to write")
    args = parser.parse_args(argv)

    from pmipv6.cli import parse_value
    from pmipv6.sweep import run_serial, run_sweep

    grid = {k: [parse_value(v) for v in values.split(",")] for k, values in args.grid}
    base = {k: parse_value(v) for k, v in args.set}
    # Attribute values are strings for Config::SetDefault; keep what was typed.
    for k, v in args.set:
        if "::" in k:
            base[k] = v
    for k, values in args.grid:
        if "::" in k:
            grid[k] = values.split(",")
    seeds = [int(r) for r in args.runs.split(",")] if args.runs else args.seeds
    start = time.perf_counter()
    if args.serial:
        df = run_serial(grid, seeds, base, output_csv=args.output,
                        progress=not args.no_progress)
    else:
        df = run_sweep(grid, seeds, base, scheduler_address=args.scheduler,
                       n_workers=args.n_workers, output_csv=args.output,
                       progress=not args.no_progress)
    elapsed = time.perf_counter() - start
    failed = df["error"].notna().sum()
    print(f"{len(df)} runs ({failed} failed) in {elapsed:.1f} s -> {os.path.abspath(args.output)}")
    if failed:
        for _, row in df[df["error"].notna()].iterrows():
            print(f"  run {row['run']}: {row['error']}", file=sys.stderr)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

# SPDX-License-Identifier: GPL-2.0-only
"""Shared command-line handling of the plot scripts in python/."""

import argparse
import os
import time

import pandas as pd

from .sweep import run_serial, run_sweep


def parse_value(text):
    """int, then float, then the string itself."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def _assignment(text):
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    key, value = text.split("=", 1)
    return key.strip(), value


def add_sweep_arguments(parser, seeds=3):
    """--seeds, --n-workers, --scheduler, --serial, --set, --csv, --from-csv."""
    parser.add_argument("--seeds", type=int, default=seeds,
                        help=f"runs per point (RngRun 1..N, default {seeds})")
    parser.add_argument("--n-workers", type=int, default=2,
                        help="dask LocalCluster worker processes (default 2)")
    parser.add_argument("--scheduler", default=None, help="a running dask scheduler")
    parser.add_argument("--serial", action="store_true", help="run without dask")
    parser.add_argument("--set", action="append", type=_assignment, default=[],
                        metavar="KEY=VALUE",
                        help="override a parameter of every run (config field or "
                             "ns-3 attribute path), repeatable")
    parser.add_argument("--csv", default=None,
                        help="also write the sweep there (default <out>.csv)")
    parser.add_argument("--from-csv", default=None,
                        help="plot an existing sweep CSV instead of running one")
    parser.add_argument("--no-progress", action="store_true")


def base_from_args(base, args):
    """The base parameters with the --set overrides (attribute values kept as
    typed strings)."""
    base = dict(base)
    for key, value in args.set:
        base[key] = value if "::" in key else parse_value(value)
    return base


def sweep_from_args(grid, base, args, out):
    """Run (or read, with --from-csv) the sweep the arguments describe."""
    if args.from_csv:
        return pd.read_csv(args.from_csv)
    csv = args.csv or f"{out}.csv"
    start = time.perf_counter()
    if args.serial:
        df = run_serial(grid, args.seeds, base, output_csv=csv, progress=not args.no_progress)
    else:
        df = run_sweep(grid, args.seeds, base, scheduler_address=args.scheduler,
                       n_workers=args.n_workers, output_csv=csv,
                       progress=not args.no_progress)
    failed = int(df["error"].notna().sum())
    print(f"{len(df)} runs, {failed} failed, {time.perf_counter() - start:.1f} s; "
          f"table: {os.path.abspath(csv)}")
    return df

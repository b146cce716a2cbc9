#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Handover interruption vs MAG-LMA delay: a sweep over the MAG-LMA one-way
delay (dask, several runs per point), plotted as mean and 95 % CI of the
downlink / uplink interruption and the handover registration latency.

  PYTHONPATH=build/python /usr/bin/python3 python/plot_handover_vs_delay.py \\
      --delays 1ms,5ms,10ms,20ms,50ms --seeds 5 --out results/handover-vs-delay

Writes <out>.png, <out>.pdf and the sweep table <out>.csv.
"""

import argparse
import os
import sys

# This directory holds the package's sources (python/pmipv6, without the
# compiled module): let PYTHONPATH's build/python/pmipv6 win over it.
_HERE = os.path.dirname(os.path.abspath(__file__))
if sys.path and os.path.abspath(sys.path[0] or ".") == _HERE:
    sys.path.append(sys.path.pop(0))

from pmipv6.cli import add_sweep_arguments, base_from_args, sweep_from_args
from pmipv6.plots import plot_handover_vs_delay

BASE = {
    "n_mags": 2,
    "n_mns": 1,
    "sim_time": 20.0,
    "first_move": 4.0,
    "move_interval": 4.0,
    "move_jitter": 0.5,
    "downlink_interval": 0.005,
    "uplink_interval": 0.005,
}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--delays", default="1ms,5ms,10ms,20ms,50ms",
                        help="MAG-LMA delays, comma-separated ns-3 times")
    parser.add_argument("--access", default="csma", choices=["csma", "wifi"])
    parser.add_argument("--out", default="handover-vs-delay", help="output prefix")
    add_sweep_arguments(parser, seeds=3)
    args = parser.parse_args(argv)
    base = base_from_args(dict(BASE, access=args.access), args)
    grid = {"mag_lma_delay": args.delays.split(",")}
    df = sweep_from_args(grid, base, args, args.out)
    for path in plot_handover_vs_delay(df, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

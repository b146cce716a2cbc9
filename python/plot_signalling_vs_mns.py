#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Signalling load vs number of mobile nodes: a sweep over the number of
mobile nodes (dask, several runs per point), plotted as messages per second
of each type (PBU, PBA, refresh PBUs, BRI, BRA, RA) and mobility signalling
per mobile node per second.

  PYTHONPATH=build/python /usr/bin/python3 python/plot_signalling_vs_mns.py \\
      --mns 1,2,4,8,16 --seeds 3 --out results/signalling-vs-mns

The binding lifetime is short by default (8 s, refreshed after 6.4 s, while
the nodes move every 10-12 s) so that refreshes show up in a short run;
change it with --set ns3::Pmipv6MagApplication::BindingLifetime=...
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
from pmipv6.plots import plot_signalling_vs_mns

BASE = {
    "n_mags": 3,
    "sim_time": 40.0,
    "first_move": 5.0,
    "move_interval": 10.0,
    "move_jitter": 2.0,
    "downlink_interval": 0.05,
    "uplink_interval": 0.05,
    "ns3::Pmipv6MagApplication::BindingLifetime": "8s",
}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mns", default="1,2,4,8,16",
                        help="numbers of mobile nodes, comma-separated")
    parser.add_argument("--access", default="csma", choices=["csma", "wifi"])
    parser.add_argument("--out", default="signalling-vs-mns", help="output prefix")
    add_sweep_arguments(parser, seeds=3)
    args = parser.parse_args(argv)
    base = base_from_args(dict(BASE, access=args.access), args)
    grid = {"n_mns": [int(n) for n in args.mns.split(",")]}
    df = sweep_from_args(grid, base, args, args.out)
    for path in plot_signalling_vs_mns(df, args.out, sim_time=base["sim_time"]):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

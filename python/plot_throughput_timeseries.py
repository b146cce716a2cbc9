#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Throughput per interface over time around moves: one run, the bytes each
MAG sends on its access link and what the mobile node receives and sends, in
bins (default 100 ms), with the mobile node's detachments, attachments and
registrations marked.

  PYTHONPATH=build/python /usr/bin/python3 python/plot_throughput_timeseries.py \\
      --n-mags 3 --mag-lma-delay 20ms --move-interval 4 --out results/throughput

Writes <out>.png, <out>.pdf, and the long time-series table <out>.csv.
"""

import argparse
import os
import sys

# This directory holds the package's sources (python/pmipv6, without the
# compiled module): let PYTHONPATH's build/python/pmipv6 win over it.
_HERE = os.path.dirname(os.path.abspath(__file__))
if sys.path and os.path.abspath(sys.path[0] or ".") == _HERE:
    sys.path.append(sys.path.pop(0))

import pmipv6
from pmipv6.cli import parse_value
from pmipv6.plots import plot_throughput_timeseries


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n-mags", type=int, default=3)
    parser.add_argument("--n-mns", type=int, default=1)
    parser.add_argument("--access", default="csma", choices=["csma", "wifi"])
    parser.add_argument("--mag-lma-delay", default="10ms")
    parser.add_argument("--sim-time", type=float, default=16.0)
    parser.add_argument("--first-move", type=float, default=5.0)
    parser.add_argument("--move-interval", type=float, default=4.0)
    parser.add_argument("--link-switch-delay", type=float, default=0.05)
    parser.add_argument("--interval", type=float, default=0.002,
                        help="UDP packet interval, both directions (s)")
    parser.add_argument("--packet-size", type=int, default=1000)
    parser.add_argument("--bin-width", type=float, default=0.02,
                        help="time-series bin width (s, default 0.02)")
    parser.add_argument("--zoom", type=float, default=0.3,
                        help="zoomed panels span the move +- this (s); 0: none")
    parser.add_argument("--run", type=int, default=1)
    parser.add_argument("--mn", default=None, help="mobile node to plot (default mn1)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="any other config field or ns-3 attribute, repeatable")
    parser.add_argument("--out", default="throughput-timeseries", help="output prefix")
    args = parser.parse_args(argv)
    config = pmipv6.ScenarioConfig(
        n_mags=args.n_mags, n_mns=args.n_mns, access=args.access,
        mag_lma_delay=args.mag_lma_delay, sim_time=args.sim_time,
        first_move=args.first_move, move_interval=args.move_interval,
        link_switch_delay=args.link_switch_delay, downlink_interval=args.interval,
        uplink_interval=args.interval, packet_size=args.packet_size,
        bin_width=args.bin_width, run=args.run)
    for assignment in args.set:
        key, value = assignment.split("=", 1)
        config.set(key, value if "::" in key else parse_value(value))
    result = pmipv6.run(config)
    result.time_series().to_csv(f"{args.out}.csv", index=False)
    print(result)
    print(result.moves.to_string(index=False))
    for path in plot_throughput_timeseries(result, args.out, mn_id=args.mn, zoom=args.zoom):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

# SPDX-License-Identifier: GPL-2.0-only
"""pytest configuration: the package comes from PYTHONPATH=<build>/python
(CTest sets it); plots use the Agg backend."""

import os
import sys

import matplotlib

matplotlib.use("Agg")

# The plot and sweep scripts live in python/, next to this directory. Appended,
# not prepended: python/pmipv6 is the package's source without the compiled
# module, the one to import is <build>/python/pmipv6 from PYTHONPATH.
SCRIPTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if SCRIPTS not in sys.path:
    sys.path.append(SCRIPTS)

# A small, fast scenario (a fraction of a second of wall time).
SMALL = {
    "n_mags": 2,
    "n_mns": 1,
    "sim_time": 8.0,
    "traffic_start": 1.5,
    "first_move": 3.0,
    "move_interval": 2.5,
    "downlink_interval": 0.01,
    "uplink_interval": 0.01,
}

# SPDX-License-Identifier: GPL-2.0-only
"""Proxy Mobile IPv6 for ns-3, from Python.

The compiled module ``_pmipv6`` (bindings/pmipv6-bindings.cc) provides:

* ``ScenarioConfig`` and ``run_scenario(config=None, **fields)``: one run of
  ``RunPmipv6Scenario`` (helper/pmipv6-scenario.h), results as plain dicts and
  lists; :func:`run` wraps them in a :class:`ScenarioResult` with pandas views;
* the Mobility Header codec: ``message_names()``, ``encode_sample(name)``,
  ``encode_pbu(...)``, ``encode_pba(...)``, ``decode(data)``, ``checksum(...)``;
* ``wire``: every number of model/pmipv6-wire-numbers.h (``wire.ENUMS`` groups
  the enumerations);
* ``list_attributes(type_name)``: the ns-3 attributes a run can set by name.

Sweeps over parameter grids (serial or on dask.distributed) are in
:mod:`pmipv6.sweep`, plots in :mod:`pmipv6.plots`.
"""

from ._pmipv6 import (  # noqa: F401  (re-exports)
    ScenarioConfig,
    checksum,
    decode,
    encode_pba,
    encode_pbu,
    encode_sample,
    list_attributes,
    message_names,
    run_scenario,
    wire,
)
from .results import ScenarioResult, run  # noqa: F401
from .sweep import expand_grid, run_serial, run_sweep  # noqa: F401

__all__ = [
    "ScenarioConfig",
    "ScenarioResult",
    "checksum",
    "decode",
    "encode_pba",
    "encode_pbu",
    "encode_sample",
    "expand_grid",
    "list_attributes",
    "message_names",
    "run",
    "run_scenario",
    "run_serial",
    "run_sweep",
    "wire",
]

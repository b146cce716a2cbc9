# SPDX-License-Identifier: GPL-2.0-only
"""The results of one scenario run, with pandas views."""

import sys

from ._pmipv6 import run_scenario


class ScenarioResult:
    """What ``run_scenario`` returned, with each table as a pandas DataFrame.

    ``raw`` is the dict from the binding; ``scalars``, ``signalling`` and
    ``config`` are dicts; ``flows``, ``registrations``, ``moves``,
    ``mobile_nodes`` are DataFrames (one row per flow, registration, move,
    mobile node) and :meth:`time_series` is the long table of the per-interface
    byte counts.
    """

    def __init__(self, raw):
        self.raw = raw

    @property
    def config(self):
        """The configuration of the run (dict)."""
        return self.raw["config"]

    @property
    def scalars(self):
        """Flat name -> number summary (what a sweep stores per run)."""
        return self.raw["scalars"]

    @property
    def signalling(self):
        """Message counts by name: PBU, PBU-initial, PBU-refresh, PBU-dereg,
        PBU-received, PBA, PBA-rejected, BRI, BRA, RA, LMA-handover,
        registration-failed, registration-recovery (PBUs re-sent after a PBA with
        status 135, 156 or 157)."""
        return self.raw["signalling"]

    @property
    def pba_status(self):
        """PBAs the LMAs sent, by status code (dict int -> count; codes never sent
        are absent): 0 accepted, 135 sequence out of window, 156/157 timestamps, ..."""
        return dict(self.raw["pba_status"])

    @property
    def fault_losses(self):
        """Packets the injected faults lost (dict): "from>to" per direction of a
        transport link, "access-up:<mag>", "access-down:<mag>", and "total";
        empty when the run had no fault."""
        return dict(self.raw["fault_losses"])

    @property
    def bin_width(self):
        """Width of the time-series bins (s)."""
        return self.raw["bin_width"]

    @property
    def mag_names(self):
        """The MAGs of the topology."""
        return list(self.raw["mag_names"])

    def _frame(self, key):
        import pandas as pd

        return pd.DataFrame(self.raw[key])

    @property
    def flows(self):
        """FlowMonitor statistics, one row per flow."""
        return self._frame("flows")

    @property
    def registrations(self):
        """Completed registrations (mn_id, mag, time, latency_ms, hi, handover)."""
        return self._frame("registrations")

    @property
    def moves(self):
        """Moves between MAGs with their registration latency and interruptions."""
        return self._frame("moves")

    @property
    def mobile_nodes(self):
        """Per mobile node summary: home address, first and last MAG, attach time,
        address kept, moves, interruptions, and its registration at the end:
        ``registered``, ``registration_state`` (its binding update list entry at
        its last MAG), ``unregistered_reason`` ("" when registered, else
        "never-attached", "detached", "registration-pending", "rejected",
        "no-pba", "no-binding"), ``last_pba_status``, ``failure_status``,
        ``registration_failures``, ``recoveries``."""
        return self._frame("mobile_nodes")

    def time_series(self, node=None, role=None, link=None, direction=None):
        """Bytes per bin per interface as a long DataFrame.

        Columns: node, role, interface, device, link ("access", "tunnel",
        "transport"), direction ("rx"/"tx"), time (start of the bin, s),
        bytes, mbps. Optional filters select rows by node, role, link,
        direction.
        """
        import pandas as pd

        width = self.bin_width
        rows = []
        for s in self.raw["time_series"]:
            if node is not None and s["node"] != node:
                continue
            if role is not None and s["role"] != role:
                continue
            if link is not None and s["link"] != link:
                continue
            if direction is not None and s["direction"] != direction:
                continue
            for k, b in enumerate(s["bytes"]):
                rows.append(
                    (s["node"], s["role"], s["interface"], s["device"], s["link"],
                     s["direction"], k * width, b, b * 8 / width / 1e6)
                )
        return pd.DataFrame(
            rows,
            columns=["node", "role", "interface", "device", "link", "direction",
                     "time", "bytes", "mbps"],
        )

    def __repr__(self):
        s = self.scalars
        return (
            f"ScenarioResult(moves={int(s['moves'])}, "
            f"handover_latency_mean_ms={s['handover_latency_mean_ms']:.2f}, "
            f"interruption_mean_ms={s['interruption_mean_ms']:.2f}, "
            f"down_loss_ratio={s['down_loss_ratio']:.4f})"
        )


class _ProgressBar:
    """A progress callback(now, end) that draws a tqdm bar of simulated time on
    stderr (plain "progress:" lines when tqdm is not installed)."""

    def __init__(self, file=None):
        self.file = file if file is not None else sys.stderr
        self.bar = None
        try:
            from tqdm import tqdm
        except ImportError:  # pragma: no cover - tqdm is a dependency of the package
            tqdm = None
        self._tqdm = tqdm

    def __call__(self, now, end):
        if self._tqdm is None:
            print(f"progress: {now:.1f} / {end:.1f} s simulated", file=self.file)
            return
        if self.bar is None:
            self.bar = self._tqdm(total=end, desc="simulated", unit="s", file=self.file,
                                  bar_format="{desc}: {percentage:3.0f}%|{bar}| "
                                             "{n:.1f}/{total:.1f} s [{elapsed}<{remaining}]")
        self.bar.n = now
        self.bar.refresh()

    def close(self):
        if self.bar is not None:
            self.bar.close()


def run(config=None, progress=False, progress_interval=0.0, **fields):
    """Run one scenario (a ScenarioConfig, a dict, or keyword fields; keys with
    '::' are ns-3 attributes) and return a :class:`ScenarioResult`.

    ``progress``: False (quiet), True (a tqdm bar of the simulated time on
    stderr, updated every ``progress_interval`` simulated seconds, by default
    sim_time / 100), or a callable ``f(now, end)`` (simulated seconds) called at
    those times; an exception it raises stops the run and propagates."""
    if progress is True:
        callback = _ProgressBar()
    elif progress is False or progress is None:
        callback = None
    elif callable(progress):
        callback = progress
    else:
        raise TypeError("progress must be True, False or a callable(now, end)")
    try:
        raw = run_scenario(config, progress=callback, progress_interval=progress_interval,
                           **fields)
    finally:
        if isinstance(callback, _ProgressBar):
            callback.close()
    return ScenarioResult(raw)

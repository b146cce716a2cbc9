# SPDX-License-Identifier: GPL-2.0-only
"""Plots of PMIPv6 sweeps and runs; each function writes <prefix>.png and
<prefix>.pdf (matplotlib's Agg backend, no display needed) and returns the
paths."""

import os
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

__all__ = [
    "parse_time_ms",
    "plot_handover_vs_delay",
    "plot_signalling_vs_mns",
    "plot_throughput_timeseries",
    "save",
]

_UNITS_MS = {"s": 1e3, "ms": 1.0, "us": 1e-3, "ns": 1e-6, "ps": 1e-9, "min": 6e4, "h": 3.6e6}


def parse_time_ms(value):
    """An ns-3 time string ("5ms", "1.5s", "20us") or a number of seconds,
    in milliseconds."""
    if isinstance(value, (int, float)):
        return float(value) * 1e3
    m = re.fullmatch(r"\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*([a-z]*)\s*", str(value))
    if not m:
        raise ValueError(f"not a time: {value!r}")
    unit = m.group(2) or "s"
    if unit not in _UNITS_MS:
        raise ValueError(f"unknown time unit in {value!r}")
    return float(m.group(1)) * _UNITS_MS[unit]


def save(fig, prefix):
    """Write the figure as <prefix>.png and <prefix>.pdf; return both paths."""
    directory = os.path.dirname(os.path.abspath(prefix))
    os.makedirs(directory, exist_ok=True)
    paths = []
    for ext in ("png", "pdf"):
        path = f"{prefix}.{ext}"
        fig.savefig(path, dpi=150, bbox_inches="tight")
        paths.append(path)
    plt.close(fig)
    return paths


def _ok(df):
    if "error" in df.columns:
        return df[df["error"].isna()]
    return df


def _mean_ci(group, column):
    """Mean and 95 % confidence half-width (normal approximation) per group."""
    stats = group[column].agg(["mean", "std", "count"])
    half = 1.96 * stats["std"].fillna(0) / stats["count"].clip(lower=1) ** 0.5
    return stats["mean"], half


def plot_handover_vs_delay(df, prefix, delay_column="mag_lma_delay", title=None):
    """Handover interruption and registration latency against the MAG-LMA
    delay, mean over runs with 95 % confidence intervals.

    df: a sweep DataFrame with ``delay_column`` (ns-3 time strings or seconds),
    ``interruption_mean_ms``, ``uplink_interruption_mean_ms``,
    ``handover_latency_mean_ms`` (one row per run; failed runs are skipped).
    Extra grid columns (e.g. ``access``) become one line each.
    """
    df = _ok(df).copy()
    if df.empty:
        raise ValueError("no successful run to plot")
    df["delay_ms"] = df[delay_column].map(parse_time_ms)
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    series = [
        ("interruption_mean_ms", "downlink interruption", "o-"),
        ("uplink_interruption_mean_ms", "uplink interruption", "s--"),
        ("handover_latency_mean_ms", "handover registration (PBU→PBA)", "^:"),
    ]
    for column, label, style in series:
        if column not in df.columns:
            continue
        valid = df[df[column] >= 0]
        if valid.empty:
            continue
        mean, half = _mean_ci(valid.groupby("delay_ms"), column)
        ax.errorbar(mean.index, mean.values, yerr=half.values, fmt=style, capsize=3, label=label)
    ax.set_xlabel("MAG–LMA one-way delay (ms)")
    ax.set_ylabel("time (ms)")
    runs = df.groupby("delay_ms").size().min()
    ax.set_title(title or f"PMIPv6 handover vs MAG–LMA delay ({runs} runs per point, 95 % CI)")
    ax.grid(True, alpha=0.3)
    ax.legend()
    return save(fig, prefix)


def plot_throughput_timeseries(result, prefix, mn_id=None, zoom=0.3, max_zooms=4, title=None):
    """Per-interface downlink throughput over time around the moves of one
    mobile node.

    Top: bytes each MAG sent on its access link (tx), one line per MAG.
    Middle: what the mobile node received on its interface (rx), and what it
    sent (tx). Dashed lines mark the mobile node's detachments, dotted ones its
    attachments, shaded spans the time until the new MAG's registration.
    Bottom (when ``zoom`` > 0 and the node moved): one panel per move (at most
    ``max_zooms``), from ``zoom`` s before the detachment to ``zoom`` s after
    the registration, with the old and new MAG's access tx and the node's rx.

    result: a :class:`pmipv6.ScenarioResult` (or the dict of run_scenario).
    """
    from .results import ScenarioResult

    if not isinstance(result, ScenarioResult):
        result = ScenarioResult(result)
    mns = result.mobile_nodes
    if mn_id is None:
        mn_id = mns["mn_id"].iloc[0]
    ts = result.time_series()
    moves = result.moves
    if not moves.empty:
        moves = moves[moves.mn_id == mn_id]
    zooms = list(moves.itertuples())[:max_zooms] if zoom and zoom > 0 else []
    rows = 3 if zooms else 2
    fig = plt.figure(figsize=(9, 2.6 * rows + 0.4))
    grid = fig.add_gridspec(rows, max(len(zooms), 1))
    top = fig.add_subplot(grid[0, :])
    middle = fig.add_subplot(grid[1, :], sharex=top)

    mag_tx = ts[(ts.role == "mag") & (ts.link == "access") & (ts.direction == "tx")]
    colours = {}
    for mag, rows_ in mag_tx.groupby("node", sort=False):
        line = top.step(rows_["time"], rows_["mbps"], where="post", label=f"{mag} access tx")
        colours[mag] = line[0].get_color()
    mn = ts[(ts.node == mn_id) & (ts.link == "access")]
    for direction, rows_ in mn.groupby("direction"):
        label = f"{mn_id} {'received (downlink)' if direction == 'rx' else 'sent (uplink)'}"
        middle.step(rows_["time"], rows_["mbps"], where="post", label=label)

    def mark(ax, m):
        if m.detach_time >= 0:
            ax.axvline(m.detach_time, color="k", ls="--", lw=0.8)
        ax.axvline(m.attach_time, color="k", ls=":", lw=0.8)
        if m.registration_time >= 0:
            start = m.detach_time if m.detach_time >= 0 else m.attach_time
            ax.axvspan(start, m.registration_time, color="tab:red", alpha=0.15)

    for ax in (top, middle):
        for m in moves.itertuples():
            mark(ax, m)
        ax.set_ylabel("Mbit/s")
        ax.grid(True, alpha=0.3)
        ax.legend(loc="upper right", fontsize="small")
    middle.set_xlabel("time (s)")

    rx = mn[mn.direction == "rx"]
    for k, m in enumerate(zooms):
        ax = fig.add_subplot(grid[2, k])
        start = (m.detach_time if m.detach_time >= 0 else m.attach_time) - zoom
        end = (m.registration_time if m.registration_time >= 0 else m.attach_time) + zoom
        for mag in (m.from_mag, m.to_mag):
            rows_ = mag_tx[(mag_tx.node == mag) & (mag_tx.time >= start - 1) & (mag_tx.time <= end)]
            ax.step(rows_["time"], rows_["mbps"], where="post", color=colours.get(mag), lw=3, alpha=0.6,
                    label=f"{mag} tx")
        rows_ = rx[(rx.time >= start - 1) & (rx.time <= end)]
        ax.step(rows_["time"], rows_["mbps"], where="post", color="k", lw=1.2, label=f"{mn_id} rx")
        mark(ax, m)
        ax.set_xlim(start, end)
        gap = m.downlink_interruption_ms
        ax.set_title(f"move {m.index}: {m.from_mag}→{m.to_mag}"
                     + (f", gap {gap:.0f} ms" if gap >= 0 else ""), fontsize="small")
        ax.set_xlabel("time (s)", fontsize="small")
        ax.tick_params(labelsize="x-small")
        ax.grid(True, alpha=0.3)
        if k == 0:
            ax.set_ylabel("Mbit/s")
            ax.legend(fontsize="x-small", loc="lower left")

    cfg = result.config
    top.set_title(
        title
        or f"Throughput per interface, {mn_id} ({cfg['access']}, MAG–LMA delay "
        f"{cfg['mag_lma_delay']}, bins of {result.bin_width * 1000:g} ms)"
    )
    fig.tight_layout()
    return save(fig, prefix)


_SIGNALS = [
    ("sig_pbu", "PBU"),
    ("sig_pba", "PBA"),
    ("sig_pbu_refresh", "PBU (refresh)"),
    ("sig_bri", "BRI"),
    ("sig_bra", "BRA"),
    ("sig_ra", "RA"),
]


def plot_signalling_vs_mns(df, prefix, mns_column="n_mns", sim_time=None, title=None):
    """Signalling load against the number of mobile nodes: messages per
    second of each type (left) and mobility signalling (PBU+PBA+BRI+BRA) per
    mobile node per second (right), means over runs with 95 % CIs.

    df: a sweep DataFrame with ``mns_column`` and the ``sig_*`` scalars; the
    simulated time comes from its ``sim_time`` column or the argument.
    """
    df = _ok(df).copy()
    if df.empty:
        raise ValueError("no successful run to plot")
    if sim_time is None:
        if "sim_time" not in df.columns:
            raise ValueError("give sim_time (the sweep has no sim_time column)")
        seconds = df["sim_time"].astype(float)
    else:
        seconds = float(sim_time)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2))
    for column, label in _SIGNALS:
        if column not in df.columns or (df[column] == 0).all():
            continue
        df["_rate"] = df[column] / seconds
        mean, half = _mean_ci(df.groupby(mns_column), "_rate")
        left.errorbar(mean.index, mean.values, yerr=half.values, fmt="o-", capsize=3, label=label)
    left.set_xlabel("mobile nodes")
    left.set_ylabel("messages / s")
    left.set_title("signalling messages per second")
    left.grid(True, alpha=0.3)
    left.legend(fontsize="small")
    df["_per_mn"] = df["sig_mobility_total"] / seconds / df[mns_column]
    mean, half = _mean_ci(df.groupby(mns_column), "_per_mn")
    right.errorbar(mean.index, mean.values, yerr=half.values, fmt="s-", capsize=3)
    right.set_xlabel("mobile nodes")
    right.set_ylabel("messages / s / MN")
    right.set_title("PBU+PBA+BRI+BRA per mobile node")
    right.grid(True, alpha=0.3)
    right.set_ylim(bottom=0)
    counts = sorted(df[mns_column].unique())
    for ax in (left, right):
        ax.set_xticks(counts)
    if title:
        fig.suptitle(title)
    return save(fig, prefix)

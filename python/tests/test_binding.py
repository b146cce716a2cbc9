# SPDX-License-Identifier: GPL-2.0-only
"""The binding runs a scenario and returns sane, reproducible results."""

import threading

import pytest

import pmipv6
from conftest import SMALL


def test_config_from_kwargs_dict_and_attributes():
    c = pmipv6.ScenarioConfig(n_mags=3, mag_lma_delay="7ms",
                              **{"ns3::Pmipv6MagApplication::BindingLifetime": "30s"})
    assert c.n_mags == 3 and c.mag_lma_delay == "7ms"
    assert c.attributes == {"ns3::Pmipv6MagApplication::BindingLifetime": "30s"}
    d = c.to_dict()
    assert pmipv6.ScenarioConfig.from_dict(d) == c
    assert pmipv6.ScenarioConfig(d) == c
    c2 = pmipv6.ScenarioConfig(c, run=5)
    assert c2.run == 5 and c.run == 1
    with pytest.raises(TypeError):
        pmipv6.ScenarioConfig(no_such_field=1)


def test_bool_attribute_values():
    c = pmipv6.ScenarioConfig(**{"ns3::Pmipv6LmaApplication::RevokeOnHandover": False})
    assert c.attributes == {"ns3::Pmipv6LmaApplication::RevokeOnHandover": "false"}


def test_config_pickles():
    import pickle

    c = pmipv6.ScenarioConfig(n_mns=4, attributes={"ns3::Pmipv6LmaApplication::RevokeOnHandover": "false"})
    assert pickle.loads(pickle.dumps(c)) == c


def test_mag_switch_star():
    # The MAGs behind one L2 switch: the same registrations and handovers as one link each.
    r = pmipv6.run(SMALL, mag_lma_delay="10ms", mag_switch=True)
    s = r.scalars
    assert r.config["mag_switch"] is True
    assert s["moves"] == 2 and s["moves_restored"] == 2
    assert s["registrations"] == 3 and s["handover_registrations"] == 2
    assert 20 <= s["handover_latency_mean_ms"] < 30
    assert s["down_rx_packets"] > 500 and s["down_loss_ratio"] < 0.05


def test_point_to_point_access_star():
    # "p2p" access (a point-to-point link per mobile node to its MAG): the same registrations,
    # handovers and delivery as CSMA access, and the access time series are there.
    r = pmipv6.run(SMALL, mag_lma_delay="10ms", access="p2p")
    s = r.scalars
    assert r.config["access"] == "p2p"
    assert s["moves"] == 2 and s["moves_restored"] == 2
    assert s["registrations"] == 3 and s["handover_registrations"] == 2
    assert 20 <= s["handover_latency_mean_ms"] < 30
    assert s["down_rx_packets"] > 500 and s["down_loss_ratio"] < 0.05
    assert s["addresses_kept_ratio"] == 1.0
    assert len(r.time_series(link="access", direction="tx")) > 0


def test_run_returns_sane_results():
    r = pmipv6.run(SMALL, mag_lma_delay="10ms")
    s = r.scalars
    assert s["moves"] == 2 and s["moves_restored"] == 2
    assert s["registrations"] == 3 and s["handover_registrations"] == 2
    # PBU and PBA each cross the 10 ms MAG-LMA link once
    assert 20 <= s["handover_latency_mean_ms"] < 30
    assert 20 + 50 < s["interruption_mean_ms"] < 30 + 50 + 30
    assert s["down_rx_packets"] > 500 and s["down_loss_ratio"] < 0.05
    assert s["addresses_kept_ratio"] == 1.0
    assert r.signalling["PBU"] >= 3 and r.signalling["PBA"] == r.signalling["PBU-received"]

    flows = r.flows
    assert set(flows["direction"]) == {"downlink", "uplink"}
    assert (flows["rx_packets"] > 0).all()
    moves = r.moves
    assert list(moves["to_mag"]) == ["mag2", "mag1"]
    assert (moves["registration_latency_ms"] > 0).all()
    regs = r.registrations
    assert list(regs.columns[:5]) == ["mn_id", "mag", "time", "latency_ms", "hi"]
    assert (regs["latency_ms"] > 0).all()

    ts = r.time_series(role="mn", direction="rx")
    assert len(ts) == int(round(8.0 / r.bin_width))
    assert ts["bytes"].sum() > 0


def test_time_series_shows_the_gap():
    r = pmipv6.run(SMALL, mag_lma_delay="10ms", bin_width=0.01)
    ts = r.time_series(role="mn", direction="rx")
    assert len(ts) == 800
    move = r.moves.iloc[0]
    # between the detachment and the new registration the MN receives no data
    # (540-octet UDP packets), at most the control packets of its attachment
    gap = ts[(ts.time > move.detach_time) & (ts.time + 0.01 <= move.registration_time)]
    assert len(gap) >= 5 and gap["bytes"].max() < 540
    # and in the 100 ms before the detachment it receives at 10 packets / 100 ms
    before = ts[(ts.time >= move.detach_time - 0.1) & (ts.time < move.detach_time)]
    assert before["bytes"].sum() >= 9 * 540
    # the MAG the MN moved to carries the traffic afterwards
    after = r.time_series(node=move.to_mag, link="access", direction="tx")
    assert after[after.time > move.registration_time]["bytes"].sum() > 0


def test_same_run_identical_other_run_different():
    base = dict(SMALL, move_jitter=1.0, run=7)
    a = pmipv6.run_scenario(base)
    b = pmipv6.run_scenario(base)
    c = pmipv6.run_scenario(dict(base, run=8))
    for r in (a, b, c):
        r["scalars"].pop("wall_clock_s")
    assert a["scalars"] == b["scalars"] and a["moves"] == b["moves"]
    assert a["time_series"] == b["time_series"]
    assert a["moves"] != c["moves"]


def test_attribute_by_name_takes_effect_for_one_run():
    cfg = dict(SMALL, move_interval=0, sim_time=20.0)
    short = pmipv6.run_scenario(cfg, **{"ns3::Pmipv6MagApplication::BindingLifetime": "8s"})
    assert short["signalling"]["PBU-refresh"] == 3
    default = pmipv6.run_scenario(cfg)
    assert default["signalling"]["PBU-refresh"] == 0


def test_bad_attribute_raises_value_error_and_next_run_works():
    with pytest.raises(ValueError, match="NoSuchThing"):
        pmipv6.run_scenario(SMALL, **{"ns3::Pmipv6MagApplication::NoSuchThing": "1"})
    with pytest.raises(ValueError):
        pmipv6.run_scenario(SMALL, access="carrier-pigeon")
    assert pmipv6.run_scenario(SMALL)["scalars"]["moves"] == 2


def test_runs_release_the_gil():
    """A thread keeps running Python while a simulation runs."""
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.001)

    t = threading.Thread(target=tick)
    t.start()
    before = len(ticks)
    pmipv6.run_scenario(SMALL, sim_time=12.0)
    during = len(ticks) - before
    stop.set()
    t.join()
    assert during > 20


def test_list_attributes():
    names = {a["name"]: a for a in pmipv6.list_attributes("ns3::Pmipv6MagApplication")}
    lifetime = names["ns3::Pmipv6MagApplication::BindingLifetime"]
    assert lifetime["help"] and lifetime["default"]  # ns-3's serialization: "+6e+11ns"
    with pytest.raises(ValueError):
        pmipv6.list_attributes("ns3::NoSuchType")


def test_attach_schedule_and_registration_per_mn():
    """Issue 9 scaled down: 100 MNs on 10 MAGs attaching until 1.49 s, first move
    at 1.05 s. Moves are relative to each MN's own attachment: no failure, no
    rejection, every MN registered with its address; the per-MN registration
    columns say so."""
    r = pmipv6.run(n_mags=10, n_mns=100, sim_time=4, first_move=1.05, move_interval=1,
                   downlink_interval=0, uplink_interval=0)
    assert r.config["attach_start"] == 0.5 and r.config["attach_spacing"] == 0.01
    assert r.signalling["registration-failed"] == 0
    assert r.signalling["PBA-rejected"] == 0
    assert set(r.pba_status) == {0}
    mns = r.mobile_nodes
    assert len(mns) == 100
    assert mns["address_kept"].all() and mns["registered"].all()
    assert (mns["unregistered_reason"] == "").all()
    assert set(mns["registration_state"]) == {"registered"}
    assert list(mns["attach_time"]) == pytest.approx([0.5 + 0.01 * k for k in range(100)])
    assert r.scalars["registered_ratio"] == 1.0


def test_unregistered_reason():
    r = pmipv6.run(SMALL, n_mns=2, move_interval=0, sim_time=4, attach_start=1.0,
                   attach_spacing=5.0,
                   **{"ns3::Pmipv6LmaApplication::ProxyRegistrationEnabled": False})
    mns = r.mobile_nodes.set_index("mn_id")
    assert mns.loc["mn1", "unregistered_reason"] == "rejected"
    assert mns.loc["mn1", "failure_status"] == 152
    assert mns.loc["mn1", "last_pba_status"] == 152
    assert mns.loc["mn2", "unregistered_reason"] == "never-attached"
    assert mns.loc["mn2", "last_pba_status"] == -1
    assert r.pba_status == {152: 1}

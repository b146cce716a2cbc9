# SPDX-License-Identifier: GPL-2.0-only
"""IPv4 (RFC 5844) through the scenario runner: ``ip`` (v6 | v4 | dual) for the mobile
nodes and ``transport`` (v6 | v4) for the MAG-LMA network."""

import os

import pytest

import pmipv6
from conftest import SMALL

TOPOLOGIES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), "examples", "topologies")


def test_ip_fields_round_trip():
    c = pmipv6.ScenarioConfig(ip="dual", transport="v4", dhcp=True)
    assert (c.ip, c.transport, c.dhcp) == ("dual", "v4", True)
    assert pmipv6.ScenarioConfig.from_dict(c.to_dict()) == c
    assert pmipv6.ScenarioConfig().ip == "v6"


def test_bad_ip_values_raise():
    with pytest.raises(ValueError):
        pmipv6.run(SMALL, ip="v5")
    with pytest.raises(ValueError):
        pmipv6.run(SMALL, transport="ipx")


def _check_ipv4_run(r, n_mns):
    assert r.scalars["registered_ratio"] == 1.0
    mns = r.mobile_nodes
    assert len(mns) == n_mns
    # the LMA's pool 10.101.0.0/16, router .1: the first MN gets .2
    assert sorted(mns["ipv4_home_address"]) == [
        "10.101.0.%d" % (2 + k) for k in range(n_mns)]
    flows = r.flows
    mine = flows[flows["direction"] != "other"]
    assert len(mine) == 2 * n_mns
    # IPv4 flows between the CN's IPv4 address and the home addresses
    down = mine[mine["direction"] == "downlink"]
    assert set(down["destination"]) == set(mns["ipv4_home_address"])
    assert all(down["source"].str.startswith("10.0."))
    # delivered across the moves (a few lost in each move at most)
    assert (mine["rx_packets"] > 0.9 * mine["tx_packets"]).all()
    assert (mns["moves"] >= 1).all()


def test_ipv4_only_mn_over_ipv4_transport_dot():
    """The shipped DOT file with transport=v4 on its LMA, IPv4-only mobile nodes."""
    r = pmipv6.run(SMALL, topology=os.path.join(TOPOLOGIES, "ipv4-transport.dot"),
                   n_mns=2, ip="v4")
    _check_ipv4_run(r, 2)


def test_ipv4_only_mn_star_v4_transport_dhcp():
    """The star over an IPv4 transport (``transport="v4"``), addresses by DHCP."""
    r = pmipv6.run(SMALL, ip="v4", transport="v4", dhcp=True)
    _check_ipv4_run(r, 1)


def test_dual_stack_mn_keeps_ipv6_flows():
    r = pmipv6.run(SMALL, ip="dual", transport="v4")
    assert r.scalars["registered_ratio"] == 1.0
    assert list(r.mobile_nodes["ipv4_home_address"]) == ["10.101.0.2"]
    mine = r.flows[r.flows["direction"] != "other"]
    assert len(mine) == 2 and all(":" in a for a in mine["destination"])
    assert (mine["rx_packets"] > 0.9 * mine["tx_packets"]).all()


def test_wifi_dhcp_delivers_as_static():
    """Wi-Fi: a disassociation is a link down for ns-3's DhcpClient, which drops the address
    and gets the same one back from the new MAG after the reassociation. The downlink that
    reached the new MAG before the MN had its address again waits in the MAG's ARP queue; the
    DHCP server resolves that entry when it acknowledges, so DHCP costs no extra loss (without
    it the ARP retry came 1 s later: 270 instead of 369 datagrams)."""
    static = pmipv6.run(SMALL, access="wifi", ip="v4")
    dhcp = pmipv6.run(SMALL, access="wifi", ip="v4", dhcp=True)
    for r in (static, dhcp):
        assert r.scalars["registered_ratio"] == 1.0
        assert list(r.mobile_nodes["ipv4_home_address"]) == ["10.101.0.2"]
        assert list(r.mobile_nodes["moves"]) == [2]

    def down(r):
        f = r.flows
        return int(f[f["direction"] == "downlink"]["rx_packets"].sum())

    assert down(static) > 300
    assert down(dhcp) >= 0.97 * down(static)


@pytest.mark.parametrize("transport", ["v6", "v4"])
def test_ipv4_over_lma_point_to_multipoint_tunnel(transport):
    """The LMA's point-to-multipoint tunnel (one tunnel interface for all MAGs) carries the
    IPv4 home addresses too: two IPv4-only MNs, IPv4 flows both ways across their moves."""
    r = pmipv6.run(SMALL, n_mns=2, ip="v4", transport=transport,
                   **{"ns3::Pmipv6LmaApplication::PointToMultipointTunnel": "true"})
    _check_ipv4_run(r, 2)

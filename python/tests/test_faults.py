# SPDX-License-Identifier: GPL-2.0-only
"""Faults as scenario keywords: loss, bursts, jitter, outages, restarts, heartbeat."""

import pytest

import pmipv6
from conftest import SMALL


def test_fault_fields_round_trip():
    c = pmipv6.ScenarioConfig(mag_lma_loss_up=0.1, mag_lma_loss_down=0.2, mag_lma_burst=3,
                              mag_lma_jitter="2ms", access_loss_up=0.05, access_loss_down=0.06,
                              access_burst=2, link_outages=[("mag1", "lma", 3, 4)],
                              restarts=[{"node": "lma", "at": 5, "downtime": 0.5}],
                              heartbeat=True)
    assert c.link_outages == [{"a": "mag1", "b": "lma", "down": 3.0, "up": 4.0}]
    assert c.restarts == [{"node": "lma", "at": 5.0, "downtime": 0.5}]
    assert c.heartbeat is True and c.mag_lma_burst == 3
    assert pmipv6.ScenarioConfig.from_dict(c.to_dict()) == c
    with pytest.raises(ValueError):
        pmipv6.ScenarioConfig(link_outages=[("mag1",)])


def test_no_fault_no_losses():
    r = pmipv6.run(SMALL)
    assert r.fault_losses == {}


def test_loss_and_outage_are_counted():
    r = pmipv6.run(SMALL, mag_lma_loss_down=0.2, link_outages=[("mag2", "lma", 4.0, 5.0)])
    losses = r.fault_losses
    assert losses["lma>mag1"] > 0 and losses["lma>mag2"] > 0
    assert losses["mag2>lma"] > 0  # the outage, uplink
    assert "mag1>lma" not in losses
    assert losses["total"] == sum(v for k, v in losses.items() if k != "total")
    assert r.scalars["down_loss_ratio"] > 0.15


def test_bad_fault_values_raise():
    with pytest.raises(ValueError):
        pmipv6.run(SMALL, mag_lma_loss_up=1.5)
    with pytest.raises(ValueError):
        pmipv6.run(SMALL, link_outages=[("mag1", "mag2", 3, 4)])  # no such link
    with pytest.raises(ValueError):
        pmipv6.run(SMALL, restarts=[("cn", 3, 1)])

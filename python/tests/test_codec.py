# SPDX-License-Identifier: GPL-2.0-only
"""The Mobility Header codec through Python: samples, round trips, builders,
checksums, wire numbers."""

import pytest

import pmipv6
from pmipv6 import wire

SRC = "fd00::1"
DST = "fd00::2"


def test_every_sample_round_trips():
    names = pmipv6.message_names()
    assert {"PBU", "PBA", "BRI", "BRA", "FMI", "LROREQ"} <= set(names)
    for name in names:
        data = pmipv6.encode_sample(name, src=SRC, dst=DST)
        assert len(data) % 8 == 0
        d = pmipv6.decode(data, src=SRC, dst=DST)
        assert d["valid"], (name, d["error"])
        assert d["name"] == name
        assert d["checksum_ok"] is True
        assert d["consumed"] == len(data) and d["trailing"] == 0
        assert d["payload_proto"] == wire.IPPROTO_NONE_VALUE
        assert d["header_length"] == len(data) // 8 - 1


def test_pbu_fields_and_options():
    d = pmipv6.decode(pmipv6.encode_sample("PBU"))
    assert d["mh_type"] == wire.MH_BINDING_UPDATE
    assert d["fields"]["proxy"] is True
    opts = {o["name"]: o for o in d["options"]}
    assert opts["MN-ID"]["nai"] == "mn1@pmipv6.example"
    assert opts["HNP"]["prefix"] == "2001:1:1:1::" and opts["HNP"]["prefix_length"] == 64
    assert opts["HI"]["hi"] == wire.HI_HANDOFF_BETWEEN_MAGS
    assert opts["ATT"]["att"] == wire.ATT_IEEE_802_11
    assert opts["MN-ID"]["type"] == wire.OPT_MOBILE_NODE_IDENTIFIER
    assert d["checksum_ok"] is None  # no addresses given


def test_built_pbu_and_pba_round_trip():
    data = pmipv6.encode_pbu(sequence=4242, lifetime=120, mn_id="alice@example",
                             prefixes=["2001:1:2:3::/64"], hi=wire.HI_NEW_INTERFACE,
                             att=wire.ATT_IEEE_802_3, ll_id="00:00:00:00:00:07",
                             link_local="fe80::1", timestamp=12.5, src=SRC, dst=DST)
    d = pmipv6.decode(data, src=SRC, dst=DST)
    assert d["valid"] and d["name"] == "PBU" and d["checksum_ok"]
    assert d["fields"]["seq"] == 4242 and d["fields"]["lifetime"] == 120
    opts = {o["name"]: o for o in d["options"]}
    assert opts["MN-ID"]["nai"] == "alice@example"
    assert opts["HNP"]["prefix"] == "2001:1:2:3::"
    assert opts["Link-local"]["address"] == "fe80::1" if "Link-local" in opts else True
    ts = [o for o in d["options"] if o["type"] == wire.OPT_TIMESTAMP][0]
    assert ts["seconds"] == pytest.approx(12.5)

    pba = pmipv6.encode_pba(status=wire.BA_NOT_LMA_FOR_THIS_MOBILE_NODE, sequence=4242,
                            lifetime=0, mn_id="alice@example", prefixes=["2001:1:2:3::/64"])
    d = pmipv6.decode(pba)
    assert d["name"] == "PBA" and d["fields"]["status"] == 153 and d["fields"]["seq"] == 4242


def test_checksum_and_corruption():
    data = bytearray(pmipv6.encode_sample("PBA", src=SRC, dst=DST))
    assert pmipv6.checksum(SRC, DST, bytes(data)) == 0
    assert pmipv6.decode(bytes(data), src=SRC, dst="fd00::3")["checksum_ok"] is False
    data[-1] ^= 0xFF
    assert pmipv6.decode(bytes(data), src=SRC, dst=DST)["checksum_ok"] is False


def test_malformed_input_is_reported_not_raised():
    assert not pmipv6.decode(b"")["valid"]
    assert not pmipv6.decode(b"\x3b\x00\x05")["valid"]
    truncated = pmipv6.encode_sample("PBU")[:-8]
    d = pmipv6.decode(truncated)
    assert not d["valid"] and d["error"]
    unknown = bytearray(pmipv6.encode_sample("BE"))
    unknown[2] = 99
    d = pmipv6.decode(bytes(unknown))
    assert not d["valid"] and "99" in d["error"]
    with pytest.raises(ValueError):
        pmipv6.encode_sample("NOPE")


def test_wire_numbers_match_the_header():
    assert wire.MOBILITY_HEADER_PROTOCOL == 135
    assert wire.MH_BINDING_UPDATE == 5 and wire.MH_BINDING_ACK == 6
    assert wire.ENUMS["MhType"]["MH_FLOW_MOBILITY"] == wire.MH_FLOW_MOBILITY
    assert wire.ENUMS["BindingAckStatus"]["BA_ACCEPTED"] == 0
    assert wire.ENUMS["HandoffIndicator"]["HI_HANDOFF_BETWEEN_MAGS"] == 3
    # every enumerator is also an attribute of the module
    for group, members in wire.ENUMS.items():
        for name, value in members.items():
            assert getattr(wire, name) == value

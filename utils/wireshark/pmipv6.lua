-- SPDX-License-Identifier: GPL-2.0-only
--
-- pmipv6.lua: Wireshark / tshark dissector for the parts of the ns-3 pmipv6 module's Mobility
-- Header traffic that Wireshark 4.0 does not decode.
--
-- Protocol "pmipv6x" (filter prefix pmipv6x.). It takes IPv6 next header 135 from Wireshark's
-- own MIPv6 dissector ("mip6") and
--   * hands every message type that mip6 decodes correctly (BU/PBU 5, BA/PBA 6, BE 7, BRI/BRA
--     16, and all other RFC 6275 types) to mip6 unchanged, then adds a "PMIPv6 module
--     extensions" tree with the verified Mobility Header checksum (mip6 does not verify it) and
--     the options mip6 leaves undecoded: RFC 6089 Flow Summary (44) / Flow Identification (45)
--     and the drafts' options 240-245;
--   * decodes itself, field by field with all their options, the types mip6 gets wrong or does
--     not know: LRI / LRA (17 / 18, RFC 6705; mip6 4.0 reads them from offset 0), UPN / UPA
--     (19 / 20, RFC 7077), FBI / FBA (21, RFC 7109) and the drafts' types 240-245 (PFBI, PFBA,
--     FMI / FMA, LROREQ / LRORSP, LMA RO Start Request / Response).
-- Layouts and the readings chosen where a draft is ambiguous: the module's doc/notes/
-- (messages.md, draft-messages.md, rfc-options.md, draft-options.md); the numbers for the
-- drafts' types are the module's own (model/pmipv6-wire-numbers.h), not IANA's.
--
-- Use:  tshark -X lua_script:utils/wireshark/pmipv6.lua -r file.pcap -V
--       wireshark -X lua_script:utils/wireshark/pmipv6.lua file.pcap
-- or copy this file to ~/.local/lib/wireshark/plugins/ (see doc/notes/tshark.md).
-- Display filters: "pmipv6x" (every Mobility Header; Wireshark's own protocol is "mipv6",
-- its fields mip6.*), e.g. pmipv6x.msg == "PFBI", pmipv6x.ts.dst_port_start,
-- pmipv6x.checksum.status == 0 (bad checksums).
-- Tested with Wireshark 4.0.17 (Lua 5.2) by the module's test suite pmipv6-lua-dissector
-- (test/tshark-decode-test-suite.cc).

local p = Proto("pmipv6x", "PMIPv6 module extensions (ns-3 pmipv6)")

-- ---------------------------------------------------------------------------------------------
-- Value strings
-- ---------------------------------------------------------------------------------------------

local mh_type_names = {
    [0] = "Binding Refresh Request", [1] = "Home Test Init", [2] = "Care-of Test Init",
    [3] = "Home Test", [4] = "Care-of Test", [5] = "Binding Update",
    [6] = "Binding Acknowledgement", [7] = "Binding Error", [16] = "Binding Revocation",
    [17] = "Localized Routing Initiation", [18] = "Localized Routing Acknowledgement",
    [19] = "Update Notification", [20] = "Update Notification Acknowledgement",
    [21] = "Flow Binding", [240] = "Proxy Flow Binding Indication",
    [241] = "Proxy Flow Binding Acknowledgement", [242] = "Flow Mobility",
    [243] = "Local Routing Optimization", [244] = "LMA Route Optimization Start Request",
    [245] = "LMA Route Optimization Start Response",
}

local option_names = {
    [0] = "Pad1", [1] = "PadN", [8] = "Mobile Node Identifier", [22] = "Home Network Prefix",
    [23] = "Handoff Indicator", [24] = "Access Technology Type",
    [25] = "Mobile Node Link-layer Identifier", [26] = "Link-local Address", [27] = "Timestamp",
    [35] = "Binding Identifier", [40] = "Context Request", [44] = "Flow Summary",
    [45] = "Flow Identification", [51] = "MAG IPv6 Address", [240] = "Flow Attribute",
    [241] = "Multihoming", [242] = "Flow Identifier (multihoming)",
    [243] = "Flow Identification (flow binding)", [244] = "Local Routing Optimization",
    [245] = "MN-CN Pair",
}

local mnid_subtypes = { [1] = "Network Access Identifier (NAI)" }
local hi_vals = {
    [0] = "Reserved", [1] = "Attachment over a new interface",
    [2] = "Handoff between two different interfaces of the mobile node",
    [3] = "Handoff between mobile access gateways for the same interface",
    [4] = "Handoff state unknown", [5] = "Handoff state not changed (Re-registration)",
    [6] = "Attachment over a new interface sharing prefixes",
}
local att_vals = {
    [0] = "Reserved", [1] = "Virtual", [2] = "PPP", [3] = "IEEE 802.3",
    [4] = "IEEE 802.11a/b/g", [5] = "IEEE 802.16e", [6] = "3GPP GERAN", [7] = "3GPP UTRAN",
    [8] = "3GPP E-UTRAN", [9] = "3GPP2 eHRPD", [10] = "3GPP2 HRPD", [11] = "3GPP2 1xRTT",
    [12] = "3GPP2 UMB",
}
local lra_status_vals = {
    [0] = "Success", [128] = "Localized Routing Not Allowed", [129] = "MN not attached",
}
local upn_reason_vals = {
    [0] = "Reserved", [1] = "FORCE-REREGISTRATION", [2] = "UPDATE-SESSION-PARAMETERS",
    [3] = "VENDOR-SPECIFIC", [4] = "ANI-PARAMS-REQUESTED", [5] = "QOS_SERVICE_REQUEST",
    [8] = "FLOW-MOBILITY",
}
local upa_status_vals = {
    [0] = "Success", [128] = "Failed to update session parameters",
    [129] = "Missing vendor-specific option", [130] = "Cannot meet QoS service request",
    [131] = "Reason unspecified", [132] = "MN not attached",
}
local fb_type_vals = { [1] = "Flow Binding Indication", [2] = "Flow Binding Acknowledgement" }
local trigger_vals = {
    [0] = "Reserved", [1] = "Unspecified", [2] = "Administrative reason",
    [3] = "Possible out-of-sync BCE state",
}
local fba_status_vals = {
    [0] = "Success", [128] = "Binding (target CoA) does not exist",
    [129] = "Action not authorized",
}
local pfba_status_vals = {
    [0] = "Success", [1] = "Partial success", [128] = "Binding does not exist",
}
local fma_status_vals = {
    [0] = "Success", [128] = "Reason unspecified", [129] = "MN not attached",
    [130] = "Sequence number out of window", [131] = "TS format not supported",
    [132] = "No flow mobility cache entry", [133] = "Flow mobility cache entry exists",
}
local lri_vals = {
    [0] = "Not available / unknown", [1] = "Intra-MAG", [2] = "Intra-LMA", [3] = "Inter-LMA",
}
local rostart_status_vals = { [0] = "Accepted", [128] = "Rejected, reason unspecified" }
local fb_action_vals = { -- RFC 7109 (IANA "Flow Binding Action Values")
    [11] = "Add", [12] = "Delete", [13] = "Modify", [14] = "Refresh", [15] = "Move", [16] = "Revoke",
}
local fid_status_vals = { -- RFC 6089
    [0] = "Flow binding successful", [128] = "Administratively prohibited",
    [129] = "Flow binding rejected, reason unspecified",
    [130] = "Flow Identification mobility option malformed", [131] = "BID not found",
    [132] = "FID not found", [133] = "Traffic selector format not supported",
}
local fa_pro_vals = {
    [0] = "Reserved", [1] = "Add", [2] = "Delete", [3] = "Modify", [4] = "Refresh",
    [5] = "Move", [6] = "Switch to alternative LMAs",
}
local muho_act_vals = { [0] = "Reserved", [1] = "Remove filters", [2] = "Keep filters" }
local muho_pro_vals = {
    [0] = "Add", [1] = "Modify", [2] = "Re-instantiated by LMA", [15] = "Remove",
}
local fbid_pro_vals = { [0] = "Add", [1] = "Replace", [2] = "Refresh", [15] = "Remove" }
local fbid_action_vals = { [1] = "Forward", [2] = "Discard", [3] = "n-cast" }
local fbid_status_vals = {
    [0] = "Success", [128] = "Rejected, reason unspecified", [129] = "Poorly formed",
    [130] = "Administratively prohibited", [131] = "Prefix not supported",
    [132] = "Ports not supported", [133] = "Flow label not supported",
    [134] = "SPI not supported", [135] = "FID already in use", [136] = "FID not found",
    [137] = "Classifier language not supported", [138] = "Discard not supported",
    [139] = "n-cast not supported",
}
local ts_format_vals = { [1] = "IPv4 binary", [2] = "IPv6 binary" }
local checksum_status_vals = { [0] = "Bad", [1] = "Good", [2] = "Unverified" }

-- ---------------------------------------------------------------------------------------------
-- Fields
-- ---------------------------------------------------------------------------------------------

local f = {}
local function uint8(abbr, name, vals, mask)
    f[abbr] = ProtoField.uint8("pmipv6x." .. abbr, name, base.DEC, vals, mask)
end
local function uint16(abbr, name, vals, mask)
    f[abbr] = ProtoField.uint16("pmipv6x." .. abbr, name, base.DEC, vals, mask)
end
local function uint32(abbr, name)
    f[abbr] = ProtoField.uint32("pmipv6x." .. abbr, name, base.DEC)
end
local function hex8(abbr, name, mask)
    f[abbr] = ProtoField.uint8("pmipv6x." .. abbr, name, base.HEX, nil, mask)
end
local function hex16(abbr, name, mask)
    f[abbr] = ProtoField.uint16("pmipv6x." .. abbr, name, base.HEX, nil, mask)
end
local function flag(abbr, name, bits, mask)
    f[abbr] = ProtoField.bool("pmipv6x." .. abbr, name, bits, { "Set", "Not set" }, mask)
end
local function ipv6(abbr, name)
    f[abbr] = ProtoField.ipv6("pmipv6x." .. abbr, name)
end
local function ipv4(abbr, name)
    f[abbr] = ProtoField.ipv4("pmipv6x." .. abbr, name)
end
local function str(abbr, name)
    f[abbr] = ProtoField.string("pmipv6x." .. abbr, name)
end
local function bytes(abbr, name)
    f[abbr] = ProtoField.bytes("pmipv6x." .. abbr, name)
end

-- the message
str("msg", "Message")
uint8("payload_proto", "Payload protocol")
uint8("hlen", "Header length (8-octet units, excluding the first 8)")
uint8("mhtype", "Mobility Header Type", mh_type_names)
hex8("reserved", "Reserved")
hex16("checksum", "Checksum")
hex16("checksum.calculated", "Calculated checksum")
uint8("checksum.status", "Checksum status", checksum_status_vals)
-- LRI / LRA (RFC 6705)
uint16("lri.seq", "Sequence number")
hex16("lri.reserved", "Reserved")
uint16("lri.lifetime", "Lifetime (s)")
uint16("lra.seq", "Sequence number")
flag("lra.u", "Unsolicited (U)", 8, 0x80)
uint8("lra.status", "Status", lra_status_vals)
uint16("lra.lifetime", "Lifetime (s)")
-- UPN / UPA (RFC 7077)
uint16("upn.seq", "Sequence number")
uint8("upn.reason", "Notification reason", upn_reason_vals)
flag("upn.a", "Acknowledgement requested (A)", 8, 0x80)
flag("upn.d", "De-register (D)", 8, 0x40)
uint16("upa.seq", "Sequence number")
uint8("upa.status", "Status", upa_status_vals)
-- FBI / FBA (RFC 7109)
uint8("fb.type", "FB type", fb_type_vals)
uint16("fbi.seq", "Sequence number")
uint8("fbi.trigger", "Trigger", trigger_vals)
flag("fbi.a", "Acknowledge (A)", 8, 0x80)
uint16("fba.seq", "Sequence number")
uint8("fba.status", "Status", fba_status_vals)
-- PFBI / PFBA (draft-sarikaya-netext-lma-init-flow-binding 7.1)
uint16("pfbi.seq", "Sequence number")
uint8("pfbi.trigger", "Trigger", trigger_vals)
flag("pfbi.a", "Acknowledge (A)", 8, 0x80)
uint16("pfba.seq", "Sequence number")
uint8("pfba.status", "Status", pfba_status_vals)
-- FMI / FMA (pmipv6-flow-mobility-draft 4)
uint16("fmi.seq", "Sequence number")
flag("fmi.i", "Initiate (I)", 16, 0x8000)
flag("fmi.c", "Cancel (C)", 16, 0x4000)
flag("fmi.r", "Refresh (R)", 16, 0x2000)
uint16("fmi.lifetime", "Lifetime (s)")
uint16("fma.seq", "Sequence number")
flag("fma.i", "Initiate (I)", 8, 0x80)
uint8("fma.status", "Status", fma_status_vals)
uint16("fma.lifetime", "Lifetime (s)")
-- LROREQ / LRORSP (draft-wu-netext-local-ro 9.2, 9.3)
for _, m in ipairs({ "lroreq", "lrorsp" }) do
    uint16(m .. ".seq", "Sequence number")
    flag(m .. ".r", "Response (R)", 16, 0x8000)
    uint16(m .. ".lri", "Local routing indication (LRI)", lri_vals, 0x6000)
    uint16(m .. ".lifetime", "Lifetime (s)")
end
-- LMA RO Start Request / Response (draft-wu-netext-local-ro A.1)
uint16("rostart_req.seq", "Sequence number")
uint16("rostart_req.lifetime", "Lifetime (s)")
uint8("rostart_rsp.status", "Status", rostart_status_vals)
uint16("rostart_rsp.seq", "Sequence number")
uint16("rostart_rsp.lifetime", "Lifetime (s)")

-- options and sub-options, common
uint8("opt.type", "Option type", option_names)
uint8("opt.len", "Option length")
bytes("opt.data", "Option data")
bytes("padn", "PadN")
uint8("subopt.type", "Sub-option type")
uint8("subopt.len", "Sub-option length")
bytes("subopt.data", "Sub-option data")
-- RFC 4283, RFC 5213, RFC 5648, RFC 5949, RFC 6705 options
uint8("mnid.subtype", "Subtype", mnid_subtypes)
str("mnid.id", "Identifier")
uint8("hnp.plen", "Prefix length")
ipv6("hnp.prefix", "Home network prefix")
uint8("hi", "Handoff Indicator", hi_vals)
uint8("att", "Access Technology Type", att_vals)
bytes("mnllid", "Link-layer identifier")
ipv6("lla", "Link-local address")
f["timestamp"] = ProtoField.absolute_time("pmipv6x.timestamp", "Timestamp", base.UTC)
uint16("bid.bid", "Binding ID (BID)")
uint8("bid.status", "Status")
flag("bid.h", "Simultaneous home and foreign binding (H)", 8, 0x80)
uint8("bid.pri", "BID-PRI", nil, 0x7f)
ipv4("bid.coa4", "IPv4 care-of address")
ipv6("bid.coa6", "IPv6 care-of address")
bytes("cr.data", "Context requests")
uint8("mag.addrlen", "Address length")
ipv6("mag.addr", "MAG IPv6 address")
-- RFC 6089 Flow Summary (44), Flow Identification (45)
uint16("fsum.fid", "FID")
uint16("fid.fid", "FID")
uint16("fid.pri", "FID-PRI")
uint8("fid.status", "Status", fid_status_vals)
uint16("fid.bidref", "BID reference")
-- RFC 7109 sub-options 4, 5 of option 45; the module's 240 (Alternate LMA), 241 (Lifetime)
uint8("fid.action", "Flow binding action", fb_action_vals)
ipv6("fid.tcoa", "Target care-of address")
ipv4("fid.tcoa4", "Target care-of address (IPv4)")
uint8("fid.altlma.count", "Number of addresses")
ipv6("fid.altlma.addr", "Alternate LMA address")
uint16("fid.lifetime", "Flow binding lifetime (4 s units)")
-- draft option 240 Flow Attribute (lma-init-flow-binding 7.2)
uint8("fa.pro", "PRO", fa_pro_vals)
uint8("fa.pri", "PRI")
uint16("fa.fid", "FID")
uint8("fa.status", "Status")
uint16("fa.lifetime", "Lifetime (4 s units)")
uint8("fa.altlma.count", "Number of addresses")
ipv6("fa.altlma.addr", "Alternate LMA address")
ipv6("fa.tcoa", "Target care-of address")
ipv4("fa.tcoa4", "Target care-of address (IPv4)")
-- draft option 241 Multihoming, 242 Flow Identifier (muho-solution 4)
uint8("muho.mhgid", "Multihoming group ID (MHGID)")
uint8("muho.act", "ACT", muho_act_vals, 0xe0)
uint16("mfid.fid", "FID")
uint8("mfid.pri", "FID-PRI")
uint8("mfid.action", "Action", fbid_action_vals)
uint8("mfid.pro", "PRO", muho_pro_vals, 0x0f)
uint8("mfid.status", "Status", fbid_status_vals)
-- draft option 243 Flow Identification (monami6-flow-binding 3)
uint8("fbid.pri", "PRI")
uint16("fbid.fid", "FID")
uint8("fbid.action", "Action", fbid_action_vals)
uint8("fbid.status", "Status", fbid_status_vals)
uint8("fbid.pro", "PRO", fbid_pro_vals, 0xf0)
uint16("fbid.bid", "Binding reference (BID)")
-- draft options 244 Local Routing Optimization, 245 MN-CN pair (local-ro 9.1, 9.5)
uint8("lro.lri", "Local routing indication (LRI)", lri_vals, 0x03)
flag("mncn.p", "IPv4 (P)", 8, 0x80)
uint8("mncn.plen", "Prefix length")
ipv6("mncn.hnp", "Home network prefix")
ipv6("mncn.pcoa", "Proxy care-of address")
ipv4("mncn.hoa4", "IPv4 home address")
ipv4("mncn.pcoa4", "IPv4 proxy care-of address")
-- RFC 6088 traffic selector (sub-option 3 of 45, flow description of 240, 242, 243)
uint8("ts.format", "TS format", ts_format_vals)
hex16("ts.flags", "Flags")
str("ts.fields", "Fields present")
ipv6("ts.src_start", "Start source address")
ipv6("ts.src_end", "End source address")
ipv6("ts.dst_start", "Start destination address")
ipv6("ts.dst_end", "End destination address")
ipv4("ts.src4_start", "Start source address (IPv4)")
ipv4("ts.src4_end", "End source address (IPv4)")
ipv4("ts.dst4_start", "Start destination address (IPv4)")
ipv4("ts.dst4_end", "End destination address (IPv4)")
str("ts.src_prefix", "Source prefix")
str("ts.dst_prefix", "Destination prefix")
uint32("ts.spi_start", "Start IPsec SPI")
uint32("ts.spi_end", "End IPsec SPI")
uint32("ts.flow_label_start", "Start flow label")
uint32("ts.flow_label_end", "End flow label")
uint16("ts.src_port_start", "Start source port")
uint16("ts.src_port_end", "End source port")
uint16("ts.dst_port_start", "Start destination port")
uint16("ts.dst_port_end", "End destination port")
uint8("ts.tc_start", "Start traffic class")
uint8("ts.tc_end", "End traffic class")
uint8("ts.nh_start", "Start next header")
uint8("ts.nh_end", "End next header")
uint8("ts.tos_start", "Start ToS")
uint8("ts.tos_end", "End ToS")
uint8("ts.proto_start", "Start protocol")
uint8("ts.proto_end", "End protocol")
bytes("ts.raw", "Selector (format not decoded)")

local field_list = {}
for _, v in pairs(f) do
    field_list[#field_list + 1] = v
end
p.fields = field_list

local e_malformed = ProtoExpert.new("pmipv6x.malformed", "Malformed PMIPv6 message or option",
    expert.group.MALFORMED, expert.severity.ERROR)
local e_checksum = ProtoExpert.new("pmipv6x.checksum.bad", "Bad Mobility Header checksum",
    expert.group.CHECKSUM, expert.severity.ERROR)
local e_unknown = ProtoExpert.new("pmipv6x.unknown", "Not decoded by pmipv6x",
    expert.group.UNDECODED, expert.severity.NOTE)
p.experts = { e_malformed, e_checksum, e_unknown }

local ip6_src_f = Field.new("ipv6.src")
local ip6_dst_f = Field.new("ipv6.dst")
local mip6 = Dissector.get("mip6")

-- ---------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------

local function malformed(tree, range, text)
    tree:add_tvb_expert_info(e_malformed, range, text)
end

local function bit_set(value, mask)
    return math.floor(value / mask) % 2 == 1
end

-- "a/len" when [start, end] (octet strings of equal size) is exactly a prefix, else nil.
local function prefix_of(start_range, end_range, text)
    local n = start_range:len()
    local len = nil
    for i = 0, n - 1 do
        local s = start_range:range(i, 1):uint()
        local e = end_range:range(i, 1):uint()
        for b = 7, 0, -1 do
            local sb = math.floor(s / 2 ^ b) % 2
            local eb = math.floor(e / 2 ^ b) % 2
            if len == nil then
                if sb ~= eb then
                    if sb ~= 0 or eb ~= 1 then
                        return nil
                    end
                    len = i * 8 + (7 - b)
                end
            elseif sb ~= 0 or eb ~= 1 then
                return nil
            end
        end
    end
    return text .. "/" .. (len or n * 8)
end

-- RFC 6088 selector fields: flag, field start key, field end key, size (IPv6 / IPv4 format)
local ts_layout = {
    [2] = {
        { 0x8000, "ts.src_start", 16 }, { 0x4000, "ts.src_end", 16 },
        { 0x2000, "ts.dst_start", 16 }, { 0x1000, "ts.dst_end", 16 },
        { 0x0800, "ts.spi_start", 4 }, { 0x0400, "ts.spi_end", 4 },
        { 0x0200, "ts.flow_label_start", 4 }, { 0x0100, "ts.flow_label_end", 4 },
        { 0x0080, "ts.src_port_start", 2 }, { 0x0040, "ts.src_port_end", 2 },
        { 0x0020, "ts.dst_port_start", 2 }, { 0x0010, "ts.dst_port_end", 2 },
        { 0x0008, "ts.tc_start", 1 }, { 0x0004, "ts.tc_end", 1 },
        { 0x0002, "ts.nh_start", 1 }, { 0x0001, "ts.nh_end", 1 },
    },
    [1] = {
        { 0x8000, "ts.src4_start", 4 }, { 0x4000, "ts.src4_end", 4 },
        { 0x2000, "ts.dst4_start", 4 }, { 0x1000, "ts.dst4_end", 4 },
        { 0x0800, "ts.spi_start", 4 }, { 0x0400, "ts.spi_end", 4 },
        { 0x0200, "ts.src_port_start", 2 }, { 0x0100, "ts.src_port_end", 2 },
        { 0x0080, "ts.dst_port_start", 2 }, { 0x0040, "ts.dst_port_end", 2 },
        { 0x0020, "ts.tos_start", 1 }, { 0x0010, "ts.tos_end", 1 },
        { 0x0008, "ts.proto_start", 1 }, { 0x0004, "ts.proto_end", 1 },
    },
}
local ts_letters = "ABCDEFGHIJKLMNOP"

-- Traffic selector sub-option data: TS Format (8) | Reserved (8) | selector (RFC 6088).
local function dissect_traffic_selector(tvb, tree, off, len)
    local ts = tree:add(tvb(off, len), "Traffic selector (RFC 6088)")
    if len < 2 then
        malformed(ts, tvb(off, len), "Traffic selector sub-option shorter than TS Format + Reserved")
        return
    end
    local format = tvb(off, 1):uint()
    ts:add(f["ts.format"], tvb(off, 1))
    local layout = ts_layout[format]
    local sel, sel_len = off + 2, len - 2
    if layout == nil then
        if sel_len > 0 then
            ts:add(f["ts.raw"], tvb(sel, sel_len))
        end
        ts:add_tvb_expert_info(e_unknown, tvb(off, 1), "TS format " .. format .. " not decoded")
        return
    end
    if sel_len < 4 then
        malformed(ts, tvb(off, len), "Selector shorter than Flags + Reserved")
        return
    end
    local flags = tvb(sel, 2):uint()
    ts:add(f["ts.flags"], tvb(sel, 2))
    local o = sel + 4
    local stop = sel + sel_len
    local present = {}
    local ranges = {}
    for k, entry in ipairs(layout) do
        local mask, key, size = entry[1], entry[2], entry[3]
        if bit_set(flags, mask) then
            present[#present + 1] = ts_letters:sub(k, k)
            if o + size > stop then
                malformed(ts, tvb(sel, sel_len), "Selector flags announce more fields than its length holds")
                return
            end
            ts:add(f[key], tvb(o, size))
            ranges[key] = tvb(o, size)
            o = o + size
        end
    end
    ts:add(f["ts.fields"], tvb(sel, 2), table.concat(present, " ")):set_generated()
    -- start / end address pairs that are exactly a prefix
    for _, pair in ipairs({ { "src", "ts.src_prefix" }, { "dst", "ts.dst_prefix" } }) do
        for _, family in ipairs({ "", "4" }) do
            local s = ranges["ts." .. pair[1] .. family .. "_start"]
            local e = ranges["ts." .. pair[1] .. family .. "_end"]
            if s ~= nil and e ~= nil then
                local text = (family == "4") and tostring(s:ipv4()) or tostring(s:ipv6())
                local pfx = prefix_of(s, e, text)
                if pfx ~= nil then
                    ts:add(f[pair[2]], s, pfx):set_generated()
                end
            end
        end
    end
    if o < stop then
        malformed(ts, tvb(o, stop - o), "Octets after the selector's fields")
    end
end

-- A list of sub-options (Type | Length | data) from off to stop.
-- handlers[type] = { name, function(tvb, tree, data_offset, data_length) }.
-- pad: 0 and 1 are Pad1 / PadN (RFC 6089 Flow Identification); the drafts' options have none.
local function dissect_suboptions(tvb, tree, off, stop, handlers, pad)
    while off < stop do
        local t = tvb(off, 1):uint()
        if pad and t == 0 then
            tree:add(tvb(off, 1), "Pad1")
            off = off + 1
        else
            if off + 2 > stop then
                malformed(tree, tvb(off, stop - off), "Sub-option without a Length octet")
                return
            end
            local len = tvb(off + 1, 1):uint()
            if off + 2 + len > stop then
                malformed(tree, tvb(off, stop - off),
                    "Sub-option length " .. len .. " goes past the end of its option")
                return
            end
            local h = handlers[t]
            local name = (pad and t == 1) and "PadN" or (h and h[1]) or "Unknown"
            local st = tree:add(tvb(off, 2 + len), "Sub-option: " .. name .. " (" .. t .. ")")
            st:add(f["subopt.type"], tvb(off, 1))
            st:add(f["subopt.len"], tvb(off + 1, 1))
            if pad and t == 1 then
                if len > 0 then
                    st:add(f["padn"], tvb(off + 2, len))
                end
            elseif h then
                h[2](tvb, st, off + 2, len)
            else
                if len > 0 then
                    st:add(f["subopt.data"], tvb(off + 2, len))
                end
                st:add_tvb_expert_info(e_unknown, tvb(off, 1), "Unknown sub-option type " .. t)
            end
            off = off + 2 + len
        end
    end
end

local ts_handler = { "Traffic Selector", dissect_traffic_selector }
local function need(tree, tvb, off, len, min, what)
    if len < min then
        malformed(tree, tvb(off - 2, len + 2),
            what .. ": Length " .. len .. " is shorter than its " .. min .. " fixed octets")
        return false
    end
    return true
end
local function need_exact(tree, tvb, off, len, valid, what)
    for _, v in ipairs(valid) do
        if len == v then
            return true
        end
    end
    malformed(tree, tvb(off - 2, len + 2), what .. ": invalid Length " .. len)
    return false
end

-- ---------------------------------------------------------------------------------------------
-- Options: data dissectors, called with the offset and length of the option's data
-- ---------------------------------------------------------------------------------------------

local option_dissectors = {}

option_dissectors[1] = function(tvb, tree, off, len) -- PadN
    if len > 0 then
        tree:add(f["padn"], tvb(off, len))
    end
end
option_dissectors[8] = function(tvb, tree, off, len, item) -- MN-ID, RFC 4283
    if not need(tree, tvb, off, len, 2, "Mobile Node Identifier") then return end
    tree:add(f["mnid.subtype"], tvb(off, 1))
    tree:add(f["mnid.id"], tvb(off + 1, len - 1))
    item:append_text(": " .. tvb(off + 1, len - 1):string())
end
option_dissectors[22] = function(tvb, tree, off, len, item) -- HNP, RFC 5213 8.3
    if not need_exact(tree, tvb, off, len, { 18 }, "Home Network Prefix") then return end
    tree:add(f["hnp.plen"], tvb(off + 1, 1))
    tree:add(f["hnp.prefix"], tvb(off + 2, 16))
    item:append_text(": " .. tostring(tvb(off + 2, 16):ipv6()) .. "/" .. tvb(off + 1, 1):uint())
end
option_dissectors[23] = function(tvb, tree, off, len) -- HI
    if not need_exact(tree, tvb, off, len, { 2 }, "Handoff Indicator") then return end
    tree:add(f["hi"], tvb(off + 1, 1))
end
option_dissectors[24] = function(tvb, tree, off, len) -- ATT
    if not need_exact(tree, tvb, off, len, { 2 }, "Access Technology Type") then return end
    tree:add(f["att"], tvb(off + 1, 1))
end
option_dissectors[25] = function(tvb, tree, off, len) -- MN LL-ID
    if not need(tree, tvb, off, len, 3, "Mobile Node Link-layer Identifier") then return end
    tree:add(f["mnllid"], tvb(off + 2, len - 2))
end
option_dissectors[26] = function(tvb, tree, off, len) -- Link-local Address
    if not need_exact(tree, tvb, off, len, { 16 }, "Link-local Address") then return end
    tree:add(f["lla"], tvb(off, 16))
end
option_dissectors[27] = function(tvb, tree, off, len) -- Timestamp, 48.16 fixed point
    if not need_exact(tree, tvb, off, len, { 8 }, "Timestamp") then return end
    local secs = tvb(off, 2):uint() * 4294967296 + tvb(off + 2, 4):uint()
    local nsecs = math.floor(tvb(off + 6, 2):uint() * 1000000000 / 65536)
    tree:add(f["timestamp"], tvb(off, 8), NSTime.new(secs, nsecs))
end
option_dissectors[35] = function(tvb, tree, off, len) -- BID, RFC 5648 / 6089
    if not need_exact(tree, tvb, off, len, { 4, 8, 20 }, "Binding Identifier") then return end
    tree:add(f["bid.bid"], tvb(off, 2))
    tree:add(f["bid.status"], tvb(off + 2, 1))
    tree:add(f["bid.h"], tvb(off + 3, 1))
    tree:add(f["bid.pri"], tvb(off + 3, 1))
    if len == 8 then
        tree:add(f["bid.coa4"], tvb(off + 4, 4))
    elseif len == 20 then
        tree:add(f["bid.coa6"], tvb(off + 4, 16))
    end
end
option_dissectors[40] = function(tvb, tree, off, len) -- Context Request, RFC 5949
    if not need(tree, tvb, off, len, 2, "Context Request") then return end
    if len > 2 then
        tree:add(f["cr.data"], tvb(off + 2, len - 2))
    end
end
option_dissectors[44] = function(tvb, tree, off, len) -- Flow Summary, RFC 6089
    if len < 2 or len % 2 ~= 0 then
        malformed(tree, tvb(off - 2, len + 2),
            "Flow Summary: Length " .. len .. " is not a positive even number")
        return
    end
    for o = off, off + len - 2, 2 do
        tree:add(f["fsum.fid"], tvb(o, 2))
    end
end
local bidref_handler = { "BID Reference", function(tvb, tree, off, len)
    if len < 2 or len % 2 ~= 0 then
        malformed(tree, tvb(off - 2, len + 2),
            "BID Reference: Length " .. len .. " is not a positive even number")
        return
    end
    for o = off, off + len - 2, 2 do
        tree:add(f["fid.bidref"], tvb(o, 2))
    end
end }
-- RFC 7109 Flow Binding Action (4): Action | Reserved (the Action octet alone accepted)
local fb_action_handler = { "Flow Binding Action", function(tvb, tree, off, len)
    if not need(tree, tvb, off, len, 1, "Flow Binding Action") then return end
    tree:add(f["fid.action"], tvb(off, 1))
end }
-- RFC 7109 Target Care-of Address (5): Reserved (16) | address; the bare address accepted
local fb_tcoa_handler = { "Target Care-of Address", function(tvb, tree, off, len)
    if not need_exact(tree, tvb, off, len, { 4, 6, 16, 18 }, "Target Care-of Address") then return end
    if len == 18 or len == 16 then
        tree:add(f["fid.tcoa"], tvb(off + len - 16, 16))
    else
        tree:add(f["fid.tcoa4"], tvb(off + len - 4, 4))
    end
end }
-- module number 240: the draft-000 Alternate LMA sub-option carried in an FBI
local fb_altlma_handler = { "Alternate LMA (module)", function(tvb, tree, off, len)
    if not need(tree, tvb, off, len, 2, "Alternate LMA") then return end
    local n = tvb(off, 1):uint()
    tree:add(f["fid.altlma.count"], tvb(off, 1))
    if n < 1 or len ~= 2 + 16 * n then
        malformed(tree, tvb(off - 2, len + 2), "Alternate LMA: " .. n .. " addresses in Length " .. len)
        return
    end
    for k = 0, n - 1 do
        tree:add(f["fid.altlma.addr"], tvb(off + 2 + 16 * k, 16))
    end
end }
-- module number 241: the draft-000 flow binding Lifetime (4 s units)
local fb_lifetime_handler = { "Flow Binding Lifetime (module)", function(tvb, tree, off, len)
    if not need_exact(tree, tvb, off, len, { 2 }, "Flow Binding Lifetime") then return end
    tree:add(f["fid.lifetime"], tvb(off, 2)):append_text(" (" .. 4 * tvb(off, 2):uint() .. " s)")
end }
option_dissectors[45] = function(tvb, tree, off, len, item) -- Flow Identification, RFC 6089
    if not need(tree, tvb, off, len, 6, "Flow Identification") then return end
    tree:add(f["fid.fid"], tvb(off, 2))
    tree:add(f["fid.pri"], tvb(off + 2, 2))
    tree:add(f["fid.status"], tvb(off + 5, 1))
    item:append_text(": FID " .. tvb(off, 2):uint())
    dissect_suboptions(tvb, tree, off + 6, off + len,
        { [2] = bidref_handler, [3] = ts_handler, [4] = fb_action_handler,
          [5] = fb_tcoa_handler, [240] = fb_altlma_handler, [241] = fb_lifetime_handler }, true)
end
option_dissectors[51] = function(tvb, tree, off, len) -- MAG IPv6 Address, RFC 6705
    if not need_exact(tree, tvb, off, len, { 18 }, "MAG IPv6 Address") then return end
    tree:add(f["mag.addrlen"], tvb(off + 1, 1))
    tree:add(f["mag.addr"], tvb(off + 2, 16))
end

-- Flow Attribute (240), draft-sarikaya-netext-lma-init-flow-binding 7.2
local fa_handlers = {
    [1] = { "Alternate LMA", function(tvb, tree, off, len)
        if not need(tree, tvb, off, len, 2, "Alternate LMA") then return end
        local n = tvb(off, 1):uint()
        tree:add(f["fa.altlma.count"], tvb(off, 1))
        if n < 1 or len ~= 2 + 16 * n then
            malformed(tree, tvb(off - 2, len + 2), "Alternate LMA: " .. n .. " addresses in Length " .. len)
            return
        end
        for k = 0, n - 1 do
            tree:add(f["fa.altlma.addr"], tvb(off + 2 + 16 * k, 16))
        end
    end },
    [2] = { "Target Care-of Address", function(tvb, tree, off, len)
        if not need_exact(tree, tvb, off, len, { 6, 18 }, "Target Care-of Address") then return end
        if len == 18 then
            tree:add(f["fa.tcoa"], tvb(off + 2, 16))
        else
            tree:add(f["fa.tcoa4"], tvb(off + 2, 4))
        end
    end },
    [3] = { "Flow Description", dissect_traffic_selector },
}
option_dissectors[240] = function(tvb, tree, off, len, item)
    if not need(tree, tvb, off, len, 8, "Flow Attribute") then return end
    tree:add(f["fa.pro"], tvb(off, 1))
    tree:add(f["fa.pri"], tvb(off + 1, 1))
    tree:add(f["fa.fid"], tvb(off + 2, 2))
    tree:add(f["fa.status"], tvb(off + 4, 1))
    tree:add(f["fa.lifetime"], tvb(off + 6, 2))
        :append_text(" (" .. 4 * tvb(off + 6, 2):uint() .. " s)")
    local pro = tvb(off, 1):uint()
    item:append_text(": FID " .. tvb(off + 2, 2):uint() .. ", " .. (fa_pro_vals[pro] or "PRO " .. pro))
    dissect_suboptions(tvb, tree, off + 8, off + len, fa_handlers, false)
end
-- Multihoming (241), draft-melia-netext-muho-solution 4.1
option_dissectors[241] = function(tvb, tree, off, len)
    if not need_exact(tree, tvb, off, len, { 2 }, "Multihoming") then return end
    tree:add(f["muho.mhgid"], tvb(off, 1))
    tree:add(f["muho.act"], tvb(off + 1, 1))
end
-- Flow Identifier, multihoming variant (242), muho-solution 4.2
option_dissectors[242] = function(tvb, tree, off, len, item)
    if not need(tree, tvb, off, len, 6, "Flow Identifier (multihoming)") then return end
    tree:add(f["mfid.fid"], tvb(off, 2))
    tree:add(f["mfid.pri"], tvb(off + 2, 1))
    tree:add(f["mfid.action"], tvb(off + 3, 1))
    tree:add(f["mfid.pro"], tvb(off + 4, 1))
    tree:add(f["mfid.status"], tvb(off + 5, 1))
    item:append_text(": FID " .. tvb(off, 2):uint())
    dissect_suboptions(tvb, tree, off + 6, off + len,
        { [3] = { "Filter", dissect_traffic_selector } }, false)
end
-- Flow Identification, flow-binding variant (243), monami6-flow-binding 3.1, 3.2
option_dissectors[243] = function(tvb, tree, off, len, item)
    if not need(tree, tvb, off, len, 6, "Flow Identification (flow binding)") then return end
    tree:add(f["fbid.pri"], tvb(off, 1))
    tree:add(f["fbid.fid"], tvb(off + 1, 2))
    tree:add(f["fbid.action"], tvb(off + 3, 1))
    tree:add(f["fbid.status"], tvb(off + 4, 1))
    tree:add(f["fbid.pro"], tvb(off + 5, 1))
    item:append_text(": FID " .. tvb(off + 1, 2):uint())
    dissect_suboptions(tvb, tree, off + 6, off + len, {
        [1] = { "Binding Reference", function(tvb2, t2, o2, l2)
            if l2 < 2 or l2 % 2 ~= 0 then
                malformed(t2, tvb2(o2 - 2, l2 + 2),
                    "Binding Reference: Length " .. l2 .. " is not a positive even number")
                return
            end
            for o = o2, o2 + l2 - 2, 2 do
                t2:add(f["fbid.bid"], tvb2(o, 2))
            end
        end },
        [3] = { "Flow Description", dissect_traffic_selector },
    }, false)
end
-- Local Routing Optimization (244), draft-wu-netext-local-ro 9.1
option_dissectors[244] = function(tvb, tree, off, len)
    if not need_exact(tree, tvb, off, len, { 2 }, "Local Routing Optimization") then return end
    tree:add(f["lro.lri"], tvb(off + 1, 1))
end
-- MN-CN pair (245), draft-wu-netext-local-ro 9.5
option_dissectors[245] = function(tvb, tree, off, len, item)
    if not need_exact(tree, tvb, off, len, { 34, 42 }, "MN-CN Pair") then return end
    local p_flag = bit_set(tvb(off, 1):uint(), 0x80)
    tree:add(f["mncn.p"], tvb(off, 1))
    tree:add(f["mncn.plen"], tvb(off + 1, 1))
    tree:add(f["mncn.hnp"], tvb(off + 2, 16))
    tree:add(f["mncn.pcoa"], tvb(off + 18, 16))
    item:append_text(": " .. tostring(tvb(off + 2, 16):ipv6()) .. "/" .. tvb(off + 1, 1):uint() ..
        " at " .. tostring(tvb(off + 18, 16):ipv6()))
    if p_flag ~= (len == 42) then
        malformed(tree, tvb(off - 2, len + 2), "MN-CN Pair: P flag and Length " .. len .. " disagree")
    end
    if len == 42 then
        tree:add(f["mncn.hoa4"], tvb(off + 34, 4))
        tree:add(f["mncn.pcoa4"], tvb(off + 38, 4))
    end
end

local extension_options = { [44] = true, [45] = true, [240] = true, [241] = true, [242] = true,
    [243] = true, [244] = true, [245] = true }

-- The options area from off to stop. only: a set of option types to show (nil = all).
-- Returns the number of options shown.
local function dissect_options(tvb, tree, off, stop, only)
    local shown = 0
    while off < stop do
        local t = tvb(off, 1):uint()
        local len = 0
        local size = 1
        if t ~= 0 then
            if off + 2 > stop then
                malformed(tree, tvb(off, stop - off), "Option without a Length octet")
                return shown
            end
            len = tvb(off + 1, 1):uint()
            size = 2 + len
            if off + size > stop then
                malformed(tree, tvb(off, stop - off),
                    (option_names[t] or "Option " .. t) .. ": Length " .. len .. " goes past the end of the options")
                return shown
            end
        end
        if only == nil or only[t] then
            shown = shown + 1
            local name = option_names[t] or "Unknown"
            local ot = tree:add(tvb(off, size), "Option: " .. name .. " (" .. t .. ")")
            ot:add(f["opt.type"], tvb(off, 1))
            if t ~= 0 then
                ot:add(f["opt.len"], tvb(off + 1, 1))
                local d = option_dissectors[t]
                if d then
                    d(tvb, ot, off + 2, len, ot)
                else
                    if len > 0 then
                        ot:add(f["opt.data"], tvb(off + 2, len))
                    end
                    ot:add_tvb_expert_info(e_unknown, tvb(off, 1), "Unknown option type " .. t)
                end
            end
        end
        off = off + size
    end
    return shown
end

-- ---------------------------------------------------------------------------------------------
-- Messages: fixed parts of the types decoded here. Each returns the message name and the offset
-- where the options start (from the start of the Mobility Header).
-- ---------------------------------------------------------------------------------------------

local function add_all(tree, tvb, list)
    for _, item in ipairs(list) do
        tree:add(f[item[1]], tvb(item[2], item[3]))
    end
end

local messages = {}
messages[17] = function(tvb, tree)
    add_all(tree, tvb, { { "lri.seq", 6, 2 }, { "lri.reserved", 8, 2 }, { "lri.lifetime", 10, 2 } })
    return "LRI", 12, "seq=" .. tvb(6, 2):uint()
end
messages[18] = function(tvb, tree)
    add_all(tree, tvb, { { "lra.seq", 6, 2 }, { "lra.u", 8, 1 }, { "lra.status", 9, 1 },
        { "lra.lifetime", 10, 2 } })
    return "LRA", 12, "seq=" .. tvb(6, 2):uint() .. " status=" .. tvb(9, 1):uint()
end
messages[19] = function(tvb, tree)
    add_all(tree, tvb, { { "upn.seq", 6, 2 }, { "upn.reason", 8, 1 }, { "upn.a", 9, 1 },
        { "upn.d", 9, 1 } })
    return "UPN", 12, "seq=" .. tvb(6, 2):uint() .. " reason=" .. tvb(8, 1):uint()
end
messages[20] = function(tvb, tree)
    add_all(tree, tvb, { { "upa.seq", 6, 2 }, { "upa.status", 8, 1 } })
    return "UPA", 12, "seq=" .. tvb(6, 2):uint() .. " status=" .. tvb(8, 1):uint()
end
messages[21] = function(tvb, tree)
    local t = tvb(6, 1):uint()
    tree:add(f["fb.type"], tvb(6, 1))
    if t == 1 then
        add_all(tree, tvb, { { "fbi.seq", 8, 2 }, { "fbi.trigger", 10, 1 }, { "fbi.a", 11, 1 } })
        return "FBI", 12, "seq=" .. tvb(8, 2):uint()
    elseif t == 2 then
        add_all(tree, tvb, { { "fba.seq", 8, 2 }, { "fba.status", 10, 1 } })
        return "FBA", 12, "seq=" .. tvb(8, 2):uint() .. " status=" .. tvb(10, 1):uint()
    end
    malformed(tree, tvb(6, 1), "FB type " .. t .. " is neither 1 (FBI) nor 2 (FBA)")
    return "FB?", 12, ""
end
messages[240] = function(tvb, tree)
    add_all(tree, tvb, { { "pfbi.seq", 6, 2 }, { "pfbi.trigger", 8, 1 }, { "pfbi.a", 9, 1 } })
    return "PFBI", 10, "seq=" .. tvb(6, 2):uint()
end
messages[241] = function(tvb, tree)
    add_all(tree, tvb, { { "pfba.seq", 6, 2 }, { "pfba.status", 8, 1 } })
    return "PFBA", 10, "seq=" .. tvb(6, 2):uint() .. " status=" .. tvb(8, 1):uint()
end
messages[242] = function(tvb, tree)
    if bit_set(tvb(8, 1):uint(), 0x80) then
        add_all(tree, tvb, { { "fmi.seq", 6, 2 }, { "fmi.i", 8, 2 }, { "fmi.c", 8, 2 }, { "fmi.r", 8, 2 },
            { "fmi.lifetime", 10, 2 } })
        return "FMI", 12, "seq=" .. tvb(6, 2):uint()
    end
    add_all(tree, tvb, { { "fma.seq", 6, 2 }, { "fma.i", 8, 1 }, { "fma.status", 9, 1 },
        { "fma.lifetime", 10, 2 } })
    return "FMA", 12, "seq=" .. tvb(6, 2):uint() .. " status=" .. tvb(9, 1):uint()
end
messages[243] = function(tvb, tree)
    local m = bit_set(tvb(8, 1):uint(), 0x80) and "lrorsp" or "lroreq"
    add_all(tree, tvb, { { m .. ".seq", 6, 2 }, { m .. ".r", 8, 2 }, { m .. ".lri", 8, 2 },
        { m .. ".lifetime", 10, 2 } })
    return m:upper(), 12, "seq=" .. tvb(6, 2):uint()
end
messages[244] = function(tvb, tree)
    add_all(tree, tvb, { { "rostart_req.seq", 6, 2 }, { "rostart_req.lifetime", 10, 2 } })
    return "LMA-RO-START-REQ", 12, "seq=" .. tvb(6, 2):uint()
end
messages[245] = function(tvb, tree)
    add_all(tree, tvb, { { "rostart_rsp.status", 6, 1 }, { "rostart_rsp.seq", 8, 2 },
        { "rostart_rsp.lifetime", 10, 2 } })
    return "LMA-RO-START-RSP", 12, "seq=" .. tvb(8, 2):uint() .. " status=" .. tvb(6, 1):uint()
end
local fixed_sizes = { [240] = 10, [241] = 10 } -- others: 12

-- Where the options start in the types mip6 decodes, and the name of the message.
local function standard_layout(tvb, mhtype)
    if mhtype == 5 and tvb:len() >= 12 then
        return bit_set(tvb(8, 2):uint(), 0x0200) and "PBU" or "BU", 12
    elseif mhtype == 6 and tvb:len() >= 12 then
        return bit_set(tvb(7, 1):uint(), 0x20) and "PBA" or "BA", 12
    elseif mhtype == 7 then
        return "BE", 24
    elseif mhtype == 16 and tvb:len() >= 12 then
        local t = tvb(6, 1):uint()
        return (t == 1 and "BRI") or (t == 2 and "BRA") or "BR?", 12
    end
    return nil, nil
end

-- ---------------------------------------------------------------------------------------------
-- Checksum over the RFC 6275 6.1.1 pseudo-header (innermost IPv6 header so far)
-- ---------------------------------------------------------------------------------------------

local function add16(sum, range)
    for i = 0, range:len() - 2, 2 do
        sum = sum + range:range(i, 2):uint()
    end
    if range:len() % 2 == 1 then
        sum = sum + range:range(range:len() - 1, 1):uint() * 256
    end
    return sum
end

local function verify_checksum(tvb, tree)
    local srcs = { ip6_src_f() }
    local dsts = { ip6_dst_f() }
    local status = 2
    local item
    local field = tvb(4, 2):uint()
    if #srcs > 0 and #dsts > 0 and tvb:len() == tvb:reported_len() then
        local sum = add16(0, srcs[#srcs].range)
        sum = add16(sum, dsts[#dsts].range)
        local len = tvb:len()
        sum = sum + math.floor(len / 65536) + len % 65536 + 135
        sum = add16(sum, tvb(0, 4))
        if len > 6 then
            sum = add16(sum, tvb(6, len - 6))
        end
        while sum > 0xffff do
            sum = math.floor(sum / 65536) + sum % 65536
        end
        local calculated = 0xffff - sum
        status = (calculated == field) and 1 or 0
        item = tree:add(f["checksum"], tvb(4, 2))
        tree:add(f["checksum.calculated"], tvb(4, 2), calculated):set_generated()
        if status == 0 then
            item:add_proto_expert_info(e_checksum,
                string.format("Bad checksum: 0x%04x, should be 0x%04x", field, calculated))
        end
    else
        item = tree:add(f["checksum"], tvb(4, 2))
    end
    tree:add(f["checksum.status"], tvb(4, 2), status):set_generated()
    item:append_text(" [" .. checksum_status_vals[status]:lower() .. "]")
end

-- ---------------------------------------------------------------------------------------------
-- The dissector
-- ---------------------------------------------------------------------------------------------

function p.dissector(tvb, pinfo, tree)
    local captured = tvb:len()
    local mhtype = captured >= 3 and tvb(2, 1):uint() or nil
    local own = mhtype ~= nil and messages[mhtype] ~= nil
    if not own then
        -- mip6 decodes this type (or the packet is too short for anything)
        pcall(function() mip6:call(tvb, pinfo, tree) end)
        local name, opt_off = nil, nil
        if mhtype ~= nil then
            name, opt_off = standard_layout(tvb, mhtype)
        end
        if captured < 6 then
            return
        end
        local t = tree:add(p, tvb(), "PMIPv6 module extensions")
        if name then
            t:add(f["msg"], tvb(2, 1), name):set_generated()
        end
        verify_checksum(tvb, t)
        if opt_off then
            local stop = math.min(captured, (tvb(1, 1):uint() + 1) * 8)
            if opt_off < stop then
                local ot = t:add(tvb(opt_off, stop - opt_off), "Options not decoded by Wireshark 4.0")
                if dissect_options(tvb, ot, opt_off, stop, extension_options) == 0 then
                    ot:append_text(": none")
                end
            end
        end
        -- A mip6 exception (e.g. a truncated option) is already shown in the tree as
        -- "[Malformed Packet]"; the extensions tree above is still useful.
        return
    end

    pinfo.cols.protocol:set("PMIPv6")
    local t = tree:add(p, tvb(), "Mobile IPv6 (pmipv6x): " .. (mh_type_names[mhtype] or ""))
    local total = captured >= 2 and (tvb(1, 1):uint() + 1) * 8 or 0
    local fixed_end = fixed_sizes[mhtype] or 12
    if captured < fixed_end or total < fixed_end then
        if captured >= 3 then
            t:add(f["mhtype"], tvb(2, 1))
        end
        malformed(t, tvb(), "Mobility Header of " .. captured .. " octets (Header Len says " .. total ..
            ") shorter than the " .. fixed_end .. " octets of its fixed fields")
        return
    end
    add_all(t, tvb, { { "payload_proto", 0, 1 }, { "hlen", 1, 1 }, { "mhtype", 2, 1 },
        { "reserved", 3, 1 } })
    verify_checksum(tvb, t)
    local name, opt_off, info = messages[mhtype](tvb, t)
    t:add(f["msg"], tvb(2, 1), name):set_generated()
    t:append_text(" (" .. name .. ")")
    pinfo.cols.info:set(mh_type_names[mhtype] .. " (" .. name .. ") " .. info)
    if total > tvb:reported_len() then
        malformed(t, tvb(1, 1), "Header Len says " .. total .. " octets, the packet holds " .. tvb:reported_len())
    end
    local stop = math.min(captured, total)
    if opt_off < stop then
        local ot = t:add(tvb(opt_off, stop - opt_off), "Mobility options")
        dissect_options(tvb, ot, opt_off, stop, nil)
    end
    return captured
end

DissectorTable.get("ip.proto"):add(135, p)

/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The Python module _pmipv6 (pybind11): the scenario runner, the Mobility Header codec and
 * the wire numbers. The pure-Python package `pmipv6` (python/pmipv6) re-exports it and adds
 * sweeps and plots.
 */

#include "ns3/binding-revocation-header.h"
#include "ns3/binding-update-header.h"
#include "ns3/mac48-address.h"
#include "ns3/mobility-header.h"
#include "ns3/mobility-message-samples.h"
#include "ns3/mobility-option.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-options.h"
#include "ns3/pmipv6-scenario.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/simulator.h"
#include "ns3/type-id.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace py = pybind11;
using namespace ns3;

namespace
{

/// One wire number: its enum ("" for a constant), name and value.
struct WireNumber
{
    const char* group; ///< enum name, "" for a constexpr constant
    const char* name;  ///< constant or enumerator name
    long long value;   ///< its value, from the compiler
};

/// Every wire number of model/pmipv6-wire-numbers.h (generated at build time).
const WireNumber WIRE_NUMBERS[] = {
#include "pmipv6-wire-numbers.inc"
};

/// ns-3 has one simulator per process: runs from several Python threads take turns.
std::mutex g_runMutex;

// ------------------------------------------------------------------------------------------
// Scenario configuration <-> Python
// ------------------------------------------------------------------------------------------

/**
 * \brief A Python value as the string of an ns-3 attribute value (bool: "true" / "false").
 * \param value the value
 * \return the string
 */
std::string
AttributeString(const py::handle& value)
{
    if (py::isinstance<py::bool_>(value))
    {
        return value.cast<bool>() ? "true" : "false";
    }
    return py::str(value).cast<std::string>();
}

/**
 * \brief A field of a fault entry given as a dict (by key) or a sequence (by position).
 * \param item the entry
 * \param key its key
 * \param index its position
 * \param what the list, for the error message
 * \return the field
 */
py::object
FaultField(const py::handle& item, const char* key, size_t index, const std::string& what)
{
    if (py::isinstance<py::dict>(item))
    {
        py::dict d = item.cast<py::dict>();
        if (!d.contains(key))
        {
            throw py::value_error(what + ": an entry has no '" + key + "'");
        }
        return d[key];
    }
    py::sequence seq = item.cast<py::sequence>();
    if (index >= seq.size())
    {
        throw py::value_error(what + ": an entry has too few fields");
    }
    return seq[index];
}

/**
 * \brief Link outages from Python: dicts {"a", "b", "down", "up"} or tuples (a, b, down, up).
 * \param value the list
 * \return the outages
 */
std::vector<Pmipv6LinkOutage>
ToLinkOutages(const py::handle& value)
{
    std::vector<Pmipv6LinkOutage> out;
    for (const auto& item : value)
    {
        Pmipv6LinkOutage o;
        o.a = FaultField(item, "a", 0, "link_outages").cast<std::string>();
        o.b = FaultField(item, "b", 1, "link_outages").cast<std::string>();
        o.down = FaultField(item, "down", 2, "link_outages").cast<double>();
        o.up = FaultField(item, "up", 3, "link_outages").cast<double>();
        out.push_back(o);
    }
    return out;
}

/**
 * \brief Restarts from Python: dicts {"node", "at", "downtime"} or tuples (node, at, downtime).
 * \param value the list
 * \return the restarts
 */
std::vector<Pmipv6AgentRestart>
ToRestarts(const py::handle& value)
{
    std::vector<Pmipv6AgentRestart> out;
    for (const auto& item : value)
    {
        Pmipv6AgentRestart r;
        r.node = FaultField(item, "node", 0, "restarts").cast<std::string>();
        r.at = FaultField(item, "at", 1, "restarts").cast<double>();
        r.downtime = FaultField(item, "downtime", 2, "restarts").cast<double>();
        out.push_back(r);
    }
    return out;
}

/**
 * \brief Set one field of a configuration from a Python value by its Python name.
 * \param c the configuration
 * \param key the field name (snake_case), or an ns-3 attribute path containing "::"
 * \param value the value
 */
void
SetConfigField(Pmipv6ScenarioConfig& c, const std::string& key, const py::handle& value)
{
    if (key.find("::") != std::string::npos)
    {
        c.attributes[key] = AttributeString(value);
        return;
    }
    if (key == "topology")
    {
        c.topology = value.cast<std::string>();
    }
    else if (key == "n_mags")
    {
        c.nMags = value.cast<uint32_t>();
    }
    else if (key == "n_mns")
    {
        c.nMns = value.cast<uint32_t>();
    }
    else if (key == "access")
    {
        c.access = value.cast<std::string>();
    }
    else if (key == "mag_lma_delay")
    {
        c.magLmaDelay = py::str(value).cast<std::string>();
    }
    else if (key == "mag_switch")
    {
        c.magSwitch = value.cast<bool>();
    }
    else if (key == "sim_time")
    {
        c.simTime = value.cast<double>();
    }
    else if (key == "traffic_start")
    {
        c.trafficStart = value.cast<double>();
    }
    else if (key == "traffic_stop")
    {
        c.trafficStop = value.cast<double>();
    }
    else if (key == "downlink_interval")
    {
        c.downlinkInterval = value.cast<double>();
    }
    else if (key == "uplink_interval")
    {
        c.uplinkInterval = value.cast<double>();
    }
    else if (key == "packet_size")
    {
        c.packetSize = value.cast<uint32_t>();
    }
    else if (key == "attach_start")
    {
        c.attachStart = value.cast<double>();
    }
    else if (key == "attach_spacing")
    {
        c.attachSpacing = value.cast<double>();
    }
    else if (key == "first_move")
    {
        c.firstMove = value.cast<double>();
    }
    else if (key == "move_interval")
    {
        c.moveInterval = value.cast<double>();
    }
    else if (key == "move_jitter")
    {
        c.moveJitter = value.cast<double>();
    }
    else if (key == "link_switch_delay")
    {
        c.linkSwitchDelay = value.cast<double>();
    }
    else if (key == "bin_width")
    {
        c.binWidth = value.cast<double>();
    }
    else if (key == "mag_lma_loss_up")
    {
        c.magLmaLossUp = value.cast<double>();
    }
    else if (key == "mag_lma_loss_down")
    {
        c.magLmaLossDown = value.cast<double>();
    }
    else if (key == "mag_lma_burst")
    {
        c.magLmaBurst = value.cast<double>();
    }
    else if (key == "mag_lma_jitter")
    {
        c.magLmaJitter = py::str(value).cast<std::string>();
    }
    else if (key == "access_loss_up")
    {
        c.accessLossUp = value.cast<double>();
    }
    else if (key == "access_loss_down")
    {
        c.accessLossDown = value.cast<double>();
    }
    else if (key == "access_burst")
    {
        c.accessBurst = value.cast<double>();
    }
    else if (key == "link_outages")
    {
        c.linkOutages = ToLinkOutages(value);
    }
    else if (key == "restarts")
    {
        c.restarts = ToRestarts(value);
    }
    else if (key == "heartbeat")
    {
        c.heartbeat = value.cast<bool>();
    }
    else if (key == "ip")
    {
        c.ip = value.cast<std::string>();
    }
    else if (key == "transport")
    {
        c.transport = value.cast<std::string>();
    }
    else if (key == "dhcp")
    {
        c.dhcp = value.cast<bool>();
    }
    else if (key == "attributes")
    {
        for (const auto& kv : value.cast<py::dict>())
        {
            c.attributes[py::str(kv.first).cast<std::string>()] = AttributeString(kv.second);
        }
    }
    else if (key == "seed")
    {
        c.seed = value.cast<uint32_t>();
    }
    else if (key == "run")
    {
        c.run = value.cast<uint64_t>();
    }
    else
    {
        throw py::type_error("ScenarioConfig has no field '" + key + "'");
    }
}

/**
 * \brief A configuration as a Python dict (snake_case keys).
 * \param c the configuration
 * \return the dict
 */
py::dict
ConfigToDict(const Pmipv6ScenarioConfig& c)
{
    py::dict d;
    d["topology"] = c.topology;
    d["n_mags"] = c.nMags;
    d["n_mns"] = c.nMns;
    d["access"] = c.access;
    d["mag_lma_delay"] = c.magLmaDelay;
    d["mag_switch"] = c.magSwitch;
    d["sim_time"] = c.simTime;
    d["traffic_start"] = c.trafficStart;
    d["traffic_stop"] = c.trafficStop;
    d["downlink_interval"] = c.downlinkInterval;
    d["uplink_interval"] = c.uplinkInterval;
    d["packet_size"] = c.packetSize;
    d["attach_start"] = c.attachStart;
    d["attach_spacing"] = c.attachSpacing;
    d["first_move"] = c.firstMove;
    d["move_interval"] = c.moveInterval;
    d["move_jitter"] = c.moveJitter;
    d["link_switch_delay"] = c.linkSwitchDelay;
    d["bin_width"] = c.binWidth;
    d["mag_lma_loss_up"] = c.magLmaLossUp;
    d["mag_lma_loss_down"] = c.magLmaLossDown;
    d["mag_lma_burst"] = c.magLmaBurst;
    d["mag_lma_jitter"] = c.magLmaJitter;
    d["access_loss_up"] = c.accessLossUp;
    d["access_loss_down"] = c.accessLossDown;
    d["access_burst"] = c.accessBurst;
    py::list outages;
    for (const auto& o : c.linkOutages)
    {
        py::dict od;
        od["a"] = o.a;
        od["b"] = o.b;
        od["down"] = o.down;
        od["up"] = o.up;
        outages.append(od);
    }
    d["link_outages"] = outages;
    py::list restarts;
    for (const auto& r : c.restarts)
    {
        py::dict rd;
        rd["node"] = r.node;
        rd["at"] = r.at;
        rd["downtime"] = r.downtime;
        restarts.append(rd);
    }
    d["restarts"] = restarts;
    d["heartbeat"] = c.heartbeat;
    d["ip"] = c.ip;
    d["transport"] = c.transport;
    d["dhcp"] = c.dhcp;
    d["attributes"] = c.attributes;
    d["seed"] = c.seed;
    d["run"] = c.run;
    return d;
}

/**
 * \brief Build a configuration from a mapping of field names (and attribute paths).
 * \param values the mapping
 * \return the configuration
 */
Pmipv6ScenarioConfig
ConfigFromMapping(const py::dict& values)
{
    Pmipv6ScenarioConfig c;
    for (const auto& kv : values)
    {
        SetConfigField(c, py::str(kv.first).cast<std::string>(), kv.second);
    }
    return c;
}

/**
 * \brief Accept a ScenarioConfig, a dict, or None (defaults) plus keyword overrides.
 * \param config the object
 * \param kwargs overrides
 * \return the configuration
 */
Pmipv6ScenarioConfig
ToConfig(const py::object& config, const py::kwargs& kwargs)
{
    Pmipv6ScenarioConfig c;
    if (py::isinstance<Pmipv6ScenarioConfig>(config))
    {
        c = config.cast<Pmipv6ScenarioConfig>();
    }
    else if (py::isinstance<py::dict>(config))
    {
        c = ConfigFromMapping(config.cast<py::dict>());
    }
    else if (!config.is_none())
    {
        throw py::type_error("config must be a ScenarioConfig, a dict or None");
    }
    for (const auto& kv : kwargs)
    {
        SetConfigField(c, py::str(kv.first).cast<std::string>(), kv.second);
    }
    return c;
}

// ------------------------------------------------------------------------------------------
// Scenario results -> Python
// ------------------------------------------------------------------------------------------

/**
 * \brief The results of a run as plain Python containers (lists of dicts, ready for pandas).
 * \param r the results
 * \param config the configuration of the run
 * \return the dict
 */
py::dict
ResultToDict(const Pmipv6ScenarioResult& r, const Pmipv6ScenarioConfig& config)
{
    py::list flows;
    for (const auto& f : r.flows)
    {
        py::dict d;
        d["flow_id"] = f.flowId;
        d["mn_id"] = f.mnId;
        d["direction"] = f.direction;
        d["source"] = f.source;
        d["destination"] = f.destination;
        d["source_port"] = f.sourcePort;
        d["destination_port"] = f.destinationPort;
        d["tx_packets"] = f.txPackets;
        d["rx_packets"] = f.rxPackets;
        d["lost_packets"] = f.lostPackets;
        d["tx_bytes"] = f.txBytes;
        d["rx_bytes"] = f.rxBytes;
        d["loss_ratio"] = f.lossRatio;
        d["throughput_mbps"] = f.throughputMbps;
        d["mean_delay_ms"] = f.meanDelayMs;
        d["mean_jitter_ms"] = f.meanJitterMs;
        flows.append(d);
    }
    py::list registrations;
    for (const auto& e : r.registrations)
    {
        py::dict d;
        d["mn_id"] = e.mnId;
        d["mag"] = e.mag;
        d["time"] = e.time;
        d["latency_ms"] = e.latencyMs;
        d["hi"] = e.handoffIndicator;
        d["handover"] = e.handover;
        registrations.append(d);
    }
    py::list moves;
    for (const auto& m : r.moves)
    {
        py::dict d;
        d["mn_id"] = m.mnId;
        d["index"] = m.index;
        d["from_mag"] = m.fromMag;
        d["to_mag"] = m.toMag;
        d["detach_time"] = m.detachTime;
        d["attach_time"] = m.attachTime;
        d["registration_time"] = m.registrationTime;
        d["registration_latency_ms"] = m.registrationLatencyMs;
        d["downlink_interruption_ms"] = m.downlinkInterruptionMs;
        d["uplink_interruption_ms"] = m.uplinkInterruptionMs;
        d["restored"] = m.restored;
        moves.append(d);
    }
    py::list mns;
    for (const auto& m : r.mobileNodes)
    {
        py::dict d;
        d["mn_id"] = m.mnId;
        d["home_address"] = m.homeAddress;
        d["ipv4_home_address"] = m.ipv4HomeAddress;
        d["first_mag"] = m.firstMag;
        d["address_kept"] = m.addressKept;
        d["moves"] = m.moves;
        d["downlink_rx_packets"] = m.downlinkRxPackets;
        d["uplink_rx_packets"] = m.uplinkRxPackets;
        d["downlink_interruption_ms"] = m.downlinkInterruptionMs;
        d["mean_downlink_interruption_ms"] = m.meanDownlinkInterruptionMs;
        d["uplink_interruption_ms"] = m.uplinkInterruptionMs;
        d["attach_time"] = m.attachTime;
        d["last_mag"] = m.lastMag;
        d["registered"] = m.registered;
        d["registration_state"] = m.registrationState;
        d["unregistered_reason"] = m.unregisteredReason;
        d["last_pba_status"] = m.lastPbaStatus;
        d["failure_status"] = m.failureStatus;
        d["registration_failures"] = m.registrationFailures;
        d["recoveries"] = m.recoveries;
        mns.append(d);
    }
    py::list series;
    for (const auto& s : r.timeSeries)
    {
        py::dict d;
        d["node"] = s.node;
        d["role"] = s.role;
        d["interface"] = s.interface;
        d["device"] = s.device;
        d["link"] = s.link;
        d["direction"] = s.direction;
        d["bytes"] = s.bytes;
        series.append(d);
    }
    py::dict out;
    out["config"] = ConfigToDict(config);
    out["scalars"] = r.GetScalars();
    out["signalling"] = r.signalling;
    out["pba_status"] = r.pbaStatus;
    out["flows"] = flows;
    out["registrations"] = registrations;
    out["moves"] = moves;
    out["mobile_nodes"] = mns;
    out["time_series"] = series;
    out["bin_width"] = r.binWidth;
    out["mag_names"] = r.magNames;
    out["fault_losses"] = r.faultLosses;
    out["wall_clock_s"] = r.wallClockSeconds;
    return out;
}

// ------------------------------------------------------------------------------------------
// Codec
// ------------------------------------------------------------------------------------------

/**
 * \brief The samples of every message (built once).
 * \return the samples
 */
const std::vector<MobilityMessageSample>&
Samples()
{
    static const std::vector<MobilityMessageSample> samples = MakeMobilityMessageSamples();
    return samples;
}

/**
 * \brief Serialize a message; with a checksum when both addresses are given.
 * \param h the message
 * \param src IPv6 source ("" for no checksum)
 * \param dst IPv6 destination
 * \return the octets
 */
py::bytes
Encode(MobilityHeader& h, const std::string& src, const std::string& dst)
{
    if (src.empty() != dst.empty())
    {
        throw py::value_error("give both src and dst (for the checksum) or neither");
    }
    if (!src.empty())
    {
        h.EnableChecksum(Ipv6Address(src.c_str()), Ipv6Address(dst.c_str()));
    }
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    std::string bytes(p->GetSize(), '\0');
    p->CopyData(reinterpret_cast<uint8_t*>(bytes.data()), bytes.size());
    return py::bytes(bytes);
}

/**
 * \brief Read "key=value" tokens of a printed message into a dict (ints where they parse,
 * "<n>s" as seconds).
 * \param text the printed fixed fields
 * \return the dict
 */
py::dict
ParseFields(const std::string& text)
{
    py::dict fields;
    static const std::regex token(R"(([A-Za-z][A-Za-z0-9_-]*)=(\S+))");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), token);
         it != std::sregex_iterator();
         ++it)
    {
        std::string key = (*it)[1];
        std::string value = (*it)[2];
        std::replace(key.begin(), key.end(), '-', '_');
        static const std::regex integer(R"(-?[0-9]+)");
        static const std::regex seconds(R"(([0-9]+)s)");
        std::smatch m;
        if (std::regex_match(value, integer))
        {
            fields[py::str(key)] = std::stoll(value);
        }
        else if (std::regex_match(value, m, seconds))
        {
            fields[py::str(key)] = std::stoll(m[1]);
        }
        else
        {
            fields[py::str(key)] = value;
        }
    }
    return fields;
}

/**
 * \brief An option as a dict: type, name, length, raw data, printed text and, for the
 * RFC 5213 options, their values.
 * \param o the option
 * \return the dict
 */
py::dict
OptionToDict(const Ptr<MobilityOption>& o)
{
    py::dict d;
    d["type"] = o->GetType();
    d["name"] = o->GetName();
    d["length"] = o->GetDataLength();
    Buffer buffer;
    buffer.AddAtStart(o->GetSerializedSize());
    Buffer::Iterator i = buffer.Begin();
    o->Serialize(i);
    std::string raw(o->GetSerializedSize(), '\0');
    buffer.CopyData(reinterpret_cast<uint8_t*>(raw.data()), raw.size());
    d["data"] = py::bytes(raw.substr(2));
    std::ostringstream text;
    o->Print(text);
    d["text"] = text.str();
    if (auto mnId = DynamicCast<MobileNodeIdentifierOption>(o))
    {
        d["subtype"] = mnId->GetSubtype();
        if (mnId->GetSubtype() == mip6::MNID_SUBTYPE_NAI)
        {
            d["nai"] = mnId->GetNai();
        }
    }
    else if (auto hnp = DynamicCast<HomeNetworkPrefixOption>(o))
    {
        std::ostringstream prefix;
        prefix << hnp->GetPrefix();
        d["prefix"] = prefix.str();
        d["prefix_length"] = hnp->GetPrefixLength();
    }
    else if (auto hi = DynamicCast<HandoffIndicatorOption>(o))
    {
        d["hi"] = hi->GetHandoffIndicator();
    }
    else if (auto att = DynamicCast<AccessTechnologyTypeOption>(o))
    {
        d["att"] = att->GetAccessTechnologyType();
    }
    else if (auto ll = DynamicCast<LinkLocalAddressOption>(o))
    {
        std::ostringstream address;
        address << ll->GetAddress();
        d["address"] = address.str();
    }
    else if (auto ts = DynamicCast<TimestampOption>(o))
    {
        d["raw"] = ts->GetRaw();
        d["seconds"] = ts->GetTime().GetSeconds();
    }
    else if (auto llid = DynamicCast<MobileNodeLinkLayerIdOption>(o))
    {
        d["identifier"] =
            py::bytes(std::string(llid->GetIdentifier().begin(), llid->GetIdentifier().end()));
    }
    return d;
}

/**
 * \brief Decode a Mobility Header with the message classes.
 * \param data the octets
 * \param src IPv6 source for checksum verification ("" to skip)
 * \param dst IPv6 destination
 * \return a dict: name, mh_type, fields, options, valid, error, ...
 */
py::dict
Decode(const py::bytes& data, const std::string& src, const std::string& dst)
{
    std::string bytes = data;
    const auto* octets = reinterpret_cast<const uint8_t*>(bytes.data());
    py::dict d;
    d["valid"] = false;
    d["error"] = "";
    d["length"] = bytes.size();
    MobilityHeaderCommon common;
    if (!common.Read(octets, bytes.size()))
    {
        d["error"] = "shorter than the 6-octet common part";
        return d;
    }
    d["payload_proto"] = common.payloadProto;
    d["header_length"] = common.headerLength;
    d["mh_type"] = common.mhType;
    d["checksum"] = common.checksum;
    if (!src.empty() && !dst.empty())
    {
        uint32_t n = std::min<uint32_t>(bytes.size(), common.GetTotalLength());
        d["checksum_ok"] = MobilityHeader::ComputeChecksum(Ipv6Address(src.c_str()),
                                                           Ipv6Address(dst.c_str()),
                                                           octets,
                                                           n) == 0;
    }
    else
    {
        d["checksum_ok"] = py::none();
    }
    std::string firstError;
    for (const auto& sample : Samples())
    {
        if (sample.message->GetMhType() != common.mhType)
        {
            continue;
        }
        std::shared_ptr<MobilityHeader> h = sample.empty();
        Ptr<Packet> p = Create<Packet>(octets, bytes.size());
        uint32_t read = p->RemoveHeader(*h);
        if (read == 0 || !h->IsValid())
        {
            if (firstError.empty())
            {
                firstError = sample.name + ": " + h->GetError();
            }
            continue;
        }
        d["valid"] = true;
        d["name"] = sample.name;
        d["consumed"] = read;
        d["trailing"] = bytes.size() - read;
        std::ostringstream text;
        h->Print(text);
        d["text"] = text.str();
        // The fixed fields are printed between "...) " and " options: ".
        std::string all = text.str();
        size_t start = all.find(") ");
        size_t end = all.find(" options: ");
        std::string fixed =
            all.substr(start == std::string::npos ? 0 : start + 2,
                       end == std::string::npos ? std::string::npos : end - start - 2);
        py::dict fields = ParseFields(fixed);
        if (auto bu = std::dynamic_pointer_cast<BindingUpdateHeader>(h))
        {
            fields["seq"] = bu->GetSequence();
            fields["flags"] = bu->GetFlags();
            fields["lifetime"] = bu->GetLifetimeSeconds();
            fields["proxy"] = bu->IsProxy();
        }
        else if (auto ba = std::dynamic_pointer_cast<BindingAckHeader>(h))
        {
            fields["seq"] = ba->GetSequence();
            fields["status"] = ba->GetStatus();
            fields["flags"] = ba->GetFlags();
            fields["lifetime"] = ba->GetLifetimeSeconds();
            fields["proxy"] = ba->IsProxy();
        }
        else if (auto br = std::dynamic_pointer_cast<BindingRevocationHeader>(h))
        {
            fields["seq"] = br->GetSequence();
            fields["flags"] = br->GetFlags();
            fields["br_type"] = br->GetRevocationType();
        }
        d["fields"] = fields;
        py::list options;
        for (const auto& o : h->GetOptions().GetOptions())
        {
            options.append(OptionToDict(o));
        }
        d["options"] = options;
        d["error"] = "";
        return d;
    }
    d["error"] =
        firstError.empty() ? "unknown MH type " + std::to_string(common.mhType) : firstError;
    return d;
}

/**
 * \brief Add the RFC 5213 options of a PBU or PBA built from Python arguments.
 * \param h the message
 * \param mnId MN-ID (NAI), "" for none
 * \param prefixes HNPs as "prefix/length"
 * \param hi HI, negative for none
 * \param att ATT, negative for none
 * \param llid MN LL-ID as a MAC address, "" for none
 * \param linkLocal Link-local Address option, "" for none
 * \param timestamp Timestamp option (s), negative for none
 */
void
AddPmipOptions(MobilityHeader& h,
               const std::string& mnId,
               const std::vector<std::string>& prefixes,
               int hi,
               int att,
               const std::string& llid,
               const std::string& linkLocal,
               double timestamp)
{
    if (!mnId.empty())
    {
        h.AddOption(Create<MobileNodeIdentifierOption>(mnId));
    }
    for (const auto& prefix : prefixes)
    {
        size_t slash = prefix.find('/');
        if (slash == std::string::npos)
        {
            throw py::value_error("prefix '" + prefix + "' is not prefix/length");
        }
        int length = std::stoi(prefix.substr(slash + 1));
        if (length < 0 || length > 128)
        {
            throw py::value_error("prefix length out of range in '" + prefix + "'");
        }
        h.AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address(prefix.substr(0, slash).c_str()),
                                                    static_cast<uint8_t>(length)));
    }
    if (hi >= 0)
    {
        h.AddOption(Create<HandoffIndicatorOption>(static_cast<uint8_t>(hi)));
    }
    if (att >= 0)
    {
        h.AddOption(Create<AccessTechnologyTypeOption>(static_cast<uint8_t>(att)));
    }
    if (!llid.empty())
    {
        h.AddOption(Create<MobileNodeLinkLayerIdOption>(Mac48Address(llid.c_str())));
    }
    if (!linkLocal.empty())
    {
        h.AddOption(Create<LinkLocalAddressOption>(Ipv6Address(linkLocal.c_str())));
    }
    if (timestamp >= 0)
    {
        h.AddOption(Create<TimestampOption>(Seconds(timestamp)));
    }
}

/**
 * \brief Lifetime in seconds as the 4-second units of the Lifetime field.
 * \param seconds the lifetime
 * \return the units
 */
uint16_t
LifetimeUnits(double seconds)
{
    if (seconds < 0 || seconds > 4.0 * 65535)
    {
        throw py::value_error("lifetime must be within 0 .. 262140 s");
    }
    return static_cast<uint16_t>(seconds / 4);
}

/**
 * \brief The attributes of a TypeId with their help text and initial values.
 * \param name the TypeId name
 * \return list of dicts
 */
py::list
ListAttributes(const std::string& name)
{
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(name, &tid))
    {
        throw py::value_error("no TypeId named '" + name + "'");
    }
    py::list out;
    for (uint32_t i = 0; i < tid.GetAttributeN(); ++i)
    {
        TypeId::AttributeInformation info = tid.GetAttribute(i);
        py::dict d;
        d["name"] = tid.GetName() + "::" + info.name;
        d["help"] = info.help;
        d["default"] = info.initialValue->SerializeToString(info.checker);
        out.append(d);
    }
    return out;
}

} // namespace

PYBIND11_MODULE(_pmipv6, m)
{
    m.doc() = "Proxy Mobile IPv6 for ns-3: scenario runner, Mobility Header codec, wire numbers";

    // --- scenario ---------------------------------------------------------------------------
    py::class_<Pmipv6ScenarioConfig>(m,
                                     "ScenarioConfig",
                                     "One run of a PMIPv6 scenario (see helper/pmipv6-scenario.h). "
                                     "Build it from keyword arguments or a dict; keys containing "
                                     "'::' are ns-3 attribute paths (Config::SetDefault).")
        .def(py::init([](const py::object& config, const py::kwargs& kwargs) {
                 return ToConfig(config, kwargs);
             }),
             py::arg("config") = py::none())
        .def_readwrite("topology", &Pmipv6ScenarioConfig::topology)
        .def_readwrite("n_mags", &Pmipv6ScenarioConfig::nMags)
        .def_readwrite("n_mns", &Pmipv6ScenarioConfig::nMns)
        .def_readwrite("access", &Pmipv6ScenarioConfig::access)
        .def_readwrite("mag_lma_delay", &Pmipv6ScenarioConfig::magLmaDelay)
        .def_readwrite("mag_switch", &Pmipv6ScenarioConfig::magSwitch)
        .def_readwrite("sim_time", &Pmipv6ScenarioConfig::simTime)
        .def_readwrite("traffic_start", &Pmipv6ScenarioConfig::trafficStart)
        .def_readwrite("traffic_stop", &Pmipv6ScenarioConfig::trafficStop)
        .def_readwrite("downlink_interval", &Pmipv6ScenarioConfig::downlinkInterval)
        .def_readwrite("uplink_interval", &Pmipv6ScenarioConfig::uplinkInterval)
        .def_readwrite("packet_size", &Pmipv6ScenarioConfig::packetSize)
        .def_readwrite("attach_start", &Pmipv6ScenarioConfig::attachStart)
        .def_readwrite("attach_spacing", &Pmipv6ScenarioConfig::attachSpacing)
        .def_readwrite("first_move", &Pmipv6ScenarioConfig::firstMove)
        .def_readwrite("move_interval", &Pmipv6ScenarioConfig::moveInterval)
        .def_readwrite("move_jitter", &Pmipv6ScenarioConfig::moveJitter)
        .def_readwrite("link_switch_delay", &Pmipv6ScenarioConfig::linkSwitchDelay)
        .def_readwrite("bin_width", &Pmipv6ScenarioConfig::binWidth)
        .def_readwrite("mag_lma_loss_up", &Pmipv6ScenarioConfig::magLmaLossUp)
        .def_readwrite("mag_lma_loss_down", &Pmipv6ScenarioConfig::magLmaLossDown)
        .def_readwrite("mag_lma_burst", &Pmipv6ScenarioConfig::magLmaBurst)
        .def_readwrite("mag_lma_jitter", &Pmipv6ScenarioConfig::magLmaJitter)
        .def_readwrite("access_loss_up", &Pmipv6ScenarioConfig::accessLossUp)
        .def_readwrite("access_loss_down", &Pmipv6ScenarioConfig::accessLossDown)
        .def_readwrite("access_burst", &Pmipv6ScenarioConfig::accessBurst)
        .def_property(
            "link_outages",
            [](const Pmipv6ScenarioConfig& c) -> py::object {
                // A py::object while the dict lives (an item accessor would dangle).
                py::dict d = ConfigToDict(c);
                return d["link_outages"];
            },
            [](Pmipv6ScenarioConfig& c, const py::object& v) { c.linkOutages = ToLinkOutages(v); })
        .def_property(
            "restarts",
            [](const Pmipv6ScenarioConfig& c) -> py::object {
                // A py::object while the dict lives (an item accessor would dangle).
                py::dict d = ConfigToDict(c);
                return d["restarts"];
            },
            [](Pmipv6ScenarioConfig& c, const py::object& v) { c.restarts = ToRestarts(v); })
        .def_readwrite("heartbeat", &Pmipv6ScenarioConfig::heartbeat)
        .def_readwrite("ip", &Pmipv6ScenarioConfig::ip)
        .def_readwrite("transport", &Pmipv6ScenarioConfig::transport)
        .def_readwrite("dhcp", &Pmipv6ScenarioConfig::dhcp)
        .def_readwrite("attributes", &Pmipv6ScenarioConfig::attributes)
        .def_readwrite("seed", &Pmipv6ScenarioConfig::seed)
        .def_readwrite("run", &Pmipv6ScenarioConfig::run)
        .def("to_dict", &ConfigToDict, "The configuration as a dict (snake_case keys).")
        .def_static("from_dict", &ConfigFromMapping, py::arg("values"), "Build from a dict.")
        .def(
            "set",
            [](Pmipv6ScenarioConfig& c, const std::string& key, const py::object& value) {
                SetConfigField(c, key, value);
            },
            py::arg("key"),
            py::arg("value"),
            "Set a field by name, or an ns-3 attribute when the name contains '::'.")
        .def("copy", [](const Pmipv6ScenarioConfig& c) { return c; })
        .def("__eq__",
             [](const Pmipv6ScenarioConfig& a, const Pmipv6ScenarioConfig& b) {
                 return ConfigToDict(a).equal(ConfigToDict(b));
             })
        .def("__repr__",
             [](const Pmipv6ScenarioConfig& c) {
                 return "ScenarioConfig(**" + py::repr(ConfigToDict(c)).cast<std::string>() + ")";
             })
        .def(py::pickle([](const Pmipv6ScenarioConfig& c) { return ConfigToDict(c); },
                        [](const py::dict& d) { return ConfigFromMapping(d); }));

    m.def(
        "run_scenario",
        [](const py::object& config,
           const py::object& progress,
           double progressInterval,
           const py::kwargs& kwargs) {
            Pmipv6ScenarioConfig c = ToConfig(config, kwargs);
            Pmipv6ScenarioResult r;
            // A Python progress callable, called with the GIL held; an exception it raises
            // stops the run and is raised again once the run has cleaned up.
            std::unique_ptr<py::error_already_set> error;
            Pmipv6ProgressCallback callback;
            if (!progress.is_none())
            {
                callback = [&progress, &error](double now, double end) {
                    py::gil_scoped_acquire gil;
                    if (error)
                    {
                        return;
                    }
                    try
                    {
                        progress(now, end);
                    }
                    catch (py::error_already_set& e)
                    {
                        error = std::make_unique<py::error_already_set>(std::move(e));
                        Simulator::Stop();
                    }
                };
            }
            {
                py::gil_scoped_release release;
                std::lock_guard<std::mutex> lock(g_runMutex);
                r = RunPmipv6Scenario(c, callback, progressInterval);
            }
            if (error)
            {
                error->restore();
                error.reset();
                throw py::error_already_set();
            }
            return ResultToDict(r, c);
        },
        py::arg("config") = py::none(),
        py::arg("progress") = py::none(),
        py::arg("progress_interval") = 0.0,
        "Run one scenario (a ScenarioConfig, a dict, or keyword arguments) and return its "
        "results as a dict of plain containers: scalars, signalling, flows, registrations, "
        "moves, mobile_nodes, time_series, ... The GIL is released during the run; runs from "
        "several threads take turns. Raises ValueError for an unknown attribute name or an "
        "invalid configuration. progress: a callable(now, end) called with the simulated "
        "time (s) at 0, every progress_interval simulated seconds (0: sim_time / 100) and at "
        "the end; an exception it raises stops the run and propagates.");

    m.def("list_attributes",
          &ListAttributes,
          py::arg("type_name"),
          "Attributes of an ns-3 TypeId (e.g. 'ns3::Pmipv6MagApplication'): full name for "
          "Config::SetDefault, help text and default value.");

    // --- codec ------------------------------------------------------------------------------
    m.def(
        "message_names",
        []() {
            std::vector<std::string> names;
            for (const auto& s : Samples())
            {
                names.push_back(s.name);
            }
            return names;
        },
        "Names of the sample messages, one per message class, in MH type order.");

    m.def(
        "encode_sample",
        [](const std::string& name, const std::string& src, const std::string& dst) {
            for (const auto& s : Samples())
            {
                if (s.name == name)
                {
                    return Encode(*s.message, src, dst);
                }
            }
            throw py::value_error("no sample message named '" + name + "'");
        },
        py::arg("name"),
        py::arg("src") = "",
        py::arg("dst") = "",
        "The wire form of the module's sample message `name` (see message_names()); with the "
        "RFC 6275 checksum when src and dst (IPv6 addresses) are given.");

    m.def("decode",
          &Decode,
          py::arg("data"),
          py::arg("src") = "",
          py::arg("dst") = "",
          "Decode a Mobility Header with the module's message classes. Returns a dict: valid, "
          "error, name, mh_type, payload_proto, header_length, checksum, checksum_ok (when src "
          "and dst are given), fields (fixed fields), options (type, name, length, data, text "
          "and values), text, consumed, trailing.");

    m.def(
        "encode_pbu",
        [](int sequence,
           double lifetime,
           int flags,
           const std::string& mnId,
           const std::vector<std::string>& prefixes,
           int hi,
           int att,
           const std::string& llid,
           const std::string& linkLocal,
           double timestamp,
           const std::string& src,
           const std::string& dst) {
            BindingUpdateHeader pbu;
            pbu.SetSequence(static_cast<uint16_t>(sequence));
            pbu.SetLifetime(LifetimeUnits(lifetime));
            if (flags >= 0)
            {
                pbu.SetFlags(static_cast<uint16_t>(flags));
            }
            AddPmipOptions(pbu, mnId, prefixes, hi, att, llid, linkLocal, timestamp);
            return Encode(pbu, src, dst);
        },
        py::arg("sequence") = 0,
        py::arg("lifetime") = 600.0,
        py::arg("flags") = -1,
        py::arg("mn_id") = "mn1@pmipv6.example",
        py::arg("prefixes") = std::vector<std::string>{"::/0"},
        py::arg("hi") = static_cast<int>(mip6::HI_NEW_INTERFACE),
        py::arg("att") = static_cast<int>(mip6::ATT_IEEE_802_3),
        py::arg("ll_id") = "",
        py::arg("link_local") = "",
        py::arg("timestamp") = -1.0,
        py::arg("src") = "",
        py::arg("dst") = "",
        "Build a Proxy Binding Update: flags default to A|P; lifetime in seconds; options "
        "omitted when empty / negative; checksum when src and dst are given.");

    m.def(
        "encode_pba",
        [](int status,
           int sequence,
           double lifetime,
           int flags,
           const std::string& mnId,
           const std::vector<std::string>& prefixes,
           int hi,
           int att,
           const std::string& llid,
           const std::string& linkLocal,
           double timestamp,
           const std::string& src,
           const std::string& dst) {
            BindingAckHeader pba;
            pba.SetStatus(static_cast<uint8_t>(status));
            pba.SetSequence(static_cast<uint16_t>(sequence));
            pba.SetLifetime(LifetimeUnits(lifetime));
            if (flags >= 0)
            {
                pba.SetFlags(static_cast<uint8_t>(flags));
            }
            AddPmipOptions(pba, mnId, prefixes, hi, att, llid, linkLocal, timestamp);
            return Encode(pba, src, dst);
        },
        py::arg("status") = 0,
        py::arg("sequence") = 0,
        py::arg("lifetime") = 600.0,
        py::arg("flags") = -1,
        py::arg("mn_id") = "mn1@pmipv6.example",
        py::arg("prefixes") = std::vector<std::string>{},
        py::arg("hi") = static_cast<int>(mip6::HI_NEW_INTERFACE),
        py::arg("att") = static_cast<int>(mip6::ATT_IEEE_802_3),
        py::arg("ll_id") = "",
        py::arg("link_local") = "",
        py::arg("timestamp") = -1.0,
        py::arg("src") = "",
        py::arg("dst") = "",
        "Build a Proxy Binding Acknowledgement (flags default to P).");

    m.def(
        "checksum",
        [](const std::string& src, const std::string& dst, const py::bytes& data) {
            std::string bytes = data;
            return MobilityHeader::ComputeChecksum(Ipv6Address(src.c_str()),
                                                   Ipv6Address(dst.c_str()),
                                                   reinterpret_cast<const uint8_t*>(bytes.data()),
                                                   bytes.size());
        },
        py::arg("src"),
        py::arg("dst"),
        py::arg("data"),
        "RFC 6275 6.1.1 checksum over the pseudo-header and data: 0 for a received header "
        "with a correct checksum, the value to write for one whose Checksum field is 0.");

    // --- wire numbers -----------------------------------------------------------------------
    py::module_ wire = m.def_submodule(
        "wire",
        "Every number of model/pmipv6-wire-numbers.h: constants as attributes, enums in ENUMS.");
    py::dict enums;
    for (const auto& w : WIRE_NUMBERS)
    {
        wire.attr(w.name) = w.value;
        std::string group = w.group;
        if (!group.empty())
        {
            if (!enums.contains(group))
            {
                enums[py::str(group)] = py::dict();
            }
            enums[py::str(group)][py::str(w.name)] = w.value;
        }
    }
    wire.attr("ENUMS") = enums;
}

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pmipv6-topology-helper.h"

#include "logical-interface-helper.h"

#include "ns3/boolean.h"
#include "ns3/bridge-net-device.h"
#include "ns3/csma-channel.h"
#include "ns3/csma-helper.h"
#include "ns3/csma-net-device.h"
#include "ns3/data-rate.h"
#include "ns3/ethernet-header.h"
#include "ns3/heartbeat-extension.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6-address-helper.h"
#include "ns3/ipv6-hash-routing.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6.h"
#include "ns3/lma-flow-mobility-extension.h"
#include "ns3/log.h"
#include "ns3/mag-ipv4-transport-extension.h"
#include "ns3/mobility-helper.h"
#include "ns3/mobility-model.h"
#include "ns3/multicast-rx-filter.h"
#include "ns3/ndisc-cache.h"
#include "ns3/pcap-file-wrapper.h"
#include "ns3/pcap-file.h"
#include "ns3/pmipv6-ipv4-transport.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/point-to-point-access-channel.h"
#include "ns3/point-to-point-channel.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simple-net-device-helper.h"
#include "ns3/simple-net-device.h"
#include "ns3/simulator.h"
#include "ns3/ssid.h"
#include "ns3/sta-wifi-mac.h"
#include "ns3/string.h"
#include "ns3/trace-helper.h"
#include "ns3/txop.h"
#include "ns3/uinteger.h"
#include "ns3/vector.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-mac-header.h"
#include "ns3/wifi-mac-helper.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"
#include "ns3/yans-wifi-channel.h"
#include "ns3/yans-wifi-helper.h"

#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/graphviz.hpp>
#include <fstream>
#include <iomanip>
#include <limits>
#include <regex>
#include <set>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6TopologyHelper");

namespace
{

/// The roles a vertex may have.
const std::set<std::string> g_roles{"lma", "mag", "cn", "router"};
/// Second octet of the first LMA's IPv4 home address pool 10.<100 + index>.0.0/16; the
/// transport links' /24s 10.<k / 256>.<k mod 256>.0 stay below it.
constexpr uint32_t g_ipv4PoolOctet = 100;
/// Length of the LMAs' IPv4 home address pools.
constexpr uint32_t g_ipv4PoolLength = 16;
/// Delay of the DHCP client's start after the first attachment (its DISCOVER then waits at
/// the MAG for the PBA, RFC 5844 3.4.1).
const Time g_dhcpStartDelay = MilliSeconds(1);
/// The SSID every Wi-Fi access point of the domain uses.
const char* const g_ssid = "pmipv6";
/// Data rate of an aggregation switch's uplink to its vertex (no delay).
const char* const g_switchUplinkRate = "100Gbps";
/// MTU of an aggregation switch's port links (that of its CSMA uplink).
const uint16_t g_switchMtu = 1500;
/// MTU of the "p2p" access links' SimpleNetDevices (Ethernet's, as on the CSMA access links).
const uint16_t g_accessMtu = 1500;
/// Distance between the access points of MakeStar() (m): out of each other's 802.11a range.
const double g_starSpacing = 500.0;
/// Where a station is placed relative to its access point.
const Vector g_stationOffset(5.0, 5.0, 0.0);
/// Where a station out of every access point's range is.
const Vector g_nowhere(1e7, 1e7, 0.0);
/// How long a leaving station stays in range to send its Disassociation frame.
const Time g_disassociationTime = MilliSeconds(10);
/// Reason code of the Disassociation frame (IEEE 802.11 9.4.1.7: 8, leaving the BSS).
const uint16_t g_disassociationReason = 8;
/// The largest k of fd00:0:0:<k>::/64, LMA and MN indices (one 16-bit group each).
const uint32_t g_maxIndex = 0xffff;
/// The most mobile nodes: 2001:<1 + n / 65536>:<lma>:<n mod 65536>::/64 up to 2001:ffff:...
const uint32_t g_maxMobileNodes = 0xfffeU * 0x10000U;
/// Most interfaces of one mobile node (SetMobileNodeInterfaces).
const uint32_t g_maxMnInterfaces = 2;
/// Added to every link's delay so that Dijkstra prefers fewer hops among equal delays (s).
const double g_hopPenalty = 1e-9;

/**
 * \brief Parse an ns-3 Time string ("2ms", "1.5s", "10us", "0"), without aborting.
 * \param text the text
 * \param out receives the time
 * \return true when it parsed and is not negative
 */
bool
ParseDelay(const std::string& text, Time& out)
{
    static const std::regex re(
        "\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(s|ms|us|ns|ps|fs|min|h|d)?\\s*");
    std::smatch m;
    if (!std::regex_match(text, m, re))
    {
        return false;
    }
    double value = std::stod(m[1].str());
    std::string unit = m[2].matched ? m[2].str() : "s";
    static const std::map<std::string, Time::Unit> units{{"s", Time::S},
                                                         {"ms", Time::MS},
                                                         {"us", Time::US},
                                                         {"ns", Time::NS},
                                                         {"ps", Time::PS},
                                                         {"fs", Time::FS},
                                                         {"min", Time::MIN},
                                                         {"h", Time::H},
                                                         {"d", Time::D}};
    out = Time::FromDouble(value, units.at(unit));
    return true;
}

/**
 * \brief Parse an ns-3 DataRate string ("100Mbps", "1Gb/s"), without aborting.
 * \param text the text
 * \param out receives the rate
 * \return true when it parsed and is positive
 */
bool
ParseRate(const std::string& text, DataRate& out)
{
    DataRateValue value;
    if (text.empty() || !value.DeserializeFromString(text, MakeDataRateChecker()))
    {
        return false;
    }
    out = value.Get();
    return out.GetBitRate() > 0;
}

/**
 * \brief Parse a loss ratio in [0, 1] (empty: 0).
 * \param text the text
 * \param out receives the ratio
 * \return true when it parsed
 */
bool
ParseRatio(const std::string& text, double& out)
{
    static const std::regex re("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*");
    std::smatch m;
    if (text.empty())
    {
        out = 0;
        return true;
    }
    if (!std::regex_match(text, m, re))
    {
        return false;
    }
    out = std::stod(m[1].str());
    return out <= 1;
}

/**
 * \brief Parse a mean burst length in packets (empty: 1).
 * \param text the text
 * \param out receives the length
 * \return true when it parsed
 */
bool
ParseBurst(const std::string& text, double& out)
{
    static const std::regex re("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*");
    std::smatch m;
    if (text.empty())
    {
        out = 1;
        return true;
    }
    if (!std::regex_match(text, m, re))
    {
        return false;
    }
    out = std::stod(m[1].str());
    return true;
}

/**
 * \brief Parse a comma-separated list of pairs of times in seconds, "a<sep>b".
 * \param text the text ("3-5, 8-9" or "10+0.5, 20")
 * \param sep the separator within a pair ('-' or '+')
 * \param secondOptional whether b may be left out (then 0)
 * \param out receives the pairs
 * \return true when it parsed
 */
bool
ParseTimePairs(const std::string& text,
               char sep,
               bool secondOptional,
               std::vector<std::pair<double, double>>& out)
{
    out.clear();
    if (text.empty())
    {
        return true; // the common case, checked for every vertex and edge
    }
    // Compiled once per separator (compiling a std::regex costs millions of instructions).
    auto make = [](char c) {
        const std::string number = "([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)";
        return std::regex("\\s*" + number + "\\s*(?:\\" + std::string(1, c) + "\\s*" + number +
                          "\\s*)?");
    };
    static const std::regex dash = make('-');
    static const std::regex plus = make('+');
    NS_ASSERT(sep == '-' || sep == '+');
    const std::regex& re = sep == '-' ? dash : plus;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
    {
        std::smatch m;
        if (!std::regex_match(item, m, re) || (!secondOptional && !m[2].matched))
        {
            return false;
        }
        out.emplace_back(std::stod(m[1].str()), m[2].matched ? std::stod(m[2].str()) : 0.0);
    }
    return true;
}

/**
 * \brief An address whose first four 16-bit groups are given, the rest zero.
 * \param g0 group 0
 * \param g1 group 1
 * \param g2 group 2
 * \param g3 group 3
 * \return the address
 */
Ipv6Address
MakeAddress(uint16_t g0, uint16_t g1, uint16_t g2, uint16_t g3)
{
    uint8_t b[16] = {0};
    uint16_t groups[4] = {g0, g1, g2, g3};
    for (int i = 0; i < 4; ++i)
    {
        b[2 * i] = groups[i] >> 8;
        b[2 * i + 1] = groups[i] & 0xff;
    }
    return Ipv6Address(b);
}

/**
 * \brief The prefix of transport link k: fd00:0:0:<k>::/64.
 * \param k the link number, from 1
 * \return the prefix
 */
Ipv6Address
LinkPrefix(uint32_t k)
{
    return MakeAddress(0xfd00, 0, 0, static_cast<uint16_t>(k));
}

/**
 * \brief The home network prefix block of LMA i: 2001:1:<i>::/48; mobile nodes beyond the
 * 65535th take theirs from the further blocks 2001:<1 + chunk>:<i>::/48.
 * \param lmaIndex the LMA index, from 1
 * \param chunk the block (0: the LMA's pool)
 * \return the prefix
 */
Ipv6Address
HnpBlock(uint16_t lmaIndex, uint16_t chunk = 0)
{
    return MakeAddress(0x2001, static_cast<uint16_t>(1 + chunk), lmaIndex, 0);
}

/**
 * \brief Quote a string for DOT (escape sequences such as \\n are left as they are).
 * \param s the string
 * \return the quoted string
 */
std::string
Quote(const std::string& s)
{
    // Backslashes are kept: "\n" in a label is GraphViz's line break.
    std::string out = "\"";
    for (char c : s)
    {
        if (c == '"')
        {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

/**
 * \brief An address as text.
 * \param a the address
 * \return the text
 */
std::string
ToString(Ipv6Address a)
{
    std::ostringstream os;
    os << a;
    return os.str();
}

/**
 * \brief A number as text with enough digits for positions.
 * \param v the number
 * \return the text
 */
std::string
ToString(double v)
{
    std::ostringstream os;
    os << std::setprecision(12) << v;
    return os.str();
}

/**
 * \brief The Boost dynamic properties mapping DOT attributes onto the bundled properties.
 * \tparam G the graph type (undirected or directed, same bundles)
 * \param g the graph
 * \return the properties
 */
template <typename G>
boost::dynamic_properties
MakeDotProperties(G& g)
{
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("node_id", boost::get(&Pmipv6VertexProperties::name, g));
    dp.property("role", boost::get(&Pmipv6VertexProperties::role, g));
    dp.property("access", boost::get(&Pmipv6VertexProperties::access, g));
    dp.property("x", boost::get(&Pmipv6VertexProperties::x, g));
    dp.property("y", boost::get(&Pmipv6VertexProperties::y, g));
    dp.property("lma", boost::get(&Pmipv6VertexProperties::lma, g));
    dp.property("type", boost::get(&Pmipv6EdgeProperties::type, g));
    dp.property("rate", boost::get(&Pmipv6EdgeProperties::dataRate, g));
    dp.property("delay", boost::get(&Pmipv6EdgeProperties::delay, g));
    dp.property("access_loss_up", boost::get(&Pmipv6VertexProperties::accessLossUp, g));
    dp.property("access_loss_down", boost::get(&Pmipv6VertexProperties::accessLossDown, g));
    dp.property("access_burst", boost::get(&Pmipv6VertexProperties::accessBurst, g));
    dp.property("restart", boost::get(&Pmipv6VertexProperties::restart, g));
    dp.property("switch", boost::get(&Pmipv6VertexProperties::aggregationSwitch, g));
    dp.property("transport", boost::get(&Pmipv6VertexProperties::transport, g));
    dp.property("loss", boost::get(&Pmipv6EdgeProperties::loss, g));
    dp.property("loss_ab", boost::get(&Pmipv6EdgeProperties::lossAb, g));
    dp.property("loss_ba", boost::get(&Pmipv6EdgeProperties::lossBa, g));
    dp.property("burst", boost::get(&Pmipv6EdgeProperties::burst, g));
    dp.property("jitter", boost::get(&Pmipv6EdgeProperties::jitter, g));
    dp.property("down", boost::get(&Pmipv6EdgeProperties::down, g));
    return dp;
}

/**
 * \brief Set the receive error model of a wired device.
 * \param device a CSMA, point-to-point or simple device
 * \param model the model
 */
void
SetReceiveErrorModel(Ptr<NetDevice> device, Ptr<ErrorModel> model)
{
    if (auto csma = DynamicCast<CsmaNetDevice>(device))
    {
        csma->SetReceiveErrorModel(model);
    }
    else if (auto p2p = DynamicCast<PointToPointNetDevice>(device))
    {
        p2p->SetReceiveErrorModel(model);
    }
    else
    {
        NS_ABORT_MSG_IF(!DynamicCast<SimpleNetDevice>(device),
                        "no receive error model on " << device->GetInstanceTypeId().GetName());
        DynamicCast<SimpleNetDevice>(device)->SetReceiveErrorModel(model);
    }
}

/**
 * \brief Write a frame of a point-to-point access link to a pcap file, with an Ethernet II
 * header in front (PointToPointAccessChannel's Tx trace).
 * \param file the file
 * \param packet the frame's packet
 * \param protocol its EtherType
 * \param to destination address
 * \param from source address
 */
void
WriteAccessFrame(Ptr<PcapFileWrapper> file,
                 Ptr<const Packet> packet,
                 uint16_t protocol,
                 Mac48Address to,
                 Mac48Address from)
{
    EthernetHeader header(false);
    header.SetSource(from);
    header.SetDestination(to);
    header.SetLengthType(protocol);
    file->Write(Simulator::Now(), header, packet);
}

} // namespace

/// Where a mobile node can attach: one MAG's access.
struct Pmipv6TopologyHelper::Attachment
{
    std::string mag;                    ///< the MAG's name
    Ptr<Pmipv6MagApplication> app;      ///< the MAG
    Ptr<NetDevice> access;              ///< its access device
    Ptr<CsmaChannel> channel;           ///< its CSMA access link (CSMA access)
    Ptr<PointToPointAccessChannel> p2p; ///< its point-to-point access link ("p2p" access)
    Vector ap;                          ///< its access point's position (Wi-Fi)
    bool wifi{false};                   ///< Wi-Fi access
    std::shared_ptr<AccessFault> fault; ///< loss on its access link
};

/// A mobile node and where each of its interfaces is.
struct Pmipv6TopologyHelper::MobileState
{
    std::string mnId;                                 ///< identifier
    uint32_t index{0};                                ///< index from 1, in the order added
    uint32_t lma{0};                                  ///< its LMA (vertex)
    HomeNetworkPrefix hnp;                            ///< home network prefix
    Ptr<Node> node;                                   ///< the node
    std::vector<Ptr<NetDevice>> devices;              ///< its access devices, one per interface
    Ptr<LogicalInterfaceNetDevice> lif;               ///< over the devices (several), else null
    Ptr<MobilityModel> mobility;                      ///< its mobility model (Wi-Fi)
    bool wifi{false};                                 ///< Wi-Fi station
    bool p2p{false};                                  ///< "p2p" access (SimpleNetDevices)
    std::vector<std::shared_ptr<Attachment>> current; ///< where each is (null: nowhere)
    std::vector<uint64_t> moves;                      ///< attach and detach events of each
    std::vector<Ptr<LinkFaultErrorModel>> downFaults; ///< access downlink loss of each device
    std::vector<Ptr<MulticastRxFilter>> filters;      ///< multicast filter of each (or none)
    std::vector<uint64_t> downLostAtAttach;           ///< its losses when it attached
    int64_t faultStream{0};                           ///< first stream of its fault models

    /**
     * \brief The device IPv6 runs on: the logical interface, else the one access device.
     * \return the device
     */
    Ptr<NetDevice> IpDevice() const
    {
        return lif ? Ptr<NetDevice>(lif) : devices.front();
    }
};

Pmipv6TopologyHelper::Pmipv6TopologyHelper()
{
    m_csmaChannelFactory.SetTypeId(CsmaChannel::GetTypeId());
    m_csmaChannelFactory.Set("DataRate", DataRateValue(m_accessRate));
    m_csmaChannelFactory.Set("Delay", TimeValue(m_accessDelay));
}

Pmipv6TopologyHelper::~Pmipv6TopologyHelper() = default;

Pmipv6Helper&
Pmipv6TopologyHelper::GetPmipv6Helper()
{
    return m_pmip;
}

void
Pmipv6TopologyHelper::SetCsmaAccessChannelAttribute(const std::string& name,
                                                    const AttributeValue& value)
{
    m_csmaChannelFactory.Set(name, value);
    // Kept for the "p2p" access links, which take the same rate and delay.
    if (name == "DataRate")
    {
        Ptr<AttributeValue> rate = MakeDataRateChecker()->CreateValidValue(value);
        NS_ABORT_MSG_IF(!rate, "SetCsmaAccessChannelAttribute: not a data rate");
        m_accessRate = DynamicCast<DataRateValue>(rate)->Get();
    }
    else if (name == "Delay")
    {
        Ptr<AttributeValue> delay = MakeTimeChecker()->CreateValidValue(value);
        NS_ABORT_MSG_IF(!delay, "SetCsmaAccessChannelAttribute: not a time");
        m_accessDelay = DynamicCast<TimeValue>(delay)->Get();
    }
}

void
Pmipv6TopologyHelper::SetWifiDataMode(const std::string& mode)
{
    m_wifiDataMode = mode;
}

// ---------------------------------------------------------------------------------------------
// Reading and checking graphs
// ---------------------------------------------------------------------------------------------

bool
Pmipv6TopologyHelper::TryParseDot(const std::string& text, Pmipv6Graph& graph, std::string& error)
{
    Pmipv6Graph g;
    try
    {
        try
        {
            boost::dynamic_properties dp = MakeDotProperties(g);
            boost::read_graphviz(text, g, dp, "node_id");
        }
        catch (const boost::directed_graph_error&)
        {
            // A digraph: read it as such, then every directed edge is one link.
            typedef boost::adjacency_list<boost::vecS,
                                          boost::vecS,
                                          boost::directedS,
                                          Pmipv6VertexProperties,
                                          Pmipv6EdgeProperties>
                Directed;
            Directed d;
            boost::dynamic_properties dp = MakeDotProperties(d);
            boost::read_graphviz(text, d, dp, "node_id");
            g = Pmipv6Graph(boost::num_vertices(d));
            for (uint32_t v = 0; v < boost::num_vertices(d); ++v)
            {
                g[v] = d[v];
            }
            auto [it, end] = boost::edges(d);
            for (; it != end; ++it)
            {
                boost::add_edge(boost::source(*it, d), boost::target(*it, d), d[*it], g);
            }
        }
    }
    catch (const boost::bad_lexical_cast& e)
    {
        error = std::string("DOT: an attribute has a value of the wrong type (x and y must be "
                            "numbers): ") +
                e.what();
        return false;
    }
    catch (const std::exception& e)
    {
        error = std::string("DOT: ") + e.what();
        return false;
    }
    if (!Validate(g, error))
    {
        return false;
    }
    graph = g;
    return true;
}

bool
Pmipv6TopologyHelper::TryReadDot(const std::string& path, Pmipv6Graph& graph, std::string& error)
{
    std::ifstream in(path);
    if (!in)
    {
        error = "cannot open DOT file '" + path + "'";
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (!TryParseDot(text.str(), graph, error))
    {
        error = path + ": " + error;
        return false;
    }
    return true;
}

Pmipv6Graph
Pmipv6TopologyHelper::ReadDot(const std::string& path)
{
    Pmipv6Graph graph;
    std::string error;
    if (!TryReadDot(path, graph, error))
    {
        NS_FATAL_ERROR("Pmipv6TopologyHelper::ReadDot: " << error);
    }
    return graph;
}

bool
Pmipv6TopologyHelper::Validate(const Pmipv6Graph& graph, std::string& error)
{
    const uint32_t n = boost::num_vertices(graph);
    if (n == 0)
    {
        error = "the graph has no node";
        return false;
    }
    std::map<std::string, uint32_t> byName;
    uint32_t lmas = 0;
    for (uint32_t v = 0; v < n; ++v)
    {
        const Pmipv6VertexProperties& p = graph[v];
        if (p.name.empty())
        {
            error = "node " + std::to_string(v) + " has no name";
            return false;
        }
        if (!byName.emplace(p.name, v).second)
        {
            error = "two nodes are named '" + p.name + "'";
            return false;
        }
        if (p.role.empty())
        {
            error = "node '" + p.name + "' has no role (role=lma, mag, cn or router)";
            return false;
        }
        if (g_roles.count(p.role) == 0)
        {
            error = "node '" + p.name + "': unknown role '" + p.role +
                    "' (expected lma, mag, cn or router)";
            return false;
        }
        lmas += p.role == "lma" ? 1 : 0;
        double ratio;
        if (!ParseRatio(p.accessLossUp, ratio) || !ParseRatio(p.accessLossDown, ratio) ||
            !ParseBurst(p.accessBurst, ratio))
        {
            error = "node '" + p.name +
                    "': access_loss_up and access_loss_down must be ratios in [0, 1], "
                    "access_burst a number of packets";
            return false;
        }
        std::vector<std::pair<double, double>> restarts;
        if (!ParseTimePairs(p.restart, '+', true, restarts))
        {
            error = "node '" + p.name + "': bad restart '" + p.restart +
                    "' (e.g. restart=\"10+0.5, 30\": at 10 s for 0.5 s, at 30 s)";
            return false;
        }
        if (!restarts.empty() && p.role != "lma" && p.role != "mag")
        {
            error = "node '" + p.name + "': only an LMA or a MAG can restart";
            return false;
        }
        if (!p.aggregationSwitch.empty() && p.aggregationSwitch != "0" &&
            p.aggregationSwitch != "1" && p.aggregationSwitch != "false" &&
            p.aggregationSwitch != "true")
        {
            error = "node '" + p.name + "': switch must be 0, 1, false or true, not '" +
                    p.aggregationSwitch + "'";
            return false;
        }
        if (!p.transport.empty() && p.transport != "v6" && p.transport != "v4")
        {
            error = "node '" + p.name + "': transport must be v6 or v4, not '" + p.transport + "'";
            return false;
        }
        if (!p.transport.empty() && p.role != "lma")
        {
            error = "node '" + p.name + "': only an LMA has a transport (its MAGs follow it)";
            return false;
        }
        if (p.role == "mag" && p.access != "csma" && p.access != "wifi" && p.access != "p2p")
        {
            error = "node '" + p.name + "': unknown access '" + p.access +
                    "' (expected csma, p2p or wifi)";
            return false;
        }
    }
    if (lmas == 0)
    {
        error = "no LMA (a node with role=lma)";
        return false;
    }
    if (lmas > g_maxIndex)
    {
        error = "more than 65535 LMAs";
        return false;
    }
    std::map<std::pair<double, double>, std::string> wifiPositions;
    for (uint32_t v = 0; v < n; ++v)
    {
        const Pmipv6VertexProperties& p = graph[v];
        if (p.role != "mag")
        {
            continue;
        }
        if (!p.lma.empty())
        {
            auto it = byName.find(p.lma);
            if (it == byName.end() || graph[it->second].role != "lma")
            {
                error = "node '" + p.name + "': lma=" + p.lma + " names no LMA";
                return false;
            }
        }
        if (p.access == "wifi")
        {
            auto [it, fresh] = wifiPositions.emplace(std::make_pair(p.x, p.y), p.name);
            if (!fresh)
            {
                error = "Wi-Fi MAGs '" + it->second + "' and '" + p.name +
                        "' have the same position (" + ToString(p.x) + ", " + ToString(p.y) +
                        "): give each access point its own x and y";
                return false;
            }
        }
    }
    if (boost::num_edges(graph) > g_maxIndex)
    {
        error = "more than 65535 links";
        return false;
    }
    std::vector<uint32_t> degree(n, 0);
    auto [it, end] = boost::edges(graph);
    for (; it != end; ++it)
    {
        uint32_t a = boost::source(*it, graph);
        uint32_t b = boost::target(*it, graph);
        const Pmipv6EdgeProperties& e = graph[*it];
        std::string link = "link '" + graph[a].name + "' -- '" + graph[b].name + "'";
        if (a == b)
        {
            error = link + " is a self-loop";
            return false;
        }
        if (e.type != "p2p" && e.type != "csma")
        {
            error = link + ": unknown type '" + e.type + "' (expected p2p or csma)";
            return false;
        }
        DataRate rate;
        if (!ParseRate(e.dataRate, rate))
        {
            error = link + ": bad rate '" + e.dataRate + "' (e.g. rate=\"100Mbps\")";
            return false;
        }
        Time delay;
        if (!ParseDelay(e.delay, delay))
        {
            error = link + ": bad delay '" + e.delay + "' (e.g. delay=\"2ms\")";
            return false;
        }
        double ratio;
        if (!ParseRatio(e.loss, ratio) || !ParseRatio(e.lossAb, ratio) ||
            !ParseRatio(e.lossBa, ratio))
        {
            error = link + ": loss, loss_ab and loss_ba must be ratios in [0, 1]";
            return false;
        }
        if (!ParseBurst(e.burst, ratio))
        {
            error = link + ": bad burst '" + e.burst + "' (a mean number of packets)";
            return false;
        }
        Time jitter;
        if (!e.jitter.empty() && !ParseDelay(e.jitter, jitter))
        {
            error = link + ": bad jitter '" + e.jitter + "' (e.g. jitter=\"3ms\")";
            return false;
        }
        std::vector<std::pair<double, double>> outages;
        if (!ParseTimePairs(e.down, '-', false, outages))
        {
            error = link + ": bad down '" + e.down + "' (e.g. down=\"3-5, 8-9\", in seconds)";
            return false;
        }
        for (const auto& [from, to] : outages)
        {
            if (!(to > from))
            {
                error = link + ": an outage must end after it starts";
                return false;
            }
        }
        degree[a]++;
        degree[b]++;
    }
    for (uint32_t v = 0; v < n; ++v)
    {
        if (degree[v] == 0)
        {
            error = "node '" + graph[v].name + "' has no link";
            return false;
        }
    }
    std::vector<int> component(n);
    if (boost::connected_components(graph, component.data()) > 1)
    {
        for (uint32_t v = 0; v < n; ++v)
        {
            if (component[v] != component[0])
            {
                error = "node '" + graph[v].name + "' is not connected to '" + graph[0].name +
                        "' (the topology must be connected)";
                return false;
            }
        }
    }
    return true;
}

Pmipv6Graph
Pmipv6TopologyHelper::MakeStar(uint32_t nMags,
                               std::string magLmaDelay,
                               std::string access,
                               bool aggregationSwitch)
{
    NS_ABORT_MSG_IF(nMags == 0, "Pmipv6TopologyHelper::MakeStar: at least one MAG");
    Pmipv6Graph g;
    double centre = (nMags - 1) * g_starSpacing / 2;
    auto cn = boost::add_vertex(g);
    g[cn].name = "cn";
    g[cn].role = "cn";
    g[cn].x = centre;
    g[cn].y = -2 * g_starSpacing;
    auto lma = boost::add_vertex(g);
    g[lma].name = "lma";
    g[lma].role = "lma";
    g[lma].x = centre;
    g[lma].y = -g_starSpacing;
    g[lma].aggregationSwitch = aggregationSwitch ? "1" : "";
    Pmipv6EdgeProperties core;
    core.dataRate = "1Gbps";
    core.delay = "2ms";
    boost::add_edge(cn, lma, core, g);
    Pmipv6EdgeProperties backhaul;
    backhaul.dataRate = "100Mbps";
    backhaul.delay = magLmaDelay;
    for (uint32_t i = 1; i <= nMags; ++i)
    {
        auto mag = boost::add_vertex(g);
        g[mag].name = "mag" + std::to_string(i);
        g[mag].role = "mag";
        g[mag].access = access;
        g[mag].x = (i - 1) * g_starSpacing;
        g[mag].y = 0;
        boost::add_edge(lma, mag, backhaul, g);
    }
    std::string error;
    NS_ABORT_MSG_UNLESS(Validate(g, error), "Pmipv6TopologyHelper::MakeStar: " << error);
    return g;
}

// ---------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------

void
Pmipv6TopologyHelper::BuildFromDot(const std::string& path)
{
    Build(ReadDot(path));
}

void
Pmipv6TopologyHelper::Build(const Pmipv6Graph& graph)
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(m_built,
                    "Pmipv6TopologyHelper::Build: already built (one topology per helper)");
    std::string error;
    if (!Validate(graph, error))
    {
        NS_FATAL_ERROR("Pmipv6TopologyHelper::Build: invalid topology: " << error);
    }
    m_graph = graph;
    m_built = true;
    const uint32_t n = boost::num_vertices(m_graph);

    // Nodes, stacks, positions; routers, LMAs and MAGs forward (interfaces added later too).
    for (uint32_t v = 0; v < n; ++v)
    {
        m_ipv4 = m_ipv4 || (m_graph[v].role == "lma" && IsIpv4Transport(v));
    }
    NodeContainer all;
    all.Create(n);
    Pmipv6Helper::InstallStack(all, m_ipv4);
    Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
    for (uint32_t v = 0; v < n; ++v)
    {
        m_nodes.push_back(all.Get(v));
        m_vertexByName[m_graph[v].name] = v;
        positions->Add(Vector(m_graph[v].x, m_graph[v].y, 0));
        if (m_graph[v].role != "cn")
        {
            all.Get(v)->GetObject<Ipv6>()->SetAttribute("IpForward", BooleanValue(true));
            if (m_ipv4)
            {
                all.Get(v)->GetObject<Ipv4>()->SetAttribute("IpForward", BooleanValue(true));
            }
        }
    }
    MobilityHelper mobility;
    mobility.SetPositionAllocator(positions);
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.Install(all);

    // Transport links, one /64 each, except those through an aggregation switch.
    m_incident.assign(n, {});
    PointToPointHelper p2p;
    CsmaHelper csma;
    std::vector<uint32_t> degree(n, 0);
    {
        auto [it, end] = boost::edges(m_graph);
        for (; it != end; ++it)
        {
            degree[boost::source(*it, m_graph)]++;
            degree[boost::target(*it, m_graph)]++;
        }
    }

    /// One switched segment: the switch, its vertex's end and the addresses given out.
    struct Segment
    {
        Ptr<Node> node;              ///< the switch
        Ptr<BridgeNetDevice> bridge; ///< its bridge
        Ipv6AddressHelper addresses; ///< the segment's /64
        Ipv6Address prefix;          ///< the /64
        Ipv6Address hubAddress;      ///< the vertex's address
        uint32_t hubInterface{0};    ///< the vertex's interface
        Ptr<NdiscCache> hubCache;    ///< its neighbour cache
        Address hubMac;              ///< its MAC address
    };

    std::map<uint32_t, Segment> segments;
    // Assign one address on a switched segment without DAD (a multicast NS would flood
    // every port; the addresses are unique by construction).
    auto assignNoDad = [](Ptr<Node> node, Ipv6AddressHelper& helper, Ptr<NetDevice> device) {
        Ptr<Icmpv6L4Protocol> icmpv6 = node->GetObject<Icmpv6L4Protocol>();
        BooleanValue dad;
        icmpv6->GetAttribute("DAD", dad);
        icmpv6->SetAttribute("DAD", BooleanValue(false));
        Ipv6InterfaceContainer c = helper.Assign(NetDeviceContainer(device));
        icmpv6->SetAttribute("DAD", dad);
        return c;
    };
    auto [it, end] = boost::edges(m_graph);
    for (; it != end; ++it)
    {
        uint32_t k = m_links.size() + 1;
        LinkInfo link;
        link.a = boost::source(*it, m_graph);
        link.b = boost::target(*it, m_graph);
        link.properties = m_graph[*it];
        DataRate rate;
        Time delay;
        ParseRate(link.properties.dataRate, rate);
        ParseDelay(link.properties.delay, delay);
        link.weight = delay.GetSeconds() + g_hopPenalty;
        uint32_t hub = n;
        if (HasSwitch(m_graph[link.a]) && degree[link.b] == 1 && m_graph[link.b].role == "mag")
        {
            hub = link.a;
        }
        else if (HasSwitch(m_graph[link.b]) && degree[link.a] == 1 && m_graph[link.a].role == "mag")
        {
            hub = link.b;
        }
        if (hub != n)
        {
            uint32_t leaf = hub == link.a ? link.b : link.a;
            Segment& s = segments[hub];
            if (!s.node)
            {
                s.node = CreateObject<Node>();
                m_switches.push_back(s.node);
                s.bridge = CreateObject<BridgeNetDevice>();
                s.node->AddDevice(s.bridge);
                s.prefix = LinkPrefix(k);
                s.addresses.SetBase(s.prefix, Ipv6Prefix(64));
                csma.SetChannelAttribute("DataRate", StringValue(g_switchUplinkRate));
                csma.SetChannelAttribute("Delay", TimeValue(Seconds(0)));
                NetDeviceContainer uplink = csma.Install(NodeContainer(m_nodes[hub], s.node));
                s.bridge->AddBridgePort(uplink.Get(1));
                Ipv6InterfaceContainer c = assignNoDad(m_nodes[hub], s.addresses, uplink.Get(0));
                s.hubAddress = c.GetAddress(0, 1);
                s.hubInterface = c.GetInterfaceIndex(0);
                s.hubMac = uplink.Get(0)->GetAddress();
                s.hubCache = m_nodes[hub]
                                 ->GetObject<Ipv6L3Protocol>()
                                 ->GetInterface(s.hubInterface)
                                 ->GetNdiscCache();
            }
            // Full duplex (a CSMA link is busy for a frame's propagation delay in both
            // directions, which caps it at 1 / delay frames per second).
            SimpleNetDeviceHelper simple;
            simple.SetDeviceAttribute("DataRate", DataRateValue(rate));
            simple.SetChannelAttribute("Delay", TimeValue(delay));
            NetDeviceContainer port = simple.Install(NodeContainer(m_nodes[leaf], s.node));
            for (uint32_t d = 0; d < 2; ++d)
            {
                port.Get(d)->SetMtu(g_switchMtu);
            }
            s.bridge->AddBridgePort(port.Get(1));
            Ipv6InterfaceContainer c = assignNoDad(m_nodes[leaf], s.addresses, port.Get(0));
            Ipv6Address leafAddress = c.GetAddress(0, 1);
            uint32_t leafInterface = c.GetInterfaceIndex(0);
            // Permanent neighbour entries both ways: no NS to flood the switch's ports.
            auto pin = [](Ptr<NdiscCache> cache, Ipv6Address address, Address mac) {
                NdiscCache::Entry* entry = cache->Lookup(address);
                entry = entry ? entry : cache->Add(address);
                entry->SetRouter(true);
                entry->SetMacAddress(mac);
                entry->MarkPermanent();
            };
            pin(s.hubCache, leafAddress, port.Get(0)->GetAddress());
            pin(m_nodes[leaf]
                    ->GetObject<Ipv6L3Protocol>()
                    ->GetInterface(leafInterface)
                    ->GetNdiscCache(),
                s.hubAddress,
                s.hubMac);
            link.prefix = s.prefix;
            // The hub's end of this edge is the switch port facing the leaf: its receive
            // error model and its channel are this edge's alone (faults, jitter).
            bool hubIsA = hub == link.a;
            link.addressA = hubIsA ? s.hubAddress : leafAddress;
            link.addressB = hubIsA ? leafAddress : s.hubAddress;
            link.interfaceA = hubIsA ? s.hubInterface : leafInterface;
            link.interfaceB = hubIsA ? leafInterface : s.hubInterface;
            link.deviceA = hubIsA ? port.Get(1) : port.Get(0);
            link.deviceB = hubIsA ? port.Get(0) : port.Get(1);
            m_incident[link.a].push_back(k - 1);
            m_incident[link.b].push_back(k - 1);
            m_links.push_back(link);
            continue;
        }
        NetDeviceContainer devices;
        if (link.properties.type == "p2p")
        {
            p2p.SetDeviceAttribute("DataRate", DataRateValue(rate));
            p2p.SetChannelAttribute("Delay", TimeValue(delay));
            devices = p2p.Install(m_nodes[link.a], m_nodes[link.b]);
        }
        else
        {
            csma.SetChannelAttribute("DataRate", DataRateValue(rate));
            csma.SetChannelAttribute("Delay", TimeValue(delay));
            devices = csma.Install(NodeContainer(m_nodes[link.a], m_nodes[link.b]));
        }
        link.prefix = LinkPrefix(k);
        Ipv6AddressHelper address;
        address.SetBase(link.prefix, Ipv6Prefix(64));
        Ipv6InterfaceContainer interfaces = address.Assign(devices);
        link.addressA = interfaces.GetAddress(0, 1);
        link.addressB = interfaces.GetAddress(1, 1);
        link.interfaceA = interfaces.GetInterfaceIndex(0);
        link.interfaceB = interfaces.GetInterfaceIndex(1);
        link.deviceA = devices.Get(0);
        link.deviceB = devices.Get(1);
        if (m_ipv4)
        {
            NS_ABORT_MSG_IF(k >= g_ipv4PoolOctet * 256,
                            "Pmipv6TopologyHelper::Build: too many links for IPv4 /24s");
            link.ipv4 = true;
            link.ipv4Prefix = Ipv4Address((10u << 24) | (k << 8));
            Ipv4AddressHelper address4(link.ipv4Prefix, Ipv4Mask("/24"));
            Ipv4InterfaceContainer interfaces4 = address4.Assign(devices);
            link.ipv4A = interfaces4.GetAddress(0);
            link.ipv4B = interfaces4.GetAddress(1);
            link.ipv4InterfaceA = interfaces4.Get(0).second;
            link.ipv4InterfaceB = interfaces4.Get(1).second;
        }
        m_incident[link.a].push_back(k - 1);
        m_incident[link.b].push_back(k - 1);
        m_links.push_back(link);
    }

    ComputeShortestPaths();

    // LMAs: the LMA address is the first transport address; each LMA assigns home network
    // prefixes from its own block 2001:1:<index>::/48, the block the routes lead to it.
    uint16_t lmaIndex = 0;
    for (uint32_t v = 0; v < n; ++v)
    {
        if (m_graph[v].role == "lma")
        {
            m_lmaIndex[v] = ++lmaIndex;
            if (IsIpv4Transport(v))
            {
                Ipv4Address ipv4Lmaa = GetIpv4Address(m_graph[v].name);
                NS_ABORT_MSG_IF(ipv4Lmaa == Ipv4Address::GetAny(),
                                "Pmipv6TopologyHelper::Build: LMA '"
                                    << m_graph[v].name << "' has no IPv4 link (transport=v4)");
                m_lmas[v] = m_pmip.InstallLma(m_nodes[v], ipv4Lmaa);
            }
            else
            {
                m_lmas[v] = m_pmip.InstallLma(m_nodes[v], GetAddress(m_graph[v].name));
            }
            if (m_ipv4)
            {
                Ptr<LmaIpv4Extension> ipv4 = m_pmip.EnableIpv4(m_lmas[v]);
                ipv4->SetAttribute("PoolNetwork",
                                   Ipv4AddressValue(Ipv4Address(
                                       (10u << 24) | ((g_ipv4PoolOctet + lmaIndex) << 16))));
                ipv4->SetAttribute("PoolMask", Ipv4MaskValue(Ipv4Mask("/16")));
            }
            Ptr<PrefixPool> pool = CreateObject<PrefixPool>();
            pool->SetAttribute("BasePrefix", Ipv6AddressValue(HnpBlock(lmaIndex)));
            pool->SetAttribute("BasePrefixLength", UintegerValue(48));
            pool->SetAttribute("AllocatedPrefixLength", UintegerValue(64));
            m_lmas[v]->SetPrefixPool(pool);
        }
    }

    // MAGs: the nearest LMA unless named; Proxy-CoA on the link towards it; access link.
    for (uint32_t v = 0; v < n; ++v)
    {
        const Pmipv6VertexProperties& p = m_graph[v];
        if (p.role != "mag")
        {
            continue;
        }
        MagInfo info;
        if (!p.lma.empty())
        {
            info.lma = VertexOf(p.lma);
        }
        else
        {
            double best = std::numeric_limits<double>::infinity();
            for (const auto& [lma, app] : m_lmas)
            {
                if (m_dist[lma][v] < best)
                {
                    best = m_dist[lma][v];
                    info.lma = lma;
                }
            }
        }
        const LinkInfo& up = m_links[FirstLink(v, info.lma)];
        Ipv6Address proxyCoa = up.a == v ? up.addressA : up.addressB;
        Ipv6Address lmaAddress = m_lmas[info.lma]->GetAddress();
        bool v4Transport = IsIpv4Transport(info.lma);
        Ipv4Address ipv4ProxyCoa = up.a == v ? up.ipv4A : up.ipv4B;
        Ipv4Address ipv4Lmaa = GetIpv4Address(m_graph[info.lma].name);
        NS_ABORT_MSG_IF(v4Transport && !up.ipv4,
                        "Pmipv6TopologyHelper::Build: MAG '"
                            << p.name << "' reaches its LMA over a link without IPv4 (an "
                            << "aggregation switch): transport=v4 needs IPv4 links");
        if (v4Transport)
        {
            proxyCoa = Pmipv6Helper::GetIpv4TransportAddress(ipv4ProxyCoa);
        }
        if (p.access == "csma" || p.access == "p2p")
        {
            NetDeviceContainer device;
            if (p.access == "csma")
            {
                Ptr<CsmaChannel> channel = m_csmaChannelFactory.Create<CsmaChannel>();
                device = CsmaHelper().Install(m_nodes[v], channel);
                info.accessChannel = channel;
            }
            else
            {
                // One point-to-point link per mobile node, all ending on the MAG's one device
                // (PointToPointAccessChannel): the CSMA access links' rate and delay.
                Ptr<PointToPointAccessChannel> channel = CreateObject<PointToPointAccessChannel>();
                channel->SetAttribute("Delay", TimeValue(m_accessDelay));
                SimpleNetDeviceHelper access;
                access.SetDeviceAttribute("DataRate", DataRateValue(m_accessRate));
                device = access.Install(m_nodes[v], channel);
                device.Get(0)->SetMtu(g_accessMtu);
                info.accessChannel = channel;
            }
            info.accessDevice = device.Get(0);
            info.app = v4Transport ? m_pmip.InstallMag(m_nodes[v], ipv4ProxyCoa, ipv4Lmaa, device)
                                   : m_pmip.InstallMag(m_nodes[v], proxyCoa, lmaAddress, device);
        }
        else
        {
            if (!m_wifiChannel)
            {
                m_wifiChannel = YansWifiChannelHelper::Default().Create();
            }
            WifiHelper wifi;
            wifi.SetStandard(WIFI_STANDARD_80211a);
            wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                         "DataMode",
                                         StringValue(m_wifiDataMode),
                                         "ControlMode",
                                         StringValue("OfdmRate6Mbps"));
            YansWifiPhyHelper phy;
#if defined(PMIPV6_NS3_VERSION) && PMIPV6_NS3_VERSION <= 331
            phy = YansWifiPhyHelper::Default(); // 3.31's constructor sets no error model
#endif
            phy.SetChannel(DynamicCast<YansWifiChannel>(m_wifiChannel));
            WifiMacHelper mac;
            mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(Ssid(g_ssid)));
            NetDeviceContainer ap = wifi.Install(phy, mac, m_nodes[v]);
            info.accessDevice = ap.Get(0);
            if (v4Transport)
            {
                // as Pmipv6Helper::InstallMag(node, Ipv4Address, ...) does for wired access
                Pmipv6Ipv4Transport::Install(m_nodes[v], ipv4ProxyCoa)
                    ->SetPeer(lmaAddress, ipv4Lmaa);
            }
            info.app = m_pmip.InstallWifiMag(m_nodes[v], proxyCoa, lmaAddress, ap);
            if (v4Transport)
            {
                info.app->AddExtension(CreateObject<MagIpv4TransportExtension>());
            }
        }
        if (m_ipv4)
        {
            m_pmip.EnableIpv4(info.app);
        }
        m_mags[v] = info;
        m_accessFaults[v] = std::make_shared<AccessFault>();
    }

    InstallRoutes();
    if (m_ipv4)
    {
        InstallIpv4Routes();
    }
    ApplyGraphFaults();
    NS_LOG_INFO("built " << n << " nodes, " << m_links.size() << " links, " << m_lmas.size()
                         << " LMAs, " << m_mags.size() << " MAGs");
}

bool
Pmipv6TopologyHelper::HasSwitch(const Pmipv6VertexProperties& p)
{
    return p.aggregationSwitch == "1" || p.aggregationSwitch == "true";
}

void
Pmipv6TopologyHelper::ComputeShortestPaths()
{
    typedef boost::adjacency_list<boost::vecS,
                                  boost::vecS,
                                  boost::undirectedS,
                                  boost::no_property,
                                  boost::property<boost::edge_weight_t, double>>
        Weighted;
    const uint32_t n = boost::num_vertices(m_graph);
    Weighted g(n);
    for (const LinkInfo& link : m_links)
    {
        boost::add_edge(link.a, link.b, link.weight, g);
    }
    m_pred.assign(n, std::vector<uint32_t>(n));
    m_dist.assign(n, std::vector<double>(n));
    std::vector<Weighted::vertex_descriptor> pred(n);
    for (uint32_t to = 0; to < n; ++to)
    {
        // Paths from `to`: the predecessor of v is v's next hop towards `to`.
        boost::dijkstra_shortest_paths(
            g,
            to,
            boost::predecessor_map(
                boost::make_iterator_property_map(pred.begin(), boost::get(boost::vertex_index, g)))
                .distance_map(
                    boost::make_iterator_property_map(m_dist[to].begin(),
                                                      boost::get(boost::vertex_index, g))));
        for (uint32_t v = 0; v < n; ++v)
        {
            m_pred[to][v] = pred[v];
        }
    }
}

uint32_t
Pmipv6TopologyHelper::FirstLink(uint32_t from, uint32_t to) const
{
    NS_ASSERT(from != to);
    uint32_t hop = m_pred[to][from];
    NS_ASSERT_MSG(hop != from, "no path from " << m_graph[from].name << " to " << m_graph[to].name);
    uint32_t best = std::numeric_limits<uint32_t>::max();
    for (uint32_t k : m_incident[from])
    {
        const LinkInfo& link = m_links[k];
        if ((link.a == hop || link.b == hop) &&
            (best == std::numeric_limits<uint32_t>::max() || link.weight < m_links[best].weight))
        {
            best = k;
        }
    }
    NS_ASSERT(best != std::numeric_limits<uint32_t>::max());
    return best;
}

void
Pmipv6TopologyHelper::InstallRoutes()
{
    const uint32_t n = boost::num_vertices(m_graph);
    // Next hop address and outgoing interface of `v` over link k.
    auto via = [this](uint32_t v, uint32_t k) {
        const LinkInfo& l = m_links[k];
        return l.a == v ? std::make_pair(l.addressB, l.interfaceA)
                        : std::make_pair(l.addressA, l.interfaceB);
    };
    for (uint32_t v = 0; v < n; ++v)
    {
        // Hashed lookups (and local delivery from any interface): the cost of a packet at
        // the LMA of a star does not grow with the number of MAGs, as it would with
        // Ipv6StaticRouting's route list.
        Ptr<Ipv6HashRouting> routing = Ipv6HashRouting::Install(m_nodes[v]);
        if (Ptr<Pmipv6Ipv4Transport> transport = m_nodes[v]->GetObject<Pmipv6Ipv4Transport>())
        {
            // IPv4 transport (RFC 5844 4): the IPv4-mapped peers through the transport's
            // interface, as its own static route says (this protocol decides first)
            routing->AddNetworkRouteTo(Pmipv6Ipv4Transport::MapIpv4(Ipv4Address::GetAny()),
                                       96,
                                       Ipv6Address::GetAny(),
                                       transport->GetInterface());
        }
        if (m_incident[v].size() == 1)
        {
            auto [nextHop, interface] = via(v, m_incident[v][0]);
            routing->SetDefaultRoute(nextHop, interface);
            continue;
        }
        for (uint32_t k = 0; k < m_links.size(); ++k)
        {
            const LinkInfo& l = m_links[k];
            if (l.a == v || l.b == v)
            {
                continue;
            }
            uint32_t target = m_dist[l.a][v] <= m_dist[l.b][v] ? l.a : l.b;
            auto [nextHop, interface] = via(v, FirstLink(v, target));
            routing->AddNetworkRouteTo(l.prefix, 64, nextHop, interface);
        }
        for (const auto& [lma, index] : m_lmaIndex)
        {
            if (lma == v)
            {
                continue;
            }
            auto [nextHop, interface] = via(v, FirstLink(v, lma));
            routing->AddNetworkRouteTo(HnpBlock(index), 48, nextHop, interface);
        }

        if (m_graph[v].role == "cn")
        {
            uint32_t nearest = m_lmaIndex.begin()->first;
            for (const auto& [lma, index] : m_lmaIndex)
            {
                nearest = m_dist[lma][v] < m_dist[nearest][v] ? lma : nearest;
            }
            auto [nextHop, interface] = via(v, FirstLink(v, nearest));
            routing->SetDefaultRoute(nextHop, interface);
        }
    }
}

void
Pmipv6TopologyHelper::InstallIpv4Routes()
{
    const uint32_t n = boost::num_vertices(m_graph);
    // Next hop IPv4 address and outgoing interface of `v` over link k (IPv4 links only).
    auto via = [this](uint32_t v, uint32_t k) {
        const LinkInfo& l = m_links[k];
        return l.a == v ? std::make_pair(l.ipv4B, l.ipv4InterfaceA)
                        : std::make_pair(l.ipv4A, l.ipv4InterfaceB);
    };
    for (uint32_t v = 0; v < n; ++v)
    {
        // Ipv4StaticRouting scans its routes for each packet: O(links) per packet on a node
        // with several links (the IPv6 routes are hashed, see InstallRoutes()).
        Ptr<Ipv4StaticRouting> routing =
            Ipv4StaticRoutingHelper().GetStaticRouting(m_nodes[v]->GetObject<Ipv4>());
        std::vector<uint32_t> links4;
        for (uint32_t k : m_incident[v])
        {
            if (m_links[k].ipv4)
            {
                links4.push_back(k);
            }
        }
        if (links4.empty())
        {
            continue;
        }
        if (m_incident[v].size() == 1)
        {
            auto [nextHop, interface] = via(v, links4.front());
            routing->SetDefaultRoute(nextHop, interface);
            continue;
        }
        auto route = [&](uint32_t target, Ipv4Address network, Ipv4Mask mask) {
            uint32_t k = FirstLink(v, target);
            if (!m_links[k].ipv4)
            {
                return;
            }
            auto [nextHop, interface] = via(v, k);
            routing->AddNetworkRouteTo(network, mask, nextHop, interface);
        };
        for (uint32_t k = 0; k < m_links.size(); ++k)
        {
            const LinkInfo& l = m_links[k];
            if (l.a == v || l.b == v || !l.ipv4)
            {
                continue;
            }
            route(m_dist[l.a][v] <= m_dist[l.b][v] ? l.a : l.b, l.ipv4Prefix, Ipv4Mask("/24"));
        }
        for (const auto& [lma, index] : m_lmaIndex)
        {
            if (lma != v)
            {
                route(lma,
                      Ipv4Address((10u << 24) | ((g_ipv4PoolOctet + index) << 16)),
                      Ipv4Mask("/16"));
            }
        }
        if (m_graph[v].role == "cn")
        {
            uint32_t nearest = m_lmaIndex.begin()->first;
            for (const auto& [lma, index] : m_lmaIndex)
            {
                nearest = m_dist[lma][v] < m_dist[nearest][v] ? lma : nearest;
            }
            uint32_t k = FirstLink(v, nearest);
            if (m_links[k].ipv4)
            {
                auto [nextHop, interface] = via(v, k);
                routing->SetDefaultRoute(nextHop, interface);
            }
        }
    }
}

bool
Pmipv6TopologyHelper::IsIpv4Transport(uint32_t lma) const
{
    const std::string& t = m_graph[lma].transport;
    return t == "v4" || (t.empty() && m_transport == "v4");
}

void
Pmipv6TopologyHelper::SetIpv4(bool enable)
{
    NS_ABORT_MSG_IF(m_built, "Pmipv6TopologyHelper::SetIpv4: call before Build()");
    m_ipv4 = enable;
}

void
Pmipv6TopologyHelper::SetTransport(const std::string& transport)
{
    NS_ABORT_MSG_IF(m_built, "Pmipv6TopologyHelper::SetTransport: call before Build()");
    NS_ABORT_MSG_IF(transport != "v6" && transport != "v4",
                    "Pmipv6TopologyHelper::SetTransport: v6 or v4, not '" << transport << "'");
    m_transport = transport;
}

void
Pmipv6TopologyHelper::SetMobileNodeIp(const std::string& ip)
{
    NS_ABORT_MSG_IF(ip != "v6" && ip != "v4" && ip != "dual",
                    "Pmipv6TopologyHelper::SetMobileNodeIp: v6, v4 or dual, not '" << ip << "'");
    m_mnIp = ip;
}

void
Pmipv6TopologyHelper::SetMobileNodeDhcp(bool enable)
{
    m_mnDhcp = enable;
}

std::string
Pmipv6TopologyHelper::GetMobileNodeIp(const std::string& mnId) const
{
    MobileOf(mnId);
    auto it = m_mnIps.find(mnId);
    return it == m_mnIps.end() ? "v6" : it->second;
}

Ipv4Address
Pmipv6TopologyHelper::GetIpv4Address(const std::string& name) const
{
    uint32_t v = VertexOf(name);
    for (uint32_t k : m_incident.at(v))
    {
        const LinkInfo& l = m_links[k];
        if (l.ipv4)
        {
            return l.a == v ? l.ipv4A : l.ipv4B;
        }
    }
    return Ipv4Address::GetAny();
}

Ipv4Address
Pmipv6TopologyHelper::GetIpv4HomeAddress(const std::string& mnId) const
{
    Ptr<LmaIpv4Extension> ipv4 = m_lmas.at(MobileOf(mnId)->lma)->GetExtension<LmaIpv4Extension>();
    return ipv4 ? ipv4->GetHomeAddress(mnId) : Ipv4Address::GetAny();
}

std::string
Pmipv6TopologyHelper::GetTransport(const std::string& lmaName) const
{
    uint32_t v = VertexOf(lmaName);
    NS_ABORT_MSG_IF(m_lmas.count(v) == 0,
                    "Pmipv6TopologyHelper::GetTransport: '" << lmaName << "' is not an LMA");
    return IsIpv4Transport(v) ? "v4" : "v6";
}

void
Pmipv6TopologyHelper::AddHnpBlockRoutes(uint32_t lma, Ipv6Address block)
{
    NS_LOG_FUNCTION(this << lma << block);
    // As InstallRoutes() does for the LMA's first block: nodes with a single link reach it
    // through their default route.
    for (uint32_t v = 0; v < m_nodes.size(); ++v)
    {
        if (v == lma || m_incident[v].size() == 1)
        {
            continue;
        }
        const LinkInfo& l = m_links[FirstLink(v, lma)];
        Ipv6Address nextHop = l.a == v ? l.addressB : l.addressA;
        uint32_t interface = l.a == v ? l.interfaceA : l.interfaceB;
        Ipv6HashRouting::Install(m_nodes[v])->AddNetworkRouteTo(block, 48, nextHop, interface);
    }
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

uint32_t
Pmipv6TopologyHelper::VertexOf(const std::string& name) const
{
    auto it = m_vertexByName.find(name);
    NS_ABORT_MSG_IF(it == m_vertexByName.end(),
                    "Pmipv6TopologyHelper: no node named '"
                        << name << "'" << (m_built ? "" : " (Build() was not called)"));
    return it->second;
}

std::shared_ptr<Pmipv6TopologyHelper::MobileState>
Pmipv6TopologyHelper::MobileOf(const std::string& mnId) const
{
    auto it = m_mobiles.find(mnId);
    NS_ABORT_MSG_IF(it == m_mobiles.end(), "Pmipv6TopologyHelper: no mobile node '" << mnId << "'");
    return it->second;
}

Ptr<Node>
Pmipv6TopologyHelper::GetNode(const std::string& name) const
{
    auto mobile = m_mobiles.find(name);
    if (mobile != m_mobiles.end())
    {
        return mobile->second->node;
    }
    return m_nodes[VertexOf(name)];
}

NodeContainer
Pmipv6TopologyHelper::GetNodes(const std::string& role) const
{
    NodeContainer nodes;
    if (role == "mn")
    {
        for (const std::string& mnId : m_mobileOrder)
        {
            nodes.Add(m_mobiles.at(mnId)->node);
        }
        return nodes;
    }
    NS_ABORT_MSG_IF(g_roles.count(role) == 0,
                    "Pmipv6TopologyHelper: unknown role '" << role << "'");
    for (uint32_t v = 0; v < m_nodes.size(); ++v)
    {
        if (m_graph[v].role == role)
        {
            nodes.Add(m_nodes[v]);
        }
    }
    return nodes;
}

std::vector<std::string>
Pmipv6TopologyHelper::GetNames(const std::string& role) const
{
    std::vector<std::string> names;
    for (uint32_t v = 0; v < m_nodes.size(); ++v)
    {
        if (m_graph[v].role == role)
        {
            names.push_back(m_graph[v].name);
        }
    }
    return names;
}

std::vector<std::string>
Pmipv6TopologyHelper::GetMagNames() const
{
    return GetNames("mag");
}

Ptr<Pmipv6LmaApplication>
Pmipv6TopologyHelper::GetLma(const std::string& name) const
{
    auto it = m_lmas.find(VertexOf(name));
    NS_ABORT_MSG_IF(it == m_lmas.end(), "Pmipv6TopologyHelper: '" << name << "' is not an LMA");
    return it->second;
}

Ptr<Pmipv6MagApplication>
Pmipv6TopologyHelper::GetMag(const std::string& name) const
{
    auto it = m_mags.find(VertexOf(name));
    NS_ABORT_MSG_IF(it == m_mags.end(), "Pmipv6TopologyHelper: '" << name << "' is not a MAG");
    return it->second.app;
}

Ipv6Address
Pmipv6TopologyHelper::GetAddress(const std::string& name) const
{
    uint32_t v = VertexOf(name);
    const LinkInfo& first = m_links[m_incident[v].front()];
    return first.a == v ? first.addressA : first.addressB;
}

std::string
Pmipv6TopologyHelper::GetMagLma(const std::string& magName) const
{
    auto it = m_mags.find(VertexOf(magName));
    NS_ABORT_MSG_IF(it == m_mags.end(), "Pmipv6TopologyHelper: '" << magName << "' is not a MAG");
    return m_graph[it->second.lma].name;
}

Ptr<NetDevice>
Pmipv6TopologyHelper::GetAccessDevice(const std::string& magName) const
{
    auto it = m_mags.find(VertexOf(magName));
    NS_ABORT_MSG_IF(it == m_mags.end(), "Pmipv6TopologyHelper: '" << magName << "' is not a MAG");
    return it->second.accessDevice;
}

std::vector<std::string>
Pmipv6TopologyHelper::GetShortestPath(const std::string& from, const std::string& to) const
{
    uint32_t v = VertexOf(from);
    uint32_t t = VertexOf(to);
    std::vector<std::string> path{m_graph[v].name};
    while (v != t)
    {
        v = m_pred[t][v];
        path.push_back(m_graph[v].name);
    }
    return path;
}

const Pmipv6Graph&
Pmipv6TopologyHelper::GetGraph() const
{
    return m_graph;
}

// ---------------------------------------------------------------------------------------------
// Mobile nodes
// ---------------------------------------------------------------------------------------------

std::shared_ptr<Pmipv6TopologyHelper::Attachment>
Pmipv6TopologyHelper::AttachmentOf(uint32_t magVertex) const
{
    const MagInfo& info = m_mags.at(magVertex);
    auto a = std::make_shared<Attachment>();
    a->mag = m_graph[magVertex].name;
    a->app = info.app;
    a->access = info.accessDevice;
    a->channel = DynamicCast<CsmaChannel>(info.accessChannel);
    a->p2p = DynamicCast<PointToPointAccessChannel>(info.accessChannel);
    a->ap = Vector(m_graph[magVertex].x, m_graph[magVertex].y, 0);
    a->wifi = m_graph[magVertex].access == "wifi";
    a->fault = m_accessFaults.at(magVertex);
    return a;
}

void
Pmipv6TopologyHelper::DoAttach(std::shared_ptr<MobileState> mn,
                               uint32_t port,
                               std::shared_ptr<Attachment> to)
{
    NS_LOG_FUNCTION(mn->mnId << port << to->mag);
    if (mn->current[port])
    {
        DoDetach(mn, port);
    }
    bool first = mn->moves[port] == 0;
    mn->moves[port]++;
    Ptr<NetDevice> device = mn->devices[port];
    if (mn->wifi)
    {
        // Association with the access point (MAC layer) triggers the registration.
        mn->mobility->SetPosition(to->ap + g_stationOffset);
    }
    else
    {
        if (mn->p2p)
        {
            DynamicCast<SimpleNetDevice>(device)->SetChannel(to->p2p);
        }
        else
        {
            DynamicCast<CsmaNetDevice>(device)->Attach(to->channel);
        }
        // One interface: the MAG's DefaultHandoffIndicator. Several: each interface's first
        // attachment shares the prefix of the others (RFC 7864 HI 6, LmaFlowMobilityExtension);
        // a later one is the same interface moving (the MAG's default; the LMA finds the
        // interface's session by its MN link-layer identifier).
        uint8_t hi = mn->lif && first ? mip6::HI_NEW_INTERFACE_SHARED_PREFIX : 0;
        if (mn->lif)
        {
            mn->lif->SetPhysicalDeviceUp(port, true);
        }
        to->app->NotifyAttach(to->access, mn->mnId, device->GetAddress(), hi);
    }
    mn->current[port] = to;
    // The downlink loss of this access link, on the mobile device while it is here.
    if (to->fault->down > 0 || mn->downFaults[port])
    {
        if (!mn->downFaults[port])
        {
            mn->downFaults[port] = CreateObject<LinkFaultErrorModel>();
            mn->downFaults[port]->AssignStreams(mn->faultStream + port);
            if (mn->wifi)
            {
                DynamicCast<WifiNetDevice>(device)->GetPhy()->SetPostReceptionErrorModel(
                    mn->downFaults[port]);
            }
            else
            {
                if (mn->filters.empty())
                {
                    SetReceiveErrorModel(device, mn->downFaults[port]);
                }
                else
                {
                    // Behind the filter, which consults it first for every frame.
                    mn->filters[port]->SetNext(mn->downFaults[port]);
                }
            }
        }
        mn->downFaults[port]->SetLoss(to->fault->down, to->fault->burst);
        mn->downLostAtAttach[port] = mn->downFaults[port]->GetLost();
    }
}

void
Pmipv6TopologyHelper::DoDetach(std::shared_ptr<MobileState> mn, uint32_t port)
{
    if (!mn->current[port])
    {
        return;
    }
    NS_LOG_FUNCTION(mn->mnId << port << mn->current[port]->mag);
    if (mn->downFaults[port])
    {
        mn->current[port]->fault->downLost +=
            mn->downFaults[port]->GetLost() - mn->downLostAtAttach[port];
        mn->downLostAtAttach[port] = mn->downFaults[port]->GetLost();
    }
    uint64_t move = ++mn->moves[port];
    Ptr<NetDevice> device = mn->devices[port];
    if (mn->wifi)
    {
        // Leave the BSS the way a station does: a Disassociation frame, so that the access
        // point forgets the station (it would otherwise keep its association forever and not
        // report a later re-association) and the MAG de-registers it, as on CSMA. Out of
        // range once the frame is out, unless attached elsewhere meanwhile.
        Ptr<WifiNetDevice> sta = DynamicCast<WifiNetDevice>(device);
        Ptr<StaWifiMac> mac = DynamicCast<StaWifiMac>(sta->GetMac());
        if (mac && mac->IsAssociated())
        {
#if defined(PMIPV6_NS3_VERSION) && PMIPV6_NS3_VERSION < 337
            // waf-era ns-3 (pmipv6-ns3-compat.h): one link, and GetTxop () is protected
            Mac48Address bssid = mac->GetBssid();
            PointerValue txopValue;
            mac->GetAttribute("Txop", txopValue);
            Ptr<Txop> txop = txopValue.Get<Txop>();
#else
            Mac48Address bssid = mac->GetBssid(0);
            Ptr<Txop> txop = mac->GetTxop();
#endif
            WifiMacHeader hdr;
            hdr.SetType(WIFI_MAC_MGT_DISASSOCIATION);
            hdr.SetAddr1(bssid);
            hdr.SetAddr2(mac->GetAddress());
            hdr.SetAddr3(bssid);
            hdr.SetDsNotFrom();
            hdr.SetDsNotTo();
            uint8_t reason[2] = {g_disassociationReason & 0xff, g_disassociationReason >> 8};
            txop->Queue(Create<Packet>(reason, 2), hdr);
        }
        Simulator::Schedule(g_disassociationTime, [mn, move]() {
            if (mn->moves[0] == move)
            {
                mn->mobility->SetPosition(g_nowhere);
            }
        });
    }
    else
    {
        if (mn->lif)
        {
            mn->lif->SetPhysicalDeviceUp(port, false);
        }
        if (mn->p2p)
        {
            mn->current[port]->p2p->Detach(DynamicCast<SimpleNetDevice>(device));
        }
        else
        {
            mn->current[port]->channel->Detach(DynamicCast<CsmaNetDevice>(device));
        }
        mn->current[port]->app->NotifyDetach(mn->current[port]->access, device->GetAddress());
    }
    mn->current[port] = nullptr;
}

Ptr<Node>
Pmipv6TopologyHelper::AddMobileNode(const std::string& mnId,
                                    const std::string& firstMag,
                                    Time attachAt)
{
    std::vector<std::string> mags{firstMag};
    if (m_mnInterfaces > 1)
    {
        // Interface k at the k-th MAG after firstMag, in vertex order, cyclically.
        uint32_t magVertex = VertexOf(firstMag);
        NS_ABORT_MSG_IF(m_mags.count(magVertex) == 0,
                        "Pmipv6TopologyHelper::AddMobileNode: '" << firstMag << "' is not a MAG");
        auto it = m_mags.find(magVertex);
        for (uint32_t k = 1; k < m_mnInterfaces; ++k)
        {
            if (++it == m_mags.end())
            {
                it = m_mags.begin();
            }
            mags.push_back(m_graph[it->first].name);
        }
    }
    return AddMobileNode(mnId, mags, attachAt);
}

Ptr<Node>
Pmipv6TopologyHelper::AddMobileNode(const std::string& mnId,
                                    const std::vector<std::string>& mags,
                                    Time attachAt)
{
    NS_LOG_FUNCTION(this << mnId << mags.size() << attachAt);
    NS_ABORT_MSG_IF(!m_built, "Pmipv6TopologyHelper::AddMobileNode: call Build() first");
    NS_ABORT_MSG_IF(mnId.empty(), "Pmipv6TopologyHelper::AddMobileNode: empty identifier");
    NS_ABORT_MSG_IF(m_mobiles.count(mnId) || m_vertexByName.count(mnId),
                    "Pmipv6TopologyHelper::AddMobileNode: the name '" << mnId << "' is taken");
    NS_ABORT_MSG_IF(m_mobileOrder.size() >= g_maxMobileNodes,
                    "Pmipv6TopologyHelper::AddMobileNode: too many mobile nodes");
    NS_ABORT_MSG_IF(attachAt < Simulator::Now(),
                    "Pmipv6TopologyHelper::AddMobileNode: attachAt is in the past");
    NS_ABORT_MSG_IF(mags.empty() || mags.size() > g_maxMnInterfaces,
                    "Pmipv6TopologyHelper::AddMobileNode: 1 to " << g_maxMnInterfaces
                                                                 << " interfaces (MAGs)");
    std::vector<std::shared_ptr<Attachment>> firsts;
    for (const std::string& mag : mags)
    {
        uint32_t magVertex = VertexOf(mag);
        NS_ABORT_MSG_IF(m_mags.count(magVertex) == 0,
                        "Pmipv6TopologyHelper::AddMobileNode: '" << mag << "' is not a MAG");
        firsts.push_back(AttachmentOf(magVertex));
        NS_ABORT_MSG_IF(mags.size() > 1 && firsts.back()->wifi,
                        "Pmipv6TopologyHelper::AddMobileNode: a mobile node with several "
                        "interfaces attaches over CSMA or p2p; '"
                            << mag << "' has Wi-Fi access");
        NS_ABORT_MSG_IF((firsts.back()->p2p != nullptr) != (firsts.front()->p2p != nullptr),
                        "Pmipv6TopologyHelper::AddMobileNode: the interfaces of "
                            << mnId << " would attach to MAGs of different access (CSMA and p2p)");
        NS_ABORT_MSG_IF(m_mags.at(magVertex).lma != m_mags.at(VertexOf(mags.front())).lma,
                        "Pmipv6TopologyHelper::AddMobileNode: the MAGs of "
                            << mnId << " are served by different LMAs");
    }

    auto mn = std::make_shared<MobileState>();
    mn->mnId = mnId;
    mn->index = m_mobileOrder.size() + 1;
    mn->lma = m_mags.at(VertexOf(mags.front())).lma;
    // 2001:1:<lma>:<index>::/64; beyond 65535 nodes, from the further blocks (routed on
    // first use).
    uint16_t chunk = static_cast<uint16_t>(mn->index >> 16);
    mn->hnp = HomeNetworkPrefix(MakeAddress(0x2001,
                                            static_cast<uint16_t>(1 + chunk),
                                            m_lmaIndex.at(mn->lma),
                                            static_cast<uint16_t>(mn->index & 0xffff)),
                                64);
    if (chunk > 0 && m_hnpBlocks.insert({mn->lma, chunk}).second)
    {
        AddHnpBlockRoutes(mn->lma, HnpBlock(m_lmaIndex.at(mn->lma), chunk));
    }
    NS_ABORT_MSG_IF(m_mnIp != "v6" && !m_ipv4,
                    "Pmipv6TopologyHelper::AddMobileNode: ip="
                        << m_mnIp
                        << " needs IPv4 (SetIpv4(true) or "
                           "an IPv4 transport before Build())");
    mn->node = CreateObject<Node>();
    Pmipv6Helper::InstallStack(NodeContainer(mn->node), m_mnIp != "v6");
    mn->wifi = firsts.front()->wifi;
    mn->p2p = firsts.front()->p2p != nullptr;
    mn->current.assign(mags.size(), nullptr);
    mn->moves.assign(mags.size(), 0);
    mn->downFaults.assign(mags.size(), nullptr);
    mn->downLostAtAttach.assign(mags.size(), 0);
    mn->faultStream = m_faultStream;
    m_faultStream += mags.size();
    if (mn->wifi)
    {
        WifiHelper wifi;
        wifi.SetStandard(WIFI_STANDARD_80211a);
        wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                     "DataMode",
                                     StringValue(m_wifiDataMode),
                                     "ControlMode",
                                     StringValue("OfdmRate6Mbps"));
        YansWifiPhyHelper phy;
#if defined(PMIPV6_NS3_VERSION) && PMIPV6_NS3_VERSION <= 331
        phy = YansWifiPhyHelper::Default(); // 3.31's constructor sets no error model
#endif
        phy.SetChannel(DynamicCast<YansWifiChannel>(m_wifiChannel));
        WifiMacHelper mac;
        mac.SetType("ns3::StaWifiMac",
                    "Ssid",
                    SsidValue(Ssid(g_ssid)),
                    "ActiveProbing",
                    BooleanValue(false));
        mn->devices.push_back(wifi.Install(phy, mac, mn->node).Get(0));
        MobilityHelper mobility;
        mobility.SetMobilityModel("ns3::ConstantVelocityMobilityModel");
        mobility.Install(mn->node);
        mn->mobility = mn->node->GetObject<MobilityModel>();
        mn->mobility->SetPosition(g_nowhere);
    }
    else if (mn->p2p)
    {
        // On the link from attachAt only: attached by the helper, detached until then.
        SimpleNetDeviceHelper simple;
        simple.SetDeviceAttribute("DataRate", DataRateValue(m_accessRate));
        for (const auto& first : firsts)
        {
            Ptr<NetDevice> device = simple.Install(mn->node, first->p2p).Get(0);
            device->SetMtu(g_accessMtu);
            first->p2p->Detach(DynamicCast<SimpleNetDevice>(device));
            mn->devices.push_back(device);
        }
    }
    else
    {
        // On the link from attachAt only: attached by the helper, detached until then.
        CsmaHelper csma;
        for (const auto& first : firsts)
        {
            Ptr<NetDevice> device = csma.Install(mn->node, first->channel).Get(0);
            first->channel->Detach(DynamicCast<CsmaNetDevice>(device));
            mn->devices.push_back(device);
        }
    }
    if (mn->devices.size() > 1)
    {
        // A logical interface over the access devices (draft 001 section 6): one IPv6
        // interface, one home address; each device its own attachment, down until attached.
        NetDeviceContainer physical;
        for (const auto& device : mn->devices)
        {
            physical.Add(device);
        }
        mn->lif = LogicalInterfaceHelper().Install(physical);
        for (uint32_t k = 0; k < mn->devices.size(); ++k)
        {
            mn->lif->SetPhysicalDeviceUp(k, false);
        }
        // The second interface's session shares the prefix of the first (RFC 7864 HI 6).
        Ptr<Pmipv6LmaApplication> lma = m_lmas.at(mn->lma);
        if (!lma->GetExtension<LmaFlowMobilityExtension>())
        {
            lma->AddExtension(CreateObject<LmaFlowMobilityExtension>());
        }
    }
    // Not on "p2p" access: no other mobile node's frame reaches the device there (the MAG's
    // multicast still reaches every mobile node of the link, as on CSMA).
    if (m_mnMulticastFilter && !mn->wifi && !mn->p2p)
    {
        for (const auto& device : mn->devices)
        {
            Ptr<MulticastRxFilter> filter = CreateObject<MulticastRxFilter>();
            filter->SetDevice(mn->IpDevice());
            DynamicCast<CsmaNetDevice>(device)->SetReceiveErrorModel(filter);
            mn->filters.push_back(filter);
        }
    }
    m_pmip.AddMobileNode(mnId,
                         NetDeviceContainer(mn->IpDevice()),
                         m_lmas.at(mn->lma)->GetAddress(),
                         {mn->hnp});
    m_lmas.at(mn->lma)->GetPrefixPool()->Reserve(mn->hnp);
    if (m_mnIp != "v6")
    {
        // RFC 5844: the IPv4 home address from the LMA's pool, configured from the PBA or
        // by DHCP from the MAG; "v4" registers IPv4 only (3.1.3: no Home Network Prefix
        // option, no prefix in the binding, no Router Advertisement)
        m_pmip.EnableIpv4MobileNode(mnId,
                                    mn->IpDevice(),
                                    m_mnDhcp,
                                    attachAt + g_dhcpStartDelay,
                                    m_mnIp == "v4");
        m_mnIps[mnId] = m_mnIp;
    }
    if (m_magAuthorization)
    {
        Ptr<Pmipv6ProfileStore> store = m_pmip.GetProfileStore();
        Pmipv6Profile profile = *store->Lookup(mnId);
        for (const auto& [v, info] : m_mags)
        {
            profile.authorizedMags.insert(info.app->GetProxyCoa());
        }
        store->RemoveProfile(mnId);
        store->AddProfile(profile);
    }
    for (uint32_t k = 0; k < firsts.size(); ++k)
    {
        std::shared_ptr<Attachment> first = firsts[k];
        if (attachAt == Simulator::Now() && mn->wifi)
        {
            DoAttach(mn, k, first);
        }
        else
        {
            Simulator::Schedule(attachAt - Simulator::Now(),
                                [mn, k, first]() { DoAttach(mn, k, first); });
        }
    }
    m_mobiles[mnId] = mn;
    m_mobileOrder.push_back(mnId);
    m_mobileStates->push_back(mn);
    for (const auto& device : mn->devices)
    {
        EnablePcapOn(device);
    }
    return mn->node;
}

void
Pmipv6TopologyHelper::ScheduleMove(const std::string& mnId,
                                   const std::string& toMag,
                                   Time at,
                                   Time linkSwitchDelay)
{
    ScheduleMove(mnId, 0, toMag, at, linkSwitchDelay);
}

void
Pmipv6TopologyHelper::ScheduleMove(const std::string& mnId,
                                   uint32_t interface,
                                   const std::string& toMag,
                                   Time at,
                                   Time linkSwitchDelay)
{
    NS_LOG_FUNCTION(this << mnId << interface << toMag << at << linkSwitchDelay);
    std::shared_ptr<MobileState> mn = MobileOf(mnId);
    NS_ABORT_MSG_IF(interface >= mn->devices.size(),
                    "Pmipv6TopologyHelper::ScheduleMove: " << mnId << " has no interface "
                                                           << interface);
    uint32_t magVertex = VertexOf(toMag);
    NS_ABORT_MSG_IF(m_mags.count(magVertex) == 0,
                    "Pmipv6TopologyHelper::ScheduleMove: '" << toMag << "' is not a MAG");
    std::shared_ptr<Attachment> to = AttachmentOf(magVertex);
    auto kind = [](bool wifi, bool p2p) {
        return wifi ? "a Wi-Fi" : p2p ? "a point-to-point" : "a CSMA";
    };
    NS_ABORT_MSG_IF(to->wifi != mn->wifi || (to->p2p != nullptr) != mn->p2p,
                    "Pmipv6TopologyHelper::ScheduleMove: "
                        << mnId << " has " << kind(mn->wifi, mn->p2p) << " device and " << toMag
                        << " " << kind(to->wifi, to->p2p != nullptr) << " access link");
    NS_ABORT_MSG_IF(at < Simulator::Now() || linkSwitchDelay.IsStrictlyNegative(),
                    "Pmipv6TopologyHelper::ScheduleMove: the move is in the past");
    Simulator::Schedule(at - Simulator::Now(), [mn, interface]() { DoDetach(mn, interface); });
    Simulator::Schedule(at + linkSwitchDelay - Simulator::Now(),
                        [mn, interface, to]() { DoAttach(mn, interface, to); });
}

Ipv6Address
Pmipv6TopologyHelper::GetHomeAddress(const std::string& mnId) const
{
    std::shared_ptr<MobileState> mn = MobileOf(mnId);
    return Pmipv6Helper::GetHomeAddress(mn->IpDevice(), mn->hnp);
}

HomeNetworkPrefix
Pmipv6TopologyHelper::GetHomeNetworkPrefix(const std::string& mnId) const
{
    return MobileOf(mnId)->hnp;
}

Ptr<NetDevice>
Pmipv6TopologyHelper::GetMobileDevice(const std::string& mnId) const
{
    return MobileOf(mnId)->IpDevice();
}

Ptr<NetDevice>
Pmipv6TopologyHelper::GetMobileDevice(const std::string& mnId, uint32_t interface) const
{
    std::shared_ptr<MobileState> mn = MobileOf(mnId);
    NS_ABORT_MSG_IF(interface >= mn->devices.size(),
                    "Pmipv6TopologyHelper::GetMobileDevice: " << mnId << " has no interface "
                                                              << interface);
    return mn->devices[interface];
}

uint32_t
Pmipv6TopologyHelper::GetNInterfaces(const std::string& mnId) const
{
    return MobileOf(mnId)->devices.size();
}

std::string
Pmipv6TopologyHelper::GetMobileNodeLma(const std::string& mnId) const
{
    return m_graph[MobileOf(mnId)->lma].name;
}

std::string
Pmipv6TopologyHelper::GetCurrentMag(const std::string& mnId) const
{
    return GetCurrentMag(mnId, 0);
}

std::string
Pmipv6TopologyHelper::GetCurrentMag(const std::string& mnId, uint32_t interface) const
{
    std::shared_ptr<MobileState> mn = MobileOf(mnId);
    NS_ABORT_MSG_IF(interface >= mn->current.size(),
                    "Pmipv6TopologyHelper::GetCurrentMag: " << mnId << " has no interface "
                                                            << interface);
    return mn->current[interface] ? mn->current[interface]->mag : std::string();
}

void
Pmipv6TopologyHelper::SetMobileNodeInterfaces(uint32_t n)
{
    NS_ABORT_MSG_IF(n == 0 || n > g_maxMnInterfaces,
                    "Pmipv6TopologyHelper::SetMobileNodeInterfaces: 1 to " << g_maxMnInterfaces);
    m_mnInterfaces = n;
}

uint32_t
Pmipv6TopologyHelper::GetMobileNodeInterfaces() const
{
    return m_mnInterfaces;
}

void
Pmipv6TopologyHelper::SetMobileNodeMulticastFilter(bool enable)
{
    m_mnMulticastFilter = enable;
}

bool
Pmipv6TopologyHelper::GetMobileNodeMulticastFilter() const
{
    return m_mnMulticastFilter;
}

uint64_t
Pmipv6TopologyHelper::GetMulticastFiltered(const std::string& mnId) const
{
    uint64_t filtered = 0;
    for (const auto& filter : MobileOf(mnId)->filters)
    {
        filtered += filter->GetFiltered();
    }
    return filtered;
}

std::vector<std::string>
Pmipv6TopologyHelper::GetMobileNodeIds() const
{
    return m_mobileOrder;
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

void
Pmipv6TopologyHelper::EnablePcap(const std::string& prefix)
{
    NS_ABORT_MSG_IF(prefix.empty(), "Pmipv6TopologyHelper::EnablePcap: empty prefix");
    m_pcapPrefix = prefix;
    PointToPointHelper().EnablePcapAll(prefix);
    CsmaHelper().EnablePcapAll(prefix);
    for (const auto& [v, info] : m_mags)
    {
        if (m_graph[v].access == "p2p")
        {
            EnablePcapOn(info.accessDevice);
        }
    }
    if (m_wifiChannel)
    {
        NetDeviceContainer wifiDevices;
        for (const auto& [v, info] : m_mags)
        {
            if (m_graph[v].access == "wifi")
            {
                wifiDevices.Add(info.accessDevice);
            }
        }
        for (const std::string& mnId : m_mobileOrder)
        {
            if (m_mobiles.at(mnId)->wifi)
            {
                wifiDevices.Add(m_mobiles.at(mnId)->devices.front());
            }
        }
        YansWifiPhyHelper phy;
#if defined(PMIPV6_NS3_VERSION) && PMIPV6_NS3_VERSION <= 331
        phy = YansWifiPhyHelper::Default(); // 3.31's constructor sets no error model
#endif
        phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
        phy.EnablePcap(prefix, wifiDevices);
    }
}

void
Pmipv6TopologyHelper::EnablePcapOn(Ptr<NetDevice> device) const
{
    if (m_pcapPrefix.empty())
    {
        return;
    }
    if (DynamicCast<CsmaNetDevice>(device))
    {
        CsmaHelper().EnablePcap(m_pcapPrefix, device);
    }
    else if (auto simple = DynamicCast<SimpleNetDevice>(device))
    {
        // A point-to-point access link: one file at the MAG's end with every frame of the
        // link (both directions); the mobile nodes' ends have none of their own.
        auto channel = DynamicCast<PointToPointAccessChannel>(simple->GetChannel());
        if (channel && channel->GetMagDevice() == simple)
        {
            PcapHelper pcap;
            Ptr<PcapFileWrapper> file =
                pcap.CreateFile(pcap.GetFilenameFromDevice(m_pcapPrefix, device),
                                std::ios::out,
                                PcapHelper::DLT_EN10MB);
            channel->TraceConnectWithoutContext("Tx", MakeBoundCallback(&WriteAccessFrame, file));
        }
    }
    else if (DynamicCast<WifiNetDevice>(device))
    {
        YansWifiPhyHelper phy;
#if defined(PMIPV6_NS3_VERSION) && PMIPV6_NS3_VERSION <= 331
        phy = YansWifiPhyHelper::Default(); // 3.31's constructor sets no error model
#endif
        phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
        phy.EnablePcap(m_pcapPrefix, device);
    }
}

// ---------------------------------------------------------------------------------------------
// Faults
// ---------------------------------------------------------------------------------------------

void
Pmipv6TopologyHelper::EnableHeartbeat()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_built, "Pmipv6TopologyHelper: call Build() first");
    for (const auto& [v, lma] : m_lmas)
    {
        lma->AddExtension(CreateObject<LmaHeartbeatExtension>());
    }
    for (const auto& [v, info] : m_mags)
    {
        info.app->AddExtension(CreateObject<MagHeartbeatExtension>());
    }
}

void
Pmipv6TopologyHelper::SetMagAuthorization(bool enable)
{
    m_magAuthorization = enable;
}

void
Pmipv6TopologyHelper::SetFaultStreamBase(int64_t stream)
{
    m_faultStream = stream;
}

Ptr<LinkFaultErrorModel>
Pmipv6TopologyHelper::NewFaultModel()
{
    Ptr<LinkFaultErrorModel> model = CreateObject<LinkFaultErrorModel>();
    model->AssignStreams(m_faultStream++);
    return model;
}

uint32_t
Pmipv6TopologyHelper::LinkBetween(const std::string& a, const std::string& b) const
{
    uint32_t va = VertexOf(a);
    uint32_t vb = VertexOf(b);
    for (uint32_t k : m_incident.at(va))
    {
        const LinkInfo& l = m_links[k];
        if ((l.a == va && l.b == vb) || (l.a == vb && l.b == va))
        {
            return k;
        }
    }
    NS_FATAL_ERROR("Pmipv6TopologyHelper: no link between '" << a << "' and '" << b << "'");
    return 0;
}

Ptr<LinkFaultErrorModel>
Pmipv6TopologyHelper::GetLinkFault(const std::string& from, const std::string& to)
{
    NS_ABORT_MSG_IF(!m_built, "Pmipv6TopologyHelper: call Build() first");
    const LinkInfo& l = m_links[LinkBetween(from, to)];
    uint32_t vfrom = VertexOf(from);
    uint32_t vto = VertexOf(to);
    Ptr<LinkFaultErrorModel>& model = m_linkFaults[{vfrom, vto}];
    if (!model)
    {
        model = NewFaultModel();
        SetReceiveErrorModel(l.a == vto ? l.deviceA : l.deviceB, model);
    }
    return model;
}

void
Pmipv6TopologyHelper::SetLinkLoss(const std::string& from,
                                  const std::string& to,
                                  double rate,
                                  double burstLength)
{
    NS_LOG_FUNCTION(this << from << to << rate << burstLength);
    NS_ABORT_MSG_IF(!(rate >= 0 && rate <= 1), "SetLinkLoss: the rate must be within [0, 1]");
    GetLinkFault(from, to)->SetLoss(rate, burstLength);
}

void
Pmipv6TopologyHelper::ScheduleLinkOutage(const std::string& a,
                                         const std::string& b,
                                         Time down,
                                         Time up)
{
    NS_LOG_FUNCTION(this << a << b << down << up);
    NS_ABORT_MSG_IF(down < Simulator::Now() || !(up > down),
                    "ScheduleLinkOutage: the outage must be in the future and end after it "
                    "starts");
    for (const auto& model : {GetLinkFault(a, b), GetLinkFault(b, a)})
    {
        Simulator::Schedule(down - Simulator::Now(), &LinkFaultErrorModel::SetDown, model, true);
        Simulator::Schedule(up - Simulator::Now(), &LinkFaultErrorModel::SetDown, model, false);
    }
}

void
Pmipv6TopologyHelper::SetLinkJitter(const std::string& a, const std::string& b, Time jitter)
{
    NS_LOG_FUNCTION(this << a << b << jitter);
    NS_ABORT_MSG_IF(!m_built, "Pmipv6TopologyHelper: call Build() first");
    NS_ABORT_MSG_IF(jitter.IsStrictlyNegative(), "SetLinkJitter: negative jitter");
    const LinkInfo& l = m_links[LinkBetween(a, b)];
    NS_ABORT_MSG_IF(DynamicCast<SimpleNetDevice>(l.deviceA),
                    "SetLinkJitter: " << a << " -- " << b
                                      << " goes through an aggregation switch, which has no "
                                         "jitter");
    Time base;
    ParseDelay(l.properties.delay, base);
    // Not a Ptr: the devices hold the channel and the channel its devices (no cycle).
    Channel* channel = PeekPointer(l.deviceA->GetChannel());
    Ptr<UniformRandomVariable> extra = CreateObject<UniformRandomVariable>();
    extra->SetStream(m_faultStream++);
    // The channel reads its Delay when a transmission starts, just after the device's
    // PhyTxBegin trace: set a fresh delay for every packet there.
    auto setDelay = [channel, base, jitter, extra](Ptr<const Packet>) {
        channel->SetAttribute("Delay",
                              TimeValue(base + Seconds(extra->GetValue(0, jitter.GetSeconds()))));
    };
    for (const auto& device : {l.deviceA, l.deviceB})
    {
        device->TraceConnectWithoutContext("PhyTxBegin",
                                           Callback<void, Ptr<const Packet>>(setDelay));
    }
}

void
Pmipv6TopologyHelper::SetAccessLoss(const std::string& mag,
                                    double up,
                                    double down,
                                    double burstLength)
{
    NS_LOG_FUNCTION(this << mag << up << down << burstLength);
    NS_ABORT_MSG_IF(!m_built, "Pmipv6TopologyHelper: call Build() first");
    NS_ABORT_MSG_IF(!(up >= 0 && up <= 1 && down >= 0 && down <= 1),
                    "SetAccessLoss: the rates must be within [0, 1]");
    uint32_t v = VertexOf(mag);
    NS_ABORT_MSG_IF(m_mags.count(v) == 0, "SetAccessLoss: '" << mag << "' is not a MAG");
    std::shared_ptr<AccessFault> fault = m_accessFaults.at(v);
    fault->up = up;
    fault->down = down;
    fault->burst = burstLength;
    if (!fault->upLink && up > 0)
    {
        fault->upLink = NewFaultModel();
        Ptr<NetDevice> access = m_mags.at(v).accessDevice;
        if (auto wifi = DynamicCast<WifiNetDevice>(access))
        {
            wifi->GetPhy()->SetPostReceptionErrorModel(fault->upLink);
        }
        else
        {
            SetReceiveErrorModel(access, fault->upLink);
        }
    }
    if (fault->upLink)
    {
        fault->upLink->SetLoss(up, burstLength);
    }
}

void
Pmipv6TopologyHelper::ScheduleRestart(const std::string& name, Time at, Time downtime)
{
    NS_LOG_FUNCTION(this << name << at << downtime);
    NS_ABORT_MSG_IF(!m_built, "Pmipv6TopologyHelper: call Build() first");
    uint32_t v = VertexOf(name);
    NS_ABORT_MSG_IF(m_lmas.count(v) == 0 && m_mags.count(v) == 0,
                    "ScheduleRestart: '" << name << "' is neither an LMA nor a MAG");
    NS_ABORT_MSG_IF(at < Simulator::Now() || downtime.IsStrictlyNegative(),
                    "ScheduleRestart: the restart must be in the future");
    if (m_lmas.count(v))
    {
        Ptr<Pmipv6LmaApplication> lma = m_lmas.at(v);
        Simulator::Schedule(at - Simulator::Now(), &Pmipv6LmaApplication::Crash, lma);
        Simulator::Schedule(at + downtime - Simulator::Now(), &Pmipv6LmaApplication::Restart, lma);
        return;
    }
    Ptr<Pmipv6MagApplication> mag = m_mags.at(v).app;
    Ptr<NetDevice> access = m_mags.at(v).accessDevice;
    std::shared_ptr<std::vector<std::shared_ptr<MobileState>>> mobiles = m_mobileStates;
    Simulator::Schedule(at - Simulator::Now(), &Pmipv6MagApplication::Crash, mag);
    Simulator::Schedule(at + downtime - Simulator::Now(), [mag, access, mobiles]() {
        mag->Restart();
        // The link layer finds the mobile nodes on the access link again.
        for (const auto& mn : *mobiles)
        {
            for (uint32_t port = 0; port < mn->current.size(); ++port)
            {
                if (mn->current[port] && mn->current[port]->app == mag)
                {
                    uint8_t hi = mn->lif ? mip6::HI_NEW_INTERFACE_SHARED_PREFIX : 0;
                    mag->NotifyAttach(access, mn->mnId, mn->devices[port]->GetAddress(), hi);
                }
            }
        }
    });
}

void
Pmipv6TopologyHelper::ApplyGraphFaults()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_built, "Pmipv6TopologyHelper: call Build() first");
    for (const LinkInfo& l : m_links)
    {
        const Pmipv6EdgeProperties& e = l.properties;
        const std::string& a = m_graph[l.a].name;
        const std::string& b = m_graph[l.b].name;
        double both = 0;
        double ab = 0;
        double ba = 0;
        double burst = 1;
        ParseRatio(e.loss, both);
        ParseRatio(e.lossAb, ab);
        ParseRatio(e.lossBa, ba);
        ParseBurst(e.burst, burst);
        ab = e.lossAb.empty() ? both : ab;
        ba = e.lossBa.empty() ? both : ba;
        if (ab > 0)
        {
            SetLinkLoss(a, b, ab, burst);
        }
        if (ba > 0)
        {
            SetLinkLoss(b, a, ba, burst);
        }
        Time jitter;
        if (!e.jitter.empty() && ParseDelay(e.jitter, jitter) && jitter.IsStrictlyPositive())
        {
            SetLinkJitter(a, b, jitter);
        }
        std::vector<std::pair<double, double>> outages;
        ParseTimePairs(e.down, '-', false, outages);
        for (const auto& [down, up] : outages)
        {
            ScheduleLinkOutage(a, b, Seconds(down), Seconds(up));
        }
    }
    for (uint32_t v = 0; v < m_nodes.size(); ++v)
    {
        const Pmipv6VertexProperties& p = m_graph[v];
        if (p.role == "mag" && (!p.accessLossUp.empty() || !p.accessLossDown.empty()))
        {
            double up = 0;
            double down = 0;
            double burst = 1;
            ParseRatio(p.accessLossUp, up);
            ParseRatio(p.accessLossDown, down);
            ParseBurst(p.accessBurst, burst);
            SetAccessLoss(p.name, up, down, burst);
        }
        std::vector<std::pair<double, double>> restarts;
        ParseTimePairs(p.restart, '+', true, restarts);
        for (const auto& [at, downtime] : restarts)
        {
            ScheduleRestart(p.name, Seconds(at), Seconds(downtime));
        }
    }
}

std::map<std::string, uint64_t>
Pmipv6TopologyHelper::GetFaultLosses() const
{
    std::map<std::string, uint64_t> losses;
    uint64_t total = 0;
    for (const auto& [direction, model] : m_linkFaults)
    {
        losses[m_graph[direction.first].name + ">" + m_graph[direction.second].name] =
            model->GetLost();
        total += model->GetLost();
    }
    std::map<const AccessFault*, uint32_t> magOf;
    for (const auto& [v, fault] : m_accessFaults)
    {
        magOf[fault.get()] = v;
        if (fault->upLink)
        {
            losses["access-up:" + m_graph[v].name] = fault->upLink->GetLost();
            total += fault->upLink->GetLost();
        }
    }
    std::map<uint32_t, uint64_t> down;
    for (const auto& [v, fault] : m_accessFaults)
    {
        down[v] = fault->downLost;
    }
    for (const auto& [mnId, mn] : m_mobiles)
    {
        for (uint32_t port = 0; port < mn->downFaults.size(); ++port)
        {
            if (mn->downFaults[port] && mn->current[port])
            {
                down[magOf.at(mn->current[port]->fault.get())] +=
                    mn->downFaults[port]->GetLost() - mn->downLostAtAttach[port];
            }
        }
    }
    for (const auto& [v, n] : down)
    {
        if (n > 0 || m_accessFaults.at(v)->down > 0)
        {
            losses["access-down:" + m_graph[v].name] = n;
            total += n;
        }
    }
    losses["total"] = total;
    return losses;
}

void
Pmipv6TopologyHelper::WriteDot(std::ostream& os) const
{
    NS_ABORT_MSG_IF(!m_built, "Pmipv6TopologyHelper::WriteDot: call Build() first");
    static const std::map<std::string, std::string> shapes{{"lma", "doubleoctagon"},
                                                           {"mag", "box"},
                                                           {"cn", "ellipse"},
                                                           {"router", "diamond"}};
    os << "graph pmipv6 {\n"
       << "  // Built by ns3::Pmipv6TopologyHelper: " << m_nodes.size() << " nodes, "
       << m_links.size() << " links, " << m_lmas.size() << " LMAs, " << m_mags.size() << " MAGs, "
       << m_mobileOrder.size() << " mobile nodes.\n";
    for (uint32_t v = 0; v < m_nodes.size(); ++v)
    {
        const Pmipv6VertexProperties& p = m_graph[v];
        std::string address = ToString(GetAddress(p.name));
        std::string label = p.name + "\\n" + address;
        os << "  " << Quote(p.name) << " [role=" << Quote(p.role) << ", x=" << ToString(p.x)
           << ", y=" << ToString(p.y) << ", address=" << Quote(address)
           << ", ns3_node=" << m_nodes[v]->GetId() << ", shape=" << shapes.at(p.role);
        if (p.role == "mag")
        {
            const MagInfo& info = m_mags.at(v);
            std::string proxyCoa = ToString(info.app->GetProxyCoa());
            os << ", access=" << Quote(p.access) << ", lma=" << Quote(m_graph[info.lma].name)
               << ", proxy_coa=" << Quote(proxyCoa);
            label += "\\nPCoA " + proxyCoa + "\\n" + p.access;
        }
        for (const auto& [key, value] : {std::make_pair("access_loss_up", p.accessLossUp),
                                         std::make_pair("access_loss_down", p.accessLossDown),
                                         std::make_pair("access_burst", p.accessBurst),
                                         std::make_pair("restart", p.restart),
                                         std::make_pair("switch", p.aggregationSwitch),
                                         std::make_pair("transport", p.transport)})
        {
            if (!value.empty())
            {
                os << ", " << key << "=" << Quote(value);
            }
        }
        os << ", label=" << Quote(label) << "];\n";
    }
    for (const LinkInfo& l : m_links)
    {
        std::string prefix = ToString(l.prefix) + "/64";
        os << "  " << Quote(m_graph[l.a].name) << " -- " << Quote(m_graph[l.b].name)
           << " [type=" << Quote(l.properties.type) << ", rate=" << Quote(l.properties.dataRate)
           << ", delay=" << Quote(l.properties.delay) << ", prefix=" << Quote(prefix);
        const Pmipv6EdgeProperties& e = l.properties;
        for (const auto& [key, value] : {std::make_pair("loss", e.loss),
                                         std::make_pair("loss_ab", e.lossAb),
                                         std::make_pair("loss_ba", e.lossBa),
                                         std::make_pair("burst", e.burst),
                                         std::make_pair("jitter", e.jitter),
                                         std::make_pair("down", e.down)})
        {
            if (!value.empty())
            {
                os << ", " << key << "=" << Quote(value);
            }
        }
        os << ", label=" << Quote(prefix + "\\n" + l.properties.delay) << "];\n";
    }
    for (const std::string& mnId : m_mobileOrder)
    {
        std::shared_ptr<MobileState> mn = m_mobiles.at(mnId);
        os << "  // mobile node " << Quote(mnId) << " (node " << mn->node->GetId()
           << "): home network prefix " << mn->hnp << ", LMA " << Quote(m_graph[mn->lma].name)
           << ", "
           << (mn->wifi  ? "Wi-Fi"
               : mn->p2p ? "p2p"
                         : "CSMA");
        if (mn->devices.size() > 1)
        {
            os << ", " << mn->devices.size() << " interfaces (logical interface)";
        }
        os << "\n";
    }
    os << "}\n";
}

} // namespace ns3

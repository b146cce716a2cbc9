/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pmipv6-scenario.h"

#include "ns3/applications-module.h"
#include "ns3/config.h"
#include "ns3/core-module.h"
#include "ns3/csma-net-device.h"
#include "ns3/flow-monitor-module.h"
#include "ns3/internet-module.h"
#include "ns3/mag-router-advertiser.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-helper.h"
#include "ns3/pmipv6-lma-application.h"
#include "ns3/pmipv6-mag-application.h"
#include "ns3/pmipv6-options.h"
#include "ns3/pmipv6-topology-helper.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-net-device.h"

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <chrono>
#include <cmath>
#include <functional>
#include <iomanip>
#include <iostream>
#include <limits>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6Scenario");

namespace
{

/// First UDP port of the downlink flows (one per mobile node: port + index).
constexpr uint16_t DOWNLINK_PORT = 9000;
/// First UDP port of the uplink flows.
constexpr uint16_t UPLINK_PORT = 19000;
/// First stream index assigned to the scenario's random variables.
constexpr int64_t FIRST_STREAM = 100;

/**
 * \brief A time in seconds as an ns-3 Time, rejecting negative values.
 * \param seconds the time
 * \param what the field, for the error message
 * \return the time
 */
Time
CheckedSeconds(double seconds, const std::string& what)
{
    if (!(seconds >= 0))
    {
        throw std::invalid_argument("Pmipv6ScenarioConfig: " + what + " must be >= 0");
    }
    return Seconds(seconds);
}

/**
 * \brief Whether a string is a time ns-3's Time(std::string) parses (which aborts the
 * process on anything else): a number, optionally signed and with an exponent, and an
 * optional unit.
 * \param text the string
 * \return true when it parses
 */
bool
IsTimeString(const std::string& text)
{
    static const std::regex time(
        R"([+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?(s|ms|us|ns|ps|fs|min|h|d|y)?)");
    return std::regex_match(text, time);
}

/**
 * \brief Reject configurations that cannot be run, before anything is built.
 * \param c the configuration
 */
void
Validate(const Pmipv6ScenarioConfig& c)
{
    auto fail = [](const std::string& why) {
        throw std::invalid_argument("Pmipv6ScenarioConfig: " + why);
    };
    if (c.topology.empty())
    {
        fail("topology must be \"star\" or the path of a DOT file");
    }
    if (c.nMags == 0 && c.topology == "star")
    {
        fail("nMags must be at least 1");
    }
    if (c.nMns == 0)
    {
        fail("nMns must be at least 1");
    }
    if (c.access != "csma" && c.access != "wifi" && c.access != "p2p")
    {
        fail("access must be \"csma\", \"p2p\" or \"wifi\", not \"" + c.access + "\"");
    }
    if (!(c.simTime > 0))
    {
        fail("simTime must be > 0");
    }
    CheckedSeconds(c.trafficStart, "trafficStart");
    CheckedSeconds(c.trafficStop, "trafficStop");
    CheckedSeconds(c.downlinkInterval, "downlinkInterval");
    CheckedSeconds(c.uplinkInterval, "uplinkInterval");
    CheckedSeconds(c.attachStart, "attachStart");
    CheckedSeconds(c.attachSpacing, "attachSpacing");
    CheckedSeconds(c.firstMove, "firstMove");
    CheckedSeconds(c.moveInterval, "moveInterval");
    CheckedSeconds(c.moveJitter, "moveJitter");
    CheckedSeconds(c.linkSwitchDelay, "linkSwitchDelay");
    double stop = c.trafficStop > 0 ? c.trafficStop : c.simTime - 0.5;
    if (!(stop > c.trafficStart) || stop > c.simTime)
    {
        fail("traffic must start before it stops, within simTime");
    }
    if (c.packetSize < 12 || c.packetSize > 65000)
    {
        fail("packetSize must be within 12 .. 65000 octets (UdpClient's header needs 12)");
    }
    if (!(c.binWidth > 0) || c.simTime / c.binWidth > 1e7)
    {
        fail("binWidth must be > 0 and give at most 1e7 bins");
    }
    if (c.ip != "v6" && c.ip != "v4" && c.ip != "dual")
    {
        fail("ip must be \"v6\", \"v4\" or \"dual\", not \"" + c.ip + "\"");
    }
    if (!c.transport.empty() && c.transport != "v6" && c.transport != "v4")
    {
        fail("transport must be \"v6\" or \"v4\", not \"" + c.transport + "\"");
    }
    if (c.moveInterval > 0 && c.moveInterval <= c.moveJitter + c.linkSwitchDelay)
    {
        fail("moveInterval must exceed moveJitter + linkSwitchDelay (moves would overlap)");
    }
    if (c.moveInterval > 0 && !(c.firstMove > c.attachStart))
    {
        fail("firstMove must be after attachStart (a mobile node moves after it attached)");
    }
    if (c.seed == 0)
    {
        fail("seed must not be 0");
    }
    if (!IsTimeString(c.magLmaDelay))
    {
        fail("magLmaDelay \"" + c.magLmaDelay + "\" is not an ns-3 time such as \"5ms\"");
    }
    for (const auto& [name, ratio] : {std::make_pair("magLmaLossUp", c.magLmaLossUp),
                                      std::make_pair("magLmaLossDown", c.magLmaLossDown),
                                      std::make_pair("accessLossUp", c.accessLossUp),
                                      std::make_pair("accessLossDown", c.accessLossDown)})
    {
        if (!(ratio >= 0 && ratio <= 1))
        {
            fail(std::string(name) + " must be a ratio within [0, 1]");
        }
    }
    if (!(c.magLmaBurst >= 0) || !(c.accessBurst >= 0))
    {
        fail("magLmaBurst and accessBurst must be >= 0 (mean burst lengths in packets)");
    }
    if (!IsTimeString(c.magLmaJitter) || Time(c.magLmaJitter).IsStrictlyNegative())
    {
        fail("magLmaJitter \"" + c.magLmaJitter + "\" is not an ns-3 time >= 0 such as \"2ms\"");
    }
    for (const auto& o : c.linkOutages)
    {
        if (!(o.down >= 0) || !(o.up > o.down) || o.a.empty() || o.b.empty())
        {
            fail("a link outage names both ends and ends after it starts (>= 0)");
        }
    }
    for (const auto& r : c.restarts)
    {
        if (!(r.at >= 0) || !(r.downtime >= 0) || r.node.empty())
        {
            fail("a restart names an LMA or MAG, with at >= 0 and downtime >= 0");
        }
    }
}

/**
 * \brief Apply the configuration's faults to a built topology (before the run).
 * \param c the configuration
 * \param topo the topology
 */
void
ApplyFaults(const Pmipv6ScenarioConfig& c, Pmipv6TopologyHelper& topo)
{
    Time jitter(c.magLmaJitter);
    bool transport = c.magLmaLossUp > 0 || c.magLmaLossDown > 0 || jitter.IsStrictlyPositive();
    if (transport)
    {
        // Every link of every MAG's path to its LMA, once, oriented towards the LMA.
        std::set<std::pair<std::string, std::string>> done;
        for (const auto& mag : topo.GetMagNames())
        {
            std::vector<std::string> path = topo.GetShortestPath(mag, topo.GetMagLma(mag));
            for (size_t k = 0; k + 1 < path.size(); ++k)
            {
                const std::string& from = path[k];
                const std::string& to = path[k + 1];
                if (!done.insert({from, to}).second)
                {
                    continue;
                }
                if (c.magLmaLossUp > 0)
                {
                    topo.SetLinkLoss(from, to, c.magLmaLossUp, c.magLmaBurst);
                }
                if (c.magLmaLossDown > 0)
                {
                    topo.SetLinkLoss(to, from, c.magLmaLossDown, c.magLmaBurst);
                }
                if (jitter.IsStrictlyPositive() && !done.count({to, from}))
                {
                    topo.SetLinkJitter(from, to, jitter);
                }
            }
        }
    }
    if (c.accessLossUp > 0 || c.accessLossDown > 0)
    {
        for (const auto& mag : topo.GetMagNames())
        {
            topo.SetAccessLoss(mag, c.accessLossUp, c.accessLossDown, c.accessBurst);
        }
    }
    std::set<std::string> names;
    for (const auto& role : {"lma", "mag", "cn", "router"})
    {
        for (const auto& name : topo.GetNames(role))
        {
            names.insert(name);
        }
    }
    for (const auto& o : c.linkOutages)
    {
        if (!names.count(o.a) || !names.count(o.b))
        {
            throw std::invalid_argument("link outage: no node '" + (names.count(o.a) ? o.b : o.a) +
                                        "'");
        }
        std::vector<std::string> path = topo.GetShortestPath(o.a, o.b);
        bool adjacent = path.size() == 2;
        if (!adjacent)
        {
            // GetShortestPath may go around a direct link that is slower: check the graph.
            const Pmipv6Graph& g = topo.GetGraph();
            auto [it, end] = boost::edges(g);
            for (; it != end && !adjacent; ++it)
            {
                const std::string& s = g[boost::source(*it, g)].name;
                const std::string& t = g[boost::target(*it, g)].name;
                adjacent = (s == o.a && t == o.b) || (s == o.b && t == o.a);
            }
        }
        if (!adjacent)
        {
            throw std::invalid_argument("link outage: no link between '" + o.a + "' and '" + o.b +
                                        "'");
        }
        topo.ScheduleLinkOutage(o.a, o.b, Seconds(o.down), Seconds(o.up));
    }
    for (const auto& r : c.restarts)
    {
        bool agent = false;
        for (const auto& role : {"lma", "mag"})
        {
            const auto list = topo.GetNames(role);
            agent = agent || std::find(list.begin(), list.end(), r.node) != list.end();
        }
        if (!agent)
        {
            throw std::invalid_argument("restart: '" + r.node + "' is neither an LMA nor a MAG");
        }
        topo.ScheduleRestart(r.node, Seconds(r.at), Seconds(r.downtime));
    }
}

/**
 * \brief Apply the configuration's attributes with Config::SetDefault (or Config::SetGlobal
 * for names without "::").
 * \param attributes name -> value
 */
void
ApplyAttributes(const std::map<std::string, std::string>& attributes)
{
    for (const auto& kv : attributes)
    {
        const std::string& name = kv.first;
        size_t sep = name.rfind("::");
        if (sep != std::string::npos)
        {
            // A Time attribute's value goes through Time(std::string), which aborts the
            // process on a bad string: check it first.
            TypeId tid;
            TypeId::AttributeInformation info;
            if (TypeId::LookupByNameFailSafe(name.substr(0, sep), &tid) &&
                tid.LookupAttributeByName(name.substr(sep + 2), &info) &&
                info.checker->GetValueTypeName() == "ns3::TimeValue" && !IsTimeString(kv.second))
            {
                throw std::invalid_argument("invalid value for the Time attribute " + name +
                                            ": \"" + kv.second + "\"");
            }
        }
        bool ok = sep != std::string::npos
                      ? Config::SetDefaultFailSafe(name, StringValue(kv.second))
                      : Config::SetGlobalFailSafe(name, StringValue(kv.second));
        if (!ok)
        {
            throw std::invalid_argument("unknown attribute or invalid value: " + name + " = \"" +
                                        kv.second + "\"");
        }
    }
}

/**
 * \brief Leaves ns-3 clean when a run ends, however it ends.
 */
class CleanUp
{
  public:
    ~CleanUp()
    {
        Simulator::Destroy();
        Config::Reset();
        Ipv6AddressGenerator::Reset();
        Ipv4AddressGenerator::Reset();
#if !defined(PMIPV6_NS3_VERSION) || PMIPV6_NS3_VERSION >= 337
        Mac48Address::ResetAllocationIndex(); // not in waf-era ns-3 (pmipv6-ns3-compat.h)
#endif
    }
};

/**
 * \brief The nodes and agents of a built topology the scenario drives.
 */
struct Network
{
    Ptr<Node> cn;                                          ///< correspondent node
    Ipv6Address cnAddress;                                 ///< its address
    Ipv4Address cnIpv4Address;                             ///< its IPv4 address (ip v4)
    std::vector<std::string> lmaNames;                     ///< LMA names, in vertex order
    std::vector<Ptr<Pmipv6LmaApplication>> lmas;           ///< the LMAs
    std::vector<std::string> magNames;                     ///< MAG names, in vertex order
    std::map<std::string, Ptr<Pmipv6MagApplication>> mags; ///< MAG by name
    std::map<std::string, std::string> magAccess;          ///< access type by MAG
    std::vector<std::string> mnIds;                        ///< mobile nodes, in order
    std::map<std::string, Ptr<Node>> mnNodes;              ///< mobile node by id
    std::map<std::string, Ipv6Address> homeAddresses;      ///< home address by id
    std::map<std::string, std::string> firstMag;           ///< first MAG by id
    std::map<std::string, Time> attachTime;                ///< first attachment by id
};

/**
 * \brief Build the topology (a star or a DOT file) and the mobile nodes.
 * \param c the configuration
 * \param topo the helper (outlives the run)
 * \return what was built
 */
Network
BuildNetwork(const Pmipv6ScenarioConfig& c, Pmipv6TopologyHelper& topo)
{
    Pmipv6Graph graph;
    std::string error;
    if (c.topology == "star")
    {
        graph = Pmipv6TopologyHelper::MakeStar(c.nMags, c.magLmaDelay, c.access, c.magSwitch);
    }
    else if (!Pmipv6TopologyHelper::TryReadDot(c.topology, graph, error))
    {
        throw std::invalid_argument("topology " + c.topology + ": " + error);
    }
    if (!Pmipv6TopologyHelper::Validate(graph, error))
    {
        throw std::invalid_argument("topology " + c.topology + ": " + error);
    }
    bool hasCn = false;
    bool hasMag = false;
    for (auto v : boost::make_iterator_range(boost::vertices(graph)))
    {
        hasCn = hasCn || graph[v].role == "cn";
        hasMag = hasMag || graph[v].role == "mag";
    }
    if (!hasCn || !hasMag)
    {
        throw std::invalid_argument("topology " + c.topology +
                                    ": the scenario needs a \"cn\" and at least one \"mag\"");
    }
    topo.SetIpv4(c.ip != "v6");
    topo.SetTransport(c.transport.empty() ? "v6" : c.transport);
    topo.SetMobileNodeIp(c.ip);
    topo.SetMobileNodeDhcp(c.dhcp);
    topo.Build(graph);

    Network net;
    std::string cnName = topo.GetNames("cn").front();
    net.cn = topo.GetNode(cnName);
    net.cnAddress = topo.GetAddress(cnName);
    net.cnIpv4Address = topo.GetIpv4Address(cnName);
    net.lmaNames = topo.GetNames("lma");
    for (const auto& name : net.lmaNames)
    {
        net.lmas.push_back(topo.GetLma(name));
    }
    net.magNames = topo.GetMagNames();
    for (auto v : boost::make_iterator_range(boost::vertices(topo.GetGraph())))
    {
        const Pmipv6VertexProperties& p = topo.GetGraph()[v];
        if (p.role == "mag")
        {
            net.mags[p.name] = topo.GetMag(p.name);
            net.magAccess[p.name] = p.access;
        }
    }
    for (uint32_t i = 0; i < c.nMns; ++i)
    {
        std::string mnId = "mn" + std::to_string(i + 1);
        std::string mag = net.magNames[i % net.magNames.size()];
        Time attachAt = Seconds(c.attachStart + c.attachSpacing * i);
        net.mnIds.push_back(mnId);
        net.attachTime[mnId] = attachAt;
        net.mnNodes[mnId] = topo.AddMobileNode(mnId, mag, attachAt);
        net.homeAddresses[mnId] = topo.GetHomeAddress(mnId);
        net.firstMag[mnId] = mag;
    }
    return net;
}

/**
 * \brief Assign fixed random streams to every device of the simulation (CSMA backoff, Wi-Fi
 * PHY, MAC and rate managers), so that a run does not depend on earlier runs in the process.
 * \param stream first stream
 * \return number of streams used
 */
int64_t
AssignDeviceStreams(int64_t stream)
{
    int64_t n = 0;
    WifiHelper wifi;
    for (uint32_t k = 0; k < NodeList::GetNNodes(); ++k)
    {
        Ptr<Node> node = NodeList::GetNode(k);
        for (uint32_t d = 0; d < node->GetNDevices(); ++d)
        {
            Ptr<NetDevice> device = node->GetDevice(d);
            if (auto csma = DynamicCast<CsmaNetDevice>(device))
            {
                n += csma->AssignStreams(stream + n);
            }
            else if (DynamicCast<WifiNetDevice>(device))
            {
                n += wifi.AssignStreams(NetDeviceContainer(device), stream + n);
            }
        }
    }
    return n;
}

/**
 * \brief Everything the traces report during a run.
 */
class Recorder
{
  public:
    /**
     * \brief Prepare the bins.
     * \param binWidth bin width (s)
     * \param simTime simulated time (s)
     */
    Recorder(double binWidth, double simTime)
        : m_binWidth(binWidth),
          m_bins(static_cast<size_t>(std::ceil(simTime / binWidth)))
    {
    }

    /// One series of bins.
    struct Series
    {
        std::string node;            ///< node name
        std::string role;            ///< node role
        uint32_t interface;          ///< IPv6 interface
        std::string device;          ///< device kind
        std::string direction;       ///< rx / tx
        std::vector<uint64_t> bytes; ///< per bin
    };

    /// One attach or detach event.
    struct Attachment
    {
        std::string mnId; ///< mobile node
        std::string mag;  ///< MAG
        Time time;        ///< when
        bool attach;      ///< attach (else detach)
    };

    /**
     * \brief Follow a node's IPv6 Rx and Tx traces.
     * \param node the node
     * \param name its name
     * \param role its role
     */
    void WatchNode(Ptr<Node> node, const std::string& name, const std::string& role)
    {
        Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
        NS_ASSERT(ipv6);
        uint32_t id = node->GetId();
        ipv6->TraceConnectWithoutContext(
            "Rx",
            Callback<void, Ptr<const Packet>, Ptr<Ipv6>, uint32_t>(
                [this, id, name, role](Ptr<const Packet> p, Ptr<Ipv6> ip, uint32_t interface) {
                    Count(id, name, role, ip, interface, "rx", p->GetSize());
                }));
        ipv6->TraceConnectWithoutContext(
            "Tx",
            Callback<void, Ptr<const Packet>, Ptr<Ipv6>, uint32_t>(
                [this, id, name, role](Ptr<const Packet> p, Ptr<Ipv6> ip, uint32_t interface) {
                    Count(id, name, role, ip, interface, "tx", p->GetSize());
                }));
    }

    /**
     * \brief Follow a MAG's traces.
     * \param mag the MAG
     * \param name its name
     */
    void WatchMag(Ptr<Pmipv6MagApplication> mag, const std::string& name)
    {
        mag->TraceConnectWithoutContext(
            "RegistrationCompleted",
            Callback<void, const std::string&, Time, uint8_t>(
                [this, name](const std::string& mnId, Time latency, uint8_t hi) {
                    Pmipv6RegistrationEvent e;
                    e.mnId = mnId;
                    e.mag = name;
                    e.time = Simulator::Now().GetSeconds();
                    e.latencyMs = latency.GetSeconds() * 1000;
                    e.handoffIndicator = hi;
                    e.handover = m_registered.count(mnId) > 0;
                    m_registered.insert(mnId);
                    m_refreshing.insert({name, mnId});
                    registrations.push_back(e);
                }));
        mag->TraceConnectWithoutContext("RegistrationFailed",
                                        Callback<void, const std::string&, uint8_t>(
                                            [this, name](const std::string& mnId, uint8_t status) {
                                                failures++;
                                                registrationFailures[mnId]++;
                                                failureStatus[{name, mnId}] = status;
                                            }));
        mag->TraceConnectWithoutContext("RegistrationRecovery",
                                        Callback<void, const std::string&, uint8_t, uint32_t>(
                                            [this](const std::string& mnId, uint8_t, uint32_t) {
                                                recoveryCount++;
                                                recoveries[mnId]++;
                                            }));
        mag->TraceConnectWithoutContext(
            "RxPba",
            Callback<void, const BindingAckHeader&, Ipv6Address>(
                [this](const BindingAckHeader& pba, Ipv6Address) {
                    Ptr<MobileNodeIdentifierOption> id =
                        pba.GetOptions().Find<MobileNodeIdentifierOption>();
                    if (id)
                    {
                        lastPbaStatus[id->GetNai()] = pba.GetStatus();
                    }
                }));
        mag->TraceConnectWithoutContext(
            "Attach",
            Callback<void, const std::string&, Ptr<NetDevice>>(
                [this, name](const std::string& mnId, Ptr<NetDevice>) {
                    attachments.push_back({mnId, name, Simulator::Now(), true});
                    attached.insert(mnId);
                    failureStatus.erase({name, mnId}); // a new registration at this MAG
                }));
        mag->TraceConnectWithoutContext(
            "Detach",
            Callback<void, const std::string&, Ptr<NetDevice>>(
                [this, name](const std::string& mnId, Ptr<NetDevice>) {
                    attachments.push_back({mnId, name, Simulator::Now(), false});
                    m_refreshing.erase({name, mnId});
                }));
        mag->TraceConnectWithoutContext(
            "TxPbu",
            Callback<void, const BindingUpdateHeader&, Ipv6Address>(
                [this, name](const BindingUpdateHeader& pbu, Ipv6Address) {
                    Ptr<HandoffIndicatorOption> hi =
                        pbu.GetOptions().Find<HandoffIndicatorOption>();
                    Ptr<MobileNodeIdentifierOption> id =
                        pbu.GetOptions().Find<MobileNodeIdentifierOption>();
                    if (pbu.GetLifetime() == 0)
                    {
                        pbuDeregistrations++;
                    }
                    else if (hi && hi->GetHandoffIndicator() == mip6::HI_NOT_CHANGED && id &&
                             m_refreshing.count({name, id->GetNai()}))
                    {
                        pbuRefreshes++;
                    }
                    else
                    {
                        pbuInitial++;
                    }
                }));
    }

    /**
     * \brief A UDP sink's arrivals, for a mobile node's flow in one direction.
     * \param server the UdpServer
     * \param arrivals where to record them
     */
    static void WatchServer(Ptr<Application> server, std::vector<Time>* arrivals)
    {
        server->TraceConnectWithoutContext(
            "Rx",
            Callback<void, Ptr<const Packet>>(
                [arrivals](Ptr<const Packet>) { arrivals->push_back(Simulator::Now()); }));
    }

    /**
     * \brief The series, in a stable order.
     * \return the series
     */
    std::vector<Pmipv6TimeSeries> GetSeries() const
    {
        std::vector<Pmipv6TimeSeries> out;
        for (const auto& kv : m_series)
        {
            const Series& s = kv.second;
            out.push_back({s.node, s.role, s.interface, s.device, "", s.direction, s.bytes});
        }
        return out;
    }

    std::vector<Pmipv6RegistrationEvent> registrations; ///< completed registrations
    std::vector<Attachment> attachments;                ///< attach / detach events
    uint64_t failures{0};                               ///< failed registrations
    uint64_t recoveryCount{0};      ///< PBUs re-sent after status 135, 156 or 157
    std::set<std::string> attached; ///< MNs a MAG saw attach
    std::map<std::string, uint32_t> registrationFailures; ///< failed registrations per MN
    std::map<std::string, uint32_t> recoveries;           ///< recoveries per MN
    std::map<std::string, int> lastPbaStatus;             ///< last PBA status per MN
    /// (MAG, MN) -> status of the last failed registration since the MN attached there
    std::map<std::pair<std::string, std::string>, int> failureStatus;
    uint64_t pbuInitial{0};         ///< PBUs of a new registration
    uint64_t pbuRefreshes{0};       ///< refresh PBUs
    uint64_t pbuDeregistrations{0}; ///< de-registration PBUs

  private:
    /**
     * \brief Count a packet.
     * \param id node id
     * \param name node name
     * \param role node role
     * \param ip the node's IPv6
     * \param interface the interface
     * \param direction rx / tx
     * \param bytes its size
     */
    void Count(uint32_t id,
               const std::string& name,
               const std::string& role,
               Ptr<Ipv6> ip,
               uint32_t interface,
               const char* direction,
               uint32_t bytes)
    {
        if (interface == 0)
        {
            return; // loopback
        }
        auto key = std::make_tuple(id, interface, direction[0]);
        auto it = m_series.find(key);
        if (it == m_series.end())
        {
            Series s{name,
                     role,
                     interface,
                     DeviceKind(ip->GetNetDevice(interface)),
                     direction,
                     std::vector<uint64_t>(m_bins, 0)};
            it = m_series.emplace(key, std::move(s)).first;
        }
        size_t bin = static_cast<size_t>(Simulator::Now().GetSeconds() / m_binWidth);
        if (bin < m_bins)
        {
            it->second.bytes[bin] += bytes;
        }
    }

    /**
     * \brief A short name of a device's kind.
     * \param device the device
     * \return "csma", "wifi", "p2p", "tunnel" or the lower-case class name
     */
    static std::string DeviceKind(Ptr<NetDevice> device)
    {
        std::string type = device ? device->GetInstanceTypeId().GetName() : "none";
        if (type.find("Csma") != std::string::npos)
        {
            return "csma";
        }
        if (type.find("Wifi") != std::string::npos)
        {
            return "wifi";
        }
        if (type.find("PointToPoint") != std::string::npos)
        {
            return "p2p";
        }
        if (type.find("Virtual") != std::string::npos || type.find("Tunnel") != std::string::npos)
        {
            return "tunnel";
        }
        std::string kind = type.substr(type.rfind(':') + 1);
        std::transform(kind.begin(), kind.end(), kind.begin(), ::tolower);
        return kind;
    }

    double m_binWidth; ///< bin width (s)
    size_t m_bins;     ///< number of bins
    /// (node id, interface, 'r' / 't') -> series
    std::map<std::tuple<uint32_t, uint32_t, char>, Series> m_series;
    std::set<std::string> m_registered;                         ///< MNs registered at least once
    std::set<std::pair<std::string, std::string>> m_refreshing; ///< (MAG, MN) registered
};

/**
 * \brief The largest gap between consecutive arrivals whose later arrival falls in
 * (lo, hi]; a window without any arrival after \p at counts up to \p hi.
 * \param arrivals sorted arrival times
 * \param at the move
 * \param lo window start
 * \param hi window end
 * \param restored set to whether an arrival follows \p at within the window
 * \return the gap (ms), or -1 without arrivals before the move
 */
double
LargestGapMs(const std::vector<Time>& arrivals, Time at, Time lo, Time hi, bool& restored)
{
    restored = false;
    auto first = std::upper_bound(arrivals.begin(), arrivals.end(), lo);
    if (first == arrivals.begin())
    {
        // no arrival before the window: measure from the window's first arrival
        if (first == arrivals.end())
        {
            return -1;
        }
    }
    else
    {
        --first;
    }
    Time gap = Seconds(0);
    Time last = *first;
    for (auto it = first + 1; it != arrivals.end() && *it <= hi; ++it)
    {
        gap = std::max(gap, *it - last);
        last = *it;
        if (*it > at)
        {
            restored = true;
        }
    }
    if (!restored)
    {
        gap = std::max(gap, hi - last);
    }
    return gap.GetSeconds() * 1000;
}

/**
 * \brief Global (not link-local) addresses of a node's interfaces.
 * \param node the node
 * \return the addresses, as text
 */
std::vector<std::string>
GlobalAddresses(Ptr<Node> node)
{
    std::vector<std::string> out;
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    for (uint32_t i = 1; i < ipv6->GetNInterfaces(); ++i)
    {
        for (uint32_t a = 0; a < ipv6->GetNAddresses(i); ++a)
        {
            Ipv6Address addr = ipv6->GetAddress(i, a).GetAddress();
            if (!addr.IsLinkLocal() && !addr.IsLocalhost())
            {
                std::ostringstream s;
                s << addr;
                out.push_back(s.str());
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

/**
 * \brief An address as text.
 * \param a the address
 * \return the text
 */
std::string
ToString(Ipv6Address a)
{
    std::ostringstream s;
    s << a;
    return s.str();
}

/**
 * \brief Fill in a mobile node's registration at the end of the run: where it is, the state
 * of its entry there, and why it is unregistered (Pmipv6MobileNodeResult).
 * \param m the mobile node's result (mnId set)
 * \param net the network
 * \param topo the topology helper
 * \param recorder the traces
 */
void
ReportRegistration(Pmipv6MobileNodeResult& m,
                   Network& net,
                   const Pmipv6TopologyHelper& topo,
                   const Recorder& recorder)
{
    const std::string& mnId = m.mnId;
    m.attachTime = net.attachTime[mnId].GetSeconds();
    auto find = [](const auto& map, const auto& key, auto otherwise) {
        auto it = map.find(key);
        return it == map.end() ? otherwise : it->second;
    };
    m.lastPbaStatus = find(recorder.lastPbaStatus, mnId, -1);
    m.registrationFailures = find(recorder.registrationFailures, mnId, 0U);
    m.recoveries = find(recorder.recoveries, mnId, 0U);
    m.lastMag = topo.GetCurrentMag(mnId);
    m.registrationState = "none";
    if (!m.lastMag.empty())
    {
        m.failureStatus = find(recorder.failureStatus, std::make_pair(m.lastMag, mnId), -1);
        for (const auto& e : net.mags[m.lastMag]->GetBindingUpdateList()->FindByMnId(mnId))
        {
            std::string state = BindingUpdateListEntry::StateName(e->state);
            std::transform(state.begin(), state.end(), state.begin(), ::tolower);
            m.registrationState = state;
            m.registered = e->state == BindingUpdateListEntry::REGISTERED ||
                           e->state == BindingUpdateListEntry::REFRESHING;
        }
    }
    if (m.registered)
    {
        m.unregisteredReason = "";
    }
    else if (recorder.attached.count(mnId) == 0)
    {
        m.unregisteredReason = "never-attached";
    }
    else if (m.lastMag.empty())
    {
        m.unregisteredReason = "detached";
    }
    else if (m.registrationState != "none")
    {
        m.unregisteredReason = "registration-pending";
    }
    else if (m.failureStatus > 0)
    {
        m.unregisteredReason = "rejected";
    }
    else if (m.failureStatus == 0)
    {
        m.unregisteredReason = "no-pba";
    }
    else
    {
        m.unregisteredReason = "no-binding";
    }
}

} // namespace

std::map<std::string, double>
Pmipv6ScenarioResult::GetScalars() const
{
    std::map<std::string, double> s;
    s["wall_clock_s"] = wallClockSeconds;
    for (const char* dir : {"downlink", "uplink"})
    {
        std::string p = std::string(dir) == "downlink" ? "down_" : "up_";
        uint64_t tx = 0;
        uint64_t rx = 0;
        double throughput = 0;
        double delaySum = 0;
        for (const auto& f : flows)
        {
            if (f.direction == dir)
            {
                tx += f.txPackets;
                rx += f.rxPackets;
                throughput += f.throughputMbps;
                delaySum += f.meanDelayMs * f.rxPackets;
            }
        }
        s[p + "tx_packets"] = tx;
        s[p + "rx_packets"] = rx;
        s[p + "loss_ratio"] = tx > 0 ? double(tx - std::min(tx, rx)) / tx : 0;
        s[p + "throughput_mbps"] = throughput;
        s[p + "mean_delay_ms"] = rx > 0 ? delaySum / rx : 0;
    }
    uint32_t initialN = 0;
    uint32_t handoverN = 0;
    double initialSum = 0;
    double handoverSum = 0;
    double handoverMax = 0;
    for (const auto& e : registrations)
    {
        if (e.handover)
        {
            handoverN++;
            handoverSum += e.latencyMs;
            handoverMax = std::max(handoverMax, e.latencyMs);
        }
        else
        {
            initialN++;
            initialSum += e.latencyMs;
        }
    }
    s["registrations"] = registrations.size();
    s["handover_registrations"] = handoverN;
    s["initial_registration_ms"] = initialN ? initialSum / initialN : -1;
    s["handover_latency_mean_ms"] = handoverN ? handoverSum / handoverN : -1;
    s["handover_latency_max_ms"] = handoverN ? handoverMax : -1;
    uint32_t restored = 0;
    uint32_t downN = 0;
    uint32_t upN = 0;
    double downSum = 0;
    double downMax = 0;
    double upSum = 0;
    double upMax = 0;
    for (const auto& m : moves)
    {
        restored += m.restored ? 1 : 0;
        if (m.downlinkInterruptionMs >= 0)
        {
            downN++;
            downSum += m.downlinkInterruptionMs;
            downMax = std::max(downMax, m.downlinkInterruptionMs);
        }
        if (m.uplinkInterruptionMs >= 0)
        {
            upN++;
            upSum += m.uplinkInterruptionMs;
            upMax = std::max(upMax, m.uplinkInterruptionMs);
        }
    }
    s["moves"] = moves.size();
    s["moves_restored"] = restored;
    s["interruption_mean_ms"] = downN ? downSum / downN : -1;
    s["interruption_max_ms"] = downN ? downMax : -1;
    s["uplink_interruption_mean_ms"] = upN ? upSum / upN : -1;
    s["uplink_interruption_max_ms"] = upN ? upMax : -1;
    uint32_t kept = 0;
    uint32_t registered = 0;
    for (const auto& m : mobileNodes)
    {
        kept += m.addressKept ? 1 : 0;
        registered += m.registered ? 1 : 0;
    }
    s["addresses_kept_ratio"] = mobileNodes.empty() ? 0 : double(kept) / mobileNodes.size();
    s["registered_ratio"] = mobileNodes.empty() ? 0 : double(registered) / mobileNodes.size();
    uint64_t total = 0;
    for (const auto& kv : signalling)
    {
        std::string key = "sig_" + kv.first;
        std::transform(key.begin(), key.end(), key.begin(), [](char ch) {
            return ch == '-' ? '_' : static_cast<char>(std::tolower(ch));
        });
        s[key] = kv.second;
    }
    for (const char* name : {"PBU", "PBA", "BRI", "BRA"})
    {
        auto it = signalling.find(name);
        total += it == signalling.end() ? 0 : it->second;
    }
    s["sig_mobility_total"] = total;
    return s;
}

Pmipv6ScenarioResult
RunPmipv6Scenario(const Pmipv6ScenarioConfig& c)
{
    return RunPmipv6Scenario(c, Pmipv6ProgressCallback());
}

Pmipv6ProgressCallback
Pmipv6StderrProgress()
{
    auto wallStart = std::chrono::steady_clock::now();
    return [wallStart](double now, double end) {
        double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
        std::ostringstream line;
        line << std::fixed << std::setprecision(1) << "progress: " << now << " / " << end
             << " s simulated (" << std::setprecision(0) << (end > 0 ? 100 * now / end : 100)
             << "%), " << std::setprecision(1) << wall << " s wall\n";
        std::cerr << line.str() << std::flush;
    };
}

namespace
{

/// Calls a progress callback every interval of simulated time (one pending event).
struct ProgressTicker
{
    Pmipv6ProgressCallback callback; ///< the callback
    Time step;                       ///< the interval
    Time end;                        ///< the end of the run

    /// \brief Report, and schedule the next report before the end.
    void Tick()
    {
        callback(Simulator::Now().GetSeconds(), end.GetSeconds());
        if (Simulator::Now() + step < end)
        {
            Simulator::Schedule(step, &ProgressTicker::Tick, this);
        }
    }
};

} // namespace

Pmipv6ScenarioResult
RunPmipv6Scenario(const Pmipv6ScenarioConfig& c, Pmipv6ProgressCallback progress, double interval)
{
    NS_LOG_FUNCTION_NOARGS();
    Validate(c);
    if (!(interval >= 0))
    {
        throw std::invalid_argument("RunPmipv6Scenario: the progress interval must be >= 0");
    }
    auto wallStart = std::chrono::steady_clock::now();
    CleanUp cleanUp; // Simulator::Destroy, Config::Reset, ... on every way out
    Ipv6AddressGenerator::Reset();
#if !defined(PMIPV6_NS3_VERSION) || PMIPV6_NS3_VERSION >= 337
    Mac48Address::ResetAllocationIndex(); // not in waf-era ns-3 (pmipv6-ns3-compat.h)
#endif
    ApplyAttributes(c.attributes);
    RngSeedManager::SetSeed(c.seed);
    RngSeedManager::SetRun(c.run);

    const Time simTime = Seconds(c.simTime);
    const Time trafficStart = Seconds(c.trafficStart);
    const Time trafficStop = Seconds(c.trafficStop > 0 ? c.trafficStop : c.simTime - 0.5);

    Pmipv6TopologyHelper topo;
    Network net = BuildNetwork(c, topo);
    ApplyFaults(c, topo);
    if (c.heartbeat)
    {
        topo.EnableHeartbeat();
    }

    // Random choices of the scenario itself, on fixed streams (reproducible in one process).
    int64_t stream = FIRST_STREAM;
    Ptr<UniformRandomVariable> uniform = CreateObject<UniformRandomVariable>();
    uniform->SetStream(stream++);

    // Moves: each MN to the next MAG, cyclically.
    struct PlannedMove
    {
        std::string mnId; ///< mobile node
        std::string to;   ///< MAG
        Time at;          ///< when it leaves its link
    };

    std::vector<PlannedMove> planned;
    std::map<std::string, Time> firstMoveAt; // each MN's first planned move
    if (c.moveInterval > 0 && net.magNames.size() > 1)
    {
        // The MAGs a node can move between: those of its first MAG's access type (computed
        // once per access type, and each MAG's place in its cycle, not per MN).
        std::map<std::string, std::vector<std::string>> cycles;
        std::map<std::string, size_t> cyclePos;
        for (const auto& name : net.magNames)
        {
            auto& cycle = cycles[net.magAccess[name]];
            cyclePos[name] = cycle.size();
            cycle.push_back(name);
        }
        for (size_t i = 0; i < net.mnIds.size(); ++i)
        {
            const std::string& mnId = net.mnIds[i];
            const std::vector<std::string>& cycle = cycles[net.magAccess[net.firstMag[mnId]]];
            if (cycle.size() < 2)
            {
                continue;
            }
            size_t pos = cyclePos[net.firstMag[mnId]];
            // Relative to its own attachment: it stays firstMove - attachStart at its first MAG.
            Time firstMove = net.attachTime[mnId] + Seconds(c.firstMove - c.attachStart);
            for (uint32_t j = 0;; ++j)
            {
                Time at = firstMove + Seconds(j * c.moveInterval +
                                              uniform->GetValue(0, std::max(c.moveJitter, 0.0)));
                if (at + Seconds(c.linkSwitchDelay) >= trafficStop)
                {
                    break;
                }
                pos = (pos + 1) % cycle.size();
                planned.push_back({mnId, cycle[pos], at});
                firstMoveAt.emplace(mnId, at);
                topo.ScheduleMove(mnId, cycle[pos], at, Seconds(c.linkSwitchDelay));
            }
        }
    }

    // Traffic: one UDP flow per MN and direction.
    std::map<std::string, std::vector<Time>> downArrivals;
    std::map<std::string, std::vector<Time>> upArrivals;
    std::map<std::string, Ptr<Application>> downServers;
    std::map<std::string, Ptr<Application>> upServers;
    const bool v4Flows = c.ip == "v4";
    // ip v4: each downlink client learns the IPv4 home address (given by the LMA at the
    // registration) when it starts; the address is kept for the results
    auto ipv4Homes = std::make_shared<std::map<std::string, Ipv4Address>>();
    for (size_t i = 0; i < net.mnIds.size(); ++i)
    {
        const std::string& mnId = net.mnIds[i];
        Ptr<Node> mn = net.mnNodes[mnId];
        downArrivals[mnId];
        upArrivals[mnId];
        if (c.downlinkInterval > 0)
        {
            uint16_t port = static_cast<uint16_t>(DOWNLINK_PORT + i);
            ApplicationContainer server = UdpServerHelper(port).Install(mn);
            server.Start(Seconds(0));
            UdpClientHelper client(v4Flows ? Address(Ipv4Address::GetAny())
                                           : Address(net.homeAddresses[mnId]),
                                   port);
            client.SetAttribute("Interval", TimeValue(Seconds(c.downlinkInterval)));
            client.SetAttribute("PacketSize", UintegerValue(c.packetSize));
            client.SetAttribute("MaxPackets", UintegerValue(std::numeric_limits<uint32_t>::max()));
            ApplicationContainer app = client.Install(net.cn);
            Time start = trafficStart + Seconds(uniform->GetValue(0, c.downlinkInterval));
            app.Start(start);
            app.Stop(trafficStop);
            if (v4Flows)
            {
                // scheduled before the client's start event (inserted at initialization):
                // runs first at the same time
                Ptr<UdpClient> udp = DynamicCast<UdpClient>(app.Get(0));
                Ptr<LmaIpv4Extension> lma =
                    topo.GetLma(topo.GetMobileNodeLma(mnId))->GetExtension<LmaIpv4Extension>();
                Simulator::Schedule(start, [udp, lma, mnId, port, ipv4Homes]() {
                    Ipv4Address home = lma ? lma->GetHomeAddress(mnId) : Ipv4Address::GetAny();
                    (*ipv4Homes)[mnId] = home;
                    udp->SetRemote(home, port);
                });
            }
            Recorder::WatchServer(server.Get(0), &downArrivals[mnId]);
            downServers[mnId] = server.Get(0);
        }
        if (c.uplinkInterval > 0)
        {
            uint16_t port = static_cast<uint16_t>(UPLINK_PORT + i);
            ApplicationContainer server = UdpServerHelper(port).Install(net.cn);
            server.Start(Seconds(0));
            UdpClientHelper client(v4Flows ? Address(net.cnIpv4Address) : Address(net.cnAddress),
                                   port);
            client.SetAttribute("Interval", TimeValue(Seconds(c.uplinkInterval)));
            client.SetAttribute("PacketSize", UintegerValue(c.packetSize));
            client.SetAttribute("MaxPackets", UintegerValue(std::numeric_limits<uint32_t>::max()));
            ApplicationContainer app = client.Install(mn);
            app.Start(trafficStart + Seconds(uniform->GetValue(0, c.uplinkInterval)));
            app.Stop(trafficStop);
            Recorder::WatchServer(server.Get(0), &upArrivals[mnId]);
            upServers[mnId] = server.Get(0);
        }
    }

    // Traces.
    Recorder recorder(c.binWidth, c.simTime);
    recorder.WatchNode(net.cn, "cn", "cn");
    for (const auto& name : net.lmaNames)
    {
        recorder.WatchNode(topo.GetNode(name), name, "lma");
    }
    for (const auto& name : net.magNames)
    {
        recorder.WatchNode(net.mags[name]->GetNode(), name, "mag");
        recorder.WatchMag(net.mags[name], name);
    }
    for (const auto& mnId : net.mnIds)
    {
        recorder.WatchNode(net.mnNodes[mnId], mnId, "mn");
    }
    uint64_t lmaHandovers = 0;
    for (const auto& lma : net.lmas)
    {
        lma->TraceConnectWithoutContext(
            "Handover",
            Callback<void, const std::string&, Ipv6Address, Ipv6Address>(
                [&lmaHandovers](const std::string&, Ipv6Address, Ipv6Address) { lmaHandovers++; }));
    }

    // Addresses before each MN's first move and at the end.
    std::map<std::string, std::vector<std::string>> addressesBefore;
    std::map<std::string, std::vector<std::string>> addressesAfter;
    for (const auto& mnId : net.mnIds)
    {
        auto firstMove = firstMoveAt.find(mnId);
        Time before = firstMove == firstMoveAt.end() ? trafficStop - MilliSeconds(1)
                                                     : firstMove->second - MilliSeconds(1);
        Ptr<Node> node = net.mnNodes[mnId];
        Simulator::Schedule(before, [&addressesBefore, mnId, node]() {
            addressesBefore[mnId] = GlobalAddresses(node);
        });
        Simulator::Schedule(simTime - MilliSeconds(1), [&addressesAfter, mnId, node]() {
            addressesAfter[mnId] = GlobalAddresses(node);
        });
    }

    // FlowMonitor only when there are flows: each of its probes connects through a
    // /NodeList/<id>/... Config path, which ns-3 resolves in O(number of nodes).
    FlowMonitorHelper flowHelper;
    Ptr<FlowMonitor> monitor;
    if (c.downlinkInterval > 0 || c.uplinkInterval > 0)
    {
        NodeContainer endpoints(net.cn);
        for (const auto& mnId : net.mnIds)
        {
            endpoints.Add(net.mnNodes[mnId]);
        }
        monitor = flowHelper.Install(endpoints);
    }

    // Fixed streams for every random variable of the stack and devices.
    InternetStackHelper internet;
    stream += internet.AssignStreams(NodeContainer::GetGlobal(), stream);
    stream += AssignDeviceStreams(stream);
    for (const auto& [name, mag] : net.mags)
    {
        // the random delay of the RAs answering Router Solicitations
        stream += mag->GetRouterAdvertiser()->AssignStreams(stream);
    }

    ProgressTicker ticker{progress, Seconds(interval > 0 ? interval : c.simTime / 100), simTime};
    if (progress)
    {
        if (!ticker.step.IsStrictlyPositive())
        {
            ticker.step = simTime;
        }
        Simulator::ScheduleNow(&ProgressTicker::Tick, &ticker);
    }
    Simulator::Stop(simTime);
    Simulator::Run();
    if (progress)
    {
        progress(Simulator::Now().GetSeconds(), simTime.GetSeconds());
    }

    // ---- collect ---------------------------------------------------------------------------
    Pmipv6ScenarioResult r;
    r.binWidth = c.binWidth;
    r.magNames = net.magNames;
    r.faultLosses = topo.GetFaultLosses();
    if (r.faultLosses.size() == 1 && r.faultLosses["total"] == 0)
    {
        r.faultLosses.clear(); // no fault model at all
    }
    r.registrations = recorder.registrations;
    r.timeSeries = recorder.GetSeries();
    for (auto& series : r.timeSeries)
    {
        if (series.device == "tunnel")
        {
            series.link = "tunnel";
        }
        else if (series.role == "mn")
        {
            series.link = "access";
        }
        else if (series.role == "mag")
        {
            Ptr<NetDevice> access = topo.GetAccessDevice(series.node);
            Ptr<Ipv6> ipv6 = access->GetNode()->GetObject<Ipv6>();
            series.link = ipv6->GetInterfaceForDevice(access) == int32_t(series.interface)
                              ? "access"
                              : "transport";
        }
        else
        {
            series.link = "transport";
        }
    }

    if (monitor)
    {
        monitor->CheckForLostPackets();
    }
    std::map<std::string, std::string> mnByHome;
    for (const auto& mnId : net.mnIds)
    {
        mnByHome[ToString(net.homeAddresses[mnId])] = mnId;
    }
    for (const auto& [mnId, home] : *ipv4Homes)
    {
        std::ostringstream text;
        text << home;
        mnByHome[text.str()] = mnId;
    }
    // one run's flows are all IPv6 or all IPv4 (ip v4): the two classifiers number their
    // flows independently, so one of them is read
    Ptr<Ipv6FlowClassifier> classifier =
        DynamicCast<Ipv6FlowClassifier>(flowHelper.GetClassifier6());
    Ptr<Ipv4FlowClassifier> classifier4 =
        v4Flows ? DynamicCast<Ipv4FlowClassifier>(flowHelper.GetClassifier()) : nullptr;
    for (const auto& kv : monitor ? monitor->GetFlowStats() : FlowMonitor::FlowStatsContainer())
    {
        const FlowMonitor::FlowStats& st = kv.second;
        Pmipv6FlowResult f;
        f.flowId = kv.first;
        if (classifier4)
        {
            Ipv4FlowClassifier::FiveTuple t4 = classifier4->FindFlow(kv.first);
            std::ostringstream source;
            std::ostringstream destination;
            source << t4.sourceAddress;
            destination << t4.destinationAddress;
            f.source = source.str();
            f.destination = destination.str();
            f.sourcePort = t4.sourcePort;
            f.destinationPort = t4.destinationPort;
        }
        else
        {
            Ipv6FlowClassifier::FiveTuple t6 = classifier->FindFlow(kv.first);
            f.source = ToString(t6.sourceAddress);
            f.destination = ToString(t6.destinationAddress);
            f.sourcePort = t6.sourcePort;
            f.destinationPort = t6.destinationPort;
        }
        if (mnByHome.count(f.destination) && f.destinationPort >= DOWNLINK_PORT &&
            f.destinationPort < DOWNLINK_PORT + net.mnIds.size())
        {
            f.direction = "downlink";
            f.mnId = mnByHome[f.destination];
        }
        else if (mnByHome.count(f.source) && f.destinationPort >= UPLINK_PORT &&
                 f.destinationPort < UPLINK_PORT + net.mnIds.size())
        {
            f.direction = "uplink";
            f.mnId = mnByHome[f.source];
        }
        else
        {
            f.direction = "other";
        }
        f.txPackets = st.txPackets;
        f.rxPackets = st.rxPackets;
        f.lostPackets = st.txPackets - std::min(st.txPackets, st.rxPackets);
        f.txBytes = st.txBytes;
        f.rxBytes = st.rxBytes;
        f.lossRatio = st.txPackets ? double(f.lostPackets) / st.txPackets : 0;
        Time active = st.timeLastRxPacket - st.timeFirstTxPacket;
        f.throughputMbps =
            active.IsStrictlyPositive() ? st.rxBytes * 8.0 / active.GetSeconds() / 1e6 : 0;
        f.meanDelayMs = st.rxPackets ? st.delaySum.GetSeconds() * 1000 / st.rxPackets : 0;
        f.meanJitterMs =
            st.rxPackets > 1 ? st.jitterSum.GetSeconds() * 1000 / (st.rxPackets - 1) : 0;
        r.flows.push_back(f);
    }

    // Moves, from the MAGs' attach / detach traces.
    // Grouped by MN once (not scanned per MN).
    std::map<std::string, std::vector<const Recorder::Attachment*>> attachmentsByMn;
    for (const auto& a : recorder.attachments)
    {
        attachmentsByMn[a.mnId].push_back(&a);
    }
    std::map<std::string, std::vector<const Pmipv6RegistrationEvent*>> registrationsByMn;
    for (const auto& e : r.registrations)
    {
        registrationsByMn[e.mnId].push_back(&e);
    }
    std::map<std::string, std::vector<Pmipv6MoveResult>> movesByMn;
    for (const auto& mnId : net.mnIds)
    {
        bool first = true;
        std::string lastMag;
        Time lastDetach = Seconds(-1);
        uint32_t index = 0;
        for (const Recorder::Attachment* attachment : attachmentsByMn[mnId])
        {
            const Recorder::Attachment& a = *attachment;
            if (!a.attach)
            {
                lastDetach = a.time;
                continue;
            }
            if (first)
            {
                first = false;
                lastMag = a.mag;
                lastDetach = Seconds(-1);
                continue;
            }
            Pmipv6MoveResult m;
            m.mnId = mnId;
            m.index = ++index;
            m.fromMag = lastMag;
            m.toMag = a.mag;
            m.detachTime = lastDetach.IsNegative() ? -1 : lastDetach.GetSeconds();
            m.attachTime = a.time.GetSeconds();
            for (const Pmipv6RegistrationEvent* registration : registrationsByMn[mnId])
            {
                const Pmipv6RegistrationEvent& e = *registration;
                if (e.mag == a.mag && e.time >= m.attachTime &&
                    (m.registrationTime < 0 || e.time < m.registrationTime))
                {
                    m.registrationTime = e.time;
                    m.registrationLatencyMs = e.latencyMs;
                }
            }
            movesByMn[mnId].push_back(m);
            lastMag = a.mag;
            lastDetach = Seconds(-1);
        }
        // Interruption windows: halfway to the neighbouring moves.
        auto& list = movesByMn[mnId];
        for (size_t k = 0; k < list.size(); ++k)
        {
            auto moveTime = [&list](size_t j) {
                return Seconds(list[j].detachTime >= 0 ? list[j].detachTime : list[j].attachTime);
            };
            Time at = moveTime(k);
            Time lo = k == 0 ? trafficStart : (moveTime(k - 1) + at) / 2;
            Time hi = k + 1 == list.size() ? trafficStop : (at + moveTime(k + 1)) / 2;
            bool downRestored = false;
            bool upRestored = false;
            if (c.downlinkInterval > 0)
            {
                list[k].downlinkInterruptionMs =
                    LargestGapMs(downArrivals[mnId], at, lo, hi, downRestored);
            }
            if (c.uplinkInterval > 0)
            {
                list[k].uplinkInterruptionMs =
                    LargestGapMs(upArrivals[mnId], at, lo, hi, upRestored);
            }
            list[k].restored = c.downlinkInterval > 0 ? downRestored : upRestored;
        }
    }
    for (const auto& mnId : net.mnIds)
    {
        Pmipv6MobileNodeResult m;
        m.mnId = mnId;
        m.homeAddress = ToString(net.homeAddresses[mnId]);
        if (c.ip != "v6")
        {
            Ipv4Address home = topo.GetIpv4HomeAddress(mnId);
            if (home == Ipv4Address::GetAny() && ipv4Homes->count(mnId))
            {
                home = ipv4Homes->at(mnId); // released since (de-registered)
            }
            if (home != Ipv4Address::GetAny())
            {
                std::ostringstream text;
                text << home;
                m.ipv4HomeAddress = text.str();
            }
        }
        m.firstMag = net.firstMag[mnId];
        const auto& before = addressesBefore[mnId];
        m.addressKept = std::find(before.begin(), before.end(), m.homeAddress) != before.end() &&
                        before == addressesAfter[mnId];
        m.downlinkRxPackets = downArrivals[mnId].size();
        m.uplinkRxPackets = upArrivals[mnId].size();
        const auto& list = movesByMn[mnId];
        m.moves = list.size();
        double sum = 0;
        uint32_t n = 0;
        for (const auto& mv : list)
        {
            r.moves.push_back(mv);
            if (mv.downlinkInterruptionMs >= 0)
            {
                sum += mv.downlinkInterruptionMs;
                n++;
                m.downlinkInterruptionMs =
                    std::max(m.downlinkInterruptionMs, mv.downlinkInterruptionMs);
            }
            m.uplinkInterruptionMs = std::max(m.uplinkInterruptionMs, mv.uplinkInterruptionMs);
        }
        m.meanDownlinkInterruptionMs = n ? sum / n : 0;
        ReportRegistration(m, net, topo, recorder);
        r.mobileNodes.push_back(m);
    }

    uint64_t pbu = 0;
    uint64_t ra = 0;
    for (const auto& name : net.magNames)
    {
        pbu += net.mags[name]->GetPbuCount();
        ra += net.mags[name]->GetRouterAdvertisementCount();
    }
    uint64_t pbaRejected = 0;
    uint64_t pbuReceived = 0;
    uint64_t pba = 0;
    uint64_t bri = 0;
    uint64_t bra = 0;
    for (const auto& lma : net.lmas)
    {
        for (uint32_t status = 0; status < 256; ++status)
        {
            uint64_t n = lma->GetPbaCount(static_cast<uint8_t>(status));
            if (n > 0)
            {
                r.pbaStatus[status] += n;
            }
            if (status >= mip6::STATUS_REJECTION_THRESHOLD)
            {
                pbaRejected += n;
            }
        }
        pbuReceived += lma->GetPbuCount();
        pba += lma->GetPbaCount();
        bri += lma->GetRevocationCount();
        bra += lma->GetRevocationAckCount();
    }
    r.signalling["PBU"] = pbu;
    r.signalling["PBU-initial"] = recorder.pbuInitial;
    r.signalling["PBU-refresh"] = recorder.pbuRefreshes;
    r.signalling["PBU-dereg"] = recorder.pbuDeregistrations;
    r.signalling["PBU-received"] = pbuReceived;
    r.signalling["PBA"] = pba;
    r.signalling["PBA-rejected"] = pbaRejected;
    r.signalling["BRI"] = bri;
    r.signalling["BRA"] = bra;
    r.signalling["RA"] = ra;
    r.signalling["LMA-handover"] = lmaHandovers;
    r.signalling["registration-failed"] = recorder.failures;
    r.signalling["registration-recovery"] = recorder.recoveryCount;

    r.wallClockSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    // Destroy while the traces' sinks (locals of this function) still exist; cleanUp then
    // resets the configuration.
    Simulator::Destroy();
    return r;
}

} // namespace ns3

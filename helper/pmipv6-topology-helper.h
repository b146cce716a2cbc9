/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_TOPOLOGY_HELPER_H
#define PMIPV6_TOPOLOGY_HELPER_H

#include "pmipv6-helper.h"

#include "ns3/channel.h"
#include "ns3/data-rate.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"
#include "ns3/link-fault-error-model.h"
#include "ns3/net-device.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/pmipv6-lma-application.h"
#include "ns3/pmipv6-mag-application.h"
#include "ns3/pmipv6-profile.h"

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief What a vertex of a PMIPv6 topology graph is (bundled vertex property).
 *
 * In a DOT file these are the node attributes `role`, `access`, `x`, `y`, `lma`; the node
 * identifier is the name.
 */
struct Pmipv6VertexProperties
{
    std::string name;            ///< unique name (DOT node id)
    std::string role;            ///< "lma", "mag", "cn" or "router"
    std::string access = "csma"; ///< MAG access link: "csma", "p2p" or "wifi"
    double x = 0;                ///< position (m): Wi-Fi access points, NetAnim
    double y = 0;                ///< position (m)
    std::string lma;             ///< MAG only: name of its LMA (empty: the nearest one)
    /// MAG only: loss rate (0..1) from the mobile nodes to the MAG (DOT `access_loss_up`)
    std::string accessLossUp;
    /// MAG only: loss rate (0..1) from the MAG to the mobile nodes (DOT `access_loss_down`)
    std::string accessLossDown;
    /// MAG only: mean loss burst length on the access link, in packets (DOT `access_burst`)
    std::string accessBurst;
    /// LMA or MAG: restarts, "at[+downtime]" in seconds, comma-separated (DOT `restart`)
    std::string restart;
    /// "1" or "true": this vertex reaches the MAGs that have no other link through one L2
    /// aggregation switch, one interface and one /64 for all of them (DOT `switch`; see
    /// Pmipv6TopologyHelper)
    std::string aggregationSwitch;
    /// LMA only: the network between the LMA and its MAGs, "v6" (default) or "v4" (RFC 5844
    /// 4: the LMA and its MAGs are reached by IPv4 addresses; DOT `transport`)
    std::string transport;
};

/**
 * \ingroup pmipv6
 * \brief What an edge (a transport link) of a PMIPv6 topology graph is (bundled edge
 * property). In a DOT file these are the edge attributes `type`, `rate`, `delay`.
 */
struct Pmipv6EdgeProperties
{
    std::string type = "p2p";         ///< "p2p" (PointToPoint) or "csma" (a two-node CSMA link)
    std::string dataRate = "100Mbps"; ///< data rate, in ns-3 DataRate syntax
    std::string delay = "2ms";        ///< one-way delay, in ns-3 Time syntax
    std::string loss;                 ///< loss rate (0..1) both ways (DOT `loss`; empty: none)
    std::string lossAb; ///< loss rate from the first end to the second (DOT `loss_ab`)
    std::string lossBa; ///< loss rate from the second end to the first (DOT `loss_ba`)
    std::string burst;  ///< mean loss burst length in packets (DOT `burst`; <= 1: independent)
    std::string jitter; ///< extra delay U(0, jitter) per packet (DOT `jitter`; p2p reorders)
    std::string down;   ///< outages "from-to" in seconds, comma-separated (DOT `down`)
};

/// A PMIPv6 topology: an undirected Boost.Graph with bundled properties.
typedef boost::adjacency_list<boost::vecS,
                              boost::vecS,
                              boost::undirectedS,
                              Pmipv6VertexProperties,
                              Pmipv6EdgeProperties>
    Pmipv6Graph;

/**
 * \ingroup pmipv6
 * \brief Builds a whole Proxy Mobile IPv6 domain from a graph (Boost.Graph or a GraphViz DOT
 * file): nodes, transport links and addresses, static routes along shortest paths, LMAs, MAGs
 * with CSMA or Wi-Fi access links, and mobile nodes that move between MAGs on a schedule.
 *
 * Build():
 * - one node per vertex, all with Pmipv6Helper::InstallStack, and a ConstantPositionMobilityModel
 *   at (x, y, 0);
 * - one transport link per edge (point-to-point, or a two-node CSMA link) with its data rate and
 *   delay, and its own prefix fd00:0:0:<k>::/64 (k = 1, 2, ... in edge order); a node's first
 *   transport address is its address on the first of its links;
 * - routes: Dijkstra over the links' delays (Boost.Graph); a node with a single link gets a
 *   default route through it, every other node one static network route per link it is not on
 *   and one per LMA's home-network-prefix block 2001:1:<lma index>::/48 (towards that LMA), so
 *   that every node reaches every transport address and every mobile node; CNs also get a
 *   default route towards their nearest LMA;
 * - an LMA on each "lma" vertex (indices 1, 2, ... in vertex order), whose LMA address is its
 *   first transport address and which assigns home network prefixes (to mobile nodes whose
 *   profile names none) from its own pool over its block 2001:1:<lma index>::/48;
 * - a MAG on each "mag" vertex, served by the LMA its `lma` attribute names or else the nearest
 *   LMA (shortest path); its Proxy-CoA is its address on the link towards that LMA. Its access
 *   link is a CsmaChannel of its own ("csma"), a point-to-point link to each mobile node all
 *   ending on one device of the MAG ("p2p": PointToPointAccessChannel, SimpleNetDevices with
 *   the CSMA access links' DataRate and Delay; a frame reaches only its addressee, so its cost
 *   does not grow with the mobile nodes on the link; pcap: one file at the MAG's end) or a
 *   Wi-Fi access point ("wifi", 802.11a, SSID "pmipv6", one YansWifiChannel shared by all,
 *   the AP at the vertex's x/y).
 * - aggregation switch (vertex attribute `switch=1`, MakeStar(..., true)): the vertex's links
 *   to MAGs that have no other link (the MAGs of a star) are not links of their own but
 *   ports of one L2 switch, a node with a BridgeNetDevice (learning, no IP): each such
 *   MAG has a full-duplex link (SimpleNetDevice, any edge type) to a switch port with the
 *   edge's rate and delay, the switch a CSMA uplink to the vertex (100 Gbps, no delay, pcap),
 *   and all share one /64 (the first such edge's; the vertex is ::1 on it, as it has one
 *   interface for all of them). Neighbour entries between the vertex and each port's
 *   vertex are permanent and the segment's addresses skip DAD, so that no multicast
 *   floods the switch's ports (an NS would reach every port). Loss and outages of such an
 *   edge act on its port link (no jitter there). What this saves: ns-3 scans every
 *   interface (and every address) of a node for each packet the node sends or receives,
 *   so the LMA of a star with M links spends O(M) per packet; with the switch it has a
 *   handful of interfaces (the switch's own per-frame cost is a lookup in its learning
 *   table and a scan of its M + 1 protocol handlers by ns-3's Node, a few instructions
 *   per port).
 *
 * Mobile nodes (AddMobileNode) are unchanged ns-3 IPv6 hosts with one access device (or, see
 * SetMobileNodeInterfaces(), several behind a LogicalInterfaceNetDevice) and a
 * static home network prefix 2001:1:<lma index>:<mn index>::/64 (mn index from 1, in the order
 * added; from the 65536th on, 2001:<1 + index / 65536>:<lma index>:<index mod 65536>::/64, in
 * further /48 blocks routed towards the LMA when first used), reserved in that LMA's pool; their
 * LMA is the LMA of the MAG they first attach to. ScheduleMove() moves them: on CSMA and "p2p"
 * the device leaves one channel and joins another (the MAGs are told by NotifyDetach/NotifyAttach);
 * on Wi-Fi
 * the station is teleported (see ScheduleMove()).
 *
 * Scheduled attachments and moves hold what they need by reference count, so the helper may be
 * destroyed before the simulation runs. The helper is not an ns-3 Object; LMA and MAG
 * attributes are set through GetPmipv6Helper() before Build().
 */
class Pmipv6TopologyHelper
{
  public:
    /// \brief A helper; LMAs and MAGs come from its Pmipv6Helper.
    Pmipv6TopologyHelper();
    /// \brief Destructor.
    ~Pmipv6TopologyHelper();

    /**
     * \brief The Pmipv6Helper that installs the LMAs and MAGs: set their attributes on it
     * before Build().
     * \return the helper
     */
    Pmipv6Helper& GetPmipv6Helper();

    /**
     * \brief Set an attribute of the CSMA channels of the MAGs' CSMA access links (before
     * Build(); defaults: DataRate 100Mbps, Delay 10us).
     * \param name attribute name
     * \param value value
     */
    void SetCsmaAccessChannelAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief The Wi-Fi data mode of access points and stations (ConstantRateWifiManager, before
     * Build(); default OfdmRate12Mbps).
     * \param mode an 802.11a mode name
     */
    void SetWifiDataMode(const std::string& mode);

    /**
     * \brief Build the domain the graph describes (once per helper). Aborts with the reason
     * when the graph is not a valid topology (see Validate()).
     * \param graph the topology
     */
    void Build(const Pmipv6Graph& graph);

    /**
     * \brief ReadDot() then Build().
     * \param path the DOT file
     */
    void BuildFromDot(const std::string& path);

    /**
     * \brief Read a topology from a GraphViz DOT file; aborts with the reason when the file
     * cannot be read, does not parse, or is not a valid topology.
     *
     * Node ids are the names; node attributes role, access, x, y, lma and edge attributes
     * type, rate, delay are read, others (label, color, pos...) ignored. `graph` and
     * `digraph` are both accepted (a directed edge is one link).
     * \param path the file
     * \return the graph
     */
    static Pmipv6Graph ReadDot(const std::string& path);

    /**
     * \brief ReadDot() that reports failures instead of aborting.
     * \param path the file
     * \param graph receives the graph
     * \param error receives the reason of a failure
     * \return true on success
     */
    static bool TryReadDot(const std::string& path, Pmipv6Graph& graph, std::string& error);

    /**
     * \brief Parse DOT text (see ReadDot()), reporting failures.
     * \param text the DOT text
     * \param graph receives the graph
     * \param error receives the reason of a failure
     * \return true on success
     */
    static bool TryParseDot(const std::string& text, Pmipv6Graph& graph, std::string& error);

    /**
     * \brief Check that a graph is a topology Build() accepts: unique non-empty names, known
     * roles and access types, at least one LMA, `lma` attributes naming LMAs, parseable edge
     * types, rates and delays, no self-loops, connected, distinct positions of Wi-Fi MAGs, at
     * most 65535 links and LMAs.
     * \param graph the graph
     * \param error receives the first problem found
     * \return true when valid
     */
    static bool Validate(const Pmipv6Graph& graph, std::string& error);

    /**
     * \brief A star: CN -- LMA (1Gbps, 2ms) and LMA -- MAG1..MAGn (100Mbps, magLmaDelay). Named
     * "cn", "lma", "mag1"... The MAGs lie on a line 500 m apart (out of each other's Wi-Fi
     * range), the LMA and the CN below them.
     * \param nMags number of MAGs (at least 1)
     * \param magLmaDelay delay of each MAG-LMA link
     * \param access access of the MAGs, "csma", "p2p" or "wifi"
     * \param aggregationSwitch connect the MAGs to the LMA through one L2 switch (the LMA's
     * `switch` attribute, see the class description) instead of one link each
     * \return the graph
     */
    static Pmipv6Graph MakeStar(uint32_t nMags,
                                std::string magLmaDelay = "5ms",
                                std::string access = "csma",
                                bool aggregationSwitch = false);

    /**
     * \brief The node of a vertex (or of a mobile node, by its identifier).
     * \param name the vertex name or mobile node identifier
     * \return the node (aborts when unknown)
     */
    Ptr<Node> GetNode(const std::string& name) const;

    /**
     * \brief The nodes of one role, in vertex order ("mn": the mobile nodes, in the order they
     * were added).
     * \param role "lma", "mag", "cn", "router" or "mn"
     * \return the nodes
     */
    NodeContainer GetNodes(const std::string& role) const;

    /**
     * \brief The LMA application of an "lma" vertex.
     * \param name the vertex name
     * \return the application (aborts when not an LMA)
     */
    Ptr<Pmipv6LmaApplication> GetLma(const std::string& name) const;

    /**
     * \brief The MAG application of a "mag" vertex.
     * \param name the vertex name
     * \return the application (aborts when not a MAG)
     */
    Ptr<Pmipv6MagApplication> GetMag(const std::string& name) const;

    /**
     * \brief A vertex's first transport address (its address on the first of its links; the
     * LMA address of an LMA).
     * \param name the vertex name
     * \return the address
     */
    Ipv6Address GetAddress(const std::string& name) const;

    /**
     * \brief The names of the MAGs, in vertex order.
     * \return the names
     */
    std::vector<std::string> GetMagNames() const;

    /**
     * \brief The names of the vertices of one role, in vertex order.
     * \param role "lma", "mag", "cn" or "router"
     * \return the names
     */
    std::vector<std::string> GetNames(const std::string& role) const;

    /**
     * \brief The LMA serving a MAG (its `lma` attribute or the nearest LMA).
     * \param magName the MAG
     * \return the LMA's name
     */
    std::string GetMagLma(const std::string& magName) const;

    /**
     * \brief The MAG's access device (CSMA device or Wi-Fi access point).
     * \param magName the MAG
     * \return the device
     */
    Ptr<NetDevice> GetAccessDevice(const std::string& magName) const;

    /**
     * \brief The shortest path (by link delay) the routes follow.
     * \param from a vertex name
     * \param to a vertex name
     * \return the vertex names from \p from to \p to, both included
     */
    std::vector<std::string> GetShortestPath(const std::string& from, const std::string& to) const;

    /**
     * \brief The graph that was built.
     * \return the graph
     */
    const Pmipv6Graph& GetGraph() const;

    /**
     * \brief Add a mobile node that attaches to a MAG.
     *
     * CSMA MAG: the node gets one CSMA device on the MAG's access link from \p attachAt, when
     * the MAG is told (NotifyAttach). Wi-Fi MAG: the node gets a station (ConstantVelocity
     * mobility, velocity 0) that is out of every access point's range until \p attachAt and then
     * 5 m from the MAG's access point; the association triggers the registration. Its profile
     * names the LMA of \p firstMag and the home network prefix 2001:1:<lma index>:<mn index>::/64.
     * Call after Build().
     * \param mnId the identifier (NAI); also the name GetNode() knows it by
     * \param firstMag the MAG it attaches to first
     * \param attachAt when (absolute simulation time)
     * \return the mobile node
     */
    Ptr<Node> AddMobileNode(const std::string& mnId, const std::string& firstMag, Time attachAt);

    /**
     * \brief How many interfaces the mobile nodes added next have (default 1).
     *
     * With 2, AddMobileNode() gives the node one CSMA device per interface behind a
     * LogicalInterfaceNetDevice (draft 001 section 6: one IPv6 interface, one home address),
     * interface k at the k-th CSMA MAG after the first one (vertex order, cyclically; or the
     * MAGs AddMobileNode(mnId, mags, attachAt) names). Each interface is its own attachment
     * at its MAG (its own MAC address, so its own MN link-layer identifier and binding cache
     * entry); each interface's first attachment carries Handoff Indicator 6 (RFC 7864: a new
     * interface sharing the prefix), and the helper registers an LmaFlowMobilityExtension
     * with the LMA, so both bindings share the node's home network prefix. A later
     * attachment of an interface (ScheduleMove()) is a handover of that interface's binding
     * (the MAG's DefaultHandoffIndicator). Wi-Fi MAGs take single-interface nodes only.
     * \param n 1 or 2
     */
    void SetMobileNodeInterfaces(uint32_t n);

    /**
     * \brief Whether the profiles of the mobile nodes added next authorize only the domain's
     * MAGs (their Proxy-CoAs) to register them (Pmipv6Profile::authorizedMags; the LMA
     * refuses a PBU from any other node with status 154, as RFC 5213 section 4 expects of an
     * LMA that has a security association with each MAG). Default false: any MAG, and each
     * profile stays small in domains with many MAGs.
     * \param enable true: only the domain's MAGs
     */
    void SetMagAuthorization(bool enable);

    /**
     * \brief Give the domain IPv4 (RFC 5844) from Build() on: every node an IPv4 stack, every
     * transport link (not those behind an aggregation switch) an IPv4 /24
     * 10.<k / 256>.<k mod 256>.0 (k the link's index from 1), IPv4 static routes along the
     * same shortest paths as the IPv6 ones (one network route per link and per LMA pool, a
     * default route on single-link nodes and, on CNs, towards the nearest LMA), each LMA an
     * LmaIpv4Extension with the pool 10.<100 + LMA index>.0.0/16 (router .0.1) and each MAG
     * the MagIpv4Extension and MagDhcpServer (Pmipv6Helper::EnableIpv4). Needed for
     * SetMobileNodeIp("v4" / "dual"); implied by an IPv4 transport. Call before Build().
     * \param enable true: IPv4 too
     */
    void SetIpv4(bool enable);

    /**
     * \brief The MAG-LMA network of the LMAs whose vertex has no `transport` attribute: "v6"
     * (default) or "v4" (RFC 5844 4: the LMA installed with its first IPv4 address as
     * IPv4-LMAA, its MAGs with their IPv4 address on the link towards it as IPv4-Proxy-CoA;
     * signalling in IPv4 / UDP, tunnels IPv6 / IPv4 in IPv4). The links keep their IPv6
     * addresses (the correspondents' IPv6 traffic reaches the LMA over them). Call before
     * Build().
     * \param transport "v6" or "v4"
     */
    void SetTransport(const std::string& transport);

    /**
     * \brief The IP version of the mobile nodes added next: "v6" (default: IPv6 home network
     * prefix only), "dual" (also an IPv4 home address, Pmipv6Helper::EnableIpv4MobileNode) or
     * "v4" (an IPv4-only registration, RFC 5844 3.1.3: the PBUs carry the IPv4 Home Address
     * Request and no Home Network Prefix option, the binding has no home network prefix, the
     * MAG sends no Router Advertisement; the node's IPv6 stack stays, with its link-local
     * address only). "v4" and "dual" need IPv4 (SetIpv4() or an IPv4 transport).
     * \param ip "v6", "v4" or "dual"
     */
    void SetMobileNodeIp(const std::string& ip);

    /**
     * \brief Whether the mobile nodes added next with IPv4 get their address by DHCP from
     * the MAG (RFC 5844 3.4.1; the client starts 1 ms after the first attachment) rather than
     * configured by the helper from the PBA (default).
     * \param enable true: DHCP
     */
    void SetMobileNodeDhcp(bool enable);

    /**
     * \brief A mobile node's IP version (SetMobileNodeIp() when it was added).
     * \param mnId the identifier
     * \return "v6", "v4" or "dual"
     */
    std::string GetMobileNodeIp(const std::string& mnId) const;

    /**
     * \brief A vertex's first IPv4 transport address (SetIpv4()).
     * \param name the vertex name
     * \return the address, 0.0.0.0 when the domain has no IPv4
     */
    Ipv4Address GetIpv4Address(const std::string& name) const;

    /**
     * \brief The IPv4 home address a mobile node's LMA gave it (0.0.0.0: none yet).
     * \param mnId the identifier
     * \return the address
     */
    Ipv4Address GetIpv4HomeAddress(const std::string& mnId) const;

    /**
     * \brief The MAG-LMA transport of an LMA.
     * \param lmaName the LMA's vertex name
     * \return "v6" or "v4"
     */
    std::string GetTransport(const std::string& lmaName) const;

    /**
     * \brief Whether the CSMA devices of the mobile nodes added next filter multicast frames
     * the way an Ethernet NIC does (a MulticastRxFilter as their receive error model, in front
     * of the downlink fault model): frames to another node's solicited-node group, or to any
     * group the node's IPv6 interface would not accept, are dropped at the device instead of
     * going up its IPv6 stack. The nodes' protocol behaviour is the same (those packets are
     * dropped by their IPv6 layer otherwise); their IPv6 Rx trace and their devices' PhyRxDrop
     * trace see the difference. Default false. At scale it saves one pass through the IPv6
     * stack of every node on the access link for every Neighbor Solicitation, DAD probe and
     * Router Solicitation on it.
     * \param enable true: filter
     */
    void SetMobileNodeMulticastFilter(bool enable);

    /**
     * \brief Whether mobile nodes added next filter multicast (SetMobileNodeMulticastFilter).
     * \return true when they do
     */
    bool GetMobileNodeMulticastFilter() const;

    /**
     * \brief Frames the multicast filters of a mobile node's devices dropped
     * (SetMobileNodeMulticastFilter).
     * \param mnId the mobile node
     * \return the count (0 without filters)
     */
    uint64_t GetMulticastFiltered(const std::string& mnId) const;

    /**
     * \brief How many interfaces the mobile nodes added next have.
     * \return 1 or 2
     */
    uint32_t GetMobileNodeInterfaces() const;

    /**
     * \brief Add a mobile node with one interface per MAG given, all attaching at \p attachAt
     * (one MAG: as AddMobileNode(mnId, firstMag, attachAt) with one interface; several: see
     * SetMobileNodeInterfaces()). The MAGs must be CSMA MAGs, or all "p2p" MAGs, of one LMA when
     * there are several. Call after Build(). \param mnId the identifier (NAI); also the name
     * GetNode() knows it by \param mags the MAG of each interface (1 or 2; one MAG may appear
     * twice) \param attachAt when (absolute simulation time) \return the mobile node
     */
    Ptr<Node> AddMobileNode(const std::string& mnId,
                            const std::vector<std::string>& mags,
                            Time attachAt);

    /**
     * \brief Move a mobile node to another MAG of the same access type.
     *
     * CSMA: at \p at the device leaves its link (the MAG is told: de-registration), and
     * \p linkSwitchDelay later it joins \p toMag's link (the MAG is told: registration).
     * Wi-Fi: the station is teleported at \p at out of every access point's range, and
     * \p linkSwitchDelay later 5 m from \p toMag's access point. The station then notices the
     * loss of its access point after StaWifiMac::MaxMissedBeacons beacons and associates with
     * the new one, whose MAG registers it (and the LMA revokes the old binding). Teleporting
     * makes the handover time independent of the distance between access points; scripts that
     * want motion set the station's ConstantVelocityMobilityModel themselves.
     * \param mnId the mobile node
     * \param toMag the MAG it moves to
     * \param at when it leaves (absolute simulation time)
     * \param linkSwitchDelay how long it is on no link
     */
    void ScheduleMove(const std::string& mnId,
                      const std::string& toMag,
                      Time at,
                      Time linkSwitchDelay = MilliSeconds(50));

    /**
     * \brief Move one interface of a mobile node to another MAG (interface 0: as
     * ScheduleMove(mnId, toMag, at, linkSwitchDelay)). The other interfaces stay attached.
     * \param mnId the mobile node
     * \param interface the interface (0-based)
     * \param toMag the MAG it moves to
     * \param at when it leaves (absolute simulation time)
     * \param linkSwitchDelay how long it is on no link
     */
    void ScheduleMove(const std::string& mnId,
                      uint32_t interface,
                      const std::string& toMag,
                      Time at,
                      Time linkSwitchDelay = MilliSeconds(50));

    /**
     * \brief The mobile node's home address (SLAAC from its home network prefix).
     * \param mnId the mobile node
     * \return the address
     */
    Ipv6Address GetHomeAddress(const std::string& mnId) const;

    /**
     * \brief The mobile node's home network prefix.
     * \param mnId the mobile node
     * \return the prefix
     */
    HomeNetworkPrefix GetHomeNetworkPrefix(const std::string& mnId) const;

    /**
     * \brief The mobile node's IPv6 device: its access device, or with several interfaces its
     * LogicalInterfaceNetDevice.
     * \param mnId the mobile node
     * \return the device
     */
    Ptr<NetDevice> GetMobileDevice(const std::string& mnId) const;

    /**
     * \brief The access device of one interface of a mobile node.
     * \param mnId the mobile node
     * \param interface the interface (0-based)
     * \return the device
     */
    Ptr<NetDevice> GetMobileDevice(const std::string& mnId, uint32_t interface) const;

    /**
     * \brief The number of interfaces of a mobile node.
     * \param mnId the mobile node
     * \return the number
     */
    uint32_t GetNInterfaces(const std::string& mnId) const;

    /**
     * \brief The LMA of a mobile node (the LMA of the MAG it first attached to).
     * \param mnId the mobile node
     * \return the LMA's name
     */
    std::string GetMobileNodeLma(const std::string& mnId) const;

    /**
     * \brief The MAG a mobile node was last moved to, at the current simulation time (empty
     * while it is between links or before its first attachment).
     * \param mnId the mobile node
     * \return the MAG's name
     */
    std::string GetCurrentMag(const std::string& mnId) const;

    /**
     * \brief The MAG one interface of a mobile node was last moved to (empty while it is on
     * no link).
     * \param mnId the mobile node
     * \param interface the interface (0-based)
     * \return the MAG's name
     */
    std::string GetCurrentMag(const std::string& mnId, uint32_t interface) const;

    /**
     * \brief The mobile nodes' identifiers, in the order they were added.
     * \return the identifiers
     */
    std::vector<std::string> GetMobileNodeIds() const;

    /**
     * \brief Write pcap files of every point-to-point and CSMA device, and of the Wi-Fi devices
     * when there are some (radiotap). Mobile nodes added later get pcap files too.
     * \param prefix the file name prefix
     */
    void EnablePcap(const std::string& prefix);

    /**
     * \brief Write the built topology as GraphViz DOT: nodes with role, addresses, serving
     * LMA and position, links with type, rate, delay and prefix, mobile nodes as comments.
     * The output is valid ReadDot() input that builds the same domain.
     * \param os the stream
     */
    void WriteDot(std::ostream& os) const;

    // ---- faults -------------------------------------------------------------------------

    /**
     * \brief The fault model of one direction of a transport link: the ReceiveErrorModel of
     * \p to's device on the link between the adjacent vertices \p from and \p to (created
     * and installed on first use). Call after Build().
     * \param from the sending end
     * \param to the receiving end
     * \return the model (aborts when the vertices share no link)
     */
    Ptr<LinkFaultErrorModel> GetLinkFault(const std::string& from, const std::string& to);

    /**
     * \brief Lose packets on one direction of a transport link.
     * \param from the sending end
     * \param to the receiving end
     * \param rate long-run loss ratio (0..1)
     * \param burstLength mean loss burst length in packets (<= 1: independent losses;
     * else Gilbert-Elliott, see LinkFaultErrorModel)
     */
    void SetLinkLoss(const std::string& from,
                     const std::string& to,
                     double rate,
                     double burstLength = 1);

    /**
     * \brief Take a transport link down (both directions lose every packet) at \p down and
     * bring it up at \p up (absolute simulation times). The devices and routes stay as
     * they are, as when a cable is cut between two routers that do not notice it.
     * \param a one end
     * \param b the other end
     * \param down when it goes down
     * \param up when it comes back (after \p down)
     */
    void ScheduleLinkOutage(const std::string& a, const std::string& b, Time down, Time up);

    /**
     * \brief Delay jitter on a transport link: each packet, in either direction, gets the
     * link's delay plus U(0, \p jitter). On a point-to-point link packets then overtake each
     * other (reordering) when they are sent closer together than the jitter; on a CSMA link
     * the channel is busy until a packet has propagated, so they keep their order.
     * \param a one end
     * \param b the other end
     * \param jitter the largest extra delay
     */
    void SetLinkJitter(const std::string& a, const std::string& b, Time jitter);

    /**
     * \brief Loss on a MAG's access link, per direction (CSMA: the ReceiveErrorModel of the
     * MAG's device, and of each mobile device while it is on this MAG's link; Wi-Fi: the
     * PostReceptionErrorModel of the access point's and stations' PHYs, under the Wi-Fi
     * MAC's own retransmissions). Mobile nodes attached later are covered too.
     * \param mag the MAG
     * \param up loss ratio from the mobile nodes to the MAG
     * \param down loss ratio from the MAG to the mobile nodes
     * \param burstLength mean loss burst length in packets (<= 1: independent)
     */
    void SetAccessLoss(const std::string& mag, double up, double down, double burstLength = 1);

    /**
     * \brief Reboot an LMA or MAG application at \p at (absolute time): it stops and
     * loses its state (Pmipv6LmaApplication::Restart / Pmipv6MagApplication::Restart) and
     * starts again \p downtime later. When a MAG comes back, every mobile node on its access
     * link is reported to it again (as its link layer would re-detect them), so they
     * re-register.
     * \param name the LMA or MAG vertex
     * \param at when it goes down
     * \param downtime how long it is down
     */
    void ScheduleRestart(const std::string& name, Time at, Time downtime);

    /**
     * \brief Apply the faults the graph's attributes describe (loss, burst, jitter, down on
     * edges; access_loss_up, access_loss_down, access_burst, restart on vertices). Build()
     * calls it; times are absolute simulation times.
     */
    void ApplyGraphFaults();

    /**
     * \brief Install RFC 5847 heartbeat on every LMA (LmaHeartbeatExtension) and MAG
     * (MagHeartbeatExtension, with its attributes' defaults: set them with
     * Config::SetDefault before), so that the MAGs detect an unreachable or restarted LMA
     * and re-register their mobile nodes after a restart. Call after Build(), before the run.
     */
    void EnableHeartbeat();

    /**
     * \brief The first random stream the fault models created from now on use (one stream
     * per model, in creation order; default 1000000), so that runs are reproducible.
     * \param stream the first stream
     */
    void SetFaultStreamBase(int64_t stream);

    /**
     * \brief Packets lost by the fault models, by place: "from>to" for a direction of a
     * transport link, "access-up:<mag>" and "access-down:<mag>" for an access link (the
     * mobile devices' losses counted at the MAG they were on), and "total".
     * \return name -> packets lost
     */
    std::map<std::string, uint64_t> GetFaultLosses() const;

  private:
    /// A mobile node and where it is (defined in the .cc file).
    struct MobileState;
    /// Where a mobile node can attach: one MAG's access (defined in the .cc file).
    struct Attachment;

    /**
     * \brief Attach an interface of a mobile node (scheduled): join the link or enter the
     * AP's range.
     * \param mn the mobile node
     * \param port the interface
     * \param to where
     */
    static void DoAttach(std::shared_ptr<MobileState> mn,
                         uint32_t port,
                         std::shared_ptr<Attachment> to);
    /**
     * \brief Detach an interface of a mobile node from its current MAG (scheduled).
     * \param mn the mobile node
     * \param port the interface
     */
    static void DoDetach(std::shared_ptr<MobileState> mn, uint32_t port);
    /**
     * \brief What a mobile node needs to attach to a MAG.
     * \param magVertex the MAG
     * \return the attachment
     */
    std::shared_ptr<Attachment> AttachmentOf(uint32_t magVertex) const;

    /// \brief What was built for one edge.
    struct LinkInfo
    {
        uint32_t a{0};                   ///< first end (vertex)
        uint32_t b{0};                   ///< second end (vertex)
        Ipv6Address prefix;              ///< the link's /64
        Ipv6Address addressA;            ///< a's address
        Ipv6Address addressB;            ///< b's address
        uint32_t interfaceA{0};          ///< a's IPv6 interface
        uint32_t interfaceB{0};          ///< b's IPv6 interface
        bool ipv4{false};                ///< the link has IPv4 (SetIpv4())
        Ipv4Address ipv4Prefix;          ///< its /24
        Ipv4Address ipv4A;               ///< a's IPv4 address
        Ipv4Address ipv4B;               ///< b's IPv4 address
        uint32_t ipv4InterfaceA{0};      ///< a's IPv4 interface
        uint32_t ipv4InterfaceB{0};      ///< b's IPv4 interface
        Ptr<NetDevice> deviceA;          ///< a's device
        Ptr<NetDevice> deviceB;          ///< b's device
        double weight{0};                ///< delay (s) used by Dijkstra
        Pmipv6EdgeProperties properties; ///< the edge's properties
    };

    /// \brief What was built for one MAG.
    struct MagInfo
    {
        Ptr<Pmipv6MagApplication> app; ///< the MAG
        Ptr<NetDevice> accessDevice;   ///< CSMA device or access point
        Ptr<Channel> accessChannel;    ///< CSMA or point-to-point access channel (not Wi-Fi)
        uint32_t lma{0};               ///< serving LMA (vertex)
    };

    /**
     * \brief The vertex of a name.
     * \param name the name
     * \return the vertex (aborts when unknown)
     */
    uint32_t VertexOf(const std::string& name) const;

    /**
     * \brief The state of a mobile node.
     * \param mnId the identifier
     * \return the state (aborts when unknown)
     */
    std::shared_ptr<MobileState> MobileOf(const std::string& mnId) const;

    /**
     * \brief The first hop from one vertex towards another, and the link to it.
     * \param from the vertex
     * \param to the destination vertex
     * \return the index of the link into m_links
     */
    uint32_t FirstLink(uint32_t from, uint32_t to) const;

    /// \brief Compute m_pred and m_dist (Dijkstra from every vertex).
    void ComputeShortestPaths();
    /// \brief Install the static routes.
    void InstallRoutes();
    /// \brief Install the IPv4 static routes (SetIpv4()).
    void InstallIpv4Routes();
    /**
     * \brief Whether an LMA vertex uses the IPv4 transport.
     * \param lma the vertex
     * \return true for "v4"
     */
    bool IsIpv4Transport(uint32_t lma) const;
    /**
     * \brief Whether a vertex's `switch` attribute is set.
     * \param p the vertex's properties
     * \return true for "1" or "true"
     */
    static bool HasSwitch(const Pmipv6VertexProperties& p);
    /**
     * \brief Route a further home network prefix block of an LMA (as InstallRoutes() routes
     * its first one).
     * \param lma the LMA vertex
     * \param block the /48 block
     */
    void AddHnpBlockRoutes(uint32_t lma, Ipv6Address block);
    /**
     * \brief Enable pcap on one mobile device (when EnablePcap was called).
     * \param device the device
     */
    void EnablePcapOn(Ptr<NetDevice> device) const;

    Pmipv6Helper m_pmip;                                  ///< installs LMAs and MAGs
    Pmipv6Graph m_graph;                                  ///< the graph built
    bool m_built{false};                                  ///< Build() was called
    std::map<std::string, uint32_t> m_vertexByName;       ///< name -> vertex
    std::vector<Ptr<Node>> m_nodes;                       ///< vertex -> node
    std::vector<LinkInfo> m_links;                        ///< edge index -> link
    std::vector<std::vector<uint32_t>> m_incident;        ///< vertex -> its links, in order
    std::vector<Ptr<Node>> m_switches;                    ///< aggregation switches (no IP)
    std::vector<std::vector<uint32_t>> m_pred;            ///< [to][from]: next hop from -> to
    std::vector<std::vector<double>> m_dist;              ///< [to][from]: distance
    std::map<uint32_t, Ptr<Pmipv6LmaApplication>> m_lmas; ///< LMA vertex -> application
    std::map<uint32_t, uint16_t> m_lmaIndex;              ///< LMA vertex -> index from 1
    std::map<uint32_t, MagInfo> m_mags;                   ///< MAG vertex -> what was built
    std::map<std::string, std::shared_ptr<MobileState>> m_mobiles; ///< mnId -> state
    std::vector<std::string> m_mobileOrder;                        ///< mnIds in the order added
    std::set<std::pair<uint32_t, uint16_t>> m_hnpBlocks;           ///< further HNP blocks routed
    ObjectFactory m_csmaChannelFactory;                            ///< CSMA access channels
    DataRate m_accessRate{"100Mbps"};     ///< the access links' rate (CSMA factory's, for "p2p")
    Time m_accessDelay{MicroSeconds(10)}; ///< the access links' delay (likewise)
    std::string m_wifiDataMode{"OfdmRate12Mbps"}; ///< Wi-Fi data mode
    Ptr<Channel> m_wifiChannel;                   ///< shared YansWifiChannel
    std::string m_pcapPrefix;                     ///< pcap prefix, empty: none
    uint32_t m_mnInterfaces{1};                   ///< interfaces of the mobile nodes added next
    bool m_mnMulticastFilter{false}; ///< mobile nodes added next filter multicast frames

    /**
     * \brief A new fault model on the next fault stream.
     * \return the model
     */
    Ptr<LinkFaultErrorModel> NewFaultModel();
    /**
     * \brief The link between two adjacent vertices.
     * \param a one end
     * \param b the other end
     * \return its index into m_links (aborts when there is none)
     */
    uint32_t LinkBetween(const std::string& a, const std::string& b) const;

    /// Loss on one MAG's access link (shared with the mobile nodes' attachments).
    struct AccessFault
    {
        double up{0};                    ///< loss ratio to the MAG
        double down{0};                  ///< loss ratio to the mobile nodes
        double burst{1};                 ///< mean burst length
        Ptr<LinkFaultErrorModel> upLink; ///< model on the MAG's device
        uint64_t downLost{0};            ///< lost on mobile devices that left this link
    };

    std::map<std::pair<uint32_t, uint32_t>, Ptr<LinkFaultErrorModel>> m_linkFaults; ///< by dir.
    std::map<uint32_t, std::shared_ptr<AccessFault>> m_accessFaults; ///< MAG vertex -> fault
    bool m_ipv4{false};                         ///< SetIpv4() (or an IPv4 transport) at Build()
    std::string m_transport{"v6"};              ///< SetTransport()
    std::string m_mnIp{"v6"};                   ///< SetMobileNodeIp()
    bool m_mnDhcp{false};                       ///< SetMobileNodeDhcp()
    std::map<std::string, std::string> m_mnIps; ///< IP version of each mobile node (not v6)
    bool m_magAuthorization{false};             ///< SetMagAuthorization()
    int64_t m_faultStream{1000000};             ///< next fault stream
    /// the mobile nodes, shared with scheduled MAG restarts
    std::shared_ptr<std::vector<std::shared_ptr<MobileState>>> m_mobileStates{
        std::make_shared<std::vector<std::shared_ptr<MobileState>>>()};
};

} // namespace ns3

#endif /* PMIPV6_TOPOLOGY_HELPER_H */

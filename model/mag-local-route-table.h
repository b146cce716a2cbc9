/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MAG_LOCAL_ROUTE_TABLE_H
#define PMIPV6_MAG_LOCAL_ROUTE_TABLE_H

#include "prefix-table.h"

#include "ns3/callback.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{

class MagRouting;

/**
 * \ingroup pmipv6
 * \brief The MAG's local routes of draft-wu-netext-local-ro-02 (5.1, last paragraph): packets
 * from a mobile node attached here to a correspondent node whose pair has a local route leave
 * by that route (the MAG-MAG tunnel for intra-LMA local routing, the correspondent node's
 * access link for intra-MAG local routing) instead of the tunnel to the LMA.
 *
 * Added to the node's Ipv6ListRouting above MagRouting (priority 20 by default), it decides
 * only for uplink packets: the source is in a home network prefix MagRouting has bound to the
 * access interface the packet arrived on. A route is keyed by the pair (the mobile node's
 * prefix, the correspondent node's prefix); the lookup is one longest-prefix match of the
 * destination (hash maps per prefix length) and a compare per local prefix routed to that
 * destination (the pairs of one correspondent node on this MAG). Everything else is declined,
 * so MagRouting's RFC 5213 rules apply; an uplink packet without a local route is reported to
 * the detection callback (local routing detection, 4.1, 5.1).
 *
 * Downlink needs nothing here: a packet decapsulated from a MAG-MAG tunnel is delivered by
 * MagRouting's downlink rule (destination in a bound prefix, arrived not on its access link).
 */
class MagLocalRouteTable : public Ipv6RoutingProtocol
{
  public:
    /// Called for an uplink packet without a local route: source, destination, size.
    typedef Callback<void, Ipv6Address, Ipv6Address, uint32_t> DetectCallback;

    /**
     * \brief TracedCallback signature of a packet routed locally.
     * \param header its IPv6 header
     * \param interface the output interface
     */
    typedef void (*LocalRouteTracedCallback)(const Ipv6Header& header, uint32_t interface);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MagLocalRouteTable();
    ~MagLocalRouteTable() override;

    /**
     * \brief The MagLocalRouteTable in a node's Ipv6ListRouting, added when there is none.
     * \param node a node with an Ipv6ListRouting
     * \param priority its priority (above MagRouting's, 10)
     * \return the node's table
     */
    static Ptr<MagLocalRouteTable> Install(Ptr<Node> node, int16_t priority = 20);

    /**
     * \brief The MAG's RFC 5213 routing, which tells which source prefixes are bound to which
     * access interface.
     * \param routing the MagRouting of the node
     */
    void SetMagRouting(Ptr<MagRouting> routing);

    /**
     * \brief Add (or replace) the local route of a pair.
     * \param localPrefix the prefix of the mobile node attached here
     * \param localLength its length
     * \param peerPrefix the correspondent node's prefix
     * \param peerLength its length
     * \param interface the output interface (a tunnel, or the peer's access link)
     * \param nextHop the next hop on an access link (the peer's link-local address), or ::
     */
    void AddRoute(Ipv6Address localPrefix,
                  uint8_t localLength,
                  Ipv6Address peerPrefix,
                  uint8_t peerLength,
                  uint32_t interface,
                  Ipv6Address nextHop);

    /**
     * \brief Remove the local route of a pair.
     * \param localPrefix the prefix of the mobile node attached here
     * \param localLength its length
     * \param peerPrefix the correspondent node's prefix
     * \param peerLength its length
     * \return true when there was one
     */
    bool RemoveRoute(Ipv6Address localPrefix,
                     uint8_t localLength,
                     Ipv6Address peerPrefix,
                     uint8_t peerLength);

    /**
     * \brief Whether a pair has a local route.
     * \param localPrefix the prefix of the mobile node attached here
     * \param localLength its length
     * \param peerPrefix the correspondent node's prefix
     * \param peerLength its length
     * \return true when routed locally
     */
    bool HasRoute(Ipv6Address localPrefix,
                  uint8_t localLength,
                  Ipv6Address peerPrefix,
                  uint8_t peerLength) const;

    /**
     * \brief The number of local routes.
     * \return the count
     */
    uint32_t GetRouteCount() const;

    /**
     * \brief Set the callback told of uplink packets without a local route.
     * \param cb the callback (null: no detection)
     */
    void SetDetectCallback(DetectCallback cb);

    /**
     * \brief Packets routed by a local route.
     * \return the count
     */
    uint64_t GetLocalRoutedCount() const;

    // Ipv6RoutingProtocol
    Ptr<Ipv6Route> RouteOutput(Ptr<Packet> p,
                               const Ipv6Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyAddRoute(Ipv6Address dst,
                        Ipv6Prefix mask,
                        Ipv6Address nextHop,
                        uint32_t interface,
                        Ipv6Address prefixToUse = Ipv6Address::GetZero()) override;
    void NotifyRemoveRoute(Ipv6Address dst,
                           Ipv6Prefix mask,
                           Ipv6Address nextHop,
                           uint32_t interface,
                           Ipv6Address prefixToUse = Ipv6Address::GetZero()) override;
    void SetIpv6(Ptr<Ipv6> ipv6) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    /// One pair's local route.
    struct Route
    {
        Ipv6Address localPrefix; ///< the local mobile node's prefix, masked
        uint8_t localLength;     ///< its length
        uint32_t interface;      ///< output interface
        Ptr<Ipv6Route> route;    ///< the route object
    };

    Ptr<Ipv6> m_ipv6;                                              ///< the node's IPv6
    Ptr<MagRouting> m_magRouting;                                  ///< the RFC 5213 bindings
    PrefixTable<std::vector<Route>> m_routes;                      ///< by peer prefix
    uint32_t m_routeCount;                                         ///< routes
    uint64_t m_localRouted;                                        ///< packets routed locally
    DetectCallback m_detect;                                       ///< detection, or null
    TracedCallback<const Ipv6Header&, uint32_t> m_localRouteTrace; ///< routed locally
};

} // namespace ns3

#endif /* PMIPV6_MAG_LOCAL_ROUTE_TABLE_H */

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_LOCAL_ROUTING_MONITOR_H
#define PMIPV6_LMA_LOCAL_ROUTING_MONITOR_H

#include "ns3/callback.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/traced-callback.h"

namespace ns3
{

class BindingCache;
class LmaPrefixDirectory;

/**
 * \ingroup pmipv6
 * \brief Watches the LMA's data path for packets it relays between two mobile nodes it anchors
 * (both source and destination in prefixes of its binding cache): counts them (the traffic
 * local routing optimization takes off the LMA, draft-wu-netext-local-ro-02 1) and reports
 * them to a detection callback (LMA-initiated local routing, 4.2, 5.2).
 *
 * Inter-LMA (draft-wu-netext-local-ro-02 7, A.2): with a peer directory (SetPeerDirectory), a
 * packet between a mobile node anchored here and an address of a block another LMA of the
 * domain anchors is counted apart (GetInterLmaRelayedCount) and reported to the inter-LMA
 * detection callback (one more hash lookup per prefix length of the directory).
 *
 * Added to the LMA node's Ipv6ListRouting above LmaRouting (priority 20), it never routes a
 * packet (RouteInput always declines, RouteOutput returns nullptr): LmaRouting forwards as
 * before. Per packet: two binding cache lookups by address (hash lookups per prefix length).
 */
class LmaLocalRoutingMonitor : public Ipv6RoutingProtocol
{
  public:
    /// Called for a relayed packet between two anchored mobile nodes: source, destination, size.
    typedef Callback<void, Ipv6Address, Ipv6Address, uint32_t> DetectCallback;

    /**
     * \brief TracedCallback signature of a relayed packet.
     * \param header its IPv6 header
     */
    typedef void (*RelayedTracedCallback)(const Ipv6Header& header);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LmaLocalRoutingMonitor();
    ~LmaLocalRoutingMonitor() override;

    /**
     * \brief The monitor in a node's Ipv6ListRouting, added when there is none.
     * \param node a node with an Ipv6ListRouting
     * \param priority its priority (above LmaRouting's, 10)
     * \return the node's monitor
     */
    static Ptr<LmaLocalRoutingMonitor> Install(Ptr<Node> node, int16_t priority = 20);

    /**
     * \brief The binding cache that tells which addresses belong to anchored mobile nodes.
     * \param cache the LMA's binding cache
     */
    void SetBindingCache(Ptr<BindingCache> cache);

    /**
     * \brief Set the callback told of each relayed mobile-node-to-mobile-node packet.
     * \param cb the callback (null: none)
     */
    void SetDetectCallback(DetectCallback cb);

    /**
     * \brief Packets relayed between two mobile nodes anchored here.
     * \return the count
     */
    uint64_t GetRelayedCount() const;

    /**
     * \brief The domain's prefix directory, for inter-LMA pairs (7, A.2).
     * \param directory the directory (null: none)
     * \param self this LMA's address (blocks of this LMA are not "another LMA")
     */
    void SetPeerDirectory(Ptr<LmaPrefixDirectory> directory, Ipv6Address self);

    /**
     * \brief Set the callback told of each relayed packet between a mobile node anchored here
     * and one anchored at another LMA of the directory.
     * \param cb the callback (null: none)
     */
    void SetInterLmaDetectCallback(DetectCallback cb);

    /**
     * \brief Packets relayed between a mobile node anchored here and one anchored at another
     * LMA of the peer directory (inter-LMA pairs).
     * \return the count
     */
    uint64_t GetInterLmaRelayedCount() const;

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
    Ptr<Ipv6> m_ipv6;                                 ///< the node's IPv6
    Ptr<BindingCache> m_cache;                        ///< the LMA's binding cache
    DetectCallback m_detect;                          ///< detection, or null
    uint64_t m_relayed;                               ///< relayed MN-to-MN packets
    Ptr<LmaPrefixDirectory> m_directory;              ///< inter-LMA: the domain's blocks
    Ipv6Address m_self;                               ///< inter-LMA: this LMA's address
    DetectCallback m_interLmaDetect;                  ///< inter-LMA detection, or null
    uint64_t m_interLmaRelayed{0};                    ///< relayed inter-LMA MN-to-MN packets
    TracedCallback<const Ipv6Header&> m_relayedTrace; ///< relayed
};

} // namespace ns3

#endif /* PMIPV6_LMA_LOCAL_ROUTING_MONITOR_H */

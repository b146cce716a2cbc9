/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MAG_LOCALIZED_ROUTING_H
#define PMIPV6_MAG_LOCALIZED_ROUTING_H

#include "prefix-pool.h"

#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

namespace ns3
{

class Ipv6Header;
class MagLocalRouteTable;
class Pmipv6MagApplication;
class BindingUpdateListEntry;

/**
 * \ingroup pmipv6
 * \brief The MAG side of RFC 6705 (Localized Routing for PMIPv6), the standard variant of
 * draft-wu-netext-local-ro's intra-LMA and intra-MAG cases; used by MagLocalRoutingExtension
 * when its Protocol attribute is Rfc6705.
 *
 * An LRI (MH 17) from the LMA names the two mobile nodes of a pair (MN-ID and Home Network
 * Prefix option each) and, when they are at different MAGs, the other MAG (MAG IPv6 Address
 * option). The MAG answers with an LRA (MH 18) that echoes the Sequence # and the Lifetime
 * and names its own mobile node (MN-ID, HNP): status 0 when it set localized routing up, 128
 * (localized routing not allowed) when AllowLocalRouting is false, 129 (MN not attached)
 * when neither mobile node is registered here (or, without a MAG IPv6 Address, not both).
 *
 * On success, packets from the mobile node attached here to the other one's prefix leave by
 * the MAG-MAG IPv6-in-IPv6 tunnel to the named MAG (MagLocalRouteTable, a tunnel reference
 * per pair), or by the other mobile node's access link when both are here. There is no
 * MAG-MAG signalling: each MAG gets its own LRI. The route ends with the LRI's Lifetime
 * (0xffff: infinite), on an LRI with Lifetime 0, when either mobile node detaches, and is
 * replaced by a later LRI for the same pair (the LMA re-initiates after a handover).
 */
class MagLocalizedRouting : public Object
{
  public:
    /**
     * \brief TracedCallback signature of a localized-routing change.
     * \param local the prefix of the MN attached here
     * \param peer the other MN's prefix
     * \param peerMag the other MN's MAG (this MAG's address when both are here)
     * \param up true when set up or refreshed, false when removed
     */
    typedef void (*RouteTracedCallback)(Ipv6Address local,
                                        Ipv6Address peer,
                                        Ipv6Address peerMag,
                                        bool up);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MagLocalizedRouting();
    ~MagLocalizedRouting() override;

    /**
     * \brief Attach to a MAG.
     * \param mag the MAG application
     * \param table the MAG's local route table
     * \param allow the MAG allows localized routing (else every LRI gets status 128)
     * \param linger how long a MAG-MAG tunnel still takes the peer's packets after a route went
     */
    void Setup(Ptr<Pmipv6MagApplication> mag,
               Ptr<MagLocalRouteTable> table,
               bool allow,
               Time linger);

    /**
     * \brief An LRI arrived.
     * \param p the message
     * \param ip its IPv6 header
     */
    void ReceiveLri(Ptr<Packet> p, const Ipv6Header& ip);

    /**
     * \brief A mobile node left (detach, revocation): its localized routes go.
     * \param entry its binding update list entry
     */
    void RemoveMn(Ptr<BindingUpdateListEntry> entry);

    /**
     * \brief The number of pairs with localized routing here.
     * \return the count
     */
    uint32_t GetRouteCount() const;

    /**
     * \brief LRAs sent with a status.
     * \param status the status
     * \return the count
     */
    uint64_t GetLraCount(uint8_t status) const;

  protected:
    void DoDispose() override;

  private:
    /// A pair: (prefix of the MN attached here, other MN's prefix).
    typedef std::pair<HomeNetworkPrefix, HomeNetworkPrefix> PairKey;

    /// One pair's localized route.
    struct Route
    {
        std::string mnId;     ///< the MN attached here
        std::string peerMnId; ///< the other MN
        Ipv6Address peerMag;  ///< its MAG (this MAG when intra-MAG)
        bool intraMag{false}; ///< both MNs here: two access-link routes
        uint32_t tunnel{0};   ///< MAG-MAG tunnel interface (0: none)
        EventId expiry;       ///< end of the lifetime
    };

    /**
     * \brief Install (or replace) a pair's route.
     * \param key the pair
     * \param route its new state (peer MAG, MN-IDs)
     * \param lifetime Lifetime in seconds (0xffff: infinite)
     */
    void Install(const PairKey& key, Route route, uint16_t lifetime);
    /**
     * \brief Remove a pair's routes and its tunnel reference.
     * \param key the pair
     */
    void Remove(PairKey key);

    Ptr<Pmipv6MagApplication> m_mag;                           ///< the MAG
    Ptr<MagLocalRouteTable> m_table;                           ///< the data path
    bool m_allow;                                              ///< AllowLocalRouting
    Time m_linger;                                             ///< tunnel linger
    std::map<PairKey, Route> m_routes;                         ///< pairs
    std::unordered_map<std::string, std::set<PairKey>> m_byMn; ///< pairs by MN-ID (both)
    std::map<uint8_t, uint64_t> m_lras;                        ///< LRAs sent by status
    TracedCallback<Ipv6Address, Ipv6Address, Ipv6Address, bool> m_routeTrace; ///< Route
};

} // namespace ns3

#endif /* PMIPV6_MAG_LOCALIZED_ROUTING_H */

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MAG_ROUTER_ADVERTISER_H
#define MAG_ROUTER_ADVERTISER_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <unordered_map>

namespace ns3
{

class Node;
class Packet;
class Socket;
class UniformRandomVariable;

/**
 * RFC 4861 (Neighbor Discovery) router constants the MAG's Router Advertisement schedule uses.
 */
namespace nd
{
/// RFC 4861 10: MAX_INITIAL_RTR_ADVERTISEMENTS, the unsolicited RAs a router sends when an
/// interface starts advertising (here: to a newly registered mobile node).
constexpr uint32_t MAX_INITIAL_RTR_ADVERTISEMENTS = 3;
/// RFC 4861 10: MAX_INITIAL_RTR_ADVERT_INTERVAL, the largest interval between those (s).
constexpr uint32_t MAX_INITIAL_RTR_ADVERT_INTERVAL_S = 16;
/// RFC 4861 10: MAX_RA_DELAY_TIME, the largest random delay of an RA answering an RS (ms).
constexpr uint32_t MAX_RA_DELAY_TIME_MS = 500;
/// RFC 4861 6.1.1 / 6.1.2: the IP hop limit of every valid RS and RA.
constexpr uint8_t ND_HOP_LIMIT = 255;
/// RFC 4861 6.1.1: an RS's ICMP length is 8 octets or more.
constexpr uint32_t RS_MIN_LENGTH = 8;
} // namespace nd

/**
 * \ingroup pmipv6
 * \brief When the MAG sends a mobile node its unicast Router Advertisement (RFC 5213: the RA
 * with the mobile node's home network prefixes, from the link-local address every access link
 * shares), following RFC 4861 as routers do:
 *
 * - 6.2.4: when a mobile node's binding comes up (registered, re-attached, prefixes changed)
 *   the RA goes at once and is repeated, InitialAdvertisements in all, InitialAdvertInterval
 *   apart, so that one lost RA does not leave the mobile node without its address;
 * - 6.2.6: a Router Solicitation from a mobile node whose binding is up (found by its
 *   link-local source address on the access device it arrived on: one hash lookup) is
 *   answered with that mobile node's unicast RA after a random delay in [0, MaxRaDelay]; one
 *   RA answers every RS that arrives before it goes. An RS from a mobile node whose PBA has
 *   not come yet is not answered by itself: the RA that follows the PBA answers it.
 *
 * The RAs themselves are built and sent by the MAG (a callback with the binding update list
 * entry's id). The schedule of an entry lives here, not among the entry's own timers: it
 * continues while the entry goes from REGISTERED to REFRESHING and back (which cancels the
 * entry's timers) and ends only with Forget() (detach, de-registration, revocation, handover,
 * crash), which leaves no event behind. RSs are received on a raw ICMPv6 socket, as ns-3's
 * Radvd does; anything that is not a valid RS (RFC 4861 6.1.1) is dropped.
 */
class MagRouterAdvertiser : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MagRouterAdvertiser();
    ~MagRouterAdvertiser() override;

    /// Send the RA of a binding update list entry (by its id); the MAG checks the entry.
    using SendCallback = Callback<void, uint64_t>;

    /**
     * \brief Listen for Router Solicitations on a node and send RAs through a callback.
     * \param node the MAG's node
     * \param send sends the RA of an entry
     */
    void Start(Ptr<Node> node, SendCallback send);

    /**
     * \brief Stop listening and forget every mobile node (no event left).
     */
    void Stop();

    /**
     * \brief Set the schedule (the MAG's attributes).
     * \param initialAdvertisements RAs sent when a binding comes up (at least 1)
     * \param initialInterval the time between them
     * \param maxRaDelay the largest random delay of an RA answering an RS
     */
    void Configure(uint32_t initialAdvertisements, Time initialInterval, Time maxRaDelay);

    /**
     * \brief A mobile node's binding came up (or it re-attached, or its prefixes changed): send
     * its RA now, repeat it, and answer its RSs from now on. Restarts the repeats of an entry
     * that has them already.
     * \param entryId the binding update list entry's id
     * \param deviceIndex the node's index of the access device the mobile node is on
     * \param mnLinkLocal the mobile node's link-local address (the source of its RSs)
     */
    void Advertise(uint64_t entryId, uint32_t deviceIndex, Ipv6Address mnLinkLocal);

    /**
     * \brief The mobile node of an entry gets no more RAs (detach, de-registration, revocation,
     * removal): its pending repeat and RS answer are cancelled. A no-op for an unknown entry.
     * \param entryId the entry's id
     */
    void Forget(uint64_t entryId);

    /**
     * \brief The number of entries with an RA pending (a repeat or an answer to an RS).
     * \return the count
     */
    uint32_t GetPendingCount() const;

    /**
     * \brief The number of entries that get RAs (bindings up, on an access link).
     * \return the count
     */
    uint32_t GetAdvertisedCount() const;

    /**
     * \brief Valid Router Solicitations received.
     * \return the count
     */
    uint64_t GetSolicitationCount() const;

    /**
     * \brief Router Solicitations answered by an RA of their own (the others came from a
     * mobile node with no binding up, or were answered by an RA already scheduled).
     * \return the count
     */
    uint64_t GetAnsweredSolicitationCount() const;

    /**
     * \brief Use fixed random variable streams (the delay of RS answers).
     * \param stream the first stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief TracedCallback signature for a Router Solicitation received.
     * \param source its IPv6 source
     * \param answered true when an RA will answer it (one was scheduled for it, or one is
     * pending already)
     */
    typedef void (*SolicitationTracedCallback)(Ipv6Address source, bool answered);

  protected:
    void DoDispose() override;

  private:
    /// What is known of one mobile node that gets RAs.
    struct Advertised
    {
        uint32_t deviceIndex{0}; ///< the access device
        Ipv6Address linkLocal;   ///< the mobile node's link-local address
        uint32_t remaining{0};   ///< initial RAs still to send
        EventId repeat;          ///< the next initial RA
        EventId answer;          ///< the RA answering an RS
    };

    /**
     * \brief The key of a mobile node on an access device.
     * \param deviceIndex the device
     * \param linkLocal its link-local address
     * \return the key
     */
    static std::pair<uint32_t, Ipv6Address> Key(uint32_t deviceIndex, Ipv6Address linkLocal);

    /// Hash of a (device, address) key.
    struct KeyHash
    {
        /**
         * \brief The hash.
         * \param k the key
         * \return its hash
         */
        size_t operator()(const std::pair<uint32_t, Ipv6Address>& k) const;
    };

    /**
     * \brief The raw socket has packets: handle each RS.
     * \param socket the socket
     */
    void HandleRead(Ptr<Socket> socket);

    /**
     * \brief Handle one received ICMPv6 packet (its IPv6 header in front).
     * \param packet the packet
     * \param deviceIndex the device it arrived on
     */
    void HandleSolicitation(Ptr<Packet> packet, uint32_t deviceIndex);

    /**
     * \brief The next initial RA of an entry is due.
     * \param entryId the entry
     */
    void Repeat(uint64_t entryId);

    /**
     * \brief The RA answering an RS is due.
     * \param entryId the entry
     */
    void Answer(uint64_t entryId);

    Ptr<Node> m_node;                                      ///< the MAG's node
    Ptr<Socket> m_socket;                                  ///< raw ICMPv6 socket (RS)
    SendCallback m_send;                                   ///< sends an entry's RA
    uint32_t m_initialAdvertisements;                      ///< RAs when a binding comes up
    Time m_initialInterval;                                ///< between them
    Time m_maxRaDelay;                                     ///< largest delay of an RS answer
    Ptr<UniformRandomVariable> m_delay;                    ///< delay of RS answers
    std::unordered_map<uint64_t, Advertised> m_advertised; ///< by entry id
    /// entry ids by (access device, mobile node link-local address)
    std::unordered_map<std::pair<uint32_t, Ipv6Address>, uint64_t, KeyHash> m_byAddress;
    uint64_t m_solicitations{0};                             ///< valid RSs received
    uint64_t m_answered{0};                                  ///< RSs that got an RA scheduled
    TracedCallback<Ipv6Address, bool> m_rxSolicitationTrace; ///< RS received
};

} // namespace ns3

#endif /* MAG_ROUTER_ADVERTISER_H */

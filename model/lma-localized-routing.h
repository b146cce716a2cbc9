/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_LOCALIZED_ROUTING_H
#define PMIPV6_LMA_LOCALIZED_ROUTING_H

#include "prefix-pool.h"
#include "signalling-transaction.h"

#include "ns3/callback.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"

#include <map>
#include <string>
#include <unordered_map>

namespace ns3
{

class BindingCacheEntry;
class Ipv6Header;
class Pmipv6LmaApplication;

/**
 * \ingroup pmipv6
 * \brief The LMA side of RFC 6705 (Localized Routing for PMIPv6), the standard variant of
 * draft-wu-netext-local-ro's LMA-initiated intra-LMA case; used by LmaLocalRoutingExtension
 * when its Protocol attribute is Rfc6705.
 *
 * Initiate() sends one LRI (MH 17) to the MAG of each mobile node of a pair (one LRI when
 * both are at one MAG): Sequence # from the LMA's signalling transaction (retransmitted until
 * the LRA), Lifetime in seconds, the MN-ID and Home Network Prefix options of the MAG's own
 * mobile node, then those of the other one, and, when the MAGs differ, a MAG IPv6 Address
 * option naming the other MAG. Each MAG answers with an LRA (MH 18). An LRA with a status
 * from 128 up (or no LRA at all) refuses: the LMA sends the other MAG an LRI with Lifetime 0
 * so that neither MAG routes the pair locally, and reports the refusal (RefusedCallback).
 * An unsolicited LRA (U flag) is counted and otherwise ignored (RFC 6705: the MAG waits for
 * the LMA's next LRI).
 */
class LmaLocalizedRouting : public Object
{
  public:
    /// Called when a MAG refused a pair: the two prefixes and the LRA status.
    typedef Callback<void, HomeNetworkPrefix, HomeNetworkPrefix, uint8_t> RefusedCallback;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LmaLocalizedRouting();
    ~LmaLocalizedRouting() override;

    /**
     * \brief Attach to an LMA.
     * \param lma the LMA application
     * \param refused called when a MAG refuses a pair (may be null)
     */
    void Setup(Ptr<Pmipv6LmaApplication> lma, RefusedCallback refused);

    /**
     * \brief Send the LRIs of a pair.
     * \param mn one mobile node's binding cache entry
     * \param mnHnp its prefix
     * \param cn the other's entry
     * \param cnHnp its prefix
     * \param lifetime the lifetime (0: stop localized routing)
     */
    void Initiate(Ptr<const BindingCacheEntry> mn,
                  const HomeNetworkPrefix& mnHnp,
                  Ptr<const BindingCacheEntry> cn,
                  const HomeNetworkPrefix& cnHnp,
                  Time lifetime);

    /**
     * \brief An LRA arrived.
     * \param p the message
     * \param ip its IPv6 header
     */
    void ReceiveLra(Ptr<Packet> p, const Ipv6Header& ip);

    /**
     * \brief LRIs sent (retransmissions not counted).
     * \return the count
     */
    uint64_t GetLriCount() const;

    /**
     * \brief LRAs received with a status (unsolicited ones included).
     * \param status the status
     * \return the count
     */
    uint64_t GetLraCount(uint8_t status) const;

    /**
     * \brief Unsolicited LRAs (U flag) received.
     * \return the count
     */
    uint64_t GetUnsolicitedCount() const;

  protected:
    void DoDispose() override;

  private:
    /// One MN of an LRI.
    struct End
    {
        std::string mnId;      ///< MN-ID
        HomeNetworkPrefix hnp; ///< its prefix
        Ipv6Address mag;       ///< its MAG
    };

    /// An LRI waiting for its LRA.
    struct Pending
    {
        End own;       ///< the MN at the LRI's MAG
        End peer;      ///< the other one
        Time lifetime; ///< requested lifetime
    };

    /**
     * \brief Send one LRI.
     * \param own the MN at the destination MAG
     * \param peer the other MN
     * \param lifetime the lifetime
     */
    void SendLri(const End& own, const End& peer, Time lifetime);
    /**
     * \brief The LRA of one of our LRIs.
     * \param id the transaction
     * \param reply the LRA
     * \param ip its IPv6 header
     */
    void HandleLra(SignallingTransactionManager::TransactionId id,
                   const MobilityHeader& reply,
                   const Ipv6Header& ip);
    /**
     * \brief No LRA came.
     * \param id the transaction
     */
    void GaveUp(SignallingTransactionManager::TransactionId id);
    /**
     * \brief A MAG refused (or did not answer) a pair's LRI.
     * \param pending the LRI
     * \param status the status (LRA_MN_NOT_ATTACHED when no answer)
     */
    void Refused(const Pending& pending, uint8_t status);

    Ptr<Pmipv6LmaApplication> m_lma; ///< the LMA
    RefusedCallback m_refused;       ///< refusal report
    std::unordered_map<SignallingTransactionManager::TransactionId, Pending>
        m_pending;                      ///< LRIs waiting for their LRA
    uint64_t m_lris;                    ///< LRIs sent
    uint64_t m_unsolicited;             ///< unsolicited LRAs received
    std::map<uint8_t, uint64_t> m_lras; ///< LRAs received by status
};

} // namespace ns3

#endif /* PMIPV6_LMA_LOCALIZED_ROUTING_H */

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_LOCAL_ROUTING_EXTENSION_H
#define PMIPV6_LMA_LOCAL_ROUTING_EXTENSION_H

#include "pmipv6-lma-extension.h"
#include "prefix-pool.h"
#include "signalling-transaction.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

namespace ns3
{

class LocalRoutingPolicy;
class LmaLocalRoutingMonitor;
class LmaLocalizedRouting;

/**
 * \ingroup pmipv6
 * \brief The LMA side of draft-wu-netext-local-ro-02 (local routing optimization), intra-MAG
 * and intra-LMA.
 *
 * MAG-initiated (4.1, 5.2): an LROREQ (MH 243, R = 0) from a MAG with the MN's MN-ID and the
 * CN's Home Network Prefix option is checked against the binding cache: both MN (at the
 * requesting MAG) and CN must have active entries and AllowLocalRouting must be true. The
 * LRORSP (R = 1) carries LRI 1 when both are at the same MAG (intra-MAG), 2 otherwise
 * (intra-LMA), or 0 to refuse; with 1 or 2 it names the MN and the CN with their MAGs in two
 * MN-CN pair options (the CN's Proxy-CoA is the address of its MAG).
 *
 * LMA-initiated (4.2, attribute EnableDetectLocalRouting): the LmaLocalRoutingMonitor reports
 * each packet the LMA relays between two MNs it anchors; when the Policy says so (or on
 * StartLocalRouting()) the LMA sends an LROREQ with LRI 2 (1 when both are at one MAG) to the
 * MAG of each end, with two MN-CN pair options (first the MAG's own MN, then its peer) and a
 * Context Request option asking for the MN's link-layer identifier; the MAGs answer with
 * LRORSPs and exchange PBU/PBA (Figure 4). The LROREQs run on the LMA's signalling
 * transaction. StopLocalRouting() sends LROREQs with lifetime 0 (5.1).
 *
 * Handover (4.2.1, Figure 5): when an MN of an optimised pair moves (BINDING_MOVED) and
 * FollowHandover is set, the LMA re-initiates the pair's local routing towards the new MAG
 * right after its PBA. Context transfer (4.1.1): a PBU with a Context Request option for the
 * MN-CN pair option is answered, when the MN has MAG-initiated pairs, with the LRO option
 * (LRI 2) and MN-CN pair options in the PBA: first the MN at its (new) MAG, then each CN at
 * its MAG; the new MAG then sets the pairs up with the CNs' MAGs (Figure 3).
 *
 * The binding cache entry extension of 8.2 (intra-LMA flag per pair) is the set of pairs this
 * extension allowed ("Decision" traces each).
 *
 * Protocol = Rfc6705: the LMA-initiated exchanges (detection, StartLocalRouting(),
 * StopLocalRouting(), the re-initiation after a handover) use RFC 6705's LRI / LRA (MH 17 /
 * 18, LmaLocalizedRouting) instead of LROREQ / LRORSP, and the MAGs set up no MAG-MAG binding.
 * A pair a MAG refuses stays known (no new LRI) for its Lifetime.
 */
class LmaLocalRoutingExtension : public Pmipv6LmaExtension
{
  public:
    /// Which protocol the LMA-initiated exchanges use.
    enum Protocol
    {
        PROTOCOL_DRAFT004 = 0, ///< draft-wu-netext-local-ro LROREQ / LRORSP, MAG-MAG PBU / PBA
        PROTOCOL_RFC6705,      ///< RFC 6705 LRI / LRA
    };

    /**
     * \brief TracedCallback signature of a decision on a pair.
     * \param mn the MN's prefix
     * \param cn the CN's prefix
     * \param lri the LRI decided (0 refused)
     * \param initiator "MAG" or "LMA"
     */
    typedef void (*DecisionTracedCallback)(Ipv6Address mn,
                                           Ipv6Address cn,
                                           uint8_t lri,
                                           const std::string& initiator);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LmaLocalRoutingExtension();
    ~LmaLocalRoutingExtension() override;

    std::string GetName() const override;
    std::vector<uint8_t> GetMhTypes() const override;
    void Receive(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface) override;
    void NotifyBinding(BindingEvent event,
                       Ptr<BindingCacheEntry> entry,
                       Ipv6Address previousProxyCoa) override;
    void AddPbaOptions(BindingAckHeader& pba,
                       const ProxyBindingRequest& req,
                       Ptr<const BindingCacheEntry> entry) override;

    /**
     * \brief Start LMA-initiated local routing for a pair now (the API trigger).
     * \param mnAddress the MN's address
     * \param cnAddress the CN's address
     * \return false when either has no active binding or the pair is optimised already
     */
    bool StartLocalRouting(Ipv6Address mnAddress, Ipv6Address cnAddress);

    /**
     * \brief Ask the MAGs of a pair to remove its local routing (LROREQ with lifetime 0).
     * \param mnAddress the MN's address
     * \param cnAddress the CN's address
     * \return false when either has no binding
     */
    bool StopLocalRouting(Ipv6Address mnAddress, Ipv6Address cnAddress);

    /**
     * \brief Packets the LMA relayed between two MNs it anchors (LmaLocalRoutingMonitor).
     * \return the count
     */
    uint64_t GetRelayedCount() const;

    /**
     * \brief The monitor (after start).
     * \return the monitor
     */
    Ptr<LmaLocalRoutingMonitor> GetMonitor() const;

    /**
     * \brief LRORSPs sent with an LRI (MAG-initiated).
     * \param lri the LRI
     * \return the count
     */
    uint64_t GetResponseCount(uint8_t lri) const;

    /**
     * \brief LROREQs sent (LMA-initiated, retransmissions not counted).
     * \return the count
     */
    uint64_t GetRequestCount() const;

    /**
     * \brief LRORSPs received from MAGs with an LRI (LMA-initiated).
     * \param lri the LRI
     * \return the count
     */
    uint64_t GetMagResponseCount(uint8_t lri) const;

    /**
     * \brief The RFC 6705 side (Protocol = Rfc6705, after start).
     * \return it, or null
     */
    Ptr<LmaLocalizedRouting> GetLocalizedRouting() const;

    /**
     * \brief PBAs that carried an MN's local routing context to its new MAG (4.1.1).
     * \return the count
     */
    uint64_t GetContextAnswerCount() const;

  protected:
    void DoDispose() override;
    void DoStart() override;

  private:
    /// A pair, the smaller prefix first.
    typedef std::pair<HomeNetworkPrefix, HomeNetworkPrefix> PairKey;

    /// An allowed pair.
    struct Pair
    {
        EventId expiry;           ///< end of its lifetime
        bool lmaInitiated{false}; ///< the LMA started it
    };

    /**
     * \brief The monitor saw a relayed MN-to-MN packet.
     * \param src source
     * \param dst destination
     * \param size size
     */
    void Detect(Ipv6Address src, Ipv6Address dst, uint32_t size);
    /**
     * \brief An LROREQ from a MAG.
     * \param p the message
     * \param ip its IPv6 header
     */
    void HandleMagRequest(Ptr<Packet> p, const Ipv6Header& ip);
    /**
     * \brief An LRORSP to one of our LROREQs.
     * \param id the transaction
     * \param reply the LRORSP
     * \param ip its IPv6 header
     */
    void HandleResponse(SignallingTransactionManager::TransactionId id,
                        const MobilityHeader& reply,
                        const Ipv6Header& ip);
    /**
     * \brief Send the LROREQs of a pair (LMA-initiated).
     * \param mn the MN's entry
     * \param mnHnp its prefix
     * \param cn the CN's entry
     * \param cnHnp its prefix
     * \param lifetime the lifetime (0: remove)
     */
    void Initiate(Ptr<BindingCacheEntry> mn,
                  const HomeNetworkPrefix& mnHnp,
                  Ptr<BindingCacheEntry> cn,
                  const HomeNetworkPrefix& cnHnp,
                  Time lifetime);
    /**
     * \brief Send one LROREQ.
     * \param mag its destination
     * \param lri the LRI
     * \param own the MAG's MN (prefix, Proxy-CoA)
     * \param ownCoa its Proxy-CoA
     * \param peer the peer (prefix)
     * \param peerCoa its Proxy-CoA
     * \param lifetime the lifetime
     */
    void SendRequest(Ipv6Address mag,
                     uint8_t lri,
                     const HomeNetworkPrefix& own,
                     Ipv6Address ownCoa,
                     const HomeNetworkPrefix& peer,
                     Ipv6Address peerCoa,
                     Time lifetime);
    /**
     * \brief Record an allowed pair for its lifetime.
     * \param a one end
     * \param b the other end
     * \param lifetime the lifetime
     * \param lmaInitiated who started it
     */
    void Remember(const HomeNetworkPrefix& a,
                  const HomeNetworkPrefix& b,
                  Time lifetime,
                  bool lmaInitiated);
    /**
     * \brief Forget a pair.
     * \param key the pair
     */
    void Forget(PairKey key);
    /**
     * \brief Re-initiate the pairs of an MN that moved (Figure 5).
     * \param prefix the MN's prefix
     */
    void FollowMove(HomeNetworkPrefix prefix);
    /**
     * \brief The normalised key of two prefixes.
     * \param a one
     * \param b the other
     * \return the key
     */
    static PairKey KeyOf(const HomeNetworkPrefix& a, const HomeNetworkPrefix& b);
    /**
     * \brief The prefix of an entry that holds an address.
     * \param e the entry
     * \param a the address
     * \return the prefix (::/0 when none)
     */
    static HomeNetworkPrefix PrefixOf(Ptr<const BindingCacheEntry> e, Ipv6Address a);
    /**
     * \brief A MAG refused an RFC 6705 LRI: the pair is left alone for its lifetime.
     * \param a one end
     * \param b the other end
     * \param status the LRA status
     */
    void Rfc6705Refused(HomeNetworkPrefix a, HomeNetworkPrefix b, uint8_t status);

    bool m_allow;                          ///< AllowLocalRouting
    bool m_detect;                         ///< EnableDetectLocalRouting
    bool m_followHandover;                 ///< FollowHandover
    Ptr<LocalRoutingPolicy> m_policy;      ///< when to optimise
    Time m_lifetime;                       ///< lifetime of LMA-initiated routing
    Ptr<LmaLocalRoutingMonitor> m_monitor; ///< relayed-packet monitor
    std::map<PairKey, Pair> m_pairs;       ///< allowed pairs
    std::map<HomeNetworkPrefix, std::set<PairKey>> m_byPrefix; ///< pairs by either prefix
    std::map<uint8_t, uint64_t> m_responses;                   ///< LRORSPs sent by LRI
    std::map<uint8_t, uint64_t> m_magResponses;                ///< LRORSPs received by LRI
    uint64_t m_requests;                                       ///< LROREQs sent
    Protocol m_protocol;                                       ///< Protocol
    Ptr<LmaLocalizedRouting> m_rfc6705;                        ///< RFC 6705 side, or null
    uint64_t m_contextAnswers;                                 ///< PBAs with context
    TracedCallback<Ipv6Address, Ipv6Address, uint8_t, const std::string&>
        m_decisionTrace; ///< Decision
};

} // namespace ns3

#endif /* PMIPV6_LMA_LOCAL_ROUTING_EXTENSION_H */

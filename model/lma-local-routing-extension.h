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
class MnCnPairOption;
class LmaLocalRoutingMonitor;
class LmaLocalizedRouting;
class LmaPrefixDirectory;
class LocalRoutingOptimizationRequestHeader;

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
 * Inter-LMA (7, Appendix A.1, A.2; attribute PeerDirectory, the prefix table of 7 (a)): an
 * LROREQ from a MAG of this LMA for a CN anchored at another LMA (LMA2) of the directory is
 * answered with LRI 3 and the CN's MN-CN pair option whose Proxy-CoA field carries LMA2's
 * address ("LRORSP(LMA2)"); an LROREQ with LRI 3 from a MAG of another LMA, with the pair
 * options (MN, its MAG) and (CN, ::), is answered with LRI 3 and the CN's MAG filled in
 * ("LRORSP(CN, MAG2)"). LMA-initiated (A.2): relayed traffic between an MN anchored here and an
 * address of another LMA's block (the monitor) lets the Policy start an LMA RO Start Request
 * (MH 244, on the signalling transaction) to that LMA, with the pair options (MN, Proxy-CoA1)
 * and (CN, ::); the peer LMA answers with an LMA RO Start Response (MH 245, status 0, the CN's
 * Proxy-CoA2 filled in, or 128) and sends its MAG an LROREQ with LRI 3; on the response this
 * LMA sends its own MAG one. The MAGs then exchange PBU/PBA. When the MN moves (FollowHandover)
 * the LMA that anchors it starts the exchange again with the new Proxy-CoA.
 *
 * The binding cache entry extension of 8.2 (intra-LMA and inter-LMA flags per pair) is the set
 * of pairs this extension allowed ("Decision" traces each).
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

    /**
     * \brief Packets the LMA relayed between an MN it anchors and one anchored at another LMA
     * of the PeerDirectory (inter-LMA pairs, LmaLocalRoutingMonitor).
     * \return the count
     */
    uint64_t GetInterLmaRelayedCount() const;

    /**
     * \brief LMA RO Start Requests sent (A.2, retransmissions not counted).
     * \return the count
     */
    uint64_t GetRoStartRequestCount() const;

    /**
     * \brief LMA RO Start Responses sent with a status.
     * \param status the status (mip6::LmaRoStartStatus)
     * \return the count
     */
    uint64_t GetRoStartResponseCount(uint8_t status) const;

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
        Ipv6Address peerLma;      ///< inter-LMA: the LMA that anchors the other end (:: none)
        SignallingTransactionManager::TransactionId roStartTx{0}; ///< pending LMA RO Start
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
     * \param peerIpv4 inter-LMA: the peer's MN-CN pair option from the other LMA, whose IPv4
     *        fields (P flag) are copied when this LMA has no binding of the peer (A.2.1)
     */
    void SendRequest(Ipv6Address mag,
                     uint8_t lri,
                     const HomeNetworkPrefix& own,
                     Ipv6Address ownCoa,
                     const HomeNetworkPrefix& peer,
                     Ipv6Address peerCoa,
                     Time lifetime,
                     Ptr<const MnCnPairOption> peerIpv4 = nullptr);
    /**
     * \brief Draft 004 section 6: the P flag with an entry's IPv4 home address and
     * IPv4-Proxy-CoA (0.0.0.0 over the IPv6 transport), when the entry has an IPv4 home address.
     * \param option the MN-CN pair option
     * \param entry the binding cache entry it describes (may be null)
     */
    static void SetIpv4Of(Ptr<MnCnPairOption> option, Ptr<const BindingCacheEntry> entry);
    /**
     * \brief Copy the IPv4 fields (P flag) of one MN-CN pair option into another.
     * \param option the option written
     * \param from the option read (may be null)
     */
    static void CopyIpv4(Ptr<MnCnPairOption> option, Ptr<const MnCnPairOption> from);
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

    // Inter-LMA (7, Appendix A), lma-local-routing-inter-lma.cc

    /**
     * \brief An LROREQ from a MAG that concerns a CN of another LMA (7): from a MAG of this
     * LMA (answered LRI 3 with LMA2's address) or, with LRI 3, from a MAG of another LMA
     * (answered with the CN's MAG).
     * \param req the decoded LROREQ
     * \param ip its IPv6 header
     * \return false when it is not an inter-LMA request (handled as intra-LMA)
     */
    bool HandleInterLmaMagRequest(const LocalRoutingOptimizationRequestHeader& req,
                                  const Ipv6Header& ip);
    /**
     * \brief An LRI 3 LROREQ from a MAG of another LMA ("LROREQ(MN, MAG1, CN)", Figure 6).
     * \param req the decoded LROREQ
     * \param ip its IPv6 header
     */
    void AnswerPeerMagRequest(const LocalRoutingOptimizationRequestHeader& req,
                              const Ipv6Header& ip);
    /**
     * \brief The monitor saw a relayed packet between an MN anchored here and one of another
     * LMA (A.2).
     * \param src source
     * \param dst destination
     * \param size size
     */
    void DetectInterLma(Ipv6Address src, Ipv6Address dst, uint32_t size);
    /**
     * \brief Send the peer LMA an LMA RO Start Request for a pair (A.1.1, A.2).
     * \param mn the entry of the MN anchored here
     * \param mnHnp its prefix
     * \param cnHnp the prefix of the MN anchored at the peer LMA
     * \param peerLma the peer LMA
     * \param lifetime the lifetime (0: remove)
     */
    void InitiateInterLma(Ptr<BindingCacheEntry> mn,
                          const HomeNetworkPrefix& mnHnp,
                          const HomeNetworkPrefix& cnHnp,
                          Ipv6Address peerLma,
                          Time lifetime);
    /**
     * \brief An LMA RO Start Request from a peer LMA (A.1.1): answer, then LROREQ to the MAG.
     * \param p the message
     * \param ip its IPv6 header
     */
    void HandleRoStartRequest(Ptr<Packet> p, const Ipv6Header& ip);
    /**
     * \brief The LMA RO Start Response to one of our requests (A.1.2): LROREQ to our MAG.
     * \param mnHnp the prefix of our MN
     * \param cnHnp the prefix of the peer LMA's MN as requested
     * \param lifetime the lifetime requested
     * \param reply the response
     */
    void HandleRoStartResponse(HomeNetworkPrefix mnHnp,
                               HomeNetworkPrefix cnHnp,
                               Time lifetime,
                               const MobilityHeader& reply);
    /**
     * \brief No LMA RO Start Response came.
     * \param key the pair
     */
    void RoStartGaveUp(PairKey key);
    /**
     * \brief MH types 244 and 245.
     * \param mhType the type
     * \param p the message
     * \param ip its IPv6 header
     */
    void ReceiveRoStart(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip);
    /**
     * \brief The peer LMA of an address of another LMA's block.
     * \param a the address
     * \param lma set to the peer LMA
     * \return false when no other LMA of the PeerDirectory anchors it
     */
    bool PeerLmaOf(Ipv6Address a, Ipv6Address& lma) const;

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
    Ptr<LmaPrefixDirectory> m_directory;                       ///< PeerDirectory (inter-LMA)
    uint8_t m_cnPrefixLength{64};                              ///< CorrespondentPrefixLength
    uint64_t m_roStartRequests{0};                             ///< LMA RO Start Requests sent
    std::map<uint8_t, uint64_t> m_roStartResponses; ///< LMA RO Start Responses sent by status
    TracedCallback<Ipv6Address, Ipv6Address, uint8_t, const std::string&>
        m_decisionTrace; ///< Decision
};

} // namespace ns3

#endif /* PMIPV6_LMA_LOCAL_ROUTING_EXTENSION_H */

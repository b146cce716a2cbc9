/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MAG_LOCAL_ROUTING_EXTENSION_H
#define PMIPV6_MAG_LOCAL_ROUTING_EXTENSION_H

#include "pmipv6-mag-extension.h"
#include "pmipv6-wire-numbers.h"
#include "prefix-pool.h"
#include "signalling-transaction.h"

#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace ns3
{

class MnCnPairOption;

class LocalRoutingPolicy;
class MagLocalRouteTable;
class MagLocalizedRouting;
class BindingAckHeader;
class LocalRoutingOptimizationResponseHeader;

/**
 * \ingroup pmipv6
 * \brief The MAG side of draft-wu-netext-local-ro-02 (local routing optimization), intra-MAG
 * and intra-LMA, MAG-initiated (4.1) and LMA-initiated (4.2).
 *
 * Detection (4.1, 5.1, attribute EnableDetectLocalRouting): every uplink packet of an attached
 * mobile node (MN) for which the pair (MN's prefix, correspondent node (CN) prefix) has no
 * local route is shown to the Policy (a LocalRoutingPolicy: first packet, rate threshold, or
 * none: RequestLocalRouting() only). When it says so, the MAG sends its LMA an LROREQ (MH 243,
 * R = 0) with the MN's MN-ID, the Local Routing Optimization option and the CN's Home Network
 * Prefix option; LRI 1 when the CN is attached to this MAG too, else 0 (5.1). The exchange runs
 * on the MAG's signalling transaction (retransmitted until the LRORSP).
 *
 * LRORSP: LRI 0 refuses (the pair is left alone for HoldDown); LRI 1 sets the intra-MAG flag:
 * the pair's packets go from one access link to the other; LRI 2 sets the intra-LMA flag and
 * names the CN's MAG in an MN-CN pair option (CN HNP, its Proxy-CoA): the MAG sends that MAG a
 * PBU for its MN (MN-ID, MN HNP, LRO option LRI 2 and an MN-CN pair option naming the CN).
 *
 * PBU from another MAG (MH 5, claimed by this extension): refused with status 129
 * (administratively prohibited) when AllowLocalRouting is false or the CN it names is not
 * attached here (5.1); otherwise the MAG creates a binding cache entry for the peer MN (its
 * HNP at the PBU's source, for the PBU's lifetime), opens (or shares) the MAG-MAG IPv6-in-IPv6
 * tunnel, routes its CN's packets to the peer MN into it (MagLocalRouteTable), answers with a
 * PBA (status 0) and, when it has not yet, sends the peer MAG its own PBU for the CN (Figure 2:
 * "Similarly the MAG2 sends PBU message to the MAG1"). A PBA from another MAG is matched by the
 * MAG's signalling transaction.
 *
 * LMA-initiated (4.2): an LROREQ from the LMA with two MN-CN pair options (first: the MN
 * attached here, second: the CN and its MAG) and LRI 2 (or 1 when both are here) is answered by
 * an LRORSP (LRI echoed, 0 when refused); a Context Request option in it is answered with the
 * MN's MN-ID and link-layer identifier options. Then the MAGs exchange PBU/PBA as above. An
 * LROREQ with lifetime 0 removes the pair's local routing (5.1).
 *
 * Teardown: when the peer binding's lifetime ends (each MAG refreshes its MAG-MAG binding
 * before it expires while the local routing lifetime lasts: PeerBindingLifetime,
 * PeerRefreshFraction; a MAG that got a refresh from its peer refreshes its own binding too),
 * on detach / revocation / failure of the MN (the peer MAG gets a PBU with
 * lifetime 0 and falls back to the LMA path), and on TearDown().
 *
 * Handover (4.1.1, 4.2.1): the old MAG's de-registration PBU makes the peer MAG fall back to
 * the LMA path at once. Context transfer (4.1.1, attribute ContextTransfer): the new MAG's
 * initial PBU carries a Context Request option asking for the MN-CN pair option; the LMA
 * answers in its PBA with the LRO option (LRI 2) and MN-CN pair options (first the MN at its
 * new MAG, then each CN of its MAG-initiated pairs with the CN's MAG), which 5.1 allows in a
 * PBA; the new MAG then exchanges PBU/PBA with each CN's MAG at once (Figure 3), without
 * detection or LROREQ. (The draft carries the context from the previous MAG in a PFMIPv6
 * HI/HAck; the module has no HI/HAck, and the LMA holds the same pairs in its binding cache
 * extension, 8.2.) LMA-initiated pairs are re-initiated by the LMA (Figure 5). A PBU for the
 * peer MN from a new MAG replaces the old MAG's binding and tunnel.
 *
 * Inter-LMA (7, Figure 6): an LRORSP with LRI 3 from the MN's own LMA names the CN's LMA
 * (LMA2) in the Proxy-CoA field of the CN's MN-CN pair option; the MAG then sends LMA2 an
 * LROREQ with LRI 3 and the pair options (MN, this MAG) and (CN, ::); LMA2's LRORSP (LRI 3)
 * names the CN's MAG, and the MAGs exchange PBU/PBA as above (LRO option LRI 3). An LROREQ with
 * LRI 3 from the LMA (A.2) is handled as the LRI 2 one.
 *
 * The binding update list extension of 8.1 (intra-MAG / intra-LMA flags, CN HNP and Proxy-CoA)
 * and the MAG's binding cache entries for peer MNs are the pair records: "PairState" traces
 * every change.
 *
 * Protocol = Rfc6705: the MAG answers the LMA's RFC 6705 LRIs (MH 17) with LRAs and routes the
 * pair into a MAG-MAG tunnel without MAG-MAG signalling (MagLocalizedRouting); it does not
 * detect pairs itself (RFC 6705 localized routing is LMA-initiated).
 */
class MagLocalRoutingExtension : public Pmipv6MagExtension
{
  public:
    /// Which protocol the MAG speaks with the LMA (and the other MAGs).
    enum Protocol
    {
        PROTOCOL_DRAFT004 = 0, ///< draft-wu-netext-local-ro LROREQ / LRORSP, MAG-MAG PBU / PBA
        PROTOCOL_RFC6705,      ///< RFC 6705 LRI / LRA
    };

    /// The state of a pair.
    enum PairState
    {
        PAIR_REQUESTING = 0, ///< LROREQ sent, no LRORSP yet
        PAIR_ALLOWED,        ///< the LMA allowed it (flag set), PBU/PBA with the peer MAG running
        PAIR_ESTABLISHED,    ///< local route in place (and our binding accepted by the peer)
        PAIR_REFUSED,        ///< LRI 0 or status 129: left alone for HoldDown
        PAIR_REMOVED,        ///< torn down (the last trace of a pair)
    };

    /**
     * \brief The name of a pair state.
     * \param s the state
     * \return e.g. "ESTABLISHED"
     */
    static std::string PairStateName(PairState s);

    /**
     * \brief TracedCallback signature of a pair state change.
     * \param local the prefix of the MN attached here
     * \param peer the CN's prefix
     * \param lri the pair's flag (mip6::LocalRoutingIndication)
     * \param peerMag the CN's MAG (this MAG for intra-MAG; :: when not known)
     * \param state the new state (PairStateName)
     */
    typedef void (*PairStateTracedCallback)(Ipv6Address local,
                                            Ipv6Address peer,
                                            uint8_t lri,
                                            Ipv6Address peerMag,
                                            const std::string& state);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MagLocalRoutingExtension();
    ~MagLocalRoutingExtension() override;

    std::string GetName() const override;
    std::vector<uint8_t> GetMhTypes() const override;
    void Receive(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface) override;
    void NotifyDetach(Ptr<BindingUpdateListEntry> entry) override;
    void NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry) override;
    void AddPbuOptions(BindingUpdateHeader& pbu, Ptr<const BindingUpdateListEntry> entry) override;
    void NotifyPba(const BindingAckHeader& pba, Ptr<BindingUpdateListEntry> entry) override;

    /**
     * \brief Start local routing optimization for a pair now (the API trigger).
     * \param mnAddress an address of an MN attached to this MAG (registered)
     * \param cnAddress the CN's address
     * \return false when the MN is not registered here or the pair is known already
     */
    bool RequestLocalRouting(Ipv6Address mnAddress, Ipv6Address cnAddress);

    /**
     * \brief Authorize a peer MAG: PBUs from it are handled (the draft protects MAG-MAG
     * PBU/PBA with an IPsec security association between the MAGs, 4.1). A MAG that this
     * MAG's LMA names as a CN's MAG (LRORSP, LROREQ, context transfer) is authorized too. A
     * PBU from any other node is refused with status 154 (MAG not authorized) and changes
     * nothing.
     * \param peerMag the Proxy-CoA of the other MAG
     */
    void AddPeerMag(Ipv6Address peerMag);

    /**
     * \brief Remove a pair's local routing (the peer MAG is told with a PBU of lifetime 0).
     * \param mnAddress an address of the MN attached here
     * \param cnAddress the CN's address
     * \return false when the pair is unknown
     */
    bool TearDown(Ipv6Address mnAddress, Ipv6Address cnAddress);

    /**
     * \brief Whether packets from an MN attached here to a CN are routed locally now.
     * \param mnAddress the MN's address
     * \param cnAddress the CN's address
     * \return true when the pair has a local route
     */
    bool HasLocalRoute(Ipv6Address mnAddress, Ipv6Address cnAddress) const;

    /**
     * \brief The state of a pair.
     * \param mnAddress the MN's address
     * \param cnAddress the CN's address
     * \param state set to the state when the pair is known
     * \return false when the pair is unknown
     */
    bool GetPairState(Ipv6Address mnAddress, Ipv6Address cnAddress, PairState& state) const;

    /**
     * \brief The number of pairs known (any state).
     * \return the count
     */
    uint32_t GetPairCount() const;

    /**
     * \brief The local route table (after start).
     * \return the table
     */
    Ptr<MagLocalRouteTable> GetRouteTable() const;

    /**
     * \brief LROREQs sent to the LMA.
     * \return the count
     */
    uint64_t GetRequestCount() const;
    /**
     * \brief PBUs sent to other MAGs (de-registrations included, retransmissions not).
     * \return the count
     */
    uint64_t GetPeerPbuCount() const;
    /**
     * \brief PBAs sent to other MAGs with a status.
     * \param status the status
     * \return the count
     */
    uint64_t GetPeerPbaCount(uint8_t status) const;

    /**
     * \brief The RFC 6705 side (Protocol = Rfc6705, after start).
     * \return it, or null
     */
    Ptr<MagLocalizedRouting> GetLocalizedRouting() const;

    /**
     * \brief Pairs taken over from the LMA's context at a handover (4.1.1).
     * \return the count
     */
    uint64_t GetContextPairCount() const;

    /**
     * \brief PBUs sent to other MAGs to refresh a MAG-MAG binding before it expires.
     * \return the count
     */
    uint64_t GetPeerRefreshCount() const;

  protected:
    void DoDispose() override;
    void DoStart() override;

  private:
    /// A pair: (prefix of the MN attached here, CN's prefix).
    typedef std::pair<HomeNetworkPrefix, HomeNetworkPrefix> PairKey;

    /// Hash of a PairKey.
    struct PairKeyHash
    {
        /**
         * \brief The hash.
         * \param k the key
         * \return its hash
         */
        size_t operator()(const PairKey& k) const;
    };

    /// One pair's local routing state (BUL extension of 8.1 and the peer's binding cache entry).
    struct Pair
    {
        std::string mnId;     ///< the MN attached here
        std::string peerMnId; ///< the CN's MN-ID when known (PBU, intra-MAG)
        Ipv6Address lma;      ///< the MN's LMA
        Ipv6Address peerMag;  ///< the CN's MAG (Proxy-CoA of its binding cache entry)
        uint8_t lri{0};       ///< the pair's flag: 1 intra-MAG, 2 intra-LMA, 3 inter-LMA (0 none)
        Ipv6Address peerLma;  ///< inter-LMA: the CN's LMA (:: none)
        PairState state{PAIR_REQUESTING};                  ///< state
        bool ownSent{false};                               ///< our PBU for the MN went to peerMag
        bool ownAccepted{false};                           ///< ... and was accepted
        bool routed{false};                                ///< the local route is installed
        uint32_t tunnel{0};                                ///< MAG-MAG tunnel interface (0: none)
        Time lifetime;                                     ///< lifetime of the local routing
        EventId expiry;                                    ///< end of the peer binding / hold down
        Time grantEnd;                                     ///< end of the local routing lifetime
        Time ownExpiresAt;                                 ///< end of our binding at the peer MAG
        EventId refresh;                                   ///< next refresh of our MAG-MAG binding
        SignallingTransactionManager::TransactionId tx{0}; ///< pending LROREQ
        Ipv4Address ipv4Mn;      ///< the MN's IPv4-MN-HoA (MN-CN pair option, P flag; 6)
        Ipv4Address ipv4Cn;      ///< the CN's IPv4-MN-HoA
        bool ipv4Routed{false};  ///< the IPv4 local routes (intra-MAG) are installed
        Ipv4Address ipv4PeerCoa; ///< the CN's MAG's IPv4-Proxy-CoA (MN-CN pair option, 6)
        uint32_t ipv4Tunnel{0};  ///< IPv4 interface of the MAG-MAG tunnel routed into (0: none)
    };

    /**
     * \brief Uplink packet without a local route (MagLocalRouteTable detection).
     * \param src source
     * \param dst destination
     * \param size size
     */
    void Detect(Ipv6Address src, Ipv6Address dst, uint32_t size);
    /**
     * \brief The pair of an MN address and a CN address.
     * \param mnAddress the MN's address
     * \param cnAddress the CN's address
     * \param key set to the key
     * \return false when the MN is not registered here
     */
    bool KeyOf(Ipv6Address mnAddress, Ipv6Address cnAddress, PairKey& key) const;
    /**
     * \brief Send the LROREQ of a new pair.
     * \param key the pair
     * \param mnId the MN
     * \param lma its LMA
     */
    void StartRequest(const PairKey& key, const std::string& mnId, Ipv6Address lma);
    /**
     * \brief The LRORSP of a pair's LROREQ.
     * \param id the transaction
     * \param reply the LRORSP
     * \param ip its IPv6 header
     */
    void HandleResponse(SignallingTransactionManager::TransactionId id,
                        const MobilityHeader& reply,
                        const Ipv6Header& ip);
    /**
     * \brief No LRORSP came.
     * \param id the transaction
     */
    void RequestGaveUp(SignallingTransactionManager::TransactionId id);
    /**
     * \brief The LMA's LROREQ (LMA-initiated).
     * \param p the message
     * \param ip its IPv6 header
     */
    void HandleLmaRequest(Ptr<Packet> p, const Ipv6Header& ip);
    /**
     * \brief A PBU from another MAG.
     * \param p the message
     * \param ip its IPv6 header
     */
    void HandlePeerPbu(Ptr<Packet> p, const Ipv6Header& ip);
    /**
     * \brief The PBA of our PBU to another MAG.
     * \param key the pair
     * \param lifetime the lifetime the PBU asked for (0: de-registration)
     * \param reply the PBA
     */
    void HandlePeerPba(PairKey key, Time lifetime, const MobilityHeader& reply);
    /**
     * \brief Send the peer MAG a PBU for the pair's MN.
     * \param key the pair
     * \param pair its state
     * \param lifetime the lifetime (0: de-register)
     */
    void SendPeerPbu(const PairKey& key, Pair& pair, Time lifetime);
    /**
     * \brief Enable intra-LMA (or inter-LMA) routing for a pair (flag set, PBU to the peer
     * MAG).
     * \param key the pair
     * \param peerMag the CN's MAG
     * \param lifetime the lifetime
     * \param lri the flag: mip6::LRI_INTRA_LMA or mip6::LRI_INTER_LMA
     */
    void AllowIntraLma(const PairKey& key,
                       Ipv6Address peerMag,
                       Time lifetime,
                       uint8_t lri = mip6::LRI_INTRA_LMA);
    /**
     * \brief An LRORSP with LRI 3 (7, Figure 6): from the MN's LMA, ask the CN's LMA; from the
     * CN's LMA, enable the pair towards the CN's MAG.
     * \param key the pair
     * \param rsp the LRORSP
     * \param from its source
     * \param lifetime its lifetime
     * \return false when it names no usable LMA or MAG (the pair is refused)
     */
    bool HandleInterLmaResponse(const PairKey& key,
                                const LocalRoutingOptimizationResponseHeader& rsp,
                                Ipv6Address from,
                                Time lifetime);
    /**
     * \brief Send the CN's LMA the LROREQ of a pair ("LROREQ(MN, MAG1, CN)", Figure 6).
     * \param key the pair
     * \param pair its state
     */
    void SendInterLmaRequest(const PairKey& key, Pair& pair);
    /**
     * \brief Enable intra-MAG routing for a pair (both routes between the access links).
     * \param key the pair
     * \param lifetime the lifetime
     * \return false when the CN is not attached here
     */
    bool EnableIntraMag(const PairKey& key, Time lifetime);
    /**
     * \brief Install (or move) the local route of a pair into the tunnel to its peer MAG.
     * \param key the pair
     * \param pair its state
     */
    void RouteToPeer(const PairKey& key, Pair& pair);
    /**
     * \brief Remove a pair's routes and tunnel reference, tell the peer MAG when asked.
     * \param key the pair
     * \param notifyPeer send the peer MAG a PBU with lifetime 0
     */
    void RemovePair(PairKey key, bool notifyPeer);
    /**
     * \brief Take the IPv4-MN-HoAs of a pair from the MN-CN pair options of an LROREQ or
     * LRORSP (draft 004 section 6: P flag set), matched to the pair by their prefixes.
     * \param key the pair
     * \param pairs the MN-CN pair options
     */
    void TakeIpv4HomeAddresses(const PairKey& key, const std::vector<Ptr<MnCnPairOption>>& pairs);
    /**
     * \brief Install (or remove) the IPv4 local routes of an intra-MAG pair in the node's
     * Ipv4HomeAddressRouting: each MN's IPv4 packets to the other leave by the other's access
     * link (its host route), not the tunnel; both HoAs must be those of the binding update
     * list entries.
     * \param pair the pair
     * \param install true to install, false to remove
     */
    void RouteIpv4(Pair& pair, bool install);
    /**
     * \brief Install (or move) the IPv4 local route of a pair whose CN is at another MAG:
     * from the MN's IPv4-MN-HoA, arriving on its access link, to the CN's, into the MAG-MAG
     * tunnel (IPv4 enabled on the tunnel's device). Nothing when an HoA is unknown or the
     * node has no IPv4.
     * \param key the pair
     * \param pair the pair (its IPv6 route and tunnel in place)
     */
    void RouteIpv4ToPeer(const PairKey& key, Pair& pair);
    /**
     * \brief Remove the IPv4 local route of a pair whose CN is at another MAG (if any).
     * \param pair the pair
     */
    void UnrouteIpv4ToPeer(Pair& pair);
    /**
     * \brief This MAG's IPv4-Proxy-CoA: the address of its Pmipv6Ipv4Transport, 0.0.0.0 when it
     * talks over IPv6.
     * \return the address
     */
    Ipv4Address GetOwnIpv4ProxyCoa() const;
    /**
     * \brief Over the IPv4 transport: make the CN's MAG a transport peer at the IPv4-Proxy-CoA
     * the LMA named (draft 004 section 6), unless its own signalling taught the transport
     * where it is already.
     * \param pair the pair
     */
    void LearnPeerTransport(const Pair& pair);
    /**
     * \brief The MN-CN pair option describing this MAG's MN of a pair, with the P flag, its
     * IPv4-MN-HoA and this MAG's IPv4-Proxy-CoA when the MN has an IPv4 home address.
     * \param key the pair
     * \return the option, or null when the MN has no IPv4 home address
     */
    Ptr<MnCnPairOption> OwnIpv4PairOption(const PairKey& key) const;
    /**
     * \brief Refuse a pair for HoldDown.
     * \param key the pair
     */
    void Refuse(const PairKey& key);
    /**
     * \brief Change a pair's state (and trace it).
     * \param key the pair
     * \param pair its state
     * \param s the new state
     */
    void SetState(const PairKey& key, Pair& pair, PairState s);
    /**
     * \brief Re-arm a pair's expiry.
     * \param key the pair
     * \param pair its state
     * \param after the delay
     */
    void ArmExpiry(const PairKey& key, Pair& pair, Time after);
    /**
     * \brief A pair's lifetime (or hold down) ended.
     * \param key the pair
     */
    void Expire(PairKey key);
    /**
     * \brief Remove every pair of an MN (detach, revocation).
     * \param entry the MN's entry
     */
    void RemoveMn(Ptr<BindingUpdateListEntry> entry);
    /**
     * \brief Send a PBA to another MAG.
     * \param pbaSeq the PBU's sequence
     * \param mnId the MN-ID
     * \param hnp the HNP
     * \param status the status
     * \param lifetime the lifetime in 4 s units
     * \param dst the peer MAG
     * \param lri the LRI of the LRO option when accepted (2 intra-LMA, 3 inter-LMA)
     */
    void SendPeerPba(uint16_t pbaSeq,
                     const std::string& mnId,
                     const HomeNetworkPrefix& hnp,
                     uint8_t status,
                     uint16_t lifetime,
                     Ipv6Address dst,
                     uint8_t lri = mip6::LRI_INTRA_LMA);

    /**
     * \brief The lifetime of our next MAG-MAG PBU for a pair: PeerBindingLifetime (or the
     * whole local routing lifetime when 0), cut at the end of the local routing lifetime.
     * \param pair the pair
     * \return the lifetime (zero when the local routing lifetime is over)
     */
    Time BindingLifetime(const Pair& pair) const;
    /**
     * \brief Our MAG-MAG binding was accepted: refresh it before it expires while the local
     * routing lifetime lasts.
     * \param key the pair
     * \param pair its state
     * \param lifetime the lifetime the PBU asked for
     */
    void ScheduleRefresh(const PairKey& key, Pair& pair, Time lifetime);
    /**
     * \brief Refresh our MAG-MAG binding (PBU with a new lifetime).
     * \param key the pair
     */
    void RefreshPeerBinding(PairKey key);
    /**
     * \brief A peer MAG refreshed its binding: refresh ours too unless our own timer does.
     * \param key the pair
     * \param pair its state
     */
    void EchoRefresh(const PairKey& key, Pair& pair);
    /**
     * \brief Take over the pairs of an MN that moved here from the LMA's context (4.1.1).
     * \param mnId the MN
     * \param lma its LMA
     * \param own its prefix
     * \param peers the CNs' MN-CN pair options (prefix, MAG, IPv4 fields)
     */
    void AdoptContext(std::string mnId,
                      Ipv6Address lma,
                      HomeNetworkPrefix own,
                      std::vector<Ptr<MnCnPairOption>> peers);

    bool m_detect; ///< EnableDetectLocalRouting
    bool m_allow;  ///< AllowLocalRouting (the MAG's flag)
    /// MAGs whose PBUs this MAG handles (AddPeerMag(), or named by the LMA)
    std::unordered_set<Ipv6Address, Ipv6AddressHash> m_peerMags;
    Ptr<LocalRoutingPolicy> m_policy; ///< when to optimise
    Time m_lifetime;                  ///< requested lifetime
    Time m_holdDown;                  ///< after a refusal
    uint8_t m_cnPrefixLength;         ///< CN prefix length when not attached here
    Ptr<MagLocalRouteTable> m_table;  ///< the data path
    std::unordered_map<PairKey, Pair, PairKeyHash> m_pairs;    ///< pairs
    std::unordered_map<std::string, std::set<PairKey>> m_byMn; ///< pairs by MN-ID (both ends)
    std::unordered_map<SignallingTransactionManager::TransactionId, PairKey>
        m_byTransaction;                              ///< pending LROREQs
    uint64_t m_requests;                              ///< LROREQs sent
    uint64_t m_peerPbus;                              ///< PBUs sent to MAGs
    std::unordered_map<uint8_t, uint64_t> m_peerPbas; ///< PBAs sent to MAGs by status
    Protocol m_protocol;                              ///< Protocol
    bool m_contextTransfer;                           ///< ContextTransfer
    Time m_peerBindingLifetime;                       ///< PeerBindingLifetime
    double m_refreshFraction;                         ///< PeerRefreshFraction
    Time m_tunnelLinger;                              ///< TunnelLinger
    uint64_t m_contextPairs;                          ///< pairs taken over at handovers
    uint64_t m_peerRefreshes;                         ///< refresh PBUs sent
    Ptr<MagLocalizedRouting> m_rfc6705;               ///< RFC 6705 side, or null
    TracedCallback<Ipv6Address, Ipv6Address, uint8_t, Ipv6Address, const std::string&>
        m_stateTrace; ///< PairState
};

} // namespace ns3

#endif /* PMIPV6_MAG_LOCAL_ROUTING_EXTENSION_H */

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_APPLICATION_H
#define PMIPV6_LMA_APPLICATION_H

#include "binding-cache.h"
#include "binding-update-header.h"
#include "pmipv6-profile.h"
#include "prefix-pool.h"

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{

class MobilityL4Protocol;
class Ipv6TunnelL4Protocol;
class LmaRouting;

/**
 * \ingroup pmipv6
 * \brief What a received Proxy Binding Update asks for, read once from its options.
 */
struct ProxyBindingRequest
{
    Ipv6Address mag;                         ///< source of the PBU (Proxy-CoA)
    uint16_t sequence{0};                    ///< Sequence #
    Time lifetime;                           ///< requested lifetime (0 = de-registration)
    bool hasMnId{false};                     ///< MN-ID option present
    std::string mnId;                        ///< MN-ID (NAI)
    std::vector<HomeNetworkPrefix> prefixes; ///< non-zero HNPs
    uint32_t hnpOptionCount{0};              ///< number of HNP options (zero or not)
    bool hasHandoffIndicator{false};         ///< HI option present
    uint8_t handoffIndicator{0};             ///< HI value
    bool hasAccessTechnologyType{false};     ///< ATT option present
    uint8_t accessTechnologyType{0};         ///< ATT value
    bool hasLinkLayerId{false};              ///< MN LL-ID option present
    std::vector<uint8_t> linkLayerId;        ///< MN LL-ID
    bool hasLinkLocalAddress{false};         ///< Link-local Address option present
    Ipv6Address linkLocalAddress;            ///< its value
    bool hasTimestamp{false};                ///< Timestamp option present
    uint64_t timestamp{0};                   ///< raw 48.16 timestamp
};

/**
 * \ingroup pmipv6
 * \brief The Local Mobility Anchor of RFC 5213 as an ns-3 application.
 *
 * Receives Proxy Binding Updates through the node's MobilityL4Protocol, applies the RFC 5213
 * section 5.3 checks (every status code of section 8.9 that applies to an LMA), the section
 * 5.4.1 binding cache lookup for each Handoff Indicator value, the section 5.5 ordering
 * (timestamps or sequence numbers), and keeps one binding cache entry per mobility session.
 * An accepted registration routes each home network prefix into a bidirectional
 * IPv6-in-IPv6 tunnel to the Proxy-CoA (shared by every session through the same MAG); a
 * de-registration keeps the entry MinDelayBeforeBCEDelete before deleting it, so that the
 * new MAG of a handover finds the session and the mobile node keeps its prefix; meanwhile
 * the mobile node's data traffic is dropped (the prefix routes become discard routes, RFC
 * 5213 5.3.5). While a Handoff Indicator 4 request of another MAG waits for the
 * de-registration of the registered one, the entry is in state AWAITING_DEREGISTRATION.
 */
class Pmipv6LmaApplication : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Pmipv6LmaApplication();
    ~Pmipv6LmaApplication() override;

    /**
     * \brief The LMA address (LMAA): tunnel end point and source of every PBA.
     * \return the address
     */
    Ipv6Address GetAddress() const;
    /**
     * \brief Set the LMA address.
     * \param address the address
     */
    void SetAddress(Ipv6Address address);

    /**
     * \brief The policy store (mobile node profiles).
     * \return the store
     */
    Ptr<Pmipv6ProfileStore> GetProfileStore() const;
    /**
     * \brief Set the policy store.
     * \param store the store
     */
    void SetProfileStore(Ptr<Pmipv6ProfileStore> store);

    /**
     * \brief The pool home network prefixes are assigned from.
     * \return the pool
     */
    Ptr<PrefixPool> GetPrefixPool() const;
    /**
     * \brief Set the pool home network prefixes are assigned from.
     * \param pool the pool
     */
    void SetPrefixPool(Ptr<PrefixPool> pool);

    /**
     * \brief The binding cache.
     * \return the cache
     */
    Ptr<BindingCache> GetBindingCache() const;

    /**
     * \brief Number of PBUs received (decoded).
     * \return the count
     */
    uint64_t GetPbuCount() const;
    /**
     * \brief Number of PBAs sent with a status.
     * \param status the status
     * \return the count
     */
    uint64_t GetPbaCount(uint8_t status) const;
    /**
     * \brief Number of PBAs sent, any status.
     * \return the count
     */
    uint64_t GetPbaCount() const;

    /**
     * \brief Number of Binding Revocation Indications sent.
     * \return the count
     */
    uint64_t GetRevocationCount() const;
    /**
     * \brief Number of Binding Revocation Acknowledgements received.
     * \return the count
     */
    uint64_t GetRevocationAckCount() const;

    /**
     * \brief TracedCallback signature for a PBU received or a PBA sent.
     * \param header the message
     * \param peer the MAG (source of the PBU, destination of the PBA)
     */
    typedef void (*PbuTracedCallback)(const BindingUpdateHeader& header, Ipv6Address peer);
    /**
     * \brief TracedCallback signature for a PBA sent.
     * \param header the message
     * \param peer the MAG
     */
    typedef void (*PbaTracedCallback)(const BindingAckHeader& header, Ipv6Address peer);
    /**
     * \brief TracedCallback signature for a mobility session that moved between MAGs.
     * \param mnId the mobile node
     * \param from the previous Proxy-CoA
     * \param to the new Proxy-CoA
     */
    typedef void (*HandoverTracedCallback)(const std::string& mnId,
                                           Ipv6Address from,
                                           Ipv6Address to);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /**
     * \brief Handler of MH type 5.
     * \param p the message
     * \param ip its IPv6 header
     * \param interface the arrival interface
     */
    void HandleBindingUpdate(Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface);

    /**
     * \brief Read the options of a PBU.
     * \param pbu the message
     * \param mag its source
     * \return the request
     */
    static ProxyBindingRequest ParseRequest(const BindingUpdateHeader& pbu, Ipv6Address mag);

    /**
     * \brief Apply the checks that do not depend on the binding cache (RFC 5213 5.3.1).
     * \param req the request
     * \return a status, mip6::BA_ACCEPTED when every check passed
     */
    uint8_t CheckRequest(const ProxyBindingRequest& req) const;

    /**
     * \brief Registration (lifetime > 0): lookup (5.4.1), ordering (5.5), update or create.
     * \param req the request
     */
    void ProcessRegistration(const ProxyBindingRequest& req);

    /**
     * \brief De-registration (lifetime 0), RFC 5213 5.3.5.
     * \param req the request
     */
    void ProcessDeregistration(const ProxyBindingRequest& req);

    /**
     * \brief The section 5.5 ordering check of a request against an existing entry.
     * \param req the request
     * \param entry the entry
     * \return mip6::BA_ACCEPTED, or 157 / 135
     */
    uint8_t CheckOrdering(const ProxyBindingRequest& req, Ptr<BindingCacheEntry> entry) const;

    /**
     * \brief Find the mobility session an all-zero-HNP request refers to (5.4.1).
     * \param req the request
     * \return the entry, or nullptr
     */
    Ptr<BindingCacheEntry> FindSession(const ProxyBindingRequest& req) const;

    /**
     * \brief Create a new mobility session and accept the request (or refuse it: 130 when
     * MaxBindingCacheEntries or the prefix pool is exhausted, 128 when no tunnel can be set
     * up, 155 for a prefix that is not a free one of this LMA).
     * \param req the request
     */
    void CreateSession(const ProxyBindingRequest& req);

    /**
     * \brief Accept a request for an entry: update it, move the tunnel, routes and timers,
     * and send the PBA. An existing entry moving to a MAG no tunnel can be set up to is
     * refused with 128 and left unchanged.
     * \param req the request
     * \param entry the entry (already in the cache)
     * \param isNew true for a new session
     * \param revokeOldMag send the previous MAG a BRI when the session moves (and
     *        RevokeOnHandover is set); false when that MAG is de-registering it already
     * \return true when accepted
     */
    bool AcceptRequest(const ProxyBindingRequest& req,
                       Ptr<BindingCacheEntry> entry,
                       bool isNew,
                       bool revokeOldMag = true);

    /**
     * \brief Whether a bidirectional tunnel between the LMA address and a Proxy-CoA can be
     * set up: the Proxy-CoA is a global unicast address other than the LMA's, and the LMA
     * address is an address of this node (checked once per LMA address).
     * \param mag the Proxy-CoA
     * \return true when it can
     */
    bool CanTunnelTo(Ipv6Address mag);

    /**
     * \brief Whether an entry is registered (forwards traffic to its Proxy-CoA): ACTIVE, or
     * AWAITING_DEREGISTRATION (still at its MAG while another MAG's HI 4 request waits).
     * \param entry the entry
     * \return true when registered
     */
    static bool IsRegistered(Ptr<const BindingCacheEntry> entry);

    /**
     * \brief HI 4 with an active session at another MAG: MaxDelayBeforeNewBCEAssign passed
     * without a de-registration, so the request becomes a new session.
     * \param entryId the existing entry
     */
    void PendingRequestTimeout(uint64_t entryId);

    /**
     * \brief The lifetime of an entry ran out.
     * \param entry the entry
     */
    void LifetimeExpired(Ptr<BindingCacheEntry> entry);

    /**
     * \brief Delete an entry with its routes, tunnel reference and prefixes.
     * \param entry the entry
     */
    void DeleteEntry(Ptr<BindingCacheEntry> entry);

    /**
     * \brief Send a PBA.
     * \param req the request it answers
     * \param status the status
     * \param entry the entry (accepted) or nullptr (rejected)
     * \param lifetime the granted lifetime
     */
    void SendPba(const ProxyBindingRequest& req,
                 uint8_t status,
                 Ptr<BindingCacheEntry> entry,
                 Time lifetime);

    /**
     * \brief Tell the previous MAG of a moved session to drop it (RFC 5846 BRI).
     * \param entry the entry (already at its new MAG)
     * \param oldMag the previous Proxy-CoA
     * \param oldAtt the access technology type at the previous MAG
     */
    void SendRevocation(Ptr<BindingCacheEntry> entry, Ipv6Address oldMag, uint8_t oldAtt);

    /**
     * \brief Handler of MH type 16 (a BRA answering our BRI).
     * \param p the message
     * \param ip its IPv6 header
     * \param interface the arrival interface
     */
    void HandleBindingRevocation(Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface);

    /**
     * \brief The LMA's current time as a raw 48.16 timestamp.
     * \return the timestamp
     */
    uint64_t NowTimestamp() const;

    Ipv6Address m_address;                   ///< LMA address
    Ptr<Pmipv6ProfileStore> m_profiles;      ///< policy store
    Ptr<PrefixPool> m_pool;                  ///< HNP pool
    Ptr<BindingCache> m_cache;               ///< binding cache
    Ptr<MobilityL4Protocol> m_mobility;      ///< Mobility Header transport
    Ptr<Ipv6TunnelL4Protocol> m_tunnels;     ///< IPv6-in-IPv6 tunnels
    Ptr<LmaRouting> m_routing;               ///< prefix routes into tunnels
    bool m_useTimestamps;                    ///< TimestampBasedApproachInUse
    Time m_timestampWindow;                  ///< TimestampValidityWindow
    Time m_minDelayBeforeDelete;             ///< MinDelayBeforeBCEDelete
    Time m_maxDelayBeforeNewBce;             ///< MaxDelayBeforeNewBCEAssign
    Time m_maxLifetime;                      ///< longest lifetime granted
    uint32_t m_maxEntries;                   ///< MaxBindingCacheEntries (0 = unlimited)
    Ipv6Address m_verifiedAddress;           ///< LMA address found on the node (CanTunnelTo)
    Time m_clockOffset;                      ///< offset of the LMA clock (tests)
    bool m_proxyRegistrationEnabled;         ///< accept PBUs at all
    bool m_revokeOnHandover;                 ///< send a BRI to the previous MAG
    uint16_t m_revocationSequence;           ///< last BRI sequence number
    uint64_t m_briCount;                     ///< BRIs sent
    uint64_t m_braCount;                     ///< BRAs received
    uint64_t m_pbuCount;                     ///< PBUs received
    std::map<uint8_t, uint64_t> m_pbaCounts; ///< PBAs sent per status

    /// A request that waits MaxDelayBeforeNewBCEAssign for the old MAG's de-registration.
    struct PendingRequest
    {
        ProxyBindingRequest request; ///< the latest PBU of the new MAG
        EventId timer;               ///< MaxDelayBeforeNewBCEAssign
    };

    std::map<uint64_t, PendingRequest> m_pending; ///< by the existing entry's id

    TracedCallback<const BindingUpdateHeader&, Ipv6Address> m_rxPbuTrace;         ///< PBU received
    TracedCallback<const BindingAckHeader&, Ipv6Address> m_txPbaTrace;            ///< PBA sent
    TracedCallback<const std::string&, Ipv6Address, Ipv6Address> m_handoverTrace; ///< moved
};

} // namespace ns3

#endif /* PMIPV6_LMA_APPLICATION_H */

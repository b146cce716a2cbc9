/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_APPLICATION_H
#define PMIPV6_LMA_APPLICATION_H

#include "binding-cache.h"
#include "binding-update-header.h"
#include "flow-binding-table.h"
#include "pmipv6-extension-list.h"
#include "pmipv6-lma-extension.h"
#include "pmipv6-profile.h"
#include "prefix-pool.h"
#include "proxy-binding-request.h"
#include "signalling-transaction.h"

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

class MobilityL4Protocol;
class Ipv6TunnelL4Protocol;
class LmaRouting;

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
     * \brief Register an extension (a draft's behaviour on the LMA side). Its MH types are
     * claimed when the LMA starts (at once when it has started already); a type that another
     * extension or the core claims aborts the simulation with both names.
     * \param extension the extension (registered with no other LMA)
     */
    void AddExtension(Ptr<Pmipv6LmaExtension> extension);

    /**
     * \brief The number of registered extensions.
     * \return the number
     */
    uint32_t GetNExtensions() const;

    /**
     * \brief A registered extension.
     * \param i its index, in registration order
     * \return the extension
     */
    Ptr<Pmipv6LmaExtension> GetExtension(uint32_t i) const;

    /**
     * \brief The first registered extension of a type.
     * \tparam T the extension's class
     * \return the extension, or nullptr
     */
    template <class T>
    Ptr<T> GetExtension() const
    {
        for (uint32_t i = 0; i < GetNExtensions(); i++)
        {
            if (Ptr<T> t = DynamicCast<T>(GetExtension(i)))
            {
                return t;
            }
        }
        return nullptr;
    }

    /**
     * \brief The Mobility Header transport of the LMA's node (after start).
     * \return the protocol
     */
    Ptr<MobilityL4Protocol> GetMobilityProtocol() const;

    /**
     * \brief The LMA's prefix routing (after start).
     * \return the routing protocol
     */
    Ptr<LmaRouting> GetRouting() const;

    /**
     * \brief The flow-binding table LmaRouting asks before each prefix route: its owners are
     * mobile nodes (GetFlowOwner()), its binding identifiers those of the binding cache
     * entries (RFC 5648 BIDs, unique per mobile node; see BindingCacheEntry::bindingId).
     * \return the table
     */
    Ptr<FlowBindingTable> GetFlowBindingTable() const;

    /**
     * \brief The flow-binding table owner of a mobile node (the same for all its sessions,
     * assigned on first use).
     * \param mnId the mobile node
     * \return the owner key
     */
    uint64_t GetFlowOwner(const std::string& mnId);

    /**
     * \brief The binding cache entry of a mobile node with a binding identifier.
     * \param mnId the mobile node
     * \param bindingId the BID
     * \return the entry, or nullptr
     */
    Ptr<BindingCacheEntry> FindBinding(const std::string& mnId, uint16_t bindingId) const;

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
     * \brief Number of Binding Revocation Indications sent, retransmissions included.
     * \return the count
     */
    uint64_t GetRevocationCount() const;
    /**
     * \brief Number of Binding Revocation Acknowledgements received (decoded).
     * \return the count
     */
    uint64_t GetRevocationAckCount() const;

    /**
     * \brief The signalling transactions of this LMA (BRI/BRA and every extension's
     * request/response exchanges share it).
     * \return the manager
     */
    Ptr<SignallingTransactionManager> GetSignalling() const;

    /**
     * \brief Fail as a rebooting node does: stop answering, and lose every binding (routes,
     * tunnels, prefixes allocated from the pool, flow entries; the extensions are told each
     * binding is deleted), every pending request and signalling transaction and every timer.
     * Sends nothing. Restart() brings the LMA back.
     */
    void Crash();

    /**
     * \brief Start again after Crash() with an empty binding cache, and count a restart
     * (GetRestartCount(); RFC 5847 3.2 Restart Counter). Without a Crash() before, first
     * crashes.
     */
    void Restart();

    /**
     * \brief How many times the LMA restarted (Restart()).
     * \return the count
     */
    uint32_t GetRestartCount() const;

    /**
     * \brief TracedCallback signature for a revocation answered by the old MAG.
     * \param mnId the mobile node
     * \param mag the MAG the BRI went to
     * \param status the BRA status (mip6::BindingRevocationStatus)
     */
    typedef void (*RevocationCompletedTracedCallback)(const std::string& mnId,
                                                      Ipv6Address mag,
                                                      uint8_t status);
    /**
     * \brief TracedCallback signature for a revocation the old MAG never answered.
     * \param mnId the mobile node
     * \param mag the MAG the BRI went to
     */
    typedef void (*RevocationGaveUpTracedCallback)(const std::string& mnId, Ipv6Address mag);

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
     * \brief The session a request's prefix refers to: among sessions sharing the prefix,
     * the one at the requesting MAG (and MN link-layer identifier), else the earliest.
     * \param prefix the prefix
     * \param req the request
     * \return the entry, or nullptr
     */
    Ptr<BindingCacheEntry> FindByPrefixFor(const HomeNetworkPrefix& prefix,
                                           const ProxyBindingRequest& req) const;

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
     * \param sharePrefixes the session may share the prefixes of another session of the same
     * mobile node (an extension's SESSION_NEW_SHARED_PREFIXES); with all-zero HNPs it gets
     * the prefixes of the mobile node's first session
     */
    void CreateSession(const ProxyBindingRequest& req, bool sharePrefixes = false);

    /**
     * \brief Ask the extensions for the prefixes of a new session (AssignPrefixes()) and take
     * the chosen ones from the other registered sessions of the mobile node that hold them
     * (each keeps at least one prefix; its route of the prefix is removed).
     * \param req the request
     * \param [out] prefixes the prefixes taken
     * \return true when an extension chose and at least one prefix was taken
     */
    bool TakeExtensionPrefixes(const ProxyBindingRequest& req,
                               std::vector<HomeNetworkPrefix>& prefixes);

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
     * \brief The one place where an entry changes state: runs the entry actions of \p s,
     * then BindingCache::SetState() (which fires "EntryStateChanged" when the state changes).
     * The entry actions also run on a self-transition (a refresh re-enters ACTIVE):
     * - ACTIVE and AWAITING_DEREGISTRATION (registered): cancel the delete timer; the
     *   lifetime timer expires at registrationTime + lifetime (rescheduled unless it already
     *   does);
     * - AWAITING_DEREGISTRATION also starts the MaxDelayBeforeNewBCEAssign timer of the
     *   waiting request in m_pending (which must exist) unless it is running;
     * - DEREGISTERED_PENDING_DELETE: cancel the lifetime timer, (re)start the delete timer
     *   (MinDelayBeforeBCEDelete), make the prefix routes discard routes.
     * Timers are keyed by the entry's id: no event holds the entry.
     * \param entry the entry (in the cache)
     * \param s the new state
     */
    void SwitchState(Ptr<BindingCacheEntry> entry, BindingCacheEntry::State s);

    /**
     * \brief The lifetime timer of an entry ran out: delete it (nothing when it is gone).
     * \param entryId the entry's id
     */
    void LifetimeExpired(uint64_t entryId);

    /**
     * \brief The delete timer (MinDelayBeforeBCEDelete) of a de-registered entry ran out:
     * delete it (nothing when it is gone).
     * \param entryId the entry's id
     */
    void DeleteDelayExpired(uint64_t entryId);

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
     * \brief The key of a (flow owner, BID) pair in m_bindings.
     * \param flowOwner the owner
     * \param bindingId the BID
     * \return the key
     */
    static uint64_t BindingKey(uint64_t flowOwner, uint16_t bindingId);

    /**
     * \brief The binding identifier of a new entry of a mobile node (RFC 5648: unique among
     * its bindings): \p preferred when no entry of the MN uses it, else the smallest one from
     * 1 that none uses.
     * \param mnId the mobile node
     * \param preferred the BID the PBU asked for (0: none)
     * \return the BID
     */
    uint16_t NextBindingId(const std::string& mnId, uint16_t preferred = 0) const;

    /**
     * \brief LmaRouting's resolver: the tunnel of a mobile node's binding (none while the
     * entry waits for deletion).
     * \param flowOwner the mobile node's owner key
     * \param bindingId the BID
     * \return the output
     */
    FlowBindingOutput ResolveBinding(uint64_t flowOwner, uint16_t bindingId);

    /**
     * \brief The LMA's name in messages.
     * \return e.g. "LMA on node 3"
     */
    std::string AgentName() const;

    /**
     * \brief Tell every extension about a binding cache event.
     * \param event the event (a Pmipv6LmaExtension::BindingEvent)
     * \param entry the entry
     * \param previousProxyCoa the Proxy-CoA before a move (otherwise the current one)
     */
    void NotifyExtensions(Pmipv6LmaExtension::BindingEvent event,
                          Ptr<BindingCacheEntry> entry,
                          Ipv6Address previousProxyCoa);

    /**
     * \brief The BRA of a revocation arrived (transaction reply callback).
     * \param mnId the mobile node
     * \param mag the old MAG
     * \param id the transaction
     * \param reply the BRA
     * \param ip its IPv6 header
     */
    void RevocationAcknowledged(std::string mnId,
                                Ipv6Address mag,
                                SignallingTransactionManager::TransactionId id,
                                const MobilityHeader& reply,
                                const Ipv6Header& ip);

    /**
     * \brief No BRA after BRIMaxRetriesNumber retransmissions (transaction give-up).
     * \param mnId the mobile node
     * \param mag the old MAG
     * \param id the transaction
     */
    void RevocationGaveUp(std::string mnId,
                          Ipv6Address mag,
                          SignallingTransactionManager::TransactionId id);

    /**
     * \brief Count a BRI sent (transaction "Sent" / "Retransmitted" trace sink).
     * \param id the transaction
     * \param peer its peer
     * \param mhType the request's MH type
     * \param sequence its sequence
     * \param retransmissions retransmissions so far
     */
    void CountBri(SignallingTransactionManager::TransactionId id,
                  Ipv6Address peer,
                  uint8_t mhType,
                  uint16_t sequence,
                  uint32_t retransmissions);

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
    bool m_pointToMultipointTunnel;          ///< PointToMultipointTunnel
    uint8_t m_defaultBindingPriority;        ///< DefaultBindingPriority (BID-PRI)
    uint64_t m_briCount;                     ///< BRIs sent, retransmissions included
    uint64_t m_braCount;                     ///< BRAs received
    uint64_t m_pbuCount;                     ///< PBUs received
    std::map<uint8_t, uint64_t> m_pbaCounts; ///< PBAs sent per status
    Pmipv6ExtensionList<Pmipv6LmaExtension> m_extensions;   ///< registered extensions
    Ptr<FlowBindingTable> m_flowTable;                      ///< per-flow bindings (data path)
    std::unordered_map<std::string, uint64_t> m_flowOwners; ///< MN-ID -> flow owner key
    std::unordered_map<uint64_t, uint64_t> m_bindings; ///< BindingKey -> binding cache entry id
    bool m_started{false};                             ///< StartApplication() ran

    /// Request/response transactions (BRI/BRA; shared with extensions).
    Ptr<SignallingTransactionManager> m_signalling;
    Time m_minDelayBris;      ///< MinDelayBRIs (RFC 5846 MINDelayBRIs)
    uint32_t m_briMaxRetries; ///< BRIMaxRetriesNumber (RFC 5846)

    /// A request that waits MaxDelayBeforeNewBCEAssign for the old MAG's de-registration.
    struct PendingRequest
    {
        ProxyBindingRequest request; ///< the latest PBU of the new MAG
        EventId timer;               ///< MaxDelayBeforeNewBCEAssign
    };

    std::map<uint64_t, PendingRequest> m_pending; ///< by the existing entry's id
    uint32_t m_restartCount{0};                   ///< Restart() calls
    bool m_crashed{false};                        ///< Crash() without Restart() yet

    TracedCallback<const BindingUpdateHeader&, Ipv6Address> m_rxPbuTrace;         ///< PBU received
    TracedCallback<const BindingAckHeader&, Ipv6Address> m_txPbaTrace;            ///< PBA sent
    TracedCallback<const std::string&, Ipv6Address, Ipv6Address> m_handoverTrace; ///< moved
    TracedCallback<const std::string&, Ipv6Address, uint8_t> m_revocationCompletedTrace; ///< BRA
    TracedCallback<const std::string&, Ipv6Address> m_revocationGaveUpTrace;             ///< no BRA
};

} // namespace ns3

#endif /* PMIPV6_LMA_APPLICATION_H */

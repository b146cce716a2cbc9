/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MAG_APPLICATION_H
#define PMIPV6_MAG_APPLICATION_H

#include "binding-revocation-header.h"
#include "binding-update-header.h"
#include "binding-update-list.h"
#include "pmipv6-extension-list.h"
#include "pmipv6-mag-extension.h"
#include "pmipv6-profile.h"
#include "sequence-reply-cache.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

namespace ns3
{

class MobilityL4Protocol;
class Ipv6TunnelL4Protocol;
class MagRouterAdvertiser;
class MagRouting;
class SignallingTransactionManager;

/**
 * \ingroup pmipv6
 * \brief The Mobile Access Gateway of RFC 5213 as an ns-3 application.
 *
 * Learns of attachments from Wi-Fi access point association traces (AddWifiAccessPoint) or
 * from an explicit NotifyAttach (CSMA, point-to-point, anything a scenario scripts), keeps a
 * binding update list entry per attached mobile node, and registers it with its LMA by Proxy
 * Binding Update (MN-ID, HNP, HI, ATT, Timestamp, MN LL-ID, Link-local Address), retransmitted
 * from InitialBindackTimeoutFirstReg doubling up to MaxBindackTimeout, refreshed before the
 * lifetime ends and de-registered on detach (RFC 5213 6.9.5). A PBA with status 135 (sequence
 * out of window) resynchronises the sequence number from the PBA (RFC 6275 11.7.1), one with
 * 156 (timestamp mismatch) adopts the LMA's clock from the PBA's Timestamp option, and one
 * with 157 (timestamp lower than accepted) re-sends with a fresh timestamp (RFC 5213 6.9.1.x):
 * up to MaxRejectionRecoveries times per registration. On an accepted PBA it opens (or
 * shares) the tunnel to the LMA, routes the mobile node's uplink into it by source prefix
 * (MagRouting), and sends the mobile node a unicast Router Advertisement with its home network
 * prefixes from the link-local address every access link shares, so that an unchanged ns-3
 * IPv6 host keeps its address across MAGs. The RA is repeated (MaxInitialRtrAdvertisements,
 * MaxInitialRtrAdvertInterval) and a Router Solicitation of a registered mobile node is
 * answered with it (RFC 4861 6.2.4 and 6.2.6; MagRouterAdvertiser).
 */
class Pmipv6MagApplication : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Pmipv6MagApplication();
    ~Pmipv6MagApplication() override;

    /**
     * \brief Declare a device of this node an access link: it gets the shared link-local
     * address and IPv6 forwarding. The device must already be an IPv6 interface.
     * \param device the device
     * \param accessTechnologyType the ATT reported for attachments on it (0: the attribute)
     */
    void AddAccessInterface(Ptr<NetDevice> device, uint8_t accessTechnologyType = 0);

    /**
     * \brief Declare a Wi-Fi access point device an access link and follow its association
     * and disassociation traces (connected by Config path: no link-time dependency on wifi).
     * \param apDevice a WifiNetDevice with an ApWifiMac
     */
    void AddWifiAccessPoint(Ptr<NetDevice> apDevice);

    /**
     * \brief A mobile node attached on an access link: register it with the LMA.
     * \param device the access device
     * \param mnId the mobile node identifier (NAI)
     * \param mnLinkLayerAddress the mobile node's link-layer address on that link
     * \param handoffIndicator HI to send (0: the DefaultHandoffIndicator attribute)
     */
    void NotifyAttach(Ptr<NetDevice> device,
                      const std::string& mnId,
                      const Address& mnLinkLayerAddress,
                      uint8_t handoffIndicator = 0);

    /**
     * \brief A mobile node attached; its identifier is looked up in the profile store by its
     * link-layer address. Unknown addresses are ignored (logged).
     * \param device the access device
     * \param mnLinkLayerAddress the mobile node's link-layer address
     */
    void NotifyAttach(Ptr<NetDevice> device, const Address& mnLinkLayerAddress);

    /**
     * \brief A mobile node left an access link: remove its routes and de-register it.
     * \param device the access device
     * \param mnLinkLayerAddress its link-layer address
     */
    void NotifyDetach(Ptr<NetDevice> device, const Address& mnLinkLayerAddress);

    /**
     * \brief The binding update list.
     * \return the list
     */
    Ptr<BindingUpdateList> GetBindingUpdateList() const;

    /**
     * \brief Register an extension (a draft's behaviour on the MAG side). Its MH types are
     * claimed when the MAG starts (at once when it has started already); a type that another
     * extension or the core claims aborts the simulation with both names.
     * \param extension the extension (registered with no other MAG)
     */
    void AddExtension(Ptr<Pmipv6MagExtension> extension);

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
    Ptr<Pmipv6MagExtension> GetExtension(uint32_t i) const;

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
     * \brief The Mobility Header transport of the MAG's node (after start).
     * \return the protocol
     */
    Ptr<MobilityL4Protocol> GetMobilityProtocol() const;

    /**
     * \brief The MAG's source-prefix routing (after start).
     * \return the routing protocol
     */
    Ptr<MagRouting> GetRouting() const;

    /**
     * \brief The MAG's signalling transactions (request/response exchanges its extensions start,
     * e.g. with another MAG). A PBA that answers one of them (matched by its source, MH type
     * and sequence number) is handed to it before the MAG's own registrations see it.
     * \return the manager (its transport is set when the MAG starts)
     */
    Ptr<SignallingTransactionManager> GetSignalling() const;

    /**
     * \brief The MAG's IPv6-in-IPv6 tunnels (after start).
     * \return the protocol
     */
    Ptr<Ipv6TunnelL4Protocol> GetTunnels() const;

    /**
     * \brief The Proxy-CoA (tunnel end point and source of PBUs).
     * \return the address
     */
    Ipv6Address GetProxyCoa() const;
    /**
     * \brief Set the Proxy-CoA.
     * \param address the address
     */
    void SetProxyCoa(Ipv6Address address);

    /**
     * \brief Set the policy store (the LMA of each MN, MN-IDs by link-layer address).
     * \param store the store
     */
    void SetProfileStore(Ptr<Pmipv6ProfileStore> store);
    /**
     * \brief The policy store (for extensions that read per-MN policy).
     * \return the store, or nullptr when none was set
     */
    Ptr<Pmipv6ProfileStore> GetProfileStore() const;

    /**
     * \brief The link-local address shared by every access link.
     * \return the address
     */
    Ipv6Address GetLinkLocalAddress() const;

    /**
     * \brief Number of PBUs sent (retransmissions included).
     * \return the count
     */
    uint64_t GetPbuCount() const;
    /**
     * \brief Number of PBAs received with a status.
     * \param status the status
     * \return the count
     */
    uint64_t GetPbaCount(uint8_t status) const;
    /**
     * \brief Number of Router Advertisements sent.
     * \return the count
     */
    uint64_t GetRouterAdvertisementCount() const;

    /**
     * \brief The Router Advertisement schedule of the access links: initial RAs and answers to
     * Router Solicitations, with their counts and trace.
     * \return the advertiser
     */
    Ptr<MagRouterAdvertiser> GetRouterAdvertiser() const;

    /**
     * \brief Number of bindings the LMA revoked (BRI received and applied).
     * \return the count
     */
    uint64_t GetRevokedCount() const;

    /**
     * \brief Number of prefixes the LMA revoked one by one (a BRI naming some, not all, of a
     * binding's prefixes; RFC 5846).
     * \return the count
     */
    uint64_t GetRevokedPrefixCount() const;

    /**
     * \brief Number of PBUs re-sent after a PBA with status 135, 156 or 157.
     * \return the count
     */
    uint64_t GetRecoveryCount() const;

    /**
     * \brief Re-register a binding now (a refresh PBU, Handoff Indicator 5, before its timer),
     * e.g. because an extension has new options to carry (flow bindings added or changed at
     * run time, draft 002 filter operations); the refresh timer restarts from its PBA.
     * \param entryId the binding update list entry's id
     * \param resendInFlight when a refresh is in flight (REFRESHING): true re-sends it now with
     * a new sequence number; false leaves it (the extension's options go with its
     * retransmissions or the next PBU)
     * \return true when a PBU was sent; false when the entry is unknown, not registered, or
     * refreshing and \p resendInFlight is false
     */
    bool RefreshNow(uint64_t entryId, bool resendInFlight = false);

    /**
     * \brief The correction this MAG applies to its clock for the timestamps it sends to an
     * LMA, learnt from a PBA with status 156 (TIMESTAMP_MISMATCH).
     * \param lma the LMA
     * \return the correction (zero when none was learnt)
     */
    Time GetClockCorrection(Ipv6Address lma) const;

    /**
     * \brief Whether a signalling message about a mobile node may come from an address: the
     * check every handler of an LMA-to-MAG message (BRI, FMI, UPN, PFBI, LROREQ, LRI) makes
     * before it acts. When the mobile node has binding update list entries, the source must be
     * the LMA of one of them; otherwise (no entry, or no mobile node named) the source must be
     * an LMA this MAG has a binding with or the LMA it would register the mobile node with.
     * O(1) in the number of bindings.
     * \param source the IPv6 source of the message
     * \param mnId the mobile node the message names ("" when none)
     * \return true when the message may be acted on
     */
    bool IsLmaOf(Ipv6Address source, const std::string& mnId) const;

    /**
     * \brief Fail as a rebooting node does: stop, and lose every binding update list entry
     * (tunnels, routes, neighbour entries of the mobile nodes; the extensions are told each
     * entry is removed), every signalling transaction and timer. Sends nothing; the LMA keeps
     * its bindings until they expire or the MAG registers the mobile nodes again. Restart()
     * brings the MAG back (its mobile nodes must then be reported again with NotifyAttach,
     * as its link layer would find them).
     */
    void Crash();

    /**
     * \brief Start again after Crash() with an empty binding update list. Without a Crash()
     * before, first crashes.
     */
    void Restart();

    /**
     * \brief TracedCallback signature for a PBU sent.
     * \param header the message
     * \param lma its destination
     */
    typedef void (*PbuTracedCallback)(const BindingUpdateHeader& header, Ipv6Address lma);
    /**
     * \brief TracedCallback signature for a PBA received.
     * \param header the message
     * \param lma its source
     */
    typedef void (*PbaTracedCallback)(const BindingAckHeader& header, Ipv6Address lma);
    /**
     * \brief TracedCallback signature for the end of a registration.
     * \param mnId the mobile node
     * \param latency from the attachment to the accepted PBA
     * \param handoffIndicator the HI that was sent
     */
    typedef void (*RegistrationTracedCallback)(const std::string& mnId,
                                               Time latency,
                                               uint8_t handoffIndicator);
    /**
     * \brief TracedCallback signature for a failed registration.
     * \param mnId the mobile node
     * \param status the PBA status, or 0 when no PBA came back
     */
    typedef void (*FailureTracedCallback)(const std::string& mnId, uint8_t status);
    /**
     * \brief TracedCallback signature for a registration re-sent after a recoverable
     * rejection (status 135, 156 or 157).
     * \param mnId the mobile node
     * \param status the PBA status
     * \param attempt the number of this recovery (1 for the first) within the registration
     */
    typedef void (*RecoveryTracedCallback)(const std::string& mnId,
                                           uint8_t status,
                                           uint32_t attempt);
    /**
     * \brief TracedCallback signature for attach and detach events.
     * \param mnId the mobile node
     * \param device the access device
     */
    typedef void (*AttachTracedCallback)(const std::string& mnId, Ptr<NetDevice> device);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /**
     * \brief Handler of MH type 6.
     * \param p the message
     * \param ip its IPv6 header
     * \param interface the arrival interface
     */
    void HandleBindingAck(Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface);

    /**
     * \brief Handler of MH type 16: a BRI from the LMA revokes a binding (RFC 5846).
     * \param p the message
     * \param ip its IPv6 header
     * \param interface the arrival interface
     */
    void HandleBindingRevocation(Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface);

    /**
     * \brief The entry a PBA answers: the entry of its MN-ID whose last PBU has the PBA's
     * sequence number; for status 135, whose sequence is the LMA's last accepted one (RFC 6275
     * 11.7.1), an entry of that MN-ID of the PBA's LMA with a PBU pending and not newer.
     * \param pba the PBA
     * \param lma its source
     * \return the entry, or null
     */
    Ptr<BindingUpdateListEntry> MatchBindingAck(const BindingAckHeader& pba, Ipv6Address lma) const;

    /**
     * \brief Re-send the PBU of an entry after a PBA with status 135, 156 or 157, when the
     * recoveries of the registration are not used up.
     * \param entry the entry (REGISTERING or REFRESHING)
     * \param pba the PBA
     * \param lma its source
     * \return true when a PBU was re-sent, false when the rejection is final
     */
    bool RecoverFromRejection(Ptr<BindingUpdateListEntry> entry,
                              const BindingAckHeader& pba,
                              Ipv6Address lma);

    /**
     * \brief The one place an entry changes state: end the timers of the old state, set up the
     * new state, change it in the list (which fires "EntryStateChanged") and run the entry
     * actions of the new state.
     *
     * - every change cancels the entry's timers (the PBU of a pending state is answered or
     *   abandoned, the refresh of REGISTERED is due or moot);
     * - REGISTERING, REFRESHING and DEREGISTERING start a PBU transaction: the requested
     *   lifetime (BindingLifetime, or 0 to de-register), no retransmission yet and the first
     *   timeout (InitialBindackTimeoutFirstReg for REGISTERING, InitialBindackTimeout else);
     *   REGISTERING also resets the recoveries. These are set before the trace fires. The
     *   caller sends the PBU (SendPbu()) once the extensions were told;
     * - REGISTERED arms the refresh timer at RefreshFraction of the granted lifetime.
     *
     * Switching to the current state fires no trace but runs the entry actions again (a
     * second accepted PBA re-arms the refresh timer).
     * \param entry the entry (in the list)
     * \param s the new state
     */
    void SwitchState(Ptr<BindingUpdateListEntry> entry, BindingUpdateListEntry::State s);

    /**
     * \brief Restart the retransmission backoff of an entry's PBU: no retransmission yet, the
     * first timeout of a transaction of state \p s.
     * \param entry the entry
     * \param s the state whose PBU is (re-)sent
     */
    void ResetBackoff(Ptr<BindingUpdateListEntry> entry, BindingUpdateListEntry::State s) const;

    /**
     * \brief Send (or retransmit) the PBU of an entry and arm its retransmission timer (an
     * event that holds the entry's id, not the entry).
     * \param entry the entry
     */
    void SendPbu(Ptr<BindingUpdateListEntry> entry);

    /**
     * \brief The retransmission timer of an entry fired. Does nothing (logged) when the entry
     * is no longer in the list.
     * \param id the entry's id
     */
    void RetransmitPbu(uint64_t id);

    /**
     * \brief Refresh a registration before its lifetime ends (the refresh timer fired). Does
     * nothing (logged) when the entry is no longer in the list.
     * \param id the entry's id
     */
    void RefreshBinding(uint64_t id);

    /**
     * \brief Install the tunnel and routes of a registered entry and tell the MN.
     * \param entry the entry
     */
    void ActivateBinding(Ptr<BindingUpdateListEntry> entry);

    /**
     * \brief Remove the routes and the tunnel reference of an entry.
     * \param entry the entry
     */
    void DeactivateBinding(Ptr<BindingUpdateListEntry> entry);

    /**
     * \brief Add (permanent) or remove the neighbor cache entry of an MN's link-local address
     * on its access interface.
     * \param entry the entry
     * \param present add when true, remove when false
     */
    void SetNeighbor(Ptr<BindingUpdateListEntry> entry, bool present);

    /**
     * \brief Whether an extension registers this mobile node without a home network prefix
     * (Pmipv6MagExtension::RegistersWithoutHomeNetworkPrefix(), e.g. RFC 5844 IPv4 only).
     * \param entry the entry
     * \return true when one does
     */
    bool RegistersWithoutPrefix(Ptr<const BindingUpdateListEntry> entry) const;

    /**
     * \brief Start the Router Advertisements of an entry whose binding came up (or that
     * re-attached): the first now, then the initial repeats and answers to its RSs.
     * \param entry the entry
     */
    void StartAdvertising(Ptr<BindingUpdateListEntry> entry);

    /**
     * \brief Send the RA of an entry by id (MagRouterAdvertiser's callback); an entry that is
     * gone or whose binding is not up gets none and is forgotten by the advertiser.
     * \param entryId the entry's id
     */
    void SendRouterAdvertisementTo(uint64_t entryId);

    /**
     * \brief Send the unicast Router Advertisement with the entry's prefixes.
     * \param entry the entry
     * \param withdrawn prefixes advertised with valid and preferred lifetime 0 (revoked)
     */
    void SendRouterAdvertisement(Ptr<BindingUpdateListEntry> entry,
                                 const std::vector<HomeNetworkPrefix>& withdrawn = {});

    /**
     * \brief RFC 5846 per-prefix revocation: remove some (not all) prefixes of an entry, their
     * routes and (by an RA with lifetime 0) their advertisement; the entry and its other
     * prefixes stay.
     * \param entry the entry
     * \param prefixes the revoked prefixes (each one of the entry's)
     * \param trigger the BRI's revocation trigger (logged)
     */
    void RevokePrefixes(Ptr<BindingUpdateListEntry> entry,
                        const std::vector<HomeNetworkPrefix>& prefixes,
                        uint8_t trigger);

    /**
     * \brief Tell every extension about a binding update list event.
     * \param event the event
     * \param entry the entry
     */
    void NotifyExtensions(Pmipv6MagExtension::BindingEvent event,
                          Ptr<BindingUpdateListEntry> entry);

    /**
     * \brief Tell the extensions (BINDING_REMOVED) and remove an entry from the list.
     * \param entry the entry
     */
    void RemoveEntry(Ptr<BindingUpdateListEntry> entry);

    /**
     * \brief The MAG's name in messages.
     * \return e.g. "MAG on node 3"
     */
    std::string AgentName() const;

    /**
     * \brief Wi-Fi association trace sink.
     * \param ap the AP device
     * \param aid the association id
     * \param address the station
     */
    void WifiAssociated(Ptr<NetDevice> ap, uint16_t aid, Mac48Address address);
    /**
     * \brief Wi-Fi disassociation trace sink.
     * \param ap the AP device
     * \param aid the association id
     * \param address the station
     */
    void WifiDeassociated(Ptr<NetDevice> ap, uint16_t aid, Mac48Address address);

    /**
     * \brief The LMA serving a mobile node.
     * \param mnId the mobile node
     * \return the address
     */
    Ipv6Address LmaFor(const std::string& mnId) const;

    /**
     * \brief The IPv6 interface index of a device.
     * \param device the device
     * \return the index
     */
    uint32_t InterfaceOf(Ptr<NetDevice> device) const;

    Ipv6Address m_proxyCoa;                         ///< Proxy-CoA
    Ipv6Address m_defaultLma;                       ///< LMA when no profile names one
    Ipv6Address m_linkLocal;                        ///< shared access-link link-local address
    Ptr<Pmipv6ProfileStore> m_profiles;             ///< policy store
    Ptr<BindingUpdateList> m_bul;                   ///< binding update list
    Ptr<MobilityL4Protocol> m_mobility;             ///< Mobility Header transport
    Ptr<Ipv6TunnelL4Protocol> m_tunnels;            ///< IPv6-in-IPv6 tunnels
    Ptr<MagRouting> m_routing;                      ///< source-prefix routing
    Ptr<SignallingTransactionManager> m_signalling; ///< extensions' request/response exchanges
    std::map<uint32_t, uint8_t> m_accessInterfaces; ///< access interface -> ATT
    Time m_lifetime;                                ///< lifetime requested in PBUs
    double m_refreshFraction;                       ///< refresh at this fraction of lifetime
    Time m_initialTimeoutFirstReg;                  ///< InitialBindackTimeoutFirstReg
    Time m_initialTimeout;                          ///< INITIAL_BINDACK_TIMEOUT (refresh)
    Time m_maxTimeout;                              ///< MAX_BINDACK_TIMEOUT
    uint32_t m_maxRetransmissions;                  ///< bound on retransmissions
    uint32_t m_maxRecoveries;                       ///< bound on 135/156/157 re-sends
    bool m_useTimestamps;                           ///< send the Timestamp option
    bool m_includeLinkLayerId;                      ///< send the MN LL-ID option
    bool m_includeLinkLocal;                        ///< send the Link-local Address option
    Time m_clockOffset;                             ///< offset of this MAG's clock (tests)
    uint8_t m_defaultAtt;                           ///< ATT of access links by default
    uint8_t m_defaultHi;                            ///< HI of attachments by default
    uint16_t m_routerLifetime;                      ///< RA router lifetime (s)
    uint32_t m_prefixLifetime;                      ///< RA prefix valid/preferred lifetime (s)
    Ptr<MagRouterAdvertiser> m_advertiser;          ///< RA repeats and RS answers
    uint32_t m_initialRas;                          ///< MaxInitialRtrAdvertisements
    Time m_initialRaInterval;                       ///< MaxInitialRtrAdvertInterval
    Time m_maxRaDelay;                              ///< MaxRaDelayTime
    uint16_t m_sequence;                            ///< last PBU sequence number
    uint64_t m_pbuCount;                            ///< PBUs sent
    uint64_t m_raCount;                             ///< RAs sent
    uint64_t m_revokedCount;                        ///< bindings revoked by the LMA
    uint64_t m_revokedPrefixCount{0};               ///< prefixes revoked one by one (RFC 5846)
    uint64_t m_recoveryCount;                       ///< PBUs re-sent after 135/156/157
    std::map<Ipv6Address, Time> m_clockCorrection;  ///< per LMA, learnt from status 156
    /// binding update list entries per LMA address (IsLmaOf() without a list scan)
    std::unordered_map<Ipv6Address, uint32_t, Ipv6AddressHash> m_entriesPerLma;
    std::map<uint8_t, uint64_t> m_pbaCounts;              ///< PBAs received per status
    Pmipv6ExtensionList<Pmipv6MagExtension> m_extensions; ///< registered extensions
    bool m_started{false};                                ///< StartApplication() ran
    /// Entries whose binding stays up until their de-registration ends (an extension's
    /// KeepBindingUntilDeregistered()); torn down by RemoveEntry().
    std::set<uint64_t> m_teardownDeferred;
    bool m_crashed{false}; ///< Crash() without Restart() yet

    /// The BRAs a MAG sent to one LMA, by BRI sequence number, the newest BRI_REPLIES of them:
    /// a retransmitted BRI (its BRA was lost) gets the same BRA again instead of "binding
    /// does not exist" for the binding its first copy revoked.
    /// BRAs remembered per LMA (a retransmission's window, not a spec number).
    static constexpr uint32_t BRI_REPLIES = 32;
    /// (MN-ID of the BRI, BRA sent) by BRI sequence
    using BriReplies =
        SequenceReplyCache<std::pair<std::string, BindingRevocationAckHeader>, BRI_REPLIES>;
    /// per LMA address (few LMAs: the map stays small)
    std::unordered_map<Ipv6Address, BriReplies, Ipv6AddressHash> m_briReplies;

    TracedCallback<const BindingUpdateHeader&, Ipv6Address> m_txPbuTrace;  ///< PBU sent
    TracedCallback<const BindingAckHeader&, Ipv6Address> m_rxPbaTrace;     ///< PBA received
    TracedCallback<const std::string&, Time, uint8_t> m_registeredTrace;   ///< registered
    TracedCallback<const std::string&, uint8_t> m_failedTrace;             ///< failed
    TracedCallback<const std::string&, uint8_t, uint32_t> m_recoveryTrace; ///< re-sent
    TracedCallback<const std::string&, Ptr<NetDevice>> m_attachTrace;      ///< attached
    TracedCallback<const std::string&, Ptr<NetDevice>> m_detachTrace;      ///< detached
};

} // namespace ns3

#endif /* PMIPV6_MAG_APPLICATION_H */

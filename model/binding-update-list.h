/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_BINDING_UPDATE_LIST_H
#define PMIPV6_BINDING_UPDATE_LIST_H

#include "binding-entry-table.h"
#include "prefix-pool.h"

#include "ns3/address.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/simple-ref-count.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief One attached mobile node interface at a MAG (RFC 5213 6.1): a Binding Update List
 * entry.
 *
 * A plain record with public fields. The fields that the list indexes (mnId,
 * homeNetworkPrefixes, mnMacAddress) may be changed after BindingUpdateList::Add() only if
 * BindingUpdateList::NotifyChanged() is called next; the state only through
 * BindingUpdateList::SetState() (set the field directly only before Add()); the MAG changes
 * it in one method, Pmipv6MagApplication::SwitchState(), which also runs the entry actions of
 * the new state. The entry owns its timers' EventIds; it never schedules anything itself.
 */
class BindingUpdateListEntry : public SimpleRefCount<BindingUpdateListEntry>
{
  public:
    /// The life cycle of an entry.
    enum State
    {
        /// Known (attached) but no PBU sent yet.
        IDLE = 0,
        /// Initial PBU sent, waiting for the PBA.
        REGISTERING,
        /// PBA accepted; the binding is up.
        REGISTERED,
        /// Re-registration PBU (lifetime refresh) sent, waiting for the PBA; the binding is
        /// still up.
        REFRESHING,
        /// De-registration PBU (lifetime 0) sent, waiting for the PBA.
        DEREGISTERING,
    };

    /**
     * \brief The name of a state.
     * \param s the state
     * \return its name, e.g. "REGISTERED"
     */
    static std::string StateName(State s);

    BindingUpdateListEntry();

    /**
     * \brief Cancel retransmitTimer and refreshTimer (a no-op for timers not running) and release
     * their events.
     */
    void CancelTimers();

    /**
     * \brief Print the entry on one line.
     * \param os the stream
     */
    void Print(std::ostream& os) const;

    /// Unique within its list, assigned by BindingUpdateList::Add(); 0 = never added.
    uint64_t id = 0;
    /// The MN-Identifier (RFC 4283 NAI) of the mobile node.
    std::string mnId;
    /// The MN Link-layer Identifier (RFC 5213 8.6) of the attached interface; empty = none.
    std::vector<uint8_t> mnLinkLayerId;
    /// The MAG's access device the MN is attached to.
    Ptr<NetDevice> accessDevice;
    /// The MAG's IPv6 interface index of \c accessDevice.
    uint32_t accessInterface = 0;
    /// The MN's link-layer (MAC) address on the access link (indexed by the list).
    Address mnMacAddress;
    /// Access Technology Type of the access link (RFC 5213 8.5).
    uint8_t accessTechnologyType = 0;
    /// Handoff Indicator sent in the PBU (RFC 5213 8.4).
    uint8_t handoffIndicator = 0;
    /// The HNPs: requested before the PBA, assigned by the LMA after (indexed by the list).
    std::vector<HomeNetworkPrefix> homeNetworkPrefixes;
    /// The MN's LMA.
    Ipv6Address lmaAddress;
    /// The MN's link-local address (RFC 5213 8.7); :: = unknown.
    Ipv6Address mnLinkLocalAddress;
    /// The lifetime granted by the last accepted PBA.
    Time lifetime;
    /// The lifetime requested in the last PBU.
    Time requestedLifetime;
    /// The Sequence Number of the last PBU sent.
    uint16_t sequence = 0;
    /// The Timestamp option of the last PBU sent, raw 48.16 fixed point (RFC 5213 8.8).
    uint64_t lastTimestamp = 0;
    /// Where the entry is in its life cycle (change it through BindingUpdateList::SetState()).
    State state = IDLE;
    /// Retransmissions of the current PBU so far.
    uint32_t retransmissions = 0;
    /// Re-sends of the current registration after a PBA with status 135, 156 or 157 (RFC 6275
    /// 11.7.1, RFC 5213 6.9.1); reset by an accepted PBA.
    uint32_t recoveries = 0;
    /// The current retransmission timeout (InitialBindackTimeoutFirstReg, doubling).
    Time currentTimeout;
    /// When the current registration started (attach), for handover latency.
    Time registrationStart;
    /// The MAG's IPv6 interface index of the tunnel to the LMA; 0 = none (0 is the
    /// loopback in ns-3, never a tunnel).
    uint32_t tunnelInterface = 0;
    /// PBA wait: retransmission of the PBU. Its event holds this entry's id, not the entry: the
    /// handler looks the entry up (BindingUpdateList::FindById()) and does nothing when it is
    /// gone, and a removed entry is not kept alive by a pending event.
    EventId retransmitTimer;
    /// Re-registration before the granted lifetime expires (an event holding the id too).
    EventId refreshTimer;
    /// Binding Identifier (RFC 5648) the PBUs carry in a Binding Identifier option: the one
    /// the MN's profile asks for this interface (Pmipv6Profile::bindingPreferences), then the
    /// one the LMA's PBA gave; 0 = no option is sent.
    uint16_t bindingId = 0;
    /// BID-PRI (RFC 6089) sent with \c bindingId, then the one the PBA gave; 0 = none.
    uint8_t bindingPriority = 0;
    /// IPv4 home address the LMA's PBA gave (RFC 5844 IPv4 Home Address Reply), set by the
    /// IPv4 extension (MagIpv4Extension) and sent again in the next PBUs; 0.0.0.0 = none.
    Ipv4Address ipv4HomeAddress = Ipv4Address::GetAny();
    /// Prefix length of \c ipv4HomeAddress; 0 = none.
    uint8_t ipv4PrefixLength = 0;
    /// IPv4 default router the PBA gave (RFC 5844 IPv4 Default-Router Address); 0.0.0.0 =
    /// none.
    Ipv4Address ipv4DefaultRouter = Ipv4Address::GetAny();
    // Flow mobility state (RFC 7864 flow entries the MAG keeps for this MN) goes here, or in
    // a flow bindings list keyed by this entry's id.
};

/**
 * \brief Print an entry (see BindingUpdateListEntry::Print()).
 * \param os the stream
 * \param entry the entry
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, const BindingUpdateListEntry& entry);

/**
 * \ingroup pmipv6
 * \brief Hash of an ns3::Address (type, length and octets), consistent with its operator==.
 */
struct AddressHash
{
    /**
     * \brief The hash.
     * \param a the address
     * \return its hash value
     */
    std::size_t operator()(const Address& a) const;
};

/**
 * \ingroup pmipv6
 * \brief The MAG's Binding Update List (RFC 5213 6.1).
 *
 * Entries are indexed by id, by MN-ID, by each HNP and by the MN's MAC address (hashes), so
 * no lookup scans the list. Unspecified (all-zero) HNPs and invalid addresses are not
 * indexed. When two entries share a key, the Find methods return the earliest added.
 * Entries are returned whatever their state; the caller filters.
 *
 * Every change is reported by a trace source fired from the one method making it: Add()
 * "EntryAdded", NotifyChanged() "EntryUpdated", SetState() "EntryStateChanged", Remove() and
 * Clear() "EntryRemoved". DoDispose() cancels the timers and empties the list without
 * firing traces.
 */
class BindingUpdateList : public Object
{
  public:
    /**
     * \brief TracedCallback signature for entry events.
     * \param entry the entry
     */
    typedef void (*EntryTracedCallback)(Ptr<const BindingUpdateListEntry> entry);
    /**
     * \brief TracedCallback signature for state changes.
     * \param id the entry's id
     * \param mnId the entry's MN-ID
     * \param oldState the state before
     * \param newState the state after
     */
    typedef void (*StateTracedCallback)(uint64_t id,
                                        const std::string& mnId,
                                        BindingUpdateListEntry::State oldState,
                                        BindingUpdateListEntry::State newState);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BindingUpdateList();
    ~BindingUpdateList() override;

    /**
     * \brief Add an entry: assign its id, index it, fire "EntryAdded".
     * \param e the entry (not already in this list)
     * \return \p e
     */
    Ptr<BindingUpdateListEntry> Add(Ptr<BindingUpdateListEntry> e);
    /**
     * \brief Re-index an entry whose MN-ID, HNPs or MAC address changed, then fire
     * "EntryUpdated". Call it after any field change worth tracing.
     * \param e the entry (in this list)
     */
    void NotifyChanged(Ptr<BindingUpdateListEntry> e);
    /**
     * \brief Change an entry's state and fire "EntryStateChanged" (not when the state is
     * already \p s).
     * \param e the entry (in this list)
     * \param s the new state
     */
    void SetState(Ptr<BindingUpdateListEntry> e, BindingUpdateListEntry::State s);
    /**
     * \brief Remove an entry: cancel its timers, un-index it, fire "EntryRemoved".
     * \param e the entry
     * \return false when it was not in this list
     */
    bool Remove(Ptr<BindingUpdateListEntry> e);
    /**
     * \brief Whether an entry is in this list.
     * \param e the entry
     * \return true when it is
     */
    bool Contains(Ptr<const BindingUpdateListEntry> e) const;

    /**
     * \brief Find an entry by id.
     * \param id the id
     * \return the entry, nullptr when none
     */
    Ptr<BindingUpdateListEntry> FindById(uint64_t id) const;
    /**
     * \brief Find the entry of a mobile node's interface.
     * \param mnId the MN-ID
     * \param linkLayerId the MN Link-layer Identifier (exact match, empty matches empty)
     * \return the entry, nullptr when none
     */
    Ptr<BindingUpdateListEntry> Find(const std::string& mnId,
                                     const std::vector<uint8_t>& linkLayerId) const;
    /**
     * \brief Find the entry an HNP belongs to (hash lookup).
     * \param hnp the prefix (exact prefix and length)
     * \return the entry, nullptr when none
     */
    Ptr<BindingUpdateListEntry> FindByPrefix(const HomeNetworkPrefix& hnp) const;
    /**
     * \brief Find the entry whose HNP contains an address (longest prefix first; one hash
     * lookup per prefix length in use), e.g. for the source of an uplink packet.
     * \param a the address
     * \return the entry, nullptr when none
     */
    Ptr<BindingUpdateListEntry> FindByAddress(Ipv6Address a) const;
    /**
     * \brief Find the entry of an MN's MAC address (hash lookup).
     * \param mac the MN's link-layer address
     * \return the entry, nullptr when none
     */
    Ptr<BindingUpdateListEntry> FindByMac(const Address& mac) const;
    /**
     * \brief The entries of a mobile node.
     * \param mnId the MN-ID
     * \return the entries, earliest added first
     */
    std::vector<Ptr<BindingUpdateListEntry>> FindByMnId(const std::string& mnId) const;
    /**
     * \brief Number of entries.
     * \return the count
     */
    uint32_t GetEntryCount() const;
    /**
     * \brief All entries.
     * \return the entries, by increasing id
     */
    std::vector<Ptr<BindingUpdateListEntry>> GetEntries() const;
    /**
     * \brief Remove every entry (as Remove() does, firing "EntryRemoved" for each).
     */
    void Clear();
    /**
     * \brief Print the list, one entry a line.
     * \param os the stream
     */
    void Print(std::ostream& os) const;

  protected:
    void DoDispose() override;

  private:
    /// The table's helpers, for the MAC-address index.
    typedef BindingEntryTable<BindingUpdateListEntry> Table;

    /**
     * \brief Index an entry under its current MAC address (when valid), and remember it.
     * \param e the entry
     */
    void IndexMac(const Ptr<BindingUpdateListEntry>& e);
    /**
     * \brief Remove an entry from the MAC-address index, by the address it is indexed under.
     * \param e the entry
     */
    void UnindexMac(const Ptr<BindingUpdateListEntry>& e);

    Table m_table; ///< the entries, by id, MN-ID and HNP
    std::unordered_map<Address, Table::EntryVector, AddressHash> m_byMac; ///< entries by MAC
    std::unordered_map<uint64_t, Address> m_macOf; ///< the MAC each entry is indexed under

    TracedCallback<Ptr<const BindingUpdateListEntry>> m_entryAdded;   ///< "EntryAdded"
    TracedCallback<Ptr<const BindingUpdateListEntry>> m_entryUpdated; ///< "EntryUpdated"
    TracedCallback<Ptr<const BindingUpdateListEntry>> m_entryRemoved; ///< "EntryRemoved"
    /// "EntryStateChanged"
    TracedCallback<uint64_t,
                   const std::string&,
                   BindingUpdateListEntry::State,
                   BindingUpdateListEntry::State>
        m_entryStateChanged;
};

} // namespace ns3

#endif // PMIPV6_BINDING_UPDATE_LIST_H

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_BINDING_CACHE_H
#define PMIPV6_BINDING_CACHE_H

#include "binding-entry-table.h"
#include "prefix-pool.h"

#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"
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
 * \brief One mobility session at the LMA (RFC 5213 5.1): a Binding Cache entry.
 *
 * A plain record with public fields. The fields that the cache indexes (mnId and
 * homeNetworkPrefixes) may be changed after BindingCache::Add() only if
 * BindingCache::NotifyChanged() is called next; the state only through
 * BindingCache::SetState() (set the field directly only before Add()); the LMA changes it in
 * one method, Pmipv6LmaApplication::SwitchState(), which also runs the entry actions of the
 * new state (its timers, its routes). The entry owns its timers' EventIds; it never schedules
 * anything itself, and the events refer to it by id, not by pointer.
 */
class BindingCacheEntry : public SimpleRefCount<BindingCacheEntry>
{
  public:
    /// The life cycle of an entry.
    enum State
    {
        /// The binding is registered and forwards traffic.
        ACTIVE = 0,
        /// De-registered (lifetime 0); kept MinDelayBeforeBCEDelete before deletion so that a
        /// late PBU of the new MAG can still find it, the mobile node's traffic dropped
        /// meanwhile (RFC 5213 5.3.5).
        DEREGISTERED_PENDING_DELETE,
        /// Still registered and forwarding to its MAG, while a PBU with Handoff Indicator 4
        /// from another MAG waits up to MaxDelayBeforeNewBCEAssign for this MAG's
        /// de-registration (RFC 5213 5.4.1); back to ACTIVE when the wait ends.
        AWAITING_DEREGISTRATION,
    };

    /**
     * \brief The name of a state.
     * \param s the state
     * \return its name, e.g. "ACTIVE"
     */
    static std::string StateName(State s);

    BindingCacheEntry();

    /**
     * \brief Cancel lifetimeTimer and deleteTimer (a no-op for timers not running) and release
     * their events. (The LMA keys these timers by the entry's id, so that a cancelled event
     * left in the scheduler does not keep the entry alive.)
     */
    void CancelTimers();

    /**
     * \brief Print the entry on one line.
     * \param os the stream
     */
    void Print(std::ostream& os) const;

    /// Unique within its cache, assigned by BindingCache::Add(); 0 = never added.
    uint64_t id = 0;
    /// The MN-Identifier (RFC 4283 NAI) of the mobile node.
    std::string mnId;
    /// The MN Link-layer Identifier (RFC 5213 8.6) of the attached interface; empty = none.
    std::vector<uint8_t> mnLinkLayerId;
    /// Access Technology Type of the attachment (RFC 5213 8.5).
    uint8_t accessTechnologyType = 0;
    /// Handoff Indicator of the last accepted PBU (RFC 5213 8.4).
    uint8_t handoffIndicator = 0;
    /// The HNPs of the session (indexed by the cache).
    std::vector<HomeNetworkPrefix> homeNetworkPrefixes;
    /// The Proxy-CoA: the registering MAG's address, the tunnel's far end.
    Ipv6Address proxyCoa;
    /// The MN's link-local address as reported by the MAG (RFC 5213 8.7); :: = unknown.
    Ipv6Address mnLinkLocalAddress;
    /// The granted lifetime.
    Time lifetime;
    /// When the last PBU was accepted (simulation time).
    Time registrationTime;
    /// The Timestamp option of the last accepted PBU, raw 48.16 fixed point (RFC 5213 8.8).
    uint64_t timestamp = 0;
    /// Whether \c timestamp holds a value.
    bool hasTimestamp = false;
    /// The Sequence Number of the last accepted PBU.
    uint16_t lastSequence = 0;
    /// Where the entry is in its life cycle (change it through BindingCache::SetState()).
    State state = ACTIVE;
    /// The LMA's IPv6 interface index of the tunnel to the Proxy-CoA; 0 = none (0 is the
    /// loopback in ns-3, never a tunnel).
    uint32_t tunnelInterface = 0;
    /// Expiry of the granted lifetime.
    EventId lifetimeTimer;
    /// Deletion of a de-registered entry (MinDelayBeforeBCEDelete). (The LMA keeps the
    /// timer of a HI 4 wait with the waiting request.)
    EventId deleteTimer;
    /// Binding Identifier (RFC 5648 6.1): unique among the entries of the MN, assigned when
    /// the entry is created (the BID of the PBU's Binding Identifier option when it is free,
    /// else the smallest free one from 1) and kept for the entry's life; 0 = never added.
    uint16_t bindingId = 0;
    /// BID-PRI (RFC 6089 4.1, 7 bits, a lower value takes precedence; 0 is reserved): the
    /// priority of the PBU's Binding Identifier option, else the LMA's
    /// DefaultBindingPriority; updated by every accepted PBU that carries the option.
    uint8_t bindingPriority = 0;
    /// IPv4 home address of the MN (RFC 5844 3.1.3), set by the IPv4 extension
    /// (LmaIpv4Extension) when the PBU asked for one; 0.0.0.0 = none.
    Ipv4Address ipv4HomeAddress = Ipv4Address::GetAny();
    /// Prefix length of \c ipv4HomeAddress (RFC 5844 IPv4 Home Address Reply); 0 = none.
    uint8_t ipv4PrefixLength = 0;
    /// IPv4 transport (RFC 5844 4.1.1): the MAG's IPv4-Proxy-CoA (its IPv4 Care-of Address
    /// option), set by LmaIpv4TransportExtension; 0.0.0.0 = the binding is over IPv6.
    Ipv4Address ipv4ProxyCoa = Ipv4Address::GetAny();
    /// IPv4 transport: where the LMA sends to the MAG, the outer source of the PBU (differs
    /// from \c ipv4ProxyCoa behind a NAT); 0.0.0.0 = IPv6 transport.
    Ipv4Address ipv4TransportAddress = Ipv4Address::GetAny();
    /// IPv4 transport: the UDP source port of the PBU (the NAT's port behind a NAT).
    uint16_t ipv4TransportPort = 0;
    /// IPv4 transport: the data tunnel is in UDP (a NAT was detected or the PBU's F flag
    /// forced it, RFC 5555 / RFC 5844 4), else IPv4 / IPv6 in IPv4 (protocol 4 / 41).
    bool ipv4UdpEncapsulation = false;
    // Flow mobility state (RFC 7864 / RFC 6089 flow entries) goes here, or in a flow mobility
    // cache keyed by this entry's id.
};

/**
 * \brief Print an entry (see BindingCacheEntry::Print()).
 * \param os the stream
 * \param entry the entry
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, const BindingCacheEntry& entry);

/**
 * \ingroup pmipv6
 * \brief The LMA's Binding Cache (RFC 5213 5.1).
 *
 * Entries are indexed by id, by each HNP (hash), by MN-ID, and by the prefix lengths in use,
 * so that FindByAddress() costs one hash lookup per distinct prefix length, whatever the
 * number of entries. Unspecified (all-zero) HNPs are not indexed.
 *
 * RFC 5213 alone never binds one HNP to two entries, but extensions that share prefixes
 * between sessions (RFC 7864 HI 6, RFC 5648 BIDs) may; the cache allows it: FindByPrefix()
 * and FindByAddress() then return the earliest added entry, FindAllByPrefix() all of them.
 * Entries are returned whatever their state; the caller filters.
 *
 * Every change is reported by a trace source fired from the one method making it: Add()
 * "EntryAdded", NotifyChanged() "EntryUpdated", SetState() "EntryStateChanged", Remove() and
 * Clear() "EntryRemoved". DoDispose() cancels the timers and empties the cache without
 * firing traces.
 */
class BindingCache : public Object
{
  public:
    /**
     * \brief TracedCallback signature for entry events.
     * \param entry the entry
     */
    typedef void (*EntryTracedCallback)(Ptr<const BindingCacheEntry> entry);
    /**
     * \brief TracedCallback signature for state changes.
     * \param id the entry's id
     * \param mnId the entry's MN-ID
     * \param oldState the state before
     * \param newState the state after
     */
    typedef void (*StateTracedCallback)(uint64_t id,
                                        const std::string& mnId,
                                        BindingCacheEntry::State oldState,
                                        BindingCacheEntry::State newState);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BindingCache();
    ~BindingCache() override;

    /**
     * \brief Add an entry: assign its id, index it, fire "EntryAdded".
     * \param e the entry (not already in this cache)
     * \return \p e
     */
    Ptr<BindingCacheEntry> Add(Ptr<BindingCacheEntry> e);
    /**
     * \brief Re-index an entry whose MN-ID or HNPs changed, then fire "EntryUpdated".
     * Call it after any field change worth tracing.
     * \param e the entry (in this cache)
     */
    void NotifyChanged(Ptr<BindingCacheEntry> e);
    /**
     * \brief Change an entry's state and fire "EntryStateChanged" (not when the state is
     * already \p s).
     * \param e the entry (in this cache)
     * \param s the new state
     */
    void SetState(Ptr<BindingCacheEntry> e, BindingCacheEntry::State s);
    /**
     * \brief Remove an entry: cancel its timers, un-index it, fire "EntryRemoved".
     * \param e the entry
     * \return false when it was not in this cache
     */
    bool Remove(Ptr<BindingCacheEntry> e);
    /**
     * \brief Whether an entry is in this cache.
     * \param e the entry
     * \return true when it is
     */
    bool Contains(Ptr<const BindingCacheEntry> e) const;

    /**
     * \brief Find an entry by id.
     * \param id the id
     * \return the entry, nullptr when none
     */
    Ptr<BindingCacheEntry> FindById(uint64_t id) const;
    /**
     * \brief Find the entry an HNP is bound to (hash lookup).
     * \param hnp the prefix (exact prefix and length)
     * \return the earliest added entry with \p hnp, nullptr when none
     */
    Ptr<BindingCacheEntry> FindByPrefix(const HomeNetworkPrefix& hnp) const;
    /**
     * \brief Every entry an HNP is bound to.
     * \param hnp the prefix
     * \return the entries, earliest added first
     */
    std::vector<Ptr<BindingCacheEntry>> FindAllByPrefix(const HomeNetworkPrefix& hnp) const;
    /**
     * \brief Find the entry whose HNP contains an address (longest prefix first; one hash
     * lookup per prefix length in use).
     * \param a the address, e.g. a downlink packet's destination
     * \return the entry, nullptr when none
     */
    Ptr<BindingCacheEntry> FindByAddress(Ipv6Address a) const;
    /**
     * \brief The entries of a mobile node.
     * \param mnId the MN-ID
     * \return the entries, earliest added first
     */
    std::vector<Ptr<BindingCacheEntry>> FindByMnId(const std::string& mnId) const;
    /**
     * \brief The entry of a mobile node's interface.
     * \param mnId the MN-ID
     * \param linkLayerId the MN Link-layer Identifier (exact match, empty matches empty)
     * \return the earliest added match, nullptr when none
     */
    Ptr<BindingCacheEntry> FindByMnIdAndLinkLayerId(const std::string& mnId,
                                                    const std::vector<uint8_t>& linkLayerId) const;
    /**
     * \brief The entry of a mobile node over an access technology.
     * \param mnId the MN-ID
     * \param att the Access Technology Type
     * \return the earliest added match, nullptr when none
     */
    Ptr<BindingCacheEntry> FindByMnIdAndAccessTechnology(const std::string& mnId,
                                                         uint8_t att) const;
    /**
     * \brief The entry of a mobile node with a Binding Identifier (RFC 5648).
     * \param mnId the MN-ID
     * \param bindingId the BID
     * \return the entry, nullptr when none (O(entries of the MN))
     */
    Ptr<BindingCacheEntry> FindByMnIdAndBindingId(const std::string& mnId,
                                                  uint16_t bindingId) const;
    /**
     * \brief Number of entries.
     * \return the count
     */
    uint32_t GetEntryCount() const;
    /**
     * \brief All entries.
     * \return the entries, by increasing id
     */
    std::vector<Ptr<BindingCacheEntry>> GetEntries() const;
    /**
     * \brief Remove every entry (as Remove() does, firing "EntryRemoved" for each).
     */
    void Clear();
    /**
     * \brief Print the cache, one entry a line.
     * \param os the stream
     */
    void Print(std::ostream& os) const;

  protected:
    void DoDispose() override;

  private:
    BindingEntryTable<BindingCacheEntry> m_table; ///< the entries and their indexes

    TracedCallback<Ptr<const BindingCacheEntry>> m_entryAdded;   ///< "EntryAdded"
    TracedCallback<Ptr<const BindingCacheEntry>> m_entryUpdated; ///< "EntryUpdated"
    TracedCallback<Ptr<const BindingCacheEntry>> m_entryRemoved; ///< "EntryRemoved"
    /// "EntryStateChanged"
    TracedCallback<uint64_t, const std::string&, BindingCacheEntry::State, BindingCacheEntry::State>
        m_entryStateChanged;
};

} // namespace ns3

#endif // PMIPV6_BINDING_CACHE_H

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "binding-cache.h"

#include "ns3/assert.h"
#include "ns3/log.h"
#include "ns3/trace-source-accessor.h"

#include <algorithm>
#include <iomanip>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BindingCache");

NS_OBJECT_ENSURE_REGISTERED(BindingCache);

namespace
{

/**
 * \brief Insert an entry in the list of a key, keeping the list sorted by id.
 * \param index the index
 * \param key the key
 * \param e the entry
 */
template <class Index, class Key>
void
IndexInsert(Index& index, const Key& key, const Ptr<BindingCacheEntry>& e)
{
    std::vector<Ptr<BindingCacheEntry>>& v = index[key];
    auto pos =
        std::lower_bound(v.begin(),
                         v.end(),
                         e->id,
                         [](const Ptr<BindingCacheEntry>& x, uint64_t id) { return x->id < id; });
    v.insert(pos, e);
}

/**
 * \brief Remove an entry from the list of a key (and the key when its list empties).
 * \param index the index
 * \param key the key
 * \param e the entry
 */
template <class Index, class Key>
void
IndexErase(Index& index, const Key& key, const Ptr<BindingCacheEntry>& e)
{
    auto it = index.find(key);
    if (it == index.end())
    {
        return;
    }
    std::vector<Ptr<BindingCacheEntry>>& v = it->second;
    v.erase(std::remove(v.begin(), v.end(), e), v.end());
    if (v.empty())
    {
        index.erase(it);
    }
}

/**
 * \brief The HNPs of an entry that are indexed: specified ones, each once.
 * \param prefixes the entry's HNPs
 * \return the HNPs to index
 */
std::vector<HomeNetworkPrefix>
IndexablePrefixes(const std::vector<HomeNetworkPrefix>& prefixes)
{
    std::vector<HomeNetworkPrefix> out;
    for (const HomeNetworkPrefix& hnp : prefixes)
    {
        if (!hnp.IsUnspecified() && std::find(out.begin(), out.end(), hnp) == out.end())
        {
            out.push_back(hnp);
        }
    }
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// BindingCacheEntry
// ---------------------------------------------------------------------------------------------

std::string
BindingCacheEntry::StateName(State s)
{
    switch (s)
    {
    case ACTIVE:
        return "ACTIVE";
    case DEREGISTERED_PENDING_DELETE:
        return "DEREGISTERED_PENDING_DELETE";
    case AWAITING_DEREGISTRATION:
        return "AWAITING_DEREGISTRATION";
    }
    return "UNKNOWN(" + std::to_string(static_cast<int>(s)) + ")";
}

BindingCacheEntry::BindingCacheEntry()
{
}

void
BindingCacheEntry::CancelTimers()
{
    lifetimeTimer.Cancel();
    deleteTimer.Cancel();
    // Drop the events too: their EventImpl holds a Ptr to this entry (the handler's
    // argument), so an EventId kept here would make a cycle that outlives the container.
    lifetimeTimer = EventId();
    deleteTimer = EventId();
}

void
BindingCacheEntry::Print(std::ostream& os) const
{
    os << "id=" << id << " mnId=" << mnId << " state=" << StateName(state) << " hnp=";
    if (homeNetworkPrefixes.empty())
    {
        os << "-";
    }
    for (std::size_t i = 0; i < homeNetworkPrefixes.size(); ++i)
    {
        os << (i ? "," : "") << homeNetworkPrefixes[i];
    }
    os << " pcoa=" << proxyCoa << " att=" << +accessTechnologyType << " hi=" << +handoffIndicator
       << " llid=";
    if (mnLinkLayerId.empty())
    {
        os << "-";
    }
    else
    {
        std::ios_base::fmtflags flags = os.flags();
        char fill = os.fill();
        for (uint8_t b : mnLinkLayerId)
        {
            os << std::hex << std::setw(2) << std::setfill('0') << +b;
        }
        os.flags(flags);
        os.fill(fill);
    }
    os << " lifetime=" << lifetime.GetSeconds() << "s registered=" << registrationTime.GetSeconds()
       << "s seq=" << lastSequence;
    if (hasTimestamp)
    {
        os << " ts=" << timestamp;
    }
    os << " tunnel=" << tunnelInterface;
    if (bindingId != 0)
    {
        os << " bid=" << bindingId;
    }
}

std::ostream&
operator<<(std::ostream& os, const BindingCacheEntry& entry)
{
    entry.Print(os);
    return os;
}

// ---------------------------------------------------------------------------------------------
// BindingCache
// ---------------------------------------------------------------------------------------------

TypeId
BindingCache::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::BindingCache")
            .SetParent<Object>()
            .SetGroupName("Pmipv6")
            .AddConstructor<BindingCache>()
            .AddTraceSource("EntryAdded",
                            "An entry was added.",
                            MakeTraceSourceAccessor(&BindingCache::m_entryAdded),
                            "ns3::BindingCache::EntryTracedCallback")
            .AddTraceSource("EntryUpdated",
                            "An entry's fields changed (NotifyChanged).",
                            MakeTraceSourceAccessor(&BindingCache::m_entryUpdated),
                            "ns3::BindingCache::EntryTracedCallback")
            .AddTraceSource("EntryRemoved",
                            "An entry was removed.",
                            MakeTraceSourceAccessor(&BindingCache::m_entryRemoved),
                            "ns3::BindingCache::EntryTracedCallback")
            .AddTraceSource("EntryStateChanged",
                            "An entry changed state: id, MN-ID, old state, new state.",
                            MakeTraceSourceAccessor(&BindingCache::m_entryStateChanged),
                            "ns3::BindingCache::StateTracedCallback");
    return tid;
}

BindingCache::BindingCache()
    : m_nextId(1)
{
    NS_LOG_FUNCTION(this);
}

BindingCache::~BindingCache()
{
    NS_LOG_FUNCTION(this);
}

void
BindingCache::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& kv : m_entries)
    {
        kv.second.entry->CancelTimers();
    }
    m_entries.clear();
    m_byPrefix.clear();
    m_byMnId.clear();
    m_prefixLengths.clear();
    Object::DoDispose();
}

void
BindingCache::Index(Record& r)
{
    r.mnId = r.entry->mnId;
    r.prefixes = IndexablePrefixes(r.entry->homeNetworkPrefixes);
    IndexInsert(m_byMnId, r.mnId, r.entry);
    for (const HomeNetworkPrefix& hnp : r.prefixes)
    {
        IndexInsert(m_byPrefix, hnp, r.entry);
        ++m_prefixLengths[hnp.length];
    }
}

void
BindingCache::Unindex(const Record& r)
{
    IndexErase(m_byMnId, r.mnId, r.entry);
    for (const HomeNetworkPrefix& hnp : r.prefixes)
    {
        IndexErase(m_byPrefix, hnp, r.entry);
        auto it = m_prefixLengths.find(hnp.length);
        NS_ASSERT(it != m_prefixLengths.end() && it->second > 0);
        if (--it->second == 0)
        {
            m_prefixLengths.erase(it);
        }
    }
}

bool
BindingCache::Contains(Ptr<const BindingCacheEntry> e) const
{
    if (!e)
    {
        return false;
    }
    auto it = m_entries.find(e->id);
    return it != m_entries.end() && PeekPointer(it->second.entry) == PeekPointer(e);
}

Ptr<BindingCacheEntry>
BindingCache::Add(Ptr<BindingCacheEntry> e)
{
    NS_LOG_FUNCTION(this << e);
    NS_ASSERT_MSG(e, "BindingCache::Add: null entry");
    NS_ASSERT_MSG(!Contains(e), "BindingCache::Add: entry " << e->id << " already added");
    e->id = m_nextId++;
    Record& r = m_entries[e->id];
    r.entry = e;
    Index(r);
    NS_LOG_LOGIC("added " << *e);
    m_entryAdded(e);
    return e;
}

void
BindingCache::NotifyChanged(Ptr<BindingCacheEntry> e)
{
    NS_LOG_FUNCTION(this << e);
    auto it = e ? m_entries.find(e->id) : m_entries.end();
    if (it == m_entries.end() || it->second.entry != e)
    {
        NS_ASSERT_MSG(false, "BindingCache::NotifyChanged: entry not in this cache");
        return;
    }
    Unindex(it->second);
    Index(it->second);
    NS_LOG_LOGIC("updated " << *e);
    m_entryUpdated(e);
}

void
BindingCache::SetState(Ptr<BindingCacheEntry> e, BindingCacheEntry::State s)
{
    NS_LOG_FUNCTION(this << e << BindingCacheEntry::StateName(s));
    NS_ASSERT_MSG(Contains(e), "BindingCache::SetState: entry not in this cache");
    if (!e || e->state == s)
    {
        return;
    }
    BindingCacheEntry::State old = e->state;
    e->state = s;
    NS_LOG_LOGIC("entry " << e->id << " (" << e->mnId << ") " << BindingCacheEntry::StateName(old)
                          << " -> " << BindingCacheEntry::StateName(s));
    if (Contains(e))
    {
        m_entryStateChanged(e->id, e->mnId, old, s);
    }
}

bool
BindingCache::Remove(Ptr<BindingCacheEntry> e)
{
    NS_LOG_FUNCTION(this << e);
    if (!Contains(e))
    {
        return false;
    }
    auto it = m_entries.find(e->id);
    e->CancelTimers();
    Unindex(it->second);
    m_entries.erase(it);
    NS_LOG_LOGIC("removed " << *e);
    m_entryRemoved(e);
    return true;
}

Ptr<BindingCacheEntry>
BindingCache::FindById(uint64_t id) const
{
    auto it = m_entries.find(id);
    return it == m_entries.end() ? nullptr : it->second.entry;
}

Ptr<BindingCacheEntry>
BindingCache::FindByPrefix(const HomeNetworkPrefix& hnp) const
{
    auto it = m_byPrefix.find(hnp);
    return it == m_byPrefix.end() ? nullptr : it->second.front();
}

std::vector<Ptr<BindingCacheEntry>>
BindingCache::FindAllByPrefix(const HomeNetworkPrefix& hnp) const
{
    auto it = m_byPrefix.find(hnp);
    return it == m_byPrefix.end() ? std::vector<Ptr<BindingCacheEntry>>() : it->second;
}

Ptr<BindingCacheEntry>
BindingCache::FindByAddress(Ipv6Address a) const
{
    for (const auto& kv : m_prefixLengths)
    {
        auto it = m_byPrefix.find(HomeNetworkPrefix(a, kv.first));
        if (it != m_byPrefix.end())
        {
            return it->second.front();
        }
    }
    return nullptr;
}

std::vector<Ptr<BindingCacheEntry>>
BindingCache::FindByMnId(const std::string& mnId) const
{
    auto it = m_byMnId.find(mnId);
    return it == m_byMnId.end() ? std::vector<Ptr<BindingCacheEntry>>() : it->second;
}

Ptr<BindingCacheEntry>
BindingCache::FindByMnIdAndLinkLayerId(const std::string& mnId,
                                       const std::vector<uint8_t>& linkLayerId) const
{
    auto it = m_byMnId.find(mnId);
    if (it != m_byMnId.end())
    {
        for (const Ptr<BindingCacheEntry>& e : it->second)
        {
            if (e->mnLinkLayerId == linkLayerId)
            {
                return e;
            }
        }
    }
    return nullptr;
}

Ptr<BindingCacheEntry>
BindingCache::FindByMnIdAndAccessTechnology(const std::string& mnId, uint8_t att) const
{
    auto it = m_byMnId.find(mnId);
    if (it != m_byMnId.end())
    {
        for (const Ptr<BindingCacheEntry>& e : it->second)
        {
            if (e->accessTechnologyType == att)
            {
                return e;
            }
        }
    }
    return nullptr;
}

uint32_t
BindingCache::GetEntryCount() const
{
    return static_cast<uint32_t>(m_entries.size());
}

std::vector<Ptr<BindingCacheEntry>>
BindingCache::GetEntries() const
{
    std::vector<Ptr<BindingCacheEntry>> out;
    out.reserve(m_entries.size());
    for (const auto& kv : m_entries)
    {
        out.push_back(kv.second.entry);
    }
    return out;
}

void
BindingCache::Clear()
{
    NS_LOG_FUNCTION(this);
    for (const Ptr<BindingCacheEntry>& e : GetEntries())
    {
        Remove(e);
    }
}

void
BindingCache::Print(std::ostream& os) const
{
    os << "Binding Cache (" << m_entries.size() << " entries)" << std::endl;
    for (const auto& kv : m_entries)
    {
        os << "  ";
        kv.second.entry->Print(os);
        os << std::endl;
    }
}

} // namespace ns3

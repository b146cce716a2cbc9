/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "binding-update-list.h"

#include "ns3/assert.h"
#include "ns3/log.h"
#include "ns3/trace-source-accessor.h"

#include <algorithm>
#include <iomanip>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BindingUpdateList");

NS_OBJECT_ENSURE_REGISTERED(BindingUpdateList);

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
IndexInsert(Index& index, const Key& key, const Ptr<BindingUpdateListEntry>& e)
{
    std::vector<Ptr<BindingUpdateListEntry>>& v = index[key];
    auto pos = std::lower_bound(
        v.begin(),
        v.end(),
        e->id,
        [](const Ptr<BindingUpdateListEntry>& x, uint64_t id) { return x->id < id; });
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
IndexErase(Index& index, const Key& key, const Ptr<BindingUpdateListEntry>& e)
{
    auto it = index.find(key);
    if (it == index.end())
    {
        return;
    }
    std::vector<Ptr<BindingUpdateListEntry>>& v = it->second;
    v.erase(std::remove(v.begin(), v.end(), e), v.end());
    if (v.empty())
    {
        index.erase(it);
    }
}

/**
 * \brief The first entry under a key.
 * \param index the index
 * \param key the key
 * \return the earliest added entry, nullptr when none
 */
template <class Index, class Key>
Ptr<BindingUpdateListEntry>
IndexFirst(const Index& index, const Key& key)
{
    auto it = index.find(key);
    return it == index.end() ? nullptr : it->second.front();
}

} // namespace

// ---------------------------------------------------------------------------------------------
// BindingUpdateListEntry
// ---------------------------------------------------------------------------------------------

std::string
BindingUpdateListEntry::StateName(State s)
{
    switch (s)
    {
    case IDLE:
        return "IDLE";
    case REGISTERING:
        return "REGISTERING";
    case REGISTERED:
        return "REGISTERED";
    case REFRESHING:
        return "REFRESHING";
    case DEREGISTERING:
        return "DEREGISTERING";
    }
    return "UNKNOWN(" + std::to_string(static_cast<int>(s)) + ")";
}

BindingUpdateListEntry::BindingUpdateListEntry()
{
}

void
BindingUpdateListEntry::CancelTimers()
{
    retransmitTimer.Cancel();
    refreshTimer.Cancel();
    // Drop the events too: their EventImpl holds a Ptr to this entry (the handler's
    // argument), so an EventId kept here would make a cycle that outlives the container.
    retransmitTimer = EventId();
    refreshTimer = EventId();
}

void
BindingUpdateListEntry::Print(std::ostream& os) const
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
    os << " lma=" << lmaAddress << " if=" << accessInterface << " mac=" << mnMacAddress
       << " att=" << +accessTechnologyType << " hi=" << +handoffIndicator << " llid=";
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
    os << " seq=" << sequence << " lifetime=" << lifetime.GetSeconds()
       << "s requested=" << requestedLifetime.GetSeconds() << "s rtx=" << retransmissions
       << " tunnel=" << tunnelInterface;
    if (bindingId != 0)
    {
        os << " bid=" << bindingId;
    }
}

std::ostream&
operator<<(std::ostream& os, const BindingUpdateListEntry& entry)
{
    entry.Print(os);
    return os;
}

std::size_t
AddressHash::operator()(const Address& a) const
{
    uint8_t buf[Address::MAX_SIZE + 2];
    uint32_t n = a.CopyAllTo(buf, sizeof(buf));
    uint64_t h = 14695981039346656037ULL; // FNV-1a
    for (uint32_t i = 0; i < n; ++i)
    {
        h ^= buf[i];
        h *= 1099511628211ULL;
    }
    return static_cast<std::size_t>(h ^ (h >> 32));
}

// ---------------------------------------------------------------------------------------------
// BindingUpdateList
// ---------------------------------------------------------------------------------------------

TypeId
BindingUpdateList::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::BindingUpdateList")
            .SetParent<Object>()
            .SetGroupName("Pmipv6")
            .AddConstructor<BindingUpdateList>()
            .AddTraceSource("EntryAdded",
                            "An entry was added.",
                            MakeTraceSourceAccessor(&BindingUpdateList::m_entryAdded),
                            "ns3::BindingUpdateList::EntryTracedCallback")
            .AddTraceSource("EntryUpdated",
                            "An entry's fields changed (NotifyChanged).",
                            MakeTraceSourceAccessor(&BindingUpdateList::m_entryUpdated),
                            "ns3::BindingUpdateList::EntryTracedCallback")
            .AddTraceSource("EntryRemoved",
                            "An entry was removed.",
                            MakeTraceSourceAccessor(&BindingUpdateList::m_entryRemoved),
                            "ns3::BindingUpdateList::EntryTracedCallback")
            .AddTraceSource("EntryStateChanged",
                            "An entry changed state: id, MN-ID, old state, new state.",
                            MakeTraceSourceAccessor(&BindingUpdateList::m_entryStateChanged),
                            "ns3::BindingUpdateList::StateTracedCallback");
    return tid;
}

BindingUpdateList::BindingUpdateList()
    : m_nextId(1)
{
    NS_LOG_FUNCTION(this);
}

BindingUpdateList::~BindingUpdateList()
{
    NS_LOG_FUNCTION(this);
}

void
BindingUpdateList::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& kv : m_entries)
    {
        kv.second.entry->CancelTimers();
    }
    m_entries.clear();
    m_byMnId.clear();
    m_byPrefix.clear();
    m_byMac.clear();
    m_prefixLengths.clear();
    Object::DoDispose();
}

void
BindingUpdateList::Index(Record& r)
{
    r.mnId = r.entry->mnId;
    r.prefixes.clear();
    for (const HomeNetworkPrefix& hnp : r.entry->homeNetworkPrefixes)
    {
        if (!hnp.IsUnspecified() &&
            std::find(r.prefixes.begin(), r.prefixes.end(), hnp) == r.prefixes.end())
        {
            r.prefixes.push_back(hnp);
        }
    }
    r.mac = r.entry->mnMacAddress;
    IndexInsert(m_byMnId, r.mnId, r.entry);
    for (const HomeNetworkPrefix& hnp : r.prefixes)
    {
        IndexInsert(m_byPrefix, hnp, r.entry);
        ++m_prefixLengths[hnp.length];
    }
    if (!r.mac.IsInvalid())
    {
        IndexInsert(m_byMac, r.mac, r.entry);
    }
}

void
BindingUpdateList::Unindex(const Record& r)
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
    if (!r.mac.IsInvalid())
    {
        IndexErase(m_byMac, r.mac, r.entry);
    }
}

bool
BindingUpdateList::Contains(Ptr<const BindingUpdateListEntry> e) const
{
    if (!e)
    {
        return false;
    }
    auto it = m_entries.find(e->id);
    return it != m_entries.end() && PeekPointer(it->second.entry) == PeekPointer(e);
}

Ptr<BindingUpdateListEntry>
BindingUpdateList::Add(Ptr<BindingUpdateListEntry> e)
{
    NS_LOG_FUNCTION(this << e);
    NS_ASSERT_MSG(e, "BindingUpdateList::Add: null entry");
    NS_ASSERT_MSG(!Contains(e), "BindingUpdateList::Add: entry " << e->id << " already added");
    e->id = m_nextId++;
    Record& r = m_entries[e->id];
    r.entry = e;
    Index(r);
    NS_LOG_LOGIC("added " << *e);
    m_entryAdded(e);
    return e;
}

void
BindingUpdateList::NotifyChanged(Ptr<BindingUpdateListEntry> e)
{
    NS_LOG_FUNCTION(this << e);
    auto it = e ? m_entries.find(e->id) : m_entries.end();
    if (it == m_entries.end() || it->second.entry != e)
    {
        NS_ASSERT_MSG(false, "BindingUpdateList::NotifyChanged: entry not in this list");
        return;
    }
    Unindex(it->second);
    Index(it->second);
    NS_LOG_LOGIC("updated " << *e);
    m_entryUpdated(e);
}

void
BindingUpdateList::SetState(Ptr<BindingUpdateListEntry> e, BindingUpdateListEntry::State s)
{
    NS_LOG_FUNCTION(this << e << BindingUpdateListEntry::StateName(s));
    NS_ASSERT_MSG(Contains(e), "BindingUpdateList::SetState: entry not in this list");
    if (!e || e->state == s)
    {
        return;
    }
    BindingUpdateListEntry::State old = e->state;
    e->state = s;
    NS_LOG_LOGIC("entry " << e->id << " (" << e->mnId << ") "
                          << BindingUpdateListEntry::StateName(old) << " -> "
                          << BindingUpdateListEntry::StateName(s));
    if (Contains(e))
    {
        m_entryStateChanged(e->id, e->mnId, old, s);
    }
}

bool
BindingUpdateList::Remove(Ptr<BindingUpdateListEntry> e)
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

Ptr<BindingUpdateListEntry>
BindingUpdateList::FindById(uint64_t id) const
{
    auto it = m_entries.find(id);
    return it == m_entries.end() ? nullptr : it->second.entry;
}

Ptr<BindingUpdateListEntry>
BindingUpdateList::Find(const std::string& mnId, const std::vector<uint8_t>& linkLayerId) const
{
    auto it = m_byMnId.find(mnId);
    if (it != m_byMnId.end())
    {
        for (const Ptr<BindingUpdateListEntry>& e : it->second)
        {
            if (e->mnLinkLayerId == linkLayerId)
            {
                return e;
            }
        }
    }
    return nullptr;
}

Ptr<BindingUpdateListEntry>
BindingUpdateList::FindByPrefix(const HomeNetworkPrefix& hnp) const
{
    return IndexFirst(m_byPrefix, hnp);
}

Ptr<BindingUpdateListEntry>
BindingUpdateList::FindByAddress(Ipv6Address a) const
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

Ptr<BindingUpdateListEntry>
BindingUpdateList::FindByMac(const Address& mac) const
{
    return IndexFirst(m_byMac, mac);
}

std::vector<Ptr<BindingUpdateListEntry>>
BindingUpdateList::FindByMnId(const std::string& mnId) const
{
    auto it = m_byMnId.find(mnId);
    return it == m_byMnId.end() ? EntryVector() : it->second;
}

uint32_t
BindingUpdateList::GetEntryCount() const
{
    return static_cast<uint32_t>(m_entries.size());
}

std::vector<Ptr<BindingUpdateListEntry>>
BindingUpdateList::GetEntries() const
{
    EntryVector out;
    out.reserve(m_entries.size());
    for (const auto& kv : m_entries)
    {
        out.push_back(kv.second.entry);
    }
    return out;
}

void
BindingUpdateList::Clear()
{
    NS_LOG_FUNCTION(this);
    for (const Ptr<BindingUpdateListEntry>& e : GetEntries())
    {
        Remove(e);
    }
}

void
BindingUpdateList::Print(std::ostream& os) const
{
    os << "Binding Update List (" << m_entries.size() << " entries)" << std::endl;
    for (const auto& kv : m_entries)
    {
        os << "  ";
        kv.second.entry->Print(os);
        os << std::endl;
    }
}

} // namespace ns3

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
    // Drop the events too: an event whose handler took a Ptr to this entry (a test's, say)
    // would otherwise make a cycle that outlives the container.
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
        os << " bid=" << bindingId << " bid-pri=" << +bindingPriority;
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
    for (const Ptr<BindingCacheEntry>& e : m_table.GetEntries())
    {
        e->CancelTimers();
    }
    m_table.Clear();
    Object::DoDispose();
}

bool
BindingCache::Contains(Ptr<const BindingCacheEntry> e) const
{
    return m_table.Contains(PeekPointer(e));
}

Ptr<BindingCacheEntry>
BindingCache::Add(Ptr<BindingCacheEntry> e)
{
    NS_LOG_FUNCTION(this << e);
    NS_ASSERT_MSG(e, "BindingCache::Add: null entry");
    NS_ASSERT_MSG(!Contains(e), "BindingCache::Add: entry " << e->id << " already added");
    m_table.Add(e);
    NS_LOG_LOGIC("added " << *e);
    m_entryAdded(e);
    return e;
}

void
BindingCache::NotifyChanged(Ptr<BindingCacheEntry> e)
{
    NS_LOG_FUNCTION(this << e);
    if (!m_table.Reindex(e))
    {
        NS_ASSERT_MSG(false, "BindingCache::NotifyChanged: entry not in this cache");
        return;
    }
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
    e->CancelTimers();
    m_table.Remove(e);
    NS_LOG_LOGIC("removed " << *e);
    m_entryRemoved(e);
    return true;
}

Ptr<BindingCacheEntry>
BindingCache::FindById(uint64_t id) const
{
    return m_table.FindById(id);
}

Ptr<BindingCacheEntry>
BindingCache::FindByPrefix(const HomeNetworkPrefix& hnp) const
{
    return m_table.FindByPrefix(hnp);
}

std::vector<Ptr<BindingCacheEntry>>
BindingCache::FindAllByPrefix(const HomeNetworkPrefix& hnp) const
{
    return m_table.FindAllByPrefix(hnp);
}

Ptr<BindingCacheEntry>
BindingCache::FindByAddress(Ipv6Address a) const
{
    return m_table.FindByAddress(a);
}

std::vector<Ptr<BindingCacheEntry>>
BindingCache::FindByMnId(const std::string& mnId) const
{
    return m_table.FindByMnId(mnId);
}

Ptr<BindingCacheEntry>
BindingCache::FindByMnIdAndLinkLayerId(const std::string& mnId,
                                       const std::vector<uint8_t>& linkLayerId) const
{
    return m_table.FindByMnIdIf(mnId, [&linkLayerId](const BindingCacheEntry& e) {
        return e.mnLinkLayerId == linkLayerId;
    });
}

Ptr<BindingCacheEntry>
BindingCache::FindByMnIdAndAccessTechnology(const std::string& mnId, uint8_t att) const
{
    return m_table.FindByMnIdIf(mnId, [att](const BindingCacheEntry& e) {
        return e.accessTechnologyType == att;
    });
}

Ptr<BindingCacheEntry>
BindingCache::FindByMnIdAndBindingId(const std::string& mnId, uint16_t bindingId) const
{
    return m_table.FindByMnIdIf(mnId, [bindingId](const BindingCacheEntry& e) {
        return e.bindingId == bindingId;
    });
}

uint32_t
BindingCache::GetEntryCount() const
{
    return m_table.GetSize();
}

std::vector<Ptr<BindingCacheEntry>>
BindingCache::GetEntries() const
{
    return m_table.GetEntries();
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
    os << "Binding Cache (" << m_table.GetSize() << " entries)" << std::endl;
    for (const Ptr<BindingCacheEntry>& e : m_table.GetEntries())
    {
        os << "  ";
        e->Print(os);
        os << std::endl;
    }
}

} // namespace ns3

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
    // Drop the events too: a cancelled event stays in the scheduler until its time.
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
       << " recoveries=" << recoveries << " tunnel=" << tunnelInterface;
    if (bindingId != 0)
    {
        os << " bid=" << bindingId << " bid-pri=" << +bindingPriority;
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
    for (const Ptr<BindingUpdateListEntry>& e : m_table.GetEntries())
    {
        e->CancelTimers();
    }
    m_table.Clear();
    m_byMac.clear();
    m_macOf.clear();
    Object::DoDispose();
}

void
BindingUpdateList::IndexMac(const Ptr<BindingUpdateListEntry>& e)
{
    if (!e->mnMacAddress.IsInvalid())
    {
        Table::InsertUnder(m_byMac, e->mnMacAddress, e);
        m_macOf[e->id] = e->mnMacAddress;
    }
}

void
BindingUpdateList::UnindexMac(const Ptr<BindingUpdateListEntry>& e)
{
    auto it = m_macOf.find(e->id);
    if (it != m_macOf.end())
    {
        Table::EraseUnder(m_byMac, it->second, e);
        m_macOf.erase(it);
    }
}

bool
BindingUpdateList::Contains(Ptr<const BindingUpdateListEntry> e) const
{
    return m_table.Contains(PeekPointer(e));
}

Ptr<BindingUpdateListEntry>
BindingUpdateList::Add(Ptr<BindingUpdateListEntry> e)
{
    NS_LOG_FUNCTION(this << e);
    NS_ASSERT_MSG(e, "BindingUpdateList::Add: null entry");
    NS_ASSERT_MSG(!Contains(e), "BindingUpdateList::Add: entry " << e->id << " already added");
    m_table.Add(e);
    IndexMac(e);
    NS_LOG_LOGIC("added " << *e);
    m_entryAdded(e);
    return e;
}

void
BindingUpdateList::NotifyChanged(Ptr<BindingUpdateListEntry> e)
{
    NS_LOG_FUNCTION(this << e);
    if (!m_table.Reindex(e))
    {
        NS_ASSERT_MSG(false, "BindingUpdateList::NotifyChanged: entry not in this list");
        return;
    }
    UnindexMac(e);
    IndexMac(e);
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
    e->CancelTimers();
    UnindexMac(e);
    m_table.Remove(e);
    NS_LOG_LOGIC("removed " << *e);
    m_entryRemoved(e);
    return true;
}

Ptr<BindingUpdateListEntry>
BindingUpdateList::FindById(uint64_t id) const
{
    return m_table.FindById(id);
}

Ptr<BindingUpdateListEntry>
BindingUpdateList::Find(const std::string& mnId, const std::vector<uint8_t>& linkLayerId) const
{
    return m_table.FindByMnIdIf(mnId, [&linkLayerId](const BindingUpdateListEntry& e) {
        return e.mnLinkLayerId == linkLayerId;
    });
}

Ptr<BindingUpdateListEntry>
BindingUpdateList::FindByPrefix(const HomeNetworkPrefix& hnp) const
{
    return m_table.FindByPrefix(hnp);
}

Ptr<BindingUpdateListEntry>
BindingUpdateList::FindByAddress(Ipv6Address a) const
{
    return m_table.FindByAddress(a);
}

Ptr<BindingUpdateListEntry>
BindingUpdateList::FindByMac(const Address& mac) const
{
    return Table::FirstUnder(m_byMac, mac);
}

std::vector<Ptr<BindingUpdateListEntry>>
BindingUpdateList::FindByMnId(const std::string& mnId) const
{
    return m_table.FindByMnId(mnId);
}

uint32_t
BindingUpdateList::GetEntryCount() const
{
    return m_table.GetSize();
}

std::vector<Ptr<BindingUpdateListEntry>>
BindingUpdateList::GetEntries() const
{
    return m_table.GetEntries();
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
    os << "Binding Update List (" << m_table.GetSize() << " entries)" << std::endl;
    for (const Ptr<BindingUpdateListEntry>& e : m_table.GetEntries())
    {
        os << "  ";
        e->Print(os);
        os << std::endl;
    }
}

} // namespace ns3

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "flow-binding-table.h"

#include "ns3/ipv6-header.h"
#include "ns3/log.h"
#include "ns3/packet.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FlowBindingTable");

NS_OBJECT_ENSURE_REGISTERED(FlowBindingTable);

constexpr uint32_t FlowBindingOutput::NO_INTERFACE;

namespace
{

/// Above every order value: "no match yet".
constexpr uint64_t NO_ORDER = uint64_t(1) << 32;

/**
 * \brief The precedence key of an entry: lower wins.
 * \param e the entry
 * \return (priority << 16) | fid
 */
inline uint32_t
OrderOf(const FlowBindingEntry& e)
{
    return (uint32_t(e.priority) << 16) | e.fid;
}

/**
 * \brief The selector field an index kind is on.
 * \param kind the index kind (0 .. 5)
 * \return the field
 */
TrafficSelector::Field
FieldOf(uint8_t kind)
{
    static const TrafficSelector::Field fields[] = {TrafficSelector::DESTINATION_PORT,
                                                    TrafficSelector::SOURCE_PORT,
                                                    TrafficSelector::DESTINATION_ADDRESS,
                                                    TrafficSelector::SOURCE_ADDRESS,
                                                    TrafficSelector::FLOW_LABEL,
                                                    TrafficSelector::IPSEC_SPI};
    return fields[kind];
}

/**
 * \brief The single value of a numeric field of a selector.
 * \param s the selector
 * \param field the field
 * \param value set to the value
 * \return false when the field is absent or a range of more than one value
 */
bool
SingleNumber(const TrafficSelector& s, TrafficSelector::Field field, uint64_t& value)
{
    if (!s.Has(field))
    {
        return false;
    }
    uint64_t start = 0;
    uint64_t end = 0;
    switch (field)
    {
    case TrafficSelector::DESTINATION_PORT:
        start = s.GetDestinationPortStart();
        end = s.GetDestinationPortEnd();
        break;
    case TrafficSelector::SOURCE_PORT:
        start = s.GetSourcePortStart();
        end = s.GetSourcePortEnd();
        break;
    case TrafficSelector::FLOW_LABEL:
        if (!s.IsIpv6())
        {
            return false;
        }
        start = s.GetFlowLabelStart();
        end = s.GetFlowLabelEnd();
        break;
    case TrafficSelector::IPSEC_SPI:
        start = s.GetSpiStart();
        end = s.GetSpiEnd();
        break;
    default:
        return false;
    }
    value = start;
    return start == end;
}

/**
 * \brief The single value of an address field of a selector (IPv4: first 4 octets, the rest 0,
 * as in TrafficSelector::FlowKey).
 * \param s the selector
 * \param field SOURCE_ADDRESS or DESTINATION_ADDRESS
 * \param value set to the address
 * \return false when the field is absent or a range of more than one address
 */
bool
SingleAddress(const TrafficSelector& s,
              TrafficSelector::Field field,
              std::array<uint8_t, 16>& value)
{
    if (!s.Has(field))
    {
        return false;
    }
    value.fill(0);
    bool source = field == TrafficSelector::SOURCE_ADDRESS;
    if (s.IsIpv6())
    {
        Ipv6Address start = source ? s.GetSourceAddressStart() : s.GetDestinationAddressStart();
        Ipv6Address end = source ? s.GetSourceAddressEnd() : s.GetDestinationAddressEnd();
        start.GetBytes(value.data());
        return start == end;
    }
    Ipv4Address start = source ? s.GetIpv4SourceAddressStart() : s.GetIpv4DestinationAddressStart();
    Ipv4Address end = source ? s.GetIpv4SourceAddressEnd() : s.GetIpv4DestinationAddressEnd();
    start.Serialize(value.data());
    return start == end;
}

/**
 * \brief Insert a node into a bucket, keeping it sorted by order.
 * \param b the bucket
 * \param n the node
 */
template <typename B, typename N>
void
InsertSorted(B& b, N* n)
{
    auto pos = std::lower_bound(b.begin(), b.end(), n, [](const N* x, const N* y) {
        return x->order < y->order;
    });
    b.insert(pos, n);
}

/**
 * \brief Remove a node from a bucket.
 * \param b the bucket
 * \param n the node
 */
template <typename B, typename N>
void
EraseFrom(B& b, N* n)
{
    auto pos = std::find(b.begin(), b.end(), n);
    if (pos != b.end())
    {
        b.erase(pos);
    }
}

} // namespace

size_t
FlowBindingTable::AddrHash::operator()(const std::array<uint8_t, 16>& a) const
{
    uint64_t hi;
    uint64_t lo;
    std::memcpy(&hi, a.data(), 8);
    std::memcpy(&lo, a.data() + 8, 8);
    uint64_t h = hi * 0x9E3779B97F4A7C15ULL ^ (lo + 0x7F4A7C159E3779B9ULL + (hi << 6) + (hi >> 2));
    return static_cast<size_t>(h ^ (h >> 29));
}

TypeId
FlowBindingTable::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::FlowBindingTable")
            .SetParent<Object>()
            .SetGroupName("Pmipv6")
            .AddConstructor<FlowBindingTable>()
            .AddTraceSource("EntryChanged",
                            "A flow binding entry was added, modified, moved (new BIDs), "
                            "activated, deactivated or removed.",
                            MakeTraceSourceAccessor(&FlowBindingTable::m_changedTrace),
                            "ns3::FlowBindingTable::EntryChangedTracedCallback");
    return tid;
}

FlowBindingTable::FlowBindingTable()
    : m_size(0),
      m_defaults(0),
      m_classified(0)
{
    NS_LOG_FUNCTION(this);
}

FlowBindingTable::~FlowBindingTable()
{
    NS_LOG_FUNCTION(this);
}

void
FlowBindingTable::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_owners.clear();
    m_size = 0;
    m_defaults = 0;
    Object::DoDispose();
}

bool
FlowBindingTable::IsValid(const FlowBindingEntry& e)
{
    if (!e.selector.IsFormatSupported())
    {
        return false;
    }
    if (e.action != FlowBindingAction::DISCARD && e.bids.empty())
    {
        return false;
    }
    return e.action == FlowBindingAction::FORWARD || e.action == FlowBindingAction::DISCARD ||
           e.action == FlowBindingAction::NCAST;
}

void
FlowBindingTable::Index(OwnerTable& t, Node& n)
{
    const TrafficSelector& s = n.entry.selector;
    uint8_t bestKind = IDX_RESIDUAL;
    size_t bestSize = 0;
    uint64_t bestKey = 0;
    std::array<uint8_t, 16> bestAddr{};
    for (uint8_t kind = 0; kind < IDX_COUNT; ++kind)
    {
        size_t size = 0;
        uint64_t key = 0;
        std::array<uint8_t, 16> addr{};
        if (kind == IDX_DST_ADDR || kind == IDX_SRC_ADDR)
        {
            if (!SingleAddress(s, FieldOf(kind), addr))
            {
                continue;
            }
            const auto& map = t.address[kind - IDX_DST_ADDR];
            auto it = map.find(addr);
            size = it == map.end() ? 0 : it->second.size();
        }
        else
        {
            if (!SingleNumber(s, FieldOf(kind), key))
            {
                continue;
            }
            auto it = t.numeric[kind].find(key);
            size = it == t.numeric[kind].end() ? 0 : it->second.size();
        }
        if (bestKind == IDX_RESIDUAL || size < bestSize)
        {
            bestKind = kind;
            bestSize = size;
            bestKey = key;
            bestAddr = addr;
        }
    }
    n.index = bestKind;
    n.key = bestKey;
    n.addr = bestAddr;
    if (bestKind == IDX_RESIDUAL)
    {
        InsertSorted(t.residual, &n);
        return;
    }
    t.used[bestKind]++;
    if (bestKind == IDX_DST_ADDR || bestKind == IDX_SRC_ADDR)
    {
        InsertSorted(t.address[bestKind - IDX_DST_ADDR][bestAddr], &n);
    }
    else
    {
        InsertSorted(t.numeric[bestKind][bestKey], &n);
    }
}

void
FlowBindingTable::Unindex(OwnerTable& t, Node& n)
{
    if (n.index == IDX_NONE)
    {
        return;
    }
    if (n.index == IDX_RESIDUAL)
    {
        EraseFrom(t.residual, &n);
    }
    else if (n.index == IDX_DST_ADDR || n.index == IDX_SRC_ADDR)
    {
        auto& map = t.address[n.index - IDX_DST_ADDR];
        auto it = map.find(n.addr);
        if (it != map.end())
        {
            EraseFrom(it->second, &n);
            if (it->second.empty())
            {
                map.erase(it);
            }
        }
        t.used[n.index]--;
    }
    else
    {
        auto& map = t.numeric[n.index];
        auto it = map.find(n.key);
        if (it != map.end())
        {
            EraseFrom(it->second, &n);
            if (it->second.empty())
            {
                map.erase(it);
            }
        }
        t.used[n.index]--;
    }
    n.index = IDX_NONE;
}

bool
FlowBindingTable::Add(const FlowBindingEntry& entry)
{
    NS_LOG_FUNCTION(this << entry.owner << entry.fid << entry.priority);
    if (!IsValid(entry))
    {
        NS_LOG_LOGIC("invalid flow binding entry " << entry.owner << "/" << entry.fid);
        return false;
    }
    OwnerTable& t = m_owners[entry.owner];
    auto inserted = t.byFid.emplace(entry.fid, Node());
    if (!inserted.second)
    {
        return false;
    }
    Node& n = inserted.first->second;
    n.entry = entry;
    n.entry.hits = 0;
    n.order = OrderOf(entry);
    n.index = IDX_NONE;
    if (n.entry.active)
    {
        Index(t, n);
    }
    m_size++;
    m_changedTrace(n.entry, ADDED);
    return true;
}

bool
FlowBindingTable::Modify(const FlowBindingEntry& entry)
{
    NS_LOG_FUNCTION(this << entry.owner << entry.fid << entry.priority);
    auto o = m_owners.find(entry.owner);
    if (o == m_owners.end() || !IsValid(entry))
    {
        return false;
    }
    auto it = o->second.byFid.find(entry.fid);
    if (it == o->second.byFid.end())
    {
        return false;
    }
    Node& n = it->second;
    Unindex(o->second, n);
    uint64_t hits = n.entry.hits;
    n.entry = entry;
    n.entry.hits = hits;
    n.order = OrderOf(entry);
    if (n.entry.active)
    {
        Index(o->second, n);
    }
    m_changedTrace(n.entry, MODIFIED);
    return true;
}

bool
FlowBindingTable::SetBids(uint64_t owner, uint16_t fid, const std::vector<uint16_t>& bids)
{
    NS_LOG_FUNCTION(this << owner << fid);
    auto o = m_owners.find(owner);
    if (o == m_owners.end())
    {
        return false;
    }
    auto it = o->second.byFid.find(fid);
    if (it == o->second.byFid.end() ||
        (bids.empty() && it->second.entry.action != FlowBindingAction::DISCARD))
    {
        return false;
    }
    it->second.entry.bids = bids;
    m_changedTrace(it->second.entry, MOVED);
    return true;
}

bool
FlowBindingTable::SetActive(uint64_t owner, uint16_t fid, bool active)
{
    NS_LOG_FUNCTION(this << owner << fid << active);
    auto o = m_owners.find(owner);
    if (o == m_owners.end())
    {
        return false;
    }
    auto it = o->second.byFid.find(fid);
    if (it == o->second.byFid.end())
    {
        return false;
    }
    Node& n = it->second;
    if (n.entry.active != active)
    {
        n.entry.active = active;
        if (active)
        {
            Index(o->second, n);
        }
        else
        {
            Unindex(o->second, n);
        }
        m_changedTrace(n.entry, active ? ACTIVATED : DEACTIVATED);
    }
    return true;
}

void
FlowBindingTable::EraseIfEmpty(uint64_t owner)
{
    auto o = m_owners.find(owner);
    if (o != m_owners.end() && o->second.byFid.empty() && !o->second.hasDefault)
    {
        m_owners.erase(o);
    }
}

bool
FlowBindingTable::Remove(uint64_t owner, uint16_t fid)
{
    NS_LOG_FUNCTION(this << owner << fid);
    auto o = m_owners.find(owner);
    if (o == m_owners.end())
    {
        return false;
    }
    auto it = o->second.byFid.find(fid);
    if (it == o->second.byFid.end())
    {
        return false;
    }
    Unindex(o->second, it->second);
    m_changedTrace(it->second.entry, REMOVED);
    o->second.byFid.erase(it);
    m_size--;
    EraseIfEmpty(owner);
    return true;
}

uint32_t
FlowBindingTable::RemoveOwner(uint64_t owner)
{
    NS_LOG_FUNCTION(this << owner);
    auto o = m_owners.find(owner);
    if (o == m_owners.end())
    {
        return 0;
    }
    uint32_t n = o->second.byFid.size();
    for (const auto& e : o->second.byFid)
    {
        m_changedTrace(e.second.entry, REMOVED);
    }
    if (o->second.hasDefault)
    {
        m_defaults--;
    }
    m_size -= n;
    m_owners.erase(o);
    return n;
}

void
FlowBindingTable::Clear()
{
    NS_LOG_FUNCTION(this);
    while (!m_owners.empty())
    {
        RemoveOwner(m_owners.begin()->first);
    }
}

void
FlowBindingTable::SetDefaultBid(uint64_t owner, uint16_t bid)
{
    NS_LOG_FUNCTION(this << owner << bid);
    OwnerTable& t = m_owners[owner];
    if (!t.hasDefault)
    {
        m_defaults++;
    }
    t.hasDefault = true;
    t.defaultBids.assign(1, bid);
}

void
FlowBindingTable::ClearDefaultBid(uint64_t owner)
{
    NS_LOG_FUNCTION(this << owner);
    auto o = m_owners.find(owner);
    if (o == m_owners.end() || !o->second.hasDefault)
    {
        return;
    }
    o->second.hasDefault = false;
    o->second.defaultBids.clear();
    m_defaults--;
    EraseIfEmpty(owner);
}

bool
FlowBindingTable::GetDefaultBid(uint64_t owner, uint16_t& bid) const
{
    auto o = m_owners.find(owner);
    if (o == m_owners.end() || !o->second.hasDefault)
    {
        return false;
    }
    bid = o->second.defaultBids.front();
    return true;
}

const FlowBindingEntry*
FlowBindingTable::Find(uint64_t owner, uint16_t fid) const
{
    auto o = m_owners.find(owner);
    if (o == m_owners.end())
    {
        return nullptr;
    }
    auto it = o->second.byFid.find(fid);
    return it == o->second.byFid.end() ? nullptr : &it->second.entry;
}

std::vector<const FlowBindingEntry*>
FlowBindingTable::GetEntries(uint64_t owner) const
{
    std::vector<const FlowBindingEntry*> out;
    auto o = m_owners.find(owner);
    if (o == m_owners.end())
    {
        return out;
    }
    for (const auto& e : o->second.byFid)
    {
        out.push_back(&e.second.entry);
    }
    std::sort(out.begin(), out.end(), [](const FlowBindingEntry* a, const FlowBindingEntry* b) {
        return OrderOf(*a) < OrderOf(*b);
    });
    return out;
}

uint32_t
FlowBindingTable::GetSize() const
{
    return m_size;
}

bool
FlowBindingTable::IsEmpty() const
{
    return m_size == 0 && m_defaults == 0;
}

uint32_t
FlowBindingTable::GetOwnerSize(uint64_t owner) const
{
    auto o = m_owners.find(owner);
    return o == m_owners.end() ? 0 : o->second.byFid.size();
}

uint64_t
FlowBindingTable::GetClassifiedCount() const
{
    return m_classified;
}

const FlowBindingTable::Bucket*
FlowBindingTable::Probe(const OwnerTable& t, uint8_t kind, uint64_t key, const uint8_t* addr)
{
    if (kind == IDX_DST_ADDR || kind == IDX_SRC_ADDR)
    {
        std::array<uint8_t, 16> a;
        std::memcpy(a.data(), addr, 16);
        const auto& map = t.address[kind - IDX_DST_ADDR];
        auto it = map.find(a);
        return it == map.end() ? nullptr : &it->second;
    }
    const auto& map = t.numeric[kind];
    auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
}

const FlowBindingTable::Node*
FlowBindingTable::Best(const OwnerTable& t, const TrafficSelector::FlowKey& key)
{
    const Node* best = nullptr;
    uint64_t bestOrder = NO_ORDER;
    auto scan = [&best, &bestOrder, &key](const Bucket* b) {
        if (!b)
        {
            return;
        }
        for (const Node* n : *b)
        {
            if (n->order >= bestOrder)
            {
                return;
            }
            if (n->entry.selector.Matches(key))
            {
                best = n;
                bestOrder = n->order;
                return;
            }
        }
    };
    if (key.hasPorts)
    {
        if (t.used[IDX_DST_PORT])
        {
            scan(Probe(t, IDX_DST_PORT, key.destinationPort, nullptr));
        }
        if (t.used[IDX_SRC_PORT])
        {
            scan(Probe(t, IDX_SRC_PORT, key.sourcePort, nullptr));
        }
    }
    if (t.used[IDX_DST_ADDR])
    {
        scan(Probe(t, IDX_DST_ADDR, 0, key.destination));
    }
    if (t.used[IDX_SRC_ADDR])
    {
        scan(Probe(t, IDX_SRC_ADDR, 0, key.source));
    }
    if (t.used[IDX_FLOW_LABEL] && key.format == mip6::TS_FORMAT_IPV6_BINARY)
    {
        scan(Probe(t, IDX_FLOW_LABEL, key.flowLabel, nullptr));
    }
    if (t.used[IDX_SPI] && key.hasSpi)
    {
        scan(Probe(t, IDX_SPI, key.spi, nullptr));
    }
    if (!t.residual.empty())
    {
        scan(&t.residual);
    }
    return best;
}

FlowBindingTable::Result
FlowBindingTable::Classify(uint64_t owner, const TrafficSelector::FlowKey& key)
{
    m_classified++;
    Result r;
    auto o = m_owners.find(owner);
    if (o == m_owners.end())
    {
        return r;
    }
    const Node* best = Best(o->second, key);
    if (!best)
    {
        if (o->second.hasDefault)
        {
            r.kind = DEFAULT;
            r.bids = &o->second.defaultBids;
        }
        return r;
    }
    // the table owns its nodes: counting the hit is a change of this (non-const) table
    FlowBindingEntry& e = const_cast<Node*>(best)->entry;
    e.hits++;
    r.entry = &e;
    r.bids = &e.bids;
    switch (e.action)
    {
    case FlowBindingAction::FORWARD:
        r.kind = FORWARD;
        break;
    case FlowBindingAction::NCAST:
        r.kind = NCAST;
        break;
    case FlowBindingAction::DISCARD:
        r.kind = DISCARD;
        break;
    }
    return r;
}

const FlowBindingEntry*
FlowBindingTable::Lookup(uint64_t owner, const TrafficSelector::FlowKey& key) const
{
    auto o = m_owners.find(owner);
    if (o == m_owners.end())
    {
        return nullptr;
    }
    const Node* best = Best(o->second, key);
    return best ? &best->entry : nullptr;
}

uint32_t
FlowBindingTable::ResolveOutputs(const Result& result,
                                 uint64_t owner,
                                 const FlowBindingResolver& resolver,
                                 FlowBindingOutput* outputs,
                                 uint32_t maxOutputs)
{
    if (!result.bids || resolver.IsNull() ||
        (result.kind != FORWARD && result.kind != DEFAULT && result.kind != NCAST))
    {
        return 0;
    }
    size_t n =
        result.kind == NCAST ? result.bids->size() : std::min<size_t>(1, result.bids->size());
    uint32_t count = 0;
    for (size_t i = 0; i < n && count < maxOutputs; ++i)
    {
        FlowBindingOutput out = resolver(owner, (*result.bids)[i]);
        if (out.interface == FlowBindingOutput::NO_INTERFACE)
        {
            NS_LOG_LOGIC("BID " << (*result.bids)[i] << " of " << owner << " not resolved");
            continue;
        }
        bool repeated = false;
        for (uint32_t j = 0; j < count; ++j)
        {
            repeated = repeated || outputs[j].interface == out.interface;
        }
        if (!repeated)
        {
            outputs[count++] = out;
        }
    }
    return count;
}

TrafficSelector::FlowKey
FlowBindingTable::MakeKey(const Ipv6Header& header, Ptr<const Packet> payload)
{
    TrafficSelector::FlowKey key = TrafficSelector::MakeKey(header, 0, 0);
    key.hasPorts = false;
    uint8_t nextHeader = header.GetNextHeader();
    if (payload && payload->GetSize() >= 4)
    {
        uint8_t b[4];
        if (nextHeader == Ipv6Header::IPV6_TCP || nextHeader == Ipv6Header::IPV6_UDP)
        {
            payload->CopyData(b, 4);
            key.hasPorts = true;
            key.sourcePort = (uint16_t(b[0]) << 8) | b[1];
            key.destinationPort = (uint16_t(b[2]) << 8) | b[3];
        }
        else if (nextHeader == Ipv6Header::IPV6_EXT_CONFIDENTIALITY)
        {
            payload->CopyData(b, 4);
            key.hasSpi = true;
            key.spi =
                (uint32_t(b[0]) << 24) | (uint32_t(b[1]) << 16) | (uint32_t(b[2]) << 8) | b[3];
        }
    }
    return key;
}

} // namespace ns3

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
constexpr uint32_t FlowBindingTable::NONE;
constexpr uint32_t FlowBindingTable::HOT_TUPLES;
constexpr uint32_t FlowBindingTable::PREFETCH_TUPLES;

namespace
{

/// Above every order value: "no match yet".
constexpr uint64_t NO_ORDER = uint64_t(1) << 32;
/// Records per allocation chunk.
constexpr uint32_t RECORD_CHUNK = 256;
/// A numeric range splits into at most this many prefixes (else: its covering prefix).
constexpr uint32_t MAX_SPLIT = 4;
/// Posting flag: the selector has a port field (a key without ports does not match).
constexpr uint8_t POSTING_PORTS = 1;
/// Posting flag: check with TrafficSelector::Matches (SPI, flow label, address range).
constexpr uint8_t POSTING_SLOW = 2;

/// The anchor fields, in tie-break order.
const TrafficSelector::Field ANCHORS[] = {TrafficSelector::DESTINATION_PORT,
                                          TrafficSelector::SOURCE_PORT,
                                          TrafficSelector::DESTINATION_ADDRESS,
                                          TrafficSelector::SOURCE_ADDRESS,
                                          TrafficSelector::FLOW_LABEL,
                                          TrafficSelector::IPSEC_SPI,
                                          TrafficSelector::TRAFFIC_CLASS,
                                          TrafficSelector::NEXT_HEADER};

/// A prefix: the top \p length bits of (hi, lo) (a numeric field of width w uses the top w
/// bits of hi: its value shifted left by 64 - w).
struct Prefix
{
    uint64_t hi;    ///< high half
    uint64_t lo;    ///< low half
    uint8_t length; ///< prefix length
};

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
 * \brief Mix 64 bits (splitmix64 finalizer).
 * \param x the input
 * \return the mixed value
 */
inline uint64_t
Mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/**
 * \brief The mask of the top \p length bits of a 64-bit half.
 * \param length bits kept (any value; clamped to 0 .. 64)
 * \return the mask
 */
inline uint64_t
TopMask(int length)
{
    return length <= 0 ? 0 : length >= 64 ? ~uint64_t(0) : ~uint64_t(0) << (64 - length);
}

/**
 * \brief Whether a 128-bit value is inside a prefix.
 * \param hi value, high half
 * \param lo value, low half
 * \param p prefix high half and low half
 * \param length prefix length
 * \return true when inside
 */
inline bool
InPrefix(uint64_t hi, uint64_t lo, const uint64_t* p, uint8_t length)
{
    return (((hi ^ p[0]) & TopMask(length)) | ((lo ^ p[1]) & TopMask(length - 64))) == 0;
}

/**
 * \brief 8 octets in network order as a number.
 * \param b the octets
 * \return the number
 */
inline uint64_t
Load64(const uint8_t* b)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t x;
    std::memcpy(&x, b, 8);
    return __builtin_bswap64(x);
#else
    uint64_t x = 0;
    for (int i = 0; i < 8; ++i)
    {
        x = (x << 8) | b[i];
    }
    return x;
#endif
}

/**
 * \brief The bucket key of a prefix.
 * \param owner the owner key (not its index: the key of a packet's bucket is known before
 * the owner is looked up)
 * \param format the format
 * \param field the field
 * \param p the prefix (already masked)
 * \return the key
 */
inline uint64_t
BucketKey(uint64_t owner, uint8_t format, uint8_t field, const Prefix& p)
{
    uint64_t h = Mix(owner ^ ((uint64_t(format) << 16) | (uint64_t(field) << 8) | p.length));
    h = Mix(h ^ p.hi);
    return h ^ Mix(p.lo + 0x9E3779B97F4A7C15ULL);
}

/**
 * \brief The width in bits of a numeric field.
 * \param field the field
 * \return 8, 16 or 32
 */
inline int
WidthOf(uint8_t field)
{
    switch (field)
    {
    case TrafficSelector::SOURCE_PORT:
    case TrafficSelector::DESTINATION_PORT:
        return 16;
    case TrafficSelector::TRAFFIC_CLASS:
    case TrafficSelector::NEXT_HEADER:
        return 8;
    default:
        return 32;
    }
}

/**
 * \brief The [start, end] of a numeric field of a selector.
 * \param s the selector
 * \param field the field (present)
 * \param lo set to the start
 * \param hi set to the end
 */
void
NumericRange(const TrafficSelector& s, uint8_t field, uint64_t& lo, uint64_t& hi)
{
    switch (field)
    {
    case TrafficSelector::DESTINATION_PORT:
        lo = s.GetDestinationPortStart();
        hi = s.GetDestinationPortEnd();
        break;
    case TrafficSelector::SOURCE_PORT:
        lo = s.GetSourcePortStart();
        hi = s.GetSourcePortEnd();
        break;
    case TrafficSelector::FLOW_LABEL:
        lo = s.GetFlowLabelStart();
        hi = s.GetFlowLabelEnd();
        break;
    case TrafficSelector::IPSEC_SPI:
        lo = s.GetSpiStart();
        hi = s.GetSpiEnd();
        break;
    case TrafficSelector::TRAFFIC_CLASS:
        lo = s.GetTrafficClassStart();
        hi = s.GetTrafficClassEnd();
        break;
    default:
        lo = s.GetNextHeaderStart();
        hi = s.GetNextHeaderEnd();
        break;
    }
}

/**
 * \brief The [start, end] of an address field as 128-bit values (IPv4: the top 32 bits).
 * \param s the selector
 * \param field SOURCE_ADDRESS or DESTINATION_ADDRESS (present)
 * \param lo set to the start (high, low halves)
 * \param hi set to the end (high, low halves)
 */
void
AddressRange(const TrafficSelector& s, uint8_t field, uint64_t* lo, uint64_t* hi)
{
    bool source = field == TrafficSelector::SOURCE_ADDRESS;
    uint8_t a[16] = {};
    uint8_t b[16] = {};
    if (s.IsIpv6())
    {
        (source ? s.GetSourceAddressStart() : s.GetDestinationAddressStart()).GetBytes(a);
        (source ? s.GetSourceAddressEnd() : s.GetDestinationAddressEnd()).GetBytes(b);
    }
    else
    {
        (source ? s.GetIpv4SourceAddressStart() : s.GetIpv4DestinationAddressStart()).Serialize(a);
        (source ? s.GetIpv4SourceAddressEnd() : s.GetIpv4DestinationAddressEnd()).Serialize(b);
    }
    lo[0] = Load64(a);
    lo[1] = Load64(a + 8);
    hi[0] = Load64(b);
    hi[1] = Load64(b + 8);
}

/**
 * \brief The covering prefix of an address range and whether the range is exactly it.
 * \param lo the start (halves)
 * \param hi the end (halves)
 * \param bits 128 (IPv6) or 32 (IPv4)
 * \param p set to the covering prefix
 * \return true when the range is exactly \p p
 */
bool
AddressPrefix(const uint64_t* lo, const uint64_t* hi, int bits, Prefix& p)
{
    uint64_t x0 = lo[0] ^ hi[0];
    uint64_t x1 = lo[1] ^ hi[1];
    int common = x0 ? __builtin_clzll(x0) : x1 ? 64 + __builtin_clzll(x1) : 128;
    common = std::min(common, bits);
    p.length = uint8_t(common);
    p.hi = lo[0] & TopMask(common);
    p.lo = lo[1] & TopMask(common - 64);
    uint64_t all0 = TopMask(bits);      // the bits that exist
    uint64_t all1 = TopMask(bits - 64); // (IPv4: all in the high half)
    bool startOk = p.hi == lo[0] && p.lo == lo[1];
    bool endOk = ((hi[0] | TopMask(common)) & all0) == all0 &&
                 ((hi[1] | TopMask(common - 64)) & all1) == all1;
    bool ordered = lo[0] < hi[0] || (lo[0] == hi[0] && lo[1] <= hi[1]);
    return startOk && endOk && ordered;
}

/**
 * \brief The prefixes of a numeric range [lo, hi] of a w-bit field: its aligned blocks when
 * at most MAX_SPLIT, else its covering prefix.
 * \param lo the start
 * \param hi the end
 * \param width the field width w
 * \param out the prefixes (value in the top w bits of hi)
 * \return true when \p out is exactly the range (false: a covering prefix)
 */
bool
SplitRange(uint64_t lo, uint64_t hi, int width, std::vector<Prefix>& out)
{
    out.clear();
    if (lo > hi)
    {
        return true; // matches nothing: no prefix
    }
    uint64_t v = lo;
    while (v <= hi && out.size() <= MAX_SPLIT)
    {
        int k = v == 0 ? width : std::min(width, __builtin_ctzll(v));
        while (k > 0 && v + (uint64_t(1) << k) - 1 > hi)
        {
            --k;
        }
        out.push_back({v << (64 - width), 0, uint8_t(width - k)});
        v += uint64_t(1) << k;
    }
    if (out.size() <= MAX_SPLIT)
    {
        return true;
    }
    uint64_t x = lo ^ hi;
    int common = width - (64 - __builtin_clzll(x));
    out.assign(1, {(lo << (64 - width)) & TopMask(common), 0, uint8_t(common)});
    return false;
}

/**
 * \brief The prefixes of one field of a selector.
 * \param s the selector (the field present)
 * \param field the field
 * \param out the prefixes
 * \return true when they are exactly the field's range
 */
bool
FieldPrefixes(const TrafficSelector& s, uint8_t field, std::vector<Prefix>& out)
{
    if (field == TrafficSelector::SOURCE_ADDRESS || field == TrafficSelector::DESTINATION_ADDRESS)
    {
        uint64_t lo[2];
        uint64_t hi[2];
        AddressRange(s, field, lo, hi);
        Prefix p;
        bool exact = AddressPrefix(lo, hi, s.IsIpv6() ? 128 : 32, p);
        out.assign(1, p);
        return exact;
    }
    uint64_t lo = 0;
    uint64_t hi = 0;
    NumericRange(s, field, lo, hi);
    return SplitRange(lo, hi, WidthOf(field), out);
}

/**
 * \brief The packet's value of a field, masked to a prefix length.
 * \param key the packet
 * \param field the field
 * \param length the prefix length
 * \return the prefix
 */
inline Prefix
PacketPrefix(const TrafficSelector::FlowKey& key, uint8_t field, uint8_t length)
{
    Prefix p{0, 0, length};
    uint64_t v = 0;
    switch (field)
    {
    case TrafficSelector::DESTINATION_ADDRESS:
        p.hi = Load64(key.destination) & TopMask(length);
        p.lo = Load64(key.destination + 8) & TopMask(length - 64);
        return p;
    case TrafficSelector::SOURCE_ADDRESS:
        p.hi = Load64(key.source) & TopMask(length);
        p.lo = Load64(key.source + 8) & TopMask(length - 64);
        return p;
    case TrafficSelector::DESTINATION_PORT:
        v = key.destinationPort;
        break;
    case TrafficSelector::SOURCE_PORT:
        v = key.sourcePort;
        break;
    case TrafficSelector::FLOW_LABEL:
        v = key.flowLabel;
        break;
    case TrafficSelector::IPSEC_SPI:
        v = key.spi;
        break;
    case TrafficSelector::TRAFFIC_CLASS:
        v = key.trafficClass;
        break;
    default:
        v = key.nextHeader;
        break;
    }
    p.hi = (v << (64 - WidthOf(field))) & TopMask(length);
    return p;
}

} // namespace

// FlatMap --------------------------------------------------------------------------------------

template <typename S>
uint32_t
FlowBindingTable::FlatMap<S>::Home(uint64_t key) const
{
    return uint32_t(Mix(key)) & uint32_t(m_slots.size() - 1);
}

template <typename S>
S*
FlowBindingTable::FlatMap<S>::Find(uint64_t key)
{
    return const_cast<S*>(static_cast<const FlatMap*>(this)->Find(key));
}

template <typename S>
const S*
FlowBindingTable::FlatMap<S>::Find(uint64_t key) const
{
    return m_slots.empty() ? nullptr : FindAt(key, Home(key));
}

template <typename S>
const S*
FlowBindingTable::FlatMap<S>::FindAt(uint64_t key, uint32_t home) const
{
    if (m_slots.empty())
    {
        return nullptr;
    }
    uint32_t mask = uint32_t(m_slots.size() - 1);
    for (uint32_t i = home;; i = (i + 1) & mask)
    {
        const S& s = m_slots[i];
        if (s.count == 0)
        {
            return nullptr;
        }
        if (s.key == key)
        {
            return &s;
        }
    }
}

template <typename S>
uint32_t
FlowBindingTable::FlatMap<S>::Prefetch(uint64_t key) const
{
    if (m_slots.empty())
    {
        return 0;
    }
    uint32_t home = Home(key);
    __builtin_prefetch(&m_slots[home]);
    return home;
}

template <typename S>
void
FlowBindingTable::FlatMap<S>::Grow()
{
    std::vector<S> old;
    old.swap(m_slots);
    m_slots.assign(old.empty() ? 16 : old.size() * 2, S{});
    uint32_t mask = uint32_t(m_slots.size() - 1);
    for (const S& s : old)
    {
        if (s.count == 0)
        {
            continue;
        }
        uint32_t i = Home(s.key);
        while (m_slots[i].count != 0)
        {
            i = (i + 1) & mask;
        }
        m_slots[i] = s;
    }
}

template <typename S>
S*
FlowBindingTable::FlatMap<S>::Insert(uint64_t key)
{
    if ((m_used + 1) * 2 > m_slots.size())
    {
        Grow();
    }
    uint32_t mask = uint32_t(m_slots.size() - 1);
    uint32_t i = Home(key);
    while (m_slots[i].count != 0)
    {
        i = (i + 1) & mask;
    }
    m_used++;
    m_slots[i] = S{};
    m_slots[i].key = key;
    return &m_slots[i];
}

template <typename S>
void
FlowBindingTable::FlatMap<S>::Erase(S* slot)
{
    uint32_t mask = uint32_t(m_slots.size() - 1);
    uint32_t i = uint32_t(slot - m_slots.data());
    uint32_t j = i;
    while (true)
    {
        j = (j + 1) & mask;
        if (m_slots[j].count == 0)
        {
            break;
        }
        uint32_t k = Home(m_slots[j].key);
        // slot j may move to i when its home is not cyclically in (i, j]
        bool stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
        if (!stays)
        {
            m_slots[i] = m_slots[j];
            i = j;
        }
    }
    m_slots[i].count = 0;
    m_used--;
}

template <typename S>
void
FlowBindingTable::FlatMap<S>::Clear()
{
    m_slots.clear();
    m_used = 0;
}

// FlowBindingTable -----------------------------------------------------------------------------

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
    : m_records(0),
      m_freePosting(NONE),
      m_size(0),
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
    m_ownerMap.Clear();
    m_index.Clear();
    m_tuples.clear();
    m_ownerInfos.clear();
    m_freeOwners.clear();
    m_chunks.clear();
    m_freeRecords.clear();
    m_records = 0;
    m_postings.clear();
    m_freePosting = NONE;
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

FlowBindingTable::Record&
FlowBindingTable::Rec(uint32_t r) const
{
    return m_chunks[r / RECORD_CHUNK][r % RECORD_CHUNK];
}

uint32_t
FlowBindingTable::NewRecord()
{
    if (!m_freeRecords.empty())
    {
        uint32_t r = m_freeRecords.back();
        m_freeRecords.pop_back();
        return r;
    }
    if (m_records % RECORD_CHUNK == 0)
    {
        m_chunks.emplace_back(new Record[RECORD_CHUNK]);
    }
    return m_records++;
}

uint32_t
FlowBindingTable::OwnerIndex(uint64_t owner, bool create)
{
    OwnerSlot* s = m_ownerMap.Find(owner);
    if (s)
    {
        return s->value;
    }
    if (!create)
    {
        return NONE;
    }
    uint32_t o;
    if (!m_freeOwners.empty())
    {
        o = m_freeOwners.back();
        m_freeOwners.pop_back();
    }
    else
    {
        o = uint32_t(m_ownerInfos.size());
        m_ownerInfos.emplace_back();
    }
    m_ownerInfos[o] = OwnerInfo();
    m_ownerInfos[o].owner = owner;
    m_ownerInfos[o].live = true;
    s = m_ownerMap.Insert(owner);
    s->value = o;
    s->count = 1;
    s->residual = NONE;
    return o;
}

uint32_t
FlowBindingTable::RecordOf(uint64_t owner, uint16_t fid) const
{
    const OwnerSlot* s = m_ownerMap.Find(owner);
    if (!s)
    {
        return NONE;
    }
    const OwnerInfo& o = m_ownerInfos[s->value];
    auto it = o.byFid.find(fid);
    return it == o.byFid.end() ? NONE : it->second;
}

namespace
{

/**
 * \brief A tuple packed into 16 bits (the formats are 1 and 2, the fields below 8).
 * \param format the format
 * \param field the field
 * \param length the prefix length
 * \return format << 12 | field << 8 | length
 */
inline uint16_t
PackTuple(uint8_t format, uint8_t field, uint8_t length)
{
    return uint16_t((format << 12) | (field << 8) | length);
}

} // namespace

uint32_t
FlowBindingTable::CountIn(std::vector<Tuple>& tuples,
                          uint8_t format,
                          uint8_t field,
                          uint8_t length,
                          int delta)
{
    for (auto t = tuples.begin(); t != tuples.end(); ++t)
    {
        if (t->format != format || t->field != field || t->length != length)
        {
            continue;
        }
        t->count += delta;
        uint32_t count = t->count;
        if (count == 0)
        {
            *t = tuples.back(); // order does not matter
            tuples.pop_back();
        }
        return count;
    }
    NS_ASSERT(delta > 0);
    tuples.push_back({format, field, length, 0, 1});
    return 1;
}

void
FlowBindingTable::CountTuple(OwnerInfo& o, uint8_t format, uint8_t field, uint8_t length, int delta)
{
    uint32_t count = CountIn(o.tuples, format, field, length, delta);
    if ((delta > 0 && count == 1) || (delta < 0 && count == 0))
    {
        // the owner starts or stops using this tuple: one owner more or less in m_tuples
        CountIn(m_tuples, format, field, length, delta);
    }
}

void
FlowBindingTable::SyncOwnerSlot(const OwnerInfo& o)
{
    OwnerSlot* s = m_ownerMap.Find(o.owner);
    if (!s)
    {
        return;
    }
    s->residual = o.residual;
    s->hasDefault = o.hasDefault;
    s->tuples = uint8_t(std::min<size_t>(o.tuples.size(), 255));
    for (uint32_t i = 0; i < HOT_TUPLES; ++i)
    {
        s->hot[i] = i < o.tuples.size()
                        ? PackTuple(o.tuples[i].format, o.tuples[i].field, o.tuples[i].length)
                        : 0;
    }
}

void
FlowBindingTable::SyncHead(IndexSlot* slot)
{
    slot->head = slot->value == NONE ? nullptr : &Rec(m_postings[slot->value].record).entry;
}

void
FlowBindingTable::Link(uint32_t& head, uint32_t p)
{
    uint32_t order = m_postings[p].order;
    uint32_t* at = &head;
    while (*at != NONE && m_postings[*at].order <= order)
    {
        at = &m_postings[*at].next;
    }
    m_postings[p].next = *at;
    *at = p;
}

void
FlowBindingTable::Unlink(uint32_t& head, uint32_t p)
{
    uint32_t* at = &head;
    while (*at != NONE && *at != p)
    {
        at = &m_postings[*at].next;
    }
    if (*at == p)
    {
        *at = m_postings[p].next;
    }
}

void
FlowBindingTable::Index(uint32_t r)
{
    Record& rec = Rec(r);
    OwnerInfo& o = m_ownerInfos[rec.owner];
    const TrafficSelector& s = rec.entry.selector;
    uint8_t format = s.GetFormat();

    // the compiled selector, copied into each posting
    Posting tpl{};
    tpl.record = r;
    tpl.order = OrderOf(rec.entry);
    tpl.owner = rec.owner;
    tpl.format = format;
    tpl.tcHi = 0xff;
    tpl.nhHi = 0xff;
    tpl.spHi = 0xffff;
    tpl.dpHi = 0xffff;
    if (s.Has(TrafficSelector::SOURCE_PORT) || s.Has(TrafficSelector::DESTINATION_PORT))
    {
        tpl.flags |= POSTING_PORTS;
    }
    if (s.Has(TrafficSelector::IPSEC_SPI) || s.Has(TrafficSelector::FLOW_LABEL))
    {
        tpl.flags |= POSTING_SLOW;
    }
    uint64_t lo = 0;
    uint64_t hi = 0;
    if (s.Has(TrafficSelector::SOURCE_PORT))
    {
        NumericRange(s, TrafficSelector::SOURCE_PORT, lo, hi);
        tpl.spLo = uint16_t(lo);
        tpl.spHi = uint16_t(hi);
    }
    if (s.Has(TrafficSelector::DESTINATION_PORT))
    {
        NumericRange(s, TrafficSelector::DESTINATION_PORT, lo, hi);
        tpl.dpLo = uint16_t(lo);
        tpl.dpHi = uint16_t(hi);
    }
    if (s.Has(TrafficSelector::TRAFFIC_CLASS))
    {
        NumericRange(s, TrafficSelector::TRAFFIC_CLASS, lo, hi);
        tpl.tcLo = uint8_t(lo);
        tpl.tcHi = uint8_t(hi);
    }
    if (s.Has(TrafficSelector::NEXT_HEADER))
    {
        NumericRange(s, TrafficSelector::NEXT_HEADER, lo, hi);
        tpl.nhLo = uint8_t(lo);
        tpl.nhHi = uint8_t(hi);
    }
    std::vector<Prefix> prefixes;
    for (uint8_t field : {TrafficSelector::SOURCE_ADDRESS, TrafficSelector::DESTINATION_ADDRESS})
    {
        if (!s.Has(TrafficSelector::Field(field)))
        {
            continue;
        }
        bool exact = FieldPrefixes(s, field, prefixes);
        if (!exact)
        {
            tpl.flags |= POSTING_SLOW;
        }
        bool source = field == TrafficSelector::SOURCE_ADDRESS;
        (source ? tpl.srcLen : tpl.dstLen) = prefixes[0].length;
        uint64_t* a = source ? tpl.src : tpl.dst;
        a[0] = prefixes[0].hi;
        a[1] = prefixes[0].lo;
    }

    // the anchor: fewest postings in its buckets, then fewest prefixes, then ANCHORS order
    int best = -1;
    uint64_t bestCost = 0;
    size_t bestCount = 0;
    std::vector<Prefix> bestPrefixes;
    for (uint8_t field : ANCHORS)
    {
        if (!s.Has(TrafficSelector::Field(field)))
        {
            continue;
        }
        FieldPrefixes(s, field, prefixes);
        uint64_t cost = 0;
        for (const Prefix& p : prefixes)
        {
            const IndexSlot* slot = m_index.Find(BucketKey(o.owner, format, field, p));
            cost += slot ? slot->count : 0;
        }
        if (best < 0 || cost < bestCost || (cost == bestCost && prefixes.size() < bestCount))
        {
            best = field;
            bestCost = cost;
            bestCount = prefixes.size();
            bestPrefixes = prefixes;
        }
    }

    rec.places.clear();
    rec.residual = false;
    auto newPosting = [this, &tpl]() {
        uint32_t p;
        if (m_freePosting != NONE)
        {
            p = m_freePosting;
            m_freePosting = m_postings[p].next;
        }
        else
        {
            p = uint32_t(m_postings.size());
            m_postings.emplace_back();
        }
        m_postings[p] = tpl;
        m_postings[p].next = NONE;
        return p;
    };
    if (best < 0)
    {
        rec.residual = true;
        Link(o.residual, newPosting());
        SyncOwnerSlot(o);
        return;
    }
    for (const Prefix& p : bestPrefixes)
    {
        uint64_t key = BucketKey(o.owner, format, uint8_t(best), p);
        uint32_t posting = newPosting();
        IndexSlot* slot = m_index.Find(key);
        if (!slot)
        {
            slot = m_index.Insert(key);
            slot->value = NONE;
        }
        Link(slot->value, posting);
        slot->count++;
        SyncHead(slot);
        CountTuple(o, format, uint8_t(best), p.length, +1);
        rec.places.push_back({key, posting, uint8_t(best), p.length});
    }
    SyncOwnerSlot(o);
}

void
FlowBindingTable::Unindex(uint32_t r)
{
    Record& rec = Rec(r);
    OwnerInfo& o = m_ownerInfos[rec.owner];
    auto freePosting = [this](uint32_t p) {
        m_postings[p].next = m_freePosting;
        m_postings[p].owner = NONE;
        m_freePosting = p;
    };
    if (rec.residual)
    {
        for (uint32_t p = o.residual; p != NONE; p = m_postings[p].next)
        {
            if (m_postings[p].record == r)
            {
                Unlink(o.residual, p);
                freePosting(p);
                break;
            }
        }
        rec.residual = false;
    }
    uint8_t format = rec.entry.selector.GetFormat();
    for (const Place& place : rec.places)
    {
        IndexSlot* slot = m_index.Find(place.key);
        NS_ASSERT(slot);
        Unlink(slot->value, place.posting);
        freePosting(place.posting);
        if (--slot->count == 0)
        {
            m_index.Erase(slot);
        }
        else
        {
            SyncHead(slot);
        }
        CountTuple(o, format, place.field, place.length, -1);
    }
    rec.places.clear();
    SyncOwnerSlot(o);
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
    uint32_t oi = OwnerIndex(entry.owner, true);
    if (m_ownerInfos[oi].byFid.count(entry.fid))
    {
        return false;
    }
    uint32_t r = NewRecord();
    Record& rec = Rec(r);
    OwnerInfo& o = m_ownerInfos[oi];
    rec.entry = entry;
    rec.entry.hits = 0;
    rec.owner = oi;
    rec.live = true;
    rec.residual = false;
    rec.places.clear();
    rec.position = uint32_t(o.records.size());
    o.records.push_back(r);
    o.byFid[entry.fid] = r;
    if (rec.entry.active)
    {
        Index(r);
    }
    m_size++;
    m_changedTrace(rec.entry, ADDED);
    return true;
}

bool
FlowBindingTable::Modify(const FlowBindingEntry& entry)
{
    NS_LOG_FUNCTION(this << entry.owner << entry.fid << entry.priority);
    uint32_t r = RecordOf(entry.owner, entry.fid);
    if (r == NONE || !IsValid(entry))
    {
        return false;
    }
    Record& rec = Rec(r);
    Unindex(r);
    uint64_t hits = rec.entry.hits;
    rec.entry = entry;
    rec.entry.hits = hits;
    if (rec.entry.active)
    {
        Index(r);
    }
    m_changedTrace(rec.entry, MODIFIED);
    return true;
}

bool
FlowBindingTable::SetBids(uint64_t owner, uint16_t fid, const std::vector<uint16_t>& bids)
{
    NS_LOG_FUNCTION(this << owner << fid);
    uint32_t r = RecordOf(owner, fid);
    if (r == NONE || (bids.empty() && Rec(r).entry.action != FlowBindingAction::DISCARD))
    {
        return false;
    }
    Rec(r).entry.bids = bids;
    m_changedTrace(Rec(r).entry, MOVED);
    return true;
}

bool
FlowBindingTable::SetActive(uint64_t owner, uint16_t fid, bool active)
{
    NS_LOG_FUNCTION(this << owner << fid << active);
    uint32_t r = RecordOf(owner, fid);
    if (r == NONE)
    {
        return false;
    }
    Record& rec = Rec(r);
    if (rec.entry.active != active)
    {
        rec.entry.active = active;
        if (active)
        {
            Index(r);
        }
        else
        {
            Unindex(r);
        }
        m_changedTrace(rec.entry, active ? ACTIVATED : DEACTIVATED);
    }
    return true;
}

void
FlowBindingTable::FreeRecord(uint32_t r)
{
    Record& rec = Rec(r);
    OwnerInfo& o = m_ownerInfos[rec.owner];
    // swap-remove from the owner's list
    uint32_t last = o.records.back();
    o.records[rec.position] = last;
    Rec(last).position = rec.position;
    o.records.pop_back();
    o.byFid.erase(rec.entry.fid);
    rec = Record();
    m_freeRecords.push_back(r);
}

void
FlowBindingTable::EraseIfEmpty(uint32_t oi)
{
    OwnerInfo& o = m_ownerInfos[oi];
    if (!o.records.empty() || o.hasDefault)
    {
        return;
    }
    OwnerSlot* s = m_ownerMap.Find(o.owner);
    if (s)
    {
        m_ownerMap.Erase(s);
    }
    o = OwnerInfo();
    m_freeOwners.push_back(oi);
}

bool
FlowBindingTable::Remove(uint64_t owner, uint16_t fid)
{
    NS_LOG_FUNCTION(this << owner << fid);
    uint32_t r = RecordOf(owner, fid);
    if (r == NONE)
    {
        return false;
    }
    uint32_t oi = Rec(r).owner;
    Unindex(r);
    m_changedTrace(Rec(r).entry, REMOVED);
    FreeRecord(r);
    m_size--;
    EraseIfEmpty(oi);
    return true;
}

uint32_t
FlowBindingTable::RemoveOwner(uint64_t owner)
{
    NS_LOG_FUNCTION(this << owner);
    uint32_t oi = OwnerIndex(owner, false);
    if (oi == NONE)
    {
        return 0;
    }
    OwnerInfo& o = m_ownerInfos[oi];
    uint32_t n = uint32_t(o.records.size());
    while (!o.records.empty())
    {
        uint32_t r = o.records.back();
        Unindex(r);
        m_changedTrace(Rec(r).entry, REMOVED);
        FreeRecord(r);
    }
    if (o.hasDefault)
    {
        o.hasDefault = false;
        o.defaultBids.clear();
        m_defaults--;
        SyncOwnerSlot(o);
    }
    m_size -= n;
    EraseIfEmpty(oi);
    return n;
}

void
FlowBindingTable::Clear()
{
    NS_LOG_FUNCTION(this);
    for (const OwnerInfo& o : m_ownerInfos)
    {
        if (o.live)
        {
            RemoveOwner(o.owner);
        }
    }
}

void
FlowBindingTable::SetDefaultBid(uint64_t owner, uint16_t bid)
{
    NS_LOG_FUNCTION(this << owner << bid);
    OwnerInfo& o = m_ownerInfos[OwnerIndex(owner, true)];
    if (!o.hasDefault)
    {
        m_defaults++;
    }
    o.hasDefault = true;
    o.defaultBids.assign(1, bid);
    SyncOwnerSlot(o);
}

void
FlowBindingTable::ClearDefaultBid(uint64_t owner)
{
    NS_LOG_FUNCTION(this << owner);
    uint32_t oi = OwnerIndex(owner, false);
    if (oi == NONE || !m_ownerInfos[oi].hasDefault)
    {
        return;
    }
    m_ownerInfos[oi].hasDefault = false;
    m_ownerInfos[oi].defaultBids.clear();
    m_defaults--;
    SyncOwnerSlot(m_ownerInfos[oi]);
    EraseIfEmpty(oi);
}

bool
FlowBindingTable::GetDefaultBid(uint64_t owner, uint16_t& bid) const
{
    const OwnerSlot* s = m_ownerMap.Find(owner);
    if (!s || !m_ownerInfos[s->value].hasDefault)
    {
        return false;
    }
    bid = m_ownerInfos[s->value].defaultBids.front();
    return true;
}

const FlowBindingEntry*
FlowBindingTable::Find(uint64_t owner, uint16_t fid) const
{
    uint32_t r = RecordOf(owner, fid);
    return r == NONE ? nullptr : &Rec(r).entry;
}

std::vector<const FlowBindingEntry*>
FlowBindingTable::GetEntries(uint64_t owner) const
{
    std::vector<const FlowBindingEntry*> out;
    const OwnerSlot* s = m_ownerMap.Find(owner);
    if (!s)
    {
        return out;
    }
    for (uint32_t r : m_ownerInfos[s->value].records)
    {
        out.push_back(&Rec(r).entry);
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

uint32_t
FlowBindingTable::GetOwnerSize(uint64_t owner) const
{
    const OwnerSlot* s = m_ownerMap.Find(owner);
    return s ? uint32_t(m_ownerInfos[s->value].records.size()) : 0;
}

uint64_t
FlowBindingTable::GetClassifiedCount() const
{
    return m_classified;
}

bool
FlowBindingTable::Matches(const Posting& p, const TrafficSelector::FlowKey& key) const
{
    if (p.format != key.format)
    {
        return false;
    }
    if (p.flags & POSTING_SLOW)
    {
        return Rec(p.record).entry.selector.Matches(key);
    }
    if ((p.flags & POSTING_PORTS) && !key.hasPorts)
    {
        return false;
    }
    bool numbers = key.sourcePort >= p.spLo && key.sourcePort <= p.spHi &&
                   key.destinationPort >= p.dpLo && key.destinationPort <= p.dpHi &&
                   key.trafficClass >= p.tcLo && key.trafficClass <= p.tcHi &&
                   key.nextHeader >= p.nhLo && key.nextHeader <= p.nhHi;
    if (!numbers)
    {
        return false;
    }
    return (p.srcLen == 0 ||
            InPrefix(Load64(key.source), Load64(key.source + 8), p.src, p.srcLen)) &&
           (p.dstLen == 0 ||
            InPrefix(Load64(key.destination), Load64(key.destination + 8), p.dst, p.dstLen));
}

uint32_t
FlowBindingTable::Best(uint64_t owner,
                       const TrafficSelector::FlowKey& key,
                       const OwnerSlot*& os) const
{
    // the fields a packet can be probed in (no ports, no SPI: not those)
    uint32_t fields = 0xff;
    if (!key.hasPorts)
    {
        fields &=
            ~((1u << TrafficSelector::SOURCE_PORT) | (1u << TrafficSelector::DESTINATION_PORT));
    }
    if (!key.hasSpi)
    {
        fields &= ~(1u << TrafficSelector::IPSEC_SPI);
    }
    // While the table has at most PREFETCH_TUPLES distinct tuples (over all owners), the
    // packet is probed in each of them (a superset of its owner's tuples: a tuple the owner
    // does not use has no bucket of that owner), and the bucket slots are requested before
    // the owner's slot: the two are fetched in parallel (bucket keys use the owner KEY).
    uint64_t keys[PREFETCH_TUPLES];
    uint32_t homes[PREFETCH_TUPLES];
    uint32_t n = 0;
    bool early = m_tuples.size() <= PREFETCH_TUPLES;
    if (early)
    {
        for (const Tuple& t : m_tuples)
        {
            if (t.format == key.format && ((fields >> t.field) & 1))
            {
                keys[n] = BucketKey(owner, t.format, t.field, PacketPrefix(key, t.field, t.length));
                homes[n] = m_index.Prefetch(keys[n]);
                n++;
            }
        }
    }
    os = m_ownerMap.Find(owner);
    if (!os)
    {
        return NONE;
    }
    uint32_t oi = os->value;
    uint32_t best = NONE;
    uint64_t bestOrder = NO_ORDER;
    auto scan = [this, &best, &bestOrder, &key, oi](uint32_t p) {
        for (; p != NONE; p = m_postings[p].next)
        {
            const Posting& post = m_postings[p];
            if (post.order >= bestOrder)
            {
                return;
            }
            if (post.owner == oi && Matches(post, key))
            {
                best = post.record;
                bestOrder = post.order;
                return;
            }
        }
    };
    auto probe = [&scan](const IndexSlot* slot) {
        if (slot)
        {
            // the first posting's entry is the likely winner: load it while the posting is
            // checked (Classify counts a hit on it)
            __builtin_prefetch(slot->head);
            scan(slot->value);
        }
    };
    if (early)
    {
        for (uint32_t i = 0; i < n; ++i)
        {
            probe(m_index.FindAt(keys[i], homes[i]));
        }
    }
    else
    {
        // the owner's tuples: in its slot, or (more than HOT_TUPLES) in its OwnerInfo
        const std::vector<Tuple>* cold =
            os->tuples > HOT_TUPLES ? &m_ownerInfos[oi].tuples : nullptr;
        uint32_t count = cold ? uint32_t(cold->size()) : os->tuples;
        for (uint32_t i = 0; i < count; ++i)
        {
            uint16_t t = cold ? PackTuple((*cold)[i].format, (*cold)[i].field, (*cold)[i].length)
                              : os->hot[i];
            uint8_t format = uint8_t(t >> 12);
            uint8_t field = uint8_t((t >> 8) & 0xf);
            uint8_t length = uint8_t(t);
            if (format == key.format && ((fields >> field) & 1))
            {
                probe(m_index.Find(
                    BucketKey(owner, format, field, PacketPrefix(key, field, length))));
            }
        }
    }
    if (os->residual != NONE)
    {
        scan(os->residual);
    }
    return best;
}

FlowBindingTable::Result
FlowBindingTable::Classify(uint64_t owner, const TrafficSelector::FlowKey& key)
{
    m_classified++;
    Result r;
    const OwnerSlot* s = nullptr;
    uint32_t best = Best(owner, key, s);
    if (best == NONE)
    {
        if (s && s->hasDefault)
        {
            r.kind = DEFAULT;
            r.bids = &m_ownerInfos[s->value].defaultBids;
        }
        return r;
    }
    FlowBindingEntry& e = Rec(best).entry;
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
    const OwnerSlot* s = nullptr;
    uint32_t best = Best(owner, key, s);
    return best == NONE ? nullptr : &Rec(best).entry;
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

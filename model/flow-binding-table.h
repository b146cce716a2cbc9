/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_FLOW_BINDING_TABLE_H
#define PMIPV6_FLOW_BINDING_TABLE_H

#include "traffic-selector.h"

#include "ns3/callback.h"
#include "ns3/ipv6-address.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <unordered_map>
#include <vector>

namespace ns3
{

class Ipv6Header;
class Packet;

/**
 * \ingroup pmipv6
 * \brief What a flow binding does with the packets it matches (RFC 6089 forward / discard and
 * n-cast, the flow mobility draft's Forward / Drop).
 */
enum class FlowBindingAction : uint8_t
{
    FORWARD = 0, ///< to the first target binding identifier
    DISCARD = 1, ///< drop the packet
    NCAST = 2,   ///< one copy to each target binding identifier
};

/**
 * \ingroup pmipv6
 * \brief One flow binding: which packets of an owner (selector) go where (action, BIDs), with
 * which precedence (priority, FID).
 */
struct FlowBindingEntry
{
    uint64_t owner{0};    ///< opaque key chosen by the caller (mobile node, BCE, ...)
    uint16_t fid{0};      ///< flow identifier, unique per owner
    uint16_t priority{0}; ///< FID-PRI: a LOWER value takes precedence
    FlowBindingAction action{FlowBindingAction::FORWARD}; ///< what to do on a match
    bool active{true};                                    ///< an inactive entry matches nothing
    uint64_t hits{0};           ///< packets it classified (kept across Modify)
    std::vector<uint16_t> bids; ///< target binding identifiers (FORWARD uses the first)
    TrafficSelector selector;   ///< RFC 6088 selector (IPv6 or IPv4 binary format)
    // (the fields a classification reads and writes come first: one cache line)
};

/**
 * \ingroup pmipv6
 * \brief Where a binding identifier sends packets: an IPv6 interface of the node and the next
 * hop on it (:: = the destination itself, e.g. a tunnel). Returned by the resolvers that
 * LmaRouting and MagRouting call.
 */
struct FlowBindingOutput
{
    /// No output: the binding identifier is unknown.
    static constexpr uint32_t NO_INTERFACE = std::numeric_limits<uint32_t>::max();
    uint32_t interface {
        NO_INTERFACE
    };                   ///< the IPv6 interface
    Ipv6Address nextHop; ///< the next hop, :: for the destination itself
};

/**
 * \ingroup pmipv6
 * \brief Maps (flow owner, binding identifier) to an output; an output whose interface is
 * FlowBindingOutput::NO_INTERFACE means "unknown BID".
 */
typedef Callback<FlowBindingOutput, uint64_t, uint16_t> FlowBindingResolver;

/**
 * \ingroup pmipv6
 * \brief The flow-binding table and classifier of a node's data path: per owner, flow entries
 * with RFC 6088 selectors, consulted by LmaRouting and MagRouting before their prefix route.
 *
 * Classify(owner, key) returns the winning entry among the ACTIVE entries of that owner whose
 * selector matches the packet:
 * - the entry with the lowest priority value (FID-PRI) wins;
 * - among equal priorities, the lowest FID wins (FIDs are unique per owner, so this is a
 *   total order: the result never depends on insertion order or on the indexes).
 * The result is FORWARD (one BID), NCAST (every BID of the entry), DISCARD, or, when no entry
 * matches, DEFAULT (the owner's default BID, see SetDefaultBid) or NO_MATCH (the caller then
 * uses its prefix route).
 *
 * \par Indexes and cost (a tuple space, one hash table for all owners)
 * Each active entry is placed under ONE anchor field of its selector (destination port,
 * source port, destination address, source address, flow label, IPsec SPI, traffic class,
 * next header): its range in that field is written as binary prefixes (an exact value is one
 * full-length prefix; an address prefix is one prefix; a port range is split into its aligned
 * prefixes when they are at most 4, otherwise its smallest covering prefix is used and the
 * check below filters). Each prefix is a posting in the bucket keyed by (owner, format, field,
 * prefix length, prefix value) of one flat open-addressing hash table shared by all owners;
 * a bucket's postings are sorted by (priority, FID). The anchor is the field whose buckets
 * currently hold the fewest postings, then the one with fewer prefixes, ties in the order
 * above. An entry with no field (an empty selector) goes to its owner's residual list.
 * A posting carries the entry's compiled selector (ports, traffic class, next header,
 * address prefixes) in one cache line; selectors with an SPI, a flow label or an address
 * range that is not a prefix are checked with TrafficSelector::Matches.
 * Classify finds the owner (one probe), then probes once per distinct (format, field,
 * prefix length) "tuple" the owner's postings use, walks each probed bucket in precedence
 * order and stops at its first match or at the first posting that cannot beat the best match
 * so far, then walks the residual list the same way.
 * Cost per packet: O(T + B + R), T the number of distinct tuples of the owner (the selector
 * SHAPES in use, not the number of entries: 1 for exact 5-tuples on distinct ports, one per
 * prefix length for port ranges), B the postings verified in the probed buckets (entries
 * sharing the packet's prefix in their anchor field and ranked before the winner; 1 for
 * distinct flows) and R the residual entries ranked before the winner. Independent of the
 * number of owners and of the entries in other buckets. Worst case: many entries whose only
 * selective fields are identical (B grows) or ranges whose covering prefix is wide.
 * Inactive entries are not indexed (SetActive moves them in or out). Changes cost
 * O(prefixes x bucket).
 */
class FlowBindingTable : public Object
{
  public:
    /// The kind of a classification result.
    enum ResultKind : uint8_t
    {
        NO_MATCH = 0, ///< no entry and no default BID: use the prefix route
        FORWARD = 1,  ///< forward to bids[0]
        NCAST = 2,    ///< one copy to each of bids
        DISCARD = 3,  ///< drop
        DEFAULT = 4,  ///< no entry matched: forward to the owner's default BID, bids[0]
    };

    /// A classification result; the pointers stay valid until the table changes.
    struct Result
    {
        ResultKind kind{NO_MATCH};                  ///< what to do
        const FlowBindingEntry* entry{nullptr};     ///< the winning entry (none for DEFAULT)
        const std::vector<uint16_t>* bids{nullptr}; ///< target BIDs (FORWARD, NCAST, DEFAULT)
    };

    /// What changed in an entry (trace source EntryChanged).
    enum Change : uint8_t
    {
        ADDED = 0,       ///< Add
        MODIFIED = 1,    ///< Modify
        MOVED = 2,       ///< SetBids
        ACTIVATED = 3,   ///< SetActive(true)
        DEACTIVATED = 4, ///< SetActive(false)
        REMOVED = 5,     ///< Remove, RemoveOwner
    };

    /**
     * \brief TracedCallback signature of EntryChanged.
     * \param entry the entry after the change (before removal for REMOVED)
     * \param change what changed
     */
    typedef void (*EntryChangedTracedCallback)(const FlowBindingEntry& entry, Change change);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    FlowBindingTable();
    ~FlowBindingTable() override;

    /**
     * \brief Add an entry.
     * \param entry the entry (its hits counter is reset)
     * \return false when (owner, FID) exists, the selector format is not IPv4/IPv6 binary,
     * or a FORWARD / NCAST entry has no BID
     */
    bool Add(const FlowBindingEntry& entry);
    /**
     * \brief Replace priority, selector, action, BIDs and active flag of an entry (hits kept).
     * \param entry the new values; owner and FID name the entry
     * \return false when absent or invalid (as Add)
     */
    bool Modify(const FlowBindingEntry& entry);
    /**
     * \brief Change the target BIDs of an entry (a flow move; no re-indexing).
     * \param owner the owner
     * \param fid the FID
     * \param bids the new targets (not empty unless the action is DISCARD)
     * \return false when absent or invalid
     */
    bool SetBids(uint64_t owner, uint16_t fid, const std::vector<uint16_t>& bids);
    /**
     * \brief Activate or deactivate an entry.
     * \param owner the owner
     * \param fid the FID
     * \param active the new flag
     * \return false when absent
     */
    bool SetActive(uint64_t owner, uint16_t fid, bool active);
    /**
     * \brief Remove an entry.
     * \param owner the owner
     * \param fid the FID
     * \return false when absent
     */
    bool Remove(uint64_t owner, uint16_t fid);
    /**
     * \brief Remove every entry and the default BID of an owner.
     * \param owner the owner
     * \return the number of entries removed
     */
    uint32_t RemoveOwner(uint64_t owner);
    /// \brief Remove everything.
    void Clear();

    /**
     * \brief Set the BID used when no entry of the owner matches (its default binding).
     * \param owner the owner
     * \param bid the binding identifier
     */
    void SetDefaultBid(uint64_t owner, uint16_t bid);
    /**
     * \brief Remove the owner's default BID (unmatched packets get NO_MATCH).
     * \param owner the owner
     */
    void ClearDefaultBid(uint64_t owner);
    /**
     * \brief The owner's default BID.
     * \param owner the owner
     * \param bid set to the BID when there is one
     * \return true when the owner has a default BID
     */
    bool GetDefaultBid(uint64_t owner, uint16_t& bid) const;

    /**
     * \brief The entry (owner, FID).
     * \param owner the owner
     * \param fid the FID
     * \return the entry, or nullptr; valid until the table changes
     */
    const FlowBindingEntry* Find(uint64_t owner, uint16_t fid) const;
    /**
     * \brief The entries of an owner in precedence order (priority, then FID). O(n log n).
     * \param owner the owner
     * \return the entries; valid until the table changes
     */
    std::vector<const FlowBindingEntry*> GetEntries(uint64_t owner) const;
    /**
     * \brief Number of entries (active or not).
     * \return the count
     */
    uint32_t GetSize() const;

    /**
     * \brief Whether the table holds no entry and no default BID (a data path may then skip
     * classification).
     * \return true when empty
     */
    bool IsEmpty() const
    {
        return m_size == 0 && m_defaults == 0;
    }

    /**
     * \brief Number of entries of an owner.
     * \param owner the owner
     * \return the count
     */
    uint32_t GetOwnerSize(uint64_t owner) const;

    /**
     * \brief Classify a packet of an owner; counts a hit on the winning entry.
     * \param owner the owner (known to the caller from the packet's prefix)
     * \param key the packet's fields
     * \return the result
     */
    Result Classify(uint64_t owner, const TrafficSelector::FlowKey& key);
    /**
     * \brief The winning entry, without counting a hit and without the default BID (for
     * tests and tools).
     * \param owner the owner
     * \param key the packet's fields
     * \return the winning entry, or nullptr
     */
    const FlowBindingEntry* Lookup(uint64_t owner, const TrafficSelector::FlowKey& key) const;

    /**
     * \brief The key of an IPv6 packet: addresses, traffic class, flow label, next header from
     * the header; ports from the first four payload octets for TCP and UDP, the SPI for ESP
     * (extension headers before them are not walked: no ports then).
     * \param header the IPv6 header
     * \param payload the packet after the IPv6 header
     * \return the key
     */
    static TrafficSelector::FlowKey MakeKey(const Ipv6Header& header, Ptr<const Packet> payload);

    /**
     * \brief The outputs of a FORWARD, DEFAULT (the first BID) or NCAST (every BID) result:
     * BIDs the resolver does not know are skipped, and so are outputs on an interface already
     * listed (two BIDs over one tunnel give one copy).
     * \param result the classification result
     * \param owner the owner classified
     * \param resolver maps (owner, BID) to an output
     * \param outputs where to write them
     * \param maxOutputs room in \p outputs
     * \return the number written (0 for NO_MATCH, DISCARD, or no BID resolved)
     */
    static uint32_t ResolveOutputs(const Result& result,
                                   uint64_t owner,
                                   const FlowBindingResolver& resolver,
                                   FlowBindingOutput* outputs,
                                   uint32_t maxOutputs);

    /**
     * \brief Classifications made (Classify calls).
     * \return the count
     */
    uint64_t GetClassifiedCount() const;

  protected:
    void DoDispose() override;

  private:
    /// "None" for posting, record and owner indices.
    static constexpr uint32_t NONE = std::numeric_limits<uint32_t>::max();
    /// Tuples kept in an owner's slot of the owner map (more are read from its OwnerInfo).
    static constexpr uint32_t HOT_TUPLES = 4;
    /// The bucket slots of every tuple in use are prefetched with the owner's slot while
    /// the table has at most this many distinct tuples (over all owners).
    static constexpr uint32_t PREFETCH_TUPLES = 4;

    /// A (format, field, prefix length) in which an owner has postings: one probe per packet.
    struct Tuple
    {
        uint8_t format; ///< selector format
        uint8_t field;  ///< TrafficSelector::Field
        uint8_t length; ///< prefix length
        uint8_t pad;    ///< unused
        uint32_t count; ///< postings of the owner (or owners, in m_tuples) in this tuple
    };

    /**
     * \brief One place of an entry in the index, with the entry's compiled selector: one
     * cache line, all that a classification reads before the winner is known.
     */
    struct alignas(64) Posting
    {
        uint32_t record; ///< the entry's record
        uint32_t order;  ///< (priority << 16) | fid: lower wins
        uint32_t next;   ///< next posting of the bucket (or of the free list), NONE at the end
        uint32_t owner;  ///< the owner's index (buckets of two owners may share a hash)
        uint8_t format;  ///< selector format
        uint8_t flags;   ///< POSTING_PORTS, POSTING_SLOW
        uint8_t srcLen;  ///< source address prefix length (0 when absent)
        uint8_t dstLen;  ///< destination address prefix length (0 when absent)
        uint8_t tcLo;    ///< traffic class range (0-255 when absent)
        uint8_t tcHi;    ///< traffic class range end
        uint8_t nhLo;    ///< next header range (0-255 when absent)
        uint8_t nhHi;    ///< next header range end
        uint16_t spLo;   ///< source port range (0-65535 when absent)
        uint16_t spHi;   ///< source port range end
        uint16_t dpLo;   ///< destination port range (0-65535 when absent)
        uint16_t dpHi;   ///< destination port range end
        uint64_t src[2]; ///< source address prefix, host-order halves
        uint64_t dst[2]; ///< destination address prefix, host-order halves
    };

    /**
     * \brief A bucket of the index: its key, its postings, and the entry of its first
     * posting (prefetched with the posting: the two are fetched in parallel, not one after
     * the other). Two slots per cache line.
     */
    struct alignas(32) IndexSlot
    {
        uint64_t key;                 ///< the bucket key
        uint32_t count;               ///< 0: empty slot; else the bucket's postings
        uint32_t value;               ///< the first posting (precedence order)
        const FlowBindingEntry* head; ///< the first posting's entry
    };

    /**
     * \brief An owner in the owner map, with what a classification reads of it: its first
     * tuples (packed), its residual list and whether it has a default BID; everything else
     * is in its OwnerInfo. Two slots per cache line.
     */
    struct alignas(32) OwnerSlot
    {
        uint64_t key;             ///< the owner key
        uint32_t count;           ///< 0: empty slot; 1: in use
        uint32_t value;           ///< the owner index (OwnerInfo)
        uint32_t residual;        ///< residual postings (empty selectors)
        uint8_t tuples;           ///< tuples in use (the first HOT_TUPLES are below)
        uint8_t hasDefault;       ///< a default BID is set
        uint16_t pad;             ///< unused
        uint16_t hot[HOT_TUPLES]; ///< packed tuples: format << 12 | field << 8 | length
    };

    /**
     * \brief A flat open-addressing hash table from a 64-bit key to a slot (linear probing,
     * backward-shift delete); a slot with count 0 is empty.
     * \tparam S the slot type (members key and count)
     */
    template <typename S>
    class FlatMap
    {
      public:
        /**
         * \brief The slot of a key.
         * \param key the key
         * \return the slot, or nullptr; valid until the next Insert or Erase
         */
        S* Find(uint64_t key);
        /**
         * \brief The slot of a key (const).
         * \param key the key
         * \return the slot, or nullptr
         */
        const S* Find(uint64_t key) const;
        /**
         * \brief The slot of a key, whose home position is known.
         * \param key the key
         * \param home Home(key)
         * \return the slot, or nullptr
         */
        const S* FindAt(uint64_t key, uint32_t home) const;
        /**
         * \brief Start loading the home slot of a key into the cache.
         * \param key the key
         * \return Home(key) (0 when the table is empty)
         */
        uint32_t Prefetch(uint64_t key) const;
        /**
         * \brief Insert an absent key.
         * \param key the key
         * \return its slot (zeroed but for the key: the caller sets count and the rest)
         */
        S* Insert(uint64_t key);
        /**
         * \brief Erase a slot returned by Find.
         * \param slot the slot
         */
        void Erase(S* slot);
        /// \brief Remove everything.
        void Clear();

      private:
        /**
         * \brief The home position of a key.
         * \param key the key
         * \return the slot index
         */
        uint32_t Home(uint64_t key) const;
        /**
         * \brief Double the capacity.
         */
        void Grow();
        std::vector<S> m_slots; ///< capacity: a power of two
        uint32_t m_used{0};     ///< occupied slots
    };

    /// Where one posting of an entry is.
    struct Place
    {
        uint64_t key;     ///< its bucket
        uint32_t posting; ///< the posting
        uint8_t field;    ///< its tuple: field
        uint8_t length;   ///< its tuple: prefix length
    };

    /// An entry with its bookkeeping (cold: read only for the winner).
    struct alignas(64) Record
    {
        FlowBindingEntry entry;    ///< the entry (its first cache line: fid, action, hits, bids)
        uint32_t owner{NONE};      ///< owner index
        uint32_t position{0};      ///< position in the owner's list of records
        bool live{false};          ///< in use
        bool residual{false};      ///< in the owner's residual list
        std::vector<Place> places; ///< its postings (none when inactive)
    };

    /// The entries of one owner (cold: its hot part is its OwnerSlot).
    struct OwnerInfo
    {
        uint64_t owner{0};                            ///< the owner key
        uint32_t residual{NONE};                      ///< residual postings (empty selectors)
        bool hasDefault{false};                       ///< a default BID is set
        bool live{false};                             ///< in use
        std::vector<Tuple> tuples;                    ///< its tuples
        std::vector<uint16_t> defaultBids;            ///< {default BID}
        std::vector<uint32_t> records;                ///< its records
        std::unordered_map<uint16_t, uint32_t> byFid; ///< FID -> record
    };

    /**
     * \brief Whether an entry is well-formed.
     * \param e the entry
     * \return true when valid
     */
    static bool IsValid(const FlowBindingEntry& e);
    /**
     * \brief A record by index.
     * \param r the index
     * \return the record
     */
    Record& Rec(uint32_t r) const;
    /**
     * \brief A free record (allocated in chunks: addresses stay valid).
     * \return its index
     */
    uint32_t NewRecord();
    /**
     * \brief The index of an owner, created when absent and \p create.
     * \param owner the owner key
     * \param create whether to create it
     * \return the index, or NONE
     */
    uint32_t OwnerIndex(uint64_t owner, bool create);
    /**
     * \brief The record of (owner, FID).
     * \param owner the owner key
     * \param fid the FID
     * \return the record index, or NONE
     */
    uint32_t RecordOf(uint64_t owner, uint16_t fid) const;
    /**
     * \brief Put an active record into the index.
     * \param r the record index
     */
    void Index(uint32_t r);
    /**
     * \brief Take a record out of the index.
     * \param r the record index
     */
    void Unindex(uint32_t r);
    /**
     * \brief Count a tuple of an owner up or down (and the table's tuples, m_tuples).
     * \param o the owner
     * \param format the format
     * \param field the field
     * \param length the prefix length
     * \param delta +1 or -1
     */
    void CountTuple(OwnerInfo& o, uint8_t format, uint8_t field, uint8_t length, int delta);
    /**
     * \brief Count a tuple up or down in a list of tuples.
     * \param tuples the list
     * \param format the format
     * \param field the field
     * \param length the prefix length
     * \param delta +1 or -1
     * \return the tuple's count after the change
     */
    static uint32_t CountIn(std::vector<Tuple>& tuples,
                            uint8_t format,
                            uint8_t field,
                            uint8_t length,
                            int delta);
    /**
     * \brief Copy an owner's residual head, default flag and first tuples into its slot.
     * \param o the owner
     */
    void SyncOwnerSlot(const OwnerInfo& o);
    /**
     * \brief Set a bucket's head entry after its chain changed.
     * \param slot the bucket
     */
    void SyncHead(IndexSlot* slot);
    /**
     * \brief Insert a posting into a chain, keeping it sorted by order.
     * \param head the chain's head
     * \param p the posting
     */
    void Link(uint32_t& head, uint32_t p);
    /**
     * \brief Remove a posting from a chain.
     * \param head the chain's head
     * \param p the posting
     */
    void Unlink(uint32_t& head, uint32_t p);
    /**
     * \brief Whether a posting's entry matches a packet.
     * \param p the posting
     * \param key the packet
     * \return true on a match
     */
    bool Matches(const Posting& p, const TrafficSelector::FlowKey& key) const;
    /**
     * \brief The winning record of an owner.
     * \param owner the owner key
     * \param key the packet
     * \param slot set to the owner's slot (nullptr: unknown owner)
     * \return the record index, or NONE
     */
    uint32_t Best(uint64_t owner,
                  const TrafficSelector::FlowKey& key,
                  const OwnerSlot*& slot) const;
    /**
     * \brief Free an owner that has no entry and no default BID.
     * \param ownerIndex the owner's index
     */
    void EraseIfEmpty(uint32_t ownerIndex);
    /**
     * \brief Free a record (its postings must be gone) and forget it in its owner.
     * \param r the record index
     */
    void FreeRecord(uint32_t r);

    FlatMap<OwnerSlot> m_ownerMap;                   ///< owner key -> owner
    FlatMap<IndexSlot> m_index;                      ///< bucket key -> postings
    std::vector<Tuple> m_tuples;                     ///< tuples in use: count = owners
    std::vector<OwnerInfo> m_ownerInfos;             ///< owners
    std::vector<uint32_t> m_freeOwners;              ///< free owner indices
    std::vector<std::unique_ptr<Record[]>> m_chunks; ///< records, RECORD_CHUNK per chunk
    std::vector<uint32_t> m_freeRecords;             ///< free record indices
    uint32_t m_records;                              ///< records allocated
    std::vector<Posting> m_postings;                 ///< postings
    uint32_t m_freePosting;                          ///< free list of postings
    uint32_t m_size;                                 ///< entries
    uint32_t m_defaults;                             ///< owners with a default BID
    uint64_t m_classified;                           ///< Classify calls
    TracedCallback<const FlowBindingEntry&, Change> m_changedTrace; ///< EntryChanged
};

} // namespace ns3

#endif /* PMIPV6_FLOW_BINDING_TABLE_H */

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
    uint64_t owner{0};        ///< opaque key chosen by the caller (mobile node, BCE, ...)
    uint16_t fid{0};          ///< flow identifier, unique per owner
    uint16_t priority{0};     ///< FID-PRI: a LOWER value takes precedence
    TrafficSelector selector; ///< RFC 6088 selector (IPv6 or IPv4 binary format)
    FlowBindingAction action{FlowBindingAction::FORWARD}; ///< what to do on a match
    std::vector<uint16_t> bids; ///< target binding identifiers (FORWARD uses the first)
    bool active{true};          ///< an inactive entry matches nothing
    uint64_t hits{0};           ///< packets it classified (kept across Modify)
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
 * \par Indexes and cost
 * Entries live per owner (one hash probe finds the owner). Each active entry is placed in ONE
 * place of its owner: the exact-match index of one field whose selector value is a single
 * value (destination port, source port, destination address, source address, flow label,
 * IPsec SPI; the field whose bucket for that value is currently the smallest, ties in that
 * order), or the residual list when no field is single-valued (ranges and wildcards only).
 * Buckets and the residual list are sorted by (priority, FID). Classify probes each index in
 * use by the owner once (at most 6 hash probes), verifies the entries of the probed buckets in
 * order and stops in a bucket at its first match or at the first entry that cannot beat the
 * best match so far, then walks the residual list the same way.
 * Cost per packet: O(1 + P + B + R) where P <= 6 is the number of index kinds in use, B the
 * entries verified in the probed buckets (entries sharing the packet's value in a field; 1 for
 * distinct flows) and R the residual entries ranked before the winner. Independent of the
 * number of owners and of entries in other buckets. Worst case: an owner with R wildcard /
 * range entries that all fail to match is a linear scan of those R entries; likewise B when
 * many entries share the single value of every field they fix.
 * Inactive entries are not indexed (SetActive moves them in or out). Changes cost O(bucket).
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
    bool IsEmpty() const;
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
    /// Index kinds, in tie-break order of the anchor choice.
    enum IndexKind : uint8_t
    {
        IDX_DST_PORT = 0,
        IDX_SRC_PORT = 1,
        IDX_DST_ADDR = 2,
        IDX_SRC_ADDR = 3,
        IDX_FLOW_LABEL = 4,
        IDX_SPI = 5,
        IDX_COUNT = 6,
        IDX_RESIDUAL = 0xff, ///< not in an exact-match index
        IDX_NONE = 0xfe,     ///< not indexed (inactive)
    };

    /// An entry with its bookkeeping.
    struct Node
    {
        FlowBindingEntry entry;       ///< the entry
        uint32_t order;               ///< (priority << 16) | fid: lower wins
        uint8_t index;                ///< IndexKind it is placed in
        uint64_t key;                 ///< its key in that index (numeric fields)
        std::array<uint8_t, 16> addr; ///< its key in that index (address fields)
    };

    /// Entries sorted by order.
    typedef std::vector<Node*> Bucket;

    /// Hash of a 16-octet address key.
    struct AddrHash
    {
        /**
         * \brief Hash.
         * \param a the key
         * \return the hash
         */
        size_t operator()(const std::array<uint8_t, 16>& a) const;
    };

    /// The entries of one owner.
    struct OwnerTable
    {
        std::unordered_map<uint16_t, Node> byFid;                ///< all entries
        std::unordered_map<uint64_t, Bucket> numeric[IDX_COUNT]; ///< ports, label, SPI
        std::unordered_map<std::array<uint8_t, 16>, Bucket, AddrHash> address[2]; ///< dst, src
        Bucket residual;                   ///< entries with no single-valued field
        uint32_t used[IDX_COUNT]{};        ///< indexed entries per kind
        bool hasDefault{false};            ///< a default BID is set
        std::vector<uint16_t> defaultBids; ///< {default BID}
    };

    /**
     * \brief Whether an entry is well-formed.
     * \param e the entry
     * \return true when valid
     */
    static bool IsValid(const FlowBindingEntry& e);
    /**
     * \brief Put an active node into the best index of its owner.
     * \param t the owner's table
     * \param n the node
     */
    void Index(OwnerTable& t, Node& n);
    /**
     * \brief Take a node out of its index.
     * \param t the owner's table
     * \param n the node
     */
    void Unindex(OwnerTable& t, Node& n);
    /**
     * \brief The bucket of an index kind for a value, or nullptr.
     * \param t the owner's table
     * \param kind the index kind
     * \param key numeric value
     * \param addr address value
     * \return the bucket
     */
    static const Bucket* Probe(const OwnerTable& t,
                               uint8_t kind,
                               uint64_t key,
                               const uint8_t* addr);
    /**
     * \brief The winning node of an owner.
     * \param t the owner's table
     * \param key the packet
     * \return the node, or nullptr
     */
    static const Node* Best(const OwnerTable& t, const TrafficSelector::FlowKey& key);
    /**
     * \brief Erase an owner whose table became empty.
     * \param owner the owner
     */
    void EraseIfEmpty(uint64_t owner);

    std::unordered_map<uint64_t, OwnerTable> m_owners;              ///< per owner
    uint32_t m_size;                                                ///< entries
    uint32_t m_defaults;                                            ///< owners with a default BID
    uint64_t m_classified;                                          ///< Classify calls
    TracedCallback<const FlowBindingEntry&, Change> m_changedTrace; ///< EntryChanged
};

} // namespace ns3

#endif /* PMIPV6_FLOW_BINDING_TABLE_H */

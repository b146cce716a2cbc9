/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_PREFIX_POOL_H
#define PMIPV6_PREFIX_POOL_H

#include "ns3/ipv6-address.h"
#include "ns3/object.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <set>
#include <unordered_set>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief A Home Network Prefix (RFC 5213 2.2): an IPv6 prefix and its length.
 *
 * Only the first \c length bits of \c prefix are significant: equality, ordering, hashing,
 * Contains() and printing all ignore the bits after the length (the constructor also clears
 * them), so a prefix written with host bits set names the same HNP. A length above 128 is
 * treated as 128 by Contains() and GetIpv6Prefix() but keeps its value for equality.
 *
 * The all-zero prefix (RFC 5213 8.1: "::" in a PBU's HNP option) means "assign one";
 * IsUnspecified() tells it apart. Default construction gives ::/0.
 */
struct HomeNetworkPrefix
{
    Ipv6Address prefix; ///< the prefix (bits after \c length are ignored)
    uint8_t length = 0; ///< the prefix length in bits

    /// \brief The unspecified HNP ::/0.
    HomeNetworkPrefix();
    /**
     * \brief Construct an HNP; the bits of \p p after \p len are cleared.
     * \param p the prefix
     * \param len the prefix length in bits
     */
    HomeNetworkPrefix(Ipv6Address p, uint8_t len);

    /**
     * \brief Equality of the significant bits and of the length.
     * \param o the other HNP
     * \return true when equal
     */
    bool operator==(const HomeNetworkPrefix& o) const;
    /**
     * \brief Inequality.
     * \param o the other HNP
     * \return true when different
     */
    bool operator!=(const HomeNetworkPrefix& o) const;
    /**
     * \brief Strict weak order: by the masked prefix octets, then by length.
     * \param o the other HNP
     * \return true when this one sorts first
     */
    bool operator<(const HomeNetworkPrefix& o) const;

    /**
     * \brief The length as an ns-3 prefix (lengths above 128 give /128).
     * \return the ns-3 prefix mask
     */
    Ipv6Prefix GetIpv6Prefix() const;
    /**
     * \brief Whether an address lies inside this prefix.
     * \param a the address
     * \return true when the first \c length bits of \p a equal the prefix
     */
    bool Contains(Ipv6Address a) const;
    /**
     * \brief Whether the prefix octets are all zero (the "assign one" HNP of a PBU),
     * whatever the length.
     * \return true when the prefix is ::
     */
    bool IsUnspecified() const;
    /**
     * \brief The prefix with the bits after the length cleared.
     * \return the masked prefix address
     */
    Ipv6Address GetMaskedPrefix() const;
    /**
     * \brief The 16 octets of the masked prefix.
     * \return the octets
     */
    std::array<uint8_t, 16> GetMaskedBytes() const;
};

/**
 * \brief Print an HNP as "prefix/len", e.g. "2001:1:1::/64".
 * \param os the stream
 * \param hnp the HNP
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, const HomeNetworkPrefix& hnp);

/**
 * \ingroup pmipv6
 * \brief Hash of a HomeNetworkPrefix, consistent with its operator== (masked bits and length),
 * for std::unordered_map / std::unordered_set.
 */
struct HomeNetworkPrefixHash
{
    /**
     * \brief The hash.
     * \param hnp the HNP
     * \return its hash value
     */
    std::size_t operator()(const HomeNetworkPrefix& hnp) const;
};

/**
 * \ingroup pmipv6
 * \brief A pool of Home Network Prefixes carved out of one block (an LMA's prefix pool).
 *
 * The block is BasePrefix/BasePrefixLength; every allocated prefix is AllocatedPrefixLength
 * long. Prefix number i (i = 0, 1, 2, ...) is the base with the subnet bits
 * [BasePrefixLength, AllocatedPrefixLength) set to i; with the defaults, 2001:1:1::/64,
 * 2001:1:1:1::/64, 2001:1:1:2::/64, ...
 *
 * Capacity: 2^(AllocatedPrefixLength - BasePrefixLength) prefixes, capped at 2^32 (so only
 * the lowest 32 subnet bits are ever enumerated), and further at MaxPrefixes when that is not
 * zero. Nothing is stored per free prefix, so a large block costs nothing.
 *
 * Allocation order (deterministic): prefixes never handed out before come first, in
 * ascending order (a released prefix is not reused at once, so a stale route or neighbor
 * cache elsewhere does not capture another node's traffic); once the whole space has been
 * walked, released prefixes are reused lowest first. Prefixes taken by Reserve() are skipped.
 *
 * Reserve() also accepts prefixes outside the block (statically configured HNPs of other
 * ranges): they are tracked in a set so that IsAllocated(), Release() and GetAllocatedCount()
 * work uniformly, but Allocate() never returns them.
 *
 * All operations are O(1) or O(log n) (amortized for Allocate(), which skips reserved
 * prefixes ahead of its cursor once each).
 *
 * The three attributes may only change while nothing is allocated.
 */
class PrefixPool : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PrefixPool();
    ~PrefixPool() override;

    /**
     * \brief Allocate the next free prefix of the block.
     * \param out the allocated prefix (untouched on failure)
     * \return false when the pool is exhausted (or misconfigured)
     */
    bool Allocate(HomeNetworkPrefix& out);
    /**
     * \brief Mark a prefix as taken (e.g. a statically configured HNP).
     * \param hnp the prefix, inside the block or not
     * \return false when it was already taken
     */
    bool Reserve(const HomeNetworkPrefix& hnp);
    /**
     * \brief Give a prefix back (allocated or reserved). Releasing a free prefix does nothing.
     * \param hnp the prefix
     */
    void Release(const HomeNetworkPrefix& hnp);
    /**
     * \brief Whether a prefix is taken (allocated or reserved).
     * \param hnp the prefix
     * \return true when taken
     */
    bool IsAllocated(const HomeNetworkPrefix& hnp) const;
    /**
     * \brief Number of prefixes taken (allocated or reserved, inside the block or not).
     * \return the count
     */
    uint32_t GetAllocatedCount() const;

    /**
     * \brief Whether a prefix is one that Allocate() can hand out (inside the block, of the
     * allocated length, and within the capacity).
     * \param hnp the prefix
     * \return true when it belongs to the pool
     */
    bool IsInPool(const HomeNetworkPrefix& hnp) const;
    /**
     * \brief Number of prefixes Allocate() can ever hand out (see the class doc).
     * \return the capacity, 0 when the configuration is invalid
     */
    uint64_t GetCapacity() const;
    /**
     * \brief Number of prefixes of the block still free.
     * \return the count
     */
    uint64_t GetFreeCount() const;

    /**
     * \brief Set the block's base prefix (attribute BasePrefix).
     * \param base the base prefix (bits after the base length are ignored)
     */
    void SetBasePrefix(Ipv6Address base);
    /**
     * \brief Get the block's base prefix.
     * \return the base prefix, masked to the base length
     */
    Ipv6Address GetBasePrefix() const;
    /**
     * \brief Set the block's length (attribute BasePrefixLength).
     * \param length 0..128
     */
    void SetBasePrefixLength(uint8_t length);
    /**
     * \brief Get the block's length.
     * \return the length
     */
    uint8_t GetBasePrefixLength() const;
    /**
     * \brief Set the length of the allocated prefixes (attribute AllocatedPrefixLength).
     * \param length BasePrefixLength..128
     */
    void SetAllocatedPrefixLength(uint8_t length);
    /**
     * \brief Get the length of the allocated prefixes.
     * \return the length
     */
    uint8_t GetAllocatedPrefixLength() const;
    /**
     * \brief Set the extra cap on the number of prefixes (attribute MaxPrefixes, 0 = none).
     * \param maxPrefixes the cap
     */
    void SetMaxPrefixes(uint32_t maxPrefixes);
    /**
     * \brief Get the extra cap on the number of prefixes.
     * \return the cap, 0 = none
     */
    uint32_t GetMaxPrefixes() const;

  private:
    /**
     * \brief Abort when the configuration changes while prefixes are taken.
     * \param what the attribute being changed
     */
    void CheckUnused(const char* what) const;
    /**
     * \brief The prefix number i of the block.
     * \param index i, below the capacity
     * \return the prefix
     */
    HomeNetworkPrefix IndexToPrefix(uint64_t index) const;
    /**
     * \brief The number of a prefix of the block.
     * \param hnp the prefix
     * \param index its number, when in the pool
     * \return false when the prefix is not in the pool
     */
    bool PrefixToIndex(const HomeNetworkPrefix& hnp, uint64_t& index) const;

    Ipv6Address m_basePrefix;             ///< the block's prefix
    uint8_t m_basePrefixLength;           ///< the block's length
    uint8_t m_allocatedPrefixLength;      ///< the length of every allocated prefix
    uint32_t m_maxPrefixes;               ///< extra cap on the capacity, 0 = none
    uint64_t m_next;                      ///< numbers below it were handed out or reserved once
    std::set<uint64_t> m_released;        ///< numbers below m_next that are free again
    std::unordered_set<uint64_t> m_taken; ///< numbers of the block that are taken
    std::unordered_set<HomeNetworkPrefix, HomeNetworkPrefixHash>
        m_external; ///< reserved prefixes outside the pool
};

} // namespace ns3

#endif // PMIPV6_PREFIX_POOL_H

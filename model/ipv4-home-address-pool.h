/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_IPV4_HOME_ADDRESS_POOL_H
#define PMIPV6_IPV4_HOME_ADDRESS_POOL_H

#include "ns3/ipv4-address.h"

#include <cstdint>
#include <unordered_set>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The LMA's pool of IPv4 home addresses (RFC 5844 3.1.3): the host addresses of one
 * IPv4 network, minus reserved ones (e.g. the default router).
 *
 * Every operation is O(1) amortized: allocation takes a released address first (most recent
 * first), else the next never-allocated one; a specific address is taken directly.
 */
class Ipv4HomeAddressPool
{
  public:
    /// \brief An empty pool (no addresses until Configure()).
    Ipv4HomeAddressPool();

    /**
     * \brief Set the network and forget every allocation.
     * \param network the network address (host bits are ignored)
     * \param mask its mask; a /31 or /32 has no host address
     */
    void Configure(Ipv4Address network, Ipv4Mask mask);

    /**
     * \brief Never hand out this address (e.g. the default router); call after Configure().
     * \param address the address (ignored when outside the pool)
     */
    void Reserve(Ipv4Address address);

    /**
     * \brief Allocate any free address.
     * \return the address, or 0.0.0.0 when the pool is exhausted
     */
    Ipv4Address Allocate();

    /**
     * \brief Allocate a given address.
     * \param address the address
     * \return true when it is a host address of the pool and was free (now allocated)
     */
    bool AllocateSpecific(Ipv4Address address);

    /**
     * \brief Return an allocated address to the pool (a no-op for any other address).
     * \param address the address
     */
    void Release(Ipv4Address address);

    /**
     * \brief Whether an address is a host address of the pool (not the network, broadcast or a
     * reserved address).
     * \param address the address
     * \return true when it is
     */
    bool Contains(Ipv4Address address) const;

    /**
     * \brief Whether an address is allocated.
     * \param address the address
     * \return true when allocated
     */
    bool IsAllocated(Ipv4Address address) const;

    /**
     * \brief The number of allocated addresses.
     * \return the count
     */
    uint32_t GetAllocatedCount() const;

    /**
     * \brief The pool's prefix length (from its mask).
     * \return bits
     */
    uint8_t GetPrefixLength() const;

    /**
     * \brief The first host address of the network (network + 1).
     * \return the address, or 0.0.0.0 when the network has none
     */
    Ipv4Address GetFirstHostAddress() const;

  private:
    uint32_t m_first{0};                     ///< first host address (network + 1)
    uint32_t m_last{0};                      ///< last host address (broadcast - 1)
    uint32_t m_next{0};                      ///< next never-allocated candidate
    uint8_t m_prefixLength{0};               ///< prefix length
    bool m_valid{false};                     ///< the network has host addresses
    std::unordered_set<uint32_t> m_used;     ///< allocated addresses
    std::unordered_set<uint32_t> m_reserved; ///< never allocated
    std::vector<uint32_t> m_released;        ///< released addresses (may hold re-taken ones)
};

} // namespace ns3

#endif /* PMIPV6_IPV4_HOME_ADDRESS_POOL_H */

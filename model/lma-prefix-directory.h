/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_PREFIX_DIRECTORY_H
#define PMIPV6_LMA_PREFIX_DIRECTORY_H

#include "prefix-pool.h"

#include "ns3/ipv6-address.h"
#include "ns3/object.h"

#include <map>
#include <unordered_map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The table of draft-wu-netext-local-ro-02 7 (a) and Appendix A.2: the home network
 * prefix blocks (/48, /32, ...) of a PMIPv6 domain and the address of the LMA that anchors
 * each, searched by longest prefix match. An LMA uses it to find the LMA (LMA2) that anchors a
 * correspondent node it does not anchor itself (inter-LMA local routing); the LMAs of a domain
 * may share one table.
 *
 * Lookup cost: one hash lookup per distinct prefix length in the table (not per entry).
 */
class LmaPrefixDirectory : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LmaPrefixDirectory();
    ~LmaPrefixDirectory() override;

    /**
     * \brief Add (or replace) a prefix block and its LMA.
     * \param prefix the block
     * \param lma the address of the LMA that anchors the mobile nodes of the block
     */
    void Add(const HomeNetworkPrefix& prefix, Ipv6Address lma);

    /**
     * \brief Remove a prefix block.
     * \param prefix the block
     * \return false when it was not in the table
     */
    bool Remove(const HomeNetworkPrefix& prefix);

    /**
     * \brief The LMA of the longest block that holds an address.
     * \param address the address (or a prefix)
     * \param lma set to the LMA's address when found
     * \return false when no block holds it
     */
    bool Lookup(Ipv6Address address, Ipv6Address& lma) const;

    /**
     * \brief The number of blocks.
     * \return the count
     */
    uint32_t GetSize() const;

  private:
    /// Blocks by prefix length (longest first), each a hash map prefix -> LMA.
    std::map<uint8_t,
             std::unordered_map<HomeNetworkPrefix, Ipv6Address, HomeNetworkPrefixHash>,
             std::greater<uint8_t>>
        m_blocks;
};

} // namespace ns3

#endif /* PMIPV6_LMA_PREFIX_DIRECTORY_H */

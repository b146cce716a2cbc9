/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_PREFIX_TABLE_H
#define PMIPV6_PREFIX_TABLE_H

#include "ns3/assert.h"
#include "ns3/ipv6-address.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief A 128-bit value (an IPv6 address or masked prefix, as its two 64-bit halves in
 * memory order) and its hash: a few multiplications instead of ns-3's Ipv6AddressHash (a
 * Jenkins hash over a copy of the octets), for the per-packet lookups of the data path.
 */
struct AddressKey
{
    uint64_t a; ///< octets 0-7
    uint64_t b; ///< octets 8-15

    /**
     * \brief The key of an address.
     * \param address the address
     * \return the key
     */
    static AddressKey Of(const Ipv6Address& address)
    {
        uint8_t octets[16];
        address.GetBytes(octets);
        AddressKey k;
        std::memcpy(&k.a, octets, 8);
        std::memcpy(&k.b, octets + 8, 8);
        return k;
    }

    /**
     * \brief This key masked.
     * \param mask the mask (a prefix's key)
     * \return the masked key
     */
    AddressKey Masked(const AddressKey& mask) const
    {
        return AddressKey{a & mask.a, b & mask.b};
    }

    /**
     * \brief Equality.
     * \param other the other key
     * \return true when equal
     */
    bool operator==(const AddressKey& other) const
    {
        return a == other.a && b == other.b;
    }

    /**
     * \brief The hash of the key.
     * \return the hash
     */
    size_t Hash() const
    {
        uint64_t x = (a ^ (b * 0x9E3779B97F4A7C15ULL)) * 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 31;
        x *= 0x94d049bb133111ebULL;
        return size_t(x ^ (x >> 29));
    }

    /// Hash functor of AddressKey for unordered containers.
    struct Hasher
    {
        /**
         * \brief Hash a key.
         * \param k the key
         * \return the hash
         */
        size_t operator()(const AddressKey& k) const
        {
            return k.Hash();
        }
    };
};

/**
 * \ingroup pmipv6
 * \brief IPv6 prefixes mapped to values, with longest-prefix lookup of an address.
 *
 * One hash map per prefix length in use, longest length first: a lookup costs one hash probe
 * per distinct length (one when every home network prefix is a /64), never a scan of the
 * entries. Used by the LMA's and the MAG's routing protocols.
 * \tparam T the value type
 */
template <typename T>
class PrefixTable
{
  public:
    /**
     * \brief Add or replace the value of a prefix.
     * \param prefix the prefix (bits beyond \p length are ignored)
     * \param length its length, at most 128
     * \param value the value
     * \return true when the prefix was not in the table
     */
    bool Insert(Ipv6Address prefix, uint8_t length, const T& value)
    {
        NS_ASSERT_MSG(length <= 128, "prefix length " << +length);
        auto table = std::find_if(m_tables.begin(), m_tables.end(), [length](const auto& t) {
            return t.length <= length;
        });
        if (table == m_tables.end() || table->length != length)
        {
            uint8_t mask[16];
            Ipv6Prefix(length).GetBytes(mask);
            table =
                m_tables.insert(table, LengthTable{length, AddressKey::Of(Ipv6Address(mask)), {}});
        }
        bool added =
            table->map.insert_or_assign(AddressKey::Of(prefix).Masked(table->mask), value).second;
        m_size += added ? 1 : 0;
        return added;
    }

    /**
     * \brief Remove a prefix.
     * \param prefix the prefix
     * \param length its length
     * \return true when it was in the table
     */
    bool Remove(Ipv6Address prefix, uint8_t length)
    {
        for (auto t = m_tables.begin(); t != m_tables.end(); ++t)
        {
            if (t->length != length)
            {
                continue;
            }
            if (t->map.erase(AddressKey::Of(prefix).Masked(t->mask)) == 0)
            {
                return false;
            }
            m_size--;
            if (t->map.empty())
            {
                m_tables.erase(t);
            }
            return true;
        }
        return false;
    }

    /**
     * \brief The value of exactly this prefix.
     * \param prefix the prefix
     * \param length its length
     * \return the value, or nullptr
     */
    const T* Find(Ipv6Address prefix, uint8_t length) const
    {
        for (const auto& t : m_tables)
        {
            if (t.length == length)
            {
                auto it = t.map.find(AddressKey::Of(prefix).Masked(t.mask));
                return it == t.map.end() ? nullptr : &it->second;
            }
        }
        return nullptr;
    }

    /**
     * \brief The value of the longest prefix that holds an address.
     * \param address the address
     * \return the value, or nullptr
     */
    const T* Lookup(Ipv6Address address) const
    {
        AddressKey key = AddressKey::Of(address);
        for (const auto& t : m_tables)
        {
            auto it = t.map.find(key.Masked(t.mask));
            if (it != t.map.end())
            {
                return &it->second;
            }
        }
        return nullptr;
    }

    /**
     * \brief Number of prefixes.
     * \return the count
     */
    uint32_t GetSize() const
    {
        return m_size;
    }

    /**
     * \brief Whether the table holds no prefix.
     * \return true when empty
     */
    bool IsEmpty() const
    {
        return m_size == 0;
    }

    /// \brief Remove every prefix.
    void Clear()
    {
        m_tables.clear();
        m_size = 0;
    }

    /**
     * \brief Call \p f(value) for every value, longest prefixes first.
     * \param f the function
     */
    template <typename F>
    void ForEach(F f) const
    {
        for (const auto& t : m_tables)
        {
            for (const auto& entry : t.map)
            {
                f(entry.second);
            }
        }
    }

  private:
    /// The prefixes of one length.
    struct LengthTable
    {
        uint8_t length;                                            ///< the length
        AddressKey mask;                                           ///< its mask
        std::unordered_map<AddressKey, T, AddressKey::Hasher> map; ///< masked prefix -> value
    };

    std::vector<LengthTable> m_tables; ///< non-empty tables, longest length first
    uint32_t m_size{0};                ///< number of prefixes
};

} // namespace ns3

#endif /* PMIPV6_PREFIX_TABLE_H */

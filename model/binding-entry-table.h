/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_BINDING_ENTRY_TABLE_H
#define PMIPV6_BINDING_ENTRY_TABLE_H

#include "prefix-pool.h"

#include "ns3/assert.h"
#include "ns3/ipv6-address.h"
#include "ns3/ptr.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The entries of a binding table (the LMA's Binding Cache, the MAG's Binding Update
 * List), by id and indexed by MN-ID and by home network prefix.
 *
 * It owns the ids (1, 2, ... in the order of Add()) and the indexes; the container that uses
 * it owns the entries' meaning, their timers and the trace sources. Every key maps to a list
 * of entries sorted by id, so that when two entries share a key the Find methods return the
 * earliest added. FindByAddress() costs one hash lookup per distinct prefix length in use,
 * whatever the number of entries. Unspecified (all-zero) HNPs are not indexed, and an HNP
 * listed twice by one entry is indexed once.
 *
 * FindById() and Contains() are one hash lookup; GetEntries() sorts by id.
 *
 * An entry's keys are read when it is added and when Reindex() is called; the table
 * remembers them, so that an entry whose fields changed since is still removed from the
 * right lists.
 *
 * \tparam Entry a reference-counted type with the fields \c id (uint64_t), \c mnId
 * (std::string) and \c homeNetworkPrefixes (std::vector<HomeNetworkPrefix>)
 */
template <class Entry>
class BindingEntryTable
{
  public:
    /// A list of entries, earliest added first.
    typedef std::vector<Ptr<Entry>> EntryVector;

    /**
     * \brief Insert an entry in the list of a key, keeping the list sorted by id.
     *
     * Also serves the containers' own extra indexes (the MAG's MAC-address index).
     * \tparam Index an associative container from the key to an EntryVector
     * \tparam Key the key type
     * \param index the index
     * \param key the key
     * \param e the entry (its id set)
     */
    template <class Index, class Key>
    static void InsertUnder(Index& index, const Key& key, const Ptr<Entry>& e)
    {
        EntryVector& v = index[key];
        auto pos =
            std::lower_bound(v.begin(), v.end(), e->id, [](const Ptr<Entry>& x, uint64_t id) {
                return x->id < id;
            });
        v.insert(pos, e);
    }

    /**
     * \brief Remove an entry from the list of a key, and the key when its list empties.
     * \tparam Index an associative container from the key to an EntryVector
     * \tparam Key the key type
     * \param index the index
     * \param key the key
     * \param e the entry
     */
    template <class Index, class Key>
    static void EraseUnder(Index& index, const Key& key, const Ptr<Entry>& e)
    {
        auto it = index.find(key);
        if (it == index.end())
        {
            return;
        }
        EntryVector& v = it->second;
        v.erase(std::remove(v.begin(), v.end(), e), v.end());
        if (v.empty())
        {
            index.erase(it);
        }
    }

    /**
     * \brief The first entry under a key.
     * \tparam Index an associative container from the key to an EntryVector
     * \tparam Key the key type
     * \param index the index
     * \param key the key
     * \return the earliest added entry, nullptr when none
     */
    template <class Index, class Key>
    static Ptr<Entry> FirstUnder(const Index& index, const Key& key)
    {
        auto it = index.find(key);
        return it == index.end() ? nullptr : it->second.front();
    }

    /**
     * \brief Whether an entry is in the table (the same object, not only the same id).
     * \param e the entry, may be null
     * \return true when it is
     */
    bool Contains(const Entry* e) const
    {
        if (e == nullptr)
        {
            return false;
        }
        auto it = m_entries.find(e->id);
        return it != m_entries.end() && PeekPointer(it->second.entry) == e;
    }

    /**
     * \brief Add an entry: give it the next id and index it under its MN-ID and HNPs.
     * \param e the entry, not in the table
     */
    void Add(const Ptr<Entry>& e)
    {
        NS_ASSERT_MSG(e && !Contains(PeekPointer(e)), "BindingEntryTable::Add: null or added");
        e->id = m_nextId++;
        Record& r = m_entries[e->id];
        r.entry = e;
        Index(r);
    }

    /**
     * \brief Index an entry again under its current MN-ID and HNPs.
     * \param e the entry
     * \return false when it is not in the table
     */
    bool Reindex(const Ptr<Entry>& e)
    {
        auto it = e ? m_entries.find(e->id) : m_entries.end();
        if (it == m_entries.end() || it->second.entry != e)
        {
            return false;
        }
        Unindex(it->second);
        Index(it->second);
        return true;
    }

    /**
     * \brief Remove an entry and its index keys.
     * \param e the entry
     * \return false when it was not in the table
     */
    bool Remove(const Ptr<Entry>& e)
    {
        if (!Contains(PeekPointer(e)))
        {
            return false;
        }
        auto it = m_entries.find(e->id);
        Unindex(it->second);
        m_entries.erase(it);
        return true;
    }

    /// \brief Forget every entry (no traces, no timers: the container's business).
    void Clear()
    {
        m_entries.clear();
        m_byMnId.clear();
        m_byPrefix.clear();
        m_prefixLengths.clear();
    }

    /**
     * \brief Find an entry by id.
     * \param id the id
     * \return the entry, nullptr when none
     */
    Ptr<Entry> FindById(uint64_t id) const
    {
        auto it = m_entries.find(id);
        return it == m_entries.end() ? nullptr : it->second.entry;
    }

    /**
     * \brief The entry an HNP is bound to (hash lookup).
     * \param hnp the prefix (exact prefix and length)
     * \return the earliest added entry with \p hnp, nullptr when none
     */
    Ptr<Entry> FindByPrefix(const HomeNetworkPrefix& hnp) const
    {
        return FirstUnder(m_byPrefix, hnp);
    }

    /**
     * \brief Every entry an HNP is bound to.
     * \param hnp the prefix
     * \return the entries, earliest added first
     */
    EntryVector FindAllByPrefix(const HomeNetworkPrefix& hnp) const
    {
        auto it = m_byPrefix.find(hnp);
        return it == m_byPrefix.end() ? EntryVector() : it->second;
    }

    /**
     * \brief The entry whose HNP holds an address, longest prefix first.
     * \param a the address
     * \return the earliest added entry with the longest matching HNP, nullptr when none
     */
    Ptr<Entry> FindByAddress(Ipv6Address a) const
    {
        for (const auto& kv : m_prefixLengths)
        {
            auto it = m_byPrefix.find(HomeNetworkPrefix(a, kv.first));
            if (it != m_byPrefix.end())
            {
                return it->second.front();
            }
        }
        return nullptr;
    }

    /**
     * \brief The entries of a mobile node.
     * \param mnId the MN-ID
     * \return the entries, earliest added first
     */
    EntryVector FindByMnId(const std::string& mnId) const
    {
        auto it = m_byMnId.find(mnId);
        return it == m_byMnId.end() ? EntryVector() : it->second;
    }

    /**
     * \brief The first entry of a mobile node that satisfies a predicate.
     * \tparam Predicate callable as bool(const Entry&)
     * \param mnId the MN-ID
     * \param match the predicate
     * \return the earliest added match, nullptr when none
     */
    template <class Predicate>
    Ptr<Entry> FindByMnIdIf(const std::string& mnId, Predicate match) const
    {
        auto it = m_byMnId.find(mnId);
        if (it != m_byMnId.end())
        {
            for (const Ptr<Entry>& e : it->second)
            {
                if (match(*e))
                {
                    return e;
                }
            }
        }
        return nullptr;
    }

    /**
     * \brief Number of entries.
     * \return the count
     */
    uint32_t GetSize() const
    {
        return static_cast<uint32_t>(m_entries.size());
    }

    /**
     * \brief All entries.
     * \return the entries, by increasing id
     */
    EntryVector GetEntries() const
    {
        EntryVector out;
        out.reserve(m_entries.size());
        for (const auto& kv : m_entries)
        {
            out.push_back(kv.second.entry);
        }
        // The id index is a hash map: sort here (O(n log n), for bulk listings only).
        std::sort(out.begin(), out.end(), [](const Ptr<Entry>& a, const Ptr<Entry>& b) {
            return a->id < b->id;
        });
        return out;
    }

  private:
    /// An entry and the keys it is indexed under.
    struct Record
    {
        Ptr<Entry> entry;                        ///< the entry
        std::string mnId;                        ///< the MN-ID it is indexed under
        std::vector<HomeNetworkPrefix> prefixes; ///< the HNPs it is indexed under
    };

    /**
     * \brief Index an entry under its current MN-ID and HNPs, and remember them.
     * \param r the record
     */
    void Index(Record& r)
    {
        r.mnId = r.entry->mnId;
        r.prefixes.clear();
        for (const HomeNetworkPrefix& hnp : r.entry->homeNetworkPrefixes)
        {
            if (!hnp.IsUnspecified() &&
                std::find(r.prefixes.begin(), r.prefixes.end(), hnp) == r.prefixes.end())
            {
                r.prefixes.push_back(hnp);
            }
        }
        InsertUnder(m_byMnId, r.mnId, r.entry);
        for (const HomeNetworkPrefix& hnp : r.prefixes)
        {
            InsertUnder(m_byPrefix, hnp, r.entry);
            ++m_prefixLengths[hnp.length];
        }
    }

    /**
     * \brief Remove an entry from the indexes, by the keys of its record.
     * \param r the record
     */
    void Unindex(const Record& r)
    {
        EraseUnder(m_byMnId, r.mnId, r.entry);
        for (const HomeNetworkPrefix& hnp : r.prefixes)
        {
            EraseUnder(m_byPrefix, hnp, r.entry);
            auto it = m_prefixLengths.find(hnp.length);
            NS_ASSERT(it != m_prefixLengths.end() && it->second > 0);
            if (--it->second == 0)
            {
                m_prefixLengths.erase(it);
            }
        }
    }

    std::unordered_map<uint64_t, Record> m_entries;        ///< every entry, by id (hash)
    std::unordered_map<std::string, EntryVector> m_byMnId; ///< entries by MN-ID
    std::unordered_map<HomeNetworkPrefix, EntryVector, HomeNetworkPrefixHash>
        m_byPrefix; ///< entries by HNP
    /// Number of indexed HNPs of each length, longest first.
    std::map<uint8_t, uint32_t, std::greater<uint8_t>> m_prefixLengths;
    uint64_t m_nextId{1}; ///< the id of the next entry
};

} // namespace ns3

#endif // PMIPV6_BINDING_ENTRY_TABLE_H

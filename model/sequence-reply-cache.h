/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SEQUENCE_REPLY_CACHE_H
#define SEQUENCE_REPLY_CACHE_H

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The replies a node sent to one peer's requests, by the requests' sequence numbers,
 * the newest Capacity of them.
 *
 * A retransmitted request (its reply was lost) or a late duplicate then gets its first reply
 * again and is not applied twice. The MAG keeps one per LMA for BRIs, FMIs and UPNs.
 *
 * \tparam Reply what is remembered per sequence number (a header, or a header with context)
 * \tparam Capacity how many replies are kept (a retransmission window, not a spec number)
 */
template <typename Reply, std::size_t Capacity>
class SequenceReplyCache
{
  public:
    /**
     * \brief The reply sent to the request with this sequence number.
     * \param sequence the request's sequence number
     * \return the reply, or nullptr when none is remembered
     */
    const Reply* Find(uint16_t sequence) const
    {
        auto it = m_replies.find(sequence);
        return it == m_replies.end() ? nullptr : &it->second;
    }

    /**
     * \brief The reply sent to the request with this sequence number, to send it again.
     * \param sequence the request's sequence number
     * \return the reply, or nullptr when none is remembered
     */
    Reply* Find(uint16_t sequence)
    {
        auto it = m_replies.find(sequence);
        return it == m_replies.end() ? nullptr : &it->second;
    }

    /**
     * \brief Remembers the reply to a request; the oldest beyond Capacity are forgotten.
     * \param sequence the request's sequence number
     * \param reply the reply sent
     */
    void Remember(uint16_t sequence, const Reply& reply)
    {
        if (m_replies.insert_or_assign(sequence, reply).second)
        {
            m_order.push_back(sequence);
        }
        while (m_order.size() > Capacity)
        {
            m_replies.erase(m_order.front());
            m_order.pop_front();
        }
    }

    /**
     * \brief Forgets every reply.
     */
    void Clear()
    {
        m_replies.clear();
        m_order.clear();
    }

    /**
     * \return how many replies are remembered
     */
    std::size_t GetSize() const
    {
        return m_replies.size();
    }

  private:
    std::map<uint16_t, Reply> m_replies; ///< replies by sequence number
    std::deque<uint16_t> m_order;        ///< remembered sequence numbers, oldest first
};

} // namespace ns3

#endif /* SEQUENCE_REPLY_CACHE_H */

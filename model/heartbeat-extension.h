/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_HEARTBEAT_EXTENSION_H
#define PMIPV6_HEARTBEAT_EXTENSION_H

#include "pmipv6-lma-extension.h"
#include "pmipv6-mag-extension.h"

#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief RFC 5847 heartbeat, LMA side: answers every Heartbeat request (MH type 13, R = 0)
 * with a response (R = 1, same sequence number) carrying the Restart Counter option with the
 * LMA's restart count (Pmipv6LmaApplication::GetRestartCount()), so that its MAGs detect a
 * restart (RFC 5847 5.3).
 */
class LmaHeartbeatExtension : public Pmipv6LmaExtension
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    std::vector<uint8_t> GetMhTypes() const override;
    void Receive(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface) override;

    /**
     * \brief Heartbeat requests answered.
     * \return the count
     */
    uint64_t GetResponseCount() const;

  private:
    uint64_t m_responses{0}; ///< responses sent
};

/**
 * \ingroup pmipv6
 * \brief RFC 5847 heartbeat, MAG side: every Interval, a Heartbeat request to each LMA it has
 * binding update list entries with; MissingHeartbeatsAllowed requests in a row without a
 * response make the LMA unreachable (trace PeerUnreachable, RFC 5847 5.2: failure detection
 * time Interval x (MissingHeartbeatsAllowed + 1)); a response makes it reachable again. A
 * response whose Restart Counter differs from the one last seen means the LMA restarted and
 * lost its bindings (RFC 5847 5.3): trace LmaRestarted, and every entry with that LMA is
 * re-registered at once (Pmipv6MagApplication::RefreshNow()). The MAG also answers requests
 * an LMA sends it.
 *
 * Per-peer state is kept per LMA address; the entries of each LMA are tracked from the
 * attach and binding hooks (no scan of the binding update list).
 */
class MagHeartbeatExtension : public Pmipv6MagExtension
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    std::vector<uint8_t> GetMhTypes() const override;
    void Receive(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface) override;
    void NotifyAttach(Ptr<BindingUpdateListEntry> entry) override;
    void NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry) override;

    /**
     * \brief Whether an LMA is considered unreachable.
     * \param lma the LMA address
     * \return true after MissingHeartbeatsAllowed unanswered requests in a row
     */
    bool IsUnreachable(Ipv6Address lma) const;

    /**
     * \brief Heartbeat requests sent.
     * \return the count
     */
    uint64_t GetRequestCount() const;

    /**
     * \brief LMA restarts detected.
     * \return the count
     */
    uint64_t GetRestartsDetected() const;

    /**
     * TracedCallback signature for a peer event.
     * \param lma the LMA address
     */
    typedef void (*PeerTracedCallback)(Ipv6Address lma);

    /**
     * TracedCallback signature for a detected LMA restart.
     * \param lma the LMA address
     * \param counter its new restart counter
     */
    typedef void (*RestartTracedCallback)(Ipv6Address lma, uint32_t counter);

  protected:
    void DoStart() override;
    void DoDispose() override;

  private:
    /// What the MAG knows about one LMA.
    struct Peer
    {
        std::set<uint64_t> entries; ///< binding update list entries with this LMA
        uint32_t sequence{0};       ///< sequence number of the last request
        bool outstanding{false};    ///< the last request is unanswered
        uint32_t missed{0};         ///< unanswered requests in a row
        bool unreachable{false};    ///< missed > MissingHeartbeatsAllowed
        bool counterKnown{false};   ///< a Restart Counter was seen
        uint32_t counter{0};        ///< the last Restart Counter seen
    };

    /// \brief Send the requests of one interval and schedule the next.
    void Tick();

    Time m_interval;                                      ///< Interval
    uint32_t m_missingAllowed;                            ///< MissingHeartbeatsAllowed
    EventId m_timer;                                      ///< the next Tick
    std::map<Ipv6Address, Peer> m_peers;                  ///< by LMA address
    uint32_t m_nextSequence{0};                           ///< next request's sequence number
    uint64_t m_requests{0};                               ///< requests sent
    uint64_t m_restarts{0};                               ///< restarts detected
    TracedCallback<Ipv6Address> m_unreachableTrace;       ///< PeerUnreachable
    TracedCallback<Ipv6Address> m_reachableTrace;         ///< PeerReachable
    TracedCallback<Ipv6Address, uint32_t> m_restartTrace; ///< LmaRestarted
};

} // namespace ns3

#endif /* PMIPV6_HEARTBEAT_EXTENSION_H */

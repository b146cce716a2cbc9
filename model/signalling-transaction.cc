/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "signalling-transaction.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SignallingTransactionManager");

NS_OBJECT_ENSURE_REGISTERED(SignallingTransactionManager);

SignallingTransactionManager::Request::Request(Ipv6Address src,
                                               Ipv6Address dst,
                                               uint8_t replyType,
                                               uint8_t replySubtype,
                                               uint16_t seq)
    : source(src),
      peer(dst),
      replyMhType(replyType),
      replySubtype(replySubtype),
      sequence(seq)
{
}

bool
SignallingTransactionManager::ReplyKey::operator==(const ReplyKey& o) const
{
    return peer == o.peer && mhType == o.mhType && subtype == o.subtype && sequence == o.sequence;
}

size_t
SignallingTransactionManager::ReplyKeyHash::operator()(const ReplyKey& k) const
{
    size_t h = Ipv6AddressHash()(k.peer);
    uint64_t rest = (uint64_t(k.mhType) << 24) | (uint64_t(k.subtype) << 16) | k.sequence;
    return h ^ (std::hash<uint64_t>()(rest) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
}

TypeId
SignallingTransactionManager::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::SignallingTransactionManager")
            .SetParent<Object>()
            .SetGroupName("Pmipv6")
            .AddConstructor<SignallingTransactionManager>()
            .AddAttribute("InitialTimeout",
                          "Default wait for a reply before the first retransmission (a request "
                          "kind may bring its own, e.g. the LMA's MinDelayBRIs).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&SignallingTransactionManager::m_initialTimeout),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("MaxTimeout",
                          "Cap of the timeout, which doubles after each retransmission "
                          "(default: RFC 6275 MAX_BINDACK_TIMEOUT).",
                          TimeValue(Seconds(32)),
                          MakeTimeAccessor(&SignallingTransactionManager::m_maxTimeout),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("MaxRetransmissions",
                          "Default number of retransmissions before a transaction gives up.",
                          UintegerValue(3),
                          MakeUintegerAccessor(&SignallingTransactionManager::m_maxRetransmissions),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Sent",
                            "A request was sent for the first time.",
                            MakeTraceSourceAccessor(&SignallingTransactionManager::m_sentTrace),
                            "ns3::SignallingTransactionManager::TransactionTracedCallback")
            .AddTraceSource(
                "Retransmitted",
                "A request was retransmitted (retransmissions counts this one).",
                MakeTraceSourceAccessor(&SignallingTransactionManager::m_retransmittedTrace),
                "ns3::SignallingTransactionManager::TransactionTracedCallback")
            .AddTraceSource(
                "Completed",
                "The reply of a transaction arrived.",
                MakeTraceSourceAccessor(&SignallingTransactionManager::m_completedTrace),
                "ns3::SignallingTransactionManager::TransactionTracedCallback")
            .AddTraceSource("GaveUp",
                            "A transaction ran out of retransmissions without a reply.",
                            MakeTraceSourceAccessor(&SignallingTransactionManager::m_gaveUpTrace),
                            "ns3::SignallingTransactionManager::TransactionTracedCallback");
    return tid;
}

SignallingTransactionManager::SignallingTransactionManager()
    : m_initialTimeout(Seconds(1)),
      m_maxTimeout(Seconds(32)),
      m_maxRetransmissions(3),
      m_nextId(1),
      m_started(0),
      m_retransmitted(0),
      m_completed(0),
      m_gaveUp(0),
      m_cancelled(0),
      m_unmatched(0)
{
    NS_LOG_FUNCTION(this);
}

SignallingTransactionManager::~SignallingTransactionManager()
{
    NS_LOG_FUNCTION(this);
}

void
SignallingTransactionManager::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& kv : m_transactions)
    {
        kv.second.timer.Cancel();
    }
    m_transactions.clear();
    m_byReply.clear();
    m_nextSequence.clear();
    m_mobility = nullptr;
    Object::DoDispose();
}

void
SignallingTransactionManager::SetMobilityProtocol(Ptr<MobilityL4Protocol> mobility)
{
    m_mobility = mobility;
}

SignallingTransactionManager::RetransmissionPolicy
SignallingTransactionManager::GetDefaultPolicy() const
{
    return RetransmissionPolicy{m_initialTimeout, m_maxTimeout, m_maxRetransmissions};
}

uint16_t
SignallingTransactionManager::NextSequence(Ipv6Address peer)
{
    auto it = m_nextSequence.emplace(peer, 1).first;
    uint16_t seq = it->second;
    it->second = static_cast<uint16_t>(seq + 1); // modulo 2^16
    return seq;
}

void
SignallingTransactionManager::SetNextSequence(Ipv6Address peer, uint16_t sequence)
{
    m_nextSequence[peer] = sequence;
}

bool
SignallingTransactionManager::SequenceNewer(uint16_t a, uint16_t b)
{
    uint16_t d = static_cast<uint16_t>(a - b);
    return d != 0 && d < 32768;
}

SignallingTransactionManager::TransactionId
SignallingTransactionManager::DoStart(Sender send, uint8_t requestMhType, const Request& r)
{
    NS_LOG_FUNCTION(this << r.peer << +requestMhType << r.sequence);
    NS_ASSERT_MSG(m_mobility, "SignallingTransactionManager: no MobilityL4Protocol set");
    ReplyKey key{r.peer, r.replyMhType, r.replySubtype, r.sequence};
    if (m_byReply.count(key) != 0)
    {
        NS_LOG_WARN("a transaction to " << r.peer << " with sequence " << r.sequence
                                        << " is already pending: not started");
        return NO_TRANSACTION;
    }
    TransactionId id = m_nextId++;
    Transaction& t = m_transactions[id];
    t.key = key;
    t.source = r.source;
    t.requestMhType = requestMhType;
    t.send = std::move(send);
    t.policy = r.hasPolicy ? r.policy : GetDefaultPolicy();
    t.timeout = t.policy.initialTimeout;
    t.onReply = r.onReply;
    t.onGiveUp = r.onGiveUp;
    m_byReply[key] = id;
    m_started++;
    if (!t.send(m_mobility, t.source, key.peer, false))
    {
        NS_LOG_WARN("request to " << key.peer << " not handed to IPv6; retransmission will retry");
    }
    m_sentTrace(id, key.peer, requestMhType, key.sequence, 0);
    auto it = m_transactions.find(id); // a trace sink may have cancelled it
    if (it != m_transactions.end())
    {
        it->second.timer = Simulator::Schedule(it->second.timeout,
                                               &SignallingTransactionManager::Timeout,
                                               this,
                                               id);
    }
    return id;
}

void
SignallingTransactionManager::Timeout(TransactionId id)
{
    auto it = m_transactions.find(id);
    if (it == m_transactions.end())
    {
        return;
    }
    Transaction& t = it->second;
    NS_LOG_FUNCTION(this << id << t.key.peer << t.key.sequence << t.retransmissions);
    if (t.retransmissions >= t.policy.maxRetransmissions)
    {
        NS_LOG_INFO("transaction " << id << " to " << t.key.peer << " seq " << t.key.sequence
                                   << " gave up after " << t.retransmissions << " retransmissions");
        ReplyKey key = t.key;
        uint8_t mhType = t.requestMhType;
        uint32_t retransmissions = t.retransmissions;
        GiveUpCallback onGiveUp = t.onGiveUp;
        m_byReply.erase(key);
        m_transactions.erase(it);
        m_gaveUp++;
        m_gaveUpTrace(id, key.peer, mhType, key.sequence, retransmissions);
        if (!onGiveUp.IsNull())
        {
            onGiveUp(id);
        }
        return;
    }
    t.retransmissions++;
    m_retransmitted++;
    t.timeout = std::min(t.timeout * 2, t.policy.maxTimeout);
    NS_LOG_INFO("transaction " << id << ": retransmission " << t.retransmissions << " to "
                               << t.key.peer << ", next timeout " << t.timeout.As(Time::MS));
    t.send(m_mobility, t.source, t.key.peer, true);
    m_retransmittedTrace(id, t.key.peer, t.requestMhType, t.key.sequence, t.retransmissions);
    it = m_transactions.find(id); // a trace sink may have cancelled it
    if (it != m_transactions.end())
    {
        it->second.timer = Simulator::Schedule(it->second.timeout,
                                               &SignallingTransactionManager::Timeout,
                                               this,
                                               id);
    }
}

bool
SignallingTransactionManager::HandleReply(Ipv6Address peer,
                                          uint8_t subtype,
                                          uint16_t sequence,
                                          const MobilityHeader& reply,
                                          const Ipv6Header& ip)
{
    NS_LOG_FUNCTION(this << peer << +reply.GetMhType() << +subtype << sequence);
    auto k = m_byReply.find(ReplyKey{peer, reply.GetMhType(), subtype, sequence});
    if (k == m_byReply.end())
    {
        NS_LOG_LOGIC("reply from " << peer << " seq " << sequence << " matches no transaction");
        m_unmatched++;
        return false;
    }
    TransactionId id = k->second;
    m_byReply.erase(k);
    auto it = m_transactions.find(id);
    NS_ASSERT(it != m_transactions.end());
    Transaction& t = it->second;
    t.timer.Cancel();
    uint8_t mhType = t.requestMhType;
    uint32_t retransmissions = t.retransmissions;
    ReplyCallback onReply = t.onReply;
    m_transactions.erase(it);
    m_completed++;
    m_completedTrace(id, peer, mhType, sequence, retransmissions);
    if (!onReply.IsNull())
    {
        onReply(id, reply, ip);
    }
    return true;
}

bool
SignallingTransactionManager::Cancel(TransactionId id)
{
    NS_LOG_FUNCTION(this << id);
    auto it = m_transactions.find(id);
    if (it == m_transactions.end())
    {
        return false;
    }
    it->second.timer.Cancel();
    m_byReply.erase(it->second.key);
    m_transactions.erase(it);
    m_cancelled++;
    return true;
}

uint32_t
SignallingTransactionManager::CancelAll()
{
    NS_LOG_FUNCTION(this);
    uint32_t n = m_transactions.size();
    for (auto& kv : m_transactions)
    {
        kv.second.timer.Cancel();
    }
    m_transactions.clear();
    m_byReply.clear();
    m_nextSequence.clear();
    m_cancelled += n;
    return n;
}

bool
SignallingTransactionManager::IsPending(TransactionId id) const
{
    return m_transactions.count(id) != 0;
}

uint32_t
SignallingTransactionManager::GetPendingCount() const
{
    return static_cast<uint32_t>(m_transactions.size());
}

uint32_t
SignallingTransactionManager::GetRetransmissions(TransactionId id) const
{
    auto it = m_transactions.find(id);
    return it == m_transactions.end() ? 0 : it->second.retransmissions;
}

uint64_t
SignallingTransactionManager::GetStartedCount() const
{
    return m_started;
}

uint64_t
SignallingTransactionManager::GetRetransmissionCount() const
{
    return m_retransmitted;
}

uint64_t
SignallingTransactionManager::GetCompletedCount() const
{
    return m_completed;
}

uint64_t
SignallingTransactionManager::GetGaveUpCount() const
{
    return m_gaveUp;
}

uint64_t
SignallingTransactionManager::GetCancelledCount() const
{
    return m_cancelled;
}

uint64_t
SignallingTransactionManager::GetUnmatchedReplyCount() const
{
    return m_unmatched;
}

} // namespace ns3

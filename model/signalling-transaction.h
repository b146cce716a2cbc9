/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_SIGNALLING_TRANSACTION_H
#define PMIPV6_SIGNALLING_TRANSACTION_H

#include "mobility-header.h"
#include "mobility-l4-protocol.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <functional>
#include <type_traits>
#include <unordered_map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The request/response signalling transactions of one mobility agent.
 *
 * One per LMA or MAG application, shared by the RFC 5213 core and every extension of that
 * agent: BRI/BRA (RFC 5846), FMI/FMA, UPN/UPA (RFC 7077), PFBI/PFBA, LROREQ/LRORSP, LMA RO
 * Start, MAG-MAG PBU/PBA. It
 * - hands out 16-bit sequence numbers per peer, modulo 2^16 (RFC 6275 9.5.1 ordering with
 *   SequenceNewer());
 * - sends a request built by its owner through MobilityL4Protocol::Send, keeps a copy, and
 *   retransmits it when no reply came: after the initial timeout, then after twice the
 *   previous timeout capped at the maximum timeout, up to a maximum number of
 *   retransmissions (RFC 6275 11.8 style exponential backoff); after the last
 *   retransmission's timeout it gives up: the owner's give-up callback and the "GaveUp"
 *   trace;
 * - matches a reply in O(1) (hash map) by (peer address, reply MH type, reply subtype,
 *   sequence), stops the timer and calls the owner's reply callback with the decoded reply.
 *   A reply from another peer, of another type or with another sequence matches nothing
 *   and is left to the caller (HandleReply() returns false).
 *
 * The manager registers no Mobility Header handler: the agent's handler of the reply's MH
 * type decodes the message and hands it to HandleReply() (one MH type can carry both the
 * request and the reply, e.g. BRI and BRA in MH type 16).
 *
 * Timers are keyed by transaction id; no event holds a pointer to a transaction.
 *
 * Recipe for an extension (one request kind; doc/pmipv6.rst has it too):
 * \code
 *   uint16_t seq = sig->NextSequence(peer);
 *   FooRequestHeader req;                                           // build the message
 *   req.SetSequence(seq);
 *   SignallingTransactionManager::Request r(myAddress, peer, MH_FOO_ACK, 0, seq);
 *   r.onReply = MakeCallback(&MyExtension::OnFooAck, this);         // (id, reply, ip)
 *   r.onGiveUp = MakeCallback(&MyExtension::OnFooLost, this);       // (id)
 *   sig->Start(req, r);                                             // 3rd arg: rebuild
 *   // in the MH_FOO_ACK handler, after decoding `ack` from `ip`:
 *   sig->HandleReply(ip.GetSource(), 0, ack.GetSequence(), ack, ip);
 * \endcode
 */
class SignallingTransactionManager : public Object
{
  public:
    /// Identifier of a transaction; never reused by one manager. 0 is no transaction.
    typedef uint64_t TransactionId;

    /// The id no transaction has.
    static const TransactionId NO_TRANSACTION = 0;

    /**
     * \brief Called with the reply that completed a transaction.
     *
     * Arguments: the transaction id, the decoded reply (the MobilityHeader subclass the
     * caller of HandleReply() decoded; cast it to that type) and its IPv6 header.
     */
    typedef Callback<void, TransactionId, const MobilityHeader&, const Ipv6Header&> ReplyCallback;

    /// Called with the id of a transaction whose retransmissions ran out.
    typedef Callback<void, TransactionId> GiveUpCallback;

    /**
     * \brief TracedCallback signature of the transaction trace sources.
     * \param id the transaction id
     * \param peer the peer the request goes to
     * \param mhType the MH type of the request
     * \param sequence the sequence number of the request
     * \param retransmissions retransmissions so far
     */
    typedef void (*TransactionTracedCallback)(TransactionId id,
                                              Ipv6Address peer,
                                              uint8_t mhType,
                                              uint16_t sequence,
                                              uint32_t retransmissions);

    /**
     * \brief Retransmission timing of one transaction.
     */
    struct RetransmissionPolicy
    {
        Time initialTimeout;         ///< wait before the first retransmission
        Time maxTimeout;             ///< cap of the doubled timeout
        uint32_t maxRetransmissions; ///< retransmissions before giving up (0 = none)
    };

    /**
     * \brief What a transaction sends, to whom, and what answers it.
     */
    struct Request
    {
        /**
         * \brief Describe a request.
         * \param src source address (:: lets routing choose)
         * \param dst the peer (destination, and the source the reply must come from)
         * \param replyType MH type of the reply
         * \param replySubtype subtype of the reply inside its MH type (e.g. the B.R. Type of
         * a BRA), 0 when the MH type alone says it
         * \param seq the sequence number the request carries and the reply echoes
         */
        Request(Ipv6Address src,
                Ipv6Address dst,
                uint8_t replyType,
                uint8_t replySubtype,
                uint16_t seq);

        Ipv6Address source;            ///< source address of the request
        Ipv6Address peer;              ///< destination; the reply's source
        uint8_t replyMhType;           ///< MH type of the reply
        uint8_t replySubtype;          ///< subtype of the reply (0 = none)
        uint16_t sequence;             ///< sequence number
        ReplyCallback onReply;         ///< called on the matching reply (may be null)
        GiveUpCallback onGiveUp;       ///< called when retransmissions ran out (may be null)
        bool hasPolicy{false};         ///< use policy instead of the manager's default
        RetransmissionPolicy policy{}; ///< timing, when hasPolicy
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    SignallingTransactionManager();
    ~SignallingTransactionManager() override;

    /**
     * \brief Set the transport requests are sent through.
     * \param mobility the node's Mobility Header protocol
     */
    void SetMobilityProtocol(Ptr<MobilityL4Protocol> mobility);

    /**
     * \brief The timing from the attributes InitialTimeout, MaxTimeout, MaxRetransmissions.
     * \return the default policy
     */
    RetransmissionPolicy GetDefaultPolicy() const;

    /**
     * \brief The next sequence number for a peer (per peer, modulo 2^16; the first is 1).
     * \param peer the peer
     * \return the sequence number to put in the request
     */
    uint16_t NextSequence(Ipv6Address peer);

    /**
     * \brief Set the sequence number NextSequence() returns next for a peer.
     * \param peer the peer
     * \param sequence the value
     */
    void SetNextSequence(Ipv6Address peer, uint16_t sequence);

    /**
     * \brief Whether sequence number \p a is newer than \p b modulo 2^16 (RFC 6275 9.5.1).
     * \param a the new value
     * \param b the old value
     * \return true when newer
     */
    static bool SequenceNewer(uint16_t a, uint16_t b);

    /**
     * \brief Send a request now and keep retransmitting a copy until its reply comes.
     *
     * \p request must already carry \p r.sequence. When \p rebuild is given, it is applied
     * to the kept copy before each retransmission (e.g. a fresh Timestamp option); otherwise
     * the same message is resent.
     * \tparam Message the MobilityHeader subclass of the request
     * \param request the message (copied)
     * \param r addresses, reply key, callbacks, timing
     * \param rebuild optional change before each retransmission
     * \return the transaction id, NO_TRANSACTION when a transaction with the same reply key
     * (peer, reply type, subtype, sequence) is still pending
     */
    template <typename Message>
    TransactionId Start(
        const Message& request,
        const Request& r,
        std::function<void(typename std::common_type<Message>::type&)> rebuild = nullptr);

    /**
     * \brief Hand a decoded reply to the transaction it answers.
     * \param peer the reply's IPv6 source
     * \param subtype the reply's subtype (0 when its MH type alone says it)
     * \param sequence the reply's sequence number
     * \param reply the decoded reply
     * \param ip its IPv6 header
     * \return true when it completed a transaction (timer stopped, reply callback called);
     * false when it matched none (unsolicited, late, wrong peer or sequence)
     */
    bool HandleReply(Ipv6Address peer,
                     uint8_t subtype,
                     uint16_t sequence,
                     const MobilityHeader& reply,
                     const Ipv6Header& ip);

    /**
     * \brief Stop a pending transaction without calling any of its callbacks.
     * \param id the transaction
     * \return true when it was pending
     */
    bool Cancel(TransactionId id);

    /**
     * \brief Forget everything, as a rebooted node does: every pending transaction stops
     * without its callbacks, and the sequence numbers start over.
     * \return the number of transactions that were pending
     */
    uint32_t CancelAll();

    /**
     * \brief Whether a transaction waits for its reply.
     * \param id the transaction
     * \return true when pending
     */
    bool IsPending(TransactionId id) const;

    /**
     * \brief Number of pending transactions.
     * \return the count
     */
    uint32_t GetPendingCount() const;

    /**
     * \brief Retransmissions a pending transaction made so far.
     * \param id the transaction
     * \return the count, 0 when it is not pending
     */
    uint32_t GetRetransmissions(TransactionId id) const;

    /**
     * \brief Number of transactions started.
     * \return the count
     */
    uint64_t GetStartedCount() const;
    /**
     * \brief Number of retransmissions sent, all transactions.
     * \return the count
     */
    uint64_t GetRetransmissionCount() const;
    /**
     * \brief Number of transactions completed by a reply.
     * \return the count
     */
    uint64_t GetCompletedCount() const;
    /**
     * \brief Number of transactions given up.
     * \return the count
     */
    uint64_t GetGaveUpCount() const;
    /**
     * \brief Number of transactions cancelled.
     * \return the count
     */
    uint64_t GetCancelledCount() const;
    /**
     * \brief Number of replies that matched no pending transaction.
     * \return the count
     */
    uint64_t GetUnmatchedReplyCount() const;

  protected:
    void DoDispose() override;

  private:
    /// Sends the kept copy: source, destination, whether it is a retransmission.
    typedef std::function<bool(Ptr<MobilityL4Protocol>, Ipv6Address, Ipv6Address, bool)> Sender;

    /// What a reply is matched by.
    struct ReplyKey
    {
        Ipv6Address peer;  ///< source of the reply
        uint8_t mhType;    ///< MH type of the reply
        uint8_t subtype;   ///< subtype of the reply
        uint16_t sequence; ///< sequence number

        /**
         * \brief Equality.
         * \param o the other key
         * \return true when equal
         */
        bool operator==(const ReplyKey& o) const;
    };

    /// Hash of a ReplyKey.
    struct ReplyKeyHash
    {
        /**
         * \brief The hash.
         * \param k the key
         * \return its hash
         */
        size_t operator()(const ReplyKey& k) const;
    };

    /// One pending transaction.
    struct Transaction
    {
        ReplyKey key;                  ///< its reply key
        Ipv6Address source;            ///< source address of the request
        uint8_t requestMhType{0};      ///< MH type of the request
        Sender send;                   ///< sends the kept copy
        RetransmissionPolicy policy{}; ///< timing
        Time timeout;                  ///< the timeout now running
        uint32_t retransmissions{0};   ///< retransmissions so far
        EventId timer;                 ///< retransmission / give-up timer
        ReplyCallback onReply;         ///< reply callback
        GiveUpCallback onGiveUp;       ///< give-up callback
    };

    /**
     * \brief The non-template part of Start().
     * \param send sends the kept copy
     * \param requestMhType MH type of the request
     * \param r the request description
     * \return the id, or NO_TRANSACTION
     */
    TransactionId DoStart(Sender send, uint8_t requestMhType, const Request& r);

    /**
     * \brief The timer of a transaction expired: retransmit or give up.
     * \param id the transaction
     */
    void Timeout(TransactionId id);

    Ptr<MobilityL4Protocol> m_mobility;                            ///< transport
    Time m_initialTimeout;                                         ///< default initial timeout
    Time m_maxTimeout;                                             ///< default timeout cap
    uint32_t m_maxRetransmissions;                                 ///< default retransmission limit
    TransactionId m_nextId;                                        ///< next transaction id
    std::unordered_map<TransactionId, Transaction> m_transactions; ///< pending, by id
    std::unordered_map<ReplyKey, TransactionId, ReplyKeyHash> m_byReply;       ///< by reply key
    std::unordered_map<Ipv6Address, uint16_t, Ipv6AddressHash> m_nextSequence; ///< per peer
    uint64_t m_started;       ///< transactions started
    uint64_t m_retransmitted; ///< retransmissions sent
    uint64_t m_completed;     ///< completed by a reply
    uint64_t m_gaveUp;        ///< given up
    uint64_t m_cancelled;     ///< cancelled
    uint64_t m_unmatched;     ///< replies that matched nothing
    /// request sent for the first time
    TracedCallback<TransactionId, Ipv6Address, uint8_t, uint16_t, uint32_t> m_sentTrace;
    /// request retransmitted
    TracedCallback<TransactionId, Ipv6Address, uint8_t, uint16_t, uint32_t> m_retransmittedTrace;
    /// reply matched
    TracedCallback<TransactionId, Ipv6Address, uint8_t, uint16_t, uint32_t> m_completedTrace;
    /// retransmissions ran out
    TracedCallback<TransactionId, Ipv6Address, uint8_t, uint16_t, uint32_t> m_gaveUpTrace;
};

template <typename Message>
SignallingTransactionManager::TransactionId
SignallingTransactionManager::Start(
    const Message& request,
    const Request& r,
    std::function<void(typename std::common_type<Message>::type&)> rebuild)
{
    Message copy = request;
    Sender send = [copy, rebuild](Ptr<MobilityL4Protocol> mobility,
                                  Ipv6Address src,
                                  Ipv6Address dst,
                                  bool retransmission) mutable {
        if (retransmission && rebuild)
        {
            rebuild(copy);
        }
        return mobility->Send(copy, src, dst);
    };
    return DoStart(send, request.GetMhType(), r);
}

} // namespace ns3

#endif /* PMIPV6_SIGNALLING_TRANSACTION_H */

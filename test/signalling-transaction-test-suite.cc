/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief SignallingTransactionManager between two nodes A -- p2p (1 ms) -- B: A runs the
 * manager and sends Binding Revocation Indications; B records every BRI it receives and
 * answers (or not) with a BRA as each case scripts. Checked: retransmission times (initial
 * timeout, doubling, cap), give-up after the maximum with the trace and the callback,
 * replies matched by peer and sequence (wrong peer, wrong sequence, wrong subtype and late
 * replies are ignored), sequence numbers per peer with the wrap at 65535, two concurrent
 * transactions to one peer, cancel, dispose, the rebuild hook.
 */

#include "ns3/binding-revocation-header.h"
#include "ns3/boolean.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-address-helper.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-stack-helper.h"
#include "ns3/node-container.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/signalling-transaction.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <functional>
#include <optional>
#include <vector>

using namespace ns3;

namespace
{

/// Shorter name of the class under test.
using Stm = SignallingTransactionManager;

/**
 * \ingroup pmipv6-tests
 * \brief A BRI as the peer received it.
 */
struct Received
{
    Time at;              ///< arrival time
    uint16_t sequence{0}; ///< Sequence #
    uint8_t trigger{0};   ///< Revocation Trigger
};

/**
 * \ingroup pmipv6-tests
 * \brief A trace or callback event of the manager.
 */
struct Event
{
    Time at;                     ///< when
    Stm::TransactionId id{0};    ///< transaction
    uint16_t sequence{0};        ///< sequence number
    uint32_t retransmissions{0}; ///< retransmissions so far
};

/**
 * \ingroup pmipv6-tests
 * \brief Base of every case: the two nodes, the manager on A, the scripted peer B, and
 * records of every trace and callback.
 */
class TransactionTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param name the case name
     */
    explicit TransactionTestCase(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /**
     * \brief Decides whether B answers a BRI: its sequence and how many BRIs with that
     * sequence B had received before (0 for the first). Returns the sequence to answer
     * with, or -1 for no answer.
     */
    using Answer = std::function<int32_t(uint16_t sequence, uint32_t previous)>;

    /// \brief Build the nodes, links, stacks and the manager on A (not yet configured).
    void Build()
    {
        m_nodes = NodeContainer();
        m_nodes.Create(2);
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.Install(m_nodes);
        for (uint32_t i = 0; i < 2; i++)
        {
            m_nodes.Get(i)->GetObject<Icmpv6L4Protocol>()->SetAttribute("DAD", BooleanValue(false));
        }
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
        p2p.SetChannelAttribute("Delay", StringValue("1ms"));
        NetDeviceContainer devices = p2p.Install(m_nodes);
        Ipv6AddressHelper address;
        address.SetBase(Ipv6Address("fd00:1::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer interfaces = address.Assign(devices);
        m_a = interfaces.GetAddress(0, 1);
        m_b = interfaces.GetAddress(1, 1);
        MobilityStackHelper mh;
        mh.Install(m_nodes);
        m_mobA = MobilityStackHelper::Get(m_nodes.Get(0));
        m_mobB = MobilityStackHelper::Get(m_nodes.Get(1));
        m_mobA->RegisterHandler(mip6::MH_BINDING_REVOCATION,
                                MakeCallback(&TransactionTestCase::AtA, this));
        m_mobB->RegisterHandler(mip6::MH_BINDING_REVOCATION,
                                MakeCallback(&TransactionTestCase::AtB, this));
        m_stm = CreateObject<Stm>();
        m_stm->SetMobilityProtocol(m_mobA);
        m_stm->TraceConnectWithoutContext("Sent", MakeCallback(&TransactionTestCase::OnSent, this));
        m_stm->TraceConnectWithoutContext("Retransmitted",
                                          MakeCallback(&TransactionTestCase::OnRetx, this));
        m_stm->TraceConnectWithoutContext("Completed",
                                          MakeCallback(&TransactionTestCase::OnCompleted, this));
        m_stm->TraceConnectWithoutContext("GaveUp",
                                          MakeCallback(&TransactionTestCase::OnGaveUp, this));
        m_answer = [](uint16_t seq, uint32_t) { return int32_t(seq); };
        m_received.clear();
        m_sent.clear();
        m_retx.clear();
        m_completed.clear();
        m_gaveUp.clear();
        m_replies.clear();
        m_replyStatus.clear();
        m_giveUps.clear();
    }

    /// \brief Destroy the simulation and release every object.
    void Finish()
    {
        Simulator::Destroy();
        if (m_stm)
        {
            m_stm->Dispose();
        }
        m_stm = nullptr;
        m_mobA = nullptr;
        m_mobB = nullptr;
        m_nodes = NodeContainer();
    }

    /// \brief Clean up after a case that stopped early.
    void DoTeardown() override
    {
        Finish();
    }

    /**
     * \brief A policy.
     * \param initial initial timeout
     * \param max timeout cap
     * \param retx maximum retransmissions
     * \return the policy
     */
    static Stm::RetransmissionPolicy Policy(Time initial, Time max, uint32_t retx)
    {
        return Stm::RetransmissionPolicy{initial, max, retx};
    }

    /**
     * \brief Start a BRI transaction from A to B now.
     * \param seq its sequence number
     * \param policy its timing (the manager's default when null)
     * \param rebuild optional rebuild hook
     * \return the id
     */
    Stm::TransactionId StartBri(
        uint16_t seq,
        std::optional<Stm::RetransmissionPolicy> policy = std::nullopt,
        std::function<void(BindingRevocationIndicationHeader&)> rebuild = nullptr)
    {
        BindingRevocationIndicationHeader bri;
        bri.SetSequence(seq);
        bri.SetRevocationTrigger(mip6::BRI_TRIGGER_ADMINISTRATIVE_REASON);
        Stm::Request r(m_a, m_b, mip6::MH_BINDING_REVOCATION, mip6::BR_ACKNOWLEDGEMENT, seq);
        r.onReply = MakeCallback(&TransactionTestCase::OnReply, this);
        r.onGiveUp = MakeCallback(&TransactionTestCase::OnGiveUp, this);
        if (policy)
        {
            r.hasPolicy = true;
            r.policy = *policy;
        }
        return m_stm->Start(bri, r, rebuild);
    }

    /**
     * \brief Schedule a transaction start and remember its id.
     * \param at when
     * \param seq its sequence number
     * \param policy its timing
     * \param id where to store the id
     */
    void StartBriAt(Time at,
                    uint16_t seq,
                    std::optional<Stm::RetransmissionPolicy> policy,
                    Stm::TransactionId* id)
    {
        Simulator::Schedule(at, [this, seq, policy, id]() { *id = StartBri(seq, policy); });
    }

    /**
     * \brief Hand a fabricated BRA to the manager as if it came from \p peer.
     * \param peer the claimed source
     * \param subtype the subtype to claim
     * \param seq the sequence
     * \return what HandleReply returned
     */
    bool InjectReply(Ipv6Address peer, uint8_t subtype, uint16_t seq)
    {
        BindingRevocationAckHeader bra;
        bra.SetSequence(seq);
        Ipv6Header ip;
        ip.SetSource(peer);
        ip.SetDestination(m_a);
        return m_stm->HandleReply(peer, subtype, seq, bra, ip);
    }

    /**
     * \brief Times of every BRI sent (first sends and retransmissions) in order.
     * \return the times
     */
    std::vector<Time> SendTimes() const
    {
        std::vector<Time> t;
        size_t i = 0;
        size_t j = 0;
        while (i < m_sent.size() || j < m_retx.size())
        {
            if (j == m_retx.size() || (i < m_sent.size() && m_sent[i].at <= m_retx[j].at))
            {
                t.push_back(m_sent[i++].at);
            }
            else
            {
                t.push_back(m_retx[j++].at);
            }
        }
        return t;
    }

    NodeContainer m_nodes;              ///< A and B
    Ipv6Address m_a;                    ///< A's address
    Ipv6Address m_b;                    ///< B's address
    Ptr<MobilityL4Protocol> m_mobA;     ///< A's transport
    Ptr<MobilityL4Protocol> m_mobB;     ///< B's transport
    Ptr<Stm> m_stm;                     ///< the manager on A
    Answer m_answer;                    ///< B's script
    std::vector<Received> m_received;   ///< BRIs at B
    std::vector<Event> m_sent;          ///< "Sent"
    std::vector<Event> m_retx;          ///< "Retransmitted"
    std::vector<Event> m_completed;     ///< "Completed"
    std::vector<Event> m_gaveUp;        ///< "GaveUp"
    std::vector<Event> m_replies;       ///< reply callbacks
    std::vector<uint8_t> m_replyStatus; ///< status of each reply callback's BRA
    std::vector<Event> m_giveUps;       ///< give-up callbacks

  private:
    /**
     * \brief A's handler of MH type 16: BRAs go to the manager.
     * \param p the message
     * \param ip its IPv6 header
     */
    void AtA(Ptr<Packet> p, const Ipv6Header& ip, uint32_t /* interface */)
    {
        if (BindingRevocationHeader::PeekRevocationType(p) != mip6::BR_ACKNOWLEDGEMENT)
        {
            return;
        }
        BindingRevocationAckHeader bra;
        if (m_mobA->Decode(p, ip, bra))
        {
            m_stm->HandleReply(ip.GetSource(),
                               mip6::BR_ACKNOWLEDGEMENT,
                               bra.GetSequence(),
                               bra,
                               ip);
        }
    }

    /**
     * \brief B's handler of MH type 16: record the BRI, answer as scripted.
     * \param p the message
     * \param ip its IPv6 header
     */
    void AtB(Ptr<Packet> p, const Ipv6Header& ip, uint32_t /* interface */)
    {
        BindingRevocationIndicationHeader bri;
        if (!m_mobB->Decode(p, ip, bri))
        {
            return;
        }
        uint32_t previous = 0;
        for (const auto& r : m_received)
        {
            previous += r.sequence == bri.GetSequence() ? 1 : 0;
        }
        m_received.push_back({Simulator::Now(), bri.GetSequence(), bri.GetRevocationTrigger()});
        int32_t answer = m_answer(bri.GetSequence(), previous);
        if (answer < 0)
        {
            return;
        }
        BindingRevocationAckHeader bra;
        bra.SetSequence(static_cast<uint16_t>(answer));
        bra.SetStatus(mip6::BRA_SUCCESS);
        m_mobB->Send(bra, m_b, ip.GetSource());
    }

    /**
     * \brief A trace sink.
     * \param v where to record
     * \param id transaction
     * \param seq sequence
     * \param retx retransmissions
     */
    static void Record(std::vector<Event>& v, Stm::TransactionId id, uint16_t seq, uint32_t retx)
    {
        v.push_back({Simulator::Now(), id, seq, retx});
    }

    /// \brief "Sent" sink. \param id transaction \param seq sequence \param retx count
    void OnSent(Stm::TransactionId id, Ipv6Address, uint8_t, uint16_t seq, uint32_t retx)
    {
        Record(m_sent, id, seq, retx);
    }

    /// \brief "Retransmitted" sink. \param id transaction \param seq sequence \param retx count
    void OnRetx(Stm::TransactionId id, Ipv6Address, uint8_t, uint16_t seq, uint32_t retx)
    {
        Record(m_retx, id, seq, retx);
    }

    /// \brief "Completed" sink. \param id transaction \param seq sequence \param retx count
    void OnCompleted(Stm::TransactionId id, Ipv6Address, uint8_t, uint16_t seq, uint32_t retx)
    {
        Record(m_completed, id, seq, retx);
    }

    /// \brief "GaveUp" sink. \param id transaction \param seq sequence \param retx count
    void OnGaveUp(Stm::TransactionId id, Ipv6Address, uint8_t, uint16_t seq, uint32_t retx)
    {
        Record(m_gaveUp, id, seq, retx);
    }

    /**
     * \brief Reply callback.
     * \param id transaction
     * \param reply the BRA
     */
    void OnReply(Stm::TransactionId id, const MobilityHeader& reply, const Ipv6Header&)
    {
        const auto& bra = static_cast<const BindingRevocationAckHeader&>(reply);
        m_replies.push_back({Simulator::Now(), id, bra.GetSequence(), 0});
        m_replyStatus.push_back(bra.GetStatus());
    }

    /**
     * \brief Give-up callback.
     * \param id transaction
     */
    void OnGiveUp(Stm::TransactionId id)
    {
        m_giveUps.push_back({Simulator::Now(), id, 0, 0});
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief No reply ever: sends at 1, 2, 4, 8, 12 s (initial 1 s, doubling, capped at 4 s),
 * give-up at 16 s after 4 retransmissions, with the trace and the callback, once.
 */
class TransactionTimingTestCase : public TransactionTestCase
{
  public:
    TransactionTimingTestCase()
        : TransactionTestCase("Retransmission times: initial, doubling, cap; give-up after the "
                              "maximum")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        m_answer = [](uint16_t, uint32_t) { return -1; };
        Stm::TransactionId id = Stm::NO_TRANSACTION;
        StartBriAt(Seconds(1), 7, Policy(Seconds(1), Seconds(4), 4), &id);
        Simulator::Stop(Seconds(40));
        Simulator::Run();

        std::vector<Time> expected = {Seconds(1), Seconds(2), Seconds(4), Seconds(8), Seconds(12)};
        std::vector<Time> got = SendTimes();
        NS_TEST_ASSERT_MSG_EQ(got.size(), expected.size(), "one send and four retransmissions");
        for (size_t i = 0; i < expected.size(); i++)
        {
            NS_TEST_EXPECT_MSG_EQ(got[i], expected[i], "send " << i);
        }
        NS_TEST_ASSERT_MSG_EQ(m_received.size(), 5, "the peer got all five");
        for (const auto& r : m_received)
        {
            NS_TEST_EXPECT_MSG_EQ(r.sequence, 7, "every copy carries the same sequence");
            NS_TEST_EXPECT_MSG_EQ(+r.trigger,
                                  +mip6::BRI_TRIGGER_ADMINISTRATIVE_REASON,
                                  "the same message");
        }
        for (size_t i = 0; i < m_retx.size(); i++)
        {
            NS_TEST_EXPECT_MSG_EQ(m_retx[i].retransmissions, i + 1, "retransmission count");
        }
        NS_TEST_ASSERT_MSG_EQ(m_gaveUp.size(), 1, "one GaveUp trace");
        NS_TEST_EXPECT_MSG_EQ(m_gaveUp[0].at, Seconds(16), "after the last timeout (4 s)");
        NS_TEST_EXPECT_MSG_EQ(m_gaveUp[0].id, id, "of the transaction");
        NS_TEST_EXPECT_MSG_EQ(m_gaveUp[0].retransmissions, 4, "after 4 retransmissions");
        NS_TEST_ASSERT_MSG_EQ(m_giveUps.size(), 1, "one give-up callback");
        NS_TEST_EXPECT_MSG_EQ(m_giveUps[0].id, id, "with the id");
        NS_TEST_EXPECT_MSG_EQ(m_replies.size(), 0, "no reply callback");
        NS_TEST_EXPECT_MSG_EQ(m_stm->IsPending(id), false, "no longer pending");
        NS_TEST_EXPECT_MSG_EQ(m_stm->GetPendingCount(), 0, "nothing pending");
        NS_TEST_EXPECT_MSG_EQ(m_stm->GetStartedCount(), 1, "started");
        NS_TEST_EXPECT_MSG_EQ(m_stm->GetRetransmissionCount(), 4, "retransmissions");
        NS_TEST_EXPECT_MSG_EQ(m_stm->GetGaveUpCount(), 1, "gave up");
        NS_TEST_EXPECT_MSG_EQ(m_stm->GetCompletedCount(), 0, "not completed");
        NS_TEST_EXPECT_MSG_EQ(InjectReply(m_b, mip6::BR_ACKNOWLEDGEMENT, 7),
                              false,
                              "a reply after the give-up matches nothing");
        Finish();

        // The manager's attributes are the default policy: 500 ms, 2 retransmissions.
        Build();
        m_answer = [](uint16_t, uint32_t) { return -1; };
        m_stm->SetAttribute("InitialTimeout", TimeValue(MilliSeconds(500)));
        m_stm->SetAttribute("MaxRetransmissions", UintegerValue(2));
        StartBriAt(Seconds(1), 1, std::nullopt, &id);
        Simulator::Stop(Seconds(40));
        Simulator::Run();
        got = SendTimes();
        expected = {Seconds(1), MilliSeconds(1500), MilliSeconds(2500)};
        NS_TEST_ASSERT_MSG_EQ(got.size(), expected.size(), "one send and two retransmissions");
        for (size_t i = 0; i < expected.size(); i++)
        {
            NS_TEST_EXPECT_MSG_EQ(got[i], expected[i], "send " << i);
        }
        NS_TEST_ASSERT_MSG_EQ(m_gaveUp.size(), 1, "one GaveUp trace");
        NS_TEST_EXPECT_MSG_EQ(m_gaveUp[0].at, MilliSeconds(4500), "after 500 + 1000 + 2000 ms");
        NS_TEST_EXPECT_MSG_EQ(m_giveUps.size(), 1, "one give-up callback");
        Finish();

        // No retransmission at all: give-up after the initial timeout.
        Build();
        m_answer = [](uint16_t, uint32_t) { return -1; };
        StartBriAt(Seconds(1), 1, Policy(Seconds(2), Seconds(2), 0), &id);
        Simulator::Stop(Seconds(40));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(m_received.size(), 1, "sent once");
        NS_TEST_ASSERT_MSG_EQ(m_gaveUp.size(), 1, "one GaveUp trace");
        NS_TEST_EXPECT_MSG_EQ(m_gaveUp[0].at, Seconds(3), "after the initial timeout");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The reply completes only the transaction of its peer and sequence: B first answers
 * with a wrong sequence; a reply from another address, of another subtype or with another
 * sequence changes nothing; B's answer to the retransmission completes it; a duplicate is
 * ignored.
 */
class TransactionMatchTestCase : public TransactionTestCase
{
  public:
    TransactionMatchTestCase()
        : TransactionTestCase("A reply is matched by peer and sequence; others are ignored")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        // B answers the first copy with sequence + 1, the retransmission correctly.
        m_answer = [](uint16_t seq, uint32_t previous) {
            return previous == 0 ? int32_t(seq) + 1 : int32_t(seq);
        };
        Stm::TransactionId id = Stm::NO_TRANSACTION;
        StartBriAt(Seconds(1), 100, Policy(Seconds(1), Seconds(8), 3), &id);
        std::vector<bool> injected;
        Simulator::Schedule(MilliSeconds(1500), [&]() {
            injected.push_back(
                InjectReply(Ipv6Address("fd00:9::1"), mip6::BR_ACKNOWLEDGEMENT, 100));
            injected.push_back(InjectReply(m_a, mip6::BR_ACKNOWLEDGEMENT, 100));
            injected.push_back(InjectReply(m_b, mip6::BR_ACKNOWLEDGEMENT, 99));
            injected.push_back(InjectReply(m_b, mip6::BR_INDICATION, 100));
            injected.push_back(m_stm->IsPending(id));
        });
        Simulator::Stop(Seconds(30));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(injected.size(), 5, "injections ran");
        NS_TEST_EXPECT_MSG_EQ(injected[0], false, "another peer's reply is ignored");
        NS_TEST_EXPECT_MSG_EQ(injected[1], false, "a reply from ourselves is ignored");
        NS_TEST_EXPECT_MSG_EQ(injected[2], false, "a wrong sequence is ignored");
        NS_TEST_EXPECT_MSG_EQ(injected[3], false, "a wrong subtype is ignored");
        NS_TEST_EXPECT_MSG_EQ(injected[4], true, "still pending after all of them");
        NS_TEST_EXPECT_MSG_EQ(m_received.size(), 2, "B got the request and one retransmission");
        NS_TEST_ASSERT_MSG_EQ(m_replies.size(), 1, "one reply callback");
        NS_TEST_EXPECT_MSG_EQ(m_replies[0].id, id, "for the transaction");
        NS_TEST_EXPECT_MSG_EQ(m_replies[0].sequence, 100, "with the matching BRA");
        NS_TEST_EXPECT_MSG_EQ(+m_replyStatus[0], +mip6::BRA_SUCCESS, "decoded status");
        NS_TEST_EXPECT_MSG_GT(m_replies[0].at, Seconds(2), "after the retransmission");
        NS_TEST_EXPECT_MSG_LT(m_replies[0].at, MilliSeconds(2010), "its answer");
        NS_TEST_ASSERT_MSG_EQ(m_completed.size(), 1, "one Completed trace");
        NS_TEST_EXPECT_MSG_EQ(m_completed[0].retransmissions, 1, "after one retransmission");
        NS_TEST_EXPECT_MSG_EQ(m_gaveUp.size(), 0, "no give-up");
        NS_TEST_EXPECT_MSG_EQ(m_giveUps.size(), 0, "no give-up callback");
        NS_TEST_EXPECT_MSG_EQ(m_retx.size(), 1, "no retransmission after the reply");
        // 4 injected + B's wrong first answer.
        NS_TEST_EXPECT_MSG_EQ(m_stm->GetUnmatchedReplyCount(), 5, "unmatched replies counted");
        NS_TEST_EXPECT_MSG_EQ(InjectReply(m_b, mip6::BR_ACKNOWLEDGEMENT, 100),
                              false,
                              "a duplicate reply matches nothing");
        NS_TEST_EXPECT_MSG_EQ(m_replies.size(), 1, "still one reply callback");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Sequence numbers: per peer, starting at 1, wrapping from 65535 to 0; the RFC 6275
 * ordering across the wrap; transactions with 65535 and 0 both complete.
 */
class TransactionSequenceTestCase : public TransactionTestCase
{
  public:
    TransactionSequenceTestCase()
        : TransactionTestCase("Sequence numbers per peer wrap around at 65535")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        Ipv6Address other("fd00:9::1");
        NS_TEST_EXPECT_MSG_EQ(m_stm->NextSequence(m_b), 1, "the first is 1");
        NS_TEST_EXPECT_MSG_EQ(m_stm->NextSequence(m_b), 2, "then 2");
        NS_TEST_EXPECT_MSG_EQ(m_stm->NextSequence(other), 1, "another peer has its own");
        m_stm->SetNextSequence(m_b, 65535);
        uint16_t s1 = m_stm->NextSequence(m_b);
        uint16_t s2 = m_stm->NextSequence(m_b);
        NS_TEST_EXPECT_MSG_EQ(s1, 65535, "65535");
        NS_TEST_EXPECT_MSG_EQ(s2, 0, "wraps to 0");
        NS_TEST_EXPECT_MSG_EQ(m_stm->NextSequence(m_b), 1, "then 1");
        NS_TEST_EXPECT_MSG_EQ(m_stm->NextSequence(other), 2, "the other peer is unaffected");
        NS_TEST_EXPECT_MSG_EQ(Stm::SequenceNewer(0, 65535), true, "0 is newer than 65535");
        NS_TEST_EXPECT_MSG_EQ(Stm::SequenceNewer(65535, 0), false, "65535 is older than 0");
        NS_TEST_EXPECT_MSG_EQ(Stm::SequenceNewer(5, 5), false, "equal is not newer");
        NS_TEST_EXPECT_MSG_EQ(Stm::SequenceNewer(32767, 0), true, "half window newer");
        NS_TEST_EXPECT_MSG_EQ(Stm::SequenceNewer(32768, 0), false, "beyond half window older");

        Stm::TransactionId id1 = Stm::NO_TRANSACTION;
        Stm::TransactionId id2 = Stm::NO_TRANSACTION;
        StartBriAt(Seconds(1), s1, Policy(Seconds(1), Seconds(1), 2), &id1);
        StartBriAt(Seconds(1), s2, Policy(Seconds(1), Seconds(1), 2), &id2);
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_NE(id1, id2, "two transactions");
        NS_TEST_ASSERT_MSG_EQ(m_replies.size(), 2, "both complete");
        NS_TEST_EXPECT_MSG_EQ(m_replies[0].id, id1, "65535 answered");
        NS_TEST_EXPECT_MSG_EQ(m_replies[0].sequence, 65535, "65535 answered");
        NS_TEST_EXPECT_MSG_EQ(m_replies[1].id, id2, "0 answered");
        NS_TEST_EXPECT_MSG_EQ(m_replies[1].sequence, 0, "0 answered");
        NS_TEST_EXPECT_MSG_EQ(m_retx.size(), 0, "no retransmission");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Two concurrent transactions to one peer: B answers only the second; it completes,
 * the first retransmits and gives up; a second Start with a pending key is refused.
 */
class TransactionConcurrentTestCase : public TransactionTestCase
{
  public:
    TransactionConcurrentTestCase()
        : TransactionTestCase("Two concurrent transactions to one peer are independent")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        m_answer = [](uint16_t seq, uint32_t) { return seq == 2 ? int32_t(seq) : -1; };
        Stm::TransactionId id1 = Stm::NO_TRANSACTION;
        Stm::TransactionId id2 = Stm::NO_TRANSACTION;
        Stm::TransactionId dup = 99;
        StartBriAt(Seconds(1), 1, Policy(Seconds(1), Seconds(4), 2), &id1);
        StartBriAt(Seconds(1), 2, Policy(Seconds(1), Seconds(4), 2), &id2);
        StartBriAt(MilliSeconds(1500), 1, Policy(Seconds(1), Seconds(4), 2), &dup);
        Simulator::Stop(Seconds(20));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_NE(id1, Stm::NO_TRANSACTION, "first started");
        NS_TEST_EXPECT_MSG_NE(id2, Stm::NO_TRANSACTION, "second started");
        NS_TEST_EXPECT_MSG_EQ(dup, Stm::NO_TRANSACTION, "same pending key refused");
        NS_TEST_ASSERT_MSG_EQ(m_replies.size(), 1, "one reply");
        NS_TEST_EXPECT_MSG_EQ(m_replies[0].id, id2, "the second completed");
        NS_TEST_ASSERT_MSG_EQ(m_retx.size(), 2, "the first retransmitted twice");
        NS_TEST_EXPECT_MSG_EQ(m_retx[0].id, id1, "the first");
        NS_TEST_EXPECT_MSG_EQ(m_retx[1].id, id1, "the first");
        NS_TEST_ASSERT_MSG_EQ(m_giveUps.size(), 1, "one give-up");
        NS_TEST_EXPECT_MSG_EQ(m_giveUps[0].id, id1, "the first gave up");
        NS_TEST_EXPECT_MSG_EQ(m_giveUps[0].at, Seconds(8), "at 1 + 1 + 2 + 4 s");
        NS_TEST_EXPECT_MSG_EQ(m_received.size(), 4, "B got 3 + 1 BRIs");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Cancel stops a transaction silently; Dispose cancels every pending one; the rebuild
 * hook changes each retransmitted copy.
 */
class TransactionCancelTestCase : public TransactionTestCase
{
  public:
    TransactionCancelTestCase()
        : TransactionTestCase("Cancel, dispose and the rebuild hook")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        m_answer = [](uint16_t, uint32_t) { return -1; };
        Stm::TransactionId id = Stm::NO_TRANSACTION;
        StartBriAt(Seconds(1), 5, Policy(Seconds(1), Seconds(4), 3), &id);
        std::vector<bool> cancelled;
        Simulator::Schedule(MilliSeconds(2500), [&]() {
            cancelled.push_back(m_stm->Cancel(id));
            cancelled.push_back(m_stm->Cancel(id));
            cancelled.push_back(m_stm->IsPending(id));
        });
        Simulator::Stop(Seconds(30));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(cancelled.size(), 3, "cancel ran");
        NS_TEST_EXPECT_MSG_EQ(cancelled[0], true, "cancelled");
        NS_TEST_EXPECT_MSG_EQ(cancelled[1], false, "only once");
        NS_TEST_EXPECT_MSG_EQ(cancelled[2], false, "not pending");
        NS_TEST_EXPECT_MSG_EQ(m_received.size(), 2, "sent at 1 s and 2 s, then nothing");
        NS_TEST_EXPECT_MSG_EQ(m_gaveUp.size(), 0, "no GaveUp trace");
        NS_TEST_EXPECT_MSG_EQ(m_giveUps.size(), 0, "no give-up callback");
        NS_TEST_EXPECT_MSG_EQ(m_stm->GetCancelledCount(), 1, "counted");
        NS_TEST_EXPECT_MSG_EQ(InjectReply(m_b, mip6::BR_ACKNOWLEDGEMENT, 5),
                              false,
                              "a reply after cancel matches nothing");
        Finish();

        // Dispose cancels everything.
        Build();
        m_answer = [](uint16_t, uint32_t) { return -1; };
        Stm::TransactionId a = Stm::NO_TRANSACTION;
        Stm::TransactionId b = Stm::NO_TRANSACTION;
        StartBriAt(Seconds(1), 1, Policy(Seconds(1), Seconds(4), 3), &a);
        StartBriAt(Seconds(1), 2, Policy(Seconds(1), Seconds(4), 3), &b);
        uint32_t pendingBefore = 0;
        Simulator::Schedule(MilliSeconds(1500), [&]() {
            pendingBefore = m_stm->GetPendingCount();
            m_stm->Dispose();
        });
        Simulator::Stop(Seconds(30));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(pendingBefore, 2, "two pending before");
        NS_TEST_EXPECT_MSG_EQ(m_stm->GetPendingCount(), 0, "none after Dispose");
        NS_TEST_EXPECT_MSG_EQ(m_received.size(), 2, "no retransmission after Dispose");
        NS_TEST_EXPECT_MSG_EQ(m_gaveUp.size(), 0, "no GaveUp after Dispose");
        Finish();

        // The rebuild hook runs on the kept copy before each retransmission.
        Build();
        m_answer = [](uint16_t, uint32_t previous) { return previous == 2 ? 9 : -1; };
        Simulator::Schedule(Seconds(1), [&]() {
            id = StartBri(9,
                          Policy(Seconds(1), Seconds(4), 3),
                          [](BindingRevocationIndicationHeader& bri) {
                              bri.SetRevocationTrigger(bri.GetRevocationTrigger() + 1);
                          });
        });
        Simulator::Stop(Seconds(30));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(m_received.size(), 3, "request and two retransmissions");
        NS_TEST_EXPECT_MSG_EQ(+m_received[0].trigger, 1, "as built");
        NS_TEST_EXPECT_MSG_EQ(+m_received[1].trigger, 2, "rebuilt once");
        NS_TEST_EXPECT_MSG_EQ(+m_received[2].trigger, 3, "rebuilt twice");
        NS_TEST_EXPECT_MSG_EQ(m_replies.size(), 1, "then answered");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The pmipv6-signalling-transaction test suite.
 */
class SignallingTransactionTestSuite : public TestSuite
{
  public:
    SignallingTransactionTestSuite()
        : TestSuite("pmipv6-signalling-transaction", UNIT)
    {
        AddTestCase(new TransactionTimingTestCase, TestCase::QUICK);
        AddTestCase(new TransactionMatchTestCase, TestCase::QUICK);
        AddTestCase(new TransactionSequenceTestCase, TestCase::QUICK);
        AddTestCase(new TransactionConcurrentTestCase, TestCase::QUICK);
        AddTestCase(new TransactionCancelTestCase, TestCase::QUICK);
    }
};

/// The static instance of the suite.
static SignallingTransactionTestSuite g_signallingTransactionTestSuite;

} // namespace

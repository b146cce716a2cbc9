/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The Mobility Header transport on two real ns-3 nodes: send with checksum, dispatch by MH
 * type, drops counted per reason, Binding Error for an unrecognized MH type.
 */

#include "ns3/binding-update-header.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-address-helper.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-stack-helper.h"
#include "ns3/node-container.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <vector>

using namespace ns3;

namespace
{

/**
 * \ingroup pmipv6-test
 * \brief Two nodes on a point-to-point link, each with IPv6 and the Mobility Header protocol.
 */
struct TwoNodes
{
    NodeContainer nodes;               ///< node 0 (A) and node 1 (B)
    Ipv6InterfaceContainer interfaces; ///< their addresses
    Ptr<MobilityL4Protocol> a;         ///< A's protocol
    Ptr<MobilityL4Protocol> b;         ///< B's protocol
    Ipv6Address addr[2];               ///< global addresses of A and B

    /// \brief Build the topology.
    TwoNodes()
    {
        nodes.Create(2);
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.Install(nodes);
        PointToPointHelper p2p;
        NetDeviceContainer devices = p2p.Install(nodes);
        Ipv6AddressHelper address;
        address.SetBase(Ipv6Address("fd00:1::"), Ipv6Prefix(64));
        interfaces = address.Assign(devices);
        interfaces.SetForwarding(0, false);
        MobilityStackHelper mh;
        mh.Install(nodes);
        a = MobilityStackHelper::Get(nodes.Get(0));
        b = MobilityStackHelper::Get(nodes.Get(1));
        addr[0] = interfaces.GetAddress(0, 1);
        addr[1] = interfaces.GetAddress(1, 1);
    }

    /**
     * \brief Global address of a node.
     * \param n node index
     * \return the address
     */
    Ipv6Address Addr(uint32_t n) const
    {
        return addr[n];
    }

    /**
     * \brief Hand raw octets to IPv6 on node A as a next-header-135 packet to B.
     * \param bytes the octets
     */
    void InjectRaw(const std::vector<uint8_t>& bytes)
    {
        Ptr<Packet> p = Create<Packet>(bytes.data(), bytes.size());
        Ptr<Ipv6L3Protocol> ipv6 = nodes.Get(0)->GetObject<Ipv6L3Protocol>();
        ipv6->Send(p, Addr(0), Addr(1), 135, nullptr);
    }
};

/**
 * \brief Serialize a message with a correct checksum for A -> B.
 * \param h the message
 * \param src source
 * \param dst destination
 * \return the octets
 */
std::vector<uint8_t>
Bytes(MobilityHeader& h, Ipv6Address src, Ipv6Address dst)
{
    h.EnableChecksum(src, dst);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    std::vector<uint8_t> bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    return bytes;
}

} // namespace

/**
 * \ingroup pmipv6-test
 * \brief A PBU sent by A reaches B's handler for MH type 5 with its fields intact.
 */
class MobilityL4DispatchTestCase : public TestCase
{
  public:
    MobilityL4DispatchTestCase()
        : TestCase("PBU from A is dispatched to B's MH type 5 handler, checksum verified")
    {
    }

  private:
    void DoRun() override
    {
        TwoNodes net;
        uint32_t calls = 0;
        uint16_t seq = 0;
        Ipv6Address from;
        net.b->RegisterHandler(mip6::MH_BINDING_UPDATE,
                               MobilityL4Protocol::MessageHandler(
                                   [&](Ptr<Packet> p, const Ipv6Header& ip, uint32_t iface) {
                                       BindingUpdateHeader pbu;
                                       if (net.b->Decode(p, ip, pbu))
                                       {
                                           calls++;
                                           seq = pbu.GetSequence();
                                           from = ip.GetSource();
                                       }
                                   }));
        BindingUpdateHeader pbu;
        pbu.SetSequence(4242);
        pbu.SetLifetime(100);
        Simulator::Schedule(Seconds(1), [&]() { net.a->Send(pbu, net.Addr(0), net.Addr(1)); });
        Simulator::Run();
        Simulator::Destroy();
        NS_TEST_ASSERT_MSG_EQ(calls, 1, "handler called once");
        NS_TEST_ASSERT_MSG_EQ(seq, 4242, "sequence number delivered");
        NS_TEST_ASSERT_MSG_EQ(from, net.Addr(0), "source address seen by the handler");
        NS_TEST_ASSERT_MSG_EQ(net.a->GetTxCount(), 1, "one message sent");
        NS_TEST_ASSERT_MSG_EQ(net.b->GetRxCount(), 1, "one message dispatched");
        NS_TEST_ASSERT_MSG_NE(pbu.GetChecksum(), 0, "checksum was computed");
        for (int r = 0; r < MobilityL4Protocol::DROP_REASON_COUNT; ++r)
        {
            NS_TEST_ASSERT_MSG_EQ(net.b->GetDropCount(MobilityL4Protocol::DropReason(r)),
                                  0,
                                  "no drop");
        }
    }
};

/**
 * \ingroup pmipv6-test
 * \brief When the source is ::, routing picks it and the checksum still verifies.
 */
class MobilityL4SourceSelectionTestCase : public TestCase
{
  public:
    MobilityL4SourceSelectionTestCase()
        : TestCase("Send with an unspecified source: routing picks it, checksum verifies")
    {
    }

  private:
    void DoRun() override
    {
        TwoNodes net;
        Ipv6Address from;
        net.b->RegisterHandler(mip6::MH_BINDING_ACK,
                               MobilityL4Protocol::MessageHandler(
                                   [&](Ptr<Packet> p, const Ipv6Header& ip, uint32_t iface) {
                                       from = ip.GetSource();
                                   }));
        BindingAckHeader pba;
        Simulator::Schedule(Seconds(1),
                            [&]() { net.a->Send(pba, Ipv6Address::GetAny(), net.Addr(1)); });
        Simulator::Run();
        Simulator::Destroy();
        NS_TEST_ASSERT_MSG_EQ(from, net.Addr(0), "PBA arrived from A's global address");
        NS_TEST_ASSERT_MSG_EQ(net.b->GetDropCount(MobilityL4Protocol::DROP_BAD_CHECKSUM),
                              0,
                              "checksum verified");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief Each kind of bad input is dropped and counted under its own reason; no handler runs.
 */
class MobilityL4BadInputTestCase : public TestCase
{
  public:
    MobilityL4BadInputTestCase()
        : TestCase("Bad checksum, Payload Proto, truncation, Header Len overrun, malformed: "
                   "dropped and counted")
    {
    }

  private:
    void DoRun() override
    {
        TwoNodes net;
        uint32_t calls = 0;
        net.b->RegisterHandler(mip6::MH_BINDING_UPDATE,
                               MobilityL4Protocol::MessageHandler(
                                   [&](Ptr<Packet> p, const Ipv6Header& ip, uint32_t iface) {
                                       BindingUpdateHeader pbu;
                                       if (net.b->Decode(p, ip, pbu))
                                       {
                                           calls++;
                                       }
                                   }));
        BindingUpdateHeader pbu;
        pbu.SetSequence(7);
        std::vector<uint8_t> good = Bytes(pbu, net.Addr(0), net.Addr(1));

        std::vector<uint8_t> badChecksum = good;
        badChecksum[5] ^= 0x01;
        std::vector<uint8_t> badProto = good;
        badProto[0] = 6; // TCP: Payload Proto must be 59
        std::vector<uint8_t> truncated(good.begin(), good.begin() + 5);
        std::vector<uint8_t> overrun = good;
        overrun[1] = 3; // Header Len claims 32 octets, packet has 16

        // Malformed but with a correct checksum: a PadN whose Length overruns the message.
        std::vector<uint8_t> malformed = good;
        malformed[12] = mip6::OPT_PADN;
        malformed[13] = 9;
        malformed[4] = 0;
        malformed[5] = 0;
        uint16_t c = MobilityHeader::ComputeChecksum(net.Addr(0),
                                                     net.Addr(1),
                                                     malformed.data(),
                                                     malformed.size());
        malformed[4] = c >> 8;
        malformed[5] = c & 0xff;

        Simulator::Schedule(Seconds(1.0), &TwoNodes::InjectRaw, &net, badChecksum);
        Simulator::Schedule(Seconds(1.1), &TwoNodes::InjectRaw, &net, badProto);
        Simulator::Schedule(Seconds(1.2), &TwoNodes::InjectRaw, &net, truncated);
        Simulator::Schedule(Seconds(1.3), &TwoNodes::InjectRaw, &net, overrun);
        Simulator::Schedule(Seconds(1.4), &TwoNodes::InjectRaw, &net, malformed);
        Simulator::Schedule(Seconds(1.5), &TwoNodes::InjectRaw, &net, good);
        Simulator::Run();
        Simulator::Destroy();

        NS_TEST_ASSERT_MSG_EQ(net.b->GetDropCount(MobilityL4Protocol::DROP_BAD_CHECKSUM),
                              1,
                              "bad checksum dropped");
        NS_TEST_ASSERT_MSG_EQ(net.b->GetDropCount(MobilityL4Protocol::DROP_PAYLOAD_PROTO),
                              1,
                              "wrong Payload Proto dropped");
        NS_TEST_ASSERT_MSG_EQ(net.b->GetDropCount(MobilityL4Protocol::DROP_TRUNCATED),
                              2,
                              "5-octet message and Header Len overrun dropped");
        NS_TEST_ASSERT_MSG_EQ(net.b->GetDropCount(MobilityL4Protocol::DROP_MALFORMED),
                              1,
                              "malformed options dropped by Decode");
        NS_TEST_ASSERT_MSG_EQ(calls, 1, "only the good PBU reached the handler");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief An unrecognized MH type is answered with a Binding Error, status 2; a Binding Error
 * is never answered with one.
 */
class MobilityL4BindingErrorTestCase : public TestCase
{
  public:
    MobilityL4BindingErrorTestCase()
        : TestCase("Unknown MH type answered by a Binding Error (status 2), never in a loop")
    {
    }

  private:
    void DoRun() override
    {
        TwoNodes net;
        uint32_t errors = 0;
        uint8_t status = 0;
        Ipv6Address errorFrom;
        net.a->RegisterHandler(mip6::MH_BINDING_ERROR,
                               MobilityL4Protocol::MessageHandler(
                                   [&](Ptr<Packet> p, const Ipv6Header& ip, uint32_t iface) {
                                       BindingErrorHeader be;
                                       if (net.a->Decode(p, ip, be))
                                       {
                                           errors++;
                                           status = be.GetStatus();
                                           errorFrom = ip.GetSource();
                                       }
                                   }));
        // B knows no handler for 5: a PBU is an unrecognized type there.
        BindingUpdateHeader pbu;
        Simulator::Schedule(Seconds(1), [&]() { net.a->Send(pbu, net.Addr(0), net.Addr(1)); });
        // A Binding Error sent to B (which has no BE handler) must not be answered.
        BindingErrorHeader be;
        Simulator::Schedule(Seconds(2), [&]() { net.a->Send(be, net.Addr(0), net.Addr(1)); });
        Simulator::Run();
        Simulator::Destroy();
        NS_TEST_ASSERT_MSG_EQ(errors, 1, "one Binding Error received by A");
        NS_TEST_ASSERT_MSG_EQ(+status, +mip6::BE_UNRECOGNIZED_MH_TYPE, "status 2");
        NS_TEST_ASSERT_MSG_EQ(errorFrom, net.Addr(1), "sent by B");
        NS_TEST_ASSERT_MSG_EQ(net.b->GetBindingErrorCount(), 1, "B sent exactly one");
        NS_TEST_ASSERT_MSG_EQ(net.b->GetDropCount(MobilityL4Protocol::DROP_UNKNOWN_TYPE),
                              2,
                              "B dropped the PBU and the Binding Error as unknown types");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief A second handler for an MH type is refused (RegisterHandler() aborts on it, built on
 * TryRegisterHandler()); the first keeps receiving; after UnregisterHandler() the type can be
 * registered again.
 */
class MobilityL4HandlerClashTestCase : public TestCase
{
  public:
    MobilityL4HandlerClashTestCase()
        : TestCase("A second handler for an MH type is refused, the first one kept")
    {
    }

  private:
    void DoRun() override
    {
        TwoNodes net;
        uint32_t first = 0;
        uint32_t second = 0;
        MobilityL4Protocol::MessageHandler h1(
            [&](Ptr<Packet>, const Ipv6Header&, uint32_t) { first++; });
        MobilityL4Protocol::MessageHandler h2(
            [&](Ptr<Packet>, const Ipv6Header&, uint32_t) { second++; });
        NS_TEST_ASSERT_MSG_EQ(net.b->HasHandler(mip6::MH_BINDING_UPDATE), false, "none yet");
        NS_TEST_ASSERT_MSG_EQ(net.b->TryRegisterHandler(mip6::MH_BINDING_UPDATE, h1),
                              true,
                              "first registration");
        NS_TEST_ASSERT_MSG_EQ(net.b->TryRegisterHandler(mip6::MH_BINDING_UPDATE, h2),
                              false,
                              "a second handler for MH type 5 is refused");
        NS_TEST_ASSERT_MSG_EQ(net.b->HasHandler(mip6::MH_BINDING_UPDATE), true, "registered");
        BindingUpdateHeader pbu;
        pbu.SetSequence(1);
        Simulator::Schedule(Seconds(1), [&]() { net.a->Send(pbu, net.Addr(0), net.Addr(1)); });
        Simulator::Schedule(Seconds(2), [&]() {
            net.b->UnregisterHandler(mip6::MH_BINDING_UPDATE);
            NS_TEST_EXPECT_MSG_EQ(net.b->TryRegisterHandler(mip6::MH_BINDING_UPDATE, h2),
                                  true,
                                  "registered again after UnregisterHandler");
        });
        Simulator::Schedule(Seconds(3), [&]() { net.a->Send(pbu, net.Addr(0), net.Addr(1)); });
        Simulator::Run();
        Simulator::Destroy();
        NS_TEST_ASSERT_MSG_EQ(first, 1, "the first handler got the message sent before");
        NS_TEST_ASSERT_MSG_EQ(second, 1, "the new handler got the one sent after");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The Mobility Header transport test suite.
 */
class MobilityL4ProtocolTestSuite : public TestSuite
{
  public:
    MobilityL4ProtocolTestSuite()
        : TestSuite("pmipv6-mobility-l4-protocol", UNIT)
    {
        AddTestCase(new MobilityL4DispatchTestCase, TestCase::QUICK);
        AddTestCase(new MobilityL4SourceSelectionTestCase, TestCase::QUICK);
        AddTestCase(new MobilityL4BadInputTestCase, TestCase::QUICK);
        AddTestCase(new MobilityL4BindingErrorTestCase, TestCase::QUICK);
        AddTestCase(new MobilityL4HandlerClashTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static MobilityL4ProtocolTestSuite g_mobilityL4ProtocolTestSuite;

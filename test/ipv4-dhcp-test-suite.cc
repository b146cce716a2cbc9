/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief The MAG as DHCP server (RFC 5844 3.4.1, MagDhcpServer) with ns-3's DhcpClient on the
 * mobile node (Pmipv6Helper::EnableIpv4MobileNode(mnId, device, true)), in the dual-stack
 * domain of Pmipv6DualAccessDomain: the OFFER and ACK as octets (yiaddr = the PBA's address,
 * router and server identifier = the default router, mask, lease, T1, T2), a DISCOVER sent
 * before the PBA answered after it, the address kept over a handover with IPv4 data both
 * ways and renewals answered by the MAG the MN is on, the lease gone after a detach, and
 * malformed messages dropped with a reason and a log line.
 *
 * Suite pmipv6-ipv4-dhcp.
 */

#include "ns3/dhcp-client.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/lma-ipv4-extension.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/mag-dhcp-server.h"
#include "ns3/mag-ipv4-extension.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-dual-access-domain.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/udp-header.h"
#include "ns3/udp-socket-factory.h"

#include <iostream>
#include <sstream>
#include <vector>

using namespace ns3;

namespace
{

/// UDP port of the data flows.
constexpr uint16_t PORT = 5000;
/// The LMA pool's first address for an MN (10.100.0.0/16, router 10.100.0.1).
const Ipv4Address g_hoa("10.100.0.2");
/// The LMA's default router.
const Ipv4Address g_router("10.100.0.1");

/// One reply a MAG's DHCP server sent.
struct Reply
{
    Time at;                    ///< when
    std::vector<uint8_t> bytes; ///< IPv4 / UDP / DHCP
    Ipv4Address yiaddr;         ///< the address in it
};

/**
 * \brief Offer / Ack / Nak trace: keep the reply.
 * \param out where
 * \param message the IPv4 packet
 * \param mnId the MN-ID
 * \param yiaddr the address
 */
void
KeepReply(std::vector<Reply>* out,
          Ptr<const Packet> message,
          const std::string& mnId,
          Ipv4Address yiaddr)
{
    Reply r;
    r.at = Simulator::Now();
    r.bytes.resize(message->GetSize());
    message->CopyData(r.bytes.data(), message->GetSize());
    r.yiaddr = yiaddr;
    out->push_back(r);
    (void)mnId;
}

/**
 * \brief Ipv4HomeAddress trace of a MAG: when the PBA gave the address.
 * \param out where
 * \param mnId the MN-ID
 * \param address the address
 * \param router the router
 */
void
KeepPbaTime(Time* out, const std::string& mnId, Ipv4Address address, Ipv4Address router)
{
    if (out->IsZero())
    {
        *out = Simulator::Now();
    }
    (void)mnId;
    (void)address;
    (void)router;
}

/**
 * \brief An address trace of the DHCP client (NewLease, ExpireLease): record it.
 * \param out where
 * \param address the address
 */
void
KeepAddress(std::vector<std::pair<Time, Ipv4Address>>* out, const Ipv4Address& address)
{
    out->push_back({Simulator::Now(), address});
}

/**
 * \brief The MN's IPv4 address on its device other than 0.0.0.0 (0.0.0.0 when none).
 * \param device the device
 * \return the address
 */
Ipv4Address
AddressOf(Ptr<NetDevice> device)
{
    Ptr<Ipv4> ipv4 = device->GetNode()->GetObject<Ipv4>();
    int32_t i = ipv4->GetInterfaceForDevice(device);
    for (uint32_t k = 0; i >= 0 && k < ipv4->GetNAddresses(i); ++k)
    {
        if (ipv4->GetAddress(i, k).GetLocal() != Ipv4Address::GetAny())
        {
            return ipv4->GetAddress(i, k).GetLocal();
        }
    }
    return Ipv4Address::GetAny();
}

/**
 * \brief A big-endian 32-bit value.
 * \param b the octets
 * \return the value
 */
uint32_t
Read32(const uint8_t* b)
{
    return (uint32_t(b[0]) << 24) | (uint32_t(b[1]) << 16) | (uint32_t(b[2]) << 8) | b[3];
}

/**
 * \brief The dual-stack domain with the MAGs' DHCP servers and the MN's DHCP client.
 */
struct DhcpDomain
{
    Pmipv6DualAccessDomain d;                            ///< the domain
    Ptr<LmaIpv4Extension> lmaExt;                        ///< the LMA's IPv4 extension
    Ptr<MagDhcpServer> server[2];                        ///< the MAGs' DHCP servers
    Ptr<DhcpClient> client;                              ///< the MN's client
    std::vector<Reply> offers[2];                        ///< OFFERs of each MAG
    std::vector<Reply> acks[2];                          ///< ACKs of each MAG
    std::vector<Reply> naks[2];                          ///< NAKs of each MAG
    Time pba[2];                                         ///< first PBA with the address at each MAG
    std::vector<std::pair<Time, Ipv4Address>> newLeases; ///< the client's NewLease
    std::vector<std::pair<Time, Ipv4Address>> expired;   ///< the client's ExpireLease

    /**
     * \brief Build it.
     * \param mnId the MN-ID
     * \param lease the servers' LeaseTime
     * \param clientStart when the client starts
     */
    DhcpDomain(const std::string& mnId, Time lease, Time clientStart)
        : d(mnId, Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS, true)
    {
        lmaExt = d.pmip.EnableIpv4(d.lmaApp);
        d.lmaApp->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(Seconds(1)));
        for (uint32_t k = 0; k < 2; ++k)
        {
            Ptr<MagIpv4Extension> ext = d.pmip.EnableIpv4(d.magApp[k]);
            ext->TraceConnectWithoutContext("Ipv4HomeAddress",
                                            MakeBoundCallback(&KeepPbaTime, &pba[k]));
            server[k] = d.magApp[k]->GetExtension<MagDhcpServer>();
            NS_ABORT_IF(!server[k]);
            server[k]->SetAttribute("LeaseTime", TimeValue(lease));
            server[k]->TraceConnectWithoutContext("Offer",
                                                  MakeBoundCallback(&KeepReply, &offers[k]));
            server[k]->TraceConnectWithoutContext("Ack", MakeBoundCallback(&KeepReply, &acks[k]));
            server[k]->TraceConnectWithoutContext("Nak", MakeBoundCallback(&KeepReply, &naks[k]));
        }
        client = d.pmip.EnableIpv4MobileNode(d.mnId, d.lif, true, clientStart);
        NS_ABORT_IF(!client);
        client->AssignStreams(7);
        client->TraceConnectWithoutContext("NewLease", MakeBoundCallback(&KeepAddress, &newLeases));
        client->TraceConnectWithoutContext("ExpireLease",
                                           MakeBoundCallback(&KeepAddress, &expired));
    }
};

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief OFFER and ACK octets; the DISCOVER sent before the PBA is answered after it.
 */
class DhcpOfferAckTestCase : public TestCase
{
  public:
    DhcpOfferAckTestCase()
        : TestCase("OFFER and ACK octets, DISCOVER before the PBA answered after it, address set")
    {
    }

  private:
    /**
     * \brief Check one reply's octets.
     * \param r the reply
     * \param type the DHCP message type expected
     * \param chaddr the client's hardware address
     * \param what the name for messages
     */
    void CheckReply(const Reply& r, uint8_t type, const Address& chaddr, const std::string& what)
    {
        const std::vector<uint8_t>& b = r.bytes;
        // IPv4 (20) + UDP (8) + BOOTP (240) + options: 1 (6), 53 (3), 54 (6), 3 (6), 51 (6),
        // 58 (6), 59 (6), End (1) as ns-3's DhcpHeader orders them
        NS_TEST_ASSERT_MSG_EQ(b.size(), 20u + 8u + 240u + 40u, what << ": length");
        NS_TEST_EXPECT_MSG_EQ(+b[0], 0x45, what << ": IPv4, IHL 5");
        NS_TEST_EXPECT_MSG_EQ(+b[9], 17, what << ": UDP");
        NS_TEST_EXPECT_MSG_EQ(Ipv4Address(Read32(&b[12])), g_router, what << ": from the router");
        NS_TEST_EXPECT_MSG_EQ(Ipv4Address(Read32(&b[16])),
                              Ipv4Address::GetBroadcast(),
                              what << ": to 255.255.255.255");
        NS_TEST_EXPECT_MSG_EQ(((b[20] << 8) | b[21]), 67, what << ": source port 67");
        NS_TEST_EXPECT_MSG_EQ(((b[22] << 8) | b[23]), 68, what << ": destination port 68");
        NS_TEST_EXPECT_MSG_EQ(((b[24] << 8) | b[25]), 8 + 280, what << ": UDP length");
        const uint8_t* m = &b[28];
        NS_TEST_EXPECT_MSG_EQ(+m[0], 2, what << ": op BOOTREPLY");
        NS_TEST_EXPECT_MSG_EQ(+m[1], 1, what << ": htype Ethernet");
        NS_TEST_EXPECT_MSG_EQ(+m[2], 6, what << ": hlen 6");
        NS_TEST_EXPECT_MSG_EQ(Ipv4Address(Read32(&m[12])),
                              Ipv4Address::GetAny(),
                              what << ": ciaddr");
        NS_TEST_EXPECT_MSG_EQ(Ipv4Address(Read32(&m[16])), g_hoa, what << ": yiaddr = PBA's");
        NS_TEST_EXPECT_MSG_EQ(Ipv4Address(Read32(&m[24])),
                              Ipv4Address::GetAny(),
                              what << ": giaddr");
        uint8_t mac[16] = {0};
        chaddr.CopyTo(mac);
        bool same = true;
        for (uint32_t k = 0; k < 16; ++k)
        {
            same = same && m[28 + k] == mac[k];
        }
        NS_TEST_EXPECT_MSG_EQ(same, true, what << ": chaddr echoed");
        NS_TEST_EXPECT_MSG_EQ(Read32(&m[236]), 0x63825363u, what << ": magic cookie");
        const uint8_t expected[] = {1,  4, 255,  255, 255, 255, // mask /32
                                    53, 1, type,                // message type
                                    54, 4, 10,   100, 0,   1,   // server identifier
                                    3,  4, 10,   100, 0,   1,   // router
                                    51, 4, 0,    0,   0,   40,  // lease 40 s
                                    58, 4, 0,    0,   0,   20,  // T1
                                    59, 4, 0,    0,   0,   35,  // T2
                                    255};
        bool options = true;
        for (uint32_t k = 0; k < sizeof(expected); ++k)
        {
            options = options && m[240 + k] == expected[k];
        }
        NS_TEST_EXPECT_MSG_EQ(options, true, what << ": options");
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        // the client starts 1 ms after the attachment: its DISCOVER reaches MAG1 while the
        // PBU is on its way (MAG-LMA 2 ms each way)
        auto* x = new DhcpDomain("mn@dhcp-octets.test", Seconds(40), Seconds(0.501));
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, &x->d, 0, 1);
        Ipv4Address at2s;
        Simulator::Schedule(Seconds(2), [&]() { at2s = AddressOf(x->d.lif); });
        Simulator::Stop(Seconds(2.5));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(x->offers[0].size(), 1u, "one OFFER from MAG1");
        NS_TEST_ASSERT_MSG_EQ(x->acks[0].size(), 1u, "one ACK from MAG1");
        NS_TEST_EXPECT_MSG_EQ(x->naks[0].size(), 0u, "no NAK");
        NS_TEST_EXPECT_MSG_EQ(x->offers[1].size() + x->acks[1].size(), 0u, "MAG2: no reply");
        NS_TEST_EXPECT_MSG_EQ(x->server[0]->GetHeldCount(), 1u, "MAG1 held the DISCOVER");
        NS_TEST_EXPECT_MSG_EQ(x->lmaExt->GetHomeAddress(x->d.mnId), g_hoa, "the LMA's address");
        NS_TEST_EXPECT_MSG_GT(x->pba[0], Seconds(0.501), "the PBA came after the DISCOVER");
        NS_TEST_EXPECT_MSG_EQ(x->offers[0][0].at, x->pba[0], "OFFER sent when the PBA came");
        CheckReply(x->offers[0][0], 2, x->d.lif->GetAddress(), "OFFER");
        CheckReply(x->acks[0][0], 5, x->d.lif->GetAddress(), "ACK");
        NS_TEST_EXPECT_MSG_EQ(Read32(&x->offers[0][0].bytes[28 + 4]),
                              Read32(&x->acks[0][0].bytes[28 + 4]),
                              "the client's xid in both (ns-3's client keeps it)");
        NS_TEST_EXPECT_MSG_EQ(at2s, g_hoa, "the MN has the address");
        NS_TEST_ASSERT_MSG_EQ(x->newLeases.size(), 1u, "one NewLease");
        NS_TEST_EXPECT_MSG_EQ(x->newLeases[0].second, g_hoa, "NewLease of the address");
        NS_TEST_EXPECT_MSG_EQ(x->server[0]->GetLease(x->d.phys[0]->GetAddress()),
                              g_hoa,
                              "MAG1's lease");
        // the MN's default route is the router (ns-3's DhcpClient sets it from the OFFER)
        Ptr<Ipv4StaticRouting> routing =
            Ipv4StaticRoutingHelper().GetStaticRouting(x->d.mn.Get(0)->GetObject<Ipv4>());
        bool router = false;
        for (uint32_t k = 0; k < routing->GetNRoutes(); ++k)
        {
            router = router || (routing->GetRoute(k).IsDefault() &&
                                routing->GetRoute(k).GetGateway() == g_router);
        }
        NS_TEST_EXPECT_MSG_EQ(router, true, "default route through the router");
        Simulator::Destroy();
        delete x;
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The address over a handover, IPv4 data both ways, renewals at the MAG the MN is on.
 */
class DhcpHandoverTestCase : public TestCase
{
  public:
    DhcpHandoverTestCase()
        : TestCase("address kept over a handover, IPv4 data continues, renewals at MAG2")
    {
    }

  private:
    /**
     * \brief Send one datagram.
     * \param socket the socket
     * \param to the destination
     */
    static void Send(Ptr<Socket> socket, InetSocketAddress to)
    {
        socket->SendTo(Create<Packet>(100), 0, to);
    }

    /**
     * \brief Count a socket's datagrams before / after the handover.
     * \param before the count before
     * \param after the count after
     * \param handover when
     * \param socket the socket
     */
    static void Count(uint32_t* before, uint32_t* after, Time handover, Ptr<Socket> socket)
    {
        while (socket->Recv())
        {
            (Simulator::Now() < handover ? *before : *after)++;
        }
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        // lease 3 s: T1 1 s, T2 2 s (whole seconds), renewals every second, before and after the
        // handover
        auto* x = new DhcpDomain("mn@dhcp-handover.test", Seconds(3), Seconds(0.501));
        const Time handover = Seconds(3);
        TypeId udp = UdpSocketFactory::GetTypeId();
        Ptr<Socket> cnSocket = Socket::CreateSocket(x->d.cn.Get(0), udp);
        cnSocket->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT));
        Ptr<Socket> mnSocket = Socket::CreateSocket(x->d.mn.Get(0), udp);
        mnSocket->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT));
        uint32_t cnBefore = 0;
        uint32_t cnAfter = 0;
        uint32_t mnBefore = 0;
        uint32_t mnAfter = 0;
        cnSocket->SetRecvCallback(MakeBoundCallback(&Count, &cnBefore, &cnAfter, handover));
        mnSocket->SetRecvCallback(MakeBoundCallback(&Count, &mnBefore, &mnAfter, handover));
        for (Time t = Seconds(1); t < Seconds(6); t += MilliSeconds(50))
        {
            Simulator::ScheduleWithContext(x->d.mn.Get(0)->GetId(),
                                           t,
                                           &DhcpHandoverTestCase::Send,
                                           mnSocket,
                                           InetSocketAddress(x->d.cnIpv4Address, PORT));
            Simulator::ScheduleWithContext(x->d.cn.Get(0)->GetId(),
                                           t + MilliSeconds(25),
                                           &DhcpHandoverTestCase::Send,
                                           cnSocket,
                                           InetSocketAddress(g_hoa, PORT));
        }
        // the MN's address every 10 ms from 1 s to 6 s
        uint32_t samples = 0;
        uint32_t withAddress = 0;
        for (Time t = Seconds(1); t < Seconds(6); t += MilliSeconds(10))
        {
            Simulator::Schedule(t, [&]() {
                ++samples;
                withAddress += AddressOf(x->d.lif) == g_hoa ? 1 : 0;
            });
        }
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, &x->d, 0, 1);
        Simulator::Schedule(handover, &Pmipv6DualAccessDomain::Detach, &x->d, 0);
        Simulator::Schedule(handover + MilliSeconds(100),
                            &Pmipv6DualAccessDomain::Attach,
                            &x->d,
                            1,
                            2);
        Simulator::Stop(Seconds(6.5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(withAddress, samples, "the MN had the address all along");
        NS_TEST_EXPECT_MSG_EQ(x->newLeases.size(), 1u, "one NewLease: the address never changed");
        NS_TEST_EXPECT_MSG_EQ(x->expired.size(), 0u, "no lease expired");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(x->acks[0].size(), 2u, "MAG1: the ACK and renewals");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(x->acks[1].size(), 2u, "MAG2 acknowledged renewals");
        bool ok = true;
        for (uint32_t k = 0; k < 2; ++k)
        {
            for (const Reply& r : x->acks[k])
            {
                ok = ok && r.yiaddr == g_hoa;
                ok = ok && (k == 0 ? r.at < handover : r.at > handover);
            }
        }
        NS_TEST_EXPECT_MSG_EQ(ok, true, "each ACK for the address, from the MAG the MN is on");
        NS_TEST_EXPECT_MSG_EQ(x->naks[0].size() + x->naks[1].size(), 0u, "no NAK");
        NS_TEST_EXPECT_MSG_EQ(x->server[0]->GetLease(x->d.phys[0]->GetAddress()),
                              Ipv4Address::GetAny(),
                              "MAG1's lease ended with the binding");
        NS_TEST_EXPECT_MSG_EQ(x->server[1]->GetLease(x->d.phys[1]->GetAddress()),
                              g_hoa,
                              "MAG2's lease");
        // 40 datagrams each way before the handover (1 s to 3 s), 60 after
        NS_TEST_EXPECT_MSG_EQ(cnBefore, 40u, "uplink through MAG1");
        NS_TEST_EXPECT_MSG_EQ(mnBefore, 40u, "downlink through MAG1");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(cnAfter, 55u, "uplink through MAG2");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(mnAfter, 55u, "downlink through MAG2");
        Simulator::Destroy();
        delete x;
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief After a detach: the binding, the MAG's lease and, at the end of its lease, the MN's
 * address are gone.
 */
class DhcpDetachTestCase : public TestCase
{
  public:
    DhcpDetachTestCase()
        : TestCase("detach: MAG lease and LMA address released, the MN's address gone at lease end")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        auto* x = new DhcpDomain("mn@dhcp-detach.test", Seconds(4), Seconds(0.501));
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, &x->d, 0, 1);
        Simulator::Schedule(Seconds(2), &Pmipv6DualAccessDomain::Detach, &x->d, 0);
        Ipv4Address before;
        Ipv4Address magLeaseBefore;
        Ipv4Address magLeaseAfter;
        Ipv4Address lmaAfter;
        Ipv4Address end;
        Simulator::Schedule(Seconds(1.9), [&]() {
            before = AddressOf(x->d.lif);
            magLeaseBefore = x->server[0]->GetLease(x->d.phys[0]->GetAddress());
        });
        Simulator::Schedule(Seconds(4), [&]() {
            magLeaseAfter = x->server[0]->GetLease(x->d.phys[0]->GetAddress());
            lmaAfter = x->lmaExt->GetHomeAddress(x->d.mnId);
        });
        Simulator::Schedule(Seconds(6.9), [&]() { end = AddressOf(x->d.lif); });
        Simulator::Stop(Seconds(7));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(before, g_hoa, "the MN's address while attached");
        NS_TEST_EXPECT_MSG_EQ(magLeaseBefore, g_hoa, "MAG1's lease while attached");
        NS_TEST_EXPECT_MSG_EQ(magLeaseAfter, Ipv4Address::GetAny(), "MAG1's lease ended");
        NS_TEST_EXPECT_MSG_EQ(lmaAfter, Ipv4Address::GetAny(), "the LMA released the address");
        // the last ACK was at most T1 (2 s) before the detach: the lease ends by 6 s
        NS_TEST_ASSERT_MSG_EQ(x->expired.size(), 1u, "the lease expired at the MN");
        NS_TEST_EXPECT_MSG_EQ(x->expired[0].second, g_hoa, "that lease");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(x->expired[0].first, Seconds(6), "within the lease");
        NS_TEST_EXPECT_MSG_EQ(end, Ipv4Address::GetAny(), "the MN has no address");
        NS_TEST_EXPECT_MSG_EQ(x->acks[1].size() + x->offers[1].size(),
                              0u,
                              "MAG2 answers nothing (the MN is not attached there)");
        Simulator::Destroy();
        delete x;
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Malformed DHCP messages are dropped with a reason and a log line; a valid one after
 * them is answered.
 */
class DhcpMalformedTestCase : public TestCase
{
  public:
    DhcpMalformedTestCase()
        : TestCase("malformed DHCP messages dropped with a reason and a log line")
    {
    }

  private:
    /**
     * \brief A DHCPDISCOVER as the MN would send it: IPv4 / UDP / BOOTP / options.
     * \param chaddr the client's address
     * \return its octets
     */
    static std::vector<uint8_t> Discover(const Address& chaddr)
    {
        std::vector<uint8_t> m(240, 0);
        m[0] = 1; // BOOTREQUEST
        m[1] = 1;
        m[2] = 6;
        m[4] = 0x12;
        m[7] = 0x34; // xid
        chaddr.CopyTo(&m[28]);
        m[236] = 99;
        m[237] = 130;
        m[238] = 83;
        m[239] = 99;
        m.insert(m.end(), {53, 1, 1, 255});
        return m;
    }

    /**
     * \brief IPv4 / UDP around a DHCP message (checksums off).
     * \param dhcp the message
     * \return the packet
     */
    static Ptr<Packet> Frame(const std::vector<uint8_t>& dhcp)
    {
        Ptr<Packet> p = Create<Packet>(dhcp.data(), dhcp.size());
        UdpHeader udp;
        udp.SetSourcePort(68);
        udp.SetDestinationPort(67);
        p->AddHeader(udp);
        Ipv4Header ip;
        ip.SetSource(Ipv4Address::GetAny());
        ip.SetDestination(Ipv4Address::GetBroadcast());
        ip.SetProtocol(17);
        ip.SetPayloadSize(p->GetSize());
        ip.SetTtl(64);
        p->AddHeader(ip);
        return p;
    }

    /**
     * \brief Drop trace: keep the reason.
     * \param out where
     * \param packet the packet
     * \param reason the reason
     */
    static void KeepReason(std::vector<std::string>* out,
                           Ptr<const Packet> packet,
                           const std::string& reason)
    {
        out->push_back(reason);
        (void)packet;
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        // no client on the MN: the messages are handed to MAG1's server directly
        auto* x = new DhcpDomain("mn@dhcp-malformed.test", Seconds(40), Seconds(100));
        std::vector<std::string> reasons;
        x->server[0]->TraceConnectWithoutContext("Drop", MakeBoundCallback(&KeepReason, &reasons));
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, &x->d, 0, 1);
        Simulator::Stop(Seconds(1));
        Simulator::Run();

        Ptr<NetDevice> access = x->d.access[0];
        Address mac = x->d.phys[0]->GetAddress();
        std::vector<std::vector<uint8_t>> bad;
        std::vector<uint8_t> m = Discover(mac);
        bad.push_back(std::vector<uint8_t>(m.begin(), m.begin() + 100)); // short
        std::vector<uint8_t> cookie = m;
        cookie[239] = 98;
        bad.push_back(cookie);
        std::vector<uint8_t> op = m;
        op[0] = 2;
        bad.push_back(op);
        std::vector<uint8_t> truncated(m.begin(), m.begin() + 240);
        truncated.insert(truncated.end(), {53, 4, 1}); // length past the end
        bad.push_back(truncated);
        std::vector<uint8_t> noEnd(m.begin(), m.begin() + 243); // 53 1 1, no End
        bad.push_back(noEnd);
        std::vector<uint8_t> noType(m.begin(), m.begin() + 240);
        noType.push_back(255);
        bad.push_back(noType);
        std::vector<uint8_t> wrongLength(m.begin(), m.begin() + 240);
        wrongLength.insert(wrongLength.end(), {53, 1, 1, 50, 3, 10, 100, 0, 255});
        bad.push_back(wrongLength);
        std::vector<uint8_t> unknown(m.begin(), m.begin() + 240);
        unknown.insert(unknown.end(), {53, 1, 1, 61, 2, 1, 2, 255});
        bad.push_back(unknown);
        std::vector<uint8_t> hlen = m;
        hlen[2] = 17;
        bad.push_back(hlen);

        LogComponentEnable("MagDhcpServer", LOG_LEVEL_WARN);
        std::ostringstream log;
        std::streambuf* saved = std::clog.rdbuf(log.rdbuf());
        for (const auto& b : bad)
        {
            x->server[0]->ReceiveFrame(access,
                                       Frame(b),
                                       Ipv4L3Protocol::PROT_NUMBER,
                                       mac,
                                       Mac48Address::GetBroadcast(),
                                       NetDevice::PACKET_BROADCAST);
        }
        // a UDP length beyond the IPv4 packet
        Ptr<Packet> longUdp = Frame(m);
        std::vector<uint8_t> whole(longUdp->GetSize());
        longUdp->CopyData(whole.data(), whole.size());
        whole[24] = 0x7f;
        x->server[0]->ReceiveFrame(access,
                                   Create<Packet>(whole.data(), whole.size()),
                                   Ipv4L3Protocol::PROT_NUMBER,
                                   mac,
                                   Mac48Address::GetBroadcast(),
                                   NetDevice::PACKET_BROADCAST);
        std::clog.rdbuf(saved);
        LogComponentDisable("MagDhcpServer", LOG_LEVEL_WARN);

        const uint32_t nBad = bad.size() + 1;
        NS_TEST_EXPECT_MSG_EQ(x->server[0]->GetDropCount(), nBad, "each one dropped");
        NS_TEST_ASSERT_MSG_EQ(reasons.size(), nBad, "each with a reason");
        const char* expected[] = {"shorter than a BOOTP message",
                                  "no DHCP magic cookie",
                                  "is not BOOTREQUEST",
                                  "runs past the message",
                                  "no End option",
                                  "no Message Type option",
                                  "option 50 of length 3",
                                  "option 61 is not read",
                                  "hlen 17",
                                  "malformed IPv4 / UDP framing"};
        for (uint32_t k = 0; k < nBad; ++k)
        {
            NS_TEST_EXPECT_MSG_NE(reasons[k].find(expected[k]),
                                  std::string::npos,
                                  "reason " << k << ": " << reasons[k]);
        }
        std::string text = log.str();
        uint32_t lines = 0;
        for (std::string::size_type at = 0;
             (at = text.find("MAG DHCP server: message dropped", at)) != std::string::npos;
             ++at)
        {
            ++lines;
        }
        NS_TEST_EXPECT_MSG_EQ(lines, nBad, "a log line each");
        NS_TEST_EXPECT_MSG_EQ(x->server[0]->GetOfferCount(), 0u, "nothing answered");

        // the server is unharmed: the well-formed DISCOVER is answered
        x->server[0]->ReceiveFrame(access,
                                   Frame(m),
                                   Ipv4L3Protocol::PROT_NUMBER,
                                   mac,
                                   Mac48Address::GetBroadcast(),
                                   NetDevice::PACKET_BROADCAST);
        NS_TEST_EXPECT_MSG_EQ(x->server[0]->GetOfferCount(), 1u, "the valid DISCOVER answered");
        NS_TEST_ASSERT_MSG_EQ(x->offers[0].size(), 1u, "one OFFER");
        NS_TEST_EXPECT_MSG_EQ(Read32(&x->offers[0][0].bytes[28 + 4]), 0x12000034u, "its xid");
        NS_TEST_EXPECT_MSG_EQ(x->offers[0][0].yiaddr, g_hoa, "the PBA's address");
        Simulator::Destroy();
        delete x;
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Suite of the MAG's DHCP server.
 */
class Ipv4DhcpTestSuite : public TestSuite
{
  public:
    Ipv4DhcpTestSuite()
        : TestSuite("pmipv6-ipv4-dhcp", UNIT)
    {
        AddTestCase(new DhcpOfferAckTestCase, TestCase::QUICK);
        AddTestCase(new DhcpHandoverTestCase, TestCase::QUICK);
        AddTestCase(new DhcpDetachTestCase, TestCase::QUICK);
        AddTestCase(new DhcpMalformedTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static Ipv4DhcpTestSuite g_ipv4DhcpTestSuite;

/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * PointToPointAccessChannel and the topology's "p2p" access: a station's frame reaches the
 * MAG only, a unicast frame of the MAG its addressee only, a multicast frame every attached
 * station; detached devices neither send nor receive; the channel's delay; a station moving
 * to another channel. A star with "p2p" access: the same registrations, downlink traffic and
 * handover as with CSMA access, in fewer events; the MAG's pcap file holds the link's frames.
 */

#include "pmipv6-test-udp-flow.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/test.h"

#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <unistd.h>

using namespace ns3;
using ns3::pmipv6test::UdpFlow;

/**
 * \ingroup pmipv6-test
 * \brief The channel on its own: three SimpleNetDevices (the MAG's and two stations) on one
 * channel and a second MAG on another; who receives what, when; Detach, re-attachment and a
 * move; drops.
 */
class PointToPointAccessChannelTestCase : public TestCase
{
  public:
    PointToPointAccessChannelTestCase()
        : TestCase("Channel: station to MAG only, unicast to its addressee only, multicast to "
                   "every attached station, detach, move, drops, delay")
    {
    }

  private:
    /// A frame a device received: (time, protocol, destination).
    struct Reception
    {
        Time at;         ///< when
        uint16_t proto;  ///< protocol number
        Mac48Address to; ///< destination address
    };

    std::map<std::string, std::vector<Reception>> m_rx; ///< what each device received

    /**
     * \brief A device whose every received frame (promiscuous) is recorded under a name.
     * \param name the name
     * \param address its MAC address
     * \return the device
     */
    Ptr<SimpleNetDevice> Device(const std::string& name, const std::string& address)
    {
        Ptr<SimpleNetDevice> device = CreateObject<SimpleNetDevice>();
        device->SetAddress(Mac48Address(address.c_str()));
        device->SetReceiveCallback(NetDevice::ReceiveCallback(
            [](Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&) { return true; }));
        device->SetPromiscReceiveCallback(
            NetDevice::PromiscReceiveCallback([this, name](Ptr<NetDevice>,
                                                           Ptr<const Packet>,
                                                           uint16_t proto,
                                                           const Address&,
                                                           const Address& to,
                                                           NetDevice::PacketType) {
                m_rx[name].push_back({Simulator::Now(), proto, Mac48Address::ConvertFrom(to)});
                return true;
            }));
        return device;
    }

    /**
     * \brief Send a frame from a device now (protocol number 0x86dd unless given).
     * \param from the device
     * \param to destination
     * \param proto protocol number, told apart in the receptions
     */
    static void Send(Ptr<SimpleNetDevice> from, Mac48Address to, uint16_t proto)
    {
        from->Send(Create<Packet>(100), to, proto);
    }

    /**
     * \brief The receptions of a device with one protocol number.
     * \param name the device
     * \param proto the protocol number
     * \return how many
     */
    uint32_t Count(const std::string& name, uint16_t proto) const
    {
        auto it = m_rx.find(name);
        uint32_t n = 0;
        if (it != m_rx.end())
        {
            for (const auto& r : it->second)
            {
                n += r.proto == proto ? 1 : 0;
            }
        }
        return n;
    }

    void DoRun() override
    {
        Ptr<PointToPointAccessChannel> a = CreateObject<PointToPointAccessChannel>();
        Ptr<PointToPointAccessChannel> b = CreateObject<PointToPointAccessChannel>();
        a->SetAttribute("Delay", TimeValue(MilliSeconds(3)));
        b->SetAttribute("Delay", TimeValue(MilliSeconds(3)));
        Ptr<SimpleNetDevice> mag = Device("mag", "00:00:00:00:00:01");
        Ptr<SimpleNetDevice> magB = Device("magB", "00:00:00:00:00:02");
        Ptr<SimpleNetDevice> s1 = Device("s1", "00:00:00:00:00:11");
        Ptr<SimpleNetDevice> s2 = Device("s2", "00:00:00:00:00:12");
        Ptr<SimpleNetDevice> s3 = Device("s3", "00:00:00:00:00:13");
        mag->SetChannel(a);
        magB->SetChannel(b);
        s1->SetChannel(a);
        s2->SetChannel(a);
        s3->SetChannel(a);
        s2->SetChannel(a); // again: no second entry
        uint64_t dropTrace = 0;
        a->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address>(
                [&dropTrace](Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address) {
                    dropTrace++;
                }));
        uint64_t txTrace = 0;
        a->TraceConnectWithoutContext(
            "Tx",
            Callback<void, Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address>(
                [&txTrace](Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address) {
                    txTrace++;
                }));
        NS_TEST_ASSERT_MSG_EQ(a->GetNDevices(), 4, "the MAG's device and three stations");
        NS_TEST_ASSERT_MSG_EQ(a->GetMagDevice(), mag, "the first device is the MAG's");
        NS_TEST_ASSERT_MSG_EQ(a->GetDevice(0), Ptr<NetDevice>(mag), "device 0 is the MAG's");

        Mac48Address bcast = Mac48Address::GetBroadcast();
        Mac48Address group = Mac48Address::GetMulticast(Ipv6Address("ff02::1:ff00:12"));
        // 1: station to another station's address: the MAG only
        Simulator::Schedule(Seconds(1), &Send, s1, Mac48Address("00:00:00:00:00:12"), 1);
        // 2: station to the MAG
        Simulator::Schedule(Seconds(2), &Send, s2, Mac48Address("00:00:00:00:00:01"), 2);
        // 3: station broadcast: the MAG only
        Simulator::Schedule(Seconds(3), &Send, s3, bcast, 3);
        // 4: MAG unicast to s2: s2 only
        Simulator::Schedule(Seconds(4), &Send, mag, Mac48Address("00:00:00:00:00:12"), 4);
        // 5: MAG multicast and 6: broadcast: every station
        Simulator::Schedule(Seconds(5), &Send, mag, group, 5);
        Simulator::Schedule(Seconds(6), &Send, mag, bcast, 6);
        // 7: MAG unicast to an address not attached: dropped
        Simulator::Schedule(Seconds(7), &Send, mag, Mac48Address("00:00:00:00:00:99"), 7);
        // s1 (not the last station) leaves: s2 and s3 keep their entries
        Simulator::Schedule(Seconds(8), [a, s1]() { a->Detach(s1); });
        // 9: MAG multicast: s2, s3; 10: MAG to s1: dropped; 11: s1 sends: dropped;
        // 12: MAG to s3: s3 (its entry moved)
        Simulator::Schedule(Seconds(9), &Send, mag, group, 9);
        Simulator::Schedule(Seconds(10), &Send, mag, Mac48Address("00:00:00:00:00:11"), 10);
        Simulator::Schedule(Seconds(11), &Send, s1, Mac48Address("00:00:00:00:00:01"), 11);
        Simulator::Schedule(Seconds(12), &Send, mag, Mac48Address("00:00:00:00:00:13"), 12);
        // s1 moves to b: 13 from magB reaches it, 14 from mag (to s1) is dropped,
        // 15 from s1 reaches magB, not mag
        Simulator::Schedule(Seconds(12.5), [b, s1]() { s1->SetChannel(b); });
        Simulator::Schedule(Seconds(13), &Send, magB, Mac48Address("00:00:00:00:00:11"), 13);
        Simulator::Schedule(Seconds(14), &Send, mag, Mac48Address("00:00:00:00:00:11"), 14);
        Simulator::Schedule(Seconds(15), &Send, s1, Mac48Address("00:00:00:00:00:02"), 15);
        // s1 back on a: 16 MAG multicast reaches s1, s2, s3
        Simulator::Schedule(Seconds(15.5), [a, b, s1]() {
            b->Detach(s1);
            s1->SetChannel(a);
        });
        Simulator::Schedule(Seconds(16), &Send, mag, bcast, 16);
        // 17: MAG to s2, which leaves 1 ms later, within the 3 ms delay: lost
        Simulator::Schedule(Seconds(17), &Send, mag, Mac48Address("00:00:00:00:00:12"), 17);
        Simulator::Schedule(Seconds(17.001), [a, s2]() { a->Detach(s2); });
        // s3 joins b without Detach from a: 19 from mag (to s3) is dropped, 20 from magB
        // reaches it, 21 (mag broadcast) reaches s1 only
        Simulator::Schedule(Seconds(18), [b, s3]() { s3->SetChannel(b); });
        Simulator::Schedule(Seconds(19), &Send, mag, Mac48Address("00:00:00:00:00:13"), 19);
        Simulator::Schedule(Seconds(20), &Send, magB, Mac48Address("00:00:00:00:00:13"), 20);
        Simulator::Schedule(Seconds(21), &Send, mag, bcast, 21);
        Simulator::Run();

        struct Expect
        {
            uint16_t proto;
            uint32_t mag, magB, s1, s2, s3;
        };

        const Expect expected[] = {
            {1, 1, 0, 0, 0, 0},  {2, 1, 0, 0, 0, 0},  {3, 1, 0, 0, 0, 0},  {4, 0, 0, 0, 1, 0},
            {5, 0, 0, 1, 1, 1},  {6, 0, 0, 1, 1, 1},  {7, 0, 0, 0, 0, 0},  {9, 0, 0, 0, 1, 1},
            {10, 0, 0, 0, 0, 0}, {11, 0, 0, 0, 0, 0}, {12, 0, 0, 0, 0, 1}, {13, 0, 0, 1, 0, 0},
            {14, 0, 0, 0, 0, 0}, {15, 0, 1, 0, 0, 0}, {16, 0, 0, 1, 1, 1}, {17, 0, 0, 0, 0, 0},
            {19, 0, 0, 0, 0, 0}, {20, 0, 0, 0, 0, 1}, {21, 0, 0, 1, 0, 0},
        };
        for (const auto& e : expected)
        {
            NS_TEST_ASSERT_MSG_EQ(Count("mag", e.proto), e.mag, "frame " << e.proto << ": mag");
            NS_TEST_ASSERT_MSG_EQ(Count("magB", e.proto), e.magB, "frame " << e.proto << ": magB");
            NS_TEST_ASSERT_MSG_EQ(Count("s1", e.proto), e.s1, "frame " << e.proto << ": s1");
            NS_TEST_ASSERT_MSG_EQ(Count("s2", e.proto), e.s2, "frame " << e.proto << ": s2");
            NS_TEST_ASSERT_MSG_EQ(Count("s3", e.proto), e.s3, "frame " << e.proto << ": s3");
        }
        // Each reception one Delay (3 ms) after its send (DataRate 0: no transmission time).
        for (const auto& [name, receptions] : m_rx)
        {
            for (const auto& r : receptions)
            {
                NS_TEST_ASSERT_MSG_EQ(r.at,
                                      Seconds(r.proto) + MilliSeconds(3),
                                      name << " received frame " << r.proto << " 3 ms late");
            }
        }
        // 7, 10, 11, 14; 17 (its receiver left on the way); 19 (s3 joined b); 21's copy for s3
        NS_TEST_ASSERT_MSG_EQ(a->GetDropped(), 7, "frames dropped on a");
        NS_TEST_ASSERT_MSG_EQ(dropTrace, 7, "the Drop trace saw them");
        NS_TEST_ASSERT_MSG_EQ(txTrace,
                              16,
                              "the Tx trace saw every frame handed to a (not 13, 15, 20)");
        NS_TEST_ASSERT_MSG_EQ(b->GetDropped(), 0, "nothing dropped on b");
        NS_TEST_ASSERT_MSG_EQ(a->IsAttached(s1), true, "s1 back on a");
        NS_TEST_ASSERT_MSG_EQ(b->IsAttached(s1), false, "s1 left b");
        NS_TEST_ASSERT_MSG_EQ(a->IsAttached(s2), false, "s2 detached");
        NS_TEST_ASSERT_MSG_EQ(a->IsAttached(s3), false, "s3 left a by joining b");
        NS_TEST_ASSERT_MSG_EQ(b->IsAttached(s3), true, "s3 on b");
        // s3 left without Detach: still counted on a (see GetNDevices)
        NS_TEST_ASSERT_MSG_EQ(a->GetNDevices(), 3, "a: the MAG, s1 and s3's stale entry");
        NS_TEST_ASSERT_MSG_EQ(b->GetNDevices(), 2, "b: its MAG and s3");
        a->Detach(mag);
        NS_TEST_ASSERT_MSG_EQ(a->IsAttached(mag), true, "the MAG's device cannot be detached");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-test
 * \brief A star with "p2p" access against the same star with CSMA access: four mobile nodes
 * register at mag1, each receives its downlink UDP flow, one hands over to mag2 and receives
 * its flow there; the same outcome with fewer simulator events; the MAG's pcap file holds the
 * link's UDP frames, with Ethernet II headers.
 */
class PointToPointAccessTopologyTestCase : public TestCase
{
  public:
    PointToPointAccessTopologyTestCase()
        : TestCase("Star with p2p access: registrations, downlink, handover as with CSMA, "
                   "fewer events, MAG pcap")
    {
    }

  private:
    /// What one run produced.
    struct Outcome
    {
        uint32_t mag1Registrations{0};  ///< RegistrationCompleted at mag1
        uint32_t mag2Registrations{0};  ///< RegistrationCompleted at mag2
        std::vector<uint32_t> udp;      ///< downlink UDP packets each MN received
        std::vector<uint32_t> otherUdp; ///< UDP packets to another MN that reached its IPv6
        std::vector<uint32_t> frames;   ///< frames each MN's access device received
        std::vector<uint32_t> foreign;  ///< of which for another host or not from the MAG
        uint64_t events{0};             ///< simulator events
        std::string pcap;               ///< mag1's access pcap file (p2p, with a prefix)
    };

    /**
     * \brief Run the star.
     * \param access "csma" or "p2p"
     * \param pcapPrefix pcap prefix (empty: none)
     * \return the outcome
     */
    Outcome Run(const std::string& access, const std::string& pcapPrefix)
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Outcome out;
        Pmipv6TopologyHelper topo;
        topo.Build(Pmipv6TopologyHelper::MakeStar(2, "5ms", access));
        if (!pcapPrefix.empty())
        {
            topo.EnablePcap(pcapPrefix);
            Ptr<Node> mag1 = topo.GetNode("mag1");
            for (uint32_t d = 0; d < mag1->GetNDevices(); ++d)
            {
                auto device = DynamicCast<SimpleNetDevice>(mag1->GetDevice(d));
                if (device && DynamicCast<PointToPointAccessChannel>(device->GetChannel()))
                {
                    out.pcap = PcapHelper().GetFilenameFromDevice(pcapPrefix, device);
                }
            }
        }
        topo.GetMag("mag1")->TraceConnectWithoutContext(
            "RegistrationCompleted",
            Callback<void, const std::string&, Time, uint8_t>(
                [&out](const std::string&, Time, uint8_t) { out.mag1Registrations++; }));
        topo.GetMag("mag2")->TraceConnectWithoutContext(
            "RegistrationCompleted",
            Callback<void, const std::string&, Time, uint8_t>(
                [&out](const std::string&, Time, uint8_t) { out.mag2Registrations++; }));
        const uint32_t n = 4;
        out.otherUdp.assign(n, 0);
        out.frames.assign(n, 0);
        out.foreign.assign(n, 0);
        std::vector<Ptr<UdpServer>> servers;
        std::vector<Ipv6Address> homes;
        for (uint32_t k = 0; k < n; ++k)
        {
            std::string mnId = "mn" + std::to_string(k);
            topo.AddMobileNode(mnId, "mag1", Seconds(0.5 + 0.1 * k));
            homes.push_back(topo.GetHomeAddress(mnId));
        }
        for (uint32_t k = 0; k < n; ++k)
        {
            std::string mnId = "mn" + std::to_string(k);
            Ptr<Node> node = topo.GetNode(mnId);
            Ipv6Address home = homes[k];
            node->GetObject<Ipv6L3Protocol>()->TraceConnectWithoutContext(
                "Rx",
                Callback<void, Ptr<const Packet>, Ptr<Ipv6>, uint32_t>(
                    [&out, k, home](Ptr<const Packet> p, Ptr<Ipv6>, uint32_t) {
                        Ipv6Header ip;
                        p->PeekHeader(ip);
                        if (ip.GetNextHeader() == UdpL4Protocol::PROT_NUMBER &&
                            ip.GetDestination() != home)
                        {
                            out.otherUdp[k]++;
                        }
                    }));
            // Every frame the access device receives (promiscuous: for other hosts too).
            std::set<Address> mags;
            for (const char* mag : {"mag1", "mag2"})
            {
                mags.insert(topo.GetAccessDevice(mag)->GetAddress());
            }
            topo.GetMobileDevice(mnId)->SetPromiscReceiveCallback(
                NetDevice::PromiscReceiveCallback([&out, k, mags](Ptr<NetDevice>,
                                                                  Ptr<const Packet>,
                                                                  uint16_t,
                                                                  const Address& from,
                                                                  const Address&,
                                                                  NetDevice::PacketType type) {
                    out.frames[k]++;
                    if (type == NetDevice::PACKET_OTHERHOST || mags.count(from) == 0)
                    {
                        out.foreign[k]++;
                    }
                    return true;
                }));
            // mn0's flow runs after its handover to mag2 at 3.5 s
            Time start = k == 0 ? Seconds(4) : Seconds(2);
            servers.push_back(
                UdpFlow(topo.GetNode("cn"), homes[k], node, 9000, start, start + Seconds(1)));
        }
        topo.ScheduleMove("mn0", "mag2", Seconds(3.5), MilliSeconds(50));
        Simulator::Stop(Seconds(5.5));
        Simulator::Run();
        out.events = Simulator::GetEventCount();
        for (uint32_t k = 0; k < n; ++k)
        {
            out.udp.push_back(servers[k]->GetReceived());
        }
        Simulator::Destroy();
        return out;
    }

    /**
     * \brief Count the frames of a pcap file that carry IPv6 / UDP to port 9000.
     * \param path the file
     * \param frames set to the number of frames
     * \return the UDP frames (Ethernet II, EtherType 0x86dd, next header 17, port 9000)
     */
    static uint32_t CountUdpFrames(const std::string& path, uint32_t& frames)
    {
        PcapFile file;
        file.Open(path, std::ios::in);
        frames = 0;
        uint32_t udp = 0;
        uint8_t data[128];
        uint32_t tSec;
        uint32_t tUsec;
        uint32_t inclLen;
        uint32_t origLen;
        uint32_t readLen;
        while (true)
        {
            file.Read(data, sizeof(data), tSec, tUsec, inclLen, origLen, readLen);
            if (file.Fail())
            {
                break;
            }
            frames++;
            if (readLen >= 14 + 40 + 4 && data[12] == 0x86 && data[13] == 0xdd &&
                data[14 + 6] == 17 && data[14 + 40 + 2] == 0x23 && data[14 + 40 + 3] == 0x28)
            {
                udp++;
            }
        }
        file.Close();
        return udp;
    }

    void DoRun() override
    {
        Outcome csma = Run("csma", "");
        std::string prefix = CreateTempDirFilename("p2p-access");
        Outcome p2p = Run("p2p", prefix);
        NS_TEST_ASSERT_MSG_EQ(csma.mag1Registrations, 4, "CSMA: four registrations at mag1");
        NS_TEST_ASSERT_MSG_EQ(p2p.mag1Registrations, 4, "p2p: four registrations at mag1");
        NS_TEST_ASSERT_MSG_EQ(p2p.mag2Registrations, 1, "p2p: mn0 registered at mag2");
        NS_TEST_ASSERT_MSG_EQ(csma.mag2Registrations, 1, "CSMA: mn0 registered at mag2");
        for (uint32_t k = 0; k < p2p.udp.size(); ++k)
        {
            NS_TEST_ASSERT_MSG_EQ(csma.udp[k], 20, "CSMA: mn" << k << " got its 20 packets");
            NS_TEST_ASSERT_MSG_EQ(p2p.udp[k], 20, "p2p: mn" << k << " got its 20 packets");
            NS_TEST_ASSERT_MSG_EQ(p2p.otherUdp[k], 0, "p2p: no other node's UDP at mn" << k);
            NS_TEST_ASSERT_MSG_GT(p2p.frames[k], 20, "p2p: mn" << k << "'s device got frames");
            NS_TEST_ASSERT_MSG_EQ(p2p.foreign[k],
                                  0,
                                  "p2p: mn" << k
                                            << " got no frame for another host or from another "
                                               "node than a MAG");
        }
        // On CSMA the same devices see the other nodes' frames: mn1 the downlink to mn2, mn3.
        NS_TEST_ASSERT_MSG_GT(csma.foreign[1], 40, "CSMA: mn1 saw the others' frames");
        NS_TEST_ASSERT_MSG_LT(p2p.events, csma.events, "p2p access: fewer events than CSMA");

        // mag1's file: the 60 downlink packets to mn1..mn3, with Ethernet headers.
        uint32_t frames = 0;
        std::string path = p2p.pcap;
        NS_TEST_ASSERT_MSG_EQ(path.empty(), false, "mag1 has a p2p access device");
        NS_TEST_ASSERT_MSG_EQ(access(path.c_str(), R_OK), 0, "mag1's access pcap " << path);
        uint32_t udp = CountUdpFrames(path, frames);
        NS_TEST_ASSERT_MSG_EQ(udp, 60, "the 60 downlink UDP packets on mag1's access link");
        NS_TEST_ASSERT_MSG_GT(frames, udp, "and the RS, RA, NS, NA frames");
    }
};

/**
 * \ingroup pmipv6-test
 * \brief The point-to-point access test suite.
 */
class PointToPointAccessTestSuite : public TestSuite
{
  public:
    PointToPointAccessTestSuite()
        : TestSuite("pmipv6-p2p-access", UNIT)
    {
        AddTestCase(new PointToPointAccessChannelTestCase, TestCase::QUICK);
        AddTestCase(new PointToPointAccessTopologyTestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
static PointToPointAccessTestSuite g_pointToPointAccessTestSuite;

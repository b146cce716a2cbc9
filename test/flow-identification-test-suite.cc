/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief Flow identification (draft-soliman-monami6-flow-binding-05 3-5 and 8 at the LMA;
 * RFC 6089 coding) with MagFlowIdentificationExtension and LmaFlowIdentificationExtension:
 * the options' octets in the PBU and PBA, every per-flow status of the draft provoked, and the
 * data path (forward into the referenced BID's tunnel, discard at the LMA, n-cast one copy per
 * BID, priorities of overlapping selectors, the default binding by BID-PRI) counted at the
 * MAGs' access links and at the mobile node, and a filter change that moves one flow with no
 * loss of the others.
 *
 * Topology (Pmipv6DualAccessDomain): CN -- LMA -- MAG1, MAG2 (p2p); MAG1 ==csma== if0,
 * MAG2 ==csma== if1 of one mobile node behind a LogicalInterfaceNetDevice. if0 attaches with
 * HI 1 (BID 1), if1 with HI 6 (a second binding sharing the prefix, BID 2).
 */

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/test.h"

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \ingroup pmipv6-tests
 * \brief The domain with both extensions and both interfaces attached, packet counters at
 * the MAGs' access devices and the MN's physical devices, and UDP flows CN -> MN.
 */
class FlowIdFixture
{
  public:
    /**
     * \brief Build it.
     * \param optionType 243 or 45
     * \param bidPriority1 BID-PRI sent by MAG1 (0 none)
     * \param bidPriority2 BID-PRI sent by MAG2 (0 none)
     */
    FlowIdFixture(uint8_t optionType, uint8_t bidPriority1, uint8_t bidPriority2)
        : d("mn@flow-id.test")
    {
        lmaExt = CreateObject<LmaFlowIdentificationExtension>();
        d.lmaApp->AddExtension(lmaExt);
        uint8_t pri[2] = {bidPriority1, bidPriority2};
        for (uint32_t k = 0; k < 2; ++k)
        {
            magExt[k] = CreateObject<MagFlowIdentificationExtension>();
            magExt[k]->SetAttribute("OptionType", UintegerValue(optionType));
            magExt[k]->SetAttribute("BidPriority", UintegerValue(pri[k]));
            d.magApp[k]->AddExtension(magExt[k]);
            d.access[k]->TraceConnectWithoutContext(
                "MacTx",
                MakeBoundCallback(&FlowIdFixture::MagTx, this, k));
        }
        d.lif->TraceConnectWithoutContext("PhysicalRx", MakeCallback(&FlowIdFixture::MnRx, this));
        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            &d,
                            0,
                            mip6::HI_NEW_INTERFACE);
        Simulator::Schedule(Seconds(1.0),
                            &Pmipv6DualAccessDomain::Attach,
                            &d,
                            1,
                            mip6::HI_NEW_INTERFACE_SHARED_PREFIX);
    }

    /**
     * \brief Start UDP flows to the MN's home address, one datagram per port every 10 ms.
     * \param ports the destination ports
     * \param stop when sending ends
     */
    void StartTraffic(const std::vector<uint16_t>& ports, Time stop)
    {
        auto all = d.lmaApp->GetBindingCache()->FindByMnId(d.mnId);
        if (all.empty() || all[0]->homeNetworkPrefixes.empty())
        {
            return;
        }
        home = Pmipv6Helper::GetHomeAddress(d.lif, all[0]->homeNetworkPrefixes[0]);
        m_stop = stop;
        for (uint16_t port : ports)
        {
            Ptr<Socket> sink = Socket::CreateSocket(d.mn.Get(0), UdpSocketFactory::GetTypeId());
            sink->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), port));
            sink->SetRecvCallback(MakeCallback(&FlowIdFixture::Sink, this));
            m_sockets.push_back(sink);
            Ptr<Socket> s = Socket::CreateSocket(d.cn.Get(0), UdpSocketFactory::GetTypeId());
            s->Bind();
            m_sockets.push_back(s);
            Send(s, port);
        }
    }

    /**
     * \brief Send one datagram and schedule the next.
     * \param s the socket
     * \param port the destination port
     */
    void Send(Ptr<Socket> s, uint16_t port)
    {
        if (Simulator::Now() >= m_stop)
        {
            return;
        }
        sent[{phase, port}]++;
        sentTotal[port]++;
        s->SendTo(Create<Packet>(200), 0, Inet6SocketAddress(home, port));
        Simulator::Schedule(MilliSeconds(10), &FlowIdFixture::Send, this, s, port);
    }

    /**
     * \brief The MN's sockets: datagrams delivered per port (n-cast copies included).
     * \param s the socket
     */
    void Sink(Ptr<Socket> s)
    {
        Address from;
        Address local;
        s->GetSockName(local);
        uint16_t port = Inet6SocketAddress::ConvertFrom(local).GetPort();
        while (s->RecvFrom(from))
        {
            delivered[port]++;
        }
    }

    /**
     * \brief The UDP destination port of an IPv6 packet.
     * \param p the packet (IPv6 header first)
     * \return the port, 0 when not UDP
     */
    static uint16_t UdpPort(Ptr<const Packet> p)
    {
        uint8_t first = 0;
        if (p->GetSize() < 48 || p->CopyData(&first, 1) != 1 || (first >> 4) != 6)
        {
            return 0;
        }
        Ptr<Packet> copy = p->Copy();
        Ipv6Header ip;
        copy->RemoveHeader(ip);
        if (ip.GetNextHeader() != UdpL4Protocol::PROT_NUMBER)
        {
            return 0;
        }
        UdpHeader udp;
        copy->PeekHeader(udp);
        return udp.GetDestinationPort();
    }

    /**
     * \brief MacTx of MAG k's access device (the frame the MAG puts on the MN's link).
     * \param self the fixture
     * \param k the MAG
     * \param p the packet
     */
    static void MagTx(FlowIdFixture* self, uint32_t k, Ptr<const Packet> p)
    {
        // CSMA's MacTx sees the frame: Ethernet (DIX) header first
        Ptr<Packet> frame = p->Copy();
        EthernetHeader eth(false);
        if (frame->GetSize() < eth.GetSerializedSize())
        {
            return;
        }
        frame->RemoveHeader(eth);
        if (uint16_t port = UdpPort(frame))
        {
            self->atMag[{self->phase, k, port}]++;
            self->atMagTotal[{k, port}]++;
        }
    }

    /**
     * \brief PhysicalRx of the MN's logical interface.
     * \param p the packet
     * \param device the physical device
     */
    void MnRx(Ptr<const Packet> p, uint32_t device)
    {
        if (uint16_t port = UdpPort(p))
        {
            atMn[{phase, device, port}]++;
            atMnTotal[{device, port}]++;
        }
    }

    /**
     * \brief Packets at the MN.
     * \param ph the phase
     * \param device the physical device
     * \param port the port
     * \return the count
     */
    uint32_t Mn(uint32_t ph, uint32_t device, uint16_t port)
    {
        return atMn[std::make_tuple(ph, device, port)];
    }

    /**
     * \brief Packets at a MAG's access link.
     * \param ph the phase
     * \param k the MAG
     * \param port the port
     * \return the count
     */
    uint32_t Mag(uint32_t ph, uint32_t k, uint16_t port)
    {
        return atMag[std::make_tuple(ph, k, port)];
    }

    Pmipv6DualAccessDomain d;                               ///< the domain
    Ptr<LmaFlowIdentificationExtension> lmaExt;             ///< LMA side
    Ptr<MagFlowIdentificationExtension> magExt[2];          ///< MAG sides
    Ipv6Address home;                                       ///< the MN's home address
    uint32_t phase{0};                                      ///< current phase (counters)
    std::map<std::pair<uint32_t, uint16_t>, uint32_t> sent; ///< (phase, port)
    std::map<uint16_t, uint32_t> sentTotal;                 ///< per port
    std::map<uint16_t, uint32_t> delivered;                 ///< per port, at the MN's sockets
    std::map<std::tuple<uint32_t, uint32_t, uint16_t>, uint32_t> atMn;  ///< (phase, dev, port)
    std::map<std::tuple<uint32_t, uint32_t, uint16_t>, uint32_t> atMag; ///< (phase, MAG, port)
    std::map<std::pair<uint32_t, uint16_t>, uint32_t> atMnTotal;        ///< (dev, port)
    std::map<std::pair<uint32_t, uint16_t>, uint32_t> atMagTotal;       ///< (MAG, port)

  private:
    Time m_stop;                        ///< sending ends
    std::vector<Ptr<Socket>> m_sockets; ///< kept open
};

/**
 * \brief A flow.
 * \param fid FID
 * \param priority PRI
 * \param action mip6::FbidAction
 * \param port destination port (0: no flow description)
 * \param bids Binding Reference
 * \return the flow
 */
MagFlowIdentificationExtension::Flow
MakeFlow(uint16_t fid,
         uint16_t priority,
         uint8_t action,
         uint16_t port,
         const std::vector<uint16_t>& bids)
{
    MagFlowIdentificationExtension::Flow f;
    f.fid = fid;
    f.priority = priority;
    f.action = action;
    if (port != 0)
    {
        f.hasDescription = true;
        f.selector.SetDestinationPort(port);
    }
    f.bids = bids;
    return f;
}

/**
 * \brief The octets of a Mobility Header message.
 * \param h the message
 * \return its octets
 */
std::vector<uint8_t>
Octets(const Header& h)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    std::vector<uint8_t> v(p->GetSize());
    p->CopyData(v.data(), v.size());
    return v;
}

/**
 * \brief Whether \p needle occurs in \p hay.
 * \param hay the octets
 * \param needle the sequence
 * \return true when found
 */
bool
Contains(const std::vector<uint8_t>& hay, const std::vector<uint8_t>& needle)
{
    return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

/**
 * \ingroup pmipv6-tests
 * \brief The Flow Identification options' octets in the PBU (add, replace, refresh, remove)
 * and their copies in the PBA, in one coding.
 */
class FlowIdWireTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param optionType 243 or 45
     */
    explicit FlowIdWireTestCase(uint8_t optionType)
        : TestCase(optionType == mip6::OPT_FB_FLOW_IDENTIFICATION
                       ? "option 243 on the wire: add, replace, refresh, remove and their copies"
                       : "option 45 on the wire: add, replace, Flow Summary, remove and copies"),
          m_type(optionType)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        FlowIdFixture f(m_type, 0, 0);
        std::vector<std::vector<uint8_t>> pbus;
        std::vector<std::vector<uint8_t>> pbas;
        f.d.magApp[0]->TraceConnectWithoutContext(
            "TxPbu",
            Callback<void, const BindingUpdateHeader&, Ipv6Address>(
                [&pbus](const BindingUpdateHeader& h, Ipv6Address) { pbus.push_back(Octets(h)); }));
        f.d.lmaApp->TraceConnectWithoutContext(
            "TxPba",
            Callback<void, const BindingAckHeader&, Ipv6Address>(
                [&pbas](const BindingAckHeader& h, Ipv6Address) { pbas.push_back(Octets(h)); }));
        const std::string& mn = f.d.mnId;
        uint32_t pbusBefore[4] = {0, 0, 0, 0};
        Simulator::Schedule(Seconds(2.0), [&]() {
            pbusBefore[0] = pbus.size();
            f.magExt[0]->AddFlow(mn, MakeFlow(7, 3, mip6::FBID_ACTION_FORWARD, 5001, {2}));
        });
        Simulator::Schedule(Seconds(2.5), [&]() {
            pbusBefore[1] = pbus.size();
            f.magExt[0]->ModifyFlow(mn, MakeFlow(7, 3, mip6::FBID_ACTION_FORWARD, 5001, {1}));
        });
        Simulator::Schedule(Seconds(3.0), [&]() {
            pbusBefore[2] = pbus.size();
            f.magExt[0]->AddFlow(mn, MakeFlow(8, 4, mip6::FBID_ACTION_DISCARD, 0, {}));
        });
        Simulator::Schedule(Seconds(3.5), [&]() {
            pbusBefore[3] = pbus.size();
            f.magExt[0]->RemoveFlow(mn, 7);
        });
        Simulator::Stop(Seconds(4));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(pbus.size(), pbusBefore[3] + 1, "one PBU per request");
        TrafficSelector ts;
        ts.SetDestinationPort(5001);
        Buffer b;
        b.AddAtStart(ts.GetSerializedSize());
        Buffer::Iterator it = b.Begin();
        ts.Serialize(it);
        std::vector<uint8_t> sel(ts.GetSerializedSize());
        b.CopyData(sel.data(), sel.size());
        auto S = static_cast<uint8_t>(sel.size());
        // the flow description: Traffic Selector sub-option, TS Format 2 (IPv6 binary)
        std::vector<uint8_t> desc = {3, static_cast<uint8_t>(2 + S), 2, 0};
        desc.insert(desc.end(), sel.begin(), sel.end());
        auto cat = [](std::vector<uint8_t> a, const std::vector<uint8_t>& c) {
            a.insert(a.end(), c.begin(), c.end());
            return a;
        };
        const std::vector<uint8_t>& addPbu = pbus[pbusBefore[0]];
        const std::vector<uint8_t>& addPba = pbas[pbas.size() - 4];
        const std::vector<uint8_t>& modPbu = pbus[pbusBefore[1]];
        const std::vector<uint8_t>& refreshPbu = pbus[pbusBefore[2]];
        const std::vector<uint8_t>& remPbu = pbus[pbusBefore[3]];
        const std::vector<uint8_t>& remPba = pbas.back();
        if (m_type == mip6::OPT_FB_FLOW_IDENTIFICATION)
        {
            auto L = static_cast<uint8_t>(6 + 4 + S + 4);
            // Type, Len, PRI, FID, Action 1 forward, Status, PRO 0 add | Res
            std::vector<uint8_t> fixedAdd = {243, L, 3, 0, 7, 1, 0, 0x00};
            NS_TEST_EXPECT_MSG_EQ(Contains(addPbu, cat(cat(fixedAdd, desc), {1, 2, 0, 2})),
                                  true,
                                  "PBU: add, flow description, Binding Reference {2}");
            NS_TEST_EXPECT_MSG_EQ(Contains(addPba, {243, 6, 3, 0, 7, 1, 0, 0x00}),
                                  true,
                                  "PBA: the fixed part copied, Status 0");
            NS_TEST_EXPECT_MSG_EQ(
                Contains(modPbu, cat(cat({243, L, 3, 0, 7, 1, 0, 0x10}, desc), {1, 2, 0, 1})),
                true,
                "PBU: replace (PRO 1), Binding Reference {1}");
            NS_TEST_EXPECT_MSG_EQ(
                Contains(refreshPbu, cat(cat({243, L, 3, 0, 7, 1, 0, 0x20}, desc), {1, 2, 0, 1})),
                true,
                "next PBU: refresh (PRO 2) of flow 7 with its description");
            NS_TEST_EXPECT_MSG_EQ(Contains(refreshPbu, {243, 6, 4, 0, 8, 2, 0, 0x00}),
                                  true,
                                  "PBU: wild-card discard add, no sub-option");
            NS_TEST_EXPECT_MSG_EQ(Contains(remPbu, {243, 6, 3, 0, 7, 1, 0, 0xf0}),
                                  true,
                                  "PBU: remove (PRO 15), fixed part only");
            NS_TEST_EXPECT_MSG_EQ(Contains(remPba, {243, 6, 3, 0, 7, 1, 0, 0xf0}),
                                  true,
                                  "PBA: remove acknowledged, Status 0");
            NS_TEST_EXPECT_MSG_EQ(Contains(remPba, {243, 6, 4, 0, 8, 2, 0, 0x20}),
                                  true,
                                  "PBA: refresh of flow 8 acknowledged");
        }
        else
        {
            auto L = static_cast<uint8_t>(6 + 4 + S + 4);
            // Type, Len, FID, FID-PRI, Reserved, Status
            std::vector<uint8_t> fixedAdd = {45, L, 0, 7, 0, 3, 0, 0};
            NS_TEST_EXPECT_MSG_EQ(Contains(addPbu, cat(cat(fixedAdd, desc), {2, 2, 0, 2})),
                                  true,
                                  "PBU: option 45, Traffic Selector, BID Reference {2}");
            NS_TEST_EXPECT_MSG_EQ(Contains(addPba, {45, 6, 0, 7, 0, 3, 0, 0}),
                                  true,
                                  "PBA: the fixed part copied, Status 0");
            NS_TEST_EXPECT_MSG_EQ(Contains(modPbu, cat(cat(fixedAdd, desc), {2, 2, 0, 1})),
                                  true,
                                  "PBU: the same FID with new sub-options (replace)");
            NS_TEST_EXPECT_MSG_EQ(Contains(refreshPbu, {44, 2, 0, 7}),
                                  true,
                                  "next PBU: Flow Summary {7} (refresh)");
            NS_TEST_EXPECT_MSG_EQ(Contains(refreshPbu, {45, 10, 0, 8, 0, 4, 0, 0, 2, 2, 0, 0}),
                                  true,
                                  "PBU: discard = BID Reference {0}, no Traffic Selector");
            NS_TEST_EXPECT_MSG_EQ(Contains(remPbu, {45, 6, 0, 7, 0, 3, 0, 0}),
                                  true,
                                  "PBU: remove = the FID without sub-options");
            NS_TEST_EXPECT_MSG_EQ(Contains(remPba, {45, 6, 0, 7, 0, 3, 0, 0}),
                                  true,
                                  "PBA: remove acknowledged, Status 0");
        }
        NS_TEST_EXPECT_MSG_EQ(f.magExt[0]->IsFlowActive(mn, 7), false, "flow 7 removed");
        NS_TEST_EXPECT_MSG_EQ(f.magExt[0]->IsFlowActive(mn, 8), true, "flow 8 active");
        uint64_t owner = f.d.lmaApp->GetFlowOwner(mn);
        NS_TEST_EXPECT_MSG_EQ(f.d.lmaApp->GetFlowBindingTable()->GetOwnerSize(owner),
                              1,
                              "the LMA keeps flow 8 only");
        NS_TEST_EXPECT_MSG_EQ(f.magExt[0]->GetBindingId(mn), 1, "MAG1 learnt BID 1 from the PBA");
        NS_TEST_EXPECT_MSG_EQ(f.magExt[1]->GetBindingId(mn), 2, "MAG2 learnt BID 2 from the PBA");
        Simulator::Destroy();
    }

    uint8_t m_type; ///< option type
};

/**
 * \brief A draft option with a flow description of an unknown TS Format (9), built from octets.
 * \param fid the FID
 * \return the option
 */
Ptr<FbFlowIdentificationOption>
UnknownFormatOption(uint16_t fid)
{
    std::vector<uint8_t> data = {1,
                                 static_cast<uint8_t>(fid >> 8),
                                 static_cast<uint8_t>(fid & 0xff),
                                 mip6::FBID_ACTION_FORWARD,
                                 0,
                                 0x00,
                                 3,
                                 4,
                                 9,
                                 0,
                                 0xaa,
                                 0xbb};
    Buffer b;
    b.AddAtStart(data.size());
    b.Begin().Write(data.data(), data.size());
    Ptr<FbFlowIdentificationOption> o = Create<FbFlowIdentificationOption>();
    std::string error;
    bool ok = o->DeserializeData(b.Begin(), data.size(), error);
    NS_ABORT_MSG_UNLESS(ok, "test option: " << error);
    return o;
}

/**
 * \ingroup pmipv6-tests
 * \brief Every per-flow Status of draft-soliman-monami6-flow-binding 3.1 (0, 128-139) provoked
 * through real PBUs, each read back at the MAG; the PBA Status stays 0 (8.2); an LMA that does
 * not answer the options makes the MAG count a rejection (4.8).
 */
class FlowIdStatusTestCase : public TestCase
{
  public:
    FlowIdStatusTestCase()
        : TestCase("draft statuses 0 and 128-139, the PBA status untouched, no copy = rejected")
    {
    }

  private:
    /**
     * \brief Set an LMA attribute.
     * \param name the attribute
     * \param v the value
     */
    void Set(const std::string& name, const AttributeValue& v)
    {
        m_f->lmaExt->SetAttribute(name, v);
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        FlowIdFixture f(mip6::OPT_FB_FLOW_IDENTIFICATION, 0, 0);
        m_f = &f;
        Ptr<MagFlowIdentificationExtension> mag = f.magExt[0];
        const std::string mn = f.d.mnId;
        using Step = std::function<void()>;
        std::vector<std::pair<Step, Step>> steps; // (setup + request, restore)
        auto add = [&](MagFlowIdentificationExtension::Flow fl) {
            return [mag, mn, fl]() { mag->AddFlow(mn, fl); };
        };
        auto none = []() {};
        const uint8_t FWD = mip6::FBID_ACTION_FORWARD;
        // 0: accepted; 135: the same FID again; 136: remove an unknown FID
        steps.emplace_back(add(MakeFlow(1, 5, FWD, 6001, {})), none);
        steps.emplace_back(add(MakeFlow(1, 5, FWD, 6002, {})), none);
        steps.emplace_back([mag, mn]() { mag->RemoveFlow(mn, 99); }, none);
        // 129: n-cast without Binding Reference; 128: a BID the LMA does not know
        steps.emplace_back(add(MakeFlow(2, 5, mip6::FBID_ACTION_N_CAST, 6003, {})), none);
        steps.emplace_back(add(MakeFlow(3, 5, FWD, 6004, {9})), none);
        // 130: MaxFlowsPerMn reached
        steps.emplace_back(
            [&, mag, mn]() {
                Set("MaxFlowsPerMn", UintegerValue(1));
                mag->AddFlow(mn, MakeFlow(4, 5, FWD, 6005, {}));
            },
            [&]() { Set("MaxFlowsPerMn", UintegerValue(0)); });
        // 131-134: a classifier field the LMA does not support
        MagFlowIdentificationExtension::Flow prefix = MakeFlow(5, 5, FWD, 0, {});
        prefix.hasDescription = true;
        prefix.selector.SetDestinationAddressPrefix(Ipv6Address("2001:1:1::"), Ipv6Prefix(48));
        steps.emplace_back(
            [&, mag, mn, prefix]() {
                Set("SupportPrefix", BooleanValue(false));
                mag->AddFlow(mn, prefix);
            },
            [&]() { Set("SupportPrefix", BooleanValue(true)); });
        steps.emplace_back(
            [&, mag, mn]() {
                Set("SupportPorts", BooleanValue(false));
                mag->AddFlow(mn, MakeFlow(6, 5, FWD, 6006, {}));
            },
            [&]() { Set("SupportPorts", BooleanValue(true)); });
        MagFlowIdentificationExtension::Flow label = MakeFlow(7, 5, FWD, 0, {});
        label.hasDescription = true;
        label.selector.SetFlowLabel(0x12345);
        steps.emplace_back(
            [&, mag, mn, label]() {
                Set("SupportFlowLabel", BooleanValue(false));
                mag->AddFlow(mn, label);
            },
            [&]() { Set("SupportFlowLabel", BooleanValue(true)); });
        MagFlowIdentificationExtension::Flow spi = MakeFlow(8, 5, FWD, 0, {});
        spi.hasDescription = true;
        spi.selector.SetSpi(0x1000);
        steps.emplace_back(
            [&, mag, mn, spi]() {
                Set("SupportSpi", BooleanValue(false));
                mag->AddFlow(mn, spi);
            },
            [&]() { Set("SupportSpi", BooleanValue(true)); });
        // 137: a flow description of an unknown TS Format
        steps.emplace_back([mag, mn]() { mag->AddRawOption(mn, UnknownFormatOption(9)); }, none);
        // 138 / 139: discard / n-cast not supported
        steps.emplace_back(
            [&, mag, mn]() {
                Set("SupportDiscard", BooleanValue(false));
                mag->AddFlow(mn, MakeFlow(10, 5, mip6::FBID_ACTION_DISCARD, 6010, {}));
            },
            [&]() { Set("SupportDiscard", BooleanValue(true)); });
        steps.emplace_back(
            [&, mag, mn]() {
                Set("SupportNcast", BooleanValue(false));
                mag->AddFlow(mn, MakeFlow(11, 5, mip6::FBID_ACTION_N_CAST, 6011, {2}));
            },
            [&]() { Set("SupportNcast", BooleanValue(true)); });
        // 129: n-cast to the sender's own binding alone (8.1 MAY); 129: unknown PRO
        steps.emplace_back(add(MakeFlow(12, 5, mip6::FBID_ACTION_N_CAST, 6012, {1})), none);
        steps.emplace_back(
            [mag, mn]() {
                Ptr<FbFlowIdentificationOption> o = Create<FbFlowIdentificationOption>();
                o->SetFlowId(13);
                o->SetAction(mip6::FBID_ACTION_FORWARD);
                o->SetPro(7);
                mag->AddRawOption(mn, o);
            },
            none);
        // 129: unknown Action; 136: replace of an unknown FID; 0: n-cast to BIDs 1 and 2
        steps.emplace_back(add(MakeFlow(14, 5, 9, 6014, {})), none);
        steps.emplace_back(
            [mag, mn]() {
                mag->ModifyFlow(mn, MakeFlow(50, 5, mip6::FBID_ACTION_FORWARD, 6050, {}));
            },
            none);
        steps.emplace_back(add(MakeFlow(15, 5, mip6::FBID_ACTION_N_CAST, 6015, {2})), none);
        // last: an LMA without the extension's answers: no copy = rejection
        steps.emplace_back(
            [&, mag, mn]() {
                Set("AnswerFlowOptions", BooleanValue(false));
                mag->AddFlow(mn, MakeFlow(16, 5, FWD, 6016, {}));
            },
            [&]() { Set("AnswerFlowOptions", BooleanValue(true)); });
        int status15 = -2; // flow 15's status before the LMA stops answering
        Simulator::Schedule(Seconds(2) + MilliSeconds(100) * (steps.size() - 1) - MilliSeconds(1),
                            [&]() { status15 = mag->GetLastStatus(mn, 15); });
        for (uint32_t i = 0; i < steps.size(); ++i)
        {
            Time t = Seconds(2) + MilliSeconds(100) * i;
            Simulator::Schedule(t, steps[i].first);
            Simulator::Schedule(t + MilliSeconds(50), steps[i].second);
        }
        Simulator::Stop(Seconds(2) + MilliSeconds(100) * steps.size() + Seconds(0.2));
        Simulator::Run();

        struct Expect
        {
            uint16_t fid;
            int status;
            const char* what;
        };

        std::vector<Expect> expect = {
            {3, mip6::FBID_STATUS_REJECTED_UNSPECIFIED, "128: unknown BID"},
            {2, mip6::FBID_STATUS_POORLY_FORMED, "129: n-cast without Binding Reference"},
            {4, mip6::FBID_STATUS_ADMINISTRATIVELY_PROHIBITED, "130: MaxFlowsPerMn"},
            {5, mip6::FBID_STATUS_PREFIX_NOT_SUPPORTED, "131: prefix"},
            {6, mip6::FBID_STATUS_PORTS_NOT_SUPPORTED, "132: ports"},
            {7, mip6::FBID_STATUS_FLOW_LABEL_NOT_SUPPORTED, "133: flow label"},
            {8, mip6::FBID_STATUS_SPI_NOT_SUPPORTED, "134: SPI"},
            {99, mip6::FBID_STATUS_FID_NOT_FOUND, "136: remove of an unknown FID"},
            {9, mip6::FBID_STATUS_CLASSIFIER_NOT_SUPPORTED, "137: unknown TS Format"},
            {10, mip6::FBID_STATUS_DISCARD_NOT_SUPPORTED, "138: discard"},
            {11, mip6::FBID_STATUS_N_CAST_NOT_SUPPORTED, "139: n-cast"},
            {12, mip6::FBID_STATUS_POORLY_FORMED, "129: n-cast to the own binding alone"},
            {13, mip6::FBID_STATUS_POORLY_FORMED, "129: unknown PRO"},
            {14, mip6::FBID_STATUS_POORLY_FORMED, "129: unknown Action"},
            {50, mip6::FBID_STATUS_FID_NOT_FOUND, "136: replace of an unknown FID"},
            {16, -1, "no copy in the PBA"},
        };
        for (const auto& e : expect)
        {
            NS_TEST_EXPECT_MSG_EQ(mag->GetLastStatus(mn, e.fid), e.status, e.what);
        }
        NS_TEST_EXPECT_MSG_EQ(status15, mip6::FBID_STATUS_SUCCESS, "0: n-cast to BIDs 1 and 2");
        NS_TEST_EXPECT_MSG_EQ(mag->GetLastStatus(mn, 1), -1, "flow 1's last refresh: no copy");
        NS_TEST_EXPECT_MSG_EQ(f.lmaExt->GetStatusCount(mip6::FBID_STATUS_FID_ALREADY_IN_USE),
                              1,
                              "135: the duplicate FID 1");
        for (uint8_t s = 128; s <= 139; ++s)
        {
            NS_TEST_EXPECT_MSG_GT(f.lmaExt->GetStatusCount(s), 0, "status " << +s << " sent");
        }
        NS_TEST_EXPECT_MSG_EQ(mag->IsFlowActive(mn, 15), false, "refresh unanswered: dropped");
        NS_TEST_EXPECT_MSG_EQ(mag->IsFlowActive(mn, 16), false, "unanswered add: not active");
        NS_TEST_EXPECT_MSG_GT(mag->GetUnacknowledgedCount(), 0, "rejections by absence counted");
        // 8.2: the PBA Status is not the flows' business
        NS_TEST_EXPECT_MSG_EQ(f.d.magApp[0]->GetPbaCount(mip6::BA_ACCEPTED),
                              f.d.magApp[0]->GetPbuCount(),
                              "every PBA accepted");
        uint64_t owner = f.d.lmaApp->GetFlowOwner(mn);
        Ptr<FlowBindingTable> table = f.d.lmaApp->GetFlowBindingTable();
        NS_TEST_EXPECT_MSG_EQ((table->Find(owner, 1) != nullptr), true, "flow 1 in the LMA");
        const FlowBindingEntry* n15 = table->Find(owner, 15);
        NS_TEST_ASSERT_MSG_EQ((n15 != nullptr), true, "flow 15 in the LMA");
        NS_TEST_EXPECT_MSG_EQ(n15->bids.size(), 2, "n-cast to the sender's BID and BID 2");
        NS_TEST_EXPECT_MSG_EQ(table->Find(owner, 1)->selector.GetDestinationPortStart(),
                              6001,
                              "the duplicate add did not change flow 1");
        Simulator::Destroy();
    }

    FlowIdFixture* m_f{nullptr}; ///< the fixture of the run
};

/**
 * \ingroup pmipv6-tests
 * \brief RFC 6089 coding: BID not found (131), FID not found on a Flow Summary refresh (132),
 * unknown TS Format (133), administratively prohibited (128).
 */
class FlowId6089StatusTestCase : public TestCase
{
  public:
    FlowId6089StatusTestCase()
        : TestCase("RFC 6089 coding: statuses 128, 131, 132, 133")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        FlowIdFixture f(mip6::OPT_FLOW_IDENTIFICATION, 0, 0);
        Ptr<MagFlowIdentificationExtension> mag = f.magExt[0];
        const std::string mn = f.d.mnId;
        Simulator::Schedule(Seconds(2.0), [&]() {
            mag->AddFlow(mn, MakeFlow(1, 5, mip6::FBID_ACTION_FORWARD, 6001, {9}));
        });
        Simulator::Schedule(Seconds(2.1), [&]() {
            mag->AddRawOption(mn, Create<FlowSummaryOption>(std::vector<uint16_t>{77}));
        });
        Simulator::Schedule(Seconds(2.2), [&]() {
            Ptr<FlowIdentificationOption> o = Create<FlowIdentificationOption>(3, 5);
            Buffer b;
            std::vector<uint8_t> data = {9, 0, 0xaa, 0xbb}; // TS Format 9
            b.AddAtStart(data.size());
            b.Begin().Write(data.data(), data.size());
            Ptr<TrafficSelectorSubOption> ts = Create<TrafficSelectorSubOption>();
            std::string error;
            ts->DeserializeData(b.Begin(), data.size(), error);
            o->AddSubOption(ts);
            mag->AddRawOption(mn, o);
        });
        Simulator::Schedule(Seconds(2.3), [&]() {
            f.lmaExt->SetAttribute("SupportDiscard", BooleanValue(false));
            mag->AddFlow(mn, MakeFlow(4, 5, mip6::FBID_ACTION_DISCARD, 6004, {}));
        });
        Simulator::Stop(Seconds(2.6));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(mag->GetLastStatus(mn, 1),
                              static_cast<int>(mip6::FID_STATUS_BID_NOT_FOUND),
                              "131: BID not found");
        NS_TEST_EXPECT_MSG_EQ(mag->GetLastStatus(mn, 77),
                              static_cast<int>(mip6::FID_STATUS_FID_NOT_FOUND),
                              "132: Flow Summary of an unknown FID");
        NS_TEST_EXPECT_MSG_EQ(mag->GetLastStatus(mn, 3),
                              static_cast<int>(mip6::FID_STATUS_TS_FORMAT_NOT_SUPPORTED),
                              "133: TS Format not supported");
        NS_TEST_EXPECT_MSG_EQ(mag->GetLastStatus(mn, 4),
                              static_cast<int>(mip6::FID_STATUS_ADMINISTRATIVELY_PROHIBITED),
                              "128: discard not supported");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The data path, counted per packet at both MAGs' access links and at the MN's devices:
 * forward (5001, to the sender's binding), discard (5002), n-cast (5003, BIDs 1 and 2),
 * overlapping selectors (5004-5005 via BID 1 at PRI 20, 5005 via BID 2 at PRI 10), the
 * default binding by BID-PRI (5009: BID 2, PRI 10 better than BID 1's 20); then flow 1 moves
 * to BID 2 (PRO replace) with no loss of any flow, and the discard flow is removed.
 */
class FlowIdDataPathTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param optionType 243 or 45
     */
    explicit FlowIdDataPathTestCase(uint8_t optionType)
        : TestCase(optionType == mip6::OPT_FB_FLOW_IDENTIFICATION
                       ? "data path (option 243): forward, discard, n-cast, priorities, "
                         "default binding, a move without loss"
                       : "data path (option 45): forward, discard, n-cast, priorities, default "
                         "binding, a move without loss"),
          m_type(optionType)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        FlowIdFixture f(m_type, 20, 10);
        Ptr<MagFlowIdentificationExtension> mag = f.magExt[0];
        const std::string mn = f.d.mnId;
        const uint8_t FWD = mip6::FBID_ACTION_FORWARD;
        Simulator::Schedule(Seconds(1.5), [&]() {
            mag->AddFlow(mn, MakeFlow(1, 10, FWD, 5001, {}));
            mag->AddFlow(mn, MakeFlow(2, 10, mip6::FBID_ACTION_DISCARD, 5002, {}));
            mag->AddFlow(mn, MakeFlow(3, 10, mip6::FBID_ACTION_N_CAST, 5003, {1, 2}));
            MagFlowIdentificationExtension::Flow range = MakeFlow(4, 20, FWD, 0, {1});
            range.hasDescription = true;
            range.selector.SetDestinationPortRange(5004, 5005);
            mag->AddFlow(mn, range);
            mag->AddFlow(mn, MakeFlow(5, 10, FWD, 5005, {2}));
        });
        uint16_t defaultBid = 0;
        uint32_t entries = 0;
        bool active = false;
        // 1900 ms, not Seconds(1.9): ns-3 before 3.36 truncates 1.9 s to 1,899,999,999 ns, which
        // puts every send 1 ns before a phase boundary (one packet more counted in phase 0)
        Simulator::Schedule(MilliSeconds(1900), [&]() {
            defaultBid = f.lmaExt->GetDefaultBindingId(mn);
            entries = f.d.lmaApp->GetFlowBindingTable()->GetOwnerSize(f.d.lmaApp->GetFlowOwner(mn));
            active = true;
            for (uint16_t fid = 1; fid <= 5; ++fid)
            {
                active = active && mag->IsFlowActive(mn, fid);
            }
            f.StartTraffic({5001, 5002, 5003, 5004, 5005, 5009}, Seconds(5));
        });
        // phase 1 from 3 s (PBU at 3 s, transition counted as phase 9), phase 2 from 4 s
        Simulator::Schedule(Seconds(3.0), [&]() {
            f.phase = 9;
            mag->ModifyFlow(mn, MakeFlow(1, 10, FWD, 5001, {2}));
        });
        Simulator::Schedule(Seconds(3.05), [&]() { f.phase = 1; });
        Simulator::Schedule(Seconds(4.0), [&]() {
            f.phase = 9;
            mag->RemoveFlow(mn, 2);
        });
        Simulator::Schedule(Seconds(4.05), [&]() { f.phase = 2; });
        uint64_t discardBefore = 0;
        Simulator::Schedule(Seconds(3.99), [&]() {
            discardBefore = f.d.lmaApp->GetRouting()->GetFlowDiscardCount();
        });
        Simulator::Stop(Seconds(5.5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(defaultBid, 2, "default binding: BID 2 (BID-PRI 10 < 20)");
        NS_TEST_EXPECT_MSG_EQ(entries, 5, "five flow bindings at the LMA");
        NS_TEST_EXPECT_MSG_EQ(active, true, "all five acknowledged");
        uint32_t sent0 = f.sent[{0, 5001}];
        NS_TEST_ASSERT_MSG_GT(sent0, 90, "traffic ran in phase 0");
        for (uint32_t k = 0; k < 2; ++k)
        {
            for (uint16_t port : {5001, 5002, 5003, 5004, 5005, 5009})
            {
                uint32_t atMag = f.atMagTotal[std::make_pair(k, port)];
                uint32_t atMn = f.atMnTotal[std::make_pair(k, port)];
                NS_TEST_EXPECT_MSG_EQ(atMag,
                                      atMn,
                                      "MAG" << k + 1 << " delivered what it received, port "
                                            << port);
            }
        }
        // phase 0 (2-3 s): per flow, which tunnel, how many copies, dropped
        NS_TEST_EXPECT_MSG_EQ(f.Mag(0, 0, 5001), sent0, "forward: all via MAG1 (BID 1)");
        NS_TEST_EXPECT_MSG_EQ(f.Mag(0, 1, 5001), 0, "forward: none via MAG2");
        NS_TEST_EXPECT_MSG_EQ(f.Mn(0, 0, 5002) + f.Mn(0, 1, 5002), 0, "discard: none at the MN");
        NS_TEST_EXPECT_MSG_EQ(f.Mn(0, 0, 5003), sent0, "n-cast: one copy on if0");
        NS_TEST_EXPECT_MSG_EQ(f.Mn(0, 1, 5003), sent0, "n-cast: one copy on if1");
        NS_TEST_EXPECT_MSG_EQ(f.Mn(0, 0, 5004), sent0, "5004: only the range (BID 1)");
        NS_TEST_EXPECT_MSG_EQ(f.Mn(0, 1, 5004), 0, "5004: not BID 2");
        NS_TEST_EXPECT_MSG_EQ(f.Mn(0, 1, 5005), sent0, "5005: PRI 10 beats PRI 20 (BID 2)");
        NS_TEST_EXPECT_MSG_EQ(f.Mn(0, 0, 5005), 0, "5005: not the range's BID 1");
        NS_TEST_EXPECT_MSG_EQ(f.Mn(0, 1, 5009), sent0, "no match: the default binding BID 2");
        NS_TEST_EXPECT_MSG_EQ(f.Mn(0, 0, 5009), 0, "no match: not BID 1");
        // phase 1: flow 1 moved to BID 2
        uint32_t sent1 = f.sent[{1, 5001}];
        NS_TEST_EXPECT_MSG_EQ(f.Mn(1, 1, 5001), sent1, "moved: all via MAG2");
        NS_TEST_EXPECT_MSG_EQ(f.Mn(1, 0, 5001), 0, "moved: none via MAG1");
        NS_TEST_EXPECT_MSG_EQ(f.Mn(1, 0, 5004), sent1, "unmoved 5004 still via MAG1");
        // discard counted at the LMA; removed in phase 2: the default binding then
        NS_TEST_EXPECT_MSG_GT(discardBefore, 190, "discard: dropped and counted at the LMA");
        uint32_t sent2 = f.sent[{2, 5002}];
        NS_TEST_EXPECT_MSG_GT(sent2, 80, "traffic ran in phase 2");
        NS_TEST_EXPECT_MSG_EQ(f.Mn(2, 1, 5002), sent2, "discard removed: the default binding");
        NS_TEST_EXPECT_MSG_EQ(f.d.lmaApp->GetRouting()->GetFlowDiscardCount() + f.delivered[5002],
                              f.sentTotal[5002],
                              "every 5002 packet was dropped at the LMA or delivered");
        // no loss of any forwarded flow across the move and the removal
        for (uint16_t port : {5001, 5004, 5005, 5009})
        {
            NS_TEST_EXPECT_MSG_EQ(f.delivered[port], f.sentTotal[port], "no loss, port " << port);
        }
        NS_TEST_EXPECT_MSG_EQ(f.delivered[5003], 2 * f.sentTotal[5003], "n-cast: two copies");
        Simulator::Destroy();
    }

    uint8_t m_type; ///< option type
};

/**
 * \ingroup pmipv6-tests
 * \brief The suite.
 */
class FlowIdentificationTestSuite : public TestSuite
{
  public:
    FlowIdentificationTestSuite()
        : TestSuite("pmipv6-flow-identification", UNIT)
    {
        AddTestCase(new FlowIdWireTestCase(mip6::OPT_FB_FLOW_IDENTIFICATION), TestCase::QUICK);
        AddTestCase(new FlowIdWireTestCase(mip6::OPT_FLOW_IDENTIFICATION), TestCase::QUICK);
        AddTestCase(new FlowIdStatusTestCase, TestCase::QUICK);
        AddTestCase(new FlowId6089StatusTestCase, TestCase::QUICK);
        AddTestCase(new FlowIdDataPathTestCase(mip6::OPT_FB_FLOW_IDENTIFICATION), TestCase::QUICK);
        AddTestCase(new FlowIdDataPathTestCase(mip6::OPT_FLOW_IDENTIFICATION), TestCase::QUICK);
    }
};

/// The suite's instance.
FlowIdentificationTestSuite g_flowIdentificationTestSuite;

} // namespace

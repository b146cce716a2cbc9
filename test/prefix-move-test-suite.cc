/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief Prefix moves with a prefix per interface (pmipv6 flow mobility draft section 3.2,
 * Figure 4) and RFC 5846 per-prefix revocation:
 * - the MAG revokes only the prefixes a BRI names (routes, RA with lifetime 0), keeps the
 *   entry and its other prefixes, answers 0 / 128, and revokes the entry when the BRI names
 *   all its prefixes (1, partial success, when it also names an unknown one);
 * - a PBU of the MN's second interface moves pref2 to the new binding: PBU, PBA [pref2],
 *   BRI [P, pref2] to MAG1, BRA on the wire in that order; the caches hold Figure 6; the
 *   downlink of pref2 reaches the second physical interface, pref1's is unaffected; the
 *   flows bound to the new binding (rule and the MAG's Flow Identification request) are
 *   named in the PBA; when that interface detaches, its flows go inactive and are re-bound to
 *   the remaining binding.
 *
 * Topology: CN -- LMA -- MAG1, MAG2 (p2p); MAG1 ==csma== if0, MAG2 ==csma== if1 of one mobile
 * node behind a LogicalInterfaceNetDevice (Pmipv6DualAccessDomain).
 */

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/test.h"

#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace ns3;

namespace
{

/// pref1 and pref2: the MN's static home network prefixes (not 2001:db8::/32: ns-3 does not
/// forward the documentation prefix).
const HomeNetworkPrefix g_pref1{Ipv6Address("2001:2:a::"), 64};
/// pref2.
const HomeNetworkPrefix g_pref2{Ipv6Address("2001:2:b::"), 64};

/**
 * \ingroup pmipv6-tests
 * \brief Give the domain's MN the static prefixes pref1 and pref2.
 * \param d the domain
 */
void
GiveTwoPrefixes(Pmipv6DualAccessDomain& d)
{
    Ptr<Pmipv6ProfileStore> store = d.pmip.GetProfileStore();
    Pmipv6Profile profile = *store->Lookup(d.mnId);
    profile.homeNetworkPrefixes = {g_pref1, g_pref2};
    store->RemoveProfile(d.mnId);
    store->AddProfile(profile);
}

/**
 * \ingroup pmipv6-tests
 * \brief Read the Router Advertisement prefix options of a frame sent on an access link.
 * \param p the packet (IPv6 header first)
 * \param [out] prefixes (prefix, valid lifetime) per Prefix Information option
 * \return true when it is a Router Advertisement
 */
bool
ReadRa(Ptr<const Packet> p, std::vector<std::pair<Ipv6Address, uint32_t>>& prefixes)
{
    Ptr<Packet> copy = p->Copy();
    Ipv6Header ip;
    if (copy->RemoveHeader(ip) == 0 || ip.GetNextHeader() != Icmpv6L4Protocol::PROT_NUMBER)
    {
        return false;
    }
    std::vector<uint8_t> b(copy->GetSize());
    copy->CopyData(b.data(), b.size());
    if (b.size() < 16 || b[0] != Icmpv6Header::ICMPV6_ND_ROUTER_ADVERTISEMENT)
    {
        return false;
    }
    size_t i = 16;
    while (i + 2 <= b.size() && b[i + 1] != 0)
    {
        size_t len = b[i + 1] * 8;
        if (b[i] == Icmpv6Header::ICMPV6_OPT_PREFIX && len == 32 && i + len <= b.size())
        {
            uint32_t valid = (uint32_t(b[i + 4]) << 24) | (uint32_t(b[i + 5]) << 16) |
                             (uint32_t(b[i + 6]) << 8) | b[i + 7];
            prefixes.emplace_back(Ipv6Address(&b[i + 16]), valid);
        }
        i += len;
    }
    return true;
}

/**
 * \ingroup pmipv6-tests
 * \brief RFC 5846 at the MAG: a BRI naming some of a binding's prefixes revokes only those.
 */
class PerPrefixRevocationTestCase : public TestCase
{
  public:
    PerPrefixRevocationTestCase()
        : TestCase("BRI [P, pref2] revokes only pref2 at the MAG (routes, RA lifetime 0); "
                   "unknown prefix: 128; all prefixes: the whole entry (1 with an unknown one)")
    {
    }

  private:
    /// Send a BRI from the LMA to MAG1 naming \p prefixes (through the LMA's transactions).
    void SendBri(std::vector<HomeNetworkPrefix> prefixes)
    {
        Ptr<SignallingTransactionManager> sig = m_lma->GetSignalling();
        uint16_t seq = sig->NextSequence(m_mag);
        BindingRevocationIndicationHeader bri;
        bri.SetSequence(seq);
        bri.SetFlag(BindingRevocationHeader::FLAG_P, true);
        bri.SetRevocationTrigger(mip6::BRI_TRIGGER_ADMINISTRATIVE_REASON);
        bri.AddOption(Create<MobileNodeIdentifierOption>(m_mnId));
        for (const auto& prefix : prefixes)
        {
            bri.AddOption(Create<HomeNetworkPrefixOption>(prefix.prefix, prefix.length));
        }
        SignallingTransactionManager::Request r(m_lma->GetAddress(),
                                                m_mag,
                                                mip6::MH_BINDING_REVOCATION,
                                                mip6::BR_ACKNOWLEDGEMENT,
                                                seq);
        r.onReply = MakeCallback(&PerPrefixRevocationTestCase::Bra, this);
        sig->Start(bri, r);
    }

    /// A BRA arrived.
    void Bra(SignallingTransactionManager::TransactionId /* id */,
             const MobilityHeader& reply,
             const Ipv6Header& /* ip */)
    {
        m_braStatus.push_back(static_cast<const BindingRevocationAckHeader&>(reply).GetStatus());
    }

    /// PhysicalRx of the MN: the RAs' prefixes (if0), pref1's downlink datagrams.
    void MnRx(Ptr<const Packet> p, uint32_t device)
    {
        std::vector<std::pair<Ipv6Address, uint32_t>> prefixes;
        if (device == 0 && ReadRa(p, prefixes))
        {
            m_ras.push_back(prefixes);
        }
        Ptr<Packet> copy = p->Copy();
        Ipv6Header ip;
        copy->RemoveHeader(ip);
        if (ip.GetNextHeader() == UdpL4Protocol::PROT_NUMBER && ip.GetDestination() == m_home)
        {
            m_arrived[m_phase]++;
        }
    }

    /// Count datagrams at the MN.
    void Receive(Ptr<Socket> s)
    {
        while (s->Recv())
        {
            m_received[m_phase]++;
        }
    }

    /// Send one datagram to pref1's home address every 20 ms.
    void Send()
    {
        if (Simulator::Now() >= Seconds(4))
        {
            return;
        }
        m_cn->SendTo(Create<Packet>(100), 0, Inet6SocketAddress(m_home, 9000));
        Simulator::Schedule(MilliSeconds(20), &PerPrefixRevocationTestCase::Send, this);
    }

    /// The BUL entry's prefixes at MAG1 (empty when there is no entry).
    std::vector<HomeNetworkPrefix> BulPrefixes(Ptr<Pmipv6MagApplication> mag, uint32_t& entries)
    {
        auto all = mag->GetBindingUpdateList()->FindByMnId(m_mnId);
        entries = all.size();
        return all.empty() ? std::vector<HomeNetworkPrefix>() : all.front()->homeNetworkPrefixes;
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6DualAccessDomain d("mn@bri.test");
        GiveTwoPrefixes(d);
        m_mnId = d.mnId;
        m_lma = d.lmaApp;
        m_mag = d.proxyCoa[0];
        Ptr<Pmipv6MagApplication> mag = d.magApp[0];
        d.lif->TraceConnectWithoutContext("PhysicalRx",
                                          MakeCallback(&PerPrefixRevocationTestCase::MnRx, this));
        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            &d,
                            0,
                            mip6::HI_NEW_INTERFACE);
        uint32_t entries0 = 0;
        std::vector<HomeNetworkPrefix> before;
        Ptr<Socket> mnSocket;
        Simulator::Schedule(Seconds(1.5), [&]() {
            before = BulPrefixes(mag, entries0);
            m_home = Pmipv6Helper::GetHomeAddress(d.lif, g_pref1);
            mnSocket = Socket::CreateSocket(d.mn.Get(0), UdpSocketFactory::GetTypeId());
            mnSocket->Bind(Inet6SocketAddress(m_home, 9000));
            mnSocket->SetRecvCallback(MakeCallback(&PerPrefixRevocationTestCase::Receive, this));
            m_cn = Socket::CreateSocket(d.cn.Get(0), UdpSocketFactory::GetTypeId());
            m_cn->Bind();
            Send();
        });
        size_t rasBefore = 0;
        Simulator::Schedule(Seconds(2), [&]() {
            m_phase = 1;
            rasBefore = m_ras.size();
            SendBri({g_pref2});
        });
        uint32_t entries1 = 0;
        std::vector<HomeNetworkPrefix> after1;
        bool route1 = false;
        bool route2 = true;
        Simulator::Schedule(Seconds(2.5), [&]() {
            after1 = BulPrefixes(mag, entries1);
            route1 = mag->GetRouting()->HasBinding(g_pref1.prefix, 64);
            route2 = mag->GetRouting()->HasBinding(g_pref2.prefix, 64);
        });
        uint32_t entries2 = 0;
        std::vector<HomeNetworkPrefix> after2;
        Simulator::Schedule(Seconds(3), [&]() {
            m_phase = 2;
            SendBri({{Ipv6Address("2001:2:c::"), 64}});
        });
        Simulator::Schedule(Seconds(3.2), [&]() { after2 = BulPrefixes(mag, entries2); });
        uint32_t entries3 = 1;
        Simulator::Schedule(Seconds(3.5), [&]() {
            m_phase = 3;
            SendBri({g_pref1, {Ipv6Address("2001:2:c::"), 64}});
        });
        Simulator::Schedule(Seconds(3.8), [&]() {
            uint32_t n = 0;
            BulPrefixes(mag, n);
            entries3 = n;
        });
        Simulator::Stop(Seconds(4.5));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(entries0, 1, "MAG1 registered the MN");
        NS_TEST_ASSERT_MSG_EQ(before.size(), 2, "with pref1 and pref2");
        NS_TEST_ASSERT_MSG_EQ(m_braStatus.size(), 3, "three BRAs");
        // BRI [pref2]: only pref2 goes
        NS_TEST_EXPECT_MSG_EQ(+m_braStatus[0], +mip6::BRA_SUCCESS, "per-prefix BRA: success");
        NS_TEST_EXPECT_MSG_EQ(entries1, 1, "the entry stays");
        NS_TEST_EXPECT_MSG_EQ(after1.size(), 1, "with one prefix");
        NS_TEST_EXPECT_MSG_EQ((after1.size() == 1 && after1[0] == g_pref1), true, "pref1 stays");
        NS_TEST_EXPECT_MSG_EQ(route1, true, "pref1 still routed to the MN");
        NS_TEST_EXPECT_MSG_EQ(route2, false, "pref2's route removed");
        NS_TEST_EXPECT_MSG_EQ(mag->GetRevokedPrefixCount(), 1, "one prefix revoked");
        bool withdrawn = false;
        for (size_t k = rasBefore; k < m_ras.size(); ++k)
        {
            for (const auto& pi : m_ras[k])
            {
                withdrawn = withdrawn || (pi.first == g_pref2.prefix && pi.second == 0);
                NS_TEST_EXPECT_MSG_EQ((pi.first == g_pref1.prefix && pi.second == 0),
                                      false,
                                      "pref1 is not withdrawn");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(withdrawn, true, "an RA gives pref2 valid lifetime 0");
        NS_TEST_EXPECT_MSG_GT(m_arrived[0], 20, "pref1's downlink arrives before (if0)");
        NS_TEST_EXPECT_MSG_GT(m_arrived[1], 40, "pref1's downlink arrives after (if0)");
        NS_TEST_EXPECT_MSG_GT(m_received[1], 40, "pref1's downlink still reaches the MN");
        // BRI [unknown prefix]: nothing changes
        NS_TEST_EXPECT_MSG_EQ(+m_braStatus[1],
                              +mip6::BRA_BINDING_DOES_NOT_EXIST,
                              "unknown prefix: binding does not exist");
        NS_TEST_EXPECT_MSG_EQ(entries2, 1, "the entry is untouched");
        NS_TEST_EXPECT_MSG_EQ(after2.size(), 1, "its prefix too");
        NS_TEST_EXPECT_MSG_GT(m_received[2], 20, "pref1 still delivered");
        // BRI naming the entry's every prefix (and an unknown one): the whole entry
        NS_TEST_EXPECT_MSG_EQ(+m_braStatus[2],
                              +mip6::BRA_PARTIAL_SUCCESS,
                              "whole-entry BRA, one named prefix unknown: partial success");
        NS_TEST_EXPECT_MSG_EQ(entries3, 0, "the entry is revoked");
        NS_TEST_EXPECT_MSG_EQ(mag->GetRevokedCount(), 1, "one binding revoked");
        Simulator::Destroy();
    }

    std::string m_mnId;                                               ///< the MN
    Ptr<Pmipv6LmaApplication> m_lma;                                  ///< the LMA
    Ipv6Address m_mag;                                                ///< MAG1's Proxy-CoA
    Ipv6Address m_home;                                               ///< pref1's home address
    Ptr<Socket> m_cn;                                                 ///< CN's sender
    uint32_t m_phase{0};                                              ///< 0..3
    std::map<uint32_t, uint32_t> m_received;                          ///< per phase
    std::map<uint32_t, uint32_t> m_arrived;                           ///< per phase, on if0
    std::vector<uint8_t> m_braStatus;                                 ///< in arrival order
    std::vector<std::vector<std::pair<Ipv6Address, uint32_t>>> m_ras; ///< MAG1's RAs
};

/**
 * \ingroup pmipv6-tests
 * \brief MAG extension of the test: MAG2's first PBU requests one flow (RFC 6089 Flow
 * Identification option, destination port 9003).
 */
class FlowRequestMagExtension : public Pmipv6MagExtension
{
  public:
    void AddPbuOptions(BindingUpdateHeader& pbu, Ptr<const BindingUpdateListEntry> entry) override
    {
        if (entry->state != BindingUpdateListEntry::REGISTERING)
        {
            return;
        }
        Ptr<FlowIdentificationOption> fid = Create<FlowIdentificationOption>(7, 10);
        TrafficSelector ts;
        ts.SetDestinationPort(9003);
        fid->AddTrafficSelector(ts);
        pbu.AddOption(fid);
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Figure 4: the MN's second interface attaches; pref2 moves to its binding.
 */
class PbuTriggeredMoveTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param deactivate FlowsOnDetach Deactivate instead of RebindToDefault
     */
    PbuTriggeredMoveTestCase(bool deactivate)
        : TestCase(deactivate
                       ? "Figure 4, FlowsOnDetach=Deactivate: the detached binding's flows stay "
                         "inactive; a flow with another BID stays active"
                       : "Figure 4: PBU of if2, PBA [pref2], BRI [P, pref2] to MAG1, BRA; Figure 6 "
                         "caches; pref2's downlink on if2, pref1's unaffected; detach re-binds "
                         "flows"),
          m_deactivate(deactivate)
    {
    }

  private:
    /// Mobility Header messages on the LMA's links to the MAGs (MacTx / MacRx, PPP framed).
    void Wire(std::string dir, Ptr<const Packet> p)
    {
        Ptr<Packet> copy = p->Copy();
        PppHeader ppp;
        copy->RemoveHeader(ppp);
        Ipv6Header ip;
        if (copy->RemoveHeader(ip) == 0 || ip.GetNextHeader() != MobilityL4Protocol::PROT_NUMBER)
        {
            return;
        }
        std::vector<uint8_t> b(copy->GetSize());
        copy->CopyData(b.data(), b.size());
        if (b.size() < 8)
        {
            return;
        }
        Ipv6Address peer = dir == "tx" ? ip.GetDestination() : ip.GetSource();
        std::string mag = peer == m_coa[0] ? "MAG1" : peer == m_coa[1] ? "MAG2" : "?";
        std::ostringstream os;
        switch (b[2])
        {
        case mip6::MH_BINDING_UPDATE:
            os << "PBU " << mag << "->LMA";
            break;
        case mip6::MH_BINDING_ACK: {
            BindingAckHeader pba;
            copy->PeekHeader(pba);
            os << "PBA LMA->" << mag << " status " << +pba.GetStatus() << " [";
            for (const auto& hnp : pba.GetOptions().FindAll<HomeNetworkPrefixOption>())
            {
                os << (hnp->GetPrefix() == g_pref1.prefix   ? "pref1"
                       : hnp->GetPrefix() == g_pref2.prefix ? "pref2"
                                                            : "other")
                   << " ";
            }
            os << "]";
            if (mag == "MAG2" && m_pbaFids.empty())
            {
                for (const auto& f : pba.GetOptions().FindAll<FlowIdentificationOption>())
                {
                    m_pbaFids.emplace_back(f->GetFid(), f->GetBids(), f->GetTrafficSelector());
                }
            }
            break;
        }
        case mip6::MH_BINDING_REVOCATION:
            if (b[6] == mip6::BR_INDICATION)
            {
                BindingRevocationIndicationHeader bri;
                copy->PeekHeader(bri);
                os << "BRI LMA->" << mag << (bri.IsProxy() ? " P" : "") << " [";
                for (const auto& hnp : bri.GetOptions().FindAll<HomeNetworkPrefixOption>())
                {
                    os << (hnp->GetPrefix() == g_pref1.prefix   ? "pref1"
                           : hnp->GetPrefix() == g_pref2.prefix ? "pref2"
                                                                : "other")
                       << " ";
                }
                os << "]";
            }
            else
            {
                BindingRevocationAckHeader bra;
                copy->PeekHeader(bra);
                os << "BRA " << mag << "->LMA status " << +bra.GetStatus();
            }
            break;
        default:
            os << "MH " << +b[2];
        }
        m_wire.push_back(os.str());
    }

    /// PhysicalRx: downlink UDP per (phase, device, MN port).
    void Rx(Ptr<const Packet> p, uint32_t device)
    {
        Ptr<Packet> copy = p->Copy();
        Ipv6Header ip;
        copy->RemoveHeader(ip);
        if (ip.GetNextHeader() != UdpL4Protocol::PROT_NUMBER)
        {
            return;
        }
        UdpHeader udp;
        copy->PeekHeader(udp);
        m_down[std::make_tuple(m_phase, device, udp.GetDestinationPort())]++;
    }

    /// Flow mobility cache changes of the MN.
    void FlowChanged(const FlowBindingEntry& e, FlowBindingTable::Change change)
    {
        if (m_phase >= 2)
        {
            m_flowChanges[e.fid].push_back(change);
        }
    }

    /// Send one datagram of flow \p k (port 9000 + k) and schedule the next.
    void Send(uint32_t k)
    {
        if (Simulator::Now() >= Seconds(6))
        {
            return;
        }
        m_cn[k]->SendTo(Create<Packet>(100), 0, Inet6SocketAddress(m_home[k], 9000 + k));
        Simulator::Schedule(MilliSeconds(20), &PbuTriggeredMoveTestCase::Send, this, k);
    }

    /**
     * \brief Downlink packets.
     * \param phase the phase
     * \param device the physical device
     * \param port the MN's port
     * \return the count
     */
    uint32_t Down(uint32_t phase, uint32_t device, uint16_t port)
    {
        return m_down[std::make_tuple(phase, device, port)];
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6DualAccessDomain d("mn@figure4.test");
        GiveTwoPrefixes(d);
        m_coa[0] = d.proxyCoa[0];
        m_coa[1] = d.proxyCoa[1];
        Ptr<Pmipv6LmaApplication> lma = d.lmaApp;
        lma->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(Seconds(1)));
        // MAG1 refreshes at 3.7 s, after the move: its PBU must list pref1 only
        d.magApp[0]->SetAttribute("BindingLifetime", TimeValue(Seconds(4)));
        Ptr<PrefixMoveRule> rule = CreateObject<PrefixMoveRule>();
        rule->AddPrefix(g_pref2);
        TrafficSelector flowY;
        flowY.SetDestinationPort(9001);
        rule->AddFlow(flowY);
        Ptr<LmaFlowMobilityExtension> fm = CreateObject<LmaFlowMobilityExtension>();
        fm->SetAttribute("PrefixMoveRule", PointerValue(rule));
        if (m_deactivate)
        {
            fm->SetAttribute("FlowsOnDetach", StringValue("Deactivate"));
        }
        lma->AddExtension(fm);
        d.magApp[1]->AddExtension(CreateObject<FlowRequestMagExtension>());
        Ptr<FlowBindingTable> table = lma->GetFlowBindingTable();
        table->TraceConnectWithoutContext(
            "EntryChanged",
            MakeCallback(&PbuTriggeredMoveTestCase::FlowChanged, this));
        for (uint32_t i = 0; i < d.lma.Get(0)->GetNDevices(); ++i)
        {
            Ptr<PointToPointNetDevice> dev =
                DynamicCast<PointToPointNetDevice>(d.lma.Get(0)->GetDevice(i));
            if (dev)
            {
                dev->TraceConnectWithoutContext(
                    "MacTx",
                    MakeCallback(&PbuTriggeredMoveTestCase::Wire, this).Bind(std::string("tx")));
                dev->TraceConnectWithoutContext(
                    "MacRx",
                    MakeCallback(&PbuTriggeredMoveTestCase::Wire, this).Bind(std::string("rx")));
            }
        }
        d.lif->TraceConnectWithoutContext("PhysicalRx",
                                          MakeCallback(&PbuTriggeredMoveTestCase::Rx, this));
        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            &d,
                            0,
                            mip6::HI_NEW_INTERFACE);
        Ptr<Socket> mnSocket[2];
        Simulator::Schedule(Seconds(1.5), [&]() {
            m_wire.clear();
            const HomeNetworkPrefix* prefixes[2] = {&g_pref1, &g_pref2};
            for (uint32_t k = 0; k < 2; ++k)
            {
                m_home[k] = Pmipv6Helper::GetHomeAddress(d.lif, *prefixes[k]);
                mnSocket[k] = Socket::CreateSocket(d.mn.Get(0), UdpSocketFactory::GetTypeId());
                mnSocket[k]->Bind(Inet6SocketAddress(m_home[k], 9000 + k));
                m_cn[k] = Socket::CreateSocket(d.cn.Get(0), UdpSocketFactory::GetTypeId());
                m_cn[k]->Bind();
                Send(k);
            }
        });
        // 2.5 s: if2 attaches at MAG2 (a new interface: HI 1)
        Simulator::Schedule(Seconds(2.5), [&]() {
            m_phase = 1;
            d.Attach(1, mip6::HI_NEW_INTERFACE);
        });
        // 3 s: Figure 6
        std::vector<std::tuple<uint16_t, Ipv6Address, std::vector<HomeNetworkPrefix>>> bces;
        std::vector<HomeNetworkPrefix> bul[2];
        std::vector<std::pair<uint16_t, std::vector<uint16_t>>> flows;
        Simulator::Schedule(Seconds(3), [&]() {
            for (const auto& e : lma->GetBindingCache()->FindByMnId(d.mnId))
            {
                bces.emplace_back(e->bindingId, e->proxyCoa, e->homeNetworkPrefixes);
            }
            for (uint32_t k = 0; k < 2; ++k)
            {
                auto all = d.magApp[k]->GetBindingUpdateList()->FindByMnId(d.mnId);
                if (!all.empty())
                {
                    bul[k] = all.front()->homeNetworkPrefixes;
                }
            }
            for (const FlowBindingEntry* e : table->GetEntries(lma->GetFlowOwner(d.mnId)))
            {
                flows.emplace_back(e->fid, e->bids);
            }
            m_sequence = m_wire;
        });
        // 3.1 s: a flow bound to both bindings (BID 2 first)
        Simulator::Schedule(Seconds(3.1), [&]() {
            FlowBindingEntry both;
            both.owner = lma->GetFlowOwner(d.mnId);
            both.fid = 50;
            both.priority = 200;
            both.selector.SetDestinationPort(9005);
            both.bids = {2, 1};
            table->Add(both);
        });
        // 4 s: if2 leaves MAG2; its binding is deleted 1 s later
        Simulator::Schedule(Seconds(4), [&]() {
            m_phase = 2;
            d.Detach(1);
        });
        std::vector<std::tuple<uint16_t, std::vector<uint16_t>, bool>> flowsAfter;
        std::vector<HomeNetworkPrefix> bulAfter;
        bool registeredAfter = false;
        Simulator::Schedule(Seconds(5.5), [&]() {
            m_phase = 3;
            auto all = d.magApp[0]->GetBindingUpdateList()->FindByMnId(d.mnId);
            if (!all.empty())
            {
                bulAfter = all.front()->homeNetworkPrefixes;
                registeredAfter = all.front()->state == BindingUpdateListEntry::REGISTERED;
            }
            for (const FlowBindingEntry* e : table->GetEntries(lma->GetFlowOwner(d.mnId)))
            {
                flowsAfter.emplace_back(e->fid, e->bids, e->active);
            }
        });
        Simulator::Stop(Seconds(6.5));
        Simulator::Run();

        // the message sequence of Figure 4 on the LMA's links
        std::vector<std::string> expected = {"PBU MAG2->LMA",
                                             "PBA LMA->MAG2 status 0 [pref2 ]",
                                             "BRI LMA->MAG1 P [pref2 ]",
                                             "BRA MAG1->LMA status 0"};
        std::ostringstream seen;
        for (const auto& m : m_sequence)
        {
            seen << m << "; ";
        }
        NS_TEST_EXPECT_MSG_EQ((m_sequence == expected), true, "Figure 4 sequence: " << seen.str());
        NS_TEST_EXPECT_MSG_EQ(fm->GetPrefixMoveCount(), 1, "one prefix moved");
        NS_TEST_EXPECT_MSG_EQ(fm->GetPrefixRevocationAckCount(), 1, "its BRA processed");
        // Figure 6: BID 1 pref1 MAG1, BID 2 pref2 MAG2
        NS_TEST_ASSERT_MSG_EQ(bces.size(), 2, "two binding cache entries");
        for (const auto& bce : bces)
        {
            uint16_t bid = std::get<0>(bce);
            NS_TEST_EXPECT_MSG_EQ(std::get<1>(bce), m_coa[bid - 1], "BID " << bid << "'s MAG");
            NS_TEST_EXPECT_MSG_EQ(
                (std::get<2>(bce) == std::vector<HomeNetworkPrefix>{bid == 1 ? g_pref1 : g_pref2}),
                true,
                "BID " << bid << "'s prefix");
        }
        NS_TEST_EXPECT_MSG_EQ((bul[0] == std::vector<HomeNetworkPrefix>{g_pref1}),
                              true,
                              "MAG1 serves pref1 only after the BRI");
        NS_TEST_EXPECT_MSG_EQ((bul[1] == std::vector<HomeNetworkPrefix>{g_pref2}),
                              true,
                              "MAG2 serves pref2");
        // flows bound to BID 2 (the rule's flow Y, the MAG's request) and named in the PBA
        NS_TEST_EXPECT_MSG_EQ(flows.size(), 2, "two flow entries");
        for (const auto& f : flows)
        {
            NS_TEST_EXPECT_MSG_EQ((f.second == std::vector<uint16_t>{2}),
                                  true,
                                  "flow " << f.first << " bound to BID 2");
        }
        NS_TEST_EXPECT_MSG_EQ(m_pbaFids.size(), 2, "the PBA to MAG2 names both flows");
        std::vector<uint16_t> ports;
        for (const auto& f : m_pbaFids)
        {
            NS_TEST_EXPECT_MSG_EQ((std::get<1>(f) == std::vector<uint16_t>{2}),
                                  true,
                                  "BID Reference 2");
            ports.push_back(std::get<2>(f).GetDestinationPortStart());
        }
        NS_TEST_EXPECT_MSG_EQ((ports == std::vector<uint16_t>{9001, 9003}),
                              true,
                              "the rule's flow (9001) and the requested one (9003)");
        // data: phase 0 both on if0; phase 1 (after the move) pref2 on if1, pref1 on if0
        NS_TEST_EXPECT_MSG_GT(Down(0, 0, 9000), 40, "before: pref1 on if0");
        NS_TEST_EXPECT_MSG_GT(Down(0, 0, 9001), 40, "before: pref2 on if0");
        NS_TEST_EXPECT_MSG_EQ(Down(0, 1, 9001), 0, "before: nothing on if1");
        NS_TEST_EXPECT_MSG_GT(Down(1, 1, 9001), 60, "after: pref2 reaches if2 via MAG2");
        NS_TEST_EXPECT_MSG_LT(Down(1, 0, 9001), 3, "after: pref2 leaves if1");
        NS_TEST_EXPECT_MSG_GT(Down(1, 0, 9000), 70, "pref1 unaffected on if1");
        NS_TEST_EXPECT_MSG_EQ(Down(1, 1, 9000), 0, "pref1 not on if2");
        NS_TEST_EXPECT_MSG_GT(Down(2, 0, 9000), 60, "pref1 still served by MAG1 after the BRI");
        NS_TEST_EXPECT_MSG_GT(Down(3, 0, 9000), 20, "and after the detach");
        // MAG1's refresh after the per-prefix BRI lists pref1 only and is accepted
        NS_TEST_EXPECT_MSG_EQ(d.magApp[0]->GetPbuCount(), 2, "MAG1: registration and a refresh");
        NS_TEST_EXPECT_MSG_EQ(lma->GetPbaCount(mip6::BA_BCE_PBU_PREFIX_SET_DO_NOT_MATCH),
                              0,
                              "no prefix-set mismatch");
        NS_TEST_EXPECT_MSG_EQ((bulAfter == std::vector<HomeNetworkPrefix>{g_pref1}),
                              true,
                              "MAG1 still serves pref1");
        NS_TEST_EXPECT_MSG_EQ(registeredAfter, true, "registered after its refresh");
        // detach: flows 1 and 2 lost their only BID and went inactive, then (RebindToDefault)
        // were re-bound to BID 1; flow 50 kept BID 1 and stayed active
        typedef std::vector<uint8_t> Changes;
        const uint8_t moved = FlowBindingTable::MOVED;
        const uint8_t activated = FlowBindingTable::ACTIVATED;
        const uint8_t deactivated = FlowBindingTable::DEACTIVATED;
        NS_TEST_EXPECT_MSG_EQ(fm->GetReactivatedFlowCount(),
                              (m_deactivate ? 0 : 2),
                              "flows re-bound");
        NS_TEST_ASSERT_MSG_EQ(flowsAfter.size(), 3, "every flow entry kept");
        for (const auto& f : flowsAfter)
        {
            uint16_t fid = std::get<0>(f);
            const std::vector<uint16_t>& bids = std::get<1>(f);
            Changes changes(m_flowChanges[fid].begin(), m_flowChanges[fid].end());
            if (fid == 50)
            {
                NS_TEST_EXPECT_MSG_EQ((bids == std::vector<uint16_t>{1}), true, "flow 50: BID 1");
                NS_TEST_EXPECT_MSG_EQ(std::get<2>(f), true, "flow 50 stays active");
                NS_TEST_EXPECT_MSG_EQ((changes == Changes{moved}), true, "flow 50: BID 2 removed");
            }
            else if (m_deactivate)
            {
                NS_TEST_EXPECT_MSG_EQ(std::get<2>(f), false, "flow " << fid << " inactive");
                NS_TEST_EXPECT_MSG_EQ((changes == Changes{deactivated}),
                                      true,
                                      "flow " << fid << ": deactivated only");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ((bids == std::vector<uint16_t>{1}),
                                      true,
                                      "flow " << fid << " re-bound to BID 1");
                NS_TEST_EXPECT_MSG_EQ(std::get<2>(f), true, "flow " << fid << " active");
                NS_TEST_EXPECT_MSG_EQ((changes == Changes{deactivated, moved, activated}),
                                      true,
                                      "flow " << fid << ": inactive, re-bound, active");
            }
        }
        Simulator::Destroy();
    }

    Ipv6Address m_coa[2];                                   ///< the MAGs' Proxy-CoAs
    Ipv6Address m_home[2];                                  ///< pref1's and pref2's home addresses
    Ptr<Socket> m_cn[2];                                    ///< CN's senders
    uint32_t m_phase{0};                                    ///< 0..3
    std::vector<std::string> m_wire;                        ///< Mobility Header messages seen
    std::vector<std::string> m_sequence;                    ///< those of 1.5..3 s
    std::map<uint16_t, std::vector<uint8_t>> m_flowChanges; ///< per FID, changes from 4 s
    bool m_deactivate;                                      ///< FlowsOnDetach Deactivate
    std::vector<std::tuple<uint16_t, std::vector<uint16_t>, TrafficSelector>>
        m_pbaFids; ///< Flow Identification options of the first PBA to MAG2
    std::map<std::tuple<uint32_t, uint32_t, uint16_t>, uint32_t> m_down; ///< (phase, dev, port)
};

/**
 * \ingroup pmipv6-tests
 * \brief Figure 4 without the BRI (RevokeMovedPrefixes false), then the new interface leaves:
 * - MAG1 is not told that pref2 moved; its refresh still lists pref1 and pref2. The LMA takes
 *   it as a refresh of BID 1 (its current set, pref1) instead of answering 159 (RFC 5213 prefix
 *   set mismatch, which made MAG1 drop the whole binding and pref1 with it): the PBA lists
 *   pref1 and MAG1 keeps serving pref1 only.
 * - when if2 detaches and its binding is deleted, pref2 (moved to it) goes back to BID 1
 *   (FlowsOnDetach RebindToDefault; draft 001: a detaching interface's flows are reactivated
 *   elsewhere) instead of being lost: the LMA routes it to MAG1, tells MAG1 with an FMI add
 *   naming pref2, and MAG1's next refresh (listing pref1 only) gets both prefixes in its PBA.
 */
class MovedPrefixTestCase : public TestCase
{
  public:
    MovedPrefixTestCase()
        : TestCase("Figure 4 without the BRI: MAG1's refresh listing the moved prefix keeps its "
                   "binding (no 159); when if2 leaves, pref2 goes back to MAG1 (FMI add), "
                   "its downlink reaches if1 again")
    {
    }

  private:
    /// PhysicalRx: downlink UDP per (phase, device, MN port).
    void Rx(Ptr<const Packet> p, uint32_t device)
    {
        Ptr<Packet> copy = p->Copy();
        Ipv6Header ip;
        copy->RemoveHeader(ip);
        if (ip.GetNextHeader() != UdpL4Protocol::PROT_NUMBER)
        {
            return;
        }
        UdpHeader udp;
        copy->PeekHeader(udp);
        m_down[std::make_tuple(m_phase, device, udp.GetDestinationPort())]++;
    }

    /// Send one datagram of flow \p k (port 9000 + k) every 20 ms until 9 s.
    void Send(uint32_t k)
    {
        if (Simulator::Now() >= Seconds(9))
        {
            return;
        }
        m_cn[k]->SendTo(Create<Packet>(100), 0, Inet6SocketAddress(m_home[k], 9000 + k));
        Simulator::Schedule(MilliSeconds(20), &MovedPrefixTestCase::Send, this, k);
    }

    /// \return downlink count \param phase phase \param device device \param port MN port
    uint32_t Down(uint32_t phase, uint32_t device, uint16_t port)
    {
        return m_down[std::make_tuple(phase, device, port)];
    }

    /// MAG1's prefixes of the MN and whether its entry is registered.
    /// \param d the domain \param [out] prefixes its prefixes \return registered
    static bool Mag1(Pmipv6DualAccessDomain& d, std::vector<HomeNetworkPrefix>& prefixes)
    {
        auto all = d.magApp[0]->GetBindingUpdateList()->FindByMnId(d.mnId);
        if (all.empty())
        {
            return false;
        }
        prefixes = all.front()->homeNetworkPrefixes;
        return all.front()->state == BindingUpdateListEntry::REGISTERED;
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Pmipv6DualAccessDomain d("mn@noBri.test");
        GiveTwoPrefixes(d);
        Ptr<Pmipv6LmaApplication> lma = d.lmaApp;
        lma->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(Seconds(1)));
        // MAG1 refreshes at 3.7 s (after the move) and at 6.9 s (after pref2 came back)
        d.magApp[0]->SetAttribute("BindingLifetime", TimeValue(Seconds(4)));
        Ptr<PrefixMoveRule> rule = CreateObject<PrefixMoveRule>();
        rule->AddPrefix(g_pref2);
        Ptr<LmaFlowMobilityExtension> fm = CreateObject<LmaFlowMobilityExtension>();
        fm->SetAttribute("PrefixMoveRule", PointerValue(rule));
        fm->SetAttribute("RevokeMovedPrefixes", BooleanValue(false));
        // no default BID: a packet follows its destination prefix's binding (in Shared mode the
        // default binding would take pref2's packets unless a flow entry binds them)
        fm->SetAttribute("PrefixMode", StringValue("PerInterface"));
        lma->AddExtension(fm);
        Ptr<MagFlowMobilityExtension> magFm = CreateObject<MagFlowMobilityExtension>();
        d.magApp[0]->AddExtension(magFm);
        d.lif->TraceConnectWithoutContext("PhysicalRx",
                                          MakeCallback(&MovedPrefixTestCase::Rx, this));
        Simulator::Schedule(Seconds(0.5),
                            &Pmipv6DualAccessDomain::Attach,
                            &d,
                            0,
                            mip6::HI_NEW_INTERFACE);
        Ptr<Socket> mnSocket[2];
        Simulator::Schedule(Seconds(1.5), [&]() {
            const HomeNetworkPrefix* prefixes[2] = {&g_pref1, &g_pref2};
            for (uint32_t k = 0; k < 2; ++k)
            {
                m_home[k] = Pmipv6Helper::GetHomeAddress(d.lif, *prefixes[k]);
                mnSocket[k] = Socket::CreateSocket(d.mn.Get(0), UdpSocketFactory::GetTypeId());
                mnSocket[k]->Bind(Inet6SocketAddress(m_home[k], 9000 + k));
                m_cn[k] = Socket::CreateSocket(d.cn.Get(0), UdpSocketFactory::GetTypeId());
                m_cn[k]->Bind();
                Send(k);
            }
        });
        Simulator::Schedule(Seconds(2.5), [&]() {
            m_phase = 1;
            d.Attach(1, mip6::HI_NEW_INTERFACE);
        });
        std::vector<HomeNetworkPrefix> mag1Before;
        std::vector<HomeNetworkPrefix> mag1AfterRefresh;
        std::vector<HomeNetworkPrefix> mag1AfterReturn;
        bool regAfterRefresh = false;
        bool regAfterReturn = false;
        uint64_t mismatches = 0;
        Simulator::Schedule(Seconds(3.2), [&]() { Mag1(d, mag1Before); });
        Simulator::Schedule(Seconds(3.9), [&]() {
            m_phase = 2;
            regAfterRefresh = Mag1(d, mag1AfterRefresh);
            mismatches = lma->GetPbaCount(mip6::BA_BCE_PBU_PREFIX_SET_DO_NOT_MATCH);
        });
        Simulator::Schedule(Seconds(4.5), [&]() { d.Detach(1); });
        std::vector<std::pair<uint16_t, std::vector<HomeNetworkPrefix>>> bces;
        bool mag1Flow = false;
        Simulator::Schedule(Seconds(5.8), [&]() {
            m_phase = 3;
            for (const auto& e : lma->GetBindingCache()->FindByMnId(d.mnId))
            {
                bces.emplace_back(e->bindingId, e->homeNetworkPrefixes);
            }
            mag1Flow = magFm->GetFlowCount() == 1;
        });
        Simulator::Schedule(Seconds(7.5), [&]() {
            m_phase = 4;
            regAfterReturn = Mag1(d, mag1AfterReturn);
        });
        Simulator::Stop(Seconds(9.5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(fm->GetPrefixMoveCount(), 1, "pref2 moved to BID 2");
        NS_TEST_EXPECT_MSG_EQ(fm->GetPrefixRevocationAckCount(), 0, "no BRI, no BRA");
        NS_TEST_EXPECT_MSG_EQ(mag1Before.size(), 2, "MAG1, not told, still lists both");
        // (a) MAG1's refresh lists pref1 and pref2: a refresh of BID 1, not 159
        NS_TEST_EXPECT_MSG_EQ(mismatches, 0, "no prefix-set mismatch (159)");
        NS_TEST_EXPECT_MSG_EQ(regAfterRefresh, true, "MAG1 keeps its binding after the refresh");
        NS_TEST_EXPECT_MSG_EQ((mag1AfterRefresh == std::vector<HomeNetworkPrefix>{g_pref1}),
                              true,
                              "the PBA told MAG1 its set: pref1");
        NS_TEST_EXPECT_MSG_GT(fm->GetRevisedPbuCount(), 0, "the refresh was revised");
        NS_TEST_EXPECT_MSG_GT(Down(1, 1, 9001), 40, "after the move: pref2 on if2");
        NS_TEST_EXPECT_MSG_GT(Down(2, 0, 9000), 20, "after MAG1's refresh: pref1 still on if1");
        // (b) if2 left, its binding deleted at 5.5 s: pref2 back at BID 1, MAG1 routes it
        NS_TEST_EXPECT_MSG_EQ(fm->GetPrefixReturnCount(), 1, "pref2 returned");
        NS_TEST_EXPECT_MSG_EQ(bces.size(), 1, "BID 1 left");
        NS_TEST_EXPECT_MSG_EQ((bces.size() == 1 && bces[0].first == 1 &&
                               bces[0].second == std::vector<HomeNetworkPrefix>{g_pref1, g_pref2}),
                              true,
                              "BID 1 holds pref1 and pref2 again");
        NS_TEST_EXPECT_MSG_EQ(mag1Flow, true, "MAG1 got the FMI add for pref2");
        NS_TEST_EXPECT_MSG_GT(Down(3, 0, 9001), 60, "pref2's downlink reaches if1 again");
        NS_TEST_EXPECT_MSG_GT(Down(3, 0, 9000), 60, "pref1 unaffected");
        // MAG1's next refresh lists pref1 only: revised to both, no 159, its PBA lists both
        NS_TEST_EXPECT_MSG_EQ(lma->GetPbaCount(mip6::BA_BCE_PBU_PREFIX_SET_DO_NOT_MATCH),
                              0,
                              "no 159 at all");
        NS_TEST_EXPECT_MSG_EQ(regAfterReturn, true, "MAG1 registered after its next refresh");
        NS_TEST_EXPECT_MSG_EQ((mag1AfterReturn == std::vector<HomeNetworkPrefix>{g_pref1, g_pref2}),
                              true,
                              "MAG1 serves both prefixes");
        NS_TEST_EXPECT_MSG_GT(Down(4, 0, 9001), 60, "pref2 on if1 after that refresh");
        NS_TEST_EXPECT_MSG_GT(Down(4, 0, 9000), 60, "pref1 on if1 after that refresh");
        Simulator::Destroy();
    }

    Ipv6Address m_home[2]; ///< pref1's and pref2's home addresses
    Ptr<Socket> m_cn[2];   ///< CN's senders
    uint32_t m_phase{0};   ///< 0..4
    std::map<std::tuple<uint32_t, uint32_t, uint16_t>, uint32_t> m_down; ///< (phase, dev, port)
};

/**
 * \ingroup pmipv6-tests
 * \brief The suite.
 */
class PrefixMoveTestSuite : public TestSuite
{
  public:
    PrefixMoveTestSuite()
        : TestSuite("pmipv6-prefix-move", UNIT)
    {
        AddTestCase(new PerPrefixRevocationTestCase, TestCase::QUICK);
        AddTestCase(new PbuTriggeredMoveTestCase(false), TestCase::QUICK);
        AddTestCase(new PbuTriggeredMoveTestCase(true), TestCase::QUICK);
        AddTestCase(new MovedPrefixTestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
PrefixMoveTestSuite g_prefixMoveTestSuite;

} // namespace

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief Drives Pmipv6LmaApplication with hand-crafted Proxy Binding Updates from fake MAGs
 * and checks every PBA it sends back (status, sequence, lifetime, options), its binding
 * cache, tunnels, routes and prefix pool: every status code the LMA produces, the RFC 5213
 * 5.4.1 binding cache lookup for each Handoff Indicator, the 5.5 ordering rules,
 * de-registration, lifetime expiry and handoffs (with the Binding Revocation of the old MAG).
 *
 * Topology of every case: MAG1 -- p2p fd00:1::/64 -- LMA -- p2p fd00:2::/64 -- MAG2 (MAG2
 * routes everything through the LMA; the LMA address is its fd00:1:: address, so the LMA runs
 * the weak end system model). The fake MAGs send PBUs with MobilityL4Protocol::Send() and
 * record the PBAs (MH type 6) and BRIs (MH type 16) they receive.
 */

#include "ns3/binding-cache.h"
#include "ns3/binding-revocation-header.h"
#include "ns3/binding-update-header.h"
#include "ns3/boolean.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-address-helper.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-list-routing-helper.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/lma-routing.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-stack-helper.h"
#include "ns3/nstime.h"
#include "ns3/pmipv6-lma-application.h"
#include "ns3/pmipv6-options.h"
#include "ns3/pmipv6-profile.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/prefix-pool.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6LmaTest");

/**
 * \ingroup pmipv6-tests
 * \brief NS_TEST_EXPECT_MSG_EQ, then leave the function when it failed (the ns-3 test
 * runner continues after a failed NS_TEST_ASSERT_MSG_EQ unless --stop-on-failure is given,
 * and the code after these checks indexes or dereferences what they checked).
 */
#define LMA_ASSERT_EQ(actual, limit, msg)                                                          \
    do                                                                                             \
    {                                                                                              \
        NS_TEST_EXPECT_MSG_EQ(actual, limit, msg);                                                 \
        if (!((actual) == (limit)))                                                                \
        {                                                                                          \
            return;                                                                                \
        }                                                                                          \
    } while (false)

/**
 * \ingroup pmipv6-tests
 * \brief NS_TEST_EXPECT_MSG_NE, then leave the function when it failed (see LMA_ASSERT_EQ).
 */
#define LMA_ASSERT_NE(actual, limit, msg)                                                          \
    do                                                                                             \
    {                                                                                              \
        NS_TEST_EXPECT_MSG_NE(actual, limit, msg);                                                 \
        if (!((actual) != (limit)))                                                                \
        {                                                                                          \
            return;                                                                                \
        }                                                                                          \
    } while (false)

namespace
{

/// MN-ID of the mobile node most cases register.
const std::string MN1 = "mn1@example.org";
/// A second mobile node.
const std::string MN2 = "mn2@example.org";
/// A third mobile node.
const std::string MN3 = "mn3@example.org";

/**
 * \ingroup pmipv6-tests
 * \brief What a fake MAG puts in a Proxy Binding Update; every field has a valid default
 * (an initial attachment of MN1 over IEEE 802.11 asking for a prefix), each case changes
 * what it needs.
 */
struct PbuSpec
{
    uint16_t sequence = 1;                 ///< Sequence #
    uint16_t lifetimeUnits = 25;           ///< Lifetime (4 s units): 100 s
    bool proxy = true;                     ///< P flag
    std::optional<std::string> mnId = MN1; ///< MN-ID option (NAI), none when empty
    /// HNP options (::/0 = "assign one"); no HNP option when the vector is empty.
    std::vector<HomeNetworkPrefix> prefixes = {HomeNetworkPrefix()};
    std::optional<uint8_t> handoffIndicator = mip6::HI_NEW_INTERFACE; ///< HI option
    std::optional<uint8_t> accessTechnology = mip6::ATT_IEEE_802_11;  ///< ATT option
    std::optional<std::vector<uint8_t>> linkLayerId;                  ///< MN LL-ID option
    std::optional<Ipv6Address> linkLocalAddress;                      ///< Link-local Address option
    /// Timestamp option = send time + this offset; none when empty.
    std::optional<Time> timestampOffset = Seconds(0);
    /// When set, the raw Timestamp value to send (overrides timestampOffset).
    std::optional<uint64_t> rawTimestamp;

    /**
     * \brief A refresh (HI 5) of an assigned prefix.
     * \param prefix the prefix
     * \param sequence the sequence number
     * \return the spec
     */
    static PbuSpec Refresh(const HomeNetworkPrefix& prefix, uint16_t sequence)
    {
        PbuSpec s;
        s.sequence = sequence;
        s.prefixes = {prefix};
        s.handoffIndicator = mip6::HI_NOT_CHANGED;
        return s;
    }

    /**
     * \brief A de-registration (lifetime 0) of an assigned prefix.
     * \param prefix the prefix
     * \param sequence the sequence number
     * \return the spec
     */
    static PbuSpec Deregistration(const HomeNetworkPrefix& prefix, uint16_t sequence)
    {
        PbuSpec s = Refresh(prefix, sequence);
        s.lifetimeUnits = 0;
        return s;
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Build the Binding Update of a spec.
 * \param spec the spec
 * \return the message
 */
BindingUpdateHeader
BuildPbu(const PbuSpec& spec)
{
    BindingUpdateHeader pbu;
    pbu.SetFlag(BindingUpdateHeader::FLAG_A, true);
    pbu.SetFlag(BindingUpdateHeader::FLAG_P, spec.proxy);
    pbu.SetSequence(spec.sequence);
    pbu.SetLifetime(spec.lifetimeUnits);
    if (spec.mnId)
    {
        pbu.AddOption(Create<MobileNodeIdentifierOption>(*spec.mnId));
    }
    for (const auto& prefix : spec.prefixes)
    {
        pbu.AddOption(Create<HomeNetworkPrefixOption>(prefix.prefix, prefix.length));
    }
    if (spec.handoffIndicator)
    {
        pbu.AddOption(Create<HandoffIndicatorOption>(*spec.handoffIndicator));
    }
    if (spec.accessTechnology)
    {
        pbu.AddOption(Create<AccessTechnologyTypeOption>(*spec.accessTechnology));
    }
    if (spec.linkLayerId)
    {
        Ptr<MobileNodeLinkLayerIdOption> llid = Create<MobileNodeLinkLayerIdOption>();
        llid->SetIdentifier(*spec.linkLayerId);
        pbu.AddOption(llid);
    }
    if (spec.linkLocalAddress)
    {
        pbu.AddOption(Create<LinkLocalAddressOption>(*spec.linkLocalAddress));
    }
    if (spec.rawTimestamp)
    {
        Ptr<TimestampOption> ts = Create<TimestampOption>();
        ts->SetRaw(*spec.rawTimestamp);
        pbu.AddOption(ts);
    }
    else if (spec.timestampOffset)
    {
        pbu.AddOption(Create<TimestampOption>(Simulator::Now() + *spec.timestampOffset));
    }
    return pbu;
}

/**
 * \ingroup pmipv6-tests
 * \brief A Proxy Binding Acknowledgement as a fake MAG received it.
 */
struct PbaRecord
{
    Time at;                                         ///< receive time
    Ipv6Address source;                              ///< IPv6 source
    uint8_t status = 255;                            ///< Status
    bool proxy = false;                              ///< P flag
    uint16_t sequence = 0;                           ///< Sequence #
    uint16_t lifetimeUnits = 0;                      ///< Lifetime field
    bool hasMnId = false;                            ///< MN-ID option present
    std::string mnId;                                ///< its NAI
    std::vector<HomeNetworkPrefix> prefixes;         ///< HNP options (including ::/0)
    std::optional<uint8_t> handoffIndicator;         ///< HI option
    std::optional<uint8_t> accessTechnology;         ///< ATT option
    std::optional<std::vector<uint8_t>> linkLayerId; ///< MN LL-ID option
    std::optional<Ipv6Address> linkLocalAddress;     ///< Link-local Address option
    std::optional<uint64_t> timestamp;               ///< Timestamp option (raw)
};

/**
 * \ingroup pmipv6-tests
 * \brief The first HNP option of a PBA.
 * \param pba the PBA
 * \return the HNP, or ff::/128 (a value no check expects) when the PBA has none
 */
HomeNetworkPrefix
FirstPrefix(const PbaRecord& pba)
{
    return pba.prefixes.empty() ? HomeNetworkPrefix(Ipv6Address("ff::"), 128) : pba.prefixes[0];
}

/**
 * \ingroup pmipv6-tests
 * \brief A Binding Revocation Indication as a fake MAG received it.
 */
struct BriRecord
{
    Time at;                                 ///< receive time
    uint8_t trigger = 255;                   ///< Revocation Trigger
    uint16_t sequence = 0;                   ///< Sequence #
    bool proxy = false;                      ///< P flag
    std::string mnId;                        ///< MN-ID option
    std::vector<HomeNetworkPrefix> prefixes; ///< HNP options
};

/**
 * \ingroup pmipv6-tests
 * \brief A MAG reduced to its Mobility Header transport: sends PBUs, records PBAs and BRIs
 * (and answers each BRI with a successful BRA).
 */
struct FakeMag
{
    Ptr<Node> node;                     ///< the node
    Ptr<MobilityL4Protocol> mobility;   ///< its Mobility Header transport
    Ipv6Address address;                ///< its Proxy-CoA
    std::vector<PbaRecord> pbas;        ///< PBAs received
    std::vector<BriRecord> bris;        ///< BRIs received
    uint32_t decodeFailures = 0;        ///< messages that did not decode
    bool answerBris = true;             ///< answer BRIs at all
    uint32_t brasToLose = 0;            ///< BRIs still to leave unanswered (a lost BRA)
    uint32_t brasWithWrongSequence = 0; ///< BRIs still to answer with Sequence # + 1

    /**
     * \brief Handler of MH type 6.
     * \param p the message
     * \param ip its IPv6 header
     */
    void HandlePba(Ptr<Packet> p, const Ipv6Header& ip, uint32_t /* interface */)
    {
        BindingAckHeader pba;
        if (!mobility->Decode(p, ip, pba))
        {
            decodeFailures++;
            return;
        }
        PbaRecord r;
        r.at = Simulator::Now();
        r.source = ip.GetSource();
        r.status = pba.GetStatus();
        r.proxy = pba.IsProxy();
        r.sequence = pba.GetSequence();
        r.lifetimeUnits = pba.GetLifetime();
        const MobilityOptionList& options = pba.GetOptions();
        if (auto o = options.Find<MobileNodeIdentifierOption>())
        {
            r.hasMnId = true;
            r.mnId = o->GetNai();
        }
        for (const auto& o : options.FindAll<HomeNetworkPrefixOption>())
        {
            r.prefixes.emplace_back(o->GetPrefix(), o->GetPrefixLength());
        }
        if (auto o = options.Find<HandoffIndicatorOption>())
        {
            r.handoffIndicator = o->GetHandoffIndicator();
        }
        if (auto o = options.Find<AccessTechnologyTypeOption>())
        {
            r.accessTechnology = o->GetAccessTechnologyType();
        }
        if (auto o = options.Find<MobileNodeLinkLayerIdOption>())
        {
            r.linkLayerId = o->GetIdentifier();
        }
        if (auto o = options.Find<LinkLocalAddressOption>())
        {
            r.linkLocalAddress = o->GetAddress();
        }
        if (auto o = options.Find<TimestampOption>())
        {
            r.timestamp = o->GetRaw();
        }
        pbas.push_back(r);
    }

    /**
     * \brief Handler of MH type 16: record a BRI, answer it with a BRA (status 0).
     * \param p the message
     * \param ip its IPv6 header
     */
    void HandleRevocation(Ptr<Packet> p, const Ipv6Header& ip, uint32_t /* interface */)
    {
        BindingRevocationIndicationHeader bri;
        if (!mobility->Decode(p, ip, bri))
        {
            decodeFailures++;
            return;
        }
        BriRecord r;
        r.at = Simulator::Now();
        r.trigger = bri.GetRevocationTrigger();
        r.sequence = bri.GetSequence();
        r.proxy = bri.IsProxy();
        if (auto o = bri.GetOptions().Find<MobileNodeIdentifierOption>())
        {
            r.mnId = o->GetNai();
        }
        for (const auto& o : bri.GetOptions().FindAll<HomeNetworkPrefixOption>())
        {
            r.prefixes.emplace_back(o->GetPrefix(), o->GetPrefixLength());
        }
        bris.push_back(r);
        if (!answerBris)
        {
            return;
        }
        if (brasToLose > 0)
        {
            brasToLose--;
            return;
        }
        uint16_t sequence = bri.GetSequence();
        if (brasWithWrongSequence > 0)
        {
            brasWithWrongSequence--;
            sequence++;
        }
        BindingRevocationAckHeader bra;
        bra.SetSequence(sequence);
        bra.SetFlags(bri.GetFlags());
        bra.SetStatus(0);
        mobility->Send(bra, address, ip.GetSource());
    }

    /**
     * \brief Send a PBU now.
     * \param lma the LMA address
     * \param spec what to send
     */
    void SendPbu(Ipv6Address lma, PbuSpec spec)
    {
        BindingUpdateHeader pbu = BuildPbu(spec);
        mobility->Send(pbu, address, lma);
    }
};

/// The first prefix of the test pool (2001:db8:a::/48, /64 prefixes).
const HomeNetworkPrefix POOL_P0(Ipv6Address("2001:db8:a::"), 64);
/// The second prefix of the test pool.
const HomeNetworkPrefix POOL_P1(Ipv6Address("2001:db8:a:1::"), 64);
/// The third prefix of the test pool.
const HomeNetworkPrefix POOL_P2(Ipv6Address("2001:db8:a:2::"), 64);
/// A static HNP (outside the pool).
const HomeNetworkPrefix STATIC_S0(Ipv6Address("2001:db8:b::"), 64);
/// A second static HNP (outside the pool).
const HomeNetworkPrefix STATIC_S1(Ipv6Address("2001:db8:b:1::"), 64);
/// MN LL-ID of MN1's first interface.
const std::vector<uint8_t> LLID_1 = {0x00, 0x00, 0x00, 0x00, 0x00, 0x01};
/// MN LL-ID of MN1's second interface.
const std::vector<uint8_t> LLID_2 = {0x00, 0x00, 0x00, 0x00, 0x00, 0x02};

/**
 * \ingroup pmipv6-tests
 * \brief Base of every LMA case: builds the topology, the LMA and the fake MAGs, schedules
 * PBUs and checks, runs the simulation.
 */
class LmaTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param name the case name
     */
    explicit LmaTestCase(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /// Configures the LMA (attributes) before it is installed.
    using Configure = std::function<void(Ptr<Pmipv6LmaApplication>)>;

    /**
     * \brief Build nodes, links, stacks, profile store, pool (2001:db8:a::/48 cut in /64s)
     * and the LMA, started at time 0.
     * \param configure optional LMA configuration (attributes)
     * \param poolBaseLength BasePrefixLength of the pool
     */
    void Build(Configure configure = Configure(), uint8_t poolBaseLength = 48)
    {
        m_handovers.clear();
        NodeContainer nodes;
        nodes.Create(3);
        m_lmaNode = nodes.Get(0);
        m_mags[0].node = nodes.Get(1);
        m_mags[1].node = nodes.Get(2);

        // LmaRouting goes into an Ipv6ListRouting above static routing.
        Ipv6ListRoutingHelper list;
        list.Add(Ipv6StaticRoutingHelper(), 0);
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.SetRoutingHelper(list);
        stack.Install(nodes);
        for (uint32_t i = 0; i < nodes.GetN(); i++)
        {
            // No DAD: the addresses are usable at time 0.
            nodes.Get(i)->GetObject<Icmpv6L4Protocol>()->SetAttribute("DAD", BooleanValue(false));
        }
        // MAG2's PBUs reach the LMA address (on the fd00:1:: link) through fd00:2::.
        m_lmaNode->GetObject<Ipv6L3Protocol>()->SetAttribute("StrongEndSystemModel",
                                                             BooleanValue(false));

        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
        p2p.SetChannelAttribute("Delay", StringValue("1ms"));
        NetDeviceContainer link1 = p2p.Install(m_mags[0].node, m_lmaNode);
        NetDeviceContainer link2 = p2p.Install(m_mags[1].node, m_lmaNode);
        Ipv6AddressHelper addresses;
        addresses.SetBase(Ipv6Address("fd00:1::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer if1 = addresses.Assign(link1);
        addresses.SetBase(Ipv6Address("fd00:2::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer if2 = addresses.Assign(link2);
        m_mags[0].address = if1.GetAddress(0, 1);
        m_lmaAddress = if1.GetAddress(1, 1);
        m_mags[1].address = if2.GetAddress(0, 1);
        Ipv6StaticRoutingHelper routing;
        routing.GetStaticRouting(m_mags[1].node->GetObject<Ipv6>())
            ->SetDefaultRoute(if2.GetAddress(1, 1), if2.GetInterfaceIndex(0));

        MobilityStackHelper mobilityStack;
        mobilityStack.Install(nodes);
        for (auto& mag : m_mags)
        {
            mag.pbas.clear();
            mag.bris.clear();
            mag.decodeFailures = 0;
            mag.answerBris = true;
            mag.brasToLose = 0;
            mag.brasWithWrongSequence = 0;
            mag.mobility = MobilityStackHelper::Get(mag.node);
            mag.mobility->RegisterHandler(mip6::MH_BINDING_ACK,
                                          MakeCallback(&FakeMag::HandlePba, &mag));
            mag.mobility->RegisterHandler(mip6::MH_BINDING_REVOCATION,
                                          MakeCallback(&FakeMag::HandleRevocation, &mag));
        }

        m_profiles = CreateObject<Pmipv6ProfileStore>();
        m_pool = CreateObject<PrefixPool>();
        m_pool->SetBasePrefix(Ipv6Address("2001:db8:a::"));
        m_pool->SetBasePrefixLength(poolBaseLength);
        m_pool->SetAllocatedPrefixLength(64);

        m_lma = CreateObject<Pmipv6LmaApplication>();
        m_lma->SetAddress(m_lmaAddress);
        m_lma->SetProfileStore(m_profiles);
        m_lma->SetPrefixPool(m_pool);
        if (configure)
        {
            configure(m_lma);
        }
        m_lma->TraceConnectWithoutContext("Handover",
                                          MakeCallback(&LmaTestCase::RecordHandover, this));
        m_lmaNode->AddApplication(m_lma);
        m_lma->SetStartTime(Seconds(0));
    }

    /**
     * \brief A profile with default policy (pool-assigned prefixes unless given).
     * \param mnId the MN-ID
     * \param prefixes static HNPs (empty = pool)
     * \return the profile (not yet in the store)
     */
    Pmipv6Profile MakeProfile(const std::string& mnId,
                              std::vector<HomeNetworkPrefix> prefixes = {}) const
    {
        Pmipv6Profile profile;
        profile.mnId = mnId;
        profile.homeNetworkPrefixes = prefixes;
        return profile;
    }

    /**
     * \brief Add the default (pool-assigned) profile of an MN.
     * \param mnId the MN-ID
     */
    void AddProfile(const std::string& mnId)
    {
        m_profiles->AddProfile(MakeProfile(mnId));
    }

    /**
     * \brief Schedule a PBU from a fake MAG.
     * \param at when
     * \param mag 0 (MAG1) or 1 (MAG2)
     * \param spec what to send
     */
    void SendAt(Time at, uint32_t mag, const PbuSpec& spec)
    {
        Simulator::Schedule(at, &FakeMag::SendPbu, &m_mags.at(mag), m_lmaAddress, spec);
    }

    /**
     * \brief Schedule a check.
     * \param at when
     * \param f the check
     */
    void At(Time at, std::function<void()> f)
    {
        Simulator::Schedule(at, f);
    }

    /**
     * \brief Run the simulation until a time. Checks on the state follow; Finish() ends.
     * \param until the stop time
     */
    void RunUntil(Time until)
    {
        Simulator::Stop(until);
        Simulator::Run();
    }

    /// \brief Clean up after a case that stopped early (a failed NS_TEST_ASSERT).
    void DoTeardown() override
    {
        Finish();
    }

    /// \brief Destroy the simulation and release every object of the case.
    void Finish()
    {
        Simulator::Destroy();
        m_lma = nullptr;
        m_profiles = nullptr;
        m_pool = nullptr;
        m_lmaNode = nullptr;
        for (auto& mag : m_mags)
        {
            mag.node = nullptr;
            mag.mobility = nullptr;
        }
    }

    /**
     * \brief The LMA's binding cache.
     * \return the cache
     */
    Ptr<BindingCache> Cache() const
    {
        return m_lma->GetBindingCache();
    }

    /**
     * \brief Number of active tunnels on the LMA node.
     * \return the count
     */
    uint32_t TunnelCount() const
    {
        Ptr<Ipv6TunnelL4Protocol> tunnels = m_lmaNode->GetObject<Ipv6TunnelL4Protocol>();
        return tunnels ? tunnels->GetTunnelCount() : 0;
    }

    /**
     * \brief The LMA's tunnel interface to a MAG.
     * \param mag 0 or 1
     * \return the interface, Ipv6TunnelL4Protocol::NO_INTERFACE when none
     */
    uint32_t TunnelInterface(uint32_t mag) const
    {
        Ptr<Ipv6TunnelL4Protocol> tunnels = m_lmaNode->GetObject<Ipv6TunnelL4Protocol>();
        return tunnels ? tunnels->GetTunnelInterface(m_lmaAddress, m_mags.at(mag).address)
                       : Ipv6TunnelL4Protocol::NO_INTERFACE;
    }

    /**
     * \brief Number of prefix routes of the LMA.
     * \return the count
     */
    uint32_t RouteCount() const
    {
        return LmaRouting::Install(m_lmaNode)->GetRouteCount();
    }

    /**
     * \brief The LMA's tunnel interface for a destination.
     * \param a the destination
     * \return the interface, LmaRouting::NO_INTERFACE when none
     */
    uint32_t RouteInterface(Ipv6Address a) const
    {
        return LmaRouting::Install(m_lmaNode)->GetTunnelInterface(a);
    }

    /**
     * \brief Check that a PBA answers a spec and has a status; lifetime 0 and the options
     * mirrored when it is a rejection.
     * \param pba the PBA
     * \param spec the PBU it answers (its sequence is the one the PBA must carry: the PBU's,
     *        or the last accepted one for status 135)
     * \param status the expected status
     */
    void CheckRejection(const PbaRecord& pba, const PbuSpec& spec, uint8_t status)
    {
        NS_TEST_EXPECT_MSG_EQ(+pba.status, +status, "PBA status");
        NS_TEST_EXPECT_MSG_EQ(pba.proxy, true, "PBA has the P flag");
        NS_TEST_EXPECT_MSG_EQ(pba.sequence, spec.sequence, "PBA sequence");
        NS_TEST_EXPECT_MSG_EQ(pba.lifetimeUnits, 0, "a rejection grants no lifetime");
        NS_TEST_EXPECT_MSG_EQ(pba.source, m_lmaAddress, "PBA comes from the LMA address");
        NS_TEST_EXPECT_MSG_EQ(pba.hasMnId, spec.mnId.has_value(), "MN-ID mirrored when sent");
        if (spec.mnId)
        {
            NS_TEST_EXPECT_MSG_EQ(pba.mnId, *spec.mnId, "MN-ID mirrored");
        }
        NS_TEST_EXPECT_MSG_EQ(pba.prefixes.size(),
                              spec.prefixes.size(),
                              "the HNP options of the PBU are mirrored");
        for (size_t i = 0; i < std::min(pba.prefixes.size(), spec.prefixes.size()); i++)
        {
            NS_TEST_EXPECT_MSG_EQ(pba.prefixes[i], spec.prefixes[i], "HNP mirrored");
        }
        NS_TEST_EXPECT_MSG_EQ(pba.handoffIndicator.has_value(),
                              spec.handoffIndicator.has_value(),
                              "HI mirrored when sent");
        if (spec.handoffIndicator && pba.handoffIndicator)
        {
            NS_TEST_EXPECT_MSG_EQ(+*pba.handoffIndicator, +*spec.handoffIndicator, "HI value");
        }
        NS_TEST_EXPECT_MSG_EQ(pba.accessTechnology.has_value(),
                              spec.accessTechnology.has_value(),
                              "ATT mirrored when sent");
    }

    /**
     * \brief Trace sink of the LMA's "Handover".
     * \param mnId the MN
     * \param from the old Proxy-CoA
     * \param to the new Proxy-CoA
     */
    void RecordHandover(const std::string& mnId, Ipv6Address from, Ipv6Address to)
    {
        m_handovers.emplace_back(mnId, from, to);
    }

    Ptr<Node> m_lmaNode;                ///< the LMA node
    std::array<FakeMag, 2> m_mags;      ///< MAG1 and MAG2
    Ipv6Address m_lmaAddress;           ///< the LMA address
    Ptr<Pmipv6LmaApplication> m_lma;    ///< the LMA
    Ptr<Pmipv6ProfileStore> m_profiles; ///< its policy store
    Ptr<PrefixPool> m_pool;             ///< its prefix pool
    /// Every "Handover" trace: MN-ID, from, to.
    std::vector<std::tuple<std::string, Ipv6Address, Ipv6Address>> m_handovers;
};

/**
 * \ingroup pmipv6-tests
 * \brief Case 1: an accepted initial registration (HI 1, all-zero HNP): the PBA, the binding
 * cache entry, the tunnel and the route.
 */
class LmaAcceptTestCase : public LmaTestCase
{
  public:
    LmaAcceptTestCase()
        : LmaTestCase("Initial registration (HI 1, all-zero HNP) is accepted with a pool prefix")
    {
    }

  private:
    void DoRun() override
    {
        Build([](Ptr<Pmipv6LmaApplication> lma) {
            lma->SetAttribute("MaxBindingLifetime", TimeValue(Seconds(40)));
        });
        Pmipv6Profile profile = MakeProfile(MN1);
        profile.authorizedMags = {m_mags[0].address};
        profile.allowedAccessTechnologies = {mip6::ATT_IEEE_802_11};
        m_profiles->AddProfile(profile);

        PbuSpec spec;
        spec.sequence = 4242;
        spec.lifetimeUnits = 25; // 100 s asked, 40 s granted
        spec.linkLayerId = LLID_1;
        spec.linkLocalAddress = Ipv6Address("fe80::200:ff:fe00:1");
        SendAt(Seconds(1), 0, spec);
        uint64_t sentTimestamp = TimestampOption(Seconds(1)).GetRaw();
        RunUntil(Seconds(2));

        FakeMag& mag = m_mags[0];
        LMA_ASSERT_EQ(mag.pbas.size(), 1, "one PBA");
        const PbaRecord& pba = mag.pbas[0];
        NS_TEST_EXPECT_MSG_EQ(+pba.status, +mip6::BA_ACCEPTED, "accepted");
        NS_TEST_EXPECT_MSG_EQ(pba.proxy, true, "P flag");
        NS_TEST_EXPECT_MSG_EQ(pba.sequence, 4242, "sequence echoed");
        NS_TEST_EXPECT_MSG_EQ(pba.lifetimeUnits, 10, "min(100 s, MaxBindingLifetime 40 s)");
        NS_TEST_EXPECT_MSG_EQ(pba.source, m_lmaAddress, "from the LMA address");
        NS_TEST_EXPECT_MSG_GT(pba.at, Seconds(1.002), "after a round trip");
        NS_TEST_EXPECT_MSG_LT(pba.at, Seconds(1.003), "answered at once");
        NS_TEST_EXPECT_MSG_EQ(pba.mnId, MN1, "MN-ID mirrored");
        LMA_ASSERT_EQ(pba.prefixes.size(), 1, "exactly one HNP");
        NS_TEST_EXPECT_MSG_EQ(pba.prefixes[0], POOL_P0, "the first prefix of the pool");
        NS_TEST_EXPECT_MSG_EQ(+pba.handoffIndicator.value_or(0), +mip6::HI_NEW_INTERFACE, "HI");
        NS_TEST_EXPECT_MSG_EQ(+pba.accessTechnology.value_or(0), +mip6::ATT_IEEE_802_11, "ATT");
        NS_TEST_EXPECT_MSG_EQ(pba.timestamp.has_value(), true, "Timestamp option");
        NS_TEST_EXPECT_MSG_EQ(pba.timestamp.value_or(0), sentTimestamp, "timestamp echoed");
        NS_TEST_EXPECT_MSG_EQ((pba.linkLayerId == LLID_1), true, "MN LL-ID mirrored");
        NS_TEST_EXPECT_MSG_EQ(pba.linkLocalAddress.value_or(Ipv6Address::GetAny()),
                              Ipv6Address("fe80::200:ff:fe00:1"),
                              "Link-local Address mirrored");

        LMA_ASSERT_EQ(Cache()->GetEntryCount(), 1, "one BCE");
        Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
        LMA_ASSERT_NE(e, nullptr, "the BCE holds the prefix");
        NS_TEST_EXPECT_MSG_EQ(e->mnId, MN1, "BCE MN-ID");
        NS_TEST_EXPECT_MSG_EQ(e->proxyCoa, mag.address, "BCE Proxy-CoA");
        NS_TEST_EXPECT_MSG_EQ(e->state, BindingCacheEntry::ACTIVE, "BCE ACTIVE");
        NS_TEST_EXPECT_MSG_EQ(e->homeNetworkPrefixes.size(), 1, "one HNP in the BCE");
        NS_TEST_EXPECT_MSG_EQ(e->lifetime, Seconds(40), "granted lifetime");
        NS_TEST_EXPECT_MSG_EQ(+e->accessTechnologyType, +mip6::ATT_IEEE_802_11, "BCE ATT");
        NS_TEST_EXPECT_MSG_EQ(+e->handoffIndicator, +mip6::HI_NEW_INTERFACE, "BCE HI");
        NS_TEST_EXPECT_MSG_EQ((e->mnLinkLayerId == LLID_1), true, "BCE LL-ID");
        NS_TEST_EXPECT_MSG_EQ(e->mnLinkLocalAddress,
                              Ipv6Address("fe80::200:ff:fe00:1"),
                              "BCE link-local address");
        NS_TEST_EXPECT_MSG_EQ(e->hasTimestamp, true, "BCE timestamp");
        NS_TEST_EXPECT_MSG_EQ(e->timestamp, sentTimestamp, "BCE timestamp value");
        NS_TEST_EXPECT_MSG_EQ(e->lastSequence, 4242, "BCE sequence");
        NS_TEST_EXPECT_MSG_EQ(m_pool->IsAllocated(POOL_P0), true, "prefix taken from the pool");
        NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 1, "one tunnel");
        NS_TEST_EXPECT_MSG_NE(TunnelInterface(0), Ipv6TunnelL4Protocol::NO_INTERFACE, "to MAG1");
        NS_TEST_EXPECT_MSG_EQ(e->tunnelInterface, TunnelInterface(0), "BCE tunnel interface");
        NS_TEST_EXPECT_MSG_EQ(RouteCount(), 1, "one prefix route");
        NS_TEST_EXPECT_MSG_EQ(RouteInterface(Ipv6Address("2001:db8:a::1234")),
                              TunnelInterface(0),
                              "the prefix is routed into the tunnel");
        NS_TEST_EXPECT_MSG_EQ(m_lma->GetPbuCount(), 1, "PBU counted");
        NS_TEST_EXPECT_MSG_EQ(m_lma->GetPbaCount(mip6::BA_ACCEPTED), 1, "PBA counted");
        NS_TEST_EXPECT_MSG_EQ(mag.decodeFailures, 0, "every message decoded");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Case 2: a refresh (HI 5 with the assigned HNP) keeps the entry and restarts its
 * lifetime; a lifetime below MaxBindingLifetime is granted as asked.
 */
class LmaRefreshTestCase : public LmaTestCase
{
  public:
    LmaRefreshTestCase()
        : LmaTestCase("Re-registration (HI 5, assigned HNP) refreshes the same entry")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        AddProfile(MN1);
        PbuSpec first;
        first.lifetimeUnits = 2; // 8 s
        SendAt(Seconds(1), 0, first);
        PbuSpec refresh = PbuSpec::Refresh(POOL_P0, 2);
        refresh.lifetimeUnits = 2;
        SendAt(Seconds(6), 0, refresh);
        uint64_t firstId = 0;
        At(Seconds(2), [&]() {
            Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
            NS_TEST_EXPECT_MSG_NE(e, nullptr, "registered");
            firstId = e ? e->id : 0;
        });
        At(Seconds(7), [&]() {
            Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
            NS_TEST_EXPECT_MSG_NE(e, nullptr, "still registered");
            if (e)
            {
                NS_TEST_EXPECT_MSG_EQ(e->id, firstId, "same entry");
                NS_TEST_EXPECT_MSG_EQ(e->lastSequence, 2, "sequence updated");
                NS_TEST_EXPECT_MSG_EQ(+e->handoffIndicator, +mip6::HI_NOT_CHANGED, "HI 5");
                NS_TEST_EXPECT_MSG_GT(e->registrationTime, Seconds(6), "registration time");
            }
            NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 1, "no second entry");
            NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 1, "one tunnel");
            Ptr<Ipv6TunnelL4Protocol> t = m_lmaNode->GetObject<Ipv6TunnelL4Protocol>();
            NS_TEST_EXPECT_MSG_EQ(t->GetReferenceCount(m_lmaAddress, m_mags[0].address),
                                  1,
                                  "a refresh takes no second tunnel reference");
            NS_TEST_EXPECT_MSG_EQ(m_pool->GetAllocatedCount(), 1, "one prefix allocated");
        });
        // The first lifetime ran out at 9.001 s: the refresh moved it to 14.001 s.
        At(Seconds(13.9),
           [&]() { NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 1, "lifetime restarted"); });
        At(Seconds(14.1), [&]() {
            NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 0, "refreshed lifetime ran out");
        });
        RunUntil(Seconds(15));
        FakeMag& mag = m_mags[0];
        LMA_ASSERT_EQ(mag.pbas.size(), 2, "two PBAs");
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[1].status, +mip6::BA_ACCEPTED, "refresh accepted");
        NS_TEST_EXPECT_MSG_EQ(mag.pbas[1].sequence, 2, "sequence echoed");
        NS_TEST_EXPECT_MSG_EQ(mag.pbas[1].lifetimeUnits, 2, "8 s granted as asked");
        LMA_ASSERT_EQ(mag.pbas[1].prefixes.size(), 1, "one HNP");
        NS_TEST_EXPECT_MSG_EQ(mag.pbas[1].prefixes[0], POOL_P0, "same HNP");
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[1].handoffIndicator.value_or(0),
                              +mip6::HI_NOT_CHANGED,
                              "HI mirrored");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Case 3 (cache-independent rejections): one PBU, one rejected PBA with the exact
 * status and no state created.
 */
class LmaRejectTestCase : public LmaTestCase
{
  public:
    /// Prepares the profiles of the case (after Build()).
    using Setup = std::function<void(LmaTestCase&, Ptr<Pmipv6ProfileStore>)>;

    /**
     * \brief Constructor.
     * \param name what is checked
     * \param status the expected status
     * \param spec the PBU
     * \param setup prepares the profiles
     * \param configure configures the LMA
     */
    LmaRejectTestCase(const std::string& name,
                      uint8_t status,
                      PbuSpec spec,
                      Setup setup,
                      Configure configure = Configure())
        : LmaTestCase(name),
          m_status(status),
          m_spec(spec),
          m_setup(setup),
          m_configure(configure)
    {
    }

  private:
    void DoRun() override
    {
        Build(m_configure);
        m_setup(*this, m_profiles);
        SendAt(Seconds(1), 0, m_spec);
        RunUntil(Seconds(2));
        FakeMag& mag = m_mags[0];
        LMA_ASSERT_EQ(mag.pbas.size(), 1, "one PBA");
        CheckRejection(mag.pbas[0], m_spec, m_status);
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 0, "no BCE");
        NS_TEST_EXPECT_MSG_EQ(m_pool->GetAllocatedCount(), 0, "no prefix allocated");
        NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 0, "no tunnel");
        NS_TEST_EXPECT_MSG_EQ(RouteCount(), 0, "no route");
        NS_TEST_EXPECT_MSG_EQ(m_lma->GetPbaCount(m_status), 1, "PBA counted under its status");
        if (m_spec.timestampOffset && m_status != mip6::BA_TIMESTAMP_MISMATCH)
        {
            NS_TEST_EXPECT_MSG_EQ(mag.pbas[0].timestamp.value_or(0),
                                  TimestampOption(Seconds(1)).GetRaw(),
                                  "the timestamp is echoed");
        }
        Finish();
    }

    uint8_t m_status;      ///< expected status
    PbuSpec m_spec;        ///< the PBU
    Setup m_setup;         ///< profile setup
    Configure m_configure; ///< LMA configuration
};

/**
 * \ingroup pmipv6-tests
 * \brief 156: the PBU timestamp outside TimestampValidityWindow (the LMA clock ahead, or the
 * timestamp crafted), and the PBA then carries the LMA's current time; a timestamp inside
 * the window is accepted.
 */
class LmaTimestampMismatchTestCase : public LmaTestCase
{
  public:
    LmaTimestampMismatchTestCase()
        : LmaTestCase("156 TIMESTAMP_MISMATCH: the PBA carries the LMA's time")
    {
    }

  private:
    void DoRun() override
    {
        // The LMA's clock is 1 s ahead of the MAG's.
        Build([](Ptr<Pmipv6LmaApplication> lma) {
            lma->SetAttribute("ClockOffset", TimeValue(Seconds(1)));
        });
        AddProfile(MN1);
        PbuSpec spec;
        spec.sequence = 7;
        SendAt(Seconds(1), 0, spec);
        RunUntil(Seconds(2));
        FakeMag& mag = m_mags[0];
        LMA_ASSERT_EQ(mag.pbas.size(), 1, "one PBA");
        CheckRejection(mag.pbas[0], spec, mip6::BA_TIMESTAMP_MISMATCH);
        LMA_ASSERT_EQ(mag.pbas[0].timestamp.has_value(), true, "Timestamp option");
        TimestampOption ts;
        ts.SetRaw(*mag.pbas[0].timestamp);
        // Processed when the PBU arrived (1 s + 1 ms + serialization), on a clock 1 s ahead.
        NS_TEST_EXPECT_MSG_GT(ts.GetTime(), Seconds(2), "the LMA's time, not the PBU's");
        NS_TEST_EXPECT_MSG_LT(ts.GetTime(), mag.pbas[0].at + Seconds(1), "the LMA's time");
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 0, "no BCE");
        NS_TEST_EXPECT_MSG_EQ(m_pool->GetAllocatedCount(), 0, "no prefix allocated");
        Finish();

        // Crafted timestamps on a synchronized LMA: 350 ms late is out, 250 ms in.
        Build();
        AddProfile(MN1);
        PbuSpec late;
        late.timestampOffset = MilliSeconds(-350);
        SendAt(Seconds(1), 0, late);
        PbuSpec early;
        early.sequence = 2;
        early.timestampOffset = MilliSeconds(350);
        SendAt(Seconds(2), 0, early);
        PbuSpec inside;
        inside.sequence = 3;
        inside.timestampOffset = MilliSeconds(-250);
        SendAt(Seconds(3), 0, inside);
        RunUntil(Seconds(4));
        LMA_ASSERT_EQ(m_mags[0].pbas.size(), 3, "three PBAs");
        CheckRejection(m_mags[0].pbas[0], late, mip6::BA_TIMESTAMP_MISMATCH);
        CheckRejection(m_mags[0].pbas[1], early, mip6::BA_TIMESTAMP_MISMATCH);
        NS_TEST_EXPECT_MSG_EQ(+m_mags[0].pbas[2].status,
                              +mip6::BA_ACCEPTED,
                              "250 ms off is inside the 300 ms window");
        NS_TEST_EXPECT_MSG_EQ(m_mags[0].pbas[2].timestamp.value_or(0),
                              TimestampOption(Seconds(3) - MilliSeconds(250)).GetRaw(),
                              "an accepted PBU's timestamp is echoed");
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 1, "the third one registered");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief 157: a PBU whose timestamp is older than the accepted one (within the window).
 */
class LmaTimestampLowerTestCase : public LmaTestCase
{
  public:
    LmaTimestampLowerTestCase()
        : LmaTestCase("157 TIMESTAMP_LOWER_THAN_PREV_ACCEPTED")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        AddProfile(MN1);
        PbuSpec first;
        first.timestampOffset = MilliSeconds(100); // accepted timestamp 1.1 s
        SendAt(Seconds(1), 0, first);
        PbuSpec older = PbuSpec::Refresh(POOL_P0, 2);
        older.timestampOffset = MilliSeconds(-150); // 1.05 s: in the window, older
        SendAt(Seconds(1.2), 0, older);
        PbuSpec newer = PbuSpec::Refresh(POOL_P0, 3);
        SendAt(Seconds(1.4), 0, newer);
        RunUntil(Seconds(2));
        FakeMag& mag = m_mags[0];
        LMA_ASSERT_EQ(mag.pbas.size(), 3, "three PBAs");
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[0].status, +mip6::BA_ACCEPTED, "first accepted");
        CheckRejection(mag.pbas[1], older, mip6::BA_TIMESTAMP_LOWER_THAN_PREV_ACCEPTED);
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[2].status, +mip6::BA_ACCEPTED, "a newer one passes");
        Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
        LMA_ASSERT_NE(e, nullptr, "the entry survives the rejection");
        NS_TEST_EXPECT_MSG_EQ(e->timestamp,
                              TimestampOption(Seconds(1.4)).GetRaw(),
                              "the entry keeps the newest accepted timestamp");
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 1, "one entry");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief 135: without timestamps, sequence numbers must be newer modulo 2^16 (including the
 * wrap-around 65535 -> 1).
 */
class LmaSequenceTestCase : public LmaTestCase
{
  public:
    LmaSequenceTestCase()
        : LmaTestCase("135 SEQUENCE_OUT_OF_WINDOW with TimestampBasedApproachInUse=false")
    {
    }

  private:
    void DoRun() override
    {
        Build([](Ptr<Pmipv6LmaApplication> lma) {
            lma->SetAttribute("TimestampBasedApproachInUse", BooleanValue(false));
        });
        AddProfile(MN1);
        PbuSpec first;
        first.sequence = 65534;
        first.timestampOffset.reset(); // no Timestamp option: fine without timestamps
        SendAt(Seconds(1), 0, first);
        std::vector<std::pair<uint16_t, uint8_t>> steps = {
            {65534, mip6::BA_SEQUENCE_OUT_OF_WINDOW}, // same number
            {65533, mip6::BA_SEQUENCE_OUT_OF_WINDOW}, // older
            {65535, mip6::BA_ACCEPTED},
            {1, mip6::BA_ACCEPTED},                   // wraps around
            {65535, mip6::BA_SEQUENCE_OUT_OF_WINDOW}, // older than 1 modulo 2^16
            {32769, mip6::BA_SEQUENCE_OUT_OF_WINDOW}, // 1 + 32768: outside the half window
            {32768, mip6::BA_ACCEPTED},               // 1 + 32767: newest possible
        };
        std::vector<PbuSpec> specs;
        for (size_t i = 0; i < steps.size(); i++)
        {
            PbuSpec s = PbuSpec::Refresh(POOL_P0, steps[i].first);
            s.timestampOffset.reset();
            specs.push_back(s);
            SendAt(Seconds(2 + i), 0, s);
        }
        // A de-registration out of the window is refused the same way.
        PbuSpec dereg = PbuSpec::Deregistration(POOL_P0, 100); // 100 - 32768 >= 2^15: older
        dereg.timestampOffset.reset();
        SendAt(Seconds(2 + steps.size()), 0, dereg);
        RunUntil(Seconds(3 + steps.size()));
        FakeMag& mag = m_mags[0];
        LMA_ASSERT_EQ(mag.pbas.size(), steps.size() + 2, "one PBA per PBU");
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[0].status, +mip6::BA_ACCEPTED, "registered");
        NS_TEST_EXPECT_MSG_EQ(mag.pbas[0].timestamp.has_value(), false, "no Timestamp sent");
        // RFC 6275 9.5.1: a PBA with status 135 carries the last accepted sequence number
        // (so that the MAG can resynchronize), any other PBA the PBU's.
        uint16_t lastAccepted = first.sequence;
        for (size_t i = 0; i < steps.size(); i++)
        {
            const PbaRecord& pba = mag.pbas[i + 1];
            NS_TEST_EXPECT_MSG_EQ(+pba.status,
                                  +steps[i].second,
                                  "sequence " << steps[i].first << " (step " << i << ")");
            if (steps[i].second == mip6::BA_ACCEPTED)
            {
                lastAccepted = steps[i].first;
                NS_TEST_EXPECT_MSG_EQ(pba.sequence, steps[i].first, "sequence echoed");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(pba.sequence,
                                      lastAccepted,
                                      "135 carries the last accepted sequence (step " << i << ")");
                PbuSpec expected = specs[i];
                expected.sequence = lastAccepted;
                CheckRejection(pba, expected, steps[i].second);
            }
        }
        const PbaRecord& deregPba = mag.pbas[steps.size() + 1];
        PbuSpec deregExpected = dereg;
        deregExpected.sequence = 32768;
        CheckRejection(deregPba, deregExpected, mip6::BA_SEQUENCE_OUT_OF_WINDOW);
        Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
        LMA_ASSERT_NE(e, nullptr, "registered");
        NS_TEST_EXPECT_MSG_EQ(e->lastSequence, 32768, "last accepted sequence");
        NS_TEST_EXPECT_MSG_EQ(e->state, BindingCacheEntry::ACTIVE, "not de-registered");
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 1, "one entry");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief 155: a non-zero HNP the MN may not use: not among its static HNPs, another MN's
 * static HNP, or the prefix of another MN's session.
 */
class LmaPrefixNotAuthorizedTestCase : public LmaTestCase
{
  public:
    LmaPrefixNotAuthorizedTestCase()
        : LmaTestCase("155 NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        m_profiles->AddProfile(MakeProfile(MN1, {STATIC_S0}));
        AddProfile(MN2);
        AddProfile(MN3);
        // MN3 registers from MAG2 and gets POOL_P0.
        PbuSpec mn3;
        mn3.mnId = MN3;
        SendAt(Seconds(1), 1, mn3);
        // MN1 (static STATIC_S0) asks for STATIC_S1.
        PbuSpec notStatic;
        notStatic.prefixes = {STATIC_S1};
        SendAt(Seconds(2), 0, notStatic);
        // MN2 (pool) asks for MN1's static STATIC_S0.
        PbuSpec othersStatic;
        othersStatic.sequence = 2;
        othersStatic.mnId = MN2;
        othersStatic.prefixes = {STATIC_S0};
        SendAt(Seconds(3), 0, othersStatic);
        // MN2 asks for POOL_P0, the prefix of MN3's session.
        PbuSpec othersSession;
        othersSession.sequence = 3;
        othersSession.mnId = MN2;
        othersSession.prefixes = {POOL_P0};
        SendAt(Seconds(4), 0, othersSession);
        // The same with HI 3 (a handoff claim) does not steal it either.
        PbuSpec othersSessionHandoff = othersSession;
        othersSessionHandoff.sequence = 4;
        othersSessionHandoff.handoffIndicator = mip6::HI_HANDOFF_BETWEEN_MAGS;
        SendAt(Seconds(5), 0, othersSessionHandoff);
        // MN1 with its own static prefix is fine.
        PbuSpec own;
        own.sequence = 5;
        own.prefixes = {STATIC_S0};
        SendAt(Seconds(6), 0, own);
        RunUntil(Seconds(7));

        LMA_ASSERT_EQ(m_mags[1].pbas.size(), 1, "MN3 answered");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[1].pbas[0].status, +mip6::BA_ACCEPTED, "MN3 registered");
        FakeMag& mag = m_mags[0];
        LMA_ASSERT_EQ(mag.pbas.size(), 5, "five PBAs to MAG1");
        CheckRejection(mag.pbas[0], notStatic, mip6::BA_NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX);
        CheckRejection(mag.pbas[1], othersStatic, mip6::BA_NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX);
        CheckRejection(mag.pbas[2], othersSession, mip6::BA_NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX);
        CheckRejection(mag.pbas[3],
                       othersSessionHandoff,
                       mip6::BA_NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX);
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[4].status, +mip6::BA_ACCEPTED, "own static HNP");
        LMA_ASSERT_EQ(mag.pbas[4].prefixes.size(), 1, "one HNP");
        NS_TEST_EXPECT_MSG_EQ(mag.pbas[4].prefixes[0], STATIC_S0, "its static HNP");
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 2, "MN3's and MN1's entries only");
        Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
        LMA_ASSERT_NE(e, nullptr, "MN3's entry");
        NS_TEST_EXPECT_MSG_EQ(e->mnId, MN3, "still MN3's");
        NS_TEST_EXPECT_MSG_EQ(e->proxyCoa, m_mags[1].address, "still at MAG2");
        NS_TEST_EXPECT_MSG_EQ(Cache()->FindByMnId(MN2).size(), 0, "nothing for MN2");
        NS_TEST_EXPECT_MSG_EQ(m_handovers.size(), 0, "no handover");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief A non-zero HNP that no session holds (RFC 5213 5.3.2: the LMA must own it and the
 * MN be authorized): a free prefix of the pool is taken from the pool (so the pool never
 * hands it to another MN), a prefix the LMA does not own is refused with 155; a static HNP
 * (reserved in the pool as Pmipv6Helper does) stays reserved after its session is deleted.
 */
class LmaRequestedPrefixTestCase : public LmaTestCase
{
  public:
    LmaRequestedPrefixTestCase()
        : LmaTestCase("A requested HNP without a session is taken from the pool, or refused")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        AddProfile(MN1);
        AddProfile(MN2);
        m_profiles->AddProfile(MakeProfile(MN3, {STATIC_S0}));
        m_pool->Reserve(STATIC_S0); // as Pmipv6Helper does for static HNPs
        // MN1 asks for POOL_P0, which nobody holds (e.g. after an LMA restart).
        PbuSpec claim;
        claim.prefixes = {POOL_P0};
        SendAt(Seconds(1), 0, claim);
        // MN2 asks for any prefix: the pool must not hand out POOL_P0 again.
        PbuSpec any;
        any.mnId = MN2;
        SendAt(Seconds(2), 1, any);
        // MN2 asks for a prefix this LMA does not own.
        PbuSpec foreign;
        foreign.sequence = 2;
        foreign.mnId = MN2;
        foreign.handoffIndicator = mip6::HI_NEW_INTERFACE;
        foreign.prefixes = {HomeNetworkPrefix(Ipv6Address("2001:db8:c::"), 64)};
        SendAt(Seconds(3), 1, foreign);
        // MN3 registers its static HNP and de-registers.
        PbuSpec mn3;
        mn3.mnId = MN3;
        mn3.sequence = 3;
        SendAt(Seconds(4), 1, mn3);
        PbuSpec mn3Dereg = PbuSpec::Deregistration(STATIC_S0, 4);
        mn3Dereg.mnId = MN3;
        SendAt(Seconds(5), 1, mn3Dereg);
        RunUntil(Seconds(16));

        LMA_ASSERT_EQ(m_mags[0].pbas.size(), 1, "MAG1 answered");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[0].pbas[0].status, +mip6::BA_ACCEPTED, "MN1 accepted");
        NS_TEST_EXPECT_MSG_EQ(FirstPrefix(m_mags[0].pbas[0]), POOL_P0, "the asked prefix");
        LMA_ASSERT_EQ(m_mags[1].pbas.size(), 4, "MAG2 answered");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[1].pbas[0].status, +mip6::BA_ACCEPTED, "MN2 accepted");
        NS_TEST_EXPECT_MSG_EQ(FirstPrefix(m_mags[1].pbas[0]), POOL_P1, "not MN1's prefix");
        CheckRejection(m_mags[1].pbas[1], foreign, mip6::BA_NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX);
        NS_TEST_EXPECT_MSG_EQ(+m_mags[1].pbas[2].status, +mip6::BA_ACCEPTED, "MN3 accepted");
        NS_TEST_EXPECT_MSG_EQ(FirstPrefix(m_mags[1].pbas[2]), STATIC_S0, "static HNP");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[1].pbas[3].status, +mip6::BA_ACCEPTED, "MN3 dereg");
        NS_TEST_EXPECT_MSG_EQ(Cache()->FindAllByPrefix(POOL_P0).size(), 1, "one owner of P0");
        NS_TEST_EXPECT_MSG_EQ(m_pool->IsAllocated(POOL_P0), true, "P0 taken from the pool");
        NS_TEST_EXPECT_MSG_EQ(Cache()->FindByMnId(MN3).size(), 0, "MN3's entry deleted");
        NS_TEST_EXPECT_MSG_EQ(m_pool->IsAllocated(STATIC_S0),
                              true,
                              "a static HNP stays reserved after its session");
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 2, "MN1 and MN2");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief 159: the HNP set of a PBU differs from the entry's (a subset, a superset).
 */
class LmaPrefixSetMismatchTestCase : public LmaTestCase
{
  public:
    LmaPrefixSetMismatchTestCase()
        : LmaTestCase("159 BCE_PBU_PREFIX_SET_DO_NOT_MATCH")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        m_profiles->AddProfile(MakeProfile(MN1, {STATIC_S0, STATIC_S1}));
        AddProfile(MN2);
        PbuSpec first; // all-zero: both static prefixes
        SendAt(Seconds(1), 0, first);
        PbuSpec subset = PbuSpec::Refresh(STATIC_S0, 2);
        SendAt(Seconds(2), 0, subset);
        // MN2 (pool) registers POOL_P0, then asks for POOL_P0 and POOL_P1.
        PbuSpec mn2;
        mn2.mnId = MN2;
        SendAt(Seconds(3), 1, mn2);
        PbuSpec superset = PbuSpec::Refresh(POOL_P0, 2);
        superset.mnId = MN2;
        superset.prefixes = {POOL_P0, POOL_P1};
        SendAt(Seconds(4), 1, superset);
        PbuSpec both = PbuSpec::Refresh(STATIC_S1, 3);
        both.prefixes = {STATIC_S1, STATIC_S0}; // the same set in another order
        SendAt(Seconds(5), 0, both);
        RunUntil(Seconds(6));

        FakeMag& mag = m_mags[0];
        LMA_ASSERT_EQ(mag.pbas.size(), 3, "three PBAs to MAG1");
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[0].status, +mip6::BA_ACCEPTED, "registered");
        NS_TEST_EXPECT_MSG_EQ(mag.pbas[0].prefixes.size(), 2, "both static prefixes");
        CheckRejection(mag.pbas[1], subset, mip6::BA_BCE_PBU_PREFIX_SET_DO_NOT_MATCH);
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[2].status, +mip6::BA_ACCEPTED, "same set, any order");
        LMA_ASSERT_EQ(m_mags[1].pbas.size(), 2, "two PBAs to MAG2");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[1].pbas[0].status, +mip6::BA_ACCEPTED, "MN2 registered");
        CheckRejection(m_mags[1].pbas[1], superset, mip6::BA_BCE_PBU_PREFIX_SET_DO_NOT_MATCH);
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 2, "two entries");
        Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
        LMA_ASSERT_NE(e, nullptr, "MN2's entry");
        NS_TEST_EXPECT_MSG_EQ(e->homeNetworkPrefixes.size(), 1, "MN2's set unchanged");
        NS_TEST_EXPECT_MSG_EQ(Cache()->FindByPrefix(POOL_P1), nullptr, "POOL_P1 unbound");
        NS_TEST_EXPECT_MSG_EQ(m_pool->IsAllocated(POOL_P1), false, "POOL_P1 free");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief 130: the pool (2001:db8:a::/63 cut in /64s) holds two prefixes; the third MN is
 * refused, and gets a prefix once one is released.
 */
class LmaPoolExhaustedTestCase : public LmaTestCase
{
  public:
    LmaPoolExhaustedTestCase()
        : LmaTestCase("130 INSUFFICIENT_RESOURCES when the prefix pool is exhausted")
    {
    }

  private:
    void DoRun() override
    {
        Build(Configure(), 63);
        AddProfile(MN1);
        AddProfile(MN2);
        AddProfile(MN3);
        PbuSpec a;
        SendAt(Seconds(1), 0, a);
        PbuSpec b;
        b.mnId = MN2;
        SendAt(Seconds(1.1), 0, b);
        PbuSpec c;
        c.mnId = MN3;
        c.sequence = 9;
        SendAt(Seconds(1.2), 0, c);
        RunUntil(Seconds(2));
        FakeMag& mag = m_mags[0];
        NS_TEST_EXPECT_MSG_EQ(m_pool->GetCapacity(), 2, "a pool of two prefixes");
        LMA_ASSERT_EQ(mag.pbas.size(), 3, "three PBAs");
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[0].status, +mip6::BA_ACCEPTED, "MN1");
        NS_TEST_EXPECT_MSG_EQ(FirstPrefix(mag.pbas[0]), POOL_P0, "MN1's prefix");
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[1].status, +mip6::BA_ACCEPTED, "MN2");
        NS_TEST_EXPECT_MSG_EQ(FirstPrefix(mag.pbas[1]), POOL_P1, "MN2's prefix");
        CheckRejection(mag.pbas[2], c, mip6::BA_INSUFFICIENT_RESOURCES);
        NS_TEST_EXPECT_MSG_EQ(FirstPrefix(mag.pbas[2]).IsUnspecified(),
                              true,
                              "the all-zero HNP is mirrored");
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 2, "no BCE for MN3");
        NS_TEST_EXPECT_MSG_EQ(Cache()->FindByMnId(MN3).size(), 0, "no BCE for MN3");
        NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 1, "one shared tunnel");
        NS_TEST_EXPECT_MSG_EQ(RouteCount(), 2, "two routes");
        NS_TEST_EXPECT_MSG_EQ(m_lma->GetPbaCount(mip6::BA_INSUFFICIENT_RESOURCES), 1, "count");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Case 4: de-registration from the registered MAG: accepted with lifetime 0, entry
 * kept MinDelayBeforeBCEDelete in DEREGISTERED_PENDING_DELETE, then deleted with its tunnel,
 * route and prefix.
 */
class LmaDeregistrationTestCase : public LmaTestCase
{
  public:
    LmaDeregistrationTestCase()
        : LmaTestCase("De-registration keeps the entry MinDelayBeforeBCEDelete, then deletes it")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        AddProfile(MN1);
        PbuSpec first;
        SendAt(Seconds(1), 0, first);
        PbuSpec dereg = PbuSpec::Deregistration(POOL_P0, 2);
        SendAt(Seconds(2), 0, dereg);
        // Processed at 2.001 s (+ serialization): deletion at 12.001 s.
        At(Seconds(2.5), [&]() {
            Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
            NS_TEST_EXPECT_MSG_NE(e, nullptr, "kept after the de-registration");
            if (e)
            {
                NS_TEST_EXPECT_MSG_EQ(e->state,
                                      BindingCacheEntry::DEREGISTERED_PENDING_DELETE,
                                      "pending delete");
            }
        });
        At(Seconds(11.99), [&]() {
            Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
            NS_TEST_EXPECT_MSG_NE(e, nullptr, "still there just before the delay ends");
            if (e)
            {
                NS_TEST_EXPECT_MSG_EQ(e->state,
                                      BindingCacheEntry::DEREGISTERED_PENDING_DELETE,
                                      "pending delete");
            }
            NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 1, "tunnel kept meanwhile");
            NS_TEST_EXPECT_MSG_EQ(RouteCount(), 1, "route kept meanwhile");
            NS_TEST_EXPECT_MSG_EQ(m_pool->IsAllocated(POOL_P0), true, "prefix kept meanwhile");
        });
        At(Seconds(12.01), [&]() {
            NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 0, "deleted");
            NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 0, "tunnel released");
            NS_TEST_EXPECT_MSG_EQ(RouteCount(), 0, "route removed");
            NS_TEST_EXPECT_MSG_EQ(m_pool->IsAllocated(POOL_P0), false, "prefix released");
        });
        RunUntil(Seconds(13));
        FakeMag& mag = m_mags[0];
        LMA_ASSERT_EQ(mag.pbas.size(), 2, "two PBAs");
        const PbaRecord& pba = mag.pbas[1];
        NS_TEST_EXPECT_MSG_EQ(+pba.status, +mip6::BA_ACCEPTED, "de-registration accepted");
        NS_TEST_EXPECT_MSG_EQ(pba.lifetimeUnits, 0, "lifetime 0");
        NS_TEST_EXPECT_MSG_EQ(pba.sequence, 2, "sequence echoed");
        NS_TEST_EXPECT_MSG_EQ(pba.prefixes.size(), 1, "HNP mirrored");
        NS_TEST_EXPECT_MSG_EQ(FirstPrefix(pba), POOL_P0, "HNP mirrored");
        NS_TEST_EXPECT_MSG_EQ(pba.timestamp.value_or(0),
                              TimestampOption(Seconds(2)).GetRaw(),
                              "timestamp echoed");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Case 5: a de-registration from a MAG that is not the entry's Proxy-CoA is accepted
 * and removes nothing.
 */
class LmaForeignDeregistrationTestCase : public LmaTestCase
{
  public:
    LmaForeignDeregistrationTestCase()
        : LmaTestCase("De-registration from another MAG is accepted and removes nothing")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        AddProfile(MN1);
        PbuSpec first;
        SendAt(Seconds(1), 0, first);
        PbuSpec dereg = PbuSpec::Deregistration(POOL_P0, 77);
        SendAt(Seconds(2), 1, dereg);
        At(Seconds(13), [&]() {
            Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
            NS_TEST_EXPECT_MSG_NE(e, nullptr, "entry kept past MinDelayBeforeBCEDelete");
            if (e)
            {
                NS_TEST_EXPECT_MSG_EQ(e->state, BindingCacheEntry::ACTIVE, "still ACTIVE");
                NS_TEST_EXPECT_MSG_EQ(e->proxyCoa, m_mags[0].address, "still at MAG1");
                NS_TEST_EXPECT_MSG_EQ(e->timestamp,
                                      TimestampOption(Seconds(1)).GetRaw(),
                                      "the foreign PBU changed nothing");
            }
            NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 1, "tunnel kept");
            NS_TEST_EXPECT_MSG_EQ(TunnelInterface(1),
                                  Ipv6TunnelL4Protocol::NO_INTERFACE,
                                  "no tunnel to MAG2");
            NS_TEST_EXPECT_MSG_EQ(RouteCount(), 1, "route kept");
        });
        RunUntil(Seconds(14));
        LMA_ASSERT_EQ(m_mags[1].pbas.size(), 1, "MAG2 answered");
        const PbaRecord& pba = m_mags[1].pbas[0];
        NS_TEST_EXPECT_MSG_EQ(+pba.status, +mip6::BA_ACCEPTED, "accepted");
        NS_TEST_EXPECT_MSG_EQ(pba.lifetimeUnits, 0, "lifetime 0");
        NS_TEST_EXPECT_MSG_EQ(pba.sequence, 77, "sequence echoed");
        NS_TEST_EXPECT_MSG_EQ(m_mags[0].pbas.size(), 1, "nothing more to MAG1");
        NS_TEST_EXPECT_MSG_EQ(m_mags[0].bris.size(), 0, "no revocation of MAG1");
        NS_TEST_EXPECT_MSG_EQ(m_handovers.size(), 0, "no handover");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Case 6: lifetime expiry deletes the entry with its tunnel, route and prefix.
 */
class LmaLifetimeExpiryTestCase : public LmaTestCase
{
  public:
    LmaLifetimeExpiryTestCase()
        : LmaTestCase("Lifetime expiry removes the binding cache entry")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        AddProfile(MN1);
        PbuSpec first;
        first.lifetimeUnits = 2; // 8 s from 1.001 s
        SendAt(Seconds(1), 0, first);
        At(Seconds(8.9), [&]() {
            NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 1, "alive before expiry");
            NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 1, "tunnel");
        });
        At(Seconds(9.1), [&]() {
            NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 0, "gone after expiry");
            NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 0, "tunnel released");
            NS_TEST_EXPECT_MSG_EQ(RouteCount(), 0, "route removed");
            NS_TEST_EXPECT_MSG_EQ(m_pool->IsAllocated(POOL_P0), false, "prefix released");
        });
        RunUntil(Seconds(10));
        LMA_ASSERT_EQ(m_mags[0].pbas.size(), 1, "one PBA");
        NS_TEST_EXPECT_MSG_EQ(m_mags[0].pbas[0].lifetimeUnits, 2, "8 s granted");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Case 7a: HI 3 with the same MN LL-ID from a second MAG moves the session: same HNP,
 * Proxy-CoA updated, tunnel moved, one "Handover" trace, a BRI to the old MAG.
 */
class LmaHandoffTestCase : public LmaTestCase
{
  public:
    LmaHandoffTestCase()
        : LmaTestCase("HI 3 with the same MN LL-ID moves the session to the new MAG")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        AddProfile(MN1);
        PbuSpec first;
        first.linkLayerId = LLID_1;
        SendAt(Seconds(1), 0, first);
        PbuSpec handoff;
        handoff.sequence = 1; // MAG2's own sequence space
        handoff.handoffIndicator = mip6::HI_HANDOFF_BETWEEN_MAGS;
        handoff.linkLayerId = LLID_1;
        handoff.accessTechnology = mip6::ATT_IEEE_802_3; // another technology
        SendAt(Seconds(2), 1, handoff);
        // The old MAG's late de-registration must not remove the moved session.
        PbuSpec lateDereg = PbuSpec::Deregistration(POOL_P0, 2);
        SendAt(Seconds(3), 0, lateDereg);
        RunUntil(Seconds(15));

        LMA_ASSERT_EQ(m_mags[1].pbas.size(), 1, "MAG2 answered");
        const PbaRecord& pba = m_mags[1].pbas[0];
        NS_TEST_EXPECT_MSG_EQ(+pba.status, +mip6::BA_ACCEPTED, "handoff accepted");
        LMA_ASSERT_EQ(pba.prefixes.size(), 1, "one HNP");
        NS_TEST_EXPECT_MSG_EQ(pba.prefixes[0], POOL_P0, "the same HNP");
        NS_TEST_EXPECT_MSG_EQ(+pba.handoffIndicator.value_or(0),
                              +mip6::HI_HANDOFF_BETWEEN_MAGS,
                              "HI mirrored");
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 1, "one entry");
        Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
        LMA_ASSERT_NE(e, nullptr, "the entry");
        NS_TEST_EXPECT_MSG_EQ(e->proxyCoa, m_mags[1].address, "Proxy-CoA updated");
        NS_TEST_EXPECT_MSG_EQ(e->state, BindingCacheEntry::ACTIVE, "ACTIVE");
        NS_TEST_EXPECT_MSG_EQ(+e->accessTechnologyType, +mip6::ATT_IEEE_802_3, "ATT updated");
        NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 1, "one tunnel");
        NS_TEST_EXPECT_MSG_EQ(TunnelInterface(0), Ipv6TunnelL4Protocol::NO_INTERFACE, "old gone");
        NS_TEST_EXPECT_MSG_EQ(e->tunnelInterface, TunnelInterface(1), "tunnel to MAG2");
        NS_TEST_EXPECT_MSG_EQ(RouteInterface(Ipv6Address("2001:db8:a::1")),
                              TunnelInterface(1),
                              "the prefix is routed to MAG2");
        NS_TEST_EXPECT_MSG_EQ(RouteCount(), 1, "one route");

        LMA_ASSERT_EQ(m_handovers.size(), 1, "one Handover trace");
        NS_TEST_EXPECT_MSG_EQ(std::get<0>(m_handovers[0]), MN1, "trace MN");
        NS_TEST_EXPECT_MSG_EQ(std::get<1>(m_handovers[0]), m_mags[0].address, "trace from");
        NS_TEST_EXPECT_MSG_EQ(std::get<2>(m_handovers[0]), m_mags[1].address, "trace to");

        LMA_ASSERT_EQ(m_mags[0].bris.size(), 1, "one BRI to the old MAG");
        const BriRecord& bri = m_mags[0].bris[0];
        NS_TEST_EXPECT_MSG_EQ(bri.proxy, true, "BRI P flag");
        NS_TEST_EXPECT_MSG_EQ(+bri.trigger,
                              +mip6::BRI_TRIGGER_INTER_MAG_HANDOVER_DIFFERENT_ATT,
                              "inter-MAG handover, different ATT");
        NS_TEST_EXPECT_MSG_EQ(bri.mnId, MN1, "BRI MN-ID");
        LMA_ASSERT_EQ(bri.prefixes.size(), 1, "BRI HNP");
        NS_TEST_EXPECT_MSG_EQ(bri.prefixes[0], POOL_P0, "BRI HNP");
        NS_TEST_EXPECT_MSG_EQ(m_mags[1].bris.size(), 0, "no BRI to the new MAG");
        NS_TEST_EXPECT_MSG_EQ(m_lma->GetRevocationCount(), 1, "BRI counted");
        NS_TEST_EXPECT_MSG_EQ(m_lma->GetRevocationAckCount(), 1, "BRA received");

        LMA_ASSERT_EQ(m_mags[0].pbas.size(), 2, "MAG1's de-registration answered");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[0].pbas[1].status, +mip6::BA_ACCEPTED, "accepted");
        NS_TEST_EXPECT_MSG_EQ(m_mags[0].pbas[1].lifetimeUnits, 0, "lifetime 0");
        Finish();

        // The same handoff with the same ATT: trigger "same access type".
        Build();
        AddProfile(MN1);
        SendAt(Seconds(1), 0, first);
        handoff.accessTechnology = mip6::ATT_IEEE_802_11;
        SendAt(Seconds(2), 1, handoff);
        RunUntil(Seconds(3));
        LMA_ASSERT_EQ(m_mags[0].bris.size(), 1, "one BRI");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[0].bris[0].trigger,
                              +mip6::BRI_TRIGGER_INTER_MAG_HANDOVER_SAME_ATT,
                              "inter-MAG handover, same ATT");
        NS_TEST_EXPECT_MSG_EQ(m_handovers.size(), 1, "one Handover trace");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Case 7b: HI 4 without MN LL-ID while the session is ACTIVE at MAG1: no PBA before
 * MaxDelayBeforeNewBCEAssign, then a new session with a different HNP (the PBA answers the
 * latest retransmission).
 */
class LmaHi4TimeoutTestCase : public LmaTestCase
{
  public:
    /**
     * \brief Constructor.
     * \param otherLinkLayerId the HI 4 PBU carries an MN LL-ID other than the session's
     *        (else none)
     */
    explicit LmaHi4TimeoutTestCase(bool otherLinkLayerId)
        : LmaTestCase(otherLinkLayerId
                          ? "HI 4 with another LL-ID, no de-registration: new session after "
                            "MaxDelayBeforeNewBCEAssign"
                          : "HI 4 without LL-ID, no de-registration: new session after "
                            "MaxDelayBeforeNewBCEAssign"),
          m_otherLinkLayerId(otherLinkLayerId)
    {
    }

  private:
    void DoRun() override
    {
        Build();
        AddProfile(MN1);
        PbuSpec first;
        first.linkLayerId = LLID_1;
        SendAt(Seconds(1), 0, first);
        PbuSpec unknown;
        unknown.sequence = 10;
        unknown.handoffIndicator = mip6::HI_UNKNOWN;
        if (m_otherLinkLayerId)
        {
            unknown.linkLayerId = LLID_2;
        }
        SendAt(Seconds(2), 1, unknown);
        PbuSpec retransmission = unknown;
        retransmission.sequence = 11;
        SendAt(Seconds(3), 1, retransmission);
        // Received at 2.001 s: the decision falls at 3.501 s.
        At(Seconds(3.49), [&]() {
            NS_TEST_EXPECT_MSG_EQ(m_mags[1].pbas.size(), 0, "no PBA while waiting");
            NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 1, "no new entry yet");
        });
        RunUntil(Seconds(4));
        LMA_ASSERT_EQ(m_mags[1].pbas.size(), 1, "one PBA after the delay");
        const PbaRecord& pba = m_mags[1].pbas[0];
        NS_TEST_EXPECT_MSG_GT(pba.at, Seconds(3.5), "after MaxDelayBeforeNewBCEAssign");
        NS_TEST_EXPECT_MSG_LT(pba.at, Seconds(3.51), "right after it");
        NS_TEST_EXPECT_MSG_EQ(+pba.status, +mip6::BA_ACCEPTED, "accepted");
        NS_TEST_EXPECT_MSG_EQ(pba.sequence, 11, "answers the latest PBU");
        LMA_ASSERT_EQ(pba.prefixes.size(), 1, "one HNP");
        NS_TEST_EXPECT_MSG_EQ(pba.prefixes[0], POOL_P1, "a different HNP: a new session");
        NS_TEST_EXPECT_MSG_EQ(Cache()->FindByMnId(MN1).size(), 2, "two sessions");
        Ptr<BindingCacheEntry> old = Cache()->FindByPrefix(POOL_P0);
        LMA_ASSERT_NE(old, nullptr, "the old session");
        NS_TEST_EXPECT_MSG_EQ(old->proxyCoa, m_mags[0].address, "still at MAG1");
        NS_TEST_EXPECT_MSG_EQ(old->state, BindingCacheEntry::ACTIVE, "still ACTIVE");
        Ptr<BindingCacheEntry> fresh = Cache()->FindByPrefix(POOL_P1);
        LMA_ASSERT_NE(fresh, nullptr, "the new session");
        NS_TEST_EXPECT_MSG_EQ(fresh->proxyCoa, m_mags[1].address, "at MAG2");
        NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 2, "a tunnel to each MAG");
        NS_TEST_EXPECT_MSG_EQ(m_handovers.size(), 0, "no handover");
        NS_TEST_EXPECT_MSG_EQ(m_mags[0].bris.size(), 0, "no revocation");
        Finish();
    }

    bool m_otherLinkLayerId; ///< the HI 4 PBU carries LLID_2
};

/**
 * \ingroup pmipv6-tests
 * \brief HI 5 with an all-zero HNP is a re-registration from the same Proxy-CoA only: from
 * MAG1 it refreshes MAG1's session, from MAG2 it does not take the session over.
 */
class LmaHi5AllZeroTestCase : public LmaTestCase
{
  public:
    LmaHi5AllZeroTestCase()
        : LmaTestCase("HI 5 with an all-zero HNP refreshes only from the same Proxy-CoA")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        AddProfile(MN1);
        PbuSpec first;
        SendAt(Seconds(1), 0, first);
        PbuSpec same;
        same.sequence = 2;
        same.handoffIndicator = mip6::HI_NOT_CHANGED;
        SendAt(Seconds(2), 0, same);
        PbuSpec other = same;
        other.sequence = 3;
        SendAt(Seconds(3), 1, other);
        RunUntil(Seconds(4));
        LMA_ASSERT_EQ(m_mags[0].pbas.size(), 2, "two PBAs to MAG1");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[0].pbas[1].status, +mip6::BA_ACCEPTED, "refresh");
        NS_TEST_EXPECT_MSG_EQ(FirstPrefix(m_mags[0].pbas[1]), POOL_P0, "same HNP");
        LMA_ASSERT_EQ(m_mags[1].pbas.size(), 1, "one PBA to MAG2");
        NS_TEST_EXPECT_MSG_NE(FirstPrefix(m_mags[1].pbas[0]), POOL_P0, "not MAG1's HNP");
        Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
        LMA_ASSERT_NE(e, nullptr, "MAG1's session");
        NS_TEST_EXPECT_MSG_EQ(e->proxyCoa, m_mags[0].address, "still at MAG1");
        NS_TEST_EXPECT_MSG_EQ(e->lastSequence, 2, "refreshed by MAG1 only");
        NS_TEST_EXPECT_MSG_EQ(m_handovers.size(), 0, "no handover");
        NS_TEST_EXPECT_MSG_EQ(m_mags[0].bris.size(), 0, "no revocation");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Case 7c: HI 4 without MN LL-ID, and MAG1 de-registers within
 * MaxDelayBeforeNewBCEAssign: a handoff, same HNP, PBA right after the de-registration.
 */
class LmaHi4DeregistrationTestCase : public LmaTestCase
{
  public:
    LmaHi4DeregistrationTestCase()
        : LmaTestCase("HI 4 resolved by the old MAG's de-registration: handoff, same HNP")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        AddProfile(MN1);
        PbuSpec first;
        SendAt(Seconds(1), 0, first);
        PbuSpec unknown;
        unknown.sequence = 10;
        unknown.handoffIndicator = mip6::HI_UNKNOWN;
        SendAt(Seconds(2), 1, unknown);
        PbuSpec dereg = PbuSpec::Deregistration(POOL_P0, 2);
        SendAt(Seconds(2.5), 0, dereg);
        At(Seconds(2.49), [&]() { NS_TEST_EXPECT_MSG_EQ(m_mags[1].pbas.size(), 0, "MAG2 waits"); });
        RunUntil(Seconds(14));
        LMA_ASSERT_EQ(m_mags[0].pbas.size(), 2, "MAG1: registration, de-registration");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[0].pbas[1].status, +mip6::BA_ACCEPTED, "dereg accepted");
        NS_TEST_EXPECT_MSG_EQ(m_mags[0].pbas[1].lifetimeUnits, 0, "lifetime 0");
        LMA_ASSERT_EQ(m_mags[1].pbas.size(), 1, "MAG2 answered");
        const PbaRecord& pba = m_mags[1].pbas[0];
        NS_TEST_EXPECT_MSG_EQ(+pba.status, +mip6::BA_ACCEPTED, "handoff accepted");
        NS_TEST_EXPECT_MSG_EQ(pba.sequence, 10, "sequence echoed");
        NS_TEST_EXPECT_MSG_EQ(pba.lifetimeUnits, 25, "lifetime granted");
        LMA_ASSERT_EQ(pba.prefixes.size(), 1, "one HNP");
        NS_TEST_EXPECT_MSG_EQ(pba.prefixes[0], POOL_P0, "the same HNP");
        NS_TEST_EXPECT_MSG_EQ(pba.at, m_mags[0].pbas[1].at, "sent with the dereg's PBA");
        NS_TEST_EXPECT_MSG_LT(pba.at, Seconds(2.51), "right after the de-registration");
        // The entry survived MinDelayBeforeBCEDelete (12.5 s) at MAG2.
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 1, "one entry");
        Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
        LMA_ASSERT_NE(e, nullptr, "the entry");
        NS_TEST_EXPECT_MSG_EQ(e->proxyCoa, m_mags[1].address, "at MAG2");
        NS_TEST_EXPECT_MSG_EQ(e->state, BindingCacheEntry::ACTIVE, "ACTIVE again");
        NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 1, "only the tunnel to MAG2");
        NS_TEST_EXPECT_MSG_EQ(e->tunnelInterface, TunnelInterface(1), "tunnel to MAG2");
        NS_TEST_EXPECT_MSG_EQ(RouteCount(), 1, "one route");
        NS_TEST_EXPECT_MSG_EQ(m_handovers.size(), 1, "one Handover trace");
        NS_TEST_EXPECT_MSG_EQ(m_pool->GetAllocatedCount(), 1, "no second prefix");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Case 7d: HI 1 from a second MAG creates a second session for the same MN; HI 4
 * with the LL-ID of the existing session moves it at once.
 */
class LmaSecondSessionTestCase : public LmaTestCase
{
  public:
    LmaSecondSessionTestCase()
        : LmaTestCase("HI 1 creates a second session; HI 4 with a known LL-ID moves at once")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        AddProfile(MN1);
        PbuSpec first;
        first.linkLayerId = LLID_1;
        SendAt(Seconds(1), 0, first);
        PbuSpec second;
        second.linkLayerId = LLID_2;
        SendAt(Seconds(2), 1, second);
        RunUntil(Seconds(3));
        LMA_ASSERT_EQ(m_mags[1].pbas.size(), 1, "MAG2 answered");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[1].pbas[0].status, +mip6::BA_ACCEPTED, "accepted");
        NS_TEST_EXPECT_MSG_EQ(FirstPrefix(m_mags[1].pbas[0]), POOL_P1, "a second HNP");
        std::vector<Ptr<BindingCacheEntry>> entries = Cache()->FindByMnId(MN1);
        LMA_ASSERT_EQ(entries.size(), 2, "two BCEs for MN1");
        NS_TEST_EXPECT_MSG_EQ(entries[0]->proxyCoa, m_mags[0].address, "first at MAG1");
        NS_TEST_EXPECT_MSG_EQ(entries[1]->proxyCoa, m_mags[1].address, "second at MAG2");
        NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 2, "two tunnels");
        NS_TEST_EXPECT_MSG_EQ(RouteCount(), 2, "two routes");
        NS_TEST_EXPECT_MSG_EQ(m_handovers.size(), 0, "no handover");
        Finish();

        // HI 4 carrying the LL-ID of the session at MAG1: the same interface moved.
        Build();
        AddProfile(MN1);
        SendAt(Seconds(1), 0, first);
        PbuSpec unknown;
        unknown.handoffIndicator = mip6::HI_UNKNOWN;
        unknown.linkLayerId = LLID_1;
        SendAt(Seconds(2), 1, unknown);
        RunUntil(Seconds(3));
        LMA_ASSERT_EQ(m_mags[1].pbas.size(), 1, "MAG2 answered");
        NS_TEST_EXPECT_MSG_LT(m_mags[1].pbas[0].at, Seconds(2.01), "at once");
        NS_TEST_EXPECT_MSG_EQ(FirstPrefix(m_mags[1].pbas[0]), POOL_P0, "the same HNP");
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 1, "one entry");
        NS_TEST_EXPECT_MSG_EQ(m_handovers.size(), 1, "one handover");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief A de-registration naming another MN's pool-assigned HNP is refused with 155, as a
 * registration naming it is, and leaves that MN's session alone.
 */
class LmaDeregistrationOthersPrefixTestCase : public LmaTestCase
{
  public:
    LmaDeregistrationOthersPrefixTestCase()
        : LmaTestCase("155 for a de-registration naming another MN's pool prefix")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        AddProfile(MN1);
        AddProfile(MN2);
        PbuSpec mn1; // MN1 at MAG1 gets POOL_P0
        SendAt(Seconds(1), 0, mn1);
        PbuSpec fromMag1 = PbuSpec::Deregistration(POOL_P0, 2);
        fromMag1.mnId = MN2;
        SendAt(Seconds(2), 0, fromMag1);
        PbuSpec fromMag2 = PbuSpec::Deregistration(POOL_P0, 3);
        fromMag2.mnId = MN2;
        SendAt(Seconds(3), 1, fromMag2);
        PbuSpec registration = PbuSpec::Refresh(POOL_P0, 4);
        registration.mnId = MN2;
        SendAt(Seconds(4), 1, registration);
        At(Seconds(14), [&]() {
            Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
            NS_TEST_EXPECT_MSG_NE(e, nullptr, "MN1's entry kept past MinDelayBeforeBCEDelete");
            if (e)
            {
                NS_TEST_EXPECT_MSG_EQ(e->mnId, MN1, "still MN1's");
                NS_TEST_EXPECT_MSG_EQ(e->state, BindingCacheEntry::ACTIVE, "still ACTIVE");
                NS_TEST_EXPECT_MSG_EQ(e->timestamp,
                                      TimestampOption(Seconds(1)).GetRaw(),
                                      "the refused PBUs changed nothing");
            }
            NS_TEST_EXPECT_MSG_EQ(RouteInterface(Ipv6Address("2001:db8:a::1")),
                                  TunnelInterface(0),
                                  "still routed to MAG1");
        });
        RunUntil(Seconds(15));
        LMA_ASSERT_EQ(m_mags[0].pbas.size(), 2, "two PBAs to MAG1");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[0].pbas[0].status, +mip6::BA_ACCEPTED, "MN1 registered");
        CheckRejection(m_mags[0].pbas[1],
                       fromMag1,
                       mip6::BA_NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX);
        LMA_ASSERT_EQ(m_mags[1].pbas.size(), 2, "two PBAs to MAG2");
        CheckRejection(m_mags[1].pbas[0],
                       fromMag2,
                       mip6::BA_NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX);
        CheckRejection(m_mags[1].pbas[1],
                       registration,
                       mip6::BA_NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX);
        NS_TEST_EXPECT_MSG_EQ(Cache()->FindByMnId(MN2).size(), 0, "nothing for MN2");
        NS_TEST_EXPECT_MSG_EQ(m_handovers.size(), 0, "no handover");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Records the "EntryStateChanged" and "EntryUpdated" traces of an LMA's binding cache.
 */
struct CacheTraceRecorder
{
    /// One state change.
    struct Change
    {
        Time at;                           ///< when
        uint64_t id;                       ///< entry id
        BindingCacheEntry::State oldState; ///< before
        BindingCacheEntry::State newState; ///< after
    };

    Ptr<BindingCache> cache;        ///< the cache
    std::vector<Change> changes;    ///< every state change
    std::vector<uint64_t> stamps;   ///< the timestamp of entry 1 at every event on it
    std::vector<std::string> trail; ///< "OLD>NEW" of entry 1

    /**
     * \brief Connect to a cache.
     * \param c the cache
     */
    void Connect(Ptr<BindingCache> c)
    {
        cache = c;
        changes.clear();
        stamps.clear();
        trail.clear();
        c->TraceConnectWithoutContext("EntryStateChanged",
                                      MakeCallback(&CacheTraceRecorder::StateChanged, this));
        c->TraceConnectWithoutContext("EntryUpdated",
                                      MakeCallback(&CacheTraceRecorder::Updated, this));
    }

    /**
     * \brief "EntryStateChanged" sink.
     * \param id entry id
     * \param oldState before
     * \param newState after
     */
    void StateChanged(uint64_t id,
                      const std::string& /* mnId */,
                      BindingCacheEntry::State oldState,
                      BindingCacheEntry::State newState)
    {
        changes.push_back({Simulator::Now(), id, oldState, newState});
        if (id == 1)
        {
            trail.push_back(BindingCacheEntry::StateName(oldState) + ">" +
                            BindingCacheEntry::StateName(newState));
            Ptr<BindingCacheEntry> e = cache->FindById(id);
            if (e)
            {
                stamps.push_back(e->timestamp);
            }
        }
    }

    /**
     * \brief "EntryUpdated" sink.
     * \param e the entry
     */
    void Updated(Ptr<const BindingCacheEntry> e)
    {
        if (e->id == 1)
        {
            stamps.push_back(e->timestamp);
        }
    }

    /**
     * \brief Entry 1's state changes, joined.
     * \return e.g. "ACTIVE>AWAITING_DEREGISTRATION ..."
     */
    std::string Trail() const
    {
        std::string s;
        for (const auto& t : trail)
        {
            s += (s.empty() ? "" : " ") + t;
        }
        return s;
    }

    /**
     * \brief Whether entry 1's timestamp never went backwards.
     * \return true when non-decreasing
     */
    bool Monotonic() const
    {
        return std::is_sorted(stamps.begin(), stamps.end());
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The RFC 5213 5.5 ordering rules also hold when a de-registration resolves a waiting
 * HI 4 request: the waiting request takes the session over only if its timestamp is newer
 * than the accepted registration's (the entry's timestamp never goes backwards); a stale one
 * is answered 157 and the de-registration then applies.
 */
class LmaHi4OrderingTestCase : public LmaTestCase
{
  public:
    LmaHi4OrderingTestCase()
        : LmaTestCase("HI 4 resolved by a de-registration keeps the 5.5 ordering rules")
    {
    }

  private:
    void DoRun() override
    {
        // The usual case: the waiting request (2.0 s) is newer than the registration (1.0 s)
        // and older than the de-registration (2.5 s) that resolves it.
        Build();
        AddProfile(MN1);
        CacheTraceRecorder rec;
        rec.Connect(Cache());
        PbuSpec first;
        SendAt(Seconds(1), 0, first);
        PbuSpec unknown;
        unknown.sequence = 10;
        unknown.handoffIndicator = mip6::HI_UNKNOWN;
        SendAt(Seconds(2), 1, unknown);
        PbuSpec dereg = PbuSpec::Deregistration(POOL_P0, 2);
        SendAt(Seconds(2.5), 0, dereg);
        RunUntil(Seconds(4));
        LMA_ASSERT_EQ(m_mags[1].pbas.size(), 1, "MAG2 answered");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[1].pbas[0].status, +mip6::BA_ACCEPTED, "handoff");
        LMA_ASSERT_EQ(m_mags[0].pbas.size(), 2, "MAG1 answered");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[0].pbas[1].status, +mip6::BA_ACCEPTED, "dereg accepted");
        NS_TEST_EXPECT_MSG_EQ(m_mags[0].pbas[1].lifetimeUnits, 0, "lifetime 0");
        NS_TEST_EXPECT_MSG_EQ(m_mags[0].bris.size(), 0, "no revocation of a de-registered MAG");
        Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
        LMA_ASSERT_NE(e, nullptr, "the entry");
        NS_TEST_EXPECT_MSG_EQ(e->proxyCoa, m_mags[1].address, "at MAG2");
        NS_TEST_EXPECT_MSG_EQ(e->timestamp,
                              TimestampOption(Seconds(2)).GetRaw(),
                              "the accepted request's timestamp");
        NS_TEST_EXPECT_MSG_EQ(rec.Monotonic(), true, "the entry's timestamp never went back");
        NS_TEST_EXPECT_MSG_GT(rec.stamps.size(), 1, "the timestamp was traced");
        Finish();

        // A stale waiting request: its timestamp (1.05 s, inside the validity window when it
        // arrives) is older than the accepted registration's (1.1 s).
        Build();
        AddProfile(MN1);
        rec.Connect(Cache());
        PbuSpec early;
        early.timestampOffset = MilliSeconds(100);
        SendAt(Seconds(1), 0, early);
        PbuSpec stale;
        stale.sequence = 10;
        stale.handoffIndicator = mip6::HI_UNKNOWN;
        stale.timestampOffset = MilliSeconds(-150);
        SendAt(Seconds(1.2), 1, stale);
        PbuSpec dereg2 = PbuSpec::Deregistration(POOL_P0, 2);
        SendAt(Seconds(1.5), 0, dereg2);
        At(Seconds(2), [&]() {
            Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
            NS_TEST_EXPECT_MSG_NE(e, nullptr, "kept after the de-registration");
            if (e)
            {
                NS_TEST_EXPECT_MSG_EQ(e->proxyCoa, m_mags[0].address, "not moved");
                NS_TEST_EXPECT_MSG_EQ(e->state,
                                      BindingCacheEntry::DEREGISTERED_PENDING_DELETE,
                                      "the de-registration applied");
                NS_TEST_EXPECT_MSG_EQ(e->timestamp,
                                      TimestampOption(Seconds(1.5)).GetRaw(),
                                      "the de-registration's timestamp");
            }
        });
        // MAG2 tries again with a fresh timestamp: the entry waits for deletion, a handoff.
        PbuSpec again = stale;
        again.sequence = 11;
        again.timestampOffset = Seconds(0);
        SendAt(Seconds(3), 1, again);
        RunUntil(Seconds(4));
        LMA_ASSERT_EQ(m_mags[1].pbas.size(), 2, "MAG2 answered twice");
        CheckRejection(m_mags[1].pbas[0], stale, mip6::BA_TIMESTAMP_LOWER_THAN_PREV_ACCEPTED);
        NS_TEST_EXPECT_MSG_EQ(m_mags[1].pbas[0].timestamp.value_or(0),
                              TimestampOption(Seconds(1.05)).GetRaw(),
                              "the refused request's timestamp is echoed");
        NS_TEST_EXPECT_MSG_LT(m_mags[1].pbas[0].at,
                              Seconds(1.51),
                              "answered with the de-registration");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[1].pbas[1].status, +mip6::BA_ACCEPTED, "then a handoff");
        NS_TEST_EXPECT_MSG_EQ(FirstPrefix(m_mags[1].pbas[1]), POOL_P0, "the same HNP");
        LMA_ASSERT_EQ(m_mags[0].pbas.size(), 2, "MAG1 answered");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[0].pbas[1].status, +mip6::BA_ACCEPTED, "dereg accepted");
        NS_TEST_EXPECT_MSG_EQ(rec.Monotonic(), true, "the entry's timestamp never went back");
        NS_TEST_EXPECT_MSG_EQ(m_handovers.size(), 1, "one handover, by the second request");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The binding cache entry says what it does: AWAITING_DEREGISTRATION while a HI 4
 * request of another MAG waits for its de-registration, then ACTIVE (handoff or timeout) or
 * DEREGISTERED_PENDING_DELETE; each change is seen by "EntryStateChanged".
 */
class LmaAwaitingStateTestCase : public LmaTestCase
{
  public:
    LmaAwaitingStateTestCase()
        : LmaTestCase("AWAITING_DEREGISTRATION during the HI 4 wait, seen by EntryStateChanged")
    {
    }

  private:
    void DoRun() override
    {
        CacheTraceRecorder rec;
        PbuSpec first;
        PbuSpec unknown;
        unknown.sequence = 10;
        unknown.handoffIndicator = mip6::HI_UNKNOWN;

        // Resolved by the old MAG's de-registration.
        Build();
        AddProfile(MN1);
        rec.Connect(Cache());
        SendAt(Seconds(1), 0, first);
        SendAt(Seconds(2), 1, unknown);
        SendAt(Seconds(2.5), 0, PbuSpec::Deregistration(POOL_P0, 2));
        At(Seconds(2.4), [&]() {
            Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
            NS_TEST_EXPECT_MSG_NE(e, nullptr, "the entry");
            if (e)
            {
                NS_TEST_EXPECT_MSG_EQ(BindingCacheEntry::StateName(e->state),
                                      "AWAITING_DEREGISTRATION",
                                      "waiting for MAG1's de-registration");
            }
            NS_TEST_EXPECT_MSG_EQ(RouteInterface(Ipv6Address("2001:db8:a::1")),
                                  TunnelInterface(0),
                                  "still forwarding to MAG1 meanwhile");
        });
        RunUntil(Seconds(4));
        NS_TEST_EXPECT_MSG_EQ(rec.Trail(),
                              "ACTIVE>AWAITING_DEREGISTRATION AWAITING_DEREGISTRATION>ACTIVE",
                              "resolved: a handoff");
        LMA_ASSERT_EQ(rec.changes.size(), 2, "two changes");
        NS_TEST_EXPECT_MSG_GT(rec.changes[0].at, Seconds(2), "when the HI 4 PBU arrived");
        NS_TEST_EXPECT_MSG_LT(rec.changes[0].at, Seconds(2.01), "when the HI 4 PBU arrived");
        NS_TEST_EXPECT_MSG_GT(rec.changes[1].at, Seconds(2.5), "when the dereg arrived");
        NS_TEST_EXPECT_MSG_LT(rec.changes[1].at, Seconds(2.51), "when the dereg arrived");
        Finish();

        // No de-registration: MaxDelayBeforeNewBCEAssign ends the wait, the old session goes
        // on at MAG1 and the request gets a new session (added ACTIVE: no state change).
        Build();
        AddProfile(MN1);
        rec.Connect(Cache());
        SendAt(Seconds(1), 0, first);
        SendAt(Seconds(2), 1, unknown);
        RunUntil(Seconds(4));
        NS_TEST_EXPECT_MSG_EQ(rec.Trail(),
                              "ACTIVE>AWAITING_DEREGISTRATION AWAITING_DEREGISTRATION>ACTIVE",
                              "timeout: back to ACTIVE");
        LMA_ASSERT_EQ(rec.changes.size(), 2, "two changes, none for the new entry");
        NS_TEST_EXPECT_MSG_GT(rec.changes[1].at, Seconds(3.5), "after the wait");
        NS_TEST_EXPECT_MSG_LT(rec.changes[1].at, Seconds(3.51), "right after the wait");
        NS_TEST_EXPECT_MSG_EQ(Cache()->FindByMnId(MN1).size(), 2, "a new session");
        Finish();

        // A stale waiting request: the de-registration applies.
        Build();
        AddProfile(MN1);
        rec.Connect(Cache());
        PbuSpec early;
        early.timestampOffset = MilliSeconds(100);
        SendAt(Seconds(1), 0, early);
        PbuSpec stale = unknown;
        stale.timestampOffset = MilliSeconds(-150);
        SendAt(Seconds(1.2), 1, stale);
        SendAt(Seconds(1.5), 0, PbuSpec::Deregistration(POOL_P0, 2));
        RunUntil(Seconds(2));
        NS_TEST_EXPECT_MSG_EQ(rec.Trail(),
                              "ACTIVE>AWAITING_DEREGISTRATION "
                              "AWAITING_DEREGISTRATION>DEREGISTERED_PENDING_DELETE",
                              "the waiting request failed: de-registered");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief RFC 5213 5.3.5: during MinDelayBeforeBCEDelete the LMA drops the mobile node's
 * traffic instead of tunnelling it to the MAG that de-registered; a new registration of the
 * entry restores forwarding (to the same MAG, or to the new one of a handoff). Real UDP
 * packets from a correspondent (MAG2's node, routed through the LMA).
 */
class LmaDeregisteredTrafficTestCase : public LmaTestCase
{
  public:
    LmaDeregisteredTrafficTestCase()
        : LmaTestCase("Downlink is dropped during MinDelayBeforeBCEDelete, restored on a new PBU")
    {
    }

  private:
    const HomeNetworkPrefix m_hnp{Ipv6Address("2001:1:a::"), 64}; ///< MN1's HNP in this case

    /**
     * \brief Send one UDP datagram from the correspondent to the MN's home address.
     */
    void SendDatagram()
    {
        m_cn->Send(Create<Packet>(100));
    }

    /**
     * \brief "Encapsulated" sink of the LMA's tunnels.
     * \param remote the MAG end point
     */
    void Encapsulated(Ptr<const Packet> /* inner */, Ipv6Address /* local */, Ipv6Address remote)
    {
        m_encapsulated[remote]++;
    }

    /**
     * \brief "Discard" sink of the LMA's routing.
     * \param header the dropped packet's header
     */
    void Discarded(Ptr<const Packet> /* p */, const Ipv6Header& header)
    {
        m_discarded.push_back(header.GetDestination());
    }

    void DoRun() override
    {
        Build();
        // A static HNP outside 2001:db8::/32 (ns-3 does not forward to the documentation
        // prefix, RFC 3849).
        m_profiles->AddProfile(MakeProfile(MN1, {m_hnp}));
        m_encapsulated.clear();
        m_discarded.clear();
        LmaRouting::Install(m_lmaNode)->TraceConnectWithoutContext(
            "Discard",
            MakeCallback(&LmaDeregisteredTrafficTestCase::Discarded, this));
        Ipv6TunnelL4Protocol::Install(m_lmaNode)->TraceConnectWithoutContext(
            "Encapsulated",
            MakeCallback(&LmaDeregisteredTrafficTestCase::Encapsulated, this));
        // The LMA forwards the correspondent's packets (the helper's LMA does the same).
        m_lmaNode->GetObject<Ipv6>()->SetAttribute("IpForward", BooleanValue(true));
        m_cn = Socket::CreateSocket(m_mags[1].node, UdpSocketFactory::GetTypeId());
        m_cn->Connect(Inet6SocketAddress(Ipv6Address("2001:1:a::1234"), 9));

        Ipv6Address mag1 = m_mags[0].address;
        Ipv6Address mag2 = m_mags[1].address;
        SendAt(Seconds(1), 0, PbuSpec());
        Simulator::Schedule(Seconds(1.5), &LmaDeregisteredTrafficTestCase::SendDatagram, this);
        At(Seconds(1.9), [&, mag1]() {
            NS_TEST_EXPECT_MSG_EQ(m_encapsulated[mag1], 1, "registered: tunnelled to MAG1");
        });
        SendAt(Seconds(2), 0, PbuSpec::Deregistration(m_hnp, 2));
        Simulator::Schedule(Seconds(3), &LmaDeregisteredTrafficTestCase::SendDatagram, this);
        At(Seconds(3.9), [&, mag1]() {
            NS_TEST_EXPECT_MSG_EQ(m_encapsulated[mag1],
                                  1,
                                  "during MinDelayBeforeBCEDelete: not tunnelled to MAG1");
            NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 1, "the entry waits for deletion");
            Ptr<LmaRouting> routing = LmaRouting::Install(m_lmaNode);
            NS_TEST_EXPECT_MSG_EQ(routing->GetDiscardedCount(), 1, "dropped by the LMA");
            NS_TEST_EXPECT_MSG_EQ(routing->IsPrefixDiscarded(m_hnp.prefix, m_hnp.length),
                                  true,
                                  "a discard route");
            NS_TEST_EXPECT_MSG_EQ(RouteInterface(Ipv6Address("2001:1:a::1234")),
                                  LmaRouting::NO_INTERFACE,
                                  "routed into no tunnel");
            NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 1, "the tunnel to MAG1 is kept meanwhile");
        });
        // MAG1 registers the MN again: forwarding is restored.
        SendAt(Seconds(4), 0, PbuSpec::Refresh(m_hnp, 3));
        Simulator::Schedule(Seconds(5), &LmaDeregisteredTrafficTestCase::SendDatagram, this);
        At(Seconds(5.9), [&, mag1]() {
            NS_TEST_EXPECT_MSG_EQ(m_encapsulated[mag1], 2, "registered again: tunnelled");
            NS_TEST_EXPECT_MSG_EQ(
                LmaRouting::Install(m_lmaNode)->IsPrefixDiscarded(m_hnp.prefix, m_hnp.length),
                false,
                "the normal route is back");
        });
        // De-registered again, then a handoff to MAG2 (HI 3 with the m_hnp).
        SendAt(Seconds(6), 0, PbuSpec::Deregistration(m_hnp, 4));
        Simulator::Schedule(Seconds(6.5), &LmaDeregisteredTrafficTestCase::SendDatagram, this);
        PbuSpec handoff = PbuSpec::Refresh(m_hnp, 1);
        handoff.handoffIndicator = mip6::HI_HANDOFF_BETWEEN_MAGS;
        SendAt(Seconds(7), 1, handoff);
        Simulator::Schedule(Seconds(8), &LmaDeregisteredTrafficTestCase::SendDatagram, this);
        RunUntil(Seconds(9));
        NS_TEST_EXPECT_MSG_EQ(m_encapsulated[mag1], 2, "nothing more to MAG1");
        NS_TEST_EXPECT_MSG_EQ(m_encapsulated[mag2], 1, "after the handoff: tunnelled to MAG2");
        NS_TEST_EXPECT_MSG_EQ(LmaRouting::Install(m_lmaNode)->GetDiscardedCount(),
                              2,
                              "one datagram dropped in each wait");
        LMA_ASSERT_EQ(m_discarded.size(), 2, "both traced");
        NS_TEST_EXPECT_MSG_EQ(m_discarded[0], Ipv6Address("2001:1:a::1234"), "the datagram");
        LMA_ASSERT_EQ(m_mags[1].pbas.size(), 1, "MAG2 answered");
        NS_TEST_EXPECT_MSG_EQ(+m_mags[1].pbas[0].status, +mip6::BA_ACCEPTED, "handoff");
        m_cn->Close();
        m_cn = nullptr;
        Finish();
    }

    Ptr<Socket> m_cn;                               ///< the correspondent's socket
    std::map<Ipv6Address, uint32_t> m_encapsulated; ///< packets tunnelled, per MAG
    std::vector<Ipv6Address> m_discarded;           ///< "Discard" trace: destinations
};

/**
 * \ingroup pmipv6-tests
 * \brief 130 when MaxBindingCacheEntries is reached (another resource than the pool): the
 * entries waiting for deletion count; a refresh of an existing session is not refused; a new
 * session is accepted once an entry is deleted.
 */
class LmaCacheFullTestCase : public LmaTestCase
{
  public:
    LmaCacheFullTestCase()
        : LmaTestCase("130 INSUFFICIENT_RESOURCES when MaxBindingCacheEntries is reached")
    {
    }

  private:
    void DoRun() override
    {
        Build([](Ptr<Pmipv6LmaApplication> lma) {
            lma->SetAttribute("MaxBindingCacheEntries", UintegerValue(2));
        });
        AddProfile(MN1);
        AddProfile(MN2);
        AddProfile(MN3);
        PbuSpec a;
        SendAt(Seconds(1), 0, a);
        PbuSpec b;
        b.mnId = MN2;
        SendAt(Seconds(1.1), 0, b);
        PbuSpec c;
        c.mnId = MN3;
        c.sequence = 9;
        SendAt(Seconds(1.2), 0, c);
        SendAt(Seconds(1.3), 0, PbuSpec::Refresh(POOL_P0, 2)); // MN1 refreshes
        SendAt(Seconds(2), 0, PbuSpec::Deregistration(POOL_P0, 3));
        PbuSpec c2 = c; // while MN1's entry waits for deletion: still full
        c2.sequence = 10;
        SendAt(Seconds(3), 0, c2);
        PbuSpec c3 = c; // after the deletion (12.001 s)
        c3.sequence = 11;
        SendAt(Seconds(13), 0, c3);
        RunUntil(Seconds(14));
        FakeMag& mag = m_mags[0];
        LMA_ASSERT_EQ(mag.pbas.size(), 7, "seven PBAs");
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[0].status, +mip6::BA_ACCEPTED, "MN1");
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[1].status, +mip6::BA_ACCEPTED, "MN2");
        CheckRejection(mag.pbas[2], c, mip6::BA_INSUFFICIENT_RESOURCES);
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[3].status, +mip6::BA_ACCEPTED, "a refresh is not new");
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[4].status, +mip6::BA_ACCEPTED, "MN1 de-registered");
        CheckRejection(mag.pbas[5], c2, mip6::BA_INSUFFICIENT_RESOURCES);
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[6].status, +mip6::BA_ACCEPTED, "room again");
        NS_TEST_EXPECT_MSG_NE(FirstPrefix(mag.pbas[6]), POOL_P1, "not MN2's prefix");
        NS_TEST_EXPECT_MSG_EQ(m_pool->IsAllocated(POOL_P0), false, "MN1's prefix released");
        NS_TEST_EXPECT_MSG_EQ(m_pool->GetAllocatedCount(), 2, "no prefix leaked by a refusal");
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 2, "MN2 and MN3");
        NS_TEST_EXPECT_MSG_EQ(m_lma->GetPbaCount(mip6::BA_INSUFFICIENT_RESOURCES), 2, "count");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief 128: an internal failure, here a tunnel that cannot be set up because the LMA's
 * Address attribute is not an address of its node; nothing is created, the pool prefix is
 * returned.
 */
class LmaUnspecifiedFailureTestCase : public LmaTestCase
{
  public:
    LmaUnspecifiedFailureTestCase()
        : LmaTestCase("128 UNSPECIFIED when the tunnel cannot be set up")
    {
    }

  private:
    void DoRun() override
    {
        Build([](Ptr<Pmipv6LmaApplication> lma) {
            lma->SetAttribute("Address", Ipv6AddressValue(Ipv6Address("fd00:99::1")));
        });
        AddProfile(MN1);
        PbuSpec spec;
        SendAt(Seconds(1), 0, spec);
        RunUntil(Seconds(2));
        FakeMag& mag = m_mags[0];
        LMA_ASSERT_EQ(mag.pbas.size(), 1, "one PBA");
        NS_TEST_EXPECT_MSG_EQ(+mag.pbas[0].status, +mip6::BA_UNSPECIFIED, "128");
        NS_TEST_EXPECT_MSG_EQ(mag.pbas[0].lifetimeUnits, 0, "no lifetime");
        NS_TEST_EXPECT_MSG_EQ(mag.pbas[0].sequence, spec.sequence, "sequence echoed");
        NS_TEST_EXPECT_MSG_EQ(FirstPrefix(mag.pbas[0]).IsUnspecified(),
                              true,
                              "the all-zero HNP is mirrored");
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 0, "no BCE");
        NS_TEST_EXPECT_MSG_EQ(m_pool->GetAllocatedCount(), 0, "no prefix allocated");
        NS_TEST_EXPECT_MSG_EQ(TunnelCount(), 0, "no tunnel");
        NS_TEST_EXPECT_MSG_EQ(RouteCount(), 0, "no route");
        NS_TEST_EXPECT_MSG_EQ(m_lma->GetPbaCount(mip6::BA_UNSPECIFIED), 1, "counted");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Case 8: a Binding Update without the P flag is not answered (counted as rejected).
 */
class LmaNotProxyTestCase : public LmaTestCase
{
  public:
    LmaNotProxyTestCase()
        : LmaTestCase("A Binding Update without the P flag is dropped, not answered")
    {
    }

  private:
    void DoRun() override
    {
        Build();
        AddProfile(MN1);
        PbuSpec spec;
        spec.proxy = false;
        SendAt(Seconds(1), 0, spec);
        RunUntil(Seconds(2));
        NS_TEST_EXPECT_MSG_EQ(m_mags[0].pbas.size(), 0, "no answer");
        Ptr<MobilityL4Protocol> mh = MobilityStackHelper::Get(m_lmaNode);
        NS_TEST_EXPECT_MSG_EQ(mh->GetDropCount(MobilityL4Protocol::DROP_REJECTED),
                              1,
                              "counted as rejected");
        NS_TEST_EXPECT_MSG_EQ(m_lma->GetPbuCount(), 0, "not a PBU");
        NS_TEST_EXPECT_MSG_EQ(m_lma->GetPbaCount(), 0, "no PBA");
        NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 0, "no BCE");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Case 7e: the BRI to the old MAG of a handoff is retransmitted (RFC 5846,
 * MinDelayBRIs) until a BRA with its sequence comes from that MAG: once when the first BRA
 * is lost, once when the first BRA carries another sequence; "RevocationCompleted" reports
 * the BRA status.
 */
class LmaRevocationRetransmitTestCase : public LmaTestCase
{
  public:
    LmaRevocationRetransmitTestCase()
        : LmaTestCase("A BRI is retransmitted until the old MAG's BRA with its sequence arrives")
    {
    }

  private:
    void DoRun() override
    {
        for (bool wrongSequence : {false, true})
        {
            Build();
            AddProfile(MN1);
            if (wrongSequence)
            {
                m_mags[0].brasWithWrongSequence = 1;
            }
            else
            {
                m_mags[0].brasToLose = 1;
            }
            std::vector<std::tuple<std::string, Ipv6Address, uint8_t, Time>> completed;
            uint32_t gaveUp = 0;
            m_lma->TraceConnectWithoutContext(
                "RevocationCompleted",
                Callback<void, const std::string&, Ipv6Address, uint8_t>(
                    ([&completed](const std::string& mn, Ipv6Address mag, uint8_t status) {
                        completed.emplace_back(mn, mag, status, Simulator::Now());
                    })));
            m_lma->TraceConnectWithoutContext(
                "RevocationGaveUp",
                Callback<void, const std::string&, Ipv6Address>(
                    ([&gaveUp](const std::string&, Ipv6Address) { gaveUp++; })));
            PbuSpec first;
            first.linkLayerId = LLID_1;
            SendAt(Seconds(1), 0, first);
            PbuSpec handoff;
            handoff.handoffIndicator = mip6::HI_HANDOFF_BETWEEN_MAGS;
            handoff.linkLayerId = LLID_1;
            SendAt(Seconds(2), 1, handoff);
            RunUntil(Seconds(20));

            LMA_ASSERT_EQ(m_mags[0].bris.size(), 2, "the BRI and one retransmission");
            NS_TEST_EXPECT_MSG_EQ(m_mags[0].bris[1].sequence,
                                  m_mags[0].bris[0].sequence,
                                  "the retransmission carries the same sequence");
            NS_TEST_EXPECT_MSG_EQ(m_mags[0].bris[1].at - m_mags[0].bris[0].at,
                                  Seconds(1),
                                  "retransmitted after MinDelayBRIs (1 s)");
            NS_TEST_EXPECT_MSG_EQ(m_mags[0].bris[1].mnId, MN1, "the same BRI");
            NS_TEST_EXPECT_MSG_EQ(m_mags[1].bris.size(), 0, "no BRI to the new MAG");
            NS_TEST_EXPECT_MSG_EQ(m_lma->GetRevocationCount(), 2, "two BRIs sent");
            uint64_t bras = wrongSequence ? 2 : 1; // the wrong one is received, not matched
            NS_TEST_EXPECT_MSG_EQ(m_lma->GetRevocationAckCount(), bras, "BRAs received");
            LMA_ASSERT_EQ(completed.size(), 1, "one RevocationCompleted");
            NS_TEST_EXPECT_MSG_EQ(std::get<0>(completed[0]), MN1, "for MN1");
            NS_TEST_EXPECT_MSG_EQ(std::get<1>(completed[0]), m_mags[0].address, "old MAG");
            NS_TEST_EXPECT_MSG_EQ(+std::get<2>(completed[0]), +mip6::BRA_SUCCESS, "status");
            NS_TEST_EXPECT_MSG_LT(std::get<3>(completed[0]) - m_mags[0].bris[1].at,
                                  MilliSeconds(5),
                                  "completed by the answer to the retransmission");
            NS_TEST_EXPECT_MSG_EQ(gaveUp, 0, "no RevocationGaveUp");
            Finish();
        }
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Case 7f: the old MAG never answers: with MinDelayBRIs 500 ms and
 * BRIMaxRetriesNumber 3 the BRI goes out 4 times (0, 0.5, 1.5, 3.5 s) and the revocation
 * gives up 4 s after the last one ("RevocationGaveUp"); the new binding is untouched.
 */
class LmaRevocationGiveUpTestCase : public LmaTestCase
{
  public:
    LmaRevocationGiveUpTestCase()
        : LmaTestCase("A BRI never acknowledged gives up after BRIMaxRetriesNumber")
    {
    }

  private:
    void DoRun() override
    {
        Build([](Ptr<Pmipv6LmaApplication> lma) {
            lma->SetAttribute("MinDelayBRIs", TimeValue(MilliSeconds(500)));
            lma->SetAttribute("BRIMaxRetriesNumber", UintegerValue(3));
        });
        AddProfile(MN1);
        m_mags[0].answerBris = false;
        std::vector<std::tuple<std::string, Ipv6Address, Time>> gaveUp;
        uint32_t completed = 0;
        m_lma->TraceConnectWithoutContext("RevocationGaveUp",
                                          Callback<void, const std::string&, Ipv6Address>(
                                              ([&gaveUp](const std::string& mn, Ipv6Address mag) {
                                                  gaveUp.emplace_back(mn, mag, Simulator::Now());
                                              })));
        m_lma->TraceConnectWithoutContext(
            "RevocationCompleted",
            Callback<void, const std::string&, Ipv6Address, uint8_t>(
                ([&completed](const std::string&, Ipv6Address, uint8_t) { completed++; })));
        PbuSpec first;
        first.linkLayerId = LLID_1;
        SendAt(Seconds(1), 0, first);
        PbuSpec handoff;
        handoff.handoffIndicator = mip6::HI_HANDOFF_BETWEEN_MAGS;
        handoff.linkLayerId = LLID_1;
        SendAt(Seconds(2), 1, handoff);
        RunUntil(Seconds(30));

        const std::vector<BriRecord>& bris = m_mags[0].bris;
        LMA_ASSERT_EQ(bris.size(), 4, "the BRI and 3 retransmissions");
        const std::vector<Time> offsets = {MilliSeconds(500),
                                           MilliSeconds(1500),
                                           MilliSeconds(3500)};
        for (size_t i = 1; i < bris.size(); i++)
        {
            NS_TEST_EXPECT_MSG_EQ(bris[i].at - bris[0].at, offsets[i - 1], "backoff " << i);
            NS_TEST_EXPECT_MSG_EQ(bris[i].sequence, bris[0].sequence, "same sequence");
        }
        NS_TEST_EXPECT_MSG_EQ(m_lma->GetRevocationCount(), 4, "four BRIs sent");
        NS_TEST_EXPECT_MSG_EQ(m_lma->GetRevocationAckCount(), 0, "no BRA");
        NS_TEST_EXPECT_MSG_EQ(completed, 0, "no RevocationCompleted");
        LMA_ASSERT_EQ(gaveUp.size(), 1, "one RevocationGaveUp");
        NS_TEST_EXPECT_MSG_EQ(std::get<0>(gaveUp[0]), MN1, "for MN1");
        NS_TEST_EXPECT_MSG_EQ(std::get<1>(gaveUp[0]), m_mags[0].address, "old MAG");
        Time after = std::get<2>(gaveUp[0]) - bris[3].at;
        NS_TEST_EXPECT_MSG_GT(after, MilliSeconds(3990), "4 s after the last BRI left");
        NS_TEST_EXPECT_MSG_LT(after, Seconds(4), "4 s after the last BRI left");
        Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
        LMA_ASSERT_NE(e, nullptr, "the entry");
        NS_TEST_EXPECT_MSG_EQ(e->proxyCoa, m_mags[1].address, "still at MAG2");
        NS_TEST_EXPECT_MSG_EQ(e->state, BindingCacheEntry::ACTIVE, "ACTIVE");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Issue 10: the binding cache entry's timers are keyed by its id, so that no event
 * keeps the entry alive: a refresh (which cancels and reschedules the lifetime timer) does
 * not add a reference, and once a de-registered entry is deleted only the test's own
 * reference is left, although its cancelled lifetime timer would have run out much later.
 */
class LmaTimersByIdTestCase : public LmaTestCase
{
  public:
    LmaTimersByIdTestCase()
        : LmaTestCase("Entry timers hold the entry's id: no event keeps it alive")
    {
    }

  private:
    /**
     * \brief The reference count of the held entry, without a Ptr of the caller.
     * \return the count
     */
    uint32_t Count() const
    {
        return m_raw ? m_raw->GetReferenceCount() : 0;
    }

    BindingCacheEntry* m_raw{nullptr}; ///< the entry, held by one manual Ref()
    uint32_t m_registered{0};          ///< its count after the registration

    void DoRun() override
    {
        m_raw = nullptr;
        m_registered = 0;
        Build();
        AddProfile(MN1);
        PbuSpec first; // lifetime 100 s: its timer would run out at 101 s
        SendAt(Seconds(1), 0, first);
        SendAt(Seconds(2), 0, PbuSpec::Refresh(POOL_P0, 2));
        SendAt(Seconds(3), 0, PbuSpec::Deregistration(POOL_P0, 3));
        At(Seconds(1.5), [&]() {
            Ptr<BindingCacheEntry> e = Cache()->FindByPrefix(POOL_P0);
            NS_TEST_EXPECT_MSG_NE(e, nullptr, "registered");
            if (e)
            {
                m_raw = PeekPointer(e);
                m_raw->Ref(); // keeps the entry readable after its deletion
                NS_TEST_EXPECT_MSG_EQ(e->lifetimeTimer.IsRunning(), true, "lifetime timer");
            }
            e = nullptr;
            m_registered = Count();
        });
        At(Seconds(2.5), [&]() {
            NS_TEST_EXPECT_MSG_EQ(m_raw && m_raw->lastSequence == 2, true, "refreshed");
            NS_TEST_EXPECT_MSG_EQ(Count(),
                                  m_registered,
                                  "the cancelled lifetime event holds no reference");
        });
        At(Seconds(13.5), [&]() {
            NS_TEST_EXPECT_MSG_EQ(Cache()->GetEntryCount(), 0, "deleted");
            NS_TEST_EXPECT_MSG_EQ(Count(), 1, "only the test's reference is left");
        });
        RunUntil(Seconds(14));
        if (m_raw)
        {
            m_raw->Unref();
            m_raw = nullptr;
        }
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief Issue 10: the state trail of a registration, a refresh, a de-registration and the
 * deletion is exactly added ACTIVE, ACTIVE -> DEREGISTERED_PENDING_DELETE, removed, the
 * removal MinDelayBeforeBCEDelete after the de-registration; when "EntryStateChanged" fires
 * the entry actions of the new state have run (lifetime timer stopped, delete timer running).
 */
class LmaStateSequenceTestCase : public LmaTestCase
{
  public:
    LmaStateSequenceTestCase()
        : LmaTestCase("State trail: ACTIVE, DEREGISTERED_PENDING_DELETE, removed after the delay")
    {
    }

  private:
    /// One binding cache event.
    struct Event
    {
        Time at;          ///< when
        std::string what; ///< e.g. "added ACTIVE", "ACTIVE>DEREGISTERED_PENDING_DELETE"
    };

    std::vector<Event> m_events; ///< every binding cache event, in order
    bool m_actionsRan{false};    ///< the entry actions had run when the change was traced

    /**
     * \brief "EntryAdded" sink.
     * \param e the entry
     */
    void Added(Ptr<const BindingCacheEntry> e)
    {
        m_events.push_back({Simulator::Now(), "added " + BindingCacheEntry::StateName(e->state)});
    }

    /**
     * \brief "EntryStateChanged" sink.
     * \param id the entry
     * \param oldState before
     * \param newState after
     */
    void StateChanged(uint64_t id,
                      const std::string& /* mnId */,
                      BindingCacheEntry::State oldState,
                      BindingCacheEntry::State newState)
    {
        m_events.push_back({Simulator::Now(),
                            BindingCacheEntry::StateName(oldState) + ">" +
                                BindingCacheEntry::StateName(newState)});
        Ptr<BindingCacheEntry> e = Cache()->FindById(id);
        m_actionsRan = e && e->deleteTimer.IsRunning() && !e->lifetimeTimer.IsRunning();
    }

    /**
     * \brief "EntryRemoved" sink.
     * \param e the entry
     */
    void Removed(Ptr<const BindingCacheEntry> e)
    {
        m_events.push_back({Simulator::Now(), "removed " + BindingCacheEntry::StateName(e->state)});
    }

    void DoRun() override
    {
        m_events.clear();
        m_actionsRan = false;
        const Time delay = Seconds(3);
        Build([delay](Ptr<Pmipv6LmaApplication> lma) {
            lma->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(delay));
        });
        AddProfile(MN1);
        Cache()->TraceConnectWithoutContext("EntryAdded",
                                            MakeCallback(&LmaStateSequenceTestCase::Added, this));
        Cache()->TraceConnectWithoutContext(
            "EntryStateChanged",
            MakeCallback(&LmaStateSequenceTestCase::StateChanged, this));
        Cache()->TraceConnectWithoutContext("EntryRemoved",
                                            MakeCallback(&LmaStateSequenceTestCase::Removed, this));
        PbuSpec first;
        first.lifetimeUnits = 2; // 8 s: the cancelled lifetime timer would run out at 9 s
        SendAt(Seconds(1), 0, first);
        SendAt(Seconds(1.5), 0, PbuSpec::Refresh(POOL_P0, 2));
        SendAt(Seconds(2), 0, PbuSpec::Deregistration(POOL_P0, 3));
        RunUntil(Seconds(12));
        std::string trail;
        for (const auto& ev : m_events)
        {
            trail += (trail.empty() ? "" : ", ") + ev.what;
        }
        NS_TEST_EXPECT_MSG_EQ(trail,
                              "added ACTIVE, ACTIVE>DEREGISTERED_PENDING_DELETE, "
                              "removed DEREGISTERED_PENDING_DELETE",
                              "the state trail");
        LMA_ASSERT_EQ(m_events.size(), 3, "three events");
        NS_TEST_EXPECT_MSG_GT(m_events[1].at, Seconds(2), "when the de-registration arrived");
        NS_TEST_EXPECT_MSG_LT(m_events[1].at, Seconds(2.01), "when the de-registration arrived");
        NS_TEST_EXPECT_MSG_EQ(m_events[2].at - m_events[1].at,
                              delay,
                              "deleted MinDelayBeforeBCEDelete after the de-registration");
        NS_TEST_EXPECT_MSG_EQ(m_actionsRan, true, "entry actions ran before the trace");
        NS_TEST_EXPECT_MSG_EQ(m_mags[0].pbas.size(), 3, "three PBAs");
        Finish();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief The pmipv6-lma test suite.
 */
class Pmipv6LmaTestSuite : public TestSuite
{
  public:
    Pmipv6LmaTestSuite()
        : TestSuite("pmipv6-lma", UNIT)
    {
        using Store = Ptr<Pmipv6ProfileStore>;
        auto addMn1 = [](LmaTestCase&, Store s) {
            Pmipv6Profile p;
            p.mnId = MN1;
            s->AddProfile(p);
        };
        AddTestCase(new LmaAcceptTestCase, TestCase::QUICK);
        AddTestCase(new LmaRefreshTestCase, TestCase::QUICK);

        PbuSpec noMnId;
        noMnId.mnId.reset();
        AddTestCase(new LmaRejectTestCase("160 MISSING_MN_IDENTIFIER_OPTION",
                                          mip6::BA_MISSING_MN_IDENTIFIER_OPTION,
                                          noMnId,
                                          addMn1),
                    TestCase::QUICK);
        PbuSpec unknownMn;
        unknownMn.mnId = "stranger@example.org";
        AddTestCase(new LmaRejectTestCase("153 NOT_LMA_FOR_THIS_MOBILE_NODE (no profile)",
                                          mip6::BA_NOT_LMA_FOR_THIS_MOBILE_NODE,
                                          unknownMn,
                                          addMn1),
                    TestCase::QUICK);
        AddTestCase(new LmaRejectTestCase(
                        "153 NOT_LMA_FOR_THIS_MOBILE_NODE (the profile names another LMA)",
                        mip6::BA_NOT_LMA_FOR_THIS_MOBILE_NODE,
                        PbuSpec(),
                        [](LmaTestCase&, Store s) {
                            Pmipv6Profile p;
                            p.mnId = MN1;
                            p.lmaAddress = Ipv6Address("fd00:99::1");
                            s->AddProfile(p);
                        }),
                    TestCase::QUICK);
        AddTestCase(new LmaRejectTestCase("152 PROXY_REG_NOT_ENABLED (profile)",
                                          mip6::BA_PROXY_REG_NOT_ENABLED,
                                          PbuSpec(),
                                          [](LmaTestCase&, Store s) {
                                              Pmipv6Profile p;
                                              p.mnId = MN1;
                                              p.proxyRegistrationEnabled = false;
                                              s->AddProfile(p);
                                          }),
                    TestCase::QUICK);
        AddTestCase(new LmaRejectTestCase("152 PROXY_REG_NOT_ENABLED (LMA attribute)",
                                          mip6::BA_PROXY_REG_NOT_ENABLED,
                                          PbuSpec(),
                                          addMn1,
                                          [](Ptr<Pmipv6LmaApplication> lma) {
                                              lma->SetAttribute("ProxyRegistrationEnabled",
                                                                BooleanValue(false));
                                          }),
                    TestCase::QUICK);
        AddTestCase(new LmaRejectTestCase("154 MAG_NOT_AUTHORIZED_FOR_PROXY_REG",
                                          mip6::BA_MAG_NOT_AUTHORIZED_FOR_PROXY_REG,
                                          PbuSpec(),
                                          [](LmaTestCase&, Store s) {
                                              Pmipv6Profile p;
                                              p.mnId = MN1;
                                              p.authorizedMags = {Ipv6Address("fd00:9::1")};
                                              s->AddProfile(p);
                                          }),
                    TestCase::QUICK);
        PbuSpec noHnp;
        noHnp.prefixes.clear();
        AddTestCase(new LmaRejectTestCase("158 MISSING_HOME_NETWORK_PREFIX_OPTION",
                                          mip6::BA_MISSING_HOME_NETWORK_PREFIX_OPTION,
                                          noHnp,
                                          addMn1),
                    TestCase::QUICK);
        PbuSpec noHi;
        noHi.handoffIndicator.reset();
        AddTestCase(new LmaRejectTestCase("161 MISSING_HANDOFF_INDICATOR_OPTION",
                                          mip6::BA_MISSING_HANDOFF_INDICATOR_OPTION,
                                          noHi,
                                          addMn1),
                    TestCase::QUICK);
        PbuSpec noAtt;
        noAtt.accessTechnology.reset();
        AddTestCase(new LmaRejectTestCase("162 MISSING_ACCESS_TECH_TYPE_OPTION",
                                          mip6::BA_MISSING_ACCESS_TECH_TYPE_OPTION,
                                          noAtt,
                                          addMn1),
                    TestCase::QUICK);
        AddTestCase(new LmaRejectTestCase("129 ADMINISTRATIVELY_PROHIBITED (access technology)",
                                          mip6::BA_ADMINISTRATIVELY_PROHIBITED,
                                          PbuSpec(),
                                          [](LmaTestCase&, Store s) {
                                              Pmipv6Profile p;
                                              p.mnId = MN1;
                                              p.allowedAccessTechnologies = {mip6::ATT_IEEE_802_3};
                                              s->AddProfile(p);
                                          }),
                    TestCase::QUICK);
        PbuSpec noTimestamp;
        noTimestamp.timestampOffset.reset();
        AddTestCase(new LmaRejectTestCase("156 TIMESTAMP_MISMATCH (no Timestamp option)",
                                          mip6::BA_TIMESTAMP_MISMATCH,
                                          noTimestamp,
                                          addMn1),
                    TestCase::QUICK);
        AddTestCase(new LmaTimestampMismatchTestCase, TestCase::QUICK);
        AddTestCase(new LmaTimestampLowerTestCase, TestCase::QUICK);
        AddTestCase(new LmaSequenceTestCase, TestCase::QUICK);
        AddTestCase(new LmaPrefixNotAuthorizedTestCase, TestCase::QUICK);
        AddTestCase(new LmaRequestedPrefixTestCase, TestCase::QUICK);
        AddTestCase(new LmaPrefixSetMismatchTestCase, TestCase::QUICK);
        AddTestCase(new LmaPoolExhaustedTestCase, TestCase::QUICK);
        AddTestCase(new LmaDeregistrationTestCase, TestCase::QUICK);
        AddTestCase(new LmaForeignDeregistrationTestCase, TestCase::QUICK);
        AddTestCase(new LmaLifetimeExpiryTestCase, TestCase::QUICK);
        AddTestCase(new LmaHandoffTestCase, TestCase::QUICK);
        AddTestCase(new LmaRevocationRetransmitTestCase, TestCase::QUICK);
        AddTestCase(new LmaRevocationGiveUpTestCase, TestCase::QUICK);
        AddTestCase(new LmaHi4TimeoutTestCase(false), TestCase::QUICK);
        AddTestCase(new LmaHi4TimeoutTestCase(true), TestCase::QUICK);
        AddTestCase(new LmaHi5AllZeroTestCase, TestCase::QUICK);
        AddTestCase(new LmaHi4DeregistrationTestCase, TestCase::QUICK);
        AddTestCase(new LmaSecondSessionTestCase, TestCase::QUICK);
        AddTestCase(new LmaNotProxyTestCase, TestCase::QUICK);
        AddTestCase(new LmaDeregistrationOthersPrefixTestCase, TestCase::QUICK);
        AddTestCase(new LmaHi4OrderingTestCase, TestCase::QUICK);
        AddTestCase(new LmaAwaitingStateTestCase, TestCase::QUICK);
        AddTestCase(new LmaDeregisteredTrafficTestCase, TestCase::QUICK);
        AddTestCase(new LmaUnspecifiedFailureTestCase, TestCase::QUICK);
        AddTestCase(new LmaCacheFullTestCase, TestCase::QUICK);
        AddTestCase(new LmaTimersByIdTestCase, TestCase::QUICK);
        AddTestCase(new LmaStateSequenceTestCase, TestCase::QUICK);
    }
};

/// The static instance of the suite.
static Pmipv6LmaTestSuite g_pmipv6LmaTestSuite;

} // namespace

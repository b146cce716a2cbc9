/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pmipv6-tests
 * \brief IPv4 home address signalling (RFC 5844 3.1, 3.2): the LMA's IPv4 home address pool,
 * LmaIpv4Extension driven through its hooks (allocation, the PBA's options as octets, every
 * refusal status, release, same address for the same MN-ID), and a whole domain (MAG and LMA
 * with their IPv4 extensions): the address in the binding cache, in the MAGs' binding update
 * lists and in the PBA octets, kept over a handover between MAGs, released after
 * de-registration.
 *
 * Suite pmipv6-ipv4-home-address. Signalling only: no IPv4 packet is forwarded yet.
 */

#include "ns3/binding-cache.h"
#include "ns3/binding-update-header.h"
#include "ns3/binding-update-list.h"
#include "ns3/boolean.h"
#include "ns3/ipv4-home-address-pool.h"
#include "ns3/ipv4-options.h"
#include "ns3/lma-ipv4-extension.h"
#include "ns3/mag-ipv4-extension.h"
#include "ns3/packet.h"
#include "ns3/pmipv6-dual-access-domain.h"
#include "ns3/pmipv6-options.h"
#include "ns3/pmipv6-profile.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/proxy-binding-request.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <algorithm>
#include <iomanip>
#include <sstream>
#include <vector>

using namespace ns3;

namespace
{

/// Octets.
typedef std::vector<uint8_t> Bytes;

/**
 * \brief Octets as hex separated by spaces.
 * \param b the octets
 * \return the text
 */
std::string
Hex(const Bytes& b)
{
    std::ostringstream oss;
    for (std::size_t k = 0; k < b.size(); ++k)
    {
        oss << (k == 0 ? "" : " ") << std::hex << std::setw(2) << std::setfill('0') << +b[k];
    }
    return oss.str();
}

/**
 * \brief Serialize a Mobility Header message.
 * \param h the message
 * \return its octets
 */
Bytes
Serialize(const Header& h)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    Bytes out(p->GetSize());
    p->CopyData(out.data(), out.size());
    return out;
}

/**
 * \brief The octets of a PBA after its 12-octet fixed part (its options, padding included).
 * \param pba the PBA
 * \return the octets
 */
Bytes
PbaOptionOctets(const BindingAckHeader& pba)
{
    Bytes all = Serialize(pba);
    return Bytes(all.begin() + 12, all.end());
}

/**
 * \brief A registration request as the LMA core reads it from a PBU.
 * \param mnId the MN-ID
 * \param sequence the sequence number
 * \param asked the IPv4 Home Address Request's address (nullptr-like: use \p withRequest)
 * \param withRequest whether the PBU carries the request
 * \return the request
 */
ProxyBindingRequest
MakeRequest(const std::string& mnId,
            uint16_t sequence,
            Ipv4Address asked = Ipv4Address::GetAny(),
            bool withRequest = true)
{
    ProxyBindingRequest req;
    req.mag = Ipv6Address("fd00:1::2");
    req.sequence = sequence;
    req.lifetime = Seconds(100);
    req.hasMnId = true;
    req.mnId = mnId;
    if (withRequest)
    {
        req.options.Add(Create<Ipv4HomeAddressRequestOption>(asked, 0));
    }
    return req;
}

/**
 * \brief A binding cache entry as the core would create it.
 * \param id its id
 * \param mnId its MN-ID
 * \return the entry
 */
Ptr<BindingCacheEntry>
MakeEntry(uint64_t id, const std::string& mnId)
{
    Ptr<BindingCacheEntry> e = Create<BindingCacheEntry>();
    e->id = id;
    e->mnId = mnId;
    return e;
}

/**
 * \brief Record an (MN-ID, address) trace.
 * \param v where
 * \param mnId the MN-ID
 * \param address the address
 */
void
RecordAddress(std::vector<std::pair<std::string, Ipv4Address>>* v,
              const std::string& mnId,
              Ipv4Address address)
{
    v->emplace_back(mnId, address);
}

} // namespace

/**
 * \ingroup pmipv6-tests
 * \brief The pool: host addresses only, reserved ones skipped, released ones reused, specific
 * allocation, exhaustion.
 */
class Ipv4PoolTestCase : public TestCase
{
  public:
    Ipv4PoolTestCase()
        : TestCase("IPv4 home address pool: allocation, reservation, release, exhaustion")
    {
    }

  private:
    void DoRun() override
    {
        Ipv4HomeAddressPool pool;
        NS_TEST_EXPECT_MSG_EQ(pool.Allocate(), Ipv4Address::GetAny(), "unconfigured pool");
        pool.Configure(Ipv4Address("10.1.2.77"), Ipv4Mask("/29")); // 10.1.2.72/29: .73-.78
        pool.Reserve(Ipv4Address("10.1.2.73"));
        NS_TEST_EXPECT_MSG_EQ(+pool.GetPrefixLength(), 29, "prefix length");
        NS_TEST_EXPECT_MSG_EQ(pool.Contains(Ipv4Address("10.1.2.72")), false, "network");
        NS_TEST_EXPECT_MSG_EQ(pool.Contains(Ipv4Address("10.1.2.79")), false, "broadcast");
        NS_TEST_EXPECT_MSG_EQ(pool.Contains(Ipv4Address("10.1.2.73")), false, "reserved");
        NS_TEST_EXPECT_MSG_EQ(pool.AllocateSpecific(Ipv4Address("10.1.2.76")), true, ".76");
        NS_TEST_EXPECT_MSG_EQ(pool.AllocateSpecific(Ipv4Address("10.1.2.76")), false, "twice");
        NS_TEST_EXPECT_MSG_EQ(pool.AllocateSpecific(Ipv4Address("10.1.3.1")), false, "outside");
        std::vector<Ipv4Address> got;
        for (int k = 0; k < 5; ++k)
        {
            got.push_back(pool.Allocate());
        }
        NS_TEST_EXPECT_MSG_EQ(got[0], Ipv4Address("10.1.2.74"), "first");
        NS_TEST_EXPECT_MSG_EQ(got[1], Ipv4Address("10.1.2.75"), "second");
        NS_TEST_EXPECT_MSG_EQ(got[2], Ipv4Address("10.1.2.77"), "skips the taken .76");
        NS_TEST_EXPECT_MSG_EQ(got[3], Ipv4Address("10.1.2.78"), "last host");
        NS_TEST_EXPECT_MSG_EQ(got[4], Ipv4Address::GetAny(), "exhausted");
        NS_TEST_EXPECT_MSG_EQ(pool.GetAllocatedCount(), 5, "allocated");
        pool.Release(Ipv4Address("10.1.2.75"));
        pool.Release(Ipv4Address("10.1.2.75")); // twice: no effect
        NS_TEST_EXPECT_MSG_EQ(pool.IsAllocated(Ipv4Address("10.1.2.75")), false, "released");
        NS_TEST_EXPECT_MSG_EQ(pool.Allocate(), Ipv4Address("10.1.2.75"), "reused");
        NS_TEST_EXPECT_MSG_EQ(pool.Allocate(), Ipv4Address::GetAny(), "exhausted again");
        pool.Release(Ipv4Address("10.1.2.74"));
        NS_TEST_EXPECT_MSG_EQ(pool.AllocateSpecific(Ipv4Address("10.1.2.74")), true, "specific");
        NS_TEST_EXPECT_MSG_EQ(pool.Allocate(),
                              Ipv4Address::GetAny(),
                              "a released address taken specifically is not handed out again");
        Ipv4HomeAddressPool tiny;
        tiny.Configure(Ipv4Address("10.0.0.0"), Ipv4Mask("/31"));
        NS_TEST_EXPECT_MSG_EQ(tiny.Allocate(), Ipv4Address::GetAny(), "a /31 has no host");
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief LmaIpv4Extension through its hooks: the PBA octets of an assignment and of every
 * refusal, the binding cache entry's fields, the same address for the same MN-ID, release on
 * deletion.
 */
class LmaIpv4HooksTestCase : public TestCase
{
  public:
    LmaIpv4HooksTestCase()
        : TestCase("LMA IPv4 extension: assignment, PBA octets, refusals, release")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<LmaIpv4Extension> ext = CreateObject<LmaIpv4Extension>();
        ext->SetAttribute("PoolNetwork", Ipv4AddressValue(Ipv4Address("10.100.0.0")));
        ext->SetAttribute("PoolMask", Ipv4MaskValue(Ipv4Mask("/29"))); // hosts .1-.6
        ext->SetAttribute("AuthorizeAll", BooleanValue(true));
        std::vector<std::pair<std::string, Ipv4Address>> assigned;
        std::vector<std::pair<std::string, Ipv4Address>> released;
        ext->TraceConnectWithoutContext("AddressAssigned",
                                        MakeBoundCallback(&RecordAddress, &assigned));
        ext->TraceConnectWithoutContext("AddressReleased",
                                        MakeBoundCallback(&RecordAddress, &released));

        // mn1: first address after the default router (.1): .2, prefix length 29.
        ProxyBindingRequest req = MakeRequest("mn1", 1);
        NS_TEST_EXPECT_MSG_EQ(+ext->CheckPbu(req), +mip6::BA_ACCEPTED, "mn1 accepted");
        Ptr<BindingCacheEntry> e1 = MakeEntry(1, "mn1");
        ext->NotifyBinding(Pmipv6LmaExtension::BINDING_CREATED, e1, Ipv6Address("fd00:1::2"));
        NS_TEST_EXPECT_MSG_EQ(e1->ipv4HomeAddress, Ipv4Address("10.100.0.2"), "BCE address");
        NS_TEST_EXPECT_MSG_EQ(+e1->ipv4PrefixLength, 29, "BCE prefix length");
        BindingAckHeader pba;
        pba.SetStatus(mip6::BA_ACCEPTED);
        ext->AddPbaOptions(pba, req, e1);
        // Reply (status 0, Prefix-len 29 << 2 = 0x74, 10.100.0.2) at offset 12 (4n);
        // Default-Router (10.100.0.1) at 20 (4n); 28 octets, end PadN to 32.
        NS_TEST_EXPECT_MSG_EQ(Hex(PbaOptionOctets(pba)),
                              Hex({37, 6, 0x00, 0x74, 10, 100, 0,    2,    38,   6,
                                   0,  0, 10,   100,  0,  1,   0x01, 0x02, 0x00, 0x00}),
                              "PBA options of an assignment");

        // A refresh (request for the held address) and a handover (new MAG asks for any
        // address): the same address, no new assignment.
        req = MakeRequest("mn1", 2, Ipv4Address("10.100.0.2"));
        NS_TEST_EXPECT_MSG_EQ(+ext->CheckPbu(req), +mip6::BA_ACCEPTED, "refresh");
        req = MakeRequest("mn1", 3);
        NS_TEST_EXPECT_MSG_EQ(+ext->CheckPbu(req), +mip6::BA_ACCEPTED, "handover");
        Ptr<BindingCacheEntry> e1b = MakeEntry(7, "mn1");
        ext->NotifyBinding(Pmipv6LmaExtension::BINDING_CREATED, e1b, Ipv6Address("fd00:2::2"));
        NS_TEST_EXPECT_MSG_EQ(e1b->ipv4HomeAddress, Ipv4Address("10.100.0.2"), "same MN-ID");
        NS_TEST_EXPECT_MSG_EQ(assigned.size(), 1, "one assignment for mn1");

        // mn1 asks for another address than its own: 171, Reply 130.
        req = MakeRequest("mn1", 4, Ipv4Address("10.100.0.5"));
        NS_TEST_EXPECT_MSG_EQ(+ext->CheckPbu(req),
                              +mip6::BA_NOT_AUTHORIZED_FOR_IPV4_HOME_ADDRESS,
                              "other address than the held one");
        BindingAckHeader refused;
        refused.SetStatus(mip6::BA_NOT_AUTHORIZED_FOR_IPV4_HOME_ADDRESS);
        ext->AddPbaOptions(refused, req, nullptr);
        NS_TEST_EXPECT_MSG_EQ(Hex(PbaOptionOctets(refused)),
                              Hex({37, 6, 130, 0, 0, 0, 0, 0, 0x01, 0x02, 0x00, 0x00}),
                              "PBA options of a 171 refusal");
        NS_TEST_EXPECT_MSG_EQ(ext->GetHomeAddress("mn1"),
                              Ipv4Address("10.100.0.2"),
                              "refusal keeps mn1's address");

        // An address outside the pool: 171, Reply 131. The default router: also outside.
        req = MakeRequest("mn2", 1, Ipv4Address("192.0.2.1"));
        NS_TEST_EXPECT_MSG_EQ(+ext->CheckPbu(req),
                              +mip6::BA_NOT_AUTHORIZED_FOR_IPV4_HOME_ADDRESS,
                              "outside the pool");
        refused = BindingAckHeader();
        refused.SetStatus(mip6::BA_NOT_AUTHORIZED_FOR_IPV4_HOME_ADDRESS);
        ext->AddPbaOptions(refused, req, nullptr);
        NS_TEST_EXPECT_MSG_EQ(Hex(PbaOptionOctets(refused)),
                              Hex({37, 6, 131, 0, 0, 0, 0, 0, 0x01, 0x02, 0x00, 0x00}),
                              "PBA options of an invalid address");
        req = MakeRequest("mn2", 2, Ipv4Address("10.100.0.1"));
        NS_TEST_EXPECT_MSG_EQ(+ext->CheckPbu(req),
                              +mip6::BA_NOT_AUTHORIZED_FOR_IPV4_HOME_ADDRESS,
                              "the default router is never assigned");
        // mn1's address asked by mn2: 171 (Reply 130).
        req = MakeRequest("mn2", 3, Ipv4Address("10.100.0.2"));
        NS_TEST_EXPECT_MSG_EQ(+ext->CheckPbu(req),
                              +mip6::BA_NOT_AUTHORIZED_FOR_IPV4_HOME_ADDRESS,
                              "another MN's address");

        // Two request options: 173.
        req = MakeRequest("mn2", 4);
        req.options.Add(Create<Ipv4HomeAddressRequestOption>());
        NS_TEST_EXPECT_MSG_EQ(+ext->CheckPbu(req),
                              +mip6::BA_MULTIPLE_IPV4_HOME_ADDRESS_ASSIGNMENT_NOT_SUPPORTED,
                              "two requests");

        // A PBU without the request, and a de-registration: no IPv4 processing, no option.
        req = MakeRequest("mn9", 1, Ipv4Address::GetAny(), false);
        NS_TEST_EXPECT_MSG_EQ(+ext->CheckPbu(req), +mip6::BA_ACCEPTED, "no request");
        BindingAckHeader plain;
        plain.SetStatus(mip6::BA_ACCEPTED);
        ext->AddPbaOptions(plain, req, MakeEntry(9, "mn9"));
        NS_TEST_EXPECT_MSG_EQ(plain.GetOptions().GetCount(), 0, "no IPv4 option added");

        // Fill the pool: .3 .4 .5 .6 for mn2..mn5, then mn6 finds it exhausted: 130, Reply 132.
        std::vector<Ptr<BindingCacheEntry>> entries;
        for (int k = 2; k <= 5; ++k)
        {
            std::string mn = "mn" + std::to_string(k);
            req = MakeRequest(mn, 10);
            NS_TEST_EXPECT_MSG_EQ(+ext->CheckPbu(req), +mip6::BA_ACCEPTED, mn);
            entries.push_back(MakeEntry(10 + k, mn));
            ext->NotifyBinding(Pmipv6LmaExtension::BINDING_CREATED,
                               entries.back(),
                               Ipv6Address("fd00:1::2"));
            NS_TEST_EXPECT_MSG_EQ(entries.back()->ipv4HomeAddress,
                                  Ipv4Address(Ipv4Address("10.100.0.1").Get() + k),
                                  mn << " address");
        }
        req = MakeRequest("mn6", 1);
        NS_TEST_EXPECT_MSG_EQ(+ext->CheckPbu(req),
                              +mip6::BA_INSUFFICIENT_RESOURCES,
                              "pool exhausted");
        refused = BindingAckHeader();
        refused.SetStatus(mip6::BA_INSUFFICIENT_RESOURCES);
        ext->AddPbaOptions(refused, req, nullptr);
        NS_TEST_EXPECT_MSG_EQ(Hex(PbaOptionOctets(refused)),
                              Hex({37, 6, 132, 0, 0, 0, 0, 0, 0x01, 0x02, 0x00, 0x00}),
                              "PBA options of an exhausted pool");

        // A PBU accepted by this extension but refused by the core afterwards (e.g. no HNP
        // left): the address set aside is given back.
        Ptr<BindingCacheEntry> e5 = entries.back();
        ext->NotifyBinding(Pmipv6LmaExtension::BINDING_DELETED, e5, Ipv6Address("fd00:1::2"));
        NS_TEST_EXPECT_MSG_EQ(ext->GetHomeAddress("mn5"), Ipv4Address::GetAny(), "mn5 released");
        req = MakeRequest("mn6", 2);
        NS_TEST_EXPECT_MSG_EQ(+ext->CheckPbu(req), +mip6::BA_ACCEPTED, "mn6 gets mn5's address");
        NS_TEST_EXPECT_MSG_EQ(ext->GetHomeAddress("mn6"), Ipv4Address("10.100.0.6"), "reused");
        refused = BindingAckHeader();
        refused.SetStatus(mip6::BA_INSUFFICIENT_RESOURCES);
        ext->AddPbaOptions(refused, req, nullptr);
        NS_TEST_EXPECT_MSG_EQ(refused.GetOptions().GetCount(), 0, "no reply on a core refusal");
        NS_TEST_EXPECT_MSG_EQ(ext->GetHomeAddress("mn6"),
                              Ipv4Address::GetAny(),
                              "pending address released on the core's refusal");
        NS_TEST_EXPECT_MSG_EQ(ext->GetPool().IsAllocated(Ipv4Address("10.100.0.6")),
                              false,
                              "back in the pool");

        // mn1 has two entries: the address is released with the last one only.
        ext->NotifyBinding(Pmipv6LmaExtension::BINDING_DELETED, e1, Ipv6Address("fd00:1::2"));
        NS_TEST_EXPECT_MSG_EQ(ext->GetHomeAddress("mn1"), Ipv4Address("10.100.0.2"), "kept");
        ext->NotifyBinding(Pmipv6LmaExtension::BINDING_DELETED, e1b, Ipv6Address("fd00:2::2"));
        NS_TEST_EXPECT_MSG_EQ(ext->GetHomeAddress("mn1"), Ipv4Address::GetAny(), "released");
        bool mn1Released = std::find(released.begin(),
                                     released.end(),
                                     std::make_pair(std::string("mn1"),
                                                    Ipv4Address("10.100.0.2"))) != released.end();
        NS_TEST_EXPECT_MSG_EQ(mn1Released, true, "AddressReleased traced for mn1");

        // Not authorized (AuthorizeAll false, no profile): 170, Reply 129.
        ext->SetAttribute("AuthorizeAll", BooleanValue(false));
        req = MakeRequest("mn7", 1);
        NS_TEST_EXPECT_MSG_EQ(+ext->CheckPbu(req),
                              +mip6::BA_NOT_AUTHORIZED_FOR_IPV4_MOBILITY_SERVICE,
                              "not authorized");
        refused = BindingAckHeader();
        refused.SetStatus(mip6::BA_NOT_AUTHORIZED_FOR_IPV4_MOBILITY_SERVICE);
        ext->AddPbaOptions(refused, req, nullptr);
        NS_TEST_EXPECT_MSG_EQ(Hex(PbaOptionOctets(refused)),
                              Hex({37, 6, 129, 0, 0, 0, 0, 0, 0x01, 0x02, 0x00, 0x00}),
                              "PBA options of a 170 refusal");
        ext->Dispose();
    }
};

/**
 * \ingroup pmipv6-tests
 * \brief A whole domain (CN, LMA, MAG1, MAG2, one MN with a logical interface over two
 * devices), both MAGs and the LMA with their IPv4 extensions, the MN's profile enabling IPv4:
 * attach at MAG1, handover to MAG2 (detach, attach with HI 2), detach.
 */
class Ipv4HomeAddressDomainTestCase : public TestCase
{
  public:
    Ipv4HomeAddressDomainTestCase()
        : TestCase("domain: IPv4 HoA in BCE, BUL and PBA, same after handover, released")
    {
    }

  private:
    /// What was seen at one check time.
    struct Snapshot
    {
        Ipv4Address bce{Ipv4Address::GetAny()}; ///< the LMA's entry's IPv4 HoA (0.0.0.0 = no entry)
        uint8_t bcePrefix{0};                   ///< its prefix length
        Ipv4Address bul[2]{
            Ipv4Address::GetAny(),
            Ipv4Address::GetAny()}; ///< each MAG's BUL entry's IPv4 HoA (0.0.0.0 = none)
        Ipv4Address router[2]{Ipv4Address::GetAny(),
                              Ipv4Address::GetAny()}; ///< each MAG's BUL entry's default router
        uint32_t poolCount{0};                        ///< allocated addresses in the LMA's pool
    };

    /**
     * \brief Record the state.
     * \param s where
     */
    void Take(Snapshot* s)
    {
        for (const auto& e : m_d->lmaApp->GetBindingCache()->FindByMnId(m_d->mnId))
        {
            if (e->state == BindingCacheEntry::ACTIVE)
            {
                s->bce = e->ipv4HomeAddress;
                s->bcePrefix = e->ipv4PrefixLength;
            }
        }
        for (uint32_t k = 0; k < 2; ++k)
        {
            for (const auto& e : m_d->magApp[k]->GetBindingUpdateList()->FindByMnId(m_d->mnId))
            {
                s->bul[k] = e->ipv4HomeAddress;
                s->router[k] = e->ipv4DefaultRouter;
            }
        }
        s->poolCount = m_lmaExt->GetPool().GetAllocatedCount();
    }

    /**
     * \brief Record a PBA the LMA sent.
     * \param pba the PBA
     */
    void TxPba(const BindingAckHeader& pba, Ipv6Address /* peer */)
    {
        m_pbas.push_back(Serialize(pba));
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        m_d = new Pmipv6DualAccessDomain("mn@ipv4.test");
        Ptr<Pmipv6ProfileStore> store = m_d->pmip.GetProfileStore();
        const Pmipv6Profile* found = store->Lookup(m_d->mnId);
        NS_TEST_ASSERT_MSG_NE(found, nullptr, "the MN's profile");
        Pmipv6Profile profile = *found;
        profile.ipv4HomeAddressMobility = true;
        store->RemoveProfile(m_d->mnId);
        store->AddProfile(profile);

        m_lmaExt = CreateObject<LmaIpv4Extension>();
        m_d->lmaApp->AddExtension(m_lmaExt);
        m_d->lmaApp->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(Seconds(1)));
        m_d->lmaApp->TraceConnectWithoutContext(
            "TxPba",
            MakeCallback(&Ipv4HomeAddressDomainTestCase::TxPba, this));
        for (uint32_t k = 0; k < 2; ++k)
        {
            m_d->magApp[k]->AddExtension(CreateObject<MagIpv4Extension>());
        }

        Snapshot afterAttach;
        Snapshot afterHandover;
        Snapshot afterDetach;
        Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, m_d, 0, 1);
        Simulator::Schedule(Seconds(1.5), &Ipv4HomeAddressDomainTestCase::Take, this, &afterAttach);
        Simulator::Schedule(Seconds(2.0), &Pmipv6DualAccessDomain::Detach, m_d, 0);
        Simulator::Schedule(Seconds(2.1), &Pmipv6DualAccessDomain::Attach, m_d, 1, 2);
        Simulator::Schedule(Seconds(4.0),
                            &Ipv4HomeAddressDomainTestCase::Take,
                            this,
                            &afterHandover);
        Simulator::Schedule(Seconds(4.5), &Pmipv6DualAccessDomain::Detach, m_d, 1);
        Simulator::Schedule(Seconds(8.0), &Ipv4HomeAddressDomainTestCase::Take, this, &afterDetach);
        Simulator::Stop(Seconds(8.5));
        Simulator::Run();

        const Ipv4Address hoa("10.100.0.2");    // first host after the default router
        const Ipv4Address router("10.100.0.1"); // the pool's first host address
        NS_TEST_EXPECT_MSG_EQ(afterAttach.bce, hoa, "BCE after attach");
        NS_TEST_EXPECT_MSG_EQ(+afterAttach.bcePrefix, 16, "BCE prefix length (PoolMask /16)");
        NS_TEST_EXPECT_MSG_EQ(afterAttach.bul[0], hoa, "MAG1's BUL after attach");
        NS_TEST_EXPECT_MSG_EQ(afterAttach.router[0], router, "MAG1's default router");
        NS_TEST_EXPECT_MSG_EQ(afterAttach.poolCount, 1, "one address allocated");
        NS_TEST_EXPECT_MSG_EQ(afterHandover.bce, hoa, "BCE after handover: same address");
        NS_TEST_EXPECT_MSG_EQ(afterHandover.bul[1], hoa, "MAG2's BUL after handover");
        NS_TEST_EXPECT_MSG_EQ(afterHandover.router[1], router, "MAG2's default router");
        NS_TEST_EXPECT_MSG_EQ(afterHandover.poolCount, 1, "still one address");
        NS_TEST_EXPECT_MSG_EQ(afterDetach.bce, Ipv4Address::GetAny(), "no BCE after detach");
        NS_TEST_EXPECT_MSG_EQ(afterDetach.poolCount, 0, "address released");
        NS_TEST_EXPECT_MSG_EQ(m_lmaExt->GetHomeAddress(m_d->mnId),
                              Ipv4Address::GetAny(),
                              "no lease");

        // The PBA octets: every accepted registration PBA carries Reply (0, /16 = 0x40,
        // 10.100.0.2) followed by Default-Router (10.100.0.1), at a 4n offset.
        const Bytes options = {37, 6, 0, 0x40, 10, 100, 0, 2, 38, 6, 0, 0, 10, 100, 0, 1};
        uint32_t withReply = 0;
        for (const Bytes& pba : m_pbas)
        {
            auto at = std::search(pba.begin(), pba.end(), options.begin(), options.end());
            if (at != pba.end())
            {
                ++withReply;
                NS_TEST_EXPECT_MSG_EQ((at - pba.begin()) % 4, 0, "Reply at a 4n offset");
                NS_TEST_EXPECT_MSG_EQ(+pba[6], +mip6::BA_ACCEPTED, "PBA status");
            }
        }
        NS_TEST_EXPECT_MSG_GT_OR_EQ(withReply, 2u, "the attach and handover PBAs carry the reply");
        NS_TEST_EXPECT_MSG_GT(m_pbas.size(), withReply, "de-registration PBAs carry none");

        Simulator::Destroy();
        delete m_d;
        m_d = nullptr;
    }

    Pmipv6DualAccessDomain* m_d{nullptr}; ///< the domain
    Ptr<LmaIpv4Extension> m_lmaExt;       ///< the LMA's extension
    std::vector<Bytes> m_pbas;            ///< PBAs the LMA sent, serialized
};

/**
 * \ingroup pmipv6-tests
 * \brief Suite of the IPv4 home address signalling.
 */
class Ipv4HomeAddressTestSuite : public TestSuite
{
  public:
    Ipv4HomeAddressTestSuite()
        : TestSuite("pmipv6-ipv4-home-address", UNIT)
    {
        AddTestCase(new Ipv4PoolTestCase, TestCase::QUICK);
        AddTestCase(new LmaIpv4HooksTestCase, TestCase::QUICK);
        AddTestCase(new Ipv4HomeAddressDomainTestCase, TestCase::QUICK);
    }
};

/// The static instance that registers the suite.
static Ipv4HomeAddressTestSuite g_ipv4HomeAddressTestSuite;

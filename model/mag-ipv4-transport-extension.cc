/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mag-ipv4-transport-extension.h"

#include "binding-update-header.h"
#include "binding-update-list.h"
#include "ipv4-options.h"
#include "pmipv6-ipv4-transport.h"
#include "pmipv6-mag-application.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/boolean.h"
#include "ns3/ipv4-address.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagIpv4TransportExtension");

NS_OBJECT_ENSURE_REGISTERED(MagIpv4TransportExtension);

TypeId
MagIpv4TransportExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MagIpv4TransportExtension")
            .SetParent<Pmipv6MagExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MagIpv4TransportExtension>()
            .AddAttribute("Ipv4ProxyCoa",
                          "The IPv4-Proxy-CoA of the IPv4 Care-of Address option; 0.0.0.0 = the "
                          "node's IPv4 transport address. (Another value makes the LMA see a "
                          "NAT: the option then differs from the outer source.)",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&MagIpv4TransportExtension::m_ipv4ProxyCoa),
                          MakeIpv4AddressChecker())
            .AddAttribute("ForceUdp",
                          "Set the F flag in every PBU and run the data tunnel in UDP from the "
                          "start (RFC 5555 F flag, RFC 5844 4).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MagIpv4TransportExtension::m_forceUdp),
                          MakeBooleanChecker())
            .AddAttribute("NatKeepalive",
                          "When a PBA carries a NAT Detection option (the LMA saw a NAT), "
                          "refresh the binding no later than its Refresh time, whatever the "
                          "binding lifetime, so that the NAT keeps its mapping (RFC 5555 "
                          "NAT keepalive, RFC 5844 4).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MagIpv4TransportExtension::m_natKeepalive),
                          MakeBooleanChecker())
            .AddTraceSource(
                "NatKeepalive",
                "A NAT keepalive: a refresh PBU sent at the NAT Detection "
                "option's Refresh time.",
                MakeTraceSourceAccessor(&MagIpv4TransportExtension::m_natKeepaliveTrace),
                "ns3::MagIpv4TransportExtension::NatKeepaliveTracedCallback")
            .AddTraceSource(
                "Encapsulation",
                "A PBA set the data tunnel's encapsulation (UDP or IP in IPv4).",
                MakeTraceSourceAccessor(&MagIpv4TransportExtension::m_encapsulationTrace),
                "ns3::MagIpv4TransportExtension::EncapsulationTracedCallback");
    return tid;
}

MagIpv4TransportExtension::MagIpv4TransportExtension()
    : m_natKeepalive(true),
      m_ipv4ProxyCoa(Ipv4Address::GetAny()),
      m_forceUdp(false)
{
    NS_LOG_FUNCTION(this);
}

MagIpv4TransportExtension::~MagIpv4TransportExtension()
{
    NS_LOG_FUNCTION(this);
}

void
MagIpv4TransportExtension::DoDispose()
{
    for (auto& [id, timer] : m_natKeepalives)
    {
        timer.Cancel();
    }
    m_natKeepalives.clear();
    m_natRefresh.clear();
    m_transport = nullptr;
    Pmipv6MagExtension::DoDispose();
}

void
MagIpv4TransportExtension::DoStart()
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    m_transport = mag ? mag->GetNode()->GetObject<Pmipv6Ipv4Transport>() : nullptr;
    if (!m_transport)
    {
        NS_LOG_WARN("MagIpv4TransportExtension: no Pmipv6Ipv4Transport on the MAG's node; "
                    "the PBUs stay on the IPv6 transport");
    }
}

Ipv4Address
MagIpv4TransportExtension::GetIpv4ProxyCoa() const
{
    if (m_ipv4ProxyCoa != Ipv4Address::GetAny() || !m_transport)
    {
        return m_ipv4ProxyCoa;
    }
    return m_transport->GetLocalAddress();
}

bool
MagIpv4TransportExtension::IsUdpEncapsulation(Ipv6Address lma) const
{
    const Pmipv6Ipv4Transport::Peer* peer = m_transport ? m_transport->GetPeer(lma) : nullptr;
    return peer && peer->udpData;
}

void
MagIpv4TransportExtension::AddPbuOptions(BindingUpdateHeader& pbu,
                                         Ptr<const BindingUpdateListEntry> entry)
{
    if (!m_transport)
    {
        return;
    }
    // RFC 5844 4.2: the IPv4 Care-of Address option carries the IPv4-Proxy-CoA
    pbu.AddOption(Create<Ipv4CareOfAddressOption>(GetIpv4ProxyCoa()));
    if (m_forceUdp)
    {
        pbu.SetFlag(BindingUpdateHeader::FLAG_F, true);
        m_transport->SetUdpEncapsulation(entry->lmaAddress, true);
    }
}

void
MagIpv4TransportExtension::NotifyPba(const BindingAckHeader& pba, Ptr<BindingUpdateListEntry> entry)
{
    if (!m_transport || pba.GetStatus() >= mip6::BA_UNSPECIFIED)
    {
        return;
    }
    Ptr<NatDetectionOption> nat = pba.GetOptions().Find<NatDetectionOption>();
    bool udp = m_forceUdp || nat;
    m_transport->SetUdpEncapsulation(entry->lmaAddress, udp);
    NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": data tunnel to " << entry->lmaAddress
                       << (udp ? " in UDP" : " in IPv4")
                       << (nat ? " (the LMA detected a NAT)" : ""));
    m_encapsulationTrace(entry->lmaAddress, udp, nat != nullptr);
    // RFC 5555 3.2.2 (read from a secondary source): a Refresh time of 0 is ignored, all ones
    // says no keepalives are needed.
    uint32_t refresh = nat ? nat->GetRefreshTime() : 0;
    if (m_natKeepalive && pba.GetStatus() == mip6::BA_ACCEPTED && pba.GetLifetime() != 0 &&
        refresh != 0 && refresh != mip6::NAT_DETECTION_REFRESH_NO_KEEPALIVES)
    {
        m_natRefresh[entry->id] = Seconds(refresh);
    }
    else
    {
        ForgetNat(entry->id);
    }
}

void
MagIpv4TransportExtension::NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry)
{
    switch (event)
    {
    case BINDING_REGISTERED:
    case BINDING_REFRESHED: {
        // After the core's refresh timer restarted: the keepalive runs Refresh time after
        // this PBA; a refresh before it (the core's, or another extension's) restarts it.
        auto refresh = m_natRefresh.find(entry->id);
        if (refresh == m_natRefresh.end())
        {
            return;
        }
        EventId& timer = m_natKeepalives[entry->id];
        timer.Cancel();
        timer = Simulator::Schedule(refresh->second,
                                    &MagIpv4TransportExtension::NatKeepalive,
                                    this,
                                    entry->id);
        NS_LOG_LOGIC("MAG: NAT keepalive of " << entry->mnId << " in "
                                              << refresh->second.As(Time::S) << " (lifetime "
                                              << entry->lifetime.As(Time::S) << ")");
        break;
    }
    case BINDING_FAILED:
    case BINDING_REVOKED:
    case BINDING_REMOVED:
        ForgetNat(entry->id);
        break;
    default:
        break;
    }
}

void
MagIpv4TransportExtension::ForgetNat(uint64_t entryId)
{
    auto timer = m_natKeepalives.find(entryId);
    if (timer != m_natKeepalives.end())
    {
        timer->second.Cancel();
        m_natKeepalives.erase(timer);
    }
    m_natRefresh.erase(entryId);
}

void
MagIpv4TransportExtension::NatKeepalive(uint64_t entryId)
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<BindingUpdateListEntry> entry =
        mag ? mag->GetBindingUpdateList()->FindById(entryId) : nullptr;
    auto refresh = m_natRefresh.find(entryId);
    if (!entry || refresh == m_natRefresh.end())
    {
        return;
    }
    if (!mag->RefreshNow(entryId, false))
    {
        // A PBU of the entry is in flight (refresh or de-registration): it refreshes the NAT
        // mapping as well.
        NS_LOG_LOGIC("MAG: NAT keepalive of " << entry->mnId << ": a PBU is in flight");
        return;
    }
    m_natKeepaliveCount++;
    NS_LOG_INFO("MAG " << mag->GetProxyCoa() << ": NAT keepalive for " << entry->mnId << " to "
                       << entry->lmaAddress << " (Refresh time " << refresh->second.As(Time::S)
                       << ")");
    m_natKeepaliveTrace(entry->mnId, entry->lmaAddress, refresh->second);
}

uint64_t
MagIpv4TransportExtension::GetNatKeepaliveCount() const
{
    return m_natKeepaliveCount;
}

Time
MagIpv4TransportExtension::GetNatRefreshTime(uint64_t entryId) const
{
    auto it = m_natRefresh.find(entryId);
    return it == m_natRefresh.end() ? Time(0) : it->second;
}

} // namespace ns3

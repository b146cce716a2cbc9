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
            .AddTraceSource(
                "Encapsulation",
                "A PBA set the data tunnel's encapsulation (UDP or IP in IPv4).",
                MakeTraceSourceAccessor(&MagIpv4TransportExtension::m_encapsulationTrace),
                "ns3::MagIpv4TransportExtension::EncapsulationTracedCallback");
    return tid;
}

MagIpv4TransportExtension::MagIpv4TransportExtension()
    : m_ipv4ProxyCoa(Ipv4Address::GetAny()),
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
}

} // namespace ns3

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lma-ipv4-transport-extension.h"

#include "binding-cache.h"
#include "binding-update-header.h"
#include "ipv4-options.h"
#include "pmipv6-ipv4-transport.h"
#include "pmipv6-lma-application.h"
#include "proxy-binding-request.h"

#include "ns3/log.h"
#include "ns3/node.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaIpv4TransportExtension");

NS_OBJECT_ENSURE_REGISTERED(LmaIpv4TransportExtension);

TypeId
LmaIpv4TransportExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LmaIpv4TransportExtension")
            .SetParent<Pmipv6LmaExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<LmaIpv4TransportExtension>()
            .AddAttribute("NatRefreshTime",
                          "Refresh time of the NAT Detection option (RFC 5555 3.2.2; its "
                          "NATKATIMEOUT default): the MAG (MagIpv4TransportExtension, "
                          "NatKeepalive) refreshes its binding this long after each PBA.",
                          TimeValue(Seconds(110)),
                          MakeTimeAccessor(&LmaIpv4TransportExtension::m_natRefreshTime),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("NatDetected",
                            "A PBU's IPv4 Care-of Address option differs from its outer IPv4 "
                            "source.",
                            MakeTraceSourceAccessor(&LmaIpv4TransportExtension::m_natTrace),
                            "ns3::LmaIpv4TransportExtension::NatTracedCallback");
    return tid;
}

LmaIpv4TransportExtension::LmaIpv4TransportExtension()
{
    NS_LOG_FUNCTION(this);
}

LmaIpv4TransportExtension::~LmaIpv4TransportExtension()
{
    NS_LOG_FUNCTION(this);
}

void
LmaIpv4TransportExtension::DoDispose()
{
    m_transport = nullptr;
    m_seen.clear();
    Pmipv6LmaExtension::DoDispose();
}

void
LmaIpv4TransportExtension::DoStart()
{
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    m_transport = lma ? lma->GetNode()->GetObject<Pmipv6Ipv4Transport>() : nullptr;
    if (!m_transport)
    {
        NS_LOG_WARN("LmaIpv4TransportExtension: no Pmipv6Ipv4Transport on the LMA's node");
    }
}

uint8_t
LmaIpv4TransportExtension::CheckPbu(const ProxyBindingRequest& req)
{
    Ipv4Address outer;
    uint16_t port = 0;
    if (!m_transport || !req.hasMnId || !m_transport->GetSignallingSource(req.mag, outer, port))
    {
        return 0; // not over IPv4: nothing to do
    }
    Seen seen;
    seen.sequence = req.sequence;
    seen.outerSource = outer;
    seen.outerPort = port;
    seen.forceUdp = (req.flags & BindingUpdateHeader::FLAG_F) != 0;
    if (Ptr<Ipv4CareOfAddressOption> coa = req.options.Find<Ipv4CareOfAddressOption>())
    {
        seen.ipv4ProxyCoa = coa->GetAddress();
        seen.natDetected = seen.ipv4ProxyCoa != outer; // RFC 5555 NAT detection
        if (seen.natDetected)
        {
            NS_LOG_INFO("LMA: NAT between " << req.mag << " and the LMA: IPv4 CoA "
                                            << seen.ipv4ProxyCoa << ", outer source " << outer
                                            << ":" << port);
            m_natTrace(req.mnId, seen.ipv4ProxyCoa, outer);
        }
    }
    else
    {
        NS_LOG_WARN("LMA: PBU " << req.sequence << " of " << req.mnId
                                << " came over IPv4 without an IPv4 Care-of Address option; "
                                   "the outer source "
                                << outer << " is taken as its IPv4-Proxy-CoA");
        seen.ipv4ProxyCoa = outer;
    }
    m_seen[req.mnId] = seen;
    return 0;
}

void
LmaIpv4TransportExtension::NotifyBinding(BindingEvent event,
                                         Ptr<BindingCacheEntry> entry,
                                         Ipv6Address /* previousProxyCoa */)
{
    if (event == BINDING_DELETED)
    {
        m_seen.erase(entry->mnId); // the MN's other entries, if any, refresh it on their PBUs
        return;
    }
    if (event != BINDING_CREATED && event != BINDING_REFRESHED && event != BINDING_MOVED)
    {
        return;
    }
    auto it = m_seen.find(entry->mnId);
    if (it == m_seen.end() || it->second.sequence != entry->lastSequence)
    {
        return; // registered over IPv6
    }
    const Seen& seen = it->second;
    entry->ipv4ProxyCoa = seen.ipv4ProxyCoa;
    entry->ipv4TransportAddress = seen.outerSource;
    entry->ipv4TransportPort = seen.outerPort;
    entry->ipv4UdpEncapsulation = seen.natDetected || seen.forceUdp;
    m_transport->SetUdpEncapsulation(entry->proxyCoa, entry->ipv4UdpEncapsulation);
    NS_LOG_INFO("LMA: " << entry->mnId << " bound to IPv4-Proxy-CoA " << entry->ipv4ProxyCoa
                        << " (via " << seen.outerSource << ":" << seen.outerPort << ", "
                        << (entry->ipv4UdpEncapsulation ? "UDP" : "IP-in-IPv4") << ")");
}

void
LmaIpv4TransportExtension::AddPbaOptions(BindingAckHeader& pba,
                                         const ProxyBindingRequest& req,
                                         Ptr<const BindingCacheEntry> entry)
{
    auto it = m_seen.find(req.mnId);
    if (!entry || it == m_seen.end() || it->second.sequence != req.sequence ||
        !it->second.natDetected)
    {
        return;
    }
    pba.AddOption(Create<NatDetectionOption>(it->second.forceUdp,
                                             static_cast<uint32_t>(m_natRefreshTime.GetSeconds())));
}

} // namespace ns3

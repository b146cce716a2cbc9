/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pmipv6-lma-extension.h"

#include "pmipv6-lma-application.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6LmaExtension");

NS_OBJECT_ENSURE_REGISTERED(Pmipv6LmaExtension);

std::string
Pmipv6LmaExtension::BindingEventName(BindingEvent e)
{
    switch (e)
    {
    case BINDING_CREATED:
        return "CREATED";
    case BINDING_REFRESHED:
        return "REFRESHED";
    case BINDING_MOVED:
        return "MOVED";
    case BINDING_DEREGISTERED:
        return "DEREGISTERED";
    case BINDING_DELETED:
        return "DELETED";
    }
    return "UNKNOWN";
}

TypeId
Pmipv6LmaExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Pmipv6LmaExtension").SetParent<Object>().SetGroupName("Pmipv6");
    return tid;
}

Pmipv6LmaExtension::Pmipv6LmaExtension()
{
    NS_LOG_FUNCTION(this);
}

Pmipv6LmaExtension::~Pmipv6LmaExtension()
{
    NS_LOG_FUNCTION(this);
}

void
Pmipv6LmaExtension::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_lma = nullptr;
    Object::DoDispose();
}

std::string
Pmipv6LmaExtension::GetName() const
{
    return GetInstanceTypeId().GetName();
}

std::vector<uint8_t>
Pmipv6LmaExtension::GetMhTypes() const
{
    return {};
}

void
Pmipv6LmaExtension::Receive(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface)
{
    NS_LOG_WARN(GetName() << " claimed MH type " << +mhType << " but does not receive it");
}

uint8_t
Pmipv6LmaExtension::CheckPbu(const ProxyBindingRequest& req)
{
    return mip6::BA_ACCEPTED;
}

bool
Pmipv6LmaExtension::AcceptsWithoutHomeNetworkPrefix(const ProxyBindingRequest& /* req */)
{
    return false;
}

Pmipv6LmaExtension::SessionChoice
Pmipv6LmaExtension::SelectSession(const ProxyBindingRequest& req)
{
    return SESSION_DEFAULT;
}

bool
Pmipv6LmaExtension::ReviseRequestedPrefixes(const ProxyBindingRequest& /* req */,
                                            std::vector<HomeNetworkPrefix>& /* prefixes */)
{
    return false;
}

bool
Pmipv6LmaExtension::AssignPrefixes(const ProxyBindingRequest& /* req */,
                                   std::vector<HomeNetworkPrefix>& /* prefixes */)
{
    return false;
}

void
Pmipv6LmaExtension::NotifyBinding(BindingEvent event,
                                  Ptr<BindingCacheEntry> entry,
                                  Ipv6Address previousProxyCoa)
{
}

void
Pmipv6LmaExtension::AddPbaOptions(BindingAckHeader& pba,
                                  const ProxyBindingRequest& req,
                                  Ptr<const BindingCacheEntry> entry)
{
}

Ptr<Pmipv6LmaApplication>
Pmipv6LmaExtension::GetLma() const
{
    return m_lma;
}

void
Pmipv6LmaExtension::DoStart()
{
}

void
Pmipv6LmaExtension::ReceiveMessage(Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface)
{
    // MobilityL4Protocol verified the framing: the MH type is the third octet.
    uint8_t header[3];
    p->CopyData(header, 3);
    Receive(header[2], p, ip, interface);
}

void
Pmipv6LmaExtension::SetLma(Ptr<Pmipv6LmaApplication> lma)
{
    m_lma = lma;
}

} // namespace ns3

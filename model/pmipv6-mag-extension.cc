/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pmipv6-mag-extension.h"

#include "pmipv6-mag-application.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6MagExtension");

NS_OBJECT_ENSURE_REGISTERED(Pmipv6MagExtension);

std::string
Pmipv6MagExtension::BindingEventName(BindingEvent e)
{
    switch (e)
    {
    case BINDING_REGISTERED:
        return "REGISTERED";
    case BINDING_REFRESHED:
        return "REFRESHED";
    case BINDING_FAILED:
        return "FAILED";
    case BINDING_REVOKED:
        return "REVOKED";
    case BINDING_REMOVED:
        return "REMOVED";
    case BINDING_PREFIXES_REVOKED:
        return "PREFIXES_REVOKED";
    }
    return "UNKNOWN";
}

TypeId
Pmipv6MagExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Pmipv6MagExtension").SetParent<Object>().SetGroupName("Pmipv6");
    return tid;
}

Pmipv6MagExtension::Pmipv6MagExtension()
{
    NS_LOG_FUNCTION(this);
}

Pmipv6MagExtension::~Pmipv6MagExtension()
{
    NS_LOG_FUNCTION(this);
}

void
Pmipv6MagExtension::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_mag = nullptr;
    Object::DoDispose();
}

std::string
Pmipv6MagExtension::GetName() const
{
    return GetInstanceTypeId().GetName();
}

std::vector<uint8_t>
Pmipv6MagExtension::GetMhTypes() const
{
    return {};
}

void
Pmipv6MagExtension::Receive(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface)
{
    NS_LOG_WARN(GetName() << " claimed MH type " << +mhType << " but does not receive it");
}

void
Pmipv6MagExtension::AddPbuOptions(BindingUpdateHeader& pbu, Ptr<const BindingUpdateListEntry> entry)
{
}

bool
Pmipv6MagExtension::RegistersWithoutHomeNetworkPrefix(Ptr<const BindingUpdateListEntry> /* entry */)
{
    return false;
}

void
Pmipv6MagExtension::NotifyPba(const BindingAckHeader& pba, Ptr<BindingUpdateListEntry> entry)
{
}

void
Pmipv6MagExtension::NotifyAttach(Ptr<BindingUpdateListEntry> entry)
{
}

void
Pmipv6MagExtension::NotifyDetach(Ptr<BindingUpdateListEntry> entry)
{
}

bool
Pmipv6MagExtension::KeepBindingUntilDeregistered(Ptr<const BindingUpdateListEntry> /* entry */)
{
    return false;
}

Ipv6Address
Pmipv6MagExtension::SelectLma(const std::string& /* mnId */, Ptr<NetDevice> /* device */)
{
    return Ipv6Address::GetAny();
}

void
Pmipv6MagExtension::NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry)
{
}

Ptr<Pmipv6MagApplication>
Pmipv6MagExtension::GetMag() const
{
    return m_mag;
}

void
Pmipv6MagExtension::DoStart()
{
}

void
Pmipv6MagExtension::ReceiveMessage(Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface)
{
    // MobilityL4Protocol verified the framing: the MH type is the third octet.
    uint8_t header[3];
    p->CopyData(header, 3);
    Receive(header[2], p, ip, interface);
}

void
Pmipv6MagExtension::SetMag(Ptr<Pmipv6MagApplication> mag)
{
    m_mag = mag;
}

} // namespace ns3

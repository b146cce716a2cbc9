/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mag-ipv4-extension.h"

#include "binding-update-list.h"
#include "ipv4-options.h"
#include "ipv6-tunnel-l4-protocol.h"
#include "pmipv6-mag-application.h"
#include "pmipv6-profile.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/boolean.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagIpv4Extension");

NS_OBJECT_ENSURE_REGISTERED(MagIpv4Extension);

TypeId
MagIpv4Extension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MagIpv4Extension")
            .SetParent<Pmipv6MagExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MagIpv4Extension>()
            .AddAttribute("RequestForAll",
                          "Ask for an IPv4 home address for every mobile node; when false only "
                          "for MNs whose profile sets ipv4HomeAddressMobility.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MagIpv4Extension::m_requestForAll),
                          MakeBooleanChecker())
            .AddTraceSource("Ipv4HomeAddress",
                            "A PBA gave an IPv4 home address (RFC 5844 IPv4 Home Address "
                            "Reply, success).",
                            MakeTraceSourceAccessor(&MagIpv4Extension::m_addressTrace),
                            "ns3::MagIpv4Extension::AddressTracedCallback");
    return tid;
}

MagIpv4Extension::MagIpv4Extension()
    : m_requestForAll(false)
{
    NS_LOG_FUNCTION(this);
}

MagIpv4Extension::~MagIpv4Extension()
{
    NS_LOG_FUNCTION(this);
}

bool
MagIpv4Extension::WantsIpv4(const std::string& mnId) const
{
    if (m_requestForAll)
    {
        return true;
    }
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<Pmipv6ProfileStore> store = mag ? mag->GetProfileStore() : nullptr;
    const Pmipv6Profile* profile = store ? store->Lookup(mnId) : nullptr;
    return profile && profile->ipv4HomeAddressMobility;
}

bool
MagIpv4Extension::RegistersWithoutHomeNetworkPrefix(Ptr<const BindingUpdateListEntry> entry)
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<Pmipv6ProfileStore> store = mag ? mag->GetProfileStore() : nullptr;
    const Pmipv6Profile* profile = store ? store->Lookup(entry->mnId) : nullptr;
    return profile && profile->ipv4Only && WantsIpv4(entry->mnId);
}

void
MagIpv4Extension::AddPbuOptions(BindingUpdateHeader& pbu, Ptr<const BindingUpdateListEntry> entry)
{
    if (!WantsIpv4(entry->mnId))
    {
        return;
    }
    NS_LOG_LOGIC("IPv4 Home Address Request " << entry->ipv4HomeAddress << " for " << entry->mnId);
    pbu.AddOption(
        Create<Ipv4HomeAddressRequestOption>(entry->ipv4HomeAddress, entry->ipv4PrefixLength));
}

void
MagIpv4Extension::NotifyPba(const BindingAckHeader& pba, Ptr<BindingUpdateListEntry> entry)
{
    Ptr<Ipv4HomeAddressReplyOption> reply = pba.GetOptions().Find<Ipv4HomeAddressReplyOption>();
    if (!reply)
    {
        return;
    }
    if (reply->GetStatus() >= mip6::STATUS_REJECTION_THRESHOLD)
    {
        NS_LOG_INFO("MAG: no IPv4 home address for " << entry->mnId << ", Reply status "
                                                     << +reply->GetStatus());
        return;
    }
    entry->ipv4HomeAddress = reply->GetAddress();
    entry->ipv4PrefixLength = reply->GetPrefixLength();
    Ptr<Ipv4DefaultRouterAddressOption> router =
        pba.GetOptions().Find<Ipv4DefaultRouterAddressOption>();
    entry->ipv4DefaultRouter = router ? router->GetAddress() : Ipv4Address::GetAny();
    NS_LOG_INFO("MAG: IPv4 home address " << entry->ipv4HomeAddress << "/"
                                          << +entry->ipv4PrefixLength << " router "
                                          << entry->ipv4DefaultRouter << " for " << entry->mnId);
    m_addressTrace(entry->mnId, entry->ipv4HomeAddress, entry->ipv4DefaultRouter);
}

void
MagIpv4Extension::DoDispose()
{
    m_routing = nullptr;
    Pmipv6MagExtension::DoDispose();
}

int32_t
MagIpv4Extension::PrepareAccessInterface(Ptr<const BindingUpdateListEntry> entry)
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<Node> node = mag ? mag->GetNode() : nullptr;
    Ptr<Ipv4> ipv4 = node ? node->GetObject<Ipv4>() : nullptr;
    if (!ipv4 || !entry->accessDevice)
    {
        return -1;
    }
    int32_t accessIf = ipv4->GetInterfaceForDevice(entry->accessDevice);
    if (accessIf < 0)
    {
        accessIf = static_cast<int32_t>(ipv4->AddInterface(entry->accessDevice));
    }
    if (entry->ipv4DefaultRouter != Ipv4Address::GetAny() &&
        ipv4->GetInterfaceForAddress(entry->ipv4DefaultRouter) != accessIf)
    {
        Ipv4Mask mask(entry->ipv4PrefixLength == 0
                          ? 0xffffffffu
                          : ~((entry->ipv4PrefixLength >= 32)
                                  ? 0u
                                  : (0xffffffffu >> entry->ipv4PrefixLength)));
        ipv4->AddAddress(accessIf, Ipv4InterfaceAddress(entry->ipv4DefaultRouter, mask));
        NS_LOG_INFO("MAG: IPv4 default router " << entry->ipv4DefaultRouter << "/"
                                                << +entry->ipv4PrefixLength
                                                << " on access interface " << accessIf);
    }
    ipv4->SetForwarding(accessIf, true);
    if (!ipv4->IsUp(accessIf))
    {
        ipv4->SetUp(accessIf);
    }
    return accessIf;
}

void
MagIpv4Extension::NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry)
{
    if (entry->ipv4HomeAddress == Ipv4Address::GetAny())
    {
        return;
    }
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<Node> node = mag ? mag->GetNode() : nullptr;
    if (!node || !node->GetObject<Ipv4>())
    {
        return; // signalling only
    }
    if (!m_routing)
    {
        m_routing = Ipv4HomeAddressRouting::Install(node);
        if (!m_routing)
        {
            return;
        }
    }
    int32_t accessIf = node->GetObject<Ipv4>()->GetInterfaceForDevice(entry->accessDevice);
    switch (event)
    {
    case BINDING_REGISTERED:
    case BINDING_REFRESHED: {
        Ptr<Ipv6TunnelL4Protocol> tunnels = node->GetObject<Ipv6TunnelL4Protocol>();
        uint32_t tunnelIf = (tunnels && entry->tunnelInterface != 0)
                                ? tunnels->EnableIpv4(entry->tunnelInterface)
                                : Ipv6TunnelL4Protocol::NO_INTERFACE;
        accessIf = PrepareAccessInterface(entry);
        if (tunnelIf == Ipv6TunnelL4Protocol::NO_INTERFACE || accessIf < 0)
        {
            return;
        }
        NS_LOG_LOGIC("MAG: " << entry->ipv4HomeAddress << " from access interface " << accessIf
                             << " into tunnel IPv4 interface " << tunnelIf);
        m_routing->SetSourceRoute(entry->ipv4HomeAddress, accessIf, tunnelIf);
        m_routing->SetHostRoute(entry->ipv4HomeAddress, accessIf);
        break;
    }
    case BINDING_FAILED:
    case BINDING_REVOKED:
    case BINDING_REMOVED:
        if (accessIf >= 0)
        {
            m_routing->RemoveSourceRoute(entry->ipv4HomeAddress, accessIf);
            m_routing->RemoveHostRoute(entry->ipv4HomeAddress, accessIf);
        }
        break;
    default:
        break;
    }
}

} // namespace ns3

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mag-ipv4-extension.h"

#include "binding-update-list.h"
#include "ipv4-options.h"
#include "pmipv6-mag-application.h"
#include "pmipv6-profile.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/boolean.h"
#include "ns3/log.h"

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

} // namespace ns3

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lma-flow-binding-domain.h"

#include "ns3/ipv6-address-helper.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6.h"
#include "ns3/prefix-pool.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

Pmipv6LmaFlowBindingDomain::Pmipv6LmaFlowBindingDomain(const std::string& id,
                                                       uint32_t magExtensions)
    : Pmipv6DualAccessDomain(id)
{
    lma2.Create(1);
    Pmipv6Helper::InstallStack(lma2);
    m_p2p2.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    m_p2p2.SetChannelAttribute("Delay", StringValue("2ms"));
    Ipv6AddressHelper address;
    address.SetBase(Ipv6Address("fd00:0:0:d::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer link = address.Assign(m_p2p2.Install(lma.Get(0), lma2.Get(0)));
    link.SetForwarding(0, true);
    link.SetForwarding(1, true);
    lma2Address = link.GetAddress(1, 1);
    Ipv6StaticRoutingHelper routing;
    routing.GetStaticRouting(lma2.Get(0)->GetObject<Ipv6>())
        ->SetDefaultRoute(link.GetAddress(0, 1), link.GetInterfaceIndex(1));
    Ipv6Address pool2("2001:2:2::");
    const uint8_t pool2Length = 48;
    routing.GetStaticRouting(lma.Get(0)->GetObject<Ipv6>())
        ->AddNetworkRouteTo(pool2, Ipv6Prefix(pool2Length), lma2Address, link.GetInterfaceIndex(0));
    lma2App = pmip.InstallLma(lma2.Get(0), lma2Address);
    Ptr<PrefixPool> pool = CreateObject<PrefixPool>();
    pool->SetAttribute("BasePrefix", Ipv6AddressValue(pool2));
    pool->SetAttribute("BasePrefixLength", UintegerValue(pool2Length));
    lma2App->SetPrefixPool(pool);
    Ptr<Pmipv6ProfileStore> store = CreateObject<Pmipv6ProfileStore>();
    Pmipv6Profile profile = *pmip.GetProfileStore()->Lookup(mnId);
    profile.lmaAddress = lma2Address;
    store->AddProfile(profile);
    lma2App->SetProfileStore(store);
    Ptr<Pmipv6LmaApplication> lmas[2] = {lmaApp, lma2App};
    for (uint32_t k = 0; k < 2; ++k)
    {
        lmaExt[k] = CreateObject<LmaFlowBindingExtension>();
        lmas[k]->AddExtension(lmaExt[k]);
        magExt[k] = CreateObject<MagFlowBindingExtension>();
        if (k < magExtensions)
        {
            magApp[k]->AddExtension(magExt[k]);
        }
    }
}

void
Pmipv6LmaFlowBindingDomain::EnablePcapAll(const std::string& prefix)
{
    // the point-to-point helper's EnablePcapAll covers every point-to-point device, the
    // LMA1 - LMA2 link included
    EnablePcap(prefix);
}

} // namespace ns3

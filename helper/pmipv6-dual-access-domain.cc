/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pmipv6-dual-access-domain.h"

#include "logical-interface-helper.h"

#include "ns3/boolean.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6-address-helper.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6.h"
#include "ns3/mag-ipv4-transport-extension.h"
#include "ns3/mobility-helper.h"
#include "ns3/pmipv6-ipv4-transport.h"
#include "ns3/ssid.h"
#include "ns3/string.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-mac-helper.h"

namespace ns3
{

Pmipv6DualAccessDomain::Pmipv6DualAccessDomain(const std::string& id,
                                               FirstAccess first,
                                               bool ipv4,
                                               bool v4Transport)
    : mnId(id),
      cnIpv4Address(Ipv4Address::GetAny()),
      lmaIpv4Address(Ipv4Address::GetAny()),
      ipv4Lmaa(Ipv4Address::GetAny()),
      ipv4ProxyCoa{Ipv4Address::GetAny(), Ipv4Address::GetAny()},
      ipv4Transport(v4Transport),
      firstAccess(first)
{
    cn.Create(1);
    lma.Create(1);
    mags.Create(2);
    mn.Create(1);
    Pmipv6Helper::InstallStack(NodeContainer(cn, lma, mags, mn), ipv4 || ipv4Transport);
    m_p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    m_p2p.SetChannelAttribute("Delay", StringValue("2ms"));
    m_csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
    Ipv6AddressHelper address;
    address.SetBase(Ipv6Address("fd00:0:0:c::"), Ipv6Prefix(64));
    NetDeviceContainer cnLink = m_p2p.Install(cn.Get(0), lma.Get(0));
    Ipv6InterfaceContainer cnIf = address.Assign(cnLink);
    if (ipv4)
    {
        // the correspondent's IPv4 network
        Ipv4AddressHelper address4("192.0.2.0", "255.255.255.0");
        Ipv4InterfaceContainer cnIf4 = address4.Assign(cnLink);
        cnIpv4Address = cnIf4.GetAddress(0);
        lmaIpv4Address = cnIf4.GetAddress(1);
        Ipv4StaticRoutingHelper()
            .GetStaticRouting(cn.Get(0)->GetObject<Ipv4>())
            ->SetDefaultRoute(lmaIpv4Address, cnIf4.Get(0).second);
    }
    cnIf.SetForwarding(1, true);
    cnAddress = cnIf.GetAddress(0, 1);
    Ipv6StaticRoutingHelper routing;
    routing.GetStaticRouting(cn.Get(0)->GetObject<Ipv6>())
        ->SetDefaultRoute(cnIf.GetAddress(1, 1), cnIf.GetInterfaceIndex(0));
    pmip.SetPrefixPool(Ipv6Address("2001:1:1::"), 48);
    if (!ipv4Transport)
    {
        lmaAddress = cnIf.GetAddress(1, 1);
        lmaApp = pmip.InstallLma(lma.Get(0), lmaAddress);
    }
    const char* bases[2] = {"fd00:0:0:1::", "fd00:0:0:2::"};
    const char* bases4[2] = {"10.0.1.0", "10.0.2.0"};
    for (uint32_t k = 0; k < 2; ++k)
    {
        NetDeviceContainer magLink = m_p2p.Install(lma.Get(0), mags.Get(k));
        if (!ipv4Transport)
        {
            address.SetBase(Ipv6Address(bases[k]), Ipv6Prefix(64));
            Ipv6InterfaceContainer magIf = address.Assign(magLink);
            magIf.SetForwarding(0, true);
            magIf.SetForwarding(1, true);
            routing.GetStaticRouting(mags.Get(k)->GetObject<Ipv6>())
                ->SetDefaultRoute(magIf.GetAddress(0, 1), magIf.GetInterfaceIndex(1));
            proxyCoa[k] = magIf.GetAddress(1, 1);
        }
        else
        {
            // an IPv4-only MAG-LMA link (RFC 5844 4)
            Ipv4AddressHelper address4(bases4[k], "255.255.255.0");
            Ipv4InterfaceContainer magIf4 = address4.Assign(magLink);
            ipv4ProxyCoa[k] = magIf4.GetAddress(1);
            Ipv4StaticRoutingHelper()
                .GetStaticRouting(mags.Get(k)->GetObject<Ipv4>())
                ->SetDefaultRoute(magIf4.GetAddress(0), magIf4.Get(1).second);
            if (k == 0)
            {
                ipv4Lmaa = magIf4.GetAddress(0);
                lmaApp = pmip.InstallLma(lma.Get(0), ipv4Lmaa);
                lmaAddress = lmaApp->GetAddress();
            }
            proxyCoa[k] = Pmipv6Helper::GetIpv4TransportAddress(ipv4ProxyCoa[k]);
        }
        if (k == 0 && firstAccess == WIFI_FIRST_ACCESS)
        {
            InstallWifiAccess();
            if (ipv4Transport)
            {
                Pmipv6Ipv4Transport::Install(mags.Get(k), ipv4ProxyCoa[k])
                    ->SetPeer(lmaAddress, ipv4Lmaa);
                mags.Get(k)->GetObject<Ipv4>()->SetAttribute("IpForward", BooleanValue(true));
            }
            magApp[k] = pmip.InstallWifiMag(mags.Get(k),
                                            proxyCoa[k],
                                            lmaAddress,
                                            NetDeviceContainer(access[k]));
            if (ipv4Transport)
            {
                magApp[k]->AddExtension(CreateObject<MagIpv4TransportExtension>());
            }
            continue;
        }
        NetDeviceContainer link = m_csma.Install(NodeContainer(mags.Get(k), mn.Get(0)));
        access[k] = link.Get(0);
        phys[k] = link.Get(1);
        magApp[k] = ipv4Transport
                        ? pmip.InstallMag(mags.Get(k), ipv4ProxyCoa[k], ipv4Lmaa, access[k])
                        : pmip.InstallMag(mags.Get(k), proxyCoa[k], lmaAddress, access[k]);
    }
    lif = LogicalInterfaceHelper().Install(NetDeviceContainer(phys[0], phys[1]));
    pmip.AddMobileNode(mnId, NetDeviceContainer(lif), lmaAddress);
}

void
Pmipv6DualAccessDomain::InstallWifiAccess()
{
    WifiHelper wifi;
    wifi.SetStandard(WIFI_STANDARD_80211a);
    wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                 "DataMode",
                                 StringValue("OfdmRate54Mbps"),
                                 "ControlMode",
                                 StringValue("OfdmRate6Mbps"));
    YansWifiChannelHelper channel = YansWifiChannelHelper::Default();
#if defined(PMIPV6_NS3_VERSION) && PMIPV6_NS3_VERSION <= 331
    m_phy = YansWifiPhyHelper::Default(); // 3.31's constructor sets no error model
#endif
    m_phy.SetChannel(channel.Create());
    m_phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
    Ssid ssid("pmipv6-flow");
    WifiMacHelper mac;
    mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
    access[0] = wifi.Install(m_phy, mac, mags.Get(0)).Get(0);
    mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(ssid), "ActiveProbing", BooleanValue(false));
    phys[0] = wifi.Install(m_phy, mac, mn.Get(0)).Get(0);
    MobilityHelper mobility;
    Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
    positions->Add(Vector(0, 0, 0));
    positions->Add(Vector(5, 0, 0));
    mobility.SetPositionAllocator(positions);
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.Install(NodeContainer(mags.Get(0), mn.Get(0)));
}

void
Pmipv6DualAccessDomain::Attach(uint32_t k, uint8_t handoffIndicator)
{
    if (k == 0 && firstAccess == WIFI_FIRST_ACCESS)
    {
        return; // the AP's association trace attached it
    }
    magApp[k]->NotifyAttach(access[k], mnId, phys[k]->GetAddress(), handoffIndicator);
}

void
Pmipv6DualAccessDomain::Detach(uint32_t k)
{
    lif->SetPhysicalDeviceUp(k, false);
    magApp[k]->NotifyDetach(access[k], phys[k]->GetAddress());
}

void
Pmipv6DualAccessDomain::EnablePcap(const std::string& prefix)
{
    m_csma.EnablePcapAll(prefix);
    m_p2p.EnablePcapAll(prefix);
    if (firstAccess == WIFI_FIRST_ACCESS)
    {
        m_phy.EnablePcap(prefix, NetDeviceContainer(access[0], phys[0]));
    }
}

} // namespace ns3

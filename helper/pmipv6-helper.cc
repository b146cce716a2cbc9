/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pmipv6-helper.h"

#include "mobility-stack-helper.h"

#include "ns3/boolean.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-address-helper.h"
#include "ns3/ipv6-list-routing-helper.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/logical-interface-net-device.h"
#include "ns3/node.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6Helper");

namespace
{

/**
 * \brief Make every device an IPv6 interface (without a global address) if it is not one.
 * \param devices the devices
 */
void
EnsureIpv6Interfaces(NetDeviceContainer devices)
{
    NetDeviceContainer missing;
    for (auto it = devices.Begin(); it != devices.End(); ++it)
    {
        Ptr<Ipv6> ipv6 = (*it)->GetNode()->GetObject<Ipv6>();
        NS_ABORT_MSG_IF(!ipv6,
                        "node " << (*it)->GetNode()->GetId()
                                << " has no IPv6 stack: install InternetStackHelper first");
        if (ipv6->GetInterfaceForDevice(*it) < 0)
        {
            missing.Add(*it);
        }
    }
    if (missing.GetN() > 0)
    {
        Ipv6AddressHelper address;
        address.AssignWithoutAddress(missing);
    }
}

/**
 * \brief Add the Mobility Header and tunnel protocols to a node.
 * \param node the node
 */
void
InstallProtocols(Ptr<Node> node)
{
    MobilityStackHelper().Install(node);
    Ipv6TunnelL4Protocol::Install(node);
}

} // namespace

Pmipv6Helper::Pmipv6Helper()
    : m_profiles(CreateObject<Pmipv6ProfileStore>()),
      m_pool(CreateObject<PrefixPool>())
{
    m_lmaFactory.SetTypeId(Pmipv6LmaApplication::GetTypeId());
    m_magFactory.SetTypeId(Pmipv6MagApplication::GetTypeId());
}

void
Pmipv6Helper::InstallStack(NodeContainer nodes)
{
    Ipv6ListRoutingHelper list;
    list.Add(Ipv6StaticRoutingHelper(), 0);
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    stack.SetRoutingHelper(list);
    stack.Install(nodes);
}

void
Pmipv6Helper::SetLmaAttribute(const std::string& name, const AttributeValue& value)
{
    m_lmaFactory.Set(name, value);
}

void
Pmipv6Helper::SetMagAttribute(const std::string& name, const AttributeValue& value)
{
    m_magFactory.Set(name, value);
}

void
Pmipv6Helper::SetPrefixPool(Ipv6Address base, uint8_t baseLength, uint8_t allocatedLength)
{
    m_pool->SetAttribute("BasePrefix", Ipv6AddressValue(base));
    m_pool->SetAttribute("BasePrefixLength", UintegerValue(baseLength));
    m_pool->SetAttribute("AllocatedPrefixLength", UintegerValue(allocatedLength));
}

Ptr<Pmipv6ProfileStore>
Pmipv6Helper::GetProfileStore() const
{
    return m_profiles;
}

Ptr<Pmipv6LmaApplication>
Pmipv6Helper::InstallLma(Ptr<Node> node, Ipv6Address lmaAddress)
{
    NS_LOG_FUNCTION(this << node->GetId() << lmaAddress);
    InstallProtocols(node);
    // The LMA is a router; packets it turns around between two tunnels (MN to MN through one
    // MAG) must not draw ICMPv6 redirects.
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    ipv6->SetAttribute("IpForward", BooleanValue(true));
    ipv6->SetAttribute("SendIcmpv6Redirect", BooleanValue(false));
    Ptr<Pmipv6LmaApplication> lma = m_lmaFactory.Create<Pmipv6LmaApplication>();
    lma->SetAddress(lmaAddress);
    lma->SetProfileStore(m_profiles);
    lma->SetPrefixPool(m_pool);
    node->AddApplication(lma);
    return lma;
}

Ptr<Pmipv6MagApplication>
Pmipv6Helper::InstallMag(Ptr<Node> node,
                         Ipv6Address proxyCoa,
                         Ipv6Address lmaAddress,
                         NetDeviceContainer accessDevices,
                         uint8_t accessTechnologyType)
{
    NS_LOG_FUNCTION(this << node->GetId() << proxyCoa << lmaAddress);
    InstallProtocols(node);
    EnsureIpv6Interfaces(accessDevices);
    node->GetObject<Ipv6>()->SetAttribute("IpForward", BooleanValue(true));
    Ptr<Pmipv6MagApplication> mag = m_magFactory.Create<Pmipv6MagApplication>();
    mag->SetProxyCoa(proxyCoa);
    mag->SetAttribute("LmaAddress", Ipv6AddressValue(lmaAddress));
    mag->SetProfileStore(m_profiles);
    node->AddApplication(mag);
    for (auto it = accessDevices.Begin(); it != accessDevices.End(); ++it)
    {
        mag->AddAccessInterface(*it, accessTechnologyType);
    }
    return mag;
}

Ptr<Pmipv6MagApplication>
Pmipv6Helper::InstallWifiMag(Ptr<Node> node,
                             Ipv6Address proxyCoa,
                             Ipv6Address lmaAddress,
                             NetDeviceContainer apDevices)
{
    NS_LOG_FUNCTION(this << node->GetId() << proxyCoa << lmaAddress);
    InstallProtocols(node);
    EnsureIpv6Interfaces(apDevices);
    node->GetObject<Ipv6>()->SetAttribute("IpForward", BooleanValue(true));
    Ptr<Pmipv6MagApplication> mag = m_magFactory.Create<Pmipv6MagApplication>();
    mag->SetProxyCoa(proxyCoa);
    mag->SetAttribute("LmaAddress", Ipv6AddressValue(lmaAddress));
    mag->SetProfileStore(m_profiles);
    node->AddApplication(mag);
    for (auto it = apDevices.Begin(); it != apDevices.End(); ++it)
    {
        mag->AddWifiAccessPoint(*it);
    }
    return mag;
}

void
Pmipv6Helper::AddMobileNode(const std::string& mnId,
                            NetDeviceContainer devices,
                            Ipv6Address lmaAddress,
                            const std::vector<HomeNetworkPrefix>& prefixes)
{
    NS_LOG_FUNCTION(this << mnId << lmaAddress);
    EnsureIpv6Interfaces(devices);
    Pmipv6Profile profile;
    profile.mnId = mnId;
    profile.lmaAddress = lmaAddress;
    profile.homeNetworkPrefixes = prefixes;
    for (auto it = devices.Begin(); it != devices.End(); ++it)
    {
        Ptr<LogicalInterfaceNetDevice> lif = DynamicCast<LogicalInterfaceNetDevice>(*it);
        if (!lif)
        {
            profile.linkLayerAddresses.push_back((*it)->GetAddress());
            continue;
        }
        // A logical interface: each physical device attaches with its own MAC address, and the
        // MAG sends its Router Advertisements to the logical interface's link-local address.
        for (uint32_t port = 0; port < lif->GetNPhysicalDevices(); ++port)
        {
            profile.linkLayerAddresses.push_back(lif->GetPhysicalDevice(port)->GetAddress());
        }
        profile.mnLinkLocalAddress = lif->GetLinkLocalAddress();
    }
    for (const auto& prefix : prefixes)
    {
        m_pool->Reserve(prefix);
    }
    m_profiles->AddProfile(profile);
}

Ipv6Address
Pmipv6Helper::GetHomeAddress(Ptr<NetDevice> device, const HomeNetworkPrefix& prefix)
{
    return Ipv6Address::MakeAutoconfiguredAddress(device->GetAddress(), prefix.prefix);
}

} // namespace ns3

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pmipv6-helper.h"

#include "mobility-stack-helper.h"

#include "ns3/arp-cache.h"
#include "ns3/boolean.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-list-routing-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv6-address-helper.h"
#include "ns3/ipv6-list-routing-helper.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/ipv6.h"
#include "ns3/lma-ipv4-transport-extension.h"
#include "ns3/log.h"
#include "ns3/logical-interface-net-device.h"
#include "ns3/mag-ipv4-transport-extension.h"
#include "ns3/node.h"
#include "ns3/pmipv6-ipv4-transport.h"
#include "ns3/pmipv6-wifi-association-bridge.h"
#include "ns3/uinteger.h"

#include <unordered_map>

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

/**
 * \brief The mobile nodes whose IPv4 home address the helper configures (in place of DHCP).
 */
class Ipv4MobileNodeRegistry : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::Pmipv6HelperIpv4MobileNodeRegistry")
                                .SetParent<Object>()
                                .SetGroupName("Pmipv6");
        return tid;
    }

    /// One mobile node.
    struct MobileNode
    {
        Ptr<NetDevice> device;  ///< its device
        uint32_t magNode{0};    ///< node id of the MAG that configured it last
        bool configured{false}; ///< configured at least once
        bool dhcp{false};       ///< configured by DHCP (only the ARP flush here)
    };

    std::unordered_map<std::string, MobileNode> nodes; ///< by MN-ID

  protected:
    void DoDispose() override
    {
        nodes.clear();
        Object::DoDispose();
    }
};

/**
 * \brief MagIpv4Extension's Ipv4HomeAddress trace: configure the mobile node.
 * \param registry the registered mobile nodes
 * \param magNode the MAG's node id
 * \param mnId the MN-ID
 * \param address its IPv4 home address
 * \param router its default router
 */
void
ConfigureIpv4MobileNode(Ptr<Ipv4MobileNodeRegistry> registry,
                        uint32_t magNode,
                        const std::string& mnId,
                        Ipv4Address address,
                        Ipv4Address router)
{
    auto it = registry->nodes.find(mnId);
    if (it == registry->nodes.end())
    {
        return;
    }
    Ipv4MobileNodeRegistry::MobileNode& mn = it->second;
    Ptr<Ipv4L3Protocol> ipv4 = mn.device->GetNode()->GetObject<Ipv4L3Protocol>();
    int32_t interface = ipv4 ? ipv4->GetInterfaceForDevice(mn.device) : -1;
    if (interface < 0)
    {
        return;
    }
    bool present = mn.dhcp; // DHCP configures the address (MagDhcpServer, DhcpClient)
    for (uint32_t k = 0; k < ipv4->GetNAddresses(interface) && !present; ++k)
    {
        present = present || ipv4->GetAddress(interface, k).GetLocal() == address;
    }
    if (!present)
    {
        // A /32 with a host route to the router: every other address, other MNs' home
        // addresses in the same pool included, is reached through the MAG (RFC 5844:
        // the MAG forwards all of the MN's traffic to the LMA).
        ipv4->AddAddress(interface, Ipv4InterfaceAddress(address, Ipv4Mask("/32")));
        NS_LOG_INFO("MN " << mnId << ": IPv4 home address " << address << ", router " << router);
        Ptr<Ipv4StaticRouting> routing = Ipv4StaticRoutingHelper().GetStaticRouting(ipv4);
        if (routing && router != Ipv4Address::GetAny())
        {
            routing->AddHostRouteTo(router, interface);
            routing->SetDefaultRoute(router, interface);
        }
    }
    if (mn.configured && mn.magNode != magNode)
    {
        // a new link: the default router's address is the same, its MAC is the new MAG's
        ipv4->GetInterface(interface)->GetArpCache()->Flush();
    }
    mn.configured = true;
    mn.magNode = magNode;
}

} // namespace

NS_OBJECT_ENSURE_REGISTERED(Ipv4MobileNodeRegistry);

Pmipv6Helper::Pmipv6Helper()
    : m_profiles(CreateObject<Pmipv6ProfileStore>()),
      m_pool(CreateObject<PrefixPool>()),
      m_ipv4MobileNodes(CreateObject<Ipv4MobileNodeRegistry>())
{
    m_lmaFactory.SetTypeId(Pmipv6LmaApplication::GetTypeId());
    m_magFactory.SetTypeId(Pmipv6MagApplication::GetTypeId());
    m_dhcpClientFactory.SetTypeId(DhcpClient::GetTypeId());
    // an OFFER comes from the one MAG the MN is on: no need to collect offers for 5 s;
    // a DISCOVER the MAG could not take (no attachment yet) is repeated after 1 s
    m_dhcpClientFactory.Set("Collect", TimeValue(MilliSeconds(10)));
    m_dhcpClientFactory.Set("RTRS", TimeValue(Seconds(1)));
}

void
Pmipv6Helper::InstallStack(NodeContainer nodes, bool ipv4)
{
    Ipv6ListRoutingHelper list;
    list.Add(Ipv6StaticRoutingHelper(), 0);
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(ipv4);
    if (ipv4)
    {
        Ipv4ListRoutingHelper list4;
        list4.Add(Ipv4StaticRoutingHelper(), 0);
        stack.SetRoutingHelper(list4);
    }
    stack.SetRoutingHelper(list);
    stack.Install(nodes);
}

Ptr<LmaIpv4Extension>
Pmipv6Helper::EnableIpv4(Ptr<Pmipv6LmaApplication> lma)
{
    Ptr<Ipv4> ipv4 = lma->GetNode()->GetObject<Ipv4>();
    if (ipv4)
    {
        ipv4->SetAttribute("IpForward", BooleanValue(true));
    }
    Ptr<LmaIpv4Extension> extension = CreateObject<LmaIpv4Extension>();
    lma->AddExtension(extension);
    return extension;
}

Ptr<MagIpv4Extension>
Pmipv6Helper::EnableIpv4(Ptr<Pmipv6MagApplication> mag)
{
    Ptr<Ipv4> ipv4 = mag->GetNode()->GetObject<Ipv4>();
    if (ipv4)
    {
        ipv4->SetAttribute("IpForward", BooleanValue(true));
    }
    Ptr<MagIpv4Extension> extension = CreateObject<MagIpv4Extension>();
    mag->AddExtension(extension);
    mag->AddExtension(CreateObject<MagDhcpServer>());
    extension->TraceConnectWithoutContext(
        "Ipv4HomeAddress",
        MakeBoundCallback(&ConfigureIpv4MobileNode,
                          DynamicCast<Ipv4MobileNodeRegistry>(m_ipv4MobileNodes),
                          mag->GetNode()->GetId()));
    return extension;
}

void
Pmipv6Helper::EnableIpv4MobileNode(const std::string& mnId, Ptr<NetDevice> device)
{
    const Pmipv6Profile* found = m_profiles->Lookup(mnId);
    NS_ABORT_MSG_IF(!found, "EnableIpv4MobileNode: " << mnId << " has no profile (AddMobileNode)");
    Pmipv6Profile profile = *found;
    profile.ipv4HomeAddressMobility = true;
    m_profiles->RemoveProfile(mnId);
    m_profiles->AddProfile(profile);
    Ptr<Ipv4> ipv4 = device->GetNode()->GetObject<Ipv4>();
    NS_ABORT_MSG_IF(!ipv4,
                    "EnableIpv4MobileNode: node " << device->GetNode()->GetId()
                                                  << " has no IPv4 (InstallStack(nodes, true))");
    int32_t interface = ipv4->GetInterfaceForDevice(device);
    if (interface < 0)
    {
        interface = static_cast<int32_t>(ipv4->AddInterface(device));
    }
    ipv4->SetUp(interface);
    DynamicCast<Ipv4MobileNodeRegistry>(m_ipv4MobileNodes)->nodes[mnId] =
        Ipv4MobileNodeRegistry::MobileNode{device, 0, false};
}

Ptr<DhcpClient>
Pmipv6Helper::EnableIpv4MobileNode(const std::string& mnId,
                                   Ptr<NetDevice> device,
                                   bool dhcp,
                                   Time start,
                                   bool ipv4Only)
{
    EnableIpv4MobileNode(mnId, device);
    if (ipv4Only)
    {
        Pmipv6Profile profile = *m_profiles->Lookup(mnId);
        profile.ipv4Only = true;
        m_profiles->RemoveProfile(mnId);
        m_profiles->AddProfile(profile);
        NS_LOG_INFO("MN " << mnId << ": IPv4 only (no home network prefix)");
    }
    if (!dhcp)
    {
        return nullptr;
    }
    DynamicCast<Ipv4MobileNodeRegistry>(m_ipv4MobileNodes)->nodes[mnId].dhcp = true;
    Ptr<DhcpClient> client = m_dhcpClientFactory.Create<DhcpClient>();
    client->SetDhcpClientNetDevice(device);
    client->SetStartTime(start);
    device->GetNode()->AddApplication(client);
    NS_LOG_INFO("MN " << mnId << ": DHCP client from " << start.As(Time::S));
    return client;
}

void
Pmipv6Helper::SetDhcpClientAttribute(const std::string& name, const AttributeValue& value)
{
    m_dhcpClientFactory.Set(name, value);
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

Ipv6Address
Pmipv6Helper::GetIpv4TransportAddress(Ipv4Address ipv4)
{
    return Pmipv6Ipv4Transport::MapIpv4(ipv4);
}

Ptr<Pmipv6LmaApplication>
Pmipv6Helper::InstallLma(Ptr<Node> node, Ipv4Address ipv4Lmaa)
{
    NS_LOG_FUNCTION(this << node->GetId() << ipv4Lmaa);
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    NS_ABORT_MSG_IF(!ipv4,
                    "InstallLma(IPv4 transport): node has no IPv4 (InstallStack(nodes, true))");
    ipv4->SetAttribute("IpForward", BooleanValue(true));
    Ptr<Pmipv6Ipv4Transport> transport = Pmipv6Ipv4Transport::Install(node, ipv4Lmaa);
    Ptr<Pmipv6LmaApplication> lma = InstallLma(node, transport->GetLocalIpv6Address());
    lma->AddExtension(CreateObject<LmaIpv4TransportExtension>());
    return lma;
}

Ptr<Pmipv6MagApplication>
Pmipv6Helper::InstallMag(Ptr<Node> node,
                         Ipv4Address ipv4ProxyCoa,
                         Ipv4Address ipv4Lmaa,
                         NetDeviceContainer accessDevices,
                         uint8_t accessTechnologyType)
{
    NS_LOG_FUNCTION(this << node->GetId() << ipv4ProxyCoa << ipv4Lmaa);
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    NS_ABORT_MSG_IF(!ipv4,
                    "InstallMag(IPv4 transport): node has no IPv4 (InstallStack(nodes, true))");
    ipv4->SetAttribute("IpForward", BooleanValue(true));
    Ptr<Pmipv6Ipv4Transport> transport = Pmipv6Ipv4Transport::Install(node, ipv4ProxyCoa);
    Ipv6Address lmaa = GetIpv4TransportAddress(ipv4Lmaa);
    transport->SetPeer(lmaa, ipv4Lmaa);
    Ptr<Pmipv6MagApplication> mag = InstallMag(node,
                                               transport->GetLocalIpv6Address(),
                                               lmaa,
                                               accessDevices,
                                               accessTechnologyType);
    mag->AddExtension(CreateObject<MagIpv4TransportExtension>());
    return mag;
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
            // ns-3 <= 3.31: a Wi-Fi station reports its association to the AP's MAG.
            Pmipv6WifiAssociationBridge::ConnectStation(*it);
            continue;
        }
        // A logical interface: each physical device attaches with its own MAC address, and the
        // MAG sends its Router Advertisements to the logical interface's link-local address.
        for (uint32_t port = 0; port < lif->GetNPhysicalDevices(); ++port)
        {
            profile.linkLayerAddresses.push_back(lif->GetPhysicalDevice(port)->GetAddress());
            Pmipv6WifiAssociationBridge::ConnectStation(lif->GetPhysicalDevice(port));
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

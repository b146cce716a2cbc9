/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "logical-interface-helper.h"

#include "ns3/abort.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/loopback-net-device.h"
#include "ns3/node.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LogicalInterfaceHelper");

LogicalInterfaceHelper::LogicalInterfaceHelper()
{
    m_factory.SetTypeId(LogicalInterfaceNetDevice::GetTypeId());
}

void
LogicalInterfaceHelper::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

Ptr<LogicalInterfaceNetDevice>
LogicalInterfaceHelper::Install(NetDeviceContainer physicalDevices) const
{
    NS_ABORT_MSG_IF(physicalDevices.GetN() == 0, "LogicalInterfaceHelper: no physical device");
    Ptr<Node> node = physicalDevices.Get(0)->GetNode();
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    NS_ABORT_MSG_IF(!ipv6, "LogicalInterfaceHelper: install IPv6 on the node first");
    Ptr<LogicalInterfaceNetDevice> lif = m_factory.Create<LogicalInterfaceNetDevice>();
    node->AddDevice(lif);
    for (auto it = physicalDevices.Begin(); it != physicalDevices.End(); ++it)
    {
        lif->AddPhysicalDevice(*it);
    }
    uint32_t interface = ipv6->AddInterface(lif);
    ipv6->SetForwarding(interface, false);
    ipv6->SetUp(interface);
    NS_LOG_INFO("node " << node->GetId() << ": logical interface " << interface << " over "
                        << physicalDevices.GetN() << " physical devices, link-local "
                        << lif->GetLinkLocalAddress());
    return lif;
}

NetDeviceContainer
LogicalInterfaceHelper::Install(NodeContainer nodes) const
{
    NetDeviceContainer result;
    for (auto n = nodes.Begin(); n != nodes.End(); ++n)
    {
        Ptr<Ipv6> ipv6 = (*n)->GetObject<Ipv6>();
        NS_ABORT_MSG_IF(!ipv6, "LogicalInterfaceHelper: install IPv6 on the node first");
        NetDeviceContainer physical;
        for (uint32_t d = 0; d < (*n)->GetNDevices(); ++d)
        {
            Ptr<NetDevice> device = (*n)->GetDevice(d);
            if (!DynamicCast<LoopbackNetDevice>(device) && ipv6->GetInterfaceForDevice(device) < 0)
            {
                physical.Add(device);
            }
        }
        result.Add(Install(physical));
    }
    return result;
}

} // namespace ns3

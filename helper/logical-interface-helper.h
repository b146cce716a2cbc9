/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LOGICAL_INTERFACE_HELPER_H
#define PMIPV6_LOGICAL_INTERFACE_HELPER_H

#include "ns3/logical-interface-net-device.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Builds a multi-interface mobile node: a LogicalInterfaceNetDevice over a node's
 * physical devices, added to the node and made its (one) IPv6 interface, up, without global
 * address (a PMIPv6 MAG's Router Advertisement brings the home network prefixes).
 *
 * The node must have IPv6 (e.g. Pmipv6Helper::InstallStack) and its physical devices must not
 * be IPv6 interfaces. Give the logical device to Pmipv6Helper::AddMobileNode: the profile then
 * lists the physical devices' MAC addresses (each its own attachment) and the logical device's
 * link-local address (Pmipv6Profile::mnLinkLocalAddress).
 */
class LogicalInterfaceHelper
{
  public:
    /// \brief A helper for ns3::LogicalInterfaceNetDevice.
    LogicalInterfaceHelper();

    /**
     * \brief Set an attribute of the logical devices to be installed.
     * \param name attribute name
     * \param value value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Install a logical device over physical devices of one node.
     * \param physicalDevices the devices (all on one node; the first is the default device
     * unless the DefaultInterface attribute says otherwise)
     * \return the logical device
     */
    Ptr<LogicalInterfaceNetDevice> Install(NetDeviceContainer physicalDevices) const;

    /**
     * \brief Install a logical device on each node over all its devices that are neither
     * IPv6 interfaces nor loopback.
     * \param nodes the nodes
     * \return the logical devices, one per node
     */
    NetDeviceContainer Install(NodeContainer nodes) const;

  private:
    ObjectFactory m_factory; ///< builds the logical devices
};

} // namespace ns3

#endif /* PMIPV6_LOGICAL_INTERFACE_HELPER_H */

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MOBILITY_STACK_HELPER_H
#define PMIPV6_MOBILITY_STACK_HELPER_H

#include "ns3/mobility-l4-protocol.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Adds the Mobility Header protocol (IPv6 next header 135) to nodes that already have
 * an IPv6 stack (InternetStackHelper).
 */
class MobilityStackHelper
{
  public:
    MobilityStackHelper();

    /**
     * \brief Set an attribute of the MobilityL4Protocol objects to be created.
     * \param name the attribute name
     * \param value the value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Aggregate a MobilityL4Protocol to a node, unless it has one.
     * \param node the node (must have IPv6)
     * \return the node's protocol
     */
    Ptr<MobilityL4Protocol> Install(Ptr<Node> node) const;

    /**
     * \brief Aggregate a MobilityL4Protocol to each node, unless it has one.
     * \param nodes the nodes (must have IPv6)
     */
    void Install(NodeContainer nodes) const;

    /**
     * \brief The MobilityL4Protocol of a node.
     * \param node the node
     * \return the protocol, or nullptr
     */
    static Ptr<MobilityL4Protocol> Get(Ptr<Node> node);

  private:
    ObjectFactory m_factory; ///< builds MobilityL4Protocol objects
};

} // namespace ns3

#endif /* PMIPV6_MOBILITY_STACK_HELPER_H */

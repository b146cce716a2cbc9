/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LIST_ROUTING_INSTALL_H
#define PMIPV6_LIST_ROUTING_INSTALL_H

#include "ns3/abort.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6.h"
#include "ns3/node.h"
#include "ns3/object.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Add a routing protocol of type \p T to a node's Ipv6ListRouting, once.
 *
 * The LMA's and the MAG's routing protocols sit in the node's Ipv6ListRouting above
 * Ipv6StaticRouting. ns-3.37's InternetStackHelper installs a plain Ipv6StaticRouting by
 * default, and an Ipv6StaticRouting that already has its Ipv6 cannot be moved into a list
 * (its SetIpv6 asserts it is called once), so the list must come from the stack
 * installation: without it this aborts with a message that says how to install one.
 * \tparam T the routing protocol (an Ipv6RoutingProtocol with a default constructor)
 * \param node the node, with IPv6
 * \param priority the protocol's priority in the list
 * \return the node's protocol of type \p T: the one already in the list, or a new one
 */
template <class T>
Ptr<T>
InstallInListRouting(Ptr<Node> node, int16_t priority)
{
    const std::string who = T::GetTypeId().GetName() + "::Install";
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    NS_ABORT_MSG_IF(!ipv6, who << ": node " << node->GetId() << " has no IPv6");
    Ptr<Ipv6ListRouting> list = DynamicCast<Ipv6ListRouting>(ipv6->GetRoutingProtocol());
    NS_ABORT_MSG_IF(!list,
                    who << ": the IPv6 routing protocol of node " << node->GetId() << " is a "
                        << ipv6->GetRoutingProtocol()->GetInstanceTypeId().GetName()
                        << ", not an Ipv6ListRouting. Install the internet stack with "
                           "Ipv6ListRoutingHelper list; list.Add(Ipv6StaticRoutingHelper(), 0); "
                           "stack.SetRoutingHelper(list);");
    for (uint32_t i = 0; i < list->GetNRoutingProtocols(); i++)
    {
        int16_t p;
        Ptr<T> existing = DynamicCast<T>(list->GetRoutingProtocol(i, p));
        if (existing)
        {
            return existing;
        }
    }
    Ptr<T> protocol = CreateObject<T>();
    list->AddRoutingProtocol(protocol, priority);
    return protocol;
}

} // namespace ns3

#endif // PMIPV6_LIST_ROUTING_INSTALL_H

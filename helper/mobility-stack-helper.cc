/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mobility-stack-helper.h"

#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MobilityStackHelper");

MobilityStackHelper::MobilityStackHelper()
{
    m_factory.SetTypeId(MobilityL4Protocol::GetTypeId());
}

void
MobilityStackHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

Ptr<MobilityL4Protocol>
MobilityStackHelper::Install(Ptr<Node> node) const
{
    NS_LOG_FUNCTION(this << node->GetId());
    Ptr<MobilityL4Protocol> existing = node->GetObject<MobilityL4Protocol>();
    if (existing)
    {
        return existing;
    }
    NS_ABORT_MSG_IF(!node->GetObject<Ipv6>(),
                    "node " << node->GetId() << " has no IPv6 stack: install it first");
    Ptr<MobilityL4Protocol> mh = m_factory.Create<MobilityL4Protocol>();
    node->AggregateObject(mh);
    return mh;
}

void
MobilityStackHelper::Install(NodeContainer nodes) const
{
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Install(*it);
    }
}

Ptr<MobilityL4Protocol>
MobilityStackHelper::Get(Ptr<Node> node)
{
    return node->GetObject<MobilityL4Protocol>();
}

} // namespace ns3

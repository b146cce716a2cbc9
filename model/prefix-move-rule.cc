/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "prefix-move-rule.h"

#include "pmipv6-wire-numbers.h"

#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PrefixMoveRule");

NS_OBJECT_ENSURE_REGISTERED(PrefixMoveRule);

TypeId
PrefixMoveRule::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PrefixMoveRule")
            .SetParent<Object>()
            .SetGroupName("Pmipv6")
            .AddConstructor<PrefixMoveRule>()
            .AddAttribute("AccessTechnologyType",
                          "The Access Technology Type (RFC 5213 8.5) of the new interface's PBU "
                          "the rule applies to; 0 = any.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PrefixMoveRule::m_accessTechnologyType),
                          MakeUintegerChecker<uint8_t>());
    return tid;
}

PrefixMoveRule::PrefixMoveRule()
    : m_accessTechnologyType(0)
{
    NS_LOG_FUNCTION(this);
}

PrefixMoveRule::~PrefixMoveRule()
{
    NS_LOG_FUNCTION(this);
}

void
PrefixMoveRule::AddPrefix(const HomeNetworkPrefix& prefix)
{
    m_prefixes.push_back(prefix);
}

void
PrefixMoveRule::AddFlow(const TrafficSelector& selector)
{
    m_flows.push_back(selector);
}

bool
PrefixMoveRule::Applies(const ProxyBindingRequest& req) const
{
    return req.handoffIndicator == mip6::HI_NEW_INTERFACE && req.prefixes.empty() &&
           (m_accessTechnologyType == 0 || req.accessTechnologyType == m_accessTechnologyType);
}

std::vector<HomeNetworkPrefix>
PrefixMoveRule::SelectPrefixes(const ProxyBindingRequest& req,
                               const std::vector<Ptr<BindingCacheEntry>>& sessions) const
{
    std::vector<HomeNetworkPrefix> out;
    if (!Applies(req))
    {
        return out;
    }
    for (const auto& prefix : m_prefixes)
    {
        for (const auto& s : sessions)
        {
            const auto& held = s->homeNetworkPrefixes;
            if (std::find(held.begin(), held.end(), prefix) != held.end())
            {
                out.push_back(prefix);
                break;
            }
        }
    }
    return out;
}

std::vector<TrafficSelector>
PrefixMoveRule::SelectFlows(const ProxyBindingRequest& req) const
{
    return Applies(req) ? m_flows : std::vector<TrafficSelector>();
}

} // namespace ns3

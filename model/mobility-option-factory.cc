/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The one place that maps a Mobility Header option Type octet to the class that decodes it.
 * Each option family (one .h/.cc pair) exports a creator that knows its own types.
 */

#include "flow-attribute-option.h"
#include "flow-binding-options.h"
#include "flow-options.h"
#include "heartbeat-header.h"
#include "ipv4-options.h"
#include "local-routing-options.h"
#include "mobility-option.h"
#include "multihoming-options.h"
#include "pmipv6-options.h"

namespace ns3
{

Ptr<MobilityOption>
CreateMobilityOption(uint8_t type)
{
    static const MobilityOptionList::Factory families[] = {
        &CreatePmipv6Option,
        &CreateFlowOption,
        &CreateFlowAttributeOption,
        &CreateMultihomingOption,
        &CreateFlowBindingOption,
        &CreateLocalRoutingOption,
        &CreateHeartbeatOption,
        &CreateIpv4Option,
    };
    for (auto create : families)
    {
        Ptr<MobilityOption> option = create(type);
        if (option)
        {
            return option;
        }
    }
    return nullptr;
}

} // namespace ns3

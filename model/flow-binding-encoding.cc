/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "flow-binding-encoding.h"

#include "flow-binding-sub-options.h"

#include <algorithm>

namespace ns3
{

uint8_t
FlowBindingActionForPro(uint8_t pro)
{
    switch (pro)
    {
    case mip6::FA_PRO_ADD:
        return mip6::FB_ACTION_ADD;
    case mip6::FA_PRO_DELETE:
        return mip6::FB_ACTION_DELETE;
    case mip6::FA_PRO_MODIFY:
        return mip6::FB_ACTION_MODIFY;
    case mip6::FA_PRO_REFRESH:
        return mip6::FB_ACTION_REFRESH;
    case mip6::FA_PRO_MOVE:
        return mip6::FB_ACTION_MOVE;
    case mip6::FA_PRO_SWITCH:
        return mip6::FB_ACTION_REVOKE;
    default:
        return 0;
    }
}

uint8_t
ProForFlowBindingAction(uint8_t action, bool alternateLma)
{
    switch (action)
    {
    case mip6::FB_ACTION_ADD:
        return mip6::FA_PRO_ADD;
    case mip6::FB_ACTION_DELETE:
        return mip6::FA_PRO_DELETE;
    case mip6::FB_ACTION_MODIFY:
        return mip6::FA_PRO_MODIFY;
    case mip6::FB_ACTION_REFRESH:
        return mip6::FA_PRO_REFRESH;
    case mip6::FB_ACTION_MOVE:
        return mip6::FA_PRO_MOVE;
    case mip6::FB_ACTION_REVOKE:
        // the anchor revokes the flow binding: with alternate LMAs the draft's switch, without
        // them the flow binding is simply gone
        return alternateLma ? mip6::FA_PRO_SWITCH : mip6::FA_PRO_DELETE;
    default:
        return mip6::FA_PRO_RESERVED;
    }
}

Ptr<FlowIdentificationOption>
FlowAttributeToFlowId(const FlowAttributeOption& fa)
{
    Ptr<FlowIdentificationOption> fid =
        Create<FlowIdentificationOption>(fa.GetFlowId(), fa.GetPriority());
    fid->SetStatus(fa.GetStatus());
    fid->AddSubOption(Create<FlowBindingActionSubOption>(FlowBindingActionForPro(fa.GetPro())));
    Ptr<TargetCareOfAddressSubOption> target = fa.GetTargetCareOfAddress();
    if (target)
    {
        Ptr<FlowIdTargetCareOfAddressSubOption> t = Create<FlowIdTargetCareOfAddressSubOption>();
        if (target->IsIpv4())
        {
            t->SetAddress(target->GetIpv4Address());
        }
        else
        {
            t->SetAddress(target->GetIpv6Address());
        }
        fid->AddSubOption(t);
    }
    Ptr<AlternateLmaSubOption> alt = fa.GetAlternateLma();
    if (alt)
    {
        fid->AddSubOption(Create<FlowIdAlternateLmaSubOption>(alt->GetAddresses()));
    }
    if (fa.GetLifetime() != 0)
    {
        fid->AddSubOption(Create<FlowBindingLifetimeSubOption>(fa.GetLifetime()));
    }
    if (fa.IsFlowDescriptionSupported())
    {
        fid->AddTrafficSelector(fa.GetFlowDescription());
    }
    return fid;
}

Ptr<FlowAttributeOption>
FlowIdToFlowAttribute(const FlowIdentificationOption& fid)
{
    const MobilityOptionList& subs = fid.GetSubOptions();
    Ptr<FlowBindingActionSubOption> action = subs.Find<FlowBindingActionSubOption>();
    Ptr<FlowIdAlternateLmaSubOption> alt = subs.Find<FlowIdAlternateLmaSubOption>();
    Ptr<FlowAttributeOption> fa = Create<FlowAttributeOption>();
    fa->SetPro(action ? ProForFlowBindingAction(action->GetAction(), alt != nullptr)
                      : static_cast<uint8_t>(mip6::FA_PRO_RESERVED));
    const uint16_t maxPri = 255;
    fa->SetPriority(static_cast<uint8_t>(std::min(fid.GetPriority(), maxPri)));
    fa->SetFlowId(fid.GetFid());
    fa->SetStatus(fid.GetStatus());
    Ptr<FlowBindingLifetimeSubOption> lifetime = subs.Find<FlowBindingLifetimeSubOption>();
    fa->SetLifetime(lifetime ? lifetime->GetLifetime() : 0);
    Ptr<FlowIdTargetCareOfAddressSubOption> target =
        subs.Find<FlowIdTargetCareOfAddressSubOption>();
    if (target)
    {
        fa->AddSubOption(target->IsIpv4()
                             ? Create<TargetCareOfAddressSubOption>(target->GetIpv4Address())
                             : Create<TargetCareOfAddressSubOption>(target->GetIpv6Address()));
    }
    if (alt && !alt->GetAddresses().empty())
    {
        fa->AddSubOption(Create<AlternateLmaSubOption>(alt->GetAddresses()));
    }
    Ptr<TrafficSelectorSubOption> ts = fid.GetTrafficSelectorSubOption();
    if (ts && ts->IsFormatSupported())
    {
        fa->SetFlowDescription(ts->GetTrafficSelector());
    }
    return fa;
}

} // namespace ns3

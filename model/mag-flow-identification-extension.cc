/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mag-flow-identification-extension.h"

#include "flow-binding-options.h"
#include "flow-options.h"
#include "pmipv6-mag-application.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagFlowIdentificationExtension");

NS_OBJECT_ENSURE_REGISTERED(MagFlowIdentificationExtension);

TypeId
MagFlowIdentificationExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MagFlowIdentificationExtension")
            .SetParent<Pmipv6MagExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MagFlowIdentificationExtension>()
            .AddAttribute("OptionType",
                          "The Flow Identification option sent: 243 (draft-soliman-monami6-"
                          "flow-binding) or 45 (RFC 6089, with the Flow Summary option 44).",
                          UintegerValue(mip6::OPT_FB_FLOW_IDENTIFICATION),
                          MakeUintegerAccessor(&MagFlowIdentificationExtension::m_optionType),
                          MakeUintegerChecker<uint8_t>(mip6::OPT_FLOW_IDENTIFICATION,
                                                       mip6::OPT_FB_FLOW_IDENTIFICATION))
            .AddAttribute("BidPriority",
                          "BID-PRI of the Binding Identifier option in each PBU (lower value "
                          "preferred for the default binding); 0 = no Binding Identifier "
                          "option.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&MagFlowIdentificationExtension::m_bidPriority),
                          MakeUintegerChecker<uint8_t>(0, 127))
            .AddTraceSource("FlowAck",
                            "A flow request was acknowledged (or not) by a PBA.",
                            MakeTraceSourceAccessor(&MagFlowIdentificationExtension::m_ackTrace),
                            "ns3::MagFlowIdentificationExtension::FlowAckTracedCallback");
    return tid;
}

MagFlowIdentificationExtension::MagFlowIdentificationExtension()
    : m_optionType(mip6::OPT_FB_FLOW_IDENTIFICATION),
      m_bidPriority(0)
{
    NS_LOG_FUNCTION(this);
}

MagFlowIdentificationExtension::~MagFlowIdentificationExtension()
{
    NS_LOG_FUNCTION(this);
}

void
MagFlowIdentificationExtension::AddFlow(const std::string& mnId, const Flow& flow)
{
    Queue(mnId, {mip6::FBID_PRO_ADD, flow});
}

void
MagFlowIdentificationExtension::ModifyFlow(const std::string& mnId, const Flow& flow)
{
    Queue(mnId, {mip6::FBID_PRO_REPLACE, flow});
}

void
MagFlowIdentificationExtension::RemoveFlow(const std::string& mnId, uint16_t fid)
{
    State& st = m_state[mnId];
    Op op{mip6::FBID_PRO_REMOVE, Flow()};
    auto it = st.active.find(fid);
    if (it != st.active.end())
    {
        op.flow = it->second;
    }
    op.flow.fid = fid;
    Queue(mnId, op);
}

void
MagFlowIdentificationExtension::AddRawOption(const std::string& mnId, Ptr<MobilityOption> option)
{
    m_state[mnId].raw.push_back(option);
    Trigger(mnId);
}

void
MagFlowIdentificationExtension::Queue(const std::string& mnId, const Op& op)
{
    NS_LOG_FUNCTION(this << mnId << op.flow.fid << +op.pro);
    m_state[mnId].pending.push_back(op);
    Trigger(mnId);
}

void
MagFlowIdentificationExtension::Trigger(const std::string& mnId)
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    if (!mag)
    {
        return; // not registered yet: the options go with the first PBU
    }
    for (const auto& entry : mag->GetBindingUpdateList()->FindByMnId(mnId))
    {
        // not REGISTERED: a PBU is in flight and carries the options (retransmissions), or
        // NotifyBinding sends the next one
        if (mag->RefreshNow(entry->id))
        {
            return;
        }
    }
}

bool
MagFlowIdentificationExtension::IsFlowActive(const std::string& mnId, uint16_t fid) const
{
    auto it = m_state.find(mnId);
    return it != m_state.end() && it->second.active.count(fid) != 0;
}

int
MagFlowIdentificationExtension::GetLastStatus(const std::string& mnId, uint16_t fid) const
{
    auto it = m_state.find(mnId);
    if (it == m_state.end())
    {
        return -1;
    }
    auto s = it->second.lastStatus.find(fid);
    return s == it->second.lastStatus.end() ? -1 : s->second;
}

uint16_t
MagFlowIdentificationExtension::GetBindingId(const std::string& mnId) const
{
    auto it = m_state.find(mnId);
    return it == m_state.end() ? 0 : it->second.bid;
}

uint64_t
MagFlowIdentificationExtension::GetUnacknowledgedCount() const
{
    return m_unacknowledged;
}

Ptr<MobilityOption>
MagFlowIdentificationExtension::MakeOption(const Op& op, uint16_t ownBid) const
{
    const Flow& f = op.flow;
    if (m_optionType == mip6::OPT_FB_FLOW_IDENTIFICATION)
    {
        Ptr<FbFlowIdentificationOption> o = Create<FbFlowIdentificationOption>();
        o->SetPriority(static_cast<uint8_t>(f.priority));
        o->SetFlowId(f.fid);
        o->SetAction(f.action);
        o->SetPro(op.pro);
        if (op.pro != mip6::FBID_PRO_REMOVE)
        {
            if (f.hasDescription)
            {
                o->SetFlowDescription(f.selector);
            }
            o->SetBindingIds(f.bids);
        }
        return o;
    }
    // RFC 6089 coding (the module's reading): remove = the FID without sub-options; discard =
    // BID Reference {0}; forward / n-cast = the BIDs (the MAG's own BID when none is given)
    Ptr<FlowIdentificationOption> o = Create<FlowIdentificationOption>(f.fid, f.priority);
    if (op.pro == mip6::FBID_PRO_REMOVE)
    {
        return o;
    }
    if (f.hasDescription)
    {
        o->AddTrafficSelector(f.selector);
    }
    if (f.action == mip6::FBID_ACTION_DISCARD)
    {
        o->AddBidReference({0});
    }
    else if (!f.bids.empty())
    {
        o->AddBidReference(f.bids);
    }
    else if (ownBid != 0)
    {
        o->AddBidReference({ownBid});
    }
    return o;
}

void
MagFlowIdentificationExtension::AddPbuOptions(BindingUpdateHeader& pbu,
                                              Ptr<const BindingUpdateListEntry> entry)
{
    NS_LOG_FUNCTION(this << entry->mnId);
    State& st = m_state[entry->mnId];
    if (m_bidPriority != 0 && !pbu.GetOptions().Find<BindingIdentifierOption>())
    {
        // the LMA assigns the BID; the MAG repeats the one it learnt (0 before the first PBA)
        Ptr<BindingIdentifierOption> bid = Create<BindingIdentifierOption>(st.bid);
        bid->SetPriority(m_bidPriority);
        pbu.AddOption(bid);
    }
    st.sentOps = 0;
    st.sentRaw = 0;
    st.sentRefresh.clear();
    if (entry->state == BindingUpdateListEntry::DEREGISTERING)
    {
        return; // the flow bindings go with the binding
    }
    // 4.7: resend every accepted flow binding (refresh) that no queued operation replaces
    std::vector<uint16_t> summary;
    for (const auto& [fid, flow] : st.active)
    {
        bool queued = std::any_of(st.pending.begin(), st.pending.end(), [fid = fid](const Op& op) {
            return op.flow.fid == fid;
        });
        if (queued)
        {
            continue;
        }
        st.sentRefresh.push_back(fid);
        if (m_optionType == mip6::OPT_FB_FLOW_IDENTIFICATION)
        {
            pbu.AddOption(MakeOption({mip6::FBID_PRO_REFRESH, flow}, st.bid));
        }
        else
        {
            summary.push_back(fid);
        }
    }
    if (!summary.empty())
    {
        pbu.AddOption(Create<FlowSummaryOption>(summary));
    }
    for (const auto& op : st.pending)
    {
        pbu.AddOption(MakeOption(op, st.bid));
    }
    st.sentOps = st.pending.size();
    for (const auto& option : st.raw)
    {
        pbu.AddOption(option);
    }
    st.sentRaw = st.raw.size();
}

void
MagFlowIdentificationExtension::NotifyPba(const BindingAckHeader& pba,
                                          Ptr<BindingUpdateListEntry> entry)
{
    NS_LOG_FUNCTION(this << entry->mnId);
    const std::string& mnId = entry->mnId;
    State& st = m_state[mnId];
    if (Ptr<BindingIdentifierOption> bid = pba.GetOptions().Find<BindingIdentifierOption>())
    {
        st.bid = bid->GetBid();
        entry->bindingId = st.bid;
    }
    // the copies, in order, per FID
    std::multimap<uint16_t, uint8_t> acks;
    for (const auto& option : pba.GetOptions().GetOptions())
    {
        if (auto fb = DynamicCast<FbFlowIdentificationOption>(option))
        {
            acks.emplace(fb->GetFlowId(), fb->GetStatus());
        }
        else if (auto fi = DynamicCast<FlowIdentificationOption>(option))
        {
            acks.emplace(fi->GetFid(), fi->GetStatus());
        }
    }
    uint8_t fidNotFound = m_optionType == mip6::OPT_FB_FLOW_IDENTIFICATION
                              ? static_cast<uint8_t>(mip6::FBID_STATUS_FID_NOT_FOUND)
                              : static_cast<uint8_t>(mip6::FID_STATUS_FID_NOT_FOUND);
    // one copy consumed per request
    auto take = [&](uint16_t fid, uint8_t& status) {
        auto it = acks.find(fid);
        if (it == acks.end())
        {
            return false;
        }
        status = it->second;
        acks.erase(it);
        return true;
    };
    auto report = [&](uint16_t fid, uint8_t pro, bool acked, uint8_t status) {
        st.lastStatus[fid] = acked ? status : -1;
        if (!acked)
        {
            m_unacknowledged++;
        }
        NS_LOG_INFO("MAG: flow " << fid << " of " << mnId << " PRO " << +pro << ": "
                                 << (acked ? "status " + std::to_string(status)
                                           : std::string("no acknowledgement (rejected)")));
        m_ackTrace(mnId, fid, pro, status, acked);
    };
    for (uint16_t fid : st.sentRefresh)
    {
        uint8_t status = 0;
        bool acked = take(fid, status);
        if (!acked || status >= mip6::FBID_STATUS_REJECTED_UNSPECIFIED)
        {
            st.active.erase(fid); // the LMA no longer has it
        }
        report(fid, mip6::FBID_PRO_REFRESH, acked, status);
    }
    uint32_t n = std::min<uint32_t>(st.sentOps, st.pending.size());
    for (uint32_t i = 0; i < n; ++i)
    {
        const Op& op = st.pending[i];
        uint8_t status = 0;
        bool acked = take(op.flow.fid, status);
        bool success = acked && status < mip6::FBID_STATUS_REJECTED_UNSPECIFIED;
        if (op.pro == mip6::FBID_PRO_REMOVE)
        {
            if (success || (acked && status == fidNotFound))
            {
                st.active.erase(op.flow.fid);
            }
        }
        else if (success)
        {
            st.active[op.flow.fid] = op.flow;
        }
        report(op.flow.fid, op.pro, acked, status);
    }
    st.pending.erase(st.pending.begin(), st.pending.begin() + n);
    // raw options: record what came back
    for (uint32_t i = 0; i < std::min<uint32_t>(st.sentRaw, st.raw.size()); ++i)
    {
        std::vector<uint16_t> fids;
        uint8_t pro = mip6::FBID_PRO_ADD;
        if (auto fb = DynamicCast<FbFlowIdentificationOption>(st.raw[i]))
        {
            fids.push_back(fb->GetFlowId());
            pro = fb->GetPro();
        }
        else if (auto fi = DynamicCast<FlowIdentificationOption>(st.raw[i]))
        {
            fids.push_back(fi->GetFid());
        }
        else if (auto summary = DynamicCast<FlowSummaryOption>(st.raw[i]))
        {
            fids = summary->GetFids();
            pro = mip6::FBID_PRO_REFRESH;
        }
        for (uint16_t fid : fids)
        {
            uint8_t status = 0;
            bool acked = take(fid, status);
            report(fid, pro, acked, status);
        }
    }
    st.raw.erase(st.raw.begin(), st.raw.begin() + std::min<uint32_t>(st.sentRaw, st.raw.size()));
    st.sentOps = 0;
    st.sentRaw = 0;
    st.sentRefresh.clear();
}

void
MagFlowIdentificationExtension::NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry)
{
    NS_LOG_FUNCTION(this << BindingEventName(event) << entry->mnId);
    auto it = m_state.find(entry->mnId);
    if (it == m_state.end())
    {
        return;
    }
    if (event == BINDING_REMOVED)
    {
        m_state.erase(it);
        return;
    }
    if ((event == BINDING_REGISTERED || event == BINDING_REFRESHED) &&
        (!it->second.pending.empty() || !it->second.raw.empty()))
    {
        // operations queued while a PBU was in flight: the next PBU now
        Simulator::ScheduleNow(&MagFlowIdentificationExtension::Trigger, this, entry->mnId);
    }
}

} // namespace ns3

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lma-flow-identification-extension.h"

#include "flow-binding-options.h"
#include "flow-binding-table.h"
#include "flow-options.h"
#include "pmipv6-lma-application.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaFlowIdentificationExtension");

NS_OBJECT_ENSURE_REGISTERED(LmaFlowIdentificationExtension);

TypeId
LmaFlowIdentificationExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LmaFlowIdentificationExtension")
            .SetParent<Pmipv6LmaExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<LmaFlowIdentificationExtension>()
            .AddAttribute("AnswerFlowOptions",
                          "Process and acknowledge Flow Identification options (false: behave "
                          "as an LMA without the extension: no option is acknowledged).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaFlowIdentificationExtension::m_answer),
                          MakeBooleanChecker())
            .AddAttribute("SupportDiscard",
                          "The discard action is supported (else status 138).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaFlowIdentificationExtension::m_supportDiscard),
                          MakeBooleanChecker())
            .AddAttribute("SupportNcast",
                          "The n-cast action is supported (else status 139).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaFlowIdentificationExtension::m_supportNcast),
                          MakeBooleanChecker())
            .AddAttribute("SupportPrefix",
                          "Flow descriptions with addresses or prefixes are supported (else "
                          "status 131).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaFlowIdentificationExtension::m_supportPrefix),
                          MakeBooleanChecker())
            .AddAttribute("SupportPorts",
                          "Flow descriptions with port numbers are supported (else status 132).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaFlowIdentificationExtension::m_supportPorts),
                          MakeBooleanChecker())
            .AddAttribute("SupportFlowLabel",
                          "Flow descriptions with a flow label are supported (else status 133).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaFlowIdentificationExtension::m_supportFlowLabel),
                          MakeBooleanChecker())
            .AddAttribute("SupportSpi",
                          "Flow descriptions with an IPsec SPI are supported (else status 134).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaFlowIdentificationExtension::m_supportSpi),
                          MakeBooleanChecker())
            .AddAttribute("RejectNcastToOwnBinding",
                          "Reject as poorly formed an n-cast whose single BID is the sender's "
                          "own binding (section 8.1 MAY).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaFlowIdentificationExtension::m_rejectNcastToOwn),
                          MakeBooleanChecker())
            .AddAttribute("MaxFlowsPerMn",
                          "Flow bindings per mobile node; an add beyond is administratively "
                          "prohibited (0 = no limit).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&LmaFlowIdentificationExtension::m_maxFlows),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute(
                "DefaultBidPriority",
                "BID-PRI of a binding whose PBUs carry no Binding Identifier option "
                "(lower value preferred).",
                UintegerValue(64),
                MakeUintegerAccessor(&LmaFlowIdentificationExtension::m_defaultBidPriority),
                MakeUintegerChecker<uint8_t>(0, 127))
            .AddTraceSource(
                "FlowOption",
                "A Flow Identification option was answered.",
                MakeTraceSourceAccessor(&LmaFlowIdentificationExtension::m_flowOptionTrace),
                "ns3::LmaFlowIdentificationExtension::FlowOptionTracedCallback")
            .AddTraceSource(
                "DefaultBinding",
                "The default binding of a mobile node changed.",
                MakeTraceSourceAccessor(&LmaFlowIdentificationExtension::m_defaultTrace),
                "ns3::LmaFlowIdentificationExtension::DefaultBindingTracedCallback");
    return tid;
}

LmaFlowIdentificationExtension::LmaFlowIdentificationExtension()
    : m_answer(true),
      m_supportDiscard(true),
      m_supportNcast(true),
      m_supportPrefix(true),
      m_supportPorts(true),
      m_supportFlowLabel(true),
      m_supportSpi(true),
      m_rejectNcastToOwn(true),
      m_maxFlows(0),
      m_defaultBidPriority(64)
{
    NS_LOG_FUNCTION(this);
}

LmaFlowIdentificationExtension::~LmaFlowIdentificationExtension()
{
    NS_LOG_FUNCTION(this);
}

uint8_t
LmaFlowIdentificationExtension::StatusFor(Verdict verdict, uint8_t optionType)
{
    if (optionType == mip6::OPT_FB_FLOW_IDENTIFICATION)
    {
        switch (verdict)
        {
        case OK:
            return mip6::FBID_STATUS_SUCCESS;
        case POORLY_FORMED:
            return mip6::FBID_STATUS_POORLY_FORMED;
        case ADMIN_PROHIBITED:
            return mip6::FBID_STATUS_ADMINISTRATIVELY_PROHIBITED;
        case PREFIX_NOT_SUPPORTED:
            return mip6::FBID_STATUS_PREFIX_NOT_SUPPORTED;
        case PORTS_NOT_SUPPORTED:
            return mip6::FBID_STATUS_PORTS_NOT_SUPPORTED;
        case FLOW_LABEL_NOT_SUPPORTED:
            return mip6::FBID_STATUS_FLOW_LABEL_NOT_SUPPORTED;
        case SPI_NOT_SUPPORTED:
            return mip6::FBID_STATUS_SPI_NOT_SUPPORTED;
        case FID_IN_USE:
            return mip6::FBID_STATUS_FID_ALREADY_IN_USE;
        case FID_NOT_FOUND:
            return mip6::FBID_STATUS_FID_NOT_FOUND;
        case CLASSIFIER_NOT_SUPPORTED:
            return mip6::FBID_STATUS_CLASSIFIER_NOT_SUPPORTED;
        case DISCARD_NOT_SUPPORTED:
            return mip6::FBID_STATUS_DISCARD_NOT_SUPPORTED;
        case NCAST_NOT_SUPPORTED:
            return mip6::FBID_STATUS_N_CAST_NOT_SUPPORTED;
        case REJECTED_UNSPECIFIED:
        case BID_NOT_FOUND:
            return mip6::FBID_STATUS_REJECTED_UNSPECIFIED;
        }
        return mip6::FBID_STATUS_REJECTED_UNSPECIFIED;
    }
    switch (verdict)
    {
    case OK:
        return mip6::FID_STATUS_SUCCESS;
    case POORLY_FORMED:
        return mip6::FID_STATUS_OPTION_MALFORMED;
    case FID_NOT_FOUND:
        return mip6::FID_STATUS_FID_NOT_FOUND;
    case BID_NOT_FOUND:
        return mip6::FID_STATUS_BID_NOT_FOUND;
    case CLASSIFIER_NOT_SUPPORTED:
        return mip6::FID_STATUS_TS_FORMAT_NOT_SUPPORTED;
    case ADMIN_PROHIBITED:
    case PREFIX_NOT_SUPPORTED:
    case PORTS_NOT_SUPPORTED:
    case FLOW_LABEL_NOT_SUPPORTED:
    case SPI_NOT_SUPPORTED:
    case DISCARD_NOT_SUPPORTED:
    case NCAST_NOT_SUPPORTED:
        return mip6::FID_STATUS_ADMINISTRATIVELY_PROHIBITED;
    case FID_IN_USE:
    case REJECTED_UNSPECIFIED:
        return mip6::FID_STATUS_REJECTED_UNSPECIFIED;
    }
    return mip6::FID_STATUS_REJECTED_UNSPECIFIED;
}

LmaFlowIdentificationExtension::Request
LmaFlowIdentificationExtension::ReadOption(const FbFlowIdentificationOption& o)
{
    Request r;
    r.optionType = mip6::OPT_FB_FLOW_IDENTIFICATION;
    r.fid = o.GetFlowId();
    r.priority = o.GetPriority();
    r.action = o.GetAction();
    r.pro = o.GetPro();
    r.hasDescription = o.HasFlowDescription();
    r.descriptionSupported = o.IsFlowDescriptionSupported();
    if (r.descriptionSupported)
    {
        r.selector = o.GetFlowDescription();
    }
    r.bids = o.GetBindingIds();
    r.hasBindingReference = !r.bids.empty();
    return r;
}

Pmipv6LmaExtension::SessionChoice
LmaFlowIdentificationExtension::SelectSession(const ProxyBindingRequest& req)
{
    // several bindings per mobile node (4.1): a new interface sharing the prefixes (HI 6)
    if (req.handoffIndicator != mip6::HI_NEW_INTERFACE_SHARED_PREFIX)
    {
        return SESSION_DEFAULT;
    }
    std::vector<Ptr<BindingCacheEntry>> sessions =
        GetLma()->GetBindingCache()->FindByMnId(req.mnId);
    for (const auto& e : sessions)
    {
        if (e->proxyCoa == req.mag && e->mnLinkLayerId == req.linkLayerId)
        {
            return SESSION_DEFAULT;
        }
    }
    return sessions.empty() ? SESSION_DEFAULT : SESSION_NEW_SHARED_PREFIXES;
}

void
LmaFlowIdentificationExtension::NotifyBinding(BindingEvent event,
                                              Ptr<BindingCacheEntry> entry,
                                              Ipv6Address previousProxyCoa)
{
    NS_LOG_FUNCTION(this << BindingEventName(event) << entry->mnId << previousProxyCoa);
    auto& priorities = m_bidPriority[entry->mnId];
    switch (event)
    {
    case BINDING_CREATED:
        priorities.emplace(entry->bindingId, m_defaultBidPriority);
        break;
    case BINDING_DEREGISTERED:
    case BINDING_DELETED:
        priorities.erase(entry->bindingId);
        break;
    case BINDING_REFRESHED:
    case BINDING_MOVED:
        return;
    }
    UpdateDefault(entry->mnId);
    if (event == BINDING_DELETED &&
        GetLma()->GetBindingCache()->FindByMnId(entry->mnId).size() <= 1)
    {
        // the mobile node's last binding: its flow bindings go with it
        GetLma()->GetFlowBindingTable()->RemoveOwner(GetLma()->GetFlowOwner(entry->mnId));
        m_bidPriority.erase(entry->mnId);
        m_default.erase(entry->mnId);
    }
}

void
LmaFlowIdentificationExtension::UpdateDefault(const std::string& mnId)
{
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    uint64_t owner = GetLma()->GetFlowOwner(mnId);
    uint16_t best = 0;
    uint8_t bestPriority = 0;
    for (const auto& [bid, priority] : m_bidPriority[mnId])
    {
        if (best == 0 || priority < bestPriority)
        {
            best = bid; // map order: a tie keeps the lower BID
            bestPriority = priority;
        }
    }
    uint16_t& current = m_default[mnId];
    if (best == current)
    {
        return;
    }
    current = best;
    if (best == 0)
    {
        table->ClearDefaultBid(owner);
    }
    else
    {
        table->SetDefaultBid(owner, best);
    }
    NS_LOG_INFO("LMA: default binding of " << mnId << " is BID " << best << " (BID-PRI "
                                           << +bestPriority << ")");
    m_defaultTrace(mnId, best);
}

uint16_t
LmaFlowIdentificationExtension::GetDefaultBindingId(const std::string& mnId) const
{
    auto it = m_default.find(mnId);
    return it == m_default.end() ? 0 : it->second;
}

int
LmaFlowIdentificationExtension::GetBindingPriority(const std::string& mnId, uint16_t bid) const
{
    auto it = m_bidPriority.find(mnId);
    if (it == m_bidPriority.end())
    {
        return -1;
    }
    auto p = it->second.find(bid);
    return p == it->second.end() ? -1 : p->second;
}

uint64_t
LmaFlowIdentificationExtension::GetStatusCount(uint8_t status) const
{
    auto it = m_statusCount.find(status);
    return it == m_statusCount.end() ? 0 : it->second;
}

LmaFlowIdentificationExtension::Verdict
LmaFlowIdentificationExtension::CheckFlow(const std::string& mnId,
                                          uint16_t ownBid,
                                          const Request& r,
                                          std::vector<uint16_t>& bids) const
{
    if (r.action != mip6::FBID_ACTION_FORWARD && r.action != mip6::FBID_ACTION_DISCARD &&
        r.action != mip6::FBID_ACTION_N_CAST)
    {
        return POORLY_FORMED;
    }
    // 8.1: n-cast needs a Binding Reference, else a poorly formatted option
    if (r.action == mip6::FBID_ACTION_N_CAST && !r.hasBindingReference)
    {
        return POORLY_FORMED;
    }
    if (r.action == mip6::FBID_ACTION_DISCARD && !m_supportDiscard)
    {
        return DISCARD_NOT_SUPPORTED;
    }
    if (r.action == mip6::FBID_ACTION_N_CAST && !m_supportNcast)
    {
        return NCAST_NOT_SUPPORTED;
    }
    if (r.hasDescription)
    {
        if (!r.descriptionSupported)
        {
            return CLASSIFIER_NOT_SUPPORTED;
        }
        const TrafficSelector& s = r.selector;
        if (!m_supportPrefix && (s.HasSourceAddress() || s.HasDestinationAddress()))
        {
            return PREFIX_NOT_SUPPORTED;
        }
        if (!m_supportPorts && (s.HasSourcePort() || s.HasDestinationPort()))
        {
            return PORTS_NOT_SUPPORTED;
        }
        if (!m_supportFlowLabel && s.HasFlowLabel())
        {
            return FLOW_LABEL_NOT_SUPPORTED;
        }
        if (!m_supportSpi && s.HasSpi())
        {
            return SPI_NOT_SUPPORTED;
        }
    }
    // 3.2: every referenced BID MUST be known to the receiver
    for (uint16_t bid : r.bids)
    {
        if (!GetLma()->FindBinding(mnId, bid))
        {
            return r.optionType == mip6::OPT_FB_FLOW_IDENTIFICATION ? REJECTED_UNSPECIFIED
                                                                    : BID_NOT_FOUND;
        }
    }
    bids.clear();
    if (r.action == mip6::FBID_ACTION_FORWARD)
    {
        // 4.4: without a Binding Reference, the care-of address of the BU (the sender's binding)
        bids = r.bids.empty() ? std::vector<uint16_t>{ownBid} : r.bids;
    }
    else if (r.action == mip6::FBID_ACTION_N_CAST)
    {
        if (r.bids.size() == 1)
        {
            // 8.1: one BID other than the BU's care-of address: both; the same: one address
            if (r.bids[0] == ownBid && m_rejectNcastToOwn)
            {
                return POORLY_FORMED;
            }
            bids.push_back(ownBid);
            if (r.bids[0] != ownBid)
            {
                bids.push_back(r.bids[0]);
            }
        }
        else
        {
            for (uint16_t bid : r.bids)
            {
                if (std::find(bids.begin(), bids.end(), bid) == bids.end())
                {
                    bids.push_back(bid);
                }
            }
        }
    }
    return OK;
}

LmaFlowIdentificationExtension::Verdict
LmaFlowIdentificationExtension::Process(const std::string& mnId, uint16_t ownBid, const Request& r)
{
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    uint64_t owner = GetLma()->GetFlowOwner(mnId);
    const FlowBindingEntry* existing = table->Find(owner, r.fid);
    switch (r.pro)
    {
    case mip6::FBID_PRO_ADD:
    case mip6::FBID_PRO_REPLACE: {
        bool add = r.pro == mip6::FBID_PRO_ADD;
        if (add && existing)
        {
            return FID_IN_USE; // 8.1
        }
        if (!add && !existing)
        {
            return FID_NOT_FOUND; // 8.1 (modify)
        }
        std::vector<uint16_t> bids;
        Verdict v = CheckFlow(mnId, ownBid, r, bids);
        if (v != OK)
        {
            return v;
        }
        if (add && m_maxFlows != 0 && table->GetOwnerSize(owner) >= m_maxFlows)
        {
            return ADMIN_PROHIBITED;
        }
        FlowBindingEntry e;
        e.owner = owner;
        e.fid = r.fid;
        e.priority = r.priority;
        // 4.4: an add without a flow description is a wild card; 4.5: a replace without one
        // keeps the flow's description
        e.selector = r.hasDescription ? r.selector : (add ? TrafficSelector() : existing->selector);
        e.action = r.action == mip6::FBID_ACTION_DISCARD
                       ? FlowBindingAction::DISCARD
                       : (r.action == mip6::FBID_ACTION_N_CAST ? FlowBindingAction::NCAST
                                                               : FlowBindingAction::FORWARD);
        e.bids = bids;
        bool done = add ? table->Add(e) : table->Modify(e);
        return done ? OK : REJECTED_UNSPECIFIED;
    }
    case mip6::FBID_PRO_REFRESH:
        return existing ? OK : FID_NOT_FOUND; // 8.1: the binding is kept
    case mip6::FBID_PRO_REMOVE:
        if (!existing)
        {
            return FID_NOT_FOUND; // 8.3.1
        }
        table->Remove(owner, r.fid);
        return OK;
    default:
        return POORLY_FORMED;
    }
}

void
LmaFlowIdentificationExtension::AddPbaOptions(BindingAckHeader& pba,
                                              const ProxyBindingRequest& req,
                                              Ptr<const BindingCacheEntry> entry)
{
    NS_LOG_FUNCTION(this << req.mnId);
    if (!entry || entry->state == BindingCacheEntry::DEREGISTERED_PENDING_DELETE ||
        req.lifetime.IsZero())
    {
        return; // refused or de-registered: no flow option is acknowledged (4.8)
    }
    const std::string& mnId = entry->mnId;
    auto& priorities = m_bidPriority[mnId];
    uint8_t priority = m_defaultBidPriority;
    if (Ptr<BindingIdentifierOption> bid = req.options.Find<BindingIdentifierOption>())
    {
        priority = bid->GetPriority(); // 4.3: the default binding by BID-PRI
    }
    priorities[entry->bindingId] = priority;
    UpdateDefault(mnId);
    if (!m_answer)
    {
        return;
    }
    if (!pba.GetOptions().Find<BindingIdentifierOption>())
    {
        // the MAG learns the BID of its binding (to name it in Binding References)
        Ptr<BindingIdentifierOption> bid = Create<BindingIdentifierOption>(entry->bindingId);
        bid->SetPriority(priority);
        pba.AddOption(bid);
    }
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    uint64_t owner = GetLma()->GetFlowOwner(mnId);
    auto answer = [&](const Request& r, Verdict v) {
        uint8_t status = StatusFor(v,
                                   r.optionType == mip6::OPT_FB_FLOW_IDENTIFICATION
                                       ? mip6::OPT_FB_FLOW_IDENTIFICATION
                                       : mip6::OPT_FLOW_IDENTIFICATION);
        m_statusCount[status]++;
        NS_LOG_INFO("LMA: flow " << r.fid << " of " << mnId << " PRO " << +r.pro << " action "
                                 << +r.action << ": status " << +status);
        m_flowOptionTrace(mnId, r.fid, r.pro, status);
        // 4.8 / 8.2: a copy of the option's fixed part with its Status
        if (r.optionType == mip6::OPT_FB_FLOW_IDENTIFICATION)
        {
            Ptr<FbFlowIdentificationOption> ack = Create<FbFlowIdentificationOption>();
            ack->SetPriority(static_cast<uint8_t>(r.priority));
            ack->SetFlowId(r.fid);
            ack->SetAction(r.action);
            ack->SetPro(r.pro);
            ack->SetStatus(status);
            pba.AddOption(ack);
        }
        else
        {
            Ptr<FlowIdentificationOption> ack = Create<FlowIdentificationOption>(r.fid, r.priority);
            ack->SetStatus(status);
            pba.AddOption(ack);
        }
    };
    for (const auto& option : req.options.GetOptions())
    {
        if (auto fb = DynamicCast<FbFlowIdentificationOption>(option))
        {
            Request r = ReadOption(*fb);
            answer(r, Process(mnId, entry->bindingId, r));
        }
        else if (auto fi = DynamicCast<FlowIdentificationOption>(option))
        {
            // RFC 6089 coding (the module's reading, see doc/pmipv6.rst): an unknown FID is an
            // add, a known FID with sub-options a replace, a known FID without any a remove;
            // one BID forwards, several n-cast, the single BID 0 discards, none forwards to the
            // sender's binding
            Request r;
            r.optionType = mip6::OPT_FLOW_IDENTIFICATION;
            r.fid = fi->GetFid();
            r.priority = fi->GetPriority();
            r.hasDescription = fi->HasTrafficSelector();
            r.descriptionSupported =
                r.hasDescription && fi->GetTrafficSelectorSubOption()->IsFormatSupported();
            if (r.descriptionSupported)
            {
                r.selector = fi->GetTrafficSelector();
            }
            r.bids = fi->GetBids();
            r.hasBindingReference = !r.bids.empty();
            bool known = table->Find(owner, r.fid) != nullptr;
            r.pro = !known ? mip6::FBID_PRO_ADD
                           : (fi->GetSubOptions().GetCount() == 0 ? mip6::FBID_PRO_REMOVE
                                                                  : mip6::FBID_PRO_REPLACE);
            if (r.bids.size() == 1 && r.bids[0] == 0)
            {
                r.action = mip6::FBID_ACTION_DISCARD;
                r.bids.clear();
            }
            else
            {
                r.action = r.bids.size() > 1 ? mip6::FBID_ACTION_N_CAST : mip6::FBID_ACTION_FORWARD;
            }
            answer(r, Process(mnId, entry->bindingId, r));
        }
        else if (auto summary = DynamicCast<FlowSummaryOption>(option))
        {
            // RFC 6089: the Flow Summary refreshes the FIDs it lists
            for (uint16_t fid : summary->GetFids())
            {
                Request r;
                r.optionType = mip6::OPT_FLOW_IDENTIFICATION;
                r.fid = fid;
                r.pro = mip6::FBID_PRO_REFRESH;
                if (const FlowBindingEntry* e = table->Find(owner, fid))
                {
                    r.priority = e->priority;
                }
                answer(r, Process(mnId, entry->bindingId, r));
            }
        }
    }
}

} // namespace ns3

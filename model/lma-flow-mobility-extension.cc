/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lma-flow-mobility-extension.h"

#include "binding-revocation-header.h"
#include "flow-binding-table.h"
#include "flow-move-policy.h"
#include "flow-options.h"
#include "lma-routing.h"
#include "pmipv6-lma-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaFlowMobilityExtension");

NS_OBJECT_ENSURE_REGISTERED(LmaFlowMobilityExtension);

namespace
{
/// Hybrid mode: FID-PRI of a shared prefix's flow mobility cache entry (the lowest precedence,
/// so that any other entry of a flow to that prefix wins).
constexpr uint16_t HYBRID_SHARED_PREFIX_PRIORITY = 0xffff;
} // namespace

TypeId
LmaFlowMobilityExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LmaFlowMobilityExtension")
            .SetParent<Pmipv6LmaExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<LmaFlowMobilityExtension>()
            .AddAttribute("FlowPriority",
                          "FID-PRI of the flow entries MoveFlow makes (a lower value takes "
                          "precedence).",
                          UintegerValue(100),
                          MakeUintegerAccessor(&LmaFlowMobilityExtension::m_priority),
                          MakeUintegerChecker<uint16_t>())
            // PBU-triggered prefix moves (draft 001 Figure 4)
            .AddAttribute("PrefixMoveRule",
                          "Which prefixes (and flows) move to a new interface's binding when it "
                          "attaches (null: none).",
                          PointerValue(),
                          MakePointerAccessor(&LmaFlowMobilityExtension::m_moveRule),
                          MakePointerChecker<PrefixMoveRule>())
            .AddAttribute("RevokeMovedPrefixes",
                          "Send the old MAG a BRI (P flag) naming the prefixes moved away from "
                          "it (RFC 5846 per-prefix revocation).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaFlowMobilityExtension::m_revokeMovedPrefixes),
                          MakeBooleanChecker())
            .AddAttribute("AcceptFlowRequests",
                          "Bind the flows a MAG requests with Flow Identification options in "
                          "its PBU to the PBU's binding (else answered 128, prohibited).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaFlowMobilityExtension::m_acceptFlowRequests),
                          MakeBooleanChecker())
            .AddAttribute("FlowsOnDetach",
                          "What happens to a flow whose every binding was deleted.",
                          EnumValue(LmaFlowMobilityExtension::REBIND_TO_DEFAULT),
                          MakeEnumAccessor(&LmaFlowMobilityExtension::m_flowsOnDetach),
                          MakeEnumChecker(LmaFlowMobilityExtension::REBIND_TO_DEFAULT,
                                          "RebindToDefault",
                                          LmaFlowMobilityExtension::DEACTIVATE,
                                          "Deactivate"))
            .AddTraceSource(
                "PrefixRevocationCompleted",
                "A per-prefix revocation of moved prefixes ended (BRA status, 255 "
                "when no BRA came).",
                MakeTraceSourceAccessor(&LmaFlowMobilityExtension::m_prefixRevocationTrace),
                "ns3::LmaFlowMobilityExtension::PrefixRevocationTracedCallback")
            .AddAttribute("PrefixMode",
                          "Shared: HI 6 attachments share the prefixes of the first, moves need "
                          "no signalling (draft 001 3.1 scenario 2). PerInterface: each "
                          "attachment has its own prefixes, no default BID, a move to a binding "
                          "without the flow's prefix is signalled (scenario 1, Figure 5). Hybrid: "
                          "HI 6 attachments share the first one's prefixes and get one of their "
                          "own (scenario 3).",
                          EnumValue(SHARED_PREFIX),
                          MakeEnumAccessor(&LmaFlowMobilityExtension::m_prefixMode),
                          MakeEnumChecker(SHARED_PREFIX,
                                          "Shared",
                                          PER_INTERFACE_PREFIX,
                                          "PerInterface",
                                          HYBRID_PREFIX,
                                          "Hybrid"))
            .AddAttribute("MoveSignalling",
                          "The messages of an LMA-initiated move: FMI/FMA (draft 001 4.1, 4.2) "
                          "or UPN with reason FLOW-MOBILITY / UPA (RFC 7864).",
                          EnumValue(SIGNAL_FMI),
                          MakeEnumAccessor(&LmaFlowMobilityExtension::m_moveSignalling),
                          MakeEnumChecker(SIGNAL_FMI, "FMI", SIGNAL_UPN, "UPN"))
            .AddAttribute("DeleteOldFlowState",
                          "After the target MAG acknowledged a move, ask the MAG the flow left to "
                          "remove its state (FMI with C = 1, or a UPN without the prefix); "
                          "otherwise that state ends with its lifetime (draft 001 Figure 5).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaFlowMobilityExtension::m_deleteOld),
                          MakeBooleanChecker())
            .AddAttribute("FlowStateLifetime",
                          "Lifetime (seconds) of the flow state an FMI asks a MAG to keep; 65535 "
                          "is infinity. A finite state is refreshed (FMI R = 1) at 80 % of it "
                          "while the flow stays there.",
                          UintegerValue(mip6::FM_LIFETIME_INFINITE),
                          MakeUintegerAccessor(&LmaFlowMobilityExtension::m_flowLifetime),
                          MakeUintegerChecker<uint16_t>(1, mip6::FM_LIFETIME_INFINITE))
            .AddTraceSource("MoveReply",
                            "A MAG answered a move request (FMA or UPA).",
                            MakeTraceSourceAccessor(&LmaFlowMobilityExtension::m_moveReplyTrace),
                            "ns3::LmaFlowMobilityExtension::MoveReplyTracedCallback")
            .AddTraceSource("MoveFailed",
                            "A signalled move failed: error status, or no answer after the "
                            "retransmissions; the flow stays where it was.",
                            MakeTraceSourceAccessor(&LmaFlowMobilityExtension::m_moveFailedTrace),
                            "ns3::LmaFlowMobilityExtension::MoveFailedTracedCallback")
            .AddTraceSource("FlowMoved",
                            "A flow was bound to a binding of its mobile node.",
                            MakeTraceSourceAccessor(&LmaFlowMobilityExtension::m_flowMovedTrace),
                            "ns3::LmaFlowMobilityExtension::FlowMovedTracedCallback");
    return tid;
}

LmaFlowMobilityExtension::LmaFlowMobilityExtension()
    : m_revokeMovedPrefixes(true),
      m_acceptFlowRequests(true),
      m_flowsOnDetach(REBIND_TO_DEFAULT),
      m_priority(100)
{
    NS_LOG_FUNCTION(this);
}

void
LmaFlowMobilityExtension::DoDispose()
{
    for (auto& [key, state] : m_signalled)
    {
        state.refresh.Cancel();
    }
    m_signalled.clear();
    m_pendingMoves.clear();
    m_pendingByMn.clear();
    for (const auto& policy : m_policies)
    {
        policy->Dispose();
    }
    m_policies.clear();
    Pmipv6LmaExtension::DoDispose();
}

void
LmaFlowMobilityExtension::AddPolicy(Ptr<FlowMovePolicy> policy)
{
    m_policies.push_back(policy);
    policy->SetExtension(this);
}

LmaFlowMobilityExtension::~LmaFlowMobilityExtension()
{
    NS_LOG_FUNCTION(this);
}

Pmipv6LmaExtension::SessionChoice
LmaFlowMobilityExtension::SelectSession(const ProxyBindingRequest& req)
{
    if (req.handoffIndicator != mip6::HI_NEW_INTERFACE_SHARED_PREFIX ||
        m_prefixMode == PER_INTERFACE_PREFIX)
    {
        return SESSION_DEFAULT; // per interface: RFC 5213 decides (HI 1: a new session)
    }
    std::vector<Ptr<BindingCacheEntry>> sessions =
        GetLma()->GetBindingCache()->FindByMnId(req.mnId);
    for (const auto& e : sessions)
    {
        if (e->proxyCoa == req.mag && e->mnLinkLayerId == req.linkLayerId)
        {
            return SESSION_DEFAULT; // this interface has its session already
        }
    }
    if (!sessions.empty())
    {
        NS_LOG_LOGIC("HI 6: " << req.mnId << " attaches a new interface at " << req.mag
                              << ", sharing the prefixes of its session at "
                              << sessions.front()->proxyCoa);
        return SESSION_NEW_SHARED_PREFIXES;
    }
    return SESSION_DEFAULT; // no other session: RFC 5213 decides (a new one)
}

void
LmaFlowMobilityExtension::NotifyBinding(BindingEvent event,
                                        Ptr<BindingCacheEntry> entry,
                                        Ipv6Address previousProxyCoa)
{
    for (const auto& policy : m_policies)
    {
        policy->NotifyBinding(event, entry);
    }
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    uint64_t owner = GetLma()->GetFlowOwner(entry->mnId);
    if (event == BINDING_DELETED)
    {
        // signalled state at that binding's MAG is gone with it
        for (auto it = m_signalled.lower_bound({entry->mnId, 0});
             it != m_signalled.end() && it->first.first == entry->mnId;)
        {
            if (it->second.bid == entry->bindingId)
            {
                it->second.refresh.Cancel();
                it = m_signalled.erase(it);
            }
            else
            {
                ++it;
            }
        }
    }
    if (event == BINDING_DELETED)
    {
        ReturnMovedPrefixes(entry);
        auto unsynced = m_unsynced.find({entry->mnId, entry->proxyCoa});
        if (unsynced != m_unsynced.end() && unsynced->second == entry->id)
        {
            m_unsynced.erase(unsynced);
        }
    }
    uint16_t current = 0;
    bool hasDefault = table->GetDefaultBid(owner, current);
    if (m_prefixMode == HYBRID_PREFIX && event == BINDING_CREATED)
    {
        SetUpHybridBinding(entry);
    }
    if (m_prefixMode != SHARED_PREFIX)
    {
        // no default BID: a packet without a flow entry follows its destination prefix;
        // PBU-triggered moves and the flow mobility cache as in the shared mode (below)
        if (event == BINDING_CREATED)
        {
            CompletePrefixMove(entry);
        }
        else if (event == BINDING_DELETED)
        {
            ReleaseBindingFlows(entry); // no default: its flows go inactive
            if (GetLma()->GetBindingCache()->FindByMnId(entry->mnId).size() <= 1)
            {
                table->RemoveOwner(owner);
            }
        }
        return;
    }
    if (event == BINDING_CREATED && !hasDefault)
    {
        NS_LOG_LOGIC(entry->mnId << ": default binding BID " << entry->bindingId);
        table->SetDefaultBid(owner, entry->bindingId);
    }
    else if (event == BINDING_DELETED && hasDefault && current == entry->bindingId)
    {
        uint16_t next = 0;
        for (const auto& e : GetLma()->GetBindingCache()->FindByMnId(entry->mnId))
        {
            if (e != entry && (next == 0 || e->bindingId < next))
            {
                next = e->bindingId;
            }
        }
        if (next == 0)
        {
            table->ClearDefaultBid(owner);
            table->RemoveOwner(owner);
        }
        else
        {
            NS_LOG_LOGIC(entry->mnId << ": default binding now BID " << next);
            table->SetDefaultBid(owner, next);
        }
    }
    // PBU-triggered moves and the flow mobility cache (section below)
    if (event == BINDING_CREATED)
    {
        CompletePrefixMove(entry);
    }
    else if (event == BINDING_DELETED)
    {
        ReleaseBindingFlows(entry);
    }
}

uint16_t
LmaFlowMobilityExtension::MoveFlow(const std::string& mnId,
                                   const TrafficSelector& selector,
                                   uint16_t targetBid)
{
    NS_LOG_FUNCTION(this << mnId << targetBid);
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    Ptr<BindingCacheEntry> target = lma ? lma->FindBinding(mnId, targetBid) : nullptr;
    if (!target)
    {
        NS_LOG_WARN("MoveFlow: " << mnId << " has no binding " << targetBid);
        return 0;
    }
    uint16_t fid = 0;
    if (m_prefixMode != SHARED_PREFIX && SignalMove(mnId, selector, target, fid))
    {
        return fid; // the flow moves when the target MAG acknowledges
    }
    return InstallFlow(mnId, 0, selector, targetBid);
}

void
LmaFlowMobilityExtension::SetUpHybridBinding(Ptr<BindingCacheEntry> entry)
{
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    std::vector<Ptr<BindingCacheEntry>> sessions = lma->GetBindingCache()->FindByMnId(entry->mnId);
    bool first = true;
    for (const auto& e : sessions)
    {
        first = first && (e == entry);
    }
    if (first)
    {
        // its prefixes are the shared ones: their flows use this binding unless moved
        for (const auto& prefix : entry->homeNetworkPrefixes)
        {
            TrafficSelector ts;
            ts.SetDestinationAddressPrefix(prefix.GetMaskedPrefix(), prefix.GetIpv6Prefix());
            FlowBindingEntry shared;
            shared.owner = lma->GetFlowOwner(entry->mnId);
            shared.fid = FlowIdFor(entry->mnId, ts);
            shared.priority = HYBRID_SHARED_PREFIX_PRIORITY;
            shared.selector = ts;
            shared.action = FlowBindingAction::FORWARD;
            shared.bids = {entry->bindingId};
            if (!lma->GetFlowBindingTable()->Find(shared.owner, shared.fid))
            {
                lma->GetFlowBindingTable()->Add(shared);
            }
        }
        return;
    }
    if (entry->handoffIndicator != mip6::HI_NEW_INTERFACE_SHARED_PREFIX)
    {
        return; // HI 1: a session of its own (scenario 1)
    }
    HomeNetworkPrefix own;
    if (!lma->GetPrefixPool()->Allocate(own))
    {
        NS_LOG_WARN("Hybrid: prefix pool exhausted, " << entry->mnId << " at " << entry->proxyCoa
                                                      << " shares prefixes only");
        return;
    }
    entry->homeNetworkPrefixes.push_back(own);
    lma->GetRouting()->SetPrefixRoute(own.prefix,
                                      own.length,
                                      entry->tunnelInterface,
                                      entry->id,
                                      lma->GetFlowOwner(entry->mnId));
    lma->GetBindingCache()->NotifyChanged(entry);
    NS_LOG_INFO("LMA: " << entry->mnId << " at " << entry->proxyCoa
                        << " shares the first binding's prefixes and gets " << own
                        << " of its own (hybrid)");
}

uint16_t
LmaFlowMobilityExtension::FlowIdFor(const std::string& mnId, const TrafficSelector& selector)
{
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    for (const FlowBindingEntry* e : table->GetEntries(GetLma()->GetFlowOwner(mnId)))
    {
        if (e->selector == selector)
        {
            return e->fid;
        }
    }
    auto range = m_pendingByMn.equal_range(mnId);
    for (auto it = range.first; it != range.second; ++it)
    {
        auto move = m_pendingMoves.find(it->second);
        if (move != m_pendingMoves.end() && move->second.selector == selector)
        {
            return move->second.fid;
        }
    }
    uint16_t& next = m_nextFid[mnId];
    return ++next;
}

uint16_t
LmaFlowMobilityExtension::InstallFlow(const std::string& mnId,
                                      uint16_t fid,
                                      const TrafficSelector& selector,
                                      uint16_t targetBid)
{
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    uint64_t owner = GetLma()->GetFlowOwner(mnId);
    if (fid == 0)
    {
        fid = FlowIdFor(mnId, selector);
    }
    if (table->Find(owner, fid))
    {
        table->SetBids(owner, fid, {targetBid});
    }
    else
    {
        FlowBindingEntry entry;
        entry.owner = owner;
        entry.fid = fid;
        entry.priority = m_priority;
        entry.selector = selector;
        entry.action = FlowBindingAction::FORWARD;
        entry.bids = {targetBid};
        if (!table->Add(entry))
        {
            NS_LOG_WARN("MoveFlow: the flow-binding table refused flow " << fid << " of " << mnId);
            return 0;
        }
    }
    m_moves++;
    NS_LOG_INFO("LMA: flow " << fid << " of " << mnId << " bound to BID " << targetBid);
    m_flowMovedTrace(mnId, fid, targetBid);
    return fid;
}

uint16_t
LmaFlowMobilityExtension::GetBindingId(const std::string& mnId, Ipv6Address proxyCoa) const
{
    for (const auto& e : GetLma()->GetBindingCache()->FindByMnId(mnId))
    {
        if (e->proxyCoa == proxyCoa && e->state == BindingCacheEntry::ACTIVE)
        {
            return e->bindingId;
        }
    }
    return 0;
}

uint64_t
LmaFlowMobilityExtension::GetMoveCount() const
{
    return m_moves;
}

// --- PBU-triggered prefix moves (draft 001 section 3.2, Figure 4), flow requests, detach ---

bool
LmaFlowMobilityExtension::AssignPrefixes(const ProxyBindingRequest& req,
                                         std::vector<HomeNetworkPrefix>& prefixes)
{
    m_planned.erase(req.mnId);
    if (!m_moveRule)
    {
        return false;
    }
    std::vector<Ptr<BindingCacheEntry>> sessions =
        GetLma()->GetBindingCache()->FindByMnId(req.mnId);
    prefixes = m_moveRule->SelectPrefixes(req, sessions);
    if (prefixes.empty())
    {
        return false;
    }
    std::vector<PlannedMove>& planned = m_planned[req.mnId];
    for (const auto& prefix : prefixes)
    {
        for (const auto& s : sessions)
        {
            const auto& held = s->homeNetworkPrefixes;
            if (std::find(held.begin(), held.end(), prefix) != held.end())
            {
                planned.push_back({prefix, s->proxyCoa, s->accessTechnologyType});
            }
        }
    }
    NS_LOG_LOGIC(req.mnId << ": the rule moves " << prefixes.size() << " prefix(es) to "
                          << req.mag);
    return true;
}

void
LmaFlowMobilityExtension::CompletePrefixMove(Ptr<BindingCacheEntry> entry)
{
    auto plan = m_planned.find(entry->mnId);
    if (plan == m_planned.end())
    {
        return;
    }
    std::vector<PlannedMove> planned = plan->second;
    m_planned.erase(plan);
    // The prefixes the core moved (the planned ones now in the new entry), per old MAG.
    std::map<Ipv6Address, std::vector<HomeNetworkPrefix>> byMag;
    std::map<Ipv6Address, uint8_t> attOf;
    for (const auto& m : planned)
    {
        const auto& now = entry->homeNetworkPrefixes;
        if (std::find(now.begin(), now.end(), m.prefix) == now.end())
        {
            continue;
        }
        m_prefixMoves++;
        byMag[m.oldMag].push_back(m.prefix);
        attOf[m.oldMag] = m.oldAtt;
        m_movedPrefixes[entry->mnId].push_back({m.prefix, m.oldMag});
    }
    // The old MAG's binding lost prefixes with no PBA to it: its next PBU may list them
    // (no BRI, or one crossing it) and is revised to the binding's current set.
    for (const auto& kv : byMag)
    {
        for (const auto& e : GetLma()->GetBindingCache()->FindByMnId(entry->mnId))
        {
            if (e != entry && e->proxyCoa == kv.first)
            {
                m_unsynced[{entry->mnId, kv.first}] = e->id;
            }
        }
    }
    if (m_revokeMovedPrefixes)
    {
        for (const auto& kv : byMag)
        {
            uint8_t trigger = attOf[kv.first] == entry->accessTechnologyType
                                  ? mip6::BRI_TRIGGER_INTER_MAG_HANDOVER_SAME_ATT
                                  : mip6::BRI_TRIGGER_INTER_MAG_HANDOVER_DIFFERENT_ATT;
            // After the PBA (Figure 4): the core sends it once the extensions were notified.
            Simulator::ScheduleNow(&LmaFlowMobilityExtension::SendPrefixRevocation,
                                   this,
                                   entry->mnId,
                                   kv.first,
                                   kv.second,
                                   trigger);
        }
    }
    if (m_moveRule)
    {
        ProxyBindingRequest req;
        req.mnId = entry->mnId;
        req.mag = entry->proxyCoa;
        req.handoffIndicator = entry->handoffIndicator;
        req.accessTechnologyType = entry->accessTechnologyType;
        for (const auto& selector : m_moveRule->SelectFlows(req))
        {
            uint16_t fid = MoveFlow(entry->mnId, selector, entry->bindingId);
            if (fid != 0)
            {
                m_pbaFlows[entry->id].insert(fid);
            }
        }
    }
}

void
LmaFlowMobilityExtension::SendPrefixRevocation(std::string mnId,
                                               Ipv6Address oldMag,
                                               std::vector<HomeNetworkPrefix> prefixes,
                                               uint8_t trigger)
{
    NS_LOG_FUNCTION(this << mnId << oldMag << prefixes.size());
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    if (!lma)
    {
        return;
    }
    Ptr<SignallingTransactionManager> signalling = lma->GetSignalling();
    uint16_t sequence = signalling->NextSequence(oldMag);
    BindingRevocationIndicationHeader bri;
    bri.SetSequence(sequence);
    bri.SetFlag(BindingRevocationHeader::FLAG_P, true);
    bri.SetRevocationTrigger(trigger);
    bri.AddOption(Create<MobileNodeIdentifierOption>(mnId));
    for (const auto& prefix : prefixes)
    {
        bri.AddOption(Create<HomeNetworkPrefixOption>(prefix.prefix, prefix.length));
    }
    NS_LOG_INFO("LMA " << lma->GetAddress() << " BRI seq " << sequence << " to " << oldMag
                       << " revokes " << prefixes.size() << " moved prefix(es) of " << mnId);
    SignallingTransactionManager::Request request(lma->GetAddress(),
                                                  oldMag,
                                                  mip6::MH_BINDING_REVOCATION,
                                                  mip6::BR_ACKNOWLEDGEMENT,
                                                  sequence);
    request.onReply =
        MakeCallback(&LmaFlowMobilityExtension::PrefixRevocationAcknowledged, this, mnId, oldMag);
    request.onGiveUp =
        MakeCallback(&LmaFlowMobilityExtension::PrefixRevocationGaveUp, this, mnId, oldMag);
    signalling->Start(bri, request);
}

void
LmaFlowMobilityExtension::PrefixRevocationAcknowledged(
    std::string mnId,
    Ipv6Address mag,
    SignallingTransactionManager::TransactionId id,
    const MobilityHeader& reply,
    const Ipv6Header& /* ip */)
{
    uint8_t status = static_cast<const BindingRevocationAckHeader&>(reply).GetStatus();
    NS_LOG_FUNCTION(this << mnId << mag << id << +status);
    m_prefixBras++;
    m_prefixRevocationTrace(mnId, mag, status);
}

void
LmaFlowMobilityExtension::PrefixRevocationGaveUp(std::string mnId,
                                                 Ipv6Address mag,
                                                 SignallingTransactionManager::TransactionId id)
{
    NS_LOG_FUNCTION(this << mnId << mag << id);
    NS_LOG_WARN("no BRA from " << mag << " for the moved prefixes of " << mnId);
    m_prefixRevocationTrace(mnId, mag, 255);
}

bool
LmaFlowMobilityExtension::ReviseRequestedPrefixes(const ProxyBindingRequest& req,
                                                  std::vector<HomeNetworkPrefix>& prefixes)
{
    auto it = m_unsynced.find({req.mnId, req.mag});
    if (it == m_unsynced.end())
    {
        return false;
    }
    Ptr<BindingCacheEntry> e = GetLma()->GetBindingCache()->FindById(it->second);
    if (!e || e->proxyCoa != req.mag)
    {
        m_unsynced.erase(it);
        return false;
    }
    // The PBU refers to that binding when it lists one of its prefixes.
    const auto& held = e->homeNetworkPrefixes;
    bool refers = false;
    bool same = req.prefixes.size() == held.size();
    for (const auto& p : req.prefixes)
    {
        bool in = std::find(held.begin(), held.end(), p) != held.end();
        refers = refers || in;
        same = same && in;
    }
    if (!refers || same || held.empty())
    {
        return false;
    }
    NS_LOG_INFO("LMA: PBU of " << req.mnId << " from " << req.mag << " lists "
                               << req.prefixes.size() << " prefix(es); its binding holds "
                               << held.size() << " since a prefix move: revised");
    prefixes = held;
    m_revisedPbus++;
    return true;
}

void
LmaFlowMobilityExtension::AddPbaOptions(BindingAckHeader& pba,
                                        const ProxyBindingRequest& req,
                                        Ptr<const BindingCacheEntry> entry)
{
    if (entry && pba.GetStatus() == mip6::BA_ACCEPTED)
    {
        // the PBA carries the binding's prefixes: the MAG knows its set now
        auto unsynced = m_unsynced.find({entry->mnId, entry->proxyCoa});
        if (unsynced != m_unsynced.end() && unsynced->second == entry->id)
        {
            m_unsynced.erase(unsynced);
        }
    }
    if (!entry || pba.GetStatus() != mip6::BA_ACCEPTED || req.lifetime.IsZero())
    {
        return;
    }
    std::set<uint16_t> fids;
    auto pending = m_pbaFlows.find(entry->id);
    if (pending != m_pbaFlows.end())
    {
        fids = pending->second;
        m_pbaFlows.erase(pending);
    }
    // The MAG's requests (RFC 6089 Flow Identification options in the PBU; draft 001 3.2).
    std::vector<Ptr<FlowIdentificationOption>> refused;
    for (const auto& request : req.options.FindAll<FlowIdentificationOption>())
    {
        uint8_t status = mip6::FID_STATUS_SUCCESS;
        if (!m_acceptFlowRequests)
        {
            status = mip6::FID_STATUS_ADMINISTRATIVELY_PROHIBITED;
        }
        else if (!request->HasTrafficSelector())
        {
            status = mip6::FID_STATUS_OPTION_MALFORMED;
        }
        else if (!request->GetTrafficSelector().IsFormatSupported())
        {
            status = mip6::FID_STATUS_TS_FORMAT_NOT_SUPPORTED;
        }
        else
        {
            uint16_t fid = MoveFlow(entry->mnId, request->GetTrafficSelector(), entry->bindingId);
            if (fid != 0)
            {
                fids.insert(fid);
                continue;
            }
            status = mip6::FID_STATUS_REJECTED_UNSPECIFIED;
        }
        NS_LOG_LOGIC("flow request " << request->GetFid() << " of " << req.mag << ": status "
                                     << +status);
        Ptr<FlowIdentificationOption> answer =
            Create<FlowIdentificationOption>(request->GetFid(), request->GetPriority());
        answer->SetStatus(status);
        refused.push_back(answer);
    }
    // Tell the MAG the flows that now go through it.
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    uint64_t owner = GetLma()->GetFlowOwner(entry->mnId);
    for (uint16_t fid : fids)
    {
        const FlowBindingEntry* e = table->Find(owner, fid);
        if (!e)
        {
            continue;
        }
        Ptr<FlowIdentificationOption> option = Create<FlowIdentificationOption>(fid, e->priority);
        option->SetStatus(mip6::FID_STATUS_SUCCESS);
        option->AddBidReference(e->bids);
        option->AddTrafficSelector(e->selector);
        pba.AddOption(option);
    }
    for (const auto& answer : refused)
    {
        pba.AddOption(answer);
    }
}

void
LmaFlowMobilityExtension::ReleaseBindingFlows(Ptr<BindingCacheEntry> entry)
{
    m_pbaFlows.erase(entry->id);
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    uint64_t owner = GetLma()->GetFlowOwner(entry->mnId);
    uint16_t defaultBid = 0;
    bool hasDefault = table->GetDefaultBid(owner, defaultBid) && defaultBid != entry->bindingId;
    std::vector<std::pair<uint16_t, std::vector<uint16_t>>> touched;
    for (const FlowBindingEntry* e : table->GetEntries(owner))
    {
        if (std::find(e->bids.begin(), e->bids.end(), entry->bindingId) != e->bids.end())
        {
            std::vector<uint16_t> rest;
            for (uint16_t b : e->bids)
            {
                if (b != entry->bindingId)
                {
                    rest.push_back(b);
                }
            }
            touched.emplace_back(e->fid, rest);
        }
    }
    for (const auto& t : touched)
    {
        if (!t.second.empty())
        {
            table->SetBids(owner, t.first, t.second); // other BIDs left: stays active
            continue;
        }
        // Every BID of the flow is gone: inactive (draft 001 section 5.2).
        NS_LOG_INFO("LMA: flow " << t.first << " of " << entry->mnId << " lost BID "
                                 << entry->bindingId << ": inactive");
        table->SetActive(owner, t.first, false);
        if (m_flowsOnDetach == REBIND_TO_DEFAULT && hasDefault)
        {
            table->SetBids(owner, t.first, {defaultBid});
            table->SetActive(owner, t.first, true);
            m_reactivated++;
            NS_LOG_INFO("LMA: flow " << t.first << " of " << entry->mnId
                                     << " re-bound to the default BID " << defaultBid);
            m_flowMovedTrace(entry->mnId, t.first, defaultBid);
        }
    }
}

uint64_t
LmaFlowMobilityExtension::GetPrefixMoveCount() const
{
    return m_prefixMoves;
}

uint64_t
LmaFlowMobilityExtension::GetPrefixRevocationAckCount() const
{
    return m_prefixBras;
}

void
LmaFlowMobilityExtension::ReturnMovedPrefixes(Ptr<BindingCacheEntry> entry)
{
    auto moved = m_movedPrefixes.find(entry->mnId);
    if (moved == m_movedPrefixes.end())
    {
        return;
    }
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    std::vector<MovedPrefix> mine;
    std::vector<MovedPrefix>& all = moved->second;
    for (auto it = all.begin(); it != all.end();)
    {
        const auto& held = entry->homeNetworkPrefixes;
        if (std::find(held.begin(), held.end(), it->prefix) != held.end())
        {
            mine.push_back(*it);
            it = all.erase(it);
        }
        else
        {
            ++it;
        }
    }
    if (all.empty())
    {
        m_movedPrefixes.erase(moved);
    }
    if (mine.empty() || m_flowsOnDetach != REBIND_TO_DEFAULT)
    {
        return; // Deactivate: the prefix goes with its binding (RFC 5213)
    }
    std::vector<Ptr<BindingCacheEntry>> sessions = lma->GetBindingCache()->FindByMnId(entry->mnId);
    for (const auto& m : mine)
    {
        Ptr<BindingCacheEntry> target;
        for (const auto& e : sessions)
        {
            if (e == entry || e->state != BindingCacheEntry::ACTIVE)
            {
                continue;
            }
            if (e->proxyCoa == m.fromMag)
            {
                target = e;
                break;
            }
            if (!target || e->bindingId < target->bindingId)
            {
                target = e;
            }
        }
        if (!target)
        {
            NS_LOG_LOGIC(m.prefix << " of " << entry->mnId << ": no binding left to take it");
            continue;
        }
        entry->homeNetworkPrefixes.erase(std::find(entry->homeNetworkPrefixes.begin(),
                                                   entry->homeNetworkPrefixes.end(),
                                                   m.prefix));
        lma->GetRouting()->RemovePrefixRoute(m.prefix.prefix, m.prefix.length, entry->id);
        lma->GetBindingCache()->NotifyChanged(entry);
        target->homeNetworkPrefixes.push_back(m.prefix);
        lma->GetRouting()->SetPrefixRoute(m.prefix.prefix,
                                          m.prefix.length,
                                          target->tunnelInterface,
                                          target->id,
                                          lma->GetFlowOwner(entry->mnId));
        lma->GetBindingCache()->NotifyChanged(target);
        m_unsynced[{target->mnId, target->proxyCoa}] = target->id;
        m_prefixReturns++;
        NS_LOG_INFO("LMA: " << m.prefix << " of " << entry->mnId << " leaves the deleted BID "
                            << entry->bindingId << " for BID " << target->bindingId << " at "
                            << target->proxyCoa);
        SignalPrefix(target, m.prefix);
    }
}

uint64_t
LmaFlowMobilityExtension::GetPrefixReturnCount() const
{
    return m_prefixReturns;
}

uint64_t
LmaFlowMobilityExtension::GetRevisedPbuCount() const
{
    return m_revisedPbus;
}

uint64_t
LmaFlowMobilityExtension::GetReactivatedFlowCount() const
{
    return m_reactivated;
}

// --- end of the PBU-triggered moves ---

} // namespace ns3

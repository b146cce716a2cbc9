/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// LmaFlowMobilityExtension, its LMA-initiated signalling section: the per-interface-prefix
// flow move of the pmipv6 flow mobility draft (section 3.2 Figure 5: FMI [MN-ID, flow, add] to
// the target MAG, FMA, optional FMI del to the old MAG, FMA; sections 4.1, 4.2) and the same
// with RFC 7864 (UPN with reason FLOW-MOBILITY, UPA). The class is declared in
// lma-flow-mobility-extension.h.

#include "flow-binding-table.h"
#include "flow-mobility-header.h"
#include "lma-flow-mobility-extension.h"
#include "pmipv6-lma-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"
#include "update-notification-header.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaFlowMobilitySignalling");

std::vector<uint8_t>
LmaFlowMobilityExtension::GetMhTypes() const
{
    return {mip6::MH_FLOW_MOBILITY, mip6::MH_UPDATE_NOTIFICATION_ACK};
}

void
LmaFlowMobilityExtension::Receive(uint8_t mhType,
                                  Ptr<Packet> p,
                                  const Ipv6Header& ip,
                                  uint32_t /* interface */)
{
    Ptr<MobilityL4Protocol> mobility = GetLma()->GetMobilityProtocol();
    Ptr<SignallingTransactionManager> sig = GetLma()->GetSignalling();
    if (mhType == mip6::MH_FLOW_MOBILITY)
    {
        std::vector<uint8_t> raw(p->GetSize());
        p->CopyData(raw.data(), raw.size());
        bool initiate = true;
        if (!FlowMobilityHeader::ReadInitiateFlag(raw.data(), raw.size(), initiate) || initiate)
        {
            NS_LOG_LOGIC("LMA ignores a Flow Mobility message that is not an FMA");
            mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
            return;
        }
        FlowMobilityAckHeader fma;
        if (!mobility->Decode(p, ip, fma))
        {
            return;
        }
        if (!sig->HandleReply(ip.GetSource(), 0, fma.GetSequence(), fma, ip))
        {
            NS_LOG_LOGIC("FMA seq " << fma.GetSequence() << " from " << ip.GetSource()
                                    << " answers no pending FMI");
        }
        return;
    }
    UpdateNotificationAckHeader upa;
    if (!mobility->Decode(p, ip, upa))
    {
        return;
    }
    if (!sig->HandleReply(ip.GetSource(), 0, upa.GetSequence(), upa, ip))
    {
        NS_LOG_LOGIC("UPA seq " << upa.GetSequence() << " from " << ip.GetSource()
                                << " answers no pending UPN");
    }
}

bool
LmaFlowMobilityExtension::SignalMove(const std::string& mnId,
                                     const TrafficSelector& selector,
                                     Ptr<BindingCacheEntry> target,
                                     uint16_t& fid)
{
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    fid = FlowIdFor(mnId, selector);
    auto key = std::make_pair(mnId, fid);
    auto signalled = m_signalled.find(key);
    // The binding the flow leaves: where its entry points, else the first other session.
    Ptr<BindingCacheEntry> from;
    const FlowBindingEntry* current =
        lma->GetFlowBindingTable()->Find(lma->GetFlowOwner(mnId), fid);
    if (current && !current->bids.empty() && current->bids.front() != target->bindingId)
    {
        from = lma->FindBinding(mnId, current->bids.front());
    }
    // The flow's destination prefix that the target binding does not hold.
    HomeNetworkPrefix prefix;
    bool foreign = false;
    Ptr<BindingCacheEntry> home;
    std::vector<Ptr<BindingCacheEntry>> sessions = lma->GetBindingCache()->FindByMnId(mnId);
    if (from)
    {
        // a flow moved before: its prefix is the one its signalled state carries
        sessions.insert(sessions.begin(), from);
    }
    for (const auto& e : sessions)
    {
        if (e == target || foreign)
        {
            continue;
        }
        for (const auto& p : e->homeNetworkPrefixes)
        {
            if (std::find(target->homeNetworkPrefixes.begin(),
                          target->homeNetworkPrefixes.end(),
                          p) != target->homeNetworkPrefixes.end())
            {
                continue;
            }
            if (selector.HasDestinationAddress())
            {
                Ipv6Address masked = p.GetMaskedPrefix();
                bool overlaps = p.Contains(selector.GetDestinationAddressStart()) ||
                                p.Contains(selector.GetDestinationAddressEnd()) ||
                                (!(masked < selector.GetDestinationAddressStart()) &&
                                 !(selector.GetDestinationAddressEnd() < masked));
                if (!overlaps)
                {
                    continue;
                }
            }
            if (signalled != m_signalled.end() && e == from && !(signalled->second.prefix == p))
            {
                continue;
            }
            prefix = p;
            home = e;
            foreign = true;
            break;
        }
    }
    if (signalled != m_signalled.end() && signalled->second.mag == target->proxyCoa)
    {
        signalled = m_signalled.end(); // the target holds the state already
    }
    if (!foreign)
    {
        if (signalled == m_signalled.end())
        {
            return false; // the target holds the prefix, no MAG state to remove: bind now
        }
        // A move back to a binding holding the prefix: bind now, remove the state elsewhere.
        fid = InstallFlow(mnId, fid, selector, target->bindingId);
        SignalledState old = signalled->second;
        old.refresh.Cancel();
        m_signalled.erase(signalled);
        if (fid != 0 && m_deleteOld)
        {
            uint64_t moveId = m_nextMoveId++;
            PendingMove& move = m_pendingMoves[moveId];
            m_pendingByMn.emplace(mnId, moveId);
            move.mnId = mnId;
            move.fid = fid;
            move.selector = selector;
            move.targetBid = target->bindingId;
            move.targetMag = target->proxyCoa;
            move.flows = old.flows;
            move.prefix = old.prefix;
            move.oldMags = {old.mag};
            move.install = false;
            SendRemovals(moveId);
            if (m_openRequests[moveId] == 0)
            {
                FinishMove(moveId);
            }
        }
        return true;
    }
    uint64_t moveId = m_nextMoveId++;
    PendingMove& move = m_pendingMoves[moveId];
    m_pendingByMn.emplace(mnId, moveId);
    move.mnId = mnId;
    move.fid = fid;
    move.selector = selector;
    move.targetBid = target->bindingId;
    move.targetMag = target->proxyCoa;
    move.prefix = prefix;
    TrafficSelector wire = selector;
    if (!selector.HasDestinationAddress())
    {
        // the MAG routes the flow by its destination prefix: name it
        wire.SetDestinationAddressPrefix(prefix.GetMaskedPrefix(), prefix.GetIpv6Prefix());
    }
    Ptr<FlowIdentificationOption> option = Create<FlowIdentificationOption>(fid, m_priority);
    option->AddTrafficSelector(wire);
    move.flows = {option};
    if (signalled != m_signalled.end())
    {
        move.oldMags.push_back(signalled->second.mag);
    }
    else if (home && home->proxyCoa != target->proxyCoa)
    {
        move.oldMags.push_back(home->proxyCoa);
    }
    NS_LOG_INFO("LMA: move flow " << fid << " of " << mnId << " (" << prefix << ") to BID "
                                  << target->bindingId << " at " << target->proxyCoa << " with "
                                  << (m_moveSignalling == SIGNAL_FMI ? "FMI" : "UPN"));
    SendMoveRequest(moveId, REQ_ADD, target->proxyCoa);
    if (m_openRequests[moveId] == 0)
    {
        FinishMove(moveId);
    }
    return true;
}

void
LmaFlowMobilityExtension::SendMoveRequest(uint64_t moveId, RequestKind kind, Ipv6Address mag)
{
    auto it = m_pendingMoves.find(moveId);
    if (it == m_pendingMoves.end())
    {
        return;
    }
    const PendingMove& move = it->second;
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    Ptr<SignallingTransactionManager> sig = lma->GetSignalling();
    uint16_t seq = sig->NextSequence(mag);
    SignallingTransactionManager::TransactionId id = SignallingTransactionManager::NO_TRANSACTION;
    if (m_moveSignalling == SIGNAL_FMI)
    {
        FlowMobilityInitiateHeader fmi;
        fmi.SetSequence(seq);
        if (kind == REQ_REMOVE)
        {
            fmi.SetFlag(FlowMobilityInitiateHeader::FLAG_C, true);
            fmi.SetLifetime(0); // section 4.1: C = 1 with Lifetime 0
        }
        else
        {
            fmi.SetFlag(FlowMobilityInitiateHeader::FLAG_R, kind == REQ_REFRESH);
            fmi.SetLifetime(m_flowLifetime);
        }
        fmi.AddOption(Create<MobileNodeIdentifierOption>(move.mnId));
        for (const auto& flow : move.flows)
        {
            fmi.AddOption(flow);
        }
        SignallingTransactionManager::Request r(lma->GetAddress(),
                                                mag,
                                                mip6::MH_FLOW_MOBILITY,
                                                0,
                                                seq);
        r.onReply = MakeCallback(&LmaFlowMobilityExtension::MoveReplied, this, moveId, kind, mag);
        r.onGiveUp = MakeCallback(&LmaFlowMobilityExtension::MoveGaveUp, this, moveId, kind, mag);
        id = sig->Start(fmi, r);
    }
    else
    {
        UpdateNotificationHeader upn;
        upn.SetSequence(seq);
        upn.SetNotificationReason(mip6::UPN_REASON_FLOW_MOBILITY);
        upn.SetFlag(UpdateNotificationHeader::FLAG_A, true);
        upn.AddOption(Create<MobileNodeIdentifierOption>(move.mnId));
        if (kind != REQ_REMOVE)
        {
            // the prefix whose flows the MAG serves now; a removal leaves it out
            upn.AddOption(
                Create<HomeNetworkPrefixOption>(move.prefix.GetMaskedPrefix(), move.prefix.length));
        }
        for (const auto& flow : move.flows)
        {
            upn.AddOption(flow);
        }
        SignallingTransactionManager::Request r(lma->GetAddress(),
                                                mag,
                                                mip6::MH_UPDATE_NOTIFICATION_ACK,
                                                0,
                                                seq);
        r.onReply = MakeCallback(&LmaFlowMobilityExtension::MoveReplied, this, moveId, kind, mag);
        r.onGiveUp = MakeCallback(&LmaFlowMobilityExtension::MoveGaveUp, this, moveId, kind, mag);
        id = sig->Start(upn, r);
    }
    if (id == SignallingTransactionManager::NO_TRANSACTION)
    {
        NS_LOG_WARN("LMA: a transaction with sequence " << seq << " to " << mag
                                                        << " is pending; move not signalled");
        m_moveFailedTrace(move.mnId, move.fid, mag, 0);
        return;
    }
    m_openRequests[moveId]++;
}

void
LmaFlowMobilityExtension::MoveReplied(uint64_t moveId,
                                      RequestKind kind,
                                      Ipv6Address mag,
                                      SignallingTransactionManager::TransactionId /* id */,
                                      const MobilityHeader& reply,
                                      const Ipv6Header& /* ip */)
{
    auto it = m_pendingMoves.find(moveId);
    if (it == m_pendingMoves.end())
    {
        return;
    }
    m_openRequests[moveId]--;
    PendingMove move = it->second;
    uint8_t status = reply.GetMhType() == mip6::MH_FLOW_MOBILITY
                         ? static_cast<const FlowMobilityAckHeader&>(reply).GetStatus()
                         : static_cast<const UpdateNotificationAckHeader&>(reply).GetStatus();
    NS_LOG_INFO("LMA: " << (reply.GetMhType() == mip6::MH_FLOW_MOBILITY ? "FMA" : "UPA")
                        << " status " << +status << " from " << mag << " for flow " << move.fid
                        << " of " << move.mnId);
    m_moveReplyTrace(move.mnId, move.fid, mag, reply.GetMhType(), kind == REQ_REMOVE, status);
    bool ok = status == 0; // mip6::FMA_SUCCESS, mip6::UPA_SUCCESS
    auto key = std::make_pair(move.mnId, move.fid);
    if (kind != REQ_REMOVE && ok)
    {
        if (move.install && !InstallFlow(move.mnId, move.fid, move.selector, move.targetBid))
        {
            m_moveFailedTrace(move.mnId, move.fid, mag, status);
        }
        else
        {
            SignalledState& state = m_signalled[key];
            state.refresh.Cancel();
            state.mag = mag;
            state.bid = move.targetBid;
            state.selector = move.selector;
            state.flows = move.flows;
            state.prefix = move.prefix;
            if (m_moveSignalling == SIGNAL_FMI && m_flowLifetime != mip6::FM_LIFETIME_INFINITE)
            {
                state.refresh = Simulator::Schedule(Seconds(m_flowLifetime * 0.8),
                                                    &LmaFlowMobilityExtension::RefreshState,
                                                    this,
                                                    move.mnId,
                                                    move.fid);
            }
            if (move.install)
            {
                SendRemovals(moveId);
            }
        }
    }
    else if (kind == REQ_ADD && m_moveSignalling == SIGNAL_FMI &&
             status == mip6::FMA_FLOW_MOBILITY_CACHE_ENTRY_EXISTS)
    {
        // the MAG kept the state of an earlier move (e.g. not removed, not expired yet):
        // refresh it instead (section 4.1 R flag) and move on its FMA
        SendMoveRequest(moveId, REQ_REFRESH, mag);
    }
    else if (kind == REQ_REMOVE)
    {
        // 129 / 132: the MAG holds no state of the flow (e.g. the MN left it meanwhile):
        // nothing is left to remove; the move itself is done
        if (!ok)
        {
            NS_LOG_LOGIC("LMA: " << mag << " had no state of flow " << move.fid << " of "
                                 << move.mnId << " (status " << +status << ")");
        }
    }
    else
    {
        NS_LOG_WARN("LMA: " << mag << " refused flow " << move.fid << " of " << move.mnId
                            << " with status " << +status << "; the flow stays");
        if (!move.install)
        {
            auto state = m_signalled.find(key);
            if (state != m_signalled.end() && state->second.mag == mag)
            {
                m_signalled.erase(state); // the MAG lost it
            }
        }
        m_moveFailedTrace(move.mnId, move.fid, mag, status);
    }
    if (m_openRequests[moveId] == 0)
    {
        FinishMove(moveId);
    }
}

void
LmaFlowMobilityExtension::MoveGaveUp(uint64_t moveId,
                                     RequestKind kind,
                                     Ipv6Address mag,
                                     SignallingTransactionManager::TransactionId /* id */)
{
    auto it = m_pendingMoves.find(moveId);
    if (it == m_pendingMoves.end())
    {
        return;
    }
    m_openRequests[moveId]--;
    NS_LOG_WARN("LMA: no answer from " << mag << " for flow " << it->second.fid << " of "
                                       << it->second.mnId << " (request " << kind << ")");
    m_moveFailedTrace(it->second.mnId, it->second.fid, mag, 0);
    if (m_openRequests[moveId] == 0)
    {
        FinishMove(moveId);
    }
}

void
LmaFlowMobilityExtension::SignalPrefix(Ptr<BindingCacheEntry> target,
                                       const HomeNetworkPrefix& prefix)
{
    TrafficSelector ts;
    ts.SetDestinationAddressPrefix(prefix.GetMaskedPrefix(), prefix.GetIpv6Prefix());
    uint64_t moveId = m_nextMoveId++;
    PendingMove& move = m_pendingMoves[moveId];
    m_pendingByMn.emplace(target->mnId, moveId);
    move.mnId = target->mnId;
    move.fid = FlowIdFor(target->mnId, ts);
    move.selector = ts;
    move.targetBid = target->bindingId;
    move.targetMag = target->proxyCoa;
    move.prefix = prefix;
    move.install = false; // the prefix route is the LMA's; no flow-binding entry
    Ptr<FlowIdentificationOption> option = Create<FlowIdentificationOption>(move.fid, m_priority);
    option->AddTrafficSelector(ts);
    move.flows = {option};
    SendMoveRequest(moveId, REQ_ADD, target->proxyCoa);
    if (m_openRequests[moveId] == 0)
    {
        FinishMove(moveId);
    }
}

bool
LmaFlowMobilityExtension::SendRemovals(uint64_t moveId)
{
    auto it = m_pendingMoves.find(moveId);
    if (!m_deleteOld || it == m_pendingMoves.end())
    {
        return false;
    }
    std::vector<Ipv6Address> mags = it->second.oldMags;
    Ipv6Address target = it->second.targetMag;
    bool sent = false;
    for (const auto& mag : mags)
    {
        // Only a MAG that still serves the MN holds state to remove: one whose binding was
        // de-registered or deleted dropped it (an FMI del there would get 129 / 132).
        if (mag != target && GetBindingId(it->second.mnId, mag) != 0)
        {
            SendMoveRequest(moveId, REQ_REMOVE, mag);
            sent = true;
        }
    }
    return sent;
}

void
LmaFlowMobilityExtension::FinishMove(uint64_t moveId)
{
    auto move = m_pendingMoves.find(moveId);
    if (move != m_pendingMoves.end())
    {
        auto range = m_pendingByMn.equal_range(move->second.mnId);
        for (auto it = range.first; it != range.second; ++it)
        {
            if (it->second == moveId)
            {
                m_pendingByMn.erase(it);
                break;
            }
        }
    }
    m_pendingMoves.erase(moveId);
    m_openRequests.erase(moveId);
}

void
LmaFlowMobilityExtension::RefreshState(std::string mnId, uint16_t fid)
{
    auto state = m_signalled.find(std::make_pair(mnId, fid));
    if (state == m_signalled.end())
    {
        return;
    }
    if (GetBindingId(mnId, state->second.mag) == 0)
    {
        return; // that MAG no longer serves the MN: it dropped the state (no refresh to send)
    }
    uint64_t moveId = m_nextMoveId++;
    PendingMove& move = m_pendingMoves[moveId];
    m_pendingByMn.emplace(mnId, moveId);
    move.mnId = mnId;
    move.fid = fid;
    move.selector = state->second.selector;
    move.targetBid = state->second.bid;
    move.targetMag = state->second.mag;
    move.flows = state->second.flows;
    move.prefix = state->second.prefix;
    move.install = false;
    SendMoveRequest(moveId, REQ_REFRESH, move.targetMag);
    if (m_openRequests[moveId] == 0)
    {
        FinishMove(moveId);
    }
}

uint32_t
LmaFlowMobilityExtension::GetPendingMoveCount() const
{
    return m_pendingMoves.size();
}

} // namespace ns3

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// LMA-initiated flow binding at the LMA: draft-sarikaya-netext-lma-init-flow-binding-00
// sections 3 (operations), 4 (flow bindings list) and 7 (PFBI, PFBA, Flow Attribute option).

#include "lma-flow-binding-extension.h"

#include "flow-binding-encoding.h"
#include "flow-binding-header.h"
#include "flow-binding-table.h"
#include "flow-options.h"
#include "lma-flow-identification-extension.h"
#include "pmipv6-lma-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"
#include "proxy-flow-binding-header.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaFlowBindingExtension");

NS_OBJECT_ENSURE_REGISTERED(LmaFlowBindingExtension);

namespace
{

/**
 * Decode a Mobility Header message as \p header even when its MH type octet is the other one
 * of the draft's pair (PFBI and PFBA both "IANA-TBD1" in the draft): the octet is rewritten to
 * the header's type before decoding (the checksum was verified on arrival).
 * \param p the message
 * \param ip its IPv6 header
 * \param mobility the transport (counts a malformed message)
 * \param header [out] the decoded message
 * \return true when it decoded
 */
bool
DecodeEitherType(Ptr<Packet> p,
                 const Ipv6Header& ip,
                 Ptr<MobilityL4Protocol> mobility,
                 MobilityHeader& header)
{
    std::vector<uint8_t> raw(p->GetSize());
    p->CopyData(raw.data(), raw.size());
    if (raw.size() > 2)
    {
        raw[2] = header.GetMhType();
    }
    Ptr<Packet> copy = Create<Packet>(raw.data(), raw.size());
    return mobility->Decode(copy, ip, header);
}

} // namespace

std::string
LmaFlowBindingExtension::ListChangeName(ListChange c)
{
    switch (c)
    {
    case LIST_ADDED:
        return "ADDED";
    case LIST_DELETED:
        return "DELETED";
    case LIST_REPLACED:
        return "REPLACED";
    case LIST_ACTIVATED:
        return "ACTIVATED";
    case LIST_MOVED:
        return "MOVED";
    case LIST_SWITCHED:
        return "SWITCHED";
    case LIST_EXPIRED:
        return "EXPIRED";
    case LIST_IMPORTED:
        return "IMPORTED";
    }
    return "?";
}

std::string
LmaFlowBindingExtension::ProName(uint8_t pro)
{
    switch (pro)
    {
    case mip6::FA_PRO_ADD:
        return "add";
    case mip6::FA_PRO_DELETE:
        return "delete";
    case mip6::FA_PRO_MODIFY:
        return "modify";
    case mip6::FA_PRO_REFRESH:
        return "refresh";
    case mip6::FA_PRO_MOVE:
        return "move";
    case mip6::FA_PRO_SWITCH:
        return "switch";
    default:
        return "reserved";
    }
}

TypeId
LmaFlowBindingExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LmaFlowBindingExtension")
            .SetParent<Pmipv6LmaExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<LmaFlowBindingExtension>()
            .AddAttribute("AckRequested",
                          "Set the A flag of each PFBI (a PFBA is requested). Without it no "
                          "PFBA comes and the list changes when the PFBI is sent.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaFlowBindingExtension::m_ack),
                          MakeBooleanChecker())
            .AddAttribute("Trigger",
                          "Trigger of each PFBI (7.1.1: 1 unspecified, 2 administrative reason, "
                          "3 possible out-of-sync BCE state, 250-255 testing).",
                          UintegerValue(mip6::PFBI_TRIGGER_UNSPECIFIED),
                          MakeUintegerAccessor(&LmaFlowBindingExtension::m_trigger),
                          MakeUintegerChecker<uint8_t>())
            .AddAttribute("Encoding",
                          "The message pair the operations are sent with: Pfbi (draft-000 "
                          "PFBI / PFBA, Flow Attribute options) or Fbi (RFC 7109 FBI / FBA, MH "
                          "type 21, Flow Identification options with RFC 7109 sub-options). "
                          "Answers of both kinds are received whatever this says.",
                          EnumValue(LmaFlowBindingExtension::ENCODING_PFBI),
                          MakeEnumAccessor(&LmaFlowBindingExtension::m_encoding),
                          MakeEnumChecker(LmaFlowBindingExtension::ENCODING_PFBI,
                                          "Pfbi",
                                          LmaFlowBindingExtension::ENCODING_FBI,
                                          "Fbi"))
            .AddAttribute("AcceptPbuFlows",
                          "When no LmaFlowIdentificationExtension is registered, bind the RFC "
                          "6089 Flow Identification options (45) of a PBU to its binding and "
                          "list them (how a MAG registers a switched flow with this LMA).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaFlowBindingExtension::m_acceptPbuFlows),
                          MakeBooleanChecker())
            .AddTraceSource("ListChanged",
                            "An entry of a flow bindings list changed (section 4).",
                            MakeTraceSourceAccessor(&LmaFlowBindingExtension::m_listTrace),
                            "ns3::LmaFlowBindingExtension::ListChangedTracedCallback")
            .AddTraceSource("PfbaReceived",
                            "A PFBA answered a PFBI of an operation.",
                            MakeTraceSourceAccessor(&LmaFlowBindingExtension::m_pfbaTrace),
                            "ns3::LmaFlowBindingExtension::PfbaTracedCallback")
            .AddTraceSource("GaveUp",
                            "No PFBA came for a PFBI after its retransmissions.",
                            MakeTraceSourceAccessor(&LmaFlowBindingExtension::m_gaveUpTrace),
                            "ns3::LmaFlowBindingExtension::GaveUpTracedCallback");
    return tid;
}

LmaFlowBindingExtension::LmaFlowBindingExtension()
    : m_trigger(mip6::PFBI_TRIGGER_UNSPECIFIED)
{
}

LmaFlowBindingExtension::~LmaFlowBindingExtension()
{
}

void
LmaFlowBindingExtension::DoDispose()
{
    for (auto& [key, b] : m_list)
    {
        b.expiry.Cancel();
    }
    m_list.clear();
    m_ops.clear();
    m_busy.clear();
    Pmipv6LmaExtension::DoDispose();
}

std::vector<uint8_t>
LmaFlowBindingExtension::GetMhTypes() const
{
    // the draft gives PFBI and PFBA one MH type: an LMA receives only PFBAs, so a PFBA sent
    // with the PFBI's type is read as a PFBA too; MH type 21 carries the FBAs of the RFC 7109
    // encoding
    return {mip6::MH_PROXY_FLOW_BINDING_ACK,
            mip6::MH_PROXY_FLOW_BINDING_INDICATION,
            mip6::MH_FLOW_BINDING};
}

void
LmaFlowBindingExtension::Receive(uint8_t mhType,
                                 Ptr<Packet> p,
                                 const Ipv6Header& ip,
                                 uint32_t /* interface */)
{
    Ptr<MobilityL4Protocol> mobility = GetLma()->GetMobilityProtocol();
    if (mhType == mip6::MH_FLOW_BINDING)
    {
        // RFC 7109 encoding: only FBAs are for the LMA
        if (FlowBindingHeader::PeekFlowBindingType(p) != mip6::FB_ACKNOWLEDGEMENT)
        {
            NS_LOG_WARN("LMA: Flow Binding message other than an FBA from " << ip.GetSource()
                                                                            << ": ignored");
            return;
        }
        FlowBindingAckHeader fba;
        if (!mobility->Decode(p, ip, fba))
        {
            return;
        }
        // counted per status only when it answers a pending FBI: a late, duplicated or rogue
        // FBA is a drop (DROP_REJECTED), not a reply
        if (!GetLma()->GetSignalling()->HandleReply(ip.GetSource(),
                                                    mip6::FB_ACKNOWLEDGEMENT,
                                                    fba.GetSequence(),
                                                    fba,
                                                    ip))
        {
            NS_LOG_LOGIC("FBA seq " << fba.GetSequence() << " from " << ip.GetSource()
                                    << " answers no pending FBI");
            mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
            return;
        }
        m_pfbas[fba.GetStatus()]++;
        return;
    }
    ProxyFlowBindingAckHeader pfba;
    if (!DecodeEitherType(p, ip, mobility, pfba))
    {
        return;
    }
    if (!GetLma()->GetSignalling()->HandleReply(ip.GetSource(), 0, pfba.GetSequence(), pfba, ip))
    {
        NS_LOG_LOGIC("PFBA seq " << pfba.GetSequence() << " from " << ip.GetSource()
                                 << " answers no pending PFBI");
        mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
        return;
    }
    m_pfbas[pfba.GetStatus()]++;
}

Ptr<BindingCacheEntry>
LmaFlowBindingExtension::BindingAt(const std::string& mnId, Ipv6Address proxyCoa) const
{
    for (const auto& e : GetLma()->GetBindingCache()->FindByMnId(mnId))
    {
        if (e->proxyCoa == proxyCoa && e->state != BindingCacheEntry::DEREGISTERED_PENDING_DELETE)
        {
            return e;
        }
    }
    return nullptr;
}

bool
LmaFlowBindingExtension::Busy(const std::string& mnId, uint16_t fid) const
{
    return m_busy.find(Key(mnId, fid)) != m_busy.end();
}

LmaFlowBindingExtension::FlowBinding*
LmaFlowBindingExtension::Lookup(const std::string& mnId, uint16_t fid)
{
    auto it = m_list.find(Key(mnId, fid));
    if (it != m_list.end())
    {
        return &it->second;
    }
    // section 3's prerequisite: a flow binding a PBU's Flow Identification option created
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    const FlowBindingEntry* e = lma->GetFlowBindingTable()->Find(lma->GetFlowOwner(mnId), fid);
    if (e == nullptr || e->bids.empty() || e->action != FlowBindingAction::FORWARD)
    {
        return nullptr;
    }
    Ptr<BindingCacheEntry> bce = lma->FindBinding(mnId, e->bids.front());
    if (!bce)
    {
        return nullptr;
    }
    FlowBinding b;
    b.mnId = mnId;
    b.fid = fid;
    b.priority = static_cast<uint8_t>(std::min<uint16_t>(e->priority, 255));
    b.selector = e->selector;
    b.hasSelector = true;
    b.careOfAddress = bce->proxyCoa;
    b.active = e->active;
    FlowBinding& stored = m_list[Key(mnId, fid)];
    stored = b;
    NotifyList(stored, LIST_IMPORTED);
    return &stored;
}

const LmaFlowBindingExtension::FlowBinding*
LmaFlowBindingExtension::GetFlowBinding(const std::string& mnId, uint16_t fid) const
{
    auto it = m_list.find(Key(mnId, fid));
    return it == m_list.end() ? nullptr : &it->second;
}

std::vector<LmaFlowBindingExtension::FlowBinding>
LmaFlowBindingExtension::GetFlowBindings(const std::string& mnId) const
{
    std::vector<FlowBinding> out;
    for (auto it = m_list.lower_bound(Key(mnId, 0)); it != m_list.end() && it->first.first == mnId;
         ++it)
    {
        out.push_back(it->second);
    }
    std::stable_sort(out.begin(), out.end(), [](const FlowBinding& a, const FlowBinding& b) {
        return a.priority != b.priority ? a.priority < b.priority : a.fid < b.fid;
    });
    return out;
}

void
LmaFlowBindingExtension::PrintFlowBindings(std::ostream& os, const std::string& mnId) const
{
    std::vector<FlowBinding> list = GetFlowBindings(mnId);
    if (list.empty())
    {
        os << "  (empty)" << std::endl;
    }
    for (const auto& b : list)
    {
        os << "  FID " << b.fid << " PRI " << +b.priority << " CoA " << b.careOfAddress << " "
           << (b.active ? "Active" : "Inactive") << " lifetime "
           << b.lifetime * mip6::FA_LIFETIME_UNIT_SECONDS << "s";
        if (b.hasSelector)
        {
            os << " " << b.selector;
        }
        os << std::endl;
    }
}

uint32_t
LmaFlowBindingExtension::GetPendingCount() const
{
    return m_ops.size();
}

uint64_t
LmaFlowBindingExtension::GetPfbaCount(uint8_t status) const
{
    auto it = m_pfbas.find(status);
    return it == m_pfbas.end() ? 0 : it->second;
}

void
LmaFlowBindingExtension::NotifyList(const FlowBinding& b, ListChange c)
{
    NS_LOG_INFO("LMA " << GetLma()->GetAddress() << ": flow bindings list of " << b.mnId << ": FID "
                       << b.fid << " " << ListChangeName(c) << " (CoA " << b.careOfAddress << ")");
    m_listTrace(b, c);
}

// ---- the section 3 operations ----------------------------------------------------------------

bool
LmaFlowBindingExtension::AddFlow(const std::string& mnId,
                                 uint16_t fid,
                                 uint8_t priority,
                                 const TrafficSelector& selector,
                                 Ipv6Address targetProxyCoa,
                                 uint16_t lifetime)
{
    if (Busy(mnId, fid) || Lookup(mnId, fid) != nullptr || !BindingAt(mnId, targetProxyCoa))
    {
        NS_LOG_WARN("LMA: add of flow " << fid << " of " << mnId << " not sent");
        return false;
    }
    Operation op;
    op.mnId = mnId;
    op.pro = mip6::FA_PRO_ADD;
    op.next.mnId = mnId;
    op.next.fid = fid;
    op.next.priority = priority;
    op.next.selector = selector;
    op.next.hasSelector = true;
    op.next.careOfAddress = targetProxyCoa;
    op.next.lifetime = lifetime;
    op.decisive = targetProxyCoa;
    return Start(op, {targetProxyCoa});
}

bool
LmaFlowBindingExtension::DeleteFlow(const std::string& mnId, uint16_t fid)
{
    FlowBinding* b = Busy(mnId, fid) ? nullptr : Lookup(mnId, fid);
    if (b == nullptr)
    {
        return false;
    }
    Operation op;
    op.mnId = mnId;
    op.pro = mip6::FA_PRO_DELETE;
    op.next = *b;
    op.next.expiry = EventId();
    op.next.lifetime = 0; // ignored for delete (7.2.1)
    op.decisive = b->careOfAddress;
    return Start(op, {b->careOfAddress});
}

bool
LmaFlowBindingExtension::ModifyFlow(const std::string& mnId,
                                    uint16_t fid,
                                    uint8_t priority,
                                    const TrafficSelector& selector,
                                    Ipv6Address targetProxyCoa,
                                    uint16_t lifetime)
{
    FlowBinding* b = Busy(mnId, fid) ? nullptr : Lookup(mnId, fid);
    if (b == nullptr)
    {
        return false;
    }
    Ipv6Address target = targetProxyCoa.IsAny() ? b->careOfAddress : targetProxyCoa;
    if (!BindingAt(mnId, target))
    {
        return false;
    }
    Operation op;
    op.mnId = mnId;
    op.pro = mip6::FA_PRO_MODIFY;
    op.next = *b;
    op.next.expiry = EventId();
    op.next.priority = priority;
    op.next.selector = selector;
    op.next.hasSelector = true;
    op.next.careOfAddress = target;
    op.next.lifetime = lifetime;
    op.decisive = target;
    std::vector<Ipv6Address> mags{target};
    if (b->careOfAddress != target)
    {
        mags.push_back(b->careOfAddress);
    }
    return Start(op, mags);
}

bool
LmaFlowBindingExtension::RefreshFlow(const std::string& mnId, uint16_t fid, uint16_t lifetime)
{
    FlowBinding* b = Busy(mnId, fid) ? nullptr : Lookup(mnId, fid);
    if (b == nullptr)
    {
        return false;
    }
    Operation op;
    op.mnId = mnId;
    op.pro = mip6::FA_PRO_REFRESH;
    op.next = *b;
    op.next.expiry = EventId();
    op.next.lifetime = lifetime;
    op.decisive = b->careOfAddress;
    return Start(op, {b->careOfAddress});
}

bool
LmaFlowBindingExtension::MoveFlow(const std::string& mnId,
                                  uint16_t fid,
                                  Ipv6Address targetProxyCoa,
                                  uint16_t lifetime)
{
    FlowBinding* b = Busy(mnId, fid) ? nullptr : Lookup(mnId, fid);
    if (b == nullptr || !BindingAt(mnId, targetProxyCoa))
    {
        return false;
    }
    Operation op;
    op.mnId = mnId;
    op.pro = mip6::FA_PRO_MOVE;
    op.next = *b;
    op.next.expiry = EventId();
    op.next.careOfAddress = targetProxyCoa;
    op.next.lifetime = lifetime;
    op.decisive = targetProxyCoa;
    // 3.5: "sent to both the current and future destination MAGs of the flow"
    std::vector<Ipv6Address> mags{targetProxyCoa};
    if (b->careOfAddress != targetProxyCoa)
    {
        mags.push_back(b->careOfAddress);
    }
    return Start(op, mags);
}

bool
LmaFlowBindingExtension::SwitchFlow(const std::string& mnId,
                                    uint16_t fid,
                                    const std::vector<Ipv6Address>& alternateLmas)
{
    FlowBinding* b = Busy(mnId, fid) ? nullptr : Lookup(mnId, fid);
    if (b == nullptr || alternateLmas.empty())
    {
        return false;
    }
    Operation op;
    op.mnId = mnId;
    op.pro = mip6::FA_PRO_SWITCH;
    op.next = *b;
    op.next.expiry = EventId();
    op.decisive = b->careOfAddress;
    op.option = Create<FlowAttributeOption>();
    op.option->AddSubOption(Create<AlternateLmaSubOption>(alternateLmas));
    return Start(op, {b->careOfAddress});
}

bool
LmaFlowBindingExtension::Start(Operation op, const std::vector<Ipv6Address>& mags)
{
    if (!op.option)
    {
        op.option = Create<FlowAttributeOption>();
    }
    Ptr<FlowAttributeOption> fa = op.option;
    fa->SetPro(op.pro);
    fa->SetPriority(op.next.priority);
    fa->SetFlowId(op.next.fid);
    fa->SetStatus(0);
    // 7.2.1: the lifetime is ignored for delete and switch
    bool timed = op.pro != mip6::FA_PRO_DELETE && op.pro != mip6::FA_PRO_SWITCH;
    fa->SetLifetime(timed ? op.next.lifetime : 0);
    if (op.pro == mip6::FA_PRO_ADD || op.pro == mip6::FA_PRO_MODIFY ||
        op.pro == mip6::FA_PRO_REFRESH || op.pro == mip6::FA_PRO_MOVE)
    {
        // 3.1 (add), 3.5 (move): Target CoA required; modify and refresh resend it (3.4:
        // "all information previously sent ... need to be resent")
        // section 6: a MAG on the IPv4 transport is named by its IPv4-Proxy-CoA
        Ptr<BindingCacheEntry> at = BindingAt(op.mnId, op.next.careOfAddress);
        if (at && !at->ipv4ProxyCoa.IsAny())
        {
            fa->AddSubOption(Create<TargetCareOfAddressSubOption>(at->ipv4ProxyCoa));
        }
        else
        {
            fa->AddSubOption(Create<TargetCareOfAddressSubOption>(op.next.careOfAddress));
        }
    }
    if (op.next.hasSelector && op.pro != mip6::FA_PRO_DELETE)
    {
        // the MAG the flow goes to (move, switch) learns what the flow is
        fa->SetFlowDescription(op.next.selector);
    }
    uint64_t opId = m_nextOp++;
    Key key(op.mnId, op.next.fid);
    m_ops[opId] = op;
    m_busy[key] = opId;
    for (const auto& mag : mags)
    {
        if (SendIndication(opId, mag) && m_ack)
        {
            m_ops[opId].open++;
        }
    }
    if (!m_ack)
    {
        // no PFBA will come: section 4 is applied now (module reading, doc)
        Apply(m_ops[opId]);
    }
    bool sent = !m_ack || m_ops[opId].open > 0;
    Finish(opId);
    return sent;
}

bool
LmaFlowBindingExtension::SendIndication(uint64_t opId, Ipv6Address mag)
{
    const Operation& op = m_ops[opId];
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    Ptr<SignallingTransactionManager> sig = lma->GetSignalling();
    uint16_t seq = sig->NextSequence(mag);
    bool fbi = m_encoding == ENCODING_FBI;
    NS_LOG_INFO("LMA " << lma->GetAddress() << ": " << (fbi ? "FBI" : "PFBI") << " seq " << seq
                       << " [" << ProName(op.pro) << " FID " << op.next.fid << "] of " << op.mnId
                       << " to " << mag);
    // the mobile node (MN-ID) and its prefixes (HNP) first, then the flow
    std::vector<Ptr<MobilityOption>> options;
    options.push_back(Create<MobileNodeIdentifierOption>(op.mnId));
    for (const auto& e : lma->GetBindingCache()->FindByMnId(op.mnId))
    {
        for (const auto& hnp : e->homeNetworkPrefixes)
        {
            options.push_back(Create<HomeNetworkPrefixOption>(hnp.GetMaskedPrefix(), hnp.length));
        }
    }
    SignallingTransactionManager::Request r(lma->GetAddress(),
                                            mag,
                                            fbi ? mip6::MH_FLOW_BINDING
                                                : mip6::MH_PROXY_FLOW_BINDING_ACK,
                                            fbi ? mip6::FB_ACKNOWLEDGEMENT : 0,
                                            seq);
    r.onReply = MakeCallback(&LmaFlowBindingExtension::Replied, this, opId, mag);
    r.onGiveUp = MakeCallback(&LmaFlowBindingExtension::GaveUp, this, opId, mag);
    if (fbi)
    {
        // RFC 7109: one Flow Identification option per flow (flow-binding-encoding.h)
        FlowBindingIndicationHeader fbiHeader;
        fbiHeader.SetSequence(seq);
        fbiHeader.SetTrigger(m_trigger);
        fbiHeader.SetAckRequested(m_ack);
        for (const auto& o : options)
        {
            fbiHeader.AddOption(o);
        }
        fbiHeader.AddOption(FlowAttributeToFlowId(*op.option));
        if (!m_ack)
        {
            return lma->GetMobilityProtocol()->Send(fbiHeader, lma->GetAddress(), mag);
        }
        return sig->Start(fbiHeader, r) != SignallingTransactionManager::NO_TRANSACTION;
    }
    ProxyFlowBindingIndicationHeader pfbi;
    pfbi.SetSequence(seq);
    pfbi.SetTrigger(m_trigger);
    pfbi.SetFlag(ProxyFlowBindingIndicationHeader::FLAG_A, m_ack);
    for (const auto& o : options)
    {
        pfbi.AddOption(o);
    }
    pfbi.AddOption(op.option);
    if (!m_ack)
    {
        return lma->GetMobilityProtocol()->Send(pfbi, lma->GetAddress(), mag);
    }
    return sig->Start(pfbi, r) != SignallingTransactionManager::NO_TRANSACTION;
}

void
LmaFlowBindingExtension::Replied(uint64_t opId,
                                 Ipv6Address mag,
                                 SignallingTransactionManager::TransactionId /* id */,
                                 const MobilityHeader& reply,
                                 const Ipv6Header& /* ip */)
{
    auto it = m_ops.find(opId);
    if (it == m_ops.end())
    {
        return;
    }
    it->second.open--;
    uint8_t status;
    bool flowOk = true;
    if (reply.GetMhType() == mip6::MH_FLOW_BINDING)
    {
        // RFC 7109 encoding: the FBA's Status, and the Status of its copy of the flow's option
        // (an FBA has no "partial success": the per-flow Status tells)
        const auto& fba = static_cast<const FlowBindingAckHeader&>(reply);
        status = fba.GetStatus();
        for (const auto& fid : fba.GetOptions().FindAll<FlowIdentificationOption>())
        {
            if (fid->GetFid() == it->second.next.fid)
            {
                flowOk = fid->GetStatus() < mip6::STATUS_REJECTION_THRESHOLD;
            }
        }
    }
    else
    {
        status = static_cast<const ProxyFlowBindingAckHeader&>(reply).GetStatus();
    }
    NS_LOG_INFO("LMA " << GetLma()->GetAddress() << ": PFBA/FBA status " << +status << " from "
                       << mag << " [" << ProName(it->second.pro) << " FID " << it->second.next.fid
                       << "] of " << it->second.mnId);
    m_pfbaTrace(it->second.mnId, it->second.next.fid, it->second.pro, mag, status);
    // section 4: the list changes "if the corresponding PFBA has a status code equal to zero";
    // for a move or modify sent to two MAGs, the PFBA of the MAG the flow goes to
    if (status == mip6::PFBA_SUCCESS && flowOk && mag == it->second.decisive)
    {
        Apply(it->second);
    }
    Finish(opId);
}

void
LmaFlowBindingExtension::GaveUp(uint64_t opId,
                                Ipv6Address mag,
                                SignallingTransactionManager::TransactionId /* id */)
{
    auto it = m_ops.find(opId);
    if (it == m_ops.end())
    {
        return;
    }
    it->second.open--;
    NS_LOG_WARN("LMA " << GetLma()->GetAddress() << ": no PFBA from " << mag << " ["
                       << ProName(it->second.pro) << " FID " << it->second.next.fid << "]");
    m_gaveUpTrace(it->second.mnId, it->second.next.fid, it->second.pro, mag);
    Finish(opId);
}

void
LmaFlowBindingExtension::Finish(uint64_t opId)
{
    auto it = m_ops.find(opId);
    if (it == m_ops.end() || it->second.open > 0)
    {
        return;
    }
    Key key(it->second.mnId, it->second.next.fid);
    auto busy = m_busy.find(key);
    if (busy != m_busy.end() && busy->second == opId)
    {
        m_busy.erase(busy);
    }
    m_ops.erase(it);
}

void
LmaFlowBindingExtension::Apply(const Operation& op)
{
    Key key(op.mnId, op.next.fid);
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    Ptr<FlowBindingTable> table = lma->GetFlowBindingTable();
    uint64_t owner = lma->GetFlowOwner(op.mnId);
    auto it = m_list.find(key);
    switch (op.pro)
    {
    case mip6::FA_PRO_ADD:
    case mip6::FA_PRO_MODIFY: {
        // add: "add a new entry to the flow bindings list"; modify: "delete the list entry
        // ... and then add a new entry" with the Flow Attribute option's values and the
        // Target Care-of Address
        bool replaced = it != m_list.end();
        if (replaced)
        {
            it->second.expiry.Cancel();
            m_list.erase(it);
            table->Remove(owner, op.next.fid);
        }
        FlowBinding& b = m_list[key];
        b = op.next;
        b.active = true;
        Install(b);
        Arm(b);
        NotifyList(b, op.pro == mip6::FA_PRO_ADD ? LIST_ADDED : LIST_REPLACED);
        break;
    }
    case mip6::FA_PRO_DELETE:
    case mip6::FA_PRO_SWITCH:
        // "locate the list entry corresponding to this flow and then delete the entry"
        if (it != m_list.end())
        {
            it->second.expiry.Cancel();
            FlowBinding gone = it->second;
            m_list.erase(it);
            table->Remove(owner, op.next.fid);
            NotifyList(gone, op.pro == mip6::FA_PRO_DELETE ? LIST_DELETED : LIST_SWITCHED);
        }
        break;
    case mip6::FA_PRO_REFRESH:
        // "set Active/Inactive Flag to Active"
        if (it != m_list.end())
        {
            it->second.active = true;
            it->second.lifetime = op.next.lifetime;
            Install(it->second);
            Arm(it->second);
            NotifyList(it->second, LIST_ACTIVATED);
        }
        break;
    case mip6::FA_PRO_MOVE:
        // "change the care-of address to the value in Target Care-of Address sub-option"
        if (it != m_list.end())
        {
            it->second.careOfAddress = op.next.careOfAddress;
            it->second.lifetime = op.next.lifetime;
            Install(it->second);
            Arm(it->second);
            NotifyList(it->second, LIST_MOVED);
        }
        break;
    default:
        break;
    }
}

bool
LmaFlowBindingExtension::Install(const FlowBinding& b)
{
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    Ptr<BindingCacheEntry> bce = BindingAt(b.mnId, b.careOfAddress);
    if (!bce)
    {
        NS_LOG_WARN("LMA: no binding of " << b.mnId << " at " << b.careOfAddress << " for flow "
                                          << b.fid);
        return false;
    }
    FlowBindingEntry e;
    e.owner = lma->GetFlowOwner(b.mnId);
    e.fid = b.fid;
    e.priority = b.priority;
    e.selector = b.selector;
    e.action = FlowBindingAction::FORWARD;
    e.bids = {bce->bindingId};
    e.active = b.active;
    Ptr<FlowBindingTable> table = lma->GetFlowBindingTable();
    return table->Find(e.owner, e.fid) ? table->Modify(e) : table->Add(e);
}

void
LmaFlowBindingExtension::Arm(FlowBinding& b)
{
    b.expiry.Cancel();
    if (b.lifetime != 0)
    {
        b.expiry = Simulator::Schedule(Seconds(mip6::FA_LIFETIME_UNIT_SECONDS * b.lifetime),
                                       &LmaFlowBindingExtension::Expire,
                                       this,
                                       b.mnId,
                                       b.fid);
    }
}

void
LmaFlowBindingExtension::Expire(std::string mnId, uint16_t fid)
{
    auto it = m_list.find(Key(mnId, fid));
    if (it == m_list.end())
    {
        return;
    }
    it->second.active = false;
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    lma->GetFlowBindingTable()->SetActive(lma->GetFlowOwner(mnId), fid, false);
    NotifyList(it->second, LIST_EXPIRED);
}

// ---- flows registered by PBUs (switch target, section 3 prerequisite) ------------------------

void
LmaFlowBindingExtension::AddPbaOptions(BindingAckHeader& pba,
                                       const ProxyBindingRequest& req,
                                       Ptr<const BindingCacheEntry> entry)
{
    if (!m_acceptPbuFlows || !entry || GetLma()->GetExtension<LmaFlowIdentificationExtension>())
    {
        return;
    }
    for (const auto& option : req.options.FindAll<FlowIdentificationOption>())
    {
        Ptr<FlowIdentificationOption> copy =
            Create<FlowIdentificationOption>(option->GetFid(), option->GetPriority());
        Key key(entry->mnId, option->GetFid());
        if (!option->HasTrafficSelector() || Busy(entry->mnId, option->GetFid()))
        {
            copy->SetStatus(mip6::FID_STATUS_REJECTED_UNSPECIFIED);
            pba.AddOption(copy);
            continue;
        }
        auto it = m_list.find(key);
        if (it != m_list.end())
        {
            it->second.expiry.Cancel();
        }
        FlowBinding& b = m_list[key];
        bool known = it != m_list.end();
        b.mnId = entry->mnId;
        b.fid = option->GetFid();
        b.priority = static_cast<uint8_t>(std::min<uint16_t>(option->GetPriority(), 255));
        b.selector = option->GetTrafficSelector();
        b.hasSelector = true;
        b.careOfAddress = entry->proxyCoa;
        b.active = true;
        b.lifetime = 0;
        FlowBindingEntry e;
        e.owner = GetLma()->GetFlowOwner(b.mnId);
        e.fid = b.fid;
        e.priority = b.priority;
        e.selector = b.selector;
        e.bids = {entry->bindingId};
        Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
        bool ok = table->Find(e.owner, e.fid) ? table->Modify(e) : table->Add(e);
        copy->SetStatus(ok ? mip6::FID_STATUS_SUCCESS : mip6::FID_STATUS_REJECTED_UNSPECIFIED);
        copy->AddTrafficSelector(b.selector);
        pba.AddOption(copy);
        NotifyList(b, known ? LIST_REPLACED : LIST_ADDED);
    }
}

void
LmaFlowBindingExtension::NotifyBinding(BindingEvent event,
                                       Ptr<BindingCacheEntry> entry,
                                       Ipv6Address previousProxyCoa)
{
    if (!GetLma())
    {
        return; // disposed
    }
    if (event == BINDING_MOVED)
    {
        // a handover of the binding: its flows follow it
        for (auto it = m_list.lower_bound(Key(entry->mnId, 0));
             it != m_list.end() && it->first.first == entry->mnId;
             ++it)
        {
            if (it->second.careOfAddress == previousProxyCoa)
            {
                it->second.careOfAddress = entry->proxyCoa;
                NotifyList(it->second, LIST_MOVED);
            }
        }
        return;
    }
    if (event != BINDING_DELETED)
    {
        return;
    }
    // the binding is gone: the list entries through it go with it
    bool others = false;
    for (const auto& e : GetLma()->GetBindingCache()->FindByMnId(entry->mnId))
    {
        others = others || (e != entry && e->proxyCoa == entry->proxyCoa);
    }
    if (others)
    {
        return;
    }
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    uint64_t owner = GetLma()->GetFlowOwner(entry->mnId);
    for (auto it = m_list.lower_bound(Key(entry->mnId, 0));
         it != m_list.end() && it->first.first == entry->mnId;)
    {
        if (it->second.careOfAddress == entry->proxyCoa)
        {
            it->second.expiry.Cancel();
            FlowBinding gone = it->second;
            table->Remove(owner, gone.fid);
            it = m_list.erase(it);
            NotifyList(gone, LIST_DELETED);
        }
        else
        {
            ++it;
        }
    }
}

} // namespace ns3

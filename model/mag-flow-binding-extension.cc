/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// LMA-initiated flow binding at the MAG: draft-sarikaya-netext-lma-init-flow-binding-00
// sections 3.7 and 5 (PFBI processing, the MAG's flow bindings list, PFBA).

#include "mag-flow-binding-extension.h"

#include "flow-binding-encoding.h"
#include "flow-options.h"
#include "mag-ipv4-transport-extension.h"
#include "mag-routing.h"
#include "pmipv6-mag-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagFlowBindingExtension");

NS_OBJECT_ENSURE_REGISTERED(MagFlowBindingExtension);

namespace
{

/**
 * The MAG's IPv4-Proxy-CoA (RFC 5844 4): the address of its MagIpv4TransportExtension, else
 * the IPv4 address of an IPv4-mapped Proxy-CoA, else 0.0.0.0 (IPv6 transport).
 * \param mag the MAG
 * \return the address
 */
Ipv4Address
Ipv4ProxyCoaOf(Ptr<Pmipv6MagApplication> mag)
{
    if (Ptr<MagIpv4TransportExtension> transport = mag->GetExtension<MagIpv4TransportExtension>())
    {
        return transport->GetIpv4ProxyCoa();
    }
    Ipv6Address coa = mag->GetProxyCoa();
    return coa.IsIpv4MappedAddress() ? coa.GetIpv4MappedAddress() : Ipv4Address::GetAny();
}

/// Bits of the PRO field (7.2.1: "a 4-bit field").
constexpr uint8_t FA_PRO_MASK = 0x0f;
/// Shift of a PRO written in the high four bits of its octet.
constexpr uint8_t FA_PRO_HIGH_SHIFT = 4;

/**
 * The PRO of a Flow Attribute option: the low four bits of the octet (the module writes the
 * value there), or the high four when the low ones are zero (a peer that puts the 4-bit field
 * at the start of the octet).
 * \param octet the PRO octet
 * \return the PRO value
 */
uint8_t
ReadPro(uint8_t octet)
{
    if ((octet & FA_PRO_MASK) == 0)
    {
        return octet >> FA_PRO_HIGH_SHIFT;
    }
    return octet & FA_PRO_MASK;
}

} // namespace

TypeId
MagFlowBindingExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MagFlowBindingExtension")
            .SetParent<Pmipv6MagExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MagFlowBindingExtension>()
            .AddAttribute("Encoding",
                          "Which indications are answered: Pfbi (draft-000 PFBI), Fbi (RFC 7109 "
                          "FBI, MH type 21) or Both (each answered in its own encoding). One of "
                          "the other kind is dropped unanswered, with a warning.",
                          EnumValue(MagFlowBindingExtension::ENCODING_BOTH),
                          MakeEnumAccessor(&MagFlowBindingExtension::m_encoding),
                          MakeEnumChecker(MagFlowBindingExtension::ENCODING_PFBI,
                                          "Pfbi",
                                          MagFlowBindingExtension::ENCODING_FBI,
                                          "Fbi",
                                          MagFlowBindingExtension::ENCODING_BOTH,
                                          "Both"))
            .AddTraceSource("ListChanged",
                            "An entry of the MAG's flow bindings list changed (section 5).",
                            MakeTraceSourceAccessor(&MagFlowBindingExtension::m_listTrace),
                            "ns3::MagFlowBindingExtension::ListChangedTracedCallback")
            .AddTraceSource("PfbaSent",
                            "A PFBA was sent (sequence, status).",
                            MakeTraceSourceAccessor(&MagFlowBindingExtension::m_pfbaTrace),
                            "ns3::MagFlowBindingExtension::PfbaSentTracedCallback");
    return tid;
}

MagFlowBindingExtension::MagFlowBindingExtension()
{
}

MagFlowBindingExtension::~MagFlowBindingExtension()
{
}

void
MagFlowBindingExtension::DoDispose()
{
    for (auto& [key, b] : m_list)
    {
        b.expiry.Cancel();
    }
    m_list.clear();
    m_routeRefs.clear();
    m_last.clear();
    Pmipv6MagExtension::DoDispose();
}

std::vector<uint8_t>
MagFlowBindingExtension::GetMhTypes() const
{
    // the draft gives PFBI and PFBA one MH type: a MAG receives only PFBIs, so a PFBI sent
    // with the PFBA's type is read as a PFBI too; MH type 21 carries the RFC 7109 FBIs
    return {mip6::MH_PROXY_FLOW_BINDING_INDICATION,
            mip6::MH_PROXY_FLOW_BINDING_ACK,
            mip6::MH_FLOW_BINDING};
}

const MagFlowBindingExtension::FlowBinding*
MagFlowBindingExtension::GetFlowBinding(const std::string& mnId, uint16_t fid) const
{
    auto it = m_list.find(Key(mnId, fid));
    return it == m_list.end() ? nullptr : &it->second;
}

std::vector<MagFlowBindingExtension::FlowBinding>
MagFlowBindingExtension::GetFlowBindings(const std::string& mnId) const
{
    std::vector<FlowBinding> out;
    for (auto it = m_list.lower_bound(Key(mnId, 0)); it != m_list.end() && it->first.first == mnId;
         ++it)
    {
        out.push_back(it->second);
    }
    return out;
}

void
MagFlowBindingExtension::PrintFlowBindings(std::ostream& os, const std::string& mnId) const
{
    std::vector<FlowBinding> list = GetFlowBindings(mnId);
    if (list.empty())
    {
        os << "  (empty)" << std::endl;
    }
    for (const auto& b : list)
    {
        os << "  FID " << b.fid << " PRI " << +b.priority << " LMA " << b.lma << " lifetime "
           << b.lifetime * mip6::FA_LIFETIME_UNIT_SECONDS << "s";
        if (b.hasSelector)
        {
            os << " " << b.selector;
        }
        os << std::endl;
    }
}

uint64_t
MagFlowBindingExtension::GetPfbaCount(uint8_t status) const
{
    auto it = m_pfbas.find(status);
    return it == m_pfbas.end() ? 0 : it->second;
}

Ptr<BindingUpdateListEntry>
MagFlowBindingExtension::Registered(const std::string& mnId) const
{
    for (const auto& e : GetMag()->GetBindingUpdateList()->FindByMnId(mnId))
    {
        if (e->state == BindingUpdateListEntry::REGISTERED ||
            e->state == BindingUpdateListEntry::REFRESHING)
        {
            return e;
        }
    }
    return nullptr;
}

std::string
MagFlowBindingExtension::ReadTarget(const MobilityOptionList& options,
                                    std::vector<HomeNetworkPrefix>& prefixes)
{
    for (const auto& hnp : options.FindAll<HomeNetworkPrefixOption>())
    {
        prefixes.emplace_back(hnp->GetPrefix(), hnp->GetPrefixLength());
    }
    Ptr<MobileNodeIdentifierOption> mnIdOpt = options.Find<MobileNodeIdentifierOption>();
    return mnIdOpt ? mnIdOpt->GetNai() : "";
}

bool
MagFlowBindingExtension::AnswerAgain(Ipv6Address lma, uint16_t seq, bool ack)
{
    auto last = m_last.find(lma);
    if (last == m_last.end() || last->second.sequence != seq)
    {
        return false;
    }
    // a retransmission: its answer was lost; the same answer again
    NS_LOG_LOGIC("indication seq " << seq << " again: same answer");
    if (ack)
    {
        Ptr<Pmipv6MagApplication> mag = GetMag();
        Ptr<MobilityL4Protocol> mobility = mag->GetMobilityProtocol();
        uint8_t status =
            last->second.fbi ? last->second.fba.GetStatus() : last->second.pfba.GetStatus();
        m_pfbas[status]++;
        m_pfbaTrace(seq, status);
        if (last->second.fbi)
        {
            mobility->Send(last->second.fba, mag->GetProxyCoa(), lma);
        }
        else
        {
            mobility->Send(last->second.pfba, mag->GetProxyCoa(), lma);
        }
    }
    return true;
}

void
MagFlowBindingExtension::Receive(uint8_t mhType,
                                 Ptr<Packet> p,
                                 const Ipv6Header& ip,
                                 uint32_t /* interface */)
{
    if (mhType == mip6::MH_FLOW_BINDING)
    {
        ReceiveFbi(p, ip);
        return;
    }
    if (m_encoding == ENCODING_FBI)
    {
        NS_LOG_WARN("MAG " << GetMag()->GetProxyCoa() << ": PFBI from " << ip.GetSource()
                           << " dropped (Encoding Fbi)");
        return;
    }
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<MobilityL4Protocol> mobility = mag->GetMobilityProtocol();
    // decode as a PFBI whichever of the pair's MH types it came with
    std::vector<uint8_t> raw(p->GetSize());
    p->CopyData(raw.data(), raw.size());
    ProxyFlowBindingIndicationHeader pfbi;
    if (raw.size() > 2)
    {
        raw[2] = pfbi.GetMhType();
    }
    if (!mobility->Decode(Create<Packet>(raw.data(), raw.size()), ip, pfbi))
    {
        return;
    }
    Ipv6Address lma = ip.GetSource();
    Ptr<MobileNodeIdentifierOption> named = pfbi.GetOptions().Find<MobileNodeIdentifierOption>();
    if (!mag->IsLmaOf(lma, named ? named->GetNai() : ""))
    {
        NS_LOG_WARN("MAG " << mag->GetProxyCoa() << ": PFBI from " << lma
                           << ", which is not the LMA of " << (named ? named->GetNai() : "?")
                           << ": dropped");
        mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_UNKNOWN_PEER);
        return;
    }
    uint16_t seq = pfbi.GetSequence();
    bool ack = pfbi.HasFlag(ProxyFlowBindingIndicationHeader::FLAG_A);
    if (AnswerAgain(lma, seq, ack))
    {
        return;
    }
    std::vector<HomeNetworkPrefix> prefixes;
    std::string mnId = ReadTarget(pfbi.GetOptions(), prefixes);
    ProxyFlowBindingAckHeader pfba;
    pfba.SetSequence(seq);
    if (!mnId.empty())
    {
        pfba.AddOption(Create<MobileNodeIdentifierOption>(mnId));
    }
    uint32_t ok = 0;
    uint32_t failed = 0;
    for (const auto& option : pfbi.GetOptions().FindAll<FlowAttributeOption>())
    {
        bool done = Process(mnId, option, prefixes, lma);
        ok += done ? 1 : 0;
        failed += done ? 0 : 1;
        // 3.7: "copy each flow Attribute to the acknowledging message", with its Status
        option->SetStatus(done ? mip6::PFBA_SUCCESS : mip6::PFBA_BINDING_DOES_NOT_EXIST);
        pfba.AddOption(option);
    }
    uint8_t status = failed == 0 && ok > 0 ? mip6::PFBA_SUCCESS
                     : ok > 0              ? mip6::PFBA_PARTIAL_SUCCESS
                                           : mip6::PFBA_BINDING_DOES_NOT_EXIST;
    pfba.SetStatus(status);
    NS_LOG_INFO("MAG " << mag->GetProxyCoa() << ": PFBI seq " << seq << " for " << mnId
                       << ": status " << +status << (ack ? "" : " (no PFBA asked)"));
    LastAnswer& last = m_last[lma];
    last.sequence = seq;
    last.fbi = false;
    last.pfba = pfba;
    if (ack)
    {
        m_pfbas[status]++;
        m_pfbaTrace(seq, status);
        mobility->Send(pfba, mag->GetProxyCoa(), lma);
    }
}

void
MagFlowBindingExtension::ReceiveFbi(Ptr<Packet> p, const Ipv6Header& ip)
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    if (FlowBindingHeader::PeekFlowBindingType(p) != mip6::FB_INDICATION)
    {
        NS_LOG_WARN("MAG " << mag->GetProxyCoa() << ": Flow Binding message other than an FBI "
                           << "from " << ip.GetSource() << ": ignored");
        return;
    }
    if (m_encoding == ENCODING_PFBI)
    {
        NS_LOG_WARN("MAG " << mag->GetProxyCoa() << ": FBI from " << ip.GetSource()
                           << " dropped (Encoding Pfbi)");
        return;
    }
    Ptr<MobilityL4Protocol> mobility = mag->GetMobilityProtocol();
    FlowBindingIndicationHeader fbi;
    if (!mobility->Decode(p, ip, fbi))
    {
        return;
    }
    Ipv6Address lma = ip.GetSource();
    Ptr<MobileNodeIdentifierOption> named = fbi.GetOptions().Find<MobileNodeIdentifierOption>();
    if (!mag->IsLmaOf(lma, named ? named->GetNai() : ""))
    {
        NS_LOG_WARN("MAG " << mag->GetProxyCoa() << ": FBI from " << lma
                           << ", which is not the LMA of " << (named ? named->GetNai() : "?")
                           << ": dropped");
        mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_UNKNOWN_PEER);
        return;
    }
    uint16_t seq = fbi.GetSequence();
    bool ack = fbi.IsAckRequested();
    if (AnswerAgain(lma, seq, ack))
    {
        return;
    }
    std::vector<HomeNetworkPrefix> prefixes;
    std::string mnId = ReadTarget(fbi.GetOptions(), prefixes);
    FlowBindingAckHeader fba;
    fba.SetSequence(seq);
    if (!mnId.empty())
    {
        fba.AddOption(Create<MobileNodeIdentifierOption>(mnId));
    }
    uint32_t ok = 0;
    for (const auto& option : fbi.GetOptions().FindAll<FlowIdentificationOption>())
    {
        Ptr<FlowAttributeOption> fa = FlowIdToFlowAttribute(*option);
        bool known = m_list.find(Key(mnId, option->GetFid())) != m_list.end();
        bool done = Process(mnId, fa, prefixes, lma);
        ok += done ? 1 : 0;
        // the FBA copies the option with its RFC 6089 Status
        option->SetStatus(done    ? mip6::FID_STATUS_SUCCESS
                          : known ? mip6::FID_STATUS_REJECTED_UNSPECIFIED
                                  : mip6::FID_STATUS_FID_NOT_FOUND);
        fba.AddOption(option);
    }
    uint8_t status = ok > 0 ? mip6::FBA_SUCCESS : mip6::FBA_BINDING_DOES_NOT_EXIST;
    fba.SetStatus(status);
    NS_LOG_INFO("MAG " << mag->GetProxyCoa() << ": FBI seq " << seq << " for " << mnId
                       << ": status " << +status << (ack ? "" : " (no FBA asked)"));
    LastAnswer& last = m_last[lma];
    last.sequence = seq;
    last.fbi = true;
    last.fba = fba;
    if (ack)
    {
        m_pfbas[status]++;
        m_pfbaTrace(seq, status);
        mobility->Send(fba, mag->GetProxyCoa(), lma);
    }
}

bool
MagFlowBindingExtension::Process(std::string mnId,
                                 Ptr<FlowAttributeOption> option,
                                 const std::vector<HomeNetworkPrefix>& prefixes,
                                 Ipv6Address lma)
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    uint16_t fid = option->GetFlowId();
    uint8_t pro = ReadPro(option->GetPro());
    if (mnId.empty())
    {
        // no MN-ID: the only mobile node whose list has the FID
        uint32_t found = 0;
        for (const auto& [key, b] : m_list)
        {
            if (key.second == fid)
            {
                mnId = key.first;
                found++;
            }
        }
        if (found != 1)
        {
            return false;
        }
    }
    Key key(mnId, fid);
    auto it = m_list.find(key);
    Ptr<BindingUpdateListEntry> entry = Registered(mnId);
    Ptr<TargetCareOfAddressSubOption> target = option->GetTargetCareOfAddress();
    // an IPv4 Target CoA (draft 000 section 6) names this MAG by its IPv4-Proxy-CoA
    bool here = target && (target->IsIpv4() ? target->GetIpv4Address() == Ipv4ProxyCoaOf(mag) &&
                                                  !target->GetIpv4Address().IsAny()
                                            : target->GetIpv6Address() == mag->GetProxyCoa());
    FlowBinding b;
    b.mnId = mnId;
    b.fid = fid;
    b.priority = option->GetPriority();
    b.hasSelector = option->IsFlowDescriptionSupported();
    b.selector = option->GetFlowDescription();
    b.lma = lma;
    b.lifetime = option->GetLifetime();
    NS_LOG_LOGIC("MAG " << mag->GetProxyCoa() << ": PRO " << +pro << " FID " << fid << " of "
                        << mnId << (here ? " (Target CoA here)" : ""));
    switch (pro)
    {
    case mip6::FA_PRO_ADD:
        // 5: "MAG adds the flow to the list"; 3.1: the Target CoA names this MAG
        if (!entry || !here)
        {
            return false;
        }
        if (it != m_list.end())
        {
            Drop(key, LIST_DELETED);
        }
        Take(b, entry, prefixes);
        return true;
    case mip6::FA_PRO_DELETE:
        if (it == m_list.end())
        {
            return false; // 128: Binding Does NOT Exist
        }
        Drop(key, LIST_DELETED);
        return true;
    case mip6::FA_PRO_MODIFY:
        // 3.3: the existing definition is removed and the new one added under the same FID;
        // a Target CoA of another MAG makes this MAG the flow's old MAG (it only removes), one
        // naming this MAG makes it the MAG the modified flow goes to (it may not have it yet)
        if (target && !here)
        {
            if (it == m_list.end())
            {
                return false;
            }
            Drop(key, LIST_DELETED);
            return true;
        }
        if ((it == m_list.end() && !here) || !entry)
        {
            return false; // 128: Binding Does NOT Exist
        }
        if (it != m_list.end())
        {
            Drop(key, LIST_DELETED);
        }
        Take(b, entry, prefixes);
        return true;
    case mip6::FA_PRO_REFRESH:
        if (it == m_list.end())
        {
            return false;
        }
        it->second.lifetime = b.lifetime;
        it->second.priority = b.priority;
        if (b.hasSelector)
        {
            it->second.selector = b.selector;
            it->second.hasSelector = true;
        }
        Arm(it->second);
        m_listTrace(it->second, LIST_REFRESHED);
        return true;
    case mip6::FA_PRO_MOVE:
        // 5: "If the MAG is the source then it deletes the flow from the list and if the MAG
        // is the destination, it deletes the current entry and adds a new one"
        if (!target)
        {
            return false;
        }
        if (!here)
        {
            if (it == m_list.end())
            {
                return false;
            }
            Drop(key, LIST_DELETED);
            return true;
        }
        if (!entry)
        {
            return false;
        }
        if (it != m_list.end())
        {
            Drop(key, LIST_DELETED);
        }
        Take(b, entry, prefixes);
        return true;
    case mip6::FA_PRO_SWITCH: {
        // 5: "MAG starts LMA switch operations"
        Ptr<AlternateLmaSubOption> alt = option->GetAlternateLma();
        if (!alt || alt->GetAddresses().empty() || !entry)
        {
            return false;
        }
        if (it == m_list.end())
        {
            if (!b.hasSelector)
            {
                return false; // nothing to register the flow with
            }
            it = m_list.emplace(key, b).first;
        }
        Unroute(it->second);
        it->second.expiry.Cancel();
        it->second.lma = alt->GetAddresses().front();
        it->second.lifetime = 0;
        if (b.hasSelector)
        {
            it->second.selector = b.selector;
            it->second.hasSelector = true;
        }
        m_switchTo[mnId] = it->second.lma;
        m_listTrace(it->second, LIST_SWITCHED);
        // after the PFBA has gone
        Simulator::ScheduleNow(&MagFlowBindingExtension::Rehome, this, mnId);
        return true;
    }
    default:
        return false;
    }
}

void
MagFlowBindingExtension::Take(FlowBinding b,
                              Ptr<BindingUpdateListEntry> entry,
                              const std::vector<HomeNetworkPrefix>& prefixes)
{
    Ptr<MagRouting> routing = GetMag()->GetRouting();
    for (const auto& prefix : prefixes)
    {
        bool own = false;
        for (const auto& hnp : entry->homeNetworkPrefixes)
        {
            own = own || hnp == prefix;
        }
        if (own)
        {
            continue;
        }
        if (m_routeRefs[prefix]++ == 0 && !routing->HasBinding(prefix.prefix, prefix.length))
        {
            // the flow's downlink comes here now: to the MN's access link; its uplink from the
            // access link into the tunnel
            routing->AddBinding(prefix.prefix,
                                prefix.length,
                                entry->accessInterface,
                                entry->tunnelInterface,
                                entry->mnLinkLocalAddress);
        }
        b.routed.push_back(prefix);
    }
    Key key(b.mnId, b.fid);
    FlowBinding& stored = m_list[key];
    stored = b;
    Arm(stored);
    NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": flow " << b.fid << " of " << b.mnId
                       << " added (" << b.routed.size() << " prefixes routed here)");
    m_listTrace(stored, LIST_ADDED);
}

void
MagFlowBindingExtension::Unroute(FlowBinding& b)
{
    for (const auto& prefix : b.routed)
    {
        auto ref = m_routeRefs.find(prefix);
        if (ref != m_routeRefs.end() && --ref->second == 0)
        {
            m_routeRefs.erase(ref);
            // only a route this extension added: not one of a binding's own HNPs
            if (!GetMag()->GetBindingUpdateList()->FindByPrefix(prefix))
            {
                GetMag()->GetRouting()->RemoveBinding(prefix.prefix, prefix.length);
            }
        }
    }
    b.routed.clear();
}

void
MagFlowBindingExtension::Drop(const Key& key, ListChange change)
{
    auto it = m_list.find(key);
    if (it == m_list.end())
    {
        return;
    }
    it->second.expiry.Cancel();
    Unroute(it->second);
    FlowBinding gone = it->second;
    m_list.erase(it);
    NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": flow " << key.second << " of " << key.first
                       << " removed (" << +change << ")");
    m_listTrace(gone, change);
}

void
MagFlowBindingExtension::Arm(FlowBinding& b)
{
    b.expiry.Cancel();
    if (b.lifetime != 0)
    {
        b.expiry = Simulator::Schedule(Seconds(mip6::FA_LIFETIME_UNIT_SECONDS * b.lifetime),
                                       &MagFlowBindingExtension::Drop,
                                       this,
                                       Key(b.mnId, b.fid),
                                       LIST_EXPIRED);
    }
}

void
MagFlowBindingExtension::Rehome(std::string mnId)
{
    Ptr<BindingUpdateListEntry> entry = Registered(mnId);
    auto to = m_switchTo.find(mnId);
    if (!entry || to == m_switchTo.end() || entry->lmaAddress == to->second)
    {
        return;
    }
    Ptr<NetDevice> device = entry->accessDevice;
    Address mac = entry->mnMacAddress;
    NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": " << mnId << " switches from "
                       << entry->lmaAddress << " to " << to->second);
    m_rehoming = true;
    GetMag()->NotifyDetach(device, mac);
    GetMag()->NotifyAttach(device, mnId, mac, mip6::HI_NEW_INTERFACE);
    m_rehoming = false;
}

Ipv6Address
MagFlowBindingExtension::SelectLma(const std::string& mnId, Ptr<NetDevice> /* device */)
{
    auto to = m_switchTo.find(mnId);
    return to == m_switchTo.end() ? Ipv6Address::GetAny() : to->second;
}

void
MagFlowBindingExtension::AddPbuOptions(BindingUpdateHeader& pbu,
                                       Ptr<const BindingUpdateListEntry> entry)
{
    auto to = m_switchTo.find(entry->mnId);
    if (to == m_switchTo.end() || entry->lmaAddress != to->second ||
        entry->state == BindingUpdateListEntry::DEREGISTERING)
    {
        return;
    }
    // the switched flows, registered with the alternate LMA (RFC 6089 Flow Identification,
    // forward to this binding)
    for (auto it = m_list.lower_bound(Key(entry->mnId, 0));
         it != m_list.end() && it->first.first == entry->mnId;
         ++it)
    {
        if (it->second.lma != to->second || !it->second.hasSelector)
        {
            continue;
        }
        uint16_t priority = it->second.priority == 0 ? 1 : it->second.priority;
        Ptr<FlowIdentificationOption> fid =
            Create<FlowIdentificationOption>(it->second.fid, priority);
        fid->AddTrafficSelector(it->second.selector);
        pbu.AddOption(fid);
    }
}

void
MagFlowBindingExtension::NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry)
{
    if (event != BINDING_REMOVED || m_rehoming || !GetMag())
    {
        return;
    }
    if (Registered(entry->mnId))
    {
        return; // another binding of the mobile node is still here
    }
    std::vector<Key> gone;
    for (auto it = m_list.lower_bound(Key(entry->mnId, 0));
         it != m_list.end() && it->first.first == entry->mnId;
         ++it)
    {
        gone.push_back(it->first);
    }
    for (const auto& key : gone)
    {
        Drop(key, LIST_DELETED);
    }
    m_switchTo.erase(entry->mnId);
}

} // namespace ns3

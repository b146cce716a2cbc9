/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pmipv6-lma-application.h"

#include "binding-revocation-header.h"
#include "flow-binding-table.h"
#include "flow-options.h"
#include "ipv6-tunnel-l4-protocol.h"
#include "lma-routing.h"
#include "mobility-l4-protocol.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/boolean.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6LmaApplication");

NS_OBJECT_ENSURE_REGISTERED(Pmipv6LmaApplication);

namespace
{

/**
 * \brief Whether sequence number \p a is newer than \p b modulo 2^16 (RFC 6275 9.5.1).
 * \param a the new value
 * \param b the old value
 * \return true when newer
 */
bool
SequenceNewer(uint16_t a, uint16_t b)
{
    uint16_t d = static_cast<uint16_t>(a - b);
    return d != 0 && d < 32768;
}

/**
 * \brief Lifetime field (4 s units) for a duration, saturated at 65535.
 * \param t the duration
 * \return the field value
 */
uint16_t
LifetimeUnits(Time t)
{
    int64_t units = t.GetSeconds() / 4;
    return static_cast<uint16_t>(std::clamp<int64_t>(units, 0, 65535));
}

/**
 * \brief The set of prefixes of a list, for comparisons that ignore order.
 * \param v the list
 * \return the set
 */
std::set<HomeNetworkPrefix>
PrefixSet(const std::vector<HomeNetworkPrefix>& v)
{
    return std::set<HomeNetworkPrefix>(v.begin(), v.end());
}

} // namespace

TypeId
Pmipv6LmaApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Pmipv6LmaApplication")
            .SetParent<Application>()
            .SetGroupName("Pmipv6")
            .AddConstructor<Pmipv6LmaApplication>()
            .AddAttribute("Address",
                          "The LMA address (LMAA): tunnel end point and source of every PBA. "
                          "When unspecified, the destination of each PBU is used.",
                          Ipv6AddressValue(Ipv6Address::GetAny()),
                          MakeIpv6AddressAccessor(&Pmipv6LmaApplication::m_address),
                          MakeIpv6AddressChecker())
            .AddAttribute("ProfileStore",
                          "The policy store (RFC 5213 4.2) with the mobile nodes' profiles.",
                          PointerValue(),
                          MakePointerAccessor(&Pmipv6LmaApplication::m_profiles),
                          MakePointerChecker<Pmipv6ProfileStore>())
            .AddAttribute("PrefixPool",
                          "The pool home network prefixes are assigned from.",
                          PointerValue(),
                          MakePointerAccessor(&Pmipv6LmaApplication::m_pool),
                          MakePointerChecker<PrefixPool>())
            .AddAttribute("TimestampBasedApproachInUse",
                          "Order PBUs by their Timestamp option (RFC 5213 5.5); when false, by "
                          "sequence number modulo 2^16.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Pmipv6LmaApplication::m_useTimestamps),
                          MakeBooleanChecker())
            .AddAttribute("TimestampValidityWindow",
                          "Largest accepted difference between a PBU's timestamp and the "
                          "LMA's clock (RFC 5213 9.1).",
                          TimeValue(MilliSeconds(300)),
                          MakeTimeAccessor(&Pmipv6LmaApplication::m_timestampWindow),
                          MakeTimeChecker())
            .AddAttribute("MinDelayBeforeBCEDelete",
                          "How long a de-registered binding cache entry is kept (RFC 5213 9.1).",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&Pmipv6LmaApplication::m_minDelayBeforeDelete),
                          MakeTimeChecker())
            .AddAttribute("MaxDelayBeforeNewBCEAssign",
                          "How long a PBU with Handoff Indicator 4 waits for the previous "
                          "MAG's de-registration before a new session is created (RFC 5213 "
                          "9.1).",
                          TimeValue(MilliSeconds(1500)),
                          MakeTimeAccessor(&Pmipv6LmaApplication::m_maxDelayBeforeNewBce),
                          MakeTimeChecker())
            .AddAttribute("MaxBindingLifetime",
                          "Longest lifetime the LMA grants.",
                          TimeValue(Seconds(3600)),
                          MakeTimeAccessor(&Pmipv6LmaApplication::m_maxLifetime),
                          MakeTimeChecker())
            .AddAttribute("MaxBindingCacheEntries",
                          "Most binding cache entries (mobility sessions, those waiting for "
                          "deletion included) the LMA holds; a new session beyond it is "
                          "refused with status 130 (INSUFFICIENT_RESOURCES). 0 = unlimited.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&Pmipv6LmaApplication::m_maxEntries),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ClockOffset",
                          "Offset of this LMA's clock from simulation time, to study "
                          "unsynchronized clocks and the timestamp checks.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&Pmipv6LmaApplication::m_clockOffset),
                          MakeTimeChecker())
            .AddAttribute("ProxyRegistrationEnabled",
                          "Accept proxy registrations; when false every PBU is answered with "
                          "status 152 (PROXY_REG_NOT_ENABLED).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Pmipv6LmaApplication::m_proxyRegistrationEnabled),
                          MakeBooleanChecker())
            .AddAttribute("RevokeOnHandover",
                          "Send a Binding Revocation Indication (RFC 5846) to the previous MAG "
                          "of a session that moved, so that it drops its binding.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Pmipv6LmaApplication::m_revokeOnHandover),
                          MakeBooleanChecker())
            .AddAttribute("PointToMultipointTunnel",
                          "One tunnel interface for all MAGs (Ipv6TunnelL4Protocol "
                          "PointToMultipoint): the LMA's interface count no longer grows with "
                          "its MAGs, and a binding's tunnelInterface is a tunnel identifier, "
                          "not an IPv6 interface index. The LMA then sends no ICMPv6 "
                          "Redirects and routes no IPv4 home addresses (RFC 5844 signalling "
                          "still runs). Read when the application starts.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&Pmipv6LmaApplication::m_pointToMultipointTunnel),
                          MakeBooleanChecker())
            .AddAttribute("DefaultBindingPriority",
                          "BID-PRI (RFC 6089 4.1, a lower value takes precedence) of a new "
                          "binding cache entry whose PBU carries no Binding Identifier option "
                          "with a priority.",
                          UintegerValue(64),
                          MakeUintegerAccessor(&Pmipv6LmaApplication::m_defaultBindingPriority),
                          MakeUintegerChecker<uint8_t>(1, BindingIdentifierOption::MAX_PRIORITY))
            .AddAttribute("MinDelayBRIs",
                          "How long the LMA waits for the Binding Revocation Acknowledgement "
                          "before it retransmits a BRI (RFC 5846 MINDelayBRIs); the wait "
                          "doubles after each retransmission, capped at the signalling "
                          "manager's MaxTimeout.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&Pmipv6LmaApplication::m_minDelayBris),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("BRIMaxRetriesNumber",
                          "How many times a BRI is retransmitted without an acknowledgement "
                          "before the revocation gives up (RFC 5846).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&Pmipv6LmaApplication::m_briMaxRetries),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("RxPbu",
                            "A Proxy Binding Update was received and decoded.",
                            MakeTraceSourceAccessor(&Pmipv6LmaApplication::m_rxPbuTrace),
                            "ns3::Pmipv6LmaApplication::PbuTracedCallback")
            .AddTraceSource("TxPba",
                            "A Proxy Binding Acknowledgement was sent.",
                            MakeTraceSourceAccessor(&Pmipv6LmaApplication::m_txPbaTrace),
                            "ns3::Pmipv6LmaApplication::PbaTracedCallback")
            .AddTraceSource("Handover",
                            "A mobility session moved to another MAG.",
                            MakeTraceSourceAccessor(&Pmipv6LmaApplication::m_handoverTrace),
                            "ns3::Pmipv6LmaApplication::HandoverTracedCallback")
            .AddTraceSource(
                "RevocationCompleted",
                "The previous MAG acknowledged a Binding Revocation Indication (with the BRA "
                "status).",
                MakeTraceSourceAccessor(&Pmipv6LmaApplication::m_revocationCompletedTrace),
                "ns3::Pmipv6LmaApplication::RevocationCompletedTracedCallback")
            .AddTraceSource("RevocationGaveUp",
                            "A Binding Revocation Indication was retransmitted "
                            "BRIMaxRetriesNumber times without an acknowledgement.",
                            MakeTraceSourceAccessor(&Pmipv6LmaApplication::m_revocationGaveUpTrace),
                            "ns3::Pmipv6LmaApplication::RevocationGaveUpTracedCallback");
    return tid;
}

Pmipv6LmaApplication::Pmipv6LmaApplication()
    : m_cache(CreateObject<BindingCache>()),
      m_useTimestamps(true),
      m_maxEntries(0),
      m_proxyRegistrationEnabled(true),
      m_revokeOnHandover(true),
      m_pointToMultipointTunnel(false),
      m_defaultBindingPriority(64),
      m_briCount(0),
      m_braCount(0),
      m_pbuCount(0),
      m_signalling(CreateObject<SignallingTransactionManager>()),
      m_minDelayBris(Seconds(1)),
      m_briMaxRetries(1)
{
    NS_LOG_FUNCTION(this);
    m_flowTable = CreateObject<FlowBindingTable>();
    m_signalling->TraceConnectWithoutContext("Sent",
                                             MakeCallback(&Pmipv6LmaApplication::CountBri, this));
    m_signalling->TraceConnectWithoutContext("Retransmitted",
                                             MakeCallback(&Pmipv6LmaApplication::CountBri, this));
}

Pmipv6LmaApplication::~Pmipv6LmaApplication()
{
    NS_LOG_FUNCTION(this);
}

void
Pmipv6LmaApplication::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& kv : m_pending)
    {
        kv.second.timer.Cancel();
    }
    m_pending.clear();
    if (m_signalling)
    {
        m_signalling->Dispose();
    }
    m_signalling = nullptr;
    if (m_cache)
    {
        m_cache->Dispose();
    }
    m_cache = nullptr;
    m_extensions.DisposeAll();
    m_profiles = nullptr;
    m_pool = nullptr;
    m_mobility = nullptr;
    m_tunnels = nullptr;
    m_routing = nullptr;
    if (m_flowTable)
    {
        m_flowTable->Dispose();
    }
    m_flowTable = nullptr;
    m_bindings.clear();
    m_flowOwners.clear();
    Application::DoDispose();
}

Ipv6Address
Pmipv6LmaApplication::GetAddress() const
{
    return m_address;
}

void
Pmipv6LmaApplication::SetAddress(Ipv6Address address)
{
    m_address = address;
}

Ptr<Pmipv6ProfileStore>
Pmipv6LmaApplication::GetProfileStore() const
{
    return m_profiles;
}

void
Pmipv6LmaApplication::SetProfileStore(Ptr<Pmipv6ProfileStore> store)
{
    m_profiles = store;
}

Ptr<PrefixPool>
Pmipv6LmaApplication::GetPrefixPool() const
{
    return m_pool;
}

void
Pmipv6LmaApplication::SetPrefixPool(Ptr<PrefixPool> pool)
{
    m_pool = pool;
}

Ptr<BindingCache>
Pmipv6LmaApplication::GetBindingCache() const
{
    return m_cache;
}

void
Pmipv6LmaApplication::AddExtension(Ptr<Pmipv6LmaExtension> extension)
{
    NS_LOG_FUNCTION(this << extension->GetName());
    NS_ABORT_MSG_IF(extension->GetLma() && extension->GetLma() != this,
                    extension->GetName() << " is registered with another LMA already");
    m_extensions.Add(extension, AgentName());
    extension->SetLma(this);
    if (m_started)
    {
        m_extensions.Start(extension, m_mobility, AgentName());
    }
}

uint32_t
Pmipv6LmaApplication::GetNExtensions() const
{
    return m_extensions.Get().size();
}

Ptr<Pmipv6LmaExtension>
Pmipv6LmaApplication::GetExtension(uint32_t i) const
{
    NS_ABORT_MSG_IF(i >= GetNExtensions(), "no extension " << i);
    return m_extensions.Get()[i];
}

Ptr<MobilityL4Protocol>
Pmipv6LmaApplication::GetMobilityProtocol() const
{
    return m_mobility;
}

Ptr<LmaRouting>
Pmipv6LmaApplication::GetRouting() const
{
    return m_routing;
}

Ptr<FlowBindingTable>
Pmipv6LmaApplication::GetFlowBindingTable() const
{
    return m_flowTable;
}

uint64_t
Pmipv6LmaApplication::GetFlowOwner(const std::string& mnId)
{
    auto it = m_flowOwners.find(mnId);
    if (it == m_flowOwners.end())
    {
        it = m_flowOwners.emplace(mnId, m_flowOwners.size() + 1).first;
    }
    return it->second;
}

Ptr<BindingCacheEntry>
Pmipv6LmaApplication::FindBinding(const std::string& mnId, uint16_t bindingId) const
{
    auto owner = m_flowOwners.find(mnId);
    if (owner == m_flowOwners.end())
    {
        return nullptr;
    }
    auto it = m_bindings.find(BindingKey(owner->second, bindingId));
    return it == m_bindings.end() ? nullptr : m_cache->FindById(it->second);
}

uint64_t
Pmipv6LmaApplication::BindingKey(uint64_t flowOwner, uint16_t bindingId)
{
    return (flowOwner << 16) | bindingId;
}

uint16_t
Pmipv6LmaApplication::NextBindingId(const std::string& mnId, uint16_t preferred) const
{
    // RFC 5648: unique among the mobile node's bindings; the one asked for when free, else
    // the smallest free one from 1 (O(bindings of the MN)).
    std::set<uint16_t> used;
    for (const auto& e : m_cache->FindByMnId(mnId))
    {
        used.insert(e->bindingId);
    }
    if (preferred != 0 && used.count(preferred) == 0)
    {
        return preferred;
    }
    uint16_t bid = 1;
    while (used.count(bid) != 0)
    {
        bid++;
    }
    return bid;
}

FlowBindingOutput
Pmipv6LmaApplication::ResolveBinding(uint64_t flowOwner, uint16_t bindingId)
{
    FlowBindingOutput out;
    auto it = m_bindings.find(BindingKey(flowOwner, bindingId));
    if (it == m_bindings.end())
    {
        return out;
    }
    Ptr<BindingCacheEntry> e = m_cache->FindById(it->second);
    if (e && e->state != BindingCacheEntry::DEREGISTERED_PENDING_DELETE && e->tunnelInterface != 0)
    {
        out.interface = e->tunnelInterface;
    }
    return out;
}

std::string
Pmipv6LmaApplication::AgentName() const
{
    std::ostringstream os;
    os << "LMA on node " << (GetNode() ? GetNode()->GetId() : 0);
    return os.str();
}

void
Pmipv6LmaApplication::NotifyExtensions(Pmipv6LmaExtension::BindingEvent event,
                                       Ptr<BindingCacheEntry> entry,
                                       Ipv6Address previousProxyCoa)
{
    NS_LOG_LOGIC("binding " << entry->id << " of " << entry->mnId << ": "
                            << Pmipv6LmaExtension::BindingEventName(event));
    for (const auto& extension : m_extensions.Get())
    {
        extension->NotifyBinding(event, entry, previousProxyCoa);
    }
}

uint64_t
Pmipv6LmaApplication::GetPbuCount() const
{
    return m_pbuCount;
}

uint64_t
Pmipv6LmaApplication::GetPbaCount(uint8_t status) const
{
    auto it = m_pbaCounts.find(status);
    return it == m_pbaCounts.end() ? 0 : it->second;
}

uint64_t
Pmipv6LmaApplication::GetPbaCount() const
{
    uint64_t n = 0;
    for (const auto& kv : m_pbaCounts)
    {
        n += kv.second;
    }
    return n;
}

uint64_t
Pmipv6LmaApplication::GetRevocationCount() const
{
    return m_briCount;
}

uint64_t
Pmipv6LmaApplication::GetRevocationAckCount() const
{
    return m_braCount;
}

Ptr<SignallingTransactionManager>
Pmipv6LmaApplication::GetSignalling() const
{
    return m_signalling;
}

void
Pmipv6LmaApplication::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> node = GetNode();
    m_mobility = MobilityL4Protocol::Install(node);
    m_tunnels = Ipv6TunnelL4Protocol::Install(node);
    // One tunnel interface per MAG: without addresses, they cost nothing in ns-3's per-packet
    // scan of the node's addresses (LmaRouting chooses the sources of what the LMA sends
    // into a tunnel, and nothing needs their link-local addresses).
    m_tunnels->SetAttribute("LinkLocalAddress", BooleanValue(false));
    if (m_pointToMultipointTunnel)
    {
        // all MAGs through one interface (Ipv6TunnelL4Protocol "PointToMultipoint")
        m_tunnels->SetAttribute("PointToMultipoint", BooleanValue(true));
    }
    m_routing = LmaRouting::Install(node);
    m_routing->SetFlowBindingTable(m_flowTable);
    m_routing->SetBindingResolver(MakeCallback(&Pmipv6LmaApplication::ResolveBinding, this));
    m_signalling->SetMobilityProtocol(m_mobility);
    if (!m_profiles)
    {
        m_profiles = CreateObject<Pmipv6ProfileStore>();
    }
    if (!m_pool)
    {
        m_pool = CreateObject<PrefixPool>();
    }
    m_mobility->RegisterHandler(mip6::MH_BINDING_UPDATE,
                                MakeCallback(&Pmipv6LmaApplication::HandleBindingUpdate, this));
    m_mobility->RegisterHandler(mip6::MH_BINDING_REVOCATION,
                                MakeCallback(&Pmipv6LmaApplication::HandleBindingRevocation, this));
    m_started = true;
    m_extensions.StartAll(m_mobility, AgentName());
}

void
Pmipv6LmaApplication::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_mobility)
    {
        m_mobility->UnregisterHandler(mip6::MH_BINDING_UPDATE);
        m_mobility->UnregisterHandler(mip6::MH_BINDING_REVOCATION);
        m_extensions.StopAll(m_mobility);
    }
    m_started = false;
}

void
Pmipv6LmaApplication::Crash()
{
    NS_LOG_FUNCTION(this);
    NS_LOG_INFO("LMA " << m_address << ": crash, " << m_cache->GetEntries().size()
                       << " bindings lost");
    StopApplication();
    for (auto& kv : m_pending)
    {
        kv.second.timer.Cancel();
    }
    m_pending.clear();
    m_signalling->CancelAll();
    if (m_routing)
    {
        for (const auto& entry : m_cache->GetEntries())
        {
            entry->CancelTimers();
            DeleteEntry(entry);
        }
    }
    m_flowOwners.clear();
    m_crashed = true;
}

void
Pmipv6LmaApplication::Restart()
{
    NS_LOG_FUNCTION(this);
    if (!m_crashed)
    {
        Crash();
    }
    m_crashed = false;
    m_restartCount++;
    NS_LOG_INFO("LMA " << m_address << ": restart " << m_restartCount);
    StartApplication();
}

uint32_t
Pmipv6LmaApplication::GetRestartCount() const
{
    return m_restartCount;
}

uint64_t
Pmipv6LmaApplication::NowTimestamp() const
{
    TimestampOption ts(Simulator::Now() + m_clockOffset);
    return ts.GetRaw();
}

ProxyBindingRequest
Pmipv6LmaApplication::ParseRequest(const BindingUpdateHeader& pbu, Ipv6Address mag)
{
    ProxyBindingRequest req;
    req.mag = mag;
    req.options = pbu.GetOptions();
    req.sequence = pbu.GetSequence();
    req.flags = pbu.GetFlags();
    req.lifetime = Seconds(pbu.GetLifetimeSeconds());
    const MobilityOptionList& options = pbu.GetOptions();
    if (auto mnId = options.Find<MobileNodeIdentifierOption>())
    {
        req.hasMnId = true;
        req.mnId = mnId->GetNai();
    }
    for (const auto& hnp : options.FindAll<HomeNetworkPrefixOption>())
    {
        req.hnpOptionCount++;
        if (!hnp->GetPrefix().IsAny())
        {
            req.prefixes.push_back({hnp->GetPrefix(), hnp->GetPrefixLength()});
        }
    }
    if (auto hi = options.Find<HandoffIndicatorOption>())
    {
        req.hasHandoffIndicator = true;
        req.handoffIndicator = hi->GetHandoffIndicator();
    }
    if (auto att = options.Find<AccessTechnologyTypeOption>())
    {
        req.hasAccessTechnologyType = true;
        req.accessTechnologyType = att->GetAccessTechnologyType();
    }
    if (auto llid = options.Find<MobileNodeLinkLayerIdOption>())
    {
        req.hasLinkLayerId = true;
        req.linkLayerId = llid->GetIdentifier();
    }
    if (auto lla = options.Find<LinkLocalAddressOption>())
    {
        req.hasLinkLocalAddress = true;
        req.linkLocalAddress = lla->GetAddress();
    }
    if (auto ts = options.Find<TimestampOption>())
    {
        req.hasTimestamp = true;
        req.timestamp = ts->GetRaw();
    }
    if (auto bid = options.Find<BindingIdentifierOption>())
    {
        // RFC 5648 / RFC 6089: generic to every binding, not a draft's; one per PBU here.
        req.hasBindingId = true;
        req.bindingId = bid->GetBid();
        req.bindingPriority = bid->GetPriority();
    }
    return req;
}

void
Pmipv6LmaApplication::HandleBindingUpdate(Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface)
{
    NS_LOG_FUNCTION(this << ip.GetSource());
    BindingUpdateHeader pbu;
    if (!m_mobility->Decode(p, ip, pbu))
    {
        return;
    }
    if (!pbu.IsProxy())
    {
        NS_LOG_WARN("Binding Update without the P flag from " << ip.GetSource()
                                                              << ": this LMA is no home agent");
        m_mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
        return;
    }
    if (ip.GetSource().IsAny() || ip.GetSource().IsMulticast())
    {
        NS_LOG_WARN("PBU from " << ip.GetSource() << ": no Proxy-CoA to answer or tunnel to");
        m_mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
        return;
    }
    m_pbuCount++;
    m_rxPbuTrace(pbu, ip.GetSource());
    if (m_address.IsAny())
    {
        m_address = ip.GetDestination();
    }
    ProxyBindingRequest req = ParseRequest(pbu, ip.GetSource());
    NS_LOG_INFO("LMA " << m_address << " PBU seq " << req.sequence << " from " << req.mag << " MN "
                       << req.mnId << " HI " << +req.handoffIndicator << " lifetime "
                       << req.lifetime.As(Time::S));
    uint8_t status = CheckRequest(req);
    for (const auto& extension : m_extensions.Get())
    {
        if (status != mip6::BA_ACCEPTED)
        {
            break;
        }
        status = extension->CheckPbu(req);
        NS_LOG_LOGIC(extension->GetName() << " checks the PBU: status " << +status);
    }
    if (status != mip6::BA_ACCEPTED)
    {
        SendPba(req, status, nullptr, Seconds(0));
        return;
    }
    if (!req.prefixes.empty())
    {
        for (const auto& extension : m_extensions.Get())
        {
            std::vector<HomeNetworkPrefix> revised;
            if (extension->ReviseRequestedPrefixes(req, revised) && !revised.empty())
            {
                NS_LOG_LOGIC(extension->GetName()
                             << " revises the PBU's prefixes: " << req.prefixes.size() << " -> "
                             << revised.size());
                req.prefixes = revised;
                break;
            }
        }
    }
    if (req.lifetime.IsZero())
    {
        ProcessDeregistration(req);
    }
    else
    {
        ProcessRegistration(req);
    }
}

uint8_t
Pmipv6LmaApplication::CheckRequest(const ProxyBindingRequest& req) const
{
    if (!req.hasMnId)
    {
        NS_LOG_LOGIC("reject: no MN-ID option");
        return mip6::BA_MISSING_MN_IDENTIFIER_OPTION;
    }
    const Pmipv6Profile* profile = m_profiles->Lookup(req.mnId);
    if (profile == nullptr || !m_profiles->IsLmaFor(req.mnId, m_address))
    {
        NS_LOG_LOGIC("reject: no profile for " << req.mnId << " naming this LMA");
        return mip6::BA_NOT_LMA_FOR_THIS_MOBILE_NODE;
    }
    if (!m_proxyRegistrationEnabled || !profile->proxyRegistrationEnabled)
    {
        NS_LOG_LOGIC("reject: proxy registration not enabled for " << req.mnId);
        return mip6::BA_PROXY_REG_NOT_ENABLED;
    }
    if (!m_profiles->IsMagAuthorized(req.mnId, req.mag))
    {
        NS_LOG_LOGIC("reject: MAG " << req.mag << " not authorized for " << req.mnId);
        return mip6::BA_MAG_NOT_AUTHORIZED_FOR_PROXY_REG;
    }
    if (req.hnpOptionCount == 0)
    {
        // RFC 5213 5.3.1 refuses it, unless an extension registers without a prefix (e.g.
        // RFC 5844 3.2, an IPv4-only mobile node).
        bool withoutPrefix = false;
        for (const auto& extension : m_extensions.Get())
        {
            if (extension->AcceptsWithoutHomeNetworkPrefix(req))
            {
                NS_LOG_LOGIC(extension->GetName()
                             << ": " << req.mnId << " registers without a prefix");
                withoutPrefix = true;
                break;
            }
        }
        if (!withoutPrefix)
        {
            NS_LOG_LOGIC("reject: no HNP option");
            return mip6::BA_MISSING_HOME_NETWORK_PREFIX_OPTION;
        }
    }
    if (!req.hasHandoffIndicator)
    {
        NS_LOG_LOGIC("reject: no Handoff Indicator option");
        return mip6::BA_MISSING_HANDOFF_INDICATOR_OPTION;
    }
    if (!req.hasAccessTechnologyType)
    {
        NS_LOG_LOGIC("reject: no Access Technology Type option");
        return mip6::BA_MISSING_ACCESS_TECH_TYPE_OPTION;
    }
    if (!profile->allowedAccessTechnologies.empty() &&
        profile->allowedAccessTechnologies.count(req.accessTechnologyType) == 0)
    {
        NS_LOG_LOGIC("reject: access technology " << +req.accessTechnologyType
                                                  << " not allowed for " << req.mnId);
        return mip6::BA_ADMINISTRATIVELY_PROHIBITED;
    }
    for (const auto& prefix : req.prefixes)
    {
        if (!m_profiles->IsPrefixAllowed(req.mnId, prefix))
        {
            Ptr<BindingCacheEntry> owner = m_cache->FindByPrefix(prefix);
            if (!owner || owner->mnId != req.mnId)
            {
                NS_LOG_LOGIC("reject: " << prefix << " not authorized for " << req.mnId);
                return mip6::BA_NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX;
            }
        }
    }
    if (m_useTimestamps)
    {
        if (!req.hasTimestamp)
        {
            NS_LOG_LOGIC("reject: timestamps in use and no Timestamp option");
            return mip6::BA_TIMESTAMP_MISMATCH;
        }
        TimestampOption mine;
        mine.SetRaw(NowTimestamp());
        TimestampOption theirs;
        theirs.SetRaw(req.timestamp);
        Time diff = theirs.GetTime() - mine.GetTime();
        if (Abs(diff) > m_timestampWindow)
        {
            NS_LOG_LOGIC("reject: timestamp off by " << diff.As(Time::MS));
            return mip6::BA_TIMESTAMP_MISMATCH;
        }
    }
    return mip6::BA_ACCEPTED;
}

uint8_t
Pmipv6LmaApplication::CheckOrdering(const ProxyBindingRequest& req,
                                    Ptr<BindingCacheEntry> entry) const
{
    if (m_useTimestamps)
    {
        if (entry->hasTimestamp && req.timestamp <= entry->timestamp)
        {
            NS_LOG_LOGIC("reject: timestamp not newer than the accepted one");
            return mip6::BA_TIMESTAMP_LOWER_THAN_PREV_ACCEPTED;
        }
        return mip6::BA_ACCEPTED;
    }
    // Sequence numbers are per MAG: only a PBU from the same Proxy-CoA is ordered against the
    // entry (a new MAG starts its own sequence).
    if (entry->proxyCoa == req.mag && !SequenceNewer(req.sequence, entry->lastSequence))
    {
        NS_LOG_LOGIC("reject: sequence " << req.sequence << " not newer than "
                                         << entry->lastSequence);
        return mip6::BA_SEQUENCE_OUT_OF_WINDOW;
    }
    return mip6::BA_ACCEPTED;
}

Ptr<BindingCacheEntry>
Pmipv6LmaApplication::FindByPrefixFor(const HomeNetworkPrefix& prefix,
                                      const ProxyBindingRequest& req) const
{
    // Sessions may share a prefix (an extension's SESSION_NEW_SHARED_PREFIXES): the one of
    // the requesting MAG (and interface) is the one the PBU refers to; when that interface has
    // a registered session beside a de-registered one waiting for deletion (it attached
    // again meanwhile), the registered one.
    std::vector<Ptr<BindingCacheEntry>> all = m_cache->FindAllByPrefix(prefix);
    if (all.size() > 1)
    {
        Ptr<BindingCacheEntry> waiting;
        for (const auto& e : all)
        {
            if (e->proxyCoa == req.mag &&
                (!req.hasLinkLayerId || e->mnLinkLayerId == req.linkLayerId))
            {
                if (IsRegistered(e))
                {
                    return e;
                }
                waiting = waiting ? waiting : e;
            }
        }
        if (waiting)
        {
            return waiting;
        }
    }
    return all.empty() ? nullptr : all.front();
}

Ptr<BindingCacheEntry>
Pmipv6LmaApplication::FindSession(const ProxyBindingRequest& req) const
{
    if (req.hasLinkLayerId)
    {
        Ptr<BindingCacheEntry> e = m_cache->FindByMnIdAndLinkLayerId(req.mnId, req.linkLayerId);
        if (e)
        {
            return e;
        }
    }
    Ptr<BindingCacheEntry> e =
        m_cache->FindByMnIdAndAccessTechnology(req.mnId, req.accessTechnologyType);
    if (e)
    {
        return e;
    }
    std::vector<Ptr<BindingCacheEntry>> all = m_cache->FindByMnId(req.mnId);
    return all.empty() ? nullptr : all.front();
}

bool
Pmipv6LmaApplication::IsRegistered(Ptr<const BindingCacheEntry> entry)
{
    return entry->state == BindingCacheEntry::ACTIVE ||
           entry->state == BindingCacheEntry::AWAITING_DEREGISTRATION;
}

bool
Pmipv6LmaApplication::CanTunnelTo(Ipv6Address mag)
{
    if (mag.IsAny() || mag.IsMulticast() || mag.IsLinkLocal() || mag.IsLocalhost() ||
        mag == m_address)
    {
        NS_LOG_LOGIC("no tunnel to " << mag << ": not a global unicast Proxy-CoA");
        return false;
    }
    if (m_verifiedAddress != m_address)
    {
        // Once per LMA address (the scan costs one look at each interface's addresses).
        Ptr<Ipv6> ipv6 = GetNode()->GetObject<Ipv6>();
        if (m_address.IsAny() || ipv6->GetInterfaceForAddress(m_address) < 0)
        {
            NS_LOG_WARN("LMA address " << m_address << " is not an address of node "
                                       << GetNode()->GetId() << ": no tunnel can end here");
            return false;
        }
        m_verifiedAddress = m_address;
    }
    return true;
}

void
Pmipv6LmaApplication::ProcessRegistration(const ProxyBindingRequest& req)
{
    NS_LOG_FUNCTION(this << req.mnId);
    for (const auto& extension : m_extensions.Get())
    {
        if (extension->SelectSession(req) == Pmipv6LmaExtension::SESSION_NEW_SHARED_PREFIXES)
        {
            NS_LOG_LOGIC(extension->GetName()
                         << ": a new session sharing the prefixes of " << req.mnId);
            CreateSession(req, true);
            return;
        }
    }
    Ptr<BindingCacheEntry> entry;
    if (!req.prefixes.empty())
    {
        // RFC 5213 5.4.1: look the session up by its prefixes.
        for (const auto& prefix : req.prefixes)
        {
            Ptr<BindingCacheEntry> e = FindByPrefixFor(prefix, req);
            if (!e)
            {
                continue;
            }
            if (e->mnId != req.mnId)
            {
                SendPba(req, mip6::BA_NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX, nullptr, Seconds(0));
                return;
            }
            if (entry && entry != e)
            {
                SendPba(req, mip6::BA_BCE_PBU_PREFIX_SET_DO_NOT_MATCH, nullptr, Seconds(0));
                return;
            }
            entry = e;
        }
        if (entry && PrefixSet(entry->homeNetworkPrefixes) != PrefixSet(req.prefixes))
        {
            SendPba(req, mip6::BA_BCE_PBU_PREFIX_SET_DO_NOT_MATCH, nullptr, Seconds(0));
            return;
        }
        if (!entry)
        {
            CreateSession(req);
            return;
        }
    }
    else
    {
        // All-zero HNP: the Handoff Indicator says which session this is.
        switch (req.handoffIndicator)
        {
        case mip6::HI_NEW_INTERFACE:
        case mip6::HI_NEW_INTERFACE_SHARED_PREFIX:
            CreateSession(req);
            return;
        case mip6::HI_HANDOFF_BETWEEN_INTERFACES:
        case mip6::HI_HANDOFF_BETWEEN_MAGS:
            entry = FindSession(req);
            break;
        case mip6::HI_NOT_CHANGED: {
            Ptr<BindingCacheEntry> e = FindSession(req);
            entry = (e && e->proxyCoa == req.mag) ? e : nullptr;
            break;
        }
        case mip6::HI_UNKNOWN:
        default: {
            Ptr<BindingCacheEntry> e = FindSession(req);
            bool sameInterface = e && req.hasLinkLayerId && e->mnLinkLayerId == req.linkLayerId;
            if (e && e->proxyCoa != req.mag && IsRegistered(e) && !sameInterface)
            {
                // Wait for the previous MAG's de-registration (RFC 5213 5.4.1).
                auto it = m_pending.find(e->id);
                if (it != m_pending.end())
                {
                    it->second.request = req; // a retransmission: answer the latest
                    return;
                }
                NS_LOG_LOGIC("HI 4 for " << req.mnId << ": waiting "
                                         << m_maxDelayBeforeNewBce.As(Time::MS)
                                         << " for a de-registration from " << e->proxyCoa);
                m_pending[e->id].request = req;
                SwitchState(e, BindingCacheEntry::AWAITING_DEREGISTRATION);
                return;
            }
            entry = e;
            break;
        }
        }
        if (!entry)
        {
            CreateSession(req);
            return;
        }
    }
    uint8_t status = CheckOrdering(req, entry);
    if (status != mip6::BA_ACCEPTED)
    {
        SendPba(req, status, entry, Seconds(0));
        return;
    }
    AcceptRequest(req, entry, false);
}

void
Pmipv6LmaApplication::CreateSession(const ProxyBindingRequest& req, bool sharePrefixes)
{
    NS_LOG_FUNCTION(this << req.mnId << sharePrefixes);
    if (m_maxEntries > 0 && m_cache->GetEntryCount() >= m_maxEntries)
    {
        // RFC 5213 5.3.2 / RFC 6275 9.5.1: no resources for another binding.
        NS_LOG_WARN("binding cache full (" << m_maxEntries << " entries): " << req.mnId
                                           << " refused");
        SendPba(req, mip6::BA_INSUFFICIENT_RESOURCES, nullptr, Seconds(0));
        return;
    }
    if (!CanTunnelTo(req.mag))
    {
        // An internal failure that no other status names (RFC 6275 9.5.1, 128).
        SendPba(req, mip6::BA_UNSPECIFIED, nullptr, Seconds(0));
        return;
    }
    Ptr<BindingCacheEntry> entry = Create<BindingCacheEntry>();
    entry->mnId = req.mnId;
    if (!req.prefixes.empty())
    {
        // RFC 5213 5.3.2: each requested HNP must be owned by this LMA. CheckRequest()
        // already refused another MN's static HNP; a prefix of no static profile must be a
        // free prefix of the pool, and is taken from it so that it is not assigned twice.
        std::vector<HomeNetworkPrefix> reserved;
        for (const auto& prefix : req.prefixes)
        {
            if (m_profiles->LookupByPrefix(prefix) != nullptr)
            {
                continue; // the MN's own static HNP
            }
            Ptr<BindingCacheEntry> holder = m_cache->FindByPrefix(prefix);
            if (sharePrefixes && holder && holder->mnId == req.mnId)
            {
                continue; // shared with another session of this MN (an extension asked)
            }
            if (!m_pool->IsInPool(prefix) || !m_pool->Reserve(prefix))
            {
                NS_LOG_LOGIC("reject: " << prefix << " is not a free prefix of this LMA");
                for (const auto& r : reserved)
                {
                    m_pool->Release(r);
                }
                SendPba(req, mip6::BA_NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX, nullptr, Seconds(0));
                return;
            }
            reserved.push_back(prefix);
        }
        entry->homeNetworkPrefixes = req.prefixes;
    }
    else if (req.hnpOptionCount == 0)
    {
        // No Home Network Prefix option, accepted by an extension (CheckRequest()): a session
        // without a prefix (RFC 5844 3.2, IPv4 only).
        NS_LOG_LOGIC(req.mnId << ": a new session without a home network prefix");
    }
    else if (sharePrefixes && !m_cache->FindByMnId(req.mnId).empty())
    {
        // All-zero HNP: share the prefixes of the mobile node's first session.
        entry->homeNetworkPrefixes = m_cache->FindByMnId(req.mnId).front()->homeNetworkPrefixes;
    }
    else if (TakeExtensionPrefixes(req, entry->homeNetworkPrefixes))
    {
        NS_LOG_LOGIC(req.mnId << ": the new session takes " << entry->homeNetworkPrefixes.size()
                              << " prefix(es) of its other sessions (an extension chose)");
    }
    else
    {
        const Pmipv6Profile* profile = m_profiles->Lookup(req.mnId);
        for (const auto& prefix : profile->homeNetworkPrefixes)
        {
            if (!m_cache->FindByPrefix(prefix))
            {
                entry->homeNetworkPrefixes.push_back(prefix);
            }
        }
        if (entry->homeNetworkPrefixes.empty())
        {
            HomeNetworkPrefix prefix;
            if (!m_pool->Allocate(prefix))
            {
                NS_LOG_WARN("prefix pool exhausted: " << req.mnId << " refused");
                SendPba(req, mip6::BA_INSUFFICIENT_RESOURCES, nullptr, Seconds(0));
                return;
            }
            entry->homeNetworkPrefixes.push_back(prefix);
        }
    }
    entry->bindingId = NextBindingId(req.mnId, req.bindingId);
    entry->bindingPriority =
        req.bindingPriority != 0 ? req.bindingPriority : m_defaultBindingPriority;
    m_cache->Add(entry);
    m_bindings[BindingKey(GetFlowOwner(entry->mnId), entry->bindingId)] = entry->id;
    AcceptRequest(req, entry, true);
}

bool
Pmipv6LmaApplication::TakeExtensionPrefixes(const ProxyBindingRequest& req,
                                            std::vector<HomeNetworkPrefix>& prefixes)
{
    for (const auto& extension : m_extensions.Get())
    {
        std::vector<HomeNetworkPrefix> chosen;
        if (!extension->AssignPrefixes(req, chosen))
        {
            continue;
        }
        std::vector<HomeNetworkPrefix> taken;
        for (const auto& prefix : chosen)
        {
            if (std::find(taken.begin(), taken.end(), prefix) != taken.end())
            {
                continue;
            }
            std::vector<Ptr<BindingCacheEntry>> holders = m_cache->FindAllByPrefix(prefix);
            bool movable = !holders.empty();
            for (const auto& h : holders)
            {
                movable = movable && h->mnId == req.mnId && IsRegistered(h) &&
                          h->homeNetworkPrefixes.size() > 1;
            }
            if (!movable)
            {
                NS_LOG_LOGIC(extension->GetName()
                             << " chose " << prefix.prefix << ": not movable (ignored)");
                continue;
            }
            for (const auto& h : holders)
            {
                h->homeNetworkPrefixes.erase(std::find(h->homeNetworkPrefixes.begin(),
                                                       h->homeNetworkPrefixes.end(),
                                                       prefix));
                m_routing->RemovePrefixRoute(prefix.prefix, prefix.length, h->id);
                m_cache->NotifyChanged(h);
                NS_LOG_INFO("LMA: " << prefix.prefix << "/" << +prefix.length << " of " << req.mnId
                                    << " moves from the session at " << h->proxyCoa
                                    << " to a new one at " << req.mag);
            }
            taken.push_back(prefix);
        }
        if (!taken.empty())
        {
            prefixes = taken;
            return true;
        }
    }
    return false;
}

bool
Pmipv6LmaApplication::AcceptRequest(const ProxyBindingRequest& req,
                                    Ptr<BindingCacheEntry> entry,
                                    bool isNew,
                                    bool revokeOldMag)
{
    NS_LOG_FUNCTION(this << req.mnId << isNew);
    Ipv6Address oldCoa = entry->proxyCoa;
    uint8_t oldAtt = entry->accessTechnologyType;
    // Only a MAG that still believes it serves the MN needs to be told (RFC 5846): one that
    // de-registered already dropped its binding.
    bool oldMagActive = !isNew && IsRegistered(entry);
    bool moved = !isNew && oldCoa != req.mag;
    bool newTunnel = isNew || moved || entry->tunnelInterface == 0;
    if (!isNew && newTunnel && !CanTunnelTo(req.mag))
    {
        // (CreateSession() checked a new session.) The entry stays as it was.
        SendPba(req, mip6::BA_UNSPECIFIED, nullptr, Seconds(0));
        return false;
    }

    // A HI 4 request of another MAG waiting for this entry's de-registration: superseded
    // when the session moves; a re-registration from the registered MAG lets it wait on.
    bool stillWaiting = false;
    auto pending = m_pending.find(entry->id);
    if (pending != m_pending.end())
    {
        if (moved)
        {
            pending->second.timer.Cancel();
            m_pending.erase(pending);
        }
        else
        {
            stillWaiting = true;
        }
    }

    if (newTunnel)
    {
        uint32_t tunnel = m_tunnels->AddTunnelReference(m_address, req.mag);
        if (moved && entry->tunnelInterface != 0)
        {
            m_tunnels->RemoveTunnelReference(m_address, oldCoa);
        }
        entry->tunnelInterface = tunnel;
    }
    entry->proxyCoa = req.mag;
    entry->handoffIndicator = req.handoffIndicator;
    entry->accessTechnologyType = req.accessTechnologyType;
    if (req.hasLinkLayerId)
    {
        entry->mnLinkLayerId = req.linkLayerId;
    }
    if (req.hasLinkLocalAddress && !req.linkLocalAddress.IsAny())
    {
        entry->mnLinkLocalAddress = req.linkLocalAddress;
    }
    if (req.bindingPriority != 0)
    {
        // RFC 6089: the BID-PRI follows the latest PBU that states one (the BID stays).
        entry->bindingPriority = req.bindingPriority;
    }
    entry->hasTimestamp = req.hasTimestamp;
    entry->timestamp = req.timestamp;
    entry->lastSequence = req.sequence;
    entry->registrationTime = Simulator::Now();
    entry->lifetime = std::min(req.lifetime, m_maxLifetime);
    for (const auto& prefix : entry->homeNetworkPrefixes)
    {
        m_routing->SetPrefixRoute(prefix.prefix,
                                  prefix.length,
                                  entry->tunnelInterface,
                                  entry->id,
                                  GetFlowOwner(entry->mnId));
    }
    m_cache->NotifyChanged(entry);
    // Entering (or re-entering) a registered state restarts the lifetime timer from
    // registrationTime and stops a pending deletion.
    SwitchState(entry,
                stillWaiting ? BindingCacheEntry::AWAITING_DEREGISTRATION
                             : BindingCacheEntry::ACTIVE);
    if (moved)
    {
        NS_LOG_INFO("LMA: " << req.mnId << " moved from " << oldCoa << " to " << req.mag);
        m_handoverTrace(req.mnId, oldCoa, req.mag);
    }
    NotifyExtensions(isNew   ? Pmipv6LmaExtension::BINDING_CREATED
                     : moved ? Pmipv6LmaExtension::BINDING_MOVED
                             : Pmipv6LmaExtension::BINDING_REFRESHED,
                     entry,
                     moved ? oldCoa : entry->proxyCoa);
    SendPba(req, mip6::BA_ACCEPTED, entry, entry->lifetime);
    if (moved && oldMagActive && revokeOldMag && m_revokeOnHandover)
    {
        SendRevocation(entry, oldCoa, oldAtt);
    }
    return true;
}

void
Pmipv6LmaApplication::SendRevocation(Ptr<BindingCacheEntry> entry,
                                     Ipv6Address oldMag,
                                     uint8_t oldAtt)
{
    NS_LOG_FUNCTION(this << entry->mnId << oldMag);
    uint16_t sequence = m_signalling->NextSequence(oldMag);
    BindingRevocationIndicationHeader bri;
    bri.SetSequence(sequence);
    bri.SetFlag(BindingRevocationHeader::FLAG_P, true);
    bri.SetRevocationTrigger(oldAtt == entry->accessTechnologyType
                                 ? mip6::BRI_TRIGGER_INTER_MAG_HANDOVER_SAME_ATT
                                 : mip6::BRI_TRIGGER_INTER_MAG_HANDOVER_DIFFERENT_ATT);
    bri.AddOption(Create<MobileNodeIdentifierOption>(entry->mnId));
    for (const auto& prefix : entry->homeNetworkPrefixes)
    {
        bri.AddOption(Create<HomeNetworkPrefixOption>(prefix.prefix, prefix.length));
    }
    NS_LOG_INFO("LMA " << m_address << " BRI seq " << sequence << " to " << oldMag << " for "
                       << entry->mnId);
    // RFC 5846: retransmitted after MinDelayBRIs (doubling) until the BRA with this sequence
    // comes from the old MAG, at most BRIMaxRetriesNumber times.
    SignallingTransactionManager::Request request(m_address,
                                                  oldMag,
                                                  mip6::MH_BINDING_REVOCATION,
                                                  mip6::BR_ACKNOWLEDGEMENT,
                                                  sequence);
    request.onReply =
        MakeCallback(&Pmipv6LmaApplication::RevocationAcknowledged, this, entry->mnId, oldMag);
    request.onGiveUp =
        MakeCallback(&Pmipv6LmaApplication::RevocationGaveUp, this, entry->mnId, oldMag);
    request.hasPolicy = true;
    request.policy = m_signalling->GetDefaultPolicy();
    request.policy.initialTimeout = m_minDelayBris;
    request.policy.maxRetransmissions = m_briMaxRetries;
    m_signalling->Start(bri, request);
}

void
Pmipv6LmaApplication::HandleBindingRevocation(Ptr<Packet> p,
                                              const Ipv6Header& ip,
                                              uint32_t interface)
{
    NS_LOG_FUNCTION(this << ip.GetSource());
    if (BindingRevocationHeader::PeekRevocationType(p) != mip6::BR_ACKNOWLEDGEMENT)
    {
        NS_LOG_LOGIC("LMA ignores a Binding Revocation Indication from " << ip.GetSource());
        m_mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
        return;
    }
    BindingRevocationAckHeader bra;
    if (!m_mobility->Decode(p, ip, bra))
    {
        return;
    }
    m_braCount++;
    NS_LOG_INFO("LMA " << m_address << " BRA seq " << bra.GetSequence() << " status "
                       << +bra.GetStatus() << " from " << ip.GetSource());
    if (!m_signalling
             ->HandleReply(ip.GetSource(), mip6::BR_ACKNOWLEDGEMENT, bra.GetSequence(), bra, ip))
    {
        NS_LOG_LOGIC("BRA from " << ip.GetSource() << " seq " << bra.GetSequence()
                                 << " answers no pending BRI");
    }
}

void
Pmipv6LmaApplication::RevocationAcknowledged(std::string mnId,
                                             Ipv6Address mag,
                                             SignallingTransactionManager::TransactionId id,
                                             const MobilityHeader& reply,
                                             const Ipv6Header& /* ip */)
{
    uint8_t status = static_cast<const BindingRevocationAckHeader&>(reply).GetStatus();
    NS_LOG_FUNCTION(this << mnId << mag << id << +status);
    m_revocationCompletedTrace(mnId, mag, status);
}

void
Pmipv6LmaApplication::RevocationGaveUp(std::string mnId,
                                       Ipv6Address mag,
                                       SignallingTransactionManager::TransactionId id)
{
    NS_LOG_FUNCTION(this << mnId << mag << id);
    NS_LOG_WARN("LMA " << m_address << ": no BRA from " << mag << " for " << mnId << " after "
                       << m_briMaxRetries << " retransmissions");
    m_revocationGaveUpTrace(mnId, mag);
}

void
Pmipv6LmaApplication::CountBri(SignallingTransactionManager::TransactionId /* id */,
                               Ipv6Address /* peer */,
                               uint8_t mhType,
                               uint16_t /* sequence */,
                               uint32_t /* retransmissions */)
{
    if (mhType == mip6::MH_BINDING_REVOCATION)
    {
        m_briCount++;
    }
}

void
Pmipv6LmaApplication::ProcessDeregistration(const ProxyBindingRequest& req)
{
    NS_LOG_FUNCTION(this << req.mnId);
    Ptr<BindingCacheEntry> entry;
    for (const auto& prefix : req.prefixes)
    {
        Ptr<BindingCacheEntry> e = FindByPrefixFor(prefix, req);
        if (!e)
        {
            continue;
        }
        if (e->mnId != req.mnId)
        {
            // Another MN's prefix: refused as in a registration (RFC 5213 5.3.5 applies the
            // 5.3.1 checks to a de-registration too).
            NS_LOG_LOGIC("reject: de-registration of " << prefix << " by " << req.mnId
                                                       << ", held by " << e->mnId);
            SendPba(req, mip6::BA_NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX, nullptr, Seconds(0));
            return;
        }
        if (!entry)
        {
            entry = e;
        }
    }
    if (!entry && req.prefixes.empty())
    {
        entry = FindSession(req);
    }
    if (!entry)
    {
        NS_LOG_LOGIC("de-registration of " << req.mnId << ": no such session");
        SendPba(req, mip6::BA_ACCEPTED, nullptr, Seconds(0));
        return;
    }
    if (entry->proxyCoa != req.mag)
    {
        // The session already moved to another MAG: the old MAG's de-registration must not
        // remove it (RFC 5213 5.3.5).
        NS_LOG_LOGIC("de-registration from " << req.mag << " ignored: " << req.mnId << " is at "
                                             << entry->proxyCoa);
        SendPba(req, mip6::BA_ACCEPTED, entry, Seconds(0));
        return;
    }
    uint8_t status = CheckOrdering(req, entry);
    if (status != mip6::BA_ACCEPTED)
    {
        SendPba(req, status, entry, Seconds(0));
        return;
    }

    auto pending = m_pending.find(entry->id);
    if (pending != m_pending.end())
    {
        // A new MAG was waiting for exactly this de-registration: a handoff (RFC 5213 5.4.1).
        // The waiting request is ordered (5.5) against the registration it takes over; when
        // it passes, it is accepted first and this de-registration then comes from a MAG
        // that no longer holds the session (accepted, the entry untouched): the entry's
        // timestamp only grows. When it fails, its MAG gets the failure status and the
        // de-registration applies.
        ProxyBindingRequest waiting = pending->second.request;
        pending->second.timer.Cancel();
        m_pending.erase(pending);
        uint8_t waitingStatus = CheckOrdering(waiting, entry);
        if (waitingStatus == mip6::BA_ACCEPTED)
        {
            NS_LOG_LOGIC("de-registration resolves the pending HI 4 request of " << waiting.mag);
            if (AcceptRequest(waiting, entry, false, false))
            {
                SendPba(req, mip6::BA_ACCEPTED, entry, Seconds(0));
                return;
            }
        }
        else
        {
            NS_LOG_LOGIC("the pending HI 4 request of " << waiting.mag << " fails the ordering");
            SendPba(waiting, waitingStatus, entry, Seconds(0));
        }
    }

    entry->hasTimestamp = req.hasTimestamp;
    entry->timestamp = req.timestamp;
    entry->lastSequence = req.sequence;
    SwitchState(entry, BindingCacheEntry::DEREGISTERED_PENDING_DELETE);
    NotifyExtensions(Pmipv6LmaExtension::BINDING_DEREGISTERED, entry, entry->proxyCoa);
    SendPba(req, mip6::BA_ACCEPTED, entry, Seconds(0));
}

void
Pmipv6LmaApplication::PendingRequestTimeout(uint64_t entryId)
{
    NS_LOG_FUNCTION(this << entryId);
    auto it = m_pending.find(entryId);
    if (it == m_pending.end())
    {
        return;
    }
    ProxyBindingRequest req = it->second.request;
    m_pending.erase(it);
    NS_LOG_LOGIC("no de-registration within MaxDelayBeforeNewBCEAssign: new session for "
                 << req.mnId);
    // The existing session goes on at its MAG.
    Ptr<BindingCacheEntry> e = m_cache->FindById(entryId);
    if (e && e->state == BindingCacheEntry::AWAITING_DEREGISTRATION)
    {
        SwitchState(e, BindingCacheEntry::ACTIVE);
    }
    CreateSession(req);
}

void
Pmipv6LmaApplication::SwitchState(Ptr<BindingCacheEntry> entry, BindingCacheEntry::State s)
{
    NS_LOG_FUNCTION(this << entry->id << BindingCacheEntry::StateName(s));
    NS_ASSERT_MSG(m_cache->Contains(entry), "SwitchState: entry not in the binding cache");
    // The entry actions of the new state run first (also on a self-transition, e.g. a
    // refresh re-entering ACTIVE); the state change and its trace come last, so that an
    // "EntryStateChanged" sink sees the timers and routes of the new state.
    switch (s)
    {
    case BindingCacheEntry::ACTIVE:
    case BindingCacheEntry::AWAITING_DEREGISTRATION: {
        // Registered: no deletion pending; the lifetime runs out registrationTime + lifetime
        // (a running timer that already expires then is kept).
        entry->deleteTimer.Cancel();
        Time expiry = entry->registrationTime + entry->lifetime;
        if (!entry->lifetimeTimer.IsRunning() ||
            entry->lifetimeTimer.GetTs() != static_cast<uint64_t>(expiry.GetTimeStep()))
        {
            entry->lifetimeTimer.Cancel();
            entry->lifetimeTimer = Simulator::Schedule(expiry - Simulator::Now(),
                                                       &Pmipv6LmaApplication::LifetimeExpired,
                                                       this,
                                                       entry->id);
        }
        if (s == BindingCacheEntry::AWAITING_DEREGISTRATION)
        {
            // The HI 4 wait: MaxDelayBeforeNewBCEAssign for the registered MAG's
            // de-registration, started once per wait (a refresh from that MAG lets it run on).
            auto pending = m_pending.find(entry->id);
            NS_ASSERT_MSG(pending != m_pending.end(),
                          "AWAITING_DEREGISTRATION without a waiting request");
            if (pending != m_pending.end() && !pending->second.timer.IsRunning())
            {
                pending->second.timer =
                    Simulator::Schedule(m_maxDelayBeforeNewBce,
                                        &Pmipv6LmaApplication::PendingRequestTimeout,
                                        this,
                                        entry->id);
            }
        }
        break;
    }
    case BindingCacheEntry::DEREGISTERED_PENDING_DELETE:
        // RFC 5213 5.3.5: kept MinDelayBeforeBCEDelete (restarted by a repeated
        // de-registration), meanwhile the LMA drops the mobile node's traffic; a new
        // registration of the entry (AcceptRequest) routes the prefixes again.
        entry->lifetimeTimer.Cancel();
        entry->deleteTimer.Cancel();
        entry->deleteTimer = Simulator::Schedule(m_minDelayBeforeDelete,
                                                 &Pmipv6LmaApplication::DeleteDelayExpired,
                                                 this,
                                                 entry->id);
        for (const auto& prefix : entry->homeNetworkPrefixes)
        {
            m_routing->SetPrefixDiscard(prefix.prefix, prefix.length, entry->id);
        }
        break;
    }
    m_cache->SetState(entry, s);
}

void
Pmipv6LmaApplication::LifetimeExpired(uint64_t entryId)
{
    NS_LOG_FUNCTION(this << entryId);
    Ptr<BindingCacheEntry> entry = m_cache ? m_cache->FindById(entryId) : nullptr;
    if (!entry)
    {
        NS_LOG_LOGIC("lifetime of entry " << entryId << " ran out: no longer in the cache");
        return;
    }
    NS_LOG_INFO("LMA: binding of " << entry->mnId << " expired");
    DeleteEntry(entry);
}

void
Pmipv6LmaApplication::DeleteDelayExpired(uint64_t entryId)
{
    NS_LOG_FUNCTION(this << entryId);
    Ptr<BindingCacheEntry> entry = m_cache ? m_cache->FindById(entryId) : nullptr;
    if (!entry)
    {
        NS_LOG_LOGIC("MinDelayBeforeBCEDelete of entry " << entryId
                                                         << " ran out: no longer in the cache");
        return;
    }
    NS_LOG_INFO("LMA: de-registered binding of " << entry->mnId << " deleted");
    DeleteEntry(entry);
}

void
Pmipv6LmaApplication::DeleteEntry(Ptr<BindingCacheEntry> entry)
{
    NS_LOG_FUNCTION(this << entry->mnId);
    NotifyExtensions(Pmipv6LmaExtension::BINDING_DELETED, entry, entry->proxyCoa);
    auto pending = m_pending.find(entry->id);
    if (pending != m_pending.end())
    {
        pending->second.timer.Cancel();
        ProxyBindingRequest req = pending->second.request;
        m_pending.erase(pending);
        CreateSession(req);
    }
    for (const auto& prefix : entry->homeNetworkPrefixes)
    {
        m_routing->RemovePrefixRoute(prefix.prefix, prefix.length, entry->id);
        // A static HNP stays reserved (Pmipv6Helper reserves them in the pool); a prefix that
        // another session of the MN shares stays allocated.
        if (m_pool->IsAllocated(prefix) && m_profiles->LookupByPrefix(prefix) == nullptr &&
            m_cache->FindAllByPrefix(prefix).size() <= 1)
        {
            m_pool->Release(prefix);
        }
    }
    if (entry->tunnelInterface != 0)
    {
        m_tunnels->RemoveTunnelReference(m_address, entry->proxyCoa);
        entry->tunnelInterface = 0;
    }
    m_bindings.erase(BindingKey(GetFlowOwner(entry->mnId), entry->bindingId));
    m_cache->Remove(entry);
}

void
Pmipv6LmaApplication::SendPba(const ProxyBindingRequest& req,
                              uint8_t status,
                              Ptr<BindingCacheEntry> entry,
                              Time lifetime)
{
    NS_LOG_FUNCTION(this << +status << req.mag);
    BindingAckHeader pba;
    pba.SetStatus(status);
    // RFC 6275 9.5.1 (RFC 5213 5.5): status 135 carries the last accepted sequence number,
    // so that the MAG can continue from it; every other PBA echoes the PBU's.
    uint16_t sequence = req.sequence;
    if (status == mip6::BA_SEQUENCE_OUT_OF_WINDOW && entry)
    {
        sequence = entry->lastSequence;
    }
    pba.SetSequence(sequence);
    pba.SetLifetime(LifetimeUnits(lifetime));
    if (req.hasMnId)
    {
        pba.AddOption(Create<MobileNodeIdentifierOption>(req.mnId));
    }
    bool accepted = status == mip6::BA_ACCEPTED && entry;
    if (accepted)
    {
        for (const auto& prefix : entry->homeNetworkPrefixes)
        {
            pba.AddOption(Create<HomeNetworkPrefixOption>(prefix.prefix, prefix.length));
        }
    }
    else if (!req.prefixes.empty())
    {
        for (const auto& prefix : req.prefixes)
        {
            pba.AddOption(Create<HomeNetworkPrefixOption>(prefix.prefix, prefix.length));
        }
    }
    else if (req.hnpOptionCount > 0)
    {
        pba.AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address::GetAny(), 0));
    }
    if (req.hasHandoffIndicator)
    {
        pba.AddOption(Create<HandoffIndicatorOption>(req.handoffIndicator));
    }
    if (req.hasAccessTechnologyType)
    {
        pba.AddOption(Create<AccessTechnologyTypeOption>(req.accessTechnologyType));
    }
    if (req.hasLinkLayerId)
    {
        Ptr<MobileNodeLinkLayerIdOption> llid = Create<MobileNodeLinkLayerIdOption>();
        llid->SetIdentifier(req.linkLayerId);
        pba.AddOption(llid);
    }
    if (req.hasLinkLocalAddress)
    {
        Ipv6Address lla = req.linkLocalAddress;
        if (lla.IsAny() && entry)
        {
            lla = entry->mnLinkLocalAddress;
        }
        pba.AddOption(Create<LinkLocalAddressOption>(lla));
    }
    if (status == mip6::BA_TIMESTAMP_MISMATCH)
    {
        // RFC 5213 5.5: tell the MAG the LMA's current time.
        Ptr<TimestampOption> ts = Create<TimestampOption>();
        ts->SetRaw(NowTimestamp());
        pba.AddOption(ts);
    }
    else if (req.hasTimestamp)
    {
        Ptr<TimestampOption> ts = Create<TimestampOption>();
        ts->SetRaw(req.timestamp);
        pba.AddOption(ts);
    }
    if (req.hasBindingId)
    {
        // RFC 5648 6.2: the BA carries the Binding Identifier option of the binding, with the
        // status; here the BID and BID-PRI the entry got (the PBU's when refused).
        Ptr<BindingIdentifierOption> bid =
            Create<BindingIdentifierOption>(entry ? entry->bindingId : req.bindingId);
        bid->SetStatus(status);
        bid->SetPriority(entry ? entry->bindingPriority : req.bindingPriority);
        pba.AddOption(bid);
    }
    for (const auto& extension : m_extensions.Get())
    {
        extension->AddPbaOptions(pba, req, entry);
    }
    NS_LOG_INFO("LMA " << m_address << " PBA status " << +status << " seq " << sequence << " to "
                       << req.mag);
    m_pbaCounts[status]++;
    m_txPbaTrace(pba, req.mag);
    m_mobility->Send(pba, m_address, req.mag);
}

} // namespace ns3

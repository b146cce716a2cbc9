/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lma-ipv4-extension.h"

#include "ipv4-options.h"
#include "ipv6-tunnel-l4-protocol.h"
#include "pmipv6-lma-application.h"
#include "pmipv6-profile.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/boolean.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaIpv4Extension");

NS_OBJECT_ENSURE_REGISTERED(LmaIpv4Extension);

TypeId
LmaIpv4Extension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LmaIpv4Extension")
            .SetParent<Pmipv6LmaExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<LmaIpv4Extension>()
            .AddAttribute("PoolNetwork",
                          "The network of the IPv4 home address pool (RFC 5844 3.1.3).",
                          Ipv4AddressValue(Ipv4Address("10.100.0.0")),
                          MakeIpv4AddressAccessor(&LmaIpv4Extension::m_poolNetwork),
                          MakeIpv4AddressChecker())
            .AddAttribute("PoolMask",
                          "The mask of the IPv4 home address pool; its prefix length is the "
                          "Prefix-len of the IPv4 Home Address Reply.",
                          Ipv4MaskValue(Ipv4Mask("255.255.0.0")),
                          MakeIpv4MaskAccessor(&LmaIpv4Extension::m_poolMask),
                          MakeIpv4MaskChecker())
            .AddAttribute("DefaultRouter",
                          "The IPv4 default router announced in the PBA (IPv4 Default-Router "
                          "Address option) and never allocated; 0.0.0.0 = the pool's first "
                          "host address.",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&LmaIpv4Extension::m_defaultRouter),
                          MakeIpv4AddressChecker())
            .AddAttribute("AuthorizeAll",
                          "Authorize every MN for IPv4 home address mobility; when false only "
                          "MNs whose profile sets ipv4HomeAddressMobility (else PBA status "
                          "170).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LmaIpv4Extension::m_authorizeAll),
                          MakeBooleanChecker())
            .AddTraceSource("AddressAssigned",
                            "An IPv4 home address was assigned to a mobile node.",
                            MakeTraceSourceAccessor(&LmaIpv4Extension::m_assignedTrace),
                            "ns3::LmaIpv4Extension::AddressTracedCallback")
            .AddTraceSource("AddressReleased",
                            "An IPv4 home address was returned to the pool.",
                            MakeTraceSourceAccessor(&LmaIpv4Extension::m_releasedTrace),
                            "ns3::LmaIpv4Extension::AddressTracedCallback");
    return tid;
}

LmaIpv4Extension::LmaIpv4Extension()
    : m_poolNetwork(Ipv4Address("10.100.0.0")),
      m_poolMask(Ipv4Mask("255.255.0.0")),
      m_defaultRouter(Ipv4Address::GetAny()),
      m_authorizeAll(false)
{
    NS_LOG_FUNCTION(this);
}

LmaIpv4Extension::~LmaIpv4Extension()
{
    NS_LOG_FUNCTION(this);
}

void
LmaIpv4Extension::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_leases.clear();
    m_answers.clear();
    m_ownerMnIds.clear();
    m_ipv4Interfaces.clear();
    if (m_routing)
    {
        // the routing may outlive this extension: no callback into it
        m_routing->SetBindingResolver(FlowBindingResolver());
        m_routing->SetFlowBindingTable(nullptr);
    }
    m_routing = nullptr;
    Pmipv6LmaExtension::DoDispose();
}

void
LmaIpv4Extension::DoStart()
{
    ConfigurePool();
}

void
LmaIpv4Extension::ConfigurePool()
{
    if (m_poolConfigured)
    {
        return;
    }
    m_poolConfigured = true;
    m_pool.Configure(m_poolNetwork, m_poolMask);
    m_pool.Reserve(GetDefaultRouter());
    NS_LOG_INFO("IPv4 home address pool " << m_poolNetwork << "/" << +m_pool.GetPrefixLength()
                                          << ", default router " << GetDefaultRouter());
}

Ipv4Address
LmaIpv4Extension::GetDefaultRouter() const
{
    if (m_defaultRouter != Ipv4Address::GetAny())
    {
        return m_defaultRouter;
    }
    Ipv4HomeAddressPool probe;
    probe.Configure(m_poolNetwork, m_poolMask);
    return probe.GetFirstHostAddress();
}

const Ipv4HomeAddressPool&
LmaIpv4Extension::GetPool() const
{
    return m_pool;
}

Ipv4Address
LmaIpv4Extension::GetHomeAddress(const std::string& mnId) const
{
    auto it = m_leases.find(mnId);
    return it == m_leases.end() ? Ipv4Address::GetAny() : it->second.address;
}

bool
LmaIpv4Extension::IsAuthorized(const std::string& mnId) const
{
    if (m_authorizeAll)
    {
        return true;
    }
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    Ptr<Pmipv6ProfileStore> store = lma ? lma->GetProfileStore() : nullptr;
    const Pmipv6Profile* profile = store ? store->Lookup(mnId) : nullptr;
    return profile && profile->ipv4HomeAddressMobility;
}

void
LmaIpv4Extension::SetAnswer(const ProxyBindingRequest& req, uint8_t replyStatus)
{
    m_answers[req.mnId] = Answer{req.sequence, replyStatus};
}

bool
LmaIpv4Extension::AcceptsWithoutHomeNetworkPrefix(const ProxyBindingRequest& req)
{
    if (!req.options.Find<Ipv4HomeAddressRequestOption>())
    {
        return false;
    }
    NS_LOG_LOGIC("PBU for " << req.mnId << ": IPv4 Home Address Request, no HNP (IPv4 only)");
    return true;
}

uint8_t
LmaIpv4Extension::CheckPbu(const ProxyBindingRequest& req)
{
    NS_LOG_FUNCTION(this << req.mnId);
    m_answers.erase(req.mnId);
    auto requests = req.options.FindAll<Ipv4HomeAddressRequestOption>();
    if (requests.empty() || req.lifetime.IsZero())
    {
        return mip6::BA_ACCEPTED; // no IPv4 asked, or a de-registration
    }
    ConfigurePool();
    if (requests.size() > 1)
    {
        NS_LOG_INFO("PBU for " << req.mnId << " with " << requests.size()
                               << " IPv4 Home Address Request options");
        SetAnswer(req, mip6::IPV4_HOA_REPLY_FAILURE_UNSPECIFIED);
        return mip6::BA_MULTIPLE_IPV4_HOME_ADDRESS_ASSIGNMENT_NOT_SUPPORTED;
    }
    if (!IsAuthorized(req.mnId))
    {
        NS_LOG_INFO(req.mnId << " is not authorized for IPv4 home address mobility");
        SetAnswer(req, mip6::IPV4_HOA_REPLY_ADMINISTRATIVELY_PROHIBITED);
        return mip6::BA_NOT_AUTHORIZED_FOR_IPV4_MOBILITY_SERVICE;
    }
    Ipv4Address asked = requests.front()->GetAddress();
    auto it = m_leases.find(req.mnId);
    if (it != m_leases.end())
    {
        if (asked != Ipv4Address::GetAny() && asked != it->second.address)
        {
            NS_LOG_INFO(req.mnId << " asks for " << asked << " but holds " << it->second.address);
            SetAnswer(req, mip6::IPV4_HOA_REPLY_INCORRECT_IPV4_HOME_ADDRESS);
            return mip6::BA_NOT_AUTHORIZED_FOR_IPV4_HOME_ADDRESS;
        }
        SetAnswer(req, mip6::IPV4_HOA_REPLY_SUCCESS);
        return mip6::BA_ACCEPTED;
    }
    Ipv4Address address;
    if (asked != Ipv4Address::GetAny())
    {
        if (!m_pool.Contains(asked))
        {
            NS_LOG_INFO(req.mnId << " asks for " << asked << ", not in the pool");
            SetAnswer(req, mip6::IPV4_HOA_REPLY_INVALID_IPV4_ADDRESS);
            return mip6::BA_NOT_AUTHORIZED_FOR_IPV4_HOME_ADDRESS;
        }
        if (!m_pool.AllocateSpecific(asked))
        {
            NS_LOG_INFO(req.mnId << " asks for " << asked << ", held by another MN");
            SetAnswer(req, mip6::IPV4_HOA_REPLY_INCORRECT_IPV4_HOME_ADDRESS);
            return mip6::BA_NOT_AUTHORIZED_FOR_IPV4_HOME_ADDRESS;
        }
        address = asked;
    }
    else
    {
        address = m_pool.Allocate();
        if (address == Ipv4Address::GetAny())
        {
            NS_LOG_INFO("IPv4 home address pool exhausted for " << req.mnId);
            SetAnswer(req, mip6::IPV4_HOA_REPLY_DYNAMIC_ASSIGNMENT_NOT_AVAILABLE);
            return mip6::BA_INSUFFICIENT_RESOURCES;
        }
    }
    m_leases[req.mnId] = Lease{address, {}};
    NS_LOG_INFO("IPv4 home address " << address << " for " << req.mnId);
    m_assignedTrace(req.mnId, address);
    SetAnswer(req, mip6::IPV4_HOA_REPLY_SUCCESS);
    return mip6::BA_ACCEPTED;
}

void
LmaIpv4Extension::NotifyBinding(BindingEvent event,
                                Ptr<BindingCacheEntry> entry,
                                Ipv6Address /* previousProxyCoa */)
{
    auto it = m_leases.find(entry->mnId);
    if (it == m_leases.end())
    {
        return;
    }
    switch (event)
    {
    case BINDING_CREATED:
    case BINDING_REFRESHED:
    case BINDING_MOVED:
        entry->ipv4HomeAddress = it->second.address;
        entry->ipv4PrefixLength = m_pool.GetPrefixLength();
        it->second.entries.insert(entry->id);
        RouteHomeAddress(entry, it->second);
        break;
    case BINDING_DEREGISTERED:
        UnrouteHomeAddress(entry, it->second);
        break;
    case BINDING_DELETED:
        UnrouteHomeAddress(entry, it->second);
        it->second.entries.erase(entry->id);
        if (it->second.entries.empty())
        {
            ReleaseLease(entry->mnId);
        }
        break;
    default:
        break;
    }
}

void
LmaIpv4Extension::RouteHomeAddress(Ptr<const BindingCacheEntry> entry, Lease& lease)
{
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    Ptr<Node> node = lma ? lma->GetNode() : nullptr;
    if (!node || !node->GetObject<Ipv4>() || entry->tunnelInterface == 0)
    {
        return; // signalling only: no IPv4 on the LMA
    }
    Ptr<Ipv6TunnelL4Protocol> tunnels = node->GetObject<Ipv6TunnelL4Protocol>();
    uint32_t ipv4If =
        tunnels ? tunnels->EnableIpv4(entry->tunnelInterface) : Ipv6TunnelL4Protocol::NO_INTERFACE;
    if (ipv4If == Ipv6TunnelL4Protocol::NO_INTERFACE)
    {
        return;
    }
    m_ipv4Interfaces[entry->tunnelInterface] = ipv4If;
    if (!m_routing)
    {
        m_routing = Ipv4HomeAddressRouting::Install(node);
        if (!m_routing)
        {
            return;
        }
        // IPv4 flow bindings: the LMA's one table, BIDs resolved to the bindings' tunnels
        m_routing->SetFlowBindingTable(lma->GetFlowBindingTable());
        m_routing->SetBindingResolver(MakeCallback(&LmaIpv4Extension::ResolveBinding, this));
    }
    if (lease.routedEntry != entry->id || lease.routedInterface != ipv4If)
    {
        NS_LOG_INFO("LMA: IPv4 home address " << lease.address << " of " << entry->mnId
                                              << " into tunnel " << entry->proxyCoa
                                              << " (IPv4 interface " << ipv4If << ")");
    }
    uint64_t owner = lma->GetFlowOwner(entry->mnId);
    m_ownerMnIds[owner] = entry->mnId;
    m_routing->SetHostRoute(lease.address, ipv4If, owner);
    lease.routedEntry = entry->id;
    lease.routedInterface = ipv4If;
}

FlowBindingOutput
LmaIpv4Extension::ResolveBinding(uint64_t flowOwner, uint16_t bindingId)
{
    FlowBindingOutput out;
    auto mn = m_ownerMnIds.find(flowOwner);
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    if (mn == m_ownerMnIds.end() || !lma)
    {
        return out;
    }
    Ptr<BindingCacheEntry> e = lma->FindBinding(mn->second, bindingId);
    if (!e || e->state == BindingCacheEntry::DEREGISTERED_PENDING_DELETE || e->tunnelInterface == 0)
    {
        return out;
    }
    auto known = m_ipv4Interfaces.find(e->tunnelInterface);
    if (known != m_ipv4Interfaces.end())
    {
        out.interface = known->second;
        return out;
    }
    // a binding whose tunnel carries no IPv4 yet (the host route uses another one)
    Ptr<Ipv6TunnelL4Protocol> tunnels = lma->GetNode()->GetObject<Ipv6TunnelL4Protocol>();
    uint32_t ipv4If =
        tunnels ? tunnels->EnableIpv4(e->tunnelInterface) : Ipv6TunnelL4Protocol::NO_INTERFACE;
    if (ipv4If != Ipv6TunnelL4Protocol::NO_INTERFACE)
    {
        m_ipv4Interfaces[e->tunnelInterface] = ipv4If;
        out.interface = ipv4If;
    }
    return out;
}

void
LmaIpv4Extension::UnrouteHomeAddress(Ptr<const BindingCacheEntry> entry, Lease& lease)
{
    if (!m_routing || lease.routedEntry != entry->id)
    {
        return;
    }
    m_routing->RemoveHostRoute(lease.address, lease.routedInterface);
    lease.routedEntry = 0;
    lease.routedInterface = 0;
}

void
LmaIpv4Extension::ReleaseLease(const std::string& mnId)
{
    auto it = m_leases.find(mnId);
    if (it == m_leases.end())
    {
        return;
    }
    Ipv4Address address = it->second.address;
    if (m_routing && it->second.routedEntry != 0)
    {
        m_routing->RemoveHostRoute(address, it->second.routedInterface);
    }
    m_pool.Release(address);
    m_leases.erase(it);
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    if (lma)
    {
        m_ownerMnIds.erase(lma->GetFlowOwner(mnId));
    }
    NS_LOG_INFO("IPv4 home address " << address << " of " << mnId << " released");
    m_releasedTrace(mnId, address);
}

void
LmaIpv4Extension::AddPbaOptions(BindingAckHeader& pba,
                                const ProxyBindingRequest& req,
                                Ptr<const BindingCacheEntry> entry)
{
    auto found = m_answers.find(req.mnId);
    if (found == m_answers.end() || found->second.sequence != req.sequence)
    {
        return;
    }
    Answer answer = found->second;
    m_answers.erase(found);
    bool accepted = pba.GetStatus() == mip6::BA_ACCEPTED && entry;
    if (accepted && answer.replyStatus == mip6::IPV4_HOA_REPLY_SUCCESS)
    {
        pba.AddOption(Create<Ipv4HomeAddressReplyOption>(mip6::IPV4_HOA_REPLY_SUCCESS,
                                                         GetHomeAddress(req.mnId),
                                                         m_pool.GetPrefixLength()));
        pba.AddOption(Create<Ipv4DefaultRouterAddressOption>(GetDefaultRouter()));
        return;
    }
    if (answer.replyStatus == mip6::IPV4_HOA_REPLY_SUCCESS)
    {
        // Refused for another reason after the address was set aside: give back an address
        // no entry holds yet.
        auto it = m_leases.find(req.mnId);
        if (it != m_leases.end() && it->second.entries.empty())
        {
            ReleaseLease(req.mnId);
        }
        return;
    }
    pba.AddOption(Create<Ipv4HomeAddressReplyOption>(answer.replyStatus, Ipv4Address::GetAny(), 0));
}

} // namespace ns3

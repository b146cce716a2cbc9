/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pmipv6-mag-application.h"

#include "binding-revocation-header.h"
#include "flow-options.h"
#include "ipv6-tunnel-l4-protocol.h"
#include "mag-router-advertiser.h"
#include "mag-routing.h"
#include "mobility-l4-protocol.h"
#include "pmipv6-options.h"
#include "pmipv6-wifi-association-bridge.h"
#include "pmipv6-wire-numbers.h"
#include "signalling-transaction.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/icmpv6-header.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ipv6-interface-address.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/log.h"
#include "ns3/ndisc-cache.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6MagApplication");

NS_OBJECT_ENSURE_REGISTERED(Pmipv6MagApplication);

namespace
{

/**
 * \brief The octets of a link-layer address.
 * \param address the address
 * \return its octets
 */
std::vector<uint8_t>
LinkLayerBytes(const Address& address)
{
    uint8_t buffer[Address::MAX_SIZE];
    uint32_t length = address.CopyTo(buffer);
    return std::vector<uint8_t>(buffer, buffer + length);
}

/**
 * \brief Whether sequence number \p a is newer than \p b modulo 2^16 (RFC 6275 9.5.1).
 * \param a the new value
 * \param b the old value
 * \return true when newer
 */
bool
SequenceNewer(uint16_t a, uint16_t b)
{
    return static_cast<int16_t>(static_cast<uint16_t>(a - b)) > 0;
}

} // namespace

TypeId
Pmipv6MagApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Pmipv6MagApplication")
            .SetParent<Application>()
            .SetGroupName("Pmipv6")
            .AddConstructor<Pmipv6MagApplication>()
            .AddAttribute("ProxyCoa",
                          "The Proxy Care-of Address: tunnel end point and source of PBUs.",
                          Ipv6AddressValue(Ipv6Address::GetAny()),
                          MakeIpv6AddressAccessor(&Pmipv6MagApplication::m_proxyCoa),
                          MakeIpv6AddressChecker())
            .AddAttribute("LmaAddress",
                          "The LMA of mobile nodes whose profile names none.",
                          Ipv6AddressValue(Ipv6Address::GetAny()),
                          MakeIpv6AddressAccessor(&Pmipv6MagApplication::m_defaultLma),
                          MakeIpv6AddressChecker())
            .AddAttribute("LinkLocalAddress",
                          "The link-local address every access link of every MAG uses "
                          "(RFC 5213 FixedMAGLinkLocalAddressOnAllAccessLinks).",
                          Ipv6AddressValue(Ipv6Address("fe80::1")),
                          MakeIpv6AddressAccessor(&Pmipv6MagApplication::m_linkLocal),
                          MakeIpv6AddressChecker())
            .AddAttribute("ProfileStore",
                          "The policy store: each mobile node's LMA and link-layer addresses.",
                          PointerValue(),
                          MakePointerAccessor(&Pmipv6MagApplication::m_profiles),
                          MakePointerChecker<Pmipv6ProfileStore>())
            .AddAttribute("BindingLifetime",
                          "The lifetime the MAG requests in its PBUs.",
                          TimeValue(Seconds(600)),
                          MakeTimeAccessor(&Pmipv6MagApplication::m_lifetime),
                          MakeTimeChecker(Seconds(4), Seconds(4 * 65535)))
            .AddAttribute("RefreshFraction",
                          "A registration is refreshed when this fraction of the granted "
                          "lifetime has passed.",
                          DoubleValue(0.8),
                          MakeDoubleAccessor(&Pmipv6MagApplication::m_refreshFraction),
                          MakeDoubleChecker<double>(0.1, 0.99))
            .AddAttribute("InitialBindackTimeoutFirstReg",
                          "First retransmission timeout of an initial registration (RFC 5213 "
                          "6.9.4).",
                          TimeValue(MilliSeconds(1500)),
                          MakeTimeAccessor(&Pmipv6MagApplication::m_initialTimeoutFirstReg),
                          MakeTimeChecker())
            .AddAttribute("InitialBindackTimeout",
                          "First retransmission timeout of a refresh or de-registration (RFC "
                          "6275 INITIAL_BINDACK_TIMEOUT).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&Pmipv6MagApplication::m_initialTimeout),
                          MakeTimeChecker())
            .AddAttribute("MaxBindackTimeout",
                          "Largest retransmission timeout (RFC 6275 MAX_BINDACK_TIMEOUT).",
                          TimeValue(Seconds(32)),
                          MakeTimeAccessor(&Pmipv6MagApplication::m_maxTimeout),
                          MakeTimeChecker())
            .AddAttribute("MaxRetransmissions",
                          "PBU retransmissions before a registration is given up.",
                          UintegerValue(6),
                          MakeUintegerAccessor(&Pmipv6MagApplication::m_maxRetransmissions),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaxRejectionRecoveries",
                          "Times a registration is re-sent after a PBA with status 135 "
                          "(sequence resynchronised from the PBA, RFC 6275 11.7.1), 156 (clock "
                          "adjusted to the PBA's timestamp) or 157 (fresh timestamp), RFC 5213 "
                          "6.9.1, before the rejection is final; 0: every rejection is final.",
                          UintegerValue(3),
                          MakeUintegerAccessor(&Pmipv6MagApplication::m_maxRecoveries),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("UseTimestamps",
                          "Send the Timestamp option (RFC 5213 5.5).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Pmipv6MagApplication::m_useTimestamps),
                          MakeBooleanChecker())
            .AddAttribute("IncludeLinkLayerId",
                          "Send the Mobile Node Link-layer Identifier option.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Pmipv6MagApplication::m_includeLinkLayerId),
                          MakeBooleanChecker())
            .AddAttribute("IncludeLinkLocalAddress",
                          "Send the Link-local Address option with the shared link-local "
                          "address.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Pmipv6MagApplication::m_includeLinkLocal),
                          MakeBooleanChecker())
            .AddAttribute("ClockOffset",
                          "Offset of this MAG's clock from simulation time (timestamps).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&Pmipv6MagApplication::m_clockOffset),
                          MakeTimeChecker())
            .AddAttribute("AccessTechnologyType",
                          "ATT reported for access links added without one (RFC 5213 8.5; "
                          "3 = IEEE 802.3, 4 = IEEE 802.11).",
                          UintegerValue(mip6::ATT_IEEE_802_3),
                          MakeUintegerAccessor(&Pmipv6MagApplication::m_defaultAtt),
                          MakeUintegerChecker<uint8_t>(1, 255))
            .AddAttribute("DefaultHandoffIndicator",
                          "Handoff Indicator of attachments that do not say (RFC 5213 8.4: "
                          "4 = unknown).",
                          UintegerValue(mip6::HI_UNKNOWN),
                          MakeUintegerAccessor(&Pmipv6MagApplication::m_defaultHi),
                          MakeUintegerChecker<uint8_t>(1, 6))
            .AddAttribute("RouterLifetime",
                          "Router Lifetime of the Router Advertisements sent to mobile nodes (s).",
                          UintegerValue(1800),
                          MakeUintegerAccessor(&Pmipv6MagApplication::m_routerLifetime),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("PrefixLifetime",
                          "Valid and preferred lifetime of the home network prefixes "
                          "advertised (s).",
                          UintegerValue(86400),
                          MakeUintegerAccessor(&Pmipv6MagApplication::m_prefixLifetime),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaxInitialRtrAdvertisements",
                          "Router Advertisements a mobile node gets when its binding comes up "
                          "(registration, re-attachment, new prefixes), the first at once "
                          "(RFC 4861 6.2.4 MAX_INITIAL_RTR_ADVERTISEMENTS); 1: no repeat.",
                          UintegerValue(nd::MAX_INITIAL_RTR_ADVERTISEMENTS),
                          MakeUintegerAccessor(&Pmipv6MagApplication::m_initialRas),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("MaxInitialRtrAdvertInterval",
                          "The time between those Router Advertisements (RFC 4861 6.2.4 "
                          "MAX_INITIAL_RTR_ADVERT_INTERVAL; used as the interval, without "
                          "random jitter).",
                          TimeValue(Seconds(nd::MAX_INITIAL_RTR_ADVERT_INTERVAL_S)),
                          MakeTimeAccessor(&Pmipv6MagApplication::m_initialRaInterval),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("MaxRaDelayTime",
                          "Largest random delay of the Router Advertisement answering a "
                          "registered mobile node's Router Solicitation (RFC 4861 6.2.6 "
                          "MAX_RA_DELAY_TIME); 0: at once.",
                          TimeValue(MilliSeconds(nd::MAX_RA_DELAY_TIME_MS)),
                          MakeTimeAccessor(&Pmipv6MagApplication::m_maxRaDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("RouterAdvertiser",
                          "The Router Advertisement schedule of the access links (its trace "
                          "RxRouterSolicitation).",
                          TypeId::ATTR_GET,
                          PointerValue(),
                          MakePointerAccessor(&Pmipv6MagApplication::m_advertiser),
                          MakePointerChecker<MagRouterAdvertiser>())
            .AddTraceSource("TxPbu",
                            "A Proxy Binding Update was sent.",
                            MakeTraceSourceAccessor(&Pmipv6MagApplication::m_txPbuTrace),
                            "ns3::Pmipv6MagApplication::PbuTracedCallback")
            .AddTraceSource("RxPba",
                            "A Proxy Binding Acknowledgement was received.",
                            MakeTraceSourceAccessor(&Pmipv6MagApplication::m_rxPbaTrace),
                            "ns3::Pmipv6MagApplication::PbaTracedCallback")
            .AddTraceSource("RegistrationCompleted",
                            "A mobile node's registration (attachment or handover) was "
                            "accepted; gives the latency from the attachment.",
                            MakeTraceSourceAccessor(&Pmipv6MagApplication::m_registeredTrace),
                            "ns3::Pmipv6MagApplication::RegistrationTracedCallback")
            .AddTraceSource("RegistrationFailed",
                            "A registration was rejected or got no answer.",
                            MakeTraceSourceAccessor(&Pmipv6MagApplication::m_failedTrace),
                            "ns3::Pmipv6MagApplication::FailureTracedCallback")
            .AddTraceSource("RegistrationRecovery",
                            "A PBU was re-sent after a PBA with status 135, 156 or 157.",
                            MakeTraceSourceAccessor(&Pmipv6MagApplication::m_recoveryTrace),
                            "ns3::Pmipv6MagApplication::RecoveryTracedCallback")
            .AddTraceSource("Attach",
                            "A mobile node attached (handover start at this MAG).",
                            MakeTraceSourceAccessor(&Pmipv6MagApplication::m_attachTrace),
                            "ns3::Pmipv6MagApplication::AttachTracedCallback")
            .AddTraceSource("Detach",
                            "A mobile node detached.",
                            MakeTraceSourceAccessor(&Pmipv6MagApplication::m_detachTrace),
                            "ns3::Pmipv6MagApplication::AttachTracedCallback");
    return tid;
}

Pmipv6MagApplication::Pmipv6MagApplication()
    : m_bul(CreateObject<BindingUpdateList>()),
      m_refreshFraction(0.8),
      m_maxRetransmissions(6),
      m_maxRecoveries(3),
      m_useTimestamps(true),
      m_includeLinkLayerId(true),
      m_includeLinkLocal(true),
      m_defaultAtt(mip6::ATT_IEEE_802_3),
      m_defaultHi(mip6::HI_UNKNOWN),
      m_routerLifetime(1800),
      m_prefixLifetime(86400),
      m_initialRas(nd::MAX_INITIAL_RTR_ADVERTISEMENTS),
      m_initialRaInterval(Seconds(nd::MAX_INITIAL_RTR_ADVERT_INTERVAL_S)),
      m_maxRaDelay(MilliSeconds(nd::MAX_RA_DELAY_TIME_MS)),
      m_sequence(0),
      m_pbuCount(0),
      m_raCount(0),
      m_revokedCount(0),
      m_recoveryCount(0)
{
    m_signalling = CreateObject<SignallingTransactionManager>();
    m_advertiser = CreateObject<MagRouterAdvertiser>();
    NS_LOG_FUNCTION(this);
}

Pmipv6MagApplication::~Pmipv6MagApplication()
{
    NS_LOG_FUNCTION(this);
}

void
Pmipv6MagApplication::DoDispose()
{
    NS_LOG_FUNCTION(this);
    if (m_bul)
    {
        m_bul->Dispose();
    }
    m_bul = nullptr;
    m_extensions.DisposeAll();
    m_teardownDeferred.clear();
    m_briReplies.clear();
    if (m_signalling)
    {
        m_signalling->Dispose();
    }
    m_signalling = nullptr;
    if (m_advertiser)
    {
        m_advertiser->Dispose();
    }
    m_advertiser = nullptr;
    m_profiles = nullptr;
    m_mobility = nullptr;
    m_tunnels = nullptr;
    m_routing = nullptr;
    Application::DoDispose();
}

Ptr<BindingUpdateList>
Pmipv6MagApplication::GetBindingUpdateList() const
{
    return m_bul;
}

void
Pmipv6MagApplication::AddExtension(Ptr<Pmipv6MagExtension> extension)
{
    NS_LOG_FUNCTION(this << extension->GetName());
    NS_ABORT_MSG_IF(extension->GetMag() && extension->GetMag() != this,
                    extension->GetName() << " is registered with another MAG already");
    m_extensions.Add(extension, AgentName());
    extension->SetMag(this);
    if (m_started)
    {
        m_extensions.Start(extension, m_mobility, AgentName());
    }
}

uint32_t
Pmipv6MagApplication::GetNExtensions() const
{
    return m_extensions.Get().size();
}

Ptr<Pmipv6MagExtension>
Pmipv6MagApplication::GetExtension(uint32_t i) const
{
    NS_ABORT_MSG_IF(i >= GetNExtensions(), "no extension " << i);
    return m_extensions.Get()[i];
}

Ptr<MobilityL4Protocol>
Pmipv6MagApplication::GetMobilityProtocol() const
{
    return m_mobility;
}

Ptr<MagRouting>
Pmipv6MagApplication::GetRouting() const
{
    return m_routing;
}

Ptr<SignallingTransactionManager>
Pmipv6MagApplication::GetSignalling() const
{
    return m_signalling;
}

Ptr<Ipv6TunnelL4Protocol>
Pmipv6MagApplication::GetTunnels() const
{
    return m_tunnels;
}

void
Pmipv6MagApplication::RemoveEntry(Ptr<BindingUpdateListEntry> entry)
{
    m_advertiser->Forget(entry->id);
    if (m_teardownDeferred.erase(entry->id) > 0)
    {
        NS_LOG_LOGIC("MAG " << m_proxyCoa << ": de-registration of " << entry->mnId
                            << " ended, tearing its binding down");
        DeactivateBinding(entry);
    }
    NotifyExtensions(Pmipv6MagExtension::BINDING_REMOVED, entry);
    auto perLma = m_entriesPerLma.find(entry->lmaAddress);
    if (perLma != m_entriesPerLma.end() && --perLma->second == 0)
    {
        m_entriesPerLma.erase(perLma);
    }
    m_bul->Remove(entry);
}

bool
Pmipv6MagApplication::IsLmaOf(Ipv6Address source, const std::string& mnId) const
{
    if (!mnId.empty())
    {
        std::vector<Ptr<BindingUpdateListEntry>> entries = m_bul->FindByMnId(mnId);
        if (!entries.empty())
        {
            for (const auto& e : entries)
            {
                if (e->lmaAddress == source)
                {
                    return true;
                }
            }
            return false;
        }
        if (source == LmaFor(mnId))
        {
            return true;
        }
    }
    return source == m_defaultLma || m_entriesPerLma.count(source) != 0;
}

std::string
Pmipv6MagApplication::AgentName() const
{
    std::ostringstream os;
    os << "MAG on node " << (GetNode() ? GetNode()->GetId() : 0);
    return os.str();
}

void
Pmipv6MagApplication::NotifyExtensions(Pmipv6MagExtension::BindingEvent event,
                                       Ptr<BindingUpdateListEntry> entry)
{
    NS_LOG_LOGIC("binding " << entry->id << " of " << entry->mnId << ": "
                            << Pmipv6MagExtension::BindingEventName(event));
    for (const auto& extension : m_extensions.Get())
    {
        extension->NotifyBinding(event, entry);
    }
}

Ipv6Address
Pmipv6MagApplication::GetProxyCoa() const
{
    return m_proxyCoa;
}

void
Pmipv6MagApplication::SetProxyCoa(Ipv6Address address)
{
    m_proxyCoa = address;
}

void
Pmipv6MagApplication::SetProfileStore(Ptr<Pmipv6ProfileStore> store)
{
    m_profiles = store;
}

Ptr<Pmipv6ProfileStore>
Pmipv6MagApplication::GetProfileStore() const
{
    return m_profiles;
}

Ipv6Address
Pmipv6MagApplication::GetLinkLocalAddress() const
{
    return m_linkLocal;
}

uint64_t
Pmipv6MagApplication::GetPbuCount() const
{
    return m_pbuCount;
}

uint64_t
Pmipv6MagApplication::GetPbaCount(uint8_t status) const
{
    auto it = m_pbaCounts.find(status);
    return it == m_pbaCounts.end() ? 0 : it->second;
}

uint64_t
Pmipv6MagApplication::GetRouterAdvertisementCount() const
{
    return m_raCount;
}

Ptr<MagRouterAdvertiser>
Pmipv6MagApplication::GetRouterAdvertiser() const
{
    return m_advertiser;
}

uint64_t
Pmipv6MagApplication::GetRevokedCount() const
{
    return m_revokedCount;
}

uint64_t
Pmipv6MagApplication::GetRevokedPrefixCount() const
{
    return m_revokedPrefixCount;
}

uint64_t
Pmipv6MagApplication::GetRecoveryCount() const
{
    return m_recoveryCount;
}

bool
Pmipv6MagApplication::RefreshNow(uint64_t entryId, bool resendInFlight)
{
    NS_LOG_FUNCTION(this << entryId << resendInFlight);
    Ptr<BindingUpdateListEntry> entry = m_bul->FindById(entryId);
    if (!entry || (entry->state != BindingUpdateListEntry::REGISTERED &&
                   !(resendInFlight && entry->state == BindingUpdateListEntry::REFRESHING)))
    {
        return false;
    }
    entry->refreshTimer.Cancel();
    RefreshBinding(entryId);
    return true;
}

Time
Pmipv6MagApplication::GetClockCorrection(Ipv6Address lma) const
{
    auto it = m_clockCorrection.find(lma);
    return it == m_clockCorrection.end() ? Time(0) : it->second;
}

uint32_t
Pmipv6MagApplication::InterfaceOf(Ptr<NetDevice> device) const
{
    Ptr<Ipv6> ipv6 = device->GetNode()->GetObject<Ipv6>();
    int32_t index = ipv6->GetInterfaceForDevice(device);
    NS_ABORT_MSG_IF(index < 0,
                    "device " << device->GetIfIndex() << " of node " << device->GetNode()->GetId()
                              << " is no IPv6 interface: add it to IPv6 first");
    return static_cast<uint32_t>(index);
}

void
Pmipv6MagApplication::AddAccessInterface(Ptr<NetDevice> device, uint8_t accessTechnologyType)
{
    NS_LOG_FUNCTION(this << device << +accessTechnologyType);
    Ptr<Ipv6> ipv6 = device->GetNode()->GetObject<Ipv6>();
    uint32_t interface = InterfaceOf(device);
    m_accessInterfaces[interface] = accessTechnologyType;
    bool present = false;
    for (uint32_t a = 0; a < ipv6->GetNAddresses(interface); ++a)
    {
        present = present || ipv6->GetAddress(interface, a).GetAddress() == m_linkLocal;
    }
    if (!present)
    {
        ipv6->AddAddress(interface, Ipv6InterfaceAddress(m_linkLocal, Ipv6Prefix(64)));
    }
    ipv6->SetForwarding(interface, true);
    ipv6->SetUp(interface);
}

void
Pmipv6MagApplication::AddWifiAccessPoint(Ptr<NetDevice> apDevice)
{
    NS_LOG_FUNCTION(this << apDevice);
    AddAccessInterface(apDevice, mip6::ATT_IEEE_802_11);
    if (Pmipv6WifiAssociationBridge::IsUsed())
    {
        // ns-3 <= 3.31: no association traces at the AP; its stations report to this MAG.
        Pmipv6WifiAssociationBridge::AddAccessPoint(
            apDevice,
            MakeCallback(&Pmipv6MagApplication::WifiAssociated, this, apDevice),
            MakeCallback(&Pmipv6MagApplication::WifiDeassociated, this, apDevice));
        return;
    }
    std::ostringstream path;
    path << "/NodeList/" << apDevice->GetNode()->GetId() << "/DeviceList/" << apDevice->GetIfIndex()
         << "/$ns3::WifiNetDevice/Mac/$ns3::ApWifiMac/";
    bool ok = Config::ConnectWithoutContextFailSafe(
        path.str() + "AssociatedSta",
        MakeCallback(&Pmipv6MagApplication::WifiAssociated, this, apDevice));
    ok = ok && Config::ConnectWithoutContextFailSafe(
                   path.str() + "DeAssociatedSta",
                   MakeCallback(&Pmipv6MagApplication::WifiDeassociated, this, apDevice));
    NS_ABORT_MSG_IF(!ok, "device is no Wi-Fi access point: " << path.str());
}

void
Pmipv6MagApplication::WifiAssociated(Ptr<NetDevice> ap, uint16_t aid, Mac48Address address)
{
    NS_LOG_FUNCTION(this << aid << address);
    NotifyAttach(ap, address);
}

void
Pmipv6MagApplication::WifiDeassociated(Ptr<NetDevice> ap, uint16_t aid, Mac48Address address)
{
    NS_LOG_FUNCTION(this << aid << address);
    NotifyDetach(ap, address);
}

Ipv6Address
Pmipv6MagApplication::LmaFor(const std::string& mnId) const
{
    if (m_profiles)
    {
        const Pmipv6Profile* profile = m_profiles->Lookup(mnId);
        if (profile != nullptr && !profile->lmaAddress.IsAny())
        {
            return profile->lmaAddress;
        }
    }
    return m_defaultLma;
}

void
Pmipv6MagApplication::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> node = GetNode();
    m_mobility = MobilityL4Protocol::Install(node);
    m_tunnels = Ipv6TunnelL4Protocol::Install(node);
    m_routing = MagRouting::Install(node);
    m_signalling->SetMobilityProtocol(m_mobility);
    m_mobility->RegisterHandler(mip6::MH_BINDING_ACK,
                                MakeCallback(&Pmipv6MagApplication::HandleBindingAck, this));
    m_mobility->RegisterHandler(mip6::MH_BINDING_REVOCATION,
                                MakeCallback(&Pmipv6MagApplication::HandleBindingRevocation, this));
    m_advertiser->Configure(m_initialRas, m_initialRaInterval, m_maxRaDelay);
    m_advertiser->Start(node, MakeCallback(&Pmipv6MagApplication::SendRouterAdvertisementTo, this));
    m_started = true;
    m_extensions.StartAll(m_mobility, AgentName());
}

void
Pmipv6MagApplication::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_mobility)
    {
        m_mobility->UnregisterHandler(mip6::MH_BINDING_ACK);
        m_mobility->UnregisterHandler(mip6::MH_BINDING_REVOCATION);
        m_extensions.StopAll(m_mobility);
    }
    m_started = false;
    m_advertiser->Stop();
    for (const auto& entry : m_bul->GetEntries())
    {
        entry->CancelTimers();
    }
}

void
Pmipv6MagApplication::Crash()
{
    NS_LOG_FUNCTION(this);
    NS_LOG_INFO("MAG " << m_proxyCoa << ": crash, " << m_bul->GetEntries().size()
                       << " entries lost");
    StopApplication();
    m_signalling->CancelAll();
    if (m_routing)
    {
        for (const auto& entry : m_bul->GetEntries())
        {
            entry->CancelTimers();
            if (m_teardownDeferred.count(entry->id) == 0 &&
                (entry->state == BindingUpdateListEntry::REGISTERED ||
                 entry->state == BindingUpdateListEntry::REFRESHING))
            {
                DeactivateBinding(entry);
            }
            RemoveEntry(entry);
        }
    }
    m_teardownDeferred.clear();
    m_briReplies.clear();
    m_crashed = true;
}

void
Pmipv6MagApplication::Restart()
{
    NS_LOG_FUNCTION(this);
    if (!m_crashed)
    {
        Crash();
    }
    m_crashed = false;
    StartApplication();
}

void
Pmipv6MagApplication::NotifyAttach(Ptr<NetDevice> device, const Address& mnLinkLayerAddress)
{
    std::string mnId;
    if (m_profiles)
    {
        mnId = m_profiles->FindMnIdByLinkLayerAddress(mnLinkLayerAddress);
    }
    if (mnId.empty())
    {
        NS_LOG_WARN("MAG " << m_proxyCoa << ": no profile for link-layer address "
                           << mnLinkLayerAddress << ", attachment ignored");
        return;
    }
    NotifyAttach(device, mnId, mnLinkLayerAddress);
}

void
Pmipv6MagApplication::NotifyAttach(Ptr<NetDevice> device,
                                   const std::string& mnId,
                                   const Address& mnLinkLayerAddress,
                                   uint8_t handoffIndicator)
{
    NS_LOG_FUNCTION(this << mnId << mnLinkLayerAddress << +handoffIndicator);
    if (m_crashed)
    {
        NS_LOG_LOGIC("MAG " << m_proxyCoa << ": down (crashed), attachment of " << mnId
                            << " not seen");
        return;
    }
    uint32_t interface = InterfaceOf(device);
    auto access = m_accessInterfaces.find(interface);
    NS_ABORT_MSG_IF(access == m_accessInterfaces.end(),
                    "attachment on a device that is no access interface of this MAG");
    std::vector<uint8_t> llid = LinkLayerBytes(mnLinkLayerAddress);
    m_attachTrace(mnId, device);

    Ptr<BindingUpdateListEntry> entry = m_bul->Find(mnId, llid);
    if (entry && entry->state == BindingUpdateListEntry::REGISTERED &&
        entry->accessInterface == interface)
    {
        NS_LOG_LOGIC("MAG " << m_proxyCoa << ": " << mnId << " re-attached, repeating the RA");
        StartAdvertising(entry);
        return;
    }
    if (entry)
    {
        // A de-registration in progress, or an attachment on another access link: start over.
        // A refresh in progress still holds the tunnel reference and the neighbor entry.
        entry->CancelTimers();
        if (entry->state == BindingUpdateListEntry::REGISTERED ||
            entry->state == BindingUpdateListEntry::REFRESHING)
        {
            DeactivateBinding(entry);
        }
        RemoveEntry(entry);
    }
    entry = Create<BindingUpdateListEntry>();
    entry->mnId = mnId;
    entry->mnLinkLayerId = llid;
    entry->mnMacAddress = mnLinkLayerAddress;
    entry->accessDevice = device;
    entry->accessInterface = interface;
    entry->accessTechnologyType = access->second != 0 ? access->second : m_defaultAtt;
    entry->handoffIndicator = handoffIndicator != 0 ? handoffIndicator : m_defaultHi;
    entry->lmaAddress = LmaFor(mnId);
    for (const auto& extension : m_extensions.Get())
    {
        Ipv6Address chosen = extension->SelectLma(mnId, device);
        if (!chosen.IsAny())
        {
            entry->lmaAddress = chosen;
            break;
        }
    }
    const Pmipv6Profile* profile = m_profiles ? m_profiles->Lookup(mnId) : nullptr;
    entry->mnLinkLocalAddress =
        profile != nullptr && !profile->mnLinkLocalAddress.IsAny()
            ? profile->mnLinkLocalAddress
            : Ipv6Address::MakeAutoconfiguredLinkLocalAddress(mnLinkLayerAddress);
    if (profile != nullptr)
    {
        auto preference = profile->bindingPreferences.find(mnLinkLayerAddress);
        if (preference != profile->bindingPreferences.end())
        {
            entry->bindingId = preference->second.bindingId;
            entry->bindingPriority = preference->second.bindingPriority;
        }
    }
    entry->registrationStart = Simulator::Now();
    entry->tunnelInterface = 0;
    NS_ABORT_MSG_IF(entry->lmaAddress.IsAny(), "no LMA known for " << mnId);
    m_bul->Add(entry);
    m_entriesPerLma[entry->lmaAddress]++;
    SwitchState(entry, BindingUpdateListEntry::REGISTERING);
    for (const auto& extension : m_extensions.Get())
    {
        extension->NotifyAttach(entry);
    }
    NS_LOG_INFO("MAG " << m_proxyCoa << ": " << mnId << " attached, registering with "
                       << entry->lmaAddress);
    SendPbu(entry);
}

void
Pmipv6MagApplication::NotifyDetach(Ptr<NetDevice> device, const Address& mnLinkLayerAddress)
{
    NS_LOG_FUNCTION(this << mnLinkLayerAddress);
    Ptr<BindingUpdateListEntry> entry = m_bul->FindByMac(mnLinkLayerAddress);
    if (!entry || entry->accessDevice != device ||
        entry->state == BindingUpdateListEntry::DEREGISTERING)
    {
        return;
    }
    m_detachTrace(entry->mnId, device);
    // It left the link: no more RAs, even while its binding stays up until de-registered.
    m_advertiser->Forget(entry->id);
    bool keep = false;
    for (const auto& extension : m_extensions.Get())
    {
        keep = keep || extension->KeepBindingUntilDeregistered(entry);
    }
    if (entry->state == BindingUpdateListEntry::REGISTERED ||
        entry->state == BindingUpdateListEntry::REFRESHING)
    {
        if (keep)
        {
            // Torn down by RemoveEntry() when the de-registration ends (PBA or give-up).
            m_teardownDeferred.insert(entry->id);
        }
        else
        {
            DeactivateBinding(entry);
        }
    }
    for (const auto& extension : m_extensions.Get())
    {
        extension->NotifyDetach(entry);
    }
    NS_LOG_INFO("MAG " << m_proxyCoa << ": " << entry->mnId << " detached, de-registering");
    SwitchState(entry, BindingUpdateListEntry::DEREGISTERING);
    SendPbu(entry);
}

void
Pmipv6MagApplication::SwitchState(Ptr<BindingUpdateListEntry> entry,
                                  BindingUpdateListEntry::State s)
{
    NS_LOG_FUNCTION(this << entry->id << entry->mnId << BindingUpdateListEntry::StateName(s));
    // Leaving a state ends its timers.
    entry->CancelTimers();
    // The transaction the new state starts, in place before the trace reports the change.
    switch (s)
    {
    case BindingUpdateListEntry::REGISTERING:
        entry->requestedLifetime = m_lifetime;
        entry->recoveries = 0;
        ResetBackoff(entry, s);
        break;
    case BindingUpdateListEntry::REFRESHING:
        entry->requestedLifetime = m_lifetime;
        ResetBackoff(entry, s);
        break;
    case BindingUpdateListEntry::DEREGISTERING:
        entry->requestedLifetime = Seconds(0);
        ResetBackoff(entry, s);
        break;
    case BindingUpdateListEntry::IDLE:
    case BindingUpdateListEntry::REGISTERED:
        break;
    }
    m_bul->SetState(entry, s);
    // Entry actions.
    if (s == BindingUpdateListEntry::REGISTERED)
    {
        entry->refreshTimer = Simulator::Schedule(entry->lifetime * m_refreshFraction,
                                                  &Pmipv6MagApplication::RefreshBinding,
                                                  this,
                                                  entry->id);
    }
}

void
Pmipv6MagApplication::ResetBackoff(Ptr<BindingUpdateListEntry> entry,
                                   BindingUpdateListEntry::State s) const
{
    entry->retransmissions = 0;
    entry->currentTimeout =
        s == BindingUpdateListEntry::REGISTERING ? m_initialTimeoutFirstReg : m_initialTimeout;
}

void
Pmipv6MagApplication::SendPbu(Ptr<BindingUpdateListEntry> entry)
{
    NS_LOG_FUNCTION(this << entry->mnId);
    BindingUpdateHeader pbu;
    entry->sequence = ++m_sequence;
    pbu.SetSequence(entry->sequence);
    pbu.SetLifetime(static_cast<uint16_t>(entry->requestedLifetime.GetSeconds() / 4));
    pbu.AddOption(Create<MobileNodeIdentifierOption>(entry->mnId));
    if (entry->homeNetworkPrefixes.empty() && !RegistersWithoutPrefix(entry))
    {
        pbu.AddOption(Create<HomeNetworkPrefixOption>(Ipv6Address::GetAny(), 0));
    }
    for (const auto& prefix : entry->homeNetworkPrefixes)
    {
        pbu.AddOption(Create<HomeNetworkPrefixOption>(prefix.prefix, prefix.length));
    }
    uint8_t hi = entry->state == BindingUpdateListEntry::REGISTERING ? entry->handoffIndicator
                                                                     : mip6::HI_NOT_CHANGED;
    pbu.AddOption(Create<HandoffIndicatorOption>(hi));
    pbu.AddOption(Create<AccessTechnologyTypeOption>(entry->accessTechnologyType));
    if (m_includeLinkLayerId && !entry->mnLinkLayerId.empty())
    {
        Ptr<MobileNodeLinkLayerIdOption> llid = Create<MobileNodeLinkLayerIdOption>();
        llid->SetIdentifier(entry->mnLinkLayerId);
        pbu.AddOption(llid);
    }
    if (m_includeLinkLocal)
    {
        pbu.AddOption(Create<LinkLocalAddressOption>(m_linkLocal));
    }
    if (m_useTimestamps)
    {
        Ptr<TimestampOption> ts = Create<TimestampOption>(Simulator::Now() + m_clockOffset +
                                                          GetClockCorrection(entry->lmaAddress));
        entry->lastTimestamp = ts->GetRaw();
        pbu.AddOption(ts);
    }
    if (entry->bindingId != 0)
    {
        // RFC 5648 / RFC 6089, asked for by the MN's profile for this interface.
        Ptr<BindingIdentifierOption> bid = Create<BindingIdentifierOption>(entry->bindingId);
        bid->SetPriority(entry->bindingPriority);
        pbu.AddOption(bid);
    }
    for (const auto& extension : m_extensions.Get())
    {
        extension->AddPbuOptions(pbu, entry);
    }
    m_pbuCount++;
    m_txPbuTrace(pbu, entry->lmaAddress);
    NS_LOG_INFO("MAG " << m_proxyCoa << " PBU seq " << entry->sequence << " for " << entry->mnId
                       << " lifetime " << entry->requestedLifetime.As(Time::S) << " try "
                       << entry->retransmissions);
    m_mobility->Send(pbu, m_proxyCoa, entry->lmaAddress);
    entry->retransmitTimer.Cancel();
    entry->retransmitTimer = Simulator::Schedule(entry->currentTimeout,
                                                 &Pmipv6MagApplication::RetransmitPbu,
                                                 this,
                                                 entry->id);
}

void
Pmipv6MagApplication::RetransmitPbu(uint64_t id)
{
    NS_LOG_FUNCTION(this << id);
    Ptr<BindingUpdateListEntry> entry = m_bul->FindById(id);
    if (!entry)
    {
        NS_LOG_LOGIC("retransmission timer of entry " << id << ", which is gone: ignored");
        return;
    }
    if (entry->retransmissions >= m_maxRetransmissions)
    {
        NS_LOG_WARN("MAG " << m_proxyCoa << ": no PBA for " << entry->mnId << " after "
                           << entry->retransmissions << " retransmissions");
        bool deregistering = entry->state == BindingUpdateListEntry::DEREGISTERING;
        if (entry->state == BindingUpdateListEntry::REFRESHING)
        {
            DeactivateBinding(entry);
        }
        if (!deregistering)
        {
            NotifyExtensions(Pmipv6MagExtension::BINDING_FAILED, entry);
            m_failedTrace(entry->mnId, 0);
        }
        RemoveEntry(entry);
        return;
    }
    entry->retransmissions++;
    entry->currentTimeout = std::min(entry->currentTimeout * 2, m_maxTimeout);
    SendPbu(entry);
}

void
Pmipv6MagApplication::RefreshBinding(uint64_t id)
{
    NS_LOG_FUNCTION(this << id);
    Ptr<BindingUpdateListEntry> entry = m_bul->FindById(id);
    if (!entry)
    {
        NS_LOG_LOGIC("refresh timer of entry " << id << ", which is gone: ignored");
        return;
    }
    SwitchState(entry, BindingUpdateListEntry::REFRESHING);
    SendPbu(entry);
}

void
Pmipv6MagApplication::HandleBindingAck(Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface)
{
    NS_LOG_FUNCTION(this << ip.GetSource());
    BindingAckHeader pba;
    if (!m_mobility->Decode(p, ip, pba))
    {
        return;
    }
    if (m_signalling->HandleReply(ip.GetSource(), 0, pba.GetSequence(), pba, ip))
    {
        NS_LOG_LOGIC("PBA seq " << pba.GetSequence() << " from " << ip.GetSource()
                                << " answers a signalling transaction");
        return;
    }
    m_rxPbaTrace(pba, ip.GetSource());
    Ptr<BindingUpdateListEntry> entry = MatchBindingAck(pba, ip.GetSource());
    if (!entry)
    {
        NS_LOG_LOGIC("PBA seq " << pba.GetSequence() << " matches no pending PBU: ignored");
        m_mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
        return;
    }
    if (entry->state == BindingUpdateListEntry::REGISTERED)
    {
        // No PBU of this entry is pending: the PBA answering its last one came already. This
        // is a duplicate, or the answer to a duplicated PBU (a late copy the LMA refused with
        // 157 because the original was accepted first): it must not undo the registration.
        NS_LOG_LOGIC("PBA seq " << pba.GetSequence() << " status " << +pba.GetStatus() << " for "
                                << entry->mnId << ", which is registered: ignored");
        m_mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
        return;
    }
    m_pbaCounts[pba.GetStatus()]++;
    entry->retransmitTimer.Cancel();
    for (const auto& extension : m_extensions.Get())
    {
        extension->NotifyPba(pba, entry);
    }
    NS_LOG_INFO("MAG " << m_proxyCoa << " PBA status " << +pba.GetStatus() << " seq "
                       << pba.GetSequence() << " for " << entry->mnId);

    if (entry->state == BindingUpdateListEntry::DEREGISTERING)
    {
        RemoveEntry(entry);
        return;
    }
    if (pba.GetStatus() != mip6::BA_ACCEPTED && RecoverFromRejection(entry, pba, ip.GetSource()))
    {
        return;
    }
    if (pba.GetStatus() != mip6::BA_ACCEPTED || pba.GetLifetime() == 0)
    {
        NS_LOG_WARN("MAG " << m_proxyCoa << ": registration of " << entry->mnId
                           << " refused, status " << +pba.GetStatus());
        if (entry->state == BindingUpdateListEntry::REFRESHING)
        {
            DeactivateBinding(entry);
        }
        NotifyExtensions(Pmipv6MagExtension::BINDING_FAILED, entry);
        m_failedTrace(entry->mnId, pba.GetStatus());
        RemoveEntry(entry);
        return;
    }
    std::vector<HomeNetworkPrefix> prefixes;
    for (const auto& hnp : pba.GetOptions().FindAll<HomeNetworkPrefixOption>())
    {
        if (!hnp->GetPrefix().IsAny())
        {
            prefixes.push_back({hnp->GetPrefix(), hnp->GetPrefixLength()});
        }
    }
    if (prefixes.empty() && !RegistersWithoutPrefix(entry))
    {
        NS_LOG_WARN("accepted PBA without a home network prefix for " << entry->mnId);
        NotifyExtensions(Pmipv6MagExtension::BINDING_FAILED, entry);
        m_failedTrace(entry->mnId, pba.GetStatus());
        RemoveEntry(entry);
        return;
    }
    bool initial = entry->state == BindingUpdateListEntry::REGISTERING;
    bool prefixesChanged = prefixes != entry->homeNetworkPrefixes;
    if (!initial && prefixesChanged)
    {
        DeactivateBinding(entry);
    }
    entry->homeNetworkPrefixes = prefixes;
    entry->recoveries = 0;
    if (auto bid = pba.GetOptions().Find<BindingIdentifierOption>())
    {
        if (entry->bindingId != 0 && bid->GetBid() != 0)
        {
            // The LMA may have given another BID (RFC 5648: unique per MN): use it from now.
            entry->bindingId = bid->GetBid();
            entry->bindingPriority = bid->GetPriority();
        }
    }
    entry->lifetime = Seconds(pba.GetLifetimeSeconds());
    m_bul->NotifyChanged(entry);
    SwitchState(entry, BindingUpdateListEntry::REGISTERED);
    if (initial || prefixesChanged)
    {
        ActivateBinding(entry);
    }
    NotifyExtensions(initial ? Pmipv6MagExtension::BINDING_REGISTERED
                             : Pmipv6MagExtension::BINDING_REFRESHED,
                     entry);
    if (initial)
    {
        Time latency = Simulator::Now() - entry->registrationStart;
        NS_LOG_INFO("MAG " << m_proxyCoa << ": " << entry->mnId << " registered in "
                           << latency.As(Time::MS));
        m_registeredTrace(entry->mnId, latency, entry->handoffIndicator);
    }
}

Ptr<BindingUpdateListEntry>
Pmipv6MagApplication::MatchBindingAck(const BindingAckHeader& pba, Ipv6Address lma) const
{
    Ptr<MobileNodeIdentifierOption> mnIdOption =
        pba.GetOptions().Find<MobileNodeIdentifierOption>();
    if (!mnIdOption)
    {
        return nullptr;
    }
    std::vector<Ptr<BindingUpdateListEntry>> entries = m_bul->FindByMnId(mnIdOption->GetNai());
    for (const auto& e : entries)
    {
        if (e->sequence == pba.GetSequence())
        {
            return e;
        }
    }
    if (pba.GetStatus() != mip6::BA_SEQUENCE_OUT_OF_WINDOW)
    {
        return nullptr;
    }
    // RFC 6275 11.7.1: a BA with status 135 carries the last sequence number the LMA accepted,
    // not the one of the PBU it answers. It answers a pending PBU of this MN to that LMA; one
    // whose sequence is newer than the PBA's was sent after a resynchronisation already, and
    // the PBA is stale.
    for (const auto& e : entries)
    {
        bool pending = e->state == BindingUpdateListEntry::REGISTERING ||
                       e->state == BindingUpdateListEntry::REFRESHING ||
                       e->state == BindingUpdateListEntry::DEREGISTERING;
        if (pending && e->lmaAddress == lma && !SequenceNewer(e->sequence, pba.GetSequence()))
        {
            return e;
        }
    }
    return nullptr;
}

bool
Pmipv6MagApplication::RecoverFromRejection(Ptr<BindingUpdateListEntry> entry,
                                           const BindingAckHeader& pba,
                                           Ipv6Address lma)
{
    NS_LOG_FUNCTION(this << entry->mnId << +pba.GetStatus());
    uint8_t status = pba.GetStatus();
    bool recoverable = status == mip6::BA_SEQUENCE_OUT_OF_WINDOW ||
                       status == mip6::BA_TIMESTAMP_MISMATCH ||
                       status == mip6::BA_TIMESTAMP_LOWER_THAN_PREV_ACCEPTED;
    bool registering = entry->state == BindingUpdateListEntry::REGISTERING ||
                       entry->state == BindingUpdateListEntry::REFRESHING;
    if (!recoverable || !registering)
    {
        return false;
    }
    if (entry->recoveries >= m_maxRecoveries)
    {
        NS_LOG_WARN("MAG " << m_proxyCoa << ": status " << +status << " for " << entry->mnId
                           << " after " << entry->recoveries << " recoveries: giving up");
        return false;
    }
    if (status == mip6::BA_SEQUENCE_OUT_OF_WINDOW)
    {
        // Continue after the LMA's last accepted sequence number, unless the counter is
        // already past it.
        if (!SequenceNewer(m_sequence, pba.GetSequence()))
        {
            m_sequence = pba.GetSequence();
        }
    }
    else if (status == mip6::BA_TIMESTAMP_MISMATCH)
    {
        // RFC 5213 5.5: the PBA's Timestamp option carries the LMA's current time.
        Ptr<TimestampOption> ts = pba.GetOptions().Find<TimestampOption>();
        if (!ts)
        {
            NS_LOG_WARN("MAG " << m_proxyCoa << ": status 156 without a Timestamp option");
            return false;
        }
        m_clockCorrection[lma] = ts->GetTime() - (Simulator::Now() + m_clockOffset);
        NS_LOG_INFO("MAG " << m_proxyCoa << ": clock correction for LMA " << lma << " now "
                           << m_clockCorrection[lma].As(Time::MS));
    }
    entry->recoveries++;
    m_recoveryCount++;
    NS_LOG_INFO("MAG " << m_proxyCoa << ": status " << +status << " for " << entry->mnId
                       << ", re-sending (recovery " << entry->recoveries << ")");
    m_recoveryTrace(entry->mnId, status, entry->recoveries);
    ResetBackoff(entry, entry->state);
    SendPbu(entry);
    return true;
}

void
Pmipv6MagApplication::HandleBindingRevocation(Ptr<Packet> p,
                                              const Ipv6Header& ip,
                                              uint32_t interface)
{
    NS_LOG_FUNCTION(this << ip.GetSource());
    if (BindingRevocationHeader::PeekRevocationType(p) != mip6::BR_INDICATION)
    {
        m_mobility->NotifyDrop(p, ip, MobilityL4Protocol::DROP_REJECTED);
        return;
    }
    BindingRevocationIndicationHeader bri;
    if (!m_mobility->Decode(p, ip, bri))
    {
        return;
    }
    Ptr<MobileNodeIdentifierOption> mnId = bri.GetOptions().Find<MobileNodeIdentifierOption>();
    std::string nai = mnId ? mnId->GetNai() : "";
    auto lmaReplies = m_briReplies.find(ip.GetSource());
    if (lmaReplies != m_briReplies.end())
    {
        auto* sent = lmaReplies->second.Find(bri.GetSequence());
        if (sent && sent->first == nai)
        {
            // a retransmission (the BRA was lost): the first copy revoked the binding; the
            // same BRA again, not "binding does not exist"
            NS_LOG_LOGIC("MAG " << m_proxyCoa << ": BRI seq " << bri.GetSequence() << " from "
                                << ip.GetSource() << " again: same BRA");
            m_mobility->Send(sent->second, m_proxyCoa, ip.GetSource());
            return;
        }
    }
    BindingRevocationAckHeader bra;
    bra.SetSequence(bri.GetSequence());
    bra.SetFlag(BindingRevocationHeader::FLAG_P, bri.IsProxy());
    bra.SetStatus(mip6::BRA_BINDING_DOES_NOT_EXIST);
    if (mnId)
    {
        bra.AddOption(Create<MobileNodeIdentifierOption>(mnId->GetNai()));
        std::vector<HomeNetworkPrefix> revoked;
        for (const auto& hnp : bri.GetOptions().FindAll<HomeNetworkPrefixOption>())
        {
            revoked.push_back({hnp->GetPrefix(), hnp->GetPrefixLength()});
        }
        // RFC 5846 with the HNP options naming what is revoked: an entry loses only the named
        // prefixes; it is revoked whole when the BRI names none (the MN's every binding) or
        // all of its prefixes. BRA status: success when every named prefix was revoked,
        // partial success when only some were found, "binding does not exist" when none.
        uint32_t found = 0;
        bool any = false;
        for (const auto& entry : m_bul->FindByMnId(mnId->GetNai()))
        {
            if (entry->lmaAddress != ip.GetSource())
            {
                continue;
            }
            std::vector<HomeNetworkPrefix> named;
            for (const auto& prefix : entry->homeNetworkPrefixes)
            {
                if (std::find(revoked.begin(), revoked.end(), prefix) != revoked.end())
                {
                    named.push_back(prefix);
                }
            }
            if (!revoked.empty() && named.empty())
            {
                continue;
            }
            any = true;
            found += named.size();
            if (!revoked.empty() && named.size() < entry->homeNetworkPrefixes.size())
            {
                RevokePrefixes(entry, named, bri.GetRevocationTrigger());
                continue;
            }
            NS_LOG_INFO("MAG " << m_proxyCoa << ": LMA revoked the binding of " << entry->mnId
                               << " (trigger " << +bri.GetRevocationTrigger() << ")");
            entry->CancelTimers();
            if (entry->state == BindingUpdateListEntry::REGISTERED ||
                entry->state == BindingUpdateListEntry::REFRESHING)
            {
                DeactivateBinding(entry);
            }
            NotifyExtensions(Pmipv6MagExtension::BINDING_REVOKED, entry);
            RemoveEntry(entry);
            m_revokedCount++;
        }
        if (any)
        {
            bra.SetStatus(revoked.empty() || found == revoked.size() ? mip6::BRA_SUCCESS
                                                                     : mip6::BRA_PARTIAL_SUCCESS);
        }
    }
    if (bra.GetStatus() != mip6::BRA_BINDING_DOES_NOT_EXIST)
    {
        // Remembered only when the sender is the LMA of what it revoked (a rogue's BRIs
        // revoke nothing and fill no cache); a retransmitted BRI that found nothing the
        // first time finds nothing again.
        m_briReplies[ip.GetSource()].Remember(bri.GetSequence(), {nai, bra});
    }
    m_mobility->Send(bra, m_proxyCoa, ip.GetSource());
}

void
Pmipv6MagApplication::RevokePrefixes(Ptr<BindingUpdateListEntry> entry,
                                     const std::vector<HomeNetworkPrefix>& prefixes,
                                     uint8_t trigger)
{
    NS_LOG_FUNCTION(this << entry->mnId << prefixes.size() << +trigger);
    bool active = entry->state == BindingUpdateListEntry::REGISTERED ||
                  entry->state == BindingUpdateListEntry::REFRESHING;
    for (const auto& prefix : prefixes)
    {
        NS_LOG_INFO("MAG " << m_proxyCoa << ": LMA revoked " << prefix.prefix << "/"
                           << +prefix.length << " of " << entry->mnId << " (trigger " << +trigger
                           << ")");
        if (active)
        {
            m_routing->RemoveBinding(prefix.prefix, prefix.length);
        }
        entry->homeNetworkPrefixes.erase(std::find(entry->homeNetworkPrefixes.begin(),
                                                   entry->homeNetworkPrefixes.end(),
                                                   prefix));
    }
    m_bul->NotifyChanged(entry);
    if (active)
    {
        // The MN deprecates the revoked prefixes (valid and preferred lifetime 0) and keeps
        // the others.
        SendRouterAdvertisement(entry, prefixes);
    }
    NotifyExtensions(Pmipv6MagExtension::BINDING_PREFIXES_REVOKED, entry);
    m_revokedPrefixCount += prefixes.size();
}

void
Pmipv6MagApplication::SetNeighbor(Ptr<BindingUpdateListEntry> entry, bool present)
{
    Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    Ptr<NdiscCache> cache = ipv6->GetInterface(entry->accessInterface)->GetNdiscCache();
    if (!cache)
    {
        return;
    }
    NdiscCache::Entry* neighbor = cache->Lookup(entry->mnLinkLocalAddress);
    if (present)
    {
        if (neighbor == nullptr)
        {
            neighbor = cache->Add(entry->mnLinkLocalAddress);
        }
        neighbor->SetRouter(false);
        neighbor->SetMacAddress(entry->mnMacAddress);
        neighbor->MarkPermanent();
    }
    else if (neighbor != nullptr)
    {
        cache->Remove(neighbor);
    }
}

void
Pmipv6MagApplication::ActivateBinding(Ptr<BindingUpdateListEntry> entry)
{
    NS_LOG_FUNCTION(this << entry->mnId);
    // The MAG learnt the MN's link-layer address from the attachment: the MN's link-local
    // address (the next hop of its downlink and the RA's destination) needs no resolution.
    SetNeighbor(entry, true);
    if (entry->tunnelInterface == 0)
    {
        entry->tunnelInterface = m_tunnels->AddTunnelReference(m_proxyCoa, entry->lmaAddress);
    }
    for (const auto& prefix : entry->homeNetworkPrefixes)
    {
        // The MAG's access link has no address in the HNP, so the MN is reached through its
        // link-local address as next hop (ns-3 resolves only on-link prefixes it owns).
        m_routing->AddBinding(prefix.prefix,
                              prefix.length,
                              entry->accessInterface,
                              entry->tunnelInterface,
                              entry->mnLinkLocalAddress);
    }
    StartAdvertising(entry);
}

void
Pmipv6MagApplication::DeactivateBinding(Ptr<BindingUpdateListEntry> entry)
{
    NS_LOG_FUNCTION(this << entry->mnId);
    m_advertiser->Forget(entry->id);
    SetNeighbor(entry, false);
    for (const auto& prefix : entry->homeNetworkPrefixes)
    {
        m_routing->RemoveBinding(prefix.prefix, prefix.length);
    }
    if (entry->tunnelInterface != 0)
    {
        m_tunnels->RemoveTunnelReference(m_proxyCoa, entry->lmaAddress);
        entry->tunnelInterface = 0;
    }
}

bool
Pmipv6MagApplication::RegistersWithoutPrefix(Ptr<const BindingUpdateListEntry> entry) const
{
    for (const auto& extension : m_extensions.Get())
    {
        if (extension->RegistersWithoutHomeNetworkPrefix(entry))
        {
            return true;
        }
    }
    return false;
}

void
Pmipv6MagApplication::StartAdvertising(Ptr<BindingUpdateListEntry> entry)
{
    if (entry->homeNetworkPrefixes.empty())
    {
        // A mobile node registered without a prefix (IPv4 only): no IPv6 router for it.
        NS_LOG_LOGIC("no Router Advertisement for " << entry->mnId << ": no home network prefix");
        return;
    }
    m_advertiser->Advertise(entry->id,
                            entry->accessDevice->GetIfIndex(),
                            entry->mnLinkLocalAddress);
}

void
Pmipv6MagApplication::SendRouterAdvertisementTo(uint64_t entryId)
{
    Ptr<BindingUpdateListEntry> entry = m_bul->FindById(entryId);
    if (!entry || (entry->state != BindingUpdateListEntry::REGISTERED &&
                   entry->state != BindingUpdateListEntry::REFRESHING))
    {
        NS_LOG_LOGIC("no RA for entry " << entryId << ": gone or its binding is not up");
        m_advertiser->Forget(entryId);
        return;
    }
    SendRouterAdvertisement(entry);
}

void
Pmipv6MagApplication::SendRouterAdvertisement(Ptr<BindingUpdateListEntry> entry,
                                              const std::vector<HomeNetworkPrefix>& withdrawn)
{
    NS_LOG_FUNCTION(this << entry->mnId);
    Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    Ipv6Address src = m_linkLocal;
    Ipv6Address dst = entry->mnLinkLocalAddress;
    Ptr<Packet> p = Create<Packet>();
    for (const auto& prefix : entry->homeNetworkPrefixes)
    {
        Icmpv6OptionPrefixInformation info(prefix.prefix, prefix.length);
        info.SetFlags(Icmpv6OptionPrefixInformation::ONLINK |
                      Icmpv6OptionPrefixInformation::AUTADDRCONF);
        info.SetValidTime(m_prefixLifetime);
        info.SetPreferredTime(m_prefixLifetime);
        p->AddHeader(info);
    }
    for (const auto& prefix : withdrawn)
    {
        Icmpv6OptionPrefixInformation info(prefix.prefix, prefix.length);
        info.SetFlags(Icmpv6OptionPrefixInformation::ONLINK |
                      Icmpv6OptionPrefixInformation::AUTADDRCONF);
        info.SetValidTime(0);
        info.SetPreferredTime(0);
        p->AddHeader(info);
    }
    Icmpv6OptionLinkLayerAddress sllao(true, entry->accessDevice->GetAddress());
    p->AddHeader(sllao);
    Icmpv6RA ra;
    ra.SetCurHopLimit(64);
    ra.SetLifeTime(m_routerLifetime);
    ra.SetReachableTime(0);
    ra.SetRetransmissionTime(0);
    ra.CalculatePseudoHeaderChecksum(src,
                                     dst,
                                     p->GetSize() + ra.GetSerializedSize(),
                                     Icmpv6L4Protocol::PROT_NUMBER);
    p->AddHeader(ra);
    SocketIpv6HopLimitTag hopLimit;
    hopLimit.SetHopLimit(nd::ND_HOP_LIMIT);
    p->AddPacketTag(hopLimit);
    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    route->SetSource(src);
    route->SetDestination(dst);
    route->SetGateway(dst);
    route->SetOutputDevice(entry->accessDevice);
    m_raCount++;
    NS_LOG_INFO("MAG " << m_proxyCoa << ": Router Advertisement to " << entry->mnId << " (" << dst
                       << ")");
    ipv6->Send(p, src, dst, Icmpv6L4Protocol::PROT_NUMBER, route);
}

} // namespace ns3

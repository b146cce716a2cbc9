/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ipv6-tunnel-l4-protocol.h"

#include "prefix-table.h"

#include "ns3/boolean.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/tag.h"
#include "ns3/uinteger.h"
#include "ns3/virtual-net-device.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipv6TunnelL4Protocol");

NS_OBJECT_ENSURE_REGISTERED(Ipv6TunnelL4Protocol);

const uint8_t Ipv6TunnelL4Protocol::PROT_NUMBER = 41;
const uint8_t Ipv6TunnelL4Protocol::IPV4_PROT_NUMBER = 4;

/**
 * \ingroup pmipv6
 * \brief The upper-layer protocol 4 of IPv6 on a node with an Ipv6TunnelL4Protocol: hands
 * every IPv4-in-IPv6 packet to Ipv6TunnelL4Protocol::ReceiveIpv4() (an IpL4Protocol has one
 * protocol number, so the tunnel protocol needs a second object for 4).
 */
class Ipv6TunnelIpv4Receiver : public IpL4Protocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId()
    {
        static TypeId tid =
            TypeId("ns3::Ipv6TunnelIpv4Receiver").SetParent<IpL4Protocol>().SetGroupName("Pmipv6");
        return tid;
    }

    /**
     * \brief Set (or clear) the tunnel protocol packets are handed to.
     * \param tunnels the tunnel protocol (not owned: it owns this object)
     */
    void SetTunnels(Ipv6TunnelL4Protocol* tunnels)
    {
        m_tunnels = tunnels;
    }

    int GetProtocolNumber() const override
    {
        return Ipv6TunnelL4Protocol::IPV4_PROT_NUMBER;
    }

    IpL4Protocol::RxStatus Receive(Ptr<Packet> /* p */,
                                   const Ipv4Header& /* header */,
                                   Ptr<Ipv4Interface> /* incomingInterface */) override
    {
        return IpL4Protocol::RX_ENDPOINT_UNREACH;
    }

    IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                   const Ipv6Header& header,
                                   Ptr<Ipv6Interface> /* incomingInterface */) override
    {
        return m_tunnels ? m_tunnels->ReceiveIpv4(p, header) : IpL4Protocol::RX_ENDPOINT_UNREACH;
    }

    void SetDownTarget(IpL4Protocol::DownTargetCallback cb) override
    {
        m_downTarget = cb;
    }

    void SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb) override
    {
        m_downTarget6 = cb;
    }

    IpL4Protocol::DownTargetCallback GetDownTarget() const override
    {
        return m_downTarget;
    }

    IpL4Protocol::DownTargetCallback6 GetDownTarget6() const override
    {
        return m_downTarget6;
    }

  private:
    Ipv6TunnelL4Protocol* m_tunnels{nullptr};        ///< where packets go
    IpL4Protocol::DownTargetCallback m_downTarget;   ///< unused
    IpL4Protocol::DownTargetCallback6 m_downTarget6; ///< unused
};

NS_OBJECT_ENSURE_REGISTERED(Ipv6TunnelIpv4Receiver);

/**
 * \ingroup pmipv6
 * \brief The tunnel a packet routed into a point-to-multipoint tunnel interface takes
 * (Ipv6TunnelL4Protocol::SelectTunnel), with the node that chose it.
 */
class TunnelSelectTag : public Tag
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::TunnelSelectTag")
                                .SetParent<Tag>()
                                .SetGroupName("Pmipv6")
                                .AddConstructor<TunnelSelectTag>();
        return tid;
    }

    TypeId GetInstanceTypeId() const override
    {
        return GetTypeId();
    }

    uint32_t GetSerializedSize() const override
    {
        return 8;
    }

    void Serialize(TagBuffer i) const override
    {
        i.WriteU32(node);
        i.WriteU32(tunnel);
    }

    void Deserialize(TagBuffer i) override
    {
        node = i.ReadU32();
        tunnel = i.ReadU32();
    }

    void Print(std::ostream& os) const override
    {
        os << "node=" << node << " tunnel=" << tunnel;
    }

    uint32_t node{0};   ///< the node whose routing chose the tunnel
    uint32_t tunnel{0}; ///< the tunnel identifier
};

NS_OBJECT_ENSURE_REGISTERED(TunnelSelectTag);

constexpr uint32_t Ipv6TunnelL4Protocol::NO_INTERFACE;
constexpr uint32_t Ipv6TunnelL4Protocol::TUNNEL_ID_BASE;

TypeId
Ipv6TunnelL4Protocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Ipv6TunnelL4Protocol")
            .SetParent<IpL4Protocol>()
            .SetGroupName("Pmipv6")
            .AddConstructor<Ipv6TunnelL4Protocol>()
            .AddAttribute("TunnelMtu",
                          "MTU of the tunnel devices created from now on: the largest inner "
                          "packet, outer header excluded (1500 - 40 by default).",
                          UintegerValue(1460),
                          MakeUintegerAccessor(&Ipv6TunnelL4Protocol::m_tunnelMtu),
                          MakeUintegerChecker<uint16_t>(1280))
            .AddAttribute("FilterLinkLocal",
                          "Drop inner packets whose source or destination is link-local, in "
                          "both directions (multicast destinations are always dropped).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Ipv6TunnelL4Protocol::m_filterLinkLocal),
                          MakeBooleanChecker())
            .AddAttribute("LinkLocalAddress",
                          "Keep the link-local address ns-3 gives a tunnel interface when it is "
                          "set up. Without it the interface has no address at all: ns-3 scans "
                          "every address of every interface for each packet a node sends "
                          "(Ipv6L3Protocol::SendRealOut), so a node with many tunnels (the LMA) "
                          "sends faster; a static route through the tunnel then cannot be used "
                          "by packets this node originates (source selection needs an address "
                          "on the interface).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Ipv6TunnelL4Protocol::m_linkLocalAddress),
                          MakeBooleanChecker())
            .AddAttribute("OuterRouteCacheTime",
                          "How long the route of a tunnel's outer packets is reused before it "
                          "is looked up again in the node's routing (0: looked up for every "
                          "packet). The cached route is dropped at once when its output "
                          "interface goes down or the tunnel is released; a change of the "
                          "transport network's routes is seen after at most this time.",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&Ipv6TunnelL4Protocol::m_outerRouteCacheTime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("PointToMultipoint",
                          "Tunnels created from now on share one IPv6 interface (one "
                          "VirtualNetDevice) instead of one each: AddTunnelReference returns a "
                          "tunnel identifier, and what routes a packet into the shared "
                          "interface names its tunnel with SelectTunnel (LmaRouting and "
                          "FlowBindingForwarder do). The node then sends no ICMPv6 Redirects. "
                          "IPv4 (EnableIpv4) uses the same identifiers and tag "
                          "(Ipv4HomeAddressRouting, Ipv4FlowBindingForwarder).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&Ipv6TunnelL4Protocol::m_pointToMultipoint),
                          MakeBooleanChecker())
            .AddTraceSource("TunnelCreated",
                            "A tunnel got its first reference (created, or its interface set "
                            "up again).",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_createdTrace),
                            "ns3::Ipv6TunnelL4Protocol::TunnelTracedCallback")
            .AddTraceSource("TunnelRemoved",
                            "A tunnel lost its last reference (its interface is set down).",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_removedTrace),
                            "ns3::Ipv6TunnelL4Protocol::TunnelTracedCallback")
            .AddTraceSource("Encapsulated",
                            "An inner packet was encapsulated and handed to IPv6.",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_encapTrace),
                            "ns3::Ipv6TunnelL4Protocol::PacketTracedCallback")
            .AddTraceSource("Decapsulated",
                            "An inner packet was decapsulated and handed to its tunnel "
                            "interface.",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_decapTrace),
                            "ns3::Ipv6TunnelL4Protocol::PacketTracedCallback")
            .AddTraceSource("Drop",
                            "A packet was neither encapsulated nor decapsulated.",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_dropTrace),
                            "ns3::Ipv6TunnelL4Protocol::DropTracedCallback");
    return tid;
}

Ipv6TunnelL4Protocol::Ipv6TunnelL4Protocol()
    : m_activeCount(0),
      m_tunnelMtu(1460),
      m_filterLinkLocal(true),
      m_linkLocalAddress(true),
      m_outerRouteCacheTime(MilliSeconds(100)),
      m_pointToMultipoint(false),
      m_sharedInterface(NO_INTERFACE),
      m_encapCount(0),
      m_decapCount(0)
{
    NS_LOG_FUNCTION(this);
    m_dropCounts.fill(0);
}

Ipv6TunnelL4Protocol::~Ipv6TunnelL4Protocol()
{
    NS_LOG_FUNCTION(this);
}

void
Ipv6TunnelL4Protocol::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& entry : m_tunnels)
    {
        entry.second.device->SetSendCallback(VirtualNetDevice::SendCallback());
        entry.second.device = nullptr;
    }
    m_tunnels.clear();
    m_byInterface.clear();
    m_byId.clear();
    if (m_sharedDevice)
    {
        m_sharedDevice->SetSendCallback(VirtualNetDevice::SendCallback());
        m_sharedDevice = nullptr;
    }
    m_activeCount = 0;
    if (m_ipv4Receiver)
    {
        DynamicCast<Ipv6TunnelIpv4Receiver>(m_ipv4Receiver)->SetTunnels(nullptr);
        m_ipv4Receiver = nullptr;
    }
    m_node = nullptr;
    m_ipv6 = nullptr;
    m_downTarget6.Nullify();
    m_downTarget.Nullify();
    IpL4Protocol::DoDispose();
}

Ptr<Ipv6TunnelL4Protocol>
Ipv6TunnelL4Protocol::Install(Ptr<Node> node)
{
    NS_ASSERT_MSG(node->GetObject<Ipv6>(), "node " << node->GetId() << " has no IPv6");
    Ptr<Ipv6TunnelL4Protocol> tunnels = node->GetObject<Ipv6TunnelL4Protocol>();
    if (!tunnels)
    {
        tunnels = CreateObject<Ipv6TunnelL4Protocol>();
        node->AggregateObject(tunnels);
    }
    return tunnels;
}

void
Ipv6TunnelL4Protocol::SetNode(Ptr<Node> node)
{
    m_node = node;
}

void
Ipv6TunnelL4Protocol::NotifyNewAggregate()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> node = this->GetObject<Node>();
    Ptr<Ipv6> ipv6 = this->GetObject<Ipv6>();
    if (!m_node && node)
    {
        SetNode(node);
    }
    if (ipv6 && m_downTarget6.IsNull())
    {
        ipv6->Insert(this);
        SetDownTarget6(MakeCallback(&Ipv6::Send, ipv6));
        Ptr<Ipv6TunnelIpv4Receiver> receiver = CreateObject<Ipv6TunnelIpv4Receiver>();
        receiver->SetTunnels(this);
        ipv6->Insert(receiver);
        m_ipv4Receiver = receiver;
    }
    if (!m_ipv6)
    {
        m_ipv6 = this->GetObject<Ipv6L3Protocol>();
    }
    IpL4Protocol::NotifyNewAggregate();
}

size_t
Ipv6TunnelL4Protocol::TunnelKeyHash::operator()(const TunnelKey& key) const
{
    // per packet (encapsulation and decapsulation): the cheap AddressKey hash, not ns-3's
    // Ipv6AddressHash (a Jenkins hash of a copy of the octets)
    size_t h = AddressKey::Of(key.local).Hash();
    // boost::hash_combine
    h ^= AddressKey::Of(key.remote).Hash() + 0x9e3779b9 + (h << 6) + (h >> 2);
    return h;
}

Ipv6TunnelL4Protocol::Tunnel*
Ipv6TunnelL4Protocol::FindActiveMutable(const TunnelKey& key)
{
    auto it = m_tunnels.find(key);
    if (it == m_tunnels.end() || it->second.refCount == 0)
    {
        return nullptr;
    }
    return &it->second;
}

const Ipv6TunnelL4Protocol::Tunnel*
Ipv6TunnelL4Protocol::FindActive(const TunnelKey& key) const
{
    auto it = m_tunnels.find(key);
    if (it == m_tunnels.end() || it->second.refCount == 0)
    {
        return nullptr;
    }
    return &it->second;
}

uint32_t
Ipv6TunnelL4Protocol::AddTunnelReference(Ipv6Address local, Ipv6Address remote)
{
    NS_LOG_FUNCTION(this << local << remote);
    NS_ASSERT_MSG(m_node && !m_downTarget6.IsNull(),
                  "Ipv6TunnelL4Protocol is not aggregated to a node with IPv6");
    NS_ASSERT_MSG(!local.IsMulticast() && !local.IsAny() && !remote.IsMulticast() &&
                      !remote.IsAny(),
                  "tunnel end points must be unicast: " << local << " -> " << remote);
    Ptr<Ipv6L3Protocol> ipv6 = m_node->GetObject<Ipv6L3Protocol>();
    TunnelKey key{local, remote};
    auto it = m_tunnels.find(key);
    if (it != m_tunnels.end() && it->second.refCount > 0)
    {
        it->second.refCount++;
        NS_LOG_LOGIC("tunnel " << local << " -> " << remote << " on interface "
                               << it->second.ifIndex << ": " << it->second.refCount
                               << " references");
        return it->second.ifIndex;
    }
    if (it == m_tunnels.end())
    {
        // Checked once per tunnel: GetInterfaceForAddress scans every interface of the node
        // (an LMA has one tunnel interface per MAG), too costly for every binding.
        if (ipv6->GetInterfaceForAddress(local) < 0)
        {
            NS_LOG_WARN("tunnel local end point " << local << " is not an address of node "
                                                  << m_node->GetId());
        }
        if (m_pointToMultipoint)
        {
            SharedInterface();
            uint32_t id = TUNNEL_ID_BASE + static_cast<uint32_t>(m_byId.size());
            it = m_tunnels.emplace(key, Tunnel{m_sharedDevice, id, 0}).first;
            // unordered_map elements keep their address when the map rehashes
            m_byId.push_back(&it->second);
            m_byInterface[id] = key;
            NS_LOG_LOGIC("created tunnel " << local << " -> " << remote << ": identifier " << id
                                           << " on shared interface " << m_sharedInterface);
        }
        else
        {
            Ptr<VirtualNetDevice> device = CreateObject<VirtualNetDevice>();
            device->SetAddress(Mac48Address::Allocate());
            device->SetNeedsArp(false);
            device->SetIsPointToPoint(true);
            device->SetSupportsSendFrom(true);
            device->SetMtu(m_tunnelMtu);
            device->SetSendCallback(
                MakeCallback(&Ipv6TunnelL4Protocol::TunnelSend, this, local, remote));
            m_node->AddDevice(device);
            uint32_t ifIndex = ipv6->AddInterface(device);
            it = m_tunnels.emplace(key, Tunnel{device, ifIndex, 0}).first;
            m_byInterface[ifIndex] = key;
            NS_LOG_LOGIC("created tunnel " << local << " -> " << remote << " on interface "
                                           << ifIndex);
        }
        it->second.key = key;
    }
    Tunnel& tunnel = it->second;
    tunnel.refCount = 1;
    tunnel.outerRoute = nullptr;
    m_activeCount++;
    if (IsTunnelId(tunnel.ifIndex))
    {
        // the shared interface stays up
        m_createdTrace(local, remote, tunnel.ifIndex);
        return tunnel.ifIndex;
    }
    // forwarding first: a non-forwarding interface would send Router Solicitations
    ipv6->SetForwarding(tunnel.ifIndex, true);
    ipv6->SetUp(tunnel.ifIndex);
    if (!m_linkLocalAddress)
    {
        // Only the automatic link-local address is there (SetUp added it; SetDown removes
        // every address): remove it, and with it static routing's fe80::/64 route.
        while (ipv6->GetNAddresses(tunnel.ifIndex) > 0)
        {
            ipv6->RemoveAddress(tunnel.ifIndex, 0);
        }
    }
    m_createdTrace(local, remote, tunnel.ifIndex);
    return tunnel.ifIndex;
}

bool
Ipv6TunnelL4Protocol::RemoveTunnelReference(Ipv6Address local, Ipv6Address remote)
{
    NS_LOG_FUNCTION(this << local << remote);
    auto it = m_tunnels.find(TunnelKey{local, remote});
    if (it == m_tunnels.end() || it->second.refCount == 0)
    {
        NS_LOG_WARN("no tunnel " << local << " -> " << remote << " to release");
        return false;
    }
    Tunnel& tunnel = it->second;
    tunnel.refCount--;
    if (tunnel.refCount == 0)
    {
        m_activeCount--;
        tunnel.outerRoute = nullptr;
        if (IsTunnelId(tunnel.ifIndex))
        {
            NS_LOG_LOGIC("tunnel " << local << " -> " << remote << " (identifier " << tunnel.ifIndex
                                   << ") unreferenced");
            m_removedTrace(local, remote, tunnel.ifIndex);
            return true;
        }
        NS_LOG_LOGIC("tunnel " << local << " -> " << remote << " unreferenced: interface "
                               << tunnel.ifIndex << " down");
        m_node->GetObject<Ipv6L3Protocol>()->SetDown(tunnel.ifIndex);
        Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
        int32_t ipv4If = ipv4 ? ipv4->GetInterfaceForDevice(tunnel.device) : -1;
        if (ipv4If >= 0)
        {
            ipv4->SetDown(ipv4If);
        }
        m_removedTrace(local, remote, tunnel.ifIndex);
    }
    return true;
}

uint32_t
Ipv6TunnelL4Protocol::GetTunnelInterface(Ipv6Address local, Ipv6Address remote) const
{
    const Tunnel* tunnel = FindActive(TunnelKey{local, remote});
    return tunnel ? tunnel->ifIndex : NO_INTERFACE;
}

Ptr<VirtualNetDevice>
Ipv6TunnelL4Protocol::GetTunnelDevice(Ipv6Address local, Ipv6Address remote) const
{
    const Tunnel* tunnel = FindActive(TunnelKey{local, remote});
    return tunnel ? tunnel->device : nullptr;
}

bool
Ipv6TunnelL4Protocol::GetTunnelEndpoints(uint32_t ifIndex,
                                         Ipv6Address& local,
                                         Ipv6Address& remote) const
{
    auto it = m_byInterface.find(ifIndex);
    if (it == m_byInterface.end() || !FindActive(it->second))
    {
        return false;
    }
    local = it->second.local;
    remote = it->second.remote;
    return true;
}

uint32_t
Ipv6TunnelL4Protocol::EnableIpv4(uint32_t ifIndex)
{
    NS_LOG_FUNCTION(this << ifIndex);
    Ptr<Ipv4> ipv4 = m_node ? m_node->GetObject<Ipv4>() : nullptr;
    auto it = m_byInterface.find(ifIndex);
    const Tunnel* tunnel = it == m_byInterface.end() ? nullptr : FindActive(it->second);
    if (!ipv4 || !tunnel)
    {
        NS_LOG_WARN("no IPv4 over interface " << ifIndex << ": "
                                              << (ipv4 ? "not an active tunnel" : "no IPv4"));
        return NO_INTERFACE;
    }
    int32_t ipv4If = ipv4->GetInterfaceForDevice(tunnel->device);
    if (ipv4If < 0)
    {
        ipv4If = static_cast<int32_t>(ipv4->AddInterface(tunnel->device));
        NS_LOG_LOGIC("tunnel interface " << ifIndex << " is IPv4 interface " << ipv4If);
    }
    ipv4->SetForwarding(ipv4If, true);
    if (!ipv4->IsUp(ipv4If))
    {
        ipv4->SetUp(ipv4If);
    }
    if (IsTunnelId(tunnel->ifIndex))
    {
        // the shared device: its IPv4 interface carries every tunnel, the identifier names one
        // (SelectTunnel, as for IPv6)
        return tunnel->ifIndex;
    }
    return static_cast<uint32_t>(ipv4If);
}

uint32_t
Ipv6TunnelL4Protocol::GetIpv4OutputInterface(uint32_t tunnel) const
{
    if (!IsTunnelId(tunnel))
    {
        return tunnel;
    }
    Ptr<Ipv4> ipv4 = m_node ? m_node->GetObject<Ipv4>() : nullptr;
    if (!ipv4 || !m_sharedDevice || tunnel - TUNNEL_ID_BASE >= m_byId.size())
    {
        return NO_INTERFACE;
    }
    // a map lookup among the node's few IPv4 interfaces (one for all tunnels)
    int32_t ipv4If = ipv4->GetInterfaceForDevice(m_sharedDevice);
    return ipv4If < 0 ? NO_INTERFACE : static_cast<uint32_t>(ipv4If);
}

uint32_t
Ipv6TunnelL4Protocol::SharedInterface()
{
    if (m_sharedInterface != NO_INTERFACE)
    {
        return m_sharedInterface;
    }
    Ptr<Ipv6L3Protocol> ipv6 = m_node->GetObject<Ipv6L3Protocol>();
    m_sharedDevice = CreateObject<VirtualNetDevice>();
    m_sharedDevice->SetAddress(Mac48Address::Allocate());
    m_sharedDevice->SetNeedsArp(false);
    m_sharedDevice->SetIsPointToPoint(true);
    m_sharedDevice->SetSupportsSendFrom(true);
    m_sharedDevice->SetMtu(m_tunnelMtu);
    m_sharedDevice->SetSendCallback(MakeCallback(&Ipv6TunnelL4Protocol::SharedSend, this));
    m_node->AddDevice(m_sharedDevice);
    m_sharedInterface = ipv6->AddInterface(m_sharedDevice);
    ipv6->SetForwarding(m_sharedInterface, true);
    ipv6->SetUp(m_sharedInterface);
    if (!m_linkLocalAddress)
    {
        while (ipv6->GetNAddresses(m_sharedInterface) > 0)
        {
            ipv6->RemoveAddress(m_sharedInterface, 0);
        }
    }
    // packets between two peers enter and leave by this interface: no Redirects (see the
    // class documentation)
    ipv6->SetAttribute("SendIcmpv6Redirect", BooleanValue(false));
    NS_LOG_LOGIC("point-to-multipoint tunnel interface " << m_sharedInterface);
    return m_sharedInterface;
}

uint32_t
Ipv6TunnelL4Protocol::GetOutputInterface(uint32_t tunnel) const
{
    if (!IsTunnelId(tunnel))
    {
        return tunnel;
    }
    return tunnel - TUNNEL_ID_BASE < m_byId.size() ? m_sharedInterface : NO_INTERFACE;
}

void
Ipv6TunnelL4Protocol::SelectTunnel(Ptr<const Packet> packet, uint32_t tunnel) const
{
    if (!IsTunnelId(tunnel) || !m_node)
    {
        return;
    }
    TunnelSelectTag tag;
    tag.node = m_node->GetId();
    tag.tunnel = tunnel;
    // a packet tag on a const packet, as Packet::AddPacketTag allows; Replace adds it when
    // absent (a packet forwarded to several tunnels gets each in turn)
    ConstCast<Packet>(packet)->ReplacePacketTag(tag);
}

bool
Ipv6TunnelL4Protocol::IsPointToMultipoint() const
{
    return m_pointToMultipoint;
}

uint64_t
Ipv6TunnelL4Protocol::GetEncapsulatedCount(Ipv6Address local, Ipv6Address remote) const
{
    auto it = m_tunnels.find(TunnelKey{local, remote});
    return it == m_tunnels.end() ? 0 : it->second.encapCount;
}

uint64_t
Ipv6TunnelL4Protocol::GetDecapsulatedCount(Ipv6Address local, Ipv6Address remote) const
{
    auto it = m_tunnels.find(TunnelKey{local, remote});
    return it == m_tunnels.end() ? 0 : it->second.decapCount;
}

uint64_t
Ipv6TunnelL4Protocol::GetDropCount(Ipv6Address local, Ipv6Address remote) const
{
    auto it = m_tunnels.find(TunnelKey{local, remote});
    return it == m_tunnels.end() ? 0 : it->second.dropCount;
}

uint32_t
Ipv6TunnelL4Protocol::GetTunnelCount() const
{
    return m_activeCount;
}

uint32_t
Ipv6TunnelL4Protocol::GetReferenceCount(Ipv6Address local, Ipv6Address remote) const
{
    const Tunnel* tunnel = FindActive(TunnelKey{local, remote});
    return tunnel ? tunnel->refCount : 0;
}

namespace
{

/// Octets of an IPv6 header.
constexpr uint32_t IPV6_HEADER_SIZE = 40;
/// Offset of the source address in an IPv6 header.
constexpr uint32_t IPV6_SOURCE_OFFSET = 8;
/// Offset of the destination address in an IPv6 header.
constexpr uint32_t IPV6_DESTINATION_OFFSET = 24;
/// Octets of an IPv4 header without options.
constexpr uint32_t IPV4_HEADER_SIZE = 20;
/// Offset of the destination address in an IPv4 header.
constexpr uint32_t IPV4_DESTINATION_OFFSET = 16;

/**
 * \brief Whether the first 20 octets of an inner IPv4 packet name a destination that must
 * not cross a tunnel: multicast (224/4) or the limited broadcast.
 * \param inner the octets
 * \return true when filtered
 */
inline bool
IsIpv4MulticastBytes(const uint8_t* inner)
{
    const uint8_t* d = inner + IPV4_DESTINATION_OFFSET;
    return (d[0] & 0xf0) == 0xe0 || (d[0] == 0xff && d[1] == 0xff && d[2] == 0xff && d[3] == 0xff);
}

/**
 * \brief Whether 16 address octets are link-local as Ipv6Address::IsLinkLocal() defines it
 * (fe80::/64).
 * \param a the octets
 * \return true when link-local
 */
inline bool
IsLinkLocalBytes(const uint8_t* a)
{
    return a[0] == 0xfe && a[1] == 0x80 && a[2] == 0 && a[3] == 0 && a[4] == 0 && a[5] == 0 &&
           a[6] == 0 && a[7] == 0;
}

/**
 * \brief An address of a raw IPv6 header, for log messages.
 * \param header the header octets
 * \param offset IPV6_SOURCE_OFFSET or IPV6_DESTINATION_OFFSET
 * \return the address
 */
[[maybe_unused]] Ipv6Address
AddressAt(const uint8_t* header, uint32_t offset)
{
    return Ipv6Address::Deserialize(header + offset);
}

} // namespace

bool
Ipv6TunnelL4Protocol::IsFiltered(const uint8_t* inner, DropReason& reason) const
{
    // read from the octets: building an Ipv6Header for each packet costs more than the rest
    // of the tunnel's work
    if (inner[IPV6_DESTINATION_OFFSET] == 0xff)
    {
        reason = DROP_MULTICAST;
        return true;
    }
    if (m_filterLinkLocal && (IsLinkLocalBytes(inner + IPV6_SOURCE_OFFSET) ||
                              IsLinkLocalBytes(inner + IPV6_DESTINATION_OFFSET)))
    {
        reason = DROP_LINK_LOCAL;
        return true;
    }
    return false;
}

Ptr<Ipv6Route>
Ipv6TunnelL4Protocol::OuterRoute(Tunnel& tunnel, const TunnelKey& key, Ptr<Packet> packet)
{
    Time now = Simulator::Now();
    if (tunnel.outerRoute && now < tunnel.outerRouteExpiry && m_ipv6->IsUp(tunnel.outerInterface) &&
        m_outerRouteCacheTime.IsStrictlyPositive())
    {
        return tunnel.outerRoute; // never set for link-local end points (below)
    }
    tunnel.outerRoute = nullptr;
    if (!m_outerRouteCacheTime.IsStrictlyPositive() || !m_ipv6 || key.local.IsLinkLocal() ||
        key.remote.IsLinkLocal())
    {
        return nullptr;
    }
    // the lookup Ipv6L3Protocol::Send would make for this packet
    Ipv6Header outer;
    outer.SetSource(key.local);
    outer.SetDestination(key.remote);
    outer.SetNextHeader(PROT_NUMBER);
    outer.SetPayloadLength(packet->GetSize());
    Socket::SocketErrno err;
    Ptr<Ipv6Route> route = m_ipv6->GetRoutingProtocol()->RouteOutput(packet, outer, nullptr, err);
    if (!route)
    {
        return nullptr;
    }
    int32_t interface = m_ipv6->GetInterfaceForDevice(route->GetOutputDevice());
    if (interface < 0)
    {
        return nullptr;
    }
    NS_LOG_LOGIC("outer route " << key.local << " -> " << key.remote << " via interface "
                                << interface << " gateway " << route->GetGateway());
    tunnel.outerRoute = route;
    tunnel.outerInterface = static_cast<uint32_t>(interface);
    tunnel.outerRouteExpiry = now + m_outerRouteCacheTime;
    return route;
}

bool
Ipv6TunnelL4Protocol::TunnelSend(Ipv6Address local,
                                 Ipv6Address remote,
                                 Ptr<Packet> packet,
                                 const Address& /* source */,
                                 const Address& /* dest */,
                                 uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << local << remote << packet << protocolNumber);
    TunnelKey key{local, remote};
    auto it = m_tunnels.find(key);
    if (it == m_tunnels.end() || it->second.refCount == 0)
    {
        NS_LOG_WARN("drop: tunnel " << local << " -> " << remote << " is not referenced");
        Drop(packet, DROP_NO_TUNNEL);
        return false;
    }
    if (protocolNumber == Ipv4L3Protocol::PROT_NUMBER)
    {
        uint8_t inner4[IPV4_HEADER_SIZE] = {0};
        if (packet->GetSize() >= IPV4_HEADER_SIZE)
        {
            packet->CopyData(inner4, IPV4_HEADER_SIZE);
        }
        if ((inner4[0] >> 4) != 4)
        {
            NS_LOG_WARN("drop: protocol 0x0800 but not an IPv4 packet");
            Drop(packet, DROP_MALFORMED, &it->second);
            return false;
        }
        if (IsIpv4MulticastBytes(inner4))
        {
            NS_LOG_LOGIC("filtered IPv4 multicast or broadcast");
            Drop(packet, DROP_MULTICAST, &it->second);
            return false;
        }
        NS_LOG_LOGIC("encapsulate IPv4 in " << local << " -> " << remote);
        m_encapCount++;
        it->second.encapCount++;
        m_encapTrace(packet, local, remote);
        m_downTarget6(packet, local, remote, IPV4_PROT_NUMBER, OuterRoute(it->second, key, packet));
        return true;
    }
    if (protocolNumber != Ipv6L3Protocol::PROT_NUMBER || packet->GetSize() < IPV6_HEADER_SIZE)
    {
        NS_LOG_WARN("drop: not an IPv6 packet (protocol 0x" << std::hex << protocolNumber
                                                            << std::dec << ")");
        Drop(packet, DROP_MALFORMED, &it->second);
        return false;
    }
    uint8_t inner[IPV6_HEADER_SIZE];
    packet->CopyData(inner, IPV6_HEADER_SIZE);
    DropReason reason;
    if (IsFiltered(inner, reason))
    {
        NS_LOG_LOGIC("filtered " << AddressAt(inner, IPV6_SOURCE_OFFSET) << " -> "
                                 << AddressAt(inner, IPV6_DESTINATION_OFFSET) << ": "
                                 << DropReasonName(reason));
        Drop(packet, reason, &it->second);
        return false;
    }
    NS_LOG_LOGIC("encapsulate " << AddressAt(inner, IPV6_SOURCE_OFFSET) << " -> "
                                << AddressAt(inner, IPV6_DESTINATION_OFFSET) << " in " << local
                                << " -> " << remote);
    m_encapCount++;
    it->second.encapCount++;
    m_encapTrace(packet, local, remote);
    m_downTarget6(packet, local, remote, PROT_NUMBER, OuterRoute(it->second, key, packet));
    return true;
}

bool
Ipv6TunnelL4Protocol::SharedSend(Ptr<Packet> packet,
                                 const Address& source,
                                 const Address& dest,
                                 uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << protocolNumber);
    TunnelSelectTag tag;
    bool tagged = packet->RemovePacketTag(tag);
    uint32_t index = tag.tunnel - TUNNEL_ID_BASE;
    if (!tagged || tag.node != m_node->GetId() || !IsTunnelId(tag.tunnel) || index >= m_byId.size())
    {
        // what the tunnels filter is filtered here too (e.g. the shared interface's own DAD
        // probe), counted as with one interface per tunnel
        uint8_t inner[IPV6_HEADER_SIZE];
        DropReason reason = DROP_NO_TUNNEL;
        if (protocolNumber == Ipv6L3Protocol::PROT_NUMBER && packet->GetSize() >= IPV6_HEADER_SIZE)
        {
            packet->CopyData(inner, IPV6_HEADER_SIZE);
            IsFiltered(inner, reason);
        }
        NS_LOG_WARN("drop: packet routed into the point-to-multipoint interface names no tunnel ("
                    << DropReasonName(reason) << ")");
        Drop(packet, reason);
        return false;
    }
    const TunnelKey& key = m_byId[index]->key;
    return TunnelSend(key.local, key.remote, packet, source, dest, protocolNumber);
}

IpL4Protocol::RxStatus
Ipv6TunnelL4Protocol::Receive(Ptr<Packet> p,
                              const Ipv4Header& /* header */,
                              Ptr<Ipv4Interface> /* incomingInterface */)
{
    NS_LOG_FUNCTION(this << p);
    NS_LOG_WARN("IPv6-in-IPv4 is not supported; packet discarded");
    return IpL4Protocol::RX_ENDPOINT_UNREACH;
}

IpL4Protocol::RxStatus
Ipv6TunnelL4Protocol::Receive(Ptr<Packet> p,
                              const Ipv6Header& header,
                              Ptr<Ipv6Interface> /* incomingInterface */)
{
    NS_LOG_FUNCTION(this << p << header.GetSource() << header.GetDestination());
    // the outer source is the peer, the outer destination is us
    Tunnel* tunnel = FindActiveMutable(TunnelKey{header.GetDestination(), header.GetSource()});
    if (!tunnel)
    {
        NS_LOG_WARN("drop: no tunnel " << header.GetDestination() << " <- " << header.GetSource());
        Drop(p, DROP_NO_TUNNEL);
        return IpL4Protocol::RX_OK;
    }
    uint32_t size = p->GetSize();
    uint8_t inner[IPV6_HEADER_SIZE];
    bool isIpv6 = size >= IPV6_HEADER_SIZE;
    if (isIpv6)
    {
        p->CopyData(inner, IPV6_HEADER_SIZE);
        isIpv6 = (inner[0] >> 4) == 6;
    }
    if (!isIpv6)
    {
        NS_LOG_WARN("drop: " << size << "-octet payload from " << header.GetSource()
                             << " is not an IPv6 packet");
        Drop(p, DROP_MALFORMED, tunnel);
        return IpL4Protocol::RX_OK;
    }
    uint32_t payloadLength = (inner[4] << 8) | inner[5];
    if (IPV6_HEADER_SIZE + payloadLength > size)
    {
        NS_LOG_WARN("drop: inner payload length " << payloadLength << " exceeds the " << size
                                                  << " octets received");
        Drop(p, DROP_MALFORMED, tunnel);
        return IpL4Protocol::RX_OK;
    }
    DropReason reason;
    if (IsFiltered(inner, reason))
    {
        NS_LOG_LOGIC("filtered received " << AddressAt(inner, IPV6_SOURCE_OFFSET) << " -> "
                                          << AddressAt(inner, IPV6_DESTINATION_OFFSET) << ": "
                                          << DropReasonName(reason));
        Drop(p, reason, tunnel);
        return IpL4Protocol::RX_OK;
    }
    NS_LOG_LOGIC("decapsulate " << AddressAt(inner, IPV6_SOURCE_OFFSET) << " -> "
                                << AddressAt(inner, IPV6_DESTINATION_OFFSET) << " onto interface "
                                << tunnel->ifIndex);
    m_decapCount++;
    tunnel->decapCount++;
    m_decapTrace(p, header.GetDestination(), header.GetSource());
    Ptr<VirtualNetDevice> device = tunnel->device;
    device->Receive(p,
                    Ipv6L3Protocol::PROT_NUMBER,
                    device->GetAddress(),
                    device->GetAddress(),
                    NetDevice::PACKET_HOST);
    return IpL4Protocol::RX_OK;
}

IpL4Protocol::RxStatus
Ipv6TunnelL4Protocol::ReceiveIpv4(Ptr<Packet> p, const Ipv6Header& header)
{
    NS_LOG_FUNCTION(this << p << header.GetSource() << header.GetDestination());
    Tunnel* tunnel = FindActiveMutable(TunnelKey{header.GetDestination(), header.GetSource()});
    if (!tunnel)
    {
        NS_LOG_WARN("drop IPv4: no tunnel " << header.GetDestination() << " <- "
                                            << header.GetSource());
        Drop(p, DROP_NO_TUNNEL);
        return IpL4Protocol::RX_OK;
    }
    uint32_t size = p->GetSize();
    uint8_t inner[IPV4_HEADER_SIZE];
    bool isIpv4 = size >= IPV4_HEADER_SIZE;
    if (isIpv4)
    {
        p->CopyData(inner, IPV4_HEADER_SIZE);
        uint32_t headerLength = (inner[0] & 0x0f) * 4u;
        uint32_t totalLength = (inner[2] << 8) | inner[3];
        isIpv4 = (inner[0] >> 4) == 4 && headerLength >= IPV4_HEADER_SIZE &&
                 totalLength >= headerLength && totalLength <= size;
    }
    if (!isIpv4)
    {
        NS_LOG_WARN("drop: " << size << "-octet payload from " << header.GetSource()
                             << " is not an IPv4 packet");
        Drop(p, DROP_MALFORMED, tunnel);
        return IpL4Protocol::RX_OK;
    }
    if (IsIpv4MulticastBytes(inner))
    {
        Drop(p, DROP_MULTICAST, tunnel);
        return IpL4Protocol::RX_OK;
    }
    Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
    int32_t ipv4If = ipv4 ? ipv4->GetInterfaceForDevice(tunnel->device) : -1;
    if (ipv4If < 0 || !ipv4->IsUp(ipv4If))
    {
        NS_LOG_WARN("drop IPv4: tunnel interface " << tunnel->ifIndex << " carries no IPv4");
        Drop(p, DROP_NO_TUNNEL);
        return IpL4Protocol::RX_OK;
    }
    NS_LOG_LOGIC("decapsulate IPv4 onto IPv4 interface " << ipv4If);
    m_decapCount++;
    tunnel->decapCount++;
    m_decapTrace(p, header.GetDestination(), header.GetSource());
    Ptr<VirtualNetDevice> device = tunnel->device;
    device->Receive(p,
                    Ipv4L3Protocol::PROT_NUMBER,
                    device->GetAddress(),
                    device->GetAddress(),
                    NetDevice::PACKET_HOST);
    return IpL4Protocol::RX_OK;
}

void
Ipv6TunnelL4Protocol::Drop(Ptr<const Packet> p, DropReason reason, Tunnel* tunnel)
{
    m_dropCounts[reason]++;
    if (tunnel)
    {
        tunnel->dropCount++;
    }
    m_dropTrace(p, reason);
}

uint64_t
Ipv6TunnelL4Protocol::GetEncapsulatedCount() const
{
    return m_encapCount;
}

uint64_t
Ipv6TunnelL4Protocol::GetDecapsulatedCount() const
{
    return m_decapCount;
}

uint64_t
Ipv6TunnelL4Protocol::GetDropCount() const
{
    uint64_t total = 0;
    for (uint64_t n : m_dropCounts)
    {
        total += n;
    }
    return total;
}

uint64_t
Ipv6TunnelL4Protocol::GetDropCount(DropReason reason) const
{
    return reason < DROP_REASON_COUNT ? m_dropCounts[reason] : 0;
}

std::string
Ipv6TunnelL4Protocol::DropReasonName(DropReason reason)
{
    switch (reason)
    {
    case DROP_NO_TUNNEL:
        return "no-tunnel";
    case DROP_MULTICAST:
        return "multicast";
    case DROP_LINK_LOCAL:
        return "link-local";
    case DROP_MALFORMED:
        return "malformed";
    default:
        return "unknown";
    }
}

int
Ipv6TunnelL4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

void
Ipv6TunnelL4Protocol::SetDownTarget(IpL4Protocol::DownTargetCallback cb)
{
    m_downTarget = cb;
}

void
Ipv6TunnelL4Protocol::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_downTarget6 = cb;
}

IpL4Protocol::DownTargetCallback
Ipv6TunnelL4Protocol::GetDownTarget() const
{
    return m_downTarget;
}

IpL4Protocol::DownTargetCallback6
Ipv6TunnelL4Protocol::GetDownTarget6() const
{
    return m_downTarget6;
}

} // namespace ns3

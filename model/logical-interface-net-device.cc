/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "logical-interface-net-device.h"

#include "ns3/abort.h"
#include "ns3/channel.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LogicalInterfaceNetDevice");

NS_OBJECT_ENSURE_REGISTERED(LogicalInterfaceNetDevice);

namespace
{
/// EtherType of IPv6.
constexpr uint16_t ETHERTYPE_IPV6 = 0x86DD;
/// Length of the fixed IPv6 header.
constexpr uint32_t IPV6_HEADER_LENGTH = 40;
/// Next header numbers whose first four octets are the source and destination ports.
constexpr uint8_t NEXT_HEADER_TCP = 6;
constexpr uint8_t NEXT_HEADER_UDP = 17;
constexpr uint8_t NEXT_HEADER_ICMPV6 = 58;
/// ICMPv6 Neighbour Discovery types (RFC 4861).
constexpr uint8_t ICMPV6_ROUTER_SOLICITATION = 133;
constexpr uint8_t ICMPV6_ROUTER_ADVERTISEMENT = 134;
constexpr uint8_t ICMPV6_NEIGHBOR_SOLICITATION = 135;
constexpr uint8_t ICMPV6_NEIGHBOR_ADVERTISEMENT = 136;
/// Neighbour Discovery source / target link-layer address options (RFC 4861 4.6.1).
constexpr uint8_t ND_OPTION_SOURCE_LLA = 1;
constexpr uint8_t ND_OPTION_TARGET_LLA = 2;
/// The largest packet LocalizeNd rewrites (Neighbour Discovery messages are small).
constexpr uint32_t ND_MAX_SIZE = 1280;
} // namespace

bool
LogicalInterfaceNetDevice::FlowKey::operator==(const FlowKey& o) const
{
    return std::memcmp(local, o.local, 16) == 0 && std::memcmp(remote, o.remote, 16) == 0 &&
           nextHeader == o.nextHeader && localPort == o.localPort && remotePort == o.remotePort;
}

std::size_t
LogicalInterfaceNetDevice::FlowKeyHash::operator()(const FlowKey& k) const
{
    // FNV-1a over the fields.
    uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](uint8_t b) {
        h ^= b;
        h *= 1099511628211ULL;
    };
    for (uint8_t b : k.local)
    {
        mix(b);
    }
    for (uint8_t b : k.remote)
    {
        mix(b);
    }
    mix(k.nextHeader);
    mix(k.localPort >> 8);
    mix(k.localPort & 0xff);
    mix(k.remotePort >> 8);
    mix(k.remotePort & 0xff);
    return static_cast<std::size_t>(h);
}

TypeId
LogicalInterfaceNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LogicalInterfaceNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("Pmipv6")
            .AddConstructor<LogicalInterfaceNetDevice>()
            .AddAttribute("Mtu",
                          "The MAC-level MTU towards IPv6 (keep it at most the smallest MTU of "
                          "the physical devices).",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&LogicalInterfaceNetDevice::SetMtu,
                                               &LogicalInterfaceNetDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("DefaultInterface",
                          "Index of the physical device new (never received, unpinned) flows "
                          "leave by.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&LogicalInterfaceNetDevice::m_defaultPort),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaxFlows",
                          "Bound of the flow table; the least recently used flow is evicted.",
                          UintegerValue(4096),
                          MakeUintegerAccessor(&LogicalInterfaceNetDevice::m_maxFlows),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("FlowTimeout",
                          "A flow without a packet for this long is forgotten (its uplink "
                          "then uses the default device until it arrives again).",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&LogicalInterfaceNetDevice::m_flowTimeout),
                          MakeTimeChecker())
            .AddTraceSource("InterfaceChoice",
                            "A packet sent: (packet, physical device index, reason: 0 learnt, "
                            "1 pinned, 2 default, 3 fallback, 4 flood).",
                            MakeTraceSourceAccessor(&LogicalInterfaceNetDevice::m_choiceTrace),
                            "ns3::LogicalInterfaceNetDevice::ChoiceTracedCallback")
            .AddTraceSource("PhysicalRx",
                            "A frame delivered up: (packet, physical device index).",
                            MakeTraceSourceAccessor(&LogicalInterfaceNetDevice::m_physicalRxTrace),
                            "ns3::LogicalInterfaceNetDevice::PhysicalRxTracedCallback");
    return tid;
}

LogicalInterfaceNetDevice::LogicalInterfaceNetDevice()
    : m_address(Mac48Address::Allocate())
{
    NS_LOG_FUNCTION(this);
}

LogicalInterfaceNetDevice::~LogicalInterfaceNetDevice()
{
    NS_LOG_FUNCTION(this);
}

void
LogicalInterfaceNetDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_ports.clear();
    m_flows.clear();
    m_flowIndex.clear();
    m_policies.clear();
    m_linkChangeCallbacks.clear();
    m_rxCallback = NetDevice::ReceiveCallback();
    m_promiscRxCallback = NetDevice::PromiscReceiveCallback();
    m_node = nullptr;
    NetDevice::DoDispose();
}

uint32_t
LogicalInterfaceNetDevice::AddPhysicalDevice(Ptr<NetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    NS_ABORT_MSG_IF(!m_node, "LogicalInterfaceNetDevice: SetNode before AddPhysicalDevice");
    NS_ABORT_MSG_IF(device->GetNode() != m_node,
                    "LogicalInterfaceNetDevice: the physical device is on another node");
    NS_ABORT_MSG_IF(GetPort(device) >= 0, "LogicalInterfaceNetDevice: device added twice");
    Ptr<Ipv6> ipv6 = m_node->GetObject<Ipv6>();
    NS_ABORT_MSG_IF(ipv6 && ipv6->GetInterfaceForDevice(device) >= 0,
                    "LogicalInterfaceNetDevice: the physical device is an IPv6 interface");
    NS_ABORT_MSG_IF(!Mac48Address::IsMatchingType(device->GetAddress()),
                    "LogicalInterfaceNetDevice: the physical device has no MAC-48 address");
    Port port;
    port.device = device;
    m_ports.push_back(port);
    m_node->RegisterProtocolHandler(
        MakeCallback(&LogicalInterfaceNetDevice::ReceiveFromPhysical, this),
        0,
        device,
        true);
    NotifyLinkChange();
    return static_cast<uint32_t>(m_ports.size() - 1);
}

uint32_t
LogicalInterfaceNetDevice::GetNPhysicalDevices() const
{
    return static_cast<uint32_t>(m_ports.size());
}

Ptr<NetDevice>
LogicalInterfaceNetDevice::GetPhysicalDevice(uint32_t port) const
{
    NS_ABORT_MSG_IF(port >= m_ports.size(), "no physical device " << port);
    return m_ports[port].device;
}

int32_t
LogicalInterfaceNetDevice::GetPort(Ptr<NetDevice> device) const
{
    for (std::size_t p = 0; p < m_ports.size(); ++p)
    {
        if (m_ports[p].device == device)
        {
            return static_cast<int32_t>(p);
        }
    }
    return -1;
}

void
LogicalInterfaceNetDevice::SetPhysicalDeviceUp(uint32_t port, bool up)
{
    NS_LOG_FUNCTION(this << port << up);
    NS_ABORT_MSG_IF(port >= m_ports.size(), "no physical device " << port);
    m_ports[port].up = up;
    NotifyLinkChange();
}

bool
LogicalInterfaceNetDevice::IsPhysicalDeviceUsable(uint32_t port) const
{
    return port < m_ports.size() && m_ports[port].up && m_ports[port].device->IsLinkUp();
}

void
LogicalInterfaceNetDevice::SetDefaultPort(uint32_t port)
{
    NS_LOG_FUNCTION(this << port);
    m_defaultPort = port;
}

uint32_t
LogicalInterfaceNetDevice::GetDefaultPort() const
{
    return m_defaultPort;
}

void
LogicalInterfaceNetDevice::SetGateway(uint32_t port, Mac48Address gateway)
{
    NS_LOG_FUNCTION(this << port << gateway);
    NS_ABORT_MSG_IF(port >= m_ports.size(), "no physical device " << port);
    m_ports[port].hasGateway = true;
    m_ports[port].gateway = gateway;
}

Address
LogicalInterfaceNetDevice::GetGateway(uint32_t port) const
{
    if (port < m_ports.size() && m_ports[port].hasGateway)
    {
        return m_ports[port].gateway;
    }
    return Address();
}

uint32_t
LogicalInterfaceNetDevice::AddFlowPolicy(const TrafficSelector& selector,
                                         uint8_t priority,
                                         uint32_t port)
{
    NS_LOG_FUNCTION(this << +priority << port);
    NS_ABORT_MSG_IF(port >= m_ports.size(), "no physical device " << port);
    Policy policy{m_nextPolicyId++, priority, selector, port};
    // After every policy of the same or a higher precedence: ties keep the order added.
    auto at = std::upper_bound(m_policies.begin(),
                               m_policies.end(),
                               priority,
                               [](uint8_t p, const Policy& q) { return p < q.priority; });
    m_policies.insert(at, policy);
    m_policyGeneration++;
    return policy.id;
}

bool
LogicalInterfaceNetDevice::RemoveFlowPolicy(uint32_t id)
{
    NS_LOG_FUNCTION(this << id);
    auto it = std::find_if(m_policies.begin(), m_policies.end(), [id](const Policy& p) {
        return p.id == id;
    });
    if (it == m_policies.end())
    {
        return false;
    }
    m_policies.erase(it);
    m_policyGeneration++;
    return true;
}

uint32_t
LogicalInterfaceNetDevice::GetNFlows() const
{
    return static_cast<uint32_t>(m_flowIndex.size());
}

Ipv6Address
LogicalInterfaceNetDevice::GetLinkLocalAddress() const
{
    return Ipv6Address::MakeAutoconfiguredLinkLocalAddress(m_address);
}

bool
LogicalInterfaceNetDevice::ReadKey(Ptr<const Packet> packet,
                                   bool uplink,
                                   FlowKey& key,
                                   TrafficSelector::FlowKey* selectorKey,
                                   uint8_t& icmpType)
{
    uint8_t buf[IPV6_HEADER_LENGTH + 4];
    uint32_t n = packet->CopyData(buf, sizeof(buf));
    if (n < IPV6_HEADER_LENGTH || (buf[0] >> 4) != 6)
    {
        return false;
    }
    const uint8_t* source = buf + 8;
    const uint8_t* destination = buf + 24;
    icmpType = (buf[6] == NEXT_HEADER_ICMPV6 && n > IPV6_HEADER_LENGTH) ? buf[40] : 0;
    if (destination[0] == 0xff)
    {
        return false; // multicast: no flow
    }
    key = FlowKey();
    std::memcpy(key.local, uplink ? source : destination, 16);
    std::memcpy(key.remote, uplink ? destination : source, 16);
    key.nextHeader = buf[6];
    bool hasPorts = (key.nextHeader == NEXT_HEADER_TCP || key.nextHeader == NEXT_HEADER_UDP) &&
                    n >= IPV6_HEADER_LENGTH + 4;
    uint16_t sourcePort = 0;
    uint16_t destinationPort = 0;
    if (hasPorts)
    {
        sourcePort = static_cast<uint16_t>((buf[40] << 8) | buf[41]);
        destinationPort = static_cast<uint16_t>((buf[42] << 8) | buf[43]);
    }
    key.localPort = uplink ? sourcePort : destinationPort;
    key.remotePort = uplink ? destinationPort : sourcePort;
    if (selectorKey != nullptr)
    {
        *selectorKey = TrafficSelector::FlowKey();
        selectorKey->format = mip6::TS_FORMAT_IPV6_BINARY;
        std::memcpy(selectorKey->source, source, 16);
        std::memcpy(selectorKey->destination, destination, 16);
        selectorKey->nextHeader = key.nextHeader;
        selectorKey->trafficClass = static_cast<uint8_t>(((buf[0] & 0x0f) << 4) | (buf[1] >> 4));
        selectorKey->flowLabel = (static_cast<uint32_t>(buf[1] & 0x0f) << 16) |
                                 (static_cast<uint32_t>(buf[2]) << 8) | buf[3];
        selectorKey->hasPorts = hasPorts;
        selectorKey->sourcePort = sourcePort;
        selectorKey->destinationPort = destinationPort;
    }
    return true;
}

LogicalInterfaceNetDevice::Flow*
LogicalInterfaceNetDevice::FindFlow(const FlowKey& key)
{
    auto it = m_flowIndex.find(key);
    if (it == m_flowIndex.end())
    {
        return nullptr;
    }
    if (Simulator::Now() - it->second->lastUsed > m_flowTimeout)
    {
        m_flows.erase(it->second);
        m_flowIndex.erase(it);
        return nullptr;
    }
    return &*it->second;
}

LogicalInterfaceNetDevice::Flow*
LogicalInterfaceNetDevice::TouchFlow(const FlowKey& key)
{
    Flow* flow = FindFlow(key);
    if (flow != nullptr)
    {
        auto it = m_flowIndex.find(key)->second;
        m_flows.splice(m_flows.begin(), m_flows, it);
    }
    else
    {
        // Make room: expired flows at the tail first, then the least recently used.
        while (!m_flows.empty() && (m_flowIndex.size() >= m_maxFlows ||
                                    Simulator::Now() - m_flows.back().lastUsed > m_flowTimeout))
        {
            m_flowIndex.erase(m_flows.back().key);
            m_flows.pop_back();
        }
        Flow fresh;
        fresh.key = key;
        m_flows.push_front(fresh);
        m_flowIndex[key] = m_flows.begin();
        flow = &m_flows.front();
    }
    flow->lastUsed = Simulator::Now();
    return flow;
}

const LogicalInterfaceNetDevice::Policy*
LogicalInterfaceNetDevice::MatchPolicy(const TrafficSelector::FlowKey& selectorKey) const
{
    for (const auto& policy : m_policies)
    {
        if (policy.selector.Matches(selectorKey))
        {
            return &policy;
        }
    }
    return nullptr;
}

int32_t
LogicalInterfaceNetDevice::FallbackPort() const
{
    if (IsPhysicalDeviceUsable(m_defaultPort))
    {
        return static_cast<int32_t>(m_defaultPort);
    }
    for (uint32_t p = 0; p < m_ports.size(); ++p)
    {
        if (IsPhysicalDeviceUsable(p))
        {
            return static_cast<int32_t>(p);
        }
    }
    return -1;
}

int32_t
LogicalInterfaceNetDevice::GetFlowPort(const FlowKey& key) const
{
    auto it = m_flowIndex.find(key);
    if (it != m_flowIndex.end() && Simulator::Now() - it->second->lastUsed <= m_flowTimeout)
    {
        const Flow& flow = *it->second;
        if (flow.pinned && flow.policyGeneration == m_policyGeneration &&
            IsPhysicalDeviceUsable(flow.pinnedPort))
        {
            return static_cast<int32_t>(flow.pinnedPort);
        }
        if (!flow.pinned && flow.learnt && IsPhysicalDeviceUsable(flow.learntPort))
        {
            return static_cast<int32_t>(flow.learntPort);
        }
    }
    return FallbackPort();
}

void
LogicalInterfaceNetDevice::ReceiveFromPhysical(Ptr<NetDevice> device,
                                               Ptr<const Packet> packet,
                                               uint16_t protocol,
                                               const Address& source,
                                               const Address& destination,
                                               PacketType packetType)
{
    NS_LOG_FUNCTION(this << device << packet << protocol << source << destination << packetType);
    int32_t port = GetPort(device);
    if (port < 0 || !m_ports[port].up)
    {
        return;
    }
    if (packetType == PACKET_OTHERHOST)
    {
        if (destination == m_address)
        {
            packetType = PACKET_HOST;
        }
        else if (m_promiscRxCallback.IsNull())
        {
            return;
        }
    }
    if (protocol == ETHERTYPE_IPV6 && packetType != PACKET_OTHERHOST &&
        Mac48Address::IsMatchingType(source))
    {
        FlowKey key;
        uint8_t icmpType = 0;
        if (ReadKey(packet, false, key, nullptr, icmpType))
        {
            Flow* flow = TouchFlow(key);
            flow->learnt = true;
            flow->learntPort = static_cast<uint32_t>(port);
            flow->learntPeer = Mac48Address::ConvertFrom(source);
        }
        if (icmpType == ICMPV6_ROUTER_ADVERTISEMENT)
        {
            m_ports[port].hasGateway = true;
            m_ports[port].gateway = Mac48Address::ConvertFrom(source);
        }
    }
    m_physicalRxTrace(packet, static_cast<uint32_t>(port));
    Address to = packetType == PACKET_HOST ? Address(m_address) : destination;
    if (!m_promiscRxCallback.IsNull())
    {
        m_promiscRxCallback(this, packet, protocol, source, to, packetType);
    }
    if (packetType != PACKET_OTHERHOST && !m_rxCallback.IsNull())
    {
        m_rxCallback(this, packet, protocol, source);
    }
}

Ptr<Packet>
LogicalInterfaceNetDevice::LocalizeNd(Ptr<Packet> packet, Mac48Address physical) const
{
    uint32_t size = packet->GetSize();
    if (size < IPV6_HEADER_LENGTH + 8 || size > ND_MAX_SIZE)
    {
        return packet;
    }
    uint8_t head[IPV6_HEADER_LENGTH + 1];
    packet->CopyData(head, sizeof(head));
    uint8_t type = head[IPV6_HEADER_LENGTH];
    if ((head[0] >> 4) != 6 || head[6] != NEXT_HEADER_ICMPV6 ||
        (type != ICMPV6_ROUTER_SOLICITATION && type != ICMPV6_NEIGHBOR_SOLICITATION &&
         type != ICMPV6_NEIGHBOR_ADVERTISEMENT))
    {
        return packet;
    }
    std::vector<uint8_t> bytes(size);
    packet->CopyData(bytes.data(), size);
    uint8_t logical[6];
    uint8_t replacement[6];
    m_address.CopyTo(logical);
    physical.CopyTo(replacement);
    // Options follow the fixed part: 8 octets for an RS, 24 for an NS or NA.
    uint32_t at = IPV6_HEADER_LENGTH + (type == ICMPV6_ROUTER_SOLICITATION ? 8 : 24);
    bool changed = false;
    uint32_t checksumAt = IPV6_HEADER_LENGTH + 2;
    uint32_t sum = static_cast<uint16_t>(~((bytes[checksumAt] << 8) | bytes[checksumAt + 1]));
    while (at + 8 <= size)
    {
        uint32_t length = bytes[at + 1] * 8u;
        if (length == 0 || at + length > size)
        {
            break; // malformed: leave the rest alone
        }
        uint8_t option = bytes[at];
        if ((option == ND_OPTION_SOURCE_LLA || option == ND_OPTION_TARGET_LLA) && length == 8 &&
            std::memcmp(bytes.data() + at + 2, logical, 6) == 0)
        {
            // RFC 1624 incremental update; the address starts at an even offset.
            for (uint32_t w = 0; w < 6; w += 2)
            {
                sum += static_cast<uint16_t>(~((logical[w] << 8) | logical[w + 1]));
                sum += static_cast<uint16_t>((replacement[w] << 8) | replacement[w + 1]);
            }
            std::memcpy(bytes.data() + at + 2, replacement, 6);
            changed = true;
        }
        at += length;
    }
    if (!changed)
    {
        return packet;
    }
    if (bytes[checksumAt] != 0 || bytes[checksumAt + 1] != 0) // 0: checksums disabled
    {
        while (sum >> 16)
        {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        uint16_t checksum = static_cast<uint16_t>(~sum);
        bytes[checksumAt] = static_cast<uint8_t>(checksum >> 8);
        bytes[checksumAt + 1] = static_cast<uint8_t>(checksum & 0xff);
    }
    return Create<Packet>(bytes.data(), size);
}

bool
LogicalInterfaceNetDevice::SendOn(Ptr<Packet> packet,
                                  uint32_t port,
                                  Mac48Address dest,
                                  uint16_t protocolNumber)
{
    const Port& chosen = m_ports[port];
    if (protocolNumber == ETHERTYPE_IPV6)
    {
        packet = LocalizeNd(packet, Mac48Address::ConvertFrom(chosen.device->GetAddress()));
    }
    if (chosen.hasGateway && !(chosen.gateway == dest))
    {
        for (const auto& other : m_ports)
        {
            if (other.hasGateway && other.gateway == dest)
            {
                // IPv6 resolved its router on another link: this link's router instead.
                dest = chosen.gateway;
                break;
            }
        }
    }
    return chosen.device->Send(packet, dest, protocolNumber);
}

bool
LogicalInterfaceNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << dest << protocolNumber);
    if (!Mac48Address::IsMatchingType(dest))
    {
        return false;
    }
    Mac48Address to = Mac48Address::ConvertFrom(dest);
    if (to.IsBroadcast() || to.IsGroup())
    {
        bool sent = false;
        for (uint32_t p = 0; p < m_ports.size(); ++p)
        {
            if (IsPhysicalDeviceUsable(p))
            {
                m_choiceTrace(packet, p, CHOICE_FLOOD);
                sent = SendOn(packet->Copy(), p, to, protocolNumber) || sent;
            }
        }
        return sent;
    }

    int32_t port = -1;
    uint8_t reason = CHOICE_DEFAULT;
    FlowKey key;
    TrafficSelector::FlowKey selectorKey;
    uint8_t icmpType = 0;
    if (protocolNumber == ETHERTYPE_IPV6 && ReadKey(packet, true, key, &selectorKey, icmpType))
    {
        Flow* flow = TouchFlow(key);
        if (flow->policyGeneration != m_policyGeneration)
        {
            const Policy* policy = MatchPolicy(selectorKey);
            flow->pinned = policy != nullptr;
            flow->pinnedPort = policy != nullptr ? policy->port : 0;
            flow->policyGeneration = m_policyGeneration;
        }
        if (flow->pinned)
        {
            port = static_cast<int32_t>(flow->pinnedPort);
            reason = CHOICE_PINNED;
        }
        else if (flow->learnt)
        {
            if (IsPhysicalDeviceUsable(flow->learntPort))
            {
                port = static_cast<int32_t>(flow->learntPort);
                to = flow->learntPeer;
                reason = CHOICE_LEARNT;
            }
            else
            {
                flow->learnt = false; // its device went away: default from now on
            }
        }
    }
    if (port < 0 && protocolNumber != ETHERTYPE_IPV6)
    {
        // IPv4 / ARP to a router's link-layer address (an ARP reply to a MAG, an IPv4 packet
        // to the default router a MAG's ARP reply named): the link of that router
        for (uint32_t p = 0; p < m_ports.size(); ++p)
        {
            if (m_ports[p].hasGateway && m_ports[p].gateway == to && IsPhysicalDeviceUsable(p))
            {
                port = static_cast<int32_t>(p);
                reason = CHOICE_LEARNT;
                break;
            }
        }
    }
    if (port < 0)
    {
        port = static_cast<int32_t>(m_defaultPort);
        reason = CHOICE_DEFAULT;
    }
    if (!IsPhysicalDeviceUsable(static_cast<uint32_t>(port)))
    {
        port = FallbackPort();
        reason = CHOICE_FALLBACK;
        if (port < 0)
        {
            NS_LOG_LOGIC("no usable physical device: packet dropped");
            return false;
        }
    }
    m_choiceTrace(packet, static_cast<uint32_t>(port), reason);
    return SendOn(packet, static_cast<uint32_t>(port), to, protocolNumber);
}

bool
LogicalInterfaceNetDevice::SendFrom(Ptr<Packet> packet,
                                    const Address& source,
                                    const Address& dest,
                                    uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << source << dest << protocolNumber);
    if (source != Address(m_address))
    {
        return false;
    }
    return Send(packet, dest, protocolNumber);
}

void
LogicalInterfaceNetDevice::NotifyLinkChange()
{
    bool up = IsLinkUp();
    if (up != m_linkUp)
    {
        m_linkUp = up;
        for (auto& cb : m_linkChangeCallbacks)
        {
            cb();
        }
    }
}

void
LogicalInterfaceNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
LogicalInterfaceNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
LogicalInterfaceNetDevice::GetChannel() const
{
    return nullptr;
}

void
LogicalInterfaceNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
LogicalInterfaceNetDevice::GetAddress() const
{
    return m_address;
}

bool
LogicalInterfaceNetDevice::SetMtu(const uint16_t mtu)
{
    m_mtu = mtu;
    return true;
}

uint16_t
LogicalInterfaceNetDevice::GetMtu() const
{
    return m_mtu;
}

bool
LogicalInterfaceNetDevice::IsLinkUp() const
{
    for (uint32_t p = 0; p < m_ports.size(); ++p)
    {
        if (IsPhysicalDeviceUsable(p))
        {
            return true;
        }
    }
    return false;
}

void
LogicalInterfaceNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    m_linkChangeCallbacks.push_back(callback);
}

bool
LogicalInterfaceNetDevice::IsBroadcast() const
{
    return true;
}

Address
LogicalInterfaceNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
LogicalInterfaceNetDevice::IsMulticast() const
{
    return true;
}

Address
LogicalInterfaceNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
LogicalInterfaceNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
LogicalInterfaceNetDevice::IsBridge() const
{
    return false;
}

bool
LogicalInterfaceNetDevice::IsPointToPoint() const
{
    return false;
}

Ptr<Node>
LogicalInterfaceNetDevice::GetNode() const
{
    return m_node;
}

void
LogicalInterfaceNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
LogicalInterfaceNetDevice::NeedsArp() const
{
    return true;
}

void
LogicalInterfaceNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
LogicalInterfaceNetDevice::SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb)
{
    m_promiscRxCallback = cb;
}

bool
LogicalInterfaceNetDevice::SupportsSendFrom() const
{
    return true;
}

} // namespace ns3

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "point-to-point-access-channel.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simple-net-device.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PointToPointAccessChannel");

NS_OBJECT_ENSURE_REGISTERED(PointToPointAccessChannel);

TypeId
PointToPointAccessChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PointToPointAccessChannel")
            .SetParent<SimpleChannel>()
            .SetGroupName("Pmipv6")
            .AddConstructor<PointToPointAccessChannel>()
            .AddTraceSource("Tx",
                            "A device handed a frame to the channel: packet, protocol number, "
                            "destination and source address.",
                            MakeTraceSourceAccessor(&PointToPointAccessChannel::m_txTrace),
                            "ns3::PointToPointAccessChannel::FrameTracedCallback")
            .AddTraceSource("Drop",
                            "A frame reached no device: its destination or its sender was not "
                            "attached.",
                            MakeTraceSourceAccessor(&PointToPointAccessChannel::m_dropTrace),
                            "ns3::PointToPointAccessChannel::FrameTracedCallback");
    return tid;
}

PointToPointAccessChannel::PointToPointAccessChannel()
{
    NS_LOG_FUNCTION(this);
}

std::size_t
PointToPointAccessChannel::MacHash::operator()(const Mac48Address& address) const
{
    uint8_t octets[6];
    address.CopyTo(octets);
    uint64_t value = 0;
    for (uint8_t octet : octets)
    {
        value = value << 8 | octet;
    }
    return std::hash<uint64_t>()(value);
}

void
PointToPointAccessChannel::Add(Ptr<SimpleNetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    NS_ABORT_MSG_IF(!device, "PointToPointAccessChannel::Add: no device");
    TimeValue delay;
    GetAttribute("Delay", delay);
    m_delay = delay.Get();
    if (!m_mag)
    {
        m_mag = device;
        return;
    }
    if (device == m_mag)
    {
        return;
    }
    Mac48Address address = Mac48Address::ConvertFrom(device->GetAddress());
    auto it = m_index.find(address);
    if (it != m_index.end())
    {
        NS_ABORT_MSG_IF(m_stations[it->second] != device,
                        "PointToPointAccessChannel::Add: another device with address "
                            << address << " is attached");
        return;
    }
    m_index.emplace(address, m_stations.size());
    m_stations.push_back(device);
}

void
PointToPointAccessChannel::Detach(Ptr<SimpleNetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    if (!device || device == m_mag)
    {
        return;
    }
    auto it = m_index.find(Mac48Address::ConvertFrom(device->GetAddress()));
    if (it == m_index.end() || m_stations[it->second] != device)
    {
        return;
    }
    std::size_t position = it->second;
    m_index.erase(it);
    if (position + 1 != m_stations.size())
    {
        m_stations[position] = m_stations.back();
        m_index[Mac48Address::ConvertFrom(m_stations[position]->GetAddress())] = position;
    }
    m_stations.pop_back();
}

bool
PointToPointAccessChannel::IsAttached(Ptr<const SimpleNetDevice> device) const
{
    if (!device)
    {
        return false;
    }
    if (device == m_mag)
    {
        return true;
    }
    auto it = m_index.find(Mac48Address::ConvertFrom(device->GetAddress()));
    // A station that joined another channel without Detach here has left this one.
    return it != m_index.end() && m_stations[it->second] == device && device->GetChannel() == this;
}

void
PointToPointAccessChannel::Send(Ptr<Packet> p,
                                uint16_t protocol,
                                Mac48Address to,
                                Mac48Address from,
                                Ptr<SimpleNetDevice> sender)
{
    NS_LOG_FUNCTION(this << p << protocol << to << from << sender);
    m_txTrace(p, protocol, to, from);
    if (sender != m_mag)
    {
        // A station reaches the MAG only.
        if (!m_mag || !IsAttached(sender))
        {
            NS_LOG_LOGIC("drop a frame from " << from << ": sender not attached");
            Drop(p, protocol, to, from);
            return;
        }
        Deliver(m_mag, p, protocol, to, from);
        return;
    }
    if (to.IsGroup())
    {
        // Broadcast and multicast: out on every point-to-point link.
        for (const auto& station : m_stations)
        {
            Deliver(station, p, protocol, to, from);
        }
        return;
    }
    auto it = m_index.find(to);
    if (it == m_index.end() || m_stations[it->second]->GetChannel() != this)
    {
        NS_LOG_LOGIC("drop a frame to " << to << ": no such station attached");
        Drop(p, protocol, to, from);
        return;
    }
    Deliver(m_stations[it->second], p, protocol, to, from);
}

void
PointToPointAccessChannel::Deliver(Ptr<SimpleNetDevice> device,
                                   Ptr<const Packet> p,
                                   uint16_t protocol,
                                   Mac48Address to,
                                   Mac48Address from)
{
    Ptr<Node> node = device->GetNode();
    Simulator::ScheduleWithContext(node ? node->GetId() : Simulator::NO_CONTEXT,
                                   m_delay,
                                   &PointToPointAccessChannel::Receive,
                                   this,
                                   device,
                                   p->Copy(),
                                   protocol,
                                   to,
                                   from);
}

void
PointToPointAccessChannel::Receive(Ptr<SimpleNetDevice> device,
                                   Ptr<Packet> p,
                                   uint16_t protocol,
                                   Mac48Address to,
                                   Mac48Address from)
{
    if (!IsAttached(device))
    {
        // It left during the frame's delay: lost, as on a link that went away.
        NS_LOG_LOGIC("drop a frame to " << device->GetAddress() << ": detached on the way");
        Drop(p, protocol, to, from);
        return;
    }
    device->Receive(p, protocol, to, from);
}

void
PointToPointAccessChannel::Drop(Ptr<const Packet> p,
                                uint16_t protocol,
                                Mac48Address to,
                                Mac48Address from)
{
    m_dropped++;
    m_dropTrace(p, protocol, to, from);
}

void
PointToPointAccessChannel::BlackList(Ptr<SimpleNetDevice> from, Ptr<SimpleNetDevice> to)
{
    NS_ABORT_MSG("PointToPointAccessChannel::BlackList: not supported (stations never reach "
                 "each other; use Detach)");
}

void
PointToPointAccessChannel::UnBlackList(Ptr<SimpleNetDevice> from, Ptr<SimpleNetDevice> to)
{
    NS_ABORT_MSG("PointToPointAccessChannel::UnBlackList: not supported");
}

Ptr<SimpleNetDevice>
PointToPointAccessChannel::GetMagDevice() const
{
    return m_mag;
}

std::size_t
PointToPointAccessChannel::GetNDevices() const
{
    return (m_mag ? 1 : 0) + m_stations.size();
}

Ptr<NetDevice>
PointToPointAccessChannel::GetDevice(std::size_t i) const
{
    NS_ABORT_MSG_IF(i >= GetNDevices(), "PointToPointAccessChannel::GetDevice: no device " << i);
    if (i == 0)
    {
        return m_mag;
    }
    return m_stations[i - 1];
}

uint64_t
PointToPointAccessChannel::GetDropped() const
{
    return m_dropped;
}

void
PointToPointAccessChannel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_mag = nullptr;
    m_stations.clear();
    m_index.clear();
    SimpleChannel::DoDispose();
}

} // namespace ns3

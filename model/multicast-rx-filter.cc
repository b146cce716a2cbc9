/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "multicast-rx-filter.h"

#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MulticastRxFilter");

NS_OBJECT_ENSURE_REGISTERED(MulticastRxFilter);

namespace
{
/// Ethernet II header: destination, source, EtherType.
constexpr uint32_t g_ethernetHeader = 14;
/// LLC/SNAP header after an 802.3 length field.
constexpr uint32_t g_llcSnapHeader = 8;
/// IPv6 fixed header.
constexpr uint32_t g_ipv6Header = 40;
/// Offset of the destination address in the IPv6 header.
constexpr uint32_t g_ipv6Destination = 24;
/// Offset of Next Header in the IPv6 header.
constexpr uint32_t g_ipv6NextHeader = 6;
/// Largest 802.3 length field (above: an EtherType).
constexpr uint16_t g_maxLength = 1500;
} // namespace

TypeId
MulticastRxFilter::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MulticastRxFilter")
                            .SetParent<ErrorModel>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<MulticastRxFilter>();
    return tid;
}

MulticastRxFilter::MulticastRxFilter()
{
    NS_LOG_FUNCTION(this);
}

void
MulticastRxFilter::SetDevice(Ptr<NetDevice> device)
{
    m_device = PeekPointer(device);
    m_ipv6 = nullptr;
}

void
MulticastRxFilter::SetNext(Ptr<ErrorModel> next)
{
    m_next = next;
}

Ptr<ErrorModel>
MulticastRxFilter::GetNext() const
{
    return m_next;
}

uint64_t
MulticastRxFilter::GetFiltered() const
{
    return m_filtered;
}

void
MulticastRxFilter::DoDispose()
{
    m_device = nullptr;
    m_ipv6 = nullptr;
    m_next = nullptr;
    ErrorModel::DoDispose();
}

void
MulticastRxFilter::DoReset()
{
    if (m_next)
    {
        m_next->Reset();
    }
}

bool
MulticastRxFilter::Accepts(Ipv6Address group)
{
    if (!m_ipv6)
    {
        m_ipv6 = m_device->GetNode() ? m_device->GetNode()->GetObject<Ipv6L3Protocol>() : nullptr;
        if (!m_ipv6)
        {
            return true;
        }
    }
    int32_t interface = m_ipv6->GetInterfaceForDevice(Ptr<const NetDevice>(m_device));
    if (interface < 0)
    {
        return true;
    }
    Ptr<Ipv6Interface> ipv6Interface = m_ipv6->GetInterface(interface);
    // The conditions of Ipv6L3Protocol::Receive for a multicast destination.
    return group.IsAllNodesMulticast() ||
           (group.IsAllRoutersMulticast() && ipv6Interface->IsForwarding()) ||
           ipv6Interface->IsSolicitedMulticastAddress(group) ||
           m_ipv6->IsRegisteredMulticastAddress(group, interface) ||
           m_ipv6->IsRegisteredMulticastAddress(group);
}

bool
MulticastRxFilter::DoCorrupt(Ptr<Packet> p)
{
    if (m_next && m_next->IsCorrupt(p))
    {
        return true;
    }
    if (!m_device)
    {
        return false;
    }
    uint8_t frame[g_ethernetHeader + g_llcSnapHeader + g_ipv6Header];
    uint32_t size = p->CopyData(frame, sizeof(frame));
    // Only IPv6 multicast MAC addresses (33:33:xx:xx:xx:xx, RFC 2464 section 7).
    if (size < g_ethernetHeader || frame[0] != 0x33 || frame[1] != 0x33)
    {
        return false;
    }
    uint16_t type = static_cast<uint16_t>(frame[12] << 8 | frame[13]);
    uint32_t ip = g_ethernetHeader;
    if (type <= g_maxLength)
    {
        static const uint8_t snapIpv6[g_llcSnapHeader] = {0xaa, 0xaa, 0x03, 0, 0, 0, 0x86, 0xdd};
        if (size < g_ethernetHeader + g_llcSnapHeader ||
            !std::equal(snapIpv6, snapIpv6 + g_llcSnapHeader, frame + g_ethernetHeader))
        {
            return false;
        }
        ip += g_llcSnapHeader;
    }
    else if (type != Ipv6L3Protocol::PROT_NUMBER)
    {
        return false;
    }
    if (size < ip + g_ipv6Header || (frame[ip] >> 4) != 6 ||
        frame[ip + g_ipv6NextHeader] == 0 /* Hop-by-Hop Options */)
    {
        return false;
    }
    Ipv6Address destination(frame + ip + g_ipv6Destination);
    if (!destination.IsMulticast() || Accepts(destination))
    {
        return false;
    }
    NS_LOG_LOGIC("drop a frame to " << destination << " (not a group of this interface)");
    m_filtered++;
    return true;
}

} // namespace ns3

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mobility-l4-protocol.h"

#include "binding-update-header.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MobilityL4Protocol");

NS_OBJECT_ENSURE_REGISTERED(MobilityL4Protocol);

const uint8_t MobilityL4Protocol::PROT_NUMBER = mip6::MOBILITY_HEADER_PROTOCOL;

TypeId
MobilityL4Protocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MobilityL4Protocol")
            .SetParent<IpL4Protocol>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MobilityL4Protocol>()
            .AddAttribute("CalculateChecksum",
                          "Compute the RFC 6275 checksum of every message sent.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MobilityL4Protocol::m_calcChecksum),
                          MakeBooleanChecker())
            .AddAttribute("VerifyChecksum",
                          "Discard received messages whose checksum does not verify.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MobilityL4Protocol::m_verifyChecksum),
                          MakeBooleanChecker())
            .AddAttribute("SendBindingError",
                          "Answer a message of an unrecognized MH type with a Binding Error "
                          "(status 2, RFC 6275 9.2).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MobilityL4Protocol::m_sendBindingError),
                          MakeBooleanChecker())
            .AddAttribute("BindingErrorMinInterval",
                          "Rate limit of Binding Errors: the minimum time between two.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&MobilityL4Protocol::m_bindingErrorInterval),
                          MakeTimeChecker())
            .AddTraceSource("Tx",
                            "A Mobility Header message was sent.",
                            MakeTraceSourceAccessor(&MobilityL4Protocol::m_txTrace),
                            "ns3::MobilityL4Protocol::MessageTracedCallback")
            .AddTraceSource("Rx",
                            "A Mobility Header message passed the checks and was dispatched.",
                            MakeTraceSourceAccessor(&MobilityL4Protocol::m_rxTrace),
                            "ns3::MobilityL4Protocol::MessageTracedCallback")
            .AddTraceSource("Drop",
                            "A received Mobility Header message was discarded.",
                            MakeTraceSourceAccessor(&MobilityL4Protocol::m_dropTrace),
                            "ns3::MobilityL4Protocol::DropTracedCallback");
    return tid;
}

MobilityL4Protocol::MobilityL4Protocol()
    : m_calcChecksum(true),
      m_verifyChecksum(true),
      m_sendBindingError(true),
      m_lastBindingError(Seconds(-1)),
      m_rxCount(0),
      m_txCount(0),
      m_beCount(0)
{
    NS_LOG_FUNCTION(this);
    m_dropCounts.fill(0);
}

MobilityL4Protocol::~MobilityL4Protocol()
{
    NS_LOG_FUNCTION(this);
}

Ptr<MobilityL4Protocol>
MobilityL4Protocol::Install(Ptr<Node> node)
{
    NS_ASSERT_MSG(node->GetObject<Ipv6>(), "node " << node->GetId() << " has no IPv6");
    Ptr<MobilityL4Protocol> mobility = node->GetObject<MobilityL4Protocol>();
    if (!mobility)
    {
        mobility = CreateObject<MobilityL4Protocol>();
        node->AggregateObject(mobility);
    }
    return mobility;
}

void
MobilityL4Protocol::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_handlers.clear();
    m_node = nullptr;
    m_downTarget6.Nullify();
    m_downTarget.Nullify();
    IpL4Protocol::DoDispose();
}

void
MobilityL4Protocol::SetNode(Ptr<Node> node)
{
    m_node = node;
}

void
MobilityL4Protocol::NotifyNewAggregate()
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
    }
    IpL4Protocol::NotifyNewAggregate();
}

int
MobilityL4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

bool
MobilityL4Protocol::TryRegisterHandler(uint8_t mhType, MessageHandler handler)
{
    NS_LOG_FUNCTION(this << +mhType);
    return m_handlers.emplace(mhType, handler).second;
}

void
MobilityL4Protocol::RegisterHandler(uint8_t mhType, MessageHandler handler)
{
    NS_LOG_FUNCTION(this << +mhType);
    NS_ABORT_MSG_IF(!TryRegisterHandler(mhType, handler),
                    "MobilityL4Protocol: MH type "
                        << +mhType << " already has a handler on node "
                        << (m_node ? static_cast<int64_t>(m_node->GetId()) : -1)
                        << " (two agents claim the same messages; UnregisterHandler first)");
}

void
MobilityL4Protocol::UnregisterHandler(uint8_t mhType)
{
    NS_LOG_FUNCTION(this << +mhType);
    m_handlers.erase(mhType);
}

bool
MobilityL4Protocol::HasHandler(uint8_t mhType) const
{
    return m_handlers.find(mhType) != m_handlers.end();
}

bool
MobilityL4Protocol::Send(MobilityHeader& header, Ipv6Address src, Ipv6Address dst)
{
    NS_LOG_FUNCTION(this << src << dst << +header.GetMhType());
    NS_ASSERT_MSG(!m_downTarget6.IsNull(), "MobilityL4Protocol is not aggregated to IPv6");
    Ptr<Ipv6Route> route;
    if (src.IsAny())
    {
        Ptr<Ipv6L3Protocol> ipv6 = m_node->GetObject<Ipv6L3Protocol>();
        Ipv6Header probe;
        probe.SetDestination(dst);
        probe.SetNextHeader(PROT_NUMBER);
        Socket::SocketErrno err;
        Ptr<Packet> empty = Create<Packet>();
        route = ipv6->GetRoutingProtocol()->RouteOutput(empty, probe, nullptr, err);
        if (!route)
        {
            NS_LOG_WARN("no route to " << dst << ": " << header.GetInstanceTypeId().GetName()
                                       << " not sent");
            return false;
        }
        src = route->GetSource();
    }
    if (m_calcChecksum)
    {
        header.EnableChecksum(src, dst);
    }
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(header);
    NS_LOG_LOGIC("send " << header << " from " << src << " to " << dst);
    m_txCount++;
    m_txTrace(p, src, dst);
    m_downTarget6(p, src, dst, PROT_NUMBER, route);
    return true;
}

IpL4Protocol::RxStatus
MobilityL4Protocol::Receive(Ptr<Packet> p,
                            const Ipv4Header& header,
                            Ptr<Ipv4Interface> incomingInterface)
{
    NS_LOG_FUNCTION(this << p);
    NS_LOG_WARN("the Mobility Header is an IPv6 protocol; IPv4 packet discarded");
    return IpL4Protocol::RX_ENDPOINT_UNREACH;
}

IpL4Protocol::RxStatus
MobilityL4Protocol::Receive(Ptr<Packet> p,
                            const Ipv6Header& header,
                            Ptr<Ipv6Interface> incomingInterface)
{
    NS_LOG_FUNCTION(this << p << header.GetSource() << header.GetDestination());
    Ipv6Address src = header.GetSource();
    Ipv6Address dst = header.GetDestination();
    uint32_t size = p->GetSize();
    if (size < 8)
    {
        NS_LOG_WARN("drop: " << size << "-octet Mobility Header from " << src << " is truncated");
        Drop(p, src, dst, DROP_TRUNCATED);
        return IpL4Protocol::RX_OK;
    }
    std::vector<uint8_t> bytes(size);
    p->CopyData(bytes.data(), size);
    MobilityHeaderCommon common;
    common.Read(bytes.data(), size);
    if (common.payloadProto != mip6::IPPROTO_NONE_VALUE)
    {
        NS_LOG_WARN("drop: Payload Proto " << +common.payloadProto << " from " << src
                                           << " is not 59");
        Drop(p, src, dst, DROP_PAYLOAD_PROTO);
        return IpL4Protocol::RX_OK;
    }
    if (common.GetTotalLength() > size)
    {
        NS_LOG_WARN("drop: Header Len says " << common.GetTotalLength() << " octets, packet from "
                                             << src << " has " << size);
        Drop(p, src, dst, DROP_TRUNCATED);
        return IpL4Protocol::RX_OK;
    }
    if (m_verifyChecksum && MobilityHeader::ComputeChecksum(src, dst, bytes.data(), size) != 0)
    {
        NS_LOG_WARN("drop: bad checksum 0x" << std::hex << common.checksum << std::dec
                                            << " on MH type " << +common.mhType << " from " << src);
        Drop(p, src, dst, DROP_BAD_CHECKSUM);
        return IpL4Protocol::RX_OK;
    }
    auto it = m_handlers.find(common.mhType);
    if (it == m_handlers.end())
    {
        NS_LOG_WARN("drop: no handler for MH type " << +common.mhType << " from " << src);
        Drop(p, src, dst, DROP_UNKNOWN_TYPE);
        if (m_sendBindingError && common.mhType != mip6::MH_BINDING_ERROR && !dst.IsMulticast() &&
            !src.IsAny() && !src.IsMulticast())
        {
            SendBindingError(src, dst);
        }
        return IpL4Protocol::RX_OK;
    }
    m_rxCount++;
    m_rxTrace(p, src, dst);
    uint32_t interface = 0;
    if (incomingInterface)
    {
        Ptr<Ipv6> ipv6 = m_node->GetObject<Ipv6>();
        int32_t idx = ipv6->GetInterfaceForDevice(incomingInterface->GetDevice());
        interface = idx < 0 ? 0 : static_cast<uint32_t>(idx);
    }
    // Handlers run in an event of their own (at the same time): they may add IPv6 interfaces
    // (tunnels), which must not happen while the device layer is still delivering this packet.
    Simulator::ScheduleNow(&MobilityL4Protocol::Dispatch,
                           this,
                           common.mhType,
                           p,
                           header,
                           interface);
    return IpL4Protocol::RX_OK;
}

void
MobilityL4Protocol::Dispatch(uint8_t mhType, Ptr<Packet> p, Ipv6Header header, uint32_t interface)
{
    auto it = m_handlers.find(mhType);
    if (it != m_handlers.end())
    {
        it->second(p, header, interface);
    }
}

void
MobilityL4Protocol::SendBindingError(Ipv6Address src, Ipv6Address dst)
{
    Time now = Simulator::Now();
    if (m_lastBindingError >= Seconds(0) && now - m_lastBindingError < m_bindingErrorInterval)
    {
        NS_LOG_LOGIC("Binding Error to " << src << " suppressed by the rate limit");
        return;
    }
    m_lastBindingError = now;
    BindingErrorHeader be;
    be.SetStatus(mip6::BE_UNRECOGNIZED_MH_TYPE);
    be.SetHomeAddress(Ipv6Address::GetAny());
    NS_LOG_LOGIC("Binding Error (status 2) to " << src);
    if (Send(be, dst, src))
    {
        m_beCount++;
    }
}

bool
MobilityL4Protocol::Decode(Ptr<const Packet> packet, const Ipv6Header& ip, MobilityHeader& header)
{
    packet->PeekHeader(header);
    if (!header.IsValid())
    {
        NS_LOG_WARN("drop: malformed " << header.GetInstanceTypeId().GetName() << " from "
                                       << ip.GetSource() << ": " << header.GetError());
        Drop(packet, ip.GetSource(), ip.GetDestination(), DROP_MALFORMED);
        return false;
    }
    return true;
}

void
MobilityL4Protocol::NotifyDrop(Ptr<const Packet> packet, const Ipv6Header& ip, DropReason reason)
{
    Drop(packet, ip.GetSource(), ip.GetDestination(), reason);
}

void
MobilityL4Protocol::Drop(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst, DropReason reason)
{
    m_dropCounts[reason]++;
    m_dropTrace(p, src, dst, reason);
}

uint64_t
MobilityL4Protocol::GetDropCount(DropReason reason) const
{
    return reason < DROP_REASON_COUNT ? m_dropCounts[reason] : 0;
}

uint64_t
MobilityL4Protocol::GetRxCount() const
{
    return m_rxCount;
}

uint64_t
MobilityL4Protocol::GetTxCount() const
{
    return m_txCount;
}

uint64_t
MobilityL4Protocol::GetBindingErrorCount() const
{
    return m_beCount;
}

std::string
MobilityL4Protocol::DropReasonName(DropReason reason)
{
    switch (reason)
    {
    case DROP_TRUNCATED:
        return "truncated";
    case DROP_PAYLOAD_PROTO:
        return "payload-proto";
    case DROP_BAD_CHECKSUM:
        return "bad-checksum";
    case DROP_UNKNOWN_TYPE:
        return "unknown-type";
    case DROP_MALFORMED:
        return "malformed";
    case DROP_REJECTED:
        return "rejected";
    case DROP_UNKNOWN_PEER:
        return "unknown-peer";
    default:
        return "unknown";
    }
}

void
MobilityL4Protocol::SetDownTarget(IpL4Protocol::DownTargetCallback cb)
{
    m_downTarget = cb;
}

void
MobilityL4Protocol::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_downTarget6 = cb;
}

IpL4Protocol::DownTargetCallback
MobilityL4Protocol::GetDownTarget() const
{
    return m_downTarget;
}

IpL4Protocol::DownTargetCallback6
MobilityL4Protocol::GetDownTarget6() const
{
    return m_downTarget6;
}

} // namespace ns3

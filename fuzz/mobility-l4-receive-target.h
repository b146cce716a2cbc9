/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz target: the MobilityL4Protocol receive path (next header 135) and the handlers
 * behind it.
 *
 * A small PMIPv6 domain is built (once, in LLVMFuzzerInitialize) and the MN registered:
 *
 *     DEC ---- LMA ---- MAG ==csma== MN
 *
 * DEC has a MobilityL4Protocol with a handler for every MH type of MakeMobilityMessageSamples()
 * that decodes the message (MobilityL4Protocol::Decode) into each class of its type and checks
 * the round trip of what decodes. LMA and MAG run the real Pmipv6LmaApplication and
 * Pmipv6MagApplication handlers (PBU and BRA at the LMA, PBA and BRI at the MAG; other types
 * are answered with a Binding Error).
 *
 * Input: Control (8) | Mobility Header octets (the IPv6 payload).
 *   Control bits 0-1: receiving node: 0, 3 DEC; 1 LMA; 2 MAG
 *   Control bits 2-4: IPv6 source: 0, 7 the node's peer on the arrival link; 1 another
 *                     address on that link; 2 a remote global address; 3 a link-local address;
 *                     4 ::; 5 ff02::1; 6 the node's own address
 *   Control bits 5-6: IPv6 destination: 0, 3 the node's address; 1 ff02::1; 2 its link-local
 *   Control bit 7:    keep the Checksum field as given (else it is set right for the
 *                     pseudo-header, so that the fuzzer gets past the checksum check)
 * The payload is handed to MobilityL4Protocol::Receive of the node with the IPv6 interface of
 * the arrival link; then the simulation runs 20 ms (handlers run in their own events, answers
 * travel the links).
 * Properties: no crash / sanitizer report / assertion (in our code or in ns-3 reached from
 * it); Receive counts the message exactly once (handed to a handler, or one drop reason;
 * plus the Binding Error it sends when the source is the node's own address); a
 * message that reaches a DEC handler has Payload Proto 59, a Header Len within the packet and
 * a checksum that verifies, and what decodes passes CheckMessageRoundTrip.
 *
 * Seeds: every sample message for DEC, and the messages the LMA / MAG handle for them.
 */

#ifndef PMIPV6_MOBILITY_L4_RECEIVE_TARGET_H
#define PMIPV6_MOBILITY_L4_RECEIVE_TARGET_H

#include "pmipv6-fuzz-common.h"

#include "ns3/binding-cache.h"
#include "ns3/binding-update-list.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-stack-helper.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-helper.h"
#include "ns3/pmipv6-wire-numbers.h"
#include "ns3/point-to-point-module.h"

namespace pmipv6fuzz
{
namespace l4receive
{

using namespace ns3;

/// The MN-ID of the samples, registered in the domain.
constexpr const char* MN_ID = "mn1@pmipv6.example";

/**
 * \brief The domain DEC - LMA - MAG - MN, and the receive path into DEC, LMA or MAG.
 */
class Domain
{
  public:
    /// One node that receives fuzzed messages.
    struct Target
    {
        Ptr<Node> node;                ///< the node
        Ptr<MobilityL4Protocol> proto; ///< its Mobility Header protocol
        Ptr<Ipv6Interface> interface;  ///< the arrival interface
        Ipv6Address own;               ///< its address on that link
        Ipv6Address ownLinkLocal;      ///< its link-local address there
        Ipv6Address peer;              ///< the node at the other end of the link
        Ipv6Address otherOnLink;       ///< another (absent) address on the link
    };

    /**
     * \brief Build the domain and register the MN: the simulation runs to t = 2 s.
     */
    void Build()
    {
        NodeContainer nodes;
        nodes.Create(4);
        Ptr<Node> dec = nodes.Get(0);
        Ptr<Node> lma = nodes.Get(1);
        Ptr<Node> mag = nodes.Get(2);
        Ptr<Node> mn = nodes.Get(3);
        Pmipv6Helper::InstallStack(nodes);

        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
        p2p.SetChannelAttribute("Delay", StringValue("1ms"));
        NetDeviceContainer decLma = p2p.Install(dec, lma);
        NetDeviceContainer lmaMag = p2p.Install(lma, mag);
        Ipv6AddressHelper address;
        address.SetBase(Ipv6Address("fd00:0:0:d::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer decIf = address.Assign(decLma);
        address.SetBase(Ipv6Address("fd00:0:0:1::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer magIf = address.Assign(lmaMag);
        decIf.SetForwarding(1, true);
        magIf.SetForwarding(0, true);
        magIf.SetForwarding(1, true);
        Ipv6StaticRoutingHelper routing;
        routing.GetStaticRouting(dec->GetObject<Ipv6>())
            ->SetDefaultRoute(decIf.GetAddress(1, 1), decIf.GetInterfaceIndex(0));
        routing.GetStaticRouting(mag->GetObject<Ipv6>())
            ->SetDefaultRoute(magIf.GetAddress(0, 1), magIf.GetInterfaceIndex(1));

        CsmaHelper csma;
        NetDeviceContainer access = csma.Install(NodeContainer(mag, mn));

        Ipv6Address lmaAddress = magIf.GetAddress(0, 1);
        Ipv6Address magAddress = magIf.GetAddress(1, 1);
        Pmipv6Helper pmip;
        pmip.SetPrefixPool(Ipv6Address("2001:1:1::"), 48);
        // a wide window: fuzzed PBUs get past the timestamp check into the binding logic
        pmip.SetLmaAttribute("TimestampValidityWindow", TimeValue(Seconds(1e7)));
        m_lma = pmip.InstallLma(lma, lmaAddress);
        m_mag = pmip.InstallMag(mag, magAddress, lmaAddress, NetDeviceContainer(access.Get(0)));
        pmip.AddMobileNode(MN_ID,
                           NetDeviceContainer(access.Get(1)),
                           lmaAddress,
                           {HomeNetworkPrefix{Ipv6Address("2001:1:1:1::"), 64}});
        MobilityStackHelper().Install(dec);

        Ptr<MobilityL4Protocol> decProto = dec->GetObject<MobilityL4Protocol>();
        for (const auto& sample : Samples())
        {
            // one handler per MH type (several samples share one)
            decProto->TryRegisterHandler(sample.message->GetMhType(),
                                         MakeCallback(&Domain::DecoderHandler, this));
        }

        // the MN attaches (its MN-ID is found in the profile by its link-layer address)
        void (Pmipv6MagApplication::*attach)(Ptr<NetDevice>, const Address&) =
            &Pmipv6MagApplication::NotifyAttach;
        Simulator::Schedule(Seconds(0.5),
                            attach,
                            m_mag,
                            access.Get(0),
                            access.Get(1)->GetAddress());
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        SetTarget(m_targets[0], dec, decLma.Get(0), decIf.GetAddress(0, 1), decIf.GetAddress(1, 1));
        SetTarget(m_targets[1], lma, lmaMag.Get(0), lmaAddress, magAddress);
        SetTarget(m_targets[2], mag, lmaMag.Get(1), magAddress, lmaAddress);
    }

    /**
     * \brief Run one input (see the file comment).
     * \param data the octets
     * \param size their number
     */
    void Run(const uint8_t* data, size_t size)
    {
        if (size < 1)
        {
            return;
        }
        uint8_t control = data[0];
        Bytes payload(data + 1, data + size);

        uint8_t which = control & 3;
        Target& t = m_targets[which == 3 ? 0 : which];
        Ipv6Address source;
        switch ((control >> 2) & 7)
        {
        case 1:
            source = t.otherOnLink;
            break;
        case 2:
            source = Ipv6Address("fd00:0:0:99::5");
            break;
        case 3:
            source = Ipv6Address("fe80::99");
            break;
        case 4:
            source = Ipv6Address::GetAny();
            break;
        case 5:
            source = Ipv6Address::GetAllNodesMulticast();
            break;
        case 6:
            source = t.own;
            break;
        default:
            source = t.peer;
            break;
        }
        Ipv6Address destination;
        switch ((control >> 5) & 3)
        {
        case 1:
            destination = Ipv6Address::GetAllNodesMulticast();
            break;
        case 2:
            destination = t.ownLinkLocal;
            break;
        default:
            destination = t.own;
            break;
        }
        bool keepChecksum = (control & 0x80) != 0;
        if (!keepChecksum && payload.size() >= 6)
        {
            payload[4] = 0;
            payload[5] = 0;
            uint16_t checksum = MobilityHeader::ComputeChecksum(source,
                                                                destination,
                                                                payload.data(),
                                                                payload.size());
            payload[4] = checksum >> 8;
            payload[5] = checksum & 0xff;
        }

        Ipv6Header ip;
        ip.SetSource(source);
        ip.SetDestination(destination);
        ip.SetNextHeader(MobilityL4Protocol::PROT_NUMBER);
        ip.SetPayloadLength(payload.size());
        ip.SetHopLimit(64);
        Ptr<Packet> packet = Create<Packet>(payload.data(), payload.size());

        uint64_t before = ReceiveCount(t.proto);
        uint64_t bindingErrors = t.proto->GetBindingErrorCount();
        IpL4Protocol::RxStatus status = t.proto->Receive(packet, ip, t.interface);
        FUZZ_CHECK(status == IpL4Protocol::RX_OK, "Receive returned " << status);
        // a Binding Error answering a message "from" the node itself is delivered back at once
        // (and counted: dropped, as nobody handles Binding Errors there)
        uint64_t loopedBack = source == t.own ? t.proto->GetBindingErrorCount() - bindingErrors : 0;
        FUZZ_CHECK(ReceiveCount(t.proto) == before + 1 + loopedBack,
                   "Receive counted the message " << ReceiveCount(t.proto) - before << " times");

        Simulator::Stop(MilliSeconds(20));
        Simulator::Run();
    }

    /**
     * \brief The LMA application.
     * \return the application
     */
    Ptr<Pmipv6LmaApplication> GetLma() const
    {
        return m_lma;
    }

    /**
     * \brief The MAG application.
     * \return the application
     */
    Ptr<Pmipv6MagApplication> GetMag() const
    {
        return m_mag;
    }

    /**
     * \brief Messages DEC decoded into a class.
     * \return the count
     */
    uint64_t GetDecodedCount() const
    {
        return m_decoded;
    }

  private:
    /**
     * \brief DEC's handler of every MH type.
     * \param p the message
     * \param ip its IPv6 header
     * \param interface the arrival interface
     */
    void DecoderHandler(Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface)
    {
        uint32_t size = p->GetSize();
        Bytes bytes(size);
        p->CopyData(bytes.data(), size);
        MobilityHeaderCommon common;
        FUZZ_CHECK(common.Read(bytes.data(), size),
                   "a " << size << "-octet message was dispatched");
        FUZZ_CHECK(common.payloadProto == mip6::IPPROTO_NONE_VALUE,
                   "Payload Proto " << +common.payloadProto << " dispatched");
        FUZZ_CHECK(common.GetTotalLength() <= size,
                   "Header Len " << common.GetTotalLength() << " over " << size << " dispatched");
        FUZZ_CHECK(MobilityHeader::ComputeChecksum(ip.GetSource(),
                                                   ip.GetDestination(),
                                                   bytes.data(),
                                                   size) == 0,
                   "a message with a bad checksum was dispatched");
        Ptr<MobilityL4Protocol> proto = m_targets[0].proto;
        uint32_t accepted = 0;
        for (const auto& sample : Samples())
        {
            if (sample.message->GetMhType() != common.mhType)
            {
                continue;
            }
            std::shared_ptr<MobilityHeader> h = sample.empty();
            if (proto->Decode(p, ip, *h))
            {
                accepted++;
                CheckMessageRoundTrip(sample, *h);
            }
        }
        FUZZ_CHECK(accepted <= 1, "MH type " << +common.mhType << " decoded as " << accepted);
        m_decoded += accepted;
    }

    /**
     * \brief Messages counted by a protocol's Receive: dispatched plus receive-time drops.
     * \param proto the protocol
     * \return the count
     */
    static uint64_t ReceiveCount(Ptr<MobilityL4Protocol> proto)
    {
        return proto->GetRxCount() + proto->GetDropCount(MobilityL4Protocol::DROP_TRUNCATED) +
               proto->GetDropCount(MobilityL4Protocol::DROP_PAYLOAD_PROTO) +
               proto->GetDropCount(MobilityL4Protocol::DROP_BAD_CHECKSUM) +
               proto->GetDropCount(MobilityL4Protocol::DROP_UNKNOWN_TYPE);
    }

    /**
     * \brief Fill in a target from the node's IPv6 interface on a device.
     * \param t the target
     * \param node the node
     * \param device its device on the arrival link
     * \param own its global address there
     * \param peer the peer's address
     */
    static void SetTarget(Target& t,
                          Ptr<Node> node,
                          Ptr<NetDevice> device,
                          Ipv6Address own,
                          Ipv6Address peer)
    {
        Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
        int32_t index = ipv6->GetInterfaceForDevice(device);
        NS_ABORT_IF(index < 0);
        t.node = node;
        t.proto = node->GetObject<MobilityL4Protocol>();
        NS_ABORT_IF(!t.proto);
        t.interface = ipv6->GetInterface(index);
        t.own = own;
        t.peer = peer;
        for (uint32_t a = 0; a < ipv6->GetNAddresses(index); ++a)
        {
            if (ipv6->GetAddress(index, a).GetAddress().IsLinkLocal())
            {
                t.ownLinkLocal = ipv6->GetAddress(index, a).GetAddress();
            }
        }
        uint8_t raw[16];
        own.GetBytes(raw);
        raw[15] = 0x77;
        t.otherOnLink = Ipv6Address(raw);
    }

    Target m_targets[3];             ///< DEC, LMA, MAG
    Ptr<Pmipv6LmaApplication> m_lma; ///< the LMA
    Ptr<Pmipv6MagApplication> m_mag; ///< the MAG
    uint64_t m_decoded{0};           ///< messages DEC decoded into a class
};

/**
 * \brief The control octet of a seed.
 * \param target 0 DEC, 1 LMA, 2 MAG
 * \param source source choice
 * \return the octet (destination: the node's address; checksum fixed)
 */
inline uint8_t
Control(uint8_t target, uint8_t source = 0)
{
    return static_cast<uint8_t>(target | (source << 2));
}

/**
 * \brief The seeds.
 * \return the seeds
 */
inline Seeds
MakeSeeds()
{
    Seeds seeds;
    auto add = [&seeds](const std::string& name, uint8_t control, const Bytes& message) {
        Bytes seed{control};
        seed.insert(seed.end(), message.begin(), message.end());
        seeds.emplace_back(name, seed);
    };
    for (const auto& s : Samples())
    {
        Bytes message = SerializeHeader(*s.message);
        add("dec-" + s.name, Control(0), message);
        uint8_t type = s.message->GetMhType();
        if (s.name == "PBU" || s.name == "BRA")
        {
            add("lma-" + s.name, Control(1), message);
            add("lma-" + s.name + "-other-mag", Control(1, 1), message);
        }
        else if (s.name == "PBA" || s.name == "BRI")
        {
            add("mag-" + s.name, Control(2), message);
        }
        else if (type == mip6::MH_BINDING_ERROR || type == mip6::MH_LOCALIZED_ROUTING_INIT)
        {
            add("lma-" + s.name, Control(1), message);
            add("mag-" + s.name, Control(2), message);
        }
    }
    return seeds;
}

} // namespace l4receive
} // namespace pmipv6fuzz

#endif /* PMIPV6_MOBILITY_L4_RECEIVE_TARGET_H */

/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Every Mobility Header message the module knows, on the wire.
 *
 *      A ---------- B        (point-to-point, IPv6, Mobility Header protocol on both)
 *
 * A sends one message of each type (standard and draft, with every option class) to B. B
 * receives each through its MobilityL4Protocol (checksum verified on receipt), decodes it into
 * the right class, serializes it again and compares the octets. Prints a table; with --pcap=1
 * writes pmipv6-codec-showcase-*.pcap for Wireshark / tshark. Exits non-zero on any mismatch.
 */

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"
#include "ns3/point-to-point-module.h"

#include <fstream>
#include <iomanip>
#include <iostream>

using namespace ns3;

namespace
{

/// What B received, in arrival order.
struct Received
{
    std::vector<std::vector<uint8_t>> messages; ///< the octets of each message
    Ipv6Address src;                            ///< their source

    /**
     * \brief A MobilityL4Protocol handler.
     * \param p the message
     * \param ip its IPv6 header
     * \param interface the arrival interface
     */
    void Handle(Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface)
    {
        std::vector<uint8_t> bytes(p->GetSize());
        p->CopyData(bytes.data(), bytes.size());
        messages.push_back(bytes);
        src = ip.GetSource();
    }
};

/**
 * \brief The octets of a message serialized with a checksum.
 * \param h the message
 * \param src pseudo-header source
 * \param dst pseudo-header destination
 * \return the octets
 */
std::vector<uint8_t>
Serialize(MobilityHeader& h, Ipv6Address src, Ipv6Address dst)
{
    h.EnableChecksum(src, dst);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    std::vector<uint8_t> bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    return bytes;
}

} // namespace

int
main(int argc, char* argv[])
{
    bool pcap = false;
    bool verbose = false;
    std::string output;
    CommandLine cmd(__FILE__);
    cmd.AddValue("pcap", "Write pcap files into the current directory", pcap);
    cmd.AddValue("verbose", "Print every decoded message", verbose);
    cmd.AddValue("output", "Also write the table as CSV to this file", output);
    cmd.Parse(argc, argv);

    NodeContainer nodes;
    nodes.Create(2);
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    stack.Install(nodes);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("1ms"));
    NetDeviceContainer devices = p2p.Install(nodes);
    Ipv6AddressHelper address;
    address.SetBase(Ipv6Address("fd00:0:0:1::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer interfaces = address.Assign(devices);
    MobilityStackHelper mobility;
    mobility.Install(nodes);
    Ptr<MobilityL4Protocol> a = MobilityStackHelper::Get(nodes.Get(0));
    Ptr<MobilityL4Protocol> b = MobilityStackHelper::Get(nodes.Get(1));
    Ipv6Address addrA = interfaces.GetAddress(0, 1);
    Ipv6Address addrB = interfaces.GetAddress(1, 1);

    std::vector<MobilityMessageSample> samples = MakeMobilityMessageSamples();
    Received received;
    for (const auto& s : samples)
    {
        // One handler per MH type (several samples share a type: BRI and BRA are both 16).
        b->TryRegisterHandler(s.message->GetMhType(), MakeCallback(&Received::Handle, &received));
    }
    std::vector<std::vector<uint8_t>> sent;
    for (size_t k = 0; k < samples.size(); ++k)
    {
        sent.push_back(Serialize(*samples[k].message, addrA, addrB));
        Simulator::Schedule(Seconds(2) + MilliSeconds(10 * k),
                            [&, k]() { a->Send(*samples[k].message, addrA, addrB); });
    }
    if (pcap)
    {
        p2p.EnablePcapAll("pmipv6-codec-showcase");
    }
    Simulator::Run();

    uint32_t failures = 0;
    std::ostringstream csv;
    csv << "message,mh_type,octets,checksum_ok,decoded,identical\n";
    std::cout << std::left << std::setw(18) << "message" << std::setw(9) << "MH type"
              << std::setw(8) << "octets" << std::setw(10) << "checksum" << std::setw(9)
              << "decoded"
              << "identical\n";
    for (size_t k = 0; k < samples.size(); ++k)
    {
        const MobilityMessageSample& s = samples[k];
        bool arrived = k < received.messages.size();
        const std::vector<uint8_t> empty;
        const std::vector<uint8_t>& bytes = arrived ? received.messages[k] : empty;
        bool checksumOk =
            arrived &&
            MobilityHeader::ComputeChecksum(addrA, addrB, bytes.data(), bytes.size()) == 0;
        std::shared_ptr<MobilityHeader> decoded = s.empty();
        Ptr<Packet> p = Create<Packet>(bytes.data(), bytes.size());
        bool decodedOk = arrived && p->RemoveHeader(*decoded) == bytes.size() && decoded->IsValid();
        bool identical =
            decodedOk && Serialize(*decoded, addrA, addrB) == sent[k] && bytes == sent[k];
        failures += (checksumOk && decodedOk && identical) ? 0 : 1;
        std::cout << std::setw(18) << s.name << std::setw(9) << +s.message->GetMhType()
                  << std::setw(8) << bytes.size() << std::setw(10) << (checksumOk ? "ok" : "BAD")
                  << std::setw(9) << (decodedOk ? "ok" : "BAD") << (identical ? "yes" : "NO")
                  << "\n";
        if (verbose && decodedOk)
        {
            std::cout << "    ";
            decoded->Print(std::cout);
            std::cout << "\n";
        }
        csv << s.name << "," << +s.message->GetMhType() << "," << bytes.size() << "," << checksumOk
            << "," << decodedOk << "," << identical << "\n";
    }
    std::cout << samples.size() << " messages, " << received.messages.size() << " received, "
              << failures
              << " failed; drops at B: " << b->GetDropCount(MobilityL4Protocol::DROP_BAD_CHECKSUM)
              << " bad checksum" << std::endl;
    if (!output.empty())
    {
        std::ofstream(output) << csv.str();
    }
    Simulator::Destroy();
    return failures == 0 ? 0 : 1;
}

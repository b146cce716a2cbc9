/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A dual-stack mobile node handing over between two MAGs (RFC 5213 with RFC 5844 IPv4 home
 * address mobility), IPv4 and IPv6 flows both kept.
 *
 *      CN ---- LMA ---- MAG1 ==csma A== MN (logical interface over two devices)
 *   (IPv4       \                      //
 *   and IPv6)    +----- MAG2 ==csma B=+
 *
 * The MAG-LMA transport is IPv6 (--transport=v6): the MN's IPv4 packets cross it as
 * IPv4-in-IPv6 (next header 4) in the same tunnels as its IPv6 packets. The LMA assigns the
 * IPv4 home address (its pool 10.100.0.0/16, default router 10.100.0.1); each MAG is the
 * MN's IPv4 default router and configures the MN with the address the PBA gave (a static
 * configuration standing in for DHCP, see Pmipv6Helper::EnableIpv4MobileNode).
 *
 * Four UDP flows (IPv4 up/down, IPv6 up/down, one datagram every --interval); at
 * --handoverTime the MN leaves MAG1 and --linkSwitchDelay later attaches at MAG2. Printed:
 * the MN's addresses before and after, each flow's interruption (largest gap between
 * arrivals) and losses, from the sinks' traces. Exits 1 when an address changed or a flow
 * did not survive the handover. --pcap=1 writes pmipv6-ipv4-*.pcap.
 *
 * --transport=v4: the same over an IPv4-only MAG-LMA network (RFC 5844 4).
 *
 * --dhcp=1: the MN gets its IPv4 home address by DHCP from the MAG it is on (RFC 5844 3.4.1:
 * each MAG's MagDhcpServer answers with the address of the MN's binding, ns-3's DhcpClient on
 * the MN, started 1 ms after the first attachment, so that its DISCOVER waits at MAG1 for the
 * PBA); --lease sets the servers' lease (0: the binding lifetime), and the DHCP replies of
 * each MAG are printed. The address must stay the same over the handover, as without DHCP.
 */

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-module.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6Ipv4Example");

namespace
{

/// UDP port of the first flow (flow f uses PORT + f).
constexpr uint16_t PORT = 9000;

/// One UDP flow: what was sent, when datagrams arrived.
struct Flow
{
    std::string name;           ///< e.g. "IPv4 uplink"
    uint32_t sent{0};           ///< datagrams sent
    std::vector<Time> arrivals; ///< arrival times

    /**
     * \brief Socket receive callback.
     * \param socket the socket
     */
    void Receive(Ptr<Socket> socket)
    {
        while (socket->Recv())
        {
            arrivals.push_back(Simulator::Now());
        }
    }

    /**
     * \brief The largest gap between two arrivals after \p from.
     * \param from the start (the handover)
     * \return the gap (0 when fewer than two arrivals)
     */
    Time Interruption(Time from) const
    {
        Time gap;
        Time last = from;
        for (Time t : arrivals)
        {
            if (t < from)
            {
                continue;
            }
            gap = std::max(gap, t - last);
            last = t;
        }
        return gap;
    }

    /**
     * \brief Arrivals after a time.
     * \param from the time
     * \return the count
     */
    uint32_t ArrivalsAfter(Time from) const
    {
        uint32_t n = 0;
        for (Time t : arrivals)
        {
            n += t >= from ? 1 : 0;
        }
        return n;
    }
};

/// A destination looked up at each send (the MN's IPv6 home address appears after the RA).
typedef Callback<Address> DestinationFn;

/**
 * \brief Send one datagram (when the destination is known), then schedule the next.
 * \param socket the socket
 * \param flow the flow
 * \param destination where to
 * \param interval the period
 * \param stop when to stop
 */
void
SendPeriodic(Ptr<Socket> socket, Flow* flow, DestinationFn destination, Time interval, Time stop)
{
    Address to = destination();
    if (!to.IsInvalid())
    {
        socket->SendTo(Create<Packet>(200), 0, to);
        flow->sent++;
    }
    if (Simulator::Now() + interval < stop)
    {
        Simulator::Schedule(interval, &SendPeriodic, socket, flow, destination, interval, stop);
    }
}

/**
 * \brief The MN's IPv4 address on its logical interface.
 * \param d the domain
 * \return the address, or 0.0.0.0
 */
Ipv4Address
MnIpv4Address(Pmipv6DualAccessDomain* d)
{
    Ptr<Ipv4> ipv4 = d->mn.Get(0)->GetObject<Ipv4>();
    int32_t i = ipv4->GetInterfaceForDevice(d->lif);
    for (uint32_t a = 0; i >= 0 && a < ipv4->GetNAddresses(i); ++a)
    {
        // DHCP: the client's 0.0.0.0 until its first ACK
        if (ipv4->GetAddress(i, a).GetLocal() != Ipv4Address::GetAny())
        {
            return ipv4->GetAddress(i, a).GetLocal();
        }
    }
    return Ipv4Address::GetAny();
}

/**
 * \brief The MN's global IPv6 address on its logical interface.
 * \param d the domain
 * \return the address, or ::
 */
Ipv6Address
MnIpv6Address(Pmipv6DualAccessDomain* d)
{
    Ptr<Ipv6> ipv6 = d->mn.Get(0)->GetObject<Ipv6>();
    int32_t i = ipv6->GetInterfaceForDevice(d->lif);
    for (uint32_t a = 0; i >= 0 && a < ipv6->GetNAddresses(i); ++a)
    {
        Ipv6Address address = ipv6->GetAddress(i, a).GetAddress();
        if (!address.IsLinkLocal() && !address.IsLocalhost())
        {
            return address;
        }
    }
    return Ipv6Address::GetAny();
}

/**
 * \brief The MN's IPv4 flow destination.
 * \param d the domain
 * \param port the port
 * \return the socket address, invalid while the MN has none
 */
Address
MnIpv4Destination(Pmipv6DualAccessDomain* d, uint16_t port)
{
    Ipv4Address a = MnIpv4Address(d);
    return a == Ipv4Address::GetAny() ? Address() : Address(InetSocketAddress(a, port));
}

/**
 * \brief The MN's IPv6 flow destination.
 * \param d the domain
 * \param port the port
 * \return the socket address, invalid while the MN has none
 */
Address
MnIpv6Destination(Pmipv6DualAccessDomain* d, uint16_t port)
{
    Ipv6Address a = MnIpv6Address(d);
    return a.IsAny() ? Address() : Address(Inet6SocketAddress(a, port));
}

/**
 * \brief A fixed destination.
 * \param to the address
 * \return \p to
 */
Address
Fixed(Address to)
{
    return to;
}

/// The MN's addresses at one time.
struct Addresses
{
    Ipv4Address v4; ///< IPv4 home address
    Ipv6Address v6; ///< IPv6 home address
};

/**
 * \brief Record the MN's addresses.
 * \param d the domain
 * \param out where
 */
void
TakeAddresses(Pmipv6DualAccessDomain* d, Addresses* out)
{
    out->v4 = MnIpv4Address(d);
    out->v6 = MnIpv6Address(d);
}

} // namespace

int
main(int argc, char* argv[])
{
    double simTime = 8.0;
    double handoverTime = 4.0;
    double linkSwitchDelay = 0.05;
    double interval = 0.02;
    std::string transport = "v6";
    bool pcap = false;
    bool dhcp = false;
    double lease = 0;

    CommandLine cmd(__FILE__);
    cmd.AddValue("simTime", "Simulated time (s)", simTime);
    cmd.AddValue("handoverTime", "When the MN leaves MAG1 (s)", handoverTime);
    cmd.AddValue("linkSwitchDelay",
                 "Time between leaving MAG1 and attaching at MAG2 (s)",
                 linkSwitchDelay);
    cmd.AddValue("interval", "Period of each flow's datagrams (s)", interval);
    cmd.AddValue("transport",
                 "MAG-LMA transport: v6, or v4 (IPv4-only network, RFC 5844 4)",
                 transport);
    cmd.AddValue("pcap", "Write pcap traces (pmipv6-ipv4-*.pcap)", pcap);
    cmd.AddValue("dhcp",
                 "The MN gets its IPv4 address by DHCP from the MAG (RFC 5844 3.4.1)",
                 dhcp);
    cmd.AddValue("lease", "--dhcp=1: the MAGs' DHCP lease (s); 0: the binding lifetime", lease);
    cmd.Parse(argc, argv);

    if (transport != "v6" && transport != "v4")
    {
        std::cerr << "--transport=" << transport << ": use v6 (IPv6 MAG-LMA network) or v4 "
                  << "(IPv4-only MAG-LMA network, RFC 5844 section 4)\n";
        return 2;
    }
    bool v4Transport = transport == "v4";
    if (v4Transport)
    {
        // tshark and real stacks check the IPv4 and UDP checksums of the transport
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
    }

    RngSeedManager::SetSeed(1);
    Pmipv6DualAccessDomain d("mn@ipv4.example",
                             Pmipv6DualAccessDomain::CSMA_FIRST_ACCESS,
                             true,
                             v4Transport);
    d.pmip.EnableIpv4(d.lmaApp);
    d.pmip.EnableIpv4(d.magApp[0]);
    d.pmip.EnableIpv4(d.magApp[1]);
    d.pmip.EnableIpv4MobileNode(d.mnId, d.lif, dhcp, Seconds(0.501));
    Ptr<MagDhcpServer> servers[2] = {d.magApp[0]->GetExtension<MagDhcpServer>(),
                                     d.magApp[1]->GetExtension<MagDhcpServer>()};
    for (const auto& server : servers)
    {
        server->SetAttribute("LeaseTime", TimeValue(Seconds(lease)));
    }
    if (pcap)
    {
        d.EnablePcap("pmipv6-ipv4");
    }

    Ptr<Node> cn = d.cn.Get(0);
    Ptr<Node> mn = d.mn.Get(0);
    TypeId udp = UdpSocketFactory::GetTypeId();
    Flow flows[4] = {{"IPv4 uplink"}, {"IPv4 downlink"}, {"IPv6 uplink"}, {"IPv6 downlink"}};
    // receivers: flow 0 and 2 at the CN, 1 and 3 at the MN
    Ptr<Socket> sinks[4];
    Ptr<Socket> sources[4];
    for (uint32_t f = 0; f < 4; ++f)
    {
        bool v4 = f < 2;
        bool uplink = f % 2 == 0;
        Ptr<Node> sink = uplink ? cn : mn;
        Ptr<Node> source = uplink ? mn : cn;
        sinks[f] = Socket::CreateSocket(sink, udp);
        sources[f] = Socket::CreateSocket(source, udp);
        if (v4)
        {
            sinks[f]->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT + f));
        }
        else
        {
            sinks[f]->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), PORT + f));
        }
        sinks[f]->SetRecvCallback(MakeCallback(&Flow::Receive, &flows[f]));
    }
    // the sinks' ports differ per flow: PORT + f
    DestinationFn to[4] = {
        MakeBoundCallback(&Fixed, Address(InetSocketAddress(d.cnIpv4Address, PORT + 0))),
        MakeBoundCallback(&MnIpv4Destination, &d, static_cast<uint16_t>(PORT + 1)),
        MakeBoundCallback(&Fixed, Address(Inet6SocketAddress(d.cnAddress, PORT + 2))),
        MakeBoundCallback(&MnIpv6Destination, &d, static_cast<uint16_t>(PORT + 3)),
    };
    Time start = Seconds(1);
    Time stop = Seconds(simTime - 0.5);
    for (uint32_t f = 0; f < 4; ++f)
    {
        Ptr<Node> source = f % 2 == 0 ? mn : cn;
        Simulator::ScheduleWithContext(source->GetId(),
                                       start + MilliSeconds(5 * f),
                                       &SendPeriodic,
                                       sources[f],
                                       &flows[f],
                                       to[f],
                                       Seconds(interval),
                                       stop);
    }

    Time handover = Seconds(handoverTime);
    Addresses before;
    Addresses after;
    Simulator::Schedule(Seconds(0.5), &Pmipv6DualAccessDomain::Attach, &d, 0, 1);
    Simulator::Schedule(handover - MilliSeconds(1), &TakeAddresses, &d, &before);
    Simulator::Schedule(handover, &Pmipv6DualAccessDomain::Detach, &d, 0);
    Simulator::Schedule(handover + Seconds(linkSwitchDelay),
                        &Pmipv6DualAccessDomain::Attach,
                        &d,
                        1,
                        2);
    Simulator::Schedule(stop, &TakeAddresses, &d, &after);
    Simulator::Stop(Seconds(simTime));
    Simulator::Run();

    bool ok = true;
    std::cout << "MN addresses before the handover: " << before.v4 << "  " << before.v6 << "\n"
              << "MN addresses after the handover:  " << after.v4 << "  " << after.v6 << "\n";
    if (before.v4 == Ipv4Address::GetAny() || before.v4 != after.v4 || before.v6.IsAny() ||
        before.v6 != after.v6)
    {
        std::cout << "FAIL: an address is missing or changed\n";
        ok = false;
    }
    if (dhcp)
    {
        for (uint32_t k = 0; k < 2; ++k)
        {
            std::cout << "DHCP at MAG" << k + 1 << ": " << servers[k]->GetOfferCount() << " OFFER, "
                      << servers[k]->GetAckCount() << " ACK, " << servers[k]->GetNakCount()
                      << " NAK, " << servers[k]->GetHeldCount() << " held until the PBA, "
                      << servers[k]->GetDropCount() << " dropped\n";
        }
        if (servers[0]->GetAckCount() == 0)
        {
            std::cout << "FAIL: MAG1 acknowledged no DHCP request\n";
            ok = false;
        }
    }
    std::cout << std::fixed << std::setprecision(1);
    for (const Flow& flow : flows)
    {
        uint32_t received = flow.arrivals.size();
        uint32_t afterHandover = flow.ArrivalsAfter(handover + Seconds(linkSwitchDelay));
        std::cout << std::setw(14) << flow.name << ": sent " << flow.sent << ", received "
                  << received << ", lost " << flow.sent - received << ", interruption "
                  << flow.Interruption(handover - Seconds(interval)).GetMicroSeconds() / 1000.0
                  << " ms, " << afterHandover << " after the handover\n";
        if (received == 0 || afterHandover == 0)
        {
            std::cout << "FAIL: " << flow.name << " did not survive the handover\n";
            ok = false;
        }
    }
    if (v4Transport)
    {
        // what crossed the IPv4 transport (counted at each end's Pmipv6Ipv4Transport)
        Ptr<Pmipv6Ipv4Transport> lmaTransport = d.lma.Get(0)->GetObject<Pmipv6Ipv4Transport>();
        std::cout << "IPv4 transport: LMA sent "
                  << lmaTransport->GetSentCount(Pmipv6Ipv4Transport::KIND_SIGNALLING)
                  << " signalling (IPv4/UDP 5436/IPv6/MH) and "
                  << lmaTransport->GetSentCount(Pmipv6Ipv4Transport::KIND_DATA_IP)
                  << " data packets (IPv4 protocol 41 / 4), received "
                  << lmaTransport->GetReceivedCount(Pmipv6Ipv4Transport::KIND_SIGNALLING)
                  << " signalling and "
                  << lmaTransport->GetReceivedCount(Pmipv6Ipv4Transport::KIND_DATA_IP)
                  << " data packets, dropped "
                  << lmaTransport->GetDropCount(Pmipv6Ipv4Transport::DROP_MALFORMED)
                  << " malformed\n";
        Ptr<BindingCacheEntry> entry;
        for (const auto& e : d.lmaApp->GetBindingCache()->FindByMnId(d.mnId))
        {
            entry = e->proxyCoa == d.proxyCoa[1] ? e : entry;
        }
        if (!entry)
        {
            std::cout << "FAIL: the LMA has no binding of " << d.mnId << " at MAG2\n";
            ok = false;
        }
        else
        {
            std::cout << "LMA binding cache: " << d.mnId << " at Proxy-CoA " << entry->proxyCoa
                      << ", IPv4-Proxy-CoA " << entry->ipv4ProxyCoa << " (outer "
                      << entry->ipv4TransportAddress << ":" << entry->ipv4TransportPort << ", "
                      << (entry->ipv4UdpEncapsulation ? "UDP" : "IP in IPv4") << ")\n";
            if (entry->ipv4ProxyCoa != d.ipv4ProxyCoa[1])
            {
                std::cout << "FAIL: the binding is not on MAG2's IPv4-Proxy-CoA\n";
                ok = false;
            }
        }
    }
    Simulator::Destroy();
    return ok ? 0 : 1;
}

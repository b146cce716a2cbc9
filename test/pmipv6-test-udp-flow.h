/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_TEST_UDP_FLOW_H
#define PMIPV6_TEST_UDP_FLOW_H

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/network-module.h"

#include <limits>

/**
 * \file
 * \brief The probe flow several suites use: UDP, 200 octets every 50 ms.
 */

namespace ns3
{
namespace pmipv6test
{

/**
 * \brief A UDP flow of one 200-octet packet every 50 ms, with a UdpServer at the receiver.
 * \param from sender
 * \param to receiver address (IPv6 or IPv4)
 * \param sinkNode receiver
 * \param port port
 * \param start start time
 * \param stop stop time
 * \return the server application
 */
inline Ptr<UdpServer>
UdpFlow(Ptr<Node> from, Address to, Ptr<Node> sinkNode, uint16_t port, Time start, Time stop)
{
    ApplicationContainer server = UdpServerHelper(port).Install(sinkNode);
    UdpClientHelper client(to, port);
    client.SetAttribute("Interval", TimeValue(MilliSeconds(50)));
    client.SetAttribute("PacketSize", UintegerValue(200));
    client.SetAttribute("MaxPackets", UintegerValue(std::numeric_limits<uint32_t>::max()));
    ApplicationContainer app = client.Install(from);
    app.Start(start);
    app.Stop(stop);
    return DynamicCast<UdpServer>(server.Get(0));
}

} // namespace pmipv6test
} // namespace ns3

#endif // PMIPV6_TEST_UDP_FLOW_H

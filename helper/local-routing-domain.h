/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LOCAL_ROUTING_DOMAIN_H
#define PMIPV6_LOCAL_ROUTING_DOMAIN_H

#include "pmipv6-topology-helper.h"

#include "ns3/lma-local-routing-extension.h"
#include "ns3/lma-prefix-directory.h"
#include "ns3/mag-local-routing-extension.h"
#include "ns3/nstime.h"
#include "ns3/socket.h"

#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief A PMIPv6 domain for local routing optimization (draft-wu-netext-local-ro-02): one LMA
 * behind a core router, \p nMags MAGs ("mag1", "mag2", ...) one hop from the router, CSMA access
 * links, a LmaLocalRoutingExtension on the LMA and a MagLocalRoutingExtension on every MAG;
 * and probe flows between mobile nodes that record, per packet, the delay and the number of IP
 * hops that forwarded it (from the received hop limit), so that the path (through the LMA or
 * MAG-MAG) is visible.
 *
 *        lma
 *         | LmaRouterDelay
 *         r
 *       / | \   MagRouterDelay
 *   mag1 mag2 mag3
 *
 * Path of a packet between MNs at mag1 and mag2: through the LMA, 3 forwarding hops (mag1, lma,
 * mag2) and 2 * (LmaRouterDelay + MagRouterDelay); locally, 2 hops (mag1, mag2) and
 * 2 * MagRouterDelay; intra-MAG, 1 hop.
 *
 * With \p nLmas >= 2 (inter-LMA, draft 7 and Appendix A.2) the LMAs are "lma1", "lma2", ...,
 * each linked to the router by LmaRouterDelay; MAG i is served by LMA ((i - 1) mod nLmas) + 1
 * (mag1 by lma1, mag2 by lma2, ...), and every LMA extension shares one LmaPrefixDirectory with
 * each LMA's home network prefix block (its PeerDirectory). A packet between MNs at mag1 and
 * mag2 then takes 5 forwarding hops through both LMAs (mag1, lma1, r, lma2, mag2), 2 MAG-MAG.
 *
 * Attributes of the extensions are set as usual (Config::SetDefault before Build(), or on the
 * objects GetLmaExtension() / GetMagExtension() return, before the simulation starts).
 */
class Pmipv6LocalRoutingDomain
{
  public:
    /// One received probe packet.
    struct Sample
    {
        uint32_t sequence; ///< its sequence number in the flow
        Time sent;         ///< when it was sent
        Time received;     ///< when it arrived
        uint32_t hops;     ///< IP nodes that forwarded it (64 - received hop limit)
    };

    /**
     * \brief The domain (built at once).
     * \param nMags the number of MAGs (1 to 9)
     * \param lmaRouterDelay delay of the LMA - router link
     * \param magRouterDelay delay of each router - MAG link
     * \param nLmas the number of LMAs (1: "lma"; 2 to 9: "lma1", "lma2", ...)
     * \param ip the mobile nodes' IP: "v6" (IPv6 only), "dual" (IPv6 and an IPv4 home address
     *        from the LMA, RFC 5844; the domain gets IPv4) or "v4" (Pmipv6TopologyHelper::
     *        SetMobileNodeIp)
     * \param transport the MAG-LMA network: "v6", or "v4" (RFC 5844 4: signalling in IPv4 /
     *        UDP, tunnels in IPv4; the MAG-MAG signalling and tunnels too)
     */
    Pmipv6LocalRoutingDomain(uint32_t nMags = 3,
                             Time lmaRouterDelay = MilliSeconds(10),
                             Time magRouterDelay = MilliSeconds(2),
                             uint32_t nLmas = 1,
                             const std::string& ip = "v6",
                             const std::string& transport = "v6");
    ~Pmipv6LocalRoutingDomain();

    /**
     * \brief The topology.
     * \return the helper that built it
     */
    Pmipv6TopologyHelper& GetTopology();

    /**
     * \brief The LMA's local routing extension.
     * \return the extension
     */
    Ptr<LmaLocalRoutingExtension> GetLmaExtension() const;

    /**
     * \brief An LMA's local routing extension.
     * \param lma its name ("lma", or "lma1", "lma2", ... with several LMAs)
     * \return the extension
     */
    Ptr<LmaLocalRoutingExtension> GetLmaExtension(const std::string& lma) const;

    /**
     * \brief The names of the LMAs.
     * \return "lma", or "lma1", "lma2", ...
     */
    std::vector<std::string> GetLmaNames() const;

    /**
     * \brief The prefix directory the LMAs share (with several LMAs).
     * \return the directory (null with one LMA)
     */
    Ptr<LmaPrefixDirectory> GetPeerDirectory() const;

    /**
     * \brief A MAG's local routing extension.
     * \param mag its name ("mag1", ...)
     * \return the extension
     */
    Ptr<MagLocalRoutingExtension> GetMagExtension(const std::string& mag) const;

    /**
     * \brief Add a mobile node (Pmipv6TopologyHelper::AddMobileNode).
     * \param mnId its identifier
     * \param mag the MAG it attaches to first
     * \param at when
     */
    void AddMobileNode(const std::string& mnId, const std::string& mag, Time at);

    /**
     * \brief Start a probe flow of UDP packets from one mobile node to another.
     * \param from the sender
     * \param to the receiver
     * \param start first packet
     * \param stop no packet from then on
     * \param interval between packets
     * \return the flow's index
     */
    uint32_t AddFlow(const std::string& from,
                     const std::string& to,
                     Time start,
                     Time stop,
                     Time interval);

    /**
     * \brief Start a probe flow of IPv4 UDP packets from one mobile node's IPv4 home address
     * to another's (the domain built with ip "dual" or "v4"). The destination is the
     * receiver's IPv4 home address at the LMA when each packet is sent (none is sent before
     * the receiver has one). Sample::hops is 64 - the received TTL.
     * \param from the sender
     * \param to the receiver
     * \param start first packet
     * \param stop no packet from then on
     * \param interval between packets
     * \return the flow's index (the same numbering as AddFlow)
     */
    uint32_t AddIpv4Flow(const std::string& from,
                         const std::string& to,
                         Time start,
                         Time stop,
                         Time interval);

    /**
     * \brief The packets of a flow received so far.
     * \param flow the flow's index
     * \return the samples, in order of arrival
     */
    const std::vector<Sample>& GetSamples(uint32_t flow) const;

    /**
     * \brief The packets a flow sent so far.
     * \param flow the flow's index
     * \return the count
     */
    uint32_t GetSentCount(uint32_t flow) const;

  private:
    struct Flow;

    /**
     * \brief Send the next packet of a flow.
     * \param flow the flow
     */
    static void Send(std::shared_ptr<Flow> flow);
    /**
     * \brief A probe packet arrived.
     * \param flow the flow
     * \param socket the receiving socket
     */
    static void Receive(std::shared_ptr<Flow> flow, Ptr<Socket> socket);

    Pmipv6TopologyHelper m_topology;            ///< the domain
    std::vector<std::shared_ptr<Flow>> m_flows; ///< probe flows
    uint16_t m_nextPort;                        ///< next receiver port
    Ptr<LmaPrefixDirectory> m_directory;        ///< inter-LMA prefix table (several LMAs)
};

} // namespace ns3

#endif /* PMIPV6_LOCAL_ROUTING_DOMAIN_H */

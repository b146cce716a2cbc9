/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_IPV4_TRANSPORT_EXTENSION_H
#define PMIPV6_LMA_IPV4_TRANSPORT_EXTENSION_H

#include "pmipv6-lma-extension.h"

#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <string>
#include <unordered_map>

namespace ns3
{

class Pmipv6Ipv4Transport;

/**
 * \ingroup pmipv6
 * \brief The LMA side of the IPv4 transport (RFC 5844 4.1): for a PBU that came over IPv4
 * (IPv4 / UDP 5436 / IPv6 / PBU, through the node's Pmipv6Ipv4Transport), binds the MN to the
 * IPv4-Proxy-CoA of the PBU's IPv4 Care-of Address option and detects a NAT by comparing that
 * address with the PBU's outer IPv4 source (RFC 5555 NAT detection).
 *
 * On every accepted registration the binding cache entry gets the IPv4-Proxy-CoA
 * (BindingCacheEntry::ipv4ProxyCoa), the outer source address and port
 * (ipv4TransportAddress, ipv4TransportPort) and whether the data tunnel runs in UDP
 * (ipv4UdpEncapsulation: a NAT was detected or the PBU's F flag forced it); the transport's
 * peer for that MAG switches accordingly. The PBA carries a NAT Detection option when a NAT
 * was detected (F set when the PBU forced UDP; Refresh time "NatRefreshTime").
 *
 * A PBU over IPv4 without an IPv4 Care-of Address option is accepted with the outer source as
 * the IPv4-Proxy-CoA (no NAT detection is possible then); a PBU over IPv6 is left alone.
 */
class LmaIpv4TransportExtension : public Pmipv6LmaExtension
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LmaIpv4TransportExtension();
    ~LmaIpv4TransportExtension() override;

    uint8_t CheckPbu(const ProxyBindingRequest& req) override;
    void NotifyBinding(BindingEvent event,
                       Ptr<BindingCacheEntry> entry,
                       Ipv6Address previousProxyCoa) override;
    void AddPbaOptions(BindingAckHeader& pba,
                       const ProxyBindingRequest& req,
                       Ptr<const BindingCacheEntry> entry) override;

    /**
     * \brief TracedCallback signature for a NAT detection.
     * \param mnId the MN whose PBU showed it
     * \param ipv4ProxyCoa the IPv4 Care-of Address option's address
     * \param outerSource the PBU's outer IPv4 source
     */
    typedef void (*NatTracedCallback)(const std::string& mnId,
                                      Ipv4Address ipv4ProxyCoa,
                                      Ipv4Address outerSource);

  protected:
    void DoDispose() override;
    void DoStart() override;

  private:
    /// What CheckPbu() saw of one MN's last PBU over IPv4.
    struct Seen
    {
        uint16_t sequence{0};     ///< the PBU's sequence number
        Ipv4Address ipv4ProxyCoa; ///< the IPv4 Care-of Address option (else outer source)
        Ipv4Address outerSource;  ///< outer IPv4 source
        uint16_t outerPort{0};    ///< outer UDP source port
        bool natDetected{false};  ///< option and outer source differ
        bool forceUdp{false};     ///< the PBU's F flag
    };

    Time m_natRefreshTime;                        ///< NatRefreshTime attribute
    Ptr<Pmipv6Ipv4Transport> m_transport;         ///< the node's transport
    std::unordered_map<std::string, Seen> m_seen; ///< by MN-ID
    TracedCallback<const std::string&, Ipv4Address, Ipv4Address> m_natTrace; ///< NAT seen
};

} // namespace ns3

#endif /* PMIPV6_LMA_IPV4_TRANSPORT_EXTENSION_H */

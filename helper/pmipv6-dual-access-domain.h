/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_DUAL_ACCESS_DOMAIN_H
#define PMIPV6_DUAL_ACCESS_DOMAIN_H

#include "pmipv6-helper.h"

#include "ns3/csma-helper.h"
#include "ns3/logical-interface-net-device.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/pmipv6-lma-application.h"
#include "ns3/pmipv6-mag-application.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/yans-wifi-helper.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The smallest domain for a multi-interface mobile node, built in one call:
 *
 *      CN ---- LMA ---- MAG1 ==csma== phys[0] \
 *               \                              lif  MN (one IPv6 interface)
 *                +----- MAG2 ==csma== phys[1] /
 *
 * Point-to-point links of 100 Mbps and 2 ms (fd00:0:0:c::/64, fd00:0:0:1::/64,
 * fd00:0:0:2::/64), CSMA access links, home network prefixes from the pool 2001:1:1::/48, the
 * MN's two CSMA devices behind a LogicalInterfaceNetDevice, its profile in the helper's store.
 * Nothing attaches by itself: call Attach() for each physical device.
 *
 * With WIFI_FIRST_ACCESS, access 0 is IEEE 802.11a instead (the second stays CSMA): an access
 * point at MAG1 (Pmipv6Helper::InstallWifiMag: the MAG attaches and detaches the MN by the
 * AP's association traces, one Config path per AP, none per MN), a station as the MN's
 * phys[0] behind the logical interface, 5 m apart, constant 54 Mb/s OFDM. phys[0] attaches
 * when the station associates (about 0.1 s into the simulation, with the MAG's default
 * Handoff Indicator): Attach(0, ...) does nothing then.
 *
 * With \c ipv4Transport the two MAG-LMA links are IPv4 only (10.0.1.0/24, 10.0.2.0/24: the
 * LMA .1, the MAG .2; no IPv6 address on them) and the domain runs over the IPv4 transport
 * of RFC 5844 4 (Pmipv6Helper::InstallLma / InstallMag with IPv4 addresses): IPv4-LMAA
 * 10.0.1.1, IPv4-Proxy-CoAs 10.0.1.2 and 10.0.2.2, the IPv6 Proxy-CoAs and LMAA their
 * IPv4-mapped addresses. The CN-LMA link keeps its IPv6 (and, with \c ipv4, IPv4) addresses.
 */
class Pmipv6DualAccessDomain
{
  public:
    /// The link of the first access.
    enum FirstAccess
    {
        CSMA_FIRST_ACCESS = 0, ///< CSMA (explicit Attach)
        WIFI_FIRST_ACCESS,     ///< IEEE 802.11 AP at MAG1, station on the MN (association)
    };

    /**
     * \brief Build the domain.
     * \param mnId the mobile node's identifier (NAI)
     * \param firstAccess the link of access 0 (MAG1)
     * \param ipv4 dual stack on every node, the CN-LMA link with IPv4 (192.0.2.0/24) and the
     * CN's IPv4 default route through the LMA (the IPv4 extensions are not added)
     * \param ipv4Transport the MAG-LMA network is IPv4 only (RFC 5844 4); implies dual stack
     * on every node
     */
    explicit Pmipv6DualAccessDomain(const std::string& mnId,
                                    FirstAccess firstAccess = CSMA_FIRST_ACCESS,
                                    bool ipv4 = false,
                                    bool ipv4Transport = false);

    /// \brief Virtual: Pmipv6LmaFlowBindingDomain derives from this class and is deleted
    /// through a pointer to it.
    virtual ~Pmipv6DualAccessDomain() = default;

    /**
     * \brief Attach the MN's physical device \p k to MAG k+1 (Pmipv6MagApplication::NotifyAttach).
     * \param k 0 or 1
     * \param handoffIndicator the HI of the attachment (e.g. 1 new interface, 6 sharing prefixes)
     */
    void Attach(uint32_t k, uint8_t handoffIndicator);

    /**
     * \brief Detach the MN's physical device \p k: down at the logical interface, and its MAG
     * de-registers it.
     * \param k 0 or 1
     */
    void Detach(uint32_t k);

    /**
     * \brief Write pcap files of every link.
     * \param prefix the file name prefix
     */
    void EnablePcap(const std::string& prefix);

    std::string mnId;       ///< the mobile node's identifier
    NodeContainer cn;       ///< correspondent node
    NodeContainer lma;      ///< LMA node
    NodeContainer mags;     ///< MAG1, MAG2
    NodeContainer mn;       ///< the mobile node
    Ipv6Address cnAddress;  ///< CN
    Ipv6Address lmaAddress; ///< LMAA
    /// With ipv4: the CN's IPv4 address on the CN-LMA link (192.0.2.1), else 0.0.0.0.
    Ipv4Address cnIpv4Address;
    /// With ipv4: the LMA's IPv4 address on the CN-LMA link (192.0.2.2), else 0.0.0.0.
    Ipv4Address lmaIpv4Address;
    Ipv6Address proxyCoa[2]; ///< the MAGs' Proxy-CoAs
    /// With ipv4Transport: the IPv4-LMAA (10.0.1.1), else 0.0.0.0.
    Ipv4Address ipv4Lmaa;
    /// With ipv4Transport: the MAGs' IPv4-Proxy-CoAs (10.0.1.2, 10.0.2.2), else 0.0.0.0.
    Ipv4Address ipv4ProxyCoa[2];
    bool ipv4Transport;                  ///< the MAG-LMA network is IPv4 only
    Ptr<NetDevice> access[2];            ///< the MAGs' access devices
    Ptr<NetDevice> phys[2];              ///< the MN's physical devices
    Ptr<LogicalInterfaceNetDevice> lif;  ///< the MN's logical interface
    Pmipv6Helper pmip;                   ///< the helper (profiles, pool)
    Ptr<Pmipv6LmaApplication> lmaApp;    ///< the LMA
    Ptr<Pmipv6MagApplication> magApp[2]; ///< the MAGs
    FirstAccess firstAccess;             ///< the link of access 0

  private:
    /// Build access 0 as Wi-Fi: AP at MAG1 (access[0]), station on the MN (phys[0]).
    void InstallWifiAccess();

    PointToPointHelper m_p2p; ///< transport links
    CsmaHelper m_csma;        ///< access links
    YansWifiPhyHelper m_phy;  ///< the Wi-Fi access (WIFI_FIRST_ACCESS)
};

} // namespace ns3

#endif /* PMIPV6_DUAL_ACCESS_DOMAIN_H */

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_HELPER_H
#define PMIPV6_HELPER_H

#include "ns3/dhcp-client.h"
#include "ns3/ipv6-address.h"
#include "ns3/lma-ipv4-extension.h"
#include "ns3/mag-dhcp-server.h"
#include "ns3/mag-ipv4-extension.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/pmipv6-lma-application.h"
#include "ns3/pmipv6-mag-application.h"
#include "ns3/pmipv6-profile.h"
#include "ns3/prefix-pool.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Installs a Proxy Mobile IPv6 domain: LMAs, MAGs, the shared policy store and the
 * mobile nodes' profiles. Users never touch tunnels, routes or Router Advertisements.
 *
 * The nodes must already have an IPv6 stack (InternetStackHelper) and the transport network
 * its addresses and routes; the helper adds the Mobility Header and tunnel protocols, the
 * applications, the MAG access-link configuration, and (for mobile nodes) an IPv6 interface
 * without address on each mobile node device, which then learns its home network prefix from
 * the MAG's Router Advertisement.
 */
class Pmipv6Helper
{
  public:
    /// \brief A helper with a new profile store and prefix pool.
    Pmipv6Helper();

    /**
     * \brief Install an IPv6-only internet stack whose routing is an Ipv6ListRouting with
     * Ipv6StaticRouting at priority 0, as the LMA and MAG data paths need (they add their own
     * routing protocol to the list). Ipv6StaticRoutingHelper::GetStaticRouting still finds
     * the static routing for the transport-network routes.
     * \param nodes the nodes (every node of the scenario may use it)
     * \param ipv4 also install IPv4 (dual stack, for RFC 5844 IPv4 home addresses: the MN,
     * the MAGs, the LMA and the correspondents), its routing an Ipv4ListRouting with
     * Ipv4StaticRouting at priority 0 (the IPv4 extensions add Ipv4HomeAddressRouting above)
     */
    static void InstallStack(NodeContainer nodes, bool ipv4 = false);

    /**
     * \brief Give an LMA IPv4 home address mobility (RFC 5844): add an LmaIpv4Extension (its
     * pool attributes can be set on the returned object before the simulation starts) and
     * turn IPv4 forwarding on when the node has IPv4 (then the IPv4 data path runs too).
     * \param lma the LMA
     * \return the extension
     */
    Ptr<LmaIpv4Extension> EnableIpv4(Ptr<Pmipv6LmaApplication> lma);

    /**
     * \brief Give a MAG IPv4 home address mobility: add a MagIpv4Extension and after it a
     * MagDhcpServer (RFC 5844 3.4.1: the MAG as DHCP server, for the mobile nodes that use
     * DHCP), turn IPv4 forwarding on, and configure the mobile nodes registered with
     * EnableIpv4MobileNode() for static configuration when a PBA gives their address through
     * this MAG (the MAG's MagDhcpServer: GetExtension<MagDhcpServer>()).
     * \param mag the MAG
     * \return the extension
     */
    Ptr<MagIpv4Extension> EnableIpv4(Ptr<Pmipv6MagApplication> mag);

    /**
     * \brief Make a mobile node (added with AddMobileNode()) ask for an IPv4 home address:
     * its profile gets ipv4HomeAddressMobility, its device becomes an IPv4 interface, and
     * when a MAG set up with EnableIpv4() reports the address the PBA gave, the device gets
     * that address and a default route through the PBA's default router, and the device's
     * ARP cache is flushed when the MAG changed (the default router's link-layer address
     * is the new MAG's).
     *
     * This static configuration stands in for DHCP at the MAG (RFC 5844 3.4); the address
     * is the LMA's, the same at every MAG.
     * \param mnId the MN-ID
     * \param device the MN's device (a logical interface or a single physical device)
     */
    void EnableIpv4MobileNode(const std::string& mnId, Ptr<NetDevice> device);

    /**
     * \brief Make a mobile node ask for an IPv4 home address, configured statically as
     * EnableIpv4MobileNode(mnId, device) does (\p dhcp false) or by DHCP from the MAG (\p
     * dhcp true, RFC 5844 3.4.1).
     *
     * DHCP: the MN's profile gets ipv4HomeAddressMobility, the device becomes an IPv4
     * interface and an ns-3 DhcpClient is installed on it (attributes from
     * SetDhcpClientAttribute(); Collect 10 ms and RTRS 1 s unless set) starting at \p start.
     * Each MAG set up with EnableIpv4() has a MagDhcpServer that answers with the address of
     * the MN's binding. Over a handover the address stays: ns-3's DhcpClient drops it only
     * on a link down, and neither a CSMA move (the device is attached to the new channel:
     * link up only, the client re-discovers and the new MAG offers the same address) nor a
     * logical interface whose other device stays up signals one. The helper still flushes
     * the device's ARP cache when the MN's MAG changed (ns-3's ARP ignores gratuitous ARP;
     * the default router's link-layer address is the new MAG's).
     * Start the client after the MN's first attachment: a DISCOVER before it is dropped by
     * the MAG (no MN attached) and repeated only after RTRS.
     * \param mnId the MN-ID
     * \param device the MN's device (a logical interface or a single physical device)
     * \param dhcp true: DHCP, false: static configuration
     * \param start when the DHCP client starts
     * \param ipv4Only true: an IPv4-only mobile node (RFC 5844 3.1.3), its profile's
     * ipv4Only set: its PBUs carry no Home Network Prefix option, its binding has no home
     * network prefix and its MAG sends it no Router Advertisement
     * \return the DHCP client, or nullptr when \p dhcp is false
     */
    Ptr<DhcpClient> EnableIpv4MobileNode(const std::string& mnId,
                                         Ptr<NetDevice> device,
                                         bool dhcp,
                                         Time start = Seconds(0),
                                         bool ipv4Only = false);

    /**
     * \brief Set an attribute of the DHCP clients EnableIpv4MobileNode() installs next.
     * \param name attribute name (of ns3::DhcpClient)
     * \param value value
     */
    void SetDhcpClientAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Set an attribute of the LMA applications to be installed.
     * \param name attribute name
     * \param value value
     */
    void SetLmaAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an attribute of the MAG applications to be installed.
     * \param name attribute name
     * \param value value
     */
    void SetMagAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief The block home network prefixes are assigned from (when a profile names none).
     * \param base the block's prefix
     * \param baseLength its length
     * \param allocatedLength the length of each assigned prefix
     */
    void SetPrefixPool(Ipv6Address base, uint8_t baseLength, uint8_t allocatedLength = 64);

    /**
     * \brief The domain's policy store, shared by every LMA and MAG installed.
     * \return the store
     */
    Ptr<Pmipv6ProfileStore> GetProfileStore() const;

    /**
     * \brief Install an LMA.
     * \param node the node (with IPv6)
     * \param lmaAddress its address on the transport network (LMAA)
     * \return the application
     */
    Ptr<Pmipv6LmaApplication> InstallLma(Ptr<Node> node, Ipv6Address lmaAddress);

    /**
     * \brief Install a MAG whose access links are wired (CSMA, point-to-point...): attachments
     * are reported with Pmipv6MagApplication::NotifyAttach.
     * \param node the node (with IPv6)
     * \param proxyCoa its address on the transport network
     * \param lmaAddress the LMA of mobile nodes whose profile names none
     * \param accessDevices the node's access-link devices
     * \param accessTechnologyType ATT of those links (0: the MAG's attribute)
     * \return the application
     */
    Ptr<Pmipv6MagApplication> InstallMag(Ptr<Node> node,
                                         Ipv6Address proxyCoa,
                                         Ipv6Address lmaAddress,
                                         NetDeviceContainer accessDevices,
                                         uint8_t accessTechnologyType = 0);

    /**
     * \brief Install an LMA reached over an IPv4-only transport network (RFC 5844 4): a
     * Pmipv6Ipv4Transport with the IPv4-LMAA (the LMAA is its IPv4-mapped IPv6 address, see
     * GetIpv4TransportAddress()), the LMA, an LmaIpv4TransportExtension, IPv4 forwarding on.
     * \param node the node (IPv4 and IPv6: InstallStack(nodes, true))
     * \param ipv4Lmaa its IPv4 address on the transport network
     * \return the application
     */
    Ptr<Pmipv6LmaApplication> InstallLma(Ptr<Node> node, Ipv4Address ipv4Lmaa);

    /**
     * \brief Install a wired-access MAG on an IPv4-only transport network (RFC 5844 4): a
     * Pmipv6Ipv4Transport with the IPv4-Proxy-CoA, the MAG (Proxy-CoA and LMAA the
     * IPv4-mapped addresses), a MagIpv4TransportExtension, IPv4 forwarding on.
     * \param node the node (IPv4 and IPv6)
     * \param ipv4ProxyCoa its IPv4 address on the transport network
     * \param ipv4Lmaa the LMA's IPv4 address
     * \param accessDevices the node's access-link devices
     * \param accessTechnologyType ATT of those links (0: the MAG's attribute)
     * \return the application
     */
    Ptr<Pmipv6MagApplication> InstallMag(Ptr<Node> node,
                                         Ipv4Address ipv4ProxyCoa,
                                         Ipv4Address ipv4Lmaa,
                                         NetDeviceContainer accessDevices,
                                         uint8_t accessTechnologyType = 0);

    /**
     * \brief The IPv6 transport address (Proxy-CoA, LMAA) of an entity on an IPv4 transport:
     * the IPv4-mapped IPv6 address ::ffff:a.b.c.d (what AddMobileNode takes as the LMA).
     * \param ipv4 the entity's IPv4 transport address
     * \return the mapped address
     */
    static Ipv6Address GetIpv4TransportAddress(Ipv4Address ipv4);

    /**
     * \brief Install a MAG whose access links are Wi-Fi access points: attachments follow
     * the association traces.
     * \param node the node (with IPv6)
     * \param proxyCoa its address on the transport network
     * \param lmaAddress the LMA of mobile nodes whose profile names none
     * \param apDevices the access point devices of the node
     * \return the application
     */
    Ptr<Pmipv6MagApplication> InstallWifiMag(Ptr<Node> node,
                                             Ipv6Address proxyCoa,
                                             Ipv6Address lmaAddress,
                                             NetDeviceContainer apDevices);

    /**
     * \brief Add a mobile node: its profile (identifier, link-layer addresses of its
     * devices, LMA, home network prefixes) and an IPv6 interface on each device.
     * \param mnId the identifier (NAI)
     * \param devices the mobile node's access devices (on a node with IPv6); a
     * LogicalInterfaceNetDevice stands for its physical devices (their MAC addresses, and the
     * logical device's link-local address in Pmipv6Profile::mnLinkLocalAddress)
     * \param lmaAddress its LMA
     * \param prefixes its home network prefixes (empty: assigned from the pool)
     */
    void AddMobileNode(const std::string& mnId,
                       NetDeviceContainer devices,
                       Ipv6Address lmaAddress,
                       const std::vector<HomeNetworkPrefix>& prefixes = {});

    /**
     * \brief The address a device autoconfigures from a home network prefix (SLAAC).
     * \param device the mobile node's device
     * \param prefix the prefix
     * \return the address
     */
    static Ipv6Address GetHomeAddress(Ptr<NetDevice> device, const HomeNetworkPrefix& prefix);

  private:
    ObjectFactory m_lmaFactory;         ///< builds LMAs
    ObjectFactory m_magFactory;         ///< builds MAGs
    Ptr<Pmipv6ProfileStore> m_profiles; ///< the domain's policy store
    Ptr<PrefixPool> m_pool;             ///< the domain's prefix pool
    /// The mobile nodes EnableIpv4MobileNode() registered (shared with the MAGs' traces).
    Ptr<Object> m_ipv4MobileNodes;
    ObjectFactory m_dhcpClientFactory; ///< builds the MNs' DHCP clients
};

} // namespace ns3

#endif /* PMIPV6_HELPER_H */

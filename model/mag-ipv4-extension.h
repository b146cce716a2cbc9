/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MAG_IPV4_EXTENSION_H
#define PMIPV6_MAG_IPV4_EXTENSION_H

#include "ipv4-home-address-routing.h"
#include "pmipv6-mag-extension.h"

#include "ns3/ipv4-address.h"
#include "ns3/traced-callback.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The MAG side of IPv4 home address mobility (RFC 5844 3.2), signalling only.
 *
 * For a mobile node configured for IPv4 (its profile sets Pmipv6Profile::ipv4HomeAddressMobility,
 * or the RequestForAll attribute), every PBU carries an IPv4 Home Address Request option
 * (RFC 5844 3.3.1): 0.0.0.0 until a PBA assigned an address, that address afterwards. A PBA's
 * IPv4 Home Address Reply with a success status and its IPv4 Default-Router Address option are
 * stored in the binding update list entry (BindingUpdateListEntry::ipv4HomeAddress,
 * ipv4PrefixLength, ipv4DefaultRouter).
 *
 * Data path (IPv4 over the IPv6 transport), when the MAG's node has IPv4: on every accepted
 * registration the MN's tunnel carries IPv4 too (Ipv6TunnelL4Protocol::EnableIpv4), the MAG's
 * access interface holds the Default-Router address the PBA gave (RFC 5844: the MAG is
 * the MN's IPv4 default router), and the node's Ipv4HomeAddressRouting forwards packets from
 * the home address arriving on the access interface into the tunnel (source route) and
 * packets to the home address onto the access link (host route, ARP). Both routes go when the
 * entry is removed.
 *
 * The MN is not configured by this extension (there is no DHCP server at the MAG): the
 * Ipv4HomeAddress trace tells who must configure it (Pmipv6Helper::EnableIpv4MobileNode
 * does, statically, in place of DHCP).
 */
class MagIpv4Extension : public Pmipv6MagExtension
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MagIpv4Extension();
    ~MagIpv4Extension() override;

    void AddPbuOptions(BindingUpdateHeader& pbu, Ptr<const BindingUpdateListEntry> entry) override;
    void NotifyPba(const BindingAckHeader& pba, Ptr<BindingUpdateListEntry> entry) override;
    void NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry) override;
    /**
     * \brief RFC 5844 3.1.3: an IPv4-only mobile node (profile ipv4Only, and an IPv4 home
     * address asked for it) registers without a Home Network Prefix option.
     * \param entry the entry
     * \return true for such a node
     */
    bool RegistersWithoutHomeNetworkPrefix(Ptr<const BindingUpdateListEntry> entry) override;

    /**
     * \brief Whether the MAG asks for an IPv4 home address for a mobile node.
     * \param mnId the MN-ID
     * \return true when its profile enables IPv4, or RequestForAll is set
     */
    bool WantsIpv4(const std::string& mnId) const;

    /**
     * TracedCallback signature of Ipv4HomeAddress.
     * \param mnId the MN-ID
     * \param address the IPv4 home address the PBA gave
     * \param defaultRouter the default router it gave (0.0.0.0 = none)
     */
    typedef void (*AddressTracedCallback)(const std::string& mnId,
                                          Ipv4Address address,
                                          Ipv4Address defaultRouter);

  protected:
    void DoDispose() override;

  private:
    /**
     * \brief The IPv4 interface of the entry's access device, with the default router address
     * (added when missing), up and forwarding.
     * \param entry the entry
     * \return the interface, or -1 when the node has no IPv4
     */
    int32_t PrepareAccessInterface(Ptr<const BindingUpdateListEntry> entry);

    bool m_requestForAll;                  ///< RequestForAll attribute
    Ptr<Ipv4HomeAddressRouting> m_routing; ///< the node's IPv4 home address routes (lazily)
    /// A PBA gave an IPv4 home address.
    TracedCallback<const std::string&, Ipv4Address, Ipv4Address> m_addressTrace;
};

} // namespace ns3

#endif /* PMIPV6_MAG_IPV4_EXTENSION_H */

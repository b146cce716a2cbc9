/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MULTICAST_RX_FILTER_H
#define PMIPV6_MULTICAST_RX_FILTER_H

#include "ns3/error-model.h"
#include "ns3/ipv6-address.h"
#include "ns3/net-device.h"

#include <cstdint>

namespace ns3
{

class Ipv6L3Protocol;

/**
 * \ingroup pmipv6
 * \brief The multicast address filter of an Ethernet NIC, as the receive error model of a
 * host's CSMA device: frames to an IPv6 multicast group the host's IPv6 stack would not
 * accept are dropped at the device instead of being handed up.
 *
 * ns-3's CsmaNetDevice hands every multicast frame up the stack, where Ipv6L3Protocol drops
 * the ones for groups the interface has not joined (for example another host's
 * solicited-node group, ff02::1:ffXX:XXXX, the target of every Neighbor Solicitation and
 * DAD probe). On a PMIPv6 access link shared by many mobile nodes each such frame then
 * costs one pass through the IPv6 stack of every other node on the link. A real NIC filters
 * these frames by their multicast MAC address (33:33:...); this filter makes the same
 * decision as Ipv6L3Protocol::Receive and drops the frame before it goes up:
 * - frames to a unicast or broadcast MAC address, frames that are not IPv6 (Ethernet II or
 *   LLC/SNAP encapsulation), IPv6 packets with a Hop-by-Hop Options header and packets to a
 *   non-multicast IPv6 destination always pass;
 * - a multicast packet passes when it is for all nodes, for all routers on a forwarding
 *   interface, for the solicited-node group of one of the interface's addresses (tentative
 *   ones included, as DAD needs), or for a group registered on the interface or on the node.
 *
 * The host's protocol behaviour is unchanged: the packets filtered out are the ones its IPv6
 * layer would have dropped (its Rx trace and the device's PhyRxDrop trace see the
 * difference). Not for nodes with a multicast routing protocol or raw sockets that listen to
 * foreign groups. A second error model (link faults) can be chained: it is consulted first,
 * for every packet, so that its random draws are those it makes without the filter.
 */
class MulticastRxFilter : public ErrorModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A filter that passes everything until SetDevice is called.
    MulticastRxFilter();

    /**
     * \brief Set the device that carries the node's IPv6 interface (the CSMA device itself,
     * or the logical interface above it).
     * \param device the IPv6-level device
     */
    void SetDevice(Ptr<NetDevice> device);

    /**
     * \brief Chain a second error model, consulted first for every packet.
     * \param next the model (null: none)
     */
    void SetNext(Ptr<ErrorModel> next);

    /**
     * \brief The chained error model.
     * \return the model, or null
     */
    Ptr<ErrorModel> GetNext() const;

    /**
     * \brief Frames dropped by the filter (not counting the chained model's losses).
     * \return the count
     */
    uint64_t GetFiltered() const;

  protected:
    void DoDispose() override;

  private:
    bool DoCorrupt(Ptr<Packet> p) override;
    void DoReset() override;

    /**
     * \brief Whether the node's IPv6 layer would accept a packet to this multicast group.
     * \param group the IPv6 destination (multicast)
     * \return true: pass the frame up
     */
    bool Accepts(Ipv6Address group);

    /// The device of the node's IPv6 interface; not owned: the CSMA device owns this filter (its
    /// receive error model) and, for a one-interface node, is this device, and ns-3.37's
    /// CsmaNetDevice::DoDispose does not release its error model, so a Ptr here would be a
    /// reference cycle that leaks the node (found by LeakSanitizer).
    NetDevice* m_device{nullptr};
    Ptr<Ipv6L3Protocol> m_ipv6; ///< the node's IPv6 layer (found on first use)
    Ptr<ErrorModel> m_next;     ///< the chained error model
    uint64_t m_filtered{0};     ///< frames dropped by the filter
};

} // namespace ns3

#endif // PMIPV6_MULTICAST_RX_FILTER_H

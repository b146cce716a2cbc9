/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_POINT_TO_POINT_ACCESS_CHANNEL_H
#define PMIPV6_POINT_TO_POINT_ACCESS_CHANNEL_H

#include "ns3/mac48-address.h"
#include "ns3/nstime.h"
#include "ns3/simple-channel.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ns3
{

class SimpleNetDevice;
class Packet;

/**
 * \ingroup pmipv6
 * \brief A MAG's access link as a point-to-point link to each attached mobile node, all
 * ending on one device of the MAG (RFC 5213 section 6.9.1.1 assumes a point-to-point link
 * between the mobile node and the MAG).
 *
 * The devices are SimpleNetDevices; the first one added is the MAG's, every later one a mobile
 * node's ("station"). A frame a station sends reaches the MAG's device only (never another
 * mobile node: their prefixes differ and RFC 5213 has them reach each other through the MAG).
 * A unicast frame of the MAG reaches the station with that destination address only (a hash
 * lookup: the cost of a frame does not grow with the number of stations); a broadcast or
 * multicast frame of the MAG reaches every attached station, as it would go out on each
 * point-to-point link. Each delivery takes the channel's Delay (ns3::SimpleChannel's attribute,
 * read whenever a device is added); each device's DataRate gives its transmission time.
 *
 * A station leaves with Detach() (or by joining another channel) and joins again (here or on
 * another channel) through SimpleNetDevice::SetChannel. Frames to or from a device that is
 * not attached are dropped (trace source Drop), so is a frame whose receiver left during its
 * delay. Unlike ns3::CsmaChannel, which schedules a receive event on every device of the link
 * for every frame, a frame here costs one event per receiving device.
 *
 * What it does not model: the MAG's end is one device, so its frames to all stations share
 * one queue and one transmitter (at that device's DataRate); there is no Ethernet header
 * or trailer on the wire (the transmission time counts the packet only); the Delay is read
 * when a device is added (a later change takes effect at the next one).
 *
 * Trace source Tx sees every frame a device hands to the channel, dropped ones included, when
 * its transmission ends (the helpers write a pcap file of the MAG's access link from it,
 * with an Ethernet header put in front).
 */
class PointToPointAccessChannel : public SimpleChannel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A channel with no device.
    PointToPointAccessChannel();

    /**
     * \brief TracedCallback signature of the Tx and Drop trace sources.
     * \param packet the frame's packet
     * \param protocol its protocol number (EtherType)
     * \param to destination address
     * \param from source address
     */
    typedef void (*FrameTracedCallback)(Ptr<const Packet> packet,
                                        uint16_t protocol,
                                        Mac48Address to,
                                        Mac48Address from);

    /**
     * \brief Carry a frame a device sends (called by SimpleNetDevice at the end of its
     * transmission).
     * \param p the packet
     * \param protocol the protocol number (EtherType)
     * \param to destination address
     * \param from source address
     * \param sender the sending device
     */
    void Send(Ptr<Packet> p,
              uint16_t protocol,
              Mac48Address to,
              Mac48Address from,
              Ptr<SimpleNetDevice> sender) override;

    /**
     * \brief Add a device (called by SimpleNetDevice::SetChannel): the first is the MAG's,
     * later ones are stations. Adding an attached device again changes nothing.
     * \param device the device
     */
    void Add(Ptr<SimpleNetDevice> device) override;

    /**
     * \brief Not supported: stations never reach each other. Aborts.
     * \param from the sender
     * \param to the receiver
     */
    void BlackList(Ptr<SimpleNetDevice> from, Ptr<SimpleNetDevice> to) override;

    /**
     * \brief Not supported (see BlackList). Aborts.
     * \param from the sender
     * \param to the receiver
     */
    void UnBlackList(Ptr<SimpleNetDevice> from, Ptr<SimpleNetDevice> to) override;

    /**
     * \brief Detach a station: it receives nothing more from this channel and what it sends
     * is dropped, until it is added again. Detaching a device that is not attached, or the
     * MAG's, changes nothing.
     * \param device the station's device
     */
    void Detach(Ptr<SimpleNetDevice> device);

    /**
     * \brief Whether a device is attached (the MAG's device always is).
     * \param device the device
     * \return true when attached
     */
    bool IsAttached(Ptr<const SimpleNetDevice> device) const;

    /**
     * \brief The MAG's device.
     * \return the first device added, or null
     */
    Ptr<SimpleNetDevice> GetMagDevice() const;

    /**
     * \brief The attached devices: the MAG's and the attached stations'.
     * \return their number
     */
    std::size_t GetNDevices() const override;

    /**
     * \brief An attached device.
     * \param i index: 0 is the MAG's device, then the stations (in no fixed order: Detach
     * moves the last station into the detached one's place)
     * \return the device
     */
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

    /**
     * \brief Frames dropped because their destination or sender was not attached.
     * \return the count
     */
    uint64_t GetDropped() const;

  protected:
    void DoDispose() override;

  private:
    /// \brief Hash of a MAC-48 address.
    struct MacHash
    {
        /**
         * \brief The hash.
         * \param address the address
         * \return its six octets as an integer
         */
        std::size_t operator()(const Mac48Address& address) const;
    };

    /**
     * \brief Schedule the reception of a copy of a frame on a device, in its node's context,
     * one Delay from now (Receive()).
     * \param device the receiving device
     * \param p the packet
     * \param protocol the protocol number
     * \param to destination address
     * \param from source address
     */
    void Deliver(Ptr<SimpleNetDevice> device,
                 Ptr<const Packet> p,
                 uint16_t protocol,
                 Mac48Address to,
                 Mac48Address from);

    /**
     * \brief Hand a frame to a device at the end of the delay, if it is still attached
     * (else drop it).
     * \param device the receiving device
     * \param p the packet
     * \param protocol the protocol number
     * \param to destination address
     * \param from source address
     */
    void Receive(Ptr<SimpleNetDevice> device,
                 Ptr<Packet> p,
                 uint16_t protocol,
                 Mac48Address to,
                 Mac48Address from);

    /**
     * \brief Drop a frame: count it and fire the Drop trace.
     * \param p the packet
     * \param protocol the protocol number
     * \param to destination address
     * \param from source address
     */
    void Drop(Ptr<const Packet> p, uint16_t protocol, Mac48Address to, Mac48Address from);

    Ptr<SimpleNetDevice> m_mag;                   ///< the MAG's device (the first added)
    std::vector<Ptr<SimpleNetDevice>> m_stations; ///< attached stations
    /// Station address -> index in m_stations.
    std::unordered_map<Mac48Address, std::size_t, MacHash> m_index;
    Time m_delay;          ///< SimpleChannel's Delay, read when a device is added
    uint64_t m_dropped{0}; ///< frames dropped

    /// Every frame a device hands to the channel: packet, protocol, to, from.
    TracedCallback<Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address> m_txTrace;
    /// Frames dropped (destination or sender not attached): packet, protocol, to, from.
    TracedCallback<Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address> m_dropTrace;
};

} // namespace ns3

#endif // PMIPV6_POINT_TO_POINT_ACCESS_CHANNEL_H

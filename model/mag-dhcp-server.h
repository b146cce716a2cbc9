/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MAG_DHCP_SERVER_H
#define PMIPV6_MAG_DHCP_SERVER_H

#include "pmipv6-mag-extension.h"

#include "ns3/callback.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ns3
{

class Packet;
class Socket;

/// DHCPv4 numbers (RFC 2131, RFC 2132) the MAG's DHCP server uses.
namespace dhcp4
{
/// UDP port of DHCP servers (RFC 2131 4.1).
constexpr uint16_t SERVER_PORT = 67;
/// UDP port of DHCP clients (RFC 2131 4.1).
constexpr uint16_t CLIENT_PORT = 68;
/// BOOTP op code of a client message (RFC 2131 2).
constexpr uint8_t BOOTREQUEST = 1;
/// BOOTP op code of a server message.
constexpr uint8_t BOOTREPLY = 2;
/// Length of the fixed BOOTP part up to the options, magic cookie included (RFC 2131 2).
constexpr uint32_t FIXED_LENGTH = 240;
/// Offset of the magic cookie (RFC 2131 3).
constexpr uint32_t COOKIE_OFFSET = 236;
/// Offset of chaddr.
constexpr uint32_t CHADDR_OFFSET = 28;
/// Length of the chaddr field.
constexpr uint8_t CHADDR_LENGTH = 16;
/// Offset of yiaddr.
constexpr uint32_t YIADDR_OFFSET = 16;
/// The magic cookie 99.130.83.99 (RFC 2131 3).
constexpr uint8_t MAGIC_COOKIE[4] = {99, 130, 83, 99};
/// Option: Pad (RFC 2132 3.1).
constexpr uint8_t OPTION_PAD = 0;
/// Option: Subnet Mask (RFC 2132 3.3).
constexpr uint8_t OPTION_SUBNET_MASK = 1;
/// Option: Router (RFC 2132 3.5).
constexpr uint8_t OPTION_ROUTER = 3;
/// Option: Requested IP Address (RFC 2132 9.1).
constexpr uint8_t OPTION_REQUESTED_ADDRESS = 50;
/// Option: IP Address Lease Time (RFC 2132 9.2).
constexpr uint8_t OPTION_LEASE_TIME = 51;
/// Option: DHCP Message Type (RFC 2132 9.6).
constexpr uint8_t OPTION_MESSAGE_TYPE = 53;
/// Option: Server Identifier (RFC 2132 9.7).
constexpr uint8_t OPTION_SERVER_ID = 54;
/// Option: Renewal (T1) Time Value (RFC 2132 9.11).
constexpr uint8_t OPTION_RENEWAL_TIME = 58;
/// Option: Rebinding (T2) Time Value (RFC 2132 9.12).
constexpr uint8_t OPTION_REBINDING_TIME = 59;
/// Option: End (RFC 2132 3.2).
constexpr uint8_t OPTION_END = 255;

/// DHCP message types (option 53, RFC 2132 9.6).
enum MessageType : uint8_t
{
    DISCOVER = 1, ///< DHCPDISCOVER
    OFFER = 2,    ///< DHCPOFFER
    REQUEST = 3,  ///< DHCPREQUEST
    DECLINE = 4,  ///< DHCPDECLINE
    ACK = 5,      ///< DHCPACK
    NAK = 6,      ///< DHCPNAK
    RELEASE = 7,  ///< DHCPRELEASE
    INFORM = 8,   ///< DHCPINFORM
};
} // namespace dhcp4

/**
 * \ingroup pmipv6
 * \brief The MAG as DHCPv4 server co-located with it (RFC 5844 3.4.1): the mobile node gets
 * the IPv4 home address of its binding by DHCP from the MAG it is attached to.
 *
 * A MAG extension, added after the MagIpv4Extension (which stores the PBA's IPv4 home address
 * and default router in the binding update list entry and sets up the data path). On each
 * access device an MN attaches on, the server registers an IPv4 protocol handler and reads
 * the DHCP messages (UDP to port 67) the MN sends on that link. The MN is identified by the
 * frame's source link-layer address, the one the MAG's binding update list indexes
 * (BindingUpdateList::FindByMac(), O(1)); chaddr is echoed, not used to find the MN (a
 * logical interface's chaddr is its own address, not the physical device's on this link).
 *
 * - DHCPDISCOVER: DHCPOFFER with yiaddr = the entry's IPv4 home address, when the entry's
 *   registration is accepted (REGISTERED / REFRESHING); before the PBA it is held (the latest
 *   one per MN) and answered when the registration is accepted (RFC 5844 3.4.1 order).
 * - DHCPREQUEST (selecting or renewing): DHCPACK when the requested address (option 50, or
 *   ciaddr) is the entry's home address, DHCPNAK otherwise; held like a DISCOVER before the
 *   PBA. A REQUEST naming another server identifier (option 54) is not for this server.
 * - Other messages (DECLINE, RELEASE, INFORM) are logged and ignored.
 *
 * Every reply carries the server identifier and the Router option set to the entry's IPv4
 * Default-Router address (the same at every MAG: the LMA's, RFC 5844), Subnet Mask
 * 255.255.255.255 (the MN reaches everything, other home addresses of the pool included,
 * through the MAG), the lease (LeaseTime, by default the binding lifetime the PBA granted),
 * T1 = lease / 2 and T2 = lease * 7 / 8. Replies leave as IPv4 (the default router ->
 * 255.255.255.255) / UDP 67 -> 68, sent by the server on the access device to the MN's
 * link-layer address (the MN has no address yet; the IP broadcast destination reaches its
 * client socket).
 *
 * On a DHCPACK the MAG's ARP entry of the address, when it waits for a reply (packets for the
 * MN queued while it had no address yet, e.g. after a Wi-Fi reassociation), is resolved to
 * the MN's link-layer address and the waiting packets are sent.
 *
 * A held message and the lease record go when the entry is removed (de-registration,
 * failure, revocation): the MN keeps its address only until its lease ends. A PBA with a DHCP
 * Support Mode option (RFC 5844 3.3.4) whose S flag is clear asks for the relay mode, which is
 * not built: the server then does not answer that MN (logged).
 *
 * Received messages are checked before ns-3's DhcpHeader reads them: the IPv4 / UDP framing,
 * op BOOTREQUEST, hlen, the magic cookie, every option's length inside the message, a
 * Message Type option, the lengths ns-3's codec assumes for the options it knows, and no
 * option it does not know. Anything else is dropped with a reason (trace Drop, a log line).
 */
class MagDhcpServer : public Pmipv6MagExtension
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MagDhcpServer();
    ~MagDhcpServer() override;

    std::string GetName() const override;
    void NotifyAttach(Ptr<BindingUpdateListEntry> entry) override;
    void NotifyPba(const BindingAckHeader& pba, Ptr<BindingUpdateListEntry> entry) override;
    void NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry) override;

    /**
     * \brief The IPv4 protocol handler of an access device (public for tests: a frame can be
     * handed to it directly).
     * \param device the access device
     * \param packet the IPv4 packet (header first)
     * \param protocol the EtherType
     * \param from the source link-layer address
     * \param to the destination link-layer address
     * \param packetType the packet type
     */
    void ReceiveFrame(Ptr<NetDevice> device,
                      Ptr<const Packet> packet,
                      uint16_t protocol,
                      const Address& from,
                      const Address& to,
                      NetDevice::PacketType packetType);

    /**
     * \brief DHCPOFFERs sent.
     * \return the count
     */
    uint64_t GetOfferCount() const;
    /**
     * \brief DHCPACKs sent.
     * \return the count
     */
    uint64_t GetAckCount() const;
    /**
     * \brief DHCPNAKs sent.
     * \return the count
     */
    uint64_t GetNakCount() const;
    /**
     * \brief Messages held until the PBA (each DISCOVER or REQUEST that had to wait).
     * \return the count
     */
    uint64_t GetHeldCount() const;
    /**
     * \brief Messages dropped (malformed, unknown MN, not answerable).
     * \return the count
     */
    uint64_t GetDropCount() const;
    /**
     * \brief Whether the server holds a lease for a mobile node's link-layer address (it sent
     * a DHCPACK and the binding is still there).
     * \param mac the MN's link-layer address on the access link
     * \return the leased address, or 0.0.0.0
     */
    Ipv4Address GetLease(const Address& mac) const;

    /**
     * TracedCallback signature of Offer, Ack and Nak.
     * \param message the IPv4 packet sent (IPv4 / UDP / DHCP)
     * \param mnId the MN-ID
     * \param yiaddr the address offered or acknowledged (0.0.0.0 for a NAK)
     */
    typedef void (*ReplyTracedCallback)(Ptr<const Packet> message,
                                        const std::string& mnId,
                                        Ipv4Address yiaddr);
    /**
     * TracedCallback signature of Drop.
     * \param packet the IPv4 packet received
     * \param reason why it was dropped
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, const std::string& reason);

  protected:
    void DoDispose() override;
    void DoStart() override;

  private:
    /// A message the server answers, as far as it needs it.
    struct Request
    {
        uint8_t type{0};                              ///< dhcp4::DISCOVER or dhcp4::REQUEST
        uint32_t xid{0};                              ///< transaction id
        uint8_t chaddr[dhcp4::CHADDR_LENGTH]{};       ///< client hardware address, echoed
        Ipv4Address requested{Ipv4Address::GetAny()}; ///< option 50, else ciaddr
        Ptr<NetDevice> device;                        ///< the access device it came on
        Address mac;                                  ///< the frame's source address
    };

    /**
     * \brief Check a received DHCP message (the UDP payload) and read it.
     * \param bytes the payload
     * \param out the message, when valid
     * \param serverId the option 54 address (0.0.0.0 when absent)
     * \return empty when valid, else the reason
     */
    static std::string Parse(const std::vector<uint8_t>& bytes,
                             Request& out,
                             Ipv4Address& serverId);

    /**
     * \brief Answer a message now, or hold it until the registration is accepted.
     * \param request the message
     * \param entry the MN's entry at this MAG
     */
    void Handle(const Request& request, Ptr<const BindingUpdateListEntry> entry);

    /**
     * \brief Whether an entry's registration is accepted with an IPv4 home address.
     * \param entry the entry
     * \return true when the server can answer for it
     */
    static bool IsReady(Ptr<const BindingUpdateListEntry> entry);

    /**
     * \brief Send the answer to a message for an entry whose registration is accepted.
     * \param request the message
     * \param entry the entry
     */
    void Answer(const Request& request, Ptr<const BindingUpdateListEntry> entry);

    /**
     * \brief Build and send one reply.
     * \param request the message answered
     * \param entry the MN's entry
     * \param type dhcp4::OFFER, ACK or NAK
     */
    void SendReply(const Request& request,
                   Ptr<const BindingUpdateListEntry> entry,
                   dhcp4::MessageType type);

    /**
     * \brief After a DHCPACK: resolve the MAG's ARP entry of the address to the MN's
     * link-layer address when it waits for a reply (packets queued while the MN had no
     * address), and send what waited.
     * \param device the access device
     * \param address the MN's address
     * \param mac its link-layer address
     */
    void ResolveNeighbour(Ptr<NetDevice> device, Ipv4Address address, const Address& mac);

    /**
     * \brief Count, trace and log a dropped message.
     * \param packet the packet
     * \param reason why
     */
    void Drop(Ptr<const Packet> packet, const std::string& reason);

    /**
     * \brief The key of a link-layer address in the server's tables.
     * \param mac the address
     * \return its octets as a string
     */
    static std::string Key(const Address& mac);

    /**
     * \brief Register the protocol handler on an access device (once).
     * \param device the device
     */
    void ListenOn(Ptr<NetDevice> device);

    Time m_leaseTime; ///< LeaseTime attribute (0: the granted binding lifetime)
    /// The protocol handler, kept to unregister it.
    Callback<void,
             Ptr<NetDevice>,
             Ptr<const Packet>,
             uint16_t,
             const Address&,
             const Address&,
             NetDevice::PacketType>
        m_handler;
    std::unordered_set<uint32_t> m_devices;                ///< devices listened on (ifIndex)
    std::unordered_map<std::string, Request> m_held;       ///< held until the PBA, by MAC
    std::unordered_map<std::string, Ipv4Address> m_leases; ///< acknowledged, by MAC
    std::unordered_set<uint64_t> m_relayMode;              ///< entries whose PBA asked relay
    Ptr<Socket> m_sink;                                    ///< port 67 socket (drains)
    uint16_t m_ipId{0};                                    ///< IPv4 identification
    uint64_t m_offers{0};                                  ///< DHCPOFFERs sent
    uint64_t m_acks{0};                                    ///< DHCPACKs sent
    uint64_t m_naks{0};                                    ///< DHCPNAKs sent
    uint64_t m_heldCount{0};                               ///< messages held
    uint64_t m_drops{0};                                   ///< messages dropped
    TracedCallback<Ptr<const Packet>, const std::string&, Ipv4Address> m_offerTrace; ///< Offer
    TracedCallback<Ptr<const Packet>, const std::string&, Ipv4Address> m_ackTrace;   ///< Ack
    TracedCallback<Ptr<const Packet>, const std::string&, Ipv4Address> m_nakTrace;   ///< Nak
    TracedCallback<Ptr<const Packet>, const std::string&> m_dropTrace;               ///< Drop
};

} // namespace ns3

#endif /* PMIPV6_MAG_DHCP_SERVER_H */

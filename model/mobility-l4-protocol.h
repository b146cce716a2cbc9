/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MOBILITY_L4_PROTOCOL_H
#define PMIPV6_MOBILITY_L4_PROTOCOL_H

#include "mobility-header.h"

#include "ns3/ip-l4-protocol.h"
#include "ns3/ipv6-header.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <array>
#include <map>

namespace ns3
{

class Node;

/**
 * \ingroup pmipv6
 * \brief The Mobility Header as an IPv6 upper-layer protocol (next header 135).
 *
 * Aggregated to a node that has IPv6, it sends Mobility Header messages with the RFC 6275
 * 6.1.1 checksum, and on receipt checks (in this order) the length, Payload Proto = 59,
 * Header Len against the packet, and the checksum, then hands the message to the handler
 * registered for its MH type. A message of a type nobody registered is answered with a
 * Binding Error, status 2 (RFC 6275 9.2), except a Binding Error itself. Every discarded
 * message is counted per reason and fired through the "Drop" trace.
 */
class MobilityL4Protocol : public IpL4Protocol
{
  public:
    /// IPv6 next header value.
    static const uint8_t PROT_NUMBER;

    /// Why a received Mobility Header message was discarded.
    enum DropReason
    {
        DROP_TRUNCATED = 0, ///< shorter than 8 octets or than Header Len says
        DROP_PAYLOAD_PROTO, ///< Payload Proto is not 59
        DROP_BAD_CHECKSUM,  ///< checksum does not verify
        DROP_UNKNOWN_TYPE,  ///< no handler for the MH type (Binding Error sent)
        DROP_MALFORMED,     ///< a handler could not decode the message
        DROP_REJECTED,      ///< a handler refused the message for a protocol reason
        DROP_UNKNOWN_PEER,  ///< from a node that is not the peer of the binding it names
        DROP_REASON_COUNT,  ///< number of reasons
    };

    /**
     * \brief Handler of one MH type: the message (Mobility Header at the start), the IPv6
     * header it came with, and the index of the IPv6 interface it arrived on.
     */
    typedef Callback<void, Ptr<Packet>, const Ipv6Header&, uint32_t> MessageHandler;

    /**
     * \brief TracedCallback signature for sent and received messages.
     * \param packet the Mobility Header message
     * \param src IPv6 source address
     * \param dst IPv6 destination address
     */
    typedef void (*MessageTracedCallback)(Ptr<const Packet> packet,
                                          Ipv6Address src,
                                          Ipv6Address dst);

    /**
     * \brief TracedCallback signature for discarded messages.
     * \param packet the message as received
     * \param src IPv6 source address
     * \param dst IPv6 destination address
     * \param reason why it was discarded (DropReason)
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet,
                                       Ipv6Address src,
                                       Ipv6Address dst,
                                       DropReason reason);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MobilityL4Protocol();
    ~MobilityL4Protocol() override;

    /**
     * \brief The protocol aggregated to a node, created and aggregated when there is none.
     * \param node a node with IPv6 (InternetStackHelper)
     * \return the node's Mobility Header protocol
     */
    static Ptr<MobilityL4Protocol> Install(Ptr<Node> node);

    /**
     * \brief Set the node this protocol belongs to.
     * \param node the node
     */
    void SetNode(Ptr<Node> node);

    /**
     * \brief Register the handler of an MH type; aborts (NS_ABORT_MSG, naming the MH type)
     * when the type already has one: two agents on one node claiming the same messages is a
     * configuration error, not something to resolve silently. Call UnregisterHandler() first
     * to replace a handler.
     * \param mhType the MH type
     * \param handler the handler
     */
    void RegisterHandler(uint8_t mhType, MessageHandler handler);
    /**
     * \brief Register the handler of an MH type unless the type already has one (the one
     * RegisterHandler() builds on).
     * \param mhType the MH type
     * \param handler the handler
     * \return true when registered, false when the type already had a handler (kept)
     */
    bool TryRegisterHandler(uint8_t mhType, MessageHandler handler);
    /**
     * \brief Remove the handler of an MH type.
     * \param mhType the MH type
     */
    void UnregisterHandler(uint8_t mhType);
    /**
     * \brief Whether a handler is registered for an MH type.
     * \param mhType the MH type
     * \return true when registered
     */
    bool HasHandler(uint8_t mhType) const;

    /**
     * \brief Send a Mobility Header message.
     *
     * When \p src is the unspecified address, the routing protocol picks the route and the
     * source address. The checksum is computed over the pseudo-header of the addresses the
     * packet leaves with.
     * \param header the message (its checksum is set)
     * \param src IPv6 source address, or :: to let routing choose
     * \param dst IPv6 destination address
     * \return true when the message was handed to IPv6
     */
    bool Send(MobilityHeader& header, Ipv6Address src, Ipv6Address dst);

    /**
     * \brief Decode a received message into \p header; on failure count it, fire the Drop
     * trace (DROP_MALFORMED) and log why. Handlers use this so that every drop is counted.
     * \param packet the message
     * \param ip the IPv6 header it came with
     * \param header the message class to decode into
     * \return true when the message decoded
     */
    bool Decode(Ptr<const Packet> packet, const Ipv6Header& ip, MobilityHeader& header);

    /**
     * \brief Count and trace a message a handler discards for a protocol reason.
     * \param packet the message
     * \param ip the IPv6 header it came with
     * \param reason the reason
     */
    void NotifyDrop(Ptr<const Packet> packet, const Ipv6Header& ip, DropReason reason);

    /**
     * \brief Number of messages dropped for a reason.
     * \param reason the reason
     * \return the count
     */
    uint64_t GetDropCount(DropReason reason) const;
    /**
     * \brief Number of messages handed to handlers.
     * \return the count
     */
    uint64_t GetRxCount() const;
    /**
     * \brief Number of messages sent.
     * \return the count
     */
    uint64_t GetTxCount() const;
    /**
     * \brief Number of Binding Errors sent for unrecognized MH types.
     * \return the count
     */
    uint64_t GetBindingErrorCount() const;

    /**
     * \brief A name for a drop reason.
     * \param reason the reason
     * \return the name
     */
    static std::string DropReasonName(DropReason reason);

    // IpL4Protocol
    int GetProtocolNumber() const override;
    IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                   const Ipv4Header& header,
                                   Ptr<Ipv4Interface> incomingInterface) override;
    IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                   const Ipv6Header& header,
                                   Ptr<Ipv6Interface> incomingInterface) override;
    void SetDownTarget(IpL4Protocol::DownTargetCallback cb) override;
    void SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb) override;
    IpL4Protocol::DownTargetCallback GetDownTarget() const override;
    IpL4Protocol::DownTargetCallback6 GetDownTarget6() const override;

  protected:
    void NotifyNewAggregate() override;
    void DoDispose() override;

  private:
    /**
     * \brief Count and trace a drop.
     * \param p the packet
     * \param src source address
     * \param dst destination address
     * \param reason the reason
     */
    void Drop(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst, DropReason reason);

    /**
     * \brief Hand a received message to the handler of its MH type (in its own event).
     * \param mhType the MH type
     * \param p the message
     * \param header its IPv6 header
     * \param interface the arrival interface
     */
    void Dispatch(uint8_t mhType, Ptr<Packet> p, Ipv6Header header, uint32_t interface);

    /**
     * \brief Answer an unrecognized MH type with a Binding Error, status 2.
     * \param src the offending message's source (the Binding Error's destination)
     * \param dst the offending message's destination
     */
    void SendBindingError(Ipv6Address src, Ipv6Address dst);

    Ptr<Node> m_node;                                     ///< the node
    IpL4Protocol::DownTargetCallback6 m_downTarget6;      ///< IPv6 Send
    IpL4Protocol::DownTargetCallback m_downTarget;        ///< IPv4 Send (unused)
    std::map<uint8_t, MessageHandler> m_handlers;         ///< handler per MH type
    bool m_calcChecksum;                                  ///< compute the checksum when sending
    bool m_verifyChecksum;                                ///< verify it on receipt
    bool m_sendBindingError;                              ///< answer unknown types
    Time m_bindingErrorInterval;                          ///< minimum gap between Binding Errors
    Time m_lastBindingError;                              ///< when the last one was sent
    uint64_t m_rxCount;                                   ///< messages handed to handlers
    uint64_t m_txCount;                                   ///< messages sent
    uint64_t m_beCount;                                   ///< Binding Errors sent
    std::array<uint64_t, DROP_REASON_COUNT> m_dropCounts; ///< drops per reason
    TracedCallback<Ptr<const Packet>, Ipv6Address, Ipv6Address> m_txTrace; ///< sent
    TracedCallback<Ptr<const Packet>, Ipv6Address, Ipv6Address> m_rxTrace; ///< accepted
    TracedCallback<Ptr<const Packet>, Ipv6Address, Ipv6Address, DropReason>
        m_dropTrace; ///< discarded
};

} // namespace ns3

#endif /* PMIPV6_MOBILITY_L4_PROTOCOL_H */

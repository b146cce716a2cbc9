/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LOGICAL_INTERFACE_NET_DEVICE_H
#define PMIPV6_LOGICAL_INTERFACE_NET_DEVICE_H

#include "traffic-selector.h"

#include "ns3/ipv6-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <cstddef>
#include <cstdint>
#include <list>
#include <unordered_map>
#include <vector>

namespace ns3
{

class Node;

/**
 * \ingroup pmipv6
 * \brief The mobile node's logical interface (pmipv6 flow mobility draft 6, RFC 7847): one
 * NetDevice that hides several physical devices (CSMA, Wi-Fi, point-to-point, any NetDevice)
 * from IPv6.
 *
 * IPv6 sees one interface with one link-layer identity (the logical device's own MAC-48
 * address, hence one link-local address and one autoconfigured address per prefix), while
 * every physical device keeps its own MAC address towards its access link (each is its own
 * attachment at its MAG, with its own MN link-layer identifier). The physical devices must be
 * on the same node and must not be IPv6 interfaces themselves.
 *
 * Receive: frames from any usable physical device go up as frames of the logical device: those
 * addressed to the physical device, broadcast and multicast frames, and frames addressed to the
 * logical device's own address (a neighbour that resolved the link-local address by Neighbour
 * Discovery). Before that, an IPv6 packet teaches the flow table on which physical device its
 * flow last arrived and from which link-layer address; a Router Advertisement teaches the
 * physical device's gateway (its source address).
 *
 * Send: broadcast and multicast frames go out on every usable physical device. Neighbour
 * Discovery messages leave with the physical device's address in their link-layer address
 * option (LocalizeNd), so that a MAG's neighbour entry for the mobile node stays the MAC
 * address the mobile node attached with. A unicast IPv6
 * packet is classified by its flow (source and destination address, next header and, for TCP
 * and UDP, ports, read from the IPv6 packet handed to Send): a flow pinned by a policy
 * (AddFlowPolicy) leaves by its pinned device; otherwise a flow that arrived leaves by the
 * device it last arrived on, to the link-layer address it came from (uplink follows downlink per
 * flow); otherwise it leaves by the default device (DefaultInterface). When the destination
 * link-layer address given by IPv6 is the gateway of another physical device, it is replaced by
 * the chosen device's gateway. A pinned, learnt or default device that is no longer usable
 * (SetPhysicalDeviceUp false, or its link down) is replaced by the default device, else by the
 * first usable one.
 *
 * The flow table is a hash map with least-recently-used eviction (MaxFlows) and ageing
 * (FlowTimeout): O(1) per packet. Policies are consulted when a flow is first seen or after the
 * policy table changed, and the decision is cached in the flow entry.
 */
class LogicalInterfaceNetDevice : public NetDevice
{
  public:
    /// Why a physical device was chosen for a packet (the InterfaceChoice trace).
    enum ChoiceReason : uint8_t
    {
        CHOICE_LEARNT = 0,   ///< the flow's last arrival device
        CHOICE_PINNED = 1,   ///< a flow policy
        CHOICE_DEFAULT = 2,  ///< a new flow: the default device
        CHOICE_FALLBACK = 3, ///< the chosen device is unusable: another one
        CHOICE_FLOOD = 4,    ///< broadcast / multicast: every usable device
    };

    /// The key of a flow, from the mobile node's point of view.
    struct FlowKey
    {
        uint8_t local[16]{};    ///< the mobile node's address
        uint8_t remote[16]{};   ///< the peer's address
        uint8_t nextHeader{0};  ///< next header of the fixed IPv6 header
        uint16_t localPort{0};  ///< local port (TCP / UDP), else 0
        uint16_t remotePort{0}; ///< remote port (TCP / UDP), else 0

        /**
         * \brief Equality.
         * \param o the other key
         * \return whether all fields are equal
         */
        bool operator==(const FlowKey& o) const;
    };

    /// Hash of a FlowKey.
    struct FlowKeyHash
    {
        /**
         * \brief The hash.
         * \param k the key
         * \return its hash
         */
        std::size_t operator()(const FlowKey& k) const;
    };

    /**
     * \brief TracedCallback signature of InterfaceChoice.
     * \param packet the packet sent
     * \param port the physical device's index
     * \param reason a ChoiceReason
     */
    typedef void (*ChoiceTracedCallback)(Ptr<const Packet> packet, uint32_t port, uint8_t reason);
    /**
     * \brief TracedCallback signature of PhysicalRx.
     * \param packet the packet delivered up
     * \param port the physical device's index
     */
    typedef void (*PhysicalRxTracedCallback)(Ptr<const Packet> packet, uint32_t port);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LogicalInterfaceNetDevice();
    ~LogicalInterfaceNetDevice() override;

    /**
     * \brief Add a physical device (attached and usable). Call after SetNode; the device must
     * be on the same node and must not be an IPv6 interface.
     * \param device the physical device
     * \return its index among the physical devices (the "port" of the other methods)
     */
    uint32_t AddPhysicalDevice(Ptr<NetDevice> device);
    /**
     * \brief The number of physical devices ever added.
     * \return the number
     */
    uint32_t GetNPhysicalDevices() const;
    /**
     * \brief A physical device.
     * \param port its index
     * \return the device
     */
    Ptr<NetDevice> GetPhysicalDevice(uint32_t port) const;
    /**
     * \brief The index of a physical device.
     * \param device the device
     * \return its index, or -1 when it is none of this logical device's
     */
    int32_t GetPort(Ptr<NetDevice> device) const;
    /**
     * \brief Attach (true) or detach (false) a physical device at run time. A detached device
     * neither sends nor delivers; flows learnt or pinned on it move to the default device (or
     * the first usable one).
     * \param port the device's index
     * \param up whether it is attached
     */
    void SetPhysicalDeviceUp(uint32_t port, bool up);
    /**
     * \brief Whether a physical device is attached and its link is up.
     * \param port the device's index
     * \return whether it can carry packets
     */
    bool IsPhysicalDeviceUsable(uint32_t port) const;
    /**
     * \brief The device new flows leave by.
     * \param port the device's index
     */
    void SetDefaultPort(uint32_t port);
    /**
     * \brief The device new flows leave by.
     * \return its index
     */
    uint32_t GetDefaultPort() const;
    /**
     * \brief Set the gateway (router) link-layer address of a physical device's link (else
     * learnt from the Router Advertisements received there).
     * \param port the device's index
     * \param gateway the router's link-layer address
     */
    void SetGateway(uint32_t port, Mac48Address gateway);
    /**
     * \brief The gateway link-layer address of a physical device's link.
     * \param port the device's index
     * \return the address, or an invalid Address when none is known
     */
    Address GetGateway(uint32_t port) const;
    /**
     * \brief Pin the uplink flows a selector matches to a physical device. The selector is
     * matched against uplink packets (source: the mobile node). The first match by priority
     * wins (lower value first; equal priorities in the order added).
     * \param selector the traffic selector (IPv6 format)
     * \param priority the priority (lower value first)
     * \param port the device's index
     * \return the policy's identifier (RemoveFlowPolicy)
     */
    uint32_t AddFlowPolicy(const TrafficSelector& selector, uint8_t priority, uint32_t port);
    /**
     * \brief Remove a policy.
     * \param id its identifier
     * \return whether it existed
     */
    bool RemoveFlowPolicy(uint32_t id);
    /**
     * \brief The number of flows in the flow table (including expired ones not yet evicted).
     * \return the number
     */
    uint32_t GetNFlows() const;
    /**
     * \brief The device a flow would leave by now (no state change, no trace).
     * \param key the flow, from the mobile node's view
     * \return the device's index, or -1 when no device is usable
     */
    int32_t GetFlowPort(const FlowKey& key) const;
    /**
     * \brief The link-local address IPv6 derives from this device's address (RFC 4862), the
     * one a MAG must send its Router Advertisements to.
     * \return the address
     */
    Ipv6Address GetLinkLocalAddress() const;

    // NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    Ptr<Channel> GetChannel() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    bool IsLinkUp() const override;
    void AddLinkChangeCallback(Callback<void> callback) override;
    bool IsBroadcast() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool IsBridge() const override;
    bool IsPointToPoint() const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    Ptr<Node> GetNode() const override;
    void SetNode(Ptr<Node> node) override;
    bool NeedsArp() const override;
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    void SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb) override;
    bool SupportsSendFrom() const override;

  protected:
    void DoDispose() override;

  private:
    /// One physical device.
    struct Port
    {
        Ptr<NetDevice> device;  ///< the device
        bool up{true};          ///< attached (SetPhysicalDeviceUp)
        bool hasGateway{false}; ///< the gateway below is known
        Mac48Address gateway;   ///< its link's router
    };

    /// One flow.
    struct Flow
    {
        FlowKey key;                  ///< the key
        Time lastUsed;                ///< last packet of the flow either way
        bool learnt{false};           ///< it arrived at least once
        uint32_t learntPort{0};       ///< the device it last arrived on
        Mac48Address learntPeer;      ///< the link-layer address it came from
        uint32_t policyGeneration{0}; ///< m_policyGeneration when the policy was looked up
        bool pinned{false};           ///< a policy pins it
        uint32_t pinnedPort{0};       ///< to this device
    };

    /// One policy.
    struct Policy
    {
        uint32_t id;              ///< identifier
        uint8_t priority;         ///< lower first
        TrafficSelector selector; ///< uplink selector
        uint32_t port;            ///< target device
    };

    /// The LRU list (front: most recently used) and the index into it.
    using FlowList = std::list<Flow>;

    /**
     * \brief A frame from a physical device (its promiscuous receive callback).
     * \param device the physical device
     * \param packet the packet
     * \param protocol the protocol number
     * \param source the source address
     * \param destination the destination address
     * \param packetType the packet type
     */
    void ReceiveFromPhysical(Ptr<NetDevice> device,
                             Ptr<const Packet> packet,
                             uint16_t protocol,
                             const Address& source,
                             const Address& destination,
                             PacketType packetType);
    /**
     * \brief Read the flow key of an IPv6 packet (no allocation, no trust in its bytes).
     * \param packet the packet, starting with the IPv6 header
     * \param uplink whether the source is the mobile node (else the destination)
     * \param key the key, filled
     * \param selectorKey the traffic selector view of the packet (uplink only), filled
     * \param icmpType the ICMPv6 type (when next header is 58), filled
     * \return whether it is a unicast IPv6 packet whose key could be read
     */
    static bool ReadKey(Ptr<const Packet> packet,
                        bool uplink,
                        FlowKey& key,
                        TrafficSelector::FlowKey* selectorKey,
                        uint8_t& icmpType);
    /**
     * \brief Find a flow, dropping it when it has expired.
     * \param key the key
     * \return the flow, or nullptr
     */
    Flow* FindFlow(const FlowKey& key);
    /**
     * \brief Find or create a flow and mark it most recently used.
     * \param key the key
     * \return the flow
     */
    Flow* TouchFlow(const FlowKey& key);
    /**
     * \brief The first policy that matches an uplink packet.
     * \param selectorKey the packet's fields
     * \return the policy, or nullptr
     */
    const Policy* MatchPolicy(const TrafficSelector::FlowKey& selectorKey) const;
    /**
     * \brief A usable device instead of an unusable one: the default, else the first usable.
     * \return the device's index, or -1
     */
    int32_t FallbackPort() const;
    /**
     * \brief The packet as it leaves by one physical device: in a Router Solicitation,
     * Neighbour Solicitation or Advertisement, a source / target link-layer address option
     * carrying the logical address gets the physical device's address (checksum updated), so
     * that each link resolves the mobile node to the MAC address it attached with.
     * \param packet the packet (IPv6 header first)
     * \param physical the physical device's address
     * \return the packet, or a rewritten copy
     */
    Ptr<Packet> LocalizeNd(Ptr<Packet> packet, Mac48Address physical) const;
    /**
     * \brief Send on one physical device, replacing another device's gateway by this one's.
     * \param packet the packet
     * \param port the device's index
     * \param dest the destination link-layer address
     * \param protocolNumber the protocol number
     * \return whether the physical device accepted it
     */
    bool SendOn(Ptr<Packet> packet, uint32_t port, Mac48Address dest, uint16_t protocolNumber);
    /// Fire the link change callbacks.
    void NotifyLinkChange();

    Ptr<Node> m_node;          ///< the node
    uint32_t m_ifIndex{0};     ///< interface index on the node
    Mac48Address m_address;    ///< the logical link-layer identity
    uint16_t m_mtu{1500};      ///< MTU towards IPv6
    std::vector<Port> m_ports; ///< the physical devices
    uint32_t m_defaultPort{0}; ///< the device new flows leave by
    uint32_t m_maxFlows{4096}; ///< flow table bound
    Time m_flowTimeout;        ///< flow ageing
    FlowList m_flows;          ///< LRU order
    std::unordered_map<FlowKey, FlowList::iterator, FlowKeyHash> m_flowIndex; ///< by key
    std::vector<Policy> m_policies;                        ///< sorted by priority
    uint32_t m_nextPolicyId{1};                            ///< next policy identifier
    uint32_t m_policyGeneration{1};                        ///< bumped on policy change
    NetDevice::ReceiveCallback m_rxCallback;               ///< to the node
    NetDevice::PromiscReceiveCallback m_promiscRxCallback; ///< to the node
    std::vector<Callback<void>> m_linkChangeCallbacks;     ///< link change listeners
    bool m_linkUp{false};                                  ///< the last reported link state

    /// Trace: (packet, device index, ChoiceReason) for every packet sent.
    TracedCallback<Ptr<const Packet>, uint32_t, uint8_t> m_choiceTrace;
    /// Trace: (packet, device index) for every frame delivered up.
    TracedCallback<Ptr<const Packet>, uint32_t> m_physicalRxTrace;
};

} // namespace ns3

#endif /* PMIPV6_LOGICAL_INTERFACE_NET_DEVICE_H */

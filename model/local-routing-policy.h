/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LOCAL_ROUTING_POLICY_H
#define PMIPV6_LOCAL_ROUTING_POLICY_H

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

#include <cstdint>
#include <unordered_map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Decides when a MAG or an LMA that detected traffic between a mobile node and a
 * correspondent node of its domain starts local routing optimization for the pair
 * (draft-wu-netext-local-ro-02 4, 5.1, 5.2: "the decision ... should be based on the policy
 * configured on the MAG or LMA").
 *
 * The detector calls Observe() for each packet of a pair it has no local route (and no
 * request in progress) for; a true answer starts the optimization. This base class never
 * starts one: optimization then happens only by an explicit API call
 * (MagLocalRoutingExtension::RequestLocalRouting, LmaLocalRoutingExtension::StartLocalRouting).
 */
class LocalRoutingPolicy : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LocalRoutingPolicy();
    ~LocalRoutingPolicy() override;

    /**
     * \brief A packet of a pair without a local route was seen.
     * \param source the packet's source (the mobile node)
     * \param destination its destination (the correspondent node)
     * \param size its size in octets
     * \return true to start local routing optimization for the pair now
     */
    virtual bool Observe(Ipv6Address source, Ipv6Address destination, uint32_t size);

    /**
     * \brief The optimization of a pair ended (established, refused or torn down): forget what
     * was counted for it.
     * \param source the mobile node's address
     * \param destination the correspondent node's address
     */
    virtual void Reset(Ipv6Address source, Ipv6Address destination);
};

/**
 * \ingroup pmipv6
 * \brief Starts local routing optimization on the first packet of a pair.
 */
class FirstPacketLocalRoutingPolicy : public LocalRoutingPolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    FirstPacketLocalRoutingPolicy();
    ~FirstPacketLocalRoutingPolicy() override;

    bool Observe(Ipv6Address source, Ipv6Address destination, uint32_t size) override;
};

/**
 * \ingroup pmipv6
 * \brief Starts local routing optimization when a pair sent at least "Packets" packets within
 * "Window" (a rate threshold). One hash lookup per packet.
 */
class RateThresholdLocalRoutingPolicy : public LocalRoutingPolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    RateThresholdLocalRoutingPolicy();
    ~RateThresholdLocalRoutingPolicy() override;

    bool Observe(Ipv6Address source, Ipv6Address destination, uint32_t size) override;
    void Reset(Ipv6Address source, Ipv6Address destination) override;

  private:
    /// Packets of a pair in the current window.
    struct Counter
    {
        Time windowStart; ///< start of the window
        uint32_t packets; ///< packets in it
    };

    /// Hash of a (source, destination) pair.
    struct PairHash
    {
        /**
         * \brief The hash.
         * \param k the pair
         * \return its hash
         */
        size_t operator()(const std::pair<Ipv6Address, Ipv6Address>& k) const;
    };

    uint32_t m_packets; ///< threshold (packets)
    Time m_window;      ///< within this time
    std::unordered_map<std::pair<Ipv6Address, Ipv6Address>, Counter, PairHash>
        m_counters; ///< per pair
};

} // namespace ns3

#endif /* PMIPV6_LOCAL_ROUTING_POLICY_H */

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_IPV4_EXTENSION_H
#define PMIPV6_LMA_IPV4_EXTENSION_H

#include "ipv4-home-address-pool.h"
#include "ipv4-home-address-routing.h"
#include "pmipv6-lma-extension.h"

#include "ns3/ipv4-address.h"
#include "ns3/traced-callback.h"

#include <set>
#include <string>
#include <unordered_map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The LMA side of IPv4 home address mobility (RFC 5844 3.1), signalling only.
 *
 * A PBU that carries an IPv4 Home Address Request option (RFC 5844 3.3.1) gets an IPv4 home
 * address from the extension's pool (attributes PoolNetwork / PoolMask); the address is kept
 * per mobile node (MN-ID), written into every binding cache entry of the MN
 * (BindingCacheEntry::ipv4HomeAddress), returned in the PBA's IPv4 Home Address Reply option
 * with an IPv4 Default-Router Address option, kept over handovers (a PBU of another MAG for the
 * same MN-ID gets the same address) and released when the MN's last entry is deleted
 * (de-registration or expiry).
 *
 * Refusals (the module's reading of RFC 5844 3.1.2): the MN's profile does not enable IPv4
 * (Pmipv6Profile::ipv4HomeAddressMobility, or AuthorizeAll) -> PBA status 170 with Reply status
 * 129; more than one request option -> 173; a requested non-zero address that is not the MN's
 * current one, not in the pool or held by another MN -> 171 with Reply status 130 (other MN's
 * or not the current one) or 131 (not in the pool); pool exhausted -> 130 (insufficient
 * resources) with Reply status 132.
 *
 * Data path (IPv4 over the IPv6 transport): when the node has IPv4, the MN's tunnel carries
 * IPv4 too (Ipv6TunnelL4Protocol::EnableIpv4, IPv4-in-IPv6) and a host route of the IPv4 home
 * address into that tunnel is set in the node's Ipv4HomeAddressRouting on every accepted
 * registration (moved to the new tunnel on a handover), removed when the entry that set it is
 * de-registered or deleted.
 *
 * Flow bindings: the host route carries the MN's flow owner (Pmipv6LmaApplication::
 * GetFlowOwner) and the routing classifies in the LMA's FlowBindingTable, so an IPv4 flow
 * entry (IPv4 traffic selector) sends the flow into the tunnel of the binding its BID names
 * (e.g. the flows of a multihomed MN split over its MAGs by LMA-initiated flow binding),
 * whatever binding the host route uses.
 */
class LmaIpv4Extension : public Pmipv6LmaExtension
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LmaIpv4Extension();
    ~LmaIpv4Extension() override;

    /**
     * \brief RFC 5844 3.2: a PBU with an IPv4 Home Address Request option needs no Home
     * Network Prefix option (an IPv4-only registration).
     * \param req the request
     * \return true when it carries an IPv4 Home Address Request option
     */
    bool AcceptsWithoutHomeNetworkPrefix(const ProxyBindingRequest& req) override;
    uint8_t CheckPbu(const ProxyBindingRequest& req) override;
    void NotifyBinding(BindingEvent event,
                       Ptr<BindingCacheEntry> entry,
                       Ipv6Address previousProxyCoa) override;
    void AddPbaOptions(BindingAckHeader& pba,
                       const ProxyBindingRequest& req,
                       Ptr<const BindingCacheEntry> entry) override;

    /**
     * \brief The IPv4 home address held for a mobile node.
     * \param mnId the MN-ID
     * \return the address, or 0.0.0.0 when none
     */
    Ipv4Address GetHomeAddress(const std::string& mnId) const;

    /**
     * \brief The default router announced in PBAs (the DefaultRouter attribute, else the
     * pool's first host address).
     * \return the address
     */
    Ipv4Address GetDefaultRouter() const;

    /**
     * \brief The pool (for inspection).
     * \return the pool
     */
    const Ipv4HomeAddressPool& GetPool() const;

    /**
     * TracedCallback signature of AddressAssigned / AddressReleased.
     * \param mnId the MN-ID
     * \param address the IPv4 home address
     */
    typedef void (*AddressTracedCallback)(const std::string& mnId, Ipv4Address address);

  protected:
    void DoDispose() override;
    void DoStart() override;

  private:
    /// An address held for one mobile node.
    struct Lease
    {
        Ipv4Address address;         ///< the IPv4 home address
        std::set<uint64_t> entries;  ///< binding cache entries holding it; empty = pending
        uint64_t routedEntry{0};     ///< the entry whose tunnel the host route uses (0 = none)
        uint32_t routedInterface{0}; ///< that tunnel's IPv4 interface
    };

    /**
     * \brief Route the MN's IPv4 home address into the entry's tunnel (when the node has IPv4).
     * \param entry the entry
     * \param lease the MN's lease
     */
    void RouteHomeAddress(Ptr<const BindingCacheEntry> entry, Lease& lease);

    /**
     * \brief Remove the host route when \p entry set it.
     * \param entry the entry
     * \param lease the MN's lease
     */
    void UnrouteHomeAddress(Ptr<const BindingCacheEntry> entry, Lease& lease);

    /// The answer CheckPbu() prepared for the PBA of one request (kept until that PBA, also
    /// when the LMA defers it, e.g. a Handoff Indicator 4 wait).
    struct Answer
    {
        uint16_t sequence{0};   ///< the PBU's sequence number
        uint8_t replyStatus{0}; ///< Reply option status (0 = success)
    };

    /// \brief Configure the pool from the attributes (once, on start or first use).
    void ConfigurePool();

    /**
     * \brief Whether the MN may have an IPv4 home address.
     * \param mnId the MN-ID
     * \return true when authorized
     */
    bool IsAuthorized(const std::string& mnId) const;

    /**
     * \brief Remember the Reply status for the PBA that answers \p req.
     * \param req the request
     * \param replyStatus the status
     */
    void SetAnswer(const ProxyBindingRequest& req, uint8_t replyStatus);

    /**
     * \brief The flow-binding resolver of the IPv4 data path: the IPv4 interface of the
     * tunnel of the binding (flow owner, BID).
     * \param flowOwner the flow owner (an MN of a lease)
     * \param bindingId the BID
     * \return the output (interface NO_INTERFACE when unknown)
     */
    FlowBindingOutput ResolveBinding(uint64_t flowOwner, uint16_t bindingId);

    /**
     * \brief Release a lease.
     * \param mnId the MN-ID
     */
    void ReleaseLease(const std::string& mnId);

    Ipv4Address m_poolNetwork;    ///< PoolNetwork attribute
    Ipv4Mask m_poolMask;          ///< PoolMask attribute
    Ipv4Address m_defaultRouter;  ///< DefaultRouter attribute (0.0.0.0 = first host address)
    bool m_authorizeAll;          ///< AuthorizeAll attribute
    bool m_poolConfigured{false}; ///< ConfigurePool() ran
    Ipv4HomeAddressPool m_pool;   ///< the pool
    Ptr<Ipv4HomeAddressRouting> m_routing; ///< the node's IPv4 home address routes (lazily)
    std::unordered_map<std::string, Lease> m_leases;         ///< by MN-ID
    std::unordered_map<std::string, Answer> m_answers;       ///< pending answers, by MN-ID
    std::unordered_map<uint64_t, std::string> m_ownerMnIds;  ///< flow owner -> MN-ID (leases)
    std::unordered_map<uint32_t, uint32_t> m_ipv4Interfaces; ///< tunnel IPv6 -> IPv4 interface

    /// An address was assigned to an MN (first time, not on refresh or handover).
    TracedCallback<const std::string&, Ipv4Address> m_assignedTrace;
    /// An address was returned to the pool.
    TracedCallback<const std::string&, Ipv4Address> m_releasedTrace;
};

} // namespace ns3

#endif /* PMIPV6_LMA_IPV4_EXTENSION_H */

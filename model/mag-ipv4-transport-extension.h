/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MAG_IPV4_TRANSPORT_EXTENSION_H
#define PMIPV6_MAG_IPV4_TRANSPORT_EXTENSION_H

#include "pmipv6-mag-extension.h"

#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <unordered_map>

namespace ns3
{

class Pmipv6Ipv4Transport;

/**
 * \ingroup pmipv6
 * \brief The MAG side of the IPv4 transport (RFC 5844 4.2): every PBU carries the IPv4
 * Care-of Address option (the IPv4-Proxy-CoA) and, with "ForceUdp", the F flag (RFC 5555);
 * a PBA with a NAT Detection option (RFC 5555 3.2.2), or ForceUdp, switches the node's data
 * tunnel to that LMA into UDP (Pmipv6Ipv4Transport::SetUdpEncapsulation()). With the option
 * (a NAT between MAG and LMA) the binding is refreshed (Pmipv6MagApplication::RefreshNow())
 * the option's Refresh time after each PBA, whatever the binding lifetime, so that the NAT
 * keeps its mapping (attribute NatKeepalive, trace NatKeepalive).
 *
 * The messages themselves travel over IPv4 because the node's Pmipv6Ipv4Transport carries the
 * MAG's Proxy-CoA and routes the LMA's address; without a transport on the node the extension
 * does nothing.
 */
class MagIpv4TransportExtension : public Pmipv6MagExtension
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MagIpv4TransportExtension();
    ~MagIpv4TransportExtension() override;

    void AddPbuOptions(BindingUpdateHeader& pbu, Ptr<const BindingUpdateListEntry> entry) override;
    void NotifyPba(const BindingAckHeader& pba, Ptr<BindingUpdateListEntry> entry) override;
    void NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry) override;

    /**
     * \brief The NAT keepalives sent (refresh PBUs that the NAT Detection option's Refresh
     * time brought forward).
     * \return the count
     */
    uint64_t GetNatKeepaliveCount() const;

    /**
     * \brief The Refresh time the last PBA of an entry gave (NAT Detection option).
     * \param entryId the binding update list entry's id
     * \return the Refresh time, or zero when that PBA had no option (no NAT) or no keepalive
     */
    Time GetNatRefreshTime(uint64_t entryId) const;

    /**
     * \brief TracedCallback signature of NatKeepalive.
     * \param mnId the mobile node whose binding is refreshed
     * \param lma the LMA
     * \param refreshTime the NAT Detection option's Refresh time
     */
    typedef void (*NatKeepaliveTracedCallback)(const std::string& mnId,
                                               Ipv6Address lma,
                                               Time refreshTime);

    /**
     * \brief The IPv4-Proxy-CoA the PBUs carry.
     * \return the attribute, or the transport's address when the attribute is 0.0.0.0
     */
    Ipv4Address GetIpv4ProxyCoa() const;

    /**
     * \brief Whether the data tunnel to an LMA runs in UDP.
     * \param lma the LMA's IPv6 transport address
     * \return true in UDP
     */
    bool IsUdpEncapsulation(Ipv6Address lma) const;

    /**
     * \brief TracedCallback signature for the encapsulation chosen after a PBA.
     * \param lma the LMA
     * \param udp true = UDP, false = IPv4 / IPv6 in IPv4
     * \param natDetected the PBA carried a NAT Detection option
     */
    typedef void (*EncapsulationTracedCallback)(Ipv6Address lma, bool udp, bool natDetected);

  protected:
    void DoDispose() override;
    void DoStart() override;

  private:
    /**
     * \brief The Refresh time of an entry ran out: refresh its binding now (the NAT
     * keepalive).
     * \param entryId the binding update list entry's id
     */
    void NatKeepalive(uint64_t entryId);

    /**
     * \brief Forget an entry's Refresh time and cancel its keepalive.
     * \param entryId the binding update list entry's id
     */
    void ForgetNat(uint64_t entryId);

    bool m_natKeepalive;                                   ///< NatKeepalive attribute
    std::unordered_map<uint64_t, Time> m_natRefresh;       ///< entry id -> Refresh time (NAT)
    std::unordered_map<uint64_t, EventId> m_natKeepalives; ///< entry id -> keepalive timer
    uint64_t m_natKeepaliveCount{0};                       ///< keepalives sent
    /// a NAT keepalive (refresh PBU) is sent
    TracedCallback<const std::string&, Ipv6Address, Time> m_natKeepaliveTrace;
    Ipv4Address m_ipv4ProxyCoa;           ///< Ipv4ProxyCoa attribute
    bool m_forceUdp;                      ///< ForceUdp attribute
    Ptr<Pmipv6Ipv4Transport> m_transport; ///< the node's transport (nullptr: none)
    TracedCallback<Ipv6Address, bool, bool> m_encapsulationTrace; ///< after each PBA
};

} // namespace ns3

#endif /* PMIPV6_MAG_IPV4_TRANSPORT_EXTENSION_H */

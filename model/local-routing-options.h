/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Mobility options of draft-wu-netext-local-ro-02 (section 9): the Local Routing
 * Optimization option and the MN-CN pair option. Readings of the draft's ambiguities:
 * doc/notes/draft-options.md.
 */

#ifndef PMIPV6_LOCAL_ROUTING_OPTIONS_H
#define PMIPV6_LOCAL_ROUTING_OPTIONS_H

#include "mobility-option.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Local Routing Optimization option (type 244, draft-wu-netext-local-ro 9.1).
 *
 * Data (Length 2): Reserved (8) | Reserved (6) | LRI (2). LRI values are
 * mip6::LocalRoutingIndication (0 unknown / not available, 1 intra-MAG, 2 intra-LMA,
 * 3 inter-LMA).
 *
 * Alignment: none (1n+0); the data are two single octets, like the RFC 5213 Handoff
 * Indicator and Access Technology Type options.
 *
 * \note The figure draws "Reserved" over 14 bits with LRI in the last two bits of the
 * 16-bit data, while the text calls Reserved an 8-bit field. Both readings put LRI in the
 * two least-significant bits of the second data octet, which is what this class does; all
 * other bits are written as zero and ignored on receipt. A Length other than 2 is rejected.
 */
class LocalRoutingOptimizationOption : public MobilityOption
{
  public:
    /// \brief An option with LRI 0 (not available).
    LocalRoutingOptimizationOption();

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The Local Routing Optimization Indication.
     * \return the LRI (0..3, see mip6::LocalRoutingIndication)
     */
    uint8_t GetLri() const;
    /**
     * \brief Set the Local Routing Optimization Indication.
     * \param lri the LRI (0..3, see mip6::LocalRoutingIndication)
     */
    void SetLri(uint8_t lri);

  private:
    uint8_t m_lri; ///< LRI, 2 bits
};

/**
 * \ingroup pmipv6
 * \brief MN-CN pair option (type 245, draft-wu-netext-local-ro 9.5): one node (the MN or
 * the CN) of a local-routing pair.
 *
 * Data: P (1) | Reserved (7) | Prefix Length (8) | Home Network Prefix (128) |
 * Proxy CoA (128) | IPv4 HoA (32) | IPv4 Proxy CoA (32), the last two only when P is set.
 * Length is 34 without the P flag and 42 with it; any other Length, or a Length that does
 * not match the P flag, is rejected, as is a Prefix Length above 128.
 *
 * Alignment: 8n+4, like the RFC 5213 Home Network Prefix option, so that the prefix and the
 * Proxy CoA start on 8-octet boundaries.
 *
 * \note The draft draws one node's data per option and says the option "MUST be used in
 * pairs, one for MN and one for CN", MN first. This class is therefore one half of the pair;
 * a message carries two of them, MN first (order checking belongs to the message handler).
 */
class MnCnPairOption : public MobilityOption
{
  public:
    /// \brief An option with an all-zero prefix and Proxy CoA and no IPv4 fields.
    MnCnPairOption();

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The Home Network Prefix.
     * \return the prefix
     */
    Ipv6Address GetHomeNetworkPrefix() const;
    /**
     * \brief The Prefix Length field.
     * \return the prefix length in bits
     */
    uint8_t GetPrefixLength() const;
    /**
     * \brief Set the Home Network Prefix and its length.
     * \param prefix the prefix
     * \param prefixLength its length in bits (at most 128)
     */
    void SetHomeNetworkPrefix(Ipv6Address prefix, uint8_t prefixLength);
    /**
     * \brief The Proxy CoA of the node's MAG.
     * \return the address
     */
    Ipv6Address GetProxyCoa() const;
    /**
     * \brief Set the Proxy CoA of the node's MAG.
     * \param address the address
     */
    void SetProxyCoa(Ipv6Address address);
    /**
     * \brief Whether the P flag is set (IPv4 HoA and IPv4 Proxy CoA present).
     * \return true when set
     */
    bool HasIpv4() const;
    /**
     * \brief Set the P flag and the IPv4 fields.
     * \param homeAddress the IPv4 home address of the node
     * \param proxyCoa the IPv4 Proxy CoA of the node's MAG
     */
    void SetIpv4(Ipv4Address homeAddress, Ipv4Address proxyCoa);
    /// \brief Clear the P flag and the IPv4 fields.
    void ClearIpv4();
    /**
     * \brief The IPv4 home address (meaningful when HasIpv4()).
     * \return the address
     */
    Ipv4Address GetIpv4HomeAddress() const;
    /**
     * \brief The IPv4 Proxy CoA (meaningful when HasIpv4()).
     * \return the address
     */
    Ipv4Address GetIpv4ProxyCoa() const;

  private:
    uint8_t m_prefixLength;     ///< Prefix Length
    Ipv6Address m_prefix;       ///< Home Network Prefix
    Ipv6Address m_proxyCoa;     ///< Proxy CoA
    bool m_ipv4;                ///< P flag
    Ipv4Address m_ipv4HoA;      ///< IPv4 HoA
    Ipv4Address m_ipv4ProxyCoa; ///< IPv4 Proxy CoA
};

/**
 * \ingroup pmipv6
 * \brief Build an empty option of the local-ro family.
 * \param type the option Type octet
 * \return the option for mip6::OPT_LOCAL_ROUTING_OPTIMIZATION or mip6::OPT_MN_CN_PAIR,
 * nullptr for any other type
 */
Ptr<MobilityOption> CreateLocalRoutingOption(uint8_t type);

} // namespace ns3

#endif /* PMIPV6_LOCAL_ROUTING_OPTIONS_H */

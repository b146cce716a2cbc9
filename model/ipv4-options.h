/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The mobility options of IPv4 support for Proxy Mobile IPv6 (RFC 5844 3.3) and the IPv4
 * Care-of Address option of RFC 5555 that RFC 5844 uses. Layouts checked against RFC 5844 and
 * Wireshark 4.0's decoding of options 32 and 36-39.
 */

#ifndef PMIPV6_IPV4_OPTIONS_H
#define PMIPV6_IPV4_OPTIONS_H

#include "mobility-option.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/ipv4-address.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief IPv4 Home Address Request option (type 36, RFC 5844 3.3.1), sent by the MAG in a PBU.
 *
 * Data (Length 6): Prefix-len (6 bits) | Reserved (10 bits) | IPv4 home address (32).
 * Alignment 4n. An all-zero address asks the LMA to allocate one. A Prefix-len above 32 is
 * rejected.
 */
class Ipv4HomeAddressRequestOption : public MobilityOption
{
  public:
    /// \brief A request for any address (0.0.0.0, Prefix-len 0).
    Ipv4HomeAddressRequestOption();
    /**
     * \brief A request for a given address.
     * \param address the address (0.0.0.0 = let the LMA allocate)
     * \param prefixLength its prefix length (at most 32)
     */
    Ipv4HomeAddressRequestOption(Ipv4Address address, uint8_t prefixLength);

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The requested address.
     * \return the address (0.0.0.0 = any)
     */
    Ipv4Address GetAddress() const;
    /**
     * \brief The Prefix-len field.
     * \return bits
     */
    uint8_t GetPrefixLength() const;
    /**
     * \brief Set the requested address.
     * \param address the address
     * \param prefixLength its prefix length (at most 32)
     */
    void SetAddress(Ipv4Address address, uint8_t prefixLength);

  private:
    Ipv4Address m_address;  ///< IPv4 home address
    uint8_t m_prefixLength; ///< Prefix-len
};

/**
 * \ingroup pmipv6
 * \brief IPv4 Home Address Reply option (type 37, RFC 5844 3.3.2), sent by the LMA in a PBA.
 *
 * Data (Length 6): Status (8) | Prefix-len (6 bits) | Reserved (2 bits) | IPv4 home address
 * (32). Alignment 4n. A Prefix-len above 32 is rejected.
 */
class Ipv4HomeAddressReplyOption : public MobilityOption
{
  public:
    /// \brief Status success, address 0.0.0.0, Prefix-len 0.
    Ipv4HomeAddressReplyOption();
    /**
     * \brief A reply.
     * \param status the status (mip6::Ipv4HomeAddressReplyStatus)
     * \param address the address assigned (0.0.0.0 on failure)
     * \param prefixLength its prefix length (at most 32)
     */
    Ipv4HomeAddressReplyOption(uint8_t status, Ipv4Address address, uint8_t prefixLength);

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The Status field.
     * \return the status
     */
    uint8_t GetStatus() const;
    /**
     * \brief The assigned address.
     * \return the address
     */
    Ipv4Address GetAddress() const;
    /**
     * \brief The Prefix-len field.
     * \return bits
     */
    uint8_t GetPrefixLength() const;

  private:
    uint8_t m_status;       ///< Status
    Ipv4Address m_address;  ///< IPv4 home address
    uint8_t m_prefixLength; ///< Prefix-len
};

/**
 * \ingroup pmipv6
 * \brief Base of the options whose data is Reserved (16) | IPv4 address (32), Length 6,
 * alignment 4n: IPv4 Default-Router Address (RFC 5844 3.3.3) and IPv4 Care-of Address
 * (RFC 5555 3.1.5).
 */
class Ipv4AddressMobilityOption : public MobilityOption
{
  public:
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The address.
     * \return the address
     */
    Ipv4Address GetAddress() const;
    /**
     * \brief Set the address.
     * \param address the address
     */
    void SetAddress(Ipv4Address address);

  protected:
    /**
     * \brief Constructor.
     * \param address the address
     */
    explicit Ipv4AddressMobilityOption(Ipv4Address address);

  private:
    Ipv4Address m_address; ///< the address
};

/**
 * \ingroup pmipv6
 * \brief IPv4 Default-Router Address option (type 38, RFC 5844 3.3.3), sent by the LMA in a
 * PBA: the default router the MAG announces to the MN.
 */
class Ipv4DefaultRouterAddressOption : public Ipv4AddressMobilityOption
{
  public:
    /**
     * \brief Constructor.
     * \param address the default router (0.0.0.0 until set)
     */
    explicit Ipv4DefaultRouterAddressOption(Ipv4Address address = Ipv4Address::GetAny());
    uint8_t GetType() const override;
    std::string GetName() const override;
};

/**
 * \ingroup pmipv6
 * \brief IPv4 Care-of Address option (type 32, RFC 5555 3.1.5; used in PBUs over an IPv4
 * transport, RFC 5844 4): the MAG's IPv4 Proxy-CoA.
 */
class Ipv4CareOfAddressOption : public Ipv4AddressMobilityOption
{
  public:
    /**
     * \brief Constructor.
     * \param address the IPv4 care-of address (0.0.0.0 until set)
     */
    explicit Ipv4CareOfAddressOption(Ipv4Address address = Ipv4Address::GetAny());
    uint8_t GetType() const override;
    std::string GetName() const override;
};

/**
 * \ingroup pmipv6
 * \brief IPv4 DHCP Support Mode option (type 39, RFC 5844 3.3.4), sent by the LMA in a PBA:
 * whether the MAG acts as DHCP server (S = 1) or relay (S = 0).
 *
 * Data (Length 2): Reserved (15 bits) | S (1 bit, the last). The module writes it without
 * alignment padding.
 */
class Ipv4DhcpSupportModeOption : public MobilityOption
{
  public:
    /**
     * \brief Constructor.
     * \param server true = DHCP server (S set), false = DHCP relay
     */
    explicit Ipv4DhcpSupportModeOption(bool server = false);

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The S flag.
     * \return true when the MAG is to be a DHCP server
     */
    bool IsServer() const;

  private:
    bool m_server; ///< S flag
};

/**
 * \ingroup pmipv6
 * \brief NAT Detection option (type 31, RFC 5555 3.2.2; used in PBAs over an IPv4 transport,
 * RFC 5844 4): the LMA saw a NAT between the MAG and itself (the PBU's outer IPv4 source
 * differs from its IPv4 Care-of Address option), so the data tunnel runs in UDP.
 *
 * Data (Length 6, alignment 4n): F (1 bit) | Reserved (15 bits) | Refresh time (32 bits, in
 * seconds; 0 = no keepalives needed).
 */
class NatDetectionOption : public MobilityOption
{
  public:
    /**
     * \brief Constructor.
     * \param forceUdp the F flag
     * \param refreshTime the Refresh time in seconds
     */
    explicit NatDetectionOption(bool forceUdp = false, uint32_t refreshTime = 0);

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The F flag.
     * \return true when UDP encapsulation is forced
     */
    bool IsForceUdp() const;
    /**
     * \brief The Refresh time.
     * \return seconds
     */
    uint32_t GetRefreshTime() const;

  private:
    bool m_forceUdp;        ///< F flag
    uint32_t m_refreshTime; ///< Refresh time (s)
};

/**
 * \ingroup pmipv6
 * \brief Build an empty option of the RFC 5844 / RFC 5555 IPv4 family.
 * \param type the option Type octet
 * \return the option for mip6::OPT_IPV4_CARE_OF_ADDRESS, mip6::OPT_IPV4_HOME_ADDRESS_REQUEST,
 * mip6::OPT_IPV4_HOME_ADDRESS_REPLY, mip6::OPT_IPV4_DEFAULT_ROUTER_ADDRESS or
 * mip6::OPT_IPV4_DHCP_SUPPORT_MODE or mip6::OPT_NAT_DETECTION, nullptr for any other type
 */
Ptr<MobilityOption> CreateIpv4Option(uint8_t type);

} // namespace ns3

#endif /* PMIPV6_IPV4_OPTIONS_H */

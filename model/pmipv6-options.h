/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The standard mobility options of Proxy Mobile IPv6 (RFC 5213) and of the RFCs it is used
 * with (RFC 4283, RFC 5949, RFC 6705). Layouts checked against Wireshark 4.0's packet-mip6.c.
 */

#ifndef PMIPV6_OPTIONS_H
#define PMIPV6_OPTIONS_H

#include "mobility-option.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/address.h"
#include "ns3/ipv6-address.h"
#include "ns3/mac48-address.h"
#include "ns3/nstime.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Mobile Node Identifier option (type 8, RFC 4283).
 *
 * Data: Subtype (8, 1 = NAI) | Identifier (variable, at least one octet). No alignment
 * requirement.
 */
class MobileNodeIdentifierOption : public MobilityOption
{
  public:
    /// \brief An option with subtype NAI and no identifier (set one before serializing).
    MobileNodeIdentifierOption();
    /**
     * \brief An NAI identifier option.
     * \param nai the Network Access Identifier, e.g. "mn1@example.com"
     */
    explicit MobileNodeIdentifierOption(const std::string& nai);

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief Set subtype NAI and the identifier.
     * \param nai the NAI (1..254 octets)
     */
    void SetNai(const std::string& nai);
    /**
     * \brief The identifier as a string (meaningful for subtype NAI).
     * \return the identifier octets as characters
     */
    std::string GetNai() const;
    /**
     * \brief Set any subtype and raw identifier.
     * \param subtype the Subtype octet
     * \param identifier the identifier octets (1..254)
     */
    void SetIdentifier(uint8_t subtype, const std::vector<uint8_t>& identifier);
    /**
     * \brief The Subtype octet.
     * \return the subtype (mip6::MNID_SUBTYPE_NAI for an NAI)
     */
    uint8_t GetSubtype() const;
    /**
     * \brief The raw identifier octets.
     * \return the octets
     */
    const std::vector<uint8_t>& GetIdentifier() const;

  private:
    uint8_t m_subtype;                 ///< Subtype
    std::vector<uint8_t> m_identifier; ///< Identifier
};

/**
 * \ingroup pmipv6
 * \brief Home Network Prefix option (type 22, RFC 5213 8.3).
 *
 * Data (Length 18): Reserved (8) | Prefix Length (8) | Home Network Prefix (128).
 * Alignment 8n+4, so that the prefix is 8-octet aligned. An all-zero prefix in a PBU asks the
 * LMA to assign one. A Prefix Length above 128 is rejected.
 */
class HomeNetworkPrefixOption : public MobilityOption
{
  public:
    /// \brief The all-zero prefix ::/0 ("assign a prefix").
    HomeNetworkPrefixOption();
    /**
     * \brief A prefix.
     * \param prefix the prefix address
     * \param prefixLength its length in bits (at most 128)
     */
    HomeNetworkPrefixOption(Ipv6Address prefix, uint8_t prefixLength);

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief Set the prefix.
     * \param prefix the prefix address
     * \param prefixLength its length in bits (at most 128)
     */
    void SetPrefix(Ipv6Address prefix, uint8_t prefixLength);
    /**
     * \brief Set the prefix from an ns-3 prefix mask.
     * \param prefix the prefix address
     * \param mask the prefix (its length is used)
     */
    void SetPrefix(Ipv6Address prefix, Ipv6Prefix mask);
    /**
     * \brief The prefix address as carried.
     * \return the address
     */
    Ipv6Address GetPrefix() const;
    /**
     * \brief The Prefix Length field.
     * \return bits
     */
    uint8_t GetPrefixLength() const;
    /**
     * \brief The prefix length as an ns-3 prefix mask.
     * \return the mask
     */
    Ipv6Prefix GetIpv6Prefix() const;
    /**
     * \brief Whether this is the all-zero "assign me a prefix" value (prefix :: and length 0).
     * \return true when all zero
     */
    bool IsUnspecified() const;

  private:
    Ipv6Address m_prefix;   ///< Home Network Prefix
    uint8_t m_prefixLength; ///< Prefix Length
};

/**
 * \ingroup pmipv6
 * \brief Handoff Indicator option (type 23, RFC 5213 8.4).
 *
 * Data (Length 2): Reserved (8) | Handoff Indicator (8, mip6::HandoffIndicator).
 * No alignment requirement.
 */
class HandoffIndicatorOption : public MobilityOption
{
  public:
    /**
     * \brief An option with a value.
     * \param hi the Handoff Indicator (default mip6::HI_NEW_INTERFACE)
     */
    explicit HandoffIndicatorOption(uint8_t hi = mip6::HI_NEW_INTERFACE);

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The Handoff Indicator value.
     * \return the value
     */
    uint8_t GetHandoffIndicator() const;
    /**
     * \brief Set the Handoff Indicator value.
     * \param hi the value
     */
    void SetHandoffIndicator(uint8_t hi);

  private:
    uint8_t m_hi; ///< Handoff Indicator
};

/**
 * \ingroup pmipv6
 * \brief Access Technology Type option (type 24, RFC 5213 8.5).
 *
 * Data (Length 2): Reserved (8) | Access Technology Type (8, mip6::AccessTechnologyType).
 * No alignment requirement.
 */
class AccessTechnologyTypeOption : public MobilityOption
{
  public:
    /**
     * \brief An option with a value.
     * \param att the access technology (default mip6::ATT_IEEE_802_11)
     */
    explicit AccessTechnologyTypeOption(uint8_t att = mip6::ATT_IEEE_802_11);

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The Access Technology Type value.
     * \return the value
     */
    uint8_t GetAccessTechnologyType() const;
    /**
     * \brief Set the Access Technology Type value.
     * \param att the value
     */
    void SetAccessTechnologyType(uint8_t att);

  private:
    uint8_t m_att; ///< Access Technology Type
};

/**
 * \ingroup pmipv6
 * \brief Mobile Node Link-layer Identifier option (type 25, RFC 5213 8.6).
 *
 * Data: Reserved (16) | Link-layer Identifier (variable, at least one octet).
 * \note RFC 5213 asks for an alignment "based on the size of the identifier". Chosen: 8n+4
 * (identifier 8-octet aligned) for identifiers of 8 octets or more (EUI-64), 4n (identifier
 * 4-octet aligned) for shorter ones such as a MAC-48 address.
 */
class MobileNodeLinkLayerIdOption : public MobilityOption
{
  public:
    /// \brief An option without identifier (set one before serializing).
    MobileNodeLinkLayerIdOption();
    /**
     * \brief An option carrying a MAC-48 address.
     * \param mac the address
     */
    explicit MobileNodeLinkLayerIdOption(Mac48Address mac);

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief Carry the octets of any ns-3 link-layer address.
     * \param address the address (its GetLength() octets are used)
     */
    void SetLinkLayerAddress(const Address& address);
    /**
     * \brief Carry a MAC-48 address.
     * \param mac the address
     */
    void SetMac48Address(Mac48Address mac);
    /**
     * \brief Whether the identifier is 6 octets long.
     * \return true when it can be read as a MAC-48 address
     */
    bool IsMac48Address() const;
    /**
     * \brief The identifier as a MAC-48 address (IsMac48Address() must be true).
     * \return the address
     */
    Mac48Address GetMac48Address() const;
    /**
     * \brief Set the raw identifier octets.
     * \param identifier 1..253 octets
     */
    void SetIdentifier(const std::vector<uint8_t>& identifier);
    /**
     * \brief The raw identifier octets.
     * \return the octets
     */
    const std::vector<uint8_t>& GetIdentifier() const;

  private:
    std::vector<uint8_t> m_identifier; ///< Link-layer Identifier
};

/**
 * \ingroup pmipv6
 * \brief Link-local Address option (type 26, RFC 5213 8.7).
 *
 * Data (Length 16): the link-local address. Alignment 8n+6, so the address is 8-octet aligned.
 */
class LinkLocalAddressOption : public MobilityOption
{
  public:
    /**
     * \brief An option with an address.
     * \param address the link-local address (default ::, "please tell me")
     */
    explicit LinkLocalAddressOption(Ipv6Address address = Ipv6Address::GetAny());

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The link-local address.
     * \return the address
     */
    Ipv6Address GetAddress() const;
    /**
     * \brief Set the link-local address.
     * \param address the address
     */
    void SetAddress(Ipv6Address address);

  private:
    Ipv6Address m_address; ///< Link-local Address
};

/**
 * \ingroup pmipv6
 * \brief Timestamp option (type 27, RFC 5213 8.8).
 *
 * Data (Length 8): a 64-bit fixed-point timestamp, 48 bits of seconds since 1970-01-01 UTC and
 * 16 bits of 1/65536 fractions. Alignment 8n+2, so the timestamp is 8-octet aligned.
 *
 * \note The simulator clock is the timestamp base: SetTime(Simulator::Now()) writes the
 * simulated time as if the simulation had started at 1970-01-01 00:00 UTC (tshark then shows
 * a 1970 date). SetTime rounds down to 1/65536 s; GetTime rounds up to the next nanosecond,
 * so that SetTime(GetTime()) gives back the same raw value.
 */
class TimestampOption : public MobilityOption
{
  public:
    /// \brief A zero timestamp.
    TimestampOption();
    /**
     * \brief A timestamp from a simulation time.
     * \param time the time (not negative)
     */
    explicit TimestampOption(Time time);

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief Set from a simulation time.
     * \param time the time (not negative, below 2^48 s)
     */
    void SetTime(Time time);
    /**
     * \brief The timestamp as a simulation time.
     * \return the time, rounded up to the next nanosecond; Time::Max() for timestamps beyond
     * what a nanosecond Time holds (about 292 years)
     */
    Time GetTime() const;
    /**
     * \brief Set the raw 64-bit value.
     * \param raw seconds << 16 | fraction
     */
    void SetRaw(uint64_t raw);
    /**
     * \brief The raw 64-bit value.
     * \return seconds << 16 | fraction
     */
    uint64_t GetRaw() const;
    /**
     * \brief Set seconds and fraction.
     * \param seconds whole seconds (48 bits)
     * \param fraction 1/65536 fractions
     */
    void SetSecondsAndFraction(uint64_t seconds, uint16_t fraction);
    /**
     * \brief The whole seconds (upper 48 bits).
     * \return seconds
     */
    uint64_t GetSeconds() const;
    /**
     * \brief The 1/65536 fractions (lower 16 bits).
     * \return the fraction
     */
    uint16_t GetFraction() const;

  private:
    uint64_t m_raw; ///< the 48.16 fixed-point value
};

/**
 * \ingroup pmipv6
 * \brief Context Request option (type 40, RFC 5949).
 *
 * Data: Reserved (16) | zero or more requests, each Req-type (8) | Req-length (8) |
 * Req-option (Req-length octets). Layout as in Wireshark 4.0's dissector.
 * \note RFC 5949 states no alignment; chosen: none (all fields are octets).
 */
class ContextRequestOption : public MobilityOption
{
  public:
    /// One requested context: the option type asked for and optional data.
    struct Request
    {
        uint8_t type;              ///< Req-type (a mobility option type)
        std::vector<uint8_t> data; ///< Req-option octets (often empty)
    };

    /// \brief An option without requests.
    ContextRequestOption();

    uint8_t GetType() const override;
    std::string GetName() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief Append a request.
     * \param type the requested option type
     * \param data the Req-option octets (at most 255)
     */
    void AddRequest(uint8_t type, const std::vector<uint8_t>& data = std::vector<uint8_t>());
    /**
     * \brief The requests in wire order.
     * \return the requests
     */
    const std::vector<Request>& GetRequests() const;
    /**
     * \brief Whether a type is requested.
     * \param type the option type
     * \return true when present
     */
    bool HasRequest(uint8_t type) const;
    /// \brief Remove every request.
    void ClearRequests();

  private:
    std::vector<Request> m_requests; ///< the requests
};

/**
 * \ingroup pmipv6
 * \brief MAG IPv6 Address option (type 51, RFC 6705).
 *
 * Data (Length 18): Reserved (8) | Address Length (8, always 128) | MAG IPv6 Address (128).
 * Alignment 8n+4.
 * \note Wireshark 4.0 expects Length 16 for this option but reads 18 octets; the module
 * follows RFC 6705 (Length 18), which tshark decodes with an "Invalid length" warning only.
 * An Address Length other than 128 is rejected.
 */
class MagIpv6AddressOption : public MobilityOption
{
  public:
    /**
     * \brief An option with an address.
     * \param address the MAG's address
     */
    explicit MagIpv6AddressOption(Ipv6Address address = Ipv6Address::GetAny());

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The MAG's address.
     * \return the address
     */
    Ipv6Address GetAddress() const;
    /**
     * \brief Set the MAG's address.
     * \param address the address
     */
    void SetAddress(Ipv6Address address);

  private:
    Ipv6Address m_address; ///< MAG IPv6 Address
};

/**
 * \ingroup pmipv6
 * \brief Build an empty option object of this family (types 8, 22-27, 40, 51).
 * \param type the Type octet
 * \return the option, or nullptr when the type is not one of this family
 */
Ptr<MobilityOption> CreatePmipv6Option(uint8_t type);

} // namespace ns3

#endif /* PMIPV6_OPTIONS_H */

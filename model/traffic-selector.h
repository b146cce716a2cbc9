/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_TRAFFIC_SELECTOR_H
#define PMIPV6_TRAFFIC_SELECTOR_H

#include "pmipv6-wire-numbers.h"

#include "ns3/buffer.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"

#include <array>
#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

class Ipv4Header;
class Ipv6Header;

/**
 * \ingroup pmipv6
 * \brief An RFC 6088 binary traffic selector, IPv4 (format 1) or IPv6 (format 2).
 *
 * A plain value class. Every field is optional; a field that is absent matches anything.
 * A field has a start value and, optionally, an end value: with only the start it matches
 * that one value, with both it matches the inclusive range [start, end].
 *
 * Wire layout written by Serialize (the selector proper, RFC 6088 3.1 / 3.2):
 *
 *     Flags (16) | Reserved (16) | present fields, in flag order
 *
 * IPv6 flags, most significant bit first (A = 0x8000 .. P = 0x0001):
 * A/B start/end source address (16 octets each), C/D start/end destination address (16),
 * E/F start/end IPsec SPI (4), G/H start/end flow label (4, value in the low 20 bits),
 * I/J start/end source port (2), K/L start/end destination port (2),
 * M/N start/end traffic class (1), O/P start/end next header (1).
 *
 * IPv4 flags (A = 0x8000 .. N = 0x0004; the two low bits are reserved):
 * A/B source address (4), C/D destination address (4), E/F IPsec SPI (4),
 * G/H source port (2), I/J destination port (2), K/L ToS / DS field (1),
 * M/N protocol (1).
 *
 * \note The TS Format octet and the Reserved octet that precede the selector in the RFC 6089
 * Traffic Selector sub-option (and in the drafts' options) belong to the enclosing option:
 * Serialize does not write them and Deserialize does not read them. The enclosing option
 * reads the format octet and calls SetFormat (or the Deserialize overload taking a format)
 * before Deserialize.
 * \note Reading chosen for RFC 6088: the flags word is followed by 16 reserved bits (32 bits
 * in all, for both formats); each flow label field is 32 bits wide with the 20-bit label in
 * the low bits (a value above 0xFFFFF is rejected as malformed); an End field without its
 * Start field, or an End value below its Start value, is malformed; the reserved bits are
 * written as zero and ignored on receipt. The traffic class / ToS range is compared with
 * the whole 8-bit Traffic Class / ToS octet (DSCP and ECN). See doc/notes/rfc-options.md.
 */
class TrafficSelector
{
  public:
    /// The selector fields; each has a start and an optional end value.
    enum Field : uint8_t
    {
        SOURCE_ADDRESS = 0,      ///< source address (IPv6 or IPv4)
        DESTINATION_ADDRESS = 1, ///< destination address (IPv6 or IPv4)
        IPSEC_SPI = 2,           ///< IPsec SPI
        FLOW_LABEL = 3,          ///< IPv6 flow label (IPv6 format only)
        SOURCE_PORT = 4,         ///< transport source port
        DESTINATION_PORT = 5,    ///< transport destination port
        TRAFFIC_CLASS = 6,       ///< IPv6 Traffic Class / IPv4 ToS (DS field)
        NEXT_HEADER = 7,         ///< IPv6 next header / IPv4 protocol
        FIELD_COUNT = 8,         ///< number of fields
    };

    /**
     * \brief The header fields of one packet, as the matcher sees them.
     *
     * Addresses are in network byte order; an IPv4 address uses the first 4 octets.
     */
    struct FlowKey
    {
        uint8_t format{mip6::TS_FORMAT_IPV6_BINARY}; ///< which family the addresses are
        uint8_t source[16]{};                        ///< source address
        uint8_t destination[16]{};                   ///< destination address
        uint8_t nextHeader{0};                       ///< next header / protocol
        uint8_t trafficClass{0};                     ///< Traffic Class / ToS octet
        uint32_t flowLabel{0};                       ///< flow label (IPv6)
        bool hasPorts{false};                        ///< the ports below are known
        uint16_t sourcePort{0};                      ///< transport source port
        uint16_t destinationPort{0};                 ///< transport destination port
        bool hasSpi{false};                          ///< the SPI below is known
        uint32_t spi{0};                             ///< IPsec SPI
    };

    /**
     * \brief An empty selector (matches everything) of a format.
     * \param format mip6::TS_FORMAT_IPV6_BINARY (default) or mip6::TS_FORMAT_IPV4_BINARY
     */
    explicit TrafficSelector(uint8_t format = mip6::TS_FORMAT_IPV6_BINARY);

    /**
     * \brief An IPv6 selector for exactly one 5-tuple (single values, no ranges).
     * \param source source address
     * \param destination destination address
     * \param nextHeader upper-layer protocol (e.g. 6 TCP, 17 UDP)
     * \param sourcePort source port
     * \param destinationPort destination port
     * \return the selector
     */
    static TrafficSelector FromFiveTuple(Ipv6Address source,
                                         Ipv6Address destination,
                                         uint8_t nextHeader,
                                         uint16_t sourcePort,
                                         uint16_t destinationPort);

    /**
     * \brief An IPv4 selector for exactly one 5-tuple (single values, no ranges).
     * \param source source address
     * \param destination destination address
     * \param protocol upper-layer protocol (e.g. 6 TCP, 17 UDP)
     * \param sourcePort source port
     * \param destinationPort destination port
     * \return the selector
     */
    static TrafficSelector FromFiveTuple(Ipv4Address source,
                                         Ipv4Address destination,
                                         uint8_t protocol,
                                         uint16_t sourcePort,
                                         uint16_t destinationPort);

    /**
     * \brief The selector format.
     * \return mip6::TS_FORMAT_IPV4_BINARY or mip6::TS_FORMAT_IPV6_BINARY (or the unknown
     * value given to SetFormat)
     */
    uint8_t GetFormat() const;
    /**
     * \brief Set the format; clears every field when it changes.
     * \param format the TS Format value
     */
    void SetFormat(uint8_t format);
    /**
     * \brief Whether the format is one this class understands (1 or 2).
     * \return true for IPv4 or IPv6 binary
     */
    bool IsFormatSupported() const;
    /**
     * \brief Whether this is an IPv6 (format 2) selector.
     * \return true when IPv6
     */
    bool IsIpv6() const;
    /**
     * \brief Whether this is an IPv4 (format 1) selector.
     * \return true when IPv4
     */
    bool IsIpv4() const;
    /**
     * \brief Whether no field is present (the selector matches every packet of its family).
     * \return true when empty
     */
    bool IsEmpty() const;
    /// \brief Remove every field (the format stays).
    void Clear();

    /**
     * \brief Whether a field's start value is present.
     * \param field the field
     * \return true when present
     */
    bool Has(Field field) const;
    /**
     * \brief Whether a field carries an end value (is a range).
     * \param field the field
     * \return true when a range
     */
    bool HasEnd(Field field) const;
    /**
     * \brief Remove a field (start and end).
     * \param field the field
     */
    void ClearField(Field field);

    // Source / destination address, IPv6 format.
    /**
     * \brief Match one IPv6 source address.
     * \param address the address
     */
    void SetSourceAddress(Ipv6Address address);
    /**
     * \brief Match an inclusive range of IPv6 source addresses.
     * \param start first address
     * \param end last address (not below \p start)
     */
    void SetSourceAddressRange(Ipv6Address start, Ipv6Address end);
    /**
     * \brief Match every IPv6 source address inside a prefix (a range from the first to the
     * last address of the prefix).
     * \param prefix an address inside the prefix
     * \param length the prefix length
     */
    void SetSourceAddressPrefix(Ipv6Address prefix, Ipv6Prefix length);
    /**
     * \brief Match one IPv6 destination address.
     * \param address the address
     */
    void SetDestinationAddress(Ipv6Address address);
    /**
     * \brief Match an inclusive range of IPv6 destination addresses.
     * \param start first address
     * \param end last address (not below \p start)
     */
    void SetDestinationAddressRange(Ipv6Address start, Ipv6Address end);
    /**
     * \brief Match every IPv6 destination address inside a prefix.
     * \param prefix an address inside the prefix
     * \param length the prefix length
     */
    void SetDestinationAddressPrefix(Ipv6Address prefix, Ipv6Prefix length);
    /**
     * \brief Start of the IPv6 source address field.
     * \return the address (:: when absent)
     */
    Ipv6Address GetSourceAddressStart() const;
    /**
     * \brief End of the IPv6 source address field (the start when no end is present).
     * \return the address
     */
    Ipv6Address GetSourceAddressEnd() const;
    /**
     * \brief Start of the IPv6 destination address field.
     * \return the address (:: when absent)
     */
    Ipv6Address GetDestinationAddressStart() const;
    /**
     * \brief End of the IPv6 destination address field (the start when no end is present).
     * \return the address
     */
    Ipv6Address GetDestinationAddressEnd() const;

    // Source / destination address, IPv4 format.
    /**
     * \brief Match one IPv4 source address.
     * \param address the address
     */
    void SetIpv4SourceAddress(Ipv4Address address);
    /**
     * \brief Match an inclusive range of IPv4 source addresses.
     * \param start first address
     * \param end last address (not below \p start)
     */
    void SetIpv4SourceAddressRange(Ipv4Address start, Ipv4Address end);
    /**
     * \brief Match every IPv4 source address inside a subnet.
     * \param prefix an address inside the subnet
     * \param mask the subnet mask
     */
    void SetIpv4SourceAddressPrefix(Ipv4Address prefix, Ipv4Mask mask);
    /**
     * \brief Match one IPv4 destination address.
     * \param address the address
     */
    void SetIpv4DestinationAddress(Ipv4Address address);
    /**
     * \brief Match an inclusive range of IPv4 destination addresses.
     * \param start first address
     * \param end last address (not below \p start)
     */
    void SetIpv4DestinationAddressRange(Ipv4Address start, Ipv4Address end);
    /**
     * \brief Match every IPv4 destination address inside a subnet.
     * \param prefix an address inside the subnet
     * \param mask the subnet mask
     */
    void SetIpv4DestinationAddressPrefix(Ipv4Address prefix, Ipv4Mask mask);
    /**
     * \brief Start of the IPv4 source address field.
     * \return the address (0.0.0.0 when absent)
     */
    Ipv4Address GetIpv4SourceAddressStart() const;
    /**
     * \brief End of the IPv4 source address field (the start when no end is present).
     * \return the address
     */
    Ipv4Address GetIpv4SourceAddressEnd() const;
    /**
     * \brief Start of the IPv4 destination address field.
     * \return the address (0.0.0.0 when absent)
     */
    Ipv4Address GetIpv4DestinationAddressStart() const;
    /**
     * \brief End of the IPv4 destination address field (the start when no end is present).
     * \return the address
     */
    Ipv4Address GetIpv4DestinationAddressEnd() const;

    /**
     * \brief Whether the source address field is present.
     * \return true when present
     */
    bool HasSourceAddress() const;
    /**
     * \brief Whether the destination address field is present.
     * \return true when present
     */
    bool HasDestinationAddress() const;

    // IPsec SPI.
    /**
     * \brief Match one IPsec SPI.
     * \param spi the SPI
     */
    void SetSpi(uint32_t spi);
    /**
     * \brief Match an inclusive range of IPsec SPIs.
     * \param start first SPI
     * \param end last SPI (not below \p start)
     */
    void SetSpiRange(uint32_t start, uint32_t end);
    /**
     * \brief Whether the SPI field is present.
     * \return true when present
     */
    bool HasSpi() const;
    /**
     * \brief Start of the SPI field.
     * \return the SPI (0 when absent)
     */
    uint32_t GetSpiStart() const;
    /**
     * \brief End of the SPI field (the start when no end is present).
     * \return the SPI
     */
    uint32_t GetSpiEnd() const;

    // Flow label (IPv6 only).
    /**
     * \brief Match one flow label (IPv6 selectors only).
     * \param label the 20-bit label
     */
    void SetFlowLabel(uint32_t label);
    /**
     * \brief Match an inclusive range of flow labels (IPv6 selectors only).
     * \param start first label
     * \param end last label (not below \p start)
     */
    void SetFlowLabelRange(uint32_t start, uint32_t end);
    /**
     * \brief Whether the flow label field is present.
     * \return true when present
     */
    bool HasFlowLabel() const;
    /**
     * \brief Start of the flow label field.
     * \return the label (0 when absent)
     */
    uint32_t GetFlowLabelStart() const;
    /**
     * \brief End of the flow label field (the start when no end is present).
     * \return the label
     */
    uint32_t GetFlowLabelEnd() const;

    // Ports.
    /**
     * \brief Match one source port.
     * \param port the port
     */
    void SetSourcePort(uint16_t port);
    /**
     * \brief Match an inclusive range of source ports.
     * \param start first port
     * \param end last port (not below \p start)
     */
    void SetSourcePortRange(uint16_t start, uint16_t end);
    /**
     * \brief Whether the source port field is present.
     * \return true when present
     */
    bool HasSourcePort() const;
    /**
     * \brief Start of the source port field.
     * \return the port (0 when absent)
     */
    uint16_t GetSourcePortStart() const;
    /**
     * \brief End of the source port field (the start when no end is present).
     * \return the port
     */
    uint16_t GetSourcePortEnd() const;
    /**
     * \brief Match one destination port.
     * \param port the port
     */
    void SetDestinationPort(uint16_t port);
    /**
     * \brief Match an inclusive range of destination ports.
     * \param start first port
     * \param end last port (not below \p start)
     */
    void SetDestinationPortRange(uint16_t start, uint16_t end);
    /**
     * \brief Whether the destination port field is present.
     * \return true when present
     */
    bool HasDestinationPort() const;
    /**
     * \brief Start of the destination port field.
     * \return the port (0 when absent)
     */
    uint16_t GetDestinationPortStart() const;
    /**
     * \brief End of the destination port field (the start when no end is present).
     * \return the port
     */
    uint16_t GetDestinationPortEnd() const;

    // Traffic class (IPv6) / ToS (IPv4).
    /**
     * \brief Match one Traffic Class (IPv6) or ToS (IPv4) octet value.
     * \param value the value
     */
    void SetTrafficClass(uint8_t value);
    /**
     * \brief Match an inclusive range of Traffic Class / ToS values.
     * \param start first value
     * \param end last value (not below \p start)
     */
    void SetTrafficClassRange(uint8_t start, uint8_t end);
    /**
     * \brief Whether the traffic class / ToS field is present.
     * \return true when present
     */
    bool HasTrafficClass() const;
    /**
     * \brief Start of the traffic class / ToS field.
     * \return the value (0 when absent)
     */
    uint8_t GetTrafficClassStart() const;
    /**
     * \brief End of the traffic class / ToS field (the start when no end is present).
     * \return the value
     */
    uint8_t GetTrafficClassEnd() const;

    // Next header (IPv6) / protocol (IPv4).
    /**
     * \brief Match one next header (IPv6) / protocol (IPv4) value.
     * \param value the protocol number
     */
    void SetNextHeader(uint8_t value);
    /**
     * \brief Match an inclusive range of next header / protocol values.
     * \param start first value
     * \param end last value (not below \p start)
     */
    void SetNextHeaderRange(uint8_t start, uint8_t end);
    /**
     * \brief Whether the next header / protocol field is present.
     * \return true when present
     */
    bool HasNextHeader() const;
    /**
     * \brief Start of the next header / protocol field.
     * \return the value (0 when absent)
     */
    uint8_t GetNextHeaderStart() const;
    /**
     * \brief End of the next header / protocol field (the start when no end is present).
     * \return the value
     */
    uint8_t GetNextHeaderEnd() const;

    /**
     * \brief The 16-bit flags word this selector puts on the wire.
     * \return the flags (bit A = 0x8000)
     */
    uint16_t GetWireFlags() const;

    /**
     * \brief Octets written by Serialize: 4 (flags and reserved) plus the present fields.
     * \return the size
     */
    uint32_t GetSerializedSize() const;
    /**
     * \brief Write the flags word, the reserved 16 bits and the present fields.
     * \param i where to write; advanced by GetSerializedSize() octets
     */
    void Serialize(Buffer::Iterator& i) const;
    /**
     * \brief Read a selector of the current format (see SetFormat).
     *
     * Consumes GetSerializedSize() octets (computed from the flags read); \p length may be
     * larger, the enclosing option decides whether trailing octets are acceptable.
     * \param i the first octet (the flags word)
     * \param length octets readable from \p i
     * \param error set to a reason on failure
     * \return false when the format is unknown, \p length is shorter than the flags word and
     * the fields it announces, an End field comes without its Start, a range is reversed or a
     * flow label exceeds 20 bits
     */
    bool Deserialize(Buffer::Iterator i, uint32_t length, std::string& error);
    /**
     * \brief Set the format, then Deserialize.
     * \param i the first octet (the flags word)
     * \param length octets readable from \p i
     * \param format the TS Format octet of the enclosing option
     * \param error set to a reason on failure
     * \return as Deserialize
     */
    bool Deserialize(Buffer::Iterator i, uint32_t length, uint8_t format, std::string& error);

    /**
     * \brief Print the selector, e.g. "TS6(src=2001:db8::/.. dport=80-90)".
     * \param os the output stream
     */
    void Print(std::ostream& os) const;

    /**
     * \brief Whether a packet matches; absent fields are wildcards. Allocation-free.
     *
     * A selector of the other family never matches. A selector with a port (SPI) field does
     * not match a key whose ports (SPI) are unknown.
     * \param key the packet's fields
     * \return true when every present field matches
     */
    bool Matches(const FlowKey& key) const;
    /**
     * \brief Whether an IPv6 packet matches (its SPI is unknown). Allocation-free.
     * \param ip the IPv6 header (next header taken from it as the protocol)
     * \param sourcePort the transport source port
     * \param destinationPort the transport destination port
     * \return true when every present field matches
     */
    bool Matches(const Ipv6Header& ip, uint16_t sourcePort, uint16_t destinationPort) const;
    /**
     * \brief Whether an IPv4 packet matches (its SPI is unknown). Allocation-free.
     * \param ip the IPv4 header
     * \param sourcePort the transport source port
     * \param destinationPort the transport destination port
     * \return true when every present field matches
     */
    bool Matches(const Ipv4Header& ip, uint16_t sourcePort, uint16_t destinationPort) const;

    /**
     * \brief Build the key of an IPv6 packet.
     * \param ip the IPv6 header
     * \param sourcePort the transport source port
     * \param destinationPort the transport destination port
     * \return the key (ports known, SPI unknown)
     */
    static FlowKey MakeKey(const Ipv6Header& ip, uint16_t sourcePort, uint16_t destinationPort);
    /**
     * \brief Build the key of an IPv4 packet.
     * \param ip the IPv4 header
     * \param sourcePort the transport source port
     * \param destinationPort the transport destination port
     * \return the key (ports known, SPI unknown)
     */
    static FlowKey MakeKey(const Ipv4Header& ip, uint16_t sourcePort, uint16_t destinationPort);

    /**
     * \brief Equal format, equal present fields (start/end) and equal values of those fields.
     * \param other the other selector
     * \return true when equal
     */
    bool operator==(const TrafficSelector& other) const;
    /**
     * \brief Negation of operator==.
     * \param other the other selector
     * \return true when different
     */
    bool operator!=(const TrafficSelector& other) const;

  private:
    /// A 16-octet address value in network order (IPv4 uses the first 4 octets).
    typedef std::array<uint8_t, 16> AddressBytes;

    /**
     * \brief Mark a field present with a start and, when \p range, an end.
     * \param field the field
     * \param range whether the end is present
     */
    void Mark(Field field, bool range);
    /**
     * \brief Assert that the field exists in the current format.
     * \param field the field
     */
    void CheckField(Field field) const;
    /**
     * \brief Octets of one value of a field in the current format.
     * \param field the field
     * \return the size
     */
    uint32_t FieldSize(Field field) const;
    /**
     * \brief Octets of an address in the current format.
     * \return 16 or 4
     */
    uint32_t AddressSize() const;
    /**
     * \brief Number of fields the current format has, in wire order.
     * \return 8 (IPv6) or 7 (IPv4)
     */
    uint32_t WireFieldCount() const;
    /**
     * \brief The field at a wire position of the current format.
     * \param index position (0 = flags A/B)
     * \return the field
     */
    Field WireField(uint32_t index) const;
    /**
     * \brief Compare a packet value with a numeric field.
     * \param field the field
     * \param value the packet's value
     * \return true when absent or inside
     */
    bool MatchNumber(Field field, uint32_t value) const;
    /**
     * \brief Compare a packet address with an address field.
     * \param field SOURCE_ADDRESS or DESTINATION_ADDRESS
     * \param address the packet's address (AddressSize() octets are used)
     * \return true when absent or inside
     */
    bool MatchAddress(Field field, const uint8_t* address) const;
    /**
     * \brief Store an address field.
     * \param field SOURCE_ADDRESS or DESTINATION_ADDRESS
     * \param start first address
     * \param end last address
     * \param range whether \p end is present
     */
    void SetAddress(Field field, const AddressBytes& start, const AddressBytes& end, bool range);
    /**
     * \brief Store a numeric field.
     * \param field the field
     * \param start first value
     * \param end last value
     * \param range whether \p end is present
     */
    void SetNumber(Field field, uint32_t start, uint32_t end, bool range);
    /**
     * \brief Print one field.
     * \param os the output stream
     * \param field the field
     */
    void PrintField(std::ostream& os, Field field) const;

    uint8_t m_format;                 ///< TS Format
    uint16_t m_start;                 ///< bit f set: field f has a start value
    uint16_t m_end;                   ///< bit f set: field f has an end value
    AddressBytes m_addrStart[2];      ///< address starts (source, destination)
    AddressBytes m_addrEnd[2];        ///< address ends (source, destination)
    uint32_t m_numStart[FIELD_COUNT]; ///< numeric starts, indexed by Field
    uint32_t m_numEnd[FIELD_COUNT];   ///< numeric ends, indexed by Field
};

/**
 * \brief Print a traffic selector.
 * \param os the output stream
 * \param ts the selector
 * \return the output stream
 */
std::ostream& operator<<(std::ostream& os, const TrafficSelector& ts);

} // namespace ns3

#endif /* PMIPV6_TRAFFIC_SELECTOR_H */

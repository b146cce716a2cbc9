/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MOBILITY_HEADER_H
#define PMIPV6_MOBILITY_HEADER_H

#include "mobility-option.h"

#include "ns3/header.h"
#include "ns3/ipv6-address.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Base class of every Mobility Header message (RFC 6275 6.1).
 *
 * Wire layout: Payload Proto (8) | Header Len (8, 8-octet units not counting the first 8) |
 * MH Type (8) | Reserved (8) | Checksum (16) | message data (fixed fields, then options).
 *
 * The base class owns the common fields, the options list (with alignment padding so that
 * the whole header is a multiple of 8 octets) and the checksum. A message class writes and
 * reads only its fixed fields.
 *
 * Deserialize never trusts its input: a truncated header, a Header Len that overruns the
 * packet, an MH Type other than the class's, fixed fields that do not fit, and malformed or
 * overrunning options all make it return 0 with IsValid() false and GetError() saying why.
 */
class MobilityHeader : public Header
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief Build a message of an MH type.
     * \param mhType the MH Type octet
     */
    explicit MobilityHeader(uint8_t mhType);
    ~MobilityHeader() override;

    /**
     * \brief The MH Type octet.
     * \return the type
     */
    uint8_t GetMhType() const;

    /**
     * \brief The Payload Proto octet (59 unless set otherwise).
     * \return the value
     */
    uint8_t GetPayloadProto() const;
    /**
     * \brief Set the Payload Proto octet (tests use this to build bad input).
     * \param proto the value
     */
    void SetPayloadProto(uint8_t proto);

    /**
     * \brief The Checksum field as last serialized or deserialized.
     * \return the checksum
     */
    uint16_t GetChecksum() const;

    /**
     * \brief Compute the checksum over the RFC 6275 6.1.1 pseudo-header on the next Serialize.
     * \param src IPv6 source address of the packet
     * \param dst IPv6 destination address of the packet
     */
    void EnableChecksum(Ipv6Address src, Ipv6Address dst);

    /**
     * \brief The options carried after the fixed fields.
     * \return the options list
     */
    MobilityOptionList& GetOptions();
    /**
     * \brief The options carried after the fixed fields.
     * \return the options list
     */
    const MobilityOptionList& GetOptions() const;
    /**
     * \brief Append an option.
     * \param option the option
     */
    void AddOption(Ptr<MobilityOption> option);

    /**
     * \brief Whether the last Deserialize succeeded.
     * \return true when valid
     */
    bool IsValid() const;
    /**
     * \brief Why the last Deserialize failed.
     * \return the reason, empty when valid
     */
    const std::string& GetError() const;

    /**
     * \brief Offset of the first option from the start of the header.
     * \return 6 + the size of the fixed fields
     */
    uint32_t GetOptionsOffset() const;

    /**
     * \brief The RFC 6275 6.1.1 checksum of a Mobility Header in raw form.
     *
     * Sums the pseudo-header (source, destination, 32-bit length, next header 135) and
     * \p length octets from \p data. Over a header whose Checksum field is zero the result
     * is the value to write; over a header as received it is 0 when the checksum is right.
     * \param src IPv6 source address
     * \param dst IPv6 destination address
     * \param data the Mobility Header octets
     * \param length their number
     * \return the one's complement of the one's complement sum
     */
    static uint16_t ComputeChecksum(Ipv6Address src,
                                    Ipv6Address dst,
                                    const uint8_t* data,
                                    uint32_t length);

    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;
    void Print(std::ostream& os) const override;

  protected:
    /**
     * \brief Size of the message's fixed fields after the 6-octet common part.
     * \return octets
     */
    virtual uint32_t GetMessageDataSize() const = 0;
    /**
     * \brief Write the fixed fields.
     * \param i where to write; advanced by GetMessageDataSize() octets
     */
    virtual void SerializeMessageData(Buffer::Iterator& i) const = 0;
    /**
     * \brief Read the fixed fields; GetMessageDataSize() octets are readable.
     * \param i where to read; advanced past the fixed fields
     * \param error set to a reason when the fields are not acceptable
     * \return true on success
     */
    virtual bool DeserializeMessageData(Buffer::Iterator& i, std::string& error) = 0;
    /**
     * \brief Print the fixed fields.
     * \param os the output stream
     */
    virtual void PrintMessageData(std::ostream& os) const = 0;
    /**
     * \brief Name of the message for Print, e.g. "PBU".
     * \return the name
     */
    virtual std::string GetMessageName() const = 0;

  private:
    /**
     * \brief Record a deserialization failure.
     * \param reason why
     * \return 0, the size Deserialize then returns
     */
    uint32_t Fail(const std::string& reason);

    uint8_t m_payloadProto;       ///< Payload Proto
    uint8_t m_mhType;             ///< MH Type
    mutable uint16_t m_checksum;  ///< Checksum as last written or read
    bool m_calcChecksum;          ///< compute the checksum in Serialize
    Ipv6Address m_checksumSource; ///< pseudo-header source
    Ipv6Address m_checksumDest;   ///< pseudo-header destination
    MobilityOptionList m_options; ///< the options
    bool m_valid;                 ///< last Deserialize succeeded
    std::string m_error;          ///< why it did not
};

/**
 * \ingroup pmipv6
 * \brief The common part of a Mobility Header as seen on the wire, read without trusting it.
 */
struct MobilityHeaderCommon
{
    uint8_t payloadProto{0}; ///< Payload Proto
    uint8_t headerLength{0}; ///< Header Len (8-octet units beyond the first 8)
    uint8_t mhType{0};       ///< MH Type
    uint16_t checksum{0};    ///< Checksum

    /**
     * \brief Read the first 6 octets.
     * \param data the octets
     * \param length how many are available
     * \return false when fewer than 6 are available
     */
    bool Read(const uint8_t* data, uint32_t length);

    /**
     * \brief Total length the header announces: (Header Len + 1) x 8.
     * \return octets
     */
    uint32_t GetTotalLength() const;
};

} // namespace ns3

#endif /* PMIPV6_MOBILITY_HEADER_H */

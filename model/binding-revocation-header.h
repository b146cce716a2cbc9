/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_BINDING_REVOCATION_HEADER_H
#define PMIPV6_BINDING_REVOCATION_HEADER_H

#include "mobility-header.h"

namespace ns3
{

class Packet;

/**
 * \ingroup pmipv6
 * \brief Common part of the two Binding Revocation messages (MH type 16, RFC 5846 6).
 *
 * Fixed fields: B.R. Type (8) | R. Trigger or Status (8) | Sequence # (16) |
 * P I G flags + Reserved (16). Options start at offset 12 (8n+4).
 *
 * Both messages share MH type 16; the B.R. Type octet tells them apart (1 = BRI, 2 = BRA).
 * Each subclass accepts only its own B.R. Type: a BRA handed to a BRI deserializer (and
 * vice versa) is rejected. A receiver that does not know which one it got reads the octet
 * first with PeekRevocationType().
 *
 * \note The whole 16-bit flags word is kept as received (flags and reserved bits) so that a
 * message re-serializes unchanged; the layout and the flag values are those of RFC 5846 and
 * of Wireshark's dissector (which names the I flag "V").
 */
class BindingRevocationHeader : public MobilityHeader
{
  public:
    /// Flag bits of the 16-bit flags word (the same in BRI and BRA).
    enum Flag : uint16_t
    {
        FLAG_P = 0x8000, ///< Proxy binding (PMIPv6)
        FLAG_I = 0x4000, ///< IPv4 HoA binding only
        FLAG_G = 0x2000, ///< Global revocation
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief Read the B.R. Type octet of a Binding Revocation message without decoding it.
     * \param packet a packet that starts with the Mobility Header
     * \return the B.R. Type (mip6::BindingRevocationType), or 0 when the packet is not an
     *         MH type 16 message long enough to hold the octet
     */
    static uint8_t PeekRevocationType(Ptr<const Packet> packet);

    /**
     * \brief The B.R. Type this class writes and accepts.
     * \return mip6::BR_INDICATION or mip6::BR_ACKNOWLEDGEMENT
     */
    uint8_t GetRevocationType() const;

    /**
     * \brief The Sequence # field.
     * \return the sequence number
     */
    uint16_t GetSequence() const;
    /**
     * \brief Set the Sequence # field.
     * \param sequence the sequence number
     */
    void SetSequence(uint16_t sequence);
    /**
     * \brief The whole 16-bit flags word (flags and reserved bits).
     * \return the flags
     */
    uint16_t GetFlags() const;
    /**
     * \brief Set the whole 16-bit flags word.
     * \param flags the flags
     */
    void SetFlags(uint16_t flags);
    /**
     * \brief Whether a flag is set.
     * \param flag the flag
     * \return true when set
     */
    bool HasFlag(Flag flag) const;
    /**
     * \brief Set or clear a flag.
     * \param flag the flag
     * \param value set when true
     */
    void SetFlag(Flag flag, bool value);
    /**
     * \brief Whether the revoked binding is a proxy (PMIPv6) binding (P flag).
     * \return true when the P flag is set
     */
    bool IsProxy() const;
    /**
     * \brief Whether this is a global revocation (G flag).
     * \return true when the G flag is set
     */
    bool IsGlobal() const;

  protected:
    /**
     * \brief Build a Binding Revocation message.
     * \param brType the B.R. Type this class writes and accepts
     */
    explicit BindingRevocationHeader(uint8_t brType);

    /**
     * \brief The octet after B.R. Type: R. Trigger in a BRI, Status in a BRA.
     * \return the octet
     */
    uint8_t GetCode() const;
    /**
     * \brief Set the octet after B.R. Type.
     * \param code the octet
     */
    void SetCode(uint8_t code);

    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    bool DeserializeMessageData(Buffer::Iterator& i, std::string& error) override;
    void PrintMessageData(std::ostream& os) const override;

    /**
     * \brief Name of the octet after B.R. Type for Print ("trigger" or "status").
     * \return the name
     */
    virtual std::string GetCodeName() const = 0;

  private:
    uint8_t m_brType;    ///< B.R. Type this class writes and accepts
    uint8_t m_code;      ///< R. Trigger (BRI) or Status (BRA)
    uint16_t m_sequence; ///< Sequence #
    uint16_t m_flags;    ///< P I G flags and reserved bits
};

/**
 * \ingroup pmipv6
 * \brief Binding Revocation Indication (MH type 16, B.R. Type 1, RFC 5846 6.1).
 *
 * Sent by the LMA (or MAG) to revoke one or more bindings; the R. Trigger octet says why
 * (mip6::RevocationTrigger). Usually carries the MN-ID and Home Network Prefix options.
 */
class BindingRevocationIndicationHeader : public BindingRevocationHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A BRI with the P flag set, trigger 0 (unspecified), sequence 0.
    BindingRevocationIndicationHeader();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief The Revocation Trigger field.
     * \return the trigger (mip6::RevocationTrigger)
     */
    uint8_t GetRevocationTrigger() const;
    /**
     * \brief Set the Revocation Trigger field.
     * \param trigger the trigger
     */
    void SetRevocationTrigger(uint8_t trigger);

  protected:
    std::string GetMessageName() const override;
    std::string GetCodeName() const override;
};

/**
 * \ingroup pmipv6
 * \brief Binding Revocation Acknowledgement (MH type 16, B.R. Type 2, RFC 5846 6.2).
 *
 * Answers a BRI: Sequence # and the P I G flags are copied from it, Status says how it
 * went (mip6::BindingRevocationStatus; below 128 = processed).
 */
class BindingRevocationAckHeader : public BindingRevocationHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A BRA with the P flag set, status 0 (success), sequence 0.
    BindingRevocationAckHeader();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief The Status field.
     * \return the status (mip6::BindingRevocationStatus)
     */
    uint8_t GetStatus() const;
    /**
     * \brief Set the Status field.
     * \param status the status
     */
    void SetStatus(uint8_t status);

  protected:
    std::string GetMessageName() const override;
    std::string GetCodeName() const override;
};

} // namespace ns3

#endif /* PMIPV6_BINDING_REVOCATION_HEADER_H */

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_UPDATE_NOTIFICATION_HEADER_H
#define PMIPV6_UPDATE_NOTIFICATION_HEADER_H

#include "mobility-header.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Update Notification (UPN, MH type 19, RFC 7077 4.1).
 *
 * Fixed fields: Sequence # (16) | Notification Reason (8) | A D flags + Reserved (8) |
 * Reserved (16). Options start at offset 12 (8n+4). The LMA sends it to the MAG; RFC 7864
 * uses reason 8 (FLOW-MOBILITY) with the MN-ID, HNP and Flow Identification options.
 *
 * \note The second 32-bit word is Notification Reason (8) | A | D | Reserved (22), as in
 * RFC 7077's figure (and in pcapkit's decoder); the module's rfc-notes.md wrote a 4-octet
 * fixed part (Reserved 6 bits only), which would start the options at 8n+2. Wireshark 4.0
 * does not dissect MH type 19. See doc/notes/messages.md.
 * \note The A-D-and-reserved octet is kept whole (GetFlags) so that a message re-serializes
 * unchanged; the 16 reserved bits after it are written as zero and ignored on receipt.
 */
class UpdateNotificationHeader : public MobilityHeader
{
  public:
    /// Flag bits of the octet after Notification Reason.
    enum Flag : uint8_t
    {
        FLAG_A = 0x80, ///< Acknowledgement requested
        FLAG_D = 0x40, ///< the MAG should de-register the mobility session
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A UPN with reason 8 (FLOW-MOBILITY), the A flag set, sequence 0.
    UpdateNotificationHeader();

    TypeId GetInstanceTypeId() const override;

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
     * \brief The Notification Reason field.
     * \return the reason (mip6::UpdateNotificationReason, mip6::UPN_REASON_FLOW_MOBILITY)
     */
    uint8_t GetNotificationReason() const;
    /**
     * \brief Set the Notification Reason field.
     * \param reason the reason
     */
    void SetNotificationReason(uint8_t reason);
    /**
     * \brief The whole flags octet (A, D and reserved bits).
     * \return the flags
     */
    uint8_t GetFlags() const;
    /**
     * \brief Set the whole flags octet.
     * \param flags the flags
     */
    void SetFlags(uint8_t flags);
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

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    bool DeserializeMessageData(Buffer::Iterator& i, std::string& error) override;
    void PrintMessageData(std::ostream& os) const override;
    std::string GetMessageName() const override;

  private:
    uint16_t m_sequence; ///< Sequence #
    uint8_t m_reason;    ///< Notification Reason
    uint8_t m_flags;     ///< A D flags and reserved bits
};

/**
 * \ingroup pmipv6
 * \brief Update Notification Acknowledgement (UPA, MH type 20, RFC 7077 4.2).
 *
 * Fixed fields: Sequence # (16) | Status (8) | Reserved (24). Options start at offset 12
 * (8n+4). The MAG answers a UPN whose A flag is set; RFC 7864 adds statuses 131 and 132.
 *
 * \note Reserved is 24 bits (the rest of the 32-bit word), read as RFC 7077's figure; see
 * UpdateNotificationHeader and doc/notes/messages.md.
 */
class UpdateNotificationAckHeader : public MobilityHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A UPA with status 0 (success), sequence 0.
    UpdateNotificationAckHeader();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief The Sequence # field (echoes the UPN's).
     * \return the sequence number
     */
    uint16_t GetSequence() const;
    /**
     * \brief Set the Sequence # field.
     * \param sequence the sequence number
     */
    void SetSequence(uint16_t sequence);
    /**
     * \brief The Status field.
     * \return the status (mip6::UpdateNotificationAckStatus)
     */
    uint8_t GetStatus() const;
    /**
     * \brief Set the Status field.
     * \param status the status
     */
    void SetStatus(uint8_t status);

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    bool DeserializeMessageData(Buffer::Iterator& i, std::string& error) override;
    void PrintMessageData(std::ostream& os) const override;
    std::string GetMessageName() const override;

  private:
    uint16_t m_sequence; ///< Sequence #
    uint8_t m_status;    ///< Status
};

} // namespace ns3

#endif /* PMIPV6_UPDATE_NOTIFICATION_HEADER_H */

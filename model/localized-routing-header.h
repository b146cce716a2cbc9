/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LOCALIZED_ROUTING_HEADER_H
#define PMIPV6_LOCALIZED_ROUTING_HEADER_H

#include "mobility-header.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Localized Routing Initiation (LRI, MH type 17, RFC 6705 8.1).
 *
 * Fixed fields: Sequence # (16) | Reserved (16) | Lifetime (16, seconds; 0xffff = infinite).
 * Options start at offset 12 (8n+4): MN-ID / Home Network Prefix pairs for the two mobile
 * nodes, and MAG IPv6 Address options.
 *
 * \note The Lifetime is in seconds, not in the 4-second units of the Binding Update.
 * \note Wireshark/tshark 4.0 decodes LRI and LRA from offset 0 of the Mobility Header
 * instead of offset 6: it shows Payload Proto/Header Len as "Sequence", MH Type/Reserved as
 * "Reserved" and the Checksum as "Lifetime", then walks the real fixed fields as options.
 * This class follows the RFC layout; see doc/notes/messages.md.
 */
class LocalizedRoutingInitiationHeader : public MobilityHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief An LRI with sequence 0 and lifetime 0.
    LocalizedRoutingInitiationHeader();

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
     * \brief The Lifetime field, in seconds.
     * \return the lifetime (mip6::LR_LIFETIME_INFINITE = infinite)
     */
    uint16_t GetLifetime() const;
    /**
     * \brief Set the Lifetime field, in seconds.
     * \param seconds the lifetime (0 stops localized routing)
     */
    void SetLifetime(uint16_t seconds);

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    bool DeserializeMessageData(Buffer::Iterator& i, std::string& error) override;
    void PrintMessageData(std::ostream& os) const override;
    std::string GetMessageName() const override;

  private:
    uint16_t m_sequence; ///< Sequence #
    uint16_t m_lifetime; ///< Lifetime, seconds
};

/**
 * \ingroup pmipv6
 * \brief Localized Routing Acknowledgement (LRA, MH type 18, RFC 6705 8.2).
 *
 * Fixed fields: Sequence # (16) | U flag + Reserved (8) | Status (8) | Lifetime (16, seconds).
 * Options start at offset 12 (8n+4).
 *
 * \note The U-and-Reserved octet is kept whole (GetFlags) so that a message re-serializes
 * unchanged. See LocalizedRoutingInitiationHeader for tshark 4.0's wrong offset.
 */
class LocalizedRoutingAckHeader : public MobilityHeader
{
  public:
    /// Flag bits of the octet after Sequence #.
    enum Flag : uint8_t
    {
        FLAG_U = 0x80, ///< Unsolicited
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief An LRA with status 0 (success), sequence 0, lifetime 0, U clear.
    LocalizedRoutingAckHeader();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief The Sequence # field (echoes the LRI's).
     * \return the sequence number
     */
    uint16_t GetSequence() const;
    /**
     * \brief Set the Sequence # field.
     * \param sequence the sequence number
     */
    void SetSequence(uint16_t sequence);
    /**
     * \brief The whole flags octet (U flag and reserved bits).
     * \return the flags
     */
    uint8_t GetFlags() const;
    /**
     * \brief Set the whole flags octet.
     * \param flags the flags
     */
    void SetFlags(uint8_t flags);
    /**
     * \brief Whether the LRA is sent unsolicited (U flag).
     * \return true when set
     */
    bool IsUnsolicited() const;
    /**
     * \brief Set or clear the U flag.
     * \param unsolicited set when true
     */
    void SetUnsolicited(bool unsolicited);
    /**
     * \brief The Status field.
     * \return the status (mip6::LocalizedRoutingStatus)
     */
    uint8_t GetStatus() const;
    /**
     * \brief Set the Status field.
     * \param status the status
     */
    void SetStatus(uint8_t status);
    /**
     * \brief The Lifetime field, in seconds.
     * \return the lifetime
     */
    uint16_t GetLifetime() const;
    /**
     * \brief Set the Lifetime field, in seconds.
     * \param seconds the lifetime
     */
    void SetLifetime(uint16_t seconds);

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    bool DeserializeMessageData(Buffer::Iterator& i, std::string& error) override;
    void PrintMessageData(std::ostream& os) const override;
    std::string GetMessageName() const override;

  private:
    uint16_t m_sequence; ///< Sequence #
    uint8_t m_flags;     ///< U flag and reserved bits
    uint8_t m_status;    ///< Status
    uint16_t m_lifetime; ///< Lifetime, seconds
};

} // namespace ns3

#endif /* PMIPV6_LOCALIZED_ROUTING_HEADER_H */

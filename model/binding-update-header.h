/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_BINDING_UPDATE_HEADER_H
#define PMIPV6_BINDING_UPDATE_HEADER_H

#include "mobility-header.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Binding Update (MH type 5, RFC 6275 6.1.7); a Proxy Binding Update when the A and
 * P flags are set (RFC 5213 8.1).
 *
 * Fixed fields: Sequence # (16) | A H L K M R P F T B flags (16) | Lifetime (16, 4 s units).
 * Options start at offset 12 (8n+4).
 */
class BindingUpdateHeader : public MobilityHeader
{
  public:
    /// Flag bits of the 16-bit flags field.
    enum Flag : uint16_t
    {
        FLAG_A = 0x8000, ///< Acknowledge
        FLAG_H = 0x4000, ///< Home registration
        FLAG_L = 0x2000, ///< Link-local address compatibility
        FLAG_K = 0x1000, ///< Key management mobility capability
        FLAG_M = 0x0800, ///< MAP registration
        FLAG_R = 0x0400, ///< Mobile router
        FLAG_P = 0x0200, ///< Proxy registration (RFC 5213)
        FLAG_F = 0x0100, ///< UDP encapsulation (RFC 5555)
        FLAG_T = 0x0080, ///< TLV header format (RFC 5845)
        FLAG_B = 0x0040, ///< Bulk binding update (RFC 6602)
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A Proxy Binding Update: A and P flags set, sequence 0, lifetime 0.
    BindingUpdateHeader();

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
     * \brief The whole 16-bit flags field (flags and reserved bits).
     * \return the flags
     */
    uint16_t GetFlags() const;
    /**
     * \brief Set the whole 16-bit flags field.
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
     * \brief Whether this is a Proxy Binding Update (P flag).
     * \return true when the P flag is set
     */
    bool IsProxy() const;
    /**
     * \brief The Lifetime field in 4-second units.
     * \return the lifetime units
     */
    uint16_t GetLifetime() const;
    /**
     * \brief Set the Lifetime field in 4-second units (0 = de-registration).
     * \param units the lifetime units
     */
    void SetLifetime(uint16_t units);
    /**
     * \brief The lifetime in seconds.
     * \return 4 x the Lifetime field
     */
    uint32_t GetLifetimeSeconds() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    bool DeserializeMessageData(Buffer::Iterator& i, std::string& error) override;
    void PrintMessageData(std::ostream& os) const override;
    std::string GetMessageName() const override;

  private:
    uint16_t m_sequence; ///< Sequence #
    uint16_t m_flags;    ///< flags
    uint16_t m_lifetime; ///< Lifetime, 4 s units
};

/**
 * \ingroup pmipv6
 * \brief Binding Acknowledgement (MH type 6, RFC 6275 6.1.8); a Proxy Binding Acknowledgement
 * when the P flag is set (RFC 5213 8.2).
 *
 * Fixed fields: Status (8) | K R P T B flags (8) | Sequence # (16) | Lifetime (16).
 * Options start at offset 12 (8n+4).
 */
class BindingAckHeader : public MobilityHeader
{
  public:
    /// Flag bits of the 8-bit flags field.
    enum Flag : uint8_t
    {
        FLAG_K = 0x80, ///< Key management mobility capability
        FLAG_R = 0x40, ///< Mobile router
        FLAG_P = 0x20, ///< Proxy registration (RFC 5213)
        FLAG_T = 0x10, ///< TLV header format (RFC 5845)
        FLAG_B = 0x08, ///< Bulk binding update (RFC 6602)
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A Proxy Binding Acknowledgement: P flag set, status 0 (accepted).
    BindingAckHeader();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief The Status field.
     * \return the status (mip6::BindingAckStatus)
     */
    uint8_t GetStatus() const;
    /**
     * \brief Set the Status field.
     * \param status the status
     */
    void SetStatus(uint8_t status);
    /**
     * \brief The whole flags octet.
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
    /**
     * \brief Whether this is a Proxy Binding Acknowledgement (P flag).
     * \return true when the P flag is set
     */
    bool IsProxy() const;
    /**
     * \brief The Sequence # field (echoes the BU's).
     * \return the sequence number
     */
    uint16_t GetSequence() const;
    /**
     * \brief Set the Sequence # field.
     * \param sequence the sequence number
     */
    void SetSequence(uint16_t sequence);
    /**
     * \brief The Lifetime field in 4-second units.
     * \return the lifetime units
     */
    uint16_t GetLifetime() const;
    /**
     * \brief Set the Lifetime field in 4-second units.
     * \param units the lifetime units
     */
    void SetLifetime(uint16_t units);
    /**
     * \brief The lifetime in seconds.
     * \return 4 x the Lifetime field
     */
    uint32_t GetLifetimeSeconds() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    bool DeserializeMessageData(Buffer::Iterator& i, std::string& error) override;
    void PrintMessageData(std::ostream& os) const override;
    std::string GetMessageName() const override;

  private:
    uint8_t m_status;    ///< Status
    uint8_t m_flags;     ///< flags
    uint16_t m_sequence; ///< Sequence #
    uint16_t m_lifetime; ///< Lifetime, 4 s units
};

/**
 * \ingroup pmipv6
 * \brief Binding Error (MH type 7, RFC 6275 6.1.9).
 *
 * Fixed fields: Status (8) | Reserved (8) | Home Address (128). Options start at offset 24.
 * Status 2 answers an unrecognized MH type (RFC 6275 9.2).
 */
class BindingErrorHeader : public MobilityHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A Binding Error with status 2 (unrecognized MH type) and an unspecified address.
    BindingErrorHeader();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief The Status field.
     * \return the status (mip6::BindingErrorStatus)
     */
    uint8_t GetStatus() const;
    /**
     * \brief Set the Status field.
     * \param status the status
     */
    void SetStatus(uint8_t status);
    /**
     * \brief The Home Address field.
     * \return the address
     */
    Ipv6Address GetHomeAddress() const;
    /**
     * \brief Set the Home Address field.
     * \param address the address
     */
    void SetHomeAddress(Ipv6Address address);

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    bool DeserializeMessageData(Buffer::Iterator& i, std::string& error) override;
    void PrintMessageData(std::ostream& os) const override;
    std::string GetMessageName() const override;

  private:
    uint8_t m_status;          ///< Status
    Ipv6Address m_homeAddress; ///< Home Address
};

} // namespace ns3

#endif /* PMIPV6_BINDING_UPDATE_HEADER_H */

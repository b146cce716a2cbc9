/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_HEARTBEAT_HEADER_H
#define PMIPV6_HEARTBEAT_HEADER_H

#include "mobility-header.h"
#include "mobility-option.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The Heartbeat message of RFC 5847 3.1 (MH type 13): a request (R = 0) or a response
 * (R = 1) with a 32-bit sequence number; a response may be unsolicited (U = 1).
 *
 * Message data: Reserved (14 bits), U, R (16 bits in all), Sequence Number (32 bits), then
 * mobility options (a response carries the Restart Counter option, RestartCounterOption).
 */
class HeartbeatHeader : public MobilityHeader
{
  public:
    /// Flag bits of the 16-bit field before the sequence number.
    enum Flag : uint16_t
    {
        FLAG_U = 0x0002, ///< Unsolicited (a response not answering a request)
        FLAG_R = 0x0001, ///< Response (else a request)
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A request with sequence number 0.
    HeartbeatHeader();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief The Sequence Number field.
     * \return the sequence number
     */
    uint32_t GetSequence() const;
    /**
     * \brief Set the Sequence Number field.
     * \param sequence the sequence number
     */
    void SetSequence(uint32_t sequence);
    /**
     * \brief The 16-bit field of the flags (reserved bits included).
     * \return the field
     */
    uint16_t GetFlags() const;
    /**
     * \brief Set the 16-bit field of the flags.
     * \param flags the field
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
     * \brief Whether this is a response (R = 1).
     * \return true for a response
     */
    bool IsResponse() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    bool DeserializeMessageData(Buffer::Iterator& i, std::string& error) override;
    void PrintMessageData(std::ostream& os) const override;
    std::string GetMessageName() const override;

  private:
    uint16_t m_flags;    ///< Reserved, U, R
    uint32_t m_sequence; ///< Sequence Number
};

/**
 * \ingroup pmipv6
 * \brief The Restart Counter option of RFC 5847 3.2 (type 28, length 4, alignment 4n+2): a
 * 32-bit counter the LMA increments on every restart, carried in Heartbeat responses.
 */
class RestartCounterOption : public MobilityOption
{
  public:
    /**
     * \brief An option with the given counter.
     * \param counter the restart counter
     */
    explicit RestartCounterOption(uint32_t counter = 0);

    uint8_t GetType() const override;
    std::string GetName() const override;
    Alignment GetAlignment() const override;
    uint32_t GetDataLength() const override;
    void SerializeData(Buffer::Iterator& i) const override;
    bool DeserializeData(Buffer::Iterator i, uint8_t length, std::string& error) override;
    void Print(std::ostream& os) const override;

    /**
     * \brief The counter.
     * \return the restart counter
     */
    uint32_t GetCounter() const;
    /**
     * \brief Set the counter.
     * \param counter the restart counter
     */
    void SetCounter(uint32_t counter);

  private:
    uint32_t m_counter; ///< Restart Counter
};

/**
 * \ingroup pmipv6
 * \brief The option factory of this file pair (see CreateMobilityOption()).
 * \param type an option Type octet
 * \return a RestartCounterOption for type 28, else null
 */
Ptr<MobilityOption> CreateHeartbeatOption(uint8_t type);

} // namespace ns3

#endif /* PMIPV6_HEARTBEAT_HEADER_H */

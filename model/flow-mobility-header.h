/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_FLOW_MOBILITY_HEADER_H
#define PMIPV6_FLOW_MOBILITY_HEADER_H

#include "mobility-header.h"
#include "pmipv6-wire-numbers.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Common part of the two Flow Mobility messages of pmipv6-flow-mobility-draft 4.1 and
 * 4.2, which share MH type 242 and are told apart by the I flag (1 = FMI, 0 = FMA).
 *
 * Fixed fields: Sequence # (16) | I flag (1) + 7 bits of the message | 8 bits of the
 * message | Lifetime (16, seconds). Options start at offset 12 (8n+4).
 *
 * Each message's deserializer rejects the other message's I value with a reason naming
 * both, so a receiver that holds the wrong class learns which one to use; the dispatcher can
 * also peek the flag first with ReadInitiateFlag().
 *
 * \note Lifetime is in seconds here (the draft: "the requested time in seconds"), not in the
 * 4-second units of the Binding Update; 0xffff (mip6::FM_LIFETIME_INFINITE) is infinity.
 */
class FlowMobilityHeader : public MobilityHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief The Sequence # field.
     * \return the sequence number
     */
    uint16_t GetSequence() const;
    /**
     * \brief Set the Sequence # field.
     * \param sequence the sequence number (an FMA copies the FMI's)
     */
    void SetSequence(uint16_t sequence);
    /**
     * \brief The Lifetime field in seconds.
     * \return the lifetime (0xffff = infinity)
     */
    uint16_t GetLifetime() const;
    /**
     * \brief Set the Lifetime field in seconds.
     * \param seconds the lifetime (mip6::FM_LIFETIME_INFINITE = infinity)
     */
    void SetLifetime(uint16_t seconds);
    /**
     * \brief Whether the Lifetime is infinity (all one bits).
     * \return true when the lifetime is 0xffff
     */
    bool IsLifetimeInfinite() const;

    /**
     * \brief Whether this message is a Flow Mobility Initiate (I flag 1).
     * \return true for an FMI, false for an FMA
     */
    virtual bool IsInitiate() const = 0;

    /**
     * \brief Read the I flag of a raw Mobility Header of MH type 242, without trusting it,
     * so that a receiver knows which class to deserialize.
     * \param data the Mobility Header octets
     * \param length their number
     * \param initiate set to the I flag (true = FMI) on success
     * \return false when the data is shorter than 9 octets or its MH Type is not 242
     */
    static bool ReadInitiateFlag(const uint8_t* data, uint32_t length, bool& initiate);

  protected:
    /// \brief MH type 242, sequence 0, lifetime 0.
    FlowMobilityHeader();

    uint32_t GetMessageDataSize() const final;
    void SerializeMessageData(Buffer::Iterator& i) const final;
    bool DeserializeMessageData(Buffer::Iterator& i, std::string& error) final;
    void PrintMessageData(std::ostream& os) const final;

    /**
     * \brief The message's bits of the octet that holds the I flag (the base adds I).
     * \return the octet without the I bit
     */
    virtual uint8_t GetFlagOctet() const = 0;
    /**
     * \brief The message's octet after the one that holds the I flag.
     * \return the octet
     */
    virtual uint8_t GetSecondOctet() const = 0;
    /**
     * \brief Take the two middle octets as read (the I flag already checked).
     * \param flagOctet the octet that holds the I flag
     * \param secondOctet the octet after it
     */
    virtual void SetMiddleOctets(uint8_t flagOctet, uint8_t secondOctet) = 0;
    /**
     * \brief Print the message's middle fields.
     * \param os the output stream
     */
    virtual void PrintMiddle(std::ostream& os) const = 0;

  private:
    uint16_t m_sequence; ///< Sequence #
    uint16_t m_lifetime; ///< Lifetime, seconds
};

/**
 * \ingroup pmipv6
 * \brief Flow Mobility Initiate, FMI (MH type 242 with I = 1, pmipv6-flow-mobility-draft
 * 4.1): sent by the LMA to a MAG to add, refresh (R) or cancel (C) flow state; carries the
 * MN-ID and one or more Flow Identification options (RFC 6089).
 *
 * Fixed fields: Sequence # (16) | I C R (3) + Reserved (13) | Lifetime (16, seconds).
 * Options start at offset 12 (8n+4).
 *
 * \note "If C is set, the Lifetime MUST be 0" and "R should be 0 when C is 1" are rules for
 * the sender and receiver, not for the codec: the codec carries any combination so that the
 * agent can answer a bad FMI with a status.
 * \note The 13 Reserved bits are written as zero and ignored on receipt.
 */
class FlowMobilityInitiateHeader : public FlowMobilityHeader
{
  public:
    /// Flag bits of the octet that holds the I flag.
    enum Flag : uint8_t
    {
        FLAG_C = mip6::FMI_FLAG_C, ///< Cancel: remove the flow state (Lifetime 0)
        FLAG_R = mip6::FMI_FLAG_R, ///< Refresh the flow state
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief An FMI with no C or R flag, sequence 0, lifetime 0.
    FlowMobilityInitiateHeader();

    TypeId GetInstanceTypeId() const override;

    bool IsInitiate() const override;

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
    std::string GetMessageName() const override;
    uint8_t GetFlagOctet() const override;
    uint8_t GetSecondOctet() const override;
    void SetMiddleOctets(uint8_t flagOctet, uint8_t secondOctet) override;
    void PrintMiddle(std::ostream& os) const override;

  private:
    uint8_t m_flags; ///< C and R bits
};

/**
 * \ingroup pmipv6
 * \brief Flow Mobility Acknowledge, FMA (MH type 242 with I = 0, pmipv6-flow-mobility-draft
 * 4.2): the MAG's answer to an FMI; when Status is 0 it carries the MN-ID and the Flow
 * Identification options.
 *
 * Fixed fields: Sequence # (16) | I (1) + Reserved (7) | Status (8) | Lifetime (16, seconds).
 * Options start at offset 12 (8n+4).
 *
 * \note The draft's first sentence says "The MAG sends an FMI message ... as a response";
 * read as FMA (the figure and the I flag say so).
 * \note Status values are the draft's own (mip6::FmaStatus: 0 success, 128 unspecified, 129
 * MN not attached, 130 sequence out of window, 131 TS format unsupported, 132 no FMC entry,
 * 133 FMC entry exists), not the PBA codes (where 130 means insufficient resources).
 * \note The 7 Reserved bits are written as zero and ignored on receipt.
 */
class FlowMobilityAckHeader : public FlowMobilityHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief An FMA with status 0 (success), sequence 0, lifetime 0.
    FlowMobilityAckHeader();

    TypeId GetInstanceTypeId() const override;

    bool IsInitiate() const override;

    /**
     * \brief The Status field.
     * \return the status (mip6::FmaStatus)
     */
    uint8_t GetStatus() const;
    /**
     * \brief Set the Status field.
     * \param status the status (mip6::FmaStatus)
     */
    void SetStatus(uint8_t status);
    /**
     * \brief Whether the FMI was accepted (Status below 128).
     * \return true on success
     */
    bool IsSuccess() const;

  protected:
    std::string GetMessageName() const override;
    uint8_t GetFlagOctet() const override;
    uint8_t GetSecondOctet() const override;
    void SetMiddleOctets(uint8_t flagOctet, uint8_t secondOctet) override;
    void PrintMiddle(std::ostream& os) const override;

  private:
    uint8_t m_status; ///< Status
};

} // namespace ns3

#endif /* PMIPV6_FLOW_MOBILITY_HEADER_H */

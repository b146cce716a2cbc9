/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_PROXY_FLOW_BINDING_HEADER_H
#define PMIPV6_PROXY_FLOW_BINDING_HEADER_H

#include "mobility-header.h"
#include "pmipv6-wire-numbers.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Proxy Flow Binding Indication, PFBI (MH type 240,
 * draft-sarikaya-netext-lma-init-flow-binding 7.1.1): sent by the LMA to a MAG to add,
 * delete, modify, refresh, move or switch flow bindings (Flow Attribute options).
 *
 * Fixed fields: Sequence # (16) | Trigger (8) | A (1) + Reserved (7). Options (Flow
 * Attribute, type 240) start at offset 10 (8n+2).
 *
 * \note The draft lists the Trigger values under the heading "Revocation Trigger values"
 * (copied from RFC 5846) but with its own numbering (3 = possible out-of-sync BCE state,
 * which is 7 in RFC 5846). The module uses the draft's list (mip6::PfbiTrigger) and
 * accepts every value on receipt.
 * \note The 7 Reserved bits are written as zero and ignored on receipt, as the draft says.
 */
class ProxyFlowBindingIndicationHeader : public MobilityHeader
{
  public:
    /// Flag bits of the octet after Trigger.
    enum Flag : uint8_t
    {
        FLAG_A = mip6::PFBI_FLAG_A, ///< Acknowledge: a PFBA is requested
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A PFBI with sequence 0, trigger 1 (unspecified) and the A flag set.
    ProxyFlowBindingIndicationHeader();

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
     * \brief The Trigger field.
     * \return the trigger (mip6::PfbiTrigger)
     */
    uint8_t GetTrigger() const;
    /**
     * \brief Set the Trigger field.
     * \param trigger the trigger (mip6::PfbiTrigger)
     */
    void SetTrigger(uint8_t trigger);
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
    uint8_t m_trigger;   ///< Trigger
    uint8_t m_flags;     ///< defined flag bits (reserved bits dropped)
};

/**
 * \ingroup pmipv6
 * \brief Proxy Flow Binding Acknowledgement, PFBA (MH type 241,
 * draft-sarikaya-netext-lma-init-flow-binding 7.1.2): the MAG's answer to a PFBI.
 *
 * Fixed fields: Sequence # (16, copied from the PFBI) | Status (8) | Reserved (8). Options
 * (the PFBI's Flow Attribute options with their per-flow status) start at offset 10 (8n+2).
 *
 * \note The draft gives both messages the MH Type "IANA-TBD1"; the module tells them apart
 * by MH type (240 PFBI, 241 PFBA, see wire-numbers.md).
 * \note The Status values are the draft's own (mip6::PfbaStatus: 0 success, 1 partial
 * success, 128 binding does not exist), not the PBA codes; below 128 means processed.
 * \note The Reserved octet is written as zero and ignored on receipt.
 */
class ProxyFlowBindingAckHeader : public MobilityHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A PFBA with sequence 0 and status 0 (success).
    ProxyFlowBindingAckHeader();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief The Sequence # field.
     * \return the sequence number
     */
    uint16_t GetSequence() const;
    /**
     * \brief Set the Sequence # field (copy of the PFBI's).
     * \param sequence the sequence number
     */
    void SetSequence(uint16_t sequence);
    /**
     * \brief The Status field.
     * \return the status (mip6::PfbaStatus)
     */
    uint8_t GetStatus() const;
    /**
     * \brief Set the Status field.
     * \param status the status (mip6::PfbaStatus)
     */
    void SetStatus(uint8_t status);
    /**
     * \brief Whether the PFBI was processed (Status below 128).
     * \return true when the status means success or partial success
     */
    bool IsSuccess() const;

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

#endif /* PMIPV6_PROXY_FLOW_BINDING_HEADER_H */

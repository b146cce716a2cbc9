/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_FLOW_BINDING_HEADER_H
#define PMIPV6_FLOW_BINDING_HEADER_H

#include "mobility-header.h"

namespace ns3
{

class Packet;

/**
 * \ingroup pmipv6
 * \brief Common part of the two Flow Binding messages (MH type 21, RFC 7109 3.1).
 *
 * Fixed fields: FB Type (8) | Reserved (8) | Sequence # (16) | Trigger or Status (8) |
 * A flag + Reserved (8). Options start at offset 12 (8n+4): the home agent's Flow
 * Identification options (RFC 6089, with the RFC 7109 Flow Binding Action and Target
 * Care-of Address sub-options).
 *
 * Both messages share MH type 21; FB Type tells them apart (1 = FBI, 2 = FBA). Each
 * subclass accepts only its own FB Type; PeekFlowBindingType() reads it without decoding.
 *
 * \note Wireshark 4.0 does not dissect MH type 21 (it shows the message data as raw
 * octets). The layout above is the module's reading of RFC 7109 (the same shape as
 * pcapkit's decoder: FB Type padded to 16 bits, Sequence #, then Trigger/Status and the
 * A flag), written down in doc/notes/messages.md. In an FBA the last octet is reserved; it
 * is kept whole (GetFlags) so that a message re-serializes unchanged.
 */
class FlowBindingHeader : public MobilityHeader
{
  public:
    /// Flag bits of the octet after Trigger / Status.
    enum Flag : uint8_t
    {
        FLAG_A = 0x80, ///< Acknowledgement requested (FBI only)
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief Read the FB Type octet of a Flow Binding message without decoding it.
     * \param packet a packet that starts with the Mobility Header
     * \return the FB Type (mip6::FlowBindingType), or 0 when the packet is not an MH type 21
     *         message long enough to hold the octet
     */
    static uint8_t PeekFlowBindingType(Ptr<const Packet> packet);

    /**
     * \brief The FB Type this class writes and accepts.
     * \return mip6::FB_INDICATION or mip6::FB_ACKNOWLEDGEMENT
     */
    uint8_t GetFlowBindingType() const;

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
     * \brief The whole octet after Trigger / Status (A flag and reserved bits).
     * \return the flags
     */
    uint8_t GetFlags() const;
    /**
     * \brief Set the whole octet after Trigger / Status.
     * \param flags the flags
     */
    void SetFlags(uint8_t flags);

  protected:
    /**
     * \brief Build a Flow Binding message.
     * \param fbType the FB Type this class writes and accepts
     */
    explicit FlowBindingHeader(uint8_t fbType);

    /**
     * \brief The octet after Sequence #: Trigger in an FBI, Status in an FBA.
     * \return the octet
     */
    uint8_t GetCode() const;
    /**
     * \brief Set the octet after Sequence #.
     * \param code the octet
     */
    void SetCode(uint8_t code);

    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    bool DeserializeMessageData(Buffer::Iterator& i, std::string& error) override;
    void PrintMessageData(std::ostream& os) const override;

    /**
     * \brief Name of the octet after Sequence # for Print ("trigger" or "status").
     * \return the name
     */
    virtual std::string GetCodeName() const = 0;

  private:
    uint8_t m_fbType;    ///< FB Type this class writes and accepts
    uint16_t m_sequence; ///< Sequence #
    uint8_t m_code;      ///< Trigger (FBI) or Status (FBA)
    uint8_t m_flags;     ///< A flag and reserved bits
};

/**
 * \ingroup pmipv6
 * \brief Flow Binding Indication (MH type 21, FB Type 1, RFC 7109 3.1.1).
 *
 * Sent by the home agent (here: the LMA) to change the flow bindings of a mobile node; the
 * Trigger says why (mip6::FlowBindingTrigger), the A flag asks for an FBA.
 */
class FlowBindingIndicationHeader : public FlowBindingHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief An FBI with trigger 1 (unspecified), the A flag set, sequence 0.
    FlowBindingIndicationHeader();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief The Trigger field.
     * \return the trigger (mip6::FlowBindingTrigger)
     */
    uint8_t GetTrigger() const;
    /**
     * \brief Set the Trigger field.
     * \param trigger the trigger
     */
    void SetTrigger(uint8_t trigger);
    /**
     * \brief Whether an acknowledgement is requested (A flag).
     * \return true when set
     */
    bool IsAckRequested() const;
    /**
     * \brief Set or clear the A flag.
     * \param requested set when true
     */
    void SetAckRequested(bool requested);

  protected:
    std::string GetMessageName() const override;
    std::string GetCodeName() const override;
};

/**
 * \ingroup pmipv6
 * \brief Flow Binding Acknowledgement (MH type 21, FB Type 2, RFC 7109 3.1.2).
 *
 * Answers an FBI; Sequence # is copied from it, Status says how it went
 * (mip6::FlowBindingAckStatus; below 128 = success).
 */
class FlowBindingAckHeader : public FlowBindingHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief An FBA with status 0 (success), sequence 0.
    FlowBindingAckHeader();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief The Status field.
     * \return the status (mip6::FlowBindingAckStatus)
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

#endif /* PMIPV6_FLOW_BINDING_HEADER_H */

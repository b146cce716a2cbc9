/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LOCAL_ROUTING_OPTIMIZATION_HEADER_H
#define PMIPV6_LOCAL_ROUTING_OPTIMIZATION_HEADER_H

#include "mobility-header.h"
#include "pmipv6-wire-numbers.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Common part of the Local Routing Optimization Request and Response messages of
 * draft-wu-netext-local-ro 9.2 and 9.3, which share MH type 243 and are told apart by the
 * R flag (0 = LROREQ, 1 = LRORSP).
 *
 * Fixed fields (the same for both, Figures 8 and 9): Sequence # (16) | R (1) | LRI (2) |
 * Reserved (13) | Lifetime (16, seconds). Options (Local Routing Optimization option 244,
 * MN-CN pair options 245, Context Request 40) start at offset 12 (8n+4).
 *
 * Each message's deserializer rejects the other message's R value with a reason naming
 * both; the dispatcher can peek the flag first with ReadResponseFlag().
 *
 * \note The 13 Reserved bits are written as zero and ignored on receipt (the draft gives no
 * rule for them; this is the RFC 6275 convention).
 */
class LocalRoutingOptimizationHeader : public MobilityHeader
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
     * \param sequence the sequence number (a response copies the request's)
     */
    void SetSequence(uint16_t sequence);
    /**
     * \brief The 2-bit Local Routing Optimization Indication.
     * \return the LRI (mip6::LocalRoutingIndication, 0..3)
     */
    uint8_t GetLri() const;
    /**
     * \brief Set the 2-bit Local Routing Optimization Indication.
     * \param lri the LRI (mip6::LocalRoutingIndication); must be at most 3
     */
    void SetLri(uint8_t lri);
    /**
     * \brief The Lifetime field in seconds.
     * \return the lifetime
     */
    uint16_t GetLifetime() const;
    /**
     * \brief Set the Lifetime field in seconds.
     * \param seconds the lifetime (0 asks to remove local routing, 5.1)
     */
    void SetLifetime(uint16_t seconds);

    /**
     * \brief Whether this message is a response (R flag 1).
     * \return true for an LRORSP, false for an LROREQ
     */
    virtual bool IsResponse() const = 0;

    /**
     * \brief Read the R flag of a raw Mobility Header of MH type 243, without trusting it,
     * so that a receiver knows which class to deserialize.
     * \param data the Mobility Header octets
     * \param length their number
     * \param response set to the R flag (true = LRORSP) on success
     * \return false when the data is shorter than 9 octets or its MH Type is not 243
     */
    static bool ReadResponseFlag(const uint8_t* data, uint32_t length, bool& response);

  protected:
    /// \brief MH type 243, sequence 0, LRI 0, lifetime 0.
    LocalRoutingOptimizationHeader();

    uint32_t GetMessageDataSize() const final;
    void SerializeMessageData(Buffer::Iterator& i) const final;
    bool DeserializeMessageData(Buffer::Iterator& i, std::string& error) final;
    void PrintMessageData(std::ostream& os) const final;

  private:
    uint16_t m_sequence; ///< Sequence #
    uint8_t m_lri;       ///< LRI, 2 bits
    uint16_t m_lifetime; ///< Lifetime, seconds
};

/**
 * \ingroup pmipv6
 * \brief Local Routing Optimization Request, LROREQ (MH type 243 with R = 0,
 * draft-wu-netext-local-ro 9.2): MAG to LMA (MAG-initiated, 4.1, LRI 1 intra-MAG or 0 "ask")
 * or LMA to MAG (LMA-initiated, 4.2, LRI 2), with MN-CN pair options.
 *
 * Fixed fields: see LocalRoutingOptimizationHeader. Options start at offset 12 (8n+4).
 */
class LocalRoutingOptimizationRequestHeader : public LocalRoutingOptimizationHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief An LROREQ with sequence 0, LRI 0, lifetime 0.
    LocalRoutingOptimizationRequestHeader();

    TypeId GetInstanceTypeId() const override;

    bool IsResponse() const override;

  protected:
    std::string GetMessageName() const override;
};

/**
 * \ingroup pmipv6
 * \brief Local Routing Optimization Response, LRORSP (MH type 243 with R = 1,
 * draft-wu-netext-local-ro 9.3): the answer to an LROREQ.
 *
 * Fixed fields: see LocalRoutingOptimizationHeader. Options start at offset 12 (8n+4).
 *
 * \note Figure 9 draws no Status field: the LRORSP has exactly the LROREQ's fields. The
 * outcome is carried by the LRI (5.1, 5.2): 0 = local routing not available (the rejection),
 * 1 = intra-MAG allowed, 2 = intra-LMA allowed (the CN's MAG address is in the MN-CN pair
 * option), 3 = inter-LMA. The module adds no status octet; IsAccepted() reads the LRI.
 */
class LocalRoutingOptimizationResponseHeader : public LocalRoutingOptimizationHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief An LRORSP with sequence 0, LRI 0 (not available), lifetime 0.
    LocalRoutingOptimizationResponseHeader();

    TypeId GetInstanceTypeId() const override;

    bool IsResponse() const override;

    /**
     * \brief Whether the response allows local routing (LRI other than 0, draft 5.1).
     * \return true when the LRI is 1, 2 or 3
     */
    bool IsAccepted() const;

  protected:
    std::string GetMessageName() const override;
};

/**
 * \ingroup pmipv6
 * \brief LMA Route Optimization Start Request, LMAROStartReq (MH type 244,
 * draft-wu-netext-local-ro Appendix A.1.1): LMA1 asks LMA2 for the Proxy-CoA of a CN it
 * anchors (inter-LMA local routing, A.2), with a pair of MN-CN pair options.
 *
 * Fixed fields: Sequence # (16) | Reserved (16) | Lifetime (16, seconds). Options start at
 * offset 12 (8n+4).
 *
 * \note The figures of A.1.1 and A.1.2 are swapped in the draft: Figure A.1.1 (the request)
 * draws Status | Reserved | Sequence | Lifetime while its text defines Sequence, Reserved and
 * Lifetime and no Status; Figure A.1.2 (the response) draws Sequence | Reserved | Lifetime
 * while its text defines a Status "indicating the disposition of LMAROStartReq". The module
 * follows the text (a status belongs to the answer): the request uses Figure A.1.2's layout.
 * \note The draft gives no unit for Lifetime; the module uses seconds, as the LROREQ that the
 * exchange leads to (9.2). The Reserved field is written as zero and ignored on receipt.
 */
class LmaRoStartRequestHeader : public MobilityHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A request with sequence 0 and lifetime 0.
    LmaRoStartRequestHeader();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief The Sequence Number field.
     * \return the sequence number
     */
    uint16_t GetSequence() const;
    /**
     * \brief Set the Sequence Number field.
     * \param sequence the sequence number
     */
    void SetSequence(uint16_t sequence);
    /**
     * \brief The Lifetime field in seconds.
     * \return the lifetime (0 = none given)
     */
    uint16_t GetLifetime() const;
    /**
     * \brief Set the Lifetime field in seconds.
     * \param seconds the initial lifetime of each MN-CN route optimization binding
     */
    void SetLifetime(uint16_t seconds);

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    bool DeserializeMessageData(Buffer::Iterator& i, std::string& error) override;
    void PrintMessageData(std::ostream& os) const override;
    std::string GetMessageName() const override;

  private:
    uint16_t m_sequence; ///< Sequence Number
    uint16_t m_lifetime; ///< Lifetime, seconds
};

/**
 * \ingroup pmipv6
 * \brief LMA Route Optimization Start Response, LMAROStartRsp (MH type 245,
 * draft-wu-netext-local-ro Appendix A.1.2): LMA2's answer, with the MN-CN pair options copied
 * from the request and the CN's Proxy-CoA filled in.
 *
 * Fixed fields: Status (8) | Reserved (8) | Sequence Number (16) | Lifetime (16, seconds).
 * Options start at offset 12 (8n+4).
 *
 * \note Uses the layout drawn in Figure A.1.1, see LmaRoStartRequestHeader for why.
 * \note The draft defines no Status values, only "less than 128 accepted, greater than 128
 * rejected"; the module reads 128 as rejected too (RFC 6275 convention) and uses 0 accepted
 * and 128 rejected, reason unspecified (mip6::LmaRoStartStatus). The Reserved octet is
 * written as zero and ignored on receipt.
 */
class LmaRoStartResponseHeader : public MobilityHeader
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A response with status 0 (accepted), sequence 0 and lifetime 0.
    LmaRoStartResponseHeader();

    TypeId GetInstanceTypeId() const override;

    /**
     * \brief The Status field.
     * \return the status (mip6::LmaRoStartStatus)
     */
    uint8_t GetStatus() const;
    /**
     * \brief Set the Status field.
     * \param status the status (mip6::LmaRoStartStatus)
     */
    void SetStatus(uint8_t status);
    /**
     * \brief Whether the request was accepted (Status below 128).
     * \return true when accepted
     */
    bool IsAccepted() const;
    /**
     * \brief The Sequence Number field.
     * \return the sequence number
     */
    uint16_t GetSequence() const;
    /**
     * \brief Set the Sequence Number field.
     * \param sequence the sequence number (copied from the request)
     */
    void SetSequence(uint16_t sequence);
    /**
     * \brief The Lifetime field in seconds.
     * \return the lifetime
     */
    uint16_t GetLifetime() const;
    /**
     * \brief Set the Lifetime field in seconds.
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
    uint8_t m_status;    ///< Status
    uint16_t m_sequence; ///< Sequence Number
    uint16_t m_lifetime; ///< Lifetime, seconds
};

} // namespace ns3

#endif /* PMIPV6_LOCAL_ROUTING_OPTIMIZATION_HEADER_H */

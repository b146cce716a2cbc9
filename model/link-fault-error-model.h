/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LINK_FAULT_ERROR_MODEL_H
#define PMIPV6_LINK_FAULT_ERROR_MODEL_H

#include "ns3/error-model.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The faults of one direction of a link, as a receive error model: random packet loss
 * (independent, or in bursts after the Gilbert-Elliott model) and the link being down.
 *
 * Installed as the ReceiveErrorModel of the receiving device (point-to-point, CSMA) or as
 * the PostReceptionErrorModel of a Wi-Fi PHY, it decides for every packet that arrives
 * whether it is lost:
 * - while the link is down (SetDown(true)), every packet is lost;
 * - otherwise, with BurstLength <= 1, each packet is lost with probability LossRate,
 *   independently of the others;
 * - with BurstLength > 1, a two-state Gilbert-Elliott chain (one step per packet) decides: in
 *   the Bad state a packet is lost with probability BadLoss, in the Good state with
 *   probability GoodLoss. The transition probabilities follow from LossRate (the long-run
 *   fraction of packets lost) and BurstLength (the mean sojourn in Bad, in packets):
 *   r = P(Bad -> Good) = 1 / BurstLength and p = P(Good -> Bad) solves
 *   LossRate = (p BadLoss + r GoodLoss) / (p + r); with BadLoss 1 and GoodLoss 0 (the
 *   defaults) LossRate is exactly the loss ratio and BurstLength the mean number of
 *   consecutive losses.
 */
class LinkFaultErrorModel : public ErrorModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \brief A model that loses nothing until configured.
    LinkFaultErrorModel();

    /**
     * \brief Take the link down (every packet lost) or bring it up again.
     * \param down true: down
     */
    void SetDown(bool down);

    /**
     * \brief Whether the link is down.
     * \return true when down
     */
    bool IsDown() const;

    /**
     * \brief Set the loss: rate and mean burst length (see the class description).
     * \param rate long-run fraction of packets lost, in [0, 1]
     * \param burstLength mean number of consecutive losses; <= 1: independent losses
     */
    void SetLoss(double rate, double burstLength);

    /**
     * \brief Whether the Gilbert-Elliott chain is in its Bad state.
     * \return true when Bad
     */
    bool IsBad() const;

    /**
     * \brief Packets this model saw (lost or not) since it was created.
     * \return the count
     */
    uint64_t GetPackets() const;

    /**
     * \brief Packets lost, by the random loss or while down.
     * \return the count
     */
    uint64_t GetLost() const;

    /**
     * \brief Packets lost because the link was down.
     * \return the count
     */
    uint64_t GetLostWhileDown() const;

    /**
     * \brief Assign a fixed random variable stream.
     * \param stream first stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

  private:
    bool DoCorrupt(Ptr<Packet> p) override;
    void DoReset() override;

    double m_lossRate;                   ///< LossRate
    double m_burstLength;                ///< BurstLength
    double m_badLoss;                    ///< BadLoss
    double m_goodLoss;                   ///< GoodLoss
    bool m_down{false};                  ///< link down
    bool m_bad{false};                   ///< Gilbert-Elliott state
    uint64_t m_packets{0};               ///< packets seen
    uint64_t m_lost{0};                  ///< packets lost
    uint64_t m_lostDown{0};              ///< packets lost while down
    Ptr<UniformRandomVariable> m_random; ///< the decisions
};

} // namespace ns3

#endif /* PMIPV6_LINK_FAULT_ERROR_MODEL_H */

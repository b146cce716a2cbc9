/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "link-fault-error-model.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/string.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LinkFaultErrorModel");

NS_OBJECT_ENSURE_REGISTERED(LinkFaultErrorModel);

TypeId
LinkFaultErrorModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LinkFaultErrorModel")
            .SetParent<ErrorModel>()
            .SetGroupName("Pmipv6")
            .AddConstructor<LinkFaultErrorModel>()
            .AddAttribute("LossRate",
                          "Long-run fraction of the packets lost (0: none).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&LinkFaultErrorModel::m_lossRate),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("BurstLength",
                          "Mean number of consecutive losses (Gilbert-Elliott mean sojourn in "
                          "the Bad state, in packets); <= 1: independent losses.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&LinkFaultErrorModel::m_burstLength),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("BadLoss",
                          "Gilbert-Elliott: probability of losing a packet in the Bad state.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&LinkFaultErrorModel::m_badLoss),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("GoodLoss",
                          "Gilbert-Elliott: probability of losing a packet in the Good state.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&LinkFaultErrorModel::m_goodLoss),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("RandomVariable",
                          "The uniform random variable of the loss decisions.",
                          StringValue("ns3::UniformRandomVariable"),
                          MakePointerAccessor(&LinkFaultErrorModel::m_random),
                          MakePointerChecker<UniformRandomVariable>());
    return tid;
}

LinkFaultErrorModel::LinkFaultErrorModel()
{
    NS_LOG_FUNCTION(this);
}

void
LinkFaultErrorModel::SetDown(bool down)
{
    NS_LOG_FUNCTION(this << down);
    m_down = down;
}

bool
LinkFaultErrorModel::IsDown() const
{
    return m_down;
}

void
LinkFaultErrorModel::SetLoss(double rate, double burstLength)
{
    NS_LOG_FUNCTION(this << rate << burstLength);
    m_lossRate = std::clamp(rate, 0.0, 1.0);
    m_burstLength = std::max(burstLength, 0.0);
}

bool
LinkFaultErrorModel::IsBad() const
{
    return m_bad;
}

uint64_t
LinkFaultErrorModel::GetPackets() const
{
    return m_packets;
}

uint64_t
LinkFaultErrorModel::GetLost() const
{
    return m_lost;
}

uint64_t
LinkFaultErrorModel::GetLostWhileDown() const
{
    return m_lostDown;
}

int64_t
LinkFaultErrorModel::AssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    return 1;
}

bool
LinkFaultErrorModel::DoCorrupt(Ptr<Packet> p)
{
    NS_LOG_FUNCTION(this << p);
    m_packets++;
    if (m_down)
    {
        m_lost++;
        m_lostDown++;
        return true;
    }
    if (m_lossRate <= 0)
    {
        return false;
    }
    bool lost;
    if (m_burstLength <= 1)
    {
        lost = m_random->GetValue() < m_lossRate;
    }
    else
    {
        // One Gilbert-Elliott step per packet, then the loss decision in the new state.
        double r = 1.0 / m_burstLength;
        double lossGap = m_badLoss - m_lossRate; // > 0 for a reachable rate
        double p = lossGap > 0 ? r * (m_lossRate - m_goodLoss) / lossGap : 1.0;
        p = std::clamp(p, 0.0, 1.0);
        double u = m_random->GetValue();
        m_bad = m_bad ? u >= r : u < p;
        lost = m_random->GetValue() < (m_bad ? m_badLoss : m_goodLoss);
    }
    if (lost)
    {
        m_lost++;
    }
    return lost;
}

void
LinkFaultErrorModel::DoReset()
{
    NS_LOG_FUNCTION(this);
    m_bad = false;
}

} // namespace ns3

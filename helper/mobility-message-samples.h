/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MOBILITY_MESSAGE_SAMPLES_H
#define PMIPV6_MOBILITY_MESSAGE_SAMPLES_H

#include "ns3/mobility-header.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief One sample of a Mobility Header message: a filled-in message and a factory of empty
 * objects of the same class to decode it into.
 */
struct MobilityMessageSample
{
    std::string name;                                       ///< e.g. "PBU"
    std::shared_ptr<MobilityHeader> message;                ///< the filled-in message
    std::function<std::shared_ptr<MobilityHeader>()> empty; ///< builds an empty object
};

/**
 * \ingroup pmipv6
 * \brief One message of every type the module knows (standard and draft), each with
 * non-default fields and the options it typically carries, every option class at least once.
 * Used by the codec example, the tshark test, the fuzzers' seed corpus and the Python module.
 * \return the samples, in MH type order
 */
std::vector<MobilityMessageSample> MakeMobilityMessageSamples();

} // namespace ns3

#endif /* PMIPV6_MOBILITY_MESSAGE_SAMPLES_H */

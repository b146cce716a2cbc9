/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_PROXY_BINDING_REQUEST_H
#define PMIPV6_PROXY_BINDING_REQUEST_H

#include "mobility-option.h"
#include "prefix-pool.h"

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief What a received Proxy Binding Update asks for, read once from its options.
 */
struct ProxyBindingRequest
{
    Ipv6Address mag;                         ///< source of the PBU (Proxy-CoA)
    uint16_t sequence{0};                    ///< Sequence #
    uint16_t flags{0};                       ///< the PBU's 16-bit flags field (e.g. F, RFC 5555)
    Time lifetime;                           ///< requested lifetime (0 = de-registration)
    bool hasMnId{false};                     ///< MN-ID option present
    std::string mnId;                        ///< MN-ID (NAI)
    std::vector<HomeNetworkPrefix> prefixes; ///< non-zero HNPs
    uint32_t hnpOptionCount{0};              ///< number of HNP options (zero or not)
    bool hasHandoffIndicator{false};         ///< HI option present
    uint8_t handoffIndicator{0};             ///< HI value
    bool hasAccessTechnologyType{false};     ///< ATT option present
    uint8_t accessTechnologyType{0};         ///< ATT value
    bool hasLinkLayerId{false};              ///< MN LL-ID option present
    std::vector<uint8_t> linkLayerId;        ///< MN LL-ID
    bool hasLinkLocalAddress{false};         ///< Link-local Address option present
    Ipv6Address linkLocalAddress;            ///< its value
    bool hasTimestamp{false};                ///< Timestamp option present
    uint64_t timestamp{0};                   ///< raw 48.16 timestamp
    bool hasBindingId{false};                ///< Binding Identifier option present (RFC 5648)
    uint16_t bindingId{0};                   ///< its BID (0 = let the LMA choose)
    uint8_t bindingPriority{0};              ///< its BID-PRI (RFC 6089; 0 = none asked)
    MobilityOptionList options;              ///< every option of the PBU (for extensions)
};

} // namespace ns3

#endif /* PMIPV6_PROXY_BINDING_REQUEST_H */

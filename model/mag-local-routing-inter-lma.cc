/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * MagLocalRoutingExtension, inter-LMA part: draft-wu-netext-local-ro-02 7 (MAG-initiated
 * inter-LMA local routing, Figure 6).
 */

#include "local-routing-optimization-header.h"
#include "local-routing-options.h"
#include "mag-local-routing-extension.h"
#include "pmipv6-mag-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/log.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagLocalRoutingInterLma");

bool
MagLocalRoutingExtension::HandleInterLmaResponse(const PairKey& key,
                                                 const LocalRoutingOptimizationResponseHeader& rsp,
                                                 Ipv6Address from,
                                                 Time lifetime)
{
    auto it = m_pairs.find(key);
    if (it == m_pairs.end())
    {
        return false;
    }
    Pair& pair = it->second;
    Ipv6Address named; // the Proxy-CoA field of the CN's MN-CN pair option
    for (const auto& option : rsp.GetOptions().FindAll<MnCnPairOption>())
    {
        if (HomeNetworkPrefix(option->GetHomeNetworkPrefix(), option->GetPrefixLength()) ==
            key.second)
        {
            named = option->GetProxyCoa();
        }
    }
    if (named.IsAny() || named == GetMag()->GetProxyCoa())
    {
        return false;
    }
    if (from == pair.lma && pair.peerLma.IsAny())
    {
        // "LRORSP(LMA2)": the MN's LMA found the CN's LMA; ask it
        if (named == pair.lma)
        {
            return false;
        }
        NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": " << key.second
                           << " is anchored at LMA " << named << ", asking it");
        pair.peerLma = named;
        pair.lri = mip6::LRI_INTER_LMA;
        pair.lifetime = lifetime;
        SendInterLmaRequest(key, pair);
        return true;
    }
    if (from == pair.peerLma)
    {
        // "LRORSP(CN, MAG2)": the CN's LMA named the CN's MAG
        AllowIntraLma(key, named, lifetime, mip6::LRI_INTER_LMA);
        return true;
    }
    return false;
}

void
MagLocalRoutingExtension::SendInterLmaRequest(const PairKey& key, Pair& pair)
{
    Ptr<Pmipv6MagApplication> mag = GetMag();
    Ptr<SignallingTransactionManager> sig = mag->GetSignalling();
    LocalRoutingOptimizationRequestHeader req;
    uint16_t seq = sig->NextSequence(pair.peerLma);
    req.SetSequence(seq);
    req.SetLri(mip6::LRI_INTER_LMA);
    req.SetLifetime(
        static_cast<uint16_t>(std::min(std::ceil(pair.lifetime.GetSeconds()), 65535.0)));
    req.AddOption(Create<MobileNodeIdentifierOption>(pair.mnId));
    Ptr<LocalRoutingOptimizationOption> lro = Create<LocalRoutingOptimizationOption>();
    lro->SetLri(mip6::LRI_INTER_LMA);
    req.AddOption(lro);
    // "LROREQ(MN, MAG1, CN)": the MN with this MAG, then the CN with its MAG unknown
    Ptr<MnCnPairOption> mn = Create<MnCnPairOption>();
    mn->SetHomeNetworkPrefix(key.first.prefix, key.first.length);
    mn->SetProxyCoa(mag->GetProxyCoa());
    if (Ptr<MnCnPairOption> own = OwnIpv4PairOption(key))
    {
        mn = own; // the same with the P flag, its IPv4-MN-HoA and IPv4-Proxy-CoA (section 6)
    }
    req.AddOption(mn);
    Ptr<MnCnPairOption> cn = Create<MnCnPairOption>();
    cn->SetHomeNetworkPrefix(key.second.prefix, key.second.length);
    cn->SetProxyCoa(Ipv6Address::GetAny());
    req.AddOption(cn);
    SignallingTransactionManager::Request r(mag->GetProxyCoa(),
                                            pair.peerLma,
                                            mip6::MH_LOCAL_ROUTING_OPTIMIZATION,
                                            1,
                                            seq);
    r.onReply = MakeCallback(&MagLocalRoutingExtension::HandleResponse, this);
    r.onGiveUp = MakeCallback(&MagLocalRoutingExtension::RequestGaveUp, this);
    pair.tx = sig->Start(req, r);
    m_byTransaction[pair.tx] = key;
    m_requests++;
}

} // namespace ns3

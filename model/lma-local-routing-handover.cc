/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * LmaLocalRoutingExtension, continued: the local routing context of a mobile node handed to its
 * new MAG at a handover (draft-wu-netext-local-ro-02 4.1.1, Figure 3).
 */

#include "binding-cache.h"
#include "binding-update-header.h"
#include "lma-local-routing-extension.h"
#include "local-routing-options.h"
#include "pmipv6-lma-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"
#include "proxy-binding-request.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaLocalRoutingHandover");

uint64_t
LmaLocalRoutingExtension::GetContextAnswerCount() const
{
    return m_contextAnswers;
}

void
LmaLocalRoutingExtension::AddPbaOptions(BindingAckHeader& pba,
                                        const ProxyBindingRequest& req,
                                        Ptr<const BindingCacheEntry> entry)
{
    if (!entry || pba.GetStatus() >= mip6::BA_UNSPECIFIED || pba.GetLifetime() == 0 ||
        entry->homeNetworkPrefixes.empty())
    {
        return;
    }
    Ptr<ContextRequestOption> context = req.options.Find<ContextRequestOption>();
    if (!context || !context->HasRequest(mip6::OPT_MN_CN_PAIR))
    {
        return;
    }
    Ptr<BindingCache> cache = GetLma()->GetBindingCache();
    std::vector<Ptr<MnCnPairOption>> peers;
    HomeNetworkPrefix own;
    for (const auto& prefix : entry->homeNetworkPrefixes)
    {
        auto p = m_byPrefix.find(prefix);
        if (p == m_byPrefix.end())
        {
            continue;
        }
        for (const auto& key : p->second)
        {
            auto it = m_pairs.find(key);
            if (it == m_pairs.end() || it->second.lmaInitiated)
            {
                continue; // the LMA re-initiates its own pairs (Figure 5)
            }
            HomeNetworkPrefix other = key.first == prefix ? key.second : key.first;
            Ptr<BindingCacheEntry> cn = cache->FindByAddress(other.prefix);
            if (!cn || cn == entry || cn->state != BindingCacheEntry::ACTIVE)
            {
                continue;
            }
            own = prefix;
            Ptr<MnCnPairOption> option = Create<MnCnPairOption>();
            option->SetHomeNetworkPrefix(other.prefix, other.length);
            option->SetProxyCoa(cn->proxyCoa);
            SetIpv4Of(option, cn); // draft 004 section 6: the CN's IPv4-MN-HoA (P flag)
            peers.push_back(option);
        }
    }
    if (peers.empty())
    {
        return;
    }
    Ptr<LocalRoutingOptimizationOption> lro = Create<LocalRoutingOptimizationOption>();
    lro->SetLri(mip6::LRI_INTRA_LMA);
    pba.AddOption(lro);
    Ptr<MnCnPairOption> self = Create<MnCnPairOption>();
    self->SetHomeNetworkPrefix(own.prefix, own.length);
    self->SetProxyCoa(entry->proxyCoa);
    SetIpv4Of(self, entry);
    pba.AddOption(self);
    for (const auto& option : peers)
    {
        pba.AddOption(option);
    }
    m_contextAnswers++;
    NS_LOG_INFO("LMA: PBA to " << entry->proxyCoa << " carries the local routing context of "
                               << entry->mnId << " (" << peers.size() << " pairs)");
}

} // namespace ns3

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mag-multihoming-extension.h"

#include "pmipv6-mag-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagMultihomingExtension");

NS_OBJECT_ENSURE_REGISTERED(MagMultihomingExtension);

TypeId
MagMultihomingExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MagMultihomingExtension")
            .SetParent<Pmipv6MagExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MagMultihomingExtension>()
            .AddAttribute("RemovalAction",
                          "ACT of the de-registration of a multihomed mobile node's interface "
                          "(1 remove filters, 2 keep filters: the LMA re-instantiates them on "
                          "another interface), unless set per mobile node.",
                          UintegerValue(mip6::MUHO_ACT_KEEP_FILTERS),
                          MakeUintegerAccessor(&MagMultihomingExtension::m_removalAct),
                          MakeUintegerChecker<uint8_t>(1, 7))
            .AddTraceSource("FilterStatus",
                            "A PBA answered a filter operation (or reported a filter "
                            "re-instantiated by the LMA, PRO 2).",
                            MakeTraceSourceAccessor(&MagMultihomingExtension::m_statusTrace),
                            "ns3::MagMultihomingExtension::FilterStatusTracedCallback");
    return tid;
}

MagMultihomingExtension::MagMultihomingExtension()
    : m_removalAct(mip6::MUHO_ACT_KEEP_FILTERS)
{
    NS_LOG_FUNCTION(this);
}

MagMultihomingExtension::~MagMultihomingExtension()
{
    NS_LOG_FUNCTION(this);
}

void
MagMultihomingExtension::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_config.clear();
    Pmipv6MagExtension::DoDispose();
}

void
MagMultihomingExtension::SetMultihomed(const std::string& mnId, uint8_t mhgid)
{
    NS_LOG_FUNCTION(this << mnId << +mhgid);
    m_config[mnId].mhgid = mhgid;
}

bool
MagMultihomingExtension::IsMultihomed(const std::string& mnId) const
{
    return m_config.find(mnId) != m_config.end();
}

void
MagMultihomingExtension::SetRemovalAction(const std::string& mnId, uint8_t act)
{
    auto it = m_config.find(mnId);
    if (it != m_config.end())
    {
        it->second.act = act;
    }
}

Ptr<BindingUpdateListEntry>
MagMultihomingExtension::FindRegistered(const std::string& mnId) const
{
    if (!GetMag())
    {
        return nullptr;
    }
    for (const auto& e : GetMag()->GetBindingUpdateList()->FindByMnId(mnId))
    {
        if (e->state == BindingUpdateListEntry::REGISTERED ||
            e->state == BindingUpdateListEntry::REFRESHING)
        {
            return e;
        }
    }
    return nullptr;
}

bool
MagMultihomingExtension::Flush(const std::string& mnId)
{
    Ptr<BindingUpdateListEntry> e = FindRegistered(mnId);
    if (!e)
    {
        return false; // the initial registration carries every filter
    }
    NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": filter operations of " << mnId
                       << ", re-registering");
    return GetMag()->RefreshNow(e->id, true);
}

bool
MagMultihomingExtension::AddFilter(const std::string& mnId,
                                   uint16_t fid,
                                   uint8_t priority,
                                   uint8_t action,
                                   const TrafficSelector& selector)
{
    NS_LOG_FUNCTION(this << mnId << fid);
    auto it = m_config.find(mnId);
    if (it == m_config.end() || it->second.filters.count(fid) != 0)
    {
        return false;
    }
    Filter f;
    f.fid = fid;
    f.priority = priority;
    f.action = action;
    f.selector = selector;
    it->second.filters[fid] = f;
    if (FindRegistered(mnId))
    {
        it->second.pending.push_back({mip6::MUHO_PRO_ADD, fid});
        Flush(mnId);
    }
    return true;
}

bool
MagMultihomingExtension::ModifyFilter(const std::string& mnId,
                                      uint16_t fid,
                                      uint8_t priority,
                                      uint8_t action,
                                      const TrafficSelector& selector)
{
    NS_LOG_FUNCTION(this << mnId << fid);
    auto it = m_config.find(mnId);
    if (it == m_config.end() || it->second.filters.count(fid) == 0)
    {
        return false;
    }
    Filter& f = it->second.filters[fid];
    f.priority = priority;
    f.action = action;
    f.selector = selector;
    f.answered = false;
    f.reinstantiated = false;
    if (FindRegistered(mnId))
    {
        it->second.pending.push_back({mip6::MUHO_PRO_MODIFY, fid});
        Flush(mnId);
    }
    return true;
}

bool
MagMultihomingExtension::RemoveFilter(const std::string& mnId, uint16_t fid)
{
    NS_LOG_FUNCTION(this << mnId << fid);
    auto it = m_config.find(mnId);
    if (it == m_config.end() || it->second.filters.erase(fid) == 0)
    {
        return false;
    }
    if (FindRegistered(mnId))
    {
        it->second.pending.push_back({mip6::MUHO_PRO_REMOVE, fid});
        Flush(mnId);
    }
    return true;
}

bool
MagMultihomingExtension::Renew(const std::string& mnId)
{
    Ptr<BindingUpdateListEntry> e = FindRegistered(mnId);
    return e && GetMag()->RefreshNow(e->id, true);
}

std::vector<MagMultihomingExtension::Filter>
MagMultihomingExtension::GetFilters(const std::string& mnId) const
{
    std::vector<Filter> out;
    auto it = m_config.find(mnId);
    if (it != m_config.end())
    {
        for (const auto& kv : it->second.filters)
        {
            out.push_back(kv.second);
        }
    }
    return out;
}

uint8_t
MagMultihomingExtension::GetLastPbaStatus(const std::string& mnId) const
{
    auto it = m_config.find(mnId);
    return it == m_config.end() ? 0 : it->second.lastStatus;
}

bool
MagMultihomingExtension::KeepBindingUntilDeregistered(Ptr<const BindingUpdateListEntry> entry)
{
    return IsMultihomed(entry->mnId);
}

void
MagMultihomingExtension::AddPbuOptions(BindingUpdateHeader& pbu,
                                       Ptr<const BindingUpdateListEntry> entry)
{
    auto it = m_config.find(entry->mnId);
    if (it == m_config.end())
    {
        return;
    }
    MnConfig& c = it->second;
    Ptr<MultihomingOption> mh = Create<MultihomingOption>();
    mh->SetGroupId(c.mhgid);
    if (entry->state == BindingUpdateListEntry::DEREGISTERING)
    {
        // Section 3.4, Figure 6: removal of the interface is HI 4 with ACT.
        mh->SetAct(c.act != 0 ? c.act : m_removalAct);
        if (Ptr<HandoffIndicatorOption> hi = pbu.GetOptions().Find<HandoffIndicatorOption>())
        {
            hi->SetHandoffIndicator(mip6::HI_UNKNOWN);
        }
        pbu.AddOption(mh);
        return;
    }
    pbu.AddOption(mh);
    auto addOp = [&pbu, &c](uint8_t pro, uint16_t fid) {
        Ptr<MuhoFlowIdentifierOption> op = Create<MuhoFlowIdentifierOption>();
        op->SetFlowId(fid);
        op->SetPro(pro);
        auto f = c.filters.find(fid);
        if (f != c.filters.end())
        {
            op->SetPriority(f->second.priority);
            op->SetAction(f->second.action);
            if (pro != mip6::MUHO_PRO_REMOVE)
            {
                op->SetFilter(f->second.selector);
            }
        }
        pbu.AddOption(op);
    };
    if (entry->state == BindingUpdateListEntry::REGISTERING)
    {
        // Figure 3 / Figure 7: the initial registration installs every filter.
        c.pending.clear();
        c.inFlight = 0;
        for (const auto& kv : c.filters)
        {
            if (!kv.second.reinstantiated)
            {
                addOp(mip6::MUHO_PRO_ADD, kv.first);
            }
        }
        return;
    }
    // Figure 4 / Figure 5: a renewal carries the operations not yet answered.
    for (const auto& op : c.pending)
    {
        if (op.pro == mip6::MUHO_PRO_REMOVE || c.filters.count(op.fid) != 0)
        {
            addOp(op.pro, op.fid);
        }
    }
    c.inFlight = c.pending.size();
}

void
MagMultihomingExtension::NotifyPba(const BindingAckHeader& pba, Ptr<BindingUpdateListEntry> entry)
{
    auto it = m_config.find(entry->mnId);
    if (it == m_config.end())
    {
        return;
    }
    MnConfig& c = it->second;
    c.lastStatus = pba.GetStatus();
    if (pba.GetStatus() == mip6::BA_MH_NOT_SUPPORTED_BY_LMA)
    {
        NS_LOG_WARN("MAG " << GetMag()->GetProxyCoa() << ": the LMA does not support "
                           << "multihoming for " << entry->mnId);
    }
    for (const auto& op : pba.GetOptions().FindAll<MuhoFlowIdentifierOption>())
    {
        uint16_t fid = op->GetFlowId();
        NS_LOG_INFO("MAG " << GetMag()->GetProxyCoa() << ": filter " << fid << " of " << entry->mnId
                           << " PRO " << +op->GetPro() << " status " << +op->GetStatus());
        m_statusTrace(entry->mnId, fid, op->GetPro(), op->GetStatus());
        if (op->GetPro() == mip6::MUHO_PRO_REINSTANTIATED_BY_LMA)
        {
            Filter& f = c.filters[fid];
            f.fid = fid;
            f.priority = op->GetPriority();
            f.action = op->GetAction();
            if (op->IsFilterSupported())
            {
                f.selector = op->GetFilter();
            }
            f.answered = true;
            f.status = op->GetStatus();
            f.reinstantiated = true;
            continue;
        }
        auto f = c.filters.find(fid);
        if (f != c.filters.end())
        {
            f->second.answered = true;
            f->second.status = op->GetStatus();
        }
    }
    bool accepted = pba.GetStatus() < mip6::BA_UNSPECIFIED;
    if (accepted && entry->state == BindingUpdateListEntry::REFRESHING)
    {
        // Every operation of that PBU is answered (an absent answer is a refusal).
        uint32_t n = std::min<uint32_t>(c.inFlight, c.pending.size());
        c.pending.erase(c.pending.begin(), c.pending.begin() + n);
        c.inFlight = 0;
    }
}

void
MagMultihomingExtension::NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry)
{
    if (event != BINDING_REMOVED)
    {
        return;
    }
    auto it = m_config.find(entry->mnId);
    if (it == m_config.end())
    {
        return;
    }
    // The interface left this MAG: the LMA's re-instantiated filters went with its binding;
    // the configured ones are installed again by the next attachment.
    MnConfig& c = it->second;
    for (auto f = c.filters.begin(); f != c.filters.end();)
    {
        if (f->second.reinstantiated)
        {
            f = c.filters.erase(f);
        }
        else
        {
            f->second.answered = false;
            ++f;
        }
    }
    c.pending.clear();
    c.inFlight = 0;
}

} // namespace ns3

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lma-multihoming-extension.h"

#include "pmipv6-lma-application.h"
#include "pmipv6-options.h"
#include "pmipv6-wire-numbers.h"

#include "ns3/boolean.h"
#include "ns3/log.h"

#include <algorithm>
#include <set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaMultihomingExtension");

NS_OBJECT_ENSURE_REGISTERED(LmaMultihomingExtension);

namespace
{

/**
 * \brief The name of a FID option Action value.
 * \param action the action (mip6::FbidAction)
 * \return its name
 */
const char*
ActionName(uint8_t action)
{
    switch (action)
    {
    case mip6::FBID_ACTION_FORWARD:
        return "forward";
    case mip6::FBID_ACTION_DISCARD:
        return "discard";
    case mip6::FBID_ACTION_N_CAST:
        return "n-cast";
    default:
        return "?";
    }
}

/**
 * \brief Whether an Action value is one the LMA performs.
 * \param action the action
 * \return true for forward, discard and n-cast
 */
bool
IsKnownAction(uint8_t action)
{
    return action == mip6::FBID_ACTION_FORWARD || action == mip6::FBID_ACTION_DISCARD ||
           action == mip6::FBID_ACTION_N_CAST;
}

/**
 * \brief Whether a binding forwards traffic.
 * \param e the entry (may be null)
 * \return true when ACTIVE or AWAITING_DEREGISTRATION
 */
bool
IsRegistered(Ptr<const BindingCacheEntry> e)
{
    return e && (e->state == BindingCacheEntry::ACTIVE ||
                 e->state == BindingCacheEntry::AWAITING_DEREGISTRATION);
}

} // namespace

TypeId
LmaMultihomingExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LmaMultihomingExtension")
            .SetParent<Pmipv6LmaExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<LmaMultihomingExtension>()
            .AddAttribute("MultihomingSupported",
                          "Whether this LMA supports the multihoming extension; when false "
                          "every PBU with the Multihoming option is refused with "
                          "MH_NOT_SUPPORTED_BY_LMA (draft-melia-netext-muho-solution 6.1).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaMultihomingExtension::m_supported),
                          MakeBooleanChecker())
            .AddAttribute("FilterReinstantiation",
                          "Whether the LMA re-instantiates the filters of a removed interface "
                          "on a remaining one (ACT keep filters); when false they are removed "
                          "and the PBA says MH_FILTERS_REINSTANCIATION_NOT_SUPPORTED_BY_LMA.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LmaMultihomingExtension::m_reinstantiation),
                          MakeBooleanChecker())
            .AddTraceSource("FilterProcessed",
                            "A filter operation of a PBU was answered with a status.",
                            MakeTraceSourceAccessor(&LmaMultihomingExtension::m_filterTrace),
                            "ns3::LmaMultihomingExtension::FilterProcessedTracedCallback")
            .AddTraceSource(
                "FilterReinstantiated",
                "A filter of a removed interface was re-instantiated on another one.",
                MakeTraceSourceAccessor(&LmaMultihomingExtension::m_reinstantiatedTrace),
                "ns3::LmaMultihomingExtension::FilterReinstantiatedTracedCallback");
    return tid;
}

LmaMultihomingExtension::LmaMultihomingExtension()
    : m_supported(true),
      m_reinstantiation(true)
{
    NS_LOG_FUNCTION(this);
}

LmaMultihomingExtension::~LmaMultihomingExtension()
{
    NS_LOG_FUNCTION(this);
}

void
LmaMultihomingExtension::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_groups.clear();
    Pmipv6LmaExtension::DoDispose();
}

bool
LmaMultihomingExtension::IsMultihomed(const std::string& mnId) const
{
    return m_groups.find(mnId) != m_groups.end();
}

uint64_t
LmaMultihomingExtension::GetReinstantiatedCount() const
{
    return m_reinstantiated;
}

std::vector<LmaMultihomingExtension::Filter>
LmaMultihomingExtension::GetFilters(const std::string& mnId) const
{
    std::vector<Filter> out;
    auto g = m_groups.find(mnId);
    if (g == m_groups.end() || !GetLma())
    {
        return out;
    }
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    uint64_t owner = lma->GetFlowOwner(mnId);
    for (const auto& b : g->second.bids)
    {
        Ptr<BindingCacheEntry> e = lma->FindBinding(mnId, b.first);
        for (const auto& f : b.second)
        {
            Filter copy = f.second;
            copy.proxyCoa = e ? e->proxyCoa : Ipv6Address();
            const FlowBindingEntry* t = lma->GetFlowBindingTable()->Find(owner, copy.tableFid);
            copy.hits = t ? t->hits : 0;
            out.push_back(copy);
        }
    }
    return out;
}

void
LmaMultihomingExtension::PrintFilters(std::ostream& os, const std::string& mnId) const
{
    auto g = m_groups.find(mnId);
    if (g == m_groups.end() || !GetLma())
    {
        os << "  " << mnId << ": no multihomed session\n";
        return;
    }
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    uint16_t defaultBid = 0;
    bool hasDefault =
        lma->GetFlowBindingTable()->GetDefaultBid(lma->GetFlowOwner(mnId), defaultBid);
    for (const auto& b : g->second.bids)
    {
        Ptr<BindingCacheEntry> e = lma->FindBinding(mnId, b.first);
        os << "  " << mnId << " MHGID " << +g->second.mhgid << " BID " << b.first;
        if (e)
        {
            os << " Proxy-CoA " << e->proxyCoa << " " << BindingCacheEntry::StateName(e->state);
            for (const auto& p : e->homeNetworkPrefixes)
            {
                os << " HNP " << p.prefix << "/" << +p.length;
            }
        }
        if (hasDefault && defaultBid == b.first)
        {
            os << " (default)";
        }
        os << "\n";
    }
    for (const Filter& f : GetFilters(mnId))
    {
        os << "    filter BID " << f.bid << " FID " << f.fid << " PRI " << +f.priority << " "
           << ActionName(f.action) << " " << f.selector << (f.reinstantiated ? " PRO 2" : "")
           << " hits " << f.hits << "\n";
    }
}

uint8_t
LmaMultihomingExtension::CheckPbu(const ProxyBindingRequest& req)
{
    Ptr<MultihomingOption> mh = req.options.Find<MultihomingOption>();
    if (!mh)
    {
        return mip6::BA_ACCEPTED;
    }
    if (!m_supported)
    {
        NS_LOG_LOGIC("multihoming not supported: " << req.mnId << " refused");
        return mip6::BA_MH_NOT_SUPPORTED_BY_LMA;
    }
    if (mh->GetGroupId() != mip6::MUHO_GROUP_DEFAULT)
    {
        NS_LOG_LOGIC("MHGID " << +mh->GetGroupId() << " not supported (only the default group)");
        return mip6::BA_MH_NOT_SUPPORTED_BY_LMA;
    }
    if (mh->GetAct() != mip6::MUHO_ACT_RESERVED)
    {
        bool removal = req.handoffIndicator == mip6::HI_UNKNOWN;
        bool known = mh->GetAct() == mip6::MUHO_ACT_REMOVE_FILTERS ||
                     mh->GetAct() == mip6::MUHO_ACT_KEEP_FILTERS;
        if (!removal || !known)
        {
            NS_LOG_LOGIC("ACT " << +mh->GetAct() << " with HI " << +req.handoffIndicator
                                << ": refused (section 4.1)");
            return mip6::BA_UNSPECIFIED;
        }
    }
    return mip6::BA_ACCEPTED;
}

Pmipv6LmaExtension::SessionChoice
LmaMultihomingExtension::SelectSession(const ProxyBindingRequest& req)
{
    Ptr<MultihomingOption> mh = req.options.Find<MultihomingOption>();
    auto g = m_groups.find(req.mnId);
    if (!mh || g == m_groups.end() || g->second.mhgid != mh->GetGroupId() || g->second.bids.empty())
    {
        return SESSION_DEFAULT;
    }
    Ptr<BindingCacheEntry> member = GetLma()->FindBinding(req.mnId, g->second.bids.begin()->first);
    if (!member)
    {
        return SESSION_DEFAULT;
    }
    std::set<HomeNetworkPrefix> requested(req.prefixes.begin(), req.prefixes.end());
    std::set<HomeNetworkPrefix> held(member->homeNetworkPrefixes.begin(),
                                     member->homeNetworkPrefixes.end());
    if (!req.prefixes.empty() && requested != held)
    {
        return SESSION_DEFAULT; // another HNP: not this session (RFC 5213 decides)
    }
    for (const auto& e : GetLma()->GetBindingCache()->FindByMnId(req.mnId))
    {
        // (a binding de-registered and waiting for its deletion is no longer this interface's:
        // a re-attachment rejoins the session with a new binding)
        if (e->proxyCoa == req.mag &&
            (!req.hasLinkLayerId || e->mnLinkLayerId == req.linkLayerId) &&
            e->state != BindingCacheEntry::DEREGISTERED_PENDING_DELETE)
        {
            return SESSION_DEFAULT; // this interface has its binding: renewal or removal
        }
    }
    NS_LOG_LOGIC(req.mnId << ": " << req.mag << " joins multihoming group " << +g->second.mhgid
                          << " (HNP and MHGID match, Figure 2)");
    return SESSION_NEW_SHARED_PREFIXES;
}

void
LmaMultihomingExtension::NotifyBinding(BindingEvent event,
                                       Ptr<BindingCacheEntry> entry,
                                       Ipv6Address /* previousProxyCoa */)
{
    if (event != BINDING_DELETED)
    {
        return;
    }
    auto g = m_groups.find(entry->mnId);
    if (g != m_groups.end() && g->second.bids.count(entry->bindingId) != 0)
    {
        NS_LOG_LOGIC(entry->mnId << ": binding " << entry->bindingId
                                 << " deleted, its filters removed");
        LeaveGroup(entry->mnId, entry->bindingId, 0);
    }
}

uint16_t
LmaMultihomingExtension::OtherRegisteredBid(const std::string& mnId,
                                            const Group& g,
                                            uint16_t bid) const
{
    for (const auto& b : g.bids)
    {
        if (b.first != bid && IsRegistered(GetLma()->FindBinding(mnId, b.first)))
        {
            return b.first;
        }
    }
    return 0;
}

uint16_t
LmaMultihomingExtension::AllocateTableFid(Group& g, uint64_t owner)
{
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    do
    {
        g.lastTableFid++;
    } while (g.lastTableFid == 0 || table->Find(owner, g.lastTableFid) != nullptr);
    return g.lastTableFid;
}

FlowBindingEntry
LmaMultihomingExtension::MakeEntry(const Group& g, uint64_t owner, const Filter& f) const
{
    FlowBindingEntry e;
    e.owner = owner;
    e.fid = f.tableFid;
    e.priority = f.priority;
    e.selector = f.selector;
    switch (f.action)
    {
    case mip6::FBID_ACTION_DISCARD:
        e.action = FlowBindingAction::DISCARD;
        break;
    case mip6::FBID_ACTION_N_CAST:
        e.action = FlowBindingAction::NCAST;
        for (const auto& b : g.bids)
        {
            e.bids.push_back(b.first);
        }
        break;
    default:
        e.action = FlowBindingAction::FORWARD;
        e.bids = {f.bid};
        break;
    }
    return e;
}

void
LmaMultihomingExtension::UpdateNcast(const Group& g, uint64_t owner)
{
    std::vector<uint16_t> all;
    for (const auto& b : g.bids)
    {
        all.push_back(b.first);
    }
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    for (const auto& b : g.bids)
    {
        for (const auto& f : b.second)
        {
            if (f.second.action == mip6::FBID_ACTION_N_CAST && !all.empty())
            {
                table->SetBids(owner, f.second.tableFid, all);
            }
        }
    }
}

uint8_t
LmaMultihomingExtension::ApplyFilter(Group& g,
                                     const std::string& mnId,
                                     Ptr<const BindingCacheEntry> entry,
                                     const MuhoFlowIdentifierOption& op)
{
    Ptr<FlowBindingTable> table = GetLma()->GetFlowBindingTable();
    uint64_t owner = GetLma()->GetFlowOwner(mnId);
    BindingFilters& filters = g.bids[entry->bindingId];
    auto it = filters.find(op.GetFlowId());
    switch (op.GetPro())
    {
    case mip6::MUHO_PRO_ADD: {
        if (!op.HasFilter() || !IsKnownAction(op.GetAction()))
        {
            return mip6::FBID_STATUS_POORLY_FORMED;
        }
        if (!op.IsFilterSupported())
        {
            return mip6::FBID_STATUS_CLASSIFIER_NOT_SUPPORTED;
        }
        if (it != filters.end())
        {
            // A retransmitted PBU repeats its adds: the same filter again is no error.
            const Filter& f = it->second;
            bool same = f.priority == op.GetPriority() && f.action == op.GetAction() &&
                        f.selector == op.GetFilter() && !f.reinstantiated;
            return same ? mip6::FBID_STATUS_SUCCESS : mip6::FBID_STATUS_FID_ALREADY_IN_USE;
        }
        Filter f;
        f.bid = entry->bindingId;
        f.fid = op.GetFlowId();
        f.priority = op.GetPriority();
        f.action = op.GetAction();
        f.selector = op.GetFilter();
        f.tableFid = AllocateTableFid(g, owner);
        if (!table->Add(MakeEntry(g, owner, f)))
        {
            return mip6::FBID_STATUS_REJECTED_UNSPECIFIED;
        }
        filters[f.fid] = f;
        return mip6::FBID_STATUS_SUCCESS;
    }
    case mip6::MUHO_PRO_MODIFY: {
        if (it == filters.end())
        {
            return mip6::FBID_STATUS_FID_NOT_FOUND;
        }
        if (!IsKnownAction(op.GetAction()))
        {
            return mip6::FBID_STATUS_POORLY_FORMED;
        }
        if (op.HasFilter() && !op.IsFilterSupported())
        {
            return mip6::FBID_STATUS_CLASSIFIER_NOT_SUPPORTED;
        }
        Filter f = it->second;
        f.priority = op.GetPriority();
        f.action = op.GetAction();
        if (op.HasFilter())
        {
            f.selector = op.GetFilter();
        }
        f.reinstantiated = false; // the MAG made it its own
        if (!table->Modify(MakeEntry(g, owner, f)))
        {
            return mip6::FBID_STATUS_REJECTED_UNSPECIFIED;
        }
        it->second = f;
        return mip6::FBID_STATUS_SUCCESS;
    }
    case mip6::MUHO_PRO_REMOVE:
        if (it == filters.end())
        {
            return mip6::FBID_STATUS_FID_NOT_FOUND;
        }
        table->Remove(owner, it->second.tableFid);
        filters.erase(it);
        return mip6::FBID_STATUS_SUCCESS;
    default:
        // PRO 2 is the LMA's to set; other values are not defined.
        return mip6::FBID_STATUS_POORLY_FORMED;
    }
}

void
LmaMultihomingExtension::LeaveGroup(const std::string& mnId, uint16_t bid, uint16_t target)
{
    auto gi = m_groups.find(mnId);
    if (gi == m_groups.end())
    {
        return;
    }
    Group& g = gi->second;
    auto bi = g.bids.find(bid);
    if (bi == g.bids.end())
    {
        return;
    }
    Ptr<Pmipv6LmaApplication> lma = GetLma();
    Ptr<FlowBindingTable> table = lma->GetFlowBindingTable();
    uint64_t owner = lma->GetFlowOwner(mnId);
    BindingFilters leaving = bi->second;
    g.bids.erase(bi);
    Ptr<BindingCacheEntry> from = lma->FindBinding(mnId, bid);
    Ptr<BindingCacheEntry> to = target != 0 ? lma->FindBinding(mnId, target) : nullptr;
    for (const auto& kv : leaving)
    {
        Filter f = kv.second;
        if (!to)
        {
            table->Remove(owner, f.tableFid);
            continue;
        }
        // Section 4.2: a FID unique among the target's filters, PRO 2, FID-PRI and Action
        // copied. The table entry keeps its table FID (and its hit count): only its target
        // binding changes, so no packet of the flow finds no entry meanwhile.
        BindingFilters& dst = g.bids[target];
        uint16_t newFid = 1;
        while (dst.count(newFid) != 0)
        {
            newFid++;
        }
        uint16_t oldFid = f.fid;
        f.bid = target;
        f.fid = newFid;
        f.reinstantiated = true;
        dst[newFid] = f;
        table->Modify(MakeEntry(g, owner, f));
        m_reinstantiated++;
        NS_LOG_INFO("LMA: filter " << oldFid << " of " << mnId << " re-instantiated from "
                                   << (from ? from->proxyCoa : Ipv6Address()) << " to "
                                   << to->proxyCoa << " as FID " << newFid);
        m_reinstantiatedTrace(mnId,
                              from ? from->proxyCoa : Ipv6Address(),
                              to->proxyCoa,
                              oldFid,
                              newFid);
    }
    UpdateNcast(g, owner);
    uint16_t current = 0;
    if (table->GetDefaultBid(owner, current) && current == bid)
    {
        uint16_t next = OtherRegisteredBid(mnId, g, bid);
        if (next != 0)
        {
            table->SetDefaultBid(owner, next);
        }
        else
        {
            table->ClearDefaultBid(owner);
        }
    }
    if (g.bids.empty())
    {
        NS_LOG_LOGIC(mnId << ": multihoming group " << +g.mhgid << " ends");
        m_groups.erase(gi);
    }
}

void
LmaMultihomingExtension::AddPbaOptions(BindingAckHeader& pba,
                                       const ProxyBindingRequest& req,
                                       Ptr<const BindingCacheEntry> entry)
{
    Ptr<MultihomingOption> mh = req.options.Find<MultihomingOption>();
    std::vector<Ptr<MuhoFlowIdentifierOption>> ops =
        req.options.FindAll<MuhoFlowIdentifierOption>();
    auto gi = m_groups.find(req.mnId);
    bool member = entry && gi != m_groups.end() && gi->second.bids.count(entry->bindingId) != 0;
    if (!mh && ops.empty() && !member)
    {
        return;
    }
    bool accepted = pba.GetStatus() == mip6::BA_ACCEPTED && entry && entry->proxyCoa == req.mag;
    Ptr<Pmipv6LmaApplication> lma = GetLma();

    if (accepted && req.lifetime.IsZero())
    {
        // Removal of one interface (Figure 6): the entry is de-registered already.
        if (member && entry->state == BindingCacheEntry::DEREGISTERED_PENDING_DELETE)
        {
            uint8_t act = mh ? mh->GetAct() : static_cast<uint8_t>(mip6::MUHO_ACT_REMOVE_FILTERS);
            uint16_t target = 0;
            if (act == mip6::MUHO_ACT_KEEP_FILTERS)
            {
                if (m_reinstantiation)
                {
                    target = OtherRegisteredBid(req.mnId, gi->second, entry->bindingId);
                }
                else
                {
                    pba.SetStatus(mip6::BA_MH_FILTERS_REINSTANTIATION_NOT_SUPPORTED_BY_LMA);
                }
            }
            NS_LOG_INFO("LMA: " << req.mnId << " removes its interface at " << req.mag
                                << " from group " << +gi->second.mhgid << ", ACT " << +act);
            LeaveGroup(req.mnId, entry->bindingId, target);
        }
        if (mh)
        {
            Ptr<MultihomingOption> echo = Create<MultihomingOption>();
            echo->SetGroupId(mh->GetGroupId());
            echo->SetAct(mh->GetAct());
            pba.AddOption(echo);
        }
        return;
    }

    if (accepted && mh)
    {
        // Initial setup, joining, renewal or filter modification (Figures 3, 4, 5, 7).
        if (gi == m_groups.end())
        {
            gi = m_groups.emplace(req.mnId, Group()).first;
            gi->second.mhgid = mh->GetGroupId();
            NS_LOG_LOGIC(req.mnId << ": multihoming group " << +gi->second.mhgid << " starts");
        }
        Group& g = gi->second;
        Ptr<FlowBindingTable> table = lma->GetFlowBindingTable();
        uint64_t owner = lma->GetFlowOwner(req.mnId);
        if (g.bids.count(entry->bindingId) == 0 && !SharesGroupPrefix(req.mnId, g, entry))
        {
            // Another HNP (the PBU named one): one multihomed session per MN (section 1), so
            // this binding is not in the group and its filters are refused.
            NS_LOG_LOGIC(req.mnId << ": binding " << entry->bindingId
                                  << " has another HNP than the multihomed session");
            RefuseFilters(pba, req, mh, mip6::FBID_STATUS_REJECTED_UNSPECIFIED);
            return;
        }
        if (g.bids.count(entry->bindingId) == 0)
        {
            g.bids[entry->bindingId];
            UpdateNcast(g, owner);
        }
        uint16_t current = 0;
        if (!table->GetDefaultBid(owner, current) ||
            !IsRegistered(lma->FindBinding(req.mnId, current)))
        {
            table->SetDefaultBid(owner, entry->bindingId);
        }
        Ptr<MultihomingOption> echo = Create<MultihomingOption>();
        echo->SetGroupId(g.mhgid);
        pba.AddOption(echo);
        for (const auto& op : ops)
        {
            uint8_t status = ApplyFilter(g, req.mnId, entry, *op);
            NS_LOG_INFO("LMA: filter " << op->GetFlowId() << " PRO " << +op->GetPro() << " of "
                                       << req.mnId << " at " << req.mag << ": status " << +status);
            m_filterTrace(req.mnId, req.mag, op->GetFlowId(), op->GetPro(), status);
            Ptr<MuhoFlowIdentifierOption> answer = Create<MuhoFlowIdentifierOption>();
            answer->SetFlowId(op->GetFlowId());
            answer->SetPriority(op->GetPriority());
            answer->SetAction(op->GetAction());
            answer->SetPro(op->GetPro());
            answer->SetStatus(status);
            pba.AddOption(answer);
        }
        // Section 4.2: re-instantiated filters are returned when the MAG asks (renewal or
        // filter operation).
        for (const auto& kv : g.bids[entry->bindingId])
        {
            const Filter& f = kv.second;
            if (!f.reinstantiated)
            {
                continue;
            }
            Ptr<MuhoFlowIdentifierOption> r = Create<MuhoFlowIdentifierOption>();
            r->SetFlowId(f.fid);
            r->SetPriority(f.priority);
            r->SetAction(f.action);
            r->SetPro(mip6::MUHO_PRO_REINSTANTIATED_BY_LMA);
            r->SetStatus(mip6::FBID_STATUS_SUCCESS);
            r->SetFilter(f.selector);
            pba.AddOption(r);
        }
        return;
    }

    // Refused, or filters without the Multihoming option: each filter is refused.
    RefuseFilters(pba,
                  req,
                  mh,
                  mh ? mip6::FBID_STATUS_REJECTED_UNSPECIFIED
                     : mip6::FBID_STATUS_ADMINISTRATIVELY_PROHIBITED);
}

bool
LmaMultihomingExtension::SharesGroupPrefix(const std::string& mnId,
                                           const Group& g,
                                           Ptr<const BindingCacheEntry> entry) const
{
    for (const auto& b : g.bids)
    {
        Ptr<BindingCacheEntry> member = GetLma()->FindBinding(mnId, b.first);
        if (member)
        {
            std::set<HomeNetworkPrefix> a(member->homeNetworkPrefixes.begin(),
                                          member->homeNetworkPrefixes.end());
            std::set<HomeNetworkPrefix> c(entry->homeNetworkPrefixes.begin(),
                                          entry->homeNetworkPrefixes.end());
            return a == c;
        }
    }
    return true; // no member left to compare with
}

void
LmaMultihomingExtension::RefuseFilters(BindingAckHeader& pba,
                                       const ProxyBindingRequest& req,
                                       Ptr<MultihomingOption> mh,
                                       uint8_t status)
{
    if (mh)
    {
        Ptr<MultihomingOption> echo = Create<MultihomingOption>();
        echo->SetGroupId(mh->GetGroupId());
        echo->SetAct(mh->GetAct());
        pba.AddOption(echo);
    }
    for (const auto& op : req.options.FindAll<MuhoFlowIdentifierOption>())
    {
        m_filterTrace(req.mnId, req.mag, op->GetFlowId(), op->GetPro(), status);
        Ptr<MuhoFlowIdentifierOption> answer = Create<MuhoFlowIdentifierOption>();
        answer->SetFlowId(op->GetFlowId());
        answer->SetPriority(op->GetPriority());
        answer->SetAction(op->GetAction());
        answer->SetPro(op->GetPro());
        answer->SetStatus(status);
        pba.AddOption(answer);
    }
}

} // namespace ns3

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_MULTIHOMING_EXTENSION_H
#define PMIPV6_LMA_MULTIHOMING_EXTENSION_H

// Multihoming at the LMA: draft-melia-netext-muho-solution-00 (draft 002), sections 2, 3, 4, 6.

#include "flow-binding-table.h"
#include "multihoming-options.h"
#include "pmipv6-lma-extension.h"
#include "traffic-selector.h"

#include "ns3/traced-callback.h"

#include <map>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Multihoming extensions for PMIPv6 at the LMA (draft-melia-netext-muho-solution-00):
 * one mobility session spans the interfaces of a multihomed mobile node, each with its own
 * Proxy-CoA, and downlink filters installed by the MAGs choose the interface per flow.
 *
 * - A PBU with the Multihoming option (241) whose mobile node has a multihomed session already,
 *   from a MAG (or MN interface) that holds none of its bindings, joins that session: a new
 *   binding cache entry that shares the session's home network prefix, with its own BID and
 *   tunnel (SelectSession(); Figure 2, Figure 3, Figure 7). The first binding is not moved and
 *   not revoked.
 * - The Flow Identifier options (242) of the PBU are applied to the flow-binding table of the
 *   LMA (owner: the mobile node, GetFlowOwner()), each filter bound to the BID of the binding
 *   (Proxy-CoA) of the MAG that sent it; each is answered in the PBA with its Status
 *   (mip6::FbidStatus). PRO 0 adds, 1 modifies, 15 removes (the module's reading of [MEXT],
 *   doc/notes/draft-options.md). Action forward sends the matching downlink into that MAG's
 *   tunnel, discard drops it, n-cast sends one copy over every interface of the group.
 * - The first binding of the group is the mobile node's default binding (FlowBindingTable
 *   default BID): unmatched downlink goes there. When it is removed, the lowest remaining BID
 *   takes over.
 * - A de-registration (lifetime 0) with the Multihoming option removes one interface
 *   (Figure 6): ACT 1 removes its filters, ACT 2 re-instantiates them on the remaining binding
 *   with the lowest BID (new FID unique among that binding's filters, PRO 2, FID-PRI and Action
 *   copied, section 4.2). Re-instantiated filters are reported in every accepted PBA to the MAG
 *   that now holds them (section 4.2: "only on MAG demand"). Without re-instantiation support
 *   (attribute FilterReinstantiation false) the filters are removed and the PBA carries
 *   mip6::BA_MH_FILTERS_REINSTANTIATION_NOT_SUPPORTED_BY_LMA (127, an acceptance).
 * - Checks (CheckPbu()): with MultihomingSupported false every PBU with the Multihoming option
 *   is refused with mip6::BA_MH_NOT_SUPPORTED_BY_LMA (250); so is an MHGID other than 0 (the
 *   only group of the draft); an ACT other than 0 with a Handoff Indicator other than 4, or an
 *   ACT other than 1 or 2 with HI 4, is refused with 128 (section 4.1).
 *
 * Costs: per PBU, O(filters of the mobile node); nothing per packet (LmaRouting asks the
 * FlowBindingTable).
 */
class LmaMultihomingExtension : public Pmipv6LmaExtension
{
  public:
    /// A filter of a multihomed session as the LMA holds it.
    struct Filter
    {
        uint16_t bid{0};            ///< the binding (Proxy-CoA) it delivers to
        Ipv6Address proxyCoa;       ///< that binding's Proxy-CoA
        uint16_t fid{0};            ///< FID on the wire, unique among the binding's filters
        uint16_t tableFid{0};       ///< FID of its FlowBindingTable entry
        uint8_t priority{0};        ///< FID-PRI
        uint8_t action{0};          ///< Action (mip6::FbidAction)
        TrafficSelector selector;   ///< the filter
        bool reinstantiated{false}; ///< re-instantiated by the LMA (PRO 2)
        uint64_t hits{0};           ///< packets it classified
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LmaMultihomingExtension();
    ~LmaMultihomingExtension() override;

    /**
     * \brief Whether a mobile node has a multihomed session.
     * \param mnId the mobile node
     * \return true when it has
     */
    bool IsMultihomed(const std::string& mnId) const;

    /**
     * \brief The filters of a mobile node's multihomed session, by BID then FID.
     * \param mnId the mobile node
     * \return the filters
     */
    std::vector<Filter> GetFilters(const std::string& mnId) const;

    /**
     * \brief Print the bindings and filters of a mobile node's multihomed session, one line
     * each.
     * \param os the stream
     * \param mnId the mobile node
     */
    void PrintFilters(std::ostream& os, const std::string& mnId) const;

    /**
     * \brief Number of filters re-instantiated on another interface.
     * \return the count
     */
    uint64_t GetReinstantiatedCount() const;

    /**
     * \brief TracedCallback signature of FilterProcessed.
     * \param mnId the mobile node
     * \param proxyCoa the MAG that sent the filter operation
     * \param fid the FID
     * \param pro the operation (PRO)
     * \param status the per-filter status answered
     */
    typedef void (*FilterProcessedTracedCallback)(const std::string& mnId,
                                                  Ipv6Address proxyCoa,
                                                  uint16_t fid,
                                                  uint8_t pro,
                                                  uint8_t status);
    /**
     * \brief TracedCallback signature of FilterReinstantiated.
     * \param mnId the mobile node
     * \param from the removed interface's Proxy-CoA
     * \param to the Proxy-CoA the filter moved to
     * \param oldFid its FID before
     * \param newFid its FID now
     */
    typedef void (*FilterReinstantiatedTracedCallback)(const std::string& mnId,
                                                       Ipv6Address from,
                                                       Ipv6Address to,
                                                       uint16_t oldFid,
                                                       uint16_t newFid);

    uint8_t CheckPbu(const ProxyBindingRequest& req) override;
    SessionChoice SelectSession(const ProxyBindingRequest& req) override;
    void NotifyBinding(BindingEvent event,
                       Ptr<BindingCacheEntry> entry,
                       Ipv6Address previousProxyCoa) override;
    void AddPbaOptions(BindingAckHeader& pba,
                       const ProxyBindingRequest& req,
                       Ptr<const BindingCacheEntry> entry) override;

  protected:
    void DoDispose() override;

  private:
    /// The filters of one binding, by wire FID.
    typedef std::map<uint16_t, Filter> BindingFilters;

    /// A multihomed session.
    struct Group
    {
        uint8_t mhgid{0};                        ///< MHGID
        std::map<uint16_t, BindingFilters> bids; ///< per member binding (BID)
        uint16_t lastTableFid{0};                ///< the last table FID assigned
    };

    /**
     * \brief Apply one filter operation of a PBU.
     * \param g the group
     * \param mnId the mobile node
     * \param entry the binding it came through
     * \param op the option
     * \return the per-filter status
     */
    uint8_t ApplyFilter(Group& g,
                        const std::string& mnId,
                        Ptr<const BindingCacheEntry> entry,
                        const MuhoFlowIdentifierOption& op);

    /**
     * \brief Build the flow-binding table entry of a filter.
     * \param g the group
     * \param owner the table owner
     * \param f the filter
     * \return the entry
     */
    FlowBindingEntry MakeEntry(const Group& g, uint64_t owner, const Filter& f) const;

    /**
     * \brief A table FID no entry of the owner uses.
     * \param g the group
     * \param owner the table owner
     * \return the FID
     */
    uint16_t AllocateTableFid(Group& g, uint64_t owner);

    /**
     * \brief Remove a binding from its group: its filters are removed (or re-instantiated on
     * \p target), the n-cast filters lose it, the default BID moves.
     * \param mnId the mobile node
     * \param bid the binding
     * \param target the BID to re-instantiate on, 0 to remove the filters
     */
    void LeaveGroup(const std::string& mnId, uint16_t bid, uint16_t target);

    /**
     * \brief Whether a binding has the HNPs of a group's members.
     * \param mnId the mobile node
     * \param g the group
     * \param entry the binding
     * \return true when it has (or the group has no member to compare with)
     */
    bool SharesGroupPrefix(const std::string& mnId,
                           const Group& g,
                           Ptr<const BindingCacheEntry> entry) const;

    /**
     * \brief Answer every filter operation of a PBU with one status (and echo the Multihoming
     * option).
     * \param pba the PBA
     * \param req the PBU
     * \param mh its Multihoming option, or nullptr
     * \param status the per-filter status
     */
    void RefuseFilters(BindingAckHeader& pba,
                       const ProxyBindingRequest& req,
                       Ptr<MultihomingOption> mh,
                       uint8_t status);

    /**
     * \brief Re-point every n-cast filter of a group at all its member bindings.
     * \param g the group
     * \param owner the table owner
     */
    void UpdateNcast(const Group& g, uint64_t owner);

    /**
     * \brief The lowest BID of a group other than \p bid whose binding is registered.
     * \param mnId the mobile node
     * \param g the group
     * \param bid the excluded BID
     * \return the BID, 0 when none
     */
    uint16_t OtherRegisteredBid(const std::string& mnId, const Group& g, uint16_t bid) const;

    std::unordered_map<std::string, Group> m_groups; ///< per mobile node
    bool m_supported;                                ///< MultihomingSupported
    bool m_reinstantiation;                          ///< FilterReinstantiation
    uint64_t m_reinstantiated{0};                    ///< filters re-instantiated
    TracedCallback<const std::string&, Ipv6Address, uint16_t, uint8_t, uint8_t>
        m_filterTrace; ///< FilterProcessed
    TracedCallback<const std::string&, Ipv6Address, Ipv6Address, uint16_t, uint16_t>
        m_reinstantiatedTrace; ///< FilterReinstantiated
};

} // namespace ns3

#endif /* PMIPV6_LMA_MULTIHOMING_EXTENSION_H */

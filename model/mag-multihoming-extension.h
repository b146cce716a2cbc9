/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MAG_MULTIHOMING_EXTENSION_H
#define PMIPV6_MAG_MULTIHOMING_EXTENSION_H

// Multihoming at the MAG: draft-melia-netext-muho-solution-00 (draft 002), sections 3 and 5.

#include "multihoming-options.h"
#include "pmipv6-mag-extension.h"
#include "traffic-selector.h"

#include "ns3/traced-callback.h"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Multihoming extensions for PMIPv6 at the MAG (draft-melia-netext-muho-solution-00):
 * the per-MN multihoming configuration of this MAG (its policy store for section 5: MHGID,
 * the downlink filters to install through this MAG, the removal action) and its signalling.
 *
 * - For a mobile node configured multihomed (SetMultihomed()), every PBU carries the
 *   Multihoming option (section 5: MUST): the initial registration with a Flow Identifier
 *   option (242, PRO 0 add) per configured filter (Figure 3, Figure 7), a renewal (Handoff
 *   Indicator 5) with the filter operations not yet answered (Figure 4, Figure 5).
 * - AddFilter(), ModifyFilter() and RemoveFilter() of a registered mobile node send a PBU at
 *   once (Pmipv6MagApplication::RefreshNow(), HI 5) with the operation (Figure 5).
 * - When the mobile node detaches, the de-registration (lifetime 0) carries Handoff
 *   Indicator 4 and the Multihoming option with ACT (SetRemovalAction(); keep filters by
 *   default), and the binding (routes, tunnel, neighbor entry) stays up until its PBA arrives
 *   (KeepBindingUntilDeregistered(); section 5: "MAG waits for successful PBA to release the MN
 *   access", Figure 6).
 * - Each PBA's Flow Identifier options are read: the status of each filter operation
 *   (GetFilter(), trace FilterStatus), and the filters the LMA re-instantiated on this MAG
 *   (PRO 2), which become filters of this MAG (section 5: "prepared to handle filters that
 *   has been re-instantiated by LMA").
 *
 * \note The HI of a de-registration is set by rewriting the Handoff Indicator option of the
 * PBU the core built (AddPbuOptions()); the core's de-registration of other mobile nodes is
 * unchanged (HI 5, teardown before the PBU).
 */
class MagMultihomingExtension : public Pmipv6MagExtension
{
  public:
    /// A filter of a mobile node at this MAG.
    struct Filter
    {
        uint16_t fid{0};            ///< FID
        uint8_t priority{0};        ///< FID-PRI
        uint8_t action{0};          ///< Action (mip6::FbidAction)
        TrafficSelector selector;   ///< the filter
        bool answered{false};       ///< the LMA answered its last operation
        uint8_t status{0};          ///< that answer's status
        bool reinstantiated{false}; ///< re-instantiated here by the LMA (PRO 2)
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MagMultihomingExtension();
    ~MagMultihomingExtension() override;

    /**
     * \brief Configure a mobile node as multihomed at this MAG.
     * \param mnId the mobile node
     * \param mhgid its multihoming group (mip6::MUHO_GROUP_DEFAULT)
     */
    void SetMultihomed(const std::string& mnId, uint8_t mhgid = mip6::MUHO_GROUP_DEFAULT);
    /**
     * \brief Whether a mobile node is configured multihomed.
     * \param mnId the mobile node
     * \return true when it is
     */
    bool IsMultihomed(const std::string& mnId) const;
    /**
     * \brief The ACT of the mobile node's de-registrations (default: the RemovalAction
     * attribute).
     * \param mnId the mobile node (configured multihomed)
     * \param act mip6::MUHO_ACT_REMOVE_FILTERS or mip6::MUHO_ACT_KEEP_FILTERS
     */
    void SetRemovalAction(const std::string& mnId, uint8_t act);

    /**
     * \brief Add a downlink filter through this MAG: carried by the initial registration, or
     * sent at once when the mobile node is registered.
     * \param mnId the mobile node (configured multihomed)
     * \param fid its FID (unique among this MAG's filters of the mobile node)
     * \param priority FID-PRI
     * \param action mip6::FbidAction
     * \param selector the filter
     * \return false when the MN is not multihomed here or the FID is in use
     */
    bool AddFilter(const std::string& mnId,
                   uint16_t fid,
                   uint8_t priority,
                   uint8_t action,
                   const TrafficSelector& selector);
    /**
     * \brief Modify a filter (PRO 1); sent at once when the mobile node is registered.
     * \param mnId the mobile node
     * \param fid its FID
     * \param priority FID-PRI
     * \param action mip6::FbidAction
     * \param selector the filter
     * \return false when there is no such filter
     */
    bool ModifyFilter(const std::string& mnId,
                      uint16_t fid,
                      uint8_t priority,
                      uint8_t action,
                      const TrafficSelector& selector);
    /**
     * \brief Remove a filter (PRO 15); sent at once when the mobile node is registered.
     * \param mnId the mobile node
     * \param fid its FID
     * \return false when there is no such filter
     */
    bool RemoveFilter(const std::string& mnId, uint16_t fid);
    /**
     * \brief Renew the mobile node's registration now (Figure 4; normally the MAG's refresh
     * timer does).
     * \param mnId the mobile node
     * \return false when it is not registered here
     */
    bool Renew(const std::string& mnId);

    /**
     * \brief The filters of a mobile node at this MAG, by FID.
     * \param mnId the mobile node
     * \return the filters
     */
    std::vector<Filter> GetFilters(const std::string& mnId) const;

    /**
     * \brief The last PBA status of a mobile node's registration at this MAG.
     * \param mnId the mobile node
     * \return the status, 0 before any PBA
     */
    uint8_t GetLastPbaStatus(const std::string& mnId) const;

    /**
     * \brief TracedCallback signature of FilterStatus.
     * \param mnId the mobile node
     * \param fid the FID
     * \param pro the PRO of the answer (2: re-instantiated by the LMA)
     * \param status the status
     */
    typedef void (*FilterStatusTracedCallback)(const std::string& mnId,
                                               uint16_t fid,
                                               uint8_t pro,
                                               uint8_t status);

    void AddPbuOptions(BindingUpdateHeader& pbu, Ptr<const BindingUpdateListEntry> entry) override;
    void NotifyPba(const BindingAckHeader& pba, Ptr<BindingUpdateListEntry> entry) override;
    bool KeepBindingUntilDeregistered(Ptr<const BindingUpdateListEntry> entry) override;
    void NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry) override;

  protected:
    void DoDispose() override;

  private:
    /// A filter operation waiting for the LMA's answer.
    struct Operation
    {
        uint8_t pro{0};  ///< mip6::MuhoFidPro
        uint16_t fid{0}; ///< the filter
    };

    /// The configuration of one mobile node.
    struct MnConfig
    {
        uint8_t mhgid{0};                   ///< MHGID
        uint8_t act{0};                     ///< ACT of de-registrations (0: attribute)
        std::map<uint16_t, Filter> filters; ///< by FID
        std::vector<Operation> pending;     ///< operations to send / not yet answered
        uint32_t inFlight{0};               ///< pending operations in the last PBU
        uint8_t lastStatus{0};              ///< last PBA status
    };

    /**
     * \brief Send the pending operations of a registered mobile node now.
     * \param mnId the mobile node
     * \return true when a PBU was sent
     */
    bool Flush(const std::string& mnId);

    /**
     * \brief The registered entry of a mobile node at this MAG.
     * \param mnId the mobile node
     * \return the entry, or nullptr
     */
    Ptr<BindingUpdateListEntry> FindRegistered(const std::string& mnId) const;

    std::unordered_map<std::string, MnConfig> m_config; ///< per mobile node
    uint8_t m_removalAct;                               ///< RemovalAction
    TracedCallback<const std::string&, uint16_t, uint8_t, uint8_t> m_statusTrace; ///< status
};

} // namespace ns3

#endif /* PMIPV6_MAG_MULTIHOMING_EXTENSION_H */

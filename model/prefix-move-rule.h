/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_PREFIX_MOVE_RULE_H
#define PMIPV6_PREFIX_MOVE_RULE_H

#include "binding-cache.h"
#include "prefix-pool.h"
#include "proxy-binding-request.h"
#include "traffic-selector.h"

#include "ns3/object.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The decision of a PBU-triggered move (pmipv6 flow mobility draft section 3.2, Figure
 * 4): when a mobile node that has a session attaches a new interface, which of its prefixes
 * move to the new interface's binding, and which flows are bound to it.
 *
 * The rule applies to a PBU with Handoff Indicator 1 (attachment over a new interface, the
 * per-interface-prefix case) and all-zero HNP, whose Access Technology Type is the
 * "AccessTechnologyType" attribute (0: any). It then moves every prefix of AddPrefix() that
 * another session of the mobile node holds, and binds the flows of AddFlow() to the new
 * binding. LmaFlowMobilityExtension asks it through its "PrefixMoveRule" attribute. A subclass
 * may override SelectPrefixes() / SelectFlows() for any other decision (e.g. a general move
 * policy that also decides the LMA-initiated moves).
 */
class PrefixMoveRule : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PrefixMoveRule();
    ~PrefixMoveRule() override;

    /**
     * \brief A prefix to move to the new interface's binding when the rule applies.
     * \param prefix the prefix
     */
    void AddPrefix(const HomeNetworkPrefix& prefix);

    /**
     * \brief A flow to bind to the new interface's binding when the rule applies.
     * \param selector the flow (RFC 6088 selector)
     */
    void AddFlow(const TrafficSelector& selector);

    /**
     * \brief Whether the rule applies to a PBU.
     * \param req the request
     * \return true when it is an attachment of a new interface with the configured ATT
     */
    virtual bool Applies(const ProxyBindingRequest& req) const;

    /**
     * \brief The prefixes that move to the new session.
     * \param req the request (new interface)
     * \param sessions the mobile node's existing sessions
     * \return the prefixes (those of AddPrefix() held by one of \p sessions), empty when the
     *         rule does not apply
     */
    virtual std::vector<HomeNetworkPrefix> SelectPrefixes(
        const ProxyBindingRequest& req,
        const std::vector<Ptr<BindingCacheEntry>>& sessions) const;

    /**
     * \brief The flows bound to the new session.
     * \param req the request (new interface)
     * \return the selectors of AddFlow(), empty when the rule does not apply
     */
    virtual std::vector<TrafficSelector> SelectFlows(const ProxyBindingRequest& req) const;

  private:
    uint8_t m_accessTechnologyType;            ///< ATT of the attachments (0: any)
    std::vector<HomeNetworkPrefix> m_prefixes; ///< prefixes to move
    std::vector<TrafficSelector> m_flows;      ///< flows to bind
};

} // namespace ns3

#endif /* PMIPV6_PREFIX_MOVE_RULE_H */

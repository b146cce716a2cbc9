/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_FLOW_MOVE_POLICY_H
#define PMIPV6_FLOW_MOVE_POLICY_H

// The policy layer of flow mobility (design.md): what decides that the LMA moves a flow.

#include "binding-cache.h"
#include "pmipv6-lma-extension.h"
#include "traffic-selector.h"

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

#include <string>
#include <vector>

namespace ns3
{

class LmaFlowMobilityExtension;

/**
 * \ingroup pmipv6
 * \brief What triggers a flow move at the LMA: the base of the move policies of
 * LmaFlowMobilityExtension (added with LmaFlowMobilityExtension::AddPolicy()).
 *
 * A policy sees every binding cache event of the LMA (NotifyBinding()) and moves flows with
 * Move() (LmaFlowMobilityExtension::MoveFlow(): signalled or not as the extension's PrefixMode
 * says). Three are provided: ApiFlowMovePolicy (a call), ScheduledFlowMovePolicy (a time
 * script), AttachFlowMovePolicy (on a new attachment). Users plug their own by subclassing
 * and implementing NotifyBinding() (and DoStart() for anything to do once added).
 */
class FlowMovePolicy : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    FlowMovePolicy();
    ~FlowMovePolicy() override;

    /**
     * \brief A binding cache entry of the LMA changed (after the extension's own handling).
     * \param event what happened
     * \param entry the entry
     */
    virtual void NotifyBinding(Pmipv6LmaExtension::BindingEvent event,
                               Ptr<BindingCacheEntry> entry) = 0;

    /**
     * \brief The extension this policy is added to.
     * \return the extension, or nullptr before AddPolicy()
     */
    Ptr<LmaFlowMobilityExtension> GetExtension() const;

    /**
     * \brief Move flows to a binding of their mobile node.
     * \param mnId the mobile node
     * \param selector the flows
     * \param targetBid the binding's BID
     * \return the FID, 0 when the move could not start
     */
    uint16_t Move(const std::string& mnId, const TrafficSelector& selector, uint16_t targetBid);

    /**
     * \brief Move flows to the binding of their mobile node at a MAG.
     * \param mnId the mobile node
     * \param selector the flows
     * \param proxyCoa the MAG's Proxy-CoA
     * \return the FID, 0 when the MN has no binding there or the move could not start
     */
    uint16_t MoveToMag(const std::string& mnId,
                       const TrafficSelector& selector,
                       Ipv6Address proxyCoa);

    /**
     * \brief Number of moves this policy started.
     * \return the count
     */
    uint64_t GetMoveCount() const;

  protected:
    void DoDispose() override;

    /**
     * \brief Called once the policy is added to an extension. The default does nothing.
     */
    virtual void DoStart();

  private:
    friend class LmaFlowMobilityExtension;

    /**
     * \brief Set by LmaFlowMobilityExtension::AddPolicy().
     * \param extension the extension
     */
    void SetExtension(Ptr<LmaFlowMobilityExtension> extension);

    Ptr<LmaFlowMobilityExtension> m_extension; ///< the extension (cleared on dispose)
    uint64_t m_moves{0};                       ///< moves started
};

/**
 * \ingroup pmipv6
 * \brief Moves on request: the program (or another agent) calls Move() / MoveToMag().
 */
class ApiFlowMovePolicy : public FlowMovePolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    void NotifyBinding(Pmipv6LmaExtension::BindingEvent event,
                       Ptr<BindingCacheEntry> entry) override;
};

/**
 * \ingroup pmipv6
 * \brief Moves at set simulation times (a script): each step moves flows of a mobile node to
 * its binding at a MAG. A step whose MAG holds no binding of the mobile node then is skipped
 * (counted).
 */
class ScheduledFlowMovePolicy : public FlowMovePolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief Add a step.
     * \param at the absolute simulation time
     * \param mnId the mobile node
     * \param selector the flows
     * \param proxyCoa the target MAG's Proxy-CoA
     */
    void AddStep(Time at,
                 const std::string& mnId,
                 const TrafficSelector& selector,
                 Ipv6Address proxyCoa);

    /**
     * \brief Number of steps skipped (no binding at the MAG).
     * \return the count
     */
    uint64_t GetSkippedCount() const;

    void NotifyBinding(Pmipv6LmaExtension::BindingEvent event,
                       Ptr<BindingCacheEntry> entry) override;

  protected:
    void DoStart() override;

  private:
    /// One step of the script.
    struct Step
    {
        Time at;                  ///< when
        std::string mnId;         ///< the mobile node
        TrafficSelector selector; ///< the flows
        Ipv6Address proxyCoa;     ///< the target MAG
    };

    /**
     * \brief Schedule a step.
     * \param step the step
     */
    void Schedule(const Step& step);

    /**
     * \brief Run a step.
     * \param step the step
     */
    void Run(Step step);

    std::vector<Step> m_steps; ///< steps added before the policy was added
    uint64_t m_skipped{0};     ///< steps skipped
};

/**
 * \ingroup pmipv6
 * \brief Moves on a new attachment: when a mobile node gets a binding and already has another
 * (a new interface), the flows of the rules go to the new binding (after Delay, so that the
 * new MAG has its PBA first).
 */
class AttachFlowMovePolicy : public FlowMovePolicy
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    AttachFlowMovePolicy();

    /**
     * \brief Add a rule.
     * \param selector the flows that go to a new attachment
     * \param mnId the mobile node it applies to, "" for all
     */
    void AddRule(const TrafficSelector& selector, const std::string& mnId = "");

    void NotifyBinding(Pmipv6LmaExtension::BindingEvent event,
                       Ptr<BindingCacheEntry> entry) override;

  private:
    /**
     * \brief Apply the rules to a new binding.
     * \param mnId the mobile node
     * \param bid its new binding
     */
    void Apply(std::string mnId, uint16_t bid);

    /// One rule.
    struct Rule
    {
        TrafficSelector selector; ///< the flows
        std::string mnId;         ///< the MN, "" for all
    };

    std::vector<Rule> m_rules; ///< the rules
    Time m_delay;              ///< Delay
};

} // namespace ns3

#endif /* PMIPV6_FLOW_MOVE_POLICY_H */

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_FLOW_BINDING_EXTENSION_H
#define PMIPV6_LMA_FLOW_BINDING_EXTENSION_H

// LMA-initiated flow binding at the LMA: draft-sarikaya-netext-lma-init-flow-binding-00
// ("draft 000"), sections 3, 4 and 7: PFBI / PFBA with Flow Attribute options. The MAG side:
// MagFlowBindingExtension.

#include "flow-attribute-option.h"
#include "pmipv6-lma-extension.h"
#include "signalling-transaction.h"
#include "traffic-selector.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief LMA-initiated flow binding at the LMA (draft-sarikaya-netext-lma-init-flow-binding-00).
 *
 * The LMA keeps a flow bindings list per mobile node (section 4): FID, FID-PRI, flow
 * description (an RFC 6088 selector), Action (always forward), care-of address (the Proxy-CoA
 * of the MAG the flow goes through), Active flag and lifetime. Each operation of section 3 is
 * a public method that sends a Proxy Flow Binding Indication (PFBI) with one Flow Attribute
 * option (PRO = the operation) through the LMA's signalling transaction (retransmission with
 * backoff, give-up trace); the list (and the LMA's FlowBindingTable, i.e. the downlink data
 * path) changes only when the answering Proxy Flow Binding Acknowledgement (PFBA) has status 0,
 * as section 4 says, paragraph by paragraph:
 * - AddFlow(): PFBI [add, Target CoA] to the target MAG; PFBA 0: a new list entry.
 * - DeleteFlow(): PFBI [delete] to the flow's MAG; PFBA 0: the entry is deleted.
 * - ModifyFlow(): PFBI [modify, new description, Target CoA] to the target MAG (and to the
 *   flow's MAG when it is another one); PFBA 0 of the target: the entry is deleted and a new
 *   one added under the same FID.
 * - RefreshFlow(): PFBI [refresh, everything sent again] to the flow's MAG; PFBA 0: Active.
 * - MoveFlow(): PFBI [move, Target CoA] to the source and to the destination MAG (both found
 *   in the binding cache); PFBA 0 of the destination: the care-of address changes.
 * - SwitchFlow(): PFBI [switch, Alternate LMA] to the flow's MAG; PFBA 0: the entry is
 *   deleted (the MAG registers the flow with the alternate LMA).
 *
 * Module readings (doc/pmipv6.rst, "LMA-initiated flow binding"): the Target Care-of Address
 * is the Proxy-CoA of the binding the flow goes to (7.2.3 "indicate the Proxy-CoA"); every
 * PFBI also carries the mobile node's MN-ID option and its HNP options (the draft names no
 * option that tells the MAG which mobile node a flow belongs to); with the A flag clear
 * (attribute AckRequested false) no PFBA comes and the list changes when the PFBI is sent; a
 * list entry whose lifetime (4 s units, 0 = no expiry) runs out without a refresh goes
 * Inactive (its data-path entry stops matching) until a refresh is acknowledged.
 *
 * With the attribute Encoding set to Fbi, the same operations go as RFC 7109 Flow Binding
 * Indications / Acknowledgements (MH type 21): each Flow Attribute option becomes a Flow
 * Identification option with a Flow Binding Action sub-option (FlowAttributeToFlowId()); the
 * list changes on an FBA with status 0 whose copy of the option has a status below 128. The
 * extension receives both encodings whatever the attribute says.
 *
 * A flow binding that the mobile node's MAG created with a Flow Identification option in a
 * PBU (section 3's prerequisite; LmaFlowIdentificationExtension) is taken into the list the
 * first time an operation names its FID. With no LmaFlowIdentificationExtension registered,
 * this extension itself accepts RFC 6089 Flow Identification options (type 45, forward to the
 * PBU's binding) in PBUs: that is how a MAG registers a switched flow with this LMA.
 */
class LmaFlowBindingExtension : public Pmipv6LmaExtension
{
  public:
    /// One entry of a flow bindings list (section 4).
    struct FlowBinding
    {
        std::string mnId;          ///< the mobile node
        uint16_t fid{0};           ///< FID
        uint8_t priority{0};       ///< FID-PRI (PRI of the Flow Attribute option)
        TrafficSelector selector;  ///< flow description
        bool hasSelector{false};   ///< a flow description was given (else: every packet)
        Ipv6Address careOfAddress; ///< the Proxy-CoA of the MAG the flow goes through
        bool active{true};         ///< Active/Inactive flag
        uint16_t lifetime{0};      ///< lifetime, 4 s units (0: no expiry)
        EventId expiry;            ///< lifetime timer
    };

    /// Which message pair carries the operations (attribute Encoding).
    enum Encoding : uint8_t
    {
        ENCODING_PFBI = 0, ///< draft-000 PFBI / PFBA with Flow Attribute options
        ENCODING_FBI,      ///< RFC 7109 FBI / FBA (MH type 21) with Flow Identification options
    };

    /// What changed in a list (trace source ListChanged).
    enum ListChange : uint8_t
    {
        LIST_ADDED = 0, ///< section 4 add
        LIST_DELETED,   ///< section 4 delete
        LIST_REPLACED,  ///< section 4 modify (delete + add under the same FID)
        LIST_ACTIVATED, ///< section 4 refresh
        LIST_MOVED,     ///< section 4 move (care-of address changed)
        LIST_SWITCHED,  ///< section 4 switch (deleted: anchored at another LMA)
        LIST_EXPIRED,   ///< lifetime ran out: Inactive
        LIST_IMPORTED,  ///< taken from the flow-binding table (created by a PBU)
    };

    /**
     * \brief The name of a list change.
     * \param c the change
     * \return e.g. "ADDED"
     */
    static std::string ListChangeName(ListChange c);

    /**
     * \brief The name of a PRO value.
     * \param pro the value
     * \return e.g. "add"
     */
    static std::string ProName(uint8_t pro);

    /**
     * \brief TracedCallback signature of ListChanged.
     * \param binding the entry after the change (before its removal for deletions)
     * \param change what changed
     */
    typedef void (*ListChangedTracedCallback)(const FlowBinding& binding, ListChange change);

    /**
     * \brief TracedCallback signature of PfbaReceived.
     * \param mnId the mobile node
     * \param fid the flow
     * \param pro the operation
     * \param mag the MAG that answered
     * \param status the PFBA Status
     */
    typedef void (*PfbaTracedCallback)(const std::string& mnId,
                                       uint16_t fid,
                                       uint8_t pro,
                                       Ipv6Address mag,
                                       uint8_t status);

    /**
     * \brief TracedCallback signature of GaveUp.
     * \param mnId the mobile node
     * \param fid the flow
     * \param pro the operation
     * \param mag the MAG that did not answer
     */
    typedef void (*GaveUpTracedCallback)(const std::string& mnId,
                                         uint16_t fid,
                                         uint8_t pro,
                                         Ipv6Address mag);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LmaFlowBindingExtension();
    ~LmaFlowBindingExtension() override;

    /**
     * \brief Section 3.1: bind a new flow of a mobile node to the MAG \p targetProxyCoa.
     * \param mnId the mobile node
     * \param fid the FID (unique per mobile node)
     * \param priority the PRI (lower = higher priority)
     * \param selector the flow description
     * \param targetProxyCoa the Proxy-CoA of one of the mobile node's bindings
     * \param lifetime lifetime, 4 s units (0: no expiry)
     * \return true when the PFBI was sent (false: no such binding, FID in the list, or an
     * operation on the FID under way)
     */
    bool AddFlow(const std::string& mnId,
                 uint16_t fid,
                 uint8_t priority,
                 const TrafficSelector& selector,
                 Ipv6Address targetProxyCoa,
                 uint16_t lifetime);

    /**
     * \brief Section 3.2: delete a flow binding.
     * \param mnId the mobile node
     * \param fid the FID
     * \return true when the PFBI was sent
     */
    bool DeleteFlow(const std::string& mnId, uint16_t fid);

    /**
     * \brief Section 3.3: replace a flow binding's description, priority and (optionally)
     * care-of address, keeping its FID.
     * \param mnId the mobile node
     * \param fid the FID
     * \param priority the new PRI
     * \param selector the new flow description
     * \param targetProxyCoa the new care-of address (:: = unchanged)
     * \param lifetime lifetime of the modified binding, 4 s units
     * \return true when the PFBI was sent
     */
    bool ModifyFlow(const std::string& mnId,
                    uint16_t fid,
                    uint8_t priority,
                    const TrafficSelector& selector,
                    Ipv6Address targetProxyCoa,
                    uint16_t lifetime);

    /**
     * \brief Section 3.4: refresh a flow binding (everything is sent again).
     * \param mnId the mobile node
     * \param fid the FID
     * \param lifetime the refreshed lifetime, 4 s units
     * \return true when the PFBI was sent
     */
    bool RefreshFlow(const std::string& mnId, uint16_t fid, uint16_t lifetime);

    /**
     * \brief Section 3.5: move a flow binding to another binding of the mobile node; PFBIs to
     * the source and to the destination MAG.
     * \param mnId the mobile node
     * \param fid the FID
     * \param targetProxyCoa the Proxy-CoA of the destination binding
     * \param lifetime the lifetime of the moved binding, 4 s units
     * \return true when the PFBIs were sent
     */
    bool MoveFlow(const std::string& mnId,
                  uint16_t fid,
                  Ipv6Address targetProxyCoa,
                  uint16_t lifetime);

    /**
     * \brief Section 3.6: tell the flow's MAG to bind the flow to an alternate LMA.
     * \param mnId the mobile node
     * \param fid the FID
     * \param alternateLmas the alternate LMA addresses (at least one)
     * \return true when the PFBI was sent
     */
    bool SwitchFlow(const std::string& mnId,
                    uint16_t fid,
                    const std::vector<Ipv6Address>& alternateLmas);

    /**
     * \brief An entry of a mobile node's flow bindings list.
     * \param mnId the mobile node
     * \param fid the FID
     * \return the entry, or nullptr
     */
    const FlowBinding* GetFlowBinding(const std::string& mnId, uint16_t fid) const;

    /**
     * \brief A mobile node's flow bindings list, ordered by FID-PRI then FID (section 4).
     * \param mnId the mobile node
     * \return copies of the entries
     */
    std::vector<FlowBinding> GetFlowBindings(const std::string& mnId) const;

    /**
     * \brief Print a mobile node's flow bindings list, one line per entry.
     * \param os the stream
     * \param mnId the mobile node
     */
    void PrintFlowBindings(std::ostream& os, const std::string& mnId) const;

    /**
     * \brief Number of operations whose PFBAs are awaited.
     * \return the number
     */
    uint32_t GetPendingCount() const;

    /**
     * \brief Number of PFBAs received with a status.
     * \param status the status
     * \return the number
     */
    uint64_t GetPfbaCount(uint8_t status) const;

    std::vector<uint8_t> GetMhTypes() const override;
    void Receive(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface) override;
    void AddPbaOptions(BindingAckHeader& pba,
                       const ProxyBindingRequest& req,
                       Ptr<const BindingCacheEntry> entry) override;
    void NotifyBinding(BindingEvent event,
                       Ptr<BindingCacheEntry> entry,
                       Ipv6Address previousProxyCoa) override;

  protected:
    void DoDispose() override;

  private:
    /// One signalled operation (one or two PFBIs).
    struct Operation
    {
        std::string mnId;                ///< the mobile node
        uint8_t pro{0};                  ///< the PRO
        FlowBinding next;                ///< the entry as the operation leaves it
        Ptr<FlowAttributeOption> option; ///< what the PFBIs carry
        Ipv6Address decisive;            ///< the MAG whose PFBA updates the list
        uint32_t open{0};                ///< PFBIs unanswered
    };

    /**
     * \brief Build and send the PFBI(s) of an operation.
     * \param op the operation
     * \param mags where to send it (the decisive MAG included)
     * \return true when sent
     */
    bool Start(Operation op, const std::vector<Ipv6Address>& mags);

    /**
     * \brief Send one indication of an operation (PFBI or FBI, by the attribute Encoding).
     * \param opId the operation
     * \param mag the MAG
     * \return true when sent (and, with the A flag, its transaction started)
     */
    bool SendIndication(uint64_t opId, Ipv6Address mag);

    /**
     * \brief A PFBA answered one PFBI of an operation.
     * \param opId the operation
     * \param mag the MAG
     * \param id the transaction
     * \param reply the PFBA
     * \param ip its IPv6 header
     */
    void Replied(uint64_t opId,
                 Ipv6Address mag,
                 SignallingTransactionManager::TransactionId id,
                 const MobilityHeader& reply,
                 const Ipv6Header& ip);

    /**
     * \brief No PFBA came for one PFBI of an operation.
     * \param opId the operation
     * \param mag the MAG
     * \param id the transaction
     */
    void GaveUp(uint64_t opId, Ipv6Address mag, SignallingTransactionManager::TransactionId id);

    /**
     * \brief Apply section 4 for an operation acknowledged with status 0.
     * \param op the operation
     */
    void Apply(const Operation& op);

    /**
     * \brief Forget an operation when none of its PFBIs is open.
     * \param opId the operation
     */
    void Finish(uint64_t opId);

    /**
     * \brief The list entry of a flow, taken from the flow-binding table when the list does not
     * have it yet (a flow binding a PBU created).
     * \param mnId the mobile node
     * \param fid the FID
     * \return the entry, or nullptr
     */
    FlowBinding* Lookup(const std::string& mnId, uint16_t fid);

    /**
     * \brief Put a list entry into the data path (FlowBindingTable), or update it there.
     * \param b the entry
     * \return true when the table holds it
     */
    bool Install(const FlowBinding& b);

    /**
     * \brief (Re)start the lifetime timer of an entry.
     * \param b the entry
     */
    void Arm(FlowBinding& b);

    /**
     * \brief The lifetime of an entry ran out.
     * \param mnId the mobile node
     * \param fid the FID
     */
    void Expire(std::string mnId, uint16_t fid);

    /**
     * \brief The mobile node's binding through a MAG.
     * \param mnId the mobile node
     * \param proxyCoa the MAG
     * \return the binding cache entry, or nullptr
     */
    Ptr<BindingCacheEntry> BindingAt(const std::string& mnId, Ipv6Address proxyCoa) const;

    /**
     * \brief Whether an operation on a flow is under way.
     * \param mnId the mobile node
     * \param fid the FID
     * \return true when one is
     */
    bool Busy(const std::string& mnId, uint16_t fid) const;

    /**
     * \brief Fire ListChanged.
     * \param b the entry
     * \param c the change
     */
    void NotifyList(const FlowBinding& b, ListChange c);

    typedef std::pair<std::string, uint16_t> Key; ///< (MN-ID, FID)

    std::map<Key, FlowBinding> m_list;   ///< the flow bindings lists
    std::map<uint64_t, Operation> m_ops; ///< operations under way
    std::map<Key, uint64_t> m_busy;      ///< operation under way per flow
    uint64_t m_nextOp{1};                ///< next operation id
    bool m_ack{true};                    ///< AckRequested (A flag)
    uint8_t m_trigger;                   ///< Trigger
    Encoding m_encoding{ENCODING_PFBI};  ///< Encoding
    bool m_acceptPbuFlows{true};         ///< AcceptPbuFlows
    std::map<uint8_t, uint64_t> m_pfbas; ///< PFBAs per status

    TracedCallback<const FlowBinding&, ListChange> m_listTrace; ///< ListChanged
    TracedCallback<const std::string&, uint16_t, uint8_t, Ipv6Address, uint8_t>
        m_pfbaTrace; ///< PfbaReceived
    TracedCallback<const std::string&, uint16_t, uint8_t, Ipv6Address> m_gaveUpTrace; ///< GaveUp
};

} // namespace ns3

#endif /* PMIPV6_LMA_FLOW_BINDING_EXTENSION_H */

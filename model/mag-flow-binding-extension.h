/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MAG_FLOW_BINDING_EXTENSION_H
#define PMIPV6_MAG_FLOW_BINDING_EXTENSION_H

// LMA-initiated flow binding at the MAG: draft-sarikaya-netext-lma-init-flow-binding-00
// ("draft 000") sections 3.7 and 5: the answering side of PFBI / PFBA. The LMA side:
// LmaFlowBindingExtension.

#include "flow-attribute-option.h"
#include "flow-binding-header.h"
#include "pmipv6-mag-extension.h"
#include "prefix-pool.h"
#include "proxy-flow-binding-header.h"
#include "traffic-selector.h"

#include "ns3/event-id.h"
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
 * \brief LMA-initiated flow binding at the MAG (draft-sarikaya-netext-lma-init-flow-binding-00
 * sections 3.7, 5).
 *
 * The MAG keeps its own flow bindings list (section 5) per mobile node and FID. On a Proxy
 * Flow Binding Indication (PFBI) it processes each Flow Attribute option (PRO in its low four
 * bits; a PRO written in the high four bits is read too):
 * - add: a new entry (the Target Care-of Address must be this MAG's Proxy-CoA);
 * - delete: the entry is removed;
 * - modify: the entry is replaced under the same FID (the MAG the Target Care-of Address names
 *   takes it even when it did not have it; a Target Care-of Address of another MAG
 *   makes this MAG the flow's old MAG: the entry is removed);
 * - refresh: the entry's lifetime restarts (and its attributes are updated);
 * - move: the MAG looks the Target Care-of Address up: its own Proxy-CoA makes it the
 *   destination (the entry is replaced by one with the option's parameters), another address
 *   the source (the entry is removed);
 * - switch: the mobile node's binding at this MAG is registered with the first address of the
 *   Alternate LMA sub-option (de-registration at the old LMA, a new registration with the
 *   alternate LMA through the SelectLma() hook), its PBU carrying an RFC 6089 Flow
 *   Identification option (45) with the flow's description, i.e. the flow is bound to the
 *   new LMA.
 * Unless the A flag is clear, a Proxy Flow Binding Acknowledgement (PFBA) answers with a copy
 * of every Flow Attribute option, each with its Status (0, or 128 when it failed), and the
 * message Status 0 (all succeeded), 1 (partial success) or 128 (Binding Does NOT Exist: none
 * did; the draft defines no other failure code). A PFBI with the sequence number of the last
 * one from that LMA is a retransmission: the last PFBA is sent again.
 *
 * The mobile node is the one named by the PFBI's MN-ID option, which the module's LMA adds;
 * without it, the mobile node whose list has the option's FID (when only one has it).
 *
 * Data path: a flow this MAG takes (add, modify, move destination) makes the MAG route each
 * home network prefix of the PFBI's HNP options that it does not route yet to the mobile
 * node's access link (downlink) and from it into the tunnel (uplink), so that the flow the
 * LMA now tunnels here reaches the mobile node's interface on this link (its logical interface
 * sends the flow's uplink back the same way). Such routes go when the last flow needing them
 * goes. An entry whose lifetime (4 s units; 0 = no expiry) runs out is removed.
 *
 * RFC 7109 encoding: an FBI (MH type 21, FB Type 1) is processed the same way, each Flow
 * Identification option read as the Flow Attribute option it encodes (FlowIdToFlowAttribute());
 * the FBA copies every Flow Identification option with its RFC 6089 Status (0, 132 FID not
 * found when the list has no such flow, 129 otherwise) and has Status 0 when at least one
 * flow succeeded (an FBA has no "partial success"; the per-flow Status tells), 128 (Binding
 * Does NOT Exist) when none did. The attribute Encoding says which indications are answered
 * (default both); one of the other kind is dropped with a warning, unanswered.
 */
class MagFlowBindingExtension : public Pmipv6MagExtension
{
  public:
    /// One entry of the MAG's flow bindings list.
    struct FlowBinding
    {
        std::string mnId;                      ///< the mobile node
        uint16_t fid{0};                       ///< FID
        uint8_t priority{0};                   ///< PRI
        TrafficSelector selector;              ///< flow description
        bool hasSelector{false};               ///< a description was given
        Ipv6Address lma;                       ///< the LMA it is bound with
        uint16_t lifetime{0};                  ///< 4 s units (0: no expiry)
        std::vector<HomeNetworkPrefix> routed; ///< prefixes routed here for it
        EventId expiry;                        ///< lifetime timer
    };

    /// Which indications the MAG answers (attribute Encoding).
    enum Encoding : uint8_t
    {
        ENCODING_PFBI = 0, ///< draft-000 PFBI only
        ENCODING_FBI,      ///< RFC 7109 FBI only
        ENCODING_BOTH,     ///< both (each answered in its own encoding)
    };

    /// What changed in the list (trace source ListChanged).
    enum ListChange : uint8_t
    {
        LIST_ADDED = 0, ///< add, modify, move destination
        LIST_DELETED,   ///< delete, modify or move source
        LIST_REFRESHED, ///< refresh
        LIST_SWITCHED,  ///< switch: now bound with the alternate LMA
        LIST_EXPIRED,   ///< lifetime ran out
    };

    /**
     * \brief TracedCallback signature of ListChanged.
     * \param binding the entry
     * \param change what changed
     */
    typedef void (*ListChangedTracedCallback)(const FlowBinding& binding, ListChange change);

    /**
     * \brief TracedCallback signature of PfbaSent.
     * \param sequence the PFBA's sequence number
     * \param status its Status
     */
    typedef void (*PfbaSentTracedCallback)(uint16_t sequence, uint8_t status);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MagFlowBindingExtension();
    ~MagFlowBindingExtension() override;

    /**
     * \brief An entry of the list.
     * \param mnId the mobile node
     * \param fid the FID
     * \return the entry, or nullptr
     */
    const FlowBinding* GetFlowBinding(const std::string& mnId, uint16_t fid) const;

    /**
     * \brief A mobile node's entries, by FID.
     * \param mnId the mobile node
     * \return copies of the entries
     */
    std::vector<FlowBinding> GetFlowBindings(const std::string& mnId) const;

    /**
     * \brief Print a mobile node's list, one line per entry.
     * \param os the stream
     * \param mnId the mobile node
     */
    void PrintFlowBindings(std::ostream& os, const std::string& mnId) const;

    /**
     * \brief Number of PFBAs sent with a status.
     * \param status the status
     * \return the number
     */
    uint64_t GetPfbaCount(uint8_t status) const;

    std::vector<uint8_t> GetMhTypes() const override;
    void Receive(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface) override;
    void AddPbuOptions(BindingUpdateHeader& pbu, Ptr<const BindingUpdateListEntry> entry) override;
    Ipv6Address SelectLma(const std::string& mnId, Ptr<NetDevice> device) override;
    void NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry) override;

  protected:
    void DoDispose() override;

  private:
    typedef std::pair<std::string, uint16_t> Key; ///< (MN-ID, FID)

    /**
     * \brief Process an RFC 7109 FBI.
     * \param p the message
     * \param ip its IPv6 header
     */
    void ReceiveFbi(Ptr<Packet> p, const Ipv6Header& ip);

    /**
     * \brief Whether an indication from an LMA repeats the last one (its answer is lost):
     * if so, send the last answer again.
     * \param lma the LMA
     * \param seq the indication's sequence number
     * \param ack whether it asks for an answer
     * \return true when it was a retransmission (handled)
     */
    bool AnswerAgain(Ipv6Address lma, uint16_t seq, bool ack);

    /**
     * \brief The mobile node and the prefixes an indication names (MN-ID and HNP options).
     * \param options the indication's options
     * \param prefixes [out] the HNP options' prefixes
     * \return the MN-ID ("" when absent)
     */
    static std::string ReadTarget(const MobilityOptionList& options,
                                  std::vector<HomeNetworkPrefix>& prefixes);

    /**
     * \brief Process one Flow Attribute option.
     * \param mnId the mobile node ("" when the PFBI named none)
     * \param option the option
     * \param prefixes the PFBI's HNP options
     * \param lma the LMA that sent it
     * \return true on success
     */
    bool Process(std::string mnId,
                 Ptr<FlowAttributeOption> option,
                 const std::vector<HomeNetworkPrefix>& prefixes,
                 Ipv6Address lma);

    /**
     * \brief The mobile node's registered binding update list entry at this MAG.
     * \param mnId the mobile node
     * \return the entry, or nullptr
     */
    Ptr<BindingUpdateListEntry> Registered(const std::string& mnId) const;

    /**
     * \brief Put an entry into the list and route its prefixes.
     * \param b the entry
     * \param entry the mobile node's binding update list entry
     * \param prefixes the prefixes to route here
     */
    void Take(FlowBinding b,
              Ptr<BindingUpdateListEntry> entry,
              const std::vector<HomeNetworkPrefix>& prefixes);

    /**
     * \brief Remove an entry (and the routes only it needed).
     * \param key the entry
     * \param change the reason, for the trace
     */
    void Drop(const Key& key, ListChange change);

    /**
     * \brief Remove the routes an entry added.
     * \param b the entry
     */
    void Unroute(FlowBinding& b);

    /**
     * \brief (Re)start an entry's lifetime timer.
     * \param b the entry
     */
    void Arm(FlowBinding& b);

    /**
     * \brief Register a mobile node's binding with an alternate LMA (switch).
     * \param mnId the mobile node
     */
    void Rehome(std::string mnId);

    std::map<Key, FlowBinding> m_list;                 ///< the flow bindings list
    std::map<HomeNetworkPrefix, uint32_t> m_routeRefs; ///< routes added, per prefix
    std::map<std::string, Ipv6Address> m_switchTo;     ///< per MN: the alternate LMA

    /// The last answer to an LMA (a retransmitted indication gets it again).
    struct LastAnswer
    {
        uint16_t sequence{0};           ///< the indication's sequence number
        bool fbi{false};                ///< RFC 7109 encoding (else PFBA)
        ProxyFlowBindingAckHeader pfba; ///< the PFBA
        FlowBindingAckHeader fba;       ///< the FBA
    };

    std::map<Ipv6Address, LastAnswer> m_last;                   ///< last answer per LMA
    Encoding m_encoding{ENCODING_BOTH};                         ///< Encoding
    std::map<uint8_t, uint64_t> m_pfbas;                        ///< PFBAs sent per status
    bool m_rehoming{false};                                     ///< Rehome() under way
    TracedCallback<const FlowBinding&, ListChange> m_listTrace; ///< ListChanged
    TracedCallback<uint16_t, uint8_t> m_pfbaTrace;              ///< PfbaSent
};

} // namespace ns3

#endif /* PMIPV6_MAG_FLOW_BINDING_EXTENSION_H */

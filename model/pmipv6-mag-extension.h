/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_MAG_EXTENSION_H
#define PMIPV6_MAG_EXTENSION_H

#include "binding-update-header.h"
#include "binding-update-list.h"
#include "pmipv6-extension-list.h"

#include "ns3/ipv6-header.h"
#include "ns3/object.h"
#include "ns3/packet.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class Pmipv6MagApplication;

/**
 * \ingroup pmipv6
 * \brief The extension interface of the MAG: the mirror of Pmipv6LmaExtension.
 *
 * An extension is registered with Pmipv6MagApplication::AddExtension(). The core then:
 * - hands it every Mobility Header message of the MH types it claims (GetMhTypes(); two
 *   claims of one type abort the simulation with both names);
 * - lets it add options to each PBU (AddPbuOptions());
 * - shows it each PBA that matched a binding update list entry, before the core acts on it
 *   (NotifyPba());
 * - tells it every attachment, detachment and binding event (NotifyAttach(),
 *   NotifyDetach(), NotifyBinding());
 * - asks it whether a detaching mobile node's binding stays up until the PBA of its
 *   de-registration (KeepBindingUntilDeregistered());
 * - asks it, for each attachment, which LMA the new binding registers with (SelectLma(); e.g.
 *   an LMA that told the MAG to switch a mobile node's flow to an alternate LMA).
 *
 * Hooks are called in the order the extensions were added. The defaults do nothing.
 */
class Pmipv6MagExtension : public Object
{
  public:
    /// What happened to a binding update list entry.
    enum BindingEvent
    {
        /// The initial registration was accepted: tunnel, routes and RA are up.
        BINDING_REGISTERED = 0,
        /// A re-registration (refresh) was accepted.
        BINDING_REFRESHED,
        /// The LMA refused the registration or it gave up; the entry is removed next.
        BINDING_FAILED,
        /// The LMA revoked the binding (RFC 5846); the entry is removed next.
        BINDING_REVOKED,
        /// The entry is removed (after de-registration, failure, revocation or re-attach).
        BINDING_REMOVED,
        /// The LMA revoked some of the entry's prefixes (RFC 5846 BRI naming them); the entry
        /// stays with the others (its homeNetworkPrefixes already without them).
        BINDING_PREFIXES_REVOKED,
    };

    /**
     * \brief The name of an event.
     * \param e the event
     * \return its name, e.g. "REGISTERED"
     */
    static std::string BindingEventName(BindingEvent e);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Pmipv6MagExtension();
    ~Pmipv6MagExtension() override;

    /**
     * \brief A short name for logs and clash messages; by default the TypeId name.
     * \return the name
     */
    virtual std::string GetName() const;

    /**
     * \brief The MH types whose messages this extension receives.
     * \return the types (none by default)
     */
    virtual std::vector<uint8_t> GetMhTypes() const;

    /**
     * \brief A message of a claimed MH type arrived (checksum and framing already verified).
     * \param mhType its MH type
     * \param p the message (Mobility Header at the start)
     * \param ip its IPv6 header
     * \param interface the arrival interface
     */
    virtual void Receive(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface);

    /**
     * \brief Add the extension's options to a PBU about to be sent (each transmission,
     * retransmissions included).
     * \param pbu the message (RFC 5213 options already added)
     * \param entry the binding update list entry it is sent for
     */
    virtual void AddPbuOptions(BindingUpdateHeader& pbu, Ptr<const BindingUpdateListEntry> entry);

    /**
     * \brief Whether a mobile node registers without a home network prefix (e.g. an RFC 5844
     * IPv4-only node): its PBUs then carry no Home Network Prefix option, a PBA without one
     * is accepted, and the MAG sends it no Router Advertisement. Asked for each PBU and PBA.
     * \param entry the binding update list entry
     * \return true for no prefix (false by default)
     */
    virtual bool RegistersWithoutHomeNetworkPrefix(Ptr<const BindingUpdateListEntry> entry);

    /**
     * \brief A PBA matched an entry; called before the core acts on it.
     * \param pba the message
     * \param entry the entry
     */
    virtual void NotifyPba(const BindingAckHeader& pba, Ptr<BindingUpdateListEntry> entry);

    /**
     * \brief A mobile node attached; its entry is created and its PBU about to be sent.
     * \param entry the entry
     */
    virtual void NotifyAttach(Ptr<BindingUpdateListEntry> entry);

    /**
     * \brief A mobile node detached; its de-registration is about to be sent.
     * \param entry the entry
     */
    virtual void NotifyDetach(Ptr<BindingUpdateListEntry> entry);

    /**
     * \brief Whether a detaching mobile node's binding (routes, tunnel reference, neighbor
     * entry) stays up until its de-registration ends (the PBA arrives or the retransmissions
     * give up), instead of being torn down before the de-registration PBU is sent. Asked once
     * per detachment, before NotifyDetach(); one extension saying yes is enough.
     * \param entry the entry
     * \return true to defer the teardown (default false: RFC 5213 behaviour)
     */
    virtual bool KeepBindingUntilDeregistered(Ptr<const BindingUpdateListEntry> entry);

    /**
     * \brief Choose the LMA a new binding update list entry registers with, instead of the
     * profile's (or the MAG's default) LMA. Asked once per attachment, before the entry is
     * created; the first extension that chooses decides.
     * \param mnId the mobile node
     * \param device the access device it attached on
     * \return the LMA address, or :: (default) to leave the choice to the core
     */
    virtual Ipv6Address SelectLma(const std::string& mnId, Ptr<NetDevice> device);

    /**
     * \brief A binding update list entry changed.
     * \param event what happened
     * \param entry the entry
     */
    virtual void NotifyBinding(BindingEvent event, Ptr<BindingUpdateListEntry> entry);

    /**
     * \brief The MAG this extension is registered with.
     * \return the MAG, or nullptr before registration
     */
    Ptr<Pmipv6MagApplication> GetMag() const;

  protected:
    void DoDispose() override;

    /**
     * \brief Called once the extension is registered and the MAG has started (its transport,
     * tunnels and routing exist). The default does nothing.
     */
    virtual void DoStart();

  private:
    friend class Pmipv6MagApplication;
    friend class Pmipv6ExtensionList<Pmipv6MagExtension>;

    /**
     * \brief The transport's handler for a claimed MH type: reads the MH type and calls
     * Receive().
     * \param p the message (Mobility Header at the start)
     * \param ip its IPv6 header
     * \param interface the arrival interface
     */
    void ReceiveMessage(Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface);

    /**
     * \brief Set by Pmipv6MagApplication::AddExtension().
     * \param mag the MAG
     */
    void SetMag(Ptr<Pmipv6MagApplication> mag);

    Ptr<Pmipv6MagApplication> m_mag; ///< the MAG (cleared on dispose)
};

} // namespace ns3

#endif /* PMIPV6_MAG_EXTENSION_H */

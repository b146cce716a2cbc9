/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_EXTENSION_H
#define PMIPV6_LMA_EXTENSION_H

#include "binding-cache.h"
#include "binding-update-header.h"
#include "pmipv6-extension-list.h"
#include "proxy-binding-request.h"

#include "ns3/ipv6-header.h"
#include "ns3/object.h"
#include "ns3/packet.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class Pmipv6LmaApplication;

/**
 * \ingroup pmipv6
 * \brief The extension interface of the LMA: one subclass per draft (or RFC) that adds
 * behaviour to the RFC 5213 core without the core knowing it.
 *
 * An extension is registered with Pmipv6LmaApplication::AddExtension(). The core then:
 * - hands it every Mobility Header message of the MH types it claims (GetMhTypes(); two
 *   claims of one type abort the simulation with both names);
 * - asks it whether a PBU without a Home Network Prefix option is acceptable
 *   (AcceptsWithoutHomeNetworkPrefix(); e.g. an RFC 5844 IPv4-only registration);
 * - asks it, after the RFC 5213 checks, whether a PBU is acceptable (CheckPbu());
 * - lets it correct the home network prefixes a PBU lists before the RFC 5213 5.4.1 lookup
 *   (ReviseRequestedPrefixes(); e.g. a prefix the LMA moved between the sessions of a mobile
 *   node without telling the MAG yet);
 * - asks it which mobility session a PBU refers to before the RFC 5213 5.4.1 lookup
 *   (SelectSession(); e.g. a second interface that shares the prefix of the first);
 * - asks it, for a new session whose PBU lets the LMA assign the prefixes, whether it chooses
 *   them (AssignPrefixes(); e.g. prefixes of another session of the MN moved to the new one);
 * - tells it every binding cache event (NotifyBinding());
 * - lets it add options to each PBA (AddPbaOptions()).
 *
 * Hooks are called in the order the extensions were added. The defaults do nothing, so an
 * extension overrides only what it needs.
 */
class Pmipv6LmaExtension : public Object
{
  public:
    /// What happened to a binding cache entry.
    enum BindingEvent
    {
        /// A new entry was accepted (first PBU of a mobility session).
        BINDING_CREATED = 0,
        /// An entry was re-registered by the MAG that holds it (lifetime extension).
        BINDING_REFRESHED,
        /// An entry moved to another MAG (handover).
        BINDING_MOVED,
        /// An entry was de-registered (lifetime 0); it is kept MinDelayBeforeBCEDelete.
        BINDING_DEREGISTERED,
        /// An entry is about to be deleted (its routes and tunnel are still there).
        BINDING_DELETED,
    };

    /// How a PBU is matched to a mobility session (SelectSession()).
    enum SessionChoice
    {
        /// The extension has no opinion: the RFC 5213 5.4.1 lookup decides.
        SESSION_DEFAULT = 0,
        /// A new mobility session that shares the requested (already bound) prefixes of the
        /// same mobile node, e.g. RFC 7864 Handoff Indicator 6 or a multihomed interface.
        SESSION_NEW_SHARED_PREFIXES,
    };

    /**
     * \brief The name of an event.
     * \param e the event
     * \return its name, e.g. "CREATED"
     */
    static std::string BindingEventName(BindingEvent e);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Pmipv6LmaExtension();
    ~Pmipv6LmaExtension() override;

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
     * \brief Check a PBU that passed the RFC 5213 5.3.1 checks.
     * \param req the request, as the core read it (req.options has the extension's options)
     * \return mip6::BA_ACCEPTED (0) to let it pass, or the status of the PBA that refuses it
     */
    virtual uint8_t CheckPbu(const ProxyBindingRequest& req);

    /**
     * \brief Whether a PBU without a Home Network Prefix option is acceptable to this
     * extension (asked before the RFC 5213 5.3.1 check that refuses it with 158). E.g. RFC
     * 5844 3.2: an IPv4-only registration carries an IPv4 Home Address Request option
     * instead. When one extension says yes, the core goes on without a prefix: the session
     * is found by MN-ID (and link-layer identifier / access technology, RFC 5213 5.4.1), a new
     * one gets no home network prefix and its PBAs carry none.
     * \param req the request (req.hnpOptionCount is 0)
     * \return true to accept the missing option (false by default)
     */
    virtual bool AcceptsWithoutHomeNetworkPrefix(const ProxyBindingRequest& req);

    /**
     * \brief Say which mobility session a registration refers to, before the RFC 5213 5.4.1
     * lookup.
     * \param req the request
     * \return SESSION_DEFAULT (the core decides) or another choice
     */
    virtual SessionChoice SelectSession(const ProxyBindingRequest& req);

    /**
     * \brief Correct the home network prefixes a PBU (registration or de-registration) lists,
     * before the core looks its session up by them (RFC 5213 5.4.1). For an extension that
     * changed a session's prefix set without a PBA to its MAG (e.g. a prefix moved to another
     * interface's session without a BRI, or moved back when that interface left): the MAG's
     * next PBU lists its old set, which RFC 5213 answers 159 (prefix set mismatch) and the MAG
     * drops the whole binding; revised to the session's current set, the PBU refreshes it and
     * the PBA (which carries the session's prefixes) tells the MAG the new set. The first
     * extension that revises decides; an empty revision is ignored.
     * \param req the request (req.prefixes non-empty)
     * \param [out] prefixes the prefixes the core uses instead
     * \return true when the extension revised them (false by default)
     */
    virtual bool ReviseRequestedPrefixes(const ProxyBindingRequest& req,
                                         std::vector<HomeNetworkPrefix>& prefixes);

    /**
     * \brief Choose the home network prefixes of a new mobility session whose PBU lets the
     * LMA assign them (all-zero HNP and no SESSION_NEW_SHARED_PREFIXES), instead of the
     * profile's or the pool's. A chosen prefix that a registered session of the same mobile
     * node holds is taken from that session (its route re-pointed to the new session; the old
     * session must keep at least one prefix, else the prefix is not taken); any other chosen
     * prefix is ignored. The first extension that chooses decides.
     * \param req the request
     * \param [out] prefixes the chosen prefixes
     * \return true when the extension chose (false by default: the core decides)
     */
    virtual bool AssignPrefixes(const ProxyBindingRequest& req,
                                std::vector<HomeNetworkPrefix>& prefixes);

    /**
     * \brief A binding cache entry changed.
     * \param event what happened
     * \param entry the entry
     * \param previousProxyCoa for BINDING_MOVED, the Proxy-CoA before; otherwise the current
     */
    virtual void NotifyBinding(BindingEvent event,
                               Ptr<BindingCacheEntry> entry,
                               Ipv6Address previousProxyCoa);

    /**
     * \brief Add the extension's options to a PBA about to be sent.
     * \param pba the message (status, sequence and RFC 5213 options already set)
     * \param req the request it answers
     * \param entry the entry (accepted) or nullptr (rejected)
     */
    virtual void AddPbaOptions(BindingAckHeader& pba,
                               const ProxyBindingRequest& req,
                               Ptr<const BindingCacheEntry> entry);

    /**
     * \brief The LMA this extension is registered with.
     * \return the LMA, or nullptr before registration
     */
    Ptr<Pmipv6LmaApplication> GetLma() const;

  protected:
    void DoDispose() override;

    /**
     * \brief Called once the extension is registered and the LMA has started (its transport,
     * tunnels and routing exist). The default does nothing.
     */
    virtual void DoStart();

  private:
    friend class Pmipv6LmaApplication;
    friend class Pmipv6ExtensionList<Pmipv6LmaExtension>;

    /**
     * \brief The transport's handler for a claimed MH type: reads the MH type and calls
     * Receive().
     * \param p the message (Mobility Header at the start)
     * \param ip its IPv6 header
     * \param interface the arrival interface
     */
    void ReceiveMessage(Ptr<Packet> p, const Ipv6Header& ip, uint32_t interface);

    /**
     * \brief Set by Pmipv6LmaApplication::AddExtension().
     * \param lma the LMA
     */
    void SetLma(Ptr<Pmipv6LmaApplication> lma);

    Ptr<Pmipv6LmaApplication> m_lma; ///< the LMA (cleared on dispose)
};

} // namespace ns3

#endif /* PMIPV6_LMA_EXTENSION_H */

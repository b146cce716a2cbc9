/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_EXTENSION_LIST_H
#define PMIPV6_EXTENSION_LIST_H

#include "mobility-l4-protocol.h"

#include "ns3/abort.h"
#include "ns3/callback.h"
#include "ns3/ptr.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The extensions registered on one agent (LMA or MAG), in registration order, and the
 * MH types they claim on the node's Mobility Header transport.
 *
 * Shared by Pmipv6LmaApplication and Pmipv6MagApplication: registration, claiming MH types
 * (a type that the core or another extension handles already aborts the simulation with
 * both names), releasing them, disposal.
 *
 * \tparam Ext Pmipv6LmaExtension or Pmipv6MagExtension (GetName(), GetMhTypes(),
 * ReceiveMessage(), DoStart(), Dispose())
 */
template <class Ext>
class Pmipv6ExtensionList
{
  public:
    /**
     * \brief Append an extension (not started).
     * \param extension the extension
     * \param agent the agent's name for messages, e.g. "LMA on node 3"
     */
    void Add(Ptr<Ext> extension, const std::string& agent)
    {
        NS_ABORT_MSG_IF(std::find(m_list.begin(), m_list.end(), extension) != m_list.end(),
                        agent << ": " << extension->GetName() << " is registered twice");
        m_list.push_back(extension);
    }

    /**
     * \brief Claim an extension's MH types on a transport and start it.
     * \param extension the extension (added)
     * \param mobility the node's Mobility Header transport
     * \param agent the agent's name for messages
     */
    static void Start(Ptr<Ext> extension,
                      Ptr<MobilityL4Protocol> mobility,
                      const std::string& agent)
    {
        for (uint8_t type : extension->GetMhTypes())
        {
            NS_ABORT_MSG_IF(mobility->HasHandler(type),
                            agent << ": " << extension->GetName() << " claims MH type " << +type
                                  << ", which the RFC 5213 core or another extension handles "
                                     "already");
            mobility->RegisterHandler(type, MakeCallback(&Ext::ReceiveMessage, extension));
        }
        extension->DoStart();
    }

    /**
     * \brief Start every extension (the agent started).
     * \param mobility the node's Mobility Header transport
     * \param agent the agent's name for messages
     */
    void StartAll(Ptr<MobilityL4Protocol> mobility, const std::string& agent) const
    {
        for (const auto& extension : m_list)
        {
            Start(extension, mobility, agent);
        }
    }

    /**
     * \brief Release every claimed MH type (the agent stopped).
     * \param mobility the node's Mobility Header transport
     */
    void StopAll(Ptr<MobilityL4Protocol> mobility) const
    {
        for (const auto& extension : m_list)
        {
            for (uint8_t type : extension->GetMhTypes())
            {
                mobility->UnregisterHandler(type);
            }
        }
    }

    /**
     * \brief Dispose of every extension and forget them.
     */
    void DisposeAll()
    {
        for (const auto& extension : m_list)
        {
            extension->Dispose();
        }
        m_list.clear();
    }

    /**
     * \brief The extensions, in registration order.
     * \return the list
     */
    const std::vector<Ptr<Ext>>& Get() const
    {
        return m_list;
    }

  private:
    std::vector<Ptr<Ext>> m_list; ///< the extensions
};

} // namespace ns3

#endif /* PMIPV6_EXTENSION_LIST_H */

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_LMA_FLOW_BINDING_DOMAIN_H
#define PMIPV6_LMA_FLOW_BINDING_DOMAIN_H

#include "pmipv6-dual-access-domain.h"

#include "ns3/lma-flow-binding-extension.h"
#include "ns3/mag-flow-binding-extension.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The domain of LMA-initiated flow binding (draft-sarikaya-netext-lma-init-flow-binding-00):
 * Pmipv6DualAccessDomain (CN, LMA1, MAG1, MAG2, a two-interface mobile node) plus a second
 * LMA behind the first, so that a flow can be switched to it:
 *
 *      CN ---- LMA1 ---- MAG1 ==csma== phys[0] \
 *              | \                              lif  MN
 *              |  +----- MAG2 ==csma== phys[1] /
 *             LMA2
 *
 * LMA2 is on fd00:0:0:d::/64, assigns prefixes from 2001:2:2::/48 (LMA1 routes that pool to
 * it) and has its own profile store with the mobile node's profile naming it. Every LMA
 * has an LmaFlowBindingExtension, every MAG a MagFlowBindingExtension. Nothing attaches by
 * itself.
 */
class Pmipv6LmaFlowBindingDomain : public Pmipv6DualAccessDomain
{
  public:
    /**
     * \brief Build the domain.
     * \param mnId the mobile node's identifier
     * \param magExtensions how many MAGs, from MAG1, get their MagFlowBindingExtension
     *        registered (2: both; 1: MAG2 has one that is not registered, so it never
     *        answers a PFBI)
     */
    explicit Pmipv6LmaFlowBindingDomain(const std::string& mnId, uint32_t magExtensions = 2);

    /**
     * \brief Write pcap files of every link (LMA1 - LMA2 included).
     * \param prefix the file name prefix
     */
    void EnablePcapAll(const std::string& prefix);

    NodeContainer lma2;                     ///< the second LMA's node
    Ipv6Address lma2Address;                ///< its address
    Ptr<Pmipv6LmaApplication> lma2App;      ///< the second LMA
    Ptr<LmaFlowBindingExtension> lmaExt[2]; ///< the LMAs' extensions (LMA1, LMA2)
    Ptr<MagFlowBindingExtension> magExt[2]; ///< the MAGs' extensions

  private:
    PointToPointHelper m_p2p2; ///< the LMA1 - LMA2 link
};

} // namespace ns3

#endif /* PMIPV6_LMA_FLOW_BINDING_DOMAIN_H */

/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_FLOW_BINDING_ENCODING_H
#define PMIPV6_FLOW_BINDING_ENCODING_H

// LMA-initiated flow binding (draft-sarikaya-netext-lma-init-flow-binding-00) in RFC 7109
// encoding: one draft-000 Flow Attribute option <-> one RFC 6089 Flow Identification option
// with RFC 7109 sub-options, as the FBI / FBA (MH type 21) carry it. The table and the
// readings: doc/pmipv6.rst, "RFC 7109 encoding".

#include "flow-attribute-option.h"
#include "flow-options.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The RFC 7109 Flow Binding Action of a draft-000 PRO: add 11, delete 12, modify 13,
 * refresh 14, move 15, switch 16 (revoke; the alternate LMAs go in sub-option 240).
 * \param pro the PRO (mip6::FlowAttributePro)
 * \return the action (mip6::FlowBindingActionValue), 0 for a PRO without one
 */
uint8_t FlowBindingActionForPro(uint8_t pro);

/**
 * \ingroup pmipv6
 * \brief The draft-000 PRO of an RFC 7109 Flow Binding Action.
 * \param action the action (mip6::FlowBindingActionValue)
 * \param alternateLma whether the option carries an Alternate LMA sub-option (revoke with
 * alternate LMAs is a switch, revoke without is a delete)
 * \return the PRO (mip6::FlowAttributePro), FA_PRO_RESERVED for an unknown action
 */
uint8_t ProForFlowBindingAction(uint8_t action, bool alternateLma);

/**
 * \ingroup pmipv6
 * \brief Encode a Flow Attribute option as a Flow Identification option: FID, FID-PRI = PRI,
 * Status, then the sub-options Flow Binding Action (4), Target Care-of Address (5), Alternate
 * LMA (240), Flow Binding Lifetime (241, only when the lifetime is not 0) and the flow
 * description as Traffic Selector (3).
 * \param fa the Flow Attribute option
 * \return the Flow Identification option
 */
Ptr<FlowIdentificationOption> FlowAttributeToFlowId(const FlowAttributeOption& fa);

/**
 * \ingroup pmipv6
 * \brief Decode a Flow Identification option of an FBI as the Flow Attribute option it
 * encodes (the inverse of FlowAttributeToFlowId(); an FID-PRI above 255 becomes 255, a
 * missing lifetime sub-option 0, a Traffic Selector of an unknown format no flow
 * description).
 * \param fid the Flow Identification option
 * \return the Flow Attribute option; its PRO is FA_PRO_RESERVED when the option has no
 * Flow Binding Action sub-option or an unknown action
 */
Ptr<FlowAttributeOption> FlowIdToFlowAttribute(const FlowIdentificationOption& fid);

} // namespace ns3

#endif /* PMIPV6_FLOW_BINDING_ENCODING_H */

/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Every number this module puts on the wire, in one place.
 * Standard numbers come from IANA's "Mobile IPv6 parameters" registry; the drafts' own
 * messages and options ("TBD" in the drafts) use values from the unassigned top of each
 * registry, see doc/pmipv6.rst, section "Wire numbers".
 */

#ifndef PMIPV6_WIRE_NUMBERS_H
#define PMIPV6_WIRE_NUMBERS_H

#include <cstdint>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief Wire numbers of the Mobility Header, its messages, options and status codes.
 */
namespace mip6
{

/// IPv6 next header value of the Mobility Header (RFC 6275 6.1).
constexpr uint8_t MOBILITY_HEADER_PROTOCOL = 135;
/// IPv6 next header value of an IPv6-in-IPv6 tunnel (RFC 2473).
constexpr uint8_t IPV6_IN_IPV6_PROTOCOL = 41;
/// The Mobility Header's Payload Proto field is always IPPROTO_NONE (RFC 6275 6.1.1).
constexpr uint8_t IPPROTO_NONE_VALUE = 59;
/// Length of the common part of every Mobility Header (Payload Proto .. Checksum).
constexpr uint32_t MH_COMMON_LENGTH = 6;

/// Mobility Header message types (MH Type field).
enum MhType : uint8_t
{
    MH_BINDING_REFRESH_REQUEST = 0,
    MH_BINDING_UPDATE = 5,                  ///< BU, PBU when the P flag is set (RFC 6275, RFC 5213)
    MH_BINDING_ACK = 6,                     ///< BA, PBA when the P flag is set
    MH_BINDING_ERROR = 7,                   ///< RFC 6275 6.1.9
    MH_HEARTBEAT = 13,                      ///< Heartbeat request / response (RFC 5847 3.1)
    MH_BINDING_REVOCATION = 16,             ///< BRI / BRA (RFC 5846)
    MH_LOCALIZED_ROUTING_INIT = 17,         ///< LRI (RFC 6705)
    MH_LOCALIZED_ROUTING_ACK = 18,          ///< LRA (RFC 6705)
    MH_UPDATE_NOTIFICATION = 19,            ///< UPN (RFC 7077)
    MH_UPDATE_NOTIFICATION_ACK = 20,        ///< UPA (RFC 7077)
    MH_FLOW_BINDING = 21,                   ///< FBI / FBA (RFC 7109)
    MH_PROXY_FLOW_BINDING_INDICATION = 240, ///< PFBI, draft-sarikaya-netext-lma-init-flow-binding
    MH_PROXY_FLOW_BINDING_ACK = 241,        ///< PFBA, draft-sarikaya-netext-lma-init-flow-binding
    MH_FLOW_MOBILITY = 242,                 ///< FMI (I=1) / FMA (I=0), pmipv6-flow-mobility-draft
    MH_LOCAL_ROUTING_OPTIMIZATION = 243, ///< LROREQ (R=0) / LRORSP (R=1), draft-wu-netext-local-ro
    MH_LMA_RO_START_REQUEST = 244,       ///< draft-wu-netext-local-ro Appendix A.1.1
    MH_LMA_RO_START_RESPONSE = 245,      ///< draft-wu-netext-local-ro Appendix A.1.2
};

/// Mobility option types.
enum OptionType : uint8_t
{
    OPT_PAD1 = 0,
    OPT_PADN = 1,
    OPT_MOBILE_NODE_IDENTIFIER = 8,       ///< RFC 4283
    OPT_HOME_NETWORK_PREFIX = 22,         ///< RFC 5213 8.3
    OPT_HANDOFF_INDICATOR = 23,           ///< RFC 5213 8.4
    OPT_ACCESS_TECHNOLOGY_TYPE = 24,      ///< RFC 5213 8.5
    OPT_MOBILE_NODE_LINK_LAYER_ID = 25,   ///< RFC 5213 8.6
    OPT_LINK_LOCAL_ADDRESS = 26,          ///< RFC 5213 8.7
    OPT_TIMESTAMP = 27,                   ///< RFC 5213 8.8
    OPT_RESTART_COUNTER = 28,             ///< RFC 5847 3.2
    OPT_NAT_DETECTION = 31,               ///< RFC 5555 3.2.2 (used by RFC 5844 4)
    OPT_IPV4_CARE_OF_ADDRESS = 32,        ///< RFC 5555 3.1.5 (used by RFC 5844 4)
    OPT_BINDING_IDENTIFIER = 35,          ///< RFC 5648
    OPT_IPV4_HOME_ADDRESS_REQUEST = 36,   ///< RFC 5844 3.3.1
    OPT_IPV4_HOME_ADDRESS_REPLY = 37,     ///< RFC 5844 3.3.2
    OPT_IPV4_DEFAULT_ROUTER_ADDRESS = 38, ///< RFC 5844 3.3.3
    OPT_IPV4_DHCP_SUPPORT_MODE = 39,      ///< RFC 5844 3.3.4
    OPT_CONTEXT_REQUEST = 40,             ///< RFC 5949
    OPT_FLOW_SUMMARY = 44,                ///< RFC 6089
    OPT_FLOW_IDENTIFICATION = 45,         ///< RFC 6089
    OPT_MAG_IPV6_ADDRESS = 51,            ///< RFC 6705
    OPT_FLOW_ATTRIBUTE = 240,             ///< draft-sarikaya-netext-lma-init-flow-binding 7.2
    OPT_MULTIHOMING = 241,                ///< draft-melia-netext-muho-solution 4.1
    OPT_MUHO_FLOW_IDENTIFIER = 242,       ///< draft-melia-netext-muho-solution 4.2
    OPT_FB_FLOW_IDENTIFICATION = 243,     ///< draft-soliman-monami6-flow-binding 3.1
    OPT_LOCAL_ROUTING_OPTIMIZATION = 244, ///< draft-wu-netext-local-ro 9.1
    OPT_MN_CN_PAIR = 245,                 ///< draft-wu-netext-local-ro 9.5
};

/// Mobile Node Identifier option subtypes (RFC 4283).
constexpr uint8_t MNID_SUBTYPE_NAI = 1;

/// Sub-option types of the RFC 6089 Flow Identification option.
enum FlowIdSubOptionType : uint8_t
{
    FID_SUBOPT_PAD1 = 0,
    FID_SUBOPT_PADN = 1,
    FID_SUBOPT_BID_REFERENCE = 2,
    FID_SUBOPT_TRAFFIC_SELECTOR = 3,
    FID_SUBOPT_FLOW_BINDING_ACTION = 4, ///< RFC 7109 3.2.1 (IANA)
    FID_SUBOPT_TARGET_COA = 5,          ///< RFC 7109 3.2.2 (IANA)
    /// module number (unassigned top of the registry): draft-000 Alternate LMA addresses, which
    /// RFC 7109 has no field for (LMA-initiated flow binding in FBI encoding)
    FID_SUBOPT_ALTERNATE_LMA = 240,
    /// module number: draft-000 flow binding Lifetime (4 s units), no RFC 7109 field either
    FID_SUBOPT_FLOW_BINDING_LIFETIME = 241,
};

/// Flow Binding Action values of the Flow Binding Action sub-option (RFC 7109, IANA "Flow
/// Binding Action Values").
enum FlowBindingActionValue : uint8_t
{
    FB_ACTION_ADD = 11,
    FB_ACTION_DELETE = 12,
    FB_ACTION_MODIFY = 13,
    FB_ACTION_REFRESH = 14,
    FB_ACTION_MOVE = 15,
    FB_ACTION_REVOKE = 16,
};

/// RFC 6088 traffic selector formats.
enum TrafficSelectorFormat : uint8_t
{
    TS_FORMAT_IPV4_BINARY = 1,
    TS_FORMAT_IPV6_BINARY = 2,
};

/// Per-flow Status of the RFC 6089 Flow Identification option (RFC 6089; Wireshark
/// 4.0 does not decode option 45, values as in RFC 6089 and Pcap.Net).
enum FlowIdStatus : uint8_t
{
    FID_STATUS_SUCCESS = 0,                       ///< flow binding successful
    FID_STATUS_ADMINISTRATIVELY_PROHIBITED = 128, ///< administratively prohibited
    FID_STATUS_REJECTED_UNSPECIFIED = 129,        ///< flow binding rejected, reason unspecified
    FID_STATUS_OPTION_MALFORMED = 130,            ///< Flow Identification option malformed
    FID_STATUS_BID_NOT_FOUND = 131,               ///< BID not found
    FID_STATUS_FID_NOT_FOUND = 132,               ///< FID not found
    FID_STATUS_TS_FORMAT_NOT_SUPPORTED = 133,     ///< traffic selector format not supported
};

/// Binding Acknowledgement status codes added by RFC 5648 (multiple care-of addresses), also
/// carried in the Status field of the Binding Identifier option (values as in Wireshark 4.0).
enum McoaStatus : uint8_t
{
    BA_MCOA_NOTCOMPLETE = 4,
    BA_MCOA_RETURNHOME_WO_NDP = 5,
    BA_MCOA_MALFORMED = 164,
    BA_MCOA_NON_MCOA_BINDING_EXISTS = 165,
    BA_MCOA_PROHIBITED = 166,
    BA_MCOA_UNKNOWN_COA = 167,
    BA_MCOA_BULK_REGISTRATION_PROHIBITED = 168,
    BA_MCOA_SIMULTANEOUS_HOME_AND_FOREIGN_PROHIBITED = 169,
};

/// Handoff Indicator values (RFC 5213 8.4; 6 from RFC 7864).
enum HandoffIndicator : uint8_t
{
    HI_RESERVED = 0,
    HI_NEW_INTERFACE = 1,
    HI_HANDOFF_BETWEEN_INTERFACES = 2,
    HI_HANDOFF_BETWEEN_MAGS = 3,
    HI_UNKNOWN = 4,
    HI_NOT_CHANGED = 5,
    HI_NEW_INTERFACE_SHARED_PREFIX = 6,
};

/// Access Technology Type values (RFC 5213 8.5).
enum AccessTechnologyType : uint8_t
{
    ATT_RESERVED = 0,
    ATT_VIRTUAL = 1,
    ATT_PPP = 2,
    ATT_IEEE_802_3 = 3,
    ATT_IEEE_802_11 = 4,
    ATT_IEEE_802_16E = 5,
    ATT_GERAN = 6,
    ATT_UTRAN = 7,
    ATT_EUTRAN = 8,
};

/// Binding Acknowledgement status codes (RFC 6275 6.1.8, RFC 5213 8.9).
enum BindingAckStatus : uint8_t
{
    BA_ACCEPTED = 0,
    BA_UNSPECIFIED = 128,
    BA_ADMINISTRATIVELY_PROHIBITED = 129,
    BA_INSUFFICIENT_RESOURCES = 130,
    BA_SEQUENCE_OUT_OF_WINDOW = 135,
    BA_PROXY_REG_NOT_ENABLED = 152,
    BA_NOT_LMA_FOR_THIS_MOBILE_NODE = 153,
    BA_MAG_NOT_AUTHORIZED_FOR_PROXY_REG = 154,
    BA_NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX = 155,
    BA_TIMESTAMP_MISMATCH = 156,
    BA_TIMESTAMP_LOWER_THAN_PREV_ACCEPTED = 157,
    BA_MISSING_HOME_NETWORK_PREFIX_OPTION = 158,
    BA_BCE_PBU_PREFIX_SET_DO_NOT_MATCH = 159,
    BA_MISSING_MN_IDENTIFIER_OPTION = 160,
    BA_MISSING_HANDOFF_INDICATOR_OPTION = 161,
    BA_MISSING_ACCESS_TECH_TYPE_OPTION = 162,
};

/// Binding Acknowledgement status codes added by RFC 5844 3.3.5 (IANA; as in Wireshark 4.0).
enum Ipv4BindingAckStatus : uint8_t
{
    BA_NOT_AUTHORIZED_FOR_IPV4_MOBILITY_SERVICE = 170,
    BA_NOT_AUTHORIZED_FOR_IPV4_HOME_ADDRESS = 171,
    BA_NOT_AUTHORIZED_FOR_IPV6_MOBILITY_SERVICE = 172,
    BA_MULTIPLE_IPV4_HOME_ADDRESS_ASSIGNMENT_NOT_SUPPORTED = 173,
};

/// Status of the IPv4 Home Address Reply option (RFC 5844 3.3.2, IANA "IPv4 Home Address
/// Reply Status Codes"; below 128 = success).
enum Ipv4HomeAddressReplyStatus : uint8_t
{
    IPV4_HOA_REPLY_SUCCESS = 0,
    IPV4_HOA_REPLY_FAILURE_UNSPECIFIED = 128,
    IPV4_HOA_REPLY_ADMINISTRATIVELY_PROHIBITED = 129,
    IPV4_HOA_REPLY_INCORRECT_IPV4_HOME_ADDRESS = 130,
    IPV4_HOA_REPLY_INVALID_IPV4_ADDRESS = 131,
    IPV4_HOA_REPLY_DYNAMIC_ASSIGNMENT_NOT_AVAILABLE = 132,
};

/// Prefix-len of the IPv4 Home Address Request (first 6 bits of a 16-bit word, 10 reserved)
/// and Reply (first 6 bits of an octet, 2 reserved) options (RFC 5844 3.3.1, 3.3.2): shift of
/// the 6-bit field within its octet.
constexpr uint8_t IPV4_PREFIX_LEN_SHIFT = 2;
/// Largest IPv4 prefix length.
constexpr uint8_t IPV4_MAX_PREFIX_LEN = 32;
/// IPv4 DHCP Support Mode option: the S flag, last bit of the 16-bit flags word (RFC 5844
/// 3.3.4): 1 = the MAG is a DHCP server, 0 = a DHCP relay.
constexpr uint16_t IPV4_DSM_FLAG_S = 0x0001;

/// NAT Detection option (RFC 5555 3.2.2): the F flag, first bit of the 16-bit word before the
/// 32-bit Refresh time: the home agent (here the LMA) forces UDP encapsulation.
constexpr uint16_t NAT_DETECTION_FLAG_F = 0x8000;
/// NAT Detection option Refresh time (RFC 5555 3.2.2, as read here): all ones = no keepalives
/// needed; 0 = the field is ignored.
constexpr uint32_t NAT_DETECTION_REFRESH_NO_KEEPALIVES = 0xffffffff;
/// UDP port of PMIPv6 signalling over an IPv4 transport (IANA "pmip6-cntl", RFC 5844 4):
/// IPv4 / UDP / IPv6 / Mobility Header.
constexpr uint16_t PMIP6_CNTL_UDP_PORT = 5436;
/// UDP port of the PMIPv6 data tunnel in UDP over an IPv4 transport (IANA "pmip6-data",
/// RFC 5844 4): IPv4 / UDP / the MN's IPv6 or IPv4 packet.
constexpr uint16_t PMIP6_DATA_UDP_PORT = 5437;
/// IPv4 protocol number of an IPv6 packet carried in IPv4 (RFC 4213 3.5; RFC 5844 4).
constexpr uint8_t IPV4_PROTO_IPV6 = 41;
/// IPv4 protocol number of an IPv4 packet carried in IPv4 (RFC 2003; RFC 5844 4).
constexpr uint8_t IPV4_PROTO_IPV4 = 4;

/// Binding Error status codes (RFC 6275 6.1.9).
enum BindingErrorStatus : uint8_t
{
    BE_UNKNOWN_BINDING_FOR_HOME_ADDRESS = 1,
    BE_UNRECOGNIZED_MH_TYPE = 2,
};

/// Binding Revocation message types (RFC 5846 6.1).
enum BindingRevocationType : uint8_t
{
    BR_INDICATION = 1,
    BR_ACKNOWLEDGEMENT = 2,
};

/// Update Notification reasons (RFC 7077, RFC 7864).
constexpr uint8_t UPN_REASON_FLOW_MOBILITY = 8;

/// Flow Binding message types (RFC 7109).
enum FlowBindingType : uint8_t
{
    FB_INDICATION = 1,
    FB_ACKNOWLEDGEMENT = 2,
};

// --- standard messages beyond BU/BA/BE (binding-revocation-header, localized-routing-header,
// --- update-notification-header, flow-binding-header); see doc/notes/messages.md

/// BRI / BRA flags, first octets after Sequence # (RFC 5846 6.1, 6.2; 16-bit word).
constexpr uint16_t BR_FLAG_P = 0x8000; ///< Proxy binding
constexpr uint16_t BR_FLAG_I = 0x4000; ///< IPv4 HoA binding only (tshark calls it V)
constexpr uint16_t BR_FLAG_G = 0x2000; ///< Global revocation

/// BRI Revocation Trigger values (RFC 5846 6.1; 128.. are global-revocation triggers).
enum RevocationTrigger : uint8_t
{
    BRI_TRIGGER_UNSPECIFIED = 0,
    BRI_TRIGGER_ADMINISTRATIVE_REASON = 1,
    BRI_TRIGGER_INTER_MAG_HANDOVER_SAME_ATT = 2,
    BRI_TRIGGER_INTER_MAG_HANDOVER_DIFFERENT_ATT = 3,
    BRI_TRIGGER_INTER_MAG_HANDOVER_UNKNOWN = 4,
    BRI_TRIGGER_USER_INITIATED_SESSION_TERMINATION = 5,
    BRI_TRIGGER_ACCESS_NETWORK_SESSION_TERMINATION = 6,
    BRI_TRIGGER_POSSIBLE_OUT_OF_SYNC_BCE_STATE = 7,
    BRI_TRIGGER_PER_PEER_POLICY = 128,
    BRI_TRIGGER_REVOKING_MOBILITY_NODE_LOCAL_POLICY = 129,
};

/// BRA Status values (RFC 5846 6.2; below 128 = processed, from 128 up = rejected).
enum BindingRevocationStatus : uint8_t
{
    BRA_SUCCESS = 0,
    BRA_PARTIAL_SUCCESS = 1,
    BRA_BINDING_DOES_NOT_EXIST = 128,
    BRA_IPV4_HOA_OPTION_REQUIRED = 129,
    BRA_GLOBAL_REVOCATION_NOT_AUTHORIZED = 130,
    BRA_REVOKED_MN_IDENTITY_REQUIRED = 131,
    BRA_REVOCATION_FAILED_MN_ATTACHED = 132,
    BRA_REVOCATION_TRIGGER_NOT_SUPPORTED = 133,
    BRA_REVOCATION_FUNCTION_NOT_SUPPORTED = 134,
    BRA_PROXY_BINDING_REVOCATION_NOT_SUPPORTED = 135,
};

/// LRA U (unsolicited) flag, first octet after Sequence # (RFC 6705 8.2).
constexpr uint8_t LRA_FLAG_U = 0x80;
/// LRI / LRA Lifetime (seconds) meaning infinity (RFC 6705 8.1).
constexpr uint16_t LR_LIFETIME_INFINITE = 0xffff;

/// LRA Status values (RFC 6705 8.2).
enum LocalizedRoutingStatus : uint8_t
{
    LRA_SUCCESS = 0,
    LRA_LOCALIZED_ROUTING_NOT_ALLOWED = 128,
    LRA_MN_NOT_ATTACHED = 129,
};

/// Update Notification reasons other than FLOW-MOBILITY (RFC 7077 4.1, RFC 7222, 3GPP).
enum UpdateNotificationReason : uint8_t
{
    UPN_REASON_RESERVED = 0,
    UPN_REASON_FORCE_REREGISTRATION = 1,
    UPN_REASON_UPDATE_SESSION_PARAMETERS = 2,
    UPN_REASON_VENDOR_SPECIFIC = 3,
    UPN_REASON_ANI_PARAMS_REQUESTED = 4,
    UPN_REASON_QOS_SERVICE_REQUEST = 5,
};

/// UPN flags, the octet after Notification Reason (RFC 7077 4.1).
constexpr uint8_t UPN_FLAG_A = 0x80; ///< acknowledgement requested
constexpr uint8_t UPN_FLAG_D = 0x40; ///< MAG should de-register

/// UPA Status values (RFC 7077 4.2, RFC 7222, RFC 7864 5.3).
enum UpdateNotificationAckStatus : uint8_t
{
    UPA_SUCCESS = 0,
    UPA_FAILED_TO_UPDATE_SESSION_PARAMETERS = 128,
    UPA_MISSING_VENDOR_SPECIFIC_OPTION = 129,
    UPA_CANNOT_MEET_QOS_SERVICE_REQUEST = 130,
    UPA_REASON_UNSPECIFIED = 131,
    UPA_MN_NOT_ATTACHED = 132,
};

/// FBI A (acknowledge) flag, the octet after Trigger (RFC 7109 3.1.1).
constexpr uint8_t FBI_FLAG_A = 0x80;

/// FBI Trigger values (RFC 7109 3.1.1; 250-255 reserved for testing).
enum FlowBindingTrigger : uint8_t
{
    FBI_TRIGGER_RESERVED = 0,
    FBI_TRIGGER_UNSPECIFIED = 1,
    FBI_TRIGGER_ADMINISTRATIVE_REASON = 2,
    FBI_TRIGGER_POSSIBLE_OUT_OF_SYNC_BCE_STATE = 3,
};

/// FBA Status values (RFC 7109 3.1.2).
enum FlowBindingAckStatus : uint8_t
{
    FBA_SUCCESS = 0,
    FBA_BINDING_DOES_NOT_EXIST = 128, ///< binding (target CoA) does not exist
    FBA_ACTION_NOT_AUTHORIZED = 129,
};

// --- draft messages (proxy-flow-binding-header, flow-mobility-header,
// --- local-routing-optimization-header); see doc/notes/draft-messages.md

/// Status values below this accept the request, values from it up reject it (RFC 6275 style).
constexpr uint8_t STATUS_REJECTION_THRESHOLD = 128;

/// PFBI A (Acknowledge) flag, first bit of the octet after Trigger (lma-init-flow-binding 7.1.1).
constexpr uint8_t PFBI_FLAG_A = 0x80;

/// PFBI Trigger values (draft-sarikaya-netext-lma-init-flow-binding 7.1.1; the draft's own list).
enum PfbiTrigger : uint8_t
{
    PFBI_TRIGGER_RESERVED = 0,
    PFBI_TRIGGER_UNSPECIFIED = 1,
    PFBI_TRIGGER_ADMINISTRATIVE_REASON = 2,
    PFBI_TRIGGER_POSSIBLE_OUT_OF_SYNC_BCE_STATE = 3,
    PFBI_TRIGGER_TESTING_FIRST = 250, ///< 250-255 reserved for testing purposes only
    PFBI_TRIGGER_TESTING_LAST = 255,
};

/// PFBA Status values (draft-sarikaya-netext-lma-init-flow-binding 7.1.2; not the PBA codes).
enum PfbaStatus : uint8_t
{
    PFBA_SUCCESS = 0,
    PFBA_PARTIAL_SUCCESS = 1,
    PFBA_BINDING_DOES_NOT_EXIST = 128,
};

/// Flags in the first octet after Sequence # of FMI / FMA (pmipv6-flow-mobility-draft 4.1, 4.2).
constexpr uint8_t FM_FLAG_I = 0x80;  ///< Initiate: 1 = FMI, 0 = FMA
constexpr uint8_t FMI_FLAG_C = 0x40; ///< Cancel (FMI only)
constexpr uint8_t FMI_FLAG_R = 0x20; ///< Refresh (FMI only)
/// FMI / FMA Lifetime (seconds) meaning infinity.
constexpr uint16_t FM_LIFETIME_INFINITE = 0xffff;

/// FMA Status values (pmipv6-flow-mobility-draft 4.2; not the PBA codes).
enum FmaStatus : uint8_t
{
    FMA_SUCCESS = 0,
    FMA_REASON_UNSPECIFIED = 128,
    FMA_MN_NOT_ATTACHED = 129,
    FMA_SEQUENCE_OUT_OF_WINDOW = 130,
    FMA_TS_FORMAT_UNSUPPORTED = 131,
    FMA_NO_FLOW_MOBILITY_CACHE_ENTRY = 132,
    FMA_FLOW_MOBILITY_CACHE_ENTRY_EXISTS = 133,
};

/// LROREQ / LRORSP first octet after Sequence #: R | LRI (2) | Reserved (local-ro 9.2, 9.3).
constexpr uint8_t LRO_FLAG_R = 0x80;   ///< 0 = LROREQ, 1 = LRORSP
constexpr uint8_t LRO_LRI_MASK = 0x60; ///< the 2-bit LRI field
constexpr uint8_t LRO_LRI_SHIFT = 5;   ///< LRI = (octet & LRO_LRI_MASK) >> LRO_LRI_SHIFT

/// Local Routing Optimization Indication, 2 bits (draft-wu-netext-local-ro 9.1, 9.2).
enum LocalRoutingIndication : uint8_t
{
    LRI_NOT_AVAILABLE = 0, ///< state unknown or local routing not available
    LRI_INTRA_MAG = 1,
    LRI_INTRA_LMA = 2,
    LRI_INTER_LMA = 3,
};

/// LMA RO Start Response Status (local-ro A.1.2 defines none; the module's choice).
enum LmaRoStartStatus : uint8_t
{
    LMA_RO_START_ACCEPTED = 0,
    LMA_RO_START_REJECTED_UNSPECIFIED = 128,
};

// --- draft options (flow-attribute-option, multihoming-options, flow-binding-options,
// --- local-routing-options); see doc/notes/draft-options.md

/// Sub-option type of the flow description (TS Format | Reserved | RFC 6088 selector) inside
/// the Flow Attribute (240), multihoming FID (242) and flow-binding Flow Identification (243)
/// options. The drafts draw the flow description as a bare field; the module carries it as
/// the RFC 6089 Traffic Selector sub-option (same type, same layout) to delimit it.
constexpr uint8_t DRAFT_SUBOPT_FLOW_DESCRIPTION = FID_SUBOPT_TRAFFIC_SELECTOR;

/// Flow Attribute option PRO values (draft-sarikaya-netext-lma-init-flow-binding 7.2.1).
enum FlowAttributePro : uint8_t
{
    FA_PRO_RESERVED = 0,
    FA_PRO_ADD = 1,
    FA_PRO_DELETE = 2,
    FA_PRO_MODIFY = 3,
    FA_PRO_REFRESH = 4,
    FA_PRO_MOVE = 5,
    FA_PRO_SWITCH = 6, ///< switch to alternative local mobility anchors
};

/// Seconds per Lifetime unit of the Flow Attribute option (lma-init-flow-binding 7.2.1: "One
/// time unit is 4 seconds").
constexpr uint32_t FA_LIFETIME_UNIT_SECONDS = 4;

/// Flow Attribute option sub-option types (lma-init-flow-binding 7.2.2, 7.2.3; no Pad1/PadN).
enum FlowAttributeSubOptionType : uint8_t
{
    FA_SUBOPT_ALTERNATE_LMA = 1,
    FA_SUBOPT_TARGET_COA = 2,
    FA_SUBOPT_FLOW_DESCRIPTION = DRAFT_SUBOPT_FLOW_DESCRIPTION,
};

/// Multihoming option: default multihoming group (draft-melia-netext-muho-solution 4.1).
constexpr uint8_t MUHO_GROUP_DEFAULT = 0;
/// Multihoming option: ACT is the top 3 bits of the octet after MHGID, RFU the low 5.
constexpr uint8_t MUHO_ACT_SHIFT = 5;

/// Multihoming option ACT values, 3 bits (muho-solution 4.1).
enum MultihomingAct : uint8_t
{
    MUHO_ACT_RESERVED = 0,
    MUHO_ACT_REMOVE_FILTERS = 1,
    MUHO_ACT_KEEP_FILTERS = 2,
};

/// PBA status codes of muho-solution 6.1, which names them ("might be extended to include")
/// without numbers. MH_NOT_SUPPORTED_BY_LMA refuses the registration, so it is a rejection
/// (>= 128, top of the unassigned range); MH_FILTERS_REINSTANCIATION_NOT_SUPPORTED_BY_LMA
/// answers a removal (HI 4, ACT keep filters) that the LMA performs anyway, with the filters
/// removed instead of re-instantiated, so it is an acceptance (< 128, RFC 6275 6.1.8), top of
/// that range.
enum MultihomingStatus : uint8_t
{
    BA_MH_FILTERS_REINSTANTIATION_NOT_SUPPORTED_BY_LMA = 127,
    BA_MH_NOT_SUPPORTED_BY_LMA = 250,
};

/// Multihoming FID option: PRO is the low 4 bits of the octet after Action (muho-solution 4.2).
constexpr uint8_t MUHO_PRO_MASK = 0x0f;

/// Multihoming FID option PRO values: 0, 1, 15 as in the [MEXT] ancestor
/// draft-soliman-monami6-flow-binding 3.1 (add / replace / remove), 2 from muho-solution 4.2.
enum MuhoFidPro : uint8_t
{
    MUHO_PRO_ADD = 0,
    MUHO_PRO_MODIFY = 1,
    MUHO_PRO_REINSTANTIATED_BY_LMA = 2, ///< flow binding re-instantiated by LMA
    MUHO_PRO_REMOVE = 15,
};

/// Multihoming FID option sub-option types (no Pad1/PadN; the module's choice).
enum MuhoFidSubOptionType : uint8_t
{
    MUHO_SUBOPT_FLOW_DESCRIPTION = DRAFT_SUBOPT_FLOW_DESCRIPTION,
};

/// Flow Identification option (flow-binding variant): PRO is the top 4 bits of its octet
/// (draft-soliman-monami6-flow-binding 3.1).
constexpr uint8_t FBID_PRO_SHIFT = 4;

/// Flow Identification option (flow-binding variant) PRO values (monami6-flow-binding 3.1).
enum FbidPro : uint8_t
{
    FBID_PRO_ADD = 0,
    FBID_PRO_REPLACE = 1,
    FBID_PRO_REFRESH = 2,
    FBID_PRO_REMOVE = 15,
};

/// Flow Identification option Action values (monami6-flow-binding 3.1); also the Action of the
/// multihoming FID option (muho-solution 4.2 refers to the same [MEXT] option).
enum FbidAction : uint8_t
{
    FBID_ACTION_FORWARD = 1,
    FBID_ACTION_DISCARD = 2,
    FBID_ACTION_N_CAST = 3,
};

/// Flow Identification option per-flow Status (monami6-flow-binding 3.1); also used by the
/// multihoming FID option.
enum FbidStatus : uint8_t
{
    FBID_STATUS_SUCCESS = 0,
    FBID_STATUS_REJECTED_UNSPECIFIED = 128,
    FBID_STATUS_POORLY_FORMED = 129,
    FBID_STATUS_ADMINISTRATIVELY_PROHIBITED = 130,
    FBID_STATUS_PREFIX_NOT_SUPPORTED = 131,
    FBID_STATUS_PORTS_NOT_SUPPORTED = 132,
    FBID_STATUS_FLOW_LABEL_NOT_SUPPORTED = 133,
    FBID_STATUS_SPI_NOT_SUPPORTED = 134,
    FBID_STATUS_FID_ALREADY_IN_USE = 135,
    FBID_STATUS_FID_NOT_FOUND = 136,
    FBID_STATUS_CLASSIFIER_NOT_SUPPORTED = 137,
    FBID_STATUS_DISCARD_NOT_SUPPORTED = 138,
    FBID_STATUS_N_CAST_NOT_SUPPORTED = 139,
};

/// Flow Identification option (flow-binding variant) sub-option types (monami6-flow-binding
/// 3.2; no Pad1/PadN).
enum FbidSubOptionType : uint8_t
{
    FBID_SUBOPT_BINDING_REFERENCE = 1,
    FBID_SUBOPT_FLOW_DESCRIPTION = DRAFT_SUBOPT_FLOW_DESCRIPTION,
};

/// Local Routing Optimization option: LRI is the low 2 bits of its second octet (local-ro 9.1).
constexpr uint8_t LROPT_LRI_MASK = 0x03;

/// MN-CN pair option P flag: IPv4 HoA and IPv4 Proxy CoA present (local-ro 9.5).
constexpr uint8_t MNCN_FLAG_P = 0x80;

} // namespace mip6
} // namespace ns3

#endif /* PMIPV6_WIRE_NUMBERS_H */

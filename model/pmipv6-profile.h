/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_PROFILE_H
#define PMIPV6_PROFILE_H

#include "prefix-pool.h"

#include "ns3/address.h"
#include "ns3/ipv6-address.h"
#include "ns3/object.h"

#include <cstdint>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief The policy profile of one mobile node (RFC 5213 4.2, the "policy store").
 */
struct Pmipv6Profile
{
    /// The MN-Identifier (RFC 4283 NAI), the key of the profile.
    std::string mnId;
    /// Statically assigned HNPs; empty = the LMA assigns them from its pool.
    std::vector<HomeNetworkPrefix> homeNetworkPrefixes;
    /// The LMA serving this MN (the MAG sends its PBUs there); :: = any LMA of the domain.
    Ipv6Address lmaAddress;
    /// The MAGs (their Proxy-CoAs) allowed to register this MN; empty = any MAG.
    std::set<Ipv6Address> authorizedMags;
    /// Whether network-based mobility is enabled for this MN (else status 152).
    bool proxyRegistrationEnabled = true;
    /// The access technology types (RFC 5213 8.5) allowed; empty = any.
    std::set<uint8_t> allowedAccessTechnologies;
    /// The MN's link-layer (MAC) addresses, by which a MAG identifies an attaching MN
    /// (FindMnIdByLinkLayerAddress()); empty = the MAG learns the MN-ID otherwise.
    std::vector<Address> linkLayerAddresses;
    /// The MN's link-local address when it is not the one derived from the attaching
    /// link-layer address (RFC 4862): a logical interface over several physical devices
    /// (LogicalInterfaceNetDevice) has one link-local address for all of them. The MAG sends
    /// its Router Advertisements to it and pins it to the attaching link-layer address.
    /// :: = derived from the attaching link-layer address.
    Ipv6Address mnLinkLocalAddress;

    /// What a MAG asks for one attaching interface (RFC 5648 Binding Identifier option with
    /// the RFC 6089 BID-PRI).
    struct BindingPreference
    {
        uint16_t bindingId = 1;      ///< the BID asked for (1..65535; the LMA may give another)
        uint8_t bindingPriority = 0; ///< the BID-PRI (1..127; 0 = the LMA's default)
    };

    /// Per attaching interface, by its link-layer (MAC) address: the MAG includes a Binding
    /// Identifier option in the PBUs of that attachment, with this BID and BID-PRI, and
    /// keeps the BID the PBA gives. An interface not listed gets no option (the LMA then
    /// assigns the BID and its DefaultBindingPriority).
    std::map<Address, BindingPreference> bindingPreferences;

    /// IPv4 home address mobility (RFC 5844): a MAG with the IPv4 extension (MagIpv4Extension)
    /// asks for an IPv4 home address in this MN's PBUs, and an LMA with the IPv4 extension
    /// (LmaIpv4Extension) authorizes the request (else status 170,
    /// NOT_AUTHORIZED_FOR_IPV4_MOBILITY_SERVICE).
    bool ipv4HomeAddressMobility = false;

    /// IPv4-only mobile node (RFC 5844 3.1.3 / 3.2): with ipv4HomeAddressMobility, a MAG with
    /// the IPv4 extension sends this MN's PBUs with the IPv4 Home Address Request option and
    /// no Home Network Prefix option, accepts a PBA without one and sends the MN no Router
    /// Advertisement; an LMA with the IPv4 extension accepts such a PBU (no 158) and its
    /// binding cache entry has no home network prefix.
    bool ipv4Only = false;
};

/**
 * \brief Print a profile on one line.
 * \param os the stream
 * \param profile the profile
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, const Pmipv6Profile& profile);

/**
 * \ingroup pmipv6
 * \brief The policy store of a PMIPv6 domain: the profiles of the mobile nodes, keyed by
 * MN-Identifier. One object is shared by the LMA and the MAGs of a domain.
 *
 * Lookups are O(1) (hash maps by MN-ID and by static HNP; a map by link-layer address). A
 * statically assigned HNP, like a link-layer address, belongs to one MN only: adding a
 * profile that claims another MN's static HNP or link-layer address is a configuration error
 * (fatal).
 */
class Pmipv6ProfileStore : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Pmipv6ProfileStore();
    ~Pmipv6ProfileStore() override;

    /**
     * \brief Add a profile, replacing the one of the same MN-ID (a pointer returned by
     * Lookup() for that MN-ID stays valid and sees the new content).
     * \param profile the profile (its mnId must not be empty)
     */
    void AddProfile(const Pmipv6Profile& profile);
    /**
     * \brief Remove a profile (pointers to it become invalid).
     * \param mnId the MN-ID
     * \return false when there was no such profile
     */
    bool RemoveProfile(const std::string& mnId);
    /**
     * \brief Find a profile.
     * \param mnId the MN-ID
     * \return the profile, nullptr when unknown; valid until it is removed
     */
    const Pmipv6Profile* Lookup(const std::string& mnId) const;
    /**
     * \brief Find the profile that statically owns a prefix.
     * \param hnp the prefix
     * \return the profile, nullptr when no profile lists \p hnp
     */
    const Pmipv6Profile* LookupByPrefix(const HomeNetworkPrefix& hnp) const;
    /**
     * \brief The MN-ID of the profile listing a link-layer address (how a MAG identifies an
     * attaching MN; O(log n)).
     * \param address the MN's link-layer address
     * \return the MN-ID, empty when no profile lists \p address
     */
    std::string FindMnIdByLinkLayerAddress(const Address& address) const;
    /**
     * \brief Number of profiles.
     * \return the count
     */
    uint32_t GetProfileCount() const;
    /**
     * \brief All profiles, sorted by MN-ID.
     * \return pointers to the profiles
     */
    std::vector<const Pmipv6Profile*> GetProfiles() const;
    /**
     * \brief Remove every profile.
     */
    void Clear();

    /**
     * \brief Whether a MAG may register an MN (status 154 otherwise).
     * \param mnId the MN-ID
     * \param mag the MAG's Proxy-CoA
     * \return false when the MN is unknown or the profile lists other MAGs only
     */
    bool IsMagAuthorized(const std::string& mnId, Ipv6Address mag) const;
    /**
     * \brief Whether an MN may use a prefix (status 155 otherwise).
     *
     * With static HNPs in the profile: \p hnp must be one of them. Without (pool-assigned):
     * any prefix that is not another MN's static HNP; whether it is free is the LMA's and its
     * pool's business.
     * \param mnId the MN-ID
     * \param hnp the prefix
     * \return false when the MN is unknown or the prefix is not allowed
     */
    bool IsPrefixAllowed(const std::string& mnId, const HomeNetworkPrefix& hnp) const;
    /**
     * \brief Whether proxy registration is enabled for an MN (status 152 otherwise).
     * \param mnId the MN-ID
     * \return false when the MN is unknown or disabled
     */
    bool IsProxyRegistrationEnabled(const std::string& mnId) const;
    /**
     * \brief Whether an MN may attach over an access technology.
     * \param mnId the MN-ID
     * \param att the Access Technology Type (RFC 5213 8.5)
     * \return false when the MN is unknown or the technology is not listed
     */
    bool IsAccessTechnologyAllowed(const std::string& mnId, uint8_t att) const;
    /**
     * \brief Whether an LMA serves an MN (status 153 otherwise).
     * \param mnId the MN-ID
     * \param lma an address of the LMA
     * \return false when the MN is unknown or its profile names another LMA
     */
    bool IsLmaFor(const std::string& mnId, Ipv6Address lma) const;

  protected:
    void DoDispose() override;

  private:
    /**
     * \brief Remove a profile's static HNPs and link-layer addresses from the indexes.
     * \param profile the profile
     */
    void Unindex(const Pmipv6Profile& profile);

    /// Profiles by MN-ID (node-based: pointers to values survive rehashing).
    std::unordered_map<std::string, Pmipv6Profile> m_profiles;
    /// MN-ID owning each static HNP.
    std::unordered_map<HomeNetworkPrefix, std::string, HomeNetworkPrefixHash> m_staticPrefixes;
    /// MN-ID owning each link-layer address.
    std::map<Address, std::string> m_linkLayerAddresses;
};

} // namespace ns3

#endif // PMIPV6_PROFILE_H

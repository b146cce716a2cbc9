/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Wi-Fi association events for the MAGs on ns-3 releases whose ApWifiMac has no
 * AssociatedSta / DeAssociatedSta trace sources (ns-3.31 and older): the stations' own
 * Assoc / DeAssoc traces, reported to the MAG that owns the access point.
 */

#ifndef PMIPV6_WIFI_ASSOCIATION_BRIDGE_H
#define PMIPV6_WIFI_ASSOCIATION_BRIDGE_H

#include "ns3/callback.h"
#include "ns3/mac48-address.h"
#include "ns3/ptr.h"

#include <cstddef>
#include <cstdint>

namespace ns3
{

class NetDevice;

/**
 * \ingroup pmipv6
 * \brief Reports Wi-Fi (de)associations to the MAGs from the station side, for ns-3 releases
 * whose ApWifiMac has no AssociatedSta / DeAssociatedSta trace sources (ns-3.31 and older).
 *
 * With the AP traces (ns-3 >= 3.32, and the CMake build of ns-3 >= 3.36),
 * Pmipv6MagApplication::AddWifiAccessPoint connects to them and this class is not used.
 * Without them (PMIPV6_WIFI_ASSOCIATION_FROM_STATIONS, set by model/pmipv6-ns3-compat.h for
 * ns-3 <= 3.31), AddWifiAccessPoint registers the access point here instead (its MAC address,
 * which is its BSSID, to the MAG's callbacks), and every station is connected here: its
 * StaWifiMac's Assoc / DeAssoc traces (which carry the BSSID) look the BSSID up in a hash
 * map, O(1), and call the MAG that owns that access point with the station's MAC address,
 * as the AP traces would. Pmipv6Helper::AddMobileNode connects the Wi-Fi stations among its
 * devices (and behind a LogicalInterfaceNetDevice); a script that builds its mobile nodes
 * without it calls ConnectStation itself. A station is connected once, however often it is
 * passed. Both maps are emptied when the simulation is destroyed.
 *
 * Timing and meaning differ slightly from the AP traces: a station reports its association
 * when it receives the Association Response (the AP reports it when it sends it), with
 * association ID 0 (the station sets its AID after its trace fires); and it reports the loss
 * of its association (after StaWifiMac::MaxMissedBeacons missed beacons; on 3.31 also when
 * it reassociates after a change of its PHY capabilities), where ns-3's AP reports only a
 * Disassociation frame it receives.
 */
class Pmipv6WifiAssociationBridge
{
  public:
    /// What the MAG is told: the association ID (0 here) and the station's MAC address.
    typedef Callback<void, uint16_t, Mac48Address> AssociationCallback;

    /**
     * \brief Whether association is learned from the stations (the default on ns-3 <= 3.31,
     * else off unless SetUsed).
     * \return true when AddWifiAccessPoint registers here and stations are connected
     */
    static bool IsUsed();

    /**
     * \brief Learn association from the stations (true) or from the APs (false), for what is
     * installed from now on (tests; ns-3 >= 3.32 has both kinds of traces).
     * \param used whether to use the stations' traces
     */
    static void SetUsed(bool used);

    /**
     * \brief Route the associations with an access point to its MAG.
     *
     * Aborts when \p ap is no WifiNetDevice with an ApWifiMac. A later registration of the
     * same address replaces the earlier one.
     * \param ap the access point's WifiNetDevice
     * \param associated called when a station associates with it
     * \param deassociated called when a station loses its association with it
     */
    static void AddAccessPoint(Ptr<NetDevice> ap,
                               AssociationCallback associated,
                               AssociationCallback deassociated);

    /**
     * \brief Report a station's (de)associations to the MAG that owns the access point.
     *
     * Does nothing unless IsUsed(), or when \p device is no WifiNetDevice with a StaWifiMac
     * (any other device is left as it is), or is connected already.
     * \param device a device of a mobile node
     * \return whether the station was connected now
     */
    static bool ConnectStation(Ptr<NetDevice> device);

    /// \return the number of access points registered
    static std::size_t GetNAccessPoints();

    /// \return the number of stations connected
    static std::size_t GetNStations();

  private:
    /**
     * \brief A station associated (its Assoc trace).
     * \param station the station's MAC address
     * \param bssid the BSSID it associated with
     */
    static void StationAssociated(Mac48Address station, Mac48Address bssid);

    /**
     * \brief A station lost its association (its DeAssoc trace).
     * \param station the station's MAC address
     * \param bssid the BSSID it was associated with
     */
    static void StationDeassociated(Mac48Address station, Mac48Address bssid);

    /// Schedules Clear at Simulator::Destroy, once per simulation.
    static void ScheduleClear();

    /// Forgets every access point and station (at Simulator::Destroy).
    static void Clear();
};

} // namespace ns3

#endif // PMIPV6_WIFI_ASSOCIATION_BRIDGE_H

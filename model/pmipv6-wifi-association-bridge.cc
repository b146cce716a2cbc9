/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pmipv6-wifi-association-bridge.h"

#include "ns3/abort.h"
#include "ns3/ap-wifi-mac.h"
#include "ns3/log.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/sta-wifi-mac.h"
#include "ns3/wifi-net-device.h"

#include <unordered_map>
#include <unordered_set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6WifiAssociationBridge");

namespace
{

/// A MAC address as a 48-bit number, for hashing.
struct Mac48Hash
{
    /**
     * \param address the address
     * \return its hash
     */
    std::size_t operator()(const Mac48Address& address) const
    {
        uint8_t bytes[6];
        address.CopyTo(bytes);
        uint64_t value = 0;
        for (uint8_t byte : bytes)
        {
            value = (value << 8) | byte;
        }
        return std::hash<uint64_t>()(value);
    }
};

/// The MAG callbacks of one access point.
struct AccessPoint
{
    Pmipv6WifiAssociationBridge::AssociationCallback associated;   ///< a station associated
    Pmipv6WifiAssociationBridge::AssociationCallback deassociated; ///< a station left
};

/// The bridge's state: one per process, emptied at Simulator::Destroy.
struct BridgeState
{
#ifdef PMIPV6_WIFI_ASSOCIATION_FROM_STATIONS
    bool used{true}; ///< whether association is learned from the stations
#else
    bool used{false}; ///< whether association is learned from the stations
#endif
    bool clearScheduled{false}; ///< whether Clear runs at the next Simulator::Destroy
    std::unordered_map<Mac48Address, AccessPoint, Mac48Hash> accessPoints; ///< by BSSID
    std::unordered_set<Mac48Address, Mac48Hash> stations; ///< the stations connected
};

/// \return the bridge's state
BridgeState&
State()
{
    static BridgeState state;
    return state;
}

} // namespace

bool
Pmipv6WifiAssociationBridge::IsUsed()
{
    return State().used;
}

void
Pmipv6WifiAssociationBridge::SetUsed(bool used)
{
    NS_LOG_FUNCTION(used);
    State().used = used;
}

void
Pmipv6WifiAssociationBridge::AddAccessPoint(Ptr<NetDevice> ap,
                                            AssociationCallback associated,
                                            AssociationCallback deassociated)
{
    NS_LOG_FUNCTION(ap);
    Ptr<WifiNetDevice> wifi = DynamicCast<WifiNetDevice>(ap);
    NS_ABORT_MSG_IF(!wifi || !DynamicCast<ApWifiMac>(wifi->GetMac()),
                    "device " << ap->GetIfIndex() << " of node " << ap->GetNode()->GetId()
                              << " is no Wi-Fi access point");
    // An ApWifiMac's address is its BSSID.
    Mac48Address bssid = Mac48Address::ConvertFrom(ap->GetAddress());
    State().accessPoints[bssid] = AccessPoint{associated, deassociated};
    ScheduleClear();
}

bool
Pmipv6WifiAssociationBridge::ConnectStation(Ptr<NetDevice> device)
{
    NS_LOG_FUNCTION(device);
    if (!IsUsed())
    {
        return false;
    }
    Ptr<WifiNetDevice> wifi = DynamicCast<WifiNetDevice>(device);
    if (!wifi || !DynamicCast<StaWifiMac>(wifi->GetMac()))
    {
        return false;
    }
    Mac48Address station = Mac48Address::ConvertFrom(device->GetAddress());
    if (!State().stations.insert(station).second)
    {
        return false;
    }
    ScheduleClear();
    Ptr<WifiMac> mac = wifi->GetMac();
    bool ok = mac->TraceConnectWithoutContext(
        "Assoc",
        MakeBoundCallback(&Pmipv6WifiAssociationBridge::StationAssociated, station));
    ok = ok && mac->TraceConnectWithoutContext(
                   "DeAssoc",
                   MakeBoundCallback(&Pmipv6WifiAssociationBridge::StationDeassociated, station));
    NS_ABORT_MSG_IF(!ok, "StaWifiMac without Assoc / DeAssoc trace sources");
    return true;
}

std::size_t
Pmipv6WifiAssociationBridge::GetNAccessPoints()
{
    return State().accessPoints.size();
}

std::size_t
Pmipv6WifiAssociationBridge::GetNStations()
{
    return State().stations.size();
}

void
Pmipv6WifiAssociationBridge::StationAssociated(Mac48Address station, Mac48Address bssid)
{
    NS_LOG_FUNCTION(station << bssid);
    auto it = State().accessPoints.find(bssid);
    if (it == State().accessPoints.end())
    {
        NS_LOG_LOGIC("BSSID " << bssid << ": no MAG, association of " << station << " ignored");
        return;
    }
    it->second.associated(0, station);
}

void
Pmipv6WifiAssociationBridge::StationDeassociated(Mac48Address station, Mac48Address bssid)
{
    NS_LOG_FUNCTION(station << bssid);
    auto it = State().accessPoints.find(bssid);
    if (it == State().accessPoints.end())
    {
        NS_LOG_LOGIC("BSSID " << bssid << ": no MAG, loss of " << station << " ignored");
        return;
    }
    it->second.deassociated(0, station);
}

void
Pmipv6WifiAssociationBridge::ScheduleClear()
{
    if (!State().clearScheduled)
    {
        State().clearScheduled = true;
        Simulator::ScheduleDestroy(&Pmipv6WifiAssociationBridge::Clear);
    }
}

void
Pmipv6WifiAssociationBridge::Clear()
{
    NS_LOG_FUNCTION_NOARGS();
    State().accessPoints.clear();
    State().stations.clear();
    State().clearScheduled = false;
}

} // namespace ns3

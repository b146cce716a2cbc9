/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PMIPV6_SCENARIO_H
#define PMIPV6_SCENARIO_H

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * \brief An outage of a transport link: both directions lose every packet from \c down to
 * \c up (seconds).
 */
struct Pmipv6LinkOutage
{
    std::string a;  ///< one end (vertex name)
    std::string b;  ///< the other end (vertex name)
    double down{0}; ///< when the link goes down (s)
    double up{0};   ///< when it comes back (s)
};

/**
 * \ingroup pmipv6
 * \brief A reboot of an LMA or MAG application: at \c at it stops and loses its state
 * (bindings, timers, tunnels, routes), \c downtime later it starts again.
 */
struct Pmipv6AgentRestart
{
    std::string node;   ///< the LMA or MAG (vertex name)
    double at{0};       ///< when it goes down (s)
    double downtime{0}; ///< how long it stays down (s)
};

/**
 * \ingroup pmipv6
 * \brief Everything that defines one run of a Proxy Mobile IPv6 scenario: topology, mobile
 * nodes, traffic, handover schedule, PMIPv6 attributes, seed and run number.
 *
 * Plain data, so that the Python module, sweeps and C++ programs describe runs the same way.
 * Times are in seconds unless the field is an ns-3 time string.
 *
 * Topology: built by Pmipv6TopologyHelper, either "star" (MakeStar(nMags, magLmaDelay, access,
 * magSwitch):
 * CN - LMA - nMags MAGs) or the path of a DOT file (BuildFromDot syntax; it must have a "cn"
 * vertex, the first one carries the traffic; nMags, magLmaDelay and access then come from the
 * file). Mobile node k (0-based) is called "mn<k+1>" and attaches at
 * a_k = attachStart + k attachSpacing (defaults 0.5 s and 0.01 s) to MAG number k mod M
 * (GetMagNames() order). When moveInterval > 0 it then moves to the next MAG of the same
 * access type (cyclically) at a_k + (firstMove - attachStart) + j moveInterval +
 * U(0, moveJitter), j = 0, 1, ...: every node's schedule is relative to its own attachment
 * and it stays firstMove - attachStart at its first MAG (firstMove is the first move of mn1,
 * so a run with one mobile node is unchanged; moves after trafficStop are not made, a node
 * whose first move would come after it never moves). (Pmipv6TopologyHelper::ScheduleMove:
 * CSMA, the device leaves the old link and
 * joins the new one linkSwitchDelay later; Wi-Fi, the station is out of range for
 * linkSwitchDelay and then near the new access point, which it finds after missing
 * StaWifiMac::MaxMissedBeacons beacons).
 *
 * Traffic: one UDP flow per mobile node and direction (CN to home address, home address to
 * CN), packetSize octets every downlinkInterval / uplinkInterval s (0 disables a direction),
 * from trafficStart + U(0, interval) to trafficStop (0: simTime - 0.5 s).
 *
 * Faults (all off by default; see Pmipv6TopologyHelper's fault methods, and the DOT
 * attributes loss, loss_ab, loss_ba, burst, jitter, down, access_loss_up, access_loss_down,
 * access_burst, restart, which apply as well): random loss on the MAG-LMA links (every link on
 * the path from each MAG to its LMA; "up" is towards the LMA) and on the access links ("up"
 * is from the mobile nodes), each direction with its own loss ratio and a common mean burst
 * length (<= 1: independent losses, else Gilbert-Elliott bursts, see LinkFaultErrorModel);
 * per-packet delay jitter U(0, magLmaJitter) on the MAG-LMA links (point-to-point links then
 * reorder packets); transport link outages; and LMA or MAG reboots (state lost; a MAG's
 * mobile nodes are reported to it again when it is back).
 */
struct Pmipv6ScenarioConfig
{
    std::string topology{"star"};   ///< "star" or the path of a DOT file
    uint32_t nMags{2};              ///< MAGs of the star
    uint32_t nMns{1};               ///< mobile nodes
    std::string access{"csma"};     ///< access of the star's MAGs: "csma", "p2p" or "wifi"
    std::string magLmaDelay{"5ms"}; ///< one-way delay of each MAG-LMA link (star)
    /// star: the MAGs reach the LMA through one L2 aggregation switch (MakeStar's
    /// aggregationSwitch) instead of one link each
    bool magSwitch{false};
    double simTime{20.0};          ///< simulated time (s)
    double trafficStart{2.0};      ///< start of the UDP flows (s)
    double trafficStop{0.0};       ///< end of the UDP flows (s); 0: simTime - 0.5
    double downlinkInterval{0.01}; ///< CN to MN packet interval (s); 0: no downlink
    double uplinkInterval{0.01};   ///< MN to CN packet interval (s); 0: no uplink
    uint32_t packetSize{512};      ///< UDP payload (octets)
    /// attachment of the first mobile node (s)
    double attachStart{0.5};
    /// mobile node k (0-based) attaches at attachStart + k attachSpacing (s)
    double attachSpacing{0.01};
    /// first move of mn1 (s); every node's moves are relative to its own attachment, so
    /// mn<k+1> first moves at firstMove + k attachSpacing
    double firstMove{5.0};
    double moveInterval{5.0};     ///< time between two moves of a mobile node (s); 0: none
    double moveJitter{0.0};       ///< each move is delayed by U(0, moveJitter) s
    double linkSwitchDelay{0.05}; ///< time between leaving a link and joining the next (s)
    double binWidth{0.1};         ///< width of the time-series bins (s)
    /// loss ratio (0..1) from each MAG towards its LMA, on every link of the path
    double magLmaLossUp{0};
    /// loss ratio (0..1) from each LMA towards its MAGs, on every link of the paths
    double magLmaLossDown{0};
    /// mean loss burst length on the MAG-LMA links, in packets (<= 1: independent)
    double magLmaBurst{1};
    /// extra per-packet delay U(0, jitter) on the MAG-LMA links (ns-3 time string)
    std::string magLmaJitter{"0ms"};
    /// loss ratio (0..1) from the mobile nodes to their MAG, on every access link
    double accessLossUp{0};
    /// loss ratio (0..1) from the MAGs to their mobile nodes, on every access link
    double accessLossDown{0};
    /// mean loss burst length on the access links, in packets (<= 1: independent)
    double accessBurst{1};
    std::vector<Pmipv6LinkOutage> linkOutages; ///< transport link outages
    std::vector<Pmipv6AgentRestart> restarts;  ///< LMA and MAG reboots
    /// RFC 5847 heartbeat between MAGs and LMAs (Pmipv6TopologyHelper::EnableHeartbeat();
    /// interval and threshold: the attributes of ns3::MagHeartbeatExtension)
    bool heartbeat{false};
    /// IP version of every mobile node (Pmipv6TopologyHelper::SetMobileNodeIp): "v6" (IPv6
    /// flows), "dual" (an IPv4 home address too; the flows stay IPv6) or "v4" (an IPv4-only
    /// registration without a home network prefix, RFC 5844 3.1.3; the flows are IPv4,
    /// between the CN's IPv4 address and the node's IPv4 home address). Not "v6": the domain
    /// gets IPv4 (Pmipv6TopologyHelper::SetIpv4).
    std::string ip{"v6"};
    /// MAG-LMA network of the LMAs without a DOT `transport` attribute (the star's LMA):
    /// "v6" or "v4" (RFC 5844 4, Pmipv6TopologyHelper::SetTransport); "" = "v6".
    std::string transport;
    /// ip "v4" / "dual": the mobile nodes get their IPv4 address by DHCP from the MAG
    /// (Pmipv6TopologyHelper::SetMobileNodeDhcp) rather than from the helper.
    bool dhcp{false};
    std::map<std::string, std::string> attributes; ///< Config::SetDefault name -> value
    uint32_t seed{1};                              ///< RngSeedManager seed
    uint64_t run{1};                               ///< RngSeedManager run number
};

/**
 * \ingroup pmipv6
 * \brief FlowMonitor statistics of one flow.
 */
struct Pmipv6FlowResult
{
    uint32_t flowId{0};          ///< FlowMonitor flow id
    std::string mnId;            ///< mobile node of the flow ("" if none)
    std::string direction;       ///< "downlink", "uplink" or "other"
    std::string source;          ///< source address
    std::string destination;     ///< destination address
    uint16_t sourcePort{0};      ///< source port
    uint16_t destinationPort{0}; ///< destination port
    uint64_t txPackets{0};       ///< packets sent
    uint64_t rxPackets{0};       ///< packets received
    uint64_t lostPackets{0};     ///< txPackets - rxPackets
    uint64_t txBytes{0};         ///< bytes sent (IP)
    uint64_t rxBytes{0};         ///< bytes received (IP)
    double lossRatio{0};         ///< lostPackets / txPackets
    double throughputMbps{0};    ///< rxBytes over first transmission .. last reception
    double meanDelayMs{0};       ///< mean one-way delay of received packets
    double meanJitterMs{0};      ///< mean delay variation
};

/**
 * \ingroup pmipv6
 * \brief One completed registration reported by a MAG's RegistrationCompleted trace.
 */
struct Pmipv6RegistrationEvent
{
    std::string mnId;            ///< mobile node
    std::string mag;             ///< MAG name
    double time{0};              ///< when the accepted PBA arrived (s)
    double latencyMs{0};         ///< attachment to accepted PBA (ms)
    uint8_t handoffIndicator{0}; ///< HI of the PBU
    bool handover{false};        ///< not the mobile node's first registration
};

/**
 * \ingroup pmipv6
 * \brief One move of a mobile node between MAGs and what it cost.
 */
struct Pmipv6MoveResult
{
    std::string mnId;                  ///< mobile node
    uint32_t index{0};                 ///< 1 for the node's first move
    std::string fromMag;               ///< MAG left ("" if unknown)
    std::string toMag;                 ///< MAG joined
    double detachTime{-1};             ///< MAG's Detach trace (s); -1 if none was seen
    double attachTime{0};              ///< new MAG's Attach trace (s)
    double registrationTime{-1};       ///< accepted PBA at the new MAG (s); -1 if never
    double registrationLatencyMs{-1};  ///< attach to accepted PBA (ms); -1 if never
    double downlinkInterruptionMs{-1}; ///< largest downlink arrival gap around the move (ms)
    double uplinkInterruptionMs{-1};   ///< largest uplink arrival gap around the move (ms)
    bool restored{false};              ///< downlink (else uplink) packets arrived after the move
};

/**
 * \ingroup pmipv6
 * \brief Per mobile node summary.
 *
 * Registration at the end of the run: \c registered is true when the MAG the mobile node is
 * attached to holds an accepted binding for it (binding update list entry REGISTERED or
 * REFRESHING). Otherwise \c unregisteredReason says why, checked in this order:
 * "never-attached" (no MAG reported its attachment), "detached" (on no access link),
 * "registration-pending" (a PBU is still unanswered, entry REGISTERING or DEREGISTERING),
 * "rejected" (the last registration at the current MAG ended with a PBA rejecting it:
 * \c failureStatus), "no-pba" (it ended with the retransmissions given up, \c failureStatus
 * 0), "no-binding" (no entry and no failure, e.g. revoked by the LMA).
 */
struct Pmipv6MobileNodeResult
{
    std::string mnId;                 ///< mobile node
    std::string homeAddress;          ///< its home address
    std::string ipv4HomeAddress;      ///< its IPv4 home address (ip v4 / dual; "" if none)
    std::string firstMag;             ///< MAG it first attached to
    bool addressKept{false};          ///< same global address before its first move and at the end
    uint32_t moves{0};                ///< moves (attachments after the first)
    uint64_t downlinkRxPackets{0};    ///< UDP packets received by the mobile node
    uint64_t uplinkRxPackets{0};      ///< its UDP packets received by the CN
    double downlinkInterruptionMs{0}; ///< largest downlink interruption over its moves
    double meanDownlinkInterruptionMs{0}; ///< mean downlink interruption over its moves
    double uplinkInterruptionMs{0};       ///< largest uplink interruption over its moves
    double attachTime{0};                 ///< its first attachment (scheduled, s)
    std::string lastMag;                  ///< MAG it is attached to at the end ("" if none)
    /// its current MAG holds an accepted binding for it at the end
    bool registered{false};
    /// its entry at the current MAG at the end: "registered", "refreshing", "registering",
    /// "deregistering", or "none"
    std::string registrationState;
    /// "" when registered, else why not (see above)
    std::string unregisteredReason;
    /// status of the last PBA any MAG received for it; -1: none
    int lastPbaStatus{-1};
    /// status of the last failed registration at its current MAG since it attached there
    /// (0: no PBA, retransmissions given up); -1: none
    int failureStatus{-1};
    uint32_t registrationFailures{0}; ///< registrations given up (RegistrationFailed), any MAG
    uint32_t recoveries{0};           ///< PBUs re-sent after status 135, 156 or 157, any MAG
};

/**
 * \ingroup pmipv6
 * \brief Bytes per time bin through one IPv6 interface in one direction.
 */
struct Pmipv6TimeSeries
{
    std::string node; ///< node name ("mn1", "mag2", "lma", "cn")
    std::string role; ///< "mn", "mag", "lma", "cn"
    uint32_t interface {
        0
    };                           ///< IPv6 interface index
    std::string device;          ///< device kind: "csma", "wifi", "p2p", "tunnel", ...
    std::string link;            ///< "access" (MAG access link, MN device), "tunnel", "transport"
    std::string direction;       ///< "rx" or "tx" (IPv6 layer)
    std::vector<uint64_t> bytes; ///< bytes in bin k = [k binWidth, (k+1) binWidth)
};

/**
 * \ingroup pmipv6
 * \brief Everything a run measured, from traces and FlowMonitor.
 */
struct Pmipv6ScenarioResult
{
    std::vector<Pmipv6FlowResult> flows;                ///< per flow
    std::vector<Pmipv6RegistrationEvent> registrations; ///< every completed registration
    std::vector<Pmipv6MoveResult> moves;                ///< every move
    std::vector<Pmipv6MobileNodeResult> mobileNodes;    ///< per mobile node
    std::map<std::string, uint64_t> signalling;         ///< message counts by name
    /// PBAs the LMAs sent, by status (statuses never sent are absent)
    std::map<uint32_t, uint64_t> pbaStatus;
    std::vector<Pmipv6TimeSeries> timeSeries; ///< per interface and direction
    double binWidth{0.1};                     ///< width of the time-series bins (s)
    std::vector<std::string> magNames;        ///< the MAGs
    /// packets the injected faults lost: "from>to" per link direction, "access-up:<mag>",
    /// "access-down:<mag>", and "total" (empty without faults)
    std::map<std::string, uint64_t> faultLosses;
    double wallClockSeconds{0}; ///< real time the run took

    /**
     * \brief The run's scalar results, one flat map: what a sweep stores per run.
     * \return name -> value
     */
    std::map<std::string, double> GetScalars() const;
};

/**
 * \ingroup pmipv6
 * \brief Build, run and measure one scenario, then leave ns-3 clean for the next one.
 *
 * Applies every attribute with Config::SetDefault (an unknown name or an invalid value throws
 * std::invalid_argument before anything is built), sets the seed and run number, builds the
 * topology with Pmipv6TopologyHelper, the mobile nodes, traffic and moves, assigns fixed
 * random streams to every random variable (so a run never depends on earlier runs in the
 * process), runs, collects,
 * and finally calls Simulator::Destroy() and Config::Reset() (and resets the address
 * generators), so that several runs in one process are independent and reproducible.
 * Runs in one process must not overlap (ns-3 has one global simulator).
 * \param config the scenario
 * \return the results
 */
Pmipv6ScenarioResult RunPmipv6Scenario(const Pmipv6ScenarioConfig& config);

/**
 * \ingroup pmipv6
 * \brief Progress of a run: called with the simulated time reached and the simulated time the
 * run ends at (both in seconds).
 */
typedef std::function<void(double now, double end)> Pmipv6ProgressCallback;

/**
 * \ingroup pmipv6
 * \brief RunPmipv6Scenario() that reports its progress in simulated time: \p progress is
 * called at 0 and every \p interval simulated seconds during the run (one event per
 * interval, whatever the number of nodes), and once more when the run is over (now = end,
 * unless the callback called Simulator::Stop() to end the run early).
 * \param config the scenario
 * \param progress the callback (empty: none; see Pmipv6StderrProgress())
 * \param interval simulated seconds between two calls; 0 = simTime / 100
 * \return the results
 */
Pmipv6ScenarioResult RunPmipv6Scenario(const Pmipv6ScenarioConfig& config,
                                       Pmipv6ProgressCallback progress,
                                       double interval = 0);

/**
 * \ingroup pmipv6
 * \brief A progress callback that prints one line on stderr per call:
 * "progress: 12.0 / 40.0 s simulated (30%), 8.1 s wall".
 * \return the callback
 */
Pmipv6ProgressCallback Pmipv6StderrProgress();

} // namespace ns3

#endif /* PMIPV6_SCENARIO_H */

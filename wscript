# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
#
# Build file for waf-era ns-3 (3.35 and older): link this repository into
# contrib/pmipv6 and configure with --enable-modules=pmipv6.
# The lists below must match CMakeLists.txt; the pmipv6-build-files test suite
# checks that they do.


def configure(conf):
    # Pmipv6TopologyHelper reads GraphViz files with Boost.Graph's read_graphviz, which is
    # compiled into libboost_graph (Debian: libboost-graph-dev). Best effort: without it the
    # module is not built (waf-era ns-3 skips the modules in MODULES_NOT_BUILT).
    have = conf.check_cxx(lib='boost_graph', uselib_store='BOOST_GRAPH', mandatory=False,
                          fragment='#include <boost/graph/graphviz.hpp>\n'
                                   'int main() { return 0; }\n',
                          msg='Checking for Boost.Graph (libboost_graph)')
    conf.report_optional_feature('pmipv6-boost-graph', 'pmipv6 topologies (Boost.Graph)',
                                 bool(have), 'libboost_graph not found')
    if not have:
        conf.env['MODULES_NOT_BUILT'].append('pmipv6')


def build(bld):
    module = bld.create_ns3_module('pmipv6', ['internet', 'network', 'core', 'point-to-point',
                                              'csma', 'applications', 'mobility',
                                              'flow-monitor', 'virtual-net-device',
                                              'internet-apps', 'wifi'])
    # libboost_graph, found by configure() (waf's `use` takes uselib names too)
    module.use = list(getattr(module, 'use', [])) + ['BOOST_GRAPH']
    module.source = [
        'model/mobility-option.cc',
        'model/mobility-option-factory.cc',
        'model/mobility-header.cc',
        'model/binding-update-header.cc',
        'model/binding-revocation-header.cc',
        'model/localized-routing-header.cc',
        'model/update-notification-header.cc',
        'model/flow-binding-header.cc',
        'model/proxy-flow-binding-header.cc',
        'model/flow-mobility-header.cc',
        'model/local-routing-optimization-header.cc',
        'model/pmipv6-options.cc',
        'model/flow-options.cc',
        'model/flow-attribute-option.cc',
        'model/multihoming-options.cc',
        'model/flow-binding-options.cc',
        'model/local-routing-options.cc',
        'model/traffic-selector.cc',
        'model/flow-binding-table.cc',
        'model/flow-binding-forwarder.cc',
        'model/mobility-l4-protocol.cc',
        'model/signalling-transaction.cc',
        'helper/mobility-stack-helper.cc',
        'model/binding-cache.cc',
        'model/binding-update-list.cc',
        'model/prefix-pool.cc',
        'model/pmipv6-profile.cc',
        'model/ipv6-tunnel-l4-protocol.cc',
        'model/mag-routing.cc',
        'model/logical-interface-net-device.cc',
        'model/lma-routing.cc',
        'model/pmipv6-lma-application.cc',
        'model/pmipv6-lma-extension.cc',
        'model/lma-flow-identification-extension.cc',
        'model/lma-flow-mobility-extension.cc',
        'model/mag-flow-identification-extension.cc',
        'model/prefix-move-rule.cc',
        'model/lma-multihoming-extension.cc',
        'model/mag-multihoming-extension.cc',
        'model/lma-flow-mobility-signalling.cc',
        'model/mag-flow-mobility-extension.cc',
        'model/flow-move-policy.cc',
        'model/local-routing-policy.cc',
        'model/mag-local-route-table.cc',
        'model/lma-local-routing-monitor.cc',
        'model/mag-local-routing-extension.cc',
        'model/lma-local-routing-extension.cc',
        'model/pmipv6-mag-extension.cc',
        'model/pmipv6-mag-application.cc',
        'helper/pmipv6-helper.cc',
        'helper/mobility-message-samples.cc',
        'helper/pmipv6-topology-helper.cc',
        'helper/pmipv6-scenario.cc',
        'helper/logical-interface-helper.cc',
        'helper/pmipv6-dual-access-domain.cc',
        'helper/local-routing-domain.cc',
        ]

    module_test = bld.create_ns3_module_test_library('pmipv6')
    module_test.source = [
        'test/mobility-option-test-suite.cc',
        'test/mobility-messages-test-suite.cc',
        'test/pbu-pba-golden-test-suite.cc',
        'test/draft-messages-test-suite.cc',
        'test/pmipv6-options-test-suite.cc',
        'test/draft-options-test-suite.cc',
        'test/traffic-selector-test-suite.cc',
        'test/flow-binding-table-test-suite.cc',
        'test/mobility-l4-protocol-test-suite.cc',
        'test/signalling-transaction-test-suite.cc',
        'test/tshark-decode-test-suite.cc',
        'test/build-files-test-suite.cc',
        'test/pmipv6-state-test-suite.cc',
        'test/ipv6-tunnel-test-suite.cc',
        'test/pmipv6-routing-test-suite.cc',
        'test/prefix-table-test-suite.cc',
        'test/binding-identifier-test-suite.cc',
        'test/pmipv6-lma-test-suite.cc',
        'test/pmipv6-extension-test-suite.cc',
        'test/flow-identification-test-suite.cc',
        'test/flow-mobility-test-suite.cc',
        'test/multihoming-test-suite.cc',
        'test/flow-mobility-signalling-test-suite.cc',
        'test/pmipv6-registration-test-suite.cc',
        'test/pmipv6-topology-test-suite.cc',
        'test/pmipv6-scenario-test-suite.cc',
        'test/fuzz-regression-test-suite.cc',
        'test/logical-interface-test-suite.cc',
        'test/prefix-move-test-suite.cc',
        'test/local-routing-test-suite.cc',
        ]

    headers = bld(features='ns3header')
    headers.module = 'pmipv6'
    headers.source = [
        'model/pmipv6-wire-numbers.h',
        'model/mobility-option.h',
        'model/mobility-header.h',
        'model/binding-update-header.h',
        'model/binding-revocation-header.h',
        'model/localized-routing-header.h',
        'model/update-notification-header.h',
        'model/flow-binding-header.h',
        'model/proxy-flow-binding-header.h',
        'model/flow-mobility-header.h',
        'model/local-routing-optimization-header.h',
        'model/pmipv6-options.h',
        'model/flow-options.h',
        'model/flow-attribute-option.h',
        'model/multihoming-options.h',
        'model/flow-binding-options.h',
        'model/local-routing-options.h',
        'model/traffic-selector.h',
        'model/flow-binding-table.h',
        'model/flow-binding-forwarder.h',
        'model/mobility-l4-protocol.h',
        'model/signalling-transaction.h',
        'helper/mobility-stack-helper.h',
        'model/binding-cache.h',
        'model/binding-entry-table.h',
        'model/binding-update-list.h',
        'model/prefix-pool.h',
        'model/pmipv6-profile.h',
        'model/ipv6-tunnel-l4-protocol.h',
        'model/mag-routing.h',
        'model/logical-interface-net-device.h',
        'model/list-routing-install.h',
        'model/lma-routing.h',
        'model/prefix-table.h',
        'model/pmipv6-lma-application.h',
        'model/pmipv6-extension-list.h',
        'model/pmipv6-lma-extension.h',
        'model/lma-flow-identification-extension.h',
        'model/lma-flow-mobility-extension.h',
        'model/mag-flow-identification-extension.h',
        'model/prefix-move-rule.h',
        'model/lma-multihoming-extension.h',
        'model/mag-multihoming-extension.h',
        'model/mag-flow-mobility-extension.h',
        'model/flow-move-policy.h',
        'model/local-routing-policy.h',
        'model/mag-local-route-table.h',
        'model/lma-local-routing-monitor.h',
        'model/mag-local-routing-extension.h',
        'model/lma-local-routing-extension.h',
        'model/pmipv6-mag-extension.h',
        'model/proxy-binding-request.h',
        'model/pmipv6-mag-application.h',
        'helper/pmipv6-helper.h',
        'helper/mobility-message-samples.h',
        'helper/pmipv6-topology-helper.h',
        'helper/pmipv6-scenario.h',
        'helper/logical-interface-helper.h',
        'helper/pmipv6-dual-access-domain.h',
        'helper/local-routing-domain.h',
        ]

    if bld.env.ENABLE_EXAMPLES:
        bld.recurse('examples')

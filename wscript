# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
#
# Build file for waf-era ns-3 (3.35 and older): link this repository into
# contrib/pmipv6 and configure with --enable-modules=pmipv6.
# The lists below must match CMakeLists.txt; the pmipv6-build-files test suite
# checks that they do.


import os
import re

# model/pmipv6-ns3-compat.h bridges the API of waf-era ns-3 (3.31 to 3.35) to the
# ns-3.37 API the module is written in; build() force-includes it into every pmipv6
# translation unit (module, tests, examples) and defines PMIPV6_NS3_VERSION.
COMPAT_HEADER = 'model/pmipv6-ns3-compat.h'

# Sources that need Boost.Graph (Pmipv6TopologyHelper and what uses it), left out of the
# build when configure() does not find libboost_graph.
BOOST_GRAPH_SOURCES = [
    'helper/pmipv6-topology-helper.cc',
    'helper/pmipv6-scenario.cc',
    'helper/local-routing-domain.cc',
    'test/pmipv6-topology-test-suite.cc',
    'test/point-to-point-access-test-suite.cc',
    'test/pmipv6-scenario-test-suite.cc',
    'test/ipv6-hash-routing-test-suite.cc',
    'test/local-routing-test-suite.cc',
    'test/localized-routing-test-suite.cc',
    'test/inter-lma-local-routing-test-suite.cc',
    'test/ipv4-local-routing-test-suite.cc',
    'test/reliability-test-suite.cc',
    'test/mag-router-advertiser-test-suite.cc',
    'test/tshark-decode-test-suite.cc',
    'test/wifi-association-bridge-test-suite.cc',
    'helper/pmipv6-topology-helper.h',
    'helper/pmipv6-scenario.h',
    'helper/local-routing-domain.h',
    ]


def _ns3_version(conf):
    """ns-3's version as a number (3.31 -> 331, 3.30.1 -> 330), 0 when unknown."""
    node = conf.srcnode.find_node('VERSION')
    m = re.match(r'\s*3\.(\d+)', node.read() if node else '')
    return 300 + int(m.group(1)) if m else 0


def configure(conf):
    version = _ns3_version(conf)
    conf.env['PMIPV6_NS3_VERSION'] = version
    conf.msg('pmipv6: ns-3 version', version or 'unknown')

    # The module is C++17; waf-era ns-3 builds C++11 by default (--cxx-standard). The
    # module's own code (module, tests, examples) is then compiled with -std=c++17.
    flags = ' '.join(conf.env['CXXFLAGS'])
    cxx17 = re.search(r'-std=(c|gnu)\+\+(1[7z]|2[0-9a-z])', flags) is not None
    conf.env['PMIPV6_CXXFLAGS'] = [] if cxx17 else ['-std=c++17']
    conf.msg('pmipv6: C++17', 'yes' if cxx17 else
             'ns-3 is configured with an older standard: pmipv6 adds -std=c++17 to its own code '
             '(configure with --cxx-standard=-std=c++17 to build all of ns-3 so)',
             color='GREEN' if cxx17 else 'YELLOW')

    # Pmipv6TopologyHelper reads GraphViz files with Boost.Graph's read_graphviz, which is
    # compiled into libboost_graph (Debian: libboost-graph-dev). Without it the topology
    # helper and what is built on it (the scenario runner, the local routing domain, their
    # tests and examples) are left out.
    have = conf.check_cxx(lib='boost_graph', uselib_store='BOOST_GRAPH', mandatory=False,
                          fragment='#include <boost/graph/graphviz.hpp>\n'
                                   'int main() { return 0; }\n',
                          msg='Checking for Boost.Graph (libboost_graph)')
    conf.env['PMIPV6_BOOST_GRAPH'] = 'yes' if have else 'no'
    conf.report_optional_feature('pmipv6-boost-graph',
                                 'pmipv6 topology helper (Boost.Graph)', bool(have),
                                 'libboost_graph not found (Debian: libboost-graph-dev); '
                                 'Pmipv6TopologyHelper and its scenarios are not built')

    # The Python module (bindings/, pybind11) is built by the CMake build only (ns-3 >=
    # 3.36); waf-era ns-3 has its own pybindgen bindings, which the module does not provide.
    conf.report_optional_feature('pmipv6-python', 'pmipv6 Python module (pybind11)', False,
                                 'built by the CMake build of ns-3 >= 3.36 only')


def _compat(bld, path):
    """cxxflags and defines for a pmipv6 task generator in waf-era ns-3."""
    version = getattr(bld.env, 'PMIPV6_NS3_VERSION', 0) or 0
    if not version:
        return [], []
    root = path if isinstance(path, str) else path.abspath()
    header = os.path.join(root, COMPAT_HEADER)
    cxxflags = list(getattr(bld.env, 'PMIPV6_CXXFLAGS', []) or []) + ['-include', header]
    return cxxflags, ['PMIPV6_NS3_VERSION=%d' % version]


def _depend_on_compat(bld, tg):
    """waf's scanner does not see a force-included header: make every source of tg
    depend on it, so that a change to it rebuilds them."""
    if not getattr(bld.env, 'PMIPV6_NS3_VERSION', 0) or not hasattr(bld, 'add_manual_dependency'):
        return
    compat = bld.path.find_node(COMPAT_HEADER)
    for source in tg.source:
        node = bld.path.find_node(source)
        if node is not None and compat is not None:
            bld.add_manual_dependency(node, compat)


def _after_headers(bld, tgens):
    """Compile the sources of tgens after pmipv6's headers are in build/ns3.

    ns-3.31's waf orders its ns3header tasks (the copies of module headers into build/ns3)
    and its gen_ns3_module_header task (ns3/pmipv6-module.h) before linking, not before
    compiling, and posts them only for a plain `./waf build` or `--run`: a source that
    includes "ns3/x.h" could be compiled before x.h is copied ("ns3/x.h: No such file", seen
    after a new header), and `--targets` copied no header at all. The feature added here posts
    pmipv6's header task generators with the first of tgens that is posted and makes every
    compile task of tgens run after their tasks."""
    try:
        from waflib import TaskGen
    except ImportError:  # utils/check-wscript.py's stand-in for waf
        return
    if 'pmipv6_after_headers' not in TaskGen.feats:
        @TaskGen.feature('pmipv6_after_headers')
        @TaskGen.after_method('process_source')
        def pmipv6_after_headers(self):
            header_tasks = []
            # the copies first: the module header's generator reads their list
            for feature in ('ns3header', 'ns3moduleheader'):
                for gen in list(self.bld.all_task_gen):
                    if (getattr(gen, 'module', None) == 'pmipv6' and
                            feature in self.to_list(getattr(gen, 'features', []))):
                        gen.post()
                        header_tasks.extend(getattr(gen, 'tasks', []))
            for task in getattr(self, 'compiled_tasks', []):
                for header_task in header_tasks:
                    task.set_run_after(header_task)
    for tg in tgens:
        if isinstance(tg.features, str):
            tg.features += ' pmipv6_after_headers'
        else:
            tg.features = list(tg.features) + ['pmipv6_after_headers']


def _have_boost_graph(bld):
    return getattr(bld.env, 'PMIPV6_BOOST_GRAPH', 'yes') != 'no'


def _without_boost_graph(bld, files):
    if _have_boost_graph(bld):
        return files
    return [f for f in files if f not in BOOST_GRAPH_SOURCES]


def build(bld):
    module = bld.create_ns3_module('pmipv6', ['internet', 'network', 'core', 'point-to-point',
                                              'csma', 'bridge', 'applications', 'mobility',
                                              'flow-monitor', 'virtual-net-device',
                                              'internet-apps', 'wifi'])
    # libboost_graph, found by configure() (waf's `use` takes uselib names too)
    module.use = list(getattr(module, 'use', [])) + ['BOOST_GRAPH']
    cxxflags, defines = _compat(bld, bld.path)
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
        'model/flow-binding-sub-options.cc',
        'model/flow-binding-encoding.cc',
        'model/multihoming-options.cc',
        'model/flow-binding-options.cc',
        'model/local-routing-options.cc',
        'model/ipv4-options.cc',
        'model/ipv4-home-address-pool.cc',
        'model/ipv4-home-address-routing.cc',
        'model/pmipv6-ipv4-transport.cc',
        'model/lma-ipv4-transport-extension.cc',
        'model/mag-ipv4-transport-extension.cc',
        'model/lma-ipv4-extension.cc',
        'model/mag-ipv4-extension.cc',
        'model/mag-dhcp-server.cc',
        'model/traffic-selector.cc',
        'model/flow-binding-table.cc',
        'model/flow-binding-forwarder.cc',
        'model/ipv4-flow-binding-forwarder.cc',
        'model/mobility-l4-protocol.cc',
        'model/signalling-transaction.cc',
        'helper/mobility-stack-helper.cc',
        'model/binding-cache.cc',
        'model/binding-update-list.cc',
        'model/prefix-pool.cc',
        'model/link-fault-error-model.cc',
        'model/multicast-rx-filter.cc',
        'model/point-to-point-access-channel.cc',
        'model/heartbeat-header.cc',
        'model/pmipv6-profile.cc',
        'model/ipv6-hash-routing.cc',
        'model/ipv6-tunnel-l4-protocol.cc',
        'model/mag-routing.cc',
        'model/logical-interface-net-device.cc',
        'model/lma-routing.cc',
        'model/pmipv6-lma-application.cc',
        'model/pmipv6-lma-extension.cc',
        'model/lma-flow-identification-extension.cc',
        'model/lma-flow-mobility-extension.cc',
        'model/mag-flow-identification-extension.cc',
        'model/lma-flow-binding-extension.cc',
        'model/mag-flow-binding-extension.cc',
        'model/prefix-move-rule.cc',
        'model/lma-multihoming-extension.cc',
        'model/mag-multihoming-extension.cc',
        'model/lma-flow-mobility-signalling.cc',
        'model/mag-flow-mobility-extension.cc',
        'model/flow-move-policy.cc',
        'model/local-routing-policy.cc',
        'model/mag-local-route-table.cc',
        'model/lma-local-routing-monitor.cc',
        'model/lma-local-routing-handover.cc',
        'model/mag-local-routing-handover.cc',
        'model/lma-localized-routing.cc',
        'model/mag-localized-routing.cc',
        'model/mag-local-routing-extension.cc',
        'model/lma-local-routing-extension.cc',
        'model/lma-local-routing-inter-lma.cc',
        'model/mag-local-routing-inter-lma.cc',
        'model/lma-prefix-directory.cc',
        'model/pmipv6-mag-extension.cc',
        'model/mag-router-advertiser.cc',
        'model/pmipv6-mag-application.cc',
        'model/pmipv6-wifi-association-bridge.cc',
        'model/heartbeat-extension.cc',
        'helper/pmipv6-helper.cc',
        'helper/mobility-message-samples.cc',
        'helper/pmipv6-topology-helper.cc',
        'helper/pmipv6-scenario.cc',
        'helper/logical-interface-helper.cc',
        'helper/pmipv6-dual-access-domain.cc',
        'helper/local-routing-domain.cc',
        'helper/lma-flow-binding-domain.cc',
        ]
    module.source = _without_boost_graph(bld, module.source)
    module.cxxflags = list(getattr(module, 'cxxflags', [])) + cxxflags
    module.defines = list(getattr(module, 'defines', [])) + defines
    _depend_on_compat(bld, module)

    module_test = bld.create_ns3_module_test_library('pmipv6')
    module_test.source = [
        'test/mobility-option-test-suite.cc',
        'test/mobility-messages-test-suite.cc',
        'test/pbu-pba-golden-test-suite.cc',
        'test/draft-messages-test-suite.cc',
        'test/pmipv6-options-test-suite.cc',
        'test/ipv4-options-test-suite.cc',
        'test/ipv4-data-path-test-suite.cc',
        'test/ipv4-dhcp-test-suite.cc',
        'test/topology-ipv4-test-suite.cc',
        'test/ipv4-transport-test-suite.cc',
        'test/ipv4-drafts-test-suite.cc',
        'test/ipv4-local-routing-test-suite.cc',
        'test/ipv4-home-address-test-suite.cc',
        'test/ipv4-only-test-suite.cc',
        'test/ipv4-nat-keepalive-test-suite.cc',
        'test/draft-options-test-suite.cc',
        'test/traffic-selector-test-suite.cc',
        'test/flow-binding-table-test-suite.cc',
        'test/mobility-l4-protocol-test-suite.cc',
        'test/signalling-transaction-test-suite.cc',
        'test/tshark-decode-test-suite.cc',
        'test/build-files-test-suite.cc',
        'test/pmipv6-state-test-suite.cc',
        'test/ipv6-hash-routing-test-suite.cc',
        'test/ipv6-tunnel-test-suite.cc',
        'test/lma-point-to-multipoint-test-suite.cc',
        'test/pmipv6-routing-test-suite.cc',
        'test/prefix-table-test-suite.cc',
        'test/binding-identifier-test-suite.cc',
        'test/pmipv6-lma-test-suite.cc',
        'test/pmipv6-extension-test-suite.cc',
        'test/flow-identification-test-suite.cc',
        'test/lma-flow-binding-test-suite.cc',
        'test/flow-mobility-test-suite.cc',
        'test/multihoming-test-suite.cc',
        'test/flow-mobility-signalling-test-suite.cc',
        'test/pmipv6-registration-test-suite.cc',
        'test/pmipv6-topology-test-suite.cc',
        'test/point-to-point-access-test-suite.cc',
        'test/pmipv6-scenario-test-suite.cc',
        'test/fuzz-regression-test-suite.cc',
        'test/logical-interface-test-suite.cc',
        'test/prefix-move-test-suite.cc',
        'test/local-routing-test-suite.cc',
        'test/localized-routing-test-suite.cc',
        'test/inter-lma-local-routing-test-suite.cc',
        'test/reliability-test-suite.cc',
        'test/mag-router-advertiser-test-suite.cc',
        'test/wifi-association-bridge-test-suite.cc',
        ]
    module_test.source = _without_boost_graph(bld, module_test.source)
    module_test.cxxflags = list(getattr(module_test, 'cxxflags', [])) + cxxflags
    module_test.defines = list(getattr(module_test, 'defines', [])) + defines
    _depend_on_compat(bld, module_test)
    _after_headers(bld, [module, module_test])

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
        'model/flow-binding-sub-options.h',
        'model/flow-binding-encoding.h',
        'model/multihoming-options.h',
        'model/flow-binding-options.h',
        'model/local-routing-options.h',
        'model/ipv4-options.h',
        'model/ipv4-home-address-pool.h',
        'model/ipv4-home-address-routing.h',
        'model/pmipv6-ipv4-transport.h',
        'model/lma-ipv4-transport-extension.h',
        'model/mag-ipv4-transport-extension.h',
        'model/lma-ipv4-extension.h',
        'model/mag-ipv4-extension.h',
        'model/mag-dhcp-server.h',
        'model/traffic-selector.h',
        'model/flow-binding-table.h',
        'model/flow-binding-forwarder.h',
        'model/ipv4-flow-binding-forwarder.h',
        'model/mobility-l4-protocol.h',
        'model/signalling-transaction.h',
        'helper/mobility-stack-helper.h',
        'model/binding-cache.h',
        'model/binding-entry-table.h',
        'model/binding-update-list.h',
        'model/prefix-pool.h',
        'model/link-fault-error-model.h',
        'model/multicast-rx-filter.h',
        'model/point-to-point-access-channel.h',
        'model/heartbeat-header.h',
        'model/heartbeat-extension.h',
        'model/pmipv6-profile.h',
        'model/ipv6-hash-routing.h',
        'model/ipv6-tunnel-l4-protocol.h',
        'model/mag-routing.h',
        'model/logical-interface-net-device.h',
        'model/list-routing-install.h',
        'model/lma-routing.h',
        'model/prefix-table.h',
        'model/sequence-reply-cache.h',
        'model/pmipv6-lma-application.h',
        'model/pmipv6-extension-list.h',
        'model/pmipv6-lma-extension.h',
        'model/lma-flow-identification-extension.h',
        'model/lma-flow-mobility-extension.h',
        'model/mag-flow-identification-extension.h',
        'model/lma-flow-binding-extension.h',
        'model/mag-flow-binding-extension.h',
        'model/prefix-move-rule.h',
        'model/lma-multihoming-extension.h',
        'model/mag-multihoming-extension.h',
        'model/mag-flow-mobility-extension.h',
        'model/flow-move-policy.h',
        'model/local-routing-policy.h',
        'model/mag-local-route-table.h',
        'model/lma-local-routing-monitor.h',
        'model/lma-localized-routing.h',
        'model/mag-localized-routing.h',
        'model/mag-local-routing-extension.h',
        'model/lma-local-routing-extension.h',
        'model/lma-prefix-directory.h',
        'model/pmipv6-mag-extension.h',
        'model/proxy-binding-request.h',
        'model/mag-router-advertiser.h',
        'model/pmipv6-mag-application.h',
        'model/pmipv6-wifi-association-bridge.h',
        'helper/pmipv6-helper.h',
        'helper/mobility-message-samples.h',
        'helper/pmipv6-topology-helper.h',
        'helper/pmipv6-scenario.h',
        'helper/logical-interface-helper.h',
        'helper/pmipv6-dual-access-domain.h',
        'helper/local-routing-domain.h',
        'helper/lma-flow-binding-domain.h',
        'model/pmipv6-ns3-compat.h',
        ]
    headers.source = _without_boost_graph(bld, headers.source)

    if bld.env.ENABLE_EXAMPLES:
        bld.pmipv6_after_headers = lambda tgens: _after_headers(bld, tgens)
        bld.recurse('examples')

#!/usr/bin/env python3
"""Runs wscript's build() (and examples/wscript's) against a stand-in for waf's
build context, the way waf-era ns-3 (3.35 and older) calls them, and checks that
they declare the pmipv6 module, its test library, its headers and its examples,
and that every file they name exists. Exit status 0 when all is well.

Usage: check-wscript.py [REPO_ROOT]
"""
import os
import re
import sys
import types


class Obj(types.SimpleNamespace):
    """What waf's task generators look like to a wscript: attribute bags."""


class Bld:
    """A stand-in for waf's BuildContext with the ns-3 methods a wscript uses."""

    def __init__(self, root, path):
        self.root = root
        self.path = path  # directory of the wscript being run
        self.env = Obj(ENABLE_EXAMPLES=True, ENABLE_TESTS=True)
        self.modules, self.test_libs, self.headers, self.programs = [], [], [], []

    def create_ns3_module(self, name, deps):
        m = Obj(name=name, deps=list(deps), source=[], dir=self.path)
        self.modules.append(m)
        return m

    def create_ns3_module_test_library(self, name):
        t = Obj(name=name, source=[], dir=self.path)
        self.test_libs.append(t)
        return t

    def create_ns3_program(self, name, deps):
        p = Obj(name=name, deps=list(deps), source=[], dir=self.path)
        self.programs.append(p)
        return p

    def __call__(self, **kw):
        h = Obj(dir=self.path, module=None, source=[], **kw)
        self.headers.append(h)
        return h

    def recurse(self, sub):
        run_wscript(self, os.path.join(self.path, sub))


def run_wscript(bld, directory):
    code = open(os.path.join(directory, "wscript")).read()
    ns = {"__file__": os.path.join(directory, "wscript")}
    exec(compile(code, os.path.join(directory, "wscript"), "exec"), ns)
    saved, bld.path = bld.path, directory
    try:
        ns["build"](bld)
    finally:
        bld.path = saved


def sources(obj):
    return [obj.source] if isinstance(obj.source, str) else list(obj.source)


def module_includes(path):
    """The module headers a file includes ("ns3/x.h" or "x.h"), by base name."""
    text = open(path).read()
    return set(re.findall(r'#include\s+"(?:ns3/)?([^"/]+\.h)"', text))


def check_without_boost_graph(root):
    """Without Boost.Graph (configure sets PMIPV6_BOOST_GRAPH to 'no') the wscripts leave
    out the topology helper and what uses it: no source still built may include, directly
    or through a module header, a header that is left out."""
    bld = Bld(root, root)
    bld.env.PMIPV6_BOOST_GRAPH = "no"
    run_wscript(bld, root)
    hdrs = [h for h in bld.headers if h.features == "ns3header"]
    kept = {os.path.basename(s) for h in hdrs for s in sources(h)}
    every = {}
    for d in ("model", "helper"):
        for f in os.listdir(os.path.join(root, d)):
            if f.endswith(".h"):
                every[f] = os.path.join(root, d, f)
    errors = []
    if not any("pmipv6-topology-helper.h" not in sources(h) for h in hdrs) or \
            "pmipv6-topology-helper.h" in kept:
        errors.append("without Boost.Graph the topology helper is still built")
    for o in bld.modules + bld.test_libs + bld.programs:
        for s in sources(o):
            seen, todo = set(), [os.path.join(o.dir, s)]
            while todo:
                for inc in module_includes(todo.pop()):
                    if inc in every and inc not in seen:
                        seen.add(inc)
                        todo.append(every[inc])
            missing = sorted(i for i in seen if i not in kept)
            if missing:
                errors.append("without Boost.Graph, %s is built but includes %s, which is left out"
                              % (s, ", ".join(missing)))
    return errors


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(__file__), ".."))
    bld = Bld(root, root)
    run_wscript(bld, root)
    errors = []
    if [m.name for m in bld.modules] != ["pmipv6"]:
        errors.append("expected one create_ns3_module('pmipv6', ...), got %r"
                      % [m.name for m in bld.modules])
    if [t.name for t in bld.test_libs] != ["pmipv6"]:
        errors.append("expected one create_ns3_module_test_library('pmipv6')")
    hdrs = [h for h in bld.headers if h.features == "ns3header"]
    if len(hdrs) != 1 or hdrs[0].module != "pmipv6":
        errors.append("expected one bld(features='ns3header') with module 'pmipv6'")
    if not bld.programs:
        errors.append("no examples declared (examples/wscript not recursed?)")
    for what, objs in (("module", bld.modules), ("test library", bld.test_libs),
                       ("headers", hdrs), ("program", bld.programs)):
        for o in objs:
            if not sources(o):
                errors.append("%s %s has no source" % (what, getattr(o, "name", "")))
            for s in sources(o):
                if not os.path.exists(os.path.join(o.dir, s)):
                    errors.append("%s lists %s, which does not exist"
                                  % (os.path.relpath(os.path.join(o.dir, "wscript"), root), s))
    errors += check_without_boost_graph(root)
    for e in errors:
        print("check-wscript: " + e, file=sys.stderr)
    print("check-wscript: %d module, %d sources, %d tests, %d headers, %d examples: %s" % (
        len(bld.modules), sum(len(sources(m)) for m in bld.modules),
        sum(len(sources(t)) for t in bld.test_libs), sum(len(sources(h)) for h in hdrs),
        len(bld.programs), "FAILED" if errors else "ok"))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

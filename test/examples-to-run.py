#! /usr/bin/env python3

# A list of C++ examples to run in order to ensure that they remain
# buildable and runnable over time.  Each tuple in the list contains
#
#     (example_name, do_run, do_valgrind_run).
#
# See test.py for more information.
cpp_examples = [
    ("pmipv6-codec-showcase", "True", "True"),
    ("pmipv6-csma-handover --simTime=14 --handoverTime=8", "True", "False"),
    ("pmipv6-wifi-handover --simTime=30", "True", "False"),
    ("pmipv6-topology --mns=2 --simTime=12", "True", "False"),
    ("pmipv6-topology --topology=star:4 --mns=4 --simTime=12", "True", "False"),
    ("pmipv6-topology --topology=star:4:p2p --mns=4 --simTime=12", "True", "False"),
    ("pmipv6-logical-interface", "True", "False"),
    ("pmipv6-shared-prefix-flow-move", "True", "False"),
    ("pmipv6-flow-identification", "True", "False"),
    ("pmipv6-flow-identification --option=45", "True", "False"),
    ("pmipv6-lma-flow-binding", "True", "False"),
    ("pmipv6-lma-flow-binding --encoding=fbi", "True", "False"),
    ("pmipv6-multihoming", "True", "False"),
    ("pmipv6-ipv4", "True", "False"),
    ("pmipv6-ipv4 --transport=v4", "True", "False"),
    ("pmipv6-ipv4 --dhcp=1", "True", "False"),
    ("pmipv6-local-routing --case=intra-lma", "True", "False"),
    ("pmipv6-local-routing --case=intra-mag", "True", "False"),
    ("pmipv6-local-routing --case=intra-lma-lma-initiated", "True", "False"),
    ("pmipv6-local-routing --case=rfc6705", "True", "False"),
    ("pmipv6-local-routing --case=inter-lma", "True", "False"),
    ("pmipv6-local-routing --case=inter-lma-lma-initiated", "True", "False"),
    ("pmipv6-local-routing --case=intra-lma --ip=dual", "True", "False"),
    ("pmipv6-local-routing --case=intra-lma-lma-initiated --ip=dual --transport=v4", "True", "False"),
    ("pmipv6-local-routing --case=inter-lma-lma-initiated --ip=dual", "True", "False"),
    ("pmipv6-flow-mobility --mode=shared", "True", "False"),
    ("pmipv6-flow-mobility --mode=fmi", "True", "False"),
    ("pmipv6-flow-mobility --mode=upn", "True", "False"),
    ("pmipv6-flow-mobility --mode=prefix", "True", "False"),
    ("pmipv6-flow-mobility --mode=fmi --access=wifi", "True", "False"),
]

# A list of Python examples to run in order to ensure that they remain
# runnable over time.  Each tuple in the list contains
#
#     (example_name, do_run).
#
# See test.py for more information.
python_examples = []

#!/usr/bin/env bash
# Makes Debian source packages of SUITE (default: this machine's release)
# available to `apt-get source`, with a deb-src entry derived from the
# machine's own apt sources: the URI (and Signed-By key) of the existing `deb`
# entry for this release's main component, so that no mirror host name is
# written into this repository. Does nothing when a deb-src entry for SUITE
# main exists already. Runs `apt-get update` after adding the entry.
#
#   utils/apt-deb-src.sh            # e.g. bookworm on Debian 12
#   utils/apt-deb-src.sh bullseye   # Debian 11's sources, from the same mirror
#   utils/apt-deb-src.sh --print [SUITE]   # print the entry, change nothing
#
# Reads deb822 files (/etc/apt/sources.list.d/*.sources) and one-line lists
# (/etc/apt/sources.list, /etc/apt/sources.list.d/*.list).
set -euo pipefail

PRINT=0
if [ "${1:-}" = "--print" ]; then
    PRINT=1
    shift
fi
APT_DIR=${PMIPV6_APT_DIR:-/etc/apt} # a test can point this at a fake tree
CODENAME=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
SUITE=${1:-$CODENAME}
[ -n "$SUITE" ] || {
    echo "apt-deb-src: no suite given and none in /etc/os-release" >&2
    exit 1
}

# Prints "TYPE<TAB>URI<TAB>SUITE<TAB>COMPONENTS<TAB>SIGNED-BY" per entry and suite.
entries() {
    local f
    for f in "$APT_DIR"/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk -v OFS='\t' '
            function flush(   n, i, t, s, nt, ns, tt, ss) {
                if (types != "" && uris != "" && suites != "" && enabled != "no") {
                    nt = split(types, tt, " "); ns = split(suites, ss, " ")
                    split(uris, uu, " ")
                    for (i = 1; i <= nt; i++) for (s = 1; s <= ns; s++)
                        print tt[i], uu[1], ss[s], comps, signed
                }
                types = uris = suites = comps = signed = enabled = ""
            }
            /^[ \t]*#/ { next }
            /^[ \t]*$/ { flush(); next }
            {
                key = tolower($1); sub(/:$/, "", key); $1 = ""; sub(/^[ \t]+/, "")
                if (key == "types") types = $0
                else if (key == "uris") uris = $0
                else if (key == "suites") suites = $0
                else if (key == "components") comps = $0
                else if (key == "signed-by") signed = $0
                else if (key == "enabled") enabled = tolower($0)
            }
            END { flush() }' "$f"
    done
    for f in "$APT_DIR"/sources.list "$APT_DIR"/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        # deb [options] URI suite component...
        sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" | awk -v OFS='\t' '
            $1 == "deb" || $1 == "deb-src" {
                comps = $4; for (i = 5; i <= NF; i++) comps = comps " " $i
                print $1, $2, $3, comps, ""
            }'
    done
}

has_main() { [[ " $1 " == *" main "* ]]; }

# already there?
while IFS=$'\t' read -r type uri suite comps signed; do
    if [ "$type" = deb-src ] && [ "$suite" = "$SUITE" ] && has_main "$comps"; then
        [ "$PRINT" -eq 1 ] && echo "# present: deb-src $uri $suite $comps"
        exit 0
    fi
done < <(entries)

# the machine's own deb entry for its release's main component
src_uri="" src_signed=""
while IFS=$'\t' read -r type uri suite comps signed; do
    if [ "$type" = deb ] && [ "$suite" = "$CODENAME" ] && has_main "$comps"; then
        src_uri=$uri src_signed=$signed
        break
    fi
done < <(entries)
if [ -z "$src_uri" ]; then
    echo "apt-deb-src: no 'deb' entry for $CODENAME main in $APT_DIR; add a deb-src entry for $SUITE main by hand" >&2
    exit 1
fi

entry="Types: deb-src
URIs: $src_uri
Suites: $SUITE
Components: main"
[ -z "$src_signed" ] || entry="$entry
Signed-By: $src_signed"
if [ "$PRINT" -eq 1 ]; then
    echo "$entry"
    exit 0
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
target=$APT_DIR/sources.list.d/pmipv6-src-$SUITE.sources
echo "apt-deb-src: adding $target (deb-src $src_uri $SUITE main)"
echo "$entry" | as_root tee "$target" >/dev/null
as_root apt-get update -qq

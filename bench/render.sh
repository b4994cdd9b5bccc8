#!/usr/bin/env bash
# bench/render.sh — relgraph's embedded Graphviz (go-graphviz, WebAssembly)
# against Debian's native sfdp on the same DOT, in one run; and the start-up
# time of `relgraph rank`, warm and cold.
#
#   bash bench/render.sh            # 1,000 characters, 5,000 interactions
#   NODES=300 EDGES=1200 RUNS=5 bash bench/render.sh
#
# Needs Debian's graphviz package (installed with apt-get when missing).
# Native Graphviz is another version (Debian bookworm: 2.42) than the one
# compiled into go-graphviz (12.1): the ratio is what a user gets.
set -euo pipefail
cd "$(dirname "$0")/.."
NODES=${NODES:-1000}
EDGES=${EDGES:-5000}
RUNS=${RUNS:-3}
if ! command -v sfdp >/dev/null; then
	apt-get install -y graphviz >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/relgraph" ./cmd/relgraph
go build -o "$tmp/bench-render" ./bench/render

# The DOT: relgraph's map of a seeded random graph, every interaction drawn
# (--max-edges -1 in effect), written once per overlap setting and read by
# both sides: overlap=ortho (relgraph's default for maps of more than 40
# characters) and overlap=scale (its default for small sfdp maps, and for
# big ones before ortho: cheaper, but the map is three times as wide).
for overlap in ${OVERLAPS:-ortho scale}; do
echo "== sfdp layout + SVG, overlap=$overlap, $NODES characters, $EDGES interactions, $RUNS runs each"
"$tmp/bench-render" -nodes "$NODES" -edges "$EDGES" -runs 1 -overlap "$overlap" -dot "$tmp/g.dot" >/dev/null
"$tmp/bench-render" -in "$tmp/g.dot" -runs 1 -o "$tmp/go.svg" >/dev/null # warm the wazero cache

# whole process, DOT file in, SVG file out, on both sides: what a user gets.
time_runs() { # label, command...
	local label=$1
	shift
	local ts=()
	for i in $(seq "$RUNS"); do
		local s e t
		s=$(date +%s.%N)
		"$@" >/dev/null
		e=$(date +%s.%N)
		t=$(echo "$e - $s" | bc -l)
		ts+=("$t")
		printf '%s run %d: %.3f s\n' "$label" "$i" "$t" >&2
	done
	printf '%s\n' "${ts[@]}" | sort -g | awk -v n="$RUNS" 'NR == int(n/2)+1'
}
gmed=$(time_runs "go-graphviz (bench-render process)" "$tmp/bench-render" -in "$tmp/g.dot" -runs 1 -o "$tmp/go.svg")
nmed=$(time_runs "native sfdp -Tsvg (process)" sfdp -Tsvg "$tmp/g.dot" -o "$tmp/native.svg")
printf 'go-graphviz median: %.3f s (whole process: wasm from cache, parse, layout, SVG, relgraph post-processing)\n' "$gmed"
printf 'native sfdp median: %.3f s (%s)\n' "$nmed" "$(sfdp -V 2>&1)"
printf 'ratio go-graphviz / native sfdp (overlap=%s): %.2f\n' "$overlap" "$(echo "$gmed / $nmed" | bc -l)"
echo
echo "== where go-graphviz spends it (overlap=$overlap; one process, medians of $RUNS)"
"$tmp/bench-render" -in "$tmp/g.dot" -dot /dev/null -phases "$RUNS"
echo
done
echo
echo "== start-up (whole process): relgraph rank data/episodes/e01.txt, then relgraph render of it"
"$tmp/relgraph" render data/episodes/e01.txt -o "$tmp/e01.svg" # warm the compilation cache
for cmd in rank render; do
	args=(rank data/episodes/e01.txt)
	if [ "$cmd" = render ]; then args=(render data/episodes/e01.txt -o "$tmp/e01.svg"); fi
	for i in $(seq 5); do
		s=$(date +%s.%N)
		"$tmp/relgraph" "${args[@]}" >/dev/null
		e=$(date +%s.%N)
		printf '%s warm run %d: %.3f s\n' "$cmd" "$i" "$(echo "$e - $s" | bc -l)"
	done
	for i in $(seq 2); do
		cold=$(mktemp -d)
		s=$(date +%s.%N)
		TMPDIR=$cold "$tmp/relgraph" "${args[@]}" >/dev/null
		e=$(date +%s.%N)
		printf '%s cold run %d (empty wazero cache in $TMPDIR): %.3f s\n' "$cmd" "$i" "$(echo "$e - $s" | bc -l)"
		rm -rf "$cold"
	done
done

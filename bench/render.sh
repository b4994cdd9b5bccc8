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

echo "== sfdp layout + SVG, $NODES characters, $EDGES interactions, $RUNS runs each"
"$tmp/bench-render" -nodes "$NODES" -edges "$EDGES" -runs "$RUNS" -dot "$tmp/g.dot" | tee "$tmp/go.txt"
native=()
for i in $(seq "$RUNS"); do
	s=$(date +%s.%N)
	sfdp -Tsvg "$tmp/g.dot" -o "$tmp/native.svg"
	e=$(date +%s.%N)
	t=$(echo "$e - $s" | bc -l)
	native+=("$t")
	printf 'native sfdp run %d: %.3f s\n' "$i" "$t"
done
nmed=$(printf '%s\n' "${native[@]}" | sort -g | awk -v n="$RUNS" 'NR == int(n/2)+1')
gmed=$(awk '/median/ {print $3}' "$tmp/go.txt")
printf 'native sfdp median: %.3f s (%s)\n' "$nmed" "$(sfdp -V 2>&1)"
printf 'ratio go-graphviz / native sfdp: %.2f\n' "$(echo "$gmed / $nmed" | bc -l)"

echo
echo "== start-up: relgraph rank data/episodes/e01.txt (whole process)"
"$tmp/relgraph" rank data/episodes/e01.txt >/dev/null # warm the compilation cache
for i in $(seq 5); do
	s=$(date +%s.%N)
	"$tmp/relgraph" rank data/episodes/e01.txt >/dev/null
	e=$(date +%s.%N)
	printf 'warm run %d: %.3f s\n' "$i" "$(echo "$e - $s" | bc -l)"
done
for i in $(seq 2); do
	cold=$(mktemp -d)
	s=$(date +%s.%N)
	TMPDIR=$cold "$tmp/relgraph" rank data/episodes/e01.txt >/dev/null
	e=$(date +%s.%N)
	printf 'cold run %d (empty wazero cache in $TMPDIR): %.3f s\n' "$i" "$(echo "$e - $s" | bc -l)"
	rm -rf "$cold"
done

#!/usr/bin/env bash
# Fetching many feeds: `earshot run` on FEEDS sources (default 1,000) served by a loopback server
# that adds 100 ms of latency to every response (bench/fetch/slow_server.py), at
# fetch.concurrency = 32 (and fetch.perHost = 32, since every feed is on one host). The ideal is
# FEEDS x 0.1 s / 32. Each run starts from a fresh store (every feed answers 200 and is parsed,
# scored and stored); then RUNS runs on the same store (every feed answers 304).
# Usage: bench/fetch_many.sh [runs] [feeds]   (defaults: 5, 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
feeds=${2:-1000}
concurrency=32
scratch=${EARSHOT_SCRATCH:-.build-release}
swift build -c release --scratch-path "$scratch" >/dev/null
bin="$PWD/$scratch/release/earshot"
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 bench/fetch/slow_server.py "$work/port" "${EARSHOT_LATENCY:-0.1}" &
server=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
port=$(cat "$work/port")
{
  echo "lexicons: $PWD/lexicons"
  echo "fetch: {concurrency: $concurrency, perHost: $concurrency, allowPrivateAddresses: true, contact: https://example.org/bench}"
  echo "brands: [{name: Pinvale}, {name: Lumio}, {name: Tandem}]"
  echo "sources:"
  for i in $(seq 0 $((feeds - 1))); do echo "  - {id: f$i, url: 'http://127.0.0.1:$port/feed/$i.rss'}"; done
} > "$work/earshot.yaml"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ideal=$(awk -v n="$feeds" -v c="$concurrency" 'BEGIN {printf "%.3f", n * 0.1 / c}')
# The fetch stage alone (fetch, parse, score and store of every source), from the run's
# --verbose "sources read" line, in seconds.
stage() { sed -n 's/.*milliseconds=\([0-9]*\).*sources read.*/\1/p' "$1" | awk '{printf "%.2f", $1 / 1000}'; }
cold=(); rss=(); coldFetch=(); warmFetch=()
for i in $(seq "$runs"); do
  dir="$work/cold$i"; mkdir -p "$dir"
  (cd "$dir" && /usr/bin/time -f "%e %M" -o time "$bin" run --config "$work/earshot.yaml" --as-of 2026-11-20 --verbose >/dev/null 2>log)
  read -r t m < "$dir/time"; cold+=("$t"); rss+=("$m"); coldFetch+=("$(stage "$dir/log")")
done
warm=()
for i in $(seq "$runs"); do
  (cd "$work/cold1" && /usr/bin/time -f "%e %M" -o time "$bin" run --config "$work/earshot.yaml" --as-of 2026-11-20 --verbose >/dev/null 2>log)
  read -r t m < "$work/cold1/time"; warm+=("$t"); warmFetch+=("$(stage "$work/cold1/log")")
done
c=$(median "${cold[@]}"); w=$(median "${warm[@]}"); cf=$(median "${coldFetch[@]}"); wf=$(median "${warmFetch[@]}")
ratio() { awk -v a="$1" -v b="$ideal" 'BEGIN {printf "%.2f", a / b}'; }
echo "feeds=$feeds concurrency=$concurrency latency=${EARSHOT_LATENCY:-0.1}s ideal_s=$ideal runs=$runs"
echo "cold store (200; parse, score, store): fetch_stage_s=$cf ratio=$(ratio "$cf")  whole_run_wall_s=$c ratio=$(ratio "$c")  median_peak_rss_kb=$(median "${rss[@]}")"
echo "warm store (304 everywhere):           fetch_stage_s=$wf ratio=$(ratio "$wf")  whole_run_wall_s=$w ratio=$(ratio "$w")"

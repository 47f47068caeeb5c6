#!/usr/bin/env bash
# Parse speed and memory on a large feed (issue 3): builds earshot (release) and the libxml2
# floor (bench/parse/floor.c, SAX2 push and xmlTextReader), generates bench/out/big.rss (about
# 80 MB, 50,000 items) and bench/out/big.atom, then runs each floor variant and
# `earshot parse-feed` (JSON written to /dev/null) N times and prints median CPU time
# (user + system), median wall time, peak RSS and the ratio to the faster floor.
# Usage: bench/parse_feed.sh [runs]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
scratch=${EARSHOT_SCRATCH:-.build-release}
out=bench/out
mkdir -p "$out"
swift build -c release --scratch-path "$scratch" --product earshot >/dev/null
bin="$PWD/$scratch/release/earshot"
cc -O2 bench/parse/floor.c $(pkg-config --cflags --libs libxml-2.0) -o "$out/floor"
[ -s "$out/big.rss" ] && [ -s "$out/big.atom" ] || python3 bench/parse/make_big_feed.py "$out" >/dev/null

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# measure NAME CMD...: prints "cpu wall rss_kb" medians over $runs runs.
measure() {
  local cpu=() wall=() rss=() t
  t=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%U %S %e %M" -o "$t" "$@" >/dev/null
    read -r u s e m < "$t"
    cpu+=("$(echo "$u + $s" | bc)"); wall+=("$e"); rss+=("$m")
  done
  rm -f "$t"
  echo "$(median "${cpu[@]}") $(median "${wall[@]}") $(printf '%s\n' "${rss[@]}" | sort -n | tail -1)"
}

for feed in big.rss big.atom; do
  file="$out/$feed"
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN {printf "%.1f", b / 1e6}')
  read -r sax_cpu sax_wall sax_rss < <(measure "$out/floor" sax "$file")
  read -r rdr_cpu rdr_wall rdr_rss < <(measure "$out/floor" reader "$file")
  read -r es_cpu es_wall es_rss < <(measure "$bin" parse-feed "$file")
  floor=$(echo "if ($sax_cpu < $rdr_cpu) $sax_cpu else $rdr_cpu" | bc)
  echo
  echo "$feed ($mb MB), runs=$runs, medians; ratio = CPU / the faster floor's CPU"
  printf '%-26s %8s %8s %10s %7s %8s\n' program cpu_s wall_s peak_rss_mb MB/s ratio
  for row in "floor sax:$sax_cpu:$sax_wall:$sax_rss" "floor reader:$rdr_cpu:$rdr_wall:$rdr_rss" "earshot parse-feed:$es_cpu:$es_wall:$es_rss"; do
    IFS=: read -r name cpu wall rss <<< "$row"
    awk -v n="$name" -v c="$cpu" -v w="$wall" -v r="$rss" -v mb="$mb" -v f="$floor" \
      'BEGIN {printf "%-26s %8.2f %8.2f %10.1f %7.0f %8.2f\n", n, c, w, r / 1024, mb / (c > 0 ? c : 0.01), c / f}'
  done
done

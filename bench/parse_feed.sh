#!/usr/bin/env bash
# Parse speed and memory on a large feed (issue 3): builds earshot (release) and the libxml2
# floor (bench/parse/floor.c, SAX2 push and xmlTextReader), generates bench/out/big.rss (about
# 80 MB, 50,000 items) and bench/out/big.atom, then runs, in each of N rounds, each floor variant
# and `earshot parse-feed` (JSON written to /dev/null) one after the other, so that the machine's
# drift over minutes falls on all three alike. Prints per program the median CPU time (user +
# system, to the millisecond, bench/parse/cputime.py) and wall time over the rounds, the peak RSS
# (one more run each under /usr/bin/time), and the ratio of the medians to the faster floor's;
# then earshot's ratio to the SAX2 floor in each round.
# Usage: bench/parse_feed.sh [rounds]   (default 5)
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
peak_kb() { local t; t=$(mktemp); /usr/bin/time -f "%M" -o "$t" "$@" >/dev/null; cat "$t"; rm -f "$t"; }

for feed in big.rss big.atom; do
  file="$out/$feed"
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN {printf "%.1f", b / 1e6}')
  sax_cpu=(); sax_wall=(); rdr_cpu=(); rdr_wall=(); es_cpu=(); es_wall=(); per_round=()
  for _ in $(seq "$runs"); do
    read -r c w < <(python3 bench/parse/cputime.py "$out/floor" sax "$file"); sax_cpu+=("$c"); sax_wall+=("$w")
    read -r c w < <(python3 bench/parse/cputime.py "$out/floor" reader "$file"); rdr_cpu+=("$c"); rdr_wall+=("$w")
    read -r c w < <(python3 bench/parse/cputime.py "$bin" parse-feed "$file"); es_cpu+=("$c"); es_wall+=("$w")
    per_round+=("$(awk -v e="$c" -v f="${sax_cpu[-1]}" 'BEGIN {printf "%.3f", e / f}')")
  done
  sax=$(median "${sax_cpu[@]}"); rdr=$(median "${rdr_cpu[@]}"); es=$(median "${es_cpu[@]}")
  floor=$(awk -v a="$sax" -v b="$rdr" 'BEGIN {print (a < b ? a : b)}')
  echo
  echo "$feed ($mb MB), rounds=$runs, medians; ratio = CPU / the faster floor's CPU"
  printf '%-26s %8s %8s %12s %7s %8s\n' program cpu_ms wall_ms peak_rss_mb MB/s ratio
  for row in "floor sax:$sax:$(median "${sax_wall[@]}"):$(peak_kb "$out/floor" sax "$file")" \
             "floor reader:$rdr:$(median "${rdr_wall[@]}"):$(peak_kb "$out/floor" reader "$file")" \
             "earshot parse-feed:$es:$(median "${es_wall[@]}"):$(peak_kb "$bin" parse-feed "$file")"; do
    IFS=: read -r name cpu wall rss <<< "$row"
    awk -v n="$name" -v c="$cpu" -v w="$wall" -v r="$rss" -v mb="$mb" -v f="$floor" \
      'BEGIN {printf "%-26s %8.0f %8.0f %12.1f %7.0f %8.3f\n", n, c, w, r / 1024, mb / (c > 0 ? c / 1000 : 0.01), c / f}'
  done
  echo "earshot / floor sax, round by round: ${per_round[*]} (median $(median "${per_round[@]}"))"
done

#!/usr/bin/env bash
# `earshot score` against VADER's Python package and `wc -w` on the same lines, in one run.
# earshot on one core is `--jobs 1`; on two cores it is one process, `--jobs 2`.
# Usage: bench/score_vs_vader.sh [lines]   (default 300000). Needs: pip install vaderSentiment
# EARSHOT_BIN=path uses that binary instead of building .build-release.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-300000}
scratch=${EARSHOT_SCRATCH:-.build-release}
if [ -n "${EARSHOT_BIN:-}" ]; then
  bin=$EARSHOT_BIN
else
  swift build -c release --scratch-path "$scratch" >/dev/null
  bin="$PWD/$scratch/release/earshot"
fi
python3 -c "import vaderSentiment" 2>/dev/null || python3 -m pip install -q vaderSentiment
work=$(mktemp -d)
python3 bench/make_texts.py "$lines" "$work/texts.txt"

measure() { # label, command...: prints label, wall seconds, cpu seconds, peak RSS KB
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null
  read -r wall user sys rss < "$work/t"
  echo "$label $wall $(echo "$user + $sys" | bc) $rss"
}
{
  measure wc_w bash -c "wc -w < '$work/texts.txt'"
  measure earshot_1core bash -c "'$bin' score --lexicons lexicons --jobs 1 < '$work/texts.txt'"
  measure earshot_2cores bash -c "'$bin' score --lexicons lexicons --jobs 2 < '$work/texts.txt'"
  measure vader_1core bash -c "python3 bench/vader_score.py < '$work/texts.txt'"
} | tee "$work/results"
awk -v n="$lines" '
  { wall[$1]=$2; cpu[$1]=$3; rss[$1]=$4 }
  END {
    printf "lines=%d\n", n
    for (k in wall) printf "%-15s wall %7.2fs  cpu %7.2fs  %9.0f lines/s  peak %6d KB\n", k, wall[k], cpu[k], n / wall[k], rss[k]
    printf "earshot vs VADER, per core (cpu time): %.1fx\n", cpu["vader_1core"] / cpu["earshot_1core"]
    printf "earshot on 2 cores vs VADER on 1 (wall): %.1fx\n", wall["vader_1core"] / wall["earshot_2cores"]
    printf "earshot on 2 cores vs VADER on 1 (cpu time): %.1fx\n", cpu["vader_1core"] / cpu["earshot_2cores"]
    printf "wc -w vs VADER (wall): %.1fx\n", wall["vader_1core"] / wall["wc_w"]
  }' "$work/results"
rm -rf "$work"

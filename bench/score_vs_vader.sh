#!/usr/bin/env bash
# `earshot score` against VADER's Python package and `wc -w` on the same lines, in one run.
# earshot on one core is `--jobs 1`; on two cores it is one process, `--jobs 2`.
# Usage: bench/score_vs_vader.sh [lines] [rounds]   (defaults 300000 and 1). Needs: pip install vaderSentiment
# With several rounds each round measures all four commands in turn, and the ratios are given per
# round and as medians over the rounds (a shared machine's noise hits each round alike).
# EARSHOT_BIN=path uses that binary instead of building .build-release.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-300000}
rounds=${2:-1}
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

measure() { # round, label, command...: prints round, label, wall seconds, cpu seconds, peak RSS KB
  local round=$1 label=$2 cpu wall rss; shift 2
  # Wall and CPU time of the command alone, from its start to its exit, to the microsecond
  # (bench/parse/cputime.py: the child's own accounting). Until 2026-11-25 this was wall time
  # around `/usr/bin/time bash -c ...`, which counted those two programs' own start (~3 ms, 2.5%
  # of a two-core earshot run) against each command. Peak RSS from one more run under
  # /usr/bin/time, in the first round only (the others show the first's).
  read -r cpu wall < <(python3 bench/parse/cputime.py "$@" < "$work/texts.txt")
  rss=0
  if [ "$round" = 1 ]; then
    /usr/bin/time -f "%M" -o "$work/t" "$@" < "$work/texts.txt" >/dev/null
    read -r rss < "$work/t"
  fi
  echo "$round $label $(echo "scale=4; $wall / 1000" | bc) $(echo "scale=4; $cpu / 1000" | bc) $rss"
}
for round in $(seq "$rounds"); do
  measure "$round" wc_w wc -w
  measure "$round" earshot_1core "$bin" score --lexicons lexicons --jobs 1
  measure "$round" earshot_2cores "$bin" score --lexicons lexicons --jobs 2
  measure "$round" vader_1core python3 bench/vader_score.py
done | tee "$work/results"
awk -v n="$lines" -v rounds="$rounds" '
  function median(values, count,   i, j, t) {
    for (i = 2; i <= count; i++) for (j = i; j > 1 && values[j - 1] > values[j]; j--) { t = values[j]; values[j] = values[j - 1]; values[j - 1] = t }
    return count % 2 ? values[(count + 1) / 2] : (values[count / 2] + values[count / 2 + 1]) / 2
  }
  { wall[$1, $2] = $3; cpu[$1, $2] = $4; rss[$1, $2] = $5 > 0 ? $5 : rss[1, $2] }
  END {
    printf "lines=%d rounds=%d\n", n, rounds
    for (r = 1; r <= rounds; r++) {
      split("wc_w earshot_1core earshot_2cores vader_1core", labels, " ")
      for (k = 1; k <= 4; k++) printf "round %d %-15s wall %7.3fs  cpu %7.3fs  %9.0f lines/s  peak %6d KB\n", r, labels[k], wall[r, labels[k]], cpu[r, labels[k]], n / wall[r, labels[k]], rss[r, labels[k]]
      perCore[r] = cpu[r, "vader_1core"] / cpu[r, "earshot_1core"]
      twoWall[r] = wall[r, "vader_1core"] / wall[r, "earshot_2cores"]
      twoCPU[r] = cpu[r, "vader_1core"] / cpu[r, "earshot_2cores"]
      floor[r] = wall[r, "vader_1core"] / wall[r, "wc_w"]
      printf "round %d: per core %.1fx, two cores %.1fx (wall), wc -w %.1fx\n", r, perCore[r], twoWall[r], floor[r]
    }
    printf "earshot vs VADER, per core (cpu time): %.1fx\n", median(perCore, rounds)
    printf "earshot on 2 cores vs VADER on 1 (wall): %.1fx\n", median(twoWall, rounds)
    printf "earshot on 2 cores vs VADER on 1 (cpu time): %.1fx\n", median(twoCPU, rounds)
    printf "wc -w vs VADER (wall): %.1fx\n", median(floor, rounds)
    if (rounds > 1) print "(medians over the rounds)"
  }' "$work/results"
rm -rf "$work"

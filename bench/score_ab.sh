#!/usr/bin/env bash
# Interleaved A/B of `earshot score` binaries on the same lines: each round runs every binary once,
# in turn, so the shared machine's drift falls on all of them alike. Wall and CPU time come from
# the child's own accounting (bench/parse/cputime.py); the script prints each binary's medians and
# the median over the rounds of its wall time over the first binary's.
# Usage: bench/score_ab.sh ROUNDS JOBS BIN... [-- LINES]   (LINES: default 300000, from bench/make_texts.py)
# Example (paths from the package root; .build-release is ignored by git):
#   cp .build-release/release/earshot .build-release/earshot-before   # then change, rebuild, and:
#   bench/score_ab.sh 21 2 .build-release/earshot-before .build-release/release/earshot
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=$1 jobs=$2; shift 2
bins=(); lines=300000
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then lines=$2; break; fi
  bins+=("$1"); shift
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/make_texts.py "$lines" "$work/texts.txt"
for round in $(seq "$rounds"); do
  for k in "${!bins[@]}"; do
    read -r cpu wall < <(python3 bench/parse/cputime.py "${bins[$k]}" score --lexicons lexicons --jobs "$jobs" < "$work/texts.txt")
    echo "$round $k $wall $cpu"
  done
done | awk -v count="${#bins[@]}" -v names="${bins[*]}" '
  function median(x, n,   i, j, t, y) { for (i = 1; i <= n; i++) y[i] = x[i]; for (i = 2; i <= n; i++) for (j = i; j > 1 && y[j-1] > y[j]; j--) { t = y[j]; y[j] = y[j-1]; y[j-1] = t }; return n % 2 ? y[(n+1)/2] : (y[n/2] + y[n/2+1]) / 2 }
  { wall[$1, $2] = $3; cpu[$1, $2] = $4; rounds = $1 }
  END {
    split(names, name, " ")
    for (k = 0; k < count; k++) {
      for (r = 1; r <= rounds; r++) { W[r] = wall[r, k]; C[r] = cpu[r, k]; R[r] = wall[r, k] / wall[r, 0] }
      printf "%-50s wall %7.1f ms  cpu %7.1f ms  wall / first, per round: %.3f\n", name[k+1], median(W, rounds), median(C, rounds), median(R, rounds)
    }
    printf "(medians of %d rounds)\n", rounds
  }'

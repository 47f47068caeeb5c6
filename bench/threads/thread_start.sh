#!/usr/bin/env bash
# How soon a new thread runs beside its busy creator, left to the scheduler and placed on
# another core first (bench/threads/thread_start.c; what PlacedThread does). Needs gcc.
# Usage: bench/threads/thread_start.sh [rounds]   (default 10)
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -pthread thread_start.c -o "$work/thread_start"
rounds=${1:-10}
for place in 0 1; do
  [ "$place" = 0 ] && echo "# left to the scheduler" || echo "# placed on another core at its start"
  "$work/thread_start" "$rounds" "$place" | tee "$work/out"
  awk 'NR > 1 { s[NR - 1] = $2; e[NR - 1] = $3; n = NR - 1 }
       function median(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
                                          return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
       END { printf "median: side starts +%.0f us, ends +%.0f us (3,000 when both cores work at once)\n", median(s, n), median(e, n) }' "$work/out"
done

#!/usr/bin/env bash
# Times `earshot run` on the bundled demo (release build): N runs, each in a fresh folder
# (so every run parses, scores and stores all 808 mentions), prints the median wall time and the
# peak resident memory. Usage: bench/run_default.sh [runs]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
scratch=${EARSHOT_SCRATCH:-.build-release}
swift build -c release --scratch-path "$scratch" >/dev/null
bin="$PWD/$scratch/release/earshot"
config="$PWD/feeds/earshot.yaml"
times=(); rss=()
for i in $(seq "$runs"); do
  dir=$(mktemp -d)
  (cd "$dir" && /usr/bin/time -f "%e %M" -o "$dir/time" "$bin" run --config "$config" --as-of 2026-11-20 >/dev/null)
  read -r t m < "$dir/time"
  times+=("$t"); rss+=("$m")
  rm -rf "$dir"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "earshot run, bundled demo, cold store: runs=$runs median_wall_s=$(median "${times[@]}") median_peak_rss_kb=$(median "${rss[@]}") max_peak_rss_kb=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)"

# A second run on an up-to-date store (every source not modified): the hourly cron case.
dir=$(mktemp -d)
(cd "$dir" && "$bin" run --config "$config" --as-of 2026-11-20 >/dev/null)
warm=()
for i in $(seq "$runs"); do
  (cd "$dir" && /usr/bin/time -f "%e %M" -o "$dir/time" "$bin" run --config "$config" --as-of 2026-11-20 >/dev/null)
  read -r t m < "$dir/time"; warm+=("$t")
done
rm -rf "$dir"
echo "earshot run, bundled demo, warm store (nothing new): runs=$runs median_wall_s=$(median "${warm[@]}")"

#!/usr/bin/env bash
# Downloads the labelled files of FewCLUE's EPRSTMT that bench/accuracy/eprstmt.py scores, each
# pinned to the commit it was read at (the list comes from eprstmt.py --source). Nothing of it is
# committed: it goes to bench/out/accuracy/eprstmt/. The copies measured for BENCHMARKS.md were
# never downloaded (no network to GitHub here): each file was read through a text interface and
# saved as read, with LF line ends, where the repository's files appear to have CRLF; so there is
# no checksum to compare with, and a download keeps its own line ends (json reads both alike).
# Files already present are kept.
# Usage: bench/accuracy/fetch_eprstmt.sh [output folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-bench/out/accuracy/eprstmt}
status=0
while read -r repo commit path; do
  bench/accuracy/fetch_pinned.sh "$repo" "$commit" "$path" "$out/$(basename "$path")" || status=1
done < <(python3 bench/accuracy/eprstmt.py --source)
exit $status

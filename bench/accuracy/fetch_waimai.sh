#!/usr/bin/env bash
# Downloads waimai_10k (SophonPlus/ChineseNlpCorpus, datasets/waimai_10k/waimai_10k.csv: about
# 12,000 food-delivery reviews, each labelled 1 or 0 as a whole) that
# bench/accuracy/waimai_reviews.py scores. Pinned to the commit the file was read at, so the
# dev and test windows hold the same rows. Nothing of it is committed: it goes to
# bench/out/accuracy/waimai/. The copy measured for BENCHMARKS.md was never downloaded whole
# (no network here): five 16,000-character windows of it were read through a text interface and
# saved as page_<offset>.csv, which `waimai_reviews.py --pages` reads; so there is no checksum to
# compare with.
# Usage: bench/accuracy/fetch_waimai.sh [output folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-bench/out/accuracy/waimai}
commit=032ed697ea6b37f6b99b2203c8fdbe0a9b47fd3e
path=datasets/waimai_10k/waimai_10k.csv
if ! bench/accuracy/fetch_pinned.sh SophonPlus/ChineseNlpCorpus "$commit" "$path" "$out/$(basename "$path")"; then
  echo "  (or save its windows as $out/pages/page_<offset>.csv for waimai_reviews.py --pages)" >&2
  exit 1
fi

#!/usr/bin/env bash
# Downloads one of the Chinese review corpora that bench/accuracy/whole_reviews.py scores
# (waimai: waimai_10k food-delivery reviews; chnsenticorp: ChnSentiCorp_htl_all hotel reviews),
# pinned to the commit the file was read at, so that the dev and test windows hold the same rows.
# The repository, commit and path come from whole_reviews.py's table (--source). Nothing of it is
# committed: it goes to bench/out/accuracy/CORPUS/. The copies measured for BENCHMARKS.md were
# never downloaded whole (no network here): 16,000-character windows of each file were read
# through a text interface and saved as page_<offset>.csv, which `whole_reviews.py --pages`
# reads; so there is no checksum to compare with.
# Usage: bench/accuracy/fetch_reviews.sh waimai|chnsenticorp [output folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${1:?usage: fetch_reviews.sh waimai|chnsenticorp [output folder]}
out=${2:-bench/out/accuracy/$corpus}
read -r repo commit path < <(python3 bench/accuracy/whole_reviews.py --corpus "$corpus" --source)
if ! bench/accuracy/fetch_pinned.sh "$repo" "$commit" "$path" "$out/$(basename "$path")"; then
  echo "  (or save its windows as $out/pages/page_<offset>.csv for whole_reviews.py --pages)" >&2
  exit 1
fi

#!/usr/bin/env bash
# Downloads one file of a GitHub repository at a pinned commit, for the accuracy corpora
# (fetch_malay.sh, fetch_reviews.sh). Keeps a file that is already there (and, given a checksum,
# matches it); otherwise downloads it, and with a checksum warns when GitHub's bytes differ from
# the copy measured for BENCHMARKS.md (kept anyway: the rows are those of the same commit).
# Usage: bench/accuracy/fetch_pinned.sh OWNER/REPO COMMIT PATH FILE [SHA256]
# Exit 1, with a message saying where to put the file by hand, when the download fails.
set -euo pipefail
repo=$1 commit=$2 path=$3 file=$4 sha256=${5:-}
name=$(basename "$0")
mkdir -p "$(dirname "$file")"
if [ -s "$file" ] && { [ -z "$sha256" ] || echo "$sha256  $file" | sha256sum -c --status; }; then
  exit 0
fi
url="https://raw.githubusercontent.com/$repo/$commit/$path"
if ! curl -fsSL --max-time 60 -o "$file.part" "$url"; then
  rm -f "$file.part"
  echo "$name: could not download $url" >&2
  echo "  (no network to raw.githubusercontent.com here?) Put the file at $file by hand${sha256:+ (sha256 $sha256)}." >&2
  exit 1
fi
if [ -n "$sha256" ] && ! echo "$sha256  $file.part" | sha256sum -c --status; then
  echo "$name: warning: $url differs from the copy measured for BENCHMARKS.md (sha256 $sha256); kept anyway." >&2
fi
mv "$file.part" "$file"

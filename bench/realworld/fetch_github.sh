#!/bin/sh
# Re-downloads the feeds listed in bench/realworld/github_manifest.tsv (repo, path, commit, file)
# from raw.githubusercontent.com into bench/out/realworld/github/, each at the commit it was
# copied from, for bench/feedparser_agreement.py --corpus github=bench/out/realworld/github.
# Nothing of it is committed: the feeds belong to their authors.
#
# Usage: bench/realworld/fetch_github.sh   (needs curl and a network)
set -eu
cd "$(dirname "$0")/../.."
OUT=bench/out/realworld/github
mkdir -p "$OUT"
tail -n +2 bench/realworld/github_manifest.tsv | while IFS="$(printf '\t')" read -r repo path commit file; do
    [ -n "$repo" ] || continue
    url="https://raw.githubusercontent.com/$repo/$commit/$path"
    if curl -fsSL --retry 2 -o "$OUT/$file" "$url"; then
        echo "ok    $file"
    else
        echo "FAIL  $file  ($url)" >&2
    fi
done
echo "$(ls "$OUT" | wc -l) files in $OUT"

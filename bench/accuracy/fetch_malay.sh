#!/usr/bin/env bash
# Downloads the hand-labelled Malay tweets of mesolitica/malaysian-dataset (CC BY 4.0) that
# bench/accuracy/malay_tweets.py scores: sentiment/supervised-twitter/, the newest snapshot of
# label-studio project 12 (857 rows, "manually annotated by Husein Zolkepli using label studio";
# tab-separated despite the .csv name). Pinned to the commit the file was read at, so the rows and
# the dev/test halves stay the same. Nothing of it is committed: it goes to bench/out/accuracy/malay/.
# Usage: bench/accuracy/fetch_malay.sh [output folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-bench/out/accuracy/malay}
commit=9bb7611c665f8f6f35abc7e463be40dabe1a25c7
path=sentiment/supervised-twitter/project-12-at-2022-02-07-07-23-f7c54a91.csv
sha256=04f7ce3e3fc5d2ea198a860693bb1c18cb10d643a42a6373364bc2d054bd21df
exec bench/accuracy/fetch_pinned.sh mesolitica/malaysian-dataset "$commit" "$path" "$out/$(basename "$path")" "$sha256"

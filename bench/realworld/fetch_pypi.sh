#!/bin/sh
# Fetches the feed corpora of feedparser's and podcastparser's test suites (from their PyPI
# source distributions) into bench/out/realworld/ for bench/feedparser_agreement.py --corpus.
# Nothing of it is committed. Licences: feedparser's tests BSD-2-Clause, podcastparser ISC.
#
#   feedparser-wellformed/   tests/wellformed (the "well-formed" feeds of issue 3)
#   feedparser-encoding/     tests/encoding without HTTP headers
#   feedparser-encoding-http/ tests/encoding whose comment gives HTTP headers (Header: Content-type: ...):
#                            feedparser's harness serves them with those headers; parse-feed reads a
#                            file and has no option for a charset, so both parsers get the file alone
#   feedparser-illformed/    tests/illformed (exit check, and compared too)
#   podcastparser/           tests/data/*.rss
#
# Usage: bench/realworld/fetch_pypi.sh [PIP]   (PIP defaults to bench/out/venv/bin/pip)
set -eu
cd "$(dirname "$0")/../.."
PIP=${1:-bench/out/venv/bin/pip}
OUT=bench/out/realworld
mkdir -p "$OUT/pypi"
"$PIP" download --no-binary :all: --no-deps -d "$OUT/pypi" feedparser==6.0.14 podcastparser==0.6.11
tar -xzf "$OUT/pypi/feedparser-6.0.14.tar.gz" -C "$OUT/pypi"
tar -xzf "$OUT/pypi/podcastparser-0.6.11.tar.gz" -C "$OUT/pypi"
FP="$OUT/pypi/feedparser-6.0.14/tests"
rm -rf "$OUT/feedparser-wellformed" "$OUT/feedparser-encoding" "$OUT/feedparser-encoding-http" \
       "$OUT/feedparser-illformed" "$OUT/podcastparser"
cp -R "$FP/wellformed" "$OUT/feedparser-wellformed"
cp -R "$FP/illformed" "$OUT/feedparser-illformed"
mkdir -p "$OUT/feedparser-encoding" "$OUT/feedparser-encoding-http" "$OUT/podcastparser"
for f in "$FP"/encoding/*; do
    [ -f "$f" ] || continue
    if grep -aq '^Header:' "$f"; then cp "$f" "$OUT/feedparser-encoding-http/"; else cp "$f" "$OUT/feedparser-encoding/"; fi
done
cp "$OUT"/pypi/podcastparser-0.6.11/tests/data/*.rss "$OUT/podcastparser/"
for d in feedparser-wellformed feedparser-encoding feedparser-encoding-http feedparser-illformed podcastparser; do
    echo "$d: $(find "$OUT/$d" -type f | wc -l) files"
done

#!/bin/sh
# Brand matching at scale: generated aliases over generated texts, one pass (the Aho–Corasick
# BrandIndex) against the per-alias loop (PerAliasMatcher) on a sample, with medians.
# Usage: bench/match_aliases.sh [ALIASES=5000] [TEXTS=100000] [PER_ALIAS_SAMPLE=2000] [REPEATS=5]
set -eu
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
match=Sources/EarshotIngest/Match
# Everything under Match/ except MentionMatcher.swift is plain Swift (no EarshotCore), so the
# benchmark compiles it directly with the optimiser, without touching the shared .build folders.
mkdir -p "$out/match_aliases_src"
cp bench/match_aliases_main.swift "$out/match_aliases_src/main.swift"
swiftc -O -wmo -swift-version 6 -o "$out/match_aliases" \
    $(ls "$match"/*.swift | grep -v MentionMatcher.swift) bench/match_corpus.swift "$out/match_aliases_src/main.swift"
echo "machine: $(nproc) cores, $(uname -m), $(swiftc --version 2>&1 | head -1)"
"$out/match_aliases" "${1:-5000}" "${2:-100000}" "${3:-2000}" "${4:-5}"

#!/bin/sh
# The String-based per-alias loop that brand matching used before the Aho–Corasick pass
# (MentionMatcher.swift as of commit 3b1f1ed, read from git history), timed on the first texts
# of the same generated input as bench/match_aliases.sh.
# Usage: bench/match_aliases_old.sh [ALIASES=5000] [TEXTS=100]
set -eu
cd "$(dirname "$0")/.."
src=bench/out/match_aliases_old_src
mkdir -p "$src"
{
    echo 'struct BrandConfig { var name: String; var aliases: [String] = []; var acronyms: [String] = []; var exclude: [String] = [] }'
    # Drop the EarshotCore import and mentions(in:source:fetchedAt:), which need EarshotCore.
    git show 3b1f1ed:Sources/EarshotIngest/Match/MentionMatcher.swift \
        | sed -e '/^import EarshotCore/d' -e 's/public init(brands:/init(brands:/' \
        | awk '/The mentions in `document`/ {skip=1} /static func ranges\(/ {skip=0} !skip'
} > "$src/OldMentionMatcher.swift"
cp bench/match_aliases_old_main.swift "$src/main.swift"
swiftc -O -wmo -o bench/out/match_aliases_old "$src/OldMentionMatcher.swift" bench/match_corpus.swift "$src/main.swift"
bench/out/match_aliases_old "${1:-5000}" "${2:-100}"

// Times the pre-Aho–Corasick MentionMatcher (extracted by bench/match_aliases_old.sh) on the
// same generated aliases and texts as bench/match_aliases_main.swift (bench/match_corpus.swift).
import Foundation

let arguments = CommandLine.arguments
let aliasCount = arguments.count > 1 ? Int(arguments[1])! : 5_000
let textCount = arguments.count > 2 ? Int(arguments[2])! : 100
let (aliases, texts) = matchCorpus(aliasCount: aliasCount, textCount: textCount)

// 10 aliases per brand, as in the one-pass benchmark: the first is the brand's name.
let brands = stride(from: 0, to: aliases.count, by: 10).map { start in
    BrandConfig(name: aliases[start], aliases: Array(aliases[(start + 1)..<min(start + 10, aliases.count)]))
}
let matcher = MentionMatcher(brands: brands)
let start = Date()
var found = 0
for text in texts { found += matcher.brands(in: text).count }
let elapsed = Date().timeIntervalSince(start)
print("old String per-alias loop: \(aliasCount) aliases, first \(texts.count) texts: \(elapsed) s, \(elapsed / Double(texts.count) * 1e6) µs per text, \(found) brand matches")

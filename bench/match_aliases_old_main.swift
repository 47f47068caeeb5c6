// Times the pre-Aho–Corasick MentionMatcher (extracted by bench/match_aliases_old.sh) on the
// same generated aliases and texts as bench/match_aliases_main.swift (same generator and seed).
import Foundation

struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

let arguments = CommandLine.arguments
let aliasCount = arguments.count > 1 ? Int(arguments[1])! : 5_000
let sampleCount = arguments.count > 2 ? Int(arguments[2])! : 100
let textCount = sampleCount
var random = Generator(state: 42)
let syllables = ["ka", "lo", "vin", "tar", "pe", "zu", "mor", "qi", "den", "ra", "sol", "bex", "fi", "na", "gru", "tem"]
let han = Array("品维露米欧天星云海光华美新达通宝利")
var aliasSet = Set<String>()
var aliases: [String] = []
while aliases.count < aliasCount {
    let kind = random.next() % 10
    var alias: String
    switch kind {
    case 0: alias = (0..<3).map { _ in String(random.pick(Array("ABCDEFGHKLMNPRSTVXZ"))) }.joined()  // acronym
    case 1: alias = (0..<(2 + Int(random.next() % 2))).map { _ in String(random.pick(han)) }.joined()  // Chinese
    case 2, 3: alias = (0..<2).map { _ in (0..<2).map { _ in random.pick(syllables) }.joined() }.joined(separator: " ")
    default: alias = (0..<(2 + Int(random.next() % 3))).map { _ in random.pick(syllables) }.joined().firstCapital
    }
    if aliasSet.insert(alias).inserted { aliases.append(alias) }
}

let words = ["the", "support", "was", "slow", "and", "my", "refund", "never", "came", "love", "app", "order", "today",
             "great", "service", "delivery", "late", "again", "why", "is", "it", "so", "hard", "thanks", "team"]
var texts: [String] = []
texts.reserveCapacity(textCount)
for _ in 0..<textCount {
    var parts: [String] = []
    for _ in 0..<(10 + Int(random.next() % 15)) {
        let roll = random.next() % 100
        if roll < 3 { parts.append(random.pick(aliases)) }
        else if roll < 5 { parts.append(random.pick(syllables) + random.pick(syllables)) }  // near misses
        else { parts.append(random.pick(words)) }
    }
    if random.next() % 10 == 0 { parts.append("客服太慢了" + String(random.pick(han)) + String(random.pick(han))) }
    texts.append(parts.joined(separator: " "))
}

extension String { var firstCapital: String { prefix(1).uppercased() + dropFirst() } }

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

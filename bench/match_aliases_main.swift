// Benchmark: 5,000 generated aliases over 100,000 generated texts, matched in one pass
// (BrandIndex, the Aho–Corasick automaton) and, on a sample, alias by alias (PerAliasMatcher).
// Compiled by bench/match_aliases.sh together with bench/match_corpus.swift (the input) and
// Sources/EarshotIngest/Match (all but MentionMatcher.swift, the only file there that needs EarshotCore).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func seconds(_ body: () -> Void) -> Double {
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    body()
    clock_gettime(CLOCK_MONOTONIC, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
}

/// `value` with `digits` decimals (no Foundation here).
func f(_ value: Double, _ digits: Int = 3) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    if digits == 0 { return String(scaled) }
    let whole = scaled / Int(scale), fraction = String(scaled % Int(scale))
    return "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let arguments = CommandLine.arguments
let aliasCount = arguments.count > 1 ? Int(arguments[1])! : 5_000
let textCount = arguments.count > 2 ? Int(arguments[2])! : 100_000
let sampleCount = arguments.count > 3 ? Int(arguments[3])! : 2_000
let repeats = arguments.count > 4 ? Int(arguments[4])! : 5

let (aliases, texts) = matchCorpus(aliasCount: aliasCount, textCount: textCount)
// 10 aliases per brand: 500 brands.
var rules: [BrandRules] = []
for start in stride(from: 0, to: aliases.count, by: 10) {
    rules.append(BrandRules(names: Array(aliases[start..<min(start + 10, aliases.count)]), exclude: []))
}
let bytes = texts.reduce(0) { $0 + $1.utf8.count }
print("aliases \(aliases.count) in \(rules.count) brands; texts \(texts.count) (\(bytes) bytes); per-alias sample \(sampleCount)")

var index: BrandIndex!
let buildTime = seconds { index = BrandIndex(brands: rules) }
print("build: \(f(buildTime)) s (\(index.automaton.stateCount) automaton states)")

var onePass: [Double] = []
var found = 0
for _ in 0..<repeats {
    var total = 0
    onePass.append(seconds { for text in texts { total += index.brands(in: text).count } })
    found = total
}
let onePassMedian = median(onePass)
print("one pass, all \(texts.count) texts: median \(f(onePassMedian)) s of \(repeats) runs (\(f(Double(texts.count) / onePassMedian, 0)) texts/s), \(found) brand matches; runs: \(onePass.map { f($0) })")

let naive = PerAliasMatcher(brands: rules)
let sample = Array(texts.prefix(sampleCount))
var perAlias: [Double] = []
var disagreements = 0
for _ in 0..<max(1, repeats / 2) {
    perAlias.append(seconds { for text in sample { _ = naive.brands(in: text) } })
}
for text in sample where naive.brands(in: text) != index.brands(in: text) { disagreements += 1 }
let perAliasMedian = median(perAlias)
let perTextOnePass = onePassMedian / Double(texts.count)
let perTextPerAlias = perAliasMedian / Double(sample.count)
let perAliasRate = Double(sample.count) / perAliasMedian
let extrapolated = perTextPerAlias * Double(texts.count)
print("per-alias loop, first \(sample.count) texts: median \(f(perAliasMedian)) s of \(perAlias.count) runs (\(f(perAliasRate, 0)) texts/s); all \(texts.count) texts would take ~\(f(extrapolated, 0)) s")
let ratio = perTextPerAlias / perTextOnePass
print("per text: one pass \(f(perTextOnePass * 1e6, 2)) µs, per-alias \(f(perTextPerAlias * 1e6, 1)) µs; ratio \(f(ratio, 0))x; disagreements on the sample: \(disagreements)")

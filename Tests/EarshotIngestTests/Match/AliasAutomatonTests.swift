import EarshotCore
import Testing
@testable import EarshotIngest

/// The one-pass automaton against plain per-alias search, on thousands of generated aliases.
struct AliasAutomatonTests {
    struct Random {
        var state: UInt64
        mutating func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next() % items.count] }
    }

    static let syllables = ["ka", "lo", "vin", "tar", "pe", "zu", "mor", "qi", "den", "ra", "a", "n"]
    static let han = Array("品维露米欧天星云海光")

    /// Aliases of every kind: words, two-word phrases, acronyms, Chinese, accented, overlapping.
    static func aliases(_ count: Int, _ random: inout Random) -> [String] {
        var seen = Set<String>(), result: [String] = []
        while result.count < count {
            let alias: String
            switch random.next() % 8 {
            case 0: alias = (0..<(2 + random.next() % 2)).map { _ in String(random.pick(Array("ABCDKLMNPT"))) }.joined()
            case 1: alias = (0..<(1 + random.next() % 3)).map { _ in String(random.pick(han)) }.joined()
            case 2: alias = random.pick(syllables) + random.pick(syllables) + " " + random.pick(syllables) + random.pick(syllables)
            case 3: alias = random.pick(syllables) + "é" + random.pick(syllables)
            case 4: alias = "品" + random.pick(syllables)  // Chinese start, Latin end: a boundary only after
            default: alias = (0..<(1 + random.next() % 3)).map { _ in random.pick(syllables) }.joined()
            }
            if seen.insert(alias).inserted { result.append(alias) }
        }
        return result
    }

    static func texts(_ count: Int, aliases: [String], _ random: inout Random) -> [String] {
        (0..<count).map { _ in
            (0..<(3 + random.next() % 12)).map { _ -> String in
                switch random.next() % 10 {
                case 0, 1: return random.pick(aliases)
                case 2: return random.pick(aliases).uppercased()
                case 3: return random.pick(syllables) + random.pick(syllables) + random.pick(syllables)
                case 4: return String(random.pick(han)) + String(random.pick(han))
                case 5: return "ÉTÉ İstanbul"  // lowercasing changes the byte length of İ
                default: return random.pick(["the", "refund", "support,", "(", "!", "já", "客服"])
                }
            }.joined(separator: random.next() % 4 == 0 ? "" : " ")
        }
    }

    @Test func thousandsOfAliasesMatchLikeThePerAliasLoop() {
        var random = Random(state: 7)
        let aliases = Self.aliases(3_000, &random)
        // 300 brands of 10 aliases; every fifth brand also has an exclusion made of two aliases.
        let brands = stride(from: 0, to: aliases.count, by: 10).map { start in
            BrandRules(names: Array(aliases[start..<(start + 10)]), acronyms: [],
                       exclude: start % 50 == 0 ? [aliases[start] + " " + aliases[start + 1]] : [])
        }
        let index = BrandIndex(brands: brands)
        let reference = PerAliasMatcher(brands: brands)
        // 400 texts against all 3,000 aliases: the per-alias reference is slow in a debug build
        // (3,000 texts took ~19 s), and every alias is still in the automaton being checked.
        let texts = Self.texts(400, aliases: aliases, &random)
        var matched = 0
        for text in texts {
            let expected = reference.brands(in: text)
            #expect(index.brands(in: text) == expected, "\(text)")
            matched += expected.count
        }
        #expect(matched > 400, "the generated texts name many brands")
    }

    @Test func everyOccurrenceIsReportedIncludingOverlapsAndSuffixes() {
        let patterns = ["he", "she", "his", "hers", "s", "ushers"].map { Array($0.utf8) }
        let automaton = AliasAutomaton(patterns: patterns)
        let text = Array("ushers and his shed".utf8)
        var found: [String] = []
        text.withUnsafeBufferPointer { buffer in
            automaton.forEachMatch(in: buffer) { id, end in
                found.append("\(String(decoding: patterns[id], as: UTF8.self))@\(end - patterns[id].count)")
            }
        }
        var naive: [String] = []
        for end in 1...text.count {
            for pattern in patterns where end >= pattern.count && Array(text[(end - pattern.count)..<end]) == pattern {
                naive.append("\(String(decoding: pattern, as: UTF8.self))@\(end - pattern.count)")
            }
        }
        #expect(found.sorted() == naive.sorted())
        #expect(found.count == 11)  // ushers, she×2, he×2, hers, his, s×4
    }

    @Test func emptyAndNoPatternsMatchNothing() {
        let automaton = AliasAutomaton(patterns: [[], []])
        var count = 0
        Array("anything".utf8).withUnsafeBufferPointer { automaton.forEachMatch(in: $0) { _, _ in count += 1 } }
        #expect(count == 0)
        #expect(BrandIndex(brands: []).brands(in: "anything").isEmpty)
    }
}

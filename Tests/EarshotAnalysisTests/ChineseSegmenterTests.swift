@testable import EarshotAnalysis
import Testing

/// The segmenter against a plain reading of its rules on `String`s: forward and backward
/// maximum matching over every candidate of at most ``ChineseSegmenter/maxWord`` characters,
/// then fewer words, fewer stray characters, fewer single characters, and backward on a tie.
/// The segmenter's shortcuts (edge lengths, the word filter, the shared answers, equal
/// matchings taken at once) must give the same words.
@Suite("ChineseSegmenter")
struct ChineseSegmenterTests {
    /// The words of `run` by the rules alone, before negators are split off.
    static func reference(_ run: String, segmenter: ChineseSegmenter) -> [String] {
        let characters = run.map(String.init)
        func isWord(_ range: Range<Int>) -> Bool {
            segmenter.roles[characters[range].joined()]?.contains(.dictionary) == true
        }
        var forward: [Range<Int>] = [], start = 0
        while start < characters.count {
            var length = min(segmenter.maxWord, characters.count - start)
            while length > 1, !isWord(start..<(start + length)) { length -= 1 }
            forward.append(start..<(start + length))
            start += length
        }
        var backward: [Range<Int>] = [], end = characters.count
        while end > 0 {
            var length = min(segmenter.maxWord, end)
            while length > 1, !isWord((end - length)..<end) { length -= 1 }
            backward.insert((end - length)..<end, at: 0)
            end -= length
        }
        func stray(_ words: [Range<Int>]) -> Int { words.count { $0.count == 1 && !isWord($0) } }
        func singles(_ words: [Range<Int>]) -> Int { words.count { $0.count == 1 } }
        let chosen: [Range<Int>]
        if forward.count != backward.count {
            chosen = forward.count < backward.count ? forward : backward
        } else if stray(forward) != stray(backward) {
            chosen = stray(forward) < stray(backward) ? forward : backward
        } else {
            chosen = singles(forward) < singles(backward) ? forward : backward
        }
        return chosen.map { characters[$0].joined() }
    }

    /// Runs to segment: the labelled Chinese sentences cut at anything but Han characters, and
    /// pairs and triples of the lexicon's words run together (where edges of words meet); and
    /// each of those with a compatibility ideograph for every character that has one (U+F900 to
    /// U+FAFF: read through their canonical forms, not by their bytes).
    static func runs() throws -> [String] {
        let plain = try plainRuns()
        var compatible: [Character: Character] = [:]
        for value in UInt32(0xF900)...0xFAFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let compatibility = Character(scalar), unified = String(compatibility).precomposed
            if unified.unicodeScalars.count == 1, unified.unicodeScalars.first!.value != value { compatible[Character(unified)] = compatibility }
        }
        let variants = plain.compactMap { run -> String? in
            let variant = String(run.map { compatible[$0] ?? $0 })
            return variant.unicodeScalars.elementsEqual(run.unicodeScalars) ? nil : variant
        }
        return plain + variants
    }

    private static func plainRuns() throws -> [String] {
        var runs: [String] = []
        for set in ["labelled", "holdout"] {
            for line in try ScoreFixtures.labelled("zh", set: set) {
                var run = ""
                for character in line.text {
                    if character.unicodeScalars.allSatisfy({ (0x3400...0x9FFF).contains($0.value) }) {
                        run.append(character)
                    } else if !run.isEmpty {
                        runs.append(run)
                        run = ""
                    }
                }
                if !run.isEmpty { runs.append(run) }
            }
        }
        let words = try ScoreFixtures.lexicon()["zh"].valence.keys.filter { !$0.contains(" ") }.sorted()
        for (index, word) in words.enumerated() {
            runs.append(word + words[(index * 7 + 3) % words.count])
            runs.append(words[(index * 13 + 5) % words.count] + word + words[(index * 31 + 11) % words.count])
        }
        return runs
    }

    /// Each of the segmenter's words lies inside one of the reference's, and a reference word
    /// falls into several only where it begins with a negator (``ChineseSegmenter`` splits
    /// `不好用` into `不` `好用`).
    @Test func segmentsAsTheRulesRead() throws {
        let lexicon = try ScoreFixtures.lexicon()
        let segmenter = ChineseSegmenter(lexicon: lexicon["zh"])
        let negators = Array(lexicon["zh"].negators.keys)
        var checked = 0
        for run in try ChineseSegmenterTests.runs() {
            let expected = ChineseSegmenterTests.reference(run, segmenter: segmenter)
            let words = segmenter.segment(run)
            var next = 0, same = true
            for word in expected {
                var joined = "", parts = 0
                while joined.count < word.count, next < words.count {
                    joined += words[next]
                    next += 1
                    parts += 1
                }
                if joined != word || (parts > 1 && !negators.contains(where: word.hasPrefix)) { same = false }
            }
            #expect(same && next == words.count, "\(run): \(words) against \(expected)")
            checked += 1
        }
        #expect(checked > 5_000)
    }

    /// A word glued to any negator is split, and a word whose first character only shares the
    /// negators' filter bit (its scalar value modulo 4,096: 帍 U+5E0D and 渍 U+6E0D with 不
    /// U+4E0D) is not: the filter in front of the negator list only passes words on to it.
    @Test func splitsOffEveryNegatorAndOnlyNegators() {
        var zh = LanguageLexicon()
        zh.valence = ["好用": 2.5]
        let negators = ["不", "帍", "没", "从未", "毫无"]
        zh.negators = Dictionary(uniqueKeysWithValues: negators.map { ($0, -0.74) })
        let glued = negators.map { $0 + "好用" } + ["渍好用"]
        zh.aspects = Dictionary(uniqueKeysWithValues: glued.map { ($0, AspectTerm(aspect: "product", touchpoint: .experience)) })
        for term in ["好用"] + negators + glued { zh.noteEntry(term) }
        let tokenizer = Tokenizer(lexicon: Lexicon(languages: ["zh": zh, "en": LanguageLexicon()], emoji: [:]))
        let segmenter = ChineseSegmenter(lexicon: zh)
        for negator in negators {
            #expect(tokenizer.tokens(negator + "好用", language: "zh").map(\.text) == [negator, "好用"])
            #expect(segmenter.segment(negator + "好用") == [negator, "好用"])
        }
        #expect(tokenizer.tokens("渍好用", language: "zh").map(\.text) == ["渍好用"])
        #expect(segmenter.segment("渍好用") == ["渍好用"])
    }
}

private extension String {
    /// The NFC form, as ``ByteKeyTable`` stores keys.
    var precomposed: String { ByteKeyTable<Bool>.withCanonicalBytes(self) { String(decoding: $0, as: UTF8.self) } }
}

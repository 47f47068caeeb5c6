import Foundation
import Testing
@testable import EarshotAnalysis

/// ``WordTable/twoWordEntry(pair:slot:)``: the span search reads a two-word phrase's entry from
/// the pair set instead of hashing the phrase's bytes. It must be what the lexicon's lookup of
/// the two tokens' lookup forms joined by a space finds, for every pair the set holds.
@Suite struct TwoWordEntryTests {
    /// The multi-word keys of every lexicon, split at spaces.
    private static func phrases(_ scorer: SentimentScorer) -> [[String]] {
        scorer.indexed.values.flatMap { lexicon in
            lexicon.table.keys.filter { $0.utf8.contains(0x20) }.map { key in
                key.utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            }
        }.filter { $0.count >= 2 }
    }

    /// For the first two words of every multi-word key, in each lexicon slot: the entry the pair
    /// holds is the lexicon's entry of the two words joined by a space (-1 when there is none,
    /// as for a pair that only begins longer keys).
    @Test func pairHoldsTheEntryOfItsTwoWords() throws {
        let scorer = try ScoreFixtures.scorer()
        let words = scorer.tokenizer.words
        var found = 0, none = 0
        for parts in TwoWordEntryTests.phrases(scorer) {
            let pair = words.phrasePair(words.index(of: parts[0]), words.index(of: parts[1]))
            try #require(pair >= 0, "\(parts)")
            for (slot, code) in WordTable.languages.enumerated() {
                let expected = scorer.indexed[code].map { lexicon in
                    Array((parts[0] + " " + parts[1]).utf8).withUnsafeBufferPointer { lexicon.entry(forKeyBytes: $0) }
                } ?? -1
                #expect(words.twoWordEntry(pair: pair, slot: slot) == expected, "\(code) \(parts)")
                if expected >= 0 { found += 1 } else { none += 1 }
            }
        }
        #expect(found > 100)
        #expect(none > 100)
    }

    /// Two-word keys as the tokenizer reads them, written as listed, decomposed (NFD: the lexicon
    /// compares keys as `String`s do), in capitals and with a curly apostrophe: wherever the two
    /// tokens' words make a listed pair, the pair's entry in each lexicon of the chain is the
    /// lexicon's lookup of the tokens' lookup forms joined by a space, as the span search made it.
    @Test(arguments: ["en", "ms", "zh"])
    func pairEntryIsTheLookupOfTheTokens(language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        let words = scorer.tokenizer.words
        let chain = scorer.lookupChain(language)
        let entries = ChainEntries(language: ScoreLanguage(language))
        let list = TokenList()
        var checked = 0, found = 0
        for parts in TwoWordEntryTests.phrases(scorer) where parts.count == 2 {
            let phrase = parts.joined(separator: " ")
            for text in [phrase, phrase.decomposedStringWithCanonicalMapping, phrase.uppercased(), phrase.replacingOccurrences(of: "'", with: "’")] {
                scorer.tokenizer.tokens(text, language: language, into: list)
                guard list.count == 2 else { continue }
                let pair = words.phrasePair(list.word(0), list.word(1))
                guard pair >= 0 else { continue }
                checked += 1
                for position in chain.indices {
                    let slot = position == 0 ? entries.firstSlot : WordTable.englishSlot
                    let expected = chain[position].entry(forKeyBytes: list.phraseBytes(0..<2))
                    #expect(words.twoWordEntry(pair: pair, slot: slot) == expected, "\(language) \(text)")
                    if expected >= 0 { found += 1 }
                }
            }
        }
        #expect(checked > 100)
        #expect(found > 100)
    }
}

import Testing
@testable import EarshotAnalysis

@Suite struct WordPairSetTests {
    /// Holds the pairs given and no other, including pairs that share a word or differ only in
    /// order, each with its own word count.
    @Test func holdsExactlyItsPairs() {
        var pairs: [UInt64: Int] = [:]
        for first in 0..<40 { for second in stride(from: first % 3, to: 60, by: 7) { pairs[WordPairSet.key(first, second)] = 2 + (first + second) % 4 } }
        let set = WordPairSet(pairs: pairs.mapValues { WordPairSet.Pair(words: $0) })
        for first in 0..<45 {
            for second in 0..<65 {
                #expect(set.words(slot: set.slot(first, second)) == pairs[WordPairSet.key(first, second)] ?? 0, "\(first) \(second)")
            }
        }
        #expect(WordPairSet(pairs: [:]).slot(0, 0) == -1)
    }

    /// Every multi-word entry of the lexicons begins with a pair the word table lets through,
    /// looked up as the span search looks up its tokens.
    @Test func everyPhraseBeginsWithAListedPair() throws {
        let scorer = try ScoreFixtures.scorer()
        let words = scorer.tokenizer.words
        var phrases = 0
        for lexicon in scorer.indexed.values {
            for key in lexicon.table.keys where key.utf8.contains(0x20) {
                let parts = key.utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
                guard parts.count >= 2 else { continue }
                phrases += 1
                #expect(words.phraseWords(pair: words.phrasePair(words.index(of: parts[0]), words.index(of: parts[1]))) >= parts.count, "\(key)")
            }
        }
        #expect(phrases > 100)
        #expect(words.phraseWords(pair: words.phrasePair(words.index(of: "zzqx"), words.index(of: "good"))) == 0)
    }
}

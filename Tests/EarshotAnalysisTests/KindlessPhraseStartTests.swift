import Testing
@testable import EarshotAnalysis

@Suite struct KindlessPhraseStartTests {
    /// A word that begins a phrase, followed by a word that makes no phrase with it, has the
    /// span it has alone (where the span search never asks the pair set). The span search drops
    /// a ``WordTable/kindlessRole`` word there at once: this fails when the bit is set on a word
    /// that the lexicons give a kind, or that is read alone as a negator or inflected word.
    @Test(arguments: ["en", "ms", "zh"])
    func pairlessPhraseStartHasItsSpanAlone(language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        let words = scorer.tokenizer.words
        var starts: [String] = []
        words.table.forEachKey { index, key in
            if words.roles(index) & WordTable.phraseRole != 0 { starts.append(String(decoding: key, as: UTF8.self)) }
        }
        let chain = scorer.lookupChain(language)
        let list = TokenList()
        func firstSpan(_ text: String) -> TermSpan? {
            ScoreFixtures.spans(text, language: language, scorer: scorer, chain: chain, list: list).first { $0.start == 0 }
        }
        // About 300 words of each language: every phrase start took ~20 s in a debug build.
        let step = max(1, starts.count / 300)
        var kindless = 0, withSpan = 0
        for word in stride(from: 0, to: starts.count, by: step).map({ starts[$0] }) {
            let alone = firstSpan(word)
            let followed = firstSpan(word + " zzqx")
            guard list.count == 2 else { continue }
            if list[0].roles & WordTable.kindlessRole != 0 { kindless += 1 }
            if alone != nil { withSpan += 1 }
            #expect(followed == alone, "\(word)")
        }
        #expect(kindless > 10)
        #expect(withSpan > 10)
    }

    /// Every ``WordTable/kindlessRole`` word of the table: no lexicon gives it a kind, and it
    /// does not end in `t`, `s` or `g`.
    @Test func kindlessWordsHaveNoKind() throws {
        let scorer = try ScoreFixtures.scorer()
        let words = scorer.tokenizer.words
        var kindless = 0
        words.table.forEachKey { index, key in
            guard words.roles(index) & WordTable.kindlessRole != 0 else { return }
            kindless += 1
            for (slot, code) in WordTable.languages.enumerated() {
                let entry = Int(words.lexiconEntry(index, slot: slot))
                if entry >= 0, let lexicon = scorer.indexed[code] { #expect(lexicon.kinds[entry] == nil, "\(code) \(String(decoding: key, as: UTF8.self))") }
            }
            #expect(![UInt8(ascii: "t"), UInt8(ascii: "s"), UInt8(ascii: "g")].contains(key.last ?? 0))
        }
        #expect(kindless > 10)
    }
}

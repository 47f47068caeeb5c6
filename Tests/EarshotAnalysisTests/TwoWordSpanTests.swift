import Testing
@testable import EarshotAnalysis

/// The span search reads a pair that begins entries of two words only in place
/// (``WordTable/phraseWords(pair:)`` is 2): the two tokens are one span with the kind of the first
/// lexicon of the chain that lists them with one, in one clause only.
@Suite struct TwoWordSpanTests {
    @Test(arguments: ["en", "ms", "zh"])
    func twoWordEntryIsOneSpan(language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        let words = scorer.tokenizer.words
        let chain = scorer.lookupChain(language)
        let list = TokenList()
        func spans(_ text: String) -> [TermSpan] { ScoreFixtures.spans(text, language: language, scorer: scorer, chain: chain, list: list) }
        var keys = Set<String>()
        for lexicon in chain {
            for (index, key) in lexicon.table.keys.enumerated() where lexicon.kinds[index] != nil && key.split(separator: " ").count == 2 {
                keys.insert(key)
            }
        }
        var terms = 0, modifiers = 0
        for key in keys.sorted() {
            let found = spans(key)
            // (A phrase never spans a clause break nor a Chinese word: a Malay contrast word opens a clause.)
            guard list.count == 2, list.clause(0) == list.clause(1), !list.isHan(0), !list.isHan(1),
                  words.phraseWords(pair: words.phrasePair(list.word(0), list.word(1))) == 2 else { continue }
            let expected = chain.lazy.compactMap { lexicon -> TermSpan.Kind? in
                let entry = lexicon.entry(forKeyBytes: list.phraseBytes(0..<2))
                return entry < 0 ? nil : lexicon.kind(entry)
            }.first
            guard let expected else { continue }
            if case .term = expected { terms += 1 } else { modifiers += 1 }
            #expect(found.first == TermSpan(start: 0, length: 2, kind: expected), "\(language) \(key)")
            #expect(spans(key + " zzqx").first == TermSpan(start: 0, length: 2, kind: expected), "\(language) \(key)")
            // Two clauses: no span covers both words.
            let parts = key.split(separator: " ")
            #expect(spans("\(parts[0]), \(parts[1])").allSatisfy { $0.length == 1 }, "\(language) \(key)")
        }
        #expect(terms > 20)
        #expect(modifiers > 2)
    }

    /// A two-word modifier gives way to a two-word term that begins at its second word
    /// (`langsung tak balas`): the term is a span.
    @Test(arguments: ["en", "ms"])
    func termOverlappingAModifierWins(language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        let chain = scorer.lookupChain(language)
        let list = TokenList()
        func spans(_ text: String) -> [TermSpan] { ScoreFixtures.spans(text, language: language, scorer: scorer, chain: chain, list: list) }
        var modifiers: [[Substring]] = [], terms: [Substring: [([Substring], TermSpan.Kind)]] = [:]
        for lexicon in chain {
            for (index, key) in lexicon.table.keys.enumerated() {
                let parts = key.split(separator: " ")
                guard parts.count == 2, let entryKind = lexicon.kinds[index] else { continue }
                if case .term = entryKind { terms[parts[0], default: []].append((parts, entryKind)) } else { modifiers.append(parts) }
            }
        }
        var checked = 0
        for modifier in modifiers {
            for (term, termKind) in terms[modifier[1]] ?? [] {
                let text = "\(modifier[0]) \(term[0]) \(term[1])"
                let found = spans(text)
                guard list.count == 3, list.clause(0) == list.clause(2) else { continue }
                // The term as the search finds it alone, after a word that begins no phrase.
                guard let alone = spans("zzqx \(term[0]) \(term[1])").first(where: { $0.start == 1 }), alone.length == 2, alone.kind == termKind else { continue }
                checked += 1
                #expect(found.contains(TermSpan(start: 1, length: 2, kind: termKind)), "\(language) \(text)")
            }
        }
        #expect(checked >= 1)
    }
}

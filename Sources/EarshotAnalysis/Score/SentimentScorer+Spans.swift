extension SentimentScorer {
    /// Finds the lexicon entries in `tokens`, left to right, longest phrase first; a
    /// language earlier in `chain` wins over a later one.
    /// - Parameter entries: ``entries(of:in:)`` for `tokens` and `chain`.
    func findSpans(_ tokens: [Token], chain: [IndexedLexicon], entries: [Int32], language: String) -> [TermSpan] {
        var spans: [TermSpan] = []
        spans.reserveCapacity(tokens.count)
        var maxWords = 1
        for indexed in chain { maxWords = max(maxWords, indexed.lexicon.maxPhraseWords) }
        var index = 0
        while index < tokens.count {
            if let span = span(at: index, tokens, chain: chain, entries: entries, language: language, maxWords: maxWords) {
                spans.append(span)
                index = span.end
            } else {
                index += 1
            }
        }
        return spans
    }

    /// The longest entry that starts at `index`. A modifier phrase gives way to a sentiment
    /// phrase that starts inside it and runs past its end: in `langsung tak balas`, the term
    /// `tak balas` wins over the negator `langsung tak`.
    private func span(at index: Int, _ tokens: [Token], chain: [IndexedLexicon], entries: [Int32], language: String, maxWords: Int) -> TermSpan? {
        guard let found = longestSpan(at: index, tokens, chain: chain, entries: entries, language: language, maxWords: maxWords) else { return nil }
        guard found.length > 1, !found.isTerm else { return found }
        for inner in (index + 1)..<found.end {
            if let overlapping = longestSpan(at: inner, tokens, chain: chain, entries: entries, language: language, maxWords: maxWords),
               overlapping.isTerm, overlapping.end > found.end {
                return longestSpan(at: index, tokens, chain: chain, entries: entries, language: language, maxWords: inner - index)
            }
        }
        return found
    }

    private func longestSpan(at index: Int, _ tokens: [Token], chain: [IndexedLexicon], entries: [Int32], language: String, maxWords: Int) -> TermSpan? {
        // Read in place: a copy of the token would retain both its strings.
        if mayBeEmoji(isHan: tokens[index].isHan, isASCII: tokens[index].isASCII), let valence = emojiValence(tokens[index]) { return TermSpan(start: index, length: 1, text: tokens[index].raw, kind: .term(valence)) }
        let isHan = tokens[index].isHan, clause = tokens[index].clause
        // The token's entry in each lexicon of the chain.
        func entry(_ position: Int) -> Int { Int(entries[index * chain.count + position]) }
        func phraseStart(_ position: Int) -> Int {
            let found = entry(position)
            return found < 0 ? 1 : chain[position].phraseStarts[found]
        }
        let longest = isHan ? 1 : chain.indices.reduce(1) { max($0, phraseStart($1)) }
        var length = min(longest, maxWords, tokens.count - index)
        while length > 1 {
            let slice = tokens[index..<(index + length)]
            if slice.allSatisfy({ $0.clause == clause && !$0.isHan }) {
                for (position, indexed) in chain.enumerated() where phraseStart(position) >= length {
                    let found = SentimentScorer.lookUpPhraseIndex(tokens, index..<(index + length), in: indexed.table)
                    if found >= 0, let kind = indexed.kinds[found] {
                        return TermSpan(start: index, length: length, text: slice.map(\.text).joined(separator: " "), kind: kind)
                    }
                }
            }
            length -= 1
        }
        // Both checks below need a word that ends in `t`, or in `s` or `g`.
        let lastByte = isHan ? nil : SentimentScorer.lastByte(tokens[index].text)
        if lastByte == UInt8(ascii: "t"), tokens[index].text.hasSuffix("n't") {
            return TermSpan(start: index, length: 1, text: tokens[index].text, kind: .negator(factor: SentimentScorer.negationScalar, valence: nil))
        }
        for position in chain.indices {
            // Single letters ("L", a size) are not English sentiment words inside Chinese or Malay text.
            if position > 0, language != "en", tokens[index].isASCII ? tokens[index].text.utf8.count < 2 : tokens[index].text.count < 2 { continue }
            let found = entry(position)
            if found >= 0, let kind = chain[position].kinds[found] {
                return TermSpan(start: index, length: 1, text: tokens[index].text, kind: kind)
            }
        }
        if lastByte == UInt8(ascii: "s") || lastByte == UInt8(ascii: "g"), SentimentScorer.mayBeInflected(tokens[index].text), let english = chain.last,
           let (base, valence) = SentimentScorer.inflectedTerm(tokens[index].text, in: english) {
            return TermSpan(start: index, length: 1, text: base, kind: .term(valence))
        }
        return nil
    }

    /// The last UTF-8 byte of `text`, or nil when it is empty.
    static func lastByte(_ text: String) -> UInt8? {
        var text = text
        return text.withUTF8 { $0.last }
    }

    /// The entry of `table` for the texts of `tokens[range]` joined by spaces, found from
    /// their bytes without building the phrase.
    static func lookUpPhrase<Value>(_ tokens: [Token], _ range: Range<Int>, in table: ByteKeyTable<Value>) -> Value? {
        let index = lookUpPhraseIndex(tokens, range, in: table)
        return index < 0 ? nil : table.values[index]
    }

    /// The index in `table` of the texts of `tokens[range]` joined by spaces, or -1.
    static func lookUpPhraseIndex<Value>(_ tokens: [Token], _ range: Range<Int>, in table: ByteKeyTable<Value>) -> Int {
        var total = range.count - 1
        for position in range { total += tokens[position].text.utf8.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { buffer in
            var offset = 0
            for position in range {
                if position > range.lowerBound {
                    buffer[offset] = UInt8(ascii: " ")
                    offset += 1
                }
                // The token's bytes in one copy (iterating `utf8` goes byte by byte).
                var text = tokens[position].text
                text.withUTF8 { bytes in
                    if let source = bytes.baseAddress, let target = buffer.baseAddress { (target + offset).update(from: source, count: bytes.count) }
                    offset += bytes.count
                }
            }
            return table.index(forKeyBytes: UnsafeBufferPointer(buffer))
        }
    }

    /// Concessive words: the clause they open is the one conceded ("though it was late, it
    /// works" and "it works, although it was late" both lean on "it works").
    static let concessiveWords: Set<String> = ["although", "though", "even though"]

    /// The contrast pivot, or nil: the token index where the weighted part starts, the word, and
    /// for a concessive word the clause it opens (then that clause is the weaker part, wherever
    /// it stands). A contrast word alone at the end of its clause ("…, slow delivery though")
    /// contrasts that clause with what came before, so the pivot moves to the start of that
    /// clause. "yet" is a contrast only when it opens a clause ("…, yet it works", "and yet"):
    /// elsewhere it is a time adverb ("not yet convinced", "not arrived yet").
    func contrastPivot(_ table: SpanTable) -> (index: Int, word: String, concessiveClause: Int?)? {
        let tokens = table.tokens
        for span in table.spans where span.kind == .contrast {
            if span.text == "yet", span.start > 0, table.sameClause(span.start - 1, span.start) { continue }
            let alone = span.end == tokens.count || !table.sameClause(span.last, span.end)
            guard alone else {
                let concessive = SentimentScorer.concessiveWords.contains(span.text)
                return (span.start, span.text, concessive ? tokens[span.start].clause : nil)
            }
            if span.text == "yet" || span.start == 0 { continue }
            let clause = tokens[span.start - 1].clause
            var start = span.start - 1
            while start > 0, tokens[start - 1].clause == clause { start -= 1 }
            return start == 0 ? nil : (start, span.text, nil)
        }
        return nil
    }
}

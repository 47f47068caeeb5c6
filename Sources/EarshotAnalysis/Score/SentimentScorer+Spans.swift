import EarshotCore

extension SentimentScorer {
    /// Finds the lexicon entries in `tokens`, left to right, longest phrase first; a
    /// language earlier in `chain` wins over a later one. Notes in each token's record the
    /// index of the span that covers it, or leaves the -1 that a record starts with
    /// (``TokenList/setSpan(_:_:)``): the list holds tokens as the tokenizer recorded them, with
    /// no span noted yet. (Storing -1 again, a checked store per token, cost ~5 instructions a token.)
    /// The spans found replace the list's (``TokenList/spans``).
    /// - Parameters:
    ///   - entries: the tokens' entries in `chain`.
    func findSpans(_ tokens: TokenList, chain: [IndexedLexicon], entries: ChainEntries, language: ScoreLanguage) {
        tokens.removeSpans()
        var maxWords = 1
        let stride = chain.count
        // By index: an iterator would retain the array.
        for position in 0..<stride { maxWords = max(maxWords, chain[position].maxPhraseWords) }
        let words = tokenizer.words
        let skipMask = entries.chainRoles | WordTable.aloneRole
        // The ``WordTable/info(_:)`` bits of a word that begins a longer entry of a lexicon of the
        // chain (one load a word: each lexicon's entry and phrase start cost ~35 instructions a line).
        let chainPhrases = WordTable.phraseStartBit(slot: entries.firstSlot) | (stride > 1 ? WordTable.phraseStartBit(slot: WordTable.englishSlot) : 0)
        var index = 0
        while true {
            // Most words have no role in the lexicons of the chain (they are in none, or name only
            // an aspect; no longer entry begins with them), are no emoji, and are read alone as
            // no "n't" negator nor inflected word (``WordTable/aloneRole``): no span starts there.
            index = tokens.nextToken(from: index, withRoles: skipMask)
            guard index < tokens.count else { break }
            let record = tokens[index]
            let roles = record.roles
            let isEmoji = roles & WordTable.emojiRole != 0
            // No emoji, and no phrase of the chain starts with the word (or with it and the next
            // token, ``WordTable/phraseWords(pair:)``): the span (if any) is the word alone.
            // Most words begin no phrase of any lexicon (no ``WordTable/phraseRole``): one bit
            // test, before the lexicons' phrase starts are read.
            var pair: Int?
            if !isEmoji, stride <= 2 {
                var alone = roles & WordTable.phraseRole == 0 || record.flags.contains(.han) || maxWords < 2 || index + 1 == tokens.count
                var info: UInt32 = 0
                if !alone {
                    info = words.info(record.word)
                    alone = info & chainPhrases == 0
                }
                if !alone {
                    // Asked once: the span search below is handed the answer.
                    let found = words.phrasePair(record.word, tokens.word(index + 1))
                    pair = found
                    alone = found < 0
                    // No phrase here, and the word is no entry alone (``WordTable/kindlessRole``).
                    if alone, roles & WordTable.kindlessRole != 0 {
                        index += 1
                        continue
                    }
                    // A pair that begins entries of two words only (most pairs): the span search
                    // would try the two words, then the word alone. Read here, with no call of it
                    // (~150 instructions a phrase): a term is the span, and so is a modifier when
                    // no phrase can begin at its second word; else the search, which asks whether
                    // a term overlaps it, decides.
                    if !alone, words.phraseWords(pair: found) == 2 {
                        if let kind = twoWordKind(at: index, clause: record.clause, pair: found, info: info, tokens, chain: chain, entries: entries) {
                            let span = TermSpan(start: index, length: 2, kind: kind)
                            if span.isTerm || !mayBeginPhrase(at: index + 1, tokens, words: words, chainPhrases: chainPhrases) {
                                tokens.setSpan(index, tokens.spanCount)
                                tokens.setSpan(index + 1, tokens.spanCount)
                                tokens.appendSpan(span)
                                index += 2
                                continue
                            }
                        } else {
                            alone = true
                        }
                    }
                }
                if alone {
                    if let span = wordSpan(at: index, record: record, tokens, chain: chain, entries: entries, language: language) {
                        tokens.setSpan(index, tokens.spanCount)
                        tokens.appendSpan(span)
                    }
                    index += 1
                    continue
                }
            }
            if let span = span(at: index, tokens, chain: chain, entries: entries, language: language, maxWords: maxWords, pair: pair) {
                for token in span.start..<span.end { tokens.setSpan(token, tokens.spanCount) }
                tokens.appendSpan(span)
                index = span.end
            } else {
                index += 1
            }
        }
    }

    /// False when ``longestSpan(at:_:chain:entries:language:maxWords:pair:)`` at token `index`
    /// finds no phrase (a span of one token at most): it is Chinese or the last token, its word
    /// begins no longer entry of the chain (`chainPhrases`, as in ``findSpans(_:chain:entries:language:)``),
    /// or no listed pair begins with it and the next word.
    @inline(__always)
    private func mayBeginPhrase(at index: Int, _ tokens: TokenList, words: WordTable, chainPhrases: UInt32) -> Bool {
        guard index + 1 < tokens.count else { return false }
        let record = tokens[index]
        guard !record.flags.contains(.han), words.info(record.word) & chainPhrases != 0 else { return false }
        return words.phrasePair(record.word, tokens.word(index + 1)) >= 0
    }

    /// What ``longestSpan(at:_:chain:entries:language:maxWords:pair:)`` finds at length 2 at
    /// token `index` (not Chinese, in clause `clause`), whose word and the next make pair `pair`
    /// (``WordTable/phrasePair(_:_:)``): the kind of the two words' entry in the first lexicon of
    /// `chain` (at most two) where the word begins a longer entry (`info`, the word's
    /// ``WordTable/info(_:)``: ``WordTable/phraseStartBit(slot:)``) and the entry has a kind. Nil
    /// when none has, or the next token is in another clause or Chinese.
    @inline(__always)
    private func twoWordKind(at index: Int, clause: Int, pair: Int, info: UInt32, _ tokens: TokenList, chain: [IndexedLexicon],
                             entries: ChainEntries) -> TermSpan.Kind? {
        let next = tokens[index + 1]
        guard next.clause == clause, !next.flags.contains(.han) else { return nil }
        let words = tokenizer.words
        // By index: an iterator would retain the array.
        for position in 0..<chain.count {
            let slot = position == 0 ? entries.firstSlot : WordTable.englishSlot
            guard info & WordTable.phraseStartBit(slot: slot) != 0 else { continue }
            let found = words.twoWordEntry(pair: pair, slot: slot)
            if found >= 0, let kind = chain[position].kind(found) { return kind }
        }
        return nil
    }

    /// The longest entry that starts at `index`. A modifier phrase gives way to a sentiment
    /// phrase that starts inside it and runs past its end: in `langsung tak balas`, the term
    /// `tak balas` wins over the negator `langsung tak`.
    /// - Parameter pair: ``WordTable/phrasePair(_:_:)`` of the token at `index` and the
    ///   next, when the caller has asked it already (nil: asked here).
    private func span(at index: Int, _ tokens: TokenList, chain: [IndexedLexicon], entries: ChainEntries, language: ScoreLanguage, maxWords: Int,
                      pair: Int?) -> TermSpan? {
        guard let found = longestSpan(at: index, tokens, chain: chain, entries: entries, language: language, maxWords: maxWords, pair: pair)
        else { return nil }
        guard found.length > 1, !found.isTerm else { return found }
        for inner in (index + 1)..<found.end {
            if let overlapping = longestSpan(at: inner, tokens, chain: chain, entries: entries, language: language, maxWords: maxWords, pair: nil),
               overlapping.isTerm, overlapping.end > found.end {
                return longestSpan(at: index, tokens, chain: chain, entries: entries, language: language, maxWords: inner - index, pair: pair)
            }
        }
        return found
    }

    /// - Parameter pair: as in ``span(at:_:chain:entries:language:maxWords:pair:)``.
    private func longestSpan(at index: Int, _ tokens: TokenList, chain: [IndexedLexicon], entries: ChainEntries, language: ScoreLanguage, maxWords: Int,
                             pair: Int?) -> TermSpan? {
        let record = tokens[index]
        let isHan = record.flags.contains(.han)
        if mayBeEmoji(isHan: isHan, isASCII: record.flags.contains(.ascii)), let valence = emojiValence(tokens, index) {
            return TermSpan(start: index, length: 1, kind: .term(valence), shown: .written)
        }
        let stride = chain.count
        // The token's entry in each lexicon of the chain (the chain has one or two lexicons).
        let first = entries.entry(word: record.word, 0, in: tokenizer.words), second = stride > 1 ? entries.entry(word: record.word, 1, in: tokenizer.words) : -1
        let clause = record.clause
        func entry(_ position: Int) -> Int {
            position == 0 ? first : second
        }
        func phraseStart(_ position: Int) -> Int {
            let found = entry(position)
            return chain[position].phraseStart(found)
        }
        var longest = 1
        if !isHan, first >= 0 || second >= 0 || stride > 2 {
            for position in 0..<stride { longest = max(longest, phraseStart(position)) }
        }
        var length = min(longest, maxWords, tokens.count - index)
        // A phrase of tokens whose forms are words of the table begins with a listed pair of
        // words, and has at most as many words as the longest entry that begins with the pair.
        var pairSlot = -1
        if length > 1 {
            pairSlot = pair ?? tokenizer.words.phrasePair(record.word, tokens.word(index + 1))
            length = min(length, max(1, tokenizer.words.phraseWords(pair: pairSlot)))
        }
        while length > 1 {
            // One clause, no Chinese word; all ASCII lookup forms make an ASCII phrase, looked
            // up with no walk of its bytes (most phrases: ~100 instructions a line).
            var inClause = true, ascii = true
            for token in index..<(index + length) {
                let flags = tokens[token].flags
                if tokens[token].clause != clause || flags.contains(.han) {
                    inClause = false
                    break
                }
                if !flags.contains(.ascii) { ascii = false }
            }
            if inClause {
                // By index: an iterator would retain the array and each lexicon.
                for position in 0..<stride where phraseStart(position) >= length {
                    // Two words: the pair's entry, read with no hash of the phrase's bytes
                    // (``WordTable/twoWordEntry(pair:slot:)``; the length is 2 only when the pair is listed).
                    let found = length == 2
                        ? tokenizer.words.twoWordEntry(pair: pairSlot, slot: position == 0 ? entries.firstSlot : WordTable.englishSlot)
                        : chain[position].entry(forKeyBytes: tokens.phraseBytes(index..<(index + length)), ascii: ascii)
                    if found >= 0, let kind = chain[position].kind(found) {
                        return TermSpan(start: index, length: length, kind: kind)
                    }
                }
            }
            length -= 1
        }
        return wordSpan(at: index, record: record, tokens, chain: chain, entries: entries, language: language)
    }

    /// The entry of token `index` (whose record is `record`) as a word alone, no emoji: a word
    /// ending in "n't", the word in the first lexicon of `chain` that lists it, or an inflected
    /// English word.
    /// (Transparent: findSpans calls it for about half of all tokens, and as a call, which
    /// `@inline(__always)` did not prevent, it cost ~40 instructions more each.)
    @_transparent
    private func wordSpan(at index: Int, record: TokenList.Record, _ tokens: TokenList, chain: [IndexedLexicon], entries: ChainEntries,
                          language: ScoreLanguage) -> TermSpan? {
        // Both checks below need a word that ends in `t`, or in `s` or `g`.
        let lastByte = record.flags.contains(.han) ? nil : tokens.lastByte(index)
        if lastByte == UInt8(ascii: "t"), SentimentScorer.endsInNT(tokens, index) {
            return TermSpan(start: index, length: 1, kind: .negator(factor: SentimentScorer.negationScalar, valence: nil))
        }
        for position in chain.indices {
            let found = entries.entry(word: record.word, position, in: tokenizer.words)
            guard found >= 0 else { continue }
            // Single letters ("L", a size) are not English sentiment words inside Chinese or Malay text.
            if position > 0, language != .english,
               record.flags.contains(.ascii) ? record.textCount < 2 : ByteKeyTable<Bool>.characterCount(tokens.textBytes(index)) < 2 { continue }
            if let kind = chain[position].kind(found) {
                return TermSpan(start: index, length: 1, kind: kind)
            }
        }
        if lastByte == UInt8(ascii: "s") || lastByte == UInt8(ascii: "g"), let english = chain.last,
           let valence = SentimentScorer.inflectedValence(tokens.textBytes(index), in: english) {
            return TermSpan(start: index, length: 1, kind: .term(valence), shown: .inflectedBase)
        }
        return nil
    }

    /// True when the lookup form of token `index` ends in "n't" (as `String.hasSuffix` finds:
    /// on bytes for ASCII, where bytes are characters).
    private static func endsInNT(_ tokens: TokenList, _ index: Int) -> Bool {
        guard tokens.isASCII(index) else { return tokens.text(index).hasSuffix("n't") }
        let bytes = tokens.textBytes(index)
        return bytes.count >= 3 && bytes[bytes.count - 3] == UInt8(ascii: "n") && bytes[bytes.count - 2] == UInt8(ascii: "'")
    }

    /// Concessive words: the clause they open is the one conceded ("though it was late, it
    /// works" and "it works, although it was late" both lean on "it works"; `虽然价格贵，质量很好`
    /// and `walaupun mahal, barang ok` on the quality). English, Chinese and Malay; each must
    /// also be listed in its language's `contrast.txt`, which makes it a contrast word at all.
    /// (``contrastPivot(_:in:near:)`` compares a contrast word with each on bytes.)
    static let concessiveWords: [StaticString] = [
        "although", "though", "even though",
        "虽然", "虽说", "尽管",
        "walaupun", "walau", "meskipun", "biarpun", "sungguhpun",
    ]

    /// Chinese and Malay words that open a side remark when they begin a clause after a break
    /// ("it's just that …": `质量很好，就是物流慢了点`, "barang cantik, cuma penghantaran lambat"):
    /// the clause weighs ``sideRemarkScalar``. Each has a length that ``mayBeSideRemark(length:)`` admits.
    static let sideRemarkWords: [StaticString] = ["就是", "只是", "cuma"]

    /// Whether a token of `length` bytes may be one of ``sideRemarkWords`` (two Han characters or
    /// four ASCII letters): the tokenizer's hint (``TokenList/mayOpenSideRemark``) and
    /// ``opensSideRemark(_:_:)`` ask this before comparing bytes.
    @inline(__always)
    static func mayBeSideRemark(length: Int) -> Bool { length == 6 || length == 4 }
    /// The weight of a side remark's clause.
    static let sideRemarkScalar = 0.5

    /// The clauses that ``sideRemarkWords`` open, as bits (clause `c` in bit `c`, for the first 64),
    /// and whether one opens a later clause (then ``inSideRemark(_:at:bits:far:)`` looks at it).
    static func sideRemarkClauses(_ tokens: TokenList) -> (bits: UInt64, far: Bool) {
        var bits: UInt64 = 0, far = false
        for index in 1..<max(tokens.count, 1) where opensSideRemark(tokens, index) {
            let clause = tokens.clause(index)
            if clause < 64 { bits |= 1 << UInt64(clause) } else { far = true }
        }
        return (bits, far)
    }

    /// True when token `index` is in a clause that ``sideRemarkWords`` open (``sideRemarkClauses(_:)``
    /// gave `bits` and `far`).
    static func inSideRemark(_ tokens: TokenList, at index: Int, bits: UInt64, far: Bool) -> Bool {
        let clause = tokens.clause(index)
        if clause < 64 { return bits & (1 << UInt64(clause)) != 0 }
        guard far else { return false }
        var first = index
        while first > 0, tokens.clause(first - 1) == clause { first -= 1 }
        return opensSideRemark(tokens, first)
    }

    /// True when token `index` (not the first) follows a break and is one of ``sideRemarkWords``:
    /// compared on its lookup form's UTF-8 bytes (lower-cased ASCII, or unified ideographs,
    /// whose bytes are their NFC form).
    @inline(__always)
    static func opensSideRemark(_ tokens: TokenList, _ index: Int) -> Bool {
        guard index > 0, tokens.followsBreak(index) else { return false }
        let bytes = tokens.textBytes(index)
        return mayBeSideRemark(length: bytes.count) && sideRemarkWords.contains { ListedText.equal(bytes, $0) }
    }

    /// True when `word` is one of ``concessiveWords``.
    static func isConcessive(_ word: String) -> Bool {
        concessiveWords.contains { $0.description == word }
    }

    /// Whether the contrast word of the span of tokens `start..<end` that shows `shown` is "yet",
    /// and whether it is one of ``concessiveWords``: compared on its lookup forms' bytes when it
    /// shows them, with no `String` (its `String` and the set's look-up cost ~500 instructions).
    /// (Equal as `String`s compare: no other sequence is canonically equivalent to these ASCII
    /// words and unified ideographs. Scalars, not the span: a span passed by reference was copied
    /// per span of every text.)
    @inline(never)
    private func contrastWord(start: Int, end: Int, shown: TermSpan.Shown, in table: SpanTable) -> (isYet: Bool, isConcessive: Bool) {
        guard shown == .lookupForms else {
            let word = text(of: TermSpan(start: start, length: end - start, kind: .contrast, shown: shown), in: table)
            return (word == "yet", SentimentScorer.isConcessive(word))
        }
        let bytes = table.tokens.phraseBytes(start..<end)
        return (ListedText.equal(bytes, "yet"), SentimentScorer.concessiveWords.contains { ListedText.equal(bytes, $0) })
    }

    /// Where ``contrastPivot(_:in:near:)`` found the weighted part to start. Plain numbers (the word is the
    /// text of span `span`, made only for `--explain`), so that dropping a pivot releases nothing:
    /// an optional tuple with a `String` was destroyed through its type metadata, ~100 instructions a text.
    struct ContrastPivot {
        /// The token index where the weighted part starts.
        let index: Int
        /// The index of the contrast word's span in the table.
        let span: Int
        /// For a concessive word, the clause it opens.
        let concessiveClause: Int?
    }

    /// The contrast pivot, or nil: the token index where the weighted part starts, the word, and
    /// for a concessive word the clause it opens (then that clause is the weaker part, wherever
    /// it stands). A contrast word alone at the end of its clause ("…, slow delivery though")
    /// contrasts that clause with what came before, so the pivot moves to the start of that
    /// clause; one after a break ("…. However, …") weighs what follows it, even alone. "yet" is
    /// a contrast only when it opens a clause ("…, yet it works", "and yet"):
    /// elsewhere it is a time adverb ("not yet convinced", "not arrived yet").
    ///
    /// The pivot is looked for among the contrast words of the tokens `range` (the whole text, or
    /// one sentence), and governs those tokens; `near` is the index of a span that starts in
    /// `range`, from which the search looks back and forth (the spans are in token order).
    func contrastPivot(_ table: SpanTable, in range: Range<Int>, near: Int = 0) -> ContrastPivot? {
        let tokens = table.tokens, spans = table.spans
        var first = min(near, spans.count)
        while first > 0, spans[first - 1].start >= range.lowerBound { first -= 1 }
        for index in first..<spans.count {
            let span = spans[index]
            guard span.start < range.upperBound else { break }
            guard span.kind == .contrast, span.start >= range.lowerBound else { continue }
            let (isYet, concessive) = contrastWord(start: span.start, end: span.end, shown: span.shown, in: table)
            if isYet, span.start > range.lowerBound, table.sameClause(span.start - 1, span.start) { continue }
            let alone = span.end >= range.upperBound || !table.sameClause(span.last, span.end)
            // A contrast word after a break (or first) weighs what follows, also when it is its
            // clause's only word: "The room was small. But, the staff were lovely", `但是，`,
            // "Walaupun begitu,". (Every contrast word starts a clause: the break is the token's flag.)
            let opens = span.start == range.lowerBound || tokens.followsBreak(span.start)
            guard alone, !opens else {
                return ContrastPivot(index: span.start, span: index, concessiveClause: concessive ? tokens.clause(span.start) : nil)
            }
            if isYet { continue }
            let clause = tokens.clause(span.start - 1)
            var start = span.start - 1
            while start > range.lowerBound, tokens.clause(start - 1) == clause { start -= 1 }
            return start == range.lowerBound ? nil : ContrastPivot(index: start, span: index, concessiveClause: nil)
        }
        return nil
    }

    /// The `--explain` rule of a term that `pivot` weighs: `weaker`, half (before the contrast word,
    /// or in the concessive word's clause), else 1.5 times.
    /// (The four texts in one place, made only for `--explain`.)
    func contrastRule(_ pivot: ContrastPivot, weaker: Bool, in table: SpanTable) -> String {
        let word = text(of: table.spans[pivot.span], in: table)
        if pivot.concessiveClause != nil { return weaker ? "conceded by '\(word)' ×0.5" : "outside the '\(word)' clause ×1.5" }
        return weaker ? "before '\(word)' ×0.5" : "after '\(word)' ×1.5"
    }

    /// Writes each span's contrast pivot to `scratch`'s ``ScoreScratch/spanPivots``: that of the
    /// sentence the span starts in (``TokenList/sentence(containing:)``), for a Chinese or Malay text.
    /// (Before the scoring loop, not inline: with a call for the pivot in it, the loop compiled
    /// ~30 instructions a text slower, for every text.)
    @inline(never)
    func sentencePivots(_ table: SpanTable, into scratch: ScoreScratch) {
        let spans = table.spans
        let pivots = scratch.reserveSpanPivots(spans.count)
        var pivot: ContrastPivot?, reach = 0
        for index in 0..<spans.count {
            let start = spans[index].start
            if start >= reach {
                let sentence = table.tokens.sentence(containing: start)
                pivot = contrastPivot(table, in: sentence, near: index)
                reach = sentence.upperBound
            }
            (pivots + index).initialize(to: pivot)
        }
    }
}

import Testing
@testable import EarshotAnalysis

/// The token records of ``TokenList``: each token's lookup form, written form, clause, flags
/// and ``WordTable`` entry, as the byte tokenizer fills them and a reused list keeps them.
@Suite struct TokenListTests {
    private static func list(_ text: String, language: String? = nil) throws -> (TokenList, SentimentScorer) {
        let scorer = try ScoreFixtures.scorer()
        let list = TokenList()
        scorer.tokenizer.tokens(text, language: language, into: list)
        return (list, scorer)
    }

    @Test func recordsHoldBothFormsAndFlags() throws {
        let (list, _) = try Self.list("Great APP, sooo slow 😡 物流太慢")
        #expect(list.indices.map(list.text) == ["great", "app", "so", "slow", "😡", "物流", "太", "慢"])
        #expect(list.indices.map(list.rawText) == ["Great", "APP", "sooo", "slow", "😡", "物流", "太", "慢"])
        #expect(list.indices.map(list.isUpper) == [false, true, false, false, false, false, false, false])
        #expect(list.indices.map(list.isASCII) == [true, true, true, true, false, false, false, false])
        #expect(list.indices.map(list.isHan) == [false, false, false, false, false, true, true, true])
        #expect(list.indices.map(list.clause) == [0, 0, 1, 1, 1, 1, 1, 1])
        #expect(list.isText(0, "great") && !list.isText(0, "grea") && !list.isText(1, "APP"))
        #expect(list.lastByte(3) == UInt8(ascii: "w"))
    }

    @Test func phrasesAreTheLookupFormsJoinedBySpaces() throws {
        let (list, _) = try Self.list("Customer SERVICE never replied")
        #expect(list.phrase(0..<2) == "customer service")
        #expect(list.phrase(1..<4) == "service never replied")
        #expect(String(decoding: list.phraseBytes(0..<1), as: UTF8.self) == "customer")
    }

    /// Each token's word is its entry in the combined table: the lexicon entries and the
    /// contrast and emoji answers of the separate lists.
    @Test func wordEntriesAnswerAsTheSeparateLists() throws {
        let (list, scorer) = try Self.list("but the delivery was terrible 😡 tapi 但是")
        let words = scorer.tokenizer.words
        let english = try #require(scorer.indexed["en"])
        for index in list.indices {
            let text = list.text(index)
            #expect(words.lexiconEntry(list.word(index), slot: WordTable.englishSlot) == Int32(english.table.index(of: text)), "\(text)")
            #expect(words.isContrast(list.word(index)) == LexiconLoader.languages.contains { scorer.lexicon[$0].contrast.contains(text) }, "\(text)")
            #expect(words.emojiValence(list.word(index)) == scorer.lexicon.emoji[text], "\(text)")
        }
        #expect(list.word(list.count - 1) >= 0 && list.word(4) >= 0)
    }

    /// A list reused for a shorter text holds that text's tokens only, none of the longer one's.
    @Test func reuseKeepsNothingOfTheTextBefore() throws {
        let scorer = try ScoreFixtures.scorer()
        let list = TokenList()
        scorer.tokenizer.tokens(String(repeating: "LOUD words here, ", count: 200), language: nil, into: list)
        #expect(list.count == 600)
        scorer.tokenizer.tokens("quiet", language: nil, into: list)
        #expect(list.tokens() == scorer.tokenizer.tokens("quiet"))
        #expect(list.rawText(0) == "quiet" && list.clause(0) == 0)
    }

    /// The scores with one scratch reused for many texts are the scores of fresh ones.
    @Test func scratchReuseKeepsScores() throws {
        let scorer = try ScoreFixtures.scorer()
        let scratch = ScoreScratch()
        let texts = try ScoreFixtures.labelled("en").map(\.text) + ScoreFixtures.labelled("zh").map(\.text) + ScoreFixtures.labelled("ms").map(\.text)
        for text in texts + texts.reversed() {
            #expect(scorer.score(text, language: nil, explain: true, aspects: true, contributions: true, scratch: scratch) == scorer.score(text), "\(text)")
        }
    }

    @Test func edgeByteFilterLetsEveryKeyThrough() {
        let keys = [":)", "</3", ":-p", "d:", "\\o/"]
        let filter = EdgeByteFilter(keys)
        for key in keys { #expect(filter.mayBeKey(first: key.utf8.first!, last: key.utf8.last!), "\(key)") }
        #expect(!filter.mayBeKey(first: UInt8(ascii: "f"), last: UInt8(ascii: ",")))
        #expect(filter.mayBeKey(first: 0xE2, last: 0x80), "bytes of 128 or more are never ruled out")
        let greek = EdgeByteFilter(["\u{037E})"])
        #expect(greek.mayBeKey(first: UInt8(ascii: ";"), last: UInt8(ascii: ")")), "a key equivalent to ASCII lets everything through")
    }

    @Test func byteComparableBytesHaveOneCanonicalForm() {
        func comparable(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer(ByteKeyTable<Bool>.isByteComparable) }
        #expect(comparable("abc") && comparable("好评") && comparable("😡") && comparable("ok😍"))
        #expect(!comparable("caf\u{E9}") && !comparable("\u{212A}") && !comparable("\u{F900}") && !comparable("👍\u{FE0F}"))
    }

    /// The eight-bytes-at-a-time count of "!" and "?" counts what a byte-by-byte count counts.
    @Test(arguments: ["", "!", "hello!!", "what?? really???", "好！！好？？", "！", "a!b?c!d?e!f?g!h?i!", String(repeating: "x", count: 23) + "!?",
                      "no marks here at all in a longer line of text", "ab！", "\u{1F621}!\u{1F621}?"])
    func punctuationEmphasisCountsEveryMark(text: String) {
        let bytes = Array(text.utf8)
        var exclamations = 0, questions = 0
        for (index, byte) in bytes.enumerated() {
            let fullwidth = index >= 2 && bytes[index - 1] == 0xBC && bytes[index - 2] == 0xEF
            if byte == 0x21 || (byte == 0x81 && fullwidth) { exclamations += 1 }
            if byte == 0x3F || (byte == 0x9F && fullwidth) { questions += 1 }
        }
        var expected = Double(min(exclamations, 4)) * 0.292
        if questions > 1 { expected += questions <= 3 ? Double(questions) * 0.18 : 0.96 }
        #expect(SentimentScorer.punctuationEmphasis(text) == expected)
    }

    /// The one-pass scan of an ASCII word lower-cases it and hashes it as ``ByteKeyTable/hash(_:)``
    /// hashes the lower-cased bytes: the tables are probed with that hash.
    @Test(arguments: ["", "a", "Great", "APP", "sooo", "n't", "Customer-Service", "x1y2", "ZZZZZZZZZZZZZZZZZZZZZZZZZ"])
    func asciiScanHashesAsTheTables(word: String) {
        let list = TokenList()
        let start = list.pendingTextStart
        let scan = Array(word.utf8).withUnsafeBufferPointer { list.appendLowercasedASCII($0) }
        let lowered = Array(word.lowercased().utf8)
        #expect(Array(list.pendingText(from: start)) == lowered)
        #expect(scan.hash == lowered.withUnsafeBufferPointer { ByteKeyTable<Int>.hash($0) })
        #expect(scan.hasUpper == word.contains { $0.isUppercase })
        #expect(scan.lettersOnly == word.allSatisfy { $0.isASCII && $0.isLetter })
    }
}

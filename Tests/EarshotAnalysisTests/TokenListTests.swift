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

    /// The table marks exactly its words that elongation reading changes (the tokenizer asks
    /// it only for those), and a stretched word is still read through its listed form.
    @Test func stretchedBitMarksTheWordsElongationReadingChanges() throws {
        let scorer = try ScoreFixtures.scorer()
        let words = scorer.tokenizer.words
        words.table.forEachKey { index, key in
            let changes = scorer.tokenizer.unelongated(key) != nil
            #expect(words.mayBeStretched(index) == changes, "\(String(decoding: key, as: UTF8.self))")
        }
        #expect(!words.mayBeStretched(-1))
        let (list, _) = try Self.list("sooo gooood Loooove zzzzzqx")
        #expect(list.indices.map(list.text) == ["so", "good", "love", "zzzzzqx"])
    }

    /// The byte scan keeps where each ASCII word began and the clause state before it, for a
    /// Malay pass to resume from; other tokens have none.
    @Test func wordStartsHoldOffsetsAndClauseStates() throws {
        let scorer = try ScoreFixtures.scorer()
        let list = TokenList()
        let text = "Good phone. Battery 😡 bad, but ok"
        _ = scorer.tokenizer.tokens(text, detectingWith: scorer.detector, into: list)
        let bytes = Array(text.utf8)
        #expect(list.indices.map(list.text) == ["good", "phone", "battery", "😡", "bad", "but", "ok"])
        let starts = list.indices.map(list.wordStart)
        #expect(starts.map { $0?.offset } == [0, 5, 12, nil, 25, 30, 34])
        #expect(starts.map { $0?.clause } == [0, 0, 0, nil, 1, 1, 2])
        #expect(starts.map { $0?.pendingBreak } == [false, false, true, nil, false, true, false])
        for (index, start) in starts.enumerated() {
            guard let start else { continue }
            #expect(bytes[start.offset] | 0x20 == Array(list.text(index).utf8)[0], "token \(index)")
        }
    }

    /// Each token's sentence, as its lookup forms joined, for ``sentencesEndAtSentencePunctuation(text:language:sentences:)``.
    private static func sentences(_ list: TokenList, separator: String = " ") -> [String] {
        var found: [String] = [], index = 0
        while index < list.count {
            let sentence = list.sentence(containing: index)
            #expect(sentence.contains(index) && sentence.lowerBound == index, "sentence \(sentence) from token \(index)")
            // Every token of a sentence finds the same sentence.
            for token in sentence { #expect(list.sentence(containing: token) == sentence, "token \(token)") }
            found.append(sentence.map(list.text).joined(separator: separator))
            index = sentence.upperBound
        }
        return found
    }

    /// Sentences end at ". ! ? ;", their fullwidth forms and line breaks, not at commas, colons or
    /// "、", on every tokenizing path: the byte scan (ASCII and Chinese), the `Character` walk (a
    /// carriage return sends a text there) and the Malay pass that resumes the scan at a word
    /// normalisation changes (`xpuas`).
    @Test(arguments: [
        ("Good phone. Battery bad, but ok! Fine? Yes; no: maybe", nil, ["good phone", "battery bad but ok", "fine", "yes", "no maybe"]),
        ("房间很干净。服务不错，但是早餐很差！位置好？价格贵；就这样：还行、可以", "zh", ["房间很干净", "服务不错但是早餐很差", "位置好", "价格贵", "就这样还行可以"]),
        ("Good phone\r\nbad battery, ok", nil, ["good phone", "bad battery ok"]),
        ("Good phone\rbad battery\u{2028}ok", nil, ["good phone", "bad battery", "ok"]),
        ("Barang ok. Xpuas dengan servis, tapi murah", "ms", ["barang ok", "tak puas dengan servis tapi murah"]),
        ("Barang ok, xpuas dengan servis", "ms", ["barang ok tak puas dengan servis"]),
        // The sentence ends the first scan noted after the word it resumes at are dropped, and noted again.
        ("Barang ok, xpuas. Servis bagus", "ms", ["barang ok tak puas", "servis bagus"]),
    ] as [(String, String?, [String])])
    func sentencesEndAtSentencePunctuation(text: String, language: String?, sentences: [String]) throws {
        let scorer = try ScoreFixtures.scorer()
        let list = TokenList()
        if let language {
            scorer.tokenizer.tokens(text, language: language, into: list)
        } else {
            _ = scorer.tokenizer.tokens(text, detectingWith: scorer.detector, into: list)
        }
        // (Chinese joined without spaces: the test is of sentences, not of segmentation.)
        #expect(Self.sentences(list, separator: language == "zh" ? "" : " ") == sentences)
        if language == "ms" {
            // The same through detection, which resumes the byte scan for Malay.
            _ = scorer.tokenizer.tokens(text, detectingWith: scorer.detector, into: list)
            #expect(Self.sentences(list) == sentences)
        }
    }

    /// Every line break starts a clause, also the ones the byte scan leaves to the `Character`
    /// walk: "\r\n" (one `Character`, not "\n"), "\r", U+2028 and U+0085.
    @Test(arguments: ["\r\n", "\r", "\u{2028}", "\u{85}", "\n"])
    func everyLineBreakStartsAClause(lineBreak: String) throws {
        let (list, _) = try Self.list("Good phone\(lineBreak)bad battery")
        #expect(list.indices.map(list.text) == ["good", "phone", "bad", "battery"])
        #expect(list.indices.map(list.clause) == [0, 0, 1, 1])
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

    /// The scores with one scratch reused for many texts are the scores of fresh ones: its
    /// tokenizer stream is reset from one text to the next (the detector's votes too), and made
    /// anew when another scorer (other tables) uses the scratch.
    @Test func scratchReuseKeepsScores() throws {
        let scorer = try ScoreFixtures.scorer(), other = try ScoreFixtures.scorer()
        let scratch = ScoreScratch()
        let texts = try ScoreFixtures.labelled("en").map(\.text) + ScoreFixtures.labelled("zh").map(\.text) + ScoreFixtures.labelled("ms").map(\.text)
        for (index, text) in (texts + texts.reversed()).enumerated() {
            let user = index % 5 == 0 ? other : scorer
            #expect(user.score(text, language: nil, explain: true, aspects: true, contributions: true, scratch: scratch) == scorer.score(text), "\(text)")
        }
    }

    /// The list's count of upper-case tokens follows its records, also after the Malay pass
    /// truncates a detected line and scans on (xpuas, TAK), and from one text to the next.
    @Test func upperCountFollowsTheRecords() throws {
        let scorer = try ScoreFixtures.scorer()
        let list = TokenList()
        var kept: Tokenizer.TokenStream?
        let texts = ["NOT GOOD at all", "Servis TERUK gila, TAK pernah balas", "XPUAS hati, SGT lmbt, x BEST", "客服 OK 很差", "GREAT", "", "ok :D"]
        for text in texts {
            for language in [nil, "en", "ms"] as [String?] {
                Tokenizer.withUTF8(text) { bytes in
                    if let language {
                        scorer.tokenizer.tokens(bytes, text: { text }, language: language, into: list)
                    } else {
                        _ = scorer.tokenizer.tokens(bytes, text: { text }, detectingWith: scorer.detector, into: list, reusing: &kept, unvalidated: false)
                    }
                }
                #expect(list.upperCount == list.indices.count(where: list.isUpper), "\(text) \(language ?? "auto")")
            }
        }
        if list.count > 1 {
            list.truncate(before: 1)
            #expect(list.upperCount == list.indices.count(where: list.isUpper))
        }
    }

    @Test func edgeByteFilterLetsEveryKeyThrough() {
        let keys = [":)", "</3", ":-p", "d:", "\\o/"]
        let filter = EdgeByteFilter(keys)
        for key in keys { #expect(filter.mayBeKey(first: key.utf8.first!, last: key.utf8.last!), "\(key)") }
        #expect(!filter.mayBeKey(first: UInt8(ascii: "f"), last: UInt8(ascii: ",")))
        // Each edge byte begins or ends some key, but no key has this pair.
        #expect(!filter.mayBeKey(first: UInt8(ascii: ":"), last: UInt8(ascii: "3")))
        #expect(!filter.mayBeKey(first: UInt8(ascii: "<"), last: UInt8(ascii: ")")))
        #expect(filter.mayBeKey(first: UInt8(ascii: "<"), last: 0x80) && filter.mayBeKey(first: 0xF0, last: UInt8(ascii: ")")))
        #expect(filter.mayBeKey(first: 0xE2, last: 0x80), "bytes of 128 or more are never ruled out")
        let greek = EdgeByteFilter(["\u{037E})"])
        #expect(greek.mayBeKey(first: UInt8(ascii: ";"), last: UInt8(ascii: ")")), "a key equivalent to ASCII lets everything through")
    }

    @Test func byteComparableBytesHaveOneCanonicalForm() {
        func comparable(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer(ByteKeyTable<Bool>.isByteComparable) }
        #expect(comparable("abc") && comparable("好评") && comparable("😡") && comparable("ok😍"))
        #expect(!comparable("caf\u{E9}") && !comparable("\u{212A}") && !comparable("\u{F900}") && !comparable("👍\u{FE0F}"))
    }

    /// The eight-bytes-at-a-time count of "!" and "?" counts what a byte-by-byte count counts
    /// (also for words that pass its first test, odd bytes with bit 6 clear, and hold no mark).
    @Test(arguments: ["", "!", "hello!!", "what?? really???", "好！！好？？", "！", "a!b?c!d?e!f?g!h?i!", String(repeating: "x", count: 23) + "!?",
                      "no marks here at all in a longer line of text", "ab！", "\u{1F621}!\u{1F621}?",
                      "odd bytes 13579 #%')+-/;= and no marks", "好好好好好好好好好好", "letters letters!! letters?? letters！？"])
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

    /// The one-pass scan of an ASCII word finds where it ends, lower-cases it and hashes it as
    /// ``ByteKeyTable/hash(_:)`` hashes the lower-cased bytes (the tables are probed with that
    /// hash): the word is the run of letters, digits, apostrophes and hyphens from its first
    /// byte, without the apostrophes and hyphens at its end.
    @Test(arguments: [
        ("a", 0, "a", 1), ("Great", 0, "great", 5), ("APP!", 0, "app", 3), ("sooo good", 0, "sooo", 4), ("don't.", 0, "don't", 5),
        ("Customer-Service", 0, "customer-service", 16), ("x1y2 z", 0, "x1y2", 4), ("ZZZZZZZZZZZZZZZZZZZZZZZZZ", 0, "zzzzzzzzzzzzzzzzzzzzzzzzz", 25),
        ("'quoted' word", 1, "quoted", 8), ("dash-- x", 0, "dash", 6), ("rock'n'roll-", 0, "rock'n'roll", 12), ("9", 0, "9", 1),
        ("the end", 4, "end", 7), ("café", 0, "caf", 3), ("OK好", 0, "ok", 2), ("hi😀", 0, "hi", 2), ("a\nb", 0, "a", 1), ("x:)", 0, "x", 1),
        ("l'''", 0, "l", 4), ("GOOOOD", 0, "gooood", 6), ("a-'-b", 0, "a-'-b", 5), ("1-'", 0, "1", 3),
        // Longer words (ending before, on and after the eighth and sixteenth byte), runs that
        // start late, and the ASCII bytes around the word-byte ranges as stops.
        ("abcdefgh", 0, "abcdefgh", 8), ("abcdefgh ", 0, "abcdefgh", 8), ("abcdefghi", 0, "abcdefghi", 9), ("ABCDEFG.", 0, "abcdefg", 7),
        ("Unbelievably-GOOD stuff", 0, "unbelievably-good", 17), ("xxxxxxxxxxxxxxxx", 0, "xxxxxxxxxxxxxxxx", 16),
        ("abcdefGGg", 0, "abcdefggg", 9), ("abcdefgHhz", 0, "abcdefghhz", 10), ("abcdeffgf", 0, "abcdeffgf", 9),
        ("a b", 0, "a", 1), ("ab-c'd:", 0, "ab-c'd", 6), ("abcdefghijklmno😀", 0, "abcdefghijklmno", 15), ("wow@x", 0, "wow", 3),
        ("x[y", 0, "x", 1), ("x`y", 0, "x", 1), ("x{y", 0, "x", 1), ("x/y", 0, "x", 1), ("09:", 0, "09", 2), ("Z@A", 0, "z", 1),
        ("abcdefghijk'-'-'-", 0, "abcdefghijk", 17), ("sat 12345678'", 4, "12345678", 13),
    ])
    func asciiWordScanFindsLowerCasesAndHashes(line: String, start: Int, word: String, runEnd: Int) {
        let list = TokenList()
        let textStart = list.pendingTextStart
        let bytes = Array(line.utf8)
        let scan = bytes.withUnsafeBufferPointer {
            TokenList.WordScan(scanning: $0, from: start, into: list.pendingFormTarget(reserving: $0.count - start), kinds: list.wordByteKinds)
        }
        // Written, not yet counted.
        #expect(list.pendingText(from: textStart).isEmpty)
        list.appendScannedWord(scan)
        let lowered = Array(word.utf8)
        #expect(Array(list.pendingText(from: textStart)) == lowered)
        #expect(scan.start == start)
        #expect(scan.end == start + lowered.count)
        #expect(scan.runEnd == runEnd)
        #expect(scan.hash == lowered.withUnsafeBufferPointer { ByteKeyTable<Int>.hash($0) })
        let written = bytes[start..<scan.end]
        #expect(scan.hasUpper == written.contains { $0 >= 0x41 && $0 <= 0x5A })
        #expect(scan.hasLower == written.contains { $0 >= 0x61 && $0 <= 0x7A })
        #expect(scan.lettersOnly == written.allSatisfy(Tokenizer.isASCIILetter))
        #expect(scan.lettersAndApostrophes == written.allSatisfy { Tokenizer.isASCIILetter($0) || $0 == UInt8(ascii: "'") })
    }

    /// A word scanned after other lookup forms is appended after them; a token appended
    /// instead of a scanned word (as an emoticon that the word begins) takes its place.
    @Test func asciiWordScanAppendsAfterEarlierForms() {
        let list = TokenList()
        let bytes = Array("Hello World xD".utf8)
        bytes.withUnsafeBufferPointer { line in
            let first = TokenList.WordScan(scanning: line, from: 0, into: list.pendingFormTarget(reserving: line.count - 0), kinds: list.wordByteKinds)
            list.appendScannedWord(first)
            list.finish(textStart: 0, raw: nil, clause: 0, flags: .ascii, word: -1, roles: 0)
            let secondStart = list.pendingTextStart
            let second = TokenList.WordScan(scanning: line, from: 6, into: list.pendingFormTarget(reserving: line.count - 6), kinds: list.wordByteKinds)
            list.appendScannedWord(second)
            list.finish(textStart: secondStart, raw: nil, clause: 0, flags: .ascii, word: -1, roles: 0)
            let thirdStart = list.pendingTextStart
            _ = TokenList.WordScan(scanning: line, from: 12, into: list.pendingFormTarget(reserving: line.count - 12), kinds: list.wordByteKinds)
            list.appendText(UnsafeBufferPointer(rebasing: line[12..<14]))
            list.finish(textStart: thirdStart, raw: nil, clause: 0, flags: .ascii, word: -1, roles: 0)
            #expect(first.end == 5 && second.end == 11)
            #expect(list.text(0) == "hello" && list.text(1) == "world" && list.text(2) == "xD")
            #expect(String(decoding: list.phraseBytes(0..<3), as: UTF8.self) == "hello world xD")
        }
    }
}

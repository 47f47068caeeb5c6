import Testing
@testable import EarshotAnalysis

@Suite("Tokenizer")
struct TokenizerTests {
    private func texts(_ text: String, language: String? = nil) throws -> [String] {
        try Tokenizer(lexicon: ScoreFixtures.lexicon()).tokens(text, language: language).map(\.text)
    }

    @Test func splitsWordsAndLowerCasesThem() throws {
        #expect(try texts("The Courier didn’t ring, AGAIN.") == ["the", "courier", "didn't", "ring", "again"])
        let tokens = try Tokenizer(lexicon: ScoreFixtures.lexicon()).tokens("Late AGAIN")
        #expect(tokens.map(\.raw) == ["Late", "AGAIN"])
        #expect(tokens[1].isAllCaps && !tokens[0].isAllCaps)
    }

    @Test func numbersClausesAtPunctuationAndContrastWords() throws {
        let tokens = try Tokenizer(lexicon: ScoreFixtures.lexicon()).tokens("Good product, but slow delivery. Happy overall")
        #expect(tokens.map(\.clause) == [0, 0, 1, 1, 1, 2, 2])
        let zh = try Tokenizer(lexicon: ScoreFixtures.lexicon()).tokens("东西不错但是客服太差", language: "zh")
        let contrast = try #require(zh.firstIndex { $0.text == "但是" })
        #expect(zh[contrast].clause == zh[0].clause + 1)
    }

    @Test func keepsEmoticonsWhole() throws {
        #expect(try texts("great :) thanks") == ["great", ":)", "thanks"])
    }

    /// Every emoticon with letters is kept whole after a word, in either case, also when it
    /// begins with a word (the scan asks only for the runs ``Tokenizer/letterEmoticonRuns``
    /// lists); and one without letters is one token, written as it is looked up.
    @Test func keepsEveryLetterEmoticonWhole() throws {
        let tokenizer = try ScoreFixtures.scorer().tokenizer
        let keys = tokenizer.letterEmoticons.keys
        #expect(keys.count > 10)
        for key in keys {
            for written in [key, key.uppercased()] {
                let tokens = tokenizer.tokens("ok \(written) fine")
                #expect(tokens.map(\.text) == ["ok", key, "fine"], "\(written)")
            }
        }
        let tokens = tokenizer.tokens("great :) thanks <3 ok")
        #expect(tokens.map(\.raw) == tokens.map(\.text) && tokens.map(\.text) == ["great", ":)", "thanks", "<3", "ok"])
    }

    // MARK: Emoji

    static let emoji: [(String, String)] = [
        ("👍🏽", "👍"),
        ("👎🏿", "👎"),
        ("❤️", "❤"),
        ("❤", "❤"),
        ("🙏🏻", "🙏"),
        ("🤦🏻‍♀️", "🤦‍♀"),
        ("❤️‍🩹", "❤"),
    ]

    @Test("Emoji lose skin tones and variation selectors", arguments: emoji)
    func emojiKey(_ written: String, _ key: String) throws {
        let tokens = try Tokenizer(lexicon: ScoreFixtures.lexicon()).tokens("ok\(written)")
        #expect(tokens.map(\.text) == ["ok", key])
        #expect(tokens.last?.raw == written)
        #expect(try ScoreFixtures.lexicon().emoji[key] != nil)
    }

    // MARK: Malay

    static let malay: [(String, [String])] = [
        ("xpuas hati", ["tak", "puas", "hati"]),
        ("XPUAS", ["tak", "puas"]),
        ("x best", ["tak", "best"]),
        ("sgt lmbt", ["sangat", "lambat"]),
        ("mengecewakannya", ["mengecewakan"]),
        ("menyeronokkan", ["seronok"]),
        ("kemahalan", ["mahal"]),
        ("dirosakkan", ["rosak"]),
        ("ketidakpuasan", ["tidak", "puas"]),
        ("baik-baik", ["baik"]),
        ("cepat2", ["cepat"]),
        ("delivery slow", ["delivery", "slow"]),
        ("sebaik sahaja", ["sebaik", "sahaja"]),
    ]

    @Test("Malay words are normalised, several tokens where the standard form has several words", arguments: malay)
    func malayWords(_ text: String, _ expected: [String]) throws {
        #expect(try texts(text, language: "ms") == expected)
    }

    @Test func malayNormalisationOnlyForMalay() throws {
        #expect(try texts("x best", language: "en") == ["x", "best"])
    }

    @Test func malayChatContrastOpensAClause() throws {
        let tokens = try Tokenizer(lexicon: ScoreFixtures.lexicon()).tokens("barang ok tp lambat", language: "ms")
        #expect(tokens.map(\.text) == ["barang", "ok", "tapi", "lambat"])
        #expect(tokens.map(\.clause) == [0, 0, 1, 1])
        let shouting = try Tokenizer(lexicon: ScoreFixtures.lexicon()).tokens("XPUAS", language: "ms")
        #expect(shouting.map(\.raw) == ["TAK", "PUAS"])
    }

    /// A line detected as Malay keeps the tokens of its detecting scan up to the first word
    /// normalisation may change and scans on from there: the same tokens as a Malay scan.
    @Test func detectedMalayMatchesAMalayScan() throws {
        let scorer = try ScoreFixtures.scorer()
        let texts = ["Servis teruk gila, tak pernah balas", "Produk ni memang best, sgt berbaloi", "barang ok tp lambat",
                     "Penghantaran lambat tapi barang ok :)", "Khidmat pelanggan x membantu langsung. XPUAS!!", "saya sangat kecewa, xpuas",
                     "barang sampai cepat2 dan baik-baik, seller ok", "tak puas hati. \nbarang rosak tp seller baik 😡", "memang mantap sgt"]
        let list = TokenList()
        for text in texts {
            guard scorer.tokenizer.tokens(text, detectingWith: scorer.detector, into: list) == "ms" else { continue }
            let expected = scorer.tokenizer.tokens(text, language: "ms")
            #expect(list.tokens().map(\.text) == expected.map(\.text), "\(text)")
            #expect(list.tokens().map(\.raw) == expected.map(\.raw), "\(text)")
            #expect(list.tokens().map(\.clause) == expected.map(\.clause), "\(text)")
        }
    }

    /// Malay words that normalisation changes to one word, a listed spelling ("sgt") or a stem
    /// ("berbaloi"), in any case, are emitted from the byte scan's bytes: the same tokens as the
    /// `String` path gives (which a character outside the byte scan, "é", makes the line take).
    @Test func malayWordsChangedOnBytesAsOnStrings() throws {
        let tokenizer = try ScoreFixtures.scorer().tokenizer
        let words = ["sgt", "SGT", "Sgt", "sGt", "berbaloi", "BERBALOI", "Berbaloi", "xpuas", "XPUAS", "membantu", "kecewanya",
                     "tak", "ni", "NI", "dimakan", "Penghantaran", "cepat2", "baik-baik", "memang", "bagus", "x", "3x", "sgt'",
                     // (Capitals on words that normalisation may change: the written form kept apart.)
                     "Dimakan", "DIMAKAN", "Kecewanya", "KECEWANYA", "Membantu", "Bermasalah", "TERBAIK", "Sedapnya", "Pelanggannya",
                     "Xpuas", "Berbaloinya", "Kebanyakan", "Penjualnya"]
        for word in words {
            for text in ["\(word)", "barang \(word) ok", "tp \(word), lambat"] {
                let bytes = tokenizer.tokens(text, language: "ms")
                let strings = tokenizer.tokens(text + " é", language: "ms")
                #expect(bytes == Array(strings.dropLast()), "\(text)")
            }
        }
    }

    /// A scan without Malay normalisation reserves the lookup forms' room once, for twice the
    /// line's bytes: text of one-byte words, Han characters, emoji and emoticons packed together
    /// (each token with its space), stretched words and lines past the list's first room give
    /// the same tokens as the `String` path (which the "é" in front makes the line take).
    @Test func denseLinesScanAsOnStrings() throws {
        let texts = ["a b c d e", "a,b;c.d!e?f", "1 2 3 q", "a中b中c好d", "q😀y😀z😀", "a :) b :( c", "loooove a sooo b gooood",
                     "I'm a-ok -- 'quoted' q-", String(repeating: "a ", count: 700), String(repeating: "a中", count: 300),
                     String(repeating: "q😀", count: 200), "好" + String(repeating: "b,", count: 400)]
        try TokenizerTests.expectScansAsOnStrings(texts)
    }

    /// Each text gives the same tokens (texts, raw forms, clauses) on the byte path as on the
    /// `String` path (which an "é" in front makes the line take), and the detecting scan (the
    /// scorer's) the same texts.
    static func expectScansAsOnStrings(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let scorer = try ScoreFixtures.scorer()
        let tokenizer = scorer.tokenizer
        let list = TokenList()
        for text in texts {
            let bytePath = tokenizer.tokens(text, language: "en")
            let stringPath = Array(tokenizer.tokens("é " + text, language: "en").dropFirst())
            #expect(bytePath.map(\.text) == stringPath.map(\.text), "\(text.prefix(20))", sourceLocation: sourceLocation)
            #expect(bytePath.map(\.raw) == stringPath.map(\.raw), "\(text.prefix(20))", sourceLocation: sourceLocation)
            #expect(bytePath.map(\.clause) == stringPath.map(\.clause), "\(text.prefix(20))", sourceLocation: sourceLocation)
            _ = tokenizer.tokens(text, detectingWith: scorer.detector, into: list)
            #expect(list.tokens().map(\.text) == bytePath.map(\.text), "\(text.prefix(20))", sourceLocation: sourceLocation)
        }
    }

    /// Pieces that may be emoticons: ASCII ones are read on their bytes (their letters and
    /// carriage returns seen in the piece's walk), and pieces that begin with a byte from 0x80 up
    /// skip the test when every emoticon begins with ASCII; a piece off the byte path (a skin
    /// tone, a combining mark, a carriage return) is then found by the scan itself. Each text
    /// gives the tokens of the `String` path, and the detecting scan the same.
    @Test func emoticonPiecesScanAsOnStrings() throws {
        #expect(try ScoreFixtures.scorer().tokenizer.emoticonsBeginASCII)
        let texts = ["a :) b :( c", ":-) ok", ";-) q", "</3 sad", "a :D b", "xD lol", ":)", "q :) :) :)", ":) 😀 :(",
                     "👍🏽 good", "😀\u{FE0F} ok", "😀é q", "好\u{0301}q", "中\r a", "😀😀 :) q", "a :)\r :(", "a\r:)", "😀:) ok", "好:) 好",
                     "好。:)", "a！！ :(", "😀 😀", "好 😀 :D"]
        try TokenizerTests.expectScansAsOnStrings(texts)
    }

    // MARK: Chinese

    static let chinese: [(String, [String])] = [
        ("根本没收到", ["根本", "没收到"]),
        ("已经联系客服了", ["已经", "联系", "客服", "了"]),
        ("申请换货被拒绝了", ["申请", "换货", "被拒绝", "了"]),
        ("不好用", ["不", "好用"]),
        ("物流慢得要命", ["物流慢", "得要命"]),
        ("糟心透了", ["糟心", "透了"]),
        ("不太满意", ["不太", "满意"]),
        ("不客气", ["不客气"]),
    ]

    @Test("Chinese is segmented by bidirectional maximum matching", arguments: chinese)
    func chineseWords(_ text: String, _ expected: [String]) throws {
        let tokens = try Tokenizer(lexicon: ScoreFixtures.lexicon()).tokens(text, language: "zh")
        #expect(tokens.map(\.text) == expected)
        #expect(tokens.allSatisfy { $0.isHan })
    }

    @Test func mixedScriptsSplitAtTheScriptBoundary() throws {
        #expect(try texts("App更新以后很卡", language: "zh") == ["app", "更新", "以后", "很", "卡"])
    }

    /// A word the dictionary keeps whole (here an aspect entry) that is a negator plus a
    /// sentiment term is split, so 不 + adjective scores the same either way.
    @Test func gluedNegatorIsSplitOff() {
        var zh = LanguageLexicon()
        zh.valence = ["好用": 2.5, "好": 2]
        zh.negators = ["不": -0.74]
        zh.boosters = ["太": 0.35]
        zh.aspects = ["不好用": AspectTerm(aspect: "product", touchpoint: .experience), "不太好": AspectTerm(aspect: "product", touchpoint: .experience)]
        for term in ["好用", "好", "不", "太", "不好用", "不太好"] { zh.noteEntry(term) }
        let lexicon = Lexicon(languages: ["zh": zh, "en": LanguageLexicon()], emoji: [:])
        let tokenizer = Tokenizer(lexicon: lexicon)
        #expect(tokenizer.tokens("不好用", language: "zh").map(\.text) == ["不", "好用"])
        #expect(tokenizer.tokens("不太好", language: "zh").map(\.text) == ["不", "太", "好"])
        let scorer = SentimentScorer(lexicon: lexicon)
        #expect(scorer.score("不好用", language: "zh").sentiment.polarity == .negative)
    }

    /// Words of the byte path are split on their bytes, words of the `String` path as
    /// `String`s, with the same parts: here with compatibility ideographs (U+F967 is 不, U+F9DD
    /// is 利, U+FA6C a character of four bytes once normalised), which compare as the
    /// characters they stand for; a line with `é` goes the `String` path.
    @Test(arguments: ["不好用", "\u{F967}好用", "不太好", "\u{F967}太好", "不利", "不\u{F9DD}", "\u{F967}\u{F9DD}", "不好\u{FA6C}", "\u{FA6C}不好", "好不", "不不好"])
    func gluedNegatorSplitsAlikeOnBothPaths(word: String) {
        var zh = LanguageLexicon()
        zh.valence = ["好用": 2.5, "好": 2, "利": 1]
        zh.negators = ["不": -0.74]
        zh.boosters = ["太": 0.35]
        zh.aspects = ["不好用": AspectTerm(aspect: "product", touchpoint: .experience), "不太好": AspectTerm(aspect: "product", touchpoint: .experience),
                      "不利": AspectTerm(aspect: "product", touchpoint: .experience)]
        for term in ["好用", "好", "利", "不", "太", "不好用", "不太好", "不利"] { zh.noteEntry(term) }
        let tokenizer = Tokenizer(lexicon: Lexicon(languages: ["zh": zh, "en": LanguageLexicon()], emoji: [:]))
        let bytePath = tokenizer.tokens(word, language: "zh")
        let stringPath = Array(tokenizer.tokens("é " + word, language: "zh").dropFirst())
        #expect(bytePath.map(\.text) == stringPath.map(\.text))
        #expect(bytePath.map(\.raw) == stringPath.map(\.raw))
        #expect(bytePath.allSatisfy { $0.isHan })
    }

    @Test func asciiLetterCountCountsLettersAtEveryLength() {
        // Every byte value in every lane, then pseudo-random lines of 0 to 40 bytes.
        var lines: [[UInt8]] = (0..<32).map { start in (0..<8).map { UInt8((start * 8 + $0) & 0xFF) } }
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for length in 0...40 {
            lines.append((0..<length).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 56)
            })
        }
        for line in lines {
            let expected = line.count { Tokenizer.isASCIILetter($0) }
            #expect(line.withUnsafeBufferPointer(Tokenizer.asciiLetterCount) == expected, "\(line)")
        }
    }
}

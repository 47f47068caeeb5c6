import Testing
@testable import EarshotAnalysis

@Suite("LanguageDetector")
struct LanguageDetectorTests {
    /// Sentences from the seed articles in shared/seeds/ (beside this repository) (000: 客户体验与客户服务;
    /// 003: Perkhidmatan Pelanggan vs Pengalaman Pelanggan), and English review sentences.
    static let sentences: [(String, String)] = [
        ("zh", "有没有过这样的经历?用了很久一个产品,从来没找过客服,但就是觉得用起来特别顺心,心里给它悄悄打了个高分。"),
        ("zh", "像Pinterest这个例子,很多人爱它核心功能,用户粘性挺高,但真遇到事儿想找人帮忙,简直大海捞针。"),
        ("zh", "结果呢?用户在各个平台怨声载道,TrustPilot评分只有1.4分。"),
        ("zh", "这里啊,就藏着两个常常被我们混淆的概念:客户体验(Customer Experience,简称CX)和客户服务(Customer Service,简称CS)。"),
        ("ms", "Perkhidmatan pelanggan vs pengalaman pelanggan—apakah perbezaannya dan mengapa kedua-duanya penting?"),
        ("ms", "Perkhidmatan pelanggan ialah tindakan membantu dan menyokong pelanggan anda sebelum, semasa, dan selepas pembelian produk atau perkhidmatan."),
        ("ms", "Perkhidmatan pelanggan yang cemerlang melangkaui balasan yang pantas dan generik."),
        ("ms", "Selain itu, pelajari cara ganjaran boleh meningkatkan kepuasan dan kesetiaan."),
        ("ms", "Produk ok tapi delivery slow sangat"),
        ("ms", "xpuas hati, sgt lmbt"),
        ("ms", "Website asyik error masa checkout."),
        ("en", "Customer service went above and beyond to replace my broken lamp."),
        ("en", "Rude staff, dirty store, long queue."),
        ("en", "The app keeps freezing on the payment screen."),
        ("en", "Honest seller, fast dispatch, item as pictured."),
        ("en", "I ordered the 小米 power bank and it arrived in two days"),
        ("zh", "小米的power bank很好用"),
        ("en", ""),
    ]

    @Test("Detects zh, ms and en", arguments: sentences)
    func detect(_ expected: String, _ text: String) throws {
        #expect(LanguageDetector(lexicon: try ScoreFixtures.lexicon()).detect(text) == expected)
    }

    @Test func worksWithoutALexiconOnFunctionWords() {
        let detector = LanguageDetector()
        #expect(detector.detect("Saya tak puas hati dengan servis ini") == "ms")
        #expect(detector.detect("I am not happy with the service") == "en")
        #expect(detector.detect("服务很好") == "zh")
    }

    /// Texts where the tokenizer's counts must hand over to the detector, or where its word
    /// split differs from the tokenizer's: digits, hyphens, stretched letters, emoticons with
    /// letters, emoji the detector does not read alone, compatibility ideographs, close votes.
    static let detectedWhileTokenising = [
        "x-ray tak2 best3 sgt-sgt", "sooooo bagusss", "loooove it", ":D tak :p", "XD saya", "🅰 saya tak", "🀄 ok", "😡tak",
        "服务\u{F900}很好", "很好 nice one", "App很好用, but slow", "ok", "beli barang", "the yang", "", "'tak' 'the'",
        "don't-tak", "a''b tak'", "12 34", "“好评” saya", "。tak", "Saya tak puas 😡 hati", "Saya\nTAK puas",
    ]

    /// The tokenizer's language, counted while it reads the words, is the detector's, and
    /// its tokens are those it gives for that language.
    @Test("Detecting while tokenising agrees with the detector", arguments: ["en", "zh", "ms"])
    func detectingWhileTokenising(_ language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        let texts = try ScoreFixtures.labelled(language).map(\.text) + ScoreFixtures.labelled(language, set: "holdout").map(\.text)
            + LanguageDetectorTests.sentences.map(\.1) + LanguageDetectorTests.detectedWhileTokenising
        let list = TokenList()
        for text in texts {
            let expected = scorer.detector.detect(text)
            #expect(scorer.tokenizer.tokens(text, detectingWith: scorer.detector, into: list) == expected, "\(text)")
            #expect(list.tokens() == scorer.tokenizer.tokens(text, language: expected), "\(text)")
        }
    }

    /// The detector counts alphabetic scalars as letters; the tokenizer's count takes only the
    /// ASCII letters, which holds while the Chinese punctuation of its byte path is not alphabetic.
    /// isLoneEmoji tests the scalar range alone: that holds while no emoji of the range is a letter.
    @Test func loneEmojiRangeHasNoLetters() {
        #expect(LanguageDetector.isLoneEmojiRangeWithoutLetters)
    }

    @Test func bytePathPunctuationIsNotAlphabetic() throws {
        let tokenizer = try ScoreFixtures.scorer().tokenizer
        #expect(!tokenizer.bytePunctuation.values.isEmpty)
        for value in tokenizer.bytePunctuation.values {
            #expect(Unicode.Scalar(value)?.properties.isAlphabetic == false, "\(value)")
        }
    }

    @Test("Detects the language of every labelled sentence", arguments: ["en", "zh", "ms"])
    func labelledSets(_ language: String) throws {
        let detector = LanguageDetector(lexicon: try ScoreFixtures.lexicon())
        let rows = try ScoreFixtures.labelled(language)
        let wrong = rows.filter { detector.detect($0.text) != language }
        #expect(Double(wrong.count) <= Double(rows.count) * 0.01, "\(wrong.map(\.text))")
    }

    /// The tally counts half-votes (each vote is 1 or 0.5): class by class as the rule says, and
    /// deciding as the `Double` votes did (an English lexicon word's 0.5, ties to English).
    @Test func tallyHalfVotesMatchTheRule() {
        for raw in UInt8(0)..<16 {
            let found = LanguageDetector.WordClass(rawValue: raw)
            var tally = LanguageDetector.Tally(collects: true)
            tally.add(found) { "q" }
            let isEnglish = found.contains(.englishFunction), isMalay = found.contains(.malayFunction)
            let expected: (en: Double, ms: Double) = isEnglish || isMalay ? (isEnglish ? 1 : 0, isMalay ? 1 : 0)
                : found.contains(.malayLexicon) ? (0, 1) : found.contains(.englishLexicon) ? (0.5, 0) : (0, 0)
            #expect(tally.en == expected.en && tally.ms == expected.ms, "class \(raw)")
            #expect(tally.unknownCount == (expected == (0, 0) ? 1 : 0), "class \(raw)")
        }
        var tally = LanguageDetector.Tally(collects: false)
        tally.add([.englishLexicon]) { "" }
        #expect(tally.en == 0.5 && tally.ms == 0 && tally.decision(nil) == .english && tally.vote == .english)
        tally.add([.malayLexicon]) { "" }
        #expect(tally.decision(nil) == .malay && tally.vote == .malay)
        tally.add([.englishLexicon]) { "" }
        #expect(tally.en == 1 && tally.ms == 1 && tally.decision(nil) == .english)
        // A close vote: within half a vote per unknown word, plus a half.
        tally.add([]) { "" }
        #expect(!tally.needsUnknown(nil))
        #expect(tally.needsUnknown(try! ScoreFixtures.scorer().detector.normaliser))
        tally.add([.malayFunction]) { "" }
        tally.add([.malayFunction]) { "" }
        #expect(tally.ms - tally.en == 2 && !tally.needsUnknown(try! ScoreFixtures.scorer().detector.normaliser))
    }
}

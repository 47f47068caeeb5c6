import Testing
@testable import EarshotAnalysis

/// The byte-level fast paths (ASCII tokenising and language detection) give what the general
/// Unicode paths give. A trailing no-break space is whitespace that yields no token, so the
/// same text with it appended takes the general path and must score the same.
@Suite struct ScorerEquivalenceTests {
    static let forceGeneralPath = "\u{00A0}"

    static let extras = [
        "NOT GOOD at all!!!", "I LOVE it :) but hate THIS", "what?? really???", "can't believe it's SO good",
        "\ttabs\tand  spaces ", "-- 'quoted' word- --dash--", ":)", "</3", "a\nb\n\nGREAT\nbad", "it's-not 'fine'",
        "Support never replied, kept me on hold for 40 minutes", "x tak puas langsung!!", "ok", "", "   ",
        // The byte path's Chinese punctuation, emoji and mixed scripts.
        "客服态度很差，一直没人回复", "物流太慢了，但是东西不错！", "“好评”「给力」（推荐）《好》…～", "。。", "！！",
        "The app is the worst 😡", "made my day 😍!!", "😡", "great😍bad", "差评😡", "App很好用, but slow", "not 不好 at all",
        "👍🏽 thanks", "ok 👍", "❤️ love it", "🤦‍♀️ no", "🇲🇾 bagus", "Kelvin \u{212A} test", "worst😡😡",
        // Text that leaves the byte path after some tokens (the one-pass scan starts again).
        "GREAT :) then\r\nbad", "ok 好 :( café", "x-ray 😡 then 👍🏽", "不好 ☹ :D", "good\u{2019}s", ":) 服务\u{F900}",
    ]

    @Test(arguments: ["en", "ms", "zh"])
    func fastPathsMatchGeneralPaths(language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        let texts = try ScoreFixtures.labelled(language).map(\.text) + ScoreFixtures.labelled(language, set: "holdout").map(\.text)
            + ScorerEquivalenceTests.extras
        for text in texts {
            let general = text + ScorerEquivalenceTests.forceGeneralPath
            #expect(scorer.tokenizer.tokens(text) == scorer.tokenizer.tokens(general), "\(text)")
            #expect(scorer.tokenizer.tokens(text, language: "ms") == scorer.tokenizer.tokens(general, language: "ms"), "\(text)")
            #expect(scorer.detector.detect(text) == scorer.detector.detect(general), "\(text)")
            for lang in [nil, "en", "ms", "zh"] {
                #expect(scorer.score(text, language: lang) == scorer.score(general, language: lang), "\(text) [\(lang ?? "auto")]")
            }
        }
    }

    /// Scoring a line's bytes gives what scoring its `String` gives, for ASCII lines (scored
    /// from their bytes), other lines and bytes that are not valid UTF-8 (which the `String` repairs).
    @Test(arguments: ["en", "ms", "zh"])
    func scoringBytesMatchesScoringStrings(language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        let texts = try ScoreFixtures.labelled(language).map(\.text) + ScorerEquivalenceTests.extras
        var lines = texts.map { Array($0.utf8) }
        lines += [[0x67, 0x6F, 0x6F, 0x64, 0xE4, 0xB8], [0xE4, 0xB8, 0x41, 0x62, 0x61, 0x64], [0xFF, 0x21, 0x21], [0x6F, 0x6B, 0x00, 0x21]]
        let scratch = ScoreScratch()
        for line in lines {
            let text = String(decoding: line, as: UTF8.self)
            for lang in [nil, "en", "ms", "zh"] {
                for (explain, aspects) in [(false, false), (true, true)] {
                    let fromBytes = line.withUnsafeBufferPointer {
                        scorer.score(utf8: $0, language: lang, explain: explain, aspects: aspects, contributions: explain, scratch: scratch)
                    }
                    #expect(fromBytes == scorer.score(text, language: lang, explain: explain, aspects: aspects, contributions: explain), "\(line) [\(lang ?? "auto")]")
                }
            }
        }
    }

    /// Without `explain` the result is the same but for the rules' text.
    @Test(arguments: ["en", "ms", "zh"])
    func scoringWithoutExplanationKeepsResults(language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        for text in try ScoreFixtures.labelled(language).map(\.text) + ScorerEquivalenceTests.extras {
            var full = scorer.score(text)
            for index in full.contributions.indices { full.contributions[index].rules = [] }
            #expect(scorer.score(text, language: nil, explain: false) == full, "\(text)")
        }
    }

    /// The byte-level reading of inflected words finds the base and valence the `String`
    /// specification finds, for every English sentiment word with each suffix added.
    @Test func inflectedTermsMatchTheSpecification() throws {
        let scorer = try ScoreFixtures.scorer()
        let english = try #require(scorer.chains["en"]?.last)
        var words = ["dies", "ignoring", "hopes", "worries", "stopping", "loves", "kills", "ss", "sings", "ing", "tries"]
        for base in english.lexicon.valence.keys where base.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
            let stem = String(base.dropLast())
            words += [base + "s", base + "es", base + "ing", stem + "ies", stem + "ing", base + String(base.suffix(1)) + "ing"]
        }
        for word in words {
            let specified = SentimentScorer.inflectedTerm(word, in: english.lexicon)
            let found = SentimentScorer.inflectedTerm(word, in: english)
            #expect(specified?.0 == found?.0 && specified?.1 == found?.1, "\(word)")
        }
    }

    @Test func fullwidthPunctuationCounts() {
        #expect(SentimentScorer.punctuationEmphasis("好！！？？") == SentimentScorer.punctuationEmphasis("好!!??"))
        #expect(SentimentScorer.punctuationEmphasis("a!b?c?") == 0.292 + 2 * 0.18)
    }
}

import Testing
@testable import EarshotAnalysis

/// ``SentimentScorer/isUnmodified(_:base:table:language:capDifferential:)``, the test that lets a
/// term keep its base without the valence rules, holds only where the rules change nothing; a
/// neutral entry keeps what the rules give it, to the sign of zero.
@Suite struct UnmodifiedValenceTests {
    /// Texts where a rule applies next to texts where none does: boosters before and after,
    /// negators, "least", capitals, neutral entries, emoji, Chinese and Malay modifiers.
    static let texts = [
        "good", "very good", "not good", "good, not bad", "least helpful", "the least helpful", "at least helpful", "LEAST helpful",
        "I LOVE it", "GOOD", "good GOOD app", "NOT GOOD", "never so good", "no good", "no one is happy", "without doubt good",
        "couldn't be happier", "kind of okay but slow", "help desk was rude", "great 😍", "bagus sangat", "tak bagus", "teruk gila",
        "memang best", "tak berapa bagus", "bukan nak selesaikan masalah", "ada stok tak?", "很好", "不好", "没有别人说的那么好",
        "不如上次好吃", "慢死了", "没有了四星级的气派", "不像广告那样好用", "远不如上次好", "并不如想象中好", "不如说好", "\u{F967}如上次好吃",
        "很久没有这么好的体验", "东西好的了的了的", "没那么好", "好好好", "good though slow", "pretty good", "pretty", "super", "yet good", "not yet good",
    ]

    /// A negated intensifier names the intensifier's span, after the term or before it
    /// (``Intensifiers`` holds each one's span index).
    @Test func negatedIntensifiersNameTheirSpans() throws {
        let scorer = try ScoreFixtures.scorer()
        let cases = [("tak bagus sangat", "ms", "negated intensifier 'tak … sangat' (×-0.5)"),
                     ("tak begitu bagus sangat", "ms", "negated intensifier 'tak begitu … sangat' (×-0.5)"),
                     ("不是很好", "zh", "negated intensifier '不是 … 很' (×-0.5)")]
        for (text, language, rule) in cases {
            let rules = scorer.score(text, language: language).contributions.flatMap(\.rules)
            #expect(rules.contains(rule), "\(text): \(rules)")
        }
    }

    /// The Chinese particles that a negator or booster reaches across.
    static let chineseParticles: Set<String> = ["的", "了", "地", "得", "着", "过", "也", "都", "还", "又", "就"]

    /// The written-out particle codes are the particles' bytes, and no other Han character's.
    @Test func particleCodesAreTheParticles() {
        func code(_ character: Character) -> UInt32 { String(character).utf8.reduce(0) { $0 << 8 | UInt32($1) } }
        var accepted = 0
        for value in UInt32(0x4E00)...0x9FFF {
            let character = Character(Unicode.Scalar(value)!)
            let isParticle = UnmodifiedValenceTests.chineseParticles.contains(String(character))
            #expect(SentimentScorer.isChineseParticleCode(code(character)) == isParticle, "\(character)")
            if isParticle { accepted += 1 }
        }
        #expect(accepted == UnmodifiedValenceTests.chineseParticles.count)
        #expect(!SentimentScorer.isChineseParticleCode(code("a")))
    }

    @Test(arguments: ["en", "ms", "zh"])
    func unmodifiedTermsKeepTheirBase(language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        let texts = try ScoreFixtures.labelled(language).map(\.text) + ScoreFixtures.labelled(language, set: "holdout").map(\.text)
            + ScorerEquivalenceTests.extras + Self.texts
        let list = TokenList()
        var unmodified = 0, modified = 0
        for text in texts {
            for lang in ["en", "ms", "zh"] {
                _ = ScoreFixtures.spans(text, language: lang, scorer: scorer, chain: scorer.lookupChain(lang), list: list)
                let kind = ScoreLanguage(lang)
                let table = SpanTable(tokens: list, language: kind)
                let capDifferential = SentimentScorer.hasCapDifferential(list)
                for span in table.spans {
                    guard let base = table.termValence(span) else { continue }
                    var rules = RuleLog(enabled: true)
                    let value = scorer.modifiedValence(of: span, base: base, table: table, language: kind, capDifferential: capDifferential, rules: &rules)
                    if SentimentScorer.isUnmodified(span, base: base, table: table, language: kind, capDifferential: capDifferential) {
                        unmodified += 1
                        #expect(value == base && rules.rules.isEmpty, "\(text) [\(lang)] \(scorer.text(of: span, in: table))")
                    } else {
                        modified += 1
                    }
                    var log = RuleLog(enabled: true)
                    let fast = scorer.valence(of: span, base: base, table: table, language: kind, capDifferential: capDifferential, rules: &log)
                    #expect(fast.bitPattern == value.bitPattern, "\(text) [\(lang)]")
                    #expect(log.rules == rules.rules)
                }
            }
        }
        #expect(unmodified > 0 && modified > 0)
    }
}

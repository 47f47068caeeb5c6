import Testing
@testable import EarshotAnalysis

/// ``SentimentScorer/isUnmodified(_:base:table:language:capDifferential:)``, the test that lets a
/// term keep its base without the valence rules, holds only where the rules change nothing.
@Suite struct UnmodifiedValenceTests {
    /// Texts where a rule applies next to texts where none does: boosters before and after,
    /// negators, "least", capitals, neutral entries, emoji, Chinese and Malay modifiers.
    static let texts = [
        "good", "very good", "not good", "good, not bad", "least helpful", "the least helpful", "at least helpful", "LEAST helpful",
        "I LOVE it", "GOOD", "good GOOD app", "NOT GOOD", "never so good", "no good", "no one is happy", "without doubt good",
        "couldn't be happier", "kind of okay but slow", "help desk was rude", "great 😍", "bagus sangat", "tak bagus", "teruk gila",
        "memang best", "tak berapa bagus", "bukan nak selesaikan masalah", "ada stok tak?", "很好", "不好", "没有别人说的那么好",
        "不如上次好吃", "慢死了", "good though slow", "pretty good", "pretty", "super", "yet good", "not yet good",
    ]

    @Test(arguments: ["en", "ms", "zh"])
    func unmodifiedTermsKeepTheirBase(language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        let texts = try ScoreFixtures.labelled(language).map(\.text) + ScoreFixtures.labelled(language, set: "holdout").map(\.text)
            + ScorerEquivalenceTests.extras + Self.texts
        let list = TokenList()
        var unmodified = 0, modified = 0
        for text in texts {
            for lang in ["en", "ms", "zh"] {
                scorer.tokenizer.tokens(text, language: lang, into: list)
                let kind = ScoreLanguage(lang)
                scorer.findSpans(list, chain: scorer.lookupChain(lang), entries: ChainEntries(language: kind), language: kind)
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
                    #expect(scorer.valence(of: span, base: base, table: table, language: kind, capDifferential: capDifferential, rules: &log) == value)
                    #expect(log.rules == rules.rules)
                }
            }
        }
        #expect(unmodified > 0 && modified > 0)
    }
}

import Testing
@testable import EarshotAnalysis

/// ``SentimentScorer/contrastPivot(_:)``, which compares contrast words on bytes, finds the
/// pivot that the rule written on `String`s finds.
@Suite struct ContrastPivotTests {
    static let texts = [
        "good but slow", "though it was late, it works", "it works, although it was late", "even though it was late it works",
        "it works even though late", "slow delivery though", "not yet convinced", "not arrived yet", "it is slow, yet it works",
        "and yet good", "yet good", "though", "but", "Though GOOD, BUT slow", "bagus tapi mahal", "东西不错但是物流太慢", "good however slow",
        "fine though, but bad", "thoughtful but slow", "yet, though",
        "bad. But, great", "But, it works", "bad. However, great", "slow. though", "服务很差。不过，菜很好吃", "虽然质量很好，价格太贵",
        "价格太贵，虽然质量很好", "服务很差，尽管如此，菜很好吃", "walaupun mahal, barang ok", "Servis teruk. Walaupun begitu, produk bagus",
    ]

    /// The rule on `String`s: the pivot as ``SentimentScorer/contrastPivot(_:)`` describes it.
    static func pivot(_ scorer: SentimentScorer, _ table: SpanTable) -> SentimentScorer.ContrastPivot? {
        let tokens = table.tokens
        for (index, span) in table.spans.enumerated() where span.kind == .contrast {
            let word = scorer.text(of: span, in: table)
            if word == "yet", span.start > 0, table.sameClause(span.start - 1, span.start) { continue }
            let alone = span.end == tokens.count || !table.sameClause(span.last, span.end)
            let opens = span.start == 0 || tokens.followsBreak(span.start)
            guard alone, !opens else {
                let concessive = SentimentScorer.isConcessive(word)
                return .init(index: span.start, span: index, concessiveClause: concessive ? tokens.clause(span.start) : nil)
            }
            if word == "yet" { continue }
            let clause = tokens.clause(span.start - 1)
            var start = span.start - 1
            while start > 0, tokens.clause(start - 1) == clause { start -= 1 }
            return start == 0 ? nil : .init(index: start, span: index, concessiveClause: nil)
        }
        return nil
    }

    @Test(arguments: ["en", "ms", "zh"])
    func pivotIsTheRuleOnStrings(language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        let texts = try ScoreFixtures.labelled(language).map(\.text) + ScorerEquivalenceTests.extras + Self.texts
        let list = TokenList()
        var pivots = 0, concessive = 0
        for text in texts {
            let spans = ScoreFixtures.spans(text, language: language, scorer: scorer, chain: scorer.lookupChain(language), list: list)
            // The scorer looks for a pivot only where the list says a span is a contrast word.
            #expect(list.hasContrastSpan == spans.contains { if case .contrast = $0.kind { true } else { false } }, "\(text)")
            let table = SpanTable(tokens: list, language: ScoreLanguage(language))
            let found = scorer.contrastPivot(table), expected = Self.pivot(scorer, table)
            #expect(found?.index == expected?.index && found?.span == expected?.span && found?.concessiveClause == expected?.concessiveClause, "\(text)")
            if found != nil { pivots += 1 }
            if found?.concessiveClause != nil { concessive += 1 }
        }
        #expect(pivots > 0)
        #expect(concessive > 0)
    }
}

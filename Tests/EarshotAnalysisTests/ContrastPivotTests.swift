import Testing
@testable import EarshotAnalysis

/// ``SentimentScorer/contrastPivot(_:in:near:)``, which compares contrast words on bytes and
/// searches from a span near the range, finds the pivot that the rule written on `String`s finds
/// over all the spans, for the whole text and for each sentence.
@Suite struct ContrastPivotTests {
    static let texts = [
        "good but slow", "though it was late, it works", "it works, although it was late", "even though it was late it works",
        "it works even though late", "slow delivery though", "not yet convinced", "not arrived yet", "it is slow, yet it works",
        "and yet good", "yet good", "though", "but", "Though GOOD, BUT slow", "bagus tapi mahal", "东西不错但是物流太慢", "good however slow",
        "fine though, but bad", "thoughtful but slow", "yet, though",
        "bad. But, great", "But, it works", "bad. However, great", "slow. though", "服务很差。不过，菜很好吃", "虽然质量很好，价格太贵",
        "价格太贵，虽然质量很好", "服务很差，尽管如此，菜很好吃", "walaupun mahal, barang ok", "Servis teruk. Walaupun begitu, produk bagus",
        "房间很干净。服务不错，但是早餐很差。位置好，可是太吵", "好。但是", "但是。好", "bagus. tapi mahal. murah tapi teruk", "ok. slow though. fine",
    ]

    /// The rule on `String`s: the pivot of the tokens `range` as ``SentimentScorer/contrastPivot(_:in:near:)`` describes it.
    static func pivot(_ scorer: SentimentScorer, _ table: SpanTable, in range: Range<Int>) -> SentimentScorer.ContrastPivot? {
        let tokens = table.tokens
        for (index, span) in table.spans.enumerated() where span.kind == .contrast && range.contains(span.start) {
            let word = scorer.text(of: span, in: table)
            if word == "yet", span.start > range.lowerBound, table.sameClause(span.start - 1, span.start) { continue }
            let alone = span.end >= range.upperBound || !table.sameClause(span.last, span.end)
            let opens = span.start == range.lowerBound || tokens.followsBreak(span.start)
            guard alone, !opens else {
                let concessive = SentimentScorer.isConcessive(word)
                return .init(index: span.start, span: index, concessiveClause: concessive ? tokens.clause(span.start) : nil)
            }
            if word == "yet" { continue }
            let clause = tokens.clause(span.start - 1)
            var start = span.start - 1
            while start > range.lowerBound, tokens.clause(start - 1) == clause { start -= 1 }
            return start == range.lowerBound ? nil : .init(index: start, span: index, concessiveClause: nil)
        }
        return nil
    }

    @Test(arguments: ["en", "ms", "zh"])
    func pivotIsTheRuleOnStrings(language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        let texts = try ScoreFixtures.labelled(language).map(\.text) + ScorerEquivalenceTests.extras + Self.texts
        let list = TokenList()
        var pivots = 0, concessive = 0, sentencePivots = 0
        for text in texts {
            let spans = ScoreFixtures.spans(text, language: language, scorer: scorer, chain: scorer.lookupChain(language), list: list)
            // The scorer looks for a pivot only where the list says a span is a contrast word.
            #expect(list.hasContrastSpan == spans.contains { if case .contrast = $0.kind { true } else { false } }, "\(text)")
            let table = SpanTable(tokens: list, language: ScoreLanguage(language))
            let found = scorer.contrastPivot(table, in: 0..<list.count), expected = Self.pivot(scorer, table, in: 0..<list.count)
            #expect(found?.index == expected?.index && found?.span == expected?.span && found?.concessiveClause == expected?.concessiveClause, "\(text)")
            if found != nil { pivots += 1 }
            if found?.concessiveClause != nil { concessive += 1 }
            // Each sentence's pivot, searched from each span that starts in it (as the scorer
            // does, from the first term it meets there) and from the span after the sentence.
            var start = 0
            while start < list.count {
                let sentence = list.sentence(containing: start)
                let expected = Self.pivot(scorer, table, in: sentence)
                let near = table.spans.indices.filter { sentence.contains(table.spans[$0].start) }
                for span in near + [near.last.map { $0 + 1 } ?? 0] {
                    let found = scorer.contrastPivot(table, in: sentence, near: span)
                    #expect(found?.index == expected?.index && found?.span == expected?.span && found?.concessiveClause == expected?.concessiveClause,
                            "\(text), sentence \(sentence), near \(span)")
                }
                if expected != nil, sentence != 0..<list.count { sentencePivots += 1 }
                start = sentence.upperBound
            }
        }
        #expect(pivots > 0)
        #expect(concessive > 0)
        #expect(sentencePivots > 0)
    }
}

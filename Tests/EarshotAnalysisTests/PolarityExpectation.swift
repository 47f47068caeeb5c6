import EarshotAnalysis
import Testing

/// Expects `rule`'s sentence to score with `rule.expected` in `language`; on failure the message
/// gives the compound and every term that counted, with the rules that changed it.
func expectPolarity(_ rule: RuleCase, language: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let result = try ScoreFixtures.scorer().score(rule.text, language: language)
    let explained = result.contributions.map { "\($0.term) \($0.base)→\($0.final) \($0.rules)" }
    #expect(result.sentiment.polarity == rule.expected, "compound \(result.sentiment.compound): \(explained)",
            sourceLocation: sourceLocation)
}

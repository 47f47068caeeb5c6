/// A mention with its sentiment, detected language and per-aspect scores.
public struct ScoredMention: Sendable, Equatable, Codable {
    public var mention: Mention
    public var sentiment: Sentiment
    /// `en`, `zh` or `ms`.
    public var lang: String
    public var aspects: [AspectScore]
    /// The lexicon terms that counted, for explanations.
    public var terms: [String]

    public init(mention: Mention, sentiment: Sentiment, lang: String, aspects: [AspectScore] = [], terms: [String] = []) {
        self.mention = mention
        self.sentiment = sentiment
        self.lang = lang
        self.aspects = aspects
        self.terms = terms
    }

    /// The compound this mention gives a touchpoint (mean over its aspects), or nil if it names none.
    public func compound(for touchpoint: Touchpoint) -> Double? {
        let scores = aspects.filter { $0.touchpoint == touchpoint }.map(\.compound)
        return scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
    }
}

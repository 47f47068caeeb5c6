import EarshotCore

/// What the scorer found in one text: its sentiment, language, aspects, and how each term counted.
public struct ScoreResult: Sendable, Equatable {
    public var sentiment: Sentiment
    public var lang: String
    public var aspects: [AspectScore]
    public var contributions: [Contribution]

    /// One lexicon term that counted, with the rules that changed its valence.
    public struct Contribution: Sendable, Equatable {
        public var term: String
        /// The valence in the lexicon.
        public var base: Double
        /// The valence after every rule.
        public var final: Double
        /// The rules that applied, in order (`negated by 'not'`, `boosted by 'very'`, …).
        public var rules: [String]
        public var clause: Int
    }
}

/// The polarity of a text: VADER-style proportions and a normalised compound score.
public struct Sentiment: Sendable, Equatable, Codable {
    /// In [-1, 1]: ≥ 0.05 positive, ≤ -0.05 negative, neutral between.
    public var compound: Double
    public var pos: Double
    public var neu: Double
    public var neg: Double

    public init(compound: Double, pos: Double, neu: Double, neg: Double) {
        self.compound = compound
        self.pos = pos
        self.neu = neu
        self.neg = neg
    }

    public static let neutral = Sentiment(compound: 0, pos: 0, neu: 1, neg: 0)

    /// The three-way label DESIGN.md fixes.
    public var polarity: Polarity { Polarity(compound: compound) }
}

/// Positive, neutral or negative, from a compound score with the ±0.05 thresholds.
public enum Polarity: String, Sendable, Codable, CaseIterable {
    case positive, neutral, negative

    public init(compound: Double) {
        if compound >= 0.05 { self = .positive } else if compound <= -0.05 { self = .negative } else { self = .neutral }
    }
}

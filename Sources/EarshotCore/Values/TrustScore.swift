/// A Trustpilot-style trust score: a decayed Bayesian average of star ratings.
public struct TrustScore: Sendable, Equatable, Codable {
    /// The score, rounded to one decimal.
    public var value: Double
    /// The nearest half star.
    public var stars: Double
    /// How many rated reviews went in (before decay).
    public var ratedReviews: Int

    public init(value: Double, stars: Double, ratedReviews: Int) {
        self.value = value
        self.stars = stars
        self.ratedReviews = ratedReviews
    }
}

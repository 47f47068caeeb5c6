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

/// A brand's trust score day by day, and how far it moved in 30 days.
public struct TrustTrend: Sendable, Equatable, Codable {
    /// The score on one day.
    public struct Point: Sendable, Equatable, Codable {
        public var day: Day
        /// The unrounded score (writers round it to one decimal).
        public var value: Double
        /// Rated reviews dated on or before the day.
        public var ratedReviews: Int

        public init(day: Day, value: Double, ratedReviews: Int) {
            self.day = day
            self.value = value
            self.ratedReviews = ratedReviews
        }
    }

    /// One point per day with at least one rated review on or before it, oldest first.
    public var points: [Point]
    /// The score on the last day minus the score 30 days before it, nil when either has no review.
    public var change30Days: Double?

    public init(points: [Point], change30Days: Double?) {
        self.points = points
        self.change30Days = change30Days
    }
}

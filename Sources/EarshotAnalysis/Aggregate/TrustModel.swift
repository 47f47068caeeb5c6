import EarshotCore
import Foundation

/// The trust score: a Trustpilot-style Bayesian average of star ratings.
///
/// `score = (priorWeight × priorMean + Σ wᵢ rᵢ) / (priorWeight + Σ wᵢ)` with a prior of 7
/// reviews at 3.5 stars, each review weighted `0.5^(age in days / 182.6)`, its age counted in
/// whole days from the review's day to `asOf`. Reviews after `asOf` are ignored. Shown with one
/// decimal, plus the nearest half star.
public struct TrustModel: Sendable {
    public var priorWeight = 7.0
    public var priorMean = 3.5
    public var halfLifeDays = 182.6

    public init() {}

    /// The unrounded score and the total weight of the reviews, or nil with no review.
    public func raw(_ reviews: [RatedReview], asOf: Day) -> (score: Double, weight: Double, count: Int)? {
        var weighted = 0.0, weight = 0.0, count = 0
        for review in reviews where review.day <= asOf {
            let w = pow(0.5, Double(review.day.distance(to: asOf)) / halfLifeDays)
            weighted += w * review.rating
            weight += w
            count += 1
        }
        guard count > 0 else { return nil }
        return ((priorWeight * priorMean + weighted) / (priorWeight + weight), weight, count)
    }

    /// The trust score at `asOf`, or nil when there is no rated review.
    public func score(_ reviews: [RatedReview], asOf: Day) -> TrustScore? {
        guard let (score, _, count) = raw(reviews, asOf: asOf) else { return nil }
        return TrustScore(value: (score * 10).rounded() / 10, stars: (score * 2).rounded() / 2, ratedReviews: count)
    }

    /// How many 5-star reviews today would lift the rounded stars by half a star (nil at 5 stars).
    public func fiveStarsToNextHalfStar(_ reviews: [RatedReview], asOf: Day) -> Int? {
        let current = raw(reviews, asOf: asOf)
        let score = current?.score ?? priorMean
        let stars = (score * 2).rounded() / 2
        guard stars < 5 else { return nil }
        // The rounded stars reach the next half at score ≥ stars + 0.25.
        let target = stars + 0.25
        let weight = priorWeight + (current?.weight ?? 0)
        let numerator = score * weight
        // (numerator + 5n) / (weight + n) ≥ target  ⇔  n ≥ (target·weight − numerator) / (5 − target)
        let needed = (target * weight - numerator) / (5 - target)
        return max(1, Int(needed.rounded(.up)))
    }
}

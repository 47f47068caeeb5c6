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
        return TrustScore(value: (score * 10).rounded() / 10, stars: Self.halfStars(score), ratedReviews: count)
    }

    /// The nearest half star of a score; a score halfway between two rounds up (4.25 is 4.5★).
    public static func halfStars(_ score: Double) -> Double { (score * 2).rounded() / 2 }

    /// How many 5-star reviews today would lift the rounded stars by half a star (nil at 5 stars).
    ///
    /// With no review, the prior's 3.5 stars are the start. The count is the least `n` for which
    /// ``score(_:asOf:)`` of `reviews` plus `n` five-star reviews dated `asOf` shows the next half star.
    public func fiveStarsToNextHalfStar(_ reviews: [RatedReview], asOf: Day) -> Int? {
        let current = raw(reviews, asOf: asOf)
        let score = current?.score ?? priorMean
        let stars = Self.halfStars(score)
        guard stars < 5 else { return nil }
        // The rounded stars reach the next half at score ≥ stars + 0.25:
        // (numerator + 5n) / (weight + n) ≥ target  ⇔  n ≥ (target·weight − numerator) / (5 − target).
        let target = stars + 0.25
        let weight = priorWeight + (current?.weight ?? 0)
        let needed = (target * weight - score * weight) / (5 - target)
        // At a band's very edge the closed form can be one off through rounding, so settle the
        // answer on the score itself: the least n that reaches the next half star.
        let kept = reviews.filter { $0.day <= asOf }
        func reaches(_ n: Int) -> Bool {
            let fives = Array(repeating: RatedReview(brand: kept.first?.brand ?? "", day: asOf, rating: 5), count: n)
            return raw(kept + fives, asOf: asOf).map { Self.halfStars($0.score) > stars } ?? false
        }
        var n = max(1, Int(needed.rounded(.up)))
        while !reaches(n) { n += 1 }
        while n > 1, reaches(n - 1) { n -= 1 }
        return n
    }

    /// The score on each day of `days` that has a rated review on or before it, and its change
    /// over the 30 days before `days.upperBound` (score then minus score 30 days earlier).
    public func trend(_ reviews: [RatedReview], days: ClosedRange<Day>) -> TrustTrend {
        let sorted = reviews.sorted { $0.day < $1.day }
        var points: [TrustTrend.Point] = []
        for day in days {
            guard let (score, _, count) = raw(sorted, asOf: day) else { continue }
            points.append(TrustTrend.Point(day: day, value: score, ratedReviews: count))
        }
        let end = days.upperBound
        let change = raw(sorted, asOf: end).flatMap { now in raw(sorted, asOf: end.advanced(by: -30)).map { now.score - $0.score } }
        return TrustTrend(points: points, change30Days: change)
    }
}

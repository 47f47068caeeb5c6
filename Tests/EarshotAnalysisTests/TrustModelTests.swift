import EarshotAnalysis
import EarshotCore
import Foundation
import Testing

/// The trust score as DESIGN.md defines it: `(7 × 3.5 + Σ wᵢ rᵢ) / (7 + Σ wᵢ)`, `wᵢ = 0.5^(ageᵢ / 182.6)`.
@Suite struct TrustModelTests {
    static let asOf = Day(year: 2026, month: 3, day: 1)
    let model = TrustModel()

    /// `count` reviews of `stars`, `age` days before ``asOf``.
    static func reviews(_ count: Int, stars: Double, age: Int = 0, brand: String = "Acme") -> [RatedReview] {
        Array(repeating: RatedReview(brand: brand, day: asOf.advanced(by: -age), rating: stars), count: count)
    }

    @Test func noReviewsHasNoScore() {
        #expect(model.score([], asOf: Self.asOf) == nil)
        #expect(model.raw([], asOf: Self.asOf) == nil)
    }

    @Test func oneFreshOneStarReview() throws {
        // (7 × 3.5 + 1 × 1) / (7 + 1) = 25.5 / 8 = 3.1875: shown 3.2; 2 × 3.1875 = 6.375 rounds to 6, so 3.0 stars.
        let raw = try #require(model.raw(Self.reviews(1, stars: 1), asOf: Self.asOf))
        #expect(raw.score == 3.1875)
        #expect(raw.weight == 1)
        #expect(raw.count == 1)
        #expect(model.score(Self.reviews(1, stars: 1), asOf: Self.asOf) == TrustScore(value: 3.2, stars: 3.0, ratedReviews: 1))
    }

    @Test func aReviewHalfAYearOldWeighsAboutHalf() throws {
        // w = 0.5^(182 / 182.6) = 0.50114…; score = (24.5 + 5w) / (7 + w) = 27.0057 / 7.50114 = 3.6002.
        let raw = try #require(model.raw(Self.reviews(1, stars: 5, age: 182), asOf: Self.asOf))
        let w = pow(0.5, 182 / 182.6)
        #expect(abs(raw.weight - w) < 1e-12)
        #expect(raw.weight > 0.501 && raw.weight < 0.502)
        #expect(abs(raw.score - (24.5 + 5 * w) / (7 + w)) < 1e-12)
        #expect(model.score(Self.reviews(1, stars: 5, age: 182), asOf: Self.asOf)?.value == 3.6)
        // Two half-lives (365 days): w = 0.5^(365/182.6) = 0.2503…, a quarter.
        let old = try #require(model.raw(Self.reviews(1, stars: 5, age: 365), asOf: Self.asOf))
        #expect(old.weight > 0.25 && old.weight < 0.2505)
    }

    @Test func reviewsAfterAsOfAreIgnored() {
        let tomorrow = Self.reviews(1, stars: 5, age: -1)
        #expect(model.score(tomorrow, asOf: Self.asOf) == nil)
        // One 1-star today plus a 5-star tomorrow: still 3.1875 from one review.
        #expect(model.score(Self.reviews(1, stars: 1) + tomorrow, asOf: Self.asOf) == TrustScore(value: 3.2, stars: 3.0, ratedReviews: 1))
    }

    struct Rounding: Sendable, CustomTestStringConvertible {
        var count: Int, stars: Double, value: Double, halfStars: Double
        var testDescription: String { "\(count) × \(stars)★" }
    }

    @Test(arguments: [
        Rounding(count: 2, stars: 5, value: 3.8, halfStars: 4.0),   // 34.5 / 9 = 3.833…; 7.67 → 8 → 4.0
        Rounding(count: 7, stars: 5, value: 4.3, halfStars: 4.5),   // 59.5 / 14 = 4.25 exactly: halves round up, 4.3 and 8.5 → 9 → 4.5
        Rounding(count: 3, stars: 1, value: 2.8, halfStars: 3.0),   // 27.5 / 10 = 2.75: 2.8; 5.5 → 6 → 3.0
        Rounding(count: 1, stars: 4, value: 3.6, halfStars: 3.5),   // 28.5 / 8 = 3.5625: 3.6; 7.125 → 7 → 3.5
        Rounding(count: 13, stars: 1, value: 1.9, halfStars: 2.0),  // 37.5 / 20 = 1.875: 1.9; 3.75 → 4 → 2.0
        Rounding(count: 35, stars: 5, value: 4.8, halfStars: 5.0),  // 199.5 / 42 = 4.75: 4.8; 9.5 → 10 → 5.0
        Rounding(count: 100, stars: 1, value: 1.2, halfStars: 1.0), // 124.5 / 107 = 1.1636: 1.2; 2.33 → 2 → 1.0
    ])
    func roundsToOneDecimalAndTheNearestHalfStar(_ c: Rounding) throws {
        let score = try #require(model.score(Self.reviews(c.count, stars: c.stars), asOf: Self.asOf))
        #expect(score.value == c.value)
        #expect(score.stars == c.halfStars)
        #expect(score.ratedReviews == c.count)
    }

    @Test func fiveStarsToNextHalfStarWorkedExamples() {
        // One 1-star: 3.1875 (3.0★); the next half star needs ≥ 3.25. One 5-star gives 30.5 / 9 = 3.389: n = 1.
        #expect(model.fiveStarsToNextHalfStar(Self.reviews(1, stars: 1), asOf: Self.asOf) == 1)
        // 13 1-stars: 1.875 (2.0★), needs ≥ 2.25: (37.5 + 5n) / (20 + n) ≥ 2.25 ⇔ n ≥ 7.5 / 2.75 = 2.73, so 3
        // (52.5 / 23 = 2.283 → 2.5★; with 2, 47.5 / 22 = 2.159 → 2.0★).
        #expect(model.fiveStarsToNextHalfStar(Self.reviews(13, stars: 1), asOf: Self.asOf) == 3)
        // 7 5-stars: 4.25 (4.5★), needs ≥ 4.75: (59.5 + 5n) / (14 + n) ≥ 4.75 ⇔ n ≥ 7 / 0.25 = 28 exactly
        // (199.5 / 42 = 4.75 → 5.0★; with 27, 194.5 / 41 = 4.744 → 4.5★).
        #expect(model.fiveStarsToNextHalfStar(Self.reviews(7, stars: 5), asOf: Self.asOf) == 28)
        // Landing exactly on a band's edge: 1×1★, 3×2★, 3×3★, 3×4★, 2×5★ today sum to 38, so
        // 62.5 / 19 = 3.289 (3.5★), and (62.5 + 5n) / (19 + n) ≥ 3.75 ⇔ n ≥ 8.75 / 1.25 = 7 exactly:
        // 97.5 / 26 = 3.75 → 4.0★. Recovering the numerator as score × weight loses the last bit and says 8.
        let edge = [(1, 1.0), (3, 2.0), (3, 3.0), (3, 4.0), (2, 5.0)].flatMap { Self.reviews($0.0, stars: $0.1) }
        #expect(model.fiveStarsToNextHalfStar(edge, asOf: Self.asOf) == 7)
        // No reviews: the prior alone, 3.5★, needs ≥ 3.75: (24.5 + 5n) / (7 + n) ≥ 3.75 ⇔ n ≥ 1.4, so 2.
        #expect(model.fiveStarsToNextHalfStar([], asOf: Self.asOf) == 2)
        // At 5★ there is no next half star.
        #expect(model.fiveStarsToNextHalfStar(Self.reviews(35, stars: 5), asOf: Self.asOf) == nil)
    }

    /// Adding n five-star reviews today reaches the next half star, and n − 1 do not.
    @Test(arguments: 0..<8)
    func fiveStarsToNextHalfStarByBruteForce(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 0x7457)
        for _ in 0..<150 {
            // Up to 60 reviews of 1–5 stars (half stars too), up to two years old.
            // Half of the sets: whole stars, all today, where sums land exactly on a band's edge.
            let count = Int(random.next() % 61)
            let fresh = random.next() % 2 == 0
            let reviews = (0..<count).map { _ in
                RatedReview(brand: "Acme", day: Self.asOf.advanced(by: fresh ? 0 : -Int(random.next() % 730)),
                            rating: fresh ? Double(1 + random.next() % 5) : 1 + Double(random.next() % 9) / 2)
            }
            let stars = model.score(reviews, asOf: Self.asOf)?.stars ?? 3.5
            guard let n = model.fiveStarsToNextHalfStar(reviews, asOf: Self.asOf) else {
                #expect(stars == 5)
                continue
            }
            #expect(n >= 1)
            let with = try #require(model.score(reviews + Self.reviews(n, stars: 5), asOf: Self.asOf))
            #expect(with.stars >= stars + 0.5, "\(count) reviews at \(stars)★: \(n) five-stars give \(with.stars)★")
            if n > 1 {
                let fewer = try #require(model.score(reviews + Self.reviews(n - 1, stars: 5), asOf: Self.asOf))
                #expect(fewer.stars == stars, "\(count) reviews at \(stars)★: \(n - 1) five-stars already give \(fewer.stars)★")
            }
        }
    }
}

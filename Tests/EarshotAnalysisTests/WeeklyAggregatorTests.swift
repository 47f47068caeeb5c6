import EarshotAnalysis
import EarshotCore
import Foundation
import Testing

/// ISO weeks and the trust trend on small fixtures worked out by hand.
@Suite struct WeeklyAggregatorTests {
    static func mention(_ id: String, on day: Day, compound: Double, service: Double? = nil, experience: Double? = nil) -> ScoredMention {
        var aspects: [AspectScore] = []
        if let service { aspects.append(AspectScore(aspect: "support", touchpoint: .service, compound: service)) }
        if let experience { aspects.append(AspectScore(aspect: "delivery", touchpoint: .experience, compound: experience)) }
        let mention = Mention(id: id, brand: "Acme", source: "feed", text: id, publishedAt: day.start.addingTimeInterval(3600))
        return ScoredMention(mention: mention, sentiment: Sentiment(compound: compound, pos: 0, neu: 1, neg: 0), lang: "en", aspects: aspects)
    }

    @Test(arguments: [("2026-11-15", 2026, 46, "2026-11-09"), ("2026-11-16", 2026, 47, "2026-11-16"), ("2026-11-24", 2026, 48, "2026-11-23"),
                      ("2021-01-01", 2020, 53, "2020-12-28"), ("2024-12-30", 2025, 1, "2024-12-30"), ("2026-01-01", 2026, 1, "2025-12-29")])
    func isoWeeksMatchTheStandard(day: String, year: Int, week: Int, monday: String) throws {
        let (y, w, m) = WeeklyAggregator.isoWeek(of: try #require(Day(day)))
        #expect(y == year && w == week && m.description == monday)
    }

    @Test func weeksSumTheirDays() throws {
        // Sunday 15 Nov (W46), Monday 16 and Friday 20 (W47), Tuesday 24 (W48); the series runs 15–24 Nov.
        let d = { (text: String) in Day(text)! }
        let mentions = [
            Self.mention("a", on: d("2026-11-15"), compound: 0.5),
            Self.mention("b", on: d("2026-11-16"), compound: -0.6, service: -0.6),
            Self.mention("c", on: d("2026-11-16"), compound: 0.0),
            Self.mention("e", on: d("2026-11-20"), compound: 0.3, service: 0.4, experience: -0.2),
            Self.mention("f", on: d("2026-11-24"), compound: -0.1, experience: -0.5),
        ]
        let days = try #require(DailyAggregator().series(mentions, brands: ["Acme"], days: d("2026-11-15")...d("2026-11-24"))["Acme"])
        let weeks = WeeklyAggregator().weeks(days)
        #expect(weeks.map(\.label) == ["2026-W46", "2026-W47", "2026-W48"])
        #expect(weeks.map(\.days) == [1, 7, 2])
        #expect(weeks.map(\.mentions) == [1, 3, 1])
        #expect(weeks.map(\.positive) == [1, 1, 0])
        #expect(weeks.map(\.neutral) == [0, 1, 0])
        #expect(weeks.map(\.negative) == [0, 1, 1])
        // W47: (−0.6 + 0 + 0.3) / 3 = −0.1.
        #expect(abs(weeks[1].meanCompound - (-0.1)) < 1e-12)
        // W47 service: b (−0.6, negative) and e (+0.4); experience: e (−0.2, negative).
        #expect(weeks[1].service.mentions == 2 && weeks[1].service.negative == 1)
        #expect(abs(weeks[1].service.meanCompound - (-0.1)) < 1e-12)
        #expect(weeks[1].experience.mentions == 1 && weeks[1].experience.negative == 1)
        #expect(weeks[2].experience.mentions == 1 && weeks[2].service.mentions == 0)
    }

    @Test func theTrustTrendAndItsThirtyDayChange() throws {
        // A 5-star review on 20 Oct and a 1-star one on 30 Oct; the trend runs 19 Oct – 29 Nov.
        //   20 Oct: (7 × 3.5 + 5) / (7 + 1) = 3.6875
        //   30 Oct: (24.5 + 5 × 0.5^(10/182.6) + 1) / (7 + 0.5^(10/182.6) + 1) = 3.38219
        //   29 Nov: (24.5 + 5 × 0.5^(40/182.6) + 1 × 0.5^(30/182.6)) / (7 + 0.5^(40/182.6) + 0.5^(30/182.6)) = 3.39234
        //   change over 30 days: 3.39234 − 3.38219 = +0.01014
        let d = { (text: String) in Day(text)! }
        let reviews = [RatedReview(brand: "Acme", day: d("2026-10-20"), rating: 5), RatedReview(brand: "Acme", day: d("2026-10-30"), rating: 1)]
        let trend = TrustModel().trend(reviews, days: d("2026-10-19")...d("2026-11-29"))
        #expect(trend.points.count == 41, "19 Oct has no review yet")
        #expect(trend.points.first?.day == d("2026-10-20"))
        #expect(abs((trend.points.first?.value ?? 0) - 3.6875) < 1e-12)
        let oct30 = try #require(trend.points.first { $0.day == d("2026-10-30") })
        #expect(abs(oct30.value - 3.382193) < 1e-6 && oct30.ratedReviews == 2)
        #expect(abs((trend.points.last?.value ?? 0) - 3.392336) < 1e-6)
        #expect(abs((trend.change30Days ?? 0) - 0.010142) < 1e-6)
        // Without a review 30 days before the end there is no change to report.
        #expect(TrustModel().trend(reviews, days: d("2026-10-19")...d("2026-11-10")).change30Days == nil)
    }
}

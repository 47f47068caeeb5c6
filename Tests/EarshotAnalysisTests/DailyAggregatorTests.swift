import EarshotAnalysis
import EarshotCore
import Foundation
import Testing

/// Per brand and day: volume, sentiment mix, ratings, touchpoints; and share of voice.
@Suite struct DailyAggregatorTests {
    static let first = Day(year: 2026, month: 5, day: 1)
    static let range = first...first.advanced(by: 4)
    let aggregator = DailyAggregator()

    static func mention(_ id: String, brand: String, day offset: Int, compound: Double, hour: Double = 12,
                        rating: Double? = nil, service: Double? = nil) -> ScoredMention {
        let mention = Mention(id: id, brand: brand, source: "test", text: id,
                              publishedAt: first.advanced(by: offset).start.addingTimeInterval(hour * 3600), rating: rating)
        let aspects = service.map { [AspectScore(aspect: "support", touchpoint: .service, compound: $0)] } ?? []
        return ScoredMention(mention: mention, sentiment: Sentiment(compound: compound, pos: 0, neu: 1, neg: 0), lang: "en", aspects: aspects)
    }

    @Test func zeroFillsEveryBrandOverTheRange() throws {
        let mentions = [
            Self.mention("a1", brand: "Acme", day: 1, compound: 0.6, rating: 5),
            Self.mention("a2", brand: "Acme", day: 1, compound: -0.4, hour: 23.99, rating: 1.6, service: -0.5),
            Self.mention("a3", brand: "Acme", day: 1, compound: 0.01),
            Self.mention("a4", brand: "Acme", day: 3, compound: -0.05),
        ]
        let series = aggregator.series(mentions, brands: ["Acme", "Bolt"], days: Self.range)
        #expect(Set(series.keys) == ["Acme", "Bolt"])
        for (brand, days) in series {
            // Five days, oldest first, each labelled with its brand.
            #expect(days.map(\.day) == Array(Self.range))
            #expect(days.allSatisfy { $0.brand == brand })
        }
        let bolt = try #require(series["Bolt"])
        #expect(bolt.allSatisfy { $0.mentions == 0 && $0.ratingHistogram == [0, 0, 0, 0, 0] && $0.touchpoints.isEmpty })
        let acme = try #require(series["Acme"])
        #expect(acme.map(\.mentions) == [0, 3, 0, 1, 0])
        // Day 1: +0.6 positive, −0.4 negative, +0.01 neutral; mean (0.6 − 0.4 + 0.01) / 3 = 0.07.
        #expect((acme[1].positive, acme[1].neutral, acme[1].negative) == (1, 1, 1))
        #expect(abs(acme[1].meanCompound - 0.07) < 1e-12)
        // Ratings 5 and 1.6 (rounded to 2 stars); mean (5 + 1.6) / 2 = 3.3.
        #expect(acme[1].ratingHistogram == [0, 1, 0, 0, 1])
        #expect(abs((acme[1].meanRating ?? 0) - 3.3) < 1e-12)
        #expect(acme[1].touchpoints[.service]?.mentions == 1)
        #expect(acme[1].touchpoints[.service]?.negative == 1)
        // Day 3: −0.05 is on the negative threshold.
        #expect(acme[3].negative == 1)
    }

    @Test func ignoresMentionsOutsideTheRangeAndUnknownBrands() throws {
        let mentions = [
            Self.mention("before", brand: "Acme", day: -1, compound: -0.9, hour: 23.99),
            Self.mention("after", brand: "Acme", day: 5, compound: -0.9, hour: 0),
            Self.mention("stranger", brand: "Zed", day: 2, compound: -0.9),
            Self.mention("inside", brand: "Acme", day: 4, compound: -0.9, hour: 23.99),
        ]
        let series = aggregator.series(mentions, brands: ["Acme"], days: Self.range)
        #expect(series["Zed"] == nil)
        #expect(try #require(series["Acme"]).map(\.mentions) == [0, 0, 0, 0, 1])
    }

    @Test func aSingleDayRange() throws {
        let series = aggregator.series([Self.mention("a", brand: "Acme", day: 0, compound: 0)], brands: ["Acme"], days: Self.first...Self.first)
        #expect(try #require(series["Acme"]).map(\.mentions) == [1])
    }

    @Test(arguments: [
        // 6 / (6 + 3 + 1)
        (["Acme": 6, "Bolt": 3, "Cleo": 1], ["Bolt", "Cleo"], 0.6),
        // A competitor with no mentions counts as 0: 6 / (6 + 3).
        (["Acme": 6, "Bolt": 3], ["Bolt", "Dune"], 2.0 / 3),
        // No competitors: all the voice is its own.
        (["Acme": 6, "Bolt": 3], [], 1.0),
        // Nobody was mentioned: 0, not NaN.
        ([:], ["Bolt"], 0.0),
        (["Bolt": 4], ["Bolt"], 0.0),
        // A brand listed among its own competitors, or a competitor listed twice, counts once: 6 / (6 + 3).
        (["Acme": 6, "Bolt": 3], ["Acme", "Bolt", "Bolt"], 2.0 / 3),
    ] as [([String: Int], [String], Double)])
    func shareOfVoice(totals: [String: Int], competitors: [String], share: Double) {
        let value = aggregator.shareOfVoice(totals: totals, brand: "Acme", competitors: competitors)
        #expect(abs(value - share) < 1e-12)
    }
}

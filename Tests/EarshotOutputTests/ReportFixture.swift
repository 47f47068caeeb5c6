import Testing
import EarshotCore
import Foundation
@testable import EarshotOutput

/// A small report built by hand: two brands over five days, one alert, a failing source and
/// hostile text (markup, quotes, commas, newlines, formulas, Chinese and Malay).
enum ReportFixture {
    static let asOf = Day(year: 2026, month: 11, day: 20)
    static let window = Day(year: 2026, month: 11, day: 16)...asOf
    static let hostile = "<script>alert(1)</script> terrible & \"awful\""
    static let formulaTitle = "=HYPERLINK(\"http://evil.example\",\"click\")"
    static let chinese = "客服太差了，等了三天，还是没解决"
    static let malay = "Perkhidmatan pelanggan teruk, sangat kecewa!"
    static let multiline = "Delivery was fine,\nbut the \"app\" crashed twice"
    static let acme = "Acme"
    static let bolt = "Bolt & Co <b>"

    static func scored(_ id: String, brand: String = acme, day: Int, hour: Int = 9, text: String, title: String? = nil,
                       compound: Double, lang: String = "en", url: String? = nil, rating: Double? = nil,
                       source: String = "reviews", aspects: [AspectScore] = []) -> ScoredMention {
        let date = window.lowerBound.advanced(by: day).start.addingTimeInterval(Double(hour) * 3600 + 61)
        let mention = Mention(id: id, brand: brand, source: source, title: title, text: text, publishedAt: date,
                              url: url, rating: rating)
        let sentiment = Sentiment(compound: compound, pos: max(0, compound), neu: 1 - abs(compound), neg: max(0, -compound))
        return ScoredMention(mention: mention, sentiment: sentiment, lang: lang, aspects: aspects)
    }

    static let mentions: [ScoredMention] = [
        scored("m1", day: 0, text: "Great service, the agent fixed it in minutes", compound: 0.72, url: "https://example.com/r/1",
               rating: 5, aspects: [.init(aspect: "agent", touchpoint: .service, compound: 0.7)]),
        scored("b1", brand: bolt, day: 0, hour: 11, text: "-5 stars if I could | worst", compound: -0.9, source: "forum|x"),
        scored("m2", day: 1, text: chinese, title: "差评", compound: -0.64, lang: "zh", url: "https://example.com/r/2?a=1&b=2",
               rating: 1, aspects: [.init(aspect: "support", touchpoint: .service, compound: -0.6)]),
        scored("m3", day: 2, text: hostile, title: formulaTitle, compound: -0.81, url: "javascript:alert(1)"),
        scored("b2", brand: bolt, day: 2, text: "ok I guess", compound: 0, source: "forum|x"),
        scored("m4", day: 3, text: malay, compound: -0.55, lang: "ms",
               aspects: [.init(aspect: "support", touchpoint: .service, compound: -0.5)]),
        scored("m5", day: 4, text: multiline, compound: -0.2, rating: 3,
               aspects: [.init(aspect: "app", touchpoint: .experience, compound: -0.3)]),
        scored("m6", day: 4, hour: 15, text: "+1 would buy again", title: "@everyone", compound: 0.4, rating: 4.5,
               aspects: [.init(aspect: "product", touchpoint: .experience, compound: 0.5)]),
        scored("b3", brand: bolt, day: 4, text: "Love it 👍", compound: 0.6, source: "forum|x"),
    ]

    static let alert = Alert(
        brand: acme, kind: .negativeSpike, aspect: "service", day: asOf, episodeStart: window.lowerBound.advanced(by: 3),
        title: "Negative spike in service for Acme <script>alert(1)</script>",
        details: ["3 of 4 service mentions negative (75%) vs baseline 20%", "p = 0.003 < 0.01"],
        evidence: [.init(text: hostile, url: "javascript:alert(1)", compound: -0.81),
                   .init(text: chinese, url: "https://example.com/r/2?a=1&b=2", compound: -0.64)])

    static let sources: [SourceStatus] = [
        SourceStatus(outcome: .init(id: "reviews", status: .ok, items: 20, newMentions: 6),
                     health: SourceHealth(source: "reviews", lastSuccess: asOf.start.addingTimeInterval(6 * 3600),
                                          consecutiveFailures: 0, fetches: 30)),
        SourceStatus(outcome: .init(id: "forum|x", status: .failed, message: "HTTP 503 from https://forum.example/feed <b>down</b>"),
                     health: SourceHealth(source: "forum|x", lastSuccess: Day(year: 2026, month: 11, day: 17).start
                                              .addingTimeInterval(6 * 3600),
                                          lastError: "HTTP 503", consecutiveFailures: 3, fetches: 30)),
        SourceStatus(outcome: .init(id: "rss", status: .notModified), health: nil),
    ]

    static func brand(_ name: String, competitors: [String], trust: TrustScore?, fiveStars: Int?, share: Double) -> BrandReport {
        var daily = window.map { BrandDay(brand: name, day: $0) }
        var touchpoints: [Touchpoint: TouchpointDay] = [:]
        var histogram = [0, 0, 0, 0, 0]
        let own = mentions.filter { $0.mention.brand == name }
        for scored in own {
            daily[window.lowerBound.distance(to: scored.mention.day)].add(scored)
            for touchpoint in Touchpoint.allCases {
                if let compound = scored.compound(for: touchpoint) { touchpoints[touchpoint, default: .init()].add(compound) }
            }
            if let rating = scored.mention.rating { histogram[Int(rating.rounded()) - 1] += 1 }
        }
        let polarities = own.map(\.sentiment.polarity)
        return BrandReport(
            name: name, mentions: own.count, positive: polarities.filter { $0 == .positive }.count,
            neutral: polarities.filter { $0 == .neutral }.count, negative: polarities.filter { $0 == .negative }.count,
            meanCompound: own.map(\.sentiment.compound).reduce(0, +) / Double(max(1, own.count)),
            trust: trust, fiveStarsToNextHalfStar: fiveStars, touchpoints: touchpoints, ratingHistogram: histogram,
            shareOfVoice: share, competitors: competitors, daily: daily)
    }

    static func report() -> Report {
        Report(asOf: asOf, days: window,
               brands: [brand(acme, competitors: [bolt], trust: TrustScore(value: 4.2, stars: 4, ratedReviews: 12),
                              fiveStars: 3, share: 6.0 / 9.0),
                        brand(bolt, competitors: [acme], trust: nil, fiveStars: nil, share: 3.0 / 9.0)],
               alerts: [alert], sources: sources, mentions: mentions,
               notes: ["Source 'forum|x' has failed 3 runs in a row <check it>"])
    }

    static func emptyReport() -> Report {
        Report(asOf: asOf, days: window, brands: [brand("Quiet", competitors: [], trust: nil, fiveStars: nil, share: 0)],
               alerts: [], sources: [], mentions: [])
    }

    static func text(_ writer: some ReportWriter, _ report: Report = report()) throws -> String {
        try #require(String(data: try writer.render(report), encoding: .utf8))
    }
}

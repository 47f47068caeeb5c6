import EarshotCore
import Foundation
import Testing

@Suite struct MentionTests {
    @Test func idsAreStableAndDistinguishParts() {
        let a = Mention.makeID("Pinvale", "techpulse", "guid-1")
        #expect(a == Mention.makeID("Pinvale", "techpulse", "guid-1"))
        #expect(a.count == 16)
        #expect(a != Mention.makeID("Lumio", "techpulse", "guid-1"))
        // The separator keeps ("ab","c") and ("a","bc") apart.
        #expect(Mention.makeID("ab", "c") != Mention.makeID("a", "bc"))
    }

    @Test func brandDayCountsPolarityRatingsAndTouchpoints() {
        var day = BrandDay(brand: "Pinvale", day: Day(ordinal: 100))
        let base = Mention(id: "1", brand: "Pinvale", source: "s", text: "x", publishedAt: Day(ordinal: 100).start, rating: 1)
        day.add(ScoredMention(mention: base, sentiment: Sentiment(compound: -0.6, pos: 0, neu: 0.5, neg: 0.5), lang: "en",
                              aspects: [AspectScore(aspect: "support", touchpoint: .service, compound: -0.7)]))
        var second = base
        second.rating = 4.6
        day.add(ScoredMention(mention: second, sentiment: Sentiment(compound: 0.04, pos: 0, neu: 1, neg: 0), lang: "en",
                              aspects: [AspectScore(aspect: "product", touchpoint: .experience, compound: 0.5)]))
        #expect(day.mentions == 2)
        #expect(day.negative == 1)
        #expect(day.neutral == 1, "0.04 is below the 0.05 threshold")
        #expect(day.ratingHistogram == [1, 0, 0, 0, 1], "4.6 rounds to 5 stars")
        #expect(day.touchpoints[.service]?.negative == 1)
        #expect(day.touchpoints[.experience]?.mentions == 1)
        #expect(abs(day.meanCompound - (-0.28)) < 1e-9)
    }

    @Test func errorsReadLikeCompilerDiagnostics() {
        let error = EarshotError(.parse, "unexpected end of document", place: .init(file: "feeds/x.xml", line: 12, column: 5))
        #expect(error.description == "feeds/x.xml:12:5: unexpected end of document")
        let sourced = EarshotError(.fetch, "timed out", place: .init(source: "techpulse"))
        #expect(sourced.description == "source 'techpulse': timed out")
    }
}

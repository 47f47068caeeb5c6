import EarshotAnalysis
import EarshotCore
import Foundation
import Testing

/// Which alerts fire, which episode they join, what evidence they carry, and when episodes end.
@Suite struct AlertEvaluatorTests {
    static let start = Day(year: 2026, month: 1, day: 1)
    static func day(_ i: Int) -> Day { start.advanced(by: i) }
    static let asOf = day(30)

    let evaluator = AlertEvaluator(spike: SpikePolicy(), trust: TrustPolicy())

    /// A mention on day `i`, at noon, with an overall compound and optional touchpoint compounds.
    static func mention(_ id: String, brand: String = "Acme", day i: Int, compound: Double,
                        service: Double? = nil, experience: Double? = nil) -> ScoredMention {
        var aspects: [AspectScore] = []
        if let service { aspects.append(AspectScore(aspect: "support", touchpoint: .service, compound: service)) }
        if let experience { aspects.append(AspectScore(aspect: "delivery", touchpoint: .experience, compound: experience)) }
        let mention = Mention(id: id, brand: brand, source: "test", text: "mention \(id)",
                              publishedAt: day(i).start.addingTimeInterval(43_200), url: "https://example.com/\(id)")
        return ScoredMention(mention: mention, sentiment: Sentiment(compound: compound, pos: 0, neu: 1, neg: 0), lang: "en", aspects: aspects)
    }

    /// Days 0–27: 3 mentions a day, the first of every fourth day negative (7 of 84; baseline
    /// 9/94 = 0.096). With `aspects`, every baseline mention is about service with its own compound.
    static func baseline(brand: String = "Acme", aspects: Bool) -> [ScoredMention] {
        (0..<28).flatMap { i in
            (0..<3).map { j in
                let compound = j == 0 && i % 4 == 0 ? -0.5 : 0.3
                return mention("\(brand)-b\(i)-\(j)", brand: brand, day: i, compound: compound, service: aspects ? compound : nil)
            }
        }
    }

    /// Days 28–30: nine negative mentions (compounds below), all about service, and one positive one.
    static let incidentCompounds = [28: [-0.5, -0.9, -0.2], 29: [-0.95, -0.6, -0.1], 30: [-0.7, -0.3, -0.4]]
    static func incident(brand: String = "Acme", experienceToo: Bool = false) -> [ScoredMention] {
        incidentCompounds.sorted { $0.key < $1.key }.flatMap { day, compounds in
            compounds.enumerated().map { j, c in
                // With experienceToo, a third of them are about experience instead.
                let experience = experienceToo && j == 2
                return mention("\(brand)-i\(day)-\(j)", brand: brand, day: day, compound: c,
                               service: experience ? nil : c, experience: experience ? c : nil)
            }
        } + [mention("\(brand)-happy", brand: brand, day: 30, compound: 0.8, service: 0.8)]
    }

    func evaluate(_ mentions: [ScoredMention], ratings: [RatedReview] = [], episodes: [AlertEpisode] = [],
                  asOf: Day = asOf) -> AlertEvaluator.Decision {
        let brands = Set(mentions.map(\.mention.brand)).sorted()
        let series = DailyAggregator().series(mentions, brands: brands, days: Self.day(0)...asOf)
        let window = mentions.filter { $0.mention.day >= asOf.advanced(by: -2) && $0.mention.day <= asOf }
        return evaluator.evaluate(series: series, mentions: window, ratings: ratings,
                                  firstDays: Dictionary(uniqueKeysWithValues: brands.map { ($0, Self.day(0)) }),
                                  episodes: episodes, asOf: asOf)
    }

    @Test func aTouchpointSpikeInhibitsTheBrandWideOne() throws {
        // Service: 9 of 10 in days 28–30 against 9/94; so is the brand as a whole. One alert, about service.
        let decision = evaluate(Self.baseline(aspects: true) + Self.incident())
        let alert = try #require(decision.firing.only)
        #expect(alert.kind == .negativeSpike)
        #expect(alert.aspect == "service")
        #expect(alert.fingerprint == "Acme|negative-spike|service")
        #expect(alert.episodeStart == Self.asOf)
        #expect(alert.day == Self.asOf)
        #expect(decision.resolved.isEmpty)
    }

    @Test func aBrandWideSpikeIsLabelledWithItsDominantTouchpoint() throws {
        // No aspects in the baseline: the touchpoints have no history, so only the brand-wide test can fire.
        let service = try #require(evaluate(Self.baseline(aspects: false) + Self.incident()).firing.only)
        #expect(service.aspect == "service")
        // 6 of 9 negatives about service is 67% ≥ 60%: still service.
        let mostly = try #require(evaluate(Self.baseline(aspects: false) + Self.incident(experienceToo: true)).firing.only)
        #expect(mostly.aspect == "service")
        // Negatives with no aspect at all: the brand as a whole.
        let plain = Self.incident().map { scored -> ScoredMention in
            var copy = scored
            copy.aspects = []
            return copy
        }
        let whole = try #require(evaluate(Self.baseline(aspects: false) + plain).firing.only)
        #expect(whole.aspect == nil)
        #expect(whole.fingerprint == "Acme|negative-spike|all")
    }

    @Test func anOpenEpisodeKeepsItsStart() throws {
        let mentions = Self.baseline(aspects: true) + Self.incident()
        let open = AlertEpisode(fingerprint: "Acme|negative-spike|service", start: Self.day(29), lastFired: Self.day(29))
        #expect(try #require(evaluate(mentions, episodes: [open]).firing.only).episodeStart == Self.day(29))
        // A resolved episode, another fingerprint or another brand does not: a new episode starts today.
        var closed = open
        closed.resolved = Self.day(29)
        let others = [closed,
                      AlertEpisode(fingerprint: "Acme|negative-spike|experience", start: Self.day(27), lastFired: Self.day(29)),
                      AlertEpisode(fingerprint: "Other|negative-spike|service", start: Self.day(26), lastFired: Self.day(29))]
        let alert = try #require(evaluate(mentions, episodes: others).firing.first { $0.brand == "Acme" })
        #expect(alert.episodeStart == Self.asOf)
        #expect(alert.episodeID == "Acme|negative-spike|service|2026-01-31")
    }

    @Test func anEpisodeResolvesAfterTwoQuietDays() throws {
        let quiet = Self.baseline(aspects: true)
        let fingerprint = "Acme|negative-spike|service"
        func episode(lastFired: Int) -> AlertEpisode { AlertEpisode(fingerprint: fingerprint, start: Self.day(20), lastFired: Self.day(lastFired)) }
        // Last fired on day 25, evaluated on day 27: two quiet days (26, 27), resolved on day 27.
        let decision = evaluate(quiet, episodes: [episode(lastFired: 25)], asOf: Self.day(27))
        #expect(decision.firing.isEmpty)
        let resolved = try #require(decision.resolved.only)
        #expect(resolved.fingerprint == fingerprint)
        #expect(resolved.start == Self.day(20))
        #expect(resolved.resolved == Self.day(27))
        // One quiet day is not enough; an episode already resolved is not resolved again.
        #expect(evaluate(quiet, episodes: [episode(lastFired: 26)], asOf: Self.day(27)).resolved.isEmpty)
        var closed = episode(lastFired: 20)
        closed.resolved = Self.day(22)
        #expect(evaluate(quiet, episodes: [closed], asOf: Self.day(27)).resolved.isEmpty)
        // An episode whose condition still fires stays open, however long ago it started.
        let firing = evaluate(quiet + Self.incident(), episodes: [AlertEpisode(fingerprint: fingerprint, start: Self.day(3), lastFired: Self.day(3))])
        #expect(firing.resolved.isEmpty)
        #expect(firing.firing.only?.episodeStart == Self.day(3))
    }

    @Test func evidenceIsTheThreeMostNegativeMentions() throws {
        // Window compounds: −0.5 −0.9 −0.2 | −0.95 −0.6 −0.1 | −0.7 −0.3 −0.4, and +0.8.
        let alert = try #require(evaluate(Self.baseline(aspects: true) + Self.incident()).firing.only)
        #expect(alert.evidence.map(\.compound) == [-0.95, -0.9, -0.7])
        #expect(alert.evidence.map(\.text) == ["mention Acme-i29-0", "mention Acme-i28-1", "mention Acme-i30-0"])
        #expect(alert.evidence.first?.url == "https://example.com/Acme-i29-0")
        // Explains itself: window, counts, baseline and p-value.
        #expect(alert.details.contains("window: 2026-01-29 to 2026-01-31"))
        #expect(alert.details.contains("negative: 9 of 10 mentions (90%)"))
    }

    @Test func evidenceForATouchpointUsesItsOwnCompounds() throws {
        // The most negative mention overall (−0.99) is about experience only: no service complaint,
        // so not service evidence. Service evidence ranks by the service compound.
        var mentions = Self.baseline(aspects: true) + Self.incident()
        mentions.append(Self.mention("Acme-x", day: 30, compound: -0.99, experience: -0.99))
        let alert = try #require(evaluate(mentions).firing.first { $0.aspect == "service" })
        #expect(alert.evidence.map(\.compound) == [-0.95, -0.9, -0.7])
    }

    @Test func anOpenEpisodeKeepsItsDaysOutOfTheBaseline() throws {
        // A long incident: days 0–19 quiet (5 of 60 negative), days 20–27 all 24 negative, days 28–30
        // 2 of 3 negative each. The service episode opened on day 22 and fired until day 29.
        var mentions = Self.baseline(aspects: true).filter { $0.mention.day < Self.day(20) }
        for i in 20...30 {
            for j in 0..<3 {
                let compound = i >= 28 && j == 2 ? 0.4 : -0.6
                mentions.append(Self.mention("l\(i)-\(j)", day: i, compound: compound, service: compound))
            }
        }
        let open = AlertEpisode(fingerprint: "Acme|negative-spike|service", start: Self.day(22), lastFired: Self.day(29))
        // Its days 20–27 (from the first day of the window that opened it) stay out of the baseline:
        // 7/70 = 0.1, and 6 of 9 gives p ≈ 6e-5, so the episode goes on. Counted in, the incident would
        // make itself the norm, (5 + 24 + 2) / 94 = 0.33 and p = 0.04, and the episode would end
        // while the complaints continue.
        let alert = try #require(evaluate(mentions, episodes: [open]).firing.only)
        #expect(alert.episodeStart == Self.day(22))
        #expect(alert.details.contains("baseline: 10% negative over 60 mentions in the 28 days before"))
    }

    @Test func trustDropEpisodesDoNotHideSpikeBaselines() throws {
        // A resolved trust-drop episode over days 1–28 is about ratings: the spike baseline keeps its days.
        let trustEpisode = AlertEpisode(fingerprint: "Acme|trust-drop|all", start: Self.day(1), lastFired: Self.day(26), resolved: Self.day(28))
        let alert = try #require(evaluate(Self.baseline(aspects: true) + Self.incident(), episodes: [trustEpisode]).firing.only)
        #expect(alert.aspect == "service")
    }

    // MARK: Trust drop

    /// 20 five-star reviews 45 days before `asOf` (day 100), plus `recent` reviews 5 days before.
    static func ratings(old: Int = 20, recent: Int, stars: Double) -> [RatedReview] {
        Array(repeating: RatedReview(brand: "Acme", day: day(55), rating: 5), count: old)
            + Array(repeating: RatedReview(brand: "Acme", day: day(95), rating: stars), count: recent)
    }

    func trustAlert(_ ratings: [RatedReview]) -> Alert? {
        evaluator.evaluate(series: ["Acme": []], mentions: [], ratings: ratings, firstDays: [:], episodes: [], asOf: Self.day(100))
            .firing.first { $0.kind == .trustDrop }
    }

    @Test func trustDropFiresOnAFallOfAtLeastPointThree() throws {
        // Day 70 (30 days before): 20 five-stars aged 15 days, w = 0.5^(15/182.6) = 0.9447:
        //   (24.5 + 94.47) / (7 + 18.89) = 4.594 (4.5★).
        // Day 100: they are 45 days old, w = 0.8431; ten 1-stars 5 days old, w = 0.9812:
        //   (24.5 + 84.31 + 9.81) / (7 + 16.86 + 9.81) = 3.523. A drop of 1.07.
        let alert = try #require(trustAlert(Self.ratings(recent: 10, stars: 1)))
        #expect(alert.fingerprint == "Acme|trust-drop|all")
        #expect(alert.title == "Acme: trust score fell from 4.6 to 3.5 in 30 days")
        // Ten 3.5-stars instead: 4.251 (still 4.5★), a drop of 0.343 ≥ 0.3.
        #expect(trustAlert(Self.ratings(recent: 10, stars: 3.5)) != nil)
    }

    @Test func trustDropNeedsTenRecentReviewsAndARealDrop() {
        // Nine 1-stars: 3.598, a drop of 1.0, but only 9 rated reviews in 30 days.
        #expect(trustAlert(Self.ratings(recent: 9, stars: 1)) == nil)
        // Ten 4-stars: 4.397, a drop of 0.198 inside the same 4.5★ band.
        #expect(trustAlert(Self.ratings(recent: 10, stars: 4)) == nil)
        // Ten 5-stars: the score rises.
        #expect(trustAlert(Self.ratings(recent: 10, stars: 5)) == nil)
        // No reviews before the 30 days: nothing to drop from.
        #expect(trustAlert(Self.ratings(old: 0, recent: 12, stars: 1)) == nil)
    }

    @Test func trustDropFiresWhenTheScoreCrossesAHalfStarBand() {
        // The second trigger. 8 five-stars: (24.5 + 37.79) / (7 + 7.56) = 4.279 (4.5★) on day 70;
        // with ten 4-stars, 4.138 (4.0★) on day 100: a drop of only 0.141, but a half star lost.
        #expect(trustAlert(Self.ratings(old: 8, recent: 10, stars: 4)) != nil)
    }
}

extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}

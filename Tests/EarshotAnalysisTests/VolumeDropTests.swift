import EarshotAnalysis
import EarshotCore
import Foundation
import Testing

/// The volume-drop rule on synthetic series, and its inhibition by a failing source.
@Suite struct VolumeDropTests {
    static let start = Day(year: 2026, month: 1, day: 1)
    static func day(_ i: Int) -> Day { start.advanced(by: i) }

    /// `perDay(i)` neutral mentions on each day 0..<days, from `source`.
    static func mentions(brand: String = "Acme", source: String = "feed-a", days: Int, perDay: (Int) -> Int) -> [ScoredMention] {
        (0..<days).flatMap { i in
            (0..<perDay(i)).map { j in
                let mention = Mention(id: "\(brand)-\(source)-\(i)-\(j)", brand: brand, source: source, text: "m",
                                      publishedAt: day(i).start.addingTimeInterval(3600 + Double(j)))
                return ScoredMention(mention: mention, sentiment: Sentiment(compound: 0, pos: 0, neu: 1, neg: 0), lang: "en")
            }
        }
    }

    func evaluate(_ mentions: [ScoredMention], asOf: Day, episodes: [AlertEpisode] = []) -> [Alert] {
        let brands = Set(mentions.map(\.mention.brand)).sorted()
        let series = DailyAggregator().series(mentions, brands: brands, days: Self.day(0)...asOf)
        return AlertEvaluator(spike: SpikePolicy(), trust: TrustPolicy())
            .evaluate(series: series, mentions: [], ratings: [], firstDays: Dictionary(uniqueKeysWithValues: brands.map { ($0, Self.day(0)) }),
                      episodes: episodes, asOf: asOf)
            .firing.filter { $0.kind == .volumeDrop }
    }

    @Test func aSyntheticDropFiresWithItsFigures() throws {
        // 10 mentions a day for days 0–39, then 1 a day on days 40–42; the run is on day 43.
        let mentions = Self.mentions(days: 43) { $0 < 40 ? 10 : 1 }
        let alert = try #require(evaluate(mentions, asOf: Self.day(43)).first)
        #expect(alert.fingerprint == "Acme|volume-drop|all")
        // Three complete days (40–42): 3 mentions against (280 + 1) / 29 a day × 3 = 29.07 expected.
        #expect(alert.details.contains("window: 2026-02-10 to 2026-02-12 (complete days before the run's day)"))
        #expect(alert.details.contains("mentions: 3, expected 29.1 at the baseline rate"))
        #expect(alert.details.contains { $0.hasPrefix("p-value: ") })
    }

    @Test(arguments: [10, 7, 6])
    func aSteadyOrMildlyLowerVolumeDoesNotFire(recent: Int) {
        let mentions = Self.mentions(days: 43) { $0 < 40 ? 10 : recent }
        #expect(evaluate(mentions, asOf: Self.day(43)).isEmpty)
    }

    @Test func todayBeingQuietIsNotADrop() {
        // A morning run has seen only part of today: zero mentions on the run's day do not count.
        #expect(evaluate(Self.mentions(days: 43) { _ in 10 }, asOf: Self.day(43)).isEmpty)
    }

    @Test func noDropWithoutTheHistoryTheSpikeRuleNeeds() {
        // The last complete day (13) is 13 days after the first mention: below minHistoryDays (14).
        #expect(evaluate(Self.mentions(days: 14) { $0 < 11 ? 10 : 0 }, asOf: Self.day(14)).isEmpty)
        #expect(evaluate(Self.mentions(days: 15) { $0 < 12 ? 10 : 0 }, asOf: Self.day(15)).count == 1, "one day later it may")
    }

    @Test func theLowerTailIsExact() {
        // P(X ≤ 3 | 29.07) summed by hand from the masses.
        let mean = 281.0 / 29 * 3
        let byHand = (0...3).reduce(0.0) { total, k in
            total + exp(-mean) * pow(mean, Double(k)) / Double((1...max(1, k)).reduce(1, *))
        }
        let finding = SpikeDetector(policy: SpikePolicy()).detectDrop(
            series: DailyAggregator().series(Self.mentions(days: 43) { $0 < 40 ? 10 : 1 }, brands: ["Acme"], days: Self.day(0)...Self.day(43))["Acme"] ?? [],
            asOf: Self.day(43), firstDay: Self.day(0), drop: VolumeDropPolicy())
        #expect(finding.map { abs($0.pValue - byHand) / byHand < 1e-9 } == true)
        #expect(VolumeDropPolicy(enabled: false).enabled == false)
    }

    @Test func aDropIsInhibitedWhileASourceOfTheBrandFails() throws {
        let mentions = Self.mentions(source: "feed-a", days: 40) { _ in 6 } + Self.mentions(source: "feed-b", days: 43) { $0 < 40 ? 4 : 1 }
            + Self.mentions(brand: "Other", source: "feed-c", days: 43) { $0 < 40 ? 10 : 1 }
        let alerts = evaluate(mentions, asOf: Self.day(43))
        #expect(alerts.map(\.brand) == ["Acme", "Other"])
        let outcomes = [RunSummary.SourceOutcome(id: "feed-a", status: .failed, message: "HTTP 503"),
                        RunSummary.SourceOutcome(id: "feed-b", status: .ok), RunSummary.SourceOutcome(id: "feed-c", status: .ok)]
        let health = [SourceHealth(source: "feed-a", lastError: "HTTP 503", consecutiveFailures: 3), SourceHealth(source: "feed-b"),
                      SourceHealth(source: "feed-c")]
        let applied = AlertInhibitor(mentions: mentions, outcomes: outcomes, health: health).apply(alerts)
        let acme = try #require(applied.first { $0.brand == "Acme" })
        #expect(acme.inhibition == "inhibited: source 'feed-a' failed this run: HTTP 503")
        #expect(applied.first { $0.brand == "Other" }?.inhibition == nil, "a failing source of another brand inhibits nothing")

        // A source in consecutive failure that was skipped this run still inhibits.
        let skipped = AlertInhibitor(mentions: mentions, outcomes: [], health: health).apply(alerts)
        #expect(skipped.first { $0.brand == "Acme" }?.inhibition == "inhibited: source 'feed-a' has failed 3 run(s) in a row: HTTP 503")
        // Other kinds are never inhibited.
        let spike = Alert(brand: "Acme", kind: .negativeSpike, aspect: nil, day: Self.day(43), episodeStart: Self.day(43), title: "t", details: [])
        #expect(AlertInhibitor(mentions: mentions, outcomes: outcomes, health: health).apply([spike]).first?.inhibition == nil)
    }

    /// Quiet years (SpikeSimulationTests' fixed-seed generator, Poisson mentions a day): the
    /// volume-drop rule's false alerts, counted as episodes the evaluator opens, over 20 brand-years
    /// per volume: at most one a year on average. (Measured: 0 at 1 mention a day, 2 at 3, 9 at 10.)
    @Test(arguments: SpikeSimulationTests.volumes)
    func quietYearsRaiseFewVolumeDropAlerts(_ volume: SpikeSimulationTests.Volume) {
        var drops = 0
        for brand in 0..<20 as Range<UInt64> {
            let days = SpikeSimulationTests.quietYear(volume: volume.mean, seed: 7_000 * volume.seed + brand)
            drops += Self.dropEpisodes(days)
        }
        #expect(drops <= 20, "\(drops) false volume-drop alerts in 20 brand-years")
    }

    /// Volume-drop episodes opened when the rules run as of every day of `days`.
    static func dropEpisodes(_ days: [BrandDay]) -> Int {
        let policy = SpikePolicy()
        let evaluator = AlertEvaluator(spike: policy, trust: TrustPolicy())
        let span = policy.baselineDays + policy.windowDays
        var episodes: [AlertEpisode] = [], opened = 0
        for i in days.indices {
            let asOf = SpikeDetectorTests.day(i)
            let decision = evaluator.evaluate(series: ["Acme": Array(days[max(0, i - span)...i])], mentions: [], ratings: [],
                                              firstDays: ["Acme": SpikeDetectorTests.day(0)], episodes: episodes, asOf: asOf)
            for alert in decision.firing where alert.kind == .volumeDrop {
                if let open = episodes.firstIndex(where: { $0.fingerprint == alert.fingerprint && $0.isOpen }) {
                    episodes[open].lastFired = asOf
                } else {
                    episodes.insert(AlertEpisode(fingerprint: alert.fingerprint, start: alert.episodeStart, lastFired: asOf), at: 0)
                    opened += 1
                }
            }
            for closed in decision.resolved {
                if let index = episodes.firstIndex(where: { $0.fingerprint == closed.fingerprint && $0.start == closed.start }) {
                    episodes[index].resolved = closed.resolved
                }
            }
        }
        return opened
    }
}

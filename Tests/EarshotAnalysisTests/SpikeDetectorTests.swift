@testable import EarshotAnalysis
import EarshotCore
import Foundation
import Testing

/// The negative-spike rule with its default policy: an exact binomial test of today and of the last
/// 3 days against the 28 days before, baseline `(negatives + 2) / (mentions + 10)`, p < 0.001,
/// ≥ 3 negatives, share ≥ baseline + 0.20, ≥ 14 days and ≥ 10 baseline mentions of history.
@Suite struct SpikeDetectorTests {
    static let start = Day(year: 2026, month: 1, day: 1)
    static func day(_ i: Int) -> Day { start.advanced(by: i) }

    static func brandDay(_ i: Int, mentions: Int, negative: Int, brand: String = "Acme") -> BrandDay {
        var day = BrandDay(brand: brand, day: day(i))
        day.mentions = mentions
        day.negative = negative
        day.neutral = mentions - negative
        return day
    }

    /// Days 0–27 at 3 mentions a day, one negative on every day but each fourth (i % 4 == 3):
    /// 21 of 84 negative, baseline (21 + 2) / (84 + 10) = 23/94 = 0.2447. Then an incident on days
    /// 28–30: 3 mentions a day, all negative.
    static let incident: [BrandDay] = (0..<28).map { brandDay($0, mentions: 3, negative: $0 % 4 == 3 ? 0 : 1) }
        + (28...30).map { brandDay($0, mentions: 3, negative: 3) }

    let detector = SpikeDetector(policy: SpikePolicy())

    @Test func firesOnAClearThreeDayIncident() throws {
        // Day 30, window 28–30: 9 of 9 negative against days 0–27's 23/94, p = (23/94)⁹ = 3.14e-6.
        // (Today alone: 3 of 3 against days 2–29, whose 25 of 84 negatives give 27/94; p = 0.0237.)
        let finding = try #require(detector.detect(series: Self.incident, touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(0)))
        #expect(finding.windowStart == Self.day(28))
        #expect(finding.windowEnd == Self.day(30))
        #expect(finding.negatives == 9)
        #expect(finding.mentions == 9)
        #expect(finding.baselineMentions == 84)
        #expect(abs(finding.baselineShare - 23.0 / 94) < 1e-12)
        #expect(abs(finding.pValue / 3.143401396413306e-06 - 1) < 1e-9)
        #expect(finding.share == 1)
    }

    @Test func theFirstTwoIncidentDaysAreNotYetSignificant() {
        // Day 28: 3 of 3 against 23/94, p = 0.0146. Day 29: window 27–29 holds 6 of 9 against
        // days 0–26's 21 of 81 (23/91 = 0.253), p = 0.0106. Neither is below 0.001.
        #expect(detector.detect(series: Self.incident, touchpoint: nil, asOf: Self.day(28), firstDay: Self.day(0)) == nil)
        #expect(detector.detect(series: Self.incident, touchpoint: nil, asOf: Self.day(29), firstDay: Self.day(0)) == nil)
    }

    @Test func seriesOrderDoesNotMatter() {
        let forward = detector.detect(series: Self.incident, touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(0))
        let backward = detector.detect(series: Self.incident.reversed(), touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(0))
        #expect(forward != nil)
        #expect(forward == backward)
    }

    @Test func oneNegativeMentionAfterAQuietFortnightIsNotASpike() {
        // 28 days of 2 neutral mentions, then one negative mention. Huginn's mean + 3σ over the daily
        // negative counts is 0 + 3 × 0, so its 1 fires. Here: 1 negative < 3, and 1 of 1 against
        // 2/66 would only be p = 0.03 anyway.
        let series = (0..<28).map { Self.brandDay($0, mentions: 2, negative: 0) } + [Self.brandDay(28, mentions: 1, negative: 1)]
        #expect(detector.detect(series: series, touchpoint: nil, asOf: Self.day(28), firstDay: Self.day(0)) == nil)
    }

    @Test func needsFourteenDaysOfHistory() {
        // The incident's tail as the whole history. First seen on day 16, 14 days before day 30: the
        // 3-day window against days 16–27 (36 mentions, 9 negative, 11/46) gives p = 2.5e-6 and fires.
        // First seen on day 17, 13 days before: the history rule holds it back.
        let at14 = detector.detect(series: Array(Self.incident.suffix(15)), touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(16))
        let at13 = detector.detect(series: Array(Self.incident.suffix(14)), touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(17))
        #expect(at14?.baselineMentions == 36)
        #expect(at14?.negatives == 9)
        #expect(at13 == nil)
    }

    @Test func needsTenBaselineMentions() {
        // Fourteen days of history but only 9 mentions before the window.
        let series = (0..<28).map { Self.brandDay($0, mentions: $0 % 3 == 0 && $0 < 27 ? 1 : 0, negative: 0) }
            + (28...30).map { Self.brandDay($0, mentions: 3, negative: 3) }
        #expect(series.prefix(28).reduce(0) { $0 + $1.mentions } == 9)
        #expect(detector.detect(series: series, touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(0)) == nil)
        var enough = series
        enough[1].mentions = 1
        enough[1].neutral = 1
        #expect(detector.detect(series: enough, touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(0)) != nil)
    }

    @Test func needsThreeNegatives() {
        // 28 days of 20 neutral mentions (baseline 2/570 = 0.0035), two quiet days, then 2 of 2 negative:
        // p = 0.0035² = 1.2e-5 and a share of 1, but only 2 negatives.
        let series = (0..<30).map { Self.brandDay($0, mentions: 20, negative: 0) } + [Self.brandDay(30, mentions: 2, negative: 2)]
        #expect(detector.detect(series: series, touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(0)) == nil)
        let lenient = SpikeDetector(policy: SpikePolicy(minNegatives: 2))
        let finding = lenient.detect(series: series, touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(0))
        #expect(finding?.windowStart == Self.day(30))
        #expect(finding?.negatives == 2)
    }

    @Test func needsAShareWellAboveBaseline() {
        // 28 days of 100 mentions, 30 negative (baseline 842/2810 = 0.2996), then a day of 1000 with 420
        // negative: p ≈ 1e-15, but 0.42 is only 0.12 above baseline.
        let series = (0..<30).map { Self.brandDay($0, mentions: 100, negative: 30) } + [Self.brandDay(30, mentions: 1000, negative: 420)]
        #expect(detector.detect(series: series, touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(0)) == nil)
        var worse = series
        worse[30].negative = 520
        #expect(detector.detect(series: worse, touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(0)) != nil)
    }

    @Test func leavesExcludedDaysOutOfTheBaseline() throws {
        // Days 0–27 at 4 neutral mentions, except days 10–13 (an earlier episode) at 4 of 4 negative;
        // then 1, 2 and 2 of 3 negative on days 28–30. With the episode, the baseline is 18/122 = 0.148
        // and 5 of 9 gives p = 0.0052; without it 2/106 = 0.019 and p = 2.8e-7.
        let series = (0..<28).map { Self.brandDay($0, mentions: 4, negative: (10...13).contains($0) ? 4 : 0) }
            + [Self.brandDay(28, mentions: 3, negative: 1), Self.brandDay(29, mentions: 3, negative: 2), Self.brandDay(30, mentions: 3, negative: 2)]
        #expect(detector.detect(series: series, touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(0)) == nil)
        let excluded = Set((10...13).map(Self.day))
        let finding = try #require(detector.detect(series: series, touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(0), excluded: excluded))
        #expect(finding.baselineMentions == 96)
        #expect(abs(finding.baselineShare - 2.0 / 106) < 1e-12)
        #expect(abs(finding.pValue / 2.8279980520978994e-07 - 1) < 1e-9)
        // Excluded days inside the window still count: the window is what is being tested.
        let windowExcluded = excluded.union([Self.day(29)])
        #expect(detector.detect(series: series, touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(0), excluded: windowExcluded)?.negatives == 5)
    }

    @Test func testsATouchpointOnItsOwnCounts() throws {
        // 30 mentions a day, 3 negative (10%), of which 2 a day are about service and neutral; then a
        // window where service gets 3 of 3 negative a day while the brand stays at 3 of 30.
        var series = (0..<31).map { Self.brandDay($0, mentions: 30, negative: 3) }
        for i in series.indices {
            var service = TouchpointDay()
            service.mentions = i < 28 ? 2 : 3
            service.negative = i < 28 ? 0 : 3
            series[i].touchpoints[.service] = service
        }
        #expect(detector.detect(series: series, touchpoint: nil, asOf: Self.day(30), firstDay: Self.day(0)) == nil)
        #expect(detector.detect(series: series, touchpoint: .experience, asOf: Self.day(30), firstDay: Self.day(0)) == nil)
        // Service: 9 of 9 against (0 + 2) / (56 + 10) = 0.0303, p = 2.2e-14.
        let finding = try #require(detector.detect(series: series, touchpoint: .service, asOf: Self.day(30), firstDay: Self.day(0)))
        #expect(finding.negatives == 9)
        #expect(finding.baselineMentions == 56)
    }
}

// MARK: - Volume spikes (informational)

/// `Poisson.upperTail(k:mean:)` and ``SpikeDetector/detectVolume(series:touchpoint:asOf:firstDay:excluded:minRatio:)``:
/// mentions against the baseline's daily rate `(mentions + 1) / (days + 1)`.
@Suite struct VolumeSpikeTests {
    let detector = SpikeDetector(policy: SpikePolicy())

    static func steady(_ perDay: Int, days: Range<Int> = 0..<30) -> [BrandDay] {
        days.map { SpikeDetectorTests.brandDay($0, mentions: perDay, negative: 0) }
    }

    @Test(arguments: [
        (3, 1.0, 0.08030139707139419),           // 1 − e⁻¹(1 + 1 + 1/2) = 1 − 2.5/e
        (10, 2.0, 4.649807501726381e-05),
        (60, 20.0, 4.233284694712903e-13),
        (3, 15.0 / 29, 0.01572872360998164),     // 1 − e^(−m)(1 + m + m²/2), m = 0.517
        (5, 15.0 / 29, 0.0002010368062876592),
        (1, 50.0, 1 - 1.928749847963918e-22),    // 1 − e⁻⁵⁰
    ] as [(Int, Double, Double)])
    func poissonTailMatchesKnownValues(k: Int, mean: Double, tail: Double) {
        let value = Poisson.upperTail(k: k, mean: mean)
        #expect(abs(value - tail) <= 1e-9 * tail, "got \(value)")
    }

    @Test func poissonTailEdges() {
        #expect(Poisson.upperTail(k: 0, mean: 3) == 1)
        #expect(Poisson.upperTail(k: 1, mean: 0) == 0)
        var previous = 1.0
        for k in 1...80 {
            let tail = Poisson.upperTail(k: k, mean: 12)
            #expect(tail <= previous && tail >= 0)
            previous = tail
        }
    }

    @Test func findsTripleTheUsualVolume() throws {
        // 10 a day, then 30 on day 30. Today against days 2–29: (280 + 1) / (28 + 1) = 9.69 a day,
        // P(X ≥ 30 | 9.69) = 1.3e-7. (Days 28–30 hold 50 against 29.07 expected: less than twice.)
        let series = Self.steady(10) + [SpikeDetectorTests.brandDay(30, mentions: 30, negative: 0)]
        let finding = try #require(detector.detectVolume(series: series, asOf: SpikeDetectorTests.day(30), firstDay: SpikeDetectorTests.day(0)))
        #expect(finding.windowStart == SpikeDetectorTests.day(30))
        #expect(finding.mentions == 30)
        #expect(abs(finding.expected - 281.0 / 29) < 1e-12)
        #expect(finding.baselineMentions == 280)
        #expect(abs(finding.pValue / 1.310898413179590e-07 - 1) < 1e-9)
        #expect(finding.ratio > 3 && finding.ratio < 3.1)
    }

    @Test func ignoresOrdinaryBusyDays() {
        // 15 against 9.69: p = 0.06 and only 1.5 times the rate.
        let series = Self.steady(10) + [SpikeDetectorTests.brandDay(30, mentions: 15, negative: 0)]
        #expect(detector.detectVolume(series: series, asOf: SpikeDetectorTests.day(30), firstDay: SpikeDetectorTests.day(0)) == nil)
    }

    @Test func aQuietBrandNeedsMoreThanThreeMentions() {
        // One mention every other day (14 in days 2–29, rate 15/29 = 0.517): 3 today is p = 0.016,
        // 5 today is p = 0.0002.
        let quiet = (0..<30).map { SpikeDetectorTests.brandDay($0, mentions: $0 % 2, negative: 0) }
        let three = quiet + [SpikeDetectorTests.brandDay(30, mentions: 3, negative: 0)]
        let five = quiet + [SpikeDetectorTests.brandDay(30, mentions: 5, negative: 0)]
        #expect(detector.detectVolume(series: three, asOf: SpikeDetectorTests.day(30), firstDay: SpikeDetectorTests.day(0)) == nil)
        let finding = detector.detectVolume(series: five, asOf: SpikeDetectorTests.day(30), firstDay: SpikeDetectorTests.day(0))
        #expect(finding?.baselineMentions == 14)
        #expect(finding.map { abs($0.pValue / 0.0002010368062876592 - 1) < 1e-9 } == true)
    }

    @Test func countsOnlyDaysSinceTheFirstMentionAndNeedsHistory() throws {
        // First seen on day 10: days 10–29 are the baseline, (200 + 1) / (20 + 1) = 9.57 a day.
        let series = Self.steady(10, days: 10..<30) + [SpikeDetectorTests.brandDay(30, mentions: 40, negative: 0)]
        let finding = try #require(detector.detectVolume(series: series, asOf: SpikeDetectorTests.day(30), firstDay: SpikeDetectorTests.day(10)))
        #expect(abs(finding.baselineRate - 201.0 / 21) < 1e-12)
        #expect(detector.detectVolume(series: series, asOf: SpikeDetectorTests.day(30), firstDay: SpikeDetectorTests.day(17)) == nil)
    }
}

// MARK: - A year of quiet days

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, fixed, well-mixed generator, so the simulation
/// gives the same numbers on every machine and toolchain (no Foundation or stdlib randomness).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [0, 1), from the top 53 bits.
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A Poisson draw (Knuth's product of uniforms; fine for small means).
    mutating func poisson(mean: Double) -> Int {
        let limit = exp(-mean)
        var product = uniform(), count = 0
        while product > limit {
            product *= uniform()
            count += 1
        }
        return count
    }
}

@Suite struct SpikeSimulationTests {
    static let year = 365
    static let negativeShare = 0.25

    /// A brand's quiet year: Poisson(`volume`) mentions a day, each negative with probability 0.25.
    static func quietYear(volume: Double, seed: UInt64) -> [BrandDay] {
        var random = SplitMix64(seed: seed)
        return (0..<year).map { i in
            let mentions = random.poisson(mean: volume)
            let negative = (0..<mentions).reduce(0) { count, _ in count + (random.uniform() < negativeShare ? 1 : 0) }
            return SpikeDetectorTests.brandDay(i, mentions: mentions, negative: negative)
        }
    }

    /// What the rules make of `days`, run as of every day with the days up to it (as the pipeline
    /// reads them: the last baseline + window days): the days the detector fires on, and the alert
    /// episodes the ``AlertEvaluator`` opens (what would be delivered), keeping episodes as a store does.
    static func replay(_ days: [BrandDay], over range: Range<Int>? = nil) -> (firingDays: [Int], episodes: [Int]) {
        let policy = SpikePolicy()
        let detector = SpikeDetector(policy: policy)
        let evaluator = AlertEvaluator(spike: policy, trust: TrustPolicy())
        let span = policy.baselineDays + policy.windowDays
        var firingDays: [Int] = [], newEpisodes: [Int] = []
        var episodes: [AlertEpisode] = []
        for i in range ?? days.indices {
            let asOf = SpikeDetectorTests.day(i)
            let series = Array(days[max(0, i - span)...i])
            if detector.detect(series: series, touchpoint: nil, asOf: asOf, firstDay: SpikeDetectorTests.day(0)) != nil {
                firingDays.append(i)
            }
            let decision = evaluator.evaluate(series: ["Acme": series], mentions: [], ratings: [],
                                              firstDays: ["Acme": SpikeDetectorTests.day(0)], episodes: episodes, asOf: asOf)
            for alert in decision.firing {
                if let open = episodes.firstIndex(where: { $0.fingerprint == alert.fingerprint && $0.isOpen }) {
                    episodes[open].lastFired = asOf
                } else {
                    episodes.insert(AlertEpisode(fingerprint: alert.fingerprint, start: alert.episodeStart, lastFired: asOf), at: 0)
                    newEpisodes.append(i)
                }
            }
            for closed in decision.resolved {
                if let index = episodes.firstIndex(where: { $0.fingerprint == closed.fingerprint && $0.start == closed.start }) {
                    episodes[index].resolved = closed.resolved
                }
            }
        }
        return (firingDays, newEpisodes)
    }

    struct Volume: Sendable, CustomTestStringConvertible {
        var mean: Double
        var seed: UInt64
        var testDescription: String { "\(Int(mean)) mentions a day" }
    }

    /// The brands of the simulation: one seed per volume, fixed before the first run.
    static let volumes = [Volume(mean: 1, seed: 1), Volume(mean: 3, seed: 3), Volume(mean: 10, seed: 10)]

    @Test(arguments: volumes)
    func aQuietYearRaisesAtMostOneAlert(_ volume: Volume) {
        let days = Self.quietYear(volume: volume.mean, seed: volume.seed)
        let total = days.reduce(0) { $0 + $1.mentions }, negative = days.reduce(0) { $0 + $1.negative }
        // The generator does what it says: about volume × 365 mentions, about a quarter negative.
        #expect(abs(Double(total) / Double(Self.year) - volume.mean) < 0.15 * volume.mean)
        #expect(abs(Double(negative) / Double(total) - Self.negativeShare) < 0.05)
        let result = Self.replay(days)
        #expect(result.episodes.count <= 1, "false alerts on days \(result.episodes); the detector fired on \(result.firingDays)")
    }

    /// Ten more brand-years per volume: on average at most one false alert a year each.
    /// (Measured over 200 brand-years: 0.11 a year at 1 mention a day, 0.30 at 3, 0.42 at 10.)
    @Test(arguments: volumes)
    func manyQuietYearsAverageAtMostOneAlert(_ volume: Volume) {
        var alerts = 0
        for brand in 0..<10 as Range<UInt64> {
            alerts += Self.replay(Self.quietYear(volume: volume.mean, seed: 1_000 * volume.seed + brand)).episodes.count
        }
        #expect(alerts <= 10, "\(alerts) false alerts in 10 brand-years")
    }

    /// Incident days: 3 mentions, all negative, in place of the quiet days.
    @Test(arguments: [60, 150, 240, 330])
    func catchesAThreeDayIncidentAtThreeMentionsADay(startingOn first: Int) {
        var days = Self.quietYear(volume: 3, seed: 3)
        for i in first..<(first + 3) { days[i] = SpikeDetectorTests.brandDay(i, mentions: 3, negative: 3) }
        let result = Self.replay(days, over: 0..<(first + 3))
        let caught = result.firingDays.filter { $0 >= first }
        #expect(!caught.isEmpty, "the incident on days \(first)–\(first + 2) went unnoticed")
        #expect(result.episodes.contains { $0 >= first }, "no alert for the incident")
    }
}

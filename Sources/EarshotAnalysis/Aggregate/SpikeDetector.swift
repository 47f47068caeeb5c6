import EarshotCore

/// Detects a negative spike: a share of negative mentions far above the brand's own baseline.
///
/// For today alone and for the last ``SpikePolicy/windowDays`` days, an exact one-sided
/// binomial test of the negatives against a smoothed baseline share from the
/// ``SpikePolicy/baselineDays`` days before the window (a Beta prior keeps a quiet history from
/// looking spotless; days inside alert episodes, earlier or still open, are left out). It fires
/// only when p < ``SpikePolicy/pValue``, with at least ``SpikePolicy/minNegatives`` negatives, a
/// share at least ``SpikePolicy/minShareIncrease`` above baseline, and enough history
/// (``SpikePolicy/minHistoryDays`` days since the first mention, ``SpikePolicy/minHistoryMentions``
/// mentions in the baseline). See ``detectVolume(series:touchpoint:asOf:firstDay:excluded:minRatio:)``
/// for the volume test.
public struct SpikeDetector: Sendable {
    public var policy: SpikePolicy

    public init(policy: SpikePolicy) { self.policy = policy }

    /// The evidence for a spike: the window's counts, the smoothed baseline and the p-value.
    public struct Finding: Sendable, Equatable {
        public var windowStart: Day
        public var windowEnd: Day
        public var negatives: Int
        public var mentions: Int
        public var baselineShare: Double
        public var baselineMentions: Int
        public var pValue: Double

        public var share: Double { mentions == 0 ? 0 : Double(negatives) / Double(mentions) }
    }

    /// Tests the series ending at `asOf` for one touchpoint (nil: all mentions).
    /// - Parameters:
    ///   - series: the brand's days, any order, covering at least baseline + window.
    ///   - firstDay: the brand's first mention ever.
    ///   - excluded: days inside alert episodes, left out of the baseline (days in the window always count).
    public func detect(series: [BrandDay], touchpoint: Touchpoint?, asOf: Day, firstDay: Day?, excluded: Set<Day> = []) -> Finding? {
        guard let firstDay, firstDay.distance(to: asOf) >= policy.minHistoryDays else { return nil }
        let byDay = Self.index(series)
        var best: Finding?
        for length in Set([1, policy.windowDays]).sorted() {
            let windowStart = asOf.advanced(by: -(length - 1))
            let baselineStart = windowStart.advanced(by: -policy.baselineDays)
            var n = 0, k = 0, baseN = 0, baseK = 0
            for day in windowStart...asOf {
                let c = Self.counts(byDay[day], touchpoint)
                n += c.mentions
                k += c.negative
            }
            for day in baselineStart..<windowStart where !excluded.contains(day) {
                let c = Self.counts(byDay[day], touchpoint)
                baseN += c.mentions
                baseK += c.negative
            }
            guard baseN >= policy.minHistoryMentions, n > 0, k >= policy.minNegatives else { continue }
            let baseline = (Double(baseK) + policy.priorNegative) / (Double(baseN) + policy.priorNegative + policy.priorOther)
            let share = Double(k) / Double(n)
            guard share - baseline >= policy.minShareIncrease else { continue }
            let p = Binomial.upperTail(k: k, n: n, p: baseline)
            guard p < policy.pValue else { continue }
            let finding = Finding(windowStart: windowStart, windowEnd: asOf, negatives: k, mentions: n,
                                  baselineShare: baseline, baselineMentions: baseN, pValue: p)
            if best == nil || p < best!.pValue { best = finding }
        }
        return best
    }

    /// The series by day; the first of duplicate days wins.
    static func index(_ series: [BrandDay]) -> [Day: BrandDay] {
        Dictionary(series.map { ($0.day, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A day's mentions and negatives, of one touchpoint or (nil) of all; zero for a missing day.
    static func counts(_ day: BrandDay?, _ touchpoint: Touchpoint?) -> (mentions: Int, negative: Int) {
        guard let day else { return (0, 0) }
        guard let touchpoint else { return (day.mentions, day.negative) }
        let figures = day.touchpoints[touchpoint] ?? TouchpointDay()
        return (figures.mentions, figures.negative)
    }
}

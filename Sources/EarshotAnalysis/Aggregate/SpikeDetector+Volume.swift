import EarshotCore

extension SpikeDetector {
    /// The evidence for a volume spike or drop: far more, or far fewer, mentions than the brand's
    /// own daily rate explains.
    public struct VolumeFinding: Sendable, Equatable {
        public var windowStart: Day
        public var windowEnd: Day
        /// Mentions in the window.
        public var mentions: Int
        /// Mentions the baseline rate expects in the window.
        public var expected: Double
        /// The smoothed baseline rate, mentions a day.
        public var baselineRate: Double
        /// Mentions in the baseline days counted.
        public var baselineMentions: Int
        /// For X ~ Poisson(expected): P(X ≥ mentions) for a spike, P(X ≤ mentions) for a drop.
        public var pValue: Double

        /// How many times the expected volume the window saw (below 1 for a drop).
        public var ratio: Double { expected == 0 ? .infinity : Double(mentions) / expected }
    }

    /// Tests the volume of the series ending at `asOf` (informational: not an alert rule yet).
    ///
    /// For today alone and for the last ``SpikePolicy/windowDays`` days, an exact one-sided
    /// Poisson test of the mentions against the rate of the ``SpikePolicy/baselineDays`` days
    /// before the window, smoothed as `(mentions + 1) / (days + 1)` (a Gamma(1, 1) prior, so a
    /// silent baseline does not make one mention infinitely surprising). Excluded days are left
    /// out of both the mentions and the days of the baseline. It reports a finding only when
    /// p < ``SpikePolicy/pValue``, the window holds at least ``SpikePolicy/minNegatives`` mentions
    /// and at least `minRatio` times the expected volume, with the same history rule as ``detect(series:touchpoint:asOf:firstDay:excluded:)``.
    /// - Parameters:
    ///   - series: the brand's days, any order; a missing day counts as a day without mentions.
    ///   - touchpoint: the touchpoint whose mentions are counted, nil for all.
    ///   - firstDay: the brand's first mention ever.
    ///   - excluded: days inside alert episodes, left out of the baseline.
    ///   - minRatio: the least multiple of the expected volume that counts as a spike.
    public func detectVolume(series: [BrandDay], touchpoint: Touchpoint? = nil, asOf: Day, firstDay: Day?,
                             excluded: Set<Day> = [], minRatio: Double = 2) -> VolumeFinding? {
        guard let firstDay, firstDay.distance(to: asOf) >= policy.minHistoryDays else { return nil }
        let byDay = Self.index(series)
        var best: VolumeFinding?
        for length in Set([1, policy.windowDays]).sorted() {
            let windowStart = asOf.advanced(by: -(length - 1))
            let n = (windowStart...asOf).reduce(0) { $0 + Self.counts(byDay[$1], touchpoint).mentions }
            var baseN = 0, baseDays = 0
            for day in windowStart.advanced(by: -policy.baselineDays)..<windowStart where !excluded.contains(day) && day >= firstDay {
                baseN += Self.counts(byDay[day], touchpoint).mentions
                baseDays += 1
            }
            guard baseN >= policy.minHistoryMentions, n >= policy.minNegatives else { continue }
            let rate = Double(baseN + 1) / Double(baseDays + 1)
            let expected = rate * Double(length)
            guard Double(n) >= minRatio * expected else { continue }
            let p = Poisson.upperTail(k: n, mean: expected)
            guard p < policy.pValue else { continue }
            let finding = VolumeFinding(windowStart: windowStart, windowEnd: asOf, mentions: n, expected: expected,
                                        baselineRate: rate, baselineMentions: baseN, pValue: p)
            if best == nil || p < best!.pValue { best = finding }
        }
        return best
    }
}

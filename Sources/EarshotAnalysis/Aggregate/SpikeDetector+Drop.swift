import EarshotCore

extension SpikeDetector {
    /// The evidence for a volume drop: far fewer mentions than the brand's own daily rate expects.
    public struct DropFinding: Sendable, Equatable {
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
        /// P(X ≤ mentions) for X ~ Poisson(expected).
        public var pValue: Double

        /// The share of the expected volume the window saw.
        public var ratio: Double { expected == 0 ? 1 : Double(mentions) / expected }
    }

    /// Tests the brand's volume for a drop as of `asOf` (see ``VolumeDropPolicy``).
    ///
    /// The windows end the day before `asOf` (the last complete day): that day alone, and the
    /// last ``SpikePolicy/windowDays`` complete days. Each is tested against the rate of the
    /// ``SpikePolicy/baselineDays`` days before it, smoothed as `(mentions + 1) / (days + 1)`,
    /// with an exact lower-tail Poisson test; excluded days (earlier volume-drop episodes) and
    /// days before the brand's first mention are left out of the baseline. A finding needs
    /// p < ``VolumeDropPolicy/pValue``, at most ``VolumeDropPolicy/maxRatio`` of the expected
    /// volume, and the spike rule's history (``SpikePolicy/minHistoryDays`` days since the first
    /// mention, ``SpikePolicy/minHistoryMentions`` mentions in the baseline).
    /// - Returns: the finding with the smallest p-value, or nil.
    public func detectDrop(series: [BrandDay], asOf: Day, firstDay: Day?, excluded: Set<Day> = [],
                           drop: VolumeDropPolicy) -> DropFinding? {
        guard drop.enabled, let firstDay else { return nil }
        let windowEnd = asOf.advanced(by: -1)
        guard firstDay.distance(to: windowEnd) >= policy.minHistoryDays else { return nil }
        let byDay = Self.index(series)
        var best: DropFinding?
        for length in Set([1, policy.windowDays]).sorted() {
            let windowStart = windowEnd.advanced(by: -(length - 1))
            let n = (windowStart...windowEnd).reduce(0) { $0 + Self.counts(byDay[$1], nil).mentions }
            var baseN = 0, baseDays = 0
            for day in windowStart.advanced(by: -policy.baselineDays)..<windowStart where !excluded.contains(day) && day >= firstDay {
                baseN += Self.counts(byDay[day], nil).mentions
                baseDays += 1
            }
            guard baseDays > 0, baseN >= policy.minHistoryMentions else { continue }
            let rate = Double(baseN + 1) / Double(baseDays + 1)
            let expected = rate * Double(length)
            guard Double(n) <= drop.maxRatio * expected else { continue }
            let p = Poisson.lowerTail(k: n, mean: expected)
            guard p < drop.pValue else { continue }
            let finding = DropFinding(windowStart: windowStart, windowEnd: windowEnd, mentions: n, expected: expected,
                                      baselineRate: rate, baselineMentions: baseN, pValue: p)
            if best == nil || p < best!.pValue { best = finding }
        }
        return best
    }
}

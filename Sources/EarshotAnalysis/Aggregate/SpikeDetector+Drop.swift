import EarshotCore

extension SpikeDetector {
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
    /// - Returns: the finding with the smallest p-value (its ``VolumeFinding/pValue`` the lower
    ///   tail P(X ≤ mentions)), or nil.
    public func detectDrop(series: [BrandDay], asOf: Day, firstDay: Day?, excluded: Set<Day> = [],
                           drop: VolumeDropPolicy) -> VolumeFinding? {
        guard drop.enabled, let firstDay else { return nil }
        let windowEnd = asOf.advanced(by: -1)
        guard firstDay.distance(to: windowEnd) >= policy.minHistoryDays else { return nil }
        let byDay = Self.index(series)
        var best: VolumeFinding?
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
            let finding = VolumeFinding(windowStart: windowStart, windowEnd: windowEnd, mentions: n, expected: expected,
                                      baselineRate: rate, baselineMentions: baseN, pValue: p)
            if best == nil || p < best!.pValue { best = finding }
        }
        return best
    }
}

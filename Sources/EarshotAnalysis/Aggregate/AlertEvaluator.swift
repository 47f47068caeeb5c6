import EarshotCore

/// Decides which alerts fire on `asOf` and which open episodes are over.
///
/// Per brand it tests the negative share of the *service* and *experience* touchpoints and of
/// all mentions. A touchpoint spike explains a brand-wide one, so the brand-wide alert is sent
/// only when no touchpoint fired (one alert per cause, as Alertmanager's inhibition does).
/// A brand-wide spike is labelled with the touchpoint most of its negative mentions are about
/// (at least 60% of them), so a flood of support complaints reads as a *service* spike.
/// An alert joins the open episode of its fingerprint, so one episode is one delivery; an
/// episode with no firing for ``SpikePolicy/resolveAfterDays`` days is resolved. The days of the
/// brand's negative-spike episodes, earlier or still open, are left out of the spike baselines.
/// A volume drop (far fewer mentions than the brand's baseline, see ``VolumeDropPolicy``) is
/// its own alert; the pipeline inhibits it while a source of the brand fails (``AlertInhibitor``).
public struct AlertEvaluator: Sendable {
    public var spike: SpikePolicy
    public var trust: TrustPolicy
    public var volumeDrop: VolumeDropPolicy

    public init(spike: SpikePolicy, trust: TrustPolicy, volumeDrop: VolumeDropPolicy = .init()) {
        self.spike = spike
        self.trust = trust
        self.volumeDrop = volumeDrop
    }

    /// What the rules decided: the alerts firing on `asOf` and the open episodes that are over.
    public struct Decision: Sendable {
        public var firing: [Alert]
        public var resolved: [AlertEpisode]

        public init(firing: [Alert], resolved: [AlertEpisode]) {
            self.firing = firing
            self.resolved = resolved
        }
    }

    /// Runs every rule for every brand in `series` as of `asOf`.
    /// - Parameters:
    ///   - series: per brand, its days up to `asOf` (at least baseline + window days).
    ///   - mentions: scored mentions of the last window days, for evidence.
    ///   - ratings: every rated review, for the trust-drop rule.
    ///   - firstDays: each brand's first mention day.
    ///   - episodes: the store's episodes.
    public func evaluate(series: [String: [BrandDay]], mentions: [ScoredMention], ratings: [RatedReview],
                         firstDays: [String: Day], episodes: [AlertEpisode], asOf: Day) -> Decision {
        let detector = SpikeDetector(policy: spike)
        var firing: [Alert] = []
        for brand in series.keys.sorted() {
            let days = series[brand] ?? []
            let excluded = excludedDays(brand: brand, episodes: episodes, asOf: asOf)
            var brandAlerts: [Alert] = []
            for touchpoint in Touchpoint.allCases {
                if let finding = detector.detect(series: days, touchpoint: touchpoint, asOf: asOf, firstDay: firstDays[brand], excluded: excluded) {
                    brandAlerts.append(spikeAlert(brand: brand, touchpoint: touchpoint, finding: finding, mentions: mentions, episodes: episodes, asOf: asOf))
                }
            }
            if brandAlerts.isEmpty,
               let finding = detector.detect(series: days, touchpoint: nil, asOf: asOf, firstDay: firstDays[brand], excluded: excluded) {
                let cause = dominantTouchpoint(brand: brand, finding: finding, mentions: mentions, episodes: episodes)
                brandAlerts.append(spikeAlert(brand: brand, touchpoint: cause, finding: finding, mentions: mentions, episodes: episodes, asOf: asOf))
            }
            if let drop = trustDrop(brand: brand, ratings: ratings, episodes: episodes, asOf: asOf) { brandAlerts.append(drop) }
            let dropExcluded = excludedDays(brand: brand, kind: .volumeDrop, episodes: episodes, asOf: asOf)
            if let finding = detector.detectDrop(series: days, asOf: asOf, firstDay: firstDays[brand], excluded: dropExcluded, drop: volumeDrop) {
                brandAlerts.append(volumeDropAlert(brand: brand, finding: finding, episodes: episodes, asOf: asOf))
            }
            firing += brandAlerts
        }
        let firingFingerprints = Set(firing.map(\.fingerprint))
        let resolved = episodes.filter { episode in
            episode.isOpen && !firingFingerprints.contains(episode.fingerprint)
                && episode.lastFired.distance(to: asOf) >= spike.resolveAfterDays
        }.map { episode -> AlertEpisode in
            var closed = episode
            closed.resolved = asOf
            return closed
        }
        return Decision(firing: firing, resolved: resolved)
    }

    /// The start of the open episode of `fingerprint`, else `asOf` (a new episode).
    func episodeStart(fingerprint: String, episodes: [AlertEpisode], asOf: Day) -> Day {
        episodes.first { $0.fingerprint == fingerprint && $0.isOpen && $0.start <= asOf }?.start ?? asOf
    }

    /// The days of the brand's negative-spike episodes, resolved or still open, that lie before
    /// the current window: from the first day of the window that opened the episode
    /// (`start − (windowDays − 1)`) to its last firing. Days inside the window are never left out,
    /// so a second run on the same day decides the same. Trust-drop episodes are about ratings
    /// and leave the baselines alone.
    func excludedDays(brand: String, kind: AlertKind = .negativeSpike, episodes: [AlertEpisode], asOf: Day) -> Set<Day> {
        let beforeWindow = asOf.advanced(by: -spike.windowDays)
        var days = Set<Day>()
        for episode in episodes {
            guard let parts = Self.parts(of: episode.fingerprint), parts.brand == brand, parts.kind == kind else { continue }
            let first = episode.start.advanced(by: -(spike.windowDays - 1))
            let last = min(episode.lastFired, episode.resolved ?? episode.lastFired, beforeWindow)
            if first <= last { days.formUnion(first...last) }
        }
        return days
    }

    /// A fingerprint's brand, kind and aspect (nil: the brand as a whole). Split from the end, so
    /// a brand name may itself contain `|`.
    static func parts(of fingerprint: String) -> (brand: String, kind: AlertKind, aspect: String?)? {
        var pieces = fingerprint.split(separator: "|", omittingEmptySubsequences: false)
        guard pieces.count >= 3, let aspect = pieces.popLast(), let kind = pieces.popLast().flatMap({ AlertKind(rawValue: String($0)) }) else {
            return nil
        }
        return (pieces.joined(separator: "|"), kind, aspect == "all" ? nil : String(aspect))
    }
}

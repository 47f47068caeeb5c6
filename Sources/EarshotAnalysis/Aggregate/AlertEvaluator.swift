import EarshotCore
import Foundation

/// Decides which alerts fire on `asOf` and which open episodes are over.
///
/// Per brand it tests the negative share of the *service* and *experience* touchpoints and of
/// all mentions. A touchpoint spike explains a brand-wide one, so the brand-wide alert is sent
/// only when no touchpoint fired (one alert per cause, as Alertmanager's inhibition does).
/// A brand-wide spike is labelled with the touchpoint most of its negative mentions are about
/// (at least 60% of them), so a flood of support complaints reads as a *service* spike.
/// An alert joins the open episode of its fingerprint, so one episode is one delivery; an
/// episode with no firing for ``SpikePolicy/resolveAfterDays`` days is resolved.
public struct AlertEvaluator: Sendable {
    public var spike: SpikePolicy
    public var trust: TrustPolicy

    public init(spike: SpikePolicy, trust: TrustPolicy) {
        self.spike = spike
        self.trust = trust
    }

    /// What the rules decided.
    public struct Decision: Sendable {
        public var firing: [Alert]
        public var resolved: [AlertEpisode]
    }

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
            let excluded = excludedDays(brand: brand, episodes: episodes, before: asOf)
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

    /// The touchpoint a brand-wide spike is about: the one an open episode already names, else
    /// the one at least 60% of the window's negative mentions are negative about; nil when mixed.
    private func dominantTouchpoint(brand: String, finding: SpikeDetector.Finding, mentions: [ScoredMention],
                                    episodes: [AlertEpisode]) -> Touchpoint? {
        let prefix = brand + "|" + AlertKind.negativeSpike.rawValue + "|"
        if let open = episodes.first(where: { $0.isOpen && $0.fingerprint.hasPrefix(prefix) }) {
            return Touchpoint(rawValue: String(open.fingerprint.dropFirst(prefix.count)))
        }
        let negatives = mentions.filter {
            $0.mention.brand == brand && (finding.windowStart...finding.windowEnd).contains($0.mention.day) && $0.sentiment.polarity == .negative
        }
        guard !negatives.isEmpty else { return nil }
        for touchpoint in Touchpoint.allCases {
            let about = negatives.filter { ($0.compound(for: touchpoint) ?? 0) <= -0.05 }.count
            if Double(about) >= 0.6 * Double(negatives.count) { return touchpoint }
        }
        return nil
    }

    private func episodeStart(fingerprint: String, episodes: [AlertEpisode], asOf: Day) -> Day {
        episodes.first { $0.fingerprint == fingerprint && $0.isOpen && $0.start <= asOf }?.start ?? asOf
    }

    private func excludedDays(brand: String, episodes: [AlertEpisode], before asOf: Day) -> Set<Day> {
        var days = Set<Day>()
        for episode in episodes where episode.fingerprint.hasPrefix(brand + "|") && episode.resolved != nil {
            let end = min(episode.resolved!, asOf)
            if episode.start <= end { days.formUnion(episode.start...end) }
        }
        return days
    }

    private func spikeAlert(brand: String, touchpoint: Touchpoint?, finding: SpikeDetector.Finding, mentions: [ScoredMention],
                            episodes: [AlertEpisode], asOf: Day) -> Alert {
        let scope = touchpoint.map { "customer \($0.rawValue)" } ?? "all mentions"
        let fingerprint = [brand, AlertKind.negativeSpike.rawValue, touchpoint?.rawValue ?? "all"].joined(separator: "|")
        let start = episodeStart(fingerprint: fingerprint, episodes: episodes, asOf: asOf)
        let evidence = mentions
            .filter { $0.mention.brand == brand && (finding.windowStart...finding.windowEnd).contains($0.mention.day) }
            .compactMap { scored -> (Double, ScoredMention)? in
                let compound = touchpoint.flatMap { scored.compound(for: $0) } ?? scored.sentiment.compound
                return (compound, scored)
            }
            .filter { $0.0 <= -0.05 }
            .sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1.mention.id < $1.1.mention.id) }
            .prefix(3)
            .map { Alert.Evidence(text: String($0.1.mention.text.prefix(280)), url: $0.1.mention.url, compound: $0.0) }
        let percent = { (x: Double) in String(format: "%.0f%%", x * 100) }
        return Alert(
            brand: brand, kind: .negativeSpike, aspect: touchpoint?.rawValue, day: asOf, episodeStart: start,
            title: "\(brand): negative spike in \(scope) — \(finding.negatives) of \(finding.mentions) negative (\(percent(finding.share)))",
            details: [
                "window: \(finding.windowStart) to \(finding.windowEnd)",
                "negative: \(finding.negatives) of \(finding.mentions) mentions (\(percent(finding.share)))",
                "baseline: \(percent(finding.baselineShare)) negative over \(finding.baselineMentions) mentions in the \(spike.baselineDays) days before",
                String(format: "p-value: %.2e (exact binomial test; alerts below %.0e)", finding.pValue, spike.pValue),
                "aspect: \(touchpoint?.rawValue ?? "all")",
            ],
            evidence: Array(evidence))
    }

    private func trustDrop(brand: String, ratings: [RatedReview], episodes: [AlertEpisode], asOf: Day) -> Alert? {
        let own = ratings.filter { $0.brand == brand }
        let monthAgo = asOf.advanced(by: -30)
        let recent = own.filter { $0.day > monthAgo && $0.day <= asOf }.count
        let model = TrustModel()
        guard recent >= trust.minReviews, let now = model.raw(own, asOf: asOf)?.score,
              let before = model.raw(own.filter { $0.day <= monthAgo }, asOf: monthAgo)?.score else { return nil }
        let crossedBand = (now * 2).rounded() < (before * 2).rounded()
        guard before - now >= trust.drop || crossedBand else { return nil }
        let fingerprint = [brand, AlertKind.trustDrop.rawValue, "all"].joined(separator: "|")
        return Alert(
            brand: brand, kind: .trustDrop, aspect: nil, day: asOf,
            episodeStart: episodeStart(fingerprint: fingerprint, episodes: episodes, asOf: asOf),
            title: String(format: "%@: trust score fell from %.1f to %.1f in 30 days", brand, before, now),
            details: [
                String(format: "trust score %.2f on %@, %.2f on %@", before, monthAgo.description, now, asOf.description),
                "\(recent) rated reviews in the last 30 days",
            ])
    }
}

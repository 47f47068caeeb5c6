import EarshotCore
import Foundation

extension AlertEvaluator {
    /// A negative-spike alert that explains itself: window, counts, baseline, p-value, aspect, evidence.
    func spikeAlert(brand: String, touchpoint: Touchpoint?, finding: SpikeDetector.Finding, mentions: [ScoredMention],
                    episodes: [AlertEpisode], asOf: Day) -> Alert {
        let scope = touchpoint.map { "customer \($0.rawValue)" } ?? "all mentions"
        let fingerprint = [brand, AlertKind.negativeSpike.rawValue, touchpoint?.rawValue ?? "all"].joined(separator: "|")
        let start = episodeStart(fingerprint: fingerprint, episodes: episodes, asOf: asOf)
        let window = mentions.filter { $0.mention.brand == brand && (finding.windowStart...finding.windowEnd).contains($0.mention.day) }
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
            evidence: evidence(window, touchpoint: touchpoint), negatives: finding.negatives)
    }

    /// The three most negative mentions of the window, most negative first (ties by id). For a
    /// touchpoint, those negative about it, ranked by their compound for it; the brand's negative
    /// mentions only when none is.
    func evidence(_ window: [ScoredMention], touchpoint: Touchpoint?, limit: Int = 3) -> [Alert.Evidence] {
        func ranked(_ compound: (ScoredMention) -> Double?) -> [(Double, ScoredMention)] {
            window.compactMap { scored in compound(scored).map { ($0, scored) } }
                .filter { $0.0 <= -0.05 }
                .sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1.mention.id < $1.1.mention.id) }
        }
        var chosen = touchpoint.map { t in ranked { $0.compound(for: t) } } ?? []
        if chosen.isEmpty { chosen = ranked { $0.sentiment.compound } }
        return chosen.prefix(limit).map { Alert.Evidence(text: String($0.1.mention.text.prefix(280)), url: $0.1.mention.url, compound: $0.0) }
    }

    /// The touchpoint a brand-wide spike is about: the one the brand's latest open spike episode
    /// names, else the one at least 60% of the window's negative mentions are negative about; nil when mixed.
    func dominantTouchpoint(brand: String, finding: SpikeDetector.Finding, mentions: [ScoredMention],
                            episodes: [AlertEpisode]) -> Touchpoint? {
        let open = episodes.filter { episode in
            guard episode.isOpen, let parts = Self.parts(of: episode.fingerprint) else { return false }
            return parts.brand == brand && parts.kind == .negativeSpike
        }
        if let latest = open.max(by: { ($0.lastFired, $0.fingerprint) < ($1.lastFired, $1.fingerprint) }) {
            return Self.parts(of: latest.fingerprint)?.aspect.flatMap(Touchpoint.init(rawValue:))
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
}

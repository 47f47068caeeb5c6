import EarshotCore
import Foundation

extension AlertEvaluator {
    /// A volume-drop alert that explains itself: window, count, expected count, baseline rate, p-value.
    func volumeDropAlert(brand: String, finding: SpikeDetector.VolumeFinding, episodes: [AlertEpisode], asOf: Day) -> Alert {
        let fingerprint = [brand, AlertKind.volumeDrop.rawValue, "all"].joined(separator: "|")
        let percent = String(format: "%.0f%%", finding.ratio * 100)
        let window = finding.windowStart == finding.windowEnd ? "\(finding.windowEnd)" : "\(finding.windowStart) to \(finding.windowEnd)"
        return Alert(
            brand: brand, kind: .volumeDrop, aspect: nil, day: asOf,
            episodeStart: episodeStart(fingerprint: fingerprint, episodes: episodes, asOf: asOf),
            title: "\(brand): volume drop — \(finding.mentions) mentions where about \(String(format: "%.0f", finding.expected)) were expected (\(percent))",
            details: [
                "window: \(window) (complete days before the run's day)",
                String(format: "mentions: %d, expected %.1f at the baseline rate", finding.mentions, finding.expected),
                String(format: "baseline: %.2f mentions a day over %d mentions in the %d days before", finding.baselineRate,
                       finding.baselineMentions, spike.baselineDays),
                String(format: "p-value: %.2e (exact Poisson lower tail; alerts below %.0e)", finding.pValue, volumeDrop.pValue),
                "aspect: all",
            ])
    }
}

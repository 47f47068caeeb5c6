import EarshotCore

/// Holds back volume-drop alerts whose likely cause is a failing source (Alertmanager's inhibition).
///
/// A brand's volume can only drop as far as its sources deliver: when a source that carried the
/// brand's mentions in the baseline failed this run, or is in a run of consecutive failures, a
/// volume-drop alert for that brand says more about the source than about the brand. Such an
/// alert is inhibited: not sent, but kept with ``EarshotCore/Alert/inhibition`` set to the reason,
/// so the report lists it.
public struct AlertInhibitor: Sendable {
    /// Per brand, the sources that carried its mentions in the baseline (``Mention/source``).
    public var carriers: [String: Set<String>]
    /// Failing sources and why: failed this run, or failing for several runs in a row.
    public var failing: [String: String]

    public init(carriers: [String: Set<String>], failing: [String: String]) {
        self.carriers = carriers
        self.failing = failing
    }

    /// Builds the inhibitor from stored mentions, this run's outcomes and the store's source health.
    /// - Parameters:
    ///   - mentions: the mentions of the baseline days (any mentions; each names its source).
    ///   - outcomes: this run's per-source outcomes.
    ///   - health: the store's record of every source.
    public init(mentions: [ScoredMention], outcomes: [RunSummary.SourceOutcome], health: [SourceHealth]) {
        var carriers: [String: Set<String>] = [:]
        for scored in mentions { carriers[scored.mention.brand, default: []].insert(scored.mention.source) }
        var failing: [String: String] = [:]
        for source in health where source.consecutiveFailures > 0 {
            failing[source.source] = "source '\(source.source)' has failed \(source.consecutiveFailures) run(s) in a row"
                + (source.lastError.map { ": \($0)" } ?? "")
        }
        for outcome in outcomes where outcome.status == .failed {
            failing[outcome.id] = "source '\(outcome.id)' failed this run" + (outcome.message.map { ": \($0)" } ?? "")
        }
        self.init(carriers: carriers, failing: failing)
    }

    /// `alerts` with every volume-drop alert of a brand with a failing carrier marked inhibited.
    /// Other kinds pass unchanged.
    public func apply(_ alerts: [Alert]) -> [Alert] {
        alerts.map { alert in
            guard alert.kind == .volumeDrop else { return alert }
            let reasons = (carriers[alert.brand] ?? []).sorted().compactMap { failing[$0] }
            guard !reasons.isEmpty else { return alert }
            var held = alert
            held.inhibition = "inhibited: " + reasons.joined(separator: "; ")
            return held
        }
    }
}

import EarshotAnalysis
import EarshotCore
import EarshotStore

/// Replays the alert rules over stored history, day by day, without changing the store.
///
/// Each day from `from` to `to` is evaluated as `earshot run --as-of DAY` would evaluate it:
/// the same ``DailyAggregator`` series, the same ``AlertEvaluator``, the silences that held on
/// that day. Alert episodes are carried forward in an ``InMemoryMentionStore``, which keeps them
/// exactly as the real store does (open on first firing, one episode while open, resolved after
/// ``SpikePolicy/resolveAfterDays`` quiet days), so an alert is listed on the day it would have
/// been sent. The replay starts with no episode open: it shows what the rules as configured now
/// would have done, not what earlier runs did.
struct Backtest {
    var configuration: EarshotConfiguration
    var silences: SilenceList

    /// What the replay found.
    struct Result: Sendable {
        var from: Day
        var to: Day
        /// The alerts that would have been sent, in day order (the rules' order within a day).
        var alerts: [Alert]
        /// Episodes that would have been declared over, in day order.
        var resolved: [AlertEpisode]
        /// Firing alerts that a silence muted, counted once per day.
        var silenced: Int

        /// The number of alerts per brand and kind, sorted by brand, then kind.
        var counts: [(brand: String, kind: AlertKind, alerts: Int)] {
            let grouped = Dictionary(grouping: alerts) { "\($0.brand)\u{0}\($0.kind.rawValue)" }
            return grouped.values.compactMap { group in group.first.map { ($0.brand, $0.kind, group.count) } }
                .sorted { ($0.brand, $0.kind.rawValue) < ($1.brand, $1.kind.rawValue) }
        }
    }

    /// Replays `from` through `to` against the history in `store`, which is only read.
    /// - Throws: the store's errors.
    func replay(_ store: any MentionStore, from: Day, to: Day) async throws -> Result {
        let spike = configuration.alerts.spike
        let lookback = spike.baselineDays + spike.windowDays
        let mentionsByDay = Dictionary(grouping: try await store.mentions(in: from.advanced(by: -lookback)...to)) { $0.mention.day }
        let ratings = try await store.ratedReviews(through: to)
        let firstDays = try await store.firstMentionDays()
        let brands = configuration.brands.map(\.name)
        let evaluator = AlertEvaluator(spike: spike, trust: configuration.alerts.trust)
        let episodes = InMemoryMentionStore()

        var result = Result(from: from, to: to, alerts: [], resolved: [], silenced: 0)
        for day in from...to {
            let history = day.advanced(by: -lookback)...day
            let stored = history.flatMap { mentionsByDay[$0] ?? [] }
            let series = DailyAggregator().series(stored, brands: brands, days: history)
            let windowStart = day.advanced(by: -(spike.windowDays - 1))
            let decision = evaluator.evaluate(series: series, mentions: stored.filter { $0.mention.day >= windowStart },
                                              ratings: ratings.filter { $0.day <= day }, firstDays: firstDays,
                                              episodes: await episodes.episodes(), asOf: day)
            let firing = silences.unmuted(decision.firing, asOf: day)
            result.silenced += decision.firing.count - firing.count
            result.alerts += try await episodes.recordAlerts(firing: firing, resolved: decision.resolved, channels: [], at: day.start)
            result.resolved += decision.resolved
        }
        return result
    }
}

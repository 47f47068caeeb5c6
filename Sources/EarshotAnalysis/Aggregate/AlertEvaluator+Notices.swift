import EarshotCore
import Foundation

extension AlertEvaluator {
    /// The notifications this run owes: Alertmanager's lifecycle in a batch run.
    ///
    /// - An alert whose episode was never notified is notified (sequence 1).
    /// - An alert of an episode already notified is notified again (sequence + 1) only when
    ///   ``RepeatPolicy/interval`` has passed since the last notification, or earlier when it
    ///   grows (``RepeatPolicy/grows(from:to:)`` on its negative count); a line at the top of its
    ///   details says which.
    /// - A resolved episode that had at least one firing notification gets one resolved
    ///   notification (``AlertStatus/resolved``); one never notified (silenced, inhibited) ends quietly.
    ///
    /// Each notification carries its own ``Alert/notificationID``, which the store queues once.
    /// - Parameters:
    ///   - firing: the alerts that may be sent this run (silenced and inhibited ones already removed).
    ///   - resolved: the episodes ending this run.
    ///   - episodes: the store's episodes, with their notification state.
    ///   - policy: the repeat interval and growth rule.
    ///   - now: the run's instant, compared with ``AlertEpisode/lastNotifiedAt``.
    public func notices(firing: [Alert], resolved: [AlertEpisode], episodes: [AlertEpisode], policy: RepeatPolicy,
                        at now: Date) -> [Alert] {
        var byID: [String: AlertEpisode] = [:]
        for episode in episodes { byID[episode.id] = episode }
        var result: [Alert] = []
        for alert in firing {
            guard let episode = byID[alert.episodeID], episode.notices > 0 else {
                var first = alert
                first.sequence = 1
                result.append(first)
                continue
            }
            var next = alert
            next.sequence = episode.notices + 1
            let last = episode.lastNotifiedAt.map { RFC3339.text($0) } ?? "never"
            if let notified = episode.lastNotifiedAt, now.timeIntervalSince(notified) < policy.interval {
                guard let negatives = alert.negatives, let before = episode.lastNotifiedNegatives,
                      policy.grows(from: before, to: negatives) else { continue }
                next.details.insert("grown: \(negatives) negative mentions, up from \(before) when last notified (\(last)); notice \(next.sequence)", at: 0)
            } else {
                let hours = policy.intervalHours == policy.intervalHours.rounded() ? String(Int(policy.intervalHours)) : String(policy.intervalHours)
                next.details.insert("still firing since \(episode.start); repeated after \(hours) h (last notified \(last)); notice \(next.sequence)", at: 0)
            }
            result.append(next)
        }
        for episode in resolved {
            guard let stored = byID[episode.id], stored.notices > 0, let parts = Self.parts(of: episode.fingerprint) else { continue }
            let day = episode.resolved ?? stored.resolved ?? stored.lastFired
            let what = Self.describe(kind: parts.kind, aspect: parts.aspect)
            let clean = stored.lastFired.distance(to: day)
            result.append(Alert(
                brand: parts.brand, kind: parts.kind, aspect: parts.aspect, day: day, episodeStart: stored.start,
                title: "\(parts.brand): RESOLVED — \(what) (firing \(stored.start) to \(stored.lastFired))",
                details: [
                    "status: resolved on \(day): the rule has not fired for \(clean) days (resolves after \(spike.resolveAfterDays))",
                    "episode: \(stored.start) to \(stored.lastFired), \(stored.notices) firing notice(s) sent",
                    "aspect: \(parts.aspect ?? "all")",
                ],
                status: .resolved, sequence: stored.notices))
        }
        return result
    }

    /// `negative spike in customer service`, `trust score drop`, `volume drop`.
    static func describe(kind: AlertKind, aspect: String?) -> String {
        let name: String
        switch kind {
        case .negativeSpike: name = "negative spike"
        case .trustDrop: name = "trust score drop"
        case .volumeDrop: name = "volume drop"
        }
        guard let aspect else { return name }
        return Touchpoint(rawValue: aspect) != nil ? "\(name) in customer \(aspect)" : "\(name) in \(aspect)"
    }
}

/// RFC 3339 timestamps in UTC, to the minute, for messages.
enum RFC3339 {
    static func text(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
        let inDay = seconds - day.ordinal * 86_400
        return String(format: "%@T%02d:%02dZ", day.description, inDay / 3600, (inDay % 3600) / 60)
    }
}

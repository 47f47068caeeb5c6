import EarshotCore
import Foundation

/// Alerts: episodes, the "sent once" queue and the outbox, as ``SQLiteMentionStore`` keeps them.
extension InMemoryMentionStore {
    /// The episodes of every fingerprint, newest start first, then by fingerprint.
    public func episodes() -> [AlertEpisode] {
        storedEpisodes.values.sorted { ($1.start, $0.fingerprint) < ($0.start, $1.fingerprint) }
    }

    /// Saves what the alert rules decided this run; see
    /// ``SQLiteMentionStore/recordAlerts(firing:resolved:notices:channels:at:)``.
    /// - Returns: the notices that were new, in input order.
    /// - Throws: ``EarshotError`` when an episode would end before it starts; nothing is saved then.
    public func recordAlerts(firing: [Alert], resolved: [AlertEpisode], notices: [Alert], channels: [String],
                             at date: Date) throws -> [Alert] {
        var episodes = storedEpisodes
        for alert in firing {
            let key = EpisodeKey(fingerprint: alert.fingerprint, start: alert.episodeStart)
            if var episode = episodes[key] {
                episode.lastFired = max(episode.lastFired, alert.day)
                episodes[key] = episode
            } else {
                episodes[key] = AlertEpisode(fingerprint: alert.fingerprint, start: alert.episodeStart, lastFired: alert.day)
            }
        }
        for ended in resolved {
            let key = EpisodeKey(fingerprint: ended.fingerprint, start: ended.start)
            var episode = episodes[key] ?? ended
            episode.resolved = ended.resolved ?? Day(date)
            episodes[key] = episode
        }
        for episode in episodes.values where episode.lastFired < episode.start || (episode.resolved.map { $0 < episode.start } ?? false) {
            throw EarshotError(.store, "could not save the alerts: episode '\(episode.fingerprint)' of \(episode.start) would end before it starts; this is a bug in the alert rules")
        }
        var new: [Alert] = []
        for alert in notices where queuedAlerts[alert.notificationID] == nil {
            queuedAlerts[alert.notificationID] = alert
            new.append(alert)
            let key = EpisodeKey(fingerprint: alert.fingerprint, start: alert.episodeStart)
            if alert.status == .firing, var episode = episodes[key] {
                episode.notices = max(episode.notices, alert.sequence)
                episode.lastNotifiedAt = date
                episode.lastNotifiedNegatives = alert.negatives
                episodes[key] = episode
            }
            for channel in channels {
                let key = OutboxKey(episodeID: alert.notificationID, channel: channel)
                if outbox[key] == nil {
                    outbox[key] = OutboxRow(entry: OutboxEntry(episodeID: alert.notificationID, channel: channel, alert: alert, createdAt: date))
                }
            }
        }
        storedEpisodes = episodes
        return new
    }

    /// Outbox entries not yet delivered whose next attempt is due at `date`, oldest first.
    public func pendingDeliveries(at date: Date) -> [OutboxEntry] {
        outbox.values
            .filter { $0.entry.deliveredAt == nil && ($0.nextAttemptAt.map { $0 <= date } ?? true) }
            .map(\.entry)
            .sorted { ($0.createdAt, $0.episodeID, $0.channel) < ($1.createdAt, $1.episodeID, $1.channel) }
    }

    /// Marks an outbox entry delivered: counts the attempt, clears the error and the retry time.
    /// Marking an entry delivered again keeps its first delivery date.
    /// - Throws: ``EarshotError`` when the entry is not in the store.
    public func markDelivered(_ entry: OutboxEntry, at date: Date) throws {
        try updateOutbox(entry, "could not mark the alert '\(entry.episodeID)' delivered on \(entry.channel)") { row in
            guard row.entry.deliveredAt == nil else { return }
            row.entry.attempts += 1
            row.entry.deliveredAt = date
            row.entry.lastError = nil
            row.nextAttemptAt = nil
        }
    }

    /// Records a failed delivery: counts the attempt, keeps the error, retries after `retryAt`.
    /// - Throws: ``EarshotError`` when the entry is not in the store.
    public func markFailed(_ entry: OutboxEntry, error: String, retryAt: Date) throws {
        try updateOutbox(entry, "could not record the failed delivery of '\(entry.episodeID)' on \(entry.channel)") { row in
            row.entry.attempts += 1
            row.entry.lastError = error
            row.nextAttemptAt = retryAt
        }
    }

    private func updateOutbox(_ entry: OutboxEntry, _ action: String, _ change: (inout OutboxRow) -> Void) throws {
        let key = OutboxKey(episodeID: entry.episodeID, channel: entry.channel)
        guard var row = outbox[key] else {
            throw EarshotError(.store, "\(action): the outbox has no such entry; deliver only entries from pendingDeliveries(at:)")
        }
        change(&row)
        outbox[key] = row
    }
}

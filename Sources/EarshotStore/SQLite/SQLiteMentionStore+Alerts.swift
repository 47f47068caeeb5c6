import EarshotCore
import Foundation
import GRDB

/// Alerts: episodes, the "sent once" queue and the outbox.
extension SQLiteMentionStore {
    /// The episodes of every fingerprint, newest start first, then by fingerprint.
    /// - Throws: ``EarshotError`` when the database fails.
    public func episodes() async throws -> [AlertEpisode] {
        try await read("could not read the alert episodes") { db in
            try AlertEpisodeRecord
                .order(AlertEpisodeRecord.Columns.start.desc, AlertEpisodeRecord.Columns.fingerprint)
                .fetchAll(db)
                .map(\.episode)
        }
    }

    /// Saves what the alert rules decided this run, in one transaction.
    ///
    /// Each firing alert opens its episode (fingerprint, ``Alert/episodeStart``) or moves its
    /// last firing day forward; each resolved episode gets its resolution day (the store's
    /// episode is created if it was missing). Each notice whose ``Alert/notificationID`` was
    /// never queued is stored and gets one outbox entry per channel, and a firing notice
    /// records its sequence, `date` and negative count on its episode (what the next run's
    /// repeat and growth decisions compare with); a notification queued before is not queued
    /// again, however often the run is repeated.
    /// - Parameters:
    ///   - firing: the alerts raised this run (inhibited ones included: they keep their episode open).
    ///   - resolved: the episodes that ended; a nil ``AlertEpisode/resolved`` means the day of `date`.
    ///   - notices: the notifications to queue (see `AlertEvaluator.notices`).
    ///   - channels: the delivery channels, such as `["email", "webhook"]`.
    ///   - date: now, recorded as the queueing time.
    /// - Returns: the notices that were new, in input order.
    /// - Throws: ``EarshotError`` when the database fails or an episode breaks the schema's rules.
    public func recordAlerts(firing: [Alert], resolved: [AlertEpisode], notices: [Alert], channels: [String],
                             at date: Date) async throws -> [Alert] {
        try await write("could not save the alerts") { db in
            for alert in firing {
                if var episode = try AlertEpisodeRecord.find(db, fingerprint: alert.fingerprint, start: alert.episodeStart) {
                    episode.lastFired = max(episode.lastFired, alert.day.ordinal)
                    try episode.update(db)
                } else {
                    try AlertEpisodeRecord(AlertEpisode(fingerprint: alert.fingerprint, start: alert.episodeStart,
                                                        lastFired: alert.day)).insert(db)
                }
            }
            for ended in resolved {
                let day = (ended.resolved ?? Day(date)).ordinal
                if var episode = try AlertEpisodeRecord.find(db, fingerprint: ended.fingerprint, start: ended.start) {
                    episode.resolved = day
                    try episode.update(db)
                } else {
                    var episode = AlertEpisodeRecord(ended)
                    episode.resolved = day
                    try episode.insert(db)
                }
            }
            var new: [Alert] = []
            for alert in notices {
                let queued = QueuedAlertRecord(episodeID: alert.notificationID, payload: alert, firstQueuedAt: date)
                guard try queued.insertIfAbsent(db) else { continue }
                new.append(alert)
                if alert.status == .firing, var episode = try AlertEpisodeRecord.find(db, fingerprint: alert.fingerprint, start: alert.episodeStart) {
                    episode.notices = max(episode.notices, alert.sequence)
                    episode.lastNotifiedAt = date
                    episode.lastNotifiedNegatives = alert.negatives
                    try episode.update(db)
                }
                for channel in channels {
                    _ = try OutboxRecord(alert: alert, channel: channel, createdAt: date).insertIfAbsent(db)
                }
            }
            return new
        }
    }

    /// Outbox entries not yet delivered whose next attempt is due at `date`, oldest first.
    /// - Throws: ``EarshotError`` when the database fails.
    public func pendingDeliveries(at date: Date) async throws -> [OutboxEntry] {
        try await read("could not read the outbox") { db in
            try OutboxRecord
                .filter(OutboxRecord.Columns.deliveredAt == nil)
                .filter(OutboxRecord.Columns.nextAttemptAt == nil || OutboxRecord.Columns.nextAttemptAt <= date.timeIntervalSince1970)
                .order(OutboxRecord.Columns.createdAt, OutboxRecord.Columns.episodeID, OutboxRecord.Columns.channel)
                .fetchAll(db)
                .map(\.entry)
        }
    }

    /// Marks an outbox entry delivered: counts the attempt, clears the error and the retry time.
    /// Marking an entry delivered again keeps its first delivery date.
    /// - Throws: ``EarshotError`` when the entry is not in the store or the database fails.
    public func markDelivered(_ entry: OutboxEntry, at date: Date) async throws {
        try await updateOutbox(entry, "could not mark the alert '\(entry.episodeID)' delivered on \(entry.channel)") { record in
            guard record.deliveredAt == nil else { return }
            record.attempts += 1
            record.deliveredAt = date
            record.lastError = nil
            record.nextAttemptAt = nil
        }
    }

    /// Records a failed delivery: counts the attempt, keeps the error, retries after `retryAt`.
    /// - Throws: ``EarshotError`` when the entry is not in the store or the database fails.
    public func markFailed(_ entry: OutboxEntry, error: String, retryAt: Date) async throws {
        try await updateOutbox(entry, "could not record the failed delivery of '\(entry.episodeID)' on \(entry.channel)") { record in
            record.attempts += 1
            record.lastError = error
            record.nextAttemptAt = retryAt
        }
    }

    private func updateOutbox(_ entry: OutboxEntry, _ action: String,
                              _ change: @Sendable @escaping (inout OutboxRecord) -> Void) async throws {
        try await write(action) { db in
            guard var record = try OutboxRecord.find(db, entry) else {
                throw EarshotError(.store, "\(action): the outbox has no such entry; deliver only entries from pendingDeliveries(at:)")
            }
            change(&record)
            try record.update(db)
        }
    }
}

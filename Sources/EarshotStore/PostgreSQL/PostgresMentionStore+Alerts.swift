#if PostgreSQL
import EarshotCore
import Foundation
import PostgresNIO

/// Alerts: episodes, the "sent once" queue and the outbox, safe for several workers at once.
extension PostgresMentionStore {
    /// The episodes of every fingerprint, newest start first, then by fingerprint.
    /// - Throws: ``EarshotError`` when the database fails.
    public func episodes() async throws -> [AlertEpisode] {
        let logger = self.logger
        return try await read("could not read the alert episodes") { connection in
            let rows = try await connection.query("""
                SELECT fingerprint, start, last_fired, resolved, notices, last_notified_at, last_notified_negatives
                FROM alert_episode ORDER BY start DESC, fingerprint
                """, logger: logger)
            var episodes: [AlertEpisode] = []
            for try await (fingerprint, start, lastFired, resolved, notices, lastNotifiedAt, negatives)
                in rows.decode((String, Int, Int, Int?, Int, Double?, Int?).self) {
                episodes.append(AlertEpisode(fingerprint: fingerprint, start: Day(ordinal: start), lastFired: Day(ordinal: lastFired),
                                             resolved: resolved.map(Day.init(ordinal:)), notices: notices,
                                             lastNotifiedAt: lastNotifiedAt.map(Date.init(timeIntervalSince1970:)),
                                             lastNotifiedNegatives: negatives))
            }
            return episodes
        }
    }

    /// Saves what the alert rules decided this run, in one transaction, as
    /// ``SQLiteMentionStore/recordAlerts(firing:resolved:notices:channels:at:)`` does.
    ///
    /// Each notice is inserted into the `alert` table with `ON CONFLICT DO NOTHING`: when two
    /// workers queue the same notification at once, the second waits for the first to commit
    /// and then inserts nothing, so exactly one of them returns it as new and queues its
    /// outbox entries.
    /// - Returns: the notices that were new, in input order.
    /// - Throws: ``EarshotError`` when the database fails or an episode breaks the schema's rules.
    public func recordAlerts(firing: [Alert], resolved: [AlertEpisode], notices: [Alert], channels: [String],
                             at date: Date) async throws -> [Alert] {
        let logger = self.logger
        let seconds = date.timeIntervalSince1970
        // Rows are locked in key order, so workers recording the same alerts never deadlock.
        let firing = firing.sorted { ($0.fingerprint, $0.episodeStart.ordinal) < ($1.fingerprint, $1.episodeStart.ordinal) }
        let resolved = resolved.sorted { ($0.fingerprint, $0.start.ordinal) < ($1.fingerprint, $1.start.ordinal) }
        let queue = try notices.map { ($0, try PostgresJSON.encode($0)) }.sorted { $0.0.notificationID < $1.0.notificationID }
        let today = Day(date).ordinal
        let queued = try await write("could not save the alerts") { connection -> Set<String> in
            for alert in firing {
                try await connection.query("""
                    INSERT INTO alert_episode AS e (fingerprint, start, last_fired)
                    VALUES (\(alert.fingerprint), \(alert.episodeStart.ordinal), \(alert.day.ordinal))
                    ON CONFLICT (fingerprint, start) DO UPDATE SET last_fired = GREATEST(e.last_fired, excluded.last_fired)
                    """, logger: logger)
            }
            for ended in resolved {
                let day = ended.resolved?.ordinal ?? today
                let notifiedAt = ended.lastNotifiedAt?.timeIntervalSince1970
                try await connection.query("""
                    INSERT INTO alert_episode (fingerprint, start, last_fired, resolved, notices, last_notified_at, last_notified_negatives)
                    VALUES (\(ended.fingerprint), \(ended.start.ordinal), \(ended.lastFired.ordinal), \(day), \(ended.notices),
                            \(notifiedAt), \(ended.lastNotifiedNegatives))
                    ON CONFLICT (fingerprint, start) DO UPDATE SET resolved = excluded.resolved
                    """, logger: logger)
            }
            var new: Set<String> = []
            for (alert, payload) in queue {
                let key = alert.notificationID
                let rows = try await connection.query("""
                    INSERT INTO alert (episode_id, payload, first_queued_at) VALUES (\(key), \(payload), \(seconds))
                    ON CONFLICT (episode_id) DO NOTHING
                    RETURNING episode_id
                    """, logger: logger)
                var inserted = false
                for try await _ in rows.decode(String.self) { inserted = true }
                guard inserted else { continue }
                new.insert(key)
                if alert.status == .firing {
                    try await connection.query("""
                        UPDATE alert_episode SET notices = GREATEST(notices, \(alert.sequence)), last_notified_at = \(seconds),
                            last_notified_negatives = \(alert.negatives)
                        WHERE fingerprint = \(alert.fingerprint) AND start = \(alert.episodeStart.ordinal)
                        """, logger: logger)
                }
                for channel in channels {
                    try await connection.query("""
                        INSERT INTO outbox (episode_id, channel, payload, created_at) VALUES (\(key), \(channel), \(payload), \(seconds))
                        ON CONFLICT (episode_id, channel) DO NOTHING
                        """, logger: logger)
                }
            }
            return new
        }
        var seen: Set<String> = []
        return notices.filter { queued.contains($0.notificationID) && seen.insert($0.notificationID).inserted }
    }

    /// Outbox entries not yet delivered whose next attempt is due at `date`, oldest first,
    /// claimed for this store.
    ///
    /// An entry another store claimed less than its ``claimLease`` ago, or is claiming right
    /// now (its row is locked: `FOR UPDATE SKIP LOCKED`), is left out, so two workers that
    /// deliver at the same time get disjoint entries. This store gets its own claims again (a
    /// retry within one run); ``markDelivered(_:at:)`` and ``markFailed(_:error:retryAt:)``
    /// release them.
    /// - Throws: ``EarshotError`` when the database fails.
    public func pendingDeliveries(at date: Date) async throws -> [OutboxEntry] {
        let logger = self.logger
        let (seconds, claimant, lease) = (date.timeIntervalSince1970, self.claimant, self.claimLease)
        return try await write("could not read the outbox") { connection in
            let rows = try await connection.query("""
                WITH due AS (
                    SELECT episode_id, channel FROM outbox
                    WHERE delivered_at IS NULL
                      AND (next_attempt_at IS NULL OR next_attempt_at <= \(seconds))
                      AND (claimed_by IS NULL OR claimed_by = \(claimant)
                           OR claimed_until <= extract(epoch FROM clock_timestamp())::double precision)
                    ORDER BY created_at, episode_id, channel
                    FOR UPDATE SKIP LOCKED
                ), claimed AS (
                    UPDATE outbox o
                    SET claimed_by = \(claimant), claimed_until = extract(epoch FROM clock_timestamp())::double precision + \(lease)
                    FROM due WHERE o.episode_id = due.episode_id AND o.channel = due.channel
                    RETURNING o.episode_id, o.channel, o.payload, o.attempts, o.created_at, o.delivered_at, o.last_error
                )
                SELECT * FROM claimed ORDER BY created_at, episode_id, channel
                """, logger: logger)
            var entries: [OutboxEntry] = []
            for try await (episodeID, channel, payload, attempts, createdAt, deliveredAt, lastError)
                in rows.decode((String, String, String, Int, Double, Double?, String?).self) {
                entries.append(OutboxEntry(episodeID: episodeID, channel: channel, alert: try PostgresJSON.decode(Alert.self, payload),
                                           attempts: attempts, createdAt: Date(timeIntervalSince1970: createdAt),
                                           deliveredAt: deliveredAt.map(Date.init(timeIntervalSince1970:)), lastError: lastError))
            }
            return entries
        }
    }

    /// Marks an outbox entry delivered: counts the attempt, clears the error, the retry time and
    /// the claim. Marking an entry delivered again keeps its first delivery date.
    /// - Throws: ``EarshotError`` when the entry is not in the store or the database fails.
    public func markDelivered(_ entry: OutboxEntry, at date: Date) async throws {
        let logger = self.logger
        let action = "could not mark the alert '\(entry.episodeID)' delivered on \(entry.channel)"
        let (key, channel, seconds) = (entry.episodeID, entry.channel, date.timeIntervalSince1970)
        try await write(action) { connection in
            let rows = try await connection.query("""
                SELECT delivered_at FROM outbox WHERE episode_id = \(key) AND channel = \(channel) FOR UPDATE
                """, logger: logger)
            var found = false, delivered = false
            for try await deliveredAt in rows.decode(Double?.self) {
                found = true
                delivered = deliveredAt != nil
            }
            guard found else { throw Self.noSuchEntry(action) }
            guard !delivered else { return }
            try await connection.query("""
                UPDATE outbox SET attempts = attempts + 1, delivered_at = \(seconds), last_error = NULL, next_attempt_at = NULL,
                    claimed_by = NULL, claimed_until = NULL
                WHERE episode_id = \(key) AND channel = \(channel)
                """, logger: logger)
        }
    }

    /// Records a failed delivery: counts the attempt, keeps the error, retries after `retryAt`
    /// (by whichever worker asks then: the claim is released).
    /// - Throws: ``EarshotError`` when the entry is not in the store or the database fails.
    public func markFailed(_ entry: OutboxEntry, error: String, retryAt: Date) async throws {
        let logger = self.logger
        let action = "could not record the failed delivery of '\(entry.episodeID)' on \(entry.channel)"
        let (key, channel, retry) = (entry.episodeID, entry.channel, retryAt.timeIntervalSince1970)
        try await write(action) { connection in
            let rows = try await connection.query("""
                UPDATE outbox SET attempts = attempts + 1, last_error = \(error), next_attempt_at = \(retry),
                    claimed_by = NULL, claimed_until = NULL
                WHERE episode_id = \(key) AND channel = \(channel)
                RETURNING episode_id
                """, logger: logger)
            var found = false
            for try await _ in rows.decode(String.self) { found = true }
            guard found else { throw Self.noSuchEntry(action) }
        }
    }

    private static func noSuchEntry(_ action: String) -> EarshotError {
        EarshotError(.store, "\(action): the outbox has no such entry; deliver only entries from pendingDeliveries(at:)")
    }
}
#endif

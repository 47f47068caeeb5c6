import EarshotCore
@testable import EarshotStore
import Foundation
import GRDB
import Testing

/// Notifications in the store: each (first, repeat, resolved) queued once by its own key, the
/// episode's notification state, and the upgrade of stores written before notices existed.
struct AlertNoticeStoreTests {
    static func notice(_ alert: Alert, sequence: Int, negatives: Int?, status: AlertStatus = .firing) -> Alert {
        var notice = alert
        notice.sequence = sequence
        notice.negatives = negatives
        notice.status = status
        return notice
    }

    @Test(arguments: StoreKind.allCases)
    func eachNotificationIsQueuedOnceUnderItsOwnKey(kind: StoreKind) async throws {
        let store = try kind.make()
        let alert = Sample.alert(aspect: "service")
        let first = Self.notice(alert, sequence: 1, negatives: 4)
        let t0 = Sample.date()
        #expect(try await store.recordAlerts(firing: [alert], resolved: [], notices: [first], channels: ["email", "webhook"], at: t0) == [first])
        var episode = try #require(try await store.episodes().first)
        #expect(episode.notices == 1 && episode.lastNotifiedAt == t0 && episode.lastNotifiedNegatives == 4)

        // The same run again (a re-run, or the run after a crash): nothing new is queued.
        #expect(try await store.recordAlerts(firing: [alert], resolved: [], notices: [first], channels: ["email", "webhook"], at: t0).isEmpty)

        // A day later the episode is repeated: its own key, its own outbox entries.
        let t1 = t0.addingTimeInterval(86_400)
        var nextDay = Sample.alert(aspect: "service", on: Sample.day.advanced(by: 1), start: Sample.day)
        nextDay.negatives = 7
        let second = Self.notice(nextDay, sequence: 2, negatives: 7)
        #expect(try await store.recordAlerts(firing: [nextDay], resolved: [], notices: [second], channels: ["email", "webhook"], at: t1).count == 1)
        episode = try #require(try await store.episodes().first)
        #expect(episode.notices == 2 && episode.lastNotifiedAt == t1 && episode.lastNotifiedNegatives == 7)
        #expect(episode.lastFired == Sample.day.advanced(by: 1))

        // The episode ends: one resolved notice; it leaves the firing state alone.
        var ended = episode
        ended.resolved = Sample.day.advanced(by: 3)
        let resolved = Self.notice(Sample.alert(aspect: "service", on: Sample.day.advanced(by: 3), start: Sample.day), sequence: 2,
                                   negatives: nil, status: .resolved)
        let t3 = t0.addingTimeInterval(3 * 86_400)
        #expect(try await store.recordAlerts(firing: [], resolved: [ended], notices: [resolved], channels: ["email", "webhook"], at: t3).count == 1)
        #expect(try await store.recordAlerts(firing: [], resolved: [ended], notices: [resolved], channels: ["email", "webhook"], at: t3).isEmpty)
        episode = try #require(try await store.episodes().first)
        #expect(episode.resolved == Sample.day.advanced(by: 3) && episode.notices == 2 && episode.lastNotifiedAt == t1)

        let keys = try await store.pendingDeliveries(at: t3).map { "\($0.episodeID) \($0.channel)" }
        let id = "Acme|negative-spike|service|2024-05-01"
        #expect(keys == ["\(id) email", "\(id) webhook", "\(id)|notice-2 email", "\(id)|notice-2 webhook",
                         "\(id)|resolved email", "\(id)|resolved webhook"])
        #expect(try await store.pendingDeliveries(at: t3).last?.alert.status == .resolved)
    }

    @Test(arguments: StoreKind.allCases)
    func anEntryDeliveredButNotMarkedStaysOneEntryWithItsKey(kind: StoreKind) async throws {
        // A crash between send and mark: the entry is still pending under the same key, and
        // re-running the rules does not add a second one, so the retry is the same notification
        // (same key, same Message-ID), never a new one; once marked it is never pending again.
        let store = try kind.make()
        let alert = Self.notice(Sample.alert(), sequence: 1, negatives: 3)
        _ = try await store.recordAlerts(firing: [alert], resolved: [], notices: [alert], channels: ["email"], at: Sample.date())
        let sent = try #require(try await store.pendingDeliveries(at: Sample.date()).first)
        _ = try await store.recordAlerts(firing: [alert], resolved: [], notices: [alert], channels: ["email"], at: Sample.date(seconds: 13 * 3600))
        let pending = try await store.pendingDeliveries(at: Sample.date(seconds: 13 * 3600))
        #expect(pending.map(\.episodeID) == [sent.episodeID])
        try await store.markDelivered(try #require(pending.first), at: Sample.date(seconds: 13 * 3600))
        #expect(try await store.pendingDeliveries(at: Sample.date(seconds: 14 * 3600)).isEmpty)
    }

    @Test func aStoreOfTheSecondSchemaCountsItsQueuedEpisodesAsNotifiedOnce() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("earshot.sqlite")
            let queue = try DatabaseQueue(path: path.path)
            try StoreMigrator().migrator.migrate(queue, upTo: "v2-source-schedule")
            let start = Day(year: 2026, month: 11, day: 18)
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO alert_episode (fingerprint, start, lastFired) VALUES ('Pinvale|negative-spike|service', ?, ?)",
                               arguments: [start.ordinal, start.ordinal + 2])
                try db.execute(sql: "INSERT INTO alert_episode (fingerprint, start, lastFired) VALUES ('Lumio|trust-drop|all', ?, ?)",
                               arguments: [start.ordinal, start.ordinal])
                try db.execute(sql: "INSERT INTO alert (episodeID, payload, firstQueuedAt) VALUES ('Pinvale|negative-spike|service|2026-11-18', '{}', 1795000000.5)")
            }
            try queue.close()

            let store = try SQLiteMentionStore(path: path)
            #expect(try store.appliedMigrations().last == "v3-alert-notices")
            let episodes = try await store.episodes()
            let pinvale = try #require(episodes.first { $0.fingerprint.hasPrefix("Pinvale") })
            #expect(pinvale.notices == 1 && pinvale.lastNotifiedAt == Date(timeIntervalSince1970: 1_795_000_000.5))
            let lumio = try #require(episodes.first { $0.fingerprint.hasPrefix("Lumio") })
            #expect(lumio.notices == 0 && lumio.lastNotifiedAt == nil, "never queued: still owed its first notice")
        }
    }
}

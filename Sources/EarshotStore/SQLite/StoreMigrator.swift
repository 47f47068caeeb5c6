import EarshotCore
import Foundation
import GRDB

/// Owns the schema of the SQLite store: the one place that knows its migrations.
///
/// Migrations are never edited once released; a schema change is a new migration appended
/// to ``migrator``. Before migrating, ``prepare(_:path:)`` checks that the file is an earshot
/// store (its `application_id`) or an empty database, so earshot never adds its tables to
/// another program's database, and that the store was not written by a newer earshot.
struct StoreMigrator: Sendable {
    /// `PRAGMA application_id` of an earshot store: "EARS" in ASCII.
    static let applicationID: Int32 = 0x4541_5253

    /// Every migration, in order.
    let migrator: DatabaseMigrator

    init() {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: Self.v1)
        migrator.registerMigration("v2-source-schedule", migrate: Self.v2SourceSchedule)
        migrator.registerMigration("v3-alert-notices", migrate: Self.v3AlertNotices)
        self.migrator = migrator
    }

    /// Checks that the database is an earshot store (or empty), then applies the migrations it lacks.
    /// - Parameters:
    ///   - writer: the database connection.
    ///   - path: the database file as shown in errors.
    /// - Throws: ``EarshotError`` when the database belongs to another program or to a newer
    ///   earshot; GRDB's `DatabaseError` when SQLite fails.
    func prepare(_ writer: any DatabaseWriter, path: String) throws {
        let (applicationID, tableCount) = try writer.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
             try Self.foreignTableCount(db))
        }
        guard applicationID == Self.applicationID || (applicationID == 0 && tableCount == 0) else {
            throw EarshotError(.store, "the file is an SQLite database but not an earshot store; point `store.path` at another file or move this one aside",
                               place: .init(file: path))
        }
        try migrator.migrate(writer)
        if try writer.read(migrator.hasBeenSuperseded) {
            throw EarshotError(.store, "the store was written by a newer version of earshot; upgrade earshot or point `store.path` at another file",
                               place: .init(file: path))
        }
    }

    /// The tables of the database that make it someone else's: every table but SQLite's own and
    /// an empty `grdb_migrations`. GRDB creates that table on its own before the first migration's
    /// transaction, so a first run killed in between leaves it, empty, with no `application_id`:
    /// such a file is a store whose creation the next run completes.
    private static func foreignTableCount(_ db: Database) throws -> Int {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if tables == ["grdb_migrations"], try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") == 0 { return 0 }
        return tables.count
    }

    /// The migrations applied to the database, in order.
    func appliedMigrations(_ writer: any DatabaseReader) throws -> [String] {
        try writer.read(migrator.appliedMigrations)
    }

    /// The first schema: mentions, source state, alert episodes, queued alerts and their outbox.
    private static func v1(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")

        try db.create(table: "mention") { t in
            // The primary key on the stable mention id makes re-running a source idempotent.
            t.primaryKey("id", .text)
            t.column("brand", .text).notNull()
            t.column("source", .text).notNull()
            t.column("title", .text)
            t.column("text", .text).notNull()
            t.column("url", .text)
            t.column("author", .text)
            t.column("publishedAt", .double).notNull()
            t.column("day", .integer).notNull()
            t.column("rating", .double).check { $0 >= 1 && $0 <= 5 }
            t.column("lang", .text).notNull()
            t.column("compound", .double).notNull().check { $0 >= -1 && $0 <= 1 }
            t.column("pos", .double).notNull()
            t.column("neu", .double).notNull()
            t.column("neg", .double).notNull()
            t.column("aspects", .text).notNull()
            t.column("terms", .text).notNull()
            t.column("insertedAt", .double).notNull()
        }
        try db.create(index: "mention_on_day", on: "mention", columns: ["day"])
        try db.create(index: "mention_on_brand_day", on: "mention", columns: ["brand", "day"])

        try db.create(table: "source_state") { t in
            t.primaryKey("source", .text)
            t.column("etag", .text)
            t.column("lastModified", .text)
            t.column("lastSuccess", .double)
            t.column("lastFailure", .double)
            t.column("lastError", .text)
            t.column("consecutiveFailures", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.column("fetches", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.column("notModified", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
        }

        try db.create(table: "alert_episode") { t in
            t.primaryKey {
                t.column("fingerprint", .text)
                t.column("start", .integer)
            }
            t.column("lastFired", .integer).notNull()
            t.column("resolved", .integer)
            t.check(sql: "lastFired >= start")
            t.check(sql: "resolved IS NULL OR resolved >= start")
        }

        try db.create(table: "alert") { t in
            // The primary key on the episode is the "sent once" guarantee.
            t.primaryKey("episodeID", .text)
            t.column("payload", .text).notNull()
            t.column("firstQueuedAt", .double).notNull()
        }

        try db.create(table: "outbox") { t in
            t.primaryKey {
                t.column("episodeID", .text).references("alert", onDelete: .cascade)
                t.column("channel", .text)
            }
            t.column("payload", .text).notNull()
            t.column("attempts", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.column("createdAt", .double).notNull()
            t.column("deliveredAt", .double)
            t.column("lastError", .text)
            t.column("nextAttemptAt", .double)
        }
        try db.create(index: "outbox_on_pending", on: "outbox", columns: ["deliveredAt", "createdAt"])
    }

    /// Sources the server asked earshot to leave alone: `skipUntil` (Retry-After on 429/503) and
    /// `retiredAt` with the url that answered 410 Gone.
    private static func v2SourceSchedule(_ db: Database) throws {
        try db.alter(table: "source_state") { t in
            t.add(column: "skipUntil", .double)
            t.add(column: "retiredAt", .double)
            t.add(column: "retiredURL", .text)
        }
    }

    /// Each episode's notification state, for repeats and "grows": how many firing notices were
    /// queued, when the last one was, and the negative count it reported. Episodes that earlier
    /// versions queued (a row in `alert` under the episode id) count as notified once, at the
    /// time they were queued, so an upgrade neither re-sends them at once nor forgets them.
    private static func v3AlertNotices(_ db: Database) throws {
        try db.alter(table: "alert_episode") { t in
            t.add(column: "notices", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.add(column: "lastNotifiedAt", .double)
            t.add(column: "lastNotifiedNegatives", .integer)
        }
        let episodeID = "alert_episode.fingerprint || '|' || date(alert_episode.start * 86400, 'unixepoch')"
        try db.execute(sql: """
            UPDATE alert_episode
            SET notices = 1, lastNotifiedAt = (SELECT firstQueuedAt FROM alert WHERE alert.episodeID = \(episodeID))
            WHERE EXISTS (SELECT 1 FROM alert WHERE alert.episodeID = \(episodeID))
            """)
    }
}

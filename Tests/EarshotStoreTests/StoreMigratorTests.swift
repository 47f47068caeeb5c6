import EarshotCore
@testable import EarshotStore
import Foundation
import GRDB
import Testing

/// The schema: applied once, and enforcing the store's rules by itself.
struct StoreMigratorTests {
    @Test func migrationsAreAppliedOnceAcrossReopenings() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("earshot.sqlite")

            let first = try SQLiteMentionStore(path: path)
            let all = StoreMigrator().migrator.migrations
            #expect(all.first == "v1")
            #expect(try first.appliedMigrations() == all)
            _ = try await first.commit(source: "feed", mentions: [Sample.mention("a")], validators: nil, notModified: false, at: Sample.date())
            let second = try SQLiteMentionStore(path: path)
            let third = try SQLiteMentionStore(path: path)

            #expect(try third.appliedMigrations() == all)
            #expect(try await second.mentions(in: Sample.day...Sample.day).map(\.mention.id) == ["a"])
            let rows = try await DatabaseQueue(path: path.path).read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations")
            }
            #expect(rows == all.count)
        }
    }

    @Test func aStoreOfTheFirstSchemaIsUpgradedWithItsDataKept() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("earshot.sqlite")
            let queue = try DatabaseQueue(path: path.path)
            try StoreMigrator().migrator.migrate(queue, upTo: "v1")
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO source_state (source, etag, fetches) VALUES ('feed', '\"v1\"', 3)")
            }
            try queue.close()

            let store = try SQLiteMentionStore(path: path)
            #expect(try store.appliedMigrations() == StoreMigrator().migrator.migrations)
            #expect(try await store.validators(for: "feed") == HTTPValidators(etag: "\"v1\"", lastModified: nil))
            let health = try #require(try await store.sourceHealth().first)
            #expect(health.fetches == 3 && health.skipUntil == nil && health.retiredAt == nil)
        }
    }

    @Test func theSchemaMarksTheFileAsAnEarshotStore() throws {
        let queue = try DatabaseQueue()
        try StoreMigrator().prepare(queue, path: ":memory:")

        let (applicationID, tables) = try queue.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb_%' ORDER BY name"))
        }
        #expect(applicationID == StoreMigrator.applicationID)
        #expect(tables == ["alert", "alert_episode", "mention", "outbox", "source_state"])
        // Preparing again is a no-op.
        try StoreMigrator().prepare(queue, path: ":memory:")
        #expect(try StoreMigrator().appliedMigrations(queue) == StoreMigrator().migrator.migrations)
    }

    @Test(arguments: [
        "INSERT INTO mention VALUES ('x','Acme','feed',NULL,'t',NULL,NULL,0,0,5.5,'en',0,0,1,0,'[]','[]',0)",
        "INSERT INTO mention VALUES ('x','Acme','feed',NULL,'t',NULL,NULL,0,0,0.5,'en',0,0,1,0,'[]','[]',0)",
        "INSERT INTO mention VALUES ('x','Acme','feed',NULL,'t',NULL,NULL,0,0,NULL,'en',-1.01,0,1,0,'[]','[]',0)",
        "INSERT INTO mention VALUES (NULL,'Acme','feed',NULL,'t',NULL,NULL,0,0,NULL,'en',0,0,1,0,'[]','[]',0)",
        "INSERT INTO alert_episode VALUES ('f', 10, 9, NULL)",
        "INSERT INTO alert_episode VALUES ('f', 10, 10, 9)",
        "INSERT INTO outbox VALUES ('no such alert','email','{}',0,0,NULL,NULL,NULL)",
        "INSERT INTO source_state VALUES ('s',NULL,NULL,NULL,NULL,NULL,-1,0,0)",
    ])
    func theSchemaRejectsRowsThatBreakTheRules(sql: String) throws {
        let queue = try DatabaseQueue()
        try StoreMigrator().prepare(queue, path: ":memory:")

        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: sql) }
        }
    }

    @Test func theSchemaAcceptsAValidRow() throws {
        let queue = try DatabaseQueue()
        try StoreMigrator().prepare(queue, path: ":memory:")

        try queue.write { db in
            try db.execute(sql: "INSERT INTO mention VALUES ('x','Acme','feed',NULL,'t',NULL,NULL,0,0,1,'en',-1,0,1,0,'[]','[]',0)")
            try db.execute(sql: "INSERT INTO mention VALUES ('x','Acme','feed',NULL,'t',NULL,NULL,0,0,5,'en',1,0,1,0,'[]','[]',0) ON CONFLICT DO NOTHING")
        }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mention") } == 1)
    }
}

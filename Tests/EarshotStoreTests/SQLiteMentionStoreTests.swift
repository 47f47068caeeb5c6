import EarshotCore
@testable import EarshotStore
import Foundation
import GRDB
import Testing

/// What only a file database shows: durability, reopening, and clear errors about the file.
struct SQLiteMentionStoreTests {
    private static let validators = HTTPValidators(etag: "\"v1\"", lastModified: "Wed, 01 May 2024 12:00:00 GMT")

    /// Writes one of everything the store keeps.
    private func fill(_ store: some MentionStore) async throws {
        _ = try await store.commit(source: "feed", mentions: [Sample.mention("a", rating: 4), Sample.mention("b")],
                                   validators: Self.validators, notModified: false, at: Sample.date())
        try await store.recordFailure(source: "other", message: "HTTP 500", at: Sample.date())
        _ = try await store.recordAlerts(firing: [Sample.alert()], resolved: [], channels: ["email"], at: Sample.date())
    }

    /// Checks that everything ``fill(_:)`` wrote is there.
    private func expectFilled(_ store: some MentionStore) async throws {
        #expect(try await store.mentions(in: Sample.day...Sample.day) == [Sample.mention("a", rating: 4), Sample.mention("b")])
        #expect(try await store.validators(for: "feed") == Self.validators)
        #expect(try await store.sourceHealth().map(\.source) == ["feed", "other"])
        #expect(try await store.episodes().count == 1)
        #expect(try await store.pendingDeliveries(at: Sample.date()).map(\.alert) == [Sample.alert()])
        // Still idempotent after reopening: nothing is new twice.
        #expect(try await store.commit(source: "feed", mentions: [Sample.mention("a", rating: 4)], validators: nil,
                                       notModified: true, at: Sample.date()) == [])
        #expect(try await store.recordAlerts(firing: [Sample.alert()], resolved: [], channels: ["email"], at: Sample.date()) == [])
    }

    @Test func aFileStoreCreatesItsFolderAndSurvivesReopening() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("state/nested/earshot.sqlite")

            do {
                let store = try SQLiteMentionStore(path: path)
                try await fill(store)
            }
            #expect(FileManager.default.fileExists(atPath: path.path))

            let reopened = try SQLiteMentionStore(path: path)
            try await expectFilled(reopened)
        }
    }

    @Test func committedDataSurvivesAProcessKilledBeforeCheckpoint() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("live/earshot.sqlite")
            let store = try SQLiteMentionStore(path: path)
            try await fill(store)

            // Copy the files as a killed process would leave them: the database and its WAL,
            // taken while the first store is still open, so nothing was checkpointed or closed.
            let crashed = folder.appendingPathComponent("crashed/earshot.sqlite")
            try FileManager.default.createDirectory(at: crashed.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: path, to: crashed)
            let wal = URL(fileURLWithPath: path.path + "-wal")
            #expect(FileManager.default.fileExists(atPath: wal.path))
            try FileManager.default.copyItem(at: wal, to: URL(fileURLWithPath: crashed.path + "-wal"))

            let recovered = try SQLiteMentionStore(path: crashed)
            try await expectFilled(recovered)
        }
    }

    @Test func twoStoresOnOneFileSeeEachOthersCommits() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("earshot.sqlite")
            let first = try SQLiteMentionStore(path: path)
            let second = try SQLiteMentionStore(path: path)

            #expect(try await first.commit(source: "feed", mentions: [Sample.mention("a")], validators: nil, notModified: false,
                                           at: Sample.date()) == [Sample.mention("a")])
            #expect(try await second.commit(source: "feed", mentions: [Sample.mention("a"), Sample.mention("b")], validators: nil,
                                            notModified: false, at: Sample.date()) == [Sample.mention("b")])
            #expect(try await first.mentions(in: Sample.day...Sample.day).map(\.mention.id) == ["a", "b"])
        }
    }

    @Test func aFileThatIsNotADatabaseGivesAClearError() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("earshot.sqlite")
            try Data(String(repeating: "not a database, just text\n", count: 100).utf8).write(to: path)

            let error = #expect(throws: EarshotError.self) { try SQLiteMentionStore(path: path) }

            #expect(error?.code == .store)
            #expect(error?.place?.file == path.standardizedFileURL.path)
            #expect(error?.message.contains("not an SQLite database") == true)
            #expect(error?.description.hasPrefix(path.standardizedFileURL.path + ": could not open the store") == true)
        }
    }

    /// GRDB creates `grdb_migrations` before the first migration's transaction: a first run
    /// killed in between leaves only that table, empty, and the next run completes the store.
    @Test func aStoreWhoseCreationWasKilledIsCompleted() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("earshot.sqlite")
            try DatabaseQueue(path: path.path).write { db in
                try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            }
            _ = try SQLiteMentionStore(path: path)
            let applicationID = try DatabaseQueue(path: path.path).read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
            #expect(applicationID == 0x4541_5253)
        }
    }

    /// Another GRDB program's database (its migrations table holds rows) is still refused.
    @Test func anotherGRDBProgramsDatabaseIsLeftAlone() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("app.sqlite")
            try DatabaseQueue(path: path.path).write { db in
                try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('createPlayers')")
            }
            let error = #expect(throws: EarshotError.self) { try SQLiteMentionStore(path: path) }
            #expect(error?.message.contains("not an earshot store") == true)
        }
    }

    @Test func anotherProgramsDatabaseIsLeftAlone() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("app.sqlite")
            try DatabaseQueue(path: path.path).write { db in
                try db.execute(sql: "CREATE TABLE player (id INTEGER PRIMARY KEY, name TEXT)")
            }

            let error = #expect(throws: EarshotError.self) { try SQLiteMentionStore(path: path) }

            #expect(error?.code == .store)
            #expect(error?.place?.file == path.standardizedFileURL.path)
            #expect(error?.message.contains("not an earshot store") == true)
            let tables = try DatabaseQueue(path: path.path).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            }
            #expect(tables == ["player"])
        }
    }

    @Test func aStoreFromANewerEarshotIsRefused() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("earshot.sqlite")
            do { _ = try SQLiteMentionStore(path: path) }
            try DatabaseQueue(path: path.path).write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
            }

            let error = #expect(throws: EarshotError.self) { try SQLiteMentionStore(path: path) }

            #expect(error?.message.contains("newer version of earshot") == true)
        }
    }

    @Test func aLockedDatabaseGivesAClearErrorAndRollsBack() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("earshot.sqlite")
            let store = try SQLiteMentionStore(path: path, busyTimeout: 0.1)
            var configuration = Configuration()
            configuration.allowsUnsafeTransactions = true // hold the write lock across accesses, as another process would
            let other = try DatabaseQueue(path: path.path, configuration: configuration)
            try other.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }

            let error = await #expect(throws: EarshotError.self) {
                _ = try await store.commit(source: "feed", mentions: [Sample.mention("a")], validators: nil, notModified: false,
                                           at: Sample.date())
            }
            try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }

            #expect(error?.code == .store)
            #expect(error?.place?.file == path.standardizedFileURL.path)
            #expect(error?.message.contains("could not save the fetch of source 'feed': the database is locked") == true)
            #expect(try await store.mentions(in: Sample.day...Sample.day) == [])
            #expect(try await store.commit(source: "feed", mentions: [Sample.mention("a")], validators: nil, notModified: false,
                                           at: Sample.date()) == [Sample.mention("a")])
        }
    }

    @Test func anUnwritableFolderGivesAClearError() async throws {
        try await TemporaryFolder.with { folder in
            let blocker = folder.appendingPathComponent("file")
            try Data("x".utf8).write(to: blocker)

            let error = #expect(throws: EarshotError.self) { try SQLiteMentionStore(path: blocker.appendingPathComponent("earshot.sqlite")) }

            #expect(error?.code == .store)
            #expect(error?.message.contains("could not create the store's folder") == true)
        }
    }
}

import EarshotCore
@testable import EarshotStore
import Foundation
import GRDB
import Testing

@Test func zzPrintMessages() async throws {
    try await TemporaryFolder.with { folder in
        let path = folder.appendingPathComponent("earshot.sqlite")
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: path)
        do { _ = try SQLiteMentionStore(path: path) } catch { print("MSG1", error) }
        let p2 = folder.appendingPathComponent("app.sqlite")
        try await DatabaseQueue(path: p2.path).write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        do { _ = try SQLiteMentionStore(path: p2) } catch { print("MSG2", error) }
        let store = try SQLiteMentionStore(inMemory: "t")
        do { _ = try await store.commit(source: "feed", mentions: [Sample.mention("a", rating: 9)], validators: nil, notModified: false, at: Sample.date()) } catch { print("MSG3", error) }
        let p4 = folder.appendingPathComponent("locked.sqlite")
        let s4 = try SQLiteMentionStore(path: p4, busyTimeout: 0.1)
        var c = Configuration(); c.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: p4.path, configuration: c)
        try other.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        do { try await s4.recordFailure(source: "feed", message: "x", at: Sample.date()) } catch { print("MSG4", error) }
        do { _ = try SQLiteMentionStore(path: p4, busyTimeout: 0.1) } catch { print("MSG5", error) }
        try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
    }
}

import Foundation
import GRDB

/// What every record of the SQLite store shares: Codable columns, and dates stored as
/// seconds since 1970 (`REAL`), so they round-trip exactly and sort as numbers.
///
/// Array and struct properties (aspects, terms, alert payloads) are stored as JSON text by
/// GRDB's Codable support, with sorted keys.
///
/// Rows are added with ``insertIfAbsent(_:)``, never `INSERT OR IGNORE`: SQLite's `IGNORE`
/// also skips rows that break a `CHECK` or `NOT NULL` constraint, which would drop bad data
/// silently instead of failing the transaction.
protocol StoreRecord: Codable, FetchableRecord, PersistableRecord {}

extension StoreRecord {
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}

extension StoreRecord {
    /// Inserts the record unless a row with its primary key exists.
    ///
    /// Call it inside a write transaction, which makes the check and the insert atomic.
    /// - Returns: whether the row was inserted.
    /// - Throws: `DatabaseError` when the row breaks a constraint of the schema.
    func insertIfAbsent(_ db: Database) throws -> Bool {
        if try exists(db) { return false }
        try insert(db)
        return true
    }
}

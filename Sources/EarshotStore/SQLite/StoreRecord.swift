import Foundation
import GRDB

/// What every record of the SQLite store shares: Codable columns, and dates stored as
/// seconds since 1970 (`REAL`), so they round-trip exactly and sort as numbers.
///
/// Array and struct properties (aspects, terms, alert payloads) are stored as JSON text by
/// GRDB's Codable support, with sorted keys.
protocol StoreRecord: Codable, FetchableRecord, PersistableRecord {}

extension StoreRecord {
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}

import EarshotCore
import Foundation
import GRDB

/// Sources: HTTP validators and health.
extension SQLiteMentionStore {
    /// The validators stored for a source's last successful fetch, or nil if it sent none.
    /// - Throws: ``EarshotError`` when the database fails.
    public func validators(for source: String) async throws -> HTTPValidators? {
        try await read("could not read the validators of source '\(source)'") { db in
            try SourceStateRecord.fetchOne(db, key: source)?.validators
        }
    }

    /// Records a failed fetch or parse of a source; its validators are kept.
    /// - Parameters:
    ///   - hold: what the server asked for: skip until a time (`Retry-After`), or retire the
    ///     source at `url` (410 Gone); nil for any other failure.
    ///   - url: the source's configured url, kept with a retirement.
    /// - Throws: ``EarshotError`` when the database fails.
    public func recordFailure(source: String, message: String, at date: Date, hold: SourceHold?, url: String?) async throws {
        try await write("could not record the failure of source '\(source)'") { db in
            var state = try SourceStateRecord.fetchOne(db, key: source) ?? SourceStateRecord(source: source)
            state.lastFailure = date
            state.lastError = message
            state.consecutiveFailures += 1
            state.fetches += 1
            switch hold {
            case .until(let when)?: state.skipUntil = when
            case .gone?:
                state.retiredAt = date
                state.retiredURL = url
            case nil: break
            }
            try state.upsert(db)
        }
    }

    /// The health of every source ever seen, ordered by source id.
    /// - Throws: ``EarshotError`` when the database fails.
    public func sourceHealth() async throws -> [SourceHealth] {
        try await read("could not read the health of the sources") { db in
            try SourceStateRecord.order(SourceStateRecord.Columns.source).fetchAll(db).map(\.health)
        }
    }
}

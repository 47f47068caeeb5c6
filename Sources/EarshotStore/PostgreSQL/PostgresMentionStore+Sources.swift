#if PostgreSQL
import EarshotCore
import Foundation
import PostgresNIO

/// Sources: HTTP validators and health.
extension PostgresMentionStore {
    /// The validators stored for a source's last successful fetch, or nil if it sent none.
    /// - Throws: ``EarshotError`` when the database fails.
    public func validators(for source: String) async throws -> HTTPValidators? {
        let logger = self.logger
        return try await read("could not read the validators of source '\(source)'") { connection in
            let rows = try await connection.query("SELECT etag, last_modified FROM source_state WHERE source = \(source)", logger: logger)
            for try await (etag, lastModified) in rows.decode((String?, String?).self) {
                let validators = HTTPValidators(etag: etag, lastModified: lastModified)
                return validators.isEmpty ? nil : validators
            }
            return nil
        }
    }

    /// Records a failed fetch or parse of a source; its validators are kept.
    /// - Parameters:
    ///   - hold: what the server asked for: skip until a time (`Retry-After`), or retire the
    ///     source at `url` (410 Gone); nil for any other failure.
    ///   - url: the source's configured url, kept with a retirement.
    /// - Throws: ``EarshotError`` when the database fails.
    public func recordFailure(source: String, message: String, at date: Date, hold: SourceHold?, url: String?) async throws {
        let logger = self.logger
        let seconds = date.timeIntervalSince1970
        var skipUntil: Double?, retiredAt: Double?, retiredURL: String?
        switch hold {
        case .until(let when)?: skipUntil = when.timeIntervalSince1970
        case .gone?:
            retiredAt = seconds
            retiredURL = url
        case nil: break
        }
        let (skip, retired, retiredAtURL, setSkip, setRetired) = (skipUntil, retiredAt, retiredURL, skipUntil != nil, retiredAt != nil)
        try await write("could not record the failure of source '\(source)'") { connection in
            _ = try await connection.query("""
                INSERT INTO source_state AS s (source, last_failure, last_error, consecutive_failures, fetches, skip_until, retired_at, retired_url)
                VALUES (\(source), \(seconds), \(message), 1, 1, \(skip), \(retired), \(retiredAtURL))
                ON CONFLICT (source) DO UPDATE SET
                    last_failure = excluded.last_failure,
                    last_error = excluded.last_error,
                    consecutive_failures = s.consecutive_failures + 1,
                    fetches = s.fetches + 1,
                    skip_until = CASE WHEN \(setSkip) THEN excluded.skip_until ELSE s.skip_until END,
                    retired_at = CASE WHEN \(setRetired) THEN excluded.retired_at ELSE s.retired_at END,
                    retired_url = CASE WHEN \(setRetired) THEN excluded.retired_url ELSE s.retired_url END
                """, logger: logger)
        }
    }

    /// The health of every source ever seen, ordered by source id.
    /// - Throws: ``EarshotError`` when the database fails.
    public func sourceHealth() async throws -> [SourceHealth] {
        let logger = self.logger
        return try await read("could not read the health of the sources") { connection in
            let rows = try await connection.query("""
                SELECT source, last_success, last_failure, last_error, consecutive_failures, fetches, not_modified,
                       skip_until, retired_at, retired_url
                FROM source_state ORDER BY source
                """, logger: logger)
            var health: [SourceHealth] = []
            for try await (source, lastSuccess, lastFailure, lastError, failures, fetches, notModified, skipUntil, retiredAt, retiredURL)
                in rows.decode((String, Double?, Double?, String?, Int, Int, Int, Double?, Double?, String?).self) {
                health.append(SourceHealth(source: source, lastSuccess: lastSuccess.map(Date.init(timeIntervalSince1970:)),
                                           lastFailure: lastFailure.map(Date.init(timeIntervalSince1970:)), lastError: lastError,
                                           consecutiveFailures: failures, fetches: fetches, notModified: notModified,
                                           skipUntil: skipUntil.map(Date.init(timeIntervalSince1970:)),
                                           retiredAt: retiredAt.map(Date.init(timeIntervalSince1970:)), retiredURL: retiredURL))
            }
            return health
        }
    }
}
#endif

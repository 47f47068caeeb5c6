#if PostgreSQL
import EarshotCore
import Foundation
import PostgresNIO

/// Mentions: committing a source's fetch and reading the shared history back.
extension PostgresMentionStore {
    /// Inserts the new mentions of one source (ignoring ids already stored, by this worker or
    /// another), saves its validators when given and marks it healthy (clearing a Retry-After
    /// skip or a 410 retirement), in one transaction.
    ///
    /// Mentions are inserted in id order, a few hundred per statement, so commits that overlap
    /// never deadlock each other.
    /// - Parameters:
    ///   - source: the source id.
    ///   - mentions: the scored mentions of this fetch; a repeated id is stored once (its first).
    ///   - validators: the response's validators; nil keeps the stored ones (as after a 304),
    ///     an empty value clears them.
    ///   - notModified: whether the server answered 304 Not Modified.
    ///   - date: when the fetch happened.
    /// - Returns: the mentions that were not stored before, in input order.
    /// - Throws: ``EarshotError`` when the database fails or a mention breaks the schema's rules
    ///   (then nothing of this commit is stored).
    public func commit(source: String, mentions: [ScoredMention], validators: HTTPValidators?, notModified: Bool,
                       at date: Date) async throws -> [ScoredMention] {
        let action = "could not save the fetch of source '\(source)'"
        guard !mentions.contains(where: { $0.mention.rating?.isNaN == true }) else {
            throw storeError(action, EarshotError(.store, "\(action): a value broke the store's rules (ratings on 1–5, compounds on -1…1); this is a bug in the stage that produced it"))
        }
        let rows = try mentions.map { try PostgresMentionRow($0, insertedAt: date) }
        let logger = self.logger
        let inserted = try await write(action) { connection -> Set<String> in
            var inserted: Set<String> = []
            let sorted = rows.sorted { $0.id < $1.id }
            for start in stride(from: 0, to: sorted.count, by: PostgresMentionRow.rowsPerInsert) {
                let batch = sorted[start..<min(start + PostgresMentionRow.rowsPerInsert, sorted.count)]
                let result = try await connection.query(try PostgresMentionRow.insert(batch), logger: logger)
                for try await id in result.decode(String.self) { inserted.insert(id) }
            }
            let keep = validators == nil
            let etag = validators?.etag, lastModified = validators?.lastModified
            let seconds = date.timeIntervalSince1970
            try await connection.query("""
                INSERT INTO source_state AS s (source, etag, last_modified, last_success, consecutive_failures, fetches, not_modified)
                VALUES (\(source), \(etag), \(lastModified), \(seconds), 0, 1, \(notModified ? 1 : 0))
                ON CONFLICT (source) DO UPDATE SET
                    etag = CASE WHEN \(keep) THEN s.etag ELSE excluded.etag END,
                    last_modified = CASE WHEN \(keep) THEN s.last_modified ELSE excluded.last_modified END,
                    last_success = excluded.last_success,
                    consecutive_failures = 0,
                    skip_until = NULL, retired_at = NULL, retired_url = NULL,
                    fetches = s.fetches + 1,
                    not_modified = s.not_modified + excluded.not_modified
                """, logger: logger)
            return inserted
        }
        var seen: Set<String> = []
        return mentions.filter { inserted.contains($0.mention.id) && seen.insert($0.mention.id).inserted }
    }

    /// Stored mentions whose day lies in `days`, ordered by publication date, then id.
    /// - Throws: ``EarshotError`` when the database fails.
    public func mentions(in days: ClosedRange<Day>) async throws -> [ScoredMention] {
        let logger = self.logger
        let (first, last) = (days.lowerBound.ordinal, days.upperBound.ordinal)
        return try await read("could not read the mentions from \(days.lowerBound) to \(days.upperBound)") { connection in
            let rows = try await connection.query("""
                SELECT \(unescaped: PostgresMentionRow.columns) FROM mention
                WHERE day BETWEEN \(first) AND \(last)
                ORDER BY published_at, id
                """, logger: logger)
            var mentions: [ScoredMention] = []
            for try await row in rows { mentions.append(try PostgresMentionRow.decode(row)) }
            return mentions
        }
    }

    /// Every stored star rating dated on or before `day`, ordered by day, then mention id.
    /// - Throws: ``EarshotError`` when the database fails.
    public func ratedReviews(through day: Day) async throws -> [RatedReview] {
        let logger = self.logger
        let last = day.ordinal
        return try await read("could not read the rated reviews") { connection in
            let rows = try await connection.query("""
                SELECT brand, day, rating, source FROM mention
                WHERE rating IS NOT NULL AND day <= \(last)
                ORDER BY day, id
                """, logger: logger)
            var reviews: [RatedReview] = []
            for try await (brand, day, rating, source) in rows.decode((String, Int, Double, String).self) {
                reviews.append(RatedReview(brand: brand, day: Day(ordinal: day), rating: rating, source: source))
            }
            return reviews
        }
    }

    /// The first day each brand was mentioned on.
    /// - Throws: ``EarshotError`` when the database fails.
    public func firstMentionDays() async throws -> [String: Day] {
        let logger = self.logger
        return try await read("could not read the first mention days") { connection in
            let rows = try await connection.query("SELECT brand, MIN(day) FROM mention GROUP BY brand", logger: logger)
            var days: [String: Day] = [:]
            for try await (brand, first) in rows.decode((String, Int).self) { days[brand] = Day(ordinal: first) }
            return days
        }
    }
}
#endif

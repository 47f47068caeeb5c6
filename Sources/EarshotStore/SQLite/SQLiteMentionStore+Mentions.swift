import EarshotCore
import Foundation
import GRDB

/// Mentions: committing a source's fetch and reading the history back.
extension SQLiteMentionStore {
    /// Inserts the new mentions of one source (ignoring ids already stored), saves its
    /// validators when given and marks it healthy (clearing a Retry-After skip or a 410 retirement), in one transaction.
    ///
    /// - Parameters:
    ///   - source: the source id.
    ///   - mentions: the scored mentions of this fetch; a repeated id is stored once.
    ///   - validators: the response's validators; nil keeps the stored ones (as after a 304),
    ///     an empty value clears them.
    ///   - notModified: whether the server answered 304 Not Modified.
    ///   - date: when the fetch happened.
    /// - Returns: the mentions that were not stored before, in input order.
    /// - Throws: ``EarshotError`` when the database fails or a mention breaks the schema's rules
    ///   (then nothing of this commit is stored).
    public func commit(source: String, mentions: [ScoredMention], validators: HTTPValidators?, notModified: Bool,
                       at date: Date) async throws -> [ScoredMention] {
        try await write("could not save the fetch of source '\(source)'") { db in
            // SQLite stores NaN as NULL, which would turn a broken rating into "no rating".
            guard !mentions.contains(where: { $0.mention.rating?.isNaN == true }) else {
                throw EarshotError(.store, "could not save the fetch of source '\(source)': a value broke the store's rules (ratings on 1–5, compounds on -1…1); this is a bug in the stage that produced it")
            }
            var inserted: [ScoredMention] = []
            for scored in mentions {
                if try MentionRecord(scored, insertedAt: date).insertIfAbsent(db) { inserted.append(scored) }
            }
            var state = try SourceStateRecord.fetchOne(db, key: source) ?? SourceStateRecord(source: source)
            if let validators { state.validators = validators }
            state.lastSuccess = date
            state.consecutiveFailures = 0
            state.skipUntil = nil
            state.retiredAt = nil
            state.retiredURL = nil
            state.fetches += 1
            if notModified { state.notModified += 1 }
            try state.upsert(db)
            return inserted
        }
    }

    /// Stored mentions whose day lies in `days`, ordered by publication date, then id.
    /// - Throws: ``EarshotError`` when the database fails.
    public func mentions(in days: ClosedRange<Day>) async throws -> [ScoredMention] {
        try await read("could not read the mentions from \(days.lowerBound) to \(days.upperBound)") { db in
            try MentionRecord
                .filter((days.lowerBound.ordinal...days.upperBound.ordinal).contains(MentionRecord.Columns.day))
                .order(MentionRecord.Columns.publishedAt, MentionRecord.Columns.id)
                .fetchAll(db)
                .map(\.scoredMention)
        }
    }

    /// Every stored star rating dated on or before `day`, ordered by day, then mention id.
    /// - Throws: ``EarshotError`` when the database fails.
    public func ratedReviews(through day: Day) async throws -> [RatedReview] {
        try await read("could not read the rated reviews") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT brand, day, rating, source FROM mention
                WHERE rating IS NOT NULL AND day <= ?
                ORDER BY day, id
                """, arguments: [day.ordinal])
            return rows.map { RatedReview(brand: $0["brand"], day: Day(ordinal: $0["day"]), rating: $0["rating"], source: $0["source"]) }
        }
    }

    /// The first day each brand was mentioned on.
    /// - Throws: ``EarshotError`` when the database fails.
    public func firstMentionDays() async throws -> [String: Day] {
        try await read("could not read the first mention days") { db in
            let rows = try Row.fetchAll(db, sql: "SELECT brand, MIN(day) AS first FROM mention GROUP BY brand")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["brand"] as String, Day(ordinal: $0["first"])) })
        }
    }
}

import EarshotCore
import Foundation

/// A ``MentionStore`` kept in dictionaries, for unit tests of the stages that use a store.
///
/// It follows ``SQLiteMentionStore`` to the letter: the same idempotence, ordering, counters,
/// "sent once" queue and rules (ratings on 1–5, compounds on -1…1, episodes that end on or
/// after they start), and a call that breaks a rule changes nothing. The same behavioural
/// test suite runs against both.
public actor InMemoryMentionStore: MentionStore {
    struct EpisodeKey: Hashable {
        var fingerprint: String
        var start: Day
    }

    struct OutboxKey: Hashable {
        var episodeID: String
        var channel: String
    }

    struct SourceState {
        var validators: HTTPValidators?
        var health: SourceHealth
    }

    struct OutboxRow {
        var entry: OutboxEntry
        var nextAttemptAt: Date?
    }

    var storedMentions: [String: ScoredMention] = [:]
    var sources: [String: SourceState] = [:]
    var storedEpisodes: [EpisodeKey: AlertEpisode] = [:]
    /// Episode ids already queued, with the alert first queued.
    var queuedAlerts: [String: Alert] = [:]
    var outbox: [OutboxKey: OutboxRow] = [:]

    /// Creates an empty store.
    public init() {}

    /// The validators stored for a source's last successful fetch, or nil if it sent none.
    public func validators(for source: String) -> HTTPValidators? {
        sources[source]?.validators
    }

    /// Inserts the new mentions of one source, saves its validators when given and marks it
    /// healthy; see ``SQLiteMentionStore/commit(source:mentions:validators:notModified:at:)``.
    /// - Returns: the mentions that were not stored before, in input order.
    /// - Throws: ``EarshotError`` when a mention breaks the store's rules; nothing is stored then.
    public func commit(source: String, mentions: [ScoredMention], validators: HTTPValidators?, notModified: Bool,
                       at date: Date) throws -> [ScoredMention] {
        for scored in mentions { try Self.check(scored, source: source) }
        var inserted: [ScoredMention] = []
        for scored in mentions where storedMentions[scored.mention.id] == nil {
            storedMentions[scored.mention.id] = scored
            inserted.append(scored)
        }
        var state = sources[source] ?? SourceState(validators: nil, health: SourceHealth(source: source))
        if let validators { state.validators = validators.isEmpty ? nil : validators }
        state.health.lastSuccess = date
        state.health.consecutiveFailures = 0
        state.health.skipUntil = nil
        state.health.retiredAt = nil
        state.health.retiredURL = nil
        state.health.fetches += 1
        if notModified { state.health.notModified += 1 }
        sources[source] = state
        return inserted
    }

    /// Records a failed fetch or parse of a source and the hold the server asked for; its
    /// validators are kept.
    public func recordFailure(source: String, message: String, at date: Date, hold: SourceHold?, url: String?) {
        var state = sources[source] ?? SourceState(validators: nil, health: SourceHealth(source: source))
        state.health.lastFailure = date
        state.health.lastError = message
        state.health.consecutiveFailures += 1
        state.health.fetches += 1
        switch hold {
        case .until(let when)?: state.health.skipUntil = when
        case .gone?:
            state.health.retiredAt = date
            state.health.retiredURL = url
        case nil: break
        }
        sources[source] = state
    }

    /// The health of every source ever seen, ordered by source id.
    public func sourceHealth() -> [SourceHealth] {
        sources.values.map(\.health).sorted { $0.source < $1.source }
    }

    /// Stored mentions whose day lies in `days`, ordered by publication date, then id.
    public func mentions(in days: ClosedRange<Day>) -> [ScoredMention] {
        storedMentions.values
            .filter { days.contains($0.mention.day) }
            .sorted { ($0.mention.publishedAt, $0.mention.id) < ($1.mention.publishedAt, $1.mention.id) }
    }

    /// Every stored star rating dated on or before `day`, ordered by day, then mention id.
    public func ratedReviews(through day: Day) -> [RatedReview] {
        storedMentions.values
            .filter { $0.mention.rating != nil && $0.mention.day <= day }
            .sorted { ($0.mention.day, $0.mention.id) < ($1.mention.day, $1.mention.id) }
            .map { RatedReview(brand: $0.mention.brand, day: $0.mention.day, rating: $0.mention.rating ?? 0, source: $0.mention.source) }
    }

    /// The first day each brand was mentioned on.
    public func firstMentionDays() -> [String: Day] {
        storedMentions.values.reduce(into: [:]) { first, scored in
            let day = scored.mention.day
            first[scored.mention.brand] = min(first[scored.mention.brand] ?? day, day)
        }
    }

    /// The rules the SQLite schema enforces with `CHECK` constraints.
    private static func check(_ scored: ScoredMention, source: String) throws {
        let compound = scored.sentiment.compound
        let ratingIsValid = scored.mention.rating.map { $0 >= 1 && $0 <= 5 } ?? true
        guard ratingIsValid, compound >= -1, compound <= 1 else {
            throw EarshotError(.store, "could not save the fetch of source '\(source)': a value broke the store's rules (ratings on 1–5, compounds on -1…1); this is a bug in the stage that produced it")
        }
    }
}

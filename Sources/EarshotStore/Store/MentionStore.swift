import EarshotCore
import Foundation

/// Earshot's state: mentions, HTTP validators, source health, alert episodes and the outbox.
///
/// Every method that changes state is one transaction, so a crash between two calls leaves
/// state the next run completes without duplicates or gaps. Implementations:
/// ``SQLiteMentionStore`` (GRDB, the default) and ``InMemoryMentionStore`` (unit tests).
public protocol MentionStore: Sendable {
    /// The validators stored for a source's last successful fetch, if any.
    func validators(for source: String) async throws -> HTTPValidators?

    /// Records one source's successful fetch: inserts its new mentions (ignoring ids already
    /// stored), saves its validators and marks it healthy, all in one transaction.
    /// - Returns: the mentions that were new.
    func commit(source: String, mentions: [ScoredMention], validators: HTTPValidators?, notModified: Bool,
                at date: Date) async throws -> [ScoredMention]

    /// Records a failed fetch or parse of a source, and what the server asked for: `hold`
    /// `.until` skips the source until then, `.gone` retires it while its url is `url`.
    /// A later successful fetch clears both.
    func recordFailure(source: String, message: String, at date: Date, hold: SourceHold?, url: String?) async throws

    /// The health of every source ever seen, by source id.
    func sourceHealth() async throws -> [SourceHealth]

    /// Stored mentions whose day lies in `days`, ordered by date, then id.
    func mentions(in days: ClosedRange<Day>) async throws -> [ScoredMention]

    /// Every stored star rating dated on or before `day`.
    func ratedReviews(through day: Day) async throws -> [RatedReview]

    /// The first day each brand was mentioned on.
    func firstMentionDays() async throws -> [String: Day]

    /// The episodes of every fingerprint, newest first.
    func episodes() async throws -> [AlertEpisode]

    /// Saves what the alert rules decided this run: opens or extends episodes for `firing`,
    /// resolves `resolved`, and queues each of `notices` whose ``Alert/notificationID`` was not
    /// queued before into the outbox for every channel in `channels`, recording a firing
    /// notice's sequence, time and negative count on its episode, in one transaction.
    /// - Returns: the notices that were new (never queued before).
    func recordAlerts(firing: [Alert], resolved: [AlertEpisode], notices: [Alert], channels: [String], at date: Date) async throws -> [Alert]

    /// Outbox entries not yet delivered whose next attempt is due at `date`.
    func pendingDeliveries(at date: Date) async throws -> [OutboxEntry]

    /// Marks an outbox entry delivered (the server accepted it).
    func markDelivered(_ entry: OutboxEntry, at date: Date) async throws

    /// Records a failed delivery; the entry is retried after `retryAt`.
    func markFailed(_ entry: OutboxEntry, error: String, retryAt: Date) async throws
}

extension MentionStore {
    /// Records a failed fetch or parse of a source that asked for no hold.
    public func recordFailure(source: String, message: String, at date: Date) async throws {
        try await recordFailure(source: source, message: message, at: date, hold: nil, url: nil)
    }
}

extension MentionStore {
    /// Saves `firing` and `resolved` and queues each firing alert as its episode's first
    /// notification: an episode queued before is not queued again (no repeats, no resolved
    /// notices). Used by the backtest, which lists episodes rather than notifications.
    /// - Returns: the alerts whose episode was new.
    public func recordAlerts(firing: [Alert], resolved: [AlertEpisode], channels: [String], at date: Date) async throws -> [Alert] {
        let first = firing.map { alert -> Alert in
            var notice = alert
            notice.status = .firing
            notice.sequence = 1
            return notice
        }
        return try await recordAlerts(firing: firing, resolved: resolved, notices: first, channels: channels, at: date)
    }
}

import EarshotCore
import Foundation

/// One alert waiting for, or done with, delivery on one channel.
///
/// The store creates one entry per channel when a notification (an episode's first, a repeat,
/// or its resolved notice) is queued for the first time (see ``MentionStore/recordAlerts(firing:resolved:channels:at:)``); a notifier takes
/// the due ones from ``MentionStore/pendingDeliveries(at:)`` and reports back with
/// ``MentionStore/markDelivered(_:at:)`` or ``MentionStore/markFailed(_:error:retryAt:)``.
/// An entry is identified by its ``episodeID`` and ``channel``.
public struct OutboxEntry: Sendable, Equatable, Codable {
    /// The notification's ``Alert/notificationID`` (for an episode's first notification, its
    /// ``Alert/episodeID``): the idempotency key, one per notification and channel.
    public var episodeID: String
    /// `email`, `webhook`, or `log` when no channel is configured.
    public var channel: String
    /// The alert to deliver, as it was when first queued.
    public var alert: Alert
    /// Delivery attempts so far, successful or not.
    public var attempts: Int
    /// When the entry was queued.
    public var createdAt: Date
    /// When the channel accepted the alert, or nil while it is pending.
    public var deliveredAt: Date?
    /// The error of the last failed attempt, if any.
    public var lastError: String?

    /// Creates an entry; stores build these, other modules need this only for tests.
    public init(episodeID: String, channel: String, alert: Alert, attempts: Int = 0, createdAt: Date,
                deliveredAt: Date? = nil, lastError: String? = nil) {
        self.episodeID = episodeID
        self.channel = channel
        self.alert = alert
        self.attempts = attempts
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
        self.lastError = lastError
    }
}

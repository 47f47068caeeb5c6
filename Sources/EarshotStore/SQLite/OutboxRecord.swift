import EarshotCore
import Foundation
import GRDB

/// A row of the `outbox` table: one notification's delivery on one channel. The `episodeID`
/// column holds the notification's ``EarshotCore/Alert/notificationID`` (the episode id for an
/// episode's first notification, as v1 stored it).
struct OutboxRecord: StoreRecord, Equatable {
    static let databaseTableName = "outbox"

    var episodeID: String
    var channel: String
    /// JSON of ``Alert``.
    var payload: Alert
    var attempts: Int
    var createdAt: Date
    var deliveredAt: Date?
    var lastError: String?
    /// When a failed delivery may be tried again; nil when it may be tried at once.
    var nextAttemptAt: Date?

    enum Columns {
        static let episodeID = Column(CodingKeys.episodeID)
        static let channel = Column(CodingKeys.channel)
        static let createdAt = Column(CodingKeys.createdAt)
        static let deliveredAt = Column(CodingKeys.deliveredAt)
        static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
    }

    init(alert: Alert, channel: String, createdAt: Date) {
        episodeID = alert.notificationID
        self.channel = channel
        payload = alert
        attempts = 0
        self.createdAt = createdAt
    }

    /// Finds the row of an entry by its key.
    static func find(_ db: Database, _ entry: OutboxEntry) throws -> OutboxRecord? {
        try fetchOne(db, key: [CodingKeys.episodeID.stringValue: entry.episodeID, CodingKeys.channel.stringValue: entry.channel])
    }

    var entry: OutboxEntry {
        OutboxEntry(episodeID: episodeID, channel: channel, alert: payload, attempts: attempts, createdAt: createdAt,
                    deliveredAt: deliveredAt, lastError: lastError)
    }
}

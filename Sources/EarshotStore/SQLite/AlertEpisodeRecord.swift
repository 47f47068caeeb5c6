import EarshotCore
import Foundation
import GRDB

/// A row of the `alert_episode` table; days are stored as ``Day/ordinal``.
struct AlertEpisodeRecord: StoreRecord, Equatable {
    static let databaseTableName = "alert_episode"

    var fingerprint: String
    var start: Int
    var lastFired: Int
    var resolved: Int?
    /// Firing notifications queued (migration `v3-alert-notices`).
    var notices: Int
    var lastNotifiedAt: Date?
    var lastNotifiedNegatives: Int?

    enum Columns {
        static let fingerprint = Column(CodingKeys.fingerprint)
        static let start = Column(CodingKeys.start)
    }

    init(_ episode: AlertEpisode) {
        fingerprint = episode.fingerprint
        start = episode.start.ordinal
        lastFired = episode.lastFired.ordinal
        resolved = episode.resolved?.ordinal
        notices = episode.notices
        lastNotifiedAt = episode.lastNotifiedAt
        lastNotifiedNegatives = episode.lastNotifiedNegatives
    }

    /// Finds the row of the episode that starts on `start`.
    static func find(_ db: Database, fingerprint: String, start: Day) throws -> AlertEpisodeRecord? {
        try fetchOne(db, key: [CodingKeys.fingerprint.stringValue: fingerprint, CodingKeys.start.stringValue: start.ordinal])
    }

    var episode: AlertEpisode {
        AlertEpisode(fingerprint: fingerprint, start: Day(ordinal: start), lastFired: Day(ordinal: lastFired),
                     resolved: resolved.map(Day.init(ordinal:)), notices: notices, lastNotifiedAt: lastNotifiedAt,
                     lastNotifiedNegatives: lastNotifiedNegatives)
    }
}

import EarshotCore
import GRDB

/// A row of the `alert_episode` table; days are stored as ``Day/ordinal``.
struct AlertEpisodeRecord: StoreRecord, Equatable {
    static let databaseTableName = "alert_episode"

    var fingerprint: String
    var start: Int
    var lastFired: Int
    var resolved: Int?

    enum Columns {
        static let fingerprint = Column(CodingKeys.fingerprint)
        static let start = Column(CodingKeys.start)
    }

    init(_ episode: AlertEpisode) {
        fingerprint = episode.fingerprint
        start = episode.start.ordinal
        lastFired = episode.lastFired.ordinal
        resolved = episode.resolved?.ordinal
    }

    /// Finds the row of the episode that starts on `start`.
    static func find(_ db: Database, fingerprint: String, start: Day) throws -> AlertEpisodeRecord? {
        try fetchOne(db, key: [CodingKeys.fingerprint.stringValue: fingerprint, CodingKeys.start.stringValue: start.ordinal])
    }

    var episode: AlertEpisode {
        AlertEpisode(fingerprint: fingerprint, start: Day(ordinal: start), lastFired: Day(ordinal: lastFired),
                     resolved: resolved.map(Day.init(ordinal:)))
    }
}

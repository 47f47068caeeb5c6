import Foundation

/// One continuous episode of an alert condition, as the store keeps it.
public struct AlertEpisode: Sendable, Equatable, Codable {
    public var fingerprint: String
    public var start: Day
    /// The last day the rule fired in this episode.
    public var lastFired: Day
    /// The day the episode was declared over, or nil while it is open.
    public var resolved: Day?
    /// Firing notifications queued for this episode so far (0: none yet).
    public var notices: Int
    /// When the last firing notification was queued, nil before the first.
    public var lastNotifiedAt: Date?
    /// The negative count the last firing notification reported, what "grows" compares with.
    public var lastNotifiedNegatives: Int?

    public init(fingerprint: String, start: Day, lastFired: Day, resolved: Day? = nil, notices: Int = 0,
                lastNotifiedAt: Date? = nil, lastNotifiedNegatives: Int? = nil) {
        self.fingerprint = fingerprint
        self.start = start
        self.lastFired = lastFired
        self.resolved = resolved
        self.notices = notices
        self.lastNotifiedAt = lastNotifiedAt
        self.lastNotifiedNegatives = lastNotifiedNegatives
    }

    public var isOpen: Bool { resolved == nil }
    /// The episode's id, as ``Alert/episodeID`` has it.
    public var id: String { fingerprint + "|" + start.description }
}

/// One continuous episode of an alert condition, as the store keeps it.
public struct AlertEpisode: Sendable, Equatable, Codable {
    public var fingerprint: String
    public var start: Day
    /// The last day the rule fired in this episode.
    public var lastFired: Day
    /// The day the episode was declared over, or nil while it is open.
    public var resolved: Day?

    public init(fingerprint: String, start: Day, lastFired: Day, resolved: Day? = nil) {
        self.fingerprint = fingerprint
        self.start = start
        self.lastFired = lastFired
        self.resolved = resolved
    }

    public var isOpen: Bool { resolved == nil }
}

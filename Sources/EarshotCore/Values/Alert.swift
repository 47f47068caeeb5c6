/// What an alert is about.
public enum AlertKind: String, Sendable, Codable, CaseIterable {
    /// The share of negative mentions rose far above its baseline.
    case negativeSpike = "negative-spike"
    /// The decayed trust score dropped.
    case trustDrop = "trust-drop"
}

/// One alert that a rule raised for a brand on a day, with the evidence that explains it.
///
/// Its ``fingerprint`` (brand, kind, aspect) identifies the condition; its ``episodeID`` one
/// continuous episode of that condition, so the store can deliver each episode once.
public struct Alert: Sendable, Equatable, Codable {
    public var brand: String
    public var kind: AlertKind
    /// `service`, `experience`, or nil for the brand as a whole.
    public var aspect: String?
    /// The day the rule fired on.
    public var day: Day
    /// The first day of the episode this alert belongs to.
    public var episodeStart: Day
    /// A one-line headline.
    public var title: String
    /// Lines that explain the alert: window, counts, baseline, p-value.
    public var details: [String]
    /// The top evidence mentions: text and link.
    public var evidence: [Evidence]

    public init(brand: String, kind: AlertKind, aspect: String?, day: Day, episodeStart: Day,
                title: String, details: [String], evidence: [Evidence] = []) {
        self.brand = brand
        self.kind = kind
        self.aspect = aspect
        self.day = day
        self.episodeStart = episodeStart
        self.title = title
        self.details = details
        self.evidence = evidence
    }

    /// brand, kind and aspect: the condition this alert is about.
    public var fingerprint: String { [brand, kind.rawValue, aspect ?? "all"].joined(separator: "|") }
    /// The condition plus the day its episode started: one delivery per value.
    public var episodeID: String { fingerprint + "|" + episodeStart.description }

    /// A mention quoted as evidence.
    public struct Evidence: Sendable, Equatable, Codable {
        public var text: String
        public var url: String?
        public var compound: Double

        public init(text: String, url: String?, compound: Double) {
            self.text = text
            self.url = url
            self.compound = compound
        }
    }
}

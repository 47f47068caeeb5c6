import Foundation

/// What an alert is about.
public enum AlertKind: String, Sendable, Codable, CaseIterable {
    /// The share of negative mentions rose far above its baseline.
    case negativeSpike = "negative-spike"
    /// The decayed trust score dropped.
    case trustDrop = "trust-drop"
    /// The brand's mentions fell far below their baseline (inhibited while one of its sources fails).
    case volumeDrop = "volume-drop"
}

/// Whether a notification says a condition is firing or that it is over (Alertmanager's `status`).
public enum AlertStatus: String, Sendable, Codable, CaseIterable {
    case firing
    case resolved
}

/// One alert that a rule raised for a brand on a day, with the evidence that explains it.
///
/// Its ``fingerprint`` (brand, kind, aspect) identifies the condition; its ``episodeID`` one
/// continuous episode of that condition; its ``notificationID`` one message about that episode
/// (the first, a repeat, or the "resolved" one), so the store delivers each notification once.
public struct Alert: Sendable, Equatable, Codable {
    public var brand: String
    public var kind: AlertKind
    /// `service`, `experience`, or nil for the brand as a whole.
    public var aspect: String?
    /// The day the rule fired on (for a resolved notification, the day the episode was declared over).
    public var day: Day
    /// The first day of the episode this alert belongs to.
    public var episodeStart: Day
    /// A one-line headline.
    public var title: String
    /// Lines that explain the alert: window, counts, baseline, p-value.
    public var details: [String]
    /// The top evidence mentions: text and link.
    public var evidence: [Evidence]
    /// Firing, or the episode is over.
    public var status: AlertStatus
    /// Which firing notification of its episode this is: 1 for the first, 2 and up for repeats
    /// (after the repeat interval, or because the episode grew). Resolved notifications keep
    /// the sequence of the last firing one.
    public var sequence: Int
    /// The negative mentions in the alert's window, what "grows" compares; nil for rules
    /// without such a count (trust drop, volume drop).
    public var negatives: Int?
    /// Why the alert is held back (a failing source of the brand), nil when it may be sent.
    public var inhibition: String?

    public init(brand: String, kind: AlertKind, aspect: String?, day: Day, episodeStart: Day,
                title: String, details: [String], evidence: [Evidence] = [], status: AlertStatus = .firing,
                sequence: Int = 1, negatives: Int? = nil, inhibition: String? = nil) {
        self.brand = brand
        self.kind = kind
        self.aspect = aspect
        self.day = day
        self.episodeStart = episodeStart
        self.title = title
        self.details = details
        self.evidence = evidence
        self.status = status
        self.sequence = sequence
        self.negatives = negatives
        self.inhibition = inhibition
    }

    /// brand, kind and aspect: the condition this alert is about.
    public var fingerprint: String { [brand, kind.rawValue, aspect ?? "all"].joined(separator: "|") }
    /// The condition plus the day its episode started.
    public var episodeID: String { fingerprint + "|" + episodeStart.description }
    /// The idempotency key of this notification: the ``episodeID`` for an episode's first
    /// notification (as stores and Message-IDs of earlier versions have it), `episodeID|notice-N`
    /// for the N-th firing notification, `episodeID|resolved` for the resolved one.
    public var notificationID: String {
        switch status {
        case .resolved: episodeID + "|resolved"
        case .firing: sequence <= 1 ? episodeID : episodeID + "|notice-\(sequence)"
        }
    }

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

    enum CodingKeys: String, CodingKey {
        case brand, kind, aspect, day, episodeStart, title, details, evidence, status, sequence, negatives, inhibition
    }

    /// Decodes an alert; the lifecycle fields default (firing, first notice) when absent, as in
    /// payloads stored by earlier versions.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        brand = try c.decode(String.self, forKey: .brand)
        kind = try c.decode(AlertKind.self, forKey: .kind)
        aspect = try c.decodeIfPresent(String.self, forKey: .aspect)
        day = try c.decode(Day.self, forKey: .day)
        episodeStart = try c.decode(Day.self, forKey: .episodeStart)
        title = try c.decode(String.self, forKey: .title)
        details = try c.decode([String].self, forKey: .details)
        evidence = try c.decodeIfPresent([Evidence].self, forKey: .evidence) ?? []
        status = try c.decodeIfPresent(AlertStatus.self, forKey: .status) ?? .firing
        sequence = try c.decodeIfPresent(Int.self, forKey: .sequence) ?? 1
        negatives = try c.decodeIfPresent(Int.self, forKey: .negatives)
        inhibition = try c.decodeIfPresent(String.self, forKey: .inhibition)
    }
}

/// The alert rules and where alerts go.
public struct AlertConfig: Sendable, Decodable, Equatable {
    public var spike: SpikePolicy
    public var trust: TrustPolicy
    /// `alerts.volumeDrop`: when a brand's volume falling far below its baseline alerts.
    public var volumeDrop: VolumeDropPolicy
    /// `alerts.repeat`: when an open episode is notified again.
    public var repeatPolicy: RepeatPolicy
    public var email: EmailConfig?
    public var webhook: WebhookConfig?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case spike, trust, volumeDrop, repeatPolicy = "repeat", email, webhook
    }

    public init(spike: SpikePolicy = .init(), trust: TrustPolicy = .init(), volumeDrop: VolumeDropPolicy = .init(),
                repeatPolicy: RepeatPolicy = .init(), email: EmailConfig? = nil, webhook: WebhookConfig? = nil) {
        self.spike = spike
        self.trust = trust
        self.volumeDrop = volumeDrop
        self.repeatPolicy = repeatPolicy
        self.email = email
        self.webhook = webhook
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        spike = try c.value(.spike, default: SpikePolicy())
        trust = try c.value(.trust, default: TrustPolicy())
        volumeDrop = try c.value(.volumeDrop, default: VolumeDropPolicy())
        repeatPolicy = try c.value(.repeatPolicy, default: RepeatPolicy())
        email = try c.decodeIfPresent(EmailConfig.self, forKey: .email)
        webhook = try c.decodeIfPresent(WebhookConfig.self, forKey: .webhook)
    }
}

/// Email delivery: SMTP (`smtp://host:port`, `smtps://host:port`) or a sendmail binary.
public struct EmailConfig: Sendable, Decodable, Equatable {
    public var smtp: String?
    public var sendmail: String?
    public var starttls: Bool
    public var from: String
    public var to: [String]
    public var username: String?
    /// The name of the environment variable that holds the SMTP password.
    public var passwordEnv: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case smtp, sendmail, starttls, from, to, username, passwordEnv }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        smtp = try c.decodeIfPresent(String.self, forKey: .smtp)
        sendmail = try c.decodeIfPresent(String.self, forKey: .sendmail)
        starttls = try c.value(.starttls, default: true)
        from = try c.decode(String.self, forKey: .from)
        to = try c.decode([String].self, forKey: .to)
        username = try c.decodeIfPresent(String.self, forKey: .username)
        passwordEnv = try c.decodeIfPresent(String.self, forKey: .passwordEnv)
    }
}

/// A URL that receives each alert as a JSON POST.
public struct WebhookConfig: Sendable, Decodable, Equatable {
    public var url: String

    public init(url: String) { self.url = url }
}

/// When a trust-score drop alerts.
public struct TrustPolicy: Sendable, Decodable, Equatable {
    /// The drop in 30 days that alerts.
    public var drop: Double
    /// Rated reviews needed in those 30 days.
    public var minReviews: Int

    enum CodingKeys: String, CodingKey, CaseIterable { case drop, minReviews }

    public init(drop: Double = 0.3, minReviews: Int = 10) {
        self.drop = drop
        self.minReviews = minReviews
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        drop = try c.value(.drop, default: 0.3)
        minReviews = try c.value(.minReviews, default: 10)
    }
}

/// When an open episode is notified again (Alertmanager's `repeat_interval`, plus "grows").
///
/// An episode's first firing is notified at once. While it keeps firing it is notified again
/// only when ``intervalHours`` have passed since its last notification, or earlier when it
/// *grows*: the negative mentions in its window reached at least ``growFactor`` times the count
/// last notified **and** at least ``growBy`` more (both must hold, so 2 → 3 is not growth but
/// 4 → 7 is). Rules without a negative count (trust drop, volume drop) repeat on the interval only.
public struct RepeatPolicy: Sendable, Decodable, Equatable {
    /// Hours between two notifications of an episode that keeps firing (default 24).
    public var intervalHours: Double
    /// The least ratio of negatives to the last notified count that counts as growth (default 1.5).
    public var growFactor: Double
    /// The least increase in negatives over the last notified count that counts as growth (default 3).
    public var growBy: Int

    enum CodingKeys: String, CodingKey, CaseIterable { case intervalHours, growFactor, growBy }

    public init(intervalHours: Double = 24, growFactor: Double = 1.5, growBy: Int = 3) {
        self.intervalHours = intervalHours
        self.growFactor = growFactor
        self.growBy = growBy
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = RepeatPolicy()
        intervalHours = try c.value(.intervalHours, default: d.intervalHours)
        growFactor = try c.value(.growFactor, default: d.growFactor)
        growBy = try c.value(.growBy, default: d.growBy)
        guard intervalHours > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .intervalHours, in: c, debugDescription: "alerts.repeat.intervalHours must be above 0 (hours, e.g. 24)")
        }
        guard growFactor >= 1, growBy >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .growFactor, in: c, debugDescription: "alerts.repeat.growFactor must be at least 1 and growBy at least 0")
        }
    }

    /// The repeat interval in seconds.
    public var interval: Double { intervalHours * 3600 }

    /// Whether `negatives` is clearly more than `notified`: at least ``growFactor`` times it and
    /// at least ``growBy`` more.
    public func grows(from notified: Int, to negatives: Int) -> Bool {
        Double(negatives) >= growFactor * Double(notified) && negatives >= notified + growBy
    }
}

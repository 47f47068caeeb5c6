/// The alert rules and where alerts go.
public struct AlertConfig: Sendable, Decodable, Equatable {
    public var spike: SpikePolicy
    public var trust: TrustPolicy
    public var email: EmailConfig?
    public var webhook: WebhookConfig?

    enum CodingKeys: String, CodingKey, CaseIterable { case spike, trust, email, webhook }

    public init(spike: SpikePolicy = .init(), trust: TrustPolicy = .init(), email: EmailConfig? = nil, webhook: WebhookConfig? = nil) {
        self.spike = spike
        self.trust = trust
        self.email = email
        self.webhook = webhook
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        spike = try c.value(.spike, default: SpikePolicy())
        trust = try c.value(.trust, default: TrustPolicy())
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

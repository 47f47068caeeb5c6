/// Where state lives. SQLite by default; PostgreSQL (with the `PostgreSQL` package trait) when several workers share one history.
public struct StoreConfig: Sendable, Decodable, Equatable {
    /// The SQLite database file; default `.earshot/earshot.sqlite` in the working directory.
    public var path: String?
    /// A `postgres://` URL; needs a build with the `PostgreSQL` trait.
    public var postgres: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case path, postgres }

    public init(path: String? = nil, postgres: String? = nil) {
        self.path = path
        self.postgres = postgres
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decodeIfPresent(String.self, forKey: .path)
        postgres = try c.decodeIfPresent(String.self, forKey: .postgres)
    }
}

/// Which reports to write, and where.
public struct ReportConfig: Sendable, Decodable, Equatable {
    /// The report folder; default `reports/` in the working directory.
    public var dir: String?
    /// How many days of history the charts and tables show.
    public var days: Int

    enum CodingKeys: String, CodingKey, CaseIterable { case dir, days }

    public init(dir: String? = nil, days: Int = 60) {
        self.dir = dir
        self.days = days
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dir = try c.decodeIfPresent(String.self, forKey: .dir)
        days = try c.value(.days, default: 60)
    }
}

/// How sources are fetched.
public struct FetchPolicy: Sendable, Decodable, Equatable {
    /// Sources fetched at once.
    public var concurrency: Int
    /// Requests in flight at once against one host (politeness; default 2). Raise it only for
    /// hosts you run yourself, such as a local mirror.
    public var perHost: Int
    /// Seconds for a whole request.
    public var timeoutSeconds: Double
    /// A URL or address in the User-Agent so site owners can reach whoever runs earshot.
    public var contact: String?
    /// Allow private and loopback addresses (off by default; tests turn it on for 127.0.0.1).
    public var allowPrivateAddresses: Bool
    /// The largest body read, in bytes.
    public var maxBytes: Int

    enum CodingKeys: String, CodingKey, CaseIterable { case concurrency, perHost, timeoutSeconds, contact, allowPrivateAddresses, maxBytes }

    public init(concurrency: Int = 8, perHost: Int = 2, timeoutSeconds: Double = 30, contact: String? = nil,
                allowPrivateAddresses: Bool = false, maxBytes: Int = 32 << 20) {
        self.concurrency = concurrency
        self.perHost = perHost
        self.timeoutSeconds = timeoutSeconds
        self.contact = contact
        self.allowPrivateAddresses = allowPrivateAddresses
        self.maxBytes = maxBytes
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = FetchPolicy()
        concurrency = try c.value(.concurrency, default: defaults.concurrency)
        perHost = try c.value(.perHost, default: defaults.perHost)
        timeoutSeconds = try c.value(.timeoutSeconds, default: defaults.timeoutSeconds)
        contact = try c.decodeIfPresent(String.self, forKey: .contact)
        allowPrivateAddresses = try c.value(.allowPrivateAddresses, default: defaults.allowPrivateAddresses)
        maxBytes = try c.value(.maxBytes, default: defaults.maxBytes)
    }
}

import Foundation

/// How a source has fared over all runs: kept in the store, shown in the report.
public struct SourceHealth: Sendable, Equatable, Codable {
    public var source: String
    public var lastSuccess: Date?
    public var lastFailure: Date?
    public var lastError: String?
    public var consecutiveFailures: Int
    public var fetches: Int
    public var notModified: Int
    /// The source is skipped until then, as the server's `Retry-After` asked.
    public var skipUntil: Date?
    /// When the server answered 410 Gone; the source is skipped while its url is ``retiredURL``.
    public var retiredAt: Date?
    /// The url that answered 410 Gone; a new url in the config brings the source back.
    public var retiredURL: String?

    public init(source: String, lastSuccess: Date? = nil, lastFailure: Date? = nil, lastError: String? = nil,
                consecutiveFailures: Int = 0, fetches: Int = 0, notModified: Int = 0,
                skipUntil: Date? = nil, retiredAt: Date? = nil, retiredURL: String? = nil) {
        self.source = source
        self.lastSuccess = lastSuccess
        self.lastFailure = lastFailure
        self.lastError = lastError
        self.consecutiveFailures = consecutiveFailures
        self.fetches = fetches
        self.notModified = notModified
        self.skipUntil = skipUntil
        self.retiredAt = retiredAt
        self.retiredURL = retiredURL
    }

    /// True when the source answered 410 Gone at `url` and must not be fetched there again.
    public func isRetired(at url: String) -> Bool {
        retiredAt != nil && retiredURL == url
    }
}

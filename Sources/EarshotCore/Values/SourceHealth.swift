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

    public init(source: String, lastSuccess: Date? = nil, lastFailure: Date? = nil, lastError: String? = nil,
                consecutiveFailures: Int = 0, fetches: Int = 0, notModified: Int = 0) {
        self.source = source
        self.lastSuccess = lastSuccess
        self.lastFailure = lastFailure
        self.lastError = lastError
        self.consecutiveFailures = consecutiveFailures
        self.fetches = fetches
        self.notModified = notModified
    }
}

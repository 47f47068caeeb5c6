import Foundation

/// What one run did, source by source; the CLI maps it to the exit status.
public struct RunSummary: Sendable, Codable {
    /// How one source fared in this run.
    public struct SourceOutcome: Sendable, Codable, Equatable {
        /// `skipped`: not fetched this run, because the server's `Retry-After` has not passed yet.
        public enum Status: String, Sendable, Codable { case ok, notModified = "not-modified", skipped, failed }
        public var id: String
        public var status: Status
        public var items: Int
        public var newMentions: Int
        public var message: String?

        public init(id: String, status: Status, items: Int = 0, newMentions: Int = 0, message: String? = nil) {
            self.id = id
            self.status = status
            self.items = items
            self.newMentions = newMentions
            self.message = message
        }
    }

    public var asOf: Date
    public var sources: [SourceOutcome]
    public var newMentions: Int
    public var failures: [StageFailure]
    public var newAlerts: [Alert]
    public var reportDirectory: String?

    public init(asOf: Date, sources: [SourceOutcome] = [], newMentions: Int = 0, failures: [StageFailure] = [],
                newAlerts: [Alert] = [], reportDirectory: String? = nil) {
        self.asOf = asOf
        self.sources = sources
        self.newMentions = newMentions
        self.failures = failures
        self.newAlerts = newAlerts
        self.reportDirectory = reportDirectory
    }

    /// True when every source was read and nothing failed.
    public var succeeded: Bool { failures.isEmpty && !sources.contains { $0.status == .failed } }
}

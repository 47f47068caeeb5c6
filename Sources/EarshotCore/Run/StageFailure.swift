/// A failure that one stage recorded for one source or item while the run went on.
///
/// Stages never stop the batch for a bad input: they return their results plus a list of
/// these, and the CLI turns them into the report's failure list and the exit status.
public struct StageFailure: Sendable, Equatable, Codable {
    /// The pipeline stage: `fetch`, `parse`, `score`, `store`, `alert`, `report`.
    public var stage: String
    /// The source id the failure belongs to, or nil for run-wide failures.
    public var source: String?
    /// The full message, including the place.
    public var message: String

    public init(stage: String, source: String?, message: String) {
        self.stage = stage
        self.source = source
        self.message = message
    }

    public init(stage: String, source: String?, error: any Error) {
        self.init(stage: stage, source: source, message: String(describing: error))
    }
}

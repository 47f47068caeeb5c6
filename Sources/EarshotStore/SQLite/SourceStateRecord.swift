import EarshotCore
import Foundation
import GRDB

/// A row of the `source_state` table: a source's HTTP validators and its health counters.
struct SourceStateRecord: StoreRecord, Equatable {
    static let databaseTableName = "source_state"

    var source: String
    var etag: String?
    var lastModified: String?
    var lastSuccess: Date?
    var lastFailure: Date?
    var lastError: String?
    var consecutiveFailures: Int = 0
    var fetches: Int = 0
    var notModified: Int = 0
    var skipUntil: Date?
    var retiredAt: Date?
    var retiredURL: String?

    enum Columns {
        static let source = Column(CodingKeys.source)
    }

    init(source: String) {
        self.source = source
    }

    /// The stored validators, or nil when the server sent none.
    var validators: HTTPValidators? {
        get {
            let validators = HTTPValidators(etag: etag, lastModified: lastModified)
            return validators.isEmpty ? nil : validators
        }
        set {
            etag = newValue?.etag
            lastModified = newValue?.lastModified
        }
    }

    var health: SourceHealth {
        SourceHealth(source: source, lastSuccess: lastSuccess, lastFailure: lastFailure, lastError: lastError,
                     consecutiveFailures: consecutiveFailures, fetches: fetches, notModified: notModified,
                     skipUntil: skipUntil, retiredAt: retiredAt, retiredURL: retiredURL)
    }
}

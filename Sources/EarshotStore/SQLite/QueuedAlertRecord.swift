import EarshotCore
import Foundation
import GRDB

/// A row of the `alert` table: an alert episode that has been queued for delivery.
///
/// The primary key on `episodeID` is what makes each episode delivered once: inserting the
/// same episode again is ignored, and only an inserted row gets outbox entries.
struct QueuedAlertRecord: StoreRecord, Equatable {
    static let databaseTableName = "alert"

    var episodeID: String
    /// JSON of ``Alert``.
    var payload: Alert
    var firstQueuedAt: Date
}

import EarshotCore
import Foundation
import GRDB

/// A row of the `alert` table: a notification that has been queued for delivery.
///
/// The primary key on `episodeID`, which holds the ``EarshotCore/Alert/notificationID``, is what
/// makes each notification (first, repeat N, resolved) delivered once: inserting the same
/// notification again is ignored, and only an inserted row gets outbox entries.
struct QueuedAlertRecord: StoreRecord, Equatable {
    static let databaseTableName = "alert"

    var episodeID: String
    /// JSON of ``Alert``.
    var payload: Alert
    var firstQueuedAt: Date
}

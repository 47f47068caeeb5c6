import EarshotCore

/// A ``Notifier`` that keeps every message it is given, for unit tests.
///
/// It can be told to fail the next few deliveries, to exercise an outbox's retry path.
public actor InMemoryNotifier: Notifier {
    /// The messages delivered so far, oldest first.
    public private(set) var delivered: [AlertMessage] = []
    /// How many more calls to ``deliver(_:)`` throw before deliveries succeed again.
    public private(set) var failuresLeft: Int

    /// Creates a notifier whose first `failing` deliveries throw `.delivery` errors.
    public init(failing: Int = 0) {
        failuresLeft = failing
    }

    /// Records `message`, or throws while failures are left.
    /// - Throws: ``EarshotCore/EarshotError`` `.delivery` while ``failuresLeft`` is above zero.
    public func deliver(_ message: AlertMessage) async throws {
        if failuresLeft > 0 {
            failuresLeft -= 1
            throw EarshotError(.delivery, "in-memory notifier told to fail; \(failuresLeft) failure(s) left")
        }
        delivered.append(message)
    }

    /// Makes the next `count` deliveries throw.
    public func fail(next count: Int) {
        failuresLeft = count
    }
}

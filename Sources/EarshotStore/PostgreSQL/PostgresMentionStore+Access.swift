#if PostgreSQL
import EarshotCore
import Foundation
import Logging
import PostgresNIO

/// Database access that retries what PostgreSQL asks to retry and turns every failure into an
/// ``EarshotError`` naming the server.
extension PostgresMentionStore {
    /// Runs `updates` in one transaction, again (up to 4 more times) when PostgreSQL aborts it
    /// for a deadlock or a serialization failure with another worker.
    /// - Parameter action: what is being done, for the error message ("could not save …").
    func write<T: Sendable>(_ action: @autoclosure () -> String,
                            _ updates: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await ready()
        let client = self.client, logger = self.logger
        var attempt = 0
        while true {
            do {
                return try await Self.withDeadline(operationTimeout) {
                    try await client.withTransaction(logger: logger) { connection in try await updates(connection) }
                }
            } catch {
                let cause = Self.unwrap(error)
                if attempt < 4, let psql = cause as? PSQLError, Self.isTransient(psql) {
                    attempt += 1
                    continue
                }
                throw storeError(action(), cause)
            }
        }
    }

    /// Runs `value` on one connection (a single statement sees one consistent snapshot).
    func read<T: Sendable>(_ action: @autoclosure () -> String,
                           _ value: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await ready()
        let client = self.client
        do {
            return try await Self.withDeadline(operationTimeout) {
                try await client.withConnection { connection in try await value(connection) }
            }
        } catch {
            throw storeError(action(), Self.unwrap(error))
        }
    }

    func storeError(_ action: String, _ error: any Error) -> EarshotError {
        Self.storeError(action, error, place: configuration.displayURL)
    }

    /// `EarshotError(.store, "<what failed>: <why>; <what to do>", place: url, cause: error)`.
    ///
    /// An ``EarshotError`` thrown inside a transaction passes through unchanged.
    static func storeError(_ action: String, _ error: any Error, place url: String) -> EarshotError {
        let error = unwrap(error)
        let place = EarshotError.Place(file: url)
        if var earshotError = error as? EarshotError {
            if earshotError.place == nil { earshotError.place = place }
            return earshotError
        }
        if error is DeadlineExceeded {
            return EarshotError(.store, "\(action): the PostgreSQL server did not answer in time; check that it runs and that store.postgres names it",
                                place: place, cause: error)
        }
        guard let psql = error as? PSQLError else {
            return EarshotError(.store, "\(action): \(error); check store.postgres and the server, then retry", place: place, cause: error)
        }
        let reason: String
        switch psql.code {
        case .server:
            let state = psql.serverInfo?[.sqlState] ?? ""
            let message = psql.serverInfo?[.message] ?? "no message"
            switch state {
            case let s where s.hasPrefix("23"):
                reason = "a value broke the store's rules (ratings on 1–5, compounds on -1…1): \(message); this is a bug in the stage that produced it"
            case let s where s.hasPrefix("28"):
                reason = "the server refused the user or password (\(message)); check the user in store.postgres and PGPASSWORD"
            case "3D000":
                reason = "\(message); create the database (createdb) or fix its name in store.postgres"
            case "42501":
                reason = "the user may not do this (\(message)); grant it CREATE and USAGE on the schema, or use another schema"
            case "53300":
                reason = "the server has no free connection (\(message)); raise max_connections or run fewer workers"
            case let s where s.hasPrefix("57P") || s.hasPrefix("08"):
                reason = "the server went away (\(message)); retry when it is back"
            default:
                reason = "PostgreSQL failed with \(state): \(message); check the server's log"
            }
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            let underlying = psql.underlying.map { ": \($0)" } ?? ""
            reason = "could not talk to the PostgreSQL server\(underlying); check that it runs and that store.postgres names it"
        case .sslUnsupported:
            reason = "the server does not offer TLS; use sslmode=prefer or sslmode=disable in store.postgres"
        case .authMechanismRequiresPassword, .unsupportedAuthMechanism, .saslError:
            reason = "the server asks for a password the store does not have or cannot use; put it in PGPASSWORD or in store.postgres"
        default:
            reason = "PostgresNIO failed (\(psql.code)); check store.postgres and the server, then retry"
        }
        // PSQLError's own description hides everything (it may hold query values); the reason
        // above carries the server's message, the cause its SQLSTATE.
        return EarshotError(.store, "\(action): \(reason)", place: place, cause: psql.serverInfo?[.sqlState].map(SQLState.init))
    }

    /// The SQLSTATE of a server error, shown as the cause of an ``EarshotError``.
    struct SQLState: Error, CustomStringConvertible {
        var code: String
        var description: String { "SQLSTATE \(code)" }
    }

    /// The error inside PostgresNIO's transaction wrapper.
    static func unwrap(_ error: any Error) -> any Error {
        if let transaction = error as? PostgresTransactionError {
            return transaction.closureError ?? transaction.commitError ?? transaction.beginError ?? transaction.rollbackError ?? error
        }
        return error
    }

    /// A deadlock or serialization failure: the transaction may simply be run again.
    static func isTransient(_ error: PSQLError) -> Bool {
        guard error.code == .server, let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    /// Thrown when a call waited longer than ``operationTimeout``.
    struct DeadlineExceeded: Error, CustomStringConvertible {
        var seconds: TimeInterval
        var description: String { "no answer after \(Int(seconds)) seconds" }
    }

    /// Runs `body`, cancelling it after `seconds`.
    static func withDeadline<T: Sendable>(_ seconds: TimeInterval, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw DeadlineExceeded(seconds: seconds) }
            return value
        }
    }
}
#endif

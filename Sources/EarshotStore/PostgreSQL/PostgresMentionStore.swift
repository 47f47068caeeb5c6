#if PostgreSQL
import EarshotCore
import Foundation
import Logging
import PostgresNIO

/// The shared ``MentionStore``: a PostgreSQL database that several `earshot run --shard K/N`
/// workers use at once (built only with the `PostgreSQL` package trait).
///
/// It keeps exactly what ``SQLiteMentionStore`` keeps, with the same rules: mentions stored
/// once by id, validators and health per source, alert episodes, each notification queued
/// once under its ``Alert/notificationID``, and an outbox entry per notification and channel.
/// Every method that changes state is one transaction; rows that two workers may add at the
/// same time are inserted with `ON CONFLICT DO NOTHING` against the unique keys, so the
/// worker whose insert wins is the only one that sees the mention or notice as new.
/// ``pendingDeliveries(at:)`` claims the entries it returns for this store (one store per
/// process) with `FOR UPDATE SKIP LOCKED` and a lease (``claimLease``), so two workers
/// delivering at the same time never both get an entry; a worker that dies leaves its claims
/// to expire. The schema (see ``PostgresSchema``) is created or migrated on open.
///
/// Open it with ``open(_:logger:)``, which connects once to report a wrong address, user or
/// database at once, or with ``init(_:claimLease:operationTimeout:logger:)`` which connects
/// on first use. Call ``close()`` when done.
///
/// Errors are ``EarshotError`` with code ``EarshotError/Code/store``, the URL without its
/// password as their place, a message that says what failed and what to do, and PostgresNIO's
/// error as cause.
public final class PostgresMentionStore: MentionStore, Sendable {
    /// Where the store lives.
    public let configuration: PostgresStoreConfiguration
    /// How long the entries returned by ``pendingDeliveries(at:)`` stay claimed by this store
    /// unless it marks them first (measured on the database server's clock).
    public let claimLease: TimeInterval
    /// This store's name on the outbox entries it claims: unique per instance.
    let claimant: String
    /// The longest one call may wait for the server (PostgresNIO's pool waits for ever for a
    /// server that is down).
    let operationTimeout: TimeInterval
    let client: PostgresClient
    let logger: Logger
    private let running: Task<Void, Never>
    private let prepared: Task<Void, any Error>

    /// Creates the store; the first call connects and creates or migrates the schema (and
    /// throws if that fails).
    /// - Parameters:
    ///   - configuration: the server, database and schema.
    ///   - claimLease: how long claimed outbox entries stay claimed (default 10 minutes).
    ///   - operationTimeout: how long one call may wait for the server (default 60 seconds; PostgresNIO's pool would wait for ever for a server that went away).
    ///   - logger: PostgresNIO's background logger.
    public init(_ configuration: PostgresStoreConfiguration, claimLease: TimeInterval = 600,
                operationTimeout: TimeInterval = 60, logger: Logger = Logger(label: "earshot.store.postgres")) {
        self.configuration = configuration
        self.claimLease = claimLease
        self.operationTimeout = operationTimeout
        self.logger = logger
        claimant = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString)"
        let client = PostgresClient(configuration: configuration.clientConfiguration, backgroundLogger: logger)
        self.client = client
        running = Task { await client.run() }
        prepared = Task {
            try await PostgresSchema(schema: configuration.schema).prepare(configuration, logger: logger, timeout: operationTimeout)
        }
    }

    /// Opens the store: connects, creates or migrates the schema, and returns it.
    /// - Throws: ``EarshotError`` (``EarshotError/Code/store``) when the server cannot be
    ///   reached, refuses the user, has no such database, when the schema holds tables that are
    ///   not earshot's, or when it was written by a newer earshot.
    public static func open(_ configuration: PostgresStoreConfiguration, logger: Logger = Logger(label: "earshot.store.postgres")) async throws
        -> PostgresMentionStore {
        let store = PostgresMentionStore(configuration, logger: logger)
        do {
            try await store.ready()
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    /// Closes the connections; the store cannot be used afterwards.
    public func close() async {
        running.cancel()
        await running.value
    }

    deinit {
        running.cancel()
    }

    /// Waits until the schema is ready.
    func ready() async throws {
        do {
            try await prepared.value
        } catch {
            throw storeError("could not open the store", error)
        }
    }

    /// Runs one SQL statement in its own transaction (for tests and diagnostics).
    func execute(_ sql: String) async throws {
        let logger = self.logger
        try await write("could not run '\(sql)'") { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }

    /// The migrations applied to the schema, in order (for tests and diagnostics).
    func appliedMigrations() async throws -> [String] {
        try await read("could not read the store's migrations") { connection in
            try await PostgresSchema(schema: self.configuration.schema).appliedMigrations(connection, logger: self.logger)
        }
    }
}
#endif

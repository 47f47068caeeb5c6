#if PostgreSQL
import EarshotCore
import Foundation
import Logging
import PostgresNIO

/// Owns the schema of the PostgreSQL store: the one place that knows its migrations.
///
/// The tables are those of ``StoreMigrator``'s SQLite schema at `v3-alert-notices`, with two
/// outbox columns for the claims of several workers. Dates are `double precision` seconds
/// since 1970 (so they round-trip exactly, as in SQLite); keys are compared byte-wise
/// (`COLLATE "C"`), so orders match SQLite's whatever the database's locale.
///
/// Migrations are never edited once released; a change is a new entry appended to
/// ``migrations``. ``prepare(_:logger:timeout:)`` runs in one transaction under an advisory
/// lock, so workers that start together migrate once; it refuses a schema that holds tables
/// but no `earshot_migration` (another program's), and one migrated by a newer earshot.
struct PostgresSchema: Sendable {
    /// The advisory lock key taken while migrating: "EARS" in ASCII.
    static let lockKey = 0x4541_5253

    /// The schema's name, a plain lower-case identifier.
    var schema: String

    /// Every migration, in order: a name and its statements.
    static let migrations: [(name: String, statements: [String])] = [
        ("v1", [
            """
            CREATE TABLE mention (
                id text COLLATE "C" PRIMARY KEY,
                brand text COLLATE "C" NOT NULL,
                source text COLLATE "C" NOT NULL,
                title text,
                text text NOT NULL,
                url text,
                author text,
                published_at double precision NOT NULL,
                day integer NOT NULL,
                rating double precision CHECK (rating >= 1 AND rating <= 5),
                lang text NOT NULL,
                compound double precision NOT NULL CHECK (compound >= -1 AND compound <= 1),
                pos double precision NOT NULL,
                neu double precision NOT NULL,
                neg double precision NOT NULL,
                aspects text NOT NULL,
                terms text NOT NULL,
                inserted_at double precision NOT NULL
            )
            """,
            "CREATE INDEX mention_on_day ON mention (day)",
            "CREATE INDEX mention_on_brand_day ON mention (brand, day)",
            """
            CREATE TABLE source_state (
                source text COLLATE "C" PRIMARY KEY,
                etag text,
                last_modified text,
                last_success double precision,
                last_failure double precision,
                last_error text,
                consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
                fetches integer NOT NULL DEFAULT 0 CHECK (fetches >= 0),
                not_modified integer NOT NULL DEFAULT 0 CHECK (not_modified >= 0),
                skip_until double precision,
                retired_at double precision,
                retired_url text
            )
            """,
            """
            CREATE TABLE alert_episode (
                fingerprint text COLLATE "C",
                start integer,
                last_fired integer NOT NULL,
                resolved integer,
                notices integer NOT NULL DEFAULT 0 CHECK (notices >= 0),
                last_notified_at double precision,
                last_notified_negatives integer,
                PRIMARY KEY (fingerprint, start),
                CHECK (last_fired >= start),
                CHECK (resolved IS NULL OR resolved >= start)
            )
            """,
            """
            CREATE TABLE alert (
                episode_id text COLLATE "C" PRIMARY KEY,
                payload text NOT NULL,
                first_queued_at double precision NOT NULL
            )
            """,
            """
            CREATE TABLE outbox (
                episode_id text COLLATE "C" REFERENCES alert ON DELETE CASCADE,
                channel text COLLATE "C",
                payload text NOT NULL,
                attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                created_at double precision NOT NULL,
                delivered_at double precision,
                last_error text,
                next_attempt_at double precision,
                claimed_by text,
                claimed_until double precision,
                PRIMARY KEY (episode_id, channel)
            )
            """,
            "CREATE INDEX outbox_on_pending ON outbox (created_at, episode_id, channel) WHERE delivered_at IS NULL",
        ]),
    ]

    /// Connects once, checks the schema, and applies the migrations it lacks, in one transaction.
    /// - Throws: ``EarshotError`` when the schema belongs to another program or a newer
    ///   earshot; PostgresNIO's errors when the server cannot be reached or refuses.
    func prepare(_ configuration: PostgresStoreConfiguration, logger: Logger, timeout: TimeInterval) async throws {
        let connection = try await PostgresMentionStore.withDeadline(timeout) {
            try await PostgresConnection.connect(configuration: try configuration.connectionConfiguration(), id: 1, logger: logger)
        }
        do {
            try await PostgresMentionStore.withDeadline(timeout) {
                try await connection.withTransaction(logger: logger) { connection in
                    try await migrate(connection, logger: logger)
                }
            }
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
    }

    private func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))", logger: logger)
        try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: quoted)", logger: logger)
        let tables = try await connection.query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema::text = \(schema)", logger: logger)
        var names: Set<String> = []
        for try await name in tables.decode(String.self) { names.insert(name) }
        if !names.isEmpty && !names.contains("earshot_migration") {
            throw EarshotError(.store, "the schema '\(schema)' holds tables that are not an earshot store; add ?schema=earshot (or another new name) to store.postgres, or use an empty database")
        }
        try await connection.query("""
            CREATE TABLE IF NOT EXISTS \(unescaped: quoted).earshot_migration (
                name text PRIMARY KEY, position integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
            """, logger: logger)
        let applied = try await appliedMigrations(connection, logger: logger)
        let known = Self.migrations.map(\.name)
        if applied.contains(where: { !known.contains($0) }) {
            throw EarshotError(.store, "the store was written by a newer version of earshot; upgrade earshot or point store.postgres at another schema")
        }
        for (position, migration) in Self.migrations.enumerated() where !applied.contains(migration.name) {
            for statement in migration.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query("INSERT INTO \(unescaped: quoted).earshot_migration (name, position) VALUES (\(migration.name), \(position))", logger: logger)
        }
    }

    /// The migrations applied to the schema, in the order they were applied.
    func appliedMigrations(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
        let rows = try await connection.query(
            "SELECT name FROM \(unescaped: quoted).earshot_migration ORDER BY position", logger: logger)
        var names: [String] = []
        for try await name in rows.decode(String.self) { names.append(name) }
        return names
    }

    private var quoted: String { "\"\(schema)\"" }
}
#endif

import EarshotCore
import Foundation
import GRDB

/// The default ``MentionStore``: an SQLite database, accessed through GRDB.
///
/// A file store (``init(path:busyTimeout:)``) uses a WAL-mode `DatabasePool`, so reads run
/// beside the one writer and a process killed mid-run loses at most the transaction it was
/// writing. An in-memory store (``init(inMemory:)``) serves tests. Every method that changes
/// state is one `IMMEDIATE` transaction; invariants (unique mention ids and alert episodes,
/// ratings on 1–5, compounds on -1…1) are constraints of the schema that ``StoreMigrator`` owns.
///
/// Errors are ``EarshotError`` with code ``EarshotError/Code/store``, the database file as
/// their place, a message that says what failed and what to do, and SQLite's error as cause.
public final class SQLiteMentionStore: MentionStore, Sendable {
    /// The database file, or `:memory:` and a name for an in-memory store; shown in errors.
    public let path: String
    let writer: any DatabaseWriter
    let schema = StoreMigrator()

    /// Opens (creating if needed) the store in the SQLite file at `path`, and migrates it.
    ///
    /// The folder that holds the file is created if missing.
    /// - Parameters:
    ///   - path: the database file, such as `.earshot/earshot.sqlite`.
    ///   - busyTimeout: how long a write waits for another process that holds the database
    ///     before it fails with a "locked" error.
    /// - Throws: ``EarshotError`` (``EarshotError/Code/store``) when the folder cannot be created,
    ///   the file is not an SQLite database, is corrupt, locked, unreadable, belongs to another
    ///   program, or was written by a newer earshot.
    public init(path: URL, busyTimeout: TimeInterval = 10) throws {
        let file = path.standardizedFileURL
        self.path = file.path
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw EarshotError(.store, "could not create the store's folder; check that the path is a folder you may write to",
                               place: .init(file: folder.path), cause: error)
        }
        var configuration = Self.configuration(label: "earshot")
        configuration.busyMode = .timeout(busyTimeout)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: file.path, configuration: configuration)
        } catch {
            throw Self.storeError("could not open the store", error, path: file.path)
        }
        writer = pool
        try open()
    }

    /// Creates an empty store in memory, gone when the store is released; for tests.
    /// - Parameter name: a name shown in errors and traces.
    /// - Throws: ``EarshotError`` if the schema cannot be created.
    public init(inMemory name: String) throws {
        path = ":memory:" + name
        do {
            writer = try DatabaseQueue(configuration: Self.configuration(label: name))
        } catch {
            throw Self.storeError("could not create the in-memory store", error, path: path)
        }
        try open()
    }

    private func open() throws {
        do {
            try schema.prepare(writer, path: path)
        } catch {
            throw storeError("could not open the store", error)
        }
    }

    private static func configuration(label: String) -> Configuration {
        var configuration = Configuration()
        configuration.label = label
        configuration.foreignKeysEnabled = true
        return configuration
    }

    /// The migrations applied to the database, in order (for tests and diagnostics).
    func appliedMigrations() throws -> [String] {
        try schema.appliedMigrations(writer)
    }
}

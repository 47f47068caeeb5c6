import EarshotCore
import EarshotStore
import Foundation
import Logging

/// Opens the store a configuration names for `run` and `backtest`: SQLite at `store.path`
/// (default `.earshot/earshot.sqlite`), or the shared PostgreSQL at `store.postgres` in a build
/// with the `PostgreSQL` trait.
struct StoreOpener: Sendable {
    /// What `store.postgres` says in a build without the trait.
    static let traitMissing = "store.postgres needs earshot built with the PostgreSQL trait: swift build -c release --traits PostgreSQL (or remove store.postgres to use SQLite at store.path)"

    enum Kind: Sendable, Equatable {
        case sqlite(URL)
        case postgres(url: String)
    }

    let kind: Kind

    /// Chooses the store; `store.postgres` wins over `store.path`.
    /// - Parameter sqliteFile: the SQLite file, used when the config names no PostgreSQL.
    /// - Throws: ``EarshotError`` (``EarshotError/Code/configuration``) when `store.postgres` is
    ///   not a valid URL, or this build lacks the trait.
    init(configuration: EarshotConfiguration, sqliteFile: URL) throws {
        guard let url = configuration.store.postgres else {
            kind = .sqlite(sqliteFile)
            return
        }
        #if PostgreSQL
        _ = try PostgresStoreConfiguration(url: url)
        kind = .postgres(url: url)
        #else
        throw EarshotError(.configuration, Self.traitMissing)
        #endif
    }

    /// Whether several workers can share the store (`--shard` needs it).
    var isShared: Bool {
        if case .postgres = kind { return true }
        return false
    }

    /// Opens the store, runs `body` with it, and closes it.
    /// - Throws: ``EarshotError`` (``EarshotError/Code/store``) when the store cannot be opened;
    ///   whatever `body` throws.
    func withStore<T>(logger: Logger, _ body: (any MentionStore) async throws -> T) async throws -> T {
        switch kind {
        case .sqlite(let file):
            return try await body(try SQLiteMentionStore(path: file))
        case .postgres(let url):
            #if PostgreSQL
            // PostgresNIO logs every connection's life at debug: keep --verbose readable.
            var storeLogger = logger
            storeLogger.logLevel = max(logger.logLevel, .info)
            let store = try await PostgresMentionStore.open(try PostgresStoreConfiguration(url: url), logger: storeLogger)
            do {
                let value = try await body(store)
                await store.close()
                return value
            } catch {
                await store.close()
                throw error
            }
            #else
            _ = url
            throw EarshotError(.configuration, Self.traitMissing)
            #endif
        }
    }
}

#if PostgreSQL
@testable import EarshotStore
import EarshotCore
import Foundation

/// The PostgreSQL server the tests of a `PostgreSQL`-trait build talk to: the one named by
/// `EARSHOT_TEST_POSTGRES` (`scripts/test` starts a throwaway one on 127.0.0.1 and sets it).
///
/// Without the variable every PostgreSQL test fails with a message that says how to set it:
/// a trait build never skips them silently.
enum PostgresTestServer {
    static let variable = "EARSHOT_TEST_POSTGRES"

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "\(PostgresTestServer.variable) is not set: the PostgreSQL tests need a server to talk to, such as "
                + "\(PostgresTestServer.variable)=postgres://earshot@127.0.0.1:5432/earshot_test (scripts/test starts one)"
        }
    }

    /// The server's configuration, in its default schema.
    static func configuration() throws -> PostgresStoreConfiguration {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else { throw Missing() }
        return try PostgresStoreConfiguration(url: url)
    }

    /// A new schema name, unused so far.
    static func freshSchema() -> String {
        "earshot_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// A store in a new, empty schema of its own.
    static func freshStore(claimLease: TimeInterval = 600) throws -> PostgresMentionStore {
        PostgresMentionStore(try configuration().inSchema(freshSchema()), claimLease: claimLease)
    }

    /// `count` stores (workers) sharing one new schema.
    static func workers(_ count: Int, claimLease: TimeInterval = 600) throws -> [PostgresMentionStore] {
        let shared = try configuration().inSchema(freshSchema())
        return (0..<count).map { _ in PostgresMentionStore(shared, claimLease: claimLease) }
    }
}
#endif

import EarshotStore
import Testing

/// The implementations the behavioural suite runs against: each test is one case per kind.
///
/// In a build with the `PostgreSQL` trait the suite also runs against a real PostgreSQL server,
/// named by `EARSHOT_TEST_POSTGRES` (see ``PostgresTestServer``), each case in a new schema.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case memory
    #if PostgreSQL
    case postgres
    #endif

    /// A new, empty store of this kind.
    func make() throws -> any MentionStore {
        switch self {
        case .sqlite: try SQLiteMentionStore(inMemory: "test")
        case .memory: InMemoryMentionStore()
        #if PostgreSQL
        case .postgres: try PostgresTestServer.freshStore()
        #endif
        }
    }

    var testDescription: String { rawValue }
}

import EarshotStore
import Testing

/// The implementations the behavioural suite runs against: each test is one case per kind.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case memory

    /// A new, empty store of this kind.
    func make() throws -> any MentionStore {
        switch self {
        case .sqlite: try SQLiteMentionStore(inMemory: "test")
        case .memory: InMemoryMentionStore()
        }
    }

    var testDescription: String { rawValue }
}

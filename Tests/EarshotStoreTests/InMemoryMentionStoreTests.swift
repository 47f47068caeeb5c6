import EarshotCore
import EarshotStore
import Foundation
import Testing

/// What only the in-memory store promises: each instance is its own, empty store.
/// (Its behaviour is tested with the SQLite store's in ``MentionStoreTests``.)
struct InMemoryMentionStoreTests {
    @Test func instancesDoNotShareState() async throws {
        let one = InMemoryMentionStore()
        let two = InMemoryMentionStore()

        _ = try await one.commit(source: "feed", mentions: [Sample.mention("a")], validators: nil, notModified: false, at: Sample.date())

        #expect(try await two.mentions(in: Sample.day...Sample.day) == [])
        #expect(try await two.commit(source: "feed", mentions: [Sample.mention("a")], validators: nil, notModified: false,
                                     at: Sample.date()) == [Sample.mention("a")])
    }
}

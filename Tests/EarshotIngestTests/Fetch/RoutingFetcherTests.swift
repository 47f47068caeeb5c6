import EarshotCore
import Foundation
import Testing
@testable import EarshotIngest

/// Sources go to the file or the HTTP fetcher by their url.
struct RoutingFetcherTests {
    let now = Date(timeIntervalSince1970: 1_714_521_600)

    @Test func sendsHTTPAndFilesToTheirFetchers() async throws {
        let files = InMemoryFetcher(documents: ["local": Array("file".utf8)])
        let http = InMemoryFetcher(documents: ["remote": Array("http".utf8)])
        let router = RoutingFetcher(files: files, http: http)
        let remote = try await router.fetch(SourceConfig(id: "remote", url: "HTTPS://feeds.example/x"), validators: nil, now: now)
        let local = try await router.fetch(SourceConfig(id: "local", url: "feeds/x.xml"), validators: nil, now: now)
        #expect(remote.bytes == Array("http".utf8))
        #expect(local.bytes == Array("file".utf8))
        await #expect(throws: EarshotError.self) {
            try await router.fetch(SourceConfig(id: "local", url: "https://feeds.example/x"), validators: nil, now: now)
        }
    }
}

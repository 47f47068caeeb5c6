import EarshotCore
import Foundation
import NIOHTTP1
import Testing
@testable import EarshotIngest

/// HTTPFetcher following redirects itself, against a real server on 127.0.0.1.
struct HTTPFetcherRedirectTests {
    let policy = FetchPolicy(timeoutSeconds: 30, contact: "https://earshot.example/contact", allowPrivateAddresses: true)
    let now = Date(timeIntervalSince1970: 1_714_521_600)
    let feed = Array("<rss version=\"2.0\"><channel><title>Served</title></channel></rss>".utf8)

    func outcome(_ url: String) async throws -> HTTPFetchOutcome {
        try await HTTPFetcher.withTestFetcher(policy: policy) {
            try await $0.fetchOutcome(SourceConfig(id: "moved", url: url), validators: nil, now: now)
        }
    }

    func fetchError(_ url: String) async throws -> EarshotError {
        do {
            _ = try await outcome(url)
        } catch let error as EarshotError {
            return error
        }
        Issue.record("the fetch succeeded")
        throw CancellationError()
    }

    @Test(.timeLimit(.minutes(1)))
    func movedPermanentlyThenOKReportsTheNewURL() async throws {
        let feed = feed
        try await TestHTTPServer.with({ head in
            head.uri == "/old" ? .init(status: .movedPermanently, headers: [("Location", "/new")]) : .init(status: .ok, body: feed)
        }) { server in
            let outcome = try await outcome(server.url("/old"))
            #expect(outcome.document.bytes == feed)
            #expect(outcome.document.finalURL == server.url("/new"))
            #expect(outcome.permanentRedirect == server.url("/new"))
            #expect(outcome.redirects == [server.url("/new")])
            #expect(server.requests.map(\.uri) == ["/old", "/new"])
            #expect(server.requests.allSatisfy { $0.headers.first(name: "User-Agent")?.contains("earshot") == true })
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func permanentRedirect308IsReported() async throws {
        let feed = feed
        try await TestHTTPServer.with({ head in
            head.uri == "/old" ? .init(status: .permanentRedirect, headers: [("Location", "/new")]) : .init(status: .ok, body: feed)
        }) { server in
            let outcome = try await outcome(server.url("/old"))
            #expect(outcome.permanentRedirect == server.url("/new"))
            #expect(outcome.document.finalURL == server.url("/new"))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func temporaryRedirectIsNotPermanent() async throws {
        let feed = feed
        try await TestHTTPServer.with({ head in
            switch head.uri {
            case "/old": .init(status: .movedPermanently, headers: [("Location", "/moved")])
            case "/moved": .init(status: .found, headers: [("Location", "/today")])
            default: .init(status: .ok, body: feed)
            }
        }) { server in
            let outcome = try await outcome(server.url("/old"))
            #expect(outcome.document.finalURL == server.url("/today"))
            // Only the unbroken run of permanent hops counts: the source moved to /moved, not /today.
            #expect(outcome.permanentRedirect == server.url("/moved"))
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml", "gopher://example.com/"])
    func redirectToAnotherSchemeIsRefused(_ location: String) async throws {
        try await TestHTTPServer.with({ _ in .init(status: .found, headers: [("Location", location)]) }) { server in
            let error = try await fetchError(server.url("/feed"))
            #expect(error.code == .fetch)
            #expect(error.message.contains("only http and https"), "\(error)")
            #expect(error.place?.source == "moved")
            #expect(server.requests.count == 1)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func redirectLoopIsRefused() async throws {
        try await TestHTTPServer.with({ head in
            .init(status: .movedPermanently, headers: [("Location", head.uri == "/a" ? "/b" : "/a")])
        }) { server in
            let error = try await fetchError(server.url("/a"))
            #expect(error.code == .fetch)
            #expect(error.message.contains("loop"), "\(error)")
            #expect(server.requests.count == 2)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func moreThanFiveRedirectsAreRefused() async throws {
        try await TestHTTPServer.with({ head in
            let hop = Int(head.uri.dropFirst()) ?? 0
            return .init(status: .temporaryRedirect, headers: [("Location", "/\(hop + 1)")])
        }) { server in
            let error = try await fetchError(server.url("/0"))
            #expect(error.code == .fetch)
            #expect(error.message.contains("more than 5 redirects"), "\(error)")
            #expect(server.requests.count == 6)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func fiveRedirectsAreFollowed() async throws {
        let feed = feed
        try await TestHTTPServer.with({ head in
            let hop = Int(head.uri.dropFirst()) ?? 0
            return hop < 5 ? .init(status: .seeOther, headers: [("Location", "/\(hop + 1)")]) : .init(status: .ok, body: feed)
        }) { server in
            let outcome = try await outcome(server.url("/0"))
            #expect(outcome.document.finalURL == server.url("/5"))
            #expect(outcome.redirects.count == 5)
            #expect(outcome.permanentRedirect == nil)
        }
    }
}

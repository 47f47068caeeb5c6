import AsyncHTTPClient
import EarshotCore
import Foundation
import NIOCore
import NIOHTTP1
import Testing
@testable import EarshotIngest

/// HTTPFetcher against a real HTTP server on 127.0.0.1 that each test starts itself.
struct HTTPFetcherTests {
    let policy = FetchPolicy(timeoutSeconds: 30, contact: "https://earshot.example/contact", allowPrivateAddresses: true)
    let now = Date(timeIntervalSince1970: 1_714_521_600)
    let feed = Array("<rss version=\"2.0\"><channel><title>Served</title></channel></rss>".utf8)
    let etag = "W/\"feed-v1\""
    let lastModified = "Wed, 01 May 2024 12:00:00 GMT"

    /// Runs `body` with a fetcher whose client is configured as earshot configures it, and shut down afterwards.
    func withFetcher<T>(_ body: (HTTPFetcher) async throws -> T) async throws -> T {
        try await HTTPClient.withHTTPClient(configuration: HTTPFetcher.makeConfiguration(policy: policy)) { client in
            try await body(HTTPFetcher(client: client, policy: policy))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func okReturnsBodyAndValidatorsExactly() async throws {
        let (feed, etag, lastModified) = (feed, etag, lastModified)
        try await TestHTTPServer.with({ _ in
            .init(status: .ok, headers: [("Content-Type", "application/rss+xml; charset=\"ISO-8859-1\""), ("ETag", etag),
                                         ("Last-Modified", lastModified)], body: feed)
        }) { server in
            let source = SourceConfig(id: "served", url: server.url("/feed.xml"))
            let document = try await withFetcher { try await $0.fetch(source, validators: nil, now: now) }
            #expect(document.bytes == feed)
            #expect(document.notModified == false)
            #expect(document.validators == HTTPValidators(etag: etag, lastModified: lastModified))
            #expect(document.charset == "ISO-8859-1")
            #expect(document.fetchedAt == now)
            #expect(document.source == "served")

            let request = try #require(server.requests.first)
            #expect(request.method == .GET)
            #expect(request.uri == "/feed.xml")
            #expect(request.headers.first(name: "User-Agent")?.contains("earshot") == true)
            #expect(request.headers.first(name: "User-Agent")?.contains("https://earshot.example/contact") == true)
            #expect(request.headers["If-None-Match"].isEmpty)
            #expect(request.headers["If-Modified-Since"].isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func conditionalRequestAnswered304IsNotModified() async throws {
        let (feed, etag, lastModified) = (feed, etag, lastModified)
        try await TestHTTPServer.with({ head in
            if head.headers.first(name: "If-None-Match") == etag {
                return .init(status: .notModified, headers: [("ETag", etag)])
            }
            return .init(status: .ok, headers: [("ETag", etag), ("Last-Modified", lastModified)], body: feed)
        }) { server in
            let source = SourceConfig(id: "served", url: server.url("/feed.xml"))
            let (first, second) = try await withFetcher { fetcher in
                let first = try await fetcher.fetch(source, validators: nil, now: now)
                let second = try await fetcher.fetch(source, validators: first.validators, now: now.addingTimeInterval(3600))
                return (first, second)
            }
            #expect(first.notModified == false)
            #expect(second.notModified == true)
            #expect(second.bytes.isEmpty)
            #expect(second.validators == HTTPValidators(etag: etag, lastModified: lastModified))
            // The validators went back exactly as received.
            let conditional = try #require(server.requests.last)
            #expect(conditional.headers.first(name: "If-None-Match") == etag)
            #expect(conditional.headers.first(name: "If-Modified-Since") == lastModified)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func serverErrorIsAnHTTPError() async throws {
        try await TestHTTPServer.with({ _ in .init(status: .internalServerError, body: Array("oops".utf8)) }) { server in
            let source = SourceConfig(id: "broken", url: server.url("/feed.xml"))
            let error = await #expect(throws: EarshotError.self) {
                try await withFetcher { try await $0.fetch(source, validators: nil, now: now) }
            }
            #expect(error?.code == .http)
            #expect(error?.message.contains("500") == true, "\(String(describing: error))")
            #expect(error?.place?.source == "broken")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func notFoundIsAnHTTPError() async throws {
        try await TestHTTPServer.with({ _ in .init(status: .notFound) }) { server in
            let error = await #expect(throws: EarshotError.self) {
                try await withFetcher { try await $0.fetch(SourceConfig(id: "x", url: server.url("/gone")), validators: nil, now: now) }
            }
            #expect(error?.code == .http)
            #expect(error?.message.contains("404") == true)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func gzipBodyIsDecoded() async throws {
        let folder = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures")
        let compressed = [UInt8](try Data(contentsOf: folder.appendingPathComponent("http/rss20_basic.xml.gz")))
        let plain = [UInt8](try Data(contentsOf: folder.appendingPathComponent("rss20_basic.xml")))
        #expect(compressed.starts(with: [0x1F, 0x8B]), "the fixture is gzip")
        try await TestHTTPServer.with({ head in
            guard head.headers.first(name: "Accept-Encoding")?.contains("gzip") == true else {
                return .init(status: .notAcceptable)
            }
            return .init(status: .ok, headers: [("Content-Type", "application/rss+xml"), ("Content-Encoding", "gzip")], body: compressed)
        }) { server in
            let document = try await withFetcher {
                try await $0.fetch(SourceConfig(id: "gz", url: server.url("/feed.xml")), validators: nil, now: now)
            }
            #expect(document.bytes == plain)
            #expect(document.charset == nil)
            #expect(try XMLFeedParser().parse(document.bytes, path: "gz").items.count == 2)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func followsRedirectsAndReportsTheFinalURL() async throws {
        let feed = feed
        try await TestHTTPServer.with({ head in
            head.uri == "/old"
                ? .init(status: .movedPermanently, headers: [("Location", "/new")])
                : .init(status: .ok, body: feed)
        }) { server in
            let document = try await withFetcher {
                try await $0.fetch(SourceConfig(id: "moved", url: server.url("/old")), validators: nil, now: now)
            }
            #expect(document.bytes == feed)
            #expect(document.finalURL == server.url("/new"))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func bodyOverTheLimitIsAFetchError() async throws {
        let small = FetchPolicy(timeoutSeconds: 30, allowPrivateAddresses: true, maxBytes: 1024)
        try await TestHTTPServer.with({ _ in .init(status: .ok, body: [UInt8](repeating: 0x41, count: 64 * 1024)) }) { server in
            let error = await #expect(throws: EarshotError.self) {
                try await HTTPClient.withHTTPClient(configuration: HTTPFetcher.makeConfiguration(policy: small)) { client in
                    try await HTTPFetcher(client: client, policy: small)
                        .fetch(SourceConfig(id: "big", url: server.url("/big")), validators: nil, now: now)
                }
            }
            #expect(error?.code == .fetch)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func refusedConnectionIsAFetchError() async throws {
        // A port bound but not listening refuses connections, and stays ours while bound: a port
        // freed by closing a server could be taken by another test's server at once.
        let port = try BoundPort()
        defer { port.close() }
        let url = "http://127.0.0.1:\(port.number)/feed.xml"
        let error = await #expect(throws: EarshotError.self) {
            try await withFetcher { try await $0.fetch(SourceConfig(id: "down", url: url), validators: nil, now: now) }
        }
        #expect(error?.code == .fetch)
        #expect(error?.place?.source == "down")
        // Refused, not timed out: the fetcher's own two retries ran, each failing at once.
        #expect(error?.message.hasPrefix("request failed; check the URL and the network (after 2 retries)") == true, "\(String(describing: error))")
    }

    /// A refused connection is retried even when it was reported after the attempt's time (a
    /// starved machine reports it late); other network errors that late are not.
    @Test(arguments: [(ECONNREFUSED, false, true), (ECONNREFUSED, true, true), (ECONNRESET, false, false), (ECONNRESET, true, true)])
    func refusedConnectionsAreRetriedHoweverLate(_ code: Int32, _ timeLeft: Bool, _ retried: Bool) throws {
        let failure = try #require(HTTPFetcher.networkFailure(IOError(errnoCode: code, reason: "connect"), place: EarshotError.Place(source: "down"),
                                                              timeoutSeconds: 5, timeLeft: timeLeft) as? HTTPFetcher.Failure)
        #expect(failure.retriable == retried)
        #expect(failure.error.message == "request failed; check the URL and the network")
    }

    @Test(arguments: [
        ("application/rss+xml; charset=UTF-8", "UTF-8"),
        ("text/xml;charset=\"windows-1252\"", "windows-1252"),
        ("text/html; Charset = 'gb2312' ; q=1", "gb2312"),
        ("application/json", nil),
    ] as [(String, String?)])
    func charsetFromContentType(_ header: String, _ charset: String?) {
        #expect(HTTPFetcher.charset(header) == charset)
    }
}

/// A TCP port on 127.0.0.1 bound by a socket that never listens: connecting to it is refused.
private final class BoundPort: Sendable {
    let descriptor: Int32
    let number: Int

    init() throws {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw PortError(message: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socketDescriptor, pointer, length) == 0 && getsockname(socketDescriptor, pointer, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(socketDescriptor)
            throw PortError(message: "could not bind a port on 127.0.0.1: errno \(errno)")
        }
        descriptor = socketDescriptor
        number = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { Glibc.close(descriptor) }

    struct PortError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

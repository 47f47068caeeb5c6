import AsyncHTTPClient
import EarshotCore
import Foundation
import NIOCore
import NIOHTTP1
import Testing
@testable import EarshotIngest

/// HTTPFetcher's limits: per-host concurrency, time, size and private addresses.
struct HTTPFetcherLimitTests {
    let now = Date(timeIntervalSince1970: 1_714_521_600)
    let feed = Array("<rss version=\"2.0\"><channel><title>Served</title></channel></rss>".utf8)

    @Test(.timeLimit(.minutes(1)))
    func perHostLimitIsNeverExceeded() async throws {
        let feed = feed
        let policy = FetchPolicy(concurrency: 16, timeoutSeconds: 10, allowPrivateAddresses: true)
        try await TestHTTPServer.with({ _ in .init(status: .ok, body: feed, delay: .milliseconds(100)) }) { server in
            try await HTTPFetcher.withTestFetcher(policy: policy, hostLimiter: HostLimiter(maxPerHost: 2)) { fetcher in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<8 {
                        group.addTask {
                            let document = try await fetcher.fetch(SourceConfig(id: "s\(index)", url: server.url("/\(index)")),
                                                                   validators: nil, now: now)
                            #expect(document.bytes == feed)
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(await fetcher.hostLimiter.inFlight(host: "127.0.0.1") == 0)
            }
            #expect(server.requests.count == 8)
            #expect(server.maxInFlight == 2)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func slowBodyPastTheTimeoutFailsCleanly() async throws {
        let policy = FetchPolicy(timeoutSeconds: 1, allowPrivateAddresses: true)
        // A byte every 200 ms never trips the read timeout; the whole-request limit must stop it.
        try await TestHTTPServer.with({ _ in
            .init(status: .ok, body: Array("<rss>".utf8), trickle: .init(chunk: [0x20], every: .milliseconds(200), count: 600))
        }) { server in
            let clock = ContinuousClock()
            let start = clock.now
            let error = await #expect(throws: EarshotError.self) {
                try await HTTPFetcher.withTestFetcher(policy: policy) {
                    try await $0.fetch(SourceConfig(id: "slow", url: server.url("/feed")), validators: nil, now: now)
                }
            }
            #expect(clock.now - start < .seconds(60), "the body would trickle for 120 s without the limit")
            #expect(error?.code == .fetch)
            // On a loaded machine the client's per-read timeout can fire before the request limit;
            // either way the message names the setting to change.
            #expect(error?.message.contains("fetch.timeoutSeconds") == true, "\(String(describing: error))")
            #expect(server.requests.count == 1, "a timeout is not retried")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func endlessBodyHitsTheSizeCap() async throws {
        // The cap is reached after 16 chunks (~16 ms); the request's time limit is only a backstop
        // here, set far above that so a test runner starved of CPU does not hit it first.
        let policy = FetchPolicy(timeoutSeconds: 45, allowPrivateAddresses: true, maxBytes: 256 * 1024)
        try await TestHTTPServer.with({ _ in
            .init(status: .ok, trickle: .init(chunk: [UInt8](repeating: 0x41, count: 16 * 1024), every: .milliseconds(1), count: nil))
        }) { server in
            let error = await #expect(throws: EarshotError.self) {
                try await HTTPFetcher.withTestFetcher(policy: policy) {
                    try await $0.fetch(SourceConfig(id: "endless", url: server.url("/feed")), validators: nil, now: now)
                }
            }
            #expect(error?.code == .fetch)
            #expect(error?.message.contains("fetch.maxBytes") == true, "\(String(describing: error))")
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: ["127.0.0.1", "localhost", "[::1]"])
    func privateAddressIsRefusedByDefault(_ host: String) async throws {
        let policy = FetchPolicy(timeoutSeconds: 5)
        #expect(policy.allowPrivateAddresses == false)
        try await TestHTTPServer.with({ _ in .init(status: .ok) }) { server in
            let error = await #expect(throws: EarshotError.self) {
                try await HTTPFetcher.withTestFetcher(policy: policy) {
                    try await $0.fetch(SourceConfig(id: "inside", url: "http://\(host):\(server.port)/feed"), validators: nil, now: now)
                }
            }
            #expect(error?.code == .fetch)
            #expect(error?.place?.source == "inside")
            #expect(error?.message.contains("fetch.allowPrivateAddresses") == true, "\(String(describing: error))")
            #expect(server.requests.isEmpty, "nothing was sent")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func sourceWithAnotherSchemeIsRefused() async throws {
        let error = await #expect(throws: EarshotError.self) {
            try await HTTPFetcher.withTestFetcher(policy: FetchPolicy()) {
                try await $0.fetch(SourceConfig(id: "ftp", url: "ftp://example.com/feed"), validators: nil, now: now)
            }
        }
        #expect(error?.code == .fetch)
        #expect(error?.message.contains("only http and https") == true)
    }
}

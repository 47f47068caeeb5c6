import EarshotCore
import Foundation
import NIOHTTP1
import Testing
@testable import EarshotIngest

/// HTTPFetcher on 410, 429, 503 and 5xx answers: what it says, and when it retries.
struct HTTPFetcherStatusTests {
    /// 30 s, as in the other fetch tests that do not test the timeout: a network error that used
    /// up its attempt's time is not retried, and on a starved CI machine a dropped connection was
    /// once reported after more than 5 s, so `oneFailureThenOKIsRetried` saw no retry.
    let policy = FetchPolicy(timeoutSeconds: 30, allowPrivateAddresses: true)
    /// 2024-05-01T00:00:00Z.
    let now = Date(timeIntervalSince1970: 1_714_521_600)
    let feed = Array("<rss version=\"2.0\"><channel><title>Served</title></channel></rss>".utf8)

    func fetch(_ server: TestHTTPServer) async throws -> HTTPFetchOutcome {
        try await HTTPFetcher.withTestFetcher(policy: policy) {
            try await $0.fetchOutcome(SourceConfig(id: "src", url: server.url("/feed")), validators: nil, now: now)
        }
    }

    func fetchError(_ server: TestHTTPServer) async throws -> EarshotError {
        let error = await #expect(throws: EarshotError.self) { try await fetch(server) }
        return try #require(error)
    }

    @Test(.timeLimit(.minutes(1)))
    func goneSaysToRemoveTheSource() async throws {
        try await TestHTTPServer.with({ _ in .init(status: .gone) }) { server in
            let error = try await fetchError(server)
            #expect(error.code == .http)
            #expect(error.message.contains("gone"), "\(error)")
            #expect(error.message.contains("remove it from the config"), "\(error)")
            #expect(error.place?.source == "src")
            #expect(server.requests.count == 1, "410 is not retried")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func tooManyRequestsWithRetryAfterSecondsSaysWhenToRetry() async throws {
        try await TestHTTPServer.with({ _ in .init(status: .tooManyRequests, headers: [("Retry-After", "120")]) }) { server in
            let clock = ContinuousClock()
            let start = clock.now
            let error = try await fetchError(server)
            #expect(clock.now - start < .seconds(30), "never sleeps on Retry-After (120 s)")
            #expect(error.code == .http)
            #expect(error.message.contains("429"), "\(error)")
            #expect(error.message.contains("2024-05-01T00:02:00Z"), "\(error)")
            #expect(server.requests.count == 1)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func unavailableWithRetryAfterDateSaysWhenToRetry() async throws {
        try await TestHTTPServer.with({ _ in
            .init(status: .serviceUnavailable, headers: [("Retry-After", "Wed, 01 May 2024 06:00:00 GMT")])
        }) { server in
            let error = try await fetchError(server)
            #expect(error.code == .http)
            #expect(error.message.contains("503"), "\(error)")
            #expect(error.message.contains("2024-05-01T06:00:00Z"), "\(error)")
            #expect(server.requests.count == 1, "a 503 that says when to come back is not retried")
        }
    }

    /// One failed first answer, then the feed: the fetch succeeds after exactly one retry.
    @Test(.timeLimit(.minutes(1)), arguments: ["500", "dropped connection"])
    func oneFailureThenOKIsRetried(failure: String) async throws {
        let (feed, counter) = (feed, LockedCounter())
        let first: TestHTTPServer.Response = failure == "500" ? .init(status: .internalServerError) : .init(status: .ok, hangUp: true)
        try await TestHTTPServer.with({ _ in counter.next() == 1 ? first : .init(status: .ok, body: feed) }) { server in
            let outcome = try await fetch(server)
            #expect(outcome.document.bytes == feed)
            #expect(outcome.retries == 1)
            #expect(server.requests.count == 2)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func unavailableWithoutRetryAfterIsRetried() async throws {
        let (feed, counter) = (feed, LockedCounter())
        try await TestHTTPServer.with({ _ in
            counter.next() <= 2 ? .init(status: .serviceUnavailable) : .init(status: .ok, body: feed)
        }) { server in
            let outcome = try await fetch(server)
            #expect(outcome.retries == 2)
            #expect(server.requests.count == 3)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func persistentServerErrorFailsAfterTwoRetries() async throws {
        try await TestHTTPServer.with({ _ in .init(status: .badGateway) }) { server in
            let error = try await fetchError(server)
            #expect(error.code == .http)
            #expect(error.message.contains("502"), "\(error)")
            #expect(error.message.contains("after 2 retries"), "\(error)")
            #expect(server.requests.count == 3)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func standardRetriesWaitBoundedTime() async throws {
        try await TestHTTPServer.with({ _ in .init(status: .internalServerError) }) { server in
            let clock = ContinuousClock()
            let start = clock.now
            await #expect(throws: EarshotError.self) {
                try await HTTPFetcher.withTestFetcher(policy: policy, retry: .standard) {
                    try await $0.fetch(SourceConfig(id: "src", url: server.url("/feed")), validators: nil, now: now)
                }
            }
            #expect(clock.now - start < .seconds(30), "waits are capped (the exact cap is RetryPolicyTests' job)")
            #expect(server.requests.count == 3)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func clientErrorIsNotRetried() async throws {
        try await TestHTTPServer.with({ _ in .init(status: .forbidden) }) { server in
            let error = try await fetchError(server)
            #expect(error.message.contains("403"))
            #expect(server.requests.count == 1)
        }
    }
}

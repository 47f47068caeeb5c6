import Testing
@testable import EarshotIngest

struct HostLimiterTests {
    @Test(.timeLimit(.minutes(1)))
    func capsEachHostSeparately() async throws {
        let limiter = HostLimiter(maxPerHost: 2)
        let peaks = LockedCounter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<12 {
                group.addTask {
                    let host = index.isMultiple(of: 2) ? "a.example" : "B.example"
                    try await limiter.withPermit(host: host) {
                        let inFlight = await limiter.inFlight(host: host)
                        #expect(inFlight <= 2)
                        if inFlight == 2 { _ = peaks.next() }
                        try await Task.sleep(for: .milliseconds(20))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(await limiter.inFlight(host: "a.example") == 0)
        #expect(await limiter.inFlight(host: "b.example") == 0)
        #expect(peaks.count > 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func cancelledWaiterGivesUp() async throws {
        let limiter = HostLimiter(maxPerHost: 1)
        let (release, releaser) = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await limiter.withPermit(host: "h") {
                for await _ in release { break }
            }
        }
        while await limiter.inFlight(host: "h") == 0 { await Task.yield() }
        let waiter = Task { try await limiter.withPermit(host: "h") { 1 } }
        try await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        releaser.yield()
        try await holder.value
        #expect(await limiter.inFlight(host: "h") == 0)
        #expect(try await limiter.withPermit(host: "h") { 2 } == 2)
    }

    @Test func errorsReleaseThePermit() async {
        struct Boom: Error {}
        let limiter = HostLimiter(maxPerHost: 1)
        await #expect(throws: Boom.self) { try await limiter.withPermit(host: "h") { throw Boom() } }
        #expect(await limiter.inFlight(host: "h") == 0)
    }
}

/// Caps how many requests run at once against one host: the per-host politeness limit.
///
/// The only shared mutable state of the fetch stage. A request waits for a permit for its
/// host; a finished request hands its permit straight to the next one waiting (first come,
/// first served). A task cancelled while waiting stops waiting and throws `CancellationError`.
public actor HostLimiter {
    /// The most requests in flight at once against one host.
    public nonisolated let maxPerHost: Int
    private var active: [String: Int] = [:]
    private var waiting: [String: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)]] = [:]
    private var nextID: UInt64 = 0

    /// - Parameter maxPerHost: simultaneous requests allowed per host (at least 1; default 2).
    public init(maxPerHost: Int = 2) {
        self.maxPerHost = max(1, maxPerHost)
    }

    /// Runs `body` holding one of `host`'s permits.
    /// - Throws: `CancellationError` when cancelled while waiting, or what `body` throws.
    public func withPermit<T>(
        host: String, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
    ) async throws -> T {
        let key = host.lowercased()
        try await acquire(key)
        do {
            let result = try await body()
            await release(key)
            return result
        } catch {
            await release(key)
            throw error
        }
    }

    /// Requests in flight against `host` now; for tests and logs.
    public func inFlight(host: String) -> Int { active[host.lowercased(), default: 0] }

    private func acquire(_ host: String) async throws {
        if active[host, default: 0] < maxPerHost {
            active[host, default: 0] += 1
            return
        }
        nextID += 1
        let id = nextID
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                waiting[host, default: []].append((id, continuation))
            }
        } onCancel: {
            Task { await self.stopWaiting(host, id: id) }
        }
    }

    private func release(_ host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue.isEmpty ? nil : queue
            next.continuation.resume()  // the permit passes on; `active` is unchanged
            return
        }
        let count = active[host, default: 1] - 1
        active[host] = count > 0 ? count : nil
    }

    private func stopWaiting(_ host: String, id: UInt64) {
        guard var queue = waiting[host], let index = queue.firstIndex(where: { $0.id == id }) else { return }
        let cancelled = queue.remove(at: index)
        waiting[host] = queue.isEmpty ? nil : queue
        cancelled.continuation.resume(throwing: CancellationError())
    }
}

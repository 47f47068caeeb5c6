import AsyncHTTPClient
import EarshotCore
@testable import EarshotIngest

extension HTTPFetcher {
    /// Retries with waits of a few milliseconds, so retry tests stay fast.
    static let quickRetries = RetryPolicy(maxRetries: 2, baseDelay: .milliseconds(20))

    /// Runs `body` with a fetcher configured as earshot configures it, its client shut down afterwards.
    static func withTestFetcher<T>(policy: FetchPolicy, retry: RetryPolicy = quickRetries, hostLimiter: HostLimiter = HostLimiter(),
                                   _ body: (HTTPFetcher) async throws -> T) async throws -> T {
        try await HTTPClient.withHTTPClient(configuration: makeConfiguration(policy: policy)) { client in
            try await body(HTTPFetcher(client: client, policy: policy, hostLimiter: hostLimiter, retry: retry))
        }
    }
}

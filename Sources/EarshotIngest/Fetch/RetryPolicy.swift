/// How often and how long ``HTTPFetcher`` retries a failed request within one run.
///
/// Retries cover 5xx answers (except a 503 that says when to come back) and network errors
/// other than timeouts. The wait before retry *n* is drawn uniformly from
/// `0 ... baseDelay × 2^(n-1)` ("full jitter"), and all waits of one fetch together never
/// exceed ``maxTotalDelay``, so a failing source costs a run a bounded amount of time.
public struct RetryPolicy: Sendable, Equatable {
    /// Retries per source per run, after the first attempt.
    public var maxRetries: Int
    /// The upper bound of the first wait; it doubles for each further retry.
    public var baseDelay: Duration
    /// The most one fetch waits in total between its attempts.
    public var maxTotalDelay: Duration

    public init(maxRetries: Int = 2, baseDelay: Duration = .milliseconds(500), maxTotalDelay: Duration = .seconds(3)) {
        self.maxRetries = max(0, maxRetries)
        self.baseDelay = max(.zero, baseDelay)
        self.maxTotalDelay = max(.zero, maxTotalDelay)
    }

    /// Two retries, waits drawn from 0–0.5 s then 0–1 s, at most 3 s in all.
    public static let standard = RetryPolicy()
    /// No retries at all.
    public static let none = RetryPolicy(maxRetries: 0)

    /// The wait before retry `retry` (1-based), given what was already waited.
    /// - Parameters:
    ///   - retry: 1 for the first retry.
    ///   - waited: the total of the waits so far.
    ///   - generator: the source of jitter (the system's by default).
    public func delay(beforeRetry retry: Int, waited: Duration = .zero,
                      using generator: inout some RandomNumberGenerator) -> Duration {
        let ceiling = baseDelay * (1 << min(max(retry - 1, 0), 20))
        let seconds = Self.seconds(ceiling)
        let drawn = seconds > 0 ? Double.random(in: 0...seconds, using: &generator) : 0
        let left = max(0, Self.seconds(maxTotalDelay) - Self.seconds(waited))
        return .milliseconds(Int64((min(drawn, left) * 1000).rounded(.down)))
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

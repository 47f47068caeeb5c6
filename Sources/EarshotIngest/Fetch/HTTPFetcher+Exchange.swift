import AsyncHTTPClient
import EarshotCore
import Foundation
import NIOCore
import NIOHTTP1

extension HTTPFetcher {
    /// What one request to one URL came to.
    enum Answer: Sendable {
        case document(FetchedDocument)
        case redirect(HTTPResponseStatus, location: String)
    }

    /// A failed request, and whether trying again might help.
    struct Failure: Error {
        var error: EarshotError
        var retriable: Bool
    }

    /// The retries and waits one fetch has used, across all its hops.
    struct Attempts {
        let policy: RetryPolicy
        var retries = 0
        var waited = Duration.zero
        var generator = SystemRandomNumberGenerator()

        init(policy: RetryPolicy) { self.policy = policy }

        /// Waits before the next retry, or returns false when the budget is spent.
        mutating func waitForRetry() async throws -> Bool {
            guard retries < policy.maxRetries else { return false }
            retries += 1
            let delay = policy.delay(beforeRetry: retries, waited: waited, using: &generator)
            waited += delay
            if delay > .zero { try await Task.sleep(for: delay) }
            return true
        }
    }

    /// Requests `url`, retrying 5xx answers and network errors within the fetch's budget.
    func exchangeWithRetries(_ url: URL, source: SourceConfig, validators: HTTPValidators?, now: Date,
                             place: EarshotError.Place, attempts: inout Attempts) async throws -> Answer {
        while true {
            do {
                return try await hostLimiter.withPermit(host: url.host ?? "") {
                    try await exchange(url, source: source, validators: validators, now: now, place: place)
                }
            } catch let failure as Failure {
                guard failure.retriable, try await attempts.waitForRetry() else {
                    var error = failure.error
                    if attempts.retries > 0 { error.message += " (after \(attempts.retries) \(attempts.retries == 1 ? "retry" : "retries"))" }
                    throw error
                }
            }
        }
    }

    /// One request to `url`, with the whole exchange, body included, bounded by `fetch.timeoutSeconds`.
    func exchange(_ url: URL, source: SourceConfig, validators: HTTPValidators?, now: Date,
                  place: EarshotError.Place) async throws -> Answer {
        let timeout = Duration.milliseconds(Int64(max(1, policy.timeoutSeconds) * 1000))
        let deadline = ContinuousClock.now + timeout
        var request = HTTPClientRequest(url: url.absoluteString)
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(name: "Accept", value: "application/rss+xml, application/atom+xml, application/feed+json, application/json, text/xml, text/html;q=0.8, */*;q=0.5")
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag = validators?.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = validators?.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000
                                                                             + timeout.components.attoseconds / 1_000_000_000))
        } catch {
            // A failure that used up the attempt's time is not tried again (a refused connection
            // is, however late it was reported: ``networkFailure(_:place:timeoutSeconds:timeLeft:)``).
            let timeLeft = deadline - ContinuousClock.now > .milliseconds(100)
            throw Self.networkFailure(error, place: place, timeoutSeconds: policy.timeoutSeconds, timeLeft: timeLeft)
        }
        let status = response.status
        if status == .notModified {
            return .document(FetchedDocument(source: source.id, bytes: [], finalURL: url.absoluteString,
                                             validators: validators ?? .init(), fetchedAt: now, notModified: true))
        }
        if [301, 302, 303, 307, 308].contains(status.code) {
            guard let location = response.headers.first(name: "Location"), !location.isEmpty else {
                throw Failure(error: EarshotError(.http, "the server answered \(status.code) without a Location", place: place), retriable: false)
            }
            return .redirect(status, location: location)
        }
        guard (200..<300).contains(status.code) else {
            throw Self.statusFailure(status, retryAfter: response.headers.first(name: "Retry-After"), now: now, place: place)
        }
        let body = try await Self.collect(response.body, upTo: policy.maxBytes, deadline: deadline, place: place,
                                          timeoutSeconds: policy.timeoutSeconds)
        let received = HTTPValidators(etag: response.headers.first(name: "ETag"), lastModified: response.headers.first(name: "Last-Modified"))
        return .document(FetchedDocument(source: source.id, bytes: Array(buffer: body), finalURL: url.absoluteString,
                                         charset: HTTPFetcher.charset(response.headers.first(name: "Content-Type")),
                                         contentType: response.headers.first(name: "Content-Type"),
                                         validators: received, fetchedAt: now))
    }

    /// Reads the whole body, unless it passes `limit` bytes or `deadline` comes first.
    static func collect(_ body: HTTPClientResponse.Body, upTo limit: Int, deadline: ContinuousClock.Instant,
                        place: EarshotError.Place, timeoutSeconds: Double) async throws -> ByteBuffer {
        let collected: ByteBuffer?
        do {
            collected = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { try await body.collect(upTo: limit) }
                group.addTask {
                    try await Task.sleep(until: deadline, clock: .continuous)
                    return nil
                }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError where error == .readTimeout {
            throw Failure(error: EarshotError(.fetch, "the body stalled for longer than fetch.timeoutSeconds = \(timeoutSeconds.formatted()) s",
                                              place: place, cause: error), retriable: false)
        } catch {
            throw Failure(error: EarshotError(.fetch, "the body could not be read in full (over fetch.maxBytes = \(limit), or cut off)",
                                              place: place, cause: error), retriable: false)
        }
        guard let collected else {
            throw Failure(error: EarshotError(.fetch, "the body did not arrive within fetch.timeoutSeconds = \(timeoutSeconds.formatted()) s",
                                              place: place), retriable: false)
        }
        return collected
    }

    /// The error for an answer that is not 2xx, 304 or a redirect.
    static func statusFailure(_ status: HTTPResponseStatus, retryAfter: String?, now: Date, place: EarshotError.Place) -> Failure {
        let answered = "the server answered \(status.code) \(status.reasonPhrase)"
        switch status.code {
        case 410:
            var gone = EarshotError(.http, "the source is gone (\(status.code) \(status.reasonPhrase)); it is retired and not fetched again until its url changes: remove it from the config or give it a new url",
                                    place: place)
            gone.hold = .gone
            return Failure(error: gone, retriable: false)
        case 429, 503:
            if let when = RetryAfter.date(retryAfter, now: now) {
                var later = EarshotError(.http, "\(answered); skipped until \(RetryAfter.text(when)) as Retry-After asks (later runs leave it alone until then)",
                                         place: place)
                later.hold = .until(when)
                return Failure(error: later, retriable: false)
            }
            if status.code == 429 {
                return Failure(error: EarshotError(.http, "\(answered); fetch this source less often", place: place), retriable: false)
            }
            return Failure(error: EarshotError(.http, answered, place: place), retriable: true)
        case 501, 505:
            return Failure(error: EarshotError(.http, answered, place: place), retriable: false)
        case 500..<600:
            return Failure(error: EarshotError(.http, answered, place: place), retriable: true)
        default:
            return Failure(error: EarshotError(.http, answered, place: place), retriable: false)
        }
    }

    /// The error for a request that got no answer: network errors are retried, unless the attempt
    /// timed out or used up its time (`timeLeft` false). A refused connection is always retried:
    /// the host answered at once, and only a starved machine reports that late.
    static func networkFailure(_ error: any Error, place: EarshotError.Place, timeoutSeconds: Double, timeLeft: Bool) -> any Error {
        if error is CancellationError { return error }
        if let clientError = error as? HTTPClientError {
            if clientError == .cancelled { return CancellationError() }
            let timeouts: [HTTPClientError] = [.deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout,
                                               .tlsHandshakeTimeout, .getConnectionFromPoolTimeout]
            if timeouts.contains(clientError) {
                return Failure(error: EarshotError(.fetch, "no answer within the time allowed (fetch.timeoutSeconds = \(timeoutSeconds.formatted()) s)",
                                                   place: place, cause: error), retriable: false)
            }
        }
        let refused = (error as? IOError)?.errnoCode == ECONNREFUSED
        return Failure(error: EarshotError(.fetch, "request failed; check the URL and the network", place: place, cause: error),
                       retriable: timeLeft || refused)
    }

    /// The `charset` parameter of a Content-Type header, if any.
    static func charset(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            }
        }
        return nil
    }
}

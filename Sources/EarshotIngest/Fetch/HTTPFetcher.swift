import AsyncHTTPClient
import EarshotCore
import Foundation
import NIOCore
import NIOHTTP1

/// Fetches http and https sources politely with AsyncHTTPClient.
///
/// - Conditional GET: validators are stored exactly as received and sent back; a 304 comes back
///   as "not modified" without a body.
/// - Redirects are followed here, not by the client: at most ``maxRedirects`` hops, http and
///   https only, a loop refused, and every hop's host checked like the first one's. A permanent
///   redirect is reported in ``HTTPFetchOutcome/permanentRedirect``.
/// - Private, loopback and link-local addresses are refused unless `fetch.allowPrivateAddresses`.
/// - 410 says the source is gone; 429 and 503 with `Retry-After` say when to come back (capped at
///   24 hours), without waiting inside the run.
/// - 5xx answers and network errors are retried as ``retry`` says (exponential backoff, full jitter).
/// - At most ``HostLimiter/maxPerHost`` requests run at once against one host.
/// - Every attempt has `fetch.timeoutSeconds` for the whole exchange, body included, and the body
///   is capped at `fetch.maxBytes` after decompression.
///
/// The client's lifetime belongs to the caller: build it with ``makeConfiguration(policy:)``
/// inside `HTTPClient.withHTTPClient { }`.
public struct HTTPFetcher: DocumentFetcher {
    public let client: HTTPClient
    public let policy: FetchPolicy
    /// The per-host limit, shared by every copy of this fetcher.
    public let hostLimiter: HostLimiter
    /// Retries after 5xx answers and network errors.
    public var retry: RetryPolicy

    /// The most redirects followed for one source.
    public static let maxRedirects = 5

    public init(client: HTTPClient, policy: FetchPolicy, hostLimiter: HostLimiter = HostLimiter(), retry: RetryPolicy = .standard) {
        self.client = client
        self.policy = policy
        self.hostLimiter = hostLimiter
        self.retry = retry
    }

    /// The client configuration for `policy`: gzip/deflate with a decompressed-size cap, no
    /// redirects (the fetcher follows them itself), timeouts for connecting and for a stalled read,
    /// no retries inside the client (the fetcher retries by its ``RetryPolicy``).
    public static func makeConfiguration(policy: FetchPolicy) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10), read: .milliseconds(Int64(max(1, policy.timeoutSeconds) * 1000))),
            decompression: .enabled(limit: .size(policy.maxBytes)))
        configuration.httpVersion = .automatic
        // Enough pooled connections per host for `fetch.perHost` requests in flight.
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(8, policy.perHost)
        // A failed connection fails the attempt at once, so that earshot's own retries (``RetryPolicy``:
        // bounded, with jitter) are the only ones. The pool's default retries a refused connection
        // until the connect timeout and then reports a timeout: 10 s per attempt and the wrong message.
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }

    /// The User-Agent sent with every request.
    public var userAgent: String {
        "earshot/0.1 (feed fetcher; +\(policy.contact ?? "https://github.com/earshot/earshot"))"
    }

    public func fetch(_ source: SourceConfig, validators: HTTPValidators?, now: Date) async throws -> FetchedDocument {
        let outcome = try await fetchOutcome(source, validators: validators, now: now)
        var document = outcome.document
        document.movedPermanentlyTo = outcome.permanentRedirect
        return document
    }

    /// Fetches `source` and says whether it has moved permanently.
    /// - Parameters:
    ///   - validators: what the store kept from the last successful fetch.
    ///   - now: `fetchedAt`, and the base of a `Retry-After` in seconds.
    /// - Throws: ``EarshotError`` `.fetch` (network, address, redirect, body) or `.http` (status), naming the source.
    public func fetchOutcome(_ source: SourceConfig, validators: HTTPValidators?, now: Date) async throws -> HTTPFetchOutcome {
        let place = EarshotError.Place(file: source.url, source: source.id)
        var url = try Self.checkedURL(source.url, place: place, hop: nil)
        var redirects: [String] = []
        var permanentRedirect: String?
        var onlyPermanentSoFar = true
        var attempts = Attempts(policy: retry)
        while true {
            if !policy.allowPrivateAddresses {
                try await AddressGuard.check(host: url.host ?? "", place: place)
            }
            let answer = try await exchangeWithRetries(url, source: source, validators: validators, now: now,
                                                       place: place, attempts: &attempts)
            switch answer {
            case .document(let document):
                return HTTPFetchOutcome(document: document, permanentRedirect: permanentRedirect,
                                        redirects: redirects, retries: attempts.retries)
            case .redirect(let status, let location):
                guard redirects.count < Self.maxRedirects else {
                    throw EarshotError(.fetch, "more than \(Self.maxRedirects) redirects; point the config at the feed's final URL",
                                       place: place)
                }
                guard let target = URL(string: location, relativeTo: url)?.absoluteURL else {
                    throw EarshotError(.fetch, "the server redirected to an unreadable location '\(location)'", place: place)
                }
                let next = try Self.checkedURL(target.absoluteString, place: place, hop: redirects.count + 1)
                if next.absoluteString == source.url || redirects.contains(next.absoluteString) {
                    throw EarshotError(.fetch, "redirect loop back to \(next.absoluteString); the site is misconfigured", place: place)
                }
                redirects.append(next.absoluteString)
                if onlyPermanentSoFar, status == .movedPermanently || status == .permanentRedirect {
                    permanentRedirect = next.absoluteString
                } else {
                    onlyPermanentSoFar = false
                }
                url = next
            }
        }
    }

    /// An absolute http or https URL with a host, or a `.fetch` error.
    static func checkedURL(_ text: String, place: EarshotError.Place, hop: Int?) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else {
            throw EarshotError(.fetch, "'\(text)' is not a URL", place: place)
        }
        guard scheme == "http" || scheme == "https" else {
            let what = hop.map { "redirect \($0) goes to" } ?? "the source is"
            throw EarshotError(.fetch, "\(what) a '\(scheme)' URL (\(text)); only http and https are fetched", place: place)
        }
        guard let host = url.host, !host.isEmpty else {
            throw EarshotError(.fetch, "'\(text)' names no host", place: place)
        }
        return url
    }
}

import AsyncHTTPClient
import EarshotCore
import Foundation
import NIOCore
import NIOHTTP1

/// Fetches http and https sources with AsyncHTTPClient: conditional GET (validators stored
/// exactly as received and sent back), a User-Agent that names earshot and a contact, a
/// request timeout and a cap on the body size. A 304 comes back as "not modified" without a body.
///
/// The client's lifetime belongs to the caller: build it with ``makeConfiguration(policy:)``
/// inside `HTTPClient.withHTTPClient { }`.
public struct HTTPFetcher: DocumentFetcher {
    public let client: HTTPClient
    public let policy: FetchPolicy

    public init(client: HTTPClient, policy: FetchPolicy) {
        self.client = client
        self.policy = policy
    }

    /// The client configuration for `policy`: gzip/deflate with a decompressed-size cap, up to 5 redirects, timeouts.
    public static func makeConfiguration(policy: FetchPolicy) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 5, allowCycles: false),
            timeout: .init(connect: .seconds(10), read: .seconds(Int64(max(1, policy.timeoutSeconds)))),
            decompression: .enabled(limit: .size(policy.maxBytes)))
        configuration.httpVersion = .automatic
        return configuration
    }

    /// The User-Agent sent with every request.
    public var userAgent: String {
        "earshot/0.1 (+\(policy.contact ?? "https://github.com/earshot/earshot"))"
    }

    public func fetch(_ source: SourceConfig, validators: HTTPValidators?, now: Date) async throws -> FetchedDocument {
        let place = EarshotError.Place(file: source.url, source: source.id)
        var request = HTTPClientRequest(url: source.url)
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(name: "Accept", value: "application/rss+xml, application/atom+xml, application/feed+json, application/json, text/xml, text/html;q=0.8, */*;q=0.5")
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag = validators?.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = validators?.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .seconds(Int64(max(1, policy.timeoutSeconds))))
        } catch {
            throw EarshotError(.fetch, "request failed; check the URL and the network", place: place, cause: error)
        }
        let finalURL = response.url?.absoluteString ?? source.url
        if response.status == .notModified {
            return FetchedDocument(source: source.id, bytes: [], finalURL: finalURL, validators: validators ?? .init(),
                                   fetchedAt: now, notModified: true)
        }
        guard (200..<300).contains(response.status.code) else {
            throw EarshotError(.http, "the server answered \(response.status.code) \(response.status.reasonPhrase)", place: place)
        }
        let body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: policy.maxBytes)
        } catch {
            throw EarshotError(.fetch, "the body could not be read in full (over fetch.maxBytes = \(policy.maxBytes), or cut off)", place: place, cause: error)
        }
        let received = HTTPValidators(etag: response.headers.first(name: "ETag"), lastModified: response.headers.first(name: "Last-Modified"))
        return FetchedDocument(source: source.id, bytes: Array(buffer: body), finalURL: finalURL,
                               charset: HTTPFetcher.charset(response.headers.first(name: "Content-Type")),
                               validators: received, fetchedAt: now)
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

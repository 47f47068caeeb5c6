import EarshotCore
import Foundation

/// Fetches the raw bytes of a source.
///
/// Implementations: ``FileFetcher`` (local paths), ``HTTPFetcher`` (http and https with
/// conditional GET), ``RoutingFetcher`` (picks one by the source's url) and
/// ``InMemoryFetcher`` (unit tests).
public protocol DocumentFetcher: Sendable {
    /// Fetches `source`.
    /// - Parameters:
    ///   - validators: what the store kept from the last successful fetch, sent back for a conditional GET.
    ///   - now: the time recorded as `fetchedAt`.
    /// - Throws: ``EarshotError`` (`.fetch` or `.http`) naming the source and what to do.
    func fetch(_ source: SourceConfig, validators: HTTPValidators?, now: Date) async throws -> FetchedDocument
}

/// Sends file sources to one fetcher and http(s) sources to another.
public struct RoutingFetcher: DocumentFetcher {
    public var files: any DocumentFetcher
    public var http: any DocumentFetcher

    public init(files: any DocumentFetcher, http: any DocumentFetcher) {
        self.files = files
        self.http = http
    }

    public func fetch(_ source: SourceConfig, validators: HTTPValidators?, now: Date) async throws -> FetchedDocument {
        try await (source.isRemote ? http : files).fetch(source, validators: validators, now: now)
    }
}

/// Serves fixed bytes per source id; for unit tests.
public struct InMemoryFetcher: DocumentFetcher {
    public var documents: [String: [UInt8]]

    public init(documents: [String: [UInt8]]) { self.documents = documents }

    public func fetch(_ source: SourceConfig, validators: HTTPValidators?, now: Date) async throws -> FetchedDocument {
        guard let bytes = documents[source.id] else {
            throw EarshotError(.fetch, "no document for this source", place: .init(source: source.id))
        }
        return FetchedDocument(source: source.id, bytes: bytes, finalURL: source.url, fetchedAt: now)
    }
}

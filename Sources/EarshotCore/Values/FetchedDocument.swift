import Foundation

/// The raw bytes of one source as fetched, with what the transport learnt about them.
public struct FetchedDocument: Sendable {
    /// The id of the source in the configuration.
    public var source: String
    /// The body, or empty when ``notModified`` is true.
    public var bytes: [UInt8]
    /// Where the bytes came from after redirects (a URL or a file path).
    public var finalURL: String
    /// The charset named by the transport (HTTP `Content-Type`), if any.
    public var charset: String?
    /// The whole HTTP `Content-Type` header as received (media type and parameters), if any.
    public var contentType: String?
    public var validators: HTTPValidators
    public var fetchedAt: Date
    /// True when the server answered 304: nothing new since the stored validators.
    public var notModified: Bool
    /// Where the source has moved for good (301 or 308 redirects), so the user can update the config.
    public var movedPermanentlyTo: String?

    public init(source: String, bytes: [UInt8], finalURL: String, charset: String? = nil, contentType: String? = nil,
                validators: HTTPValidators = .init(), fetchedAt: Date, notModified: Bool = false) {
        self.source = source
        self.bytes = bytes
        self.finalURL = finalURL
        self.charset = charset
        self.contentType = contentType
        self.validators = validators
        self.fetchedAt = fetchedAt
        self.notModified = notModified
        movedPermanentlyTo = nil
    }
}

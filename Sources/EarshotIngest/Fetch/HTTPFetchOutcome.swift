import EarshotCore

/// What one HTTP fetch produced: the document, plus what the report and the store should learn
/// about the source itself.
///
/// ``HTTPFetcher/fetch(_:validators:now:)`` returns only ``document`` (the `DocumentFetcher`
/// contract); callers that keep source URLs up to date call ``HTTPFetcher/fetchOutcome(_:validators:now:)``.
public struct HTTPFetchOutcome: Sendable {
    /// The bytes and validators, with `finalURL` the URL that answered after every redirect.
    public var document: FetchedDocument
    /// Where the source has moved for good: the target of the last hop of an unbroken run of
    /// permanent redirects (301, 308) starting at the configured URL; nil when it has not moved.
    /// The report says so, and the stored URL should become this one.
    public var permanentRedirect: String?
    /// The redirects followed, in order (each hop's absolute URL).
    public var redirects: [String]
    /// Requests repeated after a 5xx answer or a network error.
    public var retries: Int

    public init(document: FetchedDocument, permanentRedirect: String? = nil, redirects: [String] = [], retries: Int = 0) {
        self.document = document
        self.permanentRedirect = permanentRedirect
        self.redirects = redirects
        self.retries = retries
    }
}

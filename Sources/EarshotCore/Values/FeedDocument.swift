/// A parsed document: its format, channel-level fields and items in document order.
public struct FeedDocument: Sendable, Equatable {
    public var format: FeedFormat
    public var title: String?
    public var link: String?
    public var items: [FeedItem]
    /// Problems that did not stop parsing (recovered XML errors, unreadable dates), with their places.
    public var warnings: [String]
    /// True when the document was not well-formed and what could be read was recovered.
    public var illFormed: Bool

    public init(format: FeedFormat, title: String? = nil, link: String? = nil, items: [FeedItem] = [],
                warnings: [String] = [], illFormed: Bool = false) {
        self.format = format
        self.title = title
        self.link = link
        self.items = items
        self.warnings = warnings
        self.illFormed = illFormed
    }
}

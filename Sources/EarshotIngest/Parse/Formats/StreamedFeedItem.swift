import EarshotCore

/// An item as a feed parser hands it out: every field ready but the summary and the content,
/// which stay as the feed wrote them until they are asked for, either as `String`s (``item``)
/// or written as plain-text UTF-8 into a caller's buffer (``writeSummary(into:)``,
/// ``writeContent(into:)``). That is how `earshot parse-feed` prints a large feed without making
/// (and validating) a `String` of each item's longest fields.
public struct StreamedFeedItem {
    /// Every field of the item but ``FeedItem/summary`` and ``FeedItem/content``, which are nil here.
    public let fields: FeedItem
    let summary: FeedItemBuilder.Candidate?
    let content: FeedItemBuilder.Candidate?

    /// The whole item, its summary and content reduced to plain text.
    public var item: FeedItem {
        var item = fields
        item.summary = summary?.plainText
        item.content = content?.plainText
        return item
    }

    /// ``FeedItem/summary`` (the same plain text ``item`` gives) written as UTF-8 into the start of
    /// `output`, which grows when it is too short: the number of bytes, or nil when there is none.
    public func writeSummary(into output: inout [UInt8]) -> Int? { StreamedFeedItem.write(summary, into: &output) }

    /// ``FeedItem/content`` written as ``writeSummary(into:)`` writes the summary.
    public func writeContent(into output: inout [UInt8]) -> Int? { StreamedFeedItem.write(content, into: &output) }

    private static func write(_ candidate: FeedItemBuilder.Candidate?, into output: inout [UInt8]) -> Int? {
        guard let count = candidate?.write(into: &output), count > 0 else { return nil }
        return count
    }
}

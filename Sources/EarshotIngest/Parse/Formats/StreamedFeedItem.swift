import EarshotCore

/// An item as a feed parser hands it out: every field ready but the id, the title, the link, the
/// summary and the content, which stay as the feed wrote them until they are asked for, either as
/// `String`s (``item``) or written as JSON string literals into a caller's buffer
/// (``writeIDJSON(into:)``, ``writeTitleJSON(into:)``, ``writeLinkJSON(into:)``,
/// ``writeSummaryJSON(into:)``, ``writeContentJSON(into:)``). That is how `earshot parse-feed`
/// prints a large feed without making (and validating, reducing and freeing) a `String` of those
/// fields for each item.
public struct StreamedFeedItem {
    /// Every field of the item but ``FeedItem/id``, ``FeedItem/title``, ``FeedItem/link``,
    /// ``FeedItem/publishedText``, ``FeedItem/updatedText``, ``FeedItem/summary`` and
    /// ``FeedItem/content``, which are nil here (the dates themselves are read).
    public let fields: FeedItem
    let id: FeedItemBuilder.Candidate?
    let title: FeedItemBuilder.Candidate?
    let link: FeedItemBuilder.Candidate?
    let publishedText: FeedItemBuilder.Candidate?
    let updatedText: FeedItemBuilder.Candidate?
    let summary: FeedItemBuilder.Candidate?
    let content: FeedItemBuilder.Candidate?

    /// The whole item, its summary and content reduced to plain text.
    public var item: FeedItem {
        var item = fields
        item.id = id?.trimmed
        item.title = title?.plainText
        item.link = link?.trimmed
        item.publishedText = publishedText?.trimmed
        item.updatedText = updatedText?.trimmed
        item.summary = summary?.plainText
        item.content = content?.plainText
        return item
    }

    /// ``FeedItem/id`` written into `output` as a JSON string literal, or `null` when there is none.
    public func writeIDJSON(into output: TextOutput) { StreamedFeedItem.writeTrimmedJSON(id, into: output) }

    /// ``FeedItem/link`` written into `output` as ``writeIDJSON(into:)`` writes the id.
    public func writeLinkJSON(into output: TextOutput) { StreamedFeedItem.writeTrimmedJSON(link, into: output) }

    /// ``FeedItem/title`` written into `output` as ``writeSummaryJSON(into:)`` writes the summary.
    public func writeTitleJSON(into output: TextOutput) { StreamedFeedItem.writeJSON(title, into: output) }

    /// ``FeedItem/summary`` written into `output` as a JSON string literal (or `null` when there
    /// is none), reduced, folded and escaped in one pass over the feed's text.
    public func writeSummaryJSON(into output: TextOutput) { StreamedFeedItem.writeJSON(summary, into: output) }

    /// ``FeedItem/content`` written as ``writeSummaryJSON(into:)`` writes the summary.
    public func writeContentJSON(into output: TextOutput) { StreamedFeedItem.writeJSON(content, into: output) }

    private static func writeTrimmedJSON(_ candidate: FeedItemBuilder.Candidate?, into output: TextOutput) {
        guard let candidate else { return output.append("null") }
        candidate.writeTrimmedJSON(into: output)
    }

    private static func writeJSON(_ candidate: FeedItemBuilder.Candidate?, into output: TextOutput) {
        guard let candidate else { return output.append("null") }
        candidate.writeJSON(into: output)
    }
}

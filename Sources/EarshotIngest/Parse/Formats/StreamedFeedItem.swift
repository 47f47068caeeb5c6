import EarshotCore
import Foundation

/// An item as a feed parser hands it out: every field ready but the id, the title, the link, the
/// summary and the content, which stay as the feed wrote them until they are asked for, either as
/// `String`s (``item``) or written as JSON string literals into a caller's buffer
/// (``writeIDJSON(into:)``, ``writeTitleJSON(into:)``, ``writeLinkJSON(into:)``,
/// ``writeSummaryJSON(into:)``, ``writeContentJSON(into:)``). That is how `earshot parse-feed`
/// prints a large feed without making (and validating, reducing and freeing) a `String` of those
/// fields for each item.
public struct StreamedFeedItem {
    /// ``FeedItem/published``, read from the feed's text.
    public let published: Date?
    /// ``FeedItem/updated``, read from the feed's text.
    public let updated: Date?
    /// ``FeedItem/author``.
    public let author: String?
    /// ``FeedItem/rating``.
    public let rating: Double?
    /// ``FeedItem/subject``.
    let subject: String?
    /// Every field of the item but ``FeedItem/id``, ``FeedItem/title``, ``FeedItem/link``,
    /// ``FeedItem/publishedText``, ``FeedItem/updatedText``, ``FeedItem/summary`` and
    /// ``FeedItem/content``, which are nil here (the dates themselves are read). Made when asked
    /// for: the fields are kept apart, since a `FeedItem` (another module's type) was copied
    /// field by field into its initializer and destroyed field by field again for every item.
    public var fields: FeedItem {
        FeedItem(id: nil, title: nil, link: nil, published: published, publishedText: nil, updated: updated, updatedText: nil,
                 author: author, summary: nil, content: nil, rating: rating, subject: subject)
    }
    /// The builder's candidates, indexed by ``FeedItemBuilder/Field/rawValue`` (``FeedItemBuilder/Candidate/absent``
    /// where none was offered): the builder's own array, shared (one reference per item, not a copy of
    /// each field's candidate with its text and bytes retained and released). Once the item is gone,
    /// the builder's array is unique again and is emptied in place for the next item.
    let candidates: [FeedItemBuilder.Candidate]

    /// The candidate offered for `field`, or nil.
    private func candidate(_ field: FeedItemBuilder.Field) -> FeedItemBuilder.Candidate? {
        candidates[field.rawValue].rank == .max ? nil : candidates[field.rawValue]
    }

    /// The whole item, its summary and content reduced to plain text.
    public var item: FeedItem {
        var item = fields
        item.id = candidate(.id)?.trimmed
        item.title = candidate(.title)?.plainText
        item.link = candidate(.link)?.trimmed
        item.publishedText = candidate(.published)?.trimmed
        item.updatedText = candidate(.updated)?.trimmed
        item.summary = candidate(.summary)?.plainText
        item.content = candidate(.content)?.plainText
        return item
    }

    /// ``FeedItem/id`` written into `output` as a JSON string literal, or `null` when there is none.
    public func writeIDJSON(into output: TextOutput) { writeTrimmedJSON(.id, into: output) }

    /// ``FeedItem/link`` written into `output` as ``writeIDJSON(into:)`` writes the id.
    public func writeLinkJSON(into output: TextOutput) { writeTrimmedJSON(.link, into: output) }

    /// ``FeedItem/title`` written into `output` as ``writeSummaryJSON(into:)`` writes the summary.
    public func writeTitleJSON(into output: TextOutput) { writeJSON(.title, into: output) }

    /// ``FeedItem/summary`` written into `output` as a JSON string literal (or `null` when there
    /// is none), reduced, folded and escaped in one pass over the feed's text.
    public func writeSummaryJSON(into output: TextOutput) { writeJSON(.summary, into: output) }

    /// ``FeedItem/content`` written as ``writeSummaryJSON(into:)`` writes the summary.
    public func writeContentJSON(into output: TextOutput) { writeJSON(.content, into: output) }

    // The candidate is read in place in the array (not copied out, which retained its text and bytes).
    private func writeTrimmedJSON(_ field: FeedItemBuilder.Field, into output: TextOutput) {
        guard candidates[field.rawValue].rank != .max else { return output.append("null") }
        candidates[field.rawValue].writeTrimmedJSON(into: output)
    }

    private func writeJSON(_ field: FeedItemBuilder.Field, into output: TextOutput) {
        guard candidates[field.rawValue].rank != .max else { return output.append("null") }
        candidates[field.rawValue].writeJSON(into: output)
    }
}

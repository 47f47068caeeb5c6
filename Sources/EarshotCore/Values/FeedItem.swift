import Foundation

/// One entry of a feed, review page or CSV export, in the universal model every parser translates into.
///
/// Raw date text is kept beside the parsed value so a report can show what the source said
/// when a date could not be read.
public struct FeedItem: Sendable, Equatable, Codable {
    public var id: String?
    public var title: String?
    public var link: String?
    public var published: Date?
    public var publishedText: String?
    public var updated: Date?
    public var updatedText: String?
    public var author: String?
    /// Plain text of the description or summary.
    public var summary: String?
    /// Plain text of the full content.
    public var content: String?
    /// Stars on 1–5, when the item is a rated review.
    public var rating: Double?
    /// The name of the reviewed thing (schema.org `itemReviewed`), when the source says.
    public var subject: String?

    public init(id: String? = nil, title: String? = nil, link: String? = nil, published: Date? = nil,
                publishedText: String? = nil, updated: Date? = nil, updatedText: String? = nil,
                author: String? = nil, summary: String? = nil, content: String? = nil,
                rating: Double? = nil, subject: String? = nil) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.publishedText = publishedText
        self.updated = updated
        self.updatedText = updatedText
        self.author = author
        self.summary = summary
        self.content = content
        self.rating = rating
        self.subject = subject
    }

    /// The text that mention matching and scoring read: title, then content or summary.
    public var text: String {
        var parts: [String] = []
        if let title, !title.isEmpty { parts.append(title) }
        if let body = content ?? summary, !body.isEmpty, body != title { parts.append(body) }
        return parts.joined(separator: "\n")
    }

    /// The date a mention is counted on: published, else updated.
    public var date: Date? { published ?? updated }
}

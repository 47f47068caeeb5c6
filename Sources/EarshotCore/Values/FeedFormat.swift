/// The format a document was detected as, named as `earshot parse-feed` prints it.
public enum FeedFormat: String, Sendable, Codable, CaseIterable {
    case rss20, rss09x, rss10, rss, atom10, atom03, atom, json
    /// A web page carrying schema.org reviews (JSON-LD or microdata).
    case reviewPage = "review-page"
    /// A CSV export of reviews or tickets.
    case csv
}

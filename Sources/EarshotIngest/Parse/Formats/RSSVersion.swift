import EarshotCore

/// RSS version attribute to format.
enum RSSVersion {
    static func format(_ version: String?) -> FeedFormat {
        switch version?.trimmingCharacters(in: .whitespaces) {
        case "2.0", "2.0.1", "2.00", "2": return .rss20
        case "0.90", "0.91", "0.92", "0.93", "0.94", "0.9": return .rss09x
        default: return .rss
        }
    }
}

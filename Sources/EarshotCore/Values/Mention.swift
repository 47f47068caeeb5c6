import Foundation

/// One item that names a brand, ready to score. Its ``id`` is stable across runs, so the
/// store can refuse a mention it already holds.
public struct Mention: Sendable, Equatable, Codable, Identifiable {
    /// A stable key: a hash of brand, source and the item's own id (or link, or title and date).
    public var id: String
    public var brand: String
    public var source: String
    public var title: String?
    /// The text scored: title and body.
    public var text: String
    public var publishedAt: Date
    public var url: String?
    public var author: String?
    /// Stars on 1–5 when the item is a rated review.
    public var rating: Double?

    public init(id: String, brand: String, source: String, title: String? = nil, text: String,
                publishedAt: Date, url: String? = nil, author: String? = nil, rating: Double? = nil) {
        self.id = id
        self.brand = brand
        self.source = source
        self.title = title
        self.text = text
        self.publishedAt = publishedAt
        self.url = url
        self.author = author
        self.rating = rating
    }

    /// The day the mention counts on.
    public var day: Day { Day(publishedAt) }

    /// A stable 64-bit FNV-1a hash of the parts, as 16 hex digits.
    public static func makeID(_ parts: String...) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            if index > 0 { hash = (hash ^ 0x1f) &* 0x100_0000_01b3 }
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

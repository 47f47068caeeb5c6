import EarshotCore
import Foundation

/// A document as `earshot parse-feed` prints it (DESIGN.md's contract): what the golden
/// `*.expected.json` files hold, and what a parsed ``FeedDocument`` is reduced to for comparison.
///
/// Decoding is strict: every key must be present (null when absent) and no other key is allowed,
/// so an expected file cannot silently skip a field.
struct ParsedFeed: Decodable, Equatable, CustomStringConvertible {
    struct Item: Decodable, Equatable {
        var id: String?
        var title: String?
        var link: String?
        var published: String?
        var updated: String?
        var author: String?
        var summary: String?
        var content: String?
        var rating: Double?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, title, link, published, updated, author, summary, content, rating
        }

        init(_ item: FeedItem) {
            id = item.id
            title = item.title
            link = item.link
            published = item.published.map(ParsedFeed.iso)
            updated = item.updated.map(ParsedFeed.iso)
            author = item.author
            summary = item.summary
            content = item.content
            rating = item.rating
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try ParsedFeed.rejectOtherKeys(decoder, allowed: CodingKeys.allCases.map(\.stringValue))
            id = try c.decode(String?.self, forKey: .id)
            title = try c.decode(String?.self, forKey: .title)
            link = try c.decode(String?.self, forKey: .link)
            published = try c.decode(String?.self, forKey: .published)
            updated = try c.decode(String?.self, forKey: .updated)
            author = try c.decode(String?.self, forKey: .author)
            summary = try c.decode(String?.self, forKey: .summary)
            content = try c.decode(String?.self, forKey: .content)
            rating = try c.decode(Double?.self, forKey: .rating)
        }
    }

    var format: String
    var title: String?
    var link: String?
    var items: [Item]

    enum CodingKeys: String, CodingKey, CaseIterable { case format, title, link, items }

    init(_ document: FeedDocument) {
        format = document.format.rawValue
        title = document.title
        link = document.link
        items = document.items.map(Item.init)
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try ParsedFeed.rejectOtherKeys(decoder, allowed: CodingKeys.allCases.map(\.stringValue))
        format = try c.decode(String.self, forKey: .format)
        title = try c.decode(String?.self, forKey: .title)
        link = try c.decode(String?.self, forKey: .link)
        items = try c.decode([Item].self, forKey: .items)
    }

    /// UTC ISO-8601 to the second, as parse-feed prints dates (fractions are dropped, not rounded).
    static func iso(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// The document as JSON, for messages when a golden comparison fails.
    var description: String {
        func quote(_ value: String?) -> String {
            guard let value else { return "null" }
            let data = try? JSONSerialization.data(withJSONObject: [value], options: [.withoutEscapingSlashes])
            return data.map { String(decoding: $0.dropFirst().dropLast(), as: UTF8.self) } ?? "?"
        }
        let rows = items.map { item in
            "  {\"id\": \(quote(item.id)), \"title\": \(quote(item.title)), \"link\": \(quote(item.link)), "
                + "\"published\": \(quote(item.published)), \"updated\": \(quote(item.updated)), \"author\": \(quote(item.author)), "
                + "\"summary\": \(quote(item.summary)), \"content\": \(quote(item.content)), \"rating\": \(item.rating.map { "\($0)" } ?? "null")}"
        }
        return "{\"format\": \(quote(format)), \"title\": \(quote(title)), \"link\": \(quote(link)), \"items\": [\n"
            + rows.joined(separator: ",\n") + "\n]}"
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private static func rejectOtherKeys(_ decoder: any Decoder, allowed: [String]) throws {
        let keys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
        if let unknown = keys.first(where: { !allowed.contains($0) }) {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "unknown key '\(unknown)'; the contract has \(allowed)"))
        }
    }
}

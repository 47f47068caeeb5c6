import EarshotCore
import Foundation

/// Reads JSON Feed 1.0 and 1.1.
///
/// Field rules: id from id (a number is read as text); link from url, else external_url;
/// published from date_published; updated from date_modified; author from authors[0].name
/// (1.1), else author.name (1.0), else the feed's; summary from summary; content from
/// content_text, else content_html reduced to text. Title, summary and content_text are
/// plain text by the spec, so a `<` or `&` in them is kept as written.
public struct JSONFeedParser: Sendable {
    public init() {}

    /// - Throws: ``EarshotError`` `.parse` when the bytes are not a JSON object with `items`.
    public func parse(_ bytes: [UInt8], path: String) throws -> FeedDocument {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            throw EarshotError(.parse, "\(path): not valid JSON (\(JSONFeedParser.reason(error))); check the file is a JSON Feed")
        }
        guard let feed = object as? [String: Any] else {
            throw EarshotError(.parse, "\(path): a JSON Feed is an object with \"version\" and \"items\"; this is not an object")
        }
        guard let items = feed["items"] as? [Any] else {
            throw EarshotError(.parse, "\(path): JSON Feed has no \"items\" array")
        }
        var document = FeedDocument(format: .json)
        document.title = JSONLD.string(feed["title"]).flatMap(HTMLText.fold)
        document.link = JSONLD.string(feed["home_page_url"])
        let feedAuthor = JSONFeedParser.author(feed)
        for (index, element) in items.enumerated() {
            guard let entry = element as? [String: Any] else {
                document.warnings.append("\(path): item \(index + 1) is not an object; skipped")
                continue
            }
            var builder = FeedItemBuilder()
            builder.offer(.id, JSONLD.string(entry["id"]))
            builder.offer(.link, JSONLD.string(entry["url"]))
            builder.offer(.link, JSONLD.string(entry["external_url"]), rank: 1)
            // JSON Feed's title, summary and content_text are plain text: a `<` or `&` in them is text.
            builder.offer(.title, JSONLD.string(entry["title"]), plain: true)
            builder.offer(.summary, JSONLD.string(entry["summary"]), plain: true)
            builder.offer(.content, JSONLD.string(entry["content_text"]), plain: true)
            builder.offer(.content, JSONLD.string(entry["content_html"]), rank: 1)
            builder.offer(.published, JSONLD.string(entry["date_published"]))
            builder.offer(.updated, JSONLD.string(entry["date_modified"]))
            builder.offer(.author, JSONFeedParser.author(entry) ?? feedAuthor, plain: true)
            if let rating = entry["_rating"] ?? (entry["_earshot"] as? [String: Any])?["rating"], let value = JSONLD.string(rating) {
                builder.rating = StarRating.normalise(value: value, best: nil, worst: nil)
            }
            document.items.append(builder.build(place: "\(path): item \(index + 1)"))
            document.warnings += builder.warnings
        }
        return document
    }

    private static func author(_ object: [String: Any]) -> String? {
        if let authors = object["authors"] as? [Any], let first = authors.first { return JSONLD.name(first) }
        return JSONLD.name(object["author"])
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "unreadable"
    }
}

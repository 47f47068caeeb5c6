import EarshotCore
import Foundation

/// Reads the schema.org reviews a web page carries, in JSON-LD (`<script type="application/ld+json">`:
/// single objects, arrays, `@graph`, reviews nested in a Product or Organization, `itemReviewed`)
/// and in microdata (`itemscope itemtype=".../Review"` with `itemprop`s).
///
/// `ratingValue` is normalised to 1–5 stars with `bestRating` and `worstRating` (defaults 5 and 1).
public struct ReviewPageParser: Sendable {
    public init() {}

    /// Parses a page in any encoding: its byte-order mark, else `encoding` (the HTTP charset),
    /// else its `<meta charset>`, else UTF-8 (``EncodingSniffer``); the sniffer's warnings end
    /// the document's warnings.
    /// - Parameter encoding: the transport's charset label, or nil.
    /// - Throws: ``EarshotError`` `.parse` when the page holds no schema.org review at all.
    public func parse(_ bytes: [UInt8], path: String, encoding: String? = nil) throws -> FeedDocument {
        let decoded = EncodingSniffer.decode(bytes, charset: encoding, path: path)
        var document = try parse(utf8: decoded.bytes, path: path)
        document.warnings += decoded.warnings
        return document
    }

    /// Parses a page already re-encoded as UTF-8 (its `<meta charset>` is then ignored).
    func parse(utf8 bytes: [UInt8], path: String) throws -> FeedDocument {
        let root = HTMLDocument.parse(bytes, encoding: "UTF-8")
        var document = FeedDocument(format: .reviewPage)
        var scripts: [String] = []
        var microdata: [HTMLNode] = []
        root.forEachElement { node in
            let attributes = node.attributes
            switch node.name {
            case "title" where document.title == nil:
                document.title = HTMLText.fold(node.textContent)
            case "link" where document.link == nil && attributes["rel"]?.lowercased() == "canonical":
                document.link = attributes["href"]
            case "script" where attributes["type"]?.lowercased().contains("ld+json") == true:
                scripts.append(node.children.compactMap { if case .text(let t) = $0 { return t } else { return nil } }.joined())
            default:
                if attributes["itemscope"] != nil, let type = attributes["itemtype"], type.hasSuffix("/Review") || type == "Review" {
                    microdata.append(node)
                }
            }
        }
        for (index, script) in scripts.enumerated() {
            guard let data = script.data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
                document.warnings.append("\(path): JSON-LD block \(index + 1) is not valid JSON; skipped")
                continue
            }
            collectJSONLD(json, subject: nil, into: &document)
        }
        for node in microdata {
            let properties = MicrodataReader.properties(of: node)
            var item = review(fromMicrodata: properties, path: path, warnings: &document.warnings)
            item.id = node.attributes["itemid"].flatMap { $0.isEmpty ? nil : $0 }
            document.items.append(item)
        }
        if document.items.isEmpty, scripts.isEmpty, microdata.isEmpty {
            throw EarshotError(.parse, "\(path): the page has no schema.org reviews (no JSON-LD and no microdata Review); check the url or set format: to the feed's kind")
        }
        return document
    }

    // MARK: JSON-LD

    private func collectJSONLD(_ json: Any, subject: String?, into document: inout FeedDocument) {
        if let array = json as? [Any] {
            for element in array { collectJSONLD(element, subject: subject, into: &document) }
            return
        }
        guard let object = json as? [String: Any] else { return }
        if let graph = object["@graph"] { collectJSONLD(graph, subject: subject, into: &document) }
        let types = JSONLD.types(of: object)
        if types.contains("Review") {
            var reviewed = subject
            if let item = object["itemReviewed"] as? [String: Any], let name = JSONLD.string(item["name"]) { reviewed = name }
            document.items.append(review(fromJSONLD: object, subject: reviewed))
        }
        let name = JSONLD.string(object["name"])
        for key in ["review", "reviews"] {
            if let nested = object[key] { collectJSONLD(nested, subject: types.contains("Review") ? subject : (name ?? subject), into: &document) }
        }
    }

    private func review(fromJSONLD object: [String: Any], subject: String?) -> FeedItem {
        var item = FeedItem()
        item.id = JSONLD.string(object["@id"]) ?? JSONLD.string(object["identifier"])
        item.link = JSONLD.string(object["url"])
        item.title = JSONLD.string(object["name"]).flatMap(HTMLText.plainText)
        item.content = (JSONLD.string(object["reviewBody"]) ?? JSONLD.string(object["description"])).flatMap(HTMLText.plainText)
        item.author = JSONLD.name(object["author"])
        item.publishedText = JSONLD.string(object["datePublished"])
        item.published = item.publishedText.flatMap(FeedDate.parse)
        item.updatedText = JSONLD.string(object["dateModified"])
        item.updated = item.updatedText.flatMap(FeedDate.parse)
        item.subject = subject
        if let rating = object["reviewRating"] as? [String: Any] {
            item.rating = StarRating.normalise(value: JSONLD.string(rating["ratingValue"]), best: JSONLD.string(rating["bestRating"]),
                                               worst: JSONLD.string(rating["worstRating"]))
        }
        return item
    }

    // MARK: Microdata

    private func review(fromMicrodata properties: [String: [MicrodataReader.Value]], path: String, warnings: inout [String]) -> FeedItem {
        var item = FeedItem()
        item.title = properties.text("name").flatMap(HTMLText.fold)
        item.content = (properties.text("reviewBody") ?? properties.text("description")).flatMap(HTMLText.fold)
        item.link = properties.text("url")
        if case .item(let author)? = properties["author"]?.first { item.author = author.text("name").flatMap(HTMLText.fold) }
        else { item.author = properties.text("author").flatMap(HTMLText.fold) }
        item.publishedText = properties.text("datePublished")
        item.published = item.publishedText.flatMap(FeedDate.parse)
        if case .item(let rating)? = properties["reviewRating"]?.first {
            item.rating = StarRating.normalise(value: rating.text("ratingValue"), best: rating.text("bestRating"), worst: rating.text("worstRating"))
        }
        if case .item(let reviewed)? = properties["itemReviewed"]?.first { item.subject = reviewed.text("name") }
        if item.published == nil, let text = item.publishedText { warnings.append("\(path): unreadable date '\(text)'; left empty") }
        return item
    }
}

/// Helpers for JSON-LD's loose typing: values may be strings, numbers, arrays or objects.
enum JSONLD {
    static func types(of object: [String: Any]) -> Set<String> {
        let raw: [Any] = (object["@type"] as? [Any]) ?? (object["@type"].map { [$0] } ?? [])
        return Set(raw.compactMap { ($0 as? String).map { $0.split(separator: "/").last.map(String.init) ?? $0 } })
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s.isEmpty ? nil : s
        case let n as NSNumber: return n.stringValue
        case let array as [Any]: return array.lazy.compactMap { string($0) }.first
        case let object as [String: Any]: return string(object["@value"]) ?? string(object["@id"])
        default: return nil
        }
    }

    static func name(_ value: Any?) -> String? {
        switch value {
        case let object as [String: Any]: return string(object["name"])
        case let array as [Any]: return array.lazy.compactMap { name($0) }.first
        default: return string(value)
        }
    }
}

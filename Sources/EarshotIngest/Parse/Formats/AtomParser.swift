import EarshotCore

/// Reads Atom 1.0 and 0.3, including Apple's customer-review feeds (`im:rating`).
///
/// Field rules: id from atom:id; link from the rel=alternate (or rel-less) link of an HTML
/// or unspecified type, resolved against xml:base; published from published (1.0) or issued
/// (0.3); updated from updated or modified; author from author/name, else author/email;
/// summary from summary; content from content (text, html or xhtml, all reduced to text).
struct AtomParser: XMLElementHandler {
    var document: FeedDocument
    let path: String
    private var entry: FeedItemBuilder?
    private var entryDepth = 0
    private var entryLine = 0
    /// Depth of an atom:source or author element being read inside the entry, if any.
    private var sourceDepth: Int?
    private var inAuthor = false
    private var authorName: String?
    private var authorEmail: String?
    private var feedAuthorName: String?
    private let lineOf: () -> Int

    init(format: FeedFormat, path: String, line: @escaping () -> Int) {
        document = FeedDocument(format: format)
        self.path = path
        lineOf = line
    }

    private static func isAtom(_ ns: String) -> Bool { ns == "atom" || ns == "atom03" || ns == "" }

    mutating func start(_ name: XName, attributes: [XMLAttribute], base: String?, depth: Int) -> Capture {
        guard AtomParser.isAtom(name.ns) || name.ns == "im" else { return .ownText }
        if name.local == "entry", entry == nil, name.ns != "im" {
            entry = FeedItemBuilder()
            entryDepth = depth
            entryLine = lineOf()
            return .ownText
        }
        if sourceDepth != nil { return .ownText }
        switch name.local {
        case "source" where entry != nil:
            sourceDepth = depth
            return .ownText
        case "author":
            inAuthor = true
            authorName = nil
            authorEmail = nil
            return .ownText
        case "link":
            let rel = attributes.value("rel") ?? "alternate"
            let type = attributes.value("type")
            if rel == "alternate", type == nil || type!.contains("html"), let href = attributes.value("href") {
                let link = URLResolver.resolve(href, against: base)
                if entry != nil { entry?.offer(.link, link) } else if document.link == nil { document.link = link }
            }
            return .ownText
        case "title", "id", "published", "issued", "updated", "modified", "summary", "content", "name", "email", "rating", "subtitle":
            return .allText
        default:
            return .ownText
        }
    }

    mutating func end(_ name: XName, text: String, base: String?, depth: Int) {
        guard AtomParser.isAtom(name.ns) || name.ns == "im" else { return }
        if let source = sourceDepth {
            if depth == source, name.local == "source" { sourceDepth = nil }
            return
        }
        if var builder = entry {
            if depth == entryDepth, name.local == "entry" {
                if !builder.has(.author), let feedAuthorName { builder.offer(.author, feedAuthorName) }
                document.items.append(builder.build(place: "\(path):\(entryLine)"))
                document.warnings += builder.warnings
                entry = nil
                return
            }
            switch name.local {
            case "title" where !inAuthor: builder.offer(.title, text)
            case "id": builder.offer(.id, text)
            case "published": builder.offer(.published, text)
            case "issued": builder.offer(.published, text, rank: 1)
            case "updated": builder.offer(.updated, text)
            case "modified": builder.offer(.updated, text, rank: 1)
            case "summary": builder.offer(.summary, text)
            case "content": builder.offer(.content, text)
            case "name" where inAuthor: authorName = text
            case "email" where inAuthor: authorEmail = text
            case "author":
                inAuthor = false
                builder.offer(.author, authorName ?? authorEmail)
            case "rating" where name.ns == "im":
                if let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), (1...5).contains(value) { builder.rating = value }
            default: break
            }
            entry = builder
            return
        }
        switch name.local {
        case "title" where document.title == nil && !inAuthor: document.title = HTMLText.plainText(text)
        case "name" where inAuthor: authorName = text
        case "email" where inAuthor: authorEmail = text
        case "author":
            inAuthor = false
            if feedAuthorName == nil { feedAuthorName = authorName ?? authorEmail }
        default: break
        }
    }
}

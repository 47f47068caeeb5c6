import EarshotCore

/// Reads Atom 1.0 and 0.3, including Apple's customer-review feeds (`im:rating`).
///
/// Field rules: id from atom:id; link from the rel=alternate (or rel-less) link of an HTML
/// or unspecified type, resolved against xml:base; published from published (1.0) or issued
/// (0.3); updated from updated or modified; author from author/name, else author/email;
/// summary from summary; content from content (text, html or xhtml, all reduced to text).
///
/// Text constructs keep their type: `type="text"` (the default) is plain text, so a `<` or an
/// `&lt;` in it stays text; `html` is reduced by ``HTMLText``; `xhtml` is read as markup, so its
/// scripts and styles are dropped like HTML's.
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
    /// Whether the text construct being read is plain text (`type="text"`).
    private var plainText = false
    /// The namespace of the root `feed` (an Atom draft namespace for format `atom`).
    private let feedNamespace: String
    private let lineOf: () -> Int
    /// Receives each item as soon as it ends, with the document read so far; nil collects
    /// items in ``document``.
    var emit: ((FeedItem, FeedDocument) throws -> Void)?

    init(format: FeedFormat, path: String, namespace: String = "atom", line: @escaping () -> Int) {
        document = FeedDocument(format: format)
        self.path = path
        feedNamespace = namespace
        lineOf = line
    }

    private func isAtom(_ ns: String) -> Bool { ns == "atom" || ns == "atom03" || ns == "" || ns == feedNamespace }

    private static let usualTypes: Set<String> = ["text", "html", "xhtml", "text/plain", "text/html", "application/xhtml+xml"]

    /// How a text construct's `type` (and Atom 0.3's `mode`) says to read it.
    private static func capture(type: String?, mode: String?) -> (capture: Capture, plain: Bool) {
        // The usual values are already trimmed and lower-case: only others go through Foundation.
        let type = type.map { AtomParser.usualTypes.contains($0) ? $0 : $0.trimmingCharacters(in: .whitespaces).lowercased() }
        switch type {
        case nil, "text", "text/plain": return (.allText, true)
        case "html", "text/html": return (.allText, false)
        case "xhtml", "application/xhtml+xml": return mode?.lowercased() == "escaped" ? (.allText, false) : (.markup, false)
        case let other?: return (.allText, other.hasPrefix("text/") && !other.contains("html"))
        }
    }

    mutating func start(_ name: XName, attributes: [XMLAttribute], base: String?, depth: Int) throws -> Capture {
        if name.ns == "im" { return entry != nil && sourceDepth == nil && name.local == "rating" ? .allText : .ignored }
        guard isAtom(name.ns) else { return .ignored }
        if name.local == "entry" {
            // An entry inside an entry: the first was never closed (a recovered, ill-formed feed).
            if var open = entry {
                if inAuthor { open.offer(.author, authorName ?? authorEmail, plain: true) }
                try finish(&open)
            }
            entry = FeedItemBuilder()
            inAuthor = false
            sourceDepth = nil
            entryDepth = depth
            entryLine = lineOf()
            return .ignored
        }
        if sourceDepth != nil { return .ignored }
        switch name.local {
        case "source" where entry != nil:
            sourceDepth = depth
            return .ignored
        case "author":
            inAuthor = true
            authorName = nil
            authorEmail = nil
            return .ignored
        case "link":
            let rel = attributes.value("rel") ?? "alternate"
            let type = attributes.value("type")
            if rel == "alternate", type == nil || type!.contains("html"), let href = attributes.value("href") {
                let link = FeedLink.resolve(href, against: base)
                if entry != nil { entry?.offer(.link, link) } else if document.link == nil { document.link = link }
            }
            return .ignored
        case "title", "summary", "content", "subtitle":
            let (capture, plain) = AtomParser.capture(type: attributes.value("type"), mode: attributes.value("mode"))
            plainText = plain
            return capture
        case "id", "published", "issued", "updated", "modified", "name", "email":
            return .allText
        default:
            return .ignored
        }
    }

    mutating func end(_ name: XName, text: String, base: String?, depth: Int) throws {
        if name.ns == "im" {
            if name.local == "rating", sourceDepth == nil, entry != nil,
               let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), (1...5).contains(value) {
                entry?.rating = value
            }
            return
        }
        guard isAtom(name.ns) else { return }
        if let source = sourceDepth {
            if depth == source, name.local == "source" { sourceDepth = nil }
            return
        }
        if var builder = entry {
            if depth == entryDepth, name.local == "entry" {
                try finish(&builder)
                return
            }
            switch name.local {
            case "title" where !inAuthor: builder.offer(.title, text, plain: plainText)
            case "id": builder.offer(.id, text)
            case "published": builder.offer(.published, text)
            case "issued": builder.offer(.published, text, rank: 1)
            case "updated": builder.offer(.updated, text)
            case "modified": builder.offer(.updated, text, rank: 1)
            case "summary": builder.offer(.summary, text, plain: plainText)
            case "content": builder.offer(.content, text, plain: plainText)
            case "name" where inAuthor: authorName = text
            case "email" where inAuthor: authorEmail = text
            case "author":
                inAuthor = false
                builder.offer(.author, authorName ?? authorEmail, plain: true)
            default: break
            }
            entry = builder
            return
        }
        switch name.local {
        case "title" where document.title == nil && !inAuthor: document.title = plainText ? HTMLText.fold(text) : HTMLText.plainText(text)
        case "name" where inAuthor: authorName = text
        case "email" where inAuthor: authorEmail = text
        case "author":
            inAuthor = false
            if feedAuthorName == nil { feedAuthorName = authorName ?? authorEmail }
        default: break
        }
    }
}

extension AtomParser {
    /// Adds the entry being read to the document; an entry without an author has the feed's (RFC 4287 §4.2.1).
    private mutating func finish(_ builder: inout FeedItemBuilder) throws {
        if !builder.has(.author), let feedAuthorName { builder.offer(.author, feedAuthorName, plain: true) }
        let built = builder.build(place: "\(path):\(entryLine)")
        if let emit { try emit(built, document) } else { document.items.append(built) }
        document.warnings += builder.warnings
        entry = nil
    }
}

import EarshotCore

/// Reads RSS 0.9x, 1.0 (RDF) and 2.0, with the extensions feeds carry (Dublin Core,
/// content:encoded, atom:link and other Atom elements, iTunes, xhtml:body).
///
/// Field rules, as feedparser established them: id from guid, else rdf:about; link from
/// link, else an Atom alternate link, else a permalink guid (a URL, or a relative one under an
/// xml:base); title from title, else dc:title, else media:title; published from pubDate, else
/// dcterms:issued; updated from dc:date, dcterms:modified or atom:updated; author from
/// author (`email (Name)` and `Name (email)` give Name), dc:creator, dc:author, itunes:author;
/// summary from description; content from content:encoded or xhtml:body. Only an item's own
/// children count (a `<link>` inside a `<category>`'s `<image>` is not the item's link), except
/// media:title, which may sit in a media:group.
struct RSSParser: XMLElementHandler {
    var document: FeedDocument
    let path: String
    private var item: FeedItemBuilder?
    private var itemDepth = 0
    private var itemLine = 0
    private var guidIsPermalink = true
    /// True inside an item's `<author>`, whose `<name>` child (an Atom-style author some
    /// generators write into RSS) is the author's name.
    private var inAuthor = false
    private var channelTitle: String?
    private var channelLink: String?
    /// True once an element in RSS 0.90's namespace was read (an RDF feed that is 0.90, not 1.0).
    private(set) var sawRSS090 = false
    private let lineOf: () -> Int
    /// Receives each item as soon as it ends, with the document read so far; nil collects
    /// items in ``document``.
    var emit: ((FeedItem, FeedDocument) throws -> Void)?

    init(format: FeedFormat, path: String, line: @escaping () -> Int) {
        document = FeedDocument(format: format)
        self.path = path
        lineOf = line
    }

    /// Whether `name` is an item field read as text (a switch, not a hashed set: it runs for every element).
    private static func isItemField(_ name: XName) -> Bool {
        switch name.ns {
        case "":
            switch name.local {
            case "title", "link", "description", "guid", "pubDate", "author", "rating": true
            default: false
            }
        case "dc":
            switch name.local {
            case "creator", "author", "date", "title": true
            default: false
            }
        case "dcterms": name.local == "issued" || name.local == "modified"
        case "content": name.local == "encoded"
        case "xhtml": name.local == "body"
        case "atom": name.local == "updated" || name.local == "published" || name.local == "id"
        case "itunes": name.local == "author" || name.local == "summary"
        case "rss10", "rss090": name.local == "title" || name.local == "link" || name.local == "description"
        case "im": name.local == "rating"
        case "media": name.local == "title"
        default: false
        }
    }

    /// RSS's own namespaces: none, RSS 1.0's and RSS 0.90's.
    private static func isRSS(_ ns: String) -> Bool { ns.isEmpty || ns == "rss10" || ns == "rss090" }

    /// iTunes' namespace as some podcast feeds spell it (the URI is case-sensitive, so it reads as unknown).
    private static let itunesVariants: Set<String> = [
        "http://www.itunes.com/DTDs/Podcast-1.0.dtd", "http://www.itunes.com/DTDs/podcast-1.0.dtd",
    ]

    /// Prefixes podcast feeds use without declaring them (`<itunes:author>` with no `xmlns:itunes`).
    private static let undeclaredPrefixes: Set<Substring> = ["itunes", "dc", "media", "content", "atom"]

    /// `name` with the namespaces feeds misspell mapped to their usual prefix, and a known
    /// prefix that was never declared (libxml2 then keeps `prefix:local` as the name) read as declared.
    private static func normalized(_ name: XName) -> XName {
        // Cheap checks first: this runs for every element (known prefixes are short, URIs long).
        if name.ns.utf8.count > 20, RSSParser.itunesVariants.contains(name.ns) { return XName("itunes", name.local) }
        if name.ns.isEmpty, name.local.utf8.withContiguousStorageIfAvailable({ $0.contains(UInt8(ascii: ":")) }) ?? true, let colon = name.local.firstIndex(of: ":"),
           RSSParser.undeclaredPrefixes.contains(name.local[..<colon]) {
            return XName(String(name.local[..<colon]), String(name.local[name.local.index(after: colon)...]))
        }
        return name
    }

    mutating func start(_ name: XName, attributes: [XMLAttribute], base: String?, depth: Int) throws -> Capture {
        let name = RSSParser.normalized(name)
        if name.ns == "rss090" { sawRSS090 = true }
        if name.local == "item", RSSParser.isRSS(name.ns) {
            // An item inside an item: the first was never closed (a recovered, ill-formed feed).
            if var open = item { try finish(&open) }
            item = FeedItemBuilder()
            inAuthor = false
            itemDepth = depth
            itemLine = lineOf()
            guidIsPermalink = true
            if let about = attributes.first(where: { $0.localName == "about" && XName.prefix(for: $0.namespaceURI) == "rdf" }) {
                item?.offer(.id, about.value, rank: 1)
            }
            return .ignored
        }
        if item != nil {
            if inAuthor, depth == itemDepth + 2, name == XName("", "name") { return .allText }
            // Only the item's own children are its fields; media:title may be in a media:group.
            guard depth == itemDepth + 1 || name == XName("media", "title") else { return .ignored }
            if name == XName("", "author") {
                inAuthor = true
                return .ownText
            }
            if name == XName("atom", "link") {
                let rel = attributes.value("rel") ?? "alternate"
                let type = attributes.value("type")
                if rel == "alternate", type == nil || type!.asciiAwareContains("html"), let href = attributes.value("href") {
                    item?.offer(.link, URLResolver.resolve(href, against: base), rank: 1)
                }
                return .ignored
            }
            if name == XName("", "guid") {
                guidIsPermalink = attributes.value("isPermaLink")?.lowercased() != "false"
            }
            if name == XName("xhtml", "body") { return .markup }
            return RSSParser.isItemField(name) ? .allText : .ignored
        }
        if depth <= 2, name.local == "title" || name.local == "link", RSSParser.isRSS(name.ns) { return .allText }
        if depth <= 2, name == XName("dc", "title") { return .allText }
        return .ignored
    }

    /// An item's summary or content is kept as bytes (no `String` until it is reduced to plain
    /// text); everything else goes to ``end(_:text:base:depth:)``. Only names that need no
    /// normalising take this path; the same candidates are offered as there.
    mutating func end(_ name: XName, bytes: UnsafeBufferPointer<UInt8>, base: String?, depth: Int) throws {
        if item != nil, depth == itemDepth + 1 {
            let field: (FeedItemBuilder.Field, Int)? = switch (name.ns, name.local) {
            case ("", "description"), ("rss10", "description"), ("rss090", "description"): (.summary, 0)
            case ("itunes", "summary"): (.summary, 1)
            case ("content", "encoded"): (.content, 0)
            case ("xhtml", "body"): (.content, 1)
            default: nil
            }
            if let field {
                item!.offer(field.0, bytes: bytes, rank: field.1)
                return
            }
        }
        try end(name, text: String(decoding: bytes, as: UTF8.self), base: base, depth: depth)
    }

    mutating func end(_ name: XName, text: String, base: String?, depth: Int) throws {
        let name = RSSParser.normalized(name)
        // The item is changed in place (`item!`), so its candidates are never copied.
        if item != nil {
            if depth == itemDepth, name.local == "item" {
                var builder = item!
                try finish(&builder)
                return
            }
            if inAuthor, depth == itemDepth + 2, name == XName("", "name") {
                item!.offer(.author, text)
                return
            }
            guard depth == itemDepth + 1 || name == XName("media", "title") else { return }
            // By namespace, then by name (a tuple switch compares every case's namespace in turn).
            switch name.ns {
            case "", "rss10", "rss090":
                let own = name.ns.isEmpty
                switch name.local {
                case "title": item!.offer(.title, text)
                case "link": item!.offer(.link, FeedLink.resolve(text, against: base))
                case "description": item!.offer(.summary, text)
                case "guid" where own:
                    item!.offer(.id, text)
                    if guidIsPermalink, let link = RSSParser.permalink(text, base: base) { item!.offer(.link, link, rank: 2) }
                case "pubDate" where own: item!.offer(.published, text)
                case "author" where own:
                    inAuthor = false
                    item!.offer(.author, text)
                case "rating" where own: RSSParser.rate(text, &item!)
                default: break
                }
            case "dc":
                switch name.local {
                case "title": item!.offer(.title, text, rank: 1)
                case "date": item!.offer(.updated, text)
                case "creator": item!.offer(.author, text, rank: 1)
                case "author": item!.offer(.author, text, rank: 2)
                default: break
                }
            case "media": if name.local == "title" { item!.offer(.title, text, rank: 2) }
            case "atom":
                switch name.local {
                case "id": item!.offer(.id, text, rank: 2)
                case "published": item!.offer(.published, text, rank: 2)
                case "updated": item!.offer(.updated, text, rank: 2)
                default: break
                }
            case "itunes":
                if name.local == "summary" { item!.offer(.summary, text, rank: 1) } else if name.local == "author" { item!.offer(.author, text, rank: 3) }
            case "content": if name.local == "encoded" { item!.offer(.content, text) }
            case "xhtml": if name.local == "body" { item!.offer(.content, text, rank: 1) }
            case "dcterms":
                if name.local == "issued" { item!.offer(.published, text, rank: 1) } else if name.local == "modified" { item!.offer(.updated, text, rank: 1) }
            case "im": if name.local == "rating" { RSSParser.rate(text, &item!) }
            default: break
            }
            return
        }
        // The channel's dc:title stands until (and unless) its own title is read.
        if depth <= 2, name == XName("dc", "title"), channelTitle == nil { document.title = HTMLText.plainText(text) }
        if depth <= 2, RSSParser.isRSS(name.ns) {
            if name.local == "title", channelTitle == nil { channelTitle = HTMLText.plainText(text); document.title = channelTitle }
            if name.local == "link", channelLink == nil {
                let link = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !link.isEmpty { channelLink = URLResolver.resolve(link, against: base); document.link = channelLink }
            }
        }
    }
}

extension RSSParser {
    /// A rating element's value, kept when it is a number from 1 to 5.
    private static func rate(_ text: String, _ item: inout FeedItemBuilder) {
        if let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), (1...5).contains(value) { item.rating = value }
    }

    /// The link a permalink guid gives: the guid when it is an http(s) URL, or a relative one
    /// resolved against an http(s) xml:base; nil for any other guid (`1`, `a`, a `tag:` URI),
    /// which names the item but cannot be opened.
    static func permalink(_ guid: String, base: String?) -> String? {
        let trimmed = FeedWhitespace.trimmed(guid)
        if trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") { return FeedLink.resolve(trimmed, against: base) }
        guard let base, base.hasPrefix("http://") || base.hasPrefix("https://"), !trimmed.isEmpty,
              !trimmed.contains(":"), !trimmed.contains(" ") else { return nil }
        let resolved = FeedLink.resolve(trimmed, against: base)
        return resolved.hasPrefix("http://") || resolved.hasPrefix("https://") ? resolved : nil
    }

    /// Adds the item being read to the document.
    private mutating func finish(_ builder: inout FeedItemBuilder) throws {
        let built = builder.build { "\(path):\(itemLine)" }
        if let emit { try emit(built, document) } else { document.items.append(built) }
        document.warnings += builder.warnings
        item = nil
    }
}

extension [XMLAttribute] {
    /// The value of the un-namespaced attribute `name`.
    func value(_ name: String) -> String? {
        first { $0.localName == name && ($0.namespaceURI ?? "").isEmpty }?.value
    }
}

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
    /// The last item's builder, emptied, for the next item (see ``FeedItemBuilder/reset()``).
    private var spare: FeedItemBuilder?
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
    var emit: ((StreamedFeedItem, FeedDocument) throws -> Void)?

    init(format: FeedFormat, path: String, line: @escaping () -> Int) {
        document = FeedDocument(format: format)
        self.path = path
        lineOf = line
    }

    /// Whether `name` is an item field read as text (a switch on its key: it runs for every element).
    private static func isItemField(_ name: XName) -> Bool {
        switch name.key {
        case .title, .link, .description, .guid, .pubDate, .author, .rating,
             .dcCreator, .dcAuthor, .dcDate, .dcTitle, .dctermsIssued, .dctermsModified, .contentEncoded, .xhtmlBody,
             .atomUpdated, .atomPublished, .atomId, .itunesAuthor, .itunesSummary,
             .rss10Title, .rss10Link, .rss10Description, .rss090Title, .rss090Link, .rss090Description, .imRating, .mediaTitle: true
        case .other, .item, .name, .rss10Item, .rss090Item, .atomLink: false
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
    /// Only for a name whose ``XName/mayBeRSSAlias`` flag is set (the flag, read for every element,
    /// says at once whether either rule can apply).
    private static func alias(_ name: XName) -> XName {
        if name.ns.utf8.count > 20, RSSParser.itunesVariants.contains(name.ns) { return XName("itunes", name.local) }
        if name.ns.isEmpty, name.local.utf8.withContiguousStorageIfAvailable({ $0.contains(UInt8(ascii: ":")) }) ?? true, let colon = name.local.firstIndex(of: ":"),
           RSSParser.undeclaredPrefixes.contains(name.local[..<colon]) {
            return XName(String(name.local[..<colon]), String(name.local[name.local.index(after: colon)...]))
        }
        return name
    }

    mutating func start(_ name: XName, attributes: [XMLAttribute], base: String?, depth: Int) throws -> Capture {
        // The name as given unless it may need normalising (no copy of it for every element).
        name.mayBeRSSAlias ? try start(normalized: RSSParser.alias(name), attributes: attributes, base: base, depth: depth)
            : try start(normalized: name, attributes: attributes, base: base, depth: depth)
    }

    private mutating func start(normalized name: XName, attributes: [XMLAttribute], base: String?, depth: Int) throws -> Capture {
        if name.isRSS090 { sawRSS090 = true }
        if name.key == .item || name.key == .rss10Item || name.key == .rss090Item {
            // An item inside an item: the first was never closed (a recovered, ill-formed feed).
            if var open = item.take() { try finish(&open) }
            item = spare.take() ?? FeedItemBuilder()
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
            if inAuthor, depth == itemDepth + 2, name.key == .name { return .allText }
            // Only the item's own children are its fields; media:title may be in a media:group.
            guard depth == itemDepth + 1 || name.key == .mediaTitle else { return .ignored }
            if name.key == .author {
                inAuthor = true
                return .ownText
            }
            if name.key == .atomLink {
                let rel = attributes.value("rel") ?? "alternate"
                let type = attributes.value("type")
                if rel == "alternate", type == nil || type!.asciiAwareContains("html"), let href = attributes.value("href") {
                    item?.offer(.link, URLResolver.resolve(href, against: base), rank: 1)
                }
                return .ignored
            }
            if name.key == .guid {
                guidIsPermalink = !(attributes.value("isPermaLink").map(RSSParser.isFalse) ?? false)
            }
            if name.key == .xhtmlBody { return .markup }
            return RSSParser.isItemField(name) ? .allText : .ignored
        }
        if depth <= 2 {
            switch name.key {
            case .title, .link, .rss10Title, .rss10Link, .rss090Title, .rss090Link, .dcTitle: return .allText
            default: return .ignored
            }
        }
        return .ignored
    }

    /// An item's title, dates, summary or content (and its id and link, when they need no more
    /// than trimming) is kept as bytes (no `String` until it is asked for); everything else goes to ``end(_:text:base:depth:)``. Only names that need no
    /// normalising take this path; the same candidates are offered as there.
    mutating func end(_ name: XName, bytes: UnsafeBufferPointer<UInt8>, base: String?, depth: Int) throws {
        if item != nil, depth == itemDepth + 1 {
            let field: (FeedItemBuilder.Field, Int)? = switch name.key {
            case .title, .rss10Title, .rss090Title: (.title, 0)
            case .pubDate: (.published, 0)
            case .dctermsIssued: (.published, 1)
            case .atomPublished: (.published, 2)
            case .dcDate: (.updated, 0)
            case .dctermsModified: (.updated, 1)
            case .atomUpdated: (.updated, 2)
            case .description, .rss10Description, .rss090Description: (.summary, 0)
            case .itunesSummary: (.summary, 1)
            case .contentEncoded: (.content, 0)
            case .xhtmlBody: (.content, 1)
            default: nil
            }
            if let field {
                item!.offer(field.0, bytes: bytes, rank: field.1)
                return
            }
            // A guid that is no permalink, and a link that stays as written (trimmed): an absolute
            // one or one with no xml:base; both as bytes, as ``end(normalized:text:base:depth:)`` offers them.
            if name.key == .guid, !guidIsPermalink {
                item!.offer(.id, bytes: bytes)
                return
            }
            if name.key == .link || name.key == .rss10Link || name.key == .rss090Link, let range = FeedWhitespace.trimmedRange(bytes) {
                let trimmed = UnsafeBufferPointer(rebasing: bytes[range])
                if base == nil || FeedLink.hasASCIIScheme(bytes: trimmed) {
                    item!.offer(.link, bytes: trimmed)
                    return
                }
            }
        }
        try end(name, text: String(decoding: bytes, as: UTF8.self), base: base, depth: depth)
    }

    mutating func end(_ name: XName, text: String, base: String?, depth: Int) throws {
        name.mayBeRSSAlias ? try end(normalized: RSSParser.alias(name), text: text, base: base, depth: depth)
            : try end(normalized: name, text: text, base: base, depth: depth)
    }

    private mutating func end(normalized name: XName, text: String, base: String?, depth: Int) throws {
        // The item is changed in place (`item!`), so its candidates are never copied.
        if item != nil {
            if depth == itemDepth, name.local == "item" {
                var builder = item.take()!
                try finish(&builder)
                return
            }
            if inAuthor, depth == itemDepth + 2, name.key == .name {
                item!.offer(.author, text)
                return
            }
            guard depth == itemDepth + 1 || name.key == .mediaTitle else { return }
            // By the name's key, worked out once per name (no string comparisons per element).
            switch name.key {
            case .title, .rss10Title, .rss090Title: item!.offer(.title, text)
            case .link, .rss10Link, .rss090Link: item!.offer(.link, FeedLink.resolve(text, against: base))
            case .description, .rss10Description, .rss090Description: item!.offer(.summary, text)
            case .guid:
                item!.offer(.id, text)
                if guidIsPermalink, let link = RSSParser.permalink(text, base: base) { item!.offer(.link, link, rank: 2) }
            case .pubDate: item!.offer(.published, text)
            case .author:
                inAuthor = false
                item!.offer(.author, text)
            case .rating: RSSParser.rate(text, &item!)
            case .dcTitle: item!.offer(.title, text, rank: 1)
            case .dcDate: item!.offer(.updated, text)
            case .dcCreator: item!.offer(.author, text, rank: 1)
            case .dcAuthor: item!.offer(.author, text, rank: 2)
            case .mediaTitle: item!.offer(.title, text, rank: 2)
            case .atomId: item!.offer(.id, text, rank: 2)
            case .atomPublished: item!.offer(.published, text, rank: 2)
            case .atomUpdated: item!.offer(.updated, text, rank: 2)
            case .itunesSummary: item!.offer(.summary, text, rank: 1)
            case .itunesAuthor: item!.offer(.author, text, rank: 3)
            case .contentEncoded: item!.offer(.content, text)
            case .xhtmlBody: item!.offer(.content, text, rank: 1)
            case .dctermsIssued: item!.offer(.published, text, rank: 1)
            case .dctermsModified: item!.offer(.updated, text, rank: 1)
            case .imRating: RSSParser.rate(text, &item!)
            case .other, .item, .name, .rss10Item, .rss090Item, .atomLink: break
            }
            return
        }
        // The channel's dc:title stands until (and unless) its own title is read.
        if depth <= 2, name.key == .dcTitle, channelTitle == nil { document.title = HTMLText.plainText(text) }
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
    /// Whether `text` lower-cased is `false`, compared on its bytes (no lower-cased copy; no
    /// other scalar lower-cases to one of its letters).
    static func isFalse(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // `| 0x20` lower-cases an ASCII capital and leaves each of these letters as it is.
            bytes.count == 5 && bytes[0] | 0x20 == UInt8(ascii: "f") && bytes[1] | 0x20 == UInt8(ascii: "a")
                && bytes[2] | 0x20 == UInt8(ascii: "l") && bytes[3] | 0x20 == UInt8(ascii: "s") && bytes[4] | 0x20 == UInt8(ascii: "e")
        }
    }

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

    /// Adds the item being read (taken out of `item` by the caller) to the document, and keeps its
    /// builder, emptied, for the next item.
    private mutating func finish(_ builder: inout FeedItemBuilder) throws {
        do {
            // Gone before `reset`, so the builder's arrays are its own again and keep their storage.
            let built = builder.buildStreamed { "\(path):\(itemLine)" }
            if let emit { try emit(built, document) } else { document.items.append(built.item) }
        }
        // Most items have no warning: no array append (a generic call) for them.
        if !builder.warnings.isEmpty { document.warnings += builder.warnings }
        builder.reset()
        spare = builder
    }
}

extension [XMLAttribute] {
    /// The value of the un-namespaced attribute `name`.
    func value(_ name: String) -> String? {
        // A plain loop: `first(where:)` and an optional's `?? ""` per attribute cost more than the compares.
        // By index: each attribute read in place, not copied out (three strings retained and released).
        for index in indices where self[index].localName == name {
            if self[index].namespaceURI?.isEmpty ?? true { return self[index].value }
        }
        return nil
    }
}

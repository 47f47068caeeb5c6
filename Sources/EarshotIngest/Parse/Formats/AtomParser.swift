import EarshotCore
import Foundation

/// Reads Atom 1.0 and 0.3, including Apple's customer-review feeds (`im:rating`).
///
/// Field rules: id from atom:id; link from the rel=alternate (or rel-less) link of an HTML
/// or unspecified type, resolved against xml:base, else an http(s) id; published from published (1.0) or issued
/// (0.3); updated from updated or modified; author from author/name, else author/email;
/// summary from summary; content from content (text, html or xhtml, all reduced to text).
///
/// Text constructs keep their type: `type="text"` (the default) is plain text, so a `<` or an
/// `&lt;` in it stays text; `html` is reduced by ``HTMLText``; `xhtml` is read as markup, so its
/// scripts and styles are dropped like HTML's. A construct in Base64 (Atom 0.3's `mode="base64"`,
/// or a MIME type that is neither text nor XML, RFC 4287 §4.1.3.3) is decoded first.
///
/// Only an entry's own children are its fields (an `<id>` inside an unknown child element is
/// not the entry's id), and only an author's own children its name and email.
struct AtomParser: XMLElementHandler {
    var document: FeedDocument
    let path: String
    private var entry: FeedItemBuilder?
    /// The last entry's builder, emptied, for the next entry (see ``FeedItemBuilder/reset()``).
    private var spare: FeedItemBuilder?
    private var entryDepth = 0
    private var entryLine = 0
    /// Depth of an atom:source or author element being read inside the entry, if any.
    private var sourceDepth: Int?
    private var inAuthor = false
    /// Depth of the author element being read.
    private var authorDepth = 0
    private var authorName: String?
    private var authorEmail: String?
    private var feedAuthorName: String?
    /// Whether the text construct being read is plain text (`type="text"`).
    private var plainText = false
    /// Whether the text construct being read is Base64 (decoded when it ends).
    private var base64Text = false
    /// The last base links were resolved against, with its cut (most feeds have one `xml:base`).
    private var linkBase: FeedLink.Base?
    /// The namespace of the root `feed` (an Atom draft namespace for format `atom`).
    private let feedNamespace: String
    private let lineOf: () -> Int
    /// Receives each item as soon as it ends, with the document read so far; nil collects
    /// items in ``document``.
    var emit: ((StreamedFeedItem, FeedDocument) throws -> Void)?

    init(format: FeedFormat, path: String, namespace: String = "atom", line: @escaping () -> Int) {
        document = FeedDocument(format: format)
        self.path = path
        feedNamespace = namespace
        lineOf = line
    }

    /// Whether `name` is in Atom's namespace: 1.0's, 0.3's, none, or the root `feed`'s (a string
    /// comparison only for a namespace with no key).
    private func isAtom(_ name: XName) -> Bool {
        switch name.namespace {
        case .atom, .atom03, .none: true
        case .im, .other: name.ns == feedNamespace
        }
    }

    /// The usual `type` values, already trimmed and lower-case (a switch, not a hashed set: it runs for every text construct).
    private static func isUsualType(_ type: String) -> Bool {
        switch type {
        case "text", "html", "xhtml", "text/plain", "text/html", "application/xhtml+xml": true
        default: false
        }
    }

    /// How a text construct's `type` (and Atom 0.3's `mode`) says to read it.
    private static func capture(type: String?, mode: String?) -> (capture: Capture, plain: Bool, base64: Bool) {
        // The two values nearly every text construct has, answered before the general rules
        // (which give the same: a type with no `/` is not Base64).
        if mode == nil, let type {
            if type == "html" { return (.allText, false, false) }
            if type == "text" { return (.allText, true, false) }
        }
        // The usual values are already trimmed and lower-case: only others go through Foundation.
        let type = type.map { AtomParser.isUsualType($0) ? $0 : $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let (capture, plain) = AtomParser.reading(type: type, mode: mode)
        return (capture, plain, isBase64(type: type, mode: mode))
    }

    /// Atom 0.3's `mode="base64"`, or a MIME type that is not text and not XML (RFC 4287 §4.1.3.3).
    private static func isBase64(type: String?, mode: String?) -> Bool {
        if let mode, mode.lowercased() == "base64" { return true }
        guard let type, type.asciiAwareContains("/"), !type.hasPrefix("text/") else { return false }
        return !(type.hasSuffix("+xml") || type.hasSuffix("/xml"))
    }

    /// `text` decoded from Base64 as UTF-8, or `text` itself when it is not Base64.
    private static func decodedBase64(_ text: String) -> String {
        guard let data = Data(base64Encoded: text.filter { !$0.isWhitespace }) else { return text }
        return String(decoding: data, as: UTF8.self)
    }

    /// The capture and plainness a (normalised) `type` asks for.
    private static func reading(type: String?, mode: String?) -> (Capture, Bool) {
        switch type {
        case nil, "text", "text/plain": return (.allText, true)
        case "html", "text/html": return (.allText, false)
        case "xhtml", "application/xhtml+xml": return mode?.lowercased() == "escaped" ? (.allText, false) : (.markup, false)
        case let other?: return (.allText, other.hasPrefix("text/") && !other.asciiAwareContains("html"))
        }
    }

    mutating func start(_ name: XName, attributes: [XMLAttribute], base: String?, depth: Int) throws -> Capture {
        // By the name's keys, worked out once per name (no string comparisons per element).
        if name.namespace == .im { return entry != nil && sourceDepth == nil && name.localKey == .rating ? .allText : .ignored }
        guard isAtom(name) else { return .ignored }
        if name.localKey == .entry {
            // An entry inside an entry: the first was never closed (a recovered, ill-formed feed).
            if var open = entry.take() {
                if inAuthor { open.offer(.author, authorName ?? authorEmail, plain: true) }
                try finish(&open)
            }
            entry = spare.take() ?? FeedItemBuilder()
            inAuthor = false
            sourceDepth = nil
            entryDepth = depth
            entryLine = lineOf()
            return .ignored
        }
        if sourceDepth != nil { return .ignored }
        if !isOwnChild(depth: depth) { return .ignored }
        switch name.localKey {
        case .source where entry != nil:
            sourceDepth = depth
            return .ignored
        case .author:
            inAuthor = true
            authorDepth = depth
            authorName = nil
            authorEmail = nil
            return .ignored
        case .link:
            let (rel, type, href) = AtomParser.linkAttributes(attributes)
            // `text/html` (nearly every typed link) answered before the search for `html`.
            if rel == nil || rel == "alternate", type == nil || type == "text/html" || type!.asciiAwareContains("html"), let href {
                let link: String
                if let base {
                    if linkBase.map({ !$0.holds(for: base) }) ?? true { linkBase = FeedLink.Base(base) }
                    link = FeedLink.resolve(href, against: linkBase!)
                } else {
                    link = FeedLink.resolve(href, against: nil)
                }
                if entry != nil { entry?.offer(.link, link) } else if document.link == nil { document.link = link }
            }
            return .ignored
        case .title, .summary, .content, .subtitle:
            let type = attributes.value("type")
            // A construct whose one attribute is its `type` has no `mode` to look for.
            let mode = type != nil && attributes.count == 1 ? nil : attributes.value("mode")
            let (capture, plain, base64) = AtomParser.capture(type: type, mode: mode)
            plainText = plain
            base64Text = base64
            return capture
        case .id, .published, .issued, .updated, .modified, .name, .email:
            return .allText
        default:
            return .ignored
        }
    }

    /// An entry's id, title (not an author's), dates, summary or content is kept as bytes (no
    /// `String` until it is asked for), when no Base64 was read; everything else goes to
    /// ``end(_:text:base:depth:)``, whose checks and ranks this repeats for those names.
    mutating func end(_ name: XName, bytes: UnsafeBufferPointer<UInt8>, base: String?, depth: Int) throws {
        if entry != nil, !base64Text, sourceDepth == nil, name.namespace != .im {
            let field: (FeedItemBuilder.Field, Int, Bool)? = switch name.localKey {
            case .summary: (.summary, 0, plainText)
            case .content: (.content, 0, plainText)
            case .title where !inAuthor: (.title, 0, plainText)
            case .id: (.id, 0, false)
            case .published: (.published, 0, false)
            case .issued: (.published, 1, false)
            case .updated: (.updated, 0, false)
            case .modified: (.updated, 1, false)
            default: nil
            }
            if let field, isAtom(name), isOwnChild(depth: depth) {
                entry!.offer(field.0, bytes: bytes, rank: field.1, plain: field.2)
                return
            }
        }
        try end(name, text: String(decoding: bytes, as: UTF8.self), base: base, depth: depth)
    }

    mutating func end(_ name: XName, text: String, base: String?, depth: Int) throws {
        if name.namespace == .im {
            if name.localKey == .rating, sourceDepth == nil, entry != nil,
               let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), (1...5).contains(value) {
                entry?.rating = value
            }
            return
        }
        guard isAtom(name) else { return }
        if let source = sourceDepth {
            if depth == source, name.localKey == .source { sourceDepth = nil }
            return
        }
        if !isOwnChild(depth: depth), !(entry != nil && depth == entryDepth && name.localKey == .entry) { return }
        let isTextConstruct = name.localKey == .title || name.localKey == .summary || name.localKey == .content || name.localKey == .subtitle
        // The text handed on as it is (borrowed), or decoded: a `let` holding either retained
        // and released it for every element.
        if base64Text && isTextConstruct {
            try end(field: name, text: AtomParser.decodedBase64(text), depth: depth)
        } else {
            try end(field: name, text: text, depth: depth)
        }
    }

    /// The rest of ``end(_:text:base:depth:)``, for an Atom element that is the entry's (or the
    /// feed's) own child, with its text decoded when it was Base64.
    private mutating func end(field name: XName, text: String, depth: Int) throws {
        // The entry is changed in place (`entry!`), so its candidates are never copied.
        if entry != nil {
            if depth == entryDepth, name.localKey == .entry {
                var builder = entry.take()!
                try finish(&builder)
                return
            }
            switch name.localKey {
            case .title where !inAuthor: entry!.offer(.title, text, plain: plainText)
            case .id: entry!.offer(.id, text)
            case .published: entry!.offer(.published, text)
            case .issued: entry!.offer(.published, text, rank: 1)
            case .updated: entry!.offer(.updated, text)
            case .modified: entry!.offer(.updated, text, rank: 1)
            case .summary: entry!.offer(.summary, text, plain: plainText)
            case .content: entry!.offer(.content, text, plain: plainText)
            case .name where inAuthor: authorName = text
            case .email where inAuthor: authorEmail = text
            case .author:
                inAuthor = false
                entry!.offer(.author, authorName ?? authorEmail, plain: true)
            default: break
            }
            return
        }
        switch name.localKey {
        case .title where document.title == nil && !inAuthor: document.title = plainText ? HTMLText.fold(text) : HTMLText.plainText(text)
        case .name where inAuthor: authorName = text
        case .email where inAuthor: authorEmail = text
        case .author:
            inAuthor = false
            if feedAuthorName == nil { feedAuthorName = authorName ?? authorEmail }
        default: break
        }
    }
}

extension AtomParser {
    /// A link's un-namespaced `rel`, `type` and `href` (the first of each), in one pass over
    /// `attributes`, as three ``Swift/Array/value(_:)`` calls would find them.
    private static func linkAttributes(_ attributes: [XMLAttribute]) -> (rel: String?, type: String?, href: String?) {
        var rel: String?, type: String?, href: String?
        for index in attributes.indices where attributes[index].namespaceURI?.isEmpty ?? true {
            // By length first: most names are told apart without a string comparison.
            switch attributes[index].localName.utf8.count {
            case 3: if rel == nil, attributes[index].localName == "rel" { rel = attributes[index].value }
            case 4:
                if type == nil, attributes[index].localName == "type" {
                    type = attributes[index].value
                } else if href == nil, attributes[index].localName == "href" {
                    href = attributes[index].value
                }
            default: continue
            }
        }
        return (rel, type, href)
    }

    /// True when `text` starts with an http or https scheme (in any case: schemes are case-insensitive).
    private static func isHTTP(_ text: String) -> Bool {
        let scheme = text.prefix(8).lowercased()
        return scheme.hasPrefix("http://") || scheme.hasPrefix("https://")
    }

    /// True when an element at `depth` is a child of the entry (or feed) being read, or of its author.
    private func isOwnChild(depth: Int) -> Bool {
        if inAuthor { return depth == authorDepth || depth == authorDepth + 1 }
        return entry != nil ? depth == entryDepth + 1 : depth <= 1
    }

    /// Adds the entry being read to the document; an entry without an author has the feed's (RFC 4287 §4.2.1),
    /// and one without a link its id when that id is an http(s) URL (as feedparser and feed readers do;
    /// a `tag:` or `urn:` id names the entry but cannot be opened, so it never becomes a link).
    /// The caller has taken the entry out of `entry`; its builder, emptied, is kept for the next entry.
    private mutating func finish(_ builder: inout FeedItemBuilder) throws {
        if !builder.has(.author), let feedAuthorName { builder.offer(.author, feedAuthorName, plain: true) }
        if !builder.has(.link), let id = builder.value(.id), AtomParser.isHTTP(id),
           !id.contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            builder.offer(.link, id)
        }
        do {
            // Gone before `reset`, so the builder's arrays are its own again and keep their storage.
            let built = builder.buildStreamed { "\(path):\(entryLine)" }
            if let emit { try emit(built, document) } else { document.items.append(built.item) }
        }
        // Most items have no warning: no array append (a generic call) for them.
        if !builder.warnings.isEmpty { document.warnings += builder.warnings }
        builder.reset()
        spare = builder
    }
}

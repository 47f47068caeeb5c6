/// A name with its namespace mapped to the short prefix feeds are written with (`atom`,
/// `dc`, `content`, …), so handlers match on meaning, not on whatever prefix a document chose.
/// A class: every element's name is handed from libxml2's callbacks through the assembler to
/// the handlers, and a copy is one retain rather than one per string.
final class XName: Hashable, CustomStringConvertible, Sendable {
    let ns: String
    let local: String
    /// The name as a number when it is one the feed handlers match on (``Key/other`` for any
    /// other), worked out once when the name is made, so handlers switch on it instead of
    /// comparing strings for every element.
    let key: Key
    /// The namespace and the local name as numbers for the ones Atom entries are read from
    /// (``Namespace/other`` and ``Local/other`` for any other), worked out with ``key``.
    let namespace: Namespace
    let localKey: Local
    /// Whether RSS may read the name as another (a long namespace URI that may be a misspelled
    /// one, or a `prefix:local` name with no namespace): worked out once, so the check per
    /// element is one flag.
    let mayBeRSSAlias: Bool
    /// Whether the namespace is RSS 0.90's (`rss090`), worked out with ``key``.
    let isRSS090: Bool

    init(_ ns: String, _ local: String) {
        self.ns = ns
        self.local = local
        key = Key(ns: ns, local: local)
        namespace = Namespace(ns)
        localKey = Local(local)
        mayBeRSSAlias = ns.utf8.count > 20 || (ns.isEmpty && local.utf8.contains(UInt8(ascii: ":")))
        isRSS090 = ns == "rss090"
    }

    convenience init(uri: String?, local: String) {
        self.init(XName.prefix(for: uri), local)
    }

    /// The namespaces Atom parsing tells apart: none, Atom 1.0's, Atom 0.3's and Apple's `im`.
    enum Namespace: UInt8 {
        case other, none, atom, atom03, im

        init(_ ns: String) {
            self = switch ns {
            case "": .none
            case "atom": .atom
            case "atom03": .atom03
            case "im": .im
            default: .other
            }
        }
    }

    /// The local names Atom entries are read from, in any namespace.
    enum Local: UInt8 {
        case other, entry, source, author, link, title, summary, content, subtitle, id, published, issued, updated, modified, name, email, rating

        init(_ local: String) {
            self = switch local {
            case "entry": .entry
            case "source": .source
            case "author": .author
            case "link": .link
            case "title": .title
            case "summary": .summary
            case "content": .content
            case "subtitle": .subtitle
            case "id": .id
            case "published": .published
            case "issued": .issued
            case "updated": .updated
            case "modified": .modified
            case "name": .name
            case "email": .email
            case "rating": .rating
            default: .other
            }
        }
    }

    /// Equal names have equal keys (a key depends only on the name), and two known keys name one name each.
    static func == (lhs: XName, rhs: XName) -> Bool {
        guard lhs.key == rhs.key else { return false }
        return lhs.key != .other || (lhs.ns == rhs.ns && lhs.local == rhs.local)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(ns)
        hasher.combine(local)
    }

    /// The names RSS and Atom items are read from, one case per namespace prefix and local name.
    enum Key: UInt8 {
        case other
        case title, link, description, guid, pubDate, author, rating, item, name
        case rss10Title, rss10Link, rss10Description, rss10Item
        case rss090Title, rss090Link, rss090Description, rss090Item
        case dcCreator, dcAuthor, dcDate, dcTitle
        case dctermsIssued, dctermsModified
        case contentEncoded, xhtmlBody
        case atomUpdated, atomPublished, atomId, atomLink
        case itunesAuthor, itunesSummary
        case imRating, mediaTitle

        init(ns: String, local: String) {
            self = switch ns {
            case "":
                switch local {
                case "title": .title
                case "link": .link
                case "description": .description
                case "guid": .guid
                case "pubDate": .pubDate
                case "author": .author
                case "rating": .rating
                case "item": .item
                case "name": .name
                default: .other
                }
            case "rss10", "rss090":
                switch local {
                case "title": ns == "rss10" ? .rss10Title : .rss090Title
                case "link": ns == "rss10" ? .rss10Link : .rss090Link
                case "description": ns == "rss10" ? .rss10Description : .rss090Description
                case "item": ns == "rss10" ? .rss10Item : .rss090Item
                default: .other
                }
            case "dc":
                switch local {
                case "creator": .dcCreator
                case "author": .dcAuthor
                case "date": .dcDate
                case "title": .dcTitle
                default: .other
                }
            case "dcterms": local == "issued" ? .dctermsIssued : local == "modified" ? .dctermsModified : .other
            case "content": local == "encoded" ? .contentEncoded : .other
            case "xhtml": local == "body" ? .xhtmlBody : .other
            case "atom":
                switch local {
                case "updated": .atomUpdated
                case "published": .atomPublished
                case "id": .atomId
                case "link": .atomLink
                default: .other
                }
            case "itunes": local == "author" ? .itunesAuthor : local == "summary" ? .itunesSummary : .other
            case "im": local == "rating" ? .imRating : .other
            case "media": local == "title" ? .mediaTitle : .other
            default: .other
            }
        }
    }

    var description: String { ns.isEmpty ? local : ns + ":" + local }

    static let knownNamespaces: [String: String] = [
        "http://www.w3.org/2005/Atom": "atom",
        "http://purl.org/atom/ns#": "atom03",
        "http://purl.org/rss/1.0/": "rss10",
        "http://my.netscape.com/rdf/simple/0.9/": "rss090",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
        "http://purl.org/dc/elements/1.1/": "dc",
        "http://purl.org/dc/terms/": "dcterms",
        "http://purl.org/rss/1.0/modules/content/": "content",
        "http://www.w3.org/1999/xhtml": "xhtml",
        "http://itunes.apple.com/rss": "im",
        "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
        "http://search.yahoo.com/mrss/": "media",
        "http://www.w3.org/XML/1998/namespace": "xml",
        "http://backend.userland.com/rss2": "",
        // Older and unofficial RSS namespaces some feeds put on <rss> (feedparser reads them too).
        "http://backend.userland.com/rss": "",
        "http://backend.userland.com/rss2.1": "",
        "http://blogs.law.harvard.edu/tech/rss": "",
    ]

    static func prefix(for uri: String?) -> String {
        guard let uri, !uri.isEmpty else { return "" }
        if let known = knownNamespaces[uri] { return known }
        if uri.hasPrefix("http://www.w3.org/2005/Atom") { return "atom" }
        return uri
    }
}

/// What a handler wants from an element it was told about.
enum Capture {
    /// Only the element's own text nodes; child elements are reported separately.
    case ownText
    /// No text at all (the handler ignores it, so no string is built); child elements are
    /// reported separately. ``XMLElementHandler/end(_:text:base:depth:)`` gets "".
    case ignored
    /// All text inside the element, with breaks between block elements; children are not reported.
    case allText
    /// All content inside the element as HTML for ``HTMLText``: child elements written back as
    /// bare tags (`<p>`, `</p>`, attributes dropped) and text escaped, so scripts can be dropped
    /// and escaped markup stays text. For inline XHTML; children are not reported.
    case markup
}

/// Receives a document's elements in order, as a feed parser wants them.
protocol XMLElementHandler {
    /// An element opened; `base` is the effective xml:base there.
    mutating func start(_ name: XName, attributes: [XMLAttribute], base: String?, depth: Int) throws -> Capture
    /// An element closed, with the text it captured (entities decoded, untrimmed).
    /// - Throws: whatever the handler's consumer throws (a streamed item that could not be written).
    mutating func end(_ name: XName, text: String, base: String?, depth: Int) throws
    /// An element closed, with the text it captured as valid UTF-8 bytes (only for the call), so
    /// a handler that keeps long text as bytes makes no `String` of it. By default the text
    /// goes to ``end(_:text:base:depth:)``.
    mutating func end(_ name: XName, bytes: UnsafeBufferPointer<UInt8>, base: String?, depth: Int) throws
}

extension XMLElementHandler {
    mutating func end(_ name: XName, bytes: UnsafeBufferPointer<UInt8>, base: String?, depth: Int) throws {
        try end(name, text: String(decoding: bytes, as: UTF8.self), base: base, depth: depth)
    }
}

/// An ``XMLElementHandler`` kept in a class, so ``XMLEventAssembler`` calls it through a class
/// reference and changes it in place: a mutating call on an existential of a struct this large
/// (its value is boxed) projects the box and makes it unique on every element.
class XMLElementHandlerBox {
    /// The handler as it is now.
    var anyHandler: any XMLElementHandler { fatalError("abstract") }
    /// The handler's type.
    var handlerType: Any.Type { fatalError("abstract") }
    func start(_ name: XName, attributes: [XMLAttribute], base: String?, depth: Int) throws -> Capture { fatalError("abstract") }
    func end(_ name: XName, text: String, base: String?, depth: Int) throws { fatalError("abstract") }
    func end(_ name: XName, bytes: UnsafeBufferPointer<UInt8>, base: String?, depth: Int) throws { fatalError("abstract") }
}

/// ``XMLElementHandlerBox`` for a handler of type `H`.
final class XMLHandlerBox<H: XMLElementHandler>: XMLElementHandlerBox {
    // One task uses a box at a time (its assembler's): no per-access exclusivity checks.
    @exclusivity(unchecked) var handler: H

    init(_ handler: H) { self.handler = handler }

    override var anyHandler: any XMLElementHandler { handler }
    override var handlerType: Any.Type { H.self }
    override func start(_ name: XName, attributes: [XMLAttribute], base: String?, depth: Int) throws -> Capture {
        try handler.start(name, attributes: attributes, base: base, depth: depth)
    }
    override func end(_ name: XName, text: String, base: String?, depth: Int) throws {
        try handler.end(name, text: text, base: base, depth: depth)
    }
    override func end(_ name: XName, bytes: UnsafeBufferPointer<UInt8>, base: String?, depth: Int) throws {
        try handler.end(name, bytes: bytes, base: base, depth: depth)
    }
}

/// The limits and the rules for turning a document's events into an ``XMLElementHandler``'s
/// elements: xml:base, text capture, and the limits that keep hostile documents in bounded
/// time and memory. ``XMLEventAssembler`` applies them to events from ``XMLPushParser``;
/// ``run(_:handler:startingAtCurrentNode:)`` to a tree walked by ``XMLStreamReader``.
struct XMLEventDriver {
    /// Deeper nesting than this ends the parse with a hostile-input error.
    var maxDepth = 256
    /// A single field larger than this (in UTF-8 bytes) ends the parse with a hostile-input error.
    var maxFieldBytes = 8 << 20

    enum Failure: Error {
        case tooDeep(line: Int)
        case fieldTooLarge(element: String, line: Int)
        /// A start tag with more than ``StartTagGuard/limit`` attributes, found before libxml2 read it.
        case tooManyAttributes(line: Int)
    }

    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote", "pre", "section", "article",
    ]

    /// Reads every node after the reader's current position (the reader should stand on, or
    /// before, the root element) and reports elements to `handler`.
    func run<H: XMLElementHandler>(_ reader: XMLStreamReader, handler: inout H, startingAtCurrentNode: Bool) throws {
        let box = XMLHandlerBox(handler)
        let assembler = XMLEventAssembler(box: box, driver: self, line: { reader.line })
        defer { handler = box.handler }
        var first = startingAtCurrentNode
        while first || reader.read() {
            first = false
            switch reader.nodeType {
            case .element:
                let isEmpty = reader.isEmptyElement
                try assembler.start(XMLNameEntry(reader.name), isEmpty: isEmpty) { reader.hasAttributes ? reader.attributes() : [] }
                if isEmpty { try assembler.end() }
            case .text, .cdata, .significantWhitespace, .whitespace:
                guard assembler.wantsText, var value = reader.value else { continue }
                try value.withUTF8 { try assembler.text($0) }
            case .entityReference:
                assembler.reference(reader.localName)
            case .endElement:
                try assembler.end()
            default:
                continue
            }
        }
        try assembler.finish()
    }
}

/// Turns a document's events into an ``XMLElementHandler``'s elements, as ``XMLEventDriver``
/// says: keeps xml:base, gathers each element's text as its ``Capture`` asks (as UTF-8 bytes,
/// one `String` when the element ends), and enforces the depth and field-size limits.
///
/// Not generic: libxml2's callbacks reach it through ``XMLEventSink``, and a generic class's
/// methods would run unspecialised there. The handler is called once per element.
final class XMLEventAssembler: XMLEventSink {
    // One task uses an assembler at a time (see ``XMLPushParser``): the per-access exclusivity
    // checks on the properties every element touches (the handler is called, so modified, at each
    // start and end) are left out.
    private let box: XMLElementHandlerBox
    /// The handler as it is now.
    var handler: any XMLElementHandler { box.anyHandler }
    /// ``box`` when it holds an ``RSSParser`` or an ``AtomParser``, unretained (``box`` holds it):
    /// a generic class's methods run unspecialised, so through ``box`` every start and end went
    /// through the box's vtable and the handler's protocol witness; typed, the handler is called
    /// directly (see ``handlerStart(_:attributes:base:depth:)``).
    private let rssBox: Unmanaged<XMLHandlerBox<RSSParser>>?
    private let atomBox: Unmanaged<XMLHandlerBox<AtomParser>>?
    private let driver: XMLEventDriver
    private let line: () -> Int
    /// The table of the names started with ``start(interned:from:isEmpty:attributes:)``, held so
    /// that frames may hold its names unretained.
    private var nameTable: XMLNameTable?

    private struct Frame {
        /// The element's name, unretained: kept alive by `owner`, or by the ``XMLNameTable`` the
        /// name came from (``nameTable``), so pushing a frame retains and releases no name.
        var name: Unmanaged<XMLNameEntry>
        /// The name when nothing else keeps it (one made for this element alone); nil for a
        /// name of ``nameTable``'s.
        var owner: XMLNameEntry?
        var base: String?
        var capture: Capture
        var text = TextBuffer()
        /// An empty element already reported in full at its start; its end only pops it.
        var reported = false
    }

    /// Frames in storage of their own: every text run libxml2 hands over reaches its frame
    /// through a pointer, with no array bounds or uniqueness check (an `Array` of frames paid
    /// both on each run). Grows by doubling; frees its frames once, in ``free()``.
    private struct FrameStack {
        private var base = UnsafeMutablePointer<Frame>.allocate(capacity: 16)
        private var capacity = 16
        /// The frames made so far (open ones and reusable ones past the assembler's `count`).
        private(set) var count = 0

        subscript(index: Int) -> Frame {
            unsafeAddress {
                precondition(index >= 0 && index < count, "frame out of range")
                return UnsafePointer(base + index)
            }
            nonmutating unsafeMutableAddress {
                precondition(index >= 0 && index < count, "frame out of range")
                return base + index
            }
        }

        mutating func append(_ frame: Frame) {
            if count == capacity {
                let larger = UnsafeMutablePointer<Frame>.allocate(capacity: 2 * capacity)
                larger.moveInitialize(from: base, count: count)
                base.deallocate()
                base = larger
                capacity *= 2
            }
            (base + count).initialize(to: frame)
            count += 1
        }

        /// Frame `index`, in place (valid until the stack grows or is freed).
        func frame(at index: Int) -> UnsafeMutablePointer<Frame> {
            precondition(index >= 0 && index < count, "frame out of range")
            return base + index
        }

        /// The text buffer of frame `index`, in place (valid until the stack grows or is freed).
        func text(at index: Int) -> UnsafeMutablePointer<TextBuffer> {
            precondition(index >= 0 && index < count, "frame out of range")
            return (base + index).pointer(to: \.text)!
        }

        /// Calls `body` with `frame`'s name (unretained) and base moved out of it and back after,
        /// not copied: read in place for a call, the base was retained and released again on every
        /// element. The frame must not be read during `body` (the handler called there cannot reach it).
        @inline(__always)
        static func lending<R>(_ frame: UnsafeMutablePointer<Frame>, _ body: (XMLNameEntry, String?) throws -> R) rethrows -> R {
            let basePointer = frame.pointer(to: \.base)!
            let base = basePointer.move()
            defer { basePointer.initialize(to: base) }
            return try frame.pointee.name._withUnsafeGuaranteedRef { try body($0, base) }
        }

        /// Releases every frame's text buffer and the frames; the stack must not be used again.
        func free() {
            for index in 0..<count { base[index].text.release() }
            base.deinitialize(count: count)
            base.deallocate()
        }
    }

    /// Open elements; slots past `count` keep their text buffers for reuse.
    @exclusivity(unchecked) private var frames = FrameStack()
    @exclusivity(unchecked) private var count = 0
    /// Index in `frames` of the frame capturing all text, if any.
    @exclusivity(unchecked) private var deepCapture: Int? = nil
    /// Whether the text gathered is known to be valid UTF-8, so the handler may get it as bytes
    /// (``XMLElementHandler/end(_:bytes:base:depth:)``).
    private let validUTF8: Bool

    /// - Parameter validUTF8: true when every text run will be valid UTF-8. ``XMLPushParser``'s
    ///   are: libxml2 hands over UTF-8 it decoded and checked, and the push parser delivers no text
    ///   after libxml2's first error (an encoding error is one). A recovering reader may pass
    ///   through bytes libxml2 could not decode, so its text goes through `String(decoding:)`.
    convenience init(handler: any XMLElementHandler, driver: XMLEventDriver = XMLEventDriver(), validUTF8: Bool = false, line: @escaping () -> Int) {
        func box(_ handler: some XMLElementHandler) -> XMLElementHandlerBox { XMLHandlerBox(handler) }
        self.init(box: box(handler), driver: driver, validUTF8: validUTF8, line: line)
    }

    /// An assembler calling the handler in `box` (which the caller may read back, typed, at the end).
    init(box: XMLElementHandlerBox, driver: XMLEventDriver = XMLEventDriver(), validUTF8: Bool = false, line: @escaping () -> Int) {
        self.box = box
        // By the handler's type, not by `as?`: a cast to a generic class looked up protocol
        // conformances (~350,000 instructions once a process, much of a small feed's parse).
        rssBox = box.handlerType == RSSParser.self ? Unmanaged.passUnretained(unsafeDowncast(box, to: XMLHandlerBox<RSSParser>.self)) : nil
        atomBox = box.handlerType == AtomParser.self ? Unmanaged.passUnretained(unsafeDowncast(box, to: XMLHandlerBox<AtomParser>.self)) : nil
        self.driver = driver
        self.validUTF8 = validUTF8
        self.line = line
    }

    deinit {
        // Each frame's text buffer is freed once, with the frame list.
        frames.free()
    }

    /// The handler's ``XMLElementHandler/start(_:attributes:base:depth:)``, called on the typed
    /// handler when it is one of the feed parsers.
    @inline(__always)
    private func handlerStart(_ name: XName, attributes: [XMLAttribute], base: String?, depth: Int) throws -> Capture {
        if let rssBox { return try rssBox._withUnsafeGuaranteedRef { try $0.handler.start(name, attributes: attributes, base: base, depth: depth) } }
        if let atomBox { return try atomBox._withUnsafeGuaranteedRef { try $0.handler.start(name, attributes: attributes, base: base, depth: depth) } }
        return try box.start(name, attributes: attributes, base: base, depth: depth)
    }

    /// The handler's ``XMLElementHandler/end(_:text:base:depth:)``, typed as ``handlerStart(_:attributes:base:depth:)``.
    @inline(__always)
    private func handlerEnd(_ name: XName, text: String, base: String?, depth: Int) throws {
        if let rssBox { return try rssBox._withUnsafeGuaranteedRef { try $0.handler.end(name, text: text, base: base, depth: depth) } }
        if let atomBox { return try atomBox._withUnsafeGuaranteedRef { try $0.handler.end(name, text: text, base: base, depth: depth) } }
        try box.end(name, text: text, base: base, depth: depth)
    }

    /// The handler's ``XMLElementHandler/end(_:bytes:base:depth:)``, typed as ``handlerStart(_:attributes:base:depth:)``.
    @inline(__always)
    private func handlerEnd(_ name: XName, bytes: UnsafeBufferPointer<UInt8>, base: String?, depth: Int) throws {
        if let rssBox { return try rssBox._withUnsafeGuaranteedRef { try $0.handler.end(name, bytes: bytes, base: base, depth: depth) } }
        if let atomBox { return try atomBox._withUnsafeGuaranteedRef { try $0.handler.end(name, bytes: bytes, base: base, depth: depth) } }
        try box.end(name, bytes: bytes, base: base, depth: depth)
    }

    /// Whether a text event now would be kept (so a caller can skip building it).
    var wantsText: Bool {
        guard count > 0 else { return false }
        return frames[deepCapture ?? count - 1].capture != .ignored
    }

    /// Where a text run read now goes, for ``XMLPushParser``'s text callback: the buffer of the
    /// frame that keeps it and whether the text is escaped there (``Capture/markup``); nil when
    /// nobody keeps text now. Valid until the next event (a start may move the frames).
    /// Inlined into ``XMLPushParser``'s delivery, which asks after every event.
    var textTarget: (buffer: UnsafeMutablePointer<TextBuffer>, escaped: Bool)? {
        @inline(__always) get {
            guard count > 0 else { return nil }
            let target = deepCapture ?? count - 1
            switch frames[target].capture {
            case .ignored: return nil
            case .markup: return (frames.text(at: target), true)
            case .ownText, .allText: return (frames.text(at: target), false)
            }
        }
    }

    private func push(_ name: XMLNameEntry, interned: Bool, base: String?, capture: Capture, reported: Bool) {
        if count < frames.count {
            // Through one pointer: each `frames[count]` checks its bounds again.
            let frame = frames.frame(at: count)
            XMLEventAssembler.reuse(frame, for: name, interned: interned, capture: capture, reported: reported)
            // Most often the very value the slot's last element had (the document's xml:base, or
            // none): then not retained anew with the old one released.
            if !isSameStringValue(frame.pointee.base, base) { frame.pointee.base = base }
        } else {
            frames.append(Frame(name: Unmanaged.passUnretained(name), owner: interned ? nil : name, base: base, capture: capture, reported: reported))
        }
        count += 1
    }

    /// Makes a frame slot left by an earlier element `name`'s (its base is the caller's to set):
    /// the name owned by the frame unless `interned` (in ``nameTable``), the text emptied.
    @inline(__always)
    private static func reuse(_ frame: UnsafeMutablePointer<Frame>, for name: XMLNameEntry, interned: Bool, capture: Capture, reported: Bool) {
        frame.pointee.name = Unmanaged.passUnretained(name)
        if interned {
            if frame.pointee.owner != nil { frame.pointee.owner = nil }
        } else if frame.pointee.owner !== name {
            frame.pointee.owner = name
        }
        frame.pointee.capture = capture
        frame.pointee.text.removeAll()
        frame.pointee.reported = reported
    }

    /// ``push(_:interned:base:capture:reported:)`` with the base of the innermost open frame, read in
    /// place (a slot that already holds that value keeps it: no retain and release).
    private func pushInheritingBase(_ name: XMLNameEntry, interned: Bool, capture: Capture, reported: Bool) {
        let parent = frames.frame(at: count - 1)
        if count < frames.count {
            let frame = frames.frame(at: count)
            XMLEventAssembler.reuse(frame, for: name, interned: interned, capture: capture, reported: reported)
            if !isSameStringValue(frame.pointee.base, parent.pointee.base) { frame.pointee.base = parent.pointee.base }
        } else {
            // The frame is made before the stack may grow (and move the parent).
            frames.append(Frame(name: Unmanaged.passUnretained(name), owner: interned ? nil : name, base: parent.pointee.base,
                                capture: capture, reported: reported))
        }
        count += 1
    }

    private func append(_ text: String, to index: Int) {
        frames[index].text.append(text)
    }

    func start(_ entry: XMLNameEntry, isEmpty: Bool, attributes: () -> [XMLAttribute]) throws {
        try start(entry, interned: false, isEmpty: isEmpty, attributes: attributes)
    }

    /// Whether the next element's attributes are read (they are not inside an element that
    /// captures all its content).
    var readsAttributes: Bool { deepCapture == nil }

    /// ``start(_:isEmpty:attributes:)`` for a name of `table` (which the assembler then holds), so
    /// that the element's frame holds its name unretained, with the attributes lent (any list
    /// when ``readsAttributes`` is false: it is not read).
    func start(interned entry: XMLNameEntry, from table: XMLNameTable, isEmpty: Bool, attributes: [XMLAttribute]) throws {
        if nameTable !== table { nameTable = table }
        try start(entry, interned: true, isEmpty: isEmpty) { attributes }
    }

    @inline(__always)
    private func start(_ entry: XMLNameEntry, interned: Bool, isEmpty: Bool, attributes: () -> [XMLAttribute]) throws {
        guard count < driver.maxDepth else { throw XMLEventDriver.Failure.tooDeep(line: line()) }
        if let deep = deepCapture { return startInside(deep, entry, interned: interned, isEmpty: isEmpty) }
        try start(entry, interned: interned, isEmpty: isEmpty, reading: attributes())
    }

    /// An element inside the element `deep`, which captures all its content.
    private func startInside(_ deep: Int, _ entry: XMLNameEntry, interned: Bool, isEmpty: Bool) {
        let capture = frames[deep].capture
        if capture == .markup {
            // An empty element is written open and closed: `<script/>` must not swallow what follows.
            append(isEmpty ? "<\(entry.tag)></\(entry.tag)>" : "<\(entry.tag)>", to: deep)
        } else if entry.isBlock {
            frames[deep].text.append(0x0A)
        }
        push(entry, interned: interned, base: nil, capture: capture, reported: isEmpty)
    }

    /// An element reported to the handler, with its attributes.
    @inline(__always)
    private func start(_ entry: XMLNameEntry, interned: Bool, isEmpty: Bool, reading attributes: [XMLAttribute]) throws {
        let depth = count
        let xmlBase = attributes.isEmpty ? nil : XMLEventAssembler.xmlBase(in: attributes)
        if xmlBase == nil, depth > 0 {
            // The parent's base, lent to the handler (moved out of its frame and back) and
            // compared in place by the push: copied, it was retained and released per element.
            let capture = try FrameStack.lending(frames.frame(at: depth - 1)) { _, base in
                let capture = try handlerStart(entry.name, attributes: attributes, base: base, depth: depth)
                if isEmpty { try handlerEnd(entry.name, text: "", base: base, depth: depth) }
                return capture
            }
            pushInheritingBase(entry, interned: interned, capture: isEmpty ? .ignored : capture, reported: isEmpty)
            if !isEmpty, capture == .allText || capture == .markup { deepCapture = count - 1 }
            return
        }
        var base = depth > 0 ? frames[depth - 1].base : nil
        if let xmlBase { base = URLResolver.resolve(xmlBase, against: base) }
        let capture = try handlerStart(entry.name, attributes: attributes, base: base, depth: depth)
        if isEmpty {
            try handlerEnd(entry.name, text: "", base: base, depth: depth)
            push(entry, interned: interned, base: base, capture: .ignored, reported: true)
        } else {
            push(entry, interned: interned, base: base, capture: capture, reported: false)
            if capture == .allText || capture == .markup { deepCapture = count - 1 }
        }
    }

    /// The value of the first `xml:base` in `attributes`. Read field by field in place: taking
    /// each attribute whole (as `first(where:)` did) retained and released its three strings.
    private static func xmlBase(in attributes: [XMLAttribute]) -> String? {
        // An attribute in no namespace (nearly all) is ruled out before its name is compared.
        for index in attributes.indices where attributes[index].namespaceURI != nil {
            if attributes[index].localName == "base", XName.prefix(for: attributes[index].namespaceURI) == "xml" { return attributes[index].value }
        }
        return nil
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        appendText(bytes)
        try checkTextSize()
    }

    @inline(__always)
    func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard count > 0 else { return }
        let target = deepCapture ?? count - 1
        // Text nobody keeps is never copied.
        switch frames[target].capture {
        case .ignored: return
        case .markup: XMLEventAssembler.appendEscaped(bytes, to: &frames[target].text)
        case .ownText, .allText: frames[target].text.append(bytes)
        }
    }

    // Inlined into ``XMLPushParser``'s delivery, which asks at every element's end.
    @inline(__always)
    func checkTextSize() throws {
        guard count > 0 else { return }
        let target = deepCapture ?? count - 1
        if frames[target].capture != .ignored, frames[target].text.count > driver.maxFieldBytes {
            throw XMLEventDriver.Failure.fieldTooLarge(element: frames[target].name.takeUnretainedValue().name.description, line: line())
        }
    }

    /// `text` with `&` and `<` escaped, as ``HTMLText/escapeForPlainText(_:)`` does.
    static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to output: inout TextBuffer) {
        var run = 0
        for index in 0..<text.count {
            let byte = text[index]
            guard byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") else { continue }
            output.append(UnsafeBufferPointer(rebasing: text[run..<index]))
            output.append(byte == UInt8(ascii: "&") ? "&amp;" : "&lt;")
            run = index + 1
        }
        output.append(UnsafeBufferPointer(rebasing: text[run..<text.count]))
    }

    func reference(_ name: String) {
        // An entity the document does not define, left as a reference (feeds that name an
        // external DTD, like RSS 0.91's): HTML's meaning, or nothing. Never expanded.
        guard count > 0, let character = HTMLEntityTable.character(named: name) else { return }
        let target = deepCapture ?? count - 1
        switch frames[target].capture {
        case .ignored: return
        case .markup: frames[target].text.append(HTMLText.escapeForPlainText(String(character)))
        case .ownText, .allText: frames[target].text.append(String(character))
        }
    }

    func end() throws {
        guard count > 0 else { return }
        count -= 1
        // An empty element was reported in full when it started.
        if frames[count].reported { return }
        try close(count)
    }

    /// Reports the end of `frames[index]` (read in place, not copied).
    private func close(_ index: Int) throws {
        if let deep = deepCapture {
            if deep < index {
                if frames[deep].capture == .markup {
                    append("</\(frames[index].name._withUnsafeGuaranteedRef { $0.tag })>", to: deep)
                } else if frames[index].name._withUnsafeGuaranteedRef({ $0.isBlock }) {
                    frames[deep].text.append(0x0A)
                }
                return
            }
            deepCapture = nil
        }
        let frame = frames.frame(at: index)
        if validUTF8, frame.pointee.capture != .ignored {
            let bytes = frame.pointee.text.bytes
            try FrameStack.lending(frame) { entry, base in try handlerEnd(entry.name, bytes: bytes, base: base, depth: index) }
            return
        }
        let text = frame.pointee.capture == .ignored ? "" : frame.pointee.text.string
        try FrameStack.lending(frame) { entry, base in try handlerEnd(entry.name, text: text, base: base, depth: index) }
    }

    /// Closes what an ill-formed document left open, innermost first.
    func finish() throws {
        while count > 0 {
            count -= 1
            if frames[count].reported { continue }
            if let deep = deepCapture, deep < count { continue }
            deepCapture = nil
            let frame = frames[count]
            try box.end(frame.name.takeUnretainedValue().name, text: frame.capture == .ignored ? "" : frame.text.string,
                            base: frame.base, depth: count)
        }
    }
}

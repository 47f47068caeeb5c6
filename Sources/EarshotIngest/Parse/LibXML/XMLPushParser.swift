import CLibXML2
import EarshotCore

/// Receives what ``XMLPushParser`` reads, in document order. A class protocol, so the C
/// callbacks reach it through one pointer.
protocol XMLEventSink: AnyObject {
    /// An element opened. `isEmpty` is true for `<x/>` (its ``end()`` follows at once);
    /// `attributes` builds the element's attributes (namespace declarations first) only if called.
    func start(_ name: XMLNameEntry, isEmpty: Bool, attributes: () -> [XMLAttribute]) throws
    /// A run of text or CDATA (UTF-8, entities decoded); a text node may come in several runs.
    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws
    /// A run of text like ``text(_:)``, kept without checking the size limit; the caller asks
    /// ``checkTextSize()`` later.
    func appendText(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Applies the size limit to the text kept so far, as ``text(_:)`` does after each run.
    func checkTextSize() throws
    /// A reference to an entity the document does not define (left unexpanded).
    func reference(_ name: String) throws
    /// The innermost open element closed.
    func end() throws
    /// Whether text read now would be kept (asked after each element and reference, so text
    /// nobody keeps is never copied).
    var wantsText: Bool { get }
}

/// An element name as the event driver wants it: mapped to its short namespace prefix, and
/// lower-cased once for the markup written back by ``Capture/markup``.
/// A class, made once per interned name: handing one to each element is one retain.
final class XMLNameEntry: Sendable {
    let name: XName
    /// The local name, lower-cased.
    let tag: String
    /// Whether `tag` breaks a line in ``Capture/allText``.
    let isBlock: Bool

    init(_ name: XName) {
        self.name = name
        tag = name.local.lowercased()
        isBlock = XMLEventDriver.blockElements.contains(tag)
    }
}

/// The element names a push parser has read, by the addresses of libxml2's interned strings
/// (the parser's dictionary lives as long as the context, so an address always means the same
/// name). No name is ever dropped (the table grows instead), so an ``XMLEventAssembler`` that
/// holds the table may keep its names unretained. It takes at most ``limit`` names: past them
/// (only a hostile document has thousands of element names) a new name is not kept here, and its
/// element holds its own entry, so memory stays bounded.
final class XMLNameTable {
    /// The most names a table keeps (a feed has a few dozen).
    static let limit = 4_096

    private struct Slot {
        var local: UnsafePointer<xmlChar>
        var uri: UnsafePointer<xmlChar>?
        var entry: XMLNameEntry
    }

    // One parser (one task) uses a table: no per-access exclusivity checks.
    @exclusivity(unchecked) private var slots: [Slot?] = Array(repeating: nil, count: 512)
    @exclusivity(unchecked) private var count = 0
    /// 64 minus the base-2 logarithm of `slots.count`: a hash's top bits pick the slot.
    @exclusivity(unchecked) private var shift: UInt64 = 55

    /// libxml2 packs its interned strings byte after byte, so every address bit counts: a
    /// multiplicative hash spreads them.
    @inline(__always)
    private static func hash(_ local: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?) -> UInt64 {
        (UInt64(UInt(bitPattern: local)) ^ UInt64(UInt(bitPattern: uri)) &* 0x9E37_79B9_7F4A_7C15) &* 0x9E37_79B9_7F4A_7C15
    }

    /// The entry for a name, unretained (the table holds it as long as it lives); nil for a name
    /// it does not hold once it holds ``limit`` names.
    @inline(__always)
    func entry(local: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?) -> Unmanaged<XMLNameEntry>? {
        var slot = Int(truncatingIfNeeded: XMLNameTable.hash(local, uri) >> shift)
        // Linear probing from the hashed slot; the table is at most half full, so a free slot ends it.
        while let cached = slots[slot] {
            if cached.local == local, cached.uri == uri { return Unmanaged.passUnretained(cached.entry) }
            slot = (slot &+ 1) & (slots.count &- 1)
        }
        guard count < XMLNameTable.limit else { return nil }
        return add(local: local, uri: uri, at: slot)
    }

    private func add(local: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?, at slot: Int) -> Unmanaged<XMLNameEntry> {
        let entry = XMLNameEntry(local: local, uri: uri)
        slots[slot] = Slot(local: local, uri: uri, entry: entry)
        count += 1
        if 2 * count > slots.count { grow() }
        return Unmanaged.passUnretained(entry)
    }

    private func grow() {
        let old = slots
        slots = Array(repeating: nil, count: 2 * old.count)
        shift -= 1
        for case let moved? in old {
            var slot = Int(truncatingIfNeeded: XMLNameTable.hash(moved.local, moved.uri) >> shift)
            while slots[slot] != nil { slot = (slot &+ 1) & (slots.count &- 1) }
            slots[slot] = moved
        }
    }
}

extension XMLNameEntry {
    /// The entry for a name libxml2 read: its interned local name and namespace URI.
    convenience init(local: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?) {
        self.init(XName(uri: uri.map { String(cString: $0) }, local: String(cString: local)))
    }
}

/// A streaming XML reader built on libxml2's SAX2 push parser: the one type that owns that
/// parser context. It is fed the document in chunks (``feed(_:)``, then ``finish()``) and
/// hands each element, text run and undefined entity reference to ``events`` as libxml2 reads
/// it, so no tree and no per-node reader state is built.
///
/// Same safety as ``XMLStreamReader``: never the network (`XML_PARSE_NONET`), no DTD loading,
/// no entity substitution, libxml2's own limits on nesting, sizes and entity expansion; every
/// error goes to a structured handler with its line and column. libxml2's default SAX2
/// handlers still keep the document type (so internal entities are checked and their
/// amplification limited exactly as when a tree is built); only elements and text are taken
/// over. Reading stops at the first error (an ill-formed document is read again, recovered,
/// by ``XMLStreamReader/init(recovering:encoding:)``) or when ``events`` throws; the error is
/// rethrown by ``feed(_:)`` or ``finish()``. A class because it owns C memory, freed in
/// `deinit`; use one instance from one task.
final class XMLPushParser {
    private let context: xmlParserCtxtPtr
    private let sink = XMLStreamReader.DiagnosticSink()
    /// Receives the document's events; set it before the first ``feed(_:)``.
    var events: (any XMLEventSink)? {
        didSet {
            assembler = (events as? XMLEventAssembler).map { Unmanaged.passUnretained($0) }
            // The old sink's buffers may go with it; the next event says where text goes.
            textTarget = nil
        }
    }
    /// ``events`` when it is an ``XMLEventAssembler``, unretained (``events`` holds it): text runs
    /// reach it with a direct call and no retain and release per run.
    private var assembler: Unmanaged<XMLEventAssembler>?
    /// What ``events`` threw, rethrown once libxml2 returns.
    private var failure: (any Error)?
    private var stopped = false
    /// Refuses a start tag with tens of thousands of attributes before libxml2 reads it: a scan of
    /// the bytes libxml2 holds unparsed and of each chunk after them, started only when those are
    /// enough to hold such a tag (``checkAttributes(before:)``), nil while they are not.
    private var tagGuard: StartTagGuard?
    /// libxml2's line where ``tagGuard`` started.
    private var guardLine = 0
    /// Whether ``events`` keeps text at the current position.
    private var wantsText = false
    /// When ``events`` is an ``XMLEventAssembler``: the buffer text read now goes to and whether
    /// it is escaped there (``XMLEventAssembler/textTarget``), worked out after each event, so a
    /// text run is one append. Nil when no text is kept, after libxml2's first error and once stopped.
    /// Setting it tells the C text callbacks (``publishTextTarget()``), with ``textEscaped`` and
    /// ``wantsText`` as they are then: set those first.
    private var textTarget: UnsafeMutablePointer<TextBuffer>? {
        didSet { publishTextTarget() }
    }
    private var textEscaped = false
    /// What the C text callbacks (`earshot_sax_characters` in the shim) read, pointed at by the
    /// context's `_private`: this parser, its context, and the buffer plain text goes to now
    /// (``textTarget`` unless escaped), so that the usual run is appended with no call into Swift.
    private let textState: UnsafeMutablePointer<earshot_sax_text>
    /// How many bytes of text were read since the sink's size limit was last checked. libxml2
    /// reports a text node in many small runs (one per entity); each run goes to the sink at
    /// once, and the limit is checked at the next event or after 64 KB, so a field too large is
    /// reported at the same place whatever the runs were. Kept in ``textState``, where the C
    /// callback counts the runs it appends.
    private var unchecked: Int {
        @inline(__always) get { textState.pointee.unchecked }
        @inline(__always) set { textState.pointee.unchecked = newValue }
    }
    /// The element names read so far.
    private let names = XMLNameTable()

    /// The storage of the last element's attribute list, taken back for the next element's: once
    /// the handlers are done with a list (none keeps it), it is unique again and refilled in place,
    /// so an element with attributes allocates and frees no array.
    private var spareAttributes: [XMLAttribute] = []
    /// The list of an element with no attributes, lent as ``spareAttributes``' is (a `let`, so
    /// lending it copies nothing).
    private let noAttributes: [XMLAttribute] = []

    /// Attribute local names by the addresses of libxml2's interned strings, as ``names`` keeps
    /// element names: `type`, `rel`, `href` are read once, not as a new `String` per attribute.
    @exclusivity(unchecked) private var attributeNames: [AttributeNameSlot?] = Array(repeating: nil, count: 64)

    private struct AttributeNameSlot {
        var local: UnsafePointer<xmlChar>
        var name: String
    }

    /// Short attribute values (`text`, `html`, `alternate`, `false`) by their bytes: a value met
    /// again is the `String` made the first time, not a new one decoded and validated.
    @exclusivity(unchecked) private var attributeValues: [AttributeValueSlot?] = Array(repeating: nil, count: 64)

    /// A value of at most sixteen bytes, packed into two words (first byte lowest, zeros past its end).
    private struct AttributeValueSlot {
        var low: UInt64
        var high: UInt64
        var count: Int
        var value: String
    }

    private static let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Opens a parser whose document starts with `head` (its first bytes, at most a few: libxml2
    /// detects the encoding from them, as its reader does).
    /// - Parameters:
    ///   - url: the document's name in libxml2's messages, or nil.
    ///   - encoding: an encoding name that overrides the document's own declaration, or nil.
    /// - Throws: ``XMLReaderError`` when libxml2 cannot create a parser (out of memory).
    init(head: UnsafeBufferPointer<UInt8>, url: String?, encoding: String?) throws {
        var handler = XMLPushParser.makeHandler()
        let created = head.withMemoryRebound(to: CChar.self) { head in
            xmlCreatePushParserCtxt(&handler, nil, head.baseAddress, Int32(head.count), url)
        }
        guard let created else { throw XMLReaderError(message: "libxml2 could not create a parser") }
        context = created
        textState = .allocate(capacity: 1)
        textState.initialize(to: earshot_sax_text(owner: nil, context: created, target: nil, wants_other: 0, unchecked: 0) { context, text, count in
            // Every run the C fast path does not append, for a context of an `XMLPushParser`.
            guard let parser = XMLPushParser.parser(context) else { return }
            if let text, count > 0 { parser._withUnsafeGuaranteedRef { $0.characters(text, Int(count)) } }
        })
        xmlCtxtUseOptions(context, XMLPushParser.options)
        if let encoding, let converter = xmlFindCharEncodingHandler(encoding) { xmlSwitchToEncoding(context, converter) }
        // The callbacks get the context (its userData) and find this object through `_private`.
        textState.pointee.owner = Unmanaged.passUnretained(self).toOpaque()
        context.pointee._private = UnsafeMutableRawPointer(textState)
    }

    deinit {
        // The default handlers built a document for the document type; no element is in it.
        if let document = context.pointee.myDoc { xmlFreeDoc(document) }
        context.pointee.myDoc = nil
        xmlFreeParserCtxt(context)
        textState.deallocate()
    }

    /// Tells the C text callbacks where plain text goes now (none while it is escaped there), and
    /// whether ``characters(_:_:)`` has anything to do with a run when it goes nowhere.
    private func publishTextTarget() {
        textState.pointee.target = textEscaped ? nil : textTarget.map {
            // A `TextBuffer`'s one stored property is the `earshot_text_buffer` the C side appends to.
            UnsafeMutableRawPointer($0).assumingMemoryBound(to: earshot_text_buffer.self)
        }
        textState.pointee.wants_other = textTarget != nil || wantsText ? 1 : 0
    }

    /// Everything libxml2 reported so far (at most the first 50).
    var diagnostics: [XMLDiagnostic] { sink.diagnostics }
    /// How many errors (not warnings) libxml2 reported.
    var errorCount: Int { sink.errorCount }
    /// The first of libxml2's own safety limits the document ran into, if any: a hostile document.
    var resourceLimit: XMLDiagnostic? { sink.resourceLimit }
    /// The line libxml2 is reading.
    var line: Int { context.pointee.input.map { Int($0.pointee.line) } ?? 0 }

    /// Parses the next chunk of the document.
    /// - Throws: what ``events`` threw.
    func feed(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        guard !stopped, !chunk.isEmpty else { return try rethrow() }
        if let line = checkAttributes(before: chunk) {
            stopped = true
            textTarget = nil
            throw XMLEventDriver.Failure.tooManyAttributes(line: line)
        }
        // An empty call first: libxml2 drops the bytes it has parsed from its buffer at the start
        // of a call, moving down what follows them, which after this call's chunk was added
        // would be the whole chunk (one more pass over the document: 7.9M instructions of
        // mid.rss's 414M); now it is the few bytes the last chunk left unparsed. libxml2 makes
        // no progress on bytes it has already tried, so the events and errors are the same.
        _ = xmlParseChunk(context, nil, 0, 0)
        chunk.withMemoryRebound(to: CChar.self) { _ = xmlParseChunk(context, $0.baseAddress, Int32($0.count), 0) }
        try rethrow()
    }

    /// The line of a start tag over ``StartTagGuard/limit`` attributes in what libxml2 would hold
    /// once `chunk` is added, or nil.
    ///
    /// libxml2 reads a start tag only once all of it is in its buffer, so a tag it could read has
    /// its attributes there, at least four characters each (`a=""`), so at least as many bytes
    /// whether still in the document's encoding (the chunk) or converted to UTF-8 (libxml2's
    /// buffer). Until the unparsed bytes and the chunk are that many for ``StartTagGuard/limit``
    /// attributes (200 KB) no tag can be refused and nothing is scanned: a well-formed feed leaves
    /// libxml2 a few KB after each chunk. Past that, a guard scans the unparsed bytes once (from
    /// where libxml2 stands: a tag, comment or declaration start, or inside text) and then each
    /// chunk, until they are too few again.
    private func checkAttributes(before chunk: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let input = context.pointee.input?.pointee, let cur = input.cur, let end = input.end else { return nil }
        let unparsed = cur.distance(to: end)
        guard unparsed &+ chunk.count >= 4 * (StartTagGuard.limit + 1) else {
            tagGuard = nil
            return nil
        }
        if tagGuard == nil {
            var fresh = StartTagGuard()
            guardLine = Int(input.line)
            if let line = fresh.scan(UnsafeBufferPointer(start: cur, count: unparsed)) { return guardLine + line - 1 }
            tagGuard = fresh
        }
        return tagGuard!.scan(chunk).map { guardLine + $0 - 1 }
    }

    /// Ends the document.
    /// - Throws: what ``events`` threw.
    func finish() throws {
        if !stopped { _ = xmlParseChunk(context, nil, 0, 1) }
        deliver({ _ in }, { _ in })
        try rethrow()
    }

    private func rethrow() throws {
        if let failure {
            self.failure = nil
            throw failure
        }
    }

    /// Whether events should still be delivered; stops the parser at the first error.
    private var delivering: Bool {
        if stopped { return false }
        if sink.errorCount > 0 || failure != nil {
            stopped = true
            textTarget = nil
            xmlStopParser(context)
            return false
        }
        return true
    }

    /// Hands one event to ``events`` (the size limit checked first for the text read before it),
    /// unless delivery stopped; an error it throws stops the parser. An ``XMLEventAssembler`` gets
    /// it directly and unretained (``assembler``) through `direct`, any other sink through `other`.
    @inline(__always)
    private func deliver(_ direct: (XMLEventAssembler) throws -> Void, _ other: (any XMLEventSink) throws -> Void) {
        guard delivering else { return }
        if let assembler {
            assembler._withUnsafeGuaranteedRef { sink in deliver(sink) { try direct(sink) } }
        } else if let events {
            deliver(events) { try other(events) }
        }
    }

    @inline(__always)
    private func deliver<Sink: XMLEventSink>(_ sink: Sink, _ event: () throws -> Void) {
        do {
            try flushText(to: sink)
            try event()
            // The event may have handed the events to another sink (the root element's handler).
            if let assembler {
                // ``textTarget`` last: setting it tells the C callbacks (once per event).
                let target = assembler._withUnsafeGuaranteedRef { $0.textTarget }
                textEscaped = target?.escaped ?? false
                wantsText = target != nil
                textTarget = target?.buffer
            } else {
                wantsText = events?.wantsText ?? false
                textTarget = nil
            }
        } catch {
            failure = error
            stopped = true
            textTarget = nil
            xmlStopParser(context)
        }
    }

    /// The parser reading `context`, or nil for the parsers libxml2 starts inside to check an
    /// entity's content (their events build the entity's nodes, as when a tree is built).
    /// Not retained: the parser outlives its context's callbacks, so the callbacks use it
    /// through `_withUnsafeGuaranteedRef` (no retain and release per text run).
    private static func parser(_ context: UnsafeMutableRawPointer?) -> Unmanaged<XMLPushParser>? {
        guard let context else { return nil }
        let pointer = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let state = pointer.pointee._private?.assumingMemoryBound(to: earshot_sax_text.self),
              state.pointee.context == pointer, let owner = state.pointee.owner else { return nil }
        return Unmanaged<XMLPushParser>.fromOpaque(owner)
    }

    /// An attribute's local name (an interned string of libxml2's) as a `String`, from ``attributeNames``.
    // Inlined into ``attributeList(namespaceCount:namespaces:attributeCount:attributes:)``, as is
    // ``attributeValue(_:_:)``: a call of its own per attribute cost more than either's work.
    @inline(__always)
    private func attributeName(_ local: UnsafePointer<xmlChar>) -> String {
        let slot = Int((UInt64(UInt(bitPattern: local)) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        if let cached = attributeNames[slot], cached.local == local { return cached.name }
        let name = String(cString: local)
        attributeNames[slot] = AttributeNameSlot(local: local, name: name)
        return name
    }

    /// The name libxml2's tree gives an element or attribute whose prefix is not declared
    /// (an error, so reading stops there; kept alike for the events before the stop): `prefix:local`.
    private static func undeclared(_ prefix: UnsafePointer<xmlChar>, _ local: UnsafePointer<xmlChar>) -> String {
        String(cString: prefix) + ":" + String(cString: local)
    }

    private func startElement(local: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?, namespaceCount: Int,
                              namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, attributeCount: Int,
                              attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard delivering else { return }
        // A name in ``names`` is used unretained (no retain and release per element).
        if uri != nil || prefix == nil, let entry = names.entry(local: local, uri: uri) {
            startElement(entry, interned: true, namespaceCount: namespaceCount, namespaces: namespaces,
                         attributeCount: attributeCount, attributes: attributes)
            return
        }
        // A name for an undeclared prefix, or one past the table's limit: made for this element,
        // kept alive for the call (apart, so the usual element has no optional reference to
        // release), then by the element's frame.
        let owned = uri == nil && prefix != nil ? XMLNameEntry(XName("", XMLPushParser.undeclared(prefix!, local))) : XMLNameEntry(local: local, uri: uri)
        withExtendedLifetime(owned) {
            startElement(Unmanaged.passUnretained(owned), interned: false, namespaceCount: namespaceCount, namespaces: namespaces,
                         attributeCount: attributeCount, attributes: attributes)
        }
    }

    @inline(__always)
    private func startElement(_ entry: Unmanaged<XMLNameEntry>, interned: Bool, namespaceCount: Int, namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                              attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        // libxml2 calls back with the input at the end of the start tag: `/>` makes it empty.
        let isEmpty = context.pointee.input.map { input in
            input.pointee.cur.map { $0[0] == UInt8(ascii: "/") && $0[1] == UInt8(ascii: ">") } ?? false
        } ?? false
        // The list reaches this parser unretained: capturing `self` retained it for every element.
        let parser = Unmanaged.passUnretained(self)
        func list() -> [XMLAttribute] {
            parser._withUnsafeGuaranteedRef {
                let list = $0.attributeList(namespaceCount: namespaceCount, namespaces: namespaces, attributeCount: attributeCount, attributes: attributes)
                $0.spareAttributes = list
                return list
            }
        }
        entry._withUnsafeGuaranteedRef { entry in
            if interned, let assembler {
                // The assembler is lent the list (no retain and release of it per element), built
                // only when there are attributes and the assembler reads them (not inside an
                // element capturing all its content); its storage is kept for the next element.
                assembler._withUnsafeGuaranteedRef { sink in
                    let lent = (namespaceCount > 0 || attributeCount > 0) && sink.readsAttributes
                        ? attributeList(namespaceCount: namespaceCount, namespaces: namespaces, attributeCount: attributeCount, attributes: attributes)
                        : nil
                    deliver(sink) {
                        if let lent {
                            try sink.start(interned: entry, from: names, isEmpty: isEmpty, attributes: lent)
                        } else {
                            try sink.start(interned: entry, from: names, isEmpty: isEmpty, attributes: noAttributes)
                        }
                    }
                    if let lent { spareAttributes = lent }
                }
            } else if interned {
                deliver({ try $0.start(interned: entry, from: names, isEmpty: isEmpty, attributes: list()) },
                        { try $0.start(entry, isEmpty: isEmpty, attributes: list) })
            } else {
                deliver({ try $0.start(entry, isEmpty: isEmpty, attributes: list) }, { try $0.start(entry, isEmpty: isEmpty, attributes: list) })
            }
        }
    }

    /// The element's namespace declarations (as libxml2's reader lists them: local name `xmlns`
    /// or the prefix, in the xmlns namespace) then its attributes, at most 1,024 in all.
    private func attributeList(namespaceCount: Int, namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                               attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [XMLAttribute] {
        let limit = 1024
        guard namespaceCount > 0 || attributeCount > 0 else { return [] }
        // Taken out of `spareAttributes` first, so that it is unique when nobody kept the last list
        // (emptying it then keeps its storage; a list still held elsewhere is left as it is). The
        // caller puts it back once the element's handlers are done with it.
        var result = spareAttributes
        spareAttributes = []
        result.emptyInPlace()
        result.reserveCapacity(min(namespaceCount + attributeCount, limit))
        if let namespaces {
            for index in 0..<namespaceCount where result.count < limit {
                let prefix = namespaces[2 * index].map { String(cString: $0) } ?? "xmlns"
                let href = namespaces[2 * index + 1].map { String(cString: $0) } ?? ""
                result.append(XMLAttribute(namespaceURI: "http://www.w3.org/2000/xmlns/", localName: prefix, value: href))
            }
        }
        if let attributes {
            for index in 0..<attributeCount where result.count < limit {
                let base = attributes + 5 * index
                guard let local = base[0], let start = base[3], let end = base[4] else { continue }
                let uri = base[2].map { String(cString: $0) }
                let name = uri == nil && base[1] != nil ? XMLPushParser.undeclared(base[1]!, local) : attributeName(local)
                result.append(XMLAttribute(namespaceURI: uri, localName: name, value: attributeValue(start, end)))
            }
        }
        return result
    }

    /// An attribute's value as libxml2's tree holds it. libxml2 hands SAX2 a value with `&`
    /// kept as `&#38;` and defined entities as references when it does not substitute entities;
    /// such a value is read back through the same node list its tree builder makes.
    @inline(__always)
    private func attributeValue(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> String {
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        guard XMLPushParser.containsAmpersand(bytes) else { return bytes.count <= 16 ? shortAttributeValue(bytes) : String(decoding: bytes, as: UTF8.self) }
        guard let list = xmlStringLenGetNodeList(context.pointee.myDoc, start, Int32(bytes.count)) else { return "" }
        defer { xmlFreeNodeList(list) }
        if list.pointee.next == nil, list.pointee.type == XML_TEXT_NODE {
            return list.pointee.content.map { String(cString: $0) } ?? ""
        }
        guard let joined = xmlNodeListGetString(context.pointee.myDoc, list, 1) else { return "" }
        defer { earshot_xmlFree(joined) }
        return String(cString: joined)
    }

    /// Whether `bytes` holds an `&`, eight bytes at a time (a link's `href` is read once per
    /// attribute, and byte by byte that was most of the attribute's cost).
    private static func containsAmpersand(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count, raw = UnsafeRawPointer(base)
        var index = 0
        while index &+ 8 <= count {
            if ByteLanes.marks(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self), equalTo: UInt8(ascii: "&")) != 0 { return true }
            index &+= 8
        }
        while index < count {
            if base[index] == UInt8(ascii: "&") { return true }
            index &+= 1
        }
        return false
    }

    /// `String(decoding: bytes, as: UTF8.self)` for a value of at most sixteen bytes, from
    /// ``attributeValues`` when the same bytes were read before.
    private func shortAttributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return "" }
        // Loads stay within the value: a word from each end when it has eight bytes or more.
        var low: UInt64 = 0, high: UInt64 = 0
        if count >= 8 {
            let raw = UnsafeRawPointer(base)
            low = raw.loadUnaligned(as: UInt64.self)
            if count > 8 { high = raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self) &>> UInt64((16 &- count) &* 8) }
        } else {
            for index in 0..<count { low |= UInt64(base[index]) &<< UInt64(index &* 8) }
        }
        let slot = Int(truncatingIfNeeded: ((low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)) >> 58)
        if let cached = attributeValues[slot], cached.low == low, cached.high == high, cached.count == count { return cached.value }
        let value = String(decoding: bytes, as: UTF8.self)
        attributeValues[slot] = AttributeValueSlot(low: low, high: high, count: count, value: value)
        return value
    }

    /// A text or CDATA run the C callback did not append (it appends a run that fits the buffer
    /// of ``textTarget`` when not escaped, the same way as here).
    private func characters(_ text: UnsafePointer<xmlChar>, _ count: Int) {
        let bytes = UnsafeBufferPointer(start: text, count: count)
        if let textTarget {
            unchecked += count
            if textEscaped { XMLEventAssembler.appendEscaped(bytes, to: &textTarget.pointee) } else { textTarget.pointee.append(bytes) }
        } else {
            guard wantsText, !stopped else { return }
            unchecked += count
            // Text read after an error is never delivered.
            if sink.errorCount == 0, failure == nil, let events { events.appendText(bytes) }
        }
        // A long text node is checked every 64 KB, so its size limit holds as it grows.
        if unchecked >= 1 << 16 { deliver({ _ in }, { _ in }) }
    }

    @inline(__always)
    private func flushText<Sink: XMLEventSink>(to sink: Sink) throws {
        guard unchecked > 0 else { return }
        unchecked = 0
        try sink.checkTextSize()
    }

    private func reference(_ name: UnsafePointer<xmlChar>) {
        guard delivering else { return }
        let name = String(cString: name)
        deliver({ try $0.reference(name) }, { try $0.reference(name) })
    }

    private func endElement() {
        deliver({ try $0.end() }, { try $0.end() })
    }

    /// libxml2's SAX2 defaults (document type, entities, errors) with elements, text and
    /// references taken over; comments and processing instructions are not wanted.
    private static func makeHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        xmlSAXVersion(&sax, 2)
        sax.startElementNs = { context, local, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes in
            guard let parser = XMLPushParser.parser(context) else {
                return xmlSAX2StartElementNs(context, local, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes)
            }
            guard let local else { return }
            parser._withUnsafeGuaranteedRef {
                $0.startElement(local: local, prefix: prefix, uri: uri, namespaceCount: Int(namespaceCount), namespaces: namespaces,
                                attributeCount: Int(attributeCount - defaulted), attributes: attributes)
            }
        }
        sax.endElementNs = { context, local, prefix, uri in
            guard let parser = XMLPushParser.parser(context) else { return xmlSAX2EndElementNs(context, local, prefix, uri) }
            parser._withUnsafeGuaranteedRef { $0.endElement() }
        }
        // Text in C (the shim): a run that fits its buffer is appended there; any other goes to
        // ``textState``'s Swift callback, and text of a context of no parser to libxml2's default.
        sax.characters = earshot_sax_characters
        sax.ignorableWhitespace = earshot_sax_characters
        sax.cdataBlock = earshot_sax_cdata
        sax.reference = { context, name in
            guard let parser = XMLPushParser.parser(context) else { return xmlSAX2Reference(context, name) }
            if let name { parser._withUnsafeGuaranteedRef { $0.reference(name) } }
        }
        sax.comment = nil
        sax.processingInstruction = nil
        sax.serror = { context, error in
            guard let context, let error,
                  let state = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private?.assumingMemoryBound(to: earshot_sax_text.self),
                  let owner = state.pointee.owner else { return }
            let parser = Unmanaged<XMLPushParser>.fromOpaque(owner).takeUnretainedValue()
            parser.sink.record(error)
            // Text read after an error is never delivered.
            if parser.sink.errorCount > 0 { parser.textTarget = nil }
        }
        return sax
    }
}

import CLibXML2

/// A forward-only reader over an XML document: the one type that owns libxml2's `xmlTextReader`.
///
/// It reads bytes from memory, never touches the network or disk (`XML_PARSE_NONET`, no DTD
/// loading, no entity substitution), and collects every libxml2 error through a structured
/// handler so nothing is printed to stderr and each error keeps its line and column. It is a
/// class because it owns C memory, freed in `deinit`; use one instance from one task.
///
/// Two modes: ``init(recovering:encoding:)`` lets libxml2's parser recover the whole tree first
/// (for ill-formed documents) and then walks it; feeds read it this way after ``XMLPushParser``
/// met an error. ``init(bytes:encoding:)`` streams, stopping at the first well-formedness error;
/// feeds are streamed by ``XMLPushParser`` instead, and tests check the two hand a handler the
/// same elements and text.
final class XMLStreamReader {
    /// The kinds of node the reader stops on (a subset of `xmlReaderTypes`).
    enum NodeType: Int32 {
        case none = 0, element = 1, attribute = 2, text = 3, cdata = 4, entityReference = 5, entity = 6,
             processingInstruction = 7, comment = 8, document = 9, documentType = 10, documentFragment = 11,
             notation = 12, whitespace = 13, significantWhitespace = 14, endElement = 15, endEntity = 16,
             xmlDeclaration = 17
    }

    /// Collects diagnostics from the C callback; reached through an unmanaged pointer.
    final class DiagnosticSink {
        var diagnostics: [XMLDiagnostic] = []
        var errorCount = 0
        /// The first error that was one of libxml2's own safety limits (nesting, sizes, entity loops).
        var resourceLimit: XMLDiagnostic?
        let limit = 50

        func record(_ error: UnsafePointer<xmlError>) {
            // An entity left undefined because the external DTD that defines it is never read
            // (`&eacute;` in RSS 0.91) is not the document's fault: the reader reports a reference.
            let isError = error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue
                && error.pointee.code != Int32(XML_WAR_UNDECLARED_ENTITY.rawValue)
            var message = error.pointee.message.map { String(cString: $0) } ?? "unknown XML error"
            while message.last?.isWhitespace == true { message.removeLast() }
            let diagnostic = XMLDiagnostic(line: Int(error.pointee.line), column: Int(error.pointee.int2), message: message, isError: isError)
            if isError {
                errorCount += 1
                // libxml2 names XML_PARSE_HUGE in every limit it enforces ("Excessive depth in
                // document: 256 use XML_PARSE_HUGE option", "huge text node", ...).
                if resourceLimit == nil, error.pointee.code == Int32(XML_ERR_ENTITY_LOOP.rawValue)
                    || message.contains("XML_PARSE_HUGE") || message.lowercased().contains("huge") || message.contains("amplification") {
                    resourceLimit = diagnostic
                }
            }
            if diagnostics.count < limit { diagnostics.append(diagnostic) }
        }
    }

    private let reader: xmlTextReaderPtr
    private let sink = DiagnosticSink()
    /// The bytes libxml2 reads from; kept alive as long as the reader.
    private let buffer: UnsafeMutableBufferPointer<CChar>
    /// The recovered tree a walking reader reads, or nil when streaming.
    private let tree: xmlDocPtr?
    /// Names read so far, by the addresses of libxml2's interned strings (see ``name``).
    private var names: [NameKey: CachedName] = [:]

    private static let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)

    private static func copy(_ bytes: [UInt8]) -> UnsafeMutableBufferPointer<CChar> {
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { _ = buffer.initialize(from: $0) }
        }
        return buffer
    }

    /// Opens a reader over `bytes`.
    /// - Parameter encoding: an encoding name that overrides the document's own declaration, or nil.
    /// - Throws: ``XMLReaderError`` when libxml2 cannot create a reader (out of memory).
    init(bytes: [UInt8], encoding: String? = nil) throws {
        let buffer = XMLStreamReader.copy(bytes)
        guard let reader = xmlReaderForMemory(buffer.baseAddress, Int32(bytes.count), nil, encoding, XMLStreamReader.options) else {
            buffer.deallocate()
            throw XMLReaderError(message: "libxml2 could not create a reader")
        }
        self.buffer = buffer
        self.reader = reader
        tree = nil
        Self.reportErrors(of: reader, to: sink)
    }

    /// Sends `reader`'s errors and warnings to `sink` (which the reader must not outlive).
    private static func reportErrors(of reader: xmlTextReaderPtr, to sink: DiagnosticSink) {
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            Unmanaged<XMLStreamReader.DiagnosticSink>.fromOpaque(context).takeUnretainedValue().record(error)
        }, Unmanaged.passUnretained(sink).toOpaque())
    }

    /// Opens a reader over the tree libxml2's parser recovers from `bytes`: what an ill-formed
    /// document still says, with the same limits and the same diagnostics as streaming.
    /// - Throws: ``XMLReaderError`` when libxml2 recovers no tree at all.
    init(recovering bytes: [UInt8], encoding: String? = nil) throws {
        let buffer = XMLStreamReader.copy(bytes)
        guard let context = xmlNewParserCtxt() else {
            buffer.deallocate()
            throw XMLReaderError(message: "libxml2 could not create a parser")
        }
        // Errors reach the handler with the context's userData (the context itself); it finds the sink in `_private`.
        context.pointee._private = Unmanaged.passUnretained(sink).toOpaque()
        context.pointee.sax.pointee.serror = { context, error in
            guard let context, let error,
                  let sink = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return }
            Unmanaged<XMLStreamReader.DiagnosticSink>.fromOpaque(sink).takeUnretainedValue().record(error)
        }
        let document = xmlCtxtReadMemory(context, buffer.baseAddress, Int32(bytes.count), nil, encoding, XMLStreamReader.options)
        xmlFreeParserCtxt(context)
        buffer.deallocate()
        guard let document else { throw XMLReaderError(message: "libxml2 recovered nothing from the document") }
        guard let reader = xmlReaderWalker(document) else {
            xmlFreeDoc(document)
            throw XMLReaderError(message: "libxml2 could not create a reader")
        }
        self.buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: 1)
        self.reader = reader
        tree = document
    }

    deinit {
        xmlFreeTextReader(reader)
        // A walking reader does not own the tree it walks.
        if let tree { xmlFreeDoc(tree) }
        buffer.deallocate()
    }

    /// Everything libxml2 reported so far (at most the first 50).
    var diagnostics: [XMLDiagnostic] { sink.diagnostics }
    /// How many errors (not warnings) libxml2 reported.
    var errorCount: Int { sink.errorCount }
    /// The first of libxml2's own safety limits the document ran into, if any: a hostile document.
    var resourceLimit: XMLDiagnostic? { sink.resourceLimit }

    /// Moves to the next node. Returns false at the end of the document or when libxml2 gave up.
    func read() -> Bool { xmlTextReaderRead(reader) == 1 }

    var nodeType: NodeType { NodeType(rawValue: xmlTextReaderNodeType(reader)) ?? .none }
    var depth: Int { Int(xmlTextReaderDepth(reader)) }
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }
    var localName: String { string(xmlTextReaderConstLocalName(reader)) ?? "" }

    /// The current node's name with its namespace mapped (``XName``), without building a
    /// string per node: libxml2 interns names in its dictionary, so the pair of name pointers
    /// finds the name read before (checked byte for byte, so a reused address cannot lie).
    var name: XName {
        guard let local = xmlTextReaderConstLocalName(reader) else { return XName("", "") }
        let uri = xmlTextReaderConstNamespaceUri(reader)
        let key = NameKey(local: Int(bitPattern: local), uri: uri.map { Int(bitPattern: $0) } ?? 0)
        if let cached = names[key], cached.matches(local, uri) { return cached.name }
        let entry = CachedName(local: local, uri: uri)
        if names.count < 4096 { names[key] = entry }
        return entry.name
    }

    private struct NameKey: Hashable {
        var local: Int
        var uri: Int
    }

    private struct CachedName {
        var name: XName
        var localBytes: [UInt8]
        var uriBytes: [UInt8]?

        init(local: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?) {
            // Each copy keeps libxml2's terminating NUL, for `xmlStrEqual`.
            localBytes = Array(UnsafeBufferPointer(start: local, count: Int(xmlStrlen(local)) + 1))
            uriBytes = uri.map { Array(UnsafeBufferPointer(start: $0, count: Int(xmlStrlen($0)) + 1)) }
            name = XName(uri: uri.map { String(cString: $0) }, local: String(cString: local))
        }

        func matches(_ local: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?) -> Bool {
            guard CachedName.equal(localBytes, local) else { return false }
            switch (uriBytes, uri) {
            case (nil, nil): return true
            case (let bytes?, let pointer?): return CachedName.equal(bytes, pointer)
            default: return false
            }
        }

        private static func equal(_ bytes: [UInt8], _ pointer: UnsafePointer<xmlChar>) -> Bool {
            bytes.withUnsafeBufferPointer { xmlStrEqual($0.baseAddress, pointer) == 1 }
        }
    }

    /// Whether the current text node holds only XML white space, read without building a string.
    var valueIsBlank: Bool {
        guard var pointer = xmlTextReaderConstValue(reader) else { return true }
        while pointer.pointee != 0 {
            switch pointer.pointee {
            case 0x20, 0x09, 0x0A, 0x0D: pointer += 1
            default: return false
            }
        }
        return true
    }
    var namespaceURI: String? { string(xmlTextReaderConstNamespaceUri(reader)) }
    var prefix: String? { string(xmlTextReaderConstPrefix(reader)) }
    /// The text of a text, CDATA or whitespace node, or an attribute's value.
    var value: String? { string(xmlTextReaderConstValue(reader)) }
    /// The line the current node starts on.
    var line: Int {
        guard tree != nil else { return Int(xmlTextReaderGetParserLineNumber(reader)) }
        return xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) } ?? 0
    }
    var column: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }

    /// Whether the current element has attributes.
    var hasAttributes: Bool { xmlTextReaderHasAttributes(reader) == 1 }

    /// The attributes of the current element, as (namespace URI, local name, value).
    func attributes() -> [XMLAttribute] {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return [] }
        var result: [XMLAttribute] = []
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            result.append(XMLAttribute(namespaceURI: namespaceURI, localName: localName, value: value ?? ""))
            if result.count >= 1024 { break }
        }
        xmlTextReaderMoveToElement(reader)
        return result
    }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}

/// One attribute of an element.
struct XMLAttribute: Equatable {
    var namespaceURI: String?
    var localName: String
    var value: String
}

/// libxml2 failed before reading anything.
struct XMLReaderError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

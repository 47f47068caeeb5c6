import EarshotCore
import Foundation

/// Parses RSS and Atom documents with libxml2, detecting the format from the root element
/// and its namespace (never from a file name).
///
/// A well-formed document is streamed. An ill-formed one is read again, its stray ampersands
/// and HTML entities repaired (``EntityRepair``), from the tree libxml2's recovering parser
/// builds (the streaming reader stops at the first error), and the result says so
/// (``FeedDocument/illFormed`` and a first warning with line and column).
public struct XMLFeedParser: Sendable {
    public init() {}

    /// Parses `bytes`, collecting every item (built on the streaming ``parse(_:path:encoding:onItem:)``).
    /// - Parameters:
    ///   - path: the file or URL the bytes came from, for messages only (links are never resolved against it).
    ///   - encoding: a charset from the transport that overrides the document's declaration, or nil.
    /// - Throws: ``EarshotError`` `.parse` when no feed could be read, `.hostileInput` when the
    ///   document exceeds the nesting, size or entity limits.
    public func parse(_ bytes: [UInt8], path: String, encoding: String? = nil) throws -> FeedDocument {
        var items: [FeedItem] = []
        var document = try parse(bytes, path: path, encoding: encoding) { (item: FeedItem, _) in items.append(item) }
        document.items = items
        return document
    }

    /// Parses `bytes`, handing each item to `onItem` as soon as it ends, in document order.
    ///
    /// `onItem` also gets the document as read so far (format, title, link, warnings; no
    /// items), so a caller can write the feed's header before the first item. The returned
    /// document has no items: they were all handed out. An ill-formed document is streamed up
    /// to the first error, then read again from libxml2's recovered tree, skipping the items
    /// already handed out, so each item is handed out once.
    /// - Parameters:
    ///   - path: the file or URL the bytes came from, for messages only.
    ///   - encoding: a charset from the transport that overrides the document's declaration, or nil.
    ///   - onItem: receives each item; what it throws ends the parse and is rethrown as is.
    /// - Throws: ``EarshotError`` `.parse` when no feed could be read, `.hostileInput` when the
    ///   document exceeds the nesting, size or entity limits (items before that were handed out).
    public func parse(_ bytes: [UInt8], path: String, encoding: String? = nil,
                      onItem: (FeedItem, FeedDocument) throws -> Void) throws -> FeedDocument {
        try stream(path: path, onItem: { try onItem($0.item, $1) }, open: { try PushInput(bytes: bytes, encoding: encoding) },
                   recover: {
                       try XMLFeedParser.refuseManyAttributes(bytes, path: path)
                       return try XMLStreamReader(recovering: EntityRepair.repair(bytes) ?? bytes, encoding: encoding)
                   })
    }

    /// Parses the file at `file`, reading it in small chunks and handing each item to `onItem`
    /// as soon as it ends, so memory stays flat however large the feed is.
    ///
    /// Same contract as ``parse(_:path:encoding:onItem:)``. Only an ill-formed file is read
    /// whole (for libxml2's recovering parser).
    /// - Parameters:
    ///   - file: the path of a local file; nothing else is ever read.
    ///   - encoding: a charset that overrides the document's declaration, or nil.
    ///   - onItem: receives each item; what it throws ends the parse and is rethrown as is.
    /// - Throws: ``EarshotError`` `.parse` when the file cannot be read or holds no feed,
    ///   `.hostileInput` when the document exceeds the nesting, size or entity limits.
    public func parse(contentsOfFile file: String, encoding: String? = nil,
                      onItem: (FeedItem, FeedDocument) throws -> Void) throws -> FeedDocument {
        try parseStreamed(contentsOfFile: file, encoding: encoding) { try onItem($0.item, $1) }
    }

    /// Thrown by ``parseStreamed(contentsOfFile:encoding:requireUTF8:onItem:)`` at the file's first
    /// byte that is not UTF-8: the items that end before the 64 KB chunk holding it were handed
    /// out (`handedOut` of them), and nothing from that chunk on reached libxml2.
    public struct NotUTF8: Error {
        public var handedOut: Int
    }

    /// ``parse(contentsOfFile:encoding:onItem:)`` handing out each item with its summary and
    /// content not yet reduced to `String`s (``StreamedFeedItem``), for a caller that writes
    /// them out as bytes.
    /// - Parameter requireUTF8: check each chunk to be UTF-8 before libxml2 reads it, and stop
    ///   with ``NotUTF8`` at the first byte that is not (for a caller that reads such a file
    ///   another way: libxml2 alone would stop there with an error and recover the rest).
    public func parseStreamed(contentsOfFile file: String, encoding: String? = nil, requireUTF8: Bool = false,
                              onItem: (StreamedFeedItem, FeedDocument) throws -> Void) throws -> FeedDocument {
        try stream(path: file, onItem: onItem, open: { try PushInput(file: file, encoding: encoding, requireUTF8: requireUTF8) }, recover: {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw XMLReaderError(message: "\(file): cannot read the file; check the path")
            }
            let bytes = [UInt8](data)
            try XMLFeedParser.refuseManyAttributes(bytes, path: file)
            return try XMLStreamReader(recovering: EntityRepair.repair(bytes) ?? bytes, encoding: encoding)
        })
    }

    /// The first `count` bytes of the file at `path` (fewer when it is shorter), as ``canStream(head:)``
    /// reads them; nil when the file cannot be opened or read.
    public static func head(ofFile path: String, count: Int = 4096) -> [UInt8]? {
        let descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        guard let read = try? FileDescriptor(descriptor).read(into: &bytes, upTo: count) else { return nil }
        bytes.removeSubrange(read...)
        return bytes
    }

    /// Whether the first bytes of a document (a few KB) say it is an RSS, RDF or Atom feed in
    /// UTF-8 (or ASCII), which ``parse(contentsOfFile:encoding:onItem:)`` can stream as is.
    /// Anything else (JSON, HTML, other encodings) is for ``DocumentParser``.
    public static func canStream(head: [UInt8]) -> Bool {
        var start = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard !head.contains(0) else { return false }
        while start < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[start]) { start += 1 }
        guard start < head.count, head[start] == UInt8(ascii: "<") else { return false }
        let text = String(decoding: head[start...], as: UTF8.self).lowercased()
        guard text.contains("<rss") || text.contains("<rdf:rdf") || text.contains("<feed") else { return false }
        guard text.hasPrefix("<?xml"), let end = text.firstIndex(of: ">") else { return true }
        let declaration = text[..<end]
        guard let range = declaration.range(of: "encoding") else { return true }
        let value = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        return value.hasPrefix("utf-8") || value.hasPrefix("utf8") || value.hasPrefix("us-ascii")
    }

    /// A consumer's error, carried through the parser untouched.
    private struct ConsumerFailure: Error { var error: any Error }
    /// Ends a streaming pass at the first XML error, to read the document again recovered.
    private struct StopForRecovery: Error {}

    private func stream(path: String, onItem: (StreamedFeedItem, FeedDocument) throws -> Void,
                        open: () throws -> PushInput, recover: () throws -> XMLStreamReader) throws -> FeedDocument {
        let input = try XMLFeedParser.open(open)
        let stream = input.parser
        var handedOut = 0
        do {
            let document = try read(input, path: path) { item, header in
                // Once libxml2 reported an error, the rest comes from the recovered tree.
                if stream.errorCount > 0 { throw StopForRecovery() }
                do { try onItem(item, header) } catch { throw ConsumerFailure(error: error) }
                handedOut += 1
            }
            if stream.errorCount == 0 { return document }
        } catch let failure as ConsumerFailure {
            throw failure.error
        } catch is PushInput.InvalidUTF8 {
            throw NotUTF8(handedOut: handedOut)
        } catch let error as EarshotError where error.code == .hostileInput || stream.errorCount == 0 {
            throw error
        } catch {
            // Ill-formed: read what libxml2 recovers instead.
        }
        let tree = try XMLFeedParser.open(recover)
        var skipped = 0
        var document: FeedDocument
        do {
            document = try read(tree, path: path) { item, header in
                if skipped < handedOut { skipped += 1; return }
                do { try onItem(item, header) } catch { throw ConsumerFailure(error: error) }
            }
        } catch let failure as ConsumerFailure {
            throw failure.error
        }
        if let first = (stream.diagnostics + tree.diagnostics).first(where: \.isError) {
            document.illFormed = true
            document.warnings.insert("\(path):\(first.line):\(first.column): ill-formed XML recovered: \(first.message)", at: 0)
        }
        return document
    }

    private static func open<Reader>(_ make: () throws -> Reader) throws -> Reader {
        do {
            return try make()
        } catch {
            throw EarshotError(.parse, "not a feed: \(error)")
        }
    }

    /// Refuses, before libxml2's recovering parser reads it, a document with a start tag of more
    /// than ``StartTagGuard/limit`` attributes (libxml2 checks them in quadratic time).
    private static func refuseManyAttributes(_ bytes: [UInt8], path: String) throws {
        if let line = StartTagGuard.firstOffence(in: bytes) {
            throw EarshotError(.hostileInput, "\(path):\(line): a start tag has more than \(StartTagGuard.limit) attributes; refusing the document")
        }
    }

    /// The hostile-input error for one of the event driver's limits.
    private static func refusal(_ failure: XMLEventDriver.Failure, driver: XMLEventDriver, path: String) -> EarshotError {
        switch failure {
        case .tooDeep(let line):
            EarshotError(.hostileInput, "\(path):\(line): elements nested deeper than \(driver.maxDepth); refusing the document")
        case .fieldTooLarge(let element, let line):
            EarshotError(.hostileInput, "\(path):\(line): <\(element)> is larger than \(driver.maxFieldBytes >> 20) MB; refusing the document")
        case .tooManyAttributes(let line):
            EarshotError(.hostileInput, "\(path):\(line): a start tag has more than \(StartTagGuard.limit) attributes; refusing the document")
        }
    }

    /// Reads one document from `input` with libxml2's push parser, choosing the handler by the root element.
    private func read(_ input: PushInput, path: String, onItem: (StreamedFeedItem, FeedDocument) throws -> Void) throws -> FeedDocument {
        try withoutActuallyEscaping(onItem) { emit in
            let parser = input.parser
            let root = RootSink(parser: parser, path: path, emit: emit)
            parser.events = root
            // The handler's line closure holds the parser unowned; dropping the sink frees the rest.
            defer { parser.events = nil }
            do {
                try input.feed()
            } catch let failure as XMLEventDriver.Failure {
                throw XMLFeedParser.refusal(failure, driver: root.driver, path: path)
            } catch let notAFeed as RootSink.NotAFeed {
                try XMLFeedParser.refuseIfHostile(parser.resourceLimit, path: path)
                throw EarshotError(.parse, "\(path): root element <\(notAFeed.root)> is not RSS, RDF or Atom; check the source's url points at a feed")
            }
            guard let finish = root.finish else {
                try XMLFeedParser.refuseIfHostile(parser.resourceLimit, path: path)
                let reason = parser.diagnostics.first(where: \.isError).map { "\(path):\($0.line):\($0.column): \($0.message)" }
                    ?? "\(path): no XML element found"
                throw EarshotError(.parse, "not a feed: \(reason)")
            }
            let document: FeedDocument
            do {
                document = try finish()
            } catch let failure as XMLEventDriver.Failure {
                throw XMLFeedParser.refusal(failure, driver: root.driver, path: path)
            }
            try XMLFeedParser.refuseIfHostile(parser.resourceLimit, path: path)
            return document
        }
    }

    /// Chooses the feed's handler at the root element, then hands the parser's events to it.
    private final class RootSink: XMLEventSink {
        struct NotAFeed: Error { var root: XName }

        let driver = XMLEventDriver()
        private unowned let parser: XMLPushParser
        private let path: String
        private let emit: (StreamedFeedItem, FeedDocument) throws -> Void
        /// Closes what is left open and returns the document; nil until a root element was read.
        private(set) var finish: (() throws -> FeedDocument)?

        init(parser: XMLPushParser, path: String, emit: @escaping (StreamedFeedItem, FeedDocument) throws -> Void) {
            self.parser = parser
            self.path = path
            self.emit = emit
        }

        func start(_ name: XMLNameEntry, isEmpty: Bool, attributes: () -> [XMLAttribute]) throws {
            let attributes = attributes()
            let version = attributes.value("version")
            let line: () -> Int = { [unowned parser] in parser.line }
            switch (name.name.ns, name.name.local) {
            case ("", "rss"):
                var handler = RSSParser(format: RSSVersion.format(version), path: path, line: line)
                handler.emit = emit
                let box = XMLHandlerBox(handler)
                let assembler = XMLEventAssembler(box: box, driver: driver, validUTF8: true, line: line)
                finish = { try assembler.finish(); return box.handler.document }
                try begin(assembler, name, isEmpty, attributes)
            case ("rdf", "RDF"):
                var handler = RSSParser(format: .rss10, path: path, line: line)
                handler.emit = emit
                let box = XMLHandlerBox(handler)
                let assembler = XMLEventAssembler(box: box, driver: driver, validUTF8: true, line: line)
                finish = {
                    try assembler.finish()
                    let final = box.handler
                    var document = final.document
                    // RSS 0.90 is RDF too; its channel and items are in Netscape's namespace.
                    if final.sawRSS090 { document.format = .rss09x }
                    return document
                }
                try begin(assembler, name, isEmpty, attributes)
            case (let ns, "feed"):
                // Atom 1.0, Atom 0.3, or `atom`: a feed in no namespace or an unknown (draft) one.
                let format: FeedFormat = ns == "atom" ? .atom10 : ns == "atom03" ? .atom03 : .atom
                var handler = AtomParser(format: format, path: path, namespace: ns, line: line)
                handler.emit = emit
                let box = XMLHandlerBox(handler)
                let assembler = XMLEventAssembler(box: box, driver: driver, validUTF8: true, line: line)
                finish = { try assembler.finish(); return box.handler.document }
                try begin(assembler, name, isEmpty, attributes)
            default:
                throw NotAFeed(root: name.name)
            }
        }

        private func begin(_ assembler: XMLEventAssembler, _ name: XMLNameEntry, _ isEmpty: Bool, _ attributes: [XMLAttribute]) throws {
            parser.events = assembler
            try assembler.start(name, isEmpty: isEmpty) { attributes }
        }

        var wantsText: Bool { false }
        func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
        func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {}
        func checkTextSize() {}
        func reference(_ name: String) {}
        func end() {}
    }

    /// Reads one document from `reader`, choosing the handler by the root element.
    private func read(_ reader: XMLStreamReader, path: String, onItem: (StreamedFeedItem, FeedDocument) throws -> Void) throws -> FeedDocument {
        try withoutActuallyEscaping(onItem) { emit in try readEmitting(reader, path: path, emit: emit) }
    }

    private func readEmitting(_ reader: XMLStreamReader, path: String, emit: @escaping (StreamedFeedItem, FeedDocument) throws -> Void) throws -> FeedDocument {
        var root: XName?
        var version: String?
        while reader.read() {
            if reader.nodeType == .element {
                root = reader.name
                version = reader.attributes().value("version")
                break
            }
        }
        guard let root else {
            try XMLFeedParser.refuseIfHostile(reader, path: path)
            let reason = reader.diagnostics.first(where: \.isError).map { "\(path):\($0.line):\($0.column): \($0.message)" }
                ?? "\(path): no XML element found"
            throw EarshotError(.parse, "not a feed: \(reason)")
        }
        let format: FeedFormat
        var document: FeedDocument
        let driver = XMLEventDriver()
        do {
            switch (root.ns, root.local) {
            case ("", "rss"):
                format = RSSVersion.format(version)
                var handler = RSSParser(format: format, path: path, line: { reader.line })
                handler.emit = emit
                try driver.run(reader, handler: &handler, startingAtCurrentNode: true)
                document = handler.document
            case ("rdf", "RDF"):
                format = .rss10
                var handler = RSSParser(format: format, path: path, line: { reader.line })
                handler.emit = emit
                try driver.run(reader, handler: &handler, startingAtCurrentNode: true)
                document = handler.document
                // RSS 0.90 is RDF too; its channel and items are in Netscape's namespace.
                if handler.sawRSS090 { document.format = .rss09x }
            case (let ns, "feed"):
                // Atom 1.0, Atom 0.3, or `atom`: a feed in no namespace or an unknown (draft) one.
                format = ns == "atom" ? .atom10 : ns == "atom03" ? .atom03 : .atom
                var handler = AtomParser(format: format, path: path, namespace: ns, line: { reader.line })
                handler.emit = emit
                try driver.run(reader, handler: &handler, startingAtCurrentNode: true)
                document = handler.document
            default:
                try XMLFeedParser.refuseIfHostile(reader, path: path)
                throw EarshotError(.parse, "\(path): root element <\(root)> is not RSS, RDF or Atom; check the source's url points at a feed")
            }
        } catch let failure as XMLEventDriver.Failure {
            throw XMLFeedParser.refusal(failure, driver: driver, path: path)
        }
        try XMLFeedParser.refuseIfHostile(reader, path: path)
        return document
    }

    /// Throws `.hostileInput` when libxml2 stopped at one of its own safety limits (nesting
    /// deeper than 256, a huge text node, an entity loop).
    private static func refuseIfHostile(_ reader: XMLStreamReader, path: String) throws {
        try refuseIfHostile(reader.resourceLimit, path: path)
    }

    private static func refuseIfHostile(_ limit: XMLDiagnostic?, path: String) throws {
        if let limit {
            throw EarshotError(.hostileInput, "\(path):\(limit.line):\(limit.column): \(limit.message); refusing the document")
        }
    }
}

/// A document for ``XMLPushParser``: bytes in memory or a file, fed in 64 KB chunks. The
/// parser is made from the first four bytes, as libxml2's reader does (it detects the
/// encoding from them).
struct PushInput {
    let parser: XMLPushParser
    private let rest: () throws -> Void

    private static let chunk = 1 << 16

    /// - Throws: ``XMLReaderError`` when libxml2 cannot create a parser.
    init(bytes: [UInt8], encoding: String?) throws {
        let head = min(4, bytes.count)
        let parser = try bytes.withUnsafeBufferPointer { try XMLPushParser(head: UnsafeBufferPointer(rebasing: $0[..<head]), url: nil, encoding: encoding) }
        self.parser = parser
        rest = {
            try bytes.withUnsafeBufferPointer { all in
                var start = head
                while start < all.count {
                    let end = min(all.count, start + PushInput.chunk)
                    try parser.feed(UnsafeBufferPointer(rebasing: all[start..<end]))
                    start = end
                }
            }
            try parser.finish()
        }
    }

    /// Thrown by ``feed()`` of a file opened with `requireUTF8` at its first byte that is not UTF-8
    /// (the chunk holding it was not fed; everything before it was).
    struct InvalidUTF8: Error {}

    /// - Parameter requireUTF8: whether each chunk is checked to be UTF-8 before libxml2 reads it
    ///   (``InvalidUTF8``): while it is still in the cache, with no pass of its own over the file.
    /// - Throws: ``XMLReaderError`` when the file cannot be opened.
    init(file path: String, encoding: String?, requireUTF8: Bool = false) throws {
        let descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else { throw XMLReaderError(message: "\(path): cannot open the file; check the path") }
        let file = FileDescriptor(descriptor)
        var buffer = [UInt8](repeating: 0, count: PushInput.chunk)
        let head = try file.read(into: &buffer, upTo: 4)
        let parser = try buffer.withUnsafeBufferPointer { try XMLPushParser(head: UnsafeBufferPointer(rebasing: $0[..<head]), url: path, encoding: encoding) }
        self.parser = parser
        var validation = requireUTF8 ? UTF8StreamValidation() : nil
        if validation != nil, !buffer[..<head].withUnsafeBufferPointer({ validation!.check($0) }) {
            rest = { throw InvalidUTF8() }
            return
        }
        rest = {
            while true {
                let count = try file.read(into: &buffer, upTo: PushInput.chunk)
                if count == 0 { break }
                try buffer.withUnsafeBufferPointer { all in
                    let chunk = UnsafeBufferPointer(rebasing: all[..<count])
                    if validation != nil, !validation!.check(chunk) { throw InvalidUTF8() }
                    try parser.feed(chunk)
                }
            }
            if let validation, !validation.isComplete { throw InvalidUTF8() }
            try parser.finish()
        }
    }

    /// Feeds the rest of the document and ends it.
    /// - Throws: what the parser's events threw, or ``XMLReaderError`` when the file cannot be read.
    func feed() throws { try rest() }
}

/// An open file, closed when the last reference goes.
final class FileDescriptor {
    let value: Int32
    init(_ value: Int32) { self.value = value }
    deinit { close(value) }

    /// Reads up to `limit` bytes (fewer only at the end of the file) into the start of `buffer`.
    func read(into buffer: inout [UInt8], upTo limit: Int) throws -> Int {
        var total = 0
        while total < limit {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(value, $0.baseAddress! + total, limit - total) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw XMLReaderError(message: "cannot read the file (errno \(errno))") }
            if count == 0 { break }
            total += count
        }
        return total
    }
}

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
        var document = try parse(bytes, path: path, encoding: encoding) { item, _ in items.append(item) }
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
        try stream(path: path, onItem: onItem, open: { try XMLStreamReader(bytes: bytes, encoding: encoding) },
                   recover: { try XMLStreamReader(recovering: EntityRepair.repair(bytes) ?? bytes, encoding: encoding) })
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
        try stream(path: file, onItem: onItem, open: { try XMLStreamReader(file: file, encoding: encoding) }, recover: {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw XMLReaderError(message: "\(file): cannot read the file; check the path")
            }
            let bytes = [UInt8](data)
            return try XMLStreamReader(recovering: EntityRepair.repair(bytes) ?? bytes, encoding: encoding)
        })
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

    private func stream(path: String, onItem: (FeedItem, FeedDocument) throws -> Void,
                        open: () throws -> XMLStreamReader, recover: () throws -> XMLStreamReader) throws -> FeedDocument {
        let stream = try XMLFeedParser.open(open)
        var handedOut = 0
        do {
            let document = try read(stream, path: path) { item, header in
                // Once libxml2 reported an error, the rest comes from the recovered tree.
                if stream.errorCount > 0 { throw StopForRecovery() }
                do { try onItem(item, header) } catch { throw ConsumerFailure(error: error) }
                handedOut += 1
            }
            if stream.errorCount == 0 { return document }
        } catch let failure as ConsumerFailure {
            throw failure.error
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

    private static func open(_ make: () throws -> XMLStreamReader) throws -> XMLStreamReader {
        do {
            return try make()
        } catch {
            throw EarshotError(.parse, "not a feed: \(error)")
        }
    }

    /// Reads one document from `reader`, choosing the handler by the root element.
    private func read(_ reader: XMLStreamReader, path: String, onItem: (FeedItem, FeedDocument) throws -> Void) throws -> FeedDocument {
        try withoutActuallyEscaping(onItem) { emit in try readEmitting(reader, path: path, emit: emit) }
    }

    private func readEmitting(_ reader: XMLStreamReader, path: String, emit: @escaping (FeedItem, FeedDocument) throws -> Void) throws -> FeedDocument {
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
            switch failure {
            case .tooDeep(let line):
                throw EarshotError(.hostileInput, "\(path):\(line): elements nested deeper than \(driver.maxDepth); refusing the document")
            case .fieldTooLarge(let element, let line):
                throw EarshotError(.hostileInput, "\(path):\(line): <\(element)> is larger than \(driver.maxFieldBytes >> 20) MB; refusing the document")
            }
        }
        try XMLFeedParser.refuseIfHostile(reader, path: path)
        return document
    }

    /// Throws `.hostileInput` when libxml2 stopped at one of its own safety limits (nesting
    /// deeper than 256, a huge text node, an entity loop).
    private static func refuseIfHostile(_ reader: XMLStreamReader, path: String) throws {
        if let limit = reader.resourceLimit {
            throw EarshotError(.hostileInput, "\(path):\(limit.line):\(limit.column): \(limit.message); refusing the document")
        }
    }
}

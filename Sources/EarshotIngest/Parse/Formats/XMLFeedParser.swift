import EarshotCore

/// Parses RSS and Atom documents with libxml2, detecting the format from the root element
/// and its namespace (never from a file name).
///
/// A well-formed document is streamed. An ill-formed one is read again, its stray ampersands
/// and HTML entities repaired (``EntityRepair``), from the tree libxml2's recovering parser
/// builds (the streaming reader stops at the first error), and the result says so
/// (``FeedDocument/illFormed`` and a first warning with line and column).
public struct XMLFeedParser: Sendable {
    public init() {}

    /// Parses `bytes`.
    /// - Parameters:
    ///   - path: the file or URL the bytes came from, for messages only (links are never resolved against it).
    ///   - encoding: a charset from the transport that overrides the document's declaration, or nil.
    /// - Throws: ``EarshotError`` `.parse` when no feed could be read, `.hostileInput` when the
    ///   document exceeds the nesting, size or entity limits.
    public func parse(_ bytes: [UInt8], path: String, encoding: String? = nil) throws -> FeedDocument {
        let stream = try XMLFeedParser.open { try XMLStreamReader(bytes: bytes, encoding: encoding) }
        do {
            let document = try read(stream, path: path)
            if stream.errorCount == 0 { return document }
        } catch let error as EarshotError where error.code == .hostileInput || stream.errorCount == 0 {
            throw error
        } catch {
            // Ill-formed: read what libxml2 recovers instead.
        }
        let repaired = EntityRepair.repair(bytes) ?? bytes
        let tree = try XMLFeedParser.open { try XMLStreamReader(recovering: repaired, encoding: encoding) }
        var document = try read(tree, path: path)
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
    private func read(_ reader: XMLStreamReader, path: String) throws -> FeedDocument {
        var root: XName?
        var version: String?
        while reader.read() {
            if reader.nodeType == .element {
                root = XName(uri: reader.namespaceURI, local: reader.localName)
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
                try driver.run(reader, handler: &handler, startingAtCurrentNode: true)
                document = handler.document
            case ("rdf", "RDF"):
                format = .rss10
                var handler = RSSParser(format: format, path: path, line: { reader.line })
                try driver.run(reader, handler: &handler, startingAtCurrentNode: true)
                document = handler.document
                // RSS 0.90 is RDF too; its channel and items are in Netscape's namespace.
                if handler.sawRSS090 { document.format = .rss09x }
            case (let ns, "feed"):
                // Atom 1.0, Atom 0.3, or `atom`: a feed in no namespace or an unknown (draft) one.
                format = ns == "atom" ? .atom10 : ns == "atom03" ? .atom03 : .atom
                var handler = AtomParser(format: format, path: path, namespace: ns, line: { reader.line })
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

import EarshotCore

/// Parses RSS and Atom documents with libxml2, detecting the format from the root element
/// and its namespace (never from a file name).
public struct XMLFeedParser: Sendable {
    public init() {}

    /// Parses `bytes`.
    /// - Parameters:
    ///   - path: the file or URL the bytes came from, for messages only (links are never resolved against it).
    ///   - encoding: a charset from the transport that overrides the document's declaration, or nil.
    /// - Throws: ``EarshotError`` `.parse` when no feed could be read, `.hostileInput` when the
    ///   document exceeds the nesting or size limits.
    public func parse(_ bytes: [UInt8], path: String, encoding: String? = nil) throws -> FeedDocument {
        let reader = try XMLStreamReader(bytes: bytes, encoding: encoding)
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
        if reader.errorCount > 0, let first = reader.diagnostics.first(where: \.isError) {
            document.illFormed = true
            document.warnings.insert("\(path):\(first.line):\(first.column): ill-formed XML recovered: \(first.message)", at: 0)
        }
        return document
    }
}

/// RSS version attribute to format.
enum RSSVersion {
    static func format(_ version: String?) -> FeedFormat {
        switch version?.trimmingCharacters(in: .whitespaces) {
        case "2.0", "2.0.1", "2.00", "2": return .rss20
        case "0.90", "0.91", "0.92", "0.93", "0.94", "0.9": return .rss09x
        default: return .rss
        }
    }
}

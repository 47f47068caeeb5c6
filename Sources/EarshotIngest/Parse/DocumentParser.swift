import EarshotCore

/// Detects what a fetched document is, by its content (never by file name alone), and parses
/// it into a ``FeedDocument``.
///
/// JSON (`{`) is read as JSON Feed; markup that starts as HTML as a review page; any other
/// markup as RSS or Atom by its root element. A source configured with `format: csv` (or a
/// `csv:` mapping) is read as CSV, and `format: reviews` forces the review-page reader.
///
/// Before anything else the bytes are re-encoded as UTF-8 by ``EncodingSniffer``: a byte-order
/// mark, then the transport's charset (``FetchedDocument/charset``), then the XML declaration
/// or `<meta charset>`, then UTF-8 (RFC 7303's order), with the web's usual mislabellings
/// caught and every invalid byte replaced by U+FFFD. Its warnings end the document's warnings.
public struct DocumentParser: Sendable {
    public init() {}

    /// Parses `document` as `source` says.
    /// - Throws: ``EarshotError`` (`.parse` or `.hostileInput`) naming the file or URL.
    public func parse(_ document: FetchedDocument, source: SourceConfig) throws -> FeedDocument {
        let path = document.finalURL
        if source.format == .csv || source.csv != nil {
            guard let mapping = source.csv else {
                throw EarshotError(.configuration, "source '\(source.id)' is CSV but has no csv: column mapping")
            }
            return try CSVParser(mapping: mapping).parse(document.bytes, path: path, charset: document.charset)
        }
        let decoded = EncodingSniffer.decode(document.bytes, charset: document.charset, path: path)
        let bytes = decoded.bytes
        let kind = source.format == .reviews ? .html : DocumentParser.sniff(bytes)
        var result: FeedDocument
        switch kind {
        case .json:
            result = try JSONFeedParser().parse(bytes, path: path)
        case .html:
            result = try ReviewPageParser().parse(utf8: bytes, path: path)
        case .xml:
            // The bytes are UTF-8 now and their declaration, if any, says so: libxml2 needs no encoding name.
            result = try XMLFeedParser().parse(bytes, path: path)
        case .empty:
            throw EarshotError(.parse, "\(path): the document is empty")
        }
        result.warnings += decoded.warnings
        return result
    }

    enum Kind { case json, html, xml, empty }

    /// Looks at the first bytes after a byte-order mark and white space.
    static func sniff(_ bytes: [UInt8]) -> Kind {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return .xml }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count else { return .empty }
        if bytes[start] == UInt8(ascii: "{") || bytes[start] == UInt8(ascii: "[") { return .json }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 2048)], as: UTF8.self).lowercased()
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") { return .html }
        let feedRoot = head.contains("<rss") || head.contains("<rdf:rdf") || head.contains("<feed")
        // An XHTML page may open with an XML declaration too.
        if head.hasPrefix("<?xml"), !feedRoot, head.contains("<html") { return .html }
        if feedRoot || head.hasPrefix("<?xml") { return .xml }
        if head.contains("<html") || head.contains("<body") || head.contains("<head") { return .html }
        return .xml
    }
}

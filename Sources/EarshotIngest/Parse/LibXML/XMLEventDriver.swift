/// A name with its namespace mapped to the short prefix feeds are written with (`atom`,
/// `dc`, `content`, …), so handlers match on meaning, not on whatever prefix a document chose.
struct XName: Hashable, CustomStringConvertible {
    var ns: String
    var local: String

    init(_ ns: String, _ local: String) {
        self.ns = ns
        self.local = local
    }

    init(uri: String?, local: String) {
        self.ns = XName.prefix(for: uri)
        self.local = local
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
}

/// Pumps an ``XMLStreamReader`` into an ``XMLElementHandler``, keeping xml:base, text capture
/// and the limits that keep hostile documents in bounded time and memory.
struct XMLEventDriver {
    /// Deeper nesting than this ends the parse with a hostile-input error.
    var maxDepth = 256
    /// A single field larger than this (in UTF-8 bytes) ends the parse with a hostile-input error.
    var maxFieldBytes = 8 << 20

    enum Failure: Error {
        case tooDeep(line: Int)
        case fieldTooLarge(element: String, line: Int)
    }

    private struct Frame {
        var name: XName
        var base: String?
        var capture: Capture
        var text: String
    }

    private static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote", "pre", "section", "article",
    ]

    /// Reads every node after the reader's current position (the reader should stand on, or
    /// before, the root element) and reports elements to `handler`.
    func run<H: XMLElementHandler>(_ reader: XMLStreamReader, handler: inout H, startingAtCurrentNode: Bool) throws {
        var stack: [Frame] = []
        var deepCapture: Int? = nil   // index in stack of the frame capturing all text
        var first = startingAtCurrentNode
        while first || reader.read() {
            first = false
            switch reader.nodeType {
            case .element:
                let depth = reader.depth
                guard depth < maxDepth else { throw Failure.tooDeep(line: reader.line) }
                let empty = reader.isEmptyElement
                let name = reader.name
                if let deep = deepCapture {
                    let tag = name.local.lowercased()
                    if stack[deep].capture == .markup {
                        // An empty element is written open and closed: `<script/>` must not swallow what follows.
                        stack[deep].text += empty ? "<\(tag)></\(tag)>" : "<\(tag)>"
                    } else if XMLEventDriver.blockElements.contains(tag) {
                        stack[deep].text += "\n"
                    }
                    if !empty { stack.append(Frame(name: name, base: nil, capture: stack[deep].capture, text: "")) }
                    continue
                }
                let attributes = reader.hasAttributes ? reader.attributes() : []
                var base = stack.last?.base
                if let xmlBase = attributes.first(where: { $0.localName == "base" && XName.prefix(for: $0.namespaceURI) == "xml" })?.value {
                    base = URLResolver.resolve(xmlBase, against: base)
                }
                let capture = try handler.start(name, attributes: attributes, base: base, depth: depth)
                if empty {
                    try handler.end(name, text: "", base: base, depth: depth)
                } else {
                    stack.append(Frame(name: name, base: base, capture: capture, text: ""))
                    if capture == .allText || capture == .markup { deepCapture = stack.count - 1 }
                }
            case .text, .cdata, .significantWhitespace, .whitespace:
                guard !stack.isEmpty else { continue }
                let target = deepCapture ?? stack.count - 1
                // Text nobody keeps never becomes a string.
                guard stack[target].capture != .ignored, let value = reader.value else { continue }
                if stack[target].capture == .markup {
                    stack[target].text += HTMLText.escapeForPlainText(value)
                } else {
                    stack[target].text += value
                }
                if stack[target].text.utf8.count > maxFieldBytes {
                    throw Failure.fieldTooLarge(element: stack[target].name.description, line: reader.line)
                }
            case .entityReference:
                // An entity the document does not define, left as a reference (feeds that name
                // an external DTD, like RSS 0.91's): HTML's meaning, or nothing. Never expanded.
                guard !stack.isEmpty, let character = HTMLEntityTable.character(named: reader.localName) else { continue }
                let target = deepCapture ?? stack.count - 1
                guard stack[target].capture != .ignored else { continue }
                stack[target].text += stack[target].capture == .markup ? HTMLText.escapeForPlainText(String(character)) : String(character)
            case .endElement:
                guard let frame = stack.popLast() else { continue }
                if let deep = deepCapture {
                    if deep < stack.count {
                        let tag = frame.name.local.lowercased()
                        if stack[deep].capture == .markup {
                            stack[deep].text += "</\(tag)>"
                        } else if XMLEventDriver.blockElements.contains(tag) {
                            stack[deep].text += "\n"
                        }
                        continue
                    }
                    deepCapture = nil
                }
                try handler.end(frame.name, text: frame.text, base: frame.base, depth: stack.count)
            default:
                continue
            }
        }
        // Close what an ill-formed document left open, innermost first.
        while let frame = stack.popLast() {
            if let deep = deepCapture, deep < stack.count { continue }
            deepCapture = nil
            try handler.end(frame.name, text: frame.text, base: frame.base, depth: stack.count)
        }
    }
}

import CLibXML2

/// An HTML page parsed by libxml2's HTML parser and copied into a Swift tree of ``HTMLNode``s.
///
/// Parsing recovers from the broken markup of the real web and never fetches anything
/// (`HTML_PARSE_NONET`); the libxml2 document is freed before `parse` returns.
enum HTMLDocument {
    /// Deeper nesting than this is cut off (its content is dropped).
    static let maxDepth = 256

    /// The page's element tree, rooted at a synthetic `#document` element.
    /// - Parameter encoding: the encoding libxml2 reads the bytes in, overriding the page's
    ///   `<meta charset>`; ``ReviewPageParser`` passes UTF-8 after ``EncodingSniffer`` re-encoded them.
    static func parse(_ bytes: [UInt8], encoding: String? = nil) -> HTMLNode {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, encoding, options)
            }
        }
        var root = HTMLNode.element(name: "#document", attributes: [:], children: [])
        guard let document else { return root }
        defer { xmlFreeDoc(document) }
        var children: [HTMLNode] = []
        var child = document.pointee.children
        while let node = child {
            if let converted = convert(node, depth: 0) { children.append(converted) }
            child = node.pointee.next
        }
        root = .element(name: "#document", attributes: [:], children: children)
        return root
    }

    private static func convert(_ node: xmlNodePtr, depth: Int) -> HTMLNode? {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            var attributes: [String: String] = [:]
            var attribute = node.pointee.properties
            while let current = attribute {
                if let attributeName = current.pointee.name.map({ String(cString: $0).lowercased() }),
                   let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                    attributes[attributeName] = String(cString: value)
                    earshot_xmlFree(value)
                }
                attribute = current.pointee.next
            }
            var children: [HTMLNode] = []
            if depth < maxDepth {
                var child = node.pointee.children
                while let current = child {
                    if let converted = convert(current, depth: depth + 1) { children.append(converted) }
                    child = current.pointee.next
                }
            }
            return .element(name: name, attributes: attributes, children: children)
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return node.pointee.content.map { .text(String(cString: $0)) }
        default:
            return nil
        }
    }
}

/// One node of a parsed HTML page.
indirect enum HTMLNode: Sendable {
    case element(name: String, attributes: [String: String], children: [HTMLNode])
    case text(String)

    var name: String? {
        if case .element(let name, _, _) = self { return name }
        return nil
    }

    var attributes: [String: String] {
        if case .element(_, let attributes, _) = self { return attributes }
        return [:]
    }

    var children: [HTMLNode] {
        if case .element(_, _, let children) = self { return children }
        return []
    }

    /// The text inside, scripts and styles excluded, block elements separated by line breaks.
    var textContent: String {
        switch self {
        case .text(let text): return text
        case .element(let name, _, let children):
            if name == "script" || name == "style" { return "" }
            let inner = children.map(\.textContent).joined()
            return ["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "blockquote"].contains(name) ? "\n" + inner + "\n" : inner
        }
    }

    /// Calls `visit` on this node and every element below it, depth first, in document order.
    func forEachElement(_ visit: (HTMLNode) -> Void) {
        guard case .element(_, _, let children) = self else { return }
        visit(self)
        for child in children { child.forEachElement(visit) }
    }
}

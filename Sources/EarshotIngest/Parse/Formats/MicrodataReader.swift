/// Reads the `itemprop`s of one microdata item (`itemscope`), with nested items as values.
enum MicrodataReader {
    enum Value {
        case text(String)
        case item([String: [Value]])
    }

    /// The properties of the item rooted at `scope`.
    static func properties(of scope: HTMLNode) -> [String: [Value]] {
        var result: [String: [Value]] = [:]
        for child in scope.children { collect(child, into: &result) }
        return result
    }

    private static func collect(_ node: HTMLNode, into result: inout [String: [Value]]) {
        guard case .element(let name, let attributes, let children) = node else { return }
        let isScope = attributes["itemscope"] != nil
        if let props = attributes["itemprop"] {
            let value: Value = isScope ? .item(properties(of: node)) : .text(text(of: name, attributes: attributes, node: node))
            for prop in props.split(separator: " ") { result[String(prop), default: []].append(value) }
        }
        if isScope { return }
        for child in children { collect(child, into: &result) }
    }

    private static func text(of name: String, attributes: [String: String], node: HTMLNode) -> String {
        if let content = attributes["content"] { return content }
        switch name {
        case "time": return attributes["datetime"] ?? node.textContent
        case "a", "link", "area": return attributes["href"] ?? node.textContent
        case "img", "audio", "video", "source": return attributes["src"] ?? ""
        case "meta": return attributes["content"] ?? ""
        case "data", "meter": return attributes["value"] ?? node.textContent
        default: return node.textContent
        }
    }
}

extension [String: [MicrodataReader.Value]] {
    /// The first text value of `property`, trimmed.
    func text(_ property: String) -> String? {
        guard case .text(let value)? = self[property]?.first else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// The String-level implementation of ``HTMLText`` that the byte-level ``HTMLReducer`` replaced:
/// kept as its specification. ``HTMLText`` falls back to it for the rare text whose meaning depends
/// on grapheme clusters (a space or `&` followed by a combining mark, a prepended mark), and the
/// tests compare the two on a table of tricky inputs.
enum HTMLTextReference {
    static let blockTags: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote",
        "pre", "section", "article", "header", "footer", "hr", "dd", "dt", "figcaption",
    ]
    static let droppedTags: Set<String> = ["script", "style", "noscript", "template", "iframe", "object"]
    /// Table cells are separated by a space, so `<td>Lumio</td><td>rocks</td>` stays two words.
    static let cellTags: Set<String> = ["td", "th"]

    /// Plain text of `html`; nil when nothing but white space remains.
    static func plainText(_ html: String) -> String? {
        reduce(html, unescapingTwice: true)
    }

    private static func reduce(_ html: String, unescapingTwice: Bool) -> String? {
        if !html.contains("<") && !html.contains("&") { return fold(html) }
        var sawTag = false
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var scalars = Array(html.unicodeScalars)[...]
        while let scalar = scalars.first {
            if scalar == "<" {
                let (tag, closing, rest) = readTag(scalars)
                if let tag {
                    sawTag = true
                    scalars = rest
                    if blockTags.contains(tag) { output += "\n" } else if cellTags.contains(tag) { output += " " }
                    if !closing, droppedTags.contains(tag) { scalars = skip(past: tag, in: scalars) }
                    continue
                }
            }
            scalars = scalars.dropFirst()
            output.unicodeScalars.append(scalar)
        }
        let decoded = decodeEntities(output)
        if unescapingTwice, !sawTag, looksLikeEscapedHTML(decoded) { return reduce(decoded, unescapingTwice: false) }
        return fold(decoded)
    }

    /// Inline elements whose closing tag, found in decoded text, marks it as double-escaped HTML.
    static let inlineTags: Set<String> = [
        "a", "b", "i", "u", "s", "em", "strong", "span", "small", "code", "sub", "sup", "font", "td", "th", "img",
    ]

    /// True when `text` closes a known HTML element (`</p>`, `</b>`) or holds `<br>`, `<br/>` or `<br />`.
    private static func looksLikeEscapedHTML(_ text: String) -> Bool {
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("/") {
                let name = after.dropFirst().prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
                let lower = name.lowercased()
                if !name.isEmpty, after.dropFirst(1 + name.count).first == ">",
                   blockTags.contains(lower) || inlineTags.contains(lower) { return true }
            } else if after.prefix(2).lowercased() == "br" {
                let tail = after.dropFirst(2).drop { $0 == " " }
                if tail.first == ">" || tail.hasPrefix("/>") { return true }
            }
            rest = after
        }
        return false
    }

    /// Decodes `&name;`, `&#123;` and `&#x1F600;`; an unknown or broken reference stays as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(34).firstIndex(of: ";"), let decoded = decode(after[..<semicolon]) {
                output.append(decoded)
                rest = after[after.index(after: semicolon)...]
            } else {
                output += "&"
                rest = after
            }
        }
        output += rest
        return output
    }

    private static func decode(_ reference: Substring) -> Character? {
        if reference.hasPrefix("#x") || reference.hasPrefix("#X") {
            return UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(Character.init)
        }
        if reference.hasPrefix("#") {
            return UInt32(reference.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map(Character.init)
        }
        guard !reference.isEmpty, reference.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        return HTMLEntityTable.character(named: String(reference))
    }

    /// Reads a tag at the start of `input`; returns its lower-cased name (nil if this `<` starts no tag).
    private static func readTag(_ input: ArraySlice<Unicode.Scalar>) -> (String?, Bool, ArraySlice<Unicode.Scalar>) {
        var rest = input.dropFirst()
        if rest.starts(with: "!--".unicodeScalars) {
            // A comment: skip to "-->".
            var index = rest.startIndex + 3
            while index + 2 < rest.endIndex {
                if rest[index] == "-" && rest[index + 1] == "-" && rest[index + 2] == ">" { return ("!--", false, rest[(index + 3)...]) }
                index += 1
            }
            return ("!--", false, rest[rest.endIndex...])
        }
        var closing = false
        if rest.first == "/" { closing = true; rest = rest.dropFirst() }
        guard let first = rest.first, first.properties.isAlphabetic || first == "!" || first == "?" else { return (nil, false, input) }
        var name = ""
        while let c = rest.first, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "!" || c == "?" || c == "-" || c == ":" {
            name.unicodeScalars.append(c)
            rest = rest.dropFirst()
        }
        var quote: Unicode.Scalar? = nil
        while let c = rest.first {
            rest = rest.dropFirst()
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == ">" { break }
        }
        return (name.lowercased(), closing, rest)
    }

    private static func skip(past tag: String, in input: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        let closing = Array("</\(tag)".unicodeScalars)
        var index = input.startIndex
        while index + closing.count <= input.endIndex {
            if input[index..<(index + closing.count)].elementsEqual(closing, by: { $0.properties.lowercaseMapping == $1.properties.lowercaseMapping }) {
                let (_, _, rest) = readTag(input[index...])
                return rest
            }
            index += 1
        }
        return input[input.endIndex...]
    }

    /// Folds runs of spaces and tabs into one, keeps single line breaks, trims; nil when empty.
    static func fold(_ text: String) -> String? {
        var lines: [String] = []
        // `isNewline` also covers "\r\n", which Swift reads as one Character.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{3000}" || $0 == "\u{0C}" })
            let folded = words.joined(separator: " ")
            if !folded.isEmpty { lines.append(folded) }
        }
        let result = lines.joined(separator: "\n")
        return result.isEmpty ? nil : result
    }
}

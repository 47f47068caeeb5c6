extension String {
    /// The text made safe for HTML element content and quoted attribute values.
    ///
    /// Escapes `&`, `<`, `>`, `"` and `'`, and replaces control characters that HTML forbids
    /// (everything below U+0020 but tab, newline and carriage return, plus U+007F) with U+FFFD.
    var htmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

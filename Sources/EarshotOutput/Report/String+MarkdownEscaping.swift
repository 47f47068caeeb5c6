extension String {
    /// The text as inline Markdown that renders literally on GitHub and reads well in a terminal.
    ///
    /// Puts the text on one line (a newline would end a table row) and backslash-escapes
    /// `|` (a table cell boundary) and the characters that start inline markup: `\`, `` ` ``,
    /// `*`, `_`, `[`, `]`, `<` (raw HTML) and `~`; `&` only where it could start an entity
    /// (`&amp;`, `&#60;`), and `#`, `>`, `-`, `+` only as the first character, where they
    /// would start a heading, quote or list. Control characters become U+FFFD. Escaping stays
    /// light so a terminal reader sees `Bolt & Co`, not `Bolt \& Co`.
    var markdownEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        let scalars = Array(ReportFormat.oneLine(self).unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "|", "`", "*", "_", "[", "]", "<", "~":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "&" where index + 1 < scalars.count && (scalars[index + 1] == "#" || scalars[index + 1].properties.isAlphabetic):
                out += "\\&"
            case _ where index == 0 && "#>-+".unicodeScalars.contains(scalar):
                out += "\\"
                out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

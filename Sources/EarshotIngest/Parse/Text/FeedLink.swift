/// Resolves a feed's links as ``URLResolver`` does, answering the common cases from bytes
/// without Foundation: an absolute link with an ASCII scheme (`https://…`), and a plain relative
/// path (`posts/1`) against a plain `http(s)://host/dir/` base.
enum FeedLink {
    /// `reference` trimmed, resolved against `base` when it is relative.
    static func resolve(_ reference: String, against base: String?) -> String {
        let trimmed = FeedWhitespace.trimmed(reference)
        if hasASCIIScheme(trimmed) { return trimmed }
        guard let base else { return trimmed }
        return plainRelative(trimmed, against: base) ?? URLResolver.resolve(reference, against: base)
    }

    /// True when `text` starts with an ASCII letter, then ASCII letters, digits, `+`, `-` or `.`,
    /// then a `:` followed by ASCII or nothing: then ``URLResolver/isAbsolute(_:)`` says yes too.
    static func hasASCIIScheme(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next(), isLetter(first) else { return false }
        while let byte = bytes.next() {
            if byte == UInt8(ascii: ":") { return (bytes.next() ?? 0) < 0x80 }
            guard isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") else { return false }
        }
        return false
    }

    /// `base` up to its last `/`, then `reference`, when both are plain: the reference a path of
    /// unreserved characters with no dot segment and no empty segment; the base `http://` or
    /// `https://`, a lower-case host without port, and a path of the same kind. Otherwise nil.
    static func plainRelative(_ reference: String, against base: String) -> String? {
        var reference = reference, base = base
        // The common case reads both strings' bytes in place.
        guard let end = reference.withUTF8({ reference in base.withUTF8 { plainBaseEnd(reference, $0) } }) else { return nil }
        return base.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[..<end]), as: UTF8.self) } + reference
    }

    /// Where ``plainRelative(_:against:)`` cuts `base` (just after its last `/`), or nil when
    /// `reference` or `base` is not plain.
    private static func plainBaseEnd(_ reference: UnsafeBufferPointer<UInt8>, _ base: UnsafeBufferPointer<UInt8>) -> Int? {
        guard isPlainPath(reference, leadingSlash: false) else { return nil }
        let schemeLength = base.starts(with: "https://".utf8) ? 8 : base.starts(with: "http://".utf8) ? 7 : 0
        guard schemeLength > 0 else { return nil }
        let rest = base[schemeLength...]
        guard let pathStart = rest.firstIndex(of: UInt8(ascii: "/")), pathStart > rest.startIndex,
              rest[..<pathStart].allSatisfy({ (0x61...0x7A).contains($0) || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }),
              isPlainPath(rest[pathStart...], leadingSlash: true),
              let lastSlash = base.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        return lastSlash + 1
    }

    /// Unreserved ASCII (`A-Z a-z 0-9 - _ ~`) segments separated by single `/`, none starting with `.`.
    private static func isPlainPath<Bytes: Collection<UInt8>>(_ bytes: Bytes, leadingSlash: Bool) -> Bool {
        guard let first = bytes.first, (first == UInt8(ascii: "/")) == leadingSlash else { return false }
        var previous: UInt8 = leadingSlash ? 0 : UInt8(ascii: "/")
        for byte in bytes {
            let slash = byte == UInt8(ascii: "/")
            if previous == UInt8(ascii: "/"), slash || byte == UInt8(ascii: ".") { return false }
            guard slash || isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "~") || byte == UInt8(ascii: ".") else { return false }
            previous = byte
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

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

    /// A base with its cut for ``plainRelative(_:against:)`` worked out once: an Atom feed resolves
    /// every entry's link against the same `xml:base`.
    struct Base {
        let text: String
        /// Just after the last `/` of `text`, or nil when `text` is not a plain base.
        let plainEnd: Int?

        init(_ text: String) {
            var bytes = text
            self.text = text
            plainEnd = bytes.withUTF8 { FeedLink.plainBaseEnd($0) }
        }

        /// True when `other` is `text` bit for bit (``isSameStringValue(_:_:)``), so this cut holds for it.
        func holds(for other: String) -> Bool { isSameStringValue(text, other) }
    }

    /// ``resolve(_:against:)`` against a base whose cut is already known.
    static func resolve(_ reference: String, against base: Base) -> String {
        let trimmed = FeedWhitespace.trimmed(reference)
        if hasASCIIScheme(trimmed) { return trimmed }
        return plainRelative(trimmed, against: base) ?? URLResolver.resolve(reference, against: base.text)
    }

    /// True when `text` starts with an ASCII letter, then ASCII letters, digits, `+`, `-` or `.`,
    /// then a `:` followed by ASCII or nothing: then ``URLResolver/isAbsolute(_:)`` says yes too.
    static func hasASCIIScheme(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { hasASCIIScheme(bytes: $0) }
    }

    /// ``hasASCIIScheme(_:)`` of UTF-8 `bytes`.
    static func hasASCIIScheme(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, isLetter(first) else { return false }
        for index in 1..<bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") { return index + 1 == bytes.count || bytes[index + 1] < 0x80 }
            guard isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") else { return false }
        }
        return false
    }

    /// `base` up to its last `/`, then `reference`, when both are plain: the reference a path of
    /// unreserved characters with no dot segment and no empty segment; the base `http://` or
    /// `https://`, a lower-case host without port, and a path of the same kind. Otherwise nil.
    static func plainRelative(_ reference: String, against base: String) -> String? {
        plainRelative(reference, against: Base(base))
    }

    /// ``plainRelative(_:against:)`` with the base's cut already known.
    static func plainRelative(_ reference: String, against base: Base) -> String? {
        guard let end = base.plainEnd else { return nil }
        var reference = reference, text = base.text
        // Both strings' bytes read in place, and the result written in one piece (both are ASCII).
        return reference.withUTF8 { reference in
            guard isPlainPath(reference, from: 0, leadingSlash: false) else { return nil }
            return text.withUTF8 { base -> String? in
                guard let from = base.baseAddress, let tail = reference.baseAddress else { return nil }
                return String(unsafeUninitializedCapacity: end + reference.count) { buffer in
                    let start = buffer.baseAddress!
                    start.initialize(from: from, count: end)
                    (start + end).initialize(from: tail, count: reference.count)
                    return end + reference.count
                }
            }
        }
    }

    /// Where ``plainRelative(_:against:)`` cuts `base` (just after its last `/`), or nil when
    /// `base` is not plain.
    private static func plainBaseEnd(_ base: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = base.count
        let schemeLength = hasPrefix(base, "https://") ? 8 : hasPrefix(base, "http://") ? 7 : 0
        guard schemeLength > 0 else { return nil }
        // The host: at least one lower-case letter, digit, `-` or `.`, up to the path's `/`.
        var pathStart = schemeLength
        while pathStart < count, base[pathStart] != UInt8(ascii: "/") {
            let byte = base[pathStart]
            guard (0x61...0x7A).contains(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return nil }
            pathStart += 1
        }
        guard pathStart < count, pathStart > schemeLength, isPlainPath(base, from: pathStart, leadingSlash: true) else { return nil }
        var lastSlash = count - 1
        while base[lastSlash] != UInt8(ascii: "/") { lastSlash -= 1 }
        return lastSlash + 1
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard bytes.count >= length else { return false }
        for index in 0..<length where bytes[index] != prefix.utf8Start[index] { return false }
        return true
    }

    /// Whether `bytes[start...]` is unreserved ASCII (`A-Z a-z 0-9 - _ ~`) segments separated by
    /// single `/`, none starting with `.`, starting with a `/` exactly when `leadingSlash`.
    private static func isPlainPath(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, leadingSlash: Bool) -> Bool {
        guard start < bytes.count, (bytes[start] == UInt8(ascii: "/")) == leadingSlash else { return false }
        var previous: UInt8 = leadingSlash ? 0 : UInt8(ascii: "/")
        for index in start..<bytes.count {
            let byte = bytes[index]
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

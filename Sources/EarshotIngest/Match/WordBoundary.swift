/// What counts as a word character, and where words start and end, in UTF-8 bytes.
///
/// Letters, digits and combining marks are word characters, except in the scripts written
/// without spaces (Chinese Han, Japanese kana): there every character stands alone, so a term
/// written in those scripts matches anywhere, and each such character counts as one word for
/// `NEAR/n`.
enum WordBoundary {
    /// Whether `scalar` belongs to a script written without spaces between words.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2EBEF: return true
        default: return false
        }
    }

    /// Whether `scalar` joins its neighbours into one word (a letter, digit or mark outside CJK).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A)
        }
        if isCJK(scalar) { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Whether `text` (a term as written) starts and ends with a word character, so that a match
    /// needs a word boundary on that side.
    static func edges(of text: String) -> (start: Bool, end: Bool) {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return (false, false) }
        return (isWordScalar(first), isWordScalar(last))
    }

    /// Whether the scalar that ends just before byte `i` is a word character.
    static func wordScalar(in bytes: UnsafeBufferPointer<UInt8>, endingAt i: Int) -> Bool {
        guard i > 0 else { return false }
        let last = bytes[i - 1]
        if last < 0x80 { return isWordScalar(Unicode.Scalar(last)) }
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80, i - start < 4 { start -= 1 }
        guard let scalar = decode(bytes, at: start, limit: i) else { return false }
        return isWordScalar(scalar)
    }

    /// Whether the scalar that starts at byte `i` is a word character.
    static func wordScalar(in bytes: UnsafeBufferPointer<UInt8>, startingAt i: Int) -> Bool {
        guard i < bytes.count else { return false }
        let first = bytes[i]
        if first < 0x80 { return isWordScalar(Unicode.Scalar(first)) }
        guard let scalar = decode(bytes, at: i, limit: bytes.count) else { return false }
        return isWordScalar(scalar)
    }

    /// The byte ranges of the words in `bytes`: runs of word characters, and each CJK character alone.
    static func words(in bytes: [UInt8]) -> (starts: [Int], ends: [Int]) {
        var starts: [Int] = [], ends: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            var inWord = false
            while i < buffer.count {
                let length = scalarLength(buffer[i])
                let scalar = decode(buffer, at: i, limit: buffer.count)
                let isWord = scalar.map(isWordScalar) ?? false
                let isCJK = scalar.map(isCJK) ?? false
                if inWord, !isWord { ends.append(i); inWord = false }
                if isCJK {
                    if inWord { ends.append(i); inWord = false }
                    starts.append(i); ends.append(min(i + length, buffer.count))
                } else if isWord, !inWord {
                    starts.append(i); inWord = true
                }
                i += length
            }
            if inWord { ends.append(buffer.count) }
        }
        return (starts, ends)
    }

    private static func scalarLength(_ byte: UInt8) -> Int {
        byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, limit: Int) -> Unicode.Scalar? {
        let b0 = bytes[i]
        if b0 < 0x80 { return Unicode.Scalar(b0) }
        let length = scalarLength(b0)
        guard length > 1, i + length <= limit else { return nil }
        var value = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return Unicode.Scalar(value)
    }
}

import Foundation

/// Blank checks and trimming with `CharacterSet.whitespacesAndNewlines`'s meaning, on UTF-8
/// bytes: ASCII answers at once, and only text whose edges are not ASCII asks Foundation.
enum FeedWhitespace {
    /// True when `text` is empty or holds only white space and line breaks.
    static func isBlank(_ text: String) -> Bool {
        var sawNonASCII = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                if !isSpace(UInt8(scalar.value)) { return false }
            } else {
                if !isSpace(scalar) { return false }
                sawNonASCII = true
            }
        }
        return !sawNonASCII || text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// ``isBlank(_:)`` of the valid UTF-8 `bytes`: ASCII answers at once, anything else asks the `String` way.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes {
            if byte >= 0x80 { return isBlank(String(decoding: bytes, as: UTF8.self)) }
            if !isSpace(byte) { return false }
        }
        return true
    }

    /// Members of `CharacterSet.whitespacesAndNewlines` (a test checks every scalar against Foundation).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `text` without leading and trailing white space and line breaks.
    static func trimmed(_ text: String) -> String {
        // On the string's UTF-8 (contiguous already for every string a parser makes): byte offsets.
        var text = text
        let edges = text.withUTF8 { bytes -> (start: Int, end: Int, whole: Bool)? in
            var start = 0, end = bytes.count
            while start < end, bytes[start] < 0x80, isSpace(bytes[start]) { start &+= 1 }
            while start < end, bytes[end &- 1] < 0x80, isSpace(bytes[end &- 1]) { end &-= 1 }
            // Non-ASCII white space at an edge: Foundation decides.
            guard start == end || bytes[start] < 0x80 && bytes[end &- 1] < 0x80 else { return nil }
            return (start, end, start == 0 && end == bytes.count)
        }
        guard let edges else { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
        if edges.whole { return text }
        if edges.start == edges.end { return "" }
        return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[edges.start..<edges.end]), as: UTF8.self) }
    }

    /// The range of `bytes` that ``trimmed(_:)`` keeps, when no white space at either edge is
    /// beyond ASCII (nil otherwise: Foundation decides then).
    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = 0, end = bytes.count
        while start < end, bytes[start] < 0x80, isSpace(bytes[start]) { start &+= 1 }
        while start < end, bytes[end &- 1] < 0x80, isSpace(bytes[end &- 1]) { end &-= 1 }
        guard start == end || bytes[start] < 0x80 && bytes[end &- 1] < 0x80 else { return nil }
        return start..<end
    }

    /// ASCII members of `CharacterSet.whitespacesAndNewlines`: tab, line feed, vertical tab,
    /// form feed, carriage return and space (a test checks this against Foundation).
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}

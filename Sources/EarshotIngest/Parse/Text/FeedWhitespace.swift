import Foundation

/// Blank checks and trimming with `CharacterSet.whitespacesAndNewlines`'s meaning, on UTF-8
/// bytes: ASCII answers at once, and only text whose edges are not ASCII asks Foundation.
enum FeedWhitespace {
    /// True when `text` is empty or holds only white space and line breaks.
    static func isBlank(_ text: String) -> Bool {
        var sawNonASCII = false
        for byte in text.utf8 {
            if byte >= 0x80 { sawNonASCII = true } else if !isSpace[Int(byte)] { return false }
        }
        return !sawNonASCII || text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// `text` without leading and trailing white space and line breaks.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, utf8[start] < 0x80, isSpace[Int(utf8[start])] { start = utf8.index(after: start) }
        while start < end {
            let last = utf8[utf8.index(before: end)]
            guard last < 0x80, isSpace[Int(last)] else { break }
            end = utf8.index(before: end)
        }
        if start == end { return "" }
        guard utf8[start] < 0x80, utf8[utf8.index(before: end)] < 0x80 else {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if start == utf8.startIndex, end == utf8.endIndex { return text }
        return String(text[start..<end])
    }

    /// ASCII members of `CharacterSet.whitespacesAndNewlines`: tab, line feed, vertical tab,
    /// form feed, carriage return and space (a test checks this against Foundation).
    static let isSpace: [Bool] = (0..<128).map { [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20].contains($0) }
}

import Foundation

/// Header fields for RFC 5322 messages: sanitised, RFC 2047-encoded where needed, and folded.
///
/// Every value that comes from data (a brand name in a subject, a display name) passes through
/// ``sanitized(_:)`` first, so no CR or LF from data can start a new header line.
enum MIMEHeader {
    /// The longest line earshot writes in a header (RFC 5322 recommends 78 characters).
    static let lineLimit = 78

    /// `text` with every control character (CR, LF, tab, NUL, DEL, NEL, the Unicode line and
    /// paragraph separators) replaced by a space.
    static func sanitized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `text` is printable US-ASCII (space to `~`).
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// One unstructured header field (such as Subject), CRLF-folded, without a final CRLF.
    ///
    /// A value that is all printable ASCII is folded at spaces; anything else is written as
    /// RFC 2047 `=?UTF-8?B?…?=` encoded words, each at most 64 characters and holding whole
    /// characters only, one per line.
    static func field(_ name: String, _ value: String) -> String {
        let clean = sanitized(value)
        if isPrintableASCII(clean) { return fold(name + ": " + clean) }
        return name + ": " + encodedWords(clean).joined(separator: "\r\n ")
    }

    /// RFC 2047 B-encoded words for `text`, splitting only between characters.
    static func encodedWords(_ text: String) -> [String] {
        // "=?UTF-8?B?" + "?=" is 12 characters; 52 base64 characters hold 39 bytes: 64 in all,
        // so even the first line, after "Subject: ", stays within 76 characters (RFC 2047 §2).
        let maxBytes = 39
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > maxBytes {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// Folds a header line at spaces so that lines stay within ``lineLimit`` where a space allows.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > lineLimit else { return line }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if current.isEmpty {
                current = String(word)
            } else if current.utf8.count + 1 + word.utf8.count > lineLimit, !word.isEmpty {
                lines.append(current)
                current = " " + word
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }
}

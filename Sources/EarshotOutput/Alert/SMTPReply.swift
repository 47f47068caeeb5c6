import Foundation

/// One SMTP reply (RFC 5321 §4.2): a three-digit code and one or more lines of text.
///
/// A multi-line reply (`250-first`, `250-second`, `250 last`) arrives as one value.
struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    /// The reply code, 200–599.
    var code: Int
    /// The text of each line, without the code and separator.
    var lines: [String]

    /// 2xx: the command succeeded.
    var isPositiveCompletion: Bool { (200..<300).contains(code) }
    /// 3xx: the server waits for more (354 after DATA, 334 during AUTH).
    var isIntermediate: Bool { (300..<400).contains(code) }

    /// `550 5.1.1 no such user` (lines joined by spaces, control characters removed, at most
    /// 400 characters): safe to put in an error message.
    var description: String {
        let text = MIMEHeader.sanitized(lines.joined(separator: " ")).trimmingCharacters(in: .whitespaces)
        let clipped = text.count > 400 ? String(text.prefix(400)) + "…" : text
        return clipped.isEmpty ? "\(code)" : "\(code) \(clipped)"
    }

    /// The EHLO extensions this reply advertises, upper-cased keyword to its parameters
    /// (`AUTH` → `["PLAIN", "LOGIN"]`); the first line (the server's greeting) is skipped.
    var extensions: [String: [String]] {
        var result: [String: [String]] = [:]
        for line in lines.dropFirst() {
            // Some servers still write the pre-standard `AUTH=PLAIN LOGIN`.
            let words = line.replacingOccurrences(of: "=", with: " ").split(separator: " ").map(String.init)
            guard let keyword = words.first?.uppercased() else { continue }
            result[keyword, default: []] += words.dropFirst().map { $0.uppercased() }
        }
        return result
    }
}

import EarshotCore
import Foundation

/// RSS version attribute to format.
enum RSSVersion {
    static func format(_ version: String?) -> FeedFormat {
        switch version.map(trimmed) {
        case "2.0", "2.0.1", "2.00", "2": return .rss20
        case "0.90", "0.91", "0.92", "0.93", "0.94", "0.9": return .rss09x
        default: return .rss
        }
    }

    /// `text` as `trimmingCharacters(in: .whitespaces)` gives it: of ASCII text, without the
    /// spaces and tabs at its ends, worked out here (Foundation's way goes through `NSString`
    /// and costs run-time type lookups the first time in a process).
    static func trimmed(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.trimmingCharacters(in: .whitespaces) }
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = text.utf8.firstIndex(where: { !blank($0) }), let last = text.utf8.lastIndex(where: { !blank($0) }) else { return "" }
        return String(text.utf8[first...last])!
    }
}

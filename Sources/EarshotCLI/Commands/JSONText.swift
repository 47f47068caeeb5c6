import EarshotIngest
import Foundation

/// Minimal JSON text writing for streaming output with a fixed key order.
enum JSONText {
    /// `text` as a JSON string literal, escaped by the one byte-level rule
    /// (``TextOutput/appendJSONString(_:)``, which `parse-feed`'s writer uses too).
    static func quote(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            let output = TextOutput(capacity: utf8.count + 8)
            output.appendJSONString(utf8)
            return String(decoding: output.bytes, as: UTF8.self)
        }
    }

    /// `text` quoted, or `null`.
    static func quote(_ text: String?) -> String { text.map { quote($0) } ?? "null" }

    /// A number without needless digits (`4`, `3.5`, `0.1235`).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.4f", value).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }
}

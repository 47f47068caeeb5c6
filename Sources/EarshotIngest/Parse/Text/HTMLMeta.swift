import Foundation

/// Finds the charset an HTML page names for itself in its first 1024 bytes (`<meta charset="...">`
/// or `<meta http-equiv="Content-Type" content="text/html; charset=...">`), as the WHATWG
/// prescan does, in a simplified form.
enum HTMLMeta {
    /// The label, or nil when the bytes do not start like an HTML page or name no charset.
    static func charset(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        guard head.contains("<html") || head.contains("<!doctype html") || head.contains("<meta"),
              !head.contains("<rss"), !head.contains("<feed"), !head.contains("<rdf:rdf") else { return nil }
        var rest = head[...]
        while let open = rest.range(of: "<meta") {
            let tag = rest[open.upperBound...].prefix { $0 != ">" }
            if let found = tag.range(of: "charset") {
                var value = tag[found.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
                if value.first == "=" {
                    value = value.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\t" }
                    let label = value.prefix { !" \"';>/\t\n\r".contains($0) }
                    if !label.isEmpty { return String(label) }
                }
            }
            rest = rest[open.upperBound...]
        }
        return nil
    }
}

/// Reads and rewrites the `encoding` pseudo-attribute of an XML declaration (`<?xml version="1.0"
/// encoding="..."?>`) at the start of a document's bytes.
enum XMLDeclaration {
    /// The declared encoding label, or nil when there is no declaration or it names none.
    static func encoding(in bytes: [UInt8]) -> String? {
        valueRange(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Makes a declaration that names another encoding name UTF-8, once the bytes are UTF-8,
    /// so that libxml2 does not switch to the encoding the document claims.
    static func sayUTF8(in bytes: inout [UInt8]) {
        guard let range = valueRange(in: bytes) else { return }
        let value = String(decoding: bytes[range], as: UTF8.self).lowercased()
        if value == "utf-8" || value == "utf8" { return }
        bytes.replaceSubrange(range, with: Array("UTF-8".utf8))
    }

    /// Where the value of `encoding="..."` is, within the declaration that opens `bytes`.
    static func valueRange(in bytes: [UInt8]) -> Range<Int>? {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard bytes[i...].starts(with: Array("<?xml".utf8)), i + 5 < bytes.count, isSpace(bytes[i + 5]) else { return nil }
        let limit = min(bytes.count, i + 512)
        i += 5
        let target = Array("encoding".utf8)
        while i < limit {
            if bytes[i] == UInt8(ascii: "?") { return nil }
            guard bytes[i...].starts(with: target), isSpace(bytes[i - 1]) else { i += 1; continue }
            i += target.count
            while i < limit, isSpace(bytes[i]) { i += 1 }
            guard i < limit, bytes[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            while i < limit, isSpace(bytes[i]) { i += 1 }
            guard i < limit, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[i]
            let start = i + 1
            guard let end = bytes[start..<limit].firstIndex(of: quote) else { return nil }
            return start..<end
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}

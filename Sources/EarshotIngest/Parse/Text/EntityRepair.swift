/// Repairs the ampersands that make most ill-formed feeds ill-formed, before libxml2's
/// recovering parser reads them (it drops what it cannot read): a bare `&` becomes `&amp;`,
/// and an HTML entity that XML does not define (`&nbsp;`, `&eacute;`) becomes its numeric
/// character reference.
///
/// Works on the bytes of ASCII-compatible encodings (UTF-8, ISO-8859-x, Windows-125x); leaves
/// UTF-16 documents and documents that declare their own entities alone.
enum EntityRepair {
    private static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// The repaired bytes, or nil when there is nothing to repair or the document is not one this can repair.
    static func repair(_ bytes: [UInt8]) -> [UInt8]? {
        let ampersand = UInt8(ascii: "&"), semicolon = UInt8(ascii: ";")
        guard bytes.contains(ampersand), !isUTF16(bytes), !declaresEntities(bytes) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var changed = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == ampersand else {
                output.append(byte)
                index += 1
                continue
            }
            // Find the reference's end: `;` within 32 bytes, with only name or number characters before it.
            var end = index + 1
            while end < bytes.count, end - index <= 32, isReferenceByte(bytes[end]) { end += 1 }
            let name = String(decoding: bytes[(index + 1)..<min(end, bytes.count)], as: UTF8.self)
            if end < bytes.count, bytes[end] == semicolon, isWellFormedReference(name) {
                if xmlEntities.contains(name) || name.hasPrefix("#") {
                    output.append(contentsOf: bytes[index...end])
                } else if let character = HTMLEntityTable.character(named: name), let scalar = character.unicodeScalars.first {
                    output.append(contentsOf: Array("&#\(scalar.value);".utf8))
                    changed = true
                } else {
                    output.append(contentsOf: Array("&amp;".utf8))
                    output.append(contentsOf: bytes[(index + 1)...end])
                    changed = true
                }
                index = end + 1
            } else {
                output.append(contentsOf: Array("&amp;".utf8))
                changed = true
                index += 1
            }
        }
        return changed ? output : nil
    }

    private static func isReferenceByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "#")
    }

    /// `#123`, `#x1F`, or a name starting with a letter.
    private static func isWellFormedReference(_ name: String) -> Bool {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return name.count > 2 && name.dropFirst(2).allSatisfy(\.isHexDigit)
        }
        if name.hasPrefix("#") { return name.count > 1 && name.dropFirst().allSatisfy { $0.isASCII && $0.isNumber } }
        return name.first?.isLetter == true && !name.contains("#")
    }

    private static func isUTF16(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || (bytes.count > 1 && (bytes[0] == 0 || bytes[1] == 0))
    }

    private static func declaresEntities(_ bytes: [UInt8]) -> Bool {
        let marker = Array("<!ENTITY".utf8)
        guard bytes.count >= marker.count else { return false }
        return (0...(bytes.count - marker.count)).contains { bytes[$0] == marker[0] && bytes[$0..<($0 + marker.count)].elementsEqual(marker) }
    }
}

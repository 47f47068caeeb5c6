import CLibXML2
import Foundation

/// HTML's named character references, looked up in libxml2's HTML 4 table.
enum HTMLEntityTable {
    /// The character `&name;` stands for, or nil when HTML has no such entity.
    static func character(named name: String) -> Character? {
        if let common = common[name] { return common }
        return libxml2Character(named: name)
    }

    /// ``character(named:)`` from libxml2's table alone (what ``common`` must agree with).
    static func libxml2Character(named name: String) -> Character? {
        guard name.utf8.count < 32 else { return nil }
        let entity: UnsafePointer<htmlEntityDesc>? = name.withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { htmlEntityLookup($0) }
        }
        guard let entity, let scalar = Unicode.Scalar(entity.pointee.value) else { return nil }
        return Character(scalar)
    }

    /// The scalar `&name;` stands for, given the name's ASCII bytes; the same answer as
    /// ``character(named:)``, remembered per name so the hot loop skips libxml2's linear search.
    static func scalar(named name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard name.count <= 8 else { return character(named: String(decoding: name, as: UTF8.self))?.unicodeScalars.first }
        var key: UInt64 = 0
        if let source = name.baseAddress { withUnsafeMutableBytes(of: &key) { $0.baseAddress!.copyMemory(from: source, byteCount: name.count) } }
        return scalar(packed: key)
    }

    /// ``scalar(named:)`` of a name of one to eight ASCII bytes other than NUL, given packed
    /// as it packs them: the first byte lowest, zero past the end.
    static func scalar(packed key: UInt64) -> Unicode.Scalar? {
        let common: UInt32 = commonKeys.withUnsafeBufferPointer { table in
            var slot = commonSlot(key)
            while table[slot].key != 0 {
                if table[slot].key == key { return table[slot].scalar }
                slot = (slot + 1) & 63
            }
            return UInt32.max
        }
        if common != UInt32.max { return Unicode.Scalar(common) }
        if let known = remembered.answer(for: key) { return known }
        let name = withUnsafeBytes(of: key.littleEndian) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let found = character(named: name)?.unicodeScalars.first
        remembered.remember(found, for: key)
        return found
    }

    private static let remembered = Answers()

    /// Answers already looked up, by name packed into a `UInt64` (names of at most 8 bytes); at
    /// most 4,096, so a feed full of made-up names cannot grow it without bound. A lock rather
    /// than `Mutex`, which needs macOS 15 (the package supports macOS 13).
    private final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        // Only touched under `lock`, which is what makes access exclusive: the run-time check is left out.
        @exclusivity(unchecked) private var answers: [UInt64: Unicode.Scalar?] = [:]

        func answer(for key: UInt64) -> Unicode.Scalar?? {
            lock.lock()
            defer { lock.unlock() }
            return answers[key]
        }

        func remember(_ answer: Unicode.Scalar?, for key: UInt64) {
            lock.lock()
            defer { lock.unlock() }
            if answers.count < 4096 { answers[key] = .some(answer) }
        }
    }

    /// ``common`` by name packed as ``scalar(named:)`` packs it (little-endian bytes), in 64 slots
    /// probed forward from ``commonSlot(_:)``; a zero key marks an empty slot. No lock, no `Hasher`.
    private static let commonKeys: [(key: UInt64, scalar: UInt32)] = {
        var table = [(key: UInt64, scalar: UInt32)](repeating: (0, 0), count: 64)
        for (name, character) in common {
            let key = name.utf8.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
            var slot = commonSlot(key)
            while table[slot].key != 0 { slot = (slot + 1) & 63 }
            table[slot] = (key, character.unicodeScalars.first!.value)
        }
        return table
    }()

    private static func commonSlot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58) }

    /// The references feeds use most, answered without libxml2's linear search.
    static let common: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "hellip": "…",
        "mdash": "—", "ndash": "–", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
        "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}", "euro": "\u{20AC}", "laquo": "\u{00AB}", "raquo": "\u{00BB}",
        "middot": "\u{00B7}", "bull": "\u{2022}",
    ]
}

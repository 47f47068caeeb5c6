import CLibXML2
import Foundation

/// HTML's named character references, looked up in libxml2's HTML 4 table.
enum HTMLEntityTable {
    /// The character `&name;` stands for, or nil when HTML has no such entity.
    static func character(named name: String) -> Character? {
        if let common = common[name] { return common }
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
        for (offset, byte) in name.enumerated() { key |= UInt64(byte) << (8 * offset) }
        for entry in commonKeys where entry.key == key { return entry.scalar }
        if let known = remembered.answer(for: key) { return known }
        let found = character(named: String(decoding: name, as: UTF8.self))?.unicodeScalars.first
        remembered.remember(found, for: key)
        return found
    }

    private static let remembered = Answers()

    /// Answers already looked up, by name packed into a `UInt64` (names of at most 8 bytes); at
    /// most 4,096, so a feed full of made-up names cannot grow it without bound. A lock rather
    /// than `Mutex`, which needs macOS 15 (the package supports macOS 13).
    private final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        private var answers: [UInt64: Unicode.Scalar?] = [:]

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

    /// ``common`` by name packed as ``scalar(named:)`` packs it: a few compares, no lock or hash.
    private static let commonKeys: [(key: UInt64, scalar: Unicode.Scalar)] = common.map { name, character in
        (name.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }, character.unicodeScalars.first!)
    }

    private static let common: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "hellip": "…",
        "mdash": "—", "ndash": "–", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    ]
}

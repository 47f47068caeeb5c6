/// A read-only hash table from UTF-8 byte strings to values, built once when a lexicon is
/// loaded: open addressing with linear probing, FNV-1a hashes, keys stored back to back in
/// one byte array. A lookup reads the key's bytes where they lie (a token's buffer, a
/// `String`'s storage) and allocates nothing, which `[String: Value]` cannot promise.
///
/// `String` equality is canonical equivalence, byte equality is not; the two agree for keys
/// of ASCII, unified Han characters and emoji of U+1F000–U+1FAFF, which have no other
/// canonical forms, unless a stored key holds a character equivalent to one of them (the
/// Kelvin sign, a CJK compatibility ideograph). So ``subscript(_:)`` compares bytes only for
/// such keys (``isByteComparable(_:)``) and when no stored key holds such a character, and
/// otherwise asks a `Dictionary`.
///
/// Every key has an index into ``values`` (``index(of:)``), so that a caller can keep flat
/// arrays of what it needs from each value and look a token up once.
struct ByteKeyTable<Value: Sendable>: Sendable {
    /// The table's arrays in one reference, so that copying a table (a lexicon's, into a
    /// lookup chain or a closure) retains one object instead of each array.
    final class Storage: Sendable {
        /// Each key's index into ``values``, for keys that bytes cannot decide.
        let positions: [String: Int]
        /// False when some stored key has a character canonically equivalent to ASCII or unified Han.
        let bytesDecide: Bool
        /// Every key's bytes, back to back; key `i` is `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
        let keyBytes: [UInt8]
        let keyStarts: [Int32]
        /// The values, in the order of their keys' indices.
        let values: [Value]
        /// Per slot: the key's hash in the high 32 bits and the entry index plus one in the
        /// low 32 (0 for an empty slot), so that a probe reads one word.
        let slots: [UInt64]
        let mask: Int

        /// The storage of a table holding every entry of `dictionary`.
        init(_ dictionary: [String: Value]) {
            var keyBytes: [UInt8] = []
            var keyStarts: [Int32] = [0]
            var values: [Value] = []
            values.reserveCapacity(dictionary.count)
            var capacity = 16
            while capacity < dictionary.count * 2 { capacity *= 2 }
            var slots = [UInt64](repeating: 0, count: capacity)
            let mask = capacity - 1
            var positions: [String: Int] = [:]
            positions.reserveCapacity(dictionary.count)
            for (key, value) in dictionary {
                positions[key] = values.count
                let bytes = Array(key.utf8)
                let hash = bytes.withUnsafeBufferPointer(ByteKeyTable<Value>.hash)
                keyBytes.append(contentsOf: bytes)
                keyStarts.append(Int32(keyBytes.count))
                values.append(value)
                var slot = Int(hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = UInt64(hash) << 32 | UInt64(values.count)
            }
            self.keyBytes = keyBytes
            self.keyStarts = keyStarts
            self.values = values
            self.slots = slots
            self.mask = mask
            self.positions = positions
            bytesDecide = !dictionary.keys.contains { key in
                key.unicodeScalars.contains { [0x212A, 0x037E, 0x1FEF].contains($0.value) || (0xF900...0xFAFF).contains($0.value) || (0x2F800...0x2FA1F).contains($0.value) }
            }
        }
    }

    private let storage: Storage

    /// The values, in the order of their keys' indices.
    var values: [Value] { storage.values }

    /// Every key with its index into ``values``.
    var keyIndices: [String: Int] { storage.positions }

    /// A table holding every entry of `dictionary`.
    init(_ dictionary: [String: Value]) {
        storage = Storage(dictionary)
    }

    /// True when `bytes` are ASCII and unified Han characters (U+3400–U+4DBF, U+4E00–U+9FFF) only.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        onlyPlainCharacters(bytes, orEmoji: false)
    }

    /// True when `bytes` are ASCII, unified Han characters (``isPlain(_:)``) and emoji of
    /// U+1F000–U+1FAFF only: characters with no other canonical form (no decomposition,
    /// combining class 0), so that a `String` equal to them has the same bytes.
    static func isByteComparable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        onlyPlainCharacters(bytes, orEmoji: true)
    }

    /// The walk behind ``isPlain(_:)`` and ``isByteComparable(_:)``: ASCII and unified Han, and
    /// four-byte emoji of U+1F000–U+1FAFF when `orEmoji`.
    private static func onlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>, orEmoji: Bool) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            if orEmoji, byte & 0xF8 == 0xF0 {
                guard index + 3 < bytes.count else { return false }
                let value = (UInt32(byte & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12) | (UInt32(bytes[index + 2] & 0x3F) << 6)
                    | UInt32(bytes[index + 3] & 0x3F)
                guard (0x1F000...0x1FAFF).contains(value) else { return false }
                index += 4
                continue
            }
            guard byte & 0xF0 == 0xE0, index + 2 < bytes.count else { return false }
            let value = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
            guard (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) else { return false }
            index += 3
        }
        return true
    }

    /// FNV-1a over the bytes, folded to 32 bits.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// The index of the key with exactly these bytes, or -1.
    func index(forBytes key: UnsafeBufferPointer<UInt8>) -> Int {
        index(forBytes: key, hash: ByteKeyTable.hash(key))
    }

    /// ``index(of:)`` of a key of comparable bytes (``isByteComparable(_:)``) whose bytes and ``hash(_:)`` the caller
    /// worked out once for several tables, or nil when bytes cannot decide for this table
    /// (then the caller asks ``index(of:)``).
    func index(forPlainBytes key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
        storage.bytesDecide ? index(forBytes: key, hash: hash) : nil
    }

    /// ``index(forBytes:)`` with the key's ``hash(_:)`` already worked out.
    func index(forBytes key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
        let storage = storage
        let mask = storage.mask
        var slot = Int(hash) & mask
        return storage.slots.withUnsafeBufferPointer { slots in
            storage.keyBytes.withUnsafeBufferPointer { stored in
                storage.keyStarts.withUnsafeBufferPointer { starts in
                    while true {
                        let word = slots[slot]
                        if word == 0 { return -1 }
                        if UInt32(truncatingIfNeeded: word >> 32) == hash {
                            let entry = Int(truncatingIfNeeded: word & 0xFFFF_FFFF)
                            let start = Int(starts[entry - 1]), end = Int(starts[entry])
                            if end - start == key.count {
                                var same = true
                                for offset in 0..<key.count where stored[start + offset] != key[offset] {
                                    same = false
                                    break
                                }
                                if same { return entry - 1 }
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// The value stored under a key of ASCII and unified Han characters (``isPlain(_:)``),
    /// compared as `String`s compare, or nil.
    subscript(plain key: UnsafeBufferPointer<UInt8>) -> Value? {
        let index = storage.bytesDecide ? index(forBytes: key) : storage.positions[String(decoding: key, as: UTF8.self)] ?? -1
        return index < 0 ? nil : storage.values[index]
    }

    /// The index of the key whose UTF-8 bytes `key` holds (compared as `String`s compare), or -1.
    func index(forKeyBytes key: UnsafeBufferPointer<UInt8>) -> Int {
        storage.bytesDecide && ByteKeyTable.isByteComparable(key) ? index(forBytes: key) : storage.positions[String(decoding: key, as: UTF8.self)] ?? -1
    }

    /// The value stored under the key whose UTF-8 bytes `key` holds (compared as `String`s
    /// compare), or nil.
    func value(forKeyBytes key: UnsafeBufferPointer<UInt8>) -> Value? {
        let index = index(forKeyBytes: key)
        return index < 0 ? nil : storage.values[index]
    }

    /// The index of `key` in ``values`` (compared as `String`s compare), or -1.
    func index(of key: String) -> Int {
        var key = key
        let found: Int? = key.withUTF8 { bytes in
            storage.bytesDecide && ByteKeyTable.isByteComparable(bytes) ? index(forBytes: bytes) : nil
        }
        if let found { return found }
        return storage.positions[key] ?? -1
    }

    /// The value stored under `key` (compared as `String`s compare), or nil.
    subscript(key: String) -> Value? {
        let index = index(of: key)
        return index < 0 ? nil : storage.values[index]
    }
}
